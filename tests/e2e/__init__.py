"""Tier (c): the whole bot over real sockets (HTTP and Socket Mode), the local Slack emulator
and a database file or PostgreSQL database: few and focused."""
