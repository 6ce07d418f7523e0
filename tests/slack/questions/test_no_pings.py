"""Questions and the directory cannot make the bot ping: a skill name, network topic or
question text is shown through `safe_text`, and markup is refused where it is typed as a name
(issue 18, items 4, 5)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from bot.safe_text import AT
from storage.evidence import declare_skills
from storage.models import Skill
from tests.slack.harness import SlackHarness


async def test_skills_add_refuses_a_broadcast_as_a_skill(slack: SlackHarness) -> None:
    """`/skills add <!channel>:5` is refused with a reason, and no such skill is stored."""
    await slack.command("bob", "/skills", "add <!channel>:5")
    await slack.settle()
    reply = slack.emu.ephemerals(slack.user("bob"))[-1].text
    assert "not a mention, @channel or a link" in reply
    async with slack.services.sessions() as s:
        names = list(await s.scalars(select(Skill.name)))
    assert not [n for n in names if "<" in n]


async def test_a_skill_name_with_markup_is_shown_as_words_in_the_thread(
    slack: SlackHarness,
) -> None:
    """A skill stored before names were checked (or by an import) as `<!channel> zookeeping`:
    routing's reason in the public thread reads `@channel zookeeping` and pings nobody."""
    async with slack.services.sessions() as s, s.begin():
        await declare_skills(
            s, slack.team_id, {slack.user("bob"): {"zookeeping": 5}}, at=slack.services.clock.now()
        )
        await s.execute(
            update(Skill).where(Skill.key == "zookeeping").values(name="<!channel> zookeeping")
        )
    slack.services.indexes.invalidate(slack.team_id)
    message = await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> does anyone here know zookeeping?"
    )
    await slack.settle()
    thread = [
        m
        for m in slack.emu.messages(slack.channel("general"))
        if m.by_bot and m.thread_ts == message.ts
    ]
    shown = "\n".join(f"{m.text}\n{json.dumps(m.blocks, ensure_ascii=False)}" for m in thread)
    assert f"declared {AT}channel zookeeping, level 5" in shown
    assert "<!" not in shown


async def test_the_asking_list_names_the_colleagues_without_pinging_them(
    slack: SlackHarness,
) -> None:
    """Bob is asked in a DM; the list in Alice's public thread names him (his name as Slack
    gives it) rather than notifying him a second time where the channel watches. A colleague
    the question mentions reads as their name in Bob's DM, and is not pinged by it."""
    async with slack.services.sessions() as s, s.begin():
        await declare_skills(
            s, slack.team_id, {slack.user("bob"): {"zookeeping": 5}}, at=slack.services.clock.now()
        )
    slack.services.indexes.invalidate(slack.team_id)
    carol = slack.user("carol")
    message = await slack.post(
        "alice",
        "general",
        f"<@{slack.emu.bot_user_id}> does anyone know zookeeping? <@{carol}> was stuck too",
    )
    await slack.settle()
    [listed] = [
        m
        for m in slack.emu.messages(slack.channel("general"))
        if m.by_bot and m.thread_ts == message.ts and "I'm asking" in m.text
    ]
    shown = f"{listed.text}\n{json.dumps(listed.blocks, ensure_ascii=False)}"
    bob = slack.emu.workspace.user(slack.user("bob"))
    assert f"{AT}{bob.real_name}" in shown and "<@" not in shown
    [offer] = [m for m in slack.emu.dm_messages(slack.user("bob")) if "has a question" in m.text]
    carol_name = slack.emu.workspace.user(carol).real_name
    offered = f"{offer.text}\n{json.dumps(offer.blocks, ensure_ascii=False)}"
    assert f"{AT}{carol_name} was stuck too" in offered and f"<@{carol}>" not in offered


async def test_a_colleague_the_question_mentions_stays_named_after_it_moves_on(
    slack: SlackHarness,
) -> None:
    """Carol is mentioned in Alice's question. Dev says "I can help": Bob's request, updated to
    say it moved on, still quotes her by name, and so does Dev's; Alice withdraws: Dev's DM
    saying so quotes nothing (his request right above it does), nor does the thread's
    introduction (the question is right above it). None pings her, and none falls back to
    "someone"."""
    carol = slack.user("carol")
    carol_name = slack.emu.workspace.user(carol).real_name
    await slack.post(
        "alice",
        "general",
        f"<@{slack.emu.bot_user_id}> how do we unlock a stuck terraform state? "
        f"<@{carol}> was stuck too",
    )
    await slack.settle()
    [dev_offer] = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=dev_offer)
    await slack.settle()
    await slack.command("alice", "/ask", "withdraw 1")
    await slack.drain()
    [bob_offer] = [m for m in slack.emu.dm_messages(slack.user("bob")) if m.bot_id]
    dev_offer, *released = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    assert released and all("withdrew" in m.text for m in released)
    connected = [
        m for m in slack.emu.messages(slack.channel("general")) if "can help with" in m.text
    ]
    assert "is on it" in str(bob_offer.blocks) and released and connected
    for message in (bob_offer, dev_offer, *released, *connected):
        shown = f"{message.text}\n{json.dumps(message.blocks, ensure_ascii=False)}"
        quoted = message in (bob_offer, dev_offer)
        assert (f"{AT}{carol_name} was stuck too" in shown) == quoted, shown
        assert f"<@{carol}>" not in shown and "someone was stuck" not in shown


@pytest.mark.postgres_too  # reaches the namesakes' query of `storage.people.display_names`
async def test_two_colleagues_of_one_name_a_question_mentions_read_apart(
    slack: SlackHarness,
) -> None:
    """Alice's question mentions Carol and Erin, whom Slack calls Carol Diaz too: Bob's DM
    names each with her handle, where "Carol Diaz and Carol Diaz were stuck too" read as one
    person twice."""
    async with slack.services.sessions() as s, s.begin():
        await declare_skills(
            s, slack.team_id, {slack.user("bob"): {"zookeeping": 5}}, at=slack.services.clock.now()
        )
    slack.services.indexes.invalidate(slack.team_id)
    carol = slack.user("carol")
    erin = slack.emu.workspace.add_user("erin", real_name="Carol Diaz").id
    await slack.post(
        "alice",
        "general",
        f"<@{slack.emu.bot_user_id}> does anyone know zookeeping? <@{carol}> and <@{erin}> "
        "were stuck too",
    )
    await slack.settle()
    [offer] = [m for m in slack.emu.dm_messages(slack.user("bob")) if "has a question" in m.text]
    offered = f"{offer.text}\n{json.dumps(offer.blocks, ensure_ascii=False)}"
    said = f"{AT}Carol Diaz (@carol) and {AT}Carol Diaz (@erin) were stuck too"
    assert said in offered, offered
