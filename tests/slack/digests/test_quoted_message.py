"""Kudos given by reacting to a message its author deleted since: the digest, its CSV files,
`/kudos report` and the public roundup say the kudos were given, and quote none of its words
(`tests/slack/kudos/test_quoted_message.py` has `/kudos @someone` and the edits)."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.digests.conftest import MONDAY_W48, W47_WED
from tests.slack.digests.test_large import files_in_dm, hire
from tests.slack.digests.test_report import report
from tests.slack.digests.world import blocks_text, digests, run_digests
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure

SECRET = "hunter2zebra"
DELETED = "For a message since deleted."


async def test_a_deleted_message_is_quoted_in_no_digest_report_csv_or_roundup(
    company: SlackHarness,
) -> None:
    """On Wednesday of W47 Dev reacts to Erin's message, which Erin deletes: Maria's digest
    (a large team's, with its CSV files), her report of the week and the roundup count the
    kudos and quote nothing of it."""
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    await hire(company, 20)
    company.services.clock.freeze(W47_WED + timedelta(hours=1))
    message = await company.post("erin", "general", f"fixed the deploy, the token is {SECRET}")
    await company.emu.add_reaction(company.user("dev"), message.channel, message.ts, "kudos")
    await company.settle()
    await company.here.delete_message(company.user("erin"), message)
    await company.settle()
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    [digest] = digests(company, "maria")
    roundup = [
        m
        for m in company.emu.messages(company.channel("general"))
        if m.by_bot and "Kudos of week 2026-W47" in m.text
    ]
    said = [blocks_text(digest.blocks), *(blocks_text(m.blocks) for m in roundup)]
    said += [await report(company, "maria", "last week")]
    files = files_in_dm(company, "maria", "-2026-W47.csv")
    said += [(f.content or b"").decode() for f in files]
    assert len(roundup) == 1 and any(f.name == "shout-outs-2026-W47.csv" for f in files)
    for text in said:
        assert SECRET not in text and "fixed the deploy" not in text, text
    assert all(DELETED in text for text in said[:3])
