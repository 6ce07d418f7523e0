"""`/askaround insights` end to end, and its visibility matrix (employee, manager, admin ×
private kudos, network entries).

Teams: Platform (maria, alice, bob), Core (carol, erin, dev); hana and olga make a team of two
with no parent, too small to show. In public, carol and erin thank bob (Platform helps Core:
bob is a connector); in a private channel carol thanks alice three times (MARK_PRIVATE: it
counts between the teams, it names nobody); alice's network has a guild about terraform
(MARK_NET: a count); only dev knows terraform at level 4 or more: a knowledge risk.
"""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from bot import visibility
from bot.insights import outline
from bot.insights.measures import Analysis, Connector, Flow, Risk
from bot.insights.outline import Section
from bot.insights.view import InsightsView
from bot.runtime.cli import main
from bot.workspace_settings.service import CLI
from handlers.blocks.insights import PICTURE_IN_DM, render_insights
from handlers.client.paced import MAX_WAIT_SECONDS, PacedClient
from slack_emulator.blocks import BLOCKS_TEXT_LIMIT, blocks_text
from storage.models import Person, Workspace
from tests.slack.digests.conftest import PEOPLE, org_chart
from tests.slack.digests.world import charts
from tests.slack.harness import SlackHarness, bot_in_process, seen_once
from tests.slack.questions.test_flow import ask, offer_dm
from tests.slack.questions.test_fresh_profile import save_profile

MARK_PRIVATE, MARK_NET = "quokkapriv", "quokkanet"
# The monthly DM sent on 1 December 2026 at 10:00 UTC: the 90 days to then, from a UTC midnight.
NOTE = "Your monthly insights: help from 2026-09-02 to 2026-12-01 (UTC)."
TEAMS: dict[str, tuple[str, ...]] = {
    "Platform": ("maria", "alice", "bob"),
    "Core": ("carol", "erin", "dev"),
    "Ops": ("hana", "olga"),
}
PNG = b"\x89PNG\r\n\x1a\n"


async def in_teams(slack: SlackHarness) -> None:
    """The org chart, its people in `TEAMS`, and Olga a Slack admin."""
    await org_chart(slack)
    slack.emu.workspace.users[slack.user("olga")].is_admin = True
    async with slack.services.sessions() as s, s.begin():
        for team, handles in TEAMS.items():
            await s.execute(
                update(Person)
                .where(Person.user_id.in_([slack.user(h) for h in handles]))
                .values(team_name=team)
            )


async def stage(slack: SlackHarness) -> None:
    await in_teams(slack)
    vault = slack.emu.workspace.add_channel(
        "vault", is_private=True, members=[slack.user("carol"), slack.user("alice")]
    )
    slack.channels["vault"] = vault.id
    await slack.command("carol", "/kudos", "@bob for the postgres failover")
    await slack.command("erin", "/kudos", "@bob for the postgres index advice")
    for n in range(3):
        await slack.command("carol", "/kudos", f"@alice for the {MARK_PRIVATE} fix {n}", "vault")
    await slack.command("dev", "/skills", "add terraform:5")
    await slack.command("alice", "/skills", "add terraform:3")
    await slack.command(
        "alice", "/skills", f"network add {MARK_NET} guild about terraform as functional"
    )
    await slack.settle()


async def seen(slack: SlackHarness, handle: str, channel: str = "general") -> str:
    user = slack.user(handle)
    before = len(slack.emu.ephemerals(user))
    await slack.command(handle, "/askaround", "insights", channel)
    await slack.settle()
    return "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(user)[before:])


@pytest.fixture
async def world(tmp_path: Path) -> dict[str, tuple[str, int]]:
    """viewer → (what /askaround insights showed them, PNGs in their DM); staged and seen once a
    process (`seen_once`): the tests only read it."""

    async def see() -> dict[str, tuple[str, int]]:
        async with bot_in_process(tmp_path, people=PEOPLE) as slack:
            await stage(slack)
            return {
                h: (await seen(slack, h), len(charts(slack, h)))
                for h in ("erin", "maria", "hana", "olga", "dev")
            }

    return await seen_once("insights", see)


