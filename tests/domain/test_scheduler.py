"""The jobs `askaround serve` runs at start wait for what start-up still builds."""

from __future__ import annotations

import asyncio

import pytest

from bot.runtime.scheduler import Job, Scheduler


@pytest.mark.parametrize("build_fails", [False, True])
async def test_a_job_run_at_start_waits_for_the_indexes_being_built(build_fails: bool) -> None:
    """The directory's catch-up (the whole of `users.list` in memory) ran while routing's
    indexes were being built, the two peaks of memory at once; it begins once the build is
    done, and also when the build failed."""
    ran: list[str] = []

    async def catch_up() -> None:
        ran.append("catch-up")

    scheduler = Scheduler([Job("catch_up", None, catch_up, at_start=True)])
    building: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    scheduler.started(after=building)
    for _ in range(5):
        await asyncio.sleep(0)
    assert ran == []
    if build_fails:
        building.set_exception(RuntimeError("the build failed"))
    else:
        building.set_result(None)
    await scheduler.idle()
    assert ran == ["catch-up"]
    if build_fails:
        assert isinstance(building.exception(), RuntimeError)
