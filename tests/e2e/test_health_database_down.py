"""`/healthz` and `/readyz` while the database refuses connections, on PostgreSQL (a
replica's database gone, the process still up): both answer 503 naming the database, at
once, and 200 again once it is back."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import asyncpg
from sqlalchemy.engine import make_url

from bot.runtime.runner import Runner
from tests.databases import fresh_database
from tests.domain.storage.test_migrations import require_postgres
from tests.e2e.harness import running_bot


async def _allow(url: str, allowed: bool) -> None:
    """Let the database take connections or not; not, it ends those it has."""
    where = make_url(url)
    admin = await asyncpg.connect(
        host=where.host, port=where.port or 5432, user=where.username, database="postgres"
    )
    try:
        await admin.execute(f'ALTER DATABASE "{where.database}" ALLOW_CONNECTIONS {allowed}')
        if not allowed:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
                where.database,
            )
    finally:
        await admin.close()


async def test_health_and_readiness_say_the_database_is_down_and_back(tmp_path: Path) -> None:
    await require_postgres()
    async with (
        fresh_database(tmp_path, "postgresql") as url,
        running_bot(tmp_path, database_url=url) as slack,
    ):
        assert isinstance(slack.runner, Runner)
        base = slack.runner.url.removesuffix("/slack/events")
        async with aiohttp.ClientSession() as http:
            await _allow(url, False)
            try:
                answers = []
                for path in ("healthz", "readyz"):
                    async with http.get(f"{base}/{path}") as resp:
                        answers.append((resp.status, (await resp.json())["database"]))
            finally:
                await _allow(url, True)
            assert answers == [(503, "unreachable"), (503, "unreachable")]
            async with http.get(f"{base}/healthz") as resp:
                assert (resp.status, await resp.json()) == (200, {"ok": True, "database": "ok"})
