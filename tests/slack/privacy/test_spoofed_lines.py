"""A kudos reason that carries line breaks, read in a list of kudos (`/kudos @bob`, `/kudos
me`, the Home tab's recent kudos): each kudos is one line, "• from Alice Martin: …", so a
reason typed (the Give kudos form's reason is a multi-line field, and a `:kudos:` reaction
quotes a whole message) as "the fix" and, on a line of its own, "• from Maria Lopez: …" read
as a second kudos, from Maria, who gave none: words put in a colleague's mouth, to everyone
who looks the receiver up. A reason is one line in a list, its breaks spaces, as the digests
already show it (`bot.digests.outline.shoutout_line`); the shout-out, where it is quoted,
keeps its lines."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger
from tests.slack.privacy.seen import home_and_bot_posts

SPOOF = "• from Maria Lopez: quokkaspoof, said in private"
REASON = f"for the fix\n{SPOOF}\u2028• from Carol Diaz: quokkasep"


async def shown(slack: SlackHarness, handle: str, text: str) -> list[str]:
    before = len(slack.emu.ephemerals(slack.user(handle)))
    await slack.command(handle, "/kudos", text)
    await slack.settle()
    return [e.text for e in slack.emu.ephemerals(slack.user(handle))[before:]]


def lines(texts: list[str]) -> list[str]:
    return [line for text in texts for line in text.splitlines()]


async def test_a_reason_with_line_breaks_puts_no_words_in_a_colleagues_mouth(
    slack: SlackHarness,
) -> None:
    await slack.command("alice", "/kudos", f"<@{slack.user('bob')}> {REASON}")
    await slack.settle()
    (kudos,) = await ledger(slack)
    assert "quokkaspoof" in kudos.message and not kudos.is_private
    about = await shown(slack, "dev", f"<@{slack.user('bob')}>")
    mine = await shown(slack, "bob", "me")
    home = await home_and_bot_posts(slack, "bob")
    for said in (about, mine, [home]):
        assert "quokkaspoof" in "\n".join(said)  # not vacuous: the kudos is listed
        assert not [line for line in lines(said) if line.startswith("• from Maria")], said
        assert not [line for line in lines(said) if line.startswith("• from Carol")], said
    # Only Alice's kudos is listed, once, on one line.
    listed = [line for line in lines(about) if line.startswith("• from ")]
    assert len(listed) == 1 and listed[0].startswith("• from Alice Martin:"), listed
