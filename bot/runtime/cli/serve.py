"""`askaround serve`: run the bot."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "serve",
        help="run the bot (Socket Mode if SLACK_APP_TOKEN is set, otherwise HTTP)",
        description="Run the bot. Migrations run first. Configuration comes from the environment.",
    )


async def run(args: argparse.Namespace) -> int:
    from bot.runtime.cli.database import migrated
    from bot.runtime.logs import configure_logging
    from bot.runtime.runner import serve_forever

    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.secrets, fmt=settings.log_format)
    async with migrated(settings.database_url):  # a database that will not open is one line
        pass
    if not settings.oauth:
        await check_bot_token(settings)
    if settings.socket_mode:
        await check_app_token(settings)
    await serve_forever(settings)
    return 0


async def check_bot_token(settings: Settings) -> None:
    """A token Slack refuses stops start-up in one line, as a bad setting does (the bot
    would otherwise listen and fail at every answer); a Slack that does not answer now is
    only logged: `/readyz` says when it does."""
    import logging

    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.runtime.cli.failures import TOKEN_REFUSED

    client = AsyncWebClient(token=settings.bot_token, base_url=settings.api_url, timeout=10)
    try:
        await client.auth_test()
    except SlackApiError as error:
        if error.response.get("error") in TOKEN_REFUSED:
            raise
        logging.getLogger("askaround").warning("Slack answered auth.test with %s", error)
    except Exception as error:  # unreachable, a timeout: not the token's fault
        logging.getLogger("askaround").warning(
            "cannot check SLACK_BOT_TOKEN with Slack now (%s); starting anyway", error
        )


async def check_app_token(settings: Settings) -> None:
    """The same for SLACK_APP_TOKEN: Socket Mode would retry a token Slack refuses for ever,
    logging a traceback each time."""
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.errors import ConfigError
    from bot.runtime.cli.failures import TOKEN_REFUSED

    client = AsyncWebClient(base_url=settings.api_url, timeout=10)
    try:
        await client.apps_connections_open(app_token=settings.app_token)
    except SlackApiError as error:
        code = error.response.get("error")
        if code in TOKEN_REFUSED:
            raise ConfigError(
                "SLACK_APP_TOKEN",
                f"is refused by Slack ({code}): set it to an app-level token (xapp-…) with "
                "the scope connections:write",
            ) from None
    except Exception:  # unreachable now: Socket Mode retries, /readyz tells
        return
