"""Block Kit for kudos: shout-outs, DMs, confirmations and leaderboards.

Leaderboards and summaries name people (never `<@U…>`), so reading them pings nobody. The
words these messages share (a reason quoted, values as tags, people named, the lines of a
list) are in `kudos_words.py`; the Give kudos form, in `kudos_form.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.help import SLASH_COMMANDS
from bot.kudos.parse import how_to_give
from bot.kudos.records import AboutSomeone, Entry, Given, HomeKudos, Leaderboard, MySummary
from bot.kudos.rules import UNDO_WINDOW
from bot.safe_text import safe_text
from bot.words import plural
from handlers.blocks.elements import (
    Blocks,
    Message,
    actions,
    button,
    capped_lines,
    context,
    conversation_named,
    fallback,
    one_section,
    plain,
    section,
    slack_time,
)
from handlers.blocks.kudos_words import (
    LIST_REASON,
    LISTED,
    PERIOD_LABELS,
    people,
    quote,
    reason_line,
    reasons,
    standings,
    tags,
    top_values,
)

UNDO_ACTION = "kudos_undo"
HOME_GIVE_ACTION = "kudos_home_give"
THANK_ACTION = "kudos_thank"  # under `/kudos @someone`: the modal, with them chosen
SHOUTOUT_REASON = 1200


def render_shoutout(given: Given, link_back: str | None = None, reaction: str = "kudos") -> Message:
    entry = given.first
    headline = f":tada: <@{entry.giver}> gave kudos to {people(given.recipients)}"
    about = (entry.giver, *given.recipients)
    body = f"{headline}\n{quote(entry.message, SHOUTOUT_REASON, about)}"
    if entry.values:
        body += f"\n{tags(entry.values)}"
    notes = [f"Given {link_back}"] if link_back else []
    # In a DM (with the bot, or between giver and receiver) nobody reading could second it.
    if not (entry.shoutout_channel_id or entry.channel_id or "").startswith("D"):
        notes.append(f"React with :{reaction}: to second this.")
    text = f"{headline}: {reason_line(entry.message, LIST_REASON, about)}"
    blocks = [section(body), *([context(" · ".join(notes))] if notes else [])]
    return {"text": text, "blocks": blocks}


def render_seconded(given: Given) -> Message:
    text = f":raised_hands: <@{given.first.giver}> seconds this"
    return one_section(text)


def render_received(entry: Entry, where: str | None) -> Message:
    """`where`: the shout-out's channel, when it is there; in the kudos channel it is not
    where they were given, and is named as the shout-out's. Private kudos say so."""
    verb = "seconded kudos for you" if entry.source == "second" else "gave you kudos"
    headline = f":tada: <@{entry.giver}> {verb}"
    if where and entry.shoutout_channel_id == entry.channel_id:
        headline += f" in {where}"
    elif where:
        headline += f" (the shout-out is in {where})"
    elif entry.is_private:  # its conversation unnamed (`visibility.may_point_to_shoutout`)
        headline += " privately"
    about = (entry.giver, entry.receiver)
    body = f"{headline}\n{quote(entry.message, SHOUTOUT_REASON, about)}"
    if entry.values:
        body += f"\n{tags(entry.values)}"
    text = f"{headline}: {reason_line(entry.message, LIST_REASON, about)}"
    return {"text": text, "blocks": [section(body)]}


def place(channel: str | None, given_in: Entry, *, group_dm: bool = False) -> str:
    """A conversation kudos (`given_in`, the first entry of their act of giving) went to or
    were given in, as Slack can show it (`conversation_named`); `group_dm`: the one they
    were given in is a group DM."""
    if not channel:
        return "this conversation"
    return conversation_named(channel, group_dm=group_dm and channel == given_in.channel_id)


def _where_posted(given: Given, group_dm: bool) -> str:
    """What the giver is promised about the shout-out: only what is really on its way."""
    if not given.announced:
        return "No shout-out: no channel was chosen, so only they know (it counts as private)."
    where = place(given.shoutout_channel, given.first, group_dm=group_dm)
    if given.first.source == "second":  # a reply under the shout-out, not one of its own
        return f"Your seconding is on its way to the shout-out's thread in {where}."
    return f"The shout-out is on its way to {where}; I'll tell you if it can't be posted."


def _confirmed(given: Given, group_dm: bool) -> str:
    return (
        f"Kudos sent to {people(given.recipients)}. {_where_posted(given, group_dm)} "
        f"You have {given.remaining} of {given.allowance} left today."
    )


def render_confirmation(given: Given, *, group_dm: bool = False) -> Message:
    """`group_dm`: the kudos were given in a group DM, which Slack tells only by its name."""
    text = _confirmed(given, group_dm)
    return {
        "text": text,
        "blocks": [
            section(f":white_check_mark: {text}"),
            {
                "type": "actions",
                "elements": [button("Undo", UNDO_ACTION, given.batch_key)],
            },
            context(f"You can undo until {slack_time(given.first.created_at + UNDO_WINDOW)}."),
        ],
    }


