"""KudosService: giving, undoing and seconding kudos, and what people see of the ledger.

One service on purpose: every way of giving goes through `give`, so the rules cannot differ
between them (the transaction itself is `bot.kudos.giving`), and what was posted for a kudos
is recorded here, so Undo can remove it. Seconding (`bot.kudos.seconding`) and what people
see of the ledger (`bot.kudos.summaries`) are plain functions the service calls.

Each method is one unit of work. Who is a bot, deactivated, or in which time zone comes in as
`Profile`s that the Slack adapter read; nothing here talks to Slack.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.conversations import PrivateNow
from bot.errors import NO_LONGER_MEMBER, KudosNotAMember, KudosRefused
from bot.kudos import rules as r
from bot.kudos import summaries, taking_back, tell
from bot.kudos.allowance import room
from bot.kudos.giving import QUOTED_SOURCES, Clock, give_in
from bot.kudos.records import (
    AboutSomeone,
    Entry,
    Given,
    Giving,
    HomeKudos,
    Leaderboard,
    LedgerLine,
    MySummary,
    Undone,
)
from bot.kudos.seconding import seconding
from bot.kudos.taking_back import TakenBack, TakenBackLine
from bot.kudos.workspace_rules import rules_and_giver
from bot.people import gone
from bot.profile import Profile
from bot.recent import Recent
from storage import (
    bot_dms,
    kudos_quotes,
    kudos_taken_back,
    outbox_claims,
    routing_changes,
    units,
    workspaces,
)
from storage import kudos as ledger
from storage.models import utcnow

# How long a replica goes by the kudos emoji it read (`KudosService.reactions`): a change
# made elsewhere (another replica, the CLI) is seen within it; one made here at once.
REACTIONS_KEPT_FOR = timedelta(seconds=60)
IN_MEMORY_WORKSPACES = 10_000
KUDOS_GONE = "I no longer have these kudos, so there is nothing to undo."


class People(Protocol):
    """Who askaround knows without asking Slack (`bot.people.PeopleService.known`)."""

    async def known(
        self, team_id: str, user_ids: Collection[str], session: AsyncSession | None = None
    ) -> dict[str, Profile]: ...


@dataclass(frozen=True)
class NotKnown:
    """`give_to_known` gave nothing: one of its people is not known; `found`, those who are."""

    found: dict[str, Profile]


def _checked(giving: Giving) -> list[str]:
    """The rules a kudos is refused by before anything is read, and its entries' keys."""
    if gone(giving.giver):  # stored as the workspace's once, gone from it since
        raise KudosNotAMember(NO_LONGER_MEMBER, "recipients")
    r.check_recipients(giving.giver, giving.recipients)
    if giving.source not in QUOTED_SOURCES:
        r.check_no_broadcast(giving.reason)
    return [f"{giving.key}:{p.user_id}" for p in giving.recipients]


async def _delivered(s: AsyncSession, delivery: int | None, at: datetime) -> None:
    if delivery is not None:
        await outbox_claims.finish_all(s, [outbox_claims.Finished(delivery, "sent", at)])


