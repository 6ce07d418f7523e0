"""Messages a person typed, in the shapes Slack really sends them
(`tests/data/slack/real_payloads.json`, signed and posted as in `test_real_payloads`): a
`/me` line and words held only in rich_text blocks are read as what the person said."""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from slack_emulator.records import Ephemeral
from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import (
    QUESTION,
    body_of,
    envelope,
    questions,
    real,
    send,
)

pytestmark = pytest.mark.database_independent


def offers(slack: SlackHarness, handle: str) -> list[Ephemeral]:
    """The "Find an expert" offers a watched channel showed this person."""
    return [
        e for e in slack.emu.ephemerals(slack.user(handle)) if "Find an expert" in str(e.blocks)
    ]


async def watch_general(slack: SlackHarness) -> None:
    await slack.services.watching.set_watching(
        slack.team_id, slack.channel("general"), slack.user("maria"), True
    )


async def test_a_question_only_in_rich_text_blocks_is_offered_help(slack: SlackHarness) -> None:
    """A message whose `text` is empty and whose words are in its rich_text blocks is a
    question like any other in a watched channel: offered help once (Slack's retry adds
    nothing), and "Find an expert" asks its words. Before, its empty `text` was read and
    nothing was offered; and a click would have asked nothing."""
    await watch_general(slack)
    entry = real(slack, "question_only_in_rich_text_blocks")
    event = entry["event"]
    # Slack holds the message as it was sent, for "Find an expert" to read again.
    stored = slack.here.workspace.chat.post(
        event["channel"], event["user"], "", blocks=event["blocks"]
    )
    event["ts"] = event["event_ts"] = stored.ts
    body = json.dumps(envelope(slack, event))
    assert await send(slack, "application/json", body) == (200, "")
    assert await send(slack, "application/json", body, retry=1) == (200, "")
    (offer,) = offers(slack, "alice")
    await slack.here.click(slack.user("alice"), "nudge_ask", message=offer)
    await slack.settle()
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.text == QUESTION and asked.message_ts == stored.ts


@pytest.mark.parametrize(
    ("name", "words"),
    [
        (
            "question_only_in_rich_text_blocks_with_a_group_and_an_emoji_in_a_dm",
            f"{QUESTION} <!subteam^S0123ABC> and <!here> never answer :pray:",
        ),
        (
            "question_only_in_rich_text_blocks_with_a_date_and_a_colour_in_a_dm",
            "how do we rotate the postgres credentials in production before "
            "<!date^1720710212^{date_num} at {time}|timey> without breaking the #F405B3 "
            "dashboard?",
        ),
    ],
)
async def test_a_question_only_in_blocks_keeps_what_its_elements_say(
    slack: SlackHarness, name: str, words: str
) -> None:
    """A DM question whose words are only in rich_text blocks, naming a user group, `@here`
    and an emoji, or a date and a colour, as Slack's rich text elements do: asked once in
    the words Slack's `text` would hold (`<!subteam^…>`, `<!here>`, `:pray:`; the date as
    Slack's date token with its fallback, the colour as its value), where those were
    dropped."""
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.text == words


async def test_a_me_line_asking_in_a_dm_is_asked(slack: SlackHarness) -> None:
    """`/me wonders how we rotate …` in the DM with the bot is the person's question, in
    their words (before, a `me_message` was dropped and the person heard nothing)."""
    content_type, body = body_of(slack, "me_message")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.asker_user_id == slack.user("alice")
    assert "rotate the postgres credentials" in asked.text


async def test_a_me_line_asking_in_a_watched_channel_is_offered_help(
    slack: SlackHarness,
) -> None:
    """A `/me` line that asks is offered help in a watched channel, as the same words typed
    plainly are; nobody is asked until the person says so."""
    await watch_general(slack)
    content_type, body = body_of(slack, "me_message_in_a_channel")
    assert await send(slack, content_type, body) == (200, "")
    assert len(offers(slack, "alice")) == 1
    assert await questions(slack) == 0


