"""Slack's own shapes of threads in the DM with the bot, of a Home tab opened as first
documented, of an Enterprise Grid member whose id starts with W and of `:kudos:` reactions in
a group DM (`tests/slack/payloads/`, each naming its source), signed and sent through the
real front door, each again as Slack's retry. One bot a test: the cases of a test happen in
different conversations or to different messages, and none changes what another reads."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from bot.conversations import PRIVATE_FOR
from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give, ledger
from tests.slack.test_real_payloads import QUESTION, envelope, real, said, send, warnings

pytestmark = pytest.mark.database_independent

WENDY = "W0GRIDWENDY"  # the ids the Grid payloads name her by


def placed(slack: SlackHarness, name: str, **ids: str) -> dict[str, Any]:
    """`real`, with the timestamps and ids the test made (`TS_ASKED`…) filled in too."""
    text = json.dumps(real(slack, name))
    for placeholder, value in ids.items():
        text = text.replace(placeholder, value)
    found: dict[str, Any] = json.loads(text)
    return found


async def sent_twice(slack: SlackHarness, event: dict[str, Any]) -> None:
    """The event in its envelope, then again as Slack's retry, each answered 200 and done."""
    body = json.dumps(envelope(slack, event))
    for retry in (0, 1):
        assert await send(slack, "application/json", body, retry=retry) == (200, "")
    await slack.drain()


async def questions(slack: SlackHarness) -> list[Question]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(Question).order_by(Question.id)))


def in_dm(slack: SlackHarness) -> list[str]:
    """What the bot posted in Alice's DM with it, oldest first."""
    return [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]


def new_in_dm(slack: SlackHarness, before: list[str]) -> list[str]:
    return in_dm(slack)[len(before) :]


