"""The question detector's phrases in Icelandic, Albanian, Macedonian and Basque: someone who
knows, has done it or can explain, who is in charge or whom to turn to, help or advice needed,
how a thing is done, where it is found or kept, what a word means, what the procedure, the rule,
the deadline or the difference is, whether there is a way; a question answered in the same
message; and the words these languages open a question with. Joined into `asks_for_help`,
`asks_how`, `answered` and `question_form` after the other languages.

Each phrase is folded as the text it searches is (`bot/routing/text.py`: `hvernig` stays,
`ég` is `eg`, `është` is `eshte`, `ќ` is `к`), so it is written here as people type it, and
without `\\S` or `\\W`, which folding would lower into their opposites.
"""

from __future__ import annotations

from bot.questions.detect_words.fragments import opening_with
from bot.routing.text import fold

ASKS_FOR_HELP = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Icelandic: anyone who knows, has done it or can explain (`veit einhver hvort…`, `hefur
        # einhver reynslu af…`, `getur einhver útskýrt…`), who is in charge, whom to turn to;
        # `enginn veit` tells, and `getur einhver leyst mig af` is a favour
        (
            "vehkgf",
            r"\bveit (?:einhver|einhver ykkar|einhvern)\b|\bvitið þið\b|"
            r"\b(?:hefur|hafið) (?:einhver|einhver ykkar|þið) (?:reynslu|hugmynd|prófað|gert|"
            r"lent í|unnið með)\b|\bkann einhver (?:á|að)\b|"
            r"\bgetur einhver (?:útskýrt|sagt mér|sagt okkur|hjálpað mér með|aðstoðað mig með|"
            r"ráðlagt)\b|"
            r"\bhver (?:sér um|ber ábyrgð á|er ábyrgur fyrir|er ábyrg fyrir)\b|"
            r"\bvið hvern (?:á ég|eigum við|er best) að (?:tala|hafa samband)\b|"
            r"\bvantar (?:aðstoð|hjálp|ráð) (?:með|við)\b|\bfljót spurning\b",
        ),
        # Albanian: anyone who knows, has done it or can explain (`a e di dikush si…`, `ka dikush
        # përvojë me…`), who is in charge, whom to turn to, help or advice needed; `askush nuk e
        # di` tells, and `a mund të më zëvendësojë dikush` is a favour
        (
            "aedkmp",
            r"\b(?:a )?e di (?:dikush|ndokush)\b|\b(?:dikush|ndokush) e di\b|\ba e dini\b|"
            r"\b(?:a )?ka (?:dikush|ndokush) (?:përvojë|eksperiencë|ide)\b|"
            r"\b(?:dikush|ndokush) ka (?:përvojë|eksperiencë|ide)\b|"
            r"\b(?:a )?mund (?:të )?(?:më |na )?(?:shpjegojë|tregojë|këshillojë) (?:dikush|"
            r"ndokush)\b|\b(?:dikush|ndokush) mund (?:të )?(?:më |na )?(?:shpjegojë|këshillojë)\b|"
            r"\bkush (?:merret me|është përgjegjës për|është i ngarkuar me)\b|"
            r"\bkujt (?:duhet t'i |t'i |i )?drejtohem\b|"
            r"\bkam nevojë për (?:ndihmë|këshillë|një këshillë)\b|\bpyetje e shpejtë\b",
        ),
        # Macedonian: anyone who knows, has done it or can explain (`дали некој знае…`, `има ли
        # некој искуство со…`), who is in charge, whom to turn to, help or advice needed; `никој
        # не знае` tells, and `може ли некој да ме замени` is a favour
        (
            "днзимкб",
            r"\bдали (?:некој|некого) знае\b|\bнекој знае ли\b|\bзнае ли некој\b|"
            r"\b(?:дали )?знаете ли\b|"
            r"\b(?:има ли некој|дали некој има|некој има ли) (?:искуство|идеја)\b|"
            r"\bнекој (?:работел|правел|користел) ли\b|"
            r"\bможе ли некој да (?:ми |ни )?(?:објасни|каже|посоветува)\b|"
            r"\bкој (?:е задолжен за|е одговорен за|е надлежен за|се грижи за)\b|"
            r"\bдо кого (?:треба да |да )?се обратам\b|"
            r"\bми треба (?:помош|совет)\b|\bбрзо прашање\b",
        ),
        # Basque: anyone who knows, has done it or can explain (`norbaitek badaki…`, `inork ba
        # al du esperientziarik…`), who is in charge, whom to turn to, help or advice needed;
        # `inork ez daki` tells, and `norbaitek ordezka nazake` is a favour
        (
            "nibalg",
            r"\b(?:norbaitek|inork) (?:badaki|ba al daki|al daki)\b|\bba(?: al)? daki norbaitek\b|"
            r"\bba(?: al)? dakizue\b|"
            r"\b(?:norbaitek|inork) (?:ba al du|badu|al du) (?:esperientziarik|ideiarik)\b|"
            r"\b(?:norbaitek|inork) (?:egin|erabili|probatu) (?:al )?du\b|"
            r"\bnorbaitek (?:azal|azaldu|argitu) (?:al )?(?:diezadake|diezaguke|dezake)\b|"
            r"\b(?:nork darama|nor arduratzen da|nor da (?:arduraduna|erantzulea))\b|"
            r"\bnorengana jo\b|\b(?:laguntza|aholkua) behar (?:dut|dugu)\b|"
            r"\bgaldera azkar bat\b",
        ),
    )
)

