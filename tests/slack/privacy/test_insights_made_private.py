"""The insights name a connector from public help alone (`visibility.insights_name_by`): a
kudos given in a private channel counts between teams, naming nobody. Carol and Erin (Core)
thank Bob (Platform) in #launch, public then, and #launch is made private, Slack's notice
lost (`make_private_unheard`, as for an app not in it or an install whose manifest predates
the subscription). Until 8 December the insights went by what was stored: Maria read Bob
named as a connector, and the kudos gave topic evidence, for help that is now #launch's
members' alone. Before the analysis is made, the channels of its public kudos and questions
are looked at as the digests look at a week's (`bot.conversations.MadePrivate`), and those
private now are stored so, as when the notice is heard."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.conversations import PUBLIC_FOR
from tests.slack.digests.conftest import PEOPLE
from tests.slack.harness import bot_in_process
from tests.slack.kudos.world import ledger
from tests.slack.test_insights import in_teams, seen


@pytest.mark.postgres_too  # `insights.public_question_channels` and the marks it leads to
async def test_help_in_a_channel_made_private_since_names_no_connector(tmp_path: Path) -> None:
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await in_teams(slack)
        members = [slack.user(h) for h in ("carol", "erin", "bob")] + [slack.emu.bot_user_id]
        launch = slack.here.workspace.add_channel("launch", members=members).id
        slack.channels["launch"] = launch
        await slack.command("carol", "/kudos", "@bob for the postgres failover", "launch")
        await slack.command("erin", "/kudos", "@bob for the postgres index advice", "launch")
        await slack.settle()
        assert [k.is_private for k in await ledger(slack)] == [False, False]
        await slack.make_private_unheard(launch, by=slack.user("carol"))
        slack.advance(PUBLIC_FOR * 2)
        shown = await seen(slack, "maria")
        assert "Looking at how help flows" in shown  # not vacuous: she reads her org's
        assert "Bob Chen" not in shown
        assert [k.is_private for k in await ledger(slack)] == [True, True]
