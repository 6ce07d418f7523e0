"""The visibility rule is decided in one place and nothing in the Slack layer can go around it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import visibility
from bot.visibility import Field

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[2]


def test_everyone_sees_skills_and_status_only_owner_and_routing_see_network() -> None:
    """The matrix: public fields for all; the network for its owner and routing, nobody else."""
    ana, bob = visibility.person("U1"), visibility.person("U2")
    for field in (Field.SKILLS, Field.STATUS, Field.INTERESTS, Field.ORG):
        assert visibility.may_see(bob, "U1", field)
    assert visibility.may_see(ana, "U1", Field.NETWORK)
    assert visibility.may_see(visibility.ROUTING, "U1", Field.NETWORK)
    assert not visibility.may_see(bob, "U1", Field.NETWORK)
    assert not visibility.may_see(visibility.Viewer(user_id=None), "U1", Field.NETWORK)


def test_every_field_has_an_audience() -> None:
    """A new field cannot be added without deciding who sees it (unknown fields are denied)."""
    assert set(visibility.AUDIENCE) == set(Field)


def test_the_slack_layer_cannot_read_networks_directly() -> None:
    """Handlers never import the network's queries, and outside storage only the directory
    package (whose reads go through `visibility`) touches network rows: no surface lists them."""
    for path in (ROOT / "handlers").rglob("*.py"):
        assert not re.search(r"^\s*from storage(\.network| import network)", path.read_text(), re.M)
    readers = {
        path.relative_to(ROOT).as_posix()
        for folder in ("bot", "handlers")
        for path in (ROOT / folder).rglob("*.py")
        if "emulator" not in path.parts
        and re.search(
            r"connections_of|network_entries|models import .*Connection", path.read_text()
        )
    }
    assert readers <= {
        "bot/directory/network.py",
        "bot/directory/profiles.py",
        "bot/directory/importer.py",
    }, readers


def test_team_reports_are_for_the_manager_their_org_and_admins() -> None:
    """A manager reads their own report and those of managers in their org; an admin (Slack
    admin, or role "admin") reads anyone's; nobody else, not even routing; private kudos
    never show their text."""
    maria = visibility.person("U_MARIA")
    assert visibility.may_see_report(maria, "U_MARIA", admin=False, org=set())
    assert visibility.may_see_report(maria, "U_BOB", admin=False, org={"U_BOB"})
    assert not visibility.may_see_report(maria, "U_HANA", admin=False, org={"U_BOB"})
    assert visibility.may_see_report(maria, "U_HANA", admin=True, org=set())
    assert not visibility.may_see_report(visibility.ROUTING, "U_HANA", admin=True, org=set())
    gone = visibility.person("U_MARIA", left=True)  # removed from the workspace: none
    assert not visibility.may_see_report(gone, "U_MARIA", admin=True, org={"U_BOB"})
    assert visibility.is_admin(False, ["manager", "admin"]) and visibility.is_admin(True, None)
    assert not visibility.is_admin(False, ["manager"])
    assert visibility.report_shows(False) and not visibility.report_shows(True)
    assert not visibility.report_shows(False, guest=True)  # a guest of the workspace: counts


def test_private_kudos_and_questions_are_for_the_people_in_them() -> None:
    """A public kudos or question anybody reads; a private one its pair only. READERS, whoever
    reads a routing reason, is nobody in particular: a reason names public evidence only, and
    no network, not even to routing's readers."""
    giver, receiver, other = (visibility.person(u) for u in ("U1", "U2", "U3"))
    for viewer in (giver, receiver, other, visibility.READERS):
        assert visibility.may_see_kudos(viewer, "U1", "U2", is_private=False)
        assert visibility.may_see_question(viewer, "U1", ("U2",), is_private=False)
    for viewer in (giver, receiver):
        assert visibility.may_see_kudos(viewer, "U1", "U2", is_private=True)
        assert visibility.may_see_question(viewer, "U1", ("U2",), is_private=True)
    for viewer in (other, visibility.READERS, visibility.ROUTING):
        assert not visibility.may_see_kudos(viewer, "U1", "U2", is_private=True)
        assert not visibility.may_see_question(viewer, "U1", ("U2",), is_private=True)
    assert not visibility.may_see(visibility.READERS, "U1", Field.NETWORK)


def test_the_asker_is_told_in_the_thread_only_where_the_thread_is_theirs_to_share() -> None:
    """A public question's thread, or the asker's own DM with the bot; a private channel, a
    group DM or a channel shared with another organisation: the asker's DM instead."""
    assert visibility.asker_told_in_thread(is_private=False, in_bot_dm=False)
    assert visibility.asker_told_in_thread(is_private=True, in_bot_dm=True)
    assert not visibility.asker_told_in_thread(is_private=True, in_bot_dm=False)


def test_a_private_question_is_neither_linked_for_colleagues_nor_introduced_in_its_thread() -> None:
    """Its conversation is not theirs: the request quotes it without a link, and asker and
    helper meet in a group DM."""
    assert visibility.may_link_question(is_private=False)
    assert not visibility.may_link_question(is_private=True)
    assert visibility.introduced_in_thread(is_private=False)
    assert not visibility.introduced_in_thread(is_private=True)


def test_a_kudos_recipient_is_pointed_to_a_public_shoutout_only() -> None:
    """Their DM names where a public kudos was shouted out; a private one's conversation is
    not named."""
    assert visibility.may_point_to_shoutout(is_private=False)
    assert not visibility.may_point_to_shoutout(is_private=True)


def test_a_guest_reads_nothing_public_but_what_they_took_part_in() -> None:
    """A guest of the workspace: public kudos and questions as private ones, reasons for their
    question quoting nothing public, and nobody named in the insights."""
    gina, ana = visibility.person("U_GINA", guest=True), visibility.person("U_ANA")
    assert visibility.reads_public(ana) and not visibility.reads_public(gina)
    assert visibility.reasons_readers(asker_is_guest=False) is visibility.READERS
    assert not visibility.reads_public(visibility.reasons_readers(asker_is_guest=True))
    assert not visibility.may_see_kudos(gina, "U_ANA", "U_BOB", is_private=False)
    assert visibility.may_see_kudos(gina, "U_GINA", "U_BOB", is_private=False)
    assert not visibility.may_see_question(gina, "U_ANA", ("U_BOB",), is_private=False)
    assert visibility.may_name_in_insights(ana, "U_BOB", admin=False, org={"U_BOB"})
    assert not visibility.may_name_in_insights(gina, "U_BOB", admin=True, org={"U_BOB"})
    assert visibility.may_name_in_insights(ana, "U_ANA", admin=False, org={"U_BOB"})
    assert not visibility.may_name_in_insights(gina, "U_GINA", admin=False, org={"U_BOB"})


def test_who_removed_askaround_is_named_only_of_a_public_channel() -> None:
    assert visibility.may_name_remover(private=False)
    assert not visibility.may_name_remover(private=True)


def test_only_a_public_channel_is_named_in_plain_text() -> None:
    assert visibility.may_name_channel(private=False)
    assert not visibility.may_name_channel(private=True)


def test_a_request_not_sent_goes_nowhere_once_its_public_question_went_private() -> None:
    assert visibility.may_send_request(made_private=False)
    assert not visibility.may_send_request(made_private=True)
