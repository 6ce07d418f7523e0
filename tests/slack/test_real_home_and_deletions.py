"""More of Slack's own shapes (`tests/slack/payloads/`, each naming its source), signed and
sent through the real front door: presses on the Home tab (`container.type` view, no
channel, message or `response_url`), a mention in a private channel edited with its file,
a reply under it deleted, then the mention deleted under its replies (Slack's tombstone), a
`:kudos:` on Slackbot's reminder, an app's bot user joining and askaround's own bot user
changed. Each is sent twice (Slack's retry, or a double press) and has one effect."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from storage import people
from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import QUESTION, body_of, envelope, said, send, warnings
from tests.slack.test_real_threads_and_grid_ids import placed

pytestmark = pytest.mark.database_independent
FORM = "application/x-www-form-urlencoded"


def quiet(caplog: pytest.LogCaptureFixture) -> bool:
    return warnings(caplog) == [] and not [r for r in caplog.records if r.exc_info]


async def sent_twice(slack: SlackHarness, content_type: str, body: str) -> None:
    """Sent, then again (as Slack's retry for an event): both answered 200 and empty."""
    for retry in (0, 1):
        assert await send(slack, content_type, body, retry=retry) == (200, "")
    await slack.drain()


async def questions(slack: SlackHarness) -> list[Question]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(Question).order_by(Question.id)))


async def test_presses_on_the_home_tab_in_slacks_shape_act_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice's *Edit profile* opens her profile form once. Bob, no admin now, presses
    *Settings changes*; nobody's manager now, *Full report*; and *Withdraw* on Alice's
    question, whose id a stale tab could show him: each refused once, in his DM with the
    bot (a Home press has no channel to answer in), and Alice's question is left as it was."""
    caplog.set_level(logging.INFO)
    alice = slack.user("alice")
    dm = slack.here.workspace.open_im(alice).id
    await slack.here.post_message(alice, dm, QUESTION)
    await slack.settle()
    await slack.drain()
    (asked,) = await questions(slack)

    await sent_twice(slack, *body_of(slack, "edit_profile_from_home"))
    assert len(slack.emu.calls_to("views.open")) == 1
    form = slack.here.open_modal(alice)
    assert form is not None and "profile" in form.title.lower()

    before = said(slack)
    for name in ("settings_changes_from_home", "full_report_from_home"):
        await sent_twice(slack, *body_of(slack, name))
    payload = placed(slack, "withdraw_from_home_by_someone_else", Q_ASKED=str(asked.id))
    await sent_twice(slack, FORM, urlencode({"payload": json.dumps(payload["payload"])}))
    told = said(slack)[len(before) :]
    bobs = [m.text for m in slack.emu.dm_messages(slack.user("bob")) if m.by_bot]
    assert told == bobs, told
    assert [text.split(":")[0].split(",")[0] for text in told] == [
        "Only askaround admins can change its settings",
        "Team reports are for managers",
        f"Question #{asked.id} isn't yours",
    ]
    assert len(slack.emu.calls_to("views.open")) == 1
    (still,) = await questions(slack)
    assert (still.status, still.text) == (asked.status, asked.text)
    assert quiet(caplog)


async def test_a_mention_edited_with_its_file_then_deleted_under_its_replies(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """In the private #secret, as Slack sends it there (`channel_type` group, `hidden`):
    Alice's mention edited, its file still on it, is the question in the edited words; a
    reply under it deleted changes nothing; the mention deleted while replies are under it
    (a `message_changed` to Slackbot's tombstone) drops the question's words. Each sent
    twice, nothing more is said than the first answer, and no warning."""
    caplog.set_level(logging.INFO)
    alice, secret = slack.user("alice"), slack.channel("secret")
    bot = slack.here.bot_user_id
    typed, _ = await slack.here.post_message(alice, secret, f"<@{bot}> {QUESTION}")
    await slack.settle()
    await slack.drain()
    reply = slack.here.workspace.chat.post(secret, alice, "staging too, please", thread_ts=typed.ts)
    events = placed(
        slack,
        "mention_in_a_private_channel_edited_then_deleted_under_its_replies",
        TS_ASKED=typed.ts,
        TS_REPLY=reply.ts,
    )["events"]
    before = said(slack)
    assert before, "the mention was answered"

    async def sent(name: str) -> None:
        await sent_twice(slack, "application/json", json.dumps(envelope(slack, events[name])))

    await sent("edited_with_its_file")
    (asked,) = await questions(slack)
    assert asked.text == f"{QUESTION} (prod only)"
    await sent("reply_deleted")
    (asked,) = await questions(slack)
    assert asked.text == f"{QUESTION} (prod only)"
    await sent("deleted_under_its_replies")
    (asked,) = await questions(slack)
    assert asked.text == ""
    assert said(slack) == before
    assert quiet(caplog)


async def test_a_kudos_on_slackbots_reminder_thanks_nobody(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice's `:kudos:` on a reminder Slackbot posted: no kudos, and she is told once, however
    often Slack sends it, that Slackbot is a bot."""
    caplog.set_level(logging.INFO)
    general = slack.channel("general")
    reminder = slack.here.workspace.chat.post(general, "USLACKBOT", "Reminder: release notes.")
    event = placed(slack, "reaction_added_to_a_slackbot_reminder", TS_MESSAGE=reminder.ts)["event"]
    await sent_twice(slack, "application/json", json.dumps(envelope(slack, event)))
    assert await ledger(slack) == []
    assert said(slack) == ["Slackbot is a bot; kudos go to people."]
    assert quiet(caplog)


async def test_an_apps_bot_user_joining_and_askarounds_own_changed_are_no_colleagues(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """An app installed: its bot user's `team_join` keeps it as an app, never someone to ask
    or thank. askaround's own bot user changed (`user_change`): not kept as a person. Both
    answered 200, their retries too, with nothing said."""
    caplog.set_level(logging.INFO)
    for name in ("team_join_of_an_apps_bot_user", "user_change_of_askarounds_own_bot_user"):
        await sent_twice(slack, *body_of(slack, name))
    async with slack.services.sessions() as s:
        app = await people.get_person(s, slack.team_id, "U0DEPLOYBOT")
        own = await people.get_person(s, slack.team_id, slack.here.bot_user_id)
    assert app is not None and app.is_bot and not app.deactivated
    assert own is None or own.is_bot
    assert said(slack) == []
    assert quiet(caplog)
