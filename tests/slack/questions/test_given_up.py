"""Question messages Slack keeps failing (5xx) until the outbox gives them up: what their
words promised is kept, or taken back, as when a kudos shout-out is given up."""

from __future__ import annotations

import pytest

from bot.questions.policy import RoutingConfig
from slack_emulator import Message
from storage import offers as offer_q
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import (
    QUESTION,
    ask,
    decline_everyone,
    offer_dm,
    rows,
    suggest,
)

# Where nothing happens between a failing delivery's tries and the `drain` that runs them out,
# the outbox gives it up after three, not twelve (`gives_up_sooner`): the same end, nine tries
# fewer. Not where someone acts while a delivery is retried: a `settle` between runs the
# first tries, which are seconds apart, and three would end before that act.
given_up_sooner = pytest.mark.usefixtures("gives_up_sooner")


@given_up_sooner
async def test_a_helper_is_not_told_they_were_connected_when_the_introduction_never_went(
    slack: SlackHarness,
) -> None:
    """Dev takes Alice's question; Slack fails every post in #general, where the thread is,
    until the outbox gives the introduction up: Dev's request no longer says he was
    connected, but that he should reach out to Alice himself."""
    await ask(slack)
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()  # through every retry's backoff, until the outbox gives it up
    said = str(offer_dm(slack, "dev").blocks)
    assert "I've connected you" not in said, said
    assert f"reach out to <@{slack.user('alice')}> yourself" in said, said


@given_up_sooner
async def test_requests_slack_never_took_are_passed_over_not_said_to_be_asked(
    slack: SlackHarness,
) -> None:
    """Slack fails every DM the bot opens until the outbox gives each request up: nobody got
    Alice's question, so her list stops saying she is asking them, and, with nobody else who
    knows, she is told the truth: Slack would not deliver her request to anyone, not that
    nobody was available."""
    slack.emu.faults.add("conversations.open", status=503, times=None)
    asked = await ask(slack)
    await slack.drain()  # through every retry's backoff, until the outbox gives them up
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    said = " | ".join(f"{m.text} {m.blocks}" for m in thread if m.bot_id)
    assert "I'm asking" not in said, said
    assert "I asked nobody: the colleagues I chose had yet to get my request." in said
    assert "couldn't find anyone available" not in said, said
    assert "Slack kept failing to deliver my request for question #1" in said, said
    assert "so nobody got it" in said, said
    assert "closed without a helper" not in said, said  # the list's end: nobody was asked to
    async with slack.services.sessions() as s:  # no answer of Dev's counted: he never got it
        counted = await offer_q.responsiveness(s, slack.team_id, [slack.user("dev")])
    assert counted == {}, counted


async def test_nobody_available_names_the_requests_slack_never_delivered(
    slack: SlackHarness,
) -> None:
    """Slack fails every DM to everyone but Dev: Dev says Not me, the others' requests are
    given up. Alice is told that Dev, asked, passed on it, and that Slack never
    delivered her request to the others: not that nobody could be found."""
    for handle, user in slack.users.items():
        if handle not in ("alice", "dev"):
            im = slack.emu.workspace.open_im(user).id
            slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=im)
    asked = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_decline", message=offer_dm(slack, "dev"))
    await slack.drain()
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    said = " | ".join(f"{m.text} {m.blocks}" for m in thread if m.bot_id)
    assert "I asked 1 colleague about question #1, who passed on it; " in said, said
    assert "Slack kept failing to deliver my request to " in said, said
    assert ", and there is nobody else I can ask." in said, said


def _told_alice(slack: SlackHarness) -> str:
    return " | ".join(f"{m.text} {m.blocks}" for m in slack.emu.dm_messages(slack.user("alice")))


