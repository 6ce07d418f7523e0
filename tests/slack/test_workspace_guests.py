"""Guests of the workspace (Slack's multi- and single-channel guests, `is_restricted`) read
only the channels they were invited to; askaround shows them no more (docs/privacy.md).

Gina is a multi-channel guest, invited to #vendors only. She is never asked about a
colleague's question (a request quotes it, from a channel she cannot read), is shown no
solved question from a public channel, and `/kudos @bob` shows her no public shout-out's
reason; a member sees all of these as before.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.directory.import_files import RawRow
from bot.directory.import_resolver import database_resolver
from bot.directory.importer import import_people
from handlers.client.directory import sync_directory
from storage.models import Offer, Person
from tests.slack.harness import SlackHarness, bot_on_world
from tests.slack.questions.test_fresh_profile import open_edit_profile
from tests.slack.questions.test_solved_first import QUESTION, newest_question, solved_by_dev
from tests.slack.questions.world import PEOPLE, declare_skills, tuesday_morning
from tests.slack.test_directory_import import run_import

OWN_SKILL = "Zorblaxing"  # a skill of the workspace's own: the shipped vocabulary has none


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with with_gina(tmp_path) as harness:
        yield harness


@asynccontextmanager
async def with_gina(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The questions' world, and Gina, a guest in #vendors with Alice and the bot (built
    once a process, `bot_on_world`)."""
    async with bot_on_world(tmp_path, "gina", declare_skills, gina_and_tuesday, people=PEOPLE) as h:
        yield h


def gina_and_tuesday(harness: SlackHarness) -> None:
    """Gina and #vendors in Slack, the clock on Tuesday morning."""
    ws = harness.here.workspace
    gina = ws.add_user("gina", real_name="Gina Guest", email="gina@example.com", guest="multi")
    harness.users["gina"] = gina.id
    vendors = ws.add_channel("vendors", members=[gina.id, harness.user("alice")])
    harness.channels["vendors"] = vendors.id
    tuesday_morning(harness)


