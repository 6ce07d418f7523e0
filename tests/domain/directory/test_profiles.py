"""ProfileService on a real database: declaring, ranking, privacy and forgetting."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import visibility
from bot.clock import Clock
from bot.directory.admin import add_alias, merge_skills
from bot.directory.parse import NetworkInput, SkillInput, parse_command
from bot.directory.profiles import ProfileEdit, ProfileService
from bot.errors import UserError
from storage import people
from storage.models import Connection, Kudos, Person, PersonSkill
from tests.domain.test_cli_help import help_of

T = "T1"


@pytest.fixture
async def directory(sessions: async_sessionmaker[AsyncSession]) -> ProfileService:
    async with sessions() as s, s.begin():
        for uid, name in (("U1", "ana"), ("U2", "bob"), ("U3", "cy"), ("U4", "dee")):
            await people.upsert_profile(s, T, uid, name=name, real_name=name.title())
    return ProfileService(sessions, Clock())


async def test_add_normalises_and_asks_about_near_misses(directory: ProfileService) -> None:
    """`k8s:4` saves Kubernetes; `kubernets` is held back with a suggestion; `!` forces it."""
    outcome = await directory.add_skills(
        T, "U1", [SkillInput("k8s", 4), SkillInput("kubernets"), SkillInput("postgres")]
    )
    assert [(s.key, s.level) for s in outcome.saved] == [("kubernetes", 4), ("postgresql", 3)]
    assert [(i.name, n.key) for i, n in outcome.unclear] == [("kubernets", "kubernetes")]
    forced = await directory.add_skills(T, "U1", [SkillInput("kubernets", 2, force_new=True)])
    assert forced.saved[0].key == "kubernets"
    removed, missing = await directory.remove_skills(T, "U1", ["kubernets", "rust"])
    assert removed == ["kubernets"] and missing == ["rust"]


async def test_who_ranks_by_level_then_activity_and_skips_leavers(
    directory: ProfileService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Higher level first, then more evidence; deactivated people are not listed."""
    await directory.add_skills(T, "U1", [SkillInput("terraform", 3)])
    await directory.add_skills(T, "U2", [SkillInput("tf", 5)])
    await directory.add_skills(T, "U3", [SkillInput("terraform", 3)])
    await directory.add_skills(T, "U4", [SkillInput("terraform", 5)])
    async with sessions() as s, s.begin():
        row = await s.scalar(select(PersonSkill).where(PersonSkill.team_id == T).limit(1))
        assert row is not None
        await s.execute(
            update(PersonSkill).values(evidence=0).execution_options(synchronize_session=False)
        )
        three = await s.scalars(select(PersonSkill).where(PersonSkill.level == 3))
        for ps in three:
            ps.evidence = 7 if ps.person_id == 3 else 0
        await people.upsert_profile(s, T, "U4", deactivated=True)
    answer = await directory.who(T, "Terraform", visibility.person("U1"))
    assert [e.user_id for e in answer.experts] == ["U2", "U3", "U1"]
    assert answer.name == "Terraform"


async def test_status_away_back_optout(directory: ProfileService) -> None:
    """Away until a date is shown and not routable; an elapsed away period reads available."""
    until = directory.today() + timedelta(days=3)
    status = await directory.set_status(T, "U1", "away", until)
    back = datetime.combine(until, time(), UTC)  # U1 has no time zone: UTC
    assert not status.routable and status.back_at == back
    assert status.describe(lambda at: at.isoformat()) == f"away, back {back.isoformat()}"
    directory._clock.advance(timedelta(days=4))
    view = await directory.profile(T, "U1", visibility.person("U1"))
    assert view.status.routable
    assert not (await directory.set_status(T, "U1", "opted_out")).routable


async def test_network_is_never_shown_to_others(directory: ProfileService) -> None:
    """Bob sees Ana's skills but not her network, through every read the service offers."""
    await directory.add_skills(T, "U1", [SkillInput("python", 4)])
    await directory.add_network(
        T, "U1", NetworkInput(colleague_handle="bob", relationship="personal")
    )
    await directory.add_network(T, "U1", NetworkInput(contact_name="CNCF Slack", topics=("helm",)))
    own = await directory.profile(T, "U1", visibility.person("U1"))
    assert own.network is not None and len(own.network) == 2
    other = await directory.profile(T, "U1", visibility.person("U2"))
    assert other.network is None and [s.key for s in other.skills] == ["python"]
    who = await directory.who(T, "python", visibility.person("U2"))
    assert "CNCF" not in repr(who) and "network" not in repr(who)
    assert visibility.may_see(visibility.ROUTING, "U1", visibility.Field.NETWORK)
    assert not visibility.may_see(visibility.Viewer(user_id=None), "U1", visibility.Field.NETWORK)
    with pytest.raises(ValueError):
        visibility.person("")


