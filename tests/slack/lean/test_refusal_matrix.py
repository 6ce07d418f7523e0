"""Each method a flow calls, refused each way a Slack (or a stand-in for it) may refuse it:
`unknown_method`, `missing_scope`, HTTP 500 every time, and a 429 whose Retry-After outlasts a
listener, twice. Whatever the refusal, nothing escapes the flow, every
retry ends, no kudos or shout-out is doubled, no traceback is logged as for a bug of ours,
and whoever acted is told something; a rate limit waited out changes nothing at all.

The methods are those each flow calls on a whole Slack (docs/slack-api.md lists them)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, kudos_posts, ledger
from tests.slack.lean.flows import FLOWS, company
from tests.slack.lean.outcomes import OUTCOMES

CALLS = {
    "kudos_command": ("conversations.info", "chat.postMessage", "conversations.open"),
    "kudos_form": ("views.open", "conversations.info", "chat.postMessage", "chat.postEphemeral"),
    "kudos_reaction": (
        "conversations.history",
        "conversations.info",
        "chat.getPermalink",
        "chat.postEphemeral",
        "chat.postMessage",
    ),
    "ask_command": ("conversations.info", "chat.postMessage", "chat.update", "conversations.open"),
    "ask_mention": ("conversations.info", "chat.getPermalink", "chat.postMessage", "chat.update"),
    "home": ("users.info", "views.publish"),
    "skills_form": ("views.open",),
    "settings": ("views.open",),
    "report": ("users.info",),
    "network": (
        "users.info",
        "conversations.open",
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
    ),
    "digests": (
        "auth.test",
        "conversations.open",
        "chat.postMessage",
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
        "conversations.history",
    ),
}
# Not `http_404` (`unknown_method` answered with HTTP 404) here: every choice the bot makes on a
# refusal reads its error code first (`handlers.client.failures`), and the status is read only
# when there is none, so it took each flow down the same path as `unknown_method`, 35 tests
# and some 7 CPU-s a pass. The 404 itself is sent by `test_refused.py` and
# `questions/test_refused_requests.py`.
REFUSALS = ("unknown_method", "missing_scope", "http_500", "ratelimited")
ACTOR = {
    "kudos_command": "alice",
    "kudos_form": "alice",
    "kudos_reaction": "alice",
    "ask_command": "alice",
    "ask_mention": "alice",
    "home": "maria",
    "skills_form": "carol",
    "settings": "dev",
    "report": "maria",
    "network": "dev",
}
# Where nobody can be told: the Home tab Slack will not publish is the only place its
# opener looks (a DM at each opening would be worse), and an asker in a thread the bot
# cannot post to at all has no place left to read it (one who asked with `/ask` and cannot
# be DMed is told in an ephemeral where they asked). docs/slack-api.md.
NOWHERE_TO_SAY = {
    ("home", "views.publish"),
    ("ask_mention", "chat.postMessage"),
}
# Slack failing (5xx) every try, not refusing: retried until the outbox gives it up, with
# no ephemeral instead, as the next try may work.
NOWHERE_WHILE_FAILING = {("ask_command", "chat.postMessage"), ("ask_command", "conversations.open")}
CASES = [(flow, method) for flow, methods in CALLS.items() for method in methods]


def heard(slack: SlackHarness, handle: str) -> str:
    """All this person was told: ephemerals, the bot's DMs, errors shown in an open form,
    the bot's replies in threads of #general (where a question asked there is answered) and
    their Home tab."""
    user = slack.user(handle)
    modal = slack.emu.open_modal(user)
    errors = str(modal.errors) if modal is not None and modal.errors else ""
    replies = [m.text for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    home = slack.emu.home_view(user)
    said = [ephemeral_text(slack, handle), dm_text(slack, handle), errors, *replies]
    said += [str(home.blocks)] if home is not None else []
    return "\n".join(said).replace(SKILLS_SAVED.get(handle, ""), "")


SKILLS_SAVED = {
    "dev": ":white_check_mark: Saved: Terraform (5).",
    "maria": ":white_check_mark: Saved: Terraform (2).",
    "carol": ":white_check_mark: Saved: Go (4).",
}


# An HTTP 500 every time is tried three times, not twelve, before it is given up
# (`gives_up_sooner`): what this proves of it (it is retried, the retries end, and nothing is
# lost, doubled or hidden on the way) is the same after three, and the 35 cases' nine more
# tries each were 40% of the matrix's CPU.
@pytest.mark.usefixtures("gives_up_sooner")
@pytest.mark.parametrize("refusal", REFUSALS)
@pytest.mark.parametrize(("flow", "method"), CASES)
async def test_a_refused_method_loses_doubles_and_hides_nothing(
    tmp_path: Path, flow: str, method: str, refusal: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse(method, refusal, times=2 if refusal == "ratelimited" else None)
        await FLOWS[flow](slack)
        assert slack.emu.calls_to(method), f"{flow} no longer calls {method}"
        assert len(await ledger(slack)) <= 1 and len(kudos_posts(slack, "general")) <= 1
        async with slack.services.sessions() as s:
            sending = await s.scalar(select(func.count()).where(OutboxItem.status == "sending"))
        assert sending == 0
        bugs = [r.getMessage() for r in caplog.records if r.exc_info]
        assert bugs == [], bugs
        said = heard(slack, ACTOR[flow]) if flow in ACTOR else ""
        assert "Traceback" not in said and "SlackApiError" not in said
        if refusal == "ratelimited" and method != "views.open":
            await OUTCOMES[flow](slack)  # waited out: as if Slack had not been busy
        elif flow in ACTOR and (flow, method) not in NOWHERE_TO_SAY | (
            NOWHERE_WHILE_FAILING if refusal == "http_500" else set()
        ):
            assert said.strip(), f"{ACTOR[flow]} was told nothing"
