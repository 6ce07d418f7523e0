"""Help text, kept once: Slack replies, the Home tab and the README are all checked against it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import mentions
from bot.safe_text import safe_text
from bot.words import first_word


@dataclass(frozen=True)
class Usage:
    example: str
    summary: str
    # As said in a workspace with no company values, where the usage names them.
    without_values: Usage | None = None

    def shown(self, *, has_values: bool) -> Usage:
        return self if has_values or self.without_values is None else self.without_values


_GIVE = "in public, or privately from a DM or private channel (Undo works for 5 minutes)."
_PERIODS = "The leaderboard for this or last week, month, quarter or year, or all time"


SLASH_COMMANDS: dict[str, tuple[Usage, ...]] = {
    "/askaround": (
        Usage("/askaround help", "Show what askaround can do and how to use it."),
        Usage(
            "/askaround insights",
            "Managers (your org), and Slack's workspace admins and owners and people with the "
            "`admin` role (everyone): knowledge risks, connectors, silos and a picture of help "
            "between teams.",
        ),
        Usage(
            "/askaround settings",
            "Admins: change company values, kudos allowances, channels and digests (who changed "
            "what: *Settings changes* on the Home tab).",
        ),
    ),
    "/ask": (
        Usage(
            "/ask how do we rotate the postgres credentials?",
            "Ask: I show solved questions like it, then ask colleagues who know, privately.",
        ),
        Usage("/ask mine", "List your open questions."),
        Usage("/ask withdraw 12", "Withdraw one of your questions."),
        Usage(
            "/ask watch",
            "Admins: offer help on questions in this public channel (invite me first).",
        ),
        Usage("/ask unwatch", "Admins: stop watching this channel."),
        Usage("/ask help", "Show these /ask commands."),
    ),
    "/skills": (
        Usage("/skills", "Show your profile: skills, status and network."),
        Usage("/skills @colleague", "Show a colleague's skills and status."),
        Usage(
            "/skills add terraform:4, k8s, postgres:2",
            "Declare skills with a level from 1 (curious) to 5 (go-to expert); 3 if omitted.",
        ),
        Usage("/skills remove terraform", "Remove skills from your profile."),
        Usage("/skills who kubernetes", "List who knows a topic, best first, with their status."),
        Usage(
            "/skills interests rust, data viz",
            "Set what you would like to learn about (`none` clears; alone, shows them).",
        ),
        Usage(
            "/skills away until next friday",
            "Pause questions to you until a day, a year ahead at most: `until YYYY-MM-DD`, "
            "`until tomorrow`, `until friday`, `until 24 dec` or `for 2 weeks`.",
        ),
        Usage("/skills back", "Take questions again (guests of the workspace are never asked)."),
        Usage("/skills optout", "Stop questions being routed to you."),
        Usage(
            "/skills network add @bob as personal",
            "Add a colleague you know well (personal, functional or strategic).",
        ),
        Usage(
            "/skills network add CNCF Slack about kubernetes, helm as functional",
            "Add an outside contact or community and the topics it covers.",
        ),
        Usage("/skills network remove CNCF Slack", "Remove an entry from your network."),
        Usage(
            "/skills forget me",
            "Delete your skills, interests and network (title, team, opt-out and kudos stay).",
        ),
        Usage("/skills help", "Show these /skills commands."),
    ),
    "/kudos": (
        Usage(
            "/kudos @ana @ben for untangling the release #teamwork",
            f"Thank colleagues, tagged with company values: {_GIVE}",
            Usage("/kudos @ana @ben for untangling the release", f"Thank colleagues: {_GIVE}"),
        ),
        Usage(
            "/kudos top month #craft",
            f"{_PERIODS}, optionally one value.",
            Usage("/kudos top month", f"{_PERIODS}."),
        ),
        Usage("/kudos me", "Your kudos received and given, top values, streak, recent reasons."),
        Usage(
            "/kudos @someone",
            "What a colleague was thanked for (public, or between you two), and how to thank them.",
        ),
        Usage(
            "/kudos report last week @maria",
            "Managers: your team's shout-outs, helpers and trends for a week (this week, "
            "last week, 2026-W47, or W47: the latest week 47); Slack's workspace admins and "
            "owners and people with the `admin` role: anyone's.",
        ),
        Usage("/kudos help", "Show these /kudos commands."),
    ),
}

INTRO = "I find colleagues who know about something, and help you thank the people who helped."


def usages() -> list[Usage]:
    return [usage for command in SLASH_COMMANDS.values() for usage in command]


def help_lines(command: str | None = None, *, has_values: bool = True) -> list[str]:
    """One line per usage (of one command, or all), as shown in Slack and in the README;
    `has_values`: whether the workspace has company values for kudos to name."""
    chosen = SLASH_COMMANDS[command] if command else usages()
    shown = (u.shown(has_values=has_values) for u in chosen)
    return [f"`{u.example}`: {u.summary}" for u in shown]


# The words after `/ask` that are commands, each with what may follow it; anything else is a
# question ("help me size the new postgres replicas", "watch out for what in 16?"). Up to two
# words more are still the command ("watch this channel", "mine please").
_FEW_WORDS = r"(?:\S+(?:\s+\S+)?)?"
ASK_SUBCOMMANDS = {
    "help": _FEW_WORDS,
    "mine": _FEW_WORDS,
    "withdraw": ".*",  # a bad number gets withdraw's own hint
    "watch": _FEW_WORDS,
    "unwatch": _FEW_WORDS,
}


# The other commands read no question, so a near miss of their words is told as one with what
# follows it when that is what the word takes (`/kudos tpo month`, `/skills ad terraform`);
# `/kudos to @bob …` is no near miss of `top`: a period or a #value follows `top`.
_PERIOD = r"(?:(?:(?:this|last)\s+)?(?:week|month|quarter|year)|all(?:\s+time)?)"
_VALUE = r"#\S+"
KUDOS_SUBCOMMANDS = {
    "help": "",
    "me": "",
    "top": rf"(?:{_PERIOD}|{_VALUE})?(?:\s+(?:{_PERIOD}|{_VALUE}))?",
    "report": r"(?:(?:this|last)\s+week|\d{4}-?W\d{1,2})?(?:\s*<@[^>]+>)?",
}
SKILLS_SUBCOMMANDS = {
    "help": "",
    "add": ".+",
    "remove": ".+",
    "who": ".+",
    "interests": ".*",
    "away": ".*",
    "back": "",
    "optout": "",
    "network": r"(?:add|remove)\b.*",
    "forget": "me",
}
ASKAROUND_SUBCOMMANDS = {"help": "", "insights": "", "settings": "(?i:show)?"}
# The command line's commands an admin who read the README's setup types in Slack: each as
# it is typed where askaround is deployed, and what it does.
COMMAND_LINE_ONLY = {
    "import": (
        "askaround import people FILE.csv",
        "it sets each person's manager, team, title and skills from a CSV or YAML file, as "
        "Slack knows no org chart",
    ),
    "sync": (
        "askaround sync",
        "it reads everyone's name and time zone, and who left, from Slack now (I do it daily too)",
    ),
}


def command_line_only(word: str, *, admin: bool) -> str:
    """What `/askaround import …` or `/askaround sync` (`word`, of `COMMAND_LINE_ONLY`) typed
    in Slack is told, by whether the typer is an askaround admin."""
    command, does = COMMAND_LINE_ONLY[word]
    where = "at the command line where askaround is deployed"
    if not admin:
        return f"Only askaround admins run `{command}`, {where}: {does}."
    return f"`{command}` is typed {where}, not in Slack: {does}."


# Each of `SLASH_COMMANDS`' subcommands, by command.
SUBCOMMANDS = {
    "/ask": ASK_SUBCOMMANDS,
    "/kudos": KUDOS_SUBCOMMANDS,
    "/skills": SKILLS_SUBCOMMANDS,
    "/askaround": ASKAROUND_SUBCOMMANDS,
}


def subcommand(text: str, subcommands: dict[str, str]) -> str | None:
    """Which of `subcommands` `text` is: its first word, followed by what that one takes."""
    word, rest = first_word(text)
    follows = subcommands.get(word.lower())
    return word.lower() if follows is not None and re.fullmatch(follows, rest) else None


def meant_subcommand(
    text: str, subcommands: dict[str, str], *, questions: bool = True
) -> str | None:
    """The subcommand `text` most likely mistypes, as it would be typed: its first word one
    letter off one of `subcommands` (two in a word of six letters or more), alone or with a
    number that one takes; None when it is no near miss. A command that reads no `questions`
    (any text that is not a subcommand is one, for `/ask`) takes whatever that one takes."""
    from rapidfuzz.distance import OSA  # loaded by the first mistyped command, not at start

    word, rest = first_word(text)
    word = word.lower()
    for name, follows in subcommands.items():
        near = OSA.distance(word, name) <= (2 if len(name) >= 6 else 1)
        number = re.fullmatch(r"#?[0-9]{1,9}", rest) and re.fullmatch(follows, rest)
        said = not questions and re.fullmatch(follows, rest, re.IGNORECASE | re.DOTALL)
        takes = rest == "" or number or said
        if word != name and near and takes:
            return f"{name} {rest}".strip()
    return None


def did_you_mean(
    command: str, text: str, subcommands: dict[str, str], *, questions: bool = False
) -> str | None:
    """What to say of a mistyped subcommand of `command` (`meant_subcommand`), or None.

    The rest of the line is quoted through `safe_text`, as every echo of typed text is: a
    broadcast or user group reads as a word, a link shows its address. A person stays a
    mention: the answer is the typer's alone, so it notifies nobody, and the suggestion
    pasted back names the same person (`/kudos report last week @maria`)."""
    meant = meant_subcommand(text, subcommands, questions=questions)
    if meant is None:
        return None
    shown = safe_text(meant, keep=mentions.people(meant))
    return f"Did you mean `{command} {shown}`? `{command} help` lists the {command} commands."
