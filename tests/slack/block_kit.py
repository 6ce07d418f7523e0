"""Slack's Block Kit limits, checked the one way every test uses: slack_sdk's models parse and
validate each block and view (text lengths, elements per block, options per menu…), the local
Slack emulator's checker (`slack_emulator.blocks`, the rules each tier-b test's Slack applies
to what the bot sends: unique block_ids, option and placeholder lengths, an initial option
among the options, a plain_text_input's initial value within its length…), and `_own_checks`
adds the rest (empty texts, option values, one primary button in a set, no empty button or
option value, block_id or action_id). The emulator's `formatting` rules check the words
themselves (`text_errors`, `mrkdwn_errors`): in mrkdwn (a message's `text` too) `&`, `<`
and `>` only as markup or escaped, escaped once, every `<…>` whole; plain_text shown as sent,
so never escaped nor marked up: no `code` or *bold* of mrkdwn's, which Slack would show marks
and all (a settings hint read "`role=kudos a day`"); a mark alone (`Ana*`, `5 * 3`) is a
character. `second_reading` applies all but the emulator's share to what the bot really
sends, in every tier-b and end-to-end test.
Limits: https://docs.slack.dev/reference/block-kit
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block, Option
from slack_sdk.models.views import View

from slack_emulator import blocks as emulator
from slack_emulator.formatting import mrkdwn_errors, text_errors

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
MESSAGE_TEXT = 40_000  # Slack truncates a message's top-level text beyond this
TEXT_OBJECT = 3000
OPTION_TEXT = 75
OPTION_VALUE = 150
OPTIONS = 100


def check_message(message: dict[str, Any]) -> None:
    """A chat.postMessage / respond / ack payload: its blocks, their count, its text."""
    blocks = message.get("blocks") or []
    errors = mrkdwn_errors(message.get("text") or "")
    assert not errors, f"the message's text: {errors}"
    assert len(blocks) <= MESSAGE_BLOCKS, f"{len(blocks)} blocks in a message"
    assert len(message.get("text") or "") <= MESSAGE_TEXT, "message text too long"
    assert blocks or (message.get("text") or "").strip(), "a message with nothing to show"
    warnings = emulator.message_warnings(message.get("text"), blocks)
    assert not warnings, warnings
    size = emulator.blocks_text(blocks)
    assert size <= emulator.BLOCKS_TEXT_LIMIT, f"msg_blocks_too_long: {size} characters of text"
    _emulator_checks(blocks, MESSAGE_BLOCKS, "message")
    for block in blocks:
        check_block(block)


def check_view(view: dict[str, Any]) -> None:
    """A modal or the Home tab: slack_sdk's View checks its title, buttons and blocks."""
    blocks = view.get("blocks") or []
    assert len(blocks) <= VIEW_BLOCKS, f"{len(blocks)} blocks in a view"
    errors = emulator.view_errors(view)
    assert not errors, errors
    View(**view).to_dict()  # raises SlackObjectFormationError past a limit
    for block in blocks:
        check_block(block)


def check_blocks(blocks: list[dict[str, Any]], limit: int, surface: str = "home") -> None:
    """Blocks that are part of a message or view, the Home tab's unless `surface` says
    (`limit` is what that part may use)."""
    assert len(blocks) <= limit, f"{len(blocks)} blocks, more than {limit}"
    _emulator_checks(blocks, limit, surface)
    for block in blocks:
        check_block(block)


def check_options(options: list[dict[str, Any]]) -> None:
    """An options response to an external select."""
    assert len(options) <= OPTIONS, f"{len(options)} options"
    errors = emulator.options_errors({"options": options})
    assert not errors, errors
    for raw in options:
        Option(**raw).to_dict()
        _own_checks(raw)


