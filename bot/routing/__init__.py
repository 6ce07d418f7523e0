"""Question routing: who should be asked, who knows someone, and why, in words.

Slack-free and SQL-free: `load_index` reads the workspace through `storage.routing`
once, then answers in memory and is updated incrementally as questions are solved.
"""
