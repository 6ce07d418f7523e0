"""The words of a message wherever Slack keeps them (`handlers.blocks.message_text`), on the
shapes Slack sends: rich text typed by a person, another app's blocks and attachments."""

from __future__ import annotations

import pytest

from handlers.blocks.message_text import readable_text

pytestmark = pytest.mark.database_independent


def test_text_is_read_first_and_attachments_after_it() -> None:
    message = {
        "text": "Deploy failed",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Deploy failed"}}],
        "attachments": [{"fallback": "x", "text": "helm upgrade timed out", "title": "prod"}],
    }
    assert readable_text(message) == "Deploy failed\nprod\nhelm upgrade timed out"


def test_rich_text_is_read_when_there_is_no_text() -> None:
    """A person's message as clients send it: `rich_text` with a mention, a link and a list."""
    message = {
        "text": "",
        "blocks": [
            {
                "type": "rich_text",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {"type": "text", "text": "why does "},
                            {"type": "link", "url": "https://ci.example.com", "text": "CI"},
                            {"type": "text", "text": " time out? cc "},
                            {"type": "user", "user_id": "U0BEN"},
                        ],
                    },
                    {
                        "type": "rich_text_list",
                        "style": "bullet",
                        "elements": [
                            {
                                "type": "rich_text_section",
                                "elements": [{"type": "text", "text": "terraform plan"}],
                            }
                        ],
                    },
                ],
            }
        ],
    }
    assert readable_text(message) == "why does CI time out? cc <@U0BEN>\nterraform plan"


def test_an_apps_blocks_and_an_attachments_fallback_are_read() -> None:
    message = {
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Disk full on db-3"}},
            {
                "type": "section",
                "fields": [{"type": "mrkdwn", "text": "*Host* db-3"}],
            },
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "postgres volume"}]},
            {"type": "divider"},
        ],
        "attachments": [{"fallback": "runbook: expand the volume"}],
    }
    assert readable_text(message) == (
        "Disk full on db-3\n*Host* db-3\npostgres volume\nrunbook: expand the volume"
    )


@pytest.mark.parametrize("message", [{}, {"text": None, "blocks": None}, {"attachments": [1]}])
def test_a_message_with_no_words_reads_as_empty(message: dict[str, object]) -> None:
    assert readable_text(message) == ""


@pytest.mark.parametrize(
    ("date", "read"),
    [
        (
            {"type": "date", "timestamp": 1720710212, "format": "{date_num}"},
            "<!date^1720710212^{date_num}|2024-07-11 15:03 UTC>",
        ),
        (
            {"type": "date", "timestamp": 1720710212, "url": "https://x.example", "fallback": "J"},
            "<!date^1720710212^{date_short}^https://x.example|J>",
        ),
    ],
)
def test_a_rich_text_date_reads_as_slacks_date_token(date: dict[str, object], read: str) -> None:
    """Slack's rich text `date` element as its `text` would hold it: without a fallback, the
    moment in UTC is the token's; with a link but no format, the link in the token."""
    message = {
        "text": "",
        "blocks": [
            {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [date]}]}
        ],
    }
    assert readable_text(message) == read
