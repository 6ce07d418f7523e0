"""KudosService: giving, undoing and seconding kudos, and what people see of the ledger.

Over 300 lines on purpose: every way of giving shares one service, so the rules cannot
differ between them, and what was posted for a kudos is recorded here, so Undo can remove it.

Each method is one unit of work. Who is a bot, deactivated, or in which time zone comes in as
`Profile`s that the Slack adapter read; nothing here talks to Slack.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import mentions, visibility
from bot.conversations import MadePrivate, PrivateNow
from bot.errors import KudosRefused, UnknownValue
from bot.kudos import rules as r
from bot.kudos import tell
from bot.kudos.allowance import Giver, Room, room, today
from bot.kudos.parse import PERIODS, without_channel_values
from bot.kudos.records import (
    AboutSomeone,
    Announcement,
    Entry,
    Given,
    Giving,
    HomeKudos,
    Leaderboard,
    LedgerLine,
    MySummary,
    Standing,
    Undone,
)
from bot.kudos.retries import refuse_a_retry
from bot.profile import Profile
from storage import kudos as ledger
from storage import outbox, workspaces
from storage import people as people_queries
from storage import questions as question_queries
from storage.models import Kudos, utcnow
from storage.sqlite_driver import on_the_loop

Clock = Callable[[], datetime]
SHOWN_ABOUT = 10  # the kudos `/kudos @someone` quotes
# Reasons that quote a message someone else wrote: shown safely, never refused for it.
QUOTED_SOURCES = ("reaction", "second")
KUDOS_GONE = "I no longer have these kudos, so there is nothing to undo."


def rules_of(workspace: Any, values: Sequence[str]) -> r.KudosRules:
    """The rules from a workspace's settings (a `Workspace`, or a row of its columns)."""
    return r.KudosRules(
        daily_allowance=workspace.daily_allowance,
        role_allowances=dict(workspace.role_allowances or {}),
        min_reason_length=workspace.min_reason_length,
        values_required=workspace.values_required,
        values=tuple(values),
        reactions=r.parse_reactions(workspace.kudos_reactions),
        kudos_channel_id=workspace.kudos_channel_id,
    )


def _top_values(entries: Sequence[Kudos], limit: int = 3) -> tuple[tuple[str, int], ...]:
    counts = Counter(v for e in entries for v in e.values or ())
    return tuple(counts.most_common(limit))


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


async def _delivered(s: AsyncSession, delivery: int | None, at: datetime) -> None:
    if delivery is not None:
        await outbox.finish_all(s, [outbox.Finished(delivery, "sent", at)])


SECONDED_UNDONE = "Those kudos were undone, so there is nothing to second."


