"""Workspace settings in Slack: `/askaround settings` and the Home tab's *Change settings*
open the modal, *Settings changes* opens the audit log. Every listener asks
`bot.visibility.is_admin` (through the service) again, so a forged click or submission from
someone else is refused. The submission is checked before its ack, because Slack shows a
modal's errors only from the ack."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from bot.help import ASKAROUND_SUBCOMMANDS, subcommand
from bot.safe_text import QUOTED_CHARS, clip, quoted, safe_text
from bot.services import Services
from bot.settings import Settings
from bot.workspace_settings.keys import SettingsRefused
from bot.workspace_settings.service import NOT_AN_ADMIN, NOT_NAMEABLE, NotAnAdmin
from handlers.blocks.workspace_settings import (
    AUDIT_ACTION,
    AUDIT_SHOWN,
    FIELD_ACTION,
    OPEN_ACTION,
    SETTINGS_MODAL,
    edited_text,
    render_audit_modal,
    render_notice,
    render_saved,
    render_settings_modal,
)
from handlers.client.admins import nameable, standing
from handlers.client.conversations import (
    channel_named,
    conversation,
    refusal_for_kudos,
    refusal_to_watch,
)
from handlers.client.directory import described
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of

# Slack sent the command without the trigger a form is opened by.
NO_FORM = (
    "Slack didn't give me what I need to open the settings form, so I couldn't open it. "
    "Please type `/askaround settings` again, or press *Change settings* on my Home tab."
)


async def open_settings(
    services: Services,
    client: AsyncWebClient,
    team_id: str,
    user_id: str,
    trigger_id: str | None,
) -> None:
    admin, named = await standing(client, team_id, user_id)
    settings = services.workspace_settings
    if not await settings.is_admin(team_id, user_id, slack_admin=admin, nameable=named):
        raise NotAnAdmin(NOT_AN_ADMIN)
    if not trigger_id:  # Slack opens a form only by the trigger it sent with the command
        raise UserError(NO_FORM)
    now = await services.workspace_settings.current(team_id)
    await client.views_open(trigger_id=trigger_id, view=render_settings_modal(now))


async def channel_refusals(client: AsyncWebClient, view: dict[str, Any]) -> dict[str, str]:
    """Why a channel the admin picked will not do, asked of Slack; by key: one the bot cannot
    watch, or a private kudos channel (the picker lists public ones, but only Slack's client
    holds to that). Picked means not what the modal opened with, so no database read delays
    the ack, nor a kept answer (the admin may have just invited the bot). Slack shows a
    field's error as plain text, so a channel is named `#name`."""
    values = view["state"]["values"]
    blocks: list[dict[str, Any]] = view.get("blocks") or []
    shown = {b.get("block_id"): b.get("element") or {} for b in blocks}
    refusals: dict[str, str] = {}
    picked = ((values.get("kudos_channel") or {}).get(FIELD_ACTION) or {}).get(
        "selected_conversation"
    )
    if picked and picked != shown.get("kudos_channel", {}).get("initial_conversation"):
        refusal = refusal_for_kudos(await conversation(client, picked))
        if refusal:
            refusals["kudos_channel"] = refusal
    chosen = (values.get("watched_channels") or {}).get(FIELD_ACTION) or {}
    before = set(shown.get("watched_channels", {}).get("initial_conversations") or [])
    for channel in chosen.get("selected_conversations") or []:
        if channel not in before:
            found = await conversation(client, channel)
            refusal = refusal_to_watch(channel, found, then="save the settings again")
            if refusal:
                refusals["watched_channels"] = f"{channel_named(found)}: {refusal}"
                break
    return refusals


async def admin_refusals(
    client: AsyncWebClient, team_id: str, view: dict[str, Any]
) -> dict[str, str]:
    """Why someone picked as an askaround admin will not do (`visibility.may_be_named`): the
    people picker lists the workspace's guests, a guest from another organisation met in a
    shared channel, a deactivated member and a bot too. Only those not named already are
    asked about, by name (a field's error is plain text)."""
    values = view["state"]["values"]
    shown = {b.get("block_id"): b.get("element") or {} for b in view.get("blocks") or []}
    before = set(shown.get("askaround_admins", {}).get("initial_users") or [])
    chosen = ((values.get("askaround_admins") or {}).get(FIELD_ACTION) or {}).get(
        "selected_users"
    ) or []
    for user_id in chosen:
        if user_id in before:
            continue
        user = await described(client, user_id)
        if not nameable(user, team_id):
            return {"askaround_admins": f"{_called(user)}{NOT_NAMEABLE}"}
    return {}


