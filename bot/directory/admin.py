"""Admin curation of a workspace's vocabulary: aliases and merges of duplicate skills.

Each counts `skills_version` in its unit of work (a merge with the people whose declarations
it moved): every replica's routing index catches up in place before its next question,
learning the aliases and the declarations moved (`bot.questions.indexes`). Until 6 December
neither counted, and routing went on without them until its next rebuild; then both counted
`rebuild_version`, and each replica's next question waited for a rebuild (30-50 s at
100,000 people).
"""

from __future__ import annotations

from bot.directory.profiles import ProfileService
from bot.directory.skills import skill_key
from bot.errors import UserError
from bot.safe_text import quoted
from bot.words import plural
from storage import routing_changes, workspaces
from storage import skills as q


async def add_alias(directory: ProfileService, team_id: str, alias: str, skill: str) -> str:
    """Make `alias` mean `skill` in this workspace; the skill is created if it is new."""
    alias_key = skill_key(alias)
    shown = quoted(alias_key, one_line=True)  # a terminal renders no markup
    async with directory.sessions() as s, s.begin():
        await workspaces.hold_for_profiles(s, team_id)
        vocabulary = await directory.vocabulary_in(s, team_id)
        key = vocabulary.normalise(skill) or skill_key(skill)
        if not alias_key or not key:
            raise UserError("Both the alias and the skill need a name.")
        if alias_key == key:
            raise UserError(f"{quoted(alias, one_line=True)} already is {vocabulary.name(key)}.")
        if vocabulary.aliases.get(alias_key) == key:
            return f"{shown} already means {vocabulary.name(key)} ({key}); nothing changed."
        if await q.skill_id(s, team_id, alias_key) is not None:
            raise UserError(
                f"{shown} is a skill people declared; use `askaround skills merge "
                f"{alias_key} {key}` to fold it into {vocabulary.name(key)}."
            )
        skill_id = await q.ensure_skill(s, team_id, key, vocabulary.name(key))
        await q.set_alias(s, team_id, alias_key, skill_id)
        await routing_changes.skills_changed(s, team_id, ())
        return f"{shown} now means {vocabulary.name(key)} ({key})."


async def merge_skills(directory: ProfileService, team_id: str, source: str, target: str) -> str:
    """Fold the duplicate skill `source` into `target`; `source` becomes an alias of it."""
    async with directory.sessions() as s, s.begin():
        # The workspace's row first, as every writer of profiles takes it: a `/skills add` or
        # an import of the same people waits for the merge, never deadlocks with it.
        await workspaces.hold_for_profiles(s, team_id)
        vocabulary = await directory.vocabulary_in(s, team_id)
        from_key = skill_key(source)
        shown = quoted(from_key, one_line=True)
        into_key = vocabulary.normalise(target) or skill_key(target)
        from_id = await q.skill_id(s, team_id, from_key)
        if from_id is None:
            raise UserError(f"Nobody here declared a skill {shown}.")
        if from_key == into_key:
            raise UserError("A skill cannot be merged into itself.")
        into_id = await q.ensure_skill(s, team_id, into_key, vocabulary.name(into_key))
        moved = await q.merge_skills(s, team_id, from_id, into_id)
        await q.set_alias(s, team_id, from_key, into_id)
        await routing_changes.skills_changed(s, team_id, moved)
        await workspaces.profiles_changed(s, team_id)  # the insights' copy is made again
        return (
            f"Merged {shown} into {vocabulary.name(into_key)}: "
            f"{plural(len(moved), 'profile')} moved, and {shown} is now an alias."
        )
