"""The question detector's phrases in Slovak, Slovene, Estonian and Latvian: someone who knows,
has done it or has an idea, who is in charge, how a thing is done, where it is found or kept,
what a word means, what the procedure, the rule, the limit or the difference is, how long one
must keep or wait; a question answered in the same message; and the words these languages open
a question with. Joined into `asks_for_help`, `asks_how`, `answered` and `question_form` after
the other languages.

Each phrase is folded as the text it searches is (`bot/routing/text.py`: `čo` is `co`, `kā` is
`ka`, `õ` is `o`), so it is written here as people type it, and without `\\S` or `\\W`, which
folding would lower into their opposites.
"""

from __future__ import annotations

from bot.questions.detect_words.fragments import opening_with
from bot.routing.text import fold

ASKS_FOR_HELP = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Slovak: anyone who knows or has done it (`vie niekto, prečo…`, `má niekto skúsenosti
        # s…`), advice needed (`potrebujem poradiť, ako…`), who is in charge; `nikto nevie`
        # tells, and `má niekto nabíjačku?` is a loan
        (
            "vnmpkr",
            r"\bvie (?:niekto|niekto z vás|ktokoľvek)\b|\bniekto (?:vie|nevie|má skúsenos\w*|robil|"
            r"riešil)\b|\b(?:má|máte) (?:niekto|niekto z vás) (?:skúsenos\w*|predstavu|nápad)\b|"
            r"\bporadí (?:mi |nám )?niekto\b|\b(?:môže|vie) (?:mi |nám )?niekto (?:vysvetliť|"
            r"poradiť|pomôcť|povedať)\b|\bpotrebujem (?:poradiť|pomoc|radu)\b|"
            r"\bkto (?:má na starosti|je zodpovedný za|sa stará o)\b|\brýchla otázka\b",
        ),
        # Slovene: anyone who knows or has done it (`ve kdo, zakaj…`, `ima kdo izkušnje z…`), an
        # explanation asked of anyone, who is in charge; `nihče ne ve` tells, and `ima kdo
        # polnilec?` is a loan
        (
            "avkijmnph",
            r"\b(?:ali )?(?:ve|veste) kdo\b|\bkdo ve\b|\b(?:ima|imate|ima že|je že) kdo "
            r"(?:kakšne |kaksne |kaj )?(?:izkušnje|izkušenj|idejo|nasvet|delal|delala)\w*|"
            r"\b(?:mi|nam) (?:lahko )?kdo (?:razloži|pove|pomaga|svetuje|pojasni)\b|"
            r"\bkdo je (?:odgovoren|zadolžen|pristojen) za\b|\bpotrebujem (?:pomoč|nasvet)\b|"
            r"\bhitro vprašanje\b",
        ),
        # Estonian: anyone who knows, can explain or has met it (`kas keegi teab, miks…`, `kas
        # kellelgi on kogemusi…`), who is in charge; `keegi ei tea` tells, and `kas kellelgi on
        # laadijat?` is a loan
        (
            "kv",
            r"\b(?:kas )?keegi (?:teab|oskab (?:öelda|seletada|aidata|selgitada)|on kokku puutunud|"
            r"on proovinud|on teinud)\b|\bkas kellelgi on (?:\w+ )?(?:kogemus\w*|aimu|ideed)\b|"
            r"\bkes (?:vastutab|tegeleb|teab)\b|\b(?:vajan|vajame) abi\b|\bkiire küsimus\b",
        ),
        # Latvian: anyone who knows, can explain or has met it (`vai kāds zina, kāpēc…`, `vai
        # kādam ir pieredze ar…`), who is in charge, whom to turn to; `neviens nezina` tells,
        # and `vai kādam ir lādētājs?` is a loan
        (
            "vkpna",
            r"\b(?:vai )?kāds (?:zina|var (?:paskaidrot|palīdzēt|izskaidrot|pateikt)|ir saskāries|"
            r"ir saskārusies|ir darījis|ir mēģinājis)\b|\bvai kādam ir (?:\w+ )?(?:pieredze|ideja|"
            r"doma)\b|\bkurš (?:ir atbildīgs|atbild) par\b|\bpie kā (?:vērsties|griezties)\b|"
            r"\b(?:vajag|nepieciešama) palīdzība\b|\bātrs jautājums\b",
        ),
    )
)

