"""One demo session: performs each typed line through the emulator, as that person would."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from typing import Any

from bot.runtime.demo.display import describe, home_republished
from bot.runtime.demo.shell import BadLine, Line, to_slack_text, wait_for
from bot.runtime.runner import Runner, in_flight_listeners
from bot.safe_text import quoted
from slack_emulator import Message, PersonError, SlackEmulator

# How far a `wait` moves the clock between two runs of them, at most: a week's digests are due
# for the rest of that week, so no week's is passed by.
STEP = timedelta(days=1)
# How much of a `wait` is stepped through: a longer one first moves the clock to this long
# before its end at once, as a bot down meanwhile would find it (`wait 1000 months` stepped
# through would draw some 20,000 digests; 8 weeks cost about 6 CPU-s).
STEPPED = timedelta(weeks=8)
# How long a line's work is waited for before the demo says the bot is still busy and goes on.
# It waited 20 s and went on without a word: on a loaded machine a question's offers were not
# sent by then, and the next line found no offer in Bob's DM to pick in.
SETTLE_SECONDS = 300.0


async def settle(emu: SlackEmulator, runner: Runner, within: float | None = None) -> bool:
    """Quiet everywhere, twice in a row: Slack has nothing in flight, no listener of the bot
    is still working after its ack, and the bot's outbox has nothing due or being sent.
    False when the bot was still busy after `within` seconds (`SETTLE_SECONDS`).

    Those three cover all the bot's work (a listener's task starts before its ack is sent, an
    outbox row is leased before its send), so the listeners are waited for as such and no
    quiet spell on a timer on top: Slack's 0.3 s of silence, and a 50 ms poll, made every
    line of a demo take about 0.4 s. The outbox's sends in flight are waited for as such too:
    asking the database every 10 ms whether the outbox was idle, while each week's digests
    were drawn and sent, was a sixth of `wait 8 weeks`'s CPU and 2 of the docs' script's 7
    CPU-s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + (SETTLE_SECONDS if within is None else within)
    quiet = 0
    while quiet < 2 and loop.time() < deadline:
        listeners = in_flight_listeners()
        if listeners:
            await asyncio.wait(listeners, timeout=max(0.0, deadline - loop.time()))
            quiet = 0
            continue
        sends = runner.bot.outbox.sends()
        if sends:
            await asyncio.wait(
                sends, timeout=max(0.0, deadline - loop.time()), return_when=asyncio.FIRST_COMPLETED
            )
            quiet = 0
            continue
        if emu.in_flight or not await runner.bot.outbox.idle():
            await asyncio.sleep(0.01)
            quiet = 0
            continue
        quiet += 1
        await asyncio.sleep(0)  # what a callback already scheduled starts, before looking again
    return quiet >= 2


def still_busy() -> list[str]:
    """What the demo shows after a line whose work outlasted `SETTLE_SECONDS`."""
    return [f"  (askaround is still busy after {SETTLE_SECONDS:.0f} s: the rest shows later)"]


# A single-choice picker emptied is sent with its choice null (a list one empty, as typed).
_EMPTIED = {
    "static_select": "selected_option",
    "external_select": "selected_option",
    "users_select": "selected_user",
    "conversations_select": "selected_conversation",
    "channels_select": "selected_channel",
}


