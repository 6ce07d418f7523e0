"""The question detector, measured: `askaround eval questions` on the shipped labelled sets,
and the rules behind its verdicts (`bot/questions/detect.py`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.questions.detect import LEARNED, explain, looks_like_question, normalise, small_talk
from bot.questions.detect_eval import LabelledSetError, read_labelled
from bot.runtime.cli import main

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

DATA = Path(__file__).parents[2] / "data"
SHIPPED = DATA / "questions.jsonl"
HOLDOUT = DATA / "questions_holdout.jsonl"
HOLDOUT_2 = DATA / "questions_holdout_2.jsonl"
HOLDOUT_3 = DATA / "questions_holdout_3.jsonl"
HOLDOUT_4 = DATA / "questions_holdout_4.jsonl"
HOLDOUT_5 = DATA / "questions_holdout_5.jsonl"
HOLDOUT_6 = DATA / "questions_holdout_6.jsonl"
HOLDOUT_7 = DATA / "questions_holdout_7.jsonl"
HOLDOUT_8 = DATA / "questions_holdout_8.jsonl"
HOLDOUT_9 = DATA / "questions_holdout_9.jsonl"
HOLDOUT_10 = DATA / "questions_holdout_10.jsonl"
HOLDOUT_11 = DATA / "questions_holdout_11.jsonl"
HOLDOUT_12 = DATA / "questions_holdout_12.jsonl"
HOLDOUT_13 = DATA / "questions_holdout_13.jsonl"
HOLDOUT_14 = DATA / "questions_holdout_14.jsonl"
HOLDOUT_15 = DATA / "questions_holdout_15.jsonl"
HOLDOUT_16 = DATA / "questions_holdout_16.jsonl"
HOLDOUT_17 = DATA / "questions_holdout_17.jsonl"
HOLDOUT_18 = DATA / "questions_holdout_18.jsonl"
HOLDOUT_19 = DATA / "questions_holdout_19.jsonl"
HOLDOUT_20 = DATA / "questions_holdout_20.jsonl"
HOLDOUT_21 = DATA / "questions_holdout_21.jsonl"
HOLDOUT_22 = DATA / "questions_holdout_22.jsonl"
HOLDOUT_23 = DATA / "questions_holdout_23.jsonl"
HOLDOUT_24 = DATA / "questions_holdout_24.jsonl"
HOLDOUT_25 = DATA / "questions_holdout_25.jsonl"
HOLDOUT_26 = DATA / "questions_holdout_26.jsonl"
HOLDOUT_27 = DATA / "questions_holdout_27.jsonl"
HOLDOUT_28 = DATA / "questions_holdout_28.jsonl"
HOLDOUT_29 = DATA / "questions_holdout_29.jsonl"
HOLDOUT_30 = DATA / "questions_holdout_30.jsonl"
HOLDOUT_31 = DATA / "questions_holdout_31.jsonl"
HOLDOUT_32 = DATA / "questions_holdout_32.jsonl"
HOLDOUT_33 = DATA / "questions_holdout_33.jsonl"
HOLDOUT_34 = DATA / "questions_holdout_34.jsonl"
HOLDOUT_35 = DATA / "questions_holdout_35.jsonl"
HOLDOUT_36 = DATA / "questions_holdout_36.jsonl"
HOLDOUT_37 = DATA / "questions_holdout_37.jsonl"
HOLDOUT_38 = DATA / "questions_holdout_38.jsonl"
HOLDOUT_39 = DATA / "questions_holdout_39.jsonl"
HOLDOUT_40 = DATA / "questions_holdout_40.jsonl"
HOLDOUT_41 = DATA / "questions_holdout_41.jsonl"
HOLDOUT_42 = DATA / "questions_holdout_42.jsonl"
HOLDOUT_43 = DATA / "questions_holdout_43.jsonl"
HOLDOUT_44 = DATA / "questions_holdout_44.jsonl"
HOLDOUT_45 = DATA / "questions_holdout_45.jsonl"
HOLDOUT_46 = DATA / "questions_holdout_46.jsonl"
HOLDOUT_47 = DATA / "questions_holdout_47.jsonl"
HOLDOUT_48 = DATA / "questions_holdout_48.jsonl"
HOLDOUT_49 = DATA / "questions_holdout_49.jsonl"
HOLDOUT_50 = DATA / "questions_holdout_50.jsonl"
HOLDOUT_51 = DATA / "questions_holdout_51.jsonl"
HOLDOUT_52 = DATA / "questions_holdout_52.jsonl"
HOLDOUT_53 = DATA / "questions_holdout_53.jsonl"
HOLDOUT_54 = DATA / "questions_holdout_54.jsonl"
HOLDOUT_55 = DATA / "questions_holdout_55.jsonl"
HOLDOUT_56 = DATA / "questions_holdout_56.jsonl"
HOLDOUT_57 = DATA / "questions_holdout_57.jsonl"
HOLDOUT_58 = DATA / "questions_holdout_58.jsonl"
HOLDOUT_59 = DATA / "questions_holdout_59.jsonl"
HOLDOUT_60 = DATA / "questions_holdout_60.jsonl"
HOLDOUT_61 = DATA / "questions_holdout_61.jsonl"
HOLDOUT_62 = DATA / "questions_holdout_62.jsonl"
HOLDOUT_63 = DATA / "questions_holdout_63.jsonl"
HOLDOUT_64 = DATA / "questions_holdout_64.jsonl"
HOLDOUT_65 = DATA / "questions_holdout_65.jsonl"
HOLDOUT_66 = DATA / "questions_holdout_66.jsonl"
HOLDOUT_67 = DATA / "questions_holdout_67.jsonl"
HOLDOUT_68 = DATA / "questions_holdout_68.jsonl"
HOLDOUT_69 = DATA / "questions_holdout_69.jsonl"
HOLDOUT_70 = DATA / "questions_holdout_70.jsonl"
HOLDOUT_71 = DATA / "questions_holdout_71.jsonl"
HOLDOUT_72 = DATA / "questions_holdout_72.jsonl"
HOLDOUT_73 = DATA / "questions_holdout_73.jsonl"
HOLDOUT_74 = DATA / "questions_holdout_74.jsonl"
HOLDOUT_75 = DATA / "questions_holdout_75.jsonl"
HOLDOUT_76 = DATA / "questions_holdout_76.jsonl"
HOLDOUT_77 = DATA / "questions_holdout_77.jsonl"
NEGATIVES_ABROAD = DATA / "questions_negatives_abroad.jsonl"


def figures(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, float]:
    """`askaround eval questions PATH`, as typed: its one line of figures."""
    capsys.readouterr()
    assert main(["eval", "questions", str(path)]) == 0
    line = capsys.readouterr().out.strip()
    assert re.fullmatch(r"precision=[0-9.]+ recall=[0-9.]+ n=[0-9]+", line), line
    return {key: float(value) for key, value in (pair.split("=") for pair in line.split())}


def documented(path: Path) -> tuple[float, float]:
    """The precision and recall docs/question-detector.md's table gives for the set: they are
    what the command measures now (the table said 0.940 of the seventh set's precision, and
    0.995 of the tuning set's recall, long after they had become 0.959 and 0.996)."""
    table = (DATA.parents[1] / "docs" / "question-detector.md").read_text()
    name = re.escape(f"tests/data/{path.name}")
    row = re.search(rf"^\| `{name}` .*\| ([0-9.]+) \| ([0-9.]+) \|$", table, re.M)
    assert row, f"docs/question-detector.md's table has no row for {path.name}"
    return float(row.group(1)), float(row.group(2))


@pytest.mark.parametrize(
    ("path", "least", "precise"),
    [
        (SHIPPED, 300, 0.95),
        (HOLDOUT, 120, 0.95),
        (HOLDOUT_2, 75, 0.95),
        (HOLDOUT_3, 55, 0.9),
        (HOLDOUT_4, 100, 0.9),
        (HOLDOUT_5, 100, 0.9),
        (HOLDOUT_6, 100, 0.9),
        (HOLDOUT_7, 100, 0.9),
        (HOLDOUT_8, 100, 0.9),
        (HOLDOUT_9, 80, 0.9),
        (HOLDOUT_10, 90, 0.9),
        (HOLDOUT_11, 90, 0.9),
        (HOLDOUT_12, 100, 0.9),
        (HOLDOUT_13, 110, 0.9),
        (HOLDOUT_14, 120, 0.9),
        (HOLDOUT_15, 120, 0.9),
        (HOLDOUT_16, 120, 0.9),
        (HOLDOUT_17, 120, 0.9),
        (HOLDOUT_18, 120, 0.9),
        (HOLDOUT_19, 120, 0.9),
        (HOLDOUT_20, 120, 0.9),
        (HOLDOUT_21, 120, 0.9),
        (HOLDOUT_22, 190, 0.9),
        (HOLDOUT_23, 180, 0.9),
        (HOLDOUT_24, 200, 0.9),
        (HOLDOUT_25, 220, 0.9),
        (HOLDOUT_26, 200, 0.9),
        (HOLDOUT_27, 200, 0.9),
        (HOLDOUT_28, 210, 0.9),
        (HOLDOUT_29, 200, 0.9),
        (HOLDOUT_30, 200, 0.9),
        (HOLDOUT_31, 210, 0.9),
        (HOLDOUT_32, 200, 0.9),
        (HOLDOUT_33, 218, 0.9),
        (HOLDOUT_34, 218, 0.9),
        (HOLDOUT_35, 208, 0.9),
        (HOLDOUT_36, 236, 0.9),
        (HOLDOUT_37, 227, 0.9),
        (HOLDOUT_38, 200, 0.9),
        (HOLDOUT_39, 200, 0.9),
        (HOLDOUT_40, 210, 0.9),
        (HOLDOUT_41, 190, 0.9),
        (HOLDOUT_42, 200, 0.9),
        (HOLDOUT_43, 200, 0.9),
        (HOLDOUT_44, 200, 0.9),
        (HOLDOUT_45, 200, 0.9),
        (HOLDOUT_46, 200, 0.9),
        (HOLDOUT_47, 200, 0.9),
        (HOLDOUT_48, 200, 0.9),
        (HOLDOUT_49, 200, 0.9),
        (HOLDOUT_50, 200, 0.9),
        (HOLDOUT_51, 200, 0.9),
        (HOLDOUT_52, 200, 0.9),
        (HOLDOUT_53, 200, 0.9),
        (HOLDOUT_54, 200, 0.9),
        (HOLDOUT_55, 200, 0.9),
        (HOLDOUT_56, 200, 0.9),
        (HOLDOUT_57, 200, 0.9),
        (HOLDOUT_58, 200, 0.9),
        (HOLDOUT_59, 200, 0.9),
        (HOLDOUT_60, 200, 0.9),
        (HOLDOUT_61, 200, 0.9),
        (HOLDOUT_62, 200, 0.9),
        (HOLDOUT_63, 200, 0.9),
        (HOLDOUT_64, 200, 0.9),
        (HOLDOUT_65, 200, 0.9),
        (HOLDOUT_66, 200, 0.9),
        (HOLDOUT_67, 195, 0.9),
        (HOLDOUT_68, 200, 0.9),
        (HOLDOUT_69, 195, 0.9),
        (HOLDOUT_70, 195, 0.9),
        (HOLDOUT_71, 195, 0.9),
        (HOLDOUT_72, 195, 0.9),
        (HOLDOUT_73, 195, 0.9),
        (HOLDOUT_74, 125, 0.9),
        (HOLDOUT_75, 115, 0.9),
        (HOLDOUT_76, 120, 0.9),
        (HOLDOUT_77, 115, 0.9),
    ],
)
def test_the_detector_is_precise_on_the_labelled_sets(
    capsys: pytest.CaptureFixture[str], path: Path, least: int, precise: float
) -> None:
    """Recall at least 0.8 with precision at least 0.95 on the set it was tuned on and the first
    two held out, and at least 0.9 on the seventy-five held out that others wrote, each before
    the tuning it measures (docs/question-detector.md has each set's figures on first sight, 0.74
    to 0.98 precision, and after its round's changes, and which writers had seen the detector);
    all mix expert questions with small talk, status questions, requests put to one person or
    a team, statements and thanks, from a quarter asks (a day of channel traffic, as the
    twenty-fifth is) to about two thirds."""
    measured = figures(capsys, path)
    rows = read_labelled(path)
    assert measured["n"] == len(rows) >= least
    assert (measured["precision"], measured["recall"]) == documented(path)
    assert 0.25 < sum(row.expert_question for row in rows) / len(rows) < 0.7
    assert measured["precision"] >= precise and measured["recall"] >= 0.8


def test_messages_abroad_that_ask_no_expertise_raise_no_false_alarm() -> None:
    """Eighty messages in the languages of the twentieth and twenty-first sets, none an ask
    for expertise (rhetorical complaints `kisi ne phir se mera code tod diya?!`, `chi ha mai
    detto che…?`, how the weekend was, favours, status checks, polls, a question answered in
    the same message): eight were flagged on first sight, none now."""
    rows = read_labelled(NEGATIVES_ABROAD)
    assert len(rows) >= 70 and not any(row.expert_question for row in rows)
    assert [row.text for row in rows if looks_like_question(row.text)] == []
    # their near misses still ask: a plain question after the `?!`, who has ever used a thing,
    # `achei que…` (I thought that…) after the question
    assert looks_like_question(
        "Otra vez falla el deploy?! Alguien sabe por qué el job de migraciones se cuelga?"
    )
    assert looks_like_question("Chi ha mai usato Terraform con GCP? Ho problemi con lo state")
    # an exasperated ask is still an ask: only blaming someone for doing it again exclaims
    assert looks_like_question("anyone know why prod keeps dying?!")
    assert looks_like_question("how do I get rid of this error?!")
    assert not looks_like_question("who broke staging again?!")
    assert looks_like_question(
        "Alguém sabe como configurar o proxy do npm? achei que era no .npmrc mas não funciona"
    )


def test_each_miss_and_false_alarm_is_listed_with_its_features(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    labelled = tmp_path / "two.jsonl"
    rows = [("anyone want coffee? ☕", True), ("how do I rotate the postgres credentials?", False)]
    labelled.write_text(
        "".join(json.dumps({"text": t, "expert_question": label}) + "\n" for t, label in rows)
    )
    capsys.readouterr()
    assert main(["eval", "questions", str(labelled), "--verbose"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("missed 0.00 anyone want coffee?")
    assert err[1].startswith("  because: question mark +0.30") and "small talk -1.00" in err[1]
    assert err[2].startswith("false alarm 1.00 how do I rotate")
    assert "asks how +0.45" in err[3] and "learned phrasing +" in err[3]


def test_a_malformed_labelled_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "hi", "expert_question": "yes"}) + "\n")
    with pytest.raises(LabelledSetError, match=r"bad\.jsonl:1"):
        read_labelled(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(LabelledSetError, match=r"empty\.jsonl holds no labelled message"):
        read_labelled(empty)  # it measured precision and recall 1.000 on nothing


@pytest.mark.parametrize(
    "text",
    [
        "Is it just me or is the wifi slow today?",
        "who's going to the offsite?",
        "anyone want coffee?",
        "how was your weekend?",
        "lunch?",
        "<@U03ENG> can you review my PR when you get a chance?",
        "who broke the build? 😅 jk",
        "our terraform plan keeps timing out in CI",
    ],
)
def test_small_talk_rhetoric_and_statements_are_not_questions(text: str) -> None:
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "need help with a flaky integration test in the payments service",
        "how do I get reimbursed for my home office chair",
        "hi all, <!here> does anyone know how to get access to <#C01|finance-reports>?",
        "any idea why `npm ci` fails with ```EINTEGRITY sha512```",
        "can someone explain how <https://wiki.example.com/x|the pricing tiers> are applied?",
        "hw do i reset my jira api token",
    ],
)
def test_requests_for_expertise_are_questions_whatever_their_markup(text: str) -> None:
    assert looks_like_question(text)


