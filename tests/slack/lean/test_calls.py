"""What askaround asks of Slack that it already knows: a job running every few minutes
asked `auth.test` for its own workspace on every run."""

from __future__ import annotations

from pathlib import Path

from tests.slack.lean.flows import company


async def test_jobs_ask_slack_who_they_are_once(tmp_path: Path) -> None:
    """Digests three times, the insights twice: five `auth.test` calls to learn the
    same workspace id; now at most one."""
    async with company(tmp_path) as slack:
        for job in ("digests", "insights", "digests", "insights", "digests"):
            await slack.runner.bot.scheduler.run_once(job)
            await slack.drain()
        asked = [c for c in slack.emu.calls if c.method == "auth.test"]
        assert len(asked) <= 1, len(asked)