# viewer → (role, the people named to them); nobody else may be named to them.
MATRIX = {
    "erin": ("employee", set()),
    "maria": ("manager", {"Bob Chen"}),  # dev is not in her org: his risk is not hers
    "hana": ("manager", {"Bob Chen", "Dev Patel"}),
    "olga": ("admin (Slack)", {"Bob Chen", "Dev Patel"}),
    "dev": ("admin (role)", {"Bob Chen", "Dev Patel"}),
}
EVERYONE = {"Bob Chen", "Dev Patel", "Alice Martin", "Carol Diaz", "Erin Quist"}


async def test_the_visibility_matrix(world: dict[str, tuple[str, int]]) -> None:
    wrong = []
    for viewer, (role, named) in MATRIX.items():
        text, pictures = world[viewer]
        for marker in (MARK_PRIVATE, MARK_NET):
            if marker in text:
                wrong.append(f"{viewer} ({role}) sees {marker}")
        for name in EVERYONE:
            shown = f"{name} (" in text or f"only {name}" in text
            if shown != (name in named):
                wrong.append(f"{viewer} ({role}) {'sees' if shown else 'misses'} {name}")
        if pictures != (0 if role == "employee" else 1):
            wrong.append(f"{viewer} ({role}) got {pictures} pictures")
    assert not wrong, "\n".join(wrong)


async def test_what_each_one_is_told(world: dict[str, tuple[str, int]]) -> None:
    assert "for managers" in world["erin"][0] and "Knowledge risks" not in world["erin"][0]
    admin = world["olga"][0]
    assert "Insights for the whole workspace" in admin
    # The window starts at a UTC midnight, which is another day in much of the world.
    assert re.search(r"since \d{4}-\d{2}-\d{2} \(UTC\)", admin)
    assert "Terraform: not asked in the window, only Dev Patel" in admin
    assert "a second one could be Alice Martin" in admin
    assert "1 network entry knows someone" in admin
    # bob helped carol and erin, both in Core: one team, counted as one
    assert "Bob Chen (Platform): helped 2× across 1 team," in admin
    assert "Platform → Core: 5" in admin  # two public kudos and three private ones, counted
    assert "Ops" not in admin  # two people: too small to show
    # Ops has no parent team to count with, and the others left over are under 3 people too:
    # "Teams under 3 people count with their parent team." was untrue of hana's and olga's.
    assert (
        "Teams under 3 people count with their parent team; those without one count together "
        "as Other teams, and nowhere when that is under 3 people too." in admin
    ), admin
    assert "Insights for your org" in world["maria"][0]
    assert "Teams: Core (3), Platform (3). Teams under" in admin, admin
    # maria's org is alice, bob, carol and erin: "Platform (3)" counted maria, outside it.
    assert "Teams your org is in (its people in each): Core (2), Platform (2)." in world["maria"][0]
    # Terraform rests on dev alone, outside her org: "no topic rests on one person" was untrue.
    assert "None: no topic rests on one person of your org, and" in world["maria"][0]


async def test_who_may_not_see_it_is_only_told_so(world: dict[str, tuple[str, int]]) -> None:
    """erin, who manages nobody, was first told "Looking at how help flows here…" and then
    refused; whether she may see it is decided first, so she reads the refusal alone."""
    assert "Looking at how help flows" not in world["erin"][0]
    assert world["erin"][0].count("for managers") == 2  # the refusal: its text and its block
    # Who sees the whole workspace's, named as `visibility.is_admin` has it: not "admins",
    # which the people named to change the settings are too.
    whole = "Slack's workspace admins and owners and people with the `admin` role (the whole"
    assert whole in world["erin"][0], world["erin"][0]
    for viewer in ("maria", "olga"):
        assert "Looking at how help flows" in world[viewer][0]


