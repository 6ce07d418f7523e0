"""Block Kit as Slack stores and checks it.

Slack fills in a ``block_id`` and an ``action_id`` that the app left out, and refuses
layouts beyond its limits. The emulator does the same so that a bot which would be
rejected by Slack (51 blocks, a 3,001-character section, an option of 76 characters…) is
rejected here too. Which elements and fields each part may carry are in ``block_fields.py``,
the rules for a block's composition objects in ``block_rules.py`` and for its elements in
``element_rules.py``, one block's checks by kind in ``block_checks.py``; this module applies
them to whole messages and views
(https://docs.slack.dev/reference/block-kit/blocks, https://docs.slack.dev/reference/views/
modal-views, …/views/home-tab-views).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from .block_checks import DATA_TABLE_CHARACTERS, MARKDOWN_LIMIT, check_block, data_table_characters
from .block_fields import INTERACTIVE, OPTION_GROUP_FIELDS, VIEW_FIELDS
from .block_rules import Report
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
# methods/views.open, views.push, views.update, views.publish: view_too_large, "Error returned
# if the provided view is greater than 250kb" (read as 250,000 bytes of compact UTF-8 JSON,
# the smaller reading of "kb" and the fewest bytes a client could send the view in).
VIEW_BYTES_LIMIT = 250_000
VIEW_TOO_LARGE = "view_too_large"
# methods/chat.postMessage: too_many_attachments, "A maximum of 100 attachments are allowed on
# a message".
ATTACHMENTS_LIMIT = 100
TOO_MANY_ATTACHMENTS = "too_many_attachments"


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


def _blocks(blocks: Any, limit: int, pointer: str, report: Report, surface: str) -> None:
    """Up to `limit` blocks, each valid, no two with the same block_id (blocks/*: "block_id
    should be unique for each message and each iteration of a message"), at most one element
    with focus_on_load (every element that has it: "Only one element can be set to true"),
    12,000 characters of markdown blocks in all, 10,000 in all data tables' cells, one table
    block (Slack's only_one_table_allowed: hishamkaram/mcp-slack-block-kit splits for it)."""
    if blocks is None:
        return
    block_ids: set[str] = set()
    focused = markdown = tabled = tables = 0
    for i, block in enumerate(report.items(blocks, limit, pointer)):
        check_block(block, f"{pointer}/{i}", report, surface)
        if not isinstance(block, dict):
            continue
        tables += block.get("type") == "table"
        if tables > 1 and block.get("type") == "table":
            report.add("only_one_table_allowed", f"{pointer}/{i}")
        if block.get("type") == "data_table":
            before, tabled = tabled, tabled + data_table_characters(block)
            if before <= DATA_TABLE_CHARACTERS < tabled and before:  # one table says its own
                report.add(
                    f"all data tables' cells must be less than {DATA_TABLE_CHARACTERS + 1} "
                    "characters",
                    f"{pointer}/{i}/rows",
                )
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
    if len(attachments) > ATTACHMENTS_LIMIT:
        report.add(f"{TOO_MANY_ATTACHMENTS}: {len(attachments)} attachments", "/attachments")
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
    size = view_bytes(view)
    if size > VIEW_BYTES_LIMIT:
        report.add(f"{VIEW_TOO_LARGE}: {size:,} bytes, more than {VIEW_BYTES_LIMIT:,}", "/view")
    return report.errors


def view_bytes(view: Any) -> int:
    """A view's size as Slack's views methods weigh it: its JSON, compact, in UTF-8."""
    return len(json.dumps(view, ensure_ascii=False, separators=(",", ":")).encode())


def error_code(errors: list[str], default: str) -> str:
    """Slack's `error` for a refused view or message: its own code where one rule has one
    (view_too_large, too_many_attachments), else `default` (invalid_arguments…)."""
    for code in (VIEW_TOO_LARGE, TOO_MANY_ATTACHMENTS):
        if any(f"[ERROR] {code}:" in error for error in errors):
            return code
    return default
