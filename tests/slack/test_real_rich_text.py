"""Words held only in rich_text blocks, in the elements Slack's rich text reference lists
(`tests/data/slack/real_payloads.json`, signed and posted as in `test_real_payloads`): read
as the `text` Slack would have sent with them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import body_of, send

pytestmark = pytest.mark.database_independent


async def test_a_question_only_in_blocks_keeps_its_date_and_colour(slack: SlackHarness) -> None:
    """A DM question whose words are only in rich_text blocks, with a date and a colour as
    Slack's rich text elements give them: asked once, in the words Slack's `text` would hold
    (the date as Slack's date token with its fallback, the colour as its value), where both
    were dropped ("before  without breaking the  dashboard?")."""
    content_type, body = body_of(
        slack, "question_only_in_rich_text_blocks_with_a_date_and_a_colour_in_a_dm"
    )
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.text == (
        "how do we rotate the postgres credentials in production before "
        "<!date^1720710212^{date_num} at {time}|timey> without breaking the #F405B3 dashboard?"
    )
