"""Block Kit as Slack stores and checks it.

Slack fills in a ``block_id`` and an ``action_id`` that the app left out, and refuses
layouts beyond its limits. The emulator does the same so that a bot which would be
rejected by Slack (51 blocks, a 3,001-character section, an option of 76 characters…) is
rejected here too. Which elements and fields each part may carry are in ``block_fields.py``,
the rules for a block's composition objects in ``block_rules.py`` and for its elements in
``element_rules.py``; this module applies them to whole messages and views
(https://docs.slack.dev/reference/block-kit/blocks, https://docs.slack.dev/reference/views/
modal-views, …/views/home-tab-views).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from .block_fields import (
    ACCESSORIES,
    ACTIONS,
    FIELDS,
    INPUTS,
    INTERACTIVE,
    OPTION_GROUP_FIELDS,
    SURFACES,
    VIEW_FIELDS,
)
from .block_rules import Report
from .element_rules import check_element, check_image
from .formatting import formatting_warnings, text_objects
from .records import Blocks

MESSAGE_BLOCK_LIMIT = 50  # methods/chat.postMessage: "up to 50 blocks"
VIEW_BLOCK_LIMIT = 100  # modal and Home tab views: "Max of 100 blocks"
MESSAGE_TEXT_LIMIT = 40_000  # methods/chat.postMessage: longer text is truncated
# methods/chat.postMessage, "Truncating content": "For best results, limit the number of
# characters in the text field to 4,000 characters"; Slack may split a longer one into several
# messages (api.slack.com/changelog/2018-04-truncating-really-long-messages).
MESSAGE_TEXT_ADVICE = 4_000
# chat.postMessage answers msg_blocks_too_long past about 12,000 characters of text in all of
# a message's blocks: undocumented, seen at 11,341 to 13,297 (slackapi/bolt-js#2509, #2867).
BLOCKS_TEXT_LIMIT = 12_000
# blocks/markdown-block: "The cumulative limit for all markdown blocks in a single payload is
# 12,000 characters."
MARKDOWN_LIMIT = 12_000

_BLOCK_TYPES = {
    "actions", "context", "divider", "file", "header", "image", "input", "rich_text",
    "section", "video", "markdown", "table", "context_actions", "data_table",
}  # fmt: skip
_DATA_CELLS = ("rich_text", "raw_text", "raw_number")  # blocks/data-table-block
_CONTEXT_ACTIONS = {"feedback_buttons", "icon_button"}  # blocks/context-actions-block


def _short_id(seed: Any) -> str:
    digest = hashlib.sha1(json.dumps(seed, sort_keys=True, default=str).encode()).hexdigest()
    return digest[:5]


def block_elements(block: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The interactive elements a block holds, wherever Block Kit puts them."""
    if isinstance(block.get("accessory"), dict):
        yield block["accessory"]
    if isinstance(block.get("element"), dict):
        yield block["element"]
    if block.get("type") in ("actions", "context_actions"):
        for element in block.get("elements") or []:
            if isinstance(element, dict):
                yield element


def normalize(blocks: Blocks | None) -> Blocks:
    """Copy the blocks, filling in the ``block_id``/``action_id`` Slack would generate."""
    result: Blocks = copy.deepcopy(blocks or [])
    for index, block in enumerate(result):
        if not isinstance(block, dict):
            continue
        block.setdefault("block_id", _short_id([index, block]))
        for position, element in enumerate(block_elements(block)):
            if element.get("type") in INTERACTIVE:
                element.setdefault("action_id", _short_id([block["block_id"], position, element]))
    return result


def _placed(block: dict[str, Any], pointer: str) -> Iterator[tuple[Any, str, set[str]]]:
    """Each element of a block, where it is, and the types that may go there."""
    if "accessory" in block:
        yield block["accessory"], f"{pointer}/accessory", ACCESSORIES
    if "element" in block:
        yield block["element"], f"{pointer}/element", INPUTS
    kind = block.get("type")
    if kind in ("actions", "context_actions"):
        allowed = ACTIONS if kind == "actions" else _CONTEXT_ACTIONS
        for i, element in enumerate(block.get("elements") or []):
            yield element, f"{pointer}/elements/{i}", allowed


