"""A concept has one name (docs/glossary.md): none of the words the glossary replaces comes
back in what askaround says or shows. Scanned: every help text as rendered (`bot.help`, each
command line's `--help`), every string the code of `handlers/` and `bot/` writes (docstrings
and comments aside), the README, `manifest.yml` and the demo's guided tour. Not scanned:
the phrase lists that read what people write (`bot/questions/detect_words/`, `bot/data/`),
and docs/*.md, whose prose also names the code's own words (`Offer`, `TeamSummary`)."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.help import INTRO, SLASH_COMMANDS, help_lines
from bot.runtime.cli.command_line import build_parser
from bot.runtime.cli.report import RENAMED as REPORT_RENAMED
from handlers.surfaces.insights import RENAMED as COMMAND_RENAMED

pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[1]

# (what is no longer said, the one name said instead); case is ignored.
BANNED = [
    (r"\bnetwork insights\b", "insights"),
    (r"/askaround network\b", "/askaround insights"),
    (r"\breport network\b", "report insights"),
    (r"\brecognition\b", "kudos"),
    (r"\bkudo\b", "kudos"),
    (r"\bshout outs?\b|(?<![._`-])\bshoutouts?\b(?![._`])", "shout-out"),
    (r"\b(?:weekly|kudos) summary\b|\bsummary of (?:their|your|the) team", "digest or report"),
    (r"\bresolved questions?\b|\bquestions? (?:is |was |were |are )?resolved\b", "solved"),
    (r"\bmark(?:ed|s)? (?:it |as )?resolved\b", "solved"),
    (r"\bcancel(?:s|led|ling)? (?:a |the |your |my |this )?questions?\b", "withdraw"),
    (r"\bunavailable\b|\bout of (?:the )?office\b", "away"),
    (r"\bcore values?\b", "company values"),
    (r"(?<!find an )(?<!go-to )\bexperts?\b", "colleague (Find an expert is a name)"),
    (r"\b(?:unanswered|open|pending|expired) offers?\b", "requests"),
]
# The two texts that name the old name to say the new one, for one release.
SAYING_THE_NEW_NAME = {COMMAND_RENAMED, REPORT_RENAMED}
NOT_WHAT_ASKAROUND_SAYS = ("bot/questions/detect_words/", "bot/data/")


def _said_in_code() -> Iterator[tuple[str, str]]:
    """(where, text) for every string constant with a space in it (prose, not an identifier
    such as the outbox kind `kudos.shoutout`) that is not a docstring."""
    for root in ("handlers", "bot"):
        for path in sorted((ROOT / root).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name.startswith(NOT_WHAT_ASKAROUND_SAYS):
                continue
            tree = ast.parse(path.read_text())
            docstrings = {
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(
                    node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
                )
                and node.body
                and isinstance(node.body[0], ast.Expr)
                and isinstance(node.body[0].value, ast.Constant)
            }
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and " " in node.value
                    and id(node) not in docstrings
                    and node.value not in SAYING_THE_NEW_NAME
                ):
                    yield f"{name}:{node.lineno}", node.value


def _help_texts() -> Iterator[tuple[str, str]]:
    yield "bot.help.INTRO", INTRO
    for command in SLASH_COMMANDS:
        for has_values in (True, False):
            for line in help_lines(command, has_values=has_values):
                yield f"{command} help", line
    parser = build_parser()
    yield "askaround --help", parser.format_help()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"askaround {name} --help", sub.format_help()


def _pages() -> Iterator[tuple[str, str]]:
    for page in ("README.md", "manifest.yml", "docs/demo-script.txt"):
        for number, line in enumerate((ROOT / page).read_text().splitlines(), 1):
            yield f"{page}:{number}", line


def _found(texts: Iterator[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in texts:
        for banned, preferred in BANNED:
            if said := re.search(banned, text, re.IGNORECASE):
                found.append(f"{where}: {said[0]!r}, say {preferred}")
    return found


def test_no_replaced_word_in_help_texts() -> None:
    found = _found(_help_texts())
    assert not found, "\n".join(found)


def test_no_replaced_word_in_what_the_code_says() -> None:
    found = _found(_said_in_code())
    assert not found, "\n".join(found)


def test_no_replaced_word_in_the_readme_manifest_or_demo() -> None:
    found = _found(_pages())
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("said", "banned"),
    [
        ("Your monthly network insights:", True),
        ("Managers get a weekly summary of their team's recognition.", True),
        ("Question #3 was marked resolved.", True),
        ("the expert's time zone", True),
        ("Use *Find an expert* on a colleague's question.", False),
        ("a level from 1 (curious) to 5 (go-to expert)", False),
        ("`/skills network add @bob as personal`", False),
        ("the outbox kind kudos.shoutout", False),
    ],
)
def test_the_scan_finds_what_it_should_and_only_that(said: str, banned: bool) -> None:
    """The patterns are checked on both sides, so a loosened one cannot pass by finding
    nothing, nor a tightened one fail on a right word."""
    assert bool(_found(iter([("example", said)]))) is banned
