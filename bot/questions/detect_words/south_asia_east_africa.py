"""The question detector's phrases in Persian, Urdu, Bengali, Malay and Swahili, as typed in their
own scripts and, for Persian, Urdu and Bengali, in Latin letters too: someone who knows or has
done it, whom to turn to, how a thing is done, where it is found, which form, what the procedure
or the difference is, whether it is allowed; and the words these languages open a question
with. Joined into `asks_for_help`, `asks_how` and `question_form` after the other languages.

Chat in these languages leaves the `?` off, and a yes/no question is marked by its tone alone
(Persian, Urdu) or by a particle inside it (Bengali's `ki`), so the phrases are written to hold
without a `?` where the words alone ask, and to want one where they might tell. Each is folded
as the text it searches is (`bot/routing/text.py`), so written here as people type it, and
without `\\S` or `\\W`, which folding would lower into their opposites.
"""

from __future__ import annotations

from bot.routing.text import fold

# Persian writes `می‌` with a zero-width non-joiner, a space or nothing before its verb
_MI = "می(?:\u200c| )?"

ASKS_FOR_HELP = tuple(
    fold(phrase)
    for phrase in (
        # Persian: anyone who knows (`کسی می‌دونه…`, `کسی راه حلش رو می‌دونه؟`, `کسی بلده…`), has
        # done it or has a source (`کسی تجربه داره با…`, `کسی منبع داره؟`), a question announced
        # (`یه سوال:`), whom to call (`با کی باید تماس بگیریم؟`); `کسی نمی‌دونه` (no one knows)
        # and `کسی شارژر داره؟` (a loan) do not ask
        rf"کسی (?:[^\s]+ ){{0,3}}?(?:{_MI}(?:دونه|دونید|دانه|داند|دانید)|بلده|بلد است|بلد هست)|"
        r"کسی (?:[^\s]+ ){0,2}?(?:تجربه|تجربه‌ای|اطلاع|اطلاعی|ایده|ایده‌ای|منبع|منبعی|رفرنس|"
        r"راه ?حل[^\s]*) (?:داره|دارد|دارید|داشته)|"
        r"(?:یه|یک) سوال(?: داشتم| دارم)?(?=[\s:،,]|$)|"
        r"(?:با )?(?:کی|چه کسی|کیا) باید (?:تماس|هماهنگ|صحبت)",
        r"kasi (?:\w+ ){0,2}?(?:midoone|midoonid|midune|balade|baladeh|tajrobe dare)",
        # Urdu: anyone who knows or can tell (`کسی کو معلوم ہے؟`, `کوئی بتا سکتا ہے`), help needed
        r"کسی کو (?:[^\s]+ )?(?:پتا|پتہ|معلوم|علم) (?:ہے|ہو)|"
        r"کوئی (?:[^\s]+ )?(?:بتا سکتا|بتا سکتی|بتا سکتے|جانتا|جانتی|جانتے|سمجھا سکتا|سمجھا سکتی|"
        r"مدد کر سکتا|مدد کر سکتی|رہنمائی کر)|(?:مدد|رہنمائی) (?:چاہیے|چاہئے|درکار)",
        # and in Latin letters, who does or handles a thing (`kaun order karta hai`, `kaun handle
        # karta hai`), as `who handles…` asks
        r"kaun (?:\w+ ){0,2}(?:karta|karti|karte|deta|deti|dete|dekhta|dekhti|dekhte|sambhalta|"
        r"sambhalti) (?:hai|hain|h)\b",
        # Bengali: anyone who knows or can tell (`কেউ কি জানেন…`, `keu ki jano…`, `keu help
        # korte parben?`), whom to ask (`কার কাছে জিজ্ঞেস করব?`), not understanding why or how;
        # `keu jane na` (no one knows) does not ask
        r"(?:কেউ|keu) (?:(?:কি|কী|ki) )?(?:[^\s]+ )?(?:জানেন|জানো|জানিস|বলতে পারবেন|বলতে পারো|"
        r"বলতে পারবে|সাহায্য করতে|হেল্প করতে|jane|janen|jano|janis|bolte parben|bolte paro|"
        r"bolte parbe|help korte|sahajjo korte)(?! (?:na|না)(?=[\s?.,!]|$))|"
        r"(?:কার|কাদের|kar|kader) (?:কাছে|সাথে|kache|sathe) (?:[^\s]+ )?(?:জিজ্ঞেস|জিজ্ঞাসা|জানতে|"
        r"যোগাযোগ|jiggesh|jigges|jigesh|jiggasha|jante|jogajog)|"
        r"(?:বুঝতে পারছি না|bujhte parchi na|bujhte partesi na) (?:কেন|কীভাবে|কিভাবে|keno|kivabe)",
        # Malay: anyone who knows or has done it (`ada sesiapa tahu…`, `sesiapa pernah…`), who
        # handles or approves a thing, advice asked for; `sesiapa ada charger?` is a loan, and `tak
        # ada sesiapa tahu` (no one knows) tells
        r"(?<!tak )(?<!tiada )(?<!tak ada )(?:ada )?(?:sesiapa|sape|sapa|siapa-siapa) "
        r"(?:yang |yg )?(?:tahu|tau|pernah|faham|arif|ada pengalaman|biasa buat|"
        r"boleh (?:bantu|terangkan|tolong terangkan|jelaskan))|"
        r"siapa (?:yang |yg )?(?:uruskan|urus|handle|bertanggungjawab|jaga|luluskan|approve)|"
        r"(?:perlukan|perlu|minta|mohon) (?:nasihat|pandangan|tunjuk ajar)",
        # Swahili: anyone who knows or has done it (`kuna mtu anajua…`, `kuna mtu amewahi…`), who
        # knows or handles a thing (`nani anashughulikia…`), help asked for; `hakuna mtu anajua`
        # (no one knows) does not ask
        r"(?<!hakuna )(?:kuna )?(?:mtu|mtu yeyote|yeyote) (?:\w+ )?(?:anajua|anayejua|anafahamu|"
        r"amewahi|aliyewahi|ana uzoefu|mwenye uzoefu|anaweza kusaidia|anaweza kunisaidia|"
        r"anaweza kueleza)|"
        r"nani (?:anajua|anafahamu|anashughulikia|anayeshughulikia|anahusika|anayehusika|"
        r"anasimamia|anaidhinisha)|(?:naomba|nahitaji|ninahitaji|tunahitaji) (?:msaada|ushauri)",
    )
)

