"""The emulator's answers against Slack's own, as slackapi/java-slack-sdk recorded them
(`tests/data/slack/java_slack_sdk/api/`): every field the emulator answers a method with is
one Slack was seen to answer it with, of the same JSON type, nested alike; and the recorded
answers themselves, filled in for the workspace (`slack_emulator.recorded`)."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator
from tests.slack.java_samples import answers

pytestmark = pytest.mark.asyncio

# What the emulator answers that Slack's recorded answers do not hold, each read by nothing
# of askaround's: users.info's profile `fields` (users.list's has it, `{}`); users.conversations'
# `is_member` (conversations.info's has it); conversations.replies' `pin_count`
# (conversations.history's has it); a view's `state.values`
# (`state` recorded as `{}`, its keys the blocks'); a Home tab's `close`, `submit` and
# `previous_view_id`, which Slack's reference shows as null.
KNOWN = {
    "users.info.user.profile.fields",
    "users.lookupByEmail.user.profile.fields",
    "users.conversations.channels[].is_member",
    "conversations.replies.pin_count",
}
NULL_IN_SLACKS_REFERENCE = {"view.close", "view.submit", "view.previous_view_id"}
# Objects whose keys are data (a message's metadata, a view's state), not Slack's fields.
OPEN = ("metadata.event_payload", "view.state")


def _kind(value: Any) -> str:
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "boolean"),
        ((int, float), "number"),
        (dict, "object"),
        (list, "array"),
        (str, "string"),
    )
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")


def unlike(path: str, ours: Any, slacks: Any) -> list[str]:
    """The fields of `ours` that Slack's recorded `slacks` has not, or has of another type."""
    if any(path.endswith(o) for o in OPEN):
        return []
    if isinstance(ours, dict) and isinstance(slacks, dict):
        return [
            found
            for key, value in ours.items()
            for found in (
                unlike(f"{path}.{key}", value, slacks[key]) if key in slacks else [f"{path}.{key}"]
            )
        ]
    if isinstance(ours, list) and isinstance(slacks, list):
        merged: Any = slacks[0] if slacks else None
        if slacks and all(isinstance(s, dict) for s in slacks):
            merged = {k: v for s in slacks for k, v in s.items()}
        return sorted({f for item in ours for f in unlike(f"{path}[]", item, merged)})
    if ours is None and any(path.endswith(n) for n in NULL_IN_SLACKS_REFERENCE):
        return []
    if slacks is None or _kind(ours) == _kind(slacks):
        return []
    return [f"{path}: {_kind(ours)}, Slack's {_kind(slacks)}"]


async def every_answer(emu: SlackEmulator, client: AsyncWebClient) -> dict[str, dict[str, Any]]:
    """Each method askaround calls, asked of the emulator as askaround asks it."""
    ws = emu.workspace
    alice = ws.add_user("alice", real_name="Alice Smith", email="alice@example.com")
    general = ws.general.id
    said: dict[str, Any] = {}

    async def ask(method: str, **args: Any) -> dict[str, Any]:
        answer = (await client.api_call(method, json=args)).data
        assert isinstance(answer, dict)
        said[method] = answer
        return answer

    await ask("auth.test")
    await ask("users.info", user=alice.id)
    await ask("users.list")
    await ask("users.lookupByEmail", email="alice@example.com")
    await ask("conversations.info", channel=general)
    await ask("conversations.members", channel=general)
    await ask("conversations.open", users=alice.id)
    group = await ask("conversations.open", users=f"{alice.id},{ws.add_user('bob').id}")
    await ask("users.conversations", types="public_channel,mpim")
    assert group["channel"]["id"]
    ws.chat.post(general, alice.id, "a person's words")
    posted = await ask(
        "chat.postMessage",
        channel=general,
        text="hi",
        blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}],
        metadata={"event_type": "kudos", "event_payload": {"id": 1}},
    )
    await ask("chat.postMessage", channel=general, text="a reply", thread_ts=posted["ts"])
    await ask("conversations.history", channel=general, include_all_metadata=True)
    await ask("conversations.replies", channel=general, ts=posted["ts"])
    await ask("chat.postEphemeral", channel=general, user=alice.id, text="only you")
    await ask("chat.update", channel=general, ts=posted["ts"], text="changed")
    await ask("chat.getPermalink", channel=general, message_ts=posted["ts"])
    await ask("chat.delete", channel=general, ts=posted["ts"])
    modal = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Give kudos"},
        "submit": {"type": "plain_text", "text": "Give"},
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}],
    }
    await ask("views.open", trigger_id=ws.views.issue_trigger(alice.id), view=modal)
    home = {"type": "home", "blocks": modal["blocks"]}
    await ask("views.publish", user_id=alice.id, view=home)
    await client.files_upload_v2(channel=general, content="a,b\n", filename="a.csv")
    said["files.completeUploadExternal"] = emu.calls[-1].response
    return said


async def test_the_emulator_answers_as_slack_was_recorded_answering(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    said = await every_answer(emu, client)
    recorded = answers()
    unlike_slack = {f for m, a in said.items() for f in unlike(m, a, recorded[m])}
    assert unlike_slack == KNOWN


async def test_a_recorded_answer_is_filled_in_for_the_workspace(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """Alice as Slack's recorded users.info describes someone: her id, team, handle and
    whether she is a bot or deactivated are the workspace's; her time zone, names and flags
    are the recording's blanks; a workspace of no Grid organisation names none; nothing of a
    failure's answer is left. A post's ts is the one stored, and its message's; a further
    page's cursor is the emulator's (the recording's is blank)."""
    emu.faults.recorded = answers()
    said = await every_answer(emu, client)
    user = said["users.info"]["user"]
    alice = emu.workspace.user_by_name("alice")
    assert (user["id"], user["team_id"], user["name"]) == (alice.id, emu.team_id, "alice")
    assert (user["deleted"], user["is_bot"]) == (False, False)
    assert (user["tz"], user["tz_offset"], user["real_name"]) == ("", 12345, "")
    assert user["profile"]["display_name"] == "" and user["profile"]["team"] == emu.team_id
    assert "enterprise_user" not in user and "enterprise_id" not in user
    assert not {"error", "needed", "provided"} & said["users.info"].keys()
    assert said["users.info"]["ok"] is True
    listed = [m["id"] for m in said["users.list"]["members"]]
    assert alice.id in listed and set(listed) <= emu.workspace.users.keys(), listed
    posted = said["chat.postMessage"]
    assert posted["ts"] == posted["message"]["ts"] and posted["channel"] == emu.workspace.general.id
    assert "bot_id" in posted["message"] and "thread_ts" in posted["message"]
    history = said["conversations.history"]["messages"]
    persons = [m for m in history if m.get("user") == alice.id]
    assert len(persons) == 1 and "bot_id" not in persons[0], persons
    assert persons[0]["subtype"] == "" and persons[0]["edited"] == {}
    uploaded = said["files.completeUploadExternal"]["files"]
    assert [f["id"] for f in uploaded] == list(emu.workspace.files)
    page = (await client.users_list(limit=1)).data
    assert isinstance(page, dict) and len(page["members"]) == 1
    assert page["response_metadata"]["next_cursor"], "a further page's cursor is kept"
    assert said["users.list"]["response_metadata"] == {"next_cursor": ""}, "the last page's"
