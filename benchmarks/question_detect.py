"""Figure 16: the question detector's time per message, as the watched-channel listener calls it.

`looks_like_question` on every message of the labelled sets (`tests/data/questions*.jsonl`, a
few thousand Slack messages of every kind), one process, after one pass to warm up: the CPU
time of a pass divided by the messages (median and fastest of the passes, in µs, steadier than
wall time on a shared machine), and the slowest messages of the last pass by wall time.

    python -m benchmarks.question_detect            # 9 passes
    python -m benchmarks.question_detect --quick    # 3 passes
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from benchmarks import procs
from benchmarks.machine import command_line, describe, percentile, save
from bot.questions.detect import looks_like_question
from bot.questions.detect_eval import read_labelled


def messages() -> list[str]:
    files = sorted((procs.ROOT / "tests" / "data").glob("questions*.jsonl"))
    return [row.text for path in files for row in read_labelled(path)]


def _wall_us(text: str) -> float:
    started = time.perf_counter_ns()
    looks_like_question(text)
    return (time.perf_counter_ns() - started) / 1000


def measure(texts: list[str], passes: int) -> dict[str, Any]:
    for text in texts:
        looks_like_question(text)
    per_message: list[float] = []
    for _ in range(passes):
        started = time.process_time()
        for text in texts:
            looks_like_question(text)
        per_message.append((time.process_time() - started) / len(texts) * 1e6)
    each = sorted(min(_wall_us(text) for _ in range(3)) for text in texts)
    figures = {
        "messages": len(texts),
        "passes": passes,
        "cpu_us_per_message_median": round(statistics.median(per_message), 1),
        "cpu_us_per_message_fastest": round(min(per_message), 1),
        "wall_us_median": round(percentile(each, 0.5), 1),
        "wall_us_p99": round(percentile(each, 0.99), 1),
        "wall_us_max": round(each[-1], 1),
    }
    print(f"  {figures}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    machine = describe()
    figures = measure(messages(), 3 if args.quick else 9)
    save("question_detect", machine, command_line(), figures)


if __name__ == "__main__":
    main()
