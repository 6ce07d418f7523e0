"""The importer's people when Slack is not asked (`askaround import` without SLACK_BOT_TOKEN).

A row's `slack_id` is taken as given: the next sync, or the bot meeting the person, fills in
what Slack knows. A row with only an email is matched against the people the database
already has (synced, imported, or met by the bot); otherwise it is rejected as unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.errors import UserError
from bot.profile import SAID_NOTHING, Profile
from storage.people_import import people_profiles
from storage.workspace_settings import workspace_ids

if TYPE_CHECKING:
    from bot.services import Services


class DatabaseResolver:
    """A `UserResolver` answered from the workspace's people in the database."""

    nobody = "nobody askaround knows in this workspace"

    def __init__(self, team_id: str, profiles: Iterable[Profile]) -> None:
        self.team_id = team_id
        self._by_id = {profile.user_id: profile for profile in profiles}
        self._by_email = {
            profile.email.lower(): profile for profile in self._by_id.values() if profile.email
        }

    async def by_email(self, email: str) -> Profile | None:
        return self._by_email.get(email.lower())

    async def by_id(self, user_id: str) -> Profile | None:
        # An empty time zone keeps the one the person has (or the default for a new one).
        return self._by_id.get(user_id) or Profile(user_id, "", tz="", unsaid=SAID_NOTHING)


def _profile(
    user_id: str,
    name: str | None,
    real_name: str | None,
    email: str | None,
    tz: str | None,
    is_bot: bool | None,
    deactivated: bool | None,
) -> Profile:
    return Profile(
        user_id,
        name or "",
        real_name or "",
        email=email,
        tz=tz or "",
        is_bot=bool(is_bot),
        deactivated=bool(deactivated),
        unsaid=SAID_NOTHING,  # what the database has, not what Slack says now
    )


async def database_resolver(services: Services, team_id: str | None) -> DatabaseResolver:
    """The resolver for `team_id`, or for the one workspace the database knows."""
    async with services.sessions() as s:
        known = await workspace_ids(s)
        if not known:
            if team_id is not None:  # the first import: rows with a slack_id make the people
                return DatabaseResolver(team_id, [])
            raise UserError(
                "this database has no workspace yet: say which with --team T0123ABCD (each "
                "row then needs its slack_id), or set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
                "to look people up in Slack"
            )
        if team_id is None and len(known) == 1:
            team_id = known[0]
        if team_id is None or team_id not in known:
            listed = ", ".join(known) or "none yet"
            asked = f"no workspace {team_id} here" if team_id else "say which with --team"
            raise UserError(f"{asked} (this database has: {listed})")
        profiles = [_profile(*row) async for row in people_profiles(s, team_id)]
        return DatabaseResolver(team_id, profiles)
