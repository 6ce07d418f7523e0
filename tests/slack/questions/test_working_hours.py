"""Working time is each colleague's own: a question asked on Friday evening waits for the
weekend to pass where they are, and someone who travels is counted where they are now."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.questions.policy import Limits, RoutingConfig
from bot.worktime import ROUND_THE_CLOCK, WorkingHours
from storage.models import Offer
from tests.e2e.harness import bot_settings
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import ask, offer_dm, rows, suggest

# The host's own zone is not UTC, and changes nothing.
pytestmark = pytest.mark.usefixtures("server_in_los_angeles")

# Friday 27 November 2026, 18:30 UTC: 19:30 in Berlin, where dev's working day is over.
FRIDAY_EVENING = datetime(2026, 11, 27, 18, 30, tzinfo=UTC)
MONDAY = datetime(2026, 11, 30, tzinfo=UTC)


async def _escalated_at(slack: SlackHarness, at: datetime) -> object:
    """How many questions the escalation job moved on at `at`."""
    slack.services.clock.freeze(at)
    moved = await slack.runner.bot.scheduler.run_once("escalate")
    await slack.settle()
    return moved


async def _asked(slack: SlackHarness) -> list[str]:
    _question, offers = await rows(slack)
    handles = {slack.user(h): h for h in slack.users}
    return [handles[o.candidate_user_id] for o in offers if o.status == "pending"]


async def test_a_question_asked_on_friday_evening_moves_on_monday_morning(
    slack: SlackHarness,
) -> None:
    """Dev (Berlin) is asked first; nobody answers. Over the weekend nothing moves; on
    Monday his 30 working minutes end at 09:30 in Berlin (08:30 UTC), and bob is asked."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    slack.services.clock.freeze(FRIDAY_EVENING)
    await ask(slack)
    assert await _asked(slack) == ["dev"]
    for later in (timedelta(hours=5), timedelta(days=1), timedelta(days=2)):
        assert await _escalated_at(slack, FRIDAY_EVENING + later) == 0
    assert await _escalated_at(slack, MONDAY + timedelta(hours=8, minutes=29)) == 0
    assert await _escalated_at(slack, MONDAY + timedelta(hours=8, minutes=31)) == 1
    assert await _asked(slack) == ["bob"]


