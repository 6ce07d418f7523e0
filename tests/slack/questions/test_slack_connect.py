"""A channel shared with another organisation (Slack Connect): its guests get no routing, and
what askaround says there about who is asked goes to the asker alone."""

from __future__ import annotations

from sqlalchemy import select

from handlers.surfaces.asking import FROM_ELSEWHERE
from storage.models import InboxItem, Offer, Person, Question
from tests.slack.connect import OTHER_ORG, shared
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import solved_by_dev

QUESTION = "how do we unlock a stuck terraform state in production?"


async def rows(slack: SlackHarness) -> tuple[list[Question], list[Offer]]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(Question))), list(await s.scalars(select(Offer)))


def listed_in(slack: SlackHarness, channel_id: str) -> list[str]:
    """What the bot posted in the channel for everyone (the other organisation included)."""
    return [m.text + str(m.blocks) for m in slack.emu.messages(channel_id) if m.bot_id]


async def test_a_guest_mentioning_the_bot_is_told_why_and_nobody_is_asked(
    slack: SlackHarness,
) -> None:
    """Routing for a stranger would DM this workspace's people for them and show them who
    knows what; the guest is told, only them, and nothing is stored."""
    partners = shared(slack)
    await slack.post("carol", "partners", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    assert await rows(slack) == ([], [])
    told = [e.text for e in slack.emu.ephemerals(slack.user("carol"))]
    assert told[-1] == FROM_ELSEWHERE and told.count(FROM_ELSEWHERE) == 1
    assert listed_in(slack, partners) == []
    for handle in ("bob", "dev", "maria"):
        assert not [m for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


async def test_a_guests_mention_is_not_kept_even_in_the_inbox(slack: SlackHarness) -> None:
    """The guest's words are stored nowhere, not even in the inbox of requests: before, they
    were kept there for a day. The payload says whose they are (`user_team`), so it is
    decided before anything is stored, and the guest is still told why, once."""
    shared(slack)
    marker = "zorblaxroadmap"
    await slack.post("carol", "partners", f"<@{slack.emu.bot_user_id}> how is our {marker} plan?")
    await slack.settle()
    async with slack.services.sessions() as s:
        kept = [str(item.__dict__) for item in await s.scalars(select(InboxItem))]
    assert kept and not [item for item in kept if marker in item]
    told = [e.text for e in slack.emu.ephemerals(slack.user("carol"))]
    assert told.count(FROM_ELSEWHERE) == 1


async def test_a_guest_using_find_an_expert_is_told_why(slack: SlackHarness) -> None:
    shared(slack)
    message = await slack.post("alice", "partners", QUESTION)
    await slack.here.message_shortcut(slack.user("carol"), "find_expert", message)
    await slack.settle()
    assert await rows(slack) == ([], [])
    assert FROM_ELSEWHERE in [e.text for e in slack.emu.ephemerals(slack.user("carol"))]


async def test_a_colleague_asking_there_is_answered_as_in_a_private_channel(
    slack: SlackHarness,
) -> None:
    """alice may ask in #partners, but who would be asked, with their declared skills, is
    shown to her alone (and she says whether to ask), never posted where the other
    organisation reads."""
    partners = shared(slack)
    await slack.post("alice", "partners", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    (question,), offers = await rows(slack)
    assert question.is_private and offers == []
    (consent,) = slack.emu.ephemerals(slack.user("alice"))
    assert "This conversation is private" in consent.text + str(consent.blocks)
    assert listed_in(slack, partners) == []


async def test_a_shared_channel_is_not_watched(slack: SlackHarness) -> None:
    shared(slack)
    slack.emu.workspace.user(slack.user("alice")).is_admin = True
    await slack.command("alice", "/ask", "watch", channel="partners")
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert "shared with another organisation" in said


async def test_who_is_asked_after_consent_is_not_posted_where_the_other_org_reads(
    slack: SlackHarness,
) -> None:
    """alice agrees to ask: the colleagues asked, why, and how it ends (connected, solved)
    reach her alone, never the shared channel's thread."""
    partners = shared(slack)
    await slack.post("alice", "partners", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    (consent,) = slack.emu.ephemerals(slack.user("alice"))
    await slack.emu.click(slack.user("alice"), "question_consent", message=consent)
    await slack.settle()
    (question,), offers = await rows(slack)
    assert question.status == "open" and offers
    told = [f"{m.text}{m.blocks}" for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert any("privately whether they can help" in text for text in told)
    asked = [m for m in slack.emu.dm_messages(offers[0].candidate_user_id) if m.bot_id][-1]
    await slack.emu.click(offers[0].candidate_user_id, "offer_accept", message=asked)
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    assert (await rows(slack))[0][0].status == "solved"
    assert listed_in(slack, partners) == []


async def test_a_guest_using_ask_is_told_why_and_shown_nothing_of_this_workspace(
    slack: SlackHarness,
) -> None:
    """A slash command names no home team, so `/ask` in #partners by Zed, of the other
    organisation, is known for his only by asking Slack about him. Dev solved Alice's
    question in #general: Zed is shown none of it, nobody is asked, and neither his question
    nor his profile is stored."""
    await solved_by_dev(slack, "alice", "general", QUESTION)
    zed = zed_in_partners(slack)
    before = await row_ids(slack)
    await slack.command("zed", "/ask", QUESTION, channel="partners")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(zed))
    assert "terraform" not in shown.lower() and "solved before" not in shown, shown
    assert FROM_ELSEWHERE in shown
    assert await row_ids(slack) == before
    async with slack.services.sessions() as s:
        assert await s.scalar(select(Person).where(Person.user_id == zed)) is None


def zed_in_partners(slack: SlackHarness) -> str:
    """#partners, shared, and Zed in it, of the other organisation and unknown here."""
    partners = shared(slack)
    ws = slack.here.workspace
    zed = ws.add_user("zed", real_name="Zed Partner").id
    slack.users["zed"] = zed
    ws.join(partners, zed)
    ws.guests[zed] = OTHER_ORG
    return zed


async def row_ids(slack: SlackHarness) -> tuple[list[int], list[int]]:
    questions, offers = await rows(slack)
    return [q.id for q in questions], [o.id for o in offers]


async def test_what_is_said_in_a_shared_channel_is_not_kept(slack: SlackHarness) -> None:
    """With the bot in #partners, Slack sends it every message there, the other
    organisation's too: none is kept, not even in the inbox of requests, as a shared channel
    is never watched. Before, each was stored there for a day. A colleague's question to the
    bot there is still one."""
    shared(slack)
    marker = "zorblaxroadmap"
    await slack.post("carol", "partners", f"our {marker} plan for next quarter, confidential")
    await slack.post("alice", "partners", f"thanks, our side of the {marker} is ready too")
    await slack.settle()
    async with slack.services.sessions() as s:
        kept = [str(item.__dict__) for item in await s.scalars(select(InboxItem))]
    assert kept and not [item for item in kept if marker in item]
    # A private channel shared so: its thread replies (heard for `answered_in_thread`) are
    # kept no more than its messages; before, they were kept a day, a colleague's here.
    alice = slack.user("alice")
    inner = slack.here.workspace.add_channel(
        "partners-inner", is_private=True, members=[alice, slack.user("carol")], ext_shared=True
    )
    opened, _ = await slack.here.post_message(alice, inner.id, "the roadmap, in this thread")
    await slack.here.post_message(alice, inner.id, f"our {marker} terms", thread_ts=opened.ts)
    await slack.settle()
    assert not [item for item in await inbox_kept(slack) if marker in item]
    await slack.post("alice", "partners", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    (question,), _offers = await rows(slack)
    assert question.asker_user_id == slack.user("alice") and question.is_private


async def inbox_kept(slack: SlackHarness) -> list[str]:
    async with slack.services.sessions() as s:
        return [str(item.__dict__) for item in await s.scalars(select(InboxItem))]


async def test_a_guests_ask_is_not_kept_in_the_inbox_once_refused(slack: SlackHarness) -> None:
    """Zed, of the other organisation, types `/ask` in #partners: his request is stored
    before it is answered, as every request is, but once Slack's profile says he is a guest
    from elsewhere and he is refused, his words are not kept in the inbox of requests
    (before, they were, for a day after)."""
    zed = zed_in_partners(slack)
    marker = "zorblaxroadmap"
    await slack.command("zed", "/ask", f"how is our {marker} plan?", channel="partners")
    await slack.settle()
    assert FROM_ELSEWHERE in [e.text for e in slack.emu.ephemerals(zed)]
    kept = await inbox_kept(slack)
    assert kept and not [item for item in kept if marker in item], kept


async def test_a_guests_find_an_expert_is_not_kept_in_the_inbox_once_refused(
    slack: SlackHarness,
) -> None:
    """So too *Find an expert* by Carol, of the other organisation, on a message in
    #partners: the message it carries is not kept once she is refused."""
    shared(slack)
    marker = "zorblaxroadmap"
    message = await slack.post("alice", "partners", f"how is our {marker} plan going?")
    await slack.here.message_shortcut(slack.user("carol"), "find_expert", message)
    await slack.settle()
    assert FROM_ELSEWHERE in [e.text for e in slack.emu.ephemerals(slack.user("carol"))]
    kept = [item for item in await inbox_kept(slack) if "message_action" in item]
    assert kept and not [item for item in kept if marker in item], kept
