"""A guest from another organisation (Slack Connect) at home in an Enterprise Grid
organisation, as Slack names them: their organisation where it names one of theirs, never
this workspace's (slackapi/bolt-python tests/slack_bolt/request/test_internals.py,
`slack_connect_events_api_*`; tests/scenario_tests_async/test_view_submission.py,
`connect_channel_payload`)."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from slack_emulator import SlackEmulator, payloads

from .conftest import Endpoint, endpoint

HOME, ORG = "T0OTHERORG", "E0OTHERORG"


async def test_a_grid_guests_mention_and_message_name_their_organisation(
    emu: SlackEmulator,
) -> None:
    ws = emu.workspace
    ws.enterprise_id = "E0OURS"
    carol = ws.add_user("carol")
    ws.guests[carol.id], ws.guest_orgs[carol.id] = HOME, ORG
    partners = ws.add_channel("partners", members=[carol.id, emu.bot_user_id], ext_shared=True)
    async with endpoint(emu, Endpoint()) as bot:
        await emu.post_message(carol.id, partners.id, f"<@{emu.bot_user_id}> help")
    bodies = {b["event"]["type"]: b for b in (json.loads(r.body) for r in bot.received)}
    mention, message = bodies["app_mention"], bodies["message"]
    assert (mention["event"]["user_team"], mention["event"]["source_team"]) == (ORG, ORG)
    assert (mention["team_id"], mention["enterprise_id"]) == (ws.team_id, "E0OURS")
    assert (message["team_id"], message["enterprise_id"]) == (HOME, ORG)
    assert message["authorizations"][0]["enterprise_id"] == "E0OURS"


async def test_a_guests_interaction_names_their_organisation_or_none(emu: SlackEmulator) -> None:
    """A message's shortcut names this workspace as `team` and the guest's organisation as
    `enterprise` (none for one outside any Grid organisation); a form they act in names
    their own workspace as `team` and `view.team_id`, this one only as
    `view.app_installed_team_id`."""
    ws = emu.workspace
    ws.enterprise_id = "E0OURS"
    carol, dave = ws.add_user("carol"), ws.add_user("dave")
    ws.guests |= {carol.id: HOME, dave.id: "T0PLAIN"}
    ws.guest_orgs[carol.id] = ORG
    partners = ws.add_channel(
        "partners", members=[carol.id, dave.id, emu.bot_user_id], ext_shared=True
    )
    message = ws.chat.post(partners.id, carol.id, "the deploy is stuck")
    async with endpoint(emu, Endpoint()) as bot:
        for who in (carol, dave):
            await emu.message_shortcut(who.id, "give_kudos", message)
    sent = [json.loads(dict(parse_qsl(r.body))["payload"]) for r in bot.received]
    assert [(p["team"]["id"], p["enterprise"]) for p in sent] == [
        (ws.team_id, {"id": ORG, "name": f"{ORG} Group"}),
        (ws.team_id, None),
    ]
    view = {"id": "V1", "team_id": ws.team_id, "app_installed_team_id": ws.team_id}
    form = payloads.interaction(ws, "view_submission", carol, view=view)
    assert form["team"] == {
        "id": HOME,
        "domain": HOME.lower(),
        "enterprise_id": ORG,
        "enterprise_name": f"{ORG} Group",
    }
    assert (form["view"]["team_id"], form["view"]["app_installed_team_id"]) == (HOME, ws.team_id)
