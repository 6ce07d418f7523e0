"""A week's summary in full as CSV, attached when the message has to cut a list: the
shout-outs in one file, every other list (quiet people, helpers, values…) in another. Their
dates are days where the manager lives, so each file's header names that time zone: an admin
elsewhere, or a spreadsheet, would otherwise read them as their own."""

from __future__ import annotations

import io

from bot import mentions, spreadsheet
from bot.digests import outline
from bot.digests.summary import TeamSummary
from bot.safe_text import plain_text
from bot.timezone import zone_name

COLUMNS = ("date ({zone})", "receiver", "giver", "message", "values")
LIST_COLUMNS = ("list", "entry (dates in {zone})")


def _header(columns: tuple[str, ...], summary: TeamSummary) -> list[str]:
    return [column.format(zone=zone_name(summary.tz)) for column in columns]


def summary_csv(summary: TeamSummary, *, every_channel_named: bool = False) -> str:
    """Public shout-outs only: private ones are counts and have no row to show. A reason reads
    as Slack shows it, but a channel it links by its id alone: the channel may be private, and
    a file read outside Slack would show its name to anyone; `every_channel_named` only for
    the operator's `askaround report --show-private`."""
    out = io.StringIO()
    writer = spreadsheet.Writer(out)
    writer.writerow(_header(COLUMNS, summary))
    for s in summary.shoutouts:
        writer.writerow(
            [
                s.given_on.isoformat(),
                s.receiver,
                s.giver,
                plain_text(
                    s.message if every_channel_named else mentions.unnamed_channels(s.message)
                ),
                ";".join(s.values),
            ]
        )
    return out.getvalue()


def lists_csv(summary: TeamSummary) -> str:
    """Every list but the shout-outs, one row an entry, named by its section's title."""
    out = io.StringIO()
    writer = spreadsheet.Writer(out)
    writer.writerow(_header(LIST_COLUMNS, summary))
    for section in outline.sections(summary):
        if section.title != outline.SHOUTOUTS:
            writer.writerows([section.title, line] for line in section.lines)
    return out.getvalue()
