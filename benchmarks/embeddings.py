"""Does a small shipped embedding model pay for itself in routing? (issue 15)

The candidate is wordllama (its 16 MB of weights ship inside the wheel, it runs on the CPU
with numpy). It is not a dependency of the app: run this with a Python that has it installed,
the checkout on the path:

    python -m venv /tmp/h7venv && /tmp/h7venv/bin/pip install wordllama SQLAlchemy[asyncio] \\
        aiosqlite alembic rapidfuzz networkx tzdata python-dotenv
    export PYTHONPATH=. OPENBLAS_NUM_THREADS=1
    /tmp/h7venv/bin/python -m benchmarks.embeddings           # both folders beside the checkout
    /tmp/h7venv/bin/python -m benchmarks.embeddings DIR [DIR ...] [--engine] [--max-tokens N]

One BLAS thread: numpy's default pool turns the 8,102 × 256 product of one question into
16 ms at the median on two busy cores, against 0.7 ms on one thread.

For each folder (../shared/data/routing-dba and routing-mathoverflow by default) people and
history are loaded as `askaround eval routing` loads them, and every scored question is
routed by:

- bm25: the repository's baseline (`bot.routing.evaluation.bm25_votes`): the answerers of the
  50 most similar past questions vote with each question's BM25 similarity;
- embed: the same vote, the similarity being the cosine between the question's embedding and
  each past question's (clipped at 0), over all of history;
- rrf-people: reciprocal-rank fusion (k=60) of the two rankings of people;
- rrf-questions: reciprocal-rank fusion of the two rankings of past questions, the 50 best
  of which vote with their fused score;
- with --engine, the engine itself and its ranking fused with the embedding vote the same way.

Printed and written to results/embeddings.json: MRR, R@3 and the other metrics per method,
the time to encode one question (p50/p99) and to route it, the time to embed the history
(the index) and the memory the model and the index add (VmRSS before and after, VmHWM).
Speed and memory are printed, never checked.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.machine import command_line, describe, latency_summary, save
from bot.routing.engine import RoutingIndex
from bot.routing.evaluation import (
    SIMILAR,
    TEAM_ID,
    Dataset,
    Metrics,
    bm25_votes,
    full_ranking,
    load_dataset,
    metrics_of,
    rank_of,
    read_dataset,
)
from bot.routing.loading import load_index
from bot.routing.scoring import QUESTION_POOL
from bot.routing.text import tokens
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head

DATA = Path(__file__).parents[2] / "shared" / "data"
FOLDERS = (DATA / "routing-dba", DATA / "routing-mathoverflow")
RRF_K = 60  # the usual constant of reciprocal-rank fusion

Route = Callable[[str, str], list[str]]


def memory_kib() -> dict[str, int]:
    """This process's resident memory now (VmRSS) and at its peak (VmHWM), in KiB."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


def load_model() -> Any:
    """wordllama's default model from the files inside its wheel, never from the network.

    `WordLlama.load()` alone looks for the tokenizer in `wordllama/tokenizer/` while the wheel
    ships it in `wordllama/tokenizers/`, and so downloads it (0.4.0.post1); pointing the cache
    at the package itself finds both files, and `disable_download` makes a miss an error."""
    import wordllama  # type: ignore[import-not-found]

    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


@dataclass
class Semantic:
    """The unit-length embeddings of the history, one row per past question."""

    model: Any
    matrix: np.ndarray

    def encode(self, text: str) -> np.ndarray:
        vector: np.ndarray = self.model.embed(text, norm=True)[0]
        return vector

    def similar(self, vector: np.ndarray) -> list[tuple[int, float]]:
        """The SIMILAR past questions nearest the vector, with their cosine (≥ 0)."""
        cosines = self.matrix @ vector
        count = min(SIMILAR, len(cosines))
        top = np.argpartition(-cosines, count - 1)[:count]
        return [(int(p), float(cosines[p])) for p in top if cosines[p] > 0]


def vote(index: RoutingIndex, similar: list[tuple[int, float]], asker: str) -> list[str]:
    """The answerers of the similar past questions vote with each one's similarity (the tie
    order of `bm25_votes`)."""
    votes: dict[str, float] = defaultdict(float)
    evidence = index.evidence
    names = evidence.people.names
    for position, similarity in similar:
        for answerer in evidence.history.answerers(position):
            votes[names[answerer]] += similarity
    votes.pop(asker, None)
    return sorted(votes, key=lambda u: (-votes[u], -index.past_answers(u), u))


def fuse(index: RoutingIndex, *rankings: list[str]) -> list[str]:
    """Reciprocal-rank fusion of rankings of people."""
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, user in enumerate(ranking, 1):
            scores[user] += 1.0 / (RRF_K + rank)
    return sorted(scores, key=lambda u: (-scores[u], -index.past_answers(u), u))


