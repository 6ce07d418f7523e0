"""A real slack-bolt AsyncApp in HTTP mode, driven through the emulator as people would.

These prove the payloads the emulator builds are ones Bolt accepts (signature, routing
by action_id / callback_id, ack semantics) and that Bolt's answers take effect.
"""

from __future__ import annotations

from typing import Any

import pytest

from slack_emulator import PersonError, SlackEmulator

from .conftest import bolt_app, bolt_over_http

pytestmark = pytest.mark.asyncio

QUESTION_MODAL = {
    "type": "modal",
    "callback_id": "ask",
    "title": {"type": "plain_text", "text": "Ask"},
    "submit": {"type": "plain_text", "text": "Send"},
    "notify_on_close": True,
    "blocks": [
        {
            "type": "input",
            "block_id": "q",
            "label": {"type": "plain_text", "text": "Question"},
            "element": {"type": "plain_text_input", "action_id": "text"},
        },
        {
            "type": "input",
            "block_id": "topic",
            "optional": True,
            "label": {"type": "plain_text", "text": "Topic"},
            "element": {"type": "external_select", "action_id": "topic", "min_query_length": 2},
        },
    ],
}

OFFER_BLOCKS: list[dict[str, Any]] = [
    {"type": "section", "text": {"type": "mrkdwn", "text": "Can you help <@U0ASKAROUND>?"}},
    {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": "offer",
                "text": {"type": "plain_text", "text": "Yes"},
                "value": "yes",
            },
            {
                "type": "button",
                "action_id": "offer",
                "text": {"type": "plain_text", "text": "No"},
                "value": "no",
            },
        ],
    },
]


async def test_message_event_reaches_bolt_and_its_reply_is_recorded(emu: SlackEmulator) -> None:
    """A person's channel message is dispatched to @app.message; the bot's threaded reply
    lands in the workspace, and Bolt authorised itself once with auth.test."""
    app = bolt_app(emu)

    @app.message("who knows")
    async def answer(message: dict[str, Any], say: Any) -> None:
        await say(text="Let me find someone", thread_ts=message["ts"])

    alice = emu.workspace.add_user("alice")
    async with bolt_over_http(emu, app):
        asked, (delivery,) = await emu.post_message(
            alice.id, emu.workspace.general.id, "who knows helm?"
        )
        call = await emu.wait_for(lambda c: c.method == "chat.postMessage")
    assert delivery.ok
    assert call.args["thread_ts"] == asked.ts
    reply = emu.messages()[-1]
    assert reply.by_bot and reply.thread_ts == asked.ts and reply.text == "Let me find someone"
    assert len(emu.calls_to("auth.test")) == 1


async def test_command_opens_modal_and_submission_rules_apply(emu: SlackEmulator) -> None:
    """/ask opens a modal with the command's trigger_id; a submission answered with
    response_action=errors keeps it open with the errors, a good one closes it; required
    inputs must be filled in before a person can submit."""
    app = bolt_app(emu)
    submitted: list[dict[str, Any]] = []

    @app.command("/ask")
    async def ask(ack: Any, body: dict[str, Any], client: Any) -> None:
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=QUESTION_MODAL)

    @app.view("ask")
    async def on_submit(ack: Any, view: dict[str, Any]) -> None:
        text = view["state"]["values"]["q"]["text"]["value"]
        submitted.append(view["state"]["values"])
        if len(text) < 5:
            await ack(response_action="errors", errors={"q": "Say a bit more"})
        else:
            await ack()

    alice = emu.workspace.add_user("alice")
    async with bolt_over_http(emu, app):
        assert (await emu.slash_command(alice.id, "/ask")).ok
        await emu.wait_for(lambda c: c.method == "views.open" and c.ok)
        modal = emu.open_modal(alice.id)
        assert modal is not None and modal.callback_id == "ask"
        with pytest.raises(PersonError, match="required input 'Question'"):
            await emu.submit_view(alice.id, modal.id)
        short = await emu.submit_view(alice.id, modal.id, {"q": {"text": "hm"}})
        assert short.ok and modal.errors == {"q": "Say a bit more"}
        assert emu.open_modal(alice.id) is modal
        good = await emu.submit_view(alice.id, modal.id, {"q": {"text": "Who knows helm charts?"}})
    assert good.ok and emu.open_modal(alice.id) is None and modal.closed
    assert submitted[-1]["q"]["text"] == {
        "type": "plain_text_input",
        "value": "Who knows helm charts?",
    }
    assert submitted[-1]["topic"]["topic"] == {"type": "external_select", "selected_option": None}


