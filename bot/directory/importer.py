"""`askaround import people`: people, org chart, skills and networks from a file, idempotently.

Every row is validated; a bad row is rejected with its line number and the reason, never
dropped silently. The whole import is one transaction, rolled back for `--dry-run`, so a dry
run reports exactly what a real run would do. Re-running the same file changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast
from zoneinfo import available_timezones

from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory.import_files import RawRow, read_rows
from bot.directory.import_org import plan_managers
from bot.directory.import_rows import PersonRow, RowError, validate_row
from bot.directory.network import apply_network_entry, network_entries
from bot.directory.parse import NetworkInput
from bot.directory.skills import Vocabulary, skill_key
from bot.directory.sync import progress_bar
from bot.people import Profile
from storage import directory as q
from storage.models import Person
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


@dataclass(frozen=True)
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
        lines += [f"  line {w.line}: warning: {w.reason}" for w in self.warnings]
        return "\n".join(lines)


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
            people = await q.all_people(s, team_id)
            handles = _handle_map(people, resolved)
            recorded = {user_id: p.manager_user_id for user_id, p in people.items()}
            managers, refused = plan_managers(resolved, handles, recorded, _names(people, resolved))
            written: dict[str, int] = {}
            skill_ids: dict[str, int] = {}  # one lookup per skill per import, not per row
            for row, profile in resolved:
                if profile.user_id in written:
                    seen = written[profile.user_id]
                    report.rejected.append(Rejection(row.line, f"the same person as line {seen}"))
                    continue
                network, problems = _network(row, handles)
                if row.line in refused:
                    problems.insert(0, refused[row.line])
                if problems:
                    report.rejected.append(Rejection(row.line, "; ".join(problems)))
                    continue
                changed, new = await _write(
                    s, team_id, row, profile, managers.get(row.line), network, vocabulary, skill_ids
                )
                report.warnings += _skill_warnings(row, vocabulary)
                written[profile.user_id] = row.line
                target = report.imported if new else report.updated if changed else report.unchanged
                target.append(profile.user_id)
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
# Roles every workspace knows: admin (sees and changes everything) and manager (how a file
# marks managers; whom they manage comes from the org chart). A workspace adds the roles it
# gives a kudos allowance of their own.
BUILT_IN_ROLES = frozenset({"admin", "manager"})


async def _known_roles(services: Services, team_id: str) -> frozenset[str]:
    async with services.sessions() as s:  # only read: closed without a commit
        workspace = await ensure_workspace(s, team_id)
        return BUILT_IN_ROLES | set(workspace.role_allowances or {})


def _skill_warnings(row: PersonRow, vocabulary: Vocabulary) -> list[Rejection]:
    """A skill the vocabulary lacks is added as new, with the closest known one named."""
    warnings = []
    for name in row.skills:
        if vocabulary.normalise(name):
            continue
        match = vocabulary.did_you_mean(name) or next(iter(vocabulary.suggest(name, 1)), None)
        hint = f" (closest: {match.name})" if match else ""
        warnings.append(
            Rejection(row.line, f"skill {name!r} is not in the vocabulary, added as new{hint}")
        )
    return warnings


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
    people: dict[str, Person], resolved: list[tuple[PersonRow, Profile]]
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


def _names(people: dict[str, Person], resolved: list[tuple[PersonRow, Profile]]) -> dict[str, str]:
    """user id → handle, as a manager loop is shown."""
    names = {user_id: person.name for user_id, person in people.items() if person.name}
    names.update({p.user_id: row.handle or p.name for row, p in resolved if row.handle or p.name})
    return names


def _network(row: PersonRow, handles: dict[str, str]) -> tuple[list[NetworkInput], list[str]]:
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
        network.append(item)
    return network, problems


async def _snapshot(s: AsyncSession, person: Person) -> tuple[Any, ...]:
    skills = tuple(sorted((r.key, r.level) for r in await q.skills_of(s, person)))
    network = tuple(
        sorted(
            (e.colleague_user_id or "", (e.contact_name or "").lower(), e.topics, e.relationship)
            for e in await network_entries(s, person)
        )
    )
    fields = tuple(
        getattr(person, name) for name in ("name", "real_name", "email", "tz", *q.ORG_FIELDS)
    )
    return fields, skills, network


async def _write(
    s: AsyncSession,
    team_id: str,
    row: PersonRow,
    profile: Profile,
    manager: str | None,
    network: list[NetworkInput],
    vocabulary: Vocabulary,
    skill_ids: dict[str, int],
) -> tuple[bool, bool]:
    """Write one person, already checked; returns (changed, new)."""
    existing = await q.people_by_user_ids(s, team_id, [profile.user_id])
    new = profile.user_id not in existing
    person = await q.ensure_person(s, team_id, profile.user_id)
    before = None if new else await _snapshot(s, person)
    await q.update_person(
        s,
        person,
        name=row.handle or profile.name or person.name,
        real_name=row.name or profile.real_name or person.real_name,
        email=row.email or profile.email or person.email,
        tz=row.tz or profile.tz or person.tz,
        title=row.title if row.title is not None else person.title,
        team_name=row.team if row.team is not None else person.team_name,
        manager_user_id=manager if row.manager else person.manager_user_id,
        roles=list(row.roles) if row.roles is not None else person.roles,
        interests=list(row.interests) if row.interests is not None else person.interests,
    )
    current = {r.key: r.level for r in await q.skills_of(s, person)} if row.skills else {}
    for name, level in row.skills.items():
        key = vocabulary.normalise(name) or skill_key(name)
        display = vocabulary.name(key) if vocabulary.knows(key) else name
        if key not in skill_ids:
            skill_ids[key] = await q.ensure_skill(s, team_id, key, display)
        if current.get(key) != level:
            await q.set_person_skill(s, person, skill_ids[key], level, "imported")
            current[key] = level
    for item in network:
        await apply_network_entry(s, person, item)
    await s.flush()
    return (new or before != await _snapshot(s, person)), new
