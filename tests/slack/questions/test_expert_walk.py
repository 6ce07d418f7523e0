"""An expert's walk-through: what a colleague asked to help reads, having read only the
README, as they answer requests (docs/testing-log.md, "An expert's walk-through")."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"


def request_of(slack: SlackHarness, handle: str, words: str = QUESTION) -> str:
    """The bot's DM to this colleague that quotes `words`, all it says."""
    [said] = [
        f"{m.text} {m.blocks}"
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.bot_id and words in str(m.blocks)
    ]
    return said


async def test_not_me_says_how_to_be_asked_less(slack: SlackHarness) -> None:
    """Bob passes on one Terraform question after another: each *Not me* only said "Thanks
    for letting me know.", so someone for whom it is no longer their area never learned how
    to stop the requests. It says how: take the skill off the profile, or pause requests."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await slack.emu.click_button(slack.user("bob"), "Not me")
    await slack.settle()
    said = request_of(slack, "bob")
    assert "Thanks for letting me know." in said
    assert "`/skills remove`" in said and "`/skills away until friday`" in said, said


async def test_i_can_help_links_to_where_the_asker_is_met(slack: SlackHarness) -> None:
    """Maria presses *I can help*: her request read "You're on it: I've connected you." and
    lost its buttons and its link, so she had to hunt for where. It links to the message
    that introduced her to the asker (a group DM for a question asked in the bot's DM)."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await slack.emu.click_button(slack.user("maria"), "I can help")
    await slack.settle()
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
    assert question.connected_message_channel and question.connected_message_ts
    ts = question.connected_message_ts.replace(".", "")
    said = request_of(slack, "maria")
    assert "You're on it: I've connected you." in said
    assert f"archives/{question.connected_message_channel}/p{ts}" in said, said


@pytest.mark.postgres_too  # reaches `storage.offers.received_before`
async def test_the_first_request_says_what_askaround_is_and_how_to_stop_it(
    slack: SlackHarness,
) -> None:
    """Dev's first request ever said who asked and why him, and nothing of what askaround
    is, what the buttons do, nor how to stop being asked. The first says so; the next ones
    do not repeat it, nor does the first drawn again when its question is edited."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    first = request_of(slack, "dev")
    assert "first request to you" in first and "`/skills optout`" in first, first
    [asked] = [m for m in slack.emu.messages(slack.channel("general")) if QUESTION in m.text]
    edited = QUESTION.replace("stuck", "locked")
    await slack.emu.edit_message(slack.user("alice"), asked, asked.text.replace("stuck", "locked"))
    await slack.settle()
    assert "first request to you" in request_of(slack, "dev", edited)
    again = "how do I import an existing bucket into terraform?"
    await slack.command("carol", "/ask", again)
    await slack.settle()
    assert "first request to you" not in request_of(slack, "dev", again)
