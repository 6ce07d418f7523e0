"""Asking through every door: a mention, `/ask`, a DM (with consent) and the shortcut."""

from __future__ import annotations

from sqlalchemy import select

from bot.safe_text import unescaped
from storage.models import Offer, Question
from tests.slack.harness import SlackHarness


async def offers(slack: SlackHarness) -> list[Offer]:
    async with slack.services.sessions() as s:
        return list((await s.scalars(select(Offer).order_by(Offer.id))).all())


async def questions(slack: SlackHarness) -> list[Question]:
    async with slack.services.sessions() as s:
        return list((await s.scalars(select(Question).order_by(Question.id))).all())


def offer_dms(slack: SlackHarness, handle: str) -> list[str]:
    return [m.text for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


async def test_mention_routes_privately_and_answers_in_the_thread(slack: SlackHarness) -> None:
    """`@askaround …?` : terraform experts get a private DM with buttons and the reason; the
    asker gets the list in the thread; the asker and non-experts are not asked."""
    message = await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> how do we unlock a stuck terraform state?"
    )
    await slack.settle()
    asked = {o.candidate_user_id for o in await offers(slack)}
    assert {slack.user("dev"), slack.user("bob")} <= asked
    assert slack.user("alice") not in asked and slack.user("carol") not in asked
    dm = slack.emu.dm_messages(slack.user("dev"))[-1]
    assert "terraform" in dm.text.lower()
    buttons = {e.get("action_id") for b in dm.blocks for e in b.get("elements", [])}
    assert {"offer_accept", "offer_decline", "offer_refer"} <= buttons
    assert "declared Terraform" in str(dm.blocks) or "terraform" in str(dm.blocks).lower()
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == message.ts]
    assert any("asking" in m.text for m in thread)


async def test_slash_ask_answers_in_a_dm_and_is_listed_by_mine(slack: SlackHarness) -> None:
    """`/ask` tells the asker privately; `/ask mine` lists it; withdrawing closes the offers."""
    await slack.command("alice", "/ask", "who can review my terraform module for s3 buckets?")
    await slack.settle()
    assert any("asking" in m.text for m in slack.emu.dm_messages(slack.user("alice")))
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    listed = slack.emu.ephemerals(slack.user("alice"))[-1]
    assert "terraform module" in str(listed.blocks)
    question = (await questions(slack))[0]
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.settle()
    assert {o.status for o in await offers(slack)} == {"superseded"}
    assert (await questions(slack))[0].status == "withdrawn"
    told = len(await offers(slack))
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert f"I've told the {told} colleagues still waiting." in said


async def test_private_question_waits_for_consent(slack: SlackHarness) -> None:
    """A DM question reaches nobody until the asker clicks "Ask colleagues privately"; the
    colleagues asked get its text but no link to a conversation they cannot open."""
    await slack.dm_bot("alice", "how do I rotate the terraform cloud token safely?")
    await slack.settle()
    assert await offers(slack) == []
    assert (await questions(slack))[0].status == "draft"
    assert "waiting for you to ask colleagues" in await mine(slack, "alice")
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    assert len(await offers(slack)) >= 2
    assert (await questions(slack))[0].status == "open"
    # No link to alice's DM with the bot: the colleague asked could not open it.
    dev = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    assert dev and "rotate the terraform" in dev[-1].text
    assert "See the question in Slack" not in str(dev[-1].blocks)
    listed = await mine(slack, "alice")
    assert "· colleagues asked" in listed and "· open" not in listed


async def mine(slack: SlackHarness, handle: str) -> str:
    """What `/ask mine` shows the person, as text."""
    await slack.command(handle, "/ask", "mine")
    await slack.settle()
    return str(slack.emu.ephemerals(slack.user(handle))[-1].blocks)


async def test_find_an_expert_shortcut(slack: SlackHarness) -> None:
    """The message shortcut asks about someone's message, on behalf of whoever used it."""
    message = await slack.post("carol", "general", "our terraform plan keeps timing out in CI")
    delivery = await slack.emu.message_shortcut(slack.user("maria"), "find_expert", message)
    assert delivery.ok
    await slack.settle()
    question = (await questions(slack))[0]
    assert question.asker_user_id == slack.user("maria") and question.source == "shortcut"
    assert slack.user("maria") not in {o.candidate_user_id for o in await offers(slack)}
    assert await offers(slack)


async def test_too_short_a_question_gets_a_friendly_hint(slack: SlackHarness) -> None:
    """`/ask tf?` asks for more words instead of bothering anyone."""
    await slack.command("alice", "/ask", "tf?")
    await slack.settle()
    assert "Tell me a bit more" in slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert await offers(slack) == []


