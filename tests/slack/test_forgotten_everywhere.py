"""`/skills forget me`, read back from every table: what the person typed into their profile
(skills, interests, network) is in no row of any table once the inbox has let go of the
requests that carried it (a day), nor in why they were asked about a question before."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.clock import wall_clock
from storage.models import Base, InboxItem, Offer, Question
from tests.slack.harness import SlackHarness
from tests.slack.test_workspace_fields import rows_of
from tests.slack.test_workspaces import two

__all__ = ["two"]  # the fixture

pytestmark = pytest.mark.postgres_too
SKILL, INTEREST, TOPIC, CONTACT = "zorblaxing", "quiffleworth", "wibblewat", "Zelda Plinth"
PROFILE = (SKILL, INTEREST, TOPIC, CONTACT)
TYPED = (f"add {SKILL}:4", f"interests {INTEREST}", f"network add {CONTACT} about {TOPIC}")


async def everywhere(slack: SlackHarness, words: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(table, column, word) for each word any row of any table holds, in any column."""
    found: set[tuple[str, str, str]] = set()
    async with slack.services.sessions() as s:
        for table in Base.metadata.sorted_tables:
            for row in (await s.execute(select(table))).mappings():
                for column, value in row.items():
                    held = str(value).lower()
                    found |= {(table.name, column, w) for w in words if w.lower() in held}
    return sorted(found)


async def a_day_later(slack: SlackHarness) -> None:
    """The inbox's tidy-up a day on: it goes by the wall clock, so the requests are aged."""
    async with slack.services.sessions() as s, s.begin():
        aged = wall_clock() - timedelta(days=1, minutes=1)
        await s.execute(
            update(InboxItem).where(InboxItem.done_at.is_not(None)).values(done_at=aged)
        )
    await slack.runner.bot.scheduler.run_once("tidy_inbox")


async def carol_asked_about_her_skill(slack: SlackHarness) -> None:
    """Carol fills in her profile, and Alice asks who knows her skill (Carol is chosen)."""
    for text in TYPED:
        assert (await slack.command("carol", "/skills", text)).ok
    await slack.drain()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("alice", "general", f"<@{slack.here.bot_user_id}> who knows {SKILL} well?")
    await slack.drain()


async def test_a_forgotten_profile_is_in_no_table(slack: SlackHarness) -> None:
    """Carol declares a skill nobody else has, an interest and an outside contact, then
    forgets her profile: the day after, no table holds any of those words (the skill's name
    stayed in the skills table, shown to nobody, until 5 December)."""
    for text in TYPED:
        assert (await slack.command("carol", "/skills", text)).ok
    await slack.drain()
    assert {w for _, _, w in await everywhere(slack, PROFILE)} == set(PROFILE)
    assert (await slack.command("carol", "/skills", "forget me")).ok
    await slack.drain()
    await a_day_later(slack)
    assert await everywhere(slack, PROFILE) == []


async def test_a_skill_removed_by_its_only_holder_leaves_the_database(slack: SlackHarness) -> None:
    """`/skills remove` of a skill only Carol held deletes its name; one Bob holds too stays."""
    for handle, text in (
        ("carol", f"add {SKILL}:4"),
        ("carol", "add helm:3"),
        ("bob", "add helm:2"),
    ):
        assert (await slack.command(handle, "/skills", text)).ok
    await slack.drain()
    for text in (f"remove {SKILL}", "remove helm"):
        assert (await slack.command("carol", "/skills", text)).ok
    await slack.drain()
    await a_day_later(slack)
    kept = await everywhere(slack, (SKILL, "helm"))
    assert kept == [("skills", "key", "helm"), ("skills", "name", "helm")]


async def test_why_a_forgotten_colleague_was_asked_no_longer_quotes_their_profile(
    slack: SlackHarness,
) -> None:
    """Alice asks who knows Carol's skill; Carol is chosen for it ("knows zorblaxing") and
    then forgets her profile. Her offer's reason, which the asker's list and her request are
    drawn again from, reads "a profile deleted since": before, it kept naming the skill she
    deleted, to her and to the asker, in a thread that may be public. The list already posted
    in #general's thread is drawn again at once: until 8 December it went on saying
    "declared zorblaxing, level 4" of her until something else redrew it."""
    await carol_asked_about_her_skill(slack)
    async with slack.services.sessions() as s:
        [before] = (await s.scalars(select(Offer.reason))).all()
    assert SKILL in before

    def declared() -> list[str]:
        posts = [m for m in slack.here.messages() if m.by_bot]
        return [m.text + str(m.blocks) for m in posts if f"declared {SKILL}" in str(m.blocks)]

    assert declared()  # not vacuous: the asker's list in the thread says why she was asked
    assert (await slack.command("carol", "/skills", "forget me")).ok
    await slack.drain()
    async with slack.services.sessions() as s:
        [after] = (await s.scalars(select(Offer.reason))).all()
    assert SKILL not in after and after.startswith("a profile deleted since")
    assert declared() == []
    await a_day_later(slack)
    kept = {table for table, _, _ in await everywhere(slack, (SKILL,))}
    assert kept == {"questions"}  # Alice's question is hers: its text and its topics


