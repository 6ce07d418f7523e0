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
from bot.directory.skills import Vocabulary, skill_key
from bot.errors import UserError
from bot.safe_text import quoted
from bot.words import plural
from storage import routing_changes, workspaces
from storage import skills as q


def _skill_meant(vocabulary: Vocabulary, typed: str, command: str) -> str:
    """The key of the skill typed at the shell. A new name near a known one is asked about,
    as `/skills add kubernets` is (a typo would make a skill of its own, nobody's), and a
    trailing `!` keeps it as typed."""
    name = typed.strip()
    if name.endswith("!"):
        return skill_key(name.rstrip("!"))
    near = vocabulary.did_you_mean(name)
    if near is None:
        return vocabulary.normalise(name) or skill_key(name)
    raise UserError(
        f"{quoted(skill_key(name), one_line=True)} is no skill askaround knows: did you mean "
        f"{near.name}? `{command} {near.key}` (or `…{command.rsplit(' ', 1)[-1]} "
        f"{skill_key(name)}!` to make it a new skill)"
    )


async def add_alias(directory: ProfileService, team_id: str, alias: str, skill: str) -> str:
    """Make `alias` mean `skill` in this workspace; the skill is created if it is new."""
    alias_key = skill_key(alias)
    shown = quoted(alias_key, one_line=True)  # a terminal renders no markup
    async with directory.sessions() as s, s.begin():
        await workspaces.hold_for_profiles(s, team_id)
        vocabulary = await directory.vocabulary_in(s, team_id)
        key = _skill_meant(vocabulary, skill, f"askaround skills alias {alias_key}")
        if not alias_key or not key:
            raise UserError("Both the alias and the skill need a name.")
        if alias_key == key:
            raise UserError(f"{quoted(alias, one_line=True)} already is {vocabulary.name(key)}.")
        if vocabulary.aliases.get(alias_key) == key:
            return f"{shown} already means {vocabulary.name(key)} ({key}); nothing changed."
        if await q.skill_id(s, team_id, alias_key) is not None:
            raise UserError(
                f"{shown} is a skill of this workspace (its people's, or one an alias means); "
                f"use `askaround skills merge {alias_key} {key}` to fold it into "
                f"{vocabulary.name(key)}."
            )
        before = vocabulary.aliases.get(alias_key)
        skill_id = await q.ensure_skill(s, team_id, key, vocabulary.name(key))
        await q.set_alias(s, team_id, alias_key, skill_id)
        await routing_changes.skills_changed(s, team_id, ())
        meant = f"; it meant {vocabulary.name(before)}" if before else ""
        return f"{shown} now means {vocabulary.name(key)} ({key}){meant}."


async def merge_skills(directory: ProfileService, team_id: str, source: str, target: str) -> str:
    """Fold the duplicate skill `source` into `target`; `source` becomes an alias of it."""
    async with directory.sessions() as s, s.begin():
        # The workspace's row first, as every writer of profiles takes it: a `/skills add` or
        # an import of the same people waits for the merge, never deadlocks with it.
        await workspaces.hold_for_profiles(s, team_id)
        vocabulary = await directory.vocabulary_in(s, team_id)
        from_key = skill_key(source)
        shown = quoted(from_key, one_line=True)
        from_id = await q.skill_id(s, team_id, from_key)
        if from_id is None:
            meant = vocabulary.normalise(source)
            if meant is not None and meant == vocabulary.normalise(target):
                name = vocabulary.name(meant)
                return f"{shown} already means {name} ({meant}); nothing changed."
            raise UserError(f"Nobody here declared a skill {shown}.")
        into_key = _skill_meant(vocabulary, target, f"askaround skills merge {from_key}")
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
