"""A question's idempotency key makes asking twice one ask in its workspace, and only there:
two workspaces may hear a message with the same channel and ts (a channel id each emulator or
organisation chose alike), and the second's question must be stored, not taken for the
first's twin (the insert would do nothing, and the ask find no question of its own)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import questions as q


async def _ask(s: AsyncSession, team_id: str, key: str) -> int | None:
    question = await q.add_question(
        s,
        team_id=team_id,
        asker_user_id="U1",
        channel_id="C1",
        text="kafka lag",
        idempotency_key=key,
    )
    return None if question is None else question.id


async def test_the_same_key_is_one_ask_in_a_workspace_and_two_across_two(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as s, s.begin():
        first = await _ask(s, "T1", "msg:C1:1.000100")
        again = await _ask(s, "T1", "msg:C1:1.000100")
        elsewhere = await _ask(s, "T2", "msg:C1:1.000100")
    assert first is not None and again is None
    assert elsewhere is not None and elsewhere != first
    async with sessions() as s:
        mine = await q.question_by_key(s, "T2", "msg:C1:1.000100")
        theirs = await q.question_by_key(s, "T1", "msg:C1:1.000100")
    assert mine is not None and mine.id == elsewhere
    assert theirs is not None and theirs.id == first
