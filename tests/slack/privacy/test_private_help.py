"""Help with a private question, as the reports count it (`bot.visibility`): Carol (Core)
asks twice in her DM with the bot, privately, and Alice (Platform) takes both on.

The insights count the help between the teams and name nobody for it
(`visibility.insights_name_by`): two helps across teams in public would make Alice a
connector, named to the admin with whom she helped. Her manager's digest counts both
questions beside her name, as her own work, and quotes nothing of them
(`visibility.report_counts_private_help`)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.slack.digests.conftest import MONDAY_W48, PEOPLE, W47_WED
from tests.slack.digests.world import blocks_text, digests, run_digests
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.questions.test_flow import offer_dm
from tests.slack.test_insights import seen, stage

ASKED = (
    "how do I rotate the terraform cloud token for the wombatone pipeline?",
    "how do I import the wombattwo buckets into terraform state?",
)


async def alice_helps_carol_privately(slack: SlackHarness) -> None:
    for text in ASKED:
        await slack.dm_bot("carol", text)
        await slack.settle()
        await slack.emu.click_button(slack.user("carol"), "Ask colleagues privately")
        await slack.settle()
        await slack.emu.click(slack.user("alice"), "offer_accept", message=offer_dm(slack, "alice"))
        await slack.settle()


async def test_private_help_names_nobody_in_the_network_and_counts_in_the_digest(
    tmp_path: Path,
) -> None:
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        slack.services.clock.freeze(W47_WED)  # all at work
        await stage(slack)
        await alice_helps_carol_privately(slack)
        admin = await seen(slack, "olga")
        slack.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
        await run_digests(slack)
        [digest] = digests(slack, "maria", "2026-W47")
    assert "Platform → Core: 7" in admin, admin  # five before, and Alice's two
    assert "Alice Martin (" not in admin, admin
    assert "wombat" not in admin, admin
    text = blocks_text(digest.blocks)
    helpers = text.split("Took on colleagues' questions")[1].split("*Unsung")[0]
    assert "Alice Martin: 2 questions" in helpers, text
    assert "wombat" not in text and "Carol Diaz" not in helpers, text
