"""ProfileService: what people declare about themselves, and who knows what.

Just over 300 lines on purpose: every read and write of a profile stays in this one service.

Every read goes through `bot.visibility`, so nothing here returns a colleague's network.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home, visibility
from bot.clock import Clock
from bot.directory.network import (
    NetworkEntry,
    apply_network_entry,
    check_contact,
    check_typed_entry,
    network_entries,
    resolve_handle,
    typed_colleague,
)
from bot.directory.parse import (
    DEFAULT_LEVEL,
    SKILL_NAME_CHARS,
    NetworkInput,
    SkillInput,
    plain_words,
)
from bot.directory.skills import Suggestion, Vocabulary, shipped_vocabulary, skill_key
from bot.directory.status import AVAILABLE, Status, status_of
from bot.errors import UserError
from bot.questions import tell
from bot.questions.policy import FORGOTTEN_REASON, OFF_HOURS
from bot.safe_text import QUOTED_CHARS, clip, quoted, safe_text
from bot.timezone import local_date
from bot.visibility import Field, Viewer
from storage import network as network_q
from storage import offers as offers_q
from storage import people as people_q
from storage import questions as questions_q
from storage import routing_changes, workspaces
from storage import skills as skills_q
from storage.models import Person

WHO_MEMBERS_ONLY = (
    "Who knows what is for the workspace's members: it lists its people, and Slack shows its "
    "guests only the channels they were invited to. `/ask` with your question finds someone "
    "to help."
)
PROFILES_MEMBERS_ONLY = (
    "Colleagues' profiles are for the workspace's members: Slack shows its guests only the "
    "people of the channels they were invited to. `/skills` alone shows yours, and `/ask` "
    "with your question finds someone to help."
)


@dataclass(frozen=True)
class SkillView:
    key: str
    name: str
    level: int


@dataclass(frozen=True)
class ProfileView:
    """A profile as one viewer may see it: `network` is None when it is not theirs to see."""

    user_id: str
    name: str
    title: str
    team: str
    manager_user_id: str | None
    status: Status
    skills: tuple[SkillView, ...]
    interests: tuple[str, ...]
    network: tuple[NetworkEntry, ...] | None
    deactivated: bool = False


@dataclass(frozen=True)
class AddOutcome:
    saved: tuple[SkillView, ...] = ()
    unclear: tuple[tuple[SkillInput, Suggestion], ...] = ()


@dataclass(frozen=True)
class Expert:
    user_id: str
    name: str
    skill: SkillView
    status: Status


@dataclass(frozen=True)
class WhoAnswer:
    topic: str
    key: str | None
    name: str
    experts: tuple[Expert, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class ProfileEdit:
    """What the Edit profile modal submits: every declared skill, interests, network lines
    (None: the modal did not show them, too long for a text field, and they stay as they are),
    and the levels it did not show (more skills than a field holds), whose skills stay."""

    skills: dict[str, int] = field(default_factory=dict)
    interests: tuple[str, ...] | None = ()
    network: tuple[NetworkInput, ...] | None = ()
    kept_levels: frozenset[int] = frozenset()


async def _not_kept(
    s: AsyncSession, team_id: str, old: list[NetworkEntry], edit: ProfileEdit
) -> list[int]:
    """The entries the modal's lines no longer name: removed. One still named stays the same
    row, written anew, so a request it made a colleague a connector for still says it is
    from their network (`Offer.connection_id`)."""
    named = [await resolve_handle(s, team_id, entry) for entry in edit.network or ()]
    return [e.id for e in old if not any(e.same_target(line) for line in named)]


class ProfileService:
    """Profiles; a change to declared skills or a network, forget me too, counts up
    `skills_version` (each replica's routing index catches up in place at the next question:
    `bot.questions.indexes`), and a deletion also `profiles_version` (the insights'
    kept copy is made again)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        # None: the shipped one, read (1.4 MB) by the first skill looked up, not at start
        self._shipped = vocabulary

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        return self._sessions

    def today(self, tz: str | None = None) -> date:
        """Today in time zone `tz` (UTC without one): `away until tomorrow` is the person's."""
        return local_date(self._clock.now(), tz)

    async def vocabulary(self, team_id: str) -> Vocabulary:
        async with self._sessions() as s:
            return await self.vocabulary_in(s, team_id)

    async def vocabulary_in(self, s: AsyncSession, team_id: str) -> Vocabulary:
        """The shipped vocabulary with this workspace's skills and aliases, in a session."""
        skills, aliases = await skills_q.team_vocabulary(s, team_id)
        return (self._shipped or shipped_vocabulary()).overlay(skills, aliases)

    async def vocabulary_seen(self, s: AsyncSession, team_id: str, viewer: Viewer) -> Vocabulary:
        """The vocabulary as `viewer` may be shown it, in suggestions: to a guest of the
        workspace, the shipped one alone, without the skill names its people declared (words
        of their profiles, the member directory's, `visibility.sees_workspace_figures`)."""
        if not visibility.sees_workspace_figures(viewer):
            return self._shipped or shipped_vocabulary()
        return await self.vocabulary_in(s, team_id)

    async def suggest(
        self, team_id: str, text: str, viewer: Viewer, limit: int = 10
    ) -> list[Suggestion]:
        """*Edit profile*'s type-ahead, for `viewer` (`vocabulary_seen`)."""
        async with self._sessions() as s:
            vocabulary = await self.vocabulary_seen(s, team_id, await _stored(s, team_id, viewer))
        return vocabulary.suggest(text, limit)

    async def profile(self, team_id: str, owner_id: str, viewer: Viewer) -> ProfileView:
        """`owner_id`'s profile as `viewer` may see it; a guest of the workspace is refused
        anyone's but their own (`visibility.may_see_profile`)."""
        async with self._sessions() as s, s.begin():
            # Read first: the row is there but for someone askaround has not seen yet, and on
            # SQLite the insert of `ensure_person` would take the write lock.
            found = await people_q.get_person(s, team_id, owner_id)
            stored = (
                replace(viewer, guest=bool(found and found.is_guest))
                if viewer.user_id == owner_id
                else await _stored(s, team_id, viewer)
            )
            if not visibility.may_see_profile(stored, owner_id):
                raise UserError(PROFILES_MEMBERS_ONLY)
            person = found or await people_q.ensure_person(s, team_id, owner_id)
            return await self._view(s, person, viewer)

    async def _view(self, s: AsyncSession, person: Person, viewer: Viewer) -> ProfileView:
        owner = person.user_id
        skills = (
            await skills_q.skills_of(s, person)
            if visibility.may_see(viewer, owner, Field.SKILLS)
            else []
        )
        network = None
        if visibility.may_see(viewer, owner, Field.NETWORK):
            network = tuple(await network_entries(s, person))
        org = visibility.may_see(viewer, owner, Field.ORG)
        return ProfileView(
            user_id=owner,
            name=person.real_name or person.name or owner,
            title=person.title if org else "",
            team=person.team_name if org else "",
            manager_user_id=person.manager_user_id if org else None,
            status=status_of(person, self._clock.now()),
            skills=tuple(SkillView(r.key, r.name, r.level) for r in skills),
            interests=tuple(person.interests or ())
            if visibility.may_see(viewer, owner, Field.INTERESTS)
            else (),
            network=network,
            deactivated=person.deactivated,
        )

    async def add_skills(
        self, team_id: str, user_id: str, items: list[SkillInput], source: str = "declared"
    ) -> AddOutcome:
        """Save the skills the vocabulary knows or that are clearly new; ask about near misses.
        A skill named twice (`terraform:4, terraform:2`, or `k8s` and `kubernetes`) is one
        skill at its last level: that is what is kept, so it is all that is said."""
        saved: dict[str, SkillView] = {}
        unclear: list[tuple[SkillInput, Suggestion]] = []
        async with self._sessions() as s, s.begin():
            await workspaces.hold_for_profiles(s, team_id)
            person = await people_q.ensure_person(s, team_id, user_id)
            # Its near misses are suggested to whoever adds: a guest is offered none of the
            # workspace's own skill names, as in the type-ahead.
            seen_by = visibility.person(user_id, guest=person.is_guest)
            vocabulary = await self.vocabulary_seen(s, team_id, seen_by)
            for item in items:
                key = vocabulary.normalise(item.name)
                if key is None and not item.force_new:
                    near = vocabulary.did_you_mean(item.name)
                    if near is not None:
                        unclear.append((item, near))
                        continue
                key = key or skill_key(item.name)
                if not key:
                    raise UserError(
                        f"{quoted(clip(safe_text(item.name), QUOTED_CHARS))} is not a skill name."
                    )
                name = vocabulary.name(key) if vocabulary.knows(key) else item.name.strip()
                skill_id = await skills_q.ensure_skill(s, team_id, key, name)
                level = item.level or DEFAULT_LEVEL
                await skills_q.set_person_skill(
                    s, person, skill_id, level, source, self._clock.now()
                )
                saved[key] = SkillView(key, name, level)
            if saved:
                await routing_changes.skills_changed(s, team_id, [person.id])
                await home.changed_for(s, person, self._clock.now())
        return AddOutcome(tuple(saved.values()), tuple(unclear))

    async def remove_skills(
        self, team_id: str, user_id: str, names: list[str]
    ) -> tuple[list[str], list[str]]:
        """(removed names, names the person did not have). A skill named twice (`k8s,
        kubernetes`) is removed, and said, once."""
        removed: list[str] = []
        missing: list[str] = []
        seen: set[str] = set()
        async with self._sessions() as s, s.begin():
            await workspaces.hold_for_profiles(s, team_id)
            vocabulary = await self.vocabulary_in(s, team_id)
            person = await people_q.ensure_person(s, team_id, user_id)
            for name in names:
                key = vocabulary.normalise(name) or skill_key(name)
                if key in seen:
                    continue
                seen.add(key)
                skill_id = await skills_q.skill_id(s, team_id, key)
                if skill_id is not None and await skills_q.remove_person_skill(s, person, skill_id):
                    removed.append(vocabulary.name(key))
                else:
                    missing.append(name)
            if removed:
                await routing_changes.skills_changed(s, team_id, [person.id])
                await home.changed_for(s, person, self._clock.now())
        return removed, missing

    async def set_status(
        self, team_id: str, user_id: str, status: str, until: date | None = None
    ) -> Status:
        async with self._sessions() as s, s.begin():
            person = await people_q.ensure_person(s, team_id, user_id)
            await people_q.update_person(s, person, routing_status=status, away_until=until)
            await home.changed_for(s, person, self._clock.now())
            return status_of(person, self._clock.now())

    async def come_back(self, team_id: str, user_id: str) -> tuple[bool, Status]:
        """Make someone askable again: whether they were away or opted out until now (an
        away period already over counts as back: `status_of`), and their status now (a
        guest's is still not routable)."""
        async with self._sessions() as s, s.begin():
            person = await people_q.ensure_person(s, team_id, user_id)
            was = status_of(person, self._clock.now())
            await people_q.update_person(s, person, routing_status=AVAILABLE, away_until=None)
            await home.changed_for(s, person, self._clock.now())
            return was.kind != AVAILABLE, status_of(person, self._clock.now())

    async def set_interests(self, team_id: str, user_id: str, interests: list[str]) -> list[str]:
        """The interests as kept: each once, whatever its case."""
        kept = _unique(interests)
        async with self._sessions() as s, s.begin():
            person = await people_q.ensure_person(s, team_id, user_id)
            await people_q.update_person(s, person, interests=kept)
            await home.changed_for(s, person, self._clock.now())
        return kept

    async def add_network(self, team_id: str, user_id: str, entry: NetworkInput) -> NetworkEntry:
        async with self._sessions() as s, s.begin():
            await workspaces.hold_for_profiles(s, team_id)
            person = await people_q.ensure_person(s, team_id, user_id)
            await routing_changes.skills_changed(s, team_id, [person.id])
            await people_q.hold_person(s, person)  # the same line typed twice adds it once
            await check_contact(s, team_id, entry)
            await home.changed_for(s, person, self._clock.now())
            return await apply_network_entry(s, person, entry)

    async def remove_network(self, team_id: str, user_id: str, target: NetworkInput) -> int:
        async with self._sessions() as s, s.begin():
            await workspaces.hold_for_profiles(s, team_id)
            person = await people_q.ensure_person(s, team_id, user_id)
            entries = await network_entries(s, person)
            resolved = await resolve_handle(s, team_id, target)
            doomed = [e.id for e in entries if e.same_target(resolved)]
            if not doomed:
                meant = await typed_colleague(s, team_id, target)
                if meant is not None and any(e.colleague_user_id == meant.user_id for e in entries):
                    handle = meant.name or meant.user_id
                    raise UserError(
                        f"Did you mean @{handle}? `/skills network remove @{handle}` removes them."
                    )
                raise UserError("That is not in your network. `/skills` shows your network.")
            # Caught up in place like a skill (`bot.questions.indexes`): before the next
            # question in every replica, without the rebuild a deletion costs.
            await routing_changes.skills_changed(s, team_id, [person.id])
            await workspaces.profiles_changed(s, team_id)  # the insights' copy is made again
            await home.changed_for(s, person, self._clock.now())
            return await network_q.delete_connections(s, doomed)

    async def save_edit(self, team_id: str, user_id: str, edit: ProfileEdit) -> None:
        """Replace declared skills, interests and network with what the modal submitted,
        which was opened from the Home tab: the tab is rebuilt with them."""
        async with self._sessions() as s, s.begin():
            await workspaces.hold_for_profiles(s, team_id)
            vocabulary = await self.vocabulary_in(s, team_id)
            person = await people_q.ensure_person(s, team_id, user_id)
            wanted: dict[str, int] = {}
            names: dict[str, str] = {}
            for text, level in edit.skills.items():
                key = vocabulary.normalise(text) or skill_key(text)
                if key:
                    wanted[key] = max(level, wanted.get(key, 0))
                    known = vocabulary.knows(key)
                    names[key] = (
                        vocabulary.name(key)
                        if known
                        else plain_words(text.strip(), "a skill", longest=SKILL_NAME_CHARS)
                    )
            for row in await skills_q.skills_of(s, person):
                if row.key not in wanted and row.level not in edit.kept_levels:
                    skill_id = await skills_q.skill_id(s, team_id, row.key)
                    assert skill_id is not None
                    await skills_q.remove_person_skill(s, person, skill_id)
            for key, level in wanted.items():
                skill_id = await skills_q.ensure_skill(s, team_id, key, names[key])
                await skills_q.set_person_skill(
                    s, person, skill_id, level, "declared", self._clock.now()
                )
            # Routing catches up in place (`bot.questions.indexes`), where it was rebuilt before
            # the next question (30-50 s at 100,000 people).
            await routing_changes.skills_changed(s, team_id, [person.id])
            await workspaces.profiles_changed(s, team_id)  # the insights' copy is made again
            if edit.interests is not None:
                await people_q.update_person(s, person, interests=_unique(edit.interests))
            if edit.network is not None:
                old = await network_entries(s, person)
                await network_q.delete_connections(s, await _not_kept(s, team_id, old, edit))
                written: set[int] = set()
                for entry in edit.network:
                    await check_typed_entry(s, team_id, entry, old)
                    await apply_network_entry(s, person, entry, anew=written)
            await home.changed(s, team_id, user_id, self._clock.now())

    async def who(self, team_id: str, topic: str, viewer: Viewer) -> WhoAnswer:
        """People who declared the topic's skill: highest level first, then most active. The
        workspace's people searched by skill, which a guest of it is refused, as leaderboards
        are (`visibility.sees_workspace_figures`)."""
        async with self._sessions() as s:
            if not visibility.sees_workspace_figures(await _stored(s, team_id, viewer)):
                raise UserError(WHO_MEMBERS_ONLY)
            vocabulary = await self.vocabulary_in(s, team_id)
            key = vocabulary.normalise(topic)
            if key is None:
                near = vocabulary.did_you_mean(topic)
                key = near.key if near is not None else skill_key(topic)
            rows = await skills_q.experts(s, team_id, [key])
        if not rows:
            # Held by nobody who can be listed now (someone who left): not a search to suggest.
            hints = [
                x
                for x in vocabulary.suggest(topic, 5)
                if x.key in vocabulary.team_keys and x.key != key
            ]
            # A skill the vocabulary knows by its name ("Kubernetes" for `kubernetes`, `k8s`),
            # as a list of its experts says it; anything else as typed.
            named = vocabulary.name(key) if key in vocabulary.names else topic
            return WhoAnswer(topic, None, named, suggestions=tuple(hints[:3]))
        rows.sort(
            key=lambda r: (-r.skill.level, -r.skill.evidence, -r.skill.updated_at.timestamp())
        )
        experts = tuple(
            Expert(
                user_id=r.person.user_id,
                name=r.person.real_name or r.person.name or r.person.user_id,
                skill=SkillView(r.skill.key, r.skill.name, r.skill.level)
                if visibility.may_see(viewer, r.person.user_id, Field.SKILLS)
                else SkillView(r.skill.key, r.skill.name, 0),
                status=status_of(r.person, self._clock.now()),
            )
            for r in rows
        )
        return WhoAnswer(topic, key, vocabulary.name(key), experts)

    async def network_text(self, team_id: str, user_id: str) -> str:
        """The owner's network in the modal's one-entry-per-line syntax, with `@handles`."""
        async with self._sessions() as s:
            person = await people_q.people_by_id(s, team_id, [user_id])
            if user_id not in person:
                return ""
            entries = await network_entries(s, person[user_id])
            ids = [e.colleague_user_id for e in entries if e.colleague_user_id]
            colleagues = await people_q.people_by_id(s, team_id, ids)
        return "\n".join(
            e.as_text(
                colleagues[e.colleague_user_id].name if e.colleague_user_id in colleagues else None
            )
            for e in entries
        )

    async def forget(self, team_id: str, user_id: str) -> None:
        """`/skills forget me`: routing takes their skills and network out in place, as it does
        a `/skills remove` (`bot.questions.indexes`), and keeps what the ledger keeps (the
        questions they helped with, their kudos), as a rebuild would read them."""
        async with self._sessions() as s, s.begin():
            await workspaces.hold_for_profiles(s, team_id)
            person = await people_q.ensure_person(s, team_id, user_id)
            await people_q.forget_skills(s, person)
            await routing_changes.skills_changed(s, team_id, [person.id])
            await workspaces.profiles_changed(s, team_id)  # the insights' copy is made again
            await people_q.forget_person(s, person)
            # Why they were asked came from the profile they deleted, and an asker's list or
            # their request drawn again would say it on.
            now = self._clock.now()
            reworded = await offers_q.reword_reasons_to(
                s, team_id, user_id, FORGOTTEN_REASON, OFF_HOURS
            )
            # Those already drawn are drawn again: the asker's list, maybe in a public
            # thread, went on saying "declared X, level 4" of the profile deleted.
            why = f"forgotten:{user_id}:{now.isoformat()}"
            for question in (await questions_q.questions_by_id(s, reworded)).values():
                await tell.asking_reworded(s, question, now, why)
            await home.changed_for(s, person, now)


def _unique(items: list[str] | tuple[str, ...]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item.strip():
            seen.setdefault(item.strip().lower(), item.strip())
    return list(seen.values())


async def _stored(s: AsyncSession, team_id: str, viewer: Viewer) -> Viewer:
    """`viewer` a guest of the workspace or not, as it stores them."""
    if viewer.user_id is None:
        return viewer
    return replace(viewer, guest=await people_q.is_guest(s, team_id, viewer.user_id))
