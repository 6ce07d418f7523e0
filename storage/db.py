"""The async engine and the one session factory the app uses."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    """SQLite gets WAL (readers never block the writer) and enforced foreign keys.

    A server database gets a pool sized for the outbox's sends side by side plus the
    listeners after their acks; SQLAlchemy's default of 15 made bursts queue for a connection."""
    if not database_url.startswith("sqlite"):
        kwargs = {"pool_size": 10, "max_overflow": 30, **kwargs}
    engine = create_async_engine(database_url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Writers queue for the lock rather than fail: work after an ack must not be lost.
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> bool:
    """True when the database answers a trivial query; used by `/healthz`."""
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception:  # any driver error means "not reachable" to a health check
        return False
    return True