def test_a_verdict_is_explained_by_named_features() -> None:
    """Every feature that fired is named with its weight, so a miss can be understood; the
    learned phrasing leans towards a question here and away from one in an invitation."""
    shown = explain("anyone know why grafana shows no data?")
    assert shown.pop(LEARNED) > 0
    assert shown == {
        "asks for help": 0.6,
        "question mark": 0.3,
        "interrogative opening": 0.15,
        "about work": 0.2,
    }
    invitation = explain("anyone want coffee?")
    assert invitation["small talk"] < 0 and invitation[LEARNED] < 0


def test_slack_markup_is_read_as_words() -> None:
    assert normalise("Hey <@U1|ana> see <#C1|ops>, <https://x.io|the doc> :wave: `ls`") == (
        "hey @person see #ops , the doc code"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", "greeting"),
        ("good morning :wave:", "greeting"),
        ("<@U1> hello?", "greeting"),
        ("thanks!", "thanks"),
        ("thank you so much <@U2>, that fixed it", "thanks"),
        ("ok cool, will do", "ack"),
        ("on my way, 5 min", "ack"),
        ("my VPN drops on every call. if anyone's seen this, I'm all ears", None),
        ("same error here after the upgrade, anyone found a fix", None),
        ("hi, how do I rotate the postgres credentials?", None),
        ("hey, our terraform plan keeps timing out in CI", None),
        ("thanks, how do I rotate keys", None),
        ("help", None),
        ("", None),
    ],
)
def test_small_talk_is_told_from_a_question(text: str, kind: str | None) -> None:
    assert small_talk(text) == kind


