"""Block Kit for the Home tab's own sections: the person's open questions and, for a manager,
their team's week in brief with a button to the full report."""

from __future__ import annotations

from typing import Any

from bot.digests import outline
from bot.digests.summary import TeamSummary
from bot.questions.views import QuestionView
from bot.safe_text import safe_text
from handlers.blocks.digests import FROM_REPORT, render_digest
from handlers.blocks.elements import Blocks, and_more, button, context, section
from handlers.blocks.questions import quote

MANAGER_REPORT_ACTION = "home_manager_report"
QUESTIONS_ON_HOME = 5


def _header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": text}}


def render_home_questions(questions: list[QuestionView]) -> Blocks:
    """The person's open questions, newest first; none: nothing (the tab stays short)."""
    if not questions:
        return []
    lines = []
    for question in questions[:QUESTIONS_ON_HOME]:
        helper = f" · <@{question.helper_user_id}> is helping" if question.helper_user_id else ""
        lines.append(f"#{question.id} · {question.status_words}{helper}\n{quote(question.text)}")
    blocks: Blocks = [
        _header("Your open questions"),
        *(section(line) for line in lines),
    ]
    if len(questions) > QUESTIONS_ON_HOME:
        blocks.append(context(and_more(len(questions) - QUESTIONS_ON_HOME, "in `/ask mine`")))
    return blocks


def render_home_manager(summary: TeamSummary) -> Blocks:
    """This week for the manager's team, in brief, and the full report a click away."""
    return [
        _header("Your team this week"),
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": safe_text(outline.headline(summary))},
            "accessory": button("Full report", MANAGER_REPORT_ACTION, summary.week.label),
        },
    ]


def render_report_modal(summary: TeamSummary) -> dict[str, Any]:
    """The full `/kudos report` for this week, opened from the Home tab."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Team report"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": render_digest(summary, rest=FROM_REPORT)["blocks"],
    }
