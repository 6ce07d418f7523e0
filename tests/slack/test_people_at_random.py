"""Long random walks of what people do, checked after every step against what Slack shows and
what the ledger holds (Hypothesis's stateful testing).

Five new colleagues join for each walk and give kudos (to one or several, to themselves, past
their allowance, in public and in private), undo, second, have an admin take back, ask questions
(in a DM and in a watched channel), answer the requests they get, reply in threads, mark
questions solved, change their skills, leave the company, look at their `/kudos me` and Home
tab; days and weeks pass, Slack retries and people double-click. After each step: every kudos is
counted once, what each person is shown of their kudos is what the ledger holds, nobody gives
more than their allowance, a question has at most one helper, nobody who left is asked, no DM
is sent twice for one thing, a late Undo changes nothing and private words stay private.

One bot serves every walk of a run: each walk's colleagues are new people, their first day a
Tuesday later than the last walk's, and they all leave at its end (so nobody of an earlier walk
is asked); its checks read only what concerns them."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import Coroutine, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import or_, select

from slack_emulator import Delivery, Ephemeral, Message
from storage.models import Kudos, Offer, Question
from tests.domain.properties import PROFILE
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import configure

T = TypeVar("T")


# Preconditions read only the walk's own choices (who left, what was asked): one reading what
# the bot did (a request sent, a shout-out posted) would let a replay of the same choices draw
# differently, which Hypothesis refuses (`FlakyStrategyDefinition`); such a rule does nothing
# when there is nothing to act on.
# CI runs a few dozen short walks, the same ones each run; `thorough` (the default) draws new
# ones, more and longer.
WALKS = {"ci": (18, 40), "thorough": (100, 40)}
UNDO_MINUTES = 5
ALLOWANCE = 5  # the workspace's default daily allowance
# Each walk's five, by place: the last three know terraform, and work at its first hour (14:00
# UTC on a Tuesday), when Tokyo's day is nearly over.
ZONES = ("Europe/London", "Asia/Tokyo", "America/New_York", "Europe/Madrid", "Europe/London")
PUBLIC = ("general", "help", "kudos")


def aware(moment: datetime) -> datetime:
    """A time the database gave back, in UTC (SQLite's come back naive)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def texts(blocks: Any) -> Iterator[str]:
    """Every text in a message's or view's blocks."""
    if isinstance(blocks, dict):
        for key, value in blocks.items():
            if key == "text" and isinstance(value, str):
                yield value
            else:
                yield from texts(value)
    elif isinstance(blocks, list):
        for value in blocks:
            yield from texts(value)


def shown(message: Message | Ephemeral) -> str:
    return "\n".join([message.text, *texts(message.blocks)])


def actions(message: Message | Ephemeral) -> set[str]:
    found: set[str] = set()
    for block in message.blocks or []:
        for element in block.get("elements") or [block.get("accessory") or {}]:
            if isinstance(element, dict) and element.get("action_id"):
                found.add(str(element["action_id"]))
    return found


@dataclass
class Given:
    """One `/kudos` typed: who, to whom, where, its unique word, and when."""

    word: str
    giver: str
    receivers: tuple[str, ...]
    where: str  # general, hush (a private channel), dm, or seconding (of kudos in either)
    at: datetime
    sent: bool = False  # the bot said "Kudos sent"
    confirmation: Ephemeral | Message | None = None  # with its Undo button


@dataclass
class Asked:
    """One question asked: its unique word, who asked, where, and the message."""

    word: str
    asker: str
    where: str  # dm, help (watched) or general (a mention)
    message: Message
    agreed: bool = False  # pressed "Ask colleagues privately" or "Find an expert"


@dataclass
class Ledger:
    """What the database holds of a walk's people, read once after a step."""

    kudos: list[Kudos]
    questions: list[Question]
    offers: list[Offer]


@dataclass
class World:
    """The one bot of a run, and what stays from walk to walk."""

    loop: asyncio.AbstractEventLoop
    slack: SlackHarness
    walks: int = 0
    words: int = 0
    steps: int = 0
    did: Counter[str] = field(default_factory=Counter)

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(work)

    def word(self, prefix: str) -> str:
        self.words += 1
        return f"{prefix}{self.words}q"


class PeopleAtRandom(RuleBasedStateMachine):
    world: World  # set by the test before the walks

    def __init__(self) -> None:
        super().__init__()
        self.slack = self.world.slack
        self.handles: list[str] = []
        self.zone: dict[str, str] = {}
        self.left: dict[str, datetime] = {}  # who left, and when
        self.given: list[Given] = []
        self.asked: list[Asked] = []
        self.sent: list[tuple[Delivery, datetime]] = []  # what Slack sent the bot, and when

    # -- the walk's colleagues ---------------------------------------------------------------

    @initialize()
    def colleagues_join(self) -> None:
        """Five people join, on the Tuesday after the last walk, 14:00 UTC; three of them know
        terraform; all are in #general, the watched #help and the private #hush."""
        world, slack = self.world, self.slack
        world.walks += 1
        now = slack.services.clock.now()
        tuesday = (now + timedelta(days=2)).replace(hour=14, minute=0, second=0, microsecond=0)
        while tuesday.weekday() != 1:
            tuesday += timedelta(days=1)
        slack.advance(tuesday - now)
        ws = slack.emu.workspace
        for i in range(5):
            handle = f"w{world.walks}p{i}"
            zone = ZONES[i]
            user, _joined = world.run(
                slack.emu.join_team(handle, real_name=f"Person {handle.upper()}", tz=zone)
            )
            slack.users[handle] = user.id
            self.handles.append(handle)
            self.zone[handle] = zone
            for channel in ("help", "hush", "kudos"):
                ws.join(slack.channel(channel), user.id)
        world.run(slack.settle())
        for handle in self.handles[2:]:
            world.run(slack.command(handle, "/skills", "add terraform:4"))
        world.run(slack.settle())

    def teardown(self) -> None:
        """Everyone of the walk leaves, so no later walk's question asks them, and the
        workspace has no kudos channel again."""
        self.world.run(configure(self.slack, kudos_channel_id=None))
        for handle in self.handles:
            if handle not in self.left:
                self.world.run(self.slack.emu.change_user(self.slack.user(handle), deleted=True))
        self.world.run(self.slack.drain())

    def ids(self) -> list[str]:
        return [self.slack.user(h) for h in self.handles]

    def here(self) -> list[str]:
        return [h for h in self.handles if h not in self.left]

    def act(self, delivery: Any) -> None:
        if isinstance(delivery, Delivery):
            self.sent.append((delivery, self.slack.services.clock.now()))
        self.world.run(self.slack.settle())
        self.world.steps += 1

    # -- kudos -------------------------------------------------------------------------------

    @rule(
        giver=st.integers(0, 4),
        others=st.lists(st.integers(1, 4), min_size=1, max_size=3, unique=True),
        themselves=st.sampled_from([False] * 5 + [True]),
        where=st.sampled_from(["general", "general", "hush", "dm"]),
        reason=st.sampled_from([True] * 5 + [False]),
    )
    def give_kudos(
        self, giver: int, others: list[int], themselves: bool, where: str, reason: bool
    ) -> None:
        """`/kudos @a @b for fix N of the deploy` (or a reason too short to take), now and
        then to themselves too."""
        slack, handle = self.slack, self.handles[giver]
        if handle in self.left:
            return
        word = self.world.word("kz")
        to = tuple(self.handles[(giver + r) % 5] for r in others)
        to += (handle,) if themselves else ()
        text = " ".join(f"<@{slack.user(h)}>" for h in to)
        text += f" for fix {word} of the deploy" if reason else f" for {word}"
        channel = (
            slack.here.workspace.open_im(slack.user(handle)).id
            if where == "dm"
            else slack.channel(where)
        )
        user = slack.user(handle)
        before = len(slack.emu.ephemerals(user)), len(slack.emu.dm_messages(user))
        given = Given(word, handle, to, where, slack.services.clock.now())
        delivery = self.world.run(
            slack.here.slash_command(slack.user(handle), "/kudos", text, channel_id=channel)
        )
        self.act(delivery)
        told: list[Ephemeral | Message] = [
            *slack.emu.ephemerals(user)[before[0] :],
            *slack.emu.dm_messages(user)[before[1] :],
        ]
        said = [m.text for m in told]
        given.sent = any("Kudos sent" in s for s in said)
        given.confirmation = next((m for m in told if "kudos_undo" in actions(m)), None)
        self.world.did["kudos sent" if given.sent else "kudos refused"] += 1
        self.given.append(given)
        rows = self.world.run(self.rows())
        mine = [k for k in rows if word in k.message]
        if given.sent:
            assert sorted(k.receiver_user_id for k in mine) == sorted(slack.user(h) for h in to)
        else:
            assert mine == [], (said, mine)
        if reason and handle not in to and not set(to) & set(self.left) and not given.sent:
            # Refused only for the allowance: the ledger's count of the giver's day says so.
            today = self.given_today(rows, handle)
            assert today + len(to) > ALLOWANCE, (said, today)

    def given_today(self, rows: list[Kudos], handle: str) -> int:
        zone = ZoneInfo(self.zone[handle])
        day = self.slack.services.clock.now().astimezone(zone).date()
        return sum(
            1
            for k in rows
            if k.giver_user_id == self.slack.user(handle)
            and k.undone_at is None
            and aware(k.created_at).astimezone(zone).date() == day
        )

    @rule(pick=st.integers(0, 20))
    def undo(self, pick: int) -> None:
        """The giver presses Undo on a confirmation that still shows it: within 5 minutes the
        kudos are undone, later nothing changes."""
        sent = [g for g in self.given if g.confirmation]
        if not sent:
            return
        given = sent[pick % len(sent)]
        confirmation = given.confirmation
        if confirmation is None or "kudos_undo" not in actions(confirmation):
            return
        late = self.slack.services.clock.now() - given.at > timedelta(minutes=UNDO_MINUTES)
        before = [k.undone_at for k in self.world.run(self.rows()) if given.word in k.message]
        delivery = self.world.run(
            self.slack.emu.click(self.slack.user(given.giver), "kudos_undo", message=confirmation)
        )
        self.act(delivery)
        after = [k.undone_at for k in self.world.run(self.rows()) if given.word in k.message]
        self.world.did["late undo" if late else "undo"] += 1
        if late:
            assert after == before, f"Undo pressed {self.slack.services.clock.now() - given.at}"

    def shown_in_a_channel(self) -> list[Given]:
        return [g for g in self.given if g.sent and g.where in ("general", "hush")]

    def shoutout(self, given: Given) -> Message | None:
        """Where the kudos were given, or in the kudos channel."""
        for channel in (given.where, "kudos"):
            for message in self.slack.emu.messages(self.slack.channel(channel)):
                if message.by_bot and given.word in message.text and "gave kudos" in message.text:
                    return message
        return None

    @rule(on=st.booleans())
    def admin_sets_a_kudos_channel(self, on: bool) -> None:
        """An admin sets #kudos as the kudos channel, where public shout-outs then go, or
        clears it."""
        where = self.slack.channel("kudos") if on else None
        self.world.run(configure(self.slack, kudos_channel_id=where))
        self.act(None)

    @rule(who=st.integers(0, 4), pick=st.integers(0, 20))
    def second(self, who: int, pick: int) -> None:
        """Someone reacts :kudos: to a shout-out in #general or #hush."""
        handle = self.handles[who]
        public = self.shown_in_a_channel()
        seconded = public[pick % len(public)] if public else None
        shoutout = self.shoutout(seconded) if seconded else None
        if seconded is None or shoutout is None or handle in self.left:
            return
        user = self.slack.user(handle)
        before = len(self.slack.emu.ephemerals(user))
        delivery = self.world.run(
            self.slack.emu.add_reaction(user, shoutout.channel, shoutout.ts, "kudos")
        )
        self.world.did["seconded"] += 1
        self.act(delivery)
        told = self.slack.emu.ephemerals(user)[before:]
        confirmation = next((e for e in told if "kudos_undo" in actions(e)), None)
        if confirmation is not None:  # its Undo is pressed as a gift's is
            now = self.slack.services.clock.now()
            self.given.append(
                Given(seconded.word, handle, (), "seconding", now, confirmation=confirmation)
            )

    @rule(pick=st.integers(0, 20), seconding=st.booleans())
    def take_back(self, pick: int, seconding: bool) -> None:
        """Maria, an admin, takes back the kudos of a shout-out, or of a seconding replied in
        its thread, with a reason."""
        public = self.shown_in_a_channel()
        shoutout = self.shoutout(public[pick % len(public)]) if public else None
        if shoutout is None:
            return
        if seconding:
            replies = [
                m
                for m in self.slack.emu.messages(shoutout.channel)
                if m.by_bot and m.thread_ts == shoutout.ts and "seconds this" in m.text
            ]
            if not replies:
                return
            shoutout = replies[pick % len(replies)]
        maria = self.slack.user("maria")
        self.act(
            self.world.run(self.slack.emu.message_shortcut(maria, "take_back_kudos", shoutout))
        )
        modal = self.slack.emu.open_modal(maria)
        if modal is None or modal.callback_id != "take_back_kudos_modal":
            return
        submitted = self.world.run(
            self.slack.emu.submit_view(maria, modal.id, {"reason": {"text": "a mistake"}})
        )
        self.act(submitted)
        self.world.did["seconding taken back" if seconding else "taken back"] += 1

    @rule(
        who=st.integers(0, 4),
        author=st.integers(1, 4),
        where=st.sampled_from(["general", "general", "hush"]),
        in_thread=st.booleans(),
    )
    def thanks_by_reaction(self, who: int, author: int, where: str, in_thread: bool) -> None:
        """Someone writes in #general or #hush (or in a thread there) and a colleague reacts
        :kudos:."""
        slack = self.slack
        reactor, writer = self.handles[who], self.handles[(who + author) % 5]
        if reactor in self.left or writer in self.left:
            return
        word = self.world.word("kz")
        parent = None
        if in_thread:
            parent = self.world.run(slack.post(writer, where, "the deploy is red again"))
        message = self.world.run(
            slack.post(
                writer, where, f"I fixed the deploy pipeline in {word}", parent and parent.ts
            )
        )
        self.act(None)
        user = slack.user(reactor)
        before = len(slack.emu.ephemerals(user))
        delivery = self.world.run(
            slack.emu.add_reaction(user, message.channel, message.ts, "kudos")
        )
        self.act(delivery)
        given = Given(word, reactor, (writer,), where, slack.services.clock.now())
        told = slack.emu.ephemerals(user)[before:]
        given.sent = any("Kudos sent" in e.text for e in told)
        given.confirmation = next((e for e in told if "kudos_undo" in actions(e)), None)
        self.given.append(given)
        self.world.did["kudos by reaction" if given.sent else "reaction refused"] += 1

    @rule(pick=st.integers(0, 20))
    def two_help_at_once(self, pick: int) -> None:
        """Two people asked about the same question press I can help at the same moment."""
        slack = self.slack
        by_question: dict[str, list[tuple[str, Message]]] = {}
        for handle in self.here():
            for request in self.requests(handle):
                key = next((a.word for a in self.asked if a.word in request.text), "")
                by_question.setdefault(key, []).append((handle, request))
        both = [pair for pair in by_question.values() if len(pair) >= 2]
        if not both:
            return
        (one, first), (other, second) = both[pick % len(both)][:2]

        async def at_once() -> None:
            await asyncio.gather(
                slack.emu.click(slack.user(one), "offer_accept", message=first),
                slack.emu.click(slack.user(other), "offer_accept", message=second),
            )

        self.world.run(at_once())
        self.act(None)
        self.world.did["two help at once"] += 1

    # -- questions ---------------------------------------------------------------------------

    @rule(
        who=st.integers(0, 4),
        where=st.sampled_from(["dm", "help", "general"]),
        go_on=st.booleans(),
    )
    def ask(self, who: int, where: str, go_on: bool) -> None:
        """A question about terraform: in a DM (then maybe "Ask colleagues privately"), in the
        watched #help (then maybe "Find an expert") or mentioning askaround in #general."""
        slack, handle = self.slack, self.handles[who]
        if handle in self.left:
            return
        word = self.world.word("qz")
        question = f"how do we unlock a stuck terraform state in {word}?"
        user = slack.user(handle)
        if where == "dm":
            message = self.world.run(slack.dm_bot(handle, question))
        elif where == "help":
            message = self.world.run(slack.post(handle, "help", question))
        else:
            message = self.world.run(
                slack.post(handle, "general", f"<@{slack.emu.bot_user_id}> {question}")
            )
        self.act(None)
        self.world.did[f"asked in {where}"] += 1
        asked = Asked(word, handle, where, message, agreed=where == "general")
        self.asked.append(asked)
        if not go_on:
            return
        if where == "dm":
            prompts = [m for m in slack.emu.dm_messages(user) if "question_consent" in actions(m)]
            if prompts:
                asked.agreed = True
                self.act(
                    self.world.run(slack.emu.click(user, "question_consent", message=prompts[-1]))
                )
        elif where == "help":
            nudges = [e for e in slack.emu.ephemerals(user) if "nudge_ask" in actions(e)]
            if nudges:
                asked.agreed = True
                self.act(self.world.run(slack.emu.click(user, "nudge_ask", message=nudges[-1])))

    def requests(self, handle: str) -> list[Message]:
        """The requests to help `handle` was sent that still show their buttons."""
        return [
            m
            for m in self.slack.emu.dm_messages(self.slack.user(handle))
            if m.by_bot and "offer_accept" in actions(m)
        ]

    @rule(who=st.integers(0, 4), pick=st.integers(0, 5), accept=st.sampled_from([True, False]))
    def answer_request(self, who: int, pick: int, accept: bool) -> None:
        """Someone asked presses I can help or Not me."""
        asked = [h for h in self.here() if self.requests(h)]
        if not asked:
            return
        handle = asked[who % len(asked)]
        waiting = self.requests(handle)
        action = "offer_accept" if accept else "offer_decline"
        self.world.did[action] += 1
        request = waiting[pick % len(waiting)]
        self.act(
            self.world.run(self.slack.emu.click(self.slack.user(handle), action, message=request))
        )

    @precondition(lambda self: any(a.where != "dm" for a in self.asked))
    @rule(who=st.integers(0, 4), pick=st.integers(0, 20))
    def reply_in_thread(self, who: int, pick: int) -> None:
        """Someone replies in a question's thread in a channel."""
        handle = self.handles[who]
        public = [a for a in self.asked if a.where != "dm"]
        asked = public[pick % len(public)]
        if handle in self.left:
            return
        message = self.world.run(
            self.slack.post(
                handle, asked.where, "try terraform force-unlock with the lock id", asked.message.ts
            )
        )
        self.act(message)

    @precondition(lambda self: bool(self.asked))
    @rule(pick=st.integers(0, 20))
    def mark_solved(self, pick: int) -> None:
        """The asker presses Solved wherever they see it for their question."""
        asked = self.asked[pick % len(self.asked)]
        user = self.slack.user(asked.asker)
        if asked.asker in self.left:
            return
        seen: list[Message | Ephemeral] = [
            *self.slack.emu.messages(asked.message.channel),
            *self.slack.emu.dm_messages(user),
            *self.slack.emu.ephemerals(user),
        ]
        for message in reversed(seen):
            if "question_solved" in actions(message) and asked.word in self.question_text(message):
                self.act(
                    self.world.run(self.slack.emu.click(user, "question_solved", message=message))
                )
                self.world.did["solved"] += 1
                return

    def question_text(self, message: Message | Ephemeral) -> str:
        """The message and, for one in a thread, the thread's first message."""
        if message.thread_ts and isinstance(message, Message):
            parent = [
                m for m in self.slack.emu.messages(message.channel) if m.ts == message.thread_ts
            ]
            return shown(message) + "".join(shown(p) for p in parent)
        return shown(message)

    @rule(who=st.integers(0, 4), add=st.booleans())
    def change_skills(self, who: int, add: bool) -> None:
        """`/skills add terraform:3` or `/skills remove terraform`."""
        handle = self.handles[who]
        if handle in self.left:
            return
        typed = "add terraform:3" if add else "remove terraform"
        self.act(self.world.run(self.slack.command(handle, "/skills", typed)))

    # -- Slack, time and people leaving ------------------------------------------------------

    @rule(back=st.integers(0, 3), times=st.integers(1, 2))
    def slack_sends_again(self, back: int, times: int) -> None:
        """Slack retries an event of the last few minutes, or a person's client sends a
        click, command or form again (a double click, or a press on a button still shown)."""
        if not self.sent:
            return
        delivery, at = self.sent[-1 - back % len(self.sent)]
        late = self.slack.services.clock.now() - at > timedelta(minutes=UNDO_MINUTES)
        if late and delivery.kind != "interaction":
            return
        self.world.run(self.slack.emu.redeliver(delivery, times=times))
        self.world.did[f"sent again: {delivery.kind}"] += 1
        self.act(None)

    @rule(wait=st.sampled_from([4, 6, 31, 61, 60 * 24, 60 * 24 * 7]))
    def time_passes(self, wait: int) -> None:
        """Minutes, a day or a week pass."""
        self.slack.advance(timedelta(minutes=wait))
        self.act(None)

    @precondition(lambda self: len(self.here()) > 3)
    @rule(who=st.integers(0, 4))
    def leaves(self, who: int) -> None:
        """Someone is deactivated in Slack."""
        handle = self.handles[who]
        if handle in self.left or len(self.here()) <= 3:
            return
        self.left[handle] = self.slack.services.clock.now()
        self.world.did["left"] += 1
        self.act(self.world.run(self.slack.emu.change_user(self.slack.user(handle), deleted=True)))

    @rule(who=st.integers(0, 4))
    def looks_at_their_kudos(self, who: int) -> None:
        """`/kudos me` and the Home tab say what the ledger holds: kudos received and given,
        and the allowance left today."""
        slack, handle = self.slack, self.handles[who]
        if handle in self.left:
            return
        user = slack.user(handle)
        self.act(self.world.run(slack.command(handle, "/kudos", "me")))
        said = slack.emu.ephemerals(user)[-1].text
        rows = [k for k in self.world.run(self.rows()) if k.undone_at is None]
        received = sum(k.receiver_user_id == user for k in rows)
        given = sum(k.giver_user_id == user for k in rows)
        assert f"{received} received, {given} given" in said, (said, received, given)
        self.act(self.world.run(slack.command(handle, "/kudos", "top week")))
        board = slack.emu.ephemerals(user)[-1].text
        now = slack.services.clock.now().astimezone(ZoneInfo(self.zone[handle]))
        for other in self.handles:
            line = re.search(rf"Person {other.upper()} · (\d+)", board)
            if line is not None:
                got = sum(
                    k.receiver_user_id == slack.user(other)
                    and aware(k.created_at).astimezone(now.tzinfo).isocalendar()[:2]
                    == now.isocalendar()[:2]
                    for k in rows
                )
                assert int(line[1]) == got, (board, other, got)
                self.world.did["top board checked"] += 1
        self.act(self.world.run(slack.emu.open_home(user)))
        home = self.slack.emu.home_view(user)
        assert home is not None
        shown_home = "\n".join(texts(home.blocks))
        left = ALLOWANCE - self.given_today(rows, handle)
        assert f"You have *{max(left, 0)} of {ALLOWANCE}*" in shown_home
        for other in self.handles:
            line = re.search(rf"Person {other.upper()} · (\d+)", shown_home)
            if line is not None:
                got = sum(
                    k.receiver_user_id == slack.user(other)
                    and aware(k.created_at).astimezone(now.tzinfo).strftime("%Y%m")
                    == now.strftime("%Y%m")
                    for k in rows
                )
                assert int(line[1]) == got, (shown_home, other, got)
                self.world.did["home board checked"] += 1

    # -- what holds after every step ---------------------------------------------------------

    async def rows(self) -> list[Kudos]:
        return (await self.read()).kudos

    async def read(self) -> Ledger:
        """The walk's people's kudos, questions and requests, in one read."""
        ids = self.ids()
        async with self.slack.services.sessions() as s:
            kudos = await s.scalars(
                select(Kudos)
                .where(or_(Kudos.giver_user_id.in_(ids), Kudos.receiver_user_id.in_(ids)))
                .order_by(Kudos.id)
            )
            questions = await s.scalars(select(Question).where(Question.asker_user_id.in_(ids)))
            offers = await s.scalars(
                select(Offer).join(Question).where(Question.asker_user_id.in_(ids))
            )
            return Ledger(list(kudos), list(questions), list(offers))

    @invariant()
    def ledger_holds(self) -> None:
        """Each kudos counted once, nobody past their allowance, one helper a question, and
        nobody asked once they left."""
        read = self.world.run(self.read())
        live = [k for k in read.kudos if k.undone_at is None]
        keys = Counter((k.message, k.giver_user_id, k.receiver_user_id) for k in live)
        assert [k for k, n in keys.items() if n > 1] == []
        for handle in self.handles:
            assert self.given_today(read.kudos, handle) <= ALLOWANCE, handle
        gone = {self.slack.user(h) for h in self.left}
        for question in read.questions:
            accepted = [
                o for o in read.offers if o.question_id == question.id and o.status == "accepted"
            ]
            # A helper who left is let go, and someone else may help then.
            here = [o for o in accepted if o.candidate_user_id not in gone]
            assert len(here) <= 1, question.id
            if question.helper_user_id is not None:
                assert question.helper_user_id in {o.candidate_user_id for o in accepted}
            # Once someone helps, or it is solved or closed, nobody is still being asked.
            if question.status != "open":
                pending = [o for o in read.offers if o.question_id == question.id]
                assert not [o for o in pending if o.status == "pending"], question.status
                for handle in self.here():
                    for request in self.requests(handle):
                        assert question.text not in request.text, (handle, question.status)
        for handle, when in self.left.items():
            user = self.slack.user(handle)
            mine = [o for o in read.offers if o.candidate_user_id == user]
            assert not [o for o in mine if o.status == "pending"], f"{handle} left, still asked"
            late = [o for o in mine if aware(o.created_at) > when]
            assert not late, f"{handle} was asked after leaving"
        # Nobody is asked of a question its asker did not agree to have asked, and nothing is
        # said of it in the watched channel.
        unasked = [a for a in self.asked if not a.agreed]
        for question in read.questions:
            for asked in unasked:
                if asked.word in question.text:
                    assert not [o for o in read.offers if o.question_id == question.id], asked
        for asked in unasked:
            if asked.where == "help":
                thread = self.slack.emu.messages(self.slack.channel("help"))
                said = [m.text for m in thread if m.by_bot and m.thread_ts == asked.message.ts]
                assert said == [], said

    @invariant()
    def no_dm_twice_and_private_words_stay_private(self) -> None:
        """No DM of the bot's says the same thing twice, and no word of kudos given in #hush
        or a DM, nor of a question asked in a DM, is in #general or #help."""
        words = [g.word for g in self.given] + [a.word for a in self.asked]
        for user in self.ids():
            said = Counter(
                m.text
                for m in self.slack.emu.dm_messages(user)
                if m.by_bot and not m.thread_ts and any(w in m.text for w in words)
            )
            assert [t for t, n in said.items() if n > 1] == [], user
        private = [g.word for g in self.given if g.where in ("hush", "dm")]
        private += [a.word for a in self.asked if a.where == "dm"]
        for name in PUBLIC:
            for message in self.slack.emu.messages(self.slack.channel(name)):
                leaked = [w for w in private if w in shown(message)]
                assert leaked == [], (name, message.text)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """The run's bot, on its own event loop (the walks are synchronous), with #help watched
    by Maria, an admin, a private #hush and a #kudos an admin may make the kudos channel."""
    loop = asyncio.new_event_loop()
    stack = AsyncExitStack()
    try:
        slack = loop.run_until_complete(stack.enter_async_context(bot_in_process(tmp_path)))
        world = World(loop, slack)
        ws = slack.emu.workspace
        humans = [slack.user(h) for h in ("alice", "bob", "carol", "maria")]
        slack.channels["help"] = ws.add_channel("help", members=humans).id
        slack.channels["hush"] = ws.add_channel("hush", is_private=True, members=humans).id
        slack.channels["kudos"] = ws.add_channel("kudos", members=humans).id
        ws.user(slack.user("maria")).is_admin = True
        slack.services.clock.freeze(datetime(2026, 11, 17, 10, 0, tzinfo=UTC))
        world.run(slack.command("maria", "/ask", "watch", channel="help"))
        world.run(slack.settle())
        yield world
    finally:
        loop.run_until_complete(stack.aclose())
        loop.close()


def test_people_at_random(world: World) -> None:
    """The walks; see the module's docstring."""
    walks, steps = WALKS[PROFILE]
    PeopleAtRandom.world = world
    run_state_machine_as_test(
        PeopleAtRandom,
        settings=settings(max_examples=walks, stateful_step_count=steps),
    )
    print(f"{world.walks} walks, {world.steps} steps", dict(world.did))