def _check_block(block: Any, pointer: str, report: Report, surface: str) -> None:
    """blocks/*: each block's own fields; then its elements (element_rules.check_element)."""
    if not isinstance(block, dict) or "type" not in block:
        report.add("missing required field: type", pointer)
        return
    kind = block["type"]
    if kind not in _BLOCK_TYPES:
        report.add(f"unsupported type: {kind}", f"{pointer}/type")
        return
    report.fields(block, FIELDS.get(kind), pointer)
    report.length(block.get("block_id"), 255, f"{pointer}/block_id")
    if kind == "section":  # text ≤ 3,000 or fields (≤ 10, each ≤ 2,000)
        if block.get("text") is None and not block.get("fields"):
            report.add("must contain either text or fields", pointer)
        report.text(block.get("text"), 3000, f"{pointer}/text")
        for i, field in enumerate(report.items(block.get("fields"), 10, f"{pointer}/fields")):
            report.text(field, 2000, f"{pointer}/fields/{i}", required=True)
    elif kind == "header":  # plain_text ≤ 150
        report.text(block.get("text"), 150, f"{pointer}/text", plain=True, required=True)
    elif kind == "context":  # 1–10 elements, each an image element or a text object
        for i, element in enumerate(
            report.items(block.get("elements"), 10, f"{pointer}/elements", least=1)
        ):
            if isinstance(element, dict) and element.get("type") == "image":
                check_image(element, f"{pointer}/elements/{i}", report)
            else:
                report.text(element, 3000, f"{pointer}/elements/{i}", required=True)
    elif kind == "actions":  # 1–25 interactive elements
        report.items(block.get("elements"), 25, f"{pointer}/elements", least=1)
    elif kind == "context_actions":  # 1–5 feedback or icon buttons
        report.items(block.get("elements"), 5, f"{pointer}/elements", least=1)
    elif kind == "input":  # label and hint plain_text ≤ 2,000; one input element
        report.text(block.get("label"), 2000, f"{pointer}/label", plain=True, required=True)
        report.text(block.get("hint"), 2000, f"{pointer}/hint", plain=True)
        if not isinstance(block.get("element"), dict):
            report.add("missing required field: element", pointer)
        elif block.get("dispatch_action") and block["element"].get("type") == "file_input":
            report.add("dispatch_action is incompatible with file_input", f"{pointer}/element")
    elif kind == "image":  # alt_text ≤ 2,000, image_url ≤ 3,000, title plain_text ≤ 2,000
        check_image(block, pointer, report)
        report.text(block.get("title"), 2000, f"{pointer}/title", plain=True)
    elif kind == "markdown":  # blocks/markdown-block: standard markdown, ≤ 12,000 characters
        text = block.get("text")
        if not isinstance(text, str) or not text.strip():
            report.add("missing required field: text", pointer)
        report.length(text, MARKDOWN_LIMIT, f"{pointer}/text")
    elif kind == "video":
        _check_video(block, pointer, report)
    elif kind == "file":  # blocks/file-block: a remote file's external_id; source "remote"
        if not block.get("external_id"):
            report.add("missing required field: external_id", pointer)
        if block.get("source") != "remote":
            report.add("must be remote", f"{pointer}/source")
    elif kind == "table":
        _check_table(block, pointer, report)
    elif kind == "data_table":
        _check_data_table(block, pointer, report)
    elif kind == "rich_text":
        _check_rich_text(block, pointer, report)
    _check_elements(block, pointer, report, surface)


def _check_video(block: dict[str, Any], pointer: str, report: Report) -> None:
    """blocks/video-block: alt_text, thumbnail_url, video_url and a title required; title
    and description plain_text "less than 200 characters", author_name "less than 50";
    video_url and title_url "must … point to a HTTPS URL"."""
    for key in ("alt_text", "thumbnail_url", "video_url"):
        if not block.get(key):
            report.add(f"missing required field: {key}", pointer)
    report.text(block.get("title"), 199, f"{pointer}/title", plain=True, required=True)
    report.text(block.get("description"), 199, f"{pointer}/description", plain=True)
    report.length(block.get("author_name"), 49, f"{pointer}/author_name")
    for key in ("video_url", "title_url"):
        report.https(block.get(key), f"{pointer}/{key}")


_RICH_OBJECTS = (
    "rich_text_section", "rich_text_list", "rich_text_preformatted", "rich_text_quote"
)  # fmt: skip
# The field each of these rich text elements cannot do without (block-elements/text-element,
# …/link-element, …/user-element, …/channel-element, …/emoji-element, …/usergroup-element).
_RICH_REQUIRED = {
    "text": "text", "link": "url", "user": "user_id", "channel": "channel_id", "emoji": "name",
    "usergroup": "usergroup_id",
}  # fmt: skip


