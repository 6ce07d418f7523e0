"""`askaround backup FILE` while the bot serves: a copy the bot starts on again, made without
the `sqlite3` program, which the container image and many servers do not have."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.migrate import head
from tests.e2e.harness import run_main
from tests.e2e.test_operator_start import lines_until_listening, serving

pytestmark = pytest.mark.database_independent


def _read(copy: Path) -> tuple[str, str, int]:
    with sqlite3.connect(copy) as connection:
        (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        (checked,) = connection.execute("PRAGMA integrity_check").fetchone()
        (people,) = connection.execute("SELECT count(*) FROM people").fetchone()
    return version, checked, people


async def test_a_backup_taken_while_serving_is_whole_and_serves_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database, copy = tmp_path / "askaround.db", tmp_path / "copy.db"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{database}")
    async with serving(database) as served:
        await lines_until_listening(served)
        code, out, err = await run_main(["backup", str(copy)], capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"askaround: backed up {database} to {copy} (")
    version, checked, _ = _read(copy)
    assert (version, checked) == (head(), "ok")
    async with serving(copy) as again:  # restored: the copy in the database's place
        said = await lines_until_listening(again)
    assert not any(" ERROR " in line for line in said)


async def test_backup_refuses_what_it_cannot_copy_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{tmp_path / 'absent.db'}")
    code, out, err = await run_main(["backup", "copy.db"], capsys)
    assert (code, out) == (1, "")
    assert err.startswith("askaround: cannot back up the database sqlite+aiosqlite:///")
    assert "no such file" in err and len(err.splitlines()) == 1

    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{tmp_path / 'here.db'}")
    assert (await run_main(["migrate"], capsys))[0] == 0
    (tmp_path / "taken.db").write_text("an older copy")
    code, out, err = await run_main(["backup", "taken.db"], capsys)
    assert (code, out, err) == (
        1,
        "",
        "askaround: taken.db is there already: name a new file for the copy\n",
    )

    # a place SQLite cannot open (as a read-only or full disk would refuse the copy)
    (tmp_path / "dangling.db").symlink_to(tmp_path / "gone" / "copy.db")
    code, out, err = await run_main(["backup", "dangling.db"], capsys)
    assert (code, out) == (1, "")
    assert err == "askaround: cannot write the copy dangling.db: unable to open database file\n"

    monkeypatch.setenv("ASKAROUND_DATABASE_URL", "postgresql://askaround@db.example.com/askaround")
    code, out, err = await run_main(["backup", "copy.db"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "askaround: backup copies a SQLite database; back up PostgreSQL with pg_dump (or your "
        "provider's backups)\n"
    )
