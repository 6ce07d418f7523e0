"""Every kudos rule end to end, with the ephemeral message each refusal shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from storage import people, workspaces
from storage.models import Person
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_no_pings import assert_pings_only
from tests.slack.kudos.world import configure, ephemeral_text, give, kudos_posts, ledger

REASON = "for untangling the release"


async def test_no_kudos_to_yourself_bots_or_deactivated_people(slack: SlackHarness) -> None:
    """Each kind of recipient that cannot receive kudos gets its own clear refusal."""
    await give(slack, "alice", f"@alice {REASON}")
    await give(slack, "alice", f"@helperbot {REASON}")
    await give(slack, "alice", f"@dave {REASON}")
    said = ephemeral_text(slack, "alice")
    assert "can't give kudos to yourself" in said
    assert "Helper Bot is a bot" in said
    assert "Dave Gone is no longer in this workspace" in said
    assert await ledger(slack) == []
    assert kudos_posts(slack, "general") == []


async def test_no_kudos_to_slackbot(slack: SlackHarness) -> None:
    """Slack describes Slackbot with `is_bot: false` (users.info, users.list): it is refused
    as a bot all the same, not counted on the leaderboard nor sent a DM."""
    await give(slack, "alice", f"<@USLACKBOT|slackbot> {REASON}")
    assert "Slackbot is a bot" in ephemeral_text(slack, "alice")
    assert await ledger(slack) == []
    assert kudos_posts(slack, "general") == []


async def test_groups_channels_and_broadcasts_are_refused_with_a_hint(slack: SlackHarness) -> None:
    """`@devs`, `#general` and `@here` are not people: the hint says to mention each person."""
    for text in (
        f"<!subteam^S0123|@devs> {REASON}",
        f"<#{slack.channel('general')}|general> {REASON}",
        f"<!here> {REASON}",
        f"<@{slack.user('bob')}|bob> and <!subteam^S0123|@devs> {REASON}",
    ):
        await slack.emu.slash_command(
            slack.user("alice"), "/kudos", text, channel_id=slack.channel("general")
        )
    await slack.settle()
    said = ephemeral_text(slack, "alice")
    assert said.count("mention each person") == 4
    assert "the group @devs" in said and "@here" in said
    assert await ledger(slack) == []


async def test_a_user_group_in_the_reason_is_kept_and_pings_nobody(slack: SlackHarness) -> None:
    """`/kudos @bob for covering @sre all weekend`: Bob is the one thanked, `@sre` is part of
    what he did. It was refused ("mention each person … rather than the group @sre"), as the
    whole text was searched for groups, where the Give kudos form took the same words. The
    reason keeps the group as typed; the shout-out reads "@sre" as a word and pings only the
    giver and Bob. A group where a recipient stands is still refused with the hint, and an
    @here in a reason still can't ping: it is refused, as before, and nothing is posted."""
    alice, bob = slack.user("alice"), slack.user("bob")
    await give(slack, "alice", f"<@{bob}|bob> for covering <!subteam^S0SRE|@sre> all weekend")
    assert "mention each person" not in ephemeral_text(slack, "alice")
    [kudos] = await ledger(slack)
    assert (kudos.receiver_user_id, kudos.message) == (
        bob,
        "covering <!subteam^S0SRE|@sre> all weekend",
    )
    [shoutout] = kudos_posts(slack, "general")
    assert (
        shoutout.text
        == f":tada: <@{alice}> gave kudos to <@{bob}>: covering @\u2060sre all weekend"
    )
    assert_pings_only(shoutout, alice, bob)
    await give(slack, "maria", f"thanks <!subteam^S0SRE|@sre> {REASON}")
    assert "rather than the group @sre" in ephemeral_text(slack, "maria")
    await give(slack, "carol", f"<@{bob}|bob> for answering <!here> within minutes, always")
    assert "can't ping @here" in ephemeral_text(slack, "carol")
    assert len(await ledger(slack)) == 1 and len(kudos_posts(slack, "general")) == 1


async def test_a_reason_is_required_with_a_configurable_minimum(slack: SlackHarness) -> None:
    """No reason, or one shorter than the workspace's minimum, is refused."""
    await give(slack, "alice", "@bob")  # a lone mention is "what was @bob thanked for"
    await give(slack, "alice", "@bob thanks!")
    assert "at least 10 characters" in ephemeral_text(slack, "alice")
    await configure(slack, min_reason_length=30)
    await give(slack, "alice", f"@bob {REASON}")
    assert "at least 30 characters" in ephemeral_text(slack, "alice")
    assert await ledger(slack) == []


