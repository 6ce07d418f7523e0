"""Someone askaround never stored whom Slack will not describe (`users.info` answers
`user_not_found` or `user_not_visible`, as it may of a member of another organisation in a
shared channel): whether they are of this workspace cannot be told, so they see nothing of
it and give nothing to it, on any path, and nothing of them is stored. A member askaround
stored, whom Slack no longer describes, is still its own."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from handlers.client.directory import UNSAID_MEMBER, sync_directory
from handlers.dispatch.friendly import SLACK_BUSY
from storage.models import Kudos, Offer, Person, Question
from tests.slack.connect import OTHER_ORG, shared
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state in production?"
THEIRS = ("quokka", "Bob Chen", "Terraform", "terraform", "Alice")
ANSWERS = ("user_not_found", "user_not_visible")
HERE = ("alice", "bob", "carol", "maria")
# Wednesday 2 December 2026, 10:00 UTC: a working moment in London, whatever day the tests run.
WEDNESDAY_MORNING = datetime(2026, 12, 2, 10, tzinfo=UTC)


async def company(slack: SlackHarness) -> None:
    """Alice thanked Bob for the quokka rollout, and Bob knows Terraform."""
    await slack.command("alice", "/kudos", f"<@{slack.user('bob')}> for the quokka rollout")
    await slack.command("bob", "/skills", "add terraform:4")
    await slack.settle()


def stranger(slack: SlackHarness, answer: str, *, guest: bool = True) -> str:
    """Zed, in #partners, whom Slack will not describe; with `guest`, his events name his
    own organisation, as Slack's do for a member of another one."""
    partners = shared(slack, HERE)
    ws = slack.here.workspace
    zed = ws.add_user("zed", real_name="Zed Partner").id
    slack.users["zed"] = zed
    ws.join(partners, zed)
    if guest:
        ws.guests[zed] = OTHER_ORG
    ws.undescribed[zed] = answer
    return zed


async def kept(slack: SlackHarness) -> tuple[list[int], list[int], list[int], set[str]]:
    """The kudos, questions and offers kept (their ids), and who has a profile."""
    async with slack.services.sessions() as s:
        return (
            list(await s.scalars(select(Kudos.id))),
            list(await s.scalars(select(Question.id))),
            list(await s.scalars(select(Offer.id))),
            set(await s.scalars(select(Person.user_id))),
        )


def told(slack: SlackHarness, user_id: str) -> str:
    """Everything the bot said to this person alone: ephemerals and its DMs."""
    lines = [f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(user_id)]
    lines += [f"{m.text}\n{m.blocks}" for m in slack.emu.dm_messages(user_id) if m.bot_id]
    return "\n".join(lines)


def nothing_shown(slack: SlackHarness, zed: str) -> None:
    seen = told(slack, zed)
    for theirs in (*THEIRS, slack.user("bob")):
        assert theirs not in seen, seen
    texts = [e.text for e in slack.emu.ephemerals(zed)]
    texts += [m.text for m in slack.emu.dm_messages(zed) if m.bot_id]
    assert texts.count(UNSAID_MEMBER) == 1, texts


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/skills", "who terraform"),
        ("/skills", "@bob"),
        ("/kudos", "report"),
        ("/kudos", "report @bob"),
        ("/askaround", "network"),
        ("/ask", QUESTION),
        ("/kudos", "top"),
        ("/kudos", "@bob"),
        ("/kudos", "@bob for the partner release"),
    ],
)
async def test_a_command_from_someone_slack_will_not_describe_is_refused(
    slack: SlackHarness, answer: str, command: str, text: str
) -> None:
    """Each command says askaround cannot tell Zed is one of its people, shows him nobody's
    kudos, skills, report or network, asks nobody for him, and stores nothing."""

    async def typed(zed: str) -> None:
        slack.emu.workspace.users[zed].is_admin = True  # of his own workspace, if any
        named = text.replace("@bob", f"<@{slack.user('bob')}>")
        await slack.command("zed", command, named, channel="partners")

    await refused(slack, answer, typed)


@pytest.mark.parametrize("answer", ANSWERS)
async def test_a_mention_from_someone_slack_will_not_describe_asks_nobody(
    slack: SlackHarness, answer: str
) -> None:
    """Zed's mention names no other organisation (a payload may name none), and Slack will
    not describe him: nobody is asked for him, no solved question is shown, nothing is
    stored."""

    async def mention(_zed: str) -> None:
        await slack.post("zed", "partners", f"<@{slack.emu.bot_user_id}> {QUESTION}")

    await refused(slack, answer, mention, guest=False)


