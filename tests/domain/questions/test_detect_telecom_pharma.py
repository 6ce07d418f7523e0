"""What the sixty-eighth held-out set (a mobile network and tower operator's NOC, field and
care channels, some in Tagalog, Hausa and Amharic) and the sixty-ninth (a drug manufacturer's QA,
QC, production and regulatory channels, some in Romanian, Hungarian and Tamil) showed the
detector reading wrongly, in `bot/questions/detect_words/tagalog_hausa_amharic_tamil.py` and the
other lists. Both sets were committed, blind, before the detector first ran on them; the
messages below were written for these tests alone, from other workplaces, beside near misses
whose verdict must not move."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


# Each message with whether it asks: the asks first, then the messages that ask no one
CASES = [
    # Tagalog: anyone who knows, whom to turn to, the procedure or papers, where a thing is
    ("may nakakaalam ba kung bakit hindi nagse-sync yung payroll sa bangko", True),
    ("may alam po ba kayo kung paano i-renew yung business permit online", True),
    ("sino po ang humahawak ng mga reimbursement ngayong buwan?", True),
    ("ano po ang requirements para sa pag-apply ng maternity leave", True),
    ("saan ko makikita yung template ng quotation para sa bagong client", True),
    # Hausa: anyone who knows or has done it, who handles a thing, how, where, what, which
    ("akwai wanda ya san yadda ake shigar da sabon printer a ofis?", True),
    ("wa ya san lambar wayar mai kula da haya?", True),
    ("wa ke kula da biyan albashin ma'aikatan wucin gadi", True),
    ("yaya ake neman hutun rashin lafiya a sabon tsarin?", True),
    ("ina ake samun fom din neman kudin tafiya?", True),
    ("menene bambancin kwangilar wucin gadi da ta dindindin?", True),
    # Amharic: anyone who knows or with experience, how, where, which papers, the procedure
    ("የደመወዝ ሲስተሙ ለምን እንደማይከፍት የሚያውቅ ሰው አለ", True),
    ("በዚህ ጉዳይ ልምድ ያለው ሰው አለ? የኮንትራት እድሳት", True),
    ("የወጪ ሪፖርቱን እንዴት ነው የምናስገባው?", True),
    ("የሰራተኞች መመሪያ የት ነው የሚገኘው?", True),
    ("ለፓስፖርት እድሳት ምን ሰነድ ያስፈልጋል?", True),
    ("የግዢ ሂደቱ ምንድን ነው?", True),
    # Tamil: anyone who knows or has seen it, how one does a thing, where a document is kept,
    # which of two ways
    ("யாருக்காவது தெரியுமா invoice approval யார் பண்ணுவாங்கன்னு", True),
    ("யாராவது இந்த error முன்னாடி பார்த்திருக்கீங்களா? VPN connect ஆகல", True),
    ("leave balance எப்படி check பண்றது portal-ல?", True),
    ("travel policy document எங்க இருக்கு?", True),
    ("expense claim-ஐ manager-க்கா இல்ல finance-க்கா அனுப்பணும்?", True),
    # Romanian and Hungarian: how one does a thing, the procedure, why it would happen
    ("cum se face rambursarea pentru deplasări în străinătate", True),
    ("care este procedura pentru concediul fără plată?", True),
    ("de ce ar da eroare exportul în Excel după actualizare", True),
    ("hogyan lehet igényelni az új laptopot", True),
    ("mi a menete a szabadság igénylésének?", True),
    # English: the cause of a thing's behaviour, the rule in a case set out first
    ("why would the nightly backup take twice as long on Sundays", True),
    (
        "if a vendor invoice arrives after the quarter closes, do we accrue it in the old quarter?",
        True,
    ),
    ("when a tenant moves out mid-month, can we still prorate the service charge?", True),
    # spare parts are bought, not lent
    ("how do we budget for spare parts on the new packaging line?", True),
    # a question answered in the same message, in the four languages
    ("paano mag-print ng payslip? ay nakita ko na sa portal, salamat", False),
    ("yaya ake bude tsarin albashi? na gane yanzu, an gode", False),
    ("የወጪ ሪፖርቱን እንዴት ነው የምናስገባው? አገኘሁት፣ አመሰግናለሁ", False),
    ("leave balance எப்படி check பண்றது? கண்டுபிடிச்சிட்டேன்", False),
    # an answer given with who gave it, a post's title with where to read it
    ("Why does the export time out? Answer from IT: it's the 10k row limit, split the file", False),
    ("New on the blog: why do forecasts drift in Q4? Read more", False),
    ("Latest podcast episode: how do small teams ship weekly? Listen now", False),
    # the writer's question, answered by the colleague they asked
    (
        "I asked Tomasz where the fire extinguisher log is kept and he showed me the binder. done",
        False,
    ),
    # a bot relaying a question filed or sent
    ('[Linear] ENG-921 opened by Priya: "Why is the invoice PDF blank on Safari?"', False),
    ('[Intercom] New conversation from a visitor: "How do I change my billing email?"', False),
    # a loan of a measuring instrument, a greeting, a person asked after, no one knowing
    ("who has the torque wrench? need it on line 2", False),
    ("who's got the multimeter from the workshop", False),
    ("እንዴት ናችሁ ሁላችሁም?", False),
    ("yaya kake Musa", False),
    ("ማንም አያውቅም መቼ እንደሚመለስ", False),
    ("cum vă simțiți după teambuilding?", False),
    # a favour, an invitation, a rhetorical why
    ("if you're free after lunch, can we go over the roster?", False),
    ("once the build is green, can we merge it to main?", False),
    ("why would anyone schedule a fire drill during month end", False),
]


@pytest.mark.parametrize(("text", "asks"), CASES)
def test_each_message_is_read_as_it_is_meant(text: str, asks: bool) -> None:
    assert looks_like_question(text) is asks, (text, explain(text))