async def test_a_link_alone_is_not_a_question(slack: SlackHarness) -> None:
    """`/ask https://…` says nothing of what to ask: the asker is asked for words, as a
    mention of only a link is, and no question is kept that nobody could be asked about."""
    for text in (
        "<https://github.com/acme/infra/pull/12>",
        "https://github.com/acme/infra/pull/12",
    ):
        await slack.command("alice", "/ask", text)
        await slack.settle()
        assert "Tell me a bit more" in slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert await questions(slack) == []
    await slack.command("alice", "/ask", "how do we unlock the terraform state in <https://x.io>?")
    await slack.settle()
    assert await offers(slack)


async def test_withdraw_needs_a_plain_question_number(slack: SlackHarness) -> None:
    """`/ask withdraw ²` or a huge number gets the hint instead of an error."""
    for bad in ("²", "99999999999999999999", "twelve"):
        await slack.command("alice", "/ask", f"withdraw {bad}")
        await slack.settle()
        assert "Say which question" in slack.emu.ephemerals(slack.user("alice"))[-1].text


async def test_withdraw_takes_the_question_as_people_name_it(slack: SlackHarness) -> None:
    """askaround names a question "#12" or "question #12": `/ask withdraw question 12`,
    `#12`, `q12` and the like withdraw it, where all but `#12` were told to say which
    question."""
    for form in ["question {}", "#{}", "q{}", "Question #{}", "q {}"]:
        await slack.command("alice", "/ask", "how do we unlock a stuck terraform state?")
        await slack.settle()
        number = (await questions(slack))[-1].id
        await slack.command("alice", "/ask", "withdraw " + form.format(number))
        await slack.settle()
        said = slack.emu.ephemerals(slack.user("alice"))[-1].text
        assert said.startswith(f"Question #{number} withdrawn."), (form, said)


async def test_withdraw_without_a_number_names_the_askers_own(slack: SlackHarness) -> None:
    """`/ask withdraw` alone answered "`/ask withdraw 12`", the help's number, which is
    nobody's question here: it names the asker's own (the newest when there are several), or
    says there is none to withdraw."""

    async def told(text: str) -> str:
        await slack.command("alice", "/ask", text)
        await slack.settle()
        return slack.emu.ephemerals(slack.user("alice"))[-1].text

    said = await told("withdraw")
    assert "you have none open to withdraw" in said and "12" not in said, said
    await told("who can review my terraform module for s3 buckets?")
    await told("how do we rotate the postgres credentials?")
    first, newest = sorted(q.id for q in await questions(slack))
    said = await told("withdraw")
    assert f"`/ask withdraw {newest}`" in said and "12" not in said, said
    await told(f"withdraw {newest}")
    assert f"`/ask withdraw {first}`" in await told("withdraw that one")


async def test_a_mistyped_subcommand_is_not_asked_as_a_question(slack: SlackHarness) -> None:
    """`/ask withdrw 1` meant to withdraw question #1: it is not asked as a question #2 of its
    own (which said it found nobody for "question #2"); the closest command is suggested, and
    #1 stays as it was. A question starting with a command's word is still asked."""
    await slack.command("alice", "/ask", "how do we unlock a stuck terraform state?")
    await slack.settle()
    for typo, meant in (("withdrw 1", "withdraw 1"), ("mnie", "mine"), ("wach", "watch")):
        await slack.command("alice", "/ask", typo)
        await slack.settle()
        said = slack.emu.ephemerals(slack.user("alice"))[-1].text
        assert f"Did you mean `/ask {meant}`?" in said, said
    await slack.command("alice", "/ask", "mine please")
    await slack.settle()
    assert "Your open questions" in slack.emu.ephemerals(slack.user("alice"))[-1].text
    [question] = await questions(slack)
    assert question.status == "open"
    await slack.command("bob", "/ask", "watch out for what when upgrading postgres to 16?")
    await slack.command("carol", "/ask", "help me size the new postgres replicas")
    await slack.settle()
    assert len(await questions(slack)) == 3


async def test_find_an_expert_on_an_apps_alert_asks_about_what_the_alert_says(
    slack: SlackHarness,
) -> None:
    """A monitor's post with no `text` (its words in attachments, as many apps post) is asked
    about in those words, not answered "Tell me a bit more"."""
    message = await slack.post("carol", "general", "placeholder")
    message.text, message.bot_id, message.app_id = "", "B0MONITOR", "A0MONITOR"
    message.attachments = [
        {
            "fallback": "Triggered: terraform apply failed",
            "title": "Triggered: terraform apply failed on prod",
            "text": "terraform state lock could not be acquired for the VPC module",
            "fields": [{"title": "Service", "value": "infra", "short": True}],
        }
    ]
    delivery = await slack.emu.message_shortcut(slack.user("maria"), "find_expert", message)
    assert delivery.ok
    await slack.settle()
    question = (await questions(slack))[0]
    assert "terraform state lock" in question.text and "on prod" in question.text
    assert await offers(slack)


