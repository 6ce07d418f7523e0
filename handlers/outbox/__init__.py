"""The outbox's Slack side: the worker that sends due deliveries, and one sender per feature,
each rendering its message from the database as it is when sent."""
