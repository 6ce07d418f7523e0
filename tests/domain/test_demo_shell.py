"""The demo's line language parses what the README shows and rejects the rest with a hint."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.runtime.demo import BANNER
from bot.runtime.demo.shell import BadLine, Line, parse_line, to_slack_text, wait_for

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "@alice: /kudos @bob thanks #teamwork",
            Line("alice", "command", "/kudos @bob thanks #teamwork"),
        ),
        ("@carol: who knows terraform?", Line("carol", "say", "who knows terraform?")),
        ("@carol in #platform: anyone?", Line("carol", "say", "anyone?", "platform")),
        ("@bob dm: hello", Line("bob", "dm", "hello")),
        ("@bob react :kudos:", Line("bob", "react", ":kudos:")),
        ("@alice click Undo", Line("alice", "click", "Undo")),
        ("@dev pick Suggest someone @bob", Line("dev", "pick", "Suggest someone @bob")),
        ("@maria home", Line("maria", "home", "")),
        # A capital typed at the start of a name or a channel is still that person, there.
        ("@Alice in #Platform: hi", Line("alice", "say", "hi", "platform")),
        ("wait 2 hours", Line("", "wait", "2 hours")),
        # A name with an accent is a person's name (askaround then says if nobody has it):
        # it was "not understood; start with @name:", though it did.
        ("@José: hi", Line("josé", "say", "hi")),
        ("@zoë in #design click Undo", Line("zoë", "click", "Undo", "design")),
    ],
)
def test_lines_parse(raw: str, expected: Line) -> None:
    """Each documented form becomes the person, the verb, the text and the channel."""
    assert parse_line(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "# a comment"])
def test_blank_lines_and_comments_are_skipped(raw: str) -> None:
    """Scripts may hold comments and blank lines."""
    assert parse_line(raw) is None


@pytest.mark.parametrize(
    # `@alice dm:` sent Slack an empty message, which Slack's client never sends
    "raw",
    ["alice: hi", "@alice", "@alice:", "@alice dm:", "@alice click", "wait"],
)
def test_unclear_lines_get_a_hint(raw: str) -> None:
    """Anything else is refused with a message saying what to type."""
    with pytest.raises(BadLine):
        parse_line(raw)


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("@alice /kudos @bob thanks", "did you mean `@alice: /kudos @bob thanks`?"),
        ("@carol in #random hello", "did you mean `@carol in #random: hello`?"),
        ("alice: hi", "did you mean `@alice: hi`?"),
        ("@alice clik Undo", "did you mean `@alice click Undo`?"),
        ("@bob dm hello", "did you mean `@bob dm: hello`?"),
        ("?!", "start with @name: (type `help` for examples)"),
        ("wait a while", "in minutes, hours, days, weeks or months: `wait 45 minutes`"),
        ("wait 0 days", "in minutes, hours, days, weeks or months: `wait 45 minutes`"),
        ("wait a fortnight", "`wait an hour`, `wait 7 days` or `wait 1 month`"),
    ],
)
def test_a_near_miss_is_told_what_was_meant(raw: str, hint: str) -> None:
    """A line missing its colon or its @, or with a verb mistyped, is answered with the line
    as it should be; a `wait` without a length says how to give one."""
    with pytest.raises(BadLine) as refused:
        parse_line(raw)
    assert hint in str(refused.value)


def test_waits_are_read_in_minutes_hours_days_weeks_and_months() -> None:
    """Both the words and their one-letter forms; the singular too; a count in words (`an
    hour`, `for two days`)."""
    now = datetime(2026, 12, 6, 17, tzinfo=UTC)
    typed = ("45 minutes", "2h", "1 day", "3d", "1 week", "an hour", "for two days", "a week.")
    assert [wait_for(t, now) for t in typed] == [
        timedelta(minutes=45),
        timedelta(hours=2),
        timedelta(days=1),
        timedelta(days=3),
        timedelta(weeks=1),
        timedelta(hours=1),
        timedelta(days=2),
        timedelta(weeks=1),
    ]


def test_a_month_is_to_the_same_day_of_the_next() -> None:
    """Or to its last day, where it has fewer: a 1st is always passed."""
    at = datetime(2026, 12, 6, 17, tzinfo=UTC)
    assert at + wait_for("1 month", at) == datetime(2027, 1, 6, 17, tzinfo=UTC)
    end = datetime(2027, 1, 31, 9, tzinfo=UTC)
    assert end + wait_for("a month", end) == datetime(2027, 2, 28, 9, tzinfo=UTC)
    assert end + wait_for("13 months", end) == datetime(2028, 2, 29, 9, tzinfo=UTC)


def test_mentions_become_slack_mentions_for_known_people_only() -> None:
    """`@bob` becomes `<@U2|bob>`; unknown names and e-mail addresses stay as typed."""
    users = {"bob": "U2"}
    assert to_slack_text("thanks @bob and @zed, mail bob@x.io", users) == (
        "thanks <@U2|bob> and @zed, mail bob@x.io"
    )
    assert to_slack_text("thanks @Bob", users) == "thanks <@U2|bob>"


def test_here_channel_and_everyone_become_what_slack_sends() -> None:
    """Slack sends a typed `@here` as `<!here>`: `/kudos @here for …` in the demo was told
    "I can't tell who @here is", where in Slack it is told kudos go to people one by one."""
    assert to_slack_text("@here @channel @Everyone, @hereby", {"bob": "U2"}) == (
        "<!here> <!channel> <!everyone>, @hereby"
    )


def test_the_banner_says_which_message_a_reaction_goes_on() -> None:
    """`@bob react :kudos:` reacts to the last message someone else posted (`_last_message`:
    nobody gives kudos to themselves); the banner said "the last message in #general"."""
    [line] = [line for line in BANNER.splitlines() if "react :kudos:" in line]
    assert "the last message by someone else" in line, line


def test_the_banner_shows_every_kind_of_line() -> None:
    """`help` showed no `shortcut` line, though the guided tour uses two: a newcomer could not
    learn the message shortcut (`on last`) nor the shortcuts' names."""
    verbs = {"react", "click", "pick", "shortcut", "submit", "home", "dm:", "wait"}
    shown = {word for line in BANNER.splitlines() for word in line.split()}
    assert verbs <= shown, verbs - shown
    [line] = [line for line in BANNER.splitlines() if " on last " in line]
    assert "on last" in line and "on the last message by someone else" in line, line
