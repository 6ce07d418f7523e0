"""A failed statement's error leaves out its parameters (issue 18, item 9): they hold what
people typed, and the error handler logs errors with their traceback."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine


async def test_the_words_a_person_typed_are_not_in_a_database_error(engine: AsyncEngine) -> None:
    """A statement that fails with a reason as its parameter: the reason is not in the error."""
    with pytest.raises(DBAPIError) as failed:
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO no_such_table (reason) VALUES (:reason)"),
                {"reason": "for the zanzibarized release notes"},
            )
    assert "no_such_table" in str(failed.value)
    assert "zanzibarized" not in str(failed.value)