def test_a_nervous_smile_is_no_joke() -> None:
    """😅 after a real question is nerves; `lol` and `jk` still joke."""
    assert looks_like_question("does our 401k match vest immediately or is there a cliff? 😅")
    assert "joking" not in explain("noob question sorry 😅 what does 'landed cost' include?")
    assert not looks_like_question("who broke the build? 😅 jk")


def test_an_invitation_opens_its_sentence() -> None:
    """`want to grab lunch?` invites; `…, want to get it right` inside a sentence does not."""
    clause = "can we require drivers to install the app? it's for the policy, want to get it right"
    assert "small talk" not in explain(clause)
    assert "small talk" in explain("want to grab lunch at the taco place?")
    assert "small talk" in explain("ok. want to grab lunch at the taco place?")


@pytest.mark.parametrize(
    "reply",
    [
        "> how do I rotate the postgres credentials?\nvault has a runbook for it, linked in #infra",
        "&gt; where is the VAT return?\n&gt; can't find it\nin the finance drive, moved it",
        're: "who owns the billing service?" - payments core since March',
        "\u201cis there a template for NDAs?\u201d yes, the 2024 one on the legal wiki",
    ],
)
def test_a_reply_that_quotes_the_question_it_answers_asks_nothing(reply: str) -> None:
    """The quoted question is someone else's; the reply's own words answer it."""
    assert not looks_like_question(reply)
    assert "?" not in normalise(reply)


