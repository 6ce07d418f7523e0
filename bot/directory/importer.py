"""`askaround import people`: people, org chart, skills and networks from a file, idempotently.

Every row is validated; a bad row is rejected with its line number and the reason, never
dropped silently. The whole import is one transaction, rolled back for `--dry-run`, so a dry
run reports exactly what a real run would do. Re-running the same file changes nothing.

It is written CHUNK rows at a time, a few statements a chunk (executemany upserts), and a
large file's people are resolved from one read of Slack's member list (`Preloading`) rather
than one `users.lookupByEmail` a row: 100,000 rows in well under a minute.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable
from zoneinfo import available_timezones

from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory.import_files import RawRow, read_rows
from bot.directory.import_org import plan_managers
from bot.directory.import_rows import PersonRow, RowError, validate_row
from bot.directory.parse import NetworkInput
from bot.directory.skills import Vocabulary, skill_key
from bot.directory.sync import progress_bar
from bot.people import Profile
from storage import directory as q
from storage.models.base import utcnow
from storage.workspaces import ensure_workspace

if TYPE_CHECKING:
    from bot.services import Services

__all__ = ["ImportReport", "Rejection", "UserResolver", "import_people"]


class UserResolver(Protocol):
    """What the importer needs from Slack: the workspace, and a user by email or by id."""

    @property
    def team_id(self) -> str: ...

    async def by_email(self, email: str) -> Profile | None: ...

    async def by_id(self, user_id: str) -> Profile | None: ...


@runtime_checkable
class Preloading(Protocol):
    """A resolver that can read every member at once (`users.list`), for a large file."""

    async def preload(self, on_page: Callable[[int], object]) -> None: ...


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    reason: str


@dataclass
class ImportReport:
    dry_run: bool = False
    imported: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)  # written, but worth a look

    def summary(self) -> str:
        lines = [
            ("Dry run (nothing written): " if self.dry_run else "")
            + f"{len(self.imported)} imported, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected."
        ]
        lines += [f"  line {r.line}: {r.reason}" for r in self.rejected]
        # The same warning on many lines (a new skill half the company declares) is one line.
        warned: dict[str, list[int]] = {}
        for w in self.warnings:
            warned.setdefault(w.reason, []).append(w.line)
        for reason, at in warned.items():
            where = f"line {at[0]}" if len(at) == 1 else f"lines {_lines(at)}"
            lines.append(f"  {where}: warning: {reason}")
        return "\n".join(lines)


def _lines(numbers: list[int], shown: int = 20) -> str:
    """`2, 5, 9` or, for many, `2, 5, 9, … (1,204 lines)`."""
    listed = ", ".join(map(str, numbers[:shown]))
    return listed if len(numbers) <= shown else f"{listed}, … ({len(numbers):,} lines)"


async def import_people(
    services: Services,
    rows_or_path: Path | str | Sequence[RawRow] | Sequence[dict[str, Any]],
    resolver: UserResolver,
    dry_run: bool = False,
    progress: bool = True,
) -> ImportReport:
    """Import people into the resolver's workspace; see the module docstring."""
    raw = _raw_rows(rows_or_path)
    report = ImportReport(dry_run=dry_run)
    team_id = resolver.team_id
    roles = await _known_roles(services, team_id)
    valid: list[PersonRow] = []
    for raw_row in raw:
        try:
            valid.append(validate_row(raw_row, _ZONES, roles))
        except RowError as error:
            report.rejected.append(Rejection(raw_row.line, str(error)))
    resolved = await _resolve(valid, resolver, report, progress)
    async with services.sessions() as s:
        transaction = await s.begin()
        try:
            vocabulary = await services.directory.vocabulary(team_id)
            people = await q.people_keys(s, team_id)
            handles = _handle_map(people, resolved)
            recorded = {user_id: p.manager_user_id for user_id, p in people.items()}
            managers, refused = plan_managers(resolved, handles, recorded, _names(people, resolved))
            del people, recorded
            accepted: list[_Accepted] = []
            written: dict[str, int] = {}
            for row, profile in resolved:
                if profile.user_id in written:
                    seen = written[profile.user_id]
                    report.rejected.append(Rejection(row.line, f"the same person as line {seen}"))
                    continue
                network, problems = _network(row, profile.user_id, handles)
                if row.line in refused:
                    problems.insert(0, refused[row.line])
                if problems:
                    report.rejected.append(Rejection(row.line, "; ".join(problems)))
                    continue
                written[profile.user_id] = row.line
                accepted.append(_Accepted(row, profile, managers.get(row.line), network))
            del handles, written
            writer = _Writer(s, team_id, vocabulary, await q.skill_ids(s, team_id), report)
            bar = progress_bar("importing people", "row", progress, total=len(accepted))
            for at in range(0, len(accepted), CHUNK):
                chunk = accepted[at : at + CHUNK]
                await writer.write(chunk)
                bar.update(len(chunk))
            bar.close()
        except BaseException:
            await transaction.rollback()
            raise
        if dry_run:
            await transaction.rollback()
        else:
            await transaction.commit()
    report.rejected.sort(key=lambda r: r.line)
    return report


