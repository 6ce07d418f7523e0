"""Kudos buttons, modals and reactions doubled at once: Undo pressed twice (each press a new
trigger id, which the inbox lets through), the Give kudos modal submitted four times, two
kudos emoji or two seconding emoji on one message at once, and Undo racing a +1. The ledger,
the allowance, the shout-out and the DMs count each act once."""

from __future__ import annotations

import asyncio

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import (
    configure,
    dm_text,
    ephemeral_text,
    give,
    global_modal,
    kudos_posts,
    ledger,
)
from tests.slack.twice import press, submit_at_once

REASON = "for untangling the release #teamwork"
ONCE = "Undone: your kudos to <@{}> are no longer in the ledger"


@pytest.mark.parametrize("channel", ["general", "random"])
async def test_undo_pressed_twice_undoes_once_and_says_so(
    slack: SlackHarness, channel: str
) -> None:
    """In #random the bot may not post by itself (an install without chat:write.public), so
    the shout-out went through the command's reply_url; either way the kudos are undone once,
    and neither press claims a message could not be removed."""
    if channel == "random":
        slack.emu.workspace.bot_scopes = frozenset({"chat:write"})
    await give(slack, "alice", f"@bob {REASON}", channel=channel)
    await slack.drain()
    assert len(kudos_posts(slack, channel)) == 1
    await press(slack, "alice", "Undo")
    await slack.settle()
    assert await ledger(slack) == []
    assert kudos_posts(slack, channel) == []
    assert dm_text(slack, "bob") == ""
    said = ephemeral_text(slack, "alice")
    assert ONCE.format(slack.user("bob")) in said and "could not remove" not in said
    await give(slack, "alice", f"@carol {REASON}")
    assert "4 of 5 left today" in ephemeral_text(slack, "alice")


@pytest.mark.parametrize("undo_first", [True, False])
async def test_undo_racing_a_second_leaves_no_second_of_undone_kudos(
    slack: SlackHarness, undo_first: bool
) -> None:
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    undo = press(slack, "alice", "Undo", 1)
    react = slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await asyncio.gather(*((undo, react) if undo_first else (react, undo)))
    await slack.drain()
    rows = await ledger(slack)
    assert [k.source for k in rows] in ([], ["second"])
    announced = [m for m in slack.emu.messages() if "seconds this" in m.text]
    if not rows:  # Undo committed before the second was given: refused, nothing announced
        assert announced == [] and dm_text(slack, "bob") == ""
        assert "were undone" in ephemeral_text(slack, "maria") + dm_text(slack, "maria")
    else:
        # The second came first: Maria's own thanks stay, announced once at most (the thread
        # it replies in may be gone by then).
        assert len(announced) <= 1


async def test_the_give_kudos_modal_submitted_four_times_gives_once(slack: SlackHarness) -> None:
    modal = await global_modal(slack, "maria")
    answers = await submit_at_once(
        slack,
        "maria",
        modal,
        {
            "recipients": {"users": [slack.user("alice"), slack.user("bob")]},
            "reason": {"text": "ran a calm incident review"},
            "channel": {"where": slack.channel("general")},
        },
        times=4,
    )
    await slack.drain()
    assert all(a.ok for a in answers)
    assert len(await ledger(slack)) == 2
    assert len(kudos_posts(slack, "general")) == 1
    assert ephemeral_text(slack, "maria").count("Kudos sent") == 1
    assert "3 of 5 left today" in ephemeral_text(slack, "maria")
    assert dm_text(slack, "bob").count("calm incident review") == 1


async def test_two_kudos_emoji_at_once_give_once(slack: SlackHarness) -> None:
    """Bob reacts with :kudos: and :clap: (both kudos emoji here) at the same moment."""
    await configure(slack, kudos_reactions="kudos, clap")
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    deliveries = await asyncio.gather(
        slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos"),
        slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "clap"),
    )
    assert all(d is not None for d in deliveries)
    await slack.drain()
    assert len(await ledger(slack)) == 1
    assert len(kudos_posts(slack, "general")) == 1
    assert ephemeral_text(slack, "bob").count("Kudos sent") == 1
    assert dm_text(slack, "carol").count("failover drill") == 1


async def test_two_seconding_emoji_at_once_second_once(slack: SlackHarness) -> None:
    await configure(slack, kudos_reactions="kudos, clap")
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    await asyncio.gather(
        slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos"),
        slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "clap"),
    )
    await slack.drain()
    assert sorted(k.source for k in await ledger(slack)) == ["command", "second"]
    assert len([m for m in slack.emu.messages() if "seconds this" in m.text]) == 1
    assert "4 of 5 left today" in ephemeral_text(slack, "maria")


async def test_undo_pressed_twice_while_a_message_stays_names_it(slack: SlackHarness) -> None:
    """Slack refuses to delete the shout-out, and Alice presses Undo twice at once: the answer
    she is left with never says "the messages they caused are removed" (the press that found
    them undone already says nothing: the first press's delivery answers, once it tried)."""
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    slack.emu.faults.add("chat.delete", error="cant_delete_message", times=3)
    await press(slack, "alice", "Undo")
    await slack.settle()
    [answer] = [e for e in slack.emu.ephemerals(slack.user("alice")) if "Undone" in e.text]
    assert answer.text.startswith(ONCE.format(slack.user("bob")))
    assert "are removed" not in answer.text
    assert len(kudos_posts(slack, "general")) == 1


async def test_the_same_kudos_typed_four_times_at_once_gives_once(slack: SlackHarness) -> None:
    """`/kudos @bob @carol for …` sent four times before the first is answered (Slack shows
    each; every one a new trigger id): the same people for the same reason while the first is
    undoable is "Already sent" (docs/kudos.md), however close together they arrive."""
    text = f"@bob @carol {REASON}"
    await asyncio.gather(*(slack.command("alice", "/kudos", text) for _ in range(4)))
    await slack.drain()
    assert sorted(k.receiver_user_id for k in await ledger(slack)) == sorted(
        [slack.user("bob"), slack.user("carol")]
    )
    assert len(kudos_posts(slack, "general")) == 1
    assert dm_text(slack, "bob").count("untangling the release") == 1
    said = ephemeral_text(slack, "alice")
    assert said.count("Kudos sent") == 1 and said.count("Already sent") == 3
    assert "3 of 5 left today" in said
