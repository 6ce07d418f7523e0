"""manifest.yml is valid for Slack and matches the code in both directions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from slack_sdk.web.async_client import AsyncWebClient

from bot.help import (
    ASK_SUBCOMMANDS,
    ASKAROUND_SUBCOMMANDS,
    KUDOS_SUBCOMMANDS,
    SKILLS_SUBCOMMANDS,
    subcommand,
)
from bot.runtime.app import build
from bot.settings import BOT_SCOPES, Settings
from handlers.surfaces.oauth import REDIRECT_PATH

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[1]
# Slack's published app-manifest schema, kept in the repository (its source: the README there).
SCHEMA = ROOT / "tests" / "data" / "slack" / "app-manifest.schema.json"

# The scopes Slack requires for each Web API method and event askaround uses.
METHOD_SCOPES: dict[str, set[str]] = {
    # chat:write.public: a shout-out in a public channel the bot has not joined.
    "chat_postMessage": {"chat:write", "chat:write.public"},
    "chat_postEphemeral": {"chat:write"},
    "chat_update": {"chat:write"},
    "chat_delete": {"chat:write"},
    "chat_getPermalink": set(),
    "conversations_open": {"im:write", "mpim:write"},
    # A group DM found again with one of its people deactivated (`group_dm_of`).
    "users_conversations": {"mpim:read"},
    "conversations_members": {"mpim:read"},
    "conversations_info": {"channels:read", "groups:read", "im:read", "mpim:read"},
    "conversations_history": {"channels:history", "groups:history", "im:history", "mpim:history"},
    "conversations_replies": {"channels:history", "groups:history", "im:history", "mpim:history"},
    "users_info": {"users:read"},
    "users_list": {"users:read"},
    "users_lookupByEmail": {"users:read.email"},
    "auth_test": set(),
    # The app-level token's connections:write, granted outside the bot's scopes.
    "apps_connections_open": set(),
    "api_test": set(),
    "views_publish": set(),
    "views_open": set(),
    "views_update": set(),
    "views_push": set(),
    "reactions_add": {"reactions:write"},
    "files_upload_v2": {"files:write"},
}
EVENT_SCOPES: dict[str, set[str]] = {
    "app_mention": {"app_mentions:read"},
    "app_home_opened": set(),
    "message.im": {"im:history"},
    "message.channels": {"channels:history"},
    "message.groups": {"groups:history"},
    "reaction_added": {"reactions:read"},
    # People and conversations changing: what askaround keeps of them stays current.
    "user_change": {"users:read"},
    "team_join": {"users:read"},
    "channel_rename": {"channels:read"},
    "channel_archive": {"channels:read"},
    "channel_unarchive": {"channels:read"},
    "channel_deleted": {"channels:read"},
    "channel_shared": {"channels:read"},
    "channel_unshared": {"channels:read"},
    "channel_left": {"channels:read"},
    "group_rename": {"groups:read"},
    "group_archive": {"groups:read"},
    "group_unarchive": {"groups:read"},
    "group_deleted": {"groups:read"},
    "group_left": {"groups:read"},
    "member_joined_channel": {"channels:read", "groups:read"},
    "member_left_channel": {"channels:read", "groups:read"},
    # Slack sends these two only to apps subscribed to them; they need no scope.
    "app_uninstalled": set(),
    "tokens_revoked": set(),
}
SAY_OR_RESPOND = re.compile(r"\bawait say\(")


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "manifest.yml").read_text())


@pytest.fixture(scope="module")
def router():  # type: ignore[no-untyped-def]
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": "s",
            "ASKAROUND_DATABASE_URL": "sqlite:///:memory:",
        },
        env_file=None,
    )
    return build(settings).router


def used_client_methods() -> set[str]:
    """Every Web API method the handlers and services call, found in the source itself."""
    found: set[str] = set()
    for path in [*ROOT.glob("handlers/**/*.py"), *ROOT.glob("bot/**/*.py")]:
        if "emulator" in path.parts:
            continue
        source = path.read_text()
        for name in re.findall(r"client\.([A-Za-z_0-9]+)\(", source):
            if hasattr(AsyncWebClient, name):
                found.add(name)
        if SAY_OR_RESPOND.search(source):
            found.add("chat_postMessage")
    return found


def test_manifest_validates_against_slack_schema(manifest: dict[str, Any]) -> None:
    """Slack's published manifest JSON schema accepts manifest.yml."""
    jsonschema.validate(manifest, json.loads(SCHEMA.read_text()))


