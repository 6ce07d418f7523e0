"""An install Slack refuses leaves no OAuth code (nor the app's secret) in the logs, at any
level, whoever logs it: Bolt's OAuth flow, slack_sdk's request lines, the access log of the
install pages."""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.runtime.logs import RedactSecrets, configure_logging
from tests.e2e.harness import CLIENT_SECRET
from tests.slack.harness import SlackHarness, bot_in_process


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    stream = io.StringIO()
    yield stream
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


@pytest.fixture
async def slack_oauth(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, oauth=True) as harness:
        yield harness


async def test_a_refused_install_logs_no_code(
    slack_oauth: SlackHarness, debug_log: io.StringIO
) -> None:
    """Slack refuses the code (the app's secret was rotated on Slack's side): the refusal is
    logged at WARNING, but the code itself appears in no log line."""
    configure_logging("DEBUG", slack_oauth.runner.settings.secrets, stream=debug_log)
    slack_oauth.emu.oauth.client_secret = "rotated-secret"
    page = await slack_oauth.install()
    assert page.status == 401
    [code] = slack_oauth.emu.oauth.grants
    text = debug_log.getvalue()
    assert "WARNING" in text and "oauth.v2.access" in text  # the refusal was logged
    assert code not in text and code.split(".")[-1] not in text
    assert "oauth_redirect?" in text  # the redirect was logged, its query masked
    assert CLIENT_SECRET not in text


def test_codes_and_states_are_masked_in_any_shape() -> None:
    """`code=…` in a URL, `code: …` in a sentence, `'code': '…'` in a dict; short numbers
    such as a status code are left alone."""
    redact = RedactSecrets().redact
    code = "T0SECOND.0123abcdef0123abcdef"
    for line in (
        f"GET /slack/oauth_redirect?code={code}&state=5f2b1c9e-77aa HTTP/1.1",
        f"Failed to fetch oauth.v2.access result with code: {code} - error: x",
        f"body_params: {{'code': '{code}', 'client_id': '1.2'}}",
        f'{{"code": "{code}"}}',
    ):
        masked = redact(line)
        assert code not in masked and "0123abcdef" not in masked, masked
        assert "5f2b1c9e" not in masked
    assert redact("the server answered with status code: 500") == (
        "the server answered with status code: 500"
    )
