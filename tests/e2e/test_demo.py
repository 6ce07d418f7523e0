"""`askaround demo < script` runs unattended and shows what people see: Ctrl-C as a real
process, the rest, the docs' script among them, through the command line's `main` in this
process (the same command, emulator, bot and sockets; a process of its own cost about 1.3
CPU-s a run more, importing)."""

from __future__ import annotations

import io
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import Future
from contextlib import closing, redirect_stderr, redirect_stdout, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.runtime.cli import main
from bot.runtime.demo import session
from tests.e2e.harness import logging_put_back

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[2]


# A demo is given up on only after this long with no new line of output. The docs' script had
# 120 s in all, and took 13-15 s alone and ran past 120 at load 20 and more; a line shows its
# answer once its work is done, or says after the demo's own wait (`SETTLE_SECONDS`) that the
# bot is still busy, so only a hang is silent longer.
SILENT_FOR_SECONDS = session.SETTLE_SECONDS + 120


def _demo_here(
    script: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *argv: str
) -> subprocess.CompletedProcess[str]:
    """`askaround demo --database demo.db < script` (or `askaround ARGV`) through the
    command line's `main`, in this process: its exit code and what it wrote. The demo sets
    the logging up as its process would; this test's is put back afterwards. It runs in a
    thread of its own, a daemon's, given up on (and the test failed) once it has written
    nothing for `SILENT_FOR_SECONDS`."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(script))
    argv = argv or ("demo", "--database", str(tmp_path / "demo.db"))
    out, err = io.StringIO(), io.StringIO()
    ended: Future[int] = Future()

    def run() -> None:
        try:
            ended.set_result(main(list(argv)))
        except BaseException as error:
            ended.set_exception(error)

    with logging_put_back(), redirect_stdout(out), redirect_stderr(err):
        threading.Thread(target=run, name="askaround demo", daemon=True).start()
        written = -1
        while not ended.done():
            with suppress(TimeoutError):
                ended.result(timeout=SILENT_FOR_SECONDS)
            if not ended.done() and out.tell() == written:
                said = "".join(out.getvalue().splitlines(keepends=True)[-5:])
                raise AssertionError(
                    f"the demo wrote nothing for {SILENT_FOR_SECONDS:.0f} s after:\n{said}"
                )
            written = out.tell()
    return subprocess.CompletedProcess(list(argv), ended.result(), out.getvalue(), err.getvalue())


def test_demo_script_from_the_docs_runs_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped script exits 0; each line shows the bot's answer where Slack would."""
    result = _demo_here((ROOT / "docs" / "demo-script.txt").read_text(), tmp_path, monkeypatch)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[#general · only @alice sees]" in out
    assert "[#general › thread · askaround]" in out
    assert "[DM with @bob · askaround]" in out
    assert "[@maria's Home tab]" in out and "knows 29 colleagues" in out
    assert "@alice gave kudos to @bob and @carol" in out and "@maria seconds this" in out
    assert "@bob gave kudos to @carol" in out and "Carol Diaz · 3" in out
    assert "Your team (6 people) received" in out  # `@maria: /kudos report`
    assert "solved with @dev · See the thread" in out  # Emma's repeat of Carol's question
    assert "Kudos a day must be a whole number" in out  # hana's refused settings
    # Hana, an admin, takes Finn's kudos back: the shout-out is redrawn, both are told why.
    assert "_These kudos were taken back by an admin._" in out
    assert out.count("Their reason: Finn meant to thank Dev, and will") == 2
    assert "@iris has a question you might help with:\n    > terraformのstate" in out
    # Dev's Home tab while Iris's request waits for him (the section showed in no demo)
    waiting = "WAITING FOR YOUR ANSWER\n    @iris has a question you might help with:"
    assert "[@dev's Home tab]" in out and waiting in out
    assert "You have 2 of 2 kudos left today, and this would give 3" in out  # then saved
    # Hana's picture of help between teams is named, not an empty DM; Undo's deletions are a
    # header each, without an empty line under it.
    assert "[DM with @hana · askaround]\n    [file insights.png: Help between teams, " in out
    assert "[DM with @bob · askaround (deleted)]\n  [DM with @carol" in out
    watched = out[out.index("> @hana: /ask watch") :]
    assert "review my PR? it is small I promise\n  (nothing visible happened)" in watched
    assert "[#general · only @bob sees]\n    That looks like a question for a colleague" in watched
    # Dev, asked about Bob's question, answers in its thread: that is his "I can help".
    replied = out[out.index("> @dev reply: ") : out.index("> wait 8 days")]
    assert "You answered in the question's thread, so you're on it" in replied
    assert replied.count("@dev is on it — thanks!") == 2
    assert "Question #4: @⁠Dev Patel is helping you." in replied
    # A Home tab republished while its person is elsewhere is a line, not the tab again.
    assert "[@maria's Home tab (updated: `@maria home` shows it)]" in out
    assert out.count("[@maria's Home tab]") == 1
    week_later = out[out.index("> wait 8 days") :]  # Iris's offers ran out
    assert "No worries: I've stopped waiting on you" in week_later
    # What the script says of that week: Iris's question closes, every manager's summary came.
    # Iris's four were found and asked: not "I couldn't find anyone available".
    said = "I asked 4 colleagues about question #3: 3 didn't answer in time and 1 passed on it"
    assert said in week_later
    assert week_later.count("YOUR TEAM'S WEEK") >= 5
    assert (tmp_path / "demo.db").exists()


def test_demo_reports_bad_lines_and_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line the shell cannot follow gets a one-line hint; the rest still runs; exit is 1."""
    result = _demo_here(
        "@nobody: hi\n@alice click Missing\n@alice: /kudo @bob for the review\n"
        "@zoe in #platform: /kudos @bob for the private help #teamwork\n"
        "@alice home\n@alice click Edit profile\n@alice submit Status=away\n"
        "@hana home\n@hana click Change settings\n@hana submit Kudos a day=4\n"
        "@hana submit Kudos a day=3\n"
        "@alice: /askaround help\n@dev reply:\n@dev rply: pin the CIDR\n",
        tmp_path,
        monkeypatch,
    )
    assert result.returncode == 1
    # A field the form has not is answered with the ones it has, as its reader sees them
    # (it was a Python list of lowercased labels: "it has ['1 · curious', …]"), and a form
    # already saved, whose fields are gone, says so (it was "it has []").
    assert "the modal has no field “Status”; it has: 5 · go-to expert, 4 · strong, " in (
        result.stdout
    )
    assert "the modal open for @hana has nothing to fill in (it was submitted)" in result.stdout
    assert "it has []" not in result.stdout
    # Slack lets nobody post or run a command in a channel they are not in: Zoe (Customer)
    # gave kudos in the Platform team's private channel, and the shout-out was posted there.
    assert "@zoe is not in #platform" in result.stdout
    assert "[#platform · askaround]" not in result.stdout
    assert "nobody called @nobody here; `people` lists everyone" in result.stdout
    assert "say something after `reply:`" in result.stdout
    assert "did you mean `@dev reply: pin the CIDR`?" in result.stdout
    assert "sees no button “Missing”" in result.stdout
    # A mistyped command is Slack's to refuse, as Slack does: the bot never hears of it.
    assert "/kudo is not a valid command" in result.stdout and "/kudos" in result.stdout
    assert "Unhandled request" not in result.stdout + result.stderr
    assert "only @alice sees" in result.stdout


def test_someone_asked_suggests_a_colleague_in_the_offers_menu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offer's [Suggest someone ▾] is a menu, not a button: `pick` chooses a person in
    it, and the bot asks them. `click Suggest someone` said there was no such button, so a
    newcomer could not try it."""
    result = _demo_here(
        "@carol: @askaround how do we set up prometheus alerting for kubernetes pods?\n"
        "@bob pick Suggest someone @kim\n"
        "@bob pick Suggest someone @kim\n"
        "@dev pick Suggest someone\n",
        tmp_path,
        monkeypatch,
    )
    out = result.stdout
    assert result.returncode == 1  # the last two lines are refused
    kim = out[out.index("> @bob pick Suggest someone @kim") :]
    assert "[DM with @kim · askaround]" in kim and "Why you: suggested by @bob" in kim
    assert "Thanks: I've asked @kim." in kim
    assert "bob sees no menu “Suggest someone”; they see no menus" in out  # it is answered
    assert "`pick` takes a menu and what to pick in it" in out


def test_a_line_whose_work_outlasts_the_wait_says_the_bot_is_still_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo waits for a line's work up to `SETTLE_SECONDS` (0 here, as for a machine too
    slow for any wait), then says the bot is still busy. It waited 20 s and went on without
    a word: on a loaded machine the next line found no offer in Bob's DM to pick in."""
    monkeypatch.setattr(session, "SETTLE_SECONDS", 0.0)
    result = _demo_here(
        "@carol: @askaround how do we set up prometheus alerting for kubernetes pods?\n",
        tmp_path,
        monkeypatch,
    )
    assert result.returncode == 0, result.stdout
    assert "(askaround is still busy after 0 s: the rest shows later)" in result.stdout


