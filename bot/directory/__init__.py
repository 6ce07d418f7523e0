"""The expertise directory: the skill vocabulary, profiles, networks, imports and Slack sync.

Everything here is Slack-free; Slack's side (users.list, users.lookupByEmail) arrives through
small protocols implemented in `handlers/client/directory.py`.
"""
