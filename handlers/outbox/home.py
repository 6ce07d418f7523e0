"""The Home tab's delivery from the outbox: rendered from the database when it is sent, so a
publish that waited (a 429, a retry) shows the latest state, and `views.publish` replacing the
whole tab makes a repeated publish harmless. A change the tab shows asks for a rebuild
(`bot.home.changed`).

The tab is assembled from one section per feature, each `async (services, team_id, user_id)
-> blocks` in `HOME_SECTIONS`: it opens with askaround's welcome (how to ask, a pointer to
`/askaround help`), then the requests waiting for the person's answer, the questions they
are helping with (the one section given the client, for its links), their own things (their
kudos, their open questions, their profile), their team's week for a manager, and the
settings for an admin.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import home, visibility
from bot.digests.summary import TeamSummary
from bot.errors import UserError
from bot.home import HOME_PUBLISH
from bot.reliability.delivery import NotYet
from bot.services import Services
from handlers.blocks.elements import Blocks, render_home_intro
from handlers.blocks.home import (
    HELPING_ON_HOME,
    REQUESTS_ON_HOME,
    render_home,
    render_home_helping,
    render_home_manager,
    render_home_questions,
    render_home_refused,
    render_home_requests,
)
from handlers.blocks.kudos import render_home_kudos
from handlers.blocks.skills import render_home_profile
from handlers.blocks.workspace_settings import render_admin_home
from handlers.client import marks
from handlers.client.admins import standing
from handlers.client.conversations import unheard
from handlers.client.failures import error_code, explained
from handlers.client.messages import message_link

log = logging.getLogger("askaround.outbox")
# How soon a rebuild waiting for an earlier one of the same tab looks again.
AFTER_THE_EARLIER = timedelta(seconds=1)
# Slack refusing the view itself: built again from the same data, it is refused again.
VIEW_REFUSED = frozenset({"invalid_blocks", "invalid_arguments"})
HomeSection = Callable[[Services, str, str], Awaitable[Blocks]]


async def kudos_section(services: Services, team_id: str, user_id: str) -> Blocks:
    """Allowance left today, recent kudos received, the leaderboard, a Give kudos button."""
    return render_home_kudos(await services.kudos.home(team_id, user_id))


async def requests_section(services: Services, team_id: str, user_id: str) -> Blocks:
    """The requests waiting for their answer, with the DM's *I can help* and *Not me*."""
    waiting = await services.questions.waiting_for(team_id, user_id, REQUESTS_ON_HOME)
    return render_home_requests(waiting)


async def helping_section(
    services: Services, team_id: str, user_id: str, client: AsyncWebClient | None
) -> Blocks:
    """The questions they are helping with, each linked to where they were introduced (a
    thread or group DM they are in), asked of Slack once a day at most (`bot.permalinks`)."""
    helping = await services.questions.helping(team_id, user_id, HELPING_ON_HOME)
    links: dict[int, str | None] = {}
    for question in helping:
        channel, ts = question.connected_message_channel, question.connected_message_ts
        if client is not None and channel and ts:
            links[question.id] = await services.permalinks.link(
                team_id, channel, ts, partial(message_link, client, channel, ts)
            )
    return render_home_helping(helping, links)


async def questions_section(services: Services, team_id: str, user_id: str) -> Blocks:
    mine = await services.questions.mine(team_id, user_id)
    return render_home_questions(mine.newest, mine.total, mine.waiting)


async def profile_section(services: Services, team_id: str, user_id: str) -> Blocks:
    view = await services.directory.profile(team_id, user_id, visibility.person(user_id))
    return render_home_profile(view)


async def team_week(services: Services, team_id: str, user_id: str) -> TeamSummary | None:
    """This week's summary of the person's team; None when nobody reports to them."""
    try:
        return await services.digests.report(
            team_id, user_id, slack_admin=False, manager_user_id=None, period="this week"
        )
    except UserError:
        return None


async def manager_section(services: Services, team_id: str, user_id: str) -> Blocks:
    summary = await team_week(services, team_id, user_id)
    if summary is None:
        return []
    return render_home_manager(
        summary, await services.digests.next_digest(team_id, user_id, summary.tz)
    )


HOME_SECTIONS: tuple[HomeSection, ...] = (
    requests_section,
    kudos_section,
    questions_section,
    profile_section,
    manager_section,
)


async def admin_section(
    services: Services,
    team_id: str,
    user_id: str,
    slack_admin: bool,
    nameable: bool,
    client: AsyncWebClient | None,
) -> Blocks:
    """The settings in brief; with `client`, each watched channel askaround hears nothing
    in now is said to be so (`unheard`)."""
    settings = services.workspace_settings
    if not await settings.is_admin(team_id, user_id, slack_admin=slack_admin, nameable=nameable):
        return []
    now = await settings.current(team_id)
    known = services.conversations.of(team_id)
    why = await unheard(client, now.watched_channels, known) if client is not None else None
    return render_admin_home(now, why)


async def intro_section(services: Services, team_id: str, user_id: str) -> Blocks:
    return render_home_intro(await services.people.home(team_id, user_id))


async def home_sections(
    services: Services,
    team_id: str,
    user_id: str,
    *,
    slack_admin: bool = False,
    nameable: bool = False,
    client: AsyncWebClient | None = None,
) -> list[Blocks]:
    """A person's Home tab's sections as the database has them now; `slack_admin` and
    `nameable` are what Slack says of them (`handlers.client.admins.standing`), facts that
    decide whether they see the settings, and `client` asks it of the watched channels."""
    parts = [await intro_section(services, team_id, user_id)]
    parts += [await home_section(services, team_id, user_id) for home_section in HOME_SECTIONS]
    parts.insert(2, await helping_section(services, team_id, user_id, client))  # after requests
    parts.append(await admin_section(services, team_id, user_id, slack_admin, nameable, client))
    return parts


async def _after_the_earlier(services: Services, team_id: str, user_id: str) -> None:
    """`NotYet` while an earlier rebuild of the same tab is being sent: it read the database
    before this one, and its `views.publish`, answered after this one's, left the tab as it
    was before the change this one shows."""
    mine = marks.delivery_id()
    prefix = f"{home.group(team_id, user_id)}:"
    if mine is not None and await services.outbox.sending_before(team_id, prefix, mine):
        raise NotYet(services.clock.now() + AFTER_THE_EARLIER)


async def publish(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The person's Home tab; one Slack refuses is replaced by a short one saying so and
    where their things are (`render_home_refused`), rather than left as Slack last kept it,
    out of date, or empty. Refused that too, the delivery fails as any other."""
    user_id = str(payload["user_id"])
    await _after_the_earlier(services, team_id, user_id)
    admin, nameable = await standing(client, team_id, user_id)
    sections = await home_sections(
        services, team_id, user_id, slack_admin=admin, nameable=nameable, client=client
    )
    view = render_home(sections, team_id)
    try:
        await client.views_publish(user_id=user_id, view=view)
    except SlackApiError as refused:
        if error_code(refused) not in VIEW_REFUSED:
            raise
        await client.views_publish(user_id=user_id, view=render_home_refused())
        log.warning(
            "Slack refused the Home tab of %s in workspace %s (%s); a short one saying so "
            "was published instead",
            user_id,
            team_id,
            explained(refused),
        )


DELIVERIES = {HOME_PUBLISH: publish}
