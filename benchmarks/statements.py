"""SQL statements and CPU per user-visible operation, the whole bot in this process.

The end-to-end harness (`tests/e2e/harness.py`: the emulator, `askaround serve`'s runner, a
SQLite file) with `PEOPLE` colleagues, a few of them namesakes, who declared skills and
thanked each other. Each operation is done `--repeat` times, one at a time, and waited for to
its end (its outbox deliveries sent): a recognition (`/kudos`, its shout-out and DM), a
question (`/ask`: suggest, the offers DMed to helpers), the Home tab opened, the leaderboard
(`/kudos top`), a manager's report (`/kudos report`), a `:kudos:` reaction to a colleague's
message (posted beforehand, its shout-out and DM) and a question's whole life (`answered`:
asked with `/ask`, one of those asked presses *I can help*, the asker *Solved*, then *Give
kudos* on the invitation, each step's deliveries sent before the next). `home_build` is the
Home tab's reads alone (`handlers.outbox.home.home_sections`, in a task of its own, no Slack
call): its CPU is the build's, where the others' include the waits' polling of the outbox.
For each: the statements the bot ran (an SQLAlchemy `before_cursor_execute` listener on every
engine; the benchmark's own reads, such as how many deliveries wait, are not counted), median
and range over the repeats, and the process's CPU (`time.process_time`: the emulator's share
included, the same on both sides of a comparison). The JSON lists each operation's statements
by their first words.

    python -m benchmarks.statements              # 10 of each
    python -m benchmarks.statements --repeat 3
    python -m benchmarks.statements --only answered   # one operation (repeatable)
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select, update
from sqlalchemy.engine import Engine

from benchmarks.machine import command_line, describe, save
from handlers.outbox.home import home_sections
from storage import workspaces
from storage.models import Offer, Person, Question
from tests.e2e.harness import DEFAULT_PEOPLE, Harness, PersonSpec, running_bot

PEOPLE = 60
SKILLS = ("postgres", "kubernetes", "kafka", "terraform")
# Words for `answered`'s questions, three to each, no two questions sharing more than one,
# lest one be taken for another already solved (`SolvedFinder.similar`).
WORDS = (
    "bucket lock drift vault replica index shard backup quota cache tunnel ingress rollback "
    "mirror cron webhook ledger schema cursor vacuum sidecar canary quorum tombstone gossip "
    "lease beacon cipher spool mutex"
).split()


def apart(words: list[str]) -> list[tuple[str, ...]]:
    """Triples of `words`, each sharing at most one word with any other (some 100 of 30)."""
    chosen: list[tuple[str, ...]] = []
    for triple in itertools.combinations(words, 3):
        if all(len(set(triple) & set(other)) <= 1 for other in chosen):
            chosen.append(triple)
    return chosen


class Statements:
    """Counts the statements run outside the benchmark's own task."""

    def __init__(self) -> None:
        self.own: asyncio.Task[Any] | None = None
        self.seen: Counter[str] = Counter()

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        try:
            if asyncio.current_task() is self.own:
                return
        except RuntimeError:  # no loop: a thread of the bot's
            pass
        self.seen[" ".join(statement.split()[:6])] += 1

    def take(self) -> Counter[str]:
        seen, self.seen = self.seen, Counter()
        return seen


def colleagues() -> tuple[PersonSpec, ...]:
    """Colleagues, every tenth one a namesake of the one before (their names told apart)."""
    people = []
    for n in range(PEOPLE):
        name = f"Person {n - 1:02d}" if n % 10 == 9 else f"Person {n:02d}"
        people.append(PersonSpec(f"p{n:02d}", name))
    return tuple(people)


async def prepare(slack: Harness, people: tuple[PersonSpec, ...], repeat: int) -> list[Any]:
    """The company staged; returns the messages the reactions are to, one a repeat."""
    idle = getattr(slack.runner.bot.scheduler, "idle", None)
    if idle is not None:
        await idle()
    slack.services.clock.thaw()
    async with slack.services.sessions() as s, s.begin():
        await workspaces.configure(s, slack.team_id, daily_allowance=100_000)
    for n, person in enumerate(people):
        skill = f"{SKILLS[n % len(SKILLS)]}:{n % 5 + 1}"
        await slack.command(person.handle, "/skills", f"add {skill}")
    for n in range(len(people)):
        giver, receiver = people[n].handle, people[(n * 7 + 3) % len(people)].handle
        await slack.command(giver, "/kudos", f"@{receiver} for warming up, no. {n}")
    await slack.drain(within=300)
    async with slack.services.sessions() as s, s.begin():
        # Maria manages everyone (once the directory's catch-up is done): her report names
        # them all.
        await s.execute(
            update(Person)
            .where(Person.user_id != slack.user("maria"))
            .values(manager_user_id=slack.user("maria"))
        )
    slack.services.indexes.invalidate(slack.team_id)
    posted = [
        await slack.post(people[(n * 11 + 5) % len(people)].handle, "general", f"shipped no. {n}")
        for n in range(repeat)
    ]
    await slack.drain(within=300)
    return posted


