"""Phrasings of not asking, and of asking, as a trading desk and its middle office write them,
tersely, with abbreviations, many in the English of Warsaw and Buenos Aires (`q:`, `pls advise
how…`, `what is the reason that…`, `nm 16:00`), that the thirty-seventh held-out set showed the
detector reading wrongly (`bot/questions/detect.py`, `bot/questions/detect_words/`); every
message here is written for the test, none is from a labelled set, and each rule is probed with
messages of other workplaces, and of chatter, too."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "what is the reason that the custodian rejects our SSI for the new fund",
        "what could be the reason for the 504s on the internal load balancer, pods are healthy",
        "q: for a give-up trade who books first, executing or clearing broker",
        "has anyone automated the monthly commission recon? doing it by hand is killing me",
    ],
)
def test_a_reason_a_q_and_an_automation_ask_for_help(text: str) -> None:
    assert "asks for help" in explain(text) or "asks how" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "pls advise how to handle a failed trade claim from the broker, they want interest",
        "kindly advise the correct process for closing a share class",
    ],
)
def test_advice_asked_of_anyone_asks_for_help(text: str) -> None:
    assert "asks for help" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "the reason is the SSI was never updated, fixed now",
        "Q: who approves new brokers? A: the best ex committee, next one on the 15th",
        "please advise if you are joining the dinner on thursday",
        "has anyone automated the export yet?",
    ],
)
def test_a_reason_told_a_faq_an_rsvp_and_a_status_ask_nothing(text: str) -> None:
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "why the margin call from JPM is so big today? exposure didn't change. what am i missing",
        "how do we map the new ISIN after the merger in the OMS",
        "does the NAV use the WMR 4pm FX rate or our own snapshot",
    ],
)
def test_a_trading_desk_s_words_are_words_of_work(text: str) -> None:
    assert "about work" in explain(text)
    assert looks_like_question(text)


def test_a_party_to_a_trade_is_no_party() -> None:
    text = "for a CDS novation who confirms on DTCC, us or the stepping-in party?"
    assert "social words" not in explain(text)
    assert "social words" in explain("who's coming to the party friday? bring snacks")


def test_nm_and_a_figure_after_a_question_answers_it() -> None:
    text = "what's the cutoff for GBP payments? nm 16:00, it's on the wiki"
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)
    # `7 nm` is a size, and a question after the figure still asks
    assert looks_like_question("is the 7 nm node supported by the PDK, anyone know?")


def test_the_status_of_one_named_thing_asks_for_status() -> None:
    for text in ("what's the status of ticket OPS-4412?", "what is the status of the migration?"):
        assert "asks how" not in explain(text)
        assert not looks_like_question(text)
    # how a process stands still asks how
    assert "asks how" in explain("what's the status of a PO once it is approved in NetSuite?")


def test_wondering_whether_anyone_reads_sighs() -> None:
    assert not looks_like_question("I wonder if anybody reads the ops newsletter")
    assert not looks_like_question("wonder whether anyone opens these weekly reports tbh")
    assert looks_like_question("does anyone read Japanese? need a custodian letter translated")


@pytest.mark.parametrize(
    "text",
    [
        "blue or green header for the fails dashboard? i like blue more tbh",
        "black or bronze mullions for the lobby? leaning black",
    ],
)
def test_a_choice_of_two_colours_polls_taste(text: str) -> None:
    assert "small talk" in explain(text)
    assert not looks_like_question(text)


def test_a_colour_in_a_real_question_still_asks() -> None:
    text = "why does the build go red or green at random on the same commit?"
    assert "small talk" not in explain(text)
    assert looks_like_question(text)
