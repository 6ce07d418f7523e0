"""`askaround import people`: people, org chart, skills and networks from a file, idempotently.

Every row is validated; a bad row is rejected with its line number and the reason, never
dropped silently. The whole import is one transaction, rolled back for `--dry-run`, so a dry
run reports exactly what a real run would do. Re-running the same file changes nothing.

The file is streamed in two passes, so no row is held for the whole import. The first reads,
validates and resolves each row, keeping only what the whole file decides (how rows name each
other, for managers and network colleagues: ~35 MB per 100,000 rows) and spilling the resolved
rows, CHUNK at a time, to a temporary file. The second plans the org chart and writes the
spilled chunks, a few bulk statements a chunk. A large file's people are resolved from one read of
Slack's member list (`Preloading`) rather than one `users.lookupByEmail` a row.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory.import_files import RawRow, read_rows, typed
from bot.directory.import_org import plan_managers
from bot.directory.import_report import ImportReport, Rejection
from bot.directory.import_rows import PersonRow, RowError, validate_row
from bot.directory.import_writer import Accepted, Writer
from bot.directory.parse import NetworkInput
from bot.profile import Profile
from bot.progress import progress_bar
from storage import people_import as q
from storage.workspaces import ensure_workspace, hold_for_profiles, profiles_changed

if TYPE_CHECKING:
    from bot.services import Services

__all__ = ["ImportReport", "Rejection", "UserResolver", "import_people"]


class UserResolver(Protocol):
    """What the importer needs from Slack: the workspace, and a user by email or by id."""

    @property
    def team_id(self) -> str: ...

    @property
    def nobody(self) -> str:
        """Who was asked, as a rejection says they did not know a person: `no Slack user`."""
        ...

    async def by_email(self, email: str) -> Profile | None: ...

    async def by_id(self, user_id: str) -> Profile | None: ...


@runtime_checkable
class Preloading(Protocol):
    """A resolver that can read every member at once (`users.list`), for a large file."""

    async def preload(self, on_page: Callable[[int], object]) -> None: ...


Source = Path | str | Iterable[RawRow] | Iterable[dict[str, Any]]


async def import_people(
    services: Services,
    rows_or_path: Source,
    resolver: UserResolver,
    dry_run: bool = False,
    progress: bool = True,
) -> ImportReport:
    """Import people into the resolver's workspace; see the module docstring."""
    report = ImportReport(dry_run=dry_run)
    team_id = resolver.team_id
    roles = await _known_roles(services, team_id)
    with tempfile.TemporaryFile() as spill:
        raw = _raw_rows(rows_or_path)
        found = await _read(raw, roles, resolver, report, spill, progress, _count(rows_or_path))
        async with services.sessions() as s:
            transaction = await s.begin()
            try:
                # The workspace's row before any person's, the order of every writer of
                # profiles (`storage.workspaces.hold_for_profiles`): taken last, after the
                # people's rows, a `/skills network add` of one of them typed meanwhile
                # deadlocked with the import on PostgreSQL. Their writes wait for it instead.
                await hold_for_profiles(s, team_id)
                vocabulary = await services.directory.vocabulary(team_id)
                handles, managers, refused = await _plan(s, team_id, found)
                skill_ids = await q.skill_ids(s, team_id)
                writer = Writer(s, team_id, vocabulary, skill_ids, report, services.clock.now())
                bar = progress_bar("importing people", "row", progress, total=found.rows)
                written: dict[str, tuple[int, bytes]] = {}
                for chunk in _chunks(spill):
                    accepted = _accept(chunk, handles, managers, refused, written, report)
                    await writer.write(accepted)
                    bar.update(len(chunk))
                bar.close()
                if report.imported or report.updated:
                    # The insights' kept copy holds the org chart and roles as they
                    # were: a manager taken away would still show them their old org.
                    await profiles_changed(s, team_id)
                await writer.routed()
            except BaseException:
                await transaction.rollback()
                raise
            if dry_run:
                await transaction.rollback()
            else:
                await transaction.commit()
    if not dry_run and (report.imported or report.updated):
        await services.people.recount()
    report.rejected.sort(key=lambda r: r.line)
    return report


CHUNK = 1000  # rows written per round of statements
PRELOAD_AT = 200  # rows from which reading every member beats one lookup a row
# Roles every workspace knows: admin (sees and changes everything) and manager (how a file
# marks managers; whom they manage comes from the org chart). A workspace adds the roles it
# gives a kudos allowance of their own.
BUILT_IN_ROLES = frozenset({"admin", "manager"})


