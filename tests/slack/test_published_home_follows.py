"""A Home tab, once its person has opened it, follows every change it shows as published:
Slack shows the view last published the moment the tab is clicked, before the rebuild that
opening asks for. Each case opens the tabs of the people it names and of a bystander,
makes one change through the real path, and reads the tabs as published, never opening them
again: each named person's was published again and shows the change, the bystander's not
(a change rebuilds the tabs of those it is about, not every colleague's, whose leaderboard
or colleagues' figures catch up when opened). Until 7 December a question asked, a request
received, kudos to the receiver, kudos given other than from the tab, and every `/skills`
change but the modal's left the published tab as it was."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.runtime.runner import in_flight_listeners
from storage.models import OutboxItem
from tests.slack.digests.conftest import W47_THU, company_in_process
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_take_back import take_back
from tests.slack.kudos.world import kudos_posts
from tests.slack.privacy.test_published_home import published
from tests.slack.questions.test_solved_first import QUESTION
from tests.slack.questions.test_taken_back_mid_send import quiet_but_held, until_settled
from tests.slack.questions.world import declared_world
from tests.slack.settings.world import home_of, settings_modal

REASON = "for the calm release review"
Step = Callable[[SlackHarness], Awaitable[None]]


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """Five colleagues; Bob, Dev and Maria know terraform (`declared_world`)."""
    async with declared_world(tmp_path) as harness:
        yield harness


@pytest.fixture
async def company(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The digests' company: its org chart and its week of kudos, 2026-W47."""
    async with company_in_process(tmp_path) as harness:
        yield harness


async def nothing(slack: SlackHarness) -> None:
    return None


def command(handle: str, name: str, text: str, channel: str = "general") -> Step:
    async def run(slack: SlackHarness) -> None:
        await slack.command(handle, name, slack.escape(text), channel=channel)
        await slack.drain()

    return run


async def mentioned(slack: SlackHarness) -> None:
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()


async def asked_in_dm(slack: SlackHarness) -> None:
    await slack.dm_bot("carol", QUESTION)
    await slack.drain()


async def agreed(slack: SlackHarness) -> None:
    await slack.emu.click_button(slack.user("carol"), "Ask colleagues privately")
    await slack.drain()


async def undone(slack: SlackHarness) -> None:
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.drain()


async def given_long_ago(slack: SlackHarness) -> None:
    """Alice's kudos to Bob, past Undo's minutes; Maria is an admin who may take them back."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await command("alice", "/kudos", f"@bob {REASON}")(slack)
    slack.advance(timedelta(minutes=6))
    await slack.drain()


async def taken_back(slack: SlackHarness) -> None:
    [shoutout] = kudos_posts(slack, "general")
    await take_back(slack, "maria", shoutout, "given by mistake")
    await slack.drain()


async def seconded(slack: SlackHarness) -> None:
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("dev"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()


def settings_saved(fields: dict[str, Callable[[SlackHarness], object]]) -> Step:
    """Maria, one of Slack's admins, saves these settings in the modal."""

    async def run(slack: SlackHarness) -> None:
        slack.emu.workspace.user(slack.user("maria")).is_admin = True
        modal = await settings_modal(slack, "maria")
        values = {key: {"value": value(slack)} for key, value in fields.items()}
        await slack.emu.submit_view(slack.user("maria"), modal.id, values)
        await slack.drain()

    return run


def admins(*handles: str) -> Callable[[SlackHarness], object]:
    return lambda slack: [slack.user(h) for h in handles]


@dataclass(frozen=True)
class Case:
    change: str
    opened: tuple[str, ...]  # whose tabs are open before the change (Maria's too)
    act: Step
    shows: dict[str, str]  # handle -> what their published tab says after it
    gone: dict[str, str]  # handle -> what it no longer says
    before: Step = nothing
    bystander: str = "maria"  # opened the tab too, and the change is nothing of theirs


