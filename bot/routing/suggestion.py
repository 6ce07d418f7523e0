"""The one value the routing engine hands to the Slack flow."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    """A person to ask: an expert, or a connector who knows someone (kind says which).

    `via_user_id` is the colleague who has worked with both the asker and this person, for an
    introduction; `topics` are the question's skill keys this person declared or can reach.
    """

    user_id: str
    score: float
    reason: str
    kind: str
    via_user_id: str | None = None
    topics: tuple[str, ...] = ()
    introduction: str = ""  # how the asker is connected to this person, in the asker's words
    connection_id: int | None = None  # a connector's network entry the reason is about
