"""Phrasings of not asking, and of asking, that the forty-second held-out set (a law firm's
practice-support channel) and the forty-third (a freight carrier's dispatch channel) showed the
detector reading wrongly (`bot/questions/detect.py`, `bot/questions/detect_words/`); both sets
were written blind, before the detector's code was read. Every message here is written for the
test, none is from a labelled set, and each rule is probed with messages of other workplaces,
and with near misses that must keep their verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_anyone_else_kept_out_of_a_thing_echoes_no_one() -> None:
    text = (
        "how do I share the board with the two contractors only, not with anyone else? "
        "the share dialog shows the whole org"
    )
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


def test_anyone_else_asked_after_a_fault_still_echoes() -> None:
    assert "small talk" in explain("anyone else getting 502s from the billing API this morning?")


@pytest.mark.parametrize(
    "text",
    [
        "what are people doing for SOC 2 evidence collection now? the spreadsheet is unmanageable",
        "what are other firms doing about AI disclosure in briefs?",
    ],
)
def test_what_the_others_are_doing_for_a_kind_of_work_asks_for_help(text: str) -> None:
    assert "asks for help" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text", ["what are people doing for lunch today?", "what are you guys doing for new year?"]
)
def test_what_the_others_are_doing_for_lunch_or_a_holiday_asks_nothing(text: str) -> None:
    assert "asks for help" not in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        'why does jenkins say "workspace is locked" every time I retry the nightly job',
        'why does the kiosk show "card not supported" when guests tap an amex',
    ],
)
def test_a_systems_quoted_message_asked_about_asks_for_help(text: str) -> None:
    assert "asks for help" in explain(text)
    assert looks_like_question(text)


def test_what_a_person_keeps_saying_is_no_fault() -> None:
    text = 'why does everyone say "circle back" when they mean never'
    assert "asks for help" not in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "the badge reader on 3 beeps red for everyone since noon - is it because of the "
        "firmware push?",
        "payroll export comes out empty, no error. is it because the period is still open?",
    ],
)
def test_a_faults_cause_guessed_at_after_the_fault_asks_for_help(text: str) -> None:
    assert "asks for help" in explain(text)
    assert looks_like_question(text)


def test_wondering_aloud_whether_it_is_because_of_oneself_asks_nothing() -> None:
    text = "is it because I'm new here? nobody laughs at my jokes"
    assert "asks for help" not in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is it legal to record a customer call in California without telling them?",
        "is that permitted under the new travel policy, flying business on a 5 hr flight?",
    ],
)
def test_whether_a_thing_is_legal_or_permitted_asks_how(text: str) -> None:
    assert "asks how" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "what documents does a contractor need to get a building badge",
        "which licenses do our drivers need for the Ontario loads?",
    ],
)
def test_the_papers_someone_needs_asks_how(text: str) -> None:
    assert "asks how" in explain(text)
    assert looks_like_question(text)


def test_when_someone_needs_to_be_somewhere_asks_nothing_of_an_expert() -> None:
    assert "asks how" not in explain("what time does the caterer need to be here tomorrow?")
    assert "asks how" not in explain("what documents do you need from me for the offer?")


@pytest.mark.parametrize(
    "text",
    [
        "is a scanned W-9 ok or does it have to be the original with a wet signature?",
        "is a photo of the receipt enough or does it have to be the paper copy?",
    ],
)
def test_whether_a_thing_will_do_or_must_be_another_asks_how(text: str) -> None:
    assert "asks how" in explain(text)
    assert looks_like_question(text)


def test_a_time_offered_to_the_one_asked_asks_nothing() -> None:
    text = "is 3pm ok or do you want to push to tomorrow?"
    assert "asks how" not in explain(text)
    assert not looks_like_question(text)


def test_the_earliest_a_rule_allows_asks_how() -> None:
    text = "what's the earliest a new hire can enroll in the 401k, day one or after 90 days?"
    assert "asks how" in explain(text)
    assert looks_like_question(text)


def test_the_earliest_the_one_asked_can_come_asks_nothing() -> None:
    text = "what's the earliest you can get here tomorrow?"
    assert "asks how" not in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "need somebody to cover the help desk phones 12-1, who can?",
        "looking for someone to take my saturday on-call, will swap for any weekend in jan",
    ],
)
def test_a_shift_or_a_desk_to_cover_is_put_to_people(text: str) -> None:
    assert "put to one person" in explain(text)
    assert not looks_like_question(text)


def test_needing_someone_who_can_explain_still_asks() -> None:
    text = "need someone who can explain how the on-call rotation gets generated in pagerduty"
    assert "put to one person" not in explain(text)
    assert looks_like_question(text)


def test_a_question_others_want_answered_and_the_writer_answered_asks_nothing() -> None:
    text = "finance called, they want to know if we can close the books early. I told them yes"
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)


def test_a_question_others_want_answered_and_the_writer_could_not_still_asks() -> None:
    text = (
        "finance called, they want to know if we can close the books early, I told them I'd "
        "check. how do we lock the period in netsuite before the 31st?"
    )
    assert "answered itself" not in explain(text)
    assert looks_like_question(text)


def test_a_question_headed_with_our_position_as_its_answer_asks_nothing() -> None:
    text = (
        "Open question for the vendor call: can they host in the EU? Our position: yes, or we "
        "walk away."
    )
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)


def test_asking_what_our_position_is_still_asks() -> None:
    text = "what's our position on subcontractors using AI tools? can't find it in the policy"
    assert "answered itself" not in explain(text)
    assert looks_like_question(text)