_ZONES = frozenset(available_timezones())
CHUNK = 1000  # rows written per round of statements
PRELOAD_AT = 200  # rows from which reading every member beats one lookup a row
FUZZY_HINTS = 50  # new skill names given the type-ahead's closest match (see _skill_warnings)
# Roles every workspace knows: admin (sees and changes everything) and manager (how a file
# marks managers; whom they manage comes from the org chart). A workspace adds the roles it
# gives a kudos allowance of their own.
BUILT_IN_ROLES = frozenset({"admin", "manager"})


async def _known_roles(services: Services, team_id: str) -> frozenset[str]:
    async with services.sessions() as s:  # only read: closed without a commit
        workspace = await ensure_workspace(s, team_id)
        return BUILT_IN_ROLES | set(workspace.role_allowances or {})


def _raw_rows(source: Path | str | Sequence[RawRow] | Sequence[dict[str, Any]]) -> list[RawRow]:
    if isinstance(source, str | Path):
        return read_rows(Path(source))
    rows: list[RawRow] = []
    for i, item in enumerate(source):
        rows.append(
            item if isinstance(item, RawRow) else RawRow(i + 1, dict(cast(dict[str, Any], item)))
        )
    return rows


async def _resolve(
    rows: list[PersonRow], resolver: UserResolver, report: ImportReport, progress: bool
) -> list[tuple[PersonRow, Profile]]:
    """Each row's Slack user; a row whose person Slack does not know is rejected."""
    resolved: list[tuple[PersonRow, Profile]] = []
    if len(rows) >= PRELOAD_AT and isinstance(resolver, Preloading):
        members = progress_bar("reading Slack's members", "member", progress)
        await resolver.preload(members.update)
        members.close()
    bar = progress_bar("resolving people", "row", progress, total=len(rows))
    for row in rows:
        bar.update(1)
        if row.user_id:
            profile = await resolver.by_id(row.user_id)
            missing = f"no Slack user has the id {row.user_id}"
        else:
            assert row.email is not None
            profile = await resolver.by_email(row.email)
            missing = f"no Slack user has the email {row.email}"
        if profile is None:
            report.rejected.append(Rejection(row.line, missing))
        else:
            resolved.append((row, profile))
    bar.close()
    return resolved


def _handle_map(
    people: dict[str, q.PersonKeys], resolved: list[tuple[PersonRow, Profile]]
) -> dict[str, str]:
    """handle / email / user id (lowercased) → user id, from the file first, then the database."""
    handles: dict[str, str] = {}
    for person in people.values():
        for key in (person.name, person.email, person.user_id):
            if key:
                handles[key.lower()] = person.user_id
    for row, profile in resolved:
        for key in (row.handle, row.email, profile.name, profile.email, profile.user_id):
            if key:
                handles[key.lower()] = profile.user_id
    return handles


