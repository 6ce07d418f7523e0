"""Profile, watching, `/skills` and Slack's own events, doubled: the Edit profile modal
saved twice at once, the same command typed twice at once, and directory and uninstall
events sent again with Slack's retry header, also after the app restarted. Each is stored
once and answered truthfully."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from bot import visibility
from bot.runtime.app import build
from bot.runtime.runner import DRAIN_SECONDS, finish_in_flight
from storage.models import InboxItem, Person, WatchedChannel
from tests.slack.harness import InProcess, SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, kudos_posts, ledger
from tests.slack.twice import press, submit_at_once

WENT_WRONG = "Something went wrong"


def said(slack: SlackHarness, handle: str) -> list[str]:
    return [e.text for e in slack.emu.ephemerals(slack.user(handle))]


async def test_edit_profile_saved_twice_keeps_one_of_each(slack: SlackHarness) -> None:
    alice = slack.user("alice")
    await slack.emu.open_home(alice)
    await slack.settle()
    await press(slack, "alice", "Edit profile", 1)
    await slack.settle()
    modal = slack.emu.open_modal(alice)
    assert modal is not None
    kub = (await slack.emu.suggest(alice, "skills_level_4", "kub", modal.id))[-1]
    answers = await submit_at_once(
        slack,
        "alice",
        modal,
        {
            "level_4": {"skills_level_4": [kub]},
            "interests": {"interests": "rust, sre"},
            "network": {"network": "CNCF Slack about helm\nOps guild about terraform"},
        },
    )
    await slack.settle()
    assert all(a.ok and a.response is None for a in answers)
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert [(s.key, s.level) for s in view.skills] == [(kub["value"], 4)]
    assert view.interests == ("rust", "sre")
    assert sorted(str(e.contact_name) for e in view.network or ()) == ["CNCF Slack", "Ops guild"]


async def test_watch_typed_twice_at_once_watches_once(slack: SlackHarness) -> None:
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await asyncio.gather(*(slack.command("maria", "/ask", "watch") for _ in range(2)))
    await slack.settle()
    async with slack.services.sessions() as s:
        watched = list(await s.scalars(select(WatchedChannel.channel_id)))
    assert watched == [slack.channel("general")]
    assert sorted(said(slack, "maria")) == [
        f"I'm already watching <#{slack.channel('general')}> for questions.",
        f"I'm watching <#{slack.channel('general')}> for questions.",
    ]


async def test_skills_typed_twice_at_once_are_saved_once(slack: SlackHarness) -> None:
    alice = slack.user("alice")
    await asyncio.gather(
        *(slack.command("alice", "/skills", "add kubernetes:3, go:2") for _ in range(2))
    )
    await asyncio.gather(
        *(slack.command("alice", "/skills", "network add CNCF Slack about helm") for _ in range(2))
    )
    await slack.settle()
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert sorted((s.key, s.level) for s in view.skills) == [("go", 2), ("kubernetes", 3)]
    assert [e.contact_name for e in view.network or ()] == ["CNCF Slack"]
    assert not [t for t in said(slack, "alice") if WENT_WRONG in t]


async def test_directory_events_sent_again_are_stored_once(slack: SlackHarness) -> None:
    """`team_join` and `user_change`, each sent twice more with Slack's retry header."""
    newcomer, joined = await slack.emu.join_team("nina", real_name="Nina Park", tz="Asia/Seoul")
    # Stored before the change is sent: in flight together, the two may be stored in either
    # order (the profile's `updated` is not compared); what is tested here is resending.
    await slack.settle()
    changed = await slack.emu.change_user(newcomer.id, tz="America/Chicago")
    assert joined is not None and changed is not None
    for delivery in (joined, changed):
        again = await slack.emu.redeliver(delivery, times=2)
        assert [a.status for a in again] == [200, 200]
        assert all(a.attempts[0].retry_num for a in again)
    await slack.settle()
    async with slack.services.sessions() as s:
        people = list(await s.scalars(select(Person).where(Person.user_id == newcomer.id)))
        stored = await s.scalar(
            select(func.count())
            .select_from(InboxItem)
            .where(
                InboxItem.request_key.in_([f"event:{joined.event_id}", f"event:{changed.event_id}"])
            )
        )
    assert [p.tz for p in people] == ["America/Chicago"]
    assert stored == 2


async def test_an_uninstall_sent_again_is_answered_each_time(slack: SlackHarness) -> None:
    deliveries = await slack.here.uninstall()
    for delivery in deliveries:
        again = await slack.emu.redeliver(delivery, times=2)
        assert [a.status for a in again] == [200, 200]
    await slack.settle()
    assert (await slack.services.inbox.open_count()) == 0


async def test_events_sent_again_after_a_restart_change_nothing(slack: SlackHarness) -> None:
    """A `:kudos:` reaction and a greeting mention, answered; the app restarts (a new bot on
    the same database) and Slack's retries of both arrive, three of each at once: the inbox
    remembers them across the restart, so no second kudos, DM or greeting."""
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    reaction = await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    hi, deliveries = await slack.emu.post_message(
        slack.user("alice"), slack.channel("general"), f"<@{slack.emu.bot_user_id}> hi"
    )
    [mention] = [d for d in deliveries if d.payload["event"]["type"] == "app_mention"]
    assert reaction is not None
    await slack.drain()
    before = slack.runner
    await finish_in_flight(DRAIN_SECONDS)
    await before.bot.close()
    after = build(before.settings, pace_clock=slack.pace)
    await after.start()
    try:
        slack.runner = InProcess(before.settings, after)
        slack.emu.app_in_process = slack.runner.dispatch
        again = [*await slack.emu.redeliver(reaction, 3), *await slack.emu.redeliver(mention, 3)]
        assert all(a.ok and a.attempts[0].retry_num for a in again)
        await slack.drain()
    finally:
        await finish_in_flight(DRAIN_SECONDS)
        await after.close()
    assert len(await ledger(slack)) == 1
    assert len(kudos_posts(slack, "general")) == 1
    assert ephemeral_text(slack, "bob").count("Kudos sent") == 1
    assert dm_text(slack, "carol").count("failover drill") == 1
    greetings = slack.emu.messages(slack.channel("general"))
    assert len([m for m in greetings if m.by_bot and m.thread_ts == hi.ts]) == 1