async def test_the_old_name_is_told_the_new_one_and_shown_the_insights(tmp_path: Path) -> None:
    """`/askaround network` was the insights' name until "network" came to mean only the
    people someone knows (`/skills network`); typed now, it is no dead end: one line gives the
    new name, then the insights show as `/askaround insights` shows them."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        user = slack.user("olga")
        await slack.command("olga", "/askaround", "network")
        await slack.settle()
        said = [e.text for e in slack.emu.ephemerals(user)]
    assert said[0] == "`/askaround network` is now `/askaround insights`.", said
    assert any("Insights for the whole workspace" in text for text in said[1:]), said


async def test_the_monthly_dm_goes_to_each_admin_once(tmp_path: Path) -> None:
    """On 1 December at 10:00 UTC, the job queues November's DM to dev (the admin role) and
    olga (a Slack admin, as users.list says), once however often it runs; the DM has the
    outline and the picture, and nobody else gets one."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        slack.services.clock.freeze(datetime(2026, 12, 1, 10, tzinfo=UTC))
        for _ in range(2):
            await slack.runner.bot.scheduler.run_once("insights")
            await slack.drain()
        dms = [m for m in slack.emu.dm_messages(slack.user("dev")) if "Insights" in m.text]
        assert len(dms) == 1
        # What it covers: the heading's window, to when it was sent, not the month it is
        # keyed by ("Your monthly insights, 2026-11." read as November's).
        said = str(dms[0].blocks)
        assert "Insights for the whole workspace, since 2026-09-02 (UTC)" in said, said
        assert NOTE in said and "2026-11" not in said, said
        assert [f.name for f in charts(slack, "dev")] == ["insights-2026-11.png"]
        assert [f.name for f in charts(slack, "olga")] == ["insights-2026-11.png"]
        assert MARK_PRIVATE not in str(dms[0].blocks) and MARK_NET not in str(dms[0].blocks)
        assert not charts(slack, "maria")  # a manager, not an admin


async def test_a_monthly_dm_that_waits_its_turn_after_posting_is_not_posted_again(
    tmp_path: Path,
) -> None:
    """Other work has used this minute's conversations.history allowance: each admin's DM is
    posted, then waits its turn for the look for an earlier chart. Its next attempt finds the
    message it posted, where it was taken for a first attempt and posted the DM again."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        slack.services.clock.freeze(datetime(2026, 12, 1, 10, tzinfo=UTC))
        client = await slack.runner.bot.outbox.clients.for_team(slack.team_id)
        assert isinstance(client, PacedClient)
        tiers = client._tiers  # the outbox's share of Slack's allowance
        while tiers.wait("conversations.history") <= MAX_WAIT_SECONDS:
            tiers.take("conversations.history")
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.drain()
        for admin in ("dev", "olga"):
            dms = [m for m in slack.emu.dm_messages(slack.user(admin)) if "Insights for" in m.text]
            assert len(dms) == 1, [m.text for m in dms]
            assert [f.name for f in charts(slack, admin)] == ["insights-2026-11.png"]


async def test_an_admin_named_to_change_settings_sees_no_more_of_the_network(
    tmp_path: Path,
) -> None:
    """maria, a manager, is named an askaround admin from the command line: she may change
    the settings now, but naming gives nobody else's data: she still sees her org's network
    only, as her reports are her org's (visibility.is_admin / may_configure, one place), and
    the monthly DM does not reach her."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        team = slack.emu.team_id
        maria = slack.user("maria")
        await slack.services.workspace_settings.change(team, {"askaround_admins": maria}, by=CLI)
        assert await slack.services.workspace_settings.change(
            team, {"digest_hour": "10"}, by=maria, nameable=True
        )
        slack.services.clock.freeze(datetime(2026, 12, 1, 10, tzinfo=UTC))
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.drain()
        assert charts(slack, "maria") == []
        shown = await slack.services.insights.for_viewer(team, maria, slack_admin=False)
        whole = await slack.services.insights.whole(team, None)
        assert shown.view != whole.view
        assert "Insights for your org" in shown.text()


