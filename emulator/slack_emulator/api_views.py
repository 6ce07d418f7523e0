"""views.*: Home tabs and modals, with Slack's trigger and hash rules."""

from __future__ import annotations

from typing import Any

from . import api_base as a
from . import blocks as block_kit
from . import shapes
from .api_base import ApiContext, Args, SlackError
from .view_store import ViewError


def _view_arg(ctx: ApiContext, args: Args, kind: str, method: str) -> dict[str, Any]:
    view = a.structured(args, "view")
    if view is None:
        raise SlackError(
            "invalid_arguments",
            response_metadata={"messages": ["[ERROR] missing required field: view"]},
        )
    errors = block_kit.view_errors(view)
    if not errors and view.get("type") != kind:
        errors = [f"[ERROR] must be {kind} [json-pointer:/view/type]"]
    if errors:
        code = block_kit.error_code(errors, "invalid_arguments")
        raise a.invalid_blocks(code, ctx.ws.block_kit(method, errors))
    ctx.ws.block_kit(method, block_kit.view_warnings(view))
    ctx.ws.sent(method, "view", view)
    return dict(view)


def _answer(ctx: ApiContext, view_id: str) -> dict[str, Any]:
    view = ctx.ws.views.get(view_id)
    assert view is not None
    return {"ok": True, "view": shapes.view_json(ctx.ws, view)}


def publish(ctx: ApiContext, args: Args) -> dict[str, Any]:
    user_id = a.required(args, "user_id", "invalid_arguments")
    if ctx.ws.get_user(user_id) is None:
        raise SlackError("user_not_found")
    spec = _view_arg(ctx, args, "home", "views.publish")
    current = ctx.ws.views.home_of(user_id)
    expected = a.text(args, "hash")
    if expected and current is not None and current.hash != expected:
        raise SlackError("hash_conflict")
    for peer in ctx.ws.org_peers:  # one Home tab across an Enterprise Grid organisation
        if peer is not ctx.ws and peer.get_user(user_id) is not None:
            peer.views.publish_home(user_id, spec)
    return _answer(ctx, ctx.ws.views.publish_home(user_id, spec).id)


def open_view(ctx: ApiContext, args: Args) -> dict[str, Any]:
    spec = _view_arg(ctx, args, "modal", "views.open")
    try:
        user = ctx.ws.views.redeem_trigger(a.text(args, "trigger_id"))
        return _answer(ctx, ctx.ws.views.open_modal(user, spec).id)
    except ViewError as exc:
        raise SlackError(exc.code) from exc


def push(ctx: ApiContext, args: Args) -> dict[str, Any]:
    spec = _view_arg(ctx, args, "modal", "views.push")
    try:
        user = ctx.ws.views.redeem_trigger(a.text(args, "trigger_id"))
        return _answer(ctx, ctx.ws.views.push_modal(user, spec).id)
    except ViewError as exc:
        raise SlackError(exc.code) from exc


def update(ctx: ApiContext, args: Args) -> dict[str, Any]:
    store = ctx.ws.views
    view_id = a.text(args, "view_id")
    external_id = a.text(args, "external_id")
    if view_id is None and external_id is None:
        raise SlackError("invalid_arguments")
    view = store.get(view_id) if view_id else store.by_external_id(external_id or "")
    if view is None or view.closed:
        raise SlackError("not_found")
    spec = _view_arg(ctx, args, view.type, "views.update")
    expected = a.text(args, "hash")
    if expected and expected != view.hash:
        raise SlackError("hash_conflict")
    return _answer(ctx, store.update(view, spec).id)


HANDLERS: dict[str, a.Handler] = {
    "views.publish": publish,
    "views.open": open_view,
    "views.push": push,
    "views.update": update,
}
