"""The giver's retry of kudos that went through (issue 18, item 10): the replica that stored
`/kudos` died before answering, so Slack showed the giver an error while another replica
replayed it and the kudos was given. The giver's retry (a new request: same recipients and
reason) is told "already sent" instead of thanking the same people twice, while the first is
still undoable; later, or with another reason, it is a new kudos."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.runtime.runner import in_flight_listeners
from handlers.dispatch.after_ack import AFTER_ACK_AT_ONCE
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, give, kudos_posts, ledger
from tests.slack.test_inbox import orphan_everything, replay

REASON = "@bob @carol for untangling the release #teamwork"


async def stored_but_never_answered(slack: SlackHarness, text: str) -> None:
    """The command is stored and acked, its replica dies before the work; another replays it."""
    turns = slack.runner.bot.router.turns
    for _ in range(AFTER_ACK_AT_ONCE):
        await turns.acquire()
    await slack.command("alice", "/kudos", text)
    [waiting] = in_flight_listeners()
    waiting.cancel()
    await asyncio.gather(waiting, return_exceptions=True)
    for _ in range(AFTER_ACK_AT_ONCE):
        turns.release()
    await orphan_everything(slack)
    await replay(slack)


async def test_the_retry_of_a_replayed_kudos_is_already_sent(slack: SlackHarness) -> None:
    """Replayed, then retried a minute later: two entries (Bob, Carol), one shout-out, and
    the retry says "already sent"."""
    await stored_but_never_answered(slack, REASON)
    assert len(await ledger(slack)) == 2
    slack.advance(timedelta(minutes=1))
    await give(slack, "alice", REASON)
    assert len(await ledger(slack)) == 2
    assert len(kudos_posts(slack, "general")) == 1
    said = ephemeral_text(slack, "alice")
    assert (
        "Already sent" in said and "press Undo on that one while it shows and send it again" in said
    )
    # Listed as "Kudos sent to @bob and @carol" lists them; it read "to @bob @carol".
    bob, carol = slack.user("bob"), slack.user("carol")
    assert f"your kudos to <@{bob}> and <@{carol}> for this" in said, said


async def test_the_same_kudos_later_or_to_fewer_people_is_new(slack: SlackHarness) -> None:
    """The same words to Bob alone are a new kudos; so is the same kudos after Undo's window."""
    await give(slack, "alice", REASON)
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    assert len(await ledger(slack)) == 3
    slack.advance(timedelta(minutes=6))
    await give(slack, "alice", REASON)
    assert len(await ledger(slack)) == 5
    assert "Already sent" not in ephemeral_text(slack, "alice")


async def test_the_same_reason_with_a_mistyped_value_is_told_the_typo(slack: SlackHarness) -> None:
    """`/kudos @bob for … #teamwrk` right after the same reason without the tag: the typo is
    what keeps it from going out, and is said, as it is the first time; "Already sent" was
    true of the reason and silent on the tag."""
    await give(slack, "alice", "@bob for the careful review work")
    before = len(slack.emu.ephemerals(slack.user("alice")))
    await give(slack, "alice", "@bob for the careful review work #teamwrk")
    said = "\n".join(e.text for e in slack.emu.ephemerals(slack.user("alice"))[before:])
    assert "Already sent" not in said and "#teamwrk" in said and "#teamwork" in said
    assert len(await ledger(slack)) == 1
