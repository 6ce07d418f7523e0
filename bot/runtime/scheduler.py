"""Periodic jobs inside `askaround serve`: each runs on its own interval and never overlaps
itself; some run once at start too, or only then (the directory's catch-up), and a workspace
installing runs its own once (`soon`). Jobs must be safe to run on several replicas at once
(their effects are database claims), so the scheduler needs no leader election."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("askaround.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float | None  # None: only at start (`at_start`) or when run
    run: Callable[[], Awaitable[object]]
    # Also once as soon as the process has started (`Scheduler.started`), not only after
    # its first interval.
    at_start: bool = False


class Scheduler:
    def __init__(self, jobs: list[Job]) -> None:
        self.jobs = {job.name: job for job in jobs}
        self._tasks: list[asyncio.Task[None]] = []
        self._soon: set[asyncio.Task[None]] = set()

    def add(self, jobs: list[Job]) -> None:
        self.jobs.update((job.name, job) for job in jobs)

    def started(self, after: asyncio.Future[Any] | None = None) -> None:
        """Start-up is done: the jobs that run at start run now, in the background, once
        `after` (routing's indexes being built) is done, however it ended."""

        def once_after(run: Callable[[], Awaitable[object]]) -> Callable[[], Awaitable[object]]:
            async def waited() -> object:
                if after is not None:
                    await asyncio.wait([after])
                return await run()

            return waited

        for job in self.jobs.values():
            if job.at_start:
                self.soon(job.name, once_after(job.run))

    def soon(self, name: str, run: Callable[[], Awaitable[object]]) -> None:
        """Run `run` once, now, in the background (a workspace just installed)."""
        task = asyncio.create_task(self._once(name, run), name=name)
        self._soon.add(task)
        task.add_done_callback(self._soon.discard)

    async def run_once(self, name: str) -> object:
        return await self.jobs[name].run()

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._loop(job.every_seconds, job), name=job.name)
            for job in self.jobs.values()
            if job.every_seconds is not None
        ]

    async def idle(self) -> None:
        """Wait for the runs `soon` started (tests, before they look)."""
        while self._soon:
            await asyncio.gather(*self._soon, return_exceptions=True)

    async def stop(self) -> None:
        tasks = [*self._tasks, *self._soon]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks = []

    async def _loop(self, every_seconds: float, job: Job) -> None:
        while True:
            await asyncio.sleep(every_seconds)
            await self._once(job.name, job.run)

    async def _once(self, name: str, run: Callable[[], Awaitable[object]]) -> None:
        try:
            await run()
        except Exception:  # a failing job must not stop the others, nor itself next time
            log.exception("job %s failed", name)
