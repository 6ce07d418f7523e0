"""What changes after a private question was asked changes nobody's view of it
(`bot.visibility.may_see_question`): its asker and its helper read it, nobody else does.

Alice asks in #secret (private: Alice, Bob and the bot), Dev takes it on and it is solved.
Then things a person can do: #secret is made public (`channel_convert_to_public`), Carol, who
was in #secret when it was asked, leaves it, Dev is made a guest of the workspace after
helping. Each time someone else asks the same, reads their Home tab and `/ask mine`: nothing
of it is shown, counted in a colleague's reason, or pointed to. A DM question is read the
same way. Each test shows the question to its asker, so an empty answer cannot pass."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.privacy.seen import home_and_bot_posts
from tests.slack.privacy.test_private_questions import helped_and_solved
from tests.slack.test_real_payloads import body_of, send

MARKER = "numbatsecret"
ASKED = "how do we unlock a stuck terraform state for the {} pipeline?"


async def asked_in_secret(slack: SlackHarness) -> None:
    await slack.post("alice", "secret", f"<@{slack.emu.bot_user_id}> {ASKED.format(MARKER)}")
    await slack.settle()
    await helped_and_solved(slack, MARKER)


async def asks_the_same(slack: SlackHarness, handle: str) -> str:
    """`handle` asks the same in #general and runs `/ask mine`: everything shown to them."""
    slack.services.indexes.invalidate(slack.team_id)
    await slack.post(handle, "general", f"<@{slack.emu.bot_user_id}> {ASKED.format('release')}")
    await slack.settle()
    await slack.command(handle, "/ask", "mine")
    await slack.settle()
    return await home_and_bot_posts(slack, handle)


def leaked(shown: str) -> list[str]:
    """What of Alice's question is in `shown`: its words, its being solved before, or Dev's
    help with it in a reason."""
    said = [MARKER, "solved before", "helped with 1 similar question", "has helped with"]
    return [s for s in said if s in shown]


async def test_a_private_channel_made_public_keeps_what_was_asked_there_private(
    slack: SlackHarness,
) -> None:
    await asked_in_secret(slack)
    secret = slack.channel("secret")
    slack.emu.workspace.channel(secret).kind = "public"
    assert await send(slack, *body_of(slack, "channel_convert_to_public")) == (200, "")
    await slack.settle()
    assert leaked(await asks_the_same(slack, "carol")) == []
    assert MARKER in await asks_the_same(slack, "alice")


async def test_having_been_in_the_private_channel_shows_nothing_once_left(
    slack: SlackHarness,
) -> None:
    """Carol was in #secret when Alice asked: she was not asked about it (she knows Go, not
    Terraform) nor helped, and once she has left #secret askaround shows her nothing of it."""
    secret = slack.emu.workspace.channel(slack.channel("secret"))
    secret.members.append(slack.user("carol"))
    await asked_in_secret(slack)
    await slack.emu.remove(secret.id, slack.user("carol"))
    await slack.settle()
    assert leaked(await asks_the_same(slack, "carol")) == []
    assert MARKER in await asks_the_same(slack, "dev")  # its helper still reads it


async def test_a_helper_made_a_guest_still_reads_only_what_they_helped_with(
    slack: SlackHarness,
) -> None:
    """Dev, who helped, is made a guest of the workspace: he still reads Alice's private
    question (he helped with it), and Carol, a member, still does not."""
    await asked_in_secret(slack)
    await slack.emu.change_user(slack.user("dev"), is_restricted=True)
    await slack.settle()
    assert MARKER in await asks_the_same(slack, "dev")
    assert leaked(await asks_the_same(slack, "carol")) == []


async def test_a_dm_question_is_in_nobody_elses_view(slack: SlackHarness) -> None:
    """Alice asks in her DM with the bot; Dev helps and it is solved. Carol's Home tab,
    `/ask mine`, her asking the same and the reasons she is given show nothing of it."""
    dm_marker = "numbatdm"
    await slack.dm_bot("alice", ASKED.format(dm_marker))
    await slack.settle()
    await helped_and_solved(slack, dm_marker)
    shown = await asks_the_same(slack, "carol")
    assert dm_marker not in shown and leaked(shown) == [], shown
    assert dm_marker in await asks_the_same(slack, "alice")
