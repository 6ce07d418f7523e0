"""The tokeniser keeps the symbols that name technologies and folds tags into text."""

from __future__ import annotations

import pytest

from bot.routing.text import tokens
from bot.routing.vocabulary import Vocabulary

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_symbols_survive() -> None:
    """c#, c++, .net, f# and node.js stay distinct tokens instead of collapsing to c/net/node."""
    assert tokens("Is C# faster than C++ or F# on .NET? Or Node.js, or plain C?") == [
        "c#",
        "faster",
        "c++",
        "f#",
        ".net",
        "node.js",
        "plain",
        "c",
    ]


def test_hyphenated_tags_fold_into_text() -> None:
    """A tag `sql-server` and the words `SQL Server` give the same tokens; plurals fold."""
    assert tokens("sql-server") == tokens("SQL Server") == ["sql", "server"]
    assert tokens("indexes queries tables") == ["index", "query", "table"]


def test_vocabulary_finds_aliases_symbols_and_phrases() -> None:
    """Aliases map to their skill, and c# is not mistaken for c or c++."""
    vocabulary = Vocabulary(
        {"kubernetes": "Kubernetes", "c#": "C#", "c": "C", "sql-server": "SQL Server"},
        {"k8s": "kubernetes"},
    )
    found = vocabulary.find(tokens("Deploying a C# service on k8s against SQL Server"))
    assert found == ["c#", "kubernetes", "sql-server"]


def test_vocabulary_forgives_typos_only_in_unknown_words() -> None:
    """`postgrsql` (never seen in the workspace) is read as postgresql; known words are not."""
    vocabulary = Vocabulary({"postgresql": "PostgreSQL"})
    assert vocabulary.find(tokens("tuning postgrsql")) == ["postgresql"]
    assert vocabulary.find(tokens("tuning postgrsql"), known=lambda term: True) == []


def test_shipped_aliases_find_declared_skills() -> None:
    """`postgres` and `mssql` (shipped aliases) reach the skills people declared; an alias
    of a skill nobody declared finds nothing."""
    vocabulary = Vocabulary({"postgresql": "postgresql", "sql-server": "sql-server"}, shipped=True)
    assert vocabulary.find(tokens("postgres or mssql? and k8s")) == ["postgresql", "sql-server"]
    assert Vocabulary({"postgresql": "postgresql"}).find(tokens("postgres")) == []


def test_a_question_about_kubectl_reaches_kubernetes() -> None:
    """`kubectl` is Kubernetes' own command: a question naming only it is about Kubernetes."""
    vocabulary = Vocabulary({"kubernetes": "Kubernetes"}, shipped=True)
    assert vocabulary.find(tokens("kubectl can't reach the staging cluster")) == ["kubernetes"]


def test_a_namespaced_skill_is_found_without_its_namespace() -> None:
    """`ag.algebraic-geometry` and `db.postgres` are found as "algebraic geometry" and
    "postgres"; names with a dot of their own (node.js, asp.net) are not cut."""
    vocabulary = Vocabulary(
        {key: key for key in ("ag.algebraic-geometry", "db.postgres", "node.js", "asp.net")}
    )
    found = vocabulary.find(tokens("Algebraic geometry in postgres, with js and net"))
    assert found == ["ag.algebraic-geometry", "db.postgres"]
    assert vocabulary.find(tokens("node.js and asp.net")) == ["node.js", "asp.net"]
