"""Property-based tests (hypothesis) for every parser of what people type.

Each module covers one parser; each test's docstring says what it proves. `MANY` is the
budget for cheap parsers (thousands of inputs each); slower ones say why they use fewer.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Budgets scale with the hypothesis profile: "thorough" (the default) runs them whole; "ci" (what
# `bash scripts/test` picks, HYPOTHESIS_PROFILE=ci) a tenth. On 2 cores the whole budgets cost
# about 70 s of CPU, a third of the suite's; after changing a parser, run them whole:
# `.venv/bin/pytest tests/domain/properties`.
SHARES = {"thorough": 1.0, "ci": 0.1}
# CI's examples are the same on every run (`derandomize`): a run is judged on the code it is
# given, and an input no earlier run tried fails a developer's "thorough" run, not a merge.
for _name in SHARES:
    settings.register_profile(
        _name,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=_name == "ci",
    )
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or "thorough"
settings.load_profile(PROFILE)


def budget(examples: int) -> settings:
    """`examples` inputs under the thorough profile, its share (at least 25) under the others."""
    return settings(max_examples=max(25, round(examples * SHARES[PROFILE])))


MANY = budget(2000)
FEWER = budget(200)
SOME = budget(150)

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
