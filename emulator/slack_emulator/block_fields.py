"""Which elements each block and surface takes, and the fields each part of a block may carry.

Each table cites the page of Slack's reference it comes from (https://docs.slack.dev/reference/
block-kit/…): ``blocks.py`` checks an element's kind against the block and surface it is in,
``block_rules.py`` and ``element_rules.py`` a part's fields against these lists.
"""

from __future__ import annotations

SELECTS = {
    "static_select", "external_select", "users_select", "conversations_select",
    "channels_select",
}  # fmt: skip
MULTI_SELECTS = {f"multi_{kind}" for kind in SELECTS}
TEXT_INPUTS = {
    "plain_text_input", "email_text_input", "url_text_input", "number_input", "rich_text_input",
}  # fmt: skip
INTERACTIVE = {
    "button", "checkboxes", "datepicker", "datetimepicker", "overflow", "radio_buttons",
    "timepicker", "workflow_button", "file_input", *SELECTS, *MULTI_SELECTS, *TEXT_INPUTS,
}  # fmt: skip
# blocks/section-block: "accessory: one of the compatible element objects"
ACCESSORIES = {
    "button", "checkboxes", "datepicker", "image", "overflow", "radio_buttons", "timepicker",
    "workflow_button", *SELECTS, *MULTI_SELECTS,
}  # fmt: skip
# blocks/actions-block: its compatible elements (no text, number or file inputs)
ACTIONS = {
    "button", "checkboxes", "datepicker", "datetimepicker", "overflow", "radio_buttons",
    "rich_text_input", "timepicker", "workflow_button", *SELECTS, *MULTI_SELECTS,
}  # fmt: skip
# blocks/input-block: the elements an input block may hold
INPUTS = {
    "checkboxes", "datepicker", "datetimepicker", "file_input", "radio_buttons", "timepicker",
    *SELECTS, *MULTI_SELECTS, *TEXT_INPUTS,
}  # fmt: skip
# block-elements: the surfaces an element is available in, where not all three
SURFACES = {
    "email_text_input": {"modal"}, "url_text_input": {"modal"}, "number_input": {"modal"},
    "file_input": {"modal"}, "datetimepicker": {"modal", "message"},
    "rich_text_input": {"modal", "home"},
}  # fmt: skip
# blocks: the surfaces a block is available in, where not all three (the reference's "Surfaces"
# column: markdown, table, file and context_actions blocks in messages only, a data table in
# messages and on the Home tab)
BLOCK_SURFACES = {
    "markdown": {"message"}, "table": {"message"}, "file": {"message"},
    "context_actions": {"message"}, "data_table": {"message", "home"},
}  # fmt: skip
# The fields each part may carry: Slack refuses any other with "invalid additional property:
# NAME" (each part's page lists its fields; the error: github.com/slackapi/bolt-js/issues/1891).
# Parts not listed here (rich text, tables, files…) are not checked for it.
_SELECT = ("type", "action_id", "confirm", "focus_on_load", "placeholder")
_MULTI = (*_SELECT, "max_selected_items")
_CHOICES = ("type", "action_id", "options", "confirm", "focus_on_load")
FIELDS: dict[str, frozenset[str]] = {
    kind: frozenset(("type", "block_id", *extra))
    for kind, extra in {
        "section": ("text", "fields", "accessory", "expand"),
        "header": ("text",),
        "context": ("elements",),
        "actions": ("elements",),
        "divider": (),
        "input": ("label", "element", "dispatch_action", "hint", "optional"),
        "image": ("image_url", "slack_file", "alt_text", "title"),
        "markdown": ("text",),
        "file": ("external_id", "source"),
        "data_table": ("rows", "page_size", "caption", "row_header_column_index"),
        "video": (
            "alt_text",
            "author_name",
            "description",
            "provider_icon_url",
            "provider_name",
            "title",
            "title_url",
            "thumbnail_url",
            "video_url",
        ),
    }.items()
}
ELEMENT_FIELDS: dict[str, frozenset[str]] = {
    kind: frozenset(extra)
    for kind, extra in {
        "button": (
            "type", "text", "action_id", "url", "value", "style", "confirm",
            "accessibility_label",
        ),
        "plain_text_input": (
            "type", "action_id", "initial_value", "multiline", "min_length", "max_length",
            "dispatch_action_config", "focus_on_load", "placeholder",
        ),
        "static_select": (*_SELECT, "options", "option_groups", "initial_option"),
        "multi_static_select": (*_MULTI, "options", "option_groups", "initial_options"),
        "external_select": (*_SELECT, "initial_option", "min_query_length"),
        "multi_external_select": (*_MULTI, "initial_options", "min_query_length"),
        "users_select": (*_SELECT, "initial_user"),
        "multi_users_select": (*_MULTI, "initial_users"),
        "conversations_select": (
            *_SELECT, "initial_conversation", "default_to_current_conversation",
            "response_url_enabled", "filter",
        ),
        "multi_conversations_select": (
            *_MULTI, "initial_conversations", "default_to_current_conversation", "filter",
        ),
        "channels_select": (*_SELECT, "initial_channel", "response_url_enabled"),
        "multi_channels_select": (*_MULTI, "initial_channels"),
        "overflow": ("type", "action_id", "options", "confirm"),
        "datepicker": (*_SELECT, "initial_date"),
        "timepicker": (*_SELECT, "initial_time", "timezone"),
        "datetimepicker": ("type", "action_id", "initial_date_time", "confirm", "focus_on_load"),
        "checkboxes": (*_CHOICES, "initial_options"),
        "radio_buttons": (*_CHOICES, "initial_option"),
        "image": ("type", "image_url", "slack_file", "alt_text"),
        "number_input": (
            "type", "action_id", "is_decimal_allowed", "initial_value", "min_value", "max_value",
            "dispatch_action_config", "focus_on_load", "placeholder",
        ),
        "file_input": ("type", "action_id", "filetypes", "max_files"),
        "workflow_button": (
            "type", "text", "workflow", "action_id", "style", "accessibility_label",
        ),
        "icon_button": (
            "type", "icon", "text", "action_id", "value", "confirm", "accessibility_label",
            "visible_to_user_ids",
        ),
        "rich_text_input": (
            "type", "action_id", "initial_value", "dispatch_action_config", "focus_on_load",
            "placeholder",
        ),
        **dict.fromkeys(("email_text_input", "url_text_input"), (
            "type", "action_id", "initial_value", "dispatch_action_config", "focus_on_load",
            "placeholder",
        )),
    }.items()
}  # fmt: skip
TEXT_FIELDS = {"plain_text": frozenset(("type", "text", "emoji")),
               "mrkdwn": frozenset(("type", "text", "verbatim"))}  # fmt: skip
OPTION_FIELDS = frozenset(("text", "value", "description", "url"))
OPTION_GROUP_FIELDS = frozenset(("label", "options"))
CONFIRM_FIELDS = frozenset(("title", "text", "confirm", "deny", "style"))
DISPATCH_CONFIG_FIELDS = frozenset(("trigger_actions_on",))
TRIGGER_FIELDS = frozenset(("url", "customizable_input_parameters"))
FILTER_FIELDS = frozenset(("include", "exclude_external_shared_channels", "exclude_bot_users"))
# reference/views/modal-views and …/home-tab-views
VIEW_FIELDS = {
    "modal": frozenset((
        "type", "title", "blocks", "close", "submit", "private_metadata", "callback_id",
        "clear_on_close", "notify_on_close", "external_id", "submit_disabled",
    )),
    "home": frozenset(("type", "blocks", "private_metadata", "callback_id", "external_id")),
}  # fmt: skip
