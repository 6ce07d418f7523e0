"""Questions and offers as plain values, for everything outside the domain (renderers, the
outbox's senders): a snapshot of the row when it was read, never a live ORM object."""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any, TypeVar

from bot.directory.skills import skill_key
from bot.questions.policy import OFF_HOURS
from bot.routing.reasons import as_declared_now, declared_names
from bot.safe_text import safe_text
from storage.models import Offer, Question

View = TypeVar("View")


def _snapshot(view: type[View], row: Any) -> View:
    """The view's fields, read from the row's attributes of the same names."""
    return view(**{f.name: getattr(row, f.name) for f in fields(view)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Mine:
    """The asker's newest open questions, and how many they have open in all (a list cut to
    fit says how many it leaves out)."""

    newest: list[QuestionView]
    total: int
    # Of those, the ones no colleague is asked about now: each request waiting waits for its
    # colleague's working day to start (`QuestionService.mine`).
    waiting: frozenset[int] = frozenset()


@dataclass(frozen=True)
class QuestionView:
    id: int
    team_id: str
    asker_user_id: str
    channel_id: str
    message_ts: str | None
    thread_ts: str | None
    text: str
    status: str
    is_private: bool
    source: str
    helper_user_id: str | None
    # Where the asker was told who is asked, updated once the question closes.
    asker_message_channel: str | None = None
    asker_message_ts: str | None = None
    # Where asker and helper were connected, updated too once the question closes.
    connected_message_channel: str | None = None
    connected_message_ts: str | None = None
    # Private since it was asked: asked of nobody new (`visibility.may_ask_others`).
    made_private: bool = False
    # A private question's asker agreed to this many colleagues alone (`may_ask_others`).
    agreed_colleagues: int | None = None
    solved_by: str | None = None  # who pressed Solved: the asker, or the helper

    @classmethod
    def of(cls, question: Question) -> QuestionView:
        return _snapshot(cls, question)

    @property
    def status_words(self) -> str:
        """The status as the asker reads it; "draft" is the table's word, not theirs."""
        return _STATUS_WORDS.get(self.status, self.status)


_STATUS_WORDS = {
    "draft": "waiting for you to ask colleagues",
    "open": "colleagues asked",
    "connected": "connected",
}


@dataclass(frozen=True)
class OfferView:
    """One colleague asked to help: why them, who introduced them, where their DM is."""

    id: int
    question_id: int
    candidate_user_id: str
    reason: str
    introduction: str
    kind: str
    status: str
    via_user_id: str | None  # who referred them or introduces them: a reason may name them
    dm_channel_id: str | None
    dm_ts: str | None
    # A connector's network entry they were asked for: 0 once they removed it (None: unknown).
    connection_id: int | None = None

    @classmethod
    def of(cls, offer: Offer) -> OfferView:
        return _snapshot(cls, offer)


def offer_views(offers: Iterable[Offer]) -> list[OfferView]:
    return [OfferView.of(o) for o in offers]


def as_declared(
    offer: OfferView,
    declared: Mapping[str, Mapping[str, int]],
    merged: Mapping[str, str] | None = None,
    about: Collection[str] | None = None,
) -> OfferView:
    """The offer with its reason true now: a skill its colleague no longer declares is not
    named, one declared at another level is named at it, one merged into another by an admin
    is named as that one, one an edit took out of the question is said to be of its words
    before (`reasons.as_declared_now`, which says what `merged` and `about` are), for a
    request or the asker's list drawn again. A connector's reason names no skill of theirs,
    nor does a referral's."""
    if offer.kind != "expert":
        return offer
    reason, off_hours, _ = offer.reason.partition(OFF_HOURS)
    now = as_declared_now(reason, declared.get(offer.candidate_user_id, {}), merged, about)
    return replace(offer, reason=now + off_hours)


def named_gone(
    offers: Iterable[OfferView], declared: Mapping[str, Mapping[str, int]]
) -> dict[str, str]:
    """The skills the offers' reasons name as declared that their colleague declares no
    more, by key (→ the name as the reason shows it): removed, or merged into another."""
    gone: dict[str, str] = {}
    for offer in offers:
        if offer.kind != "expert":
            continue
        now = {safe_text(name) for name in declared.get(offer.candidate_user_id, {})}
        for name in declared_names(offer.reason.partition(OFF_HOURS)[0]):
            if name not in now:
                gone[skill_key(html.unescape(name))] = name
    return gone


@dataclass(frozen=True)
class QuestionNow:
    """A question and all its offers as they are now: what each of its messages is drawn
    from when it is sent, so a request that closed while waiting goes out closed."""

    question: QuestionView
    offers: list[OfferView]

    def offer(self, offer_id: int) -> OfferView:
        return next(o for o in self.offers if o.id == offer_id)


@dataclass(frozen=True)
class Waiting:
    """A request waiting for its colleague's answer, as their Home tab lists it: the question
    as their DM quotes it, and when it was asked."""

    question: QuestionView
    offer: OfferView
    asked_at: datetime


@dataclass(frozen=True)
class RequestsWaiting:
    """A person's newest requests waiting for their answer, and how many wait in all."""

    newest: list[Waiting]
    total: int
