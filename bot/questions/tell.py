"""What people must be told when a question moves, written to the outbox in the same
transaction as the move, so a crash can neither lose a message nor send one for a change
that was rolled back. The Slack side renders each from the database when it sends it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import home, visibility
from bot.worktime import WorkingHours, next_working_moment
from storage import offers as offer_q
from storage import outbox
from storage import people as people_queries
from storage.models import Offer, Question

REQUEST = "offer"  # the key of a colleague's request's delivery, with its offer's id


def request_key(offer_id: int) -> str:
    """The outbox key of the delivery that posts this colleague's request."""
    return f"{REQUEST}:{offer_id}"


async def offers_made(
    s: AsyncSession,
    question: Question,
    offers: Sequence[Offer],
    at: datetime,
    hours: WorkingHours,
    *,
    first: bool,
) -> None:
    """Each request is due when its colleague's working day is on, in their time zone (at
    once, or when their next one starts); the asker is told now who is asked."""
    due = await due_at(s, question.team_id, [o.candidate_user_id for o in offers], at, hours)
    for offer in offers:
        at_due = due[offer.candidate_user_id]
        await _each(s, question, [offer], "question.offer", REQUEST, at_due)
    if offers:
        kind = "question.asking" if first else "question.more"
        ids = [o.id for o in offers]
        await outbox.enqueue(
            s,
            question.team_id,
            kind,
            {"question_id": question.id, "offer_ids": ids},
            key=listed_key(kind, question.id, ids[0]),
            at=at,
        )


def listed_key(kind: str, question_id: int, first_offer_id: int) -> str:
    """The outbox key of the message telling the asker whom a round asks (`question.asking`
    for the first round, `question.more` after), by the first offer it lists."""
    return f"{kind}:{question_id}:{first_offer_id}"


async def due_at(
    s: AsyncSession, team_id: str, user_ids: Sequence[str], at: datetime, hours: WorkingHours
) -> dict[str, datetime]:
    """When a request to each of these colleagues is sent: `at`, in their working hours (or
    not stored: nothing says otherwise), else when their next working day starts."""
    people = await people_queries.people_by_id(s, team_id, list(user_ids))
    return {
        user: at
        if (person := people.get(user)) is None
        else next_working_moment(at, person.tz, hours)
        for user in user_ids
    }


async def offers_closed(
    s: AsyncSession, question: Question, offers: Sequence[Offer], note: str, at: datetime
) -> None:
    await _each(s, question, offers, "question.offer_closed", "offer_closed", at, note=note)
    await _off_their_tabs(s, question, offers, at)


RAN_OUT = "offer_ran_out"


async def offers_ran_out(
    s: AsyncSession, question: Question, offers: Sequence[Offer], note: str, at: datetime
) -> None:
    """Each request whose time ran out, closed under a key of its own: a suggestion or an
    *I can help* pressed on it before that edit showed (both take a request that ran out)
    writes `offer_closed` then, which shared the run-out's key, so the run-out's note stayed.
    Sent once it was answered so, it draws nothing (`handlers.outbox.offers.offer_closed`)."""
    await _each(s, question, offers, "question.offer_closed", RAN_OUT, at, note=note, ran_out=True)
    await _off_their_tabs(s, question, offers, at)


async def _off_their_tabs(
    s: AsyncSession, question: Question, offers: Sequence[Offer], at: datetime
) -> None:
    """Each colleague's Home tab, which lists the requests waiting for them once their DM is
    posted (`QuestionService.waiting_for`), rebuilt: these ended, or their words changed. A
    new one shows when they open the tab, as any change does. Not the tab of one who left
    (their requests withdrawn for it): nobody opens it."""
    await _on_their_tabs(s, question, {o.candidate_user_id for o in offers if o.dm_ts}, at)


async def _on_their_tabs(
    s: AsyncSession, question: Question, shown: set[str], at: datetime
) -> None:
    """These colleagues' Home tabs rebuilt for this question's change: not of one who left,
    whose tab nobody opens. A guest's is: Slack shows a tab as it was last published, and
    one made a guest since keeps the tab drawn while a member (the request withdrawn then,
    `visibility.may_be_asked`, a question deleted since) until it is published again."""
    people = await people_queries.people_by_id(s, question.team_id, shown)
    for user_id in sorted(shown):
        person = people.get(user_id)
        if person is not None and not person.deactivated:
            await home.changed_for(s, person, at)


