"""A colleague chosen to be asked has left, and the bot has not heard yet (the `user_change`
missed, the daily sync still to come): Slack refuses to open a DM with them
(`user_disabled`). Their request is withdrawn as if they had said "Not me" (the question
goes on with the others, and to someone new when nobody is left waiting), and the bot now
knows they left, so they are not chosen again. Before, the request stayed pending, unsent,
until it expired, holding the question."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Offer, OutboxItem, Person
from tests.slack.connect import OTHER_ORG
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import QUESTION


async def test_a_colleague_who_left_unheard_is_passed_over(slack: SlackHarness) -> None:
    dev = slack.user("dev")
    slack.emu.workspace.user(dev).deleted = True  # in Slack only: no event reaches the bot
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    async with slack.services.sessions() as s:
        offers = list(await s.scalars(select(Offer)))
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
        person = await s.scalar(select(Person).where(Person.user_id == dev))
    to_dev = [o for o in offers if o.candidate_user_id == dev]
    assert to_dev, "the setup needs Dev to be chosen"
    assert all(o.status == "declined" for o in to_dev)
    assert [(f.method, f.last_error) for f in failed] == []
    assert person is not None and person.deactivated
    assert any(o.candidate_user_id != dev and o.dm_ts for o in offers)


async def test_a_colleague_now_of_another_organisation_is_passed_over_unstored(
    slack: SlackHarness,
) -> None:
    """Slack refuses a DM with Dev and now describes him as a member of another organisation
    (Slack Connect): his request is withdrawn all the same, but what Slack says of him is
    not stored, as no member of another organisation ever is (docs/privacy.md). Before, his
    row was overwritten with the other organisation's profile."""
    dev = slack.user("dev")
    before = await _person(slack, dev)
    user = slack.emu.workspace.user(dev)
    user.deleted, user.real_name = True, "Dev Elsewhere"
    slack.emu.workspace.guests[dev] = OTHER_ORG
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    async with slack.services.sessions() as s:
        offers = list(await s.scalars(select(Offer)))
    to_dev = [o for o in offers if o.candidate_user_id == dev]
    assert to_dev, "the setup needs Dev to be chosen"
    assert all(o.status == "declined" for o in to_dev)
    assert await _person(slack, dev) == before


async def _person(slack: SlackHarness, user_id: str) -> tuple[str | None, bool]:
    async with slack.services.sessions() as s:
        person = await s.scalar(select(Person).where(Person.user_id == user_id))
    assert person is not None
    return person.real_name, person.deactivated


@pytest.mark.parametrize("refusal", ["users_not_found", "user_not_visible", "cannot_dm_bot"])
async def test_a_colleague_slack_will_not_open_a_dm_with_is_passed_over(
    slack: SlackHarness, refusal: str
) -> None:
    """Slack refuses the DM with the first colleague chosen in its other words for someone
    it will not let the bot message: an id it no longer knows (`users_not_found`, the plural
    conversations.open answers), one it will not show (`user_not_visible`, another
    organisation's), a bot (`cannot_dm_bot`). Their request is withdrawn as after
    `user_disabled` and the question goes on with the others; before, it was given up as
    Slack refusing the install, and Carol read that an admin should check the app."""
    slack.emu.faults.add("conversations.open", error=refusal, times=1)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    [refused] = [c for c in slack.emu.calls_to("conversations.open") if not c.ok]
    async with slack.services.sessions() as s:
        offers = list(await s.scalars(select(Offer)))
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    [passed] = [o for o in offers if o.candidate_user_id == refused.args.get("users")]
    assert passed.status == "declined" and passed.dm_ts is None
    assert [(f.method, f.last_error) for f in failed] == []
    assert any(o.candidate_user_id != passed.candidate_user_id and o.dm_ts for o in offers)
    told = " | ".join(m.text for m in slack.emu.messages(slack.channel("general")) if m.bot_id)
    assert "refused" not in told and "admin" not in told, told
