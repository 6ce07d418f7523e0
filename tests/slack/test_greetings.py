"""Greetings, thanks and empty commands get one friendly line and a pointer; the full command
list comes only on `help` (issue 12, item 11)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.help import help_lines
from slack_emulator import Delivery
from storage.models import Kudos, OutboxItem, Question
from tests.slack.harness import SlackHarness

pytestmark = pytest.mark.database_independent

EVERY_COMMAND = len(help_lines())


def listed_commands(text: str) -> int:
    """How many of the command list's lines a reply carries."""
    return sum(1 for line in help_lines() if line in text)


def bot_dms(slack: SlackHarness, handle: str) -> list[str]:
    return [m.text for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


@pytest.mark.parametrize("text", ["hi", "hello", "thanks!", "good morning :wave:"])
async def test_a_greeting_in_a_dm_gets_one_line_and_a_pointer(
    slack: SlackHarness, text: str
) -> None:
    """`hi`, `thanks!`: one friendly line that points at `help`, not the command list."""
    await slack.dm_bot("alice", text)
    await slack.settle()
    replies = bot_dms(slack, "alice")
    assert len(replies) == 1
    assert listed_commands(replies[0]) == 0 and "\n" not in replies[0].strip()
    assert "`help`" in replies[0]


@pytest.mark.parametrize("text", ["ありがとうございます", "спасибо!", "¡gracias!"])
async def test_thanks_in_other_languages_is_welcomed(slack: SlackHarness, text: str) -> None:
    """Thanks in Japanese (no spaces to count words by), Russian or Spanish is thanks."""
    await slack.dm_bot("alice", text)
    await slack.settle()
    (reply,) = bot_dms(slack, "alice")
    assert reply.startswith("You're welcome!")


@pytest.mark.parametrize("text", ["thanks <@{bob}> for the review!", "kudos to <@{bob}>"])
async def test_thanks_for_a_colleague_points_at_kudos(slack: SlackHarness, text: str) -> None:
    """Thanks meant for Bob is not the bot's to welcome: the reply says how to thank him."""
    await slack.dm_bot("alice", text.format(bob=slack.user("bob")))
    await slack.settle()
    (reply,) = bot_dms(slack, "alice")
    assert not reply.startswith("You're welcome") and "`/kudos @name for" in reply, reply


async def test_help_in_a_dm_lists_every_command(slack: SlackHarness) -> None:
    await slack.dm_bot("alice", "help")
    await slack.settle()
    (reply,) = bot_dms(slack, "alice")
    assert listed_commands(reply) == EVERY_COMMAND


@pytest.mark.parametrize(
    "text", ["what is askaround?", "who are you?", "How do I use this bot", "what can askaround do"]
)
async def test_a_question_about_the_bot_gets_its_help(slack: SlackHarness, text: str) -> None:
    """Asked about itself in its DM, the bot answers with its help: "what is askaround?" was
    a question for colleagues ("I found nobody to ask about question #1")."""
    await slack.dm_bot("alice", text)
    await slack.settle()
    (reply,) = bot_dms(slack, "alice")
    assert listed_commands(reply) == EVERY_COMMAND
    async with slack.services.sessions() as s:
        assert (await s.scalars(select(Question))).all() == []


async def test_how_to_use_a_tool_is_still_a_question(slack: SlackHarness) -> None:
    """Only the bot named as what the question is about makes it help."""
    await slack.dm_bot("alice", "how do I use terraform workspaces with remote state?")
    await slack.settle()
    async with slack.services.sessions() as s:
        assert len((await s.scalars(select(Question))).all()) == 1


@pytest.mark.parametrize("text", ["hi", "thanks!"])
async def test_a_greeting_mention_is_answered_in_a_public_thread(
    slack: SlackHarness, text: str
) -> None:
    message = await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {text}")
    await slack.settle()
    replies = [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    assert len(replies) == 1 and replies[0].thread_ts == message.ts
    assert listed_commands(replies[0].text) == 0 and "help" in replies[0].text
    assert slack.emu.ephemerals(slack.user("carol")) == []


@pytest.mark.parametrize("text", ["help", "what is askaround?"])
async def test_help_asked_by_mention_is_shown_to_the_asker_alone(
    slack: SlackHarness, text: str
) -> None:
    """`@askaround help` in a channel posted the whole command list (some 28 lines) in a
    public thread, under everyone's eyes; usage help is the asker's: shown to them alone
    where they asked, nothing posted in the channel."""
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {text}")
    await slack.settle()
    assert [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id] == []
    (shown,) = slack.emu.ephemerals(slack.user("carol"))
    assert shown.channel == slack.channel("general") and shown.thread_ts is None
    assert listed_commands(shown.text) == EVERY_COMMAND
    assert bot_dms(slack, "carol") == []


async def test_help_asked_by_mention_in_a_thread_is_shown_in_that_thread(
    slack: SlackHarness,
) -> None:
    """Asked in a thread, the help is shown to the asker in that thread, where they are."""
    parent = await slack.post("alice", "general", "release notes for 4.2 are up")
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> help", thread_ts=parent.ts)
    await slack.settle()
    assert [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id] == []
    (shown,) = slack.emu.ephemerals(slack.user("carol"))
    assert shown.thread_ts == parent.ts and listed_commands(shown.text) == EVERY_COMMAND


async def test_help_slack_will_not_show_in_the_channel_comes_in_the_dm(
    slack: SlackHarness,
) -> None:
    """Slack refusing the help where it was asked (the bot taken out of the channel since,
    `not_in_channel`): it reaches the asker in their DM with askaround, never the channel."""
    slack.emu.faults.add("chat.postEphemeral", error="not_in_channel", times=None)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> help")
    await slack.settle()
    assert [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id] == []
    (reply,) = bot_dms(slack, "carol")
    assert listed_commands(reply) == EVERY_COMMAND


@pytest.mark.parametrize(
    ("command", "pointer"), [("/ask", "/ask help"), ("/askaround", "/askaround help")]
)
async def test_an_empty_command_points_at_its_help(
    slack: SlackHarness, command: str, pointer: str
) -> None:
    """An empty `/ask` or `/askaround` answers one line naming its `help`, only to the typist."""
    await slack.command("bob", command, "")
    await slack.settle()
    (answer,) = slack.emu.ephemerals(slack.user("bob"))
    assert listed_commands(answer.text) == 0 and pointer in answer.text
    assert len(answer.blocks) <= 2


async def test_askaround_help_lists_every_command(slack: SlackHarness) -> None:
    await slack.command("bob", "/askaround", "help")
    await slack.settle()
    (answer,) = slack.emu.ephemerals(slack.user("bob"))
    assert listed_commands(answer.text) == EVERY_COMMAND


async def test_a_greeting_with_a_typed_arrow_is_still_a_greeting(slack: SlackHarness) -> None:
    """Slack sends a typed `->` as `-&gt;`: read as typed, `hello team -> happy friday` is a
    greeting, not a question to route (`gt` is not a word)."""
    await slack.dm_bot("alice", "hello team -> happy friday")
    await slack.settle()
    [reply] = bot_dms(slack, "alice")
    assert reply.startswith("Hi! I'm askaround"), reply


async def test_an_unknown_subcommand_is_echoed_as_typed(slack: SlackHarness) -> None:
    """`/askaround <@U…|bob> stats R&D` names no command: the answer echoes it as typed, in
    Slack's format (it was lowercased into `<@u…|bob>`, markup Slack does not know)."""
    bob = slack.user("bob")
    await slack.command("alice", "/askaround", f"<@{bob}|bob> stats R&amp;D")
    await slack.settle()
    (answer,) = slack.emu.ephemerals(slack.user("alice"))
    assert "I don't know" in answer.text and "R&amp;D" in answer.text, answer.text
    assert not slack.emu.block_kit_problems, slack.emu.block_kit_problems


async def test_the_kudos_pointer_promises_everyone_only_where_that_is_true(
    slack: SlackHarness,
) -> None:
    """Alice thanks Bob in her DM with the bot and does as told, there: kudos given in a DM
    are private, seen by nobody else. The pointer says where /kudos is seen by everyone."""
    await slack.dm_bot("alice", f"thanks <@{slack.user('bob')}> for the review!")
    await slack.settle()
    (reply,) = bot_dms(slack, "alice")
    im = slack.here.workspace.open_im(slack.user("alice"))
    await slack.here.slash_command(
        slack.user("alice"), "/kudos", f"<@{slack.user('bob')}> for the review", channel_id=im.id
    )
    await slack.settle()
    async with slack.services.sessions() as s:
        (given,) = await s.scalars(select(Kudos))
    assert given.is_private
    assert "where everyone sees it" not in reply or "in a public channel" in reply, reply


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("mine", "/ask mine`,"),
        ("withdraw 3", "/ask withdraw` with the rest of your message,"),
        ("kudos me", "/kudos me`,"),
        ("kudos top month", "/kudos top` with the rest"),
        ("kudos help", "/kudos help`,"),
        ("/kudos top this week", "/kudos top` with the rest"),
        ("/skills who terraform", "/skills who` with the rest"),
        ("/ask mine", "/ask mine`,"),
        ("/askaround help", "/askaround help`,"),
        ("/Skills", "/skills`,"),
        ("/ask how do we rotate the postgres credentials?", "/ask` with the rest"),
        ("skills who terraform", "/skills who` with the rest"),
        ("Skills add kafka:3 and terraform:2", "/skills add` with the rest"),
        ("ask mine", "/ask mine`,"),
        ("ask withdraw 3", "/ask withdraw` with the rest"),
        ("askaround insights", "/askaround insights`,"),
        ("kudos top last quarter", "/kudos top` with the rest"),
    ],
)
async def test_a_command_sent_as_a_message_is_told_to_be_typed_as_one(
    slack: SlackHarness, text: str, command: str
) -> None:
    """Any of the app's commands sent to the bot as a message (`/skills who terraform`), or
    its words (`skills who terraform`, `kudos me`, `mine`): `/skills who terraform` and `/ask
    …` were asked as questions and routed to colleagues, `kudos me` told "That sounds like
    thanks for a colleague", `skills who terraform` and `ask mine` (without the slash) taken
    for a question or chit-chat. Each is told to type the command it is, named by its
    subcommand alone (what was typed after it is not repeated, nor kept), and nobody is
    asked."""
    await slack.dm_bot("alice", text)
    await slack.settle()
    [reply] = bot_dms(slack, "alice")
    assert f"Type it as a command: `{command}" in reply, reply
    name = command.split()[0].rstrip("`,")
    assert f"`{name} help` lists the {name} commands." in reply, reply
    assert "thanks for a colleague" not in reply and "whole question" not in reply, reply
    async with slack.services.sessions() as s:
        assert not (await s.scalars(select(Question))).all()


