"""The question detector's phrases in Serbian and Croatian (in Latin letters, a few in Cyrillic),
Bulgarian, Afrikaans, Catalan, Lithuanian and Telugu (English words of work mixed in): someone
who knows, has done it or has an idea, whom to turn to, how a thing is done, where it is kept or
found, what the procedure, the rule or the difference is, whether it is allowed; a question
answered in the same message; and the words these languages open a question with. Joined into
`asks_for_help`, `asks_how`, `answered` and `question_form` after the other languages.

Each phrase is folded as the text it searches is (`bot/routing/text.py`: `šta` is `sta`, `й` is
`и`, `algú` is `algu`), so it is written here as people type it, and without `\\S` or `\\W`,
which folding would lower into their opposites. Telugu's vowel signs are marks, not letters, to
Python's `\\w`, so its phrases never lean on `\\w` or `\\b`: a word is `[^\\s]+`.
"""

from __future__ import annotations

from bot.questions.detect_words.fragments import opening_with
from bot.routing.text import fold

ASKS_FOR_HELP = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Serbian and Croatian: anyone who knows, has done it or has an idea (`da li neko zna…`,
        # `zna li netko…`, `ima li neko iskustva sa…`); `niko ne zna` (no one knows) tells, and
        # `ima li neko punjač` (a charger) is a loan
        (
            "niztkpbнзи",
            r"(?:neko|netko|iko|itko) (?:zna|znate|ima iskustva|je (?:radio|radila|koristio|"
            r"koristila|"
            r"probao|probala|menjao|mijenjao|podešavao|podesavao)|(?:može|moze) da (?:pomogne|"
            r"objasni)|(?:može|moze) (?:pomoći|objasniti))\b|"
            r"zna li (?:neko|netko|iko|itko)\b|"
            r"ima li (?:neko|netko|iko|itko|ko) (?:iskustva|ideju|ideje|savet|savjet)\b|"
            r"(?:ko|tko) je (?:zadužen|zaduzen|odgovoran|nadležan|nadlezan) za\b|"
            r"kome (?:da |treba da |se )?(?:se )?(?:obratim|obratimo|javim|javimo)\b|"
            r"(?:treba mi|trebam|potrebna (?:mi )?je) pomoć|(?:brzo|kratko) pitanje|"
            r"(?:неко|нетко) (?:зна|има искуства)|зна ли (?:неко|ико)|има ли (?:неко|ико) искуства",
        ),
        # Bulgarian: anyone who knows or has done it (`някой знае ли…`, `има ли някой опит с…`,
        # `някой работил ли е с…`), who is in charge, whom to turn to, an explanation asked of
        # anyone; `никой не знае` tells
        (
            "нзикмтб",
            r"някой (?:знае|да знае)\b|знае ли (?:някой|някои)\b|"
            r"(?:има ли )?някой (?:с )?(?:опит|идея)\b|има ли (?:някой|някого) (?:с )?(?:опит|"
            r"идея)\b|"
            r"някой (?:\w+ )?(?:работил|работила|ползвал|ползвала|използвал|използвала|пробвал|"
            r"пробвала|правил|правила|сблъсквал|сблъсквала|настройвал|настройвала|сменял|"
            r"сменяла) ли\b|"
            r"кой (?:отговаря за|се занимава с)\b|към кого (?:да се обърна|се обръщам|трябва да се "
            r"обърна|да се обърнем)\b|може ли някой да (?:ми |ни )?(?:обясни|помогне|каже|"
            r"покаже)\b|"
            r"(?:трябва|нужна) ми (?:е )?помощ|(?:бърз|кратък) въпрос",
        ),
        # Afrikaans (Dutch's `weet iemand` reads it too): anyone with experience or an idea
        # (`het iemand ervaring met…`, `enige idee hoekom…`), who has done a thing (`het iemand al
        # die X verander?`; seen, taken or found is a thing lost), who handles a thing
        (
            "whkeov",
            r"weet enigiemand\b|(?:het|ken) (?:iemand|enigiemand) (?:al )?(?:ervaring|'n idee|idee|"
            r"raad|'n voorstel|wenke)\b|"
            r"het (?:iemand|enigiemand) (?:al )?(?:ooit )?(?!(?:my|ons|die sleutels)\b)[^.?!]{0,60}"
            r"(?:gewerk|gebruik|probeer|verander|opgestel|ingestel|gekonfigureer|te doen gehad|"
            r"reggekry)\b|"
            r"enige (?:idee|idees|voorstelle|raad|wenke)\b|"
            r"wie (?:is verantwoordelik vir|hanteer|is in beheer van|moet ek (?:vra|kontak|bel))\b|"
            r"kan (?:iemand|enigiemand) (?:vir )?(?:my|ons) (?:verduidelik|help verstaan|wys hoe|"
            r"sê "
            r"hoe|se hoe)\b|(?:ek het|ons het) hulp nodig|vinnige vraag",
        ),
        # Catalan: anyone who knows, has done it or can explain (`algú sap…`, `algú ha fet…`,
        # `algú em pot explicar…`); `algú em pot cobrir el torn` is a favour
        (
            "asqnpc",
            r"algu (?:sap|coneix|entén|enten|te (?:experiencia|idea)|ha (?:fet|treballat|usat|"
            r"utilitzat|configurat|provat|vist mai)|(?:em |ens )?pot (?:ajudar|explicar|dir|"
            r"orientar))\b|"
            r"sabeu (?:si|com|on|qui|quin|quina|quins|quines|per que|a qui)\b|"
            r"qui (?:s'encarrega|es (?:el|la) responsable)\b|a qui (?:he de|puc|cal) "
            r"(?:preguntar|adreçar|adrecar)\b|necessito ajuda|pregunta rapida|"
            r"(?:alguna|cap) idea\b|algun consell\b",
        ),
        # Lithuanian: anyone who knows or has done it (`gal kas nors žino…`, `ar kas turi patirties
        # su…`), who is in charge, whom to turn to; `niekas nežino` tells, and `ar kas galėtų
        # pavaduoti` is a favour
        (
            "gakirt",
            r"(?:gal |ar )?kas nors (?:žino|zino|turi (?:patirties|idėjų|ideju|minčių|minciu)|yra "
            r"\w+(?:ęs|es|usi))\b|(?:gal|ar) kas (?:žino|zino|turi patirties|galėtų (?:paaiškinti|"
            r"padėti|patarti)|galetu (?:paaiskinti|padeti|patarti))\b|"
            r"kas (?:atsakingas|atsakinga) už\b|(?:į|i) ką (?:kreiptis|turėčiau kreiptis|galėčiau "
            r"kreiptis|reikia kreiptis)\b|reikia pagalbos|(?:greitas|trumpas) klausimas|"
            r"(?:kokių|kokiu) nors (?:idėjų|ideju|minčių|minciu)",
        ),
        # Telugu: anyone who knows (`ఎవరికైనా తెలుసా`), who has seen, done or can explain it (`ఎవరైనా
        # … చూశారా`, `ఎవరైనా … చెప్పగలరా`), whom to ask; `ఎవరైనా … cover చేయగలరా` is a favour
        (
            "ఎసh",
            r"ఎవరికైనా (?:[^\s]+ ){0,4}?తెలుసా|"
            r"ఎవరైనా (?:[^\s]+ ){0,6}?(?:చూశారా|చూసారా|చేశారా|చేసారా|వాడారా|ఉపయోగించారా|చెప్పగలరా|"
            r"వివరించగలరా|explain చేయగలరా|help చేయగలరా|సహాయం చేయగలరా)|"
            r"ఎవరిని (?:అడగాలి|సంప్రదించాలి|కలవాలి)|(?:సహాయం|help) కావాలి",
        ),
    )
)

