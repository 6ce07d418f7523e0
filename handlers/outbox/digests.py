"""How the weekly digest and the public roundup are sent from the outbox, rendered from the
database when they are sent.

A retry cannot know how far the failed attempt got. The post carries the delivery's mark, so
a second attempt finds the first one's message instead of posting again; the run records the
posted message, so the chart is added only after it, and only if it is not in the DM yet.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.digests.chart import draw
from bot.digests.csv import lists_csv, summary_csv
from bot.digests.service import ROUNDUP
from bot.digests.summary import TeamSummary
from bot.digests.tell import DIGEST_DM, FILES_ELSEWHERE, ROUNDUP_POST, ROUNDUP_REFUSED
from bot.digests.weeks import IsoWeek
from bot.services import Services
from bot.words import plural
from handlers.blocks.digests import (
    FROM_REPORT,
    IN_THE_CSV,
    SHARED,
    has_more,
    render_digest,
    render_roundup,
    render_roundup_refused,
)
from handlers.client.admins import reader_heard, slack_admins
from handlers.client.conversations import conversation, private_now
from handlers.client.failures import CLOSED_TO_POSTS, error_code
from handlers.client.messages import file_shared, update_message

log = logging.getLogger("askaround.digests")


async def digest_dm(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    manager, week = str(payload["manager"]), IsoWeek.parse(str(payload["week"]))
    run = await services.digests.pending(team_id, manager, week)
    if run is None:
        return  # an earlier attempt finished it
    # Made a guest since, the `user_change` lost, they are shown counts alone from now on;
    # gone from the workspace (an Enterprise Grid org's other workspaces keep them), nothing.
    await reader_heard(client, services, team_id, manager)
    if not await services.digests.still_theirs(team_id, manager):
        await services.digests.withheld(run)
        log.info("digest %s for %s withheld: they left the workspace", week.label, manager)
        return
    summary = await services.digests.summary(
        team_id, manager, week, private_now(client, services.conversations.of(team_id))
    )
    channel, ts = run.channel_id, run.message_ts
    if ts is None and not summary.team_size:
        # Queued while people reported to them; moved or gone since, nobody's week to tell.
        await services.digests.withheld(run)
        log.info("digest %s for %s skipped: nobody reports to them now", week.label, manager)
        return
    if channel is None or ts is None:
        opened = await client.conversations_open(users=manager)
        channel = str(opened["channel"]["id"])
        posted = await client.chat_postMessage(
            channel=channel, **render_digest(summary, for_manager=True, rest=IN_THE_CSV)
        )
        ts = str(posted["ts"])
        await services.digests.posted(run, channel, ts)
    # Slack refusing the files, or failing until the outbox gives up, the digest is drawn
    # again to say where the rest is, not "attached" (`given_up`, `files_elsewhere`).
    await _share_chart(client, summary, channel, ts, week)
    await services.digests.sent(run)
    log.info("digest %s for %s sent", week.label, manager)


async def given_up(services: Services, team_id: str, payload: dict[str, Any]) -> None:
    """The outbox gave the digest up, refused or after its retries: it may be in the DM
    without its files."""
    week = IsoWeek.parse(str(payload["week"]))
    await services.digests.given_up(team_id, str(payload["manager"]), week)


async def files_elsewhere(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """A digest given up on says where the lists it cut are, not "in the attached CSV":
    unless it was never posted, was sent since (`askaround outbox retry`), cut nothing, or
    has its CSV in the DM after all (what failed came after the upload)."""
    manager, week = str(payload["manager"]), IsoWeek.parse(str(payload["week"]))
    run = await services.digests.pending(team_id, manager, week)
    if run is None or run.channel_id is None or run.message_ts is None:
        return
    summary = await services.digests.summary(team_id, manager, week)
    if not has_more(summary, for_manager=True, rest=IN_THE_CSV):
        return
    if await file_shared(client, run.channel_id, run.message_ts, shoutouts_file(week)):
        return
    message = render_digest(summary, for_manager=True, rest=FROM_REPORT)
    await update_message(client, run.channel_id, run.message_ts, message)


async def _share_chart(
    client: AsyncWebClient, summary: TeamSummary, channel: str, after_ts: str, week: IsoWeek
) -> None:
    """The chart (and the CSV when the message leaves shout-outs out), unless an earlier
    attempt's upload is already in the DM after the digest."""
    name = f"kudos-{week.label}.png"
    if await file_shared(client, channel, after_ts, name):
        return
    uploads: list[dict[str, Any]] = [
        {
            "content": await draw(summary),
            "filename": name,
            "title": f"Kudos per value, {plural(len(summary.weekly), 'week')} to {week.label}",
            "alt_txt": "Stacked bars: the team's kudos per company value for each week",
        }
    ]
    if has_more(summary, for_manager=True, rest=IN_THE_CSV):
        uploads.extend(csv_uploads(summary))
    await client.files_upload_v2(channel=channel, file_uploads=uploads)


