"""Block Kit: pure functions from domain values to Slack message and view dicts, one module per
feature, tested directly. Nothing here calls Slack or the database."""
