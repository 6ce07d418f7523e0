"""Several workspaces on one emulator, and installing the app in one through OAuth: each bot
token sees only its own workspace, and the authorize page, the redirect and oauth.v2.access
behave as Slack's do."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from aiohttp import web
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator, payloads
from tests.emulator.conftest import serving


async def _error(call: object) -> str:
    with pytest.raises(SlackApiError) as caught:
        await call  # type: ignore[misc]
    return str(caught.value.response["error"])


async def test_a_token_works_in_its_own_workspace_once_installed(emu: SlackEmulator) -> None:
    """A second workspace's token is refused until the app is installed there; then it acts
    there only, and the recorded calls say which workspace each came from."""
    team = emu.add_team("T0SECOND", "Second Co")
    alice = team.workspace.add_user("alice")
    client = AsyncWebClient(token=team.bot_token, base_url=emu.api_url)
    assert await _error(client.auth_test()) == "invalid_auth"
    team.installed = True
    assert (await client.auth_test())["team_id"] == "T0SECOND"
    await client.chat_postMessage(channel=team.workspace.general.id, text="hello two")
    assert [m.text for m in team.messages()] == ["hello two"]
    assert emu.messages() == []
    assert alice.id == emu.workspace.add_user("alice").id  # ids are numbered per workspace
    assert [c.team_id for c in team.calls] == ["T0SECOND", "T0SECOND"]
    assert (await AsyncWebClient(base_url=emu.api_url).api_test())["ok"] is True


async def test_authorize_allow_and_trade_the_code_once(emu: SlackEmulator) -> None:
    """Allow sends the browser to the Redirect URL with a code and the state; the code buys
    the workspace's bot token once; Cancel sends error=access_denied instead."""
    team = emu.add_team("T0SECOND", "Second Co")
    alice = team.workspace.add_user("alice", real_name="Alice Martin")
    arrived: list[dict[str, list[str]]] = []

    async def redirect(request: web.Request) -> web.Response:
        arrived.append(parse_qs(request.query_string))
        return web.Response(text="back at the app")

    app = web.Application()
    app.router.add_get("/slack/oauth_redirect", redirect)
    async with serving(app) as base:
        emu.redirect_url = f"{base}/slack/oauth_redirect"
        authorize = (
            f"{emu.base_url}/oauth/v2/authorize?client_id={emu.oauth.client_id}"
            "&scope=chat:write,commands&state=s-1&team=T0SECOND"
        )
        async with emu.browser() as browser:
            page = await browser.open(authorize)
            assert "Second Co" in page.text and "Alice Martin" in page.text
            assert (await browser.click(page, "Allow")).text == "back at the app"
            await browser.click(page, "Cancel")
            wrong = await browser.open(authorize.replace("client_id=", "client_id=x"))
            assert wrong.status == 400 and "Invalid client_id" in wrong.text
    assert arrived[1] == {"error": ["access_denied"], "state": ["s-1"]}
    code = arrived[0]["code"][0]
    assert arrived[0]["state"] == ["s-1"]

    client = AsyncWebClient(base_url=emu.api_url)
    secret = emu.oauth.client_secret
    assert (
        await _error(
            client.oauth_v2_access(client_id=emu.oauth.client_id, client_secret="no", code=code)
        )
        == "bad_client_secret"
    )
    answer = await client.oauth_v2_access(
        client_id=emu.oauth.client_id, client_secret=secret, code=code
    )
    assert answer["access_token"] == team.bot_token and answer["token_type"] == "bot"
    assert answer["team"] == {"id": "T0SECOND", "name": "Second Co"}
    assert answer["authed_user"] == {"id": alice.id} and answer["scope"] == "chat:write,commands"
    assert (
        await _error(
            client.oauth_v2_access(client_id=emu.oauth.client_id, client_secret=secret, code=code)
        )
        == "invalid_code"
    )
    assert team.installed


async def test_a_workspace_of_an_enterprise_grid_org_names_it_everywhere(
    emu: SlackEmulator,
) -> None:
    """A Grid org's workspace: Slack names the org in auth.test, in an event's envelope and
    authorizations, in a command's form and in an interaction's `enterprise` and `team`, as
    its examples show; a workspace outside any org names none."""
    team = emu.add_team("T0GRID", "Grid Co", enterprise_id="E0GRID", installed=True)
    ws = team.workspace
    alice = ws.add_user("alice")
    client = AsyncWebClient(token=team.bot_token, base_url=emu.api_url)
    assert (await client.auth_test())["enterprise_id"] == "E0GRID"
    envelope = payloads.event_envelope(ws, {"type": "app_home_opened"}, 1, "G")
    assert envelope["enterprise_id"] == envelope["context_enterprise_id"] == "E0GRID"
    assert envelope["authorizations"][0]["enterprise_id"] == "E0GRID"
    form = payloads.slash_command(
        ws, alice, ws.general, "/kudos", "", response_url="u", trigger_id="t"
    )
    assert (form["enterprise_id"], form["enterprise_name"]) == ("E0GRID", "Grid Co Group")
    assert payloads.interaction(ws, "shortcut", alice)["enterprise"] == {
        "id": "E0GRID",
        "name": "Grid Co Group",
    }
    # and in its `team` (bolt-python tests/scenario_tests_async/test_view_submission.py)
    team_named = payloads.interaction(ws, "shortcut", alice)["team"]
    assert (team_named["enterprise_id"], team_named["enterprise_name"]) == (
        "E0GRID",
        "Grid Co Group",
    )
    plain = emu.workspace
    assert "enterprise_id" not in payloads.event_envelope(plain, {}, 2, "G")
    outside = payloads.interaction(plain, "shortcut", plain.add_user("bob"))
    assert outside["enterprise"] is None and "enterprise_id" not in outside["team"]
