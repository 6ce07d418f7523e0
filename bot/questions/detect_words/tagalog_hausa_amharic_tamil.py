"""The question detector's phrases in Tagalog, Hausa, Amharic and Tamil, as typed in chat (Tamil
with English words of work mixed in): someone who knows or has done it, whom to turn to, how a
thing is done, where it is kept or found, what the procedure, the papers or the difference are,
whether it is allowed; a question answered in the same message; and the words these languages
open a question with. Joined into `asks_for_help`, `asks_how`, `answered` and `question_form`
after the other languages.

Chat in these languages leaves the `?` off as often as not, so the phrases are written to hold
without one where the words alone ask. Each is folded as the text it searches is
(`bot/routing/text.py`), and written without `\\S` or `\\W`, which folding would lower into
their opposites. Tamil's vowel signs are marks, not letters, to Python's `\\w`, so its phrases
never lean on `\\w` or `\\b`: a word is `[^\\s]+`.
"""

from __future__ import annotations

from bot.routing.text import fold

ASKS_FOR_HELP = tuple(
    fold(phrase)
    for phrase in (
        # Tagalog: anyone who knows or has done it (`may nakakaalam ba…`, `may alam ba kayo…`,
        # `may naka-try na ba…`), whom to turn to (`sino ang humahawak ng…`); `may alam ako`
        # (I know one) tells
        r"may (?:nakakaalam|nakaka-alam|nakakaintindi|naka-try|nakasubok|nakagawa|nakaranas)\b|"
        r"may (?:alam|idea|experience|karanasan) (?:ba|po|po ba|ba kayo|po kayo|kayo|ka|dito)\b|"
        r"sino (?:po |ba |po ba )?(?:ang |yung )?(?:humahawak|nag-?aasikaso|in charge|"
        r"responsable|dapat (?:kausapin|lapitan|tanungin)|pwede(?:ng)? (?:lapitan|tanungin))\b",
        # Hausa: anyone who knows or has done it (`akwai wanda ya san…`, `akwai wanda ya taba…`),
        # who knows or handles a thing (`wa ya san…`, `wa ke kula da…`), help or advice needed;
        # `wa ke da makullin…` (who has the key) is a loan
        r"(?:akwai|da) wanda (?:ya|ta|yake|take) (?:san|sani|iya|taba|ta[ɓb]a|fahimci|gane)\b|"
        r"(?:wa|wane|wace|wanene|wacece) (?:ne |ce )?(?:ya|ta) (?:san|sani)\b|"
        r"(?:wa|wane|wanene) (?:ke|yake|take) (?:kula da|lura da|shugabancin)\b|"
        r"(?:ina|muna|nake|muke) (?:bukatar|neman) (?:taimako|shawara)\b",
        # Amharic: anyone who knows (`ማንም … ያውቃል?`, `የሚያውቅ ሰው አለ?`, `ታውቃላችሁ`), who has done
        # it or has an idea, whom to ask, help needed; `ማን ያውቃል` (who knows!) shrugs and `ማንም
        # አያውቅም` (no one knows) tells
        r"ማንም (?:[^\s]+ ){0,3}?(?:ያውቃል|ያውቅ ይሆን)|የሚያውቅ (?:ሰው )?(?:አለ|ካለ|ይኖራል)|ታውቃላችሁ|"
        r"(?:ልምድ|ሀሳብ|ሃሳብ) ያለው (?:ሰው )?(?:አለ|ካለ)|"
        r"ማንን (?:ነው )?(?:ማግኘት|መጠየቅ|ማነጋገር)|(?:እገዛ|እርዳታ) (?:እፈልጋለሁ|ያስፈልገኛል|ያስፈልገናል)",
        # Tamil: anyone who knows (`யாருக்காவது தெரியுமா`), who has seen or done it or can help
        # or explain (`யாராவது … பார்த்திருக்கீங்களா`, `யாராவது விளக்க முடியுமா`), whom to ask;
        # `யாருக்கும் தெரியாது` (no one knows) tells, and `யாராவது … கொடுக்க முடியுமா` is a favour
        r"(?:யாருக்காவது|யாருக்கேனும்) (?:[^\s]+ ){0,4}?தெரியுமா|"
        r"(?:யாராவது|யாரேனும்) (?:[^\s]+ ){0,6}?[^\s]*(?:ருக்கீங்களா|ருக்கிறீர்களா|ருக்கீங்க\s*\?)|"
        r"(?:யாராவது|யாரேனும்) (?:[^\s]+ ){0,4}?(?:உதவ|help பண்ண|சொல்ல|விளக்க|explain பண்ண|"
        r"guide பண்ண) முடியுமா|"
        r"(?:யார்கிட்ட|யாரிடம்|யார்கிட்டே) (?:[^\s]+ )?(?:கேட்க|கேக்க|கேட்கணும்|கேக்கணும்|பேசணும்)",
    )
)