def bm25_questions(index: RoutingIndex, text: str) -> list[int]:
    """Past questions by BM25 similarity (the candidate pool of `bm25_votes`), best first."""
    query = index.evidence.questions.query(tokens(text))
    pool: set[int] = set()
    query.candidates(pool, QUESTION_POOL)
    scores = query.scores(pool)
    return sorted(scores, key=lambda p: (-scores[p], -p))


def fused_questions(
    index: RoutingIndex, semantic: Semantic, text: str, asker: str, vector: np.ndarray
) -> list[str]:
    """RRF of the past questions by BM25 and by cosine; the SIMILAR best vote."""
    fused: dict[int, float] = defaultdict(float)
    for rank, position in enumerate(bm25_questions(index, text)[:QUESTION_POOL], 1):
        fused[position] += 1.0 / (RRF_K + rank)
    cosines = semantic.matrix @ vector
    count = min(QUESTION_POOL, len(cosines))
    nearest = np.argpartition(-cosines, count - 1)[:count]
    for rank, position in enumerate(sorted(nearest, key=lambda p: -cosines[p]), 1):
        fused[int(position)] += 1.0 / (RRF_K + rank)
    top = heapq.nlargest(SIMILAR, fused.items(), key=lambda item: item[::-1])
    return vote(index, top, asker)


def history_texts(index: RoutingIndex, dataset: Dataset) -> list[str]:
    """The text of each past question at its position in the index (as `load_dataset` wrote
    them: the rows with an accepted answer, in order), checked against the index."""
    rows = [row for row in dataset.history if row.get("accepted")]
    history = index.evidence.history
    if len(rows) != len(history) or any(
        history[p].helper != str(row["accepted"]) or history[p].asker != str(row["asker"])
        for p, row in enumerate(rows)
    ):
        raise SystemExit("the index's history is not in the dataset's order")
    return [str(row["text"]) for row in rows]


def routes(
    index: RoutingIndex, semantic: Semantic, with_engine: bool
) -> tuple[dict[str, Route], list[float]]:
    """The methods, each text → ranking, and the list the encode times are appended to.

    The question's vector and the BM25 and embedding rankings are kept from the method that
    computed them for the fused methods run after it (`last`), so each method's latency is
    what it would cost on its own only for bm25 and embed; fusions add their own work."""
    encodes: list[float] = []
    last: dict[str, Any] = {}

    def embed(text: str, asker: str) -> list[str]:
        started = time.perf_counter()
        vector = semantic.encode(text)
        encodes.append(time.perf_counter() - started)
        last["vector"] = vector
        last["embed"] = vote(index, semantic.similar(vector), asker)
        return list(last["embed"])

    def bm25(text: str, asker: str) -> list[str]:
        last["bm25"] = bm25_votes(index, text, asker)
        return list(last["bm25"])

    def engine(text: str, asker: str) -> list[str]:
        top = [s.user_id for s in index.suggest(text, asker)]
        last["engine"] = full_ranking(index, index.score(text), asker, top)
        return list(last["engine"])

    methods: dict[str, Route] = {
        "bm25": bm25,
        "embed": embed,
        "rrf-people": lambda text, asker: fuse(index, last["bm25"], last["embed"]),
        "rrf-questions": lambda text, asker: fused_questions(
            index, semantic, text, asker, last["vector"]
        ),
    }
    if with_engine:
        methods["engine"] = engine
        methods["engine+embed"] = lambda text, asker: fuse(index, last["engine"], last["embed"])
    return methods, encodes


def evaluate(
    index: RoutingIndex, semantic: Semantic, dataset: Dataset, with_engine: bool
) -> tuple[list[Metrics], dict[str, float], dict[str, list[int | None]]]:
    """Every method on every scored question, question by question (so the fusions can reuse
    the rankings of the same question); latencies per method, the encode times and each
    method's rank of the gold answerer per question."""
    people = {str(p["user"]) for p in dataset.people}
    popular = sorted(people, key=lambda u: (-index.past_answers(u), u))
    targets = [q for q in dataset.questions if q.get("accepted") in people]
    methods, encodes = routes(index, semantic, with_engine)
    ranks: dict[str, list[int | None]] = {m: [] for m in methods}
    latencies: dict[str, list[float]] = {m: [] for m in methods}
    for question in targets:
        text, asker = str(question["text"]), str(question["asker"])
        for method, route in methods.items():
            started = time.perf_counter()
            ranking = route(text, asker)
            latencies[method].append(time.perf_counter() - started)
            ranks[method].append(rank_of(str(question["accepted"]), ranking, popular, asker))
    metrics = [metrics_of(m, ranks[m], latencies[m]) for m in methods]
    return metrics, latency_summary(encodes), ranks