ASKS_HOW = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Slovak: how one does a thing (`ako resetujem…`, `ako nastaviť…`, `ako sa počítajú…`;
        # `ako sa máš` greets, `ako vždy` is as always), where it is found, what a word means,
        # what the procedure, the rule or the difference is, how long one must wait, a way
        (
            "akce",
            r"\bako (?:sa (?!máš|máte|voláš|voláte|darí|cítiš|cítite)|\w+(?:ujem|ujeme|ím|íme|ť)\b|"
            r"mám\b|máme\b|môžem\b|môžeme\b|treba\b|správne\b)|"
            r"\bkde (?:nájdem|nájdeme|sa nachádza|je uložen\w*|sú uložen\w*)\b|"
            r"\bčo (?:presne )?znamená\b|"
            r"\b(?:aký|aká|aké) je (?:postup|rozdiel|pravidlo|predpis|limit|termín|lehota|"
            r"maxim\w+|minim\w+|povolen\w+)\b|"
            r"\bako dlho (?:treba|musíme|musím|sa musí)\b|\bexistuje (?:nejaký |nejaká )?"
            r"(?:spôsob|postup|šablóna|návod)\b",
        ),
        # Slovene: how one does a thing (`kako ponastavim…`, `kako se obračuna…`; `kako si` and
        # `kako se imaš` greet), where it is found or kept, what a word means, what the procedure,
        # the rule or the difference is, how long one must keep or wait, a way
        (
            "ka",
            r"\bkako (?:se (?!imaš|imate|počutiš|počutite)|(?!sem\b|smo\b|ste\b|si\b|sam\b)"
            r"\w+(?:im|imo|am|amo|em|emo|iram|iramo)\b|lahko\b|naj\b|pravilno\b)|"
            r"\bkje (?:najdem|najdemo|lahko najdem|dobim|je shranjen\w*|so shranjen\w*|hranimo)\b|"
            r"\bkaj (?:točno )?pomeni\b|"
            r"\b(?:kakšen|kakšna|kakšno) je (?:postopek|pravilo|pravilnik|rok|razlika|omejitev|"
            r"največj\w+|najmanjš\w+|dovoljen\w+)\b|"
            r"\bkako dolgo (?:moramo|moram|je treba|hranimo|čakamo)\b|"
            r"\bali obstaja (?:kakšen |kakšna )?(?:način|postopek|predloga|navodilo)\b",
        ),
        # Estonian: how one does a thing (`kuidas ma ekspordin…`, `kuidas arvutada…`; `kuidas
        # läheb` greets), where it is found, what a word means, what the rule, the limit or the
        # difference is, how long one must keep it, a way
        (
            "km",
            r"\bkuidas (?:ma|me|mina|meie|peaks|peab|peame|saab|saan|saame|\w+(?:da|ta))\b|"
            r"\bkust (?:ma |me )?(?:leian|leiame|leida|saan|saame)\b|"
            r"\bkus (?:on kirjas|hoitakse)\b|"
            r"\bmida (?:see )?tähendab\b|"
            r"\bmis on (?:vahe|protseduur|kord|reegel|piir|limiit|lubatud|tähtaeg|nõue|miinimum|"
            r"maksimum)\b|"
            r"\bkui kaua (?:peame|peab|tuleb|me peame|ma pean)\b|\bkas on (?:mingi )?(?:viis|"
            r"võimalus|mall|juhend)\b",
        ),
        # Latvian: how one does a thing, the verb its infinitive (`kā aprēķināt…`, `kā tiek
        # aprēķinātas…`) at a sentence's start, as `kā` folds to `ka`, Latvian's `that` (`saka,
        # ka vajag…`) and Estonian's `also`; where it is found or kept, what a word means, what
        # the procedure, the rule or the limit is, how long one must keep it, a way
        (
            "kcv",
            r"(?<!\w )(?<!, )\bkā (?:\w+t|\w+ties|tiek|var|man|mums|lai)\b|"
            r"\bkur (?:var |es varu |mēs varam )?(?:atrast|atrodas|glabājas|redzēt)\b|"
            r"\bko (?:nozīmē|tas nozīmē)\b|"
            r"\b(?:kāda|kāds|kādas) ir (?:procedūra|kārtība|atšķirība|noteikumi|norma|robeža|"
            r"termiņš|limits|pieļaujam\w+|maksimāl\w+|minimāl\w+)\b|"
            r"\bcik ilgi (?:\w+ )?jā\w+\b|"
            r"\bvai ir (?:kāds )?(?:veids|iespēja|šablons|instrukcija)\b",
        ),
    )
)

# A question answered in the same message, after its `?` (`…? už som to našiel, v menu`, `…? sem
# že našel`, `…? leidsin juba`, `…? jau atradu`), as `…? never mind, found it` is
ANSWERED_ITSELF = tuple(
    fold(phrase)
    for phrase in (
        r"už som (?:to )?(?:našiel|našla)|našiel som|našla som|už to mám|nevadí|vyriešené|"
        r"(?:už )?som na to prišiel",
        r"sem (?:že )?(?:našel|našla|ugotovil|ugotovila|rešil|rešila)|že urejeno|ni važno",
        r"leidsin (?:juba|üles)|leidsin|sain aru|sain hakkama|pole oluline|lahendatud",
        r"jau atradu|atradu|sapratu|nav svarīgi|atrisināts",
    )
)

# The words these languages open a question with, as `how`, `where` and `why` open one in
# English; not Slovak `ako` (Tagalog's `I`), Estonian `mis` (Spanish `my`) or Latvian `kā` (it
# folds to `ka`, Latvian's `that`)
INTERROGATIVE_OPENERS = frozenset(
    fold(word)
    for word in (
        "prečo kde koľko aký aké "  # Slovak
        "zakaj kje kakšen kakšna kakšno "  # Slovene
        "kuidas miks "  # Estonian
        "kāpēc cik kur"  # Latvian
    ).split()
)
