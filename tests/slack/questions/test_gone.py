"""Buttons on a request whose question is no longer kept (purged after an uninstall, the DM
still in Slack): the presser hears that it is gone, not that it was sent to someone else."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from storage.models import Offer, Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_gone import forget_everything, told
from tests.slack.kudos.test_paths import solved_by_dev
from tests.slack.kudos.world import ledger, submit_modal

QUESTION = "how do we unlock a stuck terraform state?"


@pytest.mark.parametrize("action", ["offer_accept", "offer_decline", "offer_refer"])
async def test_an_offer_no_longer_kept_is_not_called_someone_elses(
    slack: SlackHarness, action: str, caplog: pytest.LogCaptureFixture
) -> None:
    """*I can help*, *Not me* and *Suggest someone* on a request whose question is gone."""
    caplog.set_level(logging.INFO)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    offer = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await forget_everything(slack)
    picked = slack.user("carol") if action == "offer_refer" else None
    await slack.emu.click(slack.user("dev"), action, message=offer, selected_user=picked)
    await slack.settle()
    said = "\n".join(told(slack, "dev"))
    assert "not sent to you" not in said
    assert "no longer" in said, said
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Offer)) == 0
        assert await s.scalar(select(func.count()).select_from(Question)) == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_kudos_from_a_solved_question_no_longer_kept_are_given_all_the_same(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """*Give kudos* under a solved question, pressed once the question is gone: the thanks
    stand on their own (before, the ledger refused a question it no longer had and Alice was
    told something went wrong); *Solved* and *Withdraw* say the question cannot be found."""
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("chat.update", status=429, retry_after=60, times=None)  # updates late
    await solved_by_dev(slack)
    await forget_everything(slack)
    for label in ("Solved", "Withdraw"):
        await slack.emu.click_button(slack.user("alice"), label)
        await slack.settle()
        assert told(slack, "alice")[-1] == "I can't find question #1."
    await slack.emu.click_button(slack.user("alice"), "Give kudos")
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None
    await submit_modal(slack, "alice", modal, reason="for unlocking the terraform state")
    await slack.settle()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    [entry] = await ledger(slack)
    assert (entry.receiver_user_id, entry.question_id) == (slack.user("dev"), None)
    assert "went wrong" not in "\n".join(told(slack, "alice"))
