"""The README tells the truth: its tables come from the same help text the code uses."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bot.help import usages
from bot.runtime.cli.command_line import build_parser
from bot.settings import SETTINGS

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text()


def test_every_slash_command_usage_is_in_the_readme() -> None:
    """Each usage line of `bot/help.py` appears in the README with its summary."""
    for usage in usages():
        assert f"| `{usage.example}` | {usage.summary} |" in README


def test_every_setting_is_documented() -> None:
    """The configuration table names every variable, with its help text."""
    for setting in SETTINGS:
        assert f"`{setting.name}`" in README and setting.help in README


def test_the_configuration_table_gives_each_setting_s_default() -> None:
    """The README's default is the one the bot takes: `SETTINGS`' own, `required` when it has
    none, `(empty)` for an empty one; the OAuth scopes' is named, not listed."""
    rows = {
        cells[0].strip("`"): cells[1]
        for line in README.splitlines()
        if line.startswith("| `")
        for cells in [[c.strip() for c in line.strip("|").split(" | ")]]
    }
    for setting in SETTINGS:
        if setting.name == "SLACK_SCOPES":
            assert rows[setting.name] == "the manifest's bot scopes"
        elif setting.default is None:
            assert rows[setting.name].startswith("required"), setting.name
        else:
            assert rows[setting.name] == (f"`{setting.default}`" if setting.default else "(empty)")


def test_every_cli_subcommand_is_documented() -> None:
    """Each `askaround` subcommand appears in the README's command-line section."""
    subparsers = build_parser()._subparsers
    assert subparsers is not None
    for action in subparsers._group_actions:
        for name in getattr(action, "choices", {}) or {}:
            assert f"    {name}" in README, name


