"""Issue 13: an admin changes askaround's settings in Slack, through the real front door.

Hana (a Slack workspace admin) opens her Home tab, presses *Change settings*, is shown every
refusal next to its field (`response_action: errors`), saves, and the very next `/kudos`,
given on another path, obeys the change; the audit log lists it. A colleague who is not an
admin sees no settings and a submission forged in their name changes nothing.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.workspace_settings.keys import BY_NAME, MAX_REACTIONS, MAX_ROLES, MAX_VALUES
from bot.workspace_settings.service import CLI
from storage import workspaces
from storage.models import SettingChange, WatchedChannel
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, ephemeral_text, give, kudos_posts, ledger
from tests.slack.settings.world import (
    forge,
    home_of,
    settings_modal,
    submitted,
    text_of,
    valid_view,
)


async def audit_rows(slack: SlackHarness) -> list[SettingChange]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(SettingChange).order_by(SettingChange.id)))


async def test_a_refused_value_is_shown_on_its_field_and_nothing_changes(
    slack: SlackHarness,
) -> None:
    """Kudos a day 0, a value with a space, and #secret (private) as a watched channel and
    as the kudos channel: the ack is `response_action: errors` with a message on each of the
    four fields, the modal stays open, and no setting or audit row is written."""
    hana = slack.user("hana")
    modal = await settings_modal(slack, "hana")
    delivery = await slack.emu.submit_view(
        hana,
        modal.id,
        {
            "daily_allowance": {"value": "0"},
            "values": {"value": "teamwork, great work"},
            "watched_channels": {"value": [slack.channel("secret")]},
            "kudos_channel": {"value": slack.channel("secret")},
        },
    )
    assert delivery.response is not None and delivery.response["response_action"] == "errors"
    errors = delivery.response["errors"]
    assert "from 1 to 100" in errors["daily_allowance"]
    assert "can't be a company value" in errors["values"]
    assert "only watch public channels" in errors["watched_channels"]
    assert "pick a public channel" in errors["kudos_channel"]
    assert slack.emu.open_modal(hana) is modal
    assert (await slack.services.workspace_settings.current(slack.team_id)).daily_allowance == 5
    assert await audit_rows(slack) == []


async def test_a_channel_refused_on_its_field_is_named_in_words(slack: SlackHarness) -> None:
    """Slack shows a modal field's error as plain text, where `<#C…>` stays markup: the
    channel the bot is not in is named `#design`, and the admin is told to save again (not to
    run `/ask watch`, which is another door)."""
    design = slack.emu.workspace.add_channel("design", include_bot=False).id
    modal = await settings_modal(slack, "hana")
    delivery = await slack.emu.submit_view(
        slack.user("hana"), modal.id, {"watched_channels": {"value": [design]}}
    )
    assert delivery.response is not None
    error = delivery.response["errors"]["watched_channels"]
    assert error.startswith("#design: ") and "<" not in error, error
    assert "save the settings again" in error and "/ask watch" not in error


async def test_a_private_channel_refused_on_its_field_is_not_named(slack: SlackHarness) -> None:
    """The pickers list public channels only, so a private one arrives only from a modified
    client (or made private meanwhile): #layoffs, which the bot is in and Hana is not, is
    refused as the kudos channel and as a watched one without its name."""
    layoffs = slack.emu.workspace.add_channel("layoffs", is_private=True).id
    modal = await settings_modal(slack, "hana")
    delivery = await slack.emu.submit_view(
        slack.user("hana"),
        modal.id,
        {"watched_channels": {"value": [layoffs]}, "kudos_channel": {"value": layoffs}},
    )
    assert delivery.response is not None
    errors = delivery.response["errors"]
    # It read "That channel: pick a public channel: shout-outs there are for everyone to read."
    assert errors["kudos_channel"] == (
        "That channel is private: pick a public channel, where shout-outs are for everyone to read."
    )
    assert "only watch public channels" in errors["watched_channels"]
    assert "layoffs" not in str(errors), errors


async def test_saved_settings_rule_the_next_kudos_and_are_in_the_audit_log(
    slack: SlackHarness,
) -> None:
    """Carol thanks bob #craft. Hana saves: 1 kudos a day, #craft renamed #quality, #courage
    retired, reasons of 20 characters, bob named an askaround admin. Then `/kudos` (another
    path than the modal): alice may thank one person, not two; #craft and #courage are
    refused, each said to be retired, with the current values (not that it "is not one of our
    values", as if never heard of), while a value never had still is; #quality is taken; a
    short reason is refused. Carol's kudos still shows #craft and still counts on the #craft
    leaderboard. The audit log, opened from Home, says hana
    changed each key; bob's Home tab has the settings now."""
    hana = slack.user("hana")
    await give(slack, "carol", "@bob for the careful schema migration #craft", "general")
    modal = await settings_modal(slack, "hana")
    delivery = await slack.emu.submit_view(
        hana,
        modal.id,
        {
            "daily_allowance": {"value": "1"},
            "values": {"value": "teamwork, ownership, customer-first, craft -> quality"},
            "min_reason_length": {"value": "20"},
            "askaround_admins": {"value": [slack.user("bob")]},
        },
    )
    assert delivery.response is not None and delivery.response["response_action"] == "update"
    assert "Settings saved" in str(delivery.response["view"])
    await slack.settle()

    await give(slack, "alice", "@bob @carol for untangling the release pipeline", "general")
    assert "You have 1 of 1 kudos left today" in ephemeral_text(slack, "alice")
    await give(slack, "alice", "@bob for the hotfix", "general")
    assert "at least 20 characters" in ephemeral_text(slack, "alice")
    await give(slack, "alice", "@bob for untangling the release pipeline #craft", "general")
    current = "current values: #customer-first #ownership #quality #teamwork"
    assert f"#craft was retired; {current}" in ephemeral_text(slack, "alice")
    await give(slack, "alice", "@bob for untangling the release pipeline #courage", "general")
    assert f"#courage was retired; {current}" in ephemeral_text(slack, "alice")
    await give(slack, "alice", "@bob for untangling the release pipeline #grit", "general")
    assert "#grit is not one of our values" in ephemeral_text(slack, "alice")
    await give(slack, "alice", "@bob for untangling the release pipeline #quality", "general")
    given = [(k.giver_user_id, k.values) for k in await ledger(slack)]
    assert given == [(slack.user("carol"), ["craft"]), (slack.user("alice"), ["quality"])]
    # The kudos given before #craft was retired still reads with it.
    await give(slack, "maria", "@bob", "general")
    assert "#craft" in ephemeral_text(slack, "maria")
    await give(slack, "maria", "top month #craft", "general")
    assert "Bob Chen · 1" in ephemeral_text(slack, "maria")

    changed = {(r.key, r.changed_by) for r in await audit_rows(slack)}
    assert changed == {
        (key, hana)
        for key in ("daily_allowance", "values", "min_reason_length", "askaround_admins")
    }
    home = await home_of(slack, "hana")
    await slack.emu.click(hana, "settings_audit", view=home)
    await slack.settle()
    audit = slack.emu.open_modal(hana)
    assert audit is not None and "Settings changes" in str(audit.spec["title"])
    valid_view(audit)
    shown = text_of(audit)
    assert f"<@{hana}> changed *Kudos a day*" in shown and "“5” to “1”" in shown
    # Bob was named an askaround admin: his Home tab has the settings now, the digest's hour
    # said as whose it is (each manager gets it at that hour where they are).
    bobs = text_of(await home_of(slack, "bob"))
    assert "Settings (admins)" in bobs and "09:00 in each manager's time zone" in bobs
    # and the two settings it left out until 6 December: the shortest reason, and who besides
    # Slack's admins may change the settings
    assert "*Shortest reason:* 20 characters" in bobs, bobs
    assert f"*askaround admins:* <@{slack.user('bob')}>" in bobs, bobs


async def test_someone_who_is_not_an_admin_can_neither_see_nor_change_settings(
    slack: SlackHarness,
) -> None:
    """Alice's Home tab has no settings section. `/askaround settings` tells her who may.
    Hana's Save and her *Change settings* click, replayed as alice's (signed, through the
    front door), are refused: no modal opens for her, nothing is changed or logged."""
    alice, hana = slack.user("alice"), slack.user("hana")
    home = await home_of(slack, "alice")
    assert "Settings (admins)" not in text_of(home)
    headers = [b["text"]["text"] for b in home.blocks if b["type"] == "header"]
    assert headers[0] == "Kudos"  # her own things first, under the welcome
    await slack.command("alice", "/askaround", "settings")
    await slack.settle()
    assert "Only askaround admins" in ephemeral_text(slack, "alice")

    hana_home = await home_of(slack, "hana")
    click = await slack.emu.click(hana, "settings_open", view=hana_home)
    await slack.settle()
    modal = slack.emu.open_modal(hana)
    assert modal is not None
    save = await slack.emu.submit_view(hana, modal.id, {"daily_allowance": {"value": "7"}})
    assert save.response is not None and save.response["response_action"] == "update"
    assert [r.key for r in await audit_rows(slack)] == ["daily_allowance"]

    opened = len(slack.emu.calls_to("views.open"))
    await forge(slack, click, "alice")
    assert len(slack.emu.calls_to("views.open")) == opened
    assert slack.emu.open_modal(alice) is None
    forged = await forge(slack, save, "alice")
    assert forged.response is not None and forged.response["response_action"] == "update"
    assert "Only askaround admins" in str(forged.response["view"])
    assert [r.key for r in await audit_rows(slack)] == ["daily_allowance"]
    assert (await slack.services.workspace_settings.current(slack.team_id)).daily_allowance == 7


async def test_slash_command_opens_the_modal_and_watched_channels_are_saved(
    slack: SlackHarness,
) -> None:
    """`/askaround settings` opens the same modal for an admin; a public channel the bot is
    in is watched after Save, and taken out again the same way."""
    hana = slack.user("hana")
    await slack.command("hana", "/askaround", "settings")
    await slack.settle()
    modal = slack.emu.open_modal(hana)
    assert modal is not None and modal.spec.get("callback_id") == "workspace_settings"
    general = slack.channel("general")
    await slack.emu.submit_view(hana, modal.id, {"watched_channels": {"value": [general]}})
    async with slack.services.sessions() as s:
        watched = (await s.scalars(select(WatchedChannel.channel_id))).all()
    assert watched == [general]
    modal = await settings_modal(slack, "hana")
    assert modal.blocks[-2]["element"]["initial_conversations"] == [general]
    await slack.emu.submit_view(hana, modal.id, {"watched_channels": {"value": []}})
    async with slack.services.sessions() as s:
        assert (await s.scalars(select(WatchedChannel.channel_id))).all() == []


async def test_the_kudos_channel_is_where_public_kudos_go_as_its_hint_says(
    slack: SlackHarness,
) -> None:
    """With #kudos set, kudos given in #general are shouted out there, and those given in the
    private #secret stay in #secret; the field's hint in the settings modal says both (it
    said every shout-out was posted in the kudos channel)."""
    kudos_channel = slack.emu.workspace.add_channel("kudos").id
    await slack.services.workspace_settings.change(
        slack.team_id, {"kudos_channel": kudos_channel}, by=CLI
    )
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    await give(slack, "alice", "@carol for the quiet fix #teamwork", channel="secret")
    assert [m.text for m in slack.emu.messages(kudos_channel) if m.by_bot] == [
        f":tada: <@{slack.user('alice')}> gave kudos to <@{slack.user('bob')}>: "
        "untangling the release"
    ]
    assert len(kudos_posts(slack, "secret")) == 1
    modal = await settings_modal(slack, "hana")
    [field] = [b for b in modal.blocks if b.get("block_id") == "kudos_channel"]
    hint = field["hint"]["text"]
    assert "public kudos" in hint and "private kudos stay where they were given" in hint, hint


async def test_the_public_roundups_hint_says_when_it_is_posted(slack: SlackHarness) -> None:
    """The roundup goes on the digest's day and hour in the time zone most people are in
    (docs/digests.md); the modal's hint said only "each week"."""
    modal = await settings_modal(slack, "hana")
    [field] = [b for b in modal.blocks if b.get("block_id") == "digest_roundup"]
    hint = field["hint"]["text"]
    assert "on the digest's day and hour" in hint and "time zone most" in hint, hint


async def test_each_menus_hint_names_its_choices_as_the_menu_shows_them(
    slack: SlackHarness,
) -> None:
    """*Digest covers* offers "Everyone below them" and "Direct reports only", but its hint
    read "all: everyone below; direct: direct reports.", the command line's words, which the
    menu shows nowhere. A hint that names a choice by its stored word (`yes`, `all`) names
    it as the menu does too."""
    modal = await settings_modal(slack, "hana")
    for field in (b for b in modal.blocks if b.get("type") == "input"):
        hint = field["hint"]["text"].lower()
        for option in field["element"].get("options") or []:
            value, label = option["value"], option["text"]["text"]
            if value.isalpha() and re.search(rf"\b{value}\b", hint):
                assert label.lower() in hint, (field["block_id"], label, hint)


async def test_the_digest_day_says_which_week_the_digest_covers(slack: SlackHarness) -> None:
    """Whichever day is picked, a digest covers the week before, Monday to Sunday, in the
    manager's time zone (`bot.digests.weeks.due_week`); only docs/digests.md said so, and an
    admin picking Friday could expect the week then ending. The form's *Digest day* and
    *Digest hour* hints and the Home tab's settings in brief say it, in Block Kit's limits."""
    modal = valid_view(await settings_modal(slack, "hana"))
    hints = {b["block_id"]: b["hint"]["text"] for b in modal["blocks"] if b["type"] == "input"}
    assert "the week before, Monday to Sunday" in hints["digest_weekday"], hints
    assert "Monday to Sunday" in hints["digest_hour"], hints
    assert all(len(h) <= 2000 for h in hints.values())
    home = text_of(await home_of(slack, "hana"))
    assert "of the week before (Monday to Sunday)" in home, home


@pytest.mark.usefixtures("ack_deadline_now")  # the Retry-After is waited on the fake clock
async def test_settings_saved_while_slack_is_slow_are_told_in_a_dm(slack: SlackHarness) -> None:
    """Save pressed while Slack answers `users.info` (is she an admin?) with a rate limit
    longer than it waits for the ack: the ack goes in time, empty (the form closes), the
    channel is watched, and what the form would have turned into is told in Hana's DM. Bolt
    answered 404 before, and Slack showed an error on settings that were saved anyway."""
    hana, general = slack.user("hana"), slack.channel("general")
    modal = await settings_modal(slack, "hana")
    slack.emu.faults.add("users.info", status=429, retry_after=3)
    before = slack.pace.monotonic()
    saved = await slack.emu.submit_view(hana, modal.id, {"watched_channels": {"value": [general]}})
    await slack.settle()
    assert (saved.status, saved.ok) == (200, True)
    assert slack.pace.monotonic() - before >= 3  # the Retry-After was waited out
    async with slack.services.sessions() as s:
        assert (await s.scalars(select(WatchedChannel.channel_id))).all() == [general]
    told = [m.text for m in slack.emu.dm_messages(hana) if m.by_bot]
    assert told and told[-1].startswith("Saved, in effect now:")


async def test_a_role_given_twice_is_refused_as_a_value_given_twice_is(
    slack: SlackHarness,
) -> None:
    """`Manager=8, manager=3` in *Kudos a day by role* saved `manager=3`, the admin's 8 lost
    without a word, where `Teamwork, teamwork` in *Company values* is refused as listed
    twice: the role is now refused on its field the same way, and nothing is saved."""
    response = await submitted(
        slack, "hana", {"role_allowances": {"value": "Manager=8, lead=4, manager=3"}}
    )
    assert response["response_action"] == "errors"
    assert response["errors"]["role_allowances"] == "manager is listed twice."
    assert (await slack.services.workspace_settings.current(slack.team_id)).role_allowances == {}


async def test_values_left_out_are_said_retired_in_the_confirmation(
    slack: SlackHarness,
) -> None:
    """Saving *Company values* without three of the five said only the two kept, so an admin
    who left them out by mistake read no word of the three retired (renamed `craft` too)."""
    response = await submitted(
        slack, "hana", {"values": {"value": "teamwork, ownership, craft -> quality"}}
    )
    assert response["response_action"] == "update"
    said = str(response["view"]["blocks"])
    assert "“ownership, quality, teamwork”" in said, said
    assert "Retired (old kudos keep them): #courage, #craft, #customer-first" in said, said


# Every list setting at its longest: thirty long values, thirty long roles, ten long reactions.
LONGEST = {
    "values": ", ".join(f"new{i:02d}{'y' * 59}" for i in range(MAX_VALUES)),
    "role_allowances": ", ".join(f"role {'r' * 50} {i:02d}=5" for i in range(MAX_ROLES)),
    "kudos_reactions": ", ".join(f"clap{i}{'_' * 40}" for i in range(MAX_REACTIONS)),
    "daily_allowance": "7",
}


@pytest.mark.postgres_too  # ten reactions at their longest: 1,009 characters
async def test_a_confirmation_longer_than_a_section_names_every_setting_saved(
    slack: SlackHarness,
) -> None:
    """Thirty long values replaced (each retired one named), thirty long roles and ten long
    reactions saved at once: a confirmation of more than 3,000 characters, which was one
    section cut with "…" before its last settings. It takes as many sections as it needs."""
    old = [f"old{i:02d}{'x' * 59}" for i in range(MAX_VALUES)]
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, old)
    response = await submitted(slack, "hana", {k: {"value": v} for k, v in LONGEST.items()})
    assert response["response_action"] == "update"
    view = valid_view(response["view"])
    said = "\n".join(b["text"]["text"] for b in view["blocks"])
    assert len(said) > 3000
    for label in ("Company values", "Kudos a day by role", "Kudos reactions", "Kudos a day:"):
        assert f"*{label}" in said, said[-300:]
    assert f"#{old[-1]}" in said and not said.endswith("…"), said[-300:]


