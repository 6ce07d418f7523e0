"""Taking a question on, as the asker's Home tab shows it."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import QUESTION, offer_dm


async def test_i_can_help_rebuilds_the_askers_home_tab(slack: SlackHarness) -> None:
    """The same rebuild for a press of *I can help*, which the thread's answer shares: Alice's
    tab, open before, lists her question with who helps and its Solved button (before, it
    kept what it showed until she opened it again)."""
    alice = slack.user("alice")
    await slack.emu.open_home(alice)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    home = slack.emu.home_view(alice)
    assert home is not None and "is helping" in str(home.blocks)
    assert "question_solved" in str(home.blocks)