def test_the_command_line_section_is_askaround_help(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's `askaround --help` is the one the command prints, 100 columns wide."""
    monkeypatch.setenv("COLUMNS", "100")
    shown = README.split("## Command line\n\n```text\n", 1)[1].split("```", 1)[0]
    assert shown == build_parser().format_help()


def test_the_two_commands_exist_and_ci_runs_the_test_command() -> None:
    """The README's two commands are real scripts, and `.ci/run` runs the test one."""
    root = Path(__file__).parents[1]
    assert "bash scripts/demo" in README and "bash scripts/test" in README
    assert (root / "scripts" / "demo").is_file() and (root / "scripts" / "test").is_file()
    assert "bash scripts/test" in (root / ".ci" / "run").read_text()


def test_the_test_command_has_help() -> None:
    """`bash scripts/test --help` set up the venv, linted, built the wheel, ran mypy and
    printed pytest's own help twice; it now says what the script does and exits, as `bash
    scripts/demo --help` does (its help is `askaround demo --help`)."""
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "test"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: bash scripts/test"), result.stdout[:300]
    assert "ASKAROUND_TEST_DATABASE_URL" in result.stdout and "pytest [options]" not in (
        result.stdout
    )


def _anchors(markdown: str) -> set[str]:
    """GitHub's anchor for each heading: lower case, punctuation dropped, spaces as dashes."""
    headings = re.findall(r"^#+\s+(.+?)\s*$", markdown, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize(
    "page", ["README.md", *(f"docs/{p.name}" for p in sorted(ROOT.glob("docs/*.md")))]
)
def test_every_link_to_a_file_in_the_repository_resolves(page: str) -> None:
    """A link to a file in the repository, from the README or a page in docs/, names a file
    that is there (relative to the page, as GitHub reads it), and a heading it has."""
    path = ROOT / page
    for link in re.findall(r"\]\(([^)\s]+)\)", path.read_text()):
        if re.match(r"[a-z]+:", link):
            continue
        target, _, anchor = link.partition("#")
        linked = (path.parent / target) if target else path
        assert linked.exists(), f"{page} links to {link}, which is not there"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(linked.read_text()), f"{page}: no heading for {link}"


_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number(words: str) -> int:
    """`thirty-five` is 35: the README writes its counts in words."""
    tens, _, unit = words.partition("-")
    if tens in _TENS:
        return _TENS.index(tens) * 10 + (_UNITS.index(unit) if unit else 0)
    return (_UNITS + _TEENS).index(tens)


def test_the_readme_counts_the_question_detectors_held_out_sets() -> None:
    """The README said the detector's page "has all twenty-two" sets when it had a tuning set
    and thirty-five held out: the count it gives is that of the held-out sets the page's table
    lists, each a file in tests/data."""
    said = re.search(r"has all ([a-z-]+)(?: held-out sets)?\)", README)
    assert said, "the README's Questions, noticed paragraph no longer counts the sets"
    table = (ROOT / "docs" / "question-detector.md").read_text()
    row = r"^\| `(tests/data/questions_holdout\w*\.jsonl)` \(held out"
    held_out = re.findall(row, table, re.M)
    assert all((ROOT / path).is_file() for path in held_out)
    assert len(held_out) == len(list(ROOT.glob("tests/data/questions_holdout*.jsonl")))
    assert _number(said.group(1)) == len(held_out)


def _span(figures: list[float]) -> str:
    return f"{min(figures):.2f}–{max(figures):.2f}"


def test_the_readme_gives_the_newest_four_held_out_sets_first_sight_figures() -> None:
    """The README gave sets 32–35's first-sight range (precision 0.74–0.92, recall 0.44–0.97)
    as "the newest four" after the thirty-sixth and thirty-seventh were added: its range is
    that of the last four rows of the detector page's table, as each row says it measured."""
    said = re.search(
        r"On the newest four\s+sets.*?precision\s+(\S+)\s+and\s+recall\s+(\S+)\s+on\s+first",
        README,
        re.S,
    )
    assert said, "the README no longer gives the newest four sets' first-sight figures"
    table = (ROOT / "docs" / "question-detector.md").read_text()
    rows = re.findall(r"^\| `tests/data/questions_holdout\w*\.jsonl` \(held out.*$", table, re.M)
    first_sight = [re.search(r"(\d\.\d{3}) / (\d\.\d{3}) on first sight", row) for row in rows[-4:]]
    assert all(first_sight), "a newest set's row no longer says what it measured on first sight"
    precision = [float(m.group(1)) for m in first_sight if m]
    recall = [float(m.group(2)) for m in first_sight if m]
    assert (said.group(1), said.group(2)) == (_span(precision), _span(recall))


_REPO_PATH = re.compile(
    r"`((?:bot|handlers|storage|tests|benchmarks|scripts|deploy|emulator|docs|tools|\.ci)"
    r"/[\w./-]+)[`:]"
)


@pytest.mark.parametrize(
    "page", ["README.md", *(f"docs/{p.name}" for p in sorted(ROOT.glob("docs/*.md")))]
)
def test_every_file_a_page_names_is_in_the_repository(page: str) -> None:
    """A file a page names in code (`bot/visibility.py`, `tests/slack/test_insights.py: …`) is
    there, as a link's is: a renamed module leaves no page pointing at nothing. What a
    benchmark writes when it runs (`benchmarks/results/…`, `benchmarks/.venvs/…`) is not."""
    generated = ("benchmarks/results/", "benchmarks/.venvs/")
    for path in _REPO_PATH.findall((ROOT / page).read_text()):
        path = path.rstrip(".")
        if not path.startswith(generated):
            assert (ROOT / path).exists(), f"{page} names {path}, which is not there"


def test_the_exit_codes_deploy_md_names_are_the_cli_s() -> None:
    """docs/deploy.md's "When the command line fails" says which code each kind of failure
    exits with; each is the constant `bot/runtime/cli/failures.py` gives that kind."""
    from bot.runtime.cli import failures

    page = (ROOT / "docs" / "deploy.md").read_text()
    section = page.split("## When the command line fails", 1)[1].split("\n## ", 1)[0]
    said = re.search(
        r"exits non-zero: (\d+) for\s+a setting.*?\), (\d+) for the rest", section, re.S
    )
    assert said, "deploy.md no longer says which code a setting, a slip and the rest exit with"
    assert int(said.group(1)) == failures.EXIT_CONFIG == failures.EXIT_USAGE
    assert int(said.group(2)) == failures.EXIT_FAILED
    piped = re.search(r"SIGPIPE stopped, (\d+)", section)
    assert piped and int(piped.group(1)) == failures.EXIT_PIPE_CLOSED


def test_the_readme_s_routing_figures_are_routing_md_s() -> None:
    """The README's MRR ranges (the engine's, and the better baseline's, on each community) and
    its word on the smallest community are those of docs/routing.md's table: it said popularity
    "still routes as well or better" there after the engine had come to lead it."""
    said = re.search(
        r"MRR (\S+)–(\S+) against\s+(\S+)–(\S+) for the better of the two\);.*?"
        r"\((\d+) questions: MRR (\S+) against (\S+),",
        README,
        re.S,
    )
    assert said, "the README no longer gives the routing figures"
    page = (ROOT / "docs" / "routing.md").read_text()
    table = page.split("| site | method | P@1 | R@3 | R@10 | MRR |", 1)[1].split("\n\n", 1)[0]
    mrr: dict[tuple[str, str], float] = {}
    sizes: dict[str, int] = {}
    for site, method, last in re.findall(
        r"^\| (\w+)[^|]*\| ([^|]+?) \|(?: [^|]+ \|){3} \**([0-9.]+)\** \|$", table, re.M
    ):
        mrr[site, method.replace("*", "").split(" (")[0]] = float(last)
    for site, questions in re.findall(r"^\| (\w+) \((\d+)(?: questions)?,", table, re.M):
        sizes[site] = int(questions)
    sites = {site for site, _ in mrr}
    engine = [mrr[s, "engine, now"] for s in sites]
    best = [max(mrr[s, "popularity"], mrr[s, "bm25"]) for s in sites]
    assert [float(said.group(i)) for i in range(1, 5)] == [
        min(engine),
        max(engine),
        min(best),
        max(best),
    ]
    smallest = min(sizes, key=sizes.__getitem__)
    assert int(said.group(5)) == sizes[smallest]
    assert float(said.group(6)) == mrr[smallest, "engine, now"]
    assert float(said.group(7)) == mrr[smallest, "popularity"]


_DOTTED_NAME = re.compile(r"`((?:bot|handlers|storage|emulator|benchmarks|tools)(?:\.\w+)+)[`(]")


@pytest.mark.parametrize(
    "page", ["README.md", *(f"docs/{p.name}" for p in sorted(ROOT.glob("docs/*.md")))]
)
def test_every_python_name_a_page_names_is_there(page: str) -> None:
    """A module, or a name in one, that a page names in code (`bot.visibility.may_configure`)
    can be imported: docs/kudos.md named `storage.kudos.tied_with` after it had moved to
    `storage.kudos_summaries`, which the file check above cannot see."""
    import importlib

    for dotted in sorted(set(_DOTTED_NAME.findall((ROOT / page).read_text()))):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            try:
                found: object = importlib.import_module(".".join(parts[:cut]))
            except ModuleNotFoundError:
                continue
            for name in parts[cut:]:
                assert hasattr(found, name), f"{page} names {dotted}, which is not there"
                found = getattr(found, name)
            break
        else:
            raise AssertionError(f"{page} names {dotted}, which is not there")


def test_the_numbers_the_readme_and_the_help_give_are_the_code_s() -> None:
    """Each number a newcomer reads of how askaround behaves is the one the code uses: how
    long Undo works (the help says it too), how many colleagues are asked and for how long,
    a skill's level when none is given, when the digest and the monthly insights DM are sent,
    and how many settings changes are listed. A change to one leaves the words untrue."""
    import inspect

    from bot.directory.parse import DEFAULT_LEVEL
    from bot.help import SLASH_COMMANDS
    from bot.insights.tell import SEND_HOUR
    from bot.kudos.rules import UNDO_WINDOW
    from bot.workspace_settings.keys import WEEKDAYS
    from bot.workspace_settings.service import WorkspaceSettingsService
    from storage.models.workspace import Workspace

    def default(name: str) -> str:
        return next(s.default or "" for s in SETTINGS if s.name == name)

    def column(name: str) -> object:
        return getattr(Workspace, name).property.columns[0].default.arg

    readme = " ".join(README.split())  # as read, whatever the line breaks
    undo = int(UNDO_WINDOW.total_seconds() // 60)
    give = SLASH_COMMANDS["/kudos"][0].summary
    assert f"(Undo works for {undo} minutes)" in give
    assert f"The giver's **Undo** works for {undo} minutes" in readme
    assert f"{DEFAULT_LEVEL} if omitted" in SLASH_COMMANDS["/skills"][2].summary
    asking = readme.split("- **Asking**", 1)[1].split(" - **", 1)[0]
    assert f"the best {default('ASKAROUND_OFFERS_PER_ROUND')} colleagues are asked" in asking
    assert f"silence for {default('ASKAROUND_OFFER_MINUTES')} working minutes" in asking
    weekday = WEEKDAYS[int(str(column("digest_weekday")))].capitalize()
    assert f"({weekday} {int(str(column('digest_hour'))):02d}:00 in their time zone" in readme
    assert f"on the 1st of each month, at {SEND_HOUR:02d}:00 their time" in readme
    listed = inspect.signature(WorkspaceSettingsService.audit).parameters["limit"].default
    assert f"(the newest {listed}, saying how many older ones it leaves out)" in readme


def test_the_skills_examples_change_something() -> None:
    """`askaround skills --help` offered `skills merge postgresql postgres` and `skills merge
    k8s kubernetes` to copy, each refused whatever the workspace ("A skill cannot be merged
    into itself", "Nobody here declared a skill `k8s`": the vocabulary askaround ships makes
    them one skill), and `skills alias k8s kubernetes` and `tf terraform`, each "already
    means …; nothing changed". Each example, and docs/directory.md's, names two skills the
    shipped vocabulary keeps apart."""
    import argparse
    import shlex

    from bot.directory.skills import shipped_vocabulary, skill_key

    aliases = shipped_vocabulary().aliases

    def meant(name: str) -> str:
        return aliases.get(skill_key(name), skill_key(name))

    def help_of(*path: str) -> str:
        parser = build_parser()
        for name in path:
            [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            parser = sub.choices[name]
        return parser.format_help()

    helps = [help_of("skills"), help_of("skills", "alias"), help_of("skills", "merge")]
    helps.append((ROOT / "docs" / "directory.md").read_text())
    examples = [
        shlex.split(line.split("#", 1)[0])
        for text in helps
        for line in re.findall(r"askaround skills (?:alias|merge) [^`\n]+", text)
        if "ALIAS" not in line and "FROM" not in line
    ]
    assert len(examples) >= 5, examples
    for words in examples:
        first, second = [w for w in words[3:] if not w.startswith("-") and not w.startswith("T0")]
        assert meant(first) != meant(second), " ".join(words)
