"""`askaround settings show|set KEY VALUE`: the same settings from the command line, with
only ASKAROUND_DATABASE_URL (no Slack token), taking effect for the running bot at once and
logged as changed from the command line; a bad key or value is one line and exit 1."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.profile import Profile
from bot.runtime.cli import main
from storage.models import Person
from tests.slack.connect import shared as shared_with
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, give, ledger
from tests.slack.settings.world import home_of, text_of

pytestmark = pytest.mark.postgres_too

SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")


@pytest.fixture
def database_only(slack: SlackHarness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    for name in SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", slack.runner.settings.database_url)


def slack_set(slack: SlackHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot's own token and secret in the environment, as an admin with Slack's settings
    runs the command: Slack is then asked about a channel."""
    settings = slack.runner.settings
    monkeypatch.setenv("SLACK_BOT_TOKEN", settings.bot_token)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", settings.signing_secret)
    monkeypatch.setenv("SLACK_API_URL", settings.api_url)


async def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = await asyncio.to_thread(main, ["settings", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("database_only")
async def test_set_then_show_and_the_bot_obeys(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set daily_allowance 1` then `show` lists it; alice's next `/kudos` to two people is
    refused by the running bot; hana's audit log says the command line changed it."""
    await slack.command("alice", "/kudos", "@bob for the first test run of the day")
    await slack.settle()  # the workspace exists, as it does once the bot has been used
    code, out, _err = await cli(capsys, "set", "daily_allowance", "2")
    assert (code, out.strip()) == (0, "daily_allowance: 2")
    code, out, _err = await cli(capsys, "show")
    assert code == 0 and "daily_allowance    set      2\n" in out
    assert "digest_weekday     default  monday\n" in out
    await give(slack, "alice", "@bob @carol for untangling the release pipeline")
    assert "You have 1 of 2 kudos left today" in ephemeral_text(slack, "alice")
    home = await home_of(slack, "hana")
    await slack.emu.click(slack.user("hana"), "settings_audit", view=home)
    await slack.settle()
    audit = text_of(slack.emu.open_modal(slack.user("hana")))
    assert "the command line changed *Kudos a day*" in audit and "“5” to “2”" in audit


@pytest.mark.usefixtures("database_only")
async def test_team_goes_before_or_after_key_and_value(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set --team T KEY VALUE` was refused as "unrecognized arguments: KEY VALUE"."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    team = ["--team", slack.team_id]
    for argv in (["set", *team, "daily_allowance", "3"], [*team, "set", "min_reason_length", "4"]):
        code, out, err = await cli(capsys, *argv)
        assert (code, err) == (0, ""), argv
    code, out, _err = await cli(capsys, "show", *team)
    assert "daily_allowance    set      3\n" in out and "min_reason_length  set      4\n" in out


@pytest.mark.usefixtures("database_only")
async def test_team_is_taken_in_any_case_and_one_not_there_is_one_line(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--team t1` did not match the workspace T1 (Slack's ids are upper case); one that is
    no workspace here names those there are, exit 1."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    code, out, err = await cli(
        capsys, "set", "--team", slack.team_id.lower(), "daily_allowance", "3"
    )
    assert (code, out.strip(), err) == (0, "daily_allowance: 3", "")
    code, out, err = await cli(capsys, "show", "--team", "t0nosuch")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"askaround: no workspace T0NOSUCH in this database (it has: {slack.team_id})"
    ]


@pytest.mark.usefixtures("database_only")
async def test_a_bad_key_or_value_is_one_line_and_exit_1(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """The words are the modal's (the same parser); nothing is changed. The workspace is
    known by its people alone (synced, nobody has used the bot yet)."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    code, out, err = await cli(capsys, "set", "daily_allowance", "lots")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [
        "askaround: daily_allowance: Kudos a day must be a whole number from 1 to 100 "
        "(“lots” isn't)."
    ]
    code, _out, err = await cli(capsys, "set", "colour", "blue")
    assert code == 1 and "There is no setting “colour”" in err and len(err.splitlines()) == 1
    # Quoted one way, as `kudos taken-back` quotes: Python's repr put "it's" in double quotes.
    code, _out, err = await cli(capsys, "set", "daily_allowance", "it's")
    assert code == 1 and "(“it's” isn't)." in err, err
    assert (await slack.services.workspace_settings.current(slack.team_id)).daily_allowance == 5


@pytest.mark.usefixtures("database_only")
async def test_the_digest_hour_is_taken_as_the_home_tab_shows_it(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Home tab and the modal say "Monday 09:00", and `set digest_hour 09:00` was refused
    as not a whole number; an hour with minutes is refused for what it is."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    code, out, err = await cli(capsys, "set", "digest_hour", "07:00")
    assert (code, out.strip(), err) == (0, "digest_hour: 7", "")
    assert (await slack.services.workspace_settings.current(slack.team_id)).digest_hour == 7
    code, out, err = await cli(capsys, "set", "digest_hour", "7:30")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [
        "askaround: digest_hour: Digest hour is a whole hour from 0 to 23, like 9 or 09:00 "
        "(“7:30” isn't)."
    ]


@pytest.mark.usefixtures("database_only")
async def test_a_key_in_capitals_or_with_dashes_is_the_key(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set Digest_Hour 8` and `set digest-weekday friday` were "There is no setting", though
    the values are read in any case (`FRIDAY`): the key is read so too."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    code, out, err = await cli(capsys, "set", "Digest_Hour", "8")
    assert (code, out.strip(), err) == (0, "digest_hour: 8", ""), err
    code, out, err = await cli(capsys, "set", "digest-weekday", "FRIDAY")
    assert (code, out.strip(), err) == (0, "digest_weekday: friday", ""), err


@pytest.mark.usefixtures("database_only")
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("digest_day", "digest_weekday"),
        ("daily_allowence", "daily_allowance"),
        ("kudos_reaction", "kudos_reactions"),
        ("watched_channel", "watched_channels"),
    ],
)
async def test_a_key_near_a_setting_is_told_which_it_likely_meant(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    """`set digest_day friday` was told only that there is no such setting, and all thirteen
    names: the one it most likely meant comes first, and nothing is changed."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    code, out, err = await cli(capsys, "set", typed, "friday")
    assert code == 1 and out == "" and len(err.splitlines()) == 1, err
    assert err.startswith(
        f"askaround: {typed}: There is no setting “{typed}”: did you mean {meant}?"
    )
    assert "settings are: values, daily_allowance" in err, err


@pytest.mark.usefixtures("database_only")
async def test_a_channel_by_name_is_told_where_its_id_is(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set kudos_channel #general` was told only that ids look like C0123ABCD; an admin at a
    shell, who has no picker, is told where Slack shows a channel's id."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    for key in ("kudos_channel", "watched_channels"):
        code, out, err = await cli(capsys, "set", key, "#general")
        assert code == 1 and out == "" and len(err.splitlines()) == 1, err
        assert "“#general” is not a Slack channel id" in err
        assert "at the foot of its details, opened from its name" in err, err


@pytest.mark.usefixtures("database_only")
async def test_an_empty_value_is_refused_rather_than_taken_as_none(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set values "$VALUES"` with the variable unset cleared the company's values (the
    modal's empty field means none); on the command line `none` must be said."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    before = (await slack.services.workspace_settings.current(slack.team_id)).values
    for empty in ("", "  "):
        code, out, err = await cli(capsys, "set", "values", empty)
        assert code == 2 and out == ""  # a value the command line cannot take, as a slip
        assert err.strip().splitlines() == [
            "askaround: values: an empty value changes nothing; say `none` to clear it."
        ]
    assert (await slack.services.workspace_settings.current(slack.team_id)).values == before
    code, out, _err = await cli(capsys, "set", "values", "none")
    assert code == 0 and out.splitlines() == [
        "values: none",
        "retired (old kudos keep them): courage, craft, customer-first, ownership, teamwork",
    ]


@pytest.mark.usefixtures("database_only")
async def test_renames_alone_rename_those_values_and_keep_the_rest(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set values "craft -> quality"`, an admin renaming one value at a shell, retired the
    four others with it (the value is the whole list): renames alone rename those values in
    place and keep the rest, as the admin meant. A list with anything but renames is still
    the whole list."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    code, out, err = await cli(capsys, "set", "values", "craft -> quality")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "values: courage, customer-first, ownership, quality, teamwork",
        "retired (old kudos keep them): craft",
    ]
    code, out, _err = await cli(capsys, "set", "values", "courage -> bravery, ownership -> grit")
    assert out.splitlines()[0] == "values: bravery, customer-first, grit, quality, teamwork"
    code, out, _err = await cli(capsys, "set", "values", "teamwork, grit -> ownership")
    assert out.splitlines() == [
        "values: ownership, teamwork",
        "retired (old kudos keep them): bravery, customer-first, grit, quality",
    ]


@pytest.mark.usefixtures("database_only")
async def test_a_reaction_is_kept_by_the_name_slack_sends(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set kudos_reactions ":thumbsup:"` kept `thumbsup`, but Slack names a 👍 reaction `+1`
    in its events, so no thumbs-up ever gave kudos; typing the emoji itself (👍, 🎉) was
    refused as "not an emoji name". Both are kept by the name Slack sends, and a 👍 then
    thanks the author."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    code, out, err = await cli(capsys, "set", "kudos_reactions", ":thumbsup:, 🎉, ❤️")
    assert (code, err, out.strip()) == (0, "", "kudos_reactions: +1, tada, heart")
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "+1")
    await slack.settle()
    assert [(k.giver_user_id, k.receiver_user_id) for k in await ledger(slack)] == [
        (slack.user("bob"), slack.user("carol"))
    ]
    code, _out, err = await cli(capsys, "set", "kudos_reactions", "🦄")
    assert code == 1 and "“🦄” is an emoji: name it as Slack does" in err, err


@pytest.mark.usefixtures("database_only")
async def test_an_admin_id_nobody_has_is_refused(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set askaround_admins U0TYPO` would name nobody, and the admin meant someone: the id
    nobody in the workspace has is refused in one line, and a known person is taken."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("bob"), "bob"))
    code, out, err = await cli(capsys, "set", "askaround_admins", f"{slack.user('bob')}, U0TYPO")
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert "askaround_admins: nobody askaround knows here is U0TYPO" in err
    assert (await slack.services.workspace_settings.current(slack.team_id)).askaround_admins == ()
    code, out, _err = await cli(capsys, "set", "askaround_admins", slack.user("bob"))
    assert (code, out.strip()) == (0, "askaround_admins: @bob")


@pytest.mark.usefixtures("database_only")
async def test_an_admin_is_named_by_email_or_handle(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """At a shell there is no people picker, and a member id is found only in Slack's UI:
    `set askaround_admins bob@example.com` was refused as "not a Slack person id", though
    `askaround report` takes a manager by email. An email or a handle (`@carol`, `carol`) of
    someone askaround knows is taken as their id; one nobody has is refused. The admins are
    said by handle, where ids told an admin at a shell nothing of who they are."""
    bob, carol = slack.user("bob"), slack.user("carol")
    people = slack.services.people
    await people.remember(slack.team_id, Profile(bob, "bob", email="Bob@Example.com"))
    await people.remember(slack.team_id, Profile(carol, "carol"))
    code, out, err = await cli(capsys, "set", "askaround_admins", "bob@example.com, @carol")
    assert (code, err) == (0, ""), err
    assert out.strip() == "askaround_admins: @bob, @carol"  # as `set` takes them, not U…
    code, out, _err = await cli(capsys, "show")
    assert "askaround_admins   set      @bob, @carol\n" in out, out
    assert (await slack.services.workspace_settings.current(slack.team_id)).askaround_admins == (
        bob,
        carol,
    )
    code, out, err = await cli(capsys, "set", "askaround_admins", "carol, nobody@example.com")
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert "nobody askaround knows here is nobody@example.com" in err


@pytest.mark.usefixtures("database_only")
async def test_show_says_every_value_and_where_it_comes_from(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each row has its key, `default` or `set`, and the value in force. Company values all
    cleared printed an empty value, and `set values none` made a company value called #none;
    `none` clears them, as it does for other lists, and is what `show` prints."""
    await slack.command("alice", "/kudos", "@bob for the first test run of the day")
    await slack.settle()
    code, out, _err = await cli(capsys, "show")
    rows = [line.split(maxsplit=2) for line in out.splitlines()]
    assert code == 0 and all(len(row) == 3 for row in rows), out
    assert {row[1] for row in rows} == {"default"}
    assert ["values", "default", "courage, craft, customer-first, ownership, teamwork"] in rows

    code, out, _err = await cli(capsys, "set", "values", "none")
    assert (code, out.splitlines()[0]) == (0, "values: none")
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert now.values == () and "none" not in now.retired_values
    code, out, _err = await cli(capsys, "show")
    rows = [line.split(maxsplit=2) for line in out.splitlines()]
    assert all(len(row) == 3 for row in rows), out
    assert ["values", "set", "none"] in rows and ["kudos_channel", "default", "none"] in rows
    # `default` says the value is a new workspace's, as docs/settings.md says, whoever set it:
    # a key set back to it is `default` again, not `set`.
    for value, source in (("7", "set"), ("5", "default")):
        await cli(capsys, "set", "daily_allowance", value)
        code, out, _err = await cli(capsys, "show", "daily_allowance")
        assert (code, out.split()) == (0, ["daily_allowance", source, value]), out


@pytest.mark.usefixtures("database_only")
async def test_with_a_bot_token_slack_is_asked_about_a_channel(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With SLACK_BOT_TOKEN set, conversations.info is asked, as the modal asks it: an id
    Slack does not show the bot, a private kudos channel and a channel the bot is not in to
    watch are each refused in one line, changing nothing; a public channel it is in is set."""
    await slack.command("alice", "/kudos", "@bob for the first test run of the day")
    await slack.settle()
    slack_set(slack, monkeypatch)
    ws = slack.emu.workspace
    vault = ws.add_channel("vault", is_private=True, members=[slack.user("alice")]).id
    design = ws.add_channel("design", members=[slack.user("alice")], include_bot=False).id
    for key, channel, said in (
        ("kudos_channel", "C0999ZZZ9", "Slack doesn't show me C0999ZZZ9"),
        (
            "kudos_channel",
            vault,
            f"{vault} is private: pick a public channel",
        ),  # a private one unnamed
        ("watched_channels", design, "#design: I'm not in this channel"),
    ):
        code, out, err = await cli(capsys, "set", key, channel)
        assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
        assert err.startswith(f"askaround: {key}: ") and said in err, err
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert now.kudos_channel is None and now.watched_channels == ()
    code, out, _err = await cli(capsys, "set", "kudos_channel", slack.channel("general"))
    assert (code, out.strip()) == (0, f"kudos_channel: {slack.channel('general')}")
    # Shout-outs may go to a public channel the bot is not in; it cannot watch one.
    assert (await cli(capsys, "set", "kudos_channel", design))[0] == 0
    code, _out, err = await cli(capsys, "set", "watched_channels", design)
    assert code == 1 and "#design: I'm not in this channel" in err, err


@pytest.mark.usefixtures("database_only")
@pytest.mark.parametrize("lean", [{"error": "unknown_method"}, {"omit": ("channel.is_private",)}])
async def test_a_channel_slack_does_not_call_public_is_refused_for_what_it_is(
    slack: SlackHarness,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lean: dict[str, object],
) -> None:
    """conversations.info unanswered, or answered without `is_private`: #general is kept as
    a private channel is, for shout-outs and for watching, and the refusal says Slack did not
    say it is public, not that it is private or that there is no such channel."""
    await slack.command("alice", "/kudos", "@bob for the first test run of the day")
    await slack.settle()
    slack_set(slack, monkeypatch)
    slack.emu.faults.add("conversations.info", times=None, **lean)  # type: ignore[arg-type]
    general = slack.channel("general")
    for key in ("kudos_channel", "watched_channels"):
        code, _out, err = await cli(capsys, "set", key, general)
        assert code == 1 and "Slack didn't tell me whether" in err, err
        assert "private one I'm not in" not in err and "no such channel" not in err, err
        assert "messages of a private one" not in err, err
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert now.kudos_channel is None and now.watched_channels == ()


@pytest.mark.usefixtures("database_only")
async def test_a_guest_a_deactivated_account_or_a_bot_is_refused_as_an_admin(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """The modal's field refuses them (`visibility.may_be_named`); `set askaround_admins`
    named them by id, email or handle as they are stored here. Each is refused in one line
    and exit 1 from what is stored, with no Slack call, and nobody is named; bob, a member,
    still is."""
    people = slack.services.people
    bob = slack.user("bob")
    await people.remember(slack.team_id, Profile(bob, "bob"))
    for profile in (
        Profile("U0GINA", "gina", email="gina@example.com", is_guest=True),
        Profile("U0DAVE", "dave", deactivated=True),
        Profile("U0HELPER", "helperbot", is_bot=True),
    ):
        await people.remember(slack.team_id, profile)
    for named in ("gina@example.com", "U0DAVE", "@helperbot"):
        code, out, err = await cli(capsys, "set", "askaround_admins", f"{bob}, {named}")
        assert code == 1 and out == "" and len(err.splitlines()) == 1, (named, err)
        assert f"askaround_admins: {named}: only active members" in err, err
    assert (await slack.services.workspace_settings.current(slack.team_id)).askaround_admins == ()
    code, out, _err = await cli(capsys, "set", "askaround_admins", bob)
    assert (code, out.strip()) == (0, "askaround_admins: @bob")


@pytest.mark.usefixtures("database_only")
async def test_a_member_of_another_organisation_is_never_stored_so_never_named(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set askaround_admins` decides from what is stored, with no Slack, taking nobody stored
    as of another organisation (`admins_as_ids`). It holds by construction: Carol, a guest from
    another organisation in a shared channel, reaches every door that stores people (her
    `user_change`, kudos from and to her, her Home tab, a question naming her, the directory
    sync) and is stored by none, so naming her by id or handle is refused as nobody known."""
    shared_with(slack, ("alice", "bob", "carol"))
    carol = slack.user("carol")
    await slack.emu.change_user(carol, tz="America/Chicago")
    await slack.command("alice", "/kudos", "@carol for the partner release", channel="partners")
    await slack.command("carol", "/kudos", "@bob for the partner release", channel="partners")
    await slack.here.open_home(carol)
    await slack.post("alice", "partners", f"<@{slack.emu.bot_user_id}> can <@{carol}> fix it?")
    await slack.settle()
    await slack.runner.bot.scheduler.run_once("directory_sync")
    await slack.settle()
    async with slack.services.sessions() as s:
        assert carol not in set(await s.scalars(select(Person.user_id)))
    for named in (carol, "@carol", "carol"):
        code, out, err = await cli(capsys, "set", "askaround_admins", named)
        assert code == 1 and out == "" and len(err.splitlines()) == 1, (named, err)
        assert f"nobody askaround knows here is {named}" in err, err
    assert (await slack.services.workspace_settings.current(slack.team_id)).askaround_admins == ()


@pytest.mark.usefixtures("database_only")
async def test_a_value_of_several_words_needs_no_quotes(
    slack: SlackHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    """`set values teamwork, craft` typed without quotes was "unrecognized arguments: craft":
    the words after KEY are its VALUE, as `set values 'teamwork, craft'` gives it, --team
    before or after them."""
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))
    code, out, err = await cli(
        capsys, "set", "values", "teamwork,", "craft", "--team", slack.team_id
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "values: craft, teamwork"
    code, out, err = await cli(capsys, "set", "kudos_reactions", "tada,", "+1")
    assert (code, out, err) == (0, "kudos_reactions: tada, +1\n", "")
