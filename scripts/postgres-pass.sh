# Sourced by scripts/test and .ci/postgres-coverage: what the PostgreSQL pass runs.
# Not the emulator's own tests, the property tests, nor the modules marked database_independent
# (renderers, the detector, the docs, the demo's own SQLite file, and Slack's side of a
# request: malformed requests, payload shapes, greetings, help texts): they run the same on any
# database, once is enough. Of tier b (tests/slack) only the tests marked postgres_too: the
# rest drive Slack logic that is the same on both databases, and the marked ones with
# tiers a and c reach every statement and branch of storage/ that the whole tier b reaches on
# PostgreSQL (.ci/postgres-coverage checks it; docs/testing.md).
POSTGRES_PASS=(--ignore=tests/emulator --ignore=tests/domain/properties
  -m "not database_independent and (not tier_b or postgres_too)")
