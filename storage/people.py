"""Queries on people: the directory's rows, keyed by workspace and Slack user id."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterable, Collection, Container, Iterable, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnClause,
    Row,
    bindparam,
    delete,
    func,
    literal_column,
    or_,
    select,
    text,
    union,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage import network, skills
from storage.models import Connection, Person, PersonSkill
from storage.models.base import utcnow
from storage.units import dialect_of, execute
from storage.upsert import insert_for, insert_on

_PROFILE_FIELDS = (
    "name",
    "real_name",
    "email",
    "tz",
    "is_bot",
    "deactivated",
    "is_guest",
    "slack_updated",
)

ORG_FIELDS = ("title", "team_name", "manager_user_id", "roles", "interests")
STATUS_FIELDS = ("routing_status", "away_until")

PEOPLE = Person.metadata.tables[Person.__tablename__]
# The `updated_at` of a row Slack never described: older than any trust (`slack_profiles`).
NEVER_DESCRIBED = datetime(1970, 1, 1, tzinfo=UTC)
# Profiles an executemany writes (`upsert_profiles_in_order`), and the people the directory
# sync reads what is stored of at once (`stored_profiles`): 250 rows of 11 parameters, within
# SQLite's 32,766 and PostgreSQL's 65,535 should a driver send them as one statement. At
# 10,000 people, against 1,000: a first sync's peak +1.0 MB, not +2.8 (serve's start on a new
# install, or after days down), a daily sync's +1.0-1.4 MB either way since its reads come a
# chunk at a time, for 0.1-0.15 s more of a daily sync's CPU (docs/benchmarks.md section 5).
PROFILES_AT_ONCE = 250
# What a kudos reads and writes of people, built once (SQLAlchemy's compiled cache hits) and
# run on the session's connection: a look-up per giver and recipient, and a write for each
# one Slack was asked about.
_PROFILE_COLUMNS = (PEOPLE.c.user_id, *(PEOPLE.c[field] for field in _PROFILE_FIELDS))
_SLACK_PROFILES = select(*_PROFILE_COLUMNS).where(
    PEOPLE.c.team_id == bindparam("team"),
    PEOPLE.c.user_id.in_(bindparam("users", expanding=True)),
    PEOPLE.c.name != "",
    PEOPLE.c.updated_at >= bindparam("since"),
)


async def upsert_profile(session: AsyncSession, team_id: str, user_id: str, **profile: Any) -> None:
    """Insert the person or refresh what Slack says about them; never touches org data.
    `updated_at` says when Slack last described them (`slack_profiles` trusts it a while)."""
    await upsert_profiles(session, team_id, [{"user_id": user_id, **profile}])


async def upsert_profiles(
    session: AsyncSession, team_id: str, profiles: Sequence[dict[str, Any]]
) -> None:
    """`upsert_profile` for several people, each a dict of user_id and the same profile
    fields, in one statement run for each."""
    if not profiles:
        return
    fields = frozenset(profiles[0]) - {"user_id"}
    if unknown := fields - set(_PROFILE_FIELDS):
        raise ValueError(f"not Slack profile fields: {sorted(unknown)}")
    if any(profile.keys() != profiles[0].keys() for profile in profiles):
        raise ValueError("every profile must have the same fields")
    now = utcnow()
    await execute(
        session,
        _upsert_statement(dialect_of(session), fields),
        [
            {**_refuse_long_names(profile), "team_id": team_id, "updated_at": now}
            for profile in profiles
        ],
    )


async def upsert_profiles_in_order(
    session: AsyncSession, team_id: str, profiles: AsyncIterable[dict[str, Any]]
) -> None:
    """`upsert_profiles` of rows that may differ in their fields, written in the order given
    (the directory sync's, by user id: PostgreSQL takes the rows' locks in it and never
    deadlocks): each run of rows with the same fields in statements of PROFILES_AT_ONCE, where
    the sync wrote one a person (10,000 statements for 10,000 people)."""
    run: list[dict[str, Any]] = []
    async for profile in profiles:
        if run and (profile.keys() != run[0].keys() or len(run) == PROFILES_AT_ONCE):
            await upsert_profiles(session, team_id, run)
            run = []
        run.append(profile)
    await upsert_profiles(session, team_id, run)


# Slack documents no length for a name: the columns' (PostgreSQL refuses a longer one, where
# SQLite would keep it whole). Each writer cuts a name to them first (`bot.profile.fitted`,
# where a character as a reader sees it is known); a longer one here is a bug, refused.
NAME_LENGTHS = {
    field: length
    for field in ("name", "real_name")
    if (length := getattr(PEOPLE.c[field].type, "length", None))
}


def _refuse_long_names(profile: dict[str, Any]) -> dict[str, Any]:
    for field, length in NAME_LENGTHS.items():
        if isinstance(value := profile.get(field), str) and len(value) > length:
            raise ValueError(f"{field} longer than its {length} characters: fit it first")
    return profile


# A new person's roles and interests (never Slack's) are the model's empty lists, written as
# SQL constants: as the model's Python default, `list()` was called and encoded as JSON for
# each row of every profile write, whether the row was new or not, twice a person of a
# directory sync (docs/benchmarks.md section 10, 8 December 2026).
_NO_LIST: ColumnClause[Any] = literal_column("'[]'")


@cache
def _upsert_statement(dialect: str, fields: frozenset[str]) -> Any:
    insert = insert_on(dialect, PEOPLE).values(roles=_NO_LIST, interests=_NO_LIST)
    return insert.on_conflict_do_update(
        index_elements=[PEOPLE.c.team_id, PEOPLE.c.user_id],
        set_={name: insert.excluded[name] for name in (*sorted(fields), "updated_at")},
        # What Slack said before what is stored (an event delivered late) changes nothing.
        where=(
            PEOPLE.c.slack_updated <= insert.excluded.slack_updated
            if "slack_updated" in fields
            else None
        ),
    )


async def slack_profiles(
    session: AsyncSession, team_id: str, user_ids: Collection[str], since: datetime
) -> Sequence[Row[Any]]:
    """The stored Slack profiles of these people written since `since`: user_id, then the
    profile fields. A row with no name was not written from Slack (`ensure_person` makes
    such rows for `/skills`), so it is not one."""
    if not user_ids:
        return []
    params = {"team": team_id, "users": list(user_ids), "since": since}
    return (await execute(session, _SLACK_PROFILES, params)).all()


def _described(team_id: Any) -> tuple[Any, ...]:
    return (
        PEOPLE.c.team_id == team_id,
        PEOPLE.c.name != "",
        PEOPLE.c.updated_at > NEVER_DESCRIBED,
        PEOPLE.c.is_bot.is_(False),
        PEOPLE.c.deactivated.is_(False),
    )


async def described_members(
    session: AsyncSession, team_id: str, among: Collection[str] | None = None
) -> set[str]:
    """The workspace's people (apps aside), still active, whom Slack has described: not an
    import's row of someone it never described (`NEVER_DESCRIBED`), nor an empty row
    (`ensure_person`). Whoever of them a whole `users.list` leaves out has left
    (`unlisted_members`); `among` narrows them to these user ids."""
    statement = select(PEOPLE.c.user_id).where(*_described(team_id))
    if among is not None:
        statement = statement.where(PEOPLE.c.user_id.in_(list(among)))
    return set(await session.scalars(statement))


_DESCRIBED_AFTER = (
    select(PEOPLE.c.user_id)
    .where(*_described(bindparam("team")), PEOPLE.c.user_id > bindparam("after"))
    .order_by(PEOPLE.c.user_id)
    .limit(PROFILES_AT_ONCE)
)


async def unlisted_members(session: AsyncSession, team_id: str, listed: Container[str]) -> set[str]:
    """The `described_members` whom `listed` (a whole `users.list`) does not name: those who
    left. Read PROFILES_AT_ONCE user ids at a time, in the database's order, so a workspace's
    every id is never held at once beside the list."""
    unlisted: set[str] = set()
    after = ""
    while True:
        params = {"team": team_id, "after": after}
        page = (await execute(session, _DESCRIBED_AFTER, params)).scalars().all()
        if not page:
            return unlisted
        unlisted.update(user_id for user_id in page if user_id not in listed)
        after = page[-1]


async def get_person(session: AsyncSession, team_id: str, user_id: str) -> Person | None:
    return await session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )


async def is_guest(session: AsyncSession, team_id: str, user_id: str) -> bool:
    """Whether this person is stored as a guest of the workspace (unknown people: no)."""
    statement = select(Person.is_guest).where(Person.team_id == team_id, Person.user_id == user_id)
    return bool(await session.scalar(statement))


async def home_opened(session: AsyncSession, team_id: str, user_id: str, at: datetime) -> None:
    """They opened askaround's Home tab at `at` (their row is written first)."""
    await session.execute(
        update(Person)
        .where(Person.team_id == team_id, Person.user_id == user_id)
        .values(home_opened_at=at)
        .execution_options(synchronize_session=False)
    )


