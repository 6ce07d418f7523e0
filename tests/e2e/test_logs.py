"""Secrets never reach the logs, even at DEBUG with every library talking."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.runtime.logs import LEVEL_READ_AS_SET, RedactSecrets, configure_logging
from bot.runtime.runner import Runner
from tests.e2e.harness import BOT_TOKEN, SIGNING_SECRET, Harness, logging_put_back
from tests.host_zone import host_in


@pytest.fixture
def logs_put_back() -> Iterator[None]:
    """Whatever a test configures, the loggers as they were after it."""
    with logging_put_back():
        yield


@pytest.fixture
def debug_log(logs_put_back: None) -> io.StringIO:
    stream = io.StringIO()
    configure_logging("DEBUG", (BOT_TOKEN, SIGNING_SECRET), stream=stream)
    return stream


@pytest.mark.usefixtures("logs_put_back")
def test_slack_sdk_builds_no_debug_line_unless_logging_is_at_debug() -> None:
    """slack_sdk builds a call's debug lines (its arguments, the answer's whole body) when
    its own logger's `level` is at most DEBUG, and an unset level is 0: at INFO it must
    read INFO, at DEBUG it still logs them (`test_debug_logs_of_a_real_exchange_…`)."""
    configure_logging("INFO", (), stream=io.StringIO())
    assert all(logging.getLogger(n).level > logging.DEBUG for n in LEVEL_READ_AS_SET)
    configure_logging("DEBUG", (), stream=io.StringIO())
    assert all(logging.getLogger(n).level == logging.DEBUG for n in LEVEL_READ_AS_SET)


async def test_debug_logs_of_a_real_exchange_hold_no_secret(
    debug_log: io.StringIO, slack: Harness
) -> None:
    """A command and a mention at DEBUG level: Bolt and slack_sdk log, but no token or secret."""
    await slack.command("alice", "/askaround", "help")
    await slack.post("bob", "general", f"<@{slack.emu.bot_user_id}> hi")
    await slack.settle()
    text = debug_log.getvalue()
    assert "chat.postMessage" in text  # the exchange really was logged
    assert BOT_TOKEN not in text and SIGNING_SECRET not in text


@pytest.mark.usefixtures("logs_put_back", "server_in_kiritimati")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_log_times_are_utc_and_say_so_whatever_the_host_s_zone(fmt: str) -> None:
    """On a host in Kiritimati (UTC+14), a line logged at 00:55:31.123 UTC on 8 December read
    "2026-12-08 14:55:31,123" in text, a time with no zone that an operator comparing it
    with Slack's or another replica's logs takes for UTC; JSON lines said "+1400" and
    dropped the milliseconds. Both now carry UTC, ISO 8601 with `Z`."""
    stream = io.StringIO()
    configure_logging("INFO", (), stream=stream, fmt=fmt)
    logger = logging.getLogger("askaround.test")
    record = logger.makeRecord(logger.name, logging.INFO, __file__, 1, "hello", (), None)
    record.created, record.msecs = 1796691331.123, 123.0  # 2026-12-08T00:55:31.123Z
    logging.getLogger().handlers[0].handle(record)
    line = stream.getvalue().strip()
    if fmt == "json":
        import json

        assert json.loads(line)["time"] == "2026-12-08T00:55:31.123Z", line
    else:
        assert line == "2026-12-08T00:55:31.123Z INFO askaround.test hello", line


@pytest.fixture
def server_in_kiritimati() -> Iterator[None]:
    """The process's own zone (`TZ`) 14 hours ahead of UTC, as a server's may be."""
    with host_in("Pacific/Kiritimati"):
        yield


def test_token_shapes_and_configured_secrets_are_masked() -> None:
    """Anything shaped like a Slack token, and each configured secret, is replaced."""
    redact = RedactSecrets(["s3cr3t-value"]).redact
    assert redact("token xoxb-123-abc and xapp-1-A2 and s3cr3t-value") == (
        "token xoxb-[redacted] and xapp-[redacted] and [redacted]"
    )


async def test_json_logs_carry_the_slack_request_id(slack: Harness) -> None:
    """With ASKAROUND_LOG_FORMAT=json each line is one JSON object, tagged with the event id."""
    import json

    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    configure_logging("DEBUG", (BOT_TOKEN,), stream=stream, fmt="json")
    try:
        _message, deliveries = await slack.emu.post_message(
            slack.user("bob"), slack.channel("general"), f"<@{slack.emu.bot_user_id}> hi"
        )
        await slack.settle()
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    entries = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert entries and all({"time", "level", "logger", "message"} <= set(e) for e in entries)
    ids = {e.get("request_id") for e in entries}
    assert {d.event_id for d in deliveries} & ids


async def test_info_logs_and_metrics_name_no_one_and_quote_nothing(
    logs_put_back: None, slack: Harness
) -> None:
    """What an operator reads, the INFO log and `/metrics`, after a question, a kudos and a
    command: no text anyone typed, no user id and no workspace id (labels are listener
    names and delivery results)."""
    import aiohttp

    stream = io.StringIO()
    configure_logging("INFO", (BOT_TOKEN, SIGNING_SECRET), stream=stream)
    await slack.post("bob", "general", f"<@{slack.emu.bot_user_id}> who knows zorblaxing?")
    await slack.command("alice", "/kudos", f"<@{slack.user('bob')}> for the quuxification")
    await slack.command("alice", "/askaround", "help")
    await slack.drain()
    assert isinstance(slack.runner, Runner)  # end to end: `askaround serve`'s Runner
    base = slack.runner.url.removesuffix("/slack/events")
    async with aiohttp.ClientSession() as http, http.get(f"{base}/metrics") as resp:
        metrics = await resp.text()
    assert 'listener="/kudos"' in metrics and 'listener="app_mention"' in metrics
    # the emulator's own access lines (this process serves it too) log the bot's calls to it
    ours = [line for line in stream.getvalue().splitlines() if "slackclient/" not in line]
    private = ["zorblaxing", "quuxification", slack.team_id]
    private += [slack.user(who) for who in ("alice", "bob")]
    said = [line for line in ours + metrics.splitlines() if any(w in line for w in private)]
    assert said == [] and any("INFO" in line for line in ours)
