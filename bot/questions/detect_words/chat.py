"""Chat spellings read as the words they stand for, and the words of a message that is only a
greeting, thanks or an acknowledgement (`small_talk`)."""

from __future__ import annotations

# Chat spellings read as the words they stand for.
CHAT_SPELLINGS = {
    "hw": "how",
    "wat": "what",
    "wht": "what",
    "whats": "what's",
    "wheres": "where's",
    "whos": "who's",
    "whom": "who",
    "r": "are",
    "u": "you",
    "ur": "your",
    "im": "i'm",
    "dont": "don't",
    "cant": "can't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "some1": "someone",
    "ppl": "people",
    "any1": "anyone",
    "ne1": "anyone",
    "kno": "know",
    "knw": "know",
    "halp": "help",
    "wut": "what",
    "whr": "where",
    "wher": "where",
    "abt": "about",
    # question words and asking words typed with two letters swapped
    "hwo": "how",
    "waht": "what",
    "whta": "what",
    "wehre": "where",
    "whcih": "which",
    "wich": "which",
    "anyoen": "anyone",
    "anyobdy": "anybody",
    "soemone": "someone",
    "someoen": "someone",
    "knwo": "know",
    "thru": "through",
}

# Messages that are nothing but a greeting, thanks or an acknowledgement.
GREETING_WORDS = frozenset(
    "hi hey hello hiya heya hey-hey yo howdy hola hallo bonjour hej gm morning afternoon evening "
    "good night greetings sup bye goodbye cya ttyl later see soon tomorrow have a great nice day "
    "weekend happy monday tuesday wednesday thursday friday".split()
    # the same in a few other languages a workspace may write in
    + "olá ola ciao salut servus привет здравствуйте こんにちは おはよう おはようございます "
    "你好 안녕하세요".split()
)
THANKS_WORDS = frozenset(
    "thanks thank thx ty tysm thnx cheers appreciate appreciated kudos".split()
    + "gracias merci danke obrigado obrigada grazie спасибо ありがとう "
    "ありがとうございます 谢谢 감사합니다 고맙습니다".split()
)
ACK_WORDS = frozenset(
    "ok okay k kk cool great nice got it sounds good sure yes yep yeah yup no nope np worries "
    "perfect awesome agreed noted will do lgtm done merged same here interesting on my way "
    "ack roger makes sense".split()
)
# Acknowledgements of more than one word: their words acknowledge only together, so a message
# opening on one of them alone (`my VPN drops…`, `will the deploy…`, `same error here…`) is not
# an acknowledgement.
ACK_PHRASES = (
    "got it", "sounds good", "no worries", "will do", "makes sense", "on my way", "same here"
)  # fmt: skip
ACK_ONLY_IN_PHRASES = frozenset(word for phrase in ACK_PHRASES for word in phrase.split()) - {
    "no", "good"
}  # fmt: skip
FILLER_WORDS = frozenset(
    "everyone everybody all y'all yall team folks there guys people @person @here askaround "
    "bot friend friends mate again so much a lot ton tons heaps many very and you you're your "
    "hope well for the help again to too :) !".split()
)
