"""The two-step file upload that slack_sdk's ``files_upload_v2`` performs.

1. files.getUploadURLExternal reserves a file id and returns an upload URL;
2. the client POSTs the bytes to that URL (served by the emulator, as files.slack.com);
3. files.completeUploadExternal titles the files and shares them in a conversation.
"""

from __future__ import annotations

from typing import Any

from . import api_base as a
from . import shapes
from .api_base import ApiContext, Args, SlackError
from .workspace import Workspace


def get_upload_url(ctx: ApiContext, args: Args) -> dict[str, Any]:
    filename = a.required(args, "filename", "invalid_arguments")
    length = a.integer(args, "length", 0)
    if length <= 0:
        raise SlackError("invalid_arguments")
    file = ctx.ws.new_file(
        name=filename,
        length=length,
        user=ctx.ws.bot_user_id,
        alt_txt=a.text(args, "alt_txt"),
        snippet_type=a.text(args, "snippet_type"),
    )
    url = f"{ctx.base_url}/upload/v1/{ctx.ws.team_id}/{file.id}"
    return {"ok": True, "upload_url": url, "file_id": file.id}


def store_upload(ws: Workspace, file_id: str, data: bytes) -> tuple[int, str]:
    """Accept the bytes for a reserved file; answers like files.slack.com does."""
    file = ws.files.get(file_id)
    if file is None or file.completed:
        return 404, "file_not_found"
    file.content = data
    return 200, f"OK - {len(data)}"


def complete_upload(ctx: ApiContext, args: Args) -> dict[str, Any]:
    ws = ctx.ws
    entries = a.structured(args, "files")
    if not isinstance(entries, list) or not entries:
        raise SlackError("invalid_arguments")
    files = []
    for entry in entries:
        file = ws.files.get(str(entry.get("id", ""))) if isinstance(entry, dict) else None
        if file is None or file.content is None or file.completed:
            raise SlackError("file_not_found")
        files.append((file, entry))
    targets = [c for c in [a.text(args, "channel_id"), *a.id_list(args, "channels")] if c]
    channels = [a.member_channel(ctx, c) for c in dict.fromkeys(targets)]
    for file, entry in files:
        file.title = str(entry.get("title") or file.name)
        file.completed = True
    for channel in channels:
        thread_ts = a.text(args, "thread_ts")
        message = ws.chat.post(
            channel.id,
            ws.bot_user_id,
            a.text(args, "initial_comment") or "",
            thread_ts=thread_ts,
            files=[f.id for f, _ in files],
        )
        for file, _ in files:
            file.shares.setdefault(channel.id, []).append(message.ts)
    return {"ok": True, "files": [shapes.file_json(ws, f) for f, _ in files]}


HANDLERS: dict[str, a.Handler] = {
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
}