async def test_network_entries_update_in_place_and_remove(directory: ProfileService) -> None:
    """Re-adding the same contact updates it; removing an unknown entry is a UserError."""
    await directory.add_network(T, "U1", NetworkInput(contact_name="CNCF Slack", topics=("helm",)))
    again = await directory.add_network(
        T, "U1", NetworkInput(contact_name="cncf slack", topics=("k8s",), relationship="strategic")
    )
    assert again.topics == ("k8s",) and again.relationship == "strategic"
    assert await directory.remove_network(T, "U1", NetworkInput(contact_name="CNCF SLACK")) == 1
    with pytest.raises(UserError):
        await directory.remove_network(T, "U1", NetworkInput(contact_name="CNCF Slack"))
    with pytest.raises(UserError):
        await directory.add_network(T, "U1", NetworkInput(colleague_handle="nobody"))


async def test_forget_me_deletes_profile_and_network_but_not_kudos(
    directory: ProfileService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """After `/skills forget me` nothing of the profile is left; kudos rows are untouched."""
    await directory.add_skills(T, "U1", [SkillInput("python", 4)])
    await directory.set_interests(T, "U1", ["rust"])
    await directory.add_network(T, "U1", NetworkInput(contact_name="PyData"))
    async with sessions() as s, s.begin():
        s.add(
            Kudos(
                team_id=T,
                giver_user_id="U2",
                receiver_user_id="U1",
                message="thanks a lot!",
                source="command",
                idempotency_key="forget-me-test",
            )
        )
    await directory.forget(T, "U1")
    view = await directory.profile(T, "U1", visibility.person("U1"))
    assert (view.skills, view.interests, view.network) == ((), (), ())
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Connection)) == 0
        assert await s.scalar(select(func.count()).select_from(Kudos)) == 1


async def test_modal_edit_replaces_declared_profile(directory: ProfileService) -> None:
    """Saving the modal keeps exactly the submitted skills, interests and network."""
    await directory.add_skills(T, "U1", [SkillInput("python", 4), SkillInput("go", 2)])
    edit = ProfileEdit(
        skills={"python": 5, "Brand new thing": 1},
        interests=("rust", "Rust"),
        network=(NetworkInput(colleague_handle="cy", relationship="strategic"),),
    )
    await directory.save_edit(T, "U1", edit)
    view = await directory.profile(T, "U1", visibility.person("U1"))
    assert [(s.key, s.level) for s in view.skills] == [("python", 5), ("brand-new-thing", 1)]
    assert view.interests == ("rust",)
    assert view.network is not None and view.network[0].colleague_user_id == "U3"
    assert await directory.network_text(T, "U1") == "@cy as strategic"


async def test_modal_edit_keeps_the_levels_it_did_not_show(directory: ProfileService) -> None:
    """A level the modal left out (more skills than a field holds) keeps its skills."""
    await directory.add_skills(T, "U1", [SkillInput("python", 4), SkillInput("go", 2)])
    await directory.save_edit(T, "U1", ProfileEdit(skills={"rust": 3}, kept_levels=frozenset({4})))
    view = await directory.profile(T, "U1", visibility.person("U1"))
    assert [(s.key, s.level) for s in view.skills] == [("python", 4), ("rust", 3)]


async def test_admin_alias_and_merge(directory: ProfileService) -> None:
    """An alias makes a new word resolve; a merge moves people and keeps the higher level."""
    await directory.add_skills(T, "U1", [SkillInput("infrastructure-as-code", 4, True)])
    await directory.add_skills(T, "U2", [SkillInput("terraform", 2)])
    await directory.add_skills(T, "U1", [SkillInput("terraform", 3)])
    await add_alias(directory, T, "hcl-stuff", "terraform")
    assert (await directory.vocabulary(T)).normalise("hcl stuff") == "terraform"
    message = await merge_skills(directory, T, "infrastructure-as-code", "terraform")
    assert "1 profile moved" in message
    answer = await directory.who(T, "infrastructure as code", visibility.person("U3"))
    assert [(e.user_id, e.skill.level) for e in answer.experts] == [("U1", 4), ("U2", 2)]