@pytest.mark.parametrize("answer", ANSWERS)
async def test_a_reaction_from_someone_slack_will_not_describe_gives_nothing(
    slack: SlackHarness, answer: str
) -> None:
    async def react(zed: str) -> None:
        message = await slack.post("bob", "partners", "I shipped it: the partner release is out")
        await slack.here.add_reaction(zed, slack.channel("partners"), message.ts, "kudos")

    await refused(slack, answer, react)


async def refused(
    slack: SlackHarness,
    answer: str,
    act: Callable[[str], Awaitable[None]],
    *,
    guest: bool = True,
) -> None:
    """Zed (`stranger`) acts: he is told why in one line, shown nothing of the company, and
    nobody is asked or told anything for him, nor anything stored."""
    await company(slack)
    before, dms = await kept(slack), dms_of_colleagues(slack)
    zed = stranger(slack, answer, guest=guest)
    await act(zed)
    await slack.settle()
    nothing_shown(slack, zed)
    assert await kept(slack) == before
    assert dms_of_colleagues(slack) == dms


def dms_of_colleagues(slack: SlackHarness) -> list[int]:
    return [
        len([m for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]) for handle in HERE
    ]


@pytest.mark.parametrize("answer", ANSWERS)
async def test_someone_slack_will_not_describe_opens_no_home_tab(
    slack: SlackHarness, answer: str
) -> None:
    await company(slack)
    before = await kept(slack)
    zed = stranger(slack, answer)
    await slack.here.open_home(zed)
    await slack.settle()
    assert slack.here.home_view(zed) is None
    assert await kept(slack) == before


async def test_slack_busy_describing_them_says_try_again_and_stores_nothing(
    slack: SlackHarness,
) -> None:
    """Slack failing (a 503 after the client's own retries) is no answer either way: Zed is
    told to try again, not refused for good, and nothing is stored; asked again, he is
    refused as Slack then answers."""
    await company(slack)
    before = await kept(slack)
    zed = stranger(slack, "user_not_found")
    slack.emu.faults.add("users.info", status=503, times=None)
    await slack.command("zed", "/skills", "who terraform", channel="partners")
    await slack.settle()
    assert SLACK_BUSY in told(slack, zed) and UNSAID_MEMBER not in told(slack, zed)
    assert await kept(slack) == before
    slack.emu.faults.clear()
    await slack.command("zed", "/skills", "who terraform", channel="partners")
    await slack.settle()
    assert UNSAID_MEMBER in told(slack, zed)
    assert await kept(slack) == before


async def test_a_member_stored_long_ago_whom_slack_no_longer_describes_is_still_ours(
    slack: SlackHarness,
) -> None:
    """Maria was described (and stored) two days ago; Slack now will not describe her.
    askaround stores only its own people, so `/skills who` answers her as before."""
    await company(slack)
    maria = slack.user("maria")
    await slack.command("maria", "/skills", "add kubernetes:3")
    await slack.settle()
    async with slack.services.sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(Person.user_id == maria)
            .values(updated_at=datetime.now(UTC) - timedelta(days=2))
        )
    slack.advance(timedelta(minutes=5))  # past the profile kept in memory
    slack.here.workspace.undescribed[maria] = "user_not_found"
    await slack.command("maria", "/skills", "who terraform")
    await slack.settle()
    said = told(slack, maria)
    assert UNSAID_MEMBER not in said
    assert f"<@{slack.user('bob')}>" in said.split("Who knows Terraform")[-1], said


async def test_a_guest_named_in_a_question_is_not_stored_and_sees_nothing(
    slack: SlackHarness,
) -> None:
    """Alice's question names Carol, of the other organisation: the messages that quote it
    name her, but she is not stored as one of this workspace's people, so her `/skills who`
    is still refused."""
    slack.services.clock.freeze(WEDNESDAY_MORNING)  # Bob, in London, is at work
    await company(slack)
    carol = slack.user("carol")
    shared(slack, HERE)
    await slack.command("alice", "/ask", f"how does <@{carol}> unlock a stuck terraform state?")
    await slack.drain()
    assert "Carol Diaz" in told(slack, slack.user("bob"))
    assert carol not in (await kept(slack))[3]
    await slack.command("carol", "/skills", "who terraform", channel="partners")
    await slack.settle()
    assert "Who knows Terraform" not in told(slack, carol)


async def test_the_directory_sync_stores_no_member_of_another_organisation(
    slack: SlackHarness,
) -> None:
    """Should `users.list` list Carol, of the other organisation (with her own team), the
    daily sync does not store her: one stored passes for a member."""
    shared(slack, HERE)
    client = slack.runner.bot.app.client
    await sync_directory(client, slack.services, slack.team_id)
    people = (await kept(slack))[3]
    assert slack.user("carol") not in people and slack.user("bob") in people
    await slack.command("carol", "/skills", "who terraform", channel="partners")
    await slack.settle()
    assert "you're a guest here from another organisation" in told(slack, slack.user("carol"))
