"""Every suggestion says why, in words the asker and the expert both understand.

A reason is read by the asker, in a thread that may be public, and by the expert: it names
only what anybody may see (`bot.visibility.READERS`): declared skills, public kudos, public
questions. Private kudos, private questions and networks rank people but are never named.
Names people typed (skills) are shown through `safe_text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.routing.text import paired
from bot.safe_text import safe_text
from bot.visibility import READERS, Field, Viewer, may_see, may_see_question, reads_public
from bot.words import plural

if TYPE_CHECKING:  # scoring brings numpy, which serve loads once it builds an index
    from bot.routing.scoring import Evidence, Scored

RECENT = timedelta(weeks=13)  # "asked in the last 13 weeks": a window, not a calendar quarter
MAX_TERMS = 3
KNOWS_SOMEONE = "knows someone who can help"
CLOSE_MATCH = "a close match"
PARTS = "; "
_DECLARED = re.compile(r"declared (?P<name>.+), level (?P<level>\d)")
YOU = "you"  # the asker, in an introduction written to them
_KNOWS = re.compile(r"you have worked with (?P<target>.+) before")
_THROUGH = re.compile(r"you don't know (?P<target>.+), but (?P<via>.+) has worked with both of you")


def expert_reason(
    user_id: str,
    scored: Scored,
    evidence: Evidence,
    display: Callable[[str], str],
    now: datetime | None = None,
    readers: Viewer = READERS,
) -> str:
    """'declared Terraform, level 4; helped with 3 similar questions, 2 asked in the last 13
    weeks'. The window is counted back from `now`, and by when each question was asked: the
    same for every reader, whatever their time zone or the calendar's quarters. `readers`:
    who reads it (`visibility.reasons_readers`); a guest's reasons quote nothing public."""
    now = now or Clock().now()
    parts: list[str] = []
    levels = ((evidence.level(user_id, topic), topic) for topic in scored.topics)
    declared = [(level, topic) for level, topic in levels if level]
    for level, topic in sorted(declared, key=lambda item: -item[0])[:2]:
        parts.append(_declared(display(topic), level))
    from bot.routing.scoring import STRONG_SIMILARITY

    strongly = [position for position, ratio in scored.similar if ratio >= STRONG_SIMILARITY]
    similar = [
        q
        for q in evidence.helped_with(user_id, strongly)
        if may_see_question(readers, q.asker, q.answerers, is_private=q.is_private)
    ]
    if similar:
        recent = sum(1 for q in similar if q.created_at and now - q.created_at <= RECENT)
        text = f"helped with {plural(len(similar), 'similar question')}"
        if recent:
            text += "" if recent == len(similar) else f", {recent}"
            text += " asked in the last 13 weeks"
        parts.append(text)
    elif reads_public(readers):
        shared = _shared_terms(user_id, scored, evidence)
        if shared and evidence.shown_answers(user_id):
            about = ", ".join(map(scored.word, shared))
            parts.append(f"has helped with questions about {about}")
    thanked = (
        _telling(evidence.thanked_terms(user_id, dict.fromkeys(scored.terms)), evidence)
        if reads_public(readers)
        else []
    )
    if thanked:
        parts.append(f"thanked in kudos for {', '.join(map(scored.word, thanked))}")
    if not parts:
        count = evidence.shown_answers(user_id)
        parts.append(f"has helped with {plural(count, 'question')} here" if count else CLOSE_MATCH)
    return PARTS.join(parts)


def _declared(name: str, level: int) -> str:
    return f"declared {safe_text(name)}, level {level}"


# Said of a declared skill an edit took out of the question: it was why, of the words first asked.
EDITED_AWAY = ", which the question named before it was edited"


def declared_names(reason: str) -> list[str]:
    """The skill names a reason says were declared ("declared X, level N"), as it shows them."""
    return [said["name"] for part in reason.split(PARTS) if (said := _DECLARED.fullmatch(part))]


def as_declared_now(
    reason: str,
    declared: Mapping[str, int],
    merged: Mapping[str, str] | None = None,
    about: Collection[str] | None = None,
) -> str:
    """A reason drawn again later (a request updated): each "declared X, level N" as the
    colleague's profile says now (`declared`: skill name → level), left out once they no
    longer declare X, where it went on naming a skill they had removed; named as the skill
    an admin merged X into (`merged`: X as shown → that skill's name), where it was left
    out; said to be of the question's words before an edit when the edited question no
    longer names it (`about`: the names of the skills the question names now; None when it
    was never edited). What else it says stays as written."""
    now = {safe_text(name): level for name, level in declared.items()}
    renamed = {shown: safe_text(name) for shown, name in (merged or {}).items()}
    named_now = None if about is None else {safe_text(name) for name in about}
    parts: list[str] = []
    named: set[str] = set()  # two skills merged into one are named once
    for part in reason.split(PARTS):
        said = _DECLARED.fullmatch(part)
        if said is None:
            parts.append(part)
            continue
        name = said["name"] if said["name"] in now else renamed.get(said["name"], "")
        if name not in now or name in named:
            continue
        named.add(name)
        away = "" if named_now is None or name in named_now else EDITED_AWAY
        parts.append(f"declared {name}, level {now[name]}{away}")
    return PARTS.join(parts) or CLOSE_MATCH


def _shared_terms(user_id: str, scored: Scored, evidence: Evidence) -> list[str]:
    return _telling(evidence.shared_terms(user_id, dict.fromkeys(scored.terms)), evidence)


def _telling(terms: list[str], evidence: Evidence) -> list[str]:
    """The rarest few words: in a language whose little words are not stopwords here (`de`,
    `la`, `и`), they are the words every profile has; pairs of characters cut from Chinese,
    Japanese, Korean or Thai rank people but are not words to quote."""
    words = [term for term in terms if not paired(term)]
    return sorted(words, key=evidence.profiles.idf, reverse=True)[:MAX_TERMS]


def path_reason(asker_knows: bool, target: str, via: str | None, asker: str = YOU) -> str:
    """How the asker and the suggested person are connected, if they are; said to the asker
    (`asker` "you"), or naming them where others read it too (`introduction_naming`)."""
    you = asker == YOU
    if asker_knows:
        return f"{asker} {'have' if you else 'has'} worked with {target} before"
    if via:
        know, both = ("don't", "you") if you else ("doesn't", "them")
        return f"{asker} {know} know {target}, but {via} has worked with both of {both}"
    return ""


def introduction_naming(introduction: str, asker: str) -> str:
    """An introduction written to the asker (`path_reason`) naming them instead, for a list
    others read too (*Find an expert* on Carol's message, in her thread): "you have worked
    with Dev Patel before" read there as said to Carol."""
    if asker == YOU:
        return introduction
    if said := _KNOWS.fullmatch(introduction):
        return path_reason(True, said["target"], None, asker)
    if said := _THROUGH.fullmatch(introduction):
        return path_reason(False, said["target"], said["via"], asker)
    return introduction


def connector_reason(owner: str, contact: str, topics: list[str]) -> str:
    """'knows people in the PostgreSQL community' or 'knows Erin (Kubernetes)' for whoever may
    see `owner`'s network; that is nobody who reads a reason, so: 'knows someone who can help'."""
    if not may_see(READERS, owner, Field.NETWORK):
        return KNOWS_SOMEONE
    contact, topics = safe_text(contact), [safe_text(t) for t in topics]
    about = ", ".join(topics)
    if contact.lower().endswith(("community", "group", "meetup", "team", "forum")):
        return f"knows people in the {contact} ({about})" if about else f"knows {contact}"
    return f"knows {contact} ({about})" if about else f"knows {contact}"