def _check_rich_text(block: dict[str, Any], pointer: str, report: Report) -> None:
    """blocks/rich-text-block: `elements` are rich_text_section, rich_text_list,
    rich_text_preformatted or rich_text_quote; block-elements/rich-text-list-element: its
    `style` bullet or ordered, its `indent` 0 to 8, its `elements` rich_text_sections; a list's,
    preformatted block's or quote's `border` 0 or 1 (Slack's @slack/types RichTextList and
    RichTextBorderable); every one's `elements` required, each rich text element with the
    field it is about (a text's `text`…) and its `style` flags booleans."""
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
            elif kind == "rich_text_list" and item["type"] != "rich_text_section":
                report.add("must be a rich_text_section", f"{at}/type")
            elif (needed := _RICH_REQUIRED.get(item["type"])) and not isinstance(
                item.get(needed), str
            ):
                report.add(f"missing required field: {needed}", at)
            elif "style" in item:
                _rich_style(item["style"], f"{at}/style", report)
        if "elements" not in part:
            report.add("missing required field: elements", f"{where}/{i}")


def _rich_style(style: Any, pointer: str, report: Report) -> None:
    """block-elements/rich-text-element (text, link, emoji…): `style` an object of flags
    (bold, italic, strike, code…), each a boolean."""
    if not isinstance(style, dict):
        report.add("must be a style object", pointer)
        return
    for key, flag in style.items():
        if not isinstance(flag, bool):
            report.add("must be a boolean", f"{pointer}/{key}")


def _check_table(block: dict[str, Any], pointer: str, report: Report) -> None:
    """blocks/table-block: 1–100 rows of at most 20 cells, each raw_text or rich_text;
    ≤ 20 column_settings, each aligned left, center or right."""
    for r, row in enumerate(report.items(block.get("rows"), 100, f"{pointer}/rows", least=1)):
        for c, cell in enumerate(report.items(row, 20, f"{pointer}/rows/{r}")):
            if not isinstance(cell, dict) or cell.get("type") not in ("raw_text", "rich_text"):
                report.add("must be a raw_text or rich_text cell", f"{pointer}/rows/{r}/{c}")
    settings = report.items(block.get("column_settings"), 20, f"{pointer}/column_settings")
    for i, setting in enumerate(settings):
        where = f"{pointer}/column_settings/{i}"
        if not isinstance(setting, dict):
            report.add("must be a column settings object", where)
            continue
        if setting.get("align", "left") not in ("left", "center", "right"):
            report.add("must be left, center or right", f"{where}/align")
        if not isinstance(setting.get("is_wrapped", False), bool):
            report.add("must be a boolean", f"{where}/is_wrapped")


def _check_data_table(block: dict[str, Any], pointer: str, report: Report) -> None:
    """blocks/data-table-block: a `caption` (required); 2–101 `rows`, the first the header,
    all as long as each other, of rich_text, raw_text or raw_number cells, no rich_text in the
    header; `page_size` 1–100; `row_header_column_index` a column's 0-based index."""
    caption = block.get("caption")
    if not isinstance(caption, str) or not caption.strip():
        report.add("missing required field: caption", pointer)
    rows = report.items(block.get("rows"), 101, f"{pointer}/rows", least=2)
    width = len(rows[0]) if rows and isinstance(rows[0], list) else 0
    for r, row in enumerate(rows):
        cells = report.items(row, 10_000, f"{pointer}/rows/{r}")
        if len(cells) != width:
            report.add("all rows must have the same number of values", f"{pointer}/rows/{r}")
        allowed = ("raw_text", "raw_number") if r == 0 else _DATA_CELLS
        for c, cell in enumerate(cells):
            if not isinstance(cell, dict) or cell.get("type") not in allowed:
                report.add(f"must be a {' or '.join(allowed)} cell", f"{pointer}/rows/{r}/{c}")
    if not 1 <= report.whole(block, "page_size", 5, pointer) <= 100:
        report.add("must be between 1 and 100", f"{pointer}/page_size")
    if not 0 <= report.whole(block, "row_header_column_index", 0, pointer) < max(width, 1):
        report.add("must be the index of a column", f"{pointer}/row_header_column_index")


