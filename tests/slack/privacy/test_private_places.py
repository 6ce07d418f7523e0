"""Kudos given in every kind of private place a person can give them from, each carrying its
own marker word, then read by everyone who is not their giver or receiver: a third person
(Erin), the receiver's manager (Maria) and an admin (Olga), on every surface that shows kudos.
`tests/slack/test_visibility_matrix.py` holds the table for a private channel and the DM with
the bot; these are the other places: a group DM with the bot and one without it (through the
*Give kudos* message shortcut there), a DM between two people the bot is not in, a channel
shared with another organisation (Slack Connect), and a `:kudos:` reaction in a private
channel, whose reason quotes the message reacted to. Each kudos is private (`bot.visibility`,
`docs/privacy.md`): its giver and receiver read it, anybody else at most counts it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from slack_emulator import Message
from tests.slack.digests.conftest import MONDAY_W48, PEOPLE, W47_THU, W47_WED, org_chart
from tests.slack.digests.world import digests, run_digests
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import ledger, submit_modal
from tests.slack.privacy.seen import home_and_bot_posts

GROUP, GROUP_UNJOINED, PAIR_DM, CONNECT, REACTION = (
    "wombatgroup",
    "wombatunjoined",
    "wombatpairdm",
    "wombatconnect",
    "wombatreaction",
)
MARKERS = (GROUP, GROUP_UNJOINED, PAIR_DM, CONNECT, REACTION)
OTHERS = ("erin", "maria", "olga")  # neither giver nor receiver of any of them


async def kudos(slack: SlackHarness, channel_id: str, marker: str) -> None:
    """Alice's `/kudos @bob`, typed in `channel_id`."""
    await slack.here.slash_command(
        slack.user("alice"),
        "/kudos",
        slack.escape(f"@bob for the {marker} rollout #craft"),
        channel_id=channel_id,
    )
    await slack.settle()


async def stage(slack: SlackHarness) -> None:
    ws = slack.here.workspace
    alice, bob = slack.user("alice"), slack.user("bob")
    await org_chart(slack)
    ws.users[slack.user("olga")].is_admin = True
    slack.services.clock.freeze(W47_WED)
    await kudos(slack, ws.open_mpim([alice, bob, slack.user("carol")]).id, GROUP)
    unjoined = ws.open_mpim([alice, bob, slack.user("dev")])
    unjoined.members.remove(ws.bot_user_id)
    message = await ws_post(slack, "bob", unjoined.id, f"shipped the {GROUP_UNJOINED} fix")
    await slack.here.message_shortcut(alice, "give_kudos", message)
    await slack.settle()
    modal = slack.here.open_modal(alice)
    assert modal is not None
    await submit_modal(slack, "alice", modal, reason=f"for the {GROUP_UNJOINED} fix")
    await slack.settle()
    await kudos(slack, ws.open_dm(alice, bob).id, PAIR_DM)
    connect = ws.add_channel("vendor-x", members=[alice, bob], ext_shared=True)
    await kudos(slack, connect.id, CONNECT)
    said = await ws_post(slack, "bob", slack.channel("secret"), f"the {REACTION} runbook")
    await slack.here.add_reaction(alice, said.channel, said.ts, "kudos")
    await slack.drain()
    given = await ledger(slack)
    assert [k.is_private for k in given] == [True] * len(MARKERS), given
    slack.services.clock.freeze(W47_THU)


async def ws_post(slack: SlackHarness, handle: str, channel_id: str, text: str) -> Message:
    message, _deliveries = await slack.here.post_message(slack.user(handle), channel_id, text)
    return message


async def shown_to(slack: SlackHarness, handle: str) -> str:
    """Everything the bot showed this person: answers to `/kudos @bob`, `/kudos top`,
    `/kudos report`, their Home tab and its *Full report*, their DMs (digests included), and
    the bot's messages in every conversation they are in."""
    user = slack.user(handle)
    for text in ("@bob", "top week", "top month #craft", "report @maria", "report this week"):
        await slack.command(handle, "/kudos", text)
        await slack.settle()
    shown = [await home_and_bot_posts(slack, handle)]
    if "Full report" in shown[0]:  # a manager's Home: the week's report, in a modal
        await slack.emu.click_button(user, "Full report")
        await slack.settle()
    modal = slack.emu.open_modal(user)
    shown.append(str(modal.blocks) if modal else "")
    return "\n".join(shown)


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await stage(harness)
        yield harness


async def test_nobody_but_giver_and_receiver_reads_kudos_given_in_private(
    slack: SlackHarness,
) -> None:
    seen = {handle: await shown_to(slack, handle) for handle in (*OTHERS, "bob")}
    slack.services.clock.freeze(MONDAY_W48 + timedelta(hours=8))
    await run_digests(slack)
    for handle in (*OTHERS, "bob"):
        seen[handle] += "\n".join(f"{m.text}\n{m.blocks}" for m in digests(slack, handle))
    leaks = [f"{h} reads {m}" for h in OTHERS for m in MARKERS if m in seen[h]]
    assert not leaks, "\n".join(leaks)
    # Not vacuous: the receiver reads each of them, and the others were answered.
    assert [m for m in MARKERS if m not in seen["bob"]] == []
    assert "Leaderboard" in seen["erin"] or "leaderboard" in seen["erin"].lower()
    assert digests(slack, "maria") and "Bob Chen" in seen["maria"]
