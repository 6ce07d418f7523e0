"""A CSV file is read a record at a time (a company-sized file is never held whole), and a
file that cannot be read as a whole is refused when it is opened, before any row is read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.directory.import_files import ImportFileError, read_rows
from bot.directory.import_rows import RowError, validate_row

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


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
    [
        ("", "no header row"),
        ("email,shoe_size\n", r"unknown CSV column “shoe_size” \(use slack_id"),
        # a control character in a name is shown escaped, so the refusal stays one line
        ("email,0\x1e0\n", r"unknown CSV column “0\\x1e0” \(use"),
        # the second `title` was taken and the first dropped without a word
        ("email,title,Title\n", "the column title is there twice"),
    ],
)
def test_a_bad_header_is_refused_on_opening(tmp_path: Path, text: str, refusal: str) -> None:
    path = tmp_path / "people.csv"
    path.write_text(text)
    with pytest.raises(ImportFileError, match=refusal.replace("[", r"\[").replace("]", r"\]")):
        read_rows(path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("people.csv", "email,name\n"),
        ("people.csv", "email,name\n\n\n"),
        ("people.yaml", "people: []\n"),
    ],
)
def test_a_file_with_no_people_is_refused(tmp_path: Path, name: str, text: str) -> None:
    """A CSV export that kept only its header imported nothing and exited 0 ("0 imported"),
    as if the directory were up to date."""
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ImportFileError, match=re.escape(name) + ": .*no people"):
        read_rows(path)


def test_a_refused_header_names_its_file_and_headers_ignore_case(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("email,favourite_color\n")
    with pytest.raises(ImportFileError, match=r"people\.csv: unknown CSV column “favourite_color”"):
        read_rows(path)
    path.write_text("Email, Title\nana@example.com,SRE\n")
    assert next(read_rows(path)).fields == {"email": "ana@example.com", "title": "SRE"}


def test_yes_and_no_in_yaml_are_words(tmp_path: Path) -> None:
    """YAML 1.1 read `title: yes` as True and stored "True"; only true/false are booleans."""
    path = tmp_path / "people.yaml"
    path.write_text("people:\n  - email: ana@example.com\n    title: yes\n    team: No\n")
    assert next(read_rows(path)).fields == {
        "email": "ana@example.com",
        "title": "yes",
        "team": "No",
    }
    path.write_text("people:\n  - email: ana@example.com\n    title: true\n")
    row = next(read_rows(path))
    with pytest.raises(RowError, match="title must be text"):
        validate_row(row)


def test_a_row_with_more_values_than_columns_is_its_problem(tmp_path: Path) -> None:
    """`Head of R&D, Europe` unquoted is two values: the title was cut to `Head of R&D` and
    `Europe` dropped without a word. The row is refused and says why; a short row is fine."""
    path = tmp_path / "people.csv"
    path.write_text("email,title\nana@example.com,Head of R&D, Europe\nben@example.com\n")
    ana, ben = list(read_rows(path))
    assert (ana.line, ana.fields) == (2, {})
    assert ana.problem == (
        '3 values for 2 columns: put a value with a comma in double quotes ("R&D, Europe")'
    )
    assert (ben.fields, ben.problem) == ({"email": "ben@example.com"}, None)


def test_a_yaml_list_inside_itself_is_read_and_rejected(tmp_path: Path) -> None:
    """An alias naming its own anchor makes a list that holds itself (`people: &a [*a]`, a
    person whose network holds that person): cleaning control characters out of it never
    ended, and `askaround import people` ran at full CPU until killed. The property test of
    any YAML text found it."""
    path = tmp_path / "people.yaml"
    path.write_text("people: &a\n  - *a\n")
    with pytest.raises(RowError, match="a person must be a mapping of fields"):
        validate_row(next(read_rows(path)))
    path.write_text('people:\n  - &p {slack_id: U1, name: "Ann\\0", network: [*p]}\n')
    row = next(read_rows(path))
    assert row.fields["name"] == "Ann"
    with pytest.raises(RowError, match="a network entry needs exactly one of"):
        validate_row(row)


def test_a_cell_with_line_breaks_is_one_line_and_its_row_starts_where_it_starts(
    tmp_path: Path,
) -> None:
    """Excel's Alt+Enter in a cell saves a quoted value with a CRLF inside: a name or title was
    stored with the line break in it (a name in two lines wherever the bot shows it), and the
    report named the record by the line it ended on. A one-line field takes the break as a
    space; a list cell splits at it, as at a comma; the row is its first line's."""
    path = tmp_path / "people.csv"
    path.write_bytes(
        b"email,name,title,interests\r\n"
        b'ana@example.com,"Ana\r\nLopez","Head of\r\n\r\n  R&D","rust\r\ngo"\r\n'
        b"\r\n"
        b'ben@example.com,"Ben\nChen",SRE,\r\n'
    )
    ana, ben = list(read_rows(path))
    assert (ana.line, ben.line) == (2, 8)
    person = validate_row(ana)
    assert (person.name, person.title, person.interests) == (
        "Ana Lopez",
        "Head of R&D",
        ("rust", "go"),
    )
    assert validate_row(ben).name == "Ben Chen"


