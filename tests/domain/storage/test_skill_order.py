"""Declared skills get their ids in the order they were first declared. A skill's id breaks
ties in routing, so an id order taken from a set of strings (which changes from one Python
process to the next) made `askaround eval routing` print different figures run to run."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import wall_clock
from storage.evidence import declare_skills
from storage.models import Skill
from storage.people import upsert_profile

KEYS = [f"skill-{letter}" for letter in "qwertyuiopasdfghjklzxcvbnm"]


async def test_skill_ids_follow_the_order_of_declaration(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        for user in ("U1", "U2"):
            await upsert_profile(session, "T1", user, name=user)
        levels = {"U1": dict.fromkeys(KEYS[:13], 2), "U2": dict.fromkeys(KEYS[10:], 3)}
        await declare_skills(session, "T1", levels, at=wall_clock())
    async with sessions() as session:
        stored = (await session.scalars(select(Skill.key).order_by(Skill.id))).all()
    assert stored == KEYS
