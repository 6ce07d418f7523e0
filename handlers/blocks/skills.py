"""Block Kit for the expertise directory: profiles, `/skills who`, and the Edit profile modal."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from bot.directory.network import NetworkEntry
from bot.directory.parse import LEVELS
from bot.directory.profiles import AddOutcome, ProfileView, WhoAnswer
from bot.directory.skills import Suggestion
from bot.directory.status import AWAY, OPTED_OUT
from bot.help import SLASH_COMMANDS
from bot.safe_text import QUOTED_CHARS, clip, isolated, quoted, safe_text
from bot.timezone import zone
from bot.words import plural
from handlers.blocks.elements import (
    MESSAGE_TEXT,
    SECTION_LIMIT,
    Blocks,
    TextList,
    and_more,
    context,
    filled_sections,
    listed,
    lists_within,
    names_within,
    section,
    shorten,
    slack_time,
    text_size,
)

EDIT_ACTION = "skills_edit_profile"
EDIT_VIEW = "skills_profile_edit"
LEVEL_ACTION = "skills_level_{}"
INTERESTS_BLOCK, NETWORK_BLOCK = "interests", "network"
WHO_LIMIT = 25
UNCLEAR_SHOWN = 10  # "Did you mean" lines in `/skills add`'s answer
ALL_SKILLS = "(*Edit profile* on my Home tab shows them all)"
OPTION_TEXT_LIMIT = 75
TEXT_INPUT_LIMIT = 3000  # a plain_text_input's max_length and initial_value at most
CHOSEN_LIMIT = 100  # a multi-select's initial_options, like its options
MESSAGE_BLOCK_LIMIT = 50
# The Home tab gives the profile 10 blocks: its skills and its network take 2 sections each.
SECTIONS_EACH = 2
LEFT = "no longer in this workspace"  # as a leaver is named elsewhere
OWNER_HINT = "`/skills help` lists what you can change."


_MARKS = re.compile(r"[*_~`]")


def _bold(text: str, before: str = "") -> str:
    """`before` and a typed name in bold; a name holding a mark of mrkdwn's (`*nix`, `~x_`) in
    “…” after the bold instead: inside `*…*` its `*` ends the bold and Slack shows the rest's
    marks as typed (`**nix*`), and mrkdwn has no way to escape one. A name written right to
    left is set apart (`isolated`): `חשבונאות — 4` was laid out as `4 — חשבונאות`."""
    if _MARKS.search(text):
        return f"*{before.strip()}* {quoted(text)}" if before else quoted(text)
    return f"*{before}{isolated(text)}*"


def _reply(blocks: Blocks, text: str) -> dict[str, Any]:
    return {"text": clip(text, 3000), "blocks": blocks[:MESSAGE_BLOCK_LIMIT]}


def level_label(level: int) -> str:
    return f"{level} · {LEVELS.get(level, '?')}"


def _network_line(entry: NetworkEntry) -> str:
    if entry.colleague_user_id:
        who = f"<@{entry.colleague_user_id}>"
    else:
        who = _bold(safe_text(entry.contact_name or ""))
    about = f" about {safe_text(', '.join(entry.topics))}" if entry.topics else ""
    left = f" — {LEFT}" if entry.colleague_left else ""
    return f"• {who}{about} ({entry.relationship}){left}"


# What the owner reads beside a status that keeps questions away: nothing else on the Home tab,
# nor Edit profile, changes it.
_TAKE_AGAIN = {
    AWAY: " · `/skills back` to take questions before then",
    OPTED_OUT: " · `/skills back` to take them again",
}


def _status(view: ProfileView, is_owner: bool, reader: str | None = None) -> str:
    """The status in words, as `reader` reads it (`back_on`); to its owner, how to take
    questions again when only they keep them away (a guest of the workspace never takes
    them, `/skills back` or not)."""
    said = view.status.describe(lambda at: back_on(at, reader))
    own = is_owner and not (view.status.guest or view.status.deactivated)
    if own and (view.status.kind == OPTED_OUT or view.status.back_at):
        said += _TAKE_AGAIN.get(view.status.kind, "")
    return said


def profile_blocks(
    view: ProfileView, is_owner: bool, budget: int | None = None, reader: str | None = None
) -> Blocks:
    """The profile, as `reader` reads it (`back_on`); its skills and its network take 2
    sections each (the Home tab's share), or, in a message, a fair share of `budget`
    characters of text each."""
    manager = f"reports to <@{view.manager_user_id}>" if view.manager_user_id else ""
    said = " · ".join(x for x in (safe_text(view.title), safe_text(view.team), manager) if x)
    name = f"*<@{view.user_id}>* {said}" if said else f"*<@{view.user_id}>*"
    head = section(f"{name}\nStatus: {_status(view, is_owner, reader)}")
    interests = (
        [section("*Interests*\n" + safe_text(", ".join(view.interests)))] if view.interests else []
    )
    lists: list[TextList] = []
    if view.skills:
        lines = [f"• {_bold(safe_text(s.name))} — {level_label(s.level)}" for s in view.skills]
        lists.append(TextList("*Skills*", lines))
    if view.network is not None:
        heading = "*Your network* (only you see this)"
        entries = [clip(_network_line(e), SECTION_LIMIT - len(heading) - 1) for e in view.network]
        lists.append(TextList(heading, entries or ["Nobody yet."]))
    if budget is None:
        laid = [filled_sections(one.heading, one.items, most=SECTIONS_EACH) for one in lists]
    else:
        laid, _ = lists_within(lists, budget - text_size([head, *interests]), "")
    skills = laid.pop(0) if view.skills else []
    if not view.skills:
        hint = " Add some with `/skills add terraform:4, k8s`." if is_owner else ""
        skills = [section(f"*Skills*\nNone declared yet.{hint}")]
    network = laid.pop(0) if view.network is not None else []
    return [head, *skills, *interests, *network]


def render_profile(view: ProfileView, is_owner: bool, reader: str | None = None) -> dict[str, Any]:
    """`/skills` or `/skills @colleague`, as `reader` (the typist's time zone) reads it."""
    blocks = profile_blocks(view, is_owner, MESSAGE_TEXT - len(OWNER_HINT), reader)
    if is_owner:
        blocks.append(context(OWNER_HINT))
    names = safe_text(", ".join(s.name for s in view.skills)) or "no skills yet"
    return _reply(blocks, f"{safe_text(view.name)}: {names}")


def render_added(outcome: AddOutcome) -> dict[str, Any]:
    """What was saved, in as many names as one section holds and how many more; then each
    name not understood, with what it may have meant, within the message's text."""
    names = [safe_text(f"{s.name} ({s.level})") for s in outcome.saved]
    saved = names_within(":white_check_mark: Saved: ", names, ALL_SKILLS)
    unclear = []
    for item, near in outcome.unclear:
        level = f":{item.level}" if item.level else ""
        typed, near_name, key = safe_text(item.name), safe_text(near.name), safe_text(near.key)
        unclear.append(
            f":thinking_face: Did you mean {_bold(near_name)}? `/skills add {key}{level}`, "
            f"or {quoted(f'/skills add {typed}!{level}')} to add it as a new skill."
        )
    if not saved and not unclear:
        return _reply([section("Nothing to add.")], "Nothing to add.")
    heading, unclear = (saved, unclear) if saved else (unclear[0], unclear[1:])
    not_saved = TextList(heading, unclear, UNCLEAR_SHOWN)
    blocks, _ = listed(not_saved, MESSAGE_TEXT, "not saved: add them a few at a time")
    return _reply(blocks, "\n".join([heading, *unclear]))


def render_removed(removed: list[str], missing: list[str]) -> dict[str, Any]:
    """`/skills remove`: what went, and the names the person did not have."""
    missing = [m for m in missing if m.strip()]
    lines = [
        line
        for line in (
            names_within("Removed: ", [safe_text(r) for r in removed], ""),
            names_within("You had no ", [_bold(safe_text(m)) for m in missing], ""),
        )
        if line
    ]
    if not lines:
        text = "Nothing to remove: name the skills, like `/skills remove terraform, k8s`."
        return _reply([section(text)], text)
    return _reply(filled_sections(lines[0], lines[1:]), " ".join(lines))


def render_text(text: str) -> dict[str, Any]:
    return _reply([section(text)], text)


def render_who(answer: WhoAnswer, reader: str | None = None) -> dict[str, Any]:
    """`/skills who`, as `reader` (the typist's time zone) reads it (`back_on`)."""
    name = safe_text(answer.name)
    if not answer.experts:  # a known skill's name, or as typed, which may be a paste of anything
        text = f"Nobody has declared {_bold(clip(name, QUOTED_CHARS))} yet."
        if answer.suggestions:
            tries = (f"`/skills who {safe_text(s.key)}`" for s in answer.suggestions)
            text += " Try " + ", ".join(tries) + "."
        return _reply([section(text)], text)
    lines = [
        f"• <@{e.user_id}> — {level_label(e.skill.level)} · "
        f"{e.status.describe(lambda at: back_on(at, reader))}"
        for e in answer.experts[:WHO_LIMIT]
    ]
    more = len(answer.experts) - WHO_LIMIT
    blocks = [section(_bold(name, "Who knows ") + "\n" + "\n".join(lines))]
    if more > 0:
        blocks.append(context(and_more(more, "")))
    return _reply(blocks, f"Who knows {name}: {plural(len(answer.experts), 'person')}")


def render_skills_help() -> dict[str, Any]:
    lines = "\n".join(f"• `{u.example}`: {u.summary}" for u in SLASH_COMMANDS["/skills"])
    return _reply(
        [
            section(f"*Your expertise profile*\n{lines}"),
            context(
                "Levels: 1 curious … 5 go-to expert. *Edit profile* on my Home tab changes "
                "them in a form."
            ),
        ],
        lines,
    )


def render_home_profile(view: ProfileView) -> Blocks:
    button = {
        "type": "button",
        "action_id": EDIT_ACTION,
        "text": {"type": "plain_text", "text": "Edit profile"},
        "style": "primary",
    }
    return [
        {"type": "header", "text": {"type": "plain_text", "text": "Your expertise profile"}},
        *profile_blocks(view, is_owner=True),
        {"type": "actions", "block_id": "profile_actions", "elements": [button]},
    ]


def option(key: str, label: str) -> dict[str, Any]:
    return {
        "text": {"type": "plain_text", "text": shorten(label, OPTION_TEXT_LIMIT)},
        "value": key[:150],
    }


def render_skill_options(typed: str, found: list[Suggestion]) -> list[dict[str, Any]]:
    """Type-ahead answers; the typed text itself is offered last when nothing matches exactly
    (and no suggestion has it as its value: option-object, "a unique string value")."""
    options = [option(s.key, s.name) for s in found]
    new = option(typed.strip(), f"Add {quoted(typed.strip())} as a new skill")
    offered = {o["value"] for o in options}
    if typed.strip() and not any(s.score >= 300 for s in found) and new["value"] not in offered:
        options.append(new)
    return options[:100]


def render_edit_modal(view: ProfileView, network_text: str) -> dict[str, Any]:
    blocks: Blocks = [section("Pick your skills by level; type two letters to search.")]
    for level in range(5, 0, -1):
        label = level_label(level).capitalize()
        initial = [option(s.key, s.name) for s in view.skills if s.level == level]
        if len(initial) > CHOSEN_LIMIT:  # left out, so saving keeps them (`edit_from_state`)
            blocks.append(
                context(
                    f"*{label}*: {len(initial):,} skills, more than the {CHOSEN_LIMIT} a field "
                    f"holds, so this form leaves them as they are; `/skills add name:{level}` "
                    "and `/skills remove name` change them."
                )
            )
            continue
        element: dict[str, Any] = {
            "type": "multi_external_select",
            "action_id": LEVEL_ACTION.format(level),
            "min_query_length": 2,
            "placeholder": {"type": "plain_text", "text": "Search skills"},
        }
        if initial:
            element["initial_options"] = initial
        blocks.append(
            {
                "type": "input",
                "block_id": f"level_{level}",
                "optional": True,
                "label": {"type": "plain_text", "text": label},
                "element": element,
            }
        )
    blocks.append(
        _text_input(
            INTERESTS_BLOCK,
            "Interests (comma-separated)",
            ", ".join(view.interests),
            False,
            "`/skills interests rust, sre` sets them",
        )
    )
    blocks.append(
        _text_input(
            NETWORK_BLOCK,
            "Network, one per line (only you see it)",
            network_text,
            True,
            "`/skills network add …` and `/skills network remove …` change it",
        )
    )
    blocks.append(context("`@bob as personal` · `CNCF Slack about kubernetes, helm as functional`"))
    return {
        "type": "modal",
        "callback_id": EDIT_VIEW,
        "title": {"type": "plain_text", "text": "Edit profile"},
        "submit": {"type": "plain_text", "text": "Save"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def _text_input(
    block_id: str, label: str, value: str, multiline: bool, elsewhere: str
) -> dict[str, Any]:
    """A free-text field holding `value`; a value longer than a text input holds (3,000
    characters) is not cut, which saving would lose: the field is left out (and so kept as
    it is, `edit_from_state`) and the modal says where to change it."""
    if len(value) > TEXT_INPUT_LIMIT:
        return context(
            f"*{label}*: too long to change here ({len(value):,} characters, more than "
            f"{TEXT_INPUT_LIMIT:,}), so this form leaves it as it is; {elsewhere}."
        )
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": block_id,
        "multiline": multiline,
        "max_length": TEXT_INPUT_LIMIT,
    }
    if value:
        element["initial_value"] = value
    return {
        "type": "input",
        "block_id": block_id,
        "optional": True,
        "label": {"type": "plain_text", "text": label},
        "element": element,
    }


def back_on(at: datetime, reader: str | None = None) -> str:
    """The moment someone away is back (the start of their own day, `Status.back_at`) as
    each reader's Slack shows it, in the reader's zone: the day alone where that moment
    starts the reader's day too (their own profile, a colleague in the same zone), where a
    time said "at 00:00" and nothing more; the day and the time where it does not, the day
    alone misleading a reader hours ahead or behind. `reader`: their time zone; None, the
    zone of the one away, whose own profile it is."""
    local = at.astimezone(zone(reader)) if reader is not None else at
    shown = "{date_long_pretty}" if local.time() == time() else "{date_long_pretty} at {time}"
    return slack_time(at, shown)
