"""The words of a Slack message as a person reads them, wherever Slack keeps them.

Another app's post (a monitor's alert, a ticket bot) often has no `text`, or only a one-line
notification, and says the rest in blocks or attachments; "Find an expert" on such a post
should ask about what it says, not answer "Tell me a bit more"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from handlers.blocks.elements import slack_time


def readable_text(message: dict[str, Any]) -> str:
    """`text`, or else the blocks' words; then the attachments' words, which `text` never
    holds: a message shared in it, another app's alert. Not a link's preview, which Slack
    (or an app) adds to the message after it was sent: its words are the linked page's."""
    text = (message.get("text") or "").strip()
    parts = [text] if text else list(_blocks_words(message.get("blocks") or []))
    for attachment in message.get("attachments") or []:
        if isinstance(attachment, dict) and not _a_links_preview(attachment):
            parts.extend(_attachment_words(attachment))
    return "\n".join(part.strip() for part in parts if isinstance(part, str) and part.strip())


def typed_text(message: dict[str, Any]) -> str:
    """What the person typed: `text`, or the rich_text blocks a client sent the words in
    alone; not a message they shared in it (an attachment), whose question is not theirs."""
    return readable_text({"text": message.get("text"), "blocks": message.get("blocks")})


def _blocks_words(blocks: list[Any]) -> Iterator[str]:
    for block in blocks:
        if not isinstance(block, dict):
            continue
        if block.get("type") == "rich_text":
            yield "".join(_rich_words(block.get("elements") or []))
            continue
        for item in (block.get("text"), *(block.get("fields") or [])):
            if isinstance(item, dict):
                yield item.get("text") or ""
        if block.get("type") == "context":
            for element in block.get("elements") or []:
                if isinstance(element, dict) and element.get("type") in ("mrkdwn", "plain_text"):
                    yield element.get("text") or ""


def _rich_words(elements: list[Any]) -> Iterator[str]:
    for element in elements:
        if not isinstance(element, dict):
            continue
        kind = element.get("type")
        if kind == "text":
            yield element.get("text") or ""
        elif kind == "link":
            yield element.get("text") or element.get("url") or ""
        elif kind == "user" and element.get("user_id"):
            yield f"<@{element['user_id']}>"
        elif kind == "channel" and element.get("channel_id"):
            yield f"<#{element['channel_id']}>"
        elif kind == "usergroup" and element.get("usergroup_id"):
            yield f"<!subteam^{element['usergroup_id']}>"
        elif kind == "broadcast" and element.get("range"):
            yield f"<!{element['range']}>"
        elif kind == "emoji" and element.get("name"):
            yield f":{element['name']}:"
        elif kind == "date" and isinstance(element.get("timestamp"), int):
            yield _date(element)
        elif kind == "color" and element.get("value"):
            yield str(element["value"])
        elif isinstance(element.get("elements"), list):  # sections, lists, quotes, code
            yield from _rich_words(element["elements"])
            yield "\n"


def _date(element: dict[str, Any]) -> str:
    """A rich text date as Slack's `text` holds one: its date token, with the element's
    fallback (a moment in UTC where it gives none)."""
    shown, fallback = str(element.get("format") or "{date_short}"), element.get("fallback")
    if not fallback:
        return slack_time(datetime.fromtimestamp(element["timestamp"], UTC), shown)
    link = f"^{element['url']}" if element.get("url") else ""
    return f"<!date^{element['timestamp']}^{shown}{link}|{fallback}>"


def _a_links_preview(attachment: dict[str, Any]) -> bool:
    """Whether an attachment is a link unfurled: Slack's (`original_url`, with the page's
    `service_name`) or an app's (`is_app_unfurl`, `app_unfurl_url`). A message unfurled, a
    forward's or a Slack message's link (`is_msg_unfurl`), is words someone said."""
    if attachment.get("is_msg_unfurl"):
        return False
    return bool(
        attachment.get("original_url")
        or attachment.get("is_app_unfurl")
        or attachment.get("app_unfurl_url")
    )


def _attachment_words(attachment: dict[str, Any]) -> Iterator[str]:
    said = [attachment.get(key) for key in ("pretext", "title", "text")]
    for field in attachment.get("fields") or []:
        if isinstance(field, dict):
            said.extend((field.get("title"), field.get("value")))
    said.extend(_blocks_words(attachment.get("blocks") or []))
    if any(isinstance(s, str) and s.strip() for s in said):
        yield from (s for s in said if isinstance(s, str))
    elif isinstance(attachment.get("fallback"), str):
        yield attachment["fallback"]
