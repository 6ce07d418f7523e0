"""What a private question's asker agreed to is what askaround does: "N colleagues, and
nobody else I know of might help" asks those and nobody who might help later; "N colleagues
first, then others" asks others once those can't help."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.questions.policy import RoutingConfig
from storage.models import Offer, Question
from tests.slack.harness import SlackHarness

ASKED = "how do I speed up our fortran solver's compile?"


async def asked(slack: SlackHarness) -> list[str]:
    async with slack.services.sessions() as s:
        return list((await s.scalars(select(Offer.candidate_user_id).order_by(Offer.id))).all())


def told(slack: SlackHarness, handle: str) -> list[str]:
    return [f"{m.text}{m.blocks}" for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


async def test_nobody_who_might_help_later_gets_a_question_agreed_to_for_those_alone(
    slack: SlackHarness,
) -> None:
    """Only Dev knows Fortran: Alice is told Dev is all ("1 colleague, and nobody else I know
    of might help") and agrees. Maria declares Fortran after, and Dev passes: Maria got a request
    quoting Alice's private question, which Alice agreed to nobody but the one colleague
    reading. Now nobody new is asked, and Alice is told so, and how to reach Maria."""
    await slack.command("dev", "/skills", "add fortran:5")
    await slack.settle()
    await slack.dm_bot("alice", ASKED)
    await slack.settle()
    consent = told(slack, "alice")[-1]
    assert "1 colleague, and nobody else I know of might help: I'll ask only them." in consent
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    assert await asked(slack) == [slack.user("dev")]

    await slack.command("maria", "/skills", "add fortran:5")
    await slack.settle()
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_decline", message=dev_dm)
    await slack.settle()

    assert await asked(slack) == [slack.user("dev")]
    assert not [t for t in told(slack, "maria") if "fortran solver" in t]
    ended = told(slack, "alice")[-1]
    assert "you agreed to nobody else reading your question" in ended, ended
    assert "Ask again" in ended, ended
    async with slack.services.sessions() as s:
        question = await s.scalar(select(Question))
    assert question is not None and question.status == "unanswered"


async def test_the_first_round_asks_no_more_than_the_asker_agreed_to(
    slack: SlackHarness,
) -> None:
    """Alice is told one colleague is all, but Maria declares Fortran before she presses the
    button: the first round asked both, one more than she agreed to."""
    slack.services.questions.config = RoutingConfig(offers_per_round=3)
    await slack.command("dev", "/skills", "add fortran:5")
    await slack.settle()
    await slack.dm_bot("alice", ASKED)
    await slack.settle()
    await slack.command("maria", "/skills", "add fortran:5")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    assert len(await asked(slack)) == 1


async def test_first_then_others_goes_on_to_the_next_colleague(slack: SlackHarness) -> None:
    """Told "1 colleague first, then others", Alice agreed to others: once the first request
    runs out, the next colleague is asked."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await slack.command("dev", "/skills", "add fortran:5")
    await slack.command("maria", "/skills", "add fortran:4")
    await slack.settle()
    await slack.dm_bot("alice", ASKED)
    await slack.settle()
    assert "1 colleague first, then others who might help" in told(slack, "alice")[-1]
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    assert len(await asked(slack)) == 1
    slack.services.clock.advance(timedelta(hours=5))
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.drain()
    assert len(await asked(slack)) == 2