def test_a_quote_asks_when_the_writer_asks_too() -> None:
    """Only a quoted question that opens the message goes: a question after it, or one relayed
    inside the writer's own sentence, still counts, and pasted output stays as it was."""
    assert looks_like_question("> Error 1045: Access denied?\nanyone know why this happens?")
    relayed = 'the client asked "can we backdate it?" - does anyone know if legal allows that?'
    assert looks_like_question(relayed)
    assert normalise("> ERROR 1045 access denied\nour staging db") == (
        "> error 1045 access denied our staging db"
    )


def test_asking_who_has_done_a_kind_of_thing_asks_for_experience() -> None:
    """`has anyone run a …` looks for someone who has done it; `has anyone tested the …` asks
    whether one particular thing is done, as status."""
    experience = "has anyone run a load test against the search cluster? numbers look odd"
    assert "asks for help" in explain(experience) and looks_like_question(experience)
    assert "asks for help" not in explain("has anyone tested the release yet?")
    assert not looks_like_question("has anyone deployed the hotfix?")


@pytest.mark.parametrize(
    "text",
    [
        "Pregunta rápida: ¿las facturas de Portugal llevan IVA español?",
        "Kurze Frage: zählt die Rufbereitschaft am Feiertag doppelt?",
        "Pergunta rápida: o seguro cobre consultas de fisioterapia?",
        "Domanda veloce: le ferie non godute scadono a marzo?",
        "¿Cuál es el procedimiento para pedir un anticipo de viáticos?",
        "Quelle est la procédure pour déclarer un accident du travail ?",
        "Wie ist der Ablauf bei einer Dienstreise ins Ausland?",
        "Qual é o procedimento para devolver um portátil avariado?",
        "Qual è la procedura per richiedere un portatile nuovo?",
        "Weet iemand of we de reiskosten per kwartaal of per maand moeten declareren?",
        "Heeft iemand ervaring met het koppelen van Exact aan onze webshop?",
        "Hoe kan ik een verlopen certificaat vernieuwen in de beheeromgeving?",
        "Korte vraag: telt een feestdag mee als vakantiedag voor parttimers?",
        "Czy ktoś wie, ile dni urlopu przysługuje po zmianie etatu?",
        "Ma ktoś doświadczenie z wdrożeniem KSeF w małej firmie?",
        "Jak mogę cofnąć zatwierdzony wniosek urlopowy w systemie?",
    ],
)
def test_a_quick_question_and_the_procedure_are_asked_in_other_languages(text: str) -> None:
    """`quick question:` and `what's the procedure for…` ask in Spanish, German, Portuguese,
    Italian and French as they do in English; in Dutch and Polish, so do someone who knows
    (`weet iemand…`, `czy ktoś wie…`, `ma ktoś doświadczenie…`) and how to (`hoe kan ik…`,
    `jak mogę…`)."""
    assert "asks for help" in explain(text) or "asks how" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "how are you all handling the new planogram for endcaps?",
        "how are other stores tracking markdowns on seasonal stock?",
        "How do other teachers grade group projects fairly?",
        "how are folks scheduling crews around the new overtime rule?",
    ],
)
def test_asking_how_others_go_about_a_thing_asks_for_their_experience(text: str) -> None:
    """`how are you all handling…`, `how do other schools…` ask the channel for its
    experience, whatever the words of the trade; `how are you all holding up?` asks after
    people, and `how do you all like…` or `feel about…` for an opinion."""
    assert "asks for help" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "how are you all holding up with the move?",
        "how are you all doing today?",
        "how do you all like the new office?",
        "how are folks feeling about the reorg?",
        "how do you all think the launch went?",
        "how are people finding the new laptops?",
        "how do folks feel about moving standup to 10?",
    ],
)
def test_asking_after_people_or_their_opinion_is_no_ask_for_experience(text: str) -> None:
    """A group asked how it is, or how it likes or feels about something, is asked after
    or polled, not asked for what someone knows."""
    assert "asks for help" not in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wil iemand mee naar de kerstmarkt vrijdag?",
        "Wie gaat er mee lunchen om 12 uur?",
        "Ktoś chce iść na pizzę po pracy?",
        "Ma ktoś ochotę na kawę o 15?",
    ],
)
def test_invitations_in_dutch_and_polish_are_not_questions(text: str) -> None:
    assert "small talk" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("経費の締め日って詳しい方いますか？", True),
        ("請求書の再発行のやり方を教えてください", True),
        ("VPNの設定はどうすればいいですか？", True),
        ("今日ランチ行く人いますか？", False),
        ("進捗を教えてください", False),
        ("おはようございます！", False),
    ],
)
def test_japanese_is_read_without_spaces(text: str, question: bool) -> None:
    """Japanese has no spaces: a run of it counts a word for every two characters, not one
    word in all (it scored 0 as too short), and someone who knows (`詳しい方いますか`) or how
    to (`どうすればいい`) asks, an invitation (`ランチ行く人`) does not."""
    assert looks_like_question(text) is question