ASKS_HOW = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Serbian and Croatian: how one does a thing (`kako se popunjava…`, `kako da…`; `kako se
        # zoveš` asks a name, `kako da ne` scoffs), where a thing is found or kept, what a word
        # means, what the procedure, the rule, the limit or the difference is, how long one must
        # wait (`koliko treba čekati…`), whether one must
        (
            "kgsdjpi",
            r"kako (?:se (?!zove|zovete|zoveš|zoves|osećaš|osecas|osjećaš|osjecas|osećate|osecate|"
            r"provodite|proveli|imaš|imas|imate)|da (?!ne\b)|mogu\b|možemo\b|mozemo\b|treba\b)|"
            r"(?:gde|gdje) (?:mogu|možemo|mozemo|možete|mozete|se može|se moze) (?:da )?"
            r"(?:nađ|nad|pronađ|pronad|vid|preuzm|skin)\w*|(?:gde|gdje) se (?:čuva|cuva|drži|drzi|"
            r"arhivira)\w*|"
            r"(?:šta|sta|što|sto) (?:tačno |tacno )?znači\b|"
            r"(?:koja|koji|kakva|kakav) je (?:procedura|postupak|razlika|pravilo|rok|limit|"
            r"maksimaln\w+|minimaln\w+|dozvoljen\w+|propisan\w+)\b|"
            r"koliko (?:dugo |vremena )?(?:treba|mora|sme|smemo|smije|smijemo)\b|"
            r"(?:da li|je li) (?:je )?(?:potrebn\w+|dozvoljeno|smemo|smijemo|"
            r"moramo)\b[^.!?]{0,80}\?|"
            r"(?:postoji li|da li postoji|ima li) (?:neki )?(?:način|nacin|šablon|sablon|uputstvo|"
            r"procedura)\b",
        ),
        # Bulgarian: how one does a thing (`как се попълва…`; `как се казваш` asks a name), where
        # a thing is kept or found, what a word means, what the procedure, the rule or the limit
        # is, how long one must wait, whether one must or may
        (
            "кинрп",
            r"как (?:се (?!казваш|казвате|чувстваш|чувствате|прекарахте|прекара)|да\b|мога\b|"
            r"можем\b|"
            r"трябва\b)|"
            r"къде (?:мога да|можем да|да) (?:намеря|намерим|видя|видим|открия|изтегля)\b|"
            r"къде (?:се пази|се пазят|се съхранява|се съхраняват|се намира|се намират|"
            r"е последната|"
            r"са последните|е актуалната|е новата)\b|"
            r"какво (?:означава|значи)\b|"
            r"(?:каква|какъв|кое|коя|кой) е (?:процедурата|процесът|процеса|разликата|правилото|"
            r"редът|"
            r"реда|срокът|срока|лимитът|максималн\w+|минималн\w+|допустим\w+)\b|"
            r"колко (?:дълго|време) (?:трябва|се изисква|е допустимо)\b|"
            r"има ли (?:някакъв )?(?:начин|шаблон|инструкция|процедура)\b|"
            r"(?:нужно|необходимо|разрешено|позволено) ли е\b[^.!?]{0,80}\?",
        ),
        # Afrikaans: how one does a thing (`hoe vul ek…`, `hoe doen mens dit`; `hoe gaan dit`
        # greets), where a thing is got or kept, what the rule, procedure or difference is (`wat`
        # is read as chat's `what` before the phrases see it)
        (
            "hwbi",
            r"hoe (?!gaan|lyk|voel)\w+ (?:ek|mens|ons|'n mens)\b|"
            r"waar (?:kry|vind|kan) (?:ek|ons|mens)\b|"
            r"waar word [^.?!]{0,40}(?:gestoor|gehou|bewaar)\b|"
            r"(?:wat|what) is die (?:reël|reel|reëls|reels|proses|prosedure|verskil|beleid|limiet|"
            r"maksimum|minimum)\b|beste manier\b|"
            r"is daar (?:'n )?(?:manier|sjabloon|templaat|riglyn|prosedure)\b",
        ),
        # Catalan: how one does a thing (`com es canvia…`, `com puc…`; `com estàs` greets), where a
        # thing is found or kept, what the procedure, the rule or the difference is
        (
            "coqh",
            r"com (?:es (?!diu\b)|s'|puc\b|podem\b|cal\b|he de\b|hem de\b|ho feu\b|funciona\b)|"
            r"on (?:puc|podem|es pot) (?:trobar|veure|descarregar|consultar)\b|"
            r"on (?:es guarda|es guarden|trobo|trobem|guardem)\b|"
            r"(?:quin|quina) (?:es|és) (?:el|la) (?:proces|procés|procediment|criteri|termini|"
            r"diferencia|diferència|norma|regla|politica|política)\b|"
            r"hi ha (?:alguna |cap )?(?:manera|forma) (?:de|d')|hi ha (?:una |alguna )?plantilla\b",
        ),
        # Lithuanian: how one does a thing (`kaip pakeisti…`, `kaip apskaičiuojamas…`; `kaip
        # sekasi` greets), where a thing is found or kept, what the procedure or rule is, whether
        # there is a way
        (
            "ka",
            r"kaip (?:\w+ti|\w+(?:amas|ama|omas|oma|imas|ima|ami|omi|imi)|man|mums|galima|reikia|"
            r"turėčiau|tureciau)\b|"
            r"kur (?:galiu |galima |galėčiau |galeciau |reikia )?(?:rasti|rasiu|pažiūrėti|"
            r"paziureti|"
            r"atsisiųsti|atsisiusti|gauti)\b|kur (?:laikom|saugom)\w*|"
            r"(?:koks|kokia|kokios) (?:yra )?(?:procesas|procedūra|procedura|skirtumas|terminas|"
            r"limitas|tvarka|taisyklė|taisykle|taisyklės|taisykles)\b|"
            r"ar (?:yra|būtų|butu) (?:koks nors )?(?:būdas|budas|šablonas|sablonas)\b",
        ),
        # Telugu: how one does a thing, the verb last (`… ఎలా onboard చేయాలి?`; `ఎలా ఉన్నారు`
        # greets), where a document is kept (`నా charger ఎక్కడ?` is a thing lost), what one should
        # tell or do, whether it is allowed, what the process is
        (
            "ఎpdsftrmcపఫఏచఉవ",
            r"ఎలా (?:[^\s]+ ){0,3}?[^\s]*(?:చేయాలి|చెయ్యాలి|చేస్తారు|చేయొచ్చు|చేయవచ్చు|చేసుకోవాలి|"
            r"పొందాలి|మార్చాలి|లెక్కించాలి|తెలుసుకోవాలి)|"
            r"(?:policy|document|sop|form|template|report|procedure|manual|checklist|పత్రం|ఫారం)"
            r"[^\s]* (?:[^\s]+ )?ఎక్కడ (?:ఉంది|ఉన్నాయి|దొరుకుతుంది|దొరుకుతాయి)|"
            r"ఎక్కడ (?:దొరుకుతుంది|దొరుకుతాయి|చూడాలి|చూడొచ్చు|చూడవచ్చు)|"
            r"ఏం (?:చెప్పాలి|చేయాలి)|(?:చేయవచ్చా|చేయొచ్చా|ఉపయోగించవచ్చా|వాడవచ్చా)|"
            r"(?:process|procedure|ప్రక్రియ|విధానం|rule|policy)[^\s]* (?:ఏమిటి|ఏంటి)",
        ),
    )
)

