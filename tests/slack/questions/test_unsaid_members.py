"""An asker nobody could be found for, because those who might know are kept as guests: told
why, without naming them, when Slack did not say whether they are members (docs/slack-api.md,
"Someone Slack does not describe as a member"); a guest Slack says is one is not spoken of."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import dm_text
from tests.slack.lean.flows import QUESTION
from tests.slack.questions.world import PEOPLE, declare_skills


def told_in_thread(slack: SlackHarness) -> str:
    return " | ".join(m.text for m in slack.emu.messages(slack.channel("general")) if m.bot_id)


async def test_colleagues_slack_will_not_describe_are_said_to_be_why(tmp_path: Path) -> None:
    """users.info refused (the install lacks `users:read`) from the start: Bob, Dev and Maria,
    who know terraform, are kept as guests, and Alice read only "I couldn't find anyone
    available"; now why, and that an admin should check askaround may read profiles."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        slack.emu.faults.refuse("users.info", "missing_scope")
        await declare_skills(slack)
        await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
        await slack.drain()
        said = told_in_thread(slack) + dm_text(slack, "alice")
        assert "couldn't find anyone available" in said, said
        assert "Slack didn't tell me whether the colleagues who might know are members" in said
        assert "askaround may read people's profiles in Slack" in said, said
        for handle in ("bob", "dev", "maria"):
            assert slack.user(handle) not in said, said


async def test_a_guest_slack_says_is_one_is_not_spoken_of(tmp_path: Path) -> None:
    """Gina, a guest Slack describes as one, alone declared kubernetes: Carol, asking about it,
    reads that nobody was available, and nothing of guests or of Slack not saying."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        ws = slack.here.workspace
        gina = ws.add_user("gina", real_name="Gina Guest", guest="multi")
        slack.users["gina"] = gina.id
        ws.add_channel("vendors", members=[gina.id, slack.user("alice")])
        slack.channels["vendors"] = ws.channel_by_name("vendors").id
        await declare_skills(slack)
        assert (await slack.command("gina", "/skills", "add kubernetes:5", channel="vendors")).ok
        await slack.settle()
        slack.services.indexes.invalidate(slack.team_id)
        asked = f"<@{slack.emu.bot_user_id}> how do we drain a kubernetes node?"
        await slack.post("carol", "general", asked)
        await slack.drain()
        said = told_in_thread(slack) + dm_text(slack, "carol")
        async with slack.services.sessions() as s:
            told = await s.scalar(
                select(OutboxItem.payload).where(OutboxItem.method == "question.unanswered")
            )
        assert told is not None and told.get("guests") == [gina.id], told  # left out, as one
        assert "couldn't find anyone available" in said, said
        assert "guest" not in said and "Slack didn't tell me" not in said, said
