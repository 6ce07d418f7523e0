"""What people typed reaches no log line at INFO or above on the paths
`tests/slack/test_log_privacy.py` does not take: a question edited and deleted, a message in
a private channel that asks nothing (edited, deleted), small talk to the bot, commands
mistyped or refused (a skill too long or a mention, a kudos reason pinging `@here` or too
long, an unknown subcommand, one of the app's commands sent as a message), and a question
whose deliveries Slack rate-limits. Each carries the marker with a number of its own, so a
leak names its path."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import QUESTION

SECRET = "wallabylog"


async def test_no_log_line_carries_words_typed_on_paths_seldom_taken(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}1")
    await slack.drain()
    edited = slack.escape(f"{bot} {QUESTION} {SECRET}2")
    await slack.here.edit_message(slack.user("carol"), asked, edited)
    await slack.drain()
    await slack.here.delete_message(slack.user("carol"), asked)
    said = await slack.post("alice", "secret", f"nothing to ask {SECRET}3")
    await slack.here.edit_message(slack.user("alice"), said, f"still nothing {SECRET}4")
    await slack.here.delete_message(slack.user("alice"), said)
    await slack.dm_bot("bob", f"hi there {SECRET}5")
    for command, text in (
        ("/skills", f"frobnicate {SECRET}6"),
        ("/skills", f"add {'x' * 300}{SECRET}7:4"),
        ("/skills", f"add <!channel> {SECRET}8:4"),
        ("/kudos", f"@alice for <!here> {SECRET}9"),
        ("/kudos", f"@alice for {'y' * 3000} {SECRET}10"),
        ("/kudos", f"{SECRET}11"),
        ("/askaround", f"{SECRET}12"),
        ("/ask", f"withdraw {SECRET}13"),
    ):
        await slack.command("bob", command, text)
    await slack.dm_bot("bob", f"/kudos @alice for {SECRET}14")
    slack.emu.faults.add("chat.postMessage", error="ratelimited", times=3)
    await slack.dm_bot("dev", f"how do I unlock a stuck terraform state for {SECRET}15?")
    await slack.drain()
    logged = [
        f"{record.levelname} {record.name} {record.getMessage()} {record.exc_text or ''}"
        for record in caplog.records
        if record.levelno >= logging.INFO and record.name != "aiohttp.access"  # the emulator's
    ]
    assert [line for line in logged if SECRET in line] == []
    # Not vacuous: the words reached askaround (the unknown subcommand is answered with them,
    # the DM's question is asked in them).
    shown = [f"{e.text}{e.blocks}" for e in slack.emu.ephemerals(slack.user("bob"))]
    assert any(f"{SECRET}6" in said for said in shown), shown
    async with slack.services.sessions() as s:
        texts = list(await s.scalars(select(Question.text)))
    assert any(f"{SECRET}15" in text for text in texts), texts
