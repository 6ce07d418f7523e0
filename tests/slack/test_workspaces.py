"""Two workspaces installed through OAuth on one bot (in process) and one database, and
nothing crosses.

The emulator numbers ids per workspace, so both have an alice `U0000001`, a `#general`
`C0000001` and the same org chart: anything keyed by a Slack id without its team would
mix the two, and these tests would see it. Each check of what B does not see has its
counterpart showing that A does, so an empty answer cannot pass by accident.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import select, update

from slack_emulator import Delivery
from storage import people as people_q
from storage.models import Kudos, Offer, Person, Question
from tests.e2e.harness import PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_forget_me import type_ahead

TUESDAY_10_UTC = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("carol", "Carol Diaz", "Europe/Madrid"),
    PersonSpec("maria", "Maria Lopez", "Europe/Madrid"),
)
QUESTION = "how do we unlock a stuck terraform state?"


@pytest.fixture
async def two(tmp_path: Path) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    """Workspaces A and B, both installed, with the same people, ids and org chart (Maria
    manages Alice and Bob); A alone has Zoe."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as a:
        a.services.clock.freeze(TUESDAY_10_UTC)
        b = a.add_team("T0BRAVO", "Bravo Inc", PEOPLE)
        for side in (a, b):
            assert (await side.install()).status == 200
            await org_chart(side)
        zoe = a.here.workspace.add_user(name="zoe", real_name="Zoe Only-in-A", tz="UTC")
        a.users["zoe"] = zoe.id
        a.channels["a-only"] = a.here.workspace.add_channel("a-only", members=[zoe.id]).id
        assert a.users["alice"] == b.users["alice"] and a.channels == {
            **b.channels,
            "a-only": a.channels["a-only"],
        }
        yield a, b


async def org_chart(side: SlackHarness) -> None:
    async with side.services.sessions() as s, s.begin():
        for spec in PEOPLE:
            await people_q.upsert_profile(
                s, side.team_id, side.user(spec.handle),
                name=spec.handle, real_name=spec.real_name, tz=spec.tz,
                email=f"{spec.handle}@example.com",
            )  # fmt: skip
        for handle in ("alice", "bob"):
            await s.execute(
                update(Person)
                .where(Person.team_id == side.team_id, Person.user_id == side.user(handle))
                .values(manager_user_id=side.user("maria"))
            )


async def said(side: SlackHarness, handle: str, command: str, text: str) -> str:
    """Run a slash command as this person; what only they see in answer."""
    before = len(side.here.ephemerals(side.user(handle)))
    assert (await side.command(handle, command, text)).ok
    await side.drain()
    shown = side.here.ephemerals(side.user(handle))[before:]
    return "\n".join(f"{e.text}\n{e.blocks}" for e in shown)


def bot_dms(side: SlackHarness, handle: str) -> str:
    return "\n".join(str(m.blocks) + m.text for m in side.here.dm_messages(side.user(handle)))


