"""What each workspace setting accepts, written as text: the settings modal and
`askaround settings set` both parse through here, so they refuse the same things with the
same words. Parsing is pure; whether the bot can watch a channel is asked of Slack by the
adapter."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.errors import UserError
from bot.kudos.rules import reaction_name
from bot.safe_text import quoted

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SCOPES = ("all", "direct")
MAX_ALLOWANCE = 100
MAX_REASON_MINIMUM = 500
MAX_VALUES = 30
MAX_ROLES = 30  # with the longest names, 30 still fit the settings modal's 3,000-character field
MAX_REACTIONS = 10
MAX_LISTED = 50  # watched channels, askaround admins
NONE_WORDS = ("", "none", "-")

_VALUE = re.compile(r"[^\W\d_][\w-]{0,63}")  # a letter of any script first: #ética, #качество
_ROLE = re.compile(r"[^\W\d_][\w -]{0,63}")
_REACTION = re.compile(r"[a-z0-9_+'-]{1,100}")
# Slack's channel ids are C or G, then capitals and digits (C024BE91L, C01ABCDEFGH): a word in
# capitals (#GENERAL, CGENERAL) or a stub (C12) cannot be one.
_CHANNEL_ID = r"[CG](?=[A-Z]*\d)[A-Z0-9]{6,31}"
_CHANNEL = re.compile(rf"<#({_CHANNEL_ID})(?:\|[^>]*)?>|#?({_CHANNEL_ID})")
_USER = re.compile(r"<@([UW][A-Z0-9]{2,31})(?:\|[^>]*)?>|@?([UW][A-Z0-9]{2,31})")
_RENAME = re.compile(r"\s*(?:->|→)\s*")
_SPLIT = re.compile(r"[,\n]")
_WORDS = re.compile(r"[\s;]+")  # how a list typed without commas is parted


class SettingsRefused(UserError):
    """One or more settings were refused: key → what is wrong, in words for a person."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = dict(errors)


@dataclass(frozen=True)
class ValuesChange:
    """The company values to keep active, in order, and the renames among them (old, new)."""

    active: tuple[str, ...]
    renames: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WorkspaceSettings:
    """Every setting an admin may change, as it is now."""

    values: tuple[str, ...]
    retired_values: tuple[str, ...]
    daily_allowance: int
    role_allowances: Mapping[str, int]
    min_reason_length: int
    values_required: bool
    kudos_channel: str | None
    kudos_reactions: tuple[str, ...]
    digest_weekday: int
    digest_hour: int
    digest_scope: str
    digest_roundup: bool
    watched_channels: tuple[str, ...]
    askaround_admins: tuple[str, ...]

    def as_text(self) -> dict[str, str]:
        """Each key's value written the way `parse` reads it back."""
        return {
            "values": ", ".join(self.values) or "none",
            "daily_allowance": str(self.daily_allowance),
            "role_allowances": ", ".join(f"{r}={n}" for r, n in self.role_allowances.items())
            or "none",
            "min_reason_length": str(self.min_reason_length),
            "values_required": "yes" if self.values_required else "no",
            "kudos_channel": self.kudos_channel or "none",
            "kudos_reactions": ", ".join(self.kudos_reactions),
            "digest_weekday": WEEKDAYS[self.digest_weekday],
            "digest_hour": str(self.digest_hour),
            "digest_scope": self.digest_scope,
            "digest_roundup": "yes" if self.digest_roundup else "no",
            "watched_channels": ", ".join(self.watched_channels) or "none",
            "askaround_admins": ", ".join(self.askaround_admins) or "none",
        }


@dataclass(frozen=True)
class Key:
    name: str  # the CLI's KEY and the modal's block id
    label: str
    hint: str
    parse: Callable[[str], Any]


def _items(text: str) -> list[str]:
    return [item.strip() for item in _SPLIT.split(text) if item.strip()]


def listed(text: str) -> list[str]:
    """The items of a list setting as typed: none for `none`."""
    return [] if _none(text) else _items(text)