async def _known_roles(services: Services, team_id: str) -> frozenset[str]:
    async with services.sessions() as s:  # only read: closed without a commit
        workspace = await ensure_workspace(s, team_id)
        return BUILT_IN_ROLES | set(workspace.role_allowances or {})


def _raw_rows(source: Source) -> Iterator[RawRow]:
    if isinstance(source, str | Path):
        yield from read_rows(Path(source))
        return
    for i, item in enumerate(source):
        yield item if isinstance(item, RawRow) else RawRow(i + 1, dict(cast(dict[str, Any], item)))


@dataclass
class _Found:
    """What the first pass keeps of the whole file: how its rows name people, and whom."""

    rows: int = 0  # resolved rows, spilled
    handles: dict[str, str] = field(default_factory=dict)  # see _handle_map
    names: dict[str, str] = field(default_factory=dict)  # user id → handle, to show a loop
    managed: list[tuple[int, str, str]] = field(default_factory=list)  # line, user id, manager


async def _read(
    raw: Iterator[RawRow],
    roles: frozenset[str],
    resolver: UserResolver,
    report: ImportReport,
    spill: IO[bytes],
    progress: bool,
    total: int | None,
) -> _Found:
    """The first pass: each row validated and resolved, the resolved ones spilled CHUNK at a
    time. A row that fails validation, or whose person Slack does not know, is rejected."""
    valid = _valid(raw, roles, report)
    # Whether the file is large is known from its first PRELOAD_AT valid rows.
    first = [row for _, row in zip(range(PRELOAD_AT), valid, strict=False)]
    if len(first) >= PRELOAD_AT and isinstance(resolver, Preloading):
        members = progress_bar("reading Slack's members", "member", progress)
        await resolver.preload(members.update)
        members.close()
    found = _Found()
    chunk: list[tuple[PersonRow, Profile]] = []
    bar = progress_bar("resolving people", "row", progress, total=total)
    for row in chain(first, valid):
        bar.update(1)
        profile = await _resolve(row, resolver, report)
        if profile is None:
            continue
        if taken := await _taken(row, profile, resolver, found):
            report.rejected.append(Rejection(row.line, taken))
            continue
        found.rows += 1
        _remember(found, row, profile)
        chunk.append((row, profile))
        if len(chunk) >= CHUNK:
            pickle.dump(chunk, spill, pickle.HIGHEST_PROTOCOL)
            chunk = []
    if chunk:
        pickle.dump(chunk, spill, pickle.HIGHEST_PROTOCOL)
    bar.close()
    spill.seek(0)
    return found


def _count(source: Source) -> int | None:
    """The rows, when they are counted (a list): the first pass shows a percentage then, and
    a count and a rate for a file, read as it goes."""
    return len(source) if isinstance(source, Sized) and not isinstance(source, str) else None


def _valid(
    raw: Iterator[RawRow], roles: frozenset[str], report: ImportReport
) -> Iterator[PersonRow]:
    for raw_row in raw:
        try:
            yield validate_row(raw_row, roles)
        except RowError as error:
            report.rejected.append(Rejection(raw_row.line, str(error)))


async def _resolve(row: PersonRow, resolver: UserResolver, report: ImportReport) -> Profile | None:
    """The row's Slack user; a row whose person Slack does not know is rejected."""
    if row.user_id:
        profile = await resolver.by_id(row.user_id)
        missing = f"{resolver.nobody} has the id {row.user_id}"
    else:
        assert row.email is not None
        profile = await resolver.by_email(row.email)
        missing = f"{resolver.nobody} has the email {row.email}"
    if profile is None:
        report.rejected.append(Rejection(row.line, missing))
    return profile


async def _taken(
    row: PersonRow, profile: Profile, resolver: UserResolver, found: _Found
) -> str | None:
    """Why the row may not give this person its email or handle: someone else has it (an
    earlier row, or, for the email, someone already known). Two people with one email made
    `--manager EMAIL` ambiguous, and a later row by that email updated whichever came first."""
    for key, what in ((row.email, "email"), (row.handle, "handle")):
        other = found.handles.get(key.lower()) if key else None
        if other is not None and other != profile.user_id:
            return f"the {what} {key} is already {other}'s, on an earlier row"
    if row.user_id and row.email:
        owner = await resolver.by_email(row.email)
        if owner is not None and owner.user_id != profile.user_id:
            return f"the email {row.email} is already {owner.user_id}'s"
    return None