ASKS_HOW = tuple(
    fold(phrase)
    for phrase in (
        # Tagalog: what the procedure, the rule or the papers are (`ano po ang process pag…`,
        # `ano yung requirements para sa…`), where a thing is found or kept (`saan makikita…`,
        # `saan naka-save…`); `saan ka?` asks after a person
        r"ano (?:po |ba |po ba |ba po )?(?:ang|yung|un) (?:process|proseso|procedure|patakaran|"
        r"policy|requirements?|kailangang (?:gawin|dokumento|papeles)|steps|hakbang|tamang "
        r"(?:paraan|proseso)|dapat gawin|gagawin)\b|"
        r"saan (?:po |ba |po ba )?(?:ko |natin |namin |kaya )?(?:makikita|mahahanap|makukuha|"
        r"nakalagay|naka-?save|nakatago|sine-?save|kinukuha|pwede(?:ng)? (?:makita|makuha|"
        r"i-?download|mag-?file|mag-?request))\b",
        # Hausa: how one does a thing (`yaya ake cike…`, `ta yaya zan…`; `yaya kake` greets),
        # where a thing is kept or got (`ina ake ajiye…`), the procedure, the reason or the
        # difference (`menene tsarin…`), which form, whether it is allowed (`shin ya halatta…`)
        r"(?:ta )?(?:yaya|yadda) (?:ake|za a|zan|zamu|za mu|muke|nake|akan)\b|"
        r"ina (?:ake|zan|zamu|za mu|za a) (?:samu|samun|ajiye|ajiyewa|ajiyar|duba|nemo|nema|"
        r"kai|mika)\b|"
        r"(?:me|mene|menene|mene ne|mecece) (?:ne |ce )?(?:tsari|tsarin|ka'ida|ka'idar|hanya|"
        r"hanyar|matakai|matakan|bambanci|bambancin|dalili|dalilin|sanadin)\b|"
        r"(?:wane|wace|wanne|wacce) (?:fom|form|takarda)\b|"
        r"shin (?:ya|an) halatta\b|(?:ya|an) halatta[^.!?]{0,80}\?",
        # Amharic: how one does a thing (`… እንዴት ነው የምሞላው?`, `እንዴት ማድረግ ይቻላል`; `እንዴት ነህ`
        # greets), where it is kept or found (`… የት ነው የሚቀመጠው?`; `የት ነህ` asks after a person),
        # which papers or training are needed, what the procedure or difference is, what one
        # must do, whether it is allowed
        r"እንዴት (?:ነው )?(?:[^\s]+ ){0,3}?(?:ይቻላል|እችላለሁ|እንችላለን|ይደረጋል|ይሞላል|ማድረግ|"
        r"የም[^\s]*ው|የሚ[^\s]*ው)|"
        r"(?:የት|ከየት) (?:ነው )?(?:[^\s]+ ){0,2}?(?:የሚቀመጠው|የሚቀመጡት|የሚገኘው|የሚገኙት|ይገኛል|"
        r"አገኛለሁ|ላገኝ|ማግኘት|የማገኘው|ይቀመጣል)|"
        r"ምን (?:ዓይነት |አይነት )?(?:ሰነድ|ፎርም|ቅጽ|ሂደት|ስልጠና|መስፈርት|ማስረጃ|ወረቀት)[^\s]* "
        r"(?:[^\s]+ )?(?:ያስፈልጋል|ያስፈልገኛል|ያስፈልጋቸዋል|ያስፈልገናል)|"
        r"(?:ሂደቱ|አሰራሩ|ደንቡ|ፖሊሲው|ልዩነቱ) (?:[^\s]+ )?(?:ምንድን ነው|ምንድነው)|"
        r"ምን ማድረግ (?:አለብን|አለብኝ|ይኖርብናል|ይኖርብኛል)|ይፈቀዳል(?:ን)?\s*\?",
        # Tamil: how one does a thing, the verb last (`… எப்படி raise பண்ணணும்?`, `எப்படி
        # transfer பண்றது`; `எப்படி இருக்கீங்க` greets), where a document is kept (`protocol
        # எங்க இருக்கு?`; `என் charger எங்க?` is a thing lost), where a thing is got, what the
        # procedure is
        r"எப்படி (?:[^\s]+ ){0,3}?[^\s]*(?:பண்ணணும்|பண்றது|பண்ணுவது|செய்வது|செய்யணும்|"
        r"செய்ய வேண்டும்|பண்ணலாம்|செய்யலாம்|போடணும்|எடுக்கணும்|மாத்தணும்|கணக்கிடுவது)|"
        r"(?:protocol|sop|form|template|report|document|procedure|policy|manual|ஆவணம்|படிவம்)"
        r"[^\s]* (?:[^\s]+ )?(?:எங்க|எங்கே) (?:இருக்கு|இருக்கும்|கிடைக்கும்)|"
        r"(?:எங்க|எங்கே) (?:கிடைக்கும்|பார்க்கலாம்|பாக்கலாம்|தேடணும்|வச்சிருக்காங்க|"
        r"வைச்சிருக்காங்க)|"
        r"(?:process|procedure|நடைமுறை|வழிமுறை|rule|policy)[^\s]* (?:என்ன|என்னா)|"
        # which of two ways, each asked with `-ஆ` (`… முதல்லயா இல்ல … முதல்லயா போடணும்?`), as `do I
        # split it or submit the whole thing?` asks
        r"[^\s]*ா (?:இல்ல|இல்லை|அல்லது) [^.!?]{1,80}?ா [^.!?]{0,40}\?",
    )
)

