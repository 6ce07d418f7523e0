"""Properties of `safe_text` (`bot/safe_text.py`), the one renderer of reposted text, over
thousands of texts: whatever is typed, what the bot reposts pings nobody, mentions only the
people it is about, and hides no link behind a label."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from bot.safe_text import (
    AT,
    clip,
    directionless,
    isolated,
    plain_text,
    quoted,
    safe_text,
    whole_characters,
)
from tests.domain.properties import FEWER, MANY
from tests.domain.properties.strategies import ANY_TEXT, SLACK_TOKENS, USER_IDS, WORDS

LINKS = st.builds(
    "<{}://{}.example/{}|{}>".format,
    st.sampled_from(["https", "http", "mailto", "javascript"]),
    WORDS,
    WORDS,
    st.text(st.characters(blacklist_characters="<>"), max_size=12),
)
MARKUP = st.one_of(
    SLACK_TOKENS,
    LINKS,
    st.sampled_from(["<!date^1392734382^{date}|Feb 18>", "<!foo|bar>", "<<!here>>", "<", ">"]),
)
HOSTILE_TEXT = st.lists(st.one_of(MARKUP, ANY_TEXT), max_size=8).map("".join)
TOKEN = re.compile(r"<([^<>]*)>")


def tokens_left(text: str) -> list[str]:
    """What Slack would read as markup in `text`."""
    return TOKEN.findall(text)


def assert_harmless(shown: str, keep: frozenset[str]) -> None:
    for inner in tokens_left(shown):
        if inner.startswith("#C") or inner.startswith("#G"):
            assert "|" not in inner, shown
            continue
        assert inner.startswith("@") and inner[1:] in keep, f"markup {inner!r} left in {shown!r}"
    assert "<!" not in shown


@given(HOSTILE_TEXT, st.frozensets(USER_IDS, max_size=2))
@MANY
def test_reposted_text_pings_nobody_and_mentions_only_who_it_is_about(
    text: str, keep: frozenset[str]
) -> None:
    """No broadcast, group, link label or other markup survives; a person's mention only for
    the people the message is about."""
    assert_harmless(safe_text(text, keep=keep), keep)


@given(HOSTILE_TEXT, st.frozensets(USER_IDS, max_size=2))
@FEWER
def test_rendering_twice_changes_nothing(text: str, keep: frozenset[str]) -> None:
    """Safe text stays as it is, so a renderer may pass it through again (a quote of a quote)."""
    once = safe_text(text, keep=keep)
    assert safe_text(once, keep=keep) == once


@given(HOSTILE_TEXT | ANY_TEXT)
@FEWER
def test_every_ampersand_is_one_slack_reads_as_typed(text: str) -> None:
    """Slack asks for `&`, `<` and `>` as entities: reposted text has no other `&`, whether it
    came in Slack's form (`R&amp;D`) or as typed (`R&D`), and the two read alike."""
    shown = safe_text(text)
    assert not re.search(r"&(?!(?:amp|lt|gt);)", shown), shown
    assert safe_text("R&D &amp; <QA>") == safe_text("R&amp;D &amp; &lt;QA&gt;")


@given(HOSTILE_TEXT, st.frozensets(USER_IDS, max_size=2), st.integers(2, 60))
@MANY
def test_cut_text_never_ends_in_half_a_token_or_entity(
    text: str, keep: frozenset[str], limit: int
) -> None:
    """A reason or question cut to fit is still whole markup: no `&am…` nor `<#C12…` that Slack
    would show as typed, and no longer than asked."""
    shown = clip(safe_text(text, keep=keep), limit)
    assert len(shown) <= limit
    rest = TOKEN.sub("", shown)
    assert "<" not in rest and ">" not in rest, shown
    assert not re.search(r"&(?!(?:amp|lt|gt);)", shown), shown


@given(st.lists(WORDS, min_size=1, max_size=10).map(" ".join))
@FEWER
def test_plain_words_are_kept_as_typed(text: str) -> None:
    """Text without markup is shown unchanged."""
    assert safe_text(text) == text


@given(st.text(st.characters(blacklist_characters="<>&@")) | st.just("\u200f\x00\t🎉 " * 1000))
@FEWER
def test_text_without_markup_characters_is_kept_whatever_else_it_holds(text: str) -> None:
    """Only `<`, `>`, `&` and `@` start markup: text without them is shown as it is, control
    characters, right-to-left marks, emoji and all (a name, most reasons)."""
    assert safe_text(text) == text