def _quoted(text: str) -> str:
    """`text` as a refusal quotes it: whole, or its first 40 characters and "…" (5,000 pasted
    characters made the CLI's one line, and the modal's field error, as long)."""
    return quoted(text, 40)


def _none(text: str) -> bool:
    return text.strip().lower() in NONE_WORDS


def _hour(text: str) -> int:
    """`9`, `09` or `09:00`, as the Home tab and the modal show the hour, or on a 12-hour
    clock as people say it: `6pm`, `6 PM`, `6:00 p.m.`, `12am` (0)."""
    hour = re.fullmatch(r"(\d{1,2})(?::00)?(?:\s*([ap])\.?m\.?)?", text.strip().lower())
    twelve = hour is not None and hour[2] is not None
    if hour is None or int(hour[1]) > (12 if twelve else 23) or (twelve and int(hour[1]) == 0):
        raise ValueError(
            f"Digest hour is a whole hour from 0 to 23, like 9 or 09:00 ({_quoted(text.strip())} "
            "isn't)."
        )
    if not twelve:
        return int(hour[1])
    return int(hour[1]) % 12 + (12 if hour[2] == "p" else 0)


def _whole(text: str, low: int, high: int, what: str) -> int:
    raw = text.strip()
    if not re.fullmatch(r"\d{1,6}", raw) or not low <= int(raw) <= high:
        raise ValueError(
            f"{what} must be a whole number from {low} to {high} ({_quoted(raw)} isn't)."
        )
    return int(raw)


def _value_name(text: str) -> str:
    name = unicodedata.normalize("NFC", text.strip().lstrip("#").lower())
    if not _VALUE.fullmatch(name):
        raise ValueError(
            f"{_quoted(text.strip())} can't be a company value: one word of letters, digits, "
            "- or _, starting with a letter, up to 64 characters (people type it as a #tag)"
            f"{_value_slip(text.strip())}."
        )
    return name


def _value_slip(text: str) -> str:
    """What the admin most likely meant, when a refused value is a slip: several values
    parted by spaces or `;`, or a rename a shell cut at its `>` (`craft -> quality` unquoted
    arrives as `craft -`, the rest written to a file called quality)."""
    words = [w.lstrip("#") for w in _WORDS.split(text) if w.lstrip("#")]
    if len(words) > 1 and all(_VALUE.fullmatch(w) for w in words):
        return f"; separate values with commas: {_quoted(', '.join(words))}"
    cut = re.fullmatch(r"#?(\S+)\s*-", text)
    if cut and _VALUE.fullmatch(cut[1]):
        return (
            "; a rename at a shell goes in quotes, as the shell reads > as a redirection: "
            f"`askaround settings set values '{cut[1]} -> NEW'`"
        )
    return ""


def parse_values(text: str) -> ValuesChange:
    if _none(text):  # `none` clears the values, as it clears other lists, naming no #none
        return ValuesChange(())
    active: list[str] = []
    renames: list[tuple[str, str]] = []
    for item in _items(text):
        parts = _RENAME.split(item)
        if len(parts) > 2:
            raise ValueError(f"{_quoted(item)}: rename one value at a time, as `old -> new`.")
        name = _value_name(parts[-1])
        if len(parts) == 2 and _value_name(parts[0]) != name:  # `a -> a` keeps a, as `a` does
            renames.append((_value_name(parts[0]), name))
        if name in active:
            raise ValueError(f"#{name} is listed twice.")
        active.append(name)
    if len(active) > MAX_VALUES:
        raise ValueError(f"Keep it to {MAX_VALUES} company values at most ({len(active)} given).")
    return ValuesChange(tuple(active), tuple(renames))


