"""Every surface, wired onto one app in the order Bolt tries their listeners."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.services import Services
from handlers.dispatch import errors, middleware
from handlers.dispatch.after_ack import ACK_WITHIN_SECONDS
from handlers.dispatch.inbox import StoreFirst
from handlers.dispatch.router import Router
from handlers.surfaces import (
    ask_command,
    commands,
    directory_events,
    home,
    insights,
    kept_messages,
    kudos,
    kudos_modal,
    kudos_quotes,
    kudos_take_back,
    question_actions,
    questions,
    reports,
    skills,
    uninstalls,
    workspace_settings,
)

SURFACES = (
    middleware,
    errors,
    # Kudos first, the busiest: Bolt asks every listener before the one that takes a request
    # whether it matches, and that costs each /kudos ~30 look-ups behind the rest.
    reports,  # before kudos: it takes `/kudos report …`, kudos takes the rest
    kudos,
    kudos_modal,
    kudos_take_back,
    insights,  # before commands: it takes `/askaround insights`, commands the rest
    workspace_settings,  # before commands: it takes `/askaround settings`
    commands,
    ask_command,
    questions,
    kudos_quotes,  # after questions: a question's edit or deletion is theirs
    kept_messages,  # after both: any other message edited or deleted
    question_actions,
    home,
    skills,
    uninstalls,
    directory_events,
)


def register(app: AsyncApp, services: Services, ack_within: float = ACK_WITHIN_SECONDS) -> Router:
    router = Router(
        app,
        inbox=StoreFirst(services),
        done=services.inbox.done,
        refused=services.inbox.refused,
        ack_within=ack_within,
    )
    for surface in SURFACES:
        surface.register(router, services)
    router.ignore_other_events()
    router.ignore_closed_views()
    router.ignore_other_interactions()
    return router
