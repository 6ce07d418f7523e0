"""An expert's Home tab lists the requests waiting for their answer, as their DM shows them,
with the DM's own *I can help* and *Not me*: pressed there, they do what they do in the DM,
and the tab and the DM are redrawn (docs/testing-log.md, "An expert's second walk-through")."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.questions.policy import Limits
from slack_emulator import Delivery, View
from storage.models import Offer, OutboxItem, Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_expert_walk import QUESTION
from tests.slack.questions.test_expert_walk import request_of as dm_request
from tests.slack.questions.world import declared_world
from tests.slack.settings.world import home_of


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with declared_world(tmp_path) as harness:
        yield harness


def waiting_on(home: View) -> list[dict[str, Any]]:
    """The Home tab's blocks under "Waiting for your answer", up to the next divider."""
    blocks = home.blocks
    heads = [
        i
        for i, b in enumerate(blocks)
        if b.get("text", {}).get("text") == "Waiting for your answer"
    ]
    if not heads:
        return []
    rest = blocks[heads[0] + 1 :]
    end = next((i for i, b in enumerate(rest) if b["type"] == "divider"), len(rest))
    return rest[:end]


async def outbox_rows(slack: SlackHarness) -> int:
    async with slack.services.sessions() as s:
        return len((await s.scalars(select(OutboxItem.id))).all())


async def request_to(slack: SlackHarness, handle: str) -> Offer:
    async with slack.services.sessions() as s:
        [offer] = (
            await s.scalars(select(Offer).where(Offer.candidate_user_id == slack.user(handle)))
        ).all()
        return offer


async def test_the_home_tab_lists_the_request_waiting_with_the_dms_buttons(
    slack: SlackHarness,
) -> None:
    """Dev has a request in his DM; his Home tab showed nothing of it. It lists it as the DM
    opens (who asked, the question's words), when it was asked, and the same *I can help*
    and *Not me*, the DM's actions and values."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    listed = waiting_on(await home_of(slack, "dev"))
    said = str(listed)
    assert (
        QUESTION in said and f"<@{slack.user('alice')}> has a question you might help with" in said
    )
    assert "<!date^" in said
    [dm] = [
        m
        for m in slack.emu.dm_messages(slack.user("dev"))
        if m.bot_id and QUESTION in str(m.blocks)
    ]
    dm_buttons = [
        e
        for b in dm.blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "button"
    ]
    home_buttons = [e for b in listed if b["type"] == "actions" for e in b["elements"]]
    assert home_buttons == dm_buttons


async def the_question(slack: SlackHarness) -> Question:
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
        return question


async def pressed_on_home(slack: SlackHarness, handle: str, action_id: str) -> Delivery:
    """Alice asks; this colleague opens their Home tab and presses a button of the request
    it lists."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    home = await home_of(slack, handle)
    offer = await request_to(slack, handle)
    pressed = await slack.emu.click(slack.user(handle), action_id, view=home, value=str(offer.id))
    await slack.drain()
    return pressed


async def test_i_can_help_on_the_home_tab_connects_and_redraws_the_dm_and_the_tab(
    slack: SlackHarness,
) -> None:
    """Dev presses *I can help* on his Home tab: he is connected as from the DM, the DM's
    request says so (its buttons gone), and his tab is published again without it."""
    await pressed_on_home(slack, "dev", "offer_accept")
    question = await the_question(slack)
    assert (question.status, question.helper_user_id) == ("connected", slack.user("dev"))
    said = dm_request(slack, "dev")
    assert "You're on it: I've connected you." in said and "offer_accept" not in said
    rebuilt = slack.emu.home_view(slack.user("dev"))
    assert rebuilt is not None and waiting_on(rebuilt) == []


async def test_not_me_on_the_home_tab_passes_as_in_the_dm(slack: SlackHarness) -> None:
    """Bob presses *Not me* on his Home tab: his request is declined, the DM says what *Not
    me* says there, and the tab is published again without it."""
    await pressed_on_home(slack, "bob", "offer_decline")
    assert (await request_to(slack, "bob")).status == "declined"
    assert "Thanks for letting me know." in dm_request(slack, "bob")
    rebuilt = slack.emu.home_view(slack.user("bob"))
    assert rebuilt is not None and waiting_on(rebuilt) == []


