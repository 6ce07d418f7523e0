"""The admins' Home section lists the watched channels; one askaround can no longer hear
(the bot removed from it, archived, made private) is said to be so there, with what mends
it, rather than listed as if watched."""

from __future__ import annotations

from typing import Any

from tests.slack.harness import SlackHarness
from tests.slack.settings.world import home_of, settings_modal


def watched_line(blocks: list[dict[str, Any]]) -> str:
    text = "\n".join(str((b.get("text") or {}).get("text", "")) for b in blocks)
    [line] = [line for line in text.splitlines() if line.startswith("*Watched channels:*")]
    return line


async def test_a_watched_channel_askaround_was_removed_from_is_said_unheard(
    slack: SlackHarness,
) -> None:
    """Hana has #general watched; the bot is removed from it, then #launch, also watched, is
    archived: her Home tab says of each that askaround hears nothing there and why. The
    section said "*Watched channels:* #general #launch", as if both were watched."""
    hana, general = slack.user("hana"), slack.channel("general")
    launch = slack.here.workspace.add_channel("launch", members=[hana, slack.emu.bot_user_id])
    modal = await settings_modal(slack, "hana")
    await slack.emu.submit_view(
        hana, modal.id, {"watched_channels": {"value": [general, launch.id]}}
    )
    await slack.settle()
    assert watched_line((await home_of(slack, "hana")).blocks) == (
        f"*Watched channels:* <#{general}> <#{launch.id}>"
    )
    await slack.emu.remove(general, slack.emu.workspace.bot_user_id)
    await slack.emu.archive_channel(launch.id, by=hana)
    await slack.settle()
    line = watched_line((await home_of(slack, "hana")).blocks)
    assert f"<#{general}> (I was removed from it: `/invite @askaround` there)" in line, line
    assert f"<#{launch.id}> (archived: nothing is said there)" in line, line
