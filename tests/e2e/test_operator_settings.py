"""Settings as an operator gets them wrong: a token pasted in the wrong place is told which
token it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.harness import run_main

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        (
            "SLACK_BOT_TOKEN",
            "xoxp-1-user",
            "SLACK_BOT_TOKEN is malformed: it should start with “xoxb-”; this one is a user "
            "token: askaround needs the Bot User OAuth Token (xoxb-…) below it",
        ),
        (
            "SLACK_BOT_TOKEN",
            "xapp-1-app",
            "SLACK_BOT_TOKEN is malformed: it should start with “xoxb-”; this one is an "
            "app-level token, which belongs in SLACK_APP_TOKEN",
        ),
        (
            "SLACK_APP_TOKEN",
            "xoxb-1-bot",
            "SLACK_APP_TOKEN is malformed: it should start with “xapp-”; this one is the bot "
            "token, which belongs in SLACK_BOT_TOKEN",
        ),
        (
            "SLACK_BOT_TOKEN",
            "1234-not-a-token",
            "SLACK_BOT_TOKEN is malformed: it should start with “xoxb-”",
        ),
    ],
)
async def test_a_token_in_the_wrong_place_is_told_which_token_it_is(
    variable: str,
    value: str,
    said: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The user token sits just above the bot token on OAuth & Permissions: "should start
    with xoxb-" left the operator to work out which of Slack's tokens they had pasted."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-bot")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    monkeypatch.setenv(variable, value)
    code, out, err = await run_main(["serve"], capsys)
    assert (code, out, err) == (2, "", f"askaround: {said}\n")
    assert not (tmp_path / "askaround.db").exists()
