"""A post whose answer Slack lost (Slack posted, then answered 500) is found again by its
retry, however busy its conversation was meanwhile: the retry reads every page Slack gives
of the thread, not the first, whose oldest replies come first."""

from __future__ import annotations

import asyncio

from bot.kudos.tell import SOUGHT_AFTER
from bot.reliability.delivery import MAX_ATTEMPTS
from bot.runtime.runner import in_flight_listeners
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, give, give_in_modal, kudos_posts, ledger
from tests.slack.questions.test_taken_back_mid_send import until_settled

REASON = "for untangling the release #teamwork"
# More replies than one page of `conversations.replies` holds (100 here, 15 for some apps).
BUSY_THREAD = 120


async def test_a_seconding_posted_in_a_long_thread_is_not_posted_again(
    slack: SlackHarness,
) -> None:
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    ws = slack.emu.workspace
    for n in range(BUSY_THREAD):
        ws.chat.post(shoutout.channel, slack.user("carol"), f"well done {n}", thread_ts=shoutout.ts)
    slack.emu.faults.add("chat.postMessage", status=500, times=1, applied=True)
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()
    assert sorted(k.source for k in await ledger(slack)) == ["command", "second"]
    assert len([m for m in slack.emu.messages() if "seconds this" in m.text]) == 1


async def test_a_seconding_of_a_seconding_whose_answer_was_lost_is_not_posted_again(
    slack: SlackHarness,
) -> None:
    """Carol reacts :kudos: to Maria's seconding, a reply in the shout-out's thread: her
    seconding is posted under that reply's ts, and Slack loses the answer. Slack's
    conversations.replies answers a reply's ts with that reply alone (the emulator gave the
    whole thread, as Slack does not), so the retry found no mark and posted Carol's
    seconding twice; it reads the thread by its parent's ts and finds it."""
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()
    [seconding] = [m for m in slack.emu.messages() if "seconds this" in m.text]
    assert seconding.thread_ts == shoutout.ts
    slack.emu.faults.add("chat.postMessage", status=500, times=1, applied=True)
    await slack.emu.add_reaction(slack.user("carol"), seconding.channel, seconding.ts, "kudos")
    await slack.drain()
    assert sorted(k.source for k in await ledger(slack)) == ["command", "second", "second"]
    carols = [m for m in slack.emu.messages() if f"<@{slack.user('carol')}> seconds this" in m.text]
    assert len(carols) == 1 and carols[0].thread_ts == shoutout.ts


async def test_a_confirmation_said_in_the_dm_whose_answer_was_lost_is_said_once(
    slack: SlackHarness,
) -> None:
    """Slack will not show Maria her confirmation where she gave (an ephemeral refused), so
    it is said in her DM, which Slack posts and answers 500: slack_sdk's own retry posted it
    a second time; the listener's retry finds it by its mark."""
    maria = slack.user("maria")
    slack.emu.faults.add("chat.postEphemeral", error="channel_not_found", times=1)
    slack.emu.faults.add(
        "chat.postMessage",
        status=500,
        applied=True,
        channel=str(slack.emu.workspace.open_im(maria).id),
    )
    await give_in_modal(slack, "maria", "general")
    await slack.drain()
    assert len(await ledger(slack)) == 1
    assert dm_text(slack, "maria").count("Kudos sent") == 1, dm_text(slack, "maria")
    assert len(kudos_posts(slack, "general")) == 1


async def test_a_shout_out_posted_unanswered_and_undone_meanwhile_is_removed(
    slack: SlackHarness,
) -> None:
    """Slack holds Alice's shout-out, she clicks Undo meanwhile, then Slack posts it and
    answers 500. Undo found no shout-out to remove yet; the retry, finding her kudos undone,
    returned without looking for what Slack had posted, and the shout-out stayed in
    #general. It is found by its mark and removed."""
    general = slack.channel("general")
    held = asyncio.Event()
    fault = slack.emu.faults.add(
        "chat.postMessage", status=500, applied=True, channel=general, held=held
    )
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await until_settled(slack, lambda _rows, _now: fault.hits == 1, "the held shout-out")
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await until_settled(slack, lambda _rows, _now: not in_flight_listeners(), "Undo")
    assert await ledger(slack) == []  # undone
    held.set()
    await slack.drain()
    assert kudos_posts(slack, "general") == []


async def _shout_out_posted_unanswered(slack: SlackHarness) -> None:
    """Slack posts Alice's shout-out in #general but answers 500, and will fail every
    retry's look for it until the outbox gives it up."""
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=general)
    looks = {"status": 500, "times": MAX_ATTEMPTS - 1, "channel": general}
    slack.emu.faults.add("conversations.history", **looks)  # type: ignore[arg-type]
    await give(slack, "alice", f"@bob {REASON}")
    assert len(kudos_posts(slack, "general")) == 1


async def test_a_shout_out_posted_unanswered_then_given_up_is_removed_when_retried(
    slack: SlackHarness,
) -> None:
    """Given up, Alice's kudos are made private and she is told the shout-out could not be
    posted, though it was. An admin's `askaround outbox retry` of it posted nothing and did
    not look: the shout-out stayed in #general, public, for kudos made private. The retry
    finds it by its mark and removes it, telling nobody twice."""
    await _shout_out_posted_unanswered(slack)
    await slack.drain()
    assert all(k.is_private and k.shoutout_ts is None for k in await ledger(slack))
    assert "couldn't post the shout-out" in dm_text(slack, "alice")
    said = {h: dm_text(slack, h) for h in ("alice", "bob")}
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    assert kudos_posts(slack, "general") == []
    assert all(k.is_private for k in await ledger(slack))
    assert {h: dm_text(slack, h) for h in said} == said