def _called(user: dict[str, Any] | None) -> str:
    """Someone picked, as a field's plain text names them."""
    profile = (user or {}).get("profile") or {}
    name = (user or {}).get("real_name") or profile.get("real_name") or (user or {}).get("name")
    return f"{name}: " if name else "Someone Slack won't describe: "


# `/askaround settings` followed by what it does not take: `help`, or the command line's
# `set KEY VALUE` typed in Slack by an admin who read the README.
SETTINGS_HELP = (
    "`/askaround settings` opens the settings form: company values, kudos allowances, the "
    "kudos channel and reactions, the weekly digest, watched channels and askaround admins; "
    "*Settings changes* on my Home tab says who changed what. " + NOT_AN_ADMIN + " Where "
    "askaround runs, `askaround settings show` and `askaround settings set KEY VALUE` do the "
    "same at the command line."
)


def deployment_timings(settings: Settings) -> str:
    """The escalation's timings, which an admin looks for among the settings: they are the
    deployment's, one for every workspace it serves."""
    return (
        f"How long a request waits before others are asked ({settings.offer_minutes} working "
        f"minutes), the working hours ({settings.working_hours.text()}, in each person's "
        f"time zone) and how many are asked ({settings.offers_per_round} colleagues at once) "
        "are set by whoever runs askaround: `ASKAROUND_OFFER_MINUTES`, "
        "`ASKAROUND_WORKING_HOURS` and `ASKAROUND_OFFERS_PER_ROUND` where it is deployed."
    )


def settings_words(typed: str, settings: Settings) -> str:
    """The answer to `/askaround settings WORDS…` that opens nothing."""
    words = typed.split()[1:]
    if [w.lower() for w in words] in (["help"], ["?"]):
        return f"{SETTINGS_HELP}\n{deployment_timings(settings)}"
    said = quoted(f"/askaround {clip(safe_text(typed), QUOTED_CHARS)}")
    form = "`/askaround settings` alone opens the settings form"
    if words[0].lower() not in ("set", "show") or "`" in typed:
        return f"I don't know {said}: {form}, and `/askaround settings help` says what is there."
    return (
        f"I don't change settings from {said}: {form}, where each one is. "
        f"`askaround {clip(typed, QUOTED_CHARS)}` is typed at the command line, where "
        "askaround runs."
    )


async def _is_settings_words(command: dict[str, Any]) -> bool:
    text = str(command.get("text", "")).strip()
    first = text.split(maxsplit=1)[0].lower() if text else ""
    return first == "settings" and not await _is_settings(command)


async def _is_settings(command: dict[str, Any]) -> bool:
    """`settings`, or `settings show` as `askaround settings show` is typed at a shell: the
    modal shows every value."""
    return subcommand(str(command.get("text", "")), ASKAROUND_SUBCOMMANDS) == "settings"


def register(router: Router, services: Services) -> None:
    @router.command("/askaround", matchers=[_is_settings])
    async def settings_command(
        ack: AsyncAck, command: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        team, user = workspace_of(context), str(command["user_id"])
        await open_settings(services, client, team, user, command.get("trigger_id"))

    @router.command("/askaround", matchers=[_is_settings_words])
    async def settings_words_command(ack: AsyncAck, command: dict[str, Any]) -> None:
        typed = str(command.get("text", "")).strip()
        await ack(text=settings_words(typed, services.settings))

    @router.action(OPEN_ACTION)
    async def on_open(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        team, user = workspace_of(context), str(body["user"]["id"])
        await open_settings(services, client, team, user, str(body["trigger_id"]))

    @router.action(AUDIT_ACTION)
    async def on_audit(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        team, user = workspace_of(context), str(body["user"]["id"])
        admin, named = await standing(client, team, user)
        changes, older = await services.workspace_settings.audit(
            team, user, slack_admin=admin, nameable=named, limit=AUDIT_SHOWN
        )
        await client.views_open(
            trigger_id=body["trigger_id"], view=render_audit_modal(changes, older)
        )

    @router.view(SETTINGS_MODAL)
    async def on_submit(
        ack: AsyncAck,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        team, user = workspace_of(context), str(body["user"]["id"])
        try:
            admin, named = await standing(client, team, user)
            refusals = await channel_refusals(client, view)
            refusals.update(await admin_refusals(client, team, view))
            changes = await services.workspace_settings.change(
                team,
                edited_text(view),
                by=user,
                slack_admin=admin,
                nameable=named,
                refusals=refusals,
            )
        except NotAnAdmin as refused:
            await ack(response_action="update", view=render_notice("Settings", str(refused)))
            return
        except SettingsRefused as refused:
            await ack(response_action="errors", errors=refused.errors)
            return
        await ack(response_action="update", view=render_saved(changes))
