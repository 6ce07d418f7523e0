"""Slack's Block Kit rules as the emulator applies them (`slack_emulator.blocks`): each one
refuses a layout Slack refuses and accepts the same layout made right. Through the Web API,
a refused layout is `invalid_blocks` (messages) or `invalid_arguments` (views), and every
refusal or warning is noted in `block_kit_problems`, which fails the tier-b test behind it."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator
from slack_emulator.blocks import (
    attachment_errors,
    block_errors,
    message_warnings,
    metadata_errors,
    options_errors,
    view_errors,
    view_warnings,
)

Json = dict[str, Any]


def plain(text: str, **more: Any) -> Json:
    return {"type": "plain_text", "text": text, **more}


def mrkdwn(text: str, **more: Any) -> Json:
    return {"type": "mrkdwn", "text": text, **more}


def option(text: str, value: str = "v", **more: Any) -> Json:
    return {"text": plain(text), "value": value, **more}


def section(text: Json | None = None, **more: Any) -> Json:
    return {"type": "section", "text": text or mrkdwn("hi"), **more}


def button(action_id: str = "b", **more: Any) -> Json:
    return {"type": "button", "text": plain("Go"), "action_id": action_id, **more}


def select(kind: str = "static_select", **more: Any) -> Json:
    return {"type": kind, "action_id": "s", **more}


def text_input(**more: Any) -> Json:
    return {"type": "plain_text_input", "action_id": "t", **more}


def accessory(element: Json) -> list[Json]:
    return [section(accessory=element)]


def actions(*elements: Json) -> list[Json]:
    return [{"type": "actions", "elements": list(elements)}]


def input_block(element: Json, **more: Any) -> list[Json]:
    return [{"type": "input", "label": plain("Pick"), "element": element, **more}]


def modal(blocks: list[Json] | None = None, **more: Any) -> Json:
    view: Json = {"type": "modal", "title": plain("Title"), "blocks": blocks or [section()]}
    return {**view, **more}


def confirm(**more: Any) -> Json:
    dialog = {"title": plain("Sure?"), "text": plain("Really"), "confirm": plain("Yes")}
    return {**dialog, "deny": plain("No"), **more}


OPTS = [option("One", "1"), option("Two", "2")]
SIX = [option(f"O{i}", str(i)) for i in range(6)]
ELEVEN = [option(f"O{i}", str(i)) for i in range(11)]
GROUPS = [{"label": plain("g"), "options": [option("o", str(g))]} for g in range(101)]
FILE_INPUT = {"type": "file_input", "action_id": "f"}
CONTEXT_IMAGE = {"type": "image", "image_url": "https://x.example/a.png", "alt_text": "a"}
CELL = {"type": "raw_text", "text": "a"}
FEEDBACK = {
    "type": "feedback_buttons",
    "action_id": "f",
    "positive_button": {"text": plain("👍"), "value": "up"},
    "negative_button": {"text": plain("👎"), "value": "down"},
}
FEEDBACKS = [{**FEEDBACK, "action_id": str(i)} for i in range(6)]


def rich(*parts: Json) -> list[Json]:
    return [{"type": "rich_text", "elements": list(parts)}]


def rich_section(*elements: Json, kind: str = "rich_text_section", **more: Any) -> Json:
    return {"type": kind, "elements": list(elements), **more}


WORDS = {"type": "text", "text": "hi"}
HEAD = [{"type": "raw_text", "text": "Team"}, {"type": "raw_text", "text": "Kudos"}]
ROW = [{"type": "raw_text", "text": "Ops"}, {"type": "raw_number", "value": 3}]
DATA = {"type": "data_table", "caption": "Kudos by team", "rows": [HEAD, ROW]}
WORKFLOW = {"trigger": {"url": "https://slack.com/shortcuts/Ft01/x"}}
RUN = {"type": "workflow_button", "text": plain("Run"), "action_id": "w", "workflow": WORKFLOW}
TRASH = {"type": "icon_button", "icon": "trash", "text": plain("Delete"), "action_id": "d"}
VIDEO = {
    "type": "video",
    "alt_text": "a",
    "title": plain("How to"),
    "thumbnail_url": "https://x.example/t.png",
    "video_url": "https://x.example/embed",
}

# (rule, a layout Slack refuses, the same layout made right): messages' blocks
BLOCK_RULES: list[tuple[str, list[Json], list[Json]]] = [
    ("block_id unique in a message",
     [section(block_id="a"), section(block_id="a")],
     [section(block_id="a"), section(block_id="b")]),
    ("action_id unique in its block",
     actions(button("a"), button("a")), actions(button("a"), button("b"))),
    ("an empty text", [section(mrkdwn(""))], [section(mrkdwn("x"))]),
    ("a text of spaces only", [section(mrkdwn("  \n "))], [section(mrkdwn("x"))]),
    ("emoji only on plain_text",
     [section(mrkdwn("x", emoji=True))], [section(mrkdwn("x", verbatim=True))]),
    ("verbatim only on mrkdwn",
     [{"type": "header", "text": plain("x", verbatim=True)}],
     [{"type": "header", "text": plain("x", emoji=True)}]),
    ("section fields ≤ 2,000 each", [section(fields=[mrkdwn("f" * 2001)])],
     [section(fields=[mrkdwn("f" * 2000)])]),
    ("header ≤ 150, plain_text", [{"type": "header", "text": plain("h" * 151)}],
     [{"type": "header", "text": plain("h" * 150)}]),
    ("header is plain_text", [{"type": "header", "text": mrkdwn("h")}],
     [{"type": "header", "text": plain("h")}]),
    ("context ≤ 10 elements", [{"type": "context", "elements": [mrkdwn("c")] * 11}],
     [{"type": "context", "elements": [mrkdwn("c")] * 10}]),
    ("context holds only images and texts",
     [{"type": "context", "elements": [button()]}],
     [{"type": "context", "elements": [CONTEXT_IMAGE, mrkdwn("c")]}]),
    ("image alt_text ≤ 2,000",
     [{"type": "image", "image_url": "https://x.example/a.png", "alt_text": "a" * 2001}],
     [{"type": "image", "image_url": "https://x.example/a.png", "alt_text": "a" * 2000}]),
    ("image alt_text required",
     [{"type": "image", "image_url": "https://x.example/a.png"}],
     [{"type": "image", "image_url": "https://x.example/a.png", "alt_text": "a"}]),
    ("image_url ≤ 3,000",
     [{"type": "image", "image_url": "https://x.example/" + "p" * 2990, "alt_text": "a"}],
     [{"type": "image", "image_url": "https://x.example/" + "p" * 2900, "alt_text": "a"}]),
    ("an overflow menu's option has a value, beside its url too",
     accessory({"type": "overflow", "action_id": "o",
                "options": [{"text": plain("Open"), "url": "https://x.example/"}]}),
     accessory({"type": "overflow", "action_id": "o",
                "options": [{"text": plain("Open"), "url": "https://x.example/", "value": "o"}]})),
    ("button text ≤ 75", actions(button(text=plain("b" * 76))),
     actions(button(text=plain("b" * 75)))),
    ("button url ≤ 3,000", actions(button(url="https://x.example/" + "p" * 2990)),
     actions(button(url="https://x.example/"))),
    ("a button's url is absolute (uptime-kuma#941: no https:// is invalid_blocks)",
     actions(button(url="status.example/x")), actions(button(url="https://status.example/x"))),
    ("a button's url has a host (uptime-kuma#4864: only https:// is invalid_blocks)",
     actions(button(url="https://")), actions(button(url="http://x.example"))),
    ("an overflow option's url is http(s) (openobserve#13742: javascript: is refused)",
     accessory({"type": "overflow", "options": [option("o", url="javascript:alert(1)")]}),
     accessory({"type": "overflow", "options": [option("o", url="https://x.example/?q=1")]})),
    ("an image_url is an absolute URL",
     [{"type": "image", "image_url": "/a.png", "alt_text": "a"}],
     [{"type": "image", "image_url": "https://x.example/a.png", "alt_text": "a"}]),
    ("button style primary or danger", actions(button(style="green")),
     actions(button(style="danger"))),
    ("a section's accessory is one that fits there", accessory(text_input()),
     accessory(select("users_select"))),
    ("placeholder ≤ 150", accessory(select("users_select", placeholder=plain("p" * 151))),
     accessory(select("users_select", placeholder=plain("p" * 150)))),
    ("overflow 1 to 5 options", accessory({"type": "overflow", "options": SIX}),
     accessory({"type": "overflow", "options": SIX[:5]})),
    ("overflow has options", accessory({"type": "overflow", "options": []}),
     accessory({"type": "overflow", "options": SIX[:1]})),
    ("radio_buttons ≤ 10 options", accessory({"type": "radio_buttons", "options": ELEVEN}),
     accessory({"type": "radio_buttons", "options": ELEVEN[:10]})),
    ("checkboxes ≤ 10 options", accessory({"type": "checkboxes", "options": ELEVEN}),
     accessory({"type": "checkboxes", "options": ELEVEN[:10]})),
    ("option text ≤ 75", accessory(select(options=[option("o" * 76)])),
     accessory(select(options=[option("o" * 75)]))),
    ("option value ≤ 150", accessory(select(options=[option("o", "v" * 151)])),
     accessory(select(options=[option("o", "v" * 150)]))),
    ("option description ≤ 75",
     accessory({"type": "radio_buttons", "options": [option("o", description=plain("d" * 76))]}),
     accessory({"type": "radio_buttons", "options": [option("o", description=plain("d" * 75))]})),
    ("a select's option text is plain_text",
     accessory(select(options=[{"text": mrkdwn("*o*"), "value": "o"}])),
     accessory({"type": "checkboxes", "options": [{"text": mrkdwn("*o*"), "value": "o"}]})),
    ("an option url only in an overflow menu",
     accessory(select(options=[option("o", url="https://x.example")])),
     accessory({"type": "overflow", "options": [option("o", url="https://x.example")]})),
    ("initial_option among the options (text and value)",
     accessory(select(options=OPTS, initial_option=option("One", "2"))),
     accessory(select(options=OPTS, initial_option=option("One", "1")))),
    ("initial_options among the options",
     accessory(select("multi_static_select", options=OPTS, initial_options=[option("Three")])),
     accessory(select("multi_static_select", options=OPTS, initial_options=OPTS[1:]))),
    ("option_groups ≤ 100", accessory(select(option_groups=GROUPS)),
     accessory(select(option_groups=GROUPS[:100]))),
    ("option group label ≤ 75",
     accessory(select(option_groups=[{"label": plain("g" * 76), "options": OPTS}])),
     accessory(select(option_groups=[{"label": plain("g" * 75), "options": OPTS}]))),
    ("options or option_groups, not both",
     accessory(select(options=OPTS, option_groups=[{"label": plain("g"), "options": OPTS}])),
     accessory(select(option_groups=[{"label": plain("g"), "options": OPTS}]))),
    ("confirm title ≤ 100", actions(button(confirm=confirm(title=plain("t" * 101)))),
     actions(button(confirm=confirm(title=plain("t" * 100))))),
    ("confirm text ≤ 300", actions(button(confirm=confirm(text=plain("t" * 301)))),
     actions(button(confirm=confirm(text=plain("t" * 300))))),
    ("confirm text is plain_text", actions(button(confirm=confirm(text=mrkdwn("*t*")))),
     actions(button(confirm=confirm(text=plain("*t*"))))),
    ("confirm and deny ≤ 30", actions(button(confirm=confirm(deny=plain("d" * 31)))),
     actions(button(confirm=confirm(deny=plain("d" * 30))))),
    ("a confirm dialog has all its texts", actions(button(confirm={"title": plain("t")})),
     actions(button(confirm=confirm()))),
    ("an actions block holds no text input", actions(button(), text_input()),
     actions(button(), select("users_select"))),
    ("option values unique", accessory(select(options=[option("A", "1"), option("B", "1")])),
     accessory(select(options=[option("A", "1"), option("B", "2")]))),
    ("option values unique across groups",
     accessory(select(option_groups=[{"label": plain("g"), "options": OPTS}] * 2)),
     accessory(select(option_groups=[{"label": plain("g"), "options": OPTS[:1]},
                                     {"label": plain("h"), "options": OPTS[1:]}]))),
    ("a filter's include is not empty",
     accessory(select("conversations_select", filter={"include": []})),
     accessory(select("conversations_select", filter={"include": ["public"]}))),
    ("a filter includes im, mpim, private or public",
     accessory(select("multi_conversations_select", filter={"include": ["channels"]})),
     accessory(select("multi_conversations_select", filter={"include": ["public", "im"]}))),
    ("a filter has a field", accessory(select("conversations_select", filter={})),
     accessory(select("conversations_select", filter={"exclude_bot_users": True}))),
    ("a filter's exclusions are booleans",
     accessory(select("conversations_select", filter={"exclude_bot_users": "yes"})),
     accessory(select("conversations_select", filter={"exclude_bot_users": False}))),
    ("min_query_length not negative", accessory(select("external_select", min_query_length=-1)),
     accessory(select("external_select", min_query_length=0))),
    ("min_query_length a whole number",
     accessory(select("multi_external_select", min_query_length="2")),
     accessory(select("multi_external_select", min_query_length=2))),
    ("focus_on_load on one element only",
     [section(block_id="a", accessory=select("users_select", focus_on_load=True)),
      section(block_id="b", accessory=select("users_select", focus_on_load=True))],
     [section(block_id="a", accessory=select("users_select", focus_on_load=True)),
      section(block_id="b", accessory=select("users_select", focus_on_load=False))]),
    ("response_url_enabled only in a modal's input block",
     accessory(select("conversations_select", response_url_enabled=True)),
     accessory(select("conversations_select"))),
    ("email, url, number and file inputs only in modals",
     input_block({"type": "email_text_input", "action_id": "e"}), input_block(text_input())),
    ("a rich text input is not available in messages",
     input_block({"type": "rich_text_input", "action_id": "r"}), input_block(text_input())),
    ("a block carries only its fields", [section(disabled=True)], [section(expand=True)]),
    ("an element carries only its fields", actions(button(disabled=True)),
     actions(button(value="v", accessibility_label="Go now"))),
    ("a text object carries only its fields", [section(mrkdwn("hi", style="bold"))],
     [section(mrkdwn("hi", verbatim=True))]),
    ("an option carries only its fields", accessory(select(options=[option("o", selected=1)])),
     accessory(select(options=[option("o", description=plain("d"))]))),
    ("a confirm dialog carries only its fields",
     actions(button(confirm=confirm(color="red"))), actions(button(confirm=confirm()))),
    ("a Boolean field is a boolean", input_block(text_input(multiline="true")),
     input_block(text_input(multiline=True))),
    ("an id is a string", actions(button(value=7)), actions(button(value="7"))),
    ("initial_users are IDs", input_block(select("multi_users_select", initial_users="U1")),
     input_block(select("multi_users_select", initial_users=["U1"]))),
    ("a markdown block's text ≤ 12,000", [{"type": "markdown", "text": "m" * 12001}],
     [{"type": "markdown", "text": "m" * 12000}]),
    ("a markdown block has its text", [{"type": "markdown", "block_id": "m"}],
     [{"type": "markdown", "block_id": "m", "text": "**hi**"}]),
    ("markdown blocks ≤ 12,000 characters in all",
     [{"type": "markdown", "text": "m" * 6000}, {"type": "markdown", "text": "m" * 6001}],
     [{"type": "markdown", "text": "m" * 6000}, {"type": "markdown", "text": "m" * 6000}]),
    ("a markdown block carries only its fields",
     [{"type": "markdown", "text": "hi", "expand": True}], [{"type": "markdown", "text": "hi"}]),
    ("a video's title under 200 characters, plain_text",
     [{**VIDEO, "title": plain("t" * 200)}], [{**VIDEO, "title": plain("t" * 199)}]),
    ("a video has its alt_text, title, thumbnail_url and video_url",
     [{k: v for k, v in VIDEO.items() if k != "thumbnail_url"}], [VIDEO]),
    ("a video's author_name under 50 characters",
     [{**VIDEO, "author_name": "a" * 50}], [{**VIDEO, "author_name": "a" * 49}]),
    ("a video's description under 200 characters, plain_text",
     [{**VIDEO, "description": mrkdwn("d")}], [{**VIDEO, "description": plain("d" * 199)}]),
    ("a video's video_url and title_url are HTTPS URLs",
     [{**VIDEO, "video_url": "http://x.example/embed", "title_url": "x.example/v"}],
     [{**VIDEO, "title_url": "https://x.example/v"}]),
    ("a file block is a remote file's", [{"type": "file", "external_id": "F1", "source": "local"}],
     [{"type": "file", "external_id": "F1", "source": "remote"}]),
    ("a file block names its file", [{"type": "file", "source": "remote"}],
     [{"type": "file", "external_id": "ABCD1", "source": "remote"}]),
    ("a file block carries only its fields",
     [{"type": "file", "external_id": "F1", "source": "remote", "title": "x"}],
     [{"type": "file", "external_id": "F1", "source": "remote", "block_id": "f"}]),
    ("a workflow button has its workflow's trigger",
     actions({**RUN, "workflow": {"trigger": {}}}), actions(RUN)),
    ("a workflow button has a workflow", actions({k: v for k, v in RUN.items() if k != "workflow"}),
     accessory(RUN)),
    ("a workflow button has an action_id",
     actions({k: v for k, v in RUN.items() if k != "action_id"}), actions(RUN)),
    ("a workflow button's text plain_text ≤ 75",
     actions({**RUN, "text": plain("r" * 76)}), actions({**RUN, "text": plain("r" * 75)})),
    ("a workflow button carries only its fields", actions({**RUN, "value": "v"}),
     actions({**RUN, "style": "primary", "accessibility_label": "Run it"})),
    ("a trigger's input parameters have a name and a value",
     actions({**RUN, "workflow": {"trigger": {**WORKFLOW["trigger"],
                                              "customizable_input_parameters": [{"name": "a"}]}}}),
     actions({**RUN, "workflow": {"trigger": {
         **WORKFLOW["trigger"], "customizable_input_parameters": [{"name": "a", "value": "1"}]}}})),
    ("an icon button's icon is trash",
     [{"type": "context_actions", "elements": [{**TRASH, "icon": "pencil"}]}],
     [{"type": "context_actions", "elements": [TRASH]}]),
    ("an icon button has its text",
     [{"type": "context_actions", "elements": [{**TRASH, "text": mrkdwn("Delete")}]}],
     [{"type": "context_actions", "elements": [{**TRASH, "value": "v" * 2000}]}]),
    ("an icon button carries only its fields",
     [{"type": "context_actions", "elements": [{**TRASH, "style": "danger"}]}],
     [{"type": "context_actions", "elements": [{**TRASH, "visible_to_user_ids": ["U1"]}]}]),
    ("a rich text block holds rich text objects",
     rich({"type": "section", "text": mrkdwn("hi")}), rich(rich_section(WORDS))),
    ("a rich text list is bullet or ordered",
     rich(rich_section(rich_section(WORDS), kind="rich_text_list", style="dashed")),
     rich(rich_section(rich_section(WORDS), kind="rich_text_list", style="ordered", indent=1))),
    ("a rich text list's indent 0 to 8",
     rich(rich_section(rich_section(WORDS), kind="rich_text_list", style="bullet", indent=9)),
     rich(rich_section(rich_section(WORDS), kind="rich_text_list", style="bullet", indent=8))),
    ("a rich text border is 0 or 1",
     rich(rich_section(WORDS, kind="rich_text_quote", border=2)),
     rich(rich_section(WORDS, kind="rich_text_preformatted", border=1))),
    ("a rich text element's style flags are booleans",
     rich(rich_section({**WORDS, "style": {"bold": "yes"}})),
     rich(rich_section({**WORDS, "style": {"bold": True, "code": False}}))),
    ("a rich text list holds sections",
     rich(rich_section(WORDS, kind="rich_text_list", style="bullet")),
     rich(rich_section(rich_section(WORDS), kind="rich_text_list", style="bullet"))),
    ("a rich text object has its elements",
     rich({"type": "rich_text_quote"}), rich(rich_section(WORDS, kind="rich_text_quote"))),
    ("a rich text element has what it is about",
     rich(rich_section({"type": "link", "text": "docs"}, {"type": "user"})),
     rich(rich_section({"type": "link", "url": "https://x.example"}, {"type": "user",
                                                                      "user_id": "U1"}))),
    ("a data table is a block Slack takes", [{**DATA, "type": "datatable"}], [DATA]),
    ("a data table has its caption", [{k: v for k, v in DATA.items() if k != "caption"}],
     [{**DATA, "page_size": 100, "row_header_column_index": 1}]),
    ("a data table has a header and a row", [{**DATA, "rows": [HEAD]}], [DATA]),
    ("a data table has at most 101 rows", [{**DATA, "rows": [HEAD, *[ROW] * 101]}],
     [{**DATA, "rows": [HEAD, *[ROW] * 100]}]),
    ("a data table's rows are as long as each other", [{**DATA, "rows": [HEAD, ROW[:1]]}],
     [DATA]),
    ("a data table's header has no rich_text",
     [{**DATA, "rows": [[rich(rich_section(WORDS))[0], HEAD[1]], ROW]}],
     [{**DATA, "rows": [HEAD, [rich(rich_section(WORDS))[0], ROW[1]]]}]),
    ("a data table's page_size 1 to 100", [{**DATA, "page_size": 0}],
     [{**DATA, "page_size": 1}]),
    ("a data table's row header is one of its columns",
     [{**DATA, "row_header_column_index": 2}], [{**DATA, "row_header_column_index": 0}]),
    ("a data table carries only its fields", [{**DATA, "column_settings": []}], [DATA]),
    ("a video carries only its fields", [{**VIDEO, "autoplay": True}],
     [{**VIDEO, "provider_name": "YouTube", "title_url": "https://x.example/v"}]),
    ("a table ≤ 100 rows", [{"type": "table", "rows": [[CELL]] * 101}],
     [{"type": "table", "rows": [[CELL]] * 100}]),
    ("a table row ≤ 20 cells", [{"type": "table", "rows": [[CELL] * 21]}],
     [{"type": "table", "rows": [[CELL] * 20]}]),
    ("a table has rows", [{"type": "table"}], [{"type": "table", "rows": [[CELL]]}]),
    ("a table cell is raw_text or rich_text",
     [{"type": "table", "rows": [[mrkdwn("*a*")]]}], [{"type": "table", "rows": [[CELL]]}]),
    ("a table's column_settings ≤ 20, aligned left, center or right",
     [{"type": "table", "rows": [[CELL]], "column_settings": [{"align": "middle"}]}],
     [{"type": "table", "rows": [[CELL]],
       "column_settings": [{"align": "right", "is_wrapped": True}] * 20}]),
    ("context_actions 1 to 5 elements",
     [{"type": "context_actions", "elements": FEEDBACKS}],
     [{"type": "context_actions", "elements": FEEDBACKS[:5]}]),
    ("context_actions has elements", [{"type": "context_actions", "elements": []}],
     [{"type": "context_actions", "elements": [FEEDBACK]}]),
    ("feedback buttons have both buttons",
     [{"type": "context_actions", "elements": [{**FEEDBACK, "negative_button": None}]}],
     [{"type": "context_actions", "elements": [FEEDBACK]}]),
    ("a feedback button's text plain_text ≤ 75, its value required ≤ 2,000",
     [{"type": "context_actions", "elements": [{**FEEDBACK, "positive_button": {
         "text": plain("y" * 76), "value": "v" * 2001}}]}],
     [{"type": "context_actions", "elements": [{**FEEDBACK, "positive_button": {
         "text": plain("y" * 75), "value": "v" * 2000}}]}]),
    ("a datepicker's initial_date is YYYY-MM-DD",
     accessory({"type": "datepicker", "action_id": "d", "initial_date": "24/12/2026"}),
     accessory({"type": "datepicker", "action_id": "d", "initial_date": "2026-12-24"})),
    ("a datepicker's initial_date is a real day",
     accessory({"type": "datepicker", "action_id": "d", "initial_date": "2026-02-30"}),
     accessory({"type": "datepicker", "action_id": "d", "initial_date": "2026-02-28"})),
    ("a timepicker's initial_time is HH:mm",
     accessory({"type": "timepicker", "action_id": "t", "initial_time": "9:30 pm"}),
     accessory({"type": "timepicker", "action_id": "t", "initial_time": "21:30"})),
    ("initial_options not empty (left out when nothing is chosen)",
     accessory(select("multi_static_select", options=OPTS, initial_options=[])),
     accessory(select("multi_static_select", options=OPTS))),
    ("a multi external select's initial_options not empty",
     input_block(select("multi_external_select", initial_options=[])),
     input_block(select("multi_external_select", initial_options=OPTS[:1]))),
    ("checkboxes' initial_options not empty",
     accessory({"type": "checkboxes", "options": OPTS, "initial_options": []}),
     accessory({"type": "checkboxes", "options": OPTS, "initial_options": OPTS[:1]})),
    ("dispatch_action_config triggers on_enter_pressed or on_character_entered",
     input_block(text_input(dispatch_action_config={"trigger_actions_on": ["on_blur"]})),
     input_block(text_input(dispatch_action_config={"trigger_actions_on": ["on_enter_pressed"]}))),
    ("dispatch_action_config names at least one trigger",
     input_block(text_input(dispatch_action_config={"trigger_actions_on": []})),
     input_block(text_input(dispatch_action_config={
         "trigger_actions_on": ["on_enter_pressed", "on_character_entered"]}))),
    ("dispatch_action_config carries only trigger_actions_on",
     input_block(text_input(dispatch_action_config={"on": ["on_enter_pressed"]})),
     input_block(text_input(dispatch_action_config={}))),
    ("a datetimepicker's initial_date_time is a UNIX timestamp",
     actions({"type": "datetimepicker", "action_id": "d", "initial_date_time": "1767225600"}),
     actions({"type": "datetimepicker", "action_id": "d", "initial_date_time": 1767225600})),
]  # fmt: skip

# (rule, a view Slack refuses, the same view made right)
VIEW_RULES: list[tuple[str, Json, Json]] = [
    ("modal title ≤ 24", modal(title=plain("t" * 25)), modal(title=plain("t" * 24))),
    ("modal title is plain_text", modal(title=mrkdwn("t")), modal(title=plain("t"))),
    ("modal submit ≤ 24", modal(submit=plain("s" * 25)), modal(submit=plain("s" * 24))),
    ("modal close ≤ 24", modal(close=plain("c" * 25)), modal(close=plain("c" * 24))),
    ("input blocks need submit", modal(input_block(text_input())),
     modal(input_block(text_input()), submit=plain("Save"))),
    ("private_metadata ≤ 3,000", modal(private_metadata="m" * 3001),
     modal(private_metadata="m" * 3000)),
    ("callback_id ≤ 255", modal(callback_id="c" * 256), modal(callback_id="c" * 255)),
    ("external_id ≤ 255", modal(external_id="e" * 256), modal(external_id="e" * 255)),
    ("Home tab ≤ 100 blocks", {"type": "home", "blocks": [section()] * 101},
     {"type": "home", "blocks": [section()] * 100}),
    ("block_id unique in a view",
     {"type": "home", "blocks": [section(block_id="a"), section(block_id="a")]},
     {"type": "home", "blocks": [section(block_id="a"), section(block_id="b")]}),
    ("input label ≤ 2,000",
     modal(input_block(text_input(), label=plain("l" * 2001)), submit=plain("Save")),
     modal(input_block(text_input(), label=plain("l" * 2000)), submit=plain("Save"))),
    ("input hint ≤ 2,000",
     modal(input_block(text_input(), hint=plain("h" * 2001)), submit=plain("Save")),
     modal(input_block(text_input(), hint=plain("h" * 2000)), submit=plain("Save"))),
    ("an input block holds an input element", modal(input_block(button()), submit=plain("Go")),
     modal(input_block(select("users_select")), submit=plain("Go"))),
    ("plain_text_input max_length ≤ 3,000",
     modal(input_block(text_input(max_length=3001)), submit=plain("Save")),
     modal(input_block(text_input(max_length=3000)), submit=plain("Save"))),
    ("plain_text_input min_length ≤ 3,000",
     modal(input_block(text_input(min_length=3001)), submit=plain("Save")),
     modal(input_block(text_input(min_length=3000)), submit=plain("Save"))),
    ("initial_value within max_length",
     modal(input_block(text_input(max_length=10, initial_value="v" * 11)), submit=plain("Save")),
     modal(input_block(text_input(max_length=10, initial_value="v" * 10)), submit=plain("Save"))),
    ("initial_value ≤ 3,000 without a max_length",
     modal(input_block(text_input(initial_value="v" * 3001)), submit=plain("Save")),
     modal(input_block(text_input(initial_value="v" * 3000)), submit=plain("Save"))),
    ("max_length is a whole number",
     modal(input_block(text_input(max_length="9")), submit=plain("Save")),
     modal(input_block(text_input(max_length=9)), submit=plain("Save"))),
    ("initial_value not under min_length",
     modal(input_block(text_input(min_length=5, initial_value="v")), submit=plain("Save")),
     modal(input_block(text_input(min_length=5, initial_value="v" * 5)), submit=plain("Save"))),
    ("response_url_enabled only in a modal",
     {"type": "home", "blocks": input_block(select("conversations_select",
                                                   response_url_enabled=True))},
     modal(input_block(select("conversations_select", response_url_enabled=True)),
           submit=plain("Go"))),
    ("a datetimepicker is not available on the Home tab",
     {"type": "home", "blocks": actions({"type": "datetimepicker", "action_id": "d"})},
     modal(actions({"type": "datetimepicker", "action_id": "d"}))),
    ("a number input says whether decimals are allowed",
     modal(input_block({"type": "number_input", "action_id": "n"}), submit=plain("Go")),
     modal(input_block({"type": "number_input", "action_id": "n", "is_decimal_allowed": False}),
           submit=plain("Go"))),
    ("a number input's values are strings",
     modal(input_block({"type": "number_input", "is_decimal_allowed": True, "min_value": 1}),
           submit=plain("Go")),
     modal(input_block({"type": "number_input", "is_decimal_allowed": True, "min_value": "1"}),
           submit=plain("Go"))),
    ("a number input's min_value not greater than its max_value",
     modal(input_block({"type": "number_input", "is_decimal_allowed": True, "min_value": "10",
                        "max_value": "9.5"}), submit=plain("Go")),
     modal(input_block({"type": "number_input", "is_decimal_allowed": True, "min_value": "-10",
                        "max_value": "9.5"}), submit=plain("Go"))),
    ("a time picker's timezone is a string",
     modal(actions({"type": "timepicker", "action_id": "t", "timezone": 0})),
     modal(actions({"type": "timepicker", "action_id": "t", "timezone": "Europe/Paris"}))),
    ("a number input carries only its fields",
     modal(input_block({"type": "number_input", "is_decimal_allowed": True, "step": "1"}),
           submit=plain("Go")),
     modal(input_block({"type": "number_input", "is_decimal_allowed": True, "max_value": "9"}),
           submit=plain("Go"))),
    ("a file input's max_files 1 to 10",
     modal(input_block({**FILE_INPUT, "max_files": 11}), submit=plain("Go")),
     modal(input_block({**FILE_INPUT, "max_files": 10}), submit=plain("Go"))),
    ("a file input's max_files at least 1",
     modal(input_block({**FILE_INPUT, "max_files": 0}), submit=plain("Go")),
     modal(input_block({**FILE_INPUT, "max_files": 1, "filetypes": ["png"]}),
           submit=plain("Go"))),
    ("an email input carries only its fields",
     modal(input_block({"type": "email_text_input", "multiline": True}), submit=plain("Go")),
     modal(input_block({"type": "email_text_input", "initial_value": "a@x.example",
                        "dispatch_action_config": {}}), submit=plain("Go"))),
    ("a URL input carries only its fields",
     modal(input_block({"type": "url_text_input", "max_length": 9}), submit=plain("Go")),
     modal(input_block({"type": "url_text_input", "placeholder": plain("https://")}),
           submit=plain("Go"))),
    ("notify_on_close is a boolean", modal(notify_on_close=1), modal(notify_on_close=True)),
    ("a modal carries only a modal's fields", modal(hash="1.2"), modal(notify_on_close=True)),
    ("the Home tab has no title, submit or close",
     {"type": "home", "blocks": [section()], "title": plain("Home")},
     {"type": "home", "blocks": [section()], "callback_id": "home"}),
    ("dispatch_action is incompatible with file_input",
     modal([{**input_block(FILE_INPUT)[0], "dispatch_action": True}], submit=plain("Go")),
     modal(input_block(FILE_INPUT), submit=plain("Go"))),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "bad", "good"), BLOCK_RULES, ids=[r[0] for r in BLOCK_RULES])
def test_each_block_rule_refuses_the_bad_and_accepts_the_good(
    rule: str, bad: list[Json], good: list[Json]
) -> None:
    assert block_errors(bad, limit=50), rule
    assert block_errors(good, limit=50) == []


@pytest.mark.parametrize(("rule", "bad", "good"), VIEW_RULES, ids=[r[0] for r in VIEW_RULES])
def test_each_view_rule_refuses_the_bad_and_accepts_the_good(
    rule: str, bad: Json, good: Json
) -> None:
    assert view_errors(bad), rule
    assert view_errors(good) == []


def test_an_external_selects_options_follow_the_option_rules() -> None:
    """block_suggestion answers: ≤ 100 options, each within an option's limits."""
    assert options_errors({"options": [option("o" * 76)]})
    assert options_errors({"options": [option("o", str(i)) for i in range(101)]})
    assert options_errors({"options": [option("o", str(i)) for i in range(100)]}) == []
    assert options_errors({"options": [option("a", "1"), option("b", "1")]})  # values unique


