"""A delivery Slack will never take (a scope the install lacks, blocks it refuses) is given up
at once, with one WARNING line saying why, in Slack's own words: the operator fixes it, then
`askaround outbox retry` sends it."""

from __future__ import annotations

import gc
import logging

import pytest
from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, give, kudos_posts


async def test_a_scope_the_install_lacks_is_named_in_one_warning(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    slack.emu.faults.add(
        "conversations.open",
        error="missing_scope",
        extra={"needed": "im:write", "provided": "chat:write,commands"},
        times=None,
    )
    # Bob's DM telling him of his kudos: the one place it can be said (an asker with `/ask`
    # is told in an ephemeral instead, `handlers.outbox.asker_posts.tell_asker`).
    await give(slack, "alice", "@bob for the review")
    await slack.drain()
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert failed and all(f.attempts == 1 for f in failed)
    assert all(f.last_error == "missing_scope (needs im:write)" for f in failed)
    gc.collect()
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    for item in failed:
        assert any(f"delivery {item.id} " in w and "needs im:write" in w for w in warned)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("error", ["team_added_to_org", "rate_limited"])
async def test_slacks_errors_that_pass_are_waited_out(slack: SlackHarness, error: str) -> None:
    """Two answers in the error list of chat.postMessage's reference that pass: Slack's
    `team_added_to_org` while the workspace is being migrated into an Enterprise Grid
    organisation ("operations will be intermittently unavailable until the transition is
    complete"), and `rate_limited` ("Application has posted too many messages"), an HTTP 200
    beside the 429 `ratelimited`. The kudos DM is tried again and posted once, as is the
    shout-out; before, it was given up at the first answer."""
    slack.emu.faults.add("chat.postMessage", error=error, times=2)
    await give(slack, "alice", f"<@{slack.user('bob')}> for untangling the release")
    await slack.drain()
    assert len(kudos_posts(slack, "general")) == 1
    assert "untangling the release" in dm_text(slack, "bob")
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert [(f.method, f.last_error) for f in failed] == []
