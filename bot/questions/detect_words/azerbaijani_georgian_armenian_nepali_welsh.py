"""The question detector's phrases in Azerbaijani, Georgian, Armenian, Nepali and Welsh: someone
who knows, has done it or can explain, who is in charge or whom to turn to, help or advice
needed, what a fault could be due to, how a thing is done, where it is found or kept, what a
word means, what the procedure, the rule or the difference is, whether there is a way; a
question answered in the same message; a status check in Welsh; and the words these languages
open a question with. Joined into `asks_for_help`, `asks_how`, `answered`, `status` and
`question_form` after the other languages.

Each phrase is folded as the text it searches is (`bot/routing/text.py`: `ö` is `o`, `ş` is
`s`, `ə` and `ı` stay, `ŵ` is `w`, Armenian `և` is `եւ`, Georgian has no case and Devanagari
keeps its marks), so it is written here as people type it, and without `\\S` or `\\W`, which
folding would lower into their opposites. A Devanagari vowel sign is no `\\w`, so Nepali's
words are matched as runs of anything but a space or a `?`.
"""

from __future__ import annotations

from bot.questions.detect_words.fragments import opening_with
from bot.routing.text import fold

# a Nepali word: Devanagari's vowel signs are marks, which `\w` does not match
_NE_WORD = r"[^\s?]+"

