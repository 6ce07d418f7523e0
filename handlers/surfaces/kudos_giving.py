"""What kudos needs from Slack: look-ups of the giver and recipients and of conversations,
the Give kudos form opened, and the giver's confirmation. Shared by every way of giving."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, NamedTuple

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.kudos.records import Given, Giving
from bot.kudos.service import NotKnown
from bot.profile import Profile
from bot.services import Services
from handlers.blocks.kudos import render_confirmation
from handlers.blocks.kudos_form import render_give_modal
from handlers.blocks.message_text import typed_text
from handlers.client.conversations import is_private
from handlers.client.directory import (
    GUEST_GIVES,
    in_other_workspace,
    lookup_profiles,
    members_only,
)
from handlers.client.failures import is_transient
from handlers.client.lookup import post_once
from handlers.client.messages import ephemeral_shown, message_link, message_of
from handlers.outbox.replies import KUDOS_CONFIRMATION

log = logging.getLogger("askaround.kudos")
Reply = Callable[..., Awaitable[Any]]


def guest_thanked(user_id: str, ours: bool = False) -> str:
    """`ours`: they are in another workspace of this one's Enterprise Grid organisation."""
    who = (
        in_other_workspace(user_id)
        if ours
        else f"<@{user_id}> is a guest here from another organisation"
    )
    return (
        f"{who}: kudos here are only between people of this workspace, so I can't record "
        "kudos for them. A thank-you in the channel still reaches them."
    )


async def lookup_people(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    giver: str,
    recipients: list[str],
    read: dict[str, Profile] | None = None,
) -> tuple[Profile, tuple[Profile, ...]]:
    """The giver and the recipients: people already known need no call; before Slack is
    asked about several others, no more recipients than the giver has kudos left (one
    request, bounded calls). One recipient is at most one call about them, so the allowance
    is left to `give`, which checks it in its transaction anyway: a read saved on most kudos."""

    async def room_for_them() -> None:
        await services.kudos.check_room(team_id, giver, len(recipients))

    people = [giver, *recipients]
    first = room_for_them if len(set(recipients)) > 1 else None
    found = await lookup_profiles(
        client, services, team_id, people, first, elsewhere=guest_thanked, read=read
    )
    return found[0], tuple(found[1:])


async def give_to_people(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    giver: str,
    recipients: list[str],
    channel_id: str | None,
    giving: Callable[[Profile, tuple[Profile, ...], bool], Giving],
) -> Given:
    """Kudos from `giver` to `recipients` given in `channel_id`: what `giving` makes of the
    giver, the recipients and whether the channel is private. The privacy check comes first
    (`is_private`: kept a while, else conversations.info), then the give, which reads the
    people in its own transaction (`KudosService.give_to_known`): one unit of work, not a
    read and then a give. Only when one of them is not known yet (new to askaround, not
    heard of for a day, or a guest from another organisation, who is never stored) are they
    looked up in Slack (`lookup_people`, which refuses such a guest) and the act given then."""
    private = await is_private(client, channel_id, services.conversations.of(team_id))

    def act(person: Profile, them: tuple[Profile, ...]) -> Giving:
        return giving(person, them, private)

    people = [giver, *recipients]
    given = await services.kudos.give_to_known(team_id, people, services.people, act)
    if isinstance(given, NotKnown):  # those it found are not read again
        found, them = await lookup_people(client, services, team_id, giver, recipients, given.found)
        return await services.kudos.give(act(found, them))
    return given


class Read(NamedTuple):
    """A message read by its timestamp, whether at the top of the channel or in a thread."""

    text: str | None  # as its author typed it (`typed_text`); None: Slack will not show it
    thread_ts: str | None  # the thread a reply is in; None at the top (a parent's is its own)


async def message_read(client: AsyncWebClient, channel_id: str, ts: str) -> Read:
    """A message's words and thread; no words when Slack will not let the bot read it (a
    conversation it is not in), when it is taken for a message at the top."""
    found = await message_of(client, channel_id, ts)
    if found is None:
        return Read(None, None)
    return Read(typed_text(found) if found else "", thread_of(found, ts))


def thread_of(message: dict[str, Any] | None, ts: str) -> str | None:
    """The thread the message `ts` is a reply in (its parent's ts, which Slack gives a reply
    as `thread_ts`); None at the top of the channel: a parent's `thread_ts` is its own."""
    thread = (message or {}).get("thread_ts")
    return str(thread) if thread not in (None, ts) else None


