"""Writing an import's accepted rows, a chunk at a time: a few reads and one executemany per
table, whatever the chunk's size, and each person counted imported, updated or unchanged."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory.import_files import typed
from bot.directory.import_report import ImportReport
from bot.directory.import_rows import PersonRow
from bot.directory.parse import NetworkInput
from bot.directory.skills import Vocabulary, skill_key
from bot.profile import Profile, fitted
from storage import people as people_q
from storage import people_import as q
from storage import routing_changes, team_history
from storage.models.base import utcnow

# Imported without Slack's word, they stay guests until it comes: the admin must know how soon.
UNDESCRIBED = (
    "Slack has not described them yet: kept as a guest, asked no colleague's question, until "
    "`askaround sync` (or the bot's daily sync) hears of them"
)
FUZZY_HINTS = 50  # new skill names given the type-ahead's closest match (see _skill_warnings)
# People whose skills or network an import changed, up to which routing's copies catch up in
# place rather than rebuild (`Writer.routed`).
IN_PLACE = 1000


@dataclass(frozen=True, slots=True)
class Accepted:
    """A row that passed every check, with its Slack user, manager and network."""

    row: PersonRow
    profile: Profile
    manager: str | None
    network: list[NetworkInput]


class Writer:
    """Writes accepted rows a chunk at a time (see the module docstring)."""

    def __init__(
        self,
        s: AsyncSession,
        team_id: str,
        vocabulary: Vocabulary,
        skill_ids: dict[str, int],
        report: ImportReport,
        now: datetime,
    ) -> None:
        self.s = s
        self.now = now  # when its skills are declared, by the bot's clock
        self.team_id = team_id
        self.vocabulary = vocabulary
        self.skill_ids = skill_ids
        self.report = report
        self.hints: dict[str, str | None] = {}  # a skill name → its warning (None: known)
        self.new_names = 0  # names the vocabulary lacks, so far
        self.keys: dict[str, tuple[str, str, bool]] = {}
        self.skill_of: dict[str, int] = {}  # a skill name → its skill's id, once it exists
        self.redeclared: set[int] = set()  # people whose skills or network changed (`routed`)

    async def write(self, chunk: list[Accepted]) -> None:
        existing = await q.people_fields(self.s, self.team_id, [a.profile.user_id for a in chunk])
        changed: set[str] = set()
        upserts = []
        guests: list[str] = []  # Slack says they are guests of the workspace
        undescribed: list[str] = []  # Slack never described them, nor says now
        moved: list[tuple[str, str | None, str | None]] = []  # (who, manager before, after)
        for accepted in chunk:
            user_id = accepted.profile.user_id
            before = existing.get(user_id)
            fields = _fields(accepted, before[1] if before else None)
            if before is None or fields != before[1]:
                upserts.append({"user_id": user_id, **fields})
                changed.add(user_id)
            if before is not None:  # someone new has reported there since ever
                moved.append((user_id, before[1]["manager_user_id"], fields["manager_user_id"]))
            if accepted.profile.is_guest:
                guests.append(user_id)
            elif _undescribed(accepted.profile, before[1] if before else None):
                undescribed.append(user_id)
                self.report.warn(accepted.row.line, UNDESCRIBED)
        ids = {user_id: person_id for user_id, (person_id, _) in existing.items()}
        ids.update(await q.upsert_people(self.s, self.team_id, upserts, utcnow()))
        await team_history.record_changes(self.s, self.team_id, moved, self.now)
        # Written as named people, they would read as Slack's description of members for a
        # day (`storage.people.slack_profiles`): a guest asked about colleagues' questions and
        # shown public channels' kudos. Kept as guests until Slack says otherwise.
        await people_q.mark_guests(self.s, self.team_id, guests)
        await people_q.mark_guests(self.s, self.team_id, undescribed, undescribed=True)
        redeclared = await self._skills(chunk, ids, existing)
        redeclared |= await self._networks(chunk, ids, existing)
        changed |= redeclared
        if len(self.redeclared) <= IN_PLACE:  # past it, who they are no longer matters
            self.redeclared.update(ids[user_id] for user_id in redeclared)
        for accepted in chunk:
            user_id = accepted.profile.user_id
            self._skill_warnings(accepted.row)
            new = user_id not in existing
            target = (
                self.report.imported
                if new
                else self.report.updated
                if user_id in changed
                else self.report.unchanged
            )
            target.append(user_id)

    async def routed(self) -> None:
        """Every replica's routing index follows the skills and networks written before its
        next question: in place, re-reading just these people (`skills_version`), for up to
        IN_PLACE of them; rebuilt for more (`rebuild_version`), a limit set when a catch-up
        applied its people, about 1 ms each, in one stretch of the event loop (it yields
        every few milliseconds now: docs/directory.md)."""
        if len(self.redeclared) > IN_PLACE:
            await routing_changes.rebuild_routing(self.s, self.team_id)
        elif self.redeclared:
            await routing_changes.skills_changed(self.s, self.team_id, self.redeclared)

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

    async def _skills(
        self, chunk: list[Accepted], ids: dict[str, int], existing: Collection[str]
    ) -> set[str]:
        skill_of = self.skill_of
        missing: dict[str, str] = {}  # key → name, of the skills to create
        for accepted in chunk:
            for name in accepted.row.skills:
                if name not in skill_of:
                    key, display, _ = self._key(name)
                    found = self.skill_ids.get(key)
                    if found is None:
                        missing.setdefault(key, display)
                    else:
                        skill_of[name] = found
        if missing:
            await q.ensure_skills(self.s, self.team_id, missing)
            self.skill_ids = await q.skill_ids(self.s, self.team_id)
        # Someone new this chunk has no skills yet: only the others' are looked up.
        current = await q.skill_levels(self.s, [ids[u] for u in existing])
        people: list[int] = []
        skills: list[int] = []
        levels: list[int] = []
        changed: set[str] = set()
        for accepted in chunk:
            user_id = accepted.profile.user_id
            person = ids[user_id]
            chosen = {  # skill id → level, the last one kept when two names mean one skill
                skill_of.get(name) or self._skill_id(name): level
                for name, level in accepted.row.skills.items()
            }
            if user_id in existing:
                have = current.get(person, {})
                if chosen.items() <= have.items():  # what a file run again finds
                    continue
                chosen = {k: v for k, v in chosen.items() if have.get(k) != v}
            if chosen:
                changed.add(user_id)
                people += [person] * len(chosen)
                skills += chosen
                levels += chosen.values()
        await q.set_person_skills(
            self.s, self.team_id, people, skills, levels, "imported", self.now
        )
        return changed

    def _skill_id(self, name: str) -> int:
        """The id of a skill this chunk created, remembered for the name."""
        found = self.skill_of[name] = self.skill_ids[self._key(name)[0]]
        return found

    async def _networks(
        self, chunk: list[Accepted], ids: dict[str, int], existing: Collection[str]
    ) -> set[str]:
        """`apply_network_entry` for each entry: an entry for a colleague or contact already
        there updates its topics and relationship, another one is added."""
        with_network = [a for a in chunk if a.network]
        if not with_network:
            return set()
        there = [ids[a.profile.user_id] for a in with_network if a.profile.user_id in existing]
        rows = await q.connections_for(self.s, there)
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
                        item.relationship_or_default,
                    )
                    entries.append(entry)
                    continue
                entry = entries[at]
                entries[at] = replace(
                    entry,
                    topics=tuple(item.topics) or entry.topics,
                    relationship=item.relationship or entry.relationship,
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

    def _skill_warnings(self, row: PersonRow) -> None:
        """A skill the vocabulary lacks is added as new, with the closest known one named.

        Looked up once per name. A typo (`did_you_mean`) is always named; the wider type-ahead
        match (`suggest`, ~20 ms a name) only for the first FUZZY_HINTS new names: a file that
        brings thousands of new skills is a new vocabulary, not a list of typos."""
        hints = self.hints
        for name in row.skills:
            if name not in hints:  # one string a name, shared by its rows' warnings
                hints[name] = self._warning(name)
            reason = hints[name]
            if reason is not None:
                self.report.warn(row.line, reason)

    def _warning(self, name: str) -> str | None:
        if self._key(name)[2]:
            return None
        hint = _hint(self.vocabulary, name, self.new_names < FUZZY_HINTS)
        self.new_names += 1
        return f"skill {typed(name)} is not in the vocabulary, added as new{hint}"


def _hint(vocabulary: Vocabulary, name: str, fuzzy: bool) -> str:
    match = vocabulary.did_you_mean(name)
    if match is None and fuzzy:
        match = next(iter(vocabulary.suggest(name, 1)), None)
    return f" (closest: {match.name})" if match else ""


def _same_target(entry: q.ConnectionRow, item: NetworkInput) -> bool:
    if item.colleague_user_id:
        return entry.colleague_user_id == item.colleague_user_id
    return (entry.contact_name or "").lower() == (item.contact_name or "").lower()


def _undescribed(profile: Profile, person: dict[str, Any] | None) -> bool:
    """Whether the row names someone Slack never described (no name stored) and does not
    say now whether they are a guest of the workspace (an import from the file alone)."""
    return (person is None or not person["name"]) and "is_guest" in profile.unsaid


def _fields(accepted: Accepted, person: dict[str, Any] | None) -> dict[str, Any]:
    """The person's PERSON_FIELDS after the row: what the row says, else what Slack says,
    else what is recorded."""
    row, profile, old = accepted.row, accepted.profile, person or _NEW_PERSON
    return fitted(
        {
            "name": row.handle or profile.name or old["name"],
            "real_name": row.name or profile.real_name or old["real_name"],
            "email": row.email or profile.email or old["email"],
            "tz": row.tz or profile.tz or old["tz"],
            "title": row.title if row.title is not None else old["title"],
            "team_name": row.team if row.team is not None else old["team_name"],
            "manager_user_id": _manager_after(accepted, old),
            "roles": list(row.roles) if row.roles is not None else old["roles"],
            "interests": list(row.interests) if row.interests is not None else old["interests"],
        }
    )


def _manager_after(accepted: Accepted, old: dict[str, Any]) -> str | None:
    """The row's manager; none named keeps the one recorded, and `none` ("") clears it."""
    if accepted.row.manager is None:
        return str(old["manager_user_id"]) if old["manager_user_id"] else None
    return accepted.manager if accepted.row.manager else None


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