async def test_a_manager_is_not_offered_a_second_person_from_outside_their_org(
    tmp_path: Path,
) -> None:
    """Only bob (maria's org) knows kafka well; olga (not in it) declared it at level 2. The
    admin is told olga could be a second one; maria, who may name only her org, is not."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("bob", "/skills", "add kafka:5")
        await slack.command("olga", "/skills", "add kafka:2")
        await slack.settle()
        admin, manager = await seen(slack, "olga"), await seen(slack, "maria")
    assert "Kafka: not asked in the window, only Bob Chen; a second one could be Olga" in admin
    assert "Kafka: not asked in the window, only Bob Chen" in manager
    assert "Olga Ivanova" not in manager


def test_the_message_stays_within_block_kit_limits() -> None:
    """However many and however long the lines, at most 50 blocks of at most 3,000 characters
    and no more text than Slack's chat.postMessage takes (msg_blocks_too_long); every part is
    there, its cut list saying how many more."""
    parts = [Section(f"part {n}", tuple("x" * 2500 for _ in range(30))) for n in range(5)]
    message = render_insights(parts, PICTURE_IN_DM)
    blocks = message["blocks"]
    assert len(blocks) <= 50 and blocks_text(blocks) <= BLOCKS_TEXT_LIMIT
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
    shown = json.dumps(blocks)
    assert all(f"*part {n}*" in shown for n in range(5)) and "more." in shown
    assert blocks[-1]["type"] == "context"


async def test_the_risks_not_shown_are_in_a_csv_in_the_dm(tmp_path: Path) -> None:
    """dev alone knows twelve topics well (with terraform, thirteen risks): the message shows
    ten and says where the other three are; that file is in olga's DM, beside the picture, and
    lists them all. Her monthly DM says so and holds its own."""
    topics = [f"topic{n:02d}" for n in range(12)]
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("dev", "/skills", "add " + ", ".join(f"{t}:5" for t in topics))
        await slack.settle()
        said = await seen(slack, "olga")
        im = slack.emu.workspace.im_between(slack.user("olga"))
        assert im is not None
        shared = {f.name: f for f in slack.emu.workspace.files.values() if im.id in f.shares}
        slack.services.clock.freeze(datetime(2026, 12, 1, 10, tzinfo=UTC))
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.drain()
        [monthly] = [m for m in slack.emu.dm_messages(slack.user("olga")) if NOTE in str(m.blocks)]
        assert "… and 3 more (insights-2026-11.csv, below, lists them all)" in str(monthly.blocks)
        monthly_files = {f.name for f in slack.emu.workspace.files.values() if im.id in f.shares}
    assert monthly_files - set(shared) == {"insights-2026-11.csv", "insights-2026-11.png"}
    assert "… and 3 more (insights.csv in your DM with me lists them all)" in said, said
    assert sorted(shared) == ["insights.csv", "insights.png"]
    table = (shared["insights.csv"].content or b"").decode()
    assert all(f"knowledge risk,{t},Dev Patel" in table for t in topics), table


def test_knowledge_risks_cut_to_fit_count_what_they_leave_out_truly() -> None:
    """25 risks with long names, beside many connectors: the ten risks shown are cut to
    their share of the message. The line saying where the 15 others are stays, and the cut
    says how many of the ten it left out (it took that line for a risk: "…and 5 more.")."""
    at = datetime(2026, 11, 1, tzinfo=UTC)
    risks = tuple(Risk(f"t{i}", f"risk {i} " + "y" * 700, 3, f"U{i}", 1, (), 0) for i in range(25))
    connectors = tuple(Connector(f"C{i}", "team " + "z" * 600, 2, 2, 0, False) for i in range(30))
    analysis = Analysis(at, at, {}, {}, {}, (), risks, connectors, (), (), {}, 0)
    view = InsightsView(visibility.InsightsScope.WORKSPACE, frozenset(), analysis)
    parts = outline.sections(view, {}, "insights.csv in your DM with me")
    shown = json.dumps(render_insights(parts, PICTURE_IN_DM)["blocks"], ensure_ascii=False)
    listed = sum(f"risk {i} " in shown for i in range(10))
    assert 0 < listed < 10
    assert "… and 15 more (insights.csv in your DM with me lists them all)" in shown
    assert f"…and {10 - listed} more." in shown


def test_team_to_team_help_cut_to_ten_says_how_many_more_and_where() -> None:
    """Five teams help each other in 14 flows: the message lists the ten largest and says
    there are four more, rather than passing ten for all of them."""
    at = datetime(2026, 11, 1, tzinfo=UTC)
    teams = ["A", "B", "C", "D", "E"]
    pairs = [(a, b) for a in teams for b in teams if a != b][:14]
    flows = tuple(Flow(a, b, 20 - i) for i, (a, b) in enumerate(pairs))
    analysis = Analysis(at, at, {}, {}, {t: 3 for t in teams}, flows, (), (), (), (), {}, 0)
    view = InsightsView(visibility.InsightsScope.WORKSPACE, frozenset(teams), analysis)
    [flows_part] = [p for p in outline.sections(view, {}, "") if p.heading == "Team-to-team help"]
    assert len(flows_part.lines) == 10
    assert flows_part.notes == ("… and 4 more, smaller ones",)


@pytest.mark.parametrize("how", ["network remove", "Edit profile", "forget me"])
async def test_a_deletion_from_a_profile_is_in_the_next_view(tmp_path: Path, how: str) -> None:
    """olga has seen the network (it is kept between views); then alice removes her guild
    from her network (with `/skills network remove`, by saving Edit profile without it, or
    by `/skills forget me`): olga's next look counts no network entry for Terraform, as
    routing's next question does not use it. A removal counted for routing alone (in place,
    no rebuild) left the copy kept showing it for up to two hours."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        before = await seen(slack, "olga")
        assert "1 network entry knows someone" in before and "only Dev Patel" in before
        if how == "network remove":
            await slack.command("alice", "/skills", f"network remove {MARK_NET} guild")
        elif how == "Edit profile":
            await save_profile(slack, "alice", {"network": {"network": ""}})
        else:
            await slack.command("alice", "/skills", "forget me")
        await slack.settle()
        after = await seen(slack, "olga")
    assert "network entry" not in after, after


