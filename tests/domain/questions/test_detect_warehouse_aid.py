"""Phrasings of asking, and of not asking, that the sixty-fourth held-out set (a 3PL warehouse and
cross-dock company, some in Turkish and Arabic) and the sixty-fifth (a humanitarian aid
organisation's country offices, some in Ukrainian, Vietnamese and Hebrew) showed the detector
reading wrongly (`bot/questions/detect.py`, `bot/questions/detect_words/`,
`bot/questions/detect_languages.py`); both sets were written blind and committed before the
detector was run on them. Every message here is written for the test, none is from a labelled
set, and each rule is probed with messages of other workplaces, and with near misses that must
keep their verdict."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        # Korean's question endings, typed without `?`, ask as `?` does; so do the how rules
        "스테이징 DB 백업은 어디서 확인하나요",
        "젠킨스 빌드 캐시 어떻게 비우나요",
        "이런 타임아웃은 보통 어떻게 해결하세요",
        "새 VPN 설정 방법 아시는 분 계신가요",
        # Vietnamese: `có … không` and a question word closing the sentence, the procedure or the
        # rule, who is in charge, `cho em hỏi`, which one to use, anyone who has run into it
        "có ai biết cách reset mật khẩu VPN không",
        "quy trình xin nghỉ phép dài ngày là gì vậy ạ",
        "ai phụ trách máy chủ kế toán vậy mọi người?",
        "cho em hỏi mẫu báo cáo tháng lấy ở đâu ạ",
        "hóa đơn đỏ thì dùng mẫu nào ạ, mẫu cũ hay mẫu mới?",
        "máy in tầng 3 cứ báo lỗi giấy? ai gặp chưa",
        # Ukrainian and Russian: a question word opening the sentence, how a thing is done said
        # impersonally, whether one must
        "як налаштувати пересилання пошти на телефон",
        "як оформлюється відрядження за кордон",
        "как считается переработка в выходные",
        "чи треба окремий договір для підрядника на ремонт?",
        # Hebrew: how one does a thing, any verb, and where, opening the sentence
        "איך מחברים את המדפסת החדשה לרשת",
        "איפה אפשר לראות את יתרת ימי החופשה",
        # Arabic: what the procedure or the papers are, why a thing shows an error
        "شو الخطوات لتجديد إقامة الموظف",
        "ما هي الأوراق المطلوبة لفتح حساب مورد جديد",
        "ليش البرنامج يطلع رسالة خطأ عند الطباعة",
        # Turkish: the passive how, the procedure, whom one must report to, a particle closing
        "fatura iptali nasıl yapılıyor",
        "izin süreci nasıl işliyor? yeni başladım",
        "kaza olursa kime haber vermemiz gerekiyor?",
        "yazıcı kağıt sıkıştırıyor, sebebi ne olabilir",
        # English: where a thing is kept inside another ask, what size or type a rule requires,
        # how someone set a thing up, asked of them
        "can someone tell me where the spare toner is kept",
        "does anyone know where the signed NDAs are stored these days",
        "what type of ladder is required for the mezzanine racking?",
        "<@U01AB> how did you set up the auto-replies in Zendesk? want the same for billing",
    ],
)
def test_asks_in_the_languages_and_forms_the_two_sets_showed_are_heard(text: str) -> None:
    assert looks_like_question(text), (text, explain(text))


@pytest.mark.parametrize(
    "text",
    [
        # an opinion, a plan for lunch, how someone is
        "어떻게 생각하세요 다들 ㅋㅋ",
        "오늘 점심 같이 먹을까요",
        "다들 어떻게 지내세요",
        # a question word opening a remark, or a statement, asks nothing
        "як завжди, сервер впав о п'ятій",
        "מה שקרה אתמול בפגישה היה מצחיק",
        "cảm ơn mọi người đã giúp đỡ, em không còn thắc mắc nữa",
        "đợt phát hàng đã xong, không có sự cố",
        "hafta sonu nasıl geçti herkesin",
        "ما في مشكلة، الشحنة وصلت الصبح",
        # where a thing is kept, told; a meeting set up; a status with the addressee tagged on
        "this is where the spare toner is kept now, top shelf",
        "<@U01AB> how did you set up the meeting with the auditors?",
        "what's the ETA on the Q4 deck <@U01AB>?",
        # a question settled by the writer: `nvm` then the fix, `found them`, shown the way
        "anyone know why the dock door jammed? nvm facilities says a sensor, fixed now",
        "anyone know where the spare keys for the vans went? found them, in the key box",
        "Omar asked me how to book a dock slot. showed him the portal, all good",
        "Lena asked us how to void an invoice. walked her through it in the ERP",
    ],
)
def test_near_misses_of_those_rules_ask_nothing(text: str) -> None:
    assert not looks_like_question(text), (text, explain(text))


def test_a_settled_question_still_asks_when_a_question_follows_it() -> None:
    """`nvm` with a fix after it settles the question only when no question follows."""
    assert looks_like_question(
        "anyone know why the dock door jammed? nvm facilities fixed it, but how do we reset it?"
    )
    assert looks_like_question("nvm the logo, does anyone know how the label template is chosen?")
