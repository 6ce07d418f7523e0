"""Chit-chat is left alone in watched channels, and a greeting in a DM never becomes a
question (issue 12, item 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage.models import Question
from tests.slack.harness import SlackHarness

pytestmark = pytest.mark.database_independent


def nudges(slack: SlackHarness, handle: str) -> list[str]:
    return [
        e.text
        for e in slack.emu.ephemerals(slack.user(handle))
        if "Find an expert" in str(e.blocks)
    ]


async def watch_general(slack: SlackHarness) -> None:
    """Maria, an admin, watches #general."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch")
    await slack.settle()


async def question_count(slack: SlackHarness) -> int:
    async with slack.services.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(Question)) or 0)


@pytest.mark.parametrize(
    "chatter",
    [
        "Is it just me or is the wifi slow today?",
        "who's going to the offsite?",
        "anyone want coffee?",
        "how was your weekend?",
    ],
)
async def test_chit_chat_in_a_watched_channel_is_not_nudged(
    slack: SlackHarness, chatter: str
) -> None:
    """Small talk gets nothing; a real question after it still gets its offer of help."""
    await watch_general(slack)
    await slack.post("carol", "general", chatter)
    await slack.settle()
    assert nudges(slack, "carol") == []
    await slack.post("bob", "general", "any idea why terraform plan wants to recreate the VPC?")
    await slack.settle()
    assert len(nudges(slack, "bob")) == 1


async def test_a_greeting_in_a_dm_is_not_a_draft_question(slack: SlackHarness) -> None:
    """`good morning :wave:` is greeted, with no "Ask colleagues privately?" and no question."""
    await slack.dm_bot("alice", "good morning :wave:")
    await slack.settle()
    assert await question_count(slack) == 0
    replies = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert len(replies) == 1 and "colleagues privately" not in str(replies[0].blocks)


async def test_a_watched_channel_notices_questions_in_other_languages_too(
    slack: SlackHarness,
) -> None:
    """A question in Spanish or German is offered help as an English one is; an invitation in
    Spanish and a status question are not."""
    await watch_general(slack)
    await slack.post("carol", "general", "¿Alguien quiere ir a comer tacos?")
    await slack.post("carol", "general", "Did the contract get signed?")
    await slack.settle()
    assert nudges(slack, "carol") == []
    await slack.post("bob", "general", "¿Alguien sabe cómo configurar la VPN en Linux?")
    await slack.post("alice", "general", "Kennt sich jemand mit Kafka-Partitionen aus?")
    await slack.settle()
    assert len(nudges(slack, "bob")) == 1
    assert len(nudges(slack, "alice")) == 1


async def test_requests_for_a_service_wait_and_unlisted_phrasings_are_noticed(
    slack: SlackHarness,
) -> None:
    """Asking someone, or a team, to do a task is no question for an expert; a question in
    words no phrase list has (`kno`, tombstoning) is one: the learned phrasing decides."""
    await watch_general(slack)
    await slack.post("carol", "general", "can someone review my PR? it is small I promise")
    await slack.post("carol", "general", "Can the data team pull a list of every churned customer?")
    await slack.settle()
    assert nudges(slack, "carol") == []
    await slack.post("bob", "general", "anyone kno why the reflow profile keeps tombstoning caps")
    await slack.settle()
    assert len(nudges(slack, "bob")) == 1


async def test_ok_before_a_question_in_a_dm_is_no_acknowledgement(slack: SlackHarness) -> None:
    """`ok but why does…`, typed without its `?`, is drafted as a question is; `ok cool,
    deploying it now` is still only acknowledged."""
    await slack.dm_bot("carol", "ok cool, deploying it now")
    await slack.settle()
    assert await question_count(slack) == 0
    await slack.dm_bot("alice", "ok but why does the cron run twice on staging")
    await slack.settle()
    assert await question_count(slack) == 1


async def test_a_favour_asked_in_another_language_is_not_nudged(slack: SlackHarness) -> None:
    """`¿alguien me puede dar acceso…?` asks for a favour, as `can someone give me access`
    does; `¿alguien me puede explicar…?` asks for what someone knows."""
    await watch_general(slack)
    await slack.post("carol", "general", "alguien me puede dar acceso al repo de pagos porfa")
    await slack.post("carol", "general", "kann jemand bitte meinen PR approven? danke")
    await slack.settle()
    assert nudges(slack, "carol") == []
    await slack.post("bob", "general", "¿alguien me puede explicar cómo funciona el cache?")
    await slack.settle()
    assert len(nudges(slack, "bob")) == 1