def test_only_a_broadcast_word_of_its_own_is_kept_from_parsing() -> None:
    """A typed `@here` is written with `AT` where Slack could parse it (at the start, after a
    space or a bracket), not in an address, after a dot or another `@`, nor in a longer word;
    the other characters around it are kept."""
    typed = "@here first, mail a@here.io, .@here, @@here, @heres, (@Everyone)"
    assert safe_text(typed) == (
        f"{AT}here first, mail a@here.io, .@here, @@here, @heres, ({AT}Everyone)"
    )
    rtl = "\u200fשלום @channel\u200f & <b>"
    assert safe_text(rtl) == f"\u200fשלום {AT}channel\u200f &amp; &lt;b&gt;"
    assert safe_text("tab\there\x00 &lt; &am; &amp") == "tab\there\x00 &lt; &amp;am; &amp;amp"
    assert safe_text("R&D <@U1|@ana> 🎉 <!subteam^S1>") == f"R&amp;D {AT}ana 🎉 {AT}group"
    assert safe_text(typed * 200) == safe_text(typed) * 200


@given(WORDS, WORDS, st.text(st.characters(blacklist_characters="<>|"), max_size=20))
@FEWER
def test_a_link_shows_its_address(host: str, path: str, label: str) -> None:
    """`<https://…|click here>` becomes its address, whatever the label says."""
    url = f"https://{host}.example/{path}"
    assert safe_text(f"see <{url}|{label}> now") == f"see {url} now"


def test_examples() -> None:
    """The cases the issue names, spelled out (`AT` is "@" and an invisible word joiner)."""
    assert safe_text("<!channel> look what bob did") == f"{AT}channel look what bob did"
    assert safe_text("hi <!here|here> and <!everyone>") == f"hi {AT}here and {AT}everyone"
    assert safe_text("ping <!subteam^S123|@devs>") == f"ping {AT}devs"
    assert safe_text("<https://evil.example|click here>") == "https://evil.example"
    assert safe_text("thanks <@U1|ana> and <@U2>", keep={"U2"}) == f"thanks {AT}ana and <@U2>"
    assert safe_text("thanks <@U1>", names={"U1": "Ana Lima"}) == f"thanks {AT}Ana Lima"
    assert safe_text("in <#C1|general>") == "in <#C1>"
    assert safe_text("a < b > c &amp; d") == "a &lt; b &gt; c &amp; d"
    assert (
        safe_text("typed in a modal: @here, @Channel") == f"typed in a modal: {AT}here, {AT}Channel"
    )
    assert safe_text("write to ops@channel.example") == "write to ops@channel.example"


@given(HOSTILE_TEXT)
@FEWER
def test_no_broadcast_word_is_left_to_parse(text: str) -> None:
    """No `@here`, `@channel` or `@everyone` is left as a word Slack could parse as a ping."""
    shown = safe_text(text)
    assert not re.search(r"(?<![\w.@])@(here|channel|everyone)\b", shown, re.IGNORECASE)


SLACK_MARKUP = st.one_of(
    st.builds("<@{}>".format, USER_IDS),
    st.builds("<@{}|{}>".format, USER_IDS, WORDS),
    st.builds("<!subteam^S{}|@{}>".format, WORDS, WORDS),
    st.sampled_from(["<!here>", "<!channel>", "<!everyone|everyone>", "<!subteam^S1>"]),
    st.sampled_from(["<!date^1392734382^{date}|Feb 18>", "<!foo|bar>"]),
    st.builds("<#C{}|{}>".format, st.text("0123456789", min_size=1, max_size=4), WORDS),
    st.builds("<https://{}.example/{}|{}>".format, WORDS, WORDS, WORDS),
    st.builds("*{}*".format, WORDS),
    st.builds("_{}_".format, WORDS),
    st.sampled_from(["&lt;", "&gt;", "&amp;"]),
    WORDS,
)


@given(st.lists(SLACK_MARKUP, max_size=8).map(" ".join))
@FEWER
def test_plain_text_leaves_no_markup(text: str) -> None:
    """What the CLI prints of Slack's text: no token, no emphasis mark and no entity of
    Slack's is left, only the words Slack would show (`<`, `>` and `&` as typed)."""
    shown = plain_text(text)
    assert not re.search(r"<[@#!]|\|[^ ]*>|&(lt|gt|amp);|(^| )[*_]\w", shown), (text, shown)


