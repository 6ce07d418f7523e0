"""Who the asking message names, and the message told anew to an asker told it in an
ephemeral (Slack would not let the bot post in their DM), which cannot be edited: each
change of who is asked is told in a new message, once. Two requests ending together each
queue an update; both find the question as it is once both ended, and told it twice."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot import mentions
from bot.questions.views import OfferView, QuestionNow
from bot.services import Services
from handlers.blocks.elements import Message
from handlers.blocks.question_words import request_waits, unnamed_here
from handlers.blocks.questions import render_asking
from handlers.outbox.asker_posts import tell_asker
from handlers.outbox.question_reads import first_start, names_of, question_now

TOLD_ANEW = "question.asking_anew"


def listed(now: QuestionNow) -> list[OfferView]:
    """Whom the asking message names: asking, those still asked; otherwise all who were."""
    asking = now.question.status in ("draft", "open")
    return [o for o in now.offers if (o.status == "pending" if asking else o.dm_ts)]


async def drawn_asking(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    now: QuestionNow,
    offers: list[OfferView],
    *,
    alone: bool,
) -> Message:
    """The asking message as it is now, naming `offers`: who is asked, how long each has
    and, for requests waiting for their colleague's working day, when the first one starts.
    Whoever of the question's colleagues it may not name, it names as suggesting nobody."""
    question = now.question
    named = people_in(offers)
    if question.source == "shortcut" and not alone:  # the asker named, not "you" (`_asker`)
        named.add(question.asker_user_id)
    names = await names_of(client, services, team_id, named)
    waiting = [o for o in offers if request_waits(o)]
    return render_asking(
        question,
        offers,
        names,
        asker_alone=alone,
        minutes=services.questions.config.offer_minutes,
        starts=await first_start(client, services, team_id, waiting),
        unnamed=unnamed_here(now.offers, asker_alone=alone),
    )


def people_in(offers: Iterable[OfferView]) -> set[str]:
    """Everyone an offer's line names: its colleague, and whoever its reason mentions."""
    found: set[str] = set()
    for offer in offers:
        found.add(offer.candidate_user_id)
        found.update(mentions.people(f"{offer.reason} {offer.introduction}"))
    return found


async def asking_anew(
    client: AsyncWebClient, services: Services, team_id: str, now: QuestionNow
) -> None:
    """The asking message once the asker was told it in an ephemeral: while the question goes
    on, queued to be told again once for what it says now (its outbox key), so updates that
    find the same question tell it once; once it ended, left, as its ending is told in its
    own message."""
    question = now.question
    if question.status not in ("open", "connected"):
        return
    said = _digest(await _drawn(client, services, team_id, now))
    key = f"{TOLD_ANEW}:{question.id}:{said}"
    payload = {"question_id": question.id, "said": said}
    await services.outbox.once(team_id, TOLD_ANEW, payload, key=key, at=services.clock.now())


async def told_anew(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The asking message queued by `asking_anew`, told in a new ephemeral (in a DM, should
    Slack allow one by now, which later updates then edit). One whose question has changed
    since says nothing: the change's own update tells what it says now."""
    now = await question_now(services, team_id, payload, client)
    question = now.question
    if question.status not in ("open", "connected") or question.asker_message_ts:
        return
    message = await _drawn(client, services, team_id, now)
    if _digest(message) != payload["said"]:
        return
    channel, ts = await tell_asker(client, question, message, {})
    await services.questions.asker_message_sent(question.id, channel, ts)


async def _drawn(
    client: AsyncWebClient, services: Services, team_id: str, now: QuestionNow
) -> Message:
    return await drawn_asking(client, services, team_id, now, listed(now), alone=True)


def _digest(message: Message) -> str:
    return hashlib.sha256(json.dumps(message, sort_keys=True).encode()).hexdigest()[:16]


DELIVERIES = {TOLD_ANEW: told_anew}
