"""The kudos rules, the same for every way of giving: who may give and receive, what a reason
needs, which values exist, and how many kudos a giver has left today in their own time zone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.errors import KudosRefused, UnknownValue
from bot.mentions import BROADCAST
from bot.profile import Profile
from bot.routing.text import fold
from bot.safe_text import reading_length, whole_characters
from bot.timezone import local_date, zone, zone_name

MAX_REASON = 2000
UNDO_WINDOW = timedelta(minutes=5)
# The giver's confirmation loses its Undo button this long after the window ends: an Undo
# pressed in its last moment (or on a replica whose clock is a little behind) has committed
# by then, and the update finds the kudos undone and leaves Undo's own answer.
UNDO_SETTLES = timedelta(seconds=10)


def undo_over_at(given_at: datetime) -> datetime:
    """When the confirmation of kudos given at `given_at` loses its Undo button."""
    return given_at + UNDO_WINDOW + UNDO_SETTLES


# The reason of kudos whose quoted message its author deleted: its words are quoted no more.
QUOTED_DELETED = "For a message since deleted."


@dataclass(frozen=True)
class KudosRules:
    """A workspace's kudos settings, as the rules need them."""

    daily_allowance: int = 5
    role_allowances: Mapping[str, int] = field(default_factory=dict)
    min_reason_length: int = 10
    values_required: bool = False
    values: tuple[str, ...] = ()
    reactions: tuple[str, ...] = ("kudos",)
    kudos_channel_id: str | None = None


# The name Slack gives an emoji in a reaction event, for an alias or the emoji itself typed
# where its name was asked for: `thumbsup` and 👍 react as `+1`, so a setting kept as
# `thumbsup` would never match. The commonest thanks; others are asked for by name.
SLACK_NAMES = {
    "thumbsup": "+1", "thumbsdown": "-1", "👍": "+1", "👎": "-1", "🎉": "tada",
    "👏": "clap", "🙌": "raised_hands", "❤": "heart", "🙏": "pray", "🔥": "fire",
    "💯": "100", "⭐": "star", "🌟": "star2", "🏆": "trophy", "🚀": "rocket", "✨": "sparkles",
    "💪": "muscle", "🥇": "first_place_medal", "👌": "ok_hand", "✅": "white_check_mark",
}  # fmt: skip
_SKIN_TONE = re.compile(r"[\U0001F3FB-\U0001F3FF\uFE0F]")


def reaction_name(item: str) -> str:
    """`:Kudos:`, `+1::skin-tone-2` or 👍 as the name Slack sends in a reaction event
    (`kudos`, `+1`, `+1`): the one reading of a reaction's name, set or stored."""
    name = _SKIN_TONE.sub("", item.strip().strip(":").lower().split("::")[0])
    return SLACK_NAMES.get(name, name)


def parse_reactions(configured: str) -> tuple[str, ...]:
    """`"kudos, clap,:tada:"` → ("kudos", "clap", "tada"); the default when empty. A name kept
    before aliases were read (`thumbsup`) is read as Slack sends it (`+1`)."""
    names = [reaction_name(n) for n in configured.split(",")]
    return tuple(dict.fromkeys(n for n in names if n)) or ("kudos",)


def _name(person: Profile) -> str:
    return person.real_name or person.name


def gives_kudos(person: Profile) -> bool:
    """Whether `person` can thank anyone: people can; another app cannot, though its bot user
    adds reactions (`reactions.add`, a workflow's step) as a person does, nor Slackbot."""
    return not person.is_bot


NOBODY_THANKED = "Nobody was thanked: send it again without {}."


