"""Every message and view the bot renders stays within Slack's Block Kit limits for any size
of input (issue 12, item 14): each renderer in `handlers/blocks/` is fed the largest cases
(5,000 people, 500 values, 3,000-character reasons, 200 skills, long names everywhere) and
its output is checked by `tests/slack/block_kit.py` (slack_sdk's models, and the limits they
do not check). A new `render_*` fails the last test until it is listed here."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from slack_sdk.errors import SlackObjectFormationError

from bot.digests.service import Roundup
from bot.digests.summary import Shoutout, TeamSummary, WeekCount
from bot.digests.weeks import IsoWeek
from bot.directory.network import NetworkEntry
from bot.directory.parse import SkillInput
from bot.directory.profiles import AddOutcome, Expert, ProfileView, SkillView, WhoAnswer
from bot.directory.skills import Suggestion
from bot.directory.status import Status
from bot.help import SLASH_COMMANDS
from bot.insights.outline import Section
from bot.kudos.records import (
    AboutSomeone,
    Entry,
    Given,
    HomeKudos,
    Leaderboard,
    MySummary,
    Standing,
)
from bot.people import HomeSummary
from bot.questions.results import Solved
from bot.questions.solved import SolvedMatch
from bot.questions.views import OfferView, QuestionView, RequestsWaiting, Waiting
from bot.reliability.delivery import Refusal
from bot.workspace_settings.keys import WorkspaceSettings
from bot.workspace_settings.service import Change
from handlers.blocks import (
    digests,
    elements,
    greeting,
    home,
    insights,
    kudos,
    kudos_form,
    kudos_taken_back,
    offers,
    question_ends,
    questions,
    skills,
    workspace_settings,
)
from tests.slack.block_kit import (
    MESSAGE_BLOCKS,
    VIEW_BLOCKS,
    check_blocks,
    check_message,
    check_options,
    check_view,
)
from tests.slack.renderers import renderer_names

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

PEOPLE = 5000
VALUES = 500
SKILLS = 200
LONG = ("a long reason with words " * 130)[:3000]  # 3,000 characters
NAME = "Maximilian-Alexander 🎉👩‍💻 " * 10  # a 280-character name, with emoji
SKILL_NAME = ("Site reliability engineering for distributed databases " * 10)[:500]
LINK = "https://example.slack.com/archives/C12345678/p1700000000000100?thread_ts=1.0"
NOW = datetime(2026, 11, 24, 10, tzinfo=UTC)
WEEK = IsoWeek(2026, 47)
USERS = [f"U{i:08d}" for i in range(PEOPLE)]
VALUE_NAMES = (
    "a-value-name-longer-than-an-option-may-show-" * 2,  # 88 characters
    *(f"value-number-{i}-with-a-long-name" for i in range(VALUES - 1)),
)

NEXT_DIGEST = datetime(2026, 11, 30, 8, tzinfo=UTC)  # a manager's next digest, on their Home tab


def entry(i: int = 0, *, values: tuple[str, ...] = VALUE_NAMES[:20]) -> Entry:
    return Entry(i, USERS[0], USERS[i % PEOPLE], LONG, values, "C1", False, "command", NOW, "k")


ENTRIES = tuple(entry(i) for i in range(PEOPLE))
NAMES = {u: NAME for u in USERS}
BOARD = Leaderboard("month", VALUE_NAMES[0], tuple(Standing(u, NAME, 5) for u in USERS))
GIVEN = Given(ENTRIES)


def question(i: int = 1) -> QuestionView:
    return QuestionView(i, "T1", USERS[0], "C1", "1.0", "1.0", LONG, "open", False, "mention", None)


def helped(i: int = 1) -> QuestionView:
    """A question someone is helping with: it lists with Solved beside Withdraw."""
    return replace(question(i), status="connected", helper_user_id=USERS[1])


def offer(i: int) -> OfferView:
    return OfferView(i, 1, USERS[i], LONG, LONG, "expert", "pending", USERS[1], None, None)


def waiting(total: int = PEOPLE) -> RequestsWaiting:
    """As many requests waiting as there are people (`total` in all), each its longest."""
    return RequestsWaiting([Waiting(question(i), offer(i), NOW) for i in range(PEOPLE)], total)


STATUS = Status("away", date(2026, 12, 24))
SKILL_VIEWS = tuple(SkillView(f"skill-{i}", f"{SKILL_NAME} {i}", i % 5 + 1) for i in range(SKILLS))
NETWORK = tuple(
    NetworkEntry(i, None, NAME, tuple(NAME for _ in range(20)), "functional") for i in range(500)
)
PROFILE = ProfileView(
    USERS[1], NAME, NAME, NAME, USERS[2], STATUS, SKILL_VIEWS, tuple(NAME for _ in range(200)),
    NETWORK,
)  # fmt: skip
ONE_LEVEL = replace(
    PROFILE, skills=tuple(SkillView(f"s-{i}", f"Skill {i}", 4) for i in range(SKILLS))
)
SUGGESTIONS = tuple(Suggestion(f"k{i}", f"{SKILL_NAME} {i}", 1.0) for i in range(SKILLS))
WHO = WhoAnswer(
    LONG,
    "k",
    NAME,
    tuple(Expert(u, NAME, SKILL_VIEWS[0], STATUS) for u in USERS),
    SUGGESTIONS,
)


def summary() -> TeamSummary:
    shoutouts = tuple(
        Shoutout(NAME, NAME, LONG, VALUE_NAMES[:50], date(2026, 11, 18)) for _ in range(PEOPLE)
    )
    return TeamSummary(
        team_id="T1",
        manager_user_id=USERS[0],
        manager_name=NAME,
        week=WEEK,
        tz="Europe/Madrid",
        team_size=PEOPLE,
        shoutouts=shoutouts,
        private_count=PEOPLE,
        top_givers=tuple((NAME, i) for i in range(PEOPLE)),
        helpers=tuple((NAME, i) for i in range(PEOPLE)),
        unsung=tuple(NAME for _ in range(PEOPLE)),
        quiet=tuple((NAME, None) for _ in range(PEOPLE)),
        values=tuple((v, 5) for v in VALUE_NAMES),
        weekly=tuple(WeekCount(WEEK.shifted(i - 7), PEOPLE, ()) for i in range(8)),
    )


SETTINGS = WorkspaceSettings(
    values=VALUE_NAMES,
    retired_values=VALUE_NAMES,
    daily_allowance=5,
    role_allowances={f"role-{i}": i for i in range(200)},
    min_reason_length=10,
    values_required=True,
    kudos_channel="C1",
    kudos_reactions=tuple(f"reaction_{i}" for i in range(100)),
    digest_weekday=0,
    digest_hour=9,
    digest_scope="all",
    digest_roundup=True,
    watched_channels=tuple(f"C{i:08d}" for i in range(500)),
    askaround_admins=tuple(USERS[:500]),
)
CHANGES = tuple(Change("values", LONG, LONG, USERS[0], NOW) for _ in range(PEOPLE))
INSIGHTS_PARTS = [Section(NAME, tuple(LONG for _ in range(500))) for _ in range(10)]

Check = Callable[[Any], None]
# (name, render with the largest input, the check its output must pass)
RENDERS: list[tuple[str, Callable[[], Any], Check]] = [
    ("render_help", lambda: elements.render_help(), check_message),
    ("render_error", lambda: elements.render_error(LONG * 3), check_message),
    (
        "render_home_intro",
        lambda: elements.render_home_intro(HomeSummary(USERS[0], 10**6)),
        lambda b: check_blocks(b, 10),
    ),
    ("render_greeting", lambda: greeting.render_greeting(None), check_message),
    ("render_empty_command", lambda: greeting.render_empty_command("/ask"), check_message),
    ("render_thanks_for_someone", greeting.render_thanks_for_someone, check_message),
    ("render_typed_command", lambda: greeting.render_typed_command(f"/ask {LONG}"), check_message),
    ("render_question_reply", greeting.render_question_reply, check_message),
    ("render_offer_reply", greeting.render_offer_reply, check_message),
    ("render_kudos_reply", greeting.render_kudos_reply, check_message),
    ("render_consent_reply", greeting.render_consent_reply, check_message),
    ("render_dm_reply", greeting.render_dm_reply, check_message),
    ("render_welcome", greeting.render_welcome, check_message),
    ("render_shoutout", lambda: kudos.render_shoutout(GIVEN, LONG), check_message),
    ("render_seconded", lambda: kudos.render_seconded(GIVEN), check_message),
    ("render_received", lambda: kudos.render_received(entry(), LONG), check_message),
    ("render_confirmation", lambda: kudos.render_confirmation(GIVEN), check_message),
    ("render_undo_ended", lambda: kudos.render_undo_ended(GIVEN), check_message),
    (
        "render_undone",
        lambda: kudos.render_undone(ENTRIES, tuple(LONG for _ in range(PEOPLE))),
        check_message,
    ),
    (
        "render_undone taken back",
        lambda: kudos.render_undone(ENTRIES, taken_back=True),
        check_message,
    ),
    (
        "render_undone given up",
        lambda: kudos.render_undone(ENTRIES, tuple(LONG for _ in range(PEOPLE)), given_up=True),
        check_message,
    ),
    ("render_unposted", lambda: kudos.render_unposted(GIVEN, "C1", LONG), check_message),
    ("render_kudos_help", lambda: kudos.render_kudos_help(), check_message),
    ("render_leaderboard", lambda: kudos.render_leaderboard(BOARD), check_message),
    (
        "render_mine",
        lambda: kudos.render_mine(
            MySummary(
                USERS[0], PEOPLE, PEOPLE, tuple((v, 3) for v in VALUE_NAMES), 52, ENTRIES, NAMES
            )
        ),
        check_message,
    ),
    (
        "render_about",
        lambda: kudos.render_about(
            AboutSomeone(
                USERS[1], NAME, PEOPLE, tuple((v, 3) for v in VALUE_NAMES), ENTRIES, NAMES, PEOPLE
            )
        ),
        check_message,
    ),
    (
        "render_give_modal",
        lambda: kudos_form.render_give_modal(
            VALUE_NAMES,
            values_required=True,
            recipients=USERS,
            permalink=LINK,
            metadata={"channel": "C1", "ts": "1.0", "link": LINK, "source": "message"},
            ask_channel=True,
        ),
        check_view,
    ),
    (
        "render_take_back_modal",
        lambda: kudos_taken_back.render_take_back_modal(ENTRIES, {"batch": "k" * 160}),
        check_view,
    ),
    (
        "render_taken_back_done",
        lambda: kudos_taken_back.render_taken_back_done(ENTRIES, already=False),
        check_view,
    ),
    (
        "render_taken_back_shoutout",
        lambda: kudos_taken_back.render_taken_back_shoutout(ENTRIES),
        check_message,
    ),
    (
        "render_taken_back_received",
        lambda: kudos_taken_back.render_taken_back_received(entry()),
        check_message,
    ),
    (
        "render_taken_back_told",
        lambda: kudos_taken_back.render_taken_back_told(ENTRIES, USERS[0], LONG),
        check_message,
    ),
    (
        "render_taken_back_told (its shout-out left)",
        lambda: kudos_taken_back.render_taken_back_told(ENTRIES, USERS[0], LONG, "<#C1>"),
        check_message,
    ),
    (
        "render_home_kudos",
        lambda: kudos.render_home_kudos(HomeKudos(USERS[0], 50, 50, ENTRIES, NAMES, BOARD)),
        lambda b: check_blocks(b, 30),
    ),
    (
        "render_asking",
        lambda: questions.render_asking(
            question(),
            [offer(i) for i in range(1, 200)],
            dict.fromkeys(USERS[:200], NAME),
            asker_alone=True,
            minutes=30,
        ),
        check_message,
    ),
    (
        "render_more",
        lambda: questions.render_more(
            [offer(i) for i in range(1, 200)],
            USERS[:200],
            dict.fromkeys(USERS[:200], NAME),
            asker_alone=True,
        ),
        check_message,
    ),
    (
        "render_passed_over",
        lambda: questions.render_passed_over(
            offer(1), dict.fromkeys(USERS[:1], NAME), asker_alone=True
        ),
        check_message,
    ),
    ("render_consent", lambda: questions.render_consent(question(), PEOPLE, True), check_message),
    (
        "render_asking_elsewhere",
        lambda: questions.render_asking_elsewhere(question(10**12)),
        check_message,
    ),
    ("render_told_privately", lambda: questions.render_told_privately(10**12), check_message),
    (
        "render_solved_first",
        lambda: questions.render_solved_first(
            question(),
            [SolvedMatch(i, LONG, USERS[0], USERS[1], "C1", "1.0", 1.0) for i in range(PEOPLE)],
            {i: "https://x.example/" + "p" * 2000 for i in range(PEOPLE)},
            PEOPLE,
            True,
        ),
        check_message,
    ),
    (
        "render_request_ended",
        lambda: offers.render_request_ended(question()),
        check_message,
    ),
    (
        "render_withdrawn",
        lambda: question_ends.render_withdrawn(
            Solved(question(), USERS[1], [offer(i) for i in range(1, PEOPLE)])
        ),
        check_message,
    ),
    (
        "render_offer",
        lambda: offers.render_offer(question(), offer(1), "https://x.example/" + "p" * 2000),
        check_message,
    ),
    ("render_offer_closed", lambda: offers.render_offer_closed(question(), LONG), check_message),
    ("render_helper_released", lambda: offers.render_helper_released(question()), check_message),
    (
        "render_helper_left",
        lambda: question_ends.render_helper_left(question(), USERS[1], NAMES),
        check_message,
    ),
    (
        "render_answered",
        lambda: question_ends.render_answered(Solved(question(), None, [])),
        check_message,
    ),
    (
        "render_solved_already",
        lambda: question_ends.render_solved_already(
            Solved(question(), USERS[1], already=True, solved_by=USERS[1], solved_at=NOW),
            USERS[0],
        ),
        check_message,
    ),
    ("render_connected", lambda: questions.render_connected(question(), USERS[1]), check_message),
    (
        "render_connected (helper left)",
        lambda: questions.render_connected(question(), USERS[1], left=True),
        check_message,
    ),
    ("render_solved", lambda: question_ends.render_solved(question(), USERS[1]), check_message),
    (
        "render_solved (by the helper)",
        lambda: question_ends.render_solved(
            replace(question(), solved_by=USERS[1]), USERS[1], {USERS[1]: NAME}
        ),
        check_message,
    ),
    (
        "render_unanswered",
        lambda: question_ends.render_unanswered(question(), [f"C{i:08d}" for i in range(PEOPLE)]),
        check_message,
    ),
    (
        "render_unanswered (refused)",
        lambda: question_ends.render_unanswered(
            question(), [f"C{i:08d}" for i in range(PEOPLE)], PEOPLE, PEOPLE, refused=Refusal()
        ),
        check_message,
    ),
    (
        "render_unanswered (unmatched)",
        lambda: question_ends.render_unanswered(
            question(), [f"C{i:08d}" for i in range(PEOPLE)], matched=False
        ),
        check_message,
    ),
    (
        "render_mine (questions)",
        lambda: questions.render_mine([question(i) for i in range(PEOPLE)]),
        check_message,
    ),
    ("render_nudge", lambda: questions.render_nudge("1.0"), check_message),
    ("render_not_now", lambda: questions.render_not_now(NOW), check_message),
    (
        "render_watch_unheard",
        lambda: questions.render_watch_unheard("C1", "U" + "X" * 30),
        check_message,
    ),
    ("render_already_asked", lambda: questions.render_already_asked(question(1)), check_message),
    ("render_on_behalf", lambda: questions.render_on_behalf(USERS[0], USERS[1], {}), check_message),
    (
        "render_home_questions",
        lambda: home.render_home_questions([question(i) for i in range(PEOPLE)]),
        lambda b: check_blocks(b, 20),
    ),
    (
        "render_home_requests",
        lambda: home.render_home_requests(waiting(10**6)),
        lambda b: check_blocks(b, 20),
    ),
    (
        "render_home_helping",
        lambda: home.render_home_helping(
            [helped(i) for i in range(PEOPLE)], {i: LINK for i in range(PEOPLE)}
        ),
        lambda b: check_blocks(b, 6),
    ),
    (
        "render_home_questions (each with a helper)",
        lambda: home.render_home_questions([helped(i) for i in range(PEOPLE)]),
        lambda b: check_blocks(b, 20),
    ),
    (
        "render_mine (questions, each with a helper)",
        lambda: questions.render_mine([helped(i) for i in range(PEOPLE)]),
        check_message,
    ),
    (
        "render_home_manager",
        lambda: home.render_home_manager(summary(), NEXT_DIGEST),
        lambda b: check_blocks(b, 5),
    ),
    ("render_report_modal", lambda: home.render_report_modal(summary()), check_view),
    ("render_home_refused", home.render_home_refused, check_view),
    (
        "render_home (every part at its largest, and more)",
        lambda: home.render_home([*home_parts(), [elements.section("x")] * 100], "T1"),
        check_view,
    ),
    ("render_profile", lambda: skills.render_profile(PROFILE, True), check_message),
    (
        "render_added",
        lambda: skills.render_added(
            AddOutcome(SKILL_VIEWS, tuple((SkillInput(SKILL_NAME, 3), s) for s in SUGGESTIONS))
        ),
        check_message,
    ),
    ("render_text", lambda: skills.render_text(LONG * 3), check_message),
    (
        "render_removed",
        lambda: skills.render_removed([SKILL_NAME] * SKILLS, [LONG] * PEOPLE),
        check_message,
    ),
    ("render_removed (nothing named)", lambda: skills.render_removed([], [" "]), check_message),
    ("render_who", lambda: skills.render_who(WHO), check_message),
    ("render_skills_help", lambda: skills.render_skills_help(), check_message),
    (
        "render_home_profile",
        lambda: skills.render_home_profile(PROFILE),
        lambda b: check_blocks(b, 10),
    ),
    (
        "render_skill_options",
        lambda: skills.render_skill_options(LONG, list(SUGGESTIONS)),
        check_options,
    ),
    (
        "render_skill_options (typed as a suggestion's key)",
        lambda: skills.render_skill_options(SUGGESTIONS[1].key, list(SUGGESTIONS[:3])),
        check_options,
    ),
    ("render_edit_modal", lambda: skills.render_edit_modal(PROFILE, LONG * 10), check_view),
    (
        "render_edit_modal (more skills at one level than a field holds)",
        lambda: skills.render_edit_modal(ONE_LEVEL, LONG),
        check_view,
    ),
    (
        "render_edit_modal (a network that just fits)",
        lambda: skills.render_edit_modal(PROFILE, LONG),
        check_view,
    ),
    ("render_digest", lambda: digests.render_digest(summary()), check_message),
    (
        "render_digest (report)",
        lambda: digests.render_digest(summary(), for_manager=False, rest=digests.FROM_REPORT),
        check_message,
    ),
    (
        "render_roundup",
        lambda: digests.render_roundup(Roundup("C1", WEEK, summary().shoutouts)),
        check_message,
    ),
    (
        "render_roundup_refused",
        lambda: digests.render_roundup_refused("C1", "x" * 200, WEEK.label),
        check_message,
    ),
    ("render_insights", lambda: insights.render_insights(INSIGHTS_PARTS, LONG), check_message),
    (
        "render_settings_modal",
        lambda: workspace_settings.render_settings_modal(SETTINGS),
        check_view,
    ),
    (
        "render_admin_home",
        lambda: workspace_settings.render_admin_home(SETTINGS),
        lambda b: check_blocks(b, 20),
    ),
    (
        "render_admin_home",  # every watched channel unheard, for the longest reason
        lambda: workspace_settings.render_admin_home(
            SETTINGS, dict.fromkeys(SETTINGS.watched_channels, "removed")
        ),
        lambda b: check_blocks(b, 20),
    ),
    (
        "render_audit_modal",
        lambda: workspace_settings.render_audit_modal(CHANGES, 123_456),
        check_view,
    ),
    (
        "render_notice",
        lambda: workspace_settings.render_notice("Settings", LONG * 3),
        check_view,
    ),
    ("render_saved", lambda: workspace_settings.render_saved(CHANGES), check_view),
]

# Each render's other choices (a flag, an optional part), at the largest inputs too.
REACTIONS = tuple(f"reaction_{'x' * 90}_{i}" for i in range(100))
CHANNELS = [f"C{i:08d}" for i in range(PEOPLE)]
RENDERS += [
    *(
        (f"render_help {command} values={values}",
         lambda c=command, v=values: elements.render_help(c, has_values=v), check_message)
        for command in (None, *SLASH_COMMANDS) for values in (True, False)
    ),
    *(
        (f"render_greeting {kind}", lambda k=kind: greeting.render_greeting(k, LONG), check_message)
        for kind in ("greeting", "thanks", "ack")
    ),
    ("render_thanks_for_someone (no values)",
     lambda: greeting.render_thanks_for_someone(False), check_message),
    ("render_about (why not)",
     lambda: kudos.render_about(AboutSomeone(
         USERS[1], NAME, PEOPLE, tuple((v, 3) for v in VALUE_NAMES), ENTRIES, NAMES, PEOPLE), LONG),
     check_message),
    ("render_confirmation (group DM)",
     lambda: kudos.render_confirmation(GIVEN, group_dm=True), check_message),
    ("render_kudos_help (reactions)",
     lambda: kudos.render_kudos_help(REACTIONS, has_values=False), check_message),
    ("render_shoutout (a reaction)", lambda: kudos.render_shoutout(GIVEN, LONG, "r" * 100),
     check_message),
    ("render_undo_ended (group DM)", lambda: kudos.render_undo_ended(GIVEN, group_dm=True),
     check_message),
    ("render_unposted (posted elsewhere)",
     lambda: kudos.render_unposted(GIVEN, "C1", LONG, "C2", group_dm=True), check_message),
    ("render_unposted (no channel)", lambda: kudos.render_unposted(GIVEN, None, LONG),
     check_message),
    ("render_give_modal (values optional)",
     lambda: kudos_form.render_give_modal(VALUE_NAMES, values_required=False), check_view),
    ("render_helper_released (deleted)",
     lambda: offers.render_helper_released(question(), deleted=True), check_message),
    ("render_helper_released (left)",
     lambda: offers.render_helper_released(question(), left=True), check_message),
    ("render_offer (names, off hours)",
     lambda: offers.render_offer(question(), offer(1), "https://x.example/" + "p" * 2000, NAMES,
                                 True), check_message),
    ("render_offer_closed (names)", lambda: offers.render_offer_closed(helped(), LONG, NAMES),
     check_message),
    ("render_offer (first)",
     lambda: offers.render_offer(question(), offer(1), "https://x.example/" + "p" * 2000, NAMES,
                                 True, True), check_message),
    ("render_offer_closed (met)",
     lambda: offers.render_offer_closed(helped(), "You're on it.", NAMES,
                                        "https://x.example/" + "p" * 2000), check_message),
    ("render_request_ended (declined)",
     lambda: offers.render_request_ended(question(), declined=True), check_message),
    ("render_unanswered (became, refused to say)",
     lambda: question_ends.render_unanswered(
         question(), CHANNELS, PEOPLE, PEOPLE, dict.fromkeys(CHANNELS, PEOPLE), unsaid="refused"),
     check_message),
    ("render_unanswered (left out, refused, unmatched)",
     lambda: question_ends.render_unanswered(
         question(), CHANNELS, PEOPLE, PEOPLE, dict.fromkeys(CHANNELS, PEOPLE), refused=Refusal(),
         unsaid="left_out", matched=False),
     check_message),
    ("render_already_asked (waiting)",
     lambda: questions.render_already_asked(question(), waiting=True), check_message),
    ("render_connected (not quoted, names)",
     lambda: questions.render_connected(question(), USERS[1], NAMES, quoted=False, left=True),
     check_message),
    ("render_consent (unsure)",
     lambda: questions.render_consent(question(), PEOPLE, True, unsure=True), check_message),
    ("render_mine (questions, a total, waiting)",
     lambda: questions.render_mine([helped(i) for i in range(PEOPLE)], 10**6, set(range(PEOPLE))),
     check_message),
    ("render_home_questions (a total, waiting)",
     lambda: home.render_home_questions(
         [helped(i) for i in range(PEOPLE)], 10**6, set(range(PEOPLE))),
     lambda b: check_blocks(b, 20)),
]  # fmt: skip


NOTHING = Leaderboard("month", None, ())
NO_SETTINGS = replace(
    SETTINGS, values=(), retired_values=(), role_allowances={}, kudos_reactions=(),
    watched_channels=(), askaround_admins=(), kudos_channel=None,
)  # fmt: skip
NOBODY = ProfileView(USERS[1], "", "", "", None, STATUS, (), (), ())


def nothing_summary() -> TeamSummary:
    return replace(
        summary(), shoutouts=(), private_count=0, top_givers=(), helpers=(), unsung=(), quiet=(),
        values=(), team_size=0, weekly=(),
    )  # fmt: skip


# The smallest inputs: nothing to list anywhere (a select needs an option, a section a text).
EMPTY: list[tuple[str, Callable[[], Any], Check]] = [
    (
        "render_give_modal",
        lambda: kudos_form.render_give_modal((), values_required=True),
        check_view,
    ),
    ("render_leaderboard", lambda: kudos.render_leaderboard(NOTHING), check_message),
    (
        "render_leaderboard",
        lambda: kudos.render_leaderboard(replace(NOTHING, value=VALUE_NAMES[0], retired=True)),
        check_message,
    ),
    (
        "render_mine",
        lambda: kudos.render_mine(MySummary(USERS[0], 0, 0, (), 0, (), {})),
        check_message,
    ),
    (
        "render_about",
        lambda: kudos.render_about(AboutSomeone(USERS[1], "", 0, (), (), {}, 0)),
        check_message,
    ),
    (
        "render_home_kudos",
        lambda: kudos.render_home_kudos(HomeKudos(USERS[0], 0, 0, (), {}, NOTHING)),
        lambda b: check_blocks(b, 30),
    ),
    ("render_undone", lambda: kudos.render_undone((), ()), check_message),
    (
        "render_asking",
        lambda: questions.render_asking(question(), [], {}, asker_alone=False, minutes=30),
        check_message,
    ),
    ("render_more", lambda: questions.render_more([], [], {}, asker_alone=False), check_message),
    (
        "render_passed_over",
        lambda: questions.render_passed_over(offer(1), {}, asker_alone=False),
        check_message,
    ),
    ("render_consent", lambda: questions.render_consent(question(), 0, False), check_message),
    (
        "render_asking_elsewhere",
        lambda: questions.render_asking_elsewhere(question()),
        check_message,
    ),
    ("render_told_privately", lambda: questions.render_told_privately(1), check_message),
    (
        "render_solved_first",
        lambda: questions.render_solved_first(question(), [], {}, 0, False),
        check_message,
    ),
    ("render_unanswered", lambda: question_ends.render_unanswered(question(), []), check_message),
    ("render_mine (questions)", lambda: questions.render_mine([]), check_message),
    (
        "render_home_questions",
        lambda: home.render_home_questions([]),
        lambda b: check_blocks(b, 20),
    ),
    (
        "render_home_helping (none)",
        lambda: home.render_home_helping([], {}),
        lambda b: check_blocks(b, 0),
    ),
    (
        "render_home_requests",
        lambda: home.render_home_requests(RequestsWaiting([], 0)),
        lambda b: check_blocks(b, 20),
    ),
    (
        "render_home_manager",
        lambda: home.render_home_manager(nothing_summary(), NEXT_DIGEST),
        lambda b: check_blocks(b, 5),
    ),
    ("render_report_modal", lambda: home.render_report_modal(nothing_summary()), check_view),
    ("render_digest", lambda: digests.render_digest(nothing_summary()), check_message),
    ("render_roundup", lambda: digests.render_roundup(Roundup("C1", WEEK, ())), check_message),
    ("render_profile", lambda: skills.render_profile(NOBODY, True), check_message),
    ("render_added", lambda: skills.render_added(AddOutcome()), check_message),
    ("render_removed", lambda: skills.render_removed([], []), check_message),
    (
        "render_home_profile",
        lambda: skills.render_home_profile(NOBODY),
        lambda b: check_blocks(b, 10),
    ),
    ("render_skill_options", lambda: skills.render_skill_options("", []), check_options),
    ("render_edit_modal", lambda: skills.render_edit_modal(NOBODY, ""), check_view),
    (
        "render_insights",
        lambda: insights.render_insights([], insights.PICTURE_IN_DM),
        check_message,
    ),
    (
        "render_settings_modal",
        lambda: workspace_settings.render_settings_modal(NO_SETTINGS),
        check_view,
    ),
    (
        "render_admin_home",
        lambda: workspace_settings.render_admin_home(NO_SETTINGS),
        lambda b: check_blocks(b, 20),
    ),
    ("render_audit_modal", lambda: workspace_settings.render_audit_modal(()), check_view),
    ("render_saved", lambda: workspace_settings.render_saved(()), check_view),
]


@pytest.mark.parametrize(("name", "render", "check"), EMPTY, ids=[r[0] for r in EMPTY])
def test_nothing_to_list_stays_within_block_kit_rules(
    name: str, render: Callable[[], Any], check: Check
) -> None:
    check(render())


@pytest.mark.parametrize(("name", "render", "check"), RENDERS, ids=[r[0] for r in RENDERS])
def test_the_largest_input_stays_within_block_kit_limits(
    name: str, render: Callable[[], Any], check: Check
) -> None:
    check(render())


def home_parts() -> list[list[dict[str, Any]]]:
    """The Home tab's parts, each at its largest."""
    return [
        elements.render_home_intro(HomeSummary(USERS[0], 10**6)),
        home.render_home_requests(waiting(10**6)),
        home.render_home_helping(
            [helped(i) for i in range(PEOPLE)], {i: LINK for i in range(PEOPLE)}
        ),
        kudos.render_home_kudos(HomeKudos(USERS[0], 50, 50, ENTRIES, NAMES, BOARD)),
        home.render_home_questions([helped(i) for i in range(PEOPLE)]),
        skills.render_home_profile(PROFILE),
        home.render_home_manager(summary(), NEXT_DIGEST),
        workspace_settings.render_admin_home(
            SETTINGS, dict.fromkeys(SETTINGS.watched_channels, "removed")
        ),
    ]