async def test_a_merge_keeps_each_declaration_as_it_was_moved(
    directory: ProfileService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """What a merge writes, now in a few statements (it was one person at a time): someone
    who held both skills keeps the higher level and the two evidences summed, stamped when
    that changed; someone with the duplicate alone holds the target as they held the
    duplicate (level, source, evidence, when); someone with the target alone is untouched;
    an alias of the duplicate now names the target."""
    await directory.add_skills(T, "U1", [SkillInput("infra-code", 4, True)])
    await directory.add_skills(T, "U1", [SkillInput("terraform", 2)])
    await directory.add_skills(T, "U2", [SkillInput("infra-code", 5, True)], source="imported")
    await directory.add_skills(T, "U3", [SkillInput("terraform", 3)])
    await add_alias(directory, T, "iac", "infra-code")
    long_ago = datetime(2025, 1, 1, tzinfo=UTC)
    async with sessions() as s, s.begin():
        await s.execute(update(PersonSkill).values(evidence=2, updated_at=long_ago))

    message = await merge_skills(directory, T, "infra-code", "terraform")

    assert "2 profiles moved" in message
    async with sessions() as s:
        rows = await s.execute(
            select(Person.user_id, PersonSkill)
            .join(PersonSkill, PersonSkill.person_id == Person.id)
            .order_by(Person.user_id)
        )
        held = {uid: (ps.level, ps.source, ps.evidence, ps.updated_at) for uid, ps in rows}
    assert held["U1"][:3] == (4, "declared", 4) and held["U1"][3] > long_ago
    assert held["U2"] == (5, "imported", 2, long_ago)
    assert held["U3"] == (3, "declared", 2, long_ago)
    assert (await directory.vocabulary(T)).normalise("iac") == "terraform"


def test_parse_rejects_bad_input_with_a_hint() -> None:
    """Bad levels, past dates and unknown relationships are explained, not guessed."""
    today = date(2026, 1, 1)
    for text in ("add terraform:9", "away until 2025-01-01", "network add @bob as buddy", "fly"):
        with pytest.raises(UserError):
            parse_command(text, today)
    cmd = parse_command("network add CNCF Slack about kubernetes, helm as functional", today)
    assert cmd.entry.contact_name == "CNCF Slack" and cmd.entry.topics == ("kubernetes", "helm")  # type: ignore[union-attr]


async def test_an_alias_that_is_a_declared_skill_is_refused_as_its_help_says(
    directory: ProfileService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`askaround skills alias hcl terraform`, when people declared `hcl`, merges nothing: it
    is refused with the merge to run, and `skills alias --help` says so (it said such a skill
    is merged instead)."""
    await directory.add_skills(T, "U1", [SkillInput("hcl", 4, True)])
    with pytest.raises(UserError, match="askaround skills merge hcl terraform"):
        await add_alias(directory, T, "hcl", "terraform")
    assert [s.key for s in (await directory.profile(T, "U1", visibility.person("U1"))).skills] == [
        "hcl"
    ]
    said = " ".join(help_of(["skills", "alias"], monkeypatch).split())
    assert "merged instead" not in said
    assert (
        "a skill the workspace already has (people declared it, or an alias means it) is refused"
        in said
    )
    assert "`askaround skills merge`" in said


async def test_an_alias_of_a_new_skill_at_the_longest_key_keeps_its_name_in_the_column(
    directory: ProfileService,
) -> None:
    """`askaround skills alias` creates the skill named after its key; a key of the longest
    a skill's holds, starting with a letter whose capital is two (`ß` is `SS`), was a name
    of 101 characters, which PostgreSQL refused where SQLite kept it."""
    skill = "ß" + "x" * 150
    await add_alias(directory, T, "long-one", skill)
    await directory.add_skills(T, "U1", [SkillInput("long-one", 4)])
    [held] = (await directory.profile(T, "U1", visibility.person("U1"))).skills
    assert len(held.key) == 100 and held.name == held.key
