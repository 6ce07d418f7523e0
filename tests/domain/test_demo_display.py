"""What the demo prints for an effect: as a person reads it in Slack, with how to go on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.runtime.demo.display import describe
from handlers.blocks.elements import slack_time
from slack_emulator import Effect, SlackEmulator

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def _input(label: str, action_id: str) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": action_id,
        "label": {"type": "plain_text", "text": label},
        "element": {"type": "plain_text_input", "action_id": action_id},
    }


def test_a_form_says_how_to_fill_it_in_and_links_here_show_their_label() -> None:
    """A modal with fields ends with the `submit` line for those it needs (required and
    empty), else for its first; one without (an audit log) gets none. A link into the
    emulated workspace shows its label only, as Slack does (its URL opens nothing from a
    terminal); a link elsewhere keeps its URL."""
    emu = SlackEmulator("secret")
    ws = emu.workspace
    zoe = ws.add_user("zoe")
    who, why, values, channel = (_input(label, label) for label in ["Who?", "Why?", "Values", "In"])
    who["element"]["initial_users"] = [zoe.id]
    values["optional"] = True
    form = describe(emu, Effect(1, "modal_opened", (zoe.id,), blocks=[who, why, values, channel]))
    assert form is not None and form.endswith(
        "\n    (to fill it in and press Submit: @zoe submit Why?=…; In=…)"
    )
    settings = describe(emu, Effect(2, "modal_opened", (zoe.id,), blocks=[who, values]))
    assert str(settings).endswith("(to fill it in and press Submit: @zoe submit Who?=…)")
    log = [{"type": "section", "text": {"type": "mrkdwn", "text": "@zoe changed a value"}}]
    assert "submit" not in str(describe(emu, Effect(3, "modal_opened", (zoe.id,), blocks=log)))
    text = f"<{ws.url}archives/C1/p1|See the question in Slack> or <https://x.example/doc|the doc>"
    posted = Effect(
        4, "message_posted", (zoe.id,), channel=ws.general.id, text=text, actor=ws.bot_user_id
    )
    assert describe(emu, posted) == (
        "  [#general · askaround]\n    See the question in Slack or the doc (https://x.example/doc)"
    )


def test_a_time_is_shown_in_its_readers_zone_where_one_person_reads_it() -> None:
    """Slack shows `<!date^…>` in each reader's zone: Zoe in Tokyo reads her ephemeral Undo
    line and her DM in her own time, with "today" as her day has it; a channel's message,
    read in many zones, keeps the UTC fallback, as the demo showed everything before."""
    emu = SlackEmulator("secret")
    ws = emu.workspace
    zoe = ws.add_user("zoe", tz="Asia/Tokyo")
    at = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)  # 08:30 on the 5th in Tokyo
    text = f"Undo until {slack_time(at + timedelta(minutes=5))}; "
    text += slack_time(at, "{date_short_pretty} {time}")
    bot, general, dm = ws.bot_user_id, ws.general.id, ws.open_im(zoe.id).id
    when = at.timestamp()
    ephemeral = Effect(1, "ephemeral", (zoe.id,), channel=general, text=text, at=when)
    assert "Undo until 08:35; today 08:30" in str(describe(emu, ephemeral))
    in_dm = Effect(2, "message_posted", (), channel=dm, text=text, actor=bot, at=when)
    assert "Undo until 08:35; today 08:30" in str(describe(emu, in_dm))
    posted = Effect(3, "message_posted", (), channel=general, text=text, actor=bot, at=when)
    assert "Undo until 23:35 UTC; 2026-12-04 23:30 UTC" in str(describe(emu, posted))
    # A zone name this machine's zone data lacks is read by Slack's offset beside it, as the
    # bot reads it (until 7 December the demo showed such a person UTC).
    kai = ws.add_user("kai", tz="Asia/Kolkata")
    kai.tz = "Asia/Newly_Named"
    to_kai = Effect(4, "ephemeral", (kai.id,), channel=general, text=text, at=when)
    assert "Undo until 05:05; today 05:00" in str(describe(emu, to_kai)), describe(emu, to_kai)


def test_a_deleted_reply_is_shown_in_its_thread_not_as_the_message_above_it() -> None:
    """Undoing a seconding deletes its reply in the shout-out's thread: the demo printed
    `[#general · askaround (deleted)]`, which reads as the shout-out itself gone. A deleted
    reply is still in a thread, and an edited shout-out with replies is not a reply."""
    emu = SlackEmulator("secret")
    ws = emu.workspace
    bot, general = ws.bot_user_id, ws.general.id
    shoutout = ws.chat.post(general, bot, ":tada: kudos")
    reply = ws.chat.post(general, bot, ":raised_hands: seconds this", thread_ts=shoutout.ts)
    ws.chat.delete(reply)
    deleted = Effect(1, "message_deleted", (), channel=general, ts=reply.ts, actor=bot)
    assert describe(emu, deleted) == "  [#general › thread · askaround (deleted)]"
    edited = Effect(2, "message_updated", (), channel=general, ts=shoutout.ts, text="x", actor=bot)
    assert str(describe(emu, edited)).startswith("  [#general · askaround (edited)]")
