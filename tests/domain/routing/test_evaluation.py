"""The routing evaluation in process, on the small community `test_eval_command` writes: the
dataset is checked line by line, loaded through storage, and the engine ranks the gold
answerer better than popularity. (The subprocess tests check what a user sees of the same.)"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.evaluation import (
    TEAM_ID,
    Dataset,
    DatasetError,
    evaluate,
    full_ranking,
    load_dataset,
    read_dataset,
    solved_questions,
)
from bot.routing.loading import load_index
from tests.domain.routing.test_eval_command import write_fixture


async def test_the_engine_ranks_the_gold_answerer_above_popularity(
    tmp_path: Path, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Every metric is a fraction, the engine beats popularity on MRR and R@3, and the full
    ranking starts with the engine's own suggestions and lists nobody twice."""
    write_fixture(tmp_path)
    dataset = read_dataset(tmp_path)
    await load_dataset(sessions, dataset)
    index = await load_index(sessions, TEAM_ID)
    engine, popularity, bm25 = evaluate(index, dataset).methods
    assert (engine.method, popularity.method, bm25.method) == ("engine", "popularity", "bm25")
    for metrics in (engine, popularity, bm25):
        for value in (metrics.p_at_1, metrics.r_at_3, metrics.r_at_10, metrics.mrr):
            assert 0.0 <= value <= 1.0
        assert metrics.p99_ms >= metrics.p50_ms >= 0.0
    assert engine.mrr > popularity.mrr + 0.2
    assert engine.r_at_3 > popularity.r_at_3

    question = dataset.questions[0]
    top = [s.user_id for s in index.suggest(str(question["text"]), str(question["asker"]))]
    ranking = full_ranking(index, index.score(str(question["text"])), str(question["asker"]), top)
    assert ranking[: len(top)] == top
    assert len(ranking) == len(set(ranking))


def _stressed(dataset: Dataset, kind: str) -> None:
    """Another kind of community from the same people: one where the words say nothing of
    who answers (texts shuffled among questions), or one where a single person accepts most
    answers (a star, as on small sites)."""
    rng = random.Random(1)
    rows = dataset.history + dataset.questions
    if kind == "shuffled":
        texts = [row["text"] for row in rows]
        rng.shuffle(texts)
        for row, text in zip(rows, texts, strict=True):
            row["text"] = text
    else:
        for row in rows:
            if rng.random() < 0.6:
                row["accepted"], row["answered_by"] = "U0", ["U0"]


@pytest.mark.parametrize("kind", ["shuffled", "star"])
async def test_the_engine_stays_above_popularity_where_words_say_little(
    tmp_path: Path, sessions: async_sessionmaker[AsyncSession], kind: str
) -> None:
    """The engine never routes worse than asking the most active people, even where its text
    evidence is noise or one person answers most (the issue's floor, on any community)."""
    write_fixture(tmp_path)
    dataset = read_dataset(tmp_path)
    _stressed(dataset, kind)
    await load_dataset(sessions, dataset)
    index = await load_index(sessions, TEAM_ID)
    engine, popularity, _ = evaluate(index, dataset).methods
    assert engine.mrr >= popularity.mrr
    assert engine.r_at_3 >= popularity.r_at_3


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("history.jsonl", "{not json", r"history\.jsonl:201: bad JSON \(.+ column 2\)"),
        ("history.jsonl", "[1, 2]", r"history\.jsonl:201: expected a JSON object"),
        ("people.jsonl", json.dumps({"user": "UX"}), r"people\.jsonl: object \d+ lacks skills"),
        ("questions.jsonl", json.dumps({"id": "Q"}), r"questions\.jsonl: object \d+ lacks asker"),
        (
            "people.jsonl",
            json.dumps({"user": "UX", "skills": {"sql": "high"}}),
            r"people\.jsonl: object \d+: skills must map each name to a level 1-5",
        ),
    ],
)
def test_a_bad_line_is_named_with_its_file_and_place(
    tmp_path: Path, name: str, line: str, problem: str
) -> None:
    """Each malformed line is refused with the file, where, and what is wrong."""
    write_fixture(tmp_path)
    with (tmp_path / name).open("a") as handle:
        handle.write(line + "\n")
    with pytest.raises(DatasetError, match=problem):
        read_dataset(tmp_path)


def test_history_answered_but_never_accepted_still_counts(tmp_path: Path) -> None:
    """Other communities' dumps hold questions answered but never accepted, and rows without
    an id: the first to answer is the helper, the others answered, and only a question
    nobody answered is left out; the file is read, not refused."""
    write_fixture(tmp_path)
    rows = [
        {"asker": "UQ1", "text": "tempdb growth\nwhy", "answered_by": ["U21", "U0"]},
        {"asker": "UQ2", "text": "binlog size", "answered_by": ["U11"], "accepted": None},
        {"asker": "UQ3", "text": "nobody knew", "answered_by": [], "accepted": None},
    ]
    with (tmp_path / "history.jsonl").open("a") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)
    dataset = read_dataset(tmp_path)
    solved = solved_questions(dataset.history)
    assert len(solved) == len(dataset.history) - 1
    first, second = solved[-2:]
    assert (first.helper_user_id, first.answerer_user_ids) == ("U21", ("U21", "U0"))
    assert (second.helper_user_id, second.answerer_user_ids) == ("U11", ("U11",))
    assert solved[0].created_at is not None and first.created_at is not None
    assert first.created_at > solved[0].created_at


