"""The Home tab's buttons used by a guest from another organisation (Slack Connect): their
Home tab is never published and the commands refuse them, but a button is only a payload, and
a form may have been opened before Slack described them as the other organisation's.

*Edit profile*: its button opens no form for them, its skill type-ahead offers none of this
workspace's skill names (who knows what), and Save stores no profile for them (a guest's
profile is never stored, `docs/privacy.md`), nor keeps what they typed in the inbox. Before,
the button opened the form, the type-ahead listed the workspace's skills and Save stored the
guest's skills and network. *Full report*: refused as `/kudos report` refuses them.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select

from handlers.client.directory import ONLY_MEMBERS
from storage.models import Person
from tests.slack.connect import OTHER_ORG
from tests.slack.harness import SlackHarness
from tests.slack.privacy.test_kudos_form_guests import as_guest, home_click, told
from tests.slack.questions.test_refused_kept_nowhere import MARKER, kept_of
from tests.slack.questions.test_slack_connect import zed_in_partners


async def guest_row(slack: SlackHarness, user_id: str) -> Person | None:
    async with slack.services.sessions() as s:
        return await s.scalar(
            select(Person).where(Person.team_id == slack.team_id, Person.user_id == user_id)
        )


async def test_the_edit_profile_button_opens_no_form_for_a_guest(slack: SlackHarness) -> None:
    edit = await home_click(slack, "alice", "Edit profile")
    zed = zed_in_partners(slack)
    await as_guest(slack, edit, zed)
    assert slack.emu.open_modal(zed) is None
    assert told(slack, zed) == [ONLY_MEMBERS]
    assert await kept_of(slack, zed) == []
    assert await guest_row(slack, zed) is None


async def test_a_guests_open_profile_form_offers_and_saves_nothing(slack: SlackHarness) -> None:
    """Zed's form opened before Slack described him as the other organisation's (the
    emulator's `guests` set after, his row gone, as where an older askaround opened the form
    for anyone and stored nothing): typing "terra" offers nothing (Bob, Dev and Maria declared
    Terraform), and Save is refused on the form, storing nothing of his."""
    zed = zed_in_partners(slack)
    del slack.here.workspace.guests[zed]
    edit = await home_click(slack, "alice", "Edit profile")
    await as_guest(slack, edit, zed)
    modal = slack.emu.open_modal(zed)
    assert modal is not None
    async with slack.services.sessions() as s, s.begin():  # as if never described by Slack
        await s.execute(delete(Person).where(Person.user_id == zed))
    slack.advance(timedelta(minutes=2))  # past what a replica keeps in memory
    slack.here.workspace.guests[zed] = OTHER_ORG
    assert await slack.emu.suggest(zed, "skills_level_4", "terra", modal.id) == []
    await slack.emu.submit_view(
        zed,
        modal.id,
        {
            "level_4": {"skills_level_4": [MARKER]},
            "network": {"network": f"Zelda Plinth about {MARKER}"},
        },
    )
    await slack.settle()
    assert ONLY_MEMBERS in str(modal.errors)
    assert await guest_row(slack, zed) is None
    assert [body for body in await kept_of(slack, zed) if MARKER in body] == []


async def test_the_full_report_button_shows_a_guest_nothing(slack: SlackHarness) -> None:
    """The Home tab's *Full report*, a manager's, pressed by Zed: he is told he is a guest
    here, as `/kudos report` tells him, and nothing of his request is kept. Before, he was
    told he manages nobody, and his request stayed in the inbox for a day."""
    await slack.command("alice", "/skills", "add terraform:3")  # stored, as Bob is
    await slack.settle()
    async with slack.services.sessions() as s, s.begin():
        for handle in ("alice", "bob"):
            person = await s.scalar(
                select(Person).where(
                    Person.team_id == slack.team_id, Person.user_id == slack.user(handle)
                )
            )
            assert person is not None
            person.manager_user_id = slack.user("maria")
    report = await home_click(slack, "maria", "Full report")
    zed = zed_in_partners(slack)
    await as_guest(slack, report, zed)
    assert slack.emu.open_modal(zed) is None
    assert told(slack, zed) == [ONLY_MEMBERS]
    assert await kept_of(slack, zed) == []
