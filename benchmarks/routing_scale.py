"""Figure 3: routing latency against directory size (1,000 / 10,000 / 100,000 people).

Each person declares 10–20 skills and the workspace has a year of history (two solved
questions and two kudos per person). The index is built with `index_from_snapshot`
from the same `RoutingSnapshot` `load_routing_snapshot` would return (the bot's start-up
path minus the SQL), and each question is timed through `RoutingIndex.suggest`: the work
routing adds to every `/ask`. Growth is reported as the ratio of p50 to the smallest size.
The first question after the build is timed on its own (what the first `/ask` pays once
`serve` reports ready), and so is one `/skills` change applied in place
(`RoutingIndex.redeclare`, what a replica does when it catches up), and the CPU of
`askaround import people`'s largest catch-up in place (IN_PLACE people redeclared, all in one
stretch of the event loop) against the build's (the rebuild a larger import asks for).

Routing scores a bounded pool of candidates, not everyone who shares a word with the question,
so the benchmark also says how far that changes the answer: for a few of the questions, the
top 10 is compared with the one obtained when the pool may hold everybody (exhaustive scoring,
what the engine did before), as the share of the exhaustive top 10 (and top 1) kept.

    python -m benchmarks.routing_scale                 # 1k, 10k, 100k people, 300 questions
    python -m benchmarks.routing_scale --quick         # 1k, 10k, 100k people, 40 questions
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from datetime import timedelta
from typing import Any

from benchmarks.company import Company
from benchmarks.machine import command_line, describe, latency_summary, save
from bot.directory.import_writer import IN_PLACE
from bot.routing import scoring
from bot.routing.engine import RoutingIndex
from bot.routing.loading import index_from_snapshot
from storage.routing import DeclaredSkill, KudosEvidence, RoutingSnapshot, SolvedQuestion

TEAM = "TBENCH"
TARGET_P99_MS = 50.0


def snapshot(company: Company) -> RoutingSnapshot:
    """What `load_routing_snapshot` returns for this company (solved oldest first)."""
    people = {m.user_id: m.name for m in company.members}
    solved = [
        SolvedQuestion(s.asker, s.text, s.helper, (s.helper,), s.at) for s in company.history()
    ]
    # Its helpers are drawn among a skill's declarers: everyone declared before the first question.
    joined = min((q.created_at for q in solved if q.created_at), default=None)
    declared = [
        DeclaredSkill(m.user_id, key, level, "declared", joined and joined - timedelta(days=1))
        for m in company.members
        for key, level in m.skills.items()
    ]
    kudos = [
        KudosEvidence(k.giver, k.receiver, k.message, k.values, k.at)
        for k in company.kudos(2 * company.size)
    ]
    names = {key: key for key in company.skills}
    return RoutingSnapshot(people, names, {}, declared, solved, kudos, [])


def agreement(
    index: RoutingIndex, asked: list[tuple[str, str, str]], company: Company
) -> dict[str, float]:
    """Share of the exhaustive top 10 (and top 1) that the bounded pool also ranks there, and
    for each, the share of its top 3 who declared the question's main skill. The company's
    helpers are drawn uniformly among a skill's declarers, so at 100,000 people a common
    skill's thousands of declarers are all equally right: two rankings can share no one and
    both be good, which the declared share tells and the agreement cannot."""
    bounded = [[s.user_id for s in index.suggest(text, asker)] for text, asker, _ in asked]
    saved = scoring.PEOPLE_POOL, scoring.QUESTION_POOL
    scoring.PEOPLE_POOL = scoring.QUESTION_POOL = sys.maxsize
    try:
        started = time.perf_counter()
        exhaustive = [[s.user_id for s in index.suggest(text, asker)] for text, asker, _ in asked]
        exhaustive_ms = 1000 * (time.perf_counter() - started) / max(len(asked), 1)
    finally:
        scoring.PEOPLE_POOL, scoring.QUESTION_POOL = saved
    kept = [len(set(b) & set(e)) / len(e) for b, e in zip(bounded, exhaustive, strict=True) if e]
    same = [b[:1] == e[:1] for b, e in zip(bounded, exhaustive, strict=True) if e]
    skills = {m.user_id: m.skills for m in company.members}

    def declared(rankings: list[list[str]]) -> float:
        top = [
            (person, topic)
            for r, (_, _, topic) in zip(rankings, asked, strict=True)
            for person in r[:3]
        ]
        return round(sum(topic in skills[p] for p, topic in top) / max(len(top), 1), 3)

    return {
        "agreement_questions": len(kept),
        "top10_kept": round(sum(kept) / max(len(kept), 1), 3),
        "top1_same": round(sum(same) / max(len(same), 1), 3),
        "exhaustive_mean_ms": round(exhaustive_ms, 1),
        "top3_declared": declared(bounded),
        "exhaustive_top3_declared": declared(exhaustive),
    }


def measure(size: int, questions: int, compared: int) -> dict[str, Any]:
    company = Company(size)
    snap = snapshot(company)
    started, cpu = time.perf_counter(), time.process_time()
    index = index_from_snapshot(TEAM, snap)
    build_seconds = time.perf_counter() - started
    build_cpu = time.process_time() - cpu
    del snap
    gc.collect()
    rng = random.Random(99)
    texts, topics = zip(*(company.question(rng) for _ in range(questions)), strict=True)
    askers = [rng.choice(company.members).user_id for _ in range(questions)]
    begun = time.perf_counter()  # the first question after the build: what the first /ask
    index.suggest(texts[0], askers[0])  # after `serve` says ready pays (per-term caches cold)
    first_ms = 1000 * (time.perf_counter() - begun)
    latencies = []
    found = 0
    cpu = time.process_time()  # steadier than the wall on a shared machine
    for text, asker in zip(texts, askers, strict=True):
        begun = time.perf_counter()
        suggestions = index.suggest(text, asker)
        latencies.append(time.perf_counter() - begun)
        found += bool(suggestions)
    cpu_ms = 1000 * (time.process_time() - cpu) / max(questions, 1)
    asked = list(zip(texts, askers, topics, strict=True))[:compared]
    compared_with = agreement(index, asked, company)
    member = company.members[len(company.members) // 2]
    begun = time.perf_counter()  # a /skills change, applied in place as a replica catches up
    index.redeclare(member.user_id, {**dict(list(member.skills.items())[1:]), "zzcopybook": 5})
    redeclare_ms = 1000 * (time.perf_counter() - begun)
    assert member.user_id in [s.user_id for s in index.suggest("zzcopybook", "U0")]
    # An import's catch-up: IN_PLACE people redeclared in one stretch of the event loop.
    changed = random.Random(5).sample(company.members, min(IN_PLACE, size))
    cpu = time.process_time()
    for m in changed:
        index.redeclare(m.user_id, {**dict(list(m.skills.items())[1:]), "zzfortran": 3})
    import_cpu = time.process_time() - cpu
    return {
        "people": size,
        "declared_skills": sum(len(m.skills) for m in company.members),
        "solved_questions": 2 * size,
        "kudos": 2 * size,
        "index_build_s": round(build_seconds, 2),
        "questions_timed": questions,
        "questions_with_suggestions": found,
        **latency_summary(latencies),
        "cpu_mean_ms": round(cpu_ms, 2),
        "first_question_ms": round(first_ms, 1),
        "skills_change_ms": round(redeclare_ms, 1),
        "index_build_cpu_s": round(build_cpu, 2),
        "import_catch_up_people": len(changed),
        "import_catch_up_cpu_s": round(import_cpu, 2),
        **compared_with,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer questions per size")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--compare", type=int, help="questions compared with exhaustive scoring (10; 30 full)"
    )
    args = parser.parse_args()
    machine = describe()
    questions = 40 if args.quick else 300
    compared = args.compare if args.compare is not None else (10 if args.quick else 30)
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        row = measure(size, questions, compared)
        rows.append(row)
        print(
            f"routing {row['people']:>7} people: suggest p50={row['p50_ms']:.1f} ms "
            f"p99={row['p99_ms']:.1f} ms max={row['max_ms']:.1f} ms, CPU {row['cpu_mean_ms']} ms "
            f"a question (index built in {row['index_build_s']:.1f} s; first question "
            f"{row['first_question_ms']:.1f} ms; a /skills change applied in place "
            f"{row['skills_change_ms']:.1f} ms; an import's {row['import_catch_up_people']} "
            f"people caught up in place {row['import_catch_up_cpu_s']} s CPU against the build's "
            f"{row['index_build_cpu_s']} s); against exhaustive scoring of "
            f"{row['agreement_questions']} questions: top 10 kept {row['top10_kept']:.0%}, "
            f"top 1 same {row['top1_same']:.0%} (exhaustive {row['exhaustive_mean_ms']} ms each); "
            f"top 3 who declared the main skill {row['top3_declared']:.0%}, exhaustive "
            f"{row['exhaustive_top3_declared']:.0%}",
            flush=True,
        )
    base = rows[0]
    for row in rows:
        row["p50_growth"] = round(row["p50_ms"] / base["p50_ms"], 1) if base["p50_ms"] else None
        row["people_growth"] = row["people"] / base["people"]
    largest = rows[-1]
    verdict = {
        "target": f"p99 < {TARGET_P99_MS} ms at 100,000 people, sublinear growth",
        "p99_met": largest["p99_ms"] < TARGET_P99_MS,
        "sublinear": (largest["p50_growth"] or 0) < largest["people_growth"],
    }
    print(
        f"growth: people x{largest['people_growth']:.0f} -> p50 x{largest['p50_growth']}; "
        f"p99 target met: {verdict['p99_met']}; sublinear: {verdict['sublinear']}"
    )
    save("routing_scale", machine, command_line(), {"sizes": rows, "verdict": verdict})


if __name__ == "__main__":
    main()
