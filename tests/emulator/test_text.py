"""render_text: Block Kit and mrkdwn as a terminal demo shows them."""

from __future__ import annotations

from typing import Any

from slack_emulator import render_text

NAMES = {"U1": "alice", "U2": "bob"}


def _name(user_id: str) -> str:
    return NAMES.get(user_id, user_id)


def test_mrkdwn_mentions_channels_and_links() -> None:
    """User and channel mentions become names; links show label and address."""
    text = "Hi <@U1>, see <#C9|help-infra> and <https://x.example/doc|the doc> &amp; <!here>"
    assert render_text(text, None, _name) == (
        "Hi @alice, see #help-infra and the doc (https://x.example/doc) & @here"
    )


def test_blocks_win_over_text() -> None:
    """When blocks are present they are what a person reads: header, sections with fields
    and an accessory button, divider, context, actions, inputs and images."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Kudos"}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": "<@U2> helped <@U1>"},
            "fields": [{"type": "mrkdwn", "text": "*Value* teamwork"}],
            "accessory": {"type": "button", "text": {"type": "plain_text", "text": "Undo"}},
        },
        {"type": "divider"},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "via /kudos"}]},
        {
            "type": "actions",
            "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Accept"}},
                {"type": "button", "text": {"type": "plain_text", "text": "Decline"}},
            ],
        },
        {
            "type": "input",
            "label": {"type": "plain_text", "text": "Question"},
            "element": {"type": "plain_text_input"},
        },
        {"type": "image", "image_url": "https://x.example/c.png", "alt_text": "weekly chart"},
    ]
    assert render_text("fallback", blocks, _name).splitlines() == [
        "KUDOS",
        "@bob helped @alice",
        "*Value* teamwork",
        "[Undo]",
        "─" * 40,
        "via /kudos",
        "[Accept] [Decline]",
        "<Question: …>",
        "[image: weekly chart]",
    ]


def test_person_rich_text_and_plain_fallback() -> None:
    """A person's rich_text message renders its mentions; no blocks falls back to text."""
    rich = [
        {
            "type": "rich_text",
            "elements": [
                {
                    "type": "rich_text_section",
                    "elements": [
                        {"type": "user", "user_id": "U1"},
                        {"type": "text", "text": " thanks"},
                    ],
                }
            ],
        }
    ]
    assert render_text("", rich, _name) == "@alice thanks"
    assert render_text("plain <@U9>", [], _name) == "plain @U9"


def test_an_input_shows_what_it_holds_whatever_its_kind() -> None:
    """An input's initial choice is what Slack shows in its field: the demo's Edit profile
    and Change settings modals read `<3 · working knowledge: …>` and `<Digest day: …>`, as if
    Alice had no skills at level 3 and no digest day were set, when only the text inputs'
    `initial_value` was read."""

    def field(label: str, element: dict[str, Any]) -> dict[str, Any]:
        return {"type": "input", "label": {"type": "plain_text", "text": label}, "element": element}

    def option(text: str) -> dict[str, Any]:
        return {"text": {"type": "plain_text", "text": text}, "value": text.lower()}

    blocks = [
        field("Reason", {"type": "plain_text_input", "initial_value": "the review"}),
        field("Day", {"type": "static_select", "initial_option": option("Monday")}),
        field(
            "Skills",
            {"type": "multi_external_select", "initial_options": [option("AWS"), option("Go")]},
        ),
        field("Values required", {"type": "radio_buttons", "initial_option": option("No")}),
        field("Who", {"type": "multi_users_select", "initial_users": ["U1", "U2"]}),
        field("Admin", {"type": "users_select", "initial_user": "U2"}),
        field("Channel", {"type": "conversations_select", "initial_conversation": "C9"}),
        field("Watched", {"type": "multi_conversations_select", "initial_conversations": ["C9"]}),
        field("Until", {"type": "datepicker", "initial_date": "2026-12-24"}),
        field("Hour", {"type": "number_input", "is_decimal_allowed": False, "initial_value": "9"}),
        field("Empty", {"type": "multi_users_select"}),
    ]
    assert render_text("fallback", blocks, _name).splitlines() == [
        "<Reason: the review>",
        "<Day: Monday>",
        "<Skills: AWS, Go>",
        "<Values required: No>",
        "<Who: @alice, @bob>",
        "<Admin: @bob>",
        "<Channel: #C9>",
        "<Watched: #C9>",
        "<Until: 2026-12-24>",
        "<Hour: 9>",
        "<Empty: …>",
    ]
