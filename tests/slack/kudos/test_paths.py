"""Every way of giving kudos follows the same rules (issue 12, item 3): the daily allowance,
the company values, the kudos channel and the seconding emoji, over the slash command, a
reaction, the message shortcut, the global shortcut, the Home tab's button and the button
under a solved question. Alice thanks Dev on each path; each rule is checked on each path."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from slack_emulator import Message, PersonError
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, give, kudos_posts, ledger, submit_modal
from tests.slack.questions.world import declared_world

REASON = "for the terraform state rescue"


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The questions' world (Dev knows terraform), so a question can be solved by Dev."""
    async with declared_world(tmp_path) as harness:
        humans = [harness.user(h) for h in ("alice", "bob", "carol", "maria", "dev")]
        kudos = harness.emu.workspace.add_channel("kudos", members=humans, include_bot=False)
        harness.channels["kudos"] = kudos.id
        yield harness


@dataclass
class Path_:
    """How Alice gets ready to thank Dev on this path, then thanks him (with a value or not;
    `emoji` is what she reacts with, where she reacts)."""

    ready: Callable[[SlackHarness], Awaitable[Message | None]]
    thank: Callable[[SlackHarness, Message | None, str | None, str], Awaitable[None]]


async def _nothing(slack: SlackHarness) -> None:
    return None


async def _dev_says(slack: SlackHarness) -> Message:
    message: Message = await slack.post("dev", "general", f"I fixed it: {REASON}")
    await slack.settle()
    return message


async def solved_by_dev(slack: SlackHarness) -> None:
    """Alice asks, Dev accepts, Alice presses Solved: the thread offers a Give kudos button."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> how do we unlock terraform?")
    await slack.settle()
    offer = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer)
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()


async def _fill_modal(slack: SlackHarness, value: str | None) -> None:
    """Submit the open modal as Alice; Slack itself refuses a required input left empty."""
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None
    asks_channel = any(b.get("block_id") == "channel" for b in modal.blocks)
    prefilled = any("initial_users" in str(b) for b in modal.blocks)
    try:
        await submit_modal(
            slack,
            "alice",
            modal,
            recipients=None if prefilled else ["dev"],
            reason=REASON,
            channel="general" if asks_channel else None,
            values=[value] if value else None,
        )
    except PersonError:
        await slack.emu.close_view(slack.user("alice"), modal.id)
    await slack.settle()


async def by_command(
    slack: SlackHarness, _m: Message | None, value: str | None, _emoji: str
) -> None:
    await give(slack, "alice", f"@dev {REASON}" + (f" #{value}" if value else ""))


async def by_reaction(
    slack: SlackHarness, message: Message | None, _value: str | None, emoji: str
) -> None:
    assert message is not None
    await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, emoji)
    await slack.settle()


async def by_message_shortcut(
    slack: SlackHarness, message: Message | None, value: str | None, _emoji: str
) -> None:
    assert message is not None
    await slack.emu.message_shortcut(slack.user("alice"), "give_kudos", message)
    await slack.settle()
    await _fill_modal(slack, value)


async def by_global_shortcut(
    slack: SlackHarness, _m: Message | None, value: str | None, _emoji: str
) -> None:
    await slack.emu.global_shortcut(slack.user("alice"), "give_kudos_global")
    await slack.settle()
    await _fill_modal(slack, value)


async def by_home_button(
    slack: SlackHarness, _m: Message | None, value: str | None, _emoji: str
) -> None:
    await slack.emu.open_home(slack.user("alice"))
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Give kudos")
    await slack.settle()
    await _fill_modal(slack, value)


async def by_solved_question(
    slack: SlackHarness, _m: Message | None, value: str | None, _emoji: str
) -> None:
    await slack.emu.click_button(slack.user("alice"), "Give kudos")
    await slack.settle()
    await _fill_modal(slack, value)


PATHS = {
    "command": Path_(_nothing, by_command),
    "reaction": Path_(_dev_says, by_reaction),
    "message shortcut": Path_(_dev_says, by_message_shortcut),
    "global shortcut": Path_(_nothing, by_global_shortcut),
    "home button": Path_(_nothing, by_home_button),
    "solved question": Path_(solved_by_dev, by_solved_question),
}


def heard(slack: SlackHarness, handle: str) -> str:
    """All Alice was told: ephemerals, the bot's DMs, and errors shown in her open modal."""
    user = slack.user(handle)
    said = [e.text for e in slack.emu.ephemerals(user)]
    said += [m.text for m in slack.emu.dm_messages(user) if m.by_bot]
    modal = slack.emu.open_modal(user)
    said += [str(modal.errors)] if modal is not None else []
    return "\n".join(said)


async def thanked_dev(slack: SlackHarness) -> list[str]:
    return [k.source for k in await ledger(slack) if k.receiver_user_id == slack.user("dev")]


async def allowance(slack: SlackHarness, path: Path_) -> None:
    """With one kudos a day, already given to Bob, thanking Dev is refused and Alice is told."""
    await configure(slack, daily_allowance=1)
    await give(slack, "alice", "@bob for reviewing the plan")
    message = await path.ready(slack)
    await path.thank(slack, message, None, "kudos")
    assert await thanked_dev(slack) == []
    assert "given all 1 of today's kudos" in heard(slack, "alice")


async def values(slack: SlackHarness, path: Path_) -> None:
    """With a value required, no kudos goes through without one; with #craft, it is kept
    (a reaction cannot carry one, so it is refused with the way to add one)."""
    await configure(slack, values_required=True)
    message = await path.ready(slack)
    await path.thank(slack, message, None, "kudos")
    assert await thanked_dev(slack) == []
    if path.thank is by_reaction:
        assert "asks for a company value" in heard(slack, "alice")
        return
    await path.thank(slack, message, "craft", "kudos")
    [entry] = [k for k in await ledger(slack) if k.receiver_user_id == slack.user("dev")]
    assert entry.values == ["craft"]


async def kudos_channel(slack: SlackHarness, path: Path_) -> None:
    """With a kudos channel set, the shout-out goes there (the bot is not in it) and the
    giver's confirmation says so."""
    await configure(slack, kudos_channel_id=slack.channel("kudos"))
    message = await path.ready(slack)
    await path.thank(slack, message, None, "kudos")
    await slack.drain()
    assert len(await thanked_dev(slack)) == 1
    assert len(kudos_posts(slack, "kudos")) == 1 and kudos_posts(slack, "general") == []
    assert f"on its way to <#{slack.channel('kudos')}>" in heard(slack, "alice")


async def emoji(slack: SlackHarness, path: Path_) -> None:
    """With :clap: as the kudos emoji, the shout-out asks for :clap:, and Carol's :clap: on
    it seconds the kudos."""
    await configure(slack, kudos_reactions="clap")
    message = await path.ready(slack)
    await path.thank(slack, message, None, "clap")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    assert "React with :clap:" in str(shoutout.blocks)
    await slack.emu.add_reaction(slack.user("carol"), shoutout.channel, shoutout.ts, "clap")
    await slack.settle()
    assert "second" in await thanked_dev(slack)


RULES = {"allowance": allowance, "values": values, "kudos channel": kudos_channel, "emoji": emoji}


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("path", PATHS)
async def test_every_path_follows_every_rule(slack: SlackHarness, path: str, rule: str) -> None:
    """One rule on one way of giving; the table covers every pair."""
    await RULES[rule](slack, PATHS[path])
