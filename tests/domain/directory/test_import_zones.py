"""An imported file's `tz` is checked by the one time-zone helper: a name is kept when Slack's
`tz` with that name would be, and refused when it would not."""

from __future__ import annotations

import pytest

from bot.directory.import_files import RawRow
from bot.directory.import_rows import RowError, validate_row
from bot.timezone import from_slack

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "tz", ["Asia/Kathmandu", "Pacific/Chatham", "Asia/Calcutta", "America/Buenos_Aires"]
)
def test_a_zone_slack_may_name_is_imported_as_it_is(tz: str) -> None:
    assert from_slack(tz, 0) == tz
    assert validate_row(RawRow(1, {"email": "ana@example.com", "tz": tz})).tz == tz


@pytest.mark.parametrize("tz", ["US/Pacific-New", "America", "Mars/Olympus"])
def test_a_zone_we_do_not_know_is_refused_with_an_example(tz: str) -> None:
    assert from_slack(tz, 0) == "UTC"
    with pytest.raises(
        RowError, match=r"is not a time zone(: did you mean .+\?)? \(say Europe/Paris\)"
    ):
        validate_row(RawRow(1, {"email": "ana@example.com", "tz": tz}))