async def test_a_colleague_who_flew_to_tokyo_is_counted_in_tokyo(slack: SlackHarness) -> None:
    """Dev flies to Tokyo on Saturday, and Slack says so: his Monday 09:30 there is 00:30
    UTC, so his request runs out then, not at 09:30 in Berlin."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    slack.services.clock.freeze(FRIDAY_EVENING)
    await ask(slack)
    slack.services.clock.freeze(FRIDAY_EVENING + timedelta(days=1))
    await slack.emu.change_user(slack.user("dev"), tz="Asia/Tokyo")
    await slack.settle()
    assert await _escalated_at(slack, MONDAY + timedelta(minutes=29)) == 0
    assert await _escalated_at(slack, MONDAY + timedelta(minutes=31)) == 1
    assert await _asked(slack) == ["bob"]


def _bot_dms(slack: SlackHarness, handle: str) -> list[str]:
    return [f"{m.text} {m.blocks}" for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


async def _dev_at_night(slack: SlackHarness, handle: str = "dev") -> datetime:
    """Dev (or `handle`) moves to a time zone where it is 03:00 on Tuesday night (the clock
    stands at Tuesday 10:00 UTC); returns his Wednesday 09:00 there, in UTC."""
    await slack.emu.change_user(slack.user(handle), tz="Etc/GMT+7")  # UTC-7
    await slack.settle()
    return slack.services.clock.now() + timedelta(hours=6)


async def test_a_colleague_at_night_is_asked_when_their_day_starts(slack: SlackHarness) -> None:
    """Bob and Maria, at work, are asked at once; Dev, at 03:00 where he is, nothing until his
    09:00, then once (however often Slack sends the question again), with no word of his
    working hours. Alice is told he will get it when his working day starts."""
    morning = await _dev_at_night(slack)
    await ask(slack)
    [mention] = [
        d for d in slack.emu.deliveries if d.payload.get("event", {}).get("type") == "app_mention"
    ]
    assert all(_bot_dms(slack, h) for h in ("bob", "maria"))
    assert _bot_dms(slack, "dev") == []
    general = slack.emu.messages(slack.channel("general"))
    [asking] = [str(m.blocks) for m in general if "I'm asking" in m.text]
    [dev] = [line for line in asking.split("\\n") if "Dev Patel" in line]
    assert "when their working day starts" in dev
    [again] = await slack.emu.redeliver(mention)
    assert again.ok
    slack.advance(morning - timedelta(minutes=1) - slack.services.clock.now())
    await slack.settle()
    assert _bot_dms(slack, "dev") == []
    slack.advance(timedelta(minutes=2))
    await slack.settle()
    [dm] = _bot_dms(slack, "dev")
    assert "stuck terraform state" in dm and "working hours" not in dm
    await slack.drain()
    assert len(_bot_dms(slack, "dev")) == 1


@pytest.mark.parametrize("closed_by", ["withdrawn", "bob helps"])
async def test_a_request_closed_before_its_colleagues_morning_is_never_sent(
    slack: SlackHarness, closed_by: str
) -> None:
    """Alice's question is withdrawn, or Bob takes it, while Dev sleeps: Dev gets no DM at all
    in his morning (nothing to answer, nothing to tell him it moved on)."""
    morning = await _dev_at_night(slack)
    await ask(slack)
    if closed_by == "withdrawn":
        await slack.services.questions.withdraw(slack.team_id, 1, slack.user("alice"))
    else:
        await slack.emu.click_button(slack.user("bob"), "I can help")
    await slack.settle()
    slack.advance(morning + timedelta(hours=1) - slack.services.clock.now())
    await slack.drain()
    assert _bot_dms(slack, "dev") == []


async def test_a_colleague_who_flew_west_at_night_is_asked_in_their_new_morning(
    slack: SlackHarness,
) -> None:
    """Dev's request was queued for his 09:00 at UTC-7; he flew on to UTC-10 meanwhile: it
    comes at 09:00 there, three hours later, not at 06:00."""
    morning = await _dev_at_night(slack)
    await ask(slack)
    await slack.emu.change_user(slack.user("dev"), tz="Pacific/Honolulu")
    await slack.settle()
    slack.advance(morning + timedelta(minutes=1) - slack.services.clock.now())
    await slack.settle()
    assert _bot_dms(slack, "dev") == []
    slack.advance(timedelta(hours=3))
    await slack.settle()
    assert len(_bot_dms(slack, "dev")) == 1


async def test_the_asker_is_told_who_of_the_next_round_waits_for_their_morning(
    slack: SlackHarness,
) -> None:
    """Dev, asked first, says "Not me"; Bob, at night, is asked next: Alice reads that he will
    get it when his working day starts, and he gets nothing yet."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await _dev_at_night(slack, "bob")
    await ask(slack)
    assert await _asked(slack) == ["dev"]
    await slack.emu.click_button(slack.user("dev"), "Not me")
    await slack.settle()
    assert await _asked(slack) == ["bob"]
    [more] = [m.text for m in slack.emu.messages(slack.channel("general")) if "also" in m.text]
    assert "Bob Chen" in more and "when their working day starts" in more
    assert _bot_dms(slack, "bob") == []


