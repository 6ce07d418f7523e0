"""Delivery guarantees that no feature should have to think about: the inbox (every request
stored before it is answered), group commit, and when to try a Slack delivery again."""
