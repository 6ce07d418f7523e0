"""Control characters out of everything a person sends, once, where it comes in.

PostgreSQL refuses a NUL byte in text (and `\\u0000` in JSON) while SQLite stores it, and a
lone surrogate cannot be encoded as UTF-8 at all: a reason typed with one was lost on one
database and kept on the other. So every string of a request (command text, modal inputs,
messages) is cleaned before the request is stored or read (`handlers.dispatch.middleware`),
the same way whatever the database. Tabs and line breaks stay.
"""

from __future__ import annotations

import re
from typing import Any

CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


# Characters that show as nothing or turn text around: bidi marks, embeddings, overrides and
# isolates, zero-width space, word joiner and invisible operators, byte order mark, soft hyphen.
# Not the zero-width joiner and non-joiner, which emoji sequences and some scripts need.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def without_invisible(name: str) -> str:
    """A name (a skill, a contact) without the characters that look like nothing: two names
    that look the same are the same, and one shown in a list turns nothing around. Kept in
    free text, where a right-to-left mark is a language's own."""
    return INVISIBLE.sub("", name)


def strip_controls(text: str) -> str:
    """`text` without control characters; a lone surrogate becomes U+FFFD (�)."""
    return LONE_SURROGATE.sub("\ufffd", CONTROLS.sub("", text))


def strip_controls_in(body: dict[str, Any] | list[Any]) -> None:
    """Every string in a parsed JSON body, cleaned in place (without recursion: a body may
    nest deep). Each container is cleaned once: a YAML file's aliases may name one list
    many times, or inside itself (`people: &a [*a]`), which kept this loop going forever."""
    stack: list[Any] = [body]
    seen: set[int] = set()
    while stack:
        container = stack.pop()
        if id(container) in seen:
            continue
        seen.add(id(container))
        items = container.items() if isinstance(container, dict) else enumerate(container)
        for key, value in list(items):
            if isinstance(value, str):
                cleaned = strip_controls(value)
                if cleaned != value:
                    container[key] = cleaned
            elif isinstance(value, dict | list):
                stack.append(value)
