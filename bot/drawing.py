"""Pictures (matplotlib, Agg) are drawn on one thread of their own.

Off the event loop, a picture no longer holds up every ack meanwhile (a digest's chart took
0.15-0.25 s of CPU, 0.65 s the first time); on one thread, two pictures are never drawn at
once, since matplotlib is not thread-safe.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

Subject = TypeVar("Subject")

_DRAWING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askaround-drawing")


async def drawn(draw: Callable[[Subject], bytes], subject: Subject) -> bytes:
    """`draw(subject)`, on the drawing thread."""
    return await asyncio.get_running_loop().run_in_executor(_DRAWING, draw, subject)
