"""`/skills forget me` deletes what the person told us, and nothing the organisation or their
own earlier choice decided (issue 12, item 9)."""

from __future__ import annotations

from sqlalchemy import select, update

from storage.models import Connection, Person, PersonSkill
from tests.slack.harness import SlackHarness


async def carol(slack: SlackHarness) -> Person:
    async with slack.services.sessions() as s:
        person = await s.scalar(
            select(Person).where(
                Person.team_id == slack.team_id, Person.user_id == slack.user("carol")
            )
        )
        assert person is not None
        return person


async def test_forget_me_keeps_the_directory_and_an_opt_out(slack: SlackHarness) -> None:
    """Carol, an SRE on Platform reporting to Maria, opted out of questions, then forgets her
    profile: her skills, interests and network go; her title, team, manager and opt-out stay,
    and the answer says so."""
    for text in ("add terraform:4", "interests rust", "network add CNCF Slack about helm"):
        assert (await slack.command("carol", "/skills", text)).ok
    assert (await slack.command("carol", "/skills", "optout")).ok
    await slack.settle()
    async with slack.services.sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(Person.team_id == slack.team_id, Person.user_id == slack.user("carol"))
            .values(title="SRE", team_name="Platform", manager_user_id=slack.user("maria"))
        )
    assert (await slack.command("carol", "/skills", "forget me")).ok
    await slack.settle()
    answer = slack.emu.ephemerals(slack.user("carol"))[-1].text
    assert "deleted" in answer and "stay" in answer
    person = await carol(slack)
    assert (person.title, person.team_name) == ("SRE", "Platform")
    assert person.manager_user_id == slack.user("maria")
    assert person.routing_status == "opted_out" and person.interests == []
    async with slack.services.sessions() as s:
        assert (
            await s.scalars(select(PersonSkill).where(PersonSkill.person_id == person.id))
        ).all() == []
        assert (
            await s.scalars(select(Connection).where(Connection.person_id == person.id))
        ).all() == []


async def type_ahead(slack: SlackHarness, handle: str, typed: str) -> list[str]:
    """What the Edit profile modal's skill type-ahead (a `block_suggestion`) offers `handle`
    typing `typed`: the modal opened from their Home tab, and closed again."""
    user = slack.user(handle)
    await slack.here.open_home(user)
    await slack.settle()
    await slack.here.click(user, "skills_edit_profile", view=slack.here.home_view(user))
    await slack.settle()
    modal = slack.here.open_modal(user)
    assert modal is not None
    options = await slack.here.suggest(user, "skills_level_4", typed, modal.id)
    await slack.here.close_view(user, modal.id)
    return [str(o["value"]) for o in options]


async def test_a_skill_name_nobody_holds_any_more_leaves_the_type_ahead(
    slack: SlackHarness,
) -> None:
    """Bob declares a skill only he ever typed, then forgets his profile: the name is no longer
    offered to anyone in the Edit profile type-ahead (a skill someone still holds is)."""
    for handle, text in (("bob", "add zanzibarquux!:4"), ("alice", "add zanzibarlang!:3")):
        assert (await slack.command(handle, "/skills", text)).ok
    await slack.settle()
    assert {"zanzibarquux", "zanzibarlang"} <= set(await type_ahead(slack, "carol", "zanzib"))
    assert (await slack.command("bob", "/skills", "forget me")).ok
    await slack.settle()
    shown = await type_ahead(slack, "carol", "zanzib")
    assert "zanzibarquux" not in shown and "zanzibarlang" in shown
