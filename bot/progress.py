"""The progress bar long command-line work draws on standard error (import, sync, eval)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

from tqdm import tqdm

# tqdm's size where a terminal reports none: it drew a blank line there instead of the bar
# (it hides a bar below the terminal's last row, and a terminal of 0 rows has none).
UNSIZED = (24, 80)


def progress_bar(
    desc: str,
    unit: str,
    enabled: bool = True,
    total: int | None = None,
    *,
    items: Iterable[Any] | None = None,
    leave: bool = True,
) -> Any:
    """A count and a rate (`users.list` tells no total), or a percentage when the total is
    known; iterating it goes through `items`. Only on a terminal: piped or written to a log,
    standard error gets no bar (tqdm's None). `leave`: the bar stays once done."""
    return tqdm(
        items,
        total=total,
        desc=desc,
        unit=unit,
        file=sys.stderr,
        disable=None if enabled else True,
        leave=leave,
        **({} if _sized() else {"nrows": UNSIZED[0], "ncols": UNSIZED[1]}),
    )


def _sized() -> bool:
    """Whether standard error's terminal reports its size: not a pseudo-terminal not sized
    yet (`docker exec -t`, `ssh -t` at first); no terminal at all draws no bar."""
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):
        return True
    return bool(size.lines and size.columns)
