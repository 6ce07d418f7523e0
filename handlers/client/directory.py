"""Slack's side of the directory: a person as `users.info` describes them, and whether they
are of this workspace (`member_elsewhere`); `users.list` for the daily sync,
`users.lookupByEmail` for imports. The client retries on HTTP 429 after Slack's
`Retry-After`, so a large workspace is paged through at the pace Slack allows.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.directory.sync import SyncReport
from bot.errors import NO_LONGER_MEMBER, ConfigError, KudosNotAMember, KudosRefused, NotAMember
from bot.people import gone
from bot.profile import MembershipUnsaid, Profile
from bot.questions.results import AskRequest
from bot.services import Services
from bot.settings import Settings
from bot.timezone import from_slack
from handlers.client.failures import error_code, is_transient

# Slack describes Slackbot as a person (`is_bot: false`); it is a bot all the same.
SLACKBOT = "USLACKBOT"
# users.info's answer for an id that names nobody Slack will describe to the bot.
NOBODY = frozenset({"user_not_found", "users_not_found", "user_not_visible"})
PAGE_SIZE = 200
LARGE_PAGE = 1000  # users.list's largest page
RATE_LIMIT_RETRIES = 5

ONLY_MEMBERS = (
    "I'm only for the people of the workspace that installed me, and you're a guest here from "
    "another organisation."
)
# For someone Slack will not describe (`described` is None) whom askaround never stored: a
# member of another organisation may be answered so, and is not to see this workspace.
UNSAID_MEMBER = (
    "I'm only for the people of the workspace that installed me, and Slack won't tell me "
    "whether you're one of them, so I can't do that for you."
)
# What someone acting (`lookup_profiles`: the giver, the reactor) is told when Slack describes
# them as a guest from another organisation.
GUEST_GIVES = (
    "Kudos here are only between people of the workspace that installed me, and you're a "
    "guest here from another organisation, so I can't record kudos from you."
)


def profile_from_slack(user: dict[str, Any]) -> Profile:
    """Parse a `users.info` / `users.list` member into the domain's Profile."""
    profile = user.get("profile") or {}
    return Profile(
        user_id=user["id"],
        # Blank names are no names: who is shown falls back to the next (handle, then id).
        name=(user.get("name") or "").strip(),
        real_name=(user.get("real_name") or profile.get("real_name") or "").strip(),
        email=profile.get("email") or None,  # a blank one is none
        # Interned: a workspace's people share a few zones, each read as a string a person.
        tz=sys.intern(from_slack(user.get("tz"), user.get("tz_offset"))),
        is_bot=bool(user.get("is_bot")) or user["id"] == SLACKBOT,
        deactivated=bool(user.get("deleted")),
        is_guest=is_guest(user),
        updated=int(user.get("updated") or 0),
        unsaid=_unsaid(user),
    )


def _unsaid(user: dict[str, Any]) -> frozenset[str]:
    """The fields Slack left out (all of them, for someone `described` knows by id alone; an
    email, without the scope to read it): what askaround knows of them stays as it is."""
    profile = user.get("profile") or {}
    said = {
        "name": "name" in user,
        "real_name": "real_name" in user or "real_name" in profile,
        "email": "email" in profile,
        "tz": "tz" in user or "tz_offset" in user,
        "is_bot": "is_bot" in user or user["id"] == SLACKBOT,
        "deactivated": "deleted" in user,
        "is_guest": not guest_unsaid(user),
        "updated": "updated" in user,
    }
    unsaid = frozenset(field for field, given in said.items() if not given)
    # One set for everyone alike: a sync of 10,000 people held 10,000 equal sets (2.1 MiB).
    return _UNSAID.setdefault(unsaid, unsaid)


_UNSAID: dict[frozenset[str], frozenset[str]] = {}  # at most one per subset of 8 fields


def is_guest(user: dict[str, Any]) -> bool:
    """Single-channel guests are `is_ultra_restricted` and `is_restricted` both. Someone Slack
    says nothing of either way (known by id alone, `described`; a leaner answer) is kept as a
    guest is, seeing only what they took part in, until Slack says otherwise: a guest taken
    for a member would read public channels they were never invited to."""
    if guest_unsaid(user):
        return True
    return bool(user.get("is_restricted") or user.get("is_ultra_restricted"))


def member_elsewhere(user: dict[str, Any], context_team: str) -> bool:
    """Whether a user object from Slack (`users.info`, `user_change`) is a guest from another
    organisation: their home team (`home_of`) is not the workspace that installed the app. A
    slash command and a reaction name no home team for the person, so kudos asks Slack for
    their profile and this decides."""
    return home_of(user, context_team) is not None