def requests_to(slack: SlackHarness, handle: str) -> list[str]:
    """What the bot sent this person in their DM."""
    return [m.text for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


async def home_tabs(slack: SlackHarness, *handles: str) -> dict[str, str]:
    """Each person's Home tab as they open it, its blocks as text."""
    tabs = {}
    for handle in handles:
        await slack.emu.open_home(slack.user(handle))
        await slack.drain()
        home = slack.emu.home_view(slack.user(handle))
        assert home is not None
        tabs[handle] = str(home.blocks)
    return tabs


async def offered_to(slack: SlackHarness) -> set[str]:
    async with slack.services.sessions() as s:
        return set(await s.scalars(select(Offer.candidate_user_id)))


async def test_a_guest_who_declared_the_skill_is_never_asked(slack: SlackHarness) -> None:
    """Gina declared terraform at 5, as Dev did; Carol asks about terraform in #general. The
    members are asked, Gina is not: her DM shows nothing of Carol's question, and once Slack
    described her she is stored as a guest, so she is not chosen again."""
    assert (await slack.command("gina", "/skills", "add terraform:5", channel="vendors")).ok
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    assert slack.user("dev") in await offered_to(slack)
    assert not any("terraform" in text for text in requests_to(slack, "gina"))
    async with slack.services.sessions() as s:
        gina = await s.scalar(select(Person).where(Person.user_id == slack.user("gina")))
    assert gina is not None and gina.is_guest
    # Asked again, routing itself leaves her out: no request is even recorded for her.
    await slack.post("bob", "general", f"<@{slack.emu.bot_user_id}> terraform plan hangs, why?")
    await slack.drain()
    async with slack.services.sessions() as s:
        to_gina = await s.scalars(
            select(Offer).where(
                Offer.candidate_user_id == slack.user("gina"),
                Offer.question_id == (await newest_question(slack)).id,
            )
        )
        assert list(to_gina) == []


async def test_a_guest_known_from_team_join_is_never_offered_a_question(
    slack: SlackHarness,
) -> None:
    """Hal joins as a single-channel guest (`team_join` says `is_ultra_restricted`), declares
    terraform at 5: stored as a guest at once, he is never offered Carol's question."""
    hal, _delivery = await slack.emu.join_team("hal", real_name="Hal Guest", guest="single")
    slack.users["hal"] = hal.id
    slack.here.workspace.join(slack.channel("vendors"), hal.id)
    await slack.settle()
    async with slack.services.sessions() as s:
        stored = await s.scalar(select(Person).where(Person.user_id == hal.id))
    assert stored is not None and stored.is_guest
    assert (await slack.command("hal", "/skills", "add terraform:5", channel="vendors")).ok
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    offered = await offered_to(slack)
    assert slack.user("dev") in offered and hal.id not in offered


async def guest_says(slack: SlackHarness, skills: str) -> str:
    """Hal joins as a single-channel guest and types `/skills {skills}` in #vendors: the answer."""
    hal, _delivery = await slack.emu.join_team("hal", real_name="Hal Guest", guest="single")
    slack.users["hal"] = hal.id
    slack.here.workspace.join(slack.channel("vendors"), hal.id)
    await slack.settle()
    await slack.command("hal", "/skills", skills, channel="vendors")
    await slack.settle()
    return slack.emu.ephemerals(hal.id)[-1].text


NEVER_ASKED = "askaround never asks guests of this workspace about colleagues' questions"


async def test_a_guest_away_is_not_promised_questions_when_back(slack: SlackHarness) -> None:
    """Hal, a guest, says `/skills away until friday`: he was told "questions come to you
    again on Friday", though askaround never asks a guest (as `/skills back` tells him). He is
    told he is away, and that no question comes to a guest, then or now."""
    said = await guest_says(slack, "away until friday")
    assert said.startswith("You are away, back "), said
    assert "questions come to you again" not in said, said
    assert NEVER_ASKED in said, said


async def test_a_guest_opting_out_is_not_told_back_undoes_it(slack: SlackHarness) -> None:
    """Hal, a guest, says `/skills optout`: "`/skills back` undoes it" promised questions
    after `/skills back`, which tells him a guest is never asked. He reads that instead."""
    said = await guest_says(slack, "optout")
    assert "`/skills back` undoes it" not in said, said
    assert NEVER_ASKED in said, said


async def test_a_guest_asking_is_shown_no_public_solved_question(slack: SlackHarness) -> None:
    """Carol's terraform question was solved by Dev in #general, which Gina is not in. Gina
    asks the same in #vendors: she is not shown Carol's question, and members are asked.
    Alice, a member, asking it in #vendors is shown it, as before."""
    await solved_by_dev(slack, "carol", "general")
    await slack.post("gina", "vendors", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(slack.user("gina")))
    assert "solved before" not in shown and "stuck terraform" not in shown
    assert (await newest_question(slack)).status == "open"
    await slack.post("alice", "vendors", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    assert "solved before" in slack.emu.ephemerals(slack.user("alice"))[-1].text


async def test_kudos_about_someone_shows_a_guest_only_their_own(slack: SlackHarness) -> None:
    """Alice thanked Bob in #general for the quokka rollout; Gina thanked him in #vendors for
    the wombat fix. `/kudos @bob` shows Gina her own reason only, Hal (a guest who gave none)
    neither, each with a count of the others; Carol, a member, both."""
    ws = slack.here.workspace
    hal = ws.add_user("hal", real_name="Hal Guest", guest="single")
    slack.users["hal"] = hal.id
    ws.join(slack.channel("vendors"), hal.id)
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.command("gina", "/kudos", "@bob for the wombat fix", channel="vendors")
    await slack.settle()

    async def about_bob(handle: str, channel: str) -> str:
        before = len(slack.emu.ephemerals(slack.user(handle)))
        await slack.command(handle, "/kudos", "@bob", channel=channel)
        await slack.settle()
        shown = slack.emu.ephemerals(slack.user(handle))[before:]
        assert shown, f"{handle} was shown nothing"
        return "\n".join(f"{e.text}\n{e.blocks}" for e in shown)

    seen_by_gina = await about_bob("gina", "vendors")
    assert "wombat" in seen_by_gina and "quokka" not in seen_by_gina
    assert "1 kudos (not shown to you)" in seen_by_gina
    assert "private conversations" not in seen_by_gina
    # Bob was thanked twice in public: what Gina is shown is counted as hers, not his.
    assert "was thanked" not in seen_by_gina
    assert "*Bob Chen* has 1 kudos from or to you" in seen_by_gina
    seen_by_hal = await about_bob("hal", "vendors")
    assert "quokka" not in seen_by_hal and "wombat" not in seen_by_hal
    assert "Bob Chen has 2 kudos (not shown to you)" in seen_by_hal
    seen_by_carol = await about_bob("carol", "general")
    assert "wombat" in seen_by_carol and "quokka" in seen_by_carol


async def test_the_directory_sync_stores_who_is_a_guest(slack: SlackHarness) -> None:
    """`users.list` describes Gina as a guest (`is_restricted`) and Alice as a member: the
    sync stores them so; made a member in Slack, Gina is one at the next sync."""
    client = slack.runner.bot.app.client
    await sync_directory(client, slack.services, slack.team_id)

    async def guests() -> set[str]:
        async with slack.services.sessions() as s:
            return set(await s.scalars(select(Person.user_id).where(Person.is_guest)))

    assert await guests() == {slack.user("gina")}
    slack.here.workspace.users[slack.user("gina")].is_restricted = False
    await sync_directory(client, slack.services, slack.team_id)
    assert await guests() == set()


async def test_a_guest_nobody_can_help_is_pointed_to_no_public_channel(
    slack: SlackHarness,
) -> None:
    """Only Bob declared kafka, and he opted out. Carol asked about it in #general; when Alice
    asks, nobody can be asked and she is pointed to #general, where it came up. Gina, a guest
    who cannot read #general, is told nobody could be found, but not where colleagues ask;
    nor that `/skills who` lists who declared the topic (before 7 December she was, and the
    command then answered her that it is for members): to ask in a channel she is in."""
    kafka = "how do we reset the kafka consumer offsets?"
    assert (await slack.command("bob", "/skills", "add kafka:3")).ok
    assert (await slack.command("bob", "/skills", "optout")).ok
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {kafka}")
    await slack.drain()

    async def told(handle: str, channel: str) -> str:
        """What the bot said, anywhere, after this person asked."""
        ephemerals, messages = len(slack.emu.ephemerals()), len(slack.emu.messages())
        await slack.post(handle, channel, f"<@{slack.emu.bot_user_id}> {kafka}")
        await slack.drain()
        shown = [e.text for e in slack.emu.ephemerals()[ephemerals:]]
        shown += [m.text for m in slack.emu.messages()[messages:] if m.bot_id]
        return "\n".join(shown)

    general = slack.channel("general")
    seen_by_alice = await told("alice", "vendors")
    assert "couldn't find anyone" in seen_by_alice and f"<#{general}>" in seen_by_alice
    seen_by_gina = await told("gina", "vendors")
    assert "couldn't find anyone" in seen_by_gina
    assert general not in seen_by_gina, seen_by_gina
    assert "/skills who" not in seen_by_gina, seen_by_gina
    assert "one of the channels you're in" in seen_by_gina, seen_by_gina


@pytest.mark.parametrize("refusal", ["unknown_method", "missing_scope"])
async def test_a_guest_slack_will_not_describe_is_shown_no_public_solved_question(
    slack: SlackHarness, refusal: str
) -> None:
    """users.info answers Gina's id with no description (a Slack without the method, a token
    without the scope): what she asks still goes on, but nothing says she is a member, so she
    is shown no public solved question, as a guest is not."""
    await solved_by_dev(slack, "carol", "general")
    slack.emu.faults.add("users.info", error=refusal, times=None)
    await slack.post("gina", "vendors", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(slack.user("gina")))
    assert "solved before" not in shown and "stuck terraform" not in shown
    assert (await newest_question(slack)).asker_user_id == slack.user("gina")


async def test_kudos_about_someone_shows_a_guest_slack_will_not_describe_none(
    slack: SlackHarness,
) -> None:
    """Hal, a guest askaround never stored, asks `/kudos @bob` while users.info answers
    `missing_scope`: Alice's public reason for Bob is not quoted to him, only counted."""
    ws = slack.here.workspace
    hal = ws.add_user("hal", real_name="Hal Guest", guest="single")
    slack.users["hal"] = hal.id
    ws.join(slack.channel("vendors"), hal.id)
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.settle()
    slack.emu.faults.add("users.info", error="missing_scope", times=None)
    await slack.command("hal", "/kudos", "@bob", channel="vendors")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(hal.id))
    assert shown and "quokka" not in shown, shown


async def test_a_guest_asking_is_told_why_each_colleague_in_declared_skills_only(
    slack: SlackHarness,
) -> None:
    """Alice thanked Dev in #general for the wombat state unlock. Gina asks how to unlock the
    wombat state: the reason she is told for Dev names no word of that shout-out, nor that
    someone has worked with both of them, as she cannot read #general. Alice, a member, asking
    the same in #vendors, is told Dev was thanked for it."""
    await slack.command("alice", "/kudos", "@dev for the wombat state unlock")
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    wombat = "how do we unlock the wombat state in terraform?"

    async def told(handle: str) -> str:
        """What the bot said, anywhere, and the reasons it stored, after this person asked."""
        ephemerals, messages = len(slack.emu.ephemerals()), len(slack.emu.messages())
        await slack.post(handle, "vendors", f"<@{slack.emu.bot_user_id}> {wombat}")
        await slack.drain()
        shown = [f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals()[ephemerals:]]
        shown += [f"{m.text}\n{m.blocks}" for m in slack.emu.messages()[messages:] if m.bot_id]
        async with slack.services.sessions() as s:
            newest = await newest_question(slack)
            offers = await s.scalars(select(Offer).where(Offer.question_id == newest.id))
            shown += [f"{o.reason}\n{o.introduction}" for o in offers]
        return "\n".join(shown)

    seen_by_gina = await told("gina")
    assert "Dev Patel" in seen_by_gina or slack.user("dev") in seen_by_gina
    assert "thanked in kudos" not in seen_by_gina and "worked with" not in seen_by_gina
    assert "thanked in kudos for" in await told("alice")


@pytest.mark.postgres_too
@pytest.mark.parametrize("with_slack", [True, False], ids=["slack", "file-only"])
async def test_a_guest_imported_from_a_file_is_kept_as_one(
    slack: SlackHarness, with_slack: bool
) -> None:
    """HR imports Gina, a guest askaround has not met, by name with terraform at 5: with
    Slack's members to resolve the rows (Slack says she is a guest) or from the file alone
    (nobody said whether she is one). She is not asked about Carol's terraform question in
    #general, and `/kudos @bob` quotes her no public shout-out. Before, the import stored her
    as a member, and her named row read as Slack's description for a day after each import."""
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.settle()
    row = {
        "slack_id": slack.user("gina"),
        "handle": "gina",
        "name": "Gina Guest",
        "title": "Contractor",
        "skills": {"terraform": 5},
    }
    if with_slack:
        report = await run_import(slack, row)
    else:
        resolver = await database_resolver(slack.services, slack.team_id)
        raw = [RawRow(2, row)]
        report = await import_people(slack.services, raw, resolver, dry_run=False, progress=False)
    assert report.imported == [slack.user("gina")], report.summary()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    offered = await offered_to(slack)
    assert slack.user("dev") in offered and slack.user("gina") not in offered
    assert not any("terraform" in text for text in requests_to(slack, "gina"))
    await slack.command("gina", "/kudos", "@bob", channel="vendors")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(slack.user("gina")))
    assert shown and "quokka" not in shown, shown


