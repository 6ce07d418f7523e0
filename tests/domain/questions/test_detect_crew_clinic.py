"""Phrasings of not asking, and of asking, that the forty-sixth held-out set (a TV drama's crew
channel, typed on phones) and the forty-seventh (a veterinary hospital group: formal compliance
messages, terse clinical ones, Spanish and Tagalog mixed in) showed the detector reading wrongly
(`bot/questions/detect.py`, `bot/questions/detect_words/`); both sets were written blind and
committed before the detector's code was read. Every message here is written for the test, none
is from a labelled set, and each rule is probed with messages of other workplaces, and with near
misses that must keep their verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def asks(text: str) -> None:
    assert looks_like_question(text), text


def asks_nothing(text: str) -> None:
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "need a hand figuring out the vesting schedule on the new option grants",
        "need some help understanding the new overtime rules for the warehouse",
        "could use a hand making sense of the audit findings before friday",
    ],
)
def test_a_hand_asked_to_understand_a_thing_asks(text: str) -> None:
    asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "need a hand moving the pallets to bay 4 in 10",
        "need a hand carrying the chairs up to the boardroom",
    ],
)
def test_a_hand_asked_to_lift_a_thing_is_a_favour(text: str) -> None:
    asks_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "could someone walk me thru reconciling the petty cash in quickbooks",
        "lf someone who has rigged a projector mount on a drop ceiling, the bracket looks wrong",
        "the label printer keeps jamming on the second label every time ideas",
        "scanner keeps dropping the wifi even after a reboot. fix?",
        "pump keeps alarming occlusion on line 2, tubing looks fine, troubleshooting tips?",
        "warehouse app keeps crashing on the zebra handhelds any recs for a more stable build",
        "the mixer output clips on every third track, what usually causes that",
        "Could someone who has handled a subpoena for employee records outline what HR must do",
        "pouring the slab on a slope next week, any guidance on the formwork",
    ],
)
def test_asks_for_help_typed_as_chat_types_them(text: str) -> None:
    asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "the label printer keeps jamming but I have some ideas",
        "the autoclave keeps failing, we already have a fix",
        "thanks for all the great ideas",
        "that's what causes it, the cable was loose",
    ],
)
def test_a_fault_told_without_asking_asks_nothing(text: str) -> None:
    asks_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "does jira let you bulk move tickets between projects",
        "does the new portal let us upload receipts in bulk",
        "wheres the best place to put the spill kit on the floor",
        "where do the signed timesheets go at the end of the week",
        "what are the actual rules on carrying over vacation days",
        "how many sandbags per light stand on the roof",
        "drifting 3 degrees by lunch on the freezer probe, recalibrate or is something wrong?",
        "pH reading 7.9 on the pool sample, normal or should I call the vendor",
    ],
)
def test_asks_how_typed_without_its_usual_words(text: str) -> None:
    asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "does your manager let you work from home on fridays?",
        "does anyone let you know when the build is done?",
        "wheres the best place to eat near the office",
        "where do we go for lunch today",
        "any tips for lunch spots near the venue",
        "how many people are coming to the offsite",
    ],
)
def test_life_outside_work_still_asks_nothing(text: str) -> None:
    asks_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "whats the max dose of meloxicam for a 30kg dog, the chart is smudged",
        "anyone know the reference range for ALT in cats on the new analyzer",
    ],
)
def test_a_pet_given_a_dose_is_a_patient(text: str) -> None:
    asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "anyone know a good dog walker near the office?",
        "who's up for lunch at the taco place",
    ],
)
def test_a_pet_or_a_lunch_of_ones_own_is_still_small_talk(text: str) -> None:
    asks_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "looking for whoever parked the blue van across the loading dock",
        "looking for whoever took the good stapler from reception",
        "i wonder if someone has the keys to the server room, I'm locked out",
        "who has the key to the supply closet?",
        "who can drive the client to the airport tomorrow at 6",
        "Isn't it funny how the printer only breaks on payroll day",
        "Is it not remarkable how quickly the new tablets were adopted by the night shift?",
        "what do we think about getting standing desks?",
        "which banner do you prefer for the booth, A or B?",
        "how do I reset the badge reader nvm power cycled it and it's fine",
        'Please note that the auditor asked, among other things, "Where are the logs kept?" and '
        '"Who signs them?"; I have drafted the answers and will share them Monday.',
    ],
)
def test_culprits_keys_errands_wonders_and_opinions_ask_nothing(text: str) -> None:
    asks_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "looking for whoever set up the VPN, the certificate expired",
        "does anyone have the key for the staging API? the old one was revoked",
        "who can explain how the new expense approval chain works?",
        "is it normal that the pump runs for 20 minutes after shutoff?",
        "what do you all think is causing the memory leak in the importer?",
        'the auditor asked "Where are the logs kept?" and I have no idea, does anyone know?',
        "installed nvm but node still says v16, how do I switch the default",
    ],
)
def test_their_near_misses_still_ask(text: str) -> None:
    asks(text)
