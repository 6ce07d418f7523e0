"""Start PyBites' karmabot (the PyPI release, in its own venv) against the emulator.

Run by the karmabot venv's Python as a script, not by ours: it imports nothing of askaround.
karmabot reads its settings from the environment (`KARMABOT_SLACK_BOT_TOKEN`,
`KARMABOT_SLACK_APP_TOKEN`, `KARMABOT_SLACK_USER`, `KARMABOT_DATABASE_URL`, …) and builds its
Bolt `App` and slack_sdk `WebClient`s with Slack's own address, which it offers no setting
for. So before karmabot is imported, every slack_sdk client made with Slack's default
`base_url` is pointed at the emulator (`base_url` is slack_sdk's documented constructor
argument; Bolt copies it into the client it makes for each request, and the Socket Mode
client calls apps.connections.open through it). Then karmabot's own `main()` runs, which
connects to its database, creates its tables and serves in Socket Mode.

    benchmarks/.venvs/karmabot/bin/python benchmarks/karmabot_peer.py http://127.0.0.1:PORT/api/
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from slack_sdk.web.base_client import BaseClient

SLACK_DEFAULT = BaseClient.BASE_URL


def point_at(api_url: str) -> None:
    """Every slack_sdk WebClient made with Slack's default address uses `api_url` instead."""
    original = BaseClient.__init__

    def __init__(self: BaseClient, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if self.base_url == SLACK_DEFAULT:
            self.base_url = api_url

    BaseClient.__init__ = __init__  # type: ignore[method-assign]


def main() -> None:
    if len(sys.argv) != 2 or not sys.argv[1].startswith("http://127.0.0.1"):
        sys.exit("usage: karmabot_peer.py http://127.0.0.1:PORT/api/ (loopback only)")
    point_at(sys.argv[1])
    importlib.import_module("karmabot.main").main()


if __name__ == "__main__":
    main()
