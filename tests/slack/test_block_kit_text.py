"""Every message and view the bot renders keeps Slack's formatting rules whatever people
typed: names and texts that are empty, blank, full of `&`, `<`, `>`, `|`, `*` and markup, or
long enough to be cut in the middle of an entity or a `<#C…>` link. Each `render_*` in
`handlers/blocks/` is fed them, and its output is checked by `tests/slack/block_kit.py`
(its Block Kit limits, and `text_errors`: escaped once in mrkdwn, never in plain_text, no
cut token, no `**` around a missing name). A new `render_*` fails the last test until it
is listed here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from bot.digests.service import Roundup
from bot.digests.summary import Shoutout, TeamSummary, WeekCount
from bot.digests.weeks import IsoWeek
from bot.directory.network import NetworkEntry
from bot.directory.parse import SkillInput
from bot.directory.profiles import AddOutcome, Expert, ProfileView, SkillView, WhoAnswer
from bot.directory.skills import Suggestion, skill_key
from bot.directory.status import Status
from bot.errors import KudosRefused
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
from bot.safe_text import safe_text
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
from slack_emulator.formatting import marked_up
from tests.slack.block_kit import check_blocks, check_message, check_options, check_view
from tests.slack.renderers import renderer_names

pytestmark = pytest.mark.database_independent

MARKUP = (
    "Thanks & <3 to <@U00000001> for R&amp;D <!channel> in <#C1234567|general>, see "
    "<https://evil.example|click | here> *done* _ok_ ~x~ `co&de` a|b > c "
) * 20
# (what people typed, a name, a text): each renderer gets both wherever it shows typed words.
TYPED = [
    ("empty", "", ""),
    ("blank", " ", "  \n "),
    ("markup", "R&D <Ops> | *Lead* :tada:", MARKUP[:2000]),
    ("ampersands cut anywhere", "&" * 80, "&" * 2000),
    ("channel links cut anywhere", "Zoë & <Bo>", "<#C1234567> " * 300),
    ("emoji only", "🎉👩‍💻 :tada:", "🎉" * 3000),
    ("3,000 characters of & < >", "&<>" * 26, ("R&D <ops> & co > " * 200)[:3000]),
    # Hebrew and Arabic with a right-to-left mark, the script's own punctuation and & <
    ("right-to-left", "\u200fמרים כהן & <דנה>", ("\u200fشكراً لفريق R&D <العمليات>، " * 150)[:3000]),
    ("one very long word", "Ω" * 300, "Donaudampfschifffahrt" * 143),
]
NOW = datetime(2026, 11, 24, 10, tzinfo=UTC)
WEEK = IsoWeek(2026, 47)
ASKER, HELPER, OTHER = "U00000001", "U00000002", "U00000003"

Check = Callable[[Any], None]
Render = tuple[str, Callable[[], Any], Check]

NEXT_DIGEST = datetime(2026, 11, 30, 8, tzinfo=UTC)  # a manager's next digest, on their Home tab


def renders(name: str, text: str) -> list[Render]:
    """Every renderer, with `name` wherever a person's, skill's or value's name goes and
    `text` wherever a reason, a question or a setting goes."""
    names = {ASKER: name, HELPER: name, OTHER: name}
    # A skill's or contact's name is words, never blank nor `<`, `>` (`parse.plain_words`).
    word = name.replace("<", "").replace(">", "").strip() or "Go"
    entry = Entry(1, ASKER, HELPER, text, ("teamwork",), "C1", False, "command", NOW, "k")
    given = Given((entry, Entry(2, ASKER, OTHER, text, (), "C1", False, "command", NOW, "k")))
    board = Leaderboard("week", "teamwork", (Standing(HELPER, name, 3),) * 12)
    question = QuestionView(7, "T1", ASKER, "C1", "1.0", "1.0", text, "open", False, "dm", None)
    offer = OfferView(3, 7, HELPER, text, text, "referral", "pending", OTHER, None, None)
    connector = OfferView(4, 7, OTHER, text, text, "connector", "pending", None, None, None)
    status = Status("away", date(2026, 12, 24))
    skill = SkillView(skill_key(word), word, 3)
    entries = (
        NetworkEntry(1, None, word, (word, text[:100]), "functional"),
        NetworkEntry(2, OTHER, None, (), "personal"),
    )
    profile = ProfileView(
        HELPER, name, name, name, OTHER, status, (skill,) * 3, (name, text[:200]), entries
    )
    found = Suggestion(skill_key(word), word, 90.0)
    summary = TeamSummary(
        team_id="T1",
        manager_user_id=ASKER,
        manager_name=name,
        week=WEEK,
        tz="Europe/Madrid",
        team_size=3,
        shoutouts=(Shoutout(name, name, text, ("teamwork",), date(2026, 11, 18)),) * 3,
        private_count=1,
        top_givers=((name, 2),),
        helpers=((name, 1),),
        unsung=(name,),
        quiet=((name, None), (name, date(2026, 10, 1))),
        values=(("teamwork", 3),),
        weekly=tuple(WeekCount(WEEK.shifted(i - 7), 3, ()) for i in range(8)),
    )
    settings = WorkspaceSettings(
        values=("teamwork", "R_D"),
        retired_values=("old",),
        daily_allowance=5,
        role_allowances={"lead ops": 9},
        min_reason_length=10,
        values_required=True,
        kudos_channel="C1",
        kudos_reactions=("tada",),
        digest_weekday=0,
        digest_hour=9,
        digest_scope="all",
        digest_roundup=True,
        watched_channels=("C1",),
        askaround_admins=(ASKER,),
    )
    changes = (
        Change("values", text, text, ASKER, NOW),
        Change("kudos_channel", "", "C1", "cli", NOW),
    )
    solved = SolvedMatch(1, text, ASKER, HELPER, "C1", "1.0", 1.0)
    return [
        ("render_help", lambda: elements.render_help(), check_message),
        (
            "render_error",
            lambda: elements.render_error(f"`{safe_text(text)}` {safe_text(name)}"),
            check_message,
        ),
        (
            "render_error of a refusal naming someone",
            lambda: elements.render_error(KudosRefused("{} is a bot.", names=(name,))),
            check_message,
        ),
        (
            "render_home_intro",
            lambda: elements.render_home_intro(HomeSummary(ASKER, 0)),
            lambda b: check_blocks(b, 10),
        ),
        (
            "render_home_intro (a guest)",
            lambda: elements.render_home_intro(HomeSummary(ASKER, None)),
            lambda b: check_blocks(b, 10),
        ),
        ("render_greeting", lambda: greeting.render_greeting(None), check_message),
        ("render_thanks_for_someone", greeting.render_thanks_for_someone, check_message),
        (
            "render_typed_command",
            lambda: greeting.render_typed_command(f"/kudos {text} {name}"),
            check_message,
        ),
        ("render_question_reply", greeting.render_question_reply, check_message),
        ("render_offer_reply", greeting.render_offer_reply, check_message),
        ("render_kudos_reply", greeting.render_kudos_reply, check_message),
        ("render_consent_reply", greeting.render_consent_reply, check_message),
        ("render_dm_reply", greeting.render_dm_reply, check_message),
        ("render_welcome", greeting.render_welcome, check_message),
        ("render_empty_command", lambda: greeting.render_empty_command("/ask"), check_message),
        ("render_shoutout", lambda: kudos.render_shoutout(given, "in <#C1>"), check_message),
        ("render_seconded", lambda: kudos.render_seconded(given), check_message),
        ("render_received", lambda: kudos.render_received(entry, "<#C1>"), check_message),
        ("render_confirmation", lambda: kudos.render_confirmation(given), check_message),
        ("render_undo_ended", lambda: kudos.render_undo_ended(given), check_message),
        (
            "render_undone",
            lambda: kudos.render_undone((entry,), ("the shout-out in <#C1>",)),
            check_message,
        ),
        (
            "render_undone taken back",
            lambda: kudos.render_undone((entry,), taken_back=True),
            check_message,
        ),
        (
            "render_undone given up",
            lambda: kudos.render_undone((entry,), ("the shout-out in <#C1>",), given_up=True),
            check_message,
        ),
        (
            "render_unposted",
            lambda: kudos.render_unposted(given, "C1", "not_in_channel"),
            check_message,
        ),
        ("render_kudos_help", lambda: kudos.render_kudos_help(), check_message),
        ("render_leaderboard", lambda: kudos.render_leaderboard(board), check_message),
        (
            "render_mine",
            lambda: kudos.render_mine(
                MySummary(ASKER, 1, 1, (("teamwork", 1),), 0, (entry,), names)
            ),
            check_message,
        ),
        (
            "render_about",
            lambda: kudos.render_about(
                AboutSomeone(HELPER, name, 1, (("teamwork", 1),), (entry,), names, 1, 1)
            ),
            check_message,
        ),
        (
            "render_about (nothing public)",
            lambda: kudos.render_about(AboutSomeone(HELPER, name, 0, (), (), names)),
            check_message,
        ),
        (
            "render_give_modal",
            lambda: kudos_form.render_give_modal(
                ("teamwork",), values_required=True, permalink="https://x.slack.com/p1"
            ),
            check_view,
        ),
        (
            "render_take_back_modal",
            lambda: kudos_taken_back.render_take_back_modal((entry,), {"batch": "cmd:1"}),
            check_view,
        ),
        (
            "render_taken_back_done",
            lambda: kudos_taken_back.render_taken_back_done((entry,), already=True),
            check_view,
        ),
        (
            "render_taken_back_shoutout",
            lambda: kudos_taken_back.render_taken_back_shoutout((entry,)),
            check_message,
        ),
        (
            "render_taken_back_received",
            lambda: kudos_taken_back.render_taken_back_received(entry),
            check_message,
        ),
        (
            "render_taken_back_told",
            lambda: kudos_taken_back.render_taken_back_told((entry,), HELPER, text),
            check_message,
        ),
        (
            "render_taken_back_told (its shout-out left)",
            lambda: kudos_taken_back.render_taken_back_told(
                (entry,), HELPER, text, "this conversation"
            ),
            check_message,
        ),
        (
            "render_home_kudos",
            lambda: kudos.render_home_kudos(HomeKudos(ASKER, 5, 4, (entry,), names, board)),
            lambda b: check_blocks(b, 30),
        ),
        (
            "render_asking",
            lambda: questions.render_asking(
                question, [offer, connector], names, asker_alone=False, minutes=30
            ),
            check_message,
        ),
        (
            "render_more",
            lambda: questions.render_more([offer, connector], [HELPER], names, asker_alone=False),
            check_message,
        ),
        (
            "render_passed_over",
            lambda: questions.render_passed_over(offer, names, asker_alone=False),
            check_message,
        ),
        ("render_consent", lambda: questions.render_consent(question, 2, True), check_message),
        (
            "render_solved_first",
            lambda: questions.render_solved_first(
                question, [solved], {1: "https://x.slack.com/p1"}, 2, True
            ),
            check_message,
        ),
        (
            "render_withdrawn",
            lambda: question_ends.render_withdrawn(Solved(question, None, [offer])),
            check_message,
        ),
        (
            "render_request_ended",
            lambda: offers.render_request_ended(question),
            check_message,
        ),
        (
            "render_asking_elsewhere",
            lambda: questions.render_asking_elsewhere(question),
            check_message,
        ),
        (
            "render_told_privately",
            lambda: questions.render_told_privately(question.id),
            check_message,
        ),
        (
            "render_offer",
            lambda: offers.render_offer(question, offer, "https://x.slack.com/p1", names),
            check_message,
        ),
        (
            "render_offer_closed",
            lambda: offers.render_offer_closed(question, "It was solved.", names),
            check_message,
        ),
        (
            "render_offer (first)",
            lambda: offers.render_offer(
                question, offer, "https://x.slack.com/p1", names, first=True
            ),
            check_message,
        ),
        (
            "render_offer_closed (met)",
            lambda: offers.render_offer_closed(
                question, "You're on it.", names, "https://x.slack.com/p1"
            ),
            check_message,
        ),
        (
            "render_helper_released",
            lambda: offers.render_helper_released(question),
            check_message,
        ),
        (
            "render_helper_left",
            lambda: question_ends.render_helper_left(question, HELPER, names),
            check_message,
        ),
        (
            "render_answered",
            lambda: question_ends.render_answered(Solved(question, None, [])),
            check_message,
        ),
        (
            "render_solved_already",
            lambda: question_ends.render_solved_already(
                Solved(question, HELPER, already=True, solved_by=HELPER, solved_at=NOW), ASKER
            ),
            check_message,
        ),
        (
            "render_connected",
            lambda: questions.render_connected(question, HELPER, names),
            check_message,
        ),
        ("render_solved", lambda: question_ends.render_solved(question, HELPER), check_message),
        (
            "render_solved (by the helper)",
            lambda: question_ends.render_solved(replace(question, solved_by=HELPER), HELPER, names),
            check_message,
        ),
        (
            "render_unanswered",
            lambda: question_ends.render_unanswered(question, ["C1"]),
            check_message,
        ),
        (
            "render_unanswered (unmatched)",
            lambda: question_ends.render_unanswered(question, ["C1"], matched=False),
            check_message,
        ),
        (
            "render_unanswered (refused)",
            lambda: question_ends.render_unanswered(
                question, ["C1"], 1, 2, refused=Refusal("im:write")
            ),
            check_message,
        ),
        (
            "render_unanswered (a guest)",
            lambda: question_ends.render_unanswered(question, [], guest=True),
            check_message,
        ),
        ("render_mine (questions)", lambda: questions.render_mine([question]), check_message),
        (
            "render_mine (questions, one with a helper)",
            lambda: questions.render_mine([replace(question, helper_user_id=HELPER)]),
            check_message,
        ),
        ("render_nudge", lambda: questions.render_nudge("1.0"), check_message),
        ("render_not_now", lambda: questions.render_not_now(NOW), check_message),
        (
            "render_watch_unheard",
            lambda: questions.render_watch_unheard("C1", None),
            check_message,
        ),
        ("render_already_asked", lambda: questions.render_already_asked(question), check_message),
        (
            "render_on_behalf",
            lambda: questions.render_on_behalf(ASKER, HELPER, {HELPER: "Dev Patel"}),
            check_message,
        ),
        (
            "render_home_questions",
            lambda: home.render_home_questions([question]),
            lambda b: check_blocks(b, 20),
        ),
        (
            "render_home_requests",
            lambda: home.render_home_requests(
                RequestsWaiting([Waiting(question, offer, NOW)] * 6, 9)
            ),
            lambda b: check_blocks(b, 20),
        ),
        (
            "render_home_helping",
            lambda: home.render_home_helping(
                [replace(question, helper_user_id=HELPER)], {question.id: None}
            ),
            lambda b: check_blocks(b, 6),
        ),
        (
            "render_home_questions (one with a helper)",
            lambda: home.render_home_questions([replace(question, helper_user_id=HELPER)]),
            lambda b: check_blocks(b, 20),
        ),
        (
            "render_home_manager",
            lambda: home.render_home_manager(summary, NEXT_DIGEST),
            lambda b: check_blocks(b, 5),
        ),
        ("render_home_refused", home.render_home_refused, check_view),
        (
            "render_home",
            lambda: home.render_home(
                [
                    elements.render_home_intro(HomeSummary(ASKER, 0)),
                    [],
                    home.render_home_questions([question]),
                ],
                "T1",
            ),
            check_view,
        ),
        ("render_report_modal", lambda: home.render_report_modal(summary), check_view),
        ("render_profile", lambda: skills.render_profile(profile, True), check_message),
        (
            "render_added",
            lambda: skills.render_added(AddOutcome((skill,), ((SkillInput(word, 3), found),))),
            check_message,
        ),
        (
            "render_text",
            lambda: skills.render_text(f"Interests: {safe_text(text)}"),
            check_message,
        ),
        ("render_removed", lambda: skills.render_removed([name], [text]), check_message),
        (
            "render_who",
            lambda: skills.render_who(
                WhoAnswer(text, found.key, word, (Expert(HELPER, name, skill, status),))
            ),
            check_message,
        ),
        (
            "render_who (nobody)",
            lambda: skills.render_who(WhoAnswer(text, None, word, (), (found,))),
            check_message,
        ),
        ("render_skills_help", lambda: skills.render_skills_help(), check_message),
        (
            "render_home_profile",
            lambda: skills.render_home_profile(profile),
            lambda b: check_blocks(b, 10),
        ),
        (
            "render_skill_options",
            lambda: skills.render_skill_options(word, [found]),
            check_options,
        ),
        ("render_edit_modal", lambda: skills.render_edit_modal(profile, text), check_view),
        ("render_digest", lambda: digests.render_digest(summary, for_manager=False), check_message),
        (
            "render_roundup",
            lambda: digests.render_roundup(Roundup("C1", WEEK, summary.shoutouts)),
            check_message,
        ),
        (
            "render_roundup_refused",
            lambda: digests.render_roundup_refused("C1", "is_archived", WEEK.label),
            check_message,
        ),
        (
            "render_insights",
            lambda: insights.render_insights(
                [Section("Topics", (text, name))], insights.PICTURE_HERE
            ),
            check_message,
        ),
        (
            "render_settings_modal",
            lambda: workspace_settings.render_settings_modal(settings),
            check_view,
        ),
        (
            "render_admin_home",
            lambda: workspace_settings.render_admin_home(settings),
            lambda b: check_blocks(b, 20),
        ),
        (
            "render_audit_modal",
            lambda: workspace_settings.render_audit_modal(changes),
            check_view,
        ),
        (
            "render_notice",
            lambda: workspace_settings.render_notice("Settings", f"Refused: {safe_text(text)}"),
            check_view,
        ),
        ("render_saved", lambda: workspace_settings.render_saved(changes), check_view),
    ]


# The marks typed in a name and a text, found once a pair rather than once a renderer: the
# regular expression over the 3,000-character texts, 855 times, was 0.26 CPU-s of every
# worker's collection (docs/testing-log.md, "CI cost: collection and processes, measured").
CASES = [
    (typed, *render, theirs)
    for typed, name, text in TYPED
    for theirs in [marked_up(name) + marked_up(text)]
    for render in renders(name, text)
]


@pytest.mark.parametrize(
    ("typed", "name", "render", "check", "theirs"),
    CASES,
    ids=[f"{c[1]}, {c[0]}" for c in CASES],
)
def test_typed_words_keep_slacks_formatting_rules(
    typed: str, name: str, render: Callable[[], Any], check: Check, theirs: list[str]
) -> None:
    """The marks people typed (`*Lead*` in a name) are theirs: plain_text shows them as
    typed, as Slack shows the name everywhere; only the app's own are markup there."""
    check(_unmarked(render(), theirs))


def _unmarked(raw: Any, theirs: list[str]) -> Any:
    if isinstance(raw, list):
        return [_unmarked(item, theirs) for item in raw]
    if not isinstance(raw, dict):
        return raw
    copied = {key: _unmarked(value, theirs) for key, value in raw.items()}
    if raw.get("type") == "plain_text" and isinstance(raw.get("text"), str):
        for span in theirs:
            copied["text"] = copied["text"].replace(span, span[1:-1])
    return copied


def test_every_renderer_is_fed_typed_words() -> None:
    """A `render_*` added to a module of handlers/blocks must be added to `renders`."""
    found = renderer_names()
    fed = {name.split(" ")[0] for name, _, _ in renders("a", "b")}
    assert found <= fed, sorted(found - fed)
