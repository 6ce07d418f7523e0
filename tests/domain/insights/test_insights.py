"""The measures on a hand-made company (`world.py`), and who sees what of them: the
visibility matrix (employee, manager, admin × private kudos, network entries)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.errors import UserError
from bot.insights.flows import TopicFinder
from bot.insights.outline import as_csv
from bot.insights.picture import teams_png
from bot.insights.service import InsightsService, Shown
from storage.models import Offer, Person, PersonSkill, Question, Skill
from tests.domain.insights.world import MARK_NET, MARK_PRIVATE, NOW, TEAM, question_row, seed, uid

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def insights(sessions: async_sessionmaker[AsyncSession]) -> InsightsService:
    await seed(sessions)
    return InsightsService(sessions, lambda: NOW)


async def test_the_measures_find_the_risk_the_connectors_the_silo_and_the_pair(
    insights: InsightsService,
) -> None:
    analysis = await insights.analysis(TEAM)
    assert analysis.sizes == {"Platform": 6, "Data": 3, "Sales": 4, "Legal": 3}
    assert uid("boss") not in analysis.team_of  # a team of one is in no team figure
    by_topic = {r.topic: r for r in analysis.risks}
    terraform = by_topic["terraform"]
    assert terraform.person == uid("dev") and terraform.network_count == 1
    assert terraform.second == (uid("alice"), uid("bob"))  # a lower level, then an interest
    assert by_topic["kafka"].person is None and by_topic["kafka"].asked == 3
    assert "postgresql" not in by_topic  # bob and gina both know it
    connectors = {c.user_id: c for c in analysis.connectors}
    assert set(connectors) == {uid("bob"), uid("hugo")}  # tom's help was private
    assert connectors[uid("bob")].unsung and connectors[uid("bob")].teams_helped == 2
    assert not connectors[uid("hugo")].unsung
    flows = {(f.helper_team, f.helped_team): f.count for f in analysis.flows}
    assert flows["Platform", "Sales"] == 4  # bob's question and tom's 3 private kudos, counted
    assert analysis.silos == ("Legal",)
    assert [(u.asking_team, u.offered_team, u.questions) for u in analysis.unanswered] == [
        ("Sales", "Data", 2)
    ]
    assert set(analysis.bridges) == set(analysis.sizes)  # a triangle and a silo: no bridge


def _everything(shown: Shown) -> str:
    return shown.text() + as_csv(shown.view, shown.names)


async def test_admins_see_the_workspace_and_name_the_one_person(
    insights: InsightsService,
) -> None:
    shown = await insights.for_viewer(TEAM, uid("olga"), slack_admin=False)
    text = _everything(shown)
    assert "only Dev" in text and "Bob (Platform)" in text and "Hugo (Data)" in text
    assert "unsung" in text and "Legal neither gave nor got help" in text
    assert "help flow,Legal,Legal" not in text  # help within a team is no flow, as in the text
    assert "1 network entry knows someone" in text
    assert shown.view.teams == {"Platform", "Data", "Sales", "Legal"}


@pytest.mark.parametrize(
    ("viewer", "slack_admin", "named", "not_named", "teams"),
    [
        ("olga", False, {"Dev", "Bob", "Hugo"}, {"Tom"}, {"Platform", "Data", "Sales", "Legal"}),
        ("lou", True, {"Dev", "Bob", "Hugo"}, {"Tom"}, {"Platform", "Data", "Sales", "Legal"}),
        ("maria", False, {"Dev", "Bob"}, {"Hugo", "Tom"}, {"Platform"}),
        ("sam", False, {"Hugo"}, {"Dev", "Bob", "Tom"}, {"Data"}),
    ],
)
async def test_the_visibility_matrix(
    insights: InsightsService,
    viewer: str,
    slack_admin: bool,
    named: set[str],
    not_named: set[str],
    teams: set[str],
) -> None:
    """Admins (by role or in Slack) and managers: private kudos and network entries are
    counts, never a name, a reason or a contact; a manager names only their own org."""
    shown = await insights.for_viewer(TEAM, uid(viewer), slack_admin=slack_admin)
    text = _everything(shown)
    assert MARK_PRIVATE not in text and MARK_NET not in text
    assert all(name in text for name in named), text
    assert not any(f"{name} (" in text or f"only {name}" in text for name in not_named), text
    assert shown.view.teams == teams


async def test_employees_see_none_of_it(insights: InsightsService) -> None:
    with pytest.raises(UserError, match="for managers"):
        await insights.for_viewer(TEAM, uid("alice"), slack_admin=False)


async def test_a_manager_sees_a_risk_outside_their_org_not_at_all(
    insights: InsightsService,
) -> None:
    shown = await insights.for_viewer(TEAM, uid("sam"), slack_admin=False)
    assert "terraform" not in {r.topic for r in shown.view.risks}
    assert "kafka" in {r.topic for r in shown.view.risks}  # nobody's: a topic, not a person


async def test_an_org_without_help_across_teams_is_not_said_to_be_the_workspace(
    insights: InsightsService,
) -> None:
    """Lea's org (Legal) only helps itself, while Bob and Hugo help across teams: her view
    said "Nobody helps across teams yet." and "No help between teams yet." of everyone."""
    text = (await insights.for_viewer(TEAM, uid("lea"), slack_admin=False)).text()
    assert "Nobody helps across teams" not in text and "No help between teams" not in text
    assert "Nobody in your org has helped across teams 2 times or more yet." in text, text
    assert "No help between your org's teams and others yet." in text, text


async def test_the_analysis_is_cached_between_runs(
    insights: InsightsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    first = await insights.analysis(TEAM)
    assert await insights.analysis(TEAM) is first
    insights.forget(TEAM)
    assert await insights.analysis(TEAM) is not first


async def test_the_picture_is_a_png(insights: InsightsService) -> None:
    shown = await insights.for_viewer(TEAM, uid("olga"), slack_admin=False)
    png = teams_png(shown.view)
    assert png.startswith(PNG) and len(png) > 5000


def test_topics_are_found_in_reasons_in_any_script() -> None:
    """Skill keys keep their script (`/skills add Базы данных` is `базы-данных`), so a kudos
    reason names them in it; C# and c++ keep their symbols."""
    finder = TopicFinder(["базы-данных", "c#", "postgresql", "データベース"])
    assert finder.find("Спасибо за помощь с Базы Данных и PostgreSQL") == {
        "базы-данных",
        "postgresql",
    }
    assert finder.find("C# help, and the データベース migration") == {"c#", "データベース"}
    assert finder.find("データベースの移行ありがとう") == {"データベース"}


