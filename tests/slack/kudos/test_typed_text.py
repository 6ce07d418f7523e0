"""What a giver types reaches the bot escaped by Slack in `/kudos` and in a reacted message
(`R&D` as `R&amp;D`, `<` as `&lt;`), and as typed in the Give kudos modal: the same words are
the same reason on every path, stored, counted and compared alike, and still ping nobody."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_no_pings import assert_pings_only
from tests.slack.kudos.world import (
    ephemeral_text,
    give,
    global_modal,
    kudos_posts,
    ledger,
    submit_modal,
)


async def test_a_reason_may_start_with_a_typed_angle_bracket(slack: SlackHarness) -> None:
    """`/kudos @bob <3 …`: Slack's `&lt;` after the mention is the reason's first character,
    not an `&` joining the people thanked."""
    await give(slack, "alice", "@bob <3 for untangling the release")
    [shoutout] = kudos_posts(slack, "general")
    assert "&lt;3 for untangling the release" in shoutout.text, shoutout.text


async def test_a_reason_is_stored_as_typed_on_every_path(slack: SlackHarness) -> None:
    """`R&D` and `a < b` typed in `/kudos`, in the modal, or in a message someone reacts to
    are stored so, not as Slack's `&amp;` and `&lt;`; one that ends in `->` keeps it whole."""
    reason = "the R&D spike: p99 < 2s now"
    await give(slack, "alice", f"@bob for {reason}")
    modal = await global_modal(slack, "maria")
    await submit_modal(slack, "maria", modal, recipients=["bob"], reason=reason, channel="general")
    message = await slack.post("carol", "general", reason)
    await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "kudos")
    await slack.settle()
    await give(slack, "maria", "@carol for moving staging to prod ->")
    assert [entry.message for entry in await ledger(slack)] == [
        reason,
        reason,
        reason,
        "moving staging to prod ->",
    ]
    posts = kudos_posts(slack, "general")
    shown = ["R&amp;D spike: p99 &lt; 2s" in post.text for post in posts]
    assert shown == [True, True, True, False]


async def test_a_reason_is_as_long_as_what_was_typed(slack: SlackHarness) -> None:
    """The shortest reason counts the characters typed: `R&D & QA!` is 9, as in the modal,
    not the 17 of Slack's `R&amp;D &amp; QA!`."""
    await give(slack, "alice", "@bob R&D & QA!")
    assert "at least 10 characters (yours has 9)" in ephemeral_text(slack, "alice")
    assert await ledger(slack) == []


async def test_a_typed_broadcast_is_refused_and_a_quoted_one_pings_nobody(
    slack: SlackHarness,
) -> None:
    """`<!channel>` typed out in `/kudos` (Slack sends `&lt;!channel&gt;`) is refused, as the
    modal refuses it; typed out in a message someone reacts to, it is quoted as a word, and a
    typed-out link shows its address."""
    await give(slack, "alice", "@bob &lt;!channel&gt; look what bob did")
    assert "can't ping @channel" in ephemeral_text(slack, "alice")
    assert await ledger(slack) == []
    message = await slack.post(
        "carol", "general", "&lt;!here&gt; runbook done, see &lt;https://evil.example|the doc&gt;"
    )
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    assert "https://evil.example" in shoutout.text and "the doc" not in shoutout.text
    assert_pings_only(shoutout, slack.user("bob"), slack.user("carol"))


async def test_kudos_on_a_reply_deep_in_a_long_thread_gives_its_words(slack: SlackHarness) -> None:
    """Slack gives a thread a page at a time, oldest first: a `:kudos:` reaction to a reply
    past the first page read no words (the giver was told the message was too short to be a
    reason) until every page is read."""
    chat = slack.here.workspace.chat
    general = slack.channel("general")
    parent = chat.post(general, slack.user("carol"), "release checklist for friday")
    for n in range(150):
        chat.post(general, slack.user("carol"), f"step {n} done", thread_ts=parent.ts)
    said = "I wrote the runbook for the failover drill and tested it twice"
    reply = chat.post(general, slack.user("bob"), said, thread_ts=parent.ts)
    await slack.emu.add_reaction(slack.user("alice"), general, reply.ts, "kudos")
    await slack.settle()
    (kudos,) = await ledger(slack)
    assert kudos.receiver_user_id == slack.user("bob") and kudos.message == said


async def test_a_typed_direction_override_turns_around_nothing_after_it(
    slack: SlackHarness,
) -> None:
    """A right-to-left override (U+202E) typed in a reason turned the rest of its line around
    wherever the reason was listed (the shout-out, `/kudos @bob`); it and the other
    embeddings and isolates reach Slack's text no more (the bot's own isolates around a
    right-to-left name stay, closed), and Hebrew typed in it still does, with its mark."""
    await give(slack, "alice", "@bob for \u202efixing the build\u2067 and שלום\u200f thanks")
    await give(slack, "maria", "@bob")
    [shoutout] = kudos_posts(slack, "general")
    quote = shoutout.blocks[0]["text"]["text"]
    for said in (shoutout.text, quote, ephemeral_text(slack, "maria")):
        assert not any(0x202A <= ord(c) <= 0x202E or c in "\u2066\u2067" for c in said), said
        assert said.count("\u2068") == said.count("\u2069")  # only `isolated`'s, closed
        assert "fixing the build and שלום\u200f thanks" in said, said
