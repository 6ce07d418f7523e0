"""How each question message in the outbox is sent: rendered from the question as it is now
(`QuestionService.now`), so a request waiting for its colleague's working day that was
answered, or whose question moved on, meanwhile is not sent at all. Here what the asker
is told; the reads every question message shares are in `question_reads.py`, where a message
to the asker is posted in `asker_posts.py`, and what a colleague asked to help is sent (their
request, and how it ended) in `offers.py`."""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.questions import tell
from bot.questions.rounds import BECAME
from bot.questions.views import QuestionNow, QuestionView
from bot.reliability.delivery import refusal_in
from bot.services import Services
from handlers.blocks.question_ends import render_helper_left, render_solved, render_unanswered
from handlers.blocks.questions import (
    in_dm_instead,
    render_asking_elsewhere,
    render_connected,
    render_more,
    render_passed_over,
)
from handlers.client import marks
from handlers.client.conversations import group_dm_of, private_now
from handlers.client.directory import membership_unsaid
from handlers.client.failures import USER_GONE, error_code, is_transient
from handlers.client.messages import delete_own_replies, update_message
from handlers.outbox import asking_told
from handlers.outbox.asker_posts import (
    asker_alone,
    post_in_thread,
    tell_asker,
    thread_closed_to_asker,
    thread_first,
    told_alone,
)
from handlers.outbox.asking_told import asking_anew, drawn_asking, listed
from handlers.outbox.earlier import found_earlier, posted_earlier
from handlers.outbox.kinds import Delivery, GivenUp
from handlers.outbox.question_reads import (
    first_start,
    left_now,
    names_in,
    names_of,
    off_hours_now,
    question_now,
    unless_posting,
)

ASKING = "question.asking"  # the message telling the asker whom the first round asks


