"""A workspace removes the app: Slack's `tokens_revoked` and `app_uninstalled` are answered
200 (anything else and Slack retries them), its tokens are deleted, nothing more is sent
there, and its data is kept for ASKAROUND_UNINSTALLED_RETENTION_DAYS and then purged by the
retention job, unless it installs again; `askaround purge-workspace` purges it at once. The
other workspace keeps everything throughout."""

from __future__ import annotations

import asyncio
import io
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.home import HOME_PUBLISH
from bot.runtime.cli import main
from handlers.surfaces.uninstalls import happened
from slack_emulator.delivery import Delivery
from storage import outbox
from storage.models import InboxItem, OutboxItem, SlackBot, SlackInstallation, Workspace
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_oauth_authorize import NOT_FOUND
from tests.slack.test_workspace_fields import rows_of
from tests.slack.test_workspaces import PEOPLE, said, two

__all__ = ["two"]  # the fixture
QUESTION = "how do we unlock a stuck terraform state?"
REFUSED_TOKEN = ("invalid_auth", "account_inactive", "token_revoked", "not_authed")
# What a workspace's own jobs leave alone as time passes (syncs, digests, escalations do not).
LEDGER = {"kudos", "skills", "person_skills", "connections", "slack_bots"}


def ledger(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return [row for row in rows if row[0] in LEDGER]


async def used(side: SlackHarness) -> None:
    """Give the workspace data of every kind: skills, kudos, a question with offers."""
    assert "Saved" in await said(side, "bob", "/skills", "add terraform:4")
    assert "Kudos sent" in await said(side, "alice", "/kudos", "@bob for the state unlock #craft")
    side.services.indexes.invalidate(side.team_id)
    await side.post("alice", "general", f"<@{side.here.bot_user_id}> {QUESTION}")
    await side.drain()


async def tokens(side: SlackHarness, team_id: str) -> list[str]:
    async with side.services.sessions() as s:
        bots = await s.scalars(select(SlackBot.bot_token).where(SlackBot.team_id == team_id))
        installs = await s.scalars(
            select(SlackInstallation.bot_token).where(SlackInstallation.team_id == team_id)
        )
        return [t for t in [*bots, *installs] if t]


async def requests(side: SlackHarness, team_id: str) -> int:
    """Requests kept in the inbox (on SQLite, a file of its own) with what people typed."""
    async with side.services.sessions() as s:
        return len(list(await s.scalars(select(InboxItem.id).where(InboxItem.team_id == team_id))))


async def retried_and_still_installed(side: SlackHarness, sent: list[Delivery]) -> None:
    """Slack retries the uninstall's deliveries `sent` (`X-Slack-Retry-Num`) after the
    workspace installed again: each is answered 200, and it is not marked removed."""
    for delivery in sent:
        [again] = await side.emu.redeliver(delivery)
        assert again.status == 200
    await side.settle()
    async with side.services.sessions() as s:
        workspace = await s.get(Workspace, side.team_id)
    assert workspace is not None and workspace.uninstalled_at is None
    assert workspace.bot_revoked_at is None


async def run_jobs(side: SlackHarness) -> None:
    for job in ("escalate", "directory_sync", "digests", "retention"):
        await side.runner.bot.scheduler.run_once(job)
    await side.drain()


async def test_an_uninstall_is_answered_and_nothing_more_is_sent_there(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Both events get 200 on the first try; A's tokens are gone (B's stay), A's waiting
    deliveries are dropped, and an hour of escalations, syncs and digests later not one Slack
    call was made for A, with its token or any other; B is still served."""
    a, b = two
    await used(a)
    await used(b)
    async with a.services.sessions() as s, s.begin():
        later = a.services.clock.now() + timedelta(minutes=50)
        payload = {"user_id": a.user("alice")}
        await outbox.enqueue(s, a.team_id, HOME_PUBLISH, payload, key="later-a", at=later)

    deliveries = await a.here.uninstall()

    assert [d.payload["event"]["type"] for d in deliveries] == ["tokens_revoked", "app_uninstalled"]
    assert [d.status for d in deliveries] == [200, 200]
    assert not [d for d in deliveries if d.retried or len(d.attempts) > 1]
    await a.settle()
    assert await tokens(a, a.team_id) == [] and await tokens(a, b.team_id) != []
    async with a.services.sessions() as s:
        waiting = await s.scalars(
            select(OutboxItem).where(
                OutboxItem.team_id == a.team_id, OutboxItem.status.in_(outbox.WAITING)
            )
        )
        assert list(waiting) == []
        marked = await s.get(Workspace, a.team_id)
        assert marked is not None and marked.uninstalled_at is not None

    since = len(a.emu.calls)
    a.advance(timedelta(hours=1))
    await run_jobs(a)
    after = a.emu.calls[since:]
    assert [c.method for c in after if c.team_id == a.team_id] == []
    assert [c.method for c in after if c.response.get("error") in REFUSED_TOKEN] == []
    assert {c.team_id for c in after} == {b.team_id}  # B still served
    assert "Saved" in await said(b, "carol", "/skills", "add go:2")


async def test_the_data_is_kept_for_the_retention_then_purged(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """A day before the retention ends A's rows are all there; a day after it, the hourly
    job has deleted every one of them, and B's are as they were."""
    a, b = two
    await used(a)
    await used(b)
    a_rows, b_rows = await rows_of(a, a.team_id), await rows_of(a, b.team_id)
    await a.here.uninstall()
    await a.settle()
    days = a.runner.settings.uninstalled_retention_days
    a.advance(timedelta(days=days - 1))
    await run_jobs(a)
    kept = await rows_of(a, a.team_id)
    # The tokens went (one bot row, one installation), and so did the delivery still waiting
    # (the kudos confirmation's Undo button, due to go 5 minutes after giving).
    assert len(kept) >= len(a_rows) - 3
    a.advance(timedelta(days=2))
    assert await a.runner.bot.scheduler.run_once("retention") == [a.team_id]
    assert await rows_of(a, a.team_id) == []
    assert ledger(await rows_of(a, b.team_id)) == ledger(b_rows) != []


async def test_a_workspace_that_installs_again_keeps_its_data(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Uninstalled, then installed again a day later: long after the retention its kudos are
    still there and the bot answers there with its new token."""
    a, _b = two
    await used(a)
    await a.here.uninstall()
    await a.settle()
    a.advance(timedelta(days=1))
    assert (await a.install()).status == 200
    async with a.services.sessions() as s:
        again = await s.get(Workspace, a.team_id)
        assert again is not None and again.uninstalled_at is None  # cleared by the install
    a.advance(timedelta(days=a.runner.settings.uninstalled_retention_days + 5))
    assert await a.runner.bot.scheduler.run_once("retention") == []
    assert "state unlock" in await said(a, "maria", "/kudos", "@bob")


async def test_purge_workspace_deletes_one_workspace_now(
    two: tuple[SlackHarness, SlackHarness],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """`askaround sync` and `settings` with OAuth's settings (`synced_by_name`), then
    `askaround purge-workspace A`, with only the database URL set: every row of A goes,
    its tokens too, in one line of output; B is untouched. A second run fails in one line
    saying A is not there, and so does a database that cannot be reached: exit code 1."""
    a, b = two
    await used(a)
    await used(b)
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", a.runner.settings.database_url)
    monkeypatch.chdir(tmp_path)  # no .env file to read
    await synced_by_name(a, b, monkeypatch, capsys)
    b_rows = await rows_of(a, b.team_id)

    assert await requests(a, a.team_id) > 0
    assert await asyncio.to_thread(main, ["purge-workspace", a.team_id, "--yes"]) == 0
    out, summary = capsys.readouterr()
    assert f"workspace {a.team_id} holds" in summary  # for the person, not for a pipe
    assert len(out.splitlines()) == 1 and f"workspace {a.team_id} purged (" in out
    assert await rows_of(a, a.team_id) == [] and await tokens(a, a.team_id) == []
    assert await requests(a, a.team_id) == 0  # the inbox's file too, on SQLite
    assert await rows_of(a, b.team_id) == b_rows
    assert await asyncio.to_thread(main, ["purge-workspace", a.team_id, "--yes"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"askaround: no workspace {a.team_id} in this database (it has: “Bravo Inc” ({b.team_id}))"
    ]

    monkeypatch.setenv("ASKAROUND_DATABASE_URL", "postgresql://nobody:s3cretpw@127.0.0.1:1/none")
    assert await asyncio.to_thread(main, ["purge-workspace", a.team_id, "--yes"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        len(err) == 1
        and err[0].startswith("askaround: cannot purge in")
        and "s3cretpw" not in err[0]
    )


async def synced_by_name(
    a: SlackHarness,
    b: SlackHarness,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An OAuth operator's `askaround sync`, with no SLACK_BOT_TOKEN (it took none but that
    token): --team picks the installed workspace, synced with the token its install keeps;
    without it, the workspaces are listed by name and id, as `settings` lists them."""
    settings = a.runner.settings
    with monkeypatch.context() as oauth:
        for name, value in (
            ("SLACK_SIGNING_SECRET", settings.signing_secret),
            ("SLACK_CLIENT_ID", settings.client_id),
            ("SLACK_CLIENT_SECRET", settings.client_secret),
            ("SLACK_API_URL", settings.api_url),
        ):
            oauth.setenv(name, value)
        capsys.readouterr()
        assert await asyncio.to_thread(main, ["sync", "--team", b.team_id.lower()]) == 0
        assert capsys.readouterr().out.startswith("5 Slack users in 1 page: 0 new,")
        assert await asyncio.to_thread(main, ["sync", "--team", a.team_id]) == 0
        assert capsys.readouterr().out.startswith("6 Slack users in 1 page: 1 new,")  # Zoe
        both = f"“Bravo Inc” ({b.team_id}), “{a.here.workspace.team_name}” ({a.team_id})"
        for argv in (["sync"], ["settings", "show"]):
            assert await asyncio.to_thread(main, argv) == 1
            err = capsys.readouterr().err.strip().splitlines()
            said = f"askaround: say which workspace with --team (this database has: {both})"
            assert err == [said]


class Terminal(io.StringIO):
    """Standard input as a person at a terminal: what they type, line by line."""

    def isatty(self) -> bool:
        return True


@pytest.mark.postgres_too
async def test_purge_workspace_asks_first_and_deletes_nothing_unconfirmed(
    two: tuple[SlackHarness, SlackHarness],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """Without --yes, the count of what would go is shown and the workspace's id must be
    typed back: another answer (B's id, nothing) deletes nothing, exit 1. With no terminal to
    ask in (a script, a pipe), it refuses in one line, exit 2, and deletes nothing. Typing the
    id purges it."""
    a, b = two
    await used(a)
    before = await rows_of(a, a.team_id)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", a.runner.settings.database_url)
    monkeypatch.chdir(tmp_path)

    capsys.readouterr()
    assert await asyncio.to_thread(main, ["purge-workspace", a.team_id]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert f"nothing deleted from {a.team_id}" in err and "--yes" in err
    assert await rows_of(a, a.team_id) == before

    for typed in (f"{b.team_id}\n", "\n", ""):
        monkeypatch.setattr("sys.stdin", Terminal(typed))
        assert await asyncio.to_thread(main, ["purge-workspace", a.team_id]) == 1
        out, err = capsys.readouterr()
        assert out == ""  # what to read and what to type reach the terminal, stdout piped or not
        assert f"workspace {a.team_id} holds" in err and "kudos 1," in err
        assert f"Type {a.team_id}" in err
        assert err.strip().endswith(f"askaround: not purged: {a.team_id} was not typed back")
        assert await rows_of(a, a.team_id) == before

    monkeypatch.setattr("sys.stdin", Terminal(f" {a.team_id}\n"))
    assert await asyncio.to_thread(main, ["purge-workspace", a.team_id]) == 0
    out, err = capsys.readouterr()
    assert f"Type {a.team_id}" in err
    assert len(out.splitlines()) == 1 and f"workspace {a.team_id} purged (" in out
    assert await rows_of(a, a.team_id) == [] and await tokens(a, a.team_id) == []


async def test_in_token_mode_a_working_token_is_what_keeps_the_data(slack: SlackHarness) -> None:
    """One workspace on SLACK_BOT_TOKEN: the uninstall is answered 200 too. Installed again
    (the token works again), the retention job keeps its data however long after; left
    uninstalled, the data goes once the retention has passed."""
    await used(slack)
    deliveries = await slack.emu.uninstall()
    assert [d.status for d in deliveries] == [200, 200]
    await slack.settle()
    days = slack.runner.settings.uninstalled_retention_days
    slack.emu.installed = True  # installed again, and the bot restarted with the token
    slack.advance(timedelta(days=days + 1))
    assert await slack.runner.bot.scheduler.run_once("retention") == []
    assert "state unlock" in await said(slack, "maria", "/kudos", "@bob")

    await slack.emu.uninstall()
    await slack.settle()
    slack.advance(timedelta(days=days + 1))
    assert await slack.runner.bot.scheduler.run_once("retention") == [slack.team_id]
    assert await rows_of(slack, slack.team_id) == []


async def test_an_uninstall_slack_delivers_again_after_an_install_leaves_it_installed(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Uninstalled, then installed again a minute on, and only then Slack sends the
    uninstall's `tokens_revoked` and `app_uninstalled` again (as a retry of deliveries it took
    for unanswered): already taken, they change nothing, so the new install's tokens stay, the
    workspace is not marked uninstalled, and `/kudos` is answered there."""
    a, _b = two
    await used(a)
    sent = await a.here.uninstall()
    await a.settle()
    a.advance(timedelta(minutes=1))
    assert (await a.install()).status == 200
    await retried_and_still_installed(a, sent)
    assert await tokens(a, a.team_id)
    assert "state unlock" in await said(a, "maria", "/kudos", "@bob")


async def test_an_uninstall_slack_retries_only_after_a_reinstall_changes_nothing(
    two: tuple[SlackHarness, SlackHarness],
) -> None:
    """Uninstalled while askaround could not be reached (every delivery failed), installed
    again a minute on, and only then Slack's retries of `tokens_revoked` and
    `app_uninstalled` get through: they happened before the new install (`event_time`
    against `installed_at`), so they are answered 200 and change nothing, and `/kudos` is
    answered there with the new token."""
    a, _b = two
    await used(a)
    with a.bot_down():
        sent = await a.here.uninstall()
    assert [d.ok for d in sent] == [False, False]
    a.advance(timedelta(minutes=1))
    assert (await a.install()).status == 200
    new = await tokens(a, a.team_id)
    await retried_and_still_installed(a, sent)
    assert await tokens(a, a.team_id) == new != []
    assert "state unlock" in await said(a, "maria", "/kudos", "@bob")


def test_when_an_event_happened_is_its_envelopes_event_time() -> None:
    """Epoch seconds, in UTC; None when the envelope does not say (or says it oddly)."""
    assert happened({"event_time": 1764064800}) == datetime(2025, 11, 25, 10, 0, tzinfo=UTC)
    assert happened({}) is None
    assert happened({"event_time": "1764064800"}) is None


async def test_a_workspace_that_never_installed_is_not_stored_as_one_that_left(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """With OAuth, Slack sends a removal for a workspace that never installed askaround here
    (another deployment's install of the same app, say): it stored a `workspaces` row marked
    removed, so the workspace was listed as one askaround had, and a request from it was
    logged as a workspace that uninstalled, at INFO, where Bolt's ERROR says askaround has no
    installation there. Nothing is stored now, and the ERROR stays."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as a:
        assert (await a.install()).status == 200
        never = a.add_team("T0NEVER", "Never Inc", PEOPLE)
        assert [d.ok for d in await never.here.uninstall()] == [True, True]
        await a.settle()
        async with a.services.sessions() as s:
            rows = list(await s.scalars(select(Workspace.team_id)))
        assert rows == [a.team_id], rows
        await said(never, "alice", "/kudos", "@bob for the release")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(NOT_FOUND in m for m in errors), errors
