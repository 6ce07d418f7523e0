"""The tokeniser shared by questions, profiles and the skill vocabulary.

Both sides of every match go through `tokens`, so `sql-server` (a tag) meets `SQL Server`
(a question) and `c#`, `c++`, `.net`, `f#` and `node.js` stay themselves instead of
collapsing into `c`, `net` or `node`.

A workspace may write in any language. Words are letters of any script with the marks that
combine with them (a Devanagari vowel sign stays inside its word). Text is case-folded and
its compatibility forms made plain, so `Straße` meets `STRASSE` and full-width `ＳＱＬ` is
`sql`, and accents are dropped, since chat often leaves them out: `índices` meets `indices`.
Chinese, Japanese and Thai are written without spaces between words, and Korean joins its
particles and endings to them (`데이터베이스를`, `데이터베이스가`), so runs of these scripts
become overlapping pairs of characters, the usual way to index them: `レプリケーション` shares
terms with any question that contains it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from bot.safe_text import unescaped

# Letters, digits and underscores of any script, and every combining mark (Unicode's M*).
_WORD = "\\w" + "".join(
    chr(code) for code in range(0x300, 0x10000) if unicodedata.category(chr(code))[0] == "M"
)
# A word, optionally with a leading dot (.net), inner dots (node.js, asp.net) and a
# trailing run of + or # (c++, c#, f#). Hyphens are separators, so tags fold into text.
_TOKEN = re.compile(rf"(?<![{_WORD}.])\.?[{_WORD}]+(?:\.[{_WORD}]+)*[+#]*")
_ACCENTS = re.compile("[\u0300-\u036f]")
# Thai, Hangul jamo and syllables, kana and Han: scripts matched by pairs of characters.
_PAIRED = re.compile(
    "[\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff]+"
)

# General English function words; nothing here is about any one subject.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could did didn do does doesn doing don
    down during each else even ever every few for from further get gets getting got had has
    have having he her here hers herself him himself his how however i if in into is isn it
    its itself just least less let like ll me more most much must my myself need needs no nor
    not now of off on once one only or other others our ours ourselves out over own per please
    quite rather re really s same say says shall she should since so some still such t than
    thank thanks that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us use used uses using ve very via want
    wants was wasn way we well were weren what whatever when where whether which while who
    whom whose why will with within without won would yet you your yours yourself
    """.split()
)


def words(text: str) -> list[str]:
    """Case-folded tokens with hyphens folded and symbols kept, stopwords included."""
    folded = fold(unescaped(text))
    found = [match.group(0) for match in _TOKEN.finditer(folded.replace("-", " "))]
    if folded.isascii():
        return found
    return [piece for word in found for piece in _pieces(word)]


def paired(text: str) -> bool:
    """Whether the text holds a script matched by pairs of characters (Chinese, Japanese,
    Korean, Thai): its terms are pairs, not words."""
    return _PAIRED.search(text) is not None


def word_count(text: str) -> int:
    """How many words a text has, a run of Chinese, Japanese, Korean or Thai counting one
    for every two characters (about an average Japanese or Chinese word)."""
    runs = _PAIRED.findall(text)
    return len(_PAIRED.sub(" ", text).split()) + sum(len(run) // 2 for run in runs)


def spellings(text: str) -> dict[str, str]:
    """Each term of a text as the text writes it, lowercased, for reasons to quote: the term
    `replica` is written `réplica` (pairs of characters of a paired script as they are)."""
    if text.isascii():
        return {stem(word): word for word in reversed(words(text))}
    found: dict[str, str] = {}
    for match in _TOKEN.finditer(text.lower().replace("-", " ")):
        written, pieces = match.group(0), words(match.group(0))
        for piece in pieces:
            found.setdefault(stem(piece), written if len(pieces) == 1 else piece)
    for word in words(text):  # a symbol that folds into letters (⒰ is "(u)")
        found.setdefault(stem(word), word)
    return found


def fold(text: str) -> str:
    """Case-folded, compatibility forms made plain (full-width letters, ligatures) and the
    accents of Latin, Greek and Cyrillic letters dropped; other scripts' marks are kept."""
    if text.isascii():
        return text.lower()
    plain = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return unicodedata.normalize("NFC", _ACCENTS.sub("", plain))


def _pieces(word: str) -> Iterator[str]:
    """The word itself, or for runs of a paired script, each pair of neighbouring
    characters (a lone character as it is), and the words around them."""
    at = 0
    for run in _PAIRED.finditer(word):
        yield from (match.group(0) for match in _TOKEN.finditer(word[at : run.start()]))
        chars = run.group(0)
        yield from (chars[i : i + 2] for i in range(max(1, len(chars) - 1)))
        at = run.end()
    yield from (match.group(0) for match in _TOKEN.finditer(word[at:]))


def stem(word: str) -> str:
    """A light plural folding (indexes → index, queries → query) that leaves symbols alone."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """The terms a text is indexed and searched by: stemmed words without stopwords."""
    return [stem(word) for word in words(text) if word not in STOPWORDS]


def ngrams(terms: list[str], longest: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Every run of 1..longest consecutive terms with its start, for phrase lookup."""
    for start in range(len(terms)):
        for size in range(1, min(longest, len(terms) - start) + 1):
            yield start, tuple(terms[start : start + size])
