"""What a new admin reads from each slash command's `help` and first refusal is true against
what the code does (the usage lines themselves are checked against the README in
tests/test_readme.py)."""

from __future__ import annotations

import pytest

from storage import workspaces
from tests.slack.harness import SlackHarness

pytestmark = pytest.mark.database_independent


async def told(slack: SlackHarness, command: str, text: str) -> list[str]:
    user = slack.user("bob")
    before = len(slack.emu.ephemerals(user))
    await slack.command("bob", command, text)
    await slack.settle()
    return [e.text for e in slack.emu.ephemerals(user)[before:]]


async def test_kudos_help_does_not_promise_every_kudos_is_public(slack: SlackHarness) -> None:
    """Kudos given in a DM or a private channel stay private; `/kudos help` opened with
    "*Kudos* thank a colleague in public", above a line saying so."""
    (answer,) = await told(slack, "/kudos", "help")
    intro = answer.splitlines()[0]
    assert "in public" not in intro or "private" in intro, intro


async def test_kudos_help_opens_with_a_sentence(slack: SlackHarness) -> None:
    """`/kudos help` opened with "*Kudos* thank a colleague, tagged with our company
    values.", a heading run into a sentence with no verb of its own."""
    (answer,) = await told(slack, "/kudos", "help")
    intro = answer.splitlines()[0]
    assert intro == "Thank a colleague with *kudos*, tagged with our company values.", intro


async def test_who_may_change_settings_or_watch_is_said_in_full(slack: SlackHarness) -> None:
    """People with the `admin` role may change the settings and watch channels too
    (`visibility.may_configure`); the refusals named only Slack's admins and the people
    they name."""
    (settings,) = await told(slack, "/askaround", "settings")
    (watch,) = await told(slack, "/ask", "watch")
    for refusal in (settings, watch):
        assert "Only askaround admins" in refusal and "the `admin` role" in refusal, refusal


async def test_who_sees_the_whole_network_and_anyone_s_report_is_named(
    slack: SlackHarness,
) -> None:
    """The help of `/askaround insights` said "admins (everyone)" and of `/kudos report`
    "admins: anyone's", but "admins" elsewhere includes people named to change the settings,
    who see neither (`visibility.is_admin`); the lines name who does, as the refusals do."""
    (answer,) = await told(slack, "/askaround", "help")
    lines = answer.splitlines()
    network = next(line for line in lines if "/askaround insights" in line)
    report = next(line for line in lines if "/kudos report" in line)
    for line in (network, report):
        assert "Slack's workspace admins and owners" in line, line
        assert "people with the `admin` role" in line, line
        assert "and admins" not in line and "; admins" not in line, line


async def test_kudos_help_names_the_emoji_this_workspace_gives_kudos_with(
    slack: SlackHarness,
) -> None:
    """An admin made :clap: the kudos emoji and has no company values: `/kudos help` says to
    react with :clap:, where it said "the kudos emoji" (a :kudos: reaction gives nothing
    here), and no longer says kudos are tagged with values there are none of."""
    async with slack.services.sessions() as s, s.begin():
        await workspaces.configure(s, slack.team_id, kudos_reactions="clap")
        await workspaces.set_values(s, slack.team_id, [])
    user = slack.user("bob")
    before = len(slack.emu.ephemerals(user))
    await slack.command("bob", "/kudos", "help")
    await slack.settle()
    [answer] = slack.emu.ephemerals(user)[before:]
    said = f"{answer.text} {answer.blocks}"
    assert "react to a message with :clap:" in said, said
    assert "kudos emoji" not in said
    assert said.startswith("Thank a colleague with *kudos*.\n"), said
    # Its usage lines too: no value to tag with or to rank by.
    assert "#" not in said and "company values" not in said and "one value" not in said, said
    assert "`/kudos @ana @ben for untangling the release`: Thank colleagues: in public" in said


async def test_askaround_help_names_no_values_in_a_workspace_with_none(
    slack: SlackHarness,
) -> None:
    """`/askaround help` lists `/kudos`'s lines as `/kudos help` does: in a workspace with no
    company values, without `#teamwork` to tag or "optionally one value" to rank by."""
    (with_values,) = await told(slack, "/askaround", "help")
    assert "#teamwork" in with_values, with_values
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, [])
    (answer,) = await told(slack, "/askaround", "help")
    kudos = [line for line in answer.splitlines() if "`/kudos" in line]
    named = [
        line for line in kudos if "#" in line or "company values" in line or "one value" in line
    ]
    assert kudos and not named, named


@pytest.mark.parametrize("command", ["/askaround", "/ask", "/skills", "/kudos"])
async def test_help_with_words_after_it_is_the_help(slack: SlackHarness, command: str) -> None:
    """`/ask help me`, `/skills help me` and `/kudos help me` showed their help, and
    `/askaround help me` alone answered "I don't know `/askaround help me`"."""
    (plain,) = await told(slack, command, "help")
    (asked,) = await told(slack, command, "help me please")
    assert asked == plain and "I don't know" not in asked


@pytest.mark.parametrize(
    ("command", "other_way"),
    [
        ("/askaround", "*Find an expert*"),
        ("/ask", "*Find an expert*"),
        ("/skills", "*Edit profile*"),
    ],
)
async def test_help_names_the_ways_that_need_no_command(
    slack: SlackHarness, command: str, other_way: str
) -> None:
    """A newcomer who reads `/ask help` learns every way to ask, the message shortcut on a
    colleague's message included, as `/kudos help` names *Give kudos*; `/skills help`, that
    the Home tab's form edits the same profile. Each said only what its command takes."""
    user = slack.user("bob")
    before = len(slack.emu.ephemerals(user))
    await slack.command("bob", command, "help")
    await slack.settle()
    [answer] = slack.emu.ephemerals(user)[before:]
    assert other_way in str(answer.blocks), answer.blocks
