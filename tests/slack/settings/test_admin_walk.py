"""What a new admin met on a walk through askaround's settings (docs/testing-log.md, "An admin's
walk-through"): each refusal says what to do next, and nothing is changed by a slip."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from bot.profile import Profile
from tests.e2e.harness import run_main
from tests.slack.harness import SlackHarness

SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")

Cli = Callable[..., Awaitable[tuple[int, str, str]]]


@pytest.fixture
async def askaround(
    slack: SlackHarness,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    """`askaround ARGS…` with the database URL alone, on a workspace askaround knows."""
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    for name in SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", slack.runner.settings.database_url)
    await slack.services.people.remember(slack.team_id, Profile(slack.user("alice"), "alice"))

    async def run(*args: str) -> tuple[int, str, str]:
        return await run_main(args, capsys)

    return run


@pytest.fixture
def cli(askaround: Cli) -> Cli:
    """`askaround settings ARGS…`."""

    async def run(*args: str) -> tuple[int, str, str]:
        return await askaround("settings", *args)

    return run


async def test_settings_alone_shows_them(cli: Cli) -> None:
    """`askaround settings` alone said "the following arguments are required: ACTION, VALUE",
    where `show` needs no VALUE: alone it shows them, as `/askaround settings` alone opens
    them in Slack."""
    code, out, err = await cli()
    assert (code, err) == (0, ""), err
    assert "daily_allowance    default  5\n" in out


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("teamwork craft", "“teamwork, craft”"),
        ("#teamwork #craft", "“teamwork, craft”"),
        ("teamwork; craft", "“teamwork, craft”"),
    ],
)
async def test_values_without_commas_are_told_to_put_them_in(
    slack: SlackHarness, cli: Cli, typed: str, meant: str
) -> None:
    """`set values teamwork craft` (or as #tags, or with semicolons) was refused as "can't be a
    company value: one word of letters, …", which never said that values are parted by
    commas; nothing is changed either way."""
    code, out, err = await cli("set", "values", *typed.split(" "))
    assert (code, out) == (1, "")
    assert f"separate values with commas: {meant}" in err, err
    assert len(err.splitlines()) == 1
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert "courage" in now.values


async def test_a_rename_the_shell_cut_short_says_to_quote_it(cli: Cli) -> None:
    """`set values craft -> quality` unquoted: the shell wrote "values: …" to a file called
    quality and askaround read `craft -`, refused as "can't be a company value"."""
    code, _out, err = await cli("set", "values", "craft", "-")
    assert code == 1
    assert "`askaround settings set values 'craft -> NEW'`" in err, err


async def test_reactions_without_commas_are_told_to_put_them_in(cli: Cli) -> None:
    code, _out, err = await cli("set", "kudos_reactions", "tada", "clap")
    assert code == 1 and "separate them with commas: “tada, clap”" in err, err


async def told(slack: SlackHarness, handle: str, text: str, command: str = "/askaround") -> str:
    before = len(slack.emu.ephemerals(slack.user(handle)))
    await slack.command(handle, command, text)
    await slack.settle()
    [answer] = slack.emu.ephemerals(slack.user(handle))[before:]
    return answer.text


async def test_settings_set_in_slack_points_at_the_form_and_the_shell(slack: SlackHarness) -> None:
    """An admin who read `askaround settings set KEY VALUE` typed it in Slack and was told
    "I don't know “/askaround settings set daily_allowance 8”. Try `/askaround help`.", whose
    list says only that `/askaround settings` changes settings: it says where each is done."""
    said = await told(slack, "hana", "settings set daily_allowance 8")
    assert "`/askaround settings` alone opens the settings form" in said, said
    assert "`askaround settings set daily_allowance 8` is typed at the command line, where" in said
    assert slack.emu.open_modal(slack.user("hana")) is None
    assert (await slack.services.workspace_settings.current(slack.team_id)).daily_allowance == 5
    said = await told(slack, "hana", "settings colours")
    assert said.endswith("and `/askaround settings help` says what is there."), said


@pytest.mark.parametrize("handle", ["hana", "alice"])
async def test_settings_help_says_what_the_settings_are(slack: SlackHarness, handle: str) -> None:
    """`/askaround settings help` was "I don't know", where `/ask watch help` and the other
    commands' help are answered; a colleague who is not an admin reads who may change them.
    The escalation's timings are no workspace setting: the help says whose they are, and
    what they are now, where an admin looked for them in vain."""
    said = await told(slack, handle, "settings help")
    assert "I don't know" not in said and "`/askaround settings` opens" in said, said
    assert "Only askaround admins" in said and "`askaround settings show`" in said
    # what the form cannot change, and who can: the deployment's, with its values now
    assert "30 working minutes" in said and "Mon-Fri 09:00-18:00" in said, said
    assert "3 colleagues at once" in said and "`ASKAROUND_OFFER_MINUTES`" in said, said


@pytest.mark.parametrize("action", ["alias", "merge"])
async def test_a_skill_misspelt_at_the_shell_is_asked_about(
    slack: SlackHarness, askaround: Cli, action: str
) -> None:
    """`askaround skills alias iac terrafrom` said "“iac” now means Terrafrom (terrafrom)."
    and made a skill of the typo, nobody's, so `iac` routed to nobody; a merge into it moved
    everyone's declarations there. The typo is asked about as `/skills add kubernets` is, and
    a `!` keeps it as typed; nothing is changed meanwhile."""
    await slack.command("alice", "/skills", "add terraform-cloud:4")
    await slack.settle()
    source = "iac" if action == "alias" else "terraform-cloud"
    code, out, err = await askaround("skills", action, source, "terrafrom")
    assert (code, out) == (1, ""), out
    assert err.strip() == (
        "askaround: “terrafrom” is no skill askaround knows: did you mean Terraform? "
        f"`askaround skills {action} {source} terraform` (or `…{source} terrafrom!` to make "
        "it a new skill)"
    ), err
    vocabulary = await slack.services.directory.vocabulary(slack.team_id)
    assert vocabulary.normalise("iac") is None and not vocabulary.knows("terrafrom")
    code, out, _err = await askaround("skills", action, source, "terrafrom!")
    assert code == 0 and "Terrafrom" in out, out


async def test_an_alias_pointed_elsewhere_says_what_it_meant(askaround: Cli) -> None:
    """`skills alias infra kubernetes` after `infra` meant Terraform said only that it now
    means Kubernetes: the admin who meant to add a second name learnt nothing of the first."""
    await askaround("skills", "alias", "infra", "terraform")
    code, out, _err = await askaround("skills", "alias", "infra", "kubernetes")
    assert (code, out.strip()) == (
        0,
        "“infra” now means Kubernetes (kubernetes); it meant Terraform.",
    )
    # Nobody declared Kubernetes here: `infra` pointing at it made it a skill of the
    # workspace, which an alias may not name; the refusal said people had declared it.
    code, out, err = await askaround("skills", "alias", "kubernetes", "terraform")
    assert (code, out, err.strip()) == (
        1,
        "",
        "askaround: “kubernetes” is a skill of this workspace (its people's, or one an alias "
        "means); use `askaround skills merge kubernetes terraform` to fold it into Terraform.",
    ), err


async def watched(slack: SlackHarness) -> tuple[str, ...]:
    return (await slack.services.workspace_settings.current(slack.team_id)).watched_channels


async def test_ask_watch_with_words_changes_nothing_it_was_not_asked(slack: SlackHarness) -> None:
    """`/ask watch help` in #general started watching #general ("I'm watching #general for
    questions."), where the admin asked what it does; `/ask watch #random` typed in #general
    watched #general. Both now say what `/ask watch` does and change nothing; naming the
    channel it is typed in still watches it."""
    general, random = slack.channel("general"), slack.channel("random")
    said = await ask_told(slack, "watch help")
    assert "`/ask watch` typed in a public channel" in said and "`/ask unwatch`" in said, said
    said = await ask_told(slack, f"watch <#{random}|random>")
    assert said.startswith("`/ask watch` watches the channel it is typed in"), said
    assert "type it in <#" + random + ">" in said
    said = await ask_told(slack, "watch please")
    assert said.startswith("`/ask watch` alone watches the channel it is typed in"), said
    assert await watched(slack) == ()
    said = await ask_told(slack, f"watch <#{general}|general>")
    assert said == f"I'm watching <#{general}> for questions."
    assert await watched(slack) == (general,)


async def ask_told(slack: SlackHarness, text: str) -> str:
    before = len(slack.emu.ephemerals(slack.user("hana")))
    await slack.command("hana", "/ask", text)
    await slack.settle()
    [answer] = slack.emu.ephemerals(slack.user("hana"))[before:]
    return answer.text


async def test_an_admins_report_of_someone_with_no_team_says_where_teams_come_from(
    slack: SlackHarness,
) -> None:
    """Hana, an admin an hour after installing, asked `/kudos report @maria` and was told only
    "Nobody reports to @maria in the org chart.", with no word of where the chart comes from
    (Slack has no managers): the org chart is imported, and the reply says how."""
    before = len(slack.emu.ephemerals(slack.user("hana")))
    await slack.command("hana", "/kudos", "report last week @maria")
    await slack.settle()
    [said] = slack.emu.ephemerals(slack.user("hana"))[before:]
    assert f"Nobody reports to <@{slack.user('maria')}> in the org chart" in said.text
    assert "`askaround import people`" in said.text, said.text


async def test_naming_an_admin_at_the_shell_says_who_is_no_longer_one(
    slack: SlackHarness, cli: Cli
) -> None:
    """`set askaround_admins @carol` after `@bob` was named said "askaround_admins: @carol":
    an admin who meant to add Carol had taken Bob's rights away unsaid (the setting is the
    whole list, as the modal's picker shows it). The confirmation names who is no longer one,
    as a change of the values names those retired."""
    for handle in ("bob", "carol"):
        await slack.services.people.remember(slack.team_id, Profile(slack.user(handle), handle))
    await cli("set", "askaround_admins", "@bob")
    code, out, _err = await cli("set", "askaround_admins", "@carol")
    assert (code, out.splitlines()) == (
        0,
        [
            "askaround_admins: @carol",
            "no longer askaround admins (add them to keep them): @bob",
        ],
    ), out


async def test_merging_an_alias_into_its_skill_says_it_already_means_it(askaround: Cli) -> None:
    """`skills merge postgres postgresql` was refused "Nobody here declared a skill
    “postgres”." (exit 1), as if something were wrong: `postgres` already means PostgreSQL
    (the shipped vocabulary's alias), as `skills alias` says of one it already has."""
    code, out, err = await askaround("skills", "merge", "postgres", "postgresql")
    assert (code, err) == (0, ""), err
    assert out.strip() == "“postgres” already means PostgreSQL (postgresql); nothing changed."


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("import people", "askaround import people FILE.csv"),
        ("import people org.csv", "askaround import people FILE.csv"),
        ("sync", "askaround sync"),
    ],
)
async def test_the_command_lines_commands_typed_in_slack_say_where_they_run(
    slack: SlackHarness, typed: str, command: str
) -> None:
    """An admin who read the README's setup typed `/askaround import people` and `/askaround
    sync` in Slack and was told "I don't know …": they are the command line's, said so with
    what each does; a colleague who is not an admin reads that only admins run them."""
    said = await told(slack, "hana", typed)
    assert "I don't know" not in said, said
    assert f"`{command}`" in said and "at the command line where askaround is deployed" in said
    assert "Only askaround admins" not in said
    said = await told(slack, "alice", typed)
    assert said.startswith(f"Only askaround admins run `{command}`"), said


