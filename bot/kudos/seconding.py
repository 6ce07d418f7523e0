"""Seconding: a reaction to a shout-out gives the same people kudos for the same thing, from
the one who reacted, read from the shout-out's own entries."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.errors import KudosRefused
from bot.kudos import tell
from bot.kudos.giving import SECONDED_UNDONE
from bot.kudos.records import Announcement, Giving
from bot.profile import Profile
from storage import kudos as ledger
from storage import kudos_taken_back
from storage import people as people_queries
from storage.models import Kudos

SECONDED_TAKEN_BACK = "An admin took those kudos back, so there is nothing to second."
SECONDED_ALREADY = "You seconded these kudos already, so reacting again adds none."
SECONDED_AFTER_UNDO = (
    "You undid your seconding of that shout-out, so reacting again adds none. "
    "`/kudos @name for what they did` thanks them again."
)
SECONDED_AFTER_TAKE_BACK = (
    "An admin took back your seconding of these kudos, so reacting again adds none."
)


async def seconding(
    sessions: async_sessionmaker[AsyncSession],
    team_id: str,
    reactor: Profile,
    channel_id: str,
    ts: str,
    key: str,
    reaction: str = "kudos",
    thread: str | None = None,
) -> Giving | None:
    """A reaction to a shout-out: the reactor thanks the same people for the same thing, with
    the kudos this returns for the service to give. None when the message is not a shout-out.
    `thread`: the parent's ts when the message `ts` is itself a reply (a seconding), where the
    seconding answers: Slack asks for a parent's ts, never a reply's."""
    async with sessions() as s:
        rows = await ledger.of_shoutout(s, team_id, channel_id, ts)
        if not rows and await ledger.shoutout_undone(s, team_id, channel_id, ts):
            if await kudos_taken_back.of_shoutout(s, team_id, channel_id, ts):
                raise KudosRefused(SECONDED_TAKEN_BACK)
            raise KudosRefused(SECONDED_UNDONE)
        if not rows:
            return None
        receivers = list(dict.fromkeys(row.receiver_user_id for row in rows))
        known = {
            p.user_id: p
            for p in [await people_queries.get_person(s, team_id, u) for u in receivers]
            if p is not None
        }
        original = rows[0]
        first = await _first_act(s, team_id, rows)
        thanked, withdrawn = await _thanked(s, team_id, first, key)
        # The shout-out is in the group DM its kudos were given in, if they were.
        in_group_dm = channel_id == original.channel_id and await tell.given_in_group_dm(
            s, team_id, original.batch_key
        )
    if reactor.user_id in {row.giver_user_id for row in [*rows, *first]}:
        raise KudosRefused("These are your own kudos; react to someone else's to second it.")
    others = [u for u in receivers if u != reactor.user_id]
    if not others:
        raise KudosRefused("Kudos are for others: you can't second kudos to yourself.")
    others = [u for u in others if (reactor.user_id, u) not in thanked]
    if not others:
        raise KudosRefused(SECONDED_ALREADY)
    taken_back = [
        withdrawn[reactor.user_id, u] for u in others if (reactor.user_id, u) in withdrawn
    ]
    others = [u for u in others if (reactor.user_id, u) not in withdrawn]
    if not others:
        raise KudosRefused(SECONDED_AFTER_TAKE_BACK if any(taken_back) else SECONDED_AFTER_UNDO)
    recipients = tuple(
        Profile(
            user_id=u,
            name=known[u].name if u in known else u,
            real_name=known[u].real_name if u in known else "",
            is_bot=known[u].is_bot if u in known else False,
            deactivated=known[u].deactivated if u in known else False,
        )
        for u in others
    )
    return Giving(
        team_id=team_id,
        giver=reactor,
        recipients=recipients,
        reason=original.message,
        key=key,
        source="second",
        # Where the shout-out is, whose thread the seconding answers in: with a kudos
        # channel set, not where the kudos it seconds were given.
        channel_id=channel_id,
        is_private=original.is_private,
        values=tuple(original.values or ()),
        announcement=Announcement(thread_ts=thread or ts, reaction=reaction),
        seconds=original.batch_key,
        quoted=(
            (original.quoted_channel_id, original.quoted_ts)
            if original.quoted_channel_id and original.quoted_ts
            else None
        ),
        group_dm=in_group_dm,
    )


async def _first_act(s: AsyncSession, team_id: str, rows: list[Kudos]) -> list[Kudos]:
    """The live entries of the act of giving that a shout-out's entries (`rows`) second,
    through any seconding reacted to in turn; `rows` when they second nothing still kept."""
    seen: set[tuple[str, str]] = set()
    while (reacted := ledger.seconded(rows[0])) is not None and reacted not in seen:
        seen.add(reacted)
        above = await ledger.of_shoutout(s, team_id, *reacted)
        if not above:
            break
        rows = above
    return rows


async def _thanked(
    s: AsyncSession, team_id: str, first: list[Kudos], key: str
) -> tuple[set[tuple[str, str]], dict[tuple[str, str], bool]]:
    """Who thanks whom, live, for the act `first`: its own entries and those of every
    seconding of its shout-out, and of theirs in turn. A seconding's reply is a message of
    its own to react to, so without this one person thanked the same people for the same
    thing once per reply in the thread (docs/testing-log.md, "Random walks of what people
    do"). The act keyed `key` (this reaction, Slack sending it again) is left out: its repeat
    is the ledger's to refuse. Then who seconded whom and saw it undone (True: taken back by
    an admin): reacting to another reply would give it again, round the Undo or the admin."""
    thanked = {(row.giver_user_id, row.receiver_user_id) for row in first}
    withdrawn: dict[tuple[str, str], bool] = {}
    places = {(r.shoutout_channel_id, r.shoutout_ts) for r in first}
    waiting = list(places)
    while waiting:
        channel, ts = waiting.pop()
        if channel is None or ts is None:
            continue
        for row in await ledger.seconds_of(s, team_id, channel, ts, undone_too=True):
            pair = (row.giver_user_id, row.receiver_user_id)
            if row.undone_at is not None:
                withdrawn[pair] = withdrawn.get(pair, False) or row.taken_back_by is not None
            elif row.batch_key != key:
                thanked.add(pair)
            place = (row.shoutout_channel_id, row.shoutout_ts)
            if place not in places:
                places.add(place)
                waiting.append(place)
    return thanked, withdrawn
