"""What the seventieth held-out set (a mining company's pits, plant and camps, some in Serbian,
Bulgarian and Afrikaans) and the seventy-first (a food and grocery delivery platform's rider
ops, dark stores, partners and data, some in Catalan, Lithuanian and Telugu) showed the detector
reading wrongly, in `bot/questions/detect_words/slavic_baltic_afrikaans_catalan_telugu.py` and
the other lists. Both sets were committed, blind, before the detector first ran on them; the
messages below were written for these tests alone, from other workplaces, beside near misses
whose verdict must not move."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


# Each message with whether it asks: the asks first, then the messages that ask no one
CASES = [
    # Serbian and Croatian: anyone who knows or has done it, how, where a thing is kept, the
    # difference, how long one must wait
    ("zna li netko gdje se čuvaju ugovori s dobavljačima?", True),
    ("ima li neko iskustva sa e-fakturama u SEF-u?", True),
    ("kako se prijavljuje bolovanje u novom portalu?", True),
    ("koja je razlika između avansnog i konačnog računa?", True),
    ("koliko treba čekati na odobrenje za službeni put", True),
    # Bulgarian: anyone who knows, where a thing is kept, an explanation, what an error means
    ("някой знае ли защо принтерът на третия етаж печата празни страници?", True),
    ("къде се съхраняват договорите с доставчиците?", True),
    ("може ли някой да ми обясни как работи новата ставка на ДДС?", True),
    ("какво означава грешка 403 в портала за фактури?", True),
    # Afrikaans: anyone who knows or has an idea, how, where, the rule (`wat` read as `what`)
    ("weet enigiemand hoe die nuwe BTW-faktuur werk?", True),
    ("hoe registreer ek 'n nuwe verskaffer in die stelsel", True),
    ("waar kry ek die vorm vir siekverlof?", True),
    ("enige idee hoekom die drukker net leë bladsye uitdruk?", True),
    ("wat is die beleid vir oortyd op openbare vakansiedae", True),
    # Catalan: anyone who knows, where, the procedure, a way
    ("algú sap si cal signar digitalment les factures rectificatives?", True),
    ("on puc trobar el model de contracte per a proveïdors?", True),
    ("quin és el procediment per demanar un portàtil nou?", True),
    ("hi ha alguna manera de recuperar un fitxer esborrat del Drive?", True),
    # Lithuanian: anyone who knows, where, how a thing is worked out, the procedure
    ("gal kas nors žino, kaip pateikti atostogų prašymą naujoje sistemoje?", True),
    ("kur galima rasti tiekėjų sutarčių šabloną?", True),
    ("kaip apskaičiuojami dienpinigiai komandiruotėje", True),
    ("koks yra procesas naujam darbuotojui gauti prieigą?", True),
    # Telugu: anyone who knows, how one does a thing, where a document is, whether it is allowed
    ("ఎవరికైనా తెలుసా, VPN ఎందుకు disconnect అవుతోంది?", True),
    ("expense claim ఎలా submit చేయాలి? మొదటిసారి", True),
    ("travel policy document ఎక్కడ ఉంది?", True),
    ("GST invoice లేకుండా reimbursement claim చేయవచ్చా?", True),
    # English: what makes a thing behave so, where a document's latest version is, a
    # restaurant as a business partner paid out
    ("what makes a pump cavitate at low flow?", True),
    ("what usually makes the label printer skip every other label?", True),
    ("where's the latest version of the evacuation plan?", True),
    ("where is the current onboarding checklist", True),
    ("how do we handle a restaurant that wants its payouts weekly instead of monthly", True),
    # a question answered in the same message, in the six languages (a few after an English
    # lead-in the detector already read as asking) and in English with the writer's `I` dropped
    ("kako se menja lozinka za VPN? našao sam, ima na wikiju", False),
    ("как се сменя паролата за VPN? намерих го, има го в уикито", False),
    ("hoe stel ek die drukker op? het dit gekry, dankie", False),
    ("com es reinicia el router de l'oficina? ja ho he trobat", False),
    ("kaip pakeisti slaptažodį portale? radau, ačiū", False),
    ("VPN ఎలా connect చేయాలి? దొరికింది, thanks", False),
    ("weet iemand hoe mens die drukker opstel? het dit gekry, dankie", False),
    ("quick question: com es configura el VPN? ja ho he trobat", False),
    ("quick question: kaip prisijungti prie VPN? radau, ačiū", False),
    ("quick question: VPN ఎలా connect చేయాలి? దొరికింది", False),
    ("Asked Maria how to reset the badge printer and she showed me the menu. sorted", False),
    ("Asked Tom where the fire blanket is kept and he showed me the cupboard. all good", False),
    # blame tagged with whoever bears it, blame with an angry face after its `?`
    ("Who approved moving the stand-up to 7am? Asking for my sleep.", False),
    ("who moved the pallet jack again?? :rage:", False),
    ("who changed the wifi password?? :rage:", False),
    ("who deleted the shared calendar?? :angry:", False),
    # near misses: no one knowing, a loan, a scoff, a name, favours, taste, a favour put to one
    # person, lunch out
    ("niko ne zna kad stiže nova isporuka", False),
    ("ima li neko punjač za laptop?", False),
    ("kako da ne, baš nam je to trebalo", False),
    ("algú em pot cobrir el torn de diumenge?", False),
    ("ar kas galėtų pavaduoti mane penktadienį?", False),
    ("what makes this team so special?", False),
    ("<@U01DESIGN> where's the latest version of the deck?", False),
    ("anyone know a good restaurant near the office for friday lunch?", False),
    # who owns a thing, asked, still asks
    ("who approves overtime on the night shift? asking for the team", True),
]


@pytest.mark.parametrize(("text", "asks"), CASES)
def test_each_message_is_read_as_it_is_meant(text: str, asks: bool) -> None:
    assert looks_like_question(text) is asks, (text, explain(text))
