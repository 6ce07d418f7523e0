"""The App Home tab goes through the outbox: published after a rate limit once Slack's
Retry-After has passed, and rebuilt from the database after each change it shows."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.help import help_lines
from storage.models import OutboxItem
from storage.people import count_people
from tests.slack.harness import SlackHarness


async def home_rows(slack: SlackHarness) -> list[OutboxItem]:
    async with slack.services.sessions() as s:
        query = select(OutboxItem).where(OutboxItem.method == "home.publish")
        return list(await s.scalars(query.order_by(OutboxItem.id)))


async def test_a_home_tab_rate_limited_by_slack_is_published_after_retry_after(
    slack: SlackHarness,
) -> None:
    """views.publish answers 429 with Retry-After: 1. The outbox waits that long and
    publishes again: Maria sees her Home tab, and the delivery is sent on its 2nd attempt."""
    slack.services.clock.freeze(datetime.now(UTC))  # time moves only as the harness moves it
    slack.emu.faults.add("views.publish", status=429, retry_after=1, times=1)
    maria = slack.user("maria")
    await slack.emu.open_home(maria)
    await slack.drain()
    calls = slack.emu.calls_to("views.publish")
    assert [(c.status, c.ok) for c in calls] == [(429, False), (200, True)]
    assert calls[1].at - calls[0].at > 0.9  # Retry-After counts from the attempt's start
    home = slack.emu.home_view(maria)
    assert home is not None and "Your expertise profile" in str(home.blocks)
    [row] = await home_rows(slack)
    assert (row.status, row.attempts, row.payload) == ("sent", 2, {"user_id": maria})


async def test_each_change_after_a_publish_publishes_again(slack: SlackHarness) -> None:
    """Opening Home, then saving the profile from it: two deliveries, both sent, each with
    the state of its moment (the second shows the saved skill)."""
    bob = slack.user("bob")
    await slack.emu.open_home(bob)
    await slack.drain()
    await slack.emu.click(bob, "skills_edit_profile", view=slack.emu.home_view(bob))
    await slack.emu.wait_for(lambda c: c.method == "views.open")
    modal = slack.emu.open_modal(bob)
    assert modal is not None
    options = await slack.emu.suggest(bob, "skills_level_3", "terraform", modal.id)
    await slack.emu.submit_view(bob, modal.id, {"level_3": {"skills_level_3": [options[0]]}})
    await slack.drain()
    rows = await home_rows(slack)
    assert [r.status for r in rows] == ["sent", "sent"]
    assert rows[0].dedupe_key != rows[1].dedupe_key
    assert "Terraform" in str(slack.emu.home_view(bob).blocks)  # type: ignore[union-attr]


async def test_the_home_tab_points_at_help_rather_than_listing_every_command(
    slack: SlackHarness,
) -> None:
    """Every Home tab ended with the whole command list (about 28 lines), repeating
    `/askaround help` under the person's own things. Its welcome, first, has a short line
    pointing at `/askaround help` instead, which still lists them all."""
    maria = slack.user("maria")
    await slack.emu.open_home(maria)
    await slack.drain()
    home = slack.emu.home_view(maria)
    assert home is not None
    shown = str(home.blocks)
    assert not [line for line in help_lines() if line in shown]
    pointer = home.blocks[1]  # under the welcome, which opens the tab
    assert pointer["type"] == "context" and "`/askaround help`" in str(pointer)
    await slack.command("maria", "/askaround", "help")
    await slack.settle()
    answer = slack.emu.ephemerals(maria)[-1].text
    assert all(line in answer for line in help_lines())


async def test_the_colleagues_askaround_knows_leave_out_the_reader(slack: SlackHarness) -> None:
    """ "askaround knows N colleagues here" counted the reader among their own colleagues: in a
    company of 30 each of the 30 read 30. It counts everyone else askaround knows."""
    maria = slack.user("maria")
    await slack.command("maria", "/kudos", "@bob @carol for the careful review of the launch plan")
    await slack.drain()  # the kudos stored its three people before the Home tab counts them
    await slack.emu.open_home(maria)
    await slack.drain()
    async with slack.services.sessions() as s:
        everyone = await count_people(s, slack.team_id)
    assert everyone == 3
    home = slack.emu.home_view(maria)
    assert home is not None
    assert f"askaround knows {everyone - 1} colleagues here." in str(home.blocks[1])


REFUSED_BLOCKS = {"response_metadata": {"messages": ["[ERROR] must be less than 151 characters"]}}


async def test_a_home_tab_slack_refuses_is_replaced_by_one_saying_where_things_are(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack refuses Maria's Home tab (`invalid_blocks`): built again from the same data it
    would be refused again, and the tab she opened stayed empty (or as Slack last kept it,
    out of date) with nothing said. A short tab says it couldn't be shown and where her
    things are; one WARNING line says why, for whoever runs askaround; the delivery is
    done. Her next opening, Slack taking it, shows her whole tab."""
    slack.emu.faults.add("views.publish", error="invalid_blocks", extra=REFUSED_BLOCKS)
    maria = slack.user("maria")
    await slack.emu.open_home(maria)
    await slack.drain()
    home = slack.emu.home_view(maria)
    assert home is not None, "nothing published: the tab stays empty"
    shown = str(home.blocks)
    assert "couldn't be shown" in shown and "`/skills`" in shown and "`/ask mine`" in shown
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warned) == 1 and "less than 151 characters" in warned[0], warned
    assert [r.status for r in await home_rows(slack)] == ["sent"]
    await slack.emu.open_home(maria)
    await slack.drain()
    assert "Your expertise profile" in str(slack.emu.home_view(maria).blocks)  # type: ignore[union-attr]


async def test_a_home_tab_refused_twice_fails_as_any_delivery(slack: SlackHarness) -> None:
    """Slack refuses the short tab too: the delivery fails, kept for `askaround outbox
    retry`, as before."""
    slack.emu.faults.add("views.publish", error="invalid_blocks", times=2)
    maria = slack.user("maria")
    await slack.emu.open_home(maria)
    await slack.drain()
    assert slack.emu.home_view(maria) is None
    assert [r.status for r in await home_rows(slack)] == ["failed"]


async def test_away_or_opted_out_the_home_tab_says_how_to_take_questions_again(
    slack: SlackHarness,
) -> None:
    """Bob goes away, then opts out: his Home tab's status says `/skills back` takes
    questions again, where it said only "away, back …" or "not taking questions" and nothing
    on the tab could change it; once back, it says nothing of it."""
    bob = slack.user("bob")
    for command, status in (
        ("away for 2 weeks", "away, back"),
        ("optout", "not taking questions"),
        ("back", "available"),
    ):
        await slack.command("bob", "/skills", command)
        await slack.settle()  # answered before the tab is opened, which reads it
        await slack.emu.open_home(bob)
        await slack.drain()
        home = slack.emu.home_view(bob)
        assert home is not None
        shown = str(home.blocks)
        assert f"Status: {status}" in shown, shown
        assert ("`/skills back`" in shown) == (command != "back"), shown
