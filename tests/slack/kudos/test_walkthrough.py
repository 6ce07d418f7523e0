"""Stumbles found walking through kudos as a giver and a receiver who read only the README
(docs/testing.md, "A kudos walk-through (7 December)")."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, give


async def test_a_private_kudos_listed_beside_public_ones_says_it_is_private(
    slack: SlackHarness,
) -> None:
    """Alice thanked Bob in #secret (private) and in #general. `/kudos @bob` shows her both,
    under "thanked 1 time in public (and 1 private kudos between you and them)", and the two
    lines looked alike: which one she may repeat in public was hers to guess. The private one
    says so; the public one does not; Bob's own `/kudos me` marks it too."""
    await give(slack, "alice", "@bob for the secret review work #craft", channel="secret")
    await give(slack, "alice", "@bob for the public review work #craft")
    await give(slack, "alice", "@bob")
    said = ephemeral_text(slack, "alice").split("*Bob Chen*")[-1]
    assert "• from Alice Martin: the secret review work `#craft` (private)" in said, said
    assert "• from Alice Martin: the public review work `#craft`\n" in said, said
    await give(slack, "bob", "me")
    mine = ephemeral_text(slack, "bob").split("*Your kudos*")[-1]
    assert "the secret review work `#craft` (private)" in mine, mine
    assert "the public review work `#craft` (private)" not in mine, mine
