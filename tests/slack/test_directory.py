"""The expertise directory through Slack: `/skills`, the Edit profile modal and its
type-ahead, the bot in process behind the local Slack emulator, with a real database."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from bot import visibility
from bot.directory.parse import SkillInput, parse_network_entry
from bot.directory.profiles import ProfileEdit
from bot.safe_text import AT
from handlers.client.directory import sync_directory
from slack_emulator import View
from slack_emulator.formatting import mrkdwn_errors
from storage.models import Person
from tests.slack.harness import SlackHarness


async def skills(slack: SlackHarness, handle: str, text: str) -> str:
    """Run `/skills text` as `handle` and return the ephemeral reply only they see."""
    before = len(slack.emu.ephemerals(slack.user(handle)))
    delivery = await slack.command(handle, "/skills", text)
    assert delivery.ok
    await slack.settle()
    replies = slack.emu.ephemerals(slack.user(handle))[before:]
    assert len(replies) == 1, [r.text for r in replies]
    return str(replies[0].blocks) + replies[0].text


async def edit_profile_modal(slack: SlackHarness, user_id: str) -> View:
    """The Edit profile modal, opened from the person's Home tab as they would."""
    await slack.emu.open_home(user_id)
    await slack.emu.wait_for(lambda c: c.method == "views.publish")
    opened = len(slack.emu.calls_to("views.open"))
    await slack.emu.click(user_id, "skills_edit_profile", view=slack.emu.home_view(user_id))
    await slack.settle()
    assert len(slack.emu.calls_to("views.open")) > opened
    modal = slack.emu.open_modal(user_id)
    assert modal is not None, slack.emu.block_kit_problems
    return modal


async def test_declare_show_and_remove_skills(slack: SlackHarness) -> None:
    """`/skills add` normalises aliases and levels, `/skills` shows them, `remove` drops one."""
    reply = await skills(slack, "alice", "add terraform:4, k8s, postgres:2")
    assert "Terraform (4)" in reply and "Kubernetes (3)" in reply and "PostgreSQL (2)" in reply
    profile = await skills(slack, "alice", "")
    assert "Terraform" in profile and "4 · strong" in profile and "Status: available" in profile
    assert "Removed: Kubernetes" in await skills(slack, "alice", "remove kubernetes")
    assert "Kubernetes" not in await skills(slack, "alice", "")


async def test_a_level_is_read_however_it_is_typed(slack: SlackHarness) -> None:
    """`/skills add kubernetes level 4` saved a skill named "kubernetes level 4" at level 3;
    a level after the name, with or without a colon, a word or brackets, is the level."""
    reply = await skills(slack, "alice", "add kubernetes level 4")
    assert "Kubernetes (4)" in reply, reply
    typed = "terraform 2, go lvl 5, postgres (1), python 4/5, java: level 2, helm:3"
    reply = await skills(slack, "bob", f"add {typed}")
    saved = ("Terraform (2)", "Go (5)", "PostgreSQL (1)", "Python (4)", "Java (2)", "Helm (3)")
    assert all(one in reply for one in saved), reply
    profile = await skills(slack, "bob", "")
    for name, level in (("Terraform", 2), ("Go", 5), ("PostgreSQL", 1), ("Python", 4)):
        assert re.search(rf"\*{name}\* — {level} ", profile), profile
    assert re.search(r"\*Kubernetes\* — 4 ", await skills(slack, "alice", "")), profile
    # a number of several digits is the name's: Internet Explorer 10 is no level
    assert "Internet explorer 10 (3)" in await skills(slack, "carol", "add internet explorer 10")


async def test_a_near_miss_keeps_the_level_typed(slack: SlackHarness) -> None:
    """`/skills add terraform 4` answered "Did you mean *Terraform*? `/skills add
    terraform`", the level dropped: now its misspelling's suggestion keeps it."""
    assert "Terraform (4)" in await skills(slack, "alice", "add terraform 4")
    reply = await skills(slack, "bob", "add terrafrom 4")
    assert "Did you mean *Terraform*? `/skills add terraform:4`" in reply, reply
    assert "“/skills add terrafrom!:4”" in reply and "Saved" not in reply, reply


