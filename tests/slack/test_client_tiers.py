"""The outbox's client keeps each Web API method within its Slack rate-limit tier: a token
bucket per method gives a burst, then evenly spaced calls; a call whose turn is near waits,
one whose turn is far raises Paced without reaching Slack or using up its turn.

The client and the emulator share a fake clock: the spacing is measured in its time, and
nothing waits in real time. The two bursts of concurrent calls keep real (0.1 s) spacing: a
fake clock that jumps as each caller sleeps cannot say when the calls already sent arrive."""

from __future__ import annotations

import asyncio
import gc
import re
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.client.paced import (
    LONGEST_APPOINTMENT_SECONDS,
    MAX_WAIT_SECONDS,
    Paced,
    PacedClient,
)
from handlers.client.tiers import (
    ALLOWANCES,
    SPECIAL_METHODS,
    TIER_BY_METHOD,
    Allowance,
    MethodBuckets,
    TokenBucket,
    tier_allowance,
)
from slack_emulator import FakeClock, SlackEmulator

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

HANDLERS = Path(__file__).resolve().parents[2] / "handlers"
OUTBOX_CALLERS = (
    "outbox/kudos.py",
    "outbox/questions.py",
    "outbox/asker_posts.py",
    "outbox/offers.py",
    "outbox/digests.py",
    "outbox/home.py",
    "client/marks.py",
    "surfaces/jobs.py",
    "surfaces/home.py",
    "client/paced.py",
    "client/messages.py",
    "surfaces/kudos_giving.py",
)


def test_a_burst_goes_at_once_then_calls_are_spaced_by_the_allowance() -> None:
    """60 a minute with a burst of 3: three calls free, then one a second."""
    clock = FakeClock()
    bucket = TokenBucket(Allowance(per_minute=60, burst=3), clock.monotonic)
    for _ in range(3):
        assert bucket.wait() == 0
        bucket.take()
    assert bucket.wait() == pytest.approx(1.0)
    clock.advance(0.25)
    assert bucket.wait() == pytest.approx(0.75)


def test_calls_promised_ahead_push_the_next_turn_back() -> None:
    """A token taken before it refilled is a debt: callers queue one interval apart."""
    clock = FakeClock()
    bucket = TokenBucket(Allowance(per_minute=60, burst=1), clock.monotonic)
    waits = []
    for _ in range(4):
        waits.append(bucket.wait())
        bucket.take()
    assert waits == pytest.approx([0.0, 1.0, 2.0, 3.0])


def test_a_quiet_spell_refills_no_more_than_the_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(Allowance(per_minute=60, burst=2), clock.monotonic)
    bucket.take()
    bucket.take()
    clock.advance(3_600)
    bucket.take()
    bucket.take()
    assert bucket.wait() == pytest.approx(1.0)


def test_unknown_and_special_methods_are_not_limited() -> None:
    """chat.postMessage keeps its per-channel pace only; a method not in the table, none."""
    buckets = MethodBuckets(clock=FakeClock().monotonic)
    for method in ("chat.postMessage", "chat.getPermalink", "auth.test", "emoji.list"):
        for _ in range(1_000):
            buckets.take(method)
        assert buckets.wait(method) == 0


def test_tiers_have_their_published_allowance_and_a_burst_of_ten_seconds() -> None:
    assert tier_allowance(1) == Allowance(1, 1)
    assert tier_allowance(2) == Allowance(20, 3)
    assert tier_allowance(3) == Allowance(50, 8)
    assert tier_allowance(4) == Allowance(100, 16)
    assert ALLOWANCES["conversations.open"] == tier_allowance(3)
    assert ALLOWANCES["views.publish"] == tier_allowance(4)


