"""A guest of the workspace (Slack's multi- and single-channel guests) and the member directory.

Gina is a multi-channel guest, in #vendors with Alice alone. Slack shows her the profiles of
the people in her channels and lets her name nobody else, but a slash command's text is what
she typed: `/skills <@U…>` with a member's id learned elsewhere named Dev, whom she shares no
channel with, and askaround showed her Dev's askaround profile (his declared skills and
levels, interests, title, team and manager). askaround does not know who is in which channel,
so a guest is shown their own profile alone, as `/skills who` is refused them: colleagues'
profiles are the member directory (`visibility.may_see_profile`). A member still reads any.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.directory.profiles import PROFILES_MEMBERS_ONLY
from tests.slack.harness import SlackHarness
from tests.slack.test_workspace_guests import with_gina

DEVS_OWN = "zorblaxing"  # a skill Dev alone declares, so it is his profile if it is shown


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """Gina's world (`test_workspace_guests`), where Dev declared a skill of his own too."""
    async with with_gina(tmp_path) as harness:
        assert (await harness.command("dev", "/skills", f"add {DEVS_OWN}:4")).ok
        await harness.settle()
        yield harness


async def skills_shown(slack: SlackHarness, handle: str, words: str) -> str:
    """What `/skills <words>` typed by `handle` in a channel of theirs showed them."""
    channel = "vendors" if handle == "gina" else "general"
    assert (await slack.command(handle, "/skills", words, channel=channel)).ok
    await slack.settle()
    shown = slack.emu.ephemerals(slack.user(handle))[-1]
    return f"{shown.text}\n{shown.blocks}"


async def test_a_guest_typing_a_members_id_is_not_shown_their_profile(
    slack: SlackHarness,
) -> None:
    dev = slack.user("dev")
    shown = await skills_shown(slack, "gina", f"<@{dev}>")
    assert DEVS_OWN not in shown.lower() and "terraform" not in shown.lower(), shown
    assert PROFILES_MEMBERS_ONLY in shown, shown


async def test_a_guest_still_reads_their_own_profile(slack: SlackHarness) -> None:
    assert (await slack.command("gina", "/skills", "add kotlin:3", channel="vendors")).ok
    await slack.settle()
    mine = await skills_shown(slack, "gina", f"<@{slack.user('gina')}>")
    assert "Kotlin" in mine and PROFILES_MEMBERS_ONLY not in mine, mine
    assert "Kotlin" in await skills_shown(slack, "gina", "")


async def test_a_member_still_reads_a_colleagues_profile(slack: SlackHarness) -> None:
    shown = await skills_shown(slack, "carol", f"<@{slack.user('dev')}>")
    assert DEVS_OWN in shown.lower() and PROFILES_MEMBERS_ONLY not in shown, shown
