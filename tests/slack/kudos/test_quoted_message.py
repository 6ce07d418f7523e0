"""Kudos given by reacting to a message quote it; its author may edit or delete it later.

Someone who deletes a message has taken its words back from everyone who reads the channel;
askaround must not go on quoting them in `/kudos @someone` (nor, `tests/slack/digests`, in
the digests, reports and the roundup). An edited message is quoted as edited. The kudos
themselves stay: they were given.
"""

from __future__ import annotations

import pytest

from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_made_private import launch
from tests.slack.kudos.world import (
    configure,
    dm_text,
    ephemeral_text,
    give,
    kudos_posts,
    ledger,
)
from tests.slack.questions.test_edited import edited_while_down, stored_texts
from tests.slack.questions.test_solved_first import QUESTION

pytestmark = pytest.mark.postgres_too

SAID = "I wrote the runbook for the failover drill, the vault token is hunter2zebra"
EDITED = "I wrote the runbook for the failover drill"


async def reacted(slack: SlackHarness) -> Message:
    message = await slack.post("carol", "general", slack.escape(SAID))
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    assert "hunter2zebra" in kudos_posts(slack, "general")[0].text
    return message


async def test_an_edited_message_is_quoted_as_edited(slack: SlackHarness) -> None:
    """Bob reacts to Carol's message, Carol edits her token out: `/kudos @carol` quotes the
    edited words, and so does a seconding of the shout-out given later."""
    message = await reacted(slack)
    await slack.here.edit_message(slack.user("carol"), message, slack.escape(EDITED))
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.settle()
    await give(slack, "alice", "@carol")
    said = ephemeral_text(slack, "alice")
    assert "failover drill" in said and "hunter2zebra" not in said, said
    assert [k.message for k in await ledger(slack)] == [EDITED, EDITED]


async def test_a_deleted_message_is_quoted_nowhere_and_its_kudos_stay(
    slack: SlackHarness,
) -> None:
    """Carol deletes the message Bob reacted to, after Maria seconded the shout-out: the
    kudos stay in the ledger, `/kudos @carol` says they were for a message since deleted."""
    message = await reacted(slack)
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.settle()
    await slack.here.delete_message(slack.user("carol"), message)
    await slack.settle()
    await give(slack, "alice", "@carol")
    said = ephemeral_text(slack, "alice")
    assert "thanked 2 times" in said and "For a message since deleted." in said, said
    assert "runbook" not in said and "hunter2zebra" not in said
    assert [k.message for k in await ledger(slack)] == ["For a message since deleted."] * 2
    told = dm_text(slack, "carol")  # of the kudos, and of their seconding
    assert told.count("For a message since deleted.") == 2 and "runbook" not in told, told


def shown(message: Message) -> str:
    """All a message shows: its text and its blocks."""
    return f"{message.text} {message.blocks}"


async def test_a_deleted_message_leaves_its_shoutout_and_dm(slack: SlackHarness) -> None:
    """Carol deletes the message Bob reacted to: the shout-out already in #general and her
    DM about it are updated to quote it no more; Slack's retry of the deletion changes
    nothing further."""
    message = await reacted(slack)
    assert "hunter2zebra" in dm_text(slack, "carol")
    [deletion] = await slack.here.delete_message(slack.user("carol"), message)
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    assert "runbook" not in shown(shoutout) and "hunter2zebra" not in shown(shoutout)
    assert "For a message since deleted." in shoutout.text
    assert "React with :kudos: to second this." in shown(shoutout)
    [dm] = [m for m in slack.emu.dm_messages(slack.user("carol")) if m.by_bot]
    assert "hunter2zebra" not in shown(dm) and "For a message since deleted." in dm.text
    updated = (len(shoutout.revisions), len(dm.revisions))
    assert updated == (1, 1)
    await slack.emu.redeliver(deletion)
    await slack.emu.redeliver(deletion, as_retry=False)
    await slack.settle()
    assert (len(shoutout.revisions), len(dm.revisions)) == updated


