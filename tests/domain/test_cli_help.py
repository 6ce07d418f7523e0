"""Every `askaround` command, down to `import people` and `skills alias`, says what it does in
its `--help`, and explains each of its arguments."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from bot.runtime.cli import build_parser

pytestmark = pytest.mark.database_independent


def commands(
    parser: argparse.ArgumentParser, name: str = "askaround"
) -> Iterator[tuple[str, argparse.ArgumentParser, dict[str, str]]]:
    """Each parser in the tree, its full name, and the one-line help its parent lists for each
    of its own subcommands."""
    listed: dict[str, str] = {}
    children: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {a.dest: a.help or "" for a in action._choices_actions}
            children = list(action.choices.items())
    yield name, parser, listed
    for child_name, child in children:
        yield from commands(child, f"{name} {child_name}")


def test_every_command_has_a_description_and_a_line_in_its_parents_list() -> None:
    for name, parser, listed in commands(build_parser()):
        assert parser.description, f"`{name} --help` says nothing about what it does"
        for child, line in listed.items():
            assert line.strip(), f"`{name} --help` lists `{child}` without a line of help"


def test_every_argument_is_explained() -> None:
    for name, parser, _ in commands(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            what = "/".join(action.option_strings) or action.metavar or action.dest
            assert action.help, f"`{name} --help` does not explain {what}"


def test_debug_is_accepted_after_every_command() -> None:
    """`--debug` after the command, as the docs say, also after `import people FILE`."""
    parser = build_parser()
    for argv in (
        ["migrate", "--debug"],
        ["import", "people", "people.csv", "--debug"],
        ["skills", "alias", "k8s", "kubernetes", "--debug"],
    ):
        assert parser.parse_args(argv).debug is True, argv