async def test_an_announcement_or_a_digest_of_quoted_questions_is_not_nudged(
    slack: SlackHarness,
) -> None:
    """A teaser heading a post, a FAQ and customers' questions quoted then spoken of ask no
    colleague; a question the writer asks after quoting a customer is offered help."""
    await watch_general(slack)
    await slack.post(
        "carol",
        "general",
        "Wondering how we cut cloud spend by 30%? Read our new blog post: <https://eng.example/c>",
    )
    await slack.post("carol", "general", "FAQ: parking\nQ: where do visitors park? Level -1.")
    await slack.post(
        "carol",
        "general",
        "Top asks from the webinar:\n&gt; can I export to CSV?\n&gt; is there SSO?\n"
        "Both are on the Q3 roadmap.",
    )
    await slack.settle()
    assert nudges(slack, "carol") == []
    await slack.post(
        "bob",
        "general",
        "Client wrote:\n&gt; can we backdate the PO?\nDoes anyone know if procurement allows it?",
    )
    await slack.settle()
    assert len(nudges(slack, "bob")) == 1


async def test_a_colleague_whose_id_begins_with_the_bots_does_not_silence_a_question(
    slack: SlackHarness,
) -> None:
    """Only a mention of the bot itself makes a watched channel's message the bot's to
    answer (bot.mentions reads it); a colleague's id that merely starts like the bot's does
    not, and the question still gets its offer of help."""
    await watch_general(slack)
    colleague = f"<@{slack.emu.bot_user_id}2>"
    await slack.post("bob", "general", f"{colleague} any idea why terraform wants a new VPC?")
    await slack.settle()
    assert len(nudges(slack, "bob")) == 1


AS_THEY_WRITE = {
    # A contractor's and a teacher's asks, typed without a question mark (a question labelled
    # with its topic, a cry for help before the problem); a bot's prompt to reply with a
    # keyword and a step offered with `or are we good` ask nobody.
    "a site and a classroom": (
        [
            "Fleet bot: Van 12 has been idle 4 days. Is it still needed? Reply KEEP to keep it.",
            "should I book another truck or are we good",
        ],
        "benefits question: do part-timers get the dental plan or only medical",
        "HELP my spreadsheet says every total is 0 even though the cells have numbers",
    ),
    # A way asked for without `is there` and a fault told before `anyone seen this before`;
    # volunteers asked for and a stock check ask nobody.
    "a front desk and a lab": (
        [
            "any volunteers to help set up the training room?",
            "do we have any spare toner cartridges left?",
        ],
        "any way to bulk rename the invoices in the drive instead of one by one",
        "the badge reader at the side door blinks amber and never unlocks, anyone seen this before",
    ),
    # Whether a thing is legal and a fault's cause guessed at after it; a desk to cover with
    # `who can?` and a question others want answered that the writer answered ask nobody.
    "a law firm and a dispatch desk": (
        [
            "need somebody to cover the help desk phones 12-1, who can?",
            "finance called, they want to know if we can close the books early. I told them yes",
        ],
        "Is it legal to record a customer call in California without telling them?",
        "payroll export comes out empty, no error. is it because the period is still open?",
    ),
}


@pytest.mark.parametrize("place", list(AS_THEY_WRITE))
async def test_a_watched_channel_reads_people_as_they_write(
    slack: SlackHarness, place: str
) -> None:
    """Carol's messages ask nobody and get no offer of help; Bob's and Alice's asks, each
    written as people there write, get one each."""
    quiet, bobs, alices = AS_THEY_WRITE[place]
    await watch_general(slack)
    for text in quiet:
        await slack.post("carol", "general", text)
    await slack.settle()
    assert nudges(slack, "carol") == []
    await slack.post("bob", "general", bobs)
    await slack.post("alice", "general", alices)
    await slack.settle()
    assert len(nudges(slack, "bob")) == 1
    assert len(nudges(slack, "alice")) == 1
