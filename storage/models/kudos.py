"""The recognition ledger."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, TeamScoped, utcnow


class Kudos(TeamScoped, Base):
    """One entry per recipient; the idempotency key makes retries and double clicks harmless.

    Entries given together share a `batch_key` (what Undo and the shout-out act on). An undone
    entry keeps its row, with `undone_at` set, so its idempotency key stays taken: a late retry
    of the same command cannot bring it back.
    """

    __tablename__ = "kudos"
    __table_args__ = (
        UniqueConstraint("team_id", "idempotency_key"),
        Index("ix_kudos_team_receiver_created", "team_id", "receiver_user_id", "created_at"),
        Index("ix_kudos_team_giver_created", "team_id", "giver_user_id", "created_at"),
        Index("ix_kudos_team_batch", "team_id", "batch_key"),
        Index("ix_kudos_team_shoutout", "team_id", "shoutout_channel_id", "shoutout_ts"),
        Index("ix_kudos_team_quoted", "team_id", "quoted_channel_id", "quoted_ts"),
        Index("ix_kudos_team_kudos_version", "team_id", "kudos_version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    giver_user_id: Mapped[str] = mapped_column(String(32))
    receiver_user_id: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    values: Mapped[list[str]] = mapped_column(JSON, default=list)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    is_private: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(16))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    idempotency_key: Mapped[str] = mapped_column(String(160))
    batch_key: Mapped[str] = mapped_column(String(160), default="")
    shoutout_channel_id: Mapped[str | None] = mapped_column(String(32))
    shoutout_ts: Mapped[str | None] = mapped_column(String(32))
    # A shout-out posted through a command's response_url has no ts: Undo deletes it there.
    shoutout_reply_url: Mapped[str | None] = mapped_column(Text)
    dm_channel_id: Mapped[str | None] = mapped_column(String(32))  # the recipient's DM
    dm_ts: Mapped[str | None] = mapped_column(String(32))
    # The message whose words are the reason (a reaction's, and its seconds'): an edit of it
    # is quoted as edited, its deletion quotes it no more.
    quoted_channel_id: Mapped[str | None] = mapped_column(String(32))
    quoted_ts: Mapped[str | None] = mapped_column(String(32))
    # The ts of the latest edit or deletion of it taken: an older one delivered late is not.
    quoted_change_ts: Mapped[str | None] = mapped_column(String(32))
    undone_at: Mapped[datetime | None]
    # Undone by an admin (`bot.kudos.taking_back`), not by the giver's Undo: who (a member id,
    # or "cli") and why, kept for admins (migration 0034).
    taken_back_by: Mapped[str | None] = mapped_column(String(32))
    taken_back_reason: Mapped[str | None] = mapped_column(Text)
    # The workspace's kudos_version when this entry was undone (0: never).
    kudos_version: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Not indexed alone (`TeamScoped` would): every index above leads with it, and a query by
    # the workspace alone is planned as well on them, on SQLite and PostgreSQL (migration 0032).
    team_id: Mapped[str] = mapped_column(String(32))
