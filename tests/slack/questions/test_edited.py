"""A question's message edited: the words taken out are not kept.

Someone who pastes a secret into their question and edits it out has taken it back from
everyone who reads the channel; askaround must not go on quoting it: to the colleagues it
asks (their DMs, and whoever is asked later), in the solved questions shown to the next
person who asks the same, or after the asker agreed to ask from a private channel.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.directory.admin import merge_skills
from slack_emulator import Delivery, Message
from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import offer_dm, rows, suggest
from tests.slack.questions.test_solved_first import QUESTION, newest_question, solved_by_dev

SECRET = "hunter2zebra"


async def stored_texts(slack: SlackHarness) -> list[str]:
    async with slack.services.sessions() as s:
        return [q.text for q in await s.scalars(select(Question).order_by(Question.id))]


async def edited_while_down(slack: SlackHarness, message: Message, text: str) -> Delivery:
    """Carol edits `message` while every delivery of the edit fails (503): Slack retries it
    later, after what happens meanwhile."""
    with slack.bot_down():
        _, [delivery] = await slack.here.edit_message(
            slack.user("carol"), message, slack.escape(text)
        )
    assert not any(a.acked for a in delivery.attempts)
    return delivery


def bot_dms(slack: SlackHarness, handle: str) -> str:
    return "\n".join(
        f"{m.text}\n{m.blocks}" for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id
    )


async def test_words_edited_out_of_a_mention_are_not_quoted_again(slack: SlackHarness) -> None:
    """Carol asks in #general with a password in it, Dev is asked, Carol edits it out: Dev's
    DM, the stored question and the solved question Alice is shown later no longer hold it."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await slack.settle()
    assert SECRET in bot_dms(slack, "dev")
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    assert all(SECRET not in text for text in await stored_texts(slack))
    assert SECRET not in bot_dms(slack, "dev")
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=dev_dm)
    await slack.settle()
    await slack.emu.click_button(slack.user("carol"), "Solved")
    await slack.settle()
    await slack.post("alice", "general", f"{bot} {QUESTION}")
    await slack.settle()
    shown = slack.emu.ephemerals(slack.user("alice"))[-1]
    assert "solved before" in shown.text and "stuck terraform state" in str(shown.blocks)
    assert SECRET not in str(shown.blocks) and SECRET not in shown.text


async def test_a_private_question_edited_before_asking_goes_out_as_edited(
    slack: SlackHarness,
) -> None:
    """In #secret the question waits for Alice's consent; she edits the secret out first:
    the colleagues she then agrees to ask read the edited words only."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("alice", "secret", f"{bot} {QUESTION} token {SECRET}")
    await slack.settle()
    assert (await newest_question(slack)).status == "draft"
    await slack.here.edit_message(slack.user("alice"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    consent = slack.emu.ephemerals(slack.user("alice"))[-1]
    await slack.emu.click(slack.user("alice"), "question_consent", message=consent)
    await slack.settle()
    assert (await newest_question(slack)).status == "open"
    for handle in ("bob", "carol", "dev", "maria"):
        assert SECRET not in bot_dms(slack, handle), handle
    assert "stuck terraform state" in bot_dms(slack, "dev")


@pytest.mark.postgres_too
async def test_a_dm_question_edited_is_stored_as_edited(slack: SlackHarness) -> None:
    """A DM to the bot edited (Slack's `message_changed`, no mention to resend)."""
    asked = await slack.dm_bot("bob", f"{QUESTION} key {SECRET}")
    await slack.settle()
    await slack.here.edit_message(slack.user("bob"), asked, slack.escape(QUESTION))
    await slack.settle()
    assert await stored_texts(slack) == [QUESTION]


async def test_words_edited_out_after_connecting_are_not_left_in_the_public_thread(
    slack: SlackHarness,
) -> None:
    """Dev took Carol's question on, so the bot replied in its #general thread; Carol then
    edits the password out of her message. No message of the bot's in #general holds it."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await slack.settle()
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=dev_dm)
    await slack.settle()
    in_thread = [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    assert any("can help with your question" in m.text for m in in_thread)
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    in_thread = [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    assert all(SECRET not in f"{m.text}{m.blocks}" for m in in_thread)
    assert SECRET not in bot_dms(slack, "dev")


async def test_words_edited_out_of_a_solved_question_no_longer_find_it(
    slack: SlackHarness,
) -> None:
    """Carol's question was solved, and a later question made askaround read its words; then
    she edits a secret out of it. Erin asking with the secret alone is not shown Carol's
    question: the match would say the secret was in it."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await solved_by_dev(slack, "carol", "general", f"{QUESTION} {SECRET}")
    [asked] = [
        m for m in slack.emu.messages(slack.channel("general")) if m.user == slack.user("carol")
    ]
    await slack.post("alice", "general", f"{bot} {QUESTION}")  # its words are read now
    await slack.settle()
    assert "solved before" in slack.emu.ephemerals(slack.user("alice"))[-1].text
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    await slack.post("bob", "general", f"{bot} {SECRET} unlock terraform")
    await slack.settle()
    shown = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(slack.user("bob")))
    assert "solved before" not in shown