async def asking(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    now = await question_now(services, team_id, payload, client)
    question = now.question
    if question.asker_message_channel:
        return  # sent by an earlier attempt whose result was recorded
    chosen = [o for o in now.offers if o.id in set(payload["offer_ids"])]
    if payload.get("in_dm") or question.status not in ("draft", "open"):
        # Given up in the thread a while ago, or sent once the question had moved on (retried
        # after Slack refused it until fixed): drawn as it is now, those asked being those
        # whose request was sent.
        chosen = listed(now)
    alone = told_alone(question, payload)
    message = await drawn_asking(client, services, team_id, now, chosen, alone=alone)
    channel, ts = await tell_asker(client, question, message, payload)
    await services.questions.asker_message_sent(question.id, channel, ts)
    if ts and found_earlier():  # drawn by an earlier attempt, maybe long ago: as it is now
        again = await question_now(services, team_id, payload, client)
        await _update_asking(client, services, team_id, again)
        return
    await _again_if_changed(client, services, team_id, now)


async def asking_closed(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The asker's message saying who is asked, once the question closed: who was asked
    and how it ended; and the reply that connected asker and helper, how it ended instead of
    its Solved button. Not sent yet: its own delivery renders it closed."""
    now = await _redrawn_for_asker(client, services, team_id, payload, connected=True)
    await _update_asking(client, services, team_id, now)
    await _update_connected(client, services, team_id, now.question)


async def connected_requoted(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The reply that connected asker and helper, once the question's message was edited or
    deleted: it quotes the question as it is now (in a group DM; in the question's own thread
    it quotes nothing), nothing once its words are blanked."""
    await unless_posting(services, team_id, *await _connecting(services, team_id, payload))
    now = await question_now(services, team_id, payload, client)
    await _update_connected(client, services, team_id, now.question)


async def _connecting(services: Services, team_id: str, payload: dict[str, Any]) -> list[str]:
    """The key of the delivery posting the reply that connects the asker with whoever helps
    now, which a redraw of that reply waits for (`redrawn_now`); none when nobody helps."""
    return _connecting_key((await question_now(services, team_id, payload)).question)


def _connecting_key(question: QuestionView) -> list[str]:
    helper = question.helper_user_id
    return [tell.connected_key(question.id, helper)] if helper else []


async def _update_connected(
    client: AsyncWebClient, services: Services, team_id: str, question: QuestionView
) -> None:
    channel, ts, helper = (
        question.connected_message_channel,
        question.connected_message_ts,
        question.helper_user_id,
    )
    if not (channel and ts and helper) or thread_closed_to_asker(question, channel):
        return  # in a thread closed to the asker since, it says no more (how it ended)
    names = await names_in(client, services, team_id, question)
    # Closed, handed on or edited again while its names were asked of Slack (someone the
    # question names, not stored): the change's own redraw may have landed already, and this
    # one, drawn before it (Solved again), would land over it. Drawn as it is now instead.
    now = await question_now(services, team_id, {"question_id": question.id}, client)
    if now.question != question:
        await _update_connected(client, services, team_id, now.question)
        return
    message = render_connected(question, helper, names, quoted=channel != question.channel_id)
    await update_message(client, channel, ts, message)


async def asking_helper(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The asker's message saying who is asked, once someone took the question or was let go,
    said *Not me* or let their request run out, or one whose request waited for their morning
    was passed over: who helps now, or who is asked now. A question closed since is left to
    its own update (`asking_closed`); one that closed or changed hands while this update was
    on its way is updated again, lest this one land over the newer text."""
    now = await _redrawn_for_asker(client, services, team_id, payload)
    if now.question.status not in ("open", "connected"):
        return
    await _update_asking(client, services, team_id, now)
    await _again_if_changed(client, services, team_id, now)


async def _redrawn_for_asker(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    payload: dict[str, Any],
    *,
    connected: bool = False,
) -> QuestionNow:
    """The question as it is now, for a redraw of the message telling its asker who is asked
    (and, `connected`, the one connecting them with their helper); put back while the
    delivery posting either may have posted it unrecorded (its answer lost: `redrawn_now`),
    lest this redraw find no message and that one's retry take its first post, drawn before
    this change, as it stands. The asking message given up in the thread is posted to the
    asker's DM by a delivery of its own (`_in_dm_instead`): waited for as well."""
    before = await question_now(services, team_id, payload)
    posting = _connecting_key(before.question) if connected else []
    if asking := _asking_key(before):
        posting.append(asking)
        if (told := await services.outbox.payload_of(team_id, asking)) is not None:
            posting.append(_in_dm_key(ASKING, before.question.id, told))
    await unless_posting(services, team_id, *posting)
    return await question_now(services, team_id, payload, client)


def _asking_key(now: QuestionNow) -> str | None:
    """The outbox key of the message telling the asker whom the first round asks, keyed by
    the question's first offer (`tell.listed_key`); None before anyone was asked."""
    if not now.offers:
        return None
    return tell.listed_key(ASKING, now.question.id, min(o.id for o in now.offers))


async def _after_the_list(services: Services, team_id: str, now: QuestionNow) -> None:
    """`NotYet` while the asker's list of whom the question asks is still to be posted: what
    follows it (who took the question on, who else is asked, that nobody could help) is not
    told above it. Slack holding the list back (a rate limit, its 5xx) while colleagues
    answered in their DMs posted "can help with your question", or "3 passed on it", in the
    thread above "I asked 3 colleagues"."""
    if not now.question.asker_message_channel and (asking := _asking_key(now)):
        await unless_posting(services, team_id, asking, untried_too=True)


async def _again_if_changed(
    client: AsyncWebClient, services: Services, team_id: str, shown: QuestionNow
) -> None:
    """The asking message once more, when the question's state or helper changed since `shown`
    was read: that change's own update may have landed first, or found no message yet."""
    again = await question_now(services, team_id, {"question_id": shown.question.id}, client)
    if _holder(again) != _holder(shown):
        await _update_asking(client, services, team_id, again)


def _holder(now: QuestionNow) -> tuple[str, str | None]:
    return now.question.status, now.question.helper_user_id


async def _update_asking(
    client: AsyncWebClient, services: Services, team_id: str, now: QuestionNow
) -> None:
    """The asking message drawn from `now`: asking, those still asked; otherwise all who
    were, that is whose request was sent (one closed while it waited for its colleague's
    morning never was). Not sent yet: its own delivery draws it as the question is then."""
    question = now.question
    if not question.asker_message_channel:
        return
    if not question.asker_message_ts:  # told in an ephemeral: told anew while it goes on
        await asking_anew(client, services, team_id, now)
        return
    offers = listed(now)
    if thread_closed_to_asker(question, question.asker_message_channel):
        await update_message(
            client,
            question.asker_message_channel,
            question.asker_message_ts,
            render_asking_elsewhere(question),
        )
        message = await drawn_asking(client, services, team_id, now, offers, alone=True)
        channel, ts = await tell_asker(client, question, message, {})
        await services.questions.asker_message_sent(question.id, channel, ts)
        return
    alone = asker_alone(question, question.asker_message_channel)
    message = await drawn_asking(client, services, team_id, now, offers, alone=alone)
    if _asking_in_dm_instead(question):
        message = in_dm_instead(question, message)
    await update_message(client, question.asker_message_channel, question.asker_message_ts, message)


def _asking_in_dm_instead(question: QuestionView) -> bool:
    """Whether the asking message went to the asker's DM though its place was the question's
    thread (given up there, `_in_dm_instead`, or the thread took no more posts, `tell_asker`):
    drawn again, it keeps saying which question it is about."""
    return question.asker_message_channel != question.channel_id and thread_first(question)


async def more(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """Whom the question went to next. Sent to the asker's DM once given up in the thread, a
    round of retries later, it names only those still asked, and goes only while the
    question is open: one since taken, closed, or whose colleagues all answered, is told by
    its own messages."""
    now = await question_now(services, team_id, payload, client)
    question = now.question
    asked = [o for o in now.offers if o.id in set(payload["offer_ids"])]
    if payload.get("in_dm"):
        asked = [o for o in asked if o.status == "pending" and question.status == "open"]
        if not asked:
            return
    people = [o.candidate_user_id for o in asked]
    names = await names_of(client, services, team_id, people)
    waiting = [u for u in people if await off_hours_now(client, services, team_id, u)]
    later = [o for o in asked if o.candidate_user_id in waiting]
    starts = await first_start(client, services, team_id, later)
    alone = told_alone(question, payload)
    message = render_more(asked, waiting, names, asker_alone=alone, starts=starts)
    await tell_asker(client, question, message, payload)


async def passed_over(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """A colleague the asker was told would get the request when their working day starts,
    passed over before it did (`QuestionService.may_still_ask`). Sent to the asker's DM once
    given up in the thread, it goes only while the question is open: one since taken or
    closed is told by its own messages."""
    now = await question_now(services, team_id, payload, client)
    if payload.get("in_dm") and now.question.status != "open":
        return
    mine = now.offer(int(payload["offer_id"]))
    names = await names_of(client, services, team_id, [mine.candidate_user_id])
    alone = told_alone(now.question, payload)
    message = render_passed_over(mine, names, asker_alone=alone)
    await tell_asker(client, now.question, message, payload)


async def connected(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """Public questions get a thread mention; private ones, and those whose thread takes no
    more posts, a group DM of the two. Nothing once the helper was released before it went
    (they left the workspace, `leaving`): there is nobody to connect the asker with, who is
    told they left (`helper_left`) and whose question goes on to someone else; what an
    earlier attempt posted, its answer lost, says they left (`_ended_unrecorded`). A retry,
    seconds to minutes after the helper took it on, asks Slack first whether asker and
    helper are still here (`left_now`): one deactivated meanwhile is heard of then, as the
    bot does once Slack's `user_change` comes (it may come after the retry, or never), and
    the retry posts nothing, what was posted drawn as it ended (the helper left, or the
    question closed with its asker gone). Before, it introduced someone gone, and Slack would
    not open a group DM with them (`user_disabled`), leaving what the lost answer posted with
    its Solved button for good."""
    now = await question_now(services, team_id, payload, client)
    question = now.question
    helper = _introduced(question, payload)
    if helper is None or helper != question.helper_user_id:
        await _ended_unrecorded(client, services, team_id, question, helper)
        return
    if question.connected_message_ts:
        return  # sent by an earlier attempt whose result was recorded
    await _after_the_list(services, team_id, now)
    if await _left_before(client, services, team_id, question, helper):
        again = (await question_now(services, team_id, payload, client)).question
        await _ended_unrecorded(client, services, team_id, again, helper)
        return
    names = await names_in(client, services, team_id, question)
    if not (
        _in_thread(question)
        and (
            posted := await post_in_thread(
                client, question, render_connected(question, helper, names, quoted=False)
            )
        )
    ):
        try:
            group = await client.conversations_open(users=f"{question.asker_user_id},{helper}")
        except SlackApiError as error:
            # Deactivated before the bot heard, on a first try too: heard of now, as above.
            gone = error_code(error) in USER_GONE
            if not (gone and await _either_left(client, services, team_id, question, helper)):
                raise
            return
        sent = await client.chat_postMessage(
            channel=group["channel"]["id"], **render_connected(question, helper, names)
        )
        posted = sent["channel"], sent["ts"]
    if not await services.questions.connected_message_sent(team_id, question.id, *posted, helper):
        await _draw(client, services, team_id, question, helper, *posted, left=True)  # let go since
        return
    # Closed while this was on its way: the close's own update may have found no message yet.
    # Taken from an earlier attempt (`found_earlier`): drawn then, perhaps before a change.
    again = (await question_now(services, team_id, {"question_id": question.id}, client)).question
    if again.status != question.status or found_earlier():
        await _update_connected(client, services, team_id, again)


def _introduced(question: QuestionView, payload: dict[str, Any]) -> str | None:
    """Whom the connecting reply introduces: its payload's helper (one queued before
    6 December names none: the question's helper)."""
    helper = payload.get("helper")
    return str(helper) if helper else question.helper_user_id


def _in_thread(question: QuestionView) -> bool:
    """Whether asker and helper are introduced in the question's thread (else a group DM)."""
    return bool(
        visibility.introduced_in_thread(is_private=question.is_private)
        and question.thread_ts
        and question.source != "command"
    )


async def _left_before(
    client: AsyncWebClient, services: Services, team_id: str, question: QuestionView, helper: str
) -> bool:
    """Whether the introduction would go to someone who left the workspace: asked of both on
    a retry (`_either_left`); on a first try in a thread, of the asker alone. Slack posts in
    a thread whoever it mentions, where a group DM refuses someone gone (`user_disabled`),
    and the asker may have left at any time since asking, their `user_change` lost, where the
    helper took the question on a moment ago. One users.info a thread introduction."""
    if marks.retrying():
        return await _either_left(client, services, team_id, question, helper)
    return _in_thread(question) and await left_now(
        client, services, team_id, question.asker_user_id
    )


async def _either_left(
    client: AsyncWebClient, services: Services, team_id: str, question: QuestionView, helper: str
) -> bool:
    """Whether Slack says the asker or the helper left the workspace, each heard of then
    (`left_now`): the asker first, lest a question whose asker is gone go on to someone else
    for a while."""
    asker_left = await left_now(client, services, team_id, question.asker_user_id)
    return await left_now(client, services, team_id, helper) or asker_left


async def _ended_unrecorded(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    question: QuestionView,
    helper: str | None,
) -> None:
    """The reply connecting the asker with `helper`, let go (they left) before this retry,
    or whose asker left: an earlier attempt may have posted it, its answer lost, and the
    question (open again, or closed) kept nowhere to say how it ended. Found by its mark
    where it would have gone and drawn so; a group DM, which Slack will not open with
    someone deactivated, is looked for among the bot's own (`group_dm_of`)."""
    if helper is None or not marks.retrying():
        return
    if _in_thread(question):
        where = {"channel": question.channel_id, "thread_ts": question.thread_ts}
    else:
        people = (question.asker_user_id, helper)
        try:
            group = await client.conversations_open(users=",".join(people))
            channel: str | None = group["channel"]["id"]
        except SlackApiError as error:
            if is_transient(error):
                raise
            if error_code(error) not in USER_GONE:
                return
            channel = await group_dm_of(client, people)
        if channel is None:
            return
        where = {"channel": channel}
    if (earlier := await posted_earlier(client, where)) is not None:
        channel, ts = str(earlier["channel"]), str(earlier["ts"])
        left = helper != question.helper_user_id
        await _draw(client, services, team_id, question, helper, channel, ts, left=left)


async def connection_left(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The reply that connected asker and helper, once the helper left the workspace: its
    place is in the payload, the question, open again, no longer having it."""
    question = (await question_now(services, team_id, payload, client)).question
    helper, channel, ts = str(payload["helper"]), str(payload["channel"]), str(payload["ts"])
    await _draw(client, services, team_id, question, helper, channel, ts, left=True)


async def _draw(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    question: QuestionView,
    helper: str,
    channel: str,
    ts: str,
    *,
    left: bool,
) -> None:
    """The reply at `channel`, `ts` that connected the asker with `helper`, drawn as the
    question is now: once `helper` left, saying so, without its button; once it closed, how
    it ended."""
    quoted = channel != question.channel_id  # in its thread, the question is right above
    names = await names_in(client, services, team_id, question) if quoted else {}
    said = render_connected(question, helper, names, quoted=quoted, left=left)
    await update_message(client, channel, ts, said)


async def helper_left(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    question = (await question_now(services, team_id, payload, client)).question
    helper = str(payload["helper"])
    names = await names_of(client, services, team_id, [helper])
    await tell_asker(client, question, render_helper_left(question, helper, names), payload)


async def unanswered(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    question = (await question_now(services, team_id, payload, client)).question
    asked = private_now(client, services.conversations.of(team_id))
    channels = await services.questions.still_public(
        team_id, list(payload.get("channels", [])), asked
    )
    unsent = int(payload.get("unsent", 0))
    became: dict[str, int] = {k: int(payload[k]) for k in BECAME if k in payload}
    chosen = int(payload.get("chosen", unsent))
    refused = refusal_in(payload)
    unsaid = await membership_unsaid(client, list(payload.get("guests", [])))
    message = render_unanswered(
        question,
        channels,
        unsent,
        chosen,
        became,
        refused=refused,
        unsaid=unsaid,
        matched=not payload.get("unmatched"),
        meant=list(payload.get("meant", [])),
        guest=bool(payload.get("asker_guest")),
    )
    await tell_asker(client, question, message, payload)


async def solved(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    question = (await question_now(services, team_id, payload, client)).question
    helper = question.helper_user_id
    names = None
    if helper and not told_alone(question, payload):
        names = await names_of(client, services, team_id, [helper])
    await tell_asker(client, question, render_solved(question, helper, names), payload)


async def replies_deleted(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The question's message was deleted: the bot's replies in its thread (the asking list,
    its Withdraw button, the connection) are about a question nobody can read now."""
    question = (await question_now(services, team_id, payload, client)).question
    if question.thread_ts:
        await delete_own_replies(client, question.channel_id, question.thread_ts)


async def introduction_given_up(services: Services, team_id: str, payload: dict[str, Any]) -> None:
    question = (await question_now(services, team_id, payload)).question
    if (helper := _introduced(question, payload)) is not None:
        await services.questions.introduction_given_up(team_id, question.id, helper)


def _in_dm_instead(kind: str) -> GivenUp:
    """Slack kept failing a `kind` message to the asker in their question's thread until the
    outbox gave it up: it goes to their DM instead, lest they hear nothing of their question.
    One given up in the DM is left to the Home tab and `/ask mine`, which read the question
    as it is."""

    async def given_up(services: Services, team_id: str, payload: dict[str, Any]) -> None:
        if payload.get("in_dm"):
            return
        question = (await question_now(services, team_id, payload)).question
        if not thread_first(question):
            return  # it was for their DM already
        again = {**payload, "in_dm": True}
        key = _in_dm_key(kind, question.id, payload)
        await services.outbox.once(team_id, kind, again, key=key, at=services.clock.now())

    return given_up


async def _question_id(services: Services, team_id: str, payload: dict[str, Any]) -> int:
    """The question a delivery is about: named in its payload, else read through its offer's.
    The delivery reads it as it is now anyway, once it goes."""
    if "question_id" in payload:
        return int(payload["question_id"])
    return (await question_now(services, team_id, payload)).question.id


def _in_dm_key(kind: str, question_id: int, payload: dict[str, Any]) -> str:
    which = payload.get("offer_ids", payload.get("offer_id", payload.get("helper", "")))
    return f"{kind}:in_dm:{question_id}:{which}"


def _unless_told_in_dm(kind: str, delivery: Delivery) -> Delivery:
    """`delivery`, unless it was given up in the thread and sent to the asker's DM instead
    (`_in_dm_instead`): retried later (`askaround outbox retry`), it posts nothing, lest the
    asker be told twice, the second time in the thread."""

    async def deliver(
        client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
    ) -> None:
        if not payload.get("in_dm"):
            key = _in_dm_key(kind, await _question_id(services, team_id, payload), payload)
            if await services.outbox.queued(team_id, key):
                return
            if kind != ASKING:
                await _after_the_list(
                    services, team_id, await question_now(services, team_id, payload)
                )
        await delivery(client, services, team_id, payload)

    return deliver


# What a delivery the outbox gives up on does instead, to keep what its words promised.
# Those told to the asker (`tell_asker`) go to their DM instead, and a retry of one that
# did posts nothing.
TOLD_ASKER: dict[str, Delivery] = {
    ASKING: asking,
    "question.more": more,
    "question.passed_over": passed_over,
    "question.helper_left": helper_left,
    "question.unanswered": unanswered,
    "question.solved": solved,
}
GIVEN_UP = {
    "question.connected": introduction_given_up,
    **{kind: _in_dm_instead(kind) for kind in TOLD_ASKER},
}
DELIVERIES = {
    "question.asking_closed": asking_closed,
    "question.asking_helper": asking_helper,
    "question.connected": connected,
    "question.connected_requoted": connected_requoted,
    "question.connection_left": connection_left,
    "question.replies_deleted": replies_deleted,
    **asking_told.DELIVERIES,
    **{kind: _unless_told_in_dm(kind, delivery) for kind, delivery in TOLD_ASKER.items()},
}
