"""Slash commands and interactions as Slack posts them (`tests/data/slack/real_payloads.json`):
a command's form fields and escaped text (`<@U…|name>`, `<#C…|name>`, `&amp;`), an
interaction's `payload` with what Slack leaves out (another app's message has no `user`),
signed and sent through the real front door. What the person is told and what is stored is
asserted."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger, prefilled, submit_modal
from tests.slack.test_real_payloads import (
    QUESTION,
    body_of,
    form_of,
    questions,
    real,
    request_of,
    said,
    send,
    warnings,
)

pytestmark = pytest.mark.database_independent


async def test_a_kudos_whose_reason_links_a_channel_is_given(slack: SlackHarness) -> None:
    """`/kudos @bob for moving the runbook into #general & fixing every link in it
    #teamwork`: Slack links `#general` to the channel (`<#C…|general>`). It is where the
    work went, not a recipient and not a value: the kudos is given, the link kept in its
    reason. Before, any channel link that was no value refused the whole kudos ("Kudos go to
    people … rather than the channel #general")."""
    assert await send(slack, *body_of(slack, "kudos_with_a_channel_in_the_reason")) == (200, "")
    (kudos,) = await ledger(slack)
    general = slack.channel("general")
    assert kudos.receiver_user_id == slack.user("bob") and kudos.values == ["teamwork"]
    assert kudos.message == (
        f"moving the runbook into <#{general}|general> & fixing every link in it"
    )
    assert not [text for text in said(slack) if "rather than" in text]


async def test_give_kudos_on_another_apps_message_opens_the_form(slack: SlackHarness) -> None:
    """The message shortcut on another app's post, as Slack sends it: the message has a
    `bot_id` and no `user`. The Give kudos form opens with nobody prefilled (an app is thanked
    by nobody), about that message, where it was posted."""
    assert await send(slack, *body_of(slack, "give_kudos_on_another_apps_message")) == (200, "")
    modal = slack.here.open_modal(slack.user("alice"))
    assert modal is not None and modal.callback_id == "give_kudos_modal"
    (users,) = [b["element"] for b in modal.blocks if b.get("block_id") == "recipients"]
    assert "initial_users" not in users
    assert json.loads(modal.private_metadata)["channel"] == slack.channel("general")


async def test_find_an_expert_on_another_apps_alert_asks_its_words(slack: SlackHarness) -> None:
    """ "Find an expert" on another app's Block Kit alert, as Slack sends it: no `user`, no
    `text`, the words in its blocks. The person who used the shortcut asks those words."""
    assert await send(slack, *body_of(slack, "find_expert_on_another_apps_alert")) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.asker_user_id == slack.user("alice") and asked.source == "shortcut"
    assert "rotate the postgres credentials" in asked.text


async def test_kudos_about_someone_not_synced_yet_names_them(slack: SlackHarness) -> None:
    """`/kudos @bob` (`<@U…|bob>`) before the directory sync has brought Bob in: the answer
    names him as Slack does, not by his user id ("U0000002 hasn't received public kudos
    yet. To thank U0000002: …")."""
    assert await send(slack, *body_of(slack, "kudos_about_someone")) == (200, "")
    (answer,) = said(slack)
    assert answer.startswith("Bob Chen hasn't received public kudos yet")
    assert slack.user("bob") not in answer


async def test_the_give_kudos_form_as_slack_submits_it_gives_once(slack: SlackHarness) -> None:
    """The Give kudos form from the message shortcut, submitted in Slack's shape (the view as
    Slack echoes it: its `hash`, `root_view_id`, `app_installed_team_id`, the reason's
    `dispatch_action_config`…), then again as a double click does, with a new trigger id: one
    kudos, its shout-out in the message's channel, and the giver told once."""
    for _ in range(2):
        assert await send(slack, *body_of(slack, "give_kudos_form_submitted")) == (200, "")
    (kudos,) = await ledger(slack)
    assert kudos.receiver_user_id == slack.user("bob") and not kudos.is_private
    assert kudos.channel_id == slack.channel("general")
    assert len([text for text in said(slack) if text.startswith("Kudos sent to")]) == 1


async def test_not_now_on_an_ephemeral_offer_is_taken(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """*Not now* on the offer in a watched channel, an ephemeral message: Slack's payload has
    `container.is_ephemeral` and no `message`. It is acked, the offer becomes what it keeps
    quiet until (and nothing else is said), and nothing is logged as a problem."""
    caplog.set_level(logging.INFO)
    assert await send(slack, *body_of(slack, "not_now_on_an_ephemeral_nudge")) == (200, "")
    [told] = said(slack)
    assert told.startswith("OK: I won't offer to find an expert")
    assert warnings(caplog) == []


async def test_settings_from_the_home_tab_by_someone_else_is_refused_in_a_dm(
    slack: SlackHarness,
) -> None:
    """*Settings* pressed on the Home tab by someone who is no admin: Slack's payload has the
    Home view (`container.type` view) and no channel or response_url, so the refusal comes
    in the DM with the bot."""
    assert await send(slack, *body_of(slack, "settings_from_home_by_bob")) == (200, "")
    dm = [m.text for m in slack.emu.dm_messages(slack.user("bob")) if m.by_bot]
    assert dm and dm[-1].startswith("Only askaround admins can change its settings")


async def test_a_closed_form_is_answered_200_quietly(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack tells an app a modal was closed (`view_closed`) when it was opened with
    `notify_on_close`; askaround sets that on none of its forms, so nothing follows from one,
    but a Slack that sends it anyway is answered 200, its retry too, with nothing said and no
    warning. Bolt answered 404 with "Unhandled request" before, which Slack retries."""
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, "view_closed_give_kudos")
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert said(slack) == [] and await ledger(slack) == []
    assert warnings(caplog) == []


async def sent_twice(slack: SlackHarness, name: str) -> list[tuple[int, str]]:
    """The named payload, then the same again (a double click, or Slack sending it twice)."""
    content_type, body = body_of(slack, name)
    return [await send(slack, content_type, body) for _ in range(2)]


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("ask_without_text", "Type your question after `/ask`"),
        ("ask_with_only_whitespace", "Type your question after `/ask`"),
        ("kudos_with_only_a_newline", "Thank a colleague with *kudos*"),
        ("askaround_with_only_whitespace", "Hi! I'm askaround"),
        ("skills_without_text", "Alice Martin: no skills yet"),
    ],
)
async def test_a_command_with_no_words_is_answered_with_what_it_does(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, answer: str
) -> None:
    """A command sent with empty text, or only spaces and newlines, in Slack's shape (an
    Enterprise Grid workspace's, with `enterprise_id` and `api_app_id`): the person is told
    once what the command does (`/skills`: their own profile), in the ack or through the
    command's response URL; the same request again is answered 200 and says nothing more."""
    caplog.set_level(logging.INFO)
    (status, acked), again = await sent_twice(slack, name)
    assert status == 200 and again == (200, "")
    replies = [json.loads(acked)["text"]] if acked else said(slack)
    assert len(replies) == 1 and replies[0].startswith(answer)
    assert await questions(slack) == 0 and await ledger(slack) == []
    assert warnings(caplog) == []


async def test_kudos_from_an_enterprise_grid_workspace_is_given_once(slack: SlackHarness) -> None:
    """`/kudos @bob for …` with the fields Slack's reference shows for a workspace of an
    Enterprise Grid org (`enterprise_id`, `enterprise_name`, `is_enterprise_install`): given,
    and the same request again gives nothing more."""
    assert await sent_twice(slack, "kudos_from_an_enterprise_grid_workspace") == [(200, "")] * 2
    (kudos,) = await ledger(slack)
    assert kudos.receiver_user_id == slack.user("bob") and kudos.values == ["teamwork"]
    assert len([text for text in said(slack) if text.startswith("Kudos sent to")]) == 1


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        ("kudos_to_a_user_group", "rather than the group @platform."),
        ("kudos_to_a_user_group_without_its_name", "rather than a user group."),
    ],
)
async def test_kudos_to_a_user_group_is_refused_naming_it(
    slack: SlackHarness, name: str, refused: str
) -> None:
    """`/kudos @platform for …`, the user group as Slack escapes it (with its handle, or
    without): refused once, saying kudos go to people, naming the group as Slack did."""
    assert await sent_twice(slack, name) == [(200, "")] * 2
    (answer,) = said(slack)
    assert answer.startswith("Kudos go to people") and answer.endswith(refused)
    assert await ledger(slack) == []


async def test_a_question_naming_people_channels_and_groups_is_asked_as_typed(
    slack: SlackHarness,
) -> None:
    """`/ask @bob said #general or @platform would know: how do we …`, as Slack escapes it:
    one question, its words with the mentions as Slack sent them."""
    await sent_twice(slack, "ask_naming_a_person_a_channel_and_a_group")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.asker_user_id == slack.user("alice") and asked.text.endswith(QUESTION)
    assert f"<@{slack.user('bob')}|bob>" in asked.text


@pytest.mark.parametrize(
    "name", ["global_shortcut_give_kudos", "give_kudos_from_home", "give_kudos_on_a_thread_reply"]
)
async def test_give_kudos_from_each_place_opens_the_form_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """*Give kudos* as Slack sends it from the global shortcut menu (with its `enterprise`),
    from the Home tab (a `block_actions` on a `home` view), and on a thread reply (a
    `message_action` whose message has `thread_ts`): the form opens once, the reply's author
    named in it."""
    caplog.set_level(logging.INFO)
    assert await sent_twice(slack, name) == [(200, "")] * 2
    modal = slack.here.open_modal(slack.user("alice"))
    assert modal is not None and modal.callback_id == "give_kudos_modal"
    assert len(slack.emu.calls_to("views.open")) == 1
    (users,) = [b["element"] for b in modal.blocks if b.get("block_id") == "recipients"]
    named = [slack.user("bob")] if name == "give_kudos_on_a_thread_reply" else None
    assert users.get("initial_users") == named
    assert warnings(caplog) == []


@pytest.mark.parametrize(
    ("name", "words", "ts"),
    [
        ("find_expert_on_a_thread_reply", QUESTION, "1610000040.000700"),
        (
            "find_expert_on_a_message_with_a_links_preview",
            f"{QUESTION} see <https://example.com/runbook>",
            "1700000490.000200",
        ),
    ],
)
async def test_find_an_expert_on_a_persons_message_asks_its_words_once(
    slack: SlackHarness, name: str, words: str, ts: str
) -> None:
    """*Find an expert* on the asker's own thread reply, as Slack sends it: its words are
    asked once, about that reply. On a message whose link Slack unfurled, the words asked
    are the person's, not the linked page's title and summary (`tests/slack/payloads/`)."""
    assert await sent_twice(slack, name) == [(200, "")] * 2
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.text == words and asked.source == "shortcut"
    assert asked.message_ts == ts


async def test_skills_typed_in_the_profile_form_are_suggested_in_the_ack(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """`block_suggestion` from the Edit profile form's skill menu, in bolt-python's shape:
    the options come back in the ack's body, the words typed among them as a new skill. With
    `value` empty (what Slack sends a menu that asks before anything is typed), the answer
    is an empty list of options, no new skill named "", and nothing logged as a problem."""
    caplog.set_level(logging.INFO)
    (status, answer), _again = await sent_twice(slack, "skills_suggestion")
    options = json.loads(answer)["options"]
    assert status == 200 and options[-1]["value"] == "kub"
    assert "Kubernetes" in [option["text"]["text"] for option in options]
    nothing_typed = real(slack, "skills_suggestion")["payload"] | {"value": ""}
    status, answer = await send(slack, *form_of(nothing_typed))
    assert (status, json.loads(answer)) == (200, {"options": []})
    assert warnings(caplog) == []


async def test_the_edit_profile_form_as_slack_submits_it_is_saved(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The Edit profile form submitted in Slack's shape: its empty menus' `selected_options`
    `[]`, its empty text fields' `value` `null`, a new skill typed among the options. The
    skills picked are saved at their level, and the form closes (an empty ack), the same
    again too."""
    caplog.set_level(logging.INFO)
    assert await sent_twice(slack, "edit_profile_form_submitted") == [(200, "")] * 2
    await slack.here.slash_command(slack.user("alice"), "/skills", "")
    await slack.settle()
    (profile,) = said(slack)
    assert "Kubernetes" in profile and "pgbouncer" in profile.lower()
    assert warnings(caplog) == []


async def test_skills_with_markup_it_does_not_know_echoes_it_harmlessly(
    slack: SlackHarness,
) -> None:
    """`/skills @platform @here [the docs](https://evil.example/login)`, as Slack escapes it:
    no subcommand, and the answer quotes what was typed as `/askaround` does, through
    `safe_text`: the group and `@here` as plain words, the link's address shown. Before, the
    markup went back to Slack as it came (`<!here>`, a link hiding where it goes)."""
    await sent_twice(slack, "skills_with_a_user_group_a_broadcast_and_a_link")
    (answer,) = said(slack)
    assert answer.startswith(
        "I don't know “/skills @\u2060platform @\u2060here https://evil.example/login”"
    )
    assert "<" not in answer


NOTICES = (
    "channel_topic",
    "channel_join",
    "channel_purpose",
    "pinned_item",
    "bot_add",
    "tombstone",
)


def on_notice(slack: SlackHarness, name: str, subtype: str) -> tuple[str, str]:
    """The named message shortcut, its message made the notice `subtype` (same words)."""
    _kind, payload = request_of(slack, name)
    payload["message"]["subtype"] = subtype
    return "application/x-www-form-urlencoded", urlencode({"payload": json.dumps(payload)})


@pytest.mark.parametrize("subtype", NOTICES)
async def test_find_an_expert_on_a_channel_notice_asks_nothing(
    slack: SlackHarness, subtype: str
) -> None:
    """ "Find an expert" on a notice Slack posts in a channel ("@bob set the channel topic:
    how do we rotate…", "@bob has joined the channel", a pin) asked colleagues about the
    notice's words. The person is told privately it is a notice, not a question, and what to
    use instead; nothing is asked."""
    assert await send(slack, *on_notice(slack, "find_expert_on_a_channel_topic", subtype)) == (
        200,
        "",
    )
    assert await questions(slack) == 0
    (answer,) = [e.text for e in slack.here.ephemerals(slack.user("alice"))]
    assert (
        answer.startswith("That message is a channel notice, not a question") and "/ask" in answer
    )


@pytest.mark.parametrize("subtype", NOTICES)
async def test_give_kudos_on_a_channel_notice_opens_no_form(
    slack: SlackHarness, subtype: str
) -> None:
    """*Give kudos* on "@bob has joined the channel" (or another notice) opened the form to
    thank Bob for joining, about the notice. The person is told privately it is a notice and
    how to thank someone instead; no form opens."""
    assert await send(slack, *on_notice(slack, "give_kudos_on_a_channel_join", subtype)) == (
        200,
        "",
    )
    assert slack.here.open_modal(slack.user("alice")) is None
    (answer,) = [e.text for e in slack.here.ephemerals(slack.user("alice"))]
    assert answer.startswith("That message is a channel notice") and "/kudos" in answer


async def test_give_kudos_on_a_slackbot_reminder_prefills_nobody(slack: SlackHarness) -> None:
    """*Give kudos* on a reminder Slackbot posted (`user: USLACKBOT`, no subtype, no
    `bot_id`) opened the form thanking Slackbot, whom a submission then refuses as a bot. The
    form opens with nobody prefilled, as on another app's message."""
    assert await send(slack, *body_of(slack, "give_kudos_on_a_slackbot_reminder")) == (200, "")
    modal = slack.here.open_modal(slack.user("alice"))
    assert modal is not None and modal.callback_id == "give_kudos_modal"
    (users,) = [b["element"] for b in modal.blocks if b.get("block_id") == "recipients"]
    assert "initial_users" not in users


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("ask_in_the_dm_with_the_bot", "I'm sorry: I found nobody to ask"),
        ("kudos_in_a_dm_between_two_people", "Kudos sent to"),
        ("skills_in_a_private_channel", "Alice Martin: no skills yet"),
        ("askaround_help_in_a_group_dm", "I find colleagues who know"),
    ],
)
async def test_a_command_where_slack_names_the_conversation_by_its_kind_is_answered(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, answer: str
) -> None:
    """A command typed where Slack names no channel (`tests/slack/payloads/`): in the DM with
    the bot and in a DM between two people (`channel_name` `directmessage`), in a private
    channel (`privategroup`) and in a group DM (`mpdm-…`), each from an Enterprise Grid
    workspace: answered once, the same request again says nothing more, and nothing is
    logged as a problem. The question is asked once; the kudos from a DM between two people
    is given once, and private: it was given where only the two of them read it."""
    caplog.set_level(logging.INFO)
    (status, acked), again = await sent_twice(slack, name)
    assert status == 200 and again == (200, "")
    replies = [json.loads(acked)["text"]] if acked else said(slack)
    assert len([r for r in replies if r.startswith(answer)]) == 1, replies
    assert await questions(slack) == (1 if name.startswith("ask_") else 0)
    given = await ledger(slack)
    assert [(k.receiver_user_id, k.is_private) for k in given] == (
        [(slack.user("bob"), True)] if name.startswith("kudos_") else []
    )
    assert warnings(caplog) == []


async def test_give_kudos_on_askarounds_own_message_prefills_nobody(slack: SlackHarness) -> None:
    """*Give kudos* on askaround's own post in the DM with it (its `user` the app's bot user,
    with `bot_id`, `app_id` and `bot_profile`): the form opens once, with nobody in it."""
    assert await sent_twice(slack, "give_kudos_on_askarounds_own_message") == [(200, "")] * 2
    (opened,) = slack.emu.calls_to("views.open")
    recipients = next(b for b in opened.args["view"]["blocks"] if b["block_id"] == "recipients")
    assert "initial_users" not in recipients["element"]
    assert said(slack) == []


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("find_expert_on_askarounds_own_message", "That's my own message"),
        ("reaction_added_to_askarounds_own_message", "That is one of my messages"),
    ],
)
async def test_asking_or_thanking_about_askarounds_own_message_is_refused_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, answer: str
) -> None:
    """*Find an expert* on askaround's own post, and a `:kudos:` reaction to one (its
    `item_user` the app's bot user): the person is told once why not, no question is asked
    and no kudos given, and nothing is logged as a problem."""
    caplog.set_level(logging.INFO)
    assert await sent_twice(slack, name) == [(200, "")] * 2
    replies = said(slack)
    assert len(replies) == 1 and replies[0].startswith(answer)
    assert await questions(slack) == 0 and await ledger(slack) == []
    assert warnings(caplog) == []


