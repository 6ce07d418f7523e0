"""How many malloc arenas `askaround serve` lets glibc make.

glibc gives a thread that finds the arenas in use one of its own, up to eight per core, and
each keeps the memory it once held: serve's threads are SQLite's (one per pooled connection,
aiosqlite's) and asyncio's, and after a burst of recognitions some fifteen arenas held about
13 MiB. Two arenas, the event loop's and one the threads share, kept the peak 6 MB lower in
`recognition_cost` at the same CPU per recognition (docs/benchmarks.md, section 5). It is set
here, by the program, so that every way of running serve (systemd, the container, a shell)
gets it; an operator's own `MALLOC_ARENA_MAX`, read by glibc at start, is left as it is.
"""

from __future__ import annotations

import ctypes
import os
import sys

ARENAS = 2
_M_ARENA_MAX = -8  # glibc's malloc.h


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Before any thread starts; False where it is not glibc's malloc, or the operator chose."""
    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # musl (Alpine) has no mallopt, nor arenas to limit
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(mallopt(_M_ARENA_MAX, arenas))
