"""Settings as an operator gets them wrong: a token pasted in the wrong place is told which
token it is, and a mistyped variable name is named as the bot starts, not silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.harness import run_main
from tests.e2e.test_operator_start import lines_until_listening, serving

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


async def test_a_mistyped_setting_is_named_as_serve_starts(tmp_path: Path) -> None:
    """`ASKAROUND_DATABASE=postgresql://…` (the `_URL` left off) was ignored without a word,
    and the bot ran on a new `askaround.db` in its folder; so were a `.env`'s misspellings."""
    (tmp_path / ".env").write_text(
        "SLACK_TOKEN=xoxb-1\nPOSTGRES_PASSWORD=compose-reads-this\nASKAROUND_LOGLEVEL=debug\n"
    )
    mistyped = {"ASKAROUND_DATABASE": "sqlite:///meant.db", "ASKAROUND_TEST_FLAG": "1"}
    async with serving(tmp_path / "serve.db", **mistyped) as served:
        said = await lines_until_listening(served)
    warned = [line.split(" askaround ", 1)[1] for line in said if " WARNING askaround " in line]
    assert warned == [
        "ASKAROUND_DATABASE is not a setting askaround reads (did you mean "
        "ASKAROUND_DATABASE_URL?): it is ignored\n",
        "ASKAROUND_LOGLEVEL is not a setting askaround reads (did you mean "
        "ASKAROUND_LOG_LEVEL?): it is ignored\n",
        "SLACK_TOKEN is not a setting askaround reads (did you mean SLACK_BOT_TOKEN?): it is "
        "ignored\n",
    ]
