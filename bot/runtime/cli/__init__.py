"""The `askaround` command line (`command_line.py`). This module loads next to nothing (`sys`,
the exit codes), so that a Ctrl-C while Python loads the rest (about half a second; asyncio
alone is a fifth) is one line, not Python's traceback of the import it fell in."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.runtime.cli.failures import EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv` (the process's own by default); its exit code."""
    try:
        from bot.runtime.cli.command_line import run_command

        return run_command(argv)
    except KeyboardInterrupt:
        return stopped_before_running(list(sys.argv[1:] if argv is None else argv))


def stopped_before_running(words: list[str]) -> int:
    """Ctrl-C before the command ran: one line, and the exit code its own Ctrl-C gives (a
    stopped `serve` has done what it was asked, as `systemctl stop` expects: 0)."""
    print("askaround: stopped", file=sys.stderr)
    command = next((word for word in words if not word.startswith("-")), "")
    return 0 if command == "serve" else EXIT_INTERRUPTED
