"""Slack refusing a method outright (no such method, answered 200 or 404; not with a bot
token; a scope the install lacks) or failing it for good: the person is told so in words
that are true, the log has one line without a traceback, and what can go on goes on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from handlers.dispatch.friendly import SOMETHING_WENT_WRONG
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, global_modal, ledger, submit_modal
from tests.slack.lean.flows import (
    ask_command,
    ask_mention,
    company,
    kudos_form,
    kudos_reaction,
    network,
    settings,
    skills_form,
)
from tests.slack.lean.outcomes import network_shown, solved

REFUSALS = ("unknown_method", "http_404", "not_allowed_token_type", "missing_scope")
FORMS = {"kudos": "alice", "skills": "carol", "settings": "dev"}


def heard(slack: SlackHarness, handle: str) -> str:
    """What the bot told this person: ephemerals and its DMs (a shortcut has no channel)."""
    return ephemeral_text(slack, handle) + "\n" + dm_text(slack, handle)


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.exc_info and r.name.startswith("askaround")]


@pytest.mark.parametrize("refusal", REFUSALS)
@pytest.mark.parametrize("form", sorted(FORMS))
async def test_a_form_slack_will_not_open_is_said_so(
    tmp_path: Path, form: str, refusal: str, caplog: pytest.LogCaptureFixture
) -> None:
    """views.open refused: the person was told "Something went wrong on my side" and the log
    had a traceback as for a bug of ours; now they are told Slack refused it, which method,
    and the log has one WARNING line with Slack's reason."""
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse("views.open", refusal)
        if form == "kudos":
            await slack.here.global_shortcut(slack.user("alice"), "give_kudos_global")
            await slack.settle()
        else:
            await (skills_form if form == "skills" else settings)(slack)
        told = heard(slack, FORMS[form])
        assert "Slack refused what I needed for that (`views.open`)" in told, told
        assert SOMETHING_WENT_WRONG not in told
        assert tracebacks(caplog) == []
        assert any("Slack refused views.open" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("method", ["files.getUploadURLExternal", "files.completeUploadExternal"])
async def test_insights_in_words_when_slack_refuses_the_upload(
    tmp_path: Path, method: str, caplog: pytest.LogCaptureFixture
) -> None:
    """`/askaround insights` on a Slack that will not take the picture: Dev was told
    "Something went wrong on my side"; now he reads the insights in words, told why the
    picture is missing."""
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse(method, "unknown_method")
        await network(slack)
        await network_shown(slack)
        told = ephemeral_text(slack, "dev")
        assert f"Slack refused me the upload (`{method}`)" in told, told
        assert "in your DM with me" not in told and SOMETHING_WENT_WRONG not in told
        assert tracebacks(caplog) == []


async def test_a_link_slack_keeps_failing_to_give_is_left_out(tmp_path: Path) -> None:
    """chat.getPermalink answers 500 every time: each request to a colleague was given up for
    want of the link, and the asker told Slack failed to deliver all of them; now Dev is
    asked without the link, accepts, and the question is solved."""
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse("chat.getPermalink", "http_500")
        await ask_mention(slack)
        await solved(slack)
        assert "kept failing to deliver" not in "\n".join(m.text for m in slack.emu.messages())


@pytest.mark.parametrize(
    ("job", "method"), [("digests", "auth.test"), ("directory_sync", "users.list")]
)
async def test_a_job_slack_refuses_logs_one_line(
    tmp_path: Path, job: str, method: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A scheduled job in a workspace whose Slack refuses a method it needs logged a
    traceback as for a bug, every run; now one WARNING line naming the method and reason."""
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse(method, "missing_scope")
        caplog.set_level(logging.WARNING)
        await slack.runner.bot.scheduler.run_once(job)
        await slack.drain()
        assert tracebacks(caplog) == []
        said = [r.getMessage() for r in caplog.records if r.name == "askaround.workspaces"]
        # a workspace is named by the id Slack gave its token (`auth.test`), if it did
        where = slack.team_id if method == "users.list" else "(id not yet known)"
        assert said == [
            f"a job could not run in workspace {where}: Slack refused {method}: "
            f"missing_scope (needs {'users:read' if method == 'users.list' else 'commands'}); "
            "it tries again at its next run"
        ], said


async def test_a_channel_slack_does_not_call_public_is_refused_as_unsaid(tmp_path: Path) -> None:
    """The Give kudos form, #general picked, on a Slack whose conversations.info leaves out
    `is_private`: Alice was told "Pick a public channel", though she had; now she is told
    Slack didn't say whether it is public."""
    async with company(tmp_path) as slack:
        slack.emu.faults.add("conversations.info", times=None, omit=("channel.is_private",))
        modal = await global_modal(slack, "alice")
        await submit_modal(
            slack, "alice", modal, recipients=["bob"], reason="the review", channel="general"
        )
        await slack.settle()
        shown = slack.emu.open_modal(slack.user("alice"))
        assert shown is not None
        said = str(shown.errors)
        assert "Slack didn't tell me whether it is public" in said, said


@pytest.mark.parametrize(
    ("answer", "told"),
    [
        ({"error": "unknown_method"}, "Slack refused what I needed for that"),
        ({"status": 404, "error": "unknown_method"}, "Slack refused what I needed for that"),
        ({"error": "missing_scope"}, "Slack refused what I needed for that"),
        ({"error": "not_in_channel"}, "I'm not in that conversation"),
    ],
)
async def test_a_reaction_on_a_message_slack_will_not_show(
    tmp_path: Path, answer: dict[str, object], told: str
) -> None:
    """Alice reacts :kudos: to Bob's message and conversations.history will not give it: she
    was told "I'm not in that conversation" whatever Slack said; now that only where Slack
    said so, and Slack's refusal of the method where it refused it. No kudos either way."""
    async with company(tmp_path) as slack:
        slack.emu.faults.add("conversations.history", times=None, **answer)  # type: ignore[arg-type]
        await kudos_reaction(slack)
        said = heard(slack, "alice")
        assert told in said, said
        assert await ledger(slack) == []


@pytest.mark.parametrize("ephemeral_too", [False, True])
async def test_an_asker_slack_will_not_let_the_bot_dm(
    tmp_path: Path, ephemeral_too: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice asks with `/ask` on an install without `im:write`: she was told nothing at all
    and the question ran on unseen; now she reads who is asked where she asked, only she
    can; and if Slack refuses that too, the log has one WARNING line saying she was not."""
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse("conversations.open", "missing_scope")
        if ephemeral_too:
            slack.emu.faults.refuse("chat.postEphemeral", "missing_scope")
        caplog.set_level(logging.WARNING)
        await ask_command(slack)
        assert tracebacks(caplog) == []
        told = ephemeral_text(slack, "alice")
        untold = [r.getMessage() for r in caplog.records if "could not be told" in r.getMessage()]
        if ephemeral_too:
            assert len(untold) >= 1 and "conversations.open" in untold[0], untold
        else:
            assert "asking" in told.lower(), told
            assert untold == []


@pytest.mark.parametrize("refusal", ["unknown_method", "http_404"])
async def test_a_giver_is_told_a_shout_out_slack_refuses(
    tmp_path: Path, refusal: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice gives kudos from the form on a Slack that refuses every chat.postMessage: she
    was promised "I'll tell you if it can't be posted" and was told it in a DM Slack refused
    too, so never; now she reads it in an ephemeral in the channel she gave them in."""
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse("chat.postMessage", refusal)
        await kudos_form(slack)
        await slack.drain()
        assert "I couldn't post" in ephemeral_text(slack, "alice"), ephemeral_text(slack, "alice")
        assert tracebacks(caplog) == []


async def test_an_asker_told_where_they_asked_is_never_edited_there(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice, whom Slack will not let the bot DM, reads who is asked in an ephemeral where she
    typed `/ask`, then how it ended in another: an ephemeral cannot be edited, so the bot never
    tries chat.update on one (it failed quietly, logged "not updated"), and she is told each
    thing once (`test_asking_told_anew.py`)."""
    async with company(tmp_path) as slack:
        slack.emu.faults.refuse("conversations.open", "missing_scope")
        caplog.set_level(logging.INFO)
        await ask_command(slack)
        assert tracebacks(caplog) == []
        told = slack.emu.ephemerals(slack.user("alice"))
        edited = [c.args.get("ts") for c in slack.emu.calls_to("chat.update")]
        assert not {e.ts for e in told} & set(edited), edited
        assert [r.getMessage() for r in caplog.records if "not updated" in r.getMessage()] == []
        texts = [e.text for e in told]
        assert texts[0] == "Got it: question #1. I'll tell you privately how it goes.", texts
        assert len(texts) == len(set(texts)) >= 3 and texts[1].startswith("I'm asking 3"), texts


async def test_an_asker_told_where_they_asked_reads_who_took_it_in_a_new_ephemeral(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice's DM takes no post from the bot (Slack refuses it for good), her colleagues' do:
    she read who is asked in an ephemeral where she typed `/ask`; when Dev takes it she reads
    that in a new one, as Slack edits no ephemeral, and the first was posted once."""
    async with company(tmp_path) as slack:
        alice = slack.user("alice")
        im = slack.emu.workspace.open_im(alice).id
        slack.emu.faults.add("chat.postMessage", error="missing_scope", times=None, channel=im)
        caplog.set_level(logging.INFO)
        await ask_command(slack)
        assert tracebacks(caplog) == []
        told = [e for e in slack.emu.ephemerals(alice) if "colleague" in e.text]
        texts = [e.text for e in told]
        assert len(texts) == len(set(texts)) >= 2, texts
        assert "Dev Patel is helping you" in str(told[-1].blocks), told[-1].blocks
        edited = {c.args.get("ts") for c in slack.emu.calls_to("chat.update")}
        assert not {e.ts for e in told} & edited
        assert [r.getMessage() for r in caplog.records if "not updated" in r.getMessage()] == []
