"""Slack's requests refused for their signature are explained in the log: a wrong
SLACK_SIGNING_SECRET had every request answered 401 with only aiohttp's access lines to show,
while Slack told people the app did not respond."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp
import pytest

from slack_emulator.delivery import sign
from tests.e2e.test_operator_start import lines_until_listening, serving

pytestmark = pytest.mark.database_independent

BODY = "command=%2Fkudos&text=top&team_id=T0&user_id=U0&channel_id=C0"


async def _post(url: str, secret: str, timestamp: int) -> int:
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": sign(secret, str(timestamp), BODY),
    }
    async with aiohttp.ClientSession() as session:
        async with session.post(url, data=BODY.encode(), headers=headers) as response:
            return response.status


async def _next_refusal(served: asyncio.subprocess.Process) -> str:
    assert served.stderr is not None
    while True:
        line = (await asyncio.wait_for(served.stderr.readline(), 60)).decode()
        assert line, "serve ended"
        if "askaround.signatures" in line:
            return line.split(" ", 1)[1].rstrip("\n")  # from the level on, after the UTC time


async def test_a_wrong_signing_secret_and_a_wrong_clock_are_told_apart(tmp_path: Path) -> None:
    async with serving(tmp_path / "serve.db") as served:
        said = await lines_until_listening(served)
        url = next(line for line in said if "listening for Slack on " in line).split()[-1]
        assert await _post(url, "the-client-secret-instead", int(time.time())) == 401
        assert await _next_refusal(served) == (
            "WARNING askaround.signatures refused a request to /slack/events (401): its "
            "signature does not match SLACK_SIGNING_SECRET: if Slack's requests are all "
            "refused so, set it to this app's Signing Secret (Basic Information → App "
            "Credentials; not the Client Secret nor the Verification Token), and have any "
            "proxy pass the body on unchanged"
        )
        assert await _post(url, "secret", int(time.time()) - 600) == 401
        stale = await _next_refusal(served)
        assert stale.startswith(
            "WARNING askaround.signatures refused a request to /slack/events (401): its "
            "timestamp is "
        )
        assert "s behind this machine's clock (5 minutes are allowed): keep the clock" in stale
