"""Phrasings of asking, and of not asking, that the sixty-second held-out set (a law firm's and an
accounting firm's IT, practice-support, general and random channels, some in German and French)
and the sixty-third (a video game studio's engine, art-pipeline and build channels and a
university lab's, some in Korean, Portuguese and Polish) showed the detector reading wrongly
(`bot/questions/detect.py`, `bot/questions/detect_words/`); both sets were written by a helper
who had read only how a message is labelled, and committed before the detector was run on them.
Every message here is written for the test, none is from a labelled set, and each rule is probed
with messages of other workplaces, and with near misses that must keep their verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "why does the label printer skip every other label? turns out the roll was in backwards",
        "anyone know why the nightly export is empty? turned out the cron ran as the wrong user.",
        "why won't the POS print receipts? edit: paper was in upside down, all good",
        "does anyone know why my pivot lost its formatting? update: fixed, it was the theme",
    ],
)
def test_a_cause_found_or_a_fix_edited_in_after_the_question_answers_it(text: str) -> None:
    """`…? turns out …`, or an edit that says it is fixed, settles the question: no one is
    needed now."""
    assert "answered itself" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "why does the VPN keep dropping? turns out it's not the router, still dropping every hour",
        "anyone know why the export fails? edit: it happens on staging too",
        "why does the scanner jam? turns out it only jams on card stock, any idea why?",
    ],
)
def test_an_edit_that_adds_to_the_question_leaves_it_open(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Priya asked me how to merge the two pivot tables. Told her to use Power Query, it works.",
        "the new intern asked us whether the shredder takes staples. told him yes, small ones.",
    ],
)
def test_a_colleague_who_asked_the_writer_answered_by_them_asks_nothing(text: str) -> None:
    """Someone named as having asked the writer (`asked me how…`), with the writer's answer
    after, is a report, as `customer asked how…, told them…` is."""
    assert not looks_like_question(text), text


def test_a_colleague_who_asked_left_unanswered_is_still_open() -> None:
    assert looks_like_question(
        "Priya asked me how to merge the two pivot tables and I have no idea. anyone know?"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Le serveur de fichiers est en panne pour tout le monde ?",
        "La messagerie est encore en panne ?",
        "O Jira está fora do ar?",
        "¿El SAP está caído para todos?",
    ],
)
def test_whether_a_thing_is_down_asks_for_status_in_french_portuguese_and_spanish(
    text: str,
) -> None:
    """`est en panne ?`, `está fora do ar?`, `está caído?` ask how things stand, as `is prod
    down?` does."""
    assert "asks for status" in explain(text), text
    assert not looks_like_question(text), text


def test_a_question_after_the_outage_still_asks() -> None:
    assert looks_like_question(
        "Le VPN est en panne, quelqu'un sait comment accéder aux dossiers en attendant ?"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Is anyone using the big scanner? I have 900 pages to run",
        "is anybody in the quiet room right now?",
        "is anyone on the plotter at the moment?",
    ],
)
def test_whether_anyone_is_using_a_named_thing_asks_if_it_is_free(text: str) -> None:
    assert "asks for status" in explain(text), text
    assert not looks_like_question(text), text


def test_whether_anyone_uses_a_kind_of_tool_still_asks() -> None:
    assert looks_like_question("is anyone using Terraform for the DNS records? how do you do it?")


@pytest.mark.parametrize(
    "text",
    [
        "Who needs documentation when you have tribal knowledge, right?",
        "who needs a staging environment when we have customers",
        "Who needs lunch when you've got three filings due?",
    ],
)
def test_who_needs_a_thing_when_you_have_another_is_a_jibe(text: str) -> None:
    assert not looks_like_question(text), text


def test_who_needs_a_thing_asked_plainly_still_asks_who() -> None:
    assert looks_like_question("who needs to approve a change to the retention policy?")


@pytest.mark.parametrize(
    "text",
    [
        "who's got the VR headset? need it for the 2pm test",
        "who has the spare controllers for the playtest?",
        "who's got the devkit from QA?",
        "who has the good tripod?",
    ],
)
def test_who_has_a_piece_of_kit_asks_for_a_thing(text: str) -> None:
    """A headset, a controller, a devkit or a tripod is a thing to hand over, as a camera or a
    charger is."""
    assert not looks_like_question(text), text


def test_who_has_the_login_for_a_tool_still_asks() -> None:
    assert looks_like_question("who has the admin password for the VR headsets?")


@pytest.mark.parametrize(
    "text",
    [
        "who approved adding 4K textures to the grass? asking for the build machine.",
        "who decided to run the backups at 9am? asking for the file server",
        "who put a 40MB logo in the email signature? asking for my inbox's sanity",
    ],
)
def test_blame_asked_on_behalf_of_a_thing_is_a_jibe(text: str) -> None:
    """`asking for the build machine` teases, as `asking for a friend` does."""
    assert not looks_like_question(text), text


def test_who_owns_a_thing_asked_for_the_team_still_asks() -> None:
    assert looks_like_question("who approves overtime? asking for the team")


@pytest.mark.parametrize(
    "text",
    [
        "Wie geht ihr mit Mandanten um, die Belege nur als Foto schicken?",
        "wie gehst du eigentlich mit doppelten Einträgen im Kalender um?",
        "Wie geht man mit einer verspäteten Zustellung im beA um?",
    ],
)
def test_how_the_others_deal_with_a_thing_asks_in_german(text: str) -> None:
    """`wie geht ihr mit … um?` asks how the others handle it, as `wie macht ihr das mit…` does."""
    assert looks_like_question(text), text


def test_how_the_others_are_does_not_ask_in_german() -> None:
    assert not looks_like_question("Wie geht ihr eigentlich nach Hause heute, mit dem Zug?")


@pytest.mark.parametrize(
    "text",
    [
        "퍼포스에서 스트림 권한은 어떻게 설정하나요?",
        "렌더 팜에서 작업 우선순위는 어떻게 변경하나요?",
        "이런 경우 보통 어떻게 해결하세요?",
        "데이터 백업은 어떻게 관리하시나요?",
    ],
)
def test_how_one_does_a_thing_asks_in_korean_with_the_verb_s_stem(text: str) -> None:
    """`어떻게 제어하나요?` asks how, as `어떻게 하나요?` does, whatever verb carries the ending."""
    assert looks_like_question(text), text


def test_how_someone_is_does_not_ask_in_korean() -> None:
    assert not looks_like_question("오늘 저녁 회식 어떻게 생각하세요 다들 ㅋㅋ")


@pytest.mark.parametrize(
    "text",
    [
        "Jaki model regresji zastosować, jeśli zmienna zależna jest liczbą zdarzeń?",
        "Którego narzędzia użyć do profilowania pamięci w Unity?",
        "Czy ktoś umie ustawić automatyczne kopie zapasowe na serwerze plików?",
        "Czy ktoś potrafi wyjaśnić, jak działa kolejka na klastrze?",
    ],
)
def test_which_method_to_use_and_whether_anyone_knows_how_ask_in_polish(text: str) -> None:
    assert looks_like_question(text), text


def test_which_is_the_writer_s_choice_does_not_ask_in_polish() -> None:
    assert not looks_like_question("Jaki piękny dzień na grilla! Kto idzie?")


@pytest.mark.parametrize(
    "text",
    [
        "Alguém já conseguiu configurar o SSO no Jira com o Azure?",
        "alguém conseguiu rodar o modelo na GPU nova? aqui dá erro de memória",
    ],
)
def test_whether_anyone_has_managed_to_asks_in_portuguese(text: str) -> None:
    assert looks_like_question(text), text


def test_whether_anyone_got_a_thing_does_not_ask_in_portuguese() -> None:
    assert not looks_like_question("Alguém conseguiu o link da reunião de hoje?")