async def test_a_level_out_of_range_or_a_number_alone_saves_nothing(slack: SlackHarness) -> None:
    """A level outside 1–5, however typed, and a name that is only a number are refused in
    the ephemeral answer, and the other skills of the line are not saved either."""
    for typed in ("terraform 4, kubernetes level 7", "go (0), terraform 4", "rust 6/5, go"):
        reply = await skills(slack, "alice", f"add {typed}")
        assert "a level is a number from 1 (curious) to 5 (go-to expert)" in reply, reply
    reply = await skills(slack, "alice", "add terraform 8")
    assert "A number in a skill's name goes before its level: `java 8:4`" in reply, reply
    reply = await skills(slack, "alice", "add 4, terraform")
    assert "“4”: a skill is named in words, not only a number" in reply, reply
    assert "None declared yet" in await skills(slack, "alice", "")
    assert "Java 8 (4)" in await skills(slack, "alice", "add java 8:4")


async def test_a_known_skill_ending_in_a_digit_keeps_it(slack: SlackHarness) -> None:
    """`java 8`, `bootstrap 4`, `python 3` are skills the shipped vocabulary knows: their
    digit is the name's, not a level (read as one, Java 8 was refused as level 8 and Bootstrap
    4 saved as Bootstrap at level 4)."""
    reply = await skills(slack, "alice", "add java 8, bootstrap 4, python 3, terraform 4")
    assert "Saved: " in reply and "Terraform (4)" in reply, reply
    profile = await skills(slack, "alice", "")
    for name in ("Java 8", "Bootstrap 4", "Python 3"):
        assert re.search(rf"\*{name}[^*]*\* — 3 ", profile), profile


async def test_a_skill_with_an_ampersand_is_one_skill(slack: SlackHarness) -> None:
    """Slack escapes a typed `&` in a command (`R&amp;D`); its `;` is not a separator. The
    skill is stored as typed, shown so, found by a question that names it, and removed."""
    reply = await skills(slack, "alice", "add R&amp;D:5; terraform:4")
    assert "R&amp;D (5)" in reply and "Terraform (4)" in reply and "R&amp;amp;" not in reply
    who = await skills(slack, "bob", "who R&amp;D")
    assert slack.user("alice") in who
    reply = await skills(slack, "alice", "remove R&amp;D")
    assert "Removed: R&amp;D" in reply


async def test_skills_with_levels_but_no_commas_are_refused_with_the_commas(
    slack: SlackHarness,
) -> None:
    """`/skills add terraform:4 kubernetes:3` saved one skill, "terraform:4 kubernetes", at
    level 3. It is refused, nothing saved, with the same skills written with commas; a skill
    of several words at one level is still one skill."""
    reply = await skills(slack, "alice", "add terraform:4 kubernetes:3")
    assert "put a comma between them: `terraform:4, kubernetes:3`" in reply, reply
    assert "Saved" not in reply
    assert "Terraform" not in await skills(slack, "alice", "")
    assert "Incident management (2)" in await skills(slack, "alice", "add incident management:2")


async def test_names_with_an_ampersand_are_escaped_in_replies(slack: SlackHarness) -> None:
    """A contact, topic or app named with `&` reads as typed: the reply escapes it once, as
    Slack's mrkdwn asks (it was put in raw, `R&D Guild`)."""
    alice = slack.user("alice")
    added = await skills(slack, "alice", "network add R&amp;D Guild about Q&amp;A as functional")
    assert "R&amp;D Guild about Q&amp;A as functional" in added, added
    assert not mrkdwn_errors(slack.emu.ephemerals(alice)[-1].text), added
    bot = slack.emu.workspace.add_user("rnd", real_name="R&D <Bot>", is_bot=True).id
    app = await skills(slack, "alice", f"<@{bot}>")
    assert "R&amp;D &lt;Bot&gt; is an app" in app, app
    assert not mrkdwn_errors(slack.emu.ephemerals(alice)[-1].text), app


