"""`askaround report`: a manager's week from the command line, as text, CSV or PNG, from the
database in ASKAROUND_DATABASE_URL; a bad week is one line and exit 2, an unknown manager
one line and exit 1."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.digests.weeks import IsoWeek
from bot.kudos.records import Giving
from bot.kudos.service import KudosService
from bot.people import PeopleService
from bot.profile import Profile
from bot.runtime.cli import main
from storage.models import Person

MARIA = Profile("U1", "maria", "Maria Lopez", email="maria@example.com", tz="Europe/Madrid")
ANA = Profile("U2", "ana", "Ana Silva", email="ana@example.com")
BEN = Profile("U3", "ben", "Ben Ode", email="ben@example.com")


@pytest.fixture
async def week(
    sessions: async_sessionmaker[AsyncSession],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Ana and Ben report to Maria; in 2026-W47 Ana thanks Ben in public and in private."""
    for person in (MARIA, ANA, BEN):
        await PeopleService(sessions).remember("T1", person)
    async with sessions() as s, s.begin():
        await s.execute(update(Person).where(Person.user_id != "U1").values(manager_user_id="U1"))
    clock = Clock()
    clock.freeze(datetime(2026, 11, 18, 9, tzinfo=UTC))
    kudos = KudosService(sessions, clock.now)
    for key, private, reason in (("a", False, "for the release notes"), ("b", True, "hush")):
        await kudos.give(
            Giving(
                team_id="T1", giver=ANA, recipients=(BEN,), reason=f"{reason} work here",
                key=key, source="command", tags=("craft",), is_private=private,
            )
        )  # fmt: skip
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-report")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")