async def test_an_edited_message_is_quoted_as_edited_in_its_shoutout(
    slack: SlackHarness,
) -> None:
    """Carol edits her token out of the message Bob reacted to: the shout-out quotes the
    edited words, as her DM does."""
    message = await reacted(slack)
    await slack.here.edit_message(slack.user("carol"), message, slack.escape(EDITED))
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    assert "failover drill" in shoutout.text and "hunter2zebra" not in shown(shoutout)
    said = dm_text(slack, "carol")
    assert "failover drill" in said and "hunter2zebra" not in said


async def test_other_messages_edited_or_deleted_change_no_kudos(slack: SlackHarness) -> None:
    """A message nobody reacted to, edited and deleted: the kudos quoting another stay."""
    await reacted(slack)
    other = await slack.post("carol", "general", "lunch at noon, anyone?")
    await slack.here.edit_message(slack.user("carol"), other, "lunch at one")
    await slack.here.delete_message(slack.user("carol"), other)
    await slack.settle()
    assert [k.message for k in await ledger(slack)] == [SAID]


async def test_a_question_thanked_by_reaction_and_deleted_is_quoted_nowhere(
    slack: SlackHarness,
) -> None:
    """Carol's question to the bot, which Bob thanks her for by reacting: her deletion takes
    it back from the questions and from the kudos (one listener is given each deletion)."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} token hunter2zebra")
    await slack.emu.add_reaction(slack.user("bob"), asked.channel, asked.ts, "kudos")
    await slack.settle()
    await slack.here.delete_message(slack.user("carol"), asked)
    await slack.settle()
    assert [k.message for k in await ledger(slack)] == ["For a message since deleted."]
    assert all("hunter2zebra" not in text for text in await stored_texts(slack))


async def test_words_edited_in_a_channel_made_private_stay_out_of_a_public_shoutout(
    slack: SlackHarness,
) -> None:
    """Bob reacts to Alice's message in #launch, shouted out in #general (the kudos channel);
    #launch is made private, then Alice edits the message there: her new words are for
    #launch's members, so the public shout-out and `/kudos @alice` keep the words that were
    public."""
    channel = launch(slack)
    await configure(slack, kudos_channel_id=slack.channel("general"))
    message = await slack.post("alice", "launch", slack.escape(EDITED))
    await slack.emu.add_reaction(slack.user("bob"), channel, message.ts, "kudos")
    await slack.settle()
    assert await slack.emu.make_private(channel, by=slack.user("alice")) is not None
    await slack.settle()
    secret = "the launch is moved to the quokka acquisition date"
    await slack.here.edit_message(slack.user("alice"), message, slack.escape(secret))
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    assert "quokka" not in shown(shoutout) and "failover drill" in shoutout.text
    assert [k.message for k in await ledger(slack)] == [EDITED]


async def test_an_older_edit_delivered_late_is_not_quoted(slack: SlackHarness) -> None:
    """Carol edits her message twice; Slack delivers the first edit only after the second
    (retried late): the kudos and the shout-out keep the newest words."""
    message = await reacted(slack)
    first = await edited_while_down(slack, message, f"{EDITED}, token hunter2zebra kept")
    await slack.here.edit_message(slack.user("carol"), message, slack.escape(EDITED))
    await slack.settle()
    [again] = await slack.emu.redeliver(first)
    assert again.ok
    await slack.drain()
    assert [k.message for k in await ledger(slack)] == [EDITED]
    [shoutout] = kudos_posts(slack, "general")
    assert "hunter2zebra" not in shown(shoutout)


async def test_an_edit_delivered_after_the_deletion_quotes_nothing(slack: SlackHarness) -> None:
    """Carol edits her message, then deletes it; Slack delivers the edit only after the
    deletion (retried late): the kudos still quote the message nowhere."""
    message = await reacted(slack)
    edit = await edited_while_down(slack, message, f"{EDITED}, token hunter2zebra kept")
    await slack.here.delete_message(slack.user("carol"), message)
    await slack.settle()
    [again] = await slack.emu.redeliver(edit)
    assert again.ok
    await slack.drain()
    assert [k.message for k in await ledger(slack)] == ["For a message since deleted."]
    [shoutout] = kudos_posts(slack, "general")
    assert "hunter2zebra" not in shown(shoutout)
