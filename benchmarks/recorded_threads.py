"""Figure 23: reading a long thread on Slack's recorded answers (`slack_emulator.recorded`).

The emulator in this process, a thread of N replies of the bot's (one block each, as the
bot's replies are) in #general, read back with `conversations.replies`, and N posts in
#posts read with `conversations.history` (100 a page, as the bot's look for its own mark
reads them, `handlers.client.marks.LOOKBACK`): once on the emulator's own answers, then on
Slack's recorded ones (`emu.faults.recorded`, as `tests/slack/test_recorded_answers.py` runs
every flow). For each: the call's wall time (the emulator answering and slack_sdk reading,
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

from slack_sdk.web.async_client import AsyncWebClient

from benchmarks.machine import command_line, describe, save
from slack_emulator import SlackEmulator
from slack_emulator.recorded import recorded
from tests.slack.java_samples import answers

TOKEN = "xoxb-bench-recorded"
METHODS = ("conversations.replies", "conversations.history")


async def posted(emu: SlackEmulator, client: AsyncWebClient, replies: int) -> dict[str, Any]:
    """A question in #general and `replies` replies in its thread, and as many posts in
    #posts, one block each: each method's arguments, reading the thread or #posts."""
    general = emu.workspace.channel_by_name("general")
    assert general is not None
    posts = emu.workspace.add_channel("posts")
    asked = await client.chat_postMessage(channel=general.id, text="how do we rotate keys?")
    for n in range(replies):
        block = {"type": "section", "text": {"type": "mrkdwn", "text": f"reply {n}"}}
        for where in ({"channel": general.id, "thread_ts": asked["ts"]}, {"channel": posts.id}):
            await client.chat_postMessage(**where, text=f"reply {n}", blocks=[block])
    return {
        "conversations.replies": {"channel": general.id, "ts": asked["ts"], "limit": 100},
        "conversations.history": {"channel": posts.id, "limit": 100},
    }


async def timed_call(client: AsyncWebClient, method: str, args: dict[str, Any]) -> float:
    started = time.perf_counter()
    await client.api_call(method, params=args)
    return time.perf_counter() - started


async def measure_size(replies: int, runs: int) -> dict[str, Any]:
    emu = SlackEmulator(signing_secret="bench", bot_token=TOKEN)
    await emu.start()
    client = AsyncWebClient(token=TOKEN, base_url=emu.api_url, timeout=600)
    try:
        arguments = await posted(emu, client, replies)
        samples = answers()
        row: dict[str, Any] = {"replies": replies}
        for method in METHODS:
            called = arguments[method]
            plain = [await timed_call(client, method, called) for _ in range(runs)]
            body = (await client.api_call(method, params=called)).data
            assert isinstance(body, dict)
            filled: list[float] = []
            for _ in range(runs):
                started = time.perf_counter()
                answer = recorded(method, samples[method], body)
                filled.append(time.perf_counter() - started)
            emu.faults.recorded = {method: samples[method]}
            on_recorded = [await timed_call(client, method, called) for _ in range(runs)]
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
    finally:
        await emu.stop()
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
