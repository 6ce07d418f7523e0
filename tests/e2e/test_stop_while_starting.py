"""`systemctl stop` (SIGTERM) is heard while the bot starts: with Slack failing to open a
Socket Mode connection, the client retries for as long as it takes, and the process used to
ignore the signal until it was killed."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from slack_emulator import SlackEmulator
from tests.e2e.test_operator_start import lines_until

# Its own SQLite file and emulator, whatever the suite runs on.
pytestmark = pytest.mark.database_independent

BOT_TOKEN = "xoxb-the-right-one"


async def test_sigterm_stops_serve_while_slack_will_not_open_a_socket(tmp_path: Path) -> None:
    emu = await SlackEmulator("secret", bot_token=BOT_TOKEN).start()
    emu.faults.add("apps.connections.open", status=500, times=None)
    served = await _serve(tmp_path, emu, SLACK_APP_TOKEN="xapp-emulator")
    try:
        assert served.stderr is not None
        # Started as far as it gets: the database is open, Slack keeps answering 500.
        await lines_until(served, "routing ready")
        served.send_signal(signal.SIGTERM)
        rest = await asyncio.wait_for(served.stderr.read(), 60)
        assert await served.wait() == 0
        assert "stopped" in rest.decode().splitlines()[-1]
    except TimeoutError:
        raise AssertionError("serve ignored SIGTERM while Slack would not open a socket") from None
    finally:
        if served.returncode is None:
            served.kill()
            await served.wait()
        await emu.stop()


async def test_sigterm_stops_serve_while_a_request_is_half_sent(tmp_path: Path) -> None:
    """A connection that sent half a request (a client gone quiet, a proxy holding it) kept
    the stop waiting twice aiohttp's 60 s: Slack gives up on an answer after 3 s, so each of
    the server's two waits is no longer than that before it closes what is left."""
    emu = await SlackEmulator("secret", bot_token=BOT_TOKEN).start()
    served = await _serve(tmp_path, emu)
    writer: asyncio.StreamWriter | None = None
    try:
        assert served.stderr is not None
        said: list[str] = []
        while not (url := _listening(said)):
            line = await asyncio.wait_for(served.stderr.readline(), 120)
            assert line, "serve ended before it was stopped:\n" + "".join(said)
            said.append(line.decode())
        host, port = url.split("//")[1].split("/")[0].split(":")
        _, writer = await asyncio.open_connection(host, int(port))
        writer.write(b"POST /slack/events HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n{")
        await writer.drain()
        await asyncio.sleep(0.2)  # the server has taken the connection
        served.send_signal(signal.SIGTERM)
        rest = await asyncio.wait_for(served.stderr.read(), 30)
        assert await served.wait() == 0
        assert "stopped" in rest.decode().splitlines()[-1]
    except TimeoutError:
        raise AssertionError("serve waited on a half-sent request after SIGTERM") from None
    finally:
        if writer is not None:
            writer.close()
        if served.returncode is None:
            served.kill()
            await served.wait()
        await emu.stop()


# Loaded before askaround by the process under test (`sitecustomize`, from PYTHONPATH): it
# sends the process SIGINT as Python starts loading serve's module, as a Ctrl-C in the first
# half second falls, whatever the machine's pace.
INTERRUPT_WHILE_LOADING = """
import os, signal, sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "bot.runtime.cli.serve":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
"""


async def test_ctrl_c_while_serve_starts_is_one_line_and_exit_0(tmp_path: Path) -> None:
    """Ctrl-C while Python loaded askaround printed Python's traceback of the import it fell
    in, and one during the start (the migration of a new database) exited 130 with nothing
    said: both now end as a Ctrl-C while serving does, with a "stopped" line and exit 0."""
    emu = await SlackEmulator("secret", bot_token=BOT_TOKEN).start()
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(INTERRUPT_WHILE_LOADING)
    loading = await _serve(tmp_path, emu, PYTHONPATH=str(hook))
    starting = await _serve(tmp_path, emu)
    try:
        assert loading.stderr is not None and starting.stderr is not None
        said = (await asyncio.wait_for(loading.stderr.read(), 60)).decode()
        assert (said, await loading.wait()) == ("askaround: stopped\n", 0)

        first = await lines_until(starting, "starting on")  # the migration is next
        starting.send_signal(signal.SIGINT)
        rest = (await asyncio.wait_for(starting.stderr.read(), 60)).decode().splitlines()
        assert await starting.wait() == 0
        assert len(first) == 1 and "Traceback" not in "".join(rest), rest
        assert rest[-1].endswith("INFO askaround stopped"), rest
        assert "listening" not in "".join(rest)  # nor did it serve first
    finally:
        for served in (loading, starting):
            if served.returncode is None:
                served.kill()
                await served.wait()
        await emu.stop()


async def _serve(tmp_path: Path, emu: SlackEmulator, **more: str) -> asyncio.subprocess.Process:
    """`askaround serve` on its own SQLite file against the emulator; Socket Mode with an app
    token in `more`, HTTP without."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ASKAROUND_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "ASKAROUND_HOST": "127.0.0.1",
        "ASKAROUND_PORT": "0",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_API_URL": emu.api_url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        **more,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.runtime.cli", "serve",
        env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def _listening(said: list[str]) -> str | None:
    for line in said:
        if "listening for Slack on " in line:
            return line.split("listening for Slack on ")[1].split()[0]
    return None
