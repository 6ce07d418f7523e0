"""A person as the Slack directory describes them, parsed by an adapter: what every writer of
people's rows (a look-up, an event, the directory sync, an import) stores."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

from bot.safe_text import whole_characters

# Why Slack left unsaid whether someone is a member of the workspace or its guest: it would
# not describe them ("refused"), or described them without saying ("left_out").
MembershipUnsaid = Literal["refused", "left_out"]


@dataclass(frozen=True, slots=True)
class Profile:
    """What the Slack directory says about one user, already parsed by an adapter."""

    user_id: str
    name: str
    real_name: str = ""
    email: str | None = None
    tz: str = "UTC"
    is_bot: bool = False
    deactivated: bool = False
    # A guest of the workspace (multi- or single-channel), who reads only the channels they
    # were invited to: `bot.visibility` decides what they see and whether they are asked.
    is_guest: bool = False
    # Slack's `updated` (seconds): when this profile last changed there; 0 if Slack did not
    # say. Slack may deliver two `user_change` of one person out of order (a retry of a
    # failed delivery comes after the next change); the older is not stored over the newer.
    updated: int = 0
    # The fields above Slack left out of its answer (all of them but `user_id` for someone
    # known by their id alone): what askaround knows of them is kept, never these defaults.
    unsaid: frozenset[str] = frozenset()

    def older_than(self, other: Profile) -> bool:
        return self.updated < other.updated

    def left_as_stored(self, stored_name: str | None) -> frozenset[str]:
        """The fields to leave as stored when writing this: what Slack left out, of someone
        askaround knows (a stored name: imported from a file, or said by Slack before);
        nothing, of someone Slack never described, stored as it says now (whether they are
        a guest, left unsaid, yes: `bot.visibility` reads it from the table)."""
        return self.unsaid if stored_name else frozenset()

    def columns(self, kept: Collection[str] = ()) -> dict[str, Any]:
        """The row to write of what Slack said, for every writer of profiles (a look-up, an
        event, the directory sync); `kept` are left as stored."""
        return fitted(
            {"user_id": self.user_id}
            | {
                column: getattr(self, field)
                for field, column in COLUMNS.items()
                if field not in kept
            }
        )


def fitted(row: dict[str, Any]) -> dict[str, Any]:
    """A person's row with its names cut to what their columns keep, ending in `…`, where a
    character as a reader sees it ends (`whole_characters`: a cut at a code point split a
    👩‍💻 or an accent): every writer of what Slack or a file says of someone stores it
    through this (`columns`, an import), so the directory sync compares what it would store."""
    # Imported here: the command line parses its arguments through this module, without
    # SQLAlchemy (tests/domain/test_cli_startup.py); a row is fitted with the database open.
    from storage.people import NAME_LENGTHS

    return row | {
        field: whole_characters(value, length - 1) + "…"
        for field, length in NAME_LENGTHS.items()
        if isinstance(value := row.get(field), str) and len(value) > length
    }


# A profile's fields and the columns that store them.
COLUMNS = {
    "name": "name",
    "real_name": "real_name",
    "email": "email",
    "tz": "tz",
    "is_bot": "is_bot",
    "deactivated": "deactivated",
    "is_guest": "is_guest",
    "updated": "slack_updated",
}
# Slack said none of it: someone known from the database or a file alone, by id.
SAID_NOTHING = frozenset(COLUMNS)
