"""`askaround kudos take-back`, run from an admin's shell (another process: another
replica), reaches a running bot: its routing takes the kudos back at the next question, in
place, as it does an Undo, and its outbox worker redraws the shout-out and tells the giver
and the receiver. Until 6 December nothing took kudos back once Undo's 5 minutes were over."""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
from pathlib import Path

import pytest

from bot.runtime.cli import main
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_gone import react_kudos
from tests.slack.kudos.world import dm_text, kudos_posts, ledger
from tests.slack.questions.test_fresh_skills import asked, offers

WHY = "thanked for a colleague's work"


async def admin(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, *argv: str
) -> tuple[int, str, str]:
    """`askaround kudos ARGV --team T…` on the bot's database, as an admin's shell runs it:
    its exit code, standard output and standard error."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "ASKAROUND_")):
            monkeypatch.delenv(name)
    url = slack.services.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
    out, err = io.StringIO(), io.StringIO()

    def run() -> int:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            return main(["kudos", *argv, "--team", slack.team_id])

    code = await asyncio.to_thread(run)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.postgres_too
async def test_kudos_taken_back_from_the_command_line_reach_a_running_bot(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Alice thanks Dev for the wombat state unlock, and the bot's index is built with it. An
    admin takes it back with `askaround kudos take-back`: Bob's question about the wombat
    state tells nobody Dev was "thanked in kudos for wombat", from the copy caught up in
    place (not rebuilt); the shout-out says an admin took it back; Alice and Dev are told in
    a DM with the reason; `kudos taken-back` lists it, by "the command line" (as Slack's
    Settings changes says, where it said "cli"); a second take-back changes
    nothing and tells nobody again."""
    monkeypatch.chdir(tmp_path)  # no `.env` of the checkout's is read
    slack.services.clock.thaw()  # the admin's shell reads the time as the bot does
    await slack.command("alice", "/kudos", slack.escape("@dev for the wombat state unlock"))
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    slack.services.indexes.invalidate(slack.team_id)
    await asked(slack, "carol", "how do we import terraform state?")  # built with the kudos
    index = await slack.services.indexes.get(slack.team_id)
    assert "wombat" in index.suggest("wombat", "bob")[0].reason
    [entry] = await ledger(slack)

    code, out, err = await admin(slack, monkeypatch, "take-back", str(entry.id), "--reason", WHY)
    assert (code, err) == (0, "") and out.startswith(f"took back kudos {entry.id} ")
    # Named as `kudos taken-back` names them: a member id tells an admin at a shell nothing.
    assert f"(Alice Martin to Dev Patel, {entry.created_at:%Y-%m-%d})" in out, out
    asked_now = await offers(slack, "bob", "how do we unlock the wombat state in terraform?")
    said = "\n".join(o.reason for o in asked_now)
    assert "thanked in kudos" not in said, said
    assert await slack.services.indexes.get(slack.team_id) is index
    await slack.settle()
    [now] = [m for m in slack.emu.messages(shoutout.channel) if m.ts == shoutout.ts]
    assert "taken back by an admin" in now.text
    assert WHY in dm_text(slack, "alice") and WHY in dm_text(slack, "dev")

    code, out, _ = await admin(slack, monkeypatch, "take-back", str(entry.id))
    assert code == 0 and "already undone or taken back" in out and "Dev Patel" in out, out
    await slack.settle()
    assert dm_text(slack, "dev").count("An admin took back") == 1
    code, out, _ = await admin(slack, monkeypatch, "taken-back")
    [line] = out.splitlines()
    assert (
        f"kudos {entry.id}  by the command line  " in line and WHY in line and "Dev Patel" in line
    )


async def test_a_kudos_id_that_is_not_there_is_one_line_and_a_failure(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = await admin(slack, monkeypatch, "take-back", "999")
    assert code != 0 and out == ""
    assert err == "askaround: There are no kudos 999 in this workspace.\n"
    code, _, err = await admin(slack, monkeypatch, "take-back", "twelve")
    assert code == 2 and len(err.splitlines()) == 1


async def test_taken_back_quotes_each_message_alike_as_it_reads(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Two kudos taken back, one saying "Dev's", one naming @carol over two lines: `kudos
    taken-back` quotes both alike, on one line each, as Slack shows them (Carol by the name
    askaround gives her everywhere, not the handle typed). Python's repr
    quoted the first in "double" and the second in 'single' quotes, with `<@U…>` for Carol
    and `\\n` for the line break."""
    monkeypatch.chdir(tmp_path)
    await slack.command("alice", "/kudos", slack.escape("@dev for Dev's wombat state unlock"))
    await slack.command("bob", "/kudos", slack.escape("@maria for pairing with\n@carol"))
    await slack.settle()
    for entry in await ledger(slack):
        code, _, err = await admin(slack, monkeypatch, "take-back", str(entry.id))
        assert (code, err) == (0, "")
    code, out, _ = await admin(slack, monkeypatch, "taken-back")
    wombat, pairing = sorted(out.splitlines(), key=lambda line: "Maria" in line)
    assert pairing.endswith(": “pairing with @Carol Diaz”  reason: (no reason given)"), pairing
    assert wombat.endswith(": “Dev's wombat state unlock”  reason: (no reason given)"), wombat


async def test_a_reason_over_several_lines_is_listed_on_one(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The take-back modal's reason field takes line breaks: `kudos taken-back` printed them,
    breaking the kudos' line in two."""
    monkeypatch.chdir(tmp_path)
    await slack.command("alice", "/kudos", slack.escape("@dev for the wombat state unlock"))
    await slack.settle()
    [entry] = await ledger(slack)
    why = "meant for Carol,\nnot Dev"
    code, _, err = await admin(slack, monkeypatch, "take-back", str(entry.id), "--reason", why)
    assert (code, err) == (0, "")
    code, out, _ = await admin(slack, monkeypatch, "taken-back")
    [line] = out.splitlines()
    assert line.endswith("reason: meant for Carol, not Dev"), line


async def test_taken_back_names_whom_a_reacted_message_mentions(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Alice reacts :kudos: to Dev's "paired with @carol on the wombat unlock": Slack's
    message names Carol by her id alone (`<@U…>`), and `kudos taken-back` quoted it as
    "paired with @U0000003", where the digests and `askaround report` read "@Carol Diaz"."""
    monkeypatch.chdir(tmp_path)
    message = await slack.post("dev", "general", f"paired with <@{slack.user('carol')}> on it")
    await react_kudos(slack, "alice", message)
    [entry] = await ledger(slack)
    code, _, err = await admin(slack, monkeypatch, "take-back", str(entry.id))
    assert (code, err) == (0, "")
    code, out, _ = await admin(slack, monkeypatch, "taken-back")
    [line] = out.splitlines()
    assert line.endswith(": “paired with @Carol Diaz on it”  reason: (no reason given)"), line