async def test_a_topic_edited_out_of_a_question_no_longer_points_to_its_channel(
    slack: SlackHarness,
) -> None:
    """Only Bob declared Kafka, and he opted out. Carol asked about kafka in #general, then
    edited kafka out of her message. Alice asking about kafka, whom nobody can help, is not
    pointed to #general: Carol's question is no longer about it."""
    bot = f"<@{slack.emu.bot_user_id}>"
    assert (await slack.command("bob", "/skills", "add kafka:3")).ok
    assert (await slack.command("bob", "/skills", "optout")).ok
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    asked = await slack.post("carol", "general", f"{bot} how do we reset the kafka offsets?")
    await slack.settle()
    edited = f"{bot} how do we reset the consumer offsets?"
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(edited))
    await slack.settle()
    since = len(slack.emu.messages())
    await slack.post("alice", "general", f"{bot} how do we reset the kafka consumer offsets?")
    await slack.settle()
    told = "\n".join(m.text for m in slack.emu.messages()[since:] if m.bot_id)
    assert "couldn't find anyone" in told and slack.channel("general") not in told, told


async def test_an_older_edit_delivered_late_is_not_taken(slack: SlackHarness) -> None:
    """Carol edits her question to the bot twice; Slack delivers the first edit only after
    the second (retried late): the question, and Dev's DM asking him, keep the newest words."""
    asked = await slack.dm_bot("carol", QUESTION)
    await slack.settle()
    await slack.emu.click_button(slack.user("carol"), "Ask colleagues privately")
    await slack.settle()
    assert "stuck terraform state" in bot_dms(slack, "dev")
    first = await edited_while_down(slack, asked, f"{QUESTION} token {SECRET}")
    edited = f"{QUESTION} in staging"
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(edited))
    await slack.settle()
    [again] = await slack.emu.redeliver(first)
    assert again.ok
    await slack.settle()
    assert await stored_texts(slack) == [edited]
    assert SECRET not in bot_dms(slack, "dev") and "in staging" in bot_dms(slack, "dev")


@pytest.mark.postgres_too
async def test_an_edit_delivered_after_the_deletion_revives_nothing(slack: SlackHarness) -> None:
    """Carol edits her question to the bot, then deletes it; Slack delivers the edit only
    after the deletion (retried late): the question stays withdrawn and blank, and no
    colleague's DM quotes the edit."""
    asked = await slack.dm_bot("carol", QUESTION)
    await slack.settle()
    await slack.emu.click_button(slack.user("carol"), "Ask colleagues privately")
    await slack.settle()
    edit = await edited_while_down(slack, asked, f"{QUESTION} token {SECRET}")
    await slack.here.delete_message(slack.user("carol"), asked)
    await slack.settle()
    [again] = await slack.emu.redeliver(edit)
    assert again.ok
    await slack.settle()
    assert await stored_texts(slack) == [""]
    assert (await newest_question(slack)).status == "withdrawn"
    for handle in ("alice", "bob", "dev", "maria"):
        assert SECRET not in bot_dms(slack, handle), handle