async def not_introduced(
    s: AsyncSession, question: Question, offers: Sequence[Offer], at: datetime
) -> None:
    """The helper's request, which said it was connecting them, once the introduction was
    given up: they reach out to the asker themselves (`on_it_note`)."""
    await _each(
        s, question, offers, "question.offer_closed", NOT_INTRODUCED, at,
        note=_not_introduced(question.asker_user_id), on_it=True,
    )  # fmt: skip


async def offers_deleted(
    s: AsyncSession, question: Question, offers: Sequence[Offer], at: datetime
) -> None:
    """Every offer's DM, closed or not, once more: its question's message was deleted, so
    none may go on quoting it."""
    note = "The question was deleted."
    await _each(s, question, offers, "question.offer_closed", "offer_deleted", at, note=note)
    await _off_their_tabs(s, question, [o for o in offers if o.responded_at == at], at)


async def offers_edited(
    s: AsyncSession, question: Question, offers: Sequence[Offer], at: datetime, edit: str
) -> None:
    """Every offer's DM, once more: the question's message was edited, so none may go on
    quoting the words taken out of it. A request still waiting keeps its buttons; one
    answered says how it ended, as it did. A waiting one not posted yet is redrawn too: it
    may be on its way with the old words (`question_reads.redrawn_now` waits for it); one
    posted later draws the words as they are then."""
    # Someone made a guest since they were asked reads no words typed after (`may_be_asked`):
    # their DM keeps what they read as a member; one who took it on is its helper.
    offers = [
        o
        for o in offers
        if o.status == "accepted"
        or visibility.may_be_asked(
            is_guest=await people_queries.is_guest(s, question.team_id, o.candidate_user_id)
        )
    ]
    sent = [o for o in offers if o.dm_ts]
    key = f"offer_edited:{edit}"
    waiting = [o for o in offers if o.status == "pending"]
    await _each(s, question, waiting, "question.offer_edited", key, at)
    await _off_their_tabs(s, question, waiting, at)
    for status in {o.status for o in sent} - {"pending"}:
        answered = [o for o in sent if o.status == status]
        if status == "accepted" and question.helper_user_id is not None:
            await helper_on_it(s, question, answered, key, at)
            continue
        for offer in answered:
            note = await ended_note(s, question, offer)
            await _each(s, question, [offer], "question.offer_closed", key, at, note=note)


async def tabs_requoted(s: AsyncSession, question: Question, at: datetime) -> None:
    """The asker's and the helper's Home tabs, which quote the question (their open
    questions, the one they help with), rebuilt: its message was edited, and words taken out
    of it must leave every place askaround shows them, a tab as last published too."""
    await home.changed(s, question.team_id, question.asker_user_id, at)
    if question.helper_user_id:
        await _on_their_tabs(s, question, {question.helper_user_id}, at)


async def connected_requoted(s: AsyncSession, question: Question, at: datetime, why: str) -> None:
    """The message that connected asker and helper, once more: the question's message was
    edited or deleted (`why`: the edit's ts, or "deleted"), and where that message quotes it
    (a group DM of the two, for a question asked in private) it must not go on quoting words
    taken back. Nothing when nobody took it on; one not posted yet is redrawn too once it is
    (`question_reads.redrawn_now`): it may be on its way with the old words."""
    if question.connected_message_ts or question.helper_user_id:
        await _asking_changed(s, question, "question.connected_requoted", why, at)


async def connection_left(
    s: AsyncSession,
    question: Question,
    helper: str,
    connected: tuple[str | None, str | None],
    at: datetime,
) -> None:
    """The message that connected asker and `helper` (at `connected`, which the question,
    released, no longer keeps), once the helper left the workspace: it says so, its Solved
    button gone. Nothing when none was posted."""
    channel, ts = connected
    if channel and ts:
        payload = {"question_id": question.id, "helper": helper, "channel": channel, "ts": ts}
        key = f"question.connection_left:{question.id}:{helper}"
        await outbox.enqueue(
            s, question.team_id, "question.connection_left", payload, key=key, at=at
        )


