"""What each flow of `flows.FLOWS` comes to when Slack lets it: read from the database and
from what people saw in the emulator."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import select

from storage.models import Person, Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, kudos_posts, ledger
from tests.slack.lean.flows import REASON


async def kudos_landed(slack: SlackHarness) -> None:
    """One kudos to Bob in the ledger, one shout-out in #general, Bob told in his DM."""
    assert [k.receiver_user_id for k in await ledger(slack)] == [slack.user("bob")]
    assert len(kudos_posts(slack, "general")) == 1
    assert REASON in dm_text(slack, "bob")


async def kudos_confirmed(slack: SlackHarness) -> None:
    await kudos_landed(slack)
    told = ephemeral_text(slack, "alice")
    assert "can't find" not in told and "left today" in told, told


async def solved(slack: SlackHarness) -> None:
    async with slack.services.sessions() as s:
        questions = [(q.status, q.helper_user_id) for q in await s.scalars(select(Question))]
    assert questions == [("solved", slack.user("dev"))], questions


async def skills_saved(slack: SlackHarness) -> None:
    assert "Saved: Kubernetes (3)" in ephemeral_text(slack, "carol")


async def profile_form_open(slack: SlackHarness) -> None:
    modal = slack.emu.open_modal(slack.user("carol"))
    assert modal is not None, ephemeral_text(slack, "carol")


async def home_published(slack: SlackHarness) -> None:
    home = slack.emu.home_view(slack.user("maria"))
    assert home is not None and "Your expertise profile" in str(home.blocks)


async def settings_open(slack: SlackHarness) -> None:
    modal = slack.emu.open_modal(slack.user("dev"))
    assert modal is not None and modal.spec.get("callback_id") == "workspace_settings"


async def report_shown(slack: SlackHarness) -> None:
    told = ephemeral_text(slack, "maria")
    assert "received 1 kudos" in told, told


async def network_shown(slack: SlackHarness) -> None:
    told = ephemeral_text(slack, "dev")
    assert "Insights for the whole workspace" in told, told


async def digest_sent(slack: SlackHarness) -> None:
    assert "kudos" in dm_text(slack, "maria").lower()


async def synced(slack: SlackHarness) -> None:
    async with slack.services.sessions() as s:
        names = set(await s.scalars(select(Person.real_name).where(Person.is_guest.is_(False))))
    assert "Alice Martin" in names or "alice" in str(names), names


OUTCOMES: dict[str, Callable[[SlackHarness], Awaitable[None]]] = {
    "kudos_command": kudos_confirmed,
    "kudos_form": kudos_landed,
    "kudos_reaction": kudos_landed,
    "ask_command": solved,
    "ask_mention": solved,
    "skills_add": skills_saved,
    "skills_form": profile_form_open,
    "home": home_published,
    "settings": settings_open,
    "report": report_shown,
    "network": network_shown,
    "digests": digest_sent,
    "sync": synced,
}
