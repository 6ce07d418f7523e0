"""Installing through OAuth end to end: a person's browser goes from the bot's install page to
the emulator's authorize page and back, over real HTTP; the installation lands in our
database and the bot then acts in that workspace with that workspace's token. Every way an
install can go wrong shows a page that says so, and stores nothing."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select, update

from bot.settings import BOT_SCOPES
from storage.models import SlackBot, SlackInstallation, SlackOAuthState
from tests.e2e.harness import CLIENT_ID, Harness

pytestmark = pytest.mark.filterwarnings(
    "ignore:BasicAuth is deprecated:DeprecationWarning"  # slack_sdk's oauth.v2.access call
)


async def stored(slack: Harness) -> tuple[list[SlackInstallation], list[SlackBot]]:
    async with slack.services.sessions() as s:
        installations = list(await s.scalars(select(SlackInstallation)))
        bots = list(await s.scalars(select(SlackBot)))
    return installations, bots


async def skills(slack: Harness, handle: str, text: str) -> str:
    before = len(slack.here.ephemerals(slack.user(handle)))
    assert (await slack.command(handle, "/skills", text)).ok
    await slack.settle()
    return "\n".join(e.text for e in slack.here.ephemerals(slack.user(handle))[before:])


async def test_an_install_is_stored_and_the_bot_answers_there_with_its_token(
    slack_oauth: Harness,
) -> None:
    """A second workspace installs the app: our tables hold its bot token, scopes and
    installer, and a command there is answered through Slack calls made with its token only;
    the first workspace, which never installed, is told so and gets no call with a token."""
    second = slack_oauth.add_team("T0SECOND", "Second Co")
    page = await second.install()
    assert page.status == 200 and "askaround is installed in Second Co" in page.text
    [installation], [bot] = await stored(slack_oauth)
    assert (installation.team_id, installation.team_name) == ("T0SECOND", "Second Co")
    assert installation.bot_token == bot.bot_token == second.here.bot_token
    assert installation.client_id == CLIENT_ID and installation.user_id == second.user("alice")
    assert set((installation.bot_scopes or "").split(",")) == set(BOT_SCOPES)
    async with slack_oauth.services.sessions() as s:
        assert list(await s.scalars(select(SlackOAuthState))) == []  # consumed

    calls_before = len(slack_oauth.emu.calls)
    assert "Saved: Terraform (4)" in await skills(second, "alice", "add terraform:4")
    tokens_used = {c.team_id for c in slack_oauth.emu.calls[calls_before:]}
    assert tokens_used == {"T0SECOND"}

    said = await skills(slack_oauth, "alice", "add terraform:4")
    assert "not installed in this workspace" in said and "Saved" not in said
    first_workspace_calls = [
        c
        for c in slack_oauth.emu.calls
        if c.team_id == slack_oauth.team_id and c.method != "response_url"
    ]
    assert first_workspace_calls == []


async def test_the_installed_page_names_the_command_that_shows_what_askaround_does(
    slack_oauth: Harness,
) -> None:
    """The page an install ends on said "type /askaround to see what it can do", and
    `/askaround` alone answers with a greeting pointing at `/askaround help`: the command it
    names now lists every command, typed in the workspace just installed."""
    second = slack_oauth.add_team("T0SECOND", "Second Co")
    page = (await second.install()).text
    [command] = re.findall(r"type <code>(/[^<]+)</code>", page)
    name, _, text = command.partition(" ")
    before = len(second.here.ephemerals(second.user("alice")))
    assert (await second.command("alice", name, text)).ok
    await second.settle()
    said = "\n".join(e.text for e in second.here.ephemerals(second.user("alice"))[before:])
    assert "`/ask mine`" in said and "`/kudos me`" in said, said


async def test_reinstalling_keeps_one_current_token(slack_oauth: Harness) -> None:
    """Installing again (say, after new scopes) is fine: the bot keeps answering."""
    assert (await slack_oauth.install()).status == 200
    assert (await slack_oauth.install()).status == 200
    assert "Saved: Go (3)" in await skills(slack_oauth, "bob", "add go")


async def test_cancelling_on_slacks_page_installs_nothing(slack_oauth: Harness) -> None:
    """Cancel on the authorize page: the bot's page says nothing was installed, and why."""
    page = await slack_oauth.install(allow=False)
    assert "askaround was not installed" in page.text and "You cancelled" in page.text
    assert await stored(slack_oauth) == ([], [])
    assert "not installed in this workspace" in await skills(slack_oauth, "alice", "add go")


