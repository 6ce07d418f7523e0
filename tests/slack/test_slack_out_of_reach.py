"""Slack's Web API out of reach on our side of the network (a connection closed with no
answer, a timeout): the person is told what Slack's own failures tell them, to try again in a
minute, and the log says so in one WARNING line, with no traceback, as it is no bug of ours."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from handlers.client.failures import out_of_reach
from handlers.dispatch.friendly import SLACK_BUSY, SOMETHING_WENT_WRONG
from slack_emulator import SlackEmulator
from tests.slack.harness import SlackHarness


async def by_command(slack: SlackHarness) -> None:
    await slack.command("alice", "/skills", "who terraform")


async def by_reaction(slack: SlackHarness) -> None:
    message = await slack.post("bob", "general", "I shipped the quokka rollout")
    await slack.here.add_reaction(
        slack.user("alice"), slack.channel("general"), message.ts, "kudos"
    )


@pytest.mark.parametrize("way", [by_command, by_reaction], ids=["command", "reaction"])
async def test_slack_out_of_reach_says_try_again_in_a_minute(
    slack: SlackHarness,
    caplog: pytest.LogCaptureFixture,
    way: Callable[[SlackHarness], Awaitable[None]],
) -> None:
    """Every `users.info` (who Alice is) closes its connection with no answer: Alice reads
    that Slack didn't answer, and the log has one warning naming the failure, no traceback."""
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("users.info", dropped=True, times=None)
    await way(slack)
    await slack.settle()
    told = [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
    assert told == [SLACK_BUSY], told
    assert SOMETHING_WENT_WRONG not in told
    ours = [r for r in caplog.records if r.name.startswith("askaround")]
    assert not [r for r in ours if r.levelno >= logging.ERROR or r.exc_info], ours
    [warning] = [r for r in ours if r.levelno == logging.WARNING]
    assert "ServerDisconnectedError" in warning.getMessage()
    assert "\n" not in warning.getMessage()


@pytest.mark.parametrize("page", ["text/html", "text/plain", "application/json"])
async def test_a_page_answered_200_in_slacks_place_says_try_again_in_a_minute(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, page: str
) -> None:
    """Something in front of Slack answers `users.info` with its own page and a 200: Alice
    reads that Slack didn't answer, as for its 5xx pages. Before, the HTML page (read as Slack
    refusing to describe her) told her `/skills who` is for members, as if she were a guest,
    and the others told her something went wrong on askaround's side, with a bug's
    traceback in the log."""
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("users.info", status=200, page=page, times=None)
    await by_command(slack)
    await slack.settle()
    told = [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
    assert told == [SLACK_BUSY], told
    ours = [r for r in caplog.records if r.name.startswith("askaround")]
    assert not [r for r in ours if r.levelno >= logging.ERROR or r.exc_info], ours


async def test_a_timeout_talking_to_slack_is_out_of_reach_and_our_own_is_not() -> None:
    """A Web API call that outlives its client's timeout (Slack answers too late) is Slack out
    of reach; a TimeoutError of our own, raised outside slack_sdk, stays a bug's."""
    async with SlackEmulator("out-of-reach-secret") as emu:
        emu.faults.add("team.info", delay=10.0)
        client = AsyncWebClient(
            token=emu.bot_token, base_url=emu.api_url, timeout=1, retry_handlers=[]
        )
        with pytest.raises(TimeoutError) as slow:
            await client.team_info()
    assert out_of_reach(slow.value)
    with pytest.raises(TimeoutError) as ours:
        async with asyncio.timeout(0):
            await asyncio.sleep(1)
    assert not out_of_reach(ours.value)


async def test_a_job_that_cannot_reach_slack_logs_one_line(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The daily directory sync while Slack drops every `users.list`: the log had a full
    traceback for each workspace each run; it has one WARNING naming the job's failure, the
    workspace and that it runs again, and no traceback."""
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("users.list", dropped=True, times=None)
    await slack.runner.bot.scheduler.run_once("directory_sync")
    ours = [r for r in caplog.records if r.name.startswith("askaround")]
    assert not [r for r in ours if r.levelno >= logging.ERROR or r.exc_info], ours
    [warning] = [r.getMessage() for r in ours if r.levelno == logging.WARNING]
    assert "could not reach Slack" in warning and slack.team_id in warning, warning
    assert "ServerDisconnectedError" in warning and "next run" in warning, warning
    assert "\n" not in warning
