"""A person has one place in a routing ranking (issue 18, item 6): someone who is both an
expert on a question and a connector for it was listed twice, and the second offer broke
`offers`' UNIQUE constraint."""

from __future__ import annotations

import pytest

from bot.routing.engine import RoutingIndex
from bot.routing.loading import index_from_snapshot
from storage.routing import DeclaredSkill, NetworkEntry, RoutingSnapshot

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

PEOPLE = {"U1": "ana", "U2": "ben", "U3": "cat", "U4": "dan"}


def workspace() -> RoutingIndex:
    """Cat knows Kubernetes well, Ben a little; both, and Dan, know the CNCF community."""
    declared = [
        DeclaredSkill("U3", "kubernetes", 4, "declared"),
        DeclaredSkill("U2", "kubernetes", 1, "declared"),
    ]
    network = [
        NetworkEntry(user, None, "CNCF Slack", ("kubernetes",), "functional")
        for user in ("U2", "U3", "U4")
    ]
    snapshot = RoutingSnapshot(PEOPLE, {"kubernetes": "Kubernetes"}, {}, declared, [], [], network)
    return index_from_snapshot("T", snapshot)


def test_an_expert_who_is_also_a_connector_is_listed_once_in_the_higher_place() -> None:
    """Cat (a strong expert) stays an expert; Dan is a connector; Ben, a weak expert who is
    also a connector, keeps the connector's place, which ranks higher."""
    ranked = workspace().suggest("how should we size kubernetes pods?", "U1")
    users = [s.user_id for s in ranked]
    assert sorted(users) == ["U2", "U3", "U4"]
    kinds = {s.user_id: s.kind for s in ranked}
    assert kinds == {"U3": "expert", "U2": "connector", "U4": "connector"}