ASKS_FOR_HELP = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Azerbaijani: anyone who knows, has done it or can explain (`kimsə bilir ki…`, `bilən
        # var…`, `kimin … təcrübəsi var`), who is in charge, whom to turn to, help or advice
        # needed, what a fault could be due to; `heç kim bilmir` tells, and `kimsə mənim yerimə
        # növbəyə çıxa bilər` is a favour
        (
            "kbmst",
            r"\bkims[əe] (?:bilir|bilirmi|izah ed[əe] bil[əe]r|k[öo]m[əe]k ed[əe] bil[əe]r)\b|"
            r"\bbil[əe]n (?:var|varmı|kims[əe] var|adam var)\b|\bbilirsinizmi\b|"
            r"\bkimin(?:s[əe])? (?:[\w-]+ ){0,6}?t[əe]cr[üu]b[əe]si (?:var|olub)\b|"
            r"\bt[əe]cr[üu]b[əe]si olan (?:var|kims[əe])\b|"
            r"\bkim (?:m[əe]suldur|cavabdehdir|baxır)\b|"
            r"\bkim[əe] (?:m[üu]raci[əe]t etm[əe]liy[əe]m|yazmalıyam|g[öo]nd[əe]rm[əe]liy[əe]m)\b|"
            r"\b(?:k[öo]m[əe]yiniz|k[öo]m[əe]k|m[əe]sl[əe]h[əe]t) lazımdır\b|"
            r"\bs[əe]b[əe]bi n[əe] ola bil[əe]r\b",
        ),
        # Georgian: anyone who knows, has met it or has experience (`ვინმემ იცის…`, `ვინმეს
        # შეგხვედრიათ…`, `ვის აქვს გამოცდილება…`), who is in charge, whom to turn to, help or
        # advice needed, what the cause could be; `არავინ იცის` tells, and `ვინმე ჩამანაცვლებს`
        # is a favour
        (
            "ვხრდი",
            r"ვინმემ (?:იცის|იცით)|ხომ არ (?:იცით|იცის)|იცით ვინმემ|"
            r"(?:ვინმეს|ვის) (?:აქვს|ჰქონია) (?:გამოცდილება|წარმოდგენა)|"
            r"ვინმეს (?:შეგხვედრიათ|შეხვედრია|გაუკეთებია|უცდია)|"
            r"ვინმეს შეუძლია (?:ამიხსნას|ახსნა|მითხრას|დამეხმაროს)|"
            r"ვინ არის (?:პასუხისმგებელი|პასუხისმგებლი)|ვის (?:მივმართო|უნდა მივმართო)|"
            r"(?:დახმარება|რჩევა) მჭირდება|რა შეიძლება იყოს (?:მიზეზი|პრობლემა)",
        ),
        # Armenian (its `՞` read as `?` at the end of the clause): anyone who knows, has done it
        # or can explain (`ինչ-որ մեկը գիտի…`, `ով ունի փորձ…`), who is in charge, whom to turn
        # to, help or advice needed, what the cause is or could be; `ոչ ոք չգիտի` tells
        (
            "իոգօխ",
            r"(?:ինչ-որ|որեւէ|որեւե) մեկը (?:գիտի|փորձ ունի|կարող է (?:բացատրել|օգնել|ասել))|"
            r"գիտեք (?:արդյոք|թե|ինչպես|որտեղ|ինչու)|"
            r"ով (?:ունի|ունեցել է) (?:փորձ|պատկերացում)|"
            r"ով է (?:պատասխանատու|զբաղվում)|ում (?:պետք է )?դիմեմ|"
            r"(?:օգնություն|խորհուրդ) է պետք|"
            r"ինչն? (?:է|կարող է լինել) պատճառը",
        ),
        # Nepali, in Devanagari and in Latin letters: anyone who knows or has done it (`कसैलाई
        # थाहा छ…`, `कसैले … गर्नुभएको छ`), who approves or is in charge, whom to ask, help or
        # advice needed; `कसैलाई थाहा छैन` tells
        (
            "कसमkms",
            r"कसैलाई (?:थाहा|थाह) छ(?!ैन)|कसैले (?:" + _NE_WORD + r" ){0,6}?(?:गर्नुभएको|गरेको|"
            r"चलाउनुभएको|प्रयोग गर्नुभएको) छ(?!ैन)|"
            r"कसले (?:approve|अनुमोदन|हेर्छ|हेर्छ्न्)|को जिम्मेवार|कसलाई सोध्ने|"
            r"(?:सहयोग|मद्दत|सल्लाह) चाहियो|"
            r"\bkasai ?lai (?:thaha|tha) (?:cha|chha)\b|"
            r"\bkasaile (?:[\w-]+ ){0,6}?gar(?:nu ?bhayeko|eko) (?:cha|chha)\b|"
            r"\bkasle (?:approve|handle|herchha|hercha)\b|\bkaslai sodhne\b|"
            r"\b(?:sahayog|maddat|madat|salah) chahiyo\b",
        ),
        # Welsh: anyone who knows, has done it or can explain (`oes rhywun yn gwybod…`, `oes gan
        # rywun brofiad…`), who is in charge, whom to turn to, help or advice needed; `oes rhywun
        # am ginio` invites, and `all rhywun gyflenwi drosta i` is a favour
        (
            "oyagp",
            r"\b(?:oes|a oes|ydy) (?:rhywun|unrhyw un)(?: yma)? (?:yn gwybod|'n gwybod|wedi "
            r"(?:gwneud|defnyddio|cael|gweld|delio))\b|"
            r"\boes gan (?:rywun|unrhyw un) (?:brofiad|syniad)\b|"
            r"\b(?:all|gall|allai) (?:rhywun|unrhyw un) (?:esbonio|egluro|ddweud wrtha i|"
            r"fy helpu gyda)\b|"
            r"\bpwy sy'n (?:gyfrifol am|gofalu am|delio (?:a|gyda|efo))\b|"
            r"\bat bwy (?:ddylwn i|dylwn i|mae angen) (?:droi|gysylltu|fynd)\b|"
            r"\bangen (?:help|cymorth|cyngor) (?:gyda|efo|ar)\b",
        ),
    )
)

