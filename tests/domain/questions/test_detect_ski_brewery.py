"""What the seventy-second held-out set (a ski resort's lifts, patrol, rentals and ski school,
some in Slovak and Slovene) and the seventy-third (a brewery's brewhouse, packaging, QA and
distribution, some in Estonian and Latvian) showed the detector reading wrongly, in
`bot/questions/detect_words/slovak_slovene_estonian_latvian.py` and the other lists. Both sets
were committed, blind, before the detector first ran on them; the messages below were written
for these tests alone, from other workplaces, beside near misses whose verdict must not move."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


# Each message with whether it asks: the asks first, then the messages that ask no one
CASES = [
    # Slovak: anyone who knows or has experience, advice needed, how, where, what a word means,
    # the procedure
    ("Vie niekto, ako sa podáva žiadosť o dovolenku v novom systéme?", True),
    ("Má niekto skúsenosti s elektronickými faktúrami pre štátnu správu?", True),
    ("Potrebujem poradiť, ako nastaviť tlačiareň na treťom poschodí", True),
    ("Ako sa počíta stravné na služobnej ceste?", True),
    ("Kde nájdem šablónu zmluvy s dodávateľom?", True),
    ("Čo znamená chyba 403 na portáli pre faktúry?", True),
    ("Aký je postup pri nahlásení pracovného úrazu?", True),
    # Slovene: anyone who knows or has experience, how, where, what a word means, the procedure
    ("Ve kdo, kako se oddaja zahtevek za dopust v novem sistemu?", True),
    ("Ima kdo izkušnje z e-računi za javno upravo?", True),
    ("Kako nastavim tiskalnik v tretjem nadstropju?", True),
    ("Kje najdem predlogo pogodbe z dobavitelji?", True),
    ("Kaj pomeni napaka 403 na portalu za račune?", True),
    ("Kakšen je postopek za prijavo nesreče pri delu?", True),
    # Estonian: anyone who knows or has experience, how, what a word means, the rule, how long
    ("Kas keegi teab, kuidas uues süsteemis puhkusetaotlust esitada?", True),
    ("Kas kellelgi on kogemusi e-arvetega riigiasutustele?", True),
    ("Kuidas arvutada lähetuse päevaraha?", True),
    ("Mida tähendab viga 403 arveportaalis?", True),
    ("Mis on reegel tööõnnetusest teatamiseks?", True),
    ("Kui kaua peame arveid säilitama?", True),
    # Latvian: anyone who knows or has experience, how (its `kā` opening the sentence), what a
    # word means, the procedure, how long
    ("Vai kāds zina, kā jaunajā sistēmā iesniegt atvaļinājuma pieteikumu?", True),
    ("Vai kādam ir pieredze ar e-rēķiniem valsts iestādēm?", True),
    ("Kā aprēķināt komandējuma dienas naudu?", True),
    ("Ko nozīmē kļūda 403 rēķinu portālā?", True),
    ("Kāda ir kārtība, kā ziņot par nelaimes gadījumu darbā?", True),
    ("Cik ilgi jāglabā rēķini?", True),
    # English: a product brewed or labelled is the trade, not drinks after work
    ("what ABV can a beer have and still be sold as alcohol-free under the labelling rules?", True),
    ("how do I adjust the wine recipe in the fermentation software for a bigger tank", True),
    # a question answered in the same message, in the four languages
    ("Ako sa mení heslo k VPN? už som to našiel, je to na wiki", False),
    ("Kako spremenim geslo za VPN? sem že našla, je na wikiju", False),
    ("Kuidas VPN-i parooli vahetada? leidsin juba, on wikis", False),
    # (after an English lead-in the detector already read as asking)
    ("quick question: how do I reset the VPN password? leidsin juba, on wikis", False),
    ("quick question: how do I reset the VPN password? sem že našla, na wikiju", False),
    ("Kā nomainīt VPN paroli? jau atradu, ir wiki", False),
    # a colleague's question answered by the writer, joined by `and I`
    ("Tom asked me how to book the meeting room and I showed him the calendar, sorted", False),
    ("the new intern asked how to clock in and we walked her through it", False),
    # a choice already made, blamed
    ("who decided to repaint the lobby during the audit week?", False),
    # a post's or a video's teaser
    (
        "Ever wondered what happens to a parcel after the driver scans it? Here's our new post",
        False,
    ),
    ("Have you ever wondered how we roast our coffee beans? Watch the video", False),
    # near misses: no one knowing, a loan, a greeting, `that` in Latvian, lunch, a status check
    ("Nikto nevie, kedy príde nová dodávka", False),
    ("Má niekto nabíjačku na notebook?", False),
    ("Ako sa máš, dlho sme sa nevideli!", False),
    ("Kako si kaj? dolgo se nismo videli", False),
    ("Kuidas läheb? ammu pole näinud", False),
    ("Viņš saka, ka vajag jaunu printeri", False),
    ("Kas keegi tuleb lõunale?", False),
    ("Vai printeris strādā?", False),
    # who owns a decision, asked, and a teaser that goes on to ask, still ask
    ("who decided on the new payroll vendor? I need the contract terms", True),
    ("ever wondered why the build takes 40 minutes? anyone know where the time goes?", True),
    # beers after work stay social
    ("beers after the audit on friday?", False),
]


@pytest.mark.parametrize(("text", "asks"), CASES)
def test_each_message_is_read_as_it_is_meant(text: str, asks: bool) -> None:
    assert looks_like_question(text) is asks, (text, explain(text))
