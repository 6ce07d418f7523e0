"""Tier (b): the Slack adapter in process: signed requests through Bolt's dispatch, the
emulator's Web API, and a fake clock for Slack's pace and for time."""
