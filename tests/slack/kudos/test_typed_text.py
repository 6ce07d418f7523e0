"""What a giver types reaches the bot escaped by Slack in `/kudos` and in a reacted message
(`R&D` as `R&amp;D`, `<` as `&lt;`), and as typed in the Give kudos modal."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give, kudos_posts


async def test_a_reason_may_start_with_a_typed_angle_bracket(slack: SlackHarness) -> None:
    """`/kudos @bob <3 …`: Slack's `&lt;` after the mention is the reason's first character,
    not an `&` joining the people thanked."""
    await give(slack, "alice", "@bob <3 for untangling the release")
    [shoutout] = kudos_posts(slack, "general")
    assert "&lt;3 for untangling the release" in shoutout.text, shoutout.text