@pytest.mark.postgres_too  # ten reactions at their longest: 1,009 characters
async def test_the_admins_home_section_shows_every_setting_at_their_longest(
    slack: SlackHarness,
) -> None:
    """The settings in brief on an admin's Home tab were one section: with the values, roles
    and reactions at their longest it passed 3,000 characters and was cut with "…" before
    the shout-outs, the digest and the watched channels. It takes the sections it needs."""
    await submitted(slack, "hana", {k: {"value": v} for k, v in LONGEST.items()})
    home = await home_of(slack, "hana")
    said = "\n".join(str((b.get("text") or {}).get("text", "")) for b in home.blocks)
    for label in (
        "Company values:",
        "Kudos a day:",
        "Kudos channel:",
        "Digest:",
        "Watched channels:",
    ):
        assert f"*{label}*" in said, said[-300:]
    assert "role rrrr" in said and ":clap9" in said, said[-300:]


async def test_retired_values_past_what_the_modal_line_holds_are_counted(
    slack: SlackHarness,
) -> None:
    """Values retired year after year pile up: the settings modal's "Retired" line passed
    3,000 characters and was cut with "…" where its text ended. It names as many as fit and
    counts the rest."""
    for year in range(3):
        names = ", ".join(f"y{year}v{i:02d}{'z' * 58}" for i in range(MAX_VALUES))
        await submitted(slack, "hana", {"values": {"value": names}})
    async with slack.services.sessions() as s:
        retired = await workspaces.value_names(s, slack.team_id, retired=True)
    modal = await settings_modal(slack, "hana")
    [line] = [str(b) for b in modal.blocks if "Retired (old kudos keep them)" in str(b)]
    more = re.search(r"…and ([\d,]+) more", line)
    assert more is not None, line[-200:]
    assert line.count("#") + int(more[1]) == len(retired) == 65


