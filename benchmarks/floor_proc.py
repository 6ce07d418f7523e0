"""The floor: a bare aiohttp handler that reads the body and answers 200, nothing else.

Measured in the same run, with the same load generator and signed bodies, it shows what the
loopback, aiohttp and the generator cost on this machine, so the bot's latency can be read as
a ratio to it. Stops by itself after `--max-seconds`.

    python -m benchmarks.floor_proc --port 8099 --max-seconds 600
"""

from __future__ import annotations

import argparse
import asyncio

from aiohttp import web


async def answer(request: web.Request) -> web.Response:
    await request.read()
    return web.Response(status=200, text="")


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def serve(port: int, max_seconds: float) -> None:
    app = web.Application()
    app.router.add_post("/slack/events", answer)
    app.router.add_get("/healthz", healthz)
    await serve_app(app, port, max_seconds)


async def serve_app(app: web.Application, port: int, max_seconds: float) -> None:
    """Serve `app` on loopback `port` until `max_seconds` have passed."""
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        await asyncio.sleep(max_seconds)
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description="a bare 200 handler, the latency floor")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--max-seconds", type=float, default=900.0)
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.max_seconds))


if __name__ == "__main__":
    main()