async def test_click_finds_the_button_and_respond_replaces_the_message(emu: SlackEmulator) -> None:
    """Clicking a button the bot posted sends block_actions built from the stored message;
    the handler's respond(replace_original=True) edits that message in place; a button
    that is not shown cannot be clicked."""
    app = bolt_app(emu)
    clicked: list[dict[str, Any]] = []

    @app.action("offer")
    async def on_offer(
        ack: Any, body: dict[str, Any], action: dict[str, Any], respond: Any
    ) -> None:
        await ack()
        clicked.append(body)
        await respond(replace_original=True, text=f"You said {action['value']}")

    bob = emu.workspace.add_user("bob")
    dm = emu.workspace.open_im(bob.id)
    offer = emu.workspace.chat.post(dm.id, emu.bot_user_id, "Can you help?", blocks=OFFER_BLOCKS)
    async with bolt_over_http(emu, app):
        with pytest.raises(PersonError, match="2 elements"):
            await emu.click(bob.id, "offer", message=offer)
        with pytest.raises(PersonError, match="no element"):
            await emu.click(bob.id, "refer", message=offer)
        delivery = await emu.click(bob.id, "offer", message=offer, value="yes")
        await emu.wait_for(lambda c: c.method == "response_url")
    assert delivery.ok
    body = clicked[0]
    assert body["container"] == {
        "type": "message",
        "message_ts": offer.ts,
        "channel_id": dm.id,
        "is_ephemeral": False,
    }
    assert body["message"]["ts"] == offer.ts and body["actions"][0]["value"] == "yes"
    assert offer.text == "You said yes" and offer.blocks == []
    assert [r.text for r in offer.revisions] == ["Can you help?"]


async def test_a_click_in_a_thread_names_the_thread_in_its_container(emu: SlackEmulator) -> None:
    """A button on a thread reply, or on an ephemeral shown in a thread, is clicked with the
    thread's parent as the container's `thread_ts`, as Slack sends it (a captured
    block_actions: "thread_ts": "<parent ts, if a reply>"; java-slack-sdk's
    BlockActionPayload container); a message outside any thread has none."""
    app = bolt_app(emu)
    containers: list[dict[str, Any]] = []

    @app.action("offer")
    async def on_offer(ack: Any, body: dict[str, Any]) -> None:
        await ack()
        containers.append(body["container"])

    ws = emu.workspace
    bob = ws.add_user("bob")
    ws.join(ws.general.id, bob.id)
    parent = ws.chat.post(ws.general.id, bob.id, "release thread")
    reply = ws.chat.post(
        ws.general.id, emu.bot_user_id, "Can you help?", blocks=OFFER_BLOCKS, thread_ts=parent.ts
    )
    aside = ws.chat.post_ephemeral(
        ws.general.id, bob.id, "Can you help?", blocks=OFFER_BLOCKS, thread_ts=parent.ts
    )
    alone = ws.chat.post(ws.general.id, emu.bot_user_id, "Can you help?", blocks=OFFER_BLOCKS)
    async with bolt_over_http(emu, app):
        for shown in (reply, aside, alone):
            assert (await emu.click(bob.id, "offer", message=shown, value="yes")).ok
    assert [c.get("thread_ts") for c in containers] == [parent.ts, parent.ts, None]
    assert [c["is_ephemeral"] for c in containers] == [False, True, False]


async def test_a_menu_used_in_a_message_is_in_the_payloads_state(emu: SlackEmulator) -> None:
    """Someone picked in a message's menu: the block_actions carries the pick in `actions`
    and in the message's `state.values` too, as Slack's has since 2020 ("we will also
    include the state field in all block_actions payloads … the full state of your modals,
    messages, or App Home tabs", api.slack.com/changelog/2020-09-full-state-on-view-
    submisson-and-block-actions); a button they press there next carries it still, and
    once the message is updated without the menu, nothing."""
    app = bolt_app(emu)
    states: list[dict[str, Any]] = []

    @app.action("refer")
    @app.action("offer")
    async def on_use(ack: Any, body: dict[str, Any]) -> None:
        await ack()
        states.append(body["state"])

    ws = emu.workspace
    bob, carol = ws.add_user("bob"), ws.add_user("carol")
    refer = {"type": "users_select", "action_id": "refer"}
    blocks = [
        {"type": "actions", "block_id": "ask", "elements": [OFFER_BLOCKS[1]["elements"][0], refer]}
    ]
    dm = ws.open_im(bob.id)
    offer = ws.chat.post(dm.id, emu.bot_user_id, "Can you help?", blocks=blocks)
    async with bolt_over_http(emu, app):
        assert (await emu.click(bob.id, "refer", message=offer, selected_user=carol.id)).ok
        assert (await emu.click(bob.id, "offer", message=offer, value="yes")).ok
        ws.chat.update(offer, text="Can you help?", blocks=OFFER_BLOCKS)
        assert (await emu.click(bob.id, "offer", message=offer, value="yes")).ok
    picked = {"ask": {"refer": {"type": "users_select", "selected_user": carol.id}}}
    assert states == [{"values": picked}, {"values": picked}, {"values": {}}]


