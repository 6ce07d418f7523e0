"""Every renderer that reposts typed text (issue 18, item 5), listed here and fed the same
hostile text in each typed field: kudos reasons, question text, routing reasons, skill names,
network contacts and topics, interests, org titles, digest lines. Whatever they render pings
nobody (no `<!…>`), mentions only the people the message is about, and hides no link.

A renderer added to `handlers/blocks/` that shows typed text belongs in `PATHS`; the last test
fails when a module gains a `render_*` function this file does not know about."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from bot.digests.service import Roundup
from bot.digests.summary import Shoutout, TeamSummary
from bot.digests.weeks import IsoWeek
from bot.directory.network import NetworkEntry
from bot.directory.parse import SkillInput
from bot.directory.profiles import AddOutcome, Expert, ProfileView, SkillView, WhoAnswer
from bot.directory.skills import Suggestion
from bot.directory.status import Status
from bot.kudos.records import AboutSomeone, Entry, Given, HomeKudos, Leaderboard, MySummary
from bot.kudos.rules import why_not_thanked
from bot.profile import Profile
from bot.questions.results import Solved
from bot.questions.solved import SolvedMatch
from bot.questions.views import OfferView, QuestionView
from handlers.blocks import (
    digests,
    elements,
    home,
    kudos,
    offers,
    question_ends,
    questions,
    skills,
)

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

HOSTILE = (
    "<!channel> <!here|here> <!everyone> <!subteam^S1|@devs> "
    "<https://evil.example/x|click here> <@UEVIL> <@UEVIL|eve> done"
)
GIVER, RECEIVER, ASKER, EXPERT = "UGIVER", "URECEIVER", "UASKER", "UEXPERT"
MARKUP = re.compile(r"<([^<>]*)>")
NOW = datetime(2026, 11, 24, 10, tzinfo=UTC)


def entry() -> Entry:
    return Entry(1, GIVER, RECEIVER, HOSTILE, ("teamwork",), "C1", False, "command", NOW, "k")


def question() -> QuestionView:
    return QuestionView(1, "T1", ASKER, "C1", "1.0", "1.0", HOSTILE, "open", False, "mention", None)


def offer(kind: str = "expert") -> OfferView:
    return OfferView(1, 1, EXPERT, HOSTILE, HOSTILE, kind, "pending", None, None, None)


def profile() -> ProfileView:
    network = (NetworkEntry(1, None, HOSTILE, (HOSTILE,), "functional"),)
    skill = SkillView("k", HOSTILE, 4)
    status = Status("available")
    return ProfileView(
        EXPERT, HOSTILE, HOSTILE, HOSTILE, None, status, (skill,), (HOSTILE,), network
    )


def summary() -> TeamSummary:
    shoutout = Shoutout(HOSTILE, HOSTILE, HOSTILE, ("teamwork",), date(2026, 11, 18))
    return TeamSummary(
        team_id="T1",
        manager_user_id="UMANAGER",
        manager_name=HOSTILE,
        week=IsoWeek(2026, 47),
        tz="UTC",
        team_size=2,
        shoutouts=(shoutout,),
        private_count=1,
        top_givers=((HOSTILE, 1),),
        helpers=(),
        unsung=(),
        quiet=((HOSTILE, None),),
        values=(("teamwork", 1),),
        weekly=(),
    )


BOARD = Leaderboard("month", None, ())
NAMES = {GIVER: HOSTILE}
SKILL = SkillView("k", HOSTILE, 4)
# (name, render, the people the message is about: they may be mentioned)
PATHS: list[tuple[str, Callable[[], Any], set[str]]] = [
    ("kudos shout-out", lambda: kudos.render_shoutout(Given((entry(),))), {GIVER, RECEIVER}),
    ("kudos DM", lambda: kudos.render_received(entry(), None), {GIVER, RECEIVER}),
    (
        "/kudos me",
        lambda: kudos.render_mine(MySummary(RECEIVER, 1, 0, (), 0, (entry(),), NAMES)),
        set(),
    ),
    (
        "/kudos @x",
        lambda: kudos.render_about(AboutSomeone(RECEIVER, HOSTILE, 1, (), (entry(),), NAMES)),
        set(),
    ),
    (
        "/kudos @a bot or someone who left",
        lambda: kudos.render_about(
            AboutSomeone(RECEIVER, HOSTILE, 0, (), (), NAMES),
            why_not_thanked(Profile(GIVER, "g"), Profile(RECEIVER, "r", HOSTILE, is_bot=True)),
        ),
        set(),
    ),
    (
        "Home kudos",
        lambda: kudos.render_home_kudos(HomeKudos(RECEIVER, 5, 5, (entry(),), NAMES, BOARD)),
        set(),
    ),
    (
        "asking (routing reasons)",
        lambda: questions.render_asking(
            question(), [offer()], {EXPERT: "Ada <!here>"}, asker_alone=True, minutes=30
        ),
        set(),
    ),
    (
        "offer DM",
        lambda: offers.render_offer(question(), offer("connector"), None, {"UEVIL": "<@UX>"}),
        {ASKER},
    ),
    (
        "offer closed",
        lambda: offers.render_offer_closed(question(), "moved on", {"UEVIL": "<!here>"}),
        set(),
    ),
    (
        "solved questions first",
        lambda: questions.render_solved_first(
            question(),
            [SolvedMatch(2, HOSTILE, ASKER, EXPERT, "C1", "1.0", 1.0)],
            {2: None},
            3,
            True,
        ),
        {EXPERT},
    ),
    (
        "connected",
        lambda: questions.render_connected(question(), EXPERT, {"UEVIL": "<@UX>"}),
        {ASKER, EXPERT},
    ),
    ("/ask mine", lambda: questions.render_mine([question()]), set()),
    ("asked already", lambda: questions.render_already_asked(question()), set()),
    ("Home helping", lambda: home.render_home_helping([question()], {}), {ASKER}),
    (
        "/ask withdraw, the only one",
        lambda: question_ends.render_withdrawn(Solved(question(), None), quoted=True),
        set(),
    ),
    ("/skills profile", lambda: skills.render_profile(profile(), True), {EXPERT}),
    ("Home profile", lambda: skills.render_home_profile(profile()), {EXPERT}),
    (
        "/skills add",
        lambda: skills.render_added(
            AddOutcome((SKILL,), ((SkillInput(HOSTILE, 3), Suggestion("k", HOSTILE, 1.0)),))
        ),
        set(),
    ),
    ("/skills remove", lambda: skills.render_removed([HOSTILE], [HOSTILE]), set()),
    (
        "/skills who",
        lambda: skills.render_who(
            WhoAnswer(HOSTILE, "k", HOSTILE, (Expert(EXPERT, HOSTILE, SKILL, Status("available")),))
        ),
        {EXPERT},
    ),
    ("digest and /kudos report", lambda: digests.render_digest(summary()), set()),
    (
        "public roundup",
        lambda: digests.render_roundup(Roundup("C1", IsoWeek(2026, 47), summary().shoutouts)),
        set(),
    ),
]


@pytest.mark.parametrize(("name", "render", "about"), PATHS, ids=[p[0] for p in PATHS])
def test_a_reposted_text_pings_nobody(
    name: str, render: Callable[[], Any], about: set[str]
) -> None:
    """The hostile text, in every typed field of this renderer, leaves no broadcast, no group,
    no mention of anyone the message is not about and no disguised link; its words remain."""
    shown = str(render())
    for inner in MARKUP.findall(shown):
        assert not inner.startswith("!"), f"{name}: {inner!r}"
        if inner.startswith("@"):
            assert inner[1:] in about, f"{name} mentions {inner!r}"
        elif not inner.startswith("#"):
            assert "|" not in inner, f"{name} hides a link: {inner!r}"
    assert "https://evil.example/x" in shown and "click here" not in shown, name


def test_every_renderer_is_listed_or_shows_no_typed_text() -> None:
    """A new `render_*` in handlers/blocks must be added to PATHS, or here if it shows only
    the bot's own words (help, buttons, counts) or plain_text (modals)."""
    own_words = {
        "render_help",
        "render_error",
        "render_home_intro",
        "render_seconded",
        "render_confirmation",
        "render_undo_ended",
        "render_undone",
        "render_unposted",
        "render_roundup_refused",  # a channel id and Slack's error code
        "render_kudos_help",
        "render_leaderboard",  # names only, through `plain`
        "render_helper_left",  # a name only, through `named` (below)
        "render_helper_released",  # a mention only: the request above quotes the question
        "render_give_modal",
        "render_consent",
        "render_solved",
        "render_unanswered",
        "render_nudge",
        "render_not_now",  # a date token only
        "render_watch_unheard",  # a channel's and a person's mentions only
        "render_request_ended",  # a mention only
        "render_on_behalf",  # a mention and a name, through `named`
        "render_asking_elsewhere",  # the question's number only
        "render_told_privately",  # the question's number only
        "render_answered",
        "render_text",  # the domain's own sentences
        "render_more",  # names only, through safe_text as every render shows them
        "render_passed_over",  # a name only, through `named`
        "render_skills_help",
        "render_skill_options",  # plain_text options
        "render_edit_modal",  # plain_text inputs
    }
    listed = {
        "render_shoutout",
        "render_received",
        "render_mine",
        "render_already_asked",
        "render_withdrawn",  # the only one withdrawn, quoted
        "render_about",
        "render_home_kudos",
        "render_asking",
        "render_offer",
        "render_offer_closed",
        "render_solved_first",
        "render_connected",
        "render_profile",
        "render_home_profile",
        "render_added",
        "render_removed",
        "render_who",
        "render_digest",
        "render_roundup",
    }
    found = {
        name
        for module in (digests, elements, kudos, offers, questions, skills)
        for name, _ in inspect.getmembers(module, inspect.isfunction)
        if name.startswith("render_")
    }
    assert found <= own_words | listed, sorted(found - own_words - listed)


def test_a_helper_who_left_is_named_without_markup() -> None:
    """The asker's note that their helper left names them as Slack has it: a name holding a
    broadcast, a mention or a link shows as words."""
    shown = str(question_ends.render_helper_left(question(), "UEVIL", {"UEVIL": HOSTILE}))
    assert "evil.example" in shown and "who was helping" in shown
    for inner in MARKUP.findall(shown):
        assert not inner.startswith(("!", "@")) and "|" not in inner, inner
