"""Questions and the directory cannot make the bot ping: a skill name, network topic or
question text is shown through `safe_text`, and markup is refused where it is typed as a name
(issue 18, items 4, 5)."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Skill
from tests.slack.harness import SlackHarness


async def test_skills_add_refuses_a_broadcast_as_a_skill(slack: SlackHarness) -> None:
    """`/skills add <!channel>:5` is refused with a reason, and no such skill is stored."""
    await slack.command("bob", "/skills", "add <!channel>:5")
    await slack.settle()
    reply = slack.emu.ephemerals(slack.user("bob"))[-1].text
    assert "not a mention, @channel or a link" in reply
    async with slack.services.sessions() as s:
        names = list(await s.scalars(select(Skill.name)))
    assert not [n for n in names if "<" in n]
