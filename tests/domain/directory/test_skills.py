"""The skill vocabulary: symbols stay distinct, generic aliases are gone, suggestions are fast."""

from __future__ import annotations

import csv
from importlib.resources import files

import pytest

from bot.directory.skills import find_skills, normalise_skill, shipped_vocabulary, skill_key

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_aliases_from_the_issue_resolve_to_one_key() -> None:
    """`k8s`, `js`, `postgres` and friends land on their canonical skill."""
    assert normalise_skill("k8s") == normalise_skill("Kubernetes") == "kubernetes"
    assert normalise_skill("js") == normalise_skill("JavaScript") == "javascript"
    assert normalise_skill("postgres") == normalise_skill("PostgreSQL") == "postgresql"
    assert normalise_skill("golang") == "go"
    assert normalise_skill("Machine Learning") == normalise_skill("machine_learning")


def test_symbols_keep_languages_apart() -> None:
    """`c`, `c#`, `c++`, `.net` and `f#` are five different skills, whatever the case."""
    keys = {normalise_skill(x) for x in ("C", "C#", "C++", ".NET", "F#")}
    assert keys == {"c", "c#", "c++", ".net", "f#"}
    assert normalise_skill("csharp") == "c#" and normalise_skill("cpp") == "c++"
    assert normalise_skill("dotnet") == ".net" and normalise_skill("fsharp") == "f#"


def test_short_generic_aliases_are_not_shipped() -> None:
    """`if → if-statement`, `ui → user-interface` and everyday words are dropped from the file."""
    text = files("bot.data").joinpath("skill_aliases.csv").read_text(encoding="utf-8")
    aliases = {row[0] for row in csv.reader(text.splitlines()[1:])}
    for generic in ("if", "ui", "for", "new", "so", "fast", "map", "else", "while"):
        assert generic not in aliases
        assert normalise_skill(generic) in (None, generic)
    assert normalise_skill("if") is None and normalise_skill("ui") is None
    assert len(aliases) > 4000


def test_unknown_names_are_none_and_keys_are_stable() -> None:
    """A name the vocabulary lacks is None; `skill_key` only lowercases and joins words."""
    assert normalise_skill("underwater basket weaving") is None
    assert skill_key("  Incident  Management ") == "incident-management"
    assert skill_key("python.") == "python"


def test_typeahead_ranks_prefixes_first() -> None:
    """`kub` offers Kubernetes first, `post` PostgreSQL (how fast: `benchmarks/typeahead.py`,
    figure 24, a few milliseconds of CPU a prefix)."""
    vocabulary = shipped_vocabulary()
    for query in ("kub", "post", "terr", "pyth", "c#", "js"):
        assert vocabulary.suggest(query)
    assert vocabulary.suggest("kub")[0].key == "kubernetes"
    assert vocabulary.suggest("post")[0].key == "postgresql"
    assert vocabulary.suggest("js")[0].key == "javascript"


def test_did_you_mean_catches_typos_not_other_skills() -> None:
    """A typo of a known skill is caught; a known skill or a short name is not questioned."""
    vocabulary = shipped_vocabulary()
    near = vocabulary.did_you_mean("kubernets")
    assert near is not None and near.key == "kubernetes"
    assert vocabulary.did_you_mean("terraform") is None
    assert vocabulary.did_you_mean("c") is None


def test_skills_are_found_in_free_text() -> None:
    """A question's skills come out in order; lowercase everyday words (`go`) are not skills."""
    found = find_skills("How do I rotate k8s secrets with Terraform? C# or C++?")
    assert found[-4:] == ["kubernetes", "terraform", "c#", "c++"]
    assert "go" not in find_skills("where do I go for lunch")
    assert find_skills("Go generics") == ["go", "generics"]
    only = shipped_vocabulary().find_in("rotate k8s secrets", only={"kubernetes"})
    assert only == ["kubernetes"]


def test_workspace_overlay_wins() -> None:
    """A workspace alias and a declared skill take precedence over the shipped vocabulary."""
    vocabulary = shipped_vocabulary().overlay({"hiring": "Hiring"}, {"infra": "terraform"})
    assert vocabulary.normalise("infra") == "terraform"
    assert vocabulary.normalise("hiring") == "hiring"
    assert vocabulary.suggest("hir")[0].key == "hiring"
