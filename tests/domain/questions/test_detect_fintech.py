"""Phrasings of not asking, and of asking, in a fintech and data company's day of channel
traffic that the twenty-sixth held-out set showed the detector reading wrongly
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
        "is it too much to ask for staging to stay up for one whole day?",
        "Would it be too much to ask that PRs come with a description?",
        "is it really too much to ask that the on-call handoff doc gets updated",
    ],
)
def test_asking_whether_it_is_too_much_to_ask_complains(text: str) -> None:
    assert "small talk" in explain(text)
    assert not looks_like_question(text)


def test_how_much_is_too_much_to_ask_for_still_asks() -> None:
    text = "how much equity is too much to ask for when negotiating an offer? first time doing this"
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Curious how we cut cloud costs by 30%? Our latest write-up walks through it: "
        "<https://blog.example.com/finops|FinOps at scale>",
        "Ever wondered how card authorization works? This week's explainer breaks it down "
        "<https://blog.example.com/auth|here> :credit_card:",
    ],
)
def test_a_question_answered_by_the_writers_own_post_answers_itself(text: str) -> None:
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "how do I set up SAML with Ping? the guide covers Okta but not Ping",
        "anyone know how to shard the ledger table? the new post shows a diagram, nothing on the "
        "migration itself",
        "how do we rotate the webhook secret? our guide explains it for Stripe. does the same work "
        "for Adyen?",
    ],
)
def test_a_post_that_leaves_the_question_open_still_asks(text: str) -> None:
    assert "answered itself" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Which logo do you all prefer? 1) the wordmark 2) the monogram",
        "which tagline does everyone like better? (a) Money, moved. (b) Payouts in seconds.",
    ],
)
def test_which_thing_the_room_likes_with_the_options_listed_is_a_poll(text: str) -> None:
    assert "small talk" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "which linter do you prefer for a large Python monorepo? ours takes 4 minutes in CI",
        "which library should we use for retries in the payments worker? A) tenacity B) backoff",
    ],
)
def test_which_thing_to_use_still_asks(text: str) -> None:
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "who scheduled the deploy for Friday 5pm :face_palm:",
        "who left the debug flag on in prod :skull:",
        "who named this service payments-service-v2-final 🙄",
    ],
)
def test_who_did_it_ended_by_an_eye_roll_without_a_question_mark_vents(text: str) -> None:
    assert "small talk" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "who owns the font licences for the brand kit :skull:",
        "who approved the vendor contract for Plaid? need the PO number for the renewal",
    ],
)
def test_who_owns_a_thing_still_asks(text: str) -> None:
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can we get the release notes finalized by EOD? marketing wants them tonight",
        "could the team have the Q4 forecasts submitted by Friday?",
    ],
)
def test_work_asked_to_be_done_by_a_deadline_is_put_to_the_ones_doing_it(text: str) -> None:
    assert "put to one person" in explain(text)
    assert not looks_like_question(text)


def test_how_we_can_get_a_thing_done_still_asks() -> None:
    text = (
        "can we get the PCI scan done by an internal team, or does it have to be an approved "
        "vendor?"
    )
    assert "put to one person" not in explain(text)
    assert looks_like_question(text)
