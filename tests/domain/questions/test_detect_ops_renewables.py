"""What the seventy-fourth held-out set (an engineering and ops team's Slack, written to be hard:
asks without a `?`, and non-asks that look like asks) and the seventy-fifth (a renewable-energy
developer, some in Icelandic, Albanian, Macedonian and Basque) showed the detector reading
wrongly, in `bot/questions/detect_words/icelandic_albanian_macedonian_basque.py` and the other
lists. Both sets were committed, blind, before the detector first ran on them; the messages
below were written for these tests alone, from other workplaces, beside near misses whose
verdict must not move."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


# Each message with whether it asks: the asks first, then the messages that ask no one
CASES = [
    # Icelandic: anyone who knows or has experience, who is in charge, how, where, what a word
    # means, the procedure
    ("Veit einhver hvort við megum nota gamla reikningsformið áfram?", True),
    ("Hefur einhver reynslu af nýja launakerfinu?", True),
    ("Hver ber ábyrgð á aðgangsmálum í nýja kerfinu?", True),
    ("Hvernig skrái ég yfirvinnu í tímaskráningunni?", True),
    ("Hvar finn ég sniðmátið fyrir ferðareikninga?", True),
    ("Hvað þýðir villa 403 í reikningagáttinni?", True),
    ("Hvert er ferlið þegar vinnuslys verður?", True),
    # Albanian: anyone who knows or has experience, who is in charge, how, where, what a word
    # means, the procedure
    ("A e di dikush nëse formulari i vjetër i shpenzimeve pranohet ende?", True),
    ("Ka dikush përvojë me sistemin e ri të pagave?", True),
    ("Kush është përgjegjës për aksesin në sistemin e ri?", True),
    ("Si mund të regjistroj orët shtesë në sistem?", True),
    ("Ku e gjej shabllonin për raportin e udhëtimit?", True),
    ("Çfarë do të thotë gabimi 403 në portalin e faturave?", True),
    ("Cila është procedura kur ndodh një aksident në punë?", True),
    # Macedonian: anyone who knows or has experience, who is in charge, how, where, what a word
    # means, the procedure
    ("Дали некој знае дали стариот образец за трошоци уште важи?", True),
    ("Има ли некој искуство со новиот систем за плати?", True),
    ("Кој е одговорен за пристапот до новиот систем?", True),
    ("Како да внесам прекувремени часови во системот?", True),
    ("Каде да најдам шаблон за патен извештај?", True),
    ("Што значи грешката 403 на порталот за фактури?", True),
    ("Која е процедурата кога ќе се случи несреќа на работа?", True),
    # Basque: anyone who knows or has experience, who is in charge, how, where, what a word
    # means, the procedure
    ("Norbaitek badaki gastu-orri zaharra oraindik onartzen den?", True),
    ("Inork ba al du esperientziarik soldata-sistema berriarekin?", True),
    ("Nor arduratzen da sistema berriko sarbideez?", True),
    ("Nola erregistratzen dut aparteko ordua sisteman?", True),
    ("Non aurki dezaket bidaia-txostenaren txantiloia?", True),
    ("Zer esan nahi du 403 erroreak fakturen atarian?", True),
    ("Zein da lan-istripu baten ondorengo prozedura?", True),
    # Icelandic's verb put first opens a question, as `can` does (no `?` typed)
    ("Getur einhver útskýrt fyrir mér hvernig orlofið reiknast", True),
    # English: an ask said as what the writer would like to understand, advice invited after
    # what it is on, a thing seen stuck
    ("we'd like to understand why the invoices from the Lyon office go out late", True),
    ("tips on speeding up the monorepo's test suite appreciated", True),
    ("has anyone seen the print queue stuck on Pending after the driver update", True),
    # insurance is work (`insuring`, `insured`, `insurer`)
    ("need advice on insuring a rented van for the roadshow, has anyone done this", True),
    # a question answered in the same message, in the four languages
    ("Hvernig breyti ég lykilorðinu? fann það, það er á innri vefnum", False),
    ("Si ta ndryshoj fjalëkalimin? e gjeta, është në intranet", False),
    ("Како да ја сменам лозинката? најдов, на интранет е", False),
    ("Nola aldatu dezaket pasahitza? aurkitu dut, intraneten dago", False),
    # a `?` named as a character, not typed to ask
    ("the jdbc driver in our api wants a ? for each bind parameter, not named ones", False),
    ("in the deploy script the glob needs a ? and not a * or it matches the backups too", False),
    # a mood, not a question of how (`not sure how to feel…`), and a doubt answered with resolve
    ("not sure how to feel about the new seating plan tbh", False),
    ("not sure how we'll get the audit prep done by friday but let's try", False),
    # someone's time asked for is a favour
    ("does anyone have 10 min to sit with me on the deck later?", False),
    ("anyone got a few minutes for a quick call this afternoon?", False),
    # blame with a tired face
    ("who decided the quarterly review should be on a friday evening? :sleeping:", False),
    # near misses: a greeting, a favour, lunch, whether it is done, in the four languages
    ("Hvernig hefur þú það? langt síðan síðast", False),
    ("Getur einhver leyst mig af á morgun?", False),
    ("Si je? kohë pa u parë", False),
    ("Kush vjen për kafe?", False),
    ("Како си? одамна не сме се виделе", False),
    ("Кој оди на кафе?", False),
    ("Zer moduz? aspaldiko!", False),
    ("Bukatu al da bilera?", False),
    # Spanish `si` and French or Italian `non` are not Albanian or Basque
    ("si permiten el cambio, lo hacemos mañana", False),
    ("non trovo più il caricabatterie, pazienza", False),
    # or not, with a space before its `?`, still asks; time asked to help with a thing asks what
    # they know; a `?` after a thing's name still asks
    ("is the retention policy for the audit logs 90 days or not ?", True),
    ("does anyone have a minute to help me with the pivot table? the totals are doubled", True),
    ("how do I escape a ? in the URL of a webhook?", True),
]


@pytest.mark.parametrize(("text", "asks"), CASES)
def test_each_message_is_read_as_it_is_meant(text: str, asks: bool) -> None:
    assert looks_like_question(text) is asks, (text, explain(text))