async def test_someone_imported_from_a_file_alone_is_asked_about_at_first_meeting(
    slack: SlackHarness,
) -> None:
    """Imported from the file alone, Gina is kept as a guest until Slack says otherwise; when
    Slack has made her a member meanwhile, her first `/kudos @bob` asks Slack about her, and
    she is shown the public shout-out at once, not a day later."""
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.settle()
    resolver = await database_resolver(slack.services, slack.team_id)
    row = {"slack_id": slack.user("gina"), "handle": "gina", "name": "Gina Guest"}
    raw = [RawRow(2, row)]
    await import_people(slack.services, raw, resolver, dry_run=False, progress=False)
    async with slack.services.sessions() as s:
        stored = await s.scalar(select(Person).where(Person.user_id == slack.user("gina")))
    assert stored is not None and stored.is_guest
    slack.here.workspace.users[slack.user("gina")].is_restricted = False
    await slack.command("gina", "/kudos", "@bob", channel="vendors")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(slack.user("gina")))
    assert "quokka" in shown, shown


async def test_a_member_imported_from_the_file_alone_is_asked_once_the_sync_describes_them(
    slack: SlackHarness,
) -> None:
    """HR imports Hana, a member askaround has not met, from the file alone with pgbouncer at
    5. The import says she is kept as a guest until Slack describes her, and how soon; Carol's
    pgbouncer question is not put to her then, and is once `askaround sync` has run."""
    hana = slack.here.workspace.add_user("hana", real_name="Hana Member", email="hana@x.io")
    slack.users["hana"] = hana.id
    resolver = await database_resolver(slack.services, slack.team_id)
    row = {"slack_id": hana.id, "handle": "hana", "name": "Hana", "skills": {"pgbouncer": 5}}
    report = await import_people(
        slack.services, [RawRow(2, row)], resolver, dry_run=False, progress=False
    )
    assert "line 2: warning: Slack has not described them yet" in report.summary()
    assert "until `askaround sync`" in report.summary()
    question = "How should I size the pgbouncer pool for our API?"
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {question}")
    await slack.drain()
    assert hana.id not in await offered_to(slack)

    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {question} Anyone?")
    await slack.drain()
    assert hana.id in await offered_to(slack)