def _numbered(folder: Path) -> None:
    """The fixture as a dump that numbers its users: "U12" becomes 12 everywhere."""
    numbers: dict[str, int] = {}

    def number(user: str) -> int:
        return numbers.setdefault(user, len(numbers) + 1)

    for name in ("people.jsonl", "history.jsonl", "questions.jsonl"):
        rows = [json.loads(line) for line in (folder / name).read_text().splitlines()]
        for row in rows:
            for key in ("user", "asker", "accepted"):
                if key in row:
                    row[key] = number(row[key])
            if "answered_by" in row:
                row["answered_by"] = [number(u) for u in row["answered_by"]]
        (folder / name).write_text("".join(json.dumps(row) + "\n" for row in rows))


async def test_numbered_users_are_scored_like_named_ones(
    tmp_path: Path, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """A dump whose user ids are numbers is scored, not silently left with nothing to score:
    7 in questions.jsonl is the person 7 of people.jsonl."""
    (tmp_path / "named").mkdir()
    (tmp_path / "numbered").mkdir()
    write_fixture(tmp_path / "named")
    named = read_dataset(tmp_path / "named")
    write_fixture(tmp_path / "numbered")
    _numbered(tmp_path / "numbered")
    dataset = read_dataset(tmp_path / "numbered")
    assert dataset.questions[0]["accepted"] == str(dataset.questions[0]["accepted"])
    await load_dataset(sessions, dataset)
    index = await load_index(sessions, TEAM_ID)
    engine, popularity, _bm25 = evaluate(index, dataset).methods
    assert len(dataset.questions) == len(named.questions)
    assert engine.mrr > popularity.mrr + 0.2


def test_skills_without_levels_or_out_of_range_are_read(tmp_path: Path) -> None:
    """Other dumps keep skills as a plain list of names, or levels on another scale: a list
    declares each at the middle level, and a level is brought into 1-5."""
    write_fixture(tmp_path)
    with (tmp_path / "people.jsonl").open("a") as handle:
        handle.write(json.dumps({"user": "UL", "skills": ["sql", "mysql"]}) + "\n")
        handle.write(json.dumps({"user": "UR", "skills": {"sql": 0, "oracle": 9.6}}) + "\n")
        handle.write(json.dumps({"user": "UN", "skills": None}) + "\n")
    people = {p["user"]: p["skills"] for p in read_dataset(tmp_path).people}
    assert people["UN"] == {}
    assert people["UL"] == {"sql": 3, "mysql": 3}
    assert people["UR"] == {"sql": 1, "oracle": 5}


async def test_a_self_answered_question_is_not_scored(
    tmp_path: Path, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """The asker is never suggested, so a question its asker answered cannot be routed: other
    dumps keep such questions, and they count for no method rather than as a miss for all."""
    write_fixture(tmp_path)
    dataset = read_dataset(tmp_path)
    await load_dataset(sessions, dataset)
    index = await load_index(sessions, TEAM_ID)
    before = evaluate(index, dataset)
    asker = str(dataset.questions[0]["asker"])
    selfish = {"asker": asker, "text": "tempdb growth", "answered_by": [asker], "accepted": asker}
    after = evaluate(index, Dataset(dataset.people, dataset.history, [*dataset.questions, selfish]))
    assert [m.mrr for m in after.methods] == [m.mrr for m in before.methods]
    assert [m.r_at_3 for m in after.methods] == [m.r_at_3 for m in before.methods]


def test_a_folder_with_nothing_to_score_is_refused(tmp_path: Path) -> None:
    """No question's accepted answerer among the people: one line saying so, not a table of
    zeros."""
    write_fixture(tmp_path)
    rows = [json.loads(line) for line in (tmp_path / "questions.jsonl").read_text().splitlines()]
    for row in rows:
        row["accepted"] = "U-nobody"
    (tmp_path / "questions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(DatasetError, match="nothing to score"):
        read_dataset(tmp_path)


def test_a_missing_folder_or_file_is_named(tmp_path: Path) -> None:
    """Not a folder, or a folder without one of the three files: one line naming it."""
    with pytest.raises(DatasetError, match="nowhere does not exist"):
        read_dataset(tmp_path / "nowhere")
    write_fixture(tmp_path)
    (tmp_path / "people.jsonl").unlink()
    with pytest.raises(DatasetError, match=r"people\.jsonl: no such file"):
        read_dataset(tmp_path)


async def test_the_weights_never_see_the_questions_answers(
    tmp_path: Path, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Only people.jsonl and history.jsonl reach the database: the same folder with every
    question to route answered by someone else loads an index with the same fitted weights
    and the same suggestions (questions.jsonl's answers are only the answer key)."""
    write_fixture(tmp_path)
    dataset = read_dataset(tmp_path)
    await load_dataset(sessions, dataset)
    index = await load_index(sessions, TEAM_ID)
    assert index.fitted_on > 0
    other = "U1" if dataset.questions[0]["accepted"] != "U1" else "U2"
    scrambled = Dataset(
        dataset.people,
        dataset.history,
        [{**q, "accepted": other, "answered_by": [other]} for q in dataset.questions],
    )
    await load_dataset(sessions, scrambled, team_id="TOTHER")
    again = await load_index(sessions, "TOTHER")
    assert again.evidence.weights.tolist() == index.evidence.weights.tolist()
    for question in dataset.questions[:10]:
        text, asker = str(question["text"]), str(question["asker"])
        assert index.suggest(text, asker) == again.suggest(text, asker)