async def test_an_admins_report_words_are_read_before_their_team(slack: SlackHarness) -> None:
    """Hana, an admin with no team of her own, typed `/kudos report help` and `/kudos report
    next week` and was told "Nobody reports to you in the org chart …" either way: the words
    are read first, help as the report's help and a period it does not take as such."""
    said = await told(slack, "hana", "report help", "/kudos")
    assert "Nobody reports to you" not in said, said
    assert "`/kudos report last week @maria`" in said and "2026-W47" in said, said
    # help with a manager named too is the help ("help" was read as a week)
    assert await told(slack, "hana", f"report help <@{slack.user('maria')}>", "/kudos") == said
    said = await told(slack, "hana", "report next week", "/kudos")
    assert said.startswith("“next week” is not a week I know: say `this week`"), said
    said = await told(slack, "hana", "report last week", "/kudos")
    assert "Nobody reports to you in the org chart" in said, said


async def test_settings_show_key_shows_that_one(cli: Cli) -> None:
    """`settings show daily_allowance` was refused ("takes no KEY; it shows them all") and
    `settings get daily_allowance` asked "did you mean `askaround settings set`?": both show
    the one setting, and a key there is not names the keys there are."""
    for action in ("show", "get", "SHOW"):
        code, out, err = await cli(action, "daily_allowance")
        assert (code, out, err) == (0, "daily_allowance    default  5\n", ""), (action, err)
    code, out, err = await cli("get")
    assert code == 0 and "daily_allowance    default  5\n" in out and "digest_hour" in out, err
    code, out, err = await cli("show", "daily_alowance")
    assert (code, out) == (1, ""), out
    assert "did you mean daily_allowance?" in err and "digest_hour" in err, err


