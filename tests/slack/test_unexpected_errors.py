"""A bug in a listener is never silence (issue 18, item 6): on every kind of surface (slash
command, event, button, modal submission, shortcut) the person hears that something went
wrong, and the log gets the traceback at ERROR without the text they typed."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from handlers.dispatch.friendly import SOMETHING_WENT_WRONG
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give

REASON = "for the zanzibarized release notes"


async def broken(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("a bug")


def told(slack: SlackHarness, handle: str) -> bool:
    user = slack.user(handle)
    seen = [e.text for e in slack.emu.ephemerals(user)]
    seen += [m.text for m in slack.emu.dm_messages(user) if m.by_bot]
    return any(SOMETHING_WENT_WRONG in text for text in seen)


async def by_command(slack: SlackHarness) -> None:
    await slack.command("alice", "/kudos", f"@bob {REASON}")


async def by_reaction(slack: SlackHarness) -> None:
    message = await slack.post("bob", "general", f"I wrote the {REASON}")
    await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "kudos")


async def by_message(slack: SlackHarness) -> None:
    await slack.dm_bot("alice", f"who knows about the {REASON}?")


async def by_button(slack: SlackHarness) -> None:
    await slack.emu.click_button(slack.user("alice"), "Undo")


async def by_shortcut(slack: SlackHarness) -> None:
    await slack.emu.global_shortcut(slack.user("alice"), "give_kudos_global")


async def by_modal(slack: SlackHarness) -> None:
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None
    await slack.emu.submit_view(
        slack.user("alice"),
        modal.id,
        {
            "recipients": {"users": [slack.user("bob")]},
            "reason": {"text": REASON},
            "channel": {"where": slack.channel("general")},
        },
    )


Surface = Callable[[SlackHarness], Awaitable[None]]
# How the person acts, and which service method the listener calls breaks.
CASES: dict[str, tuple[Surface, str, str]] = {
    "command": (by_command, "kudos", "give"),
    "reaction": (by_reaction, "kudos", "give"),
    "message": (by_message, "questions", "ask"),
    "button": (by_button, "kudos", "undo"),
    "shortcut": (by_shortcut, "kudos", "rules"),
    "modal": (by_modal, "kudos", "give"),
}


@pytest.mark.parametrize("surface", CASES)
async def test_a_bug_is_told_to_the_person_and_logged_without_their_text(
    slack: SlackHarness,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    surface: str,
) -> None:
    """The service the listener calls raises a RuntimeError: the person who acted is told,
    the traceback is logged at ERROR, and their words are not in any ERROR line."""
    if surface == "button":
        await give(slack, "alice", f"@bob {REASON}")  # the confirmation carries Undo
    if surface == "modal":
        await by_shortcut(slack)
        await slack.settle()
    act, service, method = CASES[surface]
    monkeypatch.setattr(getattr(slack.services, service), method, broken)
    caplog.set_level(logging.INFO)
    await act(slack)
    await slack.settle()
    assert told(slack, "alice")
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(r.exc_info and isinstance(r.exc_info[1], RuntimeError) for r in errors)
    assert not any("zanzibarized" in (r.getMessage() + str(r.exc_info)) for r in errors)


async def test_a_bug_on_a_profile_event_tells_nobody_and_is_logged_once(
    slack: SlackHarness,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`user_change` is nobody's action (its `user` is the whole profile, not an id): a bug
    storing it is logged with its traceback, and no one is sent "something went wrong"."""
    await give(slack, "alice", f"@bob {REASON}")
    monkeypatch.setattr(slack.services.people, "heard", broken)
    caplog.set_level(logging.INFO)
    opened = len(slack.emu.calls_to("conversations.open"))
    await slack.emu.change_user(slack.user("bob"), real_name="Robert Chen")
    await slack.settle()
    assert len(slack.emu.calls_to("conversations.open")) == opened
    assert not told(slack, "bob")
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [type(r.exc_info[1]) for r in errors if r.exc_info] == [RuntimeError]
    assert not [r for r in caplog.records if "could not tell" in r.getMessage()]