def test_commands_match_both_ways(manifest: dict[str, Any], router) -> None:  # type: ignore[no-untyped-def]
    """Every registered slash command is declared, and every declared one is handled."""
    declared = {c["command"] for c in manifest["features"].get("slash_commands", [])}
    assert router.names("command") == declared


def test_events_match_both_ways(manifest: dict[str, Any], router) -> None:  # type: ignore[no-untyped-def]
    """Every event listener is subscribed, and every subscription has a listener."""
    declared = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert router.names("event") == declared


def test_shortcuts_match_both_ways(manifest: dict[str, Any], router) -> None:  # type: ignore[no-untyped-def]
    """Every shortcut callback is declared, and every declared shortcut is handled, as the
    kind the manifest says: a message shortcut's listener reads the message's channel, which
    a global shortcut's payload has not (the demo's `shortcut give_kudos` without `on last`
    sent one, and the listener failed with a KeyError)."""
    shortcuts = manifest["features"].get("shortcuts", [])
    for kind in ("message", "global"):
        declared = {s["callback_id"] for s in shortcuts if s["type"] == kind}
        assert router.names(f"{kind}_shortcut") == declared, kind


def test_scopes_match_what_the_code_uses(manifest: dict[str, Any], router) -> None:  # type: ignore[no-untyped-def]
    """Declared bot scopes are exactly those needed by the methods, events and commands used."""
    methods = used_client_methods()
    unknown = methods - set(METHOD_SCOPES)
    assert not unknown, f"add the scopes of {unknown} to METHOD_SCOPES"
    needed = set().union(*(METHOD_SCOPES[m] for m in methods))
    needed |= set().union(*(EVENT_SCOPES[e] for e in router.names("event")))
    if router.names("command"):
        needed.add("commands")
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == needed


def test_the_features_the_code_uses_are_switched_on(manifest: dict[str, Any], router) -> None:  # type: ignore[no-untyped-def]
    """Subscribing to an event is not enough: Slack sends no button click, modal or menu
    without interactivity, shows no Home tab it is not told of, and lets nobody write in the
    Messages tab it keeps read-only (a DM question needs `message.im` and a writable tab)."""
    features, settings = manifest["features"], manifest["settings"]
    if router.names("action") | router.names("view") | router.names("options"):
        assert settings["interactivity"]["is_enabled"] is True
    if "app_home_opened" in router.names("event") and "views_publish" in used_client_methods():
        assert features["app_home"]["home_tab_enabled"] is True
    if "message.im" in router.names("event"):
        assert features["app_home"]["messages_tab_enabled"] is True
        assert features["app_home"]["messages_tab_read_only_enabled"] is False
    assert features["bot_user"]["display_name"], "bot scopes need a bot user"


def test_nothing_is_declared_twice(manifest: dict[str, Any]) -> None:
    """Each command, shortcut callback, scope and event once: the tests above compare sets,
    which a second copy passes unseen."""
    lists = {
        "commands": [c["command"] for c in manifest["features"]["slash_commands"]],
        "callback ids": [s["callback_id"] for s in manifest["features"]["shortcuts"]],
        "scopes": manifest["oauth_config"]["scopes"]["bot"],
        "events": manifest["settings"]["event_subscriptions"]["bot_events"],
    }
    for kind, items in lists.items():
        assert len(items) == len(set(items)), (kind, sorted(i for i in items if items.count(i) > 1))


def test_oauth_installs_ask_for_the_manifests_bot_scopes(manifest: dict[str, Any]) -> None:
    """SLACK_SCOPES defaults to the manifest's bot scopes, so an OAuth install asks for what
    the code needs; the manifest names the OAuth redirect path the bot serves."""
    assert set(BOT_SCOPES) == set(manifest["oauth_config"]["scopes"]["bot"])
    assert all(url.endswith(REDIRECT_PATH) for url in manifest["oauth_config"]["redirect_urls"])