def render_undo_ended(given: Given, *, group_dm: bool = False) -> Message:
    """The confirmation once Undo no longer works: what it said when given, its button gone."""
    text = _confirmed(given, group_dm)
    until = slack_time(given.first.created_at + UNDO_WINDOW)
    return {
        "text": text,
        "blocks": [
            section(f":white_check_mark: {text}"),
            context(f"You could undo until {until}."),
        ],
    }


def render_undone(
    entries: Sequence[Entry],
    kept: Sequence[str] = (),
    *,
    taken_back: bool = False,
    given_up: bool = False,
) -> Message:
    """It names each message that could not be removed (drawn once they were tried,
    `handlers.outbox.kudos_undone`). `taken_back`: an admin took them back first, which it
    says (naming nobody), as the press did nothing. `given_up`: Slack kept failing the
    removals until the outbox gave them up; `kept` names what may still show."""
    receivers = list(dict.fromkeys(e.receiver for e in entries))
    listed = ", ".join(capped_lines(kept, LISTED, ""))
    text = f"Undone: your kudos to {people(receivers)} are no longer in the ledger"
    if taken_back:
        text = (
            f"An admin already took back your kudos to {people(receivers)}: "
            "they are no longer in the ledger."
        )
    elif given_up:
        text += (
            ", but Slack kept failing when I tried to remove the messages they caused, so "
            f"{listed or 'they'} may still show. An askaround admin can finish "
            "removing them with `askaround outbox retry`."
        )
    elif kept:
        text += (
            f", but I could not remove {listed}: "
            "a workspace admin can delete "
            f"{'it' if len(kept) == 1 else 'them'}."
        )
    else:
        text += ", and the messages they caused are removed."
    return {"text": fallback(text), "blocks": [section(f":leftwards_arrow_with_hook: {text}")]}


UNPOSTED_GAVE_UP = "gave_up"  # not Slack's: the outbox gave up after its retries
_UNPOSTED = {
    UNPOSTED_GAVE_UP: "Slack kept failing to take it, so I stopped trying. Wait a while",
    "not_in_channel": "I'm not in that channel. Invite me there with `/invite @askaround`",
    "channel_not_found": "it is a private channel I'm not in. Invite me there with "
    "`/invite @askaround`",
    "is_archived": "that channel is archived. Pick another channel",
    "expired_url": "Slack no longer let me answer in that conversation. Give them from a "
    "channel I'm in",
    "no_channel": "no channel was chosen. Pick a channel",
}


def render_unposted(
    given: Given,
    channel: str | None,
    error: str,
    posted_in: str | None = None,
    *,
    group_dm: bool = False,
) -> Message:
    """The correction of a confirmation that said the shout-out was on its way to `channel`:
    it went nowhere, or to `posted_in` instead. `group_dm`: given in one (`place`)."""
    where = f" in {place(channel, given.first, group_dm=group_dm)}" if channel else ""
    why = _UNPOSTED.get(error, f"Slack said `{error}`. Try another channel")
    if posted_in:
        text = (
            f":information_source: I couldn't post the shout-out for your kudos to "
            f"{people(given.recipients)}{where} ({why}), so I posted it in "
            f"{place(posted_in, given.first, group_dm=group_dm)}, where you gave them."
        )
        return one_section(text)
    # A seconding is a reply in another's shout-out, which is there: only the reply is not.
    what = (
        f"your seconding of the kudos to {people(given.recipients)} in the shout-out's thread"
        if given.first.source == "second"
        else f"the shout-out for your kudos to {people(given.recipients)}"
    )
    # Their DMs are queued with this message and may not have gone (or may never: Slack can
    # refuse one); only DMs recorded as posted are claimed.
    told = "They were told in a DM; t" if all(e.dm_ts for e in given.entries) else "T"
    text = (
        f":warning: I couldn't post {what}"
        f"{where}: {why}, then give them again to thank them in public. {told}hese kudos "
        "stay private (only you and they see them)."
    )
    return one_section(text)


def render_kudos_help(reactions: Sequence[str] = ("kudos",), *, has_values: bool = True) -> Message:
    """`reactions`: the emoji that give kudos here (a workspace may set its own);
    `has_values`: whether it has company values to tag kudos with."""
    shown = (u.shown(has_values=has_values) for u in SLASH_COMMANDS["/kudos"])
    lines = "\n".join(f"• `{u.example}`: {u.summary}" for u in shown)
    emoji = " or ".join(f":{r}:" for r in reactions)
    tagged = ", tagged with our company values" if has_values else ""
    intro = f"Thank a colleague with *kudos*{tagged}."
    return {
        "text": f"{intro}\n{lines}",
        "blocks": [
            section(intro),
            section(lines),
            context(
                f"You can also react to a message with {emoji}, or use the message "
                "shortcut *Give kudos*."
            ),
        ],
    }