def test_every_method_the_outbox_calls_has_a_tier_or_is_special() -> None:
    """A new call in a delivery without a tier would go unpaced: this names it."""
    called = set()
    for pattern in OUTBOX_CALLERS:
        for path in HANDLERS.glob(pattern):
            called |= set(re.findall(r"\b(?:client|self)\.([a-z]+_[A-Za-z]+)\(", path.read_text()))
    methods = {name.replace("_", ".", 1) for name in called}
    assert "conversations.open" in methods  # the scan finds calls at all
    unknown = methods - TIER_BY_METHOD.keys() - SPECIAL_METHODS - {"files.upload_v2"}
    assert not unknown, f"add these to TIER_BY_METHOD or SPECIAL_METHODS: {sorted(unknown)}"
    # files_upload_v2 is files.getUploadURLExternal then files.completeUploadExternal
    assert {"files.getUploadURLExternal", "files.completeUploadExternal"} <= TIER_BY_METHOD.keys()


async def test_a_turn_further_off_than_the_wait_raises_paced_and_takes_nothing() -> None:
    """Past MAX_WAIT_SECONDS the call raises Paced with the wait, before any request (the
    client points nowhere), and leaves the bucket as it was."""
    clock = FakeClock()
    buckets = MethodBuckets({"conversations.open": Allowance(60, burst=1)}, clock.monotonic)
    for _ in range(int(MAX_WAIT_SECONDS) + 2):
        buckets.take("conversations.open")
    owed = buckets.wait("conversations.open")
    assert owed > MAX_WAIT_SECONDS
    client = PacedClient(
        token="xoxb-unused", base_url="http://127.0.0.1:9/api/", tiers=buckets, clock=clock
    )
    with pytest.raises(Paced) as paced:
        await client.conversations_open(users="U1")
    assert paced.value.seconds == pytest.approx(owed)
    assert buckets.wait("conversations.open") == pytest.approx(owed)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def emu(clock: FakeClock) -> AsyncIterator[SlackEmulator]:
    async with SlackEmulator("tiers-test-secret", clock=clock) as emulator:
        yield emulator


@pytest.fixture
async def real_time_emu() -> AsyncIterator[SlackEmulator]:
    async with SlackEmulator("tiers-test-secret") as emulator:
        yield emulator


def _client(
    emu: SlackEmulator,
    method: str | None = None,
    allowance: Allowance | None = None,
    seconds_per_message: float = 1.0,
) -> PacedClient:
    """A paced client on the emulator's fake clock, with one method's allowance (or all of
    Slack's)."""
    clock = emu.clock
    buckets = MethodBuckets(
        {method: allowance} if method and allowance else ALLOWANCES, clock.monotonic
    )
    return PacedClient(
        token=emu.bot_token,
        base_url=emu.api_url,
        tiers=buckets,
        seconds_per_message=seconds_per_message,
        clock=clock,
    )


async def test_a_burst_to_a_tier_3_method_reaches_slack_spaced_by_the_bucket(
    real_time_emu: SlackEmulator,
) -> None:
    """conversations.info at 600 a minute, burst 2 (for a fast test): Slack sees two calls at
    once and then one every 0.1 s, never sooner."""
    emu = real_time_emu
    client = _client(emu, "conversations.info", Allowance(per_minute=600, burst=2))
    general = emu.workspace.general.id
    # Measured from before the burst, not from the first arrival: a busy loop can only make an
    # arrival later, so a bound from the start holds however loaded the machine is.
    start = time.time()
    await asyncio.gather(*(client.conversations_info(channel=general) for _ in range(8)))
    at = sorted(c.at for c in emu.calls_to("conversations.info"))
    assert len(at) == 8 and all(c.ok for c in emu.calls_to("conversations.info"))
    for k in range(2, 8):
        assert at[k] - start >= (k - 1) * 0.1 - 0.005, f"call {k} came too soon"
    assert at[-1] - start < MAX_WAIT_SECONDS


