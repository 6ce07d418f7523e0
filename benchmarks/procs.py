"""Starting and stopping the benchmark's processes: emulator, `askaround serve`, the floor,
karmabot and the load generator, each its own Python process on loopback, each bounded in time.

Only processes started here are ever stopped, by their own pid.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg

from benchmarks.emulator_proc import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET
from bot.worktime import ROUND_THE_CLOCK

ROOT = Path(__file__).parents[1]
POSTGRES = "postgresql://postgres@127.0.0.1:5432"
BOUND_SECONDS = 900  # no benchmark process outlives this, whatever happens to its parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def python(*args: str) -> list[str]:
    return ["timeout", "--signal=TERM", str(BOUND_SECONDS), sys.executable, *args]


def stop(process: subprocess.Popen[Any]) -> None:
    """SIGTERM (the bot drains), then SIGKILL after 20 s; only this process, by its pid."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def child_pid(process: subprocess.Popen[Any]) -> int:
    """The Python process under `timeout` (its only child), else the process itself."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    try:
        found = children.read_text().split()
    except OSError:
        found = []
    return int(found[0]) if found else process.pid


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_kib(pid: int, field: str = "VmHWM") -> int:
    """VmHWM (peak resident set) or VmRSS of a process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


@dataclass
class Emulator:
    process: subprocess.Popen[str]
    api_url: str
    control_url: str
    team_id: str
    general: str

    @property
    def pid(self) -> int:
        return child_pid(self.process)


@contextmanager
def emulator(people: int) -> Iterator[Emulator]:
    process = subprocess.Popen(
        python("-m", "benchmarks.emulator_proc", "--people", str(people)),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the emulator process ended before it was ready")
        info = json.loads(line)
        yield Emulator(
            process, info["api_url"], info["control_url"], info["team_id"], info["general"]
        )
    finally:
        stop(process)


@asynccontextmanager
async def database(backend: str, folder: Path) -> AsyncIterator[str]:
    """An empty database: a SQLite file in `folder`, or a PostgreSQL database made and dropped."""
    if backend == "sqlite":
        path = folder / f"bench-{secrets.token_hex(4)}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            _remove_sqlite(path)
        return
    name = f"askaround_bench_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(f"{POSTGRES}/postgres")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{POSTGRES}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def spawn(args: list[str], env: dict[str, str] | None = None, log: Path | None = None) -> Any:
    """Start a process in the repository (output to `log` when given); not waited for."""
    if log is None:
        return subprocess.Popen(args, cwd=ROOT, env=env)
    log.parent.mkdir(parents=True, exist_ok=True)  # results/ is git-ignored: absent in a clone
    with log.open("ab") as sink:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=sink, stderr=sink)


def bot_env(api_url: str, database_url: str, port: int, app_token: str = "") -> dict[str, str]:
    return {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_APP_TOKEN": app_token,
        "SLACK_API_URL": api_url,
        "ASKAROUND_DATABASE_URL": database_url,
        "ASKAROUND_HOST": "127.0.0.1",
        "ASKAROUND_PORT": str(port),
        "ASKAROUND_LOG_LEVEL": "INFO",
        # The same work whatever the hour a run starts: nobody's request waits for a morning.
        "ASKAROUND_WORKING_HOURS": ROUND_THE_CLOCK,
    }


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str

    @property
    def pid(self) -> int:
        return child_pid(self.process)


class ExitedEarly(RuntimeError):
    """The server's process ended before it answered /healthz (a port taken meanwhile)."""


async def wait_healthy(
    port: int, within: float = 120.0, exited: Callable[[], bool] | None = None
) -> None:
    """Until /healthz answers 200; `exited`, when given, says the process is gone already."""
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if exited is not None and exited():
                raise ExitedEarly(f"the server on port {port} exited before it was healthy")
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError(f"nothing healthy on port {port} after {within:.0f} s")


@asynccontextmanager
async def bot(
    api_url: str, database_url: str, log: Path, *, socket_mode: bool = False
) -> AsyncIterator[Served]:
    """`askaround serve` (`python -m bot.runtime.cli serve`) until the block ends: in HTTP
    mode, or in Socket Mode (`SLACK_APP_TOKEN` set) when `socket_mode`."""
    port = free_port()
    env = bot_env(api_url, database_url, port, APP_TOKEN if socket_mode else "")
    process = spawn(python("-m", "bot.runtime.cli", "serve"), env, log)
    try:
        await wait_healthy(port)
        yield Served(process, f"http://127.0.0.1:{port}/slack/events")
    finally:
        stop(process)