async def test_a_forgotten_expert_is_not_in_the_next_view(tmp_path: Path) -> None:
    """olga has seen dev as Terraform's only expert; dev says `/skills forget me`: her next
    look names him no more, as routing's next question does not."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        assert "only Dev Patel" in await seen(slack, "olga")
        await slack.command("dev", "/skills", "forget me")
        await slack.settle()
        after = await seen(slack, "olga")
    assert "Dev Patel" not in after, after


@pytest.mark.postgres_too
async def test_someone_who_left_is_not_in_the_next_view(tmp_path: Path) -> None:
    """olga has seen dev as Terraform's only expert; dev leaves the workspace: her next look
    names him no more (he was named from the kept copy for up to two hours)."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        assert "only Dev Patel" in await seen(slack, "olga")
        await slack.emu.change_user(slack.user("dev"), deleted=True)
        await slack.settle()
        after = await seen(slack, "olga")
    assert "Dev Patel" not in after, after


async def test_a_managers_team_counts_are_of_their_org_and_not_who_left(tmp_path: Path) -> None:
    """erin leaves: Core, two people then, counts with Platform. maria's org in it is alice,
    bob and carol, where it said Platform (5), the workspace's (maria and dev too)."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.emu.change_user(slack.user("erin"), deleted=True)
        await slack.settle()
        slack.services.insights.forget(slack.team_id)
        shown = await seen(slack, "maria")
    assert "(its people in each): Platform (3). Teams under" in shown, shown


async def test_someone_of_a_name_another_has_is_told_apart(tmp_path: Path) -> None:
    """Slack renames Erin "Dev Patel", as Dev is called: olga's view names Terraform's only
    expert with his handle, "only Dev Patel (@dev)", where "only Dev Patel" named either."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.emu.change_user(slack.user("erin"), real_name="Dev Patel")
        await slack.settle()
        after = await seen(slack, "olga")
    assert "only Dev Patel (@dev)" in after, after


async def test_a_manager_who_is_a_guest_is_named_nobody(tmp_path: Path) -> None:
    """maria, Platform's manager, is made a guest of the workspace in Slack: she reads only
    the channels she was invited to, and Bob is a connector for his public kudos in #general.
    Her insights count her org's help and name nobody, Bob neither; before, as a
    member, she was told of him."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        assert "Bob Chen (" in await seen(slack, "maria")
        slack.emu.workspace.users[slack.user("maria")].is_restricted = True
        slack.services.insights.forget(slack.team_id)
        as_guest = await seen(slack, "maria")
    assert "Insights for your org" in as_guest
    assert not any(name in as_guest for name in EVERYONE), as_guest
    # Counted, as a risk's one person is: not "Nobody helps across teams yet".
    assert "Nobody helps across teams" not in as_guest
    assert "1 person helps across teams (named to admins and their managers)" in as_guest


async def test_a_guest_managers_risk_is_counted_not_said_to_be_none(tmp_path: Path) -> None:
    """Only Bob, in maria's org, declared Helm: a risk of her org. Made a guest, she may
    be named nobody, and the risk was left out of her view: she read "None: no topic rests
    on one person". It says "one person", as a connector she may not name is counted."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("bob", "/skills", "add helm:5")
        await slack.settle()
        assert "Helm: not asked in the window, only Bob Chen" in await seen(slack, "maria")
        slack.emu.workspace.users[slack.user("maria")].is_restricted = True
        slack.services.insights.forget(slack.team_id)
        as_guest = await seen(slack, "maria")
    assert "Bob Chen" not in as_guest, as_guest
    assert "no topic rests on one person" not in as_guest, as_guest
    assert (
        "Helm: not asked in the window, only one person (named to admins and their managers)"
        in as_guest
    ), as_guest


