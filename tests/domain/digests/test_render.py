"""A long week stays within Slack's limits: the message summarises, the CSV has everything,
and nothing in the digest or roundup pings anyone."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from bot.digests import outline
from bot.digests.chart import _png, chart_png, draw
from bot.digests.csv import lists_csv, summary_csv
from bot.digests.service import Roundup
from bot.digests.summary import Shoutout, TeamSummary, WeekCount
from bot.digests.weeks import IsoWeek
from bot.safe_text import AT
from bot.spreadsheet import BOM
from handlers.blocks.digests import IN_THE_CSV, has_more, render_digest, render_roundup
from handlers.blocks.home import render_report_modal
from handlers.surfaces.reports import IN_YOUR_DM
from slack_emulator.blocks import BLOCKS_TEXT_LIMIT, blocks_text

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

WEEK = IsoWeek(2026, 47)


def long_week(n: int = 80) -> TeamSummary:
    shoutouts = tuple(
        Shoutout(
            receiver=f"Person {i}",
            giver="Ana <@U999> & co",
            message="for " + "a very long reason " * 40,
            values=("teamwork",),
            given_on=date(2026, 11, 18),
        )
        for i in range(n)
    )
    return TeamSummary(
        team_id="T1",
        manager_user_id="U1",
        manager_name="Maria",
        week=WEEK,
        tz="Europe/Madrid",
        team_size=n,
        shoutouts=shoutouts,
        private_count=3,
        top_givers=(("Ana", n),),
        helpers=(),
        unsung=(),
        quiet=tuple((f"Quiet {i}", None) for i in range(200)),
        values=(("teamwork", n + 3),),
        weekly=tuple(
            WeekCount(WEEK.shifted(i - 7), i + 1, (("teamwork", i), ("craft", 1))) for i in range(8)
        ),
    )


def test_a_long_week_fits_slack_and_the_csv_has_every_shoutout() -> None:
    """80 long shout-outs and 200 quiet people: ≤50 blocks, ≤3,000 characters a section, the
    overflow pointed at the CSV, whose rows are all 80; a typed `<@U…>` pings nobody."""
    summary = long_week()
    message = render_digest(summary)
    blocks = message["blocks"]
    assert len(blocks) <= 50 and has_more(summary, for_manager=True, rest=IN_THE_CSV)
    texts = [b["text"]["text"] for b in blocks if "text" in b and b["type"] == "section"]
    assert all(len(t) <= 3000 for t in texts)
    assert any("…and 66 more in the attached CSV." in t for t in texts)
    shown = json.dumps(blocks, ensure_ascii=False)
    assert "<@U999>" not in shown and f"{AT}someone &amp; co" in shown
    rows = list(csv.reader(io.StringIO(summary_csv(summary).removeprefix(BOM))))
    assert len(rows) == 81 and rows[1][1] == "Person 0"


@pytest.mark.parametrize(
    ("tz", "named"),
    [
        ("Europe/Madrid", "Europe/Madrid"),
        ("UTC-10:00", "UTC-10:00"),  # an offset Slack sent for a zone we do not know
        ("", "UTC"),  # a profile without a zone, read as UTC
    ],
)
def test_each_csv_names_the_time_zone_its_dates_are_in(tz: str, named: str) -> None:
    """A shout-out's date, and the dates in the other lists ("last in public: 02 Nov 2026"), are the
    manager's own; read by an admin elsewhere, or in a spreadsheet, each file's header says
    whose: the shout-outs' date column, and the lists' entries."""
    summary = replace(long_week(1), tz=tz, quiet=(("Quiet 1", date(2026, 11, 2)),))
    [header, row] = list(csv.reader(io.StringIO(summary_csv(summary).removeprefix(BOM))))
    assert header[0] == f"date ({named})" and row[0] == "2026-11-18"
    lists = list(csv.reader(io.StringIO(lists_csv(summary).removeprefix(BOM))))
    assert lists[0] == ["list", f"entry (dates in {named})"]
    assert any("02 Nov 2026" in entry for _list, entry in lists[1:])


def test_roundup_names_people_and_the_chart_is_a_png() -> None:
    """The public roundup uses names only; the chart renders to PNG bytes."""
    summary = long_week(3)
    roundup = render_roundup(Roundup("C1", WEEK, summary.shoutouts))
    assert "Person 2, from Ana" in str(roundup["blocks"]) and "<@" not in str(roundup)
    assert chart_png(summary).startswith(b"\x89PNG\r\n\x1a\n")


async def test_a_chart_is_drawn_while_the_event_loop_goes_on() -> None:
    """Drawn on the loop, a chart ran to its end at its first turn and nothing else ran
    meanwhile (0.15-0.65 s of CPU each, while the digests went out)."""
    # A name no other test draws: a chart drawn before is not drawn again (`chart_png`).
    drawing = asyncio.ensure_future(draw(replace(long_week(3), manager_name="Loop Goes On")))
    turns = 0
    while not drawing.done():
        turns += 1
        await asyncio.sleep(0)
    assert turns > 1
    assert drawing.result().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_chart_is_drawn_once_for_the_same_name_and_weeks() -> None:
    """The chart shows the manager's name and the weeks counted, nothing else: a digest's
    delivery tried again after Slack failed its upload drew the same chart at each try. Drawn
    once now, the same bytes; another name or other weeks are drawn anew."""
    summary = replace(long_week(3), manager_name="Drawn Once")
    first = chart_png(summary)
    drawn = _png.cache_info().misses
    assert chart_png(replace(summary, shoutouts=summary.shoutouts[:1])) == first
    assert _png.cache_info().misses == drawn
    fewer = replace(summary, weekly=summary.weekly[1:])
    assert chart_png(replace(summary, manager_name="Drawn Twice")) != first
    assert chart_png(fewer) != first and _png.cache_info().misses == drawn + 2


def test_the_home_report_modal_points_at_the_report_not_an_attachment() -> None:
    """The Full report modal has no file attached: a cut list points at `/kudos report`,
    which sends the CSV files."""
    shown = json.dumps(render_report_modal(long_week())["blocks"], ensure_ascii=False)
    assert "…and 66 more in the CSV files `/kudos report` sends you." in shown
    assert "attached" not in shown


def test_a_week_too_wordy_for_one_message_is_cut_and_the_csv_sent() -> None:
    """Every list within its count (15 shout-outs, 10 of the rest), but long names and reasons
    past what chat.postMessage takes (msg_blocks_too_long): each list keeps its share, the cut
    ones say how many more are in the CSV, which is then attached; the private count stays."""
    name = "Maximiliana Alexandra " * 12
    summary = replace(
        long_week(15),
        top_givers=tuple((f"{name}{i}", 3) for i in range(10)),
        helpers=tuple((f"{name}{i}", 2) for i in range(10)),
        quiet=tuple((f"{name}{i}", None) for i in range(10)),
        values=tuple((f"value-{i}", 1) for i in range(10)),
    )
    blocks = render_digest(summary)["blocks"]
    assert blocks_text(blocks) <= BLOCKS_TEXT_LIMIT
    shown = json.dumps(blocks, ensure_ascii=False)
    assert (
        has_more(summary, for_manager=True, rest=IN_THE_CSV)
        and "more in the attached CSV." in shown
    )
    assert "3 kudos given in private conversations (counted, not shown)." in shown
    assert all(title in shown for title in ("Shout-outs", "Gave the most", "Values"))


def test_whether_files_go_is_decided_on_the_words_the_reader_gets() -> None:
    """The manager's digest and a report read by someone above them differ in title and in
    where the rest is said to be: for every size, each is cut exactly when `has_more` says
    so for that reader, and at some sizes one is cut and the other is not (a report that
    decided on the digest's words said files were sent and sent none)."""
    readers = ((True, IN_THE_CSV), (False, IN_YOUR_DM))
    cut_for: dict[bool, set[int]] = {True: set(), False: set()}
    for length in range(0, 400):
        summary = replace(
            long_week(12),
            manager_name="Maria " + "x" * 60,
            top_givers=tuple((f"Giver {i} " + "g" * length, 3) for i in range(10)),
            quiet=tuple((f"Quiet {i} " + "q" * length, None) for i in range(10)),
        )
        for for_manager, rest in readers:
            shown = json.dumps(render_digest(summary, for_manager=for_manager, rest=rest))
            cut = has_more(summary, for_manager=for_manager, rest=rest)
            assert cut == (f"more {rest}." in shown), (length, for_manager)
            if cut:
                cut_for[for_manager].add(length)
    assert cut_for[False] - cut_for[True], "no size where only the report is cut"


def test_a_trend_has_a_percentage_only_where_both_sides_are_not_small() -> None:
    """5 or more kudos this week and a week before, on average: a percentage; fewer on either
    side, the average alone, beside the week's count the headline says ("4 kudos",
    "Previous 4 weeks: 0.5 a week on average."), not "+700%"."""
    week = long_week(2)  # 5 kudos (2 shown, 3 private) against 5.5 a week
    assert outline.trend(week) == "Previous 4 weeks: 5.5 a week on average (-9%)."
    few = tuple(replace(w, total=1) for w in week.weekly[:-1]) + week.weekly[-1:]
    assert outline.trend(replace(week, weekly=few)) == "Previous 4 weeks: 1 a week on average."
    one = replace(week, private_count=2)  # 4 against 5.5
    assert outline.trend(one) == "Previous 4 weeks: 5.5 a week on average."