def shoutouts_file(week: IsoWeek) -> str:
    return f"shout-outs-{week.label}.csv"


def csv_uploads(summary: TeamSummary) -> list[dict[str, Any]]:
    """The report in full, for a message that had to cut its lists."""
    week = summary.week.label
    return [
        {
            "content": summary_csv(summary),
            "filename": shoutouts_file(summary.week),
            "title": f"Every shout-out in {week}",
        },
        {
            "content": lists_csv(summary),
            "filename": f"lists-{week}.csv",
            "title": f"Every list of the {week} report, in full",
        },
    ]


async def roundup(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The public roundup in the kudos channel; nothing if it was switched off meanwhile."""
    week = IsoWeek.parse(str(payload["week"]))
    run = await services.digests.pending(team_id, ROUNDUP, week)
    if run is None:
        return
    known = services.conversations.of(team_id)
    found = await services.digests.roundup(team_id, week, private_now(client, known))
    if found is not None and run.message_ts is None:
        channel = found.channel_id
        # Picked when it was the workspace's own, shared with another organisation since:
        # Slack tells an app nothing of it where it is not in the channel.
        if not visibility.may_post_in_kudos_channel(
            shared=(await conversation(client, channel, known)).shared
        ):
            admins = await slack_admins(client, team_id)
            await services.digests.roundup_refused(team_id, channel, SHARED, week, admins)
            await services.digests.withheld(run)
            return
        try:
            posted = await client.chat_postMessage(channel=channel, **render_roundup(found))
        except SlackApiError as error:
            cause = error_code(error)
            if cause in CLOSED_TO_POSTS:  # nobody else would know: the askaround admins are told
                admins = await slack_admins(client, team_id)
                await services.digests.roundup_refused(team_id, channel, cause, week, admins)
            raise  # the delivery fails, for `askaround outbox retry` once it is fixed
        await services.digests.posted(run, channel, str(posted["ts"]))
    await services.digests.sent(run)


async def roundup_refused(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """An askaround admin's DM saying the kudos channel took no roundup; nothing when the
    roundup has moved to another channel (or was switched off) since."""
    channel = str(payload["channel"])
    if await services.digests.roundup_channel(team_id) != channel:
        return
    dm = await client.conversations_open(users=str(payload["admin"]))
    await client.chat_postMessage(
        channel=dm["channel"]["id"],
        **render_roundup_refused(channel, str(payload["cause"]), str(payload["week"])),
    )


DELIVERIES = {
    DIGEST_DM: digest_dm,
    FILES_ELSEWHERE: files_elsewhere,
    ROUNDUP_POST: roundup,
    ROUNDUP_REFUSED: roundup_refused,
}
# What a delivery the outbox gives up on does instead, to keep what its words promised.
GIVEN_UP = {DIGEST_DM: given_up}
