"""The solved-question finder on a real database: most similar first, at most three, only
what the asker may see, and a link only to a conversation they can open (issue 15)."""

from __future__ import annotations

from itertools import count

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.questions.solved import SHOWN, SolvedFinder, SolvedMatch, similarity
from storage import questions as q

T = "T1"
KEYS = count()


async def past(
    sessions: async_sessionmaker[AsyncSession],
    text: str,
    *,
    asker: str = "UCAROL",
    helper: str | None = "UDEV",
    status: str = "solved",
    private: bool = False,
    source: str = "message",
) -> int:
    async with sessions() as s, s.begin():
        question = await q.add_question(
            s,
            team_id=T,
            asker_user_id=asker,
            channel_id="D1" if private else "C1",
            message_ts="1.0",
            thread_ts="1.0",
            text=text,
            topics=[],
            status=status,
            is_private=private,
            source=source,
            helper_user_id=helper,
            idempotency_key=f"k{next(KEYS)}",
        )
        assert question is not None
        return question.id


async def similar(s: AsyncSession, text: str, asker: str) -> list[SolvedMatch]:
    return await SolvedFinder().similar(s, T, text, asker)


async def found(sessions: async_sessionmaker[AsyncSession], text: str, asker: str) -> list[int]:
    async with sessions() as s:
        return [m.question_id for m in await similar(s, text, asker)]


def test_similarity_is_the_cosine_of_the_terms() -> None:
    """The same terms score 1 whatever their order and stopwords; none in common, 0."""
    assert similarity({"terraform", "state"}, {"state", "terraform"}) == 1.0
    assert similarity({"terraform"}, {"kafka"}) == 0.0
    assert similarity(set(), {"kafka"}) == 0.0


async def test_most_similar_solved_first_at_most_three(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Five solved questions like it and an open one: the three closest solved, closest first;
    the open one and an unrelated one never."""
    exact = await past(sessions, "how do we unlock a stuck terraform state?")
    close = [
        await past(sessions, f"unlock stuck terraform state {extra}")
        for extra in ("lock", "in ci", "on backend", "on prod today")
    ]
    await past(sessions, "how do we unlock a stuck terraform state?", status="open")
    await past(sessions, "kafka consumer lag in staging")
    shown = await found(sessions, "Terraform state is stuck: how do I unlock it?", "UALICE")
    assert len(shown) == SHOWN and shown[0] == exact
    assert set(shown[1:]) <= set(close)


async def test_a_private_solved_question_only_for_who_may_see_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Bob's DM question is shown to Bob and to Dev who helped (without a link: Dev cannot
    open Bob's DM), never to Alice."""
    mine = await past(sessions, "rotate the vault root token safely", asker="UBOB", private=True)
    assert await found(sessions, "how to rotate the vault root token safely", "UALICE") == []
    assert await found(sessions, "how to rotate the vault root token safely", "UBOB") == [mine]
    async with sessions() as s:
        for_dev = await similar(s, "rotate the vault root token safely", "UDEV")
        for_bob = await similar(s, "rotate the vault root token safely", "UBOB")
    assert [m.question_id for m in for_dev] == [mine] and for_dev[0].message_ts is None
    assert for_bob[0].message_ts == "1.0"


async def test_a_slash_ask_has_no_thread_to_link(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """A question asked with `/ask` was never posted: it is shown, with who solved it, and
    no link."""
    await past(sessions, "upgrade terraform providers safely", source="command")
    async with sessions() as s:
        shown = await similar(s, "upgrade terraform providers safely", "UALICE")
    assert shown[0].message_ts is None and shown[0].helper_user_id == "UDEV"
