"""Group commit: calls arriving during a write share the next one, each gets its own answer,
and a failed write fails exactly the calls of its batch."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from bot.reliability.batching import Batched

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


async def test_calls_during_a_write_share_the_next_one_and_get_their_own_answers() -> None:
    writes: list[list[int]] = []

    async def double(items: Sequence[int]) -> list[int]:
        writes.append(list(items))
        await asyncio.sleep(0.01)
        return [2 * n for n in items]

    batched = Batched(double, "test")
    answers = await asyncio.gather(*(batched.submit(n) for n in range(50)))
    assert answers == [2 * n for n in range(50)]
    assert sorted(n for w in writes for n in w) == list(range(50))
    assert len(writes) <= 2, "the first call's write, then one for all that came meanwhile"


async def test_a_failed_write_fails_its_batch_and_the_next_batch_still_goes() -> None:
    async def refuse_odd(items: Sequence[int]) -> list[int]:
        await asyncio.sleep(0)
        if any(n % 2 for n in items):
            raise ValueError("odd")
        return list(items)

    batched = Batched(refuse_odd, "test")
    with pytest.raises(ValueError):
        await batched.submit(1)
    assert await batched.submit(2) == 2
