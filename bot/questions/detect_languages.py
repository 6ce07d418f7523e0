"""The question detector's phrases in Chinese, Japanese, Thai, Vietnamese, Hebrew, Greek,
Czech, Ukrainian, Finnish, Danish, Norwegian, Romanian, Hungarian and Hindi in Devanagari, and
a few more in Russian, Arabic and Swedish: someone who knows, has done it or has an idea, how
the others do it, how to and where a thing is, the best way, a question answered in the same
message, and the invitations and social words that take away (`bot/questions/detect_words/`
has English and the languages before these).

Each phrase is folded as the text it searches is (`bot/routing/text.py`: `biết` is `biet`,
`ξέρει κανείς` is `ξερει κανεισ`, `знайти` is `знаити`, Thai `ทำ` split in two), so it is
written here as people type it.
"""

from __future__ import annotations

import re

from bot.routing.text import fold

# Spaced scripts, joined into the English patterns, which give them their word boundaries.
ASKS_FOR_HELP = tuple(
    fold(phrase)
    for phrase in (
        r"(?:có )?ai (?:biết|có kinh nghiệm|từng|đã từng|rành)|"
        r"(?:có )?ai (?:giúp|chỉ|hướng dẫn) (?:mình|em|tôi|anh|chị)|"
        r"nhờ (?:mọi người|anh chị|các bạn|cả nhà) (?:giúp|chỉ|hướng dẫn)|cần (?:giúp đỡ|hỗ trợ)|"
        r"hỏi nhanh|"
        # who is in charge of a thing (`ai phụ trách hợp đồng…`), as `who handles…` asks; the
        # asker's own lead-in (`cho em hỏi…`, `em muốn hỏi…`), as `mau tanya` asks in Indonesian;
        # whether anyone has run into it (`…? ai gặp chưa`)
        r"ai (?:phụ trách|chịu trách nhiệm|quản lý|lo vụ|lo phần)|"
        r"(?:cho (?:em|mình|tôi|anh|chị) |(?:em|mình|tôi) (?:muốn|xin) )hỏi\b|"
        r"(?:có )?ai (?:đã |từng |đã từng )?gặp (?:\w+ ){0,3}(?:chưa|không)\b",
        r"מישהו (?:יודע|יודעת|מכיר|מכירה|יכול לעזור|יכולה לעזור|נתקל|נתקלה)|"
        r"יש (?:למישהו|פה מישהו) (?:ניסיון|רעיון|מושג)|מי (?:יודע|יודעת|אחראי|אחראית|מטפל|מטפלת)|"
        r"צריך עזרה|צריכה עזרה|שאלה קצרה",
        r"(?:ξέρει|γνωρίζει) (?:κανείς|κάποιος)|(?:κανείς|κάποιος) (?:ξέρει|γνωρίζει|μπορεί να "
        r"(?:βοηθήσει|εξηγήσει))|ποιος (?:ξέρει|είναι υπεύθυνος|ασχολείται)|χρειάζομαι βοήθεια|"
        r"γρήγορη ερώτηση|"
        # the verb first (`μπορεί κάποιος να μου εξηγήσει…;`); `…να μου φέρει καφέ` is a favour
        r"μπορεί (?:κανείς|κάποιος) να (?:μου |μας )?(?:εξηγήσει|βοηθήσει|πει|δείξει)",
        r"(?:ví|neví|víte|nevíte) (?:někdo|někdo z vás)|někdo (?:ví|neví|zná|má zkušenost|poradí|"
        r"pomůže)|poradí (?:mi )?někdo|kdo (?:ví|má na starosti|je zodpovědný|se stará)|"
        r"potřebuji pomoc|(?:rychlá|krátká) otázka|"
        # the verb first (`má někdo zkušenosti s…?`); `má někdo nabíječku?` is a loan
        r"(?:má|máte) (?:tu )?(?:někdo|někdo z vás) zkušenost\w*",
        r"хтось (?:знає|підкаже|стикався|стикалася|розбирається|в курсі|може (?:допомогти|"
        r"підказати|пояснити))|хто (?:знає|в курсі),? (?:як|де|чому|що|хто|чи|коли)|"
        r"хто (?:відповідає за|займається|розбирається)|підкажіть|допоможіть|"
        r"потрібна допомога|швидке питання",
        r"(?:tietääkö|osaako|tunteeko) (?:kukaan|joku)|onko (?:kellään|kenelläkään|jollakulla) "
        r"(?:kokemusta|tietoa|vinkkejä|ideaa)|kuka (?:tietää|osaa|vastaa|hoitaa)|tarvitsen apua|"
        r"nopea kysymys",
        r"(?:ved|kender|vet|kjenner) (?:nogen|noen)|(?:er der|er det) (?:nogen|noen) (?:der|som) "
        r"(?:ved|vet|kender|kjenner|har erfaring|kan hjælpe|kan hjelpe)|(?:nogen|noen) (?:der|som) "
        r"(?:ved|vet|kender|kjenner|har erfaring|har prøvet|har prøvd)|hvem (?:ved|vet|har ansvar|"
        r"står for|tar seg av|kender til|kjenner til)|"
        r"har (?:nogen|noen) (?:erfaring|et tip|tips|en idé|en ide)|"
        r"(?:hurtigt|kjapt) (?:spørgsmål|spørsmål)|brug for hjælp|trenger hjelp",
        r"(?:क्या )?किसी को (?:पता|मालूम|जानकारी|अंदाज़ा|अंदाजा)|कोई (?:जानता|जानती|बता सकता|"
        r"बता सकती|मदद कर|समझा सकता)|(?:मदद|सहायता) (?:चाहिए|की ज़रूरत|की जरूरत)|"
        r"किसी को कोई (?:idea|आइडिया|अंदाज़ा|अंदाजा)|किसी ने [^?]{1,60}\?|"
        r"(?:कोई )?(?:अच्छा|बढ़िया|सही) तरीका (?:बताओ|बताइए|बताएं|बता दो)",
        # someone who has done a kind of thing, understands it or has an idea, as `has anyone
        # worked with…?`, `does anyone understand…` and `any idea?` ask in English
        r"кто-(?:нибудь|то) (?:уже )?(?:работал|работала|пробовал|пробовала|использовал|"
        r"использовала|настраивал|настраивала|поднимал|поднимала|делал|делала)|"
        r"есть (?:какие-(?:нибудь|то) )?идеи",
        r"хтось (?:уже )?(?:розуміє|працював|працювала|пробував|пробувала|використовував|"
        r"використовувала|налаштовував|налаштовувала)|є (?:якісь )?ідеї",
        r"(?:هل )?(?:أحد|احد|حد) (?:اشتغل|جرب|استخدم|تعامل)|(?:أي|اي) (?:فكرة|فكره|أفكار|افكار)|"
        # why a thing shows an error (`ليش الجهاز يعطي خطأ…`), a fault's cause asked, as `any
        # idea why` asks
        r"(?:ليش|لماذا|ليه) [^.?!]{0,60}(?:يعطي|يعطيني|يطلع|تطلع|يظهر|تظهر) (?:[^\s]+ )?(?:خطأ|"
        r"خطا|error|رسالة خطأ)",
        r"(?:למישהו|למישהי) יש (?:ניסיון|רעיון|מושג)|מישהו (?:עבד|ניסה|השתמש|הגדיר|מבין)",
        r"(?:anh chị|anh|chị|bạn|các bạn|mọi người|ai) nào (?:đã )?(?:từng|biết|rành|hiểu|"
        r"có kinh nghiệm)|ai có (?:ý tưởng|idea|manh mối)",
        r"har (?:nogen|noen|någon) (?:her |här )?(?:jobbet|arbejdet|arbetat|jobbat|prøvet|prøvd|"
        r"provat|brugt|brukt|använt|testet|testat|satt opp|sat op|satt upp)|"
        r"(?:nogen|noen|någon) (?:peiling|anelse|aning|idé|ide|idéer|ideer)\s*\?",
        r"onko (?:kukaan|joku) (?:\w+ )?(?:käyttänyt|kokeillut|tehnyt|säätänyt|konfiguroinut|"
        r"törmännyt|asentanut)|(?:kenelläkään|kellään) (?:ideaa|hajua|aavistusta)",
        r"(?:nějaký|máte nějaký|má někdo nějaký|máte někdo) nápad|"
        r"(?:dělal|pracoval|zkoušel|používal|řešil|nastavoval) (?:už )?(?:někdo|jste někdo)|"
        r"někdo (?:už )?(?:dělal|pracoval|zkoušel|používal|řešil|nastavoval)",
        r"(?:έχει|μήπως έχει) (?:κανείς|κάποιος) (?:ιδέα|εμπειρία)|έχει (?:δουλέψει|"
        r"χρησιμοποιήσει|δοκιμάσει|στήσει|ασχοληθεί) (?:κανείς|κάποιος)|(?:κανείς|κάποιος) "
        r"(?:έχει )?(?:δουλέψει|χρησιμοποιήσει|δοκιμάσει|ασχοληθεί)",
        r"(?:știe|cunoaște) cineva|cineva (?:știe|cunoaște|a (?:lucrat|folosit|încercat|"
        r"configurat))|a (?:mai )?(?:lucrat|folosit|încercat|configurat) (?:vreodată )?cineva|"
        r"(?:are|aveți) (?:cineva )?(?:vreo |o )?(?:idee|experiență)|mă poate ajuta cineva|"
        r"poate cineva să (?:mă ajute|explice)|"
        # why a thing would happen (`de ce ar da eroare…`), as `what would cause…` asks
        r"de ce (?:ar|ar putea) (?!fi (?:bine|rău|rau)\b)",
        r"tudja(?:-e)? valaki|valaki (?:tudja|ismer|ismeri|használt|használta|dolgozott|"
        r"próbálta|próbált)|ismer(?:i)? valaki|(?:van )?valakinek (?:van )?(?:ötlete|"
        r"tapasztalata|tippje)|tud (?:valaki )?segíteni",
        # how the others do a thing (`как вы дебажите…?`, `miten te hoidatte…?`, `cum
        # gestionați…?`, `hvordan fik I det til…?`), as `how are you all handling…` asks; not how
        # they are, feel, spend the weekend or what they think
        r"как (?:вы|у вас) (?!поживаете|отдыхаете|думаете|считаете|проводите|себя)(?:\w+ )?"
        r"\w+(?:ете|ите)\b",
        r"як (?:ви|у вас) (?!поживаєте|відпочиваєте|думаєте|вважаєте|проводите|себе)(?:\w+ )?"
        r"\w+(?:єте|їте|ете|ите)\b",
        r"miten (?:te|teillä|teidän) (?!voitte|jaksatte)(?:\w+ )?\w+tte\b",
        r"cum (?:vă )?(?!stați|vă simțiți|simțiți|petreceți)\w+(?:ați|eți|iți)\b",
        r"(?:hvordan|hur) (?:gør|gjør|gör|håndterer|hanterar|løser|löser|klarer|fik|fikk|fick|"
        r"sætter|setter|sätter|tester|testar|bruger|bruker|använder) (?:i|dere|ni)\b",
        # and how they usually do it (`hur brukar ni hantera…?`, `hvordan plejer I at…`); not how
        # they spend a holiday
        r"(?:hvordan|hur) (?:brukar|plejer|pleier) (?:i|dere|ni|man)\b(?! (?:at |å |att )?(?:fira|"
        r"fejre|feire|semestra|mysa|hygge|slappe)\b)",
        r"jak (?:to )?(?:řešíte|děláte|nastavujete|spravujete|testujete|deployujete)",
        r"hogyan (?:\w+ )?\w+(?:játok|itek|átok|étek)\b",
    )
)
ASKS_HOW = tuple(
    fold(phrase)
    for phrase in (
        r"làm (?:sao|thế nào) (?:để|đề)|(?:như|là) thế nào|có cách nào|"
        r"cách (?:\w+ ){1,4}(?:như thế nào|thế nào)|ở đâu|(?:quy trình|thủ tục|quy định) "
        r"(?:\w+ ){0,8}(?:là gì|như thế nào|thế nào)|"
        # which one to use, asked (`…thì dùng tỷ giá nào ạ?`), as `which form do I use` asks
        r"(?:dùng|chọn|sử dụng|áp dụng|điền) (?:\w+ ){0,3}nào\b[^.!?]{0,80}\?",
        r"איך (?:אני|אפשר|ניתן|[^\s]+ים\b)|"
        r"איפה (?:אפשר|אני|מוצאים|נמצא|נמצאת|נמצאים)|מה (?:הנוהל|התהליך|הדרך)",
        r"πώς (?:μπορώ|μπορούμε|κάνω|κάνουμε|γίνεται|δηλώνω|ζητάω)|πού (?:μπορώ να βρω|βρίσκω|"
        r"θα βρω|βρίσκεται|βρίσκονται)|ποια είναι η διαδικασία|υπάρχει (?:τρόπος|οδηγός|πρότυπο)",
        r"jak (?:mám|můžu|mohu|máme|můžeme|zařídit|získat|nastavit|požádat|zažádat|si|"
        r"se (?!máš|máte|vede|daří))|kde (?:najdu|můžu|mohu|se dá)|jaký je postup|"
        r"existuje (?:způsob|návod|šablona)",
        r"як (?:мені|можна|правильно|подати|отримати|налаштувати|оформити|знайти|зробити|змінити|"
        r"додати|запросити|підключити)|де (?:знайти|можна|взяти|подивитися|лежить|лежать|"
        r"зберігається)|яка процедура|який порядок|чи є (?:спосіб|інструкція|шаблон)|"
        # how a thing is done, said impersonally (`як рахується добова…`, `как оформляется…`),
        # as Italian's `come si richiede` asks; whether one must or may (`чи потрібно окреме
        # погодження…?`, `нужно ли…?`), as `do we need…?` asks
        r"(?:як|как) (?:у нас |в нас )?\w+(?:ється|ються|иться|яться|ется|ются|ится|ятся)\b|"
        r"(?:чи (?:потрібно|треба|необхідно|обов'язково|дозволено)|(?:нужно|надо|необходимо|"
        r"обязательно|разрешено) ли)\b[^.!?]{0,80}\?",
        # Arabic: what the procedure, the papers or the steps are (`شو الإجراء إذا…`, `ما هي
        # المستندات المطلوبة…`), as `what's the procedure` and `which form do I need` ask
        r"(?:ما|شو|ايش|إيش|وش) (?:هي |هو )?(?:الإجراء|الاجراء|الإجراءات|الاجراءات|الطريقة|"
        r"الطريقه|الخطوات|المستندات|الأوراق|الاوراق|الوثائق|الشروط)",
        r"miten (?:\w+ ){0,2}(?:tehdään|saan|saa|voin|voi|pitää|haetaan|toimii|käytetään|pääsee|"
        r"pääsen|ilmoitetaan)|kuinka (?:voin|saan|teen|tehdään)|mistä (?:löydän|löytyy|saan|saa)|"
        r"mikä on (?:prosessi|käytäntö|menettely|ohje)|onko (?:olemassa )?(?:ohjetta|pohjaa|tapaa)",
        r"hvordan (?:gør|gjør|får|kan|skal|bør|søger|søker|sender) (?:jeg|man|vi)|"
        # how one does a thing, any verb (`hvordan kalibrerer man vindfanen…?`)
        r"hvordan \w+r man\b|"
        r"hvor (?:finder|finner|kan|skal|får) (?:jeg|man|vi)|hvad er (?:proceduren|processen|"
        r"reglen)|hva er (?:prosedyren|prosessen|regelen)|findes der (?:en )?(?:skabelon|"
        r"vejledning|måde)|finnes det (?:en )?(?:mal|veiledning|måte)",
        r"कैसे (?:करें|करे|करना|करते|करूँ|करूं|मिलेगा|मिलेगी|मिलता|मिलती|होता|होती|होगा|बदलें)|"
        r"(?:कहाँ|कहां) (?:से|मिलेगा|मिलेगी|मिलता|मिलती|देखें|जमा)|(?:प्रक्रिया|तरीका) क्या है",
        r"hogyan (?:lehet|kell|tudom|tudnám|tudjuk)",
        # where a thing is kept or found (`hvor ligger runbooken?`, `unde găsesc…`, `hol
        # találom…`), not where a person is
        r"(?:hvor|var) (?:ligger|finnes|findes|finns|lagres|gemmes|lagras)\b|"
        r"unde (?:găsesc|găsim|pot găsi|putem găsi|se (?:găsește|găsesc|află))|"
        r"hol (?:találom|találok|találhat\w*|érem el|nézhetem meg|lehet megtalálni)",
        # Romanian: how one does a thing (`cum se face…`, `cum pot…`; `cum se simte` asks after a
        # person), what the procedure or the difference is, which papers are needed, why a thing
        # would happen (`de ce ar da eroare…`), as `why would the…` asks
        r"cum (?:se (?!simte|simt)|pot\b|putem\b|trebuie\b|aș putea\b|am putea\b)|"
        r"care (?:e|este|sunt) (?:procedura|procesul|pașii|regula|regulile|politica|diferența|"
        r"termenul)\b|ce (?:formular|formulare|document|documente|acte) (?:trebuie|îmi trebuie|"
        r"ne trebuie|e nevoie)\b",
        # Hungarian: what the procedure, the steps or the difference is (`mi a menete…`), which
        # form is needed
        r"mi (?:a|az) (?:folyamat|eljárás|teendő|különbség|szabály|menete|lépések)\w*|"
        r"melyik (?:nyomtatvány|űrlap|formanyomtatvány|sablon)\w*",
    )
)

