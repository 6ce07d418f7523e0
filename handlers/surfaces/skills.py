"""`/skills`, the Edit profile modal and its skill type-ahead."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, time
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.directory import parse as p
from bot.directory.network import check_colleague
from bot.directory.profiles import ProfileEdit
from bot.directory.status import AWAY, OPTED_OUT
from bot.errors import NotAMember, UserError
from bot.profile import Profile
from bot.safe_text import safe_text
from bot.services import Services
from bot.timezone import zone, zone_name
from bot.worktime import first_working_day
from handlers.blocks.elements import render_error
from handlers.blocks.offers import still_waiting
from handlers.blocks.skills import (
    EDIT_ACTION,
    EDIT_VIEW,
    INTERESTS_BLOCK,
    LEVEL_ACTION,
    NETWORK_BLOCK,
    back_on,
    render_added,
    render_edit_modal,
    render_profile,
    render_removed,
    render_skill_options,
    render_skills_help,
    render_text,
    render_who,
)
from handlers.client.directory import ONLY_MEMBERS, lookup_profile, members_only
from handlers.dispatch.inbox import forget_refused
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of

NEVER_ASKED = (
    "askaround never asks guests of this workspace about colleagues' questions (a request "
    "quotes channels a guest may not read), so none come to you, away or not."
)


async def _still_waiting(
    services: Services, team_id: str, user_id: str, said: str
) -> dict[str, Any]:
    """`said` (going away, opting out), and the requests already sent to them that still
    wait for their answer, which neither stops: they run out, their askers waiting on them
    till then, unless they answer."""
    waiting = await services.questions.waiting_for(team_id, user_id, 0)
    return render_text(said + still_waiting(waiting.total))


async def run_command(
    services: Services,
    team_id: str,
    user_id: str,
    text: str,
    tz: str | None = None,
    look_up: Callable[[str], Awaitable[Profile]] | None = None,
) -> dict[str, Any]:
    """One `/skills …` line → the ephemeral reply; raises a UserError for bad input. `tz`, the
    person's time zone, is where their `away until friday` is counted from and a day someone
    is back is read in (`back_on`); `look_up` finds a
    colleague in Slack before their profile is shown (raising a UserError for nobody)."""
    d = services.directory
    me = visibility.person(user_id)
    try:
        command = p.parse_command(text, d.today(tz))
    except p.AwayTooLong as refused:  # the furthest day as a reply setting it would say it
        raise refused.told_as(back_on(datetime.combine(refused.latest, time(), zone(tz)))) from None
    match command:
        case p.Show(user_id=None):
            return render_profile(await d.profile(team_id, user_id, me), is_owner=True, reader=tz)
        case p.Show(user_id=other) if other is not None:
            if look_up is not None and other != user_id:
                found = await look_up(other)
                if found.is_bot:
                    name = safe_text(found.real_name or found.name) or f"<@{other}>"
                    return render_text(f"{name} is an app: it has no skills or profile to show.")
            view = await d.profile(team_id, other, me)
            return render_profile(view, is_owner=other == user_id, reader=tz)
        case p.Help():
            return render_skills_help()
        case p.AddSkills(items=items):
            return render_added(await d.add_skills(team_id, user_id, list(items)))
        case p.RemoveSkills(names=names):
            return render_removed(*await d.remove_skills(team_id, user_id, list(names)))
        case p.SetInterests(interests=interests):
            kept = await d.set_interests(team_id, user_id, list(interests))
            return render_text(f"Interests: {safe_text(', '.join(kept)) or 'none'}.")
        case p.ShowInterests():
            mine = (await d.profile(team_id, user_id, me)).interests or ()
            return render_text(
                f"Your interests: {safe_text(', '.join(mine)) or 'none yet'}. "
                "`/skills interests rust, data viz` replaces them; `/skills interests none` "
                "clears them."
            )
        case p.Away(until=until):
            status = await d.set_status(team_id, user_id, AWAY, until)
            # The day as their Home tab and profile say it (`back_on`): its start where they
            # are, the zone `until` was counted in (`Status.back_at`).
            day = back_on(datetime.combine(until, time(), zone(tz)))
            if status.guest:
                return render_text(f"You are away, back {day}. {NEVER_ASKED}")
            # Nobody is sent a request outside their working days, away or not.
            back = first_working_day(until, services.settings.working_hours)
            if back != until:
                first = back_on(datetime.combine(back, time(), zone(tz)))
                return await _still_waiting(
                    services,
                    team_id,
                    user_id,
                    f"You are away, back {day}: nobody will be asked to reach you before "
                    f"{first}, your next working day.",
                )
            # Someone Slack gives no zone is back at midnight UTC, not at their own.
            at = ", from midnight UTC" if zone_name(tz) == "UTC" else ""
            return await _still_waiting(
                services,
                team_id,
                user_id,
                f"You are away, back {day}{at}: nobody will be asked to reach you before then.",
            )
        case p.Back():
            changed, now = await d.come_back(team_id, user_id)
            if not now.routable:
                return render_text(NEVER_ASKED)
            if changed:
                return render_text("Welcome back: you can be asked questions again.")
            return render_text("You can be asked questions already: you are not away.")
        case p.OptOut():
            if (await d.set_status(team_id, user_id, OPTED_OUT)).guest:
                return render_text(f"Questions will not be routed to you: {NEVER_ASKED}")
            said = "Questions will not be routed to you. `/skills back` undoes it."
            return await _still_waiting(services, team_id, user_id, said)
        case p.Who(topic=topic):
            return render_who(await d.who(team_id, topic, me), reader=tz)
        case p.NetworkAdd(entry=entry):
            if look_up is not None and entry.colleague_user_id:
                check_colleague(await look_up(entry.colleague_user_id))
            added = await d.add_network(team_id, user_id, entry)
            shown = safe_text(added.as_text(), keep=(entry.colleague_user_id or "",))
            return render_text(f"In your network (only you see it): {shown}.")
        case p.NetworkRemove(target=target):
            await d.remove_network(team_id, user_id, target)
            return render_text("Removed from your network.")
        case p.Forget():
            await d.forget(team_id, user_id)
            return render_text(
                "Done: your skills, interests and network are deleted. Your title, team and "
                "manager come from the directory and stay, and so does whether you can be asked."
            )
    raise AssertionError(f"unhandled {command!r}")


def edit_from_state(values: dict[str, Any]) -> ProfileEdit:
    """The modal's `state.values` → a ProfileEdit (network lines use the `/skills` grammar)."""
    skills: dict[str, int] = {}
    kept: set[int] = set()
    for level in range(1, 6):
        if f"level_{level}" not in values:  # more skills than a field holds: left out, kept
            kept.add(level)
            continue
        entry = values[f"level_{level}"].get(LEVEL_ACTION.format(level)) or {}
        for chosen in entry.get("selected_options") or []:
            skills[chosen["value"]] = max(level, skills.get(chosen["value"], 0))
    interests, network = _typed(values, INTERESTS_BLOCK), _typed(values, NETWORK_BLOCK)
    return ProfileEdit(
        skills,
        None if interests is None else p.interests_of(interests),
        None
        if network is None
        else tuple(p.parse_network_entry(line) for line in network.splitlines() if line.strip()),
        frozenset(kept),
    )


