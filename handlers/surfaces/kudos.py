"""Kudos by slash command, by reaction, and the Undo button: parse, ack, call KudosService,
render. Undo removes every message the kudos caused. The Give kudos modal and its shortcuts
live in `handlers/surfaces/kudos_modal.py`."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import KudosRefused, UserError
from bot.kudos.parse import meant_person, mine_takes_nothing, parse_kudos, parse_top
from bot.kudos.records import Announcement, Giving
from bot.kudos.rules import gives_kudos, why_not_thanked
from bot.kudos.seconding import SECONDED_AFTER_UNDO
from bot.kudos.tell import is_shoutout_delivery
from bot.mentions import only_mention
from bot.profile import Profile
from bot.safe_text import safe_text, unescaped
from bot.services import Services
from bot.words import first_word
from handlers.blocks.elements import render_error
from handlers.blocks.kudos import (
    UNDO_ACTION,
    render_about,
    render_kudos_help,
    render_leaderboard,
    render_mine,
    render_undone,
)
from handlers.client import marks
from handlers.client.conversations import asked_if_group_dm, is_group_dm, private_now
from handlers.client.directory import lookup_profile, lookup_profiles
from handlers.client.messages import message_shown
from handlers.dispatch.inbox import command_key, waited
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of
from handlers.surfaces.kudos_giving import (
    confirm_to_giver,
    ephemeral_or_dm,
    give_to_people,
    message_read,
    permalink,
    thread_of,
)


class _NotAPerson(Exception):
    """The reactor is another app (`gives_kudos`): the give is rolled back, said to nobody."""


REACTION_TOO_SHORT = (
    "That message is too short to say what they did. Use the message shortcut *Give kudos* "
    "on it to add a reason."
)
REACTION_UNREADABLE = (
    "I can't read that message, so I can't tell what they did: I'm not in that conversation. "
    "Use the message shortcut *Give kudos* on it instead."
)
REACTED_AFTER_UNDO = (
    "You undid your kudos for that message, so reacting again gives none. Use the message "
    "shortcut *Give kudos* on it to thank them again."
)
SHOUTOUT_GONE = "I no longer have the kudos of that shout-out, so there is nothing to second."
NOT_A_SHOUTOUT = "That is one of my messages, not a shout-out; kudos go to people."
REACTION_NEEDS_VALUE = (
    "This workspace asks for a company value with each kudos. Use the message shortcut "
    "*Give kudos* on that message to pick one."
)


def register(router: Router, services: Services) -> None:
    @router.command("/kudos")
    async def kudos_command(
        ack: AsyncAck,
        command: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        text = command.get("text", "").strip()
        word, rest = first_word(text)
        await ack()
        team, user = workspace_of(context), command["user_id"]
        if word.lower() in ("", "help"):
            rules = await services.kudos.rules(team)
            shown = render_kudos_help(rules.reactions, has_values=bool(rules.values))
            await respond(response_type="ephemeral", **shown)
            return
        if word.lower() == "top":
            period, value = parse_top(rest)
            me = await lookup_profile(client, services, team, user)
            board = await services.kudos.leaderboard(team, period, value, me.tz, viewer=user)
            await respond(response_type="ephemeral", **render_leaderboard(board))
        elif word.lower() == "me" and rest.strip():
            rules = await services.kudos.rules(team)
            raise KudosRefused(mine_takes_nothing(rest.strip(), has_values=bool(rules.values)))
        elif word.lower() == "me" or only_mention(text) == user:  # `/kudos @myself` too
            me = await lookup_profile(client, services, team, user)
            await respond(
                response_type="ephemeral",
                **render_mine(await services.kudos.mine(team, user, me.tz)),
            )
        elif (someone := only_mention(text)) is not None:
            # Known before shown: someone not synced yet would be named by their user id.
            # The viewer too: what a guest of the workspace sees is less (`bot.visibility`).
            viewer, person = await lookup_profiles(client, services, team, [user, someone])
            why_not = why_not_thanked(viewer, person)
            if person.is_bot and why_not:  # an app was never thanked: only why it can't be
                await respond(response_type="ephemeral", **render_error(safe_text(why_not)))
                return
            about = await services.kudos.about(
                team,
                someone,
                viewer=user,
                private_now=private_now(client, services.conversations.of(team)),
            )
            await respond(response_type="ephemeral", **render_about(about, why_not))
        else:
            await give_by_command(command, respond, client, team, text, waited(context))

    async def give_by_command(
        command: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        team: str,
        text: str,
        waited: timedelta,
    ) -> None:
        try:
            parsed = parse_kudos(text)
        except KudosRefused as refused:
            name, rest = first_word(text)
            name = name.removeprefix("@")  # `@bob` as text: Slack escapes only usernames it knows
            # pointed at a colleague only for one of this workspace's people: a guest from
            # another organisation is never stored, and is shown none of them
            typer = command["user_id"]
            if (
                refused.field == "recipients"
                and name[:1] not in ("", "@", "<", "#")
                and await services.people.described_before(team, typer)
            ):
                meant = await services.people.by_handle(team, name)
                if meant is not None:
                    raise KudosRefused(meant_person(meant, rest), "recipients") from None
            # its example names a #value only where the workspace has values
            rules = await services.kudos.rules(team)
            parsed = parse_kudos(text, has_values=bool(rules.values))
        channel = command.get("channel_id")
        group_dm = is_group_dm(channel, str(command.get("channel_name") or ""))

        def giving(giver: Profile, recipients: tuple[Profile, ...], private: bool) -> Giving:
            return Giving(
                team_id=team,
                giver=giver,
                recipients=recipients,
                reason=parsed.reason,
                key=command_key(command),
                source="command",
                tags=parsed.tags,
                channel_tags=parsed.channel_tags,
                channel_id=channel,
                is_private=private,
                announcement=Announcement(reply_url=command.get("response_url")),
                group_dm=group_dm,
                confirm_url=command.get("response_url"),
                waited=waited,
            )

        given = await give_to_people(
            client, services, team, command["user_id"], list(parsed.recipients), channel, giving
        )
        if given.duplicate:
            return

        async def confirm(**message: Any) -> None:
            await respond(response_type="ephemeral", **message)

        await confirm_to_giver(services, team, confirm, given, group_dm=group_dm)

    @router.event("reaction_added")
    async def reacted(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        item = event.get("item") or {}
        if item.get("type") != "message":
            return
        team = workspace_of(context)
        reaction = str(event.get("reaction", "")).split("::")[0]  # drop ::skin-tone-N
        if reaction not in await services.kudos.reactions(team):
            return
        channel, ts, user = item["channel"], item["ts"], event["user"]
        author = event.get("item_user")
        if author == context.bot_user_id:
            await second(client, team, user, channel, ts, reaction)
            return
        if not author:
            return
        # The message and its link first, then the give, which reads the reactor and the
        # author in its own unit of work after the privacy check (`give_to_people`), as
        # /kudos and the form do: no read of people before it.
        (text, thread), link, group_dm = await asyncio.gather(
            message_read(client, channel, ts),
            permalink(client, channel, ts),
            asked_if_group_dm(client, channel, services.conversations.of(team)),
        )

        def giving(giver: Profile, recipients: tuple[Profile, ...], private: bool) -> Giving:
            if not gives_kudos(giver):
                raise _NotAPerson  # rolled back, nothing written
            if text is None:
                raise KudosRefused(REACTION_UNREADABLE)  # no field: not read as too short
            return Giving(
                team_id=team,
                giver=giver,
                recipients=recipients,
                reason=unescaped(text),  # as typed, as the modal's reason is
                key=f"react:{channel}:{ts}:{user}",
                source="reaction",
                channel_id=channel,
                is_private=private,
                values=(),
                # in the thread of a reply: Slack's event names no thread, the message does
                announcement=Announcement(message_link=link, reaction=reaction, in_thread=thread),
                quoted=(channel, ts),
                group_dm=group_dm,
            )

        try:
            given = await give_to_people(client, services, team, user, [author], channel, giving)
        except _NotAPerson:
            return  # another app's reaction: it thanks nobody, and has nobody to be told
        except UserError as refused:  # told where they reacted, by the dispatcher
            raise _of_a_reaction(refused).told_in(thread) from None
        if given.duplicate and given.entries and all(e.undone for e in given.entries):
            # the key is taken: silence read as given
            raise KudosRefused(REACTED_AFTER_UNDO).told_in(thread)
        if not given.duplicate:
            reply = ephemeral_or_dm(client, channel, user, thread_ts=thread)
            await confirm_to_giver(services, team, reply, given, group_dm=group_dm)

    async def second(
        client: AsyncWebClient, team: str, user: str, channel: str, ts: str, reaction: str
    ) -> None:
        reactor = await lookup_profile(client, services, team, user)
        if not gives_kudos(reactor):
            return
        # Told where the shout-out is: a reply in a thread (a reaction's kudos on a reply, a
        # seconding) is answered in that thread, which `reaction_added` does not name.
        shoutout = await message_shown(client, channel, ts)
        thread = thread_of(shoutout, ts)
        try:
            given = await services.kudos.second(
                team,
                reactor,
                channel,
                ts,
                key=f"second:{channel}:{ts}:{user}",
                reaction=reaction,
                thread=thread,
            )
        except UserError as refused:  # told by the dispatcher
            raise refused.told_in(thread) from None
        if given is None:
            if _forgotten_shoutout(team, shoutout):
                raise KudosRefused(SHOUTOUT_GONE).told_in(thread)
            raise KudosRefused(NOT_A_SHOUTOUT).told_in(thread)
        if given.duplicate and given.entries and all(e.undone for e in given.entries):
            raise KudosRefused(SECONDED_AFTER_UNDO).told_in(thread)
        if not given.duplicate:
            # As the seconding's shout-out was queued: in the group DM of the kudos it seconds
            # (`bot.kudos.seconding`), not as what is kept of the conversation says, if any.
            group_dm = await services.kudos.given_in_group_dm(team, given.batch_key)
            reply = ephemeral_or_dm(client, channel, user, thread_ts=thread)
            await confirm_to_giver(services, team, reply, given, group_dm=group_dm)

    @router.action(UNDO_ACTION)
    async def undo(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: AsyncRespond,
        context: Any,
    ) -> None:
        await ack()
        undone = await services.kudos.undo(
            workspace_of(context),
            body["user"]["id"],
            action["value"],
            reply_url=body.get("response_url"),
        )
        # Undone by this press: the outbox removes the messages and answers, as told
        # (`handlers.outbox.kudos_undone`); by another press, or Slack sending this one again,
        # that press's delivery answers, and an answer here could draw over what it says.
        if undone.taken_back:
            await respond(replace_original=True, **render_undone(undone.entries, taken_back=True))


def _of_a_reaction(refused: UserError) -> UserError:
    """A refusal as said of a reaction, which has no reason or value typed to point at."""
    field = refused.field if isinstance(refused, KudosRefused) else None
    if field == "reason":
        return KudosRefused(REACTION_TOO_SHORT, "reason")
    if field == "values":
        return KudosRefused(REACTION_NEEDS_VALUE, "values")
    return refused


def _forgotten_shoutout(team: str, message: dict[str, Any] | None) -> bool:
    """Whether a message of the bot's that the ledger knows nothing of is a shout-out all the
    same, its kudos purged since: its outbox delivery's mark says so (`handlers.client.marks`;
    one posted through a command's reply_url carries none)."""
    key = marks.marked_with(message) if message else None
    return key is not None and is_shoutout_delivery(team, key)
