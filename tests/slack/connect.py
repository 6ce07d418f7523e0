"""A channel shared with another organisation (Slack Connect), for the tier (b) tests."""

from __future__ import annotations

from tests.slack.harness import SlackHarness

OTHER_ORG = "T0OTHERORG"


def shared(slack: SlackHarness, handles: tuple[str, ...] = ("alice", "bob", "carol", "dev")) -> str:
    """#partners, shared with another organisation; carol is a guest from there."""
    people = [slack.user(h) for h in handles]
    channel = slack.here.workspace.add_channel("partners", members=people, ext_shared=True)
    slack.channels["partners"] = channel.id
    slack.here.workspace.guests[slack.user("carol")] = OTHER_ORG
    return channel.id
