"""The giver's correction when the shout-out could not be posted claims the recipients were
told in a DM only once every one of their DMs is recorded as posted (`Entry.dm_ts`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.kudos.records import Entry, Given
from handlers.blocks.kudos import render_unposted

pytestmark = pytest.mark.database_independent

NOW = datetime(2026, 11, 24, 10, tzinfo=UTC)
TOLD = "They were told in a DM; these kudos stay private (only you and they see them)."
PRIVATE = "These kudos stay private (only you and they see them)."


def entry(n: int, dm_ts: str | None) -> Entry:
    given = Entry(n, "UGIVER", f"UR{n}", "for the release", (), "C1", True, "command", NOW, "k")
    return replace(given, dm_ts=dm_ts)


def test_told_in_a_dm_only_once_every_dm_is_posted() -> None:
    both = render_unposted(Given((entry(1, "1.1"), entry(2, "2.2"))), "C1", "not_in_channel")
    assert TOLD in both["text"]
    one = render_unposted(Given((entry(1, "1.1"), entry(2, None))), "C1", "not_in_channel")
    assert "told in a DM" not in one["text"] and PRIVATE in one["text"]
