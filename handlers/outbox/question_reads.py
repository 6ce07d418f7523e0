"""The reads every question message in the outbox shares: the question as it is now
(`QuestionService.now`), the names of the people a message names, and whether a colleague's
working day is over. What the asker is told is sent by `questions.py`, what a colleague asked
to help is sent by `offers.py`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot import mentions
from bot.questions.views import OfferView, QuestionNow, QuestionView
from bot.reliability.delivery import NotYet
from bot.services import Services
from bot.worktime import is_working_time, next_working_moment
from handlers.client.conversations import private_now
from handlers.client.directory import (
    described,
    heard_of,
    member_elsewhere,
    profile_from_slack,
    removed_from,
    stored_profile,
)


async def question_now(
    services: Services,
    team_id: str,
    payload: dict[str, Any],
    client: AsyncWebClient | None = None,
) -> QuestionNow:
    """The question as it is now; with `client`, a public one is checked against its channel
    as it is now (made private or shared with another organisation since: private)."""
    asked = private_now(client, services.conversations.of(team_id)) if client else None
    if "offer_id" in payload:
        return await services.questions.now(
            team_id, offer_id=int(payload["offer_id"]), private_now=asked
        )
    return await services.questions.now(
        team_id, question_id=int(payload["question_id"]), private_now=asked
    )


# How soon a redraw whose message's own post is still in flight looks again (`redrawn_now`).
AFTER_POST = timedelta(seconds=1)


async def redrawn_now(
    services: Services,
    team_id: str,
    payload: dict[str, Any],
    client: AsyncWebClient,
    *,
    posted_by: str,
) -> QuestionNow:
    """The question as it is now, for a delivery that redraws a message quoting it (a
    colleague's request, the group DM connecting asker and helper) once it changed; put back
    (`NotYet`) while the delivery that posts that message (its outbox key `posted_by`) is
    being sent, or was tried and waits to be tried again (Slack may have posted and its
    answer been lost: the next attempt finds the post by its mark and records it). That one
    drew the question before the change and records where it posted only once it has: read
    now, the message would not be found and the old words left in it. Once it has ended its
    message is recorded, or it posted none and its next attempt draws the question as it is
    then. Asked before the question is read, never after: the order of the two commits is
    what leaves no window, on either database, with no lock."""
    await unless_posting(services, team_id, posted_by)
    return await question_now(services, team_id, payload, client)


async def unless_posting(
    services: Services, team_id: str, *posted_by: str, untried_too: bool = False
) -> None:
    """`NotYet` while any of the deliveries queued with these keys may have posted a message
    it has not recorded yet (`redrawn_now`): being sent, or tried and put back; with
    `untried_too`, while any is still to be sent at all (a message that must come first)."""
    now = services.clock.now()
    for key in posted_by:
        until = await services.outbox.in_flight_until(team_id, key, now, untried_too=untried_too)
        if until is not None:
            raise NotYet(until + AFTER_POST)


async def names_of(
    client: AsyncWebClient, services: Services, team_id: str, user_ids: Iterable[str]
) -> dict[str, str]:
    """What these people are called, to name them in a message without pinging them: as
    stored, else from `users.info`, told apart from a namesake of the workspace as every
    plain-text name is (`PeopleService.display_names`); someone Slack will not describe is
    left out (the text then says "someone", or the mention's own label)."""
    wanted = set(user_ids)
    if not wanted:
        return {}
    known = await services.people.known(team_id, wanted)
    asked = await asyncio.gather(*(described(client, u) for u in wanted - known.keys()))
    said = [user for user in asked if user is not None]
    # Only this workspace's people are stored: one kept would pass for a member
    # (`members_only`); a member of another organisation is named all the same.
    found = await services.people.remember(
        team_id, *(profile_from_slack(u) for u in said if not member_elsewhere(u, team_id))
    )
    elsewhere = [profile_from_slack(u) for u in said if member_elsewhere(u, team_id)]
    stored = [p.user_id for p in (*known.values(), *found) if p.real_name or p.name]
    names = {p.user_id: p.real_name or p.name for p in elsewhere if p.real_name or p.name}
    return names | await services.people.display_names(team_id, stored)


async def names_in(
    client: AsyncWebClient, services: Services, team_id: str, question: QuestionView
) -> dict[str, str]:
    """The names of the people the question mentions, for each message that quotes it."""
    return await names_of(client, services, team_id, mentions.people(question.text))


async def left_now(client: AsyncWebClient, services: Services, team_id: str, user_id: str) -> bool:
    """Whether Slack says now that someone left the workspace (deactivated, erased, or
    removed from it by their Enterprise Grid org), whatever the bot has heard: Slack's
    `user_change` saying so may reach it a while after, be retried a minute on, or never
    come (the daily sync would tell). One who left is heard of now, as that event would be
    (`directory.heard_of`: their questions closed, those they were asked or helping with
    gone on to others), so nothing drawn meanwhile says they ask or help; the event, when it
    comes, changes nothing more. One Slack will not describe either way is taken as here."""
    user = await described(client, user_id) or {"id": user_id, "deleted": True}
    if not (user.get("deleted") or removed_from(user, team_id)):
        return False
    profile = await heard_of(services, team_id, user)
    return profile is not None and profile.deactivated


async def off_hours_now(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str
) -> bool:
    """Whether a colleague's working day is over now, in their own time zone."""
    person = await stored_profile(client, services, team_id, user_id)
    hours = services.questions.config.hours
    return person is not None and not is_working_time(services.clock.now(), person.tz, hours)


async def first_start(
    client: AsyncWebClient, services: Services, team_id: str, waiting: Iterable[OfferView]
) -> datetime | None:
    """When the first of these colleagues' working day starts, in their own time zone: the
    asker told they get the request then is told when (none: nobody waits)."""
    now, hours = services.clock.now(), services.questions.config.hours
    starts = [
        next_working_moment(now, person.tz if person else None, hours)
        for offer in waiting
        for person in [await stored_profile(client, services, team_id, offer.candidate_user_id)]
    ]
    return min(starts, default=None)
