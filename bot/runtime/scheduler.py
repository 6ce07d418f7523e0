"""Periodic jobs inside `askaround serve`: each runs on its own interval and never overlaps
itself. Jobs must be safe to run on several replicas at once (their effects are database
claims), so the scheduler needs no leader election."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger("askaround.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[], Awaitable[object]]


class Scheduler:
    def __init__(self, jobs: list[Job]) -> None:
        self.jobs = {job.name: job for job in jobs}
        self._tasks: list[asyncio.Task[None]] = []

    async def run_once(self, name: str) -> object:
        return await self.jobs[name].run()

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._loop(job), name=job.name) for job in self.jobs.values()
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    async def _loop(self, job: Job) -> None:
        while True:
            await asyncio.sleep(job.every_seconds)
            try:
                await job.run()
            except Exception:  # a failing job must not stop the others, nor itself next time
                log.exception("job %s failed", job.name)
