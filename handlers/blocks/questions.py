"""Block Kit for questions: what the asker, the experts and the connected pair see. The words
these messages share (the question quoted, who is asked, named or counted) are in
`question_words.py`; what the asker is told as the question ends, in `question_ends.py`."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from bot import visibility
from bot.questions.solved import SolvedMatch
from bot.questions.views import OfferView, QuestionView
from bot.words import plural
from handlers.blocks.elements import (
    MESSAGE_TEXT,
    Blocks,
    Message,
    actions,
    and_more,
    button,
    context,
    fallback,
    section,
    slack_time,
)
from handlers.blocks.question_words import (
    QUESTION_PREVIEW,
    counted_more,
    day_starts,
    named,
    named_or_counted,
    named_reason,
    quote,
    request_waits,
    who_asked,
)

ALREADY_QUOTED = 150  # of the question the asker is asking already, as an offer shows it
WITHDRAW_ACTION = "question_withdraw"
# The prompt's buttons, named so in each press: Slack sends no `message` with a press on an
# ephemeral one, which a private channel's prompt is.
CONSENT_BLOCK = "question_prompt"
MINE_SHOWN = 20  # `/ask mine`: each question's words share the message's MESSAGE_TEXT


# How a closed question ended, as the message that said who is asked says it afterwards.
_ENDED = {
    "solved": "is solved.",
    "withdrawn": "was withdrawn.",
    # Not "nobody could help" (a request that ran out was only not answered in time), nor
    # "none took it on" (a helper may have taken it on, then let it go).
    "unanswered": "closed without a helper, so I stopped asking.",
}


def render_asking(
    question: QuestionView,
    offers: list[OfferView],
    names: Mapping[str, str],
    *,
    asker_alone: bool,
    minutes: float,
    starts: datetime | None = None,
    unnamed: Collection[str] = (),
) -> Message:
    """Shown to the asker at once: who is being asked, privately, and why, and what happens
    if none of them can help within the `minutes` each request waits; when nobody has the
    request yet, that they get it when their working day starts, the first at `starts`, in
    the reader's own time zone. While someone
    helps, who was asked and who is helping (Solved and Withdraw kept). Once the question has
    closed, who was asked and how it ended; only Solved is left, when it closed without a
    helper and the asker may have found the answer elsewhere. Unless the asker alone reads
    it, who was asked through their network is counted, not named, nor named as who
    suggested another (`unnamed`, `question_words.unnamed_here`)."""
    shown, hidden = who_asked(offers, asker_alone=asker_alone)
    you = _asker(question, names, asker_alone=asker_alone)
    # nobody has the request yet: the list opens saying so, once
    waits = bool(offers) and all(request_waits(o) for o in offers) and question.status == "open"
    lines = [
        f"• {named([o.candidate_user_id], names)}: "
        + named_reason(o, names, waits_said=waits, unnamed=unnamed, asker=you)
        for o in shown
    ]
    if hidden and lines:
        lines.append(f"• and {counted_more(hidden)}")
    solved = button("Solved", "question_solved", str(question.id), "primary")
    ended = _ENDED.get(question.status)
    withdraw = button("Withdraw", WITHDRAW_ACTION, str(question.id))
    if question.status == "connected" and question.helper_user_id:
        text = f"I asked {plural(len(offers), 'colleague')} privately whether they could help:"
        helper = named([question.helper_user_id], names)
        said = f"Question #{question.id}: {helper} is helping {you}."
        buttons = [solved, withdraw]
    elif ended is None:
        text = f"I'm asking {plural(len(offers), 'colleague')} privately whether they can help:"
        if waits:
            asked = plural(len(offers), "colleague")
            text = (
                f"I'll ask {asked} privately whether they can help, when their working day "
                f"starts{day_starts(starts, len(offers))}:"
            )
        said = f"Question #{question.id}. I'll tell {you} as soon as someone can help. " + _next(
            question, minutes, you
        )
        buttons = [solved, withdraw]
    else:
        text = f"I asked {plural(len(offers), 'colleague')} privately whether they could help:"
        said = f"Question #{question.id} {ended}"
        if not offers:  # those asked are the ones whose request was sent (`_update_asking`)
            text = "I asked nobody: the colleagues I chose had yet to get my request."
            if question.status == "unanswered":  # not "without a helper": none was asked
                said = f"Question #{question.id} closed: none of them got it, so I stopped."
        buttons = [solved] if question.status == "unanswered" else []
    if not lines and text.endswith(":"):  # those asked counted alone: "I'm asking 2 colleagues…."
        text = text.removesuffix(":") + "."
    blocks = [section("\n".join([text, *lines])), context(said)]
    return {"text": text, "blocks": blocks + ([actions(*buttons)] if buttons else [])}


def _asker(question: QuestionView, names: Mapping[str, str], *, asker_alone: bool) -> str:
    """Who "you" is in the asking message: the asker, named without a ping in the thread of
    a message someone used *Find an expert* on, whose author reads it there too (and would
    read "I'll tell you" as said to them)."""
    if asker_alone or question.source != "shortcut":
        return "you"
    return named([question.asker_user_id], names)


def _next(question: QuestionView, minutes: float, you: str = "you") -> str:
    """What happens when none of those asked can help, and when: told nothing of it, an asker
    could not tell whether to wait an hour or a week. Others are promised only where the
    question may go on to them (`visibility.may_ask_others`)."""
    within = f"If none of them can help within {minutes:g} minutes of their working hours, I'll"
    if visibility.may_ask_others(
        is_private=question.is_private,
        made_private=question.made_private,
        agreed_colleagues=question.agreed_colleagues,
    ):
        return f"{within} ask others who might, or tell {you} there is nobody else."
    return f"{within} tell {you}, and ask nobody else."


def render_more(
    asked: list[OfferView],
    waiting: list[str],
    names: Mapping[str, str],
    *,
    asker_alone: bool,
    starts: datetime | None = None,
) -> Message:
    """Told to the asker when the question moves on to more colleagues: who was asked, and
    who will be, those `waiting`, whose working day is over, getting the request when their
    next one starts (it is not sent before, so they are not said to be asked), the first at
    `starts`. Unless the asker alone reads it, who is asked through their network is
    counted, not named."""
    now = [o for o in asked if o.candidate_user_id not in waiting]
    later = [o for o in asked if o.candidate_user_id in waiting]
    told = named_or_counted(now, names, asker_alone=asker_alone, more=False)
    waits = named_or_counted(later, names, asker_alone=asker_alone, more=bool(told))
    when = f"when their working day starts{day_starts(starts, len(later))}"
    if told and waits:
        text = f"I've also asked {told}; {waits} will get my message {when}."
    elif told:
        text = f"I've also asked {told}."
    else:
        text = f"I'll also ask {waits}: they'll get my message {when}."
    return {"text": fallback(text)}


def in_dm_instead(question: QuestionView, message: Message) -> Message:
    """A message to the asker that Slack kept failing, or refused at once, in their
    question's thread, sent to their DM instead: it says which question it is about, as the
    thread did, and words true of either ("kept failing" was said of a post refused once)."""
    note = (
        f"About question #{question.id} in <#{question.channel_id}>: Slack didn't let me "
        "post this in its thread."
    )
    text = f"{note}\n{message['text']}"
    if "blocks" not in message:
        return {**message, "text": text}
    return {**message, "text": text, "blocks": [context(note), *message["blocks"]]}


def render_passed_over(offer: OfferView, names: Mapping[str, str], *, asker_alone: bool) -> Message:
    """Told to the asker when a colleague they were told would get the request when their
    working day starts never will: they stopped taking questions (or left) before it."""
    who = named_or_counted([offer], names, asker_alone=asker_alone, more=False)
    text = f"{who} won't get my request after all: they can't be asked now."
    return {"text": fallback(text)}


# Why a question asked in public is the asker's alone now (`QuestionView.made_private`).
MADE_PRIVATE = "this conversation is private or shared with another organisation now"


def render_told_privately(question_id: int) -> Message:
    """Where a question's news goes to the asker's DM, not to the conversation they asked in
    (`/ask`, a private one agreed to): that conversation would show nothing, as if the
    command or the press had failed."""
    return {"text": f"Got it: question #{question_id}. I'll tell you privately how it goes."}


def render_asking_elsewhere(question: QuestionView) -> Message:
    """What the asking message in the question's thread becomes once its conversation is
    private or shared with another organisation since it was asked: who is asked, and how
    it goes, are the asker's alone from then on (`visibility.asker_told_in_thread`), in
    their DM, so it names nobody and tells no state."""
    text = f"Question #{question.id}: {MADE_PRIVATE}, so I'll tell you how it goes in our DM."
    return {"text": text, "blocks": [context(text)]}


def first_then_others(count: int, others: bool, *, private: bool) -> str:
    """How many are asked first. Never "Ask 3 colleagues" on a button: when none of them can
    help, others are asked too; `others`: whether any are known (else none are promised). A
    `private` question told nobody else might help goes to those alone, whoever turns up
    later (`visibility.may_ask_others`): it says so."""
    if not others:
        alone = ": I'll ask only them." if private else "."
        return f"{plural(count, 'colleague')}, and nobody else I know of might help{alone}"
    return f"{plural(count, 'colleague')} first, then others who might help if none of them can."


def render_consent(
    question: QuestionView, count: int, others: bool, *, unsure: bool = False
) -> Message:
    """`others`: whether anyone might be asked after the first `count`. `unsure`: Slack
    would not say whether the conversation is public, so it is kept as a private one is, and
    the asker is told why rather than that it is private."""
    why = (
        "Slack didn't tell me whether this conversation is public, so I keep your question "
        "private: nobody outside it sees it"
        if unsure
        else "This conversation is private, so nobody outside it sees your question"
    )
    who = first_then_others(count, others, private=True)
    text = f"{why} unless you say so. Ask colleagues privately? {who}"
    return {
        "text": text,
        "blocks": [
            section(text),
            actions(
                button("Ask colleagues privately", "question_consent", str(question.id), "primary"),
                button("Don't ask", WITHDRAW_ACTION, str(question.id)),
                block_id=CONSENT_BLOCK,
            ),
        ],
    }


def asks_consent(message: Message) -> bool:
    """Whether this message to the asker has the button that agrees to ask colleagues
    (`render_consent`, `render_solved_first`): what they type under it answers it."""
    return any(
        element.get("action_id") == "question_consent"
        for block in message.get("blocks") or []
        if block.get("type") == "actions"
        for element in block.get("elements") or []
    )


def render_solved_first(
    question: QuestionView,
    solved: list[SolvedMatch],
    links: dict[int, str | None],
    would_ask: int,
    others: bool,
) -> Message:
    """Solved questions like the asker's, before anyone is asked; then "Ask colleagues anyway"
    (when somebody can be asked: otherwise the asker is told so on its own)."""
    text = (
        "A question like yours was solved before: have a look first."
        if len(solved) == 1
        else f"{len(solved)} questions like yours were solved before: have a look first."
    )
    blocks: Blocks = [section(text)]
    for match in solved[:3]:
        link = links.get(match.question_id)
        who = f"solved with <@{match.helper_user_id}>" if match.helper_user_id else "solved"
        where = f" · <{link}|See the thread>" if link else ""
        blocks.append(section(f"{quote(match.text, limit=300)}\n{who}{where}"))
    if would_ask:
        private = (
            " Your question stays private unless you ask people." if question.is_private else ""
        )
        asked = first_then_others(would_ask, others, private=question.is_private)
        blocks.append(context(f"If you ask anyway: {asked}{private}"))
        blocks.append(
            actions(
                button("Ask colleagues anyway", "question_consent", str(question.id), "primary"),
                button("That answers it", "question_answered", str(question.id)),
            )
        )
    return {"text": text, "blocks": blocks}


def render_connected(
    question: QuestionView,
    helper_user_id: str,
    names: Mapping[str, str] | None = None,
    *,
    quoted: bool = True,
    left: bool = False,
) -> Message:
    """Asker and helper introduced. The question is quoted where it is not right above (a
    group DM); in its own thread it is not, so an edit to it leaves no older copy behind. Once
    the question has closed, how it ended instead of Solved, as the asker's list says it. Once
    the helper `left` the workspace, that they did, and no button: the question goes on
    without this message, which nothing draws again. A question asked with *Find an
    expert* may be about a colleague's message, whose author was told in its thread (the
    shortcut's listener): it is not called the presser's own."""
    on_behalf = question.source == "shortcut"
    if not on_behalf:
        about = "your question"
    elif quoted:  # a group DM: its words follow
        about = "the message you asked me about"
    else:  # in its thread, right under it
        about = "the question above, which you asked me about"
    pair = f"<@{question.asker_user_id}>, <@{helper_user_id}>"
    text = f"{pair} can help with {about}. Take it from here!"
    if left:
        which = f"{'' if on_behalf else 'your '}question #{question.id}"
        text = f"{pair} was helping with {which}, and is no longer in this workspace."
    said = quote(question.text, (question.asker_user_id, helper_user_id), names)
    ended = None if left else _ENDED.get(question.status)
    return {
        "text": text,
        "blocks": [
            section(f"{text}\n{said}" if quoted and question.text.strip() else text),
            *(
                [context(f"Question #{question.id} {ended}")]
                if ended
                else []
                if left
                else [actions(button("Solved", "question_solved", str(question.id), "primary"))]
            ),
        ],
    }


def render_on_behalf(author: str, presser: str, names: Mapping[str, str]) -> Message:
    """To the author of a message someone used *Find an expert* on, in its thread: who
    asked (named without a ping: they pressed it, and are told in their own messages), and
    that whoever can help is introduced there."""
    text = (
        f"<@{author}>, {named([presser], names)} asked me to find a colleague who can help "
        "with this. I'm asking privately, and will introduce whoever can here."
    )
    return {"text": text}


def render_already_asked(question: QuestionView, *, waiting: bool = False) -> Message:
    """To the asker alone: the same question is still being asked (or `waiting`: to be, each
    request waiting for its colleague's working day), so nobody is asked twice. It is quoted
    as they asked it then: asked again in other words, they read which question it is."""
    helper = f" <@{question.helper_user_id}> is helping." if question.helper_user_id else ""
    # "colleagues asked" is the status in a list (`/ask mine`); here it is in a sentence
    state = "still being asked" if question.status == "open" else question.status_words
    if waiting:
        state = "waiting for its colleagues' working day to start"
    text = (
        f"You asked this already: question #{question.id} is {state}.{helper}\n"
        f"{quote(question.text, limit=ALREADY_QUOTED)}\n"
        "I haven't asked anyone twice. `/ask mine` lists your questions; withdraw that one "
        "first to ask it afresh."
    )
    return {"text": text}


# What an open question's status reads while none of the requests waiting has been sent.
WAITING = "colleagues to be asked when their working day starts"


def open_question(
    question: QuestionView, limit: int = QUESTION_PREVIEW, waiting: Collection[int] = ()
) -> Blocks:
    """One of the asker's open questions with its Withdraw button, as `/ask mine` and the
    Home tab both show it: the same buttons, the same actions, wherever they are pressed.
    One someone is helping with has the thread's *Solved* first, lest Withdraw clear it.
    Among `waiting` (`Mine.waiting`), nobody is asked now."""
    helper = f" · <@{question.helper_user_id}> is helping" if question.helper_user_id else ""
    status = WAITING if question.id in waiting else question.status_words
    line = f"#{question.id} · {status}{helper}\n{quote(question.text, limit=limit)}"
    text = {"type": "mrkdwn", "text": line}
    withdraw = button("Withdraw", WITHDRAW_ACTION, str(question.id))
    if not question.helper_user_id:
        return [{"type": "section", "text": text, "accessory": withdraw}]
    solved = button("Solved", "question_solved", str(question.id), "primary")
    return [{"type": "section", "text": text}, actions(solved, withdraw)]


def render_mine(
    questions: list[QuestionView],
    total: int | None = None,
    waiting: Collection[int] = (),
    heading: str = "*Your open questions*",
) -> Message:
    """The newest MINE_SHOWN of `questions`; `total`: how many are open in all, `waiting`:
    which nobody is asked about now (`Mine`); under `heading` (`/ask withdraw` asking which)."""
    if not questions:
        return {"text": "You have no open questions."}
    blocks: Blocks = [section(heading)]
    limit = MESSAGE_TEXT // MINE_SHOWN - 100
    shown = questions[:MINE_SHOWN]
    for question in shown:
        blocks.extend(open_question(question, limit, waiting))
    left_out = (len(questions) if total is None else total) - len(shown)
    if left_out > 0:
        blocks.append(context(and_more(left_out, "")))
    return {"text": heading.strip("*"), "blocks": blocks}


def render_nudge(message_ts: str) -> Message:
    """The bot's offer in a watched channel's thread."""
    text = "That looks like a question for a colleague. Want me to find someone who knows?"
    return {
        "text": text,
        "blocks": [
            section(text),
            actions(
                button("Find an expert", "nudge_ask", message_ts, "primary"),
                button("Not now", "nudge_not_now", message_ts),
            ),
        ],
    }


def render_not_now(until: datetime) -> Message:
    """What *Not now* under the offer becomes: how long the bot keeps from offering, until
    when in the reader's own time zone, and how to ask meanwhile (nothing ends the quiet
    sooner)."""
    when = slack_time(until, "{date_short_pretty} at {time}")
    text = (
        f"OK: I won't offer to find an expert for your messages in watched channels until "
        f"{when}. To ask colleagues before then, use `/ask` with your question, or mention me."
    )
    return {"text": fallback(text), "blocks": [section(text)]}


def render_watch_unheard(channel_id: str, by_user_id: str | None) -> Message:
    """To whoever had a channel watched, once for each removal: askaround was removed from
    it, so it hears nothing there, and what mends it. It stays watched: invited back,
    askaround watches it again with nothing more to do."""
    who = f"<@{by_user_id}> removed me" if by_user_id else "I was removed"
    text = (
        f":warning: {who} from <#{channel_id}>, so I no longer see its messages and can't "
        "offer help with the questions asked there. It stays watched: invite me back with "
        "`/invite @askaround` there and I'll pick up where I left off, or run `/ask unwatch` "
        "there to stop watching it."
    )
    return {"text": fallback(text), "blocks": [section(text)]}
