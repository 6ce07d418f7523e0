"""A leaner Slack: methods the bot calls only for a nicety answer `unknown_method` (HTTP 200
or 404, as a Slack or a stand-in that lacks them does), or answer ok without their optional
fields. Kudos, questions, skills and the Home tab still do their work and say what is true."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from handlers.client.directory import sync_directory
from storage.models import Offer, Person, Question
from tests.slack.harness import SlackHarness, bot_in_process, bot_on_world
from tests.slack.kudos.world import dm_text, ephemeral_text, give, kudos_posts, ledger
from tests.slack.questions.world import PEOPLE, declare_skills, declared_world, tuesday_morning
from tests.slack.test_directory_import import run_import

QUESTION = "how do we unlock a stuck terraform state?"
OPTIONAL = ("users.info", "conversations.info", "chat.getPermalink", "users.list")
LEAN: dict[str, dict[str, Any]] = {
    "unknown_method": {"error": "unknown_method"},
    "404": {"status": 404, "error": "unknown_method"},
    "fields_missing": {
        "omit": (
            "user.tz",
            "user.tz_offset",
            "user.real_name",
            "user.name",
            "user.profile",
            "user.is_restricted",
            "user.is_ultra_restricted",
            "user.is_admin",
            "user.is_owner",
            "user.updated",
            "members.tz",
            "members.real_name",
            "members.profile",
            "channel.name",
            "channel.is_private",
            "channel.is_member",
            "permalink",
        )
    },
}


@pytest.fixture(params=sorted(LEAN))
async def lean(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The questions' world (skills declared and the directory synced while Slack was
    whole), then a leaner Slack."""
    async with bot_on_world(
        tmp_path, "lean-synced", declared_and_synced, tuesday_morning, people=PEOPLE
    ) as slack:
        for method in OPTIONAL:
            slack.emu.faults.add(method, times=None, **LEAN[request.param])
        yield slack


async def declared_and_synced(slack: SlackHarness) -> None:
    await declare_skills(slack)
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)


async def test_kudos_by_command_reach_the_colleague(lean: SlackHarness) -> None:
    """`/kudos @bob for …`: the ledger row, the shout-out, Bob's DM and the giver's confirmation
    (which said "I can't find @bob in this workspace" when users.info was not answered)."""
    await give(lean, "alice", "@bob for untangling the release #teamwork")
    assert [k.receiver_user_id for k in await ledger(lean)] == [lean.user("bob")]
    assert "untangling the release" in dm_text(lean, "bob")
    assert kudos_posts(lean, "general")
    told = ephemeral_text(lean, "alice")
    assert "can't find" not in told and "left today" in told


async def test_ask_reaches_a_colleague_and_their_answer_the_asker(lean: SlackHarness) -> None:
    """`/ask …`: colleagues are asked (after the asker's consent where Slack would not say
    whether the channel is public, kept private as a refusal is), one accepts, the asker is
    told who can help. users.info unanswered failed the `/ask` itself."""
    await lean.command("alice", "/ask", "who can review my terraform module for s3 buckets?")
    await lean.settle()
    if not await offers(lean):
        told = ephemeral_text(lean, "alice")
        assert "This conversation is private" not in told  # #general is not
        assert "Slack didn't tell me whether this conversation is public" in told
        await lean.emu.click_button(lean.user("alice"), "Ask colleagues privately")
        await lean.settle()
    dev = lean.user("dev")
    offer = [m for m in lean.emu.dm_messages(dev) if m.bot_id][-1]
    assert "terraform module" in offer.text
    await lean.emu.click(dev, "offer_accept", message=offer)
    await lean.settle()
    async with lean.services.sessions() as s:
        question = (await s.scalars(select(Question))).one()
    assert (question.status, question.helper_user_id) == ("connected", dev)
    connected = [m.text for m in lean.emu.messages() if m.bot_id and "can help with" in m.text]
    assert len(connected) == 1 and dev in connected[0] and lean.user("alice") in connected[0]


async def test_a_mention_reaches_a_colleague(lean: SlackHarness) -> None:
    """`@askaround …?` in #general: a colleague is asked (with a link to the question, where
    Slack gives one; without it, where not)."""
    await lean.post("alice", "general", f"<@{lean.emu.bot_user_id}> {QUESTION}")
    await lean.settle()
    await consent_if_asked(lean)
    offer = [m for m in lean.emu.dm_messages(lean.user("dev")) if m.bot_id]
    assert offer and "stuck terraform state" in offer[-1].text


async def test_skills_add(lean: SlackHarness) -> None:
    """`/skills add` saves and says so (it needs none of the methods left out)."""
    await lean.command("carol", "/skills", "add kubernetes:3")
    await lean.settle()
    assert "Saved: Kubernetes (3)" in ephemeral_text(lean, "carol")


