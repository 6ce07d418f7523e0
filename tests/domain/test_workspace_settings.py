"""Workspace settings in the domain: what each key accepts (the modal and the CLI share it),
every refusal at once, values retired and brought back, and who is an askaround admin."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.workspace_settings.keys import (
    BY_NAME,
    KEYS,
    SettingsRefused,
    ValuesChange,
    parse,
    parse_role_allowances,
    parse_values,
)
from bot.workspace_settings.service import CLI, NotAnAdmin, WorkspaceSettingsService
from storage import people as people_q
from storage import workspaces
from storage.models import Person

TEAM = "T1"
NOW = datetime(2026, 12, 2, 9, tzinfo=UTC)


@pytest.fixture
def service(sessions: async_sessionmaker[AsyncSession]) -> WorkspaceSettingsService:
    return WorkspaceSettingsService(sessions, lambda: NOW)


def test_each_key_reads_what_it_writes() -> None:
    """Every key's text, as `show` prints it, parses back to the same text: the modal's
    initial values and `settings show` can be fed back unchanged."""
    parsed = parse(
        {
            "values": "#Teamwork, craft -> quality, Ética",
            "daily_allowance": " 7 ",
            "role_allowances": "Manager=8, lead: 6, Директор=9",
            "min_reason_length": "0",
            "values_required": "on",
            "kudos_channel": "<#C0123ABCD|kudos>",
            "kudos_reactions": ":kudos:, clap, +1",
            "digest_weekday": "fri",
            "digest_hour": "23",
            "digest_scope": "direct",
            "digest_roundup": "yes",
            "watched_channels": "C0123ABCD, #C0999ZZZ, C0123ABCD",
            "askaround_admins": "<@U0AAA>, U0BBB",
        }
    )
    assert parsed["values"] == ValuesChange(
        ("teamwork", "quality", "ética"), (("craft", "quality"),)
    )
    assert parsed["role_allowances"] == {"manager": 8, "lead": 6, "директор": 9}
    assert parsed["values_required"] is True
    assert parsed["kudos_channel"] == "C0123ABCD"
    assert parsed["kudos_reactions"] == ("kudos", "clap", "+1")
    assert parsed["digest_weekday"] == 4
    assert parsed["digest_roundup"] is True
    assert parsed["watched_channels"] == ("C0123ABCD", "C0999ZZZ")
    assert parsed["askaround_admins"] == ("U0AAA", "U0BBB")
    assert {k.name for k in KEYS} == set(parsed)


def test_a_value_or_role_typed_with_combining_accents_is_one_word() -> None:
    """`ética` and `gérant` with `é` sent as `e` + U+0301 are accepted, stored composed."""
    assert parse_values("e\u0301tica").active == ("ética",)
    assert parse_role_allowances("ge\u0301rant=4") == {"gérant": 4}


def test_role_allowances_are_capped_so_the_modal_can_show_them_whole() -> None:
    """31 roles with the longest names would not fit the modal's 3,000-character field, which
    would cut them and save the cut list back: more than 30 are refused, with the count."""
    longest = ", ".join(f"{'r' * 60}{i:03d}=9" for i in range(30))
    assert len(parse_role_allowances(longest)) == 30 and len(longest) <= 3000
    with pytest.raises(ValueError, match=r"30 roles at most \(31 given\)"):
        parse_role_allowances(longest + ", one-more=2")


@pytest.mark.parametrize(
    ("key", "text", "said"),
    [
        ("daily_allowance", "101", "from 1 to 100"),
        ("daily_allowance", "-1", "from 1 to 100"),
        ("role_allowances", "manager", "role=kudos a day"),
        ("role_allowances", "manager=0", "from 1 to 100"),
        # in the form asked for, but a name that cannot be a role: said why, not the form
        ("role_allowances", "chef d’équipe=3", "“chef d’équipe” can't be a role: letters,"),
        ("role_allowances", "=3", "role=kudos a day"),
        ("values", "craft, craft", "listed twice"),
        ("values", "a -> b -> c", "one value at a time"),
        ("values", "great work", "can't be a company value"),
        ("values", "1st", "can't be a company value"),
        ("values_required", "maybe", "yes or no"),
        ("kudos_channel", "C0123ABCD, C0999ZZZ", "one channel"),
        ("kudos_channel", "#general", "not a Slack channel id"),
        # a channel's name in capitals, a word, a stub: none can be a Slack channel id
        ("kudos_channel", "#GENERAL", "not a Slack channel id"),
        ("kudos_channel", "CGENERAL", "not a Slack channel id"),
        ("kudos_channel", "<#GOOD>", "not a Slack channel id"),
        ("watched_channels", "C0123ABCD, C12", "“C12” is not a Slack channel id"),
        ("watched_channels", "D0123ABCD", "not a Slack channel id"),
        ("kudos_reactions", "", "at least one"),
        ("digest_weekday", "fr", "day of the week"),
        ("digest_hour", "24", "from 0 to 23"),
        ("digest_scope", "team", "`all`"),
        ("askaround_admins", "@hana", "not a Slack person id"),
        ("colour", "blue", "no setting “colour”"),
    ],
)
def test_a_bad_value_is_refused_in_words(key: str, text: str, said: str) -> None:
    with pytest.raises(SettingsRefused) as refused:
        parse({key: text})
    assert said in refused.value.errors[key]


@pytest.mark.parametrize(
    "key", ["values", "daily_allowance", "role_allowances", "kudos_channel", "kudos_reactions"]
)
def test_a_long_refused_value_is_quoted_cut(key: str) -> None:
    """5,000 characters pasted into a field were quoted whole in its refusal: the CLI's one
    line and the modal's field error ran 5,000 characters long."""
    with pytest.raises(SettingsRefused) as refused:
        parse({key: "x" * 5000})
    said = refused.value.errors[key]
    assert "“" + "x" * 40 + "…”" in said and len(said) < 300, said