CASES = (
    Case(
        "a question asked with /ask",
        ("carol",),
        command("carol", "/ask", QUESTION),
        {"carol": "stuck terraform state"},
        {},
        bystander="alice",
    ),
    Case(
        "a question asked in a mention, and the colleague's request received",
        ("carol", "dev"),
        mentioned,
        {"carol": "stuck terraform state", "dev": "Waiting for your answer"},
        {},
        bystander="alice",
    ),
    Case(
        "a question asked in a DM, waiting for the asker's yes",
        ("carol",),
        asked_in_dm,
        {"carol": "waiting for you to ask colleagues"},
        {},
        bystander="alice",
    ),
    Case(
        "a private question agreed to",
        ("carol",),
        agreed,
        {"carol": "stuck terraform state"},
        {"carol": "waiting for you to ask colleagues"},
        before=asked_in_dm,
        bystander="alice",
    ),
    Case(
        "kudos given with /kudos",
        ("alice", "bob"),
        command("alice", "/kudos", f"@bob {REASON}"),
        {"bob": "calm release review", "alice": "kudos left today"},
        {"bob": "No kudos received yet"},
    ),
    Case(
        "kudos undone",
        ("alice", "bob"),
        undone,
        {"alice": "kudos left today"},
        {"bob": "calm release review"},
        before=command("alice", "/kudos", f"@bob {REASON}"),
    ),
    Case(
        "kudos taken back by an admin",
        ("alice", "bob"),
        taken_back,
        {"alice": "kudos left today"},
        {"bob": "calm release review"},
        before=given_long_ago,
        bystander="carol",
    ),
    Case(
        "kudos seconded with a reaction",
        ("dev", "bob"),
        seconded,
        {"bob": "from Dev Patel", "dev": "kudos left today"},
        {},
        before=given_long_ago,
    ),
    Case(
        "an askaround admin named",
        ("maria", "bob"),
        settings_saved({"askaround_admins": admins("bob")}),
        {"bob": "Settings (admins)"},
        {},
        bystander="alice",
    ),
    Case(
        "askaround admins changed: one taken off, one named",
        ("maria", "bob", "carol"),
        settings_saved({"askaround_admins": admins("carol")}),
        {"carol": "Settings (admins)"},
        {"bob": "Settings (admins)"},
        before=settings_saved({"askaround_admins": admins("bob")}),
        bystander="alice",
    ),
    Case(
        "a setting changed by another admin",
        ("maria", "bob"),
        settings_saved({"daily_allowance": lambda _slack: "7"}),
        {"bob": "Kudos a day:* 7"},
        {},
        before=settings_saved({"askaround_admins": admins("bob")}),
        bystander="alice",
    ),
    Case(
        "/skills add",
        ("carol",),
        command("carol", "/skills", "add rust:4"),
        {"carol": "Rust"},
        {},
    ),
    Case(
        "/skills remove",
        ("carol",),
        command("carol", "/skills", "remove rust"),
        {},
        {"carol": "Rust"},
        before=command("carol", "/skills", "add rust:4"),
    ),
    Case(
        "/skills away",
        ("carol",),
        command("carol", "/skills", "away for 2 weeks"),
        {"carol": "away"},
        {},
    ),
    Case(
        "/skills optout",
        ("carol",),
        command("carol", "/skills", "optout"),
        {"carol": "not taking questions"},
        {},
    ),
    Case(
        "/skills back",
        ("carol",),
        command("carol", "/skills", "back"),
        {},
        {"carol": "not taking questions"},
        before=command("carol", "/skills", "optout"),
    ),
    Case(
        "/skills interests",
        ("carol",),
        command("carol", "/skills", "interests data viz"),
        {"carol": "data viz"},
        {},
    ),
    Case(
        "/skills network add",
        ("carol",),
        command("carol", "/skills", "network add @dev about terraform"),
        {},
        {"carol": "Nobody yet"},
    ),
    Case(
        "/skills network remove",
        ("carol",),
        command("carol", "/skills", "network remove @dev"),
        {"carol": "Nobody yet"},
        {},
        before=command("carol", "/skills", "network add @dev about terraform"),
    ),
    Case(
        "/skills forget me",
        ("carol",),
        command("carol", "/skills", "forget me"),
        {},
        {"carol": "Rust"},
        before=command("carol", "/skills", "add rust:4"),
    ),
)


def publishes(slack: SlackHarness) -> set[str]:
    """Whose Home tabs were published since the calls were last cleared."""
    return {str(c.args["user_id"]) for c in slack.emu.calls_to("views.publish")}


@pytest.mark.parametrize("case", CASES, ids=[c.change for c in CASES])
async def test_an_opened_tab_as_published_follows_the_change(
    slack: SlackHarness, case: Case
) -> None:
    await case.before(slack)
    for handle in (*case.opened, case.bystander):
        await home_of(slack, handle)
    for handle, said in case.gone.items():
        assert said in published(slack, handle)  # not vacuous: it showed it
    slack.emu.calls.clear()
    await case.act(slack)
    for handle, said in case.shows.items():
        assert said in published(slack, handle), handle
    for handle, said in case.gone.items():
        assert said not in published(slack, handle), handle
    assert publishes(slack) == {slack.user(h) for h in case.opened}  # not the bystander's


async def test_kudos_to_a_team_reach_its_managers_published_tabs(company: SlackHarness) -> None:
    """Thursday of W47: Maria's team (Alice, Bob, Carol, Erin) received 4 kudos; Olga thanks
    Erin. The tabs of Bob, Maria and Hana above her, which sum up their team's week, are
    published again; Dev's, Hana's other report, and Erin's, never opened, are not."""
    company.services.clock.freeze(W47_THU + timedelta(hours=2))
    for handle in ("hana", "maria", "bob", "dev"):
        await home_of(company, handle)
    assert "Your team (4 people) received 4 kudos so far" in published(company, "maria")
    company.emu.calls.clear()
    await command("olga", "/kudos", f"@erin {REASON}")(company)
    assert "Your team (4 people) received 5 kudos so far" in published(company, "maria")
    assert publishes(company) == {company.user(h) for h in ("hana", "maria", "bob")}


@pytest.mark.postgres_too
async def test_a_rebuild_answered_late_does_not_land_over_a_newer_one(slack: SlackHarness) -> None:
    """Slack holds the `views.publish` of Alice's tab after her first `/skills add`; her second
    is rebuilt meanwhile. The first, drawn before the second change, was answered last and
    left the tab without it until she changed something else (docs/testing-log.md, "The
    reliability core, a reviewer's pass"): a rebuild now waits for an earlier one in flight."""
    await home_of(slack, "alice")
    held = asyncio.Event()
    fault = slack.emu.faults.add("views.publish", held=held)
    await slack.command("alice", "/skills", "add rustacean:4")
    await quiet_but_held(slack, fault, held_by="home.publish:")
    await slack.command("alice", "/skills", "add zigzagger:2")

    def second_done_or_waiting(rows: list[OutboxItem], now: datetime) -> bool:
        tabs = [r.status for r in rows if r.method == "home.publish"]
        due = [r for r in rows if r.status == "pending" and r.next_attempt_at <= now]
        at_rest = slack.emu.in_flight == 1 and not in_flight_listeners() and not due
        return at_rest and len(tabs) == 3 and tabs.count("sending") == 1  # opened, first, second

    await until_settled(slack, second_done_or_waiting, "the second rebuild")
    held.set()
    await slack.drain()
    assert "rustacean" in published(slack, "alice") and "zigzagger" in published(slack, "alice")
