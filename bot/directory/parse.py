"""`/skills` text → a command, and the small grammars shared with the modal and the importer.

Only a command's text is in Slack's format, `&`, `<` and `>` escaped (`R&D` arrives as
`R&amp;D`); the grammars read it so with `slack=True`. A modal's text and a file's are as
typed, and kept so.

/skills add terraform:4, k8s, postgres:2      (level 1 curious … 5 go-to expert; default 3)
/skills add terraform 4, k8s level 2, go (5)  (also `lvl 2`, `4/5`)
/skills add kubernets!:3                      (`!` keeps a new name as typed)
/skills network add @bob as personal
/skills network add CNCF Slack about kubernetes, helm as functional
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.control_chars import without_invisible
from bot.directory.skills import QUOTE_MARKS, normalise_skill
from bot.directory.status import (
    a_year_at_most,
    beyond_a_year,
    no_such_day,
    until_date,
    until_forms,
    within_a_day,
)
from bot.errors import UserError
from bot.help import SKILLS_SUBCOMMANDS, did_you_mean
from bot.mentions import leading_person, only_mention
from bot.safe_text import QUOTED_CHARS, clip, quoted, safe_text, unescaped

LEVELS = {1: "curious", 2: "learning", 3: "working knowledge", 4: "strong", 5: "go-to expert"}
DEFAULT_LEVEL = 3
RELATIONSHIPS = ("personal", "functional", "strategic")
DEFAULT_RELATIONSHIP = "functional"
# What the tables hold of a name typed: a skill's name and key, an outside contact's name.
SKILL_NAME_CHARS = 100
CONTACT_NAME_CHARS = 200
_ENTRY = re.compile(
    r"^(?P<target>.+?)(?:\s+about\s+(?P<topics>.+?))?"
    r"(?:\s+as\s+(?P<rel>[a-z]+))?$",
    re.IGNORECASE,
)

# `X about as personal`: the first `about` ends the entry (`X about about` has the topic about).
_NO_TOPICS = re.compile(
    r"^(?:(?!\sabout\s).)*?\sabout(?:\s+as\s+[a-z]+)?$", re.IGNORECASE | re.DOTALL
)

# An `as` _ENTRY could not read as a relationship (`@bob as best friend`, `@bob as`).
_SAID_AS = re.compile(r"^(?P<before>.*?)\s+as(?:\s+(?P<rel>.*?))?\s*$", re.IGNORECASE | re.DOTALL)


class SkillsSyntaxError(UserError):
    """What someone typed after `/skills` does not parse; the message says what would."""


class AwayTooLong(SkillsSyntaxError):
    """`/skills away` past a year (`beyond_a_year`): `latest`, the furthest day, which Slack
    shows as it shows the day in a reply that sets someone away (`told_as`); the message
    writes it `2027-11-26 (Friday)` for any other reader."""

    def __init__(self, latest: date) -> None:
        super().__init__(a_year_at_most(f"{latest:%Y-%m-%d} ({latest:%A})"))
        self.latest = latest

    def told_as(self, day: str) -> SkillsSyntaxError:
        """The refusal with the furthest day written as `day`."""
        return SkillsSyntaxError(a_year_at_most(day))


@dataclass(frozen=True)
class SkillInput:
    name: str
    level: int | None = None
    force_new: bool = False


@dataclass(frozen=True)
class NetworkInput:
    """A colleague (by user id or `@handle`) or a named outside contact/community."""

    colleague_user_id: str | None = None
    colleague_handle: str | None = None
    contact_name: str | None = None
    topics: tuple[str, ...] = ()
    # None when not said: a new entry is DEFAULT_RELATIONSHIP, one already there keeps its own
    relationship: str | None = None

    @property
    def relationship_or_default(self) -> str:
        return self.relationship or DEFAULT_RELATIONSHIP


@dataclass(frozen=True)
class Show:
    user_id: str | None = None


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class AddSkills:
    items: tuple[SkillInput, ...]


@dataclass(frozen=True)
class RemoveSkills:
    names: tuple[str, ...]


@dataclass(frozen=True)
class SetInterests:
    interests: tuple[str, ...]


@dataclass(frozen=True)
class ShowInterests:
    pass


@dataclass(frozen=True)
class Away:
    until: date


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class OptOut:
    pass


@dataclass(frozen=True)
class Who:
    topic: str


@dataclass(frozen=True)
class NetworkAdd:
    entry: NetworkInput


@dataclass(frozen=True)
class NetworkRemove:
    target: NetworkInput


@dataclass(frozen=True)
class Forget:
    pass


Command = (
    Show
    | Help
    | AddSkills
    | RemoveSkills
    | SetInterests
    | ShowInterests
    | Away
    | Back
    | OptOut
    | Who
    | NetworkAdd
    | NetworkRemove
    | Forget
)


CLEAR_WORDS = ("none", "clear", "-")


def parse_command(text: str, today: date) -> Command:
    words = text.strip().split(maxsplit=1)
    verb = words[0].lower() if words else ""
    rest = words[1].strip() if len(words) > 1 else ""
    if verb in ("", "me", "profile"):
        if rest:
            raise SkillsSyntaxError(
                f"`/skills {verb}` shows your own profile and takes nothing after it, so I "
                f"showed none ({_echoed(rest, True)} was after it): "
                "`/skills me`, or `/skills @name` for someone else's."
            )
        return Show()
    # A leading mention, not the first word: its label may hold spaces (`<@U1|Ana Ruiz>`).
    someone = leading_person(text.strip())
    if someone and someone[1].strip():
        raise SkillsSyntaxError(
            f"`/skills @name` shows one person's profile, with nothing after the name, so I "
            f"showed none: `/skills <@{someone[0]}>`, then `/skills` again for anyone else."
        )
    if someone:
        return Show(user_id=someone[0])
    if verb.startswith("@"):
        raise SkillsSyntaxError(
            f"There is nobody called {_echoed(words[0], True)} in this workspace: pick the "
            "person from Slack's @-suggestions, for example `/skills @ana`."
        )
    if verb == "help":
        return Help()
    if verb == "add":
        items = parse_skill_items(_needs(rest, "add terraform:4, k8s"), slack=True)
        return AddSkills(tuple(items))
    if verb == "remove":  # named as `add` takes them: `:snake:`, `R&D!:5`
        parts = split_list(_needs(rest, "remove terraform, k8s"))
        named = (_skill_part(p.translate(_WIDE_LEVEL), slack=True, spaced=False)[0] for p in parts)
        return RemoveSkills(tuple(n for n in named if n))
    if verb == "interests":
        if not rest:  # a look, as `/skills` alone is; clearing them is said out loud
            return ShowInterests()
        return SetInterests(interests_of(rest, slack=True))
    if verb == "away":
        return Away(parse_away(_needs(rest, "away until friday", "until when"), today))
    if verb == "back" and not rest:
        return Back()
    if verb == "optout" and not rest:
        return OptOut()
    if verb == "who":
        # `/skills who @bob`: who Bob is, his profile, rather than who declared "@bob"
        whom = only_mention(rest)
        return Show(user_id=whom) if whom else Who(unescaped(_needs(rest, "who terraform")))
    if verb == "network":
        return _network(rest)
    if verb == "forget" and rest.lower() == "me":
        return Forget()
    if verb == "forget" and not rest:  # deleting is said out loud, so `me` is not assumed
        raise SkillsSyntaxError(
            "`/skills forget me` deletes your skills, interests and network (title, team, "
            "opt-out and kudos stay); nothing was deleted."
        )
    if re.fullmatch(r"opt[\s-]*in", text.strip(), re.IGNORECASE):
        raise SkillsSyntaxError(
            "Did you mean `/skills back`? It takes questions again after `/skills optout`."
        )
    raise SkillsSyntaxError(
        did_you_mean("/skills", text.strip(), SKILLS_SUBCOMMANDS)
        or f"I don't know {_echoed(f'/skills {text.strip()}', True)}. Try `/skills help`."
    )


def interests_of(text: str, *, slack: bool = False) -> tuple[str, ...]:
    """`rust, data viz` → those interests; `none` (or `clear`, `-`) → none, as typed after
    `/skills interests` or in the Edit profile modal. `slack`: the text is a command's."""
    if text.strip().lower() in CLEAR_WORDS:
        return ()
    return tuple(unescaped(item) if slack else item for item in split_list(text))


