"""An import's report keeps a warning that concerns many rows as its count and first lines
(all the summary shows), so 100,000 rows with 700,000 warnings do not hold one object each."""

from __future__ import annotations

import pytest

from bot.directory.import_report import SHOWN, ImportReport, Rejection

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_a_warning_on_many_lines_is_a_count_and_its_first_lines() -> None:
    report = ImportReport()
    for line in range(2, 1_206):
        report.warn(line, "skill 'x' is new")
    report.warn(7, "skill 'y' is new")
    assert report.warned["skill 'x' is new"] == list(range(2, 2 + SHOWN))
    assert report.warnings[-1] == Rejection(7, "skill 'y' is new")
    assert len(report.warnings) == SHOWN + 1
    lines = report.summary().splitlines()
    assert lines[1] == (
        f"  lines {', '.join(map(str, range(2, 2 + SHOWN)))}, … (1,204 lines): "
        "warning: skill 'x' is new"
    )
    assert lines[2] == "  line 7: warning: skill 'y' is new"


def test_a_few_lines_are_all_listed() -> None:
    report = ImportReport(dry_run=True)
    for line in (3, 5):
        report.warn(line, "skill 'z' is new")
    assert report.summary().splitlines() == [
        "Dry run (nothing written): 0 imported, 0 updated, 0 unchanged, 0 rejected.",
        "  lines 3, 5: warning: skill 'z' is new",
    ]
