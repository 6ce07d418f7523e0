"""Properties of the kudos rules that read what people typed (`bot/kudos/rules.py`): the
reason, the `#values` (with suggestions for typos) and the workspace's reaction list."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from bot.errors import KudosRefused
from bot.kudos.rules import MAX_REASON, KudosRules, check_reason, parse_reactions, resolve_values
from bot.safe_text import reading_length
from tests.domain.properties import FEWER, MANY, assert_clear
from tests.domain.properties.strategies import ANY_TEXT, WORDS

VALUES = ("teamwork", "ownership", "customer-first", "craft", "courage")
RULES = KudosRules(values=VALUES)
TAGS = st.lists(st.sampled_from(VALUES) | WORDS, max_size=4)


@MANY
@given(ANY_TEXT | st.text(max_size=2100), st.integers(0, 40), st.booleans())
def test_a_reason_is_kept_whole_or_refused_with_its_length(
    reason: str, least: int, clip_long: bool
) -> None:
    """Any reason is kept stripped (clipped to 2,000 for reactions, between characters), or
    refused with a short message giving the length asked for, against the reason field; its
    length counts a Chinese, Japanese or Korean letter two (`reading_length`)."""
    try:
        kept = check_reason(reason, least, clip_long=clip_long)
    except KudosRefused as refused:
        assert refused.field == "reason"
        assert str(least) in assert_clear(refused) or str(MAX_REASON) in str(refused)
        return
    assert least <= reading_length(kept) and len(kept) <= MAX_REASON
    assert reason.strip().startswith(kept)


@FEWER
@given(TAGS, st.lists(st.sampled_from(VALUES) | WORDS, max_size=2), st.booleans())
def test_tags_are_known_values_or_refused_with_the_list(
    tags: list[str], channel_tags: list[str], required: bool
) -> None:
    """Tags resolve to known values, once each, in order; an unknown one is refused with a
    message listing the values (and the closest ones for a typo)."""
    rules = KudosRules(values=VALUES, values_required=required)
    try:
        chosen = resolve_values(tags, channel_tags, rules)
    except KudosRefused as refused:
        assert refused.field in ("values", "recipients")
        assert "#teamwork" in assert_clear(refused) or "channel" in str(refused)
        return
    assert set(chosen) <= set(VALUES) and len(chosen) == len(set(chosen))
    assert chosen or not required


@FEWER
@given(st.sampled_from(VALUES), st.integers(0, 20), st.sampled_from(string.ascii_lowercase))
def test_a_one_letter_typo_suggests_the_value(value: str, at: int, letter: str) -> None:
    """`#temwork` or `#teamworkk` (one letter off) is refused with `Did you mean #teamwork`."""
    at = at % len(value)
    typo = value[:at] + letter + value[at + 1 :]
    if typo in VALUES:
        return
    try:
        resolve_values([typo], (), RULES)
    except KudosRefused as refused:
        assert f"#{value}" in assert_clear(refused).split("Values:")[0]
    else:
        raise AssertionError(f"#{typo} was accepted")


@FEWER
@given(ANY_TEXT)
def test_reaction_settings_are_clean_names(configured: str) -> None:
    """Any configured reaction list gives at least one name: lowercase, without
    commas or the colons around an emoji (`:tada:` is `tada`)."""
    names = parse_reactions(configured)
    assert names
    for name in names:
        assert name and name == name.lower() and "," not in name
        assert name == name.strip(":")
