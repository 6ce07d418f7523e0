"""A request refused to who sent it, a guest from another organisation (Slack Connect), is
kept nowhere: its inbox entry, stored before the ack as every request's is, is closed and
emptied at once instead of keeping the guest's words for a day until pruned."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from handlers.client.directory import GUEST_GIVES, ONLY_MEMBERS
from storage.models import InboxItem
from tests.slack.connect import OTHER_ORG
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_slack_connect import zed_in_partners

MARKER = "zorblaxroadmap"


async def kept_of(slack: SlackHarness, user_id: str) -> list[str]:
    """Every inbox entry that still holds anything of this person's request."""
    async with slack.services.sessions() as s:
        kept = [str(item.body) for item in await s.scalars(select(InboxItem))]
    return [body for body in kept if user_id in body or MARKER in body]


async def refused_by_command(slack: SlackHarness, command: str, text: str) -> str:
    zed = zed_in_partners(slack)
    await slack.command("zed", command, text, channel="partners")
    await slack.settle()
    return zed


async def test_skills_of_a_guest_are_kept_nowhere(slack: SlackHarness) -> None:
    zed = await refused_by_command(slack, "/skills", f"add {MARKER}")
    assert ONLY_MEMBERS in [e.text for e in slack.emu.ephemerals(zed)]
    assert await kept_of(slack, zed) == []


async def test_a_guests_kudos_report_is_kept_nowhere(slack: SlackHarness) -> None:
    zed = await refused_by_command(slack, "/kudos", "report this week")
    assert ONLY_MEMBERS in [e.text for e in slack.emu.ephemerals(zed)]
    assert await kept_of(slack, zed) == []


async def test_a_guests_network_is_kept_nowhere(slack: SlackHarness) -> None:
    zed = await refused_by_command(slack, "/askaround", "network")
    assert ONLY_MEMBERS in [e.text for e in slack.emu.ephemerals(zed)]
    assert await kept_of(slack, zed) == []


async def test_a_guests_kudos_words_are_kept_nowhere(slack: SlackHarness) -> None:
    """The kudos text is the guest's own words, about someone of this workspace."""
    alice = slack.user("alice")
    zed = await refused_by_command(slack, "/kudos", f"<@{alice}> thanks for the {MARKER}")
    assert GUEST_GIVES in [e.text for e in slack.emu.ephemerals(zed)]
    assert await kept_of(slack, zed) == []


async def test_a_guests_kudos_shortcut_keeps_the_message_nowhere(slack: SlackHarness) -> None:
    """*Give kudos* on a message carries the message itself in its payload."""
    zed = zed_in_partners(slack)
    message = await slack.post("alice", "partners", f"the {MARKER} is done")
    await slack.here.message_shortcut(zed, "give_kudos", message)
    await slack.settle()
    assert GUEST_GIVES in [e.text for e in slack.emu.ephemerals(zed)]
    assert await kept_of(slack, zed) == []


async def test_a_guests_profile_change_is_kept_nowhere(slack: SlackHarness) -> None:
    """`user_change` carries the guest's whole profile (names, title): not stored as a
    person, and not in the inbox either."""
    zed = zed_in_partners(slack)
    await slack.here.change_user(zed, real_name=f"Zed {MARKER}")
    await slack.settle()
    assert await kept_of(slack, zed) == []


async def test_a_guest_opening_the_home_tab_is_kept_nowhere(slack: SlackHarness) -> None:
    zed = zed_in_partners(slack)
    await slack.here.open_home(zed)
    await slack.settle()
    assert await kept_of(slack, zed) == []


async def test_a_guests_kudos_reaction_is_kept_nowhere(slack: SlackHarness) -> None:
    zed = zed_in_partners(slack)
    message = await slack.post("alice", "partners", f"the {MARKER} is done")
    await slack.here.add_reaction(zed, slack.channel("partners"), message.ts, "kudos")
    await slack.settle()
    assert await kept_of(slack, zed) == []


async def test_a_guests_kudos_reaction_on_a_reply_is_refused_in_its_thread(
    slack: SlackHarness,
) -> None:
    """Zed reacts :kudos: to Alice's reply in a thread: he is told why not in that thread,
    not at the channel's top level, and his request is kept nowhere all the same."""
    zed = zed_in_partners(slack)
    parent = await slack.post("alice", "partners", "the roadmap review")
    reply = slack.here.workspace.chat.post(
        slack.channel("partners"), slack.user("alice"), f"the {MARKER} is done", thread_ts=parent.ts
    )
    await slack.here.add_reaction(zed, slack.channel("partners"), reply.ts, "kudos")
    await slack.settle()
    [refusal] = [e for e in slack.emu.ephemerals(zed) if e.text == GUEST_GIVES]
    assert refusal.thread_ts == parent.ts
    assert await kept_of(slack, zed) == []


async def test_a_guests_kudos_form_keeps_the_reason_nowhere(slack: SlackHarness) -> None:
    """No way of opening the *Give kudos* form opens it for a guest
    (`tests/slack/privacy/test_kudos_form_guests.py`), but one opened before Slack described
    Zed as the other organisation's (a form left open while his account moved, or a
    submission forged) is refused when submitted, in the form, and the reason he typed is
    not kept either."""
    zed = zed_in_partners(slack)
    del slack.here.workspace.guests[zed]
    await slack.here.global_shortcut(zed, "give_kudos_global")
    await slack.settle()
    modal = slack.here.open_modal(zed)
    assert modal is not None
    slack.here.workspace.guests[zed] = OTHER_ORG
    filled: dict[str, dict[str, Any]] = {
        "recipients": {"users": [slack.user("alice")]},
        "reason": {"text": f"thanks for the {MARKER}"},
        "channel": {"where": slack.channel("general")},
    }
    await slack.here.submit_view(zed, modal.id, filled)
    await slack.settle()
    assert GUEST_GIVES in modal.errors["recipients"]
    assert [body for body in await kept_of(slack, zed) if MARKER in body] == []
