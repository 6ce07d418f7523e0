"""When to try a Slack delivery again: Slack's own `Retry-After` on 429, otherwise
exponential backoff with jitter, and a bound after which a person has to look."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

MAX_ATTEMPTS = 12
MAX_DELAY_SECONDS = 600.0
# Slack's errors that pass: its rate limits (`rate_limited`, chat.postMessage's own, may come
# with HTTP 200), its own failures, and `team_added_to_org`, answered while the workspace is
# being moved into an Enterprise Grid organisation.
TRANSIENT_ERRORS = frozenset(
    {
        "ratelimited",
        "rate_limited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
        "team_added_to_org",
    }
)
# Slack refusing the install's token itself (a wrong one deployed, the workspace or the bot's
# user deactivated, the token revoked, a rotated token not refreshed): every call with it is
# refused alike, so nothing reaches anyone until whoever runs the bot fixes it.
TOKEN_REFUSED = frozenset(
    {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}
)


class NotYet(Exception):
    """A delivery whose moment moved later since it was queued (its reader has moved to a
    time zone where it is not that hour yet): put back until `at`, untried."""

    def __init__(self, at: datetime) -> None:
        super().__init__(f"not due until {at:%Y-%m-%d %H:%M} UTC")
        self.at = at


@dataclass(frozen=True)
class Refusal:
    """Slack refusing a delivery for good, which waiting never mends: an admin must.
    `install`: Slack refused the install or the method (no such method, not with a bot token,
    a scope the install lacks, posting suspended by the workspace's admins), not only this
    delivery with an error it would answer again (a workspace preference's
    `restricted_action`), whose reason is in the log. `needed_scope`: the scope Slack said it
    lacks, when it said; `code`: Slack's error code, for what the admin must do."""

    needed_scope: str | None = None
    code: str | None = None
    install: bool = True


def refusal_fields(refused: Refusal) -> dict[str, object]:
    """`refused` as a delivery's payload carries it to what is done instead (`refusal_in`)."""
    return {
        "refused_for_good": True,
        "needed_scope": refused.needed_scope,
        "refused_code": refused.code,
        "refused_install": refused.install,
    }


def refusal_in(payload: Mapping[str, Any]) -> Refusal | None:
    """The refusal a payload carries (`refusal_fields`); one queued before 6 December said
    `refused` and `refused_scope` (an asker's unanswered), of the install's refusals alone."""
    if not (payload.get("refused_for_good") or payload.get("refused")):
        return None
    return Refusal(
        payload.get("needed_scope", payload.get("refused_scope")),
        payload.get("refused_code"),
        install=bool(payload.get("refused_install", True)),
    )


@dataclass(frozen=True)
class Outcome:
    status: str  # sent | pending (try again) | failed
    next_attempt_at: datetime | None = None
    error: str | None = None
    tried: bool = True  # False: put back untried (waiting its turn), not counted as an attempt
    # False: failed for the install's sake (its token, its scopes), not the delivery's, so
    # nothing is done instead of it (`GIVEN_UP`): it waits for `askaround outbox retry`.
    given_up: bool = True
    # Slack refuses it for good: what is done instead tells people an admin must look.
    refused: Refusal | None = None


def after_failure(
    attempts: int,
    now: datetime,
    error: str,
    *,
    transient: bool,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> Outcome:
    """What to do with a delivery that failed on its `attempts`-th try.

    A rate limit (`retry_after`) never uses up the bound: it is Slack saying when to come
    back, not a failure, and waiting as told is no storm; giving up would lose a message only
    for Slack having been busy for a while."""
    if not transient or (attempts >= MAX_ATTEMPTS and retry_after is None):
        return Outcome("failed", error=error)
    if retry_after is not None:
        delay = retry_after + (rng or random).uniform(0, 0.5)
    else:
        base = min(MAX_DELAY_SECONDS, 2.0 ** (attempts - 1))
        delay = base * (rng or random).uniform(0.5, 1.5)
    return Outcome("pending", next_attempt_at=now + timedelta(seconds=delay), error=error)
