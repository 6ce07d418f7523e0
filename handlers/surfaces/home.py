"""The App Home: its Home tab's opening noted, and its *Full report* button; the Messages
tab's first opening welcomed (`handlers.outbox.welcome`). The tab itself is
rendered and published by the outbox (`handlers.outbox.home`), whenever a change it shows
asks for a rebuild (`bot.home.changed`).
"""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services
from handlers.blocks.home import MANAGER_REPORT_ACTION, render_report_modal
from handlers.client.admins import reader_heard
from handlers.client.conversations import private_now
from handlers.client.directory import described, members_only, ours, profile_from_slack
from handlers.dispatch.inbox import forget_refused
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of
from handlers.outbox.welcome import WELCOME, welcome_key


def register(router: Router, services: Services) -> None:
    @router.action(MANAGER_REPORT_ACTION)
    async def manager_report(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        """The Home tab's *Full report*: `/kudos report` of the week the tab shows (its
        button's value), in a modal; a tab left open past the manager's Monday midnight
        still sums up the week before."""
        await ack()
        team, user = workspace_of(context), str(body["user"]["id"])
        # A guest from another organisation has no Home tab, but a click is only a payload:
        # refused as `/kudos report` refuses them, their request kept nowhere.
        await members_only(client, services, team, user)
        await reader_heard(client, services, team, user)  # a guest since: counts alone
        week = str(body["actions"][0].get("value") or "this week")
        summary = await services.digests.report(
            team,
            user,
            slack_admin=False,
            manager_user_id=None,
            period=week,
            private_now=private_now(client, services.conversations.of(team)),
        )
        await client.views_open(trigger_id=body["trigger_id"], view=render_report_modal(summary))

    async def messages_opened(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        """The Messages tab opened: a welcome the first time, once per person and workspace
        (`handlers.outbox.welcome`, whose key is the mark), never to an app's bot user or a
        member of another organisation. Opened again, one read and nothing more."""
        team, user_id = workspace_of(context), str(event["user"])
        key = welcome_key(team, user_id)
        if await services.outbox.queued(team, key):
            return
        known = (await services.people.known(team, {user_id})).get(user_id)
        if known is None:
            user = await described(client, user_id)
            if user is None or not await ours(services, team, user):
                await forget_refused(services, context)  # nothing of them kept
                return
            known = profile_from_slack(user)
        if known.is_bot or known.deactivated:
            return
        payload = {"user": user_id, "channel": event.get("channel")}
        await services.outbox.once(team, WELCOME, payload, key=key, at=services.clock.now())

    @router.event("app_home_opened")
    async def home_opened(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        """The tab is published by the outbox (`handlers.outbox.home`)."""
        tab = event.get("tab", "home")  # no tab named: the app's Home was opened
        if tab == "messages":
            await messages_opened(event, client, context)
            return
        if tab != "home":
            return
        user = await described(client, event["user"])
        if user is None or not await ours(services, workspace_of(context), user):
            # Someone Slack says is nobody, or a member of another organisation (Slack
            # Connect): no Home to publish, and nothing of them kept, not even in the inbox.
            await forget_refused(services, context)
            return
        profile = profile_from_slack(user)
        await services.people.opened_home(workspace_of(context), profile, services.clock.now())
