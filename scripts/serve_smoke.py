"""`askaround serve` from an installed wheel, against the local Slack emulator: /healthz answers,
and one signed slash command is answered through the Web API. Run by `scripts/wheel-smoke`
with the checkout's venv (which has the emulator); the bot runs from the wheel's own venv.

usage: python scripts/serve_smoke.py VENV_BIN_ASKAROUND WORK_DIR
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from slack_emulator import SlackEmulator

SECRET = "smoke-signing-secret"
TOKEN = "xoxb-smoke"
WAIT_SECONDS = 90.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def healthy(url: str) -> bool:
    async with aiohttp.ClientSession() as http:
        for _ in range(int(WAIT_SECONDS * 4)):
            try:
                async with http.get(url) as response:
                    if response.status == 200:
                        return True
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.25)
    return False


async def answered(emu: SlackEmulator, user_id: str) -> str:
    for _ in range(int(WAIT_SECONDS * 4)):
        texts = [e.text for e in emu.ephemerals(user_id)]
        if texts:
            return texts[-1]
        await asyncio.sleep(0.25)
    return ""


async def smoke(askaround: str, work: Path) -> int:
    emu = await SlackEmulator(SECRET, bot_token=TOKEN).start()
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": emu.api_url,
        "ASKAROUND_DATABASE_URL": f"sqlite:///{work / 'smoke.db'}",
        "ASKAROUND_HOST": "127.0.0.1",
        "ASKAROUND_PORT": str(port),
    }
    log = (work / "serve.log").open("wb")
    bot = await asyncio.create_subprocess_exec(
        askaround, "serve", env=env, cwd=work, stdout=log, stderr=asyncio.subprocess.STDOUT
    )
    passed = False
    try:
        base = f"http://127.0.0.1:{port}"
        if not await healthy(f"{base}/healthz"):
            print("serve smoke: /healthz never answered 200", file=sys.stderr)
            return 1
        print("serve smoke: /healthz 200")
        emu.request_url = f"{base}/slack/events"
        ana = emu.workspace.add_user("ana").id
        delivery = await emu.slash_command(ana, "/askaround", "help")
        text = await answered(emu, ana)
        if delivery.status != 200 or "/askaround help" not in text:
            print(f"serve smoke: /askaround help got {delivery.status}, {text!r}", file=sys.stderr)
            return 1
        print("serve smoke: a signed /askaround help was answered")
        bot.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(bot.wait(), WAIT_SECONDS)
        if code != 0:
            print(f"serve smoke: askaround serve exited {code} on SIGTERM", file=sys.stderr)
            return 1
        print("serve smoke: stopped cleanly on SIGTERM")
        passed = True
        return 0
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
        await emu.stop()
        log.close()
        if not passed:  # what the bot said, only when it failed
            sys.stderr.write((work / "serve.log").read_text())


if __name__ == "__main__":
    sys.exit(asyncio.run(smoke(sys.argv[1], Path(sys.argv[2]))))