# What a colleague's request says once it is answered, by how; and once the question moved on
# without them. One taken on says it connected them only once the message introducing them
# was posted (`on_it_note`); until then it is on its way.
CONNECTED = "You're on it: I've connected you."
PAUSE = "`/skills away until friday` pauses my requests."
ANSWERED_NOTES = {
    "accepted": CONNECTED,
    # Someone passing on one request after another learns here how to be asked less.
    "declined": "Thanks for letting me know. Not your area any more? `/skills remove` takes "
    f"a skill off your profile; {PAUSE}",
}


NOT_INTRODUCED = "not_introduced"


def _not_introduced(asker_user_id: str) -> str:
    return (
        "You're on it, but I couldn't introduce you: please reach out to "
        f"<@{asker_user_id}> yourself."
    )


IN_THREAD = "answered_in_thread"
ANSWERED_IN_THREAD = (
    "You answered in the question's thread, so you're on it: I've stopped asking others."
)


async def answered_in_thread(
    s: AsyncSession, question: Question, offer: Offer, at: datetime
) -> None:
    """The helper's request, once they took the question on by answering in its thread: it
    says so (`on_it_note`, for every later redraw too), its buttons gone; their Home tab
    lists it among the questions they help with, as after `connected`."""
    await _each(
        s, question, [offer], "question.offer_closed", IN_THREAD, at,
        note=ANSWERED_IN_THREAD, on_it=True,
    )  # fmt: skip
    await home.changed(s, question.team_id, offer.candidate_user_id, at)


async def on_it_note(s: AsyncSession, question: Question, offer_id: int) -> str:
    """What the helper's request says as the introduction stands: connected once it was
    posted, where it said so while it only waited in the outbox; that they answered in the
    thread, where nobody introduces them (`answered_in_thread`); to reach out themselves
    once it was given up (`not_introduced`); until then, that it is on its way. Each of its
    updates says this when it is sent, so one that lands late says nothing stale."""
    if question.connected_message_ts:
        return CONNECTED
    if await outbox.payload_of(s, question.team_id, f"{IN_THREAD}:{offer_id}") is not None:
        return ANSWERED_IN_THREAD
    if await outbox.keyed_from(s, question.team_id, f"{NOT_INTRODUCED}:{offer_id}"):
        return _not_introduced(question.asker_user_id)
    return f"You're on it: I'm connecting you with <@{question.asker_user_id}>…"


async def helper_on_it(
    s: AsyncSession, question: Question, offers: Sequence[Offer], key: str, at: datetime
) -> None:
    """The helper's request, drawn as the introduction stands when it is sent (`on_it`)."""
    for offer in offers:
        note = await on_it_note(s, question, offer.id)
        await _each(s, question, [offer], "question.offer_closed", key, at, note=note, on_it=True)


MOVED_ON = "This question has moved on — thanks!"
# *Not me* from one asked for their network, or suggested by a colleague: no skill of theirs
# was why, so `/skills remove` would change nothing.
DECLINED_BY_KIND = {
    "connector": "Thanks for letting me know. Nobody you know for this any more? "
    f"`/skills network remove` takes an entry off your network; {PAUSE}",
    "referral": f"Thanks for letting me know. {PAUSE}",
}


def answered_note(status: str, kind: str = "expert") -> str:
    """What a colleague's request says once it ended with `status`, but for its helper's;
    *Not me* as asked (`kind`: for a skill, their network, or suggested)."""
    if status == "declined" and kind in DECLINED_BY_KIND:
        return DECLINED_BY_KIND[kind]
    return ANSWERED_NOTES.get(status, MOVED_ON)


async def note_now(s: AsyncSession, question: Question, offer: Offer) -> str:
    """What a colleague's request that ended says as it stands now, for one drawn again
    from scratch (`offers.offer`, a post found long after): its helper's, as the
    introduction stands; another's, as it ended (passed over when given up: moved on)."""
    if offer.status == "accepted" and question.helper_user_id == offer.candidate_user_id:
        return await on_it_note(s, question, offer.id)
    return await ended_note(s, question, offer)