def test_every_refusal_at_once() -> None:
    with pytest.raises(SettingsRefused) as refused:
        parse({"daily_allowance": "0", "digest_hour": "25", "digest_scope": "all"})
    assert set(refused.value.errors) == {"daily_allowance", "digest_hour"}


async def test_a_retired_value_is_kept_and_can_come_back(
    service: WorkspaceSettingsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Leaving #courage out retires it: new kudos cannot name it, the row stays. Listing it
    again brings it back with its description. Renaming an unknown value is refused."""
    await service.change(TEAM, {"values": "teamwork, craft"}, by=CLI)
    now = await service.current(TEAM)
    assert now.values == ("craft", "teamwork")
    assert set(now.retired_values) == {"courage", "customer-first", "ownership"}
    async with sessions() as s:
        assert await workspaces.value_names(s, TEAM) == ["craft", "teamwork"]
    await service.change(TEAM, {"values": "teamwork, craft, courage"}, by=CLI)
    assert "courage" in (await service.current(TEAM)).values
    with pytest.raises(SettingsRefused) as refused:
        await service.change(TEAM, {"values": "ownership -> grit"}, by=CLI)
    assert "#ownership is not one of the current values" in refused.value.errors["values"]
    await service.change(TEAM, {"values": "teamwork -> teamwork, craft"}, by=CLI)
    assert (await service.current(TEAM)).values == ("craft", "teamwork")  # not retired


async def test_values_required_always_leaves_a_value_to_name(
    service: WorkspaceSettingsService,
) -> None:
    """Requiring a value with none left would refuse every kudos: neither half is saved, in
    either order or both at once; with values optional, clearing them is fine."""
    await service.change(TEAM, {"values_required": "yes"}, by=CLI)
    with pytest.raises(SettingsRefused) as refused:
        await service.change(TEAM, {"values": ""}, by=CLI)
    assert "keep at least one" in refused.value.errors["values"]
    with pytest.raises(SettingsRefused) as refused:
        await service.change(TEAM, {"values": "", "values_required": "yes"}, by=CLI)
    assert (await service.current(TEAM)).values
    await service.change(TEAM, {"values_required": "no"}, by=CLI)
    await service.change(TEAM, {"values": ""}, by=CLI)
    assert (await service.current(TEAM)).values == ()
    with pytest.raises(SettingsRefused) as refused:
        await service.change(TEAM, {"values_required": "yes"}, by=CLI)
    assert "no company values to require" in refused.value.errors["values_required"]
    assert await service.change(TEAM, {"digest_hour": "10"}, by=CLI)  # other keys still save


async def test_the_roundup_needs_a_kudos_channel_and_reactions_an_emoji(
    service: WorkspaceSettingsService,
) -> None:
    """A roundup with no channel would never be posted; `none` as the reactions stored an
    emoji called none (for other keys it clears them)."""
    with pytest.raises(SettingsRefused) as refused:
        await service.change(TEAM, {"digest_roundup": "yes"}, by=CLI)
    assert "set one" in refused.value.errors["digest_roundup"]
    await service.change(TEAM, {"digest_roundup": "yes", "kudos_channel": "C0KUDOS"}, by=CLI)
    with pytest.raises(SettingsRefused) as refused:
        await service.change(TEAM, {"kudos_channel": "none"}, by=CLI)
    assert "turn it off first" in refused.value.errors["kudos_channel"]
    with pytest.raises(SettingsRefused) as refused:
        await service.change(TEAM, {"kudos_reactions": "none"}, by=CLI)
    assert "at least one reaction emoji" in refused.value.errors["kudos_reactions"]


async def test_only_admins_change_settings_and_unchanged_keys_are_not_logged(
    service: WorkspaceSettingsService, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Slack admins, the "admin" role and named askaround admins may (while Slack describes
    them as an active person of this workspace: `nameable`); nobody else. Saving a key at its
    current value changes and logs nothing."""
    async with sessions() as s, s.begin():
        await people_q.upsert_profile(s, TEAM, "U0ROLE", name="rolf")
        await s.execute(update(Person).where(Person.user_id == "U0ROLE").values(roles=["admin"]))
    assert await service.is_admin(TEAM, "U0SLACK", slack_admin=True, nameable=True)
    assert await service.is_admin(TEAM, "U0ROLE", slack_admin=False, nameable=True)
    assert not await service.is_admin(TEAM, "U0NAMED", slack_admin=False, nameable=True)
    with pytest.raises(NotAnAdmin):
        await service.change(TEAM, {"askaround_admins": "U0NAMED"}, by="U0NAMED")
    made = await service.change(TEAM, {"askaround_admins": "U0NAMED"}, by="U0ROLE")
    assert [(c.key, c.old, c.new, c.changed_by) for c in made] == [
        ("askaround_admins", "none", "U0NAMED", "U0ROLE")
    ]
    assert await service.is_admin(TEAM, "U0NAMED", slack_admin=False, nameable=True)
    assert not await service.is_admin(TEAM, "U0NAMED", slack_admin=False, nameable=False)
    assert await service.change(TEAM, {"daily_allowance": "5"}, by="U0NAMED", nameable=True) == ()
    assert [
        c.key for c in (await service.audit(TEAM, CLI, slack_admin=False, nameable=True))[0]
    ] == ["askaround_admins"]


def test_docs_list_every_key_as_the_modal_and_cli_describe_it() -> None:
    """docs/settings.md has one row per key, with the label and hint the modal shows, and
    what a new workspace has (the page named no default but the public roundup's)."""
    docs = (Path(__file__).parents[2] / "docs" / "settings.md").read_text()
    default = WorkspaceSettingsService.defaults().as_text()
    for key in KEYS:
        row = f"| `{key.name}` | {key.label} | {key.hint} | `{default[key.name]}` |"
        assert row in docs, row  # a new workspace's, as `askaround settings show` prints it


@pytest.mark.parametrize(
    ("name", "item", "most"),
    [
        ("values", "v{}", 30),
        ("role_allowances", "r{}=2", 30),
        ("kudos_reactions", "e{}", 10),
        ("watched_channels", "C0ABCD{:03}", 50),
        ("askaround_admins", "U0ABCD{:03}", 50),
    ],
)
def test_each_list_says_how_long_it_may_be(name: str, item: str, most: int) -> None:
    """A list's hint (the modal's, the CLI's `--help`, docs/settings.md's table) names the
    longest the list may be, and that is what is refused past: the hints of values, reactions,
    watched channels and admins named no limit, and 31 values, 11 reactions or 51 channels were
    refused as the admin saved them."""
    assert f"up to {most}" in BY_NAME[name].hint
    assert parse({name: ", ".join(item.format(n) for n in range(most))})
    with pytest.raises(SettingsRefused, match=f"{most} "):
        parse({name: ", ".join(item.format(n) for n in range(most + 1))})