async def test_a_chosen_option_is_confirmed_as_the_menu_showed_it(slack: SlackHarness) -> None:
    """Picking *Sunday*, *23:00* and *Direct reports only* was confirmed as `sunday`, `23` and
    `direct`, the stored words, and the audit log said the same: both now read as the menus."""
    picked = {"digest_weekday": "sunday", "digest_hour": "23", "digest_scope": "direct"}
    response = await submitted(slack, "hana", {k: {"value": v} for k, v in picked.items()})
    assert response["response_action"] == "update"
    said = str(response["view"]["blocks"])
    assert "*Digest day:* `Sunday`" in said and "*Digest hour:* `23:00`" in said, said
    assert "*Digest covers:* `Direct reports only`" in said, said
    home = await home_of(slack, "hana")
    await slack.emu.click(slack.user("hana"), "settings_audit", view=home)
    await slack.settle()
    audit = text_of(slack.emu.open_modal(slack.user("hana")))
    assert "from `09:00` to `23:00`" in audit and "from `Monday` to `Sunday`" in audit, audit


async def test_the_audit_log_says_it_shows_only_the_newest_changes(slack: SlackHarness) -> None:
    """The digest's hour was changed 21 times: *Settings changes* shows the newest 20 and says
    older ones are left out, where it read as the whole history; with 20 it says nothing."""
    hana = slack.user("hana")
    for hour in range(1, 22):
        await slack.services.workspace_settings.change(
            slack.team_id, {"digest_hour": str(hour)}, by=CLI
        )
        if hour in (20, 21):
            await slack.emu.click(hana, "settings_audit", view=await home_of(slack, "hana"))
            await slack.settle()
            shown = text_of(slack.emu.open_modal(hana))
            assert shown.count("changed *") == 20
            assert ("1 older change" in shown) == (hour == 21), shown[-300:]