async def test_interests_typed_out_as_markup_read_as_words(slack: SlackHarness) -> None:
    """Interests read back what was typed (`<`, `&`): a typed-out `<!channel>` or link in
    them (Slack sends `&lt;!channel&gt;`) is shown as words, never as a ping or a hidden link,
    both when they are set and when they are looked at."""
    typed = "&lt;!channel&gt; fans, &lt;https://evil.example|docs&gt;, C<3, R&D"
    for reply in (
        await skills(slack, "alice", f"interests {typed}"),
        await skills(slack, "alice", "interests"),
    ):
        assert "<!" not in reply and "|docs" not in reply, reply
        assert "channel fans" in reply and "https://evil.example" in reply
        assert "C&lt;3, R&amp;D" in reply


async def test_a_refused_name_is_echoed_as_typed_not_as_markup(slack: SlackHarness) -> None:
    """A skill, contact or topic typed out as markup (`<!channel>`, a link: Slack sends
    `&lt;!channel&gt;`) is refused, and the refusal shows it as typed, without acting."""
    for typed in (
        "add &lt;!channel&gt;:3",
        "network add &lt;!here&gt; guild",
        "network add ACME about &lt;https://evil.example|docs&gt;",
    ):
        reply = await skills(slack, "alice", typed)
        assert "is words, not a mention" in reply, reply
        assert "<!" not in reply and "<http" not in reply, reply
        assert "&lt;!" in reply or "&lt;https" in reply, reply


async def test_remove_with_no_skill_named_says_so(slack: SlackHarness) -> None:
    """`/skills remove ,` names nothing: the reply says what to type (an empty reply is a
    section Slack refuses)."""
    for text in ("remove ,", "remove !"):
        reply = await skills(slack, "alice", text)
        assert "Nothing to remove" in reply and "`/skills remove terraform, k8s`" in reply


async def test_a_name_of_marks_alone_is_echoed_in_quotes(slack: SlackHarness) -> None:
    """A skill name of marks alone has no key and is refused; it was echoed in a code span,
    which its own backticks broke."""
    reply = await skills(slack, "bob", "add `*`:3")
    assert "“`*`” is not a skill name." in reply, reply


async def test_did_you_mean_then_forced_new_skill(slack: SlackHarness) -> None:
    """A near miss is not saved but questioned; `name!` saves it as a new skill."""
    reply = await skills(slack, "bob", "add kubernets:4")
    assert "Did you mean *Kubernetes*?" in reply and "Saved" not in reply
    # the typed name is echoed in “…”: in a code span a typed backtick would end it
    assert "or “/skills add kubernets!:4” to add it as a new skill." in reply, reply
    reply = await skills(slack, "bob", "add kuber`nets:4")
    assert "or “/skills add kuber`nets!:4” to add it as a new skill." in reply, reply
    assert "kubernets (4)" in await skills(slack, "bob", "add kubernets!:4")


async def test_who_lists_best_first_with_status(slack: SlackHarness) -> None:
    """`/skills who` ranks by level and shows each person's status, away included."""
    await skills(slack, "alice", "add python:3")
    await skills(slack, "bob", "add py:5")
    await skills(slack, "bob", "away for 2 weeks")
    reply = await skills(slack, "carol", "who Python")
    assert reply.index(slack.user("bob")) < reply.index(slack.user("alice"))
    assert "away, back <!date^" in reply and "available" in reply
    assert "welcome back" in (await skills(slack, "bob", "back")).lower()
    assert "not be routed" in await skills(slack, "bob", "optout")
    assert "not taking questions" in await skills(slack, "carol", "who python")
    assert "Nobody has declared" in await skills(slack, "carol", "who cobol")


async def test_away_status_says_the_day_someone_is_back(slack: SlackHarness) -> None:
    """Someone away until a day takes questions again that day (`status.back_by`); their
    profile and `/skills who` said "away until 2027-01-01", read as away through it too."""
    slack.services.clock.freeze(datetime(2026, 11, 23, 10, tzinfo=UTC))
    await skills(slack, "bob", "add py:5")
    await skills(slack, "bob", "away until 2027-01-01")
    for text in ("who python", f"<@{slack.user('bob')}>"):
        said = await skills(slack, "carol", text)
        assert "away until" not in said, said
        assert "away, back <!date^1798761600^" in said, said  # 2027-01-01 00:00 their time


