"""Slack adapters, one module per surface; `register` wires them all onto one app."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.services import Services
from handlers import (
    commands,
    errors,
    home,
    kudos,
    kudos_modal,
    middleware,
    question_actions,
    questions,
    reports,
    skills,
)
from handlers.inbox import store_first
from handlers.router import Router

SURFACES = (
    middleware,
    errors,
    commands,
    questions,
    question_actions,
    home,
    skills,
    reports,  # before kudos: it takes `/kudos report …`, kudos takes the rest
    kudos,
    kudos_modal,
)


def register(app: AsyncApp, services: Services) -> Router:
    router = Router(app, inbox=store_first(services), done=services.inbox.done)
    for surface in SURFACES:
        surface.register(router, services)
    return router