async def test_a_guest_is_not_told_they_can_be_asked_questions(slack: SlackHarness) -> None:
    """Gina, a guest, is never asked about a colleague's question: `/skills back` does not
    tell her she can be, and neither her profile nor Bob's `/skills who terraform` calls her
    available; Dev, a member, still is."""
    told = []
    for words in ("add terraform:5", "back", ""):
        assert (await slack.command("gina", "/skills", words, channel="vendors")).ok
        await slack.settle()
        told.append(str(slack.emu.ephemerals(slack.user("gina"))[-1].blocks))
    _added, back, profile = told
    assert "can be asked" not in back and "guest" in back, back
    assert "Status: available" not in profile and "guest" in profile, profile
    assert (await slack.command("bob", "/skills", "who terraform")).ok
    await slack.settle()
    who = str(slack.emu.ephemerals(slack.user("bob"))[-1].blocks)
    [gina] = [line for line in who.split("\\n") if slack.user("gina") in line]
    [dev] = [line for line in who.split("\\n") if slack.user("dev") in line]
    assert "available" not in gina and "guest" in gina, gina
    assert "available" in dev


async def test_a_guest_suggested_for_a_question_is_said_to_be_never_asked(
    slack: SlackHarness,
) -> None:
    """Dev picks Gina, a guest, in *Suggest someone*: she is not asked, and Dev reads that
    guests never are, not that she "isn't taking questions right now"."""
    assert (await slack.command("gina", "/skills", "", channel="vendors")).ok  # stored: a guest
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    [dm] = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    await slack.emu.click(
        slack.user("dev"), "offer_refer", message=dm, selected_user=slack.user("gina")
    )
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("dev"))[-1].text
    assert slack.user("gina") not in await offered_to(slack)
    assert "is a guest of this workspace" in said and "right now" not in said, said


