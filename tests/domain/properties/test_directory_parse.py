"""Properties of the `/skills` grammar (`bot/directory/parse.py`), shared with the profile
modal and the CSV importer: commands, skill lists with levels, away dates, network entries."""

from __future__ import annotations

import re
import string
from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from bot.directory.network import NetworkEntry
from bot.directory.parse import (
    LEVELS,
    RELATIONSHIPS,
    AddSkills,
    Away,
    SkillInput,
    SkillsSyntaxError,
    parse_command,
    parse_network_entry,
    parse_skill_items,
    split_list,
)
from bot.directory.skills import normalise_skill, shipped_vocabulary
from bot.mentions import only_mention
from tests.domain.properties import FEWER, MANY, assert_clear
from tests.domain.properties.strategies import ANY_TEXT, SLACKISH_TEXT, USER_IDS, WORDS, mentions

TODAY = date(2026, 6, 15)


def DIGITS(n: int) -> st.SearchStrategy[str]:
    return st.text(string.digits + "٣²", min_size=n, max_size=n)


VERBS = st.sampled_from(
    ["", "me", "add", "remove", "interests", "away", "back", "optout", "who", "network",
     "network add", "network remove", "forget", "help", "ADD", "Away until"]
)  # fmt: skip
SKILL_KEYS = st.sampled_from(sorted(shipped_vocabulary().names))
LEVEL = st.none() | st.integers(1, 5)
SEPARATORS = st.sampled_from([", ", ",", "; ", "\n", " ,  "])
# Contact names and topics as people write them: no list separators, no grammar keywords.
NAME_TEXT = st.text(string.ascii_letters + string.digits + " .-&()'", min_size=1, max_size=30)


