"""Who may be named an askaround admin in the settings: only an active person of this
workspace. Slack's people picker lists a guest from another organisation met in a shared
channel, a deactivated member and a bot too; before 6 December such a choice was saved, and
a guest so named could open the settings (`bot.visibility.may_be_named`)."""

from __future__ import annotations

from bot.workspace_settings.service import CLI
from handlers.surfaces.workspace_settings import NOT_NAMEABLE
from tests.slack.connect import OTHER_ORG, shared
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text
from tests.slack.settings.world import home_of, settings_modal, text_of


def zed_in_partners(slack: SlackHarness) -> str:
    """#partners, shared with another organisation, and Zed in it, of that organisation."""
    partners = shared(slack, ("alice", "bob", "hana"))
    zed = slack.emu.workspace.add_user("zed", real_name="Zed Partner").id
    slack.users["zed"] = zed
    slack.emu.workspace.join(partners, zed)
    slack.emu.workspace.guests[zed] = OTHER_ORG
    return zed


async def named_admins(slack: SlackHarness) -> tuple[str, ...]:
    return (await slack.services.workspace_settings.current(slack.team_id)).askaround_admins


async def pick_admins(slack: SlackHarness, *picked: str) -> dict[str, str]:
    """Hana names `picked` in the settings' people picker and saves; the errors shown."""
    modal = await settings_modal(slack, "hana")
    delivery = await slack.emu.submit_view(
        slack.user("hana"), modal.id, {"askaround_admins": {"value": list(picked)}}
    )
    await slack.settle()
    assert delivery.response is not None
    return dict(delivery.response.get("errors") or {})


async def test_a_guest_from_another_organisation_is_refused_on_the_field(
    slack: SlackHarness,
) -> None:
    zed = zed_in_partners(slack)
    errors = await pick_admins(slack, slack.user("bob"), zed)
    assert errors == {"askaround_admins": f"Zed Partner: {NOT_NAMEABLE}"}
    assert await named_admins(slack) == ()  # all or none: bob is not named either
    assert await pick_admins(slack, slack.user("bob")) == {}
    assert await named_admins(slack) == (slack.user("bob"),)


async def test_a_deactivated_member_or_a_bot_is_refused_on_the_field(
    slack: SlackHarness,
) -> None:
    alice = slack.user("alice")
    slack.emu.workspace.user(alice).deleted = True  # no event heard
    assert (await pick_admins(slack, alice)) == {
        "askaround_admins": f"Alice Martin: {NOT_NAMEABLE}"
    }
    helper = slack.emu.workspace.add_user("helperbot", real_name="Helper Bot")
    helper.is_bot = True
    assert (await pick_admins(slack, helper.id)) == {
        "askaround_admins": f"Helper Bot: {NOT_NAMEABLE}"
    }
    assert await named_admins(slack) == ()


async def test_a_guest_named_before_cannot_open_the_settings(slack: SlackHarness) -> None:
    """Zed named before the picker refused it (here by the command line, which names by id):
    `/askaround settings` tells him who may, his Home tab has no settings, and a Save
    forged in his name changes nothing. Bob, named with him, still may."""
    zed = zed_in_partners(slack)
    bob = slack.user("bob")
    await slack.services.workspace_settings.change(
        slack.team_id, {"askaround_admins": f"{zed}, {bob}"}, by=CLI
    )
    await slack.command("zed", "/askaround", "settings")
    await slack.settle()
    assert slack.emu.open_modal(zed) is None
    await slack.command("bob", "/askaround", "settings")
    await slack.settle()
    assert slack.emu.open_modal(bob) is not None
    assert "Settings (admins)" in text_of(await home_of(slack, "bob"))
    slack.emu.workspace.user(bob).deleted = True  # deactivated since, no event heard
    await slack.command("bob", "/askaround", "settings")
    await slack.settle()
    assert "Only askaround admins" in ephemeral_text(slack, "bob")


async def test_a_guest_of_this_workspace_is_refused_on_the_field(slack: SlackHarness) -> None:
    """Gina, a multi-channel guest (Slack's `is_restricted`), and Hal, a single-channel one
    (`is_ultra_restricted` too), read only the channels they were invited to: the picker
    lists them, and naming either was saved until 6 December."""
    gina = slack.emu.workspace.add_user("gina", real_name="Gina Guest", guest="multi")
    hal = slack.emu.workspace.add_user("hal", real_name="Hal Guest", guest="single")
    for guest, name in ((gina, "Gina Guest"), (hal, "Hal Guest")):
        errors = await pick_admins(slack, slack.user("bob"), guest.id)
        assert errors == {"askaround_admins": f"{name}: {NOT_NAMEABLE}"}
    assert await named_admins(slack) == ()


async def test_a_member_named_before_and_made_a_guest_cannot_open_the_settings(
    slack: SlackHarness,
) -> None:
    """Bob, named when he was a member, made a single-channel guest since (no event heard):
    `/askaround settings` tells him who may, and his Home tab has no settings."""
    bob = slack.user("bob")
    assert await pick_admins(slack, bob) == {}
    await slack.command("bob", "/askaround", "settings")
    await slack.settle()
    assert slack.emu.open_modal(bob) is not None
    user = slack.emu.workspace.user(bob)
    user.is_restricted = user.is_ultra_restricted = True
    await slack.command("bob", "/askaround", "settings")
    await slack.settle()
    assert "Only askaround admins" in ephemeral_text(slack, "bob")
    assert "Settings (admins)" not in text_of(await home_of(slack, "bob"))
