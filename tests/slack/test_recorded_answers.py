"""Every flow against Slack's recorded answers (`slack_emulator.recorded`): each Web API method
answered as java-slack-sdk recorded Slack answering it, every field Slack was seen to send,
with the emptiest values (blank names and time zone, `false` flags, `12345` numbers) and the
workspace's own ids, from the first directory sync on. What works on the emulator's own
answers works on Slack's."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.timezone import NO_ZONE
from storage.models import Person
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.java_samples import answers
from tests.slack.kudos.world import give
from tests.slack.lean.flows import FLOWS, REASON, company
from tests.slack.lean.outcomes import OUTCOMES, kudos_landed
from tests.slack.questions.world import PEOPLE

pytestmark = pytest.mark.database_independent


async def synced_as_recorded(slack: SlackHarness) -> None:
    """users.list's members as Slack's recorded answer has them, with a blank `real_name`,
    `tz` and `email` and a `tz_offset` of 12345 seconds: each person stored by their handle,
    with no time zone (it was UTC+03:25, a zone no one keeps, 3 h 25 min 45 s from UTC) and
    no email (it was a blank one); the deactivated one and the bots as Slack said they are."""
    async with slack.services.sessions() as s:
        people = {p.name: p for p in await s.scalars(select(Person))}
    assert {"alice", "bob", "dev"} <= people.keys(), people
    assert {p.tz for p in people.values()} == {NO_ZONE}
    assert {p.email for p in people.values()} == {None}
    assert people["dave"].deactivated and not people["alice"].deactivated
    assert people["helperbot"].is_bot and not people["alice"].is_bot


RECORDED_OUTCOMES: dict[str, Callable[[SlackHarness], Awaitable[None]]] = {
    **OUTCOMES,
    "sync": synced_as_recorded,
}


@pytest.mark.parametrize("flow", sorted(FLOWS))
async def test_a_flow_on_slacks_recorded_answers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, flow: str
) -> None:
    async with company(tmp_path, recorded=True) as slack:
        await FLOWS[flow](slack)
        await RECORDED_OUTCOMES[flow](slack)
    assert [r.getMessage() for r in caplog.records if r.exc_info] == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_an_oauth_install_on_slacks_recorded_answers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A workspace installs askaround through OAuth (Bolt asks auth.test, recorded with an
    `expires_in` and an `app_name`), then Alice gives kudos: it lands once, nothing warned."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as slack:
        slack.emu.faults.recorded = answers()
        assert (await slack.install()).status == 200
        await give(slack, "alice", f"@bob for {REASON} #teamwork")
        await slack.drain()
        await kudos_landed(slack)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
