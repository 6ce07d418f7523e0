"""Every surface acts in the workspace Bolt authorised, whatever else a payload says.

In a channel shared with another organisation (Slack Connect) Slack names a person's home
workspace as theirs (`user.team_id`, an event's `team` and `user_team`) while `team.id` is
the workspace that installed the app. Here everyone in A is a guest from B with B's very
user ids (the emulator's `Workspace.guests`), and B holds a profile, a network and kudos of
its own. One surface after another is used in A: each must act in A (shown by its effect
there) and neither show B's data nor change any of B's rows.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot import visibility
from storage.models import Base, Kudos, Question
from tests.slack.harness import SlackHarness
from tests.slack.test_workspaces import said, two

__all__ = ["two"]  # the fixture
B_ONLY = ("zyxquux", "Zed Mainframe", "b-only-secret")
QUESTION = "how do we unlock a stuck terraform state?"
Step = Callable[[SlackHarness], Awaitable[None]]
SURFACES_DIR = Path(__file__).parents[2] / "handlers" / "surfaces"
NOT_LISTENERS = {"jobs.py", "oauth.py"}  # scheduled work and the install pages
TEAM_FROM_ELSEWHERE = re.compile(r'\["team"\]|\["team_id"\]|\.team_id\b|get\("team')


async def rows_of(side: SlackHarness, team_id: str) -> list[tuple[Any, ...]]:
    """Every row any table holds for `team_id`, but the inbox (which records each request)."""
    found: list[tuple[Any, ...]] = []
    async with side.services.sessions() as s:
        for table in Base.metadata.sorted_tables:
            if "team_id" not in table.c or table.name == "inbox":
                continue
            result = await s.execute(select(table).where(table.c.team_id == team_id))
            found += [(table.name, *map(str, row)) for row in result]
    return sorted(found)


def shown_in(side: SlackHarness) -> str:
    """What anyone in this workspace can see: messages, ephemerals, Home tabs and modals."""
    ws = side.here.workspace
    views = [str(v.spec) for v in ws.views.views.values()]
    return "\n".join(
        [str(m.blocks) + m.text for m in side.here.messages()]
        + [str(e.blocks) + e.text for e in side.here.ephemerals()]
        + views
    )


async def skills_command(a: SlackHarness) -> None:
    assert "Saved: Terraform (4)" in await said(a, "bob", "/skills", "add terraform:4")
    assert "Terraform" in await said(a, "bob", "/skills", "")
    a.services.indexes.invalidate(a.team_id)


async def home_tab(a: SlackHarness) -> None:
    await a.here.open_home(a.user("alice"))
    await a.settle()
    assert a.here.home_view(a.user("alice")) is not None


async def edit_profile(a: SlackHarness) -> None:
    """The button, the type-ahead and Save: all of them on A's profile."""
    alice = a.user("alice")
    await a.here.click(alice, "skills_edit_profile", view=a.here.home_view(alice))
    await a.settle()
    modal = a.here.open_modal(alice)
    assert modal is not None
    assert "zyxquux" not in str(modal.spec) and "Zed" not in str(modal.spec)
    options = await a.here.suggest(alice, "skills_level_4", "zyxq", modal.id)
    assert options and "zyxquux" not in [o["value"] for o in options]
    await a.here.submit_view(
        alice, modal.id, {"level_3": {"skills_level_3": ["rust"]}, "network": {"network": ""}}
    )
    await a.settle()
    mine = await a.services.directory.profile(a.team_id, alice, visibility.person(alice))
    assert ("rust", 3) in [(skill.key, skill.level) for skill in mine.skills]


async def kudos_command(a: SlackHarness) -> None:
    assert "Kudos sent" in await said(a, "alice", "/kudos", "@bob for the a-side rollout #craft")
    assert "a-side rollout" in await said(a, "maria", "/kudos", "@bob")
    assert "a-side rollout" in await said(a, "maria", "/kudos", "report this week")


async def kudos_modal(a: SlackHarness) -> None:
    maria = a.user("maria")
    await a.here.global_shortcut(maria, "give_kudos_global")
    await a.settle()
    modal = a.here.open_modal(maria)
    assert modal is not None
    await a.here.submit_view(
        maria,
        modal.id,
        {
            "recipients": {"users": [a.user("alice")]},
            "reason": {"text": "a-side planning help"},
            "channel": {"where": a.channel("general")},
        },
    )
    await a.drain()
    async with a.services.sessions() as s:
        given = list(await s.scalars(select(Kudos).where(Kudos.message.contains("a-side"))))
    assert {k.team_id for k in given} == {a.team_id} and len(given) == 2


