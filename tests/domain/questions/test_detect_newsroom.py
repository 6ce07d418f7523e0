"""Phrasings of not asking, and of asking, in a news and media company's day of channel traffic
that the twenty-seventh held-out set showed the detector reading wrongly
(`bot/questions/detect.py`, `bot/questions/detect_words/`); every message here is written for
the test, none is from a labelled set."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question, normalise

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        'the landlord said "who reads the fine print anyway?" and that goes in the nut graf',
        'Quote from the fire chief: "How many warnings do they need?" running it as the pull quote',
        "she says “why would we settle now?” — strong kicker, keeping it",
    ],
)
def test_a_question_quoted_as_said_is_the_speakers(text: str) -> None:
    assert "?" not in normalise(text)
    assert not looks_like_question(text)


def test_a_question_quoted_as_said_then_asked_about_still_asks() -> None:
    text = 'the councillor said "is that even legal?" in the meeting. can we print that verbatim?'
    assert looks_like_question(text)


def test_a_question_relayed_for_an_answer_still_asks() -> None:
    text = (
        'a reader asked "how do you pick which letters to run?" and I honestly do not know, '
        "what's our process for choosing letters?"
    )
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is the chart from the census data or the county survey? The county survey, noted in the "
        "source line",
        "was it 12 or 14 precincts? 14 precincts, fixed in the copy",
        "does the embargo lift at 6 or 9? checked, 9am ET, updating the budget",
        "the wire says 300 but we have 310, which is right? confirmed: 310 per the sheriff",
    ],
)
def test_an_either_or_question_answered_by_the_writer_answers_itself(text: str) -> None:
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "should captions go under the photo or over the photo? over the photo looks odd on mobile "
        "though, what does the style guide say?",
        "do we use the Getty feed or the AP feed for wire photos? no idea which one we pay for",
        "how do I check which template a story uses? checked the sidebar but it is not there",
    ],
)
def test_an_either_or_question_not_answered_still_asks(text: str) -> None:
    assert "answered itself" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Should the library stay open until midnight? Tell us in the comments "
        "<https://news.example.com/opinion/library|Opinion>",
        "Is remote school working? Let us know below :point_down:",
        "How do we fact-check a live debate? We wrote it up for readers: "
        "<https://news.example.com/how-we-fact-check|How we fact-check>",
    ],
)
def test_a_question_put_to_readers_or_written_up_for_them_answers_itself(text: str) -> None:
    assert "answered itself" in explain(text)
    assert not looks_like_question(text)


def test_a_question_with_a_writeup_wanted_still_asks() -> None:
    text = "how do we fact-check a live debate? we wrote it up once, where is that doc?"
    assert "answered itself" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "can we name a teacher who was suspended but not charged?",
        "may we publish the victim's photo if the family posted it publicly?",
        'can we call the developer a "slumlord" in a headline if a judge used the word?',
        "could we legally identify the juror from the court filing?",
    ],
)
def test_whether_we_may_publish_or_name_asks_how(text: str) -> None:
    assert "asks how" in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "can we call it a day? I'm fried",
        "can we move the news meeting to 10:30?",
    ],
)
def test_calling_or_moving_without_a_label_asks_nothing(text: str) -> None:
    assert "asks how" not in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "page is back up, someone had the wrong cache rule enabled",
        "false alarm, somebody got the embargo time mixed up",
    ],
)
def test_what_someone_had_or_got_tells(text: str) -> None:
    assert "asks for help" not in explain(text)
    assert not looks_like_question(text)


def test_whether_anyone_had_it_still_asks() -> None:
    text = "anyone had the CMS drop image captions on save? lost three today"
    assert "asks for help" in explain(text)
    assert looks_like_question(text)


def test_someone_wanting_their_story_changed_is_no_invitation() -> None:
    text = "who handles correction requests? someone wants their quote changed in last week's piece"
    assert "small talk" not in explain(text)
    assert looks_like_question(text)


def test_anyone_wanting_a_thing_still_invites() -> None:
    text = "anyone want the last bagel in the newsroom kitchen?"
    assert "small talk" in explain(text)
    assert not looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "can I get a second read on my lede? want it tight before 5",
        "could we get a fresh pair of eyes on the obit before it runs?",
        "can I get a quick look at the chart captions, pls?",
    ],
)
def test_a_reading_of_the_writers_draft_is_a_favour(text: str) -> None:
    assert "put to one person" in explain(text)
    assert not looks_like_question(text)


def test_a_read_on_a_matter_asks_no_reading() -> None:
    text = "can we get a read on how the paywall meter counts app sessions? the numbers look off"
    assert "put to one person" not in explain(text)
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "does a freelancer's byline go above or below the dateline on wire pickups?",
        "is there a template for an obituary of a former official?",
        "is a headline libel if the story under it is accurate? first time legal has flagged one",
    ],
)
def test_a_newsrooms_words_are_words_of_work(text: str) -> None:
    assert "about work" in explain(text)
    assert looks_like_question(text)