async def test_kudos_leaderboards_and_reports_stay_in_their_workspace(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Kudos given in A: B's leaderboard, `/kudos me`, `/kudos @bob`, its channels and Maria's
    report show none of them, though B's Bob has A's Bob's very user id."""
    a, b = two
    await said(a, "alice", "/kudos", "@bob for untangling the release #teamwork")
    await said(a, "carol", "/kudos", "@bob for the postgres upgrade #craft")
    assert "Bob Chen · 2" in await said(a, "maria", "/kudos", "top")
    assert "No kudos yet" in await said(b, "maria", "/kudos", "top all")
    for side, asker in ((b, "bob"), (b, "maria")):
        for text in ("me", "@bob", "top all #craft", "report this week"):
            answer = await said(side, asker, "/kudos", text)
            assert answer, text
            assert "untangling" not in answer and "postgres upgrade" not in answer, text
    assert "received 2 kudos" in await said(a, "maria", "/kudos", "report this week")
    assert "received 2 kudos" not in await said(b, "maria", "/kudos", "report this week")
    assert not [m for m in b.here.messages() if m.by_bot and "kudos" in m.text]
    assert [m for m in a.here.messages(a.channel("general")) if m.by_bot]
    async with a.services.sessions() as s:
        assert {k.team_id for k in await s.scalars(select(Kudos))} == {a.team_id}


async def test_skills_and_questions_stay_in_their_workspace(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Bob declares Terraform in A. In B nobody knows Terraform, B's Bob (same id) has no
    skills on his Home tab, and a Terraform question asked in B offers nobody anything, in
    either workspace; the same question asked in A goes to A's Bob, with A's token."""
    a, b = two
    assert "Saved: Terraform (4)" in await said(a, "bob", "/skills", "add terraform:4")
    a.services.indexes.invalidate(a.team_id)
    assert a.user("bob") in await said(a, "carol", "/skills", "who terraform")
    assert "Nobody has declared" in await said(b, "carol", "/skills", "who terraform")
    await b.here.open_home(b.user("bob"))
    await b.settle()
    home = b.here.home_view(b.user("bob"))
    assert home is not None and "Terraform" not in str(home.blocks)

    await b.post("alice", "general", f"<@{b.here.bot_user_id}> {QUESTION}")
    await b.drain()
    assert "terraform" not in bot_dms(b, "bob").lower()
    assert "terraform" not in bot_dms(a, "bob").lower()

    await a.post("alice", "general", f"<@{a.here.bot_user_id}> {QUESTION}")
    await a.drain()
    assert "terraform" in bot_dms(a, "bob").lower()
    assert "terraform" not in bot_dms(b, "bob").lower()
    offer_posts = [
        c
        for c in a.emu.calls_to("chat.postMessage")
        if "terraform" in str(c.args).lower() and c.args.get("channel", "").startswith("D")
    ]
    assert offer_posts and {c.team_id for c in offer_posts} == {a.team_id}
    async with a.services.sessions() as s:
        offers = list(await s.scalars(select(Offer)))
        questions = {q.id: q.team_id for q in await s.scalars(select(Question))}
    assert offers and all(questions[o.question_id] == a.team_id for o in offers)


async def test_someone_from_the_other_workspace_cannot_be_reached(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Zoe is only in A. Kudos to her id typed in B credit nobody in A; and B's bot token,
    tried by hand, cannot see Zoe, A's channel or A's messages."""
    a, b = two
    zoe = a.user("zoe")
    b.users["zoe"] = zoe  # as if someone in B pasted her mention
    answer = await said(b, "alice", "/kudos", "@zoe for sneaking across #teamwork")
    assert "can't find" in answer and "Kudos sent" not in answer
    assert "sneaking across" not in await said(a, "maria", "/kudos", f"<@{zoe}>")
    async with a.services.sessions() as s:
        kudos_in_a = list(await s.scalars(select(Kudos).where(Kudos.team_id == a.team_id)))
    assert kudos_in_a == []

    await said(a, "alice", "/kudos", "@bob for the A-side secret sauce #craft")
    b_token = AsyncWebClient(token=b.here.bot_token, base_url=b.emu.api_url)
    for attempt, error in (
        (b_token.users_info(user=zoe), "user_not_found"),
        (b_token.conversations_history(channel=a.channel("a-only")), "channel_not_found"),
    ):
        with pytest.raises(SlackApiError) as refused:
            await attempt
        assert refused.value.response["error"] == error
    history = await b_token.conversations_history(channel=b.channel("general"))
    assert "secret sauce" not in str(history["messages"])
    a_token = AsyncWebClient(token=a.here.bot_token, base_url=a.emu.api_url)
    history = await a_token.conversations_history(channel=a.channel("general"))
    assert "secret sauce" in str(history["messages"])


async def test_scheduled_jobs_run_in_every_workspace_with_its_own_token(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """The daily directory sync pages through each workspace's members with that workspace's
    token, and records them under that workspace: Zoe only in A."""
    a, b = two
    since = len(a.emu.calls)
    await a.runner.bot.scheduler.run_once("directory_sync")
    listed = [c for c in a.emu.calls[since:] if c.method == "users.list"]
    assert sorted(c.team_id or "" for c in listed) == sorted([a.team_id, b.team_id])
    async with a.services.sessions() as s:
        zoes = list(await s.scalars(select(Person).where(Person.user_id == a.user("zoe"))))
    assert [p.team_id for p in zoes] == [a.team_id]
    await a.runner.bot.scheduler.run_once("digests")
    # each client learnt its workspace from its own token once (`handlers.client.identity`)
    checked = {c.team_id for c in a.emu.calls if c.method == "auth.test"}
    assert checked == {a.team_id, b.team_id}


async def test_a_workspace_of_an_enterprise_grid_org_gets_its_deliveries_and_jobs(
    tmp_path: Path,
) -> None:
    """A workspace of an Enterprise Grid organisation installs the app for itself (not
    org-wide): Slack names the org in the install's `oauth.v2.access` (`enterprise`) and in
    every payload (`enterprise_id`), and Bolt keeps the install under it. The outbox and the
    jobs find its token by workspace alone: before, they looked for an install outside any
    org, found none, and the shout-out was never posted (nor the directory synced)."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as a:
        grid = a.add_team("T0GRID", "Grid Co", PEOPLE, enterprise_id="E0GRID")
        assert (await grid.install()).status == 200
        answer = await said(grid, "alice", "/kudos", "@bob for untangling the release #teamwork")
        assert "Kudos sent" in answer
        shoutouts = [m for m in grid.here.messages(grid.channel("general")) if m.by_bot]
        assert shoutouts and "untangling the release" in shoutouts[0].text
        since = len(a.emu.calls)
        await a.runner.bot.scheduler.run_once("directory_sync")
        listed = [c for c in a.emu.calls[since:] if c.method == "users.list"]
        assert [c.team_id for c in listed] == [grid.team_id]


async def test_a_click_naming_the_other_workspaces_items_reaches_nothing(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """In A, Alice has a private question open, with a request to Bob, and a private kudos
    for Bob. In B, Alice and Bob (the very same user ids) edit a real click of theirs to name
    A's question, request and kudos, as a modified client could: Withdraw, Solved, Ask
    colleagues, Undo, I can help and Not me each find nothing in B, and nothing changes in A."""
    a, b = two
    assert (await a.command("alice", "/kudos", "@bob for the vault rotation", channel="secret")).ok
    await a.drain()
    async with a.services.sessions() as s, s.begin():
        question = Question(
            team_id=a.team_id, asker_user_id=a.user("alice"), channel_id=a.channel("secret"),
            text="how do we rotate the secret token?", status="open", is_private=True,
            created_at=TUESDAY_10_UTC,
        )  # fmt: skip
        s.add(question)
        await s.flush()
        offer = Offer(
            team_id=a.team_id, question_id=question.id, candidate_user_id=a.user("bob"),
            created_at=TUESDAY_10_UTC,
        )  # fmt: skip
        s.add(offer)
    async with a.services.sessions() as s:
        kudos = await s.scalar(select(Kudos))
    assert kudos is not None and kudos.is_private
    forged = {
        "alice": [
            ("question_withdraw", str(question.id)),
            ("question_solved", str(question.id)),
            ("question_consent", str(question.id)),
            ("kudos_undo", kudos.batch_key),
        ],
        "bob": [("offer_accept", str(offer.id)), ("offer_decline", str(offer.id))],
    }
    for handle, actions in forged.items():
        user = b.user(handle)
        await said(b, handle, "/kudos", "@carol")
        await b.here.click_button(user, "Give kudos")
        await b.settle()
        real = next(
            d
            for d in reversed(b.emu.deliveries)
            if d.payload.get("type") == "block_actions" and d.payload["user"]["id"] == user
        )
        before = len(b.here.ephemerals(user))
        for number, (action_id, value) in enumerate(actions):
            click = copy.deepcopy(real.payload)
            click["trigger_id"] = f"{real.payload['trigger_id']}.{number}"  # a click of its own
            click["actions"] = [
                {"type": "button", "action_id": action_id, "block_id": "forged", "value": value,
                 "action_ts": f"{number}.0"}
            ]  # fmt: skip
            await b.emu.redeliver(Delivery("interaction", click), as_retry=False)
            await b.settle()
        told = [e.text for e in b.here.ephemerals(user)[before:]]
        assert len(told) == len(actions) and all(
            "can't find" in text or "no longer have" in text for text in told
        ), told
    async with a.services.sessions() as s:
        still = (await s.get(Question, question.id), await s.get(Offer, offer.id))
        undone = await s.scalar(select(Kudos.undone_at).where(Kudos.id == kudos.id))
    assert [row.status if row else None for row in still] == ["open", "pending"]
    assert undone is None


async def test_the_skills_type_ahead_offers_no_other_workspaces_skill_nor_anyones_network(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Bob, in A, declares a skill only he typed and a network topic only he knows of. Carol
    typing in Edit profile's type-ahead (a `block_suggestion`) is offered his skill in A, but
    in B (the same user ids) neither; and his network topic, his alone, is offered nowhere."""
    a, b = two
    assert (await a.command("bob", "/skills", "add zanzibarquux!:4")).ok
    network = "network add Zoo Society about zanzibarnet as functional"
    assert "zanzibarnet" in await said(a, "bob", "/skills", network)

    in_a, in_b = [await type_ahead(side, "carol", "zanzib") for side in (a, b)]
    assert "zanzibarquux" in in_a and "zanzibarquux" not in in_b, (in_a, in_b)
    assert not [value for value in in_a + in_b if "zanzibarnet" in value], (in_a, in_b)


async def test_a_solved_question_a_network_and_ask_mine_stay_in_their_workspace(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """As in an Enterprise Grid org, Alice and Bob have one user id in A and B. In A, Bob
    declares Terraform and a network that knows someone for Vault, and helps Alice with a
    question that is solved there. In B, Alice asking the same is shown no solved question,
    `/ask mine` lists nothing of A, Bob's profile in B holds no network, and Maria's network
    insights in B count nothing of A."""
    a, b = two
    assert "Saved" in await said(a, "bob", "/skills", "add terraform:4")
    assert "In your network" in await said(
        a, "bob", "/skills", "network add CNCF Slack about vault as functional"
    )
    a.services.indexes.invalidate(a.team_id)
    await a.post("alice", "general", f"<@{a.here.bot_user_id}> {QUESTION}")
    await a.drain()
    asked = [m for m in a.here.dm_messages(a.user("bob")) if m.by_bot][-1]
    await a.emu.click(a.user("bob"), "offer_accept", message=asked)
    await a.drain()
    assert "stuck terraform" in await said(a, "alice", "/ask", "mine")
    assert "no open questions" in await said(b, "alice", "/ask", "mine")
    await a.emu.click_button(a.user("alice"), "Solved")
    await a.drain()
    async with a.services.sessions() as s:
        (question,) = list(await s.scalars(select(Question)))
    assert question.status == "solved" and question.team_id == a.team_id

    before = len(b.here.ephemerals(b.user("alice")))
    await b.post("alice", "general", f"<@{b.here.bot_user_id}> {QUESTION}")
    await b.drain()
    shown_b = "\n".join(
        f"{e.text}{e.blocks}" for e in b.here.ephemerals(b.user("alice"))[before:]
    ) + bot_dms(b, "alice")
    assert "solved before" not in shown_b and "solved with" not in shown_b
    async with b.services.sessions() as s:
        b_questions = list(await s.scalars(select(Question).where(Question.team_id == b.team_id)))
    assert all(q.status != "solved" for q in b_questions)
    profile_b = await said(b, "bob", "/skills", "")
    assert "CNCF" not in profile_b and "vault" not in profile_b.lower()
    assert "CNCF" in await said(a, "bob", "/skills", "")
    network_b = await said(b, "maria", "/askaround", "network")
    assert network_b and "vault" not in network_b.lower()
    assert "terraform" not in network_b.lower()
    before = len(a.here.ephemerals(a.user("carol")))
    await a.post("carol", "general", f"<@{a.here.bot_user_id}> {QUESTION}")
    await a.drain()
    shown_a = "\n".join(f"{e.text}{e.blocks}" for e in a.here.ephemerals(a.user("carol"))[before:])
    assert "solved before" in shown_a + bot_dms(a, "carol")