def test_blocks_without_a_fallback_text_are_warned_about() -> None:
    """Slack posts them, but notifications and screen readers have nothing to show."""
    assert message_warnings("", [section()]) and message_warnings("  ", [section()])
    assert message_warnings("hi", [section()]) == [] and message_warnings("hi", None) == []


def test_a_text_over_four_thousand_characters_is_warned_about() -> None:
    """methods/chat.postMessage, "Truncating content": best kept to 4,000 characters; longer
    ones Slack may split into several messages (changelog 2018-04, truncating really long
    messages), and past 40,000 it cuts them."""
    assert message_warnings("x" * 4001, None) and message_warnings("x" * 4001, [section()])
    assert message_warnings("x" * 4000, None) == []


def test_an_attachments_blocks_follow_the_message_rules() -> None:
    """reference/messaging/attachments: `blocks` "in the same format" as a message's, so the
    same limits; attachments are an array of objects."""
    assert attachment_errors([{"blocks": [section(mrkdwn("x" * 3001))]}])
    assert attachment_errors([{"blocks": [{"type": "divider"}] * 51}])
    assert attachment_errors({"text": "x"}) and attachment_errors(["x"])
    assert attachment_errors([{"color": "#36a64f", "blocks": [section()]}]) == []
    assert attachment_errors(None) == []


