"""One import row, validated: every problem becomes a `RowError` naming the field."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.directory.import_files import CSV_COLUMNS, RawRow, skill_levels, typed, unknown_columns
from bot.directory.parse import (
    CLEAR_WORDS,
    CONTACT_NAME_CHARS,
    LEVELS,
    RELATIONSHIPS,
    SKILL_NAME_CHARS,
    NetworkInput,
    SkillsSyntaxError,
)
from bot.mentions import only_mention
from bot.timezone import nearest, spelled

T = TypeVar("T")


class RowError(ValueError):
    """Why a row is rejected; the importer reports it with the row's line number."""


@dataclass(frozen=True)
class PersonRow:
    line: int
    user_id: str | None
    email: str | None
    handle: str | None
    name: str | None
    tz: str | None
    title: str | None
    team: str | None
    manager: str | None  # None: the row names none, keep the one known; "": `none`, clear it
    skills: dict[str, int]
    interests: tuple[str, ...] | None
    roles: tuple[str, ...] | None
    network: tuple[NetworkInput, ...]


def validate_row(row: RawRow, roles: Collection[str] | None = None) -> PersonRow:
    """The row as a person, or one RowError naming every problem it has (`; `-separated), so
    a file is fixed in one pass. `roles`: the roles a person may have (None: any)."""
    if row.problem:
        raise RowError(row.problem)
    f = row.fields
    problems: list[str] = []

    def check(parse: Callable[[], T], fallback: T) -> T:
        try:
            return parse()
        except RowError as error:
            problems.append(str(error))
            return fallback

    unknown = {str(k) for k in f} - set(CSV_COLUMNS)  # YAML keys may be numbers or null
    if unknown:
        problems.append(unknown_columns(unknown, "field"))
    user_id = check(lambda: _text(f, "slack_id"), None)
    email = check(lambda: _text(f, "email"), None)
    if not user_id and not email:
        problems.append("needs an email or a slack_id")
    if email and ("@" not in email or " " in email):
        problems.append(f"{typed(email)} is not an email address")
    if user_id and only_mention(f"<@{user_id}>") != user_id:  # not `U1|ana`, say
        problems.append(f"{typed(user_id)} is not a Slack user id (U…)")
    typed_tz = check(lambda: _text(f, "tz"), None)
    tz = spelled(typed_tz) if typed_tz else typed_tz
    if typed_tz and tz is None:
        near = nearest(typed_tz)
        meant = f": did you mean {near}?" if near else ""
        problems.append(f"{typed(typed_tz)} is not a time zone{meant} (say Europe/Paris)")
    person_roles = check(lambda: _list(f, "roles"), None)
    if person_roles:  # `Admin` as a sheet capitalises it: roles are kept in lower case
        person_roles = tuple(role.lower() for role in person_roles)
    if roles is not None and person_roles:
        strange = [r for r in person_roles if r not in roles]
        if strange:
            problems.append(
                f"unknown roles {', '.join(map(typed, strange))}: use {', '.join(sorted(roles))}"
            )
    person = PersonRow(
        line=row.line,
        user_id=user_id,
        email=email.lower() if email else None,
        handle=(check(lambda: _text(f, "handle"), None) or "").lstrip("@") or None,
        name=check(lambda: _text(f, "name"), None),
        tz=tz,
        title=check(lambda: _text(f, "title"), None),
        team=check(lambda: _text(f, "team"), None),
        manager=check(lambda: _manager(f), None),
        skills=check(lambda: _skills(f.get("skills")), {}),
        interests=check(lambda: _list(f, "interests"), None),
        roles=person_roles,
        network=check(lambda: _network_items(f.get("network")), ()),
    )
    if problems:
        raise RowError("; ".join(problems))
    return person


def _network_items(value: Any) -> tuple[NetworkInput, ...]:
    if value is not None and not isinstance(value, list):
        raise RowError("network must be a list of entries")
    return tuple(_network(item) for item in value or ())