def _names(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and not {"about", "as"} & set(words) and text.strip("\"' ") != ""


@MANY
@given(st.tuples(VERBS, ANY_TEXT | SLACKISH_TEXT).map(" ".join))
def test_any_skills_text_parses_or_is_refused_clearly(text: str) -> None:
    """Any `/skills …` text, after any verb: a command, or a SkillsSyntaxError whose short
    message says what would work."""
    try:
        parse_command(text, TODAY)
    except SkillsSyntaxError as error:
        assert_clear(error, text)


@FEWER
@given(st.lists(st.tuples(SKILL_KEYS, LEVEL, st.booleans()), min_size=1, max_size=6), SEPARATORS)
def test_generated_skill_lists_parse_to_what_was_generated(
    items: list[tuple[str, int | None, bool]], separator: str
) -> None:
    """`add terraform:4, k8s, c#:2, kubernets!:3` with shipped skills and levels 1–5 gives
    back each name as typed, its level (None when omitted) and whether `!` forced it."""
    text = separator.join(
        f"{n}{'!' if force else ''}{'' if lv is None else f':{lv}'}" for n, lv, force in items
    )
    command = parse_command(f"add {text}", TODAY)
    assert command == AddSkills(tuple(SkillInput(n, lv, force) for n, lv, force in items))


LEVEL_FORMS = st.sampled_from(
    ["{}:{}", "{} {}", "{} level {}", "{} LVL {}", "{}:{}/5", "{} {}/5", "{} ({})", "{}: level {}"]
)


@FEWER
@given(st.lists(st.tuples(SKILL_KEYS, st.integers(0, 9), LEVEL_FORMS), min_size=1, max_size=4))
def test_a_level_written_any_way_is_that_level_or_refused(
    items: list[tuple[str, int, str]],
) -> None:
    """`terraform 4`, `k8s level 2`, `go (5)`, `python 4/5`, `java:3`: each shipped skill
    is named as typed at its level; a level outside 1–5 refuses the whole line."""
    # `java 8`, `asp.net-mvc 2`: a number after a space that makes a known skill's name is
    # the name's, not a level (bot.directory.parse._skill_part)
    assume(not any(f == "{} {}" and normalise_skill(f"{n} {lv}") for n, lv, f in items))
    text = ", ".join(form.format(name, level) for name, level, form in items)
    if any(level not in LEVELS for _, level, _ in items):
        try:
            parse_command(f"add {text}", TODAY)
        except SkillsSyntaxError as error:
            assert "1 (curious) to 5 (go-to expert)" in assert_clear(error, text)
            return
        raise AssertionError(f"{text!r} was accepted")
    command = parse_command(f"add {text}", TODAY)
    assert command == AddSkills(tuple(SkillInput(name, level) for name, level, _ in items))


@MANY
@given(SKILL_KEYS, st.text(max_size=6))
def test_a_level_is_one_to_five_or_a_clear_refusal(name: str, level: str) -> None:
    """`name:LEVEL` with any level text is level 1–5 or refused with a message that names
    the item and the 1 (curious) … 5 (go-to expert) scale."""
    part = f"{name}:{level}"
    assume(not set(",;\n:") & set(level))
    try:
        items = parse_skill_items(part)
    except SkillsSyntaxError as error:
        message = assert_clear(error, part)
        if "looks like several skills" in message:  # `x:4 kubernetes`: a comma left out
            assert re.match(r"\s*\d\s+\S*[^\W\d_]", level), message
            return
        assert "1 (curious) to 5 (go-to expert)" in message
        return
    assert [item.name for item in items] == [name]
    assert items[0].level is None or items[0].level in LEVELS
    if items[0].level is not None:  # `4`, or as people write one: `level 4`, `(4)`, `4/5`
        assert int(re.findall(r"[0-9]+", level)[0]) == items[0].level


@FEWER
@given(st.integers(-40_000, 40_000), st.sampled_from(["until ", "UNTIL  ", "until\t"]))
def test_away_until_a_date(days: int, until: str) -> None:
    """`away until YYYY-MM-DD` is that date when it is after today and at most a year on
    (TODAY's year has no 29 February: 365 days), else a refusal saying it is not in the
    future, or naming the latest day."""
    try:
        day = TODAY + timedelta(days=days)
    except OverflowError:
        return
    text = f"away {until}{day.isoformat()}"
    if 0 < days <= 365:
        assert parse_command(text, TODAY) == Away(day)
        return
    try:
        parse_command(text, TODAY)
    except SkillsSyntaxError as error:
        said = "not in the future" if days <= 0 else "until 2027-06-15 (Tuesday) at the latest"
        assert said in assert_clear(error, text)
    else:
        raise AssertionError(f"{text!r} was accepted")


@FEWER
@given(st.builds("{}-{}-{}".format, DIGITS(4), DIGITS(2), DIGITS(2)) | st.text(max_size=14))
def test_away_with_any_date_text(when: str) -> None:
    """`away until …` with any text (impossible dates such as 2026-02-30 included) is a date
    in the future or a one-line refusal, never a crash."""
    text = f"away until {when}"
    try:
        command = parse_command(text, TODAY)
    except SkillsSyntaxError as error:
        assert_clear(error, text)
        return
    assert isinstance(command, Away) and command.until > TODAY


@FEWER
@given(
    NAME_TEXT.filter(_names),
    st.lists(NAME_TEXT.filter(_names), max_size=4),
    st.sampled_from(RELATIONSHIPS),
)
def test_contact_entries_round_trip_through_their_rendering(
    contact: str, topics: list[str], relationship: str
) -> None:
    """A contact entry rendered the way the profile shows it (`CNCF Slack about k8s, helm as
    functional`) parses back to the same name, topics and relationship."""
    contact = contact.strip().strip("\"'").strip()
    assume(contact and not contact.startswith("@"))
    topics = [t.strip() for t in topics]
    entry = NetworkEntry(1, None, contact, tuple(topics), relationship)
    parsed = parse_network_entry(entry.as_text())
    assert (parsed.contact_name, parsed.topics, parsed.relationship) == (
        contact,
        tuple(topics),
        relationship,
    )
    assert parsed.colleague_user_id is None and parsed.colleague_handle is None


@FEWER
@given(USER_IDS, st.lists(WORDS, max_size=3), st.sampled_from(RELATIONSHIPS))
def test_colleague_entries_round_trip_through_their_rendering(
    user_id: str, topics: list[str], relationship: str
) -> None:
    """A colleague entry (`<@U…> as personal`) parses back to the same user id."""
    entry = NetworkEntry(1, user_id, None, tuple(topics), relationship)
    parsed = parse_network_entry(entry.as_text())
    assert (parsed.colleague_user_id, parsed.topics, parsed.relationship) == (
        user_id,
        tuple(topics),
        relationship,
    )


@FEWER
@given(ANY_TEXT | SLACKISH_TEXT)
def test_any_network_entry_parses_or_is_refused_clearly(text: str) -> None:
    """Any network line (the modal takes one a line): exactly one target, a known
    relationship or none said, and no empty topics; or a short refusal."""
    try:
        entry = parse_network_entry(text)
    except SkillsSyntaxError as error:
        assert_clear(error, text)
        return
    targets = [entry.colleague_user_id, entry.colleague_handle, entry.contact_name]
    assert sum(1 for t in targets if t) == 1
    assert entry.relationship is None or entry.relationship in RELATIONSHIPS
    assert entry.relationship_or_default in RELATIONSHIPS
    assert all(t and t == t.strip() for t in entry.topics)


@FEWER
@given(ANY_TEXT)
def test_split_list_parts_are_trimmed_and_whole(text: str) -> None:
    """Lists (`rust, data viz; go`) split into non-empty, trimmed parts with no separator
    left inside, in order; the `;` of Slack's `&amp;`, `&lt;` and `&gt;` is no separator."""
    parts = split_list(text)
    entities = re.compile(r"&(?:amp|lt|gt);")
    assert all(p and p == p.strip() and not set(",;\n") & set(entities.sub("", p)) for p in parts)


@FEWER
@given(mentions())
def test_a_mention_is_its_user_id(mention: str) -> None:
    """`/skills <@U…|name>` shows that person's profile."""
    user_id = mention.removeprefix("<@").split("|")[0].rstrip(">")
    assert only_mention(mention) == user_id
    assert parse_command(mention, TODAY) == parse_command(f"  {mention}  ", TODAY)