@given_up_sooner
async def test_an_asker_whose_thread_slack_keeps_failing_is_told_in_a_dm(
    slack: SlackHarness,
) -> None:
    """Slack fails every post in #general, where Alice asked, until the outbox gives up her
    list of who is asked: she is told in her DM instead, which names the question, rather than
    hearing nothing."""
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await ask(slack)
    await slack.drain()
    said = _told_alice(slack)
    assert "privately whether they can help" in said, said
    assert "Question #1" in said and slack.channel("general") in said, said


async def test_nobody_found_is_told_in_a_dm_when_the_thread_keeps_failing(
    slack: SlackHarness,
) -> None:
    """Everyone says Not me while Slack fails every post in #general: that nobody could be
    found, given up in the thread, reaches Alice in her DM."""
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await ask(slack)
    await decline_everyone(slack)
    await slack.drain()
    said = _told_alice(slack)
    assert "I asked 3 colleagues about question #1: 3 passed on it" in said, said


async def _dev_takes_it_while_bobs_edits_fail(slack: SlackHarness) -> Message:
    """Alice asks, Slack fails every edit in Bob's DM, and Dev takes the question: Bob's
    request, returned, is left showing its buttons."""
    im = slack.emu.workspace.open_im(slack.user("bob")).id
    slack.emu.faults.add("chat.update", status=503, times=None, channel=im)
    await ask(slack)
    request = offer_dm(slack, "bob")
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    return request


@given_up_sooner
async def test_a_request_whose_closing_edit_slack_keeps_failing_is_closed_in_a_new_message(
    slack: SlackHarness,
) -> None:
    """Dev takes Alice's question while Slack fails every edit in Bob's DM: Bob's request,
    still showing its buttons, cannot be edited to say Dev is on it, so once the outbox gives
    the edit up Bob is told in a new message, rather than left thinking he is still asked."""
    request = await _dev_takes_it_while_bobs_edits_fail(slack)
    await slack.drain()
    last = offer_dm(slack, "bob")
    assert last.ts != request.ts, last
    assert f"<@{slack.user('dev')}> is on it" in last.text, last.text


async def test_a_later_round_slack_keeps_failing_in_the_thread_is_told_in_a_dm(
    slack: SlackHarness,
) -> None:
    """One colleague a round: the first says Not me while Slack fails every post in #general,
    so the message saying whom the question went to next, given up in the thread, reaches
    Alice in her DM."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await ask(slack)
    _question, first = await rows(slack)
    for offer in first:
        handle = next(h for h, u in slack.users.items() if u == offer.candidate_user_id)
        await slack.emu.click(
            offer.candidate_user_id, "offer_decline", message=offer_dm(slack, handle)
        )
    await slack.drain()
    _question, offers = await rows(slack)
    assert len(offers) > len(first), offers  # a second round
    said = _told_alice(slack)
    assert "also ask" in said, said


@pytest.mark.parametrize("pressed", ["offer_accept", "offer_decline", "offer_refer"])
async def test_a_button_pressed_on_a_request_left_open_is_told_who_is_on_it(
    slack: SlackHarness, pressed: str
) -> None:
    """Dev takes Alice's question while Slack fails every edit in Bob's DM, so Bob's request
    still shows its buttons; Bob presses I can help, or Not me, or suggests Carol, on it: he
    is told Dev is on it, where the press did nothing he could see."""
    request = await _dev_takes_it_while_bobs_edits_fail(slack)
    await slack.settle()
    carol = slack.user("carol") if pressed == "offer_refer" else None
    await slack.emu.click(slack.user("bob"), pressed, message=request, selected_user=carol)
    await slack.settle()
    told = [e.text for e in slack.emu.ephemerals(slack.user("bob"))]
    assert any(f"<@{slack.user('dev')}> is on it" in t for t in told), told


async def test_a_retry_posts_nothing_in_the_thread_the_asker_was_told_in_their_dm(
    slack: SlackHarness,
) -> None:
    """One colleague a round, each saying Not me, while Slack fails every post in #general:
    who is asked, who more and that nobody was found are all given up in the thread and sent
    to Alice's DM (who more, found there to have said Not me since, are left out). Slack well
    again, `askaround outbox retry` posts none of them in the thread as well: she was told,
    once."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    asked = await ask(slack)
    await decline_everyone(slack)
    await slack.drain()
    said = _told_alice(slack)
    assert "passed on it, and there is nobody else I can ask" in said, said

    slack.emu.faults.clear()  # Slack is well again; the operator retries what failed
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    thread = [m for m in slack.emu.messages(general) if m.thread_ts == asked.ts and m.bot_id]
    assert thread == [], thread
    assert _told_alice(slack) == said


