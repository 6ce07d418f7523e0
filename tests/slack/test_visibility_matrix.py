"""Who sees what, as one table (issue 18, "Done when"; the rules are `docs/privacy.md`).

Five sources of private or public text, each carrying its own marker word, are made through
the real dispatch path: a public kudos (alice → bob in #general), a private kudos (in
#secret, where only alice and bob are), a kudos given in alice's DM with the bot, bob's
declared network, and a private question alice asked and bob helped with. Then each viewer
(the giver alice, the receiver bob, a third person erin, bob's manager maria, the admin olga)
uses every surface that shows text, and the test reads what Slack showed each of them:
shout-outs (and the recipient's DM), routing reasons, `/kudos @bob`, the leaderboard,
`/kudos report`, the Home tab, `/skills @bob` and the weekly digest. A marker is seen by
exactly the viewers `EXPECTED` lists, surface by surface.
"""

from __future__ import annotations

import copy
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from slack_emulator import Delivery
from storage.models import Kudos, Offer, Question
from tests.slack.digests.conftest import MONDAY_W48, PEOPLE, W47_THU, W47_TUE, W47_WED, org_chart
from tests.slack.digests.world import digests, run_digests
from tests.slack.harness import SlackHarness, bot_in_process, seen_once

PUBLIC, PRIVATE, DM, NETWORK, QUESTION = (
    "quokkapub",
    "quokkapriv",
    "quokkadm",
    "quokkanet",
    "quokkaque",
)
SOURCES = (PUBLIC, PRIVATE, DM, NETWORK, QUESTION)
VIEWERS = {
    "giver": "alice",
    "receiver": "bob",
    "third": "erin",
    "manager": "maria",
    "admin": "olga",
}
ALL = frozenset(VIEWERS)
NOBODY: frozenset[str] = frozenset()
PAIR = frozenset({"giver", "receiver"})


def only(*roles: str) -> frozenset[str]:
    return frozenset(roles)


# surface → source → the viewers who see that source's text there.
EXPECTED: dict[str, dict[str, frozenset[str]]] = {
    "shout-outs": {PUBLIC: ALL, PRIVATE: PAIR, DM: PAIR, NETWORK: NOBODY, QUESTION: NOBODY},
    "routing reasons": {
        PUBLIC: ALL,
        PRIVATE: NOBODY,
        DM: NOBODY,
        NETWORK: NOBODY,
        QUESTION: NOBODY,
    },
    "/kudos @x": {PUBLIC: ALL, PRIVATE: PAIR, DM: PAIR, NETWORK: NOBODY, QUESTION: NOBODY},
    "leaderboards": {s: NOBODY for s in SOURCES},
    "reports": {
        PUBLIC: only("manager", "admin"),
        PRIVATE: NOBODY,
        DM: NOBODY,
        NETWORK: NOBODY,
        QUESTION: NOBODY,
    },
    "Home": {
        PUBLIC: only("receiver"),
        PRIVATE: only("receiver"),
        DM: only("receiver"),
        NETWORK: only("receiver"),
        QUESTION: NOBODY,
    },
    "profiles": {s: only("receiver") if s == NETWORK else NOBODY for s in SOURCES},
    "digests": {
        PUBLIC: only("manager"),
        PRIVATE: NOBODY,
        DM: NOBODY,
        NETWORK: NOBODY,
        QUESTION: NOBODY,
    },
}


async def kudos(slack: SlackHarness, handle: str, text: str, channel_id: str) -> None:
    await slack.here.slash_command(
        slack.user(handle), "/kudos", slack.escape(text), channel_id=channel_id
    )