async def kudos_undo(a: SlackHarness) -> None:
    assert "Kudos sent" in await said(a, "carol", "/kudos", "@maria for the undo-me check #craft")
    await a.here.click_button(a.user("carol"), "Undo")
    await a.settle()
    async with a.services.sessions() as s:
        undone = list(await s.scalars(select(Kudos).where(Kudos.message.contains("undo-me"))))
    assert [(k.team_id, k.undone_at is not None) for k in undone] == [(a.team_id, True)]


async def kudos_reaction_and_message_shortcut(a: SlackHarness) -> None:
    message = await a.post("carol", "general", "wrote the a-side failover runbook")
    await a.here.add_reaction(a.user("bob"), message.channel, message.ts, "kudos")
    await a.settle()
    await a.here.message_shortcut(a.user("alice"), "give_kudos", message)
    await a.settle()
    modal = a.here.open_modal(a.user("alice"))
    assert modal is not None
    await a.here.submit_view(a.user("alice"), modal.id, {"reason": {"text": "a-side runbook"}})
    await a.drain()
    async with a.services.sessions() as s:
        given = list(await s.scalars(select(Kudos).where(Kudos.message.contains("runbook"))))
    assert sorted((k.team_id, k.source) for k in given) == [
        (a.team_id, "reaction"),
        (a.team_id, "shortcut"),
    ]


async def question_and_offer(a: SlackHarness) -> None:
    await a.post("alice", "general", f"<@{a.here.bot_user_id}> {QUESTION}")
    await a.drain()
    offers = [m for m in a.here.dm_messages(a.user("bob")) if "offer_accept" in str(m.blocks)]
    assert offers, "bob was not asked in A"
    await a.here.click(a.user("bob"), "offer_accept", message=offers[-1])
    await a.drain()
    await a.here.click_button(a.user("alice"), "Solved")
    await a.drain()
    async with a.services.sessions() as s:
        asked = list(await s.scalars(select(Question)))
    assert [(q.team_id, q.status) for q in asked] == [(a.team_id, "solved")]
    assert "no open questions" in await said(a, "alice", "/ask", "mine")


async def find_expert(a: SlackHarness) -> None:
    message = await a.post("carol", "general", "who can explain terraform workspaces?")
    await a.here.message_shortcut(a.user("carol"), "find_expert", message)
    await a.drain()
    async with a.services.sessions() as s:
        asked = list(await s.scalars(select(Question).where(Question.source == "shortcut")))
    assert [q.team_id for q in asked] == [a.team_id]


SURFACES: list[tuple[str, Step]] = [
    ("/skills", skills_command),
    ("app_home_opened", home_tab),
    ("Edit profile: button, type-ahead, Save", edit_profile),
    ("/kudos", kudos_command),
    ("Give kudos shortcut and modal", kudos_modal),
    ("Undo button", kudos_undo),
    ("reaction_added and Give kudos message shortcut", kudos_reaction_and_message_shortcut),
    ("app_mention, the offer's Accept, Solved, /ask mine", question_and_offer),
    ("Find an expert shortcut", find_expert),
]


async def test_payloads_naming_another_workspace_act_in_the_authorised_one(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    a, b = two
    assert "Saved" in await said(b, "alice", "/skills", "add zyxquux:5")
    assert "network" in await said(b, "alice", "/skills", "network add Zed Mainframe about cics")
    assert "Kudos sent" in await said(b, "bob", "/kudos", "@alice for the b-only-secret #craft")
    await b.drain()
    b_rows = await rows_of(a, b.team_id)
    b_calls = len([c for c in a.emu.calls if c.team_id == b.team_id])
    a.here.workspace.guests = dict.fromkeys(a.users.values(), b.team_id)

    for surface, step in SURFACES:
        await step(a)
        await a.drain()
        assert await rows_of(a, b.team_id) == b_rows, f"{surface} changed B's rows"
        shown = shown_in(a)
        assert not [x for x in B_ONLY if x.lower() in shown.lower()], f"{surface} showed B's data"
        calls = [c for c in a.emu.calls if c.team_id == b.team_id]
        assert len(calls) == b_calls, f"{surface} called Slack with B's token"


def test_every_listener_asks_one_helper_for_its_workspace() -> None:
    """No surface reads a team from the payload, or from Bolt's context, by itself: they all
    call `handlers.dispatch.workspace.workspace_of`."""
    readers = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(SURFACES_DIR.glob("*.py"))
        if path.name not in NOT_LISTENERS
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if TEAM_FROM_ELSEWHERE.search(line)
    ]
    assert readers == []
