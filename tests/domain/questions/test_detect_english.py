"""English phrasings of asking and not asking that the thirteenth held-out set showed the
detector missing (`bot/questions/detect_words.py`); every message here is written for the test,
none is from a labelled set."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "would anybody happen to know the cutoff for purchase orders this quarter",
        "does anyone by any chance have the login for the old webinar account",
        "anyone happen to know which SSO group gives access to the finance dashboards",
    ],
)
def test_a_polite_hedge_still_asks_someone_who_knows(text: str) -> None:
    """`would anyone happen to know…` asks as `does anyone know…` does."""
    assert "asks for help" in explain(text) and looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "has anybody gotten the Zoom Rooms controller to pair with the new TVs",
        "has anyone managed to export call transcripts from Gong in bulk",
    ],
)
def test_asking_who_got_a_thing_working_asks_for_experience(text: str) -> None:
    assert "asks for help" in explain(text) and looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "the nightly export doubled in size overnight and i can't see why",
        "I cannot tell whether the new tax rule applies to invoices already issued",
    ],
)
def test_not_seeing_why_asks_for_help(text: str) -> None:
    """`I can't see why…` is stuck, as `I can't figure out why…` is."""
    assert "asks for help" in explain(text) and looks_like_question(text)


def test_asking_what_a_thing_was_called_asks_someone_who_remembers() -> None:
    """`what was it called?` asks for a name; `what was it like?` asks after a time, as `how
    was it?` does."""
    assert looks_like_question("there was a wiki page on the laptop refresh, what was it called?")
    assert "small talk" not in explain("what was the name of the vendor we used for pen tests?")
    for chat in ("what was the trip like?", "what was your weekend like?", "how was the offsite?"):
        assert "small talk" in explain(chat) and not looks_like_question(chat)


@pytest.mark.parametrize(
    "text",
    [
        "is there a salesforce report for renewals by quarter",
        "is there a channel for payroll questions",
        "is there a dashboard that shows p95 latency per region",
    ],
)
def test_asking_whether_a_report_or_a_channel_exists_asks_how(text: str) -> None:
    """Whether a report, a dashboard or a channel exists is asked as whether a doc or a
    template does."""
    assert "asks how" in explain(text) and looks_like_question(text)


def test_an_instruction_to_vote_is_a_poll() -> None:
    """`vote in thread`, `vote below` poll the room, as `vote with emoji` does; how to vote
    is still a question."""
    assert not looks_like_question("Vote below: which font should the deck use, Inter or Lato?")
    assert not looks_like_question("vote in thread: should the design review move to Tuesdays?")
    assert looks_like_question("how do I vote in the board election portal? the link 404s")


def test_a_question_written_out_with_its_answer_asks_nothing() -> None:
    """`Q: …? A: …` is a FAQ, answered in the message; a `Q:` without an answer asks."""
    assert not looks_like_question(
        "Q: where is the VPN config for linux? A: in the IT wiki under Network. pinning this"
    )
    assert looks_like_question("Q: where is the VPN config for linux? the wiki only covers mac")


def test_a_remark_that_just_wanted_to_say_asks_nothing() -> None:
    """`just wanted to say…` is a remark, however it is hedged; a question after it still
    asks."""
    assert not looks_like_question(
        "not sure if this is the right place but just wanted to say the new expense tool rocks"
    )
    assert looks_like_question(
        "just wanted to say thanks for the help. also does anyone know where the W-9 lives?"
    )