async def test_a_closed_questions_list_no_longer_says_what_a_forgotten_colleague_declared(
    slack: SlackHarness,
) -> None:
    """The same once the question closed: Carol's request sent at her morning, Alice
    withdraws the question, and its list, in the past tense, says why Carol was asked; she
    forgets her profile, and that list is drawn again too (`question.asking_closed`)."""
    await carol_asked_about_her_skill(slack)
    slack.advance(timedelta(hours=20))  # her working day: the request is sent
    await slack.drain()
    assert (await slack.command("alice", "/ask", "withdraw 1")).ok
    await slack.drain()
    said = f"Carol Diaz: declared {SKILL}"

    def lists() -> list[str]:
        return [str(m.blocks) for m in slack.here.messages() if m.by_bot and "I asked" in m.text]

    assert [b for b in lists() if said in b]  # not vacuous: the closed list says why
    assert (await slack.command("carol", "/skills", "forget me")).ok
    await slack.drain()
    assert lists() and not [b for b in lists() if said in b]


async def test_a_private_channel_message_is_kept_only_by_the_inbox_for_a_day(
    slack: SlackHarness,
) -> None:
    """Bob writes in #secret (private, the bot in it) something that asks nothing: the inbox
    holds the request's raw payload until a day after it was handled, no other table ever
    holds its words, and nothing the bot posts anywhere, the week's kudos report and Home
    tabs included, quotes them."""
    word = "snorkelblight"
    await slack.post("bob", "secret", f"the {word} migration went fine, all good now")
    assert (await slack.command("alice", "/kudos", "@bob for the migration write-up #craft")).ok
    await slack.drain()
    assert await everywhere(slack, (word,)) == []  # not even the inbox: asking nothing
    assert (await slack.command("maria", "/kudos", "report")).ok
    await slack.drain()
    await a_day_later(slack)
    assert await everywhere(slack, (word,)) == []
    secret = slack.channel("secret")
    shown = [m.text + str(m.blocks) for m in slack.here.messages() if m.channel != secret]
    shown += [e.text + str(e.blocks) for e in slack.here.ephemerals()]
    assert not [said for said in shown if word in said]


async def test_a_deactivated_colleague_is_asked_nothing_and_stays_counted(
    slack: SlackHarness,
) -> None:
    """Bob, thanked this week and the one who declared the skill, is deactivated
    (`user_change`, `deleted: true`): a question about his skill asks nobody of him, and the
    leaderboard still counts the kudos he received (names and counts, as docs/privacy.md
    says: what happened, not who is here)."""
    assert (await slack.command("bob", "/skills", f"add {SKILL}:4")).ok
    assert (await slack.command("alice", "/kudos", "@bob for the migration write-up #craft")).ok
    await slack.drain()
    await slack.emu.change_user(slack.user("bob"), deleted=True)
    await slack.drain()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("alice", "general", f"<@{slack.here.bot_user_id}> who knows {SKILL} well?")
    await slack.drain()
    async with slack.services.sessions() as s:
        asked = set((await s.scalars(select(Offer.candidate_user_id))).all())
    assert slack.user("bob") not in asked
    assert (await slack.command("carol", "/kudos", "top")).ok
    await slack.drain()
    assert "Bob Chen" in slack.emu.ephemerals(slack.user("carol"))[-1].text


async def test_forgetting_in_one_workspace_leaves_the_other_s_profile(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Carol has the same user id in workspaces A and B (one deployment, one database) and
    the same profile in both, and was asked about the same question in both; she forgets
    her profile in A: B keeps her skill, its name, her network and why she was asked."""
    a, b = two
    for side in (a, b):
        await carol_asked_about_her_skill(side)
    before = {side.team_id: await rows_of(side, side.team_id) for side in (a, b)}
    assert (await a.command("carol", "/skills", "forget me")).ok
    await a.drain()

    def holding(rows: list[tuple[object, ...]]) -> set[str]:
        return {str(row[0]) for row in rows if any(SKILL in str(cell) for cell in row)}

    assert holding(await rows_of(a, a.team_id)) == {"questions"}
    assert await rows_of(b, b.team_id) == before[b.team_id]
    assert {"skills", "offers"} <= holding(before[b.team_id])


async def test_a_forgotten_network_finds_nobody_through_them(slack: SlackHarness) -> None:
    """Carol's outside contact knows a topic; asked about it, Alice's question goes to Carol
    ("knows someone who can help"); once Carol forgets her profile, Bob asking the same is
    not sent to her: the routing index was built again without her network."""
    for text in TYPED:
        assert (await slack.command("carol", "/skills", text)).ok
    await slack.drain()
    slack.services.indexes.invalidate(slack.team_id)

    async def asked_about_the_topic(handle: str) -> set[str]:
        await slack.post(handle, "general", f"<@{slack.here.bot_user_id}> who knows {TOPIC}?")
        await slack.drain()
        async with slack.services.sessions() as s:
            theirs = select(Question.id).where(Question.asker_user_id == slack.user(handle))
            offers = select(Offer.candidate_user_id).where(Offer.question_id.in_(theirs))
            return set((await s.scalars(offers)).all())

    assert slack.user("carol") in await asked_about_the_topic("alice")
    assert (await slack.command("carol", "/skills", "forget me")).ok
    await slack.drain()
    assert slack.user("carol") not in await asked_about_the_topic("bob")
