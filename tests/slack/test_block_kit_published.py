"""Slack's published Block Kit rules the emulator had not applied: where each block may go,
rich text's elements, a rich text input's initial value, number inputs' numbers, Slack file
objects and the IDs a select starts with, data tables' columns and characters, one table in a
message; and, in `ENFORCED`, rules it applied with no case of their own (a button's value,
action_id and block_id lengths, a section's fields, options per select…). Each refuses a layout
Slack's reference refuses and accepts the same layout made right, as
`tests/emulator/test_block_kit_rules.py` does for the others (docs/block-kit-limits.md lists
them all)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from slack_emulator.blocks import block_errors, view_errors
from tests.emulator.test_block_kit_rules import (
    DATA,
    FEEDBACK,
    HEAD,
    OPTS,
    ROW,
    accessory,
    actions,
    button,
    confirm,
    input_block,
    modal,
    mrkdwn,
    option,
    plain,
    rich,
    rich_section,
    section,
    select,
    text_input,
)

pytestmark = pytest.mark.database_independent

Json = dict[str, Any]
MARKDOWN = {"type": "markdown", "text": "**Shout-outs** this week"}
TABLE = {"type": "table", "rows": [[{"type": "raw_text", "text": "Ops"}]]}
FEEDBACKS = {"type": "context_actions", "elements": [FEEDBACK]}
WORDS = {"type": "text", "text": "hi"}
RICH_VALUE = rich(rich_section(WORDS))[0]
IMAGE = {"type": "image", "alt_text": "a chart"}
LONG_CELL = "c" * 4000
DESCRIBED = option("A", description=plain("the first"))


def raw(text: str) -> Json:
    return {"type": "raw_text", "text": text}


def home(*blocks: Json) -> Json:
    return {"type": "home", "blocks": list(blocks)}


def rich_input(**more: Any) -> Json:
    return {"type": "rich_text_input", "action_id": "r", **more}


def number(**more: Any) -> Json:
    return {"type": "number_input", "action_id": "n", "is_decimal_allowed": False, **more}


def in_modal(element: Json) -> Json:
    return modal(input_block(element), submit=plain("Save"))


# (rule, a view Slack refuses, the same view made right)
VIEW_RULES: list[tuple[str, Json, Json]] = [
    ("a markdown block only in messages", modal([MARKDOWN]), modal([section()])),
    ("a table only in messages", home(TABLE), home(section())),
    ("a file block only in messages",
     home({"type": "file", "external_id": "ABC", "source": "remote"}), home(section())),
    ("feedback buttons only in messages", home(FEEDBACKS), home(section())),
    ("a data table in messages and on the Home tab only", modal([DATA]), home(DATA)),
    ("a rich text input's initial value is rich text",
     in_modal(rich_input(initial_value="hi")), in_modal(rich_input(initial_value=RICH_VALUE))),
    ("a rich text input's initial value is a valid rich_text block",
     in_modal(rich_input(initial_value=rich(rich_section({"type": "bogus"}))[0])),
     in_modal(rich_input(initial_value=RICH_VALUE))),
    ("a rich text input carries only its fields",
     in_modal(rich_input(multiline=True)), in_modal(rich_input(focus_on_load=True))),
    ("a text input's initial value is a string",
     in_modal(text_input(initial_value=5)), in_modal(text_input(initial_value="5"))),
    ("a number input's values are numbers",
     in_modal(number(initial_value="five")), in_modal(number(initial_value="5"))),
    ("a number input's bound is a finite number",
     in_modal(number(max_value="inf")), in_modal(number(max_value="1000"))),
    ("whole numbers unless is_decimal_allowed",
     in_modal(number(min_value="0.5")),
     in_modal(number(min_value="0.5", is_decimal_allowed=True))),
    ("initial_user is a user's ID",
     home(*accessory(select("users_select", initial_user="alice"))),
     home(*accessory(select("users_select", initial_user="U0123ABC")))),
    ("initial_users are users' IDs, not mentions",
     home(*accessory(select("multi_users_select", initial_users=["U1", "<@U2>"]))),
     home(*accessory(select("multi_users_select", initial_users=["U1", "W2"])))),
    ("initial_conversations are conversations' IDs, not #names",
     home(*accessory(select("multi_conversations_select", initial_conversations=["#general"]))),
     home(*accessory(select("multi_conversations_select", initial_conversations=["C1", "D2"])))),
    ("initial_channel is a channel's ID",
     home(*accessory(select("channels_select", initial_channel="D0123"))),
     home(*accessory(select("channels_select", initial_channel="C0123")))),
    ("a view of at most 250,000 bytes (views.*: view_too_large, \"greater than 250kb\")",
     home(*[section(mrkdwn("é" * 3000))] * 42), home(*[section(mrkdwn("é" * 3000))] * 40)),
    ("an initial option exactly matches an option, its description too",
     home(*accessory(select("checkboxes", options=[DESCRIBED], initial_options=[option("A")]))),
     home(*accessory(select("checkboxes", options=[DESCRIBED], initial_options=[DESCRIBED])))),
]  # fmt: skip

# (rule, message blocks Slack refuses, the same blocks made right)
BLOCK_RULES: list[tuple[str, list[Json], list[Json]]] = [
    ("a rich text element of a listed type",
     rich(rich_section({"type": "bogus", "text": "x"})), rich(rich_section(WORDS))),
    ("a broadcast's range is here, channel or everyone",
     rich(rich_section({"type": "broadcast", "range": "all"})),
     rich(rich_section({"type": "broadcast", "range": "here"}))),
    ("a date has a timestamp and a format",
     rich(rich_section({"type": "date", "format": "{date_short}"})),
     rich(rich_section({"type": "date", "timestamp": 1_764_000_000, "format": "{date_short}"}))),
    ("a color is a hex value",
     rich(rich_section({"type": "color", "value": "pink"})),
     rich(rich_section({"type": "color", "value": "#F405B3"}))),
    ("a list item's elements follow the element rules",
     rich(rich_section(rich_section({"type": "text"}), kind="rich_text_list", style="bullet")),
     rich(rich_section(rich_section(WORDS), kind="rich_text_list", style="bullet"))),
    ("image_url or slack_file, not both",
     [{**IMAGE, "image_url": "https://x.example/a.png", "slack_file": {"id": "F1"}}],
     [{**IMAGE, "slack_file": {"id": "F1"}}]),
    ("a slack file object has a url or an id, not both",
     [{**IMAGE, "slack_file": {"id": "F1", "url": "https://files.slack.com/f.png"}}],
     [{**IMAGE, "slack_file": {"url": "https://files.slack.com/f.png"}}]),
    ("markdown, tables and feedback buttons are taken in messages",
     [MARKDOWN, {"type": "markdown", "text": " "}], [MARKDOWN, TABLE, FEEDBACKS]),
    ("one table in a message (only_one_table_allowed)", [TABLE, TABLE], [TABLE, section()]),
    ("a data table has 1 to 20 columns",
     [{**DATA, "rows": [[HEAD[0]] * 21, [ROW[0]] * 21]}],
     [{**DATA, "rows": [[HEAD[0]] * 20, [ROW[0]] * 20]}]),
    ("a data table has at least one column", [{**DATA, "rows": [[], []]}], [DATA]),
    ("a data table's cells hold 10,000 characters at most",
     [{**DATA, "rows": [HEAD, *[[raw(LONG_CELL), ROW[1]]] * 3]}],
     [{**DATA, "rows": [HEAD, *[[raw(LONG_CELL), ROW[1]]] * 2]}]),
    ("a message's data tables hold 10,000 characters at most in all",
     [{**DATA, "rows": [HEAD, [raw(LONG_CELL), ROW[1]]]}] * 3,
     [{**DATA, "rows": [HEAD, [raw(LONG_CELL), ROW[1]]]}] * 2),
    ("a raw_text cell has its text",
     [{**DATA, "rows": [HEAD, [raw(""), ROW[1]]]}], [{**DATA, "rows": [HEAD, [raw("x"), ROW[1]]]}]),
    ("a raw_number cell's value is a number",
     [{**DATA, "rows": [HEAD, [ROW[0], {"type": "raw_number", "value": "3"}]]}], [DATA]),
]  # fmt: skip


HUNDRED = [option(f"O{i}", str(i)) for i in range(100)]
PICTURE = {"type": "image", "image_url": "https://x.example/a.png", "alt_text": "a chart"}


def group(options: list[Json]) -> Json:
    return {"label": plain("g"), "options": options}


# Rules the emulator applied with no case of its own until now: (rule, blocks, made right)
ENFORCED: list[tuple[str, list[Json], list[Json]]] = [
    ("a button's value ≤ 2,000",
     actions(button(value="v" * 2001)), actions(button(value="v" * 2000))),
    ("a button's accessibility_label ≤ 75",
     actions(button(accessibility_label="a" * 76)), actions(button(accessibility_label="a" * 75))),
    ("action_id ≤ 255", actions(button("a" * 256)), actions(button("a" * 255))),
    ("block_id ≤ 255", [section(block_id="b" * 256)], [section(block_id="b" * 255)]),
    ("a section ≤ 10 fields",
     [{"type": "section", "fields": [mrkdwn("f")] * 11}],
     [{"type": "section", "fields": [mrkdwn("f")] * 10}]),
    ("a section has text or fields", [{"type": "section"}], [section()]),
    ("a static select ≤ 100 options",
     accessory(select(options=[*HUNDRED, option("more", "more")])),
     accessory(select(options=HUNDRED))),
    ("an option group ≤ 100 options",
     accessory(select(option_groups=[group([*HUNDRED, option("m", "m")])])),
     accessory(select(option_groups=[group(HUNDRED)]))),
    ("a multi-select's max_selected_items at least 1",
     accessory(select("multi_static_select", options=OPTS, max_selected_items=0)),
     accessory(select("multi_static_select", options=OPTS, max_selected_items=1))),
    ("an actions block has an element", [{"type": "actions", "elements": []}], actions(button())),
    ("a context block has an element",
     [{"type": "context", "elements": []}], [{"type": "context", "elements": [mrkdwn("c")]}]),
    ("an image block's title ≤ 2,000",
     [{**PICTURE, "title": plain("t" * 2001)}], [{**PICTURE, "title": plain("t" * 2000)}]),
    ("a header has its text", [{"type": "header"}], [{"type": "header", "text": plain("Hi")}]),
    ("a confirm dialog's style primary or danger",
     actions(button(confirm=confirm(style="green"))),
     actions(button(confirm=confirm(style="danger")))),
]  # fmt: skip
ENFORCED_VIEWS: list[tuple[str, Json, Json]] = [
    ("a modal has its title",
     {"type": "modal", "blocks": [section()]},
     {"type": "modal", "title": plain("T"), "blocks": [section()]}),
    ("an input block has its label",
     modal([{"type": "input", "element": text_input()}], submit=plain("Save")),
     in_modal(text_input())),
    ("a text input's min_length not over its max_length",
     in_modal(text_input(min_length=10, max_length=5)),
     in_modal(text_input(min_length=5, max_length=5))),
]  # fmt: skip


def message_errors(blocks: list[Json]) -> list[str]:
    return block_errors(blocks, limit=50)


Errors = Callable[[Any], list[str]]
CASES: list[tuple[str, Errors, Any, Any]] = [
    *((rule, view_errors, bad, good) for rule, bad, good in VIEW_RULES),
    *((rule, message_errors, bad, good) for rule, bad, good in BLOCK_RULES),
    *((rule, message_errors, bad, good) for rule, bad, good in ENFORCED),
    *((rule, view_errors, bad, good) for rule, bad, good in ENFORCED_VIEWS),
]


@pytest.mark.parametrize(("rule", "errors", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_each_published_rule_refuses_the_bad_and_accepts_the_good(
    rule: str, errors: Errors, bad: Any, good: Any
) -> None:
    """The emulator's errors for the layout that breaks `rule`, none for the one made right."""
    assert errors(bad), rule
    assert errors(good) == []