def home_of(user: dict[str, Any], context_team: str) -> str | None:
    """The home workspace of someone Slack describes (`users.info`, `user_change`) when it is
    not `context_team`: their `team_id`, or the profile's `team`; None when they are of
    `context_team`. A user object naming no team is taken as this workspace's, as Slack's own
    members always name it. In an Enterprise Grid org a member's `team_id` may be another
    workspace of the org; `enterprise_user.teams` lists every workspace they are in."""
    grid = user.get("enterprise_user") or {}
    if context_team in (grid.get("teams") or ()):
        return None  # an Enterprise Grid member of this workspace, whose home is another
    home = user.get("team_id") or (user.get("profile") or {}).get("team")
    return str(home) if home and home != context_team else None


def removed_from(user: dict[str, Any], context_team: str) -> bool:
    """Whether a user object (`user_change`) names a member of an Enterprise Grid org who is
    not in `context_team`: `enterprise_user.teams`, every workspace of the org they are in,
    leaves it out, as once an admin removed them from it. A member of another Grid org (Slack
    Connect) is described so too: only someone askaround stored, its own, has left."""
    teams = (user.get("enterprise_user") or {}).get("teams")
    return isinstance(teams, list) and context_team not in teams


def named_elsewhere(user_id: str, ours: bool = False) -> str:
    """What someone is told of a member of another organisation (Slack Connect) they named,
    or, `ours`, of a member of another workspace of this one's Enterprise Grid organisation
    (`of_other_workspace`): whatever the command, askaround knows nothing of them to show or
    ask."""
    if ours:
        return f"{in_other_workspace(user_id)}: I only know this workspace's people here."
    return (
        f"<@{user_id}> is a guest here from another organisation: I only know the people of "
        "the workspace that installed me."
    )


def in_other_workspace(user_id: str) -> str:
    """The start of what is said of a colleague of the organisation not in this workspace."""
    return f"<@{user_id}> is in another of your organisation's workspaces, not this one"


def grid_organisation(user: dict[str, Any]) -> str | None:
    """The Enterprise Grid organisation Slack describes someone as a member of, if any."""
    org = (user.get("enterprise_user") or {}).get("enterprise_id")
    return str(org) if org else None


def cant_find(user_id: str) -> str:
    """What someone is told of a mention Slack says is nobody's (`described` is None)."""
    return f"I can't find <@{user_id}> in this workspace."


async def described(client: AsyncWebClient, user_id: str) -> dict[str, Any] | None:
    """users.info's user; None when Slack says nobody has that id. A Slack that will not say
    (one without users.info, which answers `unknown_method` or HTTP 404; a missing scope)
    knows them by their id alone, as the request that named them did: what they came to do
    goes on without their name or time zone, rather than telling them they do not exist.
    A transient failure raises."""
    try:
        user: dict[str, Any] = (await client.users_info(user=user_id))["user"]
    except SlackApiError as error:
        if is_transient(error):
            raise
        return None if error_code(error) in NOBODY else {"id": user_id}
    return user


async def membership_unsaid(client: AsyncWebClient, user_ids: list[str]) -> MembershipUnsaid | None:
    """Whether Slack, asked now, leaves unsaid whether any of these people (kept as guests,
    so not asked) is a member: "refused" when it would not describe them (no users.info, or
    not with this install's permissions), "left_out" when it described them without saying;
    None when it says of each (a guest is one), or nobody was left out."""
    said: set[MembershipUnsaid] = set()
    for user_id in user_ids:
        user = await described(client, user_id)
        if user is not None and guest_unsaid(user):
            said.add("refused" if set(user) == {"id"} else "left_out")
    return "refused" if "refused" in said else "left_out" if said else None


def guest_unsaid(user: dict[str, Any]) -> bool:
    """Slack did not say whether this person is a guest: `described` knows them by id alone,
    or the answer left `is_restricted` out (a leaner Slack may)."""
    return "is_restricted" not in user and not (
        user.get("deleted") or user.get("is_bot") or user["id"] == SLACKBOT
    )


async def stored_profile(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str
) -> Profile | None:
    """Someone as stored from Slack within a day, else as `users.info` says now (stored
    then): what askaround shows them or asks of them depends on it (a guest of the
    workspace, `bot.visibility`); what Slack will not say now is as askaround knew it, and
    someone Slack never described is kept as a guest is (`PeopleService.remember`). None
    when Slack describes nobody by that id, or a member of another organisation."""
    known = (await services.people.known(team_id, {user_id})).get(user_id)
    if known is not None:
        return known
    return await profile_now(client, services, team_id, user_id)


