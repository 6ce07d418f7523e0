"""Talking to Slack's Web API: one shared HTTP session, Slack's pace and rate-limit tiers, which
failures are worth another try, the client of each workspace, and the directory's look-ups."""