async def test_home_opens(lean: SlackHarness) -> None:
    """The Home tab is published (users.info unanswered left it unpublished)."""
    await lean.emu.open_home(lean.user("maria"))
    await lean.drain()
    home = lean.emu.home_view(lean.user("maria"))
    assert home is not None and "Your expertise profile" in str(home.blocks)


async def offers(slack: SlackHarness) -> list[Offer]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(Offer)))


async def consent_if_asked(slack: SlackHarness) -> None:
    """Where this Slack would not say whether #general is public, nobody is asked before the
    asker consents: Alice does."""
    if not await offers(slack):
        await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
        await slack.settle()


async def test_a_private_channel_slack_does_not_call_private_stays_private(
    tmp_path: Path,
) -> None:
    """conversations.info without `is_private`: a question asked in #secret reaches nobody
    before its asker consents (it was sent at once to colleagues outside the channel)."""
    async with declared_world(tmp_path) as slack:
        await private_channel_unsaid(slack)


async def private_channel_unsaid(slack: SlackHarness) -> None:
    slack.emu.faults.add("conversations.info", times=None, omit=("channel.is_private",))
    await slack.command(
        "alice", "/ask", "how do we unlock a stuck terraform state?", channel="secret"
    )
    await slack.settle()
    assert await offers(slack) == []
    told = ephemeral_text(slack, "alice")
    assert "Slack didn't tell me whether this conversation is public" in told


async def test_a_permalink_answer_without_its_link(tmp_path: Path) -> None:
    """chat.getPermalink answers ok without `permalink`: the colleague is asked all the same,
    without a link to the question."""
    async with declared_world(tmp_path) as slack:
        slack.emu.faults.add("chat.getPermalink", times=None, omit=("permalink",))
        await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
        await slack.settle()
        offer = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
        assert offer and "stuck terraform state" in offer[-1].text
        assert slack.emu.calls_to("chat.getPermalink")


@pytest.mark.parametrize("fault", ["unknown_method", "404"])
async def test_a_retried_shout_out_on_a_slack_without_history(
    slack: SlackHarness, fault: str
) -> None:
    """Posts answer 500 until the outbox tries again; each retry looks for the copy an earlier
    attempt may have posted, with conversations.history, which this Slack lacks: it posts all
    the same (the deliveries failed for good: no shout-out, no DM for Bob)."""
    for method in ("conversations.history", "conversations.replies"):
        slack.emu.faults.add(method, times=None, **LEAN[fault])
    slack.emu.faults.add("chat.postMessage", status=500, times=4)
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    await slack.drain()
    assert len(kudos_posts(slack, "general")) == 1
    assert slack.emu.calls_to("conversations.history")
    assert "untangling the release" in dm_text(slack, "bob")


async def test_colleagues_slack_described_days_ago_are_asked_as_it_described_them(
    lean: SlackHarness,
) -> None:
    """The directory was synced two days ago, and this Slack describes nobody now: a colleague
    is asked as Slack last described them (a member), not kept as a guest is, and Alice is
    still known by her name."""
    async with lean.services.sessions() as s, s.begin():
        await s.execute(update(Person).values(updated_at=datetime.now(UTC) - timedelta(days=2)))
    await lean.post("alice", "general", f"<@{lean.emu.bot_user_id}> {QUESTION}")
    await lean.settle()
    await consent_if_asked(lean)
    offer = [m for m in lean.emu.dm_messages(lean.user("dev")) if m.bot_id]
    assert offer and "stuck terraform state" in offer[-1].text
    async with lean.services.sessions() as s:
        stored = await s.scalar(select(Person).where(Person.user_id == lean.user("alice")))
    assert stored is not None and stored.real_name and not stored.is_guest


IMPORTED = {
    "bob": {"handle": "bobby", "name": "Roberto Chen", "tz": "Asia/Tokyo", "manager": "maria"},
    "maria": {"handle": "mlopez", "name": "María López", "tz": "America/Mexico_City"},
}


async def bob_opens_home(slack: SlackHarness) -> None:
    await slack.emu.open_home(slack.user("bob"))
    await slack.drain()


async def alice_thanks_bob(slack: SlackHarness) -> None:
    await give(slack, "alice", "@bob for untangling the release #teamwork")


async def alice_asks(slack: SlackHarness) -> None:
    """Bob is among the colleagues asked, and the asker is told so by his name."""
    await slack.command("alice", "/ask", "who can review my terraform module for s3 buckets?")
    await slack.settle()
    await consent_if_asked(slack)
    asking = [str(m.blocks) for m in slack.emu.messages() if "I'm asking" in m.text]
    assert asking and all("Roberto Chen" in text for text in asking), asking


async def maria_reads_her_report(slack: SlackHarness) -> None:
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    await slack.command("maria", "/kudos", "report")
    await slack.settle()
    assert "Your team (1 person) received 1 kudos" in ephemeral_text(slack, "maria")


SAVING = {
    "home": bob_opens_home,
    "kudos": alice_thanks_bob,
    "ask": alice_asks,
    "report": maria_reads_her_report,
}