# The best way to do a thing, asked with a question mark, asks how (`какой лучший способ…?`,
# `أفضل طريقة…؟`, `cách tốt nhất…?`, `bästa sättet…?`, `cea mai bună metodă…?`); joined into
# the other languages' `best way` in `bot/questions/detect_words/asks_how.py`.
BEST_WAY = tuple(
    fold(phrase)
    for phrase in (
        r"(?:лучший|оптимальный) способ|найкращий спосіб",
        r"(?:أفضل|افضل) (?:طريقة|طريقه)|הדרך הכי טובה|cách tốt nhất",
        r"(?:bästa|bedste|beste) (?:sättet|sätt|måde|måden|måte|måten|praksis)|paras tapa",
        r"nejlepší (?:způsob|postup)|(?:καλύτερος|βέλτιστος) τρόπος",
        r"cea mai bună (?:metodă|modalitate|cale|practică)|"
        r"legjobb (?:módja|mód|megoldás|gyakorlat)",
    )
)

# A question answered in the same message (`…? glem det, fant det i wikien`, `…? už jsem na to
# přišel`), as `…? never mind, found it` is: found, solved or set aside after the question.
ANSWERED_ITSELF = tuple(
    fold(phrase)
    for phrase in (
        r"нашёл|нашел|нашла|разобрался|разобралась|неважно|знайшов|знайшла|розібрався|"
        r"розібралась|вже не треба",
        r"وجدتها|لقيتها|מצאתי|הסתדרתי|לא משנה|tìm ra rồi|tìm được rồi",
        r"glem det|glöm det|fant det|fandt det|hittade det|løste det|löste det|fikk det til|"
        r"fik det til|fick det att",
        r"löysin|keksin|už jsem (?:na to )?(?:přišel|přišla)|našel jsem|našla jsem|"
        r"βρήκα|λύθηκε|am găsit|am rezolvat|m-am prins|megvan|megoldottam|rájöttem",
    )
)
SOCIAL = tuple(
    fold(phrase)
    for phrase in (
        r"(?:có )?ai (?:đi|muốn đi) (?:ăn|uống|cà phê|cafe|nhậu)|đi ăn trưa",
        r"מי (?:בא|באה|רוצה|מצטרף|מצטרפת|הולך)|מישהו (?:רוצה|בא|מצטרף)",
        r"ποιος (?:έρχεται|θέλει|πάει)|(?:θέλει|πάει|έρχεται) (?:κανείς|κάποιος)|πάμε για",
        r"(?:někdo|kdo) (?:chce|jde|půjde|má chuť)|půjdeme|jdeme na",
        r"хто (?:іде|йде|піде|хоче)|хтось (?:хоче|піде|йде)|ходімо|підемо на",
        r"(?:lähteekö|tuleeko|haluaako) (?:joku|kukaan)",
        r"(?:nogen|noen) (?:der|som) (?:vil|skal) (?:med|have|ha|spise|gå|ta)|"
        r"(?:vil|skal) (?:nogen|noen) (?:med|have|ha|spise)|hvem (?:vil|skal) med|hvem kommer",
        r"(?:चाय|लंच|खाने) (?:पे|पर|के लिए) (?:चलें|चलते|चलो)|कौन (?:आ रहा|चल रहा|चलेगा)|"
        r"कोई (?:चल रहा|आ रहा)",
    )
)
SOCIAL_WORDS = tuple(
    fold(phrase)
    for phrase in (
        r"ăn trưa|cà phê|trà sữa|sinh nhật|liên hoan|ארוחת צהריים|קפה|יום הולדת|καφέ|φαγητό|"
        r"μεσημεριανό|γενέθλια|oběd|kafe|pivo|narozeniny|обід\w*|каву|кава|кави|lounas\w*|"
        r"lounaalle|kahville|frokost|lunsj|kaffe|fødselsdag|bursdag|fredagsbar|लंच|चाय|पार्टी|"
        r"जन्मदिन",
    )
)

