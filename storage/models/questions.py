"""Questions people ask and the private offers the bot makes to candidate helpers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, TeamScoped, partial_index, utcnow


class Question(TeamScoped, Base):
    __tablename__ = "questions"
    __table_args__ = (
        # The newest questions posted as messages (`channels_discussing`, read by /ask).
        partial_index("ix_questions_posted", "team_id", "id", where="message_ts IS NOT NULL"),
        # The question a deleted message was (`questions_posted_as`).
        Index("ix_questions_message", "team_id", "channel_id", "message_ts"),
        # Asking twice is one ask in its workspace (a retry, a double press), and only there.
        UniqueConstraint("team_id", "idempotency_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    asker_user_id: Mapped[str] = mapped_column(String(32), index=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    # The ts of the latest edit of its message taken: an older one delivered late is not.
    edit_ts: Mapped[str | None] = mapped_column(String(32))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    is_private: Mapped[bool] = mapped_column(default=False)
    # Private because its conversation was made private (or shared) after it was asked: its
    # asker agreed to nobody new being asked (`visibility.may_ask_others`).
    made_private: Mapped[bool] = mapped_column(default=False, server_default=false())
    # How many colleagues the asker of a private question agreed to, told nobody else might
    # help ("N colleagues, and nobody else"); None: those first, then others (or public).
    agreed_colleagues: Mapped[int | None]
    source: Mapped[str] = mapped_column(String(16), default="command")
    asker_message_channel: Mapped[str | None] = mapped_column(String(32))
    asker_message_ts: Mapped[str | None] = mapped_column(String(32))
    connected_message_channel: Mapped[str | None] = mapped_column(String(32))
    connected_message_ts: Mapped[str | None] = mapped_column(String(32))
    helper_user_id: Mapped[str | None] = mapped_column(String(32))
    # Who pressed *Solved*: the asker or the helper; told to whoever presses it again.
    solved_by: Mapped[str | None] = mapped_column(String(32))
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]


class Offer(TeamScoped, Base):
    __tablename__ = "offers"
    __table_args__ = (UniqueConstraint("question_id", "candidate_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    candidate_user_id: Mapped[str] = mapped_column(String(32), index=True)
    score: Mapped[float] = mapped_column(default=0.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    introduction: Mapped[str] = mapped_column(Text, default="")
    via_user_id: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    dm_channel_id: Mapped[str | None] = mapped_column(String(32))
    dm_ts: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16), default="expert")
    # A connector's network entry they were asked for (`connections.id`); 0 once they removed
    # it; None for anyone else, or asked before migration 0039.
    connection_id: Mapped[int | None]
    rank: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    responded_at: Mapped[datetime | None]


class WatchedChannel(TeamScoped, Base):
    """A channel where an admin asked the bot to notice questions by itself."""

    __tablename__ = "watched_channels"
    __table_args__ = (UniqueConstraint("team_id", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    watched_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class QuietUntil(TeamScoped, Base):
    """Someone said "not now": the bot stays out of their threads until then."""

    __tablename__ = "quiet_until"
    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32))
    until: Mapped[datetime]
    # Not indexed alone (`TeamScoped` would): the unique (team_id, user_id) leads with it
    # (migration 0033).
    team_id: Mapped[str] = mapped_column(String(32))