async def test_over_its_tier_a_plain_client_gets_429s_and_the_paced_one_none(
    real_time_emu: SlackEmulator,
) -> None:
    """With the emulator enforcing the tier, the same side-by-side burst is refused for a plain
    client and answered in full for the paced one. The paced client keeps half Slack's pace
    with a burst one call smaller, so the test measures spacing, not the loopback's jitter
    on a loaded machine (at Slack's own pace, one call held up behind another arrived with
    the next, and a loaded CI host saw a 429)."""
    emu = real_time_emu
    emu.faults.limit_rate("conversations.info", per_minute=600, burst=3)
    general = emu.workspace.general.id
    plain = AsyncWebClient(token=emu.bot_token, base_url=emu.api_url)
    answers = await asyncio.gather(
        *(plain.conversations_info(channel=general) for _ in range(8)), return_exceptions=True
    )
    refused = [a for a in answers if isinstance(a, SlackApiError)]
    assert refused and refused[0].response.status_code == 429
    await asyncio.sleep(0.3)  # the emulator's bucket refills
    emu.faults.rate_limits["conversations.info"].refused = 0
    paced = _client(emu, "conversations.info", Allowance(per_minute=300, burst=2))
    await asyncio.gather(*(paced.conversations_info(channel=general) for _ in range(8)))
    assert emu.faults.rate_limits["conversations.info"].refused == 0


async def test_a_call_paced_by_its_tier_never_reaches_slack(emu: SlackEmulator) -> None:
    """At 6 a minute with a burst of 2, the third call would wait 10 s: it raises Paced at
    once and the emulator sees only the first two."""
    client = _client(emu, "conversations.info", Allowance(per_minute=6, burst=2))
    general = emu.workspace.general.id
    await client.conversations_info(channel=general)
    await client.conversations_info(channel=general)
    with pytest.raises(Paced) as paced:
        await client.conversations_info(channel=general)
    assert paced.value.seconds == pytest.approx(10.0, abs=0.5)
    assert len(emu.calls_to("conversations.info")) == 2


async def test_a_tier_paced_update_keeps_the_channel_free_for_the_next_message(
    emu: SlackEmulator,
) -> None:
    """chat.update out of tokens raises Paced without taking the channel's slot (here one
    every 0.5 s): the next message goes in the slot after the first update, not one later."""
    client = _client(emu, "chat.update", Allowance(6, burst=1), seconds_per_message=0.5)
    general = emu.workspace.general.id
    clock = emu.clock.monotonic
    posted = await client.chat_postMessage(channel=general, text="first")
    await client.chat_update(channel=general, ts=posted["ts"], text="edited")  # waits 0.5 s
    with pytest.raises(Paced):
        await client.chat_update(channel=general, ts=posted["ts"], text="again")
    await emu.clock.sleep(0.55)
    started = clock()
    await client.chat_postMessage(channel=general, text="second")
    assert clock() - started < 0.25


async def test_a_persons_dm_is_opened_once_and_group_dms_every_time(emu: SlackEmulator) -> None:
    """Twenty messages at once to one person open the DM once (its id never changes); a group
    DM is opened each time it is asked for."""
    ada = emu.workspace.add_user("ada").id
    bo = emu.workspace.add_user("bo").id
    client = _client(emu)
    opened = await asyncio.gather(*(client.conversations_open(users=ada) for _ in range(20)))
    assert {o["channel"]["id"] for o in opened} == {emu.workspace.open_im(ada).id}
    for _ in range(2):
        await client.conversations_open(users=[ada, bo])
    asked = [c.args.get("users") for c in emu.calls_to("conversations.open")]
    assert asked.count(ada) == 1 and len(asked) == 3