def _names(
    people: dict[str, q.PersonKeys], resolved: list[tuple[PersonRow, Profile]]
) -> dict[str, str]:
    """user id → handle, as a manager loop is shown."""
    names = {user_id: person.name for user_id, person in people.items() if person.name}
    names.update({p.user_id: row.handle or p.name for row, p in resolved if row.handle or p.name})
    return names


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
                problems.append(f"network colleague {item.colleague_handle!r} is unknown")
                continue
            item = NetworkInput(colleague, None, None, item.topics, item.relationship)
        if item.colleague_user_id == user_id:
            problems.append("a person cannot be in their own network")
            continue
        network.append(item)
    return network, problems


@dataclass(frozen=True, slots=True)
class _Accepted:
    """A row that passed every check, with its Slack user, manager and network."""

    row: PersonRow
    profile: Profile
    manager: str | None
    network: list[NetworkInput]


class _Writer:
    """Writes accepted rows a chunk at a time: a few reads and one executemany per table,
    whatever the chunk's size, and each person counted imported, updated or unchanged."""

    def __init__(
        self,
        s: AsyncSession,
        team_id: str,
        vocabulary: Vocabulary,
        skill_ids: dict[str, int],
        report: ImportReport,
    ) -> None:
        self.s = s
        self.team_id = team_id
        self.vocabulary = vocabulary
        self.skill_ids = skill_ids
        self.report = report
        self.hints: dict[str, str] = {}  # a skill the vocabulary lacks → its warning
        self.keys: dict[str, tuple[str, str, bool]] = {}

    async def write(self, chunk: list[_Accepted]) -> None:
        existing = await q.people_fields(self.s, self.team_id, [a.profile.user_id for a in chunk])
        changed: set[str] = set()
        upserts = []
        for accepted in chunk:
            user_id = accepted.profile.user_id
            before = existing.get(user_id)
            fields = _fields(accepted, before[1] if before else None)
            if before is None or fields != before[1]:
                upserts.append({"user_id": user_id, **fields})
                changed.add(user_id)
        ids = {user_id: person_id for user_id, (person_id, _) in existing.items()}
        ids.update(await q.upsert_people(self.s, self.team_id, upserts, utcnow()))
        changed |= await self._skills(chunk, ids)
        changed |= await self._networks(chunk, ids)
        for accepted in chunk:
            user_id = accepted.profile.user_id
            self.report.warnings += self._skill_warnings(accepted.row)
            new = user_id not in existing
            target = (
                self.report.imported
                if new
                else self.report.updated
                if user_id in changed
                else self.report.unchanged
            )
            target.append(user_id)

    def _key(self, name: str) -> tuple[str, str, bool]:
        """A skill's key, the name a new one is created with, and whether the vocabulary
        knows the name (worked out once a name)."""
        found = self.keys.get(name)
        if found is None:
            vocabulary = self.vocabulary
            known = vocabulary.normalise(name)
            key = known or skill_key(name)
            display = vocabulary.name(key) if vocabulary.knows(key) else name
            found = self.keys[name] = (key, display, known is not None)
        return found

    async def _skills(self, chunk: list[_Accepted], ids: dict[str, int]) -> set[str]:
        wanted: dict[str, dict[int, int]] = {}  # user id → skill id → level, the last one kept
        missing: dict[str, str] = {}
        for accepted in chunk:
            for name in accepted.row.skills:
                key, display, _ = self._key(name)
                if key not in self.skill_ids:
                    missing.setdefault(key, display)
        if missing:
            await q.ensure_skills(self.s, self.team_id, missing)
            self.skill_ids = await q.skill_ids(self.s, self.team_id)
        for accepted in chunk:
            levels = wanted.setdefault(accepted.profile.user_id, {})
            for name, level in accepted.row.skills.items():
                levels[self.skill_ids[self._key(name)[0]]] = level
        current = await q.skill_levels(self.s, [ids[user_id] for user_id in wanted])
        changes = [
            (ids[user_id], skill, level)
            for user_id, levels in wanted.items()
            for skill, level in levels.items()
            if current.get((ids[user_id], skill)) != level
        ]
        await q.set_person_skills(self.s, self.team_id, changes, "imported")
        by_id = {person_id: user_id for user_id, person_id in ids.items()}
        return {by_id[person_id] for person_id, _, _ in changes}

    async def _networks(self, chunk: list[_Accepted], ids: dict[str, int]) -> set[str]:
        """`apply_network_entry` for each entry: an entry for a colleague or contact already
        there updates its topics and relationship, another one is added."""
        with_network = [a for a in chunk if a.network]
        if not with_network:
            return set()
        rows = await q.connections_for(self.s, [ids[a.profile.user_id] for a in with_network])
        changed: set[str] = set()
        updated: dict[int, q.ConnectionRow] = {}
        added: list[q.ConnectionRow] = []
        for accepted in with_network:
            person_id = ids[accepted.profile.user_id]
            entries = list(rows.get(person_id, ()))
            before = list(entries)
            for item in accepted.network:
                at = next((i for i, e in enumerate(entries) if _same_target(e, item)), None)
                if at is None:
                    entry = q.ConnectionRow(
                        0,
                        person_id,
                        item.colleague_user_id,
                        item.contact_name,
                        tuple(item.topics),
                        item.relationship,
                    )
                    entries.append(entry)
                    continue
                entry = entries[at]
                entries[at] = replace(
                    entry, topics=tuple(item.topics) or entry.topics, relationship=item.relationship
                )
            if entries != before:
                changed.add(accepted.profile.user_id)
            for entry in entries:
                if entry.id == 0:
                    added.append(entry)
                elif entry not in before:
                    updated[entry.id] = entry
        await q.write_connections(self.s, self.team_id, list(updated.values()), added)
        return changed

    def _skill_warnings(self, row: PersonRow) -> list[Rejection]:
        """A skill the vocabulary lacks is added as new, with the closest known one named.

        Looked up once per name. A typo (`did_you_mean`) is always named; the wider type-ahead
        match (`suggest`, ~20 ms a name) only for the first FUZZY_HINTS new names: a file that
        brings thousands of new skills is a new vocabulary, not a list of typos."""
        warnings = []
        for name in row.skills:
            if self._key(name)[2]:
                continue
            reason = self.hints.get(name)
            if reason is None:  # one string a name, shared by its rows' warnings
                hint = _hint(self.vocabulary, name, len(self.hints) < FUZZY_HINTS)
                reason = f"skill {name!r} is not in the vocabulary, added as new{hint}"
                self.hints[name] = reason
            warnings.append(Rejection(row.line, reason))
        return warnings