async def test_kudos_on_a_message_only_in_rich_text_blocks_gives_its_words(
    slack: SlackHarness,
) -> None:
    """A `:kudos:` reaction to a message whose words are only in its rich_text blocks gives
    kudos with those words as the reason (before, the empty `text` was read and the giver was
    told the message was too short to be a reason)."""
    entry = real(slack, "question_only_in_rich_text_blocks")
    blocks = entry["event"]["blocks"]
    said = "I wrote the runbook for the failover drill and tested it twice"
    blocks[0]["elements"][0]["elements"][0]["text"] = said
    bob = slack.user("bob")
    message = slack.here.workspace.chat.post(slack.channel("general"), bob, "", blocks=blocks)
    await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "kudos")
    await slack.settle()
    (kudos,) = await ledger(slack)
    assert kudos.receiver_user_id == bob and kudos.message == said


async def test_a_question_typed_as_a_files_comment_is_offered_help_once(
    slack: SlackHarness,
) -> None:
    """A screenshot shared in a watched channel with the question typed as its comment (a
    `file_share`) is offered help, once however often Slack sends it."""
    await watch_general(slack)
    event = real(slack, "file_share_in_a_dm")["event"]
    event |= {"channel": slack.channel("general"), "channel_type": "channel"}
    body = json.dumps(envelope(slack, event))
    assert await send(slack, "application/json", body) == (200, "")
    assert await send(slack, "application/json", body, retry=1) == (200, "")
    assert len(offers(slack, "alice")) == 1
    assert await questions(slack) == 0


async def test_a_mention_only_in_rich_text_blocks_is_asked_once(slack: SlackHarness) -> None:
    """An `app_mention` (api.slack.com/events/app_mention) whose `text` is empty and whose
    words, the bot's mention among them as a `user` element, are in its rich_text blocks: the
    words without the mention are asked, once however often Slack sends it."""
    event = real(slack, "app_mention_in_a_thread")["event"]
    event.pop("thread_ts"), event.pop("parent_user_id")
    event["text"] = ""
    body = json.dumps(envelope(slack, event))
    assert await send(slack, "application/json", body) == (200, "")
    assert await send(slack, "application/json", body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.asker_user_id == slack.user("alice") and asked.text == QUESTION


async def test_a_mention_addressed_with_a_comma_asks_the_words_after_it(
    slack: SlackHarness,
) -> None:
    """`@askaround, how do we …?`, as people address someone (the comma, or a colon, after
    the mention; a Japanese input method's `：`), and `how do we …, @askaround?`: the question
    is the words without the mention and its comma, and Bob, who knows PostgreSQL, reads
    them so; `@askaround, what can you do?` is shown the help. Before, the question began ",
    how do we …" in his DM, on Home and in `/ask mine`, and ", what can you do?" was asked
    of colleagues."""
    bob, bot = slack.user("bob"), slack.here.bot_user_id
    form = real(slack, "kudos_about_someone")["form"]
    form |= {"command": "/skills", "text": "add postgresql:5", "user_id": bob, "user_name": "bob"}
    assert (await send(slack, "application/x-www-form-urlencoded", urlencode(form)))[0] == 200
    restore, vacuum = "how do we restore a postgres backup to staging?", "how do we tune postgres"
    said = [f"<@{bot}>, {QUESTION}", f"<@{bot}>\uff1a{restore}", f"{vacuum}, <@{bot}>?"]
    said.append(f"<@{bot}>, what can you do?")
    for text in said:
        event = real(slack, "app_mention_in_a_thread")["event"]
        event.pop("thread_ts"), event.pop("parent_user_id")
        typed = slack.here.workspace.chat.post(event["channel"], event["user"], text)
        event |= {"text": text, "ts": typed.ts, "event_ts": typed.ts, "blocks": []}
        body = json.dumps(envelope(slack, event))
        assert await send(slack, "application/json", body) == (200, "")
    await slack.drain()
    async with slack.services.sessions() as s:
        asked = [q.text for q in await s.scalars(select(Question).order_by(Question.id))]
    assert asked == [QUESTION, restore, f"{vacuum}?"]
    slack.advance(timedelta(days=1))  # to Bob's working day
    await slack.drain()
    requests = "\n".join(m.text for m in slack.emu.dm_messages(bob) if m.by_bot)
    assert QUESTION in requests and f", {QUESTION}" not in requests, requests
    (helped,) = [e.text for e in slack.emu.ephemerals(slack.user("alice")) if "I find" in e.text]
    assert helped.startswith("I find colleagues who know about something")
