"""`askaround eval routing`: replay a StackExchange-style folder through the real engine.

The folder has people.jsonl (declared skills), history.jsonl (past questions and who
answered) and questions.jsonl (questions to route, `accepted` is the answer key). People and
history go into a fresh database through `storage`, the index is loaded the way the bot
loads it, and each question is routed by `RoutingIndex.suggest`.
"""

from __future__ import annotations

import heapq
import json
import math
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import wall_clock
from bot.errors import AskaroundError
from bot.progress import progress_bar
from bot.routing.engine import RoutingIndex
from bot.routing.scoring import MAX_LEVEL, QUESTION_POOL, Scored
from bot.routing.text import tokens
from bot.visibility import may_see_question, person
from storage.evidence import declare_skills, record_solved_questions
from storage.people import upsert_profile
from storage.routing import SolvedQuestion

T = TypeVar("T")
TEAM_ID = "TEVAL"
CHANNEL_ID = "CEVAL"
FILES = ("people.jsonl", "history.jsonl", "questions.jsonl")
TOP = 10
SIMILAR = 50
SHOWN = 3
UNLEVELLED = 3
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class DatasetError(AskaroundError):
    """The evaluation folder is missing a file or has a malformed line."""


@dataclass(frozen=True)
class Dataset:
    people: list[dict[str, Any]]
    history: list[dict[str, Any]]
    questions: list[dict[str, Any]]


@dataclass(frozen=True)
class Metrics:
    method: str
    p_at_1: float
    r_at_3: float
    r_at_10: float
    mrr: float
    ndcg_at_10: float
    p50_ms: float
    p99_ms: float

    def line(self) -> str:
        return (
            f"{self.method} P@1={self.p_at_1:.3f} R@3={self.r_at_3:.3f} "
            f"R@10={self.r_at_10:.3f} MRR={self.mrr:.3f} nDCG@10={self.ndcg_at_10:.3f} "
            f"p50_ms={self.p50_ms:.1f} p99_ms={self.p99_ms:.1f}"
        )


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise DatasetError(f"{path}: no such file")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise DatasetError(
                    f"{path}:{number}: bad JSON ({error.msg} column {error.colno})"
                ) from None
            if not isinstance(row, dict):
                raise DatasetError(f"{path}:{number}: expected a JSON object")
            yield row


def _require(path: Path, rows: list[dict[str, Any]], fields: tuple[str, ...]) -> None:
    for number, row in enumerate(rows, 1):
        missing = [f for f in fields if f not in row]
        if missing:
            raise DatasetError(f"{path}: object {number} lacks {', '.join(missing)}")


def read_dataset(folder: Path) -> Dataset:
    """The folder's three files, each person named by a string wherever they appear (a dump
    may number its users: 7 and "7" are one person), or DatasetError saying what is wrong."""
    if folder.is_file():
        raise DatasetError(f"{folder} is a file: give the benchmark folder ({', '.join(FILES)})")
    if not folder.is_dir():
        raise DatasetError(f"{folder} does not exist")
    people, history, questions = (list(_lines(folder / name)) for name in FILES)
    _require(folder / FILES[0], people, ("user", "skills"))
    for name, rows in ((FILES[1], history), (FILES[2], questions)):
        _require(folder / name, rows, ("asker", "text"))
    for number, row in enumerate(people, 1):
        row["user"] = str(row["user"])
        row["skills"] = _levels(row["skills"], f"{folder / FILES[0]}: object {number}")
    for row in (*history, *questions):
        row["asker"] = str(row["asker"])
        if row.get("accepted") is not None:
            row["accepted"] = str(row["accepted"])
        row["answered_by"] = [str(u) for u in row.get("answered_by") or ()]
        row["text"] = str(row["text"] or "")
    known = {row["user"] for row in people}
    if not any(scored_question(q, known) for q in questions):
        raise DatasetError(
            f"{folder / FILES[2]}: no question's accepted answerer is in {FILES[0]}: "
            "nothing to score"
        )
    return Dataset(people, history, questions)


def scored_question(question: dict[str, Any], people: set[str]) -> bool:
    """Whether a question to route is scored: its accepted answerer is one of the people and
    not its asker (who is never suggested, so a self-answered question cannot be routed)."""
    accepted = question.get("accepted")
    return accepted in people and accepted != question["asker"]


