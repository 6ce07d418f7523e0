"""Slack's rules for rich text: a rich_text block, and a rich text input's `initial_value`,
which is one (block-elements/rich-text-input-element: "initial_value: Rich text").

Each rule cites the page of Slack's reference it comes from (https://docs.slack.dev/reference/
block-kit/…); ``block_checks.py`` checks a rich_text block here, ``element_rules.py`` a rich
text input's initial value.
"""

from __future__ import annotations

import re
from typing import Any

from .block_rules import Report

_RICH_OBJECTS = (
    "rich_text_section", "rich_text_list", "rich_text_preformatted", "rich_text_quote"
)  # fmt: skip
# block-elements/rich-text-section-element: "Rich text elements include attachment_mention,
# broadcast, canvas, …, workflow_mention"; no other type may go in a section, list item,
# preformatted block or quote.
_RICH_ELEMENTS = frozenset((
    "attachment_mention", "broadcast", "canvas", "canvas_user_mention",
    "canvas_message_unfurl", "channel", "citation", "color", "date", "emoji", "file", "link",
    "list_record", "message_mention", "salesforce_data_field", "tag", "team", "text", "user",
    "usergroup", "work_object_mention", "workflow_mention",
))  # fmt: skip
# The field each of these rich text elements cannot do without (block-elements/text-element,
# …/link-element, …/user-element, …/channel-element, …/emoji-element, …/usergroup-element,
# …/broadcast-element, …/color-element, …/date-element, …/team-element).
_RICH_REQUIRED = {
    "text": "text", "link": "url", "user": "user_id", "channel": "channel_id", "emoji": "name",
    "usergroup": "usergroup_id", "broadcast": "range", "color": "value", "date": "format",
    "team": "team_id",
}  # fmt: skip
_RANGES = ("here", "channel", "everyone")  # broadcast-element: "one of here, channel, everyone"
_HEX = re.compile(r"#(?:[0-9A-Fa-f]{3}){1,2}")  # color-element: "The hex value for the color"


def check_rich_text(block: Any, pointer: str, report: Report) -> None:
    """blocks/rich-text-block: `elements` are rich_text_section, rich_text_list,
    rich_text_preformatted or rich_text_quote; block-elements/rich-text-list-element: its
    `style` bullet or ordered, its `indent` 0 to 8, its `elements` rich_text_sections; a list's,
    preformatted block's or quote's `border` 0 or 1 (Slack's @slack/types RichTextList and
    RichTextBorderable); every one's `elements` required, each a rich text element of a type
    the section page lists, with the field it is about (a text's `text`…) and its `style` flags
    booleans."""
    if not isinstance(block, dict) or block.get("type") != "rich_text":
        report.add("must be a rich_text block", pointer)
        return
    where = f"{pointer}/elements"
    for i, part in enumerate(report.items(block.get("elements"), 10_000, where, least=1)):
        kind, at_i = part.get("type") if isinstance(part, dict) else None, f"{where}/{i}"
        if kind not in _RICH_OBJECTS:
            report.add(f"must be one of {', '.join(_RICH_OBJECTS)}", f"{where}/{i}/type")
            continue
        if kind == "rich_text_list" and part.get("style") not in ("bullet", "ordered"):
            report.add("must be bullet or ordered", f"{where}/{i}/style")
        if kind == "rich_text_list" and not 0 <= report.whole(part, "indent", 0, at_i) <= 8:
            report.add("must be between 0 and 8", f"{at_i}/indent")
        if kind != "rich_text_section" and part.get("border", 0) not in (0, 1):
            report.add("must be 0 or 1", f"{at_i}/border")
        for j, item in enumerate(report.items(part.get("elements"), 10_000, f"{where}/{i}")):
            at = f"{where}/{i}/elements/{j}"
            if not isinstance(item, dict) or not isinstance(item.get("type"), str):
                report.add("must be a rich text element", at)
            elif kind == "rich_text_list":
                if item["type"] != "rich_text_section":
                    report.add("must be a rich_text_section", f"{at}/type")
                else:
                    _section_items(item, at, report)
            else:
                _element(item, at, report)
        if "elements" not in part:
            report.add("missing required field: elements", f"{where}/{i}")


def _section_items(section: dict[str, Any], pointer: str, report: Report) -> None:
    """A list's item: a rich_text_section of rich text elements."""
    for j, item in enumerate(report.items(section.get("elements"), 10_000, pointer)):
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            report.add("must be a rich text element", f"{pointer}/elements/{j}")
        else:
            _element(item, f"{pointer}/elements/{j}", report)


def _element(item: dict[str, Any], pointer: str, report: Report) -> None:
    """One rich text element: a listed type, its required field, and what its page asks of
    it (a broadcast's `range`, a date's `timestamp` a number, a color's hex `value`)."""
    kind = item["type"]
    if kind not in _RICH_ELEMENTS:
        report.add(f"unsupported rich text element: {kind}", f"{pointer}/type")
        return
    needed = _RICH_REQUIRED.get(kind)
    if needed and not isinstance(item.get(needed), str):
        report.add(f"missing required field: {needed}", pointer)
    elif kind == "broadcast" and item["range"] not in _RANGES:
        report.add(f"must be one of {', '.join(_RANGES)}", f"{pointer}/range")
    elif kind == "color" and not _HEX.fullmatch(item["value"]):
        report.add("must be a hex color", f"{pointer}/value")
    stamp = item.get("timestamp")
    if kind == "date" and (isinstance(stamp, bool) or not isinstance(stamp, int)):
        report.add("missing required field: timestamp (a number)", pointer)
    if "style" in item:
        _rich_style(item["style"], f"{pointer}/style", report)


def _rich_style(style: Any, pointer: str, report: Report) -> None:
    """block-elements/rich-text-element (text, link, emoji…): `style` an object of flags
    (bold, italic, strike, code…), each a boolean."""
    if not isinstance(style, dict):
        report.add("must be a style object", pointer)
        return
    for key, flag in style.items():
        if not isinstance(flag, bool):
            report.add("must be a boolean", f"{pointer}/{key}")