@pytest.mark.parametrize("name", ["people.txt", "people.csv", "people.tsv"])
def test_excels_unicode_text_is_read(tmp_path: Path, name: str) -> None:
    """Excel's "Unicode Text" (.txt) is UTF-16 LE with a byte-order mark, tab-separated,
    CRLF: it was refused as "not UTF-8" (renamed .csv) or as not a .csv file."""
    path = tmp_path / name
    text = "Email\tName\tTeam\r\nana@example.com\tAna Núñez\tR&D, Europe\r\n"
    path.write_bytes(text.encode("utf-16"))
    assert [row.fields for row in read_rows(path)] == [
        {"email": "ana@example.com", "name": "Ana Núñez", "team": "R&D, Europe"}
    ]


def test_hr_exports_headers_are_answered_with_the_column_each_means(tmp_path: Path) -> None:
    """BambooHR, Workday, Personio and HiBob name their columns their own way: "Manager
    (Email)", "Supervisor Email", "Preferred Name", "Business Title" and "Division" only listed
    the columns there are, leaving the admin to guess which is which."""
    path = tmp_path / "hr.csv"
    path.write_text(
        "Work Email,Preferred Name,Business Title,Division,Supervisor Email,Manager (Email)\n"
        "ana@example.com,Ana,SRE,Platform,maria@example.com,maria@example.com\n"
    )
    with pytest.raises(ImportFileError) as refused:
        read_rows(path)
    said = str(refused.value)
    for header, column in [
        ("work email", "email"),
        ("preferred name", "name"),
        ("business title", "title"),
        ("division", "team"),
        ("supervisor email", "manager"),
        ("manager (email)", "manager"),
    ]:
        assert f"“{header}” (did you mean {column}?)" in said, said
    assert "(use slack_id" not in said


def test_a_title_above_the_header_row_is_skipped(tmp_path: Path) -> None:
    """An HR report saved from a sheet often starts with its title and a blank row: the title
    was refused as an unknown column. Lines above the header holding at most one value (a
    title, a date, empty cells) are skipped, and every line named is still the file's own;
    a line with values in two cells is no title, and the file is refused as before."""
    path = tmp_path / "people.csv"
    path.write_text(
        '"People report, December 2026",,\n,,\nEmail,Title\nana@example.com,SRE\nben@example,SRE\n'
    )
    ana, ben = list(read_rows(path))
    assert (ana.line, ana.fields, ben.line) == (4, {"email": "ana@example.com", "title": "SRE"}, 5)
    path.write_text("People report,December\nEmail,Title\nana@example.com,SRE\n")
    with pytest.raises(ImportFileError, match="unknown CSV columns “december”, “people report”"):
        read_rows(path)
    path.write_text("People report\nEmail,Title\n")
    with pytest.raises(ImportFileError, match="no people under its header row"):
        read_rows(path)


def test_skills_written_as_a_yaml_list_are_read_as_the_csv_cell_is(tmp_path: Path) -> None:
    """By hand, skills are often a list (`[go, rust]`, or `- go: 4` items): the row was
    rejected ("must map each skill to a level") where the CSV cell `go, rust` was read. A list
    takes what the cell takes: names, `name:level`, and one-skill mappings; anything else is
    still its row's problem, and so is a bad level."""
    path = tmp_path / "people.yaml"
    path.write_text(
        "people:\n"
        "  - {slack_id: U1, skills: [go, 'rust:4']}\n"
        "  - slack_id: U2\n"
        "    skills:\n"
        "      - go: 2\n"
        "      - terraform: 5\n"
        "  - {slack_id: U3, skills: [[go]]}\n"
        "  - {slack_id: U4, skills: ['go:9']}\n"
    )
    one, two, three, four = list(read_rows(path))
    assert validate_row(one).skills == {"go": 3, "rust": 4}
    assert validate_row(two).skills == {"go": 2, "terraform": 5}
    with pytest.raises(RowError, match=r"skills must map each skill to a level, like \{terraform"):
        validate_row(three)
    with pytest.raises(RowError, match="“go:9”: a level is a number from 1"):
        validate_row(four)


def test_a_tab_in_yaml_says_to_indent_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text("people:\n\t- slack_id: U1\n")
    with pytest.raises(ImportFileError, match=r"at line 2, column 1: .*indent with spaces"):
        read_rows(path)