async def test_a_colleague_suggested_at_night_waits_for_their_morning(slack: SlackHarness) -> None:
    """Dev suggests Maria, at 03:00 where she is: she gets nothing yet, and Alice reads that
    Maria will get it when her working day starts; her list, which names Maria, says so too,
    where it said "I'm asking 1 colleague" of her (a colleague routing chose at night it
    said would get it then)."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await _dev_at_night(slack, "maria")
    await ask(slack)
    assert await _asked(slack) == ["dev"]
    await suggest(slack, "dev", "maria")
    assert await _asked(slack) == ["maria"]
    [more] = [m.text for m in slack.emu.messages(slack.channel("general")) if "also" in m.text]
    assert "Maria Lopez: they'll get my message when their working day starts" in more
    assert "I've also asked" not in more  # she has not been, yet
    assert _bot_dms(slack, "maria") == []
    [listed] = [
        m.blocks[0]["text"]["text"]
        for m in slack.emu.messages(slack.channel("general"))
        if "privately whether" in m.text
    ]
    assert "I'm asking" not in listed, listed
    assert listed.startswith("I'll ask 1 colleague privately whether they can help, when their")


async def test_a_request_edited_after_its_colleagues_day_ends_says_there_is_no_rush(
    slack: SlackHarness,
) -> None:
    """Dev was asked at 11:00 in Berlin; Alice edits her question at 20:00 there: the request
    he reads quotes her new words, and tells him, in his own words, that there is no rush."""
    asked = await ask(slack)
    assert "working hours" not in _bot_dms(slack, "dev")[-1]
    slack.advance(timedelta(hours=9))
    bot = f"<@{slack.emu.bot_user_id}>"
    edited = slack.escape(f"{bot} how do we unlock a stuck terraform state? asap")
    await slack.here.edit_message(slack.user("alice"), asked, edited)
    await slack.settle()
    [dm] = _bot_dms(slack, "dev")
    assert "asap" in dm and "outside your working hours: no rush" in dm
    assert "their working hours" not in dm


async def test_withdrawing_counts_as_told_only_those_who_got_the_request(
    slack: SlackHarness,
) -> None:
    """Bob and Maria got Alice's request; Dev, asleep, has not yet, and never will now: she
    reads that two colleagues were told, and that the third never got it, not "3 told"."""
    await _dev_at_night(slack)
    await ask(slack)
    assert _bot_dms(slack, "dev") == []
    await slack.command("alice", "/ask", "withdraw 1")
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert "I've told the 2 colleagues still waiting." in said
    assert "1 more colleague hadn't got my request yet" in said


@pytest.mark.parametrize("pause", ["optout", "away until next friday"])
async def test_a_colleague_who_stops_questions_at_night_is_not_asked_in_the_morning(
    slack: SlackHarness, pause: str
) -> None:
    """Dev, asleep when Alice asked, opts out (or goes away) before his morning: he was told
    questions would not reach him, so the request waiting for his 09:00 is never sent, and
    the question goes on without him as after *Not me*. Alice's list, which said he would get
    it when his working day starts, no longer names him."""
    morning = await _dev_at_night(slack)
    await ask(slack)
    assert "Dev Patel" in _asking(slack)
    await slack.command("dev", "/skills", pause)
    await slack.settle()
    slack.advance(morning + timedelta(hours=1) - slack.services.clock.now())
    await slack.drain()
    assert _bot_dms(slack, "dev") == []
    _question, offers = await rows(slack)
    [devs] = [o for o in offers if o.candidate_user_id == slack.user("dev")]
    assert devs.status == "declined"
    assert "Dev Patel" not in _asking(slack)
    assert "I'm asking 2 colleagues privately" in _asking(slack)
    # Her list, drawn again, says it: no message of its own about him.
    assert not [m for m in slack.emu.messages(slack.channel("general")) if "after all" in m.text]


def _asking(slack: SlackHarness) -> str:
    """The thread's list of who is asked, as it reads now."""
    [asking] = [
        f"{m.text} {m.blocks}"
        for m in slack.emu.messages(slack.channel("general"))
        if "ask" in m.text and "colleague" in m.text and m.bot_id
    ]
    return asking