KARMABOT_RELEASE = "karmabot==2.0.1"
KARMABOT_VENV = ROOT / "benchmarks" / ".venvs" / "karmabot"  # git-ignored, made on first use


def karmabot_python() -> Path:
    """The Python of a venv with PyBites' karmabot from PyPI, made (with pip) if missing."""
    python_path = KARMABOT_VENV / "bin" / "python"
    marker = KARMABOT_VENV / "installed.txt"
    if not marker.exists() or marker.read_text().strip() != KARMABOT_RELEASE:
        print(f"installing {KARMABOT_RELEASE} into {KARMABOT_VENV} (once)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(KARMABOT_VENV)], check=True)
        pip = [str(python_path), "-m", "pip", "install", "--quiet", KARMABOT_RELEASE]
        subprocess.run(pip, check=True)
        marker.write_text(KARMABOT_RELEASE + "\n")
    return python_path


def karmabot_env(database_url: str, general: str) -> dict[str, str]:
    """karmabot's settings (karmabot/settings.py): tokens, its bot user, database, channel."""
    return {
        **os.environ,
        "KARMABOT_SLACK_BOT_TOKEN": BOT_TOKEN,
        "KARMABOT_SLACK_APP_TOKEN": APP_TOKEN,
        "KARMABOT_SLACK_USER": "U0ASKAROUND",  # the emulator's bot user
        "KARMABOT_DATABASE_URL": database_url,
        "KARMABOT_GENERAL_CHANNEL": general,
        "KARMABOT_ADMINS": "U0NOBODY",
        "KARMABOT_TEST_MODE": "false",
    }


@asynccontextmanager
async def karmabot(
    emu: Emulator, database_url: str, log: Path
) -> AsyncIterator[subprocess.Popen[bytes]]:
    """karmabot in Socket Mode against the emulator, until the block ends; ready once its
    websocket is connected."""
    script = ROOT / "benchmarks" / "karmabot_peer.py"
    args = ["timeout", "--signal=TERM", str(BOUND_SECONDS), str(karmabot_python())]
    process = spawn([*args, str(script), emu.api_url], karmabot_env(database_url, emu.general), log)
    try:
        await wait_connected(emu.control_url, process)
        yield process
    finally:
        stop(process)


async def wait_connected(
    control_url: str, process: subprocess.Popen[bytes], within: float = 120.0
) -> None:
    """Until the emulator has a Socket Mode connection (one target per emulator)."""
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the target ended (exit {process.returncode}) unconnected")
            async with session.get(f"{control_url}/status") as response:
                if (await response.json())["socket_connections"] > 0:
                    return
            await asyncio.sleep(0.2)
    raise RuntimeError(f"no Socket Mode connection after {within:.0f} s")


@asynccontextmanager
async def floor() -> AsyncIterator[Served]:
    port = free_port()
    process = spawn(python("-m", "benchmarks.floor_proc", "--port", str(port)))
    try:
        await wait_healthy(port, 30)
        yield Served(process, f"http://127.0.0.1:{port}/slack/events")
    finally:
        stop(process)


async def payloads(control_url: str, kind: str, count: int, offset: int = 0) -> list[Any]:
    """Deliveries built by the emulator process, fetched in chunks."""
    made: list[Any] = []
    async with aiohttp.ClientSession() as session:
        while len(made) < count:
            chunk = min(5000, count - len(made))
            body = {"kind": kind, "count": chunk, "offset": offset + len(made)}
            async with session.post(f"{control_url}/payloads", json=body) as response:
                made.extend(await response.json())
    return made


async def count_calls(control_url: str, method: str, channel: str | None) -> dict[str, Any]:
    query = {"method": method, **({"channel": channel} if channel else {})}
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{control_url}/count", params=query) as response,
    ):
        return dict(await response.json())


async def load(url: str, rate: float, duration: float, bodies_file: Path) -> dict[str, Any]:
    """Run the load generator process once and return its JSON result."""
    process = await asyncio.create_subprocess_exec(
        *python(
            "-m", "benchmarks.loadgen", "--url", url, "--secret", SIGNING_SECRET,
            "--rate", str(rate), "--duration", str(duration), "--bodies", str(bodies_file),
        ),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"the load generator failed with exit code {process.returncode}")
    return dict(json.loads(out.decode().strip().splitlines()[-1]))
