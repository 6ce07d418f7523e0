"""CSV that opens safely in a spreadsheet.

Kudos reasons, names, team and skill names are typed by anyone, and a manager or admin opens
our CSV in Excel, LibreOffice or Google Sheets, which run a cell starting with `=`, `+`, `-`
or `@` as a formula (`=HYPERLINK(...)` can send data away). Such a cell is written behind a `'`,
which those programs show as text, as OWASP's advice on CSV injection has it. Excel where the
list separator is `;` (German, French…) splits a .csv at `;` instead, and LibreOffice at `;` or
a tab when they are ticked: what follows one starts a cell too, so a formula there is written
behind a `'` as well (`=` or `@`; `+` or `-` before a letter, digit, `(` or `"`, so a winking
`;-)` stays as typed). Numbers stay numbers; JSON exports are left exact.

Every CSV starts with a UTF-8 byte-order mark: Excel on Windows, opening a .csv by a
double-click, reads one without it in the machine's code page (Zoë as ZoÃ«). Google Sheets,
LibreOffice, Numbers, pandas and `askaround import people` skip it; a script reads it with
Python's `utf-8-sig`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_AFTER_SPLIT = re.compile(r"(?<=[;\t])(?= *(?:[=@]|[+-][\w(\"]))")


def cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = FORMULA_AFTER_SPLIT.sub("'", value)
    return "'" + value if value.startswith(FORMULA_START) else value


BOM = "\ufeff"


class Writer:
    """`csv.writer` whose text cells cannot run as formulas, after a byte-order mark."""

    def __init__(self, out: TextIO) -> None:
        out.write(BOM)
        self._csv = csv.writer(out)

    def writerow(self, row: Iterable[object]) -> None:
        self._csv.writerow([cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