async def test_once_the_morning_request_is_sent_the_askers_list_stops_promising_it(
    slack: SlackHarness,
) -> None:
    """Dev got Alice's request in his morning and took it on: her list, drawn again to say
    he is helping, no longer says he is outside his working hours and will get it when his
    working day starts."""
    morning = await _dev_at_night(slack)
    await ask(slack)
    assert "when their working day starts" in _asking(slack)
    slack.advance(morning + timedelta(minutes=5) - slack.services.clock.now())
    await slack.settle()
    await slack.emu.click_button(slack.user("dev"), "I can help")
    await slack.settle()
    said = _asking(slack)
    assert "is helping you" in said
    assert "Dev Patel" in said and "working" not in said, said


@pytest.mark.parametrize(
    ("per_round", "asked"),
    [
        (3, "I asked 2 colleagues privately whether they could help:"),
        (1, "I asked nobody: the colleagues I chose had yet to get my request. ["),
    ],
)
async def test_a_request_never_sent_is_not_among_those_the_closed_list_says_were_asked(
    slack: SlackHarness, per_round: int, asked: str
) -> None:
    """Alice withdraws her question while Dev, asleep, has yet to get it: her list, drawn
    again in the past tense, says she asked Bob and Maria, not Dev, who never was; with Dev
    the one colleague chosen, that she asked nobody (not "I asked 0 colleagues")."""
    slack.services.questions.config = RoutingConfig(offers_per_round=per_round)
    await _dev_at_night(slack)
    await ask(slack)
    await slack.command("alice", "/ask", "withdraw 1")
    await slack.settle()
    said = _asking(slack)
    assert "was withdrawn" in said and asked in said, said
    assert "Dev Patel" not in said and "0 colleagues" not in said


async def test_who_suggests_a_colleague_at_night_reads_that_they_will_be_asked_in_their_morning(
    slack: SlackHarness,
) -> None:
    """Dev suggests Maria, at 03:00 where she is: his request says she will get it when her
    working day starts, not that she was asked (she has nothing yet)."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await _dev_at_night(slack, "maria")
    await ask(slack)
    await suggest(slack, "dev", "maria")
    [dev] = _bot_dms(slack, "dev")
    maria = f"<@{slack.user('maria')}>"
    assert f"{maria} will get my request when their working day starts" in dev
    assert f"I've asked {maria}" not in dev


async def test_a_request_that_runs_out_while_the_next_colleague_sleeps_says_so(
    slack: SlackHarness,
) -> None:
    """Dev lets Alice's request run out; Bob, next, is at 03:00 where he is, so nobody has
    been asked instead yet: Dev's DM says someone else will get it when their working day
    starts, not that someone else was asked."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await _dev_at_night(slack, "bob")
    await ask(slack)
    assert await _asked(slack) == ["dev"]
    assert await _escalated_at(slack, slack.services.clock.now() + timedelta(minutes=31)) == 1
    assert await _asked(slack) == ["bob"] and _bot_dms(slack, "bob") == []
    [dev] = _bot_dms(slack, "dev")
    assert "asked someone else" not in dev, dev
    assert "someone else will get my request when their working day starts" in dev, dev


