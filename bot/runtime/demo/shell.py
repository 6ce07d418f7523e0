"""The demo's line language: what a person types, turned into what they would do in Slack.

@alice: /kudos @bob thanks for the review #teamwork     a slash command, in #general
@carol: who knows terraform?                            a message in #general
@carol in #platform: anyone know helm?                  a message in another channel
@bob dm: hello                                          a direct message to the bot
@dev reply: run terraform force-unlock                  a reply in the thread of the last
                                                        message by someone else in #general
@bob react :kudos:                                      a reaction on the last message by someone
                                                        else in #general
@alice click Undo                                       a button the person can see
@dev pick Suggest someone @bob                          a menu the person can see: a person
                                                        in it, or `Menu=option` for an option
@alice shortcut give_kudos on last                      a message shortcut on the last message by
                                                        someone else
@maria home                                             open the App Home tab
wait 2 hours                                            let time pass for the bot (minutes,
                                                        hours, days, weeks or months; `an hour`)
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.errors import UserError
from bot.safe_text import quoted
from bot.words import count_in

DEFAULT_CHANNEL = "general"


@dataclass(frozen=True)
class Line:
    handle: str
    verb: str  # say | command | dm | reply | react | click | pick | shortcut | submit | home | wait
    text: str = ""
    channel: str = DEFAULT_CHANNEL


_VERBS = ("react", "click", "pick", "shortcut", "submit", "home")
# A handle is a letter, then letters, digits, `.`, `_` or `-` (an accent is a letter too).
_HANDLE = r"[^\W\d_][\w.-]*"
_LINE = re.compile(
    rf"^@(?P<handle>{_HANDLE})"
    r"(?:\s+in\s+#(?P<channel>[a-z0-9._-]+))?"
    rf"(?:(?P<colon>\s*:)|\s+(?P<verb>dm:|reply:|(?:{'|'.join(_VERBS)})\b))\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# `@alice /kudos …` (no colon) and `alice: hi` (no @): what was meant is plain.
_NO_COLON = re.compile(rf"^@{_HANDLE}(?:\s+in\s+#[a-z0-9._-]+)?(?=\s+\S)", re.IGNORECASE)
_NO_AT = re.compile(rf"^{_HANDLE}(?:\s+in\s+#[a-z0-9._-]+)?\s*:", re.IGNORECASE)
# `45 minutes`, `45m`, `an hour`, `for two days`, `1 month`: a number in digits or a word.
_WAIT = re.compile(
    r"^(?:for\s+)?(?:(?P<n>[0-9]+)\s*|(?P<word>[a-z]+)\s+)(?P<unit>[a-z]+)\.?$", re.IGNORECASE
)
_UNITS = {
    **dict.fromkeys(["m", "min", "minute"], "minutes"),
    **dict.fromkeys(["h", "hr", "hour"], "hours"),
    **dict.fromkeys(["d", "day"], "days"),
    **dict.fromkeys(["w", "week"], "weeks"),
    **dict.fromkeys(["mo", "month"], "months"),
}
WAIT_HINT = (
    "say how long, in minutes, hours, days, weeks or months: `wait 45 minutes`, "
    "`wait an hour`, `wait 7 days` or `wait 1 month`"
)


class BadLine(UserError):
    """A demo line the shell cannot understand."""


def parse_line(raw: str) -> Line | None:
    """None for blank lines and `#` comments; a BadLine with a hint for anything unclear."""
    line = raw.strip()
    if not line or line.startswith("#"):
        return None
    if line.split(maxsplit=1)[0].lower() == "wait":
        _duration(line[4:])
        return Line(handle="", verb="wait", text=line[4:].strip())
    match = _LINE.match(line)
    if match is None:
        raise BadLine(f"not understood: {quoted(line, one_line=True)}; {_meant(line)}")
    handle, rest = match["handle"].lower(), match["rest"].strip()
    channel = (match["channel"] or DEFAULT_CHANNEL).lower()
    verb = (match["verb"] or "").rstrip(":")
    if match["colon"]:
        if not rest:
            raise BadLine("say something after the colon")
        verb = "command" if rest.startswith("/") else "say"
    elif verb in ("dm", "reply") and not rest:  # Slack sends no empty message
        raise BadLine(f"say something after `{verb}:`")
    elif verb in ("react", "click", "pick", "shortcut", "submit") and not rest:
        raise BadLine(f"`{verb}` needs an argument, e.g. `@bob {verb} …`")
    return Line(handle=handle, verb=verb, text=rest, channel=channel)


def _meant(typed: str) -> str:
    line = " ".join(typed.split())
    if found := _NO_COLON.match(line):
        word, _, rest = line[found.end() :].strip().partition(" ")
        verbs = [*_VERBS, "dm:", "reply:"]
        if verb := difflib.get_close_matches(word.lower(), verbs, n=1, cutoff=0.7):
            return f"did you mean `{' '.join(filter(None, [found.group(0), *verb, rest]))}`?"
        return f"did you mean `{found.group(0)}:{line[found.end() :]}`? (`help` lists the rest)"
    if _NO_AT.match(line):
        return f"did you mean `@{line}`?"
    return "start with @name: (type `help` for examples)"


def wait_for(text: str, now: datetime) -> timedelta:
    """How long `text` (see `_WAIT`) is from `now`: a month is to the same day of the next
    (its last, where it has fewer days), so `wait 1 month` always passes a 1st."""
    count, unit = _duration(text)
    if unit != "months":
        return timedelta(**{unit: count})
    year, month = divmod(now.month - 1 + count, 12)
    year += now.year
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day) - now


def _duration(text: str) -> tuple[int, str]:
    """The count and the unit (`timedelta`'s name, or `months`) of `text`; a BadLine naming
    what is taken, for anything else."""
    found = _WAIT.match(text.strip())
    if found is None:
        raise BadLine(WAIT_HINT)
    count = count_in(found["n"] or found["word"]) or 0
    unit = _UNITS.get(found["unit"].lower().removesuffix("s"))
    if unit is None or not 0 < count <= 1000:
        raise BadLine(WAIT_HINT)
    return count, unit


def to_slack_text(text: str, users: Mapping[str, str]) -> str:
    """What Slack's client does to a typed `@name`: `<@U123|name>` for people it knows
    (whatever the case: Slack's picker offers @bob for `@Bob`), and `<!here>` for `@here`,
    `@channel` and `@everyone`."""

    def mention(match: re.Match[str]) -> str:
        handle = match.group(1).lower()
        if handle in users:
            return f"<@{users[handle]}|{handle}>"
        return f"<!{handle}>" if handle in ("here", "channel", "everyone") else match.group(0)

    return re.sub(r"(?<![\w<])@([a-z][a-z0-9._-]*)", mention, text, flags=re.IGNORECASE)