async def open_messages(slack: SlackHarness, handle: str, times: int = 1) -> list[Delivery]:
    """`handle` opens askaround's Messages tab `times` times at once, as Slack sends each
    opening; what follows is settled."""
    user = slack.user(handle)
    opened = await asyncio.gather(*(slack.emu.open_messages(user) for _ in range(times)))
    await slack.settle()
    return [delivery for delivery in opened if delivery is not None]


async def test_the_messages_tab_opened_the_first_time_is_welcomed_once(
    slack: SlackHarness,
) -> None:
    """Carol opens askaround's Messages tab for the first time: it was an empty conversation,
    nobody said what askaround does or how to ask it. One short welcome says it, with the
    `help` that lists the rest. Slack sends `app_home_opened` on every opening, and again as
    a retry: opened again, twice at once, and its first event sent again, she has the one."""
    [first] = await open_messages(slack, "carol")
    (welcome,) = bot_dms(slack, "carol")
    assert "I find colleagues who know" in welcome and "`/ask`" in welcome, welcome
    assert "`help`" in welcome and listed_commands(welcome) == 0, welcome
    await open_messages(slack, "carol", times=2)
    again = await slack.emu.redeliver(first, times=2)
    assert all(a.ok and a.attempts[0].retry_num for a in again)
    await slack.settle()
    assert bot_dms(slack, "carol") == [welcome]


