"""The tokeniser shared by questions, profiles and the skill vocabulary.

Both sides of every match go through `tokens`, so `sql-server` (a tag) meets `SQL Server`
(a question) and `c#`, `c++`, `.net`, `f#` and `node.js` stay themselves instead of
collapsing into `c`, `net` or `node`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A word, optionally with a leading dot (.net), inner dots (node.js, asp.net) and a
# trailing run of + or # (c++, c#, f#). Hyphens are separators, so tags fold into text.
_TOKEN = re.compile(r"(?<![\w.])\.?[a-z0-9_]+(?:\.[a-z0-9_]+)*[+#]*")

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
    """Lowercased tokens with hyphens folded and symbols kept, stopwords included."""
    return [match.group(0) for match in _TOKEN.finditer(text.lower().replace("-", " "))]


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
