"""Slack's rules for the composition objects of a block: text objects, options, confirm dialogs,
conversation filters, dispatch configurations; and the report their errors go to.

Each rule cites the page of Slack's reference it comes from (https://docs.slack.dev/reference/
block-kit/…); ``element_rules.py`` checks the elements made of them, ``blocks.py`` whole
messages and views. A broken rule is reported the way Slack reports it in
``response_metadata.messages``: ``[ERROR] what [json-pointer:…]``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .block_fields import (
    CONFIRM_FIELDS,
    DISPATCH_CONFIG_FIELDS,
    FILTER_FIELDS,
    OPTION_FIELDS,
    TEXT_FIELDS,
)

# The fields of a type every page gives as Boolean, String or an array of IDs.
_BOOLEANS = {
    "optional", "multiline", "dispatch_action", "emoji", "verbatim", "focus_on_load", "expand",
    "default_to_current_conversation", "response_url_enabled", "clear_on_close",
    "notify_on_close", "submit_disabled", "exclude_external_shared_channels", "exclude_bot_users",
    "is_decimal_allowed",
}  # fmt: skip
_STRINGS = {
    "block_id", "action_id", "value", "url", "callback_id", "private_metadata", "external_id",
    "initial_user", "initial_conversation", "initial_channel", "style",
    "image_url", "alt_text", "accessibility_label", "min_value", "max_value", "author_name",
    "provider_icon_url", "provider_name", "title_url", "thumbnail_url", "video_url",
    "timezone", "source", "caption",
}  # fmt: skip
_STRING_LISTS = {
    "initial_users", "initial_conversations", "initial_channels", "visible_to_user_ids",
}  # fmt: skip
# select-menu-element and multi-select-menu-element: "The user ID of any valid user", "The ID
# of any valid conversation", "The ID of any valid public channel"; icon-button-element's
# visible_to_user_ids "An array of user IDs". An ID, never a name, a mention or a #channel
# (its letter says its kind: U or W a person, C a channel, G a private one, D a DM).
_ID_FORMS = {
    **dict.fromkeys(("initial_user", "initial_users", "visible_to_user_ids"), "[UW]"),
    **dict.fromkeys(("initial_conversation", "initial_conversations"), "[CGD]"),
    **dict.fromkeys(("initial_channel", "initial_channels"), "[CG]"),
}  # fmt: skip
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
            elif key in _ID_FORMS:
                self.ids(value, _ID_FORMS[key], f"{pointer}/{key}")

    def ids(self, value: str | list[str], form: str, pointer: str) -> None:
        """Slack IDs whose first letter is one of `form` (then capitals, digits or _)."""
        for i, one in enumerate([value] if isinstance(value, str) else value):
            if not re.fullmatch(f"{form}[A-Z0-9_]+", one):
                where = pointer if isinstance(value, str) else f"{pointer}/{i}"
                self.add(f"must be an ID, not {one!r}", where)

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
