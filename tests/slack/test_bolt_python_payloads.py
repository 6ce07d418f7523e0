"""Slack's request bodies as slackapi/bolt-python's, slackapi/python-slack-sdk's,
slackapi/node-slack-sdk's and slack-go/slack's own tests send them
(`tests/data/slack/bolt_python/`, `tests/data/slack/python_slack_sdk/`,
`tests/data/slack/node_slack_sdk/`,
`tests/data/slack/slack_go/`: events
of every kind, commands, interactions, Socket Mode envelopes), signed and sent through the front
door twice (the second as Slack's retry), each read two ways (`tests/slack/bolt_python.py`):

- as kept, from workspaces that never installed askaround: each acked, nothing written,
  nobody told anything, no Slack call made for it, nothing logged as a problem;
- in the test workspace: each acked and quiet, and what askaround answers (a mention, a DM,
  the Home tab opened, a reaction, an uninstall) has its effect once.

Bodies the SDKs' tests trimmed to the fields they read are refused as malformed, each with
one line, having done nothing."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import func, select

from handlers.dispatch.another_workspace import NOT_HERE
from storage.models import InboxItem, Question
from tests.slack.bolt_python import Kind, elsewhere, here, names, over_http, request
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import said, send, warnings

pytestmark = pytest.mark.database_independent

ANOTHER = "a request for workspace"

# Bodies bolt-python's unit tests cut down to what they read, which Slack never sends: its
# Slack Connect team-id tests' events without a `ts` (or words), its dialogs' tests, a form
# submitted without `state.values`.
TRIMMED = {
    f"bolt_python/internals__slack_connect_from_{grid}_{line}"
    for grid, line in [
        ("grid", 1024),
        ("grid", 1056),
        ("grid", 1111),
        ("non_grid", 609),
        ("non_grid", 665),
        ("non_grid", 718),
        ("non_grid", 747),
        ("non_grid", 833),
        ("non_grid", 861),
        ("non_grid", 982),
    ]
} | {"bolt_python/view_submission__response_url_payload_body"}
# …and slack-go's: its events cut down to a type and a user (an `app_mention` with no channel or
# ts), Slack's docs' `bot_message` example without its channel, its interactions without who
# acted, the action or the view's callback_id.
TRIMMED |= {
    f"slack_go/{name}"
    for name in [
        "inner_events__bot_message",
        "outer_events__call_back",
        "parsers__parser_outer_call_back",
        "parsers__that_outer_callback_event_has_inner",
        "parsers__parse_event_exposes_is_ext_shared_channel",
        "interactions__interaction_callback_interaction_type_block_actions_unmarshal",
        "interactions__interaction_callback_parser",
        "interactions__interaction_callback_user_username",
        "interactions__view_closed_callback",
        "interactions__view_submission_callback",
    ]
}
# In the test workspace: mentions of the bot (a greeting under each), words typed in the DM
# with it (each a question), the Home tab opened, a reaction (the workspace's settings made at
# its first read), and the app removed (each on a bot of its own).
MENTIONS = [
    "bolt_python/app__app_mention_event_body",
    "bolt_python/app_bot_only__app_mention_body",
    "bolt_python/block_actions_respond__success_app_mention",
    "bolt_python/events_request_verification__app_mention_body",
    "bolt_python/events_say_stream__org_app_mention_event_body",
    "python_slack_sdk/mock_socket_mode_server__socket_mode_envelopes_15",
    "node_slack_sdk/socket_mode_client__events_api_app_mention",
]
IN_THE_DM = [
    "bolt_python/attaching_conversation_kwargs__file_share_im_message_event_body",
    "bolt_python/events_assistant__user_message_event_body",
    "bolt_python/events_assistant__user_message_event_body_with_action_token",
    "bolt_python/events_assistant__user_message_event_body_with_assistant_thread",
    "bolt_python/payload_utils__file_share_im_message_body",
    "bolt_python/payload_utils__im_message_no_thread_ts_body",
]
HOME = "bolt_python/payload_utils__app_home_opened_home_body"
MESSAGES_TAB = [
    "bolt_python/events_org_apps__app_home_opened",
    "bolt_python/payload_utils__app_home_opened_messages_body",
]
REACTIONS = [
    "bolt_python/events__reaction_added_body",
    "bolt_python/events_ignore_self__self_event",
    "bolt_python/events_shared_channels__reaction_added_body",
    "bolt_python/events_shared_channels__self_events_self_event",
    "bolt_python/events_socket_mode__self_events_self_event",
]
REMOVED = [
    "bolt_python/events__uninstallation_and_revokes_app_uninstalled_body",
    "bolt_python/events__uninstallation_and_revokes_tokens_revoked_body",
    "bolt_python/events_shared_channels__uninstallation_and_revokes_app_uninstalled_body",
    "bolt_python/events_shared_channels__uninstallation_and_revokes_tokens_revoked_body",
]
# An org-wide install's removal, naming its organisation alone: no workspace of askaround's is
# named, so it reaches its listener, which says so in one INFO line and changes nothing
# (tests/slack/test_real_org_wide.py); the inbox keeps it, as every request that reaches one.
ORGANISATION_ALONE = {
    "bolt_python/events_token_revocations__app_uninstalled",
    "bolt_python/events_token_revocations__tokens_revoked",
}
# slack-go's, in the test workspace: mentions of the bot with words (each asked; its mention
# with a file, made through an app, `bot_id` and all, is an app's post and left alone), words typed
# in the DM (a question asked, "Search slack" answered with what askaround is for), the Home
# tab opened, the app removed, and Slack saying it drops the workspace's events for a minute.
GO_MENTIONS = [
    "slack_go/inner_events__app_mention",
    "slack_go/inner_events__app_mention_with_action_token",
    "slack_go/inner_events__app_mention_with_assistant_thread",
    "slack_go/parsers__parse_event_api_app_mention_with_action_token",
    "slack_go/parsers__parse_event_api_app_mention_with_assistant_thread",
]
GO_IN_THE_DM = [
    "slack_go/inner_events__message_event_with_action_token",
    "slack_go/inner_events__message_event_with_assistant_thread",
    "slack_go/parsers__parse_event_api_message_im_with_action_token",
    "slack_go/parsers__parse_event_api_message_im_with_assistant_thread",
]
GO_HOME = [
    "slack_go/inner_events__app_home_opened_event_full_event_parsing_with_view",
    "slack_go/inner_events__app_home_opened_event_full_event_parsing_without_view",
    "slack_go/inner_events__app_home_opened_event_with_view",
    "slack_go/inner_events__app_home_opened_event_without_view",
]
GO_REMOVED = ["slack_go/inner_events__app_uninstalled", "slack_go/inner_events__tokens_revoked"]
RATE_LIMITED = "slack_go/outer_events__app_rate_limited"
ANSWERED = {*MENTIONS, *IN_THE_DM, HOME, *MESSAGES_TAB, *REACTIONS, *REMOVED}
ANSWERED |= {*GO_MENTIONS, *GO_IN_THE_DM, *GO_HOME, *GO_REMOVED, RATE_LIMITED}


async def sent_twice(slack: SlackHarness, kind: Kind, body: dict[str, object]) -> tuple[int, str]:
    """Sent, then again as Slack's retry (an event's) or a duplicate: the second answered as
    the first, or 200 and empty."""
    first = await send(slack, *over_http(kind, body))
    again = await send(slack, *over_http(kind, body), retry=1)
    assert again in ((200, ""), first), (first, again)
    await slack.drain()
    return first


def quiet(caplog: pytest.LogCaptureFixture, name: str) -> bool:
    """Nothing logged as a problem; a trimmed body's one line that it was refused, and the
    line for whoever runs askaround the first time a workspace it does not run for sends
    something (`handlers.dispatch.another_workspace`)."""
    expected = ["refused a signed request that Slack would not send"] if name in TRIMMED else []
    problems = [m.split(":")[0] for m in warnings(caplog) if not m.startswith(ANOTHER)]
    return problems == expected * 2 and not [r for r in caplog.records if r.exc_info]


@pytest.mark.parametrize("name", names())
@pytest.mark.asyncio(loop_scope="module")
async def test_from_a_workspace_that_never_installed_askaround_nothing_is_done(
    unchanged: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """Each body with its own ids: a workspace (T111, T_INSTALLED…) that never installed
    askaround, which runs for the test workspace alone. Acked, nothing written (`unchanged`,
    the inbox too, but for an org-wide removal naming no workspace), no Slack call for it,
    nobody told anything but, for a command, that askaround is not installed there. Before, a
    mention there was greeted with this workspace's token (a delivery queued here, failing
    `channel_not_found`), a reaction made this workspace's settings, a DM was answered with a
    WARNING that nobody could be told, and the app removed there was marked removed in a
    workspace row made for it."""
    caplog.set_level(logging.INFO)
    told, kept = said(unchanged), await inbox(unchanged)
    kind, body = elsewhere(unchanged, name)
    delivery, payload = request(kind, body)
    status, text = await sent_twice(unchanged, kind, body)
    if name in TRIMMED:
        assert status == 400
    elif payload.get("type") == "url_verification":
        assert (status, json.loads(text)) == (200, {"challenge": payload["challenge"]})
    else:
        assert (status, text) == (200, NOT_HERE if delivery == "command" else "")
    assert [c.method for c in unchanged.emu.calls if c.method != "auth.test"] == []
    assert said(unchanged) == told and quiet(caplog, name)
    assert await inbox(unchanged) == kept + (name in ORGANISATION_ALONE)


async def inbox(slack: SlackHarness) -> int:
    """How many requests the inbox keeps (`unchanged` compares every other table)."""
    async with slack.services.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(InboxItem)) or 0)


@pytest.mark.parametrize("name", [n for n in names() if n not in ANSWERED])
@pytest.mark.asyncio(loop_scope="module")
async def test_in_this_workspace_each_is_acked_quietly(
    unchanged: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """Each body in the test workspace that askaround answers nobody for: messages in a
    channel it does not watch and their edits, deletions, files and broadcasts, other apps'
    and its own posts, people joining and leaving, AI-assistant threads, workflow steps and
    functions, an org-wide install's events, every interaction and option request of an id
    askaround never uses, a command it does not have, Slack's URL check. Acked in time, its
    retry too; nothing written, nobody told anything but a command's one line."""
    caplog.set_level(logging.INFO)
    told = said(unchanged)
    kind, body = here(unchanged, name)
    delivery, _payload = request(kind, body)
    status, text = await sent_twice(unchanged, kind, body)
    assert status == (400 if name in TRIMMED else 200)
    if delivery == "command":
        assert "I have no `/" in text
    assert said(unchanged) == told and quiet(caplog, name)