async def test_the_colleagues_askaround_knows_are_no_guests(slack: SlackHarness) -> None:
    """Alice's Home tab said "askaround knows 5 colleagues here" with Gina, a guest invited
    to #vendors, among them: a guest is nobody askaround asks, thanks or names as a
    colleague. The directory sync stored Gina as a guest; the tab counts Bob, Carol, Maria
    and Dev (Dave has left, Helper Bot is an app)."""
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    await slack.emu.open_home(slack.user("alice"))
    await slack.drain()
    home = slack.emu.home_view(slack.user("alice"))
    assert home is not None
    assert "askaround knows 4 colleagues here." in str(home.blocks[1])


async def test_a_guests_home_shows_no_figure_of_the_whole_workspace(slack: SlackHarness) -> None:
    """Gina opens her Home tab: it said how many colleagues askaround knows here, a figure of
    the whole workspace, whose member directory Slack does not show a guest either. Alice, a
    member, still reads it."""
    tabs = await home_tabs(slack, "gina", "alice")
    assert "askaround knows" in tabs["alice"], tabs["alice"]
    assert "askaround knows" not in tabs["gina"], tabs["gina"]
    assert "/askaround help" in tabs["gina"]


async def test_a_guest_is_shown_no_leaderboard(slack: SlackHarness) -> None:
    """Alice thanked Bob in #general. A leaderboard ranks the whole workspace's people by the
    kudos they received, private ones counted: a figure of the whole workspace, as "askaround
    knows N colleagues" is, whose member directory Slack does not show a guest. Gina's Home tab
    showed the month's leaderboard and `/kudos top` answered her with it; now her tab has none
    and `/kudos top` tells her why, while Alice, a member, reads both."""
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.settle()
    tabs = await home_tabs(slack, "gina", "alice")
    assert "Leaderboard" in tabs["alice"] and "Bob Chen" in tabs["alice"]
    assert "Leaderboard" not in tabs["gina"] and "Bob Chen" not in tabs["gina"], tabs["gina"]
    assert "kudos left today" in tabs["gina"]

    async def top(handle: str, channel: str) -> str:
        before = len(slack.emu.ephemerals(slack.user(handle)))
        await slack.command(handle, "/kudos", "top", channel=channel)
        await slack.settle()
        return "\n".join(str(e.blocks) for e in slack.emu.ephemerals(slack.user(handle))[before:])

    to_gina = await top("gina", "vendors")
    assert "Bob Chen" not in to_gina and "Kudos leaderboard" not in to_gina, to_gina
    assert "for the workspace's members" in to_gina and "/kudos me" in to_gina
    assert "Bob Chen" in await top("alice", "general")


