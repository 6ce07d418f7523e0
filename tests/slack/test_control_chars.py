"""Control characters in what people type (issue 18, item 9): PostgreSQL refused a NUL byte
in a reason, so the kudos was lost there and kept on SQLite. Now every text a person sends is
cleaned where it comes in, so the same kudos, question and modal input are kept on both
databases, without the control characters, and nothing is logged at ERROR."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, ledger

# PostgreSQL refuses a NUL byte SQLite keeps: data, not code, makes the difference.
pytestmark = pytest.mark.postgres_too

TYPED = "for the re\x00lease \x07notes\x1b and the fix"
KEPT = "the release notes and the fix"


def no_errors(caplog: pytest.LogCaptureFixture) -> bool:
    return not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_reason_with_control_characters_is_kept_without_them(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """`/kudos @bob for the re<NUL>lease …`: one entry, its reason cleaned, a confirmation."""
    await slack.command("alice", "/kudos", f"@bob {TYPED}")
    await slack.drain()
    [entry] = await ledger(slack)
    assert entry.message == KEPT
    assert "Kudos sent" in ephemeral_text(slack, "alice")
    assert no_errors(caplog)


async def test_a_modal_reason_with_control_characters_is_kept_without_them(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The Give kudos modal's reason is cleaned the same way; there, in JSON, a lone
    surrogate can come too (it cannot be stored as UTF-8): it becomes U+FFFD."""
    await slack.emu.global_shortcut(slack.user("alice"), "give_kudos_global")
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None
    await slack.emu.submit_view(
        slack.user("alice"),
        modal.id,
        {
            "recipients": {"users": [slack.user("bob")]},
            "reason": {"text": f"{TYPED} \ud800"},
            "channel": {"where": slack.channel("general")},
        },
    )
    await slack.drain()
    [entry] = await ledger(slack)
    assert entry.message == f"for {KEPT} \ufffd"
    assert no_errors(caplog)


async def test_a_question_with_control_characters_is_kept_without_them(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """`/ask` with a NUL in it: the question is stored, cleaned."""
    await slack.command("alice", "/ask", "how do we unlock a stuck terraform\x00 state?")
    await slack.drain()
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
    assert question.text == "how do we unlock a stuck terraform state?"
    assert no_errors(caplog)


async def test_a_message_with_control_characters_is_kept_without_them(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """A question asked by mentioning the bot in a channel (an event, in JSON) is cleaned the
    same way as a command's form."""
    await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> who can rotate the vault\x00 token?"
    )
    await slack.drain()
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
    assert "\x00" not in question.text and "vault token" in question.text
    assert no_errors(caplog)
