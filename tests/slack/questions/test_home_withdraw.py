"""The Home tab's open questions carry the same Withdraw button as `/ask mine`: one action,
one way to withdraw, and the tab rebuilt once the question is gone from it."""

from __future__ import annotations

import copy

from sqlalchemy import func, select

from slack_emulator import Delivery, View
from storage.models import Offer, OutboxItem, Question
from tests.slack.harness import SlackHarness


async def only_question(slack: SlackHarness) -> Question:
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
        return question


async def outbox_rows(slack: SlackHarness) -> int:
    async with slack.services.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(OutboxItem)) or 0)


def tabs_published(slack: SlackHarness, user_id: str) -> int:
    return len([c for c in slack.emu.calls_to("views.publish") if c.args.get("user_id") == user_id])


async def asked_with_home_open(
    slack: SlackHarness, helper: str | None = None
) -> tuple[View, Question]:
    """Alice has asked a question (`helper` said they can help with it) and opened her Home
    tab, which lists it."""
    alice = slack.user("alice")
    await slack.command("alice", "/ask", "who can review my terraform module for s3 buckets?")
    await slack.settle()
    if helper is not None:
        offer = [m for m in slack.emu.dm_messages(slack.user(helper)) if m.bot_id][-1]
        await slack.emu.click(slack.user(helper), "offer_accept", message=offer)
        await slack.drain()
    await slack.emu.open_home(alice)
    await slack.drain()
    home = slack.emu.home_view(alice)
    assert home is not None and "terraform module" in str(home.blocks)
    return home, await only_question(slack)


async def test_withdraw_on_the_home_tab_withdraws_and_rebuilds_the_tab(
    slack: SlackHarness,
) -> None:
    """Alice's Home lists her question with a Withdraw button, the very `question_withdraw`
    of `/ask mine`. Pressing it withdraws the question, tells the colleagues asked, and the
    tab is published again without it."""
    alice = slack.user("alice")
    home, question = await asked_with_home_open(slack)
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    mine = slack.emu.ephemerals(alice)[-1]
    mine_buttons = [b["accessory"] for b in mine.blocks if "accessory" in b]
    home_buttons = [b["accessory"] for b in home.blocks if b.get("accessory", {}).get("value")]
    assert mine_buttons == [b for b in home_buttons if b["action_id"] == "question_withdraw"]
    published = tabs_published(slack, alice)
    await slack.emu.click(alice, "question_withdraw", view=home, value=str(question.id))
    await slack.drain()
    assert (await only_question(slack)).status == "withdrawn"
    async with slack.services.sessions() as s:
        assert set((await s.scalars(select(Offer.status))).all()) == {"superseded"}
    assert tabs_published(slack, alice) == published + 1
    rebuilt = slack.emu.home_view(alice)
    assert rebuilt is not None and "terraform module" not in str(rebuilt.blocks)


async def test_withdraw_pressed_again_on_the_home_tab_changes_nothing_and_says_so(
    slack: SlackHarness,
) -> None:
    """The same Home button's click delivered a second time (pressed twice on a tab not yet
    rebuilt) is refused privately, saying why, and changes no row nor queues a delivery."""
    alice = slack.user("alice")
    home, question = await asked_with_home_open(slack)
    first = await slack.emu.click(alice, "question_withdraw", view=home, value=str(question.id))
    await slack.drain()
    rows = await outbox_rows(slack)
    said = len(slack.emu.dm_messages(alice))
    again = copy.deepcopy(first.payload)
    again["trigger_id"] = f"{first.payload['trigger_id']}.again"
    await slack.emu.redeliver(Delivery("interaction", again), as_retry=False)
    await slack.drain()
    assert (await only_question(slack)).status == "withdrawn"
    assert await outbox_rows(slack) == rows
    [refusal] = slack.emu.dm_messages(alice)[said:]
    assert f"Question #{question.id} is withdrawn already" in refusal.text


async def test_withdraw_on_a_home_tab_shown_before_the_question_was_solved_says_so(
    slack: SlackHarness,
) -> None:
    """Alice's tab still shows a question she has marked solved since (pressed before its
    rebuild reached her): its Withdraw button leaves it solved, queues nothing, and she is
    told privately that it is solved already."""
    alice = slack.user("alice")
    home, question = await asked_with_home_open(slack)
    shown = copy.deepcopy(home.spec)
    await slack.services.questions.solve(slack.emu.team_id, question.id, alice)
    await slack.drain()
    home = slack.emu.workspace.views.publish_home(alice, shown)  # the tab from before
    rows, said = await outbox_rows(slack), len(slack.emu.dm_messages(alice))
    await slack.emu.click(alice, "question_withdraw", view=home, value=str(question.id))
    await slack.drain()
    assert (await only_question(slack)).status == "solved"
    assert await outbox_rows(slack) == rows
    [refusal] = slack.emu.dm_messages(alice)[said:]
    assert f"Question #{question.id} is solved already: there is nothing to withdraw" in (
        refusal.text
    )


async def test_a_forged_withdraw_on_the_home_tab_reaches_nothing_of_anyone_else(
    slack: SlackHarness,
) -> None:
    """Bob presses the Withdraw button of his own question on his Home tab, and the same
    signed click comes again with Alice's question's id in it, as a modified client could
    send: her question stays open, nothing is queued, her tab is not published again, and the
    refusal Bob gets (in his DM, a tab having no message to answer under) names no word of
    her question."""
    alice, bob = slack.user("alice"), slack.user("bob")
    _home, hers = await asked_with_home_open(slack)
    await slack.command("bob", "/ask", "who can review my terraform plan for the vpc peering?")
    await slack.settle()
    await slack.emu.open_home(bob)
    await slack.drain()
    home = slack.emu.home_view(bob)
    assert home is not None
    async with slack.services.sessions() as s:
        his = await s.scalar(select(Question).where(Question.asker_user_id == bob))
    assert his is not None
    real = await slack.emu.click(bob, "question_withdraw", view=home, value=str(his.id))
    await slack.drain()
    rows, said = await outbox_rows(slack), len(slack.emu.dm_messages(bob))
    alices_tab = tabs_published(slack, alice)
    forged = copy.deepcopy(real.payload)
    forged["trigger_id"] = f"{real.payload['trigger_id']}.forged"
    forged["actions"][0]["value"] = str(hers.id)
    await slack.emu.redeliver(Delivery("interaction", forged), as_retry=False)
    await slack.drain()
    async with slack.services.sessions() as s:
        assert (await s.get(Question, hers.id)).status == "open"  # type: ignore[union-attr]
    assert await outbox_rows(slack) == rows
    assert tabs_published(slack, alice) == alices_tab
    [refusal] = slack.emu.dm_messages(bob)[said:]
    assert "isn't yours" in refusal.text
    assert "s3 buckets" not in f"{refusal.text}{refusal.blocks}"
