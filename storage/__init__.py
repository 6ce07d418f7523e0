"""Persistence: SQLAlchemy 2 models, the session factory, named queries and migrations.

Query functions take an `AsyncSession` and never commit: the caller owns the unit of work.
"""
