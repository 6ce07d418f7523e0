"""One request cannot make the bot call Slack once per name it contains (issue 18, item 8):
more recipients than the giver has kudos left today are refused before anyone is looked up."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, give, ledger

MANY = [f"U{n:07d}X" for n in range(250)]


async def test_a_command_naming_250_people_is_refused_before_any_look_up(
    slack: SlackHarness,
) -> None:
    """`/kudos` with 250 mentions: no `users.info` call at all, the allowance's refusal."""
    mentions = " ".join(f"<@{user}>" for user in MANY)
    await slack.here.slash_command(
        slack.user("alice"),
        "/kudos",
        f"{mentions} for the launch party",
        channel_id=slack.channel("general"),
    )
    await slack.settle()
    assert slack.emu.calls_to("users.info") == []
    assert "this would give 250" in ephemeral_text(slack, "alice")
    assert await ledger(slack) == []


async def test_what_was_given_today_counts_before_the_look_up(slack: SlackHarness) -> None:
    """Four given, then three more named: refused with no look-up of the three."""
    await give(slack, "alice", "@bob @carol @maria for the migration plan")
    await give(slack, "alice", "@bob for the incident review notes")
    looked_up = len(slack.emu.calls_to("users.info"))
    await give(slack, "alice", "@bob @carol @maria for the second migration plan")
    assert "You have 1 of 5 kudos left today" in ephemeral_text(slack, "alice")
    assert len(slack.emu.calls_to("users.info")) == looked_up
    assert len(await ledger(slack)) == 4


async def test_the_modal_is_refused_before_any_look_up(slack: SlackHarness) -> None:
    """The Give kudos modal with seven people chosen: the error shows on the recipients field,
    and none of them was looked up (Alice was, as the form opened: who may give kudos at all)."""
    await slack.emu.global_shortcut(slack.user("alice"), "give_kudos_global")
    await slack.settle()
    assert [call.args["user"] for call in slack.emu.calls_to("users.info")] == [slack.user("alice")]
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None
    delivery = await slack.emu.submit_view(
        slack.user("alice"),
        modal.id,
        {
            "recipients": {"users": MANY[:7]},
            "reason": {"text": "for the launch party"},
            "channel": {"where": slack.channel("general")},
        },
    )
    await slack.settle()
    assert len(slack.emu.calls_to("users.info")) == 1
    assert "this would give 7" in str(delivery.response)
    assert await ledger(slack) == []
