"""Group commit: calls that arrive while a write is under way are written together in the
next one, so a burst costs a few transactions instead of one per call (fewer commits, fewer
turns of the event loop, less waiting on SQLite's single writer lock)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Batched(Generic[Item, Result]):
    """`await submit(item)` answers with `write(items)`'s result for that item; one write runs
    at a time, and a failed write fails every call of its batch with the same error."""

    def __init__(
        self, write: Callable[[Sequence[Item]], Awaitable[Sequence[Result]]], name: str
    ) -> None:
        self._write = write
        self._name = name
        self._waiting: list[tuple[Item, asyncio.Future[Result]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Result:
        answer: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, answer))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all(), name=self._name)
        return await asyncio.shield(answer)  # a caller that gives up leaves its batch alone

    async def _write_all(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                results = await self._write([item for item, _ in batch])
            except Exception as error:
                for _, answer in batch:
                    if not answer.done():
                        answer.set_exception(error)
                continue
            for (_, answer), result in zip(batch, results, strict=True):
                if not answer.done():
                    answer.set_result(result)