ASKS_HOW = tuple(
    fold(opening_with(first, phrase))
    for first, phrase in (
        # Azerbaijani: how one does a thing (`necə yükləyə bilərəm`, `necə qeyd edə bilərəm`,
        # `necə ötürmək olar`; `necəsən` greets and `necə keçdi` asks how a thing went), where it
        # is found or kept, what a word means, which form or system one needs, what the
        # procedure, the rule or the difference is, whether there is a way
        (
            "nhqpfby",
            r"\bnec[əe] (?:[\w-]+ )?[\w-]+(?:a|ə|e) bil[əe]r(?:[əe]m|ik)\b|"
            r"\bnec[əe] (?:[\w-]+ )?[\w-]+(?:maq|m[əe]k) (?:olar|lazımdır)\b|"
            r"\bnec[əe] (?:[\w-]+ )?[\w-]+(?:malıyam|m[əe]liy[əe]m|malıyıq|m[əe]liyik)\b|"
            r"\bharada(?:n)? (?:tapa bil[əe]r[əe]m|tapım|tapmaq olar|ala bil[əe]r[əe]m|"
            r"saxlanılır|saxlayırıq)\b|"
            r"\bn[əe] dem[əe]kdir\b|"
            r"\bhansı (?:[\w-]+ ){1,4}?(?:lazımdır|istifad[əe] edirik|doldurmalıyam|"
            r"se[çc]m[əe]liy[əe]m)\b|"
            r"\b(?:prosedur|qayda|f[əe]rq)(?:u|ı|i)? n[əe]dir\b|"
            r"\b(?:bir )?yolu varmı\b",
        ),
        # Georgian: how one does a thing (`როგორ დავამატო…`, a first person marked by its `ვ`, or
        # `როგორ უნდა…`; `როგორ ხარ` greets and `როგორ ჩაიარა` asks how it went), where it is
        # found or kept, what a word means, what the procedure, the rule or the difference is,
        # whether there is a way
        (
            "რსა",
            r"როგორ (?:[\w-]+ )?(?:(?:და|ა|გა|ჩა|შე|მო|წა|გადა|ამო|გამო|მი)?ვ[\w-]+|უნდა|"
            r"შემიძლია|შეიძლება|ხდება)|"
            r"სად (?:ვნახო|ვიპოვო|ვიპოვი|შემიძლია|ვნახავ|ინახება|ინახებოდა|ვინახავთ)|"
            r"რას ნიშნავს|"
            r"რა არის (?:[\w-]+ ){0,2}?(?:პროცედურა|პროცესი|წესი|სხვაობა|განსხვავება|ვადა|"
            r"ლიმიტი)|"
            r"(?:არის|არსებობს) (?:რაიმე |რამე )?(?:გზა|საშუალება|შაბლონი)",
        ),
        # Armenian: how one does a thing (`ինչպես կարող եմ…`, `ինչպես` or `ոնց` with an
        # infinitive; `ինչպես ես` greets and `ոնց անցավ` asks how it went), where it is found or
        # kept, what a word means, what the procedure, the rule or the difference is, a way
        (
            "իոկ",
            r"(?:ինչպես|ոնց) (?:կարող (?:եմ|ենք)|պետք է|[\w-]+(?:ել|ալ|եմ|ենք)(?= |$|,|\?))|"
            r"որտեղ (?:կարող եմ գտնել|գտնեմ|կգտնեմ|են պահվում|է պահվում|ենք պահում)|"
            r"ինչ է նշանակում|"
            r"(?:որն|ինչ|ինչն) է (?:ընթացակարգը|կարգը|տարբերությունը|կանոնը|ժամկետը|սահմանը)|"
            r"կա (?:որեւէ |որեւե )?(?:ձեւ|տարբերակ|եղանակ|ձեւանմուշ)",
        ),
        # Nepali: how one does a thing (`कसरी अपडेट गर्ने`, `kasari garne`; `कस्तो छ` greets and
        # `कसरी बित्यो` asks how it went), where it is found, what a word means, the best way or
        # the process, which form
        (
            "कभरसउपkma",
            r"कसरी (?:" + _NE_WORD + r" ){0,2}?(?:गर्ने|गर्न सकिन्छ|गर्नुपर्छ|हुन्छ|मिल्छ|"
            r"सकिन्छ)|"
            r"कहाँ (?:पाइन्छ|भेटिन्छ|राखिएको|राख्छौं|हेर्ने)|"
            r"(?:को अर्थ|भनेको) के हो|"
            r"(?:राम्रो|सही|उत्तम) तरिका के हो|प्रक्रिया के हो|कुन फारम|"
            r"\bkasari (?:[\w-]+ )?(?:garne|garna|hune|huncha|milcha|sakincha)\b|"
            r"\b(?:ko )?(?:matlab|artha) (?:k|ke) ho\b|\bkaha (?:paincha|paaincha|bhetincha)\b",
        ),
        # Welsh: how one does a thing (`sut ydw i'n…`, `sut i…`; `sut mae` and `sut wyt ti` greet),
        # where it is found or kept, what a word means, what the procedure, the rule or the
        # difference is, whether there is a way
        (
            "sbo",
            r"\bsut (?:ydw i'n|dw i'n|ydyn ni'n|dyn ni'n|ydych chi'n|dych chi'n|galla i|gallaf|"
            r"alla i|gallwn ni|mae modd|i|dylwn i|dylen ni|fyddai rhywun)\b|"
            r"\bble (?:mae|galla i|alla i|mae modd|ydw i'n|dw i'n) (?:dod o hyd|ffeindio|ddod o "
            r"hyd|gael)\b|"
            r"\bble (?:mae|mae'r) (?:[\w'-]+ ){0,5}?yn cael (?:ei|eu) (?:gadw|chadw|storio)\b|"
            r"\bble (?:ydyn ni'n|dyn ni'n) cadw\b|"
            r"\bbeth (?:yw|ydy|ydi|di)(?:'r| y) (?:broses|drefn|weithdrefn|rheol|rheolau|"
            r"gwahaniaeth|terfyn|dyddiad cau)\b|"
            r"\bbeth (?:yw|ydy) ystyr\b|"
            r"\boes (?:yna )?(?:ffordd|modd|templed|canllaw)\b",
        ),
    )
)