def _levels(skills: Any, where: str) -> dict[str, int]:
    """A person's declared skills as name → level 1–5 (a level outside is brought to the
    nearest end). A plain list of names (a dump that kept no levels) declares each at the
    middle level; null is no skills."""
    if skills is None:
        return {}
    if isinstance(skills, list) and all(isinstance(name, str) for name in skills):
        return dict.fromkeys(skills, UNLEVELLED)
    if isinstance(skills, dict):
        try:
            return {
                str(name): min(MAX_LEVEL, max(1, round(float(level))))
                for name, level in skills.items()
            }
        except (TypeError, ValueError):
            pass
    raise DatasetError(f"{where}: skills must map each name to a level 1-{MAX_LEVEL}")


def helper_of(row: dict[str, Any]) -> str | None:
    """Who helped with a past question: its accepted answerer, or when no answer was accepted,
    the first to answer (a question answered but never accepted still says who helps with
    what); None when nobody answered."""
    if accepted := row.get("accepted"):
        return str(accepted)
    answered = row.get("answered_by") or ()
    return str(answered[0]) if answered else None


def solved_questions(history: list[dict[str, Any]]) -> list[SolvedQuestion]:
    """The history's answered questions as the bot stores solved ones, oldest first."""
    return [
        SolvedQuestion(
            asker_user_id=str(row["asker"]),
            text=str(row["text"]),
            helper_user_id=helper,
            answerer_user_ids=tuple(
                dict.fromkeys((helper, *(str(u) for u in row.get("answered_by") or ())))
            ),
            created_at=EPOCH + timedelta(hours=position),
        )
        for position, row in enumerate(history)
        if (helper := helper_of(row)) is not None
    ]


async def load_dataset(
    sessions: async_sessionmaker[AsyncSession], dataset: Dataset, team_id: str = TEAM_ID
) -> None:
    """Write people, declared skills and solved history through the bot's storage code."""
    async with sessions() as session, session.begin():
        for person in _progress(dataset.people, "people", "person"):
            await upsert_profile(session, team_id, str(person["user"]), name=str(person["user"]))
        levels = {str(p["user"]): p["skills"] for p in dataset.people}
        now = wall_clock()  # the dataset's history is dated from EPOCH: its skills are later
        await declare_skills(session, team_id, levels, at=now)
        solved = solved_questions(dataset.history)
        await record_solved_questions(
            session, team_id, _progress(solved, "history", "question"), CHANNEL_ID, now
        )


def metrics_of(method: str, ranks: list[int | None], latencies: list[float]) -> Metrics:
    count = len(ranks) or 1
    found = [r for r in ranks if r is not None]
    ordered = sorted(latencies) or [0.0]
    return Metrics(
        method=method,
        p_at_1=sum(r == 1 for r in found) / count,
        r_at_3=sum(r <= 3 for r in found) / count,
        r_at_10=sum(r <= 10 for r in found) / count,
        mrr=sum(1.0 / r for r in found) / count,
        ndcg_at_10=sum(1.0 / math.log2(r + 1) for r in found if r <= 10) / count,
        p50_ms=1000 * ordered[len(ordered) // 2],
        p99_ms=1000 * ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)],
    )


def rank_of(target: str, ranking: list[str], fallback: list[str], asker: str) -> int | None:
    seen = set(ranking)
    full = ranking + [u for u in fallback if u not in seen and u != asker]
    try:
        return full.index(target) + 1
    except ValueError:
        return None


def full_ranking(index: RoutingIndex, scored: Scored, asker: str, top: list[str]) -> list[str]:
    """The engine's order past its first suggestions, for MRR over everyone.

    `suggest` (timed) decides the top; the rest of the order comes from the same scores.
    """
    rest = index.rank(scored, asker)
    seen = set(top)
    return top + [u for u in rest if u not in seen]