ASKS_HOW = tuple(
    fold(phrase)
    for phrase in (
        # Persian: how one must or can do a thing (`چطوری باید… ثبت کرد؟`, `چطور میشه…`), which
        # form (`چه فرمی باید…`), what the difference or the procedure is (`فرق … چیه؟`,
        # `پروتکلش چیه`), where to find it, whether it is allowed (`مجازه یا نه؟`); a bare
        # `چطوری؟` greets
        rf"(?:چطور|چطوری|چگونه|چجوری|چه جوری) (?:[^\s]+ ){{0,6}}?(?:باید|میشه|{_MI}شه|{_MI}شود|"
        rf"{_MI}تونم|میتونم|{_MI}توانم|{_MI}تونیم|میتونیم|{_MI}توانیم)|"
        r"چه (?:فرمی|فرم|مدارکی|مدرکی|کدی|برگه[^\s]*) باید|"
        r"فرق (?:[^\s]+ ){1,8}?(?:چیه|چی هست|چیست)|"
        r"(?:روال|روند|فرآیند|فرایند|پروتکل|دستورالعمل|قانون|قاعده|مراحل)[^\s]* (?:[^\s]+ ){0,4}?"
        r"(?:چیه|چی هست|چیست|چطوریه|چطوره)|"
        rf"(?:از )?کجا (?:[^\s]+ ){{0,3}}?(?:پیدا کنم|پیدا کنیم|میشه|{_MI}شه|{_MI}تونم|میتونم)|"
        r"مجاز(?:ه|یم| است| هست| هستیم)? یا نه",
        r"(?:chejoori|chetori|chetor) (?:\w+ ){0,6}?(?:mishe|bayad|mitoonam|mitunam|mitoonim)",
        # Urdu: how a thing is done (`کیسے ڈالتے ہیں؟`, `کیسے ہوتا ہے`, any verb as `…تے ہیں`),
        # where it is got (`کہاں سے ملتا ہے؟`), what the procedure or the rule is (`کیا پروٹوکول
        # ہے`, `کا کیا اصول ہے؟`); `کیسے ہو` greets
        r"کیسے (?:[^\s]+ ){0,2}(?:کریں|کرے|کرنا|کرتے|کروں|کروائیں|کرواؤں|ڈالتے|ڈالیں|ملتا|ملتی|"
        r"ملے گا|ملے گی|ہوتا|ہوتی|ہوتے|جاتا|جاتی|جاتے)(?=[\s?.,!،]|$)|"
        # any verb in the habitual plural, how one does it (`کیسے بناتے ہیں؟`)
        r"کیسے (?:[^\s]+ ){0,2}[^\s]+تے ہیں|"
        r"کہاں (?:سے )?(?:ملتا|ملتی|ملے گا|ملے گی|ملیں گے|دیکھیں|جمع)|"
        r"کیا (?:[^\s]+ )?(?:طریقہ|طریقۂ کار|پروٹوکول|اصول|قانون|پالیسی|پروسیجر) ہے|"
        r"(?:طریقہ|طریقۂ کار|پروٹوکول|اصول|پروسیجر) کیا ہے",
        # and in Latin letters, how a thing is done, said impersonally (`kaise calculate hota
        # hai`), as Ukrainian's `як рахується` asks
        r"kaise (?:\w+ ){1,2}(?:hota|hoti|hote|jata|jati|jate) (?:hai|hain|h)\b",
        # Bengali: how one does a thing, the verb last (`kivabe … check korbo?`, `কীভাবে …
        # করতে হয়`), or any how asked with a `?`, where it is found, which form to fill
        r"(?:কীভাবে|কিভাবে|কেমনে|kivabe|kibhabe|kemne) (?:[^\s]+ ){0,6}?(?:করতে হয়|করতে হবে|করব|"
        r"করবো|চালাব|চালাবো|পাব|পাবো|korte hoy|korte hobe|korbo|chalabo|pabo)(?=[\s?.,!]|$)|"
        r"(?:কীভাবে|কিভাবে|kivabe|kibhabe) [^.!?]{1,80}\?|"
        r"(?:কোথায়|kothay|kothai) (?:[^\s]+ )?(?:পাব|পাবো|পাওয়া যাবে|পাওয়া যায়|pabo|paowa jabe|"
        r"paowa jay)|"
        r"(?:কোন|kon) (?:ফর্ম|ফরম|ফরম্যাট|টেমপ্লেট|form|format|template)[^\s]* (?:[^\s]+ ){0,3}?"
        r"(?:করতে|দিতে|korte|dite) (?:হয়|হবে|hoy|hobe)",
        # Malay: how to (`macam mana nak…`), whether there is a way, what the difference is,
        # where one gets a thing
        r"macam mana (?:nak|hendak|nk|untuk|boleh|cara|kita|saya|sy|kena)\b|"
        r"(?:ada tak|adakah|ada ke) (?:\w+ )?cara\b|apa (?:beza|perbezaan)(?:nya)?\b|"
        r"(?:di ?mana|kat mana) (?:boleh|nak|saya boleh) (?:dapat|cari|jumpa|ambil)",
        # Swahili: how one can (`vipi naweza…`, `nawezaje…`), how to, asked (`jinsi ya
        # kuomba…?`), where one finds a thing (`wapi naweza kupata…`), whether a rule, a limit
        # or a way exists (`je, kuna kikomo cha…`), whether one may or must (`je, tunaweza
        # kulipa…`), as `is there a limit` and `can we…` ask of a policy
        r"(?:vipi|namna gani|kwa njia gani) (?:\w+ ){0,2}(?:naweza|ninaweza|tunaweza|unaweza|"
        r"inawezekana)|\w+wezaje\b|jinsi ya ku\w+[^.!?]{0,80}\?|"
        r"(?:wapi|mahali gani) (?:naweza|ninaweza|tunaweza|ninapata|napata|nitapata)|"
        r"je,? (?:kuna (?:kikomo|utaratibu|njia|sheria|fomu|mwongozo|sera|kanuni|kiwango)|"
        r"(?:tunaweza|naweza|ninaweza|inawezekana|ni lazima|lazima|inabidi|inaruhusiwa|"
        r"anaruhusiwa|wanaruhusiwa|tunaruhusiwa)\b)|"
        # whether one is allowed or must, asked anywhere in the sentence (`je, mwanafunzi …
        # anaruhusiwa kuwa PI…?`); `unaruhusiwa kuegesha hapa` tells
        r"\b(?:\w+ruhusiwa|ni lazima|inabidi)\b[^.!?]{0,80}\?",
    )
)

# The words these languages open a question with, as `how`, `why` and `anyone` open one in
# English; not a yes/no particle that opens a status check as often (`je`, `ada`, `kuna`), nor
# Urdu's `koi` or Malay's `sesiapa` (anyone), which open a favour or a loan (`koi mujhe access de
# sakta hai?`, `sesiapa ada charger?`) as often as an ask
INTERROGATIVE_OPENERS = frozenset(
    fold(word)
    for word in (
        "چرا چطور چطوری چگونه چجوری کجا کسی kasi chera chetori "
        "کیا کیوں کیسے کہاں کسی kya kyun kyon kaise kahan kisi "
        "কেন কীভাবে কিভাবে কোথায় কেউ keno kivabe keu "
        "kenapa mengapa bagaimana gimana apakah adakah bolehkah macam "
        "kwanini vipi wapi nani"
    ).split()
)

# A greeting before the sentence's real opening (`سلام، کسی می‌دونه…`), as `hi` is
LEAD_INS = frozenset(fold(word) for word in "سلام salam salaam".split())