async def test_long_reasons_are_stored_in_full_and_shortened_for_display(
    slack: SlackHarness,
) -> None:
    """1,900 characters are kept whole in the ledger; the shout-out shows a shortened quote;
    2,000 are kept too; over 2,000 is refused, and the refusal says 2,000 is the most."""
    long_reason = "carefully " * 190
    await give(slack, "alice", f"@bob for {long_reason}")
    [entry] = await ledger(slack)
    assert entry.message == long_reason.strip()
    [shoutout] = kudos_posts(slack, "general")
    assert "…" in str(shoutout.blocks) and len(str(shoutout.blocks)) < len(long_reason)
    await give(slack, "alice", f"@carol for {'x' * 2001}")
    assert "That reason is 2,001 characters; keep it to 2,000 at most." in ephemeral_text(
        slack, "alice"
    )
    await give(slack, "alice", f"@carol for {'x' * 2000}")
    assert len(await ledger(slack)) == 2


async def test_daily_allowance_counts_recipients(slack: SlackHarness) -> None:
    """5 recipients a day by default; a give that would go past it is refused whole."""
    await give(slack, "alice", f"@bob @carol @maria {REASON}")
    await give(slack, "alice", f"@bob @carol {REASON} again")
    assert "0 of 5 left today" in ephemeral_text(slack, "alice")
    await give(slack, "alice", f"@maria {REASON} once more")
    assert "You've given all 5 of today's kudos" in ephemeral_text(slack, "alice")
    assert len(await ledger(slack)) == 5
    await configure(slack, daily_allowance=6)
    await give(slack, "alice", f"@bob @carol {REASON} and more")
    [refused] = [
        line
        for line in ephemeral_text(slack, "alice").splitlines()
        if line.startswith("You have 1 of 6 kudos left today, and this would give 2")
    ]
    # when the rest can be given, in her zone, as the refusal with none left says it (it said
    # "tomorrow")
    assert refused.endswith("or the rest once it renews at midnight (Europe/Paris)."), refused
    assert len(await ledger(slack)) == 5


async def test_allowance_day_is_the_givers_own(slack: SlackHarness) -> None:
    """Carol is in New York: at 23:30 her time (already the next day in UTC) her day is
    still full; an hour later, after her midnight, it renews."""
    slack.services.clock.freeze(datetime(2026, 3, 10, 3, 30, tzinfo=UTC))  # 23:30 in New York
    await give(slack, "carol", f"@alice @bob @maria {REASON}")
    await give(slack, "carol", f"@alice @bob {REASON} again")
    await give(slack, "carol", f"@maria {REASON} once more")
    assert "You've given all 5" in ephemeral_text(slack, "carol")
    slack.services.clock.advance(timedelta(hours=1))  # 00:30 on the 10th in New York
    await give(slack, "carol", f"@maria {REASON} on a new day")
    assert "4 of 5 left today" in ephemeral_text(slack, "carol")
    assert len(await ledger(slack)) == 6


async def test_allowance_per_role(slack: SlackHarness) -> None:
    """A role's allowance (here managers: 7) replaces the workspace's for people with it."""
    async with slack.services.sessions() as s, s.begin():
        await workspaces.configure(s, slack.team_id, role_allowances={"manager": 7})
        await people.upsert_profile(s, slack.team_id, slack.user("maria"), name="maria")
        await s.execute(
            update(Person).where(Person.user_id == slack.user("maria")).values(roles=["manager"])
        )
    await give(slack, "maria", f"@alice @bob @carol {REASON}")
    await give(slack, "maria", f"@alice @bob @carol {REASON} again")
    assert "1 of 7 left today" in ephemeral_text(slack, "maria")


async def test_unknown_values_are_refused_with_the_closest_suggested(slack: SlackHarness) -> None:
    """`#teamwrok` suggests `#teamwork`; the workspace's own list decides what is known."""
    await give(slack, "alice", f"@bob {REASON} #teamwrok")
    said = ephemeral_text(slack, "alice")
    assert "#teamwrok is not one of our values" in said and "Did you mean #teamwork" in said
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, ["speed", "kindness"])
    await give(slack, "alice", f"@bob {REASON} #teamwork")
    assert "Values: #kindness #speed" in ephemeral_text(slack, "alice")
    await give(slack, "alice", f"@bob {REASON} #Speed")
    [entry] = await ledger(slack)
    assert entry.values == ["speed"]


async def test_a_hashtag_slack_linked_to_a_channel_still_counts_as_a_value(
    slack: SlackHarness,
) -> None:
    """If a channel is called #craft, Slack sends `<#C…|craft>`: it is the value, not a channel."""
    craft = slack.emu.workspace.add_channel("craft").id
    await slack.emu.slash_command(
        slack.user("alice"),
        "/kudos",
        f"<@{slack.user('bob')}|bob> {REASON} <#{craft}|craft>",
        channel_id=slack.channel("general"),
    )
    await slack.settle()
    [entry] = await ledger(slack)
    assert entry.values == ["craft"]