async def test_the_messages_tab_opened_twice_at_once_welcomes_once(slack: SlackHarness) -> None:
    """Two openings arriving together, each before the other's welcome is posted, find an
    empty conversation both: the welcome is still said once (its mark is kept, not read from
    the conversation)."""
    await open_messages(slack, "maria", times=3)
    assert len(bot_dms(slack, "maria")) == 1


async def test_someone_already_talking_with_askaround_is_not_welcomed(
    slack: SlackHarness,
) -> None:
    """Alice said hi to askaround, and Bob was sent news of kudos: each opens the Messages tab
    on a conversation begun, where a welcome would be a stranger's. Neither gets one, though
    Slack answers its history an empty page first, with a cursor, as its docs allow (it was
    read as a conversation never begun)."""
    await slack.dm_bot("alice", "hi")
    await slack.command("carol", "/kudos", f"<@{slack.user('bob')}> for the careful review")
    await slack.drain()
    said = {handle: bot_dms(slack, handle) for handle in ("alice", "bob")}
    assert all(said.values()), said
    slack.emu.faults.paging.size, slack.emu.faults.paging.empty = 1, True
    try:
        for handle in said:
            await open_messages(slack, handle)
    finally:
        slack.emu.faults.clear()
    assert {handle: bot_dms(slack, handle) for handle in said} == said


async def test_an_app_opening_the_messages_tab_is_not_welcomed(slack: SlackHarness) -> None:
    """`app_home_opened` naming another app's bot user: no welcome, nothing queued for it."""
    await open_messages(slack, "helperbot")
    assert bot_dms(slack, "helperbot") == []
    async with slack.services.sessions() as s:
        queued = (await s.scalars(select(OutboxItem.method))).all()
    assert "welcome" not in " ".join(queued), queued


async def test_a_question_under_the_welcome_is_asked(slack: SlackHarness) -> None:
    """The welcome invites a question: one typed in its thread is asked, as under a greeting,
    not told that nobody reads replies there."""
    await open_messages(slack, "carol")
    [welcome] = [m for m in slack.emu.dm_messages(slack.user("carol")) if m.bot_id]
    dm = slack.emu.workspace.open_im(slack.user("carol")).id
    await slack.here.post_message(
        slack.user("carol"), dm, "how do we rotate the postgres credentials?", thread_ts=welcome.ts
    )
    await slack.settle()
    async with slack.services.sessions() as s:
        assert len((await s.scalars(select(Question))).all()) == 1
