"""A mistyped subcommand of `/kudos`, `/skills` or `/askaround` is answered with what was
probably meant, as `/ask`'s are (`bot.help.did_you_mean`): `/kudos tpo` was told to start
with who is being thanked."""

from __future__ import annotations

from tests.slack.harness import SlackHarness


async def said(slack: SlackHarness, command: str, text: str) -> str:
    await slack.command("alice", command, text)
    await slack.settle()
    return slack.emu.ephemerals(slack.user("alice"))[-1].text


async def test_a_slip_in_a_subcommand_says_what_was_meant(slack: SlackHarness) -> None:
    slips = {
        ("/kudos", "tpo month"): "Did you mean `/kudos top month`?",
        ("/kudos", "mee"): "Did you mean `/kudos me`?",
        ("/kudos", "reprot last week"): "Did you mean `/kudos report last week`?",
        ("/skills", "ad terraform:4"): "Did you mean `/skills add terraform:4`?",
        ("/skills", "netwrok remove CNCF Slack"): "Did you mean `/skills network remove CNCF",
        ("/skills", "bakc"): "Did you mean `/skills back`?",
        ("/askaround", "setings"): "Did you mean `/askaround settings`?",
        ("/askaround", "netwrok"): "Did you mean `/askaround network`?",
    }
    for (command, text), meant in slips.items():
        answer = await said(slack, command, text)
        assert meant in answer and f"`{command} help` lists" in answer, (command, text, answer)


async def test_what_is_no_slip_is_answered_as_before(slack: SlackHarness) -> None:
    """`/kudos to @bobby …` is not a near `top`: it is a kudos not starting with whom."""
    assert "Start with who" in await said(slack, "/kudos", "to @bobby for the fix")
    assert "Start with who" in await said(slack, "/kudos", "to the team for the fix")
    assert "I don't know `/skills fly away`" in await said(slack, "/skills", "fly away")
    assert "I don't know `/askaround foo`" in await said(slack, "/askaround", "foo")


async def test_a_slip_echoes_markup_harmlessly_and_keeps_people_copyable(
    slack: SlackHarness,
) -> None:
    """What follows the mistyped word goes back through `safe_text`, as `/skills`' and
    `/askaround`'s "I don't know" do: a broadcast and a user group as plain words, a link's
    address shown. A person stays a mention (the answer is the typer's alone, so it notifies
    nobody), so the suggestion pasted back is the same command."""
    maria = slack.user("maria")
    await slack.here.slash_command(
        slack.user("alice"),
        "/skills",
        "ad <!here> <!subteam^S0DEVS|@devs> <https://evil.example/login|the docs>",
    )
    await slack.settle()
    answer = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert answer.startswith(
        "Did you mean `/skills add @\u2060here @\u2060devs https://evil.example/login`?"
    ), answer
    assert "<" not in answer
    await slack.here.slash_command(
        slack.user("alice"), "/kudos", f"reprot last week <@{maria}|maria>"
    )
    await slack.settle()
    answer = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert answer.startswith(f"Did you mean `/kudos report last week <@{maria}>`?"), answer