# The keys of what a request that ended was last told, newest first (`offers_closed`, and
# `asking_passed_over` of the colleague it suggested).
_ENDED_KEYS = ("suggested_passed_over", "offer_closed")


async def ended_note(s: AsyncSession, question: Question, offer: Offer) -> str:
    """What a colleague's request that ended says, drawn again (its question edited): a
    suggestion, declined as a *Not me* is, keeps what it was told ("Thanks: I've asked
    @carol."), where the status alone read "Not your area any more?" to one who had named
    someone else. Other ends say what their status does."""
    if offer.status == "declined":
        for key in _ENDED_KEYS:
            told = await outbox.payload_of(s, question.team_id, f"{key}:{offer.id}")
            if told is not None and told.get("note"):
                return str(told["note"])
    return answered_note(offer.status, offer.kind)


ASKER_LEFT = "The person who asked is no longer in this workspace, so the question is closed."


async def helpers_released(
    s: AsyncSession,
    question: Question,
    offers: Sequence[Offer],
    at: datetime,
    *,
    deleted: bool = False,
    left: bool = False,
) -> None:
    """Tell whoever said "I can help" that they need not any more (the question was
    withdrawn, its message `deleted`, or its asker `left` the workspace)."""
    extra = {"deleted": deleted} | ({"left": True} if left else {})
    await _each(s, question, offers, "question.helper_released", "helper_released", at, **extra)


async def asking_closed(
    s: AsyncSession, question: Question, at: datetime, *, asker_left: bool = False
) -> None:
    """The asker's message saying who is asked, once the question has closed: how it ended,
    in the past tense, its buttons gone. Once per question and way of closing (unanswered,
    it may be solved after). Every way of closing comes here, so the asker's Home tab, which
    lists their open questions, is rebuilt here too (not for an asker who left: nobody
    will open it); nor is the helper's, which lists the questions they help with."""
    await _asking_changed(s, question, "question.asking_closed", question.status, at)
    if not asker_left:
        await home.changed(s, question.team_id, question.asker_user_id, at)
    if question.helper_user_id:
        await _on_their_tabs(s, question, {question.helper_user_id}, at)


async def asking_helper(
    s: AsyncSession, question: Question, helper: str, event: str, at: datetime
) -> None:
    """The asker's message saying who is asked, once `helper` took the question ("connected")
    or was let go ("released"): who helps now, or back to who is asked. Once per helper and
    event; it renders the question as it is when sent, so a late one never undoes a close."""
    await _asking_changed(s, question, "question.asking_helper", f"{helper}:{event}", at)


async def asking_moved(
    s: AsyncSession, question: Question, offers: Sequence[Offer], at: datetime
) -> None:
    """The asker's message saying who is asked, once these colleagues' requests ended
    without them (*Not me*, a suggestion instead, run out): while the question is open it
    names those still asked, so not them. Drawn as `asking_helper` draws it."""
    if offers:
        why = f"moved:{offers[0].id}"
        await _asking_changed(s, question, "question.asking_helper", why, at)


async def asking_reworded(s: AsyncSession, question: Question, at: datetime, why: str) -> None:
    """The asker's message saying who is asked, once why a colleague was asked reads
    otherwise (`why`: they deleted the profile it quoted, `/skills forget me`): drawn again,
    open or closed, where it went on saying "declared X, level 4" of a profile deleted, in a
    thread that may be public, until something else redrew it."""
    closed = question.status not in ("draft", "open", "connected")
    kind = "question.asking_closed" if closed else "question.asking_helper"
    await _asking_changed(s, question, kind, why, at)


async def asking_sent(s: AsyncSession, question: Question, offer: Offer, at: datetime) -> None:
    """The asker's message saying who is asked, once `offer`, which waited for its colleague's
    working day, was sent: it said they would get it then, and they have."""
    await _asking_changed(s, question, "question.asking_helper", f"sent:{offer.id}", at)