def _run(args: list[str], capsys: pytest.CaptureFixture[bytes]) -> tuple[int, bytes, bytes]:
    code = main(["report", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("week")
def test_text_csv_and_png(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    """Text shows the public shout-out and counts the private one; CSV has the public row
    only; PNG is written to --output."""
    code, out, _ = _run(["--week", "2026-W47", "--manager", "MARIA@example.com"], capsysbinary)
    text = out.decode()
    assert code == 0 and "Maria Lopez's team (2 people) received 2 kudos in 2026-W47" in text
    assert "Ben Ode, from Ana Silva: for the release notes work here #craft" in text
    assert "1 kudos given in private" in text and "hush" not in text
    code, out, _ = _run(
        ["--week", "2026-W47", "--manager", "maria@example.com", "--format", "csv"], capsysbinary
    )
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"))))
    assert code == 0 and [r[1:3] for r in rows[1:]] == [["Ben Ode", "Ana Silva"]]
    assert rows[0][0] == "date (Europe/Madrid)" and rows[1][0] == "2026-11-18"  # Maria's day
    png = tmp_path / "chart.png"
    args = ["--week", "2026-W47", "--manager", "maria@example.com", "--format", "png"]
    code, out, _ = _run([*args, "--output", str(png)], capsysbinary)
    assert code == 0 and out == b"" and png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.usefixtures("week")
def test_bad_week_or_unknown_manager_is_one_line(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """A single line on stderr naming the problem: exit 2 for a week that is none, as for any
    value the command line cannot take, 1 for a manager the database does not have."""
    for bad in ("2026-W60", "next week", "W54"):
        code, out, err = _run(["--week", bad, "--manager", "maria@example.com"], capsysbinary)
        assert code == 2 and out == b"" and err.decode().count("\n") == 1
        assert f"--week “{bad}” is not a week: say “this week”, “last week”" in err.decode()
    code, _, err = _run(["--week", "2026-W47", "--manager", "zed@example.com"], capsysbinary)
    assert (
        code == 1 and err.decode() == "askaround: no active person has the email zed@example.com\n"
    )
    code, _, err = _run(["--week", "2026-W47", "--manager", "ana@example.com"], capsysbinary)
    assert code == 1 and "nobody reports to ana@example.com" in err.decode()


@pytest.mark.usefixtures("week")
async def test_a_team_that_left_since_still_has_its_week(
    sessions: async_sessionmaker[AsyncSession], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Ana and Ben, Maria's whole team, left after W47: its report read "nobody reports to
    maria@example.com"; the week after, with nobody in it who did anything, still does."""
    async with sessions() as s, s.begin():
        await s.execute(update(Person).where(Person.user_id != "U1").values(deactivated=True))
    args = ["--week", "2026-W47", "--manager", "maria@example.com"]
    code, out, err = await asyncio.to_thread(_run, args, capsysbinary)
    assert code == 0, err
    assert "Maria Lopez's team (2 people) received 2 kudos in 2026-W47" in out.decode()
    args = ["--week", "2026-W48", "--manager", "maria@example.com"]
    code, out, err = await asyncio.to_thread(_run, args, capsysbinary)
    assert code == 1 and "nobody reports to maria@example.com" in err.decode(), err


@pytest.mark.usefixtures("week")
async def test_the_week_is_named_as_kudos_report_names_it(
    sessions: async_sessionmaker[AsyncSession], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """`--week` takes what `/kudos report` takes (`this week`, `last week`, `W47`), read
    where the manager lives (Madrid) at the time the command runs: a kudos given now is in
    this week's report and not in last week's."""
    before = IsoWeek.at(datetime.now(UTC), "Europe/Madrid")
    await KudosService(sessions, Clock().now).give(
        Giving(
            team_id="T1", giver=BEN, recipients=(ANA,), reason="for covering my on-call shift",
            key="now", source="command", tags=(),
        )
    )  # fmt: skip
    runs = {}
    for period in ("this week", "Last  Week", f"w{before.week}", f"week {before.week}"):
        args = ["--week", period, "--manager", "maria@example.com"]
        runs[period] = await asyncio.to_thread(_run, args, capsysbinary)
    assert all(code == 0 for code, _, _ in runs.values()), runs
    if IsoWeek.at(datetime.now(UTC), "Europe/Madrid") != before:
        return  # the runs straddled Monday 00:00 in Madrid: they read two different weeks
    for period, (_, out, _) in runs.items():
        last = period.lower().startswith("last")
        label = before.shifted(-1).label if last else before.label
        said = "0 kudos in" if last else "1 kudos so far in"
        assert out.decode().startswith(f"Maria Lopez's team: week {label} ("), (period, out)
        assert f"Maria Lopez's team (2 people) received {said} {label}" in out.decode()
        assert ("covering my on-call shift" in out.decode()) is not last


@pytest.mark.usefixtures("week")
def test_the_manager_by_user_id_email_or_name(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """--manager takes a Slack user id, an email or @name (the handle, any case)."""
    for who in ("U1", "maria@example.com", "@maria", "Maria"):
        code, out, err = _run(["--week", "2026-W47", "--manager", who], capsysbinary)
        assert code == 0 and b"Maria Lopez's team (2 people)" in out, (who, err)
    code, _, err = _run(["--week", "2026-W47", "--manager", "@zed"], capsysbinary)
    assert code == 1 and err.decode() == "askaround: no active person is known as @zed\n"


@pytest.mark.usefixtures("week")
async def test_text_prints_a_reason_as_slack_shows_it_without_markup(
    sessions: async_sessionmaker[AsyncSession], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A reason is kept as Slack sent it: mentions, a channel, a link, bold and escaped
    characters. The terminal gets the words Slack would show, not the markup: a colleague
    known by name is named (Maria), one unknown keeps their id; #general, where it was
    given, is known public and named."""
    clock = Clock()
    clock.freeze(datetime(2026, 11, 19, 9, tzinfo=UTC))
    reason = (
        "*fixing* the build with <@U1|maria> &amp; <@U9> in <#C1|general> in &lt;2h, "
        "see <https://wiki.example/rb|the runbook> and `make *all*`"
    )
    await KudosService(sessions, clock.now).give(
        Giving(
            team_id="T1", giver=BEN, recipients=(ANA,), reason=reason, key="c",
            source="command", tags=(), channel_id="C1", is_private=False,
        )
    )  # fmt: skip
    code, out, _ = await asyncio.to_thread(
        _run, ["--week", "2026-W47", "--manager", "maria@example.com"], capsysbinary
    )
    assert code == 0
    assert (
        "  - Ana Silva, from Ben Ode: fixing the build with @Maria Lopez & @U9 in #general in <2h, "
        "see the runbook (https://wiki.example/rb) and `make *all*`\n"
    ) in out.decode()


@pytest.mark.usefixtures("week")
async def test_a_private_channel_linked_in_a_reason_is_not_named_unless_asked(
    sessions: async_sessionmaker[AsyncSession], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A public kudos links three channels: #general, where it was given; #secret-project,
    where private kudos were given (so askaround knows it is private); and #elsewhere, which
    askaround knows nothing of. A report may be pasted anywhere: the text and the CSV call
    the private one "a private channel" and write the unknown one by its id, as the CSV
    files sent in Slack do. `--show-private` names every channel, for the operator's eyes, in
    the CSV too (it wrote every channel by its id all the same)."""
    clock = Clock()
    clock.freeze(datetime(2026, 11, 19, 9, tzinfo=UTC))
    kudos = KudosService(sessions, clock.now)
    reason = (
        "for the fix in <#C1|general>, <#C7|secret-project> and <#C9|elsewhere>, carried through"
    )
    hush = "hush, between us"
    for key, channel, private, said in (("c", "C1", False, reason), ("d", "C7", True, hush)):
        await kudos.give(
            Giving(
                team_id="T1", giver=BEN, recipients=(ANA,), reason=said, key=key,
                source="command", channel_id=channel, is_private=private,
            )
        )  # fmt: skip
    week = ["--week", "2026-W47", "--manager", "maria@example.com"]
    code, out, _ = await asyncio.to_thread(_run, week, capsysbinary)
    assert code == 0
    text = out.decode()
    assert "secret-project" not in text and "elsewhere" not in text
    assert "for the fix in #general, a private channel and #C9, carried through" in text
    code, out, _ = await asyncio.to_thread(_run, [*week, "--format", "csv"], capsysbinary)
    assert code == 0
    csv_text = out.decode()
    assert "secret-project" not in csv_text and "in #C1, a private channel and #C9," in csv_text
    for shown in ([], ["--format", "csv"]):
        code, out, _ = await asyncio.to_thread(
            _run, [*week, *shown, "--show-private"], capsysbinary
        )
        assert code == 0
        assert "for the fix in #general, #secret-project and #elsewhere, carried through" in (
            out.decode()
        )


@pytest.mark.usefixtures("week")
async def test_a_manager_known_in_two_workspaces_is_found_with_team(
    sessions: async_sessionmaker[AsyncSession], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """An Enterprise Grid org's workspaces share one database and one user id: Maria (U1)
    manages Ana and Ben in T1, and Zoe in T2. `--manager U1` was refused with "use their
    Slack user id", which it was, and `--team` was refused for a weekly report: there was no
    way through. The refusal names the workspaces and --team, which picks the one meant; a
    workspace the database does not have is said so."""
    zoe = Profile("U4", "zoe", "Zoe Kay", email="zoe@example.com")
    for person in (MARIA, zoe):
        await PeopleService(sessions).remember("T2", person)
    async with sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(Person.team_id == "T2", Person.user_id == "U4")
            .values(manager_user_id="U1")
        )
    week = ["--week", "2026-W47", "--manager", "U1"]
    code, out, err = await asyncio.to_thread(_run, week, capsysbinary)
    assert code == 1 and out == b""
    assert err.decode() == (
        "askaround: U1 names 2 people in 2 workspaces (T1, T2): say which with --team\n"
    )
    code, out, err = await asyncio.to_thread(_run, [*week, "--team", "t2"], capsysbinary)
    assert code == 0, err
    assert b"Maria Lopez's team (1 person)" in out and b"Ben" not in out
    code, out, err = await asyncio.to_thread(_run, [*week, "--team", "T1"], capsysbinary)
    assert code == 0 and b"Maria Lopez's team (2 people)" in out, err
    code, out, err = await asyncio.to_thread(_run, [*week, "--team", "T9"], capsysbinary)
    assert code == 1 and err.decode() == (
        "askaround: no workspace T9 in this database (it has: T1, T2)\n"
    ), err
    elsewhere = ["--week", "2026-W47", "--manager", "ben@example.com", "--team", "T2"]
    code, out, err = await asyncio.to_thread(_run, elsewhere, capsysbinary)
    assert code == 1
    said = "askaround: no active person has the email ben@example.com in workspace T2\n"
    assert err.decode() == said