def _check_elements(block: dict[str, Any], pointer: str, report: Report, surface: str) -> None:
    """Each element's rules, where it may go, and its action_id unique within the block (every
    element page: "Should be unique among all other action_ids in the containing block")."""
    seen: set[str] = set()
    for element, where, allowed in _placed(block, pointer):
        if not isinstance(element, dict) or "type" not in element:
            report.add("must be an element object", where)
            continue
        kind = element["type"]
        if kind not in allowed:
            report.add(f"{kind} is not allowed here", f"{where}/type")
        if surface not in SURFACES.get(kind, {surface}):
            report.add(f"{kind} is not available in a {surface}", f"{where}/type")
        # select-menu-element: "This field only works with menus in input blocks in modals."
        in_modal_input = surface == "modal" and where.endswith("/element")
        if element.get("response_url_enabled") and not in_modal_input:
            report.add("response_url_enabled only works in a modal's input block", where)
        check_element(element, where, report)
        action_id = element.get("action_id")
        if action_id is not None and action_id in seen:
            report.add(f"action_id {action_id} is already used in this block", where)
        if action_id is not None:
            seen.add(action_id)


def _blocks(blocks: Any, limit: int, pointer: str, report: Report, surface: str) -> None:
    """Up to `limit` blocks, each valid, no two with the same block_id (blocks/*: "block_id
    should be unique for each message and each iteration of a message"), at most one element
    with focus_on_load (every element that has it: "Only one element can be set to true"),
    12,000 characters of markdown blocks in all."""
    if blocks is None:
        return
    block_ids: set[str] = set()
    focused = markdown = 0
    for i, block in enumerate(report.items(blocks, limit, pointer)):
        _check_block(block, f"{pointer}/{i}", report, surface)
        if not isinstance(block, dict):
            continue
        if block.get("type") == "markdown" and isinstance(block.get("text"), str):
            before, markdown = markdown, markdown + len(block["text"])
            if before <= MARKDOWN_LIMIT < markdown:  # said once, where the sum crosses it
                report.add(
                    f"all markdown blocks must be less than {MARKDOWN_LIMIT + 1} characters",
                    f"{pointer}/{i}/text",
                )
        block_id = block.get("block_id")
        if block_id is not None:
            if block_id in block_ids:
                report.add(f"duplicate block_id {block_id}", f"{pointer}/{i}/block_id")
            block_ids.add(block_id)
        focused += sum(e.get("focus_on_load") is True for e in block_elements(block))
        if focused > 1:
            report.add("only one element can have focus_on_load", f"{pointer}/{i}")
            focused = 1


def block_errors(
    blocks: Any, *, limit: int, pointer: str = "/blocks", surface: str = "message"
) -> list[str]:
    """Slack's ``response_metadata.messages`` for an invalid layout on `surface` (message,
    modal or home); empty when valid."""
    report = Report()
    _blocks(blocks, limit, pointer, report, surface)
    return report.errors


def blocks_text(blocks: Any) -> int:
    """The characters of text in a message's blocks (every text object's `text`)."""
    return sum(len(t) for node in text_objects(blocks) if isinstance(t := node.get("text"), str))


def message_warnings(text: Any, blocks: Any) -> list[str]:
    """What Slack accepts but should not be sent: blocks with no top-level `text`, which
    notifications and screen readers show instead (methods/chat.postMessage: "highly
    recommended … as the aforementioned fallback"; slack_sdk warns of it), and words that
    break Slack's formatting rules (`formatting.py`), which Slack shows mangled."""
    if blocks and not str(text or "").strip():
        return ["[WARN] missing_text: blocks were sent without a top-level text fallback"]
    size = len(str(text or ""))
    too_long = (
        [f"[WARN] text is {size:,} characters: Slack advises at most {MESSAGE_TEXT_ADVICE:,}"]
        if size > MESSAGE_TEXT_ADVICE
        else []
    )
    return too_long + formatting_warnings(text, blocks)


def update_warnings(before: Any, after: Any) -> list[str]:
    """blocks/*: "block_id should be unique for each message and each iteration of a message.
    If a message is updated, use a new block_id" (Slack's clients keep what was typed or
    chosen in a block they have seen): each block of the update whose block_id the message's
    previous version had. `after` None keeps the blocks, which is no new iteration of them."""
    if not isinstance(after, list):
        return []
    previous = {b.get("block_id") for b in before or [] if isinstance(b, dict)}
    return [
        f"[WARN] block_id {block['block_id']} is the message's previous one: use a new "
        f"block_id when a message is updated [json-pointer:/blocks/{i}/block_id]"
        for i, block in enumerate(after)
        if isinstance(block, dict) and block.get("block_id") in previous - {None}
    ]


