"""The Edit profile modal's save and `/skills forget me` reach routing at the next question, in
place: no rebuild (30-50 s at 100,000 people), and the copy caught up routes as one built
afresh from the database would (docs/routing.md, "Knows someone")."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.routing.engine import RoutingIndex
from bot.routing.loading import load_index
from slack_emulator.records import View
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_fresh_skills import asked, offers

NOW = datetime(2026, 12, 7, 10, tzinfo=UTC)
# Carol's own skills and network, a skill she adds, and what others are thanked or known for.
QUESTIONS = (
    "how do we set grpc deadlines between go services?",
    "our docker images are huge, who can help?",
    "who knows payments and api design for the new checkout?",
    "who can read our cobol copybooks?",
    "how should we size kubernetes pods for the api?",
    "how do we import terraform state?",
    "the flaky wombat deploy again",
    "who knows mssql replication?",
)


async def open_edit_profile(slack: SlackHarness, user: str) -> View:
    """The Edit profile modal `user` opens from their Home tab."""
    await slack.emu.open_home(user)
    await slack.drain()
    since = len(slack.emu.calls)
    await slack.emu.click(user, "skills_edit_profile", view=slack.emu.home_view(user))
    await slack.emu.wait_for(lambda c: c.method == "views.open", since=since)
    modal = slack.emu.open_modal(user)
    assert modal is not None
    return modal


async def save_profile(
    slack: SlackHarness, handle: str, values: dict[str, Any], typed: dict[str, str] | None = None
) -> None:
    """`handle` opens Edit profile from their Home tab and saves it with `values` (the
    modal's other fields as it showed them); `typed`, level field → a new skill's name typed
    into its type-ahead and picked."""
    user = slack.user(handle)
    modal = await open_edit_profile(slack, user)
    for field, name in (typed or {}).items():
        offered = await slack.emu.suggest(user, f"skills_{field}", name, modal.id)
        values[field] = {f"skills_{field}": [o for o in offered if o["value"] == name]}
    await slack.emu.submit_view(user, modal.id, values)
    await slack.settle()


def routed(
    index: RoutingIndex, asker: str, questions: Sequence[str] = QUESTIONS
) -> tuple[list[tuple[object, ...]], list[float]]:
    """Everything the questions' suggestions say, in order, and their scores."""
    found = [(text, index.suggest(text, asker, limit=30, now=NOW)) for text in questions]
    said: list[tuple[object, ...]] = [
        (text, s.user_id, s.reason, s.kind, s.topics, s.via_user_id, s.introduction)
        for text, suggestions in found
        for s in suggestions
    ]
    return said, [s.score for _, suggestions in found for s in suggestions]


async def same_as_rebuilt(
    slack: SlackHarness, index: RoutingIndex, questions: Sequence[str] = QUESTIONS
) -> None:
    """The copy caught up in place routes every question as a rebuild would: the same people
    in the same order for the same reasons, and the same scores but for the last bits (a
    length taken back is a sum made in another order)."""
    fresh = await load_index(slack.services.sessions, slack.team_id)
    assert fresh.evidence.weights.tolist() == index.evidence.weights.tolist()
    for asker in ("alice", "bob"):
        said, scores = routed(index, slack.user(asker), questions)
        rebuilt, rebuilt_scores = routed(fresh, slack.user(asker), questions)
        assert said == rebuilt
        assert scores == pytest.approx(rebuilt_scores, rel=1e-12, abs=1e-12)


@pytest.mark.postgres_too
async def test_an_edited_profile_is_routed_on_at_once(slack: SlackHarness) -> None:
    """Carol saves Edit profile with COBOL at level 5 and the CNCF Slack (kubernetes) in her
    network: Alice's next COBOL question asks her, her Kubernetes one asks her as a
    connector. Carol saves it again without them: Bob's next questions ask her about neither.
    Neither save rebuilt the copy in hand (the save made the next question wait for a whole
    rebuild), and after each it routes as a fresh load does."""
    await slack.command("bob", "/skills", "network add DBA guild about sql server")
    first = await asked(slack, "alice", "how do we import terraform state?")
    assert slack.user("dev") in first
    index = await slack.services.indexes.get(slack.team_id)
    builds = slack.services.indexes.builds

    carol = slack.user("carol")
    network = "CNCF Slack about kubernetes, helm as functional"
    await save_profile(
        slack,
        "carol",
        {"network": {"network": network}},
        {"level_5": "cobol", "level_3": "sql-server"},
    )
    assert await asked(slack, "alice", "who can read our cobol copybooks?") == [carol]
    pods = await offers(slack, "alice", "how should we size kubernetes pods for the api?")
    connector = [o for o in pods if o.candidate_user_id == carol]
    assert connector and connector[0].kind == "connector", [
        (o.candidate_user_id, o.kind) for o in pods
    ]
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds
    await same_as_rebuilt(slack, index)

    await save_profile(
        slack,
        "carol",
        {
            "level_5": {"skills_level_5": []},
            "level_3": {"skills_level_3": []},
            "network": {"network": ""},
        },
    )
    assert carol not in await asked(slack, "bob", "any cobol people around?")
    assert carol not in await asked(slack, "bob", "any kubernetes people who size pods?")
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds  # caught up in place, never rebuilt
    await same_as_rebuilt(slack, index)


@pytest.mark.postgres_too
async def test_forget_me_takes_the_profile_out_in_place(slack: SlackHarness) -> None:
    """Alice thanks Carol in public for the wombat deploy, and Carol adds her ex-colleagues
    at Stripe (payments, API design) to her network; the copy is built with both. Carol says
    `/skills forget me`: the next questions ask her neither about her skill (Go) nor as a
    connector for her network, while the kudos the ledger keeps still make her someone to ask
    about the wombat deploy. The copy in hand was caught up, not rebuilt (forget me made the
    next question wait for a whole rebuild), and it routes every question as a fresh load
    does: Go, which only she declared, is no longer a skill anyone is found for."""
    await slack.command("alice", "/kudos", "@carol for fixing the flaky wombat deploy")
    await slack.command(
        "carol", "/skills", "network add ex-colleagues at Stripe about payments, api design"
    )
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    carol = slack.user("carol")
    assert carol in await asked(slack, "bob", "how do we set grpc deadlines between go services?")
    payments = await offers(slack, "bob", "who knows payments and api design for the new checkout?")
    assert carol in [o.candidate_user_id for o in payments if o.kind == "connector"]
    index = await slack.services.indexes.get(slack.team_id)
    builds = slack.services.indexes.builds

    await slack.command("carol", "/skills", "forget me")
    await slack.settle()
    assert carol not in await asked(slack, "alice", "how do we set grpc deadlines in go?")
    assert carol not in await asked(slack, "alice", "who knows payments and api design here?")
    wombat = index.suggest("the flaky wombat deploy again", slack.user("bob"), now=NOW)
    assert [s.user_id for s in wombat][:1] == [carol], wombat
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds  # caught up in place, never rebuilt
    await same_as_rebuilt(slack, index)


@pytest.mark.postgres_too
async def test_a_profile_saved_while_a_skill_is_added_loses_neither(slack: SlackHarness) -> None:
    """Carol types `/skills add` and saves Edit profile at the same moment, a few times over:
    both are done (on PostgreSQL the two units of work take the workspace's row and hers in
    one order, where the other order deadlocks and PostgreSQL fails one of them), and the copy
    caught up routes as a fresh load does."""
    await asked(slack, "alice", "how do we import terraform state?")
    index = await slack.services.indexes.get(slack.team_id)
    carol = slack.user("carol")
    for n, (added, saved) in enumerate(
        (("rust", "cobol"), ("elixir", "fortran"), ("haskell", "ada"))
    ):
        modal = await open_edit_profile(slack, carol)
        offered = await slack.emu.suggest(carol, "skills_level_5", saved, modal.id)
        picked = [o for o in offered if o["value"] == saved]
        network = f"Guild {n} about {saved} as functional"
        values: dict[str, dict[str, Any]] = {
            "level_5": {"skills_level_5": picked},
            "interests": {"interests": f"{added} meetups"},
            "network": {"network": network},
        }
        await asyncio.gather(
            slack.command("carol", "/skills", f"add {added}:3"),
            slack.emu.submit_view(carol, modal.id, values),
        )
        await slack.settle()
        assert "Saved" in slack.emu.ephemerals(carol)[-1].text, slack.emu.ephemerals(carol)[-1]
        assert carol in await asked(slack, "bob", f"who knows {saved} here?")
    assert await slack.services.indexes.get(slack.team_id) is index
    await same_as_rebuilt(slack, index)


async def test_the_copy_ages_by_the_bots_own_clock(slack: SlackHarness) -> None:
    """Routing's copy is built again in the background once it is a minute old (`max_age`),
    counted on the bot's process clock: the pace clock, which tier b fakes. The checks above
    that a change was caught up in place, never rebuilt, counted on the wall's, and a test
    slowed past a minute by a loaded machine met the timed rebuild. At 50 s nothing is
    rebuilt, however long that took; at 65 s the next question starts a rebuild, and the
    copy routed on from then is the new one."""
    await asked(slack, "alice", "how do we import terraform state?")
    index = await slack.services.indexes.get(slack.team_id)
    builds = slack.services.indexes.builds
    slack.advance(timedelta(seconds=50))
    assert slack.user("dev") in await asked(slack, "bob", "how do we import terraform state?")
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds
    slack.advance(timedelta(seconds=15))
    assert slack.user("dev") in await asked(slack, "carol", "how do we import terraform state?")
    await asyncio.wait_for(rebuilt(slack, builds), timeout=60)
    assert await slack.services.indexes.get(slack.team_id) is not index


async def rebuilt(slack: SlackHarness, builds: int) -> None:
    """Until the background rebuild a question started is done."""
    while slack.services.indexes.builds == builds:  # noqa: ASYNC110 - a task of its own
        await asyncio.sleep(0.01)
