"""A question like one already solved shows the solved thread first, and only then asks
people; where nobody can be asked, the asker is told so at once (issue 12, items 6 to 8;
issue 15)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage.models import Offer, Question
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"


async def offers_for(slack: SlackHarness, question_id: int) -> list[Offer]:
    async with slack.services.sessions() as s:
        found = await s.scalars(select(Offer).where(Offer.question_id == question_id))
        return list(found.all())


async def newest_question(slack: SlackHarness) -> Question:
    async with slack.services.sessions() as s:
        found = await s.scalar(select(Question).order_by(Question.id.desc()).limit(1))
        assert found is not None
        return found


async def solved_by_dev(
    slack: SlackHarness, handle: str, where: str | None, question: str = QUESTION
) -> None:
    """`handle` asks `question` (in `where` with a mention, or in a DM), Dev helps, it is
    solved."""
    if where is None:
        await slack.dm_bot(handle, question)
        await slack.settle()
        consent = [m for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id][-1]
        await slack.emu.click(slack.user(handle), "question_consent", message=consent)
    else:
        await slack.post(handle, where, f"<@{slack.emu.bot_user_id}> {question}")
    await slack.settle()
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=dev_dm)
    await slack.settle()
    await slack.emu.click_button(slack.user(handle), "Solved")
    await slack.settle()
    assert (await newest_question(slack)).status == "solved"


async def test_a_repeat_question_shows_the_solved_thread_before_asking_anyone(
    slack: SlackHarness,
) -> None:
    """Carol's terraform question was solved by Dev in #general. Alice asks the same: nobody
    is asked; Alice sees Carol's question, who solved it and a link to its thread, and a
    button; pressing "Ask colleagues anyway" asks people then. The button promises no number
    ("Ask 3 colleagues anyway" was untrue once the question moved on to more): how many come
    first, and whether others may follow (here nobody else is left), is said beside it, as the
    private-question prompt says."""
    await solved_by_dev(slack, "carol", "general")
    offered = len(await offers_for(slack, (await newest_question(slack)).id))
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    repeat = await newest_question(slack)
    assert repeat.status == "draft" and await offers_for(slack, repeat.id) == []
    shown = slack.emu.ephemerals(slack.user("alice"))[-1]
    assert "solved before" in shown.text
    assert "stuck terraform state" in str(shown.blocks)
    assert f"solved with <@{slack.user('dev')}>" in str(shown.blocks)
    assert "See the thread" in str(shown.blocks) and "archives" in str(shown.blocks)
    assert f"Ask {offered} colleagues" not in str(shown.blocks)
    first = f"{offered} colleagues, and nobody else I know of might help."
    assert first in str(shown.blocks)
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues anyway")
    await slack.settle()
    assert (await newest_question(slack)).status == "open"
    assert len(await offers_for(slack, repeat.id)) == offered


async def test_a_repeat_question_in_another_language_finds_its_solved_thread(
    slack: SlackHarness,
) -> None:
    """Japanese has no spaces between words. Carol asked how to release a stuck terraform
    state lock, Bob how to upgrade a terraform provider; Dev solved both. Alice asks about
    the lock in her own words: she is shown Carol's thread and not Bob's (read as ASCII
    words, as before, all three questions were just "terraform")."""
    lock = "terraformのstateのロックが外れません"
    await solved_by_dev(slack, "carol", "general", lock)
    await solved_by_dev(slack, "bob", "general", "terraformのプロバイダのバージョンを上げたい")
    await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> terraformのstateのロックが外れない"
    )
    await slack.settle()
    repeat = await newest_question(slack)
    assert repeat.status == "draft" and await offers_for(slack, repeat.id) == []
    shown = slack.emu.ephemerals(slack.user("alice"))[-1]
    assert "solved before" in shown.text
    assert lock in str(shown.blocks) and "プロバイダ" not in str(shown.blocks)


async def test_a_private_solved_question_is_not_shown_to_someone_else(
    slack: SlackHarness,
) -> None:
    """Bob's DM question was solved by Dev; Alice asking the same is not shown it, and is
    routed to people as usual."""
    await solved_by_dev(slack, "bob", None)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    repeat = await newest_question(slack)
    assert repeat.status == "open" and await offers_for(slack, repeat.id) != []
    assert not any("solved before" in e.text for e in slack.emu.ephemerals(slack.user("alice")))


async def test_nobody_to_ask_is_said_up_front_with_no_button(slack: SlackHarness) -> None:
    """A private question nobody matches is not offered "Ask colleagues privately": the
    asker is told at once that nobody can be asked, and what to do instead (issue 12, item 8)."""
    await slack.dm_bot("alice", "who can explain our fortran payroll batch jobs?")
    await slack.settle()
    question = await newest_question(slack)
    assert question.status == "unanswered"
    said = [f"{m.text}{m.blocks}" for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert not any("colleagues privately" in text for text in said)
    assert any("I found nobody to ask" in text for text in said)


async def test_try_asking_there_never_points_at_the_askers_own_question(
    slack: SlackHarness,
) -> None:
    """Alice's `/ask` in #random was never posted there, and nobody can help with it; her
    second question on the topic is not sent to #random, nor to her own questions at all
    (issue 12, item 6). Bob's question in #general did come up there: that is named."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    for handle in ("bob", "dev", "maria"):
        assert (await slack.command(handle, "/skills", "optout")).ok
    await slack.settle()
    await slack.command("alice", "/ask", "how do we upgrade terraform providers safely?", "random")
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> terraform drift detection?")
    await slack.settle()
    told = [f"{m.text}" for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    told += [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert told and all("try asking there" not in text for text in told)
    await slack.post("bob", "general", f"<@{slack.emu.bot_user_id}> terraform lint rules?")
    await slack.settle()
    await slack.command("alice", "/ask", "terraform module versioning advice?", "random")
    await slack.settle()
    last = [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id][-1]
    assert f"<#{slack.channel('general')}>" in last and slack.channel("random") not in last


async def test_that_answers_it_withdraws_and_says_nobody_is_asked(slack: SlackHarness) -> None:
    """Alice reads the solved thread and presses "That answers it": she is told nobody was
    asked, where the prompt was, so no "Ask colleagues anyway" stays on screen."""
    await solved_by_dev(slack, "carol", "general")
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "That answers it")
    await slack.settle()
    repeat = await newest_question(slack)
    assert repeat.status == "withdrawn"
    [shown] = slack.emu.ephemerals(slack.user("alice"))
    assert shown.text == f"Glad it did. Question #{repeat.id} is closed; nobody was asked."
    assert "question_consent" not in str(shown.blocks)
    assert await offers_for(slack, repeat.id) == []


async def _reason_after(slack: SlackHarness, weeks: int, *, reloaded: bool = False) -> str:
    """Dev solves Carol's terraform question; `weeks` later (the index `reloaded` from the
    database meanwhile) Alice asks it again and asks colleagues anyway: what the channel was
    told of who was asked and why."""
    await solved_by_dev(slack, "carol", "general")
    if reloaded:
        slack.services.indexes.invalidate(slack.team_id)
    slack.advance(timedelta(weeks=weeks))
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues anyway")
    await slack.drain()
    said = "\n".join(str(m.blocks) for m in slack.emu.messages())
    assert "helped with 1 similar question" in said, said
    return said


async def test_a_question_solved_just_now_was_asked_in_the_last_13_weeks(
    slack: SlackHarness,
) -> None:
    """Solved while the bot runs, the question counts as recent at once, not only once the
    index is next loaded from the database."""
    assert "asked in the last 13 weeks" in await _reason_after(slack, 0)


async def test_a_reason_counts_its_weeks_on_the_bots_clock(slack: SlackHarness) -> None:
    """Twenty weeks later, Dev's reason no longer says the question was asked in the last 13
    weeks: the window is counted back from the bot's clock, as everything else it says, where
    it was counted from the machine's."""
    assert "asked in the last 13 weeks" not in await _reason_after(slack, 20, reloaded=True)
