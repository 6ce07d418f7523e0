"""Kudos by reaction on a reply in a thread are answered in that thread: Slack's
`reaction_added` names the message, not its thread, which the bot reads from the message
itself (a reply carries its parent's `thread_ts`, docs.slack.dev conversations.replies)."""

from __future__ import annotations

from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, kudos_posts

SAID = "I wrote the runbook for the failover drill and tested it twice"


async def _reply_by_bob(slack: SlackHarness) -> tuple[Message, Message]:
    chat = slack.here.workspace.chat
    general = slack.channel("general")
    parent = chat.post(general, slack.user("carol"), "release checklist for friday")
    chat.post(general, slack.user("carol"), "step 1 done", thread_ts=parent.ts)
    reply = chat.post(general, slack.user("bob"), SAID, thread_ts=parent.ts)
    return parent, reply


async def test_kudos_on_a_reply_are_told_in_its_thread(slack: SlackHarness) -> None:
    """Alice reacts :kudos: to Bob's reply in Carol's thread: the shout-out and Alice's
    confirmation were posted at the channel's top level, away from the thread everyone was
    reading. Both are in the thread, and Maria seconding the shout-out answers there too."""
    parent, reply = await _reply_by_bob(slack)
    await slack.emu.add_reaction(slack.user("alice"), reply.channel, reply.ts, "kudos")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    assert shoutout.thread_ts == parent.ts and shoutout.is_reply
    [confirmation] = [e for e in slack.emu.ephemerals(slack.user("alice")) if "Undo" in str(e)]
    assert confirmation.thread_ts == parent.ts
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()
    posts = kudos_posts(slack, "general")
    assert len(posts) == 2 and all(post.thread_ts == parent.ts for post in posts)


async def test_kudos_on_a_top_level_message_stay_at_the_top_level(slack: SlackHarness) -> None:
    """A reaction to a thread's parent, or to a message with no thread, is answered in the
    channel as before: a parent's `thread_ts` is its own ts."""
    parent, _ = await _reply_by_bob(slack)
    plain = slack.here.workspace.chat.post(slack.channel("general"), slack.user("bob"), SAID)
    for message in (parent, plain):
        await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "kudos")
    await slack.drain()
    posts = kudos_posts(slack, "general")
    assert len(posts) == 2 and all(post.thread_ts is None for post in posts)


async def test_kudos_on_a_reply_go_to_the_kudos_channel_when_one_is_set(
    slack: SlackHarness,
) -> None:
    """With a kudos channel set, the shout-out is posted there as a message of its own,
    linking back to the reply; nothing is posted in the thread."""
    humans = [slack.user(h) for h in ("alice", "bob", "carol", "maria")]
    kudos = slack.here.workspace.add_channel("kudos", members=humans)
    slack.channels["kudos"] = kudos.id
    await configure(slack, kudos_channel_id=kudos.id)
    _, reply = await _reply_by_bob(slack)
    await slack.emu.add_reaction(slack.user("alice"), reply.channel, reply.ts, "kudos")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "kudos")
    assert shoutout.thread_ts is None and kudos_posts(slack, "general") == []


async def test_a_refused_reaction_on_a_reply_is_told_in_its_thread(slack: SlackHarness) -> None:
    """Bob reacts :kudos: to his own reply: the refusal was shown at the channel's top level,
    away from the thread he reacted in (the dispatcher knew the channel, not the thread)."""
    parent, reply = await _reply_by_bob(slack)
    await slack.emu.add_reaction(slack.user("bob"), reply.channel, reply.ts, "kudos")
    await slack.drain()
    [refusal] = [e for e in slack.emu.ephemerals(slack.user("bob")) if "yourself" in e.text]
    assert refusal.thread_ts == parent.ts
    assert kudos_posts(slack, "general") == []


async def test_a_refused_reaction_at_the_top_level_stays_there(slack: SlackHarness) -> None:
    parent, _ = await _reply_by_bob(slack)
    await slack.emu.add_reaction(slack.user("carol"), parent.channel, parent.ts, "kudos")
    await slack.drain()
    [refusal] = [e for e in slack.emu.ephemerals(slack.user("carol")) if "yourself" in e.text]
    assert refusal.thread_ts is None


async def _shoutout_in_the_thread(slack: SlackHarness) -> tuple[Message, Message]:
    """Alice's kudos to Bob's reply in Carol's thread: the thread's parent and the shout-out
    posted in it."""
    parent, reply = await _reply_by_bob(slack)
    await slack.emu.add_reaction(slack.user("alice"), reply.channel, reply.ts, "kudos")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    return parent, shoutout


def _told(slack: SlackHarness, handle: str, words: str) -> list[str | None]:
    """The threads of what `handle` was shown that says `words` (None: the top level)."""
    return [e.thread_ts for e in slack.emu.ephemerals(slack.user(handle)) if words in str(e)]


async def test_seconding_a_shoutout_in_a_thread_is_answered_in_that_thread(
    slack: SlackHarness,
) -> None:
    """Maria seconds the shout-out in Carol's thread, undoes it and reacts again, and Alice
    reacts to her own: Maria's confirmation and both refusals were shown at the channel's top
    level (`reaction_added` names no thread and the seconding read none), away from the
    thread they reacted in."""
    parent, shoutout = await _shoutout_in_the_thread(slack)
    for handle in ("maria", "alice"):
        await slack.emu.add_reaction(slack.user(handle), shoutout.channel, shoutout.ts, "kudos")
        await slack.drain()
    assert _told(slack, "maria", "Undo") == [parent.ts]
    assert _told(slack, "alice", "These are your own kudos") == [parent.ts]
    await slack.emu.click_button(slack.user("maria"), "Undo")
    await slack.drain()
    shoutout.reactions.clear()
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()
    assert _told(slack, "maria", "You undid your seconding") == [parent.ts]


async def test_seconding_a_seconding_is_answered_in_the_shoutouts_thread(
    slack: SlackHarness,
) -> None:
    """Carol reacts to Maria's seconding, a reply in the thread of a shout-out at the
    channel's top level: her confirmation is in that thread, where she reacted; Maria's own
    seconding of the shout-out, at the top level, is confirmed there."""
    await slack.command("alice", "/kudos", f"@bob {SAID}")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()
    [_, seconding] = kudos_posts(slack, "general")
    assert seconding.thread_ts == shoutout.ts
    await slack.emu.add_reaction(slack.user("carol"), seconding.channel, seconding.ts, "kudos")
    await slack.drain()
    assert _told(slack, "maria", "Undo") == [None]
    assert _told(slack, "carol", "Undo") == [shoutout.ts]
    # Slack asks for a parent's ts as thread_ts, never a reply's (its own fix-up aside)
    [*_, carols] = kudos_posts(slack, "general")
    [posted] = [
        c for c in slack.emu.calls_to("chat.postMessage") if c.response.get("ts") == carols.ts
    ]
    assert posted.args.get("thread_ts") == shoutout.ts
