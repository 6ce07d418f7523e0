"""Requests from Slack kept until their work is done, and the replicas that do it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, TeamScoped, utcnow


class InboxItem(TeamScoped, Base):
    """A request stored before Slack is answered: if its replica dies before `done_at`,
    another replays it. Its key also turns Slack's retries of an event into no-ops."""

    __tablename__ = "inbox"
    __table_args__ = (UniqueConstraint("team_id", "request_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_key: Mapped[str] = mapped_column(String(200))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    replica_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    done_at: Mapped[datetime | None] = mapped_column(index=True)
    replays: Mapped[int] = mapped_column(default=0)
    # The message whose words the request carries (an event asking in it, its edit or its
    # deletion, a shortcut on it): its deletion or edit empties the entries found by them.
    channel_id: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32), index=True)
    # Not indexed alone (`TeamScoped` would): the unique (team_id, request_key) leads with it,
    # and each request wrote it twice (migration 0033; `create_inbox_table` drops it from an
    # inbox file made before).
    team_id: Mapped[str] = mapped_column(String(32))


class Replica(Base):
    """A running bot process; one that stops being seen is dead, and its inbox is orphaned."""

    __tablename__ = "replicas"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
