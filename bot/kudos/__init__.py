"""Kudos: the recognition ledger, its rules, shout-outs' content and leaderboards (Slack-free)."""
