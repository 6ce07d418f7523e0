"""The emulated workspace: its directory plus what was said, shown and shared in it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from .chat_store import ChatStore
from .directory import Directory
from .records import File
from .view_store import ViewStore

# A second reading of what the app sends, beside Slack's rules (`blocks.py`): given what was
# sent ("message": its `text` and `blocks`; "view"; "options", an external select's answer)
# and the payload, the problems it finds. The tests add one (tests/slack/block_kit.py).
LayoutCheck = Callable[[str, dict[str, Any]], list[str]]


class Workspace(Directory):
    """One Slack workspace (team) with the app installed in it.

    ``chat`` holds messages, ephemerals and reactions; ``views`` the Home tabs, modals
    and trigger ids; ``files`` the uploads. Tests add people and channels here.
    """

    def __init__(
        self,
        *,
        team_id: str = "T0EMULATE",
        team_name: str = "Emulated Co",
        bot_user_id: str = "U0ASKAROUND",
        bot_name: str = "askaround",
        app_id: str = "A0ASKAROUND",
        clock: Callable[[], float] = time.time,
        bot_scopes: Iterable[str] = ("chat:write",),
        enterprise_id: str | None = None,
    ) -> None:
        super().__init__(
            team_id=team_id,
            team_name=team_name,
            bot_user_id=bot_user_id,
            bot_name=bot_name,
            app_id=app_id,
            clock=clock,
        )
        # The Enterprise Grid organisation the workspace belongs to, if any: Slack names it in
        # every payload (`enterprise_id`, `enterprise`) and in the install's `oauth.v2.access`.
        self.enterprise_id = enterprise_id
        self.chat = ChatStore(self)
        self.views = ViewStore(self)
        self.files: dict[str, File] = {}
        # People from another organisation in this workspace's shared channels (Slack
        # Connect): user id -> their home team. Slack names their home team as theirs
        # (`user.team_id`, an event's `team` and `user_team`); `team.id` stays this one's.
        self.guests: dict[str, str] = {}
        # Those of `guests` whose home is a workspace of an Enterprise Grid organisation:
        # user id -> that organisation. Slack names it as theirs where it names a guest's
        # organisation: an interaction's `enterprise` (none for a guest from outside any), a
        # message's envelope `enterprise_id`, a mention's `user_team` and `source_team` (in
        # place of their workspace; slackapi/bolt-python tests/slack_bolt/request/
        # test_internals.py, `slack_connect_events_api_*`).
        self.guest_orgs: dict[str, str] = {}
        # People Slack will not describe to the app: user id -> the error `users.info` and
        # `users.profile.get` answer about them (`user_not_found`, `user_not_visible`), as
        # Slack may of a member of another organisation; `users.list` leaves them out.
        self.undescribed: dict[str, str] = {}
        # Members removed from the workspace without being deactivated (`Changes.remove_user`):
        # user id -> the other workspaces of its Enterprise Grid org they are still in.
        # `users.list` leaves them out; `users.info` describes them as the org knows them
        # (`enterprise_user.teams` without this workspace).
        self.removed: dict[str, tuple[str, ...]] = {}
        # In an Enterprise Grid organisation that installed the app in several of its
        # workspaces, the one it was installed in first: Slack names it as a Home tab's
        # `view.app_installed_team_id` whichever workspace the person opened the Home tab in
        # (slackapi/bolt-python#1229), and Bolt takes it for the request's workspace.
        self.org_first_install: str | None = None
        # The workspaces of its Enterprise Grid organisation on this emulator, itself among
        # them (`SlackEmulator.add_team` shares one list). A person has one Home tab across
        # them: one workspace's `views.publish` is what they see in each.
        self.org_peers: list[Workspace] = [self]
        # What the app was granted; of these only chat:write.public changes what it may do.
        self.bot_scopes = frozenset(bot_scopes)
        # Every layout Slack would refuse (invalid_blocks, invalid_arguments) or warn about (no
        # fallback text), wherever the app sent it: the Web API, a response_url, an ack.
        self.block_kit_problems: list[str] = []
        # Checks beyond Slack's own, run on each layout Slack accepted (shared by the
        # emulator's workspaces: `SlackEmulator.add_team`).
        self.layout_checks: list[LayoutCheck] = []

    def block_kit(self, where: str, problems: list[str]) -> list[str]:
        """Note `problems` found in what the app sent to `where`; returns them."""
        self.block_kit_problems.extend(f"{where}: {problem}" for problem in problems)
        return problems

    def sent(self, where: str, kind: str, payload: dict[str, Any]) -> None:
        """Run `layout_checks` on a layout sent to `where` that Slack accepted; note what
        they find in `block_kit_problems`, as Slack's own refusals are."""
        for check in self.layout_checks:
            self.block_kit(where, check(kind, payload))

    @property
    def enterprise(self) -> dict[str, str] | None:
        """Slack's `enterprise` object for the workspace's organisation, or None."""
        if self.enterprise_id is None:
            return None
        return {"id": self.enterprise_id, "name": f"{self.team_name} Group"}

    def home_team(self, user_id: str | None) -> str:
        return self.guests.get(user_id or "", self.team_id)

    def new_file(
        self,
        *,
        name: str,
        length: int,
        user: str,
        alt_txt: str | None = None,
        snippet_type: str | None = None,
    ) -> File:
        file = File(
            id=self.new_id("F", self.files),
            name=name,
            title=name,
            user=user,
            created=int(self.now()),
            length=length,
            alt_txt=alt_txt,
            snippet_type=snippet_type,
        )
        self.files[file.id] = file
        return file