def operations(
    slack: Harness, people: tuple[PersonSpec, ...], posted: list[Any]
) -> dict[str, Callable[[int], Awaitable[Any]]]:
    def person(n: int) -> str:
        return people[n % len(people)].handle

    async def recognition(n: int) -> Any:
        text = f"@{person(n * 3 + 1)} for the review, no. {n}"
        return await slack.command(person(n), "/kudos", text)

    async def question(n: int) -> Any:
        text = f"how do we debug our {SKILLS[n % len(SKILLS)]} setup, problem number {n:04d}?"
        return await slack.command(person(n * 5 + 2), "/ask", text)

    async def home(n: int) -> Any:
        return await slack.here.open_home(slack.user(person(n)))

    async def home_build(n: int) -> Any:
        built = home_sections(slack.services, slack.team_id, slack.user(person(n)))
        return await asyncio.create_task(built)

    async def leaderboard(n: int) -> Any:
        return await slack.command(person(n), "/kudos", "top month")

    async def report(_n: int) -> Any:
        await slack.command("maria", "/kudos", "report this week")
        await slack.settle()
        said = slack.emu.ephemerals(slack.user("maria"))[-1].text
        assert "received" in said, said

    triples = apart(WORDS)

    async def answered(n: int) -> Any:
        skill, asker = SKILLS[n % len(SKILLS)], person(n * 5 + 4)
        await slack.command(asker, "/ask", f"{skill} {' '.join(triples[n])}?")
        await slack.drain(within=300)
        async with slack.services.sessions() as s:
            asked = select(func.max(Question.id)).scalar_subquery()
            sent = select(Offer).where(Offer.question_id == asked, Offer.dm_ts.is_not(None))
            offer = (await s.scalars(sent.order_by(Offer.id).limit(1))).one()
        assert offer.dm_channel_id is not None
        request = next(m for m in slack.emu.messages(offer.dm_channel_id) if m.ts == offer.dm_ts)
        await slack.emu.click(offer.candidate_user_id, "offer_accept", message=request)
        await slack.drain(within=300)
        await slack.emu.click_button(slack.user(asker), "Solved")
        await slack.drain(within=300)
        await slack.emu.click_button(slack.user(asker), "Give kudos")

    async def reaction(n: int) -> Any:
        message = posted[n]
        return await slack.emu.add_reaction(
            slack.user(person(n * 3 + 2)), message.channel, message.ts, "kudos"
        )

    return {
        "recognition": recognition,
        "question": question,
        "home": home,
        "home_build": home_build,
        "leaderboard": leaderboard,
        "report": report,
        "answered": answered,
        "reaction": reaction,
    }


async def run(repeat: int, only: list[str] | None = None) -> dict[str, Any]:
    counting = Statements()
    counting.own = asyncio.current_task()
    event.listen(Engine, "before_cursor_execute", counting)
    people = colleagues()
    figures: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
            async with running_bot(Path(tmp), people=(*DEFAULT_PEOPLE, *people)) as slack:
                posted = await prepare(slack, people, repeat)
                for name, operation in operations(slack, people, posted).items():
                    if only and name not in only:
                        continue
                    counts, cpu, shapes = [], [], Counter[str]()
                    for n in range(repeat):
                        await slack.drain(within=300)
                        counting.take()
                        started = time.process_time()
                        await operation(n)
                        await slack.drain(within=300)
                        cpu.append(time.process_time() - started)
                        seen = counting.take()
                        counts.append(sum(seen.values()))
                        shapes.update(seen)
                    figures[name] = {
                        "statements_median": statistics.median(counts),
                        "statements_min": min(counts),
                        "statements_max": max(counts),
                        "cpu_ms_median": round(statistics.median(cpu) * 1000, 1),
                        "shapes": {k: round(v / repeat, 2) for k, v in shapes.most_common()},
                    }
                    row = figures[name]
                    print(
                        f"  {name:<12} statements {row['statements_median']:>5} "
                        f"({row['statements_min']}–{row['statements_max']}), "
                        f"CPU {row['cpu_ms_median']} ms (process, median)",
                        flush=True,
                    )
    finally:
        event.remove(Engine, "before_cursor_execute", counting)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--only", action="append", help="an operation's name (repeatable)")
    args = parser.parse_args()
    machine = describe()
    figures = asyncio.run(run(args.repeat, args.only))
    save("statements", machine, command_line(), {"people": PEOPLE, "operations": figures})


if __name__ == "__main__":
    main()
