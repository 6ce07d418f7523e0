"""A bot's start opens one connection to each of its databases: a SQLite connection opened
is a thread, a file and its schema read, some 2 ms of CPU, and every tier b test starts a
bot."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.pool import Pool

from tests.slack.harness import bot_in_process


async def test_a_start_opens_one_connection_a_database(tmp_path: Path) -> None:
    opened: Counter[Pool] = Counter()

    def connected(_dbapi_connection: Any, record: Any) -> None:
        opened[record._ConnectionRecord__pool] += 1

    event.listen(Pool, "connect", connected)
    try:
        async with bot_in_process(tmp_path) as slack:
            bot = slack.runner.bot
            engines = [bot.services.engine, bot.inbox_engine]
            pools = [engine.sync_engine.pool for engine in engines if engine is not None]
            assert {pool: opened[pool] for pool in pools} == dict.fromkeys(pools, 1)
    finally:
        event.remove(Pool, "connect", connected)
