"""What the fault benchmarks promise (nothing lost, nothing doubled), as named checks.

A figure alone cannot say a run went wrong; these runs also keep a promise, so each returns
its figures with a list of `Check`s: the benchmark prints them and exits 1 when one fails, and
the small versions in tests/e2e assert that none did.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.databases import LOCAL_POSTGRES, POSTGRES_ENV


@dataclass(frozen=True)
class Check:
    """One promise of the run, kept or not, with what was seen."""

    name: str
    ok: bool
    seen: str = ""


@dataclass
class Outcome:
    figures: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def as_json(self) -> dict[str, Any]:
        return {"figures": self.figures, "checks": [vars(c) for c in self.checks]}


def print_outcome(title: str, outcome: Outcome) -> None:
    """The figures as a two-column table, then each check with ok or FAIL."""
    width = max((len(k) for k in outcome.figures), default=0)
    print(f"== {title}", flush=True)
    for key, value in outcome.figures.items():
        print(f"  {key:<{width}}  {value}")
    for check in outcome.checks:
        print(f"  {'ok  ' if check.ok else 'FAIL'}  {check.name} ({check.seen})", flush=True)


@contextmanager
def backend(name: str) -> Iterator[None]:
    """Make `tests.databases.fresh_database` (and so the e2e harness) create databases of this
    backend: it reads the suite's database setting each time."""
    if name not in ("sqlite", "postgresql"):
        raise SystemExit(f"unknown backend {name!r}: sqlite or postgresql")
    saved = os.environ.get(POSTGRES_ENV)
    os.environ[POSTGRES_ENV] = (saved or LOCAL_POSTGRES) if name == "postgresql" else ""
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(POSTGRES_ENV, None)
        else:
            os.environ[POSTGRES_ENV] = saved
