"""The full list of a week's shout-outs as CSV, attached when the message has to summarise."""

from __future__ import annotations

import csv as stdlib_csv
import io

from bot.digests.summary import TeamSummary

COLUMNS = ("date", "receiver", "giver", "message", "values")


def summary_csv(summary: TeamSummary) -> str:
    """Public shout-outs only: private ones are counts and have no row to show."""
    out = io.StringIO()
    writer = stdlib_csv.writer(out)
    writer.writerow(COLUMNS)
    for s in summary.shoutouts:
        writer.writerow(
            [s.given_on.isoformat(), s.receiver, s.giver, s.message, ";".join(s.values)]
        )
    return out.getvalue()