@pytest.mark.parametrize(
    ("key", "typed", "saved"),
    [
        ("digest_hour", "6pm", "18"),
        ("digest_hour", "6 pm", "18"),
        ("digest_hour", "6 PM", "18"),
        ("digest_hour", "18:00", "18"),
        ("digest_hour", "9am", "9"),
        ("digest_hour", "12am", "0"),
        ("digest_hour", "12pm", "12"),
        ("digest_scope", "direct reports", "direct"),
        ("digest_scope", "Direct reports only", "direct"),
        ("digest_scope", "everyone", "all"),
        ("values_required", "Y", "yes"),
        ("values_required", "yes", "yes"),
        ("values_required", "no", "no"),
        ("values_required", "N", "no"),
    ],
)
async def test_a_value_as_a_person_types_it_is_taken(
    cli: Cli, key: str, typed: str, saved: str
) -> None:
    """`digest_hour 6pm`, `digest_scope direct reports` and `values_required Y` were refused
    though their meaning is plain; the form reads the same parser (`keys.parse`)."""
    code, out, err = await cli("set", key, *typed.split(" "))
    assert (code, err) == (0, ""), err
    code, out, err = await cli("show", key)
    assert (out.split()[0], out.split()[-1]) == (key, saved), out


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("digest_hour", "13pm"),
        ("digest_hour", "0am"),
        ("digest_hour", "6:30pm"),
        ("digest_scope", "direct people"),
    ],
)
async def test_a_value_still_refused(cli: Cli, key: str, typed: str) -> None:
    """A 12-hour clock's hour past 12 or of 0, minutes, and words a scope does not take are
    refused as before, with the forms taken."""
    code, out, err = await cli("set", key, typed)
    assert (code, out) == (1, ""), out
    assert "like 9 or 09:00" in err or "Say `all`" in err, err