def _remember(found: _Found, row: PersonRow, profile: Profile) -> None:
    """The row's keys, kept for the whole file. The resolver holds the profile for the whole
    import anyway, so its strings are kept rather than the row's equal ones (at 100,000 rows
    that is tens of MB): the profile's keys go in first, and a key is its own lowercase."""
    user_id = profile.user_id
    for key in (profile.name, profile.email, user_id, row.handle, row.email):
        if key:
            lower = key.lower()
            found.handles[key if lower == key else lower] = user_id
    name = profile.name if row.handle in (None, profile.name) else row.handle
    if name:
        found.names[user_id] = name
    if row.manager:
        found.managed.append((row.line, user_id, sys.intern(row.manager)))  # a few bosses


def _chunks(spill: IO[bytes]) -> Iterator[list[tuple[PersonRow, Profile]]]:
    while True:
        try:
            yield pickle.load(spill)  # our own temporary file
        except EOFError:
            return


async def _plan(
    s: AsyncSession, team_id: str, found: _Found
) -> tuple[dict[str, str], dict[int, str], dict[int, str]]:
    """handle / email / user id (lowercased) → user id, from the file first, then the
    database; and each row's manager or why it is refused. The workspace's people are
    streamed, and a string the file already holds is not kept twice."""
    handles, names = found.handles, found.names
    recorded: dict[str, str | None] = {}
    async for person in q.people_keys(s, team_id):
        user_id = handles.setdefault(person.user_id.lower(), person.user_id)
        if user_id != person.user_id:
            user_id = person.user_id
        for key in (person.name, person.email):
            if key:
                handles.setdefault(key.lower(), user_id)
        if person.name:
            names.setdefault(user_id, person.name)
        if person.manager_user_id:
            recorded[user_id] = sys.intern(person.manager_user_id)  # a few bosses
    managers, refused = plan_managers(found.managed, handles, recorded, names)
    found.handles, found.names, found.managed = {}, {}, []
    return handles, managers, refused


def _accept(
    chunk: list[tuple[PersonRow, Profile]],
    handles: dict[str, str],
    managers: dict[int, str],
    refused: dict[int, str],
    written: dict[str, tuple[int, bytes]],
    report: ImportReport,
) -> list[Accepted]:
    """The chunk's rows that pass the checks that need the whole file: one row a person
    (`written`: user id → its line and what it said), known network colleagues, a manager that
    is not refused. A row said again word for word (an export that repeats a line) is skipped
    with a warning; one that differs is refused, as which of the two is right is unknown."""
    accepted: list[Accepted] = []
    for row, profile in chunk:
        said = _said(row)
        if profile.user_id in written:
            seen, before = written[profile.user_id]
            if said == before:
                report.warn(row.line, f"the same row as line {seen}, skipped")
            else:
                report.rejected.append(Rejection(row.line, f"the same person as line {seen}"))
            continue
        network, problems = _network(row, profile.user_id, handles)
        if row.line in refused:
            problems.insert(0, refused[row.line])
        if problems:
            report.rejected.append(Rejection(row.line, "; ".join(problems)))
            continue
        written[profile.user_id] = (row.line, said)
        accepted.append(Accepted(row, profile, managers.get(row.line), network))
    return accepted


def _said(row: PersonRow) -> bytes:
    """What a row says, but not where: a digest, as the file's every person is remembered."""
    return hashlib.blake2b(repr(replace(row, line=0)).encode(), digest_size=16).digest()


def _network(
    row: PersonRow, user_id: str, handles: dict[str, str]
) -> tuple[list[NetworkInput], list[str]]:
    """The row's network with colleagues as user ids, and each colleague nobody knows."""
    network: list[NetworkInput] = []
    problems: list[str] = []
    for item in row.network:
        if item.colleague_handle:
            colleague = handles.get(item.colleague_handle.lower().lstrip("@"))
            if colleague is None:
                problems.append(f"network colleague {typed(item.colleague_handle)} is unknown")
                continue
            item = NetworkInput(colleague, None, None, item.topics, item.relationship)
        if item.colleague_user_id == user_id:
            problems.append("a person cannot be in their own network")
            continue
        network.append(item)
    return network, problems
