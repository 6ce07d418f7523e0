"""Figure 24: how long the skill typeahead takes to answer one prefix, in CPU.

The *Edit profile* modal's skill picker asks for options as a person types (Slack's
`block_suggestion`, which must be answered within 3 s); `Vocabulary.suggest` ranks the
shipped vocabulary (and a workspace's own skills) for the prefix typed. CPU time by
`time.process_time`, so a shared host's waits for a core do not count; the median and the
worst over the prefixes, each asked RUNS times.

    python -m benchmarks.typeahead            # 50 runs of each prefix
    python -m benchmarks.typeahead --quick    # 5 runs
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchmarks.machine import command_line, describe, save
from bot.directory.skills import shipped_vocabulary

PREFIXES = ("k", "kub", "post", "terr", "pyth", "c#", "js", "machine lea", "qwzx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 runs of each prefix, not 50")
    runs = 5 if parser.parse_args().quick else 50
    machine = describe()
    started = time.process_time()
    vocabulary = shipped_vocabulary()
    vocabulary.suggest("warm")
    loaded_ms = (time.process_time() - started) * 1000
    per_prefix: dict[str, float] = {}
    for prefix in PREFIXES:
        times = []
        for _ in range(runs):
            before = time.process_time()
            vocabulary.suggest(prefix)
            times.append((time.process_time() - before) * 1000)
        per_prefix[prefix] = round(statistics.median(times), 3)
    figures = {
        "runs": runs,
        "vocabulary_first_use_ms": round(loaded_ms, 1),
        "median_ms_per_prefix": per_prefix,
        "worst_median_ms": max(per_prefix.values()),
    }
    print(f"shipped vocabulary read and first suggestion: {loaded_ms:.1f} ms of CPU")
    for prefix, ms in per_prefix.items():
        print(f"  {prefix!r:>14}: {ms:.3f} ms of CPU (median of {runs})")
    print(f"worst prefix: {figures['worst_median_ms']:.3f} ms (Slack's limit is 3,000 ms)")
    save("typeahead", machine, command_line(), figures)


if __name__ == "__main__":
    main()
