"""Slack's rules for the parts of a block: text objects, options, confirm dialogs, elements.

Each rule cites the page of Slack's reference it comes from (https://docs.slack.dev/reference/
block-kit/…); ``blocks.py`` applies them to whole messages and views. A broken rule is reported
the way Slack reports it in ``response_metadata.messages``: ``[ERROR] what [json-pointer:…]``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

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
# block-elements/overflow-menu-element: up to five; radio-button-group-element and
# checkboxes-element: "a maximum of 10 options"; select-menu-element: "maximum of 100"
_OPTION_COUNTS = {"overflow": 5, "radio_buttons": 10, "checkboxes": 10}
_MRKDWN_OPTIONS = {"radio_buttons", "checkboxes"}  # option-object: others take plain_text only
_PLACEHOLDERS = {
    "datepicker", "datetimepicker", "timepicker", *SELECTS, *MULTI_SELECTS, *TEXT_INPUTS
}  # fmt: skip
# block-elements: the surfaces an element is available in, where not all three
SURFACES = {
    "email_text_input": {"modal"}, "url_text_input": {"modal"}, "number_input": {"modal"},
    "file_input": {"modal"}, "datetimepicker": {"modal", "message"},
    "rich_text_input": {"modal", "home"},
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
# The fields of a type every page gives as Boolean, String or an array of IDs.
_BOOLEANS = {
    "optional", "multiline", "dispatch_action", "emoji", "verbatim", "focus_on_load", "expand",
    "default_to_current_conversation", "response_url_enabled", "clear_on_close",
    "notify_on_close", "submit_disabled", "exclude_external_shared_channels", "exclude_bot_users",
    "is_decimal_allowed",
}  # fmt: skip
_STRINGS = {
    "block_id", "action_id", "value", "url", "callback_id", "private_metadata", "external_id",
    "initial_value", "initial_user", "initial_conversation", "initial_channel", "style",
    "image_url", "alt_text", "accessibility_label", "min_value", "max_value", "author_name",
    "provider_icon_url", "provider_name", "title_url", "thumbnail_url", "video_url",
    "timezone", "source", "caption",
}  # fmt: skip
_STRING_LISTS = {
    "initial_users", "initial_conversations", "initial_channels", "visible_to_user_ids",
}  # fmt: skip
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_CONVERSATION_KINDS = ("im", "mpim", "private", "public")
_FILTER_FLAGS = ("exclude_external_shared_channels", "exclude_bot_users")
_TRIGGERS = ("on_enter_pressed", "on_character_entered")


class Report:
    """The errors found so far, with a helper for each kind of rule."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def add(self, message: str, pointer: str) -> None:
        self.errors.append(f"[ERROR] {message} [json-pointer:{pointer}]")

    def length(self, value: Any, limit: int, pointer: str) -> None:
        if value is not None and len(str(value)) > limit:
            self.add(f"must be less than {limit + 1} characters", pointer)

    def url(self, value: Any, limit: int, pointer: str) -> None:
        """A link Slack opens or fetches (a button's or overflow option's `url`, an
        `image_url`): ≤ `limit` characters and an absolute http(s) URL with a host. Slack's
        pages give only the length, but refuse the rest with invalid_blocks: a button url
        without "https://" or that is only "https://" (louislam/uptime-kuma#941, #4864), a
        `javascript:` link (openobserve/openobserve#13742); "invalid_url" is Slack's message
        for a bad URL in blocks (slackapi/bolt-python#1016)."""
        if not isinstance(value, str):
            return
        self.length(value, limit, pointer)
        try:
            parts = urlsplit(value)
            ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        except ValueError:  # an unbalanced [ in the host
            ok = False
        if not ok or any(c.isspace() for c in value):
            self.add("invalid_url", pointer)

    def https(self, value: Any, pointer: str) -> None:
        """A link that must "point to a HTTPS URL" (blocks/video-block): https, with a host."""
        if not isinstance(value, str) or not value:
            return
        try:
            parts = urlsplit(value)
            ok = parts.scheme == "https" and bool(parts.hostname)
        except ValueError:
            ok = False
        if not ok or any(c.isspace() for c in value):
            self.add("must be an HTTPS URL", pointer)

    def items(self, items: Any, most: int, pointer: str, *, least: int = 0) -> list[Any]:
        if items is None and not least:
            return []
        if not isinstance(items, list):
            self.add("must be an array", pointer)
            return []
        if len(items) < least:
            self.add(f"must provide at least {least} items", pointer)
        if len(items) > most:
            self.add(f"must provide no more than {most} items", pointer)
        return items

    def fields(self, obj: dict[str, Any], allowed: frozenset[str] | None, pointer: str) -> None:
        """Only the fields Slack's reference lists for this part (`allowed`; None: unchecked)."""
        for key, value in obj.items():
            if allowed is not None and key not in allowed:
                self.add(f"invalid additional property: {key}", pointer)
            elif key in _BOOLEANS and not isinstance(value, bool):
                self.add("must be a boolean", f"{pointer}/{key}")
            elif key in _STRINGS and not isinstance(value, str):
                self.add("must be a string", f"{pointer}/{key}")
            elif key in _STRING_LISTS and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                self.add("must be an array of strings", f"{pointer}/{key}")

    def whole(self, obj: dict[str, Any], key: str, default: int, pointer: str) -> int:
        """A whole-number field (`default` when unset or not a number, which is refused)."""
        value = obj.get(key, default)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        self.add("must be an integer", f"{pointer}/{key}")
        return default

    def text(
        self, obj: Any, limit: int, pointer: str, *, plain: bool = False, required: bool = False
    ) -> None:
        """composition-objects/text-object: plain_text or mrkdwn, 1 to 3,000 characters (less
        where the field says so); `emoji` only on plain_text, `verbatim` only on mrkdwn."""
        if obj is None:
            if required:
                self.add("missing required field: text", pointer)
            return
        kind = obj.get("type") if isinstance(obj, dict) else None
        if kind not in ("plain_text", "mrkdwn"):
            self.add("must be a valid text object", pointer)
            return
        if plain and kind != "plain_text":
            self.add("must be a plain_text text object", f"{pointer}/type")
        self.fields(obj, TEXT_FIELDS[kind] | {"emoji", "verbatim"}, pointer)
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            self.add("must be more than 0 characters (and not only spaces)", f"{pointer}/text")
        self.length(text, min(limit, 3000), f"{pointer}/text")
        if "emoji" in obj and kind != "plain_text":
            self.add("emoji is only allowed on plain_text", f"{pointer}/emoji")
        if "verbatim" in obj and kind != "mrkdwn":
            self.add("verbatim is only allowed on mrkdwn", f"{pointer}/verbatim")

    def option(self, option: Any, pointer: str, *, mrkdwn: bool, url: bool) -> None:
        """composition-objects/option-object: text ≤ 75, value ≤ 150, description ≤ 75
        (plain_text), url ≤ 3,000 and only in an overflow menu."""
        if not isinstance(option, dict):
            self.add("must be an option object", pointer)
            return
        self.fields(option, OPTION_FIELDS, pointer)
        self.text(option.get("text"), 75, f"{pointer}/text", plain=not mrkdwn, required=True)
        if "value" not in option:  # required, beside an overflow option's url too
            self.add("missing required field: value", pointer)
        self.length(option.get("value"), 150, f"{pointer}/value")
        self.text(option.get("description"), 75, f"{pointer}/description", plain=not mrkdwn)
        if "url" in option and not url:
            self.add("url is only allowed in an overflow menu's options", f"{pointer}/url")
        self.url(option.get("url"), 3000, f"{pointer}/url")

    def confirm(self, dialog: Any, pointer: str) -> None:
        """composition-objects/confirmation-dialog-object: title ≤ 100, text ≤ 300, confirm
        and deny ≤ 30, all required and plain_text; style primary|danger."""
        if dialog is None:
            return
        if not isinstance(dialog, dict):
            self.add("must be a confirmation dialog object", pointer)
            return
        self.fields(dialog, CONFIRM_FIELDS, pointer)
        for key, limit in (("title", 100), ("text", 300), ("confirm", 30), ("deny", 30)):
            self.text(dialog.get(key), limit, f"{pointer}/{key}", plain=True, required=True)
        if dialog.get("style", "primary") not in ("primary", "danger"):
            self.add("must be primary or danger", f"{pointer}/style")

    def conversation_filter(self, chosen: Any, pointer: str) -> None:
        """composition-objects/conversation-filter-object: at least one field; `include` a
        non-empty array of im, mpim, private and public; the two exclusions booleans."""
        if chosen is None:
            return
        if not isinstance(chosen, dict):
            self.add("must be a conversation filter object", pointer)
            return
        self.fields(chosen, FILTER_FIELDS, pointer)
        if not any(key in chosen for key in ("include", *_FILTER_FLAGS)):
            self.add("must provide at least one of include, " + ", ".join(_FILTER_FLAGS), pointer)
        if "include" in chosen:
            self.some_of(chosen["include"], _CONVERSATION_KINDS, f"{pointer}/include")
        for key in _FILTER_FLAGS:
            if key in chosen and not isinstance(chosen[key], bool):
                self.add("must be a boolean", f"{pointer}/{key}")

    def dispatch_config(self, config: Any, pointer: str) -> None:
        """composition-objects/dispatch-action-configuration-object: `trigger_actions_on`
        "should be one or both of" on_enter_pressed and on_character_entered."""
        if config is None:
            return
        where = f"{pointer}/dispatch_action_config"
        if not isinstance(config, dict):
            self.add("must be a dispatch action configuration object", where)
            return
        self.fields(config, DISPATCH_CONFIG_FIELDS, where)
        if "trigger_actions_on" in config:
            self.some_of(config["trigger_actions_on"], _TRIGGERS, f"{where}/trigger_actions_on")

    def some_of(self, chosen: Any, allowed: tuple[str, ...], pointer: str) -> None:
        """A non-empty array of some of `allowed`."""
        for i, value in enumerate(self.items(chosen, len(allowed), pointer, least=1)):
            if value not in allowed:
                self.add(f"must be one of {', '.join(allowed)}", f"{pointer}/{i}")

    def unique_values(self, options: list[Any], pointer: str) -> None:
        """composition-objects/option-object: `value` is "a unique string value" among the
        options an element (or an external select's answer) offers."""
        seen: set[str] = set()
        for option in options:
            value = option.get("value") if isinstance(option, dict) else None
            if isinstance(value, str) and value in seen:
                self.add(f"duplicate option value {value}", pointer)
            elif isinstance(value, str):
                seen.add(value)

    def element(self, element: dict[str, Any], pointer: str) -> None:
        kind = element.get("type")
        self.fields(element, ELEMENT_FIELDS.get(str(kind)), pointer)
        self.length(element.get("action_id"), 255, f"{pointer}/action_id")
        self.confirm(element.get("confirm"), f"{pointer}/confirm")
        if kind in _PLACEHOLDERS:  # every select and input: "maximum length … 150 characters"
            self.text(element.get("placeholder"), 150, f"{pointer}/placeholder", plain=True)
        if kind in MULTI_SELECTS:  # multi-select-menu-element: "Minimum number is 1"
            if self.whole(element, "max_selected_items", 1, pointer) < 1:
                self.add("must be at least 1", f"{pointer}/max_selected_items")
        if "initial_options" in element:  # ≤ 100 as options; [] is refused, left out is not
            # (slackapi/bolt-js#482: "the only option is to not send the key")
            where = f"{pointer}/initial_options"
            self.items(element["initial_options"], 100, where, least=1)
        self.dispatch_config(element.get("dispatch_action_config"), pointer)
        if kind in ("button", "workflow_button"):
            self._button(element, pointer)
            if kind == "workflow_button":
                self._workflow(element, pointer)
        elif kind == "icon_button":
            self._icon_button(element, pointer)
        elif kind == "image":
            self.image(element, pointer)
        elif kind == "feedback_buttons":  # block-elements/feedback-buttons-element
            for key in ("positive_button", "negative_button"):
                self._feedback_button(element.get(key), f"{pointer}/{key}")
        elif kind == "plain_text_input":
            self._text_input(element, pointer)
        elif kind == "number_input":
            self._number_input(element, pointer)
        elif kind == "file_input":  # file-input-element: max_files "Minimum of 1, maximum of 10"
            if not 1 <= self.whole(element, "max_files", 10, pointer) <= 10:
                self.add("must be between 1 and 10", f"{pointer}/max_files")
        elif kind in _OPTION_COUNTS or kind in ("static_select", "multi_static_select"):
            self._options(element, pointer)
        elif kind in ("external_select", "multi_external_select"):
            if self.whole(element, "min_query_length", 0, pointer) < 0:  # a count of characters
                self.add("must be at least 0", f"{pointer}/min_query_length")
            for key in ("initial_option", "initial_options"):  # not matched: Slack has no list
                initial = element.get(key)
                for i, option in enumerate(initial if isinstance(initial, list) else [initial]):
                    if option is not None:
                        where = f"{pointer}/{key}" + (f"/{i}" if key.endswith("s") else "")
                        self.option(option, where, mrkdwn=False, url=False)
        if kind in ("conversations_select", "multi_conversations_select"):
            self.conversation_filter(element.get("filter"), f"{pointer}/filter")
        self._initial_moment(element, pointer)

    def _initial_moment(self, element: dict[str, Any], pointer: str) -> None:
        """block-elements/date-picker-element: initial_date "in the format YYYY-MM-DD";
        …/time-picker-element: initial_time "in the format HH:mm" (24-hour);
        …/datetime-picker-element: initial_date_time a UNIX timestamp in seconds, 10 digits."""
        kind = element.get("type")
        if kind == "datepicker" and "initial_date" in element:
            value = element["initial_date"]
            try:
                ok = isinstance(value, str) and len(value) == 10
                ok = ok and date.fromisoformat(value).isoformat() == value
            except ValueError:
                ok = False
            if not ok:
                self.add("must be a date in the format YYYY-MM-DD", f"{pointer}/initial_date")
        if kind == "timepicker" and "initial_time" in element:
            value = element["initial_time"]
            if not (isinstance(value, str) and _TIME.fullmatch(value)):
                self.add("must be a time in the format HH:mm", f"{pointer}/initial_time")
        if kind == "datetimepicker" and "initial_date_time" in element:
            value = element["initial_date_time"]
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**10:
                self.add("must be a UNIX timestamp in seconds", f"{pointer}/initial_date_time")

    def _button(self, element: dict[str, Any], pointer: str) -> None:
        """block-elements/button-element: text plain_text ≤ 75, value ≤ 2,000, url ≤ 3,000 (an
        http(s) URL), style primary|danger, accessibility_label ≤ 75."""
        self.text(element.get("text"), 75, f"{pointer}/text", plain=True, required=True)
        self.length(element.get("value"), 2000, f"{pointer}/value")
        self.url(element.get("url"), 3000, f"{pointer}/url")
        self.length(element.get("accessibility_label"), 75, f"{pointer}/accessibility_label")
        if element.get("style", "primary") not in ("primary", "danger"):
            self.add("must be primary or danger", f"{pointer}/style")

    def _number_input(self, element: dict[str, Any], pointer: str) -> None:
        """block-elements/number-input-element: is_decimal_allowed required; min_value "cannot
        be greater than max_value" (both strings holding numbers)."""
        if "is_decimal_allowed" not in element:
            self.add("missing required field: is_decimal_allowed", pointer)
        low, high = _number(element.get("min_value")), _number(element.get("max_value"))
        if low is not None and high is not None and low > high:
            self.add("must not be greater than max_value", f"{pointer}/min_value")

    def _workflow(self, element: dict[str, Any], pointer: str) -> None:
        """block-elements/workflow-button-element: `action_id` and a `workflow` required;
        composition-objects/workflow-object: its `trigger` required; …/trigger-object: the
        trigger's `url` required, `customizable_input_parameters` an array of name and value."""
        if "action_id" not in element:
            self.add("missing required field: action_id", pointer)
        workflow = element.get("workflow")
        trigger = workflow.get("trigger") if isinstance(workflow, dict) else None
        where = f"{pointer}/workflow"
        if not isinstance(workflow, dict):
            self.add("missing required field: workflow", pointer)
        elif not isinstance(trigger, dict):
            self.add("missing required field: trigger", where)
        else:
            self.fields(workflow, frozenset(("trigger",)), where)
            self.fields(trigger, TRIGGER_FIELDS, f"{where}/trigger")
            if not isinstance(trigger.get("url"), str) or not trigger["url"]:
                self.add("missing required field: url", f"{where}/trigger")
            where = f"{where}/trigger/customizable_input_parameters"
            inputs = self.items(trigger.get("customizable_input_parameters"), 10**4, where)
            for i, given in enumerate(inputs):
                if not (isinstance(given, dict) and set(given) == {"name", "value"}):
                    self.add("must be an input parameter object", f"{where}/{i}")

    def _icon_button(self, element: dict[str, Any], pointer: str) -> None:
        """block-elements/icon-button-element: `icon` required ("The trash icon is the only
        icon available"), text plain_text required, value ≤ 2,000, accessibility_label ≤ 75."""
        if element.get("icon") != "trash":
            self.add("must be trash", f"{pointer}/icon")
        self.text(element.get("text"), 3000, f"{pointer}/text", plain=True, required=True)
        self.length(element.get("value"), 2000, f"{pointer}/value")
        self.length(element.get("accessibility_label"), 75, f"{pointer}/accessibility_label")

    def _feedback_button(self, button: Any, pointer: str) -> None:
        """Each of feedback buttons' two: text plain_text ≤ 75, value required ≤ 2,000,
        accessibility_label ≤ 75."""
        if not isinstance(button, dict):
            self.add("missing required field: button", pointer)
            return
        self.text(button.get("text"), 75, f"{pointer}/text", plain=True, required=True)
        if not isinstance(button.get("value"), str):
            self.add("missing required field: value", pointer)
        self.length(button.get("value"), 2000, f"{pointer}/value")
        self.length(button.get("accessibility_label"), 75, f"{pointer}/accessibility_label")

    def image(self, image: dict[str, Any], pointer: str) -> None:
        """block-elements/image-element and blocks/image-block: image_url ≤ 3,000 (or a
        slack_file), alt_text required and ≤ 2,000."""
        if "image_url" not in image and "slack_file" not in image:
            self.add("missing required field: image_url", pointer)
        self.url(image.get("image_url"), 3000, f"{pointer}/image_url")
        alt = image.get("alt_text")
        if not isinstance(alt, str) or not alt.strip():
            self.add("missing required field: alt_text", pointer)
        self.length(alt, 2000, f"{pointer}/alt_text")

    def _text_input(self, element: dict[str, Any], pointer: str) -> None:
        """block-elements/plain-text-input-element: min_length 0 to 3,000, max_length 1 to
        3,000 and not under min_length; the initial value must fit between them."""
        low = self.whole(element, "min_length", 0, pointer)
        high = self.whole(element, "max_length", 3000, pointer)
        if not 0 <= low <= 3000:
            self.add("must be between 0 and 3000", f"{pointer}/min_length")
        if not 1 <= high <= 3000:
            self.add("must be between 1 and 3000", f"{pointer}/max_length")
        if low > high:
            self.add("must not be more than max_length", f"{pointer}/min_length")
        initial = element.get("initial_value")
        if initial is not None and not low <= len(str(initial)) <= high:
            self.add(f"must be {low} to {high} characters long", f"{pointer}/initial_value")

    def _options(self, element: dict[str, Any], pointer: str) -> None:
        """Static options: `options` (≤ 100; overflow 1–5, radio buttons and checkboxes ≤ 10)
        or, for static selects, `option_groups` (≤ 100 groups of ≤ 100, label plain_text ≤ 75);
        an `initial_option(s)` must exactly match one of them (select-menu-element)."""
        kind = str(element.get("type"))
        mrkdwn, url = kind in _MRKDWN_OPTIONS, kind == "overflow"
        groups = element.get("option_groups") if kind.endswith("static_select") else None
        if groups is not None and "options" in element:
            self.add("must provide either options or option_groups, not both", pointer)
        offered: list[Any] = []
        if groups is None:
            most = _OPTION_COUNTS.get(kind, 100)
            offered = self.items(element.get("options"), most, f"{pointer}/options", least=1)
            for i, option in enumerate(offered):
                self.option(option, f"{pointer}/options/{i}", mrkdwn=mrkdwn, url=url)
        groups = (
            [] if groups is None else self.items(groups, 100, f"{pointer}/option_groups", least=1)
        )
        for g, group in enumerate(groups):
            where = f"{pointer}/option_groups/{g}"
            if not isinstance(group, dict):
                self.add("must be an option group object", where)
                continue
            self.fields(group, OPTION_GROUP_FIELDS, where)
            self.text(group.get("label"), 75, f"{where}/label", plain=True, required=True)
            options = self.items(group.get("options"), 100, f"{where}/options", least=1)
            for i, option in enumerate(options):
                self.option(option, f"{where}/options/{i}", mrkdwn=False, url=False)
            offered.extend(options)
        self.unique_values(offered, f"{pointer}/{'option_groups' if groups else 'options'}")
        initial = element.get("initial_options") or []
        if element.get("initial_option") is not None:
            initial = [element["initial_option"]]
        for option in initial:
            if not any(_same(option, o) for o in offered):
                key = "initial_options" if "initial_options" in element else "initial_option"
                self.add("must match one of the provided options", f"{pointer}/{key}")


def _number(value: Any) -> float | None:
    """A number input's bound as a number (None when unset or not one)."""
    try:
        return float(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _same(one: Any, other: Any) -> bool:
    """Slack's "exactly matches": the same text object and the same value."""
    if not isinstance(one, dict) or not isinstance(other, dict):
        return False
    return one.get("text") == other.get("text") and one.get("value") == other.get("value")
