"""The compact index behind routing: typed-array lists, the colleague graph, bounded pools."""

from __future__ import annotations

import math

import pytest

from bot.routing import moments, postings, scoring
from bot.routing.engine import RoutingIndex
from bot.routing.graph import ColleagueGraph
from bot.routing.ids import Interner
from bot.routing.loading import index_from_snapshot
from bot.routing.mentions import Mentions
from bot.routing.moments import union_moments
from bot.routing.postings import Postings
from storage.routing import DeclaredSkill, RoutingSnapshot, SolvedQuestion

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_a_bulk_loaded_list_is_sorted_once_and_then_updated_in_place() -> None:
    """Out-of-order appends are merged in arrival order; later additions insert in place."""
    bucket = Postings()
    for doc, weight in ((5, 1.0), (2, 0.5), (5, 2.0), (9, 1.0), (2, 0.25)):
        bucket.add(doc, weight, live=False)
    bucket.tidy()
    assert list(bucket.docs) == [2, 5, 9] and list(bucket.weights) == [0.75, 3.0, 1.0]
    bucket.add(3, 4.0, live=True)
    bucket.add(9, 1.0, live=True)
    bucket.add(9, 7.0, live=True, replace=True)
    assert list(bucket.items()) == [(2, 0.75), (3, 4.0), (5, 3.0), (9, 7.0)]
    assert bucket.get(4) == 0.0 and 3 in bucket and 4 not in bucket


def test_mentions_say_which_words_a_person_holds_once_sorted_and_after() -> None:
    """People come out of order during a load and repeat; a reason's question is yes or no,
    before the load ends, after it, and for people added later."""
    mentions = Mentions()
    for person, text in ((7, "kafka lag"), (2, "kafka"), (7, "kafka"), (4, "lag lag")):
        mentions.add(person, text.split())
    assert mentions.held(7, ["kafka", "lag", "helm"]) == ["kafka", "lag"]
    assert mentions.held(2, ["lag", "kafka"]) == ["kafka"]
    mentions.add(3, ["lag"])
    mentions.add(7, ["lag"])
    assert mentions.held(3, ["kafka", "lag"]) == ["lag"]
    assert mentions.held(5, ["kafka", "lag"]) == []
    assert mentions.held(4, ["lag"]) == ["lag"]


def test_a_long_list_offers_its_best_and_keeps_new_documents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past HEAD entries a query sees the highest-impact ones, plus anything added since."""
    monkeypatch.setattr(postings, "HEAD", 2)
    bucket = Postings()
    for doc in range(5):
        bucket.add(doc, float(doc * 7 % 5), live=False)
    bucket.tidy()
    assert sorted(bucket.best(lambda docs, weights: list(weights))) == [2, 4]
    bucket.add(7, 0.1, live=True)
    assert sorted(bucket.best(lambda docs, weights: list(weights))) == [2, 4, 7]


def test_the_colleague_graph_merges_ties_and_takes_new_ones_after_loading() -> None:
    people = Interner()
    graph = ColleagueGraph(people)
    graph.link("ALICE", "BEN", 1.0)
    graph.link("BEN", "ALICE", 0.5)
    graph.link("BEN", "CAROL", 2.0)
    graph.link("DANA", "DANA", 9.0)
    graph.freeze()
    assert graph.knows("ALICE", "BEN") and not graph.knows("ALICE", "CAROL")
    assert graph.introducer("ALICE", "CAROL") == "BEN"
    graph.link("ERIN", "CAROL", 3.0)
    graph.link("ERIN", "ALICE", 3.0)
    assert graph.introducer("ALICE", "CAROL") == "ERIN"
    assert not graph.knows("DANA", "DANA") and graph.introducer("NOBODY", "CAROL") is None


def test_union_moments_count_a_document_in_several_lists_once() -> None:
    """With a sample that covers the lists, the estimate is the union's exact mean and spread."""
    first, second = Postings(), Postings()
    for doc in (1, 2, 3):
        first.add(doc, 1.0, live=False)
    for doc in (3, 4):
        second.add(doc, 1.0, live=False)
    values = {1: 1.0, 2: 2.0, 3: 6.0, 4: 3.0}

    def value(doc: int) -> tuple[float, int]:
        return values[doc], (doc in first) + (doc in second)

    mean, spread = union_moments([first, second], value)
    assert mean == pytest.approx(3.0)
    assert spread == pytest.approx(math.sqrt(sum((v - 3.0) ** 2 for v in values.values()) / 4))


def _workspace(size: int) -> RoutingIndex:
    people = {f"U{n}": f"Person {n}" for n in range(size)}
    declared = [
        DeclaredSkill(f"U{n}", skill, 1 + n % 5, "declared")
        for n in range(size)
        for skill in ("python", "docker" if n % 2 else "kafka")
    ]
    solved = [
        SolvedQuestion(f"U{(n * 7) % size}", f"python docker build {n % 13}", f"U{n}", ())
        for n in range(size)
    ]
    solved.append(SolvedQuestion("U1", "kafka consumer lag on the ledger topic", "U42", ()))
    names = {"python": "python", "docker": "docker", "kafka": "kafka"}
    return index_from_snapshot("T", RoutingSnapshot(people, names, {}, declared, solved, [], []))


def test_a_small_pool_keeps_the_clear_expert_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """With pools far smaller than the workspace, the one person who solved the question's
    exact problem still comes first, and the pool stays bounded."""
    monkeypatch.setattr(scoring, "PEOPLE_POOL", 20)
    monkeypatch.setattr(scoring, "QUESTION_POOL", 20)
    monkeypatch.setattr(postings, "HEAD", 10)
    monkeypatch.setattr(moments, "SAMPLE", 16)
    index = _workspace(300)
    scored = index.score("kafka consumer lag on the ledger topic")
    assert index.rank(scored, "U1")[0] == "U42"
    assert len(scored.scores) < 100


def test_a_workspace_that_fits_in_the_pool_is_scored_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under the pool sizes the ranking is exactly that of scoring everybody."""
    index = _workspace(120)
    question = "how do we build python with docker?"
    bounded = index.score(question).scores
    monkeypatch.setattr(scoring, "PEOPLE_POOL", 10**9)
    monkeypatch.setattr(scoring, "QUESTION_POOL", 10**9)
    assert index.score(question).scores == bounded


def test_a_list_joins_a_pool_whole_when_its_new_documents_fit() -> None:
    """Documents already pooled are not counted twice against the budget; a list whose new
    ones do not fit gives only its best, and says so."""
    shared = Postings()
    for doc in (3, 4):
        shared.add(doc, 1.0, live=False)
    pool = {1, 2, 3}
    assert postings.add_within(pool, shared, 4, lambda docs, weights: list(weights))
    assert pool == {1, 2, 3, 4}
    fresh = Postings()
    for doc in (5, 6):
        fresh.add(doc, float(doc), live=False)
    assert not postings.add_within(pool, fresh, 5, lambda docs, weights: list(weights))
    assert {5, 6} & pool  # its best joined, the budget decided how many


def test_bulk_work_pauses_every_step_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller on an event loop gets a turn after about STEP entries, never per entry."""
    monkeypatch.setattr(postings, "STEP", 3)
    lists = []
    for size in (2, 2, 2, 1):
        bucket = Postings()
        for doc in range(size):
            bucket.add(doc, 1.0, live=False)
        lists.append(bucket)
    worked: list[int] = []
    pauses = sum(1 for _ in postings.paced(lists, lambda bucket: worked.append(len(bucket))))
    assert worked == [2, 2, 2, 1] and pauses == 2
