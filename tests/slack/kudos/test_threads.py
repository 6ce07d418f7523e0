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
