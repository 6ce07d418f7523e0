"""Reading `askaround import people` files: YAML (the demo's format) and the equivalent CSV.

Both become `RawRow`s: the file's line number and one person's fields in the YAML shape, so
the importer validates one shape and every rejection can name the line it came from. Control
characters are dropped from every field, as from what people type in Slack
(`bot.control_chars`). A CSV file is read a record at a time, so a company-sized file is never
held whole; a YAML file (the demo's, hand-written) is parsed whole.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from bot.control_chars import strip_controls, strip_controls_in
from bot.directory.parse import (
    DEFAULT_LEVEL,
    SkillsSyntaxError,
    parse_network_entry,
    parse_skill_items,
    split_list,
)
from bot.errors import UserError
from bot.safe_text import quoted

CSV_COLUMNS = (
    "slack_id",
    "email",
    "handle",
    "name",
    "tz",
    "title",
    "team",
    "manager",
    "skills",
    "interests",
    "roles",
    "network",
)


def typed(text: str) -> str:
    """A value or a name from the file, quoted as the CLI quotes what was typed (“…”), on one
    line: a line break or another unprintable character in a cell is shown escaped (`\\n`),
    as a report gives each rejected row one line."""
    return quoted(text, one_line=True)


# What HR systems (BambooHR, Workday, Personio, HiBob) and spreadsheets call askaround's
# columns, for a header no spelling is near; written as `header_words` spells a header.
HEADER_WORDS = {
    "email address": "email",
    "e mail address": "email",
    "work email": "email",
    "primary work email": "email",
    "business email": "email",
    "user id": "slack_id",
    "member id": "slack_id",
    "slack user id": "slack_id",
    "username": "handle",
    "slack handle": "handle",
    "full name": "name",
    "display name": "name",
    "preferred name": "name",
    "employee name": "name",
    "time zone": "tz",
    "timezone": "tz",
    "job title": "title",
    "business title": "title",
    "position": "title",
    "department": "team",
    "division": "team",
    "group": "team",
    "manager email": "manager",
    "manager work email": "manager",
    "supervisor email": "manager",
    "supervisor": "manager",
    "reports to": "manager",
    "line manager": "manager",
    "role": "roles",
    "skill": "skills",
}


def header_words(name: str) -> str:
    """A header's words, in lower case, without punctuation: `Manager (Email)` is `manager
    email`."""
    return " ".join(re.sub(r"[^\w]+", " ", name.lower()).split())


# A header cell left empty (a stray formatted column), numbered so each keeps its values,
# which must be empty.
UNNAMED = "\0unnamed "


def unknown_columns(unknown: Collection[str], kind: str = "column") -> str:
    """`unknown column “emial” (did you mean email?)`: each name the file has that askaround
    does not know, quoted, with the column it most likely misspells; the columns it takes
    follow when one is no near miss (in brackets: a row's problems are `; `-separated)."""
    from rapidfuzz import fuzz, process  # loaded by the first misspelt header, not at start

    said, guessed = [], True
    for name in sorted(unknown):
        shown = typed(name)
        near = process.extractOne(name, CSV_COLUMNS, scorer=fuzz.ratio, score_cutoff=75)
        meant = near[0] if near else HEADER_WORDS.get(header_words(name))
        said.append(f"{shown} (did you mean {meant}?)" if meant else shown)
        guessed = guessed and meant is not None
    named = f"unknown {kind}{'s' if len(said) > 1 else ''} {', '.join(said)}"
    return named if guessed else f"{named} (use {', '.join(CSV_COLUMNS)})"


class ImportFileError(UserError):
    """The file as a whole cannot be read (not one bad row: those are reported, not raised)."""


@dataclass(frozen=True)
class RawRow:
    line: int
    fields: dict[str, Any]
    problem: str | None = None


def read_rows(path: Path) -> Iterator[RawRow]:
    """The file's rows, as they are read. A file that cannot be read as a whole (missing, of
    another kind, not UTF-8, not YAML, not CSV, a bad CSV header) raises here, in one line,
    before any row is asked for."""
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder: give a .csv or .yaml file")
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            return iter(yaml_rows(path.read_text(encoding=text_encoding(path))))
        except UnicodeDecodeError:
            raise ImportFileError(not_utf8(path)) from None
        except ImportFileError as error:
            raise ImportFileError(f"{path}: {error}") from None
    if path.suffix.lower() in CSV_SUFFIXES:
        records = _check_csv(path)
        handle = path.open(encoding=text_encoding(path), newline="")
        try:
            reader, skipped = _csv_reader(handle)
            if records == 1:  # an export that kept only its header: "0 imported" read as done
                raise ImportFileError("the CSV file has no people under its header row")
        except ImportFileError as error:
            handle.close()
            raise ImportFileError(f"{path}: {error}") from None
        except BaseException:
            handle.close()
            raise
        return _closing(handle, _csv_records(reader, skipped))
    raise ImportFileError(f"{path}: use a .csv, .yaml or .yml file (or Excel's .txt, .tsv)")


# Excel's "Unicode Text" is saved as .txt, tab-separated; some tools write .tsv.
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


def text_encoding(path: Path) -> str:
    """UTF-16 when the file starts with its byte-order mark (Excel's "Unicode Text"), else
    UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8"): a BOM is unambiguous,
    where a file without one (Windows-1252, say) could be read wrong and is refused."""
    with path.open("rb") as handle:
        start = handle.read(2)
    return "utf-16" if start in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"


def not_utf8(path: Path) -> str:
    """What a file that would not decode is: one whose byte-order mark says UTF-16 (Excel's
    "Unicode Text") and that breaks off or holds half a character is damaged, not UTF-8."""
    if text_encoding(path) == "utf-16":
        return (
            f"{path} is damaged UTF-16 text (cut short, or half a character in it): "
            "save it again from the program that made it (in Excel, as CSV UTF-8)"
        )
    return f"{path} is not UTF-8 text: save it as UTF-8 (in Excel, as CSV UTF-8)"


def _check_csv(path: Path) -> int:
    """The whole file is UTF-8 and CSV, checked before its rows are read and imported (a read
    that holds nothing: the rows are streamed again after); how many records are not blank."""
    with path.open(encoding=text_encoding(path), newline="") as handle:
        try:
            separator, skipped = _separator(handle)
            reader = csv.reader(handle, strict=True, delimiter=separator)
        except UnicodeDecodeError:
            raise ImportFileError(not_utf8(path)) from None
        try:
            records = sum(1 for row in reader if any(cell.strip() for cell in row))
        except UnicodeDecodeError:
            raise ImportFileError(not_utf8(path)) from None
        except csv.Error as error:
            hint = " (a quote that is never closed?)" if "end of data" in str(error) else ""
            raise ImportFileError(
                f"{path}: not valid CSV at line {reader.line_num + skipped}: {error}{hint}"
            ) from None
    return records


def _closing(handle: IO[str], rows: Iterator[RawRow]) -> Iterator[RawRow]:
    with handle:
        yield from rows


class _Loader(yaml.SafeLoader):
    """YAML with only `true` and `false` as booleans, as in YAML 1.2: in a directory `yes`,
    `no`, `on` and `off` are words (a title, a team called No), which YAML 1.1 made True."""


_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def yaml_rows(text: str) -> list[RawRow]:
    """`people:` items with the line each starts on (read from the composed node tree)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader: builds plain data only
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise ImportFileError(_yaml_problem(error)) from None
    if not isinstance(data, dict) or not isinstance(data.get("people"), list):
        raise ImportFileError("the YAML file needs a top-level `people:` list")
    if not data["people"]:
        raise ImportFileError("the YAML file's `people:` list has no people")
    strip_controls_in(data["people"])
    assert isinstance(root, yaml.MappingNode)
    # The last `people:` written in the file is the one safe_load kept; one reached only
    # through a `<<:` merge has no lines of its own to report.
    written = [v for k, v in root.value if k.value == "people" and isinstance(v, yaml.SequenceNode)]
    nodes = written[-1] if written else None
    if nodes is None or len(nodes.value) != len(data["people"]):
        raise ImportFileError("write the `people:` list out once, at the top level of the file")
    rows = []
    for node, item in zip(nodes.value, data["people"], strict=True):
        line = node.start_mark.line + 1
        if isinstance(item, dict):
            rows.append(RawRow(line, item))
        else:
            rows.append(RawRow(line, {}, "a person must be a mapping of fields"))
    return rows


def _yaml_problem(error: yaml.YAMLError) -> str:
    """PyYAML's error, which spans lines (with the text it is about), in one line."""
    mark = getattr(error, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error)
    tab = " (indent with spaces, not tabs)" if "'\\t'" in str(problem) else ""
    return f"not valid YAML{where}: {' '.join(str(problem).split())}{tab}"


def csv_rows(text: str) -> list[RawRow]:
    """The rows of CSV text, read as a file is (its line ends as written: `newline=""`)."""
    return list(_csv_records(*_csv_reader(io.StringIO(text, newline=""))))


def _csv_reader(handle: IO[str]) -> tuple[csv.DictReader[str], int]:
    """A reader past the header, which it checks, and the lines before the header it skipped
    (Excel's `sep=`), which the reader does not count."""
    separator, skipped = _separator(handle)
    reader = csv.DictReader(handle, delimiter=separator)
    if reader.fieldnames:  # `Email`, ` Title`: spreadsheets capitalise and pad headers
        reader.fieldnames = [
            name.strip().lower() or f"{UNNAMED}{column}"
            for column, name in enumerate(reader.fieldnames)
        ]
    named = [name for name in reader.fieldnames or () if not name.startswith(UNNAMED)]
    unknown = set(named) - set(CSV_COLUMNS)
    if reader.fieldnames and not named:
        raise ImportFileError("the CSV file has no header row")
    if not reader.fieldnames or unknown:
        raise ImportFileError(
            unknown_columns(unknown, "CSV column") if unknown else "the CSV file has no header row"
        )
    twice = [name for name in CSV_COLUMNS if reader.fieldnames.count(name) > 1]
    if twice:  # a record would keep the last one's value and drop the other's
        raise ImportFileError(f"the column {twice[0]} is there twice")
    return reader, skipped


# Excel's first line naming the separator, which it reads and some exports write: `sep=;`.
_SEP_LINE = re.compile(r'"?sep=(.)"?[,;\t]*', re.IGNORECASE)


def _separator(handle: IO[str]) -> tuple[str, int]:
    """What the header row's columns are separated by, and how many lines above it the handle
    is left past: a first line `sep=;` names the separator (1 line skipped); else the header
    row's commas, or the semicolons of Excel where a comma is the decimal mark, or the tabs of
    a sheet pasted as text (a tie, one column, keeps the comma). The header is the first
    line, or a later one naming a column when each line above it holds at most one value (a
    report's title, its date, empty cells): those are skipped."""
    header = handle.readline()
    named = _SEP_LINE.fullmatch(header.rstrip("\r\n"))
    if named is not None:
        return named[1], 1
    first = _guessed(header)
    handle.seek(0)
    for skipped in range(_TITLE_LINES + 1):
        start = handle.tell()
        line = handle.readline()
        separator = _guessed(line)
        cells = [cell.strip() for cell in next(csv.reader([line], delimiter=separator), [])]
        if any(_names_a_column(cell) for cell in cells):
            handle.seek(start)
            return separator, skipped
        if not line or sum(1 for cell in cells if cell) > 1:
            break
    handle.seek(0)
    return first, 0


# How many lines above the header a report's title and blank lines may take.
_TITLE_LINES = 5


def _guessed(line: str) -> str:
    return max(",;\t", key=line.count)


def _names_a_column(cell: str) -> bool:
    return cell.lower() in CSV_COLUMNS or header_words(cell) in HEADER_WORDS


def _csv_records(reader: csv.DictReader[str], skipped: int = 0) -> Iterator[RawRow]:
    for record in reader:
        extra = record.pop(None, None)
        # the line the record starts on: a quoted value's line breaks put its end further down
        line = reader.line_num + skipped - _line_breaks([*record.values(), *(extra or ())])
        if extra:  # an unquoted comma: the values after it would be dropped
            columns = len(reader.fieldnames or ())
            yield RawRow(
                line,
                {},
                f"{columns + len(extra)} values for {columns} columns: put a value with a comma "
                'in double quotes ("R&D, Europe")',
            )
            continue
        if not any((value or "").strip() for value in record.values()):
            continue  # a row of empty cells (`,,,`): a spreadsheet's formatted but empty row
        stray = [v for k, v in record.items() if k.startswith(UNNAMED) and (v or "").strip()]
        if stray:
            yield RawRow(
                line,
                {},
                f"a value, {typed(stray[0].strip())}, is under a column with no name in the "
                "header: name the column, or empty it",
            )
            continue
        try:
            yield RawRow(line, _csv_fields(record))
        except SkillsSyntaxError as error:
            yield RawRow(line, {}, str(error))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_breaks(values: list[str | None]) -> int:
    return sum(len(_LINE_BREAK.findall(value)) for value in values if value)


def _csv_fields(record: dict[str, Any]) -> dict[str, Any]:
    """A CSV record in the YAML shape; `skills` and `network` use the `/skills` grammar."""
    value = {k: strip_controls(v or "").strip() for k, v in record.items() if k}
    fields: dict[str, Any] = {k: v for k, v in value.items() if v and k in CSV_COLUMNS}
    if value.get("skills"):
        fields["skills"] = skill_levels(value["skills"])
    for key in ("interests", "roles"):
        if value.get(key):
            fields[key] = split_list(value[key])
    if value.get("network"):
        fields["network"] = [
            _network_item(part) for part in re.split(r"[;\n]", value["network"]) if part.strip()
        ]
    return fields


def skill_levels(text: str) -> dict[str, int]:
    """`terraform:4, aws` (the `/skills add` syntax) as names and levels, a name without one
    at the default level; raises SkillsSyntaxError."""
    return {item.name: item.level or DEFAULT_LEVEL for item in parse_skill_items(text)}


def _network_item(text: str) -> dict[str, Any]:
    entry = parse_network_entry(text)
    item: dict[str, Any] = {"relationship": entry.relationship}
    if entry.colleague_handle or entry.colleague_user_id:
        item["colleague"] = entry.colleague_handle or entry.colleague_user_id
    else:
        item["contact"] = entry.contact_name
    if entry.topics:
        item["topics"] = list(entry.topics)
    return item
