"""A lean Slack: successful answers that carry only the fields a stand-in for Slack can be
counted on to send, as an independent fake of Slack's Web API may answer.

Slack's reference shows whole example answers but promises little of them: an object's id,
its kind, what the method is for (a post's ``ts``, an upload's ``upload_url``). Everything
else (a person's time zone and profile, whether a conversation is private or the bot in it,
``response_metadata`` with no further page) is left out here, so a test shows what the bot
does when a Slack does not say it.
"""

from __future__ import annotations

from typing import Any

# What each method's answer keeps: a field named keeps its whole value; a nested dict keeps
# those fields of an object (or of each object of a list). Methods not named keep all.
Kept = dict[str, Any]
WHOLE = True
_USER: Kept = {"id": WHOLE, "team_id": WHOLE, "name": WHOLE, "deleted": WHOLE, "is_bot": WHOLE}
_MESSAGE: Kept = {
    "type": WHOLE,
    "subtype": WHOLE,
    "user": WHOLE,
    "bot_id": WHOLE,
    "text": WHOLE,
    "ts": WHOLE,
    "thread_ts": WHOLE,
    "blocks": WHOLE,
    "metadata": WHOLE,  # asked for with include_all_metadata: what it is for
}
_VIEW: Kept = {
    "id": WHOLE,
    "team_id": WHOLE,
    "type": WHOLE,
    "blocks": WHOLE,
    "private_metadata": WHOLE,
    "callback_id": WHOLE,
    "hash": WHOLE,
}
KEPT: dict[str, Kept] = {
    "auth.test": {"url": WHOLE, "team": WHOLE, "user": WHOLE, "team_id": WHOLE, "user_id": WHOLE},
    "users.info": {"user": _USER},
    "users.lookupByEmail": {"user": _USER},
    "users.list": {"members": _USER},
    "conversations.info": {"channel": {"id": WHOLE, "name": WHOLE, "created": WHOLE}},
    "conversations.open": {"channel": {"id": WHOLE}},
    "conversations.members": {"members": WHOLE},
    "users.conversations": {"channels": {"id": WHOLE}},
    "conversations.history": {"messages": _MESSAGE, "has_more": WHOLE},
    "conversations.replies": {"messages": _MESSAGE, "has_more": WHOLE},
    "chat.postMessage": {"channel": WHOLE, "ts": WHOLE},
    "chat.postEphemeral": {"message_ts": WHOLE},
    "chat.update": {"channel": WHOLE, "ts": WHOLE},
    "chat.delete": {"channel": WHOLE, "ts": WHOLE},
    "chat.getPermalink": {"channel": WHOLE, "permalink": WHOLE},
    "views.open": {"view": _VIEW},
    "views.push": {"view": _VIEW},
    "views.update": {"view": _VIEW},
    "views.publish": {"view": _VIEW},
    "files.getUploadURLExternal": {"upload_url": WHOLE, "file_id": WHOLE},
    "files.completeUploadExternal": {"files": {"id": WHOLE}},
    "team.info": {"team": {"id": WHOLE, "name": WHOLE, "domain": WHOLE}},
}


def lean(method: str, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` (a successful answer) as a lean Slack sends it; a copy, ``body`` unchanged.
    A further page's cursor is kept: without it a paged list would end early."""
    kept = KEPT.get(method)
    answer = {"ok": body["ok"], **_kept(body, kept)} if kept is not None else dict(body)
    cursor = (body.get("response_metadata") or {}).get("next_cursor")
    answer.pop("response_metadata", None)
    answer.pop("warning", None)
    if cursor:
        answer["response_metadata"] = {"next_cursor": cursor}
    return answer


def _kept(value: Any, kept: Kept) -> Any:
    if isinstance(value, list):
        return [_kept(item, kept) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        key: value[key] if shape is WHOLE else _kept(value[key], shape)
        for key, shape in kept.items()
        if key in value
    }