async def test_a_pair_counts_questions_and_not_offers_still_waiting(
    insights: InsightsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """One question of Legal's offered to three in Platform is one question, not three
    offers; questions still waiting for an answer are nobody's refusal yet. Neither makes
    an unanswered pair (one open question was reported as Data → Platform: 3 offers)."""
    day = NOW - timedelta(days=2)
    async with sessions() as s, s.begin():
        once = question_row("lou", None, "unanswered", ["terraform"], day)
        waiting = [question_row("lyn", None, "open", ["terraform"], day) for _ in range(2)]
        s.add_all([once, *waiting])
        await s.flush()
        for who in ("alice", "bob", "dev"):
            s.add(_received(once, who, "expired"))
        s.add_all(_to_bob(waiting, "pending"))
    await _only_the_worlds_unanswered_pair(insights)


async def test_no_risk_found_does_not_say_every_topic_has_two_people(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Bob and Gina both know PostgreSQL; forecasting was asked twice and nobody knows it,
    too seldom to be a risk. Knowledge risks are none, but not because "every topic has at
    least two people who can help": forecasting has nobody."""
    async with sessions() as s, s.begin():
        ids = {}
        for handle, roles in (("olga", ["admin"]), ("bob", []), ("gina", []), ("xia", [])):
            person = Person(team_id=TEAM, user_id=uid(handle), name=handle, roles=roles)
            s.add(person)
            await s.flush()
            ids[handle] = person.id
        skill = Skill(team_id=TEAM, key="postgresql", name="PostgreSQL")
        s.add(skill)
        await s.flush()
        for handle in ("bob", "gina"):
            s.add(PersonSkill(team_id=TEAM, person_id=ids[handle], skill_id=skill.id, level=4))
        for _ in range(2):
            s.add(question_row("xia", None, "unanswered", ["forecasting"], NOW - timedelta(days=3)))
    shown = await InsightsService(sessions, lambda: NOW).for_viewer(
        TEAM, uid("olga"), slack_admin=False
    )
    assert shown.view.analysis.risks == ()
    assert "every topic has at least two people" not in shown.text()
    assert "None: no topic rests on one person" in shown.text()


async def test_help_with_a_question_withdrawn_afterwards_is_help_between_teams(
    insights: InsightsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Lou (Legal) took on Wes's question (Sales), which was then withdrawn or its message
    deleted (its words blanked): Legal helped Sales, so it is no silo any more."""
    assert "Legal" in (await insights.analysis(TEAM)).silos
    async with sessions() as s, s.begin():
        question = question_row("wes", "lou", "withdrawn", ["contracts"], NOW - timedelta(days=2))
        question.text = ""
        s.add(question)
    insights.forget(TEAM)
    analysis = await insights.analysis(TEAM)
    assert "Legal" not in analysis.silos
    assert ("Legal", "Sales", 1) in [
        (f.helper_team, f.helped_team, f.count) for f in analysis.flows
    ]


async def test_a_question_nobody_was_asked_is_not_counted_as_asked(
    insights: InsightsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """A draft waits for its asker's click (a private question, or one shown solved
    questions first); withdrawn or deleted before that click, nobody was asked it. Neither
    counts under "asked N×"; a question put to a colleague does, and so does one that found
    nobody who could be asked, or only colleagues Slack refused to message: the topic was
    asked about all the same."""
    day = NOW - timedelta(days=2)
    async with sessions() as s, s.begin():
        s.add(question_row("wes", None, "draft", ["terraform"], day))
        s.add(question_row("xia", None, "withdrawn", ["terraform"], day))
        s.add(question_row("lou", None, "unanswered", ["terraform"], day))
        put = question_row("lyn", None, "withdrawn", ["terraform"], day)
        refused = question_row("wes", None, "unanswered", ["terraform"], day)
        s.add_all([put, refused])
        await s.flush()
        for question, status in ((put, "expired"), (refused, "refused")):
            s.add(
                Offer(
                    team_id=TEAM,
                    question_id=question.id,
                    candidate_user_id=uid("dev"),
                    status=status,
                )
            )
    insights.forget(TEAM)
    analysis = await insights.analysis(TEAM)
    assert {r.topic: r.asked for r in analysis.risks}["terraform"] == 3


async def test_a_manager_who_declared_a_topic_is_named_to_themselves(
    insights: InsightsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Maria declared Terraform at 3, as Alice did: a second to Dev for her own view too,
    though her org is the people below her. Naming her to herself tells her nothing new."""
    async with sessions() as s, s.begin():
        maria = await s.scalar(select(Person.id).where(Person.user_id == uid("maria")))
        terraform = await s.scalar(select(Skill.id).where(Skill.key == "terraform"))
        s.add(PersonSkill(team_id=TEAM, person_id=maria, skill_id=terraform, level=3))
    insights.forget(TEAM)
    shown = await insights.for_viewer(TEAM, uid("maria"), slack_admin=False)
    risk = {r.topic: r for r in shown.view.risks}["terraform"]
    assert risk.second == (uid("alice"), uid("maria"), uid("bob"))
    assert "only Dev; a second one could be Alice, Maria, Bob" in shown.text()


async def test_a_managers_connectors_are_their_orgs_best_not_the_workspaces_top_ten(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Ten more people in Platform each took on three questions from Sales: with Bob, eleven
    connectors help more than Hugo (twice). Sam, Data's manager, still reads Hugo as his org's
    connector, not "Nobody helps across teams yet"; the workspace's view lists ten."""
    await seed(sessions)
    day = NOW - timedelta(days=5)
    async with sessions() as s, s.begin():
        for n in range(10):
            s.add(Person(team_id=TEAM, user_id=uid(f"p{n}"), name=f"p{n}", real_name=f"P{n}",
                         team_name="Platform", manager_user_id=uid("maria")))  # fmt: skip
            for _ in range(3):
                s.add(question_row("wes", f"p{n}", "solved", ["sql"], day))
    insights = InsightsService(sessions, lambda: NOW)
    shown = await insights.for_viewer(TEAM, uid("sam"), slack_admin=False)
    assert [c.user_id for c in shown.view.connectors] == [uid("hugo")]
    assert "Hugo (Data): helped 2×" in shown.text()
    everyone = await insights.for_viewer(TEAM, uid("olga"), slack_admin=False)
    assert len(everyone.view.connectors) == 10 and uid("hugo") not in {
        c.user_id for c in everyone.view.connectors
    }


async def test_requests_slack_never_delivered_are_nobodys_refusal(
    insights: InsightsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Two questions of Legal's whose requests to Bob in Platform Slack kept failing until the
    outbox gave them up (`unsent`): Bob never got them, so Legal → Platform is no pair that
    went unanswered."""
    day = NOW - timedelta(days=2)
    async with sessions() as s, s.begin():
        asked = [question_row("lou", None, "unanswered", ["terraform"], day) for _ in range(2)]
        s.add_all(asked)
        await s.flush()
        s.add_all(_to_bob(asked, "unsent"))
    await _only_the_worlds_unanswered_pair(insights)


@pytest.mark.parametrize("status", ["expired", "superseded", "declined"])
async def test_requests_that_ended_before_slack_delivered_them_are_nobodys_refusal(
    insights: InsightsService, sessions: async_sessionmaker[AsyncSession], status: str
) -> None:
    """Two questions of Legal's whose requests to Bob in Platform Slack had yet to deliver
    (it kept failing, or they waited for his morning or for a refused token to be fixed)
    when they ran out, someone else took the question on, or he was passed over: Bob never
    got them, so Legal → Platform is no pair that went unanswered, where it was one."""
    day = NOW - timedelta(days=2)
    async with sessions() as s, s.begin():
        asked = [question_row("lou", None, "unanswered", ["terraform"], day) for _ in range(2)]
        s.add_all(asked)
        await s.flush()
        s.add_all(_to_bob(asked, status))
    await _only_the_worlds_unanswered_pair(insights)


def _received(question: Question, who: str, status: str) -> Offer:
    """A request its colleague got in their DM, which ended `status`."""
    return Offer(
        team_id=TEAM,
        question_id=question.id,
        candidate_user_id=uid(who),
        status=status,
        dm_channel_id="D1",
        dm_ts="1.000001",
    )


def _to_bob(questions: list[Question], status: str) -> list[Offer]:
    return [
        Offer(team_id=TEAM, question_id=q.id, candidate_user_id=uid("bob"), status=status)
        for q in questions
    ]


async def _only_the_worlds_unanswered_pair(insights: InsightsService) -> None:
    insights.forget(TEAM)
    analysis = await insights.analysis(TEAM)
    assert [(u.asking_team, u.offered_team, u.questions) for u in analysis.unanswered] == [
        ("Sales", "Data", 2)
    ]
