"""Requests to colleagues Slack refuses for good (no such method, not with a bot token): the
asker is told Slack refused and an admin should look at the app's permissions, not to ask
again once Slack is well, which waiting never brings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import ask, offer_dm, rows, suggest


def told_in_thread(slack: SlackHarness) -> str:
    return " | ".join(f"{m.text}" for m in slack.emu.messages(slack.channel("general")) if m.bot_id)


async def _thread(slack: SlackHarness) -> str:
    asked = await ask(slack)
    await slack.drain()  # through every retry's backoff, until the outbox gives them up
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    return " | ".join(f"{m.text} {m.blocks}" for m in thread if m.bot_id)


@pytest.mark.parametrize("refusal", ["unknown_method", "not_allowed_token_type", "http_404"])
async def test_requests_slack_refuses_for_good_send_the_asker_to_an_admin(
    slack: SlackHarness, refusal: str
) -> None:
    """conversations.open refused for every colleague: Alice was told Slack "kept failing"
    and to ask again later, once Slack is well; now that Slack refused to let askaround
    message them, and that an admin should check the app's permissions."""
    slack.emu.faults.refuse("conversations.open", refusal)
    said = await _thread(slack)
    assert "Slack refused to let me message the colleagues I chose" in said, said
    assert "an admin should check askaround's permissions in Slack" in said, said
    assert "once Slack is well" not in said and "kept failing" not in said, said


async def test_a_scope_the_install_lacks_is_named_to_the_asker(slack: SlackHarness) -> None:
    """conversations.open answers `missing_scope` (needs `im:write`): each request waited for
    `askaround outbox retry` and Alice read "I'm asking 3 colleagues" for ever, though nobody
    got it; now they are given up at once and she is told the scope an admin should grant."""
    slack.emu.faults.refuse("conversations.open", "missing_scope")
    said = await _thread(slack)
    assert "I'm asking" not in said, said
    assert "Slack refused to let me message the colleagues I chose" in said, said
    assert "the `im:write` permission" in said, said
    assert "once Slack is well" not in said, said


async def test_requests_slack_keeps_failing_still_say_ask_again_later(
    slack: SlackHarness,
) -> None:
    """Slack answering 500 to every DM passes: Alice is still told to ask again later."""
    slack.emu.faults.refuse("conversations.open", "http_500")
    said = await _thread(slack)
    assert "Ask again later, once Slack is well." in said, said
    assert "refused" not in said, said


TOKEN_METHODS = ("conversations.open", "chat.postMessage", "chat.update", "chat.postEphemeral")


@pytest.mark.parametrize(
    "refusal", ["invalid_auth", "account_inactive", "token_expired", "token_revoked"]
)
async def test_requests_wait_for_a_refused_token_to_be_fixed(
    slack: SlackHarness, refusal: str
) -> None:
    """Slack refuses the install's token itself (a wrong SLACK_BOT_TOKEN deployed, the bot's
    user deactivated, a rotated token not refreshed): every call is refused, what the asker
    would be told too. Each request was given up at once all the same, so once the operator
    fixed the token and ran `askaround outbox retry` nobody was asked and Alice read that an
    admin should check askaround's permissions, which were never wrong; now the requests wait
    for the fix with everything else, and the retry asks the colleagues she is told of."""
    for method in TOKEN_METHODS:
        slack.emu.faults.add(method, error=refusal, times=None)
    asked = await ask(slack)
    await slack.drain()
    _question, offers = await rows(slack)
    assert offers and all(o.status == "pending" for o in offers), [o.status for o in offers]

    slack.emu.faults.clear()  # the operator deploys the right token, or reinstalls
    await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    said = " | ".join(f"{m.text} {m.blocks}" for m in thread if m.bot_id)
    assert f"I'm asking {len(offers)} colleagues" in said, said
    assert "refused" not in said and "kept failing" not in said, said
    for offer in offers:
        dms = [m for m in slack.emu.dm_messages(offer.candidate_user_id) if m.bot_id]
        assert len(dms) == 1, dms


