"""java-slack-sdk's payload samples (`tests/data/slack/java_slack_sdk/`) as Slack would send
them to the test workspace: each sample holds every field Slack was seen to send for its kind,
its strings blanked; `sample` fills in the ids (the workspace's, the person's, the channel's, a
fresh ts, a trigger and a response_url the emulator knows) and leaves the rest as the SDK has it,
or, `sparse`, leaves out what is still blank, as Slack leaves out a field it has no value for;
`grid` names the workspace's Enterprise Grid organisation wherever the sample has a place for it
(`enterprise_id`, `context_enterprise_id`, `enterprise`, `enterprise_user`, the authorizations),
as Slack does for a workspace of one: the samples blank those, so they were sent as no Grid's."""

from __future__ import annotations

import gzip
import itertools
import json
import time
from functools import cache
from pathlib import Path
from typing import Any

from tests.e2e.harness import Harness

SAMPLES = Path(__file__).parents[1] / "data" / "slack" / "java_slack_sdk"
# Slack's recorded answers to the Web API methods askaround calls (`api/README.md`).
ANSWERS = SAMPLES / "api"
_serial = itertools.count(1)
# Objects whose `id` is the workspace's, the person's, the channel's or the view's.
_OBJECT_IDS = {"team": "team", "user": "user", "channel": "channel", "view": "view_id"}
# The SDK's placeholder for a ts it recorded as all zeros.
_ZERO_TS = "0000000000.000000"
_TS_KEYS = ("ts", "event_ts", "message_ts", "action_ts", "deleted_ts")
# The Enterprise Grid organisation of a `grid` sample's workspace, as Slack names it.
ORG, ORG_NAME = "E0JAVAORG", "Java Grid Org"
_ORG_IDS = ("enterprise_id", "context_enterprise_id", "enterprise")

# The samples of `app-backend/` (commands, interactions); every other one is an event's.
BACKEND = (
    "AttachmentActionPayload",
    "BlockActionPayload",
    "DialogCancellationPayload",
    "DialogSubmissionPayload",
    "DialogSuggestionPayload",
    "MessageShortcutPayload",
    "SlashCommandPayload",
    "ViewClosedPayload",
    "ViewSubmissionPayload",
)


# Events that speak, publish or change the install: each has its own test in
# test_java_samples.py, or (an uninstall, Slack dropping events, which is logged) the
# documented ones' in test_real_payloads.py and test_real_org_wide.py.
ACTED_ON = {
    "AppMentionPayload",
    "AppHomeOpenedPayload",
    "AppUninstalledPayload",
    "AppRateLimitedPayload",
}


def events() -> list[str]:
    """The events' samples, by file name without `.json`."""
    every = sorted(p.stem for p in SAMPLES.glob("*Payload.json"))
    return [name for name in every if name not in BACKEND]


@cache
def _raw(name: str) -> str:
    return (SAMPLES / f"{name}.json").read_text()


def _ts() -> str:
    return f"{int(time.time())}.{next(_serial):06d}"


def sample(
    slack: Harness,
    name: str,
    *,
    sparse: bool = False,
    grid: bool = False,
    user: str = "alice",
    channel: str | None = None,
) -> dict[str, Any]:
    """The named sample with this workspace's ids: `user` is who acts (a handle), `channel` the
    conversation (an id; #general's by default); with `grid`, the workspace is one of the
    Enterprise Grid organisation `ORG`."""
    ws = slack.here.workspace
    user_id = slack.user(user)
    channel_id = channel or slack.channel("general")
    ids: dict[str, Any] = {
        "team": slack.team_id,
        "team_id": slack.team_id,
        "user_team": slack.team_id,
        "source_team": slack.team_id,
        "context_team_id": slack.team_id,
        "user": user_id,
        "user_id": user_id,
        "channel": channel_id,
        "channel_id": channel_id,
        "api_app_id": ws.app_id,
        "token": "verification-token",
    }
    lazy = {
        "event_id": lambda: f"Ev0JAVA{next(_serial):05d}",
        "trigger_id": lambda: ws.views.issue_trigger(user_id),
        "response_url": lambda: slack.here.response_url(user_id, channel_id),
    }

    org = ORG if grid else None

    def fill(value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            if key in ("enterprise", "enterprise_user") and not grid:
                return None  # a workspace of no Enterprise Grid organisation
            if key == "enterprise":
                return {"id": ORG, "name": ORG_NAME}
            if key == "enterprise_user":  # every workspace of the org they are in: this one
                value = {**value, "id": user_id, "teams": [slack.team_id]}
            if key in _OBJECT_IDS and "id" in value:
                value = {**value, "id": ids.get(_OBJECT_IDS[key], "V0JAVA")}
            filled = {k: fill(v, k) for k, v in value.items()}
            return {k: v for k, v in filled.items() if v is not _LEFT_OUT}
        if isinstance(value, list):
            return [v for v in (fill(v, key) for v in value) if v is not _LEFT_OUT]
        if key in (*_ORG_IDS, "enterprise_name") and isinstance(value, str | None):
            if grid:
                return ORG_NAME if key == "enterprise_name" else ORG
            return _LEFT_OUT if sparse else None
        if key in _TS_KEYS and value in ("", _ZERO_TS):
            return _ts()
        if value == "" and key in ids:
            return ids[key]
        if value == "" and key in lazy:
            return lazy[key]()
        return _LEFT_OUT if sparse and value == "" else value

    body: dict[str, Any] = fill(json.loads(_raw(name)), None)
    if isinstance(body.get("event"), dict):
        body["type"] = "event_callback"
        body["authed_users"] = [ws.bot_user_id]
        body["authorizations"] = [
            {
                "enterprise_id": org,
                "team_id": slack.team_id,
                "user_id": ws.bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ]
    return body


_LEFT_OUT = object()


def answers() -> dict[str, dict[str, Any]]:
    """Slack's recorded answer to each Web API method askaround calls, by method, for the
    emulator to answer with (`emu.faults.recorded`): the same samples each call, read once a
    process, which nothing changes. The emulator fills in once a sample what it has nothing
    at (`slack_emulator.recorded`), 0.1 s for a message's: read anew for each test, each
    test filled them in again."""
    return dict(_read_answers())


@cache
def _read_answers() -> dict[str, dict[str, Any]]:
    found = {
        p.name.removesuffix(".json"): json.loads(p.read_text()) for p in ANSWERS.glob("*.json")
    }
    for path in ANSWERS.glob("*.json.gz"):
        found[path.name.removesuffix(".json.gz")] = json.loads(gzip.decompress(path.read_bytes()))
    return found


def with_words(event: dict[str, Any], text: str) -> dict[str, Any]:
    """The event with a person's words: the samples blank every text."""
    event["text"] = text
    if isinstance(event.get("message"), dict):
        event["message"]["text"] = text
    return event
