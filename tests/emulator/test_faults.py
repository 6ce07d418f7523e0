"""Injected faults as slack_sdk's client experiences them."""

from __future__ import annotations

import time

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator

pytestmark = pytest.mark.asyncio


async def test_rate_limit_has_status_429_and_retry_after(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """status=429 answers ratelimited with a Retry-After header, once, then normally."""
    emu.faults.add("chat.postMessage", status=429, retry_after=7)
    general = emu.workspace.general.id
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postMessage(channel=general, text="x")
    assert caught.value.response.status_code == 429
    assert caught.value.response["error"] == "ratelimited"
    assert caught.value.response.headers["Retry-After"] == "7"
    assert (await client.chat_postMessage(channel=general, text="x"))["ok"]
    assert [c.status for c in emu.calls] == [429, 200]


async def test_sdk_rate_limit_handler_waits_and_retries(emu: SlackEmulator) -> None:
    """slack_sdk's own rate-limit retry handler honours Retry-After and then succeeds."""
    client = AsyncWebClient(
        token=emu.bot_token,
        base_url=emu.api_url,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=1)],
    )
    emu.faults.add("*", status=429, retry_after=1)
    started = time.monotonic()
    assert (await client.auth_test())["ok"]
    assert time.monotonic() - started >= 1.0
    assert [c.status for c in emu.calls] == [429, 200]


