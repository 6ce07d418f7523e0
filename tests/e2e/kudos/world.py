"""The kudos helpers moved to `tests/slack/kudos/world.py` with the kudos tests; this name
stays for `benchmarks/fault_run.py`, which imports `configure` from here."""

from tests.slack.kudos.world import configure, dm_text, ephemeral_text, kudos_posts, ledger

__all__ = ["configure", "dm_text", "ephemeral_text", "kudos_posts", "ledger"]
