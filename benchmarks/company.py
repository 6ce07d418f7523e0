"""A synthetic company, the same for every benchmark given its size and seed.

People sit in an org chart with eight reports per manager; each declares 10–20 skills drawn
from the shipped vocabulary plus a long tail of rarer ones (popularity falls off like Zipf's
law, as tags do on Stack Overflow); a year of history has two solved questions and two kudos
per person. Deterministic, so two runs (or SQLite and PostgreSQL) see the same company.
"""

from __future__ import annotations

import csv
import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

FAN_OUT = 8
TAIL_SKILLS = 1900
ZIPF = 0.9
ZONES = ("Europe/London", "Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC")
OPENINGS = (
    "how do we",
    "anyone know how to",
    "what is the best way to",
    "can someone help me",
    "is there a guide to",
    "who can explain how to",
    "stuck trying to",
    "how should I",
)
VERBS = (
    "rotate",
    "debug",
    "upgrade",
    "tune",
    "migrate",
    "monitor",
    "secure",
    "deploy",
    "configure",
    "test",
    "scale",
    "benchmark",
    "document",
    "back up",
    "restore",
    "profile",
    "refactor",
    "package",
    "version",
    "cache",
    "index",
    "shard",
    "retry",
    "throttle",
)
PLACES = (
    "for the billing service",
    "on staging",
    "in the nightly batch",
    "behind the proxy",
    "for the mobile release",
    "in the data warehouse",
    "across regions",
    "for customers",
    "during the migration",
    "in the onboarding flow",
    "for the search cluster",
    "without downtime",
    "in the CI pipeline",
    "for the audit",
    "on the new laptops",
    "in the payments API",
    "for the quarterly report",
    "under heavy load",
    "at night",
    "for the partner integration",
    "in the monorepo",
    "for GDPR requests",
    "in the analytics dashboards",
    "on the edge nodes",
    "for the hackathon",
)
VALUES = ("teamwork", "ownership", "customer-first", "craft", "courage")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Member:
    user_id: str
    handle: str
    name: str
    email: str
    tz: str
    manager: str | None
    skills: dict[str, int]


@dataclass(frozen=True)
class Solved:
    asker: str
    helper: str
    text: str
    at: datetime


@dataclass(frozen=True)
class Thanks:
    giver: str
    receiver: str
    message: str
    values: tuple[str, ...]
    at: datetime


def user_id(number: int) -> str:
    return f"U{number:08d}"


def vocabulary() -> list[str]:
    """Shipped skill keys first (the popular head), then invented rare ones (the tail)."""
    shipped = Path(__file__).parents[1] / "bot" / "data" / "skill_names.csv"
    with shipped.open(encoding="utf-8") as handle:
        head = [row["skill"] for row in csv.DictReader(handle)]
    letters = "bcdfghjklmnpqrstvwxz"
    tail = []
    for n in range(TAIL_SKILLS):
        word = "".join(letters[(n // 20**k) % 20] for k in range(3))
        tail.append(f"sk{word}ix")
    return head + tail


class Company:
    def __init__(self, size: int, seed: int = 7) -> None:
        self.size = size
        self.skills = vocabulary()
        self._cumulative = list(accumulate(1.0 / (r + 1) ** ZIPF for r in range(len(self.skills))))
        rng = random.Random(seed)
        self.members = [self._member(n, rng) for n in range(size)]
        self._by_skill: dict[str, list[str]] = {}
        for member in self.members:
            for key in member.skills:
                self._by_skill.setdefault(key, []).append(member.user_id)

    def _pick_skills(self, rng: random.Random, count: int) -> list[str]:
        total = self._cumulative[-1]
        chosen: dict[str, None] = {}
        while len(chosen) < count:
            chosen[self.skills[bisect(self._cumulative, rng.random() * total)]] = None
        return list(chosen)

    def _member(self, n: int, rng: random.Random) -> Member:
        skills = {key: rng.randint(1, 5) for key in self._pick_skills(rng, rng.randint(10, 20))}
        return Member(
            user_id=user_id(n),
            handle=f"person{n}",
            name=f"Person {n}",
            email=f"person{n}@bench.example",
            tz=ZONES[n % len(ZONES)],
            manager=user_id((n - 1) // FAN_OUT) if n else None,
            skills=skills,
        )

    def managers(self) -> list[str]:
        """Everyone with at least one report, deepest (first-line) managers first."""
        bosses = {m.manager for m in self.members if m.manager}
        return sorted(bosses, reverse=True)

    def question(self, rng: random.Random) -> tuple[str, str]:
        """A question about one or two skills, and the skill it is mostly about."""
        first, second = self._pick_skills(rng, 2)
        opening, verb, place = rng.choice(OPENINGS), rng.choice(VERBS), rng.choice(PLACES)
        return f"{opening} {verb} {first} with {second} {place}?", first

    def history(self, per_person: int = 2, seed: int = 11) -> Iterator[Solved]:
        """A year of solved questions, oldest first; the helper declared the main skill."""
        rng = random.Random(seed)
        count = per_person * self.size
        for k in range(count):
            text, topic = self.question(rng)
            asker = rng.choice(self.members).user_id
            experts = self._by_skill.get(topic) or [asker]
            helper = rng.choice(experts)
            yield Solved(asker, helper, text, NOW - timedelta(days=365 * (count - k) / count))

    def kudos(self, count: int, days: int = 365, seed: int = 13) -> Iterator[Thanks]:
        """`count` kudos over the last `days`, oldest first; mostly within the giver's team."""
        rng = random.Random(seed)
        members = self.members
        for k in range(count):
            giver = rng.choice(members)
            if giver.manager and rng.random() < 0.7:
                base = int(giver.manager[1:]) * FAN_OUT + 1
                receiver = user_id(min(self.size - 1, base + rng.randrange(FAN_OUT)))
            else:
                receiver = rng.choice(members).user_id
            if receiver == giver.user_id:
                receiver = user_id((int(receiver[1:]) + 1) % self.size)
            values = (rng.choice(VALUES),) if rng.random() < 0.8 else ()
            at = NOW - timedelta(seconds=days * 86400 * (count - k) / count)
            yield Thanks(giver.user_id, receiver, "for untangling the release build", values, at)
