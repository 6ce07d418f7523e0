"""What the seventy-sixth held-out set (a museum's registrar, conservation, exhibitions, visitor
services and shop staff) and the seventy-seventh (an IT services company's offices, some in
Azerbaijani, Georgian, Armenian, Nepali and Welsh) showed the detector reading wrongly, in
`bot/questions/detect_words/azerbaijani_georgian_armenian_nepali_welsh.py` and the other lists.
Both sets were committed, blind, before the detector first ran on them; the messages below were
written for these tests alone, from other workplaces, beside near misses whose verdict must not
move."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


# Each message with whether it asks: the asks first, then the messages that ask no one
CASES = [
    # Azerbaijani: anyone who knows or has experience, who is in charge, how, where, what a word
    # means, the procedure, what a fault could be due to
    ("Kimsə bilir ki, köhnə xərc formasını hələ qəbul edirlər?", True),
    ("Kimin yeni əmək haqqı sistemi ilə təcrübəsi var?", True),
    ("Yeni sistemdə girişlərə kim məsuldur?", True),
    ("Əlavə iş saatlarını sistemdə necə qeyd edə bilərəm?", True),
    ("Ezamiyyət hesabatının şablonunu harada tapa bilərəm?", True),
    ("Faktura portalında 403 xətası nə deməkdir?", True),
    ("İş qəzası olanda prosedur nədir?", True),
    ("Printerin kağızı tutmasının səbəbi nə ola bilər", True),
    # Georgian: anyone who knows or has experience, who is in charge, how, where, what a word
    # means, the procedure, what could be the cause
    ("ვინმემ იცის, ძველი ხარჯების ფორმა ისევ მოქმედებს?", True),
    ("ვის აქვს გამოცდილება ახალ სახელფასო სისტემასთან?", True),
    ("ვინ არის პასუხისმგებელი ახალ სისტემაზე წვდომებზე?", True),
    ("როგორ შევიტანო ზეგანაკვეთური საათები სისტემაში?", True),
    ("სად ვიპოვო მივლინების ანგარიშის შაბლონი?", True),
    ("რას ნიშნავს შეცდომა 403 ინვოისების პორტალზე?", True),
    ("რა არის პროცედურა, როცა სამსახურში უბედური შემთხვევა ხდება", True),
    # Armenian, with its `՞` inside a word: anyone who knows, who has experience, who is in
    # charge, how, where, what a word means, the procedure
    ("Ինչ-որ մեկը գիտի՞, հին ծախսերի ձևը դեռ ընդունվում է", True),
    ("Ո՞վ ունի փորձ նոր աշխատավարձային համակարգի հետ", True),
    ("Ո՞վ է պատասխանատու նոր համակարգի հասանելիության համար", True),
    ("Ինչպե՞ս կարող եմ գրանցել արտաժամյա աշխատանքը համակարգում", True),
    ("Որտե՞ղ կարող եմ գտնել գործուղման հաշվետվության ձևանմուշը", True),
    ("Ի՞նչ է նշանակում 403 սխալը հաշիվների պորտալում", True),
    ("Ո՞րն է ընթացակարգը աշխատավայրում դժբախտ պատահարի դեպքում", True),
    # Nepali, in Devanagari and in Latin letters: anyone who knows or has done it, who approves,
    # how, where, what a word means, help needed
    ("कसैलाई थाहा छ, पुरानो खर्च फारम अझै चल्छ?", True),
    ("कसैले नयाँ तलब प्रणाली प्रयोग गर्नुभएको छ?", True),
    ("ओभरटाइम सिस्टममा कसरी दर्ता गर्ने?", True),
    ("भ्रमण रिपोर्टको टेम्प्लेट कहाँ पाइन्छ?", True),
    ("इनभ्वाइस पोर्टलमा 403 error को अर्थ के हो?", True),
    ("kasailai thaha cha naya expense form kahile dekhi lagu huncha", True),
    ("overtime ko entry kasari garne ho?", True),
    # Welsh: anyone who knows or has experience, who is in charge, how, where, what the
    # procedure is, whether there is a way
    ("Oes rhywun yn gwybod a yw'r hen ffurflen dreuliau yn dal yn ddilys?", True),
    ("Oes gan rywun brofiad o'r system gyflogres newydd?", True),
    ("Pwy sy'n gyfrifol am fynediad i'r system newydd?", True),
    ("Sut ydw i'n cofnodi oriau ychwanegol yn y system?", True),
    ("Ble alla i ddod o hyd i'r templed adroddiad teithio?", True),
    ("Beth yw'r drefn pan fydd damwain yn y gwaith?", True),
    ("Oes ffordd o allforio'r adroddiad fel PDF?", True),
    # English: an error seen thrown, what the writer would be told if the reader knows, advice
    # on doing a thing invited, the cutoff for doing a thing
    ("has anyone seen the label printer driver throw `0x0000011b` after the windows update", True),
    ("anyone seen the importer return a 500 error on files over 2GB", True),
    ("lmk if you know who signs off on fleet fuel cards now that Rob left", True),
    ("ping me if anyone knows how the carbon offsets get allocated per trip", True),
    ("tips on running a budget workshop with people who hate spreadsheets appreciated", True),
    ("advice on writing a grant narrative for a small arts org welcome", True),
    ("when is the deadline to submit receipts for the spring conference?", True),
    ("when's the cutoff for ordering uniforms if we want them before the season?", True),
    # a question answered in the same message, in the five languages
    ("Şifrəni necə dəyişə bilərəm? artıq tapdım, intranetdədir", False),
    ("როგორ შევცვალო პაროლი? უკვე ვიპოვე, ინტრანეტზეა", False),
    ("Ինչպե՞ս փոխել գաղտնաբառը։ Արդեն գտա, ինտրանետում է", False),
    ("पासवर्ड कसरी परिवर्तन गर्ने? भेटियो, इन्ट्रानेटमा रहेछ", False),
    ("Sut ydw i'n newid fy nghyfrinair? Dim ots, wedi dod o hyd iddo ar y fewnrwyd", False),
    # a status check in Welsh
    ("Ydy'r wefan i lawr i bawb?", False),
    ("Ydy'r argraffydd ddim yn gweithio eto?", False),
    # time asked to lend a hand moving a thing is a favour
    ("does anyone have 15 min to help me carry the chairs up to the hall", False),
    ("anyone got a few minutes to help us unload the van?", False),
    # near misses: a greeting, lunch, a favour, how a thing went, in the five languages
    ("Necəsən? Çoxdandır görüşmürük", False),
    ("Nahara kim gedir?", False),
    ("როგორ ხარ? დიდი ხანია არ გვინახავს", False),
    ("ვინ მოდის ყავაზე?", False),
    ("Ինչպե՞ս ես, ո՞նց անցավ հանգստյան օրերը", False),
    ("Սուրճի գնո՞ւմ ենք", False),
    ("कस्तो छ? धेरै दिन भयो भेट नभएको", False),
    ("खाजा खान जाने?", False),
    ("Sut mae pawb? Penwythnos da?", False),
    ("Oes rhywun am goffi?", False),
    ("kasailai thaha chaina kina ho", False),
    # the near misses in English: a hand asked for, offers, a date alone
    ("lmk if you need anything from the shop", False),
    ("lmk if you're in for friday drinks", False),
    ("lmk if you know when you'll be back from leave", False),
    ("when's the deadline?", False),
    # time asked to help with a thing still asks what they know
    ("does anyone have 10 min to help me with the freight invoice? the totals are off", True),
]


@pytest.mark.parametrize(("text", "asks"), CASES)
def test_each_message_is_read_as_it_is_meant(text: str, asks: bool) -> None:
    assert looks_like_question(text) is asks, (text, explain(text))
