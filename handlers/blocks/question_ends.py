"""Block Kit for how a question ends, as its asker is told: solved, withdrawn, answered by a
solved question shown first, its helper gone, or nobody left to ask. What the asker, the
experts and the connected pair see while it goes on is in `questions.py`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.profile import MembershipUnsaid
from bot.questions.results import Solved
from bot.questions.views import QuestionView
from bot.reliability.delivery import Refusal
from bot.safe_text import clip, safe_text
from bot.words import and_list, plural
from handlers.blocks.elements import (
    Message,
    actions,
    button,
    capped_lines,
    one_section,
    section,
    slack_time,
)
from handlers.blocks.question_words import named
from handlers.blocks.questions import MADE_PRIVATE

LATER = "Ask again later, once Slack is well."
IN_A_CHANNEL = (
    " Try asking in a channel about the topic; whoever answers can add it to their skills with"
    " `/skills add`, so I can ask them next time."
)


def _told(done: Solved, told_words: str, nobody: str) -> str:
    """Who closing the question told: those whose request had been sent (a request waiting
    for its colleague's working day is never sent now, so they are not told, nor need be)."""
    sent = [o for o in done.closed_offers if o.dm_ts]
    unsent = len(done.closed_offers) - len(sent)
    if unsent and not sent:
        return f"{plural(unsent, 'colleague')} had yet to get my request, and won't now."
    whom = "colleague" if len(sent) == 1 else plural(len(sent), "colleague")
    said = f"I've told the {whom} {told_words}." if sent else nobody
    if unsent:
        said += f" {plural(unsent, 'more colleague')} hadn't got my request yet, and won't now."
    return said


def render_withdrawn(done: Solved, *, quoted: bool = False) -> Message:
    """What withdrawing did: the colleagues still asked, and whoever was helping, are told,
    or nobody was waiting. `quoted`: withdrawn unnamed (`/ask withdraw`, the asker's only
    one open), its words say which it was."""
    sent = [o for o in done.closed_offers if o.dm_ts]
    helping = sum(o.status == "accepted" for o in sent)
    if not helping:
        told = "still waiting"
    elif helping == len(sent):
        told = "helping"
    else:
        told = "still waiting or helping"
    after = _told(done, told, "Nobody is asked now.")
    which = f" ({clip(safe_text(done.question.text), 150)})" if quoted else ""
    return {"text": f"Question #{done.question.id} withdrawn{which}. {after}"}


def render_solved_already(done: Solved, presser: str) -> Message:
    """*Solved* pressed on a question marked solved before (a second press, a double click,
    a button its message's update has yet to take away): by whom and when, to the presser
    alone; nothing more was done, nor counted."""
    by = done.solved_by
    who = "" if by is None else ", by you" if by == presser else f", by <@{by}>"
    when = (
        f", {slack_time(done.solved_at, '{date_short_pretty} at {time}')}" if done.solved_at else ""
    )
    return {"text": f"Question #{done.question.id} was marked solved already{who}{when}."}


def render_answered(done: Solved) -> Message:
    """ "That answers it": a solved question shown first did. Nobody is asked before the
    asker agrees; if they had (a stale button), those asked are told, and it says so."""
    after = _told(done, "I'd asked", "nobody was asked.")
    return {"text": f"Glad it did. Question #{done.question.id} is closed; {after}"}


def render_helper_left(question: QuestionView, helper: str, names: Mapping[str, str]) -> Message:
    """To the asker: who was helping has left the workspace (what happens next follows)."""
    said = (
        f"{named([helper], names)}, who was helping with question #{question.id}, is no "
        "longer in this workspace, so they can't go on with it."
    )
    return one_section(said)


def render_solved(
    question: QuestionView, helper_user_id: str | None, names: Mapping[str, str] | None = None
) -> Message:
    """The asker's invitation to thank the helper. With `names` (posted in the question's
    thread, which the helper follows) the helper is named without a ping: the message is the
    asker's, and the helper may have pressed Solved themselves, which it says."""
    if helper_user_id is None:
        return {"text": "Marked as solved. Glad it worked out!"}
    helper = named([helper_user_id], names) if names is not None else f"<@{helper_user_id}>"
    if question.solved_by == helper_user_id:
        text = f"{helper} marked question #{question.id} solved. Want to thank them for helping?"
    else:
        text = f"Solved! Want to thank {helper} for helping?"
    return {
        "text": text,
        "blocks": [
            section(text),
            actions(
                button("Give kudos", "question_thank", f"{question.id}:{helper_user_id}", "primary")
            ),
        ],
    }


def render_unanswered(
    question: QuestionView,
    channels: list[str],
    unsent: int = 0,
    chosen: int = 0,
    became: Mapping[str, int] | None = None,
    *,
    refused: Refusal | None = None,
    unsaid: MembershipUnsaid | None = None,
    matched: bool = True,
    guest: bool = False,
    meant: Sequence[str] = (),
) -> Message:
    """Nobody left to ask. Of the `chosen` colleagues, `unsent` never got the request (Slack
    kept failing it until the outbox gave it up, or `refused` it for good, which only an
    admin mends): said as it is, not as nobody available.
    `became`: what became of the requests the others got (`rounds._what_became_of`): those
    colleagues were found and asked, so it is not said that nobody was available.
    `unsaid`: nobody was chosen, and those who might know were kept as guests because Slack
    did not say whether they are members (`directory.membership_unsaid`): said, never who.
    `matched` false: nobody was chosen because nobody's skills, past help or network match the
    question (`offering.why_nobody_asked`), which is said, not that nobody was available;
    `meant`: skills colleagues declare that a word of it may misspell, to ask again with.
    `guest`: the asker is a guest of the workspace, refused `/skills who` (it lists the
    workspace's people, `visibility.sees_workspace_figures`), so not pointed to it."""
    asked = sum((became or {}).values())
    where = _come_up(channels) or (
        " Try asking in one of the channels you're in: whoever there knows the topic can"
        " answer you."
        if guest
        # `/skills who` would list the very colleagues just asked: a channel reaches others.
        else IN_A_CHANNEL
        if asked
        else " Try asking in a channel about the topic; `/skills who` followed by the topic"
        " lists who declared it, even those who can't be asked right now."
    )
    # Others could be asked, but not with the asker's consent.
    nobody_else = (
        f"I'll ask nobody else: {MADE_PRIVATE}, and you agreed to nobody else reading your question"
        if question.made_private
        else "I'll ask nobody else: you agreed to nobody else reading your question"
    )
    asked_alone = question.made_private or question.agreed_colleagues is not None
    # Agreed to those alone: who might help now is theirs to ask, with consent again.
    again = (
        ". Ask again and I'll tell you whether anyone else might help now"
        if question.agreed_colleagues is not None and not question.made_private
        else ""
    )
    if unsent and unsent >= chosen and not asked:
        each = "the colleague" if unsent == 1 else f"each of the {plural(unsent, 'colleague')}"
        text = (
            f"I'm sorry: Slack refused to let me message the colleagues I chose for question "
            f"#{question.id}, so nobody got my request"
            if refused is not None
            else f"I'm sorry: Slack kept failing to deliver my request for question "
            f"#{question.id} to {each} I chose, so nobody got it"
        )
        if asked_alone:
            text += f", and {nobody_else}"
        later = f"Asking again won't help: {_admin_must(refused)}." if refused else LATER
        return one_section(f"{text}. {later}{where}")
    failed = (
        f"Slack refused to let me message {plural(unsent, 'more colleague')} "
        f"({_admin_must(refused)})"
        if unsent and refused
        else f"Slack kept failing to deliver my request to {plural(unsent, 'more colleague')}"
        if unsent
        else ""
    )
    if asked:
        text = f"I'm sorry: {_asked_ended(question, became or {}, asked)}"
        text += f"; {failed}, and" if failed else ", and"
        if asked_alone:
            return one_section(f"{text} {nobody_else}{again}.{where}")
        return one_section(f"{text} there is nobody else I can ask.{where}")
    failed = f", and {failed}" if failed else ""
    if not matched and not chosen:
        where = _come_up(channels) or IN_A_CHANNEL
        head = f"I'm sorry: I found nobody to ask about question #{question.id}"
        if meant:  # a word of theirs misspells a skill declared here: that, first
            return one_section(
                f"{head}. Did you mean {' or '.join(safe_text(name) for name in meant)}? "
                f"Colleagues here declare it as a skill: ask again with it spelt so.{where}"
            )
        return one_section(
            f"{head}: nobody else here has declared its topic as a skill, helped with one "
            f"like it, or knows someone who has.{where}"
        )
    why = f" {UNSAID_MEMBERS} {UNSAID_MENDS[unsaid]}." if unsaid and not chosen else ""
    text = (
        f"I'm sorry: I couldn't find anyone available for question #{question.id}{failed}."
        f"{why}{where}"
    )
    return one_section(text)


def _come_up(channels: list[str]) -> str:
    """Where the question's topic has come up, to ask there; empty: nowhere known."""
    if not channels:
        return ""
    shown = ", ".join(capped_lines([f"<#{c}>" for c in channels], 10, ""))
    return f" It has come up in {shown}: try asking there."


UNSAID_MEMBERS = (
    "Slack didn't tell me whether the colleagues who might know are members of this workspace "
    "or its guests, and I never ask a guest about a colleague's question."
)
UNSAID_MENDS: dict[MembershipUnsaid, str] = {
    # users.info refused (no such method, a permission the install lacks).
    "refused": "An admin should check that askaround may read people's profiles in Slack "
    "(`users.info`, `users:read`)",
    # Described without `is_restricted`: a stand-in for Slack answering with fewer fields.
    "left_out": "This Slack doesn't say who is a member, so nothing an admin changes in "
    "askaround will let me ask them",
}


def _admin_must(refused: Refusal) -> str:
    """What mends a refusal for good, no outage to wait out: an admin, told the scope when
    Slack named it; the workspace's own admins, where they suspended its posting; the log,
    where Slack refused this delivery alone."""
    if refused.needed_scope:
        return f"an admin should give askaround the `{refused.needed_scope}` permission in Slack"
    if not refused.install:  # an error Slack would answer again: the log has it
        said = f", `{refused.code}`," if refused.code else ""
        return f"an admin can find Slack's reason{said} in askaround's log"
    if refused.code == "ekm_access_denied":  # Enterprise Key Management: posting suspended
        return (
            "the workspace's admins have suspended askaround's messages, and only they can "
            "lift that"
        )
    return "an admin should check askaround's permissions in Slack"


_BECAME = {  # what became of a request its colleague got
    "timed_out": "didn't answer in time",
    "declined": "passed on it",  # *Not me*, or someone else suggested instead
    "superseded": "stood down when someone else took it on",  # who has left since
    "left": "left the workspace",
    "guest": "could no longer be asked",  # made a guest of the workspace: withdrawn
}


def _asked_ended(question: QuestionView, became: Mapping[str, int], asked: int) -> str:
    """ "I asked 4 colleagues about question #3: 3 didn't answer in time and 1 passed on it"."""
    head = f"I asked {plural(asked, 'colleague')} about question #{question.id}"
    ended = [(n, _BECAME[kind]) for kind, n in became.items() if n and kind in _BECAME]
    if asked == 1:
        return f"{head}, who {ended[0][1]}"
    return f"{head}: {and_list([f'{n:,} {words}' for n, words in ended])}"