async def test_a_request_edited_has_new_block_ids_and_suggest_someone_still_works(
    slack: SlackHarness,
) -> None:
    """Carol edits her question: Dev's request is updated with a new block_id for its buttons
    and menu (Slack asks for one at each update, or its client keeps a colleague chosen in
    "Suggest someone"), and picking someone there on the updated request still refers them.
    Edited again, Dev's request keeps what his suggestion was told, where it read "Not your
    area any more?", the words of a *Not me* he never pressed."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} on staging")
    await slack.settle()
    before = offer_dm(slack, "dev").blocks[-1]["block_id"]
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    after = offer_dm(slack, "dev").blocks[-1]["block_id"]
    assert before.startswith("offer_") and after.startswith("offer_") and before != after
    await suggest(slack, "dev", "alice")
    _question, offers = await rows(slack)
    assert any(o.candidate_user_id == slack.user("alice") and o.kind == "referral" for o in offers)
    thanks = f"Thanks: I've asked <@{slack.user('alice')}>."
    assert offer_dm(slack, "dev").text == thanks
    await slack.here.edit_message(
        slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION} in prod")
    )
    await slack.settle()
    assert offer_dm(slack, "dev").text == thanks, offer_dm(slack, "dev").text
    assert "in prod" in str(offer_dm(slack, "dev").blocks)


def group_dm_of(slack: SlackHarness, *handles: str) -> str:
    group = slack.emu.workspace.open_mpim([slack.user(h) for h in handles]).id
    return "\n".join(f"{m.text}\n{m.blocks}" for m in slack.emu.messages(group) if m.bot_id)


async def asked_in_secret(slack: SlackHarness) -> Message:
    """Alice asks in #secret with a token in it and agrees to ask. Alice's message."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("alice", "secret", f"{bot} {QUESTION} token {SECRET}")
    await slack.settle()
    consent = slack.emu.ephemerals(slack.user("alice"))[-1]
    await slack.emu.click(slack.user("alice"), "question_consent", message=consent)
    await slack.settle()
    return asked


