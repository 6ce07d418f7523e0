"""Choosing the next people to ask and recording the offers: the engine's ranking, then
the people rules (availability, load, responsiveness), experts before connectors."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot import visibility
from bot.questions.policy import adjust, available
from bot.routing.suggestion import Suggestion
from storage import offers as offer_q
from storage import people as people_queries
from storage.models import Offer, Person, Question

if TYPE_CHECKING:
    from bot.questions.policy import RoutingConfig
    from bot.routing.engine import RoutingIndex


async def offer_next(
    s: AsyncSession,
    index: RoutingIndex,
    question: Question,
    config: RoutingConfig,
    now: datetime,
    observe_routing: Callable[[float], None],
    at_most: int | None = None,
) -> list[Offer]:
    """Offers to the best people not yet asked, up to one round's worth (`at_most`, else the
    config's)."""
    asked = {o.candidate_user_id for o in await offer_q.offers_of(s, question.id)}
    ranked = await rank(s, index, question, asked, config, now, observe_routing)
    offers = []
    for position, suggestion in enumerate(ranked[: at_most or config.offers_per_round], len(asked)):
        offers.append(
            await offer_q.add_offer(
                s,
                team_id=question.team_id,
                question_id=question.id,
                candidate_user_id=suggestion.user_id,
                score=suggestion.score,
                reason=suggestion.reason,
                introduction=suggestion.introduction,
                via_user_id=suggestion.via_user_id,
                kind=suggestion.kind,
                connection_id=suggestion.connection_id,
                rank=position,
                created_at=now,
            )
        )
    return offers


async def rank(
    s: AsyncSession,
    index: RoutingIndex,
    question: Question,
    exclude: Collection[str],
    config: RoutingConfig,
    now: datetime,
    observe_routing: Callable[[float], None],
) -> list[Suggestion]:
    guest = await people_queries.is_guest(s, question.team_id, question.asker_user_id)
    readers = visibility.reasons_readers(asker_is_guest=guest)
    # Nobody away, opted out or a guest is asked, nor reached through a connector's network:
    # "knows someone who can help" of a guest alone sent a question where no request goes.
    unavailable = [
        p.user_id
        for p in await people_queries.away_or_opted_out(s, question.team_id, guests=True)
        if not available(p, now)
    ]
    started = time.perf_counter()
    raw = index.suggest(
        question.text,
        question.asker_user_id,
        limit=30,
        exclude=[*exclude, *unavailable],
        readers=readers,
        now=now,
    )
    observe_routing(time.perf_counter() - started)
    ids = [r.user_id for r in raw]
    introducers = {r.via_user_id for r in raw if r.via_user_id}
    people = await people_queries.people_by_id(s, question.team_id, {*ids, *introducers})
    load = await offer_q.pending_load(s, question.team_id, ids)
    answered = await offer_q.responsiveness(s, question.team_id, ids)
    experts = [r for r in raw if r.kind == "expert"]
    connectors = [r for r in raw if r.kind != "expert"]
    ordered = adjust(experts, people, load, answered, now, config.limits, config.hours)
    ordered += adjust(connectors, people, load, answered, now, config.limits, config.hours)
    return [_introduced_by_member(suggestion, people) for suggestion in ordered]


@dataclass(frozen=True)
class NobodyAsked:
    """Why a question's first round asked nobody, as its asker is told (`rounds.nobody`).
    `matched`: routing found colleagues who know the topic (away, opted out, at their limit
    of open requests, guests), so "nobody available" is true; else nobody's skills, past help
    or network match it, which is said instead. `guests`: `left_out_as_guests`."""

    matched: bool
    guests: list[str]
    # Matched by nobody: the names of skills colleagues here declare that a word of the
    # question may misspell ("terrafrom"), to ask again with (`misspelt`).
    meant: list[str] = field(default_factory=list)


async def why_nobody_asked(
    s: AsyncSession, index: RoutingIndex, question: Question, config: RoutingConfig, now: datetime
) -> NobodyAsked:
    """Routing again, without leaving anyone out: whether anyone matched at all, and the
    guests among them."""
    raw = index.suggest(question.text, question.asker_user_id, limit=30, now=now)
    people = await people_queries.people_by_id(s, question.team_id, {r.user_id for r in raw})
    matched = any(
        (person := people.get(r.user_id)) is not None
        and not person.is_bot
        and not person.deactivated
        for r in raw
    )
    meant = [] if matched else misspelt(index, question.text)
    return NobodyAsked(matched, left_out_as_guests(raw, people, config), meant)


MISSPELT_SHOWN = 3


def misspelt(index: RoutingIndex, text: str) -> list[str]:
    """The skills colleagues here declare that words of `text` are a letter or two off, by
    name: a question that matched nobody for a typo read only that nobody here declared its
    topic. As close as `/skills add kubernets` must be to be asked "did you mean"."""
    from rapidfuzz import fuzz, process  # loaded by the first fuzzy match

    from bot.directory.skills import DID_YOU_MEAN_SCORE

    declared = index.declared_skills()
    words = dict.fromkeys(w for w in _WORD.findall(text.lower()) if w not in declared)
    found: dict[str, None] = {}
    for word in words:
        best = process.extractOne(
            word, declared, scorer=fuzz.ratio, score_cutoff=DID_YOU_MEAN_SCORE
        )
        if best is not None:
            found[index.vocabulary.display(best[0])] = None
    return list(found)[:MISSPELT_SHOWN]


_WORD = re.compile(r"[^\W\d_][\w+#.-]{3,}")


def left_out_as_guests(
    raw: Sequence[Suggestion], people: Mapping[str, Person], config: RoutingConfig
) -> list[str]:
    """The colleagues routing would have asked first (`raw`, nobody left out) but for being
    stored as guests of the workspace (`visibility.may_be_asked`), which is all an asker
    nobody could be found for is told of them (never who): on a Slack that does not say who
    is a member, everyone is kept as a guest, and the asker would read only that nobody was
    available."""
    guests: list[str] = []
    for suggestion in raw:
        person = people.get(suggestion.user_id)
        if person is None or visibility.may_be_asked(is_guest=person.is_guest):
            continue
        if suggestion.user_id in guests:
            continue
        if person.is_bot or person.deactivated or person.routing_status == "opted_out":
            continue
        guests.append(suggestion.user_id)
    return guests[: config.offers_per_round]


def _introduced_by_member(suggestion: Suggestion, people: Mapping[str, Person]) -> Suggestion:
    """A guest of the workspace (`visibility.may_be_asked`), or someone who has left it, is
    named to nobody as who could introduce them: the suggestion goes without the
    introduction. The colleague graph keeps a leaver's ties until the index is next built."""
    via = people.get(suggestion.via_user_id or "")
    if via is None or (visibility.may_be_asked(is_guest=via.is_guest) and not via.deactivated):
        return suggestion
    return replace(suggestion, via_user_id=None, introduction="")
