"""A member of another organisation (Slack Connect) named in a command: the one who named
them is told so in words about what they did (`/skills @carol` is no kudos), and nothing of
the guest is stored or shown."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from handlers.client.directory import named_elsewhere
from storage.models import Offer, Person
from tests.slack.connect import OTHER_ORG, shared
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state in production?"


def partner(slack: SlackHarness) -> str:
    """Zed, in #partners, a member of another organisation askaround never stored."""
    ws = slack.here.workspace
    zed = ws.add_user("zed", real_name="Zed Partner").id
    slack.users["zed"] = zed
    ws.join(shared(slack), zed)
    ws.guests[zed] = OTHER_ORG
    return zed


async def stored(slack: SlackHarness, user_id: str) -> bool:
    async with slack.services.sessions() as s:
        return user_id in set(await s.scalars(select(Person.user_id)))


def last_told(slack: SlackHarness, handle: str) -> str:
    return [e.text for e in slack.emu.ephemerals(slack.user(handle))][-1]


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/skills", "@zed"),
        ("/kudos", "@zed"),
        ("/kudos", "report @zed"),
    ],
)
async def test_a_command_naming_a_member_of_another_organisation_says_so(
    slack: SlackHarness, command: str, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Bob names Zed, a guest from another organisation: he reads that he is one, in
    words that do not speak of recording kudos, and nothing of her is stored."""
    caplog.set_level(logging.INFO)
    zed = partner(slack)
    await slack.command("bob", command, text.replace("@zed", f"<@{zed}>"))
    await slack.settle()
    assert last_told(slack, "bob") == named_elsewhere(zed)
    assert not await stored(slack, zed)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_suggesting_a_member_of_another_organisation_says_so(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """*Suggest someone* picking Zed, a guest from another organisation: the one who
    picked her reads that he is one, and she is not asked."""
    caplog.set_level(logging.INFO)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    zed = partner(slack)
    offer = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_refer", message=offer, selected_user=zed)
    await slack.settle()
    assert last_told(slack, "dev") == named_elsewhere(zed)
    async with slack.services.sessions() as s:
        assert zed not in set(await s.scalars(select(Offer.candidate_user_id)))
    assert not await stored(slack, zed)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