async def dev_helps_in_secret(slack: SlackHarness) -> Message:
    """Alice asks in #secret with a token in it and agrees to ask; Dev takes it on, so the
    bot connects them in a group DM quoting the question. Alice's message."""
    asked = await asked_in_secret(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    return asked


async def test_words_edited_out_after_connecting_are_not_left_in_the_group_dm(
    slack: SlackHarness,
) -> None:
    """Alice asked in #secret with a token in it and agreed to ask; Dev took it on, so the
    bot connected them in a group DM quoting the question. Alice edits the token out: Dev's
    request no longer quotes it, and neither does the group DM."""
    asked = await dev_helps_in_secret(slack)
    assert SECRET in group_dm_of(slack, "alice", "dev")
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("alice"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    assert SECRET not in bot_dms(slack, "dev")
    shown = group_dm_of(slack, "alice", "dev")
    assert SECRET not in shown and "stuck terraform state" in shown, shown


async def test_a_solved_question_deleted_leaves_no_quote_in_the_group_dm(
    slack: SlackHarness,
) -> None:
    """Alice's question from #secret was solved with Dev, connected in a group DM quoting it;
    then she deletes her message. Its words are blanked, Dev's request stops quoting them,
    and so does the group DM (it said the question was solved, and still quoted it)."""
    asked = await dev_helps_in_secret(slack)
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    assert (await newest_question(slack)).status == "solved"
    assert SECRET in group_dm_of(slack, "alice", "dev")
    await slack.here.delete_message(slack.user("alice"), asked)
    await slack.settle()
    assert await stored_texts(slack) == [""]
    assert SECRET not in bot_dms(slack, "dev")
    shown = group_dm_of(slack, "alice", "dev")
    assert SECRET not in shown and "can help with your question" in shown, shown


async def test_a_withdrawn_question_deleted_leaves_no_quote_in_the_helpers_dms(
    slack: SlackHarness,
) -> None:
    """Dev took on Alice's question from #secret; she withdrew it, so Dev was told he need not
    follow up, in a DM quoting it; then she deletes her message. None of Dev's DMs from the
    bot quotes it any more."""
    asked = await dev_helps_in_secret(slack)
    question = await newest_question(slack)
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.settle()
    assert SECRET in bot_dms(slack, "dev")
    await slack.here.delete_message(slack.user("alice"), asked)
    await slack.settle()
    assert await stored_texts(slack) == [""]
    assert SECRET not in bot_dms(slack, "dev"), bot_dms(slack, "dev")
    assert SECRET not in group_dm_of(slack, "alice", "dev")


async def test_a_late_edit_of_a_request_leaves_its_helper_told_they_are_on_it(
    slack: SlackHarness,
) -> None:
    """Carol edits her question while Dev's request waits; Slack answers the edit of Dev's
    request 429 (retry in a minute), and Dev presses I can help meanwhile. His request says
    "You're on it: I've connected you." and the edit, retried after, keeps saying so with the
    edited words, where it drew "This question has moved on" over it, to the one helping."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await slack.settle()
    im = slack.emu.workspace.open_im(slack.user("dev")).id
    slack.emu.faults.add("chat.update", status=429, retry_after=60, times=1, channel=im)
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    assert SECRET in bot_dms(slack, "dev")  # its edit waits for Slack
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.drain()
    request = next(m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id)
    said = f"{request.text}\n{request.blocks}"
    assert "You're on it: I've connected you." in said, said
    assert "moved on" not in said and SECRET not in said, said


def why_dev(slack: SlackHarness) -> str:
    [why] = [
        e["text"]
        for b in offer_dm(slack, "dev").blocks
        if b["type"] == "context"
        for e in b["elements"]
        if e["text"].startswith("Why you:")
    ]
    return str(why)


@pytest.mark.postgres_too
async def test_a_request_drawn_again_names_no_skill_its_colleague_removed(
    slack: SlackHarness,
) -> None:
    """Dev is asked for declaring Terraform, then runs `/skills remove terraform`; Carol edits
    her question and Dev's request, drawn again, no longer says "declared Terraform", which
    it went on saying as first written."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} on staging")
    await slack.settle()
    assert "declared Terraform" in why_dev(slack)
    await slack.command("dev", "/skills", "remove terraform")
    await slack.settle()
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    assert "on staging" not in offer_dm(slack, "dev").text  # drawn again
    assert "Terraform" not in why_dev(slack), why_dev(slack)


async def test_a_long_edit_is_cut_as_a_long_question_is(slack: SlackHarness) -> None:
    """An edit longer than a question keeps was cut at 4,000 characters wherever that fell,
    inside `&amp;` too, and the colleagues' DMs then showed `R&am`; it is now cut as a long
    question is when asked: before the entity, "…" last."""
    asked = await slack.dm_bot("bob", QUESTION)
    await slack.settle()
    long = "a" * 3995 + " R&D owns the state lock"  # the cut falls inside `R&amp;D`
    await slack.here.edit_message(slack.user("bob"), asked, slack.escape(long))
    await slack.settle()
    [stored] = await stored_texts(slack)
    assert stored == "a" * 3995 + " R…", stored[-20:]


async def test_a_suggested_colleague_who_forgets_their_profile_was_still_suggested(
    slack: SlackHarness,
) -> None:
    """Dev suggests Alice for Carol's question, then Alice runs `/skills forget me`. Drawn
    again (Carol edits it), Alice's request and Carol's list say Dev suggested her, as he
    did, where both read "a profile deleted since": nothing of her profile was why."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} on staging")
    await slack.settle()
    await suggest(slack, "dev", "alice")
    await slack.command("alice", "/skills", "forget me")
    await slack.settle()
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    request = offer_dm(slack, "alice")
    assert "on staging" not in str(request.blocks)  # drawn again
    assert f"Why you: suggested by <@{slack.user('dev')}>" in str(request.blocks), request.blocks
    listed = [
        str(m.blocks)
        for m in slack.emu.messages(slack.channel("general"))
        if m.bot_id and m.thread_ts == asked.ts and "privately whether" in m.text
    ]
    assert listed and "profile deleted" not in listed[-1], listed
    assert "Alice Martin: suggested by" in listed[-1], listed


async def test_a_request_drawn_again_names_a_merged_skill_as_it_is_now(
    slack: SlackHarness,
) -> None:
    """An admin merges Terraform into OpenTofu (`askaround skills merge`) after Dev was asked;
    Carol edits her question. Dev's request, drawn again, dropped "declared Terraform" (he no
    longer declares a skill of that name) and read "Why you: a close match"; it names the
    skill his declaration is now."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} on staging")
    await slack.settle()
    assert "declared Terraform, level 5" in why_dev(slack)
    said = await merge_skills(slack.services.directory, slack.team_id, "terraform", "opentofu!")
    assert "3 profiles moved" in said, said
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    assert "on staging" not in offer_dm(slack, "dev").text  # drawn again
    assert why_dev(slack) == "Why you: declared Opentofu, level 5", why_dev(slack)


@pytest.mark.postgres_too
async def test_a_request_drawn_again_says_a_skill_edited_out_was_of_the_first_words(
    slack: SlackHarness,
) -> None:
    """Carol edits her Terraform question into one about Postgres: Dev's request, drawn
    again, quoted the Postgres question under "Why you: declared Terraform, level 5", as
    if Terraform were what it asked. It says that was what the question named before; Bob,
    who declares Postgres too, reads only that for it."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} before the postgres upgrade")
    await slack.settle()
    assert "declared Terraform, level 5" in why_dev(slack)
    edit = f"{bot} how do we vacuum a bloated postgres table?"
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(edit))
    await slack.settle()
    assert "vacuum" in offer_dm(slack, "dev").text  # drawn again
    assert why_dev(slack) == (
        "Why you: declared Terraform, level 5, which the question named before it was edited"
    ), why_dev(slack)
    bob = str(offer_dm(slack, "bob").blocks)
    assert "declared PostgreSQL, level 3" in bob and "PostgreSQL, level 3, which" not in bob, bob