async def has_opened_home(session: AsyncSession, team_id: str, user_id: str) -> bool:
    """Whether this person ever opened askaround's Home tab (unknown people: no)."""
    statement = select(Person.home_opened_at.is_not(None)).where(
        Person.team_id == team_id, Person.user_id == user_id
    )
    return bool(await session.scalar(statement))


# Who of the people named (`ids`) opened their Home tab; with `_OPENED_AMONG`, of those above
# the people `below` in the org chart too. Built once: a kudos asks every time.
_OPENED_NAMED = select(Person.user_id).where(
    Person.team_id == bindparam("team"),
    Person.user_id.in_(bindparam("ids", expanding=True)),
    Person.home_opened_at.is_not(None),
)
_ABOVE = (
    select(Person.user_id, Person.manager_user_id, Person.home_opened_at)
    .where(
        Person.team_id == bindparam("team"),
        Person.user_id.in_(
            select(Person.manager_user_id).where(
                Person.team_id == bindparam("team"),
                Person.user_id.in_(bindparam("below", expanding=True)),
            )
        ),
    )
    .cte("above", recursive=True)
)
_ABOVE = _ABOVE.union(
    select(Person.user_id, Person.manager_user_id, Person.home_opened_at).where(
        Person.team_id == bindparam("team"), Person.user_id == _ABOVE.c.manager_user_id
    )
)
_OPENED_AMONG = union(
    _OPENED_NAMED, select(_ABOVE.c.user_id).where(_ABOVE.c.home_opened_at.is_not(None))
).order_by("user_id")
_OPENED_NAMED_IN_ORDER = _OPENED_NAMED.order_by(Person.user_id)


