"""A manager's report of kudos given for words written right to left."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.digests.conftest import MONDAY_W48, give_directly
from tests.slack.digests.test_report import report
from tests.slack.harness import SlackHarness


async def test_a_reason_in_hebrew_keeps_its_value_after_it_in_a_report(
    company: SlackHarness,
) -> None:
    """Alice thanks Bob in Hebrew ("for fixing the backup at night") with `#craft`. In Maria's
    report the line read "Bob Chen, from Alice Martin: תיקון הגיבוי בלילה #craft", where the
    Hebrew pulled the tag and its punctuation into its own right-to-left run; the reason is
    set apart from the text around it, and the tag stays after it."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await give_directly(company, "alice", "@bob for תיקון הגיבוי בלילה #craft")
    said = await report(company, "maria", "this week")
    assert "Bob Chen, from Alice Martin: \u2068תיקון הגיבוי בלילה\u2069 #craft" in said, said
