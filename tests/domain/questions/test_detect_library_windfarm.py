"""Phrasings of asking, and of not asking, that the fifty-fourth held-out set (a public library
system's staff) and the fifty-fifth (a wind and solar operator's technicians and operations
centre, some in Spanish and Danish) showed the detector reading wrongly (`bot/questions/detect.py`,
`bot/questions/detect_words/`); both sets were written blind and committed before the detector
was run on them. Every message here is written for the test, none is from a labelled set, and
each rule is probed with messages of other workplaces, and with near misses that must keep their
verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "who has the key for the archive room this week",
        "who has the key for the pump house at the north site?",
        "who's got the master key for the east stairwell",
    ],
)
def test_who_holds_the_key_to_a_door_asks_for_a_thing(text: str) -> None:
    """A key to a door or a cage is a thing to hand over, as the keys to a truck are; the sets
    disagreed, and the fourteenth's `who has the key for the chemical cage on nights` now reads
    as the twenty-seventh's, thirty-eighth's and fifty-second's `who has the key to…` do."""
    assert "small talk" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "who has the API key for the staging payments sandbox?",
        "who has the login for the old vendor portal? need to pull last year's invoices",
    ],
)
def test_who_holds_a_credential_still_asks(text: str) -> None:
    assert "small talk" not in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "how did you get the label printer to print two columns? mine only does one",
        "<@U0TOMAS> how did you get Outlook to stop forwarding the shared inbox? same issue here",
        "how did you fix it in the end? we're seeing the same timeout on the night run",
        "ok how did you solve that? our scale drifts the exact same way",
    ],
)
def test_how_someone_got_a_thing_to_work_asks_the_way(text: str) -> None:
    """Asked of the one who did it, but for what they know: not a favour put to one person."""
    assert "asks for help" in explain(text), text
    assert "put to one person" not in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "how did you get on at the dentist?",
        "did you fix the printer yet? the queue is huge",
    ],
)
def test_how_someone_got_on_stays_personal(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "has anyone swapped a pitch motor on a V90 without the crane? want to know if it's doable",
        "has anyone replaced a dishwasher pump on the Hobart line? parts list looks odd",
        "has anyone rebuilt a carburettor on these old mowers? manual is useless",
    ],
)
def test_someone_who_has_done_a_kind_of_repair_is_asked(text: str) -> None:
    assert "asks for help" in explain(text), text
    assert looks_like_question(text), text


def test_whether_one_particular_thing_was_replaced_is_no_ask() -> None:
    assert "asks for help" not in explain("has anyone replaced the toner in the copier yet?")


@pytest.mark.parametrize(
    "text",
    [
        "anyone good with pivot tables? mine keep counting every row twice",
        "anybody handy with Canva? the export keeps cropping the margins",
        "anyone experienced in grant budgets, can indirect costs go on this one",
    ],
)
def test_someone_with_a_skill_is_asked_for(text: str) -> None:
    assert "asks for help" in explain(text), text
    assert looks_like_question(text), text


def test_busy_at_the_moment_is_no_skill() -> None:
    assert "asks for help" not in explain("is anyone good at the moment for a quick call")


@pytest.mark.parametrize(
    "text",
    [
        "does the new booking system send reminders by text or only by email",
        "can the scanner read the old barcodes or only the new RFID tags",
        "is the grant open to part-time staff or only to full-time contracts",
    ],
)
def test_whether_a_thing_works_one_way_only_asks_without_its_mark(text: str) -> None:
    assert "asks for help" in explain(text), text
    assert looks_like_question(text), text


def test_one_way_only_told_is_no_ask() -> None:
    assert not looks_like_question("the van runs on diesel or only on biodiesel in summer")


@pytest.mark.parametrize(
    "text",
    [
        "no idea why the badge reader does that but unplugging it fixes it every time",
        "I don't know why it happens but restarting the till fixed it for me",
        "dunno why the report times out but a reboot of the server sorted it",
    ],
)
def test_a_cure_shared_for_an_unknown_cause_answers_itself(text: str) -> None:
    assert "answered itself" in explain(text), text
    assert not looks_like_question(text), text


def test_a_cause_still_wanted_after_a_cure_asks() -> None:
    text = "no idea why the badge reader does that but unplugging it fixes it. why would that be?"
    assert "answered itself" not in explain(text)


@pytest.mark.parametrize(
    "text",
    [
        "can i get a copy of the risk assessment from last month?",
        "could we get a copy of the signed lease for the file?",
    ],
)
def test_a_copy_asked_for_is_a_favour(text: str) -> None:
    assert "put to one person" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "anyone know where the long extension cord went",
        "does anybody know where my blue folder ended up? left it on the desk",
        "anyone know what time the bakery on 3rd closes?",
        "what time does the post office open on saturdays?",
    ],
)
def test_a_thing_gone_missing_or_a_shops_hours_is_no_ask(text: str) -> None:
    assert "small talk" in explain(text), text
    assert not looks_like_question(text), text


def test_where_a_thing_is_kept_still_asks() -> None:
    assert looks_like_question("does anyone know where the lockout tags are kept on site B?")


def test_a_way_of_working_asked_for_when_ours_is_a_mess_asks() -> None:
    text = "does anyone have a good checklist for closing the branch? ours is a mess"
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


def test_a_thing_to_lend_when_ours_is_out_stays_small_talk() -> None:
    assert not looks_like_question("anyone have a hand truck we could use? ours is broken")


@pytest.mark.parametrize(
    "text",
    [
        "¿Alguien ha instalado un variador en estas bombas? No sé qué parámetros usar",
        "¿alguien puede decirme si el formulario de bajas sigue siendo el mismo?",
        "¿Alguien entiende por qué la báscula marca distinto por la tarde?",
        "Una pregunta: ¿las horas extra de formación se pagan o se compensan?",
        "¿Qué hacemos con las baterías usadas? ¿Van al punto limpio o las recoge alguien?",
    ],
)
def test_spanish_asks_of_experience_explanation_and_procedure(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "¿Alguien ha visto mis llaves? Las dejé en la mesa",
        "¿Qué hacemos para cenar el viernes?",
    ],
)
def test_spanish_lost_things_and_plans_are_no_ask(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Hvordan opretter man en ny bruger i lagersystemet?",
        "Hvordan udskifter man filteret på kompressoren? Manualen er på tysk",
        "Hvem kender til reglerne for arbejde alene om natten?",
    ],
)
def test_danish_asks_how_one_does_a_thing_and_who_knows(text: str) -> None:
    assert looks_like_question(text), text