async def test_finishing_in_another_browser_is_refused(slack_oauth: Harness) -> None:
    """The approval link opened in a browser without the install's cookie (a forged or
    leaked link) is refused with 400, even though Slack approved it."""
    async with slack_oauth.emu.browser() as mine, slack_oauth.emu.browser() as theirs:
        start = await mine.open(f"{slack_oauth.emu.install_url}?team={slack_oauth.team_id}")
        authorize = await mine.open(start.link("Add to Slack"))
        page = await theirs.open(authorize.link("Allow"))
    assert page.status == 400 and "different browser" in page.text
    assert await stored(slack_oauth) == ([], [])


async def test_a_forged_state_is_refused(slack_oauth: Harness) -> None:
    """Same browser, but the state coming back is not the one it was given."""
    async with slack_oauth.emu.browser() as browser:
        start = await browser.open(slack_oauth.emu.install_url or "")
        authorize = await browser.open(start.link("Add to Slack"))
        allow = authorize.link("Allow").replace("state=", "state=forged")
        page = await browser.open(allow)
    assert page.status == 400 and "askaround was not installed" in page.text
    assert await stored(slack_oauth) == ([], [])


async def test_an_expired_install_link_is_refused(slack_oauth: Harness) -> None:
    """The state outlived its ten minutes before the person pressed Allow: 401, a page that
    says the link expired, and nothing stored."""
    async with slack_oauth.emu.browser() as browser:
        start = await browser.open(slack_oauth.emu.install_url or "")
        authorize = await browser.open(start.link("Add to Slack"))
        async with slack_oauth.services.sessions() as s, s.begin():
            await s.execute(update(SlackOAuthState).values(expire_at=datetime(2000, 1, 1)))
        page = await browser.open(authorize.link("Allow"))
    assert page.status == 401 and "expired or was used already" in page.text
    assert await stored(slack_oauth) == ([], [])


async def test_a_code_slack_refuses_installs_nothing(slack_oauth: Harness) -> None:
    """Slack refuses to trade the code (here: the app's secret was rotated on Slack and not in
    the bot): the page says Slack did not confirm, and nothing is stored."""
    slack_oauth.emu.oauth.client_secret = "rotated-secret"
    page = await slack_oauth.install()
    assert page.status == 401 and "Slack did not confirm the install" in page.text
    assert slack_oauth.emu.calls_to("oauth.v2.access")[-1].response["error"] == (
        "bad_client_secret"
    )
    assert await stored(slack_oauth) == ([], [])


async def test_the_install_page_says_it_installs_askaround(slack_oauth: Harness) -> None:
    """The page an admin opens to add the app to another workspace was Bolt's default,
    headed "Slack App Installation" and naming nothing: it says it installs askaround, what
    askaround does once there, and that Slack asks for approval next; its "Add to Slack"
    still leads to Slack with the state the install finishes with."""
    url = slack_oauth.emu.install_url
    assert url is not None
    async with slack_oauth.emu.browser() as browser:
        page = await browser.open(url)
    assert page.status == 200
    assert "Slack App Installation" not in page.text
    assert "<title>Add askaround to Slack</title>" in page.text and "<meta charset" in page.text
    assert "find who knows, thank who helped" in page.text.lower()
    assert "Slack shows what askaround may do" in page.text
    assert "state=" in page.link("Add to Slack")
    second = slack_oauth.add_team("T0THIRD", "Third Co")
    assert "askaround is installed in Third Co" in (await second.install()).text


async def test_whoever_installs_first_may_configure_askaround(slack_oauth: Harness) -> None:
    """A member Slack lets install apps, but who is no Slack admin, installed askaround and
    was then told only admins may change its settings: nobody could configure it but Slack's
    admins. The first install names its installer an askaround admin, said in the settings'
    audit as theirs; a later install by someone else names nobody more."""
    second = slack_oauth.add_team("T0SECOND", "Second Co")
    installer, other = second.user("alice"), second.user("bob")
    assert not second.here.workspace.user(installer).is_admin
    assert (await second.emu.install("T0SECOND", user_id=installer)).status == 200
    for handle in ("alice", "bob"):
        assert (await second.command(handle, "/askaround", "settings")).ok
    await second.settle()
    refused = {
        u: any("Only askaround admins" in e.text for e in second.here.ephemerals(u))
        for u in (installer, other)
    }
    assert refused == {installer: False, other: True}
    changes = await slack_oauth.services.workspace_settings.change(
        "T0SECOND", {"digest_hour": "10"}, by=installer, nameable=True
    )
    assert [c.key for c in changes] == ["digest_hour"]
    audit, _older = await slack_oauth.services.workspace_settings.audit(
        "T0SECOND", installer, slack_admin=False, nameable=True
    )
    assert [(c.key, c.new, c.changed_by) for c in audit][-1] == (
        "askaround_admins",
        installer,
        installer,
    )
    assert (await second.emu.install("T0SECOND", user_id=other)).status == 200
    current = await slack_oauth.services.workspace_settings.current("T0SECOND")
    assert current.askaround_admins == (installer,)