def bm25_votes(index: RoutingIndex, text: str, asker: str) -> list[str]:
    """The text baseline: the answerers of the SIMILAR most similar past questions (plain
    BM25, no recency, no title boost) vote with each question's similarity."""
    evidence = index.evidence
    query = evidence.questions.query(tokens(text))
    pool: set[int] = set()
    query.candidates(pool, QUESTION_POOL)
    top = heapq.nlargest(SIMILAR, query.scores(pool).items(), key=lambda item: item[::-1])
    votes: dict[str, float] = defaultdict(float)
    names = evidence.people.names
    for position, similarity in top:
        for answerer in evidence.history.answerers(position):
            votes[names[answerer]] += similarity
    votes.pop(asker, None)
    return sorted(votes, key=lambda u: (-votes[u], -index.past_answers(u), u))


def reused(index: RoutingIndex, scored: Scored, asker: str, gold: str) -> bool:
    """Whether one of the SHOWN most similar solved questions the asker may see (the engine's
    similar-question ranking, `Scored.similar`) was answered by the gold answerer."""
    history = index.evidence.history
    shown = [
        past
        for position, _ in scored.similar
        if may_see_question(
            person(asker),
            (past := history[position]).asker,
            past.answerers,
            is_private=past.is_private,
        )
    ][:SHOWN]
    return any(past.helper == gold for past in shown)


def keep_history(dataset: Dataset, fraction: float) -> Dataset:
    """The dataset with only the latest `fraction` of its history (a younger workspace)."""
    kept = dataset.history[len(dataset.history) - round(fraction * len(dataset.history)) :]
    return Dataset(dataset.people, kept if fraction > 0 else [], dataset.questions)


@dataclass(frozen=True)
class Evaluation:
    """The engine and both baselines on the same questions, and how often the solved
    questions shown first had the gold answerer as their helper (`reused`). `scored` of the
    `asked` questions to route count: with a few dozen, one question moves MRR by hundredths.
    `ranks` are the engine's rank of each scored question's gold answerer (None: nowhere), in
    the folder's order, so two runs can be compared question by question."""

    engine: Metrics
    popularity: Metrics
    bm25: Metrics
    solved_reuse: float
    scored: int
    asked: int
    ranks: tuple[int | None, ...] = ()

    @property
    def methods(self) -> tuple[Metrics, Metrics, Metrics]:
        return self.engine, self.popularity, self.bm25


def evaluate(index: RoutingIndex, dataset: Dataset) -> Evaluation:
    """Route every scored question with the engine and both baselines. The engine's timed
    `suggest` decides its top; one more scoring of the question gives the rest of its order
    and the solved questions shown."""
    people = {str(p["user"]) for p in dataset.people}
    popular = sorted(people, key=lambda u: (-index.past_answers(u), u))
    targets = [q for q in dataset.questions if scored_question(q, people)]
    methods: dict[str, Callable[[str, str], list[str]]] = {
        "engine": lambda text, asker: [s.user_id for s in index.suggest(text, asker)],
        "popularity": lambda text, asker: [u for u in popular if u != asker][:TOP],
        "bm25": lambda text, asker: bm25_votes(index, text, asker),
    }
    results = []
    hits = 0
    engine_ranks: list[int | None] = []
    for method, route in methods.items():
        ranks: list[int | None] = []
        latencies: list[float] = []
        for question in _progress(targets, method, "question"):
            text, asker, gold = str(question["text"]), str(question["asker"]), question["accepted"]
            started = time.perf_counter()
            ranking = route(text, asker)
            latencies.append(time.perf_counter() - started)
            if method == "engine":
                scored = index.score(text)
                ranking = full_ranking(index, scored, asker, ranking)
                hits += reused(index, scored, asker, gold)
            ranks.append(rank_of(gold, ranking, popular, asker))
        results.append(metrics_of(method, ranks, latencies))
        if method == "engine":
            engine_ranks = ranks
    engine, popularity, bm25 = results
    return Evaluation(
        engine,
        popularity,
        bm25,
        hits / (len(targets) or 1),
        len(targets),
        len(dataset.questions),
        tuple(engine_ranks),
    )


def _progress(items: Collection[T], desc: str, unit: str) -> Iterable[T]:
    """A progress bar on a terminal, gone once done; none when standard error is piped."""
    bar: Iterable[T] = progress_bar(desc, unit, total=len(items), items=items, leave=False)
    return bar
