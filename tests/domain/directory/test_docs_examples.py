"""The people files docs/directory.md shows import as it says, through `askaround import
people` against a Slack (the emulator) that has their people: a newcomer copies them first."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.runtime.cli import main
from slack_emulator import SlackEmulator

pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[3]
TOKEN = "xoxb-docs"


@pytest.fixture
async def slack(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AsyncIterator[Path]:
    for name in list(os.environ):
        if name.startswith(("SLACK_", "ASKAROUND_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    emu = await SlackEmulator("secret", bot_token=TOKEN).start()
    for handle in ("maria", "alice", "bob"):
        emu.workspace.add_user(handle, email=f"{handle}@example.com", user_id=f"U0{handle.upper()}")
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    monkeypatch.setenv("SLACK_API_URL", emu.api_url)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{tmp_path / 'docs.db'}")
    yield tmp_path
    await emu.stop()


def example(kind: str) -> str:
    page = (ROOT / "docs" / "directory.md").read_text()
    found = re.search(rf"```{kind}\n(.*?)```", page, flags=re.S)
    assert found, kind
    return found.group(1)


@pytest.mark.parametrize("kind", ["csv", "yaml"])
async def test_the_example_people_file_imports_whole(
    slack: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = slack / f"people.{kind}"
    path.write_text(example(kind))
    capsys.readouterr()
    code = await asyncio.to_thread(main, ["import", "people", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert re.match(r"\d+ imported, 0 updated, 0 unchanged, 0 rejected\.", out), out
    assert "warning" not in out, out