async def test_values_can_be_required(slack: SlackHarness) -> None:
    """With values required, kudos without one are refused, listing the values."""
    await configure(slack, values_required=True)
    await give(slack, "alice", f"@bob {REASON}")
    assert "Add at least one company value: #courage #craft" in ephemeral_text(slack, "alice")
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    assert "asks for a company value" in ephemeral_text(slack, "bob")
    assert await ledger(slack) == []


async def test_private_kudos_stay_where_they_were_given(slack: SlackHarness) -> None:
    """Given in a private channel: the shout-out stays there (not in the kudos channel), and
    public views leave it out, while the leaderboard counts it."""
    await configure(slack, kudos_channel_id=slack.channel("general"))
    await give(slack, "alice", f"@bob {REASON} in secret", channel="secret")
    [entry] = await ledger(slack)
    assert entry.is_private
    assert len(kudos_posts(slack, "secret")) == 1
    assert kudos_posts(slack, "general") == []
    await give(slack, "carol", "@bob")
    assert "hasn't received public kudos yet" in ephemeral_text(slack, "carol")
    await give(slack, "carol", "top")
    assert "Bob Chen · 1" in ephemeral_text(slack, "carol")


async def test_public_kudos_go_to_the_kudos_channel_with_a_link_back(slack: SlackHarness) -> None:
    """With a kudos channel set, a shout-out for kudos given in #random-ish channels goes there
    and links back to where they were given."""
    kudos_channel = slack.emu.workspace.add_channel("kudos").id
    await configure(slack, kudos_channel_id=kudos_channel)
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    posted = [m for m in slack.emu.messages(kudos_channel) if m.by_bot]
    assert len(posted) == 1 and "/archives/" in str(posted[0].blocks)
    assert kudos_posts(slack, "general") == []


async def test_reaction_refusals_are_told_to_the_reactor(slack: SlackHarness) -> None:
    """Reacting to one's own message, to a bot's message or to a too-short message explains
    why nothing happened, to the reactor only."""
    own = await slack.post("bob", "general", "I wrote the runbook for the failover drill")
    short = await slack.post("carol", "general", "ok")
    await slack.emu.add_reaction(slack.user("bob"), own.channel, own.ts, "kudos")
    await slack.emu.add_reaction(slack.user("bob"), short.channel, short.ts, "kudos")
    # One of the bot's own messages that is not a shout-out (an earlier announcement).
    announcement = slack.emu.workspace.chat.post(
        slack.channel("general"), slack.emu.bot_user_id, "The deploy freeze starts at 18:00"
    )
    await slack.emu.add_reaction(slack.user("bob"), announcement.channel, announcement.ts, "kudos")
    await slack.settle()
    said = ephemeral_text(slack, "bob")
    assert "can't give kudos to yourself" in said
    assert "too short to say what they did" in said
    assert "not a shout-out" in said
    assert await ledger(slack) == []


async def test_modal_refusals_show_next_to_the_input(slack: SlackHarness) -> None:
    """In the modal, a refusal is shown on the input it is about and the modal stays open."""
    message = await slack.post("bob", "general", "Fixed the flaky deploy job")
    await slack.emu.message_shortcut(slack.user("alice"), "give_kudos", message)
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None
    await slack.emu.submit_view(
        slack.user("alice"),
        modal.id,
        {"recipients": {"users": [slack.user("alice")]}, "reason": {"text": REASON}},
    )
    assert "yourself" in modal.errors["recipients"]
    await slack.emu.submit_view(
        slack.user("alice"),
        modal.id,
        {"recipients": {"users": [slack.user("bob")]}, "reason": {"text": "thanks"}},
    )
    assert "at least 10 characters" in modal.errors["reason"]
    assert slack.emu.open_modal(slack.user("alice")) is modal
    assert await ledger(slack) == []


async def test_a_channel_the_bot_is_not_in_still_gets_its_shout_out(slack: SlackHarness) -> None:
    """In #random (no bot), chat:write.public lets the bot post the shout-out there."""
    await give(slack, "alice", f"@bob {REASON}", channel="random")
    [entry] = await ledger(slack)
    posted = slack.emu.messages(slack.channel("random"))
    assert len(posted) == 1 and "gave kudos" in posted[0].text
    assert not entry.is_private and entry.shoutout_ts == posted[0].ts
    assert "4 of 5 left today" in ephemeral_text(slack, "alice")
