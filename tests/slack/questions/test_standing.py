"""Routing moves down colleagues who rarely answer (`storage.offers.responsiveness`): only
the requests they received count against them, never one Slack failed to deliver before it
ran out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.questions.policy import RoutingConfig
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import QUESTION, ask, rows

NEXT_QUESTION = "who can help me import existing buckets into terraform?"


def _asked_about(slack: SlackHarness, words: str) -> list[str]:
    """Who got a request about `words` in their DM."""
    return [
        handle
        for handle, user in slack.users.items()
        if any(m.bot_id and words in str(m.blocks) for m in slack.emu.dm_messages(user))
    ]


@pytest.mark.postgres_too
async def test_a_request_slack_never_delivered_does_not_count_against_its_colleague(
    slack: SlackHarness,
) -> None:
    """Dev and Bob know Terraform alike, and on a tie Bob is asked first. Both are asked
    Alice's question; Slack fails every message to Dev until his request runs out, while
    Bob, who got his, lets it run out. Asked next, Dev comes first: he had been moved down
    as if he had ignored a request he never got, level with Bob, who is asked first on a
    tie; Bob's silence still counts."""
    for handle, skills in (("bob", "terraform:5"), ("dev", "postgres:3")):
        assert (await slack.command(handle, "/skills", f"add {skills}")).ok
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    im = slack.emu.workspace.open_im(slack.user("dev")).id
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=im)
    await ask(slack)
    assert _asked_about(slack, QUESTION) == ["bob"]

    slack.advance(timedelta(minutes=31))
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.settle()
    _question, offers = await rows(slack)
    ran_out = {o.candidate_user_id: o.dm_ts for o in offers if o.status == "expired"}
    assert ran_out.keys() == {slack.user("bob"), slack.user("dev")}, ran_out
    assert ran_out[slack.user("dev")] is None, ran_out

    slack.emu.faults.clear()  # Slack is well again
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await slack.command("alice", "/ask", NEXT_QUESTION)
    await slack.settle()
    assert _asked_about(slack, "import existing buckets") == ["dev"]


async def test_a_request_passed_over_before_it_was_sent_does_not_count_against_its_colleague(
    slack: SlackHarness,
) -> None:
    """Dev and Bob know Terraform alike, and on a tie Bob is asked first. Asked Alice's
    question while it is night where Dev is, Dev's request waits for his morning, and he opts
    out before it: it is never sent, and he is passed over. Bob lets his run out. Back, Dev is
    asked the next question first: he had been moved down as if he had said *Not me* to a
    request he never got."""
    for handle, skills in (("bob", "terraform:5"), ("dev", "postgres:3")):
        assert (await slack.command(handle, "/skills", f"add {skills}")).ok
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await slack.emu.change_user(slack.user("dev"), tz="Etc/GMT+7")  # 03:00 there
    await slack.settle()
    await ask(slack)
    await slack.command("dev", "/skills", "optout")
    await slack.settle()
    slack.advance(timedelta(hours=7))  # Dev's 10:00
    await slack.drain()
    await slack.runner.bot.scheduler.run_once("escalate")
    await slack.settle()
    _question, offers = await rows(slack)
    ended = {o.candidate_user_id: (o.status, o.dm_ts) for o in offers}
    assert ended[slack.user("dev")] == ("declined", None), ended
    assert ended[slack.user("bob")][0] == "expired", ended
    assert _asked_about(slack, QUESTION) == ["bob"]

    await slack.command("dev", "/skills", "back")
    await slack.emu.change_user(slack.user("dev"), tz="Europe/London")  # at work, as Bob is
    await slack.settle()
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await slack.command("alice", "/ask", NEXT_QUESTION)
    await slack.settle()
    assert _asked_about(slack, "import existing buckets") == ["dev"]