def test_the_home_tab_with_every_part_at_its_largest_fits_one_view() -> None:
    """The Home tab's parts, each at its largest, add up to at most 100 blocks (beyond,
    `render_home` would cut the last ones off)."""
    check_view({"type": "home", "blocks": [block for part in home_parts() for block in part]})


def test_views_that_fill_sections_stay_within_250kb_in_four_byte_words() -> None:
    """views.* refuse a view "greater than 250kb" (view_too_large): sections of 3,000
    characters weigh four times that in emoji, so the views that fill sections (the settings'
    saved notice, its audit log) are checked with every character one (`check_view` weighs
    the bytes)."""
    emoji = "🎉" * 3000
    changes = tuple(Change("values", emoji, emoji, USERS[0], NOW) for _ in range(PEOPLE))
    check_view(workspace_settings.render_saved(changes))
    check_view(workspace_settings.render_audit_modal(changes, 123_456))


def test_limits_are_slacks() -> None:
    assert (MESSAGE_BLOCKS, VIEW_BLOCKS) == (elements.MESSAGE_BLOCKS, elements.VIEW_BLOCKS)


def test_every_renderer_is_checked() -> None:
    """A `render_*` added to a module of handlers/blocks must be added to RENDERS."""
    found = renderer_names()
    checked = {name.split(" ")[0] for name, _, _ in RENDERS}
    assert found <= checked, sorted(found - checked)


