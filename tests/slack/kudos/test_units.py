"""What one recognition costs the database, counted: its units of work (transactions, read
or written) and its commits, so that one more cannot come in unnoticed. The figures are
docs/benchmarks.md section 10's, for a recognition whose people are stored but no longer in
this process's memory (another replica's, or a minute later)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from sqlalchemy import event

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, global_modal, submit_modal

REASON = "for untangling the release #teamwork"
OWN = {
    ("rollback", "SELECT people.user_id"),
    ("commit", "SELECT people.user_id"),
    ("commit", "SELECT workspaces.daily_allowance"),
    ("rollback", "SELECT workspaces.daily_allowance"),
    ("commit", "UPDATE kudos SET shoutout_channel_id"),
    ("commit", "UPDATE kudos SET dm_channel_id"),
    ("commit", "INSERT INTO people"),
    ("commit", "INSERT INTO workspaces"),  # several people stored: `hold_for_profiles` first
}


# Reads only the routing index makes (its skill aliases, its network), which no recognition does
ROUTING_READS = ("SELECT skill_aliases.alias", "SELECT people.user_id, connections.id")

Units = dict[tuple[str, str], int]


async def counted(slack: SlackHarness, act: Callable[[], Awaitable[object]]) -> Units:
    """The units of work of this recognition that are its own (`OWN`), by how each ended and
    its first statement, with its deliveries sent."""
    open_ones: dict[object, list[str]] = {}  # by connection: PostgreSQL's run side by side
    ended: list[tuple[str, list[str]]] = []

    def executed(conn: object, _cursor: object, statement: str, *_args: object) -> None:
        open_ones.setdefault(conn, []).append(" ".join(statement.split())[:40])

    def end(how: str) -> Callable[[object], None]:
        return lambda conn: ended.append((how, open_ones.pop(conn, [])))

    engine = slack.services.engine.sync_engine  # the test's own: the listeners go with it
    event.listen(engine, "before_cursor_execute", executed)
    event.listen(engine, "commit", end("commit"))
    event.listen(engine, "rollback", end("rollback"))
    await act()
    await slack.drain()
    units = Counter(
        (how, statements[0].split(" (")[0].split(",")[0].split("=")[0])
        for how, statements in ended
        if statements and not any(s.startswith(ROUTING_READS) for s in statements)
    )
    # The outbox's claims and the inbox's marks are left out: how many ride together
    # depends on when the worker wakes, not on the recognition. So is the routing index's
    # build or refresh, which starts with a read of people too and runs when its task gets
    # a turn (a loaded machine puts it inside the recognition).
    return {unit: n for unit, n in units.items() if unit in OWN}


# the give, which reads who they are first: no read of its own before it
GIVEN = {
    ("commit", "SELECT people.user_id"): 1,
    ("commit", "UPDATE kudos SET shoutout_channel_id"): 1,  # the shout-out, posted
    ("commit", "UPDATE kudos SET dm_channel_id"): 1,  # Bob's DM, sent
}


async def known_a_while(slack: SlackHarness) -> None:
    """Alice and Bob stored by a first kudos, then out of this process's memory."""
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.drain()
    slack.advance(timedelta(minutes=2))  # out of memory, still fresh in the table


@pytest.mark.postgres_too
async def test_a_recognition_of_known_people_is_its_counted_units_of_work(
    slack: SlackHarness,
) -> None:
    await known_a_while(slack)

    async def again() -> None:
        await slack.command("alice", "/kudos", f"@bob again {REASON}")

    assert await counted(slack, again) == GIVEN
    assert dm_text(slack, "bob").count("gave you kudos") == 2


@pytest.mark.postgres_too
async def test_kudos_from_the_form_are_the_same_units_of_work(slack: SlackHarness) -> None:
    await known_a_while(slack)
    modal = await global_modal(slack, "alice")

    async def submitted() -> None:
        await submit_modal(
            slack, "alice", modal, recipients=["bob"], reason=REASON, channel="general"
        )

    assert await counted(slack, submitted) == GIVEN
    assert dm_text(slack, "bob").count("gave you kudos") == 2


@pytest.mark.postgres_too
async def test_kudos_by_reaction_are_the_same_units_of_work(slack: SlackHarness) -> None:
    """A `:kudos:` reaction read its people in a unit of its own before the give, which read
    them again: two reads of people a recognition, where /kudos and the form have one. Its
    one more unit reads which reactions give kudos, before anything else is done for one."""
    await known_a_while(slack)
    message = await slack.post("bob", "general", "I untangled the release branches tonight")
    await slack.drain()

    async def reacted() -> None:
        await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "kudos")

    rules = ("commit", "SELECT workspaces.daily_allowance")
    assert await counted(slack, reacted) == {**GIVEN, rules: 1}
    assert dm_text(slack, "bob").count("gave you kudos") == 2


@pytest.mark.postgres_too
async def test_a_recognition_of_people_not_known_yet_reads_them_once(
    slack: SlackHarness,
) -> None:
    async def first() -> None:
        await slack.command("alice", "/kudos", f"@bob {REASON}")

    assert await counted(slack, first) == {
        ("commit", "SELECT people.user_id"): 1,  # the give, which finds them unknown
        # As users.info describes them, after the workspace's row (`hold_for_profiles`).
        ("commit", "INSERT INTO workspaces"): 1,
        ("commit", "SELECT workspaces.daily_allowance"): 1,  # the give, then
        ("commit", "UPDATE kudos SET shoutout_channel_id"): 1,
        ("commit", "UPDATE kudos SET dm_channel_id"): 1,
    }
    assert dm_text(slack, "bob").count("gave you kudos") == 1
