"""Kudos cannot make the bot ping: whatever a reason or a quoted message says, the shout-out
and the DMs carry no broadcast, no user group, no mention of people it is not about and no
link hidden behind a label (issue 18, items 3 to 5)."""

from __future__ import annotations

import re

from bot.safe_text import AT
from slack_emulator import Ephemeral, Message
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give, kudos_posts, ledger

MARKUP = re.compile(r"<([^<>]*)>")


def markup(message: Message | Ephemeral) -> list[str]:
    """Everything Slack would read as markup in a message the bot posted, text and blocks."""
    return MARKUP.findall(f"{message.text}\n{message.blocks}")


def assert_pings_only(message: Message | Ephemeral, *user_ids: str) -> None:
    for inner in markup(message):
        assert not inner.startswith("!"), f"broadcast {inner!r} in {message.text!r}"
        assert "|" not in inner or inner.startswith("http"), f"disguised {inner!r}"
        if inner.startswith("@"):
            assert inner[1:] in user_ids, f"mentions {inner!r}: {message.text!r}"


async def test_the_give_kudos_modal_refuses_a_broadcast(slack: SlackHarness) -> None:
    """`<!channel> look what bob did` in the modal is refused, like `/kudos` refuses it: the
    modal says why and nothing is posted."""
    await slack.emu.global_shortcut(slack.user("maria"), "give_kudos_global")
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("maria"))
    assert modal is not None
    await slack.emu.submit_view(
        slack.user("maria"),
        modal.id,
        {
            "recipients": {"users": [slack.user("bob")]},
            "reason": {"text": "<!channel> look what bob did"},
            "channel": {"where": slack.channel("general")},
        },
    )
    await slack.settle()
    shown = slack.emu.open_modal(slack.user("maria"))
    assert shown is not None and "@channel" in str(shown.errors)
    assert await ledger(slack) == []
    assert kudos_posts(slack, "general") == []


async def test_a_reaction_to_a_broadcast_does_not_ping_again(slack: SlackHarness) -> None:
    """`:kudos:` on Carol's `<!here> …` message: the shout-out quotes it as `@here`, and the
    colleague she mentioned is named, not pinged."""
    message = await slack.post(
        "carol", "general", "<!here> the failover runbook is done, thanks @dev for the review"
    )
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    assert f"{AT}here the failover runbook" in shoutout.text
    assert_pings_only(shoutout, slack.user("bob"), slack.user("carol"))
    dms = [m for m in slack.emu.dm_messages(slack.user("carol")) if m.by_bot]
    assert dms
    for dm in dms:
        assert_pings_only(dm, slack.user("bob"), slack.user("carol"))


async def test_a_disguised_link_shows_its_address(slack: SlackHarness) -> None:
    """A reason with `<https://evil.example|the design doc>` is reposted as the address."""
    await give(slack, "alice", "@bob for <https://evil.example/x|the design doc> and more #craft")
    [shoutout] = kudos_posts(slack, "general")
    assert "https://evil.example/x" in shoutout.text
    assert "the design doc" not in shoutout.text
    assert_pings_only(shoutout, slack.user("alice"), slack.user("bob"))


async def test_a_refusal_naming_someone_shows_their_name_as_words(slack: SlackHarness) -> None:
    """An app and someone deactivated, each named `<!channel> <https://evil.example|x> R&D`
    in Slack: `/kudos` to them is refused to the giver naming them, and the name neither
    pings, hides a link, nor breaks mrkdwn: it reads `@channel https://evil.example R&D`, as
    names read in every other render (`safe_text`)."""
    app, gone = slack.add_named_like_markup("<!channel> <https://evil.example|x> R&D *bold*")
    alice = slack.user("alice")
    for user_id, why in ((app, "is a bot"), (gone, "is no longer in this workspace")):
        await give(slack, "alice", f"<@{user_id}> for untangling the release")
        refusal = slack.emu.ephemerals(alice)[-1]
        assert why in refusal.text
        for shown in (refusal.text, *(b["text"]["text"] for b in refusal.blocks)):
            assert "<!channel>" not in shown and "|x>" not in shown and "R&D" not in shown
            assert f"{AT}channel https://evil.example R&amp;D *bold* {why}" in shown
        assert_pings_only(refusal)
    assert await ledger(slack) == []