def _to_alice(slack: SlackHarness) -> list[str]:
    """What the bot said to Alice in the thread of her question, after its list (its first)."""
    said = [m.text for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    return said[1:]


async def test_the_next_colleague_asleep_is_not_said_to_be_asked_and_a_pass_over_is_told(
    slack: SlackHarness,
) -> None:
    """Dev says "Not me"; Bob, next, is at 03:00 where he is: Alice reads that he will get
    the request when his working day starts, not that he was asked. Bob opts out before his
    morning: he never gets it, and Alice reads so, then that Maria was asked instead."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    morning = await _dev_at_night(slack, "bob")
    await ask(slack)
    await slack.emu.click_button(slack.user("dev"), "Not me")
    await slack.settle()
    [more] = _to_alice(slack)
    assert "I've also asked" not in more, more
    assert (
        "I'll also ask " in more
        and "Bob Chen: they'll get my message when their working day" in more
    )
    await slack.command("bob", "/skills", "optout")
    await slack.settle()
    slack.advance(morning + timedelta(minutes=5) - slack.services.clock.now())
    await slack.drain()
    assert _bot_dms(slack, "bob") == []
    said = " | ".join(_to_alice(slack))
    assert said.count("Bob Chen won't get my request after all") == 1, said
    assert said.count("I've also asked ") == 1 and "Maria Lopez." in said, said


async def test_a_colleague_suggested_at_night_who_opts_out_is_not_still_promised(
    slack: SlackHarness,
) -> None:
    """Dev suggests Maria, at 03:00 where she is, and reads that she will get the request when
    her working day starts; she opts out before it: his DM no longer says she will."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    morning = await _dev_at_night(slack, "maria")
    await ask(slack)
    await suggest(slack, "dev", "maria")
    assert "will get my request when their working day starts" in _bot_dms(slack, "dev")[-1]
    await slack.command("maria", "/skills", "optout")
    await slack.settle()
    slack.advance(morning + timedelta(minutes=5) - slack.services.clock.now())
    await slack.drain()
    assert _bot_dms(slack, "maria") == []
    [dev] = _bot_dms(slack, "dev")
    assert "will get my request" not in dev, dev
    assert "won't get my request after all" in dev, dev


@pytest.mark.postgres_too
async def test_ask_mine_does_not_say_colleagues_were_asked_while_every_request_waits(
    slack: SlackHarness,
) -> None:
    """Dev, Bob and Maria are all at 03:00 where they are: `/ask mine` tells Alice her
    question waits for their working day, not that colleagues were asked; once Dev's
    morning came and his request went, it says they were."""
    morning = await _dev_at_night(slack)
    for handle in ("bob", "maria"):
        await _dev_at_night(slack, handle)
    await ask(slack)
    assert all(_bot_dms(slack, h) == [] for h in ("dev", "bob", "maria"))
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    said = str(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert "colleagues asked" not in said, said
    assert "to be asked when their working day starts" in said, said
    slack.advance(morning + timedelta(minutes=5) - slack.services.clock.now())
    await slack.settle()
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    said = str(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert "colleagues asked" in said and "working day" not in said, said


async def test_ask_mine_does_not_say_colleagues_are_asked_while_the_next_one_sleeps(
    slack: SlackHarness,
) -> None:
    """Dev says "Not me"; Bob, next, is at 03:00 where he is: Alice's list reads "I'll ask 1
    colleague … when their working day starts", and `/ask mine` read "colleagues asked" of
    the same question, Dev's request, sent and answered, counting as someone asked now. It
    says it waits for their working day, as the list does."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await _dev_at_night(slack, "bob")
    await ask(slack)
    await slack.emu.click_button(slack.user("dev"), "Not me")
    await slack.settle()
    assert await _asked(slack) == ["bob"] and _bot_dms(slack, "bob") == []
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    said = str(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert "colleagues asked" not in said, said
    assert "to be asked when their working day starts" in said, said


async def test_asking_again_at_night_does_not_say_the_question_is_being_asked(
    slack: SlackHarness,
) -> None:
    """Dev, Bob and Maria are all asleep; Alice asks again in other words: she reads that
    her question waits for their working day, not that it is still being asked."""
    for handle in ("dev", "bob", "maria"):
        await _dev_at_night(slack, handle)
    await ask(slack)
    await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> stuck terraform state: how do we unlock?"
    )
    await slack.settle()
    told = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert told.startswith("You asked this already: question #1 is "), told
    assert "still being asked" not in told, told
    assert "waiting for its colleagues' working day to start" in told, told


async def test_once_the_morning_request_is_sent_the_list_says_so_at_once(
    slack: SlackHarness,
) -> None:
    """Dev gets Alice's request at his 09:00: her list, which said he was outside his working
    hours and would get it when his working day starts, stops saying so then, not only once
    something else happens to the question."""
    morning = await _dev_at_night(slack)
    await ask(slack)
    assert "when their working day starts" in _asking(slack)
    slack.advance(morning + timedelta(minutes=5) - slack.services.clock.now())
    await slack.settle()
    assert len(_bot_dms(slack, "dev")) == 1
    said = _asking(slack)
    assert "Dev Patel" in said and "outside their working hours now" not in said, said
    assert "when their working day starts" not in said, said


async def test_a_list_of_colleagues_all_asleep_does_not_say_they_are_being_asked(
    slack: SlackHarness,
) -> None:
    """Dev, Bob and Maria are all at 03:00 where they are: Alice's list says it will ask them
    when their working day starts, not that it is asking them; once Dev's request went, it
    is asking."""
    morning = await _dev_at_night(slack)
    for handle in ("bob", "maria"):
        await _dev_at_night(slack, handle)
    await ask(slack)
    said = _asking(slack)
    assert "I'm asking" not in said, said
    assert "I'll ask 3 colleagues privately whether they can help" in said, said
    slack.advance(morning + timedelta(minutes=5) - slack.services.clock.now())
    await slack.settle()
    assert "I'm asking 3 colleagues privately" in _asking(slack)


async def test_suggesting_a_colleague_whose_request_waits_does_not_say_they_were_asked(
    slack: SlackHarness,
) -> None:
    """Bob, at 03:00 where he is, is among those chosen; Dev suggests him: Dev reads that Bob
    will get the request when his working day starts, not that he has been asked already."""
    await _dev_at_night(slack, "bob")
    await ask(slack)
    assert _bot_dms(slack, "bob") == [] and _bot_dms(slack, "dev")
    await suggest(slack, "dev", "bob")
    [dev] = _bot_dms(slack, "dev")
    assert "has already been asked" not in dev, dev
    assert "will get my request when their working day starts" in dev, dev


async def test_a_pass_over_sent_to_the_dm_instead_after_someone_took_the_question_is_dropped(
    slack: SlackHarness,
) -> None:
    """As above, Alice reads that Bob will get her request in his morning, and Bob opts out
    before it; but Slack fails every post in #general from then on, so that he won't get it
    is retried while Maria, asked instead, takes the question. Given up in the thread, it is
    not sent to Alice's DM instead: Maria helps, and saying Bob won't is news of nothing."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    morning = await _dev_at_night(slack, "bob")
    await ask(slack)
    await slack.emu.click_button(slack.user("dev"), "Not me")
    await slack.settle()
    await slack.command("bob", "/skills", "optout")
    await slack.settle()
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    slack.advance(morning + timedelta(minutes=5) - slack.services.clock.now())
    await slack.settle()
    await slack.emu.click(slack.user("maria"), "offer_accept", message=offer_dm(slack, "maria"))
    await slack.drain()
    question, _offers = await rows(slack)
    assert (question.status, question.helper_user_id) == ("connected", slack.user("maria"))
    said = " | ".join(m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id)
    assert "won't get my request after all" not in said, said


async def test_a_team_that_works_sunday_to_thursday_is_asked_on_its_sunday(
    slack: SlackHarness,
) -> None:
    """A company in Israel works Sunday to Thursday (`ASKAROUND_WORKING_HOURS=Sun-Thu
    08:00-17:00`, a week that runs over the weekend's end): Dev, in Jerusalem, gets nothing of
    a question asked at noon on his Friday, and gets it at 08:00 on his Sunday."""
    settings = bot_settings(
        slack.emu, "sqlite://", socket_mode=False, working_hours="Sun-Thu 08:00-17:00"
    )
    slack.services.questions.config = RoutingConfig(hours=settings.working_hours)
    await slack.emu.change_user(slack.user("dev"), tz="Asia/Jerusalem")
    slack.services.clock.freeze(datetime(2026, 11, 27, 10, 0, tzinfo=UTC))  # Friday 12:00 there
    await slack.settle()
    await ask(slack)
    assert _bot_dms(slack, "dev") == []
    sunday = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)  # 08:00 in Jerusalem
    slack.advance(sunday - timedelta(minutes=1) - slack.services.clock.now())
    await slack.settle()
    assert _bot_dms(slack, "dev") == []
    slack.advance(timedelta(minutes=2))
    await slack.settle()
    [dm] = _bot_dms(slack, "dev")
    assert "stuck terraform state" in dm


@pytest.mark.parametrize(
    ("tz", "asked_at"),
    [
        # Sunday 29 March 2026: Berlin's clocks go from 02:00 to 03:00 (01:00 UTC).
        ("Europe/Berlin", datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),
        # Sunday 25 October 2026: they go from 03:00 back to 02:00 (01:00 UTC).
        ("Europe/Berlin", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        # Sunday 5 April 2026: Lord Howe Island's go from 02:00 back to 01:30 (15:00 UTC).
        ("Australia/Lord_Howe", datetime(2026, 4, 4, 14, 30, tzinfo=UTC)),
    ],
    ids=["spring forward", "fall back", "half an hour back"],
)
async def test_a_request_runs_out_after_its_real_minutes_across_a_dst_night(
    slack: SlackHarness, tz: str, asked_at: datetime
) -> None:
    """A deployment that works round the clock gives Dev 120 minutes. Asked the night his
    clocks change, his request runs out 120 minutes later, not when his wall clock has moved
    120 minutes: in October that was an hour late (half an hour on Lord Howe Island)."""
    config = RoutingConfig(
        offers_per_round=1, offer_minutes=120, hours=WorkingHours.parse(ROUND_THE_CLOCK)
    )
    await _dev_asked_in(slack, tz, asked_at, config)
    await _runs_out_at(slack, asked_at + timedelta(minutes=120))


@pytest.mark.parametrize(
    ("tz", "asked_at", "runs_out"),
    [
        # Friday 6 March 2026, 17:45 in New York; its clocks go forward on Sunday 8 March.
        ("America/New_York", datetime(2026, 3, 6, 22, 45, tzinfo=UTC), "2026-03-09 13:15"),
        # Friday 27 March 2026, 17:45 in London; its clocks go forward on Sunday 29 March.
        ("Europe/London", datetime(2026, 3, 27, 17, 45, tzinfo=UTC), "2026-03-30 08:15"),
        # Friday 30 October 2026, 17:45 in New York; its clocks go back on Sunday 1 November.
        ("America/New_York", datetime(2026, 10, 30, 21, 45, tzinfo=UTC), "2026-11-02 14:15"),
    ],
)
async def test_a_request_asked_late_on_friday_runs_out_on_monday_after_a_dst_weekend(
    slack: SlackHarness, tz: str, asked_at: datetime, runs_out: str
) -> None:
    """Dev has 15 of his 30 working minutes on Friday; the rest are his Monday's first 15,
    by his clock as it is after the weekend's change: 09:15 there, whatever UTC says."""
    await _dev_asked_in(slack, tz, asked_at, RoutingConfig(offers_per_round=1))
    await _runs_out_at(slack, datetime.fromisoformat(runs_out).replace(tzinfo=UTC))


async def _dev_asked_in(
    slack: SlackHarness, tz: str, asked_at: datetime, config: RoutingConfig
) -> None:
    """Dev, whom Slack puts in `tz`, is the one asked at `asked_at`."""
    slack.services.questions.config = config
    await slack.emu.change_user(slack.user("dev"), tz=tz)
    await slack.settle()
    slack.services.clock.freeze(asked_at)
    await ask(slack)
    assert await _asked(slack) == ["dev"]


async def _runs_out_at(slack: SlackHarness, end: datetime) -> None:
    """Dev's request is still his a minute before `end`, and Bob's a minute after."""
    assert await _escalated_at(slack, end - timedelta(minutes=1)) == 0
    assert await _escalated_at(slack, end + timedelta(minutes=1)) == 1
    assert await _asked(slack) == ["bob"]


async def test_a_request_waiting_for_its_colleagues_morning_counts_as_open(
    slack: SlackHarness,
) -> None:
    """Nobody gets more unanswered requests at once than ASKAROUND_MAX_OPEN_OFFERS (here 1),
    those waiting for their morning included: Dev, at night, is chosen for Alice's question
    and not for Carol's, asked before his day starts, so his morning brings him one request,
    not two. (`storage.offers.pending_load` counts a request not yet sent; `received`, which
    judges how a colleague answers, does not.)"""
    config = slack.services.questions.config
    slack.services.questions.config = replace(config, limits=Limits(max_open_offers=1))
    morning = await _dev_at_night(slack)
    await ask(slack)
    assert "dev" in await _asked(slack)
    await slack.post(
        "carol", "general", f"<@{slack.emu.bot_user_id}> who can unlock a stuck terraform state?"
    )
    await slack.settle()
    async with slack.services.sessions() as s:
        offers = (await s.scalars(select(Offer).where(Offer.question_id == 2))).all()
    assert slack.user("dev") not in {o.candidate_user_id for o in offers}
    slack.advance(morning + timedelta(minutes=1) - slack.services.clock.now())
    await slack.drain()
    [dm] = _bot_dms(slack, "dev")
    assert "stuck terraform state" in dm


async def _dev_in_new_york_works(slack: SlackHarness, hours: str, asked_at: datetime) -> None:
    """A deployment whose working day is `hours`; Dev lives in New York; Alice asks at
    `asked_at`."""
    slack.services.questions.config = RoutingConfig(hours=WorkingHours.parse(hours))
    await slack.emu.change_user(slack.user("dev"), tz="America/New_York")
    await slack.settle()
    slack.services.clock.freeze(asked_at)
    await ask(slack)


async def test_a_working_day_that_starts_in_the_hour_clocks_skip_starts_when_they_jump(
    slack: SlackHarness,
) -> None:
    """The working day starts at 02:30. On Sunday 8 March 2026 New York's clocks jump from
    02:00 to 03:00 (07:00 UTC): 02:30 never shows, and Dev's day starts at the jump, as his
    working time did. Asked at 01:30, his request came half an hour after it, at 03:30."""
    await _dev_in_new_york_works(
        slack, "Mon-Sun 02:30-18:00", datetime(2026, 3, 8, 6, 30, tzinfo=UTC)
    )
    assert _bot_dms(slack, "dev") == []
    slack.advance(timedelta(minutes=29))
    await slack.settle()
    assert _bot_dms(slack, "dev") == []
    slack.advance(timedelta(minutes=2))  # 03:01 in New York
    await slack.settle()
    [dm] = _bot_dms(slack, "dev")
    assert "stuck terraform state" in dm


async def test_a_working_day_that_starts_in_the_hour_clocks_repeat_goes_on_through_it(
    slack: SlackHarness,
) -> None:
    """The working day starts at 01:30. On Sunday 1 November 2026 Dev's began at 01:30 in New
    York (05:30 UTC); at 02:00 his clocks went back to 01:00. Asked at 01:10 the second time,
    40 minutes into his day, he is asked at once: his request waited a whole day, for
    Monday's 01:30, as if the clocks going back had ended his day."""
    await _dev_in_new_york_works(
        slack, "Mon-Sun 01:30-18:00", datetime(2026, 11, 1, 6, 10, tzinfo=UTC)
    )
    [dm] = _bot_dms(slack, "dev")
    assert "stuck terraform state" in dm