# A question answered in the same message, after its `?` (`…? našao sam, ima na intranetu`,
# `…? разбрах`, `…? het dit gekry`, `…? ja ho he trobat`, `…? radau`, `…? దొరికింది`), as `…?
# never mind, found it` is; read without word edges, since a Telugu word may end in a mark
ANSWERED_ITSELF = tuple(
    fold(phrase)
    for phrase in (
        r"našao sam|nasao sam|našla sam|nasla sam|pronašao sam|pronasao sam|rešio sam|resio sam|"
        r"riješio sam|rijesio sam|nema veze|skontao sam",
        r"намерих го|намерих|разбрах|оправих го|няма значение|вече го намерих",
        r"het dit gekry|dit gekry|reggekry|maak nie saak nie|uitgesorteer",
        r"ja ho he trobat|ho he trobat|ja ho tinc|oblideu-ho|ja esta resolt",
        r"radau|supratau|išsiaiškinau|issiaiskinau|nebesvarbu|susitvarkiau",
        r"దొరికింది|దొరికేసింది|అర్థమైంది|సరైపోయింది",
    )
)

# The words these languages open a question with, as `how`, `where` and `why` open one in
# English; not `ko`, `кой`, `wie`, `wat` or `kas` (also who is going to lunch, or `every`), nor
# Catalan's `on` (an English word too) or `com` (Vietnamese `cơm`, rice, folds to it). Telugu's
# words are split by its marks, so it has none here.
INTERROGATIVE_OPENERS = frozenset(
    fold(word)
    for word in (
        "kako gde gdje zašto zasto koliko "  # Serbian and Croatian
        "как къде защо колко "  # Bulgarian
        "hoe waar hoekom "  # Afrikaans
        "quin quina quins quines "  # Catalan
        "kaip kur kodėl kodel koks kokia"  # Lithuanian
    ).split()
)