@pytest.mark.parametrize(
    ("name", "payload", "check"),
    [
        ("51 blocks", {"text": "x", "blocks": [elements.section("x")] * 51}, check_message),
        ("3,001 characters", {"text": "x", "blocks": [{"type": "section", "text": {
            "type": "mrkdwn", "text": "x" * 3001}}]}, check_message),
        ("an empty section", {"text": "x", "blocks": [{"type": "section", "text": {
            "type": "mrkdwn", "text": " "}}]}, check_message),
        ("26 buttons", {"text": "x", "blocks": [elements.actions(
            *[elements.button("b", f"a{i}") for i in range(26)])]}, check_message),
        ("a 76-character option", [{"text": {"type": "plain_text", "text": "o" * 76},
                                    "value": "v"}], check_options),
        ("101 blocks in a view", {"type": "modal", "title": {"type": "plain_text", "text": "t"},
                                  "blocks": [elements.section("x")] * 101}, check_view),
        ("blocks without a fallback text", {"blocks": [elements.section("x")]}, check_message),
        ("a 4,001-character fallback text", {"text": "x" * 4001,
                                             "blocks": [elements.section("x")]}, check_message),
        ("a repeated block_id", {"text": "x", "blocks": [elements.actions(
            elements.button("b", "a"), block_id="same")] * 2}, check_message),
        ("a 3,001-character initial value", {
            "type": "modal", "title": {"type": "plain_text", "text": "t"},
            "submit": {"type": "plain_text", "text": "Save"}, "blocks": [{
                "type": "input", "label": {"type": "plain_text", "text": "l"}, "element": {
                    "type": "plain_text_input", "initial_value": "v" * 3001}}]}, check_view),
        ("two primary buttons in a set", {"text": "x", "blocks": [elements.actions(
            elements.button("a", "a", style="primary"), elements.button("b", "b", style="primary"),
        )]}, check_message),
        ("an initial option not offered", {"type": "home", "blocks": [elements.section("x") | {
            "accessory": {"type": "static_select", "options": [{"text": {
                "type": "plain_text", "text": "a"}, "value": "a"}], "initial_option": {"text": {
                    "type": "plain_text", "text": "b"}, "value": "b"}}}]}, check_view),
        ("an entity escaped twice", {"text": "R&amp;amp;D"}, check_message),
        ("an entity cut in half", {"text": "x", "blocks": [elements.section("R&am…")]},
         check_message),
        ("a link cut in half", {"text": "see <#C123…"}, check_message),
        ("a typed < in mrkdwn", {"text": "x", "blocks": [elements.context("a <b> c")]},
         check_message),
        ("an escaped plain_text", {"text": "x", "blocks": [{"type": "header", "text": {
            "type": "plain_text", "text": "R&amp;D's week"}}]}, check_message),
        ("markup in a button", {"text": "x", "blocks": [elements.actions(
            elements.button("Thank <@U123>", "a"))]}, check_message),
        ("a button with an empty value", {"text": "x", "blocks": [elements.actions(
            elements.button("b", "a") | {"value": ""})]}, check_message),
        ("an empty initial_options", {"type": "home", "blocks": [elements.section("x") | {
            "accessory": {"type": "multi_static_select", "options": [{"text": {
                "type": "plain_text", "text": "a"}, "value": "a"}], "initial_options": []}}]},
         check_view),
        *((f"an empty {key}", {"type": "home", "blocks": [elements.section("x") | {
            "accessory": {"type": kind, key: []}}]}, check_view) for kind, key in (
                ("multi_users_select", "initial_users"),
                ("multi_conversations_select", "initial_conversations"),
                ("multi_channels_select", "initial_channels"))),
        ("a blank name in bold", {"text": "x", "blocks": [elements.section("** was thanked")]},
         check_message),
        ("an option with an empty value", [{"text": {"type": "plain_text", "text": "o"},
                                            "value": ""}], check_options),
        ("an empty block_id", {"text": "x", "blocks": [elements.section("x") | {
            "block_id": ""}]}, check_message),
        ("an empty action_id", {"text": "x", "blocks": [elements.actions(
            elements.button("b", ""))]}, check_message),
    ],
)  # fmt: skip
def test_the_checks_refuse_what_slack_refuses(name: str, payload: Any, check: Check) -> None:
    with pytest.raises((AssertionError, SlackObjectFormationError)):
        check(payload)


@pytest.mark.parametrize("listed", ["skills", "network"])
def test_a_profile_too_long_for_its_sections_says_how_many_are_left_out(listed: str) -> None:
    """200 skills or 500 network entries do not fit their two sections: those shown and the
    "…and N more" at the end add up to all of them (before, the section was cut off silently)."""
    if listed == "skills":
        view = replace(PROFILE, network=None)
    else:
        view = replace(PROFILE, skills=())
    blocks = skills.profile_blocks(view, True)
    heading = "*Skills*" if listed == "skills" else "*Your network*"
    first = next(i for i, b in enumerate(blocks) if b["text"]["text"].startswith(heading))
    text = "\n".join(b["text"]["text"] for b in blocks[first : first + 2])
    more = re.search(r"…and ([\d,]+) more", text)
    assert more is not None, text[-200:]
    total = SKILLS if listed == "skills" else len(NETWORK)
    assert text.count("\n• ") + int(more[1].replace(",", "")) == total
