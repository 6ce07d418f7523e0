"""The layers of docs/architecture.md hold in the code, module by module.

Each rule is checked on every module's own imports; since no module of a layer may import a
layer it must not reach, none can reach it through another either.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[2]
SLACK = ("slack_bolt", "slack_sdk")


def _modules(folder: str, *, leave_out: str | None = None) -> Iterator[tuple[str, set[str]]]:
    """Each module under `folder` with the names it imports (relative imports made absolute)."""
    for path in sorted((ROOT / folder).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if leave_out and relative.is_relative_to(leave_out):
            continue
        package = ".".join(relative.with_suffix("").parts[:-1])
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names)
        yield relative.as_posix(), names


def _reaching(names: set[str], forbidden: tuple[str, ...]) -> set[str]:
    return {n for n in names if any(n == f or n.startswith(f + ".") for f in forbidden)}


def _breaches(folder: str, forbidden: tuple[str, ...], leave_out: str | None = None) -> dict:
    return {
        module: sorted(found)
        for module, names in _modules(folder, leave_out=leave_out)
        if (found := _reaching(names, forbidden))
    }


def test_the_domain_is_slack_free() -> None:
    """Outside `bot/runtime/`, `bot/` never imports Slack's libraries, the Slack adapter or
    the processes that compose them."""
    assert _breaches("bot", (*SLACK, "handlers", "bot.runtime"), leave_out="bot/runtime") == {}


def test_storage_imports_neither_the_domain_nor_slack() -> None:
    assert _breaches("storage", (*SLACK, "bot", "handlers")) == {}


def test_handlers_never_open_sessions_or_query() -> None:
    """The adapter calls services; the outbox worker only listens for storage's wake-ups."""
    found = _breaches("handlers", ("storage", "sqlalchemy.ext.asyncio.async_sessionmaker"))
    assert found == {"handlers/outbox/worker.py": ["storage", "storage.wakeups"]}


def test_the_emulator_stands_apart() -> None:
    """The emulator is Slack's stand-in: it knows nothing of the app it answers."""
    assert _breaches("emulator", ("bot", "handlers", "storage")) == {}


def test_the_checker_sees_a_breach() -> None:
    names = {"slack_sdk.web", "bot.runtime.app", "bottle"}
    assert _reaching(names, ("slack_sdk", "bot.runtime", "bot")) == {
        "slack_sdk.web",
        "bot.runtime.app",
    }