# What the people table keeps of each text field (200 for the others): a longer one is the
# row's problem, not a failure of the whole import where the database enforces it.
_TEXT_CHARS = {"slack_id": 32, "email": 320, "tz": 64, "manager": 320}


# A line break or tab inside a one-line field (Excel's Alt+Enter in a cell, a YAML block
# scalar): a space, as the field is shown on one line everywhere.
_ONE_LINE = re.compile(r"\s*[\r\n\t]\s*")


def _text(f: dict[str, Any], key: str) -> str | None:
    value = f.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RowError(f"{key} must be text")
    text = _ONE_LINE.sub(" ", str(value).strip())
    longest = _TEXT_CHARS.get(key, 200)
    if len(text) > longest:
        raise RowError(f"{key} is {longest} characters at most")
    return text or None


def _manager(f: dict[str, Any]) -> str | None:
    """`none` clears a manager (the top of the org chart): an empty cell, or YAML's null, keeps
    the one known."""
    named = _text(f, "manager")
    return "" if named is not None and named.lower() in CLEAR_WORDS else named


def _list(f: dict[str, Any], key: str) -> tuple[str, ...] | None:
    value = f.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError(f"{key} must be a list of names")
    items = tuple(v.strip() for v in value if v.strip())
    # `none` clears, as `/skills interests none` does: an empty cell leaves what is known, so a
    # CSV could take nobody's `admin` role away (YAML's `[]` could)
    return () if len(items) == 1 and items[0].lower() in CLEAR_WORDS else items


def _skills(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if isinstance(value, list):
        value = _skill_list(value)
    if not isinstance(value, dict):
        raise RowError("skills must map each skill to a level, like {terraform: 4}")
    skills: dict[str, int] = {}
    for name, level in value.items():
        if not isinstance(level, int) or isinstance(level, bool) or level not in LEVELS:
            raise RowError(
                f"skill {typed(str(name))}: the level must be 1 (curious) … 5 (go-to expert)"
            )
        if not str(name).strip():
            raise RowError("a skill has no name")
        if len(str(name).strip()) > SKILL_NAME_CHARS:
            raise RowError(f"a skill's name is {SKILL_NAME_CHARS} characters at most")
        skills[str(name).strip()] = level
    return skills


def _skill_list(items: list[Any]) -> dict[Any, Any] | None:
    """Skills written by hand as a list, `[go, rust:4]` or `- go: 4` items: what a CSV cell
    of names and `name:level` takes, and one-skill mappings. None: not such a list."""
    skills: dict[Any, Any] = {}
    for item in items:
        if isinstance(item, dict) and len(item) == 1:
            skills.update(item)
        elif isinstance(item, str):
            try:
                skills.update(skill_levels(item))
            except SkillsSyntaxError as error:
                raise RowError(str(error)) from None
        else:
            return None
    return skills


def _network(item: Any) -> NetworkInput:
    if not isinstance(item, dict):
        raise RowError("each network entry must be {colleague: …} or {contact: …}")
    relationship = str(item.get("relationship") or "functional").lower()
    if relationship not in RELATIONSHIPS:
        raise RowError(
            f"network relationship {typed(relationship)}: use {', '.join(RELATIONSHIPS)}"
        )
    topics = item.get("topics") or []
    if not isinstance(topics, list):
        raise RowError("network topics must be a list")
    topic_names = tuple(str(t).strip() for t in topics if str(t).strip())
    colleague, contact = item.get("colleague"), item.get("contact")
    if bool(colleague) == bool(contact):
        raise RowError("a network entry needs exactly one of colleague or contact")
    if colleague:
        return NetworkInput(None, str(colleague).lstrip("@"), None, topic_names, relationship)
    if len(str(contact).strip()) > CONTACT_NAME_CHARS:
        raise RowError(f"a contact's name is {CONTACT_NAME_CHARS} characters at most")
    return NetworkInput(None, None, str(contact).strip(), topic_names, relationship)
