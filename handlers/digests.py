"""The weekly digest job: each due digest is claimed in the database, then sent as a DM with
its chart (and the full CSV when the message summarises), then marked sent.

A replica that dies between posting and marking sent leaves a stale claim; whoever re-claims
it first looks for what was already posted (the ts recorded in the run, else the digest's
metadata marker in the DM's recent history, else an already shared chart) and does only the
rest, so the manager gets one digest and one chart.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.digests.chart import chart_png
from bot.digests.csv import summary_csv
from bot.digests.service import ROUNDUP, Run
from bot.services import Services
from handlers.digest_blocks import digest_metadata, has_more, render_digest, render_roundup

log = logging.getLogger("askaround.digests")
HISTORY_LOOKBACK = 50


async def send_digests(client: AsyncWebClient, services: Services) -> int:
    """Send every digest due in this workspace that nobody else holds; returns how many."""
    team_id = str((await client.auth_test())["team_id"])
    done = 0
    for manager_user_id, week in await services.digests.due(team_id):
        run = await services.digests.claim(team_id, manager_user_id, week)
        if run is None:
            continue
        await deliver_digest(client, services, run)
        done += 1
    await send_roundup(client, services, team_id)
    return done


async def _find_posted(
    client: AsyncWebClient, channel: str, metadata: dict[str, Any]
) -> dict[str, Any] | None:
    """A message in the conversation's recent history that carries this marker."""
    history = await client.conversations_history(
        channel=channel, limit=HISTORY_LOOKBACK, include_all_metadata=True
    )
    for message in history.get("messages") or []:
        found = message.get("metadata") or {}
        if (
            found.get("event_type") == metadata["event_type"]
            and found.get("event_payload") == metadata["event_payload"]
        ):
            return dict(message)
    return None


async def _chart_shared(client: AsyncWebClient, channel: str, after_ts: str, name: str) -> bool:
    history = await client.conversations_history(
        channel=channel, oldest=after_ts, limit=HISTORY_LOOKBACK
    )
    return any(
        f.get("name") == name
        for message in history.get("messages") or []
        for f in message.get("files") or []
    )


async def deliver_digest(client: AsyncWebClient, services: Services, run: Run) -> None:
    summary = await services.digests.summary(run.team_id, run.manager_user_id, run.week)
    channel = run.channel_id
    if channel is None:
        opened = await client.conversations_open(users=run.manager_user_id)
        channel = str(opened["channel"]["id"])
    metadata = digest_metadata(run.team_id, run.manager_user_id, run.week.label)
    ts = run.message_ts
    if ts is None:
        earlier = await _find_posted(client, channel, metadata)
        if earlier is None:
            posted = await client.chat_postMessage(
                channel=channel, metadata=metadata, **render_digest(summary)
            )
            ts = str(posted["ts"])
        else:
            ts = str(earlier["ts"])
        await services.digests.posted(run, channel, ts)
    chart_name = f"kudos-{run.week.label}.png"
    if not await _chart_shared(client, channel, ts, chart_name):
        uploads: list[dict[str, Any]] = [
            {
                "content": chart_png(summary),
                "filename": chart_name,
                "title": f"Kudos per value, 8 weeks to {run.week.label}",
                "alt_txt": "Stacked bars: the team's kudos per company value for each week",
            }
        ]
        if has_more(summary):
            uploads.append(
                {
                    "content": summary_csv(summary),
                    "filename": f"shout-outs-{run.week.label}.csv",
                    "title": f"Every shout-out in {run.week.label}",
                }
            )
        await client.files_upload_v2(channel=channel, file_uploads=uploads)
    await services.digests.sent(run)
    log.info("digest %s for %s sent", run.week.label, run.manager_user_id)


async def send_roundup(client: AsyncWebClient, services: Services, team_id: str) -> bool:
    """The optional public roundup of the week's public kudos in the kudos channel, once."""
    roundup = await services.digests.roundup_due(team_id)
    if roundup is None:
        return False
    run = await services.digests.claim(team_id, ROUNDUP, roundup.week)
    if run is None:
        return False
    if run.message_ts is None:
        metadata = digest_metadata(team_id, ROUNDUP, roundup.week.label)
        earlier = await _find_posted(client, roundup.channel_id, metadata)
        if earlier is None:
            posted = await client.chat_postMessage(
                channel=roundup.channel_id, metadata=metadata, **render_roundup(roundup)
            )
            earlier = dict(posted.data) if isinstance(posted.data, dict) else {}
        await services.digests.posted(run, roundup.channel_id, str(earlier.get("ts", "")))
    await services.digests.sent(run)
    return True
