"""The `askaround` command line, run through `bot.runtime.cli.main`. Each subcommand lives in
its own module with its help text.

A subcommand module exposes `add_parser(subparsers)` and `async run(args) -> int`; each parser
it adds is given `examples=[…]`, command lines the help ends with. A failure
is one line on standard error and a non-zero exit (`failures.py`); `--debug` adds the
traceback. A subcommand module imports the database, Slack and routing code inside `run`, not
at its top: parsing every command line builds every subcommand's parser, and `askaround
--help` took 2.2 s when that loaded SQLAlchemy, numpy and the rest (0.3 s now;
`tests/domain/test_cli_startup.py`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn

from bot.runtime.cli import (
    backup,
    demo,
    evaluate,
    export,
    failures,
    kudos,
    migrate,
    outbox,
    people,
    purge,
    report,
    serve,
    settings,
    skills,
    sync,
)
from bot.runtime.version import installed_version

SUBCOMMANDS: tuple[ModuleType, ...] = (
    serve, migrate, backup, demo, people, sync, skills, kudos, export, report, evaluate, outbox,
    purge, settings,
)  # fmt: skip


class Parser(argparse.ArgumentParser):
    """A command line that does not parse is one line too, naming where the help is, not
    argparse's usage block followed by its error; the exit code stays argparse's 2.
    Subcommands' parsers are of this class as well (`add_subparsers` makes its own kind)."""

    _given: Sequence[str] = ()
    _parsing = False

    def __init__(self, *args: Any, examples: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.examples = tuple(examples)

    def format_help(self) -> str:
        """The help, then `examples:`, one command line a line as typed (argparse would run
        an epilog's lines together)."""
        shown = super().format_help()
        if not self.examples:
            return shown
        return f"{shown}\nexamples:\n" + "".join(f"  {line}\n" for line in self.examples)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._parsing:  # one of parse_known_intermixed_args's two passes (Python 3.11)
            return super().parse_known_args(args, namespace)
        self._given = list(sys.argv[1:] if args is None else args)
        self._parsing = True
        try:
            # A command's options go before or after its words (`settings set --team T KEY
            # VALUE`): plain parsing gives optional words nothing once an option splits them.
            # A parser with subcommands cannot be parsed so; its subcommands' parsers are.
            if self._subcommands():
                parsed, extras = super().parse_known_args(args, namespace)
            else:
                parsed, extras = super().parse_known_intermixed_args(args, namespace)
        finally:
            self._parsing = False
        if extras and not self._subcommands():
            self.error(f"unrecognized arguments: {' '.join(extras)}")  # with this help's name
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        # argparse goes on past a flag it does not know, and then may blame what follows it
        # (`report --frmat csv`: "invalid choice: 'csv'"); the mistyped flag is the news.
        unknown = self._unknown_flags()
        if unknown:
            message = f"unrecognized arguments: {' '.join(unknown)}"
        message = self._with_a_guess(message)
        self.exit(failures.EXIT_USAGE, f"askaround: {message} (`{self.prog} --help` explains)\n")

    def _with_a_guess(self, message: str) -> str:
        """A word one slip from a command, or a flag from a flag (`improt`, `--frmat`), gets
        what it most likely meant, as a slip in a Slack command does, in place of the list."""
        from bot.help import meant_subcommand

        if choice := _INVALID_CHOICE.fullmatch(message):
            typed, known = choice["typed"], [c.strip("'") for c in choice["choices"].split(", ")]
            before, command = choice["before"], f"{self.prog} "
        elif flags := _UNRECOGNIZED.fullmatch(message):
            typed, known = flags["first"].split("=", 1)[0], list(self._option_string_actions)
            before, command = message, ""
        else:
            return message
        meant = meant_subcommand(typed, dict.fromkeys(known, ".*"), questions=False)
        return f"{before}: did you mean `{command}{meant}`?" if meant else message

    def _subcommands(self) -> set[str]:
        return {
            name
            for a in self._actions
            if isinstance(a, argparse._SubParsersAction)
            for name in a.choices
        }

    def _unknown_flags(self) -> list[str]:
        """The flags given before any subcommand's name that this parser does not know."""
        unknown: list[str] = []
        commands = self._subcommands()
        for arg in self._given:
            if arg == "--" or arg in commands:
                break
            if arg.startswith("-") and not _NUMBER.fullmatch(arg):
                flag = arg.split("=", 1)[0]
                if not any(known.startswith(flag) for known in self._option_string_actions):
                    unknown.append(arg)
        return unknown


_NUMBER = re.compile(r"-\d+(?:\.\d*)?")
# argparse's own words (its choices quoted until Python 3.12.7, bare since)
_INVALID_CHOICE = re.compile(
    r"(?P<before>argument \S+: invalid choice: '(?P<typed>[^']*)') \(choose from (?P<choices>.*)\)"
)
_UNRECOGNIZED = re.compile(r"unrecognized arguments: (?P<first>-\S+).*")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="askaround",
        description=(
            "Find who knows, thank who helped: a Slack app you run yourself. `askaround help "
            "COMMAND` (or `askaround COMMAND --help`) says what one takes."
        ),
        examples=[
            "askaround demo",
            "askaround import people people.csv --dry-run",
            "askaround settings set daily_allowance 7",
            "askaround serve",
        ],
    )
    parser.add_argument("--version", action="version", version=f"askaround {installed_version()}")
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    parser.set_defaults(stopped="stopped")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in SUBCOMMANDS:
        command = module.add_parser(sub)
        command.set_defaults(run=module.run)
        _debug_after(command)
    return parser


def _debug_after(command: argparse.ArgumentParser) -> None:
    """`--debug` after the subcommand too (`askaround migrate --debug`, `askaround import
    people FILE --debug`); SUPPRESS keeps a --debug given before it."""
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in set(action.choices.values()):
                _debug_after(nested)


DEBUG_HELP = "on a failure, print the traceback after its one line"


def run_command(argv: Sequence[str] | None = None) -> int:
    try:
        code = _command(argv)
        sys.stdout.flush()  # here, where a reader gone is caught, not in Python's exit
        return code
    except BrokenPipeError:
        # Nobody reads the rest (`askaround export … | head`): say nothing, and point standard
        # output where Python's own flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return failures.EXIT_PIPE_CLOSED


def _command(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["help"]:  # as `/askaround help` in Slack: `help settings` is its --help
        words = [*words[1:], "--help"]
    try:
        args = build_parser().parse_args(words)
    except SystemExit as exit:  # --help, --version, or a command line that does not parse
        return exit.code if isinstance(exit.code, int) else failures.EXIT_USAGE
    try:
        return int(asyncio.run(args.run(args)))
    except KeyboardInterrupt:
        # As a Ctrl-C while askaround loads (`bot.runtime.cli.main`), with what the command
        # kept when it says so (`set_defaults(stopped=…)`); the demo's prompt says nothing.
        if args.stopped:
            print(f"askaround: {args.stopped}", file=sys.stderr)
        return failures.EXIT_INTERRUPTED
    except BrokenPipeError:
        raise  # not a failure to tell of: `main` ends quietly
    except Exception as error:
        message, code = failures.one_line(error)
        if args.debug:
            traceback.print_exc()
        print(f"askaround: {message}", file=sys.stderr)
        return code