async def test_block_suggestion_returns_the_bots_options(emu: SlackEmulator) -> None:
    """Typing into an external select sends block_suggestion; the bot's options come back."""
    app = bolt_app(emu)

    @app.options("topic")
    async def topics(ack: Any, body: dict[str, Any]) -> None:
        typed = body["value"]
        await ack(options=[{"text": {"type": "plain_text", "text": f"{typed}-x"}, "value": typed}])

    alice = emu.workspace.add_user("alice")
    modal = emu.workspace.views.open_modal(alice.id, QUESTION_MODAL)
    async with bolt_over_http(emu, app):
        options = await emu.suggest(alice.id, "topic", "he", modal.id)
        with pytest.raises(PersonError, match="2 characters"):
            await emu.suggest(alice.id, "topic", "h", modal.id)
    assert options == [{"text": {"type": "plain_text", "text": "he-x"}, "value": "he"}]


async def test_home_opened_then_button_in_home(emu: SlackEmulator) -> None:
    """app_home_opened reaches Bolt, views.publish sets the Home tab, and a click in it is
    a block_actions with a view container."""
    app = bolt_app(emu)
    home = {
        "type": "home",
        "blocks": [
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "edit_profile",
                        "text": {"type": "plain_text", "text": "Edit"},
                    }
                ],
            }
        ],
    }
    containers: list[dict[str, Any]] = []

    @app.event("app_home_opened")
    async def opened(event: dict[str, Any], client: Any) -> None:
        await client.views_publish(user_id=event["user"], view=home)

    @app.action("edit_profile")
    async def edit(ack: Any, body: dict[str, Any]) -> None:
        await ack()
        containers.append(body["container"])

    maria = emu.workspace.add_user("maria")
    async with bolt_over_http(emu, app):
        await emu.open_home(maria.id)
        await emu.wait_for(lambda c: c.method == "views.publish")
        shown = emu.home_view(maria.id)
        assert shown is not None
        await emu.click(maria.id, "edit_profile", view=shown)
    assert containers == [{"type": "view", "view_id": shown.id}]


async def test_reaction_and_shortcuts_reach_bolt(emu: SlackEmulator) -> None:
    """reaction_added carries item_user; a message shortcut carries the message and a
    response_url; a global shortcut carries a trigger_id the bot can open a modal with."""
    app = bolt_app(emu)
    seen: dict[str, dict[str, Any]] = {}

    @app.event("reaction_added")
    async def reacted(event: dict[str, Any]) -> None:
        seen["reaction"] = event

    @app.shortcut("give_kudos")
    async def kudos(ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        seen["message_action"] = body
        await respond(text="Kudos noted")

    @app.shortcut("find_expert")
    async def find(ack: Any, body: dict[str, Any], client: Any) -> None:
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=QUESTION_MODAL)

    ws = emu.workspace
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    said = ws.chat.post(ws.general.id, bob.id, "fixed the build")
    async with bolt_over_http(emu, app):
        await emu.add_reaction(alice.id, ws.general.id, said.ts, ":tada:")
        await emu.message_shortcut(alice.id, "give_kudos", said)
        await emu.global_shortcut(alice.id, "find_expert")
        await emu.wait_for(lambda c: c.method == "views.open")
    assert seen["reaction"]["item_user"] == bob.id and seen["reaction"]["reaction"] == "tada"
    assert seen["message_action"]["message"]["ts"] == said.ts
    assert [e.text for e in emu.ephemerals(alice.id)] == ["Kudos noted"]
    assert emu.open_modal(alice.id) is not None