# A question answered in the same message, after its `?` (`…? artıq tapdım`, `…? ვიპოვე`, `…?
# արդեն գտա`, `…? भेटियो`, `…? dim ots, wedi dod o hyd iddo`), as `…? never mind, found it` is;
# with no word edge, as a Devanagari word may end in a mark
ANSWERED_ITSELF = tuple(
    fold(phrase)
    for phrase in (
        r"(?:artıq )?tapdım|h[əe]ll etdim|bo[şs] verin|narahat olmayın",
        r"(?:უკვე )?ვიპოვე|მოვაგვარე|აღარ არის საჭირო",
        r"(?:արդեն )?(?:գտա|գտել եմ)|լուծվեց|կարեւոր չէ",
        r"भेटियो|भेटें|पाएँ|मिलिहाल्यो|\bbhetiyo\b|\bpaye\b",
        r"\bdim ots\b|wedi dod o hyd iddo|wedi'i ddatrys|\banghofiwch\b",
    )
)

# Whether a thing is down or works for everyone, in Welsh (`ydy'r VPN i lawr i bawb?`): a status
STATUS = (
    fold(r"\b(?:ydy|ydi|yw)(?:'r| y) (?:[\w.-]+ ){1,3}?(?:i lawr|wedi torri|ddim yn gweithio)\b"),
)

# The words these languages open a question with, as `how`, `where` and `why` open one in
# English; not Azerbaijani `kim`, Georgian `ვინ`, Armenian `ով` or Welsh `pwy`, which open who is
# coming to lunch, nor Azerbaijani `nə` (`nə gözəl!`); Georgian `რა` (what) opens one as `what`
# does; Nepali's words hold marks the tokens drop
INTERROGATIVE_OPENERS = frozenset(
    fold(word)
    for word in (
        "necə harada haradan niyə nədən hansı haçan "  # Azerbaijani
        "როგორ სად რატომ როდის რამდენი რომელი რა ვინმემ ვინმეს "  # Georgian
        "ինչպես որտեղ ինչու երբ որն քանի ոնց "  # Armenian
        "kasari "  # Nepali in Latin letters
        "sut ble pam pryd faint"  # Welsh
    ).split()
)
