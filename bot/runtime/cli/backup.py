"""`askaround backup FILE`: a consistent copy of the SQLite database, safe while the bot runs.

Copying the file with `cp` while the bot writes can copy half a transaction, and its latest
ones wait in the `-wal` file beside it; `sqlite3 askaround.db ".backup FILE"` is safe, but
the container image and many servers have no `sqlite3` program. This uses the same online
backup as that command, through Python's own sqlite3 module. It does not migrate: a backup
taken before an upgrade keeps the schema the older release reads.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
from pathlib import Path
from typing import Any

from bot.errors import AskaroundError
from bot.settings import database_url_from_env


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "backup",
        examples=[
            "askaround backup /var/backups/askaround-2026-12-07.db",
        ],
        help="copy the SQLite database to a new file, safely while the bot runs",
        description=(
            "Copy the SQLite database of ASKAROUND_DATABASE_URL to FILE, a new file, as one "
            "consistent snapshot, while the bot keeps serving. To restore, stop askaround and "
            "put the copy in the database's place. PostgreSQL is backed up with pg_dump or "
            "your provider's backups instead."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the copy to write (not there yet)")
    return parser


async def run(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from bot.runtime.cli.database import check_sqlite_path

    url = database_url_from_env()
    if make_url(url).get_backend_name() != "sqlite":
        raise AskaroundError(
            "backup copies a SQLite database; back up PostgreSQL with pg_dump (or your "
            "provider's backups)"
        )
    check_sqlite_path(url, "back up the database")
    source = Path(make_url(url).database or "")
    target: Path = args.file
    size = await asyncio.to_thread(_copy, source, target)
    print(f"askaround: backed up {source} to {target} ({size / 1_000_000:.1f} MB)")
    return 0


def _copy(source: Path, target: Path) -> int:
    """SQLite's online backup: readers and the bot's writes go on meanwhile; a write made
    during it restarts it, as `sqlite3`'s `.backup` does."""
    if target.exists():
        raise AskaroundError(f"{target} is there already: name a new file for the copy")
    folder = target.absolute().parent
    if not folder.is_dir():
        raise AskaroundError(f"no such folder: {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):  # root passes, unless the disk is read-only
        raise AskaroundError(f"cannot write the copy in {folder}: the folder is not writable")
    reading = sqlite3.connect(source)
    try:
        writing = sqlite3.connect(target)
        try:
            reading.backup(writing)
        finally:
            writing.close()
    except sqlite3.Error as error:  # a read-only disk, a full one
        target.unlink(missing_ok=True)
        raise AskaroundError(f"cannot write the copy {target}: {error}") from error
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        reading.close()
    return target.stat().st_size