async def test_the_settings_command_says_where_who_changed_what_is(slack: SlackHarness) -> None:
    """`/askaround settings` promises to show who changed what: the modal it opens says where,
    *Settings changes* on the Home tab, which lists them (it showed the fields alone)."""
    hana = slack.user("hana")
    await slack.services.workspace_settings.change(slack.team_id, {"digest_hour": "7"}, by=CLI)
    await slack.command("hana", "/askaround", "settings")
    await slack.settle()
    modal = slack.emu.open_modal(hana)
    assert modal is not None and modal.spec.get("callback_id") == "workspace_settings"
    assert "*Settings changes* on my Home tab" in text_of(modal)
    await slack.emu.click(hana, "settings_audit", view=await home_of(slack, "hana"))
    await slack.settle()
    assert "changed *Digest hour*" in text_of(slack.emu.open_modal(hana))


async def test_no_hint_shows_markup_slack_prints_as_typed(slack: SlackHarness) -> None:
    """A field's hint is plain text, which Slack shows as sent: *Kudos a day by role* read
    "`role=kudos a day`, comma separated (e.g. `manager=8`)" and *askaround admins* "the
    `admin` role", backticks and all. The modal quotes what the command line and the docs
    put in code."""
    modal = await settings_modal(slack, "hana")
    hints = {b["block_id"]: b["hint"]["text"] for b in modal.blocks if "hint" in b}
    assert hints and not [h for h in hints.values() if "`" in h], hints
    assert '(e.g. "manager=8")' in hints["role_allowances"], hints["role_allowances"]


