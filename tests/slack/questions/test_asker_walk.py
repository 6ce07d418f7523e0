"""An asker's walk-through: what an employee with a real question reads, having read only the
README, from asking to its end (docs/testing-log.md, "An asker's walk-through")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.questions.policy import RoutingConfig
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"


def asking_list(slack: SlackHarness, channel: str) -> str:
    """The bot's message saying who it asks, all it says, where the asker reads it."""
    [said] = [
        f"{m.text} {m.blocks}"
        for m in slack.emu.messages(channel)
        if m.bot_id and "privately whether they can help" in m.text
    ]
    return said


async def test_the_list_of_who_is_asked_says_what_happens_if_none_of_them_can(
    slack: SlackHarness,
) -> None:
    """Alice asks in #general and reads who is asked and why, then "I'll tell you as soon as
    someone can help.", and nothing of what happens when nobody answers, nor when: she could
    not tell whether to wait an hour or a week. It says how long they have, in their working
    hours, and that others who might help are asked next, or she is told there is nobody."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    said = asking_list(slack, slack.channel("general"))
    assert "within 30 minutes of their working hours" in said, said
    assert "I'll ask others who might, or tell you there is nobody else." in said, said


async def test_a_question_agreed_for_those_alone_says_nobody_else_is_asked(
    slack: SlackHarness,
) -> None:
    """Asked in her DM, Alice agrees to the 3 colleagues who might help, and nobody else: her
    list must not promise others after them (`visibility.may_ask_others`)."""
    await slack.dm_bot("alice", QUESTION)
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    im = slack.emu.workspace.im_between(slack.user("alice"))
    assert im is not None
    said = asking_list(slack, im.id)
    assert "within 30 minutes of their working hours" in said, said
    assert "I'll tell you, and ask nobody else." in said, said
    assert "ask others" not in said, said


async def asked_nobody(slack: SlackHarness) -> bool:
    """No colleague got a request: nobody but the asker has a DM from the bot."""
    return not any(
        m.bot_id
        for handle in ("bob", "dev", "maria", "carol")
        for m in slack.emu.dm_messages(slack.user(handle))
    )


@pytest.mark.parametrize("text", ["terraform", "terraform?", "`terraform plan -destroy`"])
async def test_a_topic_or_a_command_alone_is_not_sent_to_colleagues(
    slack: SlackHarness, text: str
) -> None:
    """`/ask terraform` went to Dev, Bob and Maria as a request quoting "terraform" and
    nothing else, which none of them could answer (a mention of one word got "Ask me a whole
    question" already); so did a command pasted alone. Alice is asked what she needs."""
    user = slack.user("alice")
    await slack.command("alice", "/ask", text)
    await slack.settle()
    [said] = slack.emu.ephemerals(user)
    assert "Tell me a bit more: what do you need" in said.text, said.text
    assert await asked_nobody(slack)


async def test_a_code_block_alone_in_a_mention_is_not_sent_to_colleagues(
    slack: SlackHarness,
) -> None:
    """`@askaround` and a pasted command in a code block, no word of what was wanted: it went
    to three colleagues as the request's whole question."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> ```kubectl get pods -A```")
    await slack.settle()
    assert await asked_nobody(slack)
    said = [m.text for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    said += [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
    assert any("Tell me a bit more" in s for s in said), said


async def test_code_with_words_around_it_is_asked(slack: SlackHarness) -> None:
    """What the rule above leaves asked: the code with a line saying what is wanted."""
    await slack.command("alice", "/ask", "why does `terraform plan` want to recreate the VPC?")
    await slack.settle()
    assert not await asked_nobody(slack)


async def test_a_misspelt_skill_that_nobody_matches_is_asked_about(slack: SlackHarness) -> None:
    """ "terrafrom" matched nobody, and Alice read that nobody here had declared its topic as
    a skill, while Bob, Dev and Maria declare Terraform: she would not have guessed that one
    letter was all. The skill a word of hers misspells, one colleagues here declare, is named
    so that she can ask again."""
    await slack.command("alice", "/ask", "how do I unlock a stuck terrafrom state lock?")
    await slack.settle()
    said = [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert await asked_nobody(slack)
    [nobody] = [s for s in said if "I found nobody to ask" in s]
    assert "Did you mean Terraform?" in nobody, nobody


async def test_a_list_of_colleagues_all_at_night_says_so_once(slack: SlackHarness) -> None:
    """Alice asks at 22:00 in Paris: her list opened "I'll ask 3 colleagues privately whether
    they can help, when their working day starts:" and then said of each of the three again
    "outside their working hours now, so they'll get my message when their working day
    starts", four times the same news in five lines. Each line gives its reason alone."""
    slack.services.clock.freeze(datetime(2026, 11, 24, 21, 0, tzinfo=UTC))
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    said = asking_list(slack, slack.channel("general"))
    assert said.count("when their working day starts") == 2, said  # the text and its block
    assert "outside their working hours now" not in said, said
    assert "declared Terraform, level 5\\n" in said, said


async def test_a_list_waiting_for_the_morning_says_when_it_starts(slack: SlackHarness) -> None:
    """At 22:00 in Paris Alice read that her colleagues get her request "when their working
    day starts", and not when that is: Maria's, in Madrid, starts at 08:00 UTC, which Alice's
    Slack shows in her own time zone."""
    slack.services.clock.freeze(datetime(2026, 11, 24, 21, 0, tzinfo=UTC))
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    said = asking_list(slack, slack.channel("general"))
    first = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    assert f"when their working day starts, the first <!date^{int(first.timestamp())}^" in said


@pytest.mark.parametrize("where", ["a DM with Carol", "#secret"])
async def test_agreeing_in_a_private_conversation_says_where_the_news_goes(
    slack: SlackHarness, where: str
) -> None:
    """Alice asks with `/ask` in her DM with Carol (or by a mention in #secret) and presses
    *Ask colleagues privately*: the prompt vanished and nothing there said anything more, as
    if the press had failed, while the colleagues asked were listed in her DM with askaround.
    The prompt's place says the question is taken and that she hears privately, as `/ask` in
    a public channel does."""
    alice = slack.user("alice")
    if where == "#secret":
        channel = slack.channel("secret")
        await slack.post("alice", "secret", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    else:
        channel = slack.emu.workspace.open_dm(alice, slack.user("carol")).id
        await slack.emu.slash_command(alice, "/ask", QUESTION, channel_id=channel)
    await slack.settle()
    await slack.emu.click_button(alice, "Ask colleagues privately")
    await slack.settle()
    [shown] = [e for e in slack.emu.ephemerals(alice) if e.channel == channel]
    assert shown.text == "Got it: question #1. I'll tell you privately how it goes.", shown.text
    assert not await asked_nobody(slack)


async def test_withdraw_pressed_by_someone_else_says_whose_it_is(slack: SlackHarness) -> None:
    """The list of who is asked, with its Withdraw button, is in the question's public thread:
    Carol pressed it on Alice's and read only "Question #1 isn't yours.", where *Solved*
    says who may press it."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("carol"), "Withdraw")
    await slack.settle()
    [said] = slack.emu.ephemerals(slack.user("carol"))
    assert said.text == (
        "Question #1 isn't yours: only the person who asked it can withdraw it."
    ), said.text


async def test_a_later_round_waiting_for_the_morning_says_when_it_starts(
    slack: SlackHarness,
) -> None:
    """Dev passes; Bob, next, is at 03:00 where he is: Alice read "I'll also ask Bob Chen:
    they'll get my message when their working day starts." and not when that is, as her
    first list now says it."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await slack.emu.change_user(slack.user("bob"), tz="Etc/GMT+7")  # 03:00 there
    await slack.settle()
    morning = slack.services.clock.now() + timedelta(hours=6)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("dev"), "Not me")
    await slack.settle()
    [more] = [m.text for m in slack.emu.messages(slack.channel("general")) if "also" in m.text]
    assert "Bob Chen: they'll get my message" in more, more
    assert f"when their working day starts, <!date^{int(morning.timestamp())}^" in more, more
