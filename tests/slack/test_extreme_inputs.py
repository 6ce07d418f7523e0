"""The largest and oddest inputs through the real flows, not only through the renderers: a
colleague whose display name is long, right-to-left and full of emoji, reasons and questions
at their longest (a command's 4,000 characters), 120 skills, 60 network entries, the most
company values at their longest, 1,000 people tied on a leaderboard, typed markup. Every
message, view and answer the bot sends on the way is held to Slack's Block Kit rules by the
harness, which fails the test on anything Slack would refuse or warn of
(`emu.block_kit_problems`, docs/block-kit-limits.md)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select

from bot.kudos.rules import MAX_REASON
from bot.questions.asking import MAX_QUESTION
from bot.workspace_settings.keys import MAX_VALUES
from handlers.client.directory import sync_directory
from storage import people, workspaces
from storage.models import Kudos, Offer, Person, Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give, global_modal, kudos_posts, ledger, submit_modal
from tests.slack.test_directory import edit_profile_modal
from tests.slack.test_directory_import import run_import

# The longest values meet PostgreSQL's column sizes, which SQLite does not enforce.
pytestmark = pytest.mark.postgres_too

RTL = "مرحبا بالعالم שלום עולם"
NAME = " ".join([f"{RTL} 🎉👩‍💻 Maximilian-Alexander R&D <Ops> *Lead*"] * 6)
REASON = (f"{RTL} untangled R&D's <release> 🚀 & wrote *the* runbook; " * 60)[:MAX_REASON]
VALUES = [f"v{i:02d}{'-long' * 12}"[:64] for i in range(MAX_VALUES)]
SKILLS = ", ".join(f"skill-{i:03d}-{'x' * 30}:{3 if i < 110 else 5}" for i in range(120))
QUESTION = ("how do we " + f"{RTL} 🎉 roll back R&D's <helm> release & keep *state*? " * 60)[
    :3000
].strip()


async def add_rtl(slack: SlackHarness) -> str:
    user = slack.emu.workspace.add_user("rtl", real_name=NAME, title=NAME[:200])
    slack.users["rtl"] = user.id
    return user.id


async def test_kudos_at_their_largest_keep_block_kits_rules(slack: SlackHarness) -> None:
    """A 2,000-character reason of mixed scripts and markup to someone with a 250-character
    right-to-left name, by command and through the modal offering the most company values."""
    await add_rtl(slack)
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, VALUES)
    await give(slack, "alice", f"@rtl for {REASON}")
    await give(slack, "rtl", f"@bob @carol for {REASON}")
    modal = await global_modal(slack, "rtl")
    await submit_modal(
        slack, "rtl", modal, recipients=["alice"], reason=REASON, channel="general",
        values=VALUES[:3],
    )  # fmt: skip
    await slack.settle()
    await give(slack, "bob", "@rtl")  # about someone
    await give(slack, "rtl", "leaderboard")
    for handle in ("rtl", "alice"):
        await slack.emu.open_home(slack.user(handle))
    await slack.drain()
    assert len(await ledger(slack)) == 4
    assert len(kudos_posts(slack, "general")) == 3


async def test_a_profile_of_120_skills_and_a_long_name_keeps_block_kits_rules(
    slack: SlackHarness,
) -> None:
    """120 skills declared by someone with a long right-to-left name: the answer, `/skills`
    about them, their Home tab and the edit modal (110 at one level, more than a field holds)."""
    rtl = await add_rtl(slack)
    await slack.command("rtl", "/skills", f"add {SKILLS}")
    await slack.settle()
    await slack.command("alice", "/skills", "@rtl")
    await slack.command("rtl", "/skills", "")
    await slack.settle()
    modal = await edit_profile_modal(slack, rtl)
    assert "110 skills, more than the 100 a field holds" in str(modal.blocks)
    await slack.emu.suggest(rtl, "skills_level_5", "skill", modal.id)
    await slack.drain()


async def test_a_question_at_its_longest_from_a_long_name_keeps_block_kits_rules(
    slack: SlackHarness,
) -> None:
    """A 3,000-character question asked by someone with a long right-to-left name, offered
    to the colleagues who know its topic, and their Home tabs while it is open."""
    await add_rtl(slack)
    await slack.command("bob", "/skills", "add helm:5, kubernetes:4")
    await slack.command("carol", "/skills", "add helm:4")
    await slack.settle()
    await slack.command("rtl", "/ask", QUESTION)
    await slack.drain()
    await slack.command("rtl", "/ask", "mine")
    for handle in ("rtl", "bob"):
        await slack.emu.open_home(slack.user(handle))
    await slack.drain()
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Question)) == 1
        assert (await s.scalar(select(func.count()).select_from(Offer)) or 0) >= 1


async def test_an_import_keeps_a_long_slack_name_cut_to_its_column(slack: SlackHarness) -> None:
    """A row that names someone by email alone takes their name from Slack's
    `users.lookupByEmail`; a name longer than the people table keeps is cut to it, with `…`,
    as the directory sync and the events cut it, not refused by PostgreSQL with the import."""
    user = await add_rtl(slack)
    slack.emu.workspace.users[user].email = "rtl@example.com"
    report = await run_import(slack, {"email": "rtl@example.com", "title": "Lead"})
    assert report.rejected == [] and report.imported == [user]
    async with slack.services.sessions() as s:
        person = await people.get_person(s, slack.team_id, user)
    assert person is not None and len(person.real_name) == 200
    assert person.real_name == NAME[:199] + "…"


async def test_a_sync_does_not_count_a_long_name_as_changed_each_time(slack: SlackHarness) -> None:
    """The directory sync compares what Slack says with what is stored; a name cut to its
    column was compared whole, so someone with a 250-character name was counted "updated"
    and written again by every sync (until 7 December): the row is cut before it is compared."""
    user = await add_rtl(slack)
    client = slack.runner.bot.app.client
    first = await sync_directory(client, slack.services, slack.team_id)
    assert user in first.added or user in first.updated, first.summary()
    again = await sync_directory(client, slack.services, slack.team_id)
    assert user not in again.updated, again.summary()


# A question as long as a command may ask (bot.questions.asking.MAX_QUESTION, 4,000 typed
# characters, `&` and `<` among them: Slack sends each as an entity of 4 or 5), where the
# tests above asked 3,000.
MARKUP = f"{RTL} 🎉 R&D's <release> & *state* helm "
LONGEST = ("how do we roll back helm " + MARKUP * 200)[: MAX_QUESTION - 1].strip() + "?"


async def test_a_question_of_4000_characters_through_its_whole_walk(slack: SlackHarness) -> None:
    """The longest question a command may ask, from someone with a long right-to-left name:
    the requests, I can help, the asker's Home and `/ask mine`, the colleagues' Home tabs, a
    longer one posted and edited, and Solved. Each message and view keeps Block Kit's rules."""
    await add_rtl(slack)
    await slack.command("bob", "/skills", "add helm:5, kubernetes:4")
    await slack.command("carol", "/skills", "add helm:4")
    await slack.settle()
    assert len(LONGEST) == MAX_QUESTION
    await slack.command("rtl", "/ask", LONGEST)
    await slack.settle()
    slack.advance(timedelta(hours=12))  # to the colleagues' working day
    await slack.drain()
    await slack.emu.click_button(slack.user("bob"), "I can help")
    await slack.settle()
    longer = ("why does helm pin " + MARKUP * 200)[:6000]  # a message is kept to 4,000
    posted = await slack.post("rtl", "general", f"<@{slack.emu.bot_user_id}> {longer}")
    await slack.settle()
    await slack.emu.edit_message(slack.user("rtl"), posted, posted.text.replace("roll", "move"))
    await slack.settle()
    await slack.command("rtl", "/ask", "mine")
    for handle in ("rtl", "bob", "carol"):
        await slack.emu.open_home(slack.user(handle))
    await slack.drain()
    await slack.emu.click_button(slack.user("rtl"), "Solved")
    await slack.drain()
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Question)) == 2