def _hint(vocabulary: Vocabulary, name: str, fuzzy: bool) -> str:
    match = vocabulary.did_you_mean(name)
    if match is None and fuzzy:
        match = next(iter(vocabulary.suggest(name, 1)), None)
    return f" (closest: {match.name})" if match else ""


def _same_target(entry: q.ConnectionRow, item: NetworkInput) -> bool:
    if item.colleague_user_id:
        return entry.colleague_user_id == item.colleague_user_id
    return (entry.contact_name or "").lower() == (item.contact_name or "").lower()


def _fields(accepted: _Accepted, person: dict[str, Any] | None) -> dict[str, Any]:
    """The person's PERSON_FIELDS after the row: what the row says, else what Slack says,
    else what is recorded."""
    row, profile, old = accepted.row, accepted.profile, person or _NEW_PERSON
    return {
        "name": row.handle or profile.name or old["name"],
        "real_name": row.name or profile.real_name or old["real_name"],
        "email": row.email or profile.email or old["email"],
        "tz": row.tz or profile.tz or old["tz"],
        "title": row.title if row.title is not None else old["title"],
        "team_name": row.team if row.team is not None else old["team_name"],
        "manager_user_id": accepted.manager if row.manager else old["manager_user_id"],
        "roles": list(row.roles) if row.roles is not None else old["roles"],
        "interests": list(row.interests) if row.interests is not None else old["interests"],
    }


# What an empty row (`ensure_person`) holds, so a new person gets the same defaults.
_NEW_PERSON: dict[str, Any] = {
    "name": "",
    "real_name": "",
    "email": None,
    "tz": "UTC",
    "title": "",
    "team_name": "",
    "manager_user_id": None,
    "roles": [],
    "interests": [],
}
