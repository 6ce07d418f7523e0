"""A local Slack emulator: the Web API, event delivery and Socket Mode on loopback.

Used by the end-to-end tests and the demo to run the real app with no Slack account.
"""

from .actions import PersonError
from .browser import Browser, Page
from .clock import Clock, FakeClock, RealClock
from .delivery import Attempt, Delivery, InProcessApp
from .faults import Fault, Faults
from .records import ApiCall, Channel, Effect, Ephemeral, File, Message, Reaction, User, View
from .server import SlackEmulator
from .team import Team
from .team_api import TeamApi
from .text import render_text
from .workspace import Workspace

__all__ = [
    "ApiCall",
    "Attempt",
    "Browser",
    "Channel",
    "Clock",
    "Delivery",
    "Effect",
    "Ephemeral",
    "FakeClock",
    "Fault",
    "Faults",
    "File",
    "InProcessApp",
    "Message",
    "Page",
    "PersonError",
    "Reaction",
    "RealClock",
    "SlackEmulator",
    "Team",
    "TeamApi",
    "User",
    "View",
    "Workspace",
    "render_text",
]