async def profile_now(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str
) -> Profile | None:
    """Someone as `users.info` says now, stored then, whatever askaround stored before (one
    Slack says has left); None, and nothing stored, as for `stored_profile`."""
    return await _stored_if_ours(services, team_id, await described(client, user_id))


async def _stored_if_ours(
    services: Services, team_id: str, user: dict[str, Any] | None
) -> Profile | None:
    """Slack's description of someone, stored when they are of this workspace: a member of
    another organisation (Slack Connect) is never stored (`member_elsewhere`)."""
    if user is None or member_elsewhere(user, team_id):
        return None
    [found] = await services.people.remember(team_id, profile_from_slack(user))
    return found


async def ours(services: Services, team_id: str, user: dict[str, Any]) -> bool:
    """Whether someone Slack has just described is a person of this workspace."""
    if not member_elsewhere(user, team_id):
        return True
    known = (await services.people.known(team_id, {str(user["id"])})).get(str(user["id"]))
    return known is not None and not gone(known)


async def lookup_profile(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str, *, acting: bool = True
) -> Profile:
    """The person as askaround knows them (bot? deactivated? time zone?), asking Slack only
    about someone it does not know yet or has not heard of for a day; `acting` when they are
    the one doing this (`lookup_profiles`), not someone they named."""
    [profile] = await lookup_profiles(client, services, team_id, [user_id], acting=acting)
    return profile


async def lookup_profiles(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    user_ids: list[str],
    before_asking: Callable[[], Awaitable[None]] | None = None,
    *,
    acting: bool = True,
    elsewhere: Callable[[str, bool], str] = named_elsewhere,
    read: dict[str, Profile] | None = None,
) -> list[Profile]:
    """These people in order: known ones as stored (kept current by `user_change` and
    `team_join`), the others from `users.info`, one call each, stored in one write;
    `before_asking` runs before any call (it may refuse). With `acting`, the first is the
    one acting (the giver, the reactor); else each was named by whoever acts. Only this
    workspace's people are stored: a guest from another organisation (Slack Connect), whose
    profile names their home team, is refused, the one acting as `GUEST_GIVES`, anyone else
    by name in words about what was done with them (`elsewhere`: kudos to them, or naming
    them at all; told, too, whether they are of this workspace's Enterprise Grid
    organisation, in another of its workspaces); such a guest is never stored, so a known
    person is always this workspace's. `read`: what askaround knows of them, read already
    (`give_to_people`)."""
    known = dict(read) if read is not None else await services.people.known(team_id, set(user_ids))
    unknown = [u for u in dict.fromkeys(user_ids) if u not in known]
    if unknown:
        if before_asking is not None:
            await before_asking()
        found = await asyncio.gather(
            *(_users_info(client, team_id, u, acting=acting and u == user_ids[0]) for u in unknown)
        )
        members = await services.people.remember(
            team_id, *(p for p in found if isinstance(p, Profile))
        )
        known.update((profile.user_id, profile) for profile in members)
        guests = [(u, p) for u, p in zip(unknown, found, strict=True) if not isinstance(p, Profile)]
        if guests:
            they_act = acting and user_ids[0] in dict(guests)
            if they_act:
                raise KudosNotAMember(GUEST_GIVES, "recipients")
            guest, org = guests[0]
            ours = org is not None and org == await services.installations.enterprise_of(team_id)
            raise KudosRefused(elsewhere(guest, ours), "recipients")
    if acting and user_ids and gone(known[user_ids[0]]):
        raise KudosNotAMember(NO_LONGER_MEMBER, "recipients")
    return [known[u] for u in user_ids]


async def _users_info(
    client: AsyncWebClient, team_id: str, user_id: str, *, acting: bool
) -> Profile | str | None:
    """The person as Slack describes them; for a guest from another organisation, or a
    member of another workspace of this one's Grid organisation, not a profile but the
    Grid organisation Slack names them of (`grid_organisation`), None outside one. One
    acting whom Slack will not describe may be such a guest, and is refused as not known to
    be a member (`UNSAID_MEMBER`); anyone else so is nobody Slack can find."""
    user = await described(client, user_id)
    if user is None:
        if acting:
            raise KudosNotAMember(UNSAID_MEMBER, "recipients")
        raise KudosRefused(cant_find(user_id), "recipients")
    if member_elsewhere(user, team_id):
        return grid_organisation(user)
    return profile_from_slack(user)