async def test_the_picture_is_said_to_be_in_the_dm_only_once_it_is(tmp_path: Path) -> None:
    """Slack refusing the picture's upload for good, the admin reads the insights in words
    and is not told the picture is in their DM: the message's last line said it was."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        slack.emu.faults.refuse("files.completeUploadExternal", "unknown_method")
        said = await seen(slack, "olga")
        assert "Slack refused me the upload" in said and "Knowledge risks" in said, said
        assert "in your DM with me" not in said and charts(slack, "olga") == [], said
        slack.emu.faults.clear()
        assert "The picture of help between teams is in your DM with me." in await seen(
            slack, "olga"
        )


async def test_risks_left_out_of_a_refused_upload_are_not_said_to_be_in_its_table(
    tmp_path: Path,
) -> None:
    """Slack refusing the upload of the picture and insights.csv, the message said the rest
    of the risks were in "the table I could not share": a file olga cannot get."""
    topics = [f"topic{n:02d}" for n in range(12)]
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("dev", "/skills", "add " + ", ".join(f"{t}:5" for t in topics))
        await slack.settle()
        slack.emu.faults.refuse("files.completeUploadExternal", "unknown_method")
        said = await seen(slack, "olga")
    assert "Slack refused me the upload" in said, said
    assert "… and 3 more" in said and "could not share" not in said, said
    assert "lists them all" not in said, said


async def test_typed_in_the_dm_the_picture_and_table_are_here(tmp_path: Path) -> None:
    """olga types `/askaround insights` in her DM with askaround, where the picture and the
    table of every risk are shared: she is told they are here, not "in your DM with me"."""
    topics = [f"topic{n:02d}" for n in range(12)]
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("dev", "/skills", "add " + ", ".join(f"{t}:5" for t in topics))
        await slack.settle()
        slack.channels["dm"] = slack.emu.workspace.open_im(slack.user("olga")).id
        said = await seen(slack, "olga", "dm")
        assert len(charts(slack, "olga")) == 1
    assert "The picture of help between teams is shared here." in said, said
    assert "… and 3 more (insights.csv, shared here, lists them all)" in said, said
    assert "in your DM with me" not in said, said


async def test_a_monthly_dm_whose_csv_slack_refuses_does_not_say_it_is_below(
    tmp_path: Path,
) -> None:
    """Thirteen risks, ten shown; Slack refuses the upload for good: Olga's monthly DM no
    longer says the other three are in a CSV below (nothing is), nor in the CSV
    `/askaround insights` would send to the same DM, which Slack refuses too."""
    topics = [f"topic{n:02d}" for n in range(12)]
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("dev", "/skills", "add " + ", ".join(f"{t}:5" for t in topics))
        await slack.settle()
        slack.emu.faults.add("files.completeUploadExternal", error="invalid_channel", times=None)
        slack.services.clock.freeze(datetime(2026, 12, 1, 10, tzinfo=UTC))
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.drain()
        [monthly] = [m for m in slack.emu.dm_messages(slack.user("olga")) if NOTE in str(m.blocks)]
        said = str(monthly.blocks)
    assert "below" not in said and "insights.csv" not in said, said
    assert "… and 3 more" in said, said


# Given up after three tries, not twelve: nothing happens between the tries, so the end is
# the same.
@pytest.mark.usefixtures("gives_up_sooner")
async def test_a_monthly_dm_whose_csv_slack_keeps_failing_does_not_say_it_is_below(
    tmp_path: Path,
) -> None:
    """Thirteen risks, ten shown; Slack fails the upload again and again (503s) until the
    outbox gives it up: Olga's monthly DM says where she can get the other three, as when
    Slack refuses the files for good, and is otherwise the message she was sent."""
    topics = [f"topic{n:02d}" for n in range(12)]
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("dev", "/skills", "add " + ", ".join(f"{t}:5" for t in topics))
        await slack.settle()
        slack.emu.faults.add("files.completeUploadExternal", status=503, times=None)
        slack.services.clock.freeze(datetime(2026, 12, 1, 10, tzinfo=UTC))
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.drain()  # through every retry's backoff, until the outbox gives it up
        [monthly] = [m for m in slack.emu.dm_messages(slack.user("olga")) if NOTE in str(m.blocks)]
        said = str(monthly.blocks)
        assert charts(slack, "olga") == []
    assert "below" not in said, said
    assert "… and 3 more (the insights.csv `/askaround insights` sends you lists them all)" in said
    assert "Knowledge risks" in said and NOTE in said


async def test_a_topic_only_someone_away_declared_is_not_said_to_be_declared_by_nobody(
    tmp_path: Path,
) -> None:
    """dev declares kafka, which is asked about three times, and goes away. Risks count only
    available people, so it is a risk, but "nobody has declared it" was untrue of dev's."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("dev", "/skills", "add kafka:4")
        await slack.settle()  # routing's index has kafka: the questions' topic
        for handle in ("carol", "erin", "bob"):
            text = f"how do we rebalance kafka partitions for {handle}?"
            await slack.post(handle, "general", f"<@{slack.emu.bot_user_id}> {text}")
        await slack.settle()
        await slack.command("dev", "/skills", "away for 2 weeks")
        # A deletion from a profile has the analysis kept from before the questions made again.
        await slack.command("alice", "/skills", f"network remove {MARK_NET} guild")
        await slack.settle()
        admin = await seen(slack, "olga")
    assert "Kafka: asked 3× in the window, nobody has declared it" not in admin, admin
    assert "Kafka: asked 3× in the window, nobody available has declared it" in admin, admin


