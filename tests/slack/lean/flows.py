"""What people do with askaround, one function each, through the emulator as a person does
it: the flows every answer Slack may give must leave working (or refused in words)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from handlers.blocks.skills import EDIT_ACTION
from handlers.client.directory import sync_directory
from slack_emulator import screen
from storage.models import Person, Workspace
from tests.slack.harness import SlackHarness, bot_on_world
from tests.slack.java_samples import answers
from tests.slack.kudos.world import give, submit_modal
from tests.slack.questions.world import PEOPLE, declare_skills, tuesday_morning

QUESTION = "how do we unlock a stuck terraform state?"
REASON = "untangling the release"
MANAGED = ("alice", "bob", "carol")


@asynccontextmanager
async def company(
    tmp_path: Path, *, lean: bool = False, recorded: bool = False, paged: bool = False
) -> AsyncIterator[SlackHarness]:
    """The questions' world (Bob, Dev and Maria know terraform), Maria the manager of Alice,
    Bob and Carol, Dev an askaround admin; the directory synced (by a lean Slack's answers
    with `lean`; with `recorded`, each method answered as Slack's recorded answer to it has
    it, `java_samples.answers`; with `paged`, every list a page of one, each after an empty
    page, `slack_emulator.api_base.Paging`). Built once a process on SQLite (`bot_on_world`)."""

    def again(slack: SlackHarness) -> None:
        slack.emu.faults.lean = lean
        slack.emu.faults.paging.size, slack.emu.faults.paging.empty = (
            (1, True) if paged else (0, False)
        )
        slack.emu.faults.recorded = answers() if recorded else {}
        tuesday_morning(slack)

    name = "lean" if lean else "recorded" if recorded else "paged" if paged else ""
    name = f"{name}-company" if name else "company"
    async with bot_on_world(tmp_path, name, _managed, again, people=PEOPLE) as slack:
        slack.emu.calls.clear()
        yield slack


async def _managed(slack: SlackHarness) -> None:
    await declare_skills(slack)
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    async with slack.services.sessions() as s, s.begin():
        managed = [slack.user(h) for h in MANAGED]
        await s.execute(
            update(Person)
            .where(Person.user_id.in_(managed))
            .values(manager_user_id=slack.user("maria"))
        )
        await s.execute(
            update(Person).where(Person.user_id == slack.user("dev")).values(roles=["admin"])
        )


async def kudos_command(slack: SlackHarness) -> None:
    await give(slack, "alice", f"@bob for {REASON} #teamwork")
    await slack.drain()


async def kudos_form(slack: SlackHarness) -> None:
    """Alice gives kudos from the global shortcut's form."""
    await slack.here.global_shortcut(slack.user("alice"), "give_kudos_global")
    await slack.settle()
    modal = slack.here.open_modal(slack.user("alice"))
    if modal is not None:
        await submit_modal(
            slack, "alice", modal, recipients=["bob"], reason=REASON, channel="general"
        )
        await slack.drain()


async def kudos_reaction(slack: SlackHarness) -> None:
    message = await slack.post("bob", "general", f"I fixed it: {REASON}")
    await slack.settle()
    await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "kudos")
    await slack.drain()


async def ask_command(slack: SlackHarness) -> None:
    await slack.command("alice", "/ask", QUESTION)
    await answered(slack)


async def ask_mention(slack: SlackHarness) -> None:
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await answered(slack)


async def answered(slack: SlackHarness) -> None:
    """Alice consents where asked to, Dev says he can help, Alice marks it solved."""
    await slack.drain()
    if "Ask colleagues privately" in buttons(slack, "alice"):
        await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
        await slack.drain()
    offers = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.by_bot]
    if offers:
        await slack.emu.click(slack.user("dev"), "offer_accept", message=offers[-1])
        await slack.drain()
    if "Solved" in buttons(slack, "alice"):
        await slack.emu.click_button(slack.user("alice"), "Solved")
        await slack.drain()


def buttons(slack: SlackHarness, handle: str) -> list[str]:
    return screen.button_labels(slack.emu.workspace, slack.user(handle), limit=50)


async def skills_add(slack: SlackHarness) -> None:
    await slack.command("carol", "/skills", "add kubernetes:3")
    await slack.settle()


async def skills_form(slack: SlackHarness) -> None:
    """Carol opens her Home tab and presses Edit profile."""
    await slack.emu.open_home(slack.user("carol"))
    await slack.drain()
    home = slack.emu.home_view(slack.user("carol"))
    if home is not None:
        await slack.emu.click(slack.user("carol"), EDIT_ACTION, view=home)
        await slack.settle()


async def settings(slack: SlackHarness) -> None:
    """Dev, an askaround admin, opens the workspace's settings from his Home tab."""
    await slack.emu.open_home(slack.user("dev"))
    await slack.drain()
    home = slack.emu.home_view(slack.user("dev"))
    if home is not None and "settings_open" in str(home.blocks):
        await slack.emu.click(slack.user("dev"), "settings_open", view=home)
        await slack.settle()


async def home(slack: SlackHarness) -> None:
    await slack.emu.open_home(slack.user("maria"))
    await slack.drain()


async def report(slack: SlackHarness) -> None:
    await give(slack, "alice", f"@bob for {REASON} #teamwork")
    await slack.command("maria", "/kudos", "report")
    await slack.drain()


async def network(slack: SlackHarness) -> None:
    await slack.command("dev", "/askaround", "network")
    await slack.drain()


async def digests(slack: SlackHarness) -> None:
    await give(slack, "alice", f"@bob for {REASON} #teamwork")
    # Installed weeks ago: the digest due, last week's, is of a week askaround counted (none
    # is sent of a week before it began counting).
    installed = slack.services.clock.now() - timedelta(weeks=3)
    async with slack.services.sessions() as s, s.begin():
        await s.execute(
            update(Workspace).where(Workspace.team_id == slack.team_id).values(created_at=installed)
        )
    await slack.runner.bot.scheduler.run_once("digests")
    await slack.drain()


async def sync(slack: SlackHarness) -> None:
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)


FLOWS: dict[str, Callable[[SlackHarness], Awaitable[None]]] = {
    "kudos_command": kudos_command,
    "kudos_form": kudos_form,
    "kudos_reaction": kudos_reaction,
    "ask_command": ask_command,
    "ask_mention": ask_mention,
    "skills_add": skills_add,
    "skills_form": skills_form,
    "home": home,
    "settings": settings,
    "report": report,
    "network": network,
    "digests": digests,
    "sync": sync,
}