ASKS_HOW = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Icelandic: how one does a thing (`hvernig get ég…`, `hvernig reiknar maður…`; `hvernig
        # hefur þú það` and `hvernig gengur` greet), where it is found or kept, what a word means,
        # what the procedure, the rule or the difference is, whether there is a way
        (
            "he",
            r"\bhvernig (?:get|getum|á|eigum|er best|er hægt|\w+ (?:ég|við|maður))\b|"
            r"\bhvar (?:finn ég|finnum við|get ég fundið|er hægt að finna|fæ ég|geymum við|"
            r"(?:er|eru) [\w -]{1,40}? (?:geymd|geymdur|geymdar|geymt|vistuð|vistað)\b)|"
            r"\bhvað þýðir\b|"
            r"\b(?:hver|hvert|hvað) er (?:munurinn|ferlið|reglan|reglurnar|fresturinn|hámarkið|"
            r"lágmarkið)\b|"
            r"\ber (?:einhver|til) (?:leið|sniðmát|leiðbeiningar)\b",
        ),
        # Albanian: how one does a thing (`si mund të…`, `si ta ndryshoj…`, `si llogaritet…`;
        # `si je` greets, and `si ta kalove fundjavën` asks of the weekend), where it is found or
        # kept, what a word means, what the procedure, the rule or the difference is, a way
        (
            "skca",
            r"\bsi (?:mund të|duhet të|ta \w+j|t'i \w+j|\w+(?:het|hen|tet))\b|"
            r"\bku (?:i |e |mund t'i |mund ta )?(?:gjej|gjejmë|gjejnë)\b|"
            r"\bku (?:ruhen|ruhet|mbahen|mbahet|gjenden|gjendet)\b|"
            r"\b(?:çfarë|ç') do të thotë\b|"
            r"\b(?:cili|cila) (?:është|janë) (?:procedura|ndryshimi|dallimi|rregulli|rregullat|"
            r"afati|limiti|kufiri)\b|"
            r"\ba ka (?:ndonjë )?(?:mënyrë|shabllon|udhëzues)\b",
        ),
        # Macedonian: how one does a thing (`како да…`, `како се пресметува…`; `како си` greets,
        # `како се викаш` asks a name, `како да не` scoffs), where it is found or kept, what a
        # word means, what the procedure, the rule or the difference is, a way
        (
            "кшди",
            r"\bкако (?:да (?!не\b)|се (?!викаш|викате|чувствуваш|чувствувате)|можам|можеме|"
            r"треба)|"
            r"\bкаде (?:да најдам|можам да најдам|се наоѓа|се наоѓаат|се чува|се чуваат|"
            r"ги чуваме|го чуваме|ја чуваме)\b|"
            r"\bшто (?:точно )?значи\b|"
            r"\b(?:која|кој|кое) е (?:процедурата|постапката|разликата|правилото|рокот|лимитот)\b|"
            r"\b(?:дали постои|има ли) (?:некој |некаков )?(?:начин|шаблон|упатство)\b",
        ),
        # Basque: how one does a thing (`nola egin behar da…`, `nola kalkulatzen da…`; `nola
        # zaude` and `zer moduz` greet), where it is found or kept, what a word means, what the
        # procedure, the rule or the difference is, a way
        (
            "nzb",
            r"\bnola (?:\w+(?:tzen|ten) (?:da|dira|dut|dugu|duzu|dute)|\w+ (?:behar|dezaket|"
            r"dezakegu|daiteke)|egin)\b|"
            r"\bnon (?:\w+ )?(?:aurki|aurkitu|topa|topatu|gordetzen)\b|"
            r"\bzer esan nahi du\b|"
            r"\bzein da\b[\w -]{0,60}?\b(?:prozedura|prozesua|araua|arauak|desberdintasuna|"
            r"aldea|epea|muga)\b|"
            r"\bba(?: al)? dago (?:modurik|txantiloirik|gidarik)\b",
        ),
    )
)

# A question answered in the same message, after its `?` (`…? fann það`, `…? e gjeta`, `…?
# најдов`, `…? aurkitu dut`), as `…? never mind, found it` is
ANSWERED_ITSELF = tuple(
    fold(phrase)
    for phrase in (
        r"fann (?:það|þetta|út úr því)|gleymdu þessu|gleymið þessu|skiptir ekki máli",
        r"e gjeta|e zgjidha|u zgjidh|s'ka gjë|nuk ka gjë|harrojeni|harroje",
        r"(?:го |ја )?најдов|решено|не е важно|заборавете",
        r"aurkitu dut|konpondu dut|ez kezkatu|ez dio axola",
    )
)

# The words these languages open a question with, as `how`, `where` and `why` open one in
# English, and Icelandic's verbs put first (`getur`, `hefur`, `veit`) and Macedonian's `дали`,
# as `can`, `has` and `does` are; not Icelandic `hver`, Albanian `kush`, Macedonian `кој` or
# Basque `nor`, which open who is coming to lunch, nor Albanian `si` (Spanish `if`, Italian
# `one`) or Basque `non` (French and Italian `no`)
INTERROGATIVE_OPENERS = frozenset(
    fold(word)
    for word in (
        "hvernig hvar hvers hversu hvaða getur geturðu hefur veit "  # Icelandic
        "pse ku cili cila "  # Albanian
        "дали како каде зошто колку која кое "  # Macedonian
        "nola zergatik noiz zenbat zein"  # Basque
    ).split()
)