@pytest.mark.postgres_too
async def test_help_of_a_colleague_who_left_while_helping_still_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alice (Platform) asks about terraform; Dev (Core, with Hana) takes it on, then leaves the
    workspace while helping: the question, open again, no longer names him. Core's help to
    Platform still counts, in `/askaround insights` and `askaround report insights`; it was lost
    ("Core → Platform" was missing), his accepted request being read no more."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        slack.services.clock.freeze(datetime(2026, 11, 18, 10, tzinfo=UTC))  # Dev at work
        await stage(slack)
        async with slack.services.sessions() as s, s.begin():  # Core keeps 3 people after
            await s.execute(
                update(Person).where(Person.user_id == slack.user("hana")).values(team_name="Core")
            )
        await ask(slack)
        await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
        await slack.settle()
        await slack.emu.change_user(slack.user("dev"), deleted=True)
        await slack.settle()
        admin = await seen(slack, "olga")
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("ASKAROUND_DATABASE_URL", slack.runner.settings.database_url)
        argv = ["report", "insights", "--since", "2026-09-01", "--output", "n.txt"]
        assert await asyncio.to_thread(main, argv) == 0
    assert "Core → Platform: 1" in (tmp_path / "n.txt").read_text()
    assert "Core → Platform: 1" in admin, admin


async def test_a_kudos_undone_is_not_in_the_next_view(tmp_path: Path) -> None:
    """Erin undoes her kudos to Bob after Olga saw Bob as a connector for two: her next look
    counts the one left, within the two hours the analysis is kept (an Undo counts as a
    deletion from profiles)."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        before = await seen(slack, "olga")
        assert "Bob Chen (Platform): helped 2× across 1 team," in before, before
        assert "Platform → Core: 5" in before, before
        await slack.emu.click_button(slack.user("erin"), "Undo")
        await slack.settle()
        after = await seen(slack, "olga")
    assert "Bob Chen (Platform)" not in after, after
    assert "Platform → Core: 4" in after, after


async def test_a_private_question_taken_on_is_said_to_count_only(tmp_path: Path) -> None:
    """Carol (Core) asks in a DM with the bot, privately; Alice (Platform) takes it on. Her
    help counts between the teams and names nobody, as a private kudos does; the heading said
    only "private kudos and networks only count", as if a private question named its helper."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        slack.services.clock.freeze(datetime(2026, 11, 18, 10, tzinfo=UTC))  # all at work
        await stage(slack)
        await slack.dm_bot("carol", "how do I rotate the terraform cloud token safely?")
        await slack.settle()
        await slack.emu.click_button(slack.user("carol"), "Ask colleagues privately")
        await slack.settle()
        await slack.emu.click(slack.user("alice"), "offer_accept", message=offer_dm(slack, "alice"))
        await slack.settle()
        admin = await seen(slack, "olga")
    assert "Platform → Core: 6" in admin, admin  # five before, and Alice's help
    assert "Alice Martin (" not in admin, admin
    assert "Help = questions taken on and kudos; private ones, and networks, only count." in admin