async def test_settings_show_as_the_command_line_says_it_opens_them(slack: SlackHarness) -> None:
    """An admin who runs `askaround settings show` at a shell typed `/askaround settings
    show` in Slack and was told "I don't know `/askaround settings show`": it opens the
    settings, which show each value; another word after `settings` opens nothing and says
    where settings are changed."""
    hana = slack.user("hana")
    await slack.command("hana", "/askaround", "Settings show")
    await slack.settle()
    modal = slack.emu.open_modal(hana)
    assert modal is not None and modal.spec.get("callback_id") == "workspace_settings"
    assert "Kudos a day" in text_of(modal)
    assert not slack.emu.ephemerals(hana)
    await slack.command("hana", "/askaround", "settings set daily_allowance 8")
    await slack.settle()
    assert "I don't change settings from “/askaround settings set" in ephemeral_text(slack, "hana")


async def test_the_admins_home_names_each_setting_as_the_modal_does(
    slack: SlackHarness,
) -> None:
    """The Home tab's settings in brief said *Values*, *Shout-outs* and *reactions* for what
    its *Change settings* form, the README and `askaround settings` call Company values, the
    Kudos channel and Kudos reactions, and went on "public roundup: in the kudos channel" of
    a channel it had named *Shout-outs*: one setting, one name, the modal's label."""
    await configure(slack, digest_roundup=True, kudos_channel_id=slack.channel("general"))
    said = "\n".join(
        str((b.get("text") or {}).get("text", "")) for b in (await home_of(slack, "hana")).blocks
    )
    shown = (
        "values",
        "daily_allowance",
        "min_reason_length",
        "kudos_channel",
        "kudos_reactions",
        "digest_roundup",
        "watched_channels",
        "askaround_admins",
    )
    for key in shown:
        assert f"*{BY_NAME[key].label}:*" in said, (key, said)
    assert "Shout-outs:" not in said and "*reactions:*" not in said