def test_a_hyphenated_compound_is_one_word() -> None:
    """A social word inside a hyphenated compound does not count: "third-party" is no party."""
    text = "Curious how other teams handle secrets rotation for third-party API keys?"
    assert "small talk" not in explain(text)
    assert looks_like_question(text)
    assert "small talk" in explain("who is coming to the party tonight?")


@pytest.mark.parametrize(
    "text",
    [
        "the nightly import keeps failing on a null date. ideas?",
        "our terraform state lock never clears, anyone?",
        "wat's the command to regenerate the graphql types",
        "redis evicts keys long before maxmemory, anybody run into this?",
        "Whom should I contact about a replacement badge?",
        "Who in the company has done an IPO before? would love a chat",
        "how do ppl usually export figma components to the design tokens json",
        "is there a shortcut in the admin panel to impersonate a user or do I have to use the menu",
        "our pods keep getting OOMKilled below the memory limit. what am I missing here",
        "hey folks, how are you all calculating NRR for accounts that downgraded and churned?",
        "SSO login loops back to the login page after the okta redirect. seen this before?",
        "how do you approach a customer who wants 20% off or they walk?",
    ],
)
def test_phrases_that_end_in_punctuation_or_are_spelled_for_chat_count(text: str) -> None:
    """A phrase whose edge is punctuation (`ideas?`, `, anyone?`) matches: a word boundary
    after a final "?" never holds, and such phrases never matched before."""
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "is the deploy still running?",
        "are the slides for tomorrow ready?",
        "Has the payroll gone through yet?",
        "Did the contract get signed?",
        "is the release happening today or tomorrow?",
        "Hey <@U02BBB>, did you finish the deck?",
        "can I get a +1 on this doc?",
        "Will you be at the planning session tomorrow?",
        "<@U08IT22> can you reset my okta MFA? got a new phone",
        "is the staging db migration done? want to start QA this afternoon",
        "is the new design for the onboarding flow ready for handoff?",
        "Do we have the final numbers for March close yet?",
        "has anyone heard back from legal on the Globex redlines? it's been a week",
        "can someone from IT reset my MFA? lost my phone on the train",
    ],
)
def test_status_questions_and_requests_put_to_one_person_are_not_offered_help(text: str) -> None:
    """Asking whether something is done, or asking one person to do something, asks no expert,
    though it is a question about work."""
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Har någon erfarenhet av att koppla Fortnox till vår webbshop?", True),
        ("Hur gör man för att boka om en tjänsteresa i Concur?", True),
        ("Någon som vill fika kl 15?", False),
        ("Bu hatayı daha önce gören var mı, bilen var mı nedenini?", True),
        ("Yeni izin talebini sistemde nasıl oluşturabilirim?", True),
        ("Öğle yemeğine kim geliyor?", False),
        ("koi bata sakta hai ki leave carry forward kitne din ka hota hai?", True),
        ("expense report kaise submit karte hain naye tool mein?", True),
        ("chai pe chalein 4 baje?", False),
        ("Ada yang pernah integrasi Midtrans ke aplikasi kita? Webhook-nya tidak masuk", True),
        ("Gimana caranya ajukan cuti di portal HR yang baru?", True),
        ("Ada yang mau makan siang bareng jam 12?", False),
        ("Подскажите, где найти шаблон договора поставки?", True),
        ("Как настроить двухфакторную аутентификацию в Jira?", True),
        ("Кто идёт на обед в час?", False),
        ("엑셀 매크로 잘 아시는 분 계신가요? 자동화가 필요해서요", True),
        ("휴가 신청은 어떻게 해야 하나요?", True),
        ("오늘 저녁 회식 참석하실 분 손들어주세요", False),
        ("هل أحد عنده خبرة في إعداد الفوترة الإلكترونية؟", True),
        ("كيف يمكنني تغيير كلمة المرور للبريد؟", True),
        ("من يريد قهوة؟", False),
    ],
)
def test_someone_who_knows_and_how_to_ask_in_seven_more_languages(
    text: str, question: bool
) -> None:
    """Swedish, Turkish, Hindi and Indonesian typed in Latin letters, Russian, Korean and
    Arabic: someone who knows (`vet någon`, `bilen var mı`, `kisi ko pata hai`, `ada yang
    tahu`, `кто-нибудь знает`, `아시는 분`, `هل يعرف أحد`) or how to (`hur gör man`, `nasıl
    yapılır`, `kaise karte hain`, `gimana caranya`, `как настроить`, `어떻게 해야`, `كيف
    يمكنني`) asks; an invitation to lunch or coffee does not. Each scored under the bar before,
    as the detector read no phrase of theirs."""
    assert looks_like_question(text) is question