def test_the_bot_picked_as_an_askaround_admin_is_refused_on_the_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slack's people picker lists apps, and the settings refuse one next to the field. The
    demo made `@askaround` the bot's mention before reading the picker, and then answered
    "nobody called @<@U0…> here", so the refusal the README tells of could not be seen."""
    result = _demo_here(
        "@hana: /askaround settings\n@hana submit askaround admins=@askaround\n",
        tmp_path,
        monkeypatch,
    )
    assert result.returncode == 0, result.stdout
    refused = result.stdout[result.stdout.index("> @hana submit") :]
    assert (
        "[modal shown to @hana: not submitted]\n    askaround admins: askaround: only " in refused
    )
    assert "a deactivated account or a bot" in refused and "nobody called" not in refused


def test_the_demo_leaves_a_database_of_another_workspace_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--database` pointed at a real workspace's SQLite file (askaround.db, a slip for
    demo.db) is refused in one line, and the file keeps what it had: the demo ran its bot on
    it, with the emulator as Slack, and added a fictional company beside the real one."""
    real = tmp_path / "demo.db"  # the name _demo_here gives --database
    (tmp_path / "people.csv").write_text("slack_id,handle,name\nU0ANA,ana,Ana Silva\n")
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{real}")
    imported = _demo_here(
        "", tmp_path, monkeypatch, "import", "people", "people.csv", "--team", "T0REAL"
    )
    assert imported.returncode == 0, imported.stderr
    monkeypatch.delenv("ASKAROUND_DATABASE_URL")
    result = _demo_here("@alice: /kudos me\n", tmp_path, monkeypatch)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"askaround: {real} holds workspace T0REAL, not the demo's: give --database a file "
        "of its own (a new name starts a new demo company)\n"
    )
    with closing(sqlite3.connect(real)) as db:
        assert db.execute("SELECT DISTINCT team_id FROM people").fetchall() == [("T0REAL",)]


