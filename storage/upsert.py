"""Dialect-aware INSERT … ON CONFLICT, the one portable way to make writes idempotent."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.units import dialect_of


def insert_for(session: AsyncSession, table: Any) -> Any:
    """The dialect's own `insert`, which knows `on_conflict_do_nothing/update`."""
    return insert_on(dialect_of(session), table)


def insert_on(dialect: str, table: Any) -> Any:
    """`insert_for` by the dialect's name, for statements built once per dialect and cached.

    The dialect's module is imported here, when its first statement is built: imported at
    the top, SQLAlchemy's PostgreSQL dialect (2.4 MB resident) sat in every SQLite process."""
    name = "postgresql" if dialect == "postgresql" else "sqlite"
    return import_module(f"sqlalchemy.dialects.{name}").insert(table)
