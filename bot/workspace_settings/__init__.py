"""Workspace settings as admins change them, from Slack or the CLI: the keys and what each
accepts (`keys`), and the service that applies a change with its audit log (`service`)."""
