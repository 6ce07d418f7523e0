"""What the privacy tests read of what a person was shown."""

from __future__ import annotations

from tests.slack.harness import SlackHarness


async def home_and_bot_posts(slack: SlackHarness, handle: str) -> str:
    """This person's Home tab (opened now), every ephemeral they were shown, and the bot's
    messages in every conversation they are in, as text."""
    user = slack.user(handle)
    await slack.emu.open_home(user)
    await slack.settle()
    home = slack.emu.home_view(user)
    shown = [str(home.blocks) if home else ""]
    shown += [f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(user)]
    rooms = [c.id for c in slack.here.workspace.channels.values() if user in c.members]
    shown += [
        f"{m.text}\n{m.blocks}" for m in slack.emu.messages() if m.by_bot and m.channel in rooms
    ]
    return "\n".join(shown)
