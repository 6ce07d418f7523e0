"""How a colleague's request to help (an offer, in code and tables) is sent through the
outbox: the request in their DM with its buttons, and its edits as the question is edited
and once it ends. Each is rendered from the question as it is now (`question_now`), so a
request waiting for its colleague's working day that was answered meanwhile is not sent."""

from __future__ import annotations

import hashlib
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.profile import Profile
from bot.questions import tell
from bot.questions.views import OfferView, QuestionView
from bot.reliability.delivery import NotYet, refusal_in
from bot.services import Services
from bot.worktime import next_working_moment
from handlers.blocks.elements import Message
from handlers.blocks.offers import render_helper_released, render_offer, render_offer_closed
from handlers.client import marks
from handlers.client.directory import profile_now, stored_profile
from handlers.client.failures import INSTALL_REFUSED, TOKEN_REFUSED, USER_GONE, error_code
from handlers.client.messages import message_link
from handlers.outbox.earlier import found_earlier, posted_earlier
from handlers.outbox.kinds import Delivery, GivenUp
from handlers.outbox.question_reads import names_in, off_hours_now, question_now, redrawn_now


def _working_day_on(services: Services, person: Profile | None) -> None:
    """NotYet until the colleague's working day is on where they are now: queued for its
    start where they were, they may have flown west since."""
    if person is None:
        return
    now, hours = services.clock.now(), services.questions.config.hours
    if (due := next_working_moment(now, person.tz, hours)) > now:
        raise NotYet(due)


async def _permalink(
    client: AsyncWebClient, services: Services, team_id: str, question: QuestionView
) -> str | None:
    """A link to the question's message, for colleagues who can open it: never a private
    question's, whose message is in a conversation the colleague asked is not in. None too
    when Slack has no link to give (the message or its channel gone): the request goes
    without one rather than not at all. Asked of Slack once (`bot.permalinks`)."""
    if not question.message_ts or not visibility.may_link_question(is_private=question.is_private):
        return None
    channel, ts = question.channel_id, question.message_ts
    return await services.permalinks.link(
        team_id, channel, ts, lambda: message_link(client, channel, ts)
    )


async def _met(
    client: AsyncWebClient, services: Services, team_id: str, question: QuestionView, note: str
) -> str | None:
    """The link to where the helper was introduced to the asker, for a note saying they were
    (`tell.CONNECTED`): a thread or a group DM they are in. Asked of Slack once."""
    channel, ts = question.connected_message_channel, question.connected_message_ts
    if note != tell.CONNECTED or not (channel and ts):
        return None
    return await services.permalinks.link(
        team_id, channel, ts, lambda: message_link(client, channel, ts)
    )


async def _request(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    question: QuestionView,
    mine: OfferView,
) -> Message:
    """A colleague's waiting request as it stands now: its buttons, a link, whether it
    finds them off hours and whether it is the first they get."""
    names = await names_in(client, services, team_id, question)
    permalink = await _permalink(client, services, team_id, question)
    off_hours = await off_hours_now(client, services, team_id, mine.candidate_user_id)
    first = await services.questions.first_request(team_id, mine.id)
    return render_offer(question, mine, permalink, names, off_hours, first)


