"""Asking, offering, accepting, escalating and solving: the life of a question.

Every state change is a conditional UPDATE checked by its row count, so two replicas, two
clicks or a retry can never both win.

One service on purpose: every move of a question goes through it, so no door (a command, a
message, a button, the scheduler) can move it another way. The longer flows are plain
functions it calls with its unit of work: asking (`bot.questions.asking`), who is asked next
(`bot.questions.rounds`), accepting a request (`bot.questions.accepting`), *Suggest someone*
(`bot.questions.referral`), closing a question (`bot.questions.closing`), escalation
(`bot.questions.escalation`), someone who left the workspace (`bot.questions.leaving`) and a
question's message deleted or edited (`bot.questions.message_changes`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home
from bot.conversations import MadePrivate, PrivateNow
from bot.errors import UserError
from bot.questions import (
    accepting,
    asking,
    closing,
    escalation,
    leaving,
    lookup,
    message_changes,
    referral,
    rounds,
    tell,
)
from bot.questions.indexes import IndexFor
from bot.questions.lookup import LIVE
from bot.questions.policy import OFF_HOURS, RoutingConfig, available
from bot.questions.results import Accepted, Asked, AskRequest, Moved, Solved
from bot.questions.rounds import Clock, Observe
from bot.questions.solved import SolvedFinder
from bot.questions.views import (
    Mine,
    QuestionNow,
    QuestionView,
    RequestsWaiting,
    as_declared,
    named_gone,
    offer_views,
)
from bot.questions.waiting import helping_with, requests_waiting
from bot.reliability.delivery import Refusal
from storage import offers as offer_q
from storage import people as people_queries
from storage import question_status, routing_changes, units
from storage import questions as q
from storage import skills as skill_q
from storage.models import Offer, Question

if TYPE_CHECKING:  # the engine brings numpy, which serve loads once it builds an index
    from bot.routing.engine import RoutingIndex


class QuestionService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        index_for: IndexFor,
        clock: Clock,
        config: RoutingConfig | None = None,
        observe_routing: Observe = lambda _seconds: None,
    ) -> None:
        self._sessions = sessions
        self._index_for = index_for
        self.clock = clock
        self.config = config or RoutingConfig()
        self._observe_routing = observe_routing
        self._solved = SolvedFinder()

    async def ask(self, request: AskRequest, private_now: PrivateNow | None = None) -> Asked:
        return await asking.ask(
            self._sessions,
            self._index_for,
            self._solved,
            self.config,
            self.clock,
            self._observe_routing,
            request,
            private_now,
        )

    async def consent(self, team_id: str, question_id: int, user_id: str) -> Asked:
        """The asker's one click that lets a waiting question (a private one, or one shown
        solved questions first) reach colleagues."""
        index = await self._index_for(team_id)
        async with self._sessions() as s, s.begin():
            question = await lookup.own_question(
                s, team_id, question_id, user_id, to="ask colleagues about it"
            )
            if not await question_status.set_question_status(
                s, question, "open", expected=("draft",)
            ):
                if question.status == "withdrawn":
                    raise UserError(f"Question #{question.id} was withdrawn: ask it again.")
                offers = await offer_q.offers_of(s, question.id)
                return Asked(QuestionView.of(question), offer_views(offers), repeated=True)
            await home.changed(s, team_id, user_id, self.clock())  # "waiting for you" no more
            return await self._first_round(s, index, question)

    async def accept(self, team_id: str, offer_id: int, user_id: str) -> Accepted:
        """A colleague can help (`accepting.accept`)."""
        return await accepting.accept(self._sessions, self.clock, team_id, offer_id, user_id)

    async def answered_in_thread(
        self, team_id: str, channel_id: str, thread_ts: str, user_id: str
    ) -> list[Accepted]:
        """A reply in a question's thread by a colleague it still asks
        (`accepting.answered_in_thread`)."""
        return await accepting.answered_in_thread(
            self._sessions, self.clock, team_id, channel_id, thread_ts, user_id
        )

    async def decline(
        self,
        team_id: str,
        offer_id: int,
        user_id: str,
        *,
        status: str = "declined",
        private_now: PrivateNow | None = None,
        refused: Refusal | None = None,
        by_them: bool = True,
    ) -> Moved:
        """*Not me*, or (`by_them` False, `passed_over`) a colleague passed over as if they had
        said it, whose request then says the question moved on; `status` "unsent":
        their request never reached them (`request_given_up`), which their answers' count
        leaves out and the asker is told of should nobody be found; "refused" with `refused`:
        Slack refused it for good, so the asker is sent to an admin, not told to wait. With
        `private_now`, a question stored as public is looked at against its channel first, as
        in `refer`: one made private since goes to nobody new (`rounds.move_on`)."""
        if private_now is not None:
            async with self._sessions() as s:
                _offer, asked = await lookup.offer_for(s, team_id, offer_id, user_id)
            if not asked.is_private:
                await self.still_public(team_id, [asked.channel_id], private_now)
        index = await self._index_for(team_id)
        async with self._sessions() as s, s.begin():
            offer, question = await lookup.offer_for(s, team_id, offer_id, user_id)
            await question_status.hold_question(s, question)  # before the offer, as `accept` does
            if not await offer_q.set_offer_status(s, offer, status, at=self.clock()):
                return Moved(QuestionView.of(question), ended=offer.status)
            note = tell.answered_note("declined", offer.kind) if by_them else tell.MOVED_ON
            await tell.offers_closed(s, question, [offer], note, self.clock())
            if offer.dm_ts is None:  # passed over before it was sent (`may_still_ask`)
                await tell.asking_passed_over(s, question, offer, self.clock())
            else:
                await tell.asking_moved(s, question, [offer], self.clock())
            return await self._move_on(s, index, question, [], refused=refused)

    async def passed_over(self, team_id: str, offer_id: int, user_id: str) -> Moved:
        """A request withdrawn from a colleague who left, or may be asked no more (made a
        guest): as after *Not me*, but they never said it, so they are not thanked for it."""
        return await self.decline(team_id, offer_id, user_id, by_them=False)

    async def refer(
        self,
        team_id: str,
        offer_id: int,
        user_id: str,
        referred_user_id: str,
        private_now: PrivateNow | None = None,
    ) -> Moved:
        """ "Suggest someone" (`referral.refer`)."""
        return await referral.refer(
            self._sessions,
            self._index_for,
            self.config,
            self.clock,
            self._observe_routing,
            self.still_public,
            team_id,
            offer_id,
            user_id,
            referred_user_id,
            private_now,
        )

    async def solve(self, team_id: str, question_id: int, user_id: str) -> Solved:
        return await closing.solve(
            self._sessions, self._index_for, self.clock, team_id, question_id, user_id
        )

    async def withdraw(self, team_id: str, question_id: int, user_id: str) -> Solved:
        return await closing.withdraw(self._sessions, self.clock, team_id, question_id, user_id)

    async def answered(self, team_id: str, question_id: int, user_id: str) -> Solved:
        """The asker's "That answers it" (`closing.answered`)."""
        return await closing.answered(self._sessions, self.clock, team_id, question_id, user_id)

    async def person_left(self, team_id: str, user_id: str) -> None:
        """`user_id` left the workspace (`leaving.person_left`)."""
        await leaving.person_left(
            self._sessions,
            self._index_for,
            self.config,
            self.clock,
            self._observe_routing,
            self.passed_over,
            team_id,
            user_id,
        )

    async def no_longer_asked(self, team_id: str, user_id: str) -> None:
        """`user_id` may be asked no more (a guest of the workspace now): the requests still
        waiting for them are withdrawn (`leaving.requests_withdrawn`)."""
        await leaving.requests_withdrawn(self._sessions, self.passed_over, team_id, user_id)

    async def guests_no_longer_asked(self, team_id: str) -> None:
        """After the directory sync: the requests still waiting for anyone stored as a guest
        of the workspace are withdrawn (`leaving.guests_withdrawn`)."""
        await leaving.guests_withdrawn(self._sessions, self.passed_over, team_id)

    async def asker_left(self, team_id: str, user_id: str) -> int:
        """`user_id` left the workspace: their questions are closed (`leaving.asker_left`)."""
        return await leaving.asker_left(self._sessions, self.clock, team_id, user_id)

    async def request_given_up(
        self, team_id: str, offer_id: int, *, refused: Refusal | None = None
    ) -> None:
        """Slack kept failing a colleague's request until the outbox gave it up (its offer
        "unsent"), or `refused` it for good ("refused"): never sent, it is passed over as after
        *Not me*, so that nobody is said to be asked who was not and the question moves on."""
        async with self._sessions() as s:
            offer = await offer_q.get_offer(s, team_id, offer_id)
        if offer is not None and offer.status == "pending" and offer.dm_ts is None:
            await self.decline(
                team_id,
                offer.id,
                offer.candidate_user_id,
                status="unsent" if refused is None else "refused",
                refused=refused,
            )

    async def introduction_given_up(self, team_id: str, question_id: int, helper: str) -> None:
        """Slack kept failing the message introducing asker and `helper` until the outbox gave
        it up: the helper, told they are being connected, is told to reach out themselves."""
        async with self._sessions() as s, s.begin():
            question = await lookup.question(s, team_id, question_id)
            if question.status != "connected" or question.helper_user_id != helper:
                return  # closed or let go since: whoever helped was told how
            offers = await offer_q.offers_of(s, question.id)
            theirs = [o for o in offers if o.candidate_user_id == question.helper_user_id]
            await tell.not_introduced(s, question, theirs, self.clock())

    async def note_now(self, team_id: str, offer_id: int) -> str:
        """What a colleague's request that ended says now (`tell.note_now`): the helper's, of
        their introduction as it stands."""
        async with units.reading(self._sessions) as s:
            offer = await offer_q.get_offer(s, team_id, offer_id)
            assert offer is not None, "offers are never deleted while their question lives"
            question = await lookup.question(s, team_id, offer.question_id)
            return await tell.note_now(s, question, offer)

    async def asked_in(self, team_id: str, channel_id: str, message_ts: str) -> bool:
        return await message_changes.asked_in(self._sessions, team_id, channel_id, message_ts)

    async def deleted(
        self, team_id: str, channel_id: str, message_ts: str, unasked: AskRequest | None = None
    ) -> int:
        return await message_changes.deleted(
            self._sessions, self.clock, team_id, channel_id, message_ts, unasked
        )

    async def channel_made_private(self, team_id: str, channel_id: str) -> None:
        """The questions asked in a channel made private are private from now on: its history
        is its members' alone. Routing's index is rebuilt before the next question, so no
        reason quotes what was said there, its kudos' words (`KudosService.channel_made_private`,
        on the same event) or its questions'."""
        async with self._sessions() as s, s.begin():
            await q.mark_channels_private(s, team_id, [channel_id])
            await routing_changes.rebuild_routing(s, team_id)

    async def still_public(
        self, team_id: str, channels: list[str], private_now: PrivateNow | None
    ) -> list[str]:
        """Those of `channels` (where questions asked in public came up, to point an asker
        to) that are public still: a channel made private since, which Slack tells the app
        nothing of where it is not in it, is its members' now, and its questions are stored
        as private from then on (`channel_made_private`)."""
        made = MadePrivate(private_now)
        public = [c for c in channels if not await made.is_private(False, c)]
        if made.found:
            async with self._sessions() as s, s.begin():
                await q.mark_channels_private(s, team_id, made.found)
        return public

    async def edited(
        self, team_id: str, channel_id: str, message_ts: str, text: str, edit: str
    ) -> int:
        return await message_changes.edited(
            self._sessions, self._index_for, self.clock, team_id, channel_id, message_ts, text, edit
        )

    async def may_still_ask(self, team_id: str, user_id: str) -> bool:
        """Whether a colleague chosen earlier may be sent their request now (`available`, as
        stored): one chosen at night who has opted out or gone away since was told questions
        would not reach them, and one stored as a guest since would be shown a channel they
        cannot read."""
        async with units.reading(self._sessions) as s:
            people = await people_queries.people_by_id(s, team_id, [user_id])
        return available(people.get(user_id), self.clock())

    async def first_request(self, team_id: str, offer_id: int) -> bool:
        """Whether this request is the first its colleague gets from askaround: it says what
        askaround is and how to stop its requests, once (drawn again, still)."""
        async with units.reading(self._sessions) as s:
            return not await offer_q.received_before(s, team_id, offer_id)

    async def now(
        self,
        team_id: str,
        *,
        question_id: int | None = None,
        offer_id: int | None = None,
        private_now: PrivateNow | None = None,
    ) -> QuestionNow:
        """A question (by its id, or one of its offers' ids) and its offers as they are now.
        With `private_now`, a question stored as public is checked against its channel as it
        is now: one made private or shared with another organisation since is private from
        then on, for good, as `still_public` stores it."""
        async with units.reading(self._sessions) as s:  # some 20 a question: on the loop
            if offer_id is not None:
                question = await lookup.question_of_offer(s, team_id, offer_id)
            else:
                assert question_id is not None
                question = await lookup.question(s, team_id, question_id)
            offers, declared = await offer_q.offers_and_declared(s, team_id, question.id)
            views = offer_views(offers)
            # Read only for a reason naming a skill its colleague declares no more, and for
            # an edited question: some 20 draws a question.
            gone = named_gone(views, declared)
            merged = await skill_q.merged_into(s, team_id, gone) if gone else {}
            edited = question.edit_ts is not None
            about = await skill_q.names_of(s, team_id, question.topics) if edited else None
        view = QuestionView.of(question)
        if not view.is_private and await self.still_public(
            team_id, [view.channel_id], private_now
        ) != [view.channel_id]:
            view = replace(view, is_private=True, made_private=True)
        renamed = {gone[key]: name for key, name in merged.items()}
        return QuestionNow(view, [as_declared(o, declared, renamed, about) for o in views])

    async def offer_message_sent(
        self, team_id: str, offer_id: int, channel_id: str, ts: str
    ) -> None:
        """Remember where an offer's DM is, so it can be updated when the question moves on.
        One chosen outside its colleague's working hours was said, in the asker's list, to
        wait for their working day: the list is drawn again, without it. The colleague's Home
        tab lists it from now on, so it is rebuilt (one they opened)."""
        async with self._sessions() as s, s.begin():
            reason = await offer_q.set_offer_message(s, offer_id, channel_id, ts)
            offer = await offer_q.get_offer(s, team_id, offer_id)
            if reason is None or offer is None:
                return
            # Their tab lists the requests whose DM is posted (`waiting_for`): this one now.
            await home.changed(s, team_id, offer.candidate_user_id, self.clock())
            if OFF_HOURS in reason:
                question = await lookup.question(s, team_id, offer.question_id)
                await tell.asking_sent(s, question, offer, self.clock())
                # The asker's open questions said this one waited for a working day.
                await home.changed(s, team_id, question.asker_user_id, self.clock())

    async def asker_message_sent(self, question_id: int, channel_id: str, ts: str | None) -> None:
        """Remember where the asker was told who is asked, to say how it ended once it has."""
        async with self._sessions() as s, s.begin():
            await q.set_asker_message(s, question_id, channel_id, ts)

    async def connected_message_sent(
        self, team_id: str, question_id: int, channel_id: str, ts: str, helper: str
    ) -> bool:
        """Remember where asker and `helper` were connected, to say how it ended once it has,
        and tell the helper, whose request said it was connecting them, that it did. False,
        nothing kept, when `helper` no longer helps (let go while it was posted: what the
        question keeps is whoever helps now's, and letting go read none to say they left)."""
        async with self._sessions() as s, s.begin():
            question = await lookup.question(s, team_id, question_id)
            await question_status.hold_question(s, question)  # as `person_left` releases
            if question.helper_user_id != helper:
                return False
            await q.set_connected_message(s, question_id, channel_id, ts)
            await home.changed(s, team_id, helper, self.clock())  # its tab links there now
            offers = await offer_q.offers_of(s, question_id)
            theirs = [o for o in offers if o.candidate_user_id == helper]
            await tell.helper_on_it(s, question, theirs, "introduced", self.clock())
            return True

    async def mine(self, team_id: str, user_id: str) -> Mine:
        live = ("draft", *LIVE)
        async with self._sessions() as s:
            newest = [
                QuestionView.of(question)
                for question in await q.questions_of(s, team_id, user_id, live)
            ]
            total = await q.count_questions_of(s, team_id, user_id, live)
            opened = [question.id for question in newest if question.status == "open"]
            waiting = await lookup.waiting(s, team_id, opened, self.clock(), self.config.hours)
            return Mine(newest, total, frozenset(waiting))

    async def helping(self, team_id: str, user_id: str, limit: int) -> list[QuestionView]:
        """The questions this colleague is helping with now, newest first (their Home tab)."""
        return await helping_with(self._sessions, team_id, user_id, limit)

    async def waiting_for(self, team_id: str, user_id: str, limit: int) -> RequestsWaiting:
        """The requests waiting for this colleague's answer, newest first (their Home tab)."""
        return await requests_waiting(self._sessions, team_id, user_id, limit)

    async def escalate_due(
        self, private_now_in: Callable[[str], Awaitable[PrivateNow | None]] | None = None
    ) -> list[Moved]:
        """`private_now_in`: a workspace's look at its channels as they are now, for the
        questions asked in public whose requests ran out."""

        async def private_since(question: Question) -> bool:
            assert private_now_in is not None
            private_now = await private_now_in(question.team_id)
            public = await self.still_public(question.team_id, [question.channel_id], private_now)
            return not public

        return await escalation.escalate_due(
            self._sessions,
            self._index_for,
            self.config,
            self.clock,
            self._observe_routing,
            private_since if private_now_in is not None else None,
        )

    # internals

    async def _move_on(
        self,
        s: AsyncSession,
        index: RoutingIndex,
        question: Question,
        expired: list[Offer],
        *,
        refused: Refusal | None = None,
    ) -> Moved:
        return await rounds.move_on(
            s, index, question, expired, self.config, self.clock, self._observe_routing, refused
        )

    async def _first_round(self, s: AsyncSession, index: RoutingIndex, question: Question) -> Asked:
        return await rounds.first_round(
            s, index, question, self.config, self.clock, self._observe_routing
        )