async def test_a_guest_is_shown_nobody_by_skill(slack: SlackHarness) -> None:
    """`/skills who terraform` lists every colleague who declared it, with their level and
    whether they are away: the workspace's member directory, searched by skill, which Slack
    does not show a guest, who sees the members of the channels they were invited to. Gina,
    a guest in #vendors with Alice, was shown Bob, Dev and Maria, none of whom she may ever
    have met there; she is told why now and shown nobody, as for a leaderboard, and asking
    her question still finds her someone. Alice, a member, still reads the list."""

    async def who(handle: str, channel: str) -> str:
        before = len(slack.emu.ephemerals(slack.user(handle)))
        assert (await slack.command(handle, "/skills", "who terraform", channel=channel)).ok
        await slack.settle()
        return "\n".join(str(e.blocks) for e in slack.emu.ephemerals(slack.user(handle))[before:])

    to_gina = await who("gina", "vendors")
    named = [h for h in ("bob", "dev", "maria") if slack.user(h) in to_gina]
    assert named == [], to_gina
    assert "for the workspace's members" in to_gina and "/ask" in to_gina, to_gina
    to_alice = await who("alice", "general")
    assert all(slack.user(h) in to_alice for h in ("bob", "dev", "maria")), to_alice


async def test_a_guest_is_offered_none_of_the_workspaces_skill_names(slack: SlackHarness) -> None:
    """Bob declares a skill of the workspace's own (no shipped one). *Edit profile*'s
    type-ahead offered it to Gina, a guest, as `/skills add` with a letter off asked her
    "Did you mean" it: a word of a colleague's profile, from the member directory Slack does
    not show her. She is offered the shipped skills and what she typed, and what she adds is
    saved as she typed it; Alice, a member, is still offered Bob's."""
    assert (await slack.command("bob", "/skills", f"add {OWN_SKILL}:4")).ok
    await slack.settle()

    async def offered(handle: str) -> list[str]:
        user = slack.user(handle)
        modal = await open_edit_profile(slack, user)
        options = await slack.emu.suggest(user, "skills_level_3", "zorbl", modal.id)
        return [str(o["value"]) for o in options]

    assert "zorblaxing" not in await offered("gina")
    assert "zorblaxing" in await offered("alice")
    gina = slack.user("gina")
    before = len(slack.emu.ephemerals(gina))
    assert (await slack.command("gina", "/skills", "add zorblaxin:2", channel="vendors")).ok
    await slack.settle()
    said = "\n".join(str(e.blocks) for e in slack.emu.ephemerals(gina)[before:])
    assert "Saved" in said and "Did you mean" not in said and OWN_SKILL not in said, said