def check_recipients(giver: Profile, recipients: Sequence[Profile]) -> None:
    if not recipients:
        raise KudosRefused("Say who you're thanking: mention at least one person.", "recipients")
    # One refused among several: the others were not thanked either, which is not obvious.
    several = len(recipients) > 1
    for person in recipients:
        if person.user_id == giver.user_id:
            raise KudosRefused(
                "Kudos are for others: you can't give kudos to yourself."
                + (f" {NOBODY_THANKED.format('yourself')}" if several else ""),
                "recipients",
            )
        also = f" {NOBODY_THANKED.format('them')}" if several else ""
        if person.is_bot:
            raise KudosRefused(
                "{} is a bot; kudos go to people." + also, "recipients", names=(_name(person),)
            )
        if person.deactivated:
            raise KudosRefused(
                "{} is no longer in this workspace (deactivated), so they can't receive kudos."
                + also,
                "recipients",
                names=(_name(person),),
            )


def why_not_thanked(giver: Profile, person: Profile) -> str | None:
    """Why `giver` can't thank `person` (themselves, a bot, someone who left), or None."""
    try:
        check_recipients(giver, [person])
    except KudosRefused as refused:
        return str(refused)
    return None


def check_reason(reason: str, min_length: int, *, clip_long: bool = False) -> str:
    """The reason, stripped; too short is refused, too long is refused (or clipped when the
    reason is someone else's message, as with a reaction)."""
    reason = reason.strip()
    if (length := reading_length(reason)) < min_length:
        wide = (
            ": a Chinese, Japanese or Korean character counts two" if length > len(reason) else ""
        )
        raise KudosRefused(
            f"Say what they did: a reason of at least {min_length} characters "
            f"(yours has {length}{wide}).",
            "reason",
        )
    if len(reason) > MAX_REASON:
        if not clip_long:
            raise KudosRefused(
                f"That reason is {len(reason):,} characters; keep it to {MAX_REASON:,} at most.",
                "reason",
            )
        reason = whole_characters(reason, MAX_REASON)
    return reason


def quoted_reason(text: str) -> str:
    """The reason kudos quoting a message take from its edited words: as a reaction's,
    clipped as `check_reason` clips a reaction's, never refused (the kudos were given; only
    their quote follows)."""
    return whole_characters(text.strip(), MAX_REASON) or QUOTED_DELETED


def check_no_broadcast(reason: str) -> None:
    """A reason the giver typed may not say @here, @channel or @everyone, on any surface: the
    shout-out shows it through `safe_text` as a word, and the giver would think the channel
    pinged. A user group stays (`for covering @sre`): it names who was helped, and reads as
    the group's name. A quoted message is not refused: it is shown through `safe_text` too."""
    found = BROADCAST.search(reason)
    if found:
        raise KudosRefused(
            f"A kudos can't ping @{found.group(1)}: take it out of the reason, and the "
            "shout-out will still be seen in the channel.",
            "reason",
        )