async def offer(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    now = await question_now(services, team_id, payload, client)
    question, mine = now.question, now.offer(int(payload["offer_id"]))
    if mine.dm_ts:
        return  # sent by an earlier attempt whose result was recorded
    if await _posted_unrecorded(client, services, team_id, mine):
        if found_earlier():  # drawn by an earlier attempt, maybe long ago: as it is now
            await _drawn_now(client, services, team_id, payload)
        return
    if mine.status != "pending":
        return  # answered, or the question moved on, before it was due: nothing to ask
    if not visibility.may_send_request(made_private=question.made_private):
        # Its channel made private (or shared) while the request waited for its colleague's
        # morning, or for Slack to take it: they have read nothing of it, and nobody agreed
        # to their reading it. Never sent ("unsent"), not a *Not me* of theirs.
        await services.questions.decline(team_id, mine.id, mine.candidate_user_id, status="unsent")
        return
    person = await stored_profile(client, services, team_id, mine.candidate_user_id)
    if not await services.questions.may_still_ask(team_id, mine.candidate_user_id):
        # A guest chosen while stored as a member, or before Slack described them (a
        # `/skills` makes a row before any look-up); or someone who opted out or went away
        # while their request waited for their morning: passed over, as after *Not me*.
        await services.questions.passed_over(team_id, mine.id, mine.candidate_user_id)
        return
    _working_day_on(services, person)
    message = await _request(client, services, team_id, question, mine)
    try:
        dm = await client.conversations_open(users=mine.candidate_user_id)
    except SlackApiError as error:
        if error_code(error) not in USER_GONE:
            raise
        await _passed_over(client, services, team_id, mine)
        return
    sent = await client.chat_postMessage(channel=dm["channel"]["id"], **message)
    await services.questions.offer_message_sent(team_id, mine.id, sent["channel"], sent["ts"])


async def _posted_unrecorded(
    client: AsyncWebClient, services: Services, team_id: str, mine: OfferView
) -> bool:
    """Whether an earlier attempt posted the request though Slack's answer was lost (a
    timeout, a 5xx after it posted): found by its mark (`marks`) and recorded, before
    anything else is decided. Its question may have moved on since, or been edited or
    deleted; those changes' redraws of it waited for this delivery (`redrawn_now`) and find
    it now. Returning without looking, it stayed as first drawn: its buttons asking, its
    question's words quoted after they were taken back."""
    if not marks.retrying():
        return False
    try:
        dm = await client.conversations_open(users=mine.candidate_user_id)
    except SlackApiError as error:
        if error_code(error) not in USER_GONE:
            raise
        return False
    earlier = await posted_earlier(client, {"channel": dm["channel"]["id"]})
    if earlier is None:
        return False
    await services.questions.offer_message_sent(team_id, mine.id, earlier["channel"], earlier["ts"])
    return True


async def _drawn_now(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The request an earlier attempt posted, found and recorded now, drawn as it ended:
    found after a give-up (`askaround outbox retry`), it was passed over when given up and
    its redraws ran while it was recorded nowhere, its buttons left asking. One still
    waiting is left to the redraws of changes made meanwhile, which waited for it."""
    now = await question_now(services, team_id, payload, client)
    question, mine = now.question, now.offer(int(payload["offer_id"]))
    if not (mine.dm_channel_id and mine.dm_ts) or mine.status == "pending":
        return
    names = await names_in(client, services, team_id, question)
    note = await services.questions.note_now(team_id, mine.id)
    met = await _met(client, services, team_id, question, note)
    message = render_offer_closed(question, note, names, met)
    await client.chat_update(channel=mine.dm_channel_id, ts=mine.dm_ts, **message)


async def _passed_over(
    client: AsyncWebClient, services: Services, team_id: str, mine: OfferView
) -> None:
    """A colleague Slack says has left, though the bot had not heard: remembered as Slack
    now describes them (so they are not chosen again), and their request withdrawn as if
    they had said "Not me", so that the question moves on to someone else. One Slack now
    describes as a member of another organisation is not stored (`profile_now`)."""
    await profile_now(client, services, team_id, mine.candidate_user_id)
    await services.questions.passed_over(team_id, mine.id, mine.candidate_user_id)


async def offer_closed(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    posted_by = tell.request_key(int(payload["offer_id"]))
    now = await redrawn_now(services, team_id, payload, client, posted_by=posted_by)
    question, mine = now.question, now.offer(int(payload["offer_id"]))
    if payload.get("ran_out") and mine.status != "expired":
        return  # answered since it ran out: that answer's own delivery draws it
    if mine.dm_channel_id and mine.dm_ts:
        names = await names_in(client, services, team_id, question)
        note = str(payload["note"])
        if payload.get("on_it"):  # as the introduction stands now, whichever lands last
            note = await services.questions.note_now(team_id, mine.id)
        met = await _met(client, services, team_id, question, note)
        message = render_offer_closed(question, note, names, met)
        if payload.get("posted"):  # its edit given up (`closed_in_a_new_message`)
            await client.chat_postMessage(channel=mine.dm_channel_id, **message)
            return
        await client.chat_update(channel=mine.dm_channel_id, ts=mine.dm_ts, **message)
    # Not posted: the offer's own delivery, if it ever posts, draws it closed (`redrawn_now`).


async def closed_in_a_new_message(
    services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """Slack kept failing to edit a colleague's request to say how it ended until the outbox
    gave it up: its buttons still ask them, so the ending is posted as a message of its own
    in their DM. One given up too is left as it is: nothing more reaches them there."""
    if payload.get("posted"):
        return
    note = str(payload["note"])
    digest = hashlib.sha256(note.encode()).hexdigest()[:16]
    key = f"question.offer_closed:posted:{payload['offer_id']}:{digest}"
    again = {**payload, "posted": True}
    await services.outbox.once(
        team_id, "question.offer_closed", again, key=key, at=services.clock.now()
    )


async def offer_edited(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """A waiting request once its question's message was edited: the same request, quoting
    the edited words. Answered meanwhile (this edit retried after Slack failed it), it is
    left to the answer's own delivery (`offer_closed`), which draws the question as it is now
    with what the answer said ("You're on it: I've connected you.", "Thanks: I've asked
    @bob."), where this drew "This question has moved on" over it, to the one helping too."""
    posted_by = tell.request_key(int(payload["offer_id"]))
    now = await redrawn_now(services, team_id, payload, client, posted_by=posted_by)
    question, mine = now.question, now.offer(int(payload["offer_id"]))
    if not (mine.dm_channel_id and mine.dm_ts) or mine.status != "pending":
        return
    message = await _request(client, services, team_id, question, mine)
    # Answered while this was drawn (Slack slow to describe someone the question names): the
    # answer's own redraw has landed, or follows this in the DM's turn; this one, its buttons
    # asking again, landed over it.
    if (await question_now(services, team_id, payload)).offer(mine.id).status != "pending":
        return
    await client.chat_update(channel=mine.dm_channel_id, ts=mine.dm_ts, **message)


async def helper_released(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    now = await question_now(services, team_id, payload, client)
    helper = now.offer(int(payload["offer_id"])).candidate_user_id
    dm = await client.conversations_open(users=helper)
    await client.chat_postMessage(
        channel=dm["channel"]["id"],
        **render_helper_released(
            now.question, deleted=bool(payload.get("deleted")), left=bool(payload.get("left"))
        ),
    )


async def request_given_up(services: Services, team_id: str, payload: dict[str, Any]) -> None:
    refused = refusal_in(payload)
    await services.questions.request_given_up(team_id, int(payload["offer_id"]), refused=refused)


# A request Slack refuses for the install's sake where the asker can still be told (a scope
# it lacks for DMs, DMs suspended by the workspace's admins) is given up at once, not kept for
# `askaround outbox retry`: its asker, told who is asked, would wait on it unseen. One whose
# token Slack refuses (`TOKEN_REFUSED`) waits for the fix as everything else does: nothing
# reaches the asker either meanwhile, and once the token is fixed the retry asks them.
GIVEN_UP_WHEN_REFUSED: dict[str, frozenset[str]] = {
    "question.offer": INSTALL_REFUSED - TOKEN_REFUSED,
}
GIVEN_UP: dict[str, GivenUp] = {
    "question.offer": request_given_up,
    "question.offer_closed": closed_in_a_new_message,
}
DELIVERIES: dict[str, Delivery] = {
    "question.offer": offer,
    "question.offer_closed": offer_closed,
    "question.offer_edited": offer_edited,
    "question.helper_released": helper_released,
}
