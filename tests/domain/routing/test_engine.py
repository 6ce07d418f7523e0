"""Ranking on a real database: the index is loaded through storage exactly as the bot does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.engine import RoutingIndex
from bot.routing.loading import index_from_snapshot, load_index
from bot.routing.vocabulary import Vocabulary
from storage.evidence import declare_skills, record_solved_questions
from storage.models import Connection, Kudos
from storage.people import get_person, upsert_profile
from storage.routing import DeclaredSkill, KudosEvidence, RoutingSnapshot, SolvedQuestion

TEAM = "T1"
NAMES = {"UASK": "Alice", "UBEN": "Ben", "UCAROL": "Carol", "UDAN": "Dana", "UEVE": "Eve"}


async def _people(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        for user_id, name in NAMES.items():
            await upsert_profile(s, TEAM, user_id, real_name=name)


async def test_evidence_beats_a_bare_declaration_and_asker_is_excluded(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Carol, who solved Terraform questions, outranks Eve who only declared it; the asker
    (who also declared it) is never suggested; the reason says both facts in words."""
    await _people(sessions)
    now = datetime.now(UTC)
    async with sessions() as s, s.begin():
        await declare_skills(
            s,
            TEAM,
            {"UCAROL": {"terraform": 4}, "UEVE": {"terraform": 4}, "UASK": {"terraform": 5}},
            at=now,
        )
        await record_solved_questions(
            s,
            TEAM,
            [
                SolvedQuestion("UBEN", f"terraform state lock stuck {n}", "UCAROL", (), now)
                for n in range(3)
            ],
            "C1",
            now,
        )
    index = await load_index(sessions, TEAM)
    suggestions = index.suggest("How do I unlock a stuck terraform state?", "UASK")
    ids = [s.user_id for s in suggestions]
    assert "UASK" not in ids
    assert ids.index("UCAROL") < ids.index("UEVE")
    assert suggestions[0].reason.startswith(
        "declared terraform, level 4; helped with 3 similar questions asked in the last 13 weeks"
    )
    assert suggestions[0].kind == "expert" and suggestions[0].topics == ("terraform",)
    assert index.past_answers("UCAROL") == 3