def suggest_values(tag: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known values closest to a mistyped tag, best first."""
    from rapidfuzz import fuzz, process  # loaded by the first mistyped value, not at start

    matches = process.extract(tag, list(known), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [name for name, _score, _index in matches]


def resolve_values(
    tags: Sequence[str], channel_tags: Sequence[str], rules: KudosRules
) -> tuple[str, ...]:
    """The tags as known values. A `#name` Slack linked to a channel counts when it is a value;
    any other channel link is part of the reason (`for the fix in #ops`)."""
    known = set(rules.values)
    linked = [c.lower() for c in channel_tags if c.lower() in known]
    chosen: list[str] = []
    for tag in [*tags, *linked]:
        value = known_value(tag, rules.values)
        if value is None:
            raise UnknownValue(tag, unknown_value_message(tag, rules.values))
        if value not in chosen:
            chosen.append(value)
    if rules.values_required and not chosen:
        listed = " ".join(f"#{v}" for v in rules.values)
        raise KudosRefused(f"Add at least one company value: {listed}", "values")
    return tuple(chosen)


def known_value(tag: str, values: Sequence[str]) -> str | None:
    """The value `tag` names, or None: `#etica` is `#ética` typed on a keyboard without
    accents, as `#Ética` is the same value."""
    if tag in values:
        return tag
    return {fold(value): value for value in values}.get(fold(tag))


def unknown_value_message(tag: str, values: Sequence[str], retired: Sequence[str] = ()) -> str:
    """`retired`: the workspace's retired values, read only once a tag is no current one (a
    retired value said to be none of ours reads as if it never was)."""
    listed = " ".join(f"#{v}" for v in values) or "(none configured)"
    if tag in retired:
        return f"#{tag} was retired; current values: {listed}"
    suggestions = suggest_values(tag, values)
    hint = f" Did you mean {' or '.join(f'#{s}' for s in suggestions)}?" if suggestions else ""
    return f"#{tag} is not one of our values.{hint} Values: {listed}"


def allowance_for(rules: KudosRules, roles: Iterable[str]) -> int:
    """Kudos a day: the largest allowance among the giver's roles, else the workspace's."""
    by_role = [rules.role_allowances[r] for r in roles if r in rules.role_allowances]
    return max(by_role) if by_role else rules.daily_allowance


def local_day(now: datetime, tz: str) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the calendar day `now` falls in, in time zone `tz`."""
    local = now.astimezone(zone(tz))
    start = local.replace(hour=0, minute=0, second=0, microsecond=0, fold=0)
    # Wall-clock arithmetic: ZoneInfo gives the next midnight its own offset (DST days).
    end = start + timedelta(days=1)
    return start.astimezone(UTC), end.astimezone(UTC)


def check_allowance(used: int, wanted: int, allowance: int, tz: str | None = None) -> int:
    """What is left after giving `wanted` more; refuses when that would go past the allowance.
    `tz`: the zone the giver's day is counted in (`local_day`), named as `zone_name` reads it
    (UTC for someone Slack gives none)."""
    left = max(allowance - used, 0)
    if wanted > left:
        name = zone_name(tz)
        at = "midnight UTC" if name == "UTC" else f"midnight ({name})"
        if left == 0:
            raise KudosRefused(
                f"You've given all {allowance} of today's kudos. Your allowance renews at {at}.",
                "recipients",
            )
        raise KudosRefused(
            f"You have {left} of {allowance} kudos left today, and this would give {wanted}. "
            f"Thank fewer people now, or the rest once it renews at {at}.",
            "recipients",
        )
    return left - wanted


def period_window(period: str, now: datetime, tz: str) -> tuple[datetime | None, datetime | None]:
    """[start, end) of `week|month|quarter|year` (this one), `last week|month|…` (the whole
    one before) or `all` (None, None), from local midnights in the viewer's time zone."""
    if period == "all":
        return None, None
    local = now.astimezone(zone(tz)).replace(hour=0, minute=0, second=0, microsecond=0, fold=0)
    unit = period.removeprefix("last ")
    start = _start_of(unit, local)
    # ZoneInfo gives each midnight its own offset (DST)
    if unit == period:
        return start.astimezone(UTC), None
    return _start_of(unit, start - timedelta(days=1)).astimezone(UTC), start.astimezone(UTC)


def _start_of(unit: str, local: datetime) -> datetime:
    if unit == "week":
        return local - timedelta(days=local.weekday())
    if unit == "month":
        return local.replace(day=1)
    if unit == "quarter":
        return local.replace(day=1, month=(local.month - 1) // 3 * 3 + 1)
    return local.replace(day=1, month=1)


def week_streak(given_at: Iterable[datetime], now: datetime, tz: str) -> int:
    """Consecutive weeks (Monday-based, in `tz`) with kudos given, back from this week or the
    last one (a streak is not broken before the week is over)."""
    weeks = {local_date(d, tz).isocalendar()[:2] for d in given_at}
    day = local_date(now, tz)
    if day.isocalendar()[:2] not in weeks:
        day -= timedelta(days=7)
    streak = 0
    while day.isocalendar()[:2] in weeks:
        streak += 1
        day -= timedelta(days=7)
    return streak
