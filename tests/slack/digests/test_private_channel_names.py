"""A kudos reason may link a private channel (`for the fix in #secret-project`, which Slack
sends as `<#G…|secret-project>`). Slack shows such a link to anyone outside the channel as
"private channel"; the CSV files sent with a long report are text, where no client hides it,
so they never carry a channel's name, only its link's id."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.digests.conftest import MONDAY_W48
from tests.slack.digests.test_large import files_in_dm, hire
from tests.slack.digests.test_report import report
from tests.slack.harness import SlackHarness


async def test_the_report_csv_names_no_private_channel(company: SlackHarness) -> None:
    """Alice thanks Bob in #general for the fix in #secret-project, a private channel Maria
    is not in; Maria's report of a large team comes with the shout-outs as a CSV file, where
    the reason reads as typed but the channel by its id alone."""
    ws = company.here.workspace
    secret = ws.add_channel(
        "secret-project", is_private=True, members=[company.user("alice"), company.user("bob")]
    )
    await hire(company, 20)
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    link = f"<#{secret.id}|secret-project>"
    assert (await company.command("alice", "/kudos", f"@bob for the fix in {link}")).ok
    await company.settle()
    await report(company, "maria", "this week")
    [shoutouts] = files_in_dm(company, "maria", "shout-outs-2026-W48.csv")
    assert shoutouts.content is not None
    text = shoutouts.content.decode()
    assert f"Bob Chen,Alice Martin,the fix in #{secret.id}," in text, text
    assert "secret-project" not in text, text