async def opened_home_among(
    session: AsyncSession,
    team_id: str,
    user_ids: Collection[str],
    *,
    managers_of: Collection[str] = (),
) -> list[str]:
    """Who of these people, and of everyone above `managers_of` in the org chart (their
    managers, theirs, and on up), ever opened askaround's Home tab; in one read. As in
    `digests.team_members`, UNION stops by itself on a cycle in the chart.

    The walk up reads each manager's row by its key and keeps whether they opened the tab,
    so neither SQLite nor PostgreSQL reads the workspace's people to find those few: asked
    as the people named OR those above, PostgreSQL scanned all of them (SQLite too, until
    its statistics were first gathered)."""
    arguments = {"team": team_id, "ids": list(user_ids), "below": list(managers_of)}
    if managers_of:
        return list(await session.scalars(_OPENED_AMONG, arguments))
    return list(await session.scalars(_OPENED_NAMED_IN_ORDER, arguments))


async def mark_guests(
    session: AsyncSession, team_id: str, user_ids: Collection[str], *, undescribed: bool = False
) -> None:
    """Store these people as guests of the workspace. `undescribed`: Slack never described
    them (an import names them), so their row is not taken for its description either, and
    the bot's first look at them asks Slack (`slack_profiles`)."""
    if not user_ids:
        return
    values: dict[str, Any] = {"is_guest": True}
    if undescribed:
        values["updated_at"] = NEVER_DESCRIBED
    await session.execute(
        update(Person)
        .where(Person.team_id == team_id, Person.user_id.in_(list(user_ids)))
        .values(**values)
        .execution_options(synchronize_session=False)
    )