async def test_threads_in_the_dm_as_slack_sends_them(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """In the DM with the bot, each sent twice: a reply to one's own question also sent to
    the conversation (`thread_broadcast`, which names its thread's `root`, no
    `parent_user_id`) is told once that nobody reads replies, and asks nothing; a question
    edited, then the `message_changed` Slack sends once a reply is under it, which carries
    the earlier `edited` again: one question, in the edited words, nothing said twice; a
    screenshot with words sent as a reply under the kudos news (`file_share`,
    `parent_user_id` the bot): told once what a reply there does, nothing asked. The Home tab
    opened in the shape of Slack's first example (no `tab`, no `view`, an `event_ts`
    without a dot) is published once."""
    caplog.set_level(logging.INFO)
    dm = slack.here.workspace.open_im(slack.user("alice")).id
    typed = slack.here.workspace.chat.post(dm, slack.user("alice"), QUESTION)
    events = placed(slack, "thread_broadcast_under_a_dm_question", TS_ASKED=typed.ts)["events"]
    await sent_twice(slack, events["asked"])
    before = in_dm(slack)
    await sent_twice(slack, events["also_sent_to_the_dm"])
    (told,) = new_in_dm(slack, before)
    assert told.startswith("Nobody reads replies to your question")
    assert [q.text for q in await questions(slack)] == [QUESTION]

    typed = slack.here.workspace.chat.post(dm, slack.user("alice"), QUESTION)
    events = placed(slack, "dm_question_edited_then_replied_under", TS_ASKED=typed.ts)["events"]
    for name in ("asked", "edited"):
        await sent_twice(slack, events[name])
    before = in_dm(slack)
    await sent_twice(slack, events["replied_under"])
    assert new_in_dm(slack, before) == []
    assert [q.text for q in await questions(slack)] == [QUESTION, f"{QUESTION} (prod only)"]

    await give(slack, "bob", f"<@{slack.user('alice')}> for the runbook #teamwork")
    await slack.drain()
    news = next(m for m in slack.emu.dm_messages(slack.user("alice")) if "gave you kudos" in m.text)
    before = in_dm(slack)
    await sent_twice(
        slack, placed(slack, "file_share_reply_under_the_kudos_news", TS_NEWS=news.ts)["event"]
    )
    (told,) = new_in_dm(slack, before)
    assert told.startswith("Nobody reads replies to this message")
    assert len(await questions(slack)) == 2

    await sent_twice(slack, real(slack, "app_home_opened_without_its_tab")["event"])
    home = slack.here.home_view(slack.user("alice"))
    assert home is not None and "Your expertise profile" in str(home.blocks)
    assert len(slack.emu.calls_to("views.publish")) == 1
    assert warnings(caplog) == []


async def test_a_grid_member_whose_id_starts_with_w_asks_and_thanks(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Enterprise Grid gives its members ids that start with W. Wendy's mention of the bot in
    #general, in a Grid workspace's envelope (`enterprise_id`, `context_*`, `authorizations`,
    `user_team` the organisation), and her `/kudos @bob` with the Grid fields: one question
    of hers, answered once in her mention's thread; one kudos from her to Bob, confirmed to
    her; the same again as Slack's retry (the command as sent twice) adds nothing."""
    caplog.set_level(logging.INFO)
    ws = slack.here.workspace
    wendy = ws.add_user("wendy", user_id=WENDY, real_name="Wendy Grid")
    ws.channel(slack.channel("general")).members.append(wendy.id)
    general = slack.channel("general")
    typed = ws.chat.post(general, WENDY, f"<@{ws.bot_user_id}> {QUESTION}")
    body = placed(slack, "app_mention_by_a_grid_member_with_a_w_id", TS_MENTION=typed.ts)["body"]
    for retry in (0, 1):
        assert await send(slack, "application/json", json.dumps(body), retry=retry) == (200, "")
    await slack.drain()
    (asked,) = await questions(slack)
    assert (asked.asker_user_id, asked.text) == (WENDY, QUESTION)
    (answer,) = [m for m in slack.emu.messages(general) if m.by_bot]
    assert answer.thread_ts == typed.ts and "question #1" in answer.text

    url = slack.here.response_url(WENDY, slack.channel("general"))
    form = placed(slack, "kudos_by_a_grid_member_with_a_w_id", RESPONSE_URL=url)["form"]
    for _ in (0, 1):
        content = urlencode(form)
        assert (await send(slack, "application/x-www-form-urlencoded", content))[0] == 200
    await slack.drain()
    (kudos,) = await ledger(slack)
    assert (kudos.giver_user_id, kudos.receiver_user_id) == (WENDY, slack.user("bob"))
    assert kudos.values == ["teamwork"]
    assert any(text.startswith(f"Kudos sent to <@{slack.user('bob')}>") for text in said(slack))
    assert warnings(caplog) == []


async def test_kudos_reactions_in_a_group_dm_say_this_conversation(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """A `:kudos:` reaction in a group DM the bot is in, as Slack's reference shows one (the
    conversation named by its id alone), the first there since the bot started; then Carol's
    seconding of its shout-out once what the bot kept of the conversation has lapsed. Each
    is given once however often Slack sends it, and confirmed to its giver as on its way to
    "this conversation", as `/kudos` and the form there say, and so is Carol's Undo where
    Slack will not delete the seconding. Before, each named `<#G…>`, Slack's link to a
    channel, which a group DM is not: whether it is one was read only from what the bot had
    kept of it. An admin's `/ask unwatch` there (`channel_name` `mpdm-…`)
    is answered of "this conversation" too, where it named `<#G…>`."""
    caplog.set_level(logging.INFO)
    alice, bob, carol = (slack.user(h) for h in ("alice", "bob", "carol"))
    group = slack.here.workspace.open_mpim([alice, bob, carol])
    fixed, _ = await slack.here.post_message(bob, group.id, "I fixed the flaky test in the CI")
    ids = {"G_GROUP": group.id, "TS_MESSAGE": fixed.ts}
    event = placed(slack, "reaction_added_in_a_group_dm", **ids)["event"]
    await sent_twice(slack, event)
    (shoutout,) = [m for m in slack.emu.messages(group.id) if m.by_bot]
    slack.advance(PRIVATE_FOR + timedelta(seconds=1))
    event |= {"user": carol, "item_user": slack.here.bot_user_id}
    event["item"]["ts"] = shoutout.ts
    await sent_twice(slack, event)
    given = [(k.giver_user_id, k.receiver_user_id, k.source) for k in await ledger(slack)]
    assert given == [(alice, bob, "reaction"), (carol, bob, "second")]
    confirmed = [text for text in said(slack) if text.startswith("Kudos sent")]
    assert len(confirmed) == 2
    assert all("this conversation" in text and group.id not in text for text in confirmed)
    slack.emu.faults.add("chat.delete", error="cant_delete_message", times=None)
    await slack.emu.click_button(carol, "Undo")
    await slack.drain()
    undone = said(slack)[-1]
    assert undone.startswith("Undone:") and "the shout-out in this conversation" in undone

    slack.emu.workspace.users[alice].is_admin = True
    form = placed(slack, "ask_unwatch_in_a_group_dm", **ids)["form"]
    form["response_url"] = slack.here.response_url(alice, group.id)
    assert await send(slack, "application/x-www-form-urlencoded", urlencode(form)) == (200, "")
    assert said(slack)[-1] == "I wasn't watching this conversation, so nothing changed."
    assert warnings(caplog) == []