def test_the_arabic_question_mark_is_a_question_mark() -> None:
    assert normalise("هل الخادم يعمل؟") == "هل الخادم يعمل?"
    assert "question mark" in explain("هل يعرف أحد كيف أطلب صلاحية الوصول؟")


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("does anyone know how to reset the kiosk printer? nvm, figured it out", False),
        ("Where do we keep the W-9 for Acme? never mind, found it in the vendor folder", False),
        ("is there a template for the SOW? ignore me, it's pinned", False),
        ("never mind the logo, where do we keep the brand guidelines?", True),
        ("installed nvm but node still resolves to v16, any idea why?", True),
        ("has anyone found it hard to get Okta working with the new kiosks?", True),
    ],
)
def test_a_question_its_asker_settles_in_the_same_message_asks_nothing(
    text: str, question: bool
) -> None:
    """`…? never mind, found it` needs no one any more; `never mind the logo, …` sets a thing
    aside and still asks, as does a question about `nvm` the tool."""
    assert looks_like_question(text) is question


def test_not_finding_something_looks_for_someone_who_knows() -> None:
    """`I can't find the …` asks as `je ne trouve rien` does, question mark or not; thanks
    that `can't find the words` do not."""
    text = "spec says 'sealant per manufacturer' and I can't find the product sheet for the curb"
    assert "asks how" in explain(text) and looks_like_question(text)
    assert not looks_like_question("can't find the words, thank you all for this week")


