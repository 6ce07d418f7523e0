"""A CSV file is read a record at a time (a company-sized file is never held whole), and a
file that cannot be read as a whole is refused when it is opened, before any row is read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.directory.import_files import ImportFileError, read_rows


def test_csv_rows_are_read_as_they_are_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("email,skills\nana@example.com,terraform:4\nben@example.com,`go:9`\n")
    rows = read_rows(path)
    assert isinstance(rows, Iterator)
    first = next(rows)
    assert (first.line, first.fields) == (
        2,
        {"email": "ana@example.com", "skills": {"terraform": 4}},
    )
    second = next(rows)
    assert second.line == 3 and second.problem and "go:9" in second.problem
    assert list(rows) == []


@pytest.mark.parametrize(
    ("text", "refusal"),
    [("", "no header row"), ("email,shoe_size\n", "unknown CSV columns ['shoe_size']")],
)
def test_a_bad_header_is_refused_on_opening(tmp_path: Path, text: str, refusal: str) -> None:
    path = tmp_path / "people.csv"
    path.write_text(text)
    with pytest.raises(ImportFileError, match=refusal.replace("[", r"\[").replace("]", r"\]")):
        read_rows(path)
