"""The question detector's phrases in Chinese, Japanese, Thai, Vietnamese, Hebrew, Greek,
Czech, Ukrainian, Finnish, Danish, Norwegian and Hindi in Devanagari: someone who knows, how
to, and the invitations and social words that take away (`bot/questions/detect_words.py` has
English and the languages before these).

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
        r"hỏi nhanh",
        r"מישהו (?:יודע|יודעת|מכיר|מכירה|יכול לעזור|יכולה לעזור|נתקל|נתקלה)|"
        r"יש (?:למישהו|פה מישהו) (?:ניסיון|רעיון|מושג)|מי (?:יודע|יודעת|אחראי|אחראית|מטפל|מטפלת)|"
        r"צריך עזרה|צריכה עזרה|שאלה קצרה",
        r"(?:ξέρει|γνωρίζει) (?:κανείς|κάποιος)|(?:κανείς|κάποιος) (?:ξέρει|γνωρίζει|μπορεί να "
        r"(?:βοηθήσει|εξηγήσει))|ποιος (?:ξέρει|είναι υπεύθυνος|ασχολείται)|χρειάζομαι βοήθεια|"
        r"γρήγορη ερώτηση",
        r"(?:ví|neví|víte|nevíte) (?:někdo|někdo z vás)|někdo (?:ví|neví|zná|má zkušenost|poradí|"
        r"pomůže)|poradí (?:mi )?někdo|kdo (?:ví|má na starosti|je zodpovědný|se stará)|"
        r"potřebuji pomoc|(?:rychlá|krátká) otázka",
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
        r"står for|tar seg av)|har (?:nogen|noen) (?:erfaring|et tip|tips|en idé|en ide)|"
        r"(?:hurtigt|kjapt) (?:spørgsmål|spørsmål)|brug for hjælp|trenger hjelp",
        r"(?:क्या )?किसी को (?:पता|मालूम|जानकारी|अंदाज़ा|अंदाजा)|कोई (?:जानता|जानती|बता सकता|"
        r"बता सकती|मदद कर|समझा सकता)|(?:मदद|सहायता) (?:चाहिए|की ज़रूरत|की जरूरत)|"
        r"किसी को कोई (?:idea|आइडिया|अंदाज़ा|अंदाजा)|किसी ने [^?]{1,60}\?|"
        r"(?:कोई )?(?:अच्छा|बढ़िया|सही) तरीका (?:बताओ|बताइए|बताएं|बता दो)",
    )
)
ASKS_HOW = tuple(
    fold(phrase)
    for phrase in (
        r"làm (?:sao|thế nào) (?:để|đề)|(?:như|là) thế nào|có cách nào|"
        r"cách (?:\w+ ){1,4}(?:như thế nào|thế nào)|ở đâu|quy trình (?:\w+ ){0,3}(?:là gì|"
        r"như thế nào)",
        r"איך (?:אני|אפשר|מגישים|עושים|מקבלים|ניתן|מבקשים|נכנסים|משנים)|"
        r"איפה (?:אפשר|אני|מוצאים|נמצא|נמצאת|נמצאים)|מה (?:הנוהל|התהליך|הדרך)",
        r"πώς (?:μπορώ|μπορούμε|κάνω|κάνουμε|γίνεται|δηλώνω|ζητάω)|πού (?:μπορώ να βρω|βρίσκω|"
        r"θα βρω|βρίσκεται|βρίσκονται)|ποια είναι η διαδικασία|υπάρχει (?:τρόπος|οδηγός|πρότυπο)",
        r"jak (?:mám|můžu|mohu|máme|můžeme|zařídit|získat|nastavit|požádat|zažádat|si|"
        r"se (?!máš|máte|vede|daří))|kde (?:najdu|můžu|mohu|se dá)|jaký je postup|"
        r"existuje (?:způsob|návod|šablona)",
        r"як (?:мені|можна|правильно|подати|отримати|налаштувати|оформити|знайти|зробити|змінити|"
        r"додати|запросити|підключити)|де (?:знайти|можна|взяти|подивитися|лежить|лежать|"
        r"зберігається)|яка процедура|який порядок|чи є (?:спосіб|інструкція|шаблон)",
        r"miten (?:\w+ ){0,2}(?:tehdään|saan|saa|voin|voi|pitää|haetaan|toimii|käytetään|pääsee|"
        r"pääsen|ilmoitetaan)|kuinka (?:voin|saan|teen|tehdään)|mistä (?:löydän|löytyy|saan|saa)|"
        r"mikä on (?:prosessi|käytäntö|menettely|ohje)|onko (?:olemassa )?(?:ohjetta|pohjaa|tapaa)",
        r"hvordan (?:gør|gjør|får|kan|skal|bør|søger|søker|sender) (?:jeg|man|vi)|"
        r"hvor (?:finder|finner|kan|skal|får) (?:jeg|man|vi)|hvad er (?:proceduren|processen|"
        r"reglen)|hva er (?:prosedyren|prosessen|regelen)|findes der (?:en )?(?:skabelon|"
        r"vejledning|måde)|finnes det (?:en )?(?:mal|veiledning|måte)",
        r"कैसे (?:करें|करे|करना|करते|करूँ|करूं|मिलेगा|मिलेगी|मिलता|मिलती|होता|होती|होगा|बदलें)|"
        r"(?:कहाँ|कहां) (?:से|मिलेगा|मिलेगी|मिलता|मिलती|देखें|जमा)|(?:प्रक्रिया|तरीका) क्या है",
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
        r"ご存[知じ]の(?:方|人)|ご存[知じ](?:です|でしょう)か|お分かりの方|"
        r"有(?:没有)?人(?:知道|了解|熟悉|用过|做过|遇到过|碰到过|懂)|"
        r"有谁(?:知道|了解|熟悉|用过|做过|遇到过|懂)|谁(?:知道|了解|熟悉|负责|懂)|"
        r"(?:大家|各位|你们)有没有(?:人)?(?:遇到过|碰到过|用过|做过|试过)|有(?:没有)?(?:大佬|大神)|"
        r"哪位大佬|(?:何|なに)が(?:おすすめ|オススメ)|(?:おすすめ|オススメ)(?:は|ですか|あります|あれば)|"
        r"哪位(?:知道|了解|熟悉)|请问|求助|请教|需要帮助|"
        r"(?:มี)?ใคร(?:รู้|ทราบ|เคย|เข้าใจ|ถนัด|พอจะรู้|พอจะช่วย)|ช่วย(?:ด้วย|หน่อย|แนะนำ|อธิบาย)|"
        r"ขอ(?:คำแนะนำ|ความช่วยเหลือ)|สอบถาม"
    )
)
UNSPACED_ASKS_HOW = re.compile(
    fold(
        r"(?:どう|どのように|どうやって)(?:すれば|したら|やれば)(?:いい|良い|よい)"
        r"|どこで(?:確認|申請|見れ|見られ)|"
        r"怎么(?:办|弄|做|申请|设置|处理|操作|配置|报销|填|提交|找|用|下载|登录|开通|排查|解决)|如何|"
        r"在哪(?:里|儿)?(?:找|申请|下载|查|看|提交|办)|(?:流程|步骤|规定|政策)是(?:什么|怎样)|"
        r"有没有(?:办法|模板|文档|教程)|"
        r"ทำ(?:ยังไง|อย่างไร)|ยังไงดี|ได้ที่ไหน|วิธี(?:การ)?(?:ขอ|ทำ|ตั้งค่า|ใช้|เบิก|ยื่น)|ขั้นตอน"
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
# does (`ทำยังไงครับ`, `บ้างไหม`).
THAI_QUESTION = re.compile(
    fold(r"(?:ไหม|มั้ย|หรือเปล่า|หรือไม่|ยังไง|อย่างไร|ที่ไหน|อะไร|เมื่อไหร่)(?:ครับ|คะ|ค่ะ|คับ|นะ|ดี)*(?=\s|$)")
)
