"""Where else to ask: the channels where others posted questions on the topic, counted by
the database over the newest posted questions only (issue 14: `/ask` costs the same whatever
the history)."""

from __future__ import annotations

from itertools import count

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.questions.discussed import channels_discussing
from storage import questions as q
from storage.models import Question

T = "T1"
KEYS = count()


async def posted(
    sessions: async_sessionmaker[AsyncSession],
    channel: str,
    topics: list[str],
    *,
    asker: str = "UCAROL",
    private: bool = False,
    command: bool = False,
) -> None:
    async with sessions() as s, s.begin():
        await q.add_question(
            s,
            team_id=T,
            asker_user_id=asker,
            channel_id=channel,
            message_ts=None if command else "1.0",
            text="…",
            topics=topics,
            is_private=private,
            idempotency_key=f"k{next(KEYS)}",
        )


async def where(
    sessions: async_sessionmaker[AsyncSession],
    topics: list[str],
    asker: str = "UALICE",
    *,
    channel: str = "D1",
    message_ts: str | None = None,
) -> list[str]:
    question = Question(
        team_id=T, asker_user_id=asker, topics=topics, channel_id=channel, message_ts=message_ts
    )
    async with sessions() as s:
        return await channels_discussing(s, question)


async def test_busiest_public_channels_on_the_topics_first(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await posted(sessions, "CINFRA", ["terraform", "aws"])
    await posted(sessions, "COPS", ["terraform"])
    await posted(sessions, "CINFRA", ["terraform"])
    await posted(sessions, "CDEV", ["kafka", "terraform"])  # a tie with COPS, and newer
    await posted(sessions, "CSECRET", ["terraform"], private=True)
    await posted(sessions, "CSECRET", ["terraform"], private=True)
    await posted(sessions, "CMINE", ["terraform"], asker="UALICE")
    await posted(sessions, "CMINE", ["terraform"], asker="UALICE")
    await posted(sessions, "CASK", ["terraform"], command=True)
    await posted(sessions, "CASK", ["terraform"], command=True)
    await posted(sessions, "CNEAR", ["terraform-cloud", "ci_cd"])
    assert await where(sessions, ["terraform"]) == ["CINFRA", "CDEV", "COPS"]
    assert await where(sessions, ["kafka", "aws"]) == ["CDEV", "CINFRA"]
    assert await where(sessions, ["ci-cd"]) == []  # `_` is no wildcard
    assert await where(sessions, ["ci_cd"]) == ["CNEAR"]
    assert await where(sessions, []) == []
    assert await where(sessions, ["terraform"], asker="UCAROL") == ["CMINE"]


async def test_only_the_newest_questions_count(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await posted(sessions, "COLD", ["café"])
    await posted(sessions, "COLD", ["café"])
    for _ in range(3):
        await posted(sessions, "CNEW", ["café"])
    async with sessions() as s:
        everything = await q.channels_discussing(s, T, ["café"], "UALICE")
        newest = await q.channels_discussing(s, T, ["café"], "UALICE", window=3)
    assert everything == ["CNEW", "COLD"] and newest == ["CNEW"]


async def test_the_channel_the_question_was_posted_in_is_not_where_else(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Iris, asking in #general, was told "It has come up in #general: try asking there",
    in her question's thread in #general. A question posted there is already there; an
    `/ask` typed in it was never seen by the channel, so the channel is still worth naming."""
    await posted(sessions, "CGENERAL", ["terraform"])
    await posted(sessions, "CGENERAL", ["terraform"])
    await posted(sessions, "CINFRA", ["terraform"])
    assert await where(sessions, ["terraform"], channel="CGENERAL", message_ts="2.0") == ["CINFRA"]
    assert await where(sessions, ["terraform"], channel="CGENERAL") == ["CGENERAL", "CINFRA"]
