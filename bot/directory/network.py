"""A person's network: colleagues they know well and outside contacts or communities."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory.parse import NetworkInput
from bot.errors import UserError
from bot.profile import Profile
from storage import network as q
from storage import people as people_q
from storage.models import Connection, Person


@dataclass(frozen=True)
class NetworkEntry:
    id: int
    colleague_user_id: str | None
    contact_name: str | None
    topics: tuple[str, ...]
    relationship: str
    colleague_left: bool = False  # deactivated since: listed, said to have left

    def same_target(self, other: NetworkInput) -> bool:
        if other.colleague_user_id:
            return self.colleague_user_id == other.colleague_user_id
        return (self.contact_name or "").lower() == (other.contact_name or "").lower()

    def as_text(self, colleague_handle: str | None = None) -> str:
        """The entry in the syntax `/skills network add` and the modal accept."""
        target = (
            f"@{colleague_handle}"
            if colleague_handle
            else f"<@{self.colleague_user_id}>"
            if self.colleague_user_id
            else self.contact_name or ""
        )
        about = f" about {', '.join(self.topics)}" if self.topics else ""
        return f"{target}{about} as {self.relationship}"


def check_colleague(colleague: Profile | Person) -> None:
    """A network names people one could introduce someone to: not an app, nor someone who
    has left (Slack says which when the adapter looks them up; the directory, for the Edit
    profile modal)."""
    if colleague.is_bot:
        raise _refused(colleague, "is an app, not a colleague: your network is people you know.")
    if colleague.deactivated:
        raise _refused(
            colleague, "is no longer in this workspace, so nobody could be introduced to them."
        )


def _refused(colleague: Profile | Person, why: str) -> UserError:
    """The refusal naming the colleague by their name as Slack has it (shown as words where
    the refusal is shown), or by a mention when they have none."""
    name = colleague.real_name or colleague.name
    if name:
        return UserError(f"{{}} {why}", names=(name,))
    return UserError(f"<@{colleague.user_id}> {why}")


def _entry(row: Connection, left: Collection[str] = ()) -> NetworkEntry:
    return NetworkEntry(
        row.id,
        row.colleague_user_id,
        row.contact_name,
        tuple(row.topics or ()),
        row.relationship,
        colleague_left=row.colleague_user_id in left,
    )


async def network_entries(s: AsyncSession, person: Person) -> list[NetworkEntry]:
    """The raw network; callers outside this package get it only through `bot.visibility`."""
    rows = await q.connections_of(s, person)
    colleagues = {row.colleague_user_id for row in rows if row.colleague_user_id}
    found = await people_q.people_by_id(s, person.team_id, colleagues)
    left = {user_id for user_id, p in found.items() if p.deactivated}
    return [_entry(row, left) for row in rows]


async def resolve_handle(s: AsyncSession, team_id: str, entry: NetworkInput) -> NetworkInput:
    """Turn `@handle` into the colleague's user id, or say who is unknown."""
    if not entry.colleague_handle:
        return entry
    found = await people_q.people_by_handles(s, team_id, [entry.colleague_handle])
    person = found.get(entry.colleague_handle.lower())
    if person is None:
        raise UserError(f"I don't know anyone called @{entry.colleague_handle} here.")
    return NetworkInput(
        colleague_user_id=person.user_id, topics=entry.topics, relationship=entry.relationship
    )


async def typed_colleague(s: AsyncSession, team_id: str, entry: NetworkInput) -> Person | None:
    """The colleague an outside contact's name is, typed without Slack's @-suggestion: one
    word that is their handle or user id."""
    name = (entry.contact_name or "").strip()
    if not name or " " in name:
        return None
    found = await people_q.people_by_handles(s, team_id, [name])
    person = found.get(name.lower()) or (await people_q.people_by_id(s, team_id, [name])).get(name)
    return None if person is None or person.is_bot else person


async def check_contact(s: AsyncSession, team_id: str, entry: NetworkInput) -> None:
    """An outside contact named only by a colleague's handle or user id, with no topics, is
    that colleague typed without Slack's @-suggestion: as a contact it could route nothing."""
    person = None if entry.topics else await typed_colleague(s, team_id, entry)
    if person is None:
        return
    name = (entry.contact_name or "").strip()
    handle = person.name or person.user_id
    relationship = entry.relationship_or_default
    raise UserError(
        f"Did you mean @{handle}? Write `@{handle} as {relationship}`. An outside "
        f"contact says what it knows about: `{name} about sailing as {relationship}`."
    )


async def check_typed_entry(
    s: AsyncSession, team_id: str, entry: NetworkInput, network: list[NetworkEntry]
) -> None:
    """A line of the Edit profile modal is refused for what `/skills network add` refuses,
    unless it was in the network already (a colleague who left since stays until removed)."""
    resolved = await resolve_handle(s, team_id, entry)
    if any(e.same_target(resolved) for e in network):
        return
    await check_contact(s, team_id, entry)
    if resolved.colleague_user_id:
        found = await people_q.people_by_id(s, team_id, [resolved.colleague_user_id])
        if resolved.colleague_user_id in found:
            check_colleague(found[resolved.colleague_user_id])


async def apply_network_entry(
    s: AsyncSession, person: Person, entry: NetworkInput, *, anew: set[int] | None = None
) -> NetworkEntry:
    """Add the entry, or update topics and relationship of the same colleague or contact.
    With `anew` (the Edit profile modal, its lines replacing the network: the ids of the rows
    written so far), a row met the first time is written as the line says, as an added one
    would be, and its id kept in `anew`."""
    entry = await resolve_handle(s, person.team_id, entry)
    if entry.colleague_user_id == person.user_id:
        raise UserError("You are already in your own network.")
    for row in await q.connections_of(s, person):
        if _entry(row).same_target(entry):
            if anew is not None and row.id not in anew:
                anew.add(row.id)
                row.contact_name = entry.contact_name
                row.topics = list(entry.topics)
                row.relationship = entry.relationship_or_default
            else:
                row.topics = list(entry.topics) or list(row.topics or ())
                row.relationship = entry.relationship or row.relationship
            await s.flush()
            return _entry(row)
    row = await q.add_connection(
        s,
        person,
        colleague_user_id=entry.colleague_user_id,
        contact_name=entry.contact_name,
        topics=list(entry.topics),
        relationship=entry.relationship_or_default,
    )
    if anew is not None:
        anew.add(row.id)
    return _entry(row)
