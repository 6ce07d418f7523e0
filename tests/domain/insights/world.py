"""A small company with a hand-made quarter of help, for the insights tests.

    boss (Lead, alone: too small, left out of team figures)
    ├─ maria ── Platform: alice, bob, dev; Tiny (2 people: tom, tia) merges into Platform
    ├─ sam ──── Data: gina, hugo
    ├─ vic ──── Sales: wes, xia
    └─ lea ──── Legal: lou, lyn (only helps itself: a silo)
    olga (Sales): the "admin" role

- terraform: dev at 5 (imported, which counts as declared) is the only expert (alice at 3,
  bob interested): a knowledge risk; alice's network has a contact about it named MARK_NET
  (a count, never shown)
- postgresql: bob and gina at 4: no risk; kafka: asked 3 times, declared by nobody
- bob took on 3 public questions from Data and Sales, never thanked: an unsung connector
- xia thanked hugo twice in public: a connector, thanked
- wes thanked tom 3 times in private (MARK_PRIVATE): counts between teams, names nobody
- xia's questions were offered twice to Data, and nobody took them on: an unanswered pair
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Connection, Kudos, Offer, Person, PersonSkill, Question, Skill

TEAM = "T1"
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
MARK_PRIVATE, MARK_NET = "quokkapriv", "quokkanet"
PEOPLE = {  # handle: (team, manager, roles)
    "boss": ("Lead", None, ()),
    "maria": ("Platform", "boss", ()),
    "alice": ("Platform", "maria", ()),
    "bob": ("Platform", "maria", ()),
    "dev": ("Platform", "maria", ()),
    "tom": ("Tiny", "maria", ()),
    "tia": ("Tiny", "tom", ()),
    "sam": ("Data", "boss", ()),
    "gina": ("Data", "sam", ()),
    "hugo": ("Data", "sam", ()),
    "vic": ("Sales", "boss", ()),
    "wes": ("Sales", "vic", ()),
    "xia": ("Sales", "vic", ()),
    "olga": ("Sales", "vic", ("admin",)),
    "lea": ("Legal", "boss", ()),
    "lou": ("Legal", "lea", ()),
    "lyn": ("Legal", "lea", ()),
}
SKILLS = {
    "dev": {"terraform": 5},
    "alice": {"terraform": 3},
    "bob": {"postgresql": 4},
    "gina": {"postgresql": 4},
}


def uid(handle: str) -> str:
    return f"U{handle.upper()}"


async def seed(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        ids = {}
        for handle, (team, manager, roles) in PEOPLE.items():
            person = Person(
                team_id=TEAM, user_id=uid(handle), name=handle, real_name=handle.title(),
                team_name=team, manager_user_id=uid(manager) if manager else None,
                roles=list(roles), interests=["terraform"] if handle == "bob" else [],
            )  # fmt: skip
            s.add(person)
            await s.flush()
            ids[handle] = person.id
        skills = {}
        for key in ("terraform", "postgresql", "kafka"):
            skill = Skill(team_id=TEAM, key=key, name=key.title())
            s.add(skill)
            await s.flush()
            skills[key] = skill.id
        for handle, levels in SKILLS.items():
            for key, level in levels.items():
                s.add(
                    PersonSkill(
                        team_id=TEAM,
                        person_id=ids[handle],
                        skill_id=skills[key],
                        level=level,
                        source="imported" if handle == "dev" else "declared",
                    )
                )
        s.add(
            Connection(
                team_id=TEAM,
                person_id=ids["alice"],
                contact_name=f"{MARK_NET} club",
                topics=["terraform"],
            )
        )
        day = NOW - timedelta(days=10)
        for asker, topic in (("gina", "postgresql"), ("hugo", "postgresql"), ("wes", "sql")):
            s.add(question_row(asker, "bob", "solved", [topic], day))
        for _ in range(3):
            s.add(question_row("wes", None, "unanswered", ["kafka"], day))
        s.add(question_row("lou", "lyn", "solved", ["contracts"], day))
        for n in range(2):
            s.add(_kudos("xia", "hugo", False, f"the churn model {n}", day))
        for n in range(3):
            s.add(_kudos("wes", "tom", True, f"{MARK_PRIVATE} deal {n}", day))
        s.add(_kudos("alice", "dev", False, "the terraform state unlock", day))
        await s.flush()
        for candidate in ("gina", "hugo"):
            question = question_row("xia", None, "unanswered", ["forecasting"], day)
            s.add(question)
            await s.flush()
            s.add(
                Offer(
                    team_id=TEAM,
                    question_id=question.id,
                    candidate_user_id=uid(candidate),
                    status="expired",
                    dm_channel_id="D1",
                    dm_ts="1.000001",  # received, and let run out
                )
            )


def question_row(
    asker: str, helper: str | None, status: str, topics: list[str], at: datetime
) -> Question:
    return Question(
        team_id=TEAM, asker_user_id=uid(asker), channel_id="C1", text="?", topics=topics,
        status=status, helper_user_id=uid(helper) if helper else None, created_at=at,
        source="message", message_ts=f"{at.timestamp():.6f}",  # posted: public help names
    )  # fmt: skip


def _kudos(giver: str, receiver: str, private: bool, message: str, at: datetime) -> Kudos:
    return Kudos(
        team_id=TEAM, giver_user_id=uid(giver), receiver_user_id=uid(receiver), message=message,
        is_private=private, source="command", idempotency_key=f"{giver}{receiver}{message}",
        created_at=at,
    )  # fmt: skip