def test_a_second_demo_on_the_same_database_carries_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database keeps the company, the emulator starts afresh: the second run's events
    are answered as the first's were (its emulator numbered them from Ev000000001 again, and
    the bot's inbox dropped each as a retry of one it had stored, leaving Home tabs blank and
    mentions unanswered), and the banner says the company is carried on."""
    script = "@maria home\n@carol: @askaround hi\n"
    runs = [_demo_here(script, tmp_path, monkeypatch), _demo_here(script, tmp_path, monkeypatch)]
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "[@maria's Home tab]" in run.stdout and "knows 29 colleagues" in run.stdout
        assert "[#general › thread · askaround]\n    Hi! I'm askaround" in run.stdout
        assert "nothing visible happened" not in run.stdout
    assert "Carrying on with the company kept in" not in runs[0].stdout
    assert f"Carrying on with the company kept in {tmp_path / 'demo.db'}" in runs[1].stdout
    # Each start skipped the digests due, of a week before the company existed: none was
    # drawn and sent unseen (five charts, a fifth of a short demo's CPU).
    with closing(sqlite3.connect(tmp_path / "demo.db")) as db:
        queued = db.execute("SELECT count(*) FROM outbox WHERE method LIKE 'digest.%'")
        assert queued.fetchone() == (0,)
        assert {status for (status,) in db.execute("SELECT status FROM digest_runs")} <= {"skipped"}


def test_skills_typed_into_the_edit_profile_form_are_picked_as_slack_offers_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`submit 5 · go-to expert=terraform, k8s` types each skill into the type-ahead and picks
    what the bot offers, as a person does: Terraform and Kubernetes at level 5, not the
    letters t, e, r, r, a, f, o, r, m as skills of their own."""
    script = "@alice click Edit profile\n@alice submit 5 · go-to expert=terraform, k8s\n"
    result = _demo_here("@alice home\n" + script, tmp_path, monkeypatch)
    assert result.returncode == 0, result.stdout
    after = result.stdout[result.stdout.index("> @alice submit") :]
    assert "*Terraform* — 5 · go-to expert" in after and "*Kubernetes* — 5" in after, after
    assert "• *R* — 5" not in after and "• *t* — 5" not in after