def second_reading(kind: str, payload: dict[str, Any]) -> list[str]:
    """What slack_sdk's models and `_own_checks` find in a message, view or options answer the
    bot really sent, once the emulator's Slack accepted it: the emulator runs it on each
    (`Workspace.layout_checks`, added by `tests.e2e.harness.new_emulator`), so every tier-b and
    end-to-end test holds what the bot sends to the checks the renderers' own tests apply to
    their largest inputs, with whatever names, words and counts that test's walk made."""
    try:
        if kind == "options":
            check_options(payload.get("options") or [])
            return []
        blocks = payload.get("blocks") or []
        parsed: list[Block | None]
        if kind == "view":
            view = View(**payload)
            view.validate_json()  # its own fields (title, buttons, 1 to 100 blocks), not theirs
            parsed = list(view.blocks or [])
        else:
            parsed = [Block.parse(b) for b in blocks]
        for raw, block in zip(blocks, parsed, strict=True):
            assert block is not None and block.type == raw["type"], f"unknown block {raw}"
            block.to_dict()  # validates the block and every element in it
        _own_checks(blocks, words=False)
    except (AssertionError, SlackObjectFormationError, TypeError, KeyError) as error:
        # slack_sdk's models raise TypeError or KeyError on a part they cannot parse (a rich
        # text date without its timestamp): a problem with the layout all the same, noted
        # here rather than raised in the emulator's handler of the bot's call
        return [f"[ERROR] a second reading of the {kind}: {error!r}"]
    return []


def check_block(raw: dict[str, Any]) -> None:
    parsed = Block.parse(raw)
    assert parsed is not None and parsed.type == raw["type"], f"unknown block {raw}"
    parsed.to_dict()  # validates the block and, through to_dict, every element in it
    _own_checks(raw)


def _emulator_checks(blocks: list[dict[str, Any]], limit: int, surface: str) -> None:
    errors = emulator.block_errors(blocks, limit=limit, surface=surface)
    assert not errors, errors


def _own_checks(raw: Any, *, words: bool = True) -> None:
    """The checks slack_sdk's models leave out; with `words`, the formatting rules too (the
    emulator applies those itself to what the bot sends)."""
    for node in _nodes(raw):
        kind = node.get("type")
        if kind in ("plain_text", "mrkdwn") and "text" in node:
            text = node["text"]
            assert text.strip(), f"an empty {kind} text: {node}"
            assert len(text) <= TEXT_OBJECT, f"a {kind} text of {len(text)} characters"
            errors = text_errors(node) if words else []
            assert not errors, errors
        if "value" in node and "text" in node and isinstance(node["text"], dict):
            if "action_id" not in node:  # an option (a button's value may be 2,000)
                assert len(node["text"]["text"]) <= OPTION_TEXT, f"option text {node}"
                assert len(node["value"]) <= OPTION_VALUE, f"option value {node}"
                assert node["value"], f"an option with an empty value: {node}"
        for key in ("block_id", "action_id"):
            # Slack's reference gives only a maximum (255), but an empty id names nothing and
            # Slack refuses empty strings elsewhere ("must be more than 0 characters")
            if key in node:
                assert node[key], f"an empty {key} (leave it out): {node}"
        for key in ("options", "initial_options"):
            if key in node:
                assert len(node[key]) <= OPTIONS, f"{len(node[key])} {key}"
        for key in ("initial_users", "initial_conversations", "initial_channels"):
            # Slack refuses an empty initial_options (slackapi/bolt-js#482) and its reference
            # asks for "one or more" IDs here: leave the field out when nothing is chosen
            if key in node:
                assert node[key], f"an empty {key} (leave it out): {node}"
        if node.get("type") == "section" and "fields" in node:
            assert len(node["fields"]) <= 10
        if node.get("type") == "button" and "value" in node:
            # Slack's reference gives no minimum, but an empty value tells the handler nothing
            # and Slack refuses empty strings elsewhere ("must be more than 0 characters")
            assert node["value"], f"a button with an empty value (leave it out): {node}"
        if node.get("type") == "actions":  # Slack accepts more, but its reference says not to
            primary = [e for e in node.get("elements") or [] if e.get("style") == "primary"]
            assert len(primary) <= 1, f"button-element: primary for one button in a set {node}"


def _nodes(raw: Any) -> Iterator[dict[str, Any]]:
    if isinstance(raw, dict):
        yield raw
        for value in raw.values():
            yield from _nodes(value)
    elif isinstance(raw, list):
        for item in raw:
            yield from _nodes(item)
