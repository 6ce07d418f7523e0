"""`askaround skills alias|merge --team T…` curates a workspace's skills with the database URL
alone, as `askaround settings` changes its settings: an admin with no bot token at hand (a
database reached from a laptop, a replica's shell) needs none to fold `k8s` into Kubernetes."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.runtime.cli import main

pytestmark = pytest.mark.database_independent

PEOPLE = """slack_id,handle,name,skills
U0ANA,ana,Ana Silva,"kubes:4, terraform:3"
U0BEN,ben,Ben Okoro,kubernetes:2
"""


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """No Slack setting at all, no `.env` to read, and a SQLite file that can be written."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "ASKAROUND_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    (tmp_path / "people.csv").write_text(PEOPLE)
    yield tmp_path


async def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = await asyncio.to_thread(main, list(argv))
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


async def test_skills_merge_and_alias_with_the_database_alone(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = await run(capsys, "import", "people", "people.csv", "--team", "T0ACME")
    assert code == 0
    code, out, err = await run(capsys, "skills", "merge", "kubes", "kubernetes", "--team", "t0acme")
    assert (code, err) == (0, ""), err
    assert out == "Merged `kubes` into Kubernetes: 1 profile moved, and `kubes` is now an alias."
    code, out, err = await run(capsys, "skills", "--team", "T0ACME", "alias", "tf", "terraform")
    assert (code, err) == (0, ""), err
    assert out == "`tf` now means Terraform (terraform)."
    # the merge was kept: nobody has `kubes` to merge any more
    code, out, err = await run(capsys, "skills", "merge", "kubes", "kubernetes", "--team", "T0ACME")
    assert code == 1 and err == "askaround: Nobody here declared a skill `kubes`.", err


async def test_skills_on_a_workspace_the_database_has_not(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line naming the workspaces there are, as `settings --team` says it."""
    assert (await run(capsys, "import", "people", "people.csv", "--team", "T0ACME"))[0] == 0
    code, out, err = await run(capsys, "skills", "alias", "k8s", "kubernetes", "--team", "T0NOPE")
    assert code == 1 and out == ""
    assert err == "askaround: no workspace T0NOPE in this database (it has: T0ACME)"
