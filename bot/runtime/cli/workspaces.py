"""Which workspace a command that reads the database alone is about (`settings`, `report
network`): the one named with --team, or the only one the database has. Slack's workspace ids
are upper case; one typed in any case (`t0123abcd`) is read as Slack writes it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from bot.errors import AskaroundError
from bot.runtime.cli.failures import UsageError
from bot.safe_text import quoted

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

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


async def chosen_workspace(session: AsyncSession, asked: str | None) -> str:
    """`choose_workspace` among the workspaces the database knows, by their names too."""
    from storage.installations import installed_names
    from storage.workspace_settings import workspace_ids

    return choose_workspace(asked, await workspace_ids(session), await installed_names(session))


def choose_workspace(asked: str | None, known: list[str], names: Mapping[str, str]) -> str:
    """`asked` when the database has it, else the only workspace; one line saying why not,
    listing the workspaces by `names` (Slack's, from their installs) and ids."""
    if not known:
        raise AskaroundError(
            "this database has no workspace yet: one is added when askaround is installed "
            "there and used, or by `askaround sync` or `askaround import people`"
        )
    if asked:
        asked = as_slack_writes(asked)
        if asked not in known:
            raise not_here(asked, known, names)
        return asked
    if len(known) != 1:
        raise AskaroundError(
            f"say which workspace with --team (this database has: {named(known, names)})"
        )
    return known[0]


def not_here(asked: str, known: list[str], names: Mapping[str, str]) -> AskaroundError:
    """The line for a workspace id the database does not have, with the ones it does."""
    has = named(known, names) if known else "none"
    return AskaroundError(f"no workspace {asked} in this database (it has: {has})")


def named(team_ids: Iterable[str], names: Mapping[str, str]) -> str:
    """Workspaces as an admin knows them, “Acme” (T0123ABCD), and by id alone where no
    install named them (token mode keeps no name)."""
    return ", ".join(
        f"{quoted(names[team], one_line=True)} ({team})" if names.get(team) else team
        for team in team_ids
    )


def token_is_for(asked: str | None, token_team: str) -> None:
    """--team, when given with SLACK_BOT_TOKEN, names the workspace the token is for."""
    if asked and asked != token_team:
        raise AskaroundError(f"--team {asked}: SLACK_BOT_TOKEN is for {token_team}")


def as_slack_writes(team_id: str) -> str:
    return team_id.strip().upper()
