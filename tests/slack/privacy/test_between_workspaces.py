"""Red-team pass (8 December) on the boundaries between workspaces and organisations.

`sides`: Alpha and Bravo, two organisations that both installed askaround, and #partners,
one Slack Connect channel between them. Unlike `tests/slack/test_shared_installed_twice.py`,
whose two workspaces are seeded alike (the same user ids and bot user id, as one Enterprise
Grid organisation's would be), each organisation here has ids of its own, as Slack gives
them: the other side's people are another organisation's, not colleagues with a borrowed id.

`grid`: North and South, two workspaces of one Enterprise Grid organisation, each with
askaround installed; Maria is in both (one user id), and manages Alice in North."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.digests.service import NO_LONGER_HERE
from bot.errors import NO_LONGER_MEMBER
from slack_emulator import payloads, shapes
from storage import people as people_q
from storage.models import Kudos, Person, Question
from tests.e2e.harness import PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import configure
from tests.slack.test_shared_installed_twice import (
    ledgers,
    questions,
    send_naming,
    told_anywhere,
)
from tests.slack.test_workspaces import said

pytestmark = pytest.mark.filterwarnings(
    "ignore:BasicAuth is deprecated:DeprecationWarning"  # slack_sdk's oauth.v2.access call
)
GRID_PEOPLE = (
    PersonSpec("alice", "Alice Martin", "UTC"),
    PersonSpec("bob", "Bob Chen", "UTC"),
    PersonSpec("maria", "Maria Lopez", "UTC"),
)
ALPHA_PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("zoe", "Zoe Alpha", "UTC"),
)
ORG = "E0NORTHSOUTH"
THANKS = "@alice for the wombat migration"


@pytest.fixture
async def sides(tmp_path: Path) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    """Alpha (Alice, Bob, Zoe) and Bravo (Bruno, Bea; its own bot user), #partners shared
    between them: Zoe and Alice on Alpha's side, Bruno and Bea on Bravo's, each side's
    Slack describing the other's people as another organisation's."""
    async with bot_in_process(tmp_path, oauth=True, people=ALPHA_PEOPLE) as a:
        team = a.emu.add_team("T0BRAVO", "Bravo Inc", bot_user_id="UB0BOT")
        team.workspace.event_clock = a.emu.workspace.event_clock
        b = SlackHarness(emu=a.emu, runner=a.runner, team=team, pace=a.pace)
        for handle, real_name in (("bruno", "Bruno Silva"), ("bea", "Bea Costa")):
            user = team.workspace.add_user(
                handle, user_id=f"UB{handle.upper()}", real_name=real_name, tz="UTC"
            )
            b.users[handle] = user.id
        b.channels["general"] = team.workspace.general.id
        for name in ("b-two", "b-three"):  # #partners takes the next id, as on Alpha
            team.workspace.add_channel(name, members=[b.user("bea")])
        for side in (a, b):
            assert (await side.install()).status == 200
        ours = {a.team_id: ("zoe", "alice"), b.team_id: ("bruno", "bea")}
        for side in (a, b):
            handles = ours[side.team_id]
            members = [side.user(h) for h in handles]
            side.channels["partners"] = side.here.workspace.add_channel(
                "partners", members=members, ext_shared=True
            ).id
        assert a.channel("partners") == b.channel("partners")
        for mine, theirs in ((a, b), (b, a)):
            ws = mine.here.workspace
            for handle in ours[theirs.team_id]:
                uid = theirs.user(handle)
                ws.add_user(f"ext-{handle}", user_id=uid, real_name=handle.title(), tz="UTC")
                ws.channels[mine.channel("general")].members.remove(uid)
                ws.guests[uid] = theirs.team_id
                ws.join(mine.channel("partners"), uid)
        yield a, b


@pytest.fixture
async def grid(tmp_path: Path) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    async with bot_in_process(tmp_path, oauth=True, people=GRID_PEOPLE) as first:
        north = first.add_team("T0NORTH", "North", GRID_PEOPLE, enterprise_id=ORG)
        south = first.add_team("T0SOUTH", "South", GRID_PEOPLE, enterprise_id=ORG)
        for side in (north, south):
            assert (await side.install()).status == 200
        assert north.user("maria") == south.user("maria")
        async with north.services.sessions() as s, s.begin():
            for spec in GRID_PEOPLE:
                await people_q.upsert_profile(
                    s, north.team_id, north.user(spec.handle), name=spec.handle,
                    real_name=spec.real_name, tz=spec.tz, email=f"{spec.handle}@example.com",
                )  # fmt: skip
            await s.execute(
                update(Person)
                .where(Person.team_id == north.team_id, Person.user_id == north.user("alice"))
                .values(manager_user_id=north.user("maria"))
            )
        yield north, south


@pytest.mark.parametrize("heard", [True, False], ids=["user_change heard", "user_change lost"])
async def test_a_manager_removed_from_a_grid_workspace_reads_none_of_its_reports(
    grid: tuple[SlackHarness, SlackHarness], heard: bool
) -> None:
    """Maria opens her Home tab in North: her team's week, with *Full report*. An admin of
    the organisation removes her from North; she is still in South, where Slack shows her
    the one Home tab it keeps for the app across the organisation, North's, and she presses
    *Full report* there (the tab names North, so the press acts in North). Before, North drew
    her its team's report (Alice's kudos and their words): someone no longer of North read
    what North's managers read. Now nobody is drawn a report of a workspace they are no
    longer in, whether its `user_change` was heard or lost (Slack is asked about the reader)."""
    north, south = grid
    maria = north.user("maria")
    assert "Kudos sent" in await said(north, "bob", "/kudos", THANKS)
    await north.here.open_home(maria)
    await north.settle()
    home = south.here.home_view(maria)
    assert home is not None and "Full report" in str(home.spec), "one Home tab across the org"
    if heard:
        await north.here.remove_user(maria, still_in=(south.team_id,))
        await north.drain()
    else:
        north.here.workspace.removed[maria] = (south.team_id,)
    assert (await south.here.click_button(maria, "Full report")).ok
    await south.settle()
    await north.settle()
    opened = [str(c.args) for c in north.emu.calls if c.method == "views.open"]
    assert not [view for view in opened if "wombat" in view or "Team report" in view], opened
    said_then = NO_LONGER_MEMBER if heard else NO_LONGER_HERE  # learned when pressed
    assert told_anywhere((north, south), maria) == [said_then]


async def test_a_slack_connect_channel_between_two_installs_keeps_each_ones_own(
    sides: tuple[SlackHarness, SlackHarness],
) -> None:
    """Held (8 December). In #partners: Zoe (Alpha) asks about Terraform, which Alice
    declared in Alpha and Bea in Bravo, Slack naming Bravo's installation; Zoe thanks
    Alice, and tries to thank Bea; Bruno (Bravo) thanks Bea, and tries to thank Alice;
    Bravo's kudos channel is #general; Bruno reacts :kudos: to Alpha's shout-out, as it
    invites him to. Each side's question and kudos stay in its own ledger and are private
    (the channel is another organisation's too), nobody of one side is asked about, thanked
    in or told of the other's, no shout-out leaves #partners, and the other side's people
    are refused by name, nothing of them stored."""
    a, b = sides
    for side, handle in ((a, "alice"), (b, "bea")):
        assert (await side.command(handle, "/skills", "add terraform:4")).ok
        await side.drain()
        side.services.indexes.invalidate(side.team_id)
    await configure(b, kudos_channel_id=b.channel("general"))
    ws = a.here.workspace
    text = f"<@{ws.bot_user_id}> how do we unlock a stuck wombat terraform state?"
    asked = ws.chat.post(a.channel("partners"), a.user("zoe"), text, blocks=shapes.rich_text(text))
    await send_naming(a, payloads.app_mention_event(ws, asked), named=b)
    partners = a.channel("partners")
    for side, giver, thanks in (
        (a, "zoe", f"<@{a.user('alice')}> for the koala rollout"),
        (a, "zoe", f"<@{b.user('bea')}> for the dingo thing"),
        (b, "bruno", f"<@{b.user('bea')}> for the emu thing"),
        (b, "bruno", f"<@{a.user('alice')}> for the quokka thing"),
    ):
        await side.here.slash_command(side.user(giver), "/kudos", thanks, channel_id=partners)
    await a.drain()
    await b.drain()
    [shoutout] = [m for m in ws.chat.history(partners) if m.by_bot]
    ws.chat.react(shoutout, b.user("bruno"), "kudos")
    await send_naming(a, payloads.reaction_added_event(ws, b.user("bruno"), "kudos", shoutout), a)
    await b.drain()

    assert await questions(a) == [(a.team_id, a.user("zoe"))]
    async with a.services.sessions() as s:
        private = set(await s.scalars(select(Kudos.is_private)))
    assert private == {True}
    assert sorted(await ledgers(a)) == sorted(
        [(a.team_id, a.user("zoe"), a.user("alice")), (b.team_id, b.user("bruno"), b.user("bea"))]
    )
    for side, other, own, theirs in ((a, b, "koala", ("emu",)), (b, a, "emu", ("koala", "wombat"))):
        lines = [line for h in side.users for line in told_anywhere((side,), side.user(h))]
        shown = " ".join([f"{m.text}{m.blocks}" for m in side.here.messages() if m.by_bot] + lines)
        assert own in shown and not [word for word in theirs if word in shown], shown
        posted = {m.channel for m in side.here.messages() if m.by_bot and "kudos" in m.text}
        assert side.channel("general") not in posted, posted
        async with side.services.sessions() as s:
            stored = set(
                await s.scalars(select(Person.user_id).where(Person.team_id == side.team_id))
            )
        assert not stored & set(other.users.values()), stored
    for giver in ("zoe", "bruno"):
        side = a if giver == "zoe" else b
        lines = told_anywhere((side,), side.user(giver))
        assert [line for line in lines if "guest here from another organisation" in line], lines
    assert "can't find" in " ".join(told_anywhere((b,), b.user("bruno")))


async def test_a_manager_removed_from_a_grid_workspace_is_sent_none_of_its_digests(
    grid: tuple[SlackHarness, SlackHarness],
) -> None:
    """Maria, Alice's manager in North, is removed from North by her organisation's admin
    and stays in South; Slack's `user_change` is lost. Her weekly digest of North is due on
    Monday: its sending asks Slack about her (`reader_heard`), learns she left, and sends
    her nothing of North's week (before, Alice's kudos and their words, in the DM of an
    organisation whose direct messages she still reads)."""
    north, south = grid
    maria = north.user("maria")
    north.services.clock.freeze(datetime(2026, 12, 9, 10, tzinfo=UTC))  # a Wednesday
    assert "Kudos sent" in await said(north, "bob", "/kudos", THANKS)
    north.here.workspace.removed[maria] = (south.team_id,)
    north.services.clock.freeze(datetime(2026, 12, 14, 9, 1, tzinfo=UTC))  # its Monday
    await north.runner.bot.scheduler.run_once("digests")
    await north.drain()
    to_maria = [f"{m.text}{m.blocks}" for m in north.here.dm_messages(maria) if m.by_bot]
    assert not [text for text in to_maria if "wombat" in text or "2026-W50" in text], to_maria


async def test_someone_removed_from_a_grid_workspace_is_shown_and_given_none_of_it(
    grid: tuple[SlackHarness, SlackHarness],
) -> None:
    """Maria, removed from North (its `user_change` heard), still reaches North's
    installation from the organisation: its direct message with the app, its one Home tab.
    Before, being stored as North's person once was enough: her question went to Alice,
    `/skills who` listed North's people, `/kudos top` ranked them and her kudos counted in
    North's ledger. Now someone who left is refused in one line, shown and given nothing."""
    north, south = grid
    maria = north.user("maria")
    assert (await north.command("alice", "/skills", "add terraform:4")).ok
    await north.drain()
    north.services.indexes.invalidate(north.team_id)
    await north.here.remove_user(maria, still_in=(south.team_id,))
    await north.drain()
    published = len([c for c in north.emu.calls if c.method == "views.publish"])
    await north.dm_bot("maria", "how do we unlock a stuck terraform state?")
    for command, text in (
        ("/skills", "who terraform"),
        ("/kudos", "top"),
        ("/kudos", "@bob for the wombat migration"),
    ):
        assert (await north.command("maria", command, text)).ok
    await north.here.open_home(maria)
    await north.drain()
    assert told_anywhere((north,), maria) == [NO_LONGER_MEMBER] * 4
    assert len([c for c in north.emu.calls if c.method == "views.publish"]) == published
    async with north.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Question)) == 0
        assert await s.scalar(select(func.count()).select_from(Kudos)) == 0
    assert north.here.dm_messages(north.user("alice")) == []


async def test_a_manager_in_two_grid_workspaces_reads_each_ones_report_there_alone(
    grid: tuple[SlackHarness, SlackHarness],
) -> None:
    """Held (8 December). Maria, in North and South (one user id), manages Alice in North's
    org chart alone. In South her report, `/kudos @alice`, `/kudos top` and her Home tab
    show nothing of North's week; in North her report has it."""
    north, south = grid
    maria = south.user("maria")
    assert "Kudos sent" in await said(north, "bob", "/kudos", THANKS)
    assert "wombat migration" in await said(north, "maria", "/kudos", "report this week")
    assert "Alice Martin · 1" in await said(north, "maria", "/kudos", "top")
    shown = [
        await said(south, "maria", "/kudos", text)
        for text in ("report this week", "@alice", "top", f"report this week <@{maria}>")
    ]
    await south.here.open_home(maria)
    await south.settle()
    home = south.here.home_view(maria)
    assert home is not None and "Full report" not in str(home.spec)
    shown.append(str(home.spec))
    assert not [text for text in shown if "wombat" in text or "Alice Martin · 1" in text], shown
    assert "nobody reports to you" in shown[0], shown[0]