async def members_only(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    user_id: str,
    elsewhere: str = ONLY_MEMBERS,
    *,
    keep: bool = True,
) -> Profile:
    """Refuse anyone not known to be a person of this workspace, before a command shows them
    anything of it (who knows what, its people, its reports) or stores anything of them. A
    slash command names no home team for who typed it, so only Slack's profile tells: a
    member of another organisation (Slack Connect, `member_elsewhere`) is told `elsewhere`.
    Someone askaround never stored whom Slack will not describe (`described` is None) cannot
    be told apart from one, and is refused too (`UNSAID_MEMBER`); one it stored is its own
    (it stores only its own people), out of the bot's sight since, until they leave it
    (`bot.people.gone`: deactivated, or removed by their Enterprise Grid organisation, which
    keeps them in its other workspaces; `NO_LONGER_MEMBER`). Slack is
    asked only about someone not stored within a day; a transient failure raises. A refusal
    is `NotAMember`: the request's words are not kept, even in the inbox. Without `keep`, a
    member Slack has just described is not stored either (a form that only opens: its
    submission looks them up itself). A member is returned as askaround knows them: what a
    caller needs of them besides (their time zone) is read once."""
    if (known := (await services.people.known(team_id, {user_id})).get(user_id)) is not None:
        return still_here(known)
    user = await described(client, user_id)
    if user is None:
        if (before := await services.people.described_before(team_id, user_id)) is not None:
            return still_here(before)
        raise NotAMember(UNSAID_MEMBER)
    if member_elsewhere(user, team_id):
        raise NotAMember(elsewhere)
    profile = profile_from_slack(user)
    if keep:
        [profile] = await services.people.remember(team_id, profile)
    return profile


def still_here(person: Profile) -> Profile:
    """`person`, refused (`NotAMember`) once they left the workspace (`gone`)."""
    if gone(person):
        raise NotAMember(NO_LONGER_MEMBER)
    return person


async def describe_asker(
    client: AsyncWebClient, services: Services, request: AskRequest, elsewhere: str
) -> None:
    """`members_only` for who asks, before the solved questions they may see are chosen (a
    guest of the workspace sees fewer, `bot.visibility`)."""
    await members_only(client, services, request.team_id, request.asker_user_id, elsewhere)


def _quiet(_count: int) -> None:
    """The daily job reports no progress."""


def directory_client(settings: Settings, token: str | None = None) -> AsyncWebClient:
    """A Web API client built from settings that waits out rate limits instead of failing.

    The admin commands act on one workspace: with `token`, the one its installation keeps
    (`askaround sync --team` with OAuth); else, in OAuth mode too, SLACK_BOT_TOKEN's."""
    token = token or settings.bot_token
    if not token:
        raise ConfigError(
            "SLACK_BOT_TOKEN",
            "is missing: with OAuth, admin commands act on one workspace; set it to its token",
        )
    return AsyncWebClient(
        token=token,
        base_url=settings.api_url,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)],
    )


@dataclass(frozen=True)
class Members:
    """`users.list` read to its end: the workspace's members (deactivated ones included), the
    pages read, and every user id the list named. Someone it names with another
    organisation's team (Slack Connect) is no member, as askaround stores only its own people,
    but is named: only someone the list does not name at all has left (`record_directory`)."""

    profiles: list[Profile]
    pages: int
    named: frozenset[str]


async def list_members(
    client: AsyncWebClient,
    team_id: str,
    page_size: int = PAGE_SIZE,
    on_page: Callable[[int], object] = _quiet,
) -> Members:
    """Every member of the workspace `team_id`, page after page; a page Slack fails raises.
    `on_page` is told how many members each page brought (the CLI's progress bar)."""
    profiles: list[Profile] = []
    named: set[str] = set()
    cursor: str | None = None
    pages = 0
    while True:
        page, cursor = _read_page(await client.users_list(limit=page_size, cursor=cursor), team_id)
        pages += 1
        named.update(page.named)
        profiles.extend(page.profiles)
        on_page(len(page.profiles))
        if not cursor:
            return Members(profiles, pages, frozenset(named))


def _read_page(response: Any, team_id: str) -> tuple[Members, str | None]:
    """One page of `users.list` as the members it names, and the next page's cursor (None at
    the end). Slack's decoded page goes as this returns: held while the next one was read,
    two pages were in memory at once."""
    members = response.get("members") or []
    profiles = [
        profile_from_slack(member)
        for member in members
        if member.get("id") != SLACKBOT and not member_elsewhere(member, team_id)
    ]
    named = frozenset(str(member["id"]) for member in members if member.get("id"))
    cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
    return Members(profiles, 1, named), cursor


