"""A colleague asked about a question, then made a guest of the workspace (Slack's multi- or
single-channel guest: `user_change` with `is_restricted`) before answering.

A guest is never asked about a colleague's question (`visibility.may_be_asked`): a request
quotes a question from a channel the guest may not read. Dev was asked about Carol's question
in #general as a member; made a guest, invited to other channels than #general, his request
went on: Carol's edit of her message was drawn into his DM (words typed after he lost the
channel), and *I can help* made him her helper, introduced in #general's thread. Now a
request to someone made a guest is withdrawn as one to someone who left is, and the question
goes on to others, as *Not me* does; what he read before stays read.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.client.directory import sync_directory
from storage.models import Offer
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_edited import bot_dms
from tests.slack.questions.test_flow import decline_everyone
from tests.slack.questions.test_solved_first import QUESTION

EDITED = "numbatguest"


async def asked_then_made_a_guest(slack: SlackHarness) -> None:
    """Carol asks in #general, Dev is asked (his request in his DM), Dev is made a guest."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    assert "stuck terraform state" in bot_dms(slack, "dev")
    await slack.emu.change_user(slack.user("dev"), is_restricted=True)
    await slack.settle()
    edited = f"{bot} {QUESTION} It is the {EDITED} pipeline."
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(edited))
    await slack.settle()


async def test_a_colleague_made_a_guest_reads_no_edit_of_the_question(
    slack: SlackHarness,
) -> None:
    await asked_then_made_a_guest(slack)
    assert EDITED not in bot_dms(slack, "dev")
    assert EDITED in bot_dms(slack, "bob")  # a member asked with him reads it as edited


async def test_a_colleague_made_a_guest_is_asked_no_more(slack: SlackHarness) -> None:
    await asked_then_made_a_guest(slack)
    async with slack.services.sessions() as s:
        offers = {o.candidate_user_id: o.status for o in await s.scalars(select(Offer))}
    assert offers[slack.user("dev")] != "pending", offers
    assert offers[slack.user("bob")] == "pending", offers


@pytest.mark.postgres_too  # `offers.pending_offers_to_guests` is read here alone
async def test_made_a_guest_unheard_the_sync_withdraws_their_request(slack: SlackHarness) -> None:
    """Dev is made a guest and Slack's `user_change` is lost: the daily sync (`users.list`)
    stores him as one, and his request waiting is withdrawn then, as for the event."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    slack.emu.workspace.users[slack.user("dev")].is_restricted = True  # unheard
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    await slack.settle()
    async with slack.services.sessions() as s:
        offers = {o.candidate_user_id: o.status for o in await s.scalars(select(Offer))}
    assert offers[slack.user("dev")] != "pending", offers
    assert offers[slack.user("bob")] == "pending", offers


async def test_a_colleague_made_a_guest_is_not_said_to_have_passed(slack: SlackHarness) -> None:
    """Dev is made a guest while asked, the others say *Not me*: the asker is told what
    became of each request, and Dev's was withdrawn by askaround, not passed on by him."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    await slack.emu.change_user(slack.user("dev"), is_restricted=True)
    await slack.settle()
    await decline_everyone(slack)
    async with slack.services.sessions() as s:
        offers = list(await s.scalars(select(Offer)))
    said = [m.text for m in slack.emu.messages(slack.channel("general")) if m.by_bot][-1]
    passed = len(offers) - 1
    assert f"{passed} passed on it and 1 could no longer be asked, and there is" in said, said