async def permalink(client: AsyncWebClient, channel_id: str, ts: str) -> str | None:
    try:
        return await message_link(client, channel_id, ts)
    except SlackApiError:  # a kudos goes without its link rather than wait for one
        return None


class Posted(NamedTuple):
    """A reply sent as a message of its own, which the bot may change later."""

    channel: str
    ts: str


async def confirm_to_giver(
    services: Services, team_id: str, reply: Reply, given: Given, *, group_dm: bool = False
) -> None:
    """The giver's own confirmation with Undo; the shout-out and DMs go through the outbox.
    `group_dm`: given in one (`handlers.client.conversations.is_group_dm`). Sent as a DM, it
    loses its button when Undo ends (a command's answer had that queued with the kudos); an
    ephemeral message posted by chat.postEphemeral is one Slack lets nobody change."""
    shown = await reply(**render_confirmation(given, group_dm=group_dm))
    if isinstance(shown, Posted):
        await services.kudos.confirmation_posted(
            team_id, given, shown.channel, shown.ts, group_dm=group_dm
        )
        if shown.channel.startswith("D"):  # what the giver types under it asks nobody
            await services.bot_dms.posted(team_id, KUDOS_CONFIRMATION, [shown])


def ephemeral_or_dm(
    client: AsyncWebClient, channel_id: str | None, user_id: str, thread_ts: str | None = None
) -> Reply:
    """A reply only this person sees: ephemeral where they are (in `thread_ts`, the thread
    they are in), else (Slack refusing it, or failing it past its retries) in their DM with
    the bot, returned as `Posted`."""

    async def reply(**message: Any) -> Posted | None:
        shown = {**message, "thread_ts": thread_ts} if thread_ts else message
        if channel_id and await _shown_or_failing(client, channel_id, user_id, shown):
            return None
        dm = await client.conversations_open(users=user_id)
        posted = await post_once(client, channel=dm["channel"]["id"], **message)
        return Posted(str(posted["channel"]), str(posted["ts"]))

    return reply


async def _shown_or_failing(
    client: AsyncWebClient, channel_id: str, user_id: str, message: dict[str, Any]
) -> bool:
    """Whether the ephemeral was shown; False, for the DM, when Slack refused it or kept
    failing it: what it confirms is already in the ledger, and "try again" would give it
    twice."""
    try:
        return await ephemeral_shown(client, channel_id, user_id, message)
    except SlackApiError as failure:
        if not is_transient(failure):
            raise
        log.warning("confirmation to %s said in the DM: %s", user_id, failure.response.status_code)
        return False


async def open_give_kudos(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    trigger_id: str,
    *,
    giver: str,
    recipients: Sequence[str] = (),
    channel_id: str | None = None,
    message_ts: str | None = None,
    link: str | None = None,
    source: str = "modal",
    question_id: int | None = None,
    reply_url: str | None = None,
    group_dm: bool = False,
) -> None:
    """Open the Give kudos modal; other features (a solved question) open it this way too.

    Without a channel the modal asks where to post the shout-out, unless the workspace has a
    kudos channel: shout-outs go there from every way of giving. `reply_url` (a message
    shortcut's, a button's) answers in a conversation the bot is not in, as a command's does.
    `group_dm`: the channel is one, as only the payload may say (`is_group_dm`).

    Only someone known to be of this workspace is given the form (`giver`, who opened it):
    a guest from another organisation would be refused only once they submitted it, their
    reason typed, and the request that opened it, their id and Slack name, kept a day in the
    inbox. A global shortcut or a button names no channel, and a payload's home team is
    trusted only in a shared one (`from_elsewhere`), so Slack's profile decides, as for a
    slash command (`members_only`: someone stored costs no call). Nothing is stored as the
    form opens: its submission looks the giver up itself (`lookup_people`).
    """
    await members_only(client, services, team_id, giver, GUEST_GIVES, keep=False)
    rules = await services.kudos.rules(team_id)
    metadata = {
        "channel": channel_id,
        "ts": message_ts,
        "link": link,
        "source": source,
        "question": question_id,
        "reply_url": reply_url,
        "group_dm": group_dm or None,
    }
    view = render_give_modal(
        rules.values,
        values_required=rules.values_required,
        recipients=recipients,
        permalink=link,
        metadata={k: v for k, v in metadata.items() if v is not None},
        ask_channel=not channel_id and not rules.kudos_channel_id,
    )
    await client.views_open(trigger_id=trigger_id, view=view)
