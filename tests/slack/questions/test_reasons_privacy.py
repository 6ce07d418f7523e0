"""A routing reason names only what anybody may see (issue 18, item 1): a question asked in
#general is answered in its public thread, so a colleague's declared network and kudos given
in a private channel rank people there but are never named."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Offer
from tests.slack.harness import SlackHarness

QUESTION = "who can help with zookeeperology and the zanzibarization of quuxflux clusters?"


def everything_posted(slack: SlackHarness) -> dict[tuple[str, str], str]:
    """Every message the bot posted in #general and in DMs, text and blocks, by (channel, ts)."""
    seen = [m for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    for handle in ("alice", "bob", "carol", "maria", "dev"):
        seen += [m for m in slack.emu.dm_messages(slack.user(handle)) if m.by_bot]
    return {(m.channel, m.ts): f"{m.text}\n{m.blocks}" for m in seen}


async def test_a_reason_in_a_public_thread_names_no_network_and_no_private_kudos(
    slack: SlackHarness,
) -> None:
    """Carol's network (RT-NETZOO Society, zookeeperology) makes her a connector, and Bob's
    kudos from #secret rank him, but neither is named; Dev's public kudos are."""
    await slack.command(
        "carol", "/skills", "network add RT-NETZOO Society about zookeeperology as functional"
    )
    await slack.command(
        "alice", "/kudos", "@bob for the zanzibarization of the quuxflux clusters", "secret"
    )
    await slack.command("maria", "/kudos", "@dev for the quuxflux clusters upgrade", "general")
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    before = everything_posted(slack)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    async with slack.services.sessions() as s:
        offers = {o.candidate_user_id: o for o in await s.scalars(select(Offer))}
    assert {slack.user("carol"), slack.user("bob"), slack.user("dev")} <= offers.keys()
    assert offers[slack.user("carol")].reason == "knows someone who can help"
    assert "zanzibarization" not in offers[slack.user("bob")].reason
    assert "quuxflux" in offers[slack.user("dev")].reason  # public: it may be named
    shown = "\n".join(t for k, t in everything_posted(slack).items() if k not in before)
    assert "RT-NETZOO" not in shown
    assert "zanzibarization" not in shown.replace(QUESTION, "")


async def test_an_introduction_is_not_made_through_someones_network(slack: SlackHarness) -> None:
    """Carol lists Alice and Bob in her network: Alice's question about terraform suggests Bob
    without "Carol has worked with both of you", which would tell the thread her network."""
    for handle in ("alice", "bob"):
        await slack.command("carol", "/skills", f"network add @{handle} as personal")
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> how do we unlock a stuck terraform state?"
    )
    await slack.settle()
    async with slack.services.sessions() as s:
        offers = {o.candidate_user_id: o for o in await s.scalars(select(Offer))}
    assert slack.user("bob") in offers
    carol = (slack.user("carol"), "Carol")
    shown = [f"{o.reason} {o.introduction}" for o in offers.values()]
    assert not [text for text in shown if any(name in text for name in carol)]


async def test_undone_kudos_are_not_evidence(slack: SlackHarness) -> None:
    """Alice thanks Bob for the quokka migration, then undoes it: the shout-out is gone, so a
    reason does not say Bob was thanked for it."""
    await slack.command("alice", "/kudos", "@bob for the quokka migration runbook", "general")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.command("maria", "/ask", "who knows the quokka migration runbook?")
    await slack.settle()
    async with slack.services.sessions() as s:
        reasons = [o.reason for o in await s.scalars(select(Offer))]
    assert not [r for r in reasons if "thanked" in r and "quokka" in r], reasons


async def test_an_introduction_is_not_made_through_someone_who_left(slack: SlackHarness) -> None:
    """Carol thanked Bob and Bob thanked Dev in #general, so Bob has worked with both: Carol's
    terraform question suggests Dev "through Bob". Once Bob has left the workspace he can
    introduce nobody, and no request or thread names him as the path."""
    await slack.command("carol", "/kudos", "@bob for pairing on the release notes", "general")
    await slack.command("bob", "/kudos", "@dev for the terraform state unlock", "general")
    await slack.settle()
    bob = slack.user("bob")

    async def through_bob(question: str) -> list[Offer]:
        """The offers of a new question of Carol's that name Bob as the path."""
        slack.services.indexes.invalidate(slack.team_id)
        await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {question}")
        await slack.settle()
        async with slack.services.sessions() as s:
            newest = await s.scalar(select(func.max(Offer.question_id)))
            offers = list(await s.scalars(select(Offer).where(Offer.question_id == newest)))
        assert offers
        return [o for o in offers if o.via_user_id == bob or "Bob" in o.introduction]

    assert await through_bob("how do we unlock a terraform state?")  # while Bob is here
    await slack.emu.change_user(bob, deleted=True)
    await slack.settle()
    assert await through_bob("how do I import an existing terraform state?") == []
