"""Properties of the demo's line language (`bot/runtime/demo/shell.py`)."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from bot.runtime.demo.shell import DEFAULT_CHANNEL, BadLine, Line, parse_line, to_slack_text
from tests.domain.properties import FEWER, MANY, assert_clear
from tests.domain.properties.strategies import ANY_TEXT, USER_IDS

HANDLES = st.builds(
    str.__add__,
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + string.digits + "._-", max_size=10),
)
CHANNELS = st.text(string.ascii_lowercase + string.digits + "._-", min_size=1, max_size=12)
REST = st.text(
    st.characters(blacklist_categories=["Cc", "Zs", "Zl", "Zp", "Cs"]), min_size=1, max_size=20
).map(lambda t: t.strip() or "x") | st.builds(
    " ".join,
    st.lists(st.text(string.ascii_letters, min_size=1, max_size=8), min_size=1, max_size=5),
)


@MANY
@given(ANY_TEXT | st.builds("@{}{}".format, HANDLES, ANY_TEXT))
def test_any_line_is_understood_or_gets_a_hint(raw: str) -> None:
    """Any line typed at the demo prompt is nothing (blank, comment), a Line, or a BadLine
    whose one-line message says what to type."""
    try:
        parse_line(raw)
    except BadLine as error:
        assert_clear(error, repr(raw))


@FEWER
@given(
    HANDLES,
    st.none() | CHANNELS,
    st.sampled_from(["say", "dm", "react", "click", "shortcut", "home"]),
    REST,
)
def test_generated_lines_parse_to_what_was_generated(
    handle: str, channel: str | None, verb: str, rest: str
) -> None:
    """`@alice in #platform: text`, `@bob dm: hi`, `@bob react :kudos:`, `@maria home` …
    give back the person, the verb, the text and the channel."""
    where = f" in #{channel}" if channel else ""
    if verb == "say":
        raw, text = f"@{handle}{where}: {rest}", rest
        verb = "command" if rest.startswith("/") else "say"
    elif verb == "dm":
        raw, text = f"@{handle}{where} dm: {rest}", rest
    elif verb == "home":
        raw, text = f"@{handle}{where} home", ""
    else:
        raw, text = f"@{handle}{where} {verb} {rest}", rest
    assert parse_line(raw) == Line(handle, verb, text, channel or DEFAULT_CHANNEL)


@FEWER
@given(st.dictionaries(HANDLES, USER_IDS, max_size=4), st.lists(HANDLES, max_size=6))
def test_typed_mentions_become_slack_mentions_for_known_people(
    users: dict[str, str], typed: list[str]
) -> None:
    """`@name` of someone the workspace knows becomes `<@U…|name>`; others stay as typed."""
    text = " ".join(f"@{h}" for h in typed)
    expected = " ".join(f"<@{users[h]}|{h}>" if h in users else f"@{h}" for h in typed)
    assert to_slack_text(text, users) == expected
