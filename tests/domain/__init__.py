"""Tier (a): the Slack-free domain and storage on a real database (SQLite, or PostgreSQL
in CI), with no Slack at all."""
