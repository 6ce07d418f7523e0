"""A mistyped subcommand of `/kudos`, `/skills` or `/askaround` is answered with what was
probably meant, as `/ask`'s are (`bot.help.did_you_mean`): `/kudos tpo` was told to start
with who is being thanked."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.profile import Profile
from storage.models import Kudos
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
        ("/askaround", "insihgts"): "Did you mean `/askaround insights`?",
    }
    for (command, text), meant in slips.items():
        answer = await said(slack, command, text)
        assert meant in answer and f"`{command} help` lists" in answer, (command, text, answer)


async def test_a_slip_before_the_period_before_is_told_what_was_meant(
    slack: SlackHarness,
) -> None:
    """`/kudos top last week` is the leaderboard of the week before, as `/kudos help` says;
    `/kudos tpo last week` was told "Start with who you're thanking", where `/kudos tpo week`
    was asked whether it meant `/kudos top week`."""
    for text in ("tpo last week", "tpo last month #craft"):
        answer = await said(slack, "/kudos", text)
        meant = text.replace("tpo", "top")
        assert answer.startswith(f"Did you mean `/kudos {meant}`?"), answer
        assert "Start with who" not in answer, answer


async def test_what_is_no_slip_is_answered_as_before(slack: SlackHarness) -> None:
    """`/kudos to @bobby …` is not a near `top`: it is a kudos not starting with whom."""
    assert "Start with who" in await said(slack, "/kudos", "to @bobby for the fix")
    assert "Start with who" in await said(slack, "/kudos", "to the team for the fix")
    assert "I don't know “/skills fly away”" in await said(slack, "/skills", "fly away")
    assert "I don't know “/askaround foo”" in await said(slack, "/askaround", "foo")


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


async def test_a_long_text_not_understood_is_quoted_cut(slack: SlackHarness) -> None:
    """5,000 characters pasted after a command were quoted whole: the reply's block, cut at
    Slack's 3,000, was a wall of the person's own words without the hint after them."""
    long = "word " * 1000
    for command, text, hint in (
        ("/askaround", long, "Try `/askaround help`."),
        ("/skills", long, "Try `/skills help`."),
        ("/skills", f"away until {long}", "`for 3 days` or `for 2 weeks`."),
    ):
        await slack.command("alice", command, text)
        await slack.settle()
        reply = slack.emu.ephemerals(slack.user("alice"))[-1]
        shown = reply.blocks[0]["text"]["text"] if reply.blocks else reply.text
        assert shown.endswith(hint) and len(shown) < 400, (command, shown[-200:])
        assert "…”" in shown


async def test_a_half_typed_or_opposite_skills_word_is_pointed_at_the_right_one(
    slack: SlackHarness,
) -> None:
    """`/skills forget` (without `me`) and `/skills optin`, the undoing of `optout` that the
    help calls `back`, were told "I don't know" them; each now names the command meant, and
    `/skills forget` deletes nothing until `me` is typed."""
    assert "Saved: Terraform" in await said(slack, "/skills", "add terraform:4")
    forget = await said(slack, "/skills", "forget")
    assert "`/skills forget me`" in forget and "I don't know" not in forget, forget
    assert "Terraform" in await said(slack, "/skills", "")
    for text in ("optin", "opt-in", "opt in"):
        answer = await said(slack, "/skills", text)
        assert "Did you mean `/skills back`?" in answer and "I don't know" not in answer, answer


async def test_a_colleague_named_without_an_at_is_pointed_at_them(slack: SlackHarness) -> None:
    """`/kudos bob for the careful review` was told only to start with who is thanked,
    though askaround knows Bob by that handle: it now offers the command with him mentioned,
    to paste back, and gives nothing until then. Words that are nobody's handle are told as
    before."""
    bob, alice = slack.user("bob"), slack.user("alice")
    await slack.services.people.remember(  # as the daily sync stores everyone
        slack.team_id, Profile(bob, "bob", "Bob Chen"), Profile(alice, "alice", "Alice Martin")
    )
    answers: list[str] = []
    answer = await said(slack, "/kudos", "Bob for the careful review #teamwork")
    assert answer.startswith(f"Did you mean `/kudos <@{bob}> for the careful review #teamwork`?")
    assert "pick them from Slack's @-suggestions" in answer, answer
    assert "Start with who" in await said(slack, "/kudos", "the team for the careful review")
    # `@bob` as text, not escaped into a mention (Slack escapes the usernames it knows when
    # the command is sent; a client that did not): pointed at him too, not "can't tell who"
    for typed in ("@bob", "@nobody"):
        await slack.here.slash_command(
            alice, "/kudos", f"{typed} for the careful review", channel_id=slack.channel("general")
        )
        await slack.settle()
        answers.append(slack.emu.ephemerals(alice)[-1].text)
    assert answers[0].startswith(f"Did you mean `/kudos <@{bob}> for the careful review`?")
    assert "I can't tell who @nobody is" in answers[1], answers
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Kudos)) == 0


async def test_words_a_look_would_not_read_are_refused_and_named(slack: SlackHarness) -> None:
    """`/skills @bob @carol` showed Bob's profile alone, and `/kudos me extra` or `/skills me
    extra` showed one's own: what came after was dropped without a word. Each is refused
    (ephemeral, showing nothing) with what to type instead, the words after it named."""
    bob, carol = slack.user("bob"), slack.user("carol")
    cases = {
        ("/skills", "@bob @carol"): (
            f"`/skills @name` shows one person's profile, with nothing after the name, so I "
            f"showed none: `/skills <@{bob}>`, then `/skills` again for anyone else."
        ),
        ("/skills", "@bob terraform"): f"so I showed none: `/skills <@{bob}>`",
        ("/skills", "me extra"): (
            "`/skills me` shows your own profile and takes nothing after it, so I showed none "
            "(“extra” was after it): `/skills me`, or `/skills @name` for someone else's."
        ),
        ("/kudos", "me extra"): (
            "`/kudos me` shows the kudos you received and gave, and takes nothing after it, so "
            "I showed none (“extra” was after it). To thank someone: `/kudos @name for"
        ),
        ("/kudos", "me @carol"): f"(“<@{carol}>” was after it)",
        ("/kudos", "me ex`tra"): "(“ex`tra” was after it)",
    }
    for (command, text), refusal in cases.items():
        before = len(slack.emu.ephemerals(slack.user("alice")))
        answer = await said(slack, command, text)
        assert refusal in answer, (command, text, answer)
        assert len(slack.emu.ephemerals(slack.user("alice"))) == before + 1  # the refusal alone
    # what they look at alone is shown as before
    assert "Bob Chen" in await said(slack, "/skills", "@bob")
    assert "*Your kudos*" in await said(slack, "/kudos", "me")
