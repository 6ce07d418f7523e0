"""`askaround skills merge` and `skills alias`, run from an admin's shell (another process:
another replica), reach a running bot's routing at its next question, as `/skills add` does:
until 6 December routing went on without them until its next rebuild."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.runtime.cli import main
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_fresh_profile import same_as_rebuilt
from tests.slack.questions.test_fresh_skills import asked


async def admin(slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, *argv: str) -> None:
    """`askaround skills ARGV --team T…` on the bot's database, as an admin's shell runs it."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "ASKAROUND_")):
            monkeypatch.delenv(name)
    url = slack.services.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
    assert await asyncio.to_thread(main, ["skills", *argv, "--team", slack.team_id]) == 0


async def test_a_merge_and_an_alias_are_routed_on_at_the_next_question(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Carol declared `kubes` (forced, a new skill): Alice's questions about Kubernetes and
    pod wrangling do not find her. An admin merges `kubes` into Kubernetes: Bob's next
    Kubernetes question asks her, and so does Dev's that says `kubes`. An alias
    `pod-wrangling` for Kubernetes: Bob's next question about pod wrangling asks her. Each
    time the bot's copy routes as a fresh load does."""
    monkeypatch.chdir(tmp_path)  # no `.env` of the checkout's is read
    carol = slack.user("carol")
    assert (await slack.command("carol", "/skills", "add kubes!:5")).ok
    await slack.settle()
    assert carol not in await asked(slack, "alice", "how should we size kubernetes pods?")
    assert carol not in await asked(slack, "alice", "who is good at pod wrangling?")

    await admin(slack, monkeypatch, "merge", "kubes", "kubernetes")
    assert carol in await asked(slack, "bob", "how should we size kubernetes pods?")
    assert carol in await asked(slack, "dev", "who knows kubes?")
    await same_as_rebuilt(slack, await slack.services.indexes.get(slack.team_id))

    await admin(slack, monkeypatch, "alias", "pod-wrangling", "kubernetes")
    assert carol in await asked(slack, "bob", "who is good at pod wrangling?")
    await same_as_rebuilt(slack, await slack.services.indexes.get(slack.team_id))
