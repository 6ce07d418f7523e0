"""Every `askaround` command's `--help`, as a new admin reads it in an 80-column terminal:
it exists, exits 0, fits the width, and says what the command needs and does."""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex

import pytest

from bot.runtime.cli import main
from bot.runtime.cli.command_line import build_parser

pytestmark = pytest.mark.database_independent


def commands() -> list[list[str]]:
    """Every command line that has a help of its own: subcommands and theirs."""
    found: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, nested in action.choices.items():
                    found.append([*path, name])
                    walk(nested, [*path, name])

    walk(build_parser(), [])
    return found


def help_of(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*argv, "--help"]) == 0
    return out.getvalue()


@pytest.mark.parametrize("argv", commands(), ids=lambda argv: " ".join(argv) or "askaround")
def test_each_help_fits_a_terminal(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    text = help_of(argv, monkeypatch)
    assert text.startswith(f"usage: {' '.join(['askaround', *argv])}")
    too_wide = [line for line in text.splitlines() if len(line) > 80]
    assert not too_wide, "\n".join(too_wide)


def test_what_the_settings_help_promises(monkeypatch: pytest.MonkeyPatch) -> None:
    """`show`'s columns, `none` to clear a list, and Slack asked about a channel when it can."""
    text = " ".join(help_of(["settings"], monkeypatch).split())
    said = "`default` (its value is what a new workspace has, set back to it or never changed)"
    assert f"{said} or `set`" in text
    assert "`none` clears a list" in text
    assert "SLACK_BOT_TOKEN" in text


def test_the_commands_that_need_slack_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    for argv in (["serve"], ["sync"]):
        assert "SLACK_BOT_TOKEN" in help_of(argv, monkeypatch), argv
    # `skills` curates the stored vocabulary alone, as `settings` and `kudos` read the database.
    text = " ".join(help_of(["skills"], monkeypatch).split())
    assert "Needs only ASKAROUND_DATABASE_URL" in text and "SLACK_BOT_TOKEN" not in text


def test_outbox_retry_promises_what_the_worker_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing wakes a running bot for the command line's retries: its worker finds them at
    its next poll, every 2 s (5 s when it listens on PostgreSQL), not "within a second"."""
    from handlers.outbox.worker import IDLE_POLL_SECONDS, LISTENING_POLL_FACTOR

    text = " ".join(help_of(["outbox"], monkeypatch).split())
    slowest = IDLE_POLL_SECONDS * LISTENING_POLL_FACTOR
    assert f"within {slowest:g} seconds" in text


def test_the_kudos_commands_say_what_they_take_and_give(monkeypatch: pytest.MonkeyPatch) -> None:
    """`export kudos` writes every workspace's kudos in the database (its `team_id` column), kudos
    undone or taken back left out, and its help said only "the kudos given"; `kudos take-back
    --reason` refuses more than 500 characters, which its help did not say."""
    from bot.kudos.taking_back import REASON_CHARS

    text = " ".join(help_of(["export"], monkeypatch).split())
    assert "every workspace's" in text and "team_id" in text, text
    assert "undone or taken back" in text, text
    text = " ".join(help_of(["kudos", "take-back"], monkeypatch).split())
    assert f"{REASON_CHARS} characters at most" in text, text


def parser_of(argv: list[str]) -> argparse.ArgumentParser:
    parser = build_parser()
    for name in argv:
        parser = next(
            a.choices[name] for a in parser._actions if isinstance(a, argparse._SubParsersAction)
        )
    return parser


def positionals(parser: argparse.ArgumentParser) -> set[str]:
    return {
        str(a.metavar or a.dest.upper())
        for a in parser._actions
        if not a.option_strings and not isinstance(a, argparse._SubParsersAction)
    }


def subcommands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    return [
        nested
        for a in parser._actions
        if isinstance(a, argparse._SubParsersAction)
        for nested in a.choices.values()
    ]


@pytest.mark.parametrize(
    "argv",
    [argv for argv in commands() if subcommands(parser_of(argv))],
    ids=lambda argv: " ".join(argv) or "askaround",
)
def test_a_group_help_names_only_what_it_takes(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`askaround import --help` described the FILE that `import people` takes: a group's own
    description names none of its subcommands' arguments; each subcommand's help says those."""
    group = parser_of(argv)
    theirs = set().union(*map(positionals, subcommands(group))) - positionals(group)
    description = help_of(argv, monkeypatch).split("\n\n")[1]
    named = sorted(word for word in theirs if re.search(rf"\b{re.escape(word)}\b", description))
    assert not named, f"askaround {' '.join(argv)} --help names {named}: {description}"


def test_import_says_when_it_needs_team(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Slack settings, a first import into an empty database is refused until --team
    names the workspace; its help said --team was for a database holding several."""
    text = " ".join(help_of(["import", "people"], monkeypatch).split())
    option = text[text.index("--team T… ") :]
    assert "no workspace yet" in option.partition("--debug")[0], option


def test_each_settings_key_states_the_range_it_is_refused_outside(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`min_reason_length` refused 501 "from 0 to 500" while its help said no limit; a key
    taking a whole number in a range says the range in `askaround settings --help`."""
    from bot.workspace_settings.keys import KEYS

    text = " ".join(help_of(["settings"], monkeypatch).split())
    for key in KEYS:
        try:
            key.parse("-1")
        except ValueError as refused:
            bounds = re.search(r"from (\d+) to (\d+)", str(refused))
            if bounds:
                assert f"{bounds[1]} to {bounds[2]}" in key.hint, key.name
                assert " ".join(key.hint.split()) in text, key.name


@pytest.mark.parametrize("argv", commands(), ids=lambda argv: " ".join(argv) or "askaround")
def test_each_help_ends_with_examples_that_parse(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new admin copies a command line from the help: each command's ends with examples
    of itself (a group's, of its subcommands), and each is one `askaround` takes as written
    (up to a shell's `<`, `>` or `|`)."""
    text = help_of(argv, monkeypatch)
    assert "\nexamples:\n" in text, f"askaround {' '.join(argv)} --help shows no example"
    examples = [line.strip() for line in text.split("\nexamples:\n", 1)[1].splitlines()]
    assert examples and all(examples), text
    command = " ".join(["askaround", *argv])
    for example in examples:
        assert example == command or example.startswith(f"{command} "), example
        words = shlex.split(example)[1:]
        shell = [n for n, word in enumerate(words) if word in ("<", ">", "|")]
        build_parser().parse_args(words[: min(shell, default=len(words))])


@pytest.mark.parametrize("argv", [[], ["settings"], ["import", "people"]], ids=repr)
def test_help_as_slack_says_it_is_the_help(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`/askaround help` in Slack, so `askaround help` at a shell: it was "invalid choice:
    'help'"; `askaround help settings` is `askaround settings --help`."""
    shown = help_of(argv, monkeypatch)
    capsys.readouterr()
    assert main(["help", *argv]) == 0
    assert capsys.readouterr().out == shown


def test_a_workspace_is_written_one_way_in_every_help(monkeypatch: pytest.MonkeyPatch) -> None:
    """`report`'s help wrote `--team TEAM_ID` where every other command writes `--team T…`,
    as a workspace's id starts (an example's real id, `--team T0123ABCD`, is no metavar)."""
    written = {
        " ".join(argv): set(re.findall(r"--team[ =](T…|[A-Z_]+\b)", help_of(argv, monkeypatch)))
        for argv in commands()
    }
    assert {w for ways in written.values() for w in ways} == {"T…"}, written