class KudosService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock = utcnow) -> None:
        self._sessions = sessions
        self._clock = clock
        self._reactions: Recent[str, tuple[str, ...]] = Recent(clock, IN_MEMORY_WORKSPACES)

    async def rules(self, team_id: str) -> r.KudosRules:
        async with self._sessions() as s, s.begin():
            rules, _giver = await rules_and_giver(s, team_id)
        self._reactions.put(team_id, rules.reactions, REACTIONS_KEPT_FOR)
        return rules

    async def reactions(self, team_id: str) -> tuple[str, ...]:
        """The emoji that give kudos here, as read at most `REACTIONS_KEPT_FOR` ago: every
        reaction in the workspace, of any emoji, asks, and was a read of the database each."""
        kept = self._reactions.get(team_id)
        return kept if kept is not None else (await self.rules(team_id)).reactions

    def settings_changed(self, team_id: str) -> None:
        """A change of the workspace's settings made in this process: its emoji are read
        again by the next reaction."""
        self._reactions.drop(team_id)

    # giving

    async def check_room(self, team_id: str, giver_user_id: str, wanted: int) -> None:
        """Refuse more recipients than the giver has kudos left today, by what is stored of
        them, before anyone is looked up in Slack; `give` checks again with Slack's answer.
        Two reads, no write: it takes no lock."""
        async with self._sessions() as s, s.begin():
            rules, giver = await rules_and_giver(s, team_id, giver_user_id)
            left = await room(s, team_id, giver_user_id, rules, giver, self._clock())
        left.take(wanted)

    async def give(self, giving: Giving) -> Given:
        """Record one entry per recipient, exactly once per `giving.key`, or refuse."""
        keys = _checked(giving)
        try:
            async with units.transaction(self._sessions) as s:
                return await give_in(s, giving, keys, self._clock)
        except ledger.DuplicateKudos:
            return await self._repeated(giving.team_id, keys)

    async def give_to_known(
        self,
        team_id: str,
        user_ids: Sequence[str],
        people: People,
        giving: Callable[[Profile, tuple[Profile, ...]], Giving],
    ) -> Given | NotKnown:
        """`give`, with its people (the giver first, then the recipients) read in its own
        transaction rather than in one before it: `giving` makes the act of them. `NotKnown`,
        with nothing written, when one of them is not known (`People.known`): they are to be
        looked up in Slack, and the act given by `give`."""
        keys: list[str] = []
        try:
            async with units.transaction(self._sessions) as s:
                found = await people.known(team_id, set(user_ids), s)
                if any(u not in found for u in user_ids):
                    return NotKnown(found)
                act = giving(found[user_ids[0]], tuple(found[u] for u in user_ids[1:]))
                keys = _checked(act)
                return await give_in(s, act, keys, self._clock)
        except ledger.DuplicateKudos:
            return await self._repeated(team_id, keys)

    async def _repeated(self, team_id: str, keys: list[str]) -> Given:
        """A repeat of an act already given (a replayed request): its entries, given once."""
        async with self._sessions() as s:
            rows = await ledger.by_keys(s, team_id, keys)
        return Given(tuple(Entry.of(row) for row in rows), duplicate=True)

    async def confirmation_posted(
        self, team_id: str, given: Given, channel_id: str, ts: str, *, group_dm: bool
    ) -> None:
        """The giver's confirmation went to their DM with the bot, a message Slack lets the
        bot change: it loses its Undo button when Undo ends (`tell.undo_ends`)."""
        async with self._sessions() as s, s.begin():
            await tell.undo_ends(s, team_id, given, group_dm=group_dm, posted=(channel_id, ts))

    async def batch(self, team_id: str, batch_key: str) -> tuple[Entry, ...]:
        """An act of giving's entries as they are now, undone ones included."""
        async with units.reading(self._sessions) as s:
            return tuple(Entry.of(row) for row in await ledger.batch(s, team_id, batch_key))

    async def to_shoutout(self, team_id: str, batch_key: str) -> tuple[Entry, ...] | None:
        """What a shout-out delivery claimed from the outbox reads, in one unit: None when the
        giver was told it could not be posted (`shoutout_failed`: it is never posted after
        that), else the act's entries as they are now, undone ones included."""
        async with units.reading(self._sessions) as s:
            if await tell.unposted_told(s, team_id, batch_key):
                return None
            return tuple(Entry.of(row) for row in await ledger.batch(s, team_id, batch_key))

    async def entry(self, team_id: str, kudos_id: int) -> Entry | None:
        async with units.reading(self._sessions) as s:
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
        async with units.transaction(self._sessions) as s:
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
        self,
        team_id: str,
        batch_key: str,
        channel_id: str | None,
        error: str,
        *,
        given_up: bool = False,
    ) -> None:
        """Nothing was posted: the kudos are private (known to giver and receivers only), and
        the giver, told the shout-out was on its way, is told it is not. Once: a retried
        delivery that fails again tells nobody twice. `given_up`: Slack kept failing it, and
        may have posted it all the same, so it is looked for later (`tell.shoutout_sought`)."""
        async with self._sessions() as s, s.begin():
            if given_up:
                await tell.shoutout_sought(s, team_id, batch_key, self._clock(), why="given_up")
            if await tell.unposted_told(s, team_id, batch_key):
                return
            live = [Entry.of(row) for row in await ledger.make_private(s, team_id, batch_key)]
            if live:
                now = self._clock()
                await tell.shoutout_unposted(s, team_id, batch_key, channel_id, error, now)
                await tell.recipients_told(s, team_id, live, now)

    async def record_dm(
        self,
        team_id: str,
        kudos_id: int,
        channel_id: str,
        ts: str,
        delivery: int | None = None,
        dms: tuple[str, Sequence[tuple[str, str]]] = ("", ()),
    ) -> bool:
        """Remember a recipient's DM for Undo; False when undone meanwhile (remove it again).
        `delivery`, the outbox delivery that posted it, is marked sent in the same transaction,
        and `dms`, what it posted at the top of DMs (channel, ts) as its kind, recorded
        (`bot.bot_dms`): one transaction for all three."""
        kind, posts = dms
        async with units.transaction(self._sessions) as s:
            live = await ledger.set_dm(s, team_id, kudos_id, channel_id, ts)
            await _delivered(s, delivery, self._clock())
            await bot_dms.record(s, [bot_dms.Posted(team_id, c, t, kind) for c, t in posts])
        return live

    async def undo(
        self, team_id: str, user_id: str, batch_key: str, *, reply_url: str | None = None
    ) -> Undone:
        """Take back kudos within UNDO_WINDOW; only their giver can. The messages they caused
        are removed by the outbox, which answers the giver through `reply_url` (the Undo
        button's response_url): the press that undid them is the one that queues that."""
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
            already = all(row.undone_at is not None for row in rows)
            if not already and now - rows[0].created_at > r.UNDO_WINDOW:
                minutes = int(r.UNDO_WINDOW.total_seconds() // 60)
                raise KudosRefused(
                    f"Kudos can be undone for {minutes} minutes after giving them; "
                    "these stay in the ledger. If they should not stand, ask an askaround "
                    "admin: they can take kudos back at any time."
                )
            # Read live, and undone or taken back meanwhile: on PostgreSQL the update waited
            # for that commit and marked nothing, and telling "Undone" then contradicted it.
            if already or not await ledger.mark_undone(s, team_id, batch_key, now):
                by_admin = await kudos_taken_back.of_batch(s, team_id, batch_key)
                return Undone(entries, already=True, group_dm=group_dm, taken_back=by_admin)
            # Taken back, the kudos is no reason to ask anyone ("thanked in kudos for …"): a
            # routing index built with it takes it back before the next question.
            await routing_changes.kudos_undone(s, team_id, batch_key)
            await tell.undone(s, team_id, batch_key, reply_url, now)
            await tell.on_their_tabs(s, team_id, entries, now)
        return Undone(entries, group_dm=group_dm)

    async def shoutout_stands(self, team_id: str, channel_id: str, ts: str) -> bool:
        """Whether the shout-out at `ts` stands: its kudos not undone (nor taken back)."""
        async with units.reading(self._sessions) as s:
            return not await ledger.shoutout_undone(s, team_id, channel_id, ts)

    async def undo_given_up(self, team_id: str, batch_key: str) -> None:
        """Slack kept failing the removals Undo queued until the outbox gave them up: the
        giver, who would have been answered, is told what may still show."""
        async with units.transaction(self._sessions) as s:
            await tell.undo_unfinished(s, team_id, batch_key, self._clock())

    async def seconds_left(self, team_id: str, batch_key: str) -> tuple[tuple[Entry, ...], ...]:
        """Others' live seconds of the shout-out of these (undone) kudos, each act's entries:
        they stay, and their replies are left under a deleted message."""
        async with units.reading(self._sessions) as s:
            rows = await ledger.batch(s, team_id, batch_key)
            return await _seconds(s, team_id, Entry.of(rows[0])) if rows else ()

    async def take_back(
        self, team_id: str, by: str, reason: str | None, *, batch_key: str = "", kudos_id: int = 0
    ) -> TakenBack:
        """An admin (`by`: their member id, or "cli") takes back an act of giving, named by its
        `batch_key` or by one of its entries' `kudos_id`, at any time (`bot.kudos.taking_back`).
        Whether `by` is an admin is the caller's to ask (`WorkspaceSettingsService.is_admin`)."""
        async with units.transaction(self._sessions) as s:
            if not batch_key:
                batch_key = await taking_back.batch_of_entry(s, team_id, kudos_id)
            return await taking_back.take_back(s, team_id, batch_key, by, reason, self._clock())

    async def to_take_back(
        self,
        team_id: str,
        channel_id: str,
        ts: str,
        *,
        ours: bool = False,
        marked: str | None = None,
    ) -> TakenBack:
        """The kudos this message (a shout-out, a seconding's reply) announced; `ours`: the
        message is the bot's own, `marked`: its outbox mark (`taking_back.of_shoutout`)."""
        async with units.reading(self._sessions) as s:
            return await taking_back.of_shoutout(
                s, team_id, channel_id, ts, ours=ours, marked=marked
            )

    async def given_in_group_dm(self, team_id: str, batch_key: str) -> bool:
        """Whether these kudos were given in a group DM (`tell.given_in_group_dm`)."""
        async with units.reading(self._sessions) as s:
            return await tell.given_in_group_dm(s, team_id, batch_key)

    async def why_taken_back(self, team_id: str, batch_key: str) -> str | None:
        """The admin's reason, read where it is kept (the ledger), not from the outbox."""
        async with units.reading(self._sessions) as s:
            return await kudos_taken_back.reason_of(s, team_id, batch_key)

    async def taken_back(
        self, team_id: str, limit: int = 50
    ) -> tuple[list[TakenBackLine], dict[str, str]]:
        """The newest kudos admins took back, for an admin to read, with the names of whom
        they name."""
        async with units.reading(self._sessions) as s:
            return await taking_back.audit(s, team_id, limit)

    async def second(
        self,
        team_id: str,
        reactor: Profile,
        channel_id: str,
        ts: str,
        key: str,
        reaction: str = "kudos",
        thread: str | None = None,
    ) -> Given | None:
        """A reaction to a shout-out: the reactor thanks the same people for the same thing.
        None when the message is not a shout-out; `thread` as `seconding` takes it."""
        giving = await seconding(
            self._sessions, team_id, reactor, channel_id, ts, key, reaction, thread
        )
        return None if giving is None else await self.give(giving)

    # seeing

    async def leaderboard(
        self, team_id: str, period: str, value: str | None, tz: str, *, viewer: str
    ) -> Leaderboard:
        return await summaries.leaderboard(
            self._sessions, self._clock, team_id, period, value, tz, viewer=viewer
        )

    async def mine(self, team_id: str, user_id: str, tz: str) -> MySummary:
        return await summaries.mine(self._sessions, self._clock, team_id, user_id, tz)

    async def quotes(self, team_id: str, channel_id: str, ts: str) -> bool:
        """Whether kudos quote this message (a reaction's), so its edit or deletion matters."""
        async with self._sessions() as s:
            return await kudos_quotes.quotes(s, team_id, channel_id, ts)

    async def quoted_edited(
        self, team_id: str, channel_id: str, ts: str, text: str, edit: str, *, private: bool
    ) -> None:
        """The message kudos quote was edited (`edit`, the edit's ts): they quote its edited
        words from now on, their shout-out and DMs already posted too. Edited in a channel
        `private` now (made private since the kudos), public kudos keep the words that were
        public: their shout-out may be in a public kudos channel."""
        async with self._sessions() as s, s.begin():
            batches = await kudos_quotes.requote(
                s, team_id, channel_id, ts, r.quoted_reason(text), edit, private=private
            )
            await tell.quote_changed(s, team_id, batches, f"edited:{edit}", self._clock())
            if batches:  # the words edited out are no reason to ask anyone
                await routing_changes.kudos_requoted(s, team_id, channel_id, ts)

    async def quoted_deleted(self, team_id: str, channel_id: str, ts: str, deletion: str) -> None:
        """The message kudos quote was deleted (`deletion`, the deletion's ts): the kudos
        stay, and quote it nowhere again, nor do their shout-out and DMs already posted."""
        async with self._sessions() as s, s.begin():
            batches = await kudos_quotes.requote(
                s, team_id, channel_id, ts, r.QUOTED_DELETED, deletion, private=False, deleted=True
            )
            await tell.quote_changed(s, team_id, batches, "deleted", self._clock())
            if batches:  # nor the words of a message deleted ("thanked in kudos for …")
                await routing_changes.kudos_requoted(s, team_id, channel_id, ts)

    async def channel_made_private(self, team_id: str, channel_id: str) -> None:
        """The kudos announced in a channel made private are private from now on."""
        async with self._sessions() as s, s.begin():
            await ledger.mark_channels_private(s, team_id, [channel_id])

    async def about(
        self, team_id: str, user_id: str, viewer: str, private_now: PrivateNow | None = None
    ) -> AboutSomeone:
        return await summaries.about(self._sessions, team_id, user_id, viewer, private_now)

    async def home(self, team_id: str, user_id: str) -> HomeKudos:
        return await summaries.home(self._sessions, self._clock, team_id, user_id)

    async def export(self, since: datetime, until: datetime | None) -> list[LedgerLine]:
        return await summaries.export(self._sessions, since, until)


async def _seconds(s: AsyncSession, team_id: str, first: Entry) -> tuple[tuple[Entry, ...], ...]:
    """The live seconds of the shout-out of `first`'s act of giving, each act's entries."""
    if not (first.shoutout_channel_id and first.shoutout_ts):
        return ()
    acts: dict[str, list[Entry]] = {}
    for row in await ledger.seconds_of(s, team_id, first.shoutout_channel_id, first.shoutout_ts):
        acts.setdefault(row.batch_key, []).append(Entry.of(row))
    return tuple(tuple(act) for act in acts.values())