async def test_requests_the_workspaces_admins_suspended_say_so(slack: SlackHarness) -> None:
    """The workspace's admins suspended askaround's posting in the colleagues' DMs
    (`ekm_access_denied`) while it may still answer in #general: Alice read that an admin
    should check askaround's permissions, which are not what is wrong; now she reads that the
    workspace's admins suspended its messages."""
    for handle in ("bob", "carol", "maria", "dev"):
        im = slack.emu.workspace.open_im(slack.user(handle))
        slack.emu.faults.add(
            "chat.postMessage", error="ekm_access_denied", channel=im.id, times=None
        )
    said = await _thread(slack)
    assert "I'm asking" not in said, said
    assert "Slack refused to let me message the colleagues I chose" in said, said
    assert "the workspace's admins have suspended askaround's messages" in said, said
    assert "permissions" not in said and "once Slack is well" not in said, said


@pytest.mark.parametrize("refusal", ["missing_scope", "unknown_method", "ekm_access_denied"])
async def test_suggesting_someone_slack_refused_to_message_says_so(
    slack: SlackHarness, refusal: str
) -> None:
    """Slack refuses for good the post of Bob's request in his DM; Dev then suggests Bob. Dev
    read "Slack kept failing to deliver my request" of a request Slack refused once and for
    all; now that Slack refused to let askaround message Bob."""
    im = slack.emu.workspace.open_im(slack.user("bob")).id
    slack.emu.faults.add("chat.postMessage", error=refusal, times=None, channel=im)
    await ask(slack)
    await slack.drain()
    await suggest(slack, "dev", "bob")
    await slack.settle()
    said = str(offer_dm(slack, "dev").blocks)
    bob = f"<@{slack.user('bob')}>"
    assert "kept failing" not in said and f"{bob} has already been asked" not in said, said
    assert f"I tried to ask {bob} already, but Slack refused to let me message them" in said


@pytest.mark.parametrize("answer", [{"error": "restricted_action"}, {"error": "unknown_method"}])
async def test_a_thread_slack_refuses_is_not_said_to_keep_failing(
    slack: SlackHarness, answer: dict[str, str]
) -> None:
    """Slack refuses the bot's posts in #general at the first try (a workspace preference,
    `restricted_action`; a stand-in without the method there), so Alice's list of who is
    asked goes to her DM: it was headed "Slack kept failing to post this in its thread",
    though Slack was asked once; now that Slack didn't let askaround post it there."""
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", times=None, channel=general, **answer)  # type: ignore[arg-type]
    await ask(slack)
    await slack.drain()
    told = " | ".join(m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id)
    assert f"About question #1 in <#{general}>: Slack didn't let me post this in its thread" in told
    assert "kept failing" not in told, told


async def test_requests_slack_refuses_at_the_first_try_are_not_said_to_keep_failing(
    slack: SlackHarness,
) -> None:
    """Slack refuses the post of each request in the colleagues' DMs with an error it would
    answer again (`restricted_action`, a workspace preference): each was given up at its
    first try, and Alice read that Slack "kept failing" and to ask again later, once Slack is
    well, which would change nothing; now that Slack refused, and where its reason is."""
    for handle in ("bob", "carol", "maria", "dev"):
        im = slack.emu.workspace.open_im(slack.user(handle))
        slack.emu.faults.add(
            "chat.postMessage", error="restricted_action", channel=im.id, times=None
        )
    said = await _thread(slack)
    assert "Slack refused to let me message the colleagues I chose" in said, said
    assert "Asking again won't help" in said and "`restricted_action`" in said, said
    assert "kept failing" not in said and "once Slack is well" not in said, said


async def test_requests_that_ran_out_unsent_are_not_said_to_find_nobody_available(
    slack: SlackHarness,
) -> None:
    """The token refused while the requests wait for the fix, their time runs out, round
    after round, before anyone fixes it: once fixed and retried, Alice read "I couldn't find
    anyone available" under "I asked 3 colleagues", though nobody was ever asked; now that
    Slack never delivered them, and that she asked nobody."""
    for method in TOKEN_METHODS:
        slack.emu.faults.add(method, error="invalid_auth", times=None)
    await ask(slack)
    await slack.drain()
    for _ in range(4):
        slack.advance(timedelta(hours=1))
        await slack.runner.bot.scheduler.run_once("escalate")
        await slack.drain()
    question, _offers = await rows(slack)
    assert question.status == "unanswered", question.status

    slack.emu.faults.clear()
    await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    said = told_in_thread(slack)
    assert "couldn't find anyone available" not in said and "I asked 3" not in said, said
    assert "Slack kept failing to deliver my request" in said, said
    assert "I asked nobody: the colleagues I chose had yet to get my request." in said, said