# Scripts written without spaces need no word boundaries: Japanese someone who knows
# (`わかる人いますか`, `ご存知の方`) or a request to explain how (`やり方を教えて`; a bare
# `教えてください` may ask for a status), how to (`どうすればいい`), invitations (`ランチ行く人`,
# `一緒に`); the same in Chinese (`有人知道`, `请问`, `怎么申请`, `一起吃`) and Thai (`มีใครรู้`,
# `ทำยังไง`, `ไปกินข้าว`).
UNSPACED_ASKS_FOR_HELP = re.compile(
    fold(
        r"(?:わかる|分かる|知ってる|知っている|詳しい)(?:人|方)|(?:やり方|方法|手順)を?教えて|"
        # anyone who knows, asked with the verb last (`誰か…知っていますか`, `誰か助けて`)
        r"誰か[^。!?]{0,60}?(?:知って(?:い)?(?:ます|る)|(?:わか|分か)(?:ります|る)か|教えて|助けて)|"
        r"ご存[知じ]の(?:方|人)|ご存[知じ](?:です|でしょう)か|お分かりの方|"
        r"有(?:没有)?人(?:知道|了解|熟悉|用过|做过|遇到过|碰到过|懂)|"
        r"有谁(?:知道|了解|熟悉|用过|做过|遇到过|懂)|谁(?:知道|了解|熟悉|负责|懂)|"
        r"(?:大家|各位|你们)有没有(?:人)?(?:遇到过|碰到过|用过|做过|试过)|有(?:没有)?(?:大佬|大神)|"
        r"哪位大佬|(?:何|なに)が(?:おすすめ|オススメ)|(?:おすすめ|オススメ)(?:は|ですか|あります|あれば)|"
        r"哪位(?:知道|了解|熟悉)|请问|求助|请教|需要帮助|"
        r"(?:มี)?ใคร(?:รู้|ทราบ|เคย|เข้าใจ|ถนัด|พอ(?:จะ)?(?:รู้|ทราบ|ช่วย|อธิบาย|เข้าใจ|แนะนำ))|"
        r"ช่วย(?:ด้วย|หน่อย|แนะนำ|อธิบาย)|"
        r"ขอ(?:คำแนะนำ|ความช่วยเหลือ)|สอบถาม"
    )
)
UNSPACED_ASKS_HOW = re.compile(
    fold(
        r"(?:どう|どのように|どうやって)(?:すれば|したら|やれば)(?:いい|良い|よい)"
        r"|どこで(?:確認|申請|見れ|見られ)|どこに(?:あります|ある)か|"
        # the way to do a thing asked by its name alone (`デプロイ方法は？`)
        r"(?:方法|やり方|手順)(?:は|って)\s*\?|"
        r"怎么(?:办|弄|做|申请|设置|处理|操作|配置|报销|填|提交|找|用|下载|登录|开通|排查|解决)|如何|"
        r"在哪(?:里|儿)?(?:找|申请|下载|查|看|提交|办)|(?:流程|步骤|规定|政策)是(?:什么|怎样)|"
        r"有没有(?:办法|模板|文档|教程)|"
        # when, where or who a rule, a deadline or a procedure is, as `what's the deadline` and
        # `who's the owner` ask (`締め切りはいつですか`, `负责人是谁`)
        r"(?:締め切り|締切|期限|手順|方法|やり方|ルール|規定|規則|担当者?|窓口|申請先|提出先|連絡先|保存先)"
        r"(?:は|って)(?:いつ|どこ|何|なに|なん|誰|どなた|どれ|どう)(?:です|でしょう|になります|ですか)|"
        r"(?:截止(?:日期|时间)|期限|负责人|对接人|联系人)是(?:什么时候|哪天|几号|谁|哪位)|"
        r"ทำ(?:ยังไง|อย่างไร)|ยังไงดี|ได้ที่ไหน|หา[^?]{0,40}ไม่เจอ|หา(?:ได้)?ที่ไหน|"
        r"วิธี(?:การ)?(?:ขอ|ทำ|ตั้งค่า|ใช้|เบิก|ยื่น)|ขั้นตอน"
    )
)
UNSPACED_SOCIAL = re.compile(
    fold(
        r"(?:行く|行ける|行きたい|来る|参加する|食べたい)(?:人|方)|一緒に|"
        r"一起(?:吃|去|喝|点)|(?:谁|有人)(?:去|要|想)(?:吃|喝|去)|午饭|奶茶|聚餐|"
        r"ไปกิน|กินข้าว|กาแฟ|ใครไป|ไปด้วยกัน|ใครว่าง"
    )
)

