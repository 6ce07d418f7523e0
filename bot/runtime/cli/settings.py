"""`askaround settings show|set KEY VALUE [--team T…]`: a workspace's settings from the
command line, with the database URL alone (no Slack token). The same keys, parser and words
as the settings modal (`bot.workspace_settings.keys`); a change is in the audit log as made
by "cli"."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING, Any, TextIO

from bot.errors import AskaroundError
from bot.runtime.cli.failures import UsageError
from bot.runtime.cli.workspaces import chosen_workspace
from bot.safe_text import quoted
from bot.settings import database_url_from_env
from bot.workspace_settings.keys import (
    BY_NAME,
    KEYS,
    SettingsRefused,
    listed,
    parse,
    parse_people,
    unknown_key,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.workspace_settings.service import WorkspaceSettingsService


def add_parser(sub: Any) -> argparse.ArgumentParser:
    # Written wrapped: the key list keeps its layout, which argparse's formatter would not.
    keys = "\n".join(
        textwrap.fill(k.hint, 78, initial_indent=f"  {k.name:<18} ", subsequent_indent=" " * 21)
        for k in KEYS
    )
    parser: argparse.ArgumentParser = sub.add_parser(
        "settings",
        examples=[
            "askaround settings show",
            "askaround settings set daily_allowance 7",
            "askaround settings set values 'craft -> quality'",
            "askaround settings set askaround_admins 'ana@example.com, @ben'",
            "askaround settings show digest_hour",
            "askaround settings show --team T0123ABCD",
        ],
        help="show or change a workspace's settings (values, allowances, channels, digests)",
        description=textwrap.fill(
            "Show a workspace's settings, or change one. `show` (or `get`) prints each key, or "
            "the KEY named, `default` (its value is what a new workspace has, set back to it "
            "or never changed) or `set`, and its value; "
            "`set` takes the same text, and `none` clears a list; askaround_admins takes "
            "people by member id, email or handle. Needs only ASKAROUND_DATABASE_URL; with "
            "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET set too, Slack is asked about a channel. "
            "--team is needed when "
            "the database holds more than one workspace.",
            78,
        ),
        epilog=f"keys:\n{keys}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "action",
        nargs="?",
        default="show",
        type=str.lower,
        choices=["show", "get", "set"],
        metavar="ACTION",
        help="show (without one too; get is show): every setting, or KEY's; set: change KEY "
        "to VALUE",
    )
    parser.add_argument(
        "key", nargs="?", metavar="KEY", help="with set: the setting; with show: the one shown"
    )
    parser.add_argument(
        "value",
        nargs="*",
        metavar="VALUE",
        help="with set: its new value; the words after KEY are one (`values teamwork, craft`)",
    )
    parser.add_argument("--team", metavar="T…", help="the workspace's id")
    return parser


async def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from bot.runtime.cli.database import migrated
    from bot.workspace_settings.service import CLI, WorkspaceSettingsService
    from storage.db import create_sessions
    from storage.models import utcnow

    shown = out or sys.stdout
    # A list typed unquoted at a shell arrives as several words; `'a, b'` as one.
    args.value = " ".join(args.value) if args.value else None
    if args.action == "set":
        if args.key is None or args.value is None:
            raise UsageError("settings set needs a KEY and a VALUE, e.g. `daily_allowance 7`")
        if not str(args.value).strip():  # an unset shell variable, not a wish to clear it
            raise UsageError(f"{args.key}: an empty value changes nothing; say `none` to clear it.")
    elif args.value:
        after = quoted(args.value, 40, one_line=True)
        raise UsageError(f"settings show takes one KEY at most; {after} follows it")
    else:  # `get`, which a shell user types for show, and a KEY read as `set` reads it
        args.action = "show"
        args.key = str(args.key).strip().lower().replace("-", "_") if args.key else None
        if args.key is not None and args.key not in BY_NAME:
            raise AskaroundError(f"{args.key}: {unknown_key(args.key)}")
    async with migrated(database_url_from_env()) as engine:
        sessions = create_sessions(engine)
        service = WorkspaceSettingsService(sessions, utcnow)
        async with sessions() as s:
            team = await chosen_workspace(s, args.team)
        if args.action == "set":
            # typed at a shell, in any case and with either separator, as the values are read
            key, value = str(args.key).strip().lower().replace("-", "_"), str(args.value)
            if key == "askaround_admins":
                async with sessions() as s:
                    value = await admins_as_ids(s, team, value)
            refusals = await channel_refusals(team, key, value, service)
            try:
                made = await service.change(team, {key: value}, by=CLI, refusals=refusals)
            except SettingsRefused as refused:
                raise AskaroundError(f"{key}: {refused.errors.get(key, refused)}") from None
            new, gone = (made[0].new if made else "unchanged"), ""
            if made and key == "askaround_admins":
                # the whole list is set, so one left out is no longer an admin: said, as
                # the values a change retires are
                left = [i for i in listed(made[0].old) if i not in listed(made[0].new)]
                async with sessions() as s:
                    new = await admins_by_handle(s, team, new)
                    gone = await admins_by_handle(s, team, ", ".join(left)) if left else ""
            print(f"{key}: {new}", file=shown)
            if gone:
                print(f"no longer askaround admins (add them to keep them): {gone}", file=shown)
            if made and made[0].retired_values:
                gone = ", ".join(made[0].retired_values)
                print(f"retired (old kudos keep them): {gone}", file=shown)
            return 0
        default = service.defaults().as_text()
        for key, text in (await service.current(team)).as_text().items():
            if args.key not in (None, key):
                continue
            source = "default" if text == default[key] else "set"
            if key == "askaround_admins":
                async with sessions() as s:
                    text = await admins_by_handle(s, team, text)
            print(f"{key:<18} {source:<8} {text}", file=shown)
    return 0


async def channel_refusals(
    team: str, key: str, text: str, service: WorkspaceSettingsService
) -> dict[str, str]:
    """What Slack says against a channel newly given (conversations.info, as the modal asks
    it), when a bot token is set; without one the id's form alone is checked, by the parser."""
    from bot.runtime.cli.people import slack_if_set

    if key not in ("kudos_channel", "watched_channels"):
        return {}
    settings = slack_if_set()
    if settings is None:
        return {}
    try:
        given = parse({key: text})[key]
    except SettingsRefused:
        return {}  # the service refuses it in the modal's words
    before = await service.current(team)
    if key == "kudos_channel":
        new = [given] if given is not None and given != before.kudos_channel else []
    else:
        new = [c for c in given if c not in before.watched_channels]
    if not new:
        return {}
    from handlers.client.conversations import (
        channel_named,
        conversation,
        refusal_for_kudos,
        refusal_to_watch,
    )
    from handlers.client.directory import directory_client

    client = directory_client(settings)
    token_team = str((await client.auth_test())["team_id"])
    if token_team != team:
        raise AskaroundError(f"{key}: SLACK_BOT_TOKEN is for {token_team}, not {team}")
    for channel in new:
        found = await conversation(client, channel)
        if found.private and not found.name and not found.unsure:
            return {
                key: f"Slack doesn't show me {channel}: no such channel here, or a private "
                "one I'm not in."
            }
        if key == "kudos_channel":
            refusal = refusal_for_kudos(found, channel)
        else:
            said = refusal_to_watch(channel, found, then="set it again")
            refusal = f"{channel_named(found, channel)}: {said}" if said else None
        if refusal:
            return {key: refusal}
    return {}