def _needs(rest: str, example: str, what: str = "what") -> str:
    if not rest:
        raise SkillsSyntaxError(f"Say {what}, for example `/skills {example}`.")
    return rest


def _network(rest: str) -> Command:
    if not rest.strip():  # a look at it, as `/skills interests` alone is: your profile has it
        return Show()
    words = rest.split(maxsplit=1)
    action = words[0].lower() if words else ""
    body = words[1].strip() if len(words) > 1 else ""
    if action == "add" and body:
        return NetworkAdd(parse_network_entry(body, slack=True))
    if action == "remove" and body:
        return NetworkRemove(parse_network_entry(body, slack=True))
    raise SkillsSyntaxError(
        "Use `/skills network add @colleague as personal` or "
        "`/skills network add CNCF Slack about kubernetes, helm as functional`, "
        "and `/skills network remove @colleague` or `/skills network remove CNCF Slack`."
    )


def split_list(text: str) -> list[str]:
    """Items separated by commas, lines or semicolons (the full-width ones and the
    ideographic comma `、` that a Japanese or Chinese input method types too); not the `;` of
    Slack's `&amp;`, `&lt;` or `&gt;` (`/skills add R&D:5` arrives as `R&amp;D:5`)."""
    parts = re.split(r"[,\n\uff0c\u3001]|(?<!&amp)(?<!&lt)(?<!&gt);|\uff1b", text)
    return [part.strip() for part in parts if part.strip()]


