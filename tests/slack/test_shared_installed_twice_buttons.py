"""A button pressed in a channel shared by two organisations that both installed askaround
(Slack Connect, OAuth mode) stays with the installation Slack names, unlike an event.

Slack names as an interaction's `team` the installation that posted the message pressed on
(slackapi/java-slack-sdk#1041), or opened the form (`view.app_installed_team_id`,
slackapi/bolt-js#1614): what the button or the form carries (a question's id, a kudos') is
that installation's, and its people's. Handled as the presser's own workspace, a press
would look it up among the wrong customer's data. The presser from the other side is that
installation's guest there, as a person of an organisation without askaround is."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import real, send
from tests.slack.test_shared_installed_twice import connected, mention_naming, seen_from, told

pytestmark = pytest.mark.filterwarnings(
    "ignore:BasicAuth is deprecated:DeprecationWarning"  # slack_sdk's oauth.v2.access call
)
NOT_YOURS = "Only the person who asked, or who helped, can mark it solved."


@pytest.fixture
async def sides(tmp_path: Path) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    async with connected(tmp_path) as pair:
        yield pair


async def test_solved_pressed_by_the_other_sides_member_is_the_posting_sides_question(
    sides: tuple[SlackHarness, SlackHarness],
) -> None:
    """Zoe (Alpha) asks in #partners; Bob (Bravo, which installed askaround too) presses
    *Solved* on askaround's message about it there, and Slack names Alpha, which posted it.
    Bob is told only its asker or helper may, on Alpha's side, and the question stays open;
    nothing is looked up or said on Bravo's."""
    a, b = sides
    await mention_naming(a, "zoe", named=a)
    async with a.services.sessions() as s:
        (question,) = await s.scalars(select(Question))
    bob = b.user("bob")
    seen_from(a, bob, home=b.team_id)
    payload = real(a, "not_now_on_an_ephemeral_nudge")["payload"]
    payload["container"] |= {"channel_id": a.channel("partners"), "is_ephemeral": False}
    payload["actions"][0] |= {"action_id": "question_solved", "value": str(question.id)}
    payload["channel"] = {"id": a.channel("partners"), "name": "partners"}
    payload["user"] |= {"id": bob, "name": "bob", "team_id": b.team_id}
    payload["response_url"] = a.here.response_url(bob, a.channel("partners"))
    payload["team"] = {"id": a.team_id, "domain": "alpha"}
    body = urlencode({"payload": json.dumps(payload)})
    assert await send(a, "application/x-www-form-urlencoded", body) == (200, "")
    await a.drain()
    assert told(a, bob) == [NOT_YOURS] and told(b, bob) == []
    async with a.services.sessions() as s:
        (still,) = await s.scalars(select(Question))
    assert (still.team_id, still.status) == (a.team_id, question.status)
