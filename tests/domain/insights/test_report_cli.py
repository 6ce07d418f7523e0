"""`askaround report insights`: the whole workspace from the database alone, as text, CSV or
PNG; private kudos and network entries stay counts there too."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.directory.parse import parse_skill_items
from bot.directory.profiles import ProfileService
from bot.runtime.cli import main
from tests.domain.insights.world import MARK_NET, MARK_PRIVATE, TEAM, seed, uid


@pytest.fixture
async def company(
    sessions: async_sessionmaker[AsyncSession],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Path:
    await seed(sessions)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", database_url)
    return tmp_path


def _run(*args: str) -> int:
    return main(["report", "insights", "--since", "2026-08-01", *args])


def test_text_names_the_risk_and_never_a_private_source(company: Path) -> None:
    assert _run("--output", "n.txt") == 0
    text = (company / "n.txt").read_text()
    assert "Terraform: not asked in the window, only Dev" in text
    assert "Legal neither gave nor got help" in text
    assert MARK_PRIVATE not in text and MARK_NET not in text and "Tom" not in text
    assert "*" not in text  # plain text for a terminal, no Slack markup


async def test_text_shows_a_typed_skill_name_as_slack_shows_it(
    company: Path, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """A skill is kept as typed in `/skills add`, in Slack's format: `_ops_` is italic in
    Slack and plain words in the terminal, not the marks."""
    items = parse_skill_items("_ops_ tooling:5")
    await ProfileService(sessions, Clock()).add_skills(TEAM, uid("lou"), items)
    assert await asyncio.to_thread(_run, "--output", "n.txt") == 0
    text = (company / "n.txt").read_text()
    assert "• ops tooling: not asked in the window, only Lou" in text and "_ops_" not in text


def test_report_network_is_told_its_new_name_and_still_prints_the_insights(
    company: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`askaround report network`, the name until December 2026, works for one release and
    says on standard error that it is `report insights` now."""
    argv = ["report", "network", "--since", "2026-08-01", "--output", "old.txt"]
    assert main(argv) == 0
    assert "`report network` is now `report insights`." in capsys.readouterr().err
    assert _run("--output", "new.txt") == 0
    assert (company / "old.txt").read_text() == (company / "new.txt").read_text()


def test_csv_has_a_row_per_finding(company: Path) -> None:
    assert _run("--format", "csv", "--output", "n.csv") == 0
    rows = list(csv.DictReader(io.StringIO((company / "n.csv").read_text(encoding="utf-8-sig"))))
    kinds = {r["finding"] for r in rows}
    assert kinds == {"knowledge risk", "connector", "help flow", "silo", "unanswered pair"}
    assert {"finding": "silo", "subject": "Legal", "other": "", "count": "0", "detail": ""} in rows


def test_png(company: Path) -> None:
    assert _run("--format", "png", "--output", "n.png") == 0
    assert (company / "n.png").read_bytes().startswith(b"\x89PNG")


def test_the_workspace_id_is_taken_in_any_case(company: Path) -> None:
    """Slack's ids are upper case; `--team t…` matched no workspace."""
    assert _run("--team", TEAM.lower(), "--output", "n.txt") == 0
    assert "Legal neither gave nor got help" in (company / "n.txt").read_text()


def test_a_bad_date_is_one_line_and_exit_2(
    company: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "insights", "--since", "last year"]) == 2
    assert "--since “last year” is not a date" in capsys.readouterr().err


def test_a_workspace_the_database_does_not_have_is_one_line_and_exit_1(
    company: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not an empty report, as if the workspace had no help in it."""
    assert _run("--team", "T0NOSUCH") == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("askaround: no workspace T0NOSUCH in this database")


async def test_csv_shows_a_skill_typed_as_a_formula_as_text(
    company: Path, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """A knowledge risk's topic is a skill anyone may type in `/skills add`: the insights
    CSV goes through the same `bot.spreadsheet` as every CSV askaround writes."""
    items = parse_skill_items("@SUM(A1):5")
    await ProfileService(sessions, Clock()).add_skills(TEAM, uid("lou"), items)
    assert await asyncio.to_thread(_run, "--format", "csv", "--output", "n.csv") == 0
    rows = list(csv.DictReader(io.StringIO((company / "n.csv").read_text(encoding="utf-8-sig"))))
    risk = next(r for r in rows if "SUM" in r["subject"])
    found = (risk["finding"], risk["subject"], risk["other"])
    assert found == ("knowledge risk", "'@SUM(A1)", "Lou")