# A level as such an input method types it: a full-width colon and digits (`terraform：４`).
_WIDE_LEVEL = str.maketrans(
    "\uff1a\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", ":0123456789"
)


_LINK = re.compile(r"<[^<>]*:[^<>]*>")  # a link, its colon inside: `<mailto:ana@example.com>`
# What reads as a mention, broadcast or link once unescaped (`<!channel>` typed out), unlike a
# `<friends>` or `> quote`; in Slack's format every raw `<` is markup (a typed one is `&lt;`).
_MARKUP = re.compile(r"<(?:[@#!]|[a-z][a-z0-9+.-]*:)", re.IGNORECASE)
# An emoji as Slack writes it in text, with its `!` and level: `:snake:`, `:snake:4`, `:snake:!:4`.
_EMOJI_SKILL = re.compile(r"^(:[\w+'-]+:!?)(?::?\s*(\S+))?$")


# A level and then more words (`terraform:4 kubernetes:3`): skills not parted by commas, which
# were kept as one skill, "terraform:4 kubernetes". One digit: `ISO 9001:2015 audits` is a name.
# What follows holds a letter: `.htaccess:0 0` is a bad level, not a skill named "0".
_RUN_ON = re.compile(r"(:\s*\d)\s+(?=\S*[^\W\d_])")
# A level after a name, as people write it. `[0-9]`: `²` is a digit to `\d` and to no level. A
# bare number is one digit, a level's or out of range: `windows 10` and `iso 9001` stay names.
_LEVEL_TEXT = re.compile(
    r"\(?\s*(?:(?:level|lvl)\.?\s*)?([0-9]+)\s*(?:/\s*5\s*)?\)?", re.IGNORECASE
)
_SAID_LEVEL = re.compile(
    r"^(?P<name>.*?)(?<!\s)(?P<level>"  # `(?<!\s)`: a run of spaces is tried once, not at each
    r"\s*\(\s*(?:(?:level|lvl)\.?\s*)?[0-9]+\s*(?:/\s*5\s*)?\)"
    r"|(?:^|\s+)(?:level|lvl)\.?\s*[0-9]+(?:\s*/\s*5)?"
    r"|\s+[0-9]+\s*/\s*5"
    r"|\s+[0-9])$",
    re.IGNORECASE,
)
# A name that is only a number (`/skills add 4`) is a level that lost its skill.
_ONLY_A_NUMBER = re.compile(r"[0-9\s.,/+\-]+")


def parse_skill_items(text: str, *, slack: bool = False) -> list[SkillInput]:
    """`terraform:4, k8s, kubernets!:3` → skill inputs; a bad level is an error, not a guess.
    `slack`: the text is a command's, in Slack's format."""
    items: list[SkillInput] = []
    for part in (part.translate(_WIDE_LEVEL) for part in split_list(text)):
        shown = safe_text(part) if slack else part  # a command's answer is mrkdwn: `_echoed`
        if _RUN_ON.search(part):
            with_commas = _RUN_ON.sub(r"\1, ", shown)
            raise SkillsSyntaxError(
                f"{quoted(shown)} looks like several skills; put a comma between them: "
                f"`{with_commas}`."
            )
        name, level_text, force = _skill_part(part, slack=slack)
        if not name:
            raise SkillsSyntaxError(f"{quoted(shown)} has no skill name before the level.")
        if _ONLY_A_NUMBER.fullmatch(name):
            raise SkillsSyntaxError(
                f"{quoted(shown)}: a skill is named in words, not only a number, so nothing "
                "was saved: `terraform 4` is Terraform at level 4."
            )
        # `java 8`: a bare number read as a level may have been the name's
        bare = ":" not in part and level_text.isdigit()
        level = parse_level(level_text, shown, bare=bare) if level_text else None
        items.append(SkillInput(name, level, force))
    return items