def test_a_newcomers_first_lines_are_answered_and_time_moves_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first screen says who is who; `?` and `people` help; a line missing its colon or
    its @ is answered with what was meant; `@Askaround` is a mention; and `wait` moves the
    bot's clock: unanswered requests run out, and each manager's weekly digest arrives as a
    DM (7 days always pass the digest's Monday 09:00, unless they start on a Monday before
    it: a day more then)."""
    script = (
        "?\npeople\n@alice /kudos @bob thanks for the review #teamwork\nalice: hi\n"
        "@alice: /kudos @bob thanks for the review #teamwork\n"
        "@carol: @Askaround how do we unlock a stuck terraform state?\n"
        "@dev click I can hepl\nwait 7 days\nwait 1 day\n"
    )
    result = _demo_here(script, tmp_path, monkeypatch)
    assert result.returncode == 1, result.stderr  # the three lines it could not follow
    out = result.stdout
    banner, _, rest = out.partition("> ?\n")
    assert (
        "Hana is the admin; Maria, Sam, Nora and Victor are managers, Hana theirs; "
        "each gets a weekly digest of their people" in banner
    )
    assert "http://" not in banner and "wait 2 hours" in rest.partition("> people")[0]
    assert "Platform: @maria (manager) @alice @bob @carol @dev @emma @finn" in rest
    assert "did you mean `@alice: /kudos @bob thanks for the review #teamwork`?" in rest
    assert "did you mean `@alice: hi`?" in rest
    pressable = rest.partition("dev sees no button “I can hepl”; they can press ")[2]
    assert "“I can help”" in pressable.partition("\n")[0]
    later = rest[rest.index("> wait 7 days") :]
    assert re.search(r"\n  \(it is now \w+ \d\d \w+ \d{4} \d\d:\d\d UTC for askaround\)\n", later)
    assert "No worries: I've stopped waiting on you" in later
    assert "[DM with @maria · askaround]\n    YOUR TEAM'S WEEK" in later
    assert "• Bob Chen, from Alice Martin: thanks for the review #teamwork" in later


def test_a_command_typed_in_a_dm_runs_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`@alice dm: /kudos …` is the command run in Alice's DM with the bot, as Slack runs a
    slash command typed there: private kudos, which `/kudos help` says a DM gives (it was
    sent as a message, and answered as thanks typed without the command)."""
    result = _demo_here(
        "@alice dm: /kudos @bob for the calm incident review #teamwork\n", tmp_path, monkeypatch
    )
    assert result.returncode == 0, result.stdout
    out = result.stdout.partition("> @alice dm:")[2]
    assert "[DM with @alice · only @alice sees]" in out and "Kudos sent to @bob" in out, out
    assert ":tada: @alice gave you kudos" in out and "That sounds like thanks" not in out


