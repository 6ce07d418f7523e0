"""Someone askaround first stores after routing's index was built, whose first act is to
declare a skill, is asked at the next question: the copy in hand catches up with them in
place (issue 14), where it left them out until its next rebuild (a minute or more)."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_fresh_skills import asked


@pytest.mark.parametrize("heard", ["team_join", "no event"])
async def test_a_newcomer_declaring_a_skill_is_asked_at_once(
    slack: SlackHarness, heard: str
) -> None:
    """Erin joins after the index was built: Slack's `team_join` is heard, or it was missed
    (only a directory sync would store her). Her first act is `/skills add cobol:5`; Alice
    asks about cobol at once, no clock moved: Erin is the one asked."""
    assert slack.user("dev") in await asked(slack, "alice", "how do we import terraform state?")
    index = await slack.services.indexes.get(slack.team_id)
    if heard == "team_join":
        erin, _ = await slack.emu.join_team("erin", real_name="Erin Novak", tz="Europe/Berlin")
        await slack.settle()
    else:
        erin = slack.here.workspace.add_user("erin", real_name="Erin Novak", tz="Europe/Berlin")
    slack.users["erin"] = erin.id

    await slack.command("erin", "/skills", "add cobol:5")
    await slack.settle()
    assert await asked(slack, "alice", "who can read our cobol copybooks?") == [erin.id]
    assert await slack.services.indexes.get(slack.team_id) is index  # caught up, not rebuilt
