"""The one `/kudos` parser: escaped mentions in, recipients, reason and tags out."""

from __future__ import annotations

import pytest

from bot.errors import KudosRefused
from bot.kudos.parse import parse_kudos, parse_top, without_channel_values
from bot.mentions import only_mention
from bot.safe_text import clip

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_leading_mentions_are_recipients_and_tags_are_values() -> None:
    """`<@U1|ana> <@U2|ben> for … #teamwork #ownership` splits into its three parts."""
    parsed = parse_kudos("<@U1|ana> <@U2|ben> for untangling the release #teamwork #Ownership")
    assert parsed.recipients == ("U1", "U2")
    assert parsed.reason == "untangling the release"
    assert parsed.tags == ("teamwork", "ownership")


def test_a_value_may_be_in_any_script() -> None:
    """Company values are tags in the workspace's language: `#Ética`, `#качество`."""
    parsed = parse_kudos("<@U1|ana> por la revisión #Ética #качество #1st")
    assert parsed.tags == ("ética", "качество")
    assert parsed.reason == "por la revisión #1st"


def test_an_accent_typed_as_its_own_mark_is_the_same_value() -> None:
    """`é` typed as `e` and a combining accent (as some keyboards and pastes send it) is the
    value `#ética`, not `#e` followed by text."""
    decomposed = "e\u0301tica"
    parsed = parse_kudos(f"<@U1|ana> por la revisión #{decomposed}")
    assert parsed.tags == ("ética",)
    assert parsed.reason == "por la revisión"
    assert parse_top(f"month #{decomposed}") == ("month", "ética")


def test_joiners_and_repeats_between_mentions() -> None:
    """Commas, "and" and "&amp;" may join recipients; a repeated mention counts once."""
    parsed = parse_kudos("<@U1>, <@U2|ben> &amp; <@U3> and <@U1>: the on-call handover")
    assert parsed.recipients == ("U1", "U2", "U3")
    assert parsed.reason == "the on-call handover"


@pytest.mark.parametrize(
    "text",
    [
        "<@U1> for the great review!",
        "<@U1>: for the great review!",
        "<@U1>, <@U2>: for the great review!",
        "<@U1> - for the great review!",
        "<@U1> for: the great review!",
        "<@U1>: the great review!",
    ],
)
def test_a_colon_or_dash_before_for_leaves_neither_in_the_reason(text: str) -> None:
    assert parse_kudos(text).reason == "the great review!"


def test_a_reason_that_is_not_a_lead_in_is_kept_whole() -> None:
    assert parse_kudos("<@U1> fort knox migration").reason == "fort knox migration"
    assert parse_kudos("<@U1> formatting the docs").reason == "formatting the docs"


def test_mentions_inside_the_reason_stay_in_the_reason() -> None:
    parsed = parse_kudos("<@U1> for pairing with <@U2|ben> on the outage")
    assert parsed.recipients == ("U1",)
    assert parsed.reason == "pairing with <@U2|ben> on the outage"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("<!subteam^S1|@devs> for the release", "the group @devs"),
        ("<@U1> and <!subteam^S1> for the release", "rather than a user group."),
        ("<!here> for the release", "@here"),
        ("<!channel|channel> for the release", "@channel"),
        ("<#C1|general> for the release", "a channel"),
        ("@ana for the release", "autocomplete"),
        ("for the release", "Start with who"),
    ],
)
def test_what_is_not_a_person_is_refused_with_a_hint(text: str, hint: str) -> None:
    with pytest.raises(KudosRefused) as refused:
        parse_kudos(text)
    assert hint in str(refused.value) and refused.value.field == "recipients"


def test_channel_links_and_urls_are_not_plain_tags() -> None:
    """`<#C…|craft>` is kept apart (it may be a value); a URL's `#anchor` is no tag."""
    parsed = parse_kudos("<@U1> for the docs at <https://x.example/a#setup|the guide> <#C9|craft>")
    assert parsed.channel_tags == ("craft",)
    assert parsed.tags == ()
    assert "<https://x.example/a#setup|the guide>" in parsed.reason


def test_only_mention_and_top() -> None:
    assert only_mention(" <@U1|ana> ") == "U1"
    assert only_mention("<@U1> thanks") is None
    assert parse_top("") == ("month", None)
    assert parse_top("week #Craft") == ("week", "craft")
    with pytest.raises(KudosRefused):
        parse_top("fortnight")


def test_a_value_named_this_or_all_is_a_value_before_a_period() -> None:
    """`this week` and `all time` are periods; `#this week` is the value #this this week (it
    read as the value #week this month)."""
    assert parse_top("this week #craft") == ("week", "craft")
    assert parse_top("#this week") == ("week", "this")
    assert parse_top("all time #this") == ("all", "this")


def test_last_and_a_unit_is_the_period_before() -> None:
    """`top last week` was refused as the unknown period `last`."""
    assert parse_top("last week") == ("last week", None)
    assert parse_top("#craft Last  Month") == ("last month", "craft")
    assert parse_top("#last quarter") == ("quarter", "last")
    # `last` alone was "I don't know the period `last`: use … (…, or `last` for the one
    # before)", refusing the word it then offered
    with pytest.raises(KudosRefused, match=r"^`last` needs a period after it: `last week`, "):
        parse_top("last")
    with pytest.raises(KudosRefused, match="`this quarter` or `this year`"):
        parse_top("This #craft")


def test_clip_never_cuts_a_mention_or_entity_in_half() -> None:
    assert clip("short", 10) == "short"
    assert clip("thanks <@U12345|ana> a lot", 12) == "thanks…"
    assert clip("fish &amp; chips", 8) == "fish…"


def test_a_channel_linked_in_the_reason_stays_in_it() -> None:
    """`for the fix in #ops`: Slack's link to a channel is part of what was said; only one
    that names a value leaves the reason, once the values are known."""
    parsed = parse_kudos("<@U1> for the fix in <#C9|ops> &amp; the docs <#C8|craft> #teamwork")
    assert parsed.reason == "the fix in <#C9|ops> & the docs <#C8|craft>"
    assert parsed.tags == ("teamwork",) and parsed.channel_tags == ("ops", "craft")
    kept = without_channel_values(parsed.reason, ("craft", "teamwork"))
    assert kept == "the fix in <#C9|ops> & the docs"