# Thai writes no question mark: a question word or particle ending a sentence asks as `?`
# does (`ทำยังไงครับ`, `บ้างไหม`). So do, as typed in chat without it, Korean's question endings
# (`…어떻게 확인하나요`, `…될까요`, `…있습니까`), Vietnamese's frame `có … không` and its
# question words closing a sentence (`có ai biết … không`, `…là gì vậy mọi người`, `…thế nào
# ạ`), and Turkish's question particle in its own forms (`…yapabilir miyiz`, `var mı`) and `ne
# olabilir`, `nedir` closing one (a bare `mi` is Spanish and Italian too).
_CLOSES = r"(?=\s*(?:[.!,\n]|$))"
_VI_TAIL = (
    r"(?: (?:a|ạ|vay|vậy|nhi|nhỉ|ha|hả|nhe|nhé|ban|bạn|anh|chị|em|moi nguoi|mọi người|ca nha|"
    r"cả nhà))*"
)
THAI_QUESTION = re.compile(
    fold(r"(?:ไหม|มั้ย|หรือเปล่า|หรือไม่|ยังไง|อย่างไร|ที่ไหน|อะไร|เมื่อไหร่)(?:ครับ|คะ|ค่ะ|คับ|นะ|ดี)*(?=\s|$)")
    + "|"
    + fold(r"[^\s](?:나요|까요|습니까|입니까|됩니까|는지요|는가요|던가요|신가요|인가요|한가요)")
    + _CLOSES
    + "|"
    + fold(
        r"\b(?:có|được|đã)\b[^.!?\n]{1,80}\b(?:không|ko|chưa)" + _VI_TAIL + _CLOSES + "|"
        r"\b(?:là gì|thế nào|ở đâu|bao giờ|khi nào|tại sao|vì sao)" + _VI_TAIL + _CLOSES
    )
    + "|"
    + fold(
        r"\b(?:m[ıi]y[ıi][mz]|m[ıu]s[ıu]n(?:[ıu]z)?|misin(?:iz)?|muyuz|muyum|mıyım|var mı|yok mu|"
        r"ne olabilir|nedir|nas[ıi]l(?: \w+){1,3})" + _CLOSES
    )
)

# The words a sentence asks with, opening it, in the languages whose questions open with them
# (`як налаштувати…`, `איפה אפשר למצוא…`, `شو الإجراء…`), as `how`, `where` and `what` open
# one in English (`bot/questions/detect_words/question_form.py`)
INTERROGATIVE_OPENERS = frozenset(
    fold(word)
    for word in (
        "як де чому навіщо чи как где почему зачем "
        "איך איפה למה האם מתי מה "
        "كيف وين أين ليش لماذا هل متى شو ايش ما "
        "jak kde proč kdy nasıl neden nerede "
        "cum unde hogyan hol miért mikor melyik"
    ).split()
)
