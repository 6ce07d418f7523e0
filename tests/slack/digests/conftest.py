"""A small company with an org chart and a hand-made week of kudos and help: 2026-W47.

    hana (Tokyo) ── maria (Madrid) ── alice (Paris)
                 │                 └─ bob (London) ── carol (New York)
                 │                                  └─ erin (London)
                 └─ dev (Berlin, role "admin")
    olga (London): a Slack workspace admin, nobody's manager

What happened (UTC), hand-computed for maria's team (alice, bob, carol, erin):
- W45 Wed: alice → bob; W46 Wed: carol → alice (previous 4 weeks: 2, i.e. 0.5 a week)
- W47 Wed: alice → bob "untangling the release" #teamwork; alice → carol "the on-call
  handover" #ownership #teamwork; Thu: hana → bob "the postgres upgrade" #craft;
  bob → alice in #secret (private) #courage
- W47 Sun 23:30 UTC: carol → alice "the late-night rollback" #craft: Monday 00:30 in Madrid,
  so W48 for maria (but still W47 in London)
- help: erin took on dev's question (solved Tue of W47); carol took on dev's (connected)
So maria's W47: 4 kudos (3 shown + 1 private), +700% on 0.5 a week; givers alice 2 (bob's
one is private, so he is not named);
helpers carol 1, erin 1; unsung: erin; quiet: erin (none counted since askaround was installed,
1 Sep 2026).

The tests' week is given through the kudos service, as `/kudos` gives it but without its
seven slash commands (`give_directly`); `test_world.py` gives it through `/kudos` and finds
the same ledger and the same digest.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from bot.kudos.parse import parse_kudos
from bot.kudos.records import Giving
from bot.profile import Profile
from storage import people as people_q
from storage.models import Person, Question, Workspace
from storage.workspaces import ensure_workspace
from tests.e2e.harness import Harness, PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process, bot_on_world

PEOPLE = (
    PersonSpec("hana", "Hana Okafor", "Asia/Tokyo"),
    PersonSpec("maria", "Maria Lopez", "Europe/Madrid"),
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("carol", "Carol Diaz", "America/New_York"),
    PersonSpec("erin", "Erin Quist", "Europe/London"),
    PersonSpec("dev", "Dev Patel", "Europe/Berlin"),
    PersonSpec("olga", "Olga Ivanova", "Europe/London"),
)
MANAGERS = {"maria": "hana", "dev": "hana", "alice": "maria", "bob": "maria"}
MANAGERS |= {"carol": "bob", "erin": "bob"}
INSTALLED = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
W47_WED = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
W47_THU = datetime(2026, 11, 19, 10, 0, tzinfo=UTC)
W47_TUE = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)
W47_SUN_LATE = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
MONDAY_W48 = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


async def org_chart(slack: Harness, installed: datetime = INSTALLED) -> None:
    """People as the directory sync and `askaround import people` would leave them, in a
    workspace that installed askaround at `installed`."""
    async with slack.services.sessions() as s, s.begin():
        for spec in PEOPLE:
            await people_q.upsert_profile(
                s, slack.team_id, slack.user(spec.handle),
                name=spec.handle, real_name=spec.real_name, tz=spec.tz,
                email=f"{spec.handle}@example.com",
            )  # fmt: skip
        for handle, manager in MANAGERS.items():
            await s.execute(
                update(Person)
                .where(Person.team_id == slack.team_id, Person.user_id == slack.user(handle))
                .values(manager_user_id=slack.user(manager))
            )
        await s.execute(
            update(Person).where(Person.user_id == slack.user("dev")).values(roles=["admin"])
        )
        await ensure_workspace(s, slack.team_id)
        await s.execute(
            update(Workspace).where(Workspace.team_id == slack.team_id).values(created_at=installed)
        )


async def helped(slack: Harness, helper: str, status: str, at: datetime) -> None:
    async with slack.services.sessions() as s, s.begin():
        s.add(
            Question(
                team_id=slack.team_id,
                asker_user_id=slack.user("dev"),
                channel_id=slack.channel("general"),
                text="how do we rotate the vault token?",
                status=status,
                helper_user_id=slack.user(helper),
                created_at=at,
                resolved_at=at if status == "solved" else None,
            )
        )


def _profile(slack: Harness, user_id: str) -> Profile:
    spec = next(p for p in PEOPLE if slack.user(p.handle) == user_id)
    return Profile(
        user_id, spec.handle, spec.real_name, email=f"{spec.handle}@example.com", tz=spec.tz
    )


async def give_directly(slack: Harness, handle: str, text: str, channel: str = "general") -> None:
    """What `/kudos text` in `channel` gives, read the same way, through the kudos service."""
    parsed = parse_kudos(slack.escape(text))
    given = await slack.services.kudos.give(
        Giving(
            team_id=slack.team_id,
            giver=_profile(slack, slack.user(handle)),
            recipients=tuple(_profile(slack, user) for user in parsed.recipients),
            reason=parsed.reason,
            key=f"seeded:{handle}:{slack.services.clock.now().isoformat()}",
            source="command",
            tags=parsed.tags,
            channel_tags=parsed.channel_tags,
            channel_id=slack.channel(channel),
            is_private=channel == "secret",
        )
    )
    assert given.entries and not given.duplicate


Give = Callable[[Harness, str, str, str], Awaitable[Any]]


async def stage_week(slack: Harness, give: Give = give_directly) -> None:
    """The org chart, the kudos of W45 to W48 (each given at its moment) and the help."""
    clock = slack.services.clock
    await org_chart(slack)
    clock.freeze(datetime(2026, 11, 4, 10, tzinfo=UTC))
    await give(slack, "alice", "@bob for the capacity review #teamwork", "general")
    clock.freeze(datetime(2026, 11, 11, 10, tzinfo=UTC))
    await give(slack, "carol", "@alice for pairing on the migration #teamwork", "general")
    clock.freeze(W47_WED)
    await give(slack, "alice", "@bob for untangling the release #teamwork", "general")
    await give(slack, "alice", "@carol for the on-call handover #ownership #teamwork", "general")
    clock.freeze(W47_THU)
    await give(slack, "hana", "@bob for the postgres upgrade #craft", "general")
    await give(slack, "bob", "@alice for keeping the secret rotation quiet #courage", "secret")
    clock.freeze(W47_SUN_LATE)
    await give(slack, "carol", "@alice for the late-night rollback #craft", "general")
    await helped(slack, "erin", "solved", W47_TUE)
    await helped(slack, "carol", "connected", W47_THU)
    await slack.settle()


@asynccontextmanager
async def company_in_process(
    tmp_path: Path, give: Give = give_directly
) -> AsyncIterator[SlackHarness]:
    """The company's bot in process, its week staged (given through `give`)."""
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        harness.emu.workspace.users[harness.user("olga")].is_admin = True
        await stage_week(harness, give)
        yield harness


_staged_until: list[datetime] = []  # where the staging left the bot's clock, once built


def _as_staged(slack: SlackHarness) -> None:
    """What the staged company keeps outside its database: Olga a Slack admin, the bot's
    clock where the staging left it."""
    slack.emu.workspace.users[slack.user("olga")].is_admin = True
    if _staged_until:
        slack.services.clock.freeze(_staged_until[0])


async def _staged(slack: SlackHarness) -> None:
    await stage_week(slack)
    _staged_until[:] = [slack.services.clock.now()]


@pytest.fixture
async def company(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The company, its week staged once a process (`bot_on_world`): the org chart, seven
    kudos and their deliveries cost some 0.3 CPU-s a test, most of the digests' tests."""
    async with bot_on_world(tmp_path, "digests-company", _staged, _as_staged, people=PEOPLE) as h:
        yield h


@pytest.fixture
async def fresh_install(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The company's org chart in a workspace that installed askaround on W47's Tuesday:
    no kudos yet, nobody helped."""
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await org_chart(harness, installed=W47_TUE)
        yield harness
