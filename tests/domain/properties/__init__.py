"""Property-based tests (hypothesis) for every parser of what people type.

Each module covers one parser; each test's docstring says what it proves. `MANY` is the
budget for cheap parsers (thousands of inputs each); slower ones say why they use fewer.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

MANY = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# A message explains one problem; it may quote what was typed back, but nothing more.
MESSAGE_OVERHEAD = 300


def assert_clear(error: BaseException, typed: str = "") -> str:
    """The rejection's message: non-empty, not padded, and short apart from the echoed input."""
    message = str(error)
    assert message.strip(), f"{type(error).__name__} has an empty message"
    assert message == message.strip(), f"padded message {message!r}"
    assert len(message) <= len(typed) + MESSAGE_OVERHEAD, f"long message {message[:400]!r}"
    if "\n" not in typed:
        assert "\n" not in message, f"multi-line message {message!r}"
    return message
