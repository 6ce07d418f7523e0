"""Slack's recorded answers: a method answered with the answer a Slack SDK recorded from Slack
(slackapi/java-slack-sdk's `json-logs/samples/api/<method>.json`), filled in for this workspace.

Such a sample holds every field Slack was seen to send for the method, with its strings blanked
(``""``), its ids and timestamps zeroed (``U00000000``, ``0000000000.000000``), its numbers
``12345`` and its booleans ``false``. Answered with it, the bot reads Slack's own shape and
Slack's emptiest values: a person with a blank ``tz``, ``real_name`` and ``display_name``, a
message with a blank ``subtype``, an ``edited``, ``files`` and ``attachments`` of every kind.

What is filled in from the emulator's own answer: each zeroed id and timestamp (left out where
the emulator has none, as Slack sends no ``bot_id`` for a person's message nor a ``thread_ts``
outside a thread), each list's items (the sample's first item a template for each of the
emulator's), the example URLs the emulator has its own of (an ``upload_url`` the client must
reach), and what a lean Slack keeps (`lean.KEPT`: ids, names, what the method is for).
Everything else is the sample's.
"""

from __future__ import annotations

import re
from typing import Any

from .lean import lean

# The fields only a failure carries: a recorded sample holds both kinds of answer.
_FAILURE_ONLY = ("error", "errors", "needed", "provided", "arg", "deprecated_argument")
# A zeroed id (`U00000000`, `C00000001`) or timestamp, as the samples hold them.
_PLACEHOLDER = re.compile(r"[A-Z]0{8}\d?|0{10}\.0{6}")
_EXAMPLE_URL = "https://www.example.com/"
# What only a workspace of an Enterprise Grid organisation is described with.
_GRID_ONLY = frozenset({"enterprise_user", "enterprise", "enterprise_id", "enterprise_name"})
_NONE = object()  # the emulator's answer has no such field
_LEFT_OUT = object()
# The fillers of the samples answered with lately, by the sample's id, each with its sample
# (kept alive, so that its id is no other's): what the emulator has nothing at is filled in
# once a sample, not once a call. A test sets a few methods' samples (`faults.recorded`); a
# new test's samples push out the oldest.
_FILLERS: dict[int, tuple[dict[str, Any], _Filler]] = {}
_FILLERS_KEPT = 64


def recorded(method: str, sample: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """The successful answer ``body`` (the emulator's) as Slack's recorded ``sample`` of
    ``method`` has it, filled in from ``body``; neither is changed. The answer shares parts
    with ``sample``, ``body`` and the answers to other calls of the same ``sample`` (the
    emulator sends and records an answer and changes none): a copy of each, 60-70 ms for a
    message's (0.75 MB of JSON), was a third of the filling in."""
    answer = _filler(sample).fill(sample, body)
    assert isinstance(answer, dict)
    for key in _FAILURE_ONLY:
        answer.pop(key, None)
    _overlay(answer, lean(method, body))
    answer["ok"] = True
    return answer


def _filler(sample: dict[str, Any]) -> _Filler:
    kept = _FILLERS.get(id(sample))
    if kept is not None and kept[0] is sample:
        return kept[1]
    if len(_FILLERS) >= _FILLERS_KEPT:
        del _FILLERS[next(iter(_FILLERS))]
    filler = _Filler()
    _FILLERS[id(sample)] = (sample, filler)
    return filler


class _Filler:
    """Fills a sample in from the emulator's answer. The part of a sample the emulator has
    nothing at (most of a recorded message: every attachment, file and block kind, some
    640 kB of JSON) is filled in the same whatever the answer, so once a sample and shared
    wherever it recurs (each message of a thread, each block of a message, each call
    answered with the sample): filled and copied anew for each, a thread of 50 replies took
    some 15 s, 100 some 31 s (docs/benchmarks.md, figure 23), and each message posted some
    0.1 s of filling in and 0.07 of copying."""

    def __init__(self) -> None:
        self._alone: dict[int, Any] = {}  # by the sample's part: what it is filled in as

    def fill(self, value: Any, ours: Any) -> Any:
        if ours is not _NONE:
            return self._filled(value, ours)
        if id(value) not in self._alone:
            self._alone[id(value)] = self._filled(value, ours)
        return self._alone[id(value)]

    def _filled(self, value: Any, ours: Any) -> Any:
        if isinstance(value, dict):
            if not value:  # an object of any keys (`fields`, `event_payload`): the emulator's
                return ours if isinstance(ours, dict) else value
            mine = ours if isinstance(ours, dict) else {}
            filled = {
                key: self.fill(item, mine.get(key, _NONE))
                for key, item in value.items()
                if key not in _GRID_ONLY or key in mine
            }
            return {key: item for key, item in filled.items() if item is not _LEFT_OUT}
        if isinstance(value, list):
            if isinstance(ours, list):
                template = value[0] if value else None
                if isinstance(template, dict):
                    return [self.fill(template, item) for item in ours]
                return list(ours)
            kept = [self.fill(item, _NONE) for item in value]
            return [item for item in kept if item is not _LEFT_OUT]
        if isinstance(value, str) and _PLACEHOLDER.fullmatch(value):
            return ours if isinstance(ours, str) else _LEFT_OUT
        if value == _EXAMPLE_URL and isinstance(ours, str):
            return ours
        return value


def _objects(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _overlay(answer: dict[str, Any], kept: dict[str, Any]) -> None:
    """What a lean Slack sends, put over the filled sample, in place."""
    for key, value in kept.items():
        mine = answer.get(key)
        if isinstance(value, dict) and isinstance(mine, dict):
            _overlay(mine, value)
        elif (
            isinstance(mine, list)
            and _objects(value)
            and _objects(mine)
            and len(value) == len(mine)
        ):
            for item, into in zip(value, mine, strict=True):
                _overlay(into, item)
        else:
            answer[key] = value
