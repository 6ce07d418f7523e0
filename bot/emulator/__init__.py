"""A local Slack emulator: the Web API, event delivery and Socket Mode on loopback.

Used by the end-to-end tests and the demo to run the real app with no Slack account.
"""

from .actions import PersonError
from .delivery import Attempt, Delivery
from .faults import Fault, Faults
from .records import ApiCall, Channel, Effect, Ephemeral, File, Message, Reaction, User, View
from .server import SlackEmulator
from .text import render_text
from .workspace import Workspace

__all__ = [
    "ApiCall",
    "Attempt",
    "Channel",
    "Delivery",
    "Effect",
    "Ephemeral",
    "Fault",
    "Faults",
    "File",
    "Message",
    "PersonError",
    "Reaction",
    "SlackEmulator",
    "User",
    "View",
    "Workspace",
    "render_text",
]