async def sync_directory(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    page_size: int = PAGE_SIZE,
    on_page: Callable[[int], object] = _quiet,
) -> SyncReport:
    """The daily job: pull `users.list` page by page and record names, time zones and leavers:
    the deactivated, and those described before whom the list no longer names. A page Slack
    fails raises before anything is recorded, so a list read in part takes nobody for gone."""
    members = await list_members(client, team_id, page_size, on_page)
    report = await services.people.record_directory(
        team_id, members.profiles, SyncReport(pages=members.pages), listed=members.named
    )
    for user_id in report.leavers:
        await services.questions.person_left(team_id, user_id)
    await services.questions.guests_no_longer_asked(team_id)  # made guests, unheard
    if report.leavers:
        services.insights.forget(team_id)
    return report


async def heard_of(services: Services, team_id: str, user: dict[str, Any]) -> Profile | None:
    """What Slack says of someone now (`user_change`, `team_join`; `users.info`, asked whether
    they are still here, `question_reads.left_now`), acted on: stored, unless nothing kept
    changed, and one deactivated has their open questions closed, and those they were asked
    or were helping with go on to others (`QuestionService.person_left`); so has one of the
    workspace's people whom their Enterprise Grid org describes as no longer in it
    (`removed_from`: gone, as if deactivated); one made a guest of the workspace has the
    requests waiting for them withdrawn (`QuestionService.no_longer_asked`). Heard again, it
    changes nothing; heard late (older than what is stored, `PeopleService.heard`), neither:
    what is done goes by how they are as kept now. None, nothing
    stored, for a member of another organisation (Slack Connect): a stored profile is taken
    for one of this workspace's people."""
    profile = profile_from_slack(user)
    if member_elsewhere(user, team_id):
        if not (
            removed_from(user, team_id)
            and await services.people.present_member(team_id, profile.user_id)
        ):
            return None
        profile = replace(profile, deactivated=True)
    profile = await services.people.heard(team_id, profile)
    await services.indexes.people_changed(team_id, [profile.user_id])
    if profile.deactivated:
        await services.questions.person_left(team_id, profile.user_id)
        services.insights.forget(team_id)
    elif not visibility.may_be_asked(is_guest=profile.is_guest):
        # Made a guest: a request waiting for them quotes a channel they may not read.
        await services.questions.no_longer_asked(team_id, profile.user_id)
        services.insights.forget(team_id)  # no longer one who knows a topic
    return profile


class SlackResolver:
    """The importer's `UserResolver`, answered by the Web API."""

    nobody = "no Slack user"

    def __init__(self, client: AsyncWebClient, team_id: str) -> None:
        self.client = client
        self.team_id = team_id
        self._by_id: dict[str, Profile] | None = None  # every member, once `preload` ran
        self._by_email: dict[str, Profile] = {}

    async def preload(self, on_page: Callable[[int], object] = _quiet) -> None:
        """Read every member once (`users.list`, LARGE_PAGE a page), so a large import asks
        Slack a hundred times for 100,000 people instead of once a row."""
        profiles = (await list_members(self.client, self.team_id, LARGE_PAGE, on_page)).profiles
        self._by_id = {p.user_id: p for p in profiles}
        self._by_email = {p.email.lower(): p for p in profiles if p.email}

    @classmethod
    async def connect(cls, client: AsyncWebClient) -> SlackResolver:
        auth = await client.auth_test()
        return cls(client, str(auth["team_id"]))

    async def by_email(self, email: str) -> Profile | None:
        if self._by_id is not None:
            return self._by_email.get(email.strip().lower())
        try:
            response = await self.client.users_lookupByEmail(email=email)
        except SlackApiError as error:
            _raise_unless_not_found(error)
            return None
        return self._ours(response["user"])

    async def by_id(self, user_id: str) -> Profile | None:
        if self._by_id is not None:
            return self._by_id.get(user_id)
        try:
            response = await self.client.users_info(user=user_id)
        except SlackApiError as error:
            _raise_unless_not_found(error)
            return None
        return self._ours(response["user"])

    def _ours(self, user: dict[str, Any]) -> Profile | None:
        """A member of another organisation is no Slack user of this workspace's to import."""
        return None if member_elsewhere(user, self.team_id) else profile_from_slack(user)


def _raise_unless_not_found(error: SlackApiError) -> None:
    """A person Slack does not know is an answer (None); any other Slack error is raised."""
    if error_code(error) not in ("users_not_found", "user_not_found"):
        raise error
