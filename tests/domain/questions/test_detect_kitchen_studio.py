"""Phrasings of asking, and of not asking, that the fiftieth held-out set (a restaurant group's
kitchens and front of house) and the fifty-first (a video-game studio's art, engine and QA
channels) showed the detector reading wrongly (`bot/questions/detect_words/`); both sets were
written blind and committed before the detector was run on them. Every message here is written
for the test, none is from a labelled set, and each rule is probed with messages of other
workplaces, and with near misses that must keep their verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        # a fault's cause, asked without naming the condition it shows under
        "why does the conveyor jam right before the scale",
        "why does our label printer skip every third label?",
        "why do the exported PDFs crop the last column?",
        "why is the badge reader flickering red on the side door?",
        # a thing that looks right in one place and wrong in another
        "why would the invoice look fine in preview but print with the logo cut off?",
        "why does the report look ok on my laptop but come out blank for the auditors?",
        "why would the slides look fine in the office but show garbled fonts at the offsite?",
    ],
)
def test_a_faults_cause_asked_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "why does my manager keep booking 7am calls",
        "why does the coffee machine always break on mondays",
        "why does the printer jam again 🙄",
        "why do people break the build on a friday afternoon",
        "why does every release slip the week before a holiday",
    ],
)
def test_a_sigh_at_a_fault_or_at_people_asks_nothing(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "is there a console var to turn off the splash screen on the kiosk app",
        "is there a flag to make pytest print the locals on failure",
        "is there an env var that sets the proxy for the installer",
        "is there a parameter in the ERP that stops it rounding the unit price",
    ],
)
def test_a_setting_asked_for_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "hwo do I reset the label printer's IP address",
        "waht is the cutoff for submitting expenses this month?",
        "anyoen know whcih form the bank wants for a wire recall?",
    ],
)
def test_question_words_mistyped_ask(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "quelqu'un a une idée ? le scanner ne trouve plus le réseau depuis la mise à jour",
        "je ne comprends pas comment on calcule les congés pour les temps partiels",
        "je comprends pas pourquoi la facture sort en dollars alors que le client est en France",
    ],
)
def test_an_idea_or_an_explanation_asked_in_french_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "quelqu'un a une idée de cadeau pour le départ de Marie ?",
        "j'ai compris pourquoi, merci à tous",
    ],
)
def test_their_french_near_misses_ask_nothing(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "can we legally record support calls without telling the customer first?",
        "are we legally required to keep the visitor sign-in sheets for a year",
        # a meal or a party in a question of law is what the law governs
        "can the company legally make the summer party mandatory for hourly staff?",
        "are we legally allowed to deduct the team dinner from someone's final paycheck?",
    ],
)
def test_what_the_law_allows_asked_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "legally I have to say the cake was amazing 😂",
        "I'm legally required to remind you the party starts at 5",
        "anyone want to grab drinks after the legal training?",
    ],
)
def test_the_law_said_in_passing_asks_nothing(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "label printer keeps printing blank labels since the firmware update, anyone seen that "
        "one? already swapped the ribbon",
        "badge reader beeps twice and stays red for some cards, anyone seen this one? tried two "
        "readers already",
    ],
)
def test_a_fault_described_then_whether_anyone_met_it_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "watched the new Dune last night, anyone seen that one?",
        "new coffee place opened on 5th, anyone seen it yet?",
        "the keynote ran long again, anyone seen that one coming? 🙄",
    ],
)
def test_a_film_or_a_place_shared_asks_nothing(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "compressor cycling every 5 min and discharge sits at 210 psi. what am I missing",
        "the spindle runs at 1200 rpm but the finish is still rough. what am I missing",
        "pump cavitating since the filter swap, suction at 3 psi. what am I missing",
    ],
)
def test_a_reading_in_its_units_is_a_fault_at_work(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "it's 95°F in the warehouse, who wants ice pops?",
        "ran 10 km before work, what am I doing with my life",
        "do we have any more 15 ml tubes or are they all gone?",
        "anyone got a spare 2 tb drive I can borrow till friday?",
    ],
)
def test_a_reading_in_chat_asks_nothing(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "what time does the courier come?",
        "what time does the mail arrive on saturdays?",
        "what time do the trucks get here tomorrow?",
        "what time does the cafeteria open?",
        "front desk needs help, line is out the door",
        "the warehouse needs help, we're drowning",
        "accounts payable needs help, month end is brutal",
        "the loading dock needs a hand, two trucks at once",
        "who approved the new expense form 😬",
        "who approved this budget 😬",
        "who picked this colour for the slides 🤡",
    ],
)
def test_a_time_on_the_day_hands_wanted_and_blame_ask_nothing(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "what time zone does the scheduler use for the nightly jobs?",
        "our intern needs help with pivot tables, anyone good with Excel?",
        "need help, the export keeps failing with a 500",
        "anyone know why the export failed? 😬",
        "who owns the font licences 😬",
    ],
)
def test_their_near_misses_still_ask(text: str) -> None:
    assert looks_like_question(text), text