def test_message_metadata_has_an_event_type_and_an_event_payload() -> None:
    """methods/chat.postMessage `metadata`: "JSON object with event_type and event_payload
    fields"; anything else is invalid_metadata_format."""
    assert metadata_errors({"event_type": "x"}) and metadata_errors({"event_payload": {}})
    assert metadata_errors({"event_type": "", "event_payload": {}})
    assert metadata_errors({"event_type": "x", "event_payload": "y"}) and metadata_errors("x")
    assert metadata_errors({"event_type": "x", "event_payload": {"k": 1}}) == []
    assert metadata_errors(None) == []


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("R&amp;amp;D", None),  # escaped twice
        ("x", [section(mrkdwn("a long reason, R&am…"))]),  # an entity cut in half
        ("see <#C123…", None),  # a channel link cut in half
        ("x", [section(mrkdwn("C<3 & co"))]),  # typed, not escaped
        ("x", [section(mrkdwn("<https://x.example|R&D's week>"))]),  # nor in a link's label
        ("x", [section(mrkdwn("** was thanked"))]),  # a blank name in bold
        ("x", [{"type": "header", "text": plain("R&amp;D's week")}]),  # plain_text escaped
        ("x", [{"type": "actions", "elements": [button(text=plain("Thank <@U1>"))]}]),
        # mrkdwn's marks in plain_text, shown as typed: a hint in code, a label in bold
        ("x", [{"type": "header", "text": plain("`role=kudos a day` (e.g. `manager=8`)")}]),
        ("x", [{"type": "actions", "elements": [button(text=plain("*Save* _now_"))]}]),
    ],
)
def test_words_that_break_slacks_formatting_rules_are_warned_about(text: str, blocks: Any) -> None:
    """Slack posts them, and shows them mangled: `&am…`, `R&amp;D` in a header, `<#C123…`."""
    assert message_warnings(text, blocks)