def response_warnings(body: dict[str, Any]) -> list[str]:
    """What a response_url post or a command's ack carries beside the message
    (interactivity/handling-user-interaction; bolt's RespondArguments): `response_type`
    `in_channel` or `ephemeral` (Slack shows any other as ephemeral), `replace_original` and
    `delete_original` booleans."""
    warnings = []
    if body.get("response_type", "ephemeral") not in ("in_channel", "ephemeral"):
        warnings.append("[WARN] response_type must be in_channel or ephemeral")
    for key in ("replace_original", "delete_original"):
        if key in body and not isinstance(body[key], bool):
            warnings.append(f"[WARN] {key} must be a boolean")
    return [f"{w} [json-pointer:/{w.split()[1]}]" for w in warnings]


def attachment_errors(attachments: Any) -> list[str]:
    """reference/messaging/attachments: an array of attachment objects, whose `blocks` are "in
    the same format" as a message's and so held to the same rules (Slack: invalid_attachments)."""
    if attachments is None:
        return []
    if not isinstance(attachments, list):
        return ["[ERROR] must be an array [json-pointer:/attachments]"]
    report = Report()
    for i, attachment in enumerate(attachments):
        if not isinstance(attachment, dict):
            report.add("must be an attachment object", f"/attachments/{i}")
            continue
        where = f"/attachments/{i}/blocks"
        _blocks(attachment.get("blocks"), MESSAGE_BLOCK_LIMIT, where, report, "message")
    return report.errors


def metadata_errors(metadata: Any) -> list[str]:
    """methods/chat.postMessage `metadata`: "JSON object with event_type and event_payload
    fields" (Slack: invalid_metadata_format)."""
    if metadata is None:
        return []
    if not isinstance(metadata, dict):
        return ["[ERROR] must be an object [json-pointer:/metadata]"]
    report = Report()
    event_type = metadata.get("event_type")
    if not isinstance(event_type, str) or not event_type.strip():
        report.add("must be a non-empty string", "/metadata/event_type")
    if not isinstance(metadata.get("event_payload"), dict):
        report.add("must be an object", "/metadata/event_payload")
    return report.errors


def view_warnings(view: Any) -> list[str]:
    """What Slack accepts in a view but shows mangled: its words (`formatting.py`)."""
    return formatting_warnings(None, view)


def options_errors(answer: dict[str, Any]) -> list[str]:
    """An external select's answer to block_suggestion: ≤ 100 options or option groups, as
    in a static select (block-elements/select-menu-element#external_select), each value
    offered once."""
    report = Report()
    options = report.items(answer.get("options"), 100, "/options")
    for i, option in enumerate(options):
        report.option(option, f"/options/{i}", mrkdwn=False, url=False)
    offered = list(options)
    for g, group in enumerate(report.items(answer.get("option_groups"), 100, "/option_groups")):
        if not isinstance(group, dict):
            report.add("must be an option group object", f"/option_groups/{g}")
            continue
        report.fields(group, OPTION_GROUP_FIELDS, f"/option_groups/{g}")
        report.text(group.get("label"), 75, f"/option_groups/{g}/label", plain=True, required=True)
        for i, option in enumerate(report.items(group.get("options"), 100, f"/option_groups/{g}")):
            report.option(option, f"/option_groups/{g}/options/{i}", mrkdwn=False, url=False)
            offered.append(option)
    report.unique_values(offered, "/options" if options else "/option_groups")
    return report.errors


def view_errors(view: Any) -> list[str]:
    """Slack's complaints about a modal or Home tab view object; empty when valid."""
    if not isinstance(view, dict):
        return ["[ERROR] must be an object [json-pointer:/view]"]
    kind = view.get("type")
    if kind not in ("modal", "home"):
        return [f"[ERROR] unsupported type: {kind} [json-pointer:/view/type]"]
    report = Report()
    report.fields(view, VIEW_FIELDS[kind], "/view")
    if not isinstance(view.get("blocks"), list):
        report.add("missing required field: blocks", "/view")
    _blocks(view.get("blocks"), VIEW_BLOCK_LIMIT, "/view/blocks", report, kind)
    if kind == "modal":  # title required; title, submit, close plain_text ≤ 24
        report.text(view.get("title"), 24, "/view/title", plain=True, required=True)
        for key in ("submit", "close"):
            report.text(view.get(key), 24, f"/view/{key}", plain=True)
        has_input = any(
            isinstance(b, dict) and b.get("type") == "input" for b in view.get("blocks") or []
        )
        if has_input and view.get("submit") is None:
            report.add("must provide submit when view has input blocks", "/view")
    report.length(view.get("private_metadata"), 3000, "/view/private_metadata")
    report.length(view.get("callback_id"), 255, "/view/callback_id")
    report.length(view.get("external_id"), 255, "/view/external_id")
    return report.errors
