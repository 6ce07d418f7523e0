"""Slash commands as Slack posts them (`tests/data/slack/real_payloads.json`): its form
fields, its escaped text (`<@U…|name>`, `<#C…|name>`, `&amp;`), signed and sent through the
real front door. What the person is told and what is stored is asserted."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import body_of, said, send


async def test_a_kudos_whose_reason_links_a_channel_is_given(slack: SlackHarness) -> None:
    """`/kudos @bob for moving the runbook into #general & fixing every link in it
    #teamwork`: Slack links `#general` to the channel (`<#C…|general>`). It is where the
    work went, not a recipient and not a value: the kudos is given, the link kept in its
    reason. Before, any channel link that was no value refused the whole kudos ("Kudos go to
    people … rather than the channel #general")."""
    assert await send(slack, *body_of(slack, "kudos_with_a_channel_in_the_reason")) == (200, "")
    (kudos,) = await ledger(slack)
    general = slack.channel("general")
    assert kudos.receiver_user_id == slack.user("bob") and kudos.values == ["teamwork"]
    assert kudos.message == (
        f"moving the runbook into <#{general}|general> & fixing every link in it"
    )
    assert not [text for text in said(slack) if "rather than" in text]