# A question answered in the same message, after its `?` (`…? ay nakita ko na sa KB`, `…? na
# gane yanzu`, `…? አገኘሁት`, `…? கண்டுபிடிச்சிட்டேன்`), as `…? never mind, found it` is; read
# without word edges, since a Tamil word may end in a mark
ANSWERED_ITSELF = tuple(
    fold(phrase)
    for phrase in (
        r"nakita ko na|nahanap ko na|gets ko na|alam ko na|ok na pala|okay na pala|ayos na pala|"
        r"wag na pala|huwag na pala",
        r"na gane yanzu|na gano|na same shi|na same ta|an warware",
        r"አገኘሁት|አገኘኋቸው|ገባኝ|ተፈትቷል",
        r"கண்டுபிடிச்சிட்டேன்|கண்டுபிடித்துவிட்டேன்|கிடைச்சிடுச்சு|கிடைத்துவிட்டது|புரிஞ்சிடுச்சு",
    )
)

# The words these languages open a question with, as `how`, `where`, `who` and `why` open one
# in English; not `ano` (what, also a sigh), `ina` (where, also `I am`) or `ምን` (what, also an
# exclamation). Tamil's words are split by its marks, so it has none here.
INTERROGATIVE_OPENERS = frozenset(
    fold(word)
    for word in (
        "paano pano papaano saan bakit "  # Tagalog
        "yaya menene mene shin wa wanene "  # Hausa
        "እንዴት የት ለምን ማንም"  # Amharic
    ).split()
)

# Hausa's `don Allah` (please) before the sentence's real opening (`Don Allah wa ya san…`), read
# past as `please` is
LEAD_INS = frozenset(("don", "allah"))
