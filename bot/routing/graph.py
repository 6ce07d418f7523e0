"""Who has worked with whom: declared colleagues, past help and kudos, as one weighted graph.

An introduction path is the colleague both people have worked with most, so a suggestion
can say "you don't know Carol, but Ben has worked with both of you".
"""

from __future__ import annotations

from collections import defaultdict

DECLARED = 2.0
HELPED = 1.0
THANKED = 0.5


class ColleagueGraph:
    def __init__(self) -> None:
        self._edges: dict[str, dict[str, float]] = defaultdict(dict)

    def link(self, a: str, b: str, weight: float) -> None:
        """Strengthen the undirected tie between two people (self-ties are ignored)."""
        if a == b:
            return
        self._edges[a][b] = self._edges[a].get(b, 0.0) + weight
        self._edges[b][a] = self._edges[b].get(a, 0.0) + weight

    def knows(self, a: str, b: str) -> bool:
        return b in self._edges.get(a, {})

    def introducer(self, asker: str, target: str) -> str | None:
        """The common colleague with the strongest ties to both, or None."""
        mine = self._edges.get(asker, {})
        theirs = self._edges.get(target, {})
        if len(theirs) < len(mine):
            mine, theirs = theirs, mine
        best: tuple[float, str] | None = None
        for middle, weight in mine.items():
            other = theirs.get(middle)
            if other is None or middle in (asker, target):
                continue
            candidate = (min(weight, other), middle)
            if best is None or candidate > best:
                best = candidate
        return best[1] if best else None
