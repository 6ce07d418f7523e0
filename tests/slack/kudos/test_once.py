"""Exactly once: retries, duplicated events, double clicks and re-submitted modals never add
a second entry, a second shout-out or a second DM; the database's unique key decides."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from slack_emulator import Message
from storage.models import Kudos
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, kudos_posts, ledger

REASON = "for untangling the release #teamwork"


async def test_retry_storm_leaves_exactly_one_entry_per_kudos(slack: SlackHarness) -> None:
    """Every way of giving, each delivered three more times at once while the first is still
    being handled: command (2 recipients), reaction, seconding (2) and modal: 6 entries."""
    emu = slack.emu
    command = await slack.command("alice", "/kudos", f"@bob @carol {REASON}")
    await emu.redeliver(command, times=3)
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")

    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    reaction = await emu.add_reaction(slack.user("maria"), message.channel, message.ts, "kudos")
    assert reaction is not None
    await emu.redeliver(reaction, times=3)
    seconding = await emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    assert seconding is not None
    await emu.redeliver(seconding, times=3)

    await emu.message_shortcut(slack.user("bob"), "give_kudos", message)
    await slack.settle()
    modal = emu.open_modal(slack.user("bob"))
    assert modal is not None
    submitted = await emu.submit_view(
        slack.user("bob"), modal.id, {"reason": {"text": "wrote the failover runbook"}}
    )
    await emu.redeliver(submitted, times=3)
    await slack.settle()

    rows = await ledger(slack)
    by_source = sorted((k.source, k.receiver_user_id) for k in rows)
    assert by_source == sorted(
        [
            ("command", slack.user("bob")),
            ("command", slack.user("carol")),
            ("reaction", slack.user("carol")),
            ("second", slack.user("bob")),
            ("second", slack.user("carol")),
            ("shortcut", slack.user("carol")),
        ]
    )
    posted = kudos_posts(slack, "general")
    assert len([m for m in posted if "gave kudos" in m.text]) == 3
    assert len([m for m in posted if "seconds this" in m.text]) == 1
    assert dm_text(slack, "bob").count("untangling the release") == 2  # given, then seconded
    assert ephemeral_text(slack, "alice").count("Kudos sent") == 1


async def test_reacting_again_after_removing_the_reaction_adds_nothing(slack: SlackHarness) -> None:
    """Un-react and react again (a new event id, same message, giver and receiver): the
    reaction's idempotency key is already taken, so the ledger keeps one entry."""
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    message.reactions.clear()  # Bob removes his reaction in Slack
    again = await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    assert again is not None and again.event_id != slack.emu.deliveries[-2].event_id
    await slack.settle()
    assert len(await ledger(slack)) == 1
    assert len(kudos_posts(slack, "general")) == 1


async def react_undo_react(slack: SlackHarness, handle: str, message: Message) -> str:
    """`handle` reacts with :kudos:, presses Undo, takes the reaction off and reacts again;
    what they were told last."""
    user = slack.user(handle)
    await slack.emu.add_reaction(user, message.channel, message.ts, "kudos")
    await slack.settle()
    await slack.emu.click_button(user, "Undo")
    await slack.settle()
    message.reactions.clear()
    await slack.emu.add_reaction(user, message.channel, message.ts, "kudos")
    await slack.settle()
    return slack.emu.ephemerals(user)[-1].text


async def test_reacting_again_after_undo_says_how_to_thank_again(slack: SlackHarness) -> None:
    """Bob undoes his reaction's kudos, then reacts again: the key is taken, so nothing is
    given again, and he is told so and how to thank Carol; it was silence, as if given."""
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    said = await react_undo_react(slack, "bob", message)
    assert await ledger(slack) == [] and kudos_posts(slack, "general") == []
    assert said == (
        "You undid your kudos for that message, so reacting again gives none. Use the message "
        "shortcut *Give kudos* on it to thank them again."
    )


async def test_seconding_again_after_undo_says_so(slack: SlackHarness) -> None:
    """The same for a shout-out seconded, undone, then reacted to again."""
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    said = await react_undo_react(slack, "maria", shoutout)
    assert [k.source for k in await ledger(slack)] == ["command"]
    assert said.startswith("You undid your seconding of that shout-out, so reacting again")


async def test_double_clicked_undo_undoes_once(slack: SlackHarness) -> None:
    """Undo clicked four times at once: the kudos are undone, the shout-out deleted, once."""
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.settle()
    click = await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.emu.redeliver(click, times=3)
    await slack.settle()
    assert await ledger(slack) == []
    assert len(await ledger(slack, live_only=False)) == 1
    assert kudos_posts(slack, "general") == []
    assert "Undone" in ephemeral_text(slack, "alice")


async def test_the_database_refuses_a_second_entry_with_the_same_key(slack: SlackHarness) -> None:
    """UNIQUE(team_id, idempotency_key) holds even for a writer that skips the service."""
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.settle()
    [entry] = await ledger(slack)
    async with slack.services.sessions() as s:
        try:
            async with s.begin():
                s.add(
                    Kudos(
                        team_id=entry.team_id,
                        giver_user_id=entry.giver_user_id,
                        receiver_user_id=entry.receiver_user_id,
                        message=entry.message,
                        source="command",
                        idempotency_key=entry.idempotency_key,
                    )
                )
        except Exception as error:  # IntegrityError, wrapped differently per driver
            assert "unique" in str(error).lower()
        else:
            raise AssertionError("a duplicate idempotency key was accepted")
        assert await s.scalar(select(func.count()).select_from(Kudos)) == 1


