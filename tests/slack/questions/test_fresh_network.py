"""A `/skills network add` reaches routing at the next question, and a removal leaves it there,
with no rebuild and no wait: the cached index catches up in place (docs/routing.md, "Knows
someone")."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_fresh_skills import offers


@pytest.mark.postgres_too
async def test_a_network_entry_added_or_removed_is_routed_on_at_once(slack: SlackHarness) -> None:
    """The index is built by a first question; Carol adds the CNCF Slack (kubernetes) to her
    network, and Alice's Kubernetes question right away asks Carol as a connector, where the
    copy in hand knew nothing of it until its next rebuild. Carol removes it: Bob's next
    Kubernetes question does not ask her, and neither change rebuilt the copy (a rebuild made
    the question wait 30-50 s at 100,000 people)."""
    first = await offers(slack, "alice", "how do we import terraform state?")
    assert slack.user("dev") in [o.candidate_user_id for o in first]
    index = await slack.services.indexes.get(slack.team_id)
    builds = slack.services.indexes.builds

    await slack.command(
        "carol", "/skills", "network add CNCF Slack about kubernetes, helm as functional"
    )
    await slack.settle()
    asked = await offers(slack, "alice", "how should we size kubernetes pods for the api?")
    carol = [o for o in asked if o.candidate_user_id == slack.user("carol")]
    assert carol and carol[0].kind == "connector", [(o.candidate_user_id, o.kind) for o in asked]
    assert carol[0].reason == "knows someone who can help"

    await slack.command("carol", "/skills", "network remove CNCF Slack")
    await slack.settle()
    assert "Removed" in slack.emu.ephemerals(slack.user("carol"))[-1].text
    asked = await offers(slack, "bob", "any kubernetes people who size pods?")
    assert slack.user("carol") not in [o.candidate_user_id for o in asked]
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds  # caught up in place, never rebuilt
