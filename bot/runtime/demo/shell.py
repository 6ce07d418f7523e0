"""The demo's line language: what a person types, turned into what they would do in Slack.

@alice: /kudos @bob thanks for the review #teamwork     a slash command, in #general
@carol: who knows terraform?                            a message in #general
@carol in #platform: anyone know helm?                  a message in another channel
@bob dm: hello                                          a direct message to the bot
@bob react :kudos:                                      a reaction on the last message in #general
@alice click Undo                                       a button the person can see
@alice shortcut give_kudos                              a message shortcut on the last message
@maria home                                             open the App Home tab
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.errors import UserError

DEFAULT_CHANNEL = "general"


@dataclass(frozen=True)
class Line:
    handle: str
    verb: str  # say | command | dm | react | click | shortcut | submit | home
    text: str = ""
    channel: str = DEFAULT_CHANNEL


_LINE = re.compile(
    r"^@(?P<handle>[a-z][a-z0-9._-]*)"
    r"(?:\s+in\s+#(?P<channel>[a-z0-9._-]+))?"
    r"(?:(?P<colon>\s*:)|\s+(?P<verb>dm:|(?:react|click|shortcut|submit|home)\b))\s*(?P<rest>.*)$"
)


class BadLine(UserError):
    """A demo line the shell cannot understand."""


def parse_line(raw: str) -> Line | None:
    """None for blank lines and `#` comments; a BadLine with a hint for anything unclear."""
    line = raw.strip()
    if not line or line.startswith("#"):
        return None
    match = _LINE.match(line)
    if match is None:
        raise BadLine(f"not understood: {line!r}; start with @name: (type `help` for examples)")
    handle, rest = match["handle"], match["rest"].strip()
    channel = match["channel"] or DEFAULT_CHANNEL
    verb = (match["verb"] or "").rstrip(":")
    if match["colon"]:
        if not rest:
            raise BadLine("say something after the colon")
        verb = "command" if rest.startswith("/") else "say"
    elif verb in ("react", "click", "shortcut", "submit") and not rest:
        raise BadLine(f"`{verb}` needs an argument, e.g. `@bob {verb} …`")
    return Line(handle=handle, verb=verb, text=rest, channel=channel)


def to_slack_text(text: str, users: Mapping[str, str]) -> str:
    """What Slack's client does to a typed `@name`: `<@U123|name>` for people it knows."""

    def mention(match: re.Match[str]) -> str:
        handle = match.group(1)
        return f"<@{users[handle]}|{handle}>" if handle in users else match.group(0)

    return re.sub(r"(?<![\w<])@([a-z][a-z0-9._-]*)", mention, text)