def parse_role_allowances(text: str) -> dict[str, int]:
    if _none(text):
        return {}
    found: dict[str, int] = {}
    for item in _items(text):
        role, sep, count = item.replace(":", "=").partition("=")
        role = unicodedata.normalize("NFC", role.strip().lower())
        if not sep or not role:
            raise ValueError(
                f"{_quoted(item)}: write each role as `role=kudos a day`, e.g. `manager=8`."
            )
        if not _ROLE.fullmatch(role):  # in the form asked for: the name is what is wrong
            raise ValueError(
                f"{_quoted(role)} can't be a role: letters, digits, spaces, - or _, starting "
                "with a letter, up to 64 characters."
            )
        if role in found:  # two numbers for one role: which the admin meant is not known
            raise ValueError(f"{role} is listed twice.")
        found[role] = _whole(count, 1, MAX_ALLOWANCE, f"The allowance for {role}")
    if len(found) > MAX_ROLES:
        raise ValueError(f"Keep it to {MAX_ROLES} roles at most ({len(found)} given).")
    return found


def parse_yes_no(text: str) -> bool:
    word = text.strip().lower()
    if word in ("yes", "y", "true", "on", "1"):
        return True
    if word in ("no", "n", "false", "off", "0"):
        return False
    raise ValueError(f"Say yes or no ({_quoted(text.strip())} isn't either).")


def parse_channel(text: str) -> str | None:
    if _none(text):
        return None
    channels = parse_channels(text)
    if len(channels) != 1:
        raise ValueError("Pick one channel for the shout-outs.")
    return channels[0]


def parse_channels(text: str) -> tuple[str, ...]:
    # typed at a shell, where there is no picker: said where Slack shows one
    return _ids(
        text,
        _CHANNEL,
        "channel",
        "C0123ABCD: a channel's is at the foot of its details, opened from its name",
    )


def parse_people(text: str) -> tuple[str, ...]:
    return _ids(text, _USER, "person", "U0123ABCD")


def _ids(text: str, pattern: re.Pattern[str], what: str, example: str) -> tuple[str, ...]:
    if _none(text):
        return ()
    found: list[str] = []
    for item in _items(text):
        match = pattern.fullmatch(item)
        if match is None:
            raise ValueError(
                f"{_quoted(item)} is not a Slack {what} id (they look like {example})."
            )
        found.append(match.group(1) or match.group(2))
    unique = tuple(dict.fromkeys(found))
    if len(unique) > MAX_LISTED:
        raise ValueError(f"Name {MAX_LISTED} at most ({len(unique)} given).")
    return unique


def parse_reactions(text: str) -> tuple[str, ...]:
    names = [reaction_name(item) for item in _items(text)]
    if not names or _none(text):  # `none` clears other settings; here it named an emoji
        raise ValueError("Name at least one reaction emoji, e.g. `kudos`.")
    for name in names:
        if not _REACTION.fullmatch(name) and any(unicodedata.category(c) == "So" for c in name):
            raise ValueError(
                f"{_quoted(name)} is an emoji: name it as Slack does (hover over it in "
                "Slack's emoji picker), like `kudos` or `+1`."
            )
        if not _REACTION.fullmatch(name):
            words = [reaction_name(w) for w in _WORDS.split(name) if w]
            slip = (
                f"; separate them with commas: {_quoted(', '.join(words))}"
                if len(words) > 1 and all(_REACTION.fullmatch(w) for w in words)
                else ""
            )
            raise ValueError(f"{_quoted(name)} is not an emoji name (like `kudos` or `+1`){slip}.")
    if len(names) > MAX_REACTIONS:
        raise ValueError(f"Name {MAX_REACTIONS} reaction emoji at most ({len(names)} given).")
    return tuple(dict.fromkeys(names))


def parse_weekday(text: str) -> int:
    word = text.strip().lower()
    for number, day in enumerate(WEEKDAYS):
        if len(word) >= 3 and day.startswith(word):
            return number
    raise ValueError(
        f"Pick a day of the week, Monday to Sunday ({_quoted(text.strip())} isn't one)."
    )


def parse_scope(text: str) -> str:
    """`all` or `direct`, or as the hint words them: `direct reports (only)`, `everyone`."""
    words = text.strip().lower().split()
    if words == ["everyone"]:
        words = ["all"]
    word = words[0] if words and set(words[1:]) <= {"reports", "only"} else ""
    if word not in SCOPES:
        raise ValueError(
            "Say `all` (everyone down the org chart) or `direct` (direct reports only)."
        )
    return word