def test_the_http_mode_manifest_in_the_docs_names_every_url_the_code_needs(router) -> None:  # type: ignore[no-untyped-def]
    """docs/deploy.md's changes for HTTP mode give Slack a URL for everything the code
    answers: slash commands, events, interactivity, and the options of the type-ahead menus
    (without an Options Load URL, Slack never asks for them: the Edit profile modal's skill
    menus stay empty)."""
    deploy = (ROOT / "docs" / "deploy.md").read_text()
    section = deploy.split("### The manifest in HTTP mode", 1)[1]
    http = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    events = http["settings"]["event_subscriptions"]
    interactivity = http["settings"]["interactivity"]
    assert http["settings"]["socket_mode_enabled"] is False
    assert events["request_url"].endswith("/slack/events")
    assert interactivity["request_url"].endswith("/slack/events")
    if router.names("options"):
        assert interactivity.get("message_menu_options_url", "").endswith("/slack/events")
    assert all(c["url"].endswith("/slack/events") for c in http["features"]["slash_commands"])


# Each command's subcommands, as its handler tells them from what follows (`bot.help`).
SUBCOMMANDS = {
    "/askaround": ASKAROUND_SUBCOMMANDS,
    "/ask": ASK_SUBCOMMANDS,
    "/skills": SKILLS_SUBCOMMANDS,
    "/kudos": KUDOS_SUBCOMMANDS,
}
# What a command takes that is no subcommand: a question (`/ask`), a thank-you (`/kudos`).
FREE_TEXT = re.compile(r"^@|\?$")
OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


def spelled_out(hint: str) -> list[str]:
    """Each alternative of a `usage_hint` as someone would type it: the whole hint in brackets
    is optional, `[a|b]` inside an alternative is nothing, a or b; `@name` is Slack's escaped
    mention, as a command with should_escape receives it."""
    hint = hint.strip()
    if hint.startswith("[") and hint.endswith("]"):
        hint = hint[1:-1]
    alternatives = []
    depth, start = 0, 0
    for i, char in enumerate(hint):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append(hint[start:i])
            start = i + 1
    alternatives.append(hint[start:])
    typed: list[str] = []
    for alternative in (a.strip() for a in alternatives):
        forms = [alternative]
        while any(OPTIONAL.search(form) for form in forms):
            forms = [
                OPTIONAL.sub(choice, form, count=1)
                for form in forms
                for group in [OPTIONAL.search(form)]
                if group
                for choice in ["", *group.group(1).split("|")]
            ]
        typed += [re.sub(r"\s+", " ", form).strip() for form in forms]
    return typed


def test_each_usage_hint_shows_what_its_command_takes(manifest: dict[str, Any]) -> None:
    """Every alternative a command's usage_hint shows is a subcommand its handler takes as
    written (`withdraw 12`, `top quarter`, `report last week @maria`), or the free text it
    takes (a question, a thank-you); the description says what the command is for."""
    for declared in manifest["features"]["slash_commands"]:
        command = declared["command"]
        assert declared["description"].strip(), command
        for typed in spelled_out(declared["usage_hint"]):
            first = typed.split(" ", 1)[0].lower()
            escaped = re.sub(r"@(\w+)", r"<@U0\1>", typed)
            if first in SUBCOMMANDS[command]:
                assert subcommand(escaped, SUBCOMMANDS[command]) == first, (command, typed)
            else:
                assert FREE_TEXT.search(typed), f"{command} takes no `{typed}`"


def test_a_hint_spelled_out() -> None:
    assert spelled_out("[add x | top [week|all] | me]") == [
        "add x",
        "top",
        "top week",
        "top all",
        "me",
    ]


def test_the_slack_api_page_names_each_method_used_with_the_scopes_it_needs() -> None:
    """docs/slack-api.md has a row for every Web API method the code calls, whose scopes are
    those this test holds the manifest to: it gave conversations.info only `channels:read`
    and `groups:read`, where the Give kudos shortcut asks it of a DM or a group DM too
    (`im:read`, `mpim:read`), and had no row for `api.test` (`/readyz` under OAuth)."""
    rows = {
        cells[0]: cells[1]
        for line in (ROOT / "docs" / "slack-api.md").read_text().splitlines()
        if line.startswith("| `")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    by_method = {
        re.sub(r"\.(\w)", lambda m: "_" + m.group(1), name): scopes
        for names, scopes in rows.items()
        for name in re.findall(r"`([\w.]+)`", names)
    }
    by_method["files_upload_v2"] = by_method["files_getUploadURLExternal"]
    by_method["conversations_replies"] = by_method["conversations_history"]  # "as history"
    for method in used_client_methods():
        assert method in by_method, f"docs/slack-api.md has no row for {method}"
        named = set(re.findall(r"`([a-z_]+:[a-z_.:]+)`", by_method[method]))
        assert named == METHOD_SCOPES[method], (method, named)