async def test_recent_help_is_counted_in_a_window_it_names(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Carol helped with two questions asked 89 days ago (last calendar quarter, on most
    days) and one 200 days ago: the reason says which window it counted, not "this quarter"."""
    await _people(sessions)
    now = datetime.now(UTC)
    asked = [now - timedelta(days=89), now - timedelta(days=89), now - timedelta(days=200)]
    async with sessions() as s, s.begin():
        await declare_skills(s, TEAM, {"UEVE": {"terraform": 4}}, at=now)
        await record_solved_questions(
            s,
            TEAM,
            [
                SolvedQuestion("UBEN", f"terraform state lock stuck {n}", "UCAROL", (), at)
                for n, at in enumerate(asked)
            ],
            "C1",
            now,
        )
    index = await load_index(sessions, TEAM)
    [carol] = [
        s
        for s in index.suggest("How do I unlock a stuck terraform state?", "UASK")
        if s.user_id == "UCAROL"
    ]
    assert "helped with 3 similar questions, 2 asked in the last 13 weeks" in carol.reason
    assert "quarter" not in carol.reason


async def test_connectors_when_no_colleague_matches(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Nobody knows PostgreSQL, so Dana, who knows people in the PostgreSQL community, is
    suggested as a connector; her network is private, so the reason does not name it."""
    await _people(sessions)
    async with sessions() as s, s.begin():
        await declare_skills(
            s, TEAM, {"UBEN": {"terraform": 3}, "UDAN": {"postgresql": 1}}, at=datetime.now(UTC)
        )
        dana = await get_person(s, TEAM, "UDAN")
        assert dana is not None
        s.add(
            Connection(
                team_id=TEAM,
                person_id=dana.id,
                contact_name="PostgreSQL community",
                topics=["postgresql"],
            )
        )
    index = await load_index(sessions, TEAM)
    suggestions = index.suggest("Why is my postgresql vacuum so slow?", "UASK")
    connectors = [s for s in suggestions if s.kind == "connector"]
    assert [c.user_id for c in connectors] == ["UDAN"]
    assert connectors[0].reason == "knows someone who can help"
    assert suggestions.index(connectors[0]) == 0


async def test_introduction_path_through_a_common_colleague(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Alice never worked with Carol, but Ben helped Alice and thanked Carol: Ben is the path."""
    await _people(sessions)
    async with sessions() as s, s.begin():
        now = datetime.now(UTC)
        await declare_skills(s, TEAM, {"UCAROL": {"kubernetes": 5}}, at=now)
        await record_solved_questions(
            s, TEAM, [SolvedQuestion("UASK", "expense report approval", "UBEN")], "C1", now
        )
        s.add(
            Kudos(
                team_id=TEAM,
                giver_user_id="UBEN",
                receiver_user_id="UCAROL",
                message="fixed our kubernetes ingress",
                values=["ownership"],
                source="command",
                idempotency_key="k1",
            )
        )
    index = await load_index(sessions, TEAM)
    top = index.suggest("kubernetes ingress returns 502", "UASK", limit=1)[0]
    assert top.user_id == "UCAROL"
    assert top.via_user_id == "UBEN"
    assert "thanked in kudos for kubernetes, ingress" in top.reason
    assert top.introduction == "you don't know Carol, but Ben has worked with both of you"


async def test_record_help_makes_new_evidence(sessions: async_sessionmaker[AsyncSession]) -> None:
    """A question solved after loading counts at once, without reloading the index."""
    await _people(sessions)
    index = await load_index(sessions, TEAM)
    assert index.suggest("gradle build cache misses", "UASK") == []
    index.record_help("UEVE", "UBEN", "gradle build cache misses on CI")
    top = index.suggest("gradle build cache misses", "UASK")[0]
    assert top.user_id == "UEVE"
    assert "helped with 1 similar question" in top.reason
    assert index.topics("a k8s question") == ()
    assert index.past_answers("UEVE") == 1


def test_an_index_that_does_not_explain_scores_the_same() -> None:
    """The fit's temporary index keeps only what scoring reads: it ranks exactly as the real
    one, but holds no public help or thanks by word and no colleague ties."""
    now = datetime.now(UTC)
    solved = [
        SolvedQuestion("UASK", "terraform state lock stuck", "UCAROL", ("UCAROL", "UBEN"), now),
        SolvedQuestion("UBEN", "kubernetes ingress returns 502", "UDAN", (), now),
    ]
    kudos = [KudosEvidence("UBEN", "UCAROL", "fixed our terraform locks", ("ownership",), now)]
    declared = [DeclaredSkill("UEVE", "terraform", 4, "declared")]
    indexes = []
    for explains in (True, False):
        index = RoutingIndex(
            TEAM, NAMES, Vocabulary({"terraform": "Terraform"}, {}), explains=explains
        )
        index.add_declared(declared)
        index.add_history(solved, 0, len(solved))
        index.add_kudos(kudos)
        index.freeze()
        indexes.append(index)
    real, scoring_only = indexes
    asked = "terraform state lock will not release"
    assert scoring_only.score(asked).scores == real.score(asked).scores
    assert real.evidence.shared_terms("UCAROL", ["terraform"]) == ["terraform"]
    assert real.evidence.thanked_terms("UCAROL", ["terraform"]) == ["terraform"]
    assert real.graph.knows("UASK", "UCAROL") and real.graph.knows("UBEN", "UCAROL")
    assert scoring_only.evidence.shared_terms("UCAROL", ["terraform"]) == []
    assert scoring_only.evidence.thanked_terms("UCAROL", ["terraform"]) == []
    assert not scoring_only.graph.knows("UASK", "UCAROL")


def test_a_workspace_writing_in_other_languages_routes_by_its_words() -> None:
    """Accented words (typed with or without accents), Cyrillic, Japanese, which has no
    spaces between words, and Korean, which joins particles to them (데이터베이스를,
    데이터베이스가), all find the colleague who helped with such a question."""
    solved = [
        SolvedQuestion("UASK", "¿Cómo optimizo los índices de la réplica?", "UBEN"),
        SolvedQuestion("UASK", "Как настроить резервное копирование?", "UCAROL"),
        SolvedQuestion("UASK", "本番のレプリケーションが遅れています", "UDAN"),
        SolvedQuestion("UASK", "데이터베이스를 복구하는 방법", "UEVE"),
        SolvedQuestion("UASK", "expense report approval", "UEVE"),
    ]
    snapshot = RoutingSnapshot(NAMES, {}, {}, [], solved, [], [])
    index = index_from_snapshot(TEAM, snapshot)
    asked = {
        "indices lentos en la replica": "UBEN",
        "Резервное копирование не работает": "UCAROL",
        "レプリケーションの設定を教えてください": "UDAN",
        "데이터베이스가 안 열려요": "UEVE",
    }
    for text, helper in asked.items():
        top = index.suggest(text, "UASK", limit=1)
        assert [s.user_id for s in top] == [helper], text
        assert "helped with 1 similar question" in top[0].reason


def test_a_reason_names_the_telling_words_of_any_language() -> None:
    """Spanish little words (`la`, `de`) are no stopwords here, but everybody's kudos have
    them: the reason names what only Ben was thanked for, as the question spells it."""
    now = datetime.now(UTC)
    kudos = [KudosEvidence("UASK", "UBEN", "gracias por la réplica de la base", (), now)]
    kudos += [
        KudosEvidence("UASK", user, "gracias por la ayuda de la semana", (), now)
        for user in ("UCAROL", "UDAN", "UEVE")
    ]
    snapshot = RoutingSnapshot(NAMES, {}, {}, [], [], kudos, [])
    index = index_from_snapshot(TEAM, snapshot)
    top = index.suggest("¿La réplica de la base está caída?", "UASK", limit=1)[0]
    assert top.user_id == "UBEN"
    assert "thanked in kudos for réplica, base" in top.reason


def test_a_reason_quotes_no_pairs_of_characters() -> None:
    """Japanese is matched by pairs of characters, but a pair is no word: Dan's reason names
    the word it can quote."""
    now = datetime.now(UTC)
    kudos = [KudosEvidence("UASK", "UDAN", "terraformのレプリケーションを直してくれた", (), now)]
    snapshot = RoutingSnapshot(NAMES, {}, {}, [], [], kudos, [])
    index = index_from_snapshot(TEAM, snapshot)
    top = index.suggest("terraformのレプリケーションが遅い", "UASK", limit=1)[0]
    assert top.user_id == "UDAN"
    assert top.reason == "thanked in kudos for terraform"