async def test_in_this_workspace_what_askaround_answers_has_its_effect_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The Messages tab opened (an org-wide install's event, and one of a workspace's): Alice
    is welcomed once, in the DM; the mentions of the bot (bolt-python's, python-slack-sdk's)
    each greeted once, in the mention's thread; each message typed in the DM with the bot (a
    file shared, an AI-assistant thread's, a top-level one) asked once, as Alice's; the Home
    tab opened is published for her; reactions (`:grinning:`, `:eyes:`, the bot's own, in a
    shared channel) give no kudos."""
    caplog.set_level(logging.INFO)
    for name in MESSAGES_TAB:
        assert await sent_twice(slack, *here(slack, name)) == (200, "")
    welcome = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert len(welcome) == 1 and "Ask me a whole question here" in welcome[0].text
    mentions, before = [], len(slack.emu.calls_to("chat.postMessage"))
    for name in MENTIONS:
        kind, body = here(slack, name)
        mentions.append(request(kind, body)[1]["event"]["ts"])
        assert await sent_twice(slack, kind, body) == (200, "")
    greeted = [c.args["thread_ts"] for c in slack.emu.calls_to("chat.postMessage")[before:]]
    assert sorted(greeted) == sorted(mentions)
    for name in [*IN_THE_DM, HOME, *REACTIONS]:
        assert await sent_twice(slack, *here(slack, name)) == (200, "")
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.source) for q in await s.scalars(select(Question))]
    assert asked == [(slack.user("alice"), "message")] * len(IN_THE_DM)
    home = slack.here.home_view(slack.user("alice"))
    assert home is not None and "Your expertise profile" in str(home.blocks)
    assert await ledger(slack) == []
    assert warnings(caplog) == [] and not [r for r in caplog.records if r.exc_info]


@pytest.mark.parametrize("name", REMOVED)
async def test_in_this_workspace_the_app_removed_is_marked_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """bolt-python's `app_uninstalled` and `tokens_revoked` (the bot's token among them), in
    one workspace's envelope and in a shared channel's (the envelope naming the other side,
    `authorizations` this one): the workspace is marked removed, quietly."""
    caplog.set_level(logging.INFO)
    assert await sent_twice(slack, *here(slack, name)) == (200, "")
    assert await slack.services.uninstalls.removed_at(slack.team_id) is not None
    assert warnings(caplog) == [] and not [r for r in caplog.records if r.exc_info]


async def test_slack_gos_bodies_in_this_workspace_have_their_effect_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """slack-go's bodies (`tests/data/slack/slack_go/`, Slack's docs' examples in its tests)
    in the test workspace, each sent twice (the second as Slack's retry): every mention of the
    bot answered in the mention's thread, and what it asks asked once, as Alice's;
    in the DM, "Hello, I need help with something." asked once each and "Search slack"
    answered with what askaround is for; the Home tab published, whatever else the event
    carries (`view` or none); the app removed, marked once. Nothing logged as a problem."""
    caplog.set_level(logging.INFO)
    mentions = []
    for name in GO_MENTIONS:
        kind, body = here(slack, name)
        event = request(kind, body)[1]["event"]
        mentions.append(event.get("thread_ts") or event["ts"])
        assert await sent_twice(slack, kind, body) == (200, "")
    threads = {c.args.get("thread_ts") for c in slack.emu.calls_to("chat.postMessage")}
    assert set(mentions) <= threads
    for name in [*GO_IN_THE_DM, *GO_HOME]:
        assert await sent_twice(slack, *here(slack, name)) == (200, "")
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.text) for q in await s.scalars(select(Question))]
    assert {who for who, _ in asked} == {slack.user("alice")}
    assert [t for _, t in asked].count("Hello, I need help with something.") == 2
    dm = [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert sum("Ask me a whole question" in t for t in dm) == 2, dm
    home = slack.here.home_view(slack.user("alice"))
    assert home is not None and "Your expertise profile" in str(home.blocks)
    for name in GO_REMOVED:
        assert await sent_twice(slack, *here(slack, name)) == (200, "")
    assert await slack.services.uninstalls.removed_at(slack.team_id) is not None
    assert warnings(caplog) == [] and not [r for r in caplog.records if r.exc_info]


async def test_slack_saying_it_drops_events_is_one_warning_a_minute(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """slack-go's `app_rate_limited`, sent again as Slack's retry: one WARNING for the minute
    Slack names, its retry at INFO (before: a WARNING for each delivery of the same minute)."""
    caplog.set_level(logging.INFO)
    assert await sent_twice(slack, *here(slack, RATE_LIMITED)) == (200, "")
    said_for = f"Slack is dropping events for workspace {slack.team_id} for the minute from"
    assert [m for m in warnings(caplog) if m.startswith(said_for)] == [f"{said_for} 1518467820"]


@pytest.mark.parametrize("retry", [1, 2, 3])
async def test_an_event_first_seen_as_slacks_retry_is_answered_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, retry: int
) -> None:
    """Slack's first delivery lost (the bot was restarting, or the replica that had it died
    before keeping it): slack-go's mention and DM question reach askaround only as Slack's
    `retry` (`X-Slack-Retry-Num`, `http_timeout`), the last (3) included, then once more.
    Each is answered, once: a retry is not taken for something already done."""
    caplog.set_level(logging.INFO)
    kind, mention = here(slack, "slack_go/inner_events__app_mention")
    _kind, dm = here(slack, "slack_go/inner_events__message_event_with_assistant_thread")
    for body in (mention, dm):
        for again in (retry, min(retry + 1, 3)):
            sent = await send(slack, *over_http(kind, body), retry=again, reason="http_timeout")
            assert sent == (200, "")
    await slack.drain()
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.text) for q in await s.scalars(select(Question))]
    alice = slack.user("alice")
    hello = "Hello, I need help with something."
    assert asked == [(alice, "is it everything a river should be?"), (alice, hello)]
    ts = request(kind, mention)[1]["event"]["ts"]
    replies = [c for c in slack.emu.calls_to("chat.postMessage") if c.args.get("thread_ts") == ts]
    assert len(replies) == 1
    assert warnings(caplog) == [] and not [r for r in caplog.records if r.exc_info]