async def test_a_network_of_60_long_entries_keeps_block_kits_rules(slack: SlackHarness) -> None:
    """Someone with a long right-to-left name keeps 60 contacts, each with long typed names
    and topics, and 4 colleagues: their profile, `/skills` about them, their Home tab and the
    edit modal, and a question only their network can answer, asked of them as a connector."""
    rtl = await add_rtl(slack)
    for i in range(60):
        contact = f"{RTL} R&D Ops Guild {i:02d} 🎉 of the *distributed* databases"
        topics = f"kubernetes, zanzibar-{i:02d}-{'x' * 40}"
        await slack.command("rtl", "/skills", f"network add {contact} about {topics} as functional")
    for handle in ("alice", "bob", "carol", "maria"):
        await slack.command("rtl", "/skills", f"network add @{handle} as personal")
    await slack.settle()
    await slack.command("rtl", "/skills", "")
    await slack.command("alice", "/skills", "@rtl")
    await slack.emu.open_home(rtl)
    await slack.settle()
    modal = await edit_profile_modal(slack, rtl)
    assert "too long to change here" in str(modal.blocks)  # over 3,000 characters
    slack.services.indexes.invalidate(slack.team_id)
    await slack.command("alice", "/ask", "how should we size kubernetes pods for the api?")
    slack.advance(timedelta(hours=12))  # to the colleagues' working day
    await slack.drain()
    async with slack.services.sessions() as s:
        asked = (await s.scalars(select(Offer.candidate_user_id))).all()
    assert rtl in asked


async def test_a_leaderboard_of_1000_tied_long_names_keeps_block_kits_rules(
    slack: SlackHarness,
) -> None:
    """1,000 colleagues with long right-to-left names, each thanked once today for one of the
    longest values, all tied first: the leaderboards of the month, of all time and of the
    value, and the Home tabs of a giver and of one of them."""
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, VALUES)
    now = slack.services.clock.now()
    people_rows = [
        {"team_id": slack.team_id, "user_id": f"UTIED{i:04d}", "name": f"tied{i}",
         "real_name": f"{i:04d} {NAME}"[:200], "tz": "Asia/Jerusalem"}
        for i in range(1000)
    ]  # fmt: skip
    kudos_rows = [
        {"team_id": slack.team_id, "giver_user_id": slack.user("alice"),
         "receiver_user_id": f"UTIED{i:04d}", "message": REASON, "values": [VALUES[0]],
         "source": "command", "idempotency_key": f"tied-{i}", "created_at": now}
        for i in range(1000)
    ]  # fmt: skip
    async with slack.services.sessions() as s, s.begin():
        await s.execute(insert(Person), people_rows)
        await s.execute(insert(Kudos), kudos_rows)
    for period in ("top", "top all", f"top #{VALUES[0]}"):
        await give(slack, "bob", period)
    for handle in ("alice", "bob"):
        await slack.emu.open_home(slack.user(handle))
    await slack.drain()
    said = slack.emu.ephemerals(slack.user("bob"))[-1].text
    assert said.endswith("…and 990 more tied at 1 kudos."), said[-300:]