@pytest.mark.parametrize("fault", sorted(LEAN))
@pytest.mark.parametrize("path", sorted(SAVING))
async def test_people_imported_from_a_file_keep_what_slack_does_not_say(
    tmp_path: Path, path: str, fault: str
) -> None:
    """Bob and Maria were imported from a file a week ago, and Slack no longer describes
    them (users.info refused, or answered without names and zones). Bob opening his Home
    tab, kudos to him, a question he is asked about and Maria's report on her team each
    asked Slack about them and stored its silence over the file's names and time zones
    (and took them for guests); all is kept, and they are still named by the file's names."""
    async with declared_world(tmp_path) as slack:
        rows = [{"email": f"{handle}@example.com", **row} for handle, row in IMPORTED.items()]
        assert (await run_import(slack, *rows)).rejected == []
        async with slack.services.sessions() as s, s.begin():
            await s.execute(update(Person).values(updated_at=datetime.now(UTC) - timedelta(days=7)))
        slack.advance(timedelta(minutes=5))  # past what the process keeps in memory
        slack.emu.faults.add("users.info", times=None, **LEAN[fault])
        await SAVING[path](slack)
        assert slack.emu.calls_to("users.info")
        for handle, row in IMPORTED.items():
            async with slack.services.sessions() as s:
                person = await s.scalar(select(Person).where(Person.user_id == slack.user(handle)))
            assert person is not None
            kept = (person.name, person.real_name, person.tz, person.is_guest)
            assert kept == (row["handle"], row["name"], row["tz"], False), handle


async def test_a_partial_description_updates_only_what_it_says(tmp_path: Path) -> None:
    """users.info names Bob but leaves his time zone out: his name is Slack's now, his zone
    still the file's."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        row = {"email": "bob@example.com", "handle": "bobby", "tz": "Asia/Tokyo"}
        assert (await run_import(slack, row)).imported
        slack.emu.faults.add("users.info", times=None, omit=("user.tz", "user.tz_offset"))
        await bob_opens_home(slack)
        async with slack.services.sessions() as s:
            bob = await s.scalar(select(Person).where(Person.user_id == slack.user("bob")))
        assert bob is not None and (bob.name, bob.real_name, bob.tz) == (
            "bob",
            "Bob Chen",
            "Asia/Tokyo",
        )


async def test_a_sync_without_names_and_zones_keeps_the_imported_ones(tmp_path: Path) -> None:
    """`askaround sync` on a Slack whose users.list leaves names, zones and profiles out: Bob
    keeps the file's, and the sync counts nobody updated or reactivated for what it did not
    say."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        row = {
            "email": "bob@example.com",
            "handle": "bobby",
            "name": "Roberto Chen",
            "tz": "Asia/Tokyo",
        }
        assert (await run_import(slack, row)).imported
        client = slack.runner.bot.app.client
        omit = ("members.name", "members.real_name", "members.tz", "members.tz_offset")
        slack.emu.faults.add("users.list", times=None, omit=(*omit, "members.profile"))
        report = await sync_directory(client, slack.services, slack.team_id)
        assert report.updated == [] and report.reactivated == [], report
        async with slack.services.sessions() as s:
            bob = await s.scalar(select(Person).where(Person.user_id == slack.user("bob")))
        assert bob is not None
        assert (bob.name, bob.real_name, bob.tz) == ("bobby", "Roberto Chen", "Asia/Tokyo")


@pytest.mark.parametrize("fault", sorted(LEAN))
async def test_a_colleague_passed_over_keeps_the_imported_name(tmp_path: Path, fault: str) -> None:
    """Dev, imported from a file, has left, unheard, and Slack will not describe him: the
    request to him is withdrawn, and his imported name and zone stay."""
    async with declared_world(tmp_path) as slack:
        dev = slack.user("dev")
        row = {
            "email": "dev@example.com",
            "handle": "devp",
            "name": "Devan Patel",
            "tz": "Asia/Kolkata",
        }
        assert (await run_import(slack, row)).rejected == []
        slack.emu.workspace.user(dev).deleted = True
        slack.emu.faults.add("users.info", times=None, **LEAN[fault])
        await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
        await slack.drain()
        if not await offers(slack):
            await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
            await slack.drain()
        asked = [(o.candidate_user_id, o.status) for o in await offers(slack)]
        # Once, on a loaded machine, only Bob was asked (1 colleague, "a close match"): who
        # was, to tell a routing choice from a request not withdrawn.
        to_dev = [status for user_id, status in asked if user_id == dev]
        assert to_dev and all(status == "declined" for status in to_dev), asked
        async with slack.services.sessions() as s:
            person = await s.scalar(select(Person).where(Person.user_id == dev))
        assert person is not None
        assert (person.name, person.real_name, person.tz) == ("devp", "Devan Patel", "Asia/Kolkata")