def against(ranks: dict[str, list[int | None]], method: str, baseline: str) -> dict[str, Any]:
    """The method's MRR minus the baseline's, with a 95% paired bootstrap interval (2,000
    resamples of the questions): an interval that holds 0 is no evidence of a difference."""

    def reciprocal(name: str) -> np.ndarray:
        return np.array([1.0 / r if r else 0.0 for r in ranks[name]])

    gains = reciprocal(method) - reciprocal(baseline)
    draws = np.random.default_rng(15).integers(0, len(gains), (2000, len(gains)))
    low, high = np.percentile(gains[draws].mean(axis=1), [2.5, 97.5])
    return {
        "vs": baseline,
        "mrr_gain": round(float(gains.mean()), 4),
        "ci95": [round(float(low), 4), round(float(high), 4)],
    }


def encode_cost(semantic: Semantic, texts: list[str], repeats: int = 3) -> dict[str, float]:
    """Encoding each text, the best of a few tries: the CPU it costs, less of what the other
    processes on a loaded machine add (the routed runs' figures keep that)."""
    best = []
    for text in texts:
        tries = []
        for _ in range(repeats):
            started = time.perf_counter()
            semantic.encode(text)
            tries.append(time.perf_counter() - started)
        best.append(min(tries))
    return latency_summary(best)


async def measure(folder: Path, model: Any, with_engine: bool) -> dict[str, Any]:
    dataset = read_dataset(folder)
    with tempfile.TemporaryDirectory(prefix="askaround-embeddings-") as scratch:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(scratch) / 'eval.db'}")
        try:
            await upgrade_head(engine)
            sessions = create_sessions(engine)
            await load_dataset(sessions, dataset)
            index = await load_index(sessions, TEAM_ID)
        finally:
            await engine.dispose()
    texts = history_texts(index, dataset)
    before = memory_kib()
    started = time.perf_counter()
    semantic = Semantic(model, model.embed(texts, norm=True))
    built = time.perf_counter() - started
    after = memory_kib()
    metrics, encode, ranks = evaluate(index, semantic, dataset, with_engine)
    gains = {m: against(ranks, m, "bm25") for m in ranks if m not in ("bm25", "engine+embed")}
    if with_engine:
        gains["engine+embed"] = against(ranks, "engine+embed", "engine")
    best = encode_cost(semantic, [str(q["text"]) for q in dataset.questions])
    return {
        "folder": folder.name,
        "history": len(texts),
        "index_build_s": round(built, 2),
        "index_mib": round(semantic.matrix.nbytes / 2**20, 1),
        "index_rss_added_mib": round((after["VmRSS"] - before["VmRSS"]) / 1024, 1),
        "encode": encode,
        "encode_best_of_3": best,
        "methods": {m.method: vars(m) for m in metrics},
        "gains": gains,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS), metavar="DIR")
    parser.add_argument("--engine", action="store_true", help="also the engine, and fused")
    parser.add_argument(
        "--max-tokens", type=int, default=0, help="embed only a text's first N tokens"
    )
    args = parser.parse_args()
    for folder in args.folders:
        if not folder.is_dir():
            parser.error(f"no benchmark folder at {folder} (it is not in the repository)")
    machine = describe()
    before = memory_kib()
    started = time.perf_counter()
    model = load_model()
    loaded = time.perf_counter() - started
    if args.max_tokens:
        model.tokenizer.enable_truncation(max_length=args.max_tokens)
    after = memory_kib()
    figures: dict[str, Any] = {
        "model_load_s": round(loaded, 2),
        "max_tokens": args.max_tokens or None,
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "model_rss_added_mib": round((after["VmRSS"] - before["VmRSS"]) / 1024, 1),
        "sites": [],
    }
    print(f"model loaded in {loaded:.2f} s, +{figures['model_rss_added_mib']} MiB RSS")
    for folder in args.folders:
        site = asyncio.run(measure(folder, model, args.engine))
        figures["sites"].append(site)
        encode = site["encode"]
        print(
            f"{site['folder']}: {site['history']} past questions embedded in "
            f"{site['index_build_s']} s ({site['index_mib']} MiB, "
            f"+{site['index_rss_added_mib']} MiB RSS); encode one question "
            f"p50 {encode['p50_ms']} ms, p99 {encode['p99_ms']} ms (best of 3: p50 "
            f"{site['encode_best_of_3']['p50_ms']} ms, p99 {site['encode_best_of_3']['p99_ms']} ms)"
        )
        for name, m in site["methods"].items():
            print(
                f"  {name:14} MRR={m['mrr']:.3f} R@3={m['r_at_3']:.3f} P@1={m['p_at_1']:.3f} "
                f"R@10={m['r_at_10']:.3f} p50_ms={m['p50_ms']:.2f} p99_ms={m['p99_ms']:.2f}"
            )
        for name, gain in site["gains"].items():
            low, high = gain["ci95"]
            print(f"  {name} - {gain['vs']}: MRR {gain['mrr_gain']:+.4f} [{low:+.4f}, {high:+.4f}]")
    figures["peak_rss_mib"] = round(memory_kib()["VmHWM"] / 1024, 1)
    print(f"peak RSS of the whole run {figures['peak_rss_mib']} MiB")
    save("embeddings", machine, command_line(), figures)


if __name__ == "__main__":
    main()