def render_leaderboard(board: Leaderboard) -> Message:
    scope = f" for `#{board.value}`" if board.value else ""
    title = f"*Kudos leaderboard {PERIOD_LABELS[board.period]}{scope}*"
    if not board.standings and board.period.startswith("last "):  # nobody can be first now
        text = f"{title}\nNo kudos {PERIOD_LABELS[board.period]}."
        return one_section(text)
    if not board.standings and board.retired:  # no new kudos may name it
        text = (
            f"{title}\nNo kudos {PERIOD_LABELS[board.period]} for `#{board.value}`, which is "
            "no longer a company value."
        )
        return one_section(text)
    if not board.standings:
        when = "yet" if board.period == "all" else PERIOD_LABELS[board.period]
        example = how_to_give(board.has_values, "…", board.value or "value")
        return one_section(f"{title}\nNo kudos {when}. Be the first: {example}")
    text = f"{title}\n{standings(board)}"
    return one_section(text)


def render_mine(summary: MySummary) -> Message:
    streak = f"{summary.streak_weeks}-week giving streak" if summary.streak_weeks else "no streak"
    head = (
        f"*Your kudos*: {summary.received} received, {summary.given} given · {streak}\n"
        f"Top values you were thanked for: {top_values(summary.top_values)}"
    )
    blocks: Blocks = [section(head)]
    text = head
    if summary.recent:
        recent = "*Recently*\n" + reasons(summary.recent, summary.names)
        blocks.append(section(recent))
        text += "\n" + recent
    return {"text": fallback(text), "blocks": blocks}


def render_about(about: AboutSomeone, why_not: str | None = None) -> Message:
    """What someone was thanked for (only what the asker may see), and how to thank them;
    or, with `why_not`, why they can't be (no button that would only be refused)."""
    name = plain(about.name)
    said = "say what they did and add a `#value`" if about.has_values else "say what they did"
    how = (
        safe_text(why_not)
        if why_not
        else f"To thank {name}: type `/kudos @`, pick them, {said}; or press *Give kudos*."
    )
    thank: Blocks = [] if why_not else [actions(button("Give kudos", THANK_ACTION, about.user_id))]
    # Leaderboards count private kudos too; saying so here keeps the two from disagreeing. A
    # guest is shown no leaderboard (`visibility.sees_workspace_figures`): none is named.
    where = "" if about.for_guest else " given in private conversations"
    counted = "not shown to you" if about.for_guest else "counted on leaderboards, never shown"
    unseen = (
        f"{plural(about.unseen_private, 'kudos', 'kudos')}{where} ({counted})"
        if about.unseen_private
        else ""
    )
    if not about.recent and about.for_guest:
        # A guest is shown only kudos they gave or received: "no public kudos" may be untrue.
        text = f"{name} has {unseen or 'no kudos from or to you'}. {how}"
        return {"text": text, "blocks": [section(text), *thank]}
    if not about.recent:
        also = f" They have {unseen}." if unseen else ""
        text = f"{name} hasn't received public kudos yet.{also} {how}"
        return {"text": text, "blocks": [section(text), *thank]}
    shared = (
        f" (and {plural(about.shared_private, 'private kudos', 'private kudos')} "
        "between you and them)"
        if about.shared_private
        else ""
    )
    # A guest sees only kudos they gave or received: a count of those is no count of the
    # person's public thanks.
    theirs = about.public_count + about.shared_private
    thanked = (
        f"has {plural(theirs, 'kudos', 'kudos')} from or to you"
        if about.for_guest
        else f"was thanked {plural(about.public_count, 'time')} in public{shared}"
    )
    head = f"*{name}* {thanked} · top values: {top_values(about.top_values)}" + (
        f"\n{unseen}." if unseen else ""
    )
    text = f"{head}\n{reasons(about.recent, about.names)}"
    return {"text": fallback(f"{text}\n{how}"), "blocks": [section(text), context(how), *thank]}


def render_home_kudos(home: HomeKudos) -> Blocks:
    blocks: Blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Kudos"}},
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": f"You have *{home.remaining} of {home.allowance}* kudos left today.",
            },
            "accessory": button("Give kudos", HOME_GIVE_ACTION, style="primary"),
        },
    ]
    if home.recent:
        blocks.append(section("*Your recent kudos*\n" + reasons(home.recent, home.names)))
    else:
        blocks.append(context("No kudos received yet."))
    board = home.leaderboard
    if board is not None and board.standings:
        blocks.append(section(f"*Leaderboard {PERIOD_LABELS[board.period]}*\n{standings(board)}"))
    return blocks
