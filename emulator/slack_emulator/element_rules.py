"""Slack's rules for each kind of block element: buttons, selects, inputs, pickers, images.

Each rule cites the page of Slack's reference it comes from (https://docs.slack.dev/reference/
block-kit/block-elements/…); the composition objects an element holds are checked by
``block_rules.Report``, and ``blocks.py`` checks each element of a block here.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from .block_fields import (
    ELEMENT_FIELDS,
    MULTI_SELECTS,
    OPTION_GROUP_FIELDS,
    SELECTS,
    TEXT_INPUTS,
    TRIGGER_FIELDS,
)
from .block_rich_text import check_rich_text
from .block_rules import Report

# block-elements/overflow-menu-element: up to five; radio-button-group-element and
# checkboxes-element: "a maximum of 10 options"; select-menu-element: "maximum of 100"
_OPTION_COUNTS = {"overflow": 5, "radio_buttons": 10, "checkboxes": 10}
_MRKDWN_OPTIONS = {"radio_buttons", "checkboxes"}  # option-object: others take plain_text only
_PLACEHOLDERS = {
    "datepicker", "datetimepicker", "timepicker", *SELECTS, *MULTI_SELECTS, *TEXT_INPUTS
}  # fmt: skip
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_WHOLE = re.compile(r"[-+]?[0-9]+")


def check_element(element: dict[str, Any], pointer: str, report: Report) -> None:
    """block-elements/*: the fields an element may carry, then the rules of its kind."""
    kind = element.get("type")
    report.fields(element, ELEMENT_FIELDS.get(str(kind)), pointer)
    report.length(element.get("action_id"), 255, f"{pointer}/action_id")
    report.confirm(element.get("confirm"), f"{pointer}/confirm")
    if kind in _PLACEHOLDERS:  # every select and input: "maximum length … 150 characters"
        report.text(element.get("placeholder"), 150, f"{pointer}/placeholder", plain=True)
    if kind in MULTI_SELECTS:  # multi-select-menu-element: "Minimum number is 1"
        if report.whole(element, "max_selected_items", 1, pointer) < 1:
            report.add("must be at least 1", f"{pointer}/max_selected_items")
    if "initial_options" in element:  # ≤ 100 as options; [] is refused, left out is not
        # (slackapi/bolt-js#482: "the only option is to not send the key")
        where = f"{pointer}/initial_options"
        report.items(element["initial_options"], 100, where, least=1)
    report.dispatch_config(element.get("dispatch_action_config"), pointer)
    if kind == "rich_text_input" and "initial_value" in element:  # "initial_value: Rich text"
        check_rich_text(element["initial_value"], f"{pointer}/initial_value", report)
    elif not isinstance(element.get("initial_value", ""), str):  # every other input: String
        report.add("must be a string", f"{pointer}/initial_value")
    if kind in ("button", "workflow_button"):
        _button(element, pointer, report)
        if kind == "workflow_button":
            _workflow(element, pointer, report)
    elif kind == "icon_button":
        _icon_button(element, pointer, report)
    elif kind == "image":
        check_image(element, pointer, report)
    elif kind == "feedback_buttons":  # block-elements/feedback-buttons-element
        for key in ("positive_button", "negative_button"):
            _feedback_button(element.get(key), f"{pointer}/{key}", report)
    elif kind == "plain_text_input":
        _text_input(element, pointer, report)
    elif kind == "number_input":
        _number_input(element, pointer, report)
    elif kind == "file_input":  # file-input-element: max_files "Minimum of 1, maximum of 10"
        if not 1 <= report.whole(element, "max_files", 10, pointer) <= 10:
            report.add("must be between 1 and 10", f"{pointer}/max_files")
    elif kind in _OPTION_COUNTS or kind in ("static_select", "multi_static_select"):
        _options(element, pointer, report)
    elif kind in ("external_select", "multi_external_select"):
        if report.whole(element, "min_query_length", 0, pointer) < 0:  # a count of characters
            report.add("must be at least 0", f"{pointer}/min_query_length")
        for key in ("initial_option", "initial_options"):  # not matched: Slack has no list
            initial = element.get(key)
            for i, option in enumerate(initial if isinstance(initial, list) else [initial]):
                if option is not None:
                    where = f"{pointer}/{key}" + (f"/{i}" if key.endswith("s") else "")
                    report.option(option, where, mrkdwn=False, url=False)
    if kind in ("conversations_select", "multi_conversations_select"):
        report.conversation_filter(element.get("filter"), f"{pointer}/filter")
    _initial_moment(element, pointer, report)


def _initial_moment(element: dict[str, Any], pointer: str, report: Report) -> None:
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
            report.add("must be a date in the format YYYY-MM-DD", f"{pointer}/initial_date")
    if kind == "timepicker" and "initial_time" in element:
        value = element["initial_time"]
        if not (isinstance(value, str) and _TIME.fullmatch(value)):
            report.add("must be a time in the format HH:mm", f"{pointer}/initial_time")
    if kind == "datetimepicker" and "initial_date_time" in element:
        value = element["initial_date_time"]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**10:
            report.add("must be a UNIX timestamp in seconds", f"{pointer}/initial_date_time")


def _button(element: dict[str, Any], pointer: str, report: Report) -> None:
    """block-elements/button-element: text plain_text ≤ 75, value ≤ 2,000, url ≤ 3,000 (an
    http(s) URL), style primary|danger, accessibility_label ≤ 75."""
    report.text(element.get("text"), 75, f"{pointer}/text", plain=True, required=True)
    report.length(element.get("value"), 2000, f"{pointer}/value")
    report.url(element.get("url"), 3000, f"{pointer}/url")
    report.length(element.get("accessibility_label"), 75, f"{pointer}/accessibility_label")
    if element.get("style", "primary") not in ("primary", "danger"):
        report.add("must be primary or danger", f"{pointer}/style")


def _number_input(element: dict[str, Any], pointer: str, report: Report) -> None:
    """block-elements/number-input-element: is_decimal_allowed required ("Decimal numbers are
    allowed if is_decimal_allowed = true"); initial_value, min_value, max_value strings holding
    numbers (whole ones unless decimals are allowed); min_value "cannot be greater than
    max_value"."""
    if "is_decimal_allowed" not in element:
        report.add("missing required field: is_decimal_allowed", pointer)
    for key in ("initial_value", "min_value", "max_value"):
        value = element.get(key)
        if isinstance(value, str) and _number(value) is None:
            report.add("must be a number", f"{pointer}/{key}")
        elif isinstance(value, str) and not element.get("is_decimal_allowed"):
            if not _WHOLE.fullmatch(value.strip()):
                report.add(
                    "must be a whole number: is_decimal_allowed is false", f"{pointer}/{key}"
                )
    low, high = _number(element.get("min_value")), _number(element.get("max_value"))
    if low is not None and high is not None and low > high:
        report.add("must not be greater than max_value", f"{pointer}/min_value")


def _workflow(element: dict[str, Any], pointer: str, report: Report) -> None:
    """block-elements/workflow-button-element: `action_id` and a `workflow` required;
    composition-objects/workflow-object: its `trigger` required; …/trigger-object: the
    trigger's `url` required, `customizable_input_parameters` an array of name and value."""
    if "action_id" not in element:
        report.add("missing required field: action_id", pointer)
    workflow = element.get("workflow")
    trigger = workflow.get("trigger") if isinstance(workflow, dict) else None
    where = f"{pointer}/workflow"
    if not isinstance(workflow, dict):
        report.add("missing required field: workflow", pointer)
    elif not isinstance(trigger, dict):
        report.add("missing required field: trigger", where)
    else:
        report.fields(workflow, frozenset(("trigger",)), where)
        report.fields(trigger, TRIGGER_FIELDS, f"{where}/trigger")
        if not isinstance(trigger.get("url"), str) or not trigger["url"]:
            report.add("missing required field: url", f"{where}/trigger")
        where = f"{where}/trigger/customizable_input_parameters"
        inputs = report.items(trigger.get("customizable_input_parameters"), 10**4, where)
        for i, given in enumerate(inputs):
            if not (isinstance(given, dict) and set(given) == {"name", "value"}):
                report.add("must be an input parameter object", f"{where}/{i}")


def _icon_button(element: dict[str, Any], pointer: str, report: Report) -> None:
    """block-elements/icon-button-element: `icon` required ("The trash icon is the only
    icon available"), text plain_text required, value ≤ 2,000, accessibility_label ≤ 75."""
    if element.get("icon") != "trash":
        report.add("must be trash", f"{pointer}/icon")
    report.text(element.get("text"), 3000, f"{pointer}/text", plain=True, required=True)
    report.length(element.get("value"), 2000, f"{pointer}/value")
    report.length(element.get("accessibility_label"), 75, f"{pointer}/accessibility_label")


def _feedback_button(button: Any, pointer: str, report: Report) -> None:
    """Each of feedback buttons' two: text plain_text ≤ 75, value required ≤ 2,000,
    accessibility_label ≤ 75."""
    if not isinstance(button, dict):
        report.add("missing required field: button", pointer)
        return
    report.text(button.get("text"), 75, f"{pointer}/text", plain=True, required=True)
    if not isinstance(button.get("value"), str):
        report.add("missing required field: value", pointer)
    report.length(button.get("value"), 2000, f"{pointer}/value")
    report.length(button.get("accessibility_label"), 75, f"{pointer}/accessibility_label")


def check_image(image: dict[str, Any], pointer: str, report: Report) -> None:
    """block-elements/image-element and blocks/image-block: image_url ≤ 3,000 or a
    slack_file, not both; alt_text required and ≤ 2,000. composition-objects/slack-file-object:
    "you must provide either the URL or ID … If both are provided then the payload will be
    rejected"."""
    if "image_url" not in image and "slack_file" not in image:
        report.add("missing required field: image_url", pointer)
    if "image_url" in image and "slack_file" in image:
        report.add("must provide either image_url or slack_file, not both", pointer)
    if "slack_file" in image:
        found = image["slack_file"]
        ok = isinstance(found, dict) and set(found) in ({"url"}, {"id"})
        if not ok or not all(isinstance(v, str) and v for v in found.values()):
            report.add("must be a slack file object with either url or id", f"{pointer}/slack_file")
    report.url(image.get("image_url"), 3000, f"{pointer}/image_url")
    alt = image.get("alt_text")
    if not isinstance(alt, str) or not alt.strip():
        report.add("missing required field: alt_text", pointer)
    report.length(alt, 2000, f"{pointer}/alt_text")


def _text_input(element: dict[str, Any], pointer: str, report: Report) -> None:
    """block-elements/plain-text-input-element: min_length 0 to 3,000, max_length 1 to
    3,000 and not under min_length; the initial value must fit between them."""
    low = report.whole(element, "min_length", 0, pointer)
    high = report.whole(element, "max_length", 3000, pointer)
    if not 0 <= low <= 3000:
        report.add("must be between 0 and 3000", f"{pointer}/min_length")
    if not 1 <= high <= 3000:
        report.add("must be between 1 and 3000", f"{pointer}/max_length")
    if low > high:
        report.add("must not be more than max_length", f"{pointer}/min_length")
    initial = element.get("initial_value")
    if initial is not None and not low <= len(str(initial)) <= high:
        report.add(f"must be {low} to {high} characters long", f"{pointer}/initial_value")


def _options(element: dict[str, Any], pointer: str, report: Report) -> None:
    """Static options: `options` (≤ 100; overflow 1–5, radio buttons and checkboxes ≤ 10)
    or, for static selects, `option_groups` (≤ 100 groups of ≤ 100, label plain_text ≤ 75);
    an `initial_option(s)` must exactly match one of them (select-menu-element)."""
    kind = str(element.get("type"))
    mrkdwn, url = kind in _MRKDWN_OPTIONS, kind == "overflow"
    groups = element.get("option_groups") if kind.endswith("static_select") else None
    if groups is not None and "options" in element:
        report.add("must provide either options or option_groups, not both", pointer)
    offered: list[Any] = []
    if groups is None:
        most = _OPTION_COUNTS.get(kind, 100)
        offered = report.items(element.get("options"), most, f"{pointer}/options", least=1)
        for i, option in enumerate(offered):
            report.option(option, f"{pointer}/options/{i}", mrkdwn=mrkdwn, url=url)
    groups = (
        [] if groups is None else report.items(groups, 100, f"{pointer}/option_groups", least=1)
    )
    for g, group in enumerate(groups):
        where = f"{pointer}/option_groups/{g}"
        if not isinstance(group, dict):
            report.add("must be an option group object", where)
            continue
        report.fields(group, OPTION_GROUP_FIELDS, where)
        report.text(group.get("label"), 75, f"{where}/label", plain=True, required=True)
        options = report.items(group.get("options"), 100, f"{where}/options", least=1)
        for i, option in enumerate(options):
            report.option(option, f"{where}/options/{i}", mrkdwn=False, url=False)
        offered.extend(options)
    report.unique_values(offered, f"{pointer}/{'option_groups' if groups else 'options'}")
    initial = element.get("initial_options") or []
    if element.get("initial_option") is not None:
        initial = [element["initial_option"]]
    for option in initial:
        if not any(_same(option, o) for o in offered):
            key = "initial_options" if "initial_options" in element else "initial_option"
            report.add("must match one of the provided options", f"{pointer}/{key}")


def _number(value: Any) -> float | None:
    """A number input's bound as a number (None when unset or not a finite one)."""
    try:
        number = float(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


def _same(one: Any, other: Any) -> bool:
    """Slack's "exactly matches" (checkboxes-element: "An array of option objects that exactly
    matches one or more of the options within options"): the same text object, value and
    description (an initial option without the description its option has is another)."""
    if not isinstance(one, dict) or not isinstance(other, dict):
        return False
    return all(one.get(key) == other.get(key) for key in ("text", "value", "description"))
