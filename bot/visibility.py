"""Who may see what: the one place that decides, for every feature.

A profile's fields are shown to a viewer only through `may_see`; services build what they
return field by field through it (`ProfileService.profile`), so a handler or a report cannot
get a colleague's network by accident. Routing is a viewer of its own (`ROUTING`): it uses
networks but never lists them.

A guest of the workspace (Slack's multi- and single-channel guests) reads only the channels
they were invited to, so askaround shows them of public channels only what they took part in
(`may_see_question`, `may_see_kudos`), and never asks them about a colleague's question
(`may_be_asked`). Guests from another organisation (Slack Connect) are never stored at all.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum


class Field(StrEnum):
    SKILLS = "skills"
    STATUS = "status"
    INTERESTS = "interests"
    ORG = "org"  # title, team, manager
    NETWORK = "network"


class Audience(StrEnum):
    EVERYONE = "everyone"
    OWNER_AND_ROUTING = "owner_and_routing"


AUDIENCE: dict[Field, Audience] = {
    Field.SKILLS: Audience.EVERYONE,
    Field.STATUS: Audience.EVERYONE,
    Field.INTERESTS: Audience.EVERYONE,
    Field.ORG: Audience.EVERYONE,
    Field.NETWORK: Audience.OWNER_AND_ROUTING,
}


@dataclass(frozen=True)
class Viewer:
    """A person (by Slack user id) or the routing engine, which is nobody's eyes. A `guest`
    of the workspace sees a public channel's questions and kudos only as a private one's.
    Someone who `left` the workspace (deactivated, or removed from it while their Enterprise
    Grid organisation keeps them in its other workspaces) reads none of its reports."""

    user_id: str | None
    routing: bool = False
    guest: bool = False
    left: bool = False


ROUTING = Viewer(user_id=None, routing=True)
# Whoever reads a routing reason: it is posted in the question's thread, which may be public,
# and in the expert's DM. A reason may only name what anybody may see.
READERS = Viewer(user_id=None)
# The readers of the reasons for a guest's question, the guest among them (`reasons_readers`).
GUEST_READERS = Viewer(user_id=None, guest=True)


def person(user_id: str, *, guest: bool = False, left: bool = False) -> Viewer:
    if not user_id:
        raise ValueError("a viewer needs a user id")
    return Viewer(user_id=user_id, guest=guest, left=left)


def reads_public(viewer: Viewer) -> bool:
    """Whether `viewer` may be shown what was said in public channels (a public kudos or
    question, or that it was): anybody but a guest of the workspace, who may not be in them."""
    return not viewer.guest


def reads_workspace(viewer: Viewer) -> bool:
    """Whether `viewer` may be shown anything of the workspace (its people, its figures, its
    reports, its colleagues asked for them) or act in it: anybody askaround stores as its
    person, but one who `left` it. Slack lets no deactivated member back in, but an
    Enterprise Grid organisation keeps someone removed from one of its workspaces in the
    others, where the one Home tab it shows across them, and a press on it, may still
    reach the workspace they left."""
    return not viewer.left


def sees_workspace_figures(viewer: Viewer) -> bool:
    """Whether `viewer` is shown figures of the whole workspace (how many colleagues
    askaround knows there, the leaderboards ranking its people by kudos received, its people
    searched by skill, `/skills who`, the skill names they declared, suggested by *Edit
    profile*'s type-ahead and `/skills add`): a member; a guest of the workspace, invited to
    some channels and shown no member directory by Slack, is shown none, not even names and
    counts."""
    return not viewer.guest


def may_see_profile(viewer: Viewer, owner_user_id: str) -> bool:
    """Whether `viewer` is shown `owner_user_id`'s askaround profile at all (`/skills @them`):
    their own, and a member anyone's. A colleague's profile is the member directory, which
    Slack shows a guest of the workspace only for the people in their channels; askaround
    does not know who those are, and a command's text may name anyone by a `<@U…>` id learned
    elsewhere, so a guest is shown their own alone (`sees_workspace_figures`). Which fields
    of a profile shown are `may_see`'s."""
    if viewer.routing or viewer.user_id == owner_user_id:
        return True
    return viewer.user_id is not None and sees_workspace_figures(viewer)


def reasons_readers(*, asker_is_guest: bool) -> Viewer:
    """Who reads the routing reasons of a question: its asker and the colleagues asked. A
    guest's reasons are read by the guest, so they name only what a guest may see: declared
    skills, and no public kudos, public question or tie between colleagues made in public."""
    return GUEST_READERS if asker_is_guest else READERS


def may_name_channel(*, private: bool) -> bool:
    """Whether askaround may write a conversation's name in plain text (a modal's error, a
    CSV): a public channel's. A private one's name is only ever a `<#C…>` link, which Slack
    shows to its members alone; the reader may not be one."""
    return not private


def may_name_remover(*, private: bool) -> bool:
    """Whether whoever had a channel watched is told who removed askaround from it: of a
    public channel, as Slack tells anyone reading it; of a private one (made so since it was
    watched) not, as naming them tells a member of it to someone who may not be one."""
    return not private


def may_post_in_kudos_channel(*, shared: bool) -> bool:
    """Whether public kudos, with their givers, receivers and reasons, may be posted in the
    workspace's kudos channel (a shout-out of kudos given elsewhere, the weekly roundup): not
    once it is shared with another organisation (Slack Connect), whose people would read
    them; the settings refuse such a channel, but it may be shared after it was picked. A
    public kudos is public to the workspace's members; a channel of theirs made private since
    reads it as any did."""
    return not shared


def may_point_to_shoutout(*, is_private: bool) -> bool:
    """Whether a kudos's recipient may be told, in their DM, where its shout-out was posted:
    a public one's channel; a private kudos's conversation is not named, the recipient may not
    be in it."""
    return not is_private


def may_be_asked(*, is_guest: bool) -> bool:
    """Whether routing may ask someone about a colleague's question, offer them as a connector
    or name them as who introduces two people. A request quotes a question from any channel,
    and a guest may not read it there; guests ask, members answer."""
    return not is_guest


def may_see_request(viewer: Viewer, candidate_user_id: str, *, received: bool) -> bool:
    """Whether `viewer` may be shown a colleague's request to help, the question's words with
    it, outside its DM (their Home tab): its own colleague, once it reached them (`received`:
    its DM posted, so nothing is shown that the DM did not), while they may be asked at all
    (`may_be_asked`: a guest since reads no colleague's question)."""
    return viewer.user_id == candidate_user_id and received and may_be_asked(is_guest=viewer.guest)


def may_see_helping(viewer: Viewer, helper_user_id: str) -> bool:
    """Whether `viewer` may be shown, outside the conversation where they were introduced
    (their Home tab), a question someone is helping with, its words and a link there: the
    helper alone, who read its words in their request and is in that thread or group DM,
    while they may be asked at all (a guest since reads no colleague's question)."""
    return viewer.user_id == helper_user_id and may_be_asked(is_guest=viewer.guest)


def may_see(viewer: Viewer, owner_user_id: str, field: Field) -> bool:
    """Whether `viewer` may see `field` of `owner_user_id`'s profile. Unknown fields: no."""
    audience = AUDIENCE.get(field)
    if audience is Audience.EVERYONE:
        return True
    if audience is Audience.OWNER_AND_ROUTING:
        return viewer.routing or (viewer.user_id is not None and viewer.user_id == owner_user_id)
    return False


def is_admin(slack_admin: bool, roles: list[str] | tuple[str, ...] | None) -> bool:
    """Workspace admins and owners in Slack, and people given the "admin" role by an import:
    they may read anyone's report and the whole workspace's insights."""
    return slack_admin or "admin" in (roles or ())


def may_configure(
    slack_admin: bool,
    roles: list[str] | tuple[str, ...] | None,
    *,
    user_id: str | None,
    named: Collection[str] = (),
    nameable: bool,
) -> bool:
    """askaround admins, who may change the workspace's settings: the admins above, and the
    people they named in the settings (`named`), while each is `nameable` (`may_be_named`):
    one named before, a guest (of this workspace or from another organisation), deactivated
    since or a bot, is nobody's admin. Being named gives nobody else's data."""
    return is_admin(slack_admin, roles) or (nameable and user_id is not None and user_id in named)


def may_be_named(
    *, described: bool, elsewhere: bool, guest: bool, deactivated: bool, is_bot: bool
) -> bool:
    """Whether someone may be an askaround admin by being named in the settings: a person
    Slack describes as of this workspace, a full member (no guest of it), active, and not a
    bot. The settings' people picker lists a guest from another organisation in a shared
    channel too (their `is_admin` is about their own workspace), the workspace's own multi-
    and single-channel guests, who read only the channels they were invited to and do not
    configure the company's askaround, and deactivated people and bots."""
    return described and not (elsewhere or guest or deactivated or is_bot)


def may_see_report(
    viewer: Viewer, manager_user_id: str, *, admin: bool, org: frozenset[str] | set[str]
) -> bool:
    """Whether `viewer` may read the team report of `manager_user_id` of a week.

    A manager sees their own org: their own report, and that of any manager below them in
    the week reported on (`org` is everyone below the viewer at some moment of that week,
    `storage.team_history`): a manager who moved under them is theirs from the move on, and
    the weeks before stay with the org they were in then (until 8 December the chart of now
    decided, and a manager moved under someone showed them the kudos and help of their team
    while it reported to someone else). Admins see anyone's. Nobody else sees any, and
    nobody who `left` the workspace: an Enterprise Grid organisation shows a person one Home
    tab across its workspaces, so one removed from a workspace may still press *Full report*
    on the tab that workspace published, and the org chart still names them its manager.
    """
    if viewer.user_id is None or not reads_workspace(viewer):
        return False
    return admin or viewer.user_id == manager_user_id or manager_user_id in org


def report_shows(kudos_is_private: bool, *, guest: bool = False) -> bool:
    """Whether a report may show a kudos's text, giver and receiver; private ones are counts.
    A report read by a guest of the workspace (a manager who is one) shows counts alone: its
    shout-outs are in channels the guest may not be in."""
    return not kudos_is_private and not guest


def report_ties_private_kudos() -> bool:
    """Whether a report's figures of one person (how many kudos they gave, when they were last
    thanked, whether they were in the last weeks: unsung, quiet) count private kudos: no. A
    private kudos is known to its giver and receiver alone, and a count or a date beside a
    name would tell the manager who gave one, or who received one and when; it is in the
    team's totals alone (`report_shows`). Storage is told so (`storage.digests.given_at`,
    `last_received`)."""
    return False


def report_counts_private_help() -> bool:
    """Whether a report's figures of one person (how many questions they took on that week,
    whether they helped in the last weeks: unsung) count the private questions they took on:
    yes. Taking a question on is the helper's own work, which a report exists to recognise,
    and most questions are asked in a DM with the bot; the figure names nobody they helped,
    no words, topic or conversation, so a private question is no more than a number beside
    its helper's name, to their manager. Storage is told so (`storage.digests.help_given`)."""
    return True


def insights_name_by(*, is_private: bool) -> bool:
    """Whether an item of help (a question taken on, a kudos) may count toward what the
    insights tie to a named person: a connector's help across teams, their thanks,
    the people a topic depends on. A public one: its helper already appears with it to
    everyone. A private one says whom they helped (the team it crosses to) and on what (its
    topics): it counts between teams alone, as a number (`bot.insights.flows`)."""
    return not is_private


def may_see_kudos(viewer: Viewer, giver: str, receiver: str, *, is_private: bool) -> bool:
    """Whether `viewer` may read a kudos's text. Public kudos: anybody. Kudos given in a private
    channel or a DM: their giver and receiver only (a report counts them, `report_shows`).
    Routing may rank by any kudos, but that is not seeing it: a reason names only these. A guest
    of the workspace, who reads only the channels they were invited to, sees every kudos as a
    private one (the simplest safe rule: they may not be in the channel of its shout-out)."""
    if not is_private and reads_public(viewer):
        return True
    return viewer.user_id is not None and viewer.user_id in (giver, receiver)


def question_private(*, is_private: bool, posted: bool) -> bool:
    """Whether a question counts as private for whoever reads of it later (someone asking the
    same, routing's reasons and ties, the insights' names): one asked in private, and
    one never `posted` where its conversation's people could read it: `/ask`, whose words its
    asker alone typed, in a public channel too, where the channel shows nothing of it and its
    asker is told they will hear privately. Its colleagues read it as asked; nobody else does.
    Whether its asker agrees before anyone reads it is `needs_consent`'s, by where it was
    asked."""
    return is_private or not posted


def may_see_question(
    viewer: Viewer, asker: str, helpers: tuple[str, ...], *, is_private: bool
) -> bool:
    """Whether `viewer` may read a question's text: a public one anybody, a private one (a DM,
    a private channel) only its asker and who helped with it. A guest of the workspace sees every
    question as a private one: only those they asked or helped with."""
    if not is_private and reads_public(viewer):
        return True
    return viewer.user_id is not None and (viewer.user_id == asker or viewer.user_id in helpers)


def asker_told_in_thread(*, is_private: bool, in_bot_dm: bool) -> bool:
    """Whether what askaround tells an asker about their question (who is asked and why, that
    more were asked, how it ended) may go in the question's thread. Everyone in the
    conversation reads a thread: in a public one that is anybody, and in the asker's own DM
    with the bot only them. In any other private conversation (a private channel, a group DM,
    a channel shared with another organisation) the asker alone agreed to ask, so they alone
    are told: in their DM with the bot."""
    return not is_private or in_bot_dm


def may_ask_others(*, is_private: bool, made_private: bool, agreed_colleagues: int | None) -> bool:
    """Whether a question may go on to colleagues not asked yet (its requests run out, or are
    answered *Not me*): a public one, or one asked in private, whose asker agreed to "first,
    then others". One whose asker was told nobody else might help and agreed to those alone
    (`agreed_colleagues`, "N colleagues, and nobody else I know of might help") goes to nobody
    who turns up later (gains the skill, comes back): asking again asks them, with consent.
    One asked in public and private since (`made_private`: its conversation made private or
    shared with another organisation, whether Slack told the app or it found out) was agreed
    to by nobody: its words go to nobody new, as *Suggest someone* sends them to nobody
    either."""
    return not (is_private and (made_private or agreed_colleagues is not None))


def may_send_request(*, made_private: bool) -> bool:
    """Whether a colleague's request not sent yet (queued for their working day) may still
    go out: not once its question, asked in public, was made private or shared with another
    organisation since (`made_private`). Its asker agreed to nobody reading it, and the
    colleague has read nothing of it yet: they are as new to it as the next colleagues, whom
    `may_ask_others` keeps it from. One asked in private goes to those its asker agreed to,
    sent when it is due; a request already posted was read as things stood."""
    return not made_private


def may_ask_first(round_size: int, *, agreed_colleagues: int | None) -> int:
    """How many colleagues a question's first round may ask: a round's worth, and no more than
    its asker agreed to (`may_ask_others`), though more might help by the time they agree."""
    return round_size if agreed_colleagues is None else min(round_size, agreed_colleagues)


def introduced_in_thread(*, is_private: bool) -> bool:
    """Whether asker and helper may be introduced in the question's thread, for everyone in
    its conversation to read; a private question's pair meet in a group DM of their own."""
    return not is_private


def may_link_question(*, is_private: bool, by_asker: bool = False) -> bool:
    """Whether someone shown a question (a colleague asked about it, someone shown it solved
    before asking) may be given a link to its message: a public one's; a private question's
    only its asker (`by_asker`), whose conversation it is: anyone else may not be in it."""
    return not is_private or by_asker


def needs_consent(*, is_private: bool) -> bool:
    """Whether a question's asker is asked to agree before any colleague reads it: a private
    one's (a DM, a private channel, a group DM, a channel shared with another organisation),
    whose words its conversation's people alone have read."""
    return is_private


def may_refer(*, is_private: bool) -> bool:
    """Whether a colleague asked about a question may pass it on to someone else (*Suggest
    someone*): a public one; a private one goes to the colleagues its asker agreed to alone."""
    return not is_private


def shoutout_leaves_conversation(*, is_private: bool) -> bool:
    """Whether a kudos's shout-out may go to the workspace's kudos channel, out of the
    conversation it was given in: a public one's; a private kudos's giver and receiver alone
    read it, so it stays where they are (`may_post_in_kudos_channel` decides the channel)."""
    return not is_private


def may_name_asked(kind: str, *, asker_alone: bool) -> bool:
    """Whether a message saying who was asked about a question may name a colleague asked as
    `kind` ("expert", "connector", "referral"). A connector was chosen through their network,
    which is theirs alone: named in the question's thread, with or without a reason, they would
    tell the whole conversation whom they know. So they are named only where the asker alone
    reads it (their DM with the bot), and elsewhere counted ("and 1 more colleague")."""
    return asker_alone or kind != "connector"


class InsightsScope(StrEnum):
    WORKSPACE = "workspace"
    ORG = "org"


def insights_scope(viewer: Viewer, *, admin: bool, org: Collection[str]) -> InsightsScope | None:
    """How much of `/askaround insights` a viewer sees: admins the whole workspace, managers
    their org (`org`: everyone below them), anybody else none of it."""
    if viewer.user_id is None:
        return None
    if admin:
        return InsightsScope.WORKSPACE
    return InsightsScope.ORG if org else None


def may_name_in_insights(
    viewer: Viewer, user_id: str, *, admin: bool, org: Collection[str]
) -> bool:
    """Whether the insights may name `user_id` to `viewer` (the one person a topic
    depends on, a connector): admins anyone, managers the people in their org and
    themselves: their org is the people below them, but a manager who declared a topic is as
    much a second person for it as their reports, and their own name tells them nothing. A
    name there comes only from public kudos and help; private kudos and network entries only
    count. A guest of the workspace may not read those public channels: they are named
    nobody."""
    if viewer.user_id is None or not reads_public(viewer):
        return False
    return admin or user_id in org or user_id == viewer.user_id