async def test_a_dm_open_already_is_remembered_by_its_id_not_slacks_whole_answer(
    emu: SlackEmulator,
) -> None:
    """A serving bot writes to more people every day: Slack's whole answer to each DM it
    opened (its headers, the request) stayed in memory for as long as it ran. Asked again,
    the DM's id is answered as Slack said it, without asking Slack."""
    ada = emu.workspace.add_user("ada").id
    client = _client(emu)
    first = await client.conversations_open(users=ada)
    channel, answer = first["channel"]["id"], weakref.ref(first)
    del first
    gc.collect()
    assert answer() is None  # nothing holds Slack's answer once its caller is done with it
    again = await client.conversations_open(users=ada)
    assert again["ok"] and again["channel"]["id"] == channel == emu.workspace.open_im(ada).id
    assert len(emu.calls_to("conversations.open")) == 1


async def test_a_slow_answer_holds_the_channels_next_message_until_a_second_after_it(
    emu: SlackEmulator,
) -> None:
    """The first of two messages to one channel takes 1.5 s to be answered: the second, though
    its slot came at 1 s, reaches Slack a full second after that answer, never close behind."""
    emu.faults.add("chat.postMessage", delay=1.5)
    client = _client(emu)
    general = emu.workspace.general.id
    await asyncio.gather(
        client.chat_postMessage(channel=general, text="slow"),
        client.chat_postMessage(channel=general, text="next"),
    )
    first, second = (c.at for c in emu.calls_to("chat.postMessage"))
    assert second - first >= 1.0


async def _turned_away(times: int, call: Callable[[], Awaitable[Any]]) -> list[float]:
    """The waits a call is told, made `times` times in a row, each one turned away."""
    waits = []
    for _ in range(times):
        with pytest.raises(Paced) as paced:
            await call()
        waits.append(paced.value.seconds)
    return waits


async def test_calls_turned_away_are_told_to_come_back_one_turn_apart(emu: SlackEmulator) -> None:
    """At 6 a minute, five calls turned away in a row are given 10, 20, … 50 s, one turn each,
    so they do not all come back for the same turn and get turned away again together."""
    client = _client(emu, "conversations.info", Allowance(per_minute=6, burst=1))
    general = emu.workspace.general.id
    await client.conversations_info(channel=general)
    waits = await _turned_away(5, lambda: client.conversations_info(channel=general))
    assert waits == pytest.approx([10.0, 20.0, 30.0, 40.0, 50.0], abs=0.5)
    assert len(emu.calls_to("conversations.info")) == 1


async def test_messages_waiting_for_one_persons_dm_share_its_turn(emu: SlackEmulator) -> None:
    """At 6 opens a minute, five messages to bo while his DM waits are all told 10 s (his
    turn), not 10 to 50 s; the next person's DM gets the turn after his."""
    ada, bo, cy = (emu.workspace.add_user(name).id for name in ("ada", "bo", "cy"))
    client = _client(emu, "conversations.open", Allowance(per_minute=6, burst=1))
    await client.conversations_open(users=ada)
    waits = await _turned_away(5, lambda: client.conversations_open(users=bo))
    assert waits == pytest.approx([10.0] * 5, abs=0.5)
    with pytest.raises(Paced) as paced:
        await client.conversations_open(users=cy)
    assert paced.value.seconds == pytest.approx(20.0, abs=0.5)
    assert len(emu.calls_to("conversations.open")) == 1


async def test_no_call_is_told_to_come_back_more_than_a_minute_after_the_next_turn(
    emu: SlackEmulator,
) -> None:
    """At 6 a minute (10 s a turn), calls turned away get 10, 20, … s until the next turn and a
    minute (70 s) is reached; the ones after are told 70 s too, never more."""
    client = _client(emu, "conversations.info", Allowance(per_minute=6, burst=1))
    general = emu.workspace.general.id
    await client.conversations_info(channel=general)
    waits = await _turned_away(9, lambda: client.conversations_info(channel=general))
    assert waits[:6] == pytest.approx([10.0, 20.0, 30.0, 40.0, 50.0, 60.0], abs=0.5)
    assert max(waits) == pytest.approx(10.0 + LONGEST_APPOINTMENT_SECONDS, abs=0.5)
