"""ASKAROUND_DATABASE_URL as operators write it wrong: each is one line saying how to write it,
and a password is never shown, not even in part."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.harness import run_main

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "sqlite://askaround.db",
            "“sqlite://askaround.db” puts the file where a host goes: a file takes three "
            "slashes, sqlite:///askaround.db",
        ),
        (
            "sqlite://var/lib/askaround/askaround.db",
            "“sqlite://var/lib/askaround/askaround.db” puts the file where a host goes: a file "
            "takes three slashes, sqlite:///var/lib/askaround/askaround.db",
        ),
        (
            "/var/lib/askaround/askaround.db",
            "“/var/lib/askaround/askaround.db” is not like sqlite:///askaround.db or "
            "postgresql://user:password@host:5432/database (a file is named "
            "sqlite:////var/lib/askaround/askaround.db)",
        ),
        (
            "postgresql://askaround:s3cr@tpw@127.0.0.1:5432/askaround",
            "an “@” in its password (or user name) ends it early: write it as %40, as in "
            "postgresql://user:p%40ss@host/database",
        ),
    ],
)
async def test_a_database_url_written_wrong_says_how_to_write_it(
    url: str,
    said: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`sqlite://askaround.db` was refused as "an in-memory SQLite database" though it named a
    file; a bare path was told the URL's shape but not its own URL; and `p@ss` in a password
    was tried as the host `ss@127.0.0.1`, the failure showing `postgres:***@tpw@…`, half the
    password."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
    code, out, err = await run_main(["migrate"], capsys)
    assert (code, out, err) == (2, "", f"askaround: ASKAROUND_DATABASE_URL is malformed: {said}\n")
    assert "tpw" not in err
