"""What a new admin met on a walk through askaround's settings (docs/testing.md, "An admin's
walk-through"): each refusal says what to do next, and nothing is changed by a slip."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from bot.profile import Profile
from tests.e2e.harness import run_main
from tests.slack.harness import SlackHarness

SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")

Cli = Callable[..., Awaitable[tuple[int, str, str]]]


@pytest.fixture
async def cli(
    slack: SlackHarness,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    """`askaround settings ARGS…` with the database URL alone, on a workspace askaround knows."""
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    for name in SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", slack.runner.settings.database_url)
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))

    async def run(*args: str) -> tuple[int, str, str]:
        return await run_main(["settings", *args], capsys)

    return run


async def test_settings_alone_shows_them(cli: Cli) -> None:
    """`askaround settings` alone said "the following arguments are required: ACTION, VALUE",
    where `show` needs no VALUE: alone it shows them, as `/askaround settings` alone opens
    them in Slack."""
    code, out, err = await cli()
    assert (code, err) == (0, ""), err
    assert "daily_allowance    default  5\n" in out


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("teamwork craft", "“teamwork, craft”"),
        ("#teamwork #craft", "“teamwork, craft”"),
        ("teamwork; craft", "“teamwork, craft”"),
    ],
)
async def test_values_without_commas_are_told_to_put_them_in(
    slack: SlackHarness, cli: Cli, typed: str, meant: str
) -> None:
    """`set values teamwork craft` (or as #tags, or with semicolons) was refused as "can't be a
    company value: one word of letters, …", which never said that values are parted by
    commas; nothing is changed either way."""
    code, out, err = await cli("set", "values", *typed.split(" "))
    assert (code, out) == (1, "")
    assert f"separate values with commas: {meant}" in err, err
    assert len(err.splitlines()) == 1
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert "courage" in now.values


async def test_a_rename_the_shell_cut_short_says_to_quote_it(cli: Cli) -> None:
    """`set values craft -> quality` unquoted: the shell wrote "values: …" to a file called
    quality and askaround read `craft -`, refused as "can't be a company value"."""
    code, _out, err = await cli("set", "values", "craft", "-")
    assert code == 1
    assert "`askaround settings set values 'craft -> NEW'`" in err, err


async def test_reactions_without_commas_are_told_to_put_them_in(cli: Cli) -> None:
    code, _out, err = await cli("set", "kudos_reactions", "tada", "clap")
    assert code == 1 and "separate them with commas: “tada, clap”" in err, err

