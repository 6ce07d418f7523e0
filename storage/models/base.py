"""The declarative base, with a constraint naming convention so Alembic diffs stay stable."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, Index, MetaData, String, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both databases; SQLite would otherwise hand back naive ones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class TeamScoped:
    """Every row carries its Slack workspace so one deployment can serve many."""

    team_id: Mapped[str] = mapped_column(String(32), index=True)


def partial_index(name: str, *columns: str, where: str) -> Index:
    """An index of only the rows `where` holds, on SQLite and PostgreSQL alike.

    SQLite's `where` is given here, PostgreSQL's by `partial_on` once a PostgreSQL engine
    exists: naming `postgresql_where` makes SQLAlchemy import its PostgreSQL dialect to check
    the name (2.4 MB resident), in a bot that only ever talks to SQLite too."""
    return Index(name, *columns, sqlite_where=text(where), info={"where": where})


def partial_on(dialect: str, metadata: MetaData) -> None:
    """Give every `partial_index` of `metadata` its `where` on `dialect` as well."""
    for table in metadata.tables.values():
        for index in table.indexes:
            if (where := index.info.get("where")) is not None:
                index.dialect_kwargs[f"{dialect}_where"] = text(where)
