"""A request queued for its colleague's working day, its channel made private before it is
sent. Carol asks in #launch (public: Carol, Bob and the bot); Bob and Maria, at work, are
asked at once; Dev, at 03:00 where he is, would get his request at his 09:00. Before then
#launch is made private (Slack's notice heard, or lost): its history is its members' alone, and the
question was agreed to by nobody (`visibility.may_ask_others`: "its words go to nobody
new"). Dev, not in #launch, has read nothing of it: sent at his morning, his request quoted
its words all the same."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storage.models import Offer
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_edited import bot_dms
from tests.slack.questions.test_solved_first import QUESTION

MARKER = "echidnalaunch"


@pytest.mark.parametrize("heard", [True, False])
async def test_a_request_not_sent_when_its_channel_went_private_is_never_sent(
    slack: SlackHarness, heard: bool
) -> None:
    members = [slack.user("carol"), slack.user("bob"), slack.emu.bot_user_id]
    launch = slack.here.workspace.add_channel("launch", members=members).id
    slack.channels["launch"] = launch
    await slack.emu.change_user(slack.user("dev"), tz="Etc/GMT+7")  # 03:00 there
    await slack.settle()
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "launch", f"{bot} {QUESTION} for the {MARKER} pipeline")
    await slack.settle()
    assert MARKER in bot_dms(slack, "maria") and bot_dms(slack, "dev") == ""
    if heard:
        assert await slack.emu.make_private(launch, by=slack.user("carol")) is not None
        await slack.settle()
    else:  # found out when the request is due, by looking at #launch (`QuestionService.now`)
        await slack.make_private_unheard(launch, by=slack.user("carol"))
    slack.advance(timedelta(hours=7))  # past Dev's 09:00
    await slack.drain()
    assert MARKER not in bot_dms(slack, "dev")
    async with slack.services.sessions() as s:
        offers = {o.candidate_user_id: o.status for o in await s.scalars(select(Offer))}
    assert offers[slack.user("dev")] != "pending", offers
