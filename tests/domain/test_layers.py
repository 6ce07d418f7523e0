"""The layers of docs/architecture.md hold in the code, module by module.

Each rule is checked on every module's own imports; since no module of a layer may import a
layer it must not reach, none can reach it through another either. Imports inside functions
and under `TYPE_CHECKING` count too: a rule is about what a module knows, not when it loads.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[2]
SLACK = ("slack_bolt", "slack_sdk")
# What the domain may take from SQLAlchemy: a service's unit of work (`async with
# sessions() as s, s.begin():`), a row handed back by a storage query, and the database URL
# setting's parser. Queries themselves (select, insert, func, …) are storage's.
DOMAIN_SQLALCHEMY = frozenset(
    {
        "sqlalchemy.ext.asyncio.AsyncEngine",
        "sqlalchemy.ext.asyncio.AsyncSession",
        "sqlalchemy.ext.asyncio.async_sessionmaker",
        "sqlalchemy.Row",
        "sqlalchemy.engine.make_url",
        "sqlalchemy.exc.ArgumentError",
    }
)
# Outside the composition root, the adapter and the emulator, Slack's libraries serve only
# the benchmarks that stand for another Bolt app (the floor askaround is measured against,
# and karmabot run in its own venv).
SLACK_ELSEWHERE = ("benchmarks/floor_bolt.py", "benchmarks/karmabot_peer.py")


def _path_module(relative: Path) -> tuple[str, str]:
    """A file's module name and the package its relative imports start from."""
    parts = list(relative.with_suffix("").parts)
    if parts[0] == "emulator":  # the emulator's distribution holds the package slack_emulator
        parts = parts[1:]
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return ".".join(parts), ".".join(parts)
    return ".".join(parts), ".".join(parts[:-1])


def _imports(path: Path, package: str) -> set[str]:
    """What a module imports, whole: `from a.b import c` is `a.b.c`, relative ones absolute."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _modules(folder: str, *, leave_out: str | None = None) -> Iterator[tuple[str, set[str]]]:
    """Each module under `folder` (its path) with the names it imports."""
    for path in sorted((ROOT / folder).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if leave_out and relative.is_relative_to(leave_out):
            continue
        if any(part.startswith(".") for part in relative.parts):
            continue  # git-ignored: the peer benchmark's own venv (`benchmarks/.venvs/`)
        yield relative.as_posix(), _imports(path, _path_module(relative)[1])


def _reaching(names: set[str], forbidden: tuple[str, ...]) -> set[str]:
    return {n for n in names if any(n == f or n.startswith(f + ".") for f in forbidden)}


def _breaches(
    folder: str,
    forbidden: tuple[str, ...],
    leave_out: str | None = None,
    allowed: frozenset[str] = frozenset(),
) -> dict[str, list[str]]:
    return {
        module: sorted(found)
        for module, names in _modules(folder, leave_out=leave_out)
        if (found := _reaching(names, forbidden) - allowed)
    }


def test_the_domain_is_slack_free() -> None:
    """Outside `bot/runtime/`, `bot/` never imports Slack's libraries, the HTTP client and
    server they run on, the Slack adapter or the processes that compose them."""
    forbidden = (*SLACK, "aiohttp", "handlers", "bot.runtime")
    assert _breaches("bot", forbidden, leave_out="bot/runtime") == {}


def test_the_domain_writes_no_queries() -> None:
    """The domain opens units of work and calls `storage/`; it builds no statement."""
    found = _breaches("bot", ("sqlalchemy",), leave_out="bot/runtime", allowed=DOMAIN_SQLALCHEMY)
    assert found == {}


def test_storage_imports_neither_the_domain_nor_slack() -> None:
    assert _breaches("storage", (*SLACK, "aiohttp", "bot", "handlers")) == {}


def test_handlers_never_open_sessions_or_query() -> None:
    """The adapter calls services; the outbox worker only listens for storage's wake-ups,
    and the OAuth flow hands the engine to slack-sdk's own installation and state stores."""
    assert _breaches("handlers", ("storage", "sqlalchemy")) == {
        "handlers/outbox/worker.py": ["storage.wakeups"],
        "handlers/surfaces/oauth.py": ["sqlalchemy.ext.asyncio.AsyncEngine"],
    }


def test_only_the_composition_root_the_adapter_and_the_emulator_touch_slack() -> None:
    found = {
        module
        for folder in ("bot", "storage", "benchmarks", "tools", "scripts")
        for module in _breaches(folder, SLACK, leave_out="bot/runtime")
    }
    assert found == set(SLACK_ELSEWHERE)


