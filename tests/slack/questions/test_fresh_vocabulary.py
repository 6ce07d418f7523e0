"""`askaround skills merge` and `skills alias`, run from an admin's shell (another process:
another replica), reach a running bot's routing at its next question, in place, as `/skills
add` does: until 6 December routing went on without them until its next rebuild, and then
waited for a whole rebuild."""

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


QUESTIONS = (
    "how should we size kubernetes pods?",
    "who knows clusterwork?",
    "who is good at pod wrangling?",
    "anyone into wombat herding?",
    "who knows wombats?",
    "how do we import terraform state?",
)


@pytest.mark.postgres_too
async def test_a_merge_and_an_alias_are_routed_on_at_the_next_question(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Carol declared `clusterwork` (forced, a new skill), Maria `clusterwork` at 5 and
    Kubernetes at 2, Bob knows the CNCF Slack about clusterwork: Alice's questions about
    Kubernetes and pod wrangling do not find Carol. An admin merges `clusterwork` into
    Kubernetes: Bob's next Kubernetes question asks her, and so does Dev's that says
    `clusterwork`. An alias `pod-wrangling` for Kubernetes: Bob's next question about pod
    wrangling asks her. Neither rebuilt the copy in hand (each made every replica's next
    question wait for a rebuild, 30-50 s at 100,000 people), and after each it routes as a
    fresh load does: Maria's levels, the holders, Bob's network topic filed under Kubernetes,
    Alice's under a skill the alias created, the skills' neighbours."""
    monkeypatch.chdir(tmp_path)  # no `.env` of the checkout's is read
    carol = slack.user("carol")
    for handle, command in (
        ("carol", "add clusterwork!:5"),
        ("maria", "add clusterwork!:5"),
        ("maria", "add kubernetes:2"),
        ("bob", "network add CNCF Slack about clusterwork"),
        ("alice", "network add Zoo guild about wombat herding"),
    ):
        assert (await slack.command(handle, "/skills", command)).ok
    await slack.settle()
    assert carol not in await asked(slack, "alice", "how should we size kubernetes pods?")
    assert carol not in await asked(slack, "alice", "who is good at pod wrangling?")
    index = await slack.services.indexes.get(slack.team_id)
    builds = slack.services.indexes.builds

    await admin(slack, monkeypatch, "merge", "clusterwork", "kubernetes")
    assert carol in await asked(slack, "bob", "how should we size kubernetes pods?")
    assert carol in await asked(slack, "dev", "who knows clusterwork?")
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds
    assert index.evidence.level(slack.user("maria"), "kubernetes") == 5
    await same_as_rebuilt(slack, index, QUESTIONS)

    await admin(slack, monkeypatch, "alias", "pod-wrangling", "kubernetes")
    await admin(slack, monkeypatch, "alias", "wombat-herding", "wombats")
    assert carol in await asked(slack, "bob", "who is good at pod wrangling?")
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds
    await same_as_rebuilt(slack, index, QUESTIONS)
