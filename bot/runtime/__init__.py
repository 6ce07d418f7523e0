"""The processes: the composition root (`app`), `askaround serve` (runner, HTTP server,
scheduler), the CLI and the demo. Of `bot`, only these touch Slack libraries."""
