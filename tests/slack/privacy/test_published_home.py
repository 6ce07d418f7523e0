"""A Home tab stays as askaround last published it: Slack shows that view the moment its
person clicks the tab, before (and whether or not) the rebuild that opening asks for lands.
So what a person may no longer read must leave their tab when it changes, not when they next
open it. `seen.home_and_bot_posts` opens the tab, which rebuilds it; these read the tab as it
was published, never opening it again.

Dev was asked about Carol's question in #general and opened his tab: it lists it
(`visibility.may_see_request`), or, once he took it on, the question he helps with
(`may_see_helping`), each quoting its words."""

from __future__ import annotations

from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import QUESTION
from tests.slack.settings.world import home_of

SECRET = "wallabypassword"


def published(slack: SlackHarness, handle: str) -> str:
    """`handle`'s Home tab as askaround last published it, not opened again."""
    view = slack.emu.home_view(slack.user(handle))
    return str(view.blocks) if view is not None else ""


async def dev_asked(slack: SlackHarness) -> Message:
    """Carol asks in #general with a password in her question; Dev, asked, opens his tab."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await slack.drain()
    await home_of(slack, "dev")
    assert SECRET in published(slack, "dev")  # not vacuous: his tab quoted it
    return asked


async def test_words_edited_out_leave_the_helpers_published_tab(slack: SlackHarness) -> None:
    """Dev took Carol's question on; she edits the password out. His DM and the thread are
    drawn again without it; his tab, listing the question he helps with, kept quoting it until
    he opened it again, and so did hers, listing her open questions."""
    asked = await dev_asked(slack)
    await slack.emu.click_button(slack.user("dev"), "I can help")
    await slack.drain()
    await home_of(slack, "carol")  # her open questions quote it too
    assert SECRET in published(slack, "carol")
    assert "You're helping with" in published(slack, "dev")
    assert SECRET in published(slack, "dev")
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.drain()
    assert SECRET not in published(slack, "dev")
    assert "stuck terraform state" in published(slack, "dev")  # the edited words
    assert SECRET not in published(slack, "carol")


async def test_a_colleague_made_a_guest_keeps_no_request_on_their_published_tab(
    slack: SlackHarness,
) -> None:
    """Dev is made a guest of the workspace while Carol's request waits for him: it is
    withdrawn (`may_be_asked`), and his tab, published while he was a member, went on listing
    it with its words and buttons; once Carol deleted her question, blanked everywhere else,
    his tab still quoted it."""
    asked = await dev_asked(slack)
    await slack.emu.change_user(slack.user("dev"), is_restricted=True)
    await slack.drain()
    assert "Waiting for your answer" not in published(slack, "dev")
    await slack.here.delete_message(slack.user("carol"), asked)
    await slack.drain()
    assert SECRET not in published(slack, "dev")


async def test_one_made_a_guest_has_the_workspace_figures_taken_off_their_tab(
    slack: SlackHarness,
) -> None:
    """Dev, a member, opened his tab after Alice thanked Bob: it ranks Bob on the leaderboard
    and counts the colleagues askaround knows. Made a guest, who is shown no figure of the
    workspace (`visibility.sees_workspace_figures`), his tab as published must drop them
    then, not when he next opens it."""
    await slack.command("alice", "/kudos", f"<@{slack.user('bob')}> for the calm release review")
    await slack.drain()
    await home_of(slack, "dev")
    assert "Leaderboard" in published(slack, "dev")  # not vacuous: a member's tab ranks
    assert "colleagues here" in published(slack, "dev")
    await slack.emu.change_user(slack.user("dev"), is_restricted=True)
    await slack.drain()
    assert "Leaderboard" not in published(slack, "dev")
    assert "colleagues here" not in published(slack, "dev")