def test_the_emulator_stands_apart() -> None:
    """The emulator is Slack's stand-in: it knows nothing of the app it answers."""
    assert _breaches("emulator", ("bot", "handlers", "storage")) == {}


def _graph(folders: tuple[str, ...]) -> dict[str, set[str]]:
    """Module → the modules of `folders` it imports (`from a import b` names the module
    `a.b` when there is one, else `a`)."""
    files = {
        _path_module(path.relative_to(ROOT))[0]: path
        for folder in folders
        for path in (ROOT / folder).rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = _path_module(path.relative_to(ROOT))[1]
        targets = set()
        for name in _imports(path, package):
            while name and name not in files:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def _circles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, round a circle (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph.get(module, ())):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = [stack.pop()]
            while group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return circles


def test_no_modules_import_each_other_in_a_circle() -> None:
    """A circle loads only in one order, and splits nothing apart: each layer's modules form
    a tree of imports, the emulator's too."""
    graph = _graph(("bot", "handlers", "storage", "emulator/slack_emulator"))
    assert len(graph) > 300
    assert _circles(graph) == []


def test_surfaces_do_not_import_each_other() -> None:
    """A surface wired in `handlers/wiring.py` registers listeners; what two of them share
    lives in a module neither registers (`handlers/client/` for a Slack read, `asking` for
    what every way of asking ends in, `kudos_giving`, `quoted_messages`, …), so a surface is
    read, moved or dropped alone."""
    graph = _graph(("handlers",))
    wired = {m for m in graph["handlers.wiring"] if m.startswith("handlers.surfaces.")}
    assert len(wired) > 10
    sharing = {m: found for m in sorted(wired) if (found := graph[m] & wired)}
    assert sharing == {}


# The adapter's floors, top down (docs/architecture.md); a folder of handlers/ is on one.
HANDLER_FLOORS = (("wiring",), ("surfaces",), ("dispatch", "outbox"), ("blocks", "client"))


def test_the_handler_layers_import_downwards() -> None:
    """A module of `handlers/` imports only the floors below its own: `wiring.py` puts the
    surfaces on one app; a surface parses, acks, calls a service and answers through
    `dispatch/` (how a request reaches a listener) and `outbox/` (what is sent later); those
    render with `blocks/` and call Slack through `client/`. The two of a floor stand apart:
    `dispatch/` is a request's way in and `outbox/` a delivery's way out, neither knowing the
    other; `blocks/` renders without calling Slack, and `client/` calls Slack without
    rendering. So `client/` and `blocks/` import no `surfaces/`, `dispatch/` or `outbox/`,
    and `outbox/` no surface: what a lower floor needs from a higher one moves down to it."""
    folders = {p.name for p in (ROOT / "handlers").iterdir() if p.is_dir() and p.name[0] != "_"}
    assert folders == {part for floor in HANDLER_FLOORS[1:] for part in floor}
    found: dict[str, list[str]] = {}
    for i, floor in enumerate(HANDLER_FLOORS):
        above = [f"handlers.{part}" for upper in HANDLER_FLOORS[:i] for part in upper]
        for part in floor:
            beside = [f"handlers.{other}" for other in floor if other != part]
            found |= _breaches(f"handlers/{part}", (*above, *beside))
    assert found == {}


def test_the_checker_sees_a_breach() -> None:
    names = {"slack_sdk.web", "bot.runtime.app", "bottle"}
    assert _reaching(names, ("slack_sdk", "bot.runtime", "bot")) == {
        "slack_sdk.web",
        "bot.runtime.app",
    }


def test_the_checker_sees_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _circles(graph) == [["a", "b", "c"]]


def _reads_the_time(path: Path) -> bool:
    """Whether a module calls `datetime.now`, `datetime.utcnow`, `date.today` or
    `time.time` itself."""
    calls = {("datetime", "now"), ("datetime", "utcnow"), ("date", "today"), ("time", "time")}
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id, node.func.attr) in calls
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def test_the_time_is_read_from_bot_clock_alone() -> None:
    """The domain's `Clock`, which tests move, or `wall_clock` for processes: a module of its
    own reading the time would ignore a test's clock. (`storage/` stamps rows with
    `storage.models.base.utcnow`: it may not import the domain.)"""
    found = {
        path.relative_to(ROOT).as_posix()
        for folder in ("bot", "handlers")
        for path in (ROOT / folder).rglob("*.py")
        if _reads_the_time(path)
    }
    assert found == {"bot/clock.py"}