@pytest.mark.parametrize(
    "text",
    [
        "need an intro to someone at the county planning office, our permit is stuck",
        "looking for a contact in Acme's packaging team, ideally procurement",
    ],
)
def test_asking_for_a_contact_asks_who_knows_whom(text: str) -> None:
    assert "asks for help" in explain(text) and looks_like_question(text)


def test_a_recommendation_asked_at_a_sentence_opening_asks_how() -> None:
    """`best library for…?` asks for a recommendation, as `what's the best…` does; a best
    thing in a statement asks nothing."""
    assert looks_like_question("best library for parsing PDFs in python? pdfminer is so slow")
    assert looks_like_question("ok. recommended way to rotate the kafka certs without downtime?")
    assert "asks how" not in explain("The best part of the launch for me was the demo to ops.")


def test_asking_to_be_told_the_procedure_asks_for_help() -> None:
    """`kindly let me know the procedure to…` asks someone who knows, as `can someone tell me
    how…` does."""
    assert looks_like_question("Please let me know the process for claiming mileage on a rental")
    assert looks_like_question("kindly share the steps to raise a PO for a new vendor")
    assert not looks_like_question("let me know the time that works for you for the vendor call")


def test_the_group_asked_its_opinion_is_a_poll() -> None:
    """`what does everyone think…`, `vote with emoji` poll the room, as `what do you all think`
    does; what everyone thinks causes a fault is still a question."""
    assert not looks_like_question(
        "What does everyone think, should the quarterly report use the new template or the old one?"
    )
    assert not looks_like_question(
        "Should the release notes go in the wiki or the changelog? Vote with emoji"
    )
    assert looks_like_question("what does everyone think causes the replica lag after deploys?")
