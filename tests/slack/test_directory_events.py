"""People and channels askaround already knows are not looked up in Slack for every kudos
(issue 14): Slack's own events (`user_change`, `team_join`, `channel_*`, `group_*`,
`member_*_channel`) keep what it stores and keeps current, and privacy stays right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.conversations import PUBLIC_FOR
from storage import people
from storage.models import Person
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, give, ledger
from tests.slack.test_real_payloads import body_of, send

REASON = "for untangling the release train"


def calls(slack: SlackHarness, method: str) -> int:
    return len(slack.emu.calls_to(method))


async def stored(slack: SlackHarness, handle: str) -> Person:
    async with slack.services.sessions() as s:
        person = await people.get_person(s, slack.team_id, slack.user(handle))
    assert person is not None
    return person


async def test_a_kudos_between_known_people_asks_slack_nothing_about_them(
    slack: SlackHarness,
) -> None:
    """The first kudos looks giver and recipient up once; the next ones between people
    askaround knows make no `users.info` and no `conversations.info` call."""
    await give(slack, "alice", f"@bob {REASON}")
    assert calls(slack, "users.info") == 2 and calls(slack, "conversations.info") == 1
    await give(slack, "bob", f"@alice {REASON} again")
    await give(slack, "alice", f"@bob {REASON} once more")
    assert calls(slack, "users.info") == 2 and calls(slack, "conversations.info") == 1
    assert len(await ledger(slack)) == 3


async def test_a_profile_stored_a_day_ago_is_looked_up_again(slack: SlackHarness) -> None:
    """A stored profile older than a day (an event may have been missed) is asked for again,
    once; a row written by `/skills` alone (no Slack profile in it) counts as unknown."""
    async with slack.services.sessions() as s, s.begin():
        await people.upsert_profile(s, slack.team_id, slack.user("alice"), name="alice")
        await s.execute(
            update(Person)
            .where(Person.user_id == slack.user("alice"))
            .values(updated_at=datetime.now(UTC) - timedelta(days=2))
        )
        s.add(Person(team_id=slack.team_id, user_id=slack.user("bob")))
    # Nothing about them is kept in this process's memory yet, so the store decides.
    await give(slack, "alice", f"@bob {REASON}")
    assert calls(slack, "users.info") == 2
    assert (await stored(slack, "bob")).real_name == "Bob Chen"
    slack.advance(timedelta(minutes=5))  # past what the process keeps in memory
    await give(slack, "bob", f"@alice {REASON} again")
    assert calls(slack, "users.info") == 2


async def test_a_user_change_is_seen_by_the_next_kudos(slack: SlackHarness) -> None:
    """`user_change` stores the new name and time zone at once, with no look-up; deactivated
    that way, the person is refused as before, again with no look-up."""
    await give(slack, "alice", f"@bob {REASON}")
    looked_up = calls(slack, "users.info")
    delivery = await slack.emu.change_user(
        slack.user("bob"), real_name="Robert Chen", tz="Asia/Tokyo"
    )
    await slack.settle()
    assert delivery is not None and delivery.ok
    bob = await stored(slack, "bob")
    assert (bob.real_name, bob.tz) == ("Robert Chen", "Asia/Tokyo")
    await slack.emu.change_user(slack.user("bob"), deleted=True)
    await slack.settle()
    await give(slack, "alice", f"@bob {REASON} again")
    assert "Robert Chen is no longer in this workspace" in ephemeral_text(slack, "alice")
    assert calls(slack, "users.info") == looked_up
    assert len(await ledger(slack)) == 1


async def test_a_user_change_that_alters_nothing_kept_writes_nothing(slack: SlackHarness) -> None:
    """Slack sends `user_change` for a new title or status too: nothing askaround keeps
    changed, so the stored row is not written again."""
    await give(slack, "alice", f"@bob {REASON}")
    before = (await stored(slack, "bob")).updated_at
    delivery = await slack.emu.change_user(slack.user("bob"), title="Staff engineer")
    await slack.settle()
    assert delivery is not None and delivery.ok
    assert (await stored(slack, "bob")).updated_at == before
    await slack.emu.change_user(slack.user("bob"), tz="America/Chicago")
    await slack.settle()
    after = await stored(slack, "bob")
    assert after.tz == "America/Chicago" and after.updated_at > before


async def test_a_profile_change_delivered_late_does_not_undo_a_newer_one(
    slack: SlackHarness,
) -> None:
    """Slack could not deliver Bob's move to Tokyo; by the time it retries, Bob has moved to
    Chicago and left. The late `user_change` (Slack's `updated` before the stored one's) is
    acknowledged and changes nothing: Bob is not brought back."""
    await give(slack, "alice", f"@bob {REASON}")
    dispatch = slack.emu.app_in_process
    slack.emu.app_in_process, slack.emu.request_url = None, "http://127.0.0.1:9/slack/events"
    late = await slack.emu.change_user(slack.user("bob"), tz="Asia/Tokyo")
    assert late is not None and not late.ok
    slack.emu.app_in_process = dispatch
    slack_time = slack.emu.workspace.clock  # Slack's own clock: a minute later there
    slack.emu.workspace.clock = lambda: slack_time() + 60
    await slack.emu.change_user(slack.user("bob"), tz="America/Chicago", deleted=True)
    await slack.settle()
    [retried] = await slack.emu.redeliver(late)
    await slack.settle()
    assert retried.ok
    bob = await stored(slack, "bob")
    # Slack describes a deactivated member without a time zone: only Tokyo must not be back.
    assert bob.deactivated and bob.tz != "Asia/Tokyo"
    slack.advance(timedelta(minutes=5))  # past what the process keeps in memory
    await give(slack, "alice", f"@bob {REASON} again")
    assert "is no longer in this workspace" in ephemeral_text(slack, "alice")


async def test_someone_who_joins_is_known_from_team_join(slack: SlackHarness) -> None:
    """`team_join` stores the newcomer: kudos to them need no look-up."""
    await give(slack, "alice", f"@bob {REASON}")
    newcomer, delivery = await slack.emu.join_team("nina", real_name="Nina Park", tz="Asia/Seoul")
    await slack.settle()
    assert delivery is not None and delivery.ok
    looked_up = calls(slack, "users.info")
    await give(slack, "alice", f"<@{newcomer.id}> {REASON} on her first day")
    assert calls(slack, "users.info") == looked_up
    assert [k.receiver_user_id for k in await ledger(slack)][-1] == newcomer.id


async def test_a_deactivated_person_is_refused_when_first_looked_up(slack: SlackHarness) -> None:
    """Someone askaround never saw, deactivated in Slack: looked up, and refused."""
    await give(slack, "alice", f"@dave {REASON}")
    assert "Dave Gone is no longer in this workspace" in ephemeral_text(slack, "alice")
    assert (await stored(slack, "dave")).deactivated
    assert await ledger(slack) == []


async def test_a_channel_made_private_is_private_once_its_public_fact_expires(
    slack: SlackHarness,
) -> None:
    """Slack tells an app not subscribed to private channels' messages nothing when a channel
    is made private, so a public channel is trusted only `PUBLIC_FOR`: past it, a kudos there
    is private (its shout-out stays in the channel)."""
    ws = slack.emu.workspace
    launch = ws.add_channel("launch", members=[slack.user(h) for h in ("alice", "bob")]).id
    slack.channels["launch"] = launch
    await give(slack, "alice", f"@bob {REASON}", channel="launch")
    await slack.make_private_unheard(launch, by=slack.user("alice"))
    slack.advance(PUBLIC_FOR + timedelta(seconds=1))
    await give(slack, "bob", f"@alice {REASON} in private", channel="launch")
    first, second = await ledger(slack)
    assert not first.is_private and second.is_private
    assert calls(slack, "conversations.info") == 2


async def test_channel_events_make_the_next_kudos_ask_slack_again(slack: SlackHarness) -> None:
    """Renamed, archived and unarchived, the bot removed and invited back: each event forgets
    what was kept about the channel, so the next kudos there asks `conversations.info`."""
    ws = slack.emu.workspace
    launch = ws.add_channel("launch", members=[slack.user(h) for h in ("alice", "bob")]).id
    slack.channels["launch"] = launch
    await give(slack, "alice", f"@bob {REASON}", channel="launch")
    await give(slack, "bob", f"@alice {REASON} back", channel="launch")
    assert calls(slack, "conversations.info") == 1
    alice = slack.user("alice")
    changes = [
        slack.emu.rename_channel(launch, "launch-2027"),
        slack.emu.archive_channel(launch, by=alice),
        slack.emu.unarchive_channel(launch, by=alice),
        slack.emu.remove(launch, slack.emu.bot_user_id),
        slack.emu.invite(launch, slack.emu.bot_user_id, by=alice),
    ]
    asked = 1
    for n, change in enumerate(changes):
        delivery = await change
        await slack.settle()
        if delivery is None:  # the bot is out of the channel: Slack says nothing of it
            continue
        assert delivery.ok
        giver, recipient = ("carol", "alice") if n % 2 else ("carol", "bob")
        await give(slack, giver, f"@{recipient} {REASON} after change {n}", channel="launch")
        asked += 1
        assert calls(slack, "conversations.info") == asked
    assert len(await ledger(slack)) == 2 + asked - 1


async def test_a_private_channel_renamed_sends_group_rename(slack: SlackHarness) -> None:
    """A private channel's events are the `group_*` ones, and reach the bot that is in it."""
    delivery = await slack.emu.rename_channel(slack.channel("secret"), "secret-2")
    await slack.settle()
    assert delivery is not None and delivery.ok
    assert delivery.payload["event"]["type"] == "group_rename"
    assert delivery.payload["event"]["channel"]["name"] == "secret-2"


async def test_a_channel_made_public_is_public_for_the_next_kudos(slack: SlackHarness) -> None:
    """A private channel made public: Slack says so in a `channel_convert_to_public` message
    in it (its own shape, `real_payloads.json`). What was kept of the channel is forgotten,
    so a kudos there now is public; before, it stayed private for `PRIVATE_FOR`."""
    secret = slack.channel("secret")
    await give(slack, "alice", f"@bob {REASON}", channel="secret")
    slack.emu.workspace.channel(secret).kind = "public"
    assert await send(slack, *body_of(slack, "channel_convert_to_public")) == (200, "")
    await give(slack, "bob", f"@alice {REASON} in the open", channel="secret")
    first, second = await ledger(slack)
    assert first.is_private and not second.is_private
