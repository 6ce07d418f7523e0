"""What the question service takes and hands back to its adapters: plain values, no Slack,
no rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.questions.solved import SolvedMatch
from bot.questions.views import OfferView, QuestionView


def message_key(channel_id: str, ts: str) -> str:
    """The key of the question a message is (a mention, a DM, *Find an expert* on it)."""
    return f"msg:{channel_id}:{ts}"


@dataclass(frozen=True)
class AskRequest:
    """A question as someone asked it, from any surface; `key` makes asking twice one ask."""

    team_id: str
    asker_user_id: str
    channel_id: str
    text: str
    is_private: bool
    source: str
    key: str
    message_ts: str | None = None
    thread_ts: str | None = None


@dataclass(frozen=True)
class Asked:
    """A new question: routed (offers made), given up on at once (nobody to ask), or waiting
    for the asker (`needs_consent`: a private question, or `solved` ones like it to read
    first), who would then ask `would_ask` people, and `others_after` more if none of them can."""

    question: QuestionView
    offers: list[OfferView] = field(default_factory=list)
    needs_consent: bool = False
    repeated: bool = False
    unanswerable_channels: list[str] | None = None
    solved: list[SolvedMatch] = field(default_factory=list)
    would_ask: int = 0
    others_after: bool = False
    # The asker's own question, still live, in the same words: nobody is asked twice.
    already: bool = False
    # Nobody has been asked about it yet: each request waits for its colleague's morning.
    waiting: bool = False


@dataclass(frozen=True)
class Accepted:
    question: QuestionView
    offer: OfferView
    helper_user_id: str | None
    closed_offers: list[OfferView] = field(default_factory=list)


@dataclass(frozen=True)
class Moved:
    """Offers that ran out (or were declined) and the next ones made, for one question."""

    question: QuestionView
    expired: list[OfferView] = field(default_factory=list)
    new_offers: list[OfferView] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    # How the pressed request had ended already, when the press changed nothing.
    ended: str | None = None


@dataclass(frozen=True)
class Solved:
    question: QuestionView
    helper_user_id: str | None
    closed_offers: list[OfferView] = field(default_factory=list)
    # *Solved* pressed on a question solved before (a second press, a double click): who
    # marked it solved and when, for the presser; nothing was done.
    already: bool = False
    solved_by: str | None = None
    solved_at: datetime | None = None
