"""Every slash command example a newcomer is shown works as typed: the usage lines of
`bot/help.py` (Slack's help, the Home tab, the README's table), the other commands the
README names, each alternative of manifest.yml's usage hints, the forms the help lines list
in words (`for 2 weeks`, `last quarter`, `W47`), and the commands the bot's own answers to
those suggest. Each runs in the demo (the local Slack emulator and the real bot, a company of
30), typed by whom its line is for, and must get an answer that is no refusal."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.help import SLASH_COMMANDS, usages
from tests.e2e.test_demo import _demo_here
from tests.test_manifest import spelled_out

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[2]
COMMANDS = "|".join(re.escape(c.removeprefix("/")) for c in SLASH_COMMANDS)
SHOWN = re.compile(rf"`(/(?:{COMMANDS})\b[^`]*)`")

# The people an example names that the demo's company has not, as a reader picks a colleague
# of their own; `#value` is one of its values.
STAND_INS = {
    "@ana": "@alice",
    "@someone": "@bob",
    "@colleague": "@bob",
    "@name": "@bob",
    "@manager": "@maria",
    "#value": "#teamwork",
}
# The forms a usage's summary lists in words, each as it is typed; the words that name it in
# the summary first.
IN_WORDS: dict[str, dict[str, str]] = {
    "/skills away until next friday": {
        "`until YYYY-MM-DD`": f"/skills away until {date.today() + timedelta(days=20):%Y-%m-%d}",
        "`until tomorrow`": "/skills away until tomorrow",
        "`until friday`": "/skills away until friday",
        "`until 24 dec`": "/skills away until 24 dec",
        "`for 2 weeks`": "/skills away for 2 weeks",
    },
    "/skills interests rust, data viz": {
        "`none` clears": "/skills interests none",
        "alone, shows them": "/skills interests",
    },
    "/skills network add @bob as personal": {
        "functional": "/skills network add @dev as functional",
        "strategic": "/skills network add @emma as strategic",
    },
    "/kudos top month #craft": {
        "this or last week": "/kudos top last week",
        "month": "/kudos top last month",
        "quarter": "/kudos top quarter",
        "or year": "/kudos top last year",
        "all time": "/kudos top all time",
        "optionally one value": "/kudos top month",
    },
    "/kudos report last week @maria": {
        "this week": "/kudos report this week",
        "2026-W47": "/kudos report 2026-W47",
        "W47": "/kudos report W47",
    },
}
# What the README shows as a slip, answered with what it most likely meant.
SLIPS = {"/kudos tpo month": "a slip in one, `/kudos tpo month`"}
REFUSED = (":warning:", "I don't know", "Did you mean", "I can't", "not a valid command")


def typed_by(example: str) -> str:
    """Whom the example is for: what the help says is for admins by an admin, for managers by a
    manager (each other one's own as well), the rest by a colleague with no role."""
    if re.match(r"/askaround settings|/ask (?:un)?watch", example):
        return "hana"
    if re.match(r"/kudos report|/askaround insights", example):
        return "maria"
    return "carol"


def as_typed(example: str) -> str:
    for placeholder, stand_in in STAND_INS.items():
        example = re.sub(rf"{re.escape(placeholder)}\b", stand_in, example)
    # `/ask withdraw 12`: the number of one's own question, the demo's first.
    return re.sub(r"^/ask withdraw \d+$", "/ask withdraw 1", example)


def shown_to_newcomers() -> list[str]:
    """The help's examples in its order (the question before `withdraw`), then the README's,
    the usage hints' and the forms listed in words."""
    examples = [usage.example for usage in usages()]
    readme = " ".join((ROOT / "README.md").read_text().split())
    examples += [e for e in SHOWN.findall(readme) if e not in SLIPS or SLIPS[e] not in readme]
    manifest: dict[str, Any] = yaml.safe_load((ROOT / "manifest.yml").read_text())
    for declared in manifest["features"]["slash_commands"]:
        examples += [
            f"{declared['command']} {typed}" for typed in spelled_out(declared["usage_hint"])
        ]
    examples += [typed for forms in IN_WORDS.values() for typed in forms.values()]
    return list(dict.fromkeys(" ".join(e.split()) for e in examples))


def answers(out: str) -> dict[str, str]:
    """What the demo showed after each line typed, by the line."""
    shown: dict[str, str] = {}
    for chunk in out.split("\n> ")[1:]:
        line, _, said = chunk.partition("\n")
        shown[line] = said
    return shown


def run(examples: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    lines = [f"@{typed_by(e)}: {as_typed(e)}" for e in examples]
    result = _demo_here("\n".join(lines) + "\n", tmp_path, monkeypatch)
    shown = answers(result.stdout)
    return {e: shown.get(line, "(not run)") for e, line in zip(examples, lines, strict=True)}


def test_the_forms_listed_in_words_are_the_summaries() -> None:
    """Each form `IN_WORDS` types is named in its usage's summary, so a summary that changes
    what it lists changes what this test types."""
    summaries = {usage.example: usage.summary for usage in usages()}
    for example, forms in IN_WORDS.items():
        for words, typed in forms.items():
            assert words in summaries[example], (example, words)
            # A form in code is what follows the command as typed (`until friday`).
            if re.fullmatch(r"`[^`]*`", words) and "YYYY" not in words:
                assert typed.endswith(" " + words.strip("`")), (words, typed)


def test_every_example_shown_works_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = shown_to_newcomers()
    said = run(examples, tmp_path, monkeypatch)
    assert "Question #1." in said[SLASH_COMMANDS["/ask"][0].example]
    refused = {e: a for e, a in said.items() if any(r in a for r in REFUSED) or not a.strip()}
    assert not refused, refused
    # What those answers suggest typing next, but for templates (`/kudos @name for …`).
    suggested = {
        " ".join(s.split())
        for answer in said.values()
        for s in SHOWN.findall(answer)
        if "…" not in s and not re.search(r"\b(?:name|topic)\b|[\[{<]|@$", s)
    } - set(examples)
    if not suggested:
        return
    (tmp_path / "next").mkdir()
    followed = run(sorted(suggested), tmp_path / "next", monkeypatch)
    refused = {e: a for e, a in followed.items() if any(r in a for r in REFUSED) or not a.strip()}
    assert not refused, refused
