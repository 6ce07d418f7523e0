"""What a newcomer met on a walk through askaround (docs/testing-log.md, "A new user's
walk-through"): each refusal says what to do next."""

from __future__ import annotations

import re
from typing import Any

import pytest

from slack_emulator import Ephemeral
from tests.slack.harness import SlackHarness

pytestmark = pytest.mark.database_independent
# A moment as Slack shows it to each reader, in their own zone (`slack_time`).
DATE_TOKEN = re.compile(r"<!date\^\d+\^[^|>]*\|[^>]*>")


async def told(slack: SlackHarness, handle: str, command: str, text: str) -> str:
    return (await answered(slack, handle, command, text)).text


async def answered(slack: SlackHarness, handle: str, command: str, text: str) -> Ephemeral:
    user = slack.user(handle)
    before = len(slack.emu.ephemerals(user))
    await slack.command(handle, command, text)
    await slack.settle()
    [answer] = slack.emu.ephemerals(user)[before:]
    return answer


async def home_blocks(slack: SlackHarness, handle: str) -> list[dict[str, Any]]:
    """The person's Home tab, opened now."""
    user = slack.user(handle)
    await slack.emu.open_home(user)
    await slack.drain()
    home = slack.emu.home_view(user)
    assert home is not None
    return home.blocks


async def home_welcome(slack: SlackHarness, handle: str) -> str:
    """What the person's Home tab shows before its first divider: askaround's welcome."""
    blocks = await home_blocks(slack, handle)
    divider = next(i for i, b in enumerate(blocks) if b["type"] == "divider")
    return str(blocks[:divider])


@pytest.mark.parametrize("number", ["999", "1"])
async def test_withdrawing_a_question_not_found_points_at_ask_mine(
    slack: SlackHarness, number: str
) -> None:
    """`/ask withdraw 999` (nobody's) and `/ask withdraw 1` (Alice's, typed by Bob) said only
    "I can't find question #999." or "Question #1 isn't yours.": a dead end for someone who
    mistyped their own question's number."""
    await slack.command("alice", "/ask", "how do we rotate the postgres credentials?")
    await slack.settle()
    said = await told(slack, "bob", "/ask", f"withdraw {number}")
    assert said.endswith("`/ask mine` lists yours."), said
    assert f"#{number}" in said


async def test_a_home_tab_before_askaround_knows_anyone_counts_nobody(slack: SlackHarness) -> None:
    """Just installed, before its first read of Slack's directory, Alice's Home tab said
    "askaround knows 0 colleagues here.", which reads as if nobody could ever be asked; it
    counts once there is someone to count (`test_home.py`)."""
    shown = await home_welcome(slack, "alice")
    assert "`/askaround help` lists every command." in shown and "knows" not in shown, shown


async def test_the_home_tab_says_how_to_ask(slack: SlackHarness) -> None:
    """A newcomer's first look at askaround is often its Home tab, which said what askaround
    does and where the commands are, but not how to ask it anything."""
    shown = await home_welcome(slack, "alice")
    assert "*Messages* tab" in shown and "`/ask`" in shown, shown


async def test_the_home_tab_opens_with_its_welcome(slack: SlackHarness) -> None:
    """The welcome, and how to ask, was the Home tab's last section, under a header naming
    askaround, below everything else: a newcomer met their empty kudos and profile first.
    It opens the tab now, as Slack's onboarding guidance has it, in a section and a line
    without that header (Slack names the app above its Home tab): no longer a tab for those
    who use it already, their own things next."""
    blocks = await home_blocks(slack, "bob")
    welcome, how, divider, first = blocks[:4]
    assert welcome["type"] == "section" and "Welcome, <@" in str(welcome), welcome
    assert how["type"] == "context" and "`/ask`" in str(how), how
    assert divider["type"] == "divider" and first == {**first, "type": "header"}, first
    headers = [b["text"]["text"] for b in blocks if b["type"] == "header"]
    assert "askaround" not in headers and headers[0] == "Kudos", headers


async def test_the_day_back_is_said_one_way_in_the_reply_and_on_the_home_tab(
    slack: SlackHarness,
) -> None:
    """`/skills away for 2 weeks` answered "until 2026-12-21 (Monday)" where Alice's Home tab
    said "back Monday, December 21, 2026 at 00:00": one day said two ways, the midnight, her
    own, adding nothing. Both say it as her Slack shows the day, in her zone, without it;
    Maria, in the same zone, reads the same; Bob, an hour behind, reads when it is for him."""
    said = await told(slack, "alice", "/skills", "away for 2 weeks")
    [back] = DATE_TOKEN.findall(said)
    assert "{time}" not in back, said
    await slack.emu.open_home(slack.user("alice"))
    await slack.drain()
    home = slack.emu.home_view(slack.user("alice"))
    assert home is not None and f"away, back {back}" in str(home.blocks), home
    alice = f"<@{slack.user('alice')}>"
    assert f"away, back {back}" in str((await answered(slack, "maria", "/skills", alice)).blocks)
    [for_bob] = DATE_TOKEN.findall(str((await answered(slack, "bob", "/skills", alice)).blocks))
    assert for_bob.split("^")[1] == back.split("^")[1] and "{time}" in for_bob, for_bob
