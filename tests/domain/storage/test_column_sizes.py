"""Every `String(N)` column has a writer that keeps it within N: PostgreSQL refuses a longer
value where SQLite keeps it (ten kudos reactions of 1,009 characters in a String(200) failed
only there). A new column is listed here with what bounds it, and its largest value has a test
marked for PostgreSQL (docs/architecture.md, "The rules")."""

from __future__ import annotations

import pytest
from sqlalchemy import String, Text

from storage.models import Base

pytestmark = pytest.mark.database_independent  # the models alone

# A Slack id or message ts (U…, C…, T…, E…, 1700000000.123456), or one of ours (a uuid).
IDS = ("id", "_id", "_channel", "ts", "_ts", "_by")
# What keeps each other column within its size.
BOUNDED = {
    # Words of askaround's own: a status, a kind, a source, a setting's name, an ISO week.
    "bot_dms.kind": "word",
    "digest_runs.status": "word",
    "digest_runs.week": "word",
    "kudos.source": "word",
    "offers.status": "word",
    "offers.kind": "word",
    "outbox.method": "word",
    "outbox.status": "word",
    "people.routing_status": "word",
    "person_skills.source": "word",
    "questions.status": "word",
    "questions.source": "word",
    "setting_changes.key": "word",
    "workspaces.digest_scope": "validated: all or direct",
    "connections.relationship": "validated: RELATIONSHIPS",
    # Built from Slack's ids and our prefixes: under 100 characters with Slack's ids.
    "inbox.request_key": "key",
    "outbox.dedupe_key": "key",
    "kudos.idempotency_key": "key",
    "kudos.batch_key": "key",
    "questions.idempotency_key": "key",
    # Typed by people: refused past the size, with why.
    "company_values.name": "validated: bot.workspace_settings.keys (64)",
    "skills.name": "validated: bot.directory.parse.SKILL_NAME_CHARS, display_name keeps a key's",
    "skills.key": "cut: bot.directory.skills.MAX_KEY_LENGTH",
    "skill_aliases.alias": "cut: bot.directory.skills.MAX_KEY_LENGTH",
    "connections.contact_name": "validated: bot.directory.parse.CONTACT_NAME_CHARS",
    "people.title": "validated: bot.directory.import_rows (200)",
    "people.team_name": "validated: bot.directory.import_rows (200)",
    "people.email": "validated: bot.directory.import_rows (320); Slack's are addresses",
    "people.tz": "validated: a known zone or UTC±hh:mm (bot.timezone)",
    # Slack's names, documented with no length: cut with `…` (bot.profile.fitted).
    "people.name": "cut",
    "people.real_name": "cut",
    # Written by nobody but the defaults (bot.workspace_settings keeps a renamed value's).
    "workspaces.name": "unwritten",
    "company_values.description": "defaults",
}
# slack-sdk's OAuth stores write these with their own table definitions (storage/models/
# installation.py): their sizes are slack-sdk's.
SLACK_SDK = ("slack_installations", "slack_bots", "slack_oauth_states")


def test_every_sized_column_says_what_keeps_it_within_its_size() -> None:
    unaccounted = [
        f"{table.name}.{column.name} String({column.type.length})"
        for table in Base.metadata.sorted_tables
        if table.name not in SLACK_SDK
        for column in table.columns
        if isinstance(column.type, String) and not isinstance(column.type, Text)
        if not column.name.endswith(IDS) and f"{table.name}.{column.name}" not in BOUNDED
    ]
    assert unaccounted == []


def test_every_column_listed_is_still_there() -> None:
    columns = {f"{t.name}.{c.name}" for t in Base.metadata.sorted_tables for c in t.columns}
    assert set(BOUNDED) - columns == set()