async def admins_by_handle(s: AsyncSession, team: str, ids: str) -> str:
    """The admins as `set` takes them and people know them, `@handle`; the id of one with no
    handle stored."""
    from storage.people import people_by_id

    named = listed(ids)
    people = await people_by_id(s, team, named)
    shown = [f"@{people[i].name}" if i in people and people[i].name else i for i in named]
    return ", ".join(shown) or ids


async def admins_as_ids(s: AsyncSession, team: str, text: str) -> str:
    """The modal's picker offers only real people; at a shell an admin names them by member
    id, email or handle (as `report --manager` takes an email), each turned into the id the
    setting keeps. One nobody here has is refused: a typo would name nobody and leave the
    person meant without the rights. So is one stored as a guest, deactivated or a bot, who
    may not be named (`visibility.may_be_named`, as the modal's field refuses them)."""
    from bot import visibility
    from bot.workspace_settings.service import NOT_NAMEABLE
    from storage.people import people_by_handles, people_by_id

    named = listed(text)
    ids: list[str] = []
    unknown: list[str] = []
    for item in named:
        try:
            as_id = parse_people(item)
        except ValueError:
            as_id = ()
        person = (await people_by_id(s, team, as_id)).get(as_id[0]) if as_id else None
        if person is None:
            handle = item.removeprefix("@")
            person = (await people_by_handles(s, team, [handle])).get(handle.lower())
        if person is None:
            unknown.append(item)
            continue
        if not visibility.may_be_named(
            described=True,
            # Of another organisation: never stored. Every writer of people checks Slack's
            # profile first (`member_elsewhere`); one of this workspace's people that their
            # Grid org removed from it is stored deactivated, refused here all the same
            # (`test_settings_cli.py::test_a_member_of_another_organisation_is_never_stored…`).
            # And a named admin counts only while Slack says they may be (`may_configure`).
            elsewhere=False,
            guest=person.is_guest,
            deactivated=person.deactivated,
            is_bot=person.is_bot,
        ):
            raise AskaroundError(f"askaround_admins: {item}: {NOT_NAMEABLE}")
        ids.append(person.user_id)
    if unknown:
        raise AskaroundError(
            f"askaround_admins: nobody askaround knows here is {', '.join(unknown)}: name "
            "them by email, handle or member id (their Slack profile, ⋮, Copy member ID), or "
            "run `askaround sync` first if they are new"
        )
    return ", ".join(ids) if named else text