def _skill_part(part: str, *, slack: bool, spaced: bool = True) -> tuple[str, str, bool]:
    """`kubernets!:3` → its name (as typed, unescaped), its level's text and whether `!`
    forces it new. Markup is refused whole, before a link's colon is taken for a level's.
    `spaced`: a level after a space (`terraform 4`) is read too; `remove` reads none, as
    `remove java 8` is Java 8, not Java."""
    if _LINK.search(part):
        plain_words(part, "a skill", slack=slack)
    emoji = _EMOJI_SKILL.match(part.strip())
    said = _SAID_LEVEL.match(part.strip()) if spaced else None
    if said and ":" in said.group("name") and not _EMOJI_SKILL.match(said.group("name")):
        said = None  # `terraform: 4` is `terraform:4`; `:snake: level 4` is the emoji's
    if said and said.group("level").strip().isdigit() and normalise_skill(part.strip()):
        said = None  # `java 8`, `bootstrap 4`: the number is a known skill's, not a level
    if emoji:  # `:snake:` is an emoji's name, not `:snake` at an empty level
        name, level_text = emoji.group(1), emoji.group(2) or ""
    elif said:  # `terraform 4`, `terraform level 4`, `terraform (4)`, `terraform 4/5`
        name, level_text = said.group("name"), said.group("level")
    elif ":" in part:  # `terraform:4`, `kubernetes level: 4`
        name, _, level_text = part.rpartition(":")
        name = re.sub(r"\s+(?:level|lvl)\.?$", "", name.strip(), flags=re.IGNORECASE)
    else:
        name, level_text = part, ""
    force = name.strip().endswith("!")
    name = name.strip().rstrip("!").strip()
    if name:
        name = plain_words(name, "a skill", slack=slack, longest=SKILL_NAME_CHARS)
    return name, level_text.strip(), force


def parse_level(text: str, context: str, *, bare: bool = False) -> int:
    """A level as people write it after a name: `4`, `level 4`, `lvl 4`, `(4)`, `4/5`. `bare`:
    a number after a name with a space alone, which may have been part of the name."""
    said = _LEVEL_TEXT.fullmatch(text.strip())
    if said is None or len(said.group(1)) > 1 or int(said.group(1)) not in LEVELS:
        named = " A number in a skill's name goes before its level: `java 8:4`." if bare else ""
        raise SkillsSyntaxError(
            f"{quoted(context)}: a level is a number from 1 (curious) to 5 (go-to expert), "
            f"so nothing was saved.{named}"
        )
    return int(said.group(1))


def parse_away(rest: str, today: date) -> date:
    until = until_date(rest, today)
    if until is None:
        missing = no_such_day(rest) or within_a_day(rest)
        if missing is not None:
            raise SkillsSyntaxError(missing)
        day = until_date(f"until {rest}", today)
        if day is not None and day >= today:
            if (latest := beyond_a_year(day, today)) is not None:
                raise AwayTooLong(latest)
            raise SkillsSyntaxError(_back_or_away(day, today))
        raise SkillsSyntaxError(
            f"I can't tell until when {_echoed(rest, True)} is: say {until_forms(today)}."
        )
    if until <= today and rest.strip().lower().startswith("for "):
        raise SkillsSyntaxError(
            f"{_echoed(' '.join(rest.split()), True)} is no time away: `for 1 day` is away "
            "today, back tomorrow."
        )
    if until <= today:
        raise SkillsSyntaxError(
            f"{until.isoformat()} is not in the future: `until` names the day you are back, "
            "so `until tomorrow` to be away today."
        )
    if (latest := beyond_a_year(until, today)) is not None:
        raise AwayTooLong(latest)
    return until


def _back_or_away(day: date, today: date) -> str:
    """What to type for a day named without `until` (`away friday`): it may be the day one is
    back or a day one is away, so each is given with its date."""
    after = day + timedelta(days=1)
    if day == today:
        return f"`until` names the day you are back: `/skills away until {after}` to be away today."
    return (
        f"Which is {day:%A} {day.day} {day:%b}? `/skills away until {day}` if you are back on "
        f"{day:%A}, `/skills away until {after}` if you are away all {day:%A}."
    )