async def test_a_shout_out_posted_unanswered_undone_and_given_up_is_removed_when_retried(
    slack: SlackHarness,
) -> None:
    """Alice undoes the kudos while the shout-out waits for its retry: Undo finds no
    shout-out recorded to remove, and the outbox then gives the shout-out up. The retry
    finds it and removes it."""
    await _shout_out_posted_unanswered(slack)
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.drain()
    assert await ledger(slack) == []
    assert len(kudos_posts(slack, "general")) == 1
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    assert kudos_posts(slack, "general") == []


async def test_a_shout_out_posted_unanswered_then_given_up_is_removed_unasked(
    slack: SlackHarness,
) -> None:
    """Given up, Alice's kudos are made private and she is told the shout-out could not be
    posted, though it was. Nothing looked for it until an admin ran `askaround outbox retry`:
    the shout-out stayed public in #general. A later delivery, queued as it was given up,
    finds it by its mark once Slack answers again and removes it, telling nobody twice."""
    await _shout_out_posted_unanswered(slack)
    await slack.drain()
    assert len(kudos_posts(slack, "general")) == 1
    slack.advance(SOUGHT_AFTER)
    await slack.drain()
    assert kudos_posts(slack, "general") == []
    assert all(k.is_private and k.shoutout_ts is None for k in await ledger(slack))
    assert dm_text(slack, "alice").count("couldn't post the shout-out") == 1


async def _shout_out_left_standing(slack: SlackHarness) -> None:
    """Alice's shout-out, posted unanswered and given up, stays in #general: Slack fails
    every look for it, the later one's (`SOUGHT_AFTER`) too."""
    general = slack.channel("general")
    looks = {"status": 500, "times": MAX_ATTEMPTS, "channel": general}
    slack.emu.faults.add("conversations.history", **looks)  # type: ignore[arg-type]
    await _shout_out_posted_unanswered(slack)
    await slack.drain()
    slack.advance(SOUGHT_AFTER)
    await slack.drain()


async def test_a_shout_out_posted_unanswered_then_given_up_goes_when_taken_back(
    slack: SlackHarness,
) -> None:
    """Slack fails every look for Alice's lost shout-out, the later one's too, so it stays in
    #general though she was told it was not posted; an admin takes her kudos back (`askaround
    kudos take-back`). The take-back redrew only a shout-out recorded: this one stayed. It
    is looked for by its mark and removed."""
    await _shout_out_left_standing(slack)
    assert len(kudos_posts(slack, "general")) == 1
    [batch] = {k.batch_key for k in await ledger(slack)}
    await slack.services.kudos.take_back(slack.team_id, "cli", None, batch_key=batch)
    await slack.drain()
    assert kudos_posts(slack, "general") == []


async def test_a_shout_out_posted_unanswered_and_taken_back_meanwhile_is_not_left_as_drawn(
    slack: SlackHarness,
) -> None:
    """Slack posts Alice's shout-out and loses its answer; an admin takes her kudos back
    while it waits for its retry. The take-back's redraw finds no shout-out recorded; the
    retry finds it by its mark and, the kudos no longer live, removes it (as Undo's): it does
    not stand as first drawn, thanking Bob."""
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=general)
    slack.emu.faults.add("conversations.history", status=500, times=3, channel=general)
    await give(slack, "alice", f"@bob {REASON}")
    [posted] = kudos_posts(slack, "general")
    [(batch, recorded)] = {(k.batch_key, k.shoutout_ts) for k in await ledger(slack)}
    assert recorded is None  # waiting for its retry
    await slack.services.kudos.take_back(slack.team_id, "cli", None, batch_key=batch)
    await slack.drain()
    assert await ledger(slack) == []
    assert [m.text for m in slack.emu.messages(general) if m.ts == posted.ts] == []
    assert dm_text(slack, "bob").count("An admin took back") == 1


async def test_a_shout_out_posted_unanswered_then_given_up_is_taken_back_from_slack(
    slack: SlackHarness,
) -> None:
    """The shout-out Slack posted though every look for it failed stays in #general; Maria,
    an admin, uses *Take back kudos* on it. The shortcut found kudos only by a shout-out
    recorded, and told her it was no shout-out; the outbox's mark on the message names its
    kudos, which are taken back, and the shout-out removed."""
    await _shout_out_left_standing(slack)
    [shoutout] = kudos_posts(slack, "general")
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    await slack.emu.message_shortcut(maria, "take_back_kudos", shoutout)
    await slack.settle()
    modal = slack.emu.open_modal(maria)
    assert modal is not None, slack.emu.ephemerals(maria)[-1].text
    await slack.emu.submit_view(maria, modal.id, {"reason": {"text": "not meant"}})
    await slack.drain()
    assert await ledger(slack) == []
    assert [k.taken_back_by for k in await ledger(slack, live_only=False)] == [maria]
    assert kudos_posts(slack, "general") == []
    assert dm_text(slack, "bob").count("An admin took back") == 1
