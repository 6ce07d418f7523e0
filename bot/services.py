"""The domain services, built once by the composition root and closed over by handlers."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.bot_dms import BotDms
from bot.clock import Clock, wall_clock
from bot.conversations import Conversations
from bot.digests.service import DigestService
from bot.directory.profiles import ProfileService
from bot.insights.service import InsightsService
from bot.installations import Installations
from bot.kudos.service import KudosService
from bot.metrics import Metrics
from bot.people import PeopleService
from bot.permalinks import Permalinks
from bot.questions.indexes import IndexCache
from bot.questions.policy import Limits, RoutingConfig
from bot.questions.retention import QuestionTextRetention
from bot.questions.service import QuestionService
from bot.questions.watching import WatchService
from bot.reliability.inbox import Inbox
from bot.reliability.outbox import Outbox
from bot.settings import Settings
from bot.uninstalls import Uninstalls
from bot.workspace_settings.service import WorkspaceSettingsService


@dataclass
class Services:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    people: PeopleService
    inbox: Inbox
    outbox: Outbox
    bot_dms: BotDms
    installations: Installations
    uninstalls: Uninstalls
    question_text: QuestionTextRetention
    clock: Clock
    directory: ProfileService
    kudos: KudosService
    indexes: IndexCache
    questions: QuestionService
    watching: WatchService
    digests: DigestService
    insights: InsightsService
    workspace_settings: WorkspaceSettingsService
    metrics: Metrics
    conversations: Conversations
    permalinks: Permalinks

    @classmethod
    def build(
        cls,
        settings: Settings,
        engine: AsyncEngine,
        sessions: async_sessionmaker[AsyncSession],
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> Services:
        """`monotonic`: the process's own time, by which routing's index counts its age (the
        bot passes its pace clock: a test's fake one moves only as the test moves it)."""
        clock = Clock()
        metrics = Metrics()
        indexes = IndexCache(sessions, monotonic=monotonic)
        kudos = KudosService(sessions, clock.now)
        return cls(
            settings=settings,
            engine=engine,
            sessions=sessions,
            people=PeopleService(sessions, clock.now),
            inbox=Inbox(sessions, wall_clock),
            outbox=Outbox(sessions),
            bot_dms=BotDms(sessions),
            installations=Installations(sessions, settings.client_id),
            uninstalls=Uninstalls(
                sessions, clock.now, timedelta(days=settings.uninstalled_retention_days)
            ),
            question_text=QuestionTextRetention(sessions, clock.now, settings.question_text_days),
            clock=clock,
            directory=ProfileService(sessions, clock),
            kudos=kudos,
            indexes=indexes,
            questions=QuestionService(
                sessions,
                indexes.get,
                clock.now,
                observe_routing=metrics.routing_seconds.observe,
                config=RoutingConfig(
                    offers_per_round=settings.offers_per_round,
                    offer_minutes=settings.offer_minutes,
                    limits=Limits(max_open_offers=settings.max_open_offers),
                    hours=settings.working_hours,
                ),
            ),
            watching=WatchService(sessions, clock.now),
            digests=DigestService(sessions, clock.now),
            insights=InsightsService(sessions, clock.now),
            workspace_settings=WorkspaceSettingsService(
                sessions, clock.now, changed=kudos.settings_changed
            ),
            metrics=metrics,
            conversations=Conversations(clock.now),
            permalinks=Permalinks(clock.now),
        )
