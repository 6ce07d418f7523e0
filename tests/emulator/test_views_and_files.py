"""views.* trigger and hash rules, and the two-step file upload, through AsyncWebClient."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator

pytestmark = pytest.mark.asyncio

MODAL = {
    "type": "modal",
    "callback_id": "ask",
    "title": {"type": "plain_text", "text": "Ask"},
    "submit": {"type": "plain_text", "text": "Send"},
    "private_metadata": "meta",
    "blocks": [
        {
            "type": "input",
            "block_id": "q",
            "label": {"type": "plain_text", "text": "Question"},
            "element": {"type": "plain_text_input", "action_id": "text"},
        }
    ],
}


async def _code(call: object) -> str:
    with pytest.raises(SlackApiError) as caught:
        await call  # type: ignore[misc]
    return str(caught.value.response["error"])


async def test_views_open_uses_a_trigger_once(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """A trigger_id opens one modal for its person; reuse is exchanged_trigger_id, an unknown
    one invalid_trigger_id, an old one expired_trigger_id."""
    alice = emu.workspace.add_user("alice")
    trigger = emu.workspace.views.issue_trigger(alice.id)
    opened = await client.views_open(trigger_id=trigger, view=MODAL)
    view = opened["view"]
    assert view["id"].startswith("V") and view["hash"] and view["callback_id"] == "ask"
    assert view["private_metadata"] == "meta" and view["root_view_id"] == view["id"]
    assert emu.open_modal(alice.id) is not None
    assert await _code(client.views_open(trigger_id=trigger, view=MODAL)) == "exchanged_trigger_id"
    assert await _code(client.views_open(trigger_id="1.2.nope", view=MODAL)) == "invalid_trigger_id"
    emu.workspace.views.trigger_ttl = 0.0
    stale = emu.workspace.views.issue_trigger(alice.id)
    assert await _code(client.views_open(trigger_id=stale, view=MODAL)) == "expired_trigger_id"


async def test_views_push_update_and_hash(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """push stacks a view over the open one; update with a stale hash is hash_conflict;
    update of an unknown id is not_found; an invalid view is invalid_arguments."""
    ws = emu.workspace
    alice = ws.add_user("alice")
    root = (await client.views_open(trigger_id=ws.views.issue_trigger(alice.id), view=MODAL))[
        "view"
    ]
    pushed = await client.views_push(trigger_id=ws.views.issue_trigger(alice.id), view=MODAL)
    assert pushed["view"]["previous_view_id"] == root["id"]
    assert [v.id for v in ws.views.stack(alice.id)] == [root["id"], pushed["view"]["id"]]
    changed = dict(MODAL, title={"type": "plain_text", "text": "Changed"})
    updated = await client.views_update(view_id=root["id"], view=changed, hash=root["hash"])
    assert updated["view"]["title"]["text"] == "Changed" and updated["view"]["id"] == root["id"]
    stale = client.views_update(view_id=root["id"], view=changed, hash=root["hash"])
    assert await _code(stale) == "hash_conflict"
    assert await _code(client.views_update(view_id="V9999", view=changed)) == "not_found"
    bad = dict(MODAL, title={"type": "plain_text", "text": "x" * 25})
    assert await _code(client.views_update(view_id=root["id"], view=bad)) == "invalid_arguments"


async def test_home_publish_keeps_one_view_per_person(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """views.publish sets the person's Home tab; publishing again keeps the id, changes the hash."""
    alice = emu.workspace.add_user("alice")
    home = {
        "type": "home",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}],
    }
    first = (await client.views_publish(user_id=alice.id, view=home))["view"]
    second = (await client.views_publish(user_id=alice.id, view=home))["view"]
    assert first["id"] == second["id"] and first["hash"] != second["hash"]
    stored = emu.home_view(alice.id)
    assert stored is not None and stored.blocks[0]["text"]["text"] == "hi"
    assert await _code(client.views_publish(user_id="U404", view=home)) == "user_not_found"
    # views.publish: view_too_large, "greater than 250kb": 42 sections of 3,000 two-byte
    # letters weigh 252,000 bytes and more, 40 of them 240,000 and more
    heavy = {"type": "section", "text": {"type": "mrkdwn", "text": "é" * 3000}}
    large = dict(home, blocks=[heavy] * 42)
    assert await _code(client.views_publish(user_id=alice.id, view=large)) == "view_too_large"
    assert await client.views_publish(user_id=alice.id, view=dict(home, blocks=[heavy] * 40))
    kinds = [e.kind for e in emu.effects_since(0)]
    assert kinds.count("home_published") == 3


async def test_files_upload_v2_end_to_end(emu: SlackEmulator, client: AsyncWebClient) -> None:
    """slack_sdk's files_upload_v2 (getUploadURLExternal, POST, completeUploadExternal) stores
    the bytes and shares the file in the channel with the initial comment."""
    general = emu.workspace.general.id
    answer = await client.files_upload_v2(
        channel=general,
        content="name,kudos\nbob,3\n",
        filename="kudos.csv",
        initial_comment="Export",
    )
    file_id = answer["file"]["id"]
    stored = emu.workspace.files[file_id]
    assert stored.content == b"name,kudos\nbob,3\n" and stored.title == "kudos.csv"
    shared = emu.messages(general)[-1]
    assert shared.files == [file_id] and shared.text == "Export"
    assert [c.method for c in emu.calls] == [
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
    ]


async def test_files_complete_without_upload_fails(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """Completing a file whose bytes were never uploaded is refused."""
    reserved = await client.files_getUploadURLExternal(filename="a.txt", length=3)
    error = client.files_completeUploadExternal(files=[{"id": reserved["file_id"]}])
    assert await _code(error) == "file_not_found"