async def stage(slack: SlackHarness) -> None:
    """The five sources, made the way people make them."""
    clock = slack.services.clock
    await org_chart(slack)
    slack.emu.workspace.users[slack.user("olga")].is_admin = True
    clock.freeze(W47_WED)
    general, secret = slack.channel("general"), slack.channel("secret")
    await kudos(slack, "alice", f"@bob for the {PUBLIC} rollout", general)
    await kudos(slack, "alice", f"@bob for the {PRIVATE} rollout", secret)
    im = slack.here.workspace.open_im(slack.user("alice"))
    await kudos(slack, "alice", f"@bob for the {DM} rollout", im.id)
    await slack.command("bob", "/skills", f"network add Zoo Society about {NETWORK} as functional")
    async with slack.services.sessions() as s, s.begin():
        s.add(
            Question(
                team_id=slack.team_id,
                asker_user_id=slack.user("alice"),
                channel_id=secret,
                text=f"how do we rotate the {QUESTION} rollout token?",
                status="solved",
                is_private=True,
                helper_user_id=slack.user("bob"),
                created_at=W47_TUE,
                resolved_at=W47_TUE,
            )
        )
    await slack.settle()
    clock.freeze(W47_THU)


async def seen_by(slack: SlackHarness) -> dict[str, dict[str, str]]:
    """surface → viewer role → everything that surface showed them, as text."""
    seen: dict[str, dict[str, str]] = {surface: {} for surface in EXPECTED}
    ws = slack.here.workspace

    def ephemeral_after(handle: str, before: int) -> str:
        shown = slack.emu.ephemerals(slack.user(handle))[before:]
        return "\n".join(f"{e.text}\n{e.blocks}" for e in shown)

    for role, handle in VIEWERS.items():
        user = slack.user(handle)
        for surface, command, text in (
            ("/kudos @x", "/kudos", "@bob"),
            ("leaderboards", "/kudos", "top week"),
            ("reports", "/kudos", "report @maria"),
            ("profiles", "/skills", "@bob"),
        ):
            before = len(slack.emu.ephemerals(user))
            await slack.command(handle, command, text)
            await slack.settle()
            seen[surface][role] = ephemeral_after(handle, before)
        await slack.emu.open_home(user)
        await slack.settle()
        home = slack.emu.home_view(user)
        seen["Home"][role] = str(home.blocks) if home else ""
    # Shout-outs: the bot's messages in every conversation the viewer is in.
    for role, handle in VIEWERS.items():
        user = slack.user(handle)
        rooms = [c.id for c in ws.channels.values() if user in c.members]
        seen["shout-outs"][role] = "\n".join(
            f"{m.text}\n{m.blocks}"
            for m in slack.emu.messages()
            if m.by_bot and m.channel in rooms and "kudos" in m.text
        )
    # Routing reasons: erin asks in #general, where the reasons are read by anybody.
    slack.services.indexes.invalidate(slack.team_id)
    asked = f"who can help with {' '.join(SOURCES)}?"
    await slack.post("erin", "general", f"<@{slack.emu.bot_user_id}> {asked}")
    await slack.settle()
    async with slack.services.sessions() as s:
        offers = list(await s.scalars(select(Offer)))
    assert offers, "nobody was suggested"
    reasons = "\n".join(f"{o.reason}\n{o.introduction}" for o in offers)
    seen["routing reasons"] = {role: reasons for role in VIEWERS}
    # The weekly digest, at Monday 09:00 in Madrid.
    slack.services.clock.freeze(MONDAY_W48 + timedelta(hours=8))
    await run_digests(slack)
    seen["digests"] = {
        role: "\n".join(f"{m.text}\n{m.blocks}" for m in digests(slack, handle, "2026-W47"))
        for role, handle in VIEWERS.items()
    }
    return seen


@pytest.fixture
async def world(tmp_path: Path) -> dict[str, dict[str, str]]:
    """surface → viewer → what they were shown; staged and seen once a process (`seen_once`):
    the tests only read it."""

    async def see() -> dict[str, dict[str, str]]:
        async with bot_in_process(tmp_path, people=PEOPLE) as slack:
            await stage(slack)
            return await seen_by(slack)

    return await seen_once("visibility-matrix", see)


async def test_each_viewer_sees_exactly_what_the_rules_allow(
    world: dict[str, dict[str, str]],
) -> None:
    """Every (surface, source, viewer) cell: the source's marker is shown iff the table says."""
    wrong = []
    for surface, by_source in EXPECTED.items():
        for source, allowed in by_source.items():
            for role in VIEWERS:
                shown = source in world[surface].get(role, "")
                if shown != (role in allowed):
                    wrong.append(f"{surface}: {role} {'sees' if shown else 'misses'} {source}")
    assert not wrong, "\n".join(wrong)


