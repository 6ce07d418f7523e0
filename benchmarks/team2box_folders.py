"""Routing folders for more StackExchange communities, from a checkout of the team2box project.

`../shared/data`'s two folders are two communities; the routing engine is checked on others it
was never tuned on. The team2box project (github.com/team-formation/team2box, CC BY-SA data)
keeps, for each of its sites (android, dba, history, mathoverflow, physics), the files the
shared folders were made from. This rebuilds a folder the way they were built: questions by
id, title and body (titles only where the body file is absent, as for mathoverflow), every
answerer in the order of the dump, the accepted answerer; the first 80% history, the last 20%
the questions to route (self-answered ones left out); people the history's answerers, each
declaring the 10 tags they answered most in the history, level 1 + log2 of how often (1, 2–3,
4–7, 8–15, 16+). On dba and mathoverflow it reproduces the shared folders byte for byte.

    python -m benchmarks.team2box_folders TEAM2BOX_CHECKOUT OUT android history physics
    askaround eval routing OUT/android

`--inner` builds the folder of the history alone (its first 80% as history, the rest to
route): a validation split whose declared skills are as clean as the real one's. `--inner
--inner` does the same to that history (the site's first 51% as history, the next 13% to
route): questions no decision made on the first split has seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HISTORY_FRACTION = 0.8
TOP_TAGS = 10
LEVEL_AT = (2, 4, 8, 16)


def _pairs(path: Path) -> dict[str, str]:
    """`id rest-of-line` per line; empty when the file is absent."""
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(" ")
        if key.strip():
            found[key] = value
    return found


def _rows(path: Path) -> Iterator[list[str]]:
    """A file's whitespace-split lines after its header."""
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if parts := line.split():
            yield parts


def _answerers(site: Path) -> dict[str, list[str]]:
    """Question id → its answerers, in the dump's order, each once."""
    owner = {answer: user for answer, user, *_ in _rows(site / "answer_user_ids.txt")}
    return {
        question: list(dict.fromkeys(owner[a] for a in rest[::2] if a in owner))
        for question, *rest in _rows(site / "q_answer_ids_score.txt")
    }


def questions(site: Path) -> list[dict[str, Any]]:
    """Every question of the site, oldest (lowest id) first, with its tags."""
    nerank = site / "NeRankFormat"
    titles = _pairs(nerank / "Q_title.txt")
    bodies = _pairs(nerank / "Q_content.txt")
    accepted = _pairs(nerank / "Q_ACC_A.txt")
    askers = _pairs(nerank / "Q_R.txt")
    tags = _pairs(site / "Q_tags.txt")
    answerers = _answerers(site)
    found = []
    for question in sorted(titles, key=int):
        body = bodies.get(question)
        helper = accepted.get(question)
        found.append(
            {
                "id": f"Q{question}",
                "asker": f"U{askers[question]}",
                "text": titles[question]
                + (f"\n{body}" if body and body != titles[question] else ""),
                "answered_by": [f"U{u}" for u in answerers.get(question, [])],
                "accepted": f"U{helper}" if helper else None,
                "tags": tags.get(question, "").split(),
            }
        )
    return found


def level(count: int) -> int:
    return 1 + sum(count >= at for at in LEVEL_AT)


def folder(rows: list[dict[str, Any]], out: Path) -> tuple[int, int, int]:
    """Write people, history and questions; returns their counts."""
    cut = int(len(rows) * HISTORY_FRACTION)
    history, later = rows[:cut], rows[cut:]
    later = [row for row in later if row["accepted"] != row["asker"]]
    answered: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for row in history:
        for user in row["answered_by"]:
            answered[user].update(row["tags"])
    people = [
        {"user": user, "skills": {t: level(n) for t, n in answered[user].most_common(TOP_TAGS)}}
        for user in sorted(answered, key=lambda u: int(u[1:]))
    ]
    out.mkdir(parents=True, exist_ok=True)
    for name, lines in (("people", people), ("history", history), ("questions", later)):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as file:
            for line in lines:
                line = {k: v for k, v in line.items() if k != "tags"}
                file.write(json.dumps(line) + "\n")
    return len(people), len(history), len(later)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a clone of team-formation/team2box")
    parser.add_argument("out", type=Path, help="where the folders go, one per site")
    parser.add_argument("sites", nargs="+", help="site folders under data/, e.g. android")
    parser.add_argument(
        "--inner",
        action="count",
        default=0,
        help="the history's own split; twice, that history's own split, and so on",
    )
    args = parser.parse_args()
    for site in args.sites:
        source = args.checkout / "data" / site
        if not (source / "NeRankFormat" / "Q_title.txt").exists():
            sys.exit(f"{source} has no NeRankFormat/Q_title.txt: is it a team2box site?")
        rows = questions(source)
        for _ in range(args.inner):
            rows = rows[: int(len(rows) * HISTORY_FRACTION)]
        people, history, later = folder(rows, args.out / site)
        print(f"{site}: {people} people, {history} history, {later} questions to route")


if __name__ == "__main__":
    main()