@given(ANY_TEXT, st.integers(1, 50))
@example("00\u093a", 2)  # a Devanagari vowel sign: the cut keeps it with its letter
@MANY
def test_quoted_text_is_whole_or_its_start_and_an_ellipsis(text: str, limit: int) -> None:
    """What the command line and a settings refusal quote of what someone typed: in “…”
    whatever its quotes (Python's repr put "it's" in double quotes and the rest in single),
    whole, or its start and "…": at most `limit` characters, never half of one as a reader
    sees it (a vowel sign or accent is not cut from its letter)."""
    assert quoted(text) == f"“{text}”"
    shown = quoted(text, limit)
    assert shown.startswith("“") and shown.endswith("”")
    inner = shown[1:-1]
    if len(text) <= limit:
        assert inner == text
    else:
        start = inner.removesuffix("…")
        assert inner.endswith("…") and text.startswith(start) and len(start) <= limit
        assert start == whole_characters(text, limit)


def test_a_one_line_quote_shows_unprintable_characters_escaped() -> None:
    """A line break, a tab, a right-to-left mark or a NUL would break or hide a terminal's
    line: shown escaped, as repr did; emoji and other printable text as typed."""
    assert quoted("a\tb\u200f\x00", one_line=True) == "“a\\tb\\u200f\\x00”"
    assert quoted("🎉 ok", one_line=True) == "“🎉 ok”"


def test_quotes_are_written_one_way() -> None:
    """“…” around typed text by hand, in the CLI's taken-back list and the settings' refusals,
    was two copies of one rule: `quoted` is it."""
    root = Path(__file__).parents[3]
    by_hand = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("bot", "handlers")
        for path in sorted((root / folder).rglob("*.py"))
        if path.name != "safe_text.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "“{" in line
    ]
    assert not by_hand, by_hand


def test_typed_text_is_never_quoted_python_style() -> None:
    """`{value!r}` quoted what an admin typed as Python does ('yesterday', but "it's" in double
    quotes, and a backslash doubled) in the command line's, the settings' and the demo's
    refusals: `quoted` is the one way. Only a bug's own assertion may show a repr."""
    root = Path(__file__).parents[3]
    by_hand = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("bot", "handlers")
        for path in sorted((root / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "!r}" in line and "AssertionError" not in line
    ]
    assert not by_hand, by_hand


def test_typed_text_is_never_echoed_in_a_code_span() -> None:
    """Typed text made safe (`safe_text`, `clip`) and then put in backticks: a typed backtick
    ended the span and showed the rest with its marks, and Slack reads `<…>` as markup inside
    one too. `quoted` is the one way; commands we suggest stay in code spans."""
    root = Path(__file__).parents[3]
    in_code = re.compile(r"`\{(?:quoted|clip|safe_text)\(")
    by_hand = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("bot", "handlers")
        for path in sorted((root / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if in_code.search(line)
    ]
    assert not by_hand, by_hand


def test_every_character_written_right_to_left_is_set_apart_and_no_other() -> None:
    """`isolated` looks characters up only in the blocks that hold right-to-left ones: each
    of Python's characters of class R or AL, alone or after a left-to-right word, is set
    apart; the others of those blocks (Arabic's vowel marks and digits, unassigned ones) and
    text of other scripts are not."""
    right_to_left: list[str] = []
    others: list[str] = []
    for code in range(0x110000):
        c = chr(code)
        (right_to_left if unicodedata.bidirectional(c) in ("R", "AL") else others).append(c)
    assert len(right_to_left) > 2_000
    assert [c for c in right_to_left if isolated(f"ok {c}") == f"ok {c}"] == []
    assert [c for c in right_to_left if isolated(c) != f"\u2068{c}\u2069"] == []
    typed = "".join(others)
    kept = directionless(typed)  # typed direction controls out, but for a closed isolate
    assert isolated(typed) == kept
    assert set(typed) - set(kept) <= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067")
    assert isolated("\u064b\u0660 café 東京 👩🏽‍💻") == "\u064b\u0660 café 東京 👩🏽‍💻"


def test_a_typed_direction_control_turns_nothing_around_after_its_text() -> None:
    """Overrides and embeddings go; an isolate stays only closed on its own line, as
    `isolated` writes one; the marks and right-to-left letters stay."""
    assert directionless("a\u202eb\u202cc") == "abc"
    assert directionless("\u2068שלום\u2069 x \u2067y") == "\u2068שלום\u2069 x y"
    assert directionless("\u2069a\u2066b\nc\u2069") == "ab\nc"
    assert directionless("שלום\u200f!") == "שלום\u200f!"
    assert safe_text("\u202eevil") == "evil"
