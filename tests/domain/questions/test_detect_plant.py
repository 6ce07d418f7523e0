"""Phrasings of not asking, and of asking, in a manufacturing plant's day of channel traffic
that the twenty-eighth held-out set showed the detector reading wrongly
(`bot/questions/detect.py`, `bot/questions/detect_words/`); every message here is written for
the test, none is from a labelled set."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "where are the spare filters for the paint booth kept? not on the shelf",
        "anyone know where the spare gaskets for the pump are stored? nothing in the crib",
    ],
)
def test_where_the_spare_parts_are_kept_asks(text: str) -> None:
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


def test_a_spare_one_to_lend_is_still_a_favour() -> None:
    assert not looks_like_question("does anyone have a spare hi-vis vest I could use today?")


@pytest.mark.parametrize(
    "text",
    [
        "anyone got a label printer I can use? mine is jammed",
        "does anybody have a torque wrench for the line 3 job? ours went missing",
    ],
)
def test_a_thing_asked_for_when_the_writers_own_is_out_is_a_loan(text: str) -> None:
    assert "small talk" in explain(text)
    assert not looks_like_question(text)


def test_knowledge_asked_for_when_the_writers_own_is_out_still_asks() -> None:
    text = "anyone have a fix for the scanner pairing? mine is broken too after the update"
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "can someone review the updated lockout draft for press 6?",
        "could somebody check the new WI for station 2 before I publish it?",
    ],
)
def test_a_read_of_the_writers_draft_is_a_favour(text: str) -> None:
    assert "put to one person" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "can someone review how we calculate the shift premium?",
        "can someone check the torque spec for M8 before we change the WI?",
    ],
)
def test_a_review_of_how_things_are_done_still_asks(text: str) -> None:
    assert looks_like_question(text)


def test_whether_a_meeting_is_still_at_its_time_is_a_schedule() -> None:
    text = "anyone know if the safety huddle is still at 6:15?"
    assert "put to one person" in explain(text)
    assert not looks_like_question(text)


def test_a_meeting_word_before_another_noun_is_no_schedule() -> None:
    text = "the audit findings are still at 14 open, how do we close them faster?"
    assert "put to one person" not in explain(text)
    assert looks_like_question(text)


def test_whether_someone_named_by_a_role_has_been_told_asks_for_status() -> None:
    text = "does the day shift lead know about the forklift being tagged out?"
    assert "asks for status" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "does anyone know about the new overtime rule?",
        "does the MES know how to handle a split lot?",
    ],
)
def test_whether_anyone_knows_or_how_a_system_copes_still_asks(text: str) -> None:
    assert "asks for status" not in explain(text)
    assert looks_like_question(text)


def test_a_question_heading_a_call_to_sign_up_answers_itself() -> None:
    text = "How do we stop hand injuries? Glove training on Monday, sign up with your lead"
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "How do I sign up for the forklift refresher? the link in the email is dead",
        "how do I fix the VPN error on the kiosk? I need to register for benefits by Friday",
    ],
)
def test_signing_up_asked_about_or_mentioned_still_asks(text: str) -> None:
    assert "answered itself" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "*MAINT-88 How do we stop press 2 tripping the breaker on startup?* was assigned to "
        "<@U05MAINT1>",
        'New issue #412 "How do I configure the webhook?" opened by <@U09AB12>',
    ],
)
def test_a_question_a_trackers_bot_hands_on_has_someone(text: str) -> None:
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "I filed IT-442 last week but nobody assigned to it, does anyone know how to get VPN on "
        "the kiosk?",
        "I filed IT-442 for the VPN on the kiosk, how do I get it working? not assigned to anyone "
        "yet",
        "Jira q: how do I move a ticket between boards? when moved to the new board it disappears",
    ],
)
def test_a_ticket_no_one_has_taken_still_asks(text: str) -> None:
    assert "answered itself" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text", ["which oil we use for the compressor?", "what form I need for the tuition refund?"]
)
def test_which_thing_we_use_asked_without_do_asks_how(text: str) -> None:
    assert "asks how" in explain(text)
    assert looks_like_question(text)


def test_which_thing_we_use_said_as_a_statement_asks_nothing() -> None:
    assert "asks how" not in explain("which tool we use is up to the team lead.")


@pytest.mark.parametrize(
    "text",
    [
        "why does the robot fault only on the first cycle after lunch?",
        "anyone seen timeouts on the label printer only after the night restart?",
    ],
)
def test_a_fault_seen_only_under_one_condition_asks_for_its_cause(text: str) -> None:
    assert "asks for help" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "why is it only me in the office on fridays",
        "anyone seen my safety glasses? left them on it",
    ],
)
def test_only_me_and_a_lost_thing_ask_no_cause(text: str) -> None:
    assert "asks for help" not in explain(text)
    assert not looks_like_question(text)
