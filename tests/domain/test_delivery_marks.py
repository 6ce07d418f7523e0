"""A retry finds the message its earlier attempt posted by the delivery's mark."""

from __future__ import annotations

import pytest

from handlers.client.marks import EVENT_TYPE, find_mark, mark

pytestmark = pytest.mark.database_independent


def test_a_mark_is_found_when_slack_answers_with_more_metadata() -> None:
    """Slack's metadata as read back may carry more than was sent; the key still finds it."""
    posted = {
        "ts": "1.2",
        "metadata": {
            "event_type": EVENT_TYPE,
            "event_payload": {"key": "kudos.shoutout:T1:k", "app": "askaround"},
            "app_id": "A0ASKAROUND",
        },
    }
    other = {"ts": "1.1", "metadata": mark("kudos.shoutout:T1:other")}
    assert find_mark([other, posted], "kudos.shoutout:T1:k") is posted
    assert find_mark([other], "kudos.shoutout:T1:k") is None
    assert (
        find_mark(
            [
                {
                    "ts": "1.3",
                    "metadata": {
                        "event_type": "x",
                        "event_payload": {"key": "kudos.shoutout:T1:k"},
                    },
                }
            ],
            "kudos.shoutout:T1:k",
        )
        is None
    )