async def test_a_request_taken_by_someone_else_leaves_the_home_tab_and_says_who_when_pressed(
    slack: SlackHarness,
) -> None:
    """Maria takes the question on from her DM: Dev's tab, open on his screen, is published
    again without his request. Pressed on the tab as it was (before its rebuild reached
    him), *I can help* changes nothing and tells him, in his DM (a tab has no message to
    answer under), that Maria is on it; before, it failed, as a tab's press has no
    response_url."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    home = await home_of(slack, "dev")
    assert waiting_on(home)
    shown = home.spec
    await slack.emu.click_button(slack.user("maria"), "I can help")
    await slack.drain()
    rebuilt = slack.emu.home_view(slack.user("dev"))
    assert rebuilt is not None and waiting_on(rebuilt) == []
    stale = slack.emu.workspace.views.publish_home(slack.user("dev"), shown)
    offer = await request_to(slack, "dev")
    said = len(slack.emu.dm_messages(slack.user("dev")))
    await slack.emu.click(slack.user("dev"), "offer_accept", view=stale, value=str(offer.id))
    await slack.drain()
    assert (await the_question(slack)).helper_user_id == slack.user("maria")
    [told] = slack.emu.dm_messages(slack.user("dev"))[said:]
    assert f"<@{slack.user('maria')}> is on it already" in told.text


async def test_only_a_home_tab_its_person_opened_is_rebuilt_as_the_question_changes(
    slack: SlackHarness,
) -> None:
    """Dev opened his Home tab; Bob and Maria, asked too, never did. Maria taking the
    question on rebuilds Dev's tab; neither Maria's (the helper's) nor Bob's (his request
    ended) is published, nor Alice's as her question closes. Bob opening his later sees it as
    the database has it then: no request waiting. Before, every colleague asked, the helper
    and the asker had their tab published at each change, never opened or not."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await home_of(slack, "dev")
    opened = len(slack.emu.calls_to("views.publish"))
    await slack.emu.click_button(slack.user("maria"), "I can help")
    await slack.drain()
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.drain()
    assert (await the_question(slack)).status == "solved"
    published = {c.args["user_id"] for c in slack.emu.calls_to("views.publish")[opened:]}
    assert published == {slack.user("dev")}
    assert (await request_to(slack, "bob")).status != "pending"
    assert waiting_on(await home_of(slack, "bob")) == []


async def test_pressed_twice_on_the_home_tab_it_counts_once(slack: SlackHarness) -> None:
    """Dev's *I can help* on his tab delivered a second time (a double click on a tab not
    yet rebuilt): as in the DM, nothing more is queued and he is told nothing more."""
    first = await pressed_on_home(slack, "dev", "offer_accept")
    rows, said = await outbox_rows(slack), len(slack.emu.dm_messages(slack.user("dev")))
    again = copy.deepcopy(first.payload)
    again["trigger_id"] = f"{first.payload['trigger_id']}.again"
    await slack.emu.redeliver(Delivery("interaction", again), as_retry=False)
    await slack.drain()
    assert (await the_question(slack)).helper_user_id == slack.user("dev")
    assert await outbox_rows(slack) == rows
    assert slack.emu.dm_messages(slack.user("dev"))[said:] == []


async def test_a_private_channels_request_shows_on_the_tab_what_the_dm_showed_and_no_more(
    slack: SlackHarness,
) -> None:
    """Alice asks in the private #secret and agrees to colleagues: Dev's tab quotes the
    question as his DM does, with no link to a channel he is not in; Carol, not asked, is
    shown nothing of it."""
    secret = slack.channel("secret")
    slack.here.workspace.join(secret, slack.emu.bot_user_id)
    await slack.post("alice", "secret", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.drain()
    listed = str(waiting_on(await home_of(slack, "dev")))
    assert QUESTION in listed and QUESTION in dm_request(slack, "dev")
    assert secret not in listed and "archives" not in listed
    carols = await home_of(slack, "carol")
    assert waiting_on(carols) == [] and QUESTION not in str(carols.blocks)


MANY = (
    "how do I import an existing s3 bucket into terraform?",
    "why does terraform plan show drift on our iam roles?",
    "how do we split a terraform state file in two?",
    "which terraform provider version pins do we use for aws?",
    "how do I move a terraform resource between modules?",
    "can someone explain terraform workspaces versus separate state backends?",
    "how do we rotate the terraform cloud api token?",
)


@pytest.mark.postgres_too  # reaches `storage.offers.requests_waiting_for`
async def test_many_requests_show_the_newest_and_count_the_rest(slack: SlackHarness) -> None:
    """Seven requests wait for Dev: his tab lists the newest five, newest first, and says
    two more are in his DMs with askaround, within Slack's limits."""
    config = slack.services.questions.config
    slack.services.questions.config = replace(config, limits=Limits(max_open_offers=100))
    for asked in MANY:
        await slack.command("alice", "/ask", asked)
        await slack.settle()
    listed = str(waiting_on(await home_of(slack, "dev")))
    shown = [q for q in MANY if q in listed]
    assert shown == list(MANY[2:]) and listed.index(MANY[-1]) < listed.index(MANY[2])
    assert "…and 2 more in your DMs with askaround." in listed


async def test_an_edited_question_is_quoted_anew_on_the_tab(slack: SlackHarness) -> None:
    """Alice edits her question after Dev opened his tab: his tab is published again
    quoting the new words, as his DM does, and no longer the words she took back."""
    asked = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    assert QUESTION in str(waiting_on(await home_of(slack, "dev")))
    edited = QUESTION.replace("stuck", "locked")
    await slack.emu.edit_message(slack.user("alice"), asked, asked.text.replace("stuck", "locked"))
    await slack.drain()
    rebuilt = slack.emu.home_view(slack.user("dev"))
    assert rebuilt is not None
    assert edited in str(waiting_on(rebuilt)) and QUESTION not in str(rebuilt.blocks)
    assert edited in dm_request(slack, "dev", edited)


async def test_a_colleague_who_left_has_no_tab_rebuilt_for_their_requests(
    slack: SlackHarness,
) -> None:
    """Dev leaves with a request waiting: it is withdrawn as after *Not me*, and the tab of
    someone who left, which nobody opens, is not published for it."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    before = len(slack.emu.calls_to("views.publish"))
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.settle()
    await slack.drain()
    assert (await request_to(slack, "dev")).status == "declined"
    published = [str(c.args.get("user_id")) for c in slack.emu.calls_to("views.publish")]
    assert slack.user("dev") not in published[before:], published[before:]
