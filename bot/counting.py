"""When askaround began counting a workspace's kudos and help: one moment, which the digests
and the insights both say as "counted since" a day, and show nothing from before."""

from __future__ import annotations

from datetime import datetime


def counted_since(installed: datetime, first_kudos: datetime | None) -> datetime:
    """Its install, or its first kudos if older (given before an install stamped later)."""
    return min(installed, first_kudos) if first_kudos else installed