class KudosService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock = utcnow) -> None:
        self._sessions = sessions
        self._clock = clock

    async def rules(self, team_id: str) -> r.KudosRules:
        async with self._sessions() as s, s.begin():
            rules, _giver = await self._settings(s, team_id)
        return rules

    async def _settings(
        self, s: AsyncSession, team_id: str, user_id: str = ""
    ) -> tuple[r.KudosRules, Giver]:
        """The workspace's rules and what is stored of `user_id`, in one read; the
        workspace's first use creates its settings (a write, once)."""
        rows = await workspaces.kudos_settings(s, team_id, user_id)
        if not rows:
            await workspaces.ensure_workspace(s, team_id)
            rows = await workspaces.kudos_settings(s, team_id, user_id)
        first = rows[0]
        rules = rules_of(first, [row.value for row in rows if row.value is not None])
        return rules, Giver(tuple(first.roles or ()), first.tz)

    # giving

    async def check_room(self, team_id: str, giver_user_id: str, wanted: int) -> None:
        """Refuse more recipients than the giver has kudos left today, by what is stored of
        them, before anyone is looked up in Slack; `give` checks again with Slack's answer.
        Two reads, no write: it takes no lock."""
        async with self._sessions() as s, s.begin():
            rules, giver = await self._settings(s, team_id, giver_user_id)
            left = await room(s, team_id, giver_user_id, rules, giver, self._clock())
        left.take(wanted)

    async def give(self, giving: Giving) -> Given:
        """Record one entry per recipient, exactly once per `giving.key`, or refuse."""
        r.check_recipients(giving.giver, giving.recipients)
        if giving.source not in QUOTED_SOURCES:
            r.check_no_broadcast(giving.reason)
        keys = [f"{giving.key}:{p.user_id}" for p in giving.recipients]
        try:
            with on_the_loop():
                async with self._sessions() as s, s.begin():
                    return await self._give(s, giving, keys)
        except ledger.DuplicateKudos:
            async with self._sessions() as s:
                rows = await ledger.by_keys(s, giving.team_id, keys)
            return Given(tuple(Entry.of(row) for row in rows), duplicate=True)

    async def _give(self, s: AsyncSession, giving: Giving, keys: list[str]) -> Given:
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
        rules, stored = await self._settings(s, team, giver)
        now = self._clock()
        recipients = [p.user_id for p in giving.recipients]
        recent = now - r.UNDO_WINDOW
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
        remaining = Room(allowance, used - len(added)).take(len(added))
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
            await tell.undo_ends(
                s, team, given, group_dm=giving.group_dm, reply_url=giving.confirm_url
            )
        return given

    async def confirmation_posted(
        self, team_id: str, given: Given, channel_id: str, ts: str, *, group_dm: bool
    ) -> None:
        """The giver's confirmation went to their DM with the bot, a message Slack lets the
        bot change: it loses its Undo button when Undo ends (`tell.undo_ends`)."""
        async with self._sessions() as s, s.begin():
            await tell.undo_ends(s, team_id, given, group_dm=group_dm, posted=(channel_id, ts))

    async def batch(self, team_id: str, batch_key: str) -> tuple[Entry, ...]:
        """An act of giving's entries as they are now, undone ones included."""
        async with self._sessions() as s:
            return tuple(Entry.of(row) for row in await ledger.batch(s, team_id, batch_key))

    async def entry(self, team_id: str, kudos_id: int) -> Entry | None:
        async with self._sessions() as s:
            row = await ledger.entry(s, team_id, kudos_id)
            return None if row is None else Entry.of(row)

    async def record_shoutout(
        self,
        team_id: str,
        batch_key: str,
        channel_id: str,
        ts: str | None,
        reply_url: str | None = None,
        *,
        instead_of: tuple[str, str] | None = None,
        delivery: int | None = None,
    ) -> bool:
        """Remember where the shout-out was posted, so a reaction to it can second it and Undo
        remove it; the recipients' DMs follow. `instead_of` is the (channel, Slack's error)
        the giver was promised and it could not go to: they are told where it went. False
        when the kudos were undone meanwhile: the caller removes it again. `delivery`, the
        outbox delivery that posted it, is marked sent in the same transaction."""
        with on_the_loop():
            async with self._sessions() as s, s.begin():
                rows = await ledger.set_shoutout(s, team_id, batch_key, channel_id, ts, reply_url)
                live = [Entry.of(row) for row in rows]
                now = self._clock()
                await _delivered(s, delivery, now)
                await tell.recipients_told(s, team_id, live, now)
                if live and instead_of is not None:
                    promised, error = instead_of
                    await tell.shoutout_unposted(
                        s, team_id, batch_key, promised, error, now, posted_in=channel_id
                    )
        return bool(live)

    async def shoutout_failed(
        self, team_id: str, batch_key: str, channel_id: str | None, error: str
    ) -> None:
        """Nothing was posted: the kudos are private (known to giver and receivers only), and
        the giver, told the shout-out was on its way, is told it is not."""
        async with self._sessions() as s, s.begin():
            live = [Entry.of(row) for row in await ledger.make_private(s, team_id, batch_key)]
            if live:
                now = self._clock()
                await tell.shoutout_unposted(s, team_id, batch_key, channel_id, error, now)
                await tell.recipients_told(s, team_id, live, now)

    async def record_dm(
        self, team_id: str, kudos_id: int, channel_id: str, ts: str, delivery: int | None = None
    ) -> bool:
        """Remember a recipient's DM for Undo; False when undone meanwhile (remove it again).
        `delivery`, the outbox delivery that posted it, is marked sent in the same transaction."""
        with on_the_loop():
            async with self._sessions() as s, s.begin():
                live = await ledger.set_dm(s, team_id, kudos_id, channel_id, ts)
                await _delivered(s, delivery, self._clock())
        return live

    async def undo(self, team_id: str, user_id: str, batch_key: str) -> Undone:
        """Take back kudos within UNDO_WINDOW; only their giver can."""
        now = self._clock()
        async with self._sessions() as s, s.begin():
            await workspaces.ensure_workspace(s, team_id)
            rows = await ledger.batch(s, team_id, batch_key)
            if not rows:  # removed with the workspace's data, the button still in Slack
                raise KudosRefused(KUDOS_GONE)
            if rows[0].giver_user_id != user_id:
                raise KudosRefused("Only the person who gave these kudos can undo them.")
            entries = tuple(Entry.of(row) for row in rows)
            group_dm = await tell.given_in_group_dm(s, team_id, batch_key)
            if all(row.undone_at is not None for row in rows):
                return Undone(entries, already=True, group_dm=group_dm)
            if now - rows[0].created_at > r.UNDO_WINDOW:
                minutes = int(r.UNDO_WINDOW.total_seconds() // 60)
                raise KudosRefused(
                    f"Kudos can be undone for {minutes} minutes after giving them; "
                    "these stay in the ledger."
                )
            await ledger.mark_undone(s, team_id, batch_key, now)
        return Undone(entries, group_dm=group_dm)

    async def second(
        self,
        team_id: str,
        reactor: Profile,
        channel_id: str,
        ts: str,
        key: str,
        reaction: str = "kudos",
    ) -> Given | None:
        """A reaction to a shout-out: the reactor thanks the same people for the same thing.
        None when the message is not a shout-out."""
        async with self._sessions() as s:
            rows = await ledger.of_shoutout(s, team_id, channel_id, ts)
            if not rows and await ledger.shoutout_undone(s, team_id, channel_id, ts):
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
            # The shout-out is in the group DM its kudos were given in, if they were.
            in_group_dm = channel_id == original.channel_id and await tell.given_in_group_dm(
                s, team_id, original.batch_key
            )
        if reactor.user_id in {row.giver_user_id for row in rows}:
            raise KudosRefused("These are your own kudos; react to someone else's to second it.")
        others = [u for u in receivers if u != reactor.user_id]
        if not others:
            raise KudosRefused("Kudos are for others: you can't second kudos to yourself.")
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
        return await self.give(
            Giving(
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
                announcement=Announcement(thread_ts=ts, reaction=reaction),
                seconds=original.batch_key,
                quoted=(
                    (original.quoted_channel_id, original.quoted_ts)
                    if original.quoted_channel_id and original.quoted_ts
                    else None
                ),
                group_dm=in_group_dm,
            )
        )

    # seeing

    async def leaderboard(
        self, team_id: str, period: str, value: str | None, tz: str, limit: int = 10
    ) -> Leaderboard:
        if period not in PERIODS:
            raise KudosRefused(f"Pick a period: {', '.join(PERIODS)}.")
        since, until = r.period_window(period, self._clock(), tz)
        async with self._sessions() as s, s.begin():
            rules, _giver = await self._settings(s, team_id)
            if value is not None:
                # A retired value still ranks the kudos given with it before it was retired.
                retired = await workspaces.value_names(s, team_id, retired=True)
                if value not in rules.values and value not in retired:
                    raise KudosRefused(r.unknown_value_message(value, rules.values))
            rows = await ledger.leaderboard(s, team_id, since, until, value, limit)
            names = await ledger.names(s, team_id, [u for u, _n in rows])
        standings = tuple(Standing(u, names.get(u, u), n) for u, n in rows)
        return Leaderboard(period, value, standings, has_values=bool(rules.values))

    async def mine(self, team_id: str, user_id: str, tz: str) -> MySummary:
        now = self._clock()
        async with self._sessions() as s:
            received = await ledger.received(s, team_id, user_id)
            given = await ledger.count_for(s, team_id, giver=user_id)
            times = await ledger.given_times(s, team_id, user_id)
            recent = tuple(Entry.of(row) for row in received[:5])
            names = await ledger.names(s, team_id, _named(recent))
        return MySummary(
            user_id=user_id,
            received=len(received),
            given=given,
            top_values=_top_values(received),
            streak_weeks=r.week_streak(times, now, tz),
            recent=recent,
            names=names,
        )

    async def quotes(self, team_id: str, channel_id: str, ts: str) -> bool:
        """Whether kudos quote this message (a reaction's), so its edit or deletion matters."""
        async with self._sessions() as s:
            return await ledger.quotes(s, team_id, channel_id, ts)

    async def quoted_edited(
        self, team_id: str, channel_id: str, ts: str, text: str, edit: str, *, private: bool
    ) -> None:
        """The message kudos quote was edited (`edit`, the edit's ts): they quote its edited
        words from now on, their shout-out and DMs already posted too. Edited in a channel
        `private` now (made private since the kudos), public kudos keep the words that were
        public: their shout-out may be in a public kudos channel."""
        async with self._sessions() as s, s.begin():
            batches = await ledger.requote(
                s, team_id, channel_id, ts, r.quoted_reason(text), edit, private=private
            )
            await tell.quote_changed(s, team_id, batches, f"edited:{edit}", self._clock())

    async def quoted_deleted(self, team_id: str, channel_id: str, ts: str, deletion: str) -> None:
        """The message kudos quote was deleted (`deletion`, the deletion's ts): the kudos
        stay, and quote it nowhere again, nor do their shout-out and DMs already posted."""
        async with self._sessions() as s, s.begin():
            batches = await ledger.requote(
                s, team_id, channel_id, ts, r.QUOTED_DELETED, deletion, private=False, deleted=True
            )
            await tell.quote_changed(s, team_id, batches, "deleted", self._clock())

    async def channel_made_private(self, team_id: str, channel_id: str) -> None:
        """The kudos announced in a channel made private are private from now on."""
        async with self._sessions() as s, s.begin():
            await ledger.mark_channels_private(s, team_id, [channel_id])

    async def about(
        self, team_id: str, user_id: str, viewer: str, private_now: PrivateNow | None = None
    ) -> AboutSomeone:
        """What someone was thanked for, as far as `viewer` may see (`bot.visibility`).

        A public kudos's shout-out may be in a channel made private since (Slack tells the app
        nothing of it); `private_now` says whether a channel is private now. The kudos shown
        are checked against the channel their shout-out is in, newest first, and those found
        private are stored as private from now on (the counts of older ones go by what is
        stored)."""
        async with self._sessions() as s, s.begin():
            rules, _giver = await self._settings(s, team_id)
            guest = await people_queries.is_guest(s, team_id, viewer)
            reader = visibility.person(viewer, guest=guest)
            every = await ledger.received(s, team_id, user_id)
            made = MadePrivate(private_now)
            made_private: set[int] = set()
            seen: list[Kudos] = []
            for row in every:
                is_private = row.is_private
                if len(seen) < SHOWN_ABOUT:
                    posted_in = row.shoutout_channel_id or row.channel_id
                    is_private = await made.is_private(row.is_private, posted_in)
                    if is_private and not row.is_private:
                        made_private.add(row.id)
                if visibility.may_see_kudos(
                    reader, row.giver_user_id, row.receiver_user_id, is_private=is_private
                ):
                    seen.append(row)
            await ledger.mark_channels_private(s, team_id, made.found)
            recent = tuple(
                replace(entry, is_private=entry.is_private or entry.id in made_private)
                for entry in map(Entry.of, seen[:SHOWN_ABOUT])
            )
            names = await ledger.names(s, team_id, [user_id, *_named(recent)])
        public = [row for row in seen if not (row.is_private or row.id in made_private)]
        return AboutSomeone(
            user_id=user_id,
            name=names.get(user_id, user_id),
            public_count=len(public),
            top_values=_top_values(seen),
            recent=recent,
            names=names,
            shared_private=len(seen) - len(public),
            unseen_private=len(every) - len(seen),
            for_guest=guest,
            has_values=bool(rules.values),
        )

    async def home(self, team_id: str, user_id: str) -> HomeKudos:
        now = self._clock()
        async with self._sessions() as s, s.begin():
            rules, giver = await self._settings(s, team_id, user_id)
            tz = giver.tz or "UTC"
            left = await room(s, team_id, user_id, rules, giver, now)
            recent = tuple(
                Entry.of(row) for row in await ledger.received(s, team_id, user_id, limit=3)
            )
            names = await ledger.names(s, team_id, _named(recent))
        board = await self.leaderboard(team_id, "month", None, tz, limit=5)
        return HomeKudos(
            user_id=user_id,
            allowance=left.allowance,
            remaining=left.left,
            recent=recent,
            names=names,
            leaderboard=board,
        )

    async def export(self, since: datetime, until: datetime | None) -> list[LedgerLine]:
        """Every workspace's live entries in [since, until), oldest first, private included."""
        async with self._sessions() as s:
            found = await ledger.export(s, since, until)
        return [LedgerLine(k.team_id, Entry.of(k), giver, receiver) for k, giver, receiver in found]


def _named(recent: Sequence[Entry]) -> list[str]:
    """Whose names the entries show: their givers, and the people their reasons mention (a
    reacted message's `<@U…>` carries no name of its own)."""
    return [who for e in recent for who in (e.giver, *mentions.people(e.message))]
