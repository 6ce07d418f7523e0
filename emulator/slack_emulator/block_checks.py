"""One block as Slack checks it: its type and its own fields, by kind (a section's text, a
table's rows, a rich text's parts…), then its elements, where each may go and its action_id
unique within the block. The rules for composition objects are in ``block_rules.py``, for
elements in ``element_rules.py``; ``blocks.py`` applies this to whole messages and views
(https://docs.slack.dev/reference/block-kit/blocks).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .block_fields import ACCESSORIES, ACTIONS, BLOCK_SURFACES, FIELDS, INPUTS, SURFACES
from .block_rich_text import check_rich_text
from .block_rules import Report
from .element_rules import check_element, check_image

# blocks/markdown-block: "The cumulative limit for all markdown blocks in a single payload is
# 12,000 characters."
MARKDOWN_LIMIT = 12_000
# blocks/data-table-block: "the character count across all cells cannot exceed 10,000
# characters", in one table and "across all table cells for a single message"; "a minimum of 1
# column and a maximum of 20 columns".
DATA_TABLE_CHARACTERS = 10_000
DATA_TABLE_COLUMNS = 20

_BLOCK_TYPES = {
    "actions", "context", "divider", "file", "header", "image", "input", "rich_text",
    "section", "video", "markdown", "table", "context_actions", "data_table",
}  # fmt: skip
_DATA_CELLS = ("rich_text", "raw_text", "raw_number")  # blocks/data-table-block
_CONTEXT_ACTIONS = {"feedback_buttons", "icon_button"}  # blocks/context-actions-block


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


def check_block(block: Any, pointer: str, report: Report, surface: str) -> None:
    """blocks/*: each block's own fields; then its elements (element_rules.check_element)."""
    if not isinstance(block, dict) or "type" not in block:
        report.add("missing required field: type", pointer)
        return
    kind = block["type"]
    if kind not in _BLOCK_TYPES:
        report.add(f"unsupported type: {kind}", f"{pointer}/type")
        return
    if surface not in BLOCK_SURFACES.get(kind, {surface}):
        report.add(f"{kind} is not available in a {surface}", f"{pointer}/type")
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
        check_rich_text(block, pointer, report)
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
        cells = report.items(row, DATA_TABLE_COLUMNS, f"{pointer}/rows/{r}", least=1)
        if len(cells) != width:
            report.add("all rows must have the same number of values", f"{pointer}/rows/{r}")
        allowed = ("raw_text", "raw_number") if r == 0 else _DATA_CELLS
        for c, cell in enumerate(cells):
            if not isinstance(cell, dict) or cell.get("type") not in allowed:
                report.add(f"must be a {' or '.join(allowed)} cell", f"{pointer}/rows/{r}/{c}")
            else:
                _check_data_cell(cell, f"{pointer}/rows/{r}/{c}", report)
    if data_table_characters(block) > DATA_TABLE_CHARACTERS:
        report.add(f"must be less than {DATA_TABLE_CHARACTERS + 1} characters", f"{pointer}/rows")
    if not 1 <= report.whole(block, "page_size", 5, pointer) <= 100:
        report.add("must be between 1 and 100", f"{pointer}/page_size")
    if not 0 <= report.whole(block, "row_header_column_index", 0, pointer) < max(width, 1):
        report.add("must be the index of a column", f"{pointer}/row_header_column_index")


def _check_data_cell(cell: dict[str, Any], pointer: str, report: Report) -> None:
    """The page's schemas: a raw_text's `text` and a raw_number's `text` "minLength": 1, a
    raw_number's `value` a number."""
    text = cell.get("text")
    if cell["type"] == "raw_text" or text is not None:
        if not isinstance(text, str) or not text:
            report.add("must be more than 0 characters", f"{pointer}/text")
    if cell["type"] == "raw_number":
        value = cell.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            report.add("must be a number", f"{pointer}/value")


def data_table_characters(block: dict[str, Any]) -> int:
    """The characters in a data table's cells: each text, a raw_number's shown as its `text`
    or else its value."""
    rows = block.get("rows")
    cells = (
        [c for row in rows if isinstance(row, list) for c in row] if isinstance(rows, list) else []
    )
    return sum(_characters(cell) for cell in cells)


def _characters(node: Any) -> int:
    if isinstance(node, list):
        return sum(_characters(item) for item in node)
    if not isinstance(node, dict):
        return 0
    if node.get("type") == "raw_number" and not isinstance(node.get("text"), str):
        return len(str(node.get("value", "")))
    own = len(node["text"]) if isinstance(node.get("text"), str) else 0
    return own + sum(_characters(v) for k, v in node.items() if k != "text")


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