async def away_or_opted_out(
    session: AsyncSession, team_id: str, *, guests: bool = False
) -> list[Person]:
    """People who said to be asked nothing for now (away, or opted out); an away whose day
    has come is among them until routing reads them as back. With `guests`, the guests of
    the workspace too, whom nobody asks (`visibility.may_be_asked`)."""
    paused = Person.routing_status.in_(("away", "opted_out"))
    result = await session.scalars(
        select(Person).where(
            Person.team_id == team_id, or_(paused, Person.is_guest.is_(True)) if guests else paused
        )
    )
    return list(result.all())


async def count_people(session: AsyncSession, team_id: str, besides: str | None = None) -> int:
    """The workspace's people askaround knows, apps, people who left and guests of the
    workspace aside (no colleague askaround asks or names); `besides` leaves out one more,
    the reader counting their colleagues."""
    statement = select(func.count()).where(
        Person.team_id == team_id,
        Person.is_bot.is_(False),
        Person.deactivated.is_(False),
        Person.is_guest.is_(False),
    )
    if besides is not None:
        statement = statement.where(Person.user_id != besides)
    return int(await session.scalar(statement) or 0)


async def people_by_id(
    session: AsyncSession, team_id: str, user_ids: Collection[str]
) -> dict[str, Person]:
    if not user_ids:
        return {}
    result = await session.scalars(
        select(Person).where(Person.team_id == team_id, Person.user_id.in_(list(user_ids)))
    )
    return {person.user_id: person for person in result.all()}


async def refresh_statistics(session: AsyncSession) -> None:
    """Have the query planner count people and their skills again, after a bulk write (the
    directory import and sync). Until PostgreSQL's autovacuum gets to it, a minute or more
    later, its plans assume the rows before the write: right after 5,000 people were added,
    the query for who manages anyone took 6 s instead of 6 ms."""
    await session.execute(text("ANALYZE people"))
    await session.execute(text("ANALYZE person_skills"))


async def ensure_person(session: AsyncSession, team_id: str, user_id: str) -> Person:
    """The person's row, created empty when askaround has not seen them yet."""
    statement = (
        insert_for(session, Person)
        .values(team_id=team_id, user_id=user_id)
        .on_conflict_do_nothing(index_elements=["team_id", "user_id"])
    )
    await session.execute(statement)
    person = await session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )
    assert person is not None
    return person


async def hold_person(session: AsyncSession, person: Person) -> None:
    """Make concurrent changes to one person's network wait for each other until this
    transaction ends, so each reads what the other left: PostgreSQL locks the person's row
    (FOR NO KEY UPDATE, which two of these take in turn, while a foreign key's check, FOR
    KEY SHARE, still passes); on SQLite `ensure_person`'s insert has taken the one writer's
    lock already."""
    await session.execute(
        select(Person.id).where(Person.id == person.id).with_for_update(key_share=True)
    )


