"""A prompt that asks the asker first (a private question's *Ask colleagues privately*, a
solved question shown first) is answered in its own place: *Don't ask* and *That answers it*
replace it, so its buttons do not stay on screen to be pressed for a warning (*That answers
it*: `test_solved_first.py`)."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import QUESTION, newest_question


def bot_dms(slack: SlackHarness, handle: str) -> list[str]:
    return [m.text for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


def buttons(slack: SlackHarness, handle: str) -> str:
    """Every block the person sees from the bot, ephemerals and DMs."""
    user = slack.user(handle)
    ephemeral = [e.blocks for e in slack.emu.ephemerals(user)]
    return str([*ephemeral, *(m.blocks for m in slack.emu.dm_messages(user))])


async def test_dont_ask_replaces_the_private_prompt(slack: SlackHarness) -> None:
    """Alice asks in a DM and presses *Don't ask*: the prompt now reads that the question is
    withdrawn, with no *Ask colleagues privately* left to press (it answered "Question #1
    was withdrawn: ask it again" before)."""
    await slack.dm_bot("alice", QUESTION)
    await slack.settle()
    assert "question_consent" in buttons(slack, "alice")
    await slack.emu.click_button(slack.user("alice"), "Don't ask")
    await slack.settle()
    question = await newest_question(slack)
    assert question.status == "withdrawn"
    assert bot_dms(slack, "alice") == [f"Question #{question.id} withdrawn. Nobody is asked now."]
    assert "question_consent" not in buttons(slack, "alice")
    assert slack.emu.ephemerals(slack.user("alice")) == []


async def test_dont_ask_replaces_the_prompt_in_a_private_channel(slack: SlackHarness) -> None:
    """Asked by a mention in #secret, the prompt is Alice's alone there: *Don't ask* takes its
    place all the same."""
    await slack.post("alice", "secret", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Don't ask")
    await slack.settle()
    question = await newest_question(slack)
    [shown] = slack.emu.ephemerals(slack.user("alice"))
    assert shown.channel == slack.channel("secret")
    assert shown.text == f"Question #{question.id} withdrawn. Nobody is asked now."
    assert "question_consent" not in str(shown.blocks)


async def test_ask_in_a_channel_says_where_its_answer_is(slack: SlackHarness) -> None:
    """`/ask` in #general is answered in Alice's DM with the bot, and the channel she typed
    it in showed nothing at all, as if the command had failed: she now reads there, and alone,
    that it is taken and that she will hear privately (in her DM; where Slack refuses that,
    in the channel, `lean/test_refused.py`). Her DM says who is asked, as before."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    question = await newest_question(slack)
    [pointer] = slack.emu.ephemerals(slack.user("alice"))
    assert pointer.channel == slack.channel("general")
    assert pointer.text == f"Got it: question #{question.id}. I'll tell you privately how it goes."
    [news] = bot_dms(slack, "alice")
    assert news.startswith("I'm asking 3 colleagues privately"), news
