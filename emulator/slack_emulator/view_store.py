"""Home tabs, modal stacks and the short-lived ``trigger_id``s that open modals.

Slack lets an app open a modal only with a trigger_id that is less than 3 seconds old
and not used before, and keeps at most 3 modals stacked; bots that ack late or reuse
a trigger fail on Slack, so they fail here with the same error codes. A trigger's 3 seconds
are real ones, as on Slack: a test's fake clock adds concurrent paced waits up (`FakeClock`),
so a modal opened at once could be refused because other tasks waited meanwhile.
"""

from __future__ import annotations

import copy
import time
import uuid
from dataclasses import dataclass
from typing import Any

from . import blocks as block_kit
from .directory import Directory
from .records import EffectKind, View

MAX_STACK = 3


class ViewError(Exception):
    """A views.* failure carrying Slack's error code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class Trigger:
    user: str
    issued: float
    used: bool = False


class ViewStore:
    """All views ever shown, plus which Home tab and modal stack each person has."""

    def __init__(self, directory: Directory, *, trigger_ttl: float = 3.0) -> None:
        self._dir = directory
        self.trigger_ttl = trigger_ttl
        self.views: dict[str, View] = {}
        self.home: dict[str, str] = {}
        self.stacks: dict[str, list[str]] = {}
        self.triggers: dict[str, Trigger] = {}
        self._count = 0

    # triggers

    def issue_trigger(self, user: str) -> str:
        trigger_id = f"{int(self._dir.now())}.{len(self.triggers) + 1}.{uuid.uuid4().hex}"
        self.triggers[trigger_id] = Trigger(user, time.monotonic())
        return trigger_id

    def redeem_trigger(self, trigger_id: str | None) -> str:
        """Use a trigger once; returns the person it belongs to."""
        trigger = self.triggers.get(trigger_id or "")
        if trigger is None:
            raise ViewError("invalid_trigger_id")
        if trigger.used:
            raise ViewError("exchanged_trigger_id")
        if time.monotonic() - trigger.issued > self.trigger_ttl:
            raise ViewError("expired_trigger_id")
        trigger.used = True
        return trigger.user

    # lookups

    def get(self, view_id: str) -> View | None:
        return self.views.get(view_id)

    def by_external_id(self, external_id: str) -> View | None:
        for view in self.views.values():
            if view.external_id == external_id and not view.closed:
                return view
        return None

    def home_of(self, user: str) -> View | None:
        view_id = self.home.get(user)
        return self.views[view_id] if view_id else None

    def stack(self, user: str) -> list[View]:
        return [self.views[v] for v in self.stacks.get(user, [])]

    def top_modal(self, user: str) -> View | None:
        stack = self.stacks.get(user)
        return self.views[stack[-1]] if stack else None

    # changes

    def _new(
        self, user: str, spec: dict[str, Any], *, root: str | None, previous: str | None
    ) -> View:
        external_id = spec.get("external_id")
        if external_id and self.by_external_id(external_id) is not None:
            raise ViewError("duplicate_external_id")
        self._count += 1
        view_id = f"V{self._count:04d}"
        view = View(
            id=view_id,
            type=spec.get("type", "modal"),
            user=user,
            spec=self._stored(spec),
            hash=self._hash(),
            root_view_id=root or view_id,
            previous_view_id=previous,
        )
        self.views[view_id] = view
        return view

    def _stored(self, spec: dict[str, Any]) -> dict[str, Any]:
        stored = copy.deepcopy(spec)
        stored["blocks"] = block_kit.normalize(spec.get("blocks"))
        return stored

    def _hash(self) -> str:
        return f"{int(self._dir.now())}.{uuid.uuid4().hex[:8]}"

    def publish_home(self, user: str, spec: dict[str, Any]) -> View:
        """Replace the person's Home tab; its view id stays the same, as on Slack."""
        view = self.home_of(user)
        if view is None:
            view = self._new(user, spec, root=None, previous=None)
            self.home[user] = view.id
        else:
            self._replace(view, spec)
        self._dir.record_effect("home_published", (user,), blocks=view.blocks, view_id=view.id)
        return view

    def open_modal(self, user: str, spec: dict[str, Any]) -> View:
        for old in self.stack(user):
            old.closed = True
        view = self._new(user, spec, root=None, previous=None)
        self.stacks[user] = [view.id]
        self._dir.record_effect(
            "modal_opened", (user,), text=view.title, blocks=view.blocks, view_id=view.id
        )
        return view

    def push_modal(self, user: str, spec: dict[str, Any]) -> View:
        stack = self.stacks.get(user) or []
        if not stack:
            raise ViewError("view_not_found")
        if len(stack) >= MAX_STACK:
            raise ViewError("push_limit_reached")
        view = self._new(user, spec, root=stack[0], previous=stack[-1])
        stack.append(view.id)
        self._dir.record_effect(
            "modal_pushed", (user,), text=view.title, blocks=view.blocks, view_id=view.id
        )
        return view

    def update(self, view: View, spec: dict[str, Any]) -> View:
        self._replace(view, spec)
        kind: EffectKind = "home_published" if view.type == "home" else "modal_updated"
        self._dir.record_effect(
            kind, (view.user,), text=view.title, blocks=view.blocks, view_id=view.id
        )
        return view

    def _replace(self, view: View, spec: dict[str, Any]) -> None:
        view.spec = self._stored(spec)
        view.hash = self._hash()
        view.errors = {}
        view.revisions += 1
        present = {b.get("block_id") for b in view.blocks}
        view.state_values = {k: v for k, v in view.state_values.items() if k in present}

    def close(self, view: View, *, clear: bool = False) -> list[View]:
        """Close ``view`` (and anything pushed above it), or the whole stack if ``clear``."""
        stack = self.stacks.get(view.user) or []
        if view.id not in stack:
            return []
        cut = 0 if clear else stack.index(view.id)
        closed = [self.views[v] for v in stack[cut:]]
        del stack[cut:]
        for gone in closed:
            gone.closed = True
            self._dir.record_effect("modal_closed", (gone.user,), text=gone.title, view_id=gone.id)
        return closed
