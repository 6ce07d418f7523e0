"""One bot for a module's cases that leave nothing behind (`module_bot` and its guard
`unchanged`, in conftest.py): a bot's start and stop cost some 25 ms of CPU, more than a case
that sends one body and reads the answer. Each case is checked to have left the bot as it
found it, its database's rows and what Slack shows anyone, so no case reads what another left;
one that changed something fails, named, and belongs on a bot of its own. Caches of what Slack
answered stay warm from case to case, as in a bot serving for a while."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from storage.models import Base
from tests.slack.harness import SlackHarness

# A form opened is Slack's only effect a case may leave: no case reads another's form.
FORMS = {"modal_opened", "modal_updated", "modal_pushed", "modal_closed"}
# Not compared: the inbox keeps each request seen (a case's own event id, which is what makes
# Slack's retry a no-op), and `replicas` the bot's heartbeat.
TABLES = [t for t in Base.metadata.sorted_tables if t.name not in ("inbox", "replicas")]


@dataclass
class Mark:
    """Where the bot stood before a case: its rows, how many effects Slack had seen and how
    many Block Kit problems of the bot's it had noted."""

    rows: dict[str, list[Any]]
    effects: int
    problems: int


class ModuleBot:
    """The module's bot, and what reads its rows: on SQLite a plain connection kept open (a
    trip through the bot's engine a table would cost more than the bot's start saves; a read
    in WAL mode holds no lock the bot waits on), on PostgreSQL the bot's engine."""

    def __init__(self, slack: SlackHarness) -> None:
        self.slack = slack
        url = make_url(slack.runner.settings.database_url)
        path = url.database if url.get_backend_name() == "sqlite" else None
        self._file = sqlite3.connect(path, isolation_level=None) if path else None

    async def mark(self) -> Mark:
        emu = self.slack.emu
        effects = len(self.slack.here.effects_since())
        return Mark(await self._rows(), effects, len(emu.block_kit_problems))

    def block_kit_problems(self, before: Mark) -> list[str]:
        """What Slack would have refused or warned about since `before`."""
        return self.slack.emu.block_kit_problems[before.problems :]

    async def left_behind(self, before: Mark) -> list[str]:
        """What changed since `before`: each table whose rows changed, each effect in Slack
        but a form's."""
        now = await self._rows()
        changed = [f"{t}: {before.rows[t]} -> {now[t]}" for t in now if before.rows[t] != now[t]]
        effects = self.slack.here.effects_since(before.effects)
        return changed + [f"{e.kind}: {e.text}" for e in effects if e.kind not in FORMS]

    async def _rows(self) -> dict[str, list[Any]]:
        if self._file is not None:
            return {
                t.name: self._file.execute(f"SELECT * FROM {t.name}").fetchall() for t in TABLES
            }
        async with self.slack.services.engine.connect() as connection:
            return {t.name: [tuple(r) for r in await connection.execute(select(t))] for t in TABLES}

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