async def test_back_when_never_away_says_so(slack: SlackHarness) -> None:
    """`/skills back` from someone who was neither away nor opted out welcomes nobody back:
    it says they can be asked already; after `optout` it welcomes them back."""
    reply = await skills(slack, "alice", "back")
    assert "welcome back" not in reply.lower() and "already" in reply
    await skills(slack, "alice", "optout")
    assert "welcome back" in (await skills(slack, "alice", "back")).lower()


async def test_who_knows_a_skill_only_someone_who_left_held_suggests_no_same_search(
    slack: SlackHarness,
) -> None:
    """Bob alone declared PostgreSQL, then left: `/skills who postgresql` says nobody has, and
    does not tell Alice to try `/skills who postgresql`, what she typed."""
    await skills(slack, "bob", "add postgresql:5")
    await slack.emu.change_user(slack.user("bob"), deleted=True)
    await slack.settle()
    said = await skills(slack, "alice", "who postgresql")
    assert "Nobody has declared" in said and "Try" not in said, said


async def test_network_is_private_to_its_owner(slack: SlackHarness) -> None:
    """Alice sees her network; Bob looking at Alice's profile sees skills but no network."""
    await skills(slack, "alice", "add go:4")
    added = await skills(slack, "alice", "network add @bob as personal")
    assert "as personal" in added
    await skills(slack, "alice", "network add CNCF Slack about kubernetes, helm as functional")
    own = await skills(slack, "alice", "")
    assert "CNCF Slack" in own and "Your network" in own
    seen_by_bob = await skills(slack, "bob", "@alice")
    assert "Go" in seen_by_bob and "CNCF" not in seen_by_bob and "network" not in seen_by_bob
    assert "Removed" in await skills(slack, "alice", "network remove CNCF Slack")
    assert "CNCF" not in await skills(slack, "alice", "")


async def test_the_network_alone_shows_it(slack: SlackHarness) -> None:
    """`/skills network` alone answered with a warning and the usage, where `/skills
    interests` alone shows the interests: it shows the profile, where the network is."""
    await skills(slack, "alice", "network add CNCF Slack about kubernetes as functional")
    shown = await skills(slack, "alice", "network")
    assert "Your network" in shown and "CNCF Slack" in shown, shown
    assert ":warning:" not in shown and "Use `/skills network add" not in shown, shown


async def test_a_colleague_who_left_is_said_to_have_left_in_the_network(
    slack: SlackHarness,
) -> None:
    """bob leaves: alice's `/skills` and her Home tab listed "<@bob> (personal)" as if he
    could still be asked; both say he is no longer in this workspace."""
    alice, bob = slack.user("alice"), slack.user("bob")
    await skills(slack, "alice", "network add @bob as personal")
    await skills(slack, "alice", "network add @carol as functional")
    await slack.emu.change_user(bob, deleted=True)
    await slack.settle()
    gone = f"<@{bob}> (personal) — no longer in this workspace"
    own = await skills(slack, "alice", "")
    assert gone in own, own
    await slack.emu.open_home(alice)
    await slack.emu.wait_for(lambda c: c.method == "views.publish")
    home = str(slack.emu.home_view(alice).spec)  # type: ignore[union-attr]
    assert gone in home, home
    assert f"<@{slack.user('carol')}> (functional) —" not in own + home


async def test_an_app_or_someone_who_left_is_not_added_to_a_network(slack: SlackHarness) -> None:
    """A network is people one could introduce someone to: `@helperbot` (an app) and `@dave`
    (deactivated) are refused with the reason, and nothing is added."""
    said_bot = await skills(slack, "alice", "network add @helperbot as personal")
    said_gone = await skills(slack, "alice", "network add @dave about terraform")
    assert "Helper Bot is an app, not a colleague" in said_bot
    assert "Dave Gone is no longer in this workspace" in said_gone
    assert "Nobody yet." in await skills(slack, "alice", "")  # the network is empty
    assert "as personal" in await skills(slack, "alice", "network add @bob as personal")