async def test_a_recipients_dm_is_recorded_with_its_delivery_in_one_transaction(
    slack: SlackHarness,
) -> None:
    """Bob's DM about his kudos is marked sent, kept for Undo and recorded as a kudos DM
    (so a reply under it is answered, `bot.bot_dms`) in one transaction: none of the three
    without the others, and one commit where it was two."""
    open_ones: dict[object, list[str]] = {}  # by connection: PostgreSQL's run side by side
    transactions: list[list[str]] = []

    def executed(conn: object, _cursor: object, statement: str, *_args: object) -> None:
        open_ones.setdefault(conn, []).append(" ".join(statement.split())[:30])

    def committed(conn: object) -> None:
        transactions.append(open_ones.pop(conn, []))

    # The engine is this test's own: the listeners go with it.
    event.listen(slack.services.engine.sync_engine, "before_cursor_execute", executed)
    event.listen(slack.services.engine.sync_engine, "commit", committed)
    event.listen(slack.services.engine.sync_engine, "rollback", lambda c: open_ones.pop(c, 0))
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.drain()
    assert "gave you kudos" in dm_text(slack, "bob")
    [dm] = [t for t in transactions if any(s.startswith("UPDATE kudos SET dm_") for s in t)]
    assert any(s.startswith("INSERT INTO bot_dms") for s in dm)
    assert any(s.startswith("UPDATE outbox SET status") for s in dm)
    assert not [t for t in transactions if t is not dm and "INSERT INTO bot_dms" in str(t)]


@pytest.mark.postgres_too  # storage.kudos.seconded on a seconding's entry
async def test_seconding_a_seconding_thanks_nobody_twice_for_one_thing(slack: SlackHarness) -> None:
    """Alice thanks Bob; Carol seconds the shout-out and Maria seconds Carol's seconding, a
    reply in its thread. Ten minutes later, past what "Already sent" looks back on, Carol
    reacts to Maria's reply and Alice too: each thanked Bob for this already (Alice gave
    it), and Bob had 5 kudos for one shout-out seconded twice, Alice's allowance paying for a
    seconding of her own kudos. Each is told so; the ledger and `/kudos me` count 3. (Found
    by the random walks, `tests/slack/test_people_at_random.py`.)"""
    emu = slack.emu
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    await emu.add_reaction(slack.user("carol"), shoutout.channel, shoutout.ts, "kudos")
    await slack.settle()
    [carols] = [m for m in kudos_posts(slack, "general") if m.thread_ts == shoutout.ts]
    await emu.add_reaction(slack.user("maria"), carols.channel, carols.ts, "kudos")
    await slack.settle()
    [marias] = [m for m in kudos_posts(slack, "general") if m.ts not in (shoutout.ts, carols.ts)]
    slack.advance(timedelta(minutes=10))
    await slack.settle()
    for handle in ("carol", "alice"):
        await emu.add_reaction(slack.user(handle), marias.channel, marias.ts, "kudos")
        await slack.settle()
    said = emu.ephemerals(slack.user("carol"))[-1].text
    assert said.startswith("You seconded these kudos already"), said
    said = emu.ephemerals(slack.user("alice"))[-1].text
    assert said.startswith("These are your own kudos"), said
    thanks = sorted((k.giver_user_id, k.source) for k in await ledger(slack))
    assert thanks == sorted(
        [(slack.user("alice"), "command")] + [(slack.user(h), "second") for h in ("carol", "maria")]
    )
    await slack.command("bob", "/kudos", "me")
    await slack.settle()
    assert "3 received" in emu.ephemerals(slack.user("bob"))[-1].text
    assert len(kudos_posts(slack, "general")) == 3


async def test_a_seconding_undone_is_not_given_again_through_another_reply(
    slack: SlackHarness,
) -> None:
    """Carol seconds Alice's kudos to Bob, Maria too, and Carol presses Undo on hers. Reacting
    to Maria's reply gave Bob her seconding again, though reacting to the shout-out again
    gives none (docs/kudos.md): now neither does, and she is told how to thank them anew."""
    emu = slack.emu
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    for handle in ("carol", "maria"):
        await emu.add_reaction(slack.user(handle), shoutout.channel, shoutout.ts, "kudos")
        await slack.settle()
    await emu.click_button(slack.user("carol"), "Undo")
    await slack.settle()
    [marias] = [m for m in kudos_posts(slack, "general") if m.thread_ts == shoutout.ts]
    before = len(emu.ephemerals(slack.user("carol")))
    await emu.add_reaction(slack.user("carol"), marias.channel, marias.ts, "kudos")
    await slack.settle()
    [said] = [e.text for e in emu.ephemerals(slack.user("carol"))[before:]]
    assert said.startswith("You undid your seconding"), said
    givers = sorted(k.giver_user_id for k in await ledger(slack))
    assert givers == sorted(slack.user(h) for h in ("alice", "maria"))
