"""A question's offers and their colleagues' declared levels, read in one joined statement
(`offers.offers_and_declared`, each of its messages drawn): each offer once, in the order
made, whatever its colleague declares, and only what they declare in this workspace."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import wall_clock
from storage import offers, people
from storage import questions as q
from storage.evidence import declare_skills


async def test_each_offer_once_in_order_with_what_its_colleague_declares(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as s, s.begin():
        for team, user in (("T1", "U2"), ("T1", "U3"), ("T1", "U4"), ("T2", "U4")):
            await people.upsert_profile(s, team, user, name=user)
        await declare_skills(
            s, "T1", {"U2": {"kafka": 2, "postgres": 4}, "U3": {}}, at=wall_clock()
        )
        await declare_skills(s, "T2", {"U4": {"kafka": 5}}, at=wall_clock())
        question = await q.add_question(
            s, team_id="T1", asker_user_id="U1", channel_id="C1", text="kafka lag"
        )
        assert question is not None
        # U5 has no people row; U4 declares only in another workspace.
        for user in ("U4", "U2", "U5", "U3"):
            await offers.add_offer(s, team_id="T1", question_id=question.id, candidate_user_id=user)
        question_id = question.id
    async with sessions() as s:
        made, declared = await offers.offers_and_declared(s, "T1", question_id)
    assert [o.candidate_user_id for o in made] == ["U4", "U2", "U5", "U3"]
    assert declared == {"U2": {"kafka": 2, "postgres": 4}}
