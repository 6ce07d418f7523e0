"""The question detector in Chinese, Japanese, Thai, Vietnamese, Hebrew, Greek, Czech,
Ukrainian, Finnish, Danish, Norwegian and Hindi in Devanagari
(`bot/questions/detect_languages.py`): each asked nothing the detector could read before."""

from __future__ import annotations

import pytest

from bot.questions.detect import explain, looks_like_question, normalise

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "text",
    [
        "谁知道打印机的驱动在哪里下载？",
        "请问年假怎么申请？系统里找不到入口",
        "会議室の予約方法をご存知の方いますか？",
        "มีใครเคยตั้งค่า VPN บน Mac บ้างไหมครับ",
        "เบิกค่าเดินทางทำยังไงครับ",
        "Có ai từng cấu hình SSO cho Jira chưa?",
        "Làm sao để đổi mật khẩu email công ty?",
        "מישהו מכיר ספק טוב לתרגום משפטי?",
        "איפה אפשר למצוא את טופס ההחזר?",
        "Γνωρίζει κανείς αν καλύπτεται η οδοντιατρική περίθαλψη;",
        "Πού μπορώ να βρω το πρότυπο για τις αναφορές;",
        "Ví někdo, kdo má na starosti parkovací karty?",
        "Kde najdu formulář na cestovní náhrady?",
        "Хтось стикався з помилкою 403 у Jira після оновлення?",
        "Де знайти шаблон договору?",
        "Osaako joku sanoa, miten matkavaraukset tehdään nykyään?",
        "Mistä löydän kulukorvauslomakkeen?",
        "Ved nogen hvordan man bestiller nyt adgangskort?",
        "Hvor finner jeg reiseregningsskjemaet?",
        "किसी को पता है कि नया पासवर्ड कैसे बदलें?",
        "छुट्टी के लिए आवेदन कहाँ से करें?",
    ],
)
def test_someone_who_knows_and_how_to_ask_in_twelve_more_languages(text: str) -> None:
    """`有人知道`, `请问`, `ご存知の方`, `มีใครรู้`, `có ai biết`, `מישהו יודע`, `ξέρει
    κανείς`, `ví někdo`, `хтось знає`, `tietääkö kukaan`, `ved nogen`, `vet noen`, `किसी को
    पता है`, and how or where to do a thing in each, ask."""
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "中午一起吃火锅吗？",
        "เที่ยงนี้ใครไปกินข้าวบ้าง",
        "Trưa nay có ai đi ăn trưa không?",
        "מי בא לארוחת צהריים?",
        "Ποιος έρχεται για καφέ στις 4;",
        "Jde někdo na oběd?",
        "Хто йде на обід о першій?",
        "Lähteekö joku lounaalle?",
        "Er det noen som vil ha kaffe?",
        "Nogen der vil med til frokost?",
        "चाय पे चलें चार बजे?",
    ],
)
def test_invitations_in_twelve_more_languages_are_not_questions(text: str) -> None:
    assert "small talk" in explain(text) or "social words" in explain(text)
    assert not looks_like_question(text)


def test_greek_asks_with_a_semicolon_and_thai_with_a_closing_particle() -> None:
    """Greek's question mark is `;` (U+037E folds to it); Thai writes none, and a question
    word or particle ending the sentence (`ยังไงครับ`, `ไหม`) asks as `?` does. A semicolon
    elsewhere is punctuation."""
    assert normalise("Πού είναι το αρχείο;") == "που ειναι το αρχειο?"
    assert normalise("Πού είναι το αρχείο\u037e").endswith("?")
    assert normalise("fixed it; deploying now") == "fixed it; deploying now"
    assert "question mark" in explain("ตั้งค่าอีเมลในมือถือทำยังไงครับ")
    assert "question mark" not in explain("พรุ่งนี้ออฟฟิศปิดเพื่อซ่อมระบบไฟฟ้าครับ")
