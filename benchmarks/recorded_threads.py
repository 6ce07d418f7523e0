"""Figure 23: reading a long thread on Slack's recorded answers (`slack_emulator.recorded`).

The emulator in this process, a thread of N replies of the bot's (one block each, as the
bot's replies are) in #general, read back with `conversations.replies`, and N posts in
#posts read with `conversations.history` (100 a page, as the bot's look for its own mark
reads them, `handlers.client.marks.LOOKBACK`): once on the emulator's own answers, then on
Slack's recorded ones (`emu.faults.recorded`, as `tests/slack/test_recorded_answers.py` runs
every flow). For each: the call's wall time (the emulator answering and the answer read as JSON,
both in this process), the answer's size, and the time the emulator spent filling the
recording in (`recorded.recorded` called on the same answer, apart). Median of the runs.

    python -m benchmarks.recorded_threads            # 1, 10, 50 and 100 replies, 3 runs
    python -m benchmarks.recorded_threads --quick    # 1, 10 and 50, 1 run
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from typing import Any

import aiohttp

from benchmarks.machine import command_line, describe, save
from slack_emulator import SlackEmulator
from slack_emulator.recorded import recorded
from tests.slack.java_samples import answers

TOKEN = "xoxb-bench-recorded"
METHODS = ("conversations.replies", "conversations.history")


class Web:
    """The emulator's Web API called as a Slack client calls it (a bearer token, JSON
    arguments) and its answer read as JSON, as slack_sdk does: the benchmarks keep out of
    Slack's own libraries (`tests/domain/test_layers.py`)."""

    def __init__(self, session: aiohttp.ClientSession, api_url: str) -> None:
        self.session, self.api_url = session, api_url

    async def call(self, method: str, **args: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with self.session.post(self.api_url + method, json=args, headers=headers) as sent:
            answer: dict[str, Any] = json.loads(await sent.read())
        assert answer["ok"], answer
        return answer

    async def timed(self, method: str, args: dict[str, Any]) -> float:
        started = time.perf_counter()
        await self.call(method, **args)
        return time.perf_counter() - started


async def posted(emu: SlackEmulator, web: Web, replies: int) -> dict[str, Any]:
    """A question in #general and `replies` replies in its thread, and as many posts in
    #posts, one block each: each method's arguments, reading the thread or #posts."""
    general = emu.workspace.channel_by_name("general")
    assert general is not None
    posts = emu.workspace.add_channel("posts")
    asked = await web.call("chat.postMessage", channel=general.id, text="how do we rotate keys?")
    for n in range(replies):
        block = {"type": "section", "text": {"type": "mrkdwn", "text": f"reply {n}"}}
        for where in ({"channel": general.id, "thread_ts": asked["ts"]}, {"channel": posts.id}):
            await web.call("chat.postMessage", **where, text=f"reply {n}", blocks=[block])
    return {
        "conversations.replies": {"channel": general.id, "ts": asked["ts"], "limit": 100},
        "conversations.history": {"channel": posts.id, "limit": 100},
    }


async def measure_size(replies: int, runs: int) -> dict[str, Any]:
    emu = SlackEmulator(signing_secret="bench", bot_token=TOKEN)
    await emu.start()
    timeout = aiohttp.ClientTimeout(total=600)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as session:
            web = Web(session, emu.api_url)
            row = {"replies": replies} | await read_back(emu, web, replies, runs)
    finally:
        await emu.stop()
    return row


async def read_back(emu: SlackEmulator, web: Web, replies: int, runs: int) -> dict[str, Any]:
    arguments = await posted(emu, web, replies)
    samples = answers()
    row: dict[str, Any] = {}
    for method in METHODS:
        called = arguments[method]
        plain = [await web.timed(method, called) for _ in range(runs)]
        body = await web.call(method, **called)
        filled: list[float] = []
        for _ in range(runs):
            started = time.perf_counter()
            answer = recorded(method, samples[method], body)
            filled.append(time.perf_counter() - started)
        emu.faults.recorded = {method: samples[method]}
        on_recorded = [await web.timed(method, called) for _ in range(runs)]
        emu.faults.recorded = {}
        row[method] = {
            "messages": len(body["messages"]),
            "plain_call_s": round(statistics.median(plain), 3),
            "plain_kb": len(json.dumps(body)) // 1024,
            "recorded_call_s": round(statistics.median(on_recorded), 3),
            "recorded_kb": len(json.dumps(answer)) // 1024,
            "filling_in_s": round(statistics.median(filled), 3),
        }
        print(f"  {replies} replies, {method}: {row[method]}", flush=True)
    return row


async def measure(sizes: tuple[int, ...], runs: int) -> dict[str, Any]:
    return {f"{size}_replies": await measure_size(size, runs) for size in sizes}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    machine = describe()
    sizes, runs = ((1, 10, 50), 1) if args.quick else ((1, 10, 50, 100), 3)
    figures = asyncio.run(measure(sizes, runs))
    save("recorded_threads", machine, command_line(), figures)


if __name__ == "__main__":
    main()
