"""Properties of `askaround import people` (`bot/directory/import_files.py` and
`import_rows.py`): any file is rows or one ImportFileError, any row a person or one RowError."""

from __future__ import annotations

import csv
import io
import string
from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from bot.directory.import_files import CSV_COLUMNS, ImportFileError, RawRow, csv_rows, yaml_rows
from bot.directory.import_rows import PersonRow, RowError, validate_row
from bot.directory.parse import CLEAR_WORDS
from bot.directory.skills import shipped_vocabulary
from tests.domain.properties import FEWER, MANY, SOME, assert_clear
from tests.domain.properties.strategies import USER_IDS, WORDS

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=6,
)
FIELD_NAMES = st.sampled_from([*CSV_COLUMNS, "nickname"]) | st.integers(0, 3) | st.none()
SKILLS = st.dictionaries(
    st.sampled_from(sorted(shipped_vocabulary().names)), st.integers(1, 5), max_size=5
)
EMAILS = st.builds("{}@{}.example".format, WORDS, WORDS)
SOME_ZONES = st.sampled_from(["Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC"])
# Hand-written YAML people get wrong: repeated keys, anchors and merges, odd nesting.
YAML_LINES = st.sampled_from(
    ["people:", "people: []", "people: &p", "people: *p", "<<: {people: [{email: a@b.c}]}",
     "  - email: a@b.c", "  - {slack_id: U1}", "  - just text", "  -", "    skills: {go: 9}",
     "    network: [{contact: CNCF}]", "other: 1", "- 1", "people: {a: 1}", "  - *p", "---",
     "? [a]"]
)  # fmt: skip


def _row_or_rejection(row: RawRow) -> PersonRow | None:
    try:
        person = validate_row(row)
    except RowError as error:
        assert_clear(error, repr(row.fields))
        return None
    assert person.user_id or person.email
    assert all(1 <= level <= 5 for level in person.skills.values())
    return person


def _rows_or_refusal(read: Any, text: str) -> list[RawRow]:
    try:
        rows = read(text)
    except ImportFileError as error:
        message = str(error)
        assert message.strip() and len(message.splitlines()) == 1, message
        return []
    for row in rows:
        assert row.line >= 1
        _row_or_rejection(row)
    return rows


@FEWER
@given(st.dictionaries(FIELD_NAMES, VALUES, max_size=6))
def test_any_row_is_a_person_or_one_clear_rejection(fields: dict[Any, Any]) -> None:
    """A row with any fields and any values (YAML can hold numbers, lists, maps, nulls as
    keys or values) is a valid person or a RowError with a short one-line reason."""
    _row_or_rejection(RawRow(1, fields))


@SOME
@given(st.lists(st.dictionaries(FIELD_NAMES, VALUES, max_size=4), max_size=2))
def test_any_yaml_document_is_rows_or_one_refusal(people: list[dict[Any, Any]]) -> None:
    """Any YAML `people:` list (of any values) reads as rows, each a person or rejected.
    (150 examples: dumping and re-reading YAML is the slow part.)"""
    _rows_or_refusal(yaml_rows, yaml.safe_dump({"people": people}, allow_unicode=True))


@MANY
@given(st.lists(YAML_LINES, max_size=8).map("\n".join) | st.text(max_size=80))
def test_any_yaml_text_is_rows_or_one_refusal(text: str) -> None:
    """Any text given as a YAML file (broken syntax, repeated or merged `people:` keys,
    anchors) reads as rows or is refused with an ImportFileError, never a crash."""
    _rows_or_refusal(yaml_rows, text)


@FEWER
@given(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=5), st.booleans())
def test_any_csv_text_is_rows_or_one_refusal(records: list[list[str]], with_header: bool) -> None:
    """Any CSV (with our header or without, ragged rows, quotes, NULs, newlines in cells)
    reads as rows, each a person or rejected, or is refused as a whole."""
    out = io.StringIO()
    writer = csv.writer(out)
    if with_header:
        writer.writerow(CSV_COLUMNS)
    writer.writerows(records)
    _rows_or_refusal(csv_rows, out.getvalue())


@FEWER
@given(
    st.lists(
        st.text(string.printable, max_size=25), min_size=len(CSV_COLUMNS), max_size=len(CSV_COLUMNS)
    )
)
def test_any_csv_cells_are_a_person_or_one_rejection(cells: list[str]) -> None:
    """A CSV row under our header with any text in every column (skills and network in the
    `/skills` grammar) is a person or a rejection naming the problem."""
    out = io.StringIO()
    csv.writer(out).writerows([CSV_COLUMNS, cells])
    _rows_or_refusal(csv_rows, out.getvalue())


@FEWER
@given(
    USER_IDS,
    EMAILS,
    st.none() | WORDS,
    SOME_ZONES,
    SKILLS,
    st.lists(WORDS, max_size=3),
    st.lists(
        st.tuples(WORDS, st.sampled_from(["personal", "functional", "strategic"])), max_size=3
    ),
)
@example("U0001", "a@b.example", None, "UTC", {}, ["none"], [])  # a word that clears
def test_generated_csv_people_import_as_written(
    user_id: str,
    email: str,
    handle: str | None,
    tz: str,
    skills: dict[str, int],
    interests: list[str],
    network: list[tuple[str, str]],
) -> None:
    """A person written as a CSV row (skills `go:4, c#:2`, network `@bob as personal; CNCF
    about helm as functional`) validates to exactly those fields."""
    cells = {
        "slack_id": user_id,
        "email": email.upper(),
        "handle": f"@{handle}" if handle else "",
        "tz": tz,
        "skills": ", ".join(f"{k}:{v}" for k, v in skills.items()),
        "interests": "; ".join(interests),
        "network": "; ".join(f"@{who} as {rel}" for who, rel in network),
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerow(cells)
    [row] = csv_rows(out.getvalue())
    person = validate_row(row)
    assert (person.user_id, person.email, person.handle, person.tz) == (
        user_id,
        email.lower(),
        handle,
        tz,
    )
    assert person.skills == skills
    cleared = len(interests) == 1 and interests[0].lower() in CLEAR_WORDS  # `none` clears
    assert person.interests == (() if cleared else tuple(interests) if interests else None)
    assert [(n.colleague_handle, n.relationship) for n in person.network] == network


@FEWER
@given(USER_IDS, st.text(max_size=6).filter(lambda t: t.strip() != ""))
def test_a_slack_id_is_only_an_id(user_id: str, junk: str) -> None:
    """`slack_id` takes a Slack user id (U… or W…) and nothing around it."""
    assert validate_row(RawRow(1, {"slack_id": user_id})).user_id == user_id
    for bad in (f"{user_id}{junk}", f"{junk}{user_id}", f"{user_id}|{junk}"):
        if bad.strip() == user_id:
            continue
        try:
            person = validate_row(RawRow(1, {"slack_id": bad}))
        except RowError as error:
            assert "is not a Slack user id" in assert_clear(error, bad)
        else:
            assert person.user_id == bad.strip() and person.user_id.isalnum()