async def asking_passed_over(
    s: AsyncSession, question: Question, offer: Offer, at: datetime
) -> None:
    """The asker's message saying who is asked, once `offer`, whose request waited to be sent
    (their working day not begun), was passed over: it said they would get it, and they will
    not. Drawn as `asking_helper` draws it: those still asked. One the asker was told of in a
    message of its own (`question.more`, never drawn again) is told to them as passed over."""
    user = offer.candidate_user_id
    await _asking_changed(s, question, "question.asking_helper", f"{user}:passed_over", at)
    if not await _in_first_list(s, question, offer):
        await _each(s, question, [offer], "question.passed_over", "passed_over", at)
    if offer.kind == "referral" and offer.via_user_id:  # its suggester read they'd get it
        theirs = [
            o
            for o in await offer_q.offers_of(s, question.id)
            if o.candidate_user_id == offer.via_user_id
        ]
        note = f"Thanks: <@{user}> can't be asked now, so they won't get my request after all."
        await _each(
            s, question, theirs, "question.offer_closed", "suggested_passed_over", at, note=note
        )


async def _in_first_list(s: AsyncSession, question: Question, offer: Offer) -> bool:
    """Whether the asker's list (`question.asking`, keyed by its first offer, the question's
    first) named `offer`; those asked later were told in messages of their own."""
    first = min(o.id for o in await offer_q.offers_of(s, question.id))
    key = listed_key("question.asking", question.id, first)
    listed = await outbox.payload_of(s, question.team_id, key)
    return listed is not None and offer.id in listed["offer_ids"]


async def _asking_changed(
    s: AsyncSession, question: Question, kind: str, why: str, at: datetime
) -> None:
    payload = {"question_id": question.id}
    key = f"{kind}:{question.id}:{why}"
    await outbox.enqueue(s, question.team_id, kind, payload, key=key, at=at)


async def _each(
    s: AsyncSession,
    question: Question,
    offers: Sequence[Offer],
    kind: str,
    key: str,
    at: datetime,
    **extra: object,
) -> None:
    """One `kind` message per offer, once each (its outbox key is `key:offer id`)."""
    for offer in offers:
        await outbox.enqueue(
            s,
            question.team_id,
            kind,
            {"offer_id": offer.id, **extra},
            key=f"{key}:{offer.id}",
            at=at,
        )


def connected_key(question_id: int, helper: str) -> str:
    """The outbox key of the reply connecting the asker with `helper`: one per helper, so
    that whoever takes on a question its helper let go (they left) is connected too, where
    one per question left them unintroduced, the first helper's taking its place."""
    return f"question.connected:{question_id}:{helper}"


async def connected(s: AsyncSession, question: Question, helper: str, at: datetime) -> None:
    """The reply connecting the asker with `helper`, who took the question on; once each.
    Their Home tab no longer lists the request (`_off_their_tabs`)."""
    payload = {"question_id": question.id, "helper": helper}
    key = connected_key(question.id, helper)
    await outbox.enqueue(s, question.team_id, "question.connected", payload, key=key, at=at)
    await home.changed(s, question.team_id, helper, at)


async def helper_left(s: AsyncSession, question: Question, helper: str, at: datetime) -> None:
    """The asker told that `helper`, who was helping, left the workspace; once each helper
    (keyed by the question alone, a second helper's leaving was never told)."""
    payload = {"question_id": question.id, "helper": helper}
    key = f"{asker_key('helper_left', question.id)}:{helper}"
    await outbox.enqueue(s, question.team_id, "question.helper_left", payload, key=key, at=at)


def asker_key(kind: str, question_id: int) -> str:
    """The outbox key of the message of this kind about a question (`asker`)."""
    return f"question.{kind}:{question_id}"


async def asker(
    s: AsyncSession, question: Question, kind: str, at: datetime, **extra: object
) -> None:
    """One message about the question to its asker (unanswered, solved) or its
    thread (the bot's replies deleted with it); once per question and kind."""
    await outbox.enqueue(
        s,
        question.team_id,
        f"question.{kind}",
        {"question_id": question.id, **extra},
        key=asker_key(kind, question.id),
        at=at,
    )