async def test_one_help_across_teams_is_not_said_to_be_none(tmp_path: Path) -> None:
    """Carol (Core) thanks Bob (Platform) once: the team-to-team help shows it, and the
    connectors' part says nobody has helped across teams often enough to be one, where it
    said "Nobody helps across teams yet" beside "Platform → Core: 1"."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await in_teams(slack)
        await slack.command("carol", "/kudos", "@bob for the postgres failover")
        await slack.settle()
        shown = await seen(slack, "olga")
    assert "Platform → Core: 1" in shown, shown
    assert "helps across teams yet" not in shown, shown
    assert "Nobody has helped across teams 2 times or more yet." in shown, shown


async def test_a_new_install_is_said_to_have_counted_since_it_started(tmp_path: Path) -> None:
    """Installed today, askaround has nothing of the 90 days before: the heading said "since"
    the window's first day, months before the install, beside the digest's "askaround has
    counted kudos since" its start. It says what it counted since, as the digest does."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        today = slack.services.clock.now().astimezone(UTC)
        async with slack.services.sessions() as s, s.begin():  # installed today
            await s.execute(update(Workspace).values(created_at=today))
        window = slack.services.insights.since_default()
        said = await seen(slack, "olga")
        heading = f"Insights for the whole workspace, counted since {today:%Y-%m-%d} (UTC)"
        assert heading in said, said
        assert f"{window:%Y-%m-%d}" not in said, said


async def test_a_workspace_without_an_org_chart_is_told_where_teams_come_from(
    tmp_path: Path,
) -> None:
    """Nobody's team imported: everyone is "Other teams" and every finding empty, a dead end
    that said nothing of why. It says teams come from the org chart and how to give it (with
    teams known it says nothing of it: `test_what_each_one_is_told`'s "Platform (3). Teams
    under")."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        slack.emu.workspace.users[slack.user("olga")].is_admin = True
        said = await seen(slack, "olga")
        assert "Nobody's team is known yet: teams come from the org chart" in said, said
        assert "an admin gives with `askaround import people`" in said


async def test_only_one_person_follows_skills_declared_and_removed(tmp_path: Path) -> None:
    """Olga saw "Terraform: … only Dev Patel". Bob declares Terraform at 5: two people, no
    risk; he removes it: only Dev again; Dev removes it: nobody. Each next look, within the
    two hours the analysis is kept, said "only Dev Patel" all along (a `/skills add` or
    `remove` was no change to the kept copy)."""
    steps = (
        ("bob", "add terraform:5", False),
        ("bob", "remove terraform", True),
        ("dev", "remove terraform", False),
    )
    told = []
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        assert "Terraform: not asked in the window, only Dev Patel" in await seen(slack, "olga")
        for who, change, only_dev in steps:
            await slack.command(who, "/skills", change)
            await slack.settle()
            text = await seen(slack, "olga")
            if ("Terraform: not asked in the window, only Dev Patel" in text) != only_dev:
                told.append(f"after {who}'s {change}: {text}")
    assert not told, "\n".join(told)


async def test_someone_back_from_away_counts_as_available_again(tmp_path: Path) -> None:
    """Dev, Terraform's only expert, went away for 2 weeks and never typed `/skills back`:
    routing and his Home tab take him as back on the day he said, but the insights read his
    stored "away" as for good, so weeks later Terraform was no risk ("only Dev Patel" gone),
    as if he were still away."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        slack.services.clock.freeze(datetime(2026, 11, 18, 10, tzinfo=UTC))
        await stage(slack)
        await slack.command("dev", "/skills", "away for 2 weeks")
        await slack.settle()
        away = await seen(slack, "olga")
        slack.services.clock.freeze(datetime(2026, 12, 9, 10, tzinfo=UTC))
        back = await seen(slack, "olga")
    assert "only Dev Patel" not in away, away
    assert "Terraform: not asked in the window, only Dev Patel" in back, back


async def test_a_guest_is_no_one_who_knows_a_topic(tmp_path: Path) -> None:
    """Bob declares Terraform at 5 beside Dev: no risk. Slack makes Bob a guest of the
    workspace, whom askaround never asks about colleagues' questions: Dev is Terraform's only
    expert one can ask, as routing has it; the insights still counted Bob, and said nothing."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        await slack.command("bob", "/skills", "add terraform:5")
        await slack.settle()
        member = await seen(slack, "olga")
        await slack.emu.change_user(slack.user("bob"), is_restricted=True)
        await slack.settle()
        guest = await seen(slack, "olga")
    assert "Terraform" not in member, member
    assert "Terraform: not asked in the window, only Dev Patel" in guest, guest
