"""The test API of one workspace: act as its people (``People``) and look at what they see,
messages, ephemerals, DMs, Home tabs and modals.

The emulator is its own first workspace and each further ``Team`` is another; both use this
class, so a test drives every workspace through the same methods.
"""

from __future__ import annotations

from typing import Any

from . import screen
from .actions import PersonError
from .api_base import ApiContext
from .changes import Changes
from .delivery import Delivery
from .records import Effect, Ephemeral, Message, View


class TeamApi(Changes):
    """Mixin; the class provides what ``People`` needs (``Changes`` is ``People`` and the
    directory's changes), plus the workspace's bot token, whether
    the app is installed there (its token works only then) and its Web API context."""

    bot_token: str
    installed: bool
    api_context: ApiContext

    @property
    def team_id(self) -> str:
        return self.workspace.team_id

    @property
    def bot_user_id(self) -> str:
        return self.workspace.bot_user_id

    def effects_since(self, seq: int = 0) -> list[Effect]:
        return self.workspace.effects_since(seq)

    def messages(self, channel_id: str | None = None) -> list[Message]:
        """Messages not deleted, oldest first, thread replies included."""
        return [
            m
            for m in self.workspace.chat.messages
            if not m.deleted and channel_id in (None, m.channel)
        ]

    def ephemerals(self, user_id: str | None = None) -> list[Ephemeral]:
        return [
            e for e in self.workspace.chat.ephemerals if not e.deleted and user_id in (None, e.user)
        ]

    def dm_messages(self, user_id: str) -> list[Message]:
        im = self.workspace.im_between(user_id)
        return self.messages(im.id) if im else []

    def home_view(self, user_id: str) -> View | None:
        return self.workspace.views.home_of(user_id)

    def open_modal(self, user_id: str) -> View | None:
        """The modal on top of this person's stack, if any is open."""
        return self.workspace.views.top_modal(user_id)

    async def uninstall(self) -> list[Delivery]:
        """Remove the app from this workspace, as an admin does in Slack: its token stops
        working at once, then Slack sends `tokens_revoked` (naming the bot user whose token
        went) and `app_uninstalled`, to an app subscribed to them."""
        self.installed = False
        revoked = {"type": "tokens_revoked", "tokens": {"bot": [self.bot_user_id]}}
        return [
            await self._send_event(event)
            for event in (revoked, {"type": "app_uninstalled"})
            if self.subscribed(str(event["type"]))
        ]

    async def revoke_tokens(self, *, bot: bool = True, users: tuple[str, ...] = ()) -> Delivery:
        """Revoke tokens of this workspace's app without uninstalling it (`auth.revoke`, or
        the first of an uninstall's two events): Slack sends `tokens_revoked` alone; the bot
        token revoked (`bot`), the app can act there no more."""
        if bot:
            self.installed = False
        tokens = {"oauth": list(users), "bot": [self.bot_user_id] if bot else []}
        return await self._send_event({"type": "tokens_revoked", "tokens": tokens})

    async def click_button(self, user_id: str, label: str) -> Delivery:
        """Press the frontmost button labelled ``label`` that this person can see."""
        found = screen.find_button(self.workspace, user_id, label)
        if found is None:
            shown = screen.button_labels(self.workspace, user_id)
            raise self._unseen(user_id, f"button “{label}”", "they can press", shown, "buttons")
        surface, block, element = found
        action_id = str(element.get("action_id"))
        return await self.click(
            user_id,
            action_id,
            block_id=block.get("block_id"),
            value=element.get("value"),
            **_on(surface),
        )

    async def pick(self, user_id: str, label: str, choice: str) -> Delivery:
        """Pick ``choice`` in the frontmost menu whose placeholder is ``label``: a user id in a
        users_select, an option (its value or its text) in a static_select. Slack sends the
        app a block_actions payload at once, as it does for a menu outside an input block."""
        found = screen.find_menu(self.workspace, user_id, label)
        if found is None:
            shown = screen.menu_labels(self.workspace, user_id)
            raise self._unseen(user_id, f"menu “{label}”", "they can pick from", shown, "menus")
        surface, block, element = found
        chosen: dict[str, Any]
        if element.get("type") == "users_select":
            if choice not in self.workspace.users:
                raise PersonError(f"{label!r} lists people, and {choice!r} is nobody here")
            chosen = {"selected_user": choice}
        else:
            options = {
                str(text).strip().lower(): o["value"]
                for o in element.get("options") or []
                for text in (o["value"], o["text"]["text"])
            }
            if choice.strip().lower() not in options:
                offered = ", ".join(repr(o["text"]["text"]) for o in element.get("options") or [])
                raise PersonError(f"{label!r} has no option {choice!r}; it has {offered}")
            chosen = {"selected_option": options[choice.strip().lower()]}
        action_id = str(element.get("action_id"))
        return await self.click(
            user_id, action_id, block_id=block.get("block_id"), **_on(surface), **chosen
        )

    def _unseen(
        self, user_id: str, what: str, can: str, shown: list[str], kinds: str
    ) -> PersonError:
        who = self.workspace.display_name(user_id)
        seen = f"{can} {', '.join(f'“{s}”' for s in shown)}" if shown else f"they see no {kinds}"
        return PersonError(f"{who} sees no {what}; {seen}")


def _on(surface: screen.Surface) -> dict[str, Any]:
    """Where an element is, as `click` takes it."""
    return {"view": surface} if isinstance(surface, View) else {"message": surface}