KEYS: tuple[Key, ...] = (
    Key(
        "values",
        "Company values",
        f"Comma separated, one word each, in any language, up to {MAX_VALUES}. Take one out to "
        "retire it (old kudos keep it); `old -> new` renames (renames alone keep the other "
        "values).",
        parse_values,
    ),
    Key(
        "daily_allowance",
        "Kudos a day",
        f"How many kudos each person may give a day, 1 to {MAX_ALLOWANCE}.",
        lambda t: _whole(t, 1, MAX_ALLOWANCE, "Kudos a day"),
    ),
    Key(
        "role_allowances",
        "Kudos a day by role",
        f"`role=kudos a day`, comma separated (e.g. `manager=8`), up to {MAX_ROLES} roles; the "
        "largest of a person's wins.",
        parse_role_allowances,
    ),
    Key(
        "min_reason_length",
        "Shortest reason",
        f"How many characters a kudos's reason needs at least, 0 to {MAX_REASON_MINIMUM}.",
        lambda t: _whole(t, 0, MAX_REASON_MINIMUM, "Shortest reason"),
    ),
    Key("values_required", "Values required", "yes: every kudos names a value.", parse_yes_no),
    Key(
        "kudos_channel",
        "Kudos channel",
        "Where public kudos are shouted out (none: in the channel they were given in); "
        "private kudos stay where they were given.",
        parse_channel,
    ),
    Key(
        "kudos_reactions",
        "Kudos reactions",
        "Emoji that give kudos when someone reacts with them, comma separated, up to "
        f"{MAX_REACTIONS}.",
        parse_reactions,
    ),
    Key(
        "digest_weekday",
        "Digest day",
        "The day managers get their weekly digest; whichever day, it covers the week before, "
        "Monday to Sunday.",
        parse_weekday,
    ),
    Key(
        "digest_hour",
        "Digest hour",
        "The hour (0 to 23, the manager's own time) the digest is sent; the week it covers, "
        "Monday to Sunday, is in that time zone too.",
        _hour,
    ),
    Key(
        "digest_scope",
        "Digest covers",
        "Everyone below them (all), or direct reports only (direct).",
        parse_scope,
    ),
    Key(
        "digest_roundup",
        "Public roundup",
        "yes: each week, a post of the week's public kudos in the kudos channel (set one), on "
        "the digest's day and hour in the time zone most people here are in.",
        parse_yes_no,
    ),
    Key(
        "watched_channels",
        "Watched channels",
        f"Public channels where I offer help with questions (I must be a member), up to "
        f"{MAX_LISTED}.",
        parse_channels,
    ),
    Key(
        "askaround_admins",
        "askaround admins",
        "People besides Slack's admins and owners and the `admin` role who may change these "
        f"settings, up to {MAX_LISTED}.",
        parse_people,
    ),
)
BY_NAME: dict[str, Key] = {key.name: key for key in KEYS}


def unknown_key(name: str) -> str:
    """What a key there is no setting of is told: the key it likely misspells, and the keys."""
    near = difflib.get_close_matches(name, BY_NAME, n=1, cutoff=0.7)
    meant = f": did you mean {near[0]}? The" if near else "; the"
    return f"There is no setting {_quoted(name)}{meant} settings are: {', '.join(BY_NAME)}."


def parse(raw: Mapping[str, str], refusals: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Each given key's value, parsed; every refusal at once, by key, with `refusals` (what
    was refused before parsing, such as Slack's word on a channel)."""
    parsed: dict[str, Any] = {}
    errors: dict[str, str] = dict(refusals or {})
    for name, text in raw.items():
        key = BY_NAME.get(name)
        if key is None:
            errors[name] = unknown_key(name)
            continue
        if name in errors:
            continue
        try:
            parsed[name] = key.parse(text)
        except ValueError as error:
            errors[name] = str(error)
    if errors:
        raise SettingsRefused(errors)
    return parsed
