"""Prometheus metrics, one registry per running bot (tests run several bots in one process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

ACK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 3.0, 5.0)

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.ack_seconds = Histogram(
            "askaround_ack_seconds",
            "Time from a Slack request arriving to its HTTP answer, per listener.",
            ["listener"],
            buckets=ACK_BUCKETS,
            registry=self.registry,
        )
        self.routing_seconds = Histogram(
            "askaround_routing_seconds",
            "Time to rank candidates for one question.",
            buckets=ACK_BUCKETS,
            registry=self.registry,
        )

        self.deliveries = Counter(
            "askaround_deliveries",
            "Outbox deliveries to Slack, by result: sent, pending (will retry) or failed.",
            ["result"],
            registry=self.registry,
        )
        self.replays = Counter(
            "askaround_inbox_replays",
            "Requests replayed from the inbox after the replica that took them died.",
            registry=self.registry,
        )
        self.inbox_open = Gauge(
            "askaround_inbox_open",
            "Requests received and not yet done, across replicas.",
            registry=self.registry,
        )
        self.outbox_depth = Gauge(
            "askaround_outbox_depth", "Deliveries waiting in the outbox.", registry=self.registry
        )
        self.outbox_oldest_seconds = Gauge(
            "askaround_outbox_oldest_seconds",
            "Age of the oldest delivery waiting in the outbox.",
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
