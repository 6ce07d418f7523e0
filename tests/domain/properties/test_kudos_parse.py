"""Properties of the `/kudos` parser (`bot/kudos/parse.py`) over thousands of typed texts."""

from __future__ import annotations

import re
import string

from hypothesis import example, given
from hypothesis import strategies as st

from bot.errors import KudosRefused
from bot.kudos.parse import PERIODS, parse_kudos, parse_top
from bot.mentions import only_mention
from bot.safe_text import clip
from tests.domain.properties import FEWER, MANY, assert_clear
from tests.domain.properties.strategies import ANY_TEXT, SLACKISH_TEXT, USER_IDS, WORDS, mentions

FIELDS = ("recipients", "reason", "values", None)
JOINERS = st.sampled_from([" ", ", ", " and ", " &amp; ", " & ", " + ", ",", " AND "])
LEAD_INS = st.sampled_from([" for ", ": ", " - ", " — ", " ", " For "])
TAGS = st.builds(
    str.__add__,
    st.sampled_from(string.ascii_letters),
    st.text(string.ascii_letters + string.digits + "_-", max_size=15),
)
REASONS = st.lists(WORDS, min_size=1, max_size=12).filter(lambda w: w[0] != "and").map(" ".join)


def _parse_or_refusal(text: str) -> None:
    try:
        parsed = parse_kudos(text)
    except KudosRefused as refused:
        assert_clear(refused, text)
        assert refused.field in FIELDS
        return
    assert parsed.recipients, "a parse always has someone to thank"
    assert len(set(parsed.recipients)) == len(parsed.recipients)
    assert all(re.fullmatch(r"[UW][A-Z0-9]+", r) for r in parsed.recipients)
    assert all(t == t.lower() and t for t in parsed.tags)
    assert len(set(parsed.tags)) == len(parsed.tags)
    assert parsed.reason == parsed.reason.strip(" \t,;")


@MANY
@given(ANY_TEXT)
def test_any_text_parses_or_is_refused_clearly(text: str) -> None:
    """Any text at all: a parse with unique well-formed recipients and lowercase tags, or a
    KudosRefused whose short, one-line message names the modal field it is about."""
    _parse_or_refusal(text)


@FEWER
@given(SLACKISH_TEXT)
def test_slack_shaped_text_parses_or_is_refused_clearly(text: str) -> None:
    """Texts made of Slack's escaped tokens (people, groups, channels, broadcasts, tags,
    joiners) in any order never crash the parser either."""
    _parse_or_refusal(text)


@FEWER
@given(
    st.lists(mentions(), min_size=1, max_size=6),
    JOINERS,
    LEAD_INS,
    REASONS,
    st.lists(TAGS, max_size=4),
)
def test_generated_kudos_parse_to_what_was_generated(
    people: list[str], joiner: str, lead_in: str, reason: str, tags: list[str]
) -> None:
    """`<@U…|label> <@U…>, … for REASON #tag …` gives back exactly the people (in order,
    repeats once), the reason as written and the tags lowercased, in order, once each."""
    text = joiner.join(people) + lead_in + reason + "".join(f" #{t}" for t in tags)
    parsed = parse_kudos(text)
    ids = [re.match(r"<@([UW][A-Z0-9]+)", p)[1] for p in people]  # type: ignore[index]
    assert parsed.recipients == tuple(dict.fromkeys(ids))
    assert parsed.reason == reason
    assert parsed.tags == tuple(dict.fromkeys(t.lower() for t in tags))
    assert parsed.channel_tags == ()


BLOCKED = (("<!subteam^S1|@devs>", "@devs"), ("<!here>", "@here"), ("<!channel>", "@channel"))


@FEWER
@given(
    st.lists(mentions(), min_size=1, max_size=3),
    REASONS,
    st.sampled_from(BLOCKED),
    st.integers(min_value=0, max_value=3),
)
def test_groups_and_broadcasts_are_never_recipients(
    people: list[str], reason: str, blocked: tuple[str, str], at: int
) -> None:
    """A user group or @here/@channel where a recipient stands, first or among the people
    thanked, is refused, with the group's name or the broadcast in the message, against the
    recipients field. In the reason it is what was said, and stays there as typed."""
    token, named = blocked
    before = at <= len(people)
    said = [*people[:at], token, *people[at:], reason] if before else [*people, reason, token]
    text = " ".join(said)
    try:
        parsed = parse_kudos(text)
    except KudosRefused as refused:
        assert before, f"{text!r} was refused"
        assert named in assert_clear(refused, text)
        assert refused.field == "recipients"
    else:
        assert not before, f"{text!r} was accepted"
        assert parsed.reason.endswith(token)


@FEWER
@given(mentions(), USER_IDS)
def test_only_mention_is_the_one_mentioned_person(mention: str, other: str) -> None:
    """`/kudos <@U…>` alone is about that person; a second mention or any words make it a
    kudos to give instead."""
    uid = re.match(r"<@([UW][A-Z0-9]+)", mention)[1]  # type: ignore[index]
    assert only_mention(f"  {mention} ") == uid
    assert only_mention(f"{mention} <@{other}>") is None
    assert only_mention(f"{mention} thanks") is None


@MANY
@given(ANY_TEXT)
@example("LAST")
@example("this")
def test_top_arguments_parse_or_are_refused_clearly(args: str) -> None:
    """`/kudos top …` with any words: a known period and an optional value, or a refusal
    that quotes the unknown word and lists the periods (`this` or `last` alone: the periods
    it needs after it; Hypothesis found `last` once in a while, which this test refused)."""
    try:
        period, value = parse_top(args)
    except KudosRefused as refused:
        message = assert_clear(refused, args)
        # `this` or `last` alone is told the periods it needs after it; any other word, all
        assert "week, month, quarter, year (this one, or `last`" in message or re.fullmatch(
            r"`(this|last)` needs a period after it: `\1 week`, `\1 month`, `\1 quarter` or "
            r"`\1 year`\.",
            message,
        ), message
        return
    assert period in PERIODS
    assert value is None or value == value.lower()


@FEWER
@given(st.sampled_from(PERIODS), st.none() | TAGS, st.booleans(), st.booleans())
def test_top_generated_arguments_round_trip(
    period: str, tag: str | None, tag_first: bool, shout: bool
) -> None:
    """`top PERIOD #value` in either order and any case gives back that period and value."""
    words = [period.upper() if shout else period]
    if tag is not None:
        words.insert(0 if tag_first else 1, f"#{tag}")
    assert parse_top(" ".join(words)) == (period, tag.lower() if tag else None)


@FEWER
@given(
    st.lists(st.one_of(mentions(), WORDS, st.just("&amp;"), st.just("&lt;b&gt;")), max_size=30),
    st.integers(1, 120),
)
def test_clip_never_cuts_a_token_in_half(tokens: list[str], limit: int) -> None:
    """Clipping a shout-out keeps within the limit, keeps a prefix of the text, and never
    leaves half a `<@U…|name>` mention or half an `&amp;` entity."""
    text = " ".join(tokens)
    clipped = clip(text, limit)
    assert len(clipped) <= limit
    if clipped == text:
        return
    body = clipped.removesuffix("…")
    assert text.startswith(body)
    assert body.count("<") == body.count(">")
    assert not re.search(r"&[a-z]*$", body)
