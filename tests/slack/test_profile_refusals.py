"""The Edit profile modal refuses what it cannot keep next to the field it was typed in."""

from __future__ import annotations

from typing import Any

from tests.slack.harness import SlackHarness
from tests.slack.test_directory import edit_profile_modal


async def _submit(slack: SlackHarness, values: dict[str, dict[str, Any]]) -> dict[str, Any]:
    bob = slack.user("bob")
    modal = await edit_profile_modal(slack, bob)
    delivery = await slack.emu.submit_view(bob, modal.id, values)
    assert delivery.response is not None and delivery.response["response_action"] == "errors"
    errors: dict[str, Any] = delivery.response["errors"]
    return errors


async def test_a_new_skill_too_long_to_keep_is_refused_on_its_level(slack: SlackHarness) -> None:
    """A new skill typed at level 4 with a name past 100 characters: the refusal was shown
    under the network field, far from where it was typed. It is shown under level 4."""
    errors = await _submit(
        slack, {"level_4": {"skills_level_4": ["k" * 120]}, "network": {"network": ""}}
    )
    assert list(errors) == ["level_4"] and "100 at most" in errors["level_4"]


async def test_a_network_line_that_cannot_be_read_is_refused_on_the_network_field(
    slack: SlackHarness,
) -> None:
    errors = await _submit(slack, {"network": {"network": "CNCF Slack about"}})
    assert list(errors) == ["network"], errors


async def test_markup_typed_in_the_form_is_quoted_as_typed(slack: SlackHarness) -> None:
    """A field's error is plain text, where nothing renders markup: what was typed is shown
    as typed, in “…” (it was in backticks, which plain text shows as two more characters)."""
    errors = await _submit(slack, {"level_2": {"skills_level_2": ["<!channel> `ops`"]}})
    assert errors == {
        "level_2": "“<!channel> `ops`”: a skill is words, not a mention, @channel or a link."
    }, errors
