"""Properties of what comes in from Slack (issue 18, items 7 and 9): any JSON body is either
refused as `Malformed` or passes with the shape the listeners read; and after cleaning, no
string in a body holds a control character or a lone surrogate, so it encodes as UTF-8 and
PostgreSQL takes it, while tabs, line breaks and every other character stay."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from bot.control_chars import strip_controls, strip_controls_in
from handlers.dispatch.shape import MAX_DEPTH, Malformed, check, parse

KEYS = st.sampled_from(["type", "event", "text", "user", "actions", "view", "state", "x"])
SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
BODIES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)
ANY_STRING = st.text(st.characters(exclude_categories=()), max_size=50)  # surrogates too


@given(BODIES)
def test_a_body_is_refused_or_has_the_shape_listeners_read(body: object) -> None:
    try:
        checked = check(body)
    except Malformed:
        return
    assert isinstance(checked, dict)
    assert checked.get("event") is None or isinstance(checked["event"], dict)
    assert all(isinstance(a, dict) for a in checked.get("actions") or ())


@given(BODIES)
def test_parsing_the_bytes_of_a_body_agrees_with_checking_it(body: object) -> None:
    raw = json.dumps(body).encode()
    try:
        expected: object = check(body)
    except Malformed as refused:
        expected = refused.__class__
    try:
        found: object = parse(raw, "application/json")
    except Malformed as refused:
        found = refused.__class__
    assert found == expected


def test_nesting_past_the_limit_is_refused() -> None:
    deep: object = 1
    for _ in range(MAX_DEPTH + 1):
        deep = {"x": deep}
    try:
        check(deep)
    except Malformed:
        return
    raise AssertionError("a body nested past the limit passed")


@given(ANY_STRING)
def test_a_cleaned_string_encodes_and_keeps_what_is_printable(text: str) -> None:
    cleaned = strip_controls(text)
    cleaned.encode("utf-8")  # no lone surrogate left
    assert "\x00" not in cleaned
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in cleaned)
    assert strip_controls(cleaned) == cleaned
    dropped = [c for c in text if (ord(c) < 32 and c not in "\t\n\r") or c == "\x7f"]
    assert len(cleaned) == len(text) - len(dropped)  # a surrogate is replaced, not dropped


@given(BODIES.filter(lambda b: isinstance(b, dict | list)), ANY_STRING)
def test_every_string_in_a_body_is_cleaned(
    body: dict[str, object] | list[object], text: str
) -> None:
    wrapped = {"outer": [body, {"deep": text}]}
    strip_controls_in(wrapped)
    for value in _strings(wrapped):
        assert value == strip_controls(value)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
