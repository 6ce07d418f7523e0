"""Every flow on a lean Slack (`slack_emulator.lean`): answers with only the fields a
stand-in for Slack can be counted on to send, from the first directory sync on. Such a
Slack never says who is a member (`is_restricted`) nor whether a channel is public
(`is_private`), so everyone is kept as a guest is and every channel as a private one
(docs/privacy.md): what still works, works; what does not says why."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.models import Offer, Person, Question
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import dm_text, give, ledger
from tests.slack.lean.flows import FLOWS, REASON, company
from tests.slack.lean.outcomes import OUTCOMES, kudos_landed
from tests.slack.questions.world import PEOPLE


async def nobody_asked(slack: SlackHarness) -> None:
    """Nobody Slack would not call a member is asked; the asker is told nobody was, and why,
    without naming them: she read only that nobody was available, though Bob, Dev and Maria
    know the topic. Kept as a guest is herself, she is refused `/skills who`, so she is told
    to ask in a channel she is in (before 7 December, that `/skills who` lists them)."""
    async with slack.services.sessions() as s:
        assert list(await s.scalars(select(Offer))) == []
        assert [q.status for q in await s.scalars(select(Question))] == ["unanswered"]
    told = dm_text(slack, "alice")
    assert "couldn't find anyone available" in told and "/skills who" not in told, told
    assert "one of the channels you're in" in told, told
    assert "Slack didn't tell me whether the colleagues who might know are members" in told
    assert "Slack doesn't say who is a member" in told, told
    for handle in ("bob", "dev", "maria"):
        assert slack.user(handle) not in told and handle not in told.lower(), told
    alice = slack.user("alice")
    before = len(slack.emu.ephemerals(alice))
    assert (await slack.command("alice", "/skills", "who terraform")).ok
    await slack.settle()
    said = "\n".join(str(e.blocks) for e in slack.emu.ephemerals(alice)[before:])
    assert "for the workspace's members" in said, said


async def kept_private(slack: SlackHarness) -> None:
    """#general picked in the Give kudos form: refused, saying Slack didn't say it is public
    (it said "Pick a public channel", though she had)."""
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None and await ledger(slack) == []
    assert "Slack didn't tell me whether it is public" in str(modal.errors), modal.errors


async def synced_by_handle(slack: SlackHarness) -> None:
    """users.list without names: each person stored by their handle, not as a blank."""
    async with slack.services.sessions() as s:
        names = set(await s.scalars(select(Person.name)))
    assert {"alice", "bob", "dev"} <= names, names


LEAN_OUTCOMES: dict[str, Callable[[SlackHarness], Awaitable[None]]] = {
    **OUTCOMES,
    "ask_command": nobody_asked,
    "ask_mention": nobody_asked,
    "kudos_form": kept_private,
    "sync": synced_by_handle,
}


@pytest.mark.parametrize("flow", sorted(FLOWS))
async def test_a_flow_on_a_lean_slack(tmp_path: Path, flow: str) -> None:
    async with company(tmp_path, lean=True) as slack:
        await FLOWS[flow](slack)
        await LEAN_OUTCOMES[flow](slack)


@pytest.mark.parametrize("flow", sorted(FLOWS))
async def test_a_flow_on_a_whole_slack(tmp_path: Path, flow: str) -> None:
    async with company(tmp_path) as slack:
        await FLOWS[flow](slack)
        await OUTCOMES[flow](slack)


@pytest.mark.parametrize("flow", sorted(FLOWS))
async def test_a_flow_on_a_slack_of_small_pages(tmp_path: Path, flow: str) -> None:
    """Every list Slack answers a page of one, each after an empty page with a cursor, as
    its docs allow (docs/slack-api.md): each flow ends as on a whole Slack."""
    async with company(tmp_path, paged=True) as slack:
        await FLOWS[flow](slack)
        await OUTCOMES[flow](slack)


async def test_an_oauth_install_on_a_lean_slack(tmp_path: Path) -> None:
    """A workspace installs askaround through OAuth on a lean Slack (Bolt's install asks
    auth.test for the bot's id, which a lean one leaves out), then Alice gives kudos: the
    install is stored, the kudos lands once."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as slack:
        slack.emu.faults.lean = True
        assert (await slack.install()).status == 200
        await give(slack, "alice", f"@bob for {REASON} #teamwork")
        await slack.drain()
        await kudos_landed(slack)