@given_up_sooner
@pytest.mark.postgres_too
async def test_the_list_sent_to_the_dm_instead_keeps_its_heading_when_it_is_updated(
    slack: SlackHarness,
) -> None:
    """Slack fails every post in #general, so Alice's list of who is asked goes to her DM,
    headed with the question it is about; Bob then says Not me, and the list, drawn again
    without him, still says which question and channel it is about."""
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await ask(slack)
    await slack.drain()
    await slack.emu.click(slack.user("bob"), "offer_decline", message=offer_dm(slack, "bob"))
    await slack.drain()
    lists = [m for m in slack.emu.dm_messages(slack.user("alice")) if "privately" in m.text]
    assert len(lists) == 1 and lists[0].edited_ts, lists
    heading = f"About question #1 in <#{slack.channel('general')}>"
    assert heading in lists[0].text and heading in str(lists[0].blocks), lists[0]
    assert slack.user("bob") not in str(lists[0].blocks), lists[0]


async def _decline_pending(slack: SlackHarness) -> None:
    """Whoever is asked now says Not me."""
    _question, offers = await rows(slack)
    for offer in (o for o in offers if o.status == "pending"):
        handle = next(h for h, u in slack.users.items() if u == offer.candidate_user_id)
        await slack.emu.click(
            offer.candidate_user_id, "offer_decline", message=offer_dm(slack, handle)
        )
    await slack.settle()


async def test_who_more_sent_to_the_dm_instead_leaves_out_who_said_not_me_meanwhile(
    slack: SlackHarness,
) -> None:
    """One colleague a round, while Slack fails every post in #general: the first says Not
    me, so Alice is to hear whom it went to next; while Slack keeps failing that, the second
    says Not me too. Given up, it reaches her DM as the question is by then: she is not told
    the second was also asked, as if they might still help, but only of the third."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await ask(slack)
    await _decline_pending(slack)  # the first
    await _decline_pending(slack)  # the second, while Alice's "also asked" is retried
    await slack.drain()
    _question, offers = await rows(slack)
    assert [o.status for o in offers] == ["declined", "declined", "pending"], offers
    more = [m for m in slack.emu.dm_messages(slack.user("alice")) if "also ask" in m.text]
    assert len(more) == 1, more


@pytest.mark.parametrize("closed", [False, True])
async def test_i_can_help_pressed_after_not_me_says_what_became_of_the_question(
    slack: SlackHarness, closed: bool
) -> None:
    """Bob says *Not me* while Slack fails every edit in his DM, so his request keeps its
    buttons; then presses *I can help* on it. He was told "You said *Not me* to this question
    already, so I've asked others": his *Not me* asked nobody (Dev and Maria were asked with
    him), and once everyone else passed too the question had closed. He is told he passed,
    and where the question stands: asked of others, or closed."""
    bob = slack.user("bob")
    slack.emu.faults.add("chat.update", status=503, times=None, channel=open_im(slack, bob))
    await ask(slack)
    request = offer_dm(slack, "bob")
    await slack.emu.click(bob, "offer_decline", message=request)
    await slack.settle()
    if closed:
        await decline_everyone(slack)
    question, offers = await rows(slack)
    assert question.status == ("unanswered" if closed else "open")
    assert closed or len(offers) == 3  # nobody more was asked after Bob's *Not me*
    await slack.emu.click(bob, "offer_accept", message=request)
    await slack.settle()
    told = slack.emu.ephemerals(bob)[-1].text
    assert "asked others" not in told, told
    if closed:
        assert told == f"You passed on question #{question.id} already; it has closed since."
    else:
        alice = slack.user("alice")
        assert told == (
            f"You passed on question #{question.id} already; others are asked about it. "
            f"If you can help after all, tell <@{alice}>."
        ), told


def open_im(slack: SlackHarness, user: str) -> str:
    return str(slack.emu.workspace.open_im(user).id)


@given_up_sooner
async def test_suggesting_someone_slack_never_delivered_the_request_to_says_so(
    slack: SlackHarness,
) -> None:
    """Slack fails every post in Bob's DM until the outbox gives his request up; Dev then
    suggests Bob. Dev is told Slack kept failing the request to Bob, where he read "Bob has
    already been asked" of someone who never got it."""
    im = slack.emu.workspace.open_im(slack.user("bob")).id
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=im)
    await ask(slack)
    await slack.drain()  # through every retry's backoff, until the outbox gives it up
    _, offers = await rows(slack)
    assert [o.status for o in offers if o.candidate_user_id == slack.user("bob")] == ["unsent"]
    await suggest(slack, "dev", "bob")
    await slack.settle()
    said = str(offer_dm(slack, "dev").blocks)
    bob = f"<@{slack.user('bob')}>"
    assert f"{bob} has already been asked" not in said, said
    assert f"I tried to ask {bob} already, but Slack kept failing to deliver my request" in said


