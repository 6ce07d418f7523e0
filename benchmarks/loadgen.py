"""An open-loop load generator: signed Slack deliveries at a fixed rate, in its own process.

Requests are started on a fixed schedule (request i at start + i / rate) whether or not
earlier ones have been answered, as Slack does; waiting for answers would hide a slow server
(coordinated omission). Each body is signed at send time exactly as the emulator signs it
(`slack_emulator.delivery.sign` / `encode`). Latency runs from handing the request to the
client to the end of the response; `late` says how far behind schedule the generator itself
started requests (if that grows, the generator, not the server, was short of CPU). A request
not answered within 3 seconds (Slack's limit) counts as a timeout. The run stops after the
last request is answered or timed out.

    python -m benchmarks.loadgen --url http://127.0.0.1:3000/slack/events \
        --secret S --rate 200 --duration 10 --bodies bodies.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.machine import latency_summary
from slack_emulator.delivery import USER_AGENT, encode, sign

ACK_LIMIT = 3.0


async def send_signed(
    session: aiohttp.ClientSession, url: str, secret: str, delivery: dict[str, Any]
) -> tuple[float, int | None]:
    content_type, body = encode(delivery["kind"], delivery["payload"])
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": content_type,
        "User-Agent": USER_AGENT,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": sign(secret, timestamp, body),
    }
    started = time.perf_counter()
    try:
        async with session.post(url, data=body.encode(), headers=headers) as response:
            await response.read()
            return time.perf_counter() - started, response.status
    except (TimeoutError, aiohttp.ClientError):
        return time.perf_counter() - started, None


async def run(
    url: str, secret: str, rate: float, duration: float, bodies: list[dict[str, Any]]
) -> dict[str, Any]:
    total = min(len(bodies), int(rate * duration))
    timeout = aiohttp.ClientTimeout(total=ACK_LIMIT)
    connector = aiohttp.TCPConnector(limit=1000)
    latencies: list[float] = []
    late: list[float] = []
    statuses: dict[str, int] = {}
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        loop = asyncio.get_running_loop()
        begin = loop.time() + 0.05

        async def scheduled(i: int) -> None:
            delay = begin + i / rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            late.append(max(0.0, loop.time() - (begin + i / rate)))
            elapsed, status = await send_signed(session, url, secret, bodies[i])
            latencies.append(elapsed)
            key = str(status) if status is not None else "timeout"
            statuses[key] = statuses.get(key, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(scheduled(i) for i in range(total)))
        wall = time.perf_counter() - started
    ok = sum(n for s, n in statuses.items() if s.startswith("2"))
    return {
        "rate": rate,
        "requests": total,
        "ok": ok,
        "statuses": statuses,
        "achieved_rate": round(total / wall, 1) if wall else 0.0,
        "late_p99_ms": latency_summary(late)["p99_ms"],
        **latency_summary(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="signed open-loop load on loopback")
    parser.add_argument("--url", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--bodies", type=Path, required=True, help="JSON list of deliveries")
    args = parser.parse_args()
    if not args.url.startswith("http://127.0.0.1"):
        sys.exit("loadgen: loopback only")
    bodies = json.loads(args.bodies.read_text())
    result = asyncio.run(run(args.url, args.secret, args.rate, args.duration, bodies))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