def test_ctrl_c_ends_the_demo_at_its_prompt(tmp_path: Path) -> None:
    """Ctrl-C while it waits for a line ends it with 130 and nothing on stderr (reading the
    line on the event loop left Ctrl-C unheard until Enter, and a second one left asyncio's
    complaints about unclosed sessions)."""
    # As a terminal starts it: a suite run as a background job of a script (`pytest … &`)
    # has Ctrl-C ignored, as POSIX asks of such jobs, and the demo would inherit that.
    heard = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        demo = subprocess.Popen(
            [sys.executable, "-m", "bot.runtime.cli", "demo"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        )
    finally:
        signal.signal(signal.SIGINT, heard)
    assert demo.stdin is not None and demo.stdout is not None and demo.stderr is not None
    try:
        for line in demo.stdout:  # the banner, then its prompt waits for a line
            if "Ctrl-D or `quit` ends." in line:
                break
        demo.send_signal(signal.SIGINT)
        assert demo.wait(timeout=60) == 130
        assert demo.stderr.read() == ""
    finally:
        demo.kill()
        demo.stdin.close()
        demo.stdout.close()
        demo.stderr.close()


def test_the_first_demo_says_it_is_setting_up(tmp_path: Path) -> None:
    """On a fresh checkout `bash scripts/demo` installs for about a minute before anything
    else is printed; it says so first, and only that first time (setup is stubbed here: it
    makes the `askaround` that the real one installs)."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "demo", tmp_path / "scripts" / "demo")
    (tmp_path / "scripts" / "setup").write_text(
        "mkdir -p .venv/bin && printf '#!/bin/sh\\necho \"$@\"\\n' > .venv/bin/askaround"
        " && chmod +x .venv/bin/askaround\n"
    )
    runs = [
        subprocess.run(
            ["bash", "scripts/demo", "--database", "x.db"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=30,
        )
        for _ in range(2)
    ]
    assert [run.stdout for run in runs] == ["demo --database x.db\n"] * 2
    assert [run.stderr for run in runs] == [
        "Setting up .venv for the first time (about a minute)...\n",
        "",
    ]


def test_a_shortcut_is_used_as_slack_offers_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message shortcut needs a message (`on last`), a global one none, and a name the app
    has: `shortcut give_kudos` alone sent a global shortcut with the message shortcut's name,
    whose listener failed ("Something went wrong on my side" and a traceback), and an unknown
    name printed Bolt's "Unhandled request" advice. Each is now told what to type."""
    result = _demo_here(
        "@alice shortcut give_kudos\n@alice shortcut frobnicate\n"
        "@carol: I wrote the runbook for the failover drill\n"
        "@alice shortcut give_kudos_global on last\n@alice shortcut give_kudos on lsat\n"
        "@alice shortcut give_kudos on last\n",
        tmp_path,
        monkeypatch,
    )
    assert result.returncode == 1  # four lines refused
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err and "Unhandled request" not in out + err
    assert "Something went wrong" not in out
    assert "`give_kudos` is used on a message: `@alice shortcut give_kudos on last`" in out
    assert "no shortcut `frobnicate`" in out and "give_kudos_global" in out
    assert "`give_kudos_global` is used on no message: `@alice shortcut give_kudos_global`" in out
    assert "after a shortcut's name, only `on last`" in out
    last = out[out.rindex("> @alice shortcut give_kudos on last") :]
    assert "[modal shown to @alice]" in last and "<Who are you thanking?: @carol>" in last


def test_a_field_emptied_in_a_form_is_cleared_as_slack_clears_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`@hana submit Kudos channel=` empties the kudos channel, as clearing Slack's channel
    picker does: the demo stopped on "unexpected IndexError", the rest of the script unread.
    A field the form requires, emptied, is told so, as Slack's client refuses to submit it."""
    result = _demo_here(
        "@hana: /askaround settings\n@hana submit Kudos channel=#random\n"
        "@hana: /askaround settings\n@hana submit Kudos channel=\n"
        "@hana: /askaround settings\n@hana submit Digest day=\n@hana home\n",
        tmp_path,
        monkeypatch,
    )
    out = result.stdout
    assert "unexpected" not in result.stderr, result.stderr
    cleared = out.partition("> @hana submit Kudos channel=\n")[2]
    assert "• *Kudos channel:* none" in cleared.partition("\n> ")[0], cleared
    assert "required" in out.partition("> @hana submit Digest day=\n")[2].partition("\n> ")[0]
    assert (
        "*Kudos channel:* none: shout-outs are where kudos are given"
        in out.rpartition("> @hana home")[2]
    )
    assert result.returncode == 1  # the emptied digest day, refused


def test_a_long_field_takes_more_lines_as_the_edit_profile_form_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edit profile's network field is one entry a line, and its example shows two; the demo
    had no way to type a second line, so `\\n` went in as two characters and one contact was
    saved named "@bob as personal\\nCNCF Slack". `\\n` starts a new line, as the banner says."""
    result = _demo_here(
        "@alice home\n@alice click Edit profile\n"
        "@alice submit Network, one per line (only you see it)=@bob as personal\\n"
        "CNCF Slack about kubernetes, helm as functional\n@alice: /skills\n",
        tmp_path,
        monkeypatch,
    )
    assert result.returncode == 0, result.stdout
    assert "`\\n` starts a new line" in result.stdout.partition("\n> ")[0]
    profile = result.stdout.rpartition("> @alice: /skills")[2]
    assert "• @bob (personal)" in profile, profile
    assert "• *CNCF Slack* about kubernetes, helm (functional)" in profile, profile


def test_an_offer_taken_away_is_shown_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Carol presses *Not now* on the private offer to find an expert: it is redrawn as how
    long the bot keeps quiet, where the demo said "(nothing visible happened)", as if the
    button did nothing; and Bob's *Find an expert* takes his offer away, where the demo showed
    the question asked but the offer still standing."""
    result = _demo_here(
        "@hana: /ask watch\n@carol: does anyone know how to rotate the vault root token?\n"
        "@carol click Not now\n"
        "@bob: anyone know why terraform plan wants to recreate the VPC every time?\n"
        "@bob click Find an expert\n",
        tmp_path,
        monkeypatch,
    )
    assert result.returncode == 0, result.stdout
    not_now = result.stdout.partition("> @carol click Not now\n")[2].partition("\n> ")[0]
    assert not_now.startswith("  [#general · only @carol sees (updated)]\n"), not_now
    assert "I won't offer to find an expert" in not_now, not_now
    asked = result.stdout.partition("> @bob click Find an expert\n")[2]
    assert "  [#general · only @bob sees (deleted)]\n" in asked, asked


def test_wait_takes_durations_as_people_say_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`wait an hour`, `wait for two days` and `wait 1 month` move the clock as said (a month
    to the same day of the next), where each was refused with a hint naming neither words
    nor months; the hint and `help` say which units it takes. Only the last day of a wait is
    stepped through here: what falls due in the month is beside the point, and its 25
    digests, each drawn with its chart, cost some 5 CPU-s."""
    monkeypatch.setattr(session, "STEPPED", timedelta(days=1))
    result = _demo_here(
        "wait an hour\nwait for two days\nwait 1 month\nwait a fortnight\nhelp\n",
        tmp_path,
        monkeypatch,
    )
    out = result.stdout
    assert result.returncode == 1, out  # the fortnight
    moved = re.findall(r"\(it is now \w+ (\d\d \w+ \d{4} \d\d:\d\d) UTC for askaround\)", out)
    assert len(moved) == 3, out
    hour, days, month = (datetime.strptime(m, "%d %b %Y %H:%M") for m in moved)
    # The demo's clock runs on in real time between lines, so a minute may turn meanwhile.
    turned = timedelta(minutes=1)
    assert timedelta(days=2) <= days - hour <= timedelta(days=2) + turned
    assert (month.month - days.month) % 12 == 1
    assert timedelta(0) <= month - datetime.combine(month.date(), days.time()) <= turned
    hint = "say how long, in minutes, hours, days, weeks or months: "
    assert hint in out.partition("> wait a fortnight")[2], out
    assert "wait 1 month" in out.partition("> help")[2], out


def test_a_long_wait_shows_all_that_falls_due_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README says a `wait` shows what falls due in that time; it ran the bot's jobs once,
    at its end, so `wait 2 weeks` brought each manager one weekly summary, not two, and a
    question whose colleagues never answered moved on by one round only: Kim, asked when the
    first three ran out, was still being asked two weeks later."""
    result = _demo_here(
        "@alice: @askaround how do I debug a crashlooping kubernetes pod?\nwait 2 weeks\n",
        tmp_path,
        monkeypatch,
    )
    assert result.returncode == 0, result.stdout
    later = result.stdout.partition("> wait 2 weeks")[2]
    # Each Monday 09:00 in Maria's Madrid brings the week before, but for the week before the
    # company existed, which a start on a Monday morning passes first: one summary then.
    said = re.search(r"\(it is now \w+ (\d\d \w+ \d{4} \d\d:\d\d) UTC for askaround\)", later)
    assert said is not None, later
    end = datetime.strptime(said[1], "%d %b %Y %H:%M").replace(tzinfo=UTC)
    start = (end - timedelta(weeks=2)).astimezone(ZoneInfo("Europe/Madrid"))
    summaries = 1 if start.weekday() == 0 and start.hour < 9 else 2
    assert later.count("[DM with @maria · askaround]\n    YOUR TEAM'S WEEK") == summaries, later
    assert "I asked 4 colleagues about question #1" in later, later


def test_a_wait_steps_through_its_last_weeks_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wait is stepped through a day at a time for its last `session.STEPPED` only, as the
    README says: `wait 1000 months` would otherwise draw some 20,000 digests. With two weeks
    stepped through (eight, the README's, drew 45 digests with their charts: some 10 CPU-s),
    four weeks bring each manager the last two weeks' summaries, each once, not four."""
    said = " ".join((ROOT / "README.md").read_text().split())
    assert f"(in its last {session.STEPPED // timedelta(weeks=1)} weeks, when longer)" in said
    monkeypatch.setattr(session, "STEPPED", timedelta(weeks=2))
    weeks = 2
    result = _demo_here(f"wait {weeks + 2} weeks\n", tmp_path, monkeypatch)
    assert result.returncode == 0, result.stdout
    summaries = re.findall(
        r"\[DM with @maria · askaround\]\n    YOUR TEAM'S WEEK (\S+)", result.stdout
    )
    # and, from the jump to its last weeks, the week's whose summary was then still due
    assert len(summaries) == len(set(summaries)) in (weeks, weeks + 1), summaries
