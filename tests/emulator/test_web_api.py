"""The emulator's Web API, driven by slack_sdk's real AsyncWebClient."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator

pytestmark = pytest.mark.asyncio


async def _error(call: object) -> SlackApiError:
    with pytest.raises(SlackApiError) as caught:
        await call  # type: ignore[misc]
    return caught.value


async def test_auth_test_describes_the_bot_like_slack(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """auth.test answers the fields Bolt's authorization reads (bot_id, user_id, team_id)."""
    answer = await client.auth_test()
    assert answer["ok"] is True
    assert answer["user_id"] == emu.bot_user_id == "U0ASKAROUND"
    assert answer["bot_id"] == "B0ASKAROUND"
    assert answer["team_id"] == "T0EMULATE"
    assert answer["url"] == "https://emulated-co.slack.com/"
    assert answer["is_enterprise_install"] is False


async def test_tokens_are_checked(emu: SlackEmulator) -> None:
    """Missing token: not_authed; unknown: invalid_auth; app token on a bot method and the
    reverse: not_allowed_token_type."""
    no_token = AsyncWebClient(base_url=emu.api_url)
    assert (await _error(no_token.auth_test())).response["error"] == "not_authed"
    wrong = AsyncWebClient(token="xoxb-nope", base_url=emu.api_url)
    assert (await _error(wrong.auth_test())).response["error"] == "invalid_auth"
    app = AsyncWebClient(token="xapp-emulator", base_url=emu.api_url)
    assert (await _error(app.auth_test())).response["error"] == "not_allowed_token_type"
    bot = AsyncWebClient(token="xoxb-emulator", base_url=emu.api_url)
    refused = await _error(bot.apps_connections_open(app_token="xoxb-emulator"))
    assert refused.response["error"] == "not_allowed_token_type"
    opened = await bot.apps_connections_open(app_token="xapp-emulator")
    assert opened["url"].startswith("ws://127.0.0.1:")


async def test_unknown_method_is_a_404_like_slack(client: AsyncWebClient) -> None:
    """An unknown method answers HTTP 404 with unknown_method."""
    error = await _error(client.api_call("chat.postMessagee", json={"channel": "C1"}))
    assert error.response.status_code == 404
    assert error.response["error"] == "unknown_method"


async def test_post_message_shape_and_record(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """chat.postMessage returns channel, ts and the stored message (with generated block_id),
    and the call is recorded with its decoded arguments."""
    general = emu.workspace.general.id
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}]
    answer = await client.chat_postMessage(channel=general, text="hi", blocks=blocks)
    assert answer["channel"] == general
    message = answer["message"]
    assert message["ts"] == answer["ts"]
    assert message["bot_id"] == "B0ASKAROUND" and message["user"] == emu.bot_user_id
    assert message["blocks"][0]["block_id"]
    assert [m.text for m in emu.messages(general)] == ["hi"]
    call = emu.calls_to("chat.postMessage")[0]
    assert call.ok and call.status == 200 and call.args["blocks"] == blocks


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
async def test_post_message_errors(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """Slack's errors: channel_not_found, no_text, not_in_channel, invalid_blocks,
    msg_blocks_too_long, invalid_metadata_format, invalid_attachments, too_many_attachments."""
    general = emu.workspace.general.id
    outside = emu.workspace.add_channel("outside", include_bot=False).id
    cases = [
        (client.chat_postMessage(channel="C404", text="x"), "channel_not_found"),
        (client.api_call("chat.postMessage", json={"text": "x"}), "channel_not_found"),
        (client.chat_postMessage(channel=general), "no_text"),
        (client.chat_postMessage(channel=outside, text="x"), "not_in_channel"),
    ]
    for call, code in cases:
        assert (await _error(call)).response["error"] == code
    too_many = [{"type": "divider"}] * 51
    error = await _error(client.chat_postMessage(channel=general, text="x", blocks=too_many))
    assert error.response["error"] == "invalid_blocks"
    assert "no more than 50 items" in error.response["response_metadata"]["messages"][0]
    long_section = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    error = await _error(client.chat_postMessage(channel=general, text="x", blocks=long_section))
    assert "less than 3001 characters" in error.response["response_metadata"]["messages"][0]
    five = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 2500}}] * 5
    error = await _error(client.chat_postMessage(channel=general, text="x", blocks=five))
    assert error.response["error"] == "msg_blocks_too_long"  # 12,500 characters in all
    assert await client.chat_postMessage(channel=general, text="x", blocks=five[:4])
    error = await _error(client.chat_postMessage(channel=general, text="x", metadata={"a": 1}))
    assert error.response["error"] == "invalid_metadata_format"
    bad = [{"blocks": [{"type": "divider"}] * 51}]
    error = await _error(client.chat_postMessage(channel=general, text="x", attachments=bad))
    assert error.response["error"] == "invalid_attachments"
    many = [{"text": "x"}] * 101  # chat.postMessage: "A maximum of 100 attachments"
    error = await _error(client.chat_postMessage(channel=general, text="x", attachments=many))
    assert error.response["error"] == "too_many_attachments"
    assert await client.chat_postMessage(channel=general, text="x", attachments=many[:100])