async def test_server_error_custom_error_and_delay(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """status=500 is fatal_error; error= alone is a plain Slack error; delay= answers late."""
    emu.faults.add("auth.test", status=500)
    emu.faults.add("users.info", error="user_not_visible")
    emu.faults.add("team.info", delay=0.3)
    with pytest.raises(SlackApiError) as server_error:
        await client.auth_test()
    assert server_error.value.response.status_code == 500
    assert server_error.value.response["error"] == "fatal_error"
    with pytest.raises(SlackApiError) as custom:
        await client.users_info(user=emu.bot_user_id)
    assert custom.value.response.status_code == 200
    assert custom.value.response["error"] == "user_not_visible"
    started = time.monotonic()
    assert (await client.team_info())["ok"]
    assert time.monotonic() - started >= 0.3


async def test_rate_is_reproducible_and_times_unbounded(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """rate=0.5 with times=None fails about half of the calls, the same ones for the same seed."""

    async def pattern(emulator: SlackEmulator) -> list[bool]:
        emulator.faults.clear()
        emulator.faults.add("auth.test", status=500, rate=0.5, times=None)
        start = len(emulator.calls)
        caller = AsyncWebClient(token=emulator.bot_token, base_url=emulator.api_url)
        for _ in range(20):
            try:
                await caller.auth_test()
            except SlackApiError:
                pass
        return [c.ok for c in emulator.calls[start:]]

    first = await pattern(emu)
    async with SlackEmulator("other", fault_seed=0) as twin:
        second = await pattern(twin)
    assert first == second
    assert 4 <= first.count(False) <= 16
    emu.faults.clear()
    assert (await client.auth_test())["ok"]


async def test_a_page_instead_of_json_and_extra_fields(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """page= answers a proxy's page, no JSON, as slack_sdk then sees it; extra= adds fields
    beside the error, as missing_scope's needed and provided."""
    emu.faults.add("auth.test", status=503, page="text/plain")
    emu.faults.add("auth.test", status=502, page="text/html")
    emu.faults.add("users.info", error="missing_scope", extra={"needed": "users:read"})
    with pytest.raises(SlackApiError) as plain:
        await client.auth_test()
    assert plain.value.response.status_code == 503
    assert isinstance(plain.value.response.data, str)
    with pytest.raises(SlackApiError) as html:
        await client.auth_test()
    assert html.value.response.status_code == 502 and html.value.response.data == {}
    with pytest.raises(SlackApiError) as scope:
        await client.users_info(user=emu.bot_user_id)
    assert scope.value.response["needed"] == "users:read"


async def test_omit_answers_without_the_named_fields(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """omit= answers ok, with the dotted paths left out (through lists too), and leaves what
    the emulator holds as it was: the next call, past the rule, has them again."""
    bob = emu.workspace.add_user(name="bob", real_name="Bob Stone", tz="Europe/Paris")
    emu.faults.add("users.info", omit=("user.tz", "user.profile.real_name"))
    emu.faults.add("users.list", omit=("members.real_name",))
    lean = (await client.users_info(user=bob.id))["user"]
    assert "tz" not in lean and "real_name" not in lean["profile"]
    assert lean["name"] == "bob" and lean["real_name"] == "Bob Stone"
    members = (await client.users_list())["members"]
    assert members and all("real_name" not in m for m in members)
    assert (await client.users_info(user=bob.id))["user"]["tz"] == "Europe/Paris"


async def test_dropped_closes_the_connection_with_no_answer(emu: SlackEmulator) -> None:
    """dropped= answers nothing: the client reads a closed connection, as when the network
    between the app and Slack fails; applied= with it posts all the same."""
    client = AsyncWebClient(token=emu.bot_token, base_url=emu.api_url, retry_handlers=[])
    emu.faults.add("chat.postMessage", dropped=True, applied=True)
    general = emu.workspace.general.id
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await client.chat_postMessage(channel=general, text="lost on the way back")
    assert [m.text for m in emu.messages(general)] == ["lost on the way back"]
    assert (await client.chat_postMessage(channel=general, text="x"))["ok"]
    assert [c.status for c in emu.calls] == [0, 200]


async def test_a_fault_for_one_channel_spares_the_others(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """channel= fails only the calls naming that conversation: one channel failing while the
    bot's DMs still go."""
    general = emu.workspace.general.id
    other = emu.workspace.add_channel("other").id
    emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    assert (await client.chat_postMessage(channel=other, text="x"))["ok"]
    for _ in range(2):
        with pytest.raises(SlackApiError) as caught:
            await client.chat_postMessage(channel=general, text="x")
        assert caught.value.response["error"] == "fatal_error"
    assert [c.status for c in emu.calls] == [200, 503, 503]


@pytest.mark.parametrize(
    ("refusal", "status", "code"),
    [
        ("unknown_method", 200, "unknown_method"),
        ("http_404", 404, "unknown_method"),
        ("not_allowed_token_type", 200, "not_allowed_token_type"),
        ("missing_scope", 200, "missing_scope"),
        ("ratelimited", 429, "ratelimited"),
        ("http_500", 500, "fatal_error"),
    ],
)
async def test_refuse_answers_each_way_slack_refuses(
    emu: SlackEmulator, refusal: str, status: int, code: str
) -> None:
    """refuse() names the refusal; `missing_scope` says the scope the method needs, as Slack
    does, and the rule holds for every call."""
    client = AsyncWebClient(token=emu.bot_token, base_url=emu.api_url, retry_handlers=[])
    emu.faults.refuse("conversations.info", refusal)
    for _ in range(2):
        with pytest.raises(SlackApiError) as caught:
            await client.conversations_info(channel=emu.workspace.general.id)
        assert (caught.value.response.status_code, caught.value.response["error"]) == (
            status,
            code,
        )
    if refusal == "missing_scope":
        assert caught.value.response["needed"] == "channels:read"


async def test_lean_answers_only_the_fields_always_there(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """faults.lean: users.info without time zone, profile or is_restricted, conversations.info
    without is_private or is_member, no empty response_metadata; a further page's cursor is
    kept, and clear() makes Slack whole again."""
    bob = emu.workspace.add_user(name="bob", real_name="Bob Stone", tz="Europe/Paris")
    emu.faults.lean = True
    user = (await client.users_info(user=bob.id))["user"]
    assert user == {"id": bob.id, "team_id": emu.workspace.team_id, "name": "bob",
                    "deleted": False, "is_bot": False}  # fmt: skip
    channel = (await client.conversations_info(channel=emu.workspace.general.id))["channel"]
    assert "is_private" not in channel and "is_member" not in channel and channel["name"]
    whole = await client.users_list()
    assert "response_metadata" not in whole.data
    paged = await client.users_list(limit=1)
    assert paged["response_metadata"]["next_cursor"] and len(paged["members"]) == 1
    emu.faults.clear()
    assert (await client.users_info(user=bob.id))["user"]["tz"] == "Europe/Paris"


async def test_paging_answers_pages_as_small_as_slack_may(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """faults.paging: a page of one whatever the limit, an empty page with a cursor before
    each one that has an item, and the last page's cursor "" (users.list, the general
    channel's members, its history); clear() pages by the limit again."""
    for name in ("bob", "carol"):
        emu.workspace.add_user(name=name)  # each joins #general
    emu.workspace.chat.post(emu.workspace.general.id, emu.workspace.bot_user_id, "hello")
    emu.faults.paging.size, emu.faults.paging.empty = 1, True

    async def pages(method: str, key: str, **args: str) -> list[int]:
        sizes, cursor = [], ""
        while True:
            page = await client.api_call(method, params={**args, "limit": 100, "cursor": cursor})
            sizes.append(len(page[key]))
            if not (cursor := page["response_metadata"]["next_cursor"]):
                return sizes

    users = len(emu.workspace.users)
    assert await pages("users.list", "members") == [0, 1] * users
    general = emu.workspace.general.id
    members = len(emu.workspace.general.members)
    assert await pages("conversations.members", "members", channel=general) == [0, 1] * members
    assert await pages("conversations.history", "messages", channel=general) == [0, 1]
    emu.faults.clear()
    assert await pages("users.list", "members") == [users]