def _refused_field(values: dict[str, Any]) -> str:
    """Where to show a refusal of the modal: the level whose typed new skill cannot be kept
    (its name is read as a skill's only when saved), else the network, the other field read."""
    for level in range(1, 6):
        entry = (values.get(f"level_{level}") or {}).get(LEVEL_ACTION.format(level)) or {}
        for chosen in entry.get("selected_options") or []:
            try:
                p.plain_words(str(chosen["value"]).strip(), "a skill", longest=p.SKILL_NAME_CHARS)
            except UserError:
                return f"level_{level}"
    return NETWORK_BLOCK if NETWORK_BLOCK in values else "level_1"


def _typed(values: dict[str, Any], block_id: str) -> str | None:
    """A text field's value; None when the modal left it out (too long to hold, kept)."""
    if block_id not in values:
        return None
    return str((values[block_id].get(block_id) or {}).get("value") or "")


def register(router: Router, services: Services) -> None:
    @router.command("/skills")
    async def skills(
        ack: AsyncAck,
        command: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        await ack()
        team_id, user_id, text = workspace_of(context), command["user_id"], command.get("text", "")
        # Refused whole (`friendly`); read once, their time zone is where their `away until
        # friday` is counted from, and a day back is read.
        tz = (await members_only(client, services, team_id, user_id)).tz
        try:
            reply = await run_command(
                services, team_id, user_id, text, tz,
                lambda other: lookup_profile(client, services, team_id, other, acting=False),
            )  # fmt: skip
        except UserError as error:
            # Not left to the app's error handler: Bolt (1.30, ack-first mode) forgets an ack
            # when the listener raises right after it, and Slack would show a timeout.
            reply = render_error(error)
        await respond(**reply, response_type="ephemeral")

    @router.action(EDIT_ACTION)
    async def edit_profile(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        team_id, user_id = workspace_of(context), body["user"]["id"]
        # The button is on the Home tab, never published for a guest from another
        # organisation, but a click is only a payload: their form would store their profile.
        await members_only(client, services, team_id, user_id)
        view = await services.directory.profile(team_id, user_id, visibility.person(user_id))
        network = await services.directory.network_text(team_id, user_id)
        await client.views_open(
            trigger_id=body["trigger_id"], view=render_edit_modal(view, network)
        )

    async def suggest_skills(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        """The skills this workspace's people hold, offered only to one of them: who knows
        what is not a guest's from another organisation to read (`members_only`; the form's
        opening stored its member, so a keystroke costs no call), and a guest of this
        workspace is offered the shipped skills alone (`ProfileService.vocabulary_seen`)."""
        typed, user_id = body.get("value", ""), body["user"]["id"]
        if not await _a_member(client, context, user_id):
            await ack(options=[])
            return
        viewer = visibility.person(user_id)
        found = await services.directory.suggest(workspace_of(context), typed, viewer, limit=20)
        await ack(options=render_skill_options(typed, found))

    async def _a_member(client: AsyncWebClient, context: Any, user_id: str) -> bool:
        """Whether someone is known to be this workspace's; one refused has the request's
        inbox entry emptied, what they typed kept nowhere."""
        try:
            await members_only(client, services, workspace_of(context), user_id)
        except NotAMember:
            await forget_refused(services, context)
            return False
        return True

    for level in range(1, 6):
        router.options(LEVEL_ACTION.format(level))(suggest_skills)

    @router.view(EDIT_VIEW)
    async def save_profile(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        team_id, user_id = workspace_of(context), body["user"]["id"]
        if not await _a_member(client, context, user_id):  # a form opened before they were
            field = _refused_field(body["view"]["state"]["values"])
            await ack(response_action="errors", errors={field: ONLY_MEMBERS})
            return
        try:
            edit = edit_from_state(body["view"]["state"]["values"])
            await services.directory.save_edit(team_id, user_id, edit)
        except UserError as error:
            field = _refused_field(body["view"]["state"]["values"])
            await ack(response_action="errors", errors={field: str(error)[:150]})
            return
        await ack()  # the saved profile brings a Home tab rebuild through the outbox
