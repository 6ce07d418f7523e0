"""The Give kudos modal: opened by the message shortcut (prefilled with the author and a link),
the global shortcut and the App Home button; its submission gives kudos like `/kudos` does.

The submission is checked before the ack, because Slack shows a modal's errors only from
the ack; everything that only tells people happens after it.
"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import KudosNotAMember, KudosRefused, NotAMember
from bot.kudos.records import Announcement, Giving
from bot.profile import Profile
from bot.services import Services
from handlers.blocks.kudos import HOME_GIVE_ACTION, THANK_ACTION
from handlers.blocks.kudos_form import MODAL_CALLBACK
from handlers.client.conversations import conversation_or_dm, is_group_dm, refusal_for_kudos
from handlers.client.directory import GUEST_GIVES, SLACKBOT
from handlers.dispatch.inbox import forget_refused, waited
from handlers.dispatch.router import Router, is_notice
from handlers.dispatch.workspace import from_elsewhere, workspace_of
from handlers.surfaces.kudos_giving import (
    confirm_to_giver,
    ephemeral_or_dm,
    give_to_people,
    open_give_kudos,
    permalink,
)

MESSAGE_SHORTCUT = "give_kudos"
NOTICE = (
    "That message is a channel notice, not something a colleague wrote: use *Give kudos* on "
    "their message, or `/kudos @name for …`."
)
GLOBAL_SHORTCUT = "give_kudos_global"
# Where the modal was opened → the ledger's `source` (App Home and the global shortcut: modal).
SOURCES = {"shortcut": "shortcut", "question": "question"}
PICK_PUBLIC = "Pick a public channel: a shout-out from here goes where everyone may read it."


def _chosen(state: dict[str, Any], block: str, action: str) -> dict[str, Any]:
    return dict((state.get(block) or {}).get(action) or {})


def register(router: Router, services: Services) -> None:
    @router.message_shortcut(MESSAGE_SHORTCUT)
    async def on_message(
        ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        message = shortcut.get("message") or {}
        channel, ts = shortcut["channel"]["id"], message.get("ts") or shortcut.get("message_ts")
        author = message.get("user")
        giver = shortcut["user"]["id"]
        known = services.conversations.of(workspace_of(context))
        # A channel is asked about now, so the submission finds the answer kept.
        if from_elsewhere(
            shortcut, context, shared=(await conversation_or_dm(client, channel, known)).shared
        ):
            raise KudosNotAMember(GUEST_GIVES)  # no form for a guest: its submission is refused
        if is_notice(message):
            raise KudosRefused(NOTICE)
        # Prefill only a colleague: a bot's (Slackbot's too) or one's own message leaves the
        # choice open.
        colleague = author not in (giver, SLACKBOT) and not message.get("bot_id")
        prefill = [author] if author and colleague else []
        link = await permalink(client, channel, ts) if ts else None
        await open_give_kudos(
            client,
            services,
            workspace_of(context),
            shortcut["trigger_id"],
            giver=giver,
            recipients=prefill,
            channel_id=channel,
            message_ts=ts,
            link=link,
            source="shortcut",
            reply_url=shortcut.get("response_url"),
            group_dm=is_group_dm(channel, str(shortcut["channel"].get("name") or "")),
        )

    @router.global_shortcut(GLOBAL_SHORTCUT)
    async def on_global(
        ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        await open_give_kudos(
            client,
            services,
            workspace_of(context),
            shortcut["trigger_id"],
            giver=shortcut["user"]["id"],
        )

    @router.action(HOME_GIVE_ACTION)
    async def on_home_button(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        await open_give_kudos(
            client,
            services,
            workspace_of(context),
            body["trigger_id"],
            giver=body["user"]["id"],
            source="home",
        )

    @router.action(THANK_ACTION)
    async def on_thank_button(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        """*Give kudos* under `/kudos @someone`, an ephemeral answer in any conversation, one
        the bot is not in too: as the message shortcut's, Slack's payload names a group DM
        (`channel.name`) and brings a response_url the shout-out can go by."""
        await ack()
        channel = body.get("channel") or {}
        await open_give_kudos(
            client,
            services,
            workspace_of(context),
            body["trigger_id"],
            giver=body["user"]["id"],
            recipients=[str(action["value"])],
            channel_id=channel.get("id"),
            reply_url=body.get("response_url"),
            group_dm=is_group_dm(channel.get("id"), str(channel.get("name") or "")),
        )

    @router.view(MODAL_CALLBACK)
    async def on_submit(
        ack: AsyncAck,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        team, user = workspace_of(context), body["user"]["id"]
        meta = json.loads(view.get("private_metadata") or "{}")
        state = view["state"]["values"]
        recipients = list(_chosen(state, "recipients", "users").get("selected_users") or [])
        reason = str(_chosen(state, "reason", "text").get("value") or "")
        options = _chosen(state, "values", "chosen").get("selected_options") or []
        picked = _chosen(state, "channel", "where").get("selected_conversation")
        channel = meta.get("channel") or picked
        group_dm = False

        def giving(giver: Profile, people: tuple[Profile, ...], private: bool) -> Giving:
            nonlocal group_dm
            if private and channel == picked:
                # The picker lists public channels only; Slack's client enforces that, so a
                # private one here was not picked there, and the giver may not even be in it.
                # One Slack would not say is public is kept private, and said so.
                kept = services.conversations.of(team).get(channel) if channel else None
                said = refusal_for_kudos(kept) if kept is not None and kept.unsure else None
                raise KudosRefused(said or PICK_PUBLIC, field="channel")
            # by its name, which the privacy check just read from Slack (`is_group_dm`)
            group_dm = bool(meta.get("group_dm")) or is_group_dm(
                channel, known=services.conversations.of(team)
            )
            return Giving(
                team_id=team,
                giver=giver,
                recipients=people,
                reason=reason,
                key=f"modal:{view['id']}",
                source=SOURCES.get(meta.get("source", ""), "modal"),
                question_id=meta.get("question"),
                channel_id=channel,
                is_private=private,
                values=tuple(str(o["value"]) for o in options),
                announcement=Announcement(
                    message_link=meta.get("link"), reply_url=meta.get("reply_url")
                ),
                group_dm=group_dm,
                waited=waited(context),
            )

        try:
            given = await give_to_people(client, services, team, user, recipients, channel, giving)
        except KudosRefused as refused:
            field = refused.field if refused.field and refused.field in state else "reason"
            await ack(response_action="errors", errors={field: str(refused)})
            if isinstance(refused, NotAMember):  # a guest given the form: reason kept nowhere
                await forget_refused(services, context)
            return
        await ack()
        if given.duplicate:
            return
        reply = ephemeral_or_dm(client, channel, user)
        await confirm_to_giver(services, team, reply, given, group_dm=group_dm)
