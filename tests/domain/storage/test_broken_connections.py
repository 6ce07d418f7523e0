"""A PostgreSQL connection whose driver lost track of its protocol is not used again."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import InternalError

from storage.db import create_engine


def _decoder_that_breaks(_value: str) -> Any:
    raise asyncpg.exceptions.InternalClientError("the protocol is lost")


async def test_an_internal_client_error_drops_the_connection(database_url: str) -> None:
    """asyncpg raises InternalClientError when its protocol state is lost (as after a session
    the server ended mid-transaction); here a type decoder raises it, so it happens on demand.
    The engine must drop that connection rather than hand it out again."""
    if not database_url.startswith("postgresql"):
        pytest.skip("asyncpg, PostgreSQL's driver, is the one that raises it")
    engine = create_engine(database_url, pool_size=1, max_overflow=0)

    @event.listens_for(engine.sync_engine, "connect")
    def break_bits(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.run_async(
            lambda raw: raw.set_type_codec(
                "bit",
                encoder=str,
                decoder=_decoder_that_breaks,
                schema="pg_catalog",
                format="text",
            )
        )

    try:
        async with engine.connect() as conn:
            before = await conn.scalar(text("SELECT pg_backend_pid()"))
            with pytest.raises(InternalError) as raised:
                await conn.execute(text("SELECT B'1'"))
            assert raised.value.connection_invalidated
        async with engine.connect() as conn:
            after = await conn.scalar(text("SELECT pg_backend_pid()"))
            assert await conn.scalar(text("SELECT 1")) == 1
        assert after != before, "the broken connection was handed out again"
    finally:
        await engine.dispose()
