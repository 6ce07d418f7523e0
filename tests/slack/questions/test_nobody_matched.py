"""A question nobody could be asked about says why: nobody matched it (nobody declared its
topic, helped with one like it, or knows someone who did), or those who match are away or
opted out. It read "I couldn't find anyone available" in both cases, untrue in the first:
people were available, none knew the topic."""

from __future__ import annotations

from tests.slack.harness import SlackHarness

AVAILABLE = "I couldn't find anyone available"
UNMATCHED = "I found nobody to ask about question #1: nobody else here has declared its topic"


async def told(slack: SlackHarness, text: str) -> str:
    """Alice asks `text` with a mention in #general; what the bot said in its thread."""
    asked = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {text}")
    await slack.drain()
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    return " | ".join(m.text for m in thread if m.bot_id)


async def test_a_topic_nobody_knows_is_said_to_match_nobody(slack: SlackHarness) -> None:
    said = await told(slack, "who can tune the zamboni on our ice rink?")
    assert UNMATCHED in said and AVAILABLE not in said, said
    assert "Try asking in a channel about the topic" in said
    assert "`/skills add`" in said and "/skills who" not in said, said


async def test_a_topic_whose_people_are_away_is_said_to_have_nobody_available(
    slack: SlackHarness,
) -> None:
    """Bob, Dev and Maria know terraform: each away or opted out, nobody can be asked, which
    is what "available" says; and `/skills who` would list them."""
    for handle, pause in (
        ("bob", "away until next friday"),
        ("dev", "optout"),
        ("maria", "optout"),
    ):
        assert (await slack.command(handle, "/skills", pause)).ok
    await slack.settle()
    said = await told(slack, "how do we unlock a stuck terraform state?")
    assert f"{AVAILABLE} for question #1." in said and "nobody else here" not in said, said
    assert "`/skills who` followed by the topic" in said