async def update_person(session: AsyncSession, person: Person, **fields: Any) -> None:
    unknown = set(fields) - {*ORG_FIELDS, *STATUS_FIELDS, "name", "real_name", "email", "tz"}
    if unknown:
        raise ValueError(f"not person fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(person, name, value)
    await session.flush()


async def people_by_handles(
    session: AsyncSession, team_id: str, handles: Iterable[str]
) -> dict[str, Person]:
    """People by Slack username or email, lowercased, for imports and `@name` in text."""
    wanted = {h.lower() for h in handles}
    if not wanted:
        return {}
    rows = await session.scalars(
        select(Person).where(
            Person.team_id == team_id,
            (func.lower(Person.name).in_(wanted)) | (func.lower(Person.email).in_(wanted)),
        )
    )
    found: dict[str, Person] = {}
    for person in rows:
        for handle in (person.name, person.email):
            if handle and handle.lower() in wanted:
                found[handle.lower()] = person
    return found


async def forget_skills(session: AsyncSession, person: Person) -> None:
    """Delete the skills the person declared (a skill's name too when nobody else holds it):
    the first part of forgetting them, apart so the change is counted for routing after the
    skills and before the person's row, as `/skills add` takes them (`forget_person`)."""
    held = await session.scalars(
        select(PersonSkill.skill_id).where(PersonSkill.person_id == person.id)
    )
    skill_ids = list(held)
    await session.execute(delete(PersonSkill).where(PersonSkill.person_id == person.id))
    await skills.drop_unheld(session, person.team_id, skill_ids)


async def forget_person(session: AsyncSession, person: Person) -> None:
    """Delete the rest of what the person told us (interests, network), after
    `forget_skills`. The directory's fields
    (title, team, manager, roles) and their routing status stay: the first belong to the
    organisation, and forgetting must never re-enable questions someone opted out of."""
    await network.entries_removed(session, Connection.person_id == person.id)
    await session.execute(delete(Connection).where(Connection.person_id == person.id))
    person.interests = []
    await session.flush()


_STORED_PROFILES = select(*_PROFILE_COLUMNS).where(
    PEOPLE.c.team_id == bindparam("team"), PEOPLE.c.user_id.in_(bindparam("users", expanding=True))
)


async def stored_profiles(
    session: AsyncSession, team_id: str, user_ids: Collection[str]
) -> dict[str, Row[Any]]:
    """What is stored of these people that Slack says (`_PROFILE_FIELDS`, by attribute), for
    the directory sync to compare with: rows, not ORM objects (10,000 people loaded whole took
    about 22 MiB at once), and PROFILES_AT_ONCE people at a time, as the sync writes them
    (everyone's rows at once added about 6 MB to a daily sync of 10,000 people)."""
    if not user_ids:
        return {}
    params = {"team": team_id, "users": list(user_ids)}
    return {row.user_id: row for row in await execute(session, _STORED_PROFILES, params)}


async def all_people(session: AsyncSession, team_id: str) -> dict[str, Person]:
    rows = await session.scalars(select(Person).where(Person.team_id == team_id))
    return {p.user_id: p for p in rows}


def shown_name(user_id: str, real_name: str | None, name: str | None) -> str:
    """A person's name wherever askaround names them: their real name, else their Slack
    handle (a profile may have no real name), else their id."""
    return real_name or name or user_id


# The people asked for (`ids`) and everyone of the workspace shown by a name one of them is:
# one statement, each part on its index (`(team_id, user_id)`, `(team_id, real_name)`,
# `(team_id, name)`), three columns rather than whole rows.
_ASKED = (
    select(Person.user_id, Person.real_name, Person.name)
    .where(
        Person.team_id == bindparam("team"), Person.user_id.in_(bindparam("ids", expanding=True))
    )
    .cte("asked")
)
_NAMESAKES = union(
    select(_ASKED.c.user_id, _ASKED.c.real_name, _ASKED.c.name),
    *(
        select(Person.user_id, Person.real_name, Person.name).where(
            Person.team_id == bindparam("team"),
            column.in_(  # `shown_name` in SQL: an empty name is no name, as in Python
                select(
                    func.coalesce(
                        func.nullif(_ASKED.c.real_name, ""),
                        func.nullif(_ASKED.c.name, ""),
                        _ASKED.c.user_id,
                    )
                )
            ),
        )
        for column in (Person.real_name, Person.name)
    ),
)


async def display_names(
    session: AsyncSession, team_id: str, user_ids: Iterable[str]
) -> dict[str, str]:
    """Display names (real name, else Slack name) of the people we know among these ids, told
    apart from anyone else of the workspace with the same name, who has left included: each
    person's name, with their handle after it where another has that name too
    (`Carol Diaz (@erin)`); counted under one name, two people read as one."""
    ids = list(set(user_ids))
    if not ids:
        return {}
    rows = (await session.execute(_NAMESAKES, {"team": team_id, "ids": ids})).all()
    shared = Counter(shown_name(*row) for row in rows)
    wanted = set(ids)
    return {
        user_id: shown_name(user_id, real, name)
        + (f" (@{name or user_id})" if shared[shown_name(user_id, real, name)] > 1 else "")
        for user_id, real, name in rows
        if user_id in wanted
    }