def parse_network_entry(text: str, *, slack: bool = False) -> NetworkInput:
    """`@bob as personal` or `CNCF Slack about kubernetes, helm as functional`; `slack`: the
    text is a command's, in Slack's format."""
    if _NO_TOPICS.search(text.strip()):
        raise SkillsSyntaxError(
            "Say which topics after `about`, e.g. `CNCF Slack about kubernetes, helm as "
            "functional`; or leave `about` out."
        )
    match = _ENTRY.match(text.strip())
    if not match:
        raise SkillsSyntaxError(f"{_echoed(text, slack)} is not a network entry.")
    target = match.group("target").strip().strip(QUOTE_MARKS)
    relationship = match.group("rel").lower() if match.group("rel") else None
    if relationship is not None and relationship not in RELATIONSHIPS:
        raise SkillsSyntaxError(
            f"{_echoed(relationship, slack)} is not a relationship: use personal, functional or "
            "strategic."
        )
    if relationship is None:
        _refuse_unread_relationship(target, match.group("topics") or "")
    topics = tuple(
        plain_words(t, "a topic", slack=slack) for t in split_list(match.group("topics") or "")
    )
    user_id = only_mention(target)
    if user_id:
        return NetworkInput(colleague_user_id=user_id, topics=topics, relationship=relationship)
    if not target.lstrip("@"):  # a bare `@` names nobody either
        raise SkillsSyntaxError(f"{_echoed(text, slack)} names nobody.")
    if target.startswith("@") and " " not in target:
        return NetworkInput(colleague_handle=target[1:], topics=topics, relationship=relationship)
    return NetworkInput(
        contact_name=plain_words(target, "a contact", slack=slack, longest=CONTACT_NAME_CHARS),
        topics=topics,
        relationship=relationship,
    )


def _refuse_unread_relationship(target: str, topics: str) -> None:
    """An `as` after a colleague says a relationship, which would otherwise be read as part of
    a mention; so does a last `as` with nothing after it. Words after an `as` in an outside
    contact's name or a topic may be their own (`Rust as a Service`, `platform as a service`)."""
    for text, after_name in ((target, True), (topics, False)):
        said = _SAID_AS.match(text)
        if said is None:
            continue
        before = said.group("before").strip()
        rel = (said.group("rel") or "").strip()
        colleague = only_mention(before) or re.fullmatch(r"@\S+", before)
        if rel and not (after_name and colleague):
            continue
        if not rel:
            raise SkillsSyntaxError(
                "Say which relationship after `as`: personal, functional or strategic."
            )
        raise SkillsSyntaxError(
            f"{_echoed(rel, True)} is not a relationship: use personal, functional or strategic."
        )


def plain_words(text: str, what: str, *, slack: bool = False, longest: int | None = None) -> str:
    """Names the bot may show in a message are words: not markup (`<!channel>`, a mention, a
    link), which would act when shown, nor a typed `<` or `>`; and no `longest` than where
    they are kept holds. `slack`: `text` is in Slack's format, read as typed (`&lt;` is a
    `<`) and, refused, echoed through `safe_text` (`_echoed`)."""
    words = without_invisible(unescaped(text) if slack else text).strip()
    if not words:  # only characters that look like nothing (a soft hyphen, a zero-width space)
        raise SkillsSyntaxError(f"What you typed for {what} shows nothing: name it in words.")
    if "<" in words or ">" in words:
        if _MARKUP.search(words) or (slack and "<" in text):
            raise SkillsSyntaxError(
                f"{_echoed(text, slack)}: {what} is words, not a mention, @channel or a link."
            )
        signs = "`&lt;` or `&gt;`" if slack else "`<` or `>`"
        raise SkillsSyntaxError(
            f"{_echoed(text, slack)}: {what} can't hold {signs}; name it in words."
        )
    if longest is not None and len(words) > longest:
        raise SkillsSyntaxError(
            f"{_echoed(text, slack)} is {len(words):,} characters: {what} is {longest} at most."
        )
    return words


def _echoed(text: str, slack: bool) -> str:
    """What was typed, quoted in its refusal. A command's (answered in mrkdwn) through
    `safe_text`: Slack reads `<…>` as markup inside a code span too (its formatting docs
    exempt none), so a typed @channel echoed in backticks would ping the channel, and a typed
    backtick ended the span. A modal's or a file's is shown where nothing renders markup."""
    return quoted(clip(safe_text(text), QUOTED_CHARS)) if slack else quoted(text, QUOTED_CHARS)