async def test_a_refusal_to_add_an_app_shows_its_name_as_words(slack: SlackHarness) -> None:
    """An app and someone deactivated named `<!channel> <https://evil.example|x> R&D` in
    Slack: `/skills network add` refuses each naming them as words, as the kudos refusals
    do (`render_error`), never a ping, a hidden link or a bare `&`."""
    app, gone = slack.add_named_like_markup("<!channel> <https://evil.example|x> R&D")
    alice = slack.user("alice")
    for user_id, why in ((app, "is an app"), (gone, "is no longer in this workspace")):
        said = await skills(slack, "alice", f"network add <@{user_id}> as personal")
        reply = slack.emu.ephemerals(alice)[-1]
        assert why in said and "<!channel>" not in said and "|x>" not in said
        assert f"{AT}channel https://evil.example R&amp;D {why}" in reply.text
        assert not mrkdwn_errors(reply.text), reply.text
    assert "Nobody yet." in await skills(slack, "alice", "")


async def test_a_colleague_named_without_the_at_is_not_added_as_an_outside_contact(
    slack: SlackHarness,
) -> None:
    """`network add bob as personal` (no @) or Bob's user id typed out meant Bob, not an
    outside contact called "bob" that no question could ever be routed through: the reply
    says how to name him; an outside contact that happens to share a handle is still added
    when it says what it knows about."""
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    for typed in ("bob as personal", f"{slack.user('bob')} as personal"):
        said = await skills(slack, "alice", f"network add {typed}")
        assert "Did you mean @bob?" in said, said
    assert "Nobody yet." in await skills(slack, "alice", "")
    assert "bob about sailing" in await skills(
        slack, "alice", "network add bob about sailing as personal"
    )


async def test_a_network_entry_changed_keeps_what_was_not_said(slack: SlackHarness) -> None:
    """Bob is in Alice's network as personal; `network add @bob about helm` adds topics and
    leaves him personal (it made him functional, the default of a new entry, unasked), and
    `network remove bob` (no @) asks whether @bob was meant instead of saying he is not there."""
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    await skills(slack, "alice", "network add @bob as personal")
    said = await skills(slack, "alice", "network add @bob about helm")
    assert "about helm as personal" in said, said
    # the topics a line names are the entry's, as in the Edit profile modal and an import
    # (docs/directory.md said they were added to those there)
    said = await skills(slack, "alice", "network add @bob about k8s, terraform")
    assert "about k8s, terraform as personal" in said and "helm" not in said, said
    assert "as strategic" in await skills(slack, "alice", "network add @bob as strategic")
    said = await skills(slack, "alice", "network remove bob")
    assert "Did you mean @bob? `/skills network remove @bob`" in said, said
    assert "Removed" in await skills(slack, "alice", "network remove @bob")
    assert "That is not in your network" in await skills(slack, "alice", "network remove bob")


async def test_interests_help_errors_and_forget_me(slack: SlackHarness) -> None:
    """Interests are saved, help lists the commands, typos get a hint, forget me wipes all."""
    assert "rust" in await skills(slack, "carol", "interests rust, data viz")
    assert "/skills network add" in await skills(slack, "carol", "help")
    assert "Try `/skills help`" in await skills(slack, "carol", "fly away")
    assert "1 (curious) to 5" in await skills(slack, "carol", "add sql:7")
    await skills(slack, "carol", "add sql:4")
    await skills(slack, "carol", "network add Data Council about dbt")
    assert "deleted" in await skills(slack, "carol", "forget me")
    profile = await skills(slack, "carol", "")
    assert "SQL" not in profile and "Data Council" not in profile and "rust" not in profile


async def test_a_verb_alone_looks_or_asks_and_never_erases(slack: SlackHarness) -> None:
    """`/skills interests` alone shows the interests (it used to set them to nothing), an app
    has no profile to show;
    `none` clears them; `/skills away` alone asks until when."""
    await skills(slack, "carol", "interests rust, data viz")
    shown = await skills(slack, "carol", "interests")
    assert "Your interests: rust, data viz" in shown and "`/skills interests none`" in shown
    assert "rust" in await skills(slack, "carol", "")
    assert "Interests: none." in await skills(slack, "carol", "interests none")
    assert "Your interests: none yet" in await skills(slack, "carol", "interests")
    app = await skills(slack, "carol", f"<@{slack.here.bot_user_id}>")
    assert "is an app: it has no skills or profile to show" in app
    asked = await skills(slack, "carol", "away")
    assert "Say until when, for example `/skills away until friday`" in asked
    assert "Say what" not in asked and "``" not in asked