def test_words_that_keep_slacks_formatting_rules_are_not() -> None:
    said = (
        "> R&amp;D &lt;3 <@U1|ana> in <#C1>, <https://x.example|a | b &amp; c> "
        "<!date^1^{date}|d> *ok*"
    )
    assert (
        message_warnings(said, [section(mrkdwn(said)), {"type": "header", "text": plain("R&D")}])
        == []
    )
    assert view_warnings(modal([section(mrkdwn("a &lt; b"))])) == []
    # A mark alone is a character, to mrkdwn as to a reader: a name's asterisk, a product.
    alone = "Ana* · 5 * 3 · * · snake_case_name · 2*3*4 · C++ ~ 3 · it's ` here"
    assert message_warnings("x", [{"type": "header", "text": plain(alone)}]) == []
    assert view_warnings(modal([{"type": "header", "text": plain("a &lt; b")}]))


async def test_the_web_api_refuses_and_notes_what_slack_refuses(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """A refused layout answers Slack's error with its pointer, and is noted; so is a message
    of blocks without text, which Slack accepts."""
    general = emu.workspace.general.id
    bad = accessory(select(options=OPTS, initial_option=option("One", "2")))
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postMessage(channel=general, text="x", blocks=bad)
    assert caught.value.response["error"] == "invalid_blocks"
    assert (
        "/blocks/0/accessory/initial_option"
        in caught.value.response["response_metadata"]["messages"][0]
    )
    alice = emu.workspace.add_user("alice")
    trigger = emu.workspace.views.issue_trigger(alice.id)
    with pytest.raises(SlackApiError) as caught:
        await client.views_open(trigger_id=trigger, view=modal(input_block(text_input())))
    assert caught.value.response["error"] == "invalid_arguments"
    with pytest.warns(UserWarning, match="text"):
        await client.chat_postMessage(channel=general, blocks=[section()])
    assert [p.split(":")[0] for p in emu.block_kit_problems] == [
        "chat.postMessage",
        "views.open",
        "chat.postMessage",
    ]
    assert "missing_text" in emu.block_kit_problems[-1]


async def test_an_update_that_keeps_a_block_id_is_warned_about(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """blocks/*: "block_id should be unique for each message and each iteration of a message.
    If a message is updated, use a new block_id" (a client keeps what was chosen in a block it
    has seen): chat.update with a block_id of the message's previous version is noted; with
    new block_ids, or text alone (the blocks kept), it is not."""
    general = emu.workspace.general.id
    first = actions(button("a"))[0] | {"block_id": "offer_1"}
    posted = await client.chat_postMessage(channel=general, text="x", blocks=[first])
    await client.chat_update(channel=general, ts=posted["ts"], text="y", blocks=[first])
    again = first | {"block_id": "offer_1.2"}
    await client.chat_update(channel=general, ts=posted["ts"], text="z", blocks=[again])
    await client.chat_update(channel=general, ts=posted["ts"], text="only the text")
    assert [p.split(" [json")[0] for p in emu.block_kit_problems] == [
        "chat.update: [WARN] block_id offer_1 is the message's previous one: "
        "use a new block_id when a message is updated"
    ]
