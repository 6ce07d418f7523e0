"""The one transaction that records kudos, whichever way they were given: the rules
checked, one ledger entry per recipient, the giver's allowance counted, and the shout-out
queued, or a refusal that rolls it all back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import KudosRefused, UnknownValue
from bot.kudos import rules as r
from bot.kudos import tell
from bot.kudos.allowance import Room, day_zone, today
from bot.kudos.parse import without_channel_values
from bot.kudos.records import Entry, Given, Giving
from bot.kudos.retries import refuse_a_retry
from bot.kudos.workspace_rules import rules_and_giver
from storage import kudos as ledger
from storage import questions as question_queries
from storage import workspaces

Clock = Callable[[], datetime]
# Reasons that quote a message someone else wrote: shown safely, never refused for it.
QUOTED_SOURCES = ("reaction", "second")
SECONDED_UNDONE = "Those kudos were undone, so there is nothing to second."


async def _question_kept(s: AsyncSession, team_id: str, question_id: int | None) -> int | None:
    """The question kudos thank for help with, while it is kept: a *Give kudos* button under a
    question purged since still thanks the helper, for nothing the ledger no longer has."""
    if question_id is None or await question_queries.get_question(s, team_id, question_id) is None:
        return None
    return question_id


async def _refuse_a_repeat(s: AsyncSession, team_id: str, keys: list[str]) -> None:
    """A repeat of kudos already given is answered as one, whatever the rules say now."""
    if await ledger.by_keys(s, team_id, keys):
        raise ledger.DuplicateKudos(team_id)


async def _values(s: AsyncSession, giving: Giving, rules: r.KudosRules) -> tuple[str, ...]:
    """The kudos' company values; a tag that is none of them is refused, said to be retired
    when it was one (retired names are read only then, not for every kudos). A tag that never
    was a value (a typo) is refused as `UnknownValue`: no kudos that went out had it."""
    try:
        if giving.values is None:
            return r.resolve_values(giving.tags, giving.channel_tags, rules)
        return r.resolve_values(giving.values, (), rules)
    except UnknownValue as unknown:
        retired = await workspaces.value_names(s, giving.team_id, retired=True)
        said = r.unknown_value_message(unknown.tag, rules.values, retired)
        if unknown.tag in retired:
            raise KudosRefused(said, "values") from None
        raise UnknownValue(unknown.tag, said) from None


async def give_in(s: AsyncSession, giving: Giving, keys: list[str], clock: Clock) -> Given:
    """One transaction of four statements (five on PostgreSQL; one more when thanking for a
    question, whether it is still kept, and one more for a command's confirmation, whose
    Undo button goes when Undo ends): the rules in one read;
    the entries inserted, a key already taken meaning a repeat (`DuplicateKudos`); what the
    giver gave today and within the undo window, in one read; the shout-out queued. The
    insert comes before that read: on SQLite it takes the one writer's lock, and on
    PostgreSQL `hold_giver` makes a giver's concurrent gifts wait for each other, so each
    counts the other's. A refusal after the insert rolls it back.

    Refusals keep their order: a repeat of the key first, then the reason, a mistyped
    value (even when the rest repeats kudos just given), a retry of kudos already given,
    the values, the allowance."""
    team, giver = giving.team_id, giving.giver.user_id
    rules, stored = await rules_and_giver(s, team, giver)
    now = clock()
    recipients = [p.user_id for p in giving.recipients]
    recent = now - giving.waited - r.UNDO_WINDOW
    try:
        said = giving.reason
        if giving.channel_tags:  # `/kudos`: a `#value` Slack linked to a channel is no reason
            said = without_channel_values(said, rules.values)
        reason = r.check_reason(
            said, rules.min_reason_length, clip_long=giving.source == "reaction"
        )
    except KudosRefused:
        await _refuse_a_repeat(s, team, keys)
        raise
    try:
        values = await _values(s, giving, rules)
    except UnknownValue:  # not "already sent": the kudos that went out had no such tag
        await _refuse_a_repeat(s, team, keys)
        raise
    except KudosRefused:  # values required, or one retired, since the kudos went out
        await _refuse_a_repeat(s, team, keys)
        _used, same = await ledger.given_before(
            s, team, giver, giving.key, reason=reason, today=(now, now), recent=recent
        )
        refuse_a_retry(same, recipients)
        raise
    channel, _link = tell.shoutout_place(giving, rules.kudos_channel_id)
    question_id = await _question_kept(s, team, giving.question_id)
    announced = channel is not None or giving.announcement.reply_url is not None
    rows = [
        {
            "giver_user_id": giver,
            "receiver_user_id": person.user_id,
            "message": reason,
            "values": list(values),
            "channel_id": giving.channel_id,
            "is_private": giving.is_private,
            "source": giving.source,
            "idempotency_key": key,
            "batch_key": giving.key,
            "question_id": question_id,
            "quoted_channel_id": giving.quoted[0] if giving.quoted else None,
            "quoted_ts": giving.quoted[1] if giving.quoted else None,
            "created_at": now,
        }
        for person, key in zip(giving.recipients, keys, strict=True)
    ]
    await ledger.hold_giver(s, team, giver)
    added = await ledger.add(s, team, rows)
    if giving.seconds and not await ledger.hold_live(s, team, giving.seconds):
        raise KudosRefused(SECONDED_UNDONE)  # an Undo committed since they were read
    allowance, day = today(rules, stored, now, giving.giver.tz)
    used, same = await ledger.given_before(
        s, team, giver, giving.key, reason=reason, today=day, recent=recent
    )
    refuse_a_retry(same, recipients)
    zone = day_zone(stored, giving.giver.tz)
    remaining = Room(allowance, used - len(added), zone).take(len(added))
    entries = tuple(Entry.of(row) for row in added)
    await tell.kudos_given(s, giving, entries, rules, now)
    given = Given(
        entries,
        remaining=remaining,
        allowance=allowance,
        kudos_channel_id=rules.kudos_channel_id,
        shoutout_channel=channel,
        announced=announced,
    )
    if giving.confirm_url:
        await tell.undo_ends(s, team, given, group_dm=giving.group_dm, reply_url=giving.confirm_url)
    return given