async def test_edit_profile_modal_with_typeahead(slack: SlackHarness) -> None:
    """Home → Edit profile → type `kub` (suggested by the bot) → Save updates the profile."""
    alice = slack.user("alice")
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    await skills(slack, "alice", "add python:2")
    await slack.emu.open_home(alice)
    await slack.emu.wait_for(lambda c: c.method == "views.publish")
    home = slack.emu.home_view(alice)
    assert home is not None and "Your expertise profile" in str(home.spec)
    await slack.emu.click(alice, "skills_edit_profile", view=home)
    await slack.emu.wait_for(lambda c: c.method == "views.open")
    modal = slack.emu.open_modal(alice)
    assert modal is not None
    options = await slack.emu.suggest(alice, "skills_level_4", "kub", modal.id)
    assert options[0]["value"] == "kubernetes"
    fresh = await slack.emu.suggest(alice, "skills_level_1", "zzqx", modal.id)
    assert fresh[-1]["value"] == "zzqx" and "new skill" in fresh[-1]["text"]["text"]
    published = len(slack.emu.calls_to("views.publish"))
    delivery = await slack.emu.submit_view(
        alice,
        modal.id,
        {
            "level_4": {"skills_level_4": [options[0]]},
            "interests": {"interests": "rust, sre"},
            "network": {"network": "@bob as strategic\nCNCF Slack about helm"},
        },
    )
    assert delivery.ok
    await slack.settle()
    assert len(slack.emu.calls_to("views.publish")) > published
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert [(s.key, s.level) for s in view.skills] == [("kubernetes", 4), ("python", 2)]
    assert view.interests == ("rust", "sre")
    assert view.network is not None and len(view.network) == 2
    assert "Kubernetes" in str(slack.emu.home_view(alice).spec)  # type: ignore[union-attr]


async def test_the_modal_keeps_what_was_typed(slack: SlackHarness) -> None:
    """A modal's text is not escaped by Slack, so it is kept as typed: a contact someone
    named `The &amp; Club` (Slack sent `The &amp;amp; Club`) stays so when the Edit profile
    modal shows it and it is saved again, instead of losing its `amp;` at each save."""
    alice = slack.user("alice")
    await skills(slack, "alice", "network add The &amp;amp; Club about html")
    modal = await edit_profile_modal(slack, alice)
    [network] = [b for b in modal.blocks if b.get("block_id") == "network"]
    typed = network["element"]["initial_value"]
    assert typed == "The &amp; Club about html as functional"
    await slack.emu.submit_view(alice, modal.id, {"network": {"network": typed}})
    await slack.settle()
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert view.network is not None
    assert [e.contact_name for e in view.network] == ["The &amp; Club"]


async def test_none_in_the_modal_clears_the_interests_as_the_command_does(
    slack: SlackHarness,
) -> None:
    """`/skills interests none` clears them; `none` typed in the Edit profile modal's
    interests field did not: it saved an interest called none."""
    alice = slack.user("alice")
    await skills(slack, "alice", "interests rust, data viz")
    modal = await edit_profile_modal(slack, alice)
    await slack.emu.submit_view(alice, modal.id, {"interests": {"interests": "None"}})
    await slack.settle()
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert view.interests == ()


@pytest.mark.postgres_too
async def test_modal_rejects_an_unknown_colleague_inline(slack: SlackHarness) -> None:
    """A network line naming nobody keeps the modal open with the error next to the field."""
    bob = slack.user("bob")
    modal = await edit_profile_modal(slack, bob)
    await slack.emu.submit_view(bob, modal.id, {"network": {"network": "@nobody as personal"}})
    still = slack.emu.open_modal(bob)
    assert still is not None and "nobody" in str(still.errors)
    async with slack.services.sessions() as s:
        person = await s.scalar(select(Person).where(Person.user_id == bob))
    assert person is not None


