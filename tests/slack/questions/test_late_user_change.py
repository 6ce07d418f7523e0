"""A `user_change` Slack delivers late: a retry of one whose first delivery failed comes up to
an hour on, after the person's next change was heard (Slack's `updated` says which is newer).
What the late one says is not stored over the newer (`PeopleService.heard`), and nothing is
done on it either: Bob's request about Alice's question is not withdrawn because an older
`user_change` made him a guest or deactivated him, and he is not told he declined it. Slack's
own shapes (`tests/slack/payloads/`, `tests/data/slack/real_payloads.json`), signed and sent
through the real front door."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

from bot.questions.tell import ANSWERED_NOTES, MOVED_ON
from storage.models import Offer, Person
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_edited import bot_dms
from tests.slack.questions.test_flow import ask
from tests.slack.test_real_payloads import envelope, real, send, warnings


async def bobs(slack: SlackHarness) -> tuple[Person, str]:
    """Bob's stored row, and his request's status."""
    bob = slack.user("bob")
    async with slack.services.sessions() as s:
        row = (await s.scalars(select(Person).where(Person.user_id == bob))).one()
        (offer,) = await s.scalars(select(Offer).where(Offer.candidate_user_id == bob))
    return row, offer.status


async def user_change(slack: SlackHarness, name: str, updated: int, retry: int = 0) -> None:
    event = real(slack, name)["event"]
    event["user"]["updated"] = updated
    body = json.dumps(envelope(slack, event))
    assert await send(slack, "application/json", body, retry, "http_timeout") == (200, "")
    await slack.drain()


@pytest.mark.parametrize(
    "late", ["user_change_made_a_single_channel_guest", "user_change_deactivated"]
)
async def test_a_late_user_change_changes_nothing(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, late: str
) -> None:
    """Bob, asked about Alice's question, moves to Tokyo (Slack's newer `user_change`); then
    comes, as Slack's retry, an older one making him a single-channel guest, or deactivating
    him. He stays a member in Tokyo, his request waits for him, and his DM is as it was.
    Before, the older change was not stored, but his request was withdrawn all the same and
    his DM said "Thanks for letting me know. Not your area any more?"."""
    caplog.set_level(logging.INFO)
    await ask(slack)
    stored, status = await bobs(slack)
    assert status == "pending"
    await user_change(slack, "user_change_time_zone", stored.slack_updated + 120)
    dm = bot_dms(slack, "bob")
    await user_change(slack, late, stored.slack_updated + 60, retry=1)
    row, status = await bobs(slack)
    assert (row.tz, row.is_guest, row.deactivated) == ("Asia/Tokyo", False, False)
    assert status == "pending"
    assert bot_dms(slack, "bob") == dm
    assert warnings(caplog) == []


async def test_one_made_a_guest_is_not_thanked_for_an_answer_never_given(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Bob, asked about Alice's question, is made a single-channel guest (Slack's
    `user_change`, newer than what is stored), twice as Slack's retry: his request is
    withdrawn and the question goes on, and his DM says the question moved on. Before, it said
    "Thanks for letting me know. Not your area any more?", as to one who pressed *Not me*."""
    caplog.set_level(logging.INFO)
    await ask(slack)
    stored, _ = await bobs(slack)
    for retry in (0, 1):
        await user_change(
            slack, "user_change_made_a_single_channel_guest", stored.slack_updated + 60, retry
        )
    row, status = await bobs(slack)
    assert row.is_guest and status != "pending"
    dm = bot_dms(slack, "bob")
    assert MOVED_ON in dm and ANSWERED_NOTES["declined"] not in dm
    assert warnings(caplog) == []