async def test_the_surfaces_were_really_used(world: dict[str, dict[str, str]]) -> None:
    """The table is not vacuous: each viewer got an answer on every surface they may use."""
    for role in VIEWERS:
        assert "leaderboard" in world["leaderboards"][role].lower()
        assert world["/kudos @x"][role] and world["profiles"][role] and world["Home"][role]
    assert "Your network" in world["Home"]["receiver"]
    assert world["digests"]["manager"] and world["reports"]["admin"]


async def test_forged_clicks_reach_nothing_of_anyone_else(tmp_path: Path) -> None:
    """Erin takes the signed payload of a real click of hers and edits what Slack would only
    ever send back as we wrote it, as a modified client could: Alice's private question's id
    in Withdraw, That answers it, Solved and Ask anyway; an offer of it to Bob in I can help,
    Not me and Suggest someone; the batch of Alice's private kudos in Undo. Each is refused:
    nothing changes, and Erin is shown none of the private sources."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        async with slack.services.sessions() as s, s.begin():
            question = await s.scalar(select(Question).where(Question.is_private))
            assert question is not None
            offer = Offer(
                team_id=slack.team_id,
                question_id=question.id,
                candidate_user_id=slack.user("bob"),
                created_at=W47_TUE,
            )
            s.add(offer)
        private = await kudos_in(slack, PRIVATE)
        erin = slack.user("erin")
        await slack.command("erin", "/kudos", "@bob")
        await slack.settle()
        await slack.emu.click_button(erin, "Give kudos")
        await slack.settle()
        real = next(
            d for d in reversed(slack.emu.deliveries) if d.payload.get("type") == "block_actions"
        )
        forged_actions = [
            *(
                {"type": "button", "action_id": action, "block_id": "forged", "value": value}
                for action, value in (
                    ("question_withdraw", str(question.id)),
                    ("question_answered", str(question.id)),
                    ("question_solved", str(question.id)),
                    ("question_consent", str(question.id)),
                    ("offer_accept", str(offer.id)),
                    ("offer_decline", str(offer.id)),
                    ("kudos_undo", private.batch_key),
                )
            ),
            {
                "type": "users_select",
                "action_id": "offer_refer",
                "block_id": f"offer_{offer.id}",
                "selected_user": slack.user("maria"),
            },
        ]
        for number, action in enumerate(forged_actions):
            forged = copy.deepcopy(real.payload)
            forged["trigger_id"] = f"{real.payload['trigger_id']}.{number}"  # a click of its own
            forged["actions"] = [{**action, "action_ts": f"{number}.0"}]
            await slack.emu.redeliver(Delivery("interaction", forged), as_retry=False)
            await slack.settle()
        async with slack.services.sessions() as s:
            after = await s.get(Question, question.id), await s.get(Offer, offer.id)
        assert [row.status if row else None for row in after] == ["solved", "pending"]
        assert (await kudos_in(slack, PRIVATE)).undone_at is None
        shown = [f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(erin)]
        shown += [f"{m.text}\n{m.blocks}" for m in slack.emu.dm_messages(erin)]
        modal = slack.emu.open_modal(erin)
        shown.append(str(modal.blocks) if modal else "")
        seen = "\n".join(shown)
        assert not [marker for marker in (PRIVATE, DM, QUESTION) if marker in seen], seen
        refusals = {
            "isn't yours": 3,
            "not sent to you": 3,
            "Only the person who asked": 1,
            "Only the person who gave": 1,
        }
        told = "\n".join(e.text for e in slack.emu.ephemerals(erin))
        assert {words: told.count(words) for words in refusals} == refusals, told


async def kudos_in(slack: SlackHarness, marker: str) -> Kudos:
    async with slack.services.sessions() as s:
        found = await s.scalar(select(Kudos).where(Kudos.message.contains(marker)))
    assert found is not None
    return found
