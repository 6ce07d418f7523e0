"""Slack's request bodies as slackapi/bolt-python's, slackapi/python-slack-sdk's,
slackapi/node-slack-sdk's and slack-go/slack's own tests send them
(`tests/data/slack/bolt_python/`, `tests/data/slack/python_slack_sdk/`,
`tests/data/slack/node_slack_sdk/`, MIT;
`tests/data/slack/slack_go/`, BSD 2-Clause), sent
two ways: `elsewhere`, with the ids they have, which name workspaces, apps and people the test
Slack does not have (workspaces that never installed askaround); and `here`, with the ids of
the workspace that installed the app (the one in `authorizations`, else the one the body
names) replaced by the test workspace's: its app, its bot, Alice for whoever acts, #general
for a channel and Alice's DM with the bot for a DM. Every other id (another organisation's
people, a shared channel's other side) stays as kept, as it would be. Either way each gets
its own event id and message ts."""

from __future__ import annotations

import itertools
import json
import re
import time
from functools import cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

from slack_emulator.delivery import DeliveryKind
from tests.e2e.harness import Harness

DATA = Path(__file__).parents[1] / "data" / "slack"
FOLDERS = ("bolt_python", "python_slack_sdk", "node_slack_sdk", "slack_go")
Kind = Literal["form", "payload", "body", "envelope"]
_serial = itertools.count(1)


def names() -> list[str]:
    """Every kept body, as `folder/file` without `.json`."""
    return sorted(f"{d}/{p.stem}" for d in FOLDERS for p in (DATA / d).glob("*.json"))


@cache
def _text(name: str) -> str:
    return (DATA / f"{name}.json").read_text()


def as_kept(name: str) -> tuple[Kind, dict[str, Any]]:
    """The body as the SDK's test has it: (what it is, the body)."""
    entry: dict[str, Any] = json.loads(_text(name))
    kind: Kind = next(k for k in ("form", "payload", "body", "envelope") if k in entry)
    return kind, entry[kind]


def acting_ids(kind: Kind, body: dict[str, Any]) -> dict[str, str]:
    """The kept ids that stand for the installing workspace, its app and bot, who acts and
    where, each with the placeholder `here` puts in its place."""
    inner = body.get("payload", body) if kind == "envelope" else body
    event: dict[str, Any] = inner["event"] if isinstance(inner.get("event"), dict) else {}
    auths = inner.get("authorizations") or [{}]
    team = (
        auths[0].get("team_id")
        or inner.get("team_id")
        or _id(inner.get("team"))
        or _id(inner.get("user"), "team_id")
        or (inner.get("view") or {}).get("team_id")
    )
    who = (
        _str(event.get("user"))
        or _id(event.get("user"))
        or _id(inner.get("user"))
        or inner.get("user_id")
        or (event.get("message") or {}).get("user")
    )
    where = event.get("channel") or _id(inner.get("channel")) or inner.get("channel_id")
    found = {
        auths[0].get("user_id") or (inner.get("authed_users") or [None])[0]: "U_BOT",
        who: "U_ALICE",
        where: "D_ALICE" if isinstance(where, str) and where.startswith("D") else "C_GENERAL",
        team: "T_TEAM",
        inner.get("api_app_id"): "A_APP",
    }
    return {k: v for k, v in found.items() if isinstance(k, str) and k}


def _timestamps(body: Any) -> set[str]:
    """Every message ts the body names: the SDKs' tests give many bodies one ts, which here
    would be one message said again."""
    found: set[str] = set()
    if isinstance(body, dict):
        for key, value in body.items():
            if key in ("ts", "event_ts", "message_ts", "thread_ts") and isinstance(value, str):
                found.add(value)
            else:
                found |= _timestamps(value)
    elif isinstance(body, list):
        for value in body:
            found |= _timestamps(value)
    return found


def _id(value: Any, key: str = "id") -> str | None:
    return value.get(key) if isinstance(value, dict) else None


def _str(value: Any) -> str | None:
    """An id where a body may put either it or an object (`team_join`'s and `user_change`'s
    `user` is the whole user)."""
    return value if isinstance(value, str) else None


def here(slack: Harness, name: str) -> tuple[Kind, dict[str, Any]]:
    """The body with the installing workspace's ids the test workspace's; its trigger and
    response_url ones the test Slack issued, where it has them."""
    return sent(slack, name, ours=True)


def elsewhere(slack: Harness, name: str) -> tuple[Kind, dict[str, Any]]:
    """The body with its own ids: another workspace's, which never installed askaround."""
    return sent(slack, name, ours=False)


def sent(slack: Harness, name: str, *, ours: bool) -> tuple[Kind, dict[str, Any]]:
    """The body as Slack would send it now: each its own event id and message ts (the SDKs'
    tests give many bodies the same, which would be one event or message sent again), and
    with `ours`, the installing workspace's ids the test workspace's, and its trigger and
    response_url ones the test Slack issued."""
    kind, kept = as_kept(name)
    ws = slack.here.workspace
    alice = slack.user("alice")
    placeholders = {
        "T_TEAM": slack.team_id,
        "A_APP": ws.app_id,
        "U_BOT": ws.bot_user_id,
        "U_ALICE": alice,
        "C_GENERAL": slack.channel("general"),
        "D_ALICE": ws.open_im(alice).id,
    }
    acting = acting_ids(kind, kept) if ours else {}
    new = {old: placeholders[placeholder] for old, placeholder in acting.items()}
    new |= {old: f"{int(time.time())}.{next(_serial):06d}" for old in _timestamps(kept)}
    text = json.dumps(kept)
    for old, value in new.items():
        text = re.sub(rf"(?<![A-Za-z0-9_.]){re.escape(old)}(?![A-Za-z0-9_])", value, text)
    body: dict[str, Any] = json.loads(text)
    inner = body.get("payload", body) if kind == "envelope" else body
    if "event_id" in inner:
        inner["event_id"] = f"Ev0BOLTPY{next(_serial):05d}"
    if ours and "trigger_id" in inner:
        inner["trigger_id"] = ws.views.issue_trigger(alice)
    if ours and "response_url" in inner:
        inner["response_url"] = slack.here.response_url(alice, slack.channel("general"))
    return kind, body


DELIVERY: dict[str, DeliveryKind] = {
    "slash_commands": "command",
    "interactive": "interaction",
    "events_api": "event",
}
BY_KIND: dict[Kind, DeliveryKind] = {"form": "command", "payload": "interaction", "body": "event"}


def request(kind: Kind, body: dict[str, Any]) -> tuple[DeliveryKind, dict[str, Any]]:
    """What Slack delivers (`command`, `interaction`, `event`) and its payload: an envelope's
    own, as Slack posts it over HTTP to an app not on Socket Mode."""
    if kind == "envelope":
        return DELIVERY[body["type"]], body["payload"]
    return BY_KIND[kind], body


def over_http(kind: Kind, body: dict[str, Any]) -> tuple[str, str]:
    """(content type, body) as Slack posts it over HTTP."""
    delivery, payload = request(kind, body)
    if delivery == "command":
        return "application/x-www-form-urlencoded", urlencode(payload)
    if delivery == "interaction":
        return "application/x-www-form-urlencoded", urlencode({"payload": json.dumps(payload)})
    return "application/json", json.dumps(payload)
