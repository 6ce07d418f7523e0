"""`askaround import people`, run from an admin's shell beside a running bot (another
process: another replica), reaches routing at the next question: skills and network entries
it wrote are caught up in place, and a copy caught up routes as one built afresh from the
database would (docs/directory.md, "Routing sees profiles at once"). Until 6 December the
bot routed on without them until its timed rebuild, a minute or ten times its load later."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.directory.import_writer import IN_PLACE
from storage import people as people_q
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_fresh_profile import same_as_rebuilt
from tests.slack.questions.test_fresh_skills import asked, offers
from tests.slack.test_fresh_org_chart import import_people

HEADER = "email,skills,network\n"
COBOL = "who can read our cobol copybooks?"
NETWORK = '"CNCF Slack about kubernetes, helm as functional"'


@pytest.mark.postgres_too
async def test_skills_and_a_network_imported_beside_the_bot_are_routed_on_at_once(
    slack: SlackHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import gives Carol COBOL at level 5 (a skill the workspace did not have) and the
    CNCF Slack (kubernetes) in her network: Alice's next COBOL question asks her, her
    Kubernetes one asks her as a connector, from the copy in hand, caught up, not rebuilt."""
    assert await asked(slack, "alice", COBOL) == []
    index = await slack.services.indexes.get(slack.team_id)
    builds = slack.services.indexes.builds
    rows = f"carol@example.com,cobol:5,{NETWORK}\n"
    await import_people(slack, monkeypatch, tmp_path, rows, HEADER)

    carol = slack.user("carol")
    assert await asked(slack, "alice", COBOL) == [carol]
    pods = await offers(slack, "alice", "how should we size kubernetes pods for the api?")
    assert [(o.candidate_user_id, o.kind) for o in pods] == [(carol, "connector")]
    assert await slack.services.indexes.get(slack.team_id) is index
    assert slack.services.indexes.builds == builds
    await same_as_rebuilt(slack, index)


async def test_an_import_changing_many_people_has_every_copy_rebuilt(
    slack: SlackHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import that changes more than IN_PLACE people's skills (Carol's COBOL among them)
    has the next question routed by a copy rebuilt from the database: caught up in place,
    they would hold the event loop about 1 ms each."""
    async with slack.services.sessions() as s, s.begin():
        for n in range(IN_PLACE):
            await people_q.upsert_profile(
                s, slack.team_id, f"UIMPORTED{n:05}", name=f"p{n}", email=f"p{n}@example.com"
            )
    assert await asked(slack, "alice", COBOL) == []
    index = await slack.services.indexes.get(slack.team_id)
    builds = slack.services.indexes.builds
    rows = "".join(f"p{n}@example.com,fortran:3,\n" for n in range(IN_PLACE))
    await import_people(slack, monkeypatch, tmp_path, rows + "carol@example.com,cobol:5,\n", HEADER)

    assert await asked(slack, "alice", COBOL) == [slack.user("carol")]
    rebuilt = await slack.services.indexes.get(slack.team_id)
    assert rebuilt is not index and slack.services.indexes.builds == builds + 1
    await same_as_rebuilt(slack, rebuilt)
