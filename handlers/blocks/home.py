"""Block Kit for the Home tab: the tab itself from its sections, and its own sections: the
requests waiting for the person's answer, the questions they are helping with, their open
questions and, for a manager, their team's week in brief with a button to the full report."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.digests import outline
from bot.digests.summary import TeamSummary
from bot.digests.weeks import IsoWeek
from bot.questions.views import QuestionView, RequestsWaiting
from bot.safe_text import safe_text
from handlers.blocks.digests import FROM_REPORT, render_digest
from handlers.blocks.elements import (
    VIEW_BLOCKS,
    Blocks,
    actions,
    and_more,
    button,
    context,
    section,
    slack_time,
)
from handlers.blocks.offers import request_buttons, request_header
from handlers.blocks.question_words import quote
from handlers.blocks.questions import MINE_SHOWN, open_question

MANAGER_REPORT_ACTION = "home_manager_report"
MOMENT = "{date_short_pretty} at {time}"  # as each reader's Slack shows a day and time
QUESTIONS_ON_HOME = 5
REQUESTS_ON_HOME = 5
HELPING_ON_HOME = 5
HELPING_PREVIEW = 200  # a reminder of which question, the whole of it being a click away


def _header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": text}}


def render_home(sections: Sequence[Blocks], team_id: str) -> dict[str, Any]:
    """A person's Home tab from its sections in order, a divider between two that show
    anything, cut at a view's 100 blocks. Its `private_metadata` names the workspace whose
    data it shows: in an Enterprise Grid organisation that installed askaround in several
    workspaces a person has one Home tab across them, and a press on it is that workspace's
    (`handlers.dispatch.home_workspace`)."""
    blocks: Blocks = []
    for section_blocks in sections:
        if blocks and section_blocks:
            blocks.append({"type": "divider"})
        blocks.extend(section_blocks)
    return {"type": "home", "blocks": blocks[:VIEW_BLOCKS], "private_metadata": team_id}


def render_home_requests(waiting: RequestsWaiting) -> Blocks:
    """The requests waiting for the person's answer, newest first, each as its DM opens (who
    asked, the question's words), when it was asked, and the DM's own *I can help* and *Not
    me*; none: nothing. The rest, past `REQUESTS_ON_HOME`, are counted: each is in their DM
    with askaround, where *Suggest someone* is too."""
    if not waiting.newest:
        return []
    blocks: Blocks = [_header("Waiting for your answer")]
    for request in waiting.newest[:REQUESTS_ON_HOME]:
        said = f"{request_header(request.question)}\n{quote(request.question.text)}"
        blocks.append(section(said))
        blocks.append(context(f"Asked {slack_time(request.asked_at, MOMENT)}"))
        blocks.append(actions(*request_buttons(request.offer)))
    more = waiting.total - min(len(waiting.newest), REQUESTS_ON_HOME)
    if more > 0:
        blocks.append(context(and_more(more, "in your DMs with askaround")))
    return blocks


def render_home_helping(questions: list[QuestionView], links: Mapping[int, str | None]) -> Blocks:
    """The questions the person is helping with now (taken on, not solved yet), newest
    first: whose, a few of its words and a link to where they were introduced (`links`, by
    question; none when Slack gave none); none: nothing."""
    if not questions:
        return []
    blocks: Blocks = [_header("You're helping with")]
    for question in questions[:HELPING_ON_HOME]:
        link = links.get(question.id)
        where = f"\n<{link}|Where you were introduced>" if link else ""
        said = f"<@{question.asker_user_id}>'s question #{question.id}\n"
        blocks.append(section(f"{said}{quote(question.text, limit=HELPING_PREVIEW)}{where}"))
    return blocks


def render_home_questions(
    questions: list[QuestionView], total: int | None = None, waiting: Collection[int] = ()
) -> Blocks:
    """The person's open questions, newest first, each with the Withdraw button of `/ask
    mine`; none: nothing (the tab stays short). `total`: how many are open in all (`Mine`);
    the rest are sent to `/ask mine` only for as many as it lists. `waiting`: which nobody
    has been asked about yet."""
    if not questions:
        return []
    blocks: Blocks = [_header("Your open questions")]
    for question in questions[:QUESTIONS_ON_HOME]:
        blocks.extend(open_question(question, waiting=waiting))
    more = (len(questions) if total is None else total) - QUESTIONS_ON_HOME
    in_mine = min(more, MINE_SHOWN - QUESTIONS_ON_HOME)
    if more > in_mine:
        blocks.append(context(and_more(more, f"(`/ask mine` lists {in_mine} of them)")))
    elif more > 0:
        blocks.append(context(and_more(more, "in `/ask mine`")))
    return blocks


def render_home_manager(summary: TeamSummary, next_digest: datetime) -> Blocks:
    """This week for the manager's team, in brief, the full report a click away, and when
    their next digest comes (`next_digest`), in their own time as their Slack shows it."""
    covers = IsoWeek.at(next_digest, summary.tz).shifted(-1)
    which = "this week" if covers == summary.week else covers.label
    said = outline.headline(summary, for_manager=True)
    return [
        _header("Your team this week"),
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": safe_text(said)},
            "accessory": button("Full report", MANAGER_REPORT_ACTION, summary.week.label),
        },
        context(f"Your digest of {which} comes {slack_time(next_digest, MOMENT)}."),
    ]


def render_home_refused() -> dict[str, Any]:
    """The Home tab published when Slack refused the person's own (`views.publish`
    answering `invalid_blocks`): instead of the last one Slack kept, out of date, or none,
    where everything is to be found meanwhile."""
    return {
        "type": "home",
        "blocks": [
            _header("askaround"),
            section(
                "Your Home tab couldn't be shown just now: Slack refused it, and whoever runs "
                "askaround can see why in its log. Everything is still there: `/skills` shows "
                "your profile, `/ask mine` your questions, `/kudos me` your kudos, and "
                "`/askaround help` the rest."
            ),
        ],
    }


def render_report_modal(summary: TeamSummary) -> dict[str, Any]:
    """The full `/kudos report` for this week, opened from the Home tab."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Team report"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": render_digest(summary, rest=FROM_REPORT)["blocks"],
    }