async def test_the_settings_form_as_slack_submits_it_is_saved(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The settings form submitted in Slack's shape (`tests/slack/payloads/`): each input's
    state as Slack gives it for its kind of element, an empty text field's `value` null, an
    empty people menu's `selected_users` `[]`, the view's blocks as the bot opened it. Only
    what the admin changed is saved, the form becomes the saved notice, and the same
    submission again changes nothing more."""
    caplog.set_level(logging.INFO)
    slack.here.workspace.user(slack.user("alice")).is_admin = True
    await slack.here.slash_command(slack.user("alice"), "/askaround", "settings")
    await slack.settle()
    (opened,) = slack.emu.calls_to("views.open")
    _kind, payload = request_of(slack, "settings_form_submitted")
    payload["view"]["blocks"] = opened.args["view"]["blocks"]
    body = urlencode({"payload": json.dumps(payload)})
    status, acked = await send(slack, "application/x-www-form-urlencoded", body)
    assert status == 200 and json.loads(acked)["response_action"] == "update"
    saved = json.dumps(json.loads(acked)["view"], ensure_ascii=False)
    assert "Kudos a day:* “7”" in saved and "Digest hour:* `16:00`" in saved
    assert "Company values" not in saved and "Askaround admins" not in saved
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert (now.daily_allowance, now.digest_hour) == (7, 16)
    assert now.kudos_channel == slack.channel("general")
    assert now.watched_channels == (slack.channel("general"),)
    assert now.askaround_admins == ()
    _, again = await send(slack, "application/x-www-form-urlencoded", body)
    assert "Kudos a day" not in again
    assert warnings(caplog) == []


async def test_shortcuts_on_a_screenshot_alone_prefill_its_author_and_ask_for_words(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """*Give kudos* and *Find an expert* on a message that is only a screenshot (`text` empty,
    the file in `files`, `tests/slack/payloads/`): the form opens once with its author in it,
    and the asker is told once what is missing; no question is asked."""
    caplog.set_level(logging.INFO)
    assert await sent_twice(slack, "give_kudos_on_a_files_only_message") == [(200, "")] * 2
    (opened,) = slack.emu.calls_to("views.open")
    recipients = next(b for b in opened.args["view"]["blocks"] if b["block_id"] == "recipients")
    assert recipients["element"]["initial_users"] == [slack.user("bob")]
    assert await sent_twice(slack, "find_expert_on_a_files_only_message") == [(200, "")] * 2
    assert said(slack) == ["Tell me a bit more: what do you need help with?"]
    assert await questions(slack) == 0
    assert warnings(caplog) == []


async def test_the_global_give_kudos_form_as_slack_submits_it_gives_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The form the global shortcut opens, submitted in Slack's shape with two company values
    picked (`selected_options`, each with its text) and the channel to post in
    (`selected_conversation`), then again as a double click does: one public kudos with both
    values, its shout-out in the channel picked, and the giver told once."""
    caplog.set_level(logging.INFO)
    assert await sent_twice(slack, "give_kudos_global_form_submitted") == [(200, "")] * 2
    (kudos,) = await ledger(slack)
    assert (kudos.receiver_user_id, kudos.values) == (slack.user("bob"), ["teamwork", "craft"])
    assert kudos.channel_id == slack.channel("general") and not kudos.is_private
    assert len([text for text in said(slack) if text.startswith("Kudos sent to")]) == 1
    assert warnings(caplog) == []


async def test_shortcuts_in_a_dm_between_two_people_are_private(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """*Give kudos* and *Find an expert* on Bob's message in a DM between Alice and Bob, the
    app in neither (`channel.name` `directmessage`, a D id the bot cannot read,
    `tests/slack/payloads/`): the form opens with Bob in it, and once submitted the kudos is
    private, its shout-out posted by the shortcut's `response_url`; the question is asked
    once, privately. Nothing is logged as a problem."""
    caplog.set_level(logging.INFO)
    opened = await send(slack, *body_of(slack, "give_kudos_in_a_dm_between_two_people"))
    modal = slack.here.open_modal(slack.user("alice"))
    assert opened == (200, "") and modal is not None
    assert prefilled(modal) == [slack.user("bob")]
    await submit_modal(slack, "alice", modal, reason="fixed the deploy pipeline for us")
    await slack.drain()
    (kudos,) = await ledger(slack)
    assert (kudos.receiver_user_id, kudos.is_private) == (slack.user("bob"), True)
    assert len(slack.emu.calls_to("response_url")) == 1
    assert await sent_twice(slack, "find_expert_in_a_dm_between_two_people") == [(200, "")] * 2
    async with slack.services.sessions() as s:
        asked = list(await s.scalars(select(Question)))
    assert [(q.source, q.is_private) for q in asked] == [("shortcut", True)]
    assert warnings(caplog) == []
