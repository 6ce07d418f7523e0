"""Which workspace a command that reads the database alone is about (`settings`, `report
network`): the one named with --team, or the only one the database has. Slack's workspace ids
are upper case; one typed in any case (`t0123abcd`) is read as Slack writes it."""

from __future__ import annotations

import re

from bot.errors import AskaroundError
from bot.runtime.cli.failures import UsageError
from bot.safe_text import quoted

TEAM_ID = re.compile(r"[TE][A-Z0-9]{1,31}")


def checked_team_id(text: str) -> str:
    """A workspace id as typed (in any case), or one line saying it is none."""
    team_id = as_slack_writes(text)
    if not TEAM_ID.fullmatch(team_id):
        raise UsageError(
            f"{quoted(text.strip(), one_line=True)} is not a Slack workspace id "
            "(they look like T0123ABCD)"
        )
    return team_id


def choose_workspace(asked: str | None, known: list[str]) -> str:
    """`asked` when the database has it, else the only workspace; one line saying why not."""
    if not known:
        raise AskaroundError(
            "this database has no workspace yet: one is added when askaround is installed "
            "there and used, or by `askaround sync` or `askaround import people`"
        )
    if asked:
        asked = as_slack_writes(asked)
        if asked not in known:
            raise not_here(asked, known)
        return asked
    if len(known) != 1:
        listed = ", ".join(known)
        raise AskaroundError(f"say which workspace with --team (this database has: {listed})")
    return known[0]


def not_here(asked: str, known: list[str]) -> AskaroundError:
    """The line for a workspace id the database does not have, with the ones it does."""
    has = ", ".join(known) if known else "none"
    return AskaroundError(f"no workspace {asked} in this database (it has: {has})")


def as_slack_writes(team_id: str) -> str:
    return team_id.strip().upper()
