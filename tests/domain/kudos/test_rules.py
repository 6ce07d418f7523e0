"""The kudos rules as pure functions: allowance days in the giver's zone, values, reasons."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import KudosRefused
from bot.kudos import rules as r
from bot.kudos.records import Announcement, Giving
from bot.kudos.tell import shoutout_place
from bot.profile import Profile

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_local_day_follows_the_givers_zone_and_dst() -> None:
    """Paris on the spring-forward day: a 23-hour day, from 23:00 to 22:00 UTC."""
    start, end = r.local_day(datetime(2026, 3, 29, 12, tzinfo=UTC), "Europe/Paris")
    assert (start, end) == (
        datetime(2026, 3, 28, 23, tzinfo=UTC),
        datetime(2026, 3, 29, 22, tzinfo=UTC),
    )
    start, _ = r.local_day(datetime(2026, 3, 10, 3, 30, tzinfo=UTC), "America/New_York")
    assert start == datetime(2026, 3, 9, 4, tzinfo=UTC)
    assert r.local_day(datetime(2026, 1, 1, tzinfo=UTC), "Not/AZone")[0] == datetime(
        2026, 1, 1, tzinfo=UTC
    )


def test_periods_start_at_local_midnight() -> None:
    now = datetime(2026, 5, 29, 12, tzinfo=UTC)  # a Friday
    assert r.period_window("week", now, "UTC") == (datetime(2026, 5, 25, tzinfo=UTC), None)
    new_york = r.period_window("quarter", now, "America/New_York")
    assert new_york == (datetime(2026, 4, 1, 4, tzinfo=UTC), None)
    assert r.period_window("year", now, "UTC") == (datetime(2026, 1, 1, tzinfo=UTC), None)
    assert r.period_window("all", now, "UTC") == (None, None)


def test_a_last_period_is_the_whole_one_before_this_one() -> None:
    """`last week` ends where this week begins; `last quarter` in New York crosses the
    change to summer time (EST then EDT)."""
    now = datetime(2026, 5, 29, 12, tzinfo=UTC)
    week = (datetime(2026, 5, 18, tzinfo=UTC), datetime(2026, 5, 25, tzinfo=UTC))
    assert r.period_window("last week", now, "UTC") == week
    month = (datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 5, 1, tzinfo=UTC))
    assert r.period_window("last month", now, "UTC") == month
    quarter = (datetime(2026, 1, 1, 5, tzinfo=UTC), datetime(2026, 4, 1, 4, tzinfo=UTC))
    assert r.period_window("last quarter", now, "America/New_York") == quarter
    january = datetime(2026, 1, 3, tzinfo=UTC)
    year = (datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC))
    assert r.period_window("last year", january, "UTC") == year
    # London's week of the change to summer time is 167 hours: Monday 00:00 GMT to 00:00 BST.
    spring = datetime(2026, 3, 30, 12, tzinfo=UTC)
    short = (datetime(2026, 3, 23, tzinfo=UTC), datetime(2026, 3, 29, 23, tzinfo=UTC))
    assert r.period_window("last week", spring, "Europe/London") == short


def test_allowance_by_role_and_what_is_left() -> None:
    rules = r.KudosRules(daily_allowance=5, role_allowances={"manager": 10, "lead": 7})
    assert r.allowance_for(rules, ["lead", "manager"]) == 10
    assert r.allowance_for(rules, ["engineer"]) == 5
    assert r.check_allowance(used=3, wanted=2, allowance=5) == 0
    with pytest.raises(KudosRefused, match="You have 1 of 5"):
        r.check_allowance(used=4, wanted=2, allowance=5)
    with pytest.raises(KudosRefused, match="all 5"):
        r.check_allowance(used=5, wanted=1, allowance=5)


def test_values_suggestions_and_requirement() -> None:
    rules = r.KudosRules(values=("courage", "craft", "customer-first", "ownership", "teamwork"))
    assert r.resolve_values(["teamwork", "craft", "teamwork"], [], rules) == ("teamwork", "craft")
    assert r.suggest_values("custmer", rules.values)[0] == "customer-first"
    with pytest.raises(KudosRefused, match="Did you mean #ownership"):
        r.resolve_values(["ownrship"], [], rules)
    required = r.KudosRules(values=rules.values, values_required=True)
    with pytest.raises(KudosRefused, match="at least one company value"):
        r.resolve_values([], [], required)
    # A channel link is a value when it names one (`#craft` linked to a channel called craft);
    # any other is a channel the reason mentions, not a value or a recipient.
    assert r.resolve_values([], ["general", "Craft"], rules) == ("craft",)


def test_reasons_and_recipients() -> None:
    assert r.check_reason("  fixed the build  ", 10) == "fixed the build"
    with pytest.raises(KudosRefused, match="at least 10"):
        r.check_reason("thanks", 10)
    with pytest.raises(KudosRefused, match="keep it to 2,000 at most"):
        r.check_reason("x" * 2001, 10)
    assert len(r.check_reason("x" * 2500, 10, clip_long=True)) == 2000
    giver = Profile("U1", "ana")
    with pytest.raises(KudosRefused, match="yourself"):
        r.check_recipients(giver, [Profile("U1", "ana")])
    with pytest.raises(KudosRefused, match="bot"):
        r.check_recipients(giver, [Profile("U2", "bot", is_bot=True)])
    with pytest.raises(KudosRefused, match="deactivated"):
        r.check_recipients(giver, [Profile("U3", "gone", deactivated=True)])


def test_an_edited_quote_is_clipped_as_the_reaction_clipped_it() -> None:
    """docs/kudos.md: a reason is "kept whole up to 2,000". A reacted message's words are
    clipped there between characters; its edited words were cut mid-emoji, a 👩🏽‍💻 shown as
    👩🏽 and a dangling joiner in the shout-out, the DMs and the digests."""
    edited = "x" * 1998 + "👩🏽‍💻 and more"
    assert r.quoted_reason(edited) == r.check_reason(edited, 0, clip_long=True) == "x" * 1998
    assert r.quoted_reason("  ") == r.QUOTED_DELETED


def test_reaction_lists_and_streaks() -> None:
    assert r.parse_reactions("kudos, :Clap:,,tada") == ("kudos", "clap", "tada")
    assert r.parse_reactions("") == ("kudos",)
    now = datetime(2026, 5, 29, 12, tzinfo=UTC)  # Friday of ISO week 22
    given = [datetime(2026, 5, 20, tzinfo=UTC), datetime(2026, 5, 13, tzinfo=UTC)]
    assert r.week_streak(given, now, "UTC") == 2  # weeks 21 and 20; this week not over yet
    assert r.week_streak([*given, now], now, "UTC") == 3
    assert r.week_streak([datetime(2026, 5, 6, tzinfo=UTC)], now, "UTC") == 0


@pytest.mark.parametrize(
    ("link", "back"),
    [
        ("https://acme.slack.com/archives/C1/p1", "<https://acme.slack.com/archives/C1/p1|in"),
        ("https://x.example/|x> <!channel> <https://evil.example/login", "in <#C1>"),
        ("javascript:alert(1)", "in <#C1>"),
    ],
)
def test_a_shout_out_links_back_only_through_a_plain_link(link: str, back: str) -> None:
    """The link back to the message is put in `<…|…>`: markup in it would hide another link or
    ping a channel, so such a link is not used (the channel is named instead)."""
    giving = Giving(
        team_id="T1",
        giver=Profile("U1", "ana"),
        recipients=(Profile("U2", "ben"),),
        reason="the release",
        key="k",
        source="shortcut",
        channel_id="C1",
        announcement=Announcement(message_link=link),
    )
    place, how = shoutout_place(giving, "C0KUDOS")
    assert place == "C0KUDOS" and how is not None and how.startswith(back)
