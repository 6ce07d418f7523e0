"""A question's words and people as its messages show them: the question quoted, whoever it
names without a ping, who is asked named or counted (`visibility.may_name_asked`) and why."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime

from bot import visibility
from bot.questions.policy import OFF_HOURS
from bot.questions.views import OfferView
from bot.routing.reasons import YOU, introduction_naming
from bot.safe_text import clip, safe_text
from bot.words import and_list, noun, plural
from handlers.blocks.elements import slack_time

QUESTION_PREVIEW = 600


def quote(
    text: str,
    keep: tuple[str, ...] = (),
    names: Mapping[str, str] | None = None,
    limit: int = QUESTION_PREVIEW,
) -> str:
    """The question as asked, through `safe_text`: it pings nobody the message is not for;
    anyone else it mentions reads as their name (`names`) when known."""
    shown = clip(safe_text(text, keep=keep, names=names), limit)
    return "\n".join(f"> {line}" for line in shown.splitlines())


# What the asker reads of a colleague chosen outside their working hours: their request waits.
WAITS = f"{OFF_HOURS}, so they'll get my message when their working day starts"


def day_starts(starts: datetime | None, count: int) -> str:
    """When the working day of the first of `count` colleagues waiting for it starts, as the
    reader's Slack shows it, to follow "when their working day starts": told only that, an
    asker could not tell an hour from a night."""
    if starts is None:
        return ""
    at = slack_time(starts, "{date_short_pretty} at {time}")
    return f", {at}" if count == 1 else f", the first {at}"


# Why a colleague was asked, when who suggested them may not be named (`unnamed_here`).
SUGGESTED_UNNAMED = "suggested by a colleague I asked"


def named_reason(
    offer: OfferView,
    names: Mapping[str, str],
    *,
    waits_said: bool = False,
    unnamed: Collection[str] = (),
    asker: str = YOU,
) -> str:
    """An offer's reason and introduction for the asker, naming everyone without a ping.
    That the colleague's working day is over, as it was when they were chosen, is said only
    while their request still waits for it: a list drawn again once it was sent, or closed
    unsent, would promise what is past. `waits_said`: the list says so of them all at once,
    and each line would only repeat it. One suggested by someone in `unnamed` does not
    name who suggested them. `asker`: who the introduction speaks of, "you" or, where
    someone else reads it as said to them, the asker named (`introduction_naming`)."""
    waits = request_waits(offer) and not waits_said
    said = offer.reason
    if offer.kind == "referral" and offer.via_user_id in unnamed:
        said = SUGGESTED_UNNAMED + (OFF_HOURS if OFF_HOURS in said else "")
    reason = safe_text(said.replace(OFF_HOURS, WAITS if waits else ""), names=names)
    if offer.introduction:
        reason += f"; {introduction_naming(safe_text(offer.introduction, names=names), asker)}"
    return reason


def request_waits(offer: OfferView) -> bool:
    """Whether the request was chosen outside its colleague's working hours and waits for
    their next working day, not sent yet."""
    return offer.status == "pending" and offer.dm_ts is None and OFF_HOURS in offer.reason


def unnamed_here(offers: Iterable[OfferView], *, asker_alone: bool) -> set[str]:
    """The colleagues of a question a message may not name (`who_asked`: asked through their
    network), so not as whoever suggested someone either: "suggested by @carol" in the
    thread told it that Carol, counted there, was asked, and whom she knows."""
    return {
        o.candidate_user_id
        for o in offers
        if not visibility.may_name_asked(o.kind, asker_alone=asker_alone)
    }


def named(user_ids: list[str], names: Mapping[str, str]) -> str:
    """People named without a ping: each has had a DM already, and a list in a channel's
    thread should not notify them again where everyone watches."""
    return ", ".join(safe_text(f"<@{u}>", names=names) for u in user_ids)


def who_asked(offers: list[OfferView], *, asker_alone: bool) -> tuple[list[OfferView], int]:
    """The offers a message may name, and how many more it only counts
    (`visibility.may_name_asked`: a connector is named to the asker alone)."""
    shown = [o for o in offers if visibility.may_name_asked(o.kind, asker_alone=asker_alone)]
    return shown, len(offers) - len(shown)


def counted_more(count: int) -> str:
    """Those asked beyond the ones named: "3 more colleagues"."""
    return f"{count:,} more {noun(count, 'colleague')}"


def named_or_counted(
    offers: list[OfferView], names: Mapping[str, str], *, asker_alone: bool, more: bool
) -> str:
    """These colleagues named, or counted (`who_asked`); "more" after others were named."""
    shown, hidden = who_asked(offers, asker_alone=asker_alone)
    who = [named([o.candidate_user_id for o in shown], names)] if shown else []
    if hidden:
        who.append(counted_more(hidden) if who or more else plural(hidden, "colleague"))
    return and_list(who)
