"""Leftovers of the asker's and the expert's walk-throughs, in what they read: the typo's
suggestion first, and a suggested colleague's notification naming who suggested them
(docs/testing-log.md, "The asker's and expert's leftovers")."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_expert_walk import QUESTION


async def test_a_misspelt_skill_leads_with_the_skill_meant(slack: SlackHarness) -> None:
    """ "terrafrom" matched nobody: Alice read "nobody else here has declared its topic as a
    skill", with three colleagues declaring Terraform, and only after it "Did you mean
    Terraform?". The suggestion comes first, and nothing says that nobody declares it."""
    await slack.command("alice", "/ask", "how do I unlock a stuck terrafrom state lock?")
    await slack.settle()
    [said] = [
        m.text
        for m in slack.emu.dm_messages(slack.user("alice"))
        if m.bot_id and "I found nobody to ask" in m.text
    ]
    assert "Did you mean Terraform?" in said, said
    assert "declared its topic" not in said, said
    assert said.index("Did you mean") < said.index("ask again with it spelt so"), said


async def test_a_suggested_colleagues_notification_names_who_suggested_them(
    slack: SlackHarness,
) -> None:
    """Bob suggests Carol: her request's blocks say "suggested by @Bob", but the message's
    `text`, what her phone's notification shows, said only who asked and the question."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await slack.emu.pick(slack.user("bob"), "Suggest someone", slack.user("carol"))
    await slack.settle()
    [request] = [
        m
        for m in slack.emu.dm_messages(slack.user("carol"))
        if m.bot_id and QUESTION in str(m.blocks)
    ]
    assert request.text.startswith(f"<@{slack.user('bob')}> suggested you. "), request.text
    assert f"<@{slack.user('alice')}>" in request.text, request.text
