"""*Find an expert* on a colleague's message: whose problem it is is said, to them, in their
thread, and the introduction does not call it the presser's own question (docs/testing-log.md,
"The asker's and expert's leftovers")."""

from __future__ import annotations

from slack_emulator import Message
from tests.slack.harness import SlackHarness

PROBLEM = "our terraform plan keeps timing out in CI, how do we fix it?"


def thread_of(slack: SlackHarness, message: Message) -> list[str]:
    return [
        f"{m.text} {m.blocks}"
        for m in slack.emu.messages(message.channel)
        if m.bot_id and m.thread_ts == message.ts
    ]


async def test_the_author_is_told_in_their_thread_who_looked_for_help(
    slack: SlackHarness,
) -> None:
    """Alice used *Find an expert* on Carol's message in #general: the list went in Carol's
    thread saying "I'll tell you as soon as someone can help", and nothing told Carol that
    anyone had looked for help on her message, nor for whom. She is told, in her thread,
    and the list names Alice where it said "you" (Carol read it as said to her); Alice is
    named without a ping in both, as the list names everyone (she pressed it, and hears how
    it goes in her own messages)."""
    message = await slack.post("carol", "general", PROBLEM)
    await slack.emu.message_shortcut(slack.user("alice"), "find_expert", message)
    await slack.settle()
    alice = slack.here.workspace.user(slack.user("alice")).real_name
    [told] = [s for s in thread_of(slack, message) if "asked me to find" in s]
    assert told.startswith(f"<@{slack.user('carol')}>"), told
    assert f"@\u2060{alice} asked me to find" in told and f"<@{slack.user('alice')}>" not in told
    [listed] = [
        m.blocks[1]["elements"][0]["text"]
        for m in slack.emu.messages(message.channel)
        if m.thread_ts == message.ts and "as soon as someone can help" in str(m.blocks)
    ]
    assert f"I'll tell @\u2060{alice} as soon as" in listed, listed
    assert f"tell @\u2060{alice} there is nobody else" in listed, listed
    assert "you" not in listed.split("Question #")[1], listed


async def test_the_introduction_is_not_the_pressers_own_question(slack: SlackHarness) -> None:
    """Dev can help: the introduction in Carol's thread read "@alice, @dev can help with your
    question", Alice's, whose it was not, and Carol's nowhere. It speaks of the question above,
    which Alice asked about."""
    message = await slack.post("carol", "general", PROBLEM)
    await slack.emu.message_shortcut(slack.user("alice"), "find_expert", message)
    await slack.settle()
    await slack.emu.click_button(slack.user("dev"), "I can help")
    await slack.settle()
    [introduced] = [s for s in thread_of(slack, message) if "Take it from here" in s]
    assert "your question" not in introduced, introduced
    assert "the question above, which you asked me about" in introduced, introduced


async def test_in_a_private_channel_the_author_is_not_told_in_the_thread(
    slack: SlackHarness,
) -> None:
    """In #secret Alice alone agreed to ask colleagues privately: a line in Carol's thread
    would tell the whole channel that she took it out of it (`visibility.asker_told_in_thread`)."""
    message = await slack.post("alice", "secret", PROBLEM)
    await slack.emu.message_shortcut(slack.user("bob"), "find_expert", message)
    await slack.settle()
    assert not [s for s in thread_of(slack, message) if "asked me to find" in s]


async def test_how_the_presser_knows_those_asked_names_her_in_the_authors_thread(
    slack: SlackHarness,
) -> None:
    """Alice has thanked Dev and Bob in #general, and Bob Maria. Her *Find an expert* on
    Carol's message lists them in Carol's thread, saying how Alice knows each: it read "you
    have worked with Dev Patel before" and "you don't know Maria Lopez, but Bob Chen has
    worked with both of you", which Carol, who has worked with none of them, read as said to
    her."""
    for handle, text in (
        ("alice", "@dev for the wombat state unlock"),
        ("bob", "@maria for the quokka rollout"),
        ("alice", "@bob for the llama review"),
    ):
        await slack.command(handle, "/kudos", text, channel="general")
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    message = await slack.post("carol", "general", PROBLEM)
    await slack.emu.message_shortcut(slack.user("alice"), "find_expert", message)
    await slack.settle()
    alice = f"@\u2060{slack.here.workspace.user(slack.user('alice')).real_name}"
    [listed] = [
        m.blocks[0]["text"]["text"]
        for m in slack.emu.messages(message.channel)
        if m.thread_ts == message.ts and "privately whether" in m.text
    ]
    assert "you have worked" not in listed and "you don't know" not in listed, listed
    assert f"{alice} has worked with Dev Patel before" in listed, listed
    said = f"{alice} doesn't know Maria Lopez, but Bob Chen has worked with both of them"
    assert said in listed, listed
