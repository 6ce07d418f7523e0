"""Phrasings of asking, and of not asking, that the sixtieth held-out set (a mid-size e-commerce
company's engineering, ops, general and random channels) and the sixty-first (a hospital
network's IT and clinical-systems channels and a construction firm's site coordination, some in
Hinglish and Spanish-English) showed the detector reading wrongly (`bot/questions/detect.py`,
`bot/questions/detect_words/`); both sets were written by a helper who had read only how a
message is labelled, and committed before the detector was run on them. Every message here is
written for the test, none is from a labelled set, and each rule is probed with messages of
other workplaces, and with near misses that must keep their verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "warehouse scanner app crash ho raha hai login ke baad. Koi solution jaanta hai?",
        "koi accha tarika jaanta hai invoices ko bulk mein upload karne ka?",
        "SAP mein PO reverse karna hai, koi iska fix janta hai?",
        "kisi ke paas koi workaround pata hai for the tally sync error?",
    ],
)
def test_someone_who_knows_a_fix_asked_in_hinglish(text: str) -> None:
    """`koi … jaanta hai?` asks whether anyone knows a fix, a way or a thing, as `anyone know a
    fix?` does, whatever is named between."""
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "koi nahi jaanta ye project kab khatam hoga 😩",
        "koi bhi nahi jaanta tha ki aaj audit hai lol",
    ],
)
def test_nobody_knows_in_hinglish_is_a_lament(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "GST return mein galat HSN code daal diya, kaise theek karein?",
        "printer ka IP address kaise pata karein? label nahi hai",
        "naye vendor ko portal pe kaise add karte hain?",
        "VPN certificate expire ho gaya, kaise renew karna hai?",
    ],
)
def test_how_one_does_a_thing_in_hinglish_with_its_object_between(text: str) -> None:
    """`kaise <word> karein?` (how to find out, fix, add), as `kaise karein?` asks."""
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "itna load hai aaj, kaise kaam karein 😩",
        "tum kaise ho? kal party mein nahi dikhe",
    ],
)
def test_how_in_hinglish_without_a_procedure_does_not_ask(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "como se registra una devolución en el sistema? it's my first week in the store",
        "where do the returned pallets go? I'm new here and nobody told me",
        "what's the right form for a lost badge? first day on the job lol",
        "soy nueva en el turno de noche, a quién llamo si falla el sistema de farmacia?",
    ],
)
def test_a_newcomer_saying_so_beside_a_question_asks(text: str) -> None:
    """Someone who says they are new (first week, first day, new here) beside what they ask is
    asking colleagues who know the place, whatever language the question is in."""
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "it's my first week as foreman, be gentle 😅",
        "can you believe it's my first week and i already broke prod?",
        "welcome Tom! it's his first week, say hi 👋",
    ],
)
def test_a_newcomer_without_a_question_of_their_own_does_not_ask(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "```\nModuleNotFoundError: No module named 'pandas'\n```\nran the setup script twice, did i"
        " miss a step or something",
        "build fails with `missing key: DB_URL` after the upgrade, did I forget a setting",
        "the sensor still reads 0 after calibration, did we skip a step?",
    ],
)
def test_whether_the_writer_missed_a_step_asks(text: str) -> None:
    """Whether one missed, forgot or skipped a step or a setting is asking what the procedure
    needs, as `am I missing something?` is."""
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "did i miss the standup?",
        "did I miss anything in the all-hands?",
    ],
)
def test_whether_the_writer_missed_a_meeting_does_not_ask(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "do we have the 1:1 this week or skipping?",
        "are we doing the safety toolbox talk today or is it cancelled?",
        "is book club on thursday or postponed?",
    ],
)
def test_whether_a_meeting_happens_or_is_skipped_asks_for_status(text: str) -> None:
    """Whether an event happens or is skipped, cancelled or postponed is the calendar's state."""
    assert "asks for status" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "should I pin the version or skip the upgrade entirely? not sure what the risk is",
        "do we run the migration before the deploy or skip it and backfill after?",
    ],
)
def test_a_choice_to_skip_a_step_still_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "i'm blocked on the api key from marketing, pinged them twice",
        "still blocked on the site survey from the architect, chased them yesterday",
        "blocked by legal on the contract review, emailed them again this morning",
    ],
)
def test_blocked_on_someone_already_chased_is_a_report(text: str) -> None:
    """Blocked on what another person or team owes, having chased them, is a status report: the
    writer waits for them, not for someone who knows."""
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "blocked on the okta callback, it returns 400 on every redirect. any ideas?",
        "I'm blocked by a cors error from the cdn, pinged infra but maybe someone here knows why?",
    ],
)
def test_blocked_on_a_fault_still_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "should we order more swag or is the old stuff still around?",
        "should I reorder toner or is there some left in the cupboard?",
        "do we need more gloves for 4 West or are the boxes from last week still around?",
    ],
)
def test_whether_to_restock_or_use_what_is_left_is_about_a_stock(text: str) -> None:
    """What is left of a stock of supplies is a thing to hand over, as the spare is."""
    assert "small talk" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "should we order more replicas or is the old cluster enough for black friday traffic?",
        "what's the best way to order more licences for the design team? procurement is confusing",
    ],
)
def test_whether_capacity_will_hold_still_asks(text: str) -> None:
    assert looks_like_question(text), text
