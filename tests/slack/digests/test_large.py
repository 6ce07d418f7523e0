"""A large organisation's digest and `/kudos report` fit in one Slack message (issue 12, item
14): 5,000 people report to Maria, none thanked in 8 weeks; each list is cut with "…and N
more" and where the rest is, and the CSV files have every name."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import insert

from slack_emulator import File
from storage.models import Person
from storage.people import refresh_statistics
from tests.slack.digests.conftest import MONDAY_W48
from tests.slack.digests.test_report import report
from tests.slack.digests.world import blocks_text, digests, run_digests
from tests.slack.harness import SlackHarness

STAFF = 5000
HIDDEN = STAFF + 1 - 9  # Erin and the 5,000 are quiet; 9 names fit, then "…and N more"


async def hire(slack: SlackHarness, n: int = STAFF) -> None:
    """`n` more people reporting to Maria (as the directory sync would leave them), in one
    bulk insert: 5,000 ORM objects took some 0.4 CPU-s."""
    async with slack.services.sessions() as s, s.begin():
        rows = [
            {
                "team_id": slack.team_id,
                "user_id": f"UHIRED{i:05d}",
                "name": f"hire{i}",
                "real_name": f"Hired Person {i:05d}",
                "tz": "Europe/Madrid",
                "manager_user_id": slack.user("maria"),
            }
            for i in range(n)
        ]
        await s.execute(insert(Person), rows)
    async with slack.services.sessions() as s, s.begin():
        await refresh_statistics(s)


def files_in_dm(slack: SlackHarness, handle: str, ending: str) -> list[File]:
    im = slack.emu.workspace.im_between(slack.user(handle))
    assert im is not None
    return [
        f
        for f in slack.emu.workspace.files.values()
        if im.id in f.shares and f.name.endswith(ending)
    ]


def quiet_names(file: File) -> set[str]:
    assert file.content is not None
    rows = list(csv.reader(io.StringIO(file.content.decode())))
    return {
        entry
        for title, entry in rows[1:]
        if title.startswith(("No kudos in public since ", "No kudos in public from "))
    }


async def test_a_digest_for_5000_people_fits_one_message_and_the_csv_has_them_all(
    company: SlackHarness,
) -> None:
    await hire(company)
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    [digest] = digests(company, "maria", "2026-W47")
    assert len(digest.blocks) <= 50
    text = blocks_text(digest.blocks)
    assert f"…and {HIDDEN:,} more in the attached CSV." in text
    [lists] = files_in_dm(company, "maria", "lists-2026-W47.csv")
    quiet = quiet_names(lists)
    assert len(quiet) == STAFF + 1 and "Hired Person 04999 (none in public from " in max(quiet)


async def test_a_report_for_5000_people_fits_and_sends_the_rest_as_files(
    company: SlackHarness,
) -> None:
    await hire(company)
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "olga", "last week @maria")
    assert f"…and {HIDDEN:,} more in the CSV files I've sent you in a direct message." in said
    [shown] = company.emu.ephemerals(company.user("olga"))[-1:]
    assert len(shown.blocks) <= 50
    [lists] = files_in_dm(company, "olga", "lists-2026-W47.csv")
    assert len(quiet_names(lists)) == STAFF + 1
    # Olga reads in London the days of Maria's week, in Madrid: each file says whose they are.
    [shoutouts] = files_in_dm(company, "olga", "shout-outs-2026-W47.csv")
    for file, header in (
        (shoutouts, "date (Europe/Madrid),"),
        (lists, "list,entry (dates in Europe/Madrid)"),
    ):
        assert file.content is not None and file.content.decode("utf-8-sig").startswith(header)


async def test_a_cut_digest_whose_files_slack_refuses_does_not_say_they_are_attached(
    company: SlackHarness,
) -> None:
    """Maria's digest leaves names out; Slack refuses the upload for good: the digest no
    longer says the rest is in an attached CSV (nothing is attached), but where they are."""
    await hire(company, 20)
    company.emu.faults.add("files.completeUploadExternal", error="invalid_channel", times=None)
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    [digest] = digests(company, "maria", "2026-W47")
    text = blocks_text(digest.blocks)
    assert files_in_dm(company, "maria", ".csv") == []
    assert "attached CSV" not in text, text
    assert "more in the CSV files `/kudos report` sends you." in text, text


# Given up after three tries, not twelve: nothing happens between the tries, so the end is
# the same, and each try is a digest read and rendered again.
@pytest.mark.usefixtures("gives_up_sooner")
async def test_a_cut_digest_whose_files_slack_keeps_failing_does_not_say_they_are_attached(
    company: SlackHarness,
) -> None:
    """Slack fails Maria's upload again and again (503s) until the outbox gives it up: the
    digest says where the rest is, as when Slack refuses the files for good."""
    await hire(company, 20)
    company.emu.faults.add("files.completeUploadExternal", status=503, times=None)
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    await company.drain()  # through every retry's backoff, until the outbox gives it up
    [digest] = digests(company, "maria", "2026-W47")
    text = blocks_text(digest.blocks)
    assert files_in_dm(company, "maria", ".csv") == []
    assert "attached CSV" not in text, text
    assert "more in the CSV files `/kudos report` sends you." in text, text
