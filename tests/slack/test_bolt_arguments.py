"""What Bolt does per request before our code runs: it builds every function it calls (a
middleware function, a matcher, a listener) its arguments, about thirty of them with eight
look-ups into the payload (`build_async_required_kwargs`). A `/kudos` had them built nine
times: three times for the app's middleware functions, once for the inbox's, twice more for
the listener. The middleware are `AsyncMiddleware` objects now, which Bolt calls with the
request itself, and the listener is given what Bolt built for it once."""

from __future__ import annotations

from typing import Any

import pytest
import slack_bolt.listener.async_listener
import slack_bolt.listener_matcher.async_builtins
import slack_bolt.listener_matcher.async_listener_matcher
import slack_bolt.middleware.async_custom_middleware
from slack_bolt.kwargs_injection import async_utils

import handlers.dispatch.friendly
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, ledger

CALLERS = (
    slack_bolt.middleware.async_custom_middleware,
    slack_bolt.listener.async_listener,
    slack_bolt.listener_matcher.async_builtins,
    slack_bolt.listener_matcher.async_listener_matcher,
    handlers.dispatch.friendly,
)


async def test_a_kudos_has_bolt_build_arguments_only_for_matchers_and_its_listener(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/kudos @bob …`: Bolt builds arguments four times, for the two matchers of
    `/kudos report` (tried first), the `/kudos` matcher and the listener; the kudos is given
    and confirmed as before."""
    await slack.command("alice", "/kudos", "@carol for the warm-up")  # people known, a first run
    await slack.drain()
    built: list[str] = []
    build = async_utils.build_async_required_kwargs

    def counted(**kwargs: Any) -> dict[str, Any]:
        built.append(str(kwargs.get("this_func")))
        return build(**kwargs)

    for module in CALLERS:
        monkeypatch.setattr(module, "build_async_required_kwargs", counted)
    await slack.command("alice", "/kudos", "@bob for the release notes")
    await slack.drain()
    assert len(built) == 4, built
    assert len(await ledger(slack)) == 2
    assert "Kudos sent" in ephemeral_text(slack, "alice")