async def test_consent_promises_no_number_that_escalation_would_break(
    slack: SlackHarness,
) -> None:
    """ "Ask 3 colleagues privately?" was untrue once none of the 3 could help and others were
    asked (`test_flow.py`): the asker is told how many come first, and whether others may
    follow: here the three are everyone else, so none are promised
    (`test_consent_promises_no_others_when_nobody_else_might_help`); pressing the button asks
    those."""
    await slack.dm_bot("alice", "how do I rotate the terraform cloud token safely?")
    await slack.settle()
    [consent] = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id][-1:]
    said = (
        "Ask colleagues privately? 3 colleagues, and nobody else I know of might help: "
        "I'll ask only them."
    )
    assert said in consent.text
    assert "Ask 3 colleagues" not in str(consent.blocks)
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    assert len(await offers(slack)) == 3


async def test_find_an_expert_on_askarounds_own_message_is_refused_kindly(
    slack: SlackHarness,
) -> None:
    """ "Find an expert" on askaround's own thread reply ("I'm asking …") or kudos shout-out
    asked it as a question, which later ended "I couldn't find anyone available". The person is
    told privately it is askaround's own message and what to use instead; nothing is asked.
    Another app's message is still asked
    (`test_find_an_expert_on_an_apps_alert_asks_about_what_the_alert_says`)."""
    message = await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> how do we unlock a stuck terraform state?"
    )
    await slack.settle()
    [reply] = [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id]
    assert reply.thread_ts == message.ts
    await slack.command("carol", "/kudos", "@bob for the careful terraform state rescue")
    await slack.settle()
    shoutout = [m for m in slack.emu.messages(slack.channel("general")) if m.bot_id][-1]
    assert "terraform state rescue" in shoutout.text
    for own in (reply, shoutout):
        delivery = await slack.emu.message_shortcut(slack.user("maria"), "find_expert", own)
        assert delivery.ok
        await slack.settle()
        said = slack.emu.ephemerals(slack.user("maria"))[-1].text
        assert "That's my own message" in said and "/ask" in said
    assert len(await questions(slack)) == 1


async def test_a_question_typed_longer_than_is_kept_is_refused_not_cut(slack: SlackHarness) -> None:
    """`/ask` with 4,001 characters or more: the question kept its first 4,000 and the rest
    was lost without a word (the command's text is nowhere else). It is refused with the
    length, nobody is asked; one of 4,000 is asked whole."""
    long = "how do we unlock a stuck terraform state" + " after a failed apply" * 200
    await slack.command("alice", "/ask", long)
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert said == f"That question is {len(long):,} characters; keep it to 4,000 at most."
    assert await questions(slack) == [] and await offers(slack) == []
    await slack.command("alice", "/ask", long[:4000])
    await slack.settle()
    [question] = await questions(slack)
    assert question.text == long[:4000].strip()


async def test_a_question_is_measured_as_typed_not_as_slack_escapes_it(
    slack: SlackHarness,
) -> None:
    """Slack sends a typed `<`, `>` and `&` as `&lt;`, `&gt;` and `&amp;`: a 3,000-character
    `/ask` about `<<>>` and `&&` was refused as "4,608 characters; keep it to 4,000", and one
    over the limit was told a length it never typed. Both count what was typed, and the one
    within it is asked and kept whole."""
    fits = ("does terraform treat <<>> & && as operators? " * 70)[:3000]
    await slack.command("alice", "/ask", fits)
    await slack.settle()
    [question] = await questions(slack)
    assert unescaped(question.text) == fits.strip()
    over = "why does terraform plan <recreate> & <destroy> the vpc?" * 80
    await slack.command("bob", "/ask", over)
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("bob"))[-1].text
    assert said == f"That question is {len(over):,} characters; keep it to 4,000 at most."


async def test_consent_promises_no_others_when_nobody_else_might_help(
    slack: SlackHarness,
) -> None:
    """Only Dev knows Fortran here. "1 colleague first, then others who might help if none of
    them can" promised others that did not exist: once Dev passed, the asker was told there
    was nobody else to ask. The prompt says there is nobody else it knows of."""
    await slack.command("dev", "/skills", "add fortran:5")
    await slack.settle()
    await slack.dm_bot("alice", "how do I speed up our fortran solver's compile?")
    await slack.settle()
    [consent] = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id][-1:]
    assert "1 colleague, and nobody else I know of might help: I'll ask only them." in consent.text
    assert "then others" not in consent.text
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    assert [o.candidate_user_id for o in await offers(slack)] == [slack.user("dev")]
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_decline", message=dev_dm)
    await slack.settle()
    assert len(await offers(slack)) == 1  # nobody else was there to ask