async def test_chat_write_public_posts_where_the_bot_is_not_a_member(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """With chat:write.public the bot posts in a public channel it has not joined; a private
    one still answers channel_not_found; a DM the bot posted in can be cleaned up."""
    outside = emu.workspace.add_channel("outside", include_bot=False).id
    hidden = emu.workspace.add_channel("hidden", is_private=True, include_bot=False).id
    emu.workspace.bot_scopes = frozenset({"chat:write", "chat:write.public"})
    posted = await client.chat_postMessage(channel=outside, text="shout-out")
    assert [m.text for m in emu.messages(outside)] == ["shout-out"] and posted["channel"] == outside
    error = await _error(client.chat_postMessage(channel=hidden, text="x"))
    assert error.response["error"] == "channel_not_found"
    bob = emu.workspace.add_user("bob")
    dm = await client.chat_postMessage(channel=bob.id, text="you got kudos")
    await client.chat_delete(channel=dm["channel"], ts=dm["ts"])
    assert emu.dm_messages(bob.id) == []


async def test_post_to_a_user_id_opens_the_dm(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """Posting with channel=<user id> lands in the bot's DM with that person, as on Slack."""
    bob = emu.workspace.add_user("bob")
    answer = await client.chat_postMessage(channel=bob.id, text="psst")
    assert answer["channel"].startswith("D")
    assert [m.text for m in emu.dm_messages(bob.id)] == ["psst"]


async def test_update_delete_permalink(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """chat.update keeps the old version, chat.delete hides the message, unknown ts is
    message_not_found, and a person's message cannot be edited by the bot."""
    general = emu.workspace.general.id
    posted = await client.chat_postMessage(channel=general, text="v1")
    updated = await client.chat_update(channel=general, ts=posted["ts"], text="v2")
    assert updated["text"] == "v2" and updated["message"]["edited"]["ts"]
    message = emu.messages(general)[0]
    assert [r.text for r in message.revisions] == ["v1"]
    link = await client.chat_getPermalink(channel=general, message_ts=posted["ts"])
    assert link["permalink"].endswith("p" + posted["ts"].replace(".", ""))
    missing = await _error(client.chat_update(channel=general, ts="1.000001", text="x"))
    assert missing.response["error"] == "message_not_found"
    alice = emu.workspace.add_user("alice")
    theirs = emu.workspace.chat.post(general, alice.id, "mine")
    refused = await _error(client.chat_update(channel=general, ts=theirs.ts, text="x"))
    assert refused.response["error"] == "cant_update_message"
    await client.chat_delete(channel=general, ts=posted["ts"])
    assert [m.text for m in emu.messages(general)] == ["mine"]


async def test_ephemeral_needs_the_user_in_the_channel(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """chat.postEphemeral returns message_ts and only the viewer gets it; a non-member is
    user_not_in_channel."""
    alice = emu.workspace.add_user("alice")
    stranger_channel = emu.workspace.add_channel("closed", members=[])
    answer = await client.chat_postEphemeral(
        channel=emu.workspace.general.id, user=alice.id, text="psst"
    )
    assert answer["message_ts"]
    assert [e.text for e in emu.ephemerals(alice.id)] == ["psst"]
    error = await _error(
        client.chat_postEphemeral(channel=stranger_channel.id, user=alice.id, text="x")
    )
    assert error.response["error"] == "user_not_in_channel"


async def test_users_info_list_and_lookup(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """users.info / lookupByEmail shapes and errors; users.list pages with limit and cursor
    (and includes Slackbot, as Slack's does)."""
    ws = emu.workspace
    people = [
        ws.add_user(f"p{i}", email=f"p{i}@example.com", tz="America/New_York") for i in range(5)
    ]
    info = await client.users_info(user=people[0].id)
    assert info["user"]["profile"]["email"] == "p0@example.com"
    assert info["user"]["tz_offset"] in (-5 * 3600, -4 * 3600)
    assert (await _error(client.users_info(user="U404"))).response["error"] == "user_not_found"
    found = await client.users_lookupByEmail(email="P3@example.com")
    assert found["user"]["id"] == people[3].id
    missing = await _error(client.users_lookupByEmail(email="nobody@example.com"))
    assert missing.response["error"] == "users_not_found"
    seen: list[str] = []
    cursor = None
    while True:
        page = await client.users_list(limit=3, cursor=cursor)
        seen += [m["id"] for m in page["members"]]
        cursor = page["response_metadata"]["next_cursor"]
        if not cursor:
            break
    assert seen == list(ws.users)
    assert "USLACKBOT" in seen and len(seen) == 7
    bad = await _error(client.users_list(cursor="garbage"))
    assert bad.response["error"] == "invalid_cursor"


async def test_users_profile_get(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """users.profile.get answers a person's profile (the bot's own without ``user``), the names
    an app such as karmabot shows; an unknown id is user_not_found."""
    alice = emu.workspace.add_user("alice", real_name="Alice Liddell", email="a@example.com")
    profile = (await client.users_profile_get(user=alice.id))["profile"]
    assert profile["display_name_normalized"] == "alice"
    assert profile["real_name_normalized"] == "Alice Liddell"
    assert profile["email"] == "a@example.com"
    own = (await client.users_profile_get())["profile"]
    assert own["display_name"] == emu.workspace.bot_user.name
    missing = await _error(client.users_profile_get(user="U404"))
    assert missing.response["error"] == "user_not_found"


async def test_someone_slack_will_not_describe(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """`Workspace.undescribed`: users.info and users.profile.get answer the error named for
    the person (Slack's answer about some members of another organisation), and users.list
    leaves them out; everyone else is described as before."""
    ws = emu.workspace
    alice, zed, yan = ws.add_user("alice"), ws.add_user("zed"), ws.add_user("yan")
    ws.undescribed[zed.id] = "user_not_found"
    ws.undescribed[yan.id] = "user_not_visible"
    assert (await _error(client.users_info(user=zed.id))).response["error"] == "user_not_found"
    assert (await _error(client.users_info(user=yan.id))).response["error"] == "user_not_visible"
    assert (await _error(client.users_profile_get(user=zed.id))).response[
        "error"
    ] == "user_not_found"
    assert (await client.users_info(user=alice.id))["user"]["id"] == alice.id
    listed = [m["id"] for m in (await client.users_list())["members"]]
    assert alice.id in listed and zed.id not in listed and yan.id not in listed


async def test_conversations_open_im_and_mpim(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """One user opens a DM (D…), several a group DM; opening again is a no-op with the same id."""
    ws = emu.workspace
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    first = await client.conversations_open(users=alice.id)
    again = await client.conversations_open(users=[alice.id])
    assert first["channel"]["id"].startswith("D") and "no_op" not in first.data
    assert again["channel"]["id"] == first["channel"]["id"] and again["already_open"] is True
    group = await client.conversations_open(users=f"{alice.id},{bob.id}")
    mpim = ws.channel(group["channel"]["id"])
    assert mpim.is_mpim and set(mpim.members) == {alice.id, bob.id, emu.bot_user_id}
    error = await _error(client.conversations_open(users="U404"))
    assert error.response["error"] == "user_not_found"


async def test_conversations_info_members_history_replies(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """Channel metadata, paged members, newest-first history without replies, and threads."""
    ws = emu.workspace
    alice = ws.add_user("alice")
    team = ws.add_channel("team", is_private=True, members=[alice.id])
    info = await client.conversations_info(channel=team.id, include_num_members=True)
    assert info["channel"]["is_private"] and info["channel"]["num_members"] == 2
    members = await client.conversations_members(channel=team.id, limit=1)
    assert members["members"] == [alice.id] and members["response_metadata"]["next_cursor"]
    root = ws.chat.post(team.id, alice.id, "question?")
    ws.chat.post(team.id, alice.id, "later")
    await client.chat_postMessage(channel=team.id, text="answer", thread_ts=root.ts)
    history = await client.conversations_history(channel=team.id)
    assert [m["text"] for m in history["messages"]] == ["later", "question?"]
    assert history["messages"][1]["reply_count"] == 1
    replies = await client.conversations_replies(channel=team.id, ts=root.ts)
    assert [m["text"] for m in replies["messages"]] == ["question?", "answer"]
    missing = await _error(client.conversations_replies(channel=team.id, ts="1.000002"))
    assert missing.response["error"] == "thread_not_found"


async def test_a_permalink_only_where_slack_describes_the_conversation(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """chat.getPermalink links a message in a public channel the bot is not in; in a private
    conversation it is not in, Slack says channel_not_found, as conversations.info does
    (the emulator gave a link)."""
    ws = emu.workspace
    alice = ws.add_user("alice")
    outside = ws.add_channel("outside", members=[alice.id], include_bot=False)
    hidden = ws.add_channel("hidden", is_private=True, members=[alice.id], include_bot=False)
    public = ws.chat.post(outside.id, alice.id, "in the open")
    private = ws.chat.post(hidden.id, alice.id, "between us")
    link = await client.chat_getPermalink(channel=outside.id, message_ts=public.ts)
    assert link["permalink"].endswith("p" + public.ts.replace(".", ""))
    for call in (
        client.chat_getPermalink(channel=hidden.id, message_ts=private.ts),
        client.conversations_info(channel=hidden.id),
    ):
        assert (await _error(call)).response["error"] == "channel_not_found"


async def test_replies_by_a_replys_ts_is_that_reply_alone(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """conversations.replies given a reply's ts answers that reply alone, as Slack does
    (slackapi/bolt-python#783); the emulator answered the whole thread."""
    general = emu.workspace.general.id
    root = await client.chat_postMessage(channel=general, text="root")
    first = await client.chat_postMessage(channel=general, text="one", thread_ts=root["ts"])
    await client.chat_postMessage(channel=general, text="two", thread_ts=root["ts"])
    alone = await client.conversations_replies(channel=general, ts=first["ts"])
    assert [(m["text"], m["thread_ts"]) for m in alone["messages"]] == [("one", root["ts"])]
    assert not alone["has_more"] and not alone["response_metadata"]["next_cursor"]
    whole = await client.conversations_replies(channel=general, ts=root["ts"])
    assert [m["text"] for m in whole["messages"]] == ["root", "one", "two"]


async def test_history_and_replies_show_metadata_only_when_asked(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """Slack leaves a message's `metadata` out of conversations.history and
    conversations.replies unless `include_all_metadata` asks for it; chat.postMessage's own
    answer carries it. The emulator gave it always, so an app that forgot the flag passed here
    and would find no metadata on Slack."""
    general = emu.workspace.general.id
    metadata = {"event_type": "delivery", "event_payload": {"key": "k1"}}
    posted = await client.chat_postMessage(channel=general, text="root", metadata=metadata)
    assert posted["message"]["metadata"] == metadata
    await client.chat_postMessage(
        channel=general, text="reply", thread_ts=posted["ts"], metadata=metadata
    )
    plain = await client.conversations_history(channel=general)
    assert [m.get("metadata") for m in plain["messages"]] == [None]
    thread = await client.conversations_replies(channel=general, ts=posted["ts"])
    assert [m.get("metadata") for m in thread["messages"]] == [None, None]
    asked = await client.conversations_history(channel=general, include_all_metadata=True)
    assert [m["metadata"] for m in asked["messages"]] == [metadata]
    whole = await client.conversations_replies(
        channel=general, ts=posted["ts"], include_all_metadata=True
    )
    assert [m["metadata"] for m in whole["messages"]] == [metadata, metadata]


async def test_form_encoded_and_query_arguments_work(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """Arguments arrive as form fields or a query string as well as JSON, as Slack accepts."""
    form = await client.api_call(
        "chat.postMessage", data={"channel": emu.workspace.general.id, "text": "via form"}
    )
    assert form["ok"]
    query = await client.api_call("auth.test", http_verb="GET", params={})
    assert query["ok"]
    assert emu.messages()[0].text == "via form"


async def test_reactions_and_team_info(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """reactions.add records the reaction once (already_reacted after); team.info describes
    the workspace."""
    general = emu.workspace.general.id
    posted = await client.chat_postMessage(channel=general, text="yay")
    await client.reactions_add(channel=general, timestamp=posted["ts"], name="tada")
    again = await _error(client.reactions_add(channel=general, timestamp=posted["ts"], name="tada"))
    assert again.response["error"] == "already_reacted"
    assert emu.messages()[0].reactions[0].users == [emu.bot_user_id]
    team = await client.team_info()
    assert team["team"]["id"] == "T0EMULATE" and team["team"]["domain"] == "emulated-co"


async def test_wait_for_sees_past_and_future_calls(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """wait_for returns an already-recorded call, or waits for one, honouring ``since``."""
    await client.auth_test()
    past = await emu.wait_for(lambda c: c.method == "auth.test", timeout=0.1)
    assert past.ok
    with pytest.raises(TimeoutError):
        await emu.wait_for(lambda c: c.method == "auth.test", timeout=0.1, since=len(emu.calls))