def request_of(slack: SlackHarness, handle: str) -> str:
    request = offer_dm(slack, handle)
    return f"{request.text}\n{request.blocks}"


async def test_a_helper_is_told_they_are_being_connected_until_the_introduction_is_posted(
    slack: SlackHarness,
) -> None:
    """Dev takes Alice's question while Slack has the post in its thread wait (429, retry
    in a minute): his request says he is being connected, where it said "I've connected you" of an
    introduction only waiting in the outbox; once it is posted, that it connected them."""
    await ask(slack)
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=429, retry_after=60, times=1, channel=general)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    said = request_of(slack, "dev")
    assert "I've connected you" not in said, said
    assert f"I'm connecting you with <@{slack.user('alice')}>" in said, said
    await slack.drain()
    said = request_of(slack, "dev")
    assert "You're on it: I've connected you." in said and "connecting" not in said, said


@pytest.mark.parametrize("refused", ["conversations.open", "chat.postMessage"])
async def test_an_introduction_slack_refuses_tells_the_helper_to_reach_out(
    slack: SlackHarness, refused: str
) -> None:
    """Alice asks with /ask, so Dev is introduced in a group DM; Slack refuses to open it, or
    to post in it: Dev's request never said he was connected, and ends saying to reach out
    to Alice himself; Alice's list says Dev is helping her, no more."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    slack.emu.faults.add(refused, error="restricted_action", times=None)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    said = request_of(slack, "dev")
    assert "I've connected you" not in said and "connecting" not in said, said
    assert f"reach out to <@{slack.user('alice')}> yourself" in said, said
    told_alice = "\n".join(
        f"{m.text}{m.blocks}" for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id
    )
    assert "is helping you" in told_alice and "connected" not in told_alice, told_alice


@given_up_sooner
async def test_an_edit_after_the_introduction_was_given_up_still_says_to_reach_out(
    slack: SlackHarness,
) -> None:
    """The introduction in #general given up, Alice edits her question: Dev's request, drawn
    again with the edited words, still asks him to reach out to her, and does not go back to
    saying he is being connected."""
    asked = await ask(slack)
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    edited = f"<@{slack.emu.bot_user_id}> {QUESTION} on staging"
    await slack.here.edit_message(slack.user("alice"), asked, slack.escape(edited))
    await slack.drain()
    said = request_of(slack, "dev")
    assert "on staging" in said, said  # drawn again
    assert "connecting" not in said and "I've connected you" not in said, said
    assert f"reach out to <@{slack.user('alice')}> yourself" in said, said