async def test_the_modal_refuses_what_the_command_refuses_in_a_network(
    slack: SlackHarness,
) -> None:
    """The Edit profile modal's network field holds the lines `/skills network add` takes, and
    refuses what it refuses: `bob as personal` (no @) asks whether Bob was meant instead of
    adding an outside contact called bob; an app and someone who left are not colleagues one
    could introduce anyone to. The field shows why, and the network is left as it was."""
    alice = slack.user("alice")
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    modal = await edit_profile_modal(slack, alice)
    for typed, said in (
        ("bob as personal", "Did you mean @bob?"),
        ("@helperbot as personal", "is an app"),
        ("@dave about terraform", "no longer in this workspace"),
    ):
        await slack.emu.submit_view(alice, modal.id, {"network": {"network": typed}})
        await slack.settle()
        still = slack.emu.open_modal(alice)
        assert still is not None and said in str(still.errors), (typed, still)
    await slack.emu.close_view(alice, modal.id)
    assert "Nobody yet." in await skills(slack, "alice", "")
    await skills(slack, "alice", "network add @carol as personal")
    await slack.emu.change_user(slack.user("carol"), deleted=True)
    await slack.settle()
    modal = await edit_profile_modal(slack, alice)  # Carol, there before she left, is kept
    [network] = [b for b in modal.blocks if b.get("block_id") == "network"]
    typed = network["element"]["initial_value"]
    await slack.emu.submit_view(alice, modal.id, {"network": {"network": typed}})
    await slack.settle()
    assert slack.emu.open_modal(alice) is None


async def test_a_network_too_long_for_the_modal_is_left_out_and_kept(slack: SlackHarness) -> None:
    """A network longer than a text input's 3,000 characters (Slack refuses such an initial
    value, so the modal would not open): the modal opens without that field and says where to
    change it, and saving the rest keeps the network whole."""
    alice = slack.user("alice")
    entries = tuple(
        parse_network_entry(f"Community {i} about {', '.join(f'topic-{i}-{t}' for t in range(8))}")
        for i in range(30)
    )
    await slack.services.directory.save_edit(slack.team_id, alice, ProfileEdit(network=entries))
    assert len(await slack.services.directory.network_text(slack.team_id, alice)) > 3000
    modal = await edit_profile_modal(slack, alice)
    assert "network" not in {b.get("block_id") for b in modal.blocks}
    assert "/skills network add" in str(modal.blocks)
    delivery = await slack.emu.submit_view(alice, modal.id, {"interests": {"interests": "rust"}})
    assert delivery.ok and slack.emu.open_modal(alice) is None
    await slack.settle()
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert view.interests == ("rust",)
    assert view.network is not None and len(view.network) == 30


async def test_more_skills_at_a_level_than_a_field_holds_are_left_out_and_kept(
    slack: SlackHarness,
) -> None:
    """101 skills at one level (a multi-select shows at most 100 chosen): the modal opens
    without that level's field and says how to change them, and saving the rest keeps them."""
    alice = slack.user("alice")
    many = [SkillInput(f"craft-{i}", 4, True) for i in range(101)]
    await slack.services.directory.add_skills(slack.team_id, alice, [*many, SkillInput("go", 2)])
    modal = await edit_profile_modal(slack, alice)
    assert "level_4" not in {b.get("block_id") for b in modal.blocks}
    assert "101 skills" in str(modal.blocks) and "/skills remove" in str(modal.blocks)
    delivery = await slack.emu.submit_view(alice, modal.id, {"level_2": {"skills_level_2": []}})
    assert delivery.ok and slack.emu.open_modal(alice) is None
    await slack.settle()
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert len(view.skills) == 101 and {s.level for s in view.skills} == {4}


async def test_a_profile_with_no_title_or_team_has_no_stray_space(slack: SlackHarness) -> None:
    """Alice has no title or team in Slack: her profile's first line read `*@alice* ` with a
    trailing space, and `*@alice*  · reports to @bob` with two once she had a manager. The
    name is followed by what there is, one space after it and ` · ` between the rest."""
    alice, bob = slack.user("alice"), slack.user("bob")
    await skills(slack, "alice", "add terraform:4")

    async def head() -> str:
        await skills(slack, "alice", "")
        shown = slack.emu.ephemerals(alice)[-1].blocks[0]["text"]["text"]
        return str(shown).split("\n")[0]

    assert await head() == f"*<@{alice}>*"
    async with slack.services.sessions() as s, s.begin():
        await s.execute(update(Person).where(Person.user_id == alice).values(manager_user_id=bob))
    assert await head() == f"*<@{alice}>* reports to <@{bob}>"
