"""Phrasings of asking, and of not asking, that the fifty-sixth held-out set (an accounting firm's
audit and tax practice, some in German and Dutch) and the fifty-seventh (a railway's rolling-stock
depot, some in Italian, Polish and Portuguese) showed the detector reading wrongly
(`bot/questions/detect.py`, `bot/questions/detect_words/`); both sets were written blind and
committed before the detector was run on them. Every message here is written for the test, none
is from a labelled set, and each rule is probed with messages of other workplaces, and with near
misses that must keep their verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "who has the parking pass for the visitor bay today?",
        "who's got the access card for the server room",
        "who has the fuel card for the blue van",
        "who has the badge for the loading dock? mine won't scan",
    ],
)
def test_who_holds_a_card_or_a_pass_asks_for_a_thing(text: str) -> None:
    """A card, a badge or a pass opens a door or a machine, as a key does: a thing to hand
    over."""
    assert "small talk" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "who has the card number for the AWS account? the invoice bounced",
        "who has the admin password for the label printer?",
    ],
)
def test_who_holds_what_someone_knows_still_asks(text: str) -> None:
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "who fixed the wifi on 3? just want to say thanks, it's been flawless all week",
        "who reorganised the supply closet? want to give them a shout-out, I found everything",
        "who set up the new onboarding checklist? I'd like to thank them, saved me an hour",
    ],
)
def test_who_did_a_thing_to_be_thanked_is_small_talk(text: str) -> None:
    """Asked only to know whom to thank, as `who do I thank for the bagels?` is."""
    assert "small talk" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "who owns the nightly billing export? it failed twice, thanks in advance",
        "who set up the VPN split tunnel? want to understand why the printers drop off it",
    ],
)
def test_who_owns_a_thing_with_thanks_still_asks(text: str) -> None:
    assert "small talk" not in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "does anyone ever actually read the release notes :sweat_smile:",
        "does anybody even really check the shared calendar",
        "I wonder if anyone ever actually opens the quarterly survey",
    ],
)
def test_whether_anyone_ever_even_reads_sighs(text: str) -> None:
    """Two such words in a row sigh as one does (`does anybody even look at the dashboards`)."""
    assert "small talk" in explain(text), text
    assert not looks_like_question(text), text


def test_whether_anyone_actually_knows_still_asks() -> None:
    text = "does anyone actually know how the accrual job picks its cutoff date?"
    assert "small talk" not in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "who decided the new seating plan? it's a joke :skull:",
        "who approved the 7am all-hands? absolute madness :face_palm:",
        "who thought a cash-only canteen was a good move? ridiculous :roll_eyes:",
    ],
)
def test_blame_with_scorn_before_an_eye_roll_vents(text: str) -> None:
    """A few words of scorn between the blame and the eye-roll are at the blame, as the eye-roll
    right after its `?` is."""
    assert "small talk" in explain(text), text
    assert not looks_like_question(text), text


def test_a_problem_told_before_an_eye_roll_still_asks() -> None:
    text = "who set up the disk alerts? they page for every 1% blip :face_palm:"
    assert "small talk" not in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Is the loading bay still blocked by the skip lorry?",
        "is the north stairwell still occupied by the painters?",
        "are the ticket scanners at gate 2 still jammed?",
    ],
)
def test_whether_a_thing_is_still_blocked_asks_for_status(text: str) -> None:
    """A thing blocked, occupied, jammed or stuck is a state, as down or closed is; the writer
    blocked (`I'm still blocked by the SSO callback`) asks for help."""
    assert "asks for status" in explain(text), text
    assert not looks_like_question(text), text


def test_the_writer_still_blocked_asks_for_help() -> None:
    text = "I'm still blocked by the SSO callback error on staging, any ideas?"
    assert "asks for status" not in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Onde fica o contrato modelo de fornecedores? Procurei na pasta e não achei",
        "Como faço para gerar o relatório de comissões? Tentei no sistema mas não encontrei",
    ],
)
def test_not_found_in_portuguese_is_no_answer(text: str) -> None:
    """`não achei` (did not find it) is the search that failed, not `achei` (found it)."""
    assert "answered itself" not in explain(text), text
    assert looks_like_question(text), text


def test_found_in_portuguese_still_answers_itself() -> None:
    text = "Onde fica o contrato modelo de fornecedores? já achei, obrigado"
    assert "answered itself" in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Iemand die verstand heeft van de nieuwe pensioenregeling? Ik snap de overgangsregel niet",
        "Is er iemand die ervaring heeft met Exact Online koppelingen?",
        "Sapete se il modulo F24 si può pagare anche dal conto aziendale estero?",
        "Weten jullie of de nieuwe parkeerregels ook voor leaseauto's gelden?",
        "Wisst ihr, ob man die Reisekosten auch nachträglich einreichen kann?",
        "Vocês sabem se o vale-transporte entra no cálculo das férias?",
        "Wiecie może, czy delegację trzeba rozliczyć w ciągu 14 dni?",
    ],
)
def test_someone_who_knows_or_what_the_room_knows_asks_abroad(text: str) -> None:
    """Someone who knows a field, sought in Dutch, and what the room knows, asked of all in
    Italian, Dutch, German, Portuguese and Polish, as `sabéis si…` asks in Spanish."""
    assert "asks for help" in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "is it really one by one? there must be a quicker way to export all the statements",
        "I copy the totals into the deck by hand every month. there has to be a simpler way?",
        "anyone automated this yet? there's got to be a more efficient way than copy paste",
    ],
)
def test_a_quicker_way_wished_for_asks_how(text: str) -> None:
    """As `there must be a better way` does."""
    assert "asks how" in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "can a supervisor override the price if the customer has a competitor quote?",
        "can a contractor approve their own timesheet if their manager is on leave?",
        "can a new starter access payroll data if they haven't done the GDPR module yet?",
    ],
)
def test_whether_anyone_in_a_role_may_act_under_a_condition_asks_the_rule(text: str) -> None:
    """As `can we…` and `can I… if…` ask."""
    assert "asks how" in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "can an intern leave early if the shop is quiet?",
        "can a volunteer bring cake if it's someone's birthday?",
    ],
)
def test_leave_asked_for_anyone_in_a_role_is_no_rule(text: str) -> None:
    assert "asks how" not in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "should the setup fee be recognised upfront or spread over the contract term",
        "should a customer deposit be recorded as revenue when received or held as a liability",
        "should the freight surcharge be billed on the same invoice, or as a separate line",
    ],
)
def test_how_a_thing_is_treated_asked_as_a_choice_asks_how(text: str) -> None:
    """As `does the deposit go in capex or opex?` asks where a thing is filed."""
    assert "asks how" in explain(text), text
    assert looks_like_question(text), text


def test_a_meeting_moved_asked_as_a_choice_is_no_treatment() -> None:
    text = "should the standup be moved to 10 or 11 from next week"
    assert "asks how" not in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "need someone who's done a SOC 2 type 2 readiness review, our auditor wants evidence we "
        "don't have",
        "looking for somebody who has filed a 1042-S before, the instructions make no sense to me",
        "need someone who knows the old Sage ledger, the migration left 40 orphan journals",
    ],
)
def test_someone_sought_for_what_they_have_done_asks_how(text: str) -> None:
    """Someone who has done a thing is asked how it is done, not for a hand."""
    assert "asks how" in explain(text), text
    assert looks_like_question(text), text


def test_someone_sought_to_cover_is_still_a_hand() -> None:
    text = "need someone to cover the front desk from 3 to 5 today"
    assert "asks how" not in explain(text), text
    assert not looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Gdzie trzymamy zapasowe tonery do drukarki na drugim piętrze?",
        "Onde guardamos os contratos assinados dos fornecedores?",
        "Dove teniamo i campioni del lotto 24 dopo il controllo qualità?",
        "Hoe zit het met de vakantiedagen als je halverwege het jaar in dienst komt?",
    ],
)
def test_where_a_thing_is_kept_or_how_a_rule_works_asks_how_abroad(text: str) -> None:
    """Where a thing is kept in Polish, Portuguese and Italian, as `where do we keep…` asks; how
    a rule or an arrangement works in Dutch."""
    assert "asks how" in explain(text), text
    assert looks_like_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Gdzie jest mój telefon? Zostawiłem go w kuchni",
        "Hoe staat het met de offerte voor Bakker?",
    ],
)
def test_a_thing_lost_or_how_a_thing_stands_abroad_is_no_ask(text: str) -> None:
    assert "asks how" not in explain(text), text
    assert not looks_like_question(text), text