class DemoSession:
    def __init__(self, emu: SlackEmulator, users: dict[str, str], runner: Runner) -> None:
        self.emu = emu
        self.runner = runner
        self.users = users
        self._seen = 0
        # Who may be on their Home tab with this line (opened it, or pressed or submitted
        # something, maybe on it or a form from it): anyone else's republished one is a note.
        self._opening: str | None = None
        # What a modal's submission was refused for: shown next to its fields, not an effect.
        self._refused: list[str] = []

    def user(self, handle: str) -> str:
        if handle not in self.users:
            raise BadLine(f"nobody called @{handle} here; `people` lists everyone")
        return self.users[handle]

    def channel(self, name: str) -> str:
        try:
            return self.emu.workspace.channel_by_name(name).id
        except (KeyError, ValueError):
            raise BadLine(f"there is no #{name} channel") from None

    def joined(self, user: str, line: Line) -> str:
        """The line's channel, which its person must be in: Slack lets nobody post, run a
        command or react in a channel they are not a member of."""
        channel_id = self.channel(line.channel)
        if user not in self.emu.workspace.channel(channel_id).members:
            raise BadLine(f"@{line.handle} is not in #{line.channel}; `people` says who is where")
        return channel_id

    async def perform(self, line: Line) -> list[str]:
        """Do what the line says, wait for the bot to finish, and return what people now see."""
        if line.verb == "wait":
            return await self.wait(wait_for(line.text, self.runner.bot.services.clock.now()))
        user = self.user(line.handle)
        text = to_slack_text(line.text, self.users)
        self._opening = user if line.verb in ("home", "click", "pick", "submit") else None
        try:
            await self._act(line, user, text)
        except PersonError as error:
            raise BadLine(str(error)) from None
        quiet = await settle(self.emu, self.runner)
        refused, self._refused = self._refused, []
        return refused + self.news() + ([] if quiet else still_busy())

    async def begin(self) -> None:
        """Run the clock's jobs once, unseen, but for the digests: last week's are due when
        the demo starts on any day after the digest's, and they are of a week before this
        company existed, so they are marked sent without being drawn (`skip_due`; drawing
        five charts took a fifth of a short demo's CPU). A `wait` then shows only what comes
        due during the demo."""
        bot = self.runner.bot
        await bot.scheduler.run_once("escalate")
        await bot.services.digests.skip_due(self.emu.team_id)
        await settle(self.emu, self.runner)
        self.news()

    async def wait(self, delta: timedelta) -> list[str]:
        """Let `delta` pass for the bot, running its clock's jobs as they would have run in
        that time (the demo stops their timers, so time moves only when asked): a day at a
        time, so each week's digests come due in the week they are of, and a request's time
        at a time while questions move on, so each round's requests run out in turn (of a wait
        longer than `STEPPED`, its end alone). Run once at the end, `wait 2 weeks` brought
        one week's digests and moved a question on by one round."""
        bot = self.runner.bot
        end = bot.services.clock.now() + delta
        step, quiet = max(delta - STEPPED, STEP), True
        while (left := end - bot.services.clock.now()) > timedelta(0):
            bot.services.clock.advance(min(left, step))
            bot.outbox.wake()
            moved, settled = await self._clock_jobs()
            quiet = quiet and settled
            step = timedelta(minutes=bot.services.questions.config.offer_minutes) if moved else STEP
        now = bot.services.clock.now()
        busy = [] if quiet else still_busy()
        return [f"  (it is now {now:%A %d %b %Y %H:%M} UTC for askaround)", *self.news(), *busy]

    async def _clock_jobs(self) -> tuple[bool, bool]:
        """What the bot does on a clock that a person would notice: offers that ran out of
        working time move on to the next colleagues, and managers' weekly digests come due.
        Whether a question moved on, and whether the bot then settled (`settle`)."""
        scheduler = self.runner.bot.scheduler
        moved = bool(await scheduler.run_once("escalate"))
        await scheduler.run_once("digests")
        return moved, await settle(self.emu, self.runner)

    def news(self) -> list[str]:
        """What people now see. A Home tab republished while its person does something else
        is a line saying so, once: Slack shows it only when they open it, and in full it was
        30 lines each kudos, for each manager or admin who had opened theirs."""
        effects = self.emu.effects_since(self._seen)
        if effects:
            self._seen = effects[-1].seq
        shown, noted = [], set()
        for effect in effects:
            if effect.kind == "home_published" and effect.visible_to[0] != self._opening:
                if effect.visible_to[0] not in noted:
                    noted.add(effect.visible_to[0])
                    shown.append(home_republished(self.emu, effect))
            elif said := describe(self.emu, effect):
                shown.append(said)
        return shown

    async def _act(self, line: Line, user: str, text: str) -> None:
        if line.verb == "command":
            await self._command(user, text, self.joined(user, line))
        elif line.verb == "say":
            await self.emu.post_message(user, self.joined(user, line), text)
        elif line.verb == "dm":
            im = self.emu.workspace.open_im(user)
            if text.startswith("/"):  # Slack runs a command typed in a DM; it is no message
                await self._command(user, text, im.id)
            else:
                await self.emu.post_message(user, im.id, text)
        elif line.verb == "reply":
            channel_id = self.joined(user, line)
            parent = self._last_message(user, channel_id, top_level=True)
            await self.emu.post_message(user, channel_id, text, thread_ts=parent.ts)
        elif line.verb == "home":
            await self.emu.open_home(user)
        elif line.verb == "react":
            target = self._last_message(user, self.joined(user, line))
            await self.emu.add_reaction(user, target.channel, target.ts, line.text.strip(": "))
        elif line.verb == "shortcut":
            callback, _, where = line.text.partition(" ")
            if self._on_message(line.handle, callback, where.strip()):
                target = self._last_message(user, self.joined(user, line))
                await self.emu.message_shortcut(user, callback, target)
            else:
                await self.emu.global_shortcut(user, callback)
        elif line.verb == "submit":
            await self._submit(user, line.text)
        elif line.verb == "click":
            await self.emu.click_button(user, line.text.strip().strip('"'))
        elif line.verb == "pick":
            await self._pick(user, line.text)

    def _on_message(self, handle: str, callback: str, where: str) -> bool:
        """Whether the shortcut goes on a message, as the manifest declares it; Slack offers
        no other, so anything else is refused here, as `_command` refuses a command."""
        router = self.runner.bot.router
        on_message, anywhere = router.names("message_shortcut"), router.names("global_shortcut")
        if where not in ("", "on last"):
            raise BadLine(f"after a shortcut's name, only `on last`: `@{handle} shortcut …`")
        if callback in on_message and not where:
            raise BadLine(
                f"`{callback}` is used on a message: `@{handle} shortcut {callback} on last`"
            )
        if callback in anywhere and where:
            raise BadLine(f"`{callback}` is used on no message: `@{handle} shortcut {callback}`")
        if callback not in on_message | anywhere:
            raise BadLine(
                f"no shortcut `{callback}`; on a message (add `on last`): "
                f"{', '.join(sorted(on_message))}; anywhere: {', '.join(sorted(anywhere))}"
            )
        return bool(where)

    async def _command(self, user: str, text: str, channel_id: str) -> None:
        command, _, rest = text.partition(" ")
        known = sorted(self.runner.bot.router.names("command"))
        if command not in known:  # Slack refuses it itself; the app never hears of it
            raise BadLine(
                f"{command} is not a valid command. This app's commands: {', '.join(known)}"
            )
        await self.emu.slash_command(user, command, rest, channel_id=channel_id)

    async def _pick(self, user: str, spec: str) -> None:
        """`Menu @person`, or `Menu=option`: pick in a menu outside a modal's fields, as the
        Suggest someone of an offer."""
        if "=" in spec:
            label, _, choice = spec.partition("=")
        else:
            label, _, choice = spec.strip().rpartition(" ")
        label, choice = label.strip(), choice.strip()
        if not label or not choice or ("=" not in spec and not choice.startswith("@")):
            raise BadLine(
                "`pick` takes a menu and what to pick in it: `@dev pick Suggest someone @bob`,"
                " or `Menu=option`"
            )
        if choice.startswith("@"):
            choice = self.user(choice[1:])
        await self.emu.pick(user, label, choice)

    def _last_message(self, user: str, channel_id: str, *, top_level: bool = False) -> Message:
        """The last message by someone else in the channel; with `top_level`, the last one
        that starts a thread (not a reply in one), as `reply` answers it."""
        for message in reversed(self.emu.messages(channel_id)):
            in_thread = top_level and message.is_reply
            if message.user != user and not message.deleted and not in_thread:
                return message
        raise BadLine("there is no message from someone else in that channel yet")

    async def _submit(self, user: str, spec: str) -> None:
        """`Label=value; Other label=a, b`: fill the open modal's inputs, then press Submit."""
        modal = self.emu.open_modal(user)
        if modal is None:
            raise BadLine("no modal is open for that person")
        fields = [b for b in modal.blocks if b.get("type") == "input"]
        labels = [str((b.get("label") or {}).get("text", "")) for b in fields]
        if not fields:
            who = self.emu.workspace.user(user).name
            raise BadLine(f"the modal open for @{who} has nothing to fill in (it was submitted)")
        inputs = {label.lower(): b for label, b in zip(labels, fields, strict=True)}
        values: dict[str, dict[str, Any]] = {}
        for part in filter(None, (p.strip() for p in spec.split(";"))):
            label, _, raw = part.partition("=")
            block = inputs.get(label.strip().lower())
            if block is None:
                raise BadLine(
                    f"the modal has no field {quoted(label.strip(), one_line=True)}; "
                    f"it has: {', '.join(labels)}"
                )
            element = block["element"]
            kind = str(element.get("type"))
            if not raw.strip() and kind in _EMPTIED:  # a picker cleared, as Slack sends it
                typed: Any = {_EMPTIED[kind]: None}
            elif kind.endswith("external_select"):
                typed = await self._picked(user, modal.id, element, raw.strip())
            else:
                typed = self._typed(element, raw.strip())
            values[block["block_id"]] = {element["action_id"]: typed}
        await self.emu.submit_view(user, modal.id, values)
        if modal.errors:
            by_block = {b["block_id"]: b["label"]["text"] for b in fields}
            who = self.emu.workspace.user(user).name
            self._refused = [f"  [modal shown to @{who}: not submitted]"] + [
                f"    {by_block.get(field, field)}: {message}"
                for field, message in modal.errors.items()
            ]

    async def _picked(self, user: str, view_id: str, element: dict[str, Any], raw: str) -> Any:
        """A type-ahead: each item is typed in and the bot's offer for it picked (the one
        whose words are the item's, else the first), as a person picks from what Slack shows."""
        chosen = []
        for item in (i.strip() for i in raw.split(",") if i.strip()):
            try:
                offered = await self.emu.suggest(user, element["action_id"], item, view_id)
            except PersonError as error:
                raise BadLine(f"{quoted(item, one_line=True)}: {error}") from None
            if not offered:
                raise BadLine(f"nothing is offered for {quoted(item, one_line=True)} in that field")
            words = {str(o["text"]["text"]).lower(): o for o in offered}
            chosen.append(words.get(item.lower(), offered[0]))
        return chosen if str(element.get("type")).startswith("multi_") else chosen[0]

    def _person_picked(self, item: str) -> str:
        """A person typed in a people picker; `@askaround` too, which the line already made
        the bot's mention: Slack's picker lists apps, and the bot refuses one on the field
        (it was "nobody called @<@U0…> here")."""
        mention = re.fullmatch(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>", item)
        return mention.group(1) if mention else self.user(item.lstrip("@"))

    def _typed(self, element: dict[str, Any], raw: str) -> Any:
        """What a person picks in a field, from what they typed in the demo."""
        kind = str(element.get("type"))
        items = [item.strip() for item in raw.split(",") if item.strip()]
        if kind.endswith("users_select"):
            ids = [self._person_picked(item) for item in items]
            return ids if kind.startswith("multi_") else ids[0]
        if kind.endswith("static_select"):
            options = {}
            for option in element.get("options") or []:
                options[str(option["value"]).lower()] = option["value"]
                options[str(option["text"]["text"]).lower().lstrip("#")] = option["value"]
            try:
                chosen = [options[item.lower().lstrip("#")] for item in items]
            except KeyError as missing:
                raise BadLine(f"no option {missing} in that field") from None
            return chosen if kind.startswith("multi_") else chosen[0]
        if kind.endswith("conversations_select") or kind.endswith("channels_select"):
            channels = [self.channel(item.lstrip("#")) for item in items]
            return channels if kind.startswith("multi_") else channels[0]
        if element.get("multiline"):  # one line typed: `\n` is where Enter would be
            return raw.replace("\\n", "\n")
        return raw
