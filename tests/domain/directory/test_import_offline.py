"""`askaround import people FILE` with only the database URL: a slack_id is taken as given, an
email is matched with the people the database already has, and the workspace is the one the
database knows (or --team)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.directory.import_files import RawRow
from bot.directory.import_rows import RowError, validate_row
from bot.people import PeopleService
from bot.profile import Profile
from bot.runtime.cli import main
from storage import people as people_q
from storage import skills as skills_q

CSV = """slack_id,email,handle,title,manager,skills
,ana@example.com,ana,Platform lead,,terraform:4
U0NEW,,ben,SRE,ana,postgres:3
,ghost@example.com,ghost,,,
"""


@pytest.fixture
async def offline(
    sessions: async_sessionmaker[AsyncSession],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Path:
    """Ana is known to the database (synced before); no Slack setting is set."""
    await PeopleService(sessions).remember("T1", Profile("U0ANA", "ana", email="ana@example.com"))
    for name in list(os.environ):
        if name.startswith("SLACK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "people.csv").write_text(CSV)
    return tmp_path / "people.csv"


async def test_import_needs_only_the_database(
    offline: Path,
    sessions: async_sessionmaker[AsyncSession],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = await asyncio.to_thread(main, ["import", "people", str(offline)])
    out, err = capsys.readouterr()
    assert code == 1, err  # the ghost row is rejected
    assert "1 imported, 1 updated, 0 unchanged, 1 rejected." in out
    assert "line 4: nobody askaround knows in this workspace has the email ghost@example.com" in out
    assert "no Slack settings" in err
    async with sessions() as s:
        people = await people_q.all_people(s, "T1")
    assert people["U0ANA"].title == "Platform lead"
    assert (people["U0NEW"].name, people["U0NEW"].manager_user_id) == ("ben", "U0ANA")


async def test_several_workspaces_need_team(
    offline: Path,
    sessions: async_sessionmaker[AsyncSession],
    capsys: pytest.CaptureFixture[str],
) -> None:
    await PeopleService(sessions).remember("T2", Profile("U0ZED", "zed"))
    code = await asyncio.to_thread(main, ["import", "people", str(offline), "--dry-run"])
    assert code == 1
    assert capsys.readouterr().err == (
        "askaround: say which with --team (this database has: T1, T2)\n"
    )
    args = ["import", "people", str(offline), "--dry-run", "--team", "T1"]
    assert await asyncio.to_thread(main, args) == 1
    assert "Dry run (nothing written): 1 imported, 1 updated" in capsys.readouterr().out
    args[-1] = "t1"  # in any case, as Slack's ids are upper case
    assert await asyncio.to_thread(main, args) == 1
    assert "Dry run (nothing written): 1 imported, 1 updated" in capsys.readouterr().out


async def test_an_email_or_handle_someone_else_has_is_refused_on_its_row(
    offline: Path,
    sessions: async_sessionmaker[AsyncSession],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A new slack_id with Ana's email made two people of one email (`--manager EMAIL` then
    named both, and a later row by that email updated whichever came first); two rows giving
    one handle made `manager: sam` pick one of them silently."""
    rows = "slack_id,email,handle,title\nU0FAKE,ana@example.com,fakeana,Impostor\n"
    rows += "U0SAM1,,sam,SRE\nU0SAM2,,sam,SRE\n"
    await asyncio.to_thread(offline.write_text, rows)
    code = await asyncio.to_thread(main, ["import", "people", str(offline)])
    out = capsys.readouterr().out
    assert code == 1
    assert "line 2: the email ana@example.com is already U0ANA's" in out
    assert "line 4: the handle sam is already U0SAM1's, on an earlier row" in out
    async with sessions() as s:
        people = await people_q.all_people(s, "T1")
    assert "U0FAKE" not in people and "U0SAM2" not in people and "U0SAM1" in people


async def test_the_first_import_into_a_new_database_names_its_workspace(
    sessions: async_sessionmaker[AsyncSession],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No workspace yet and no Slack: --team says which, and rows with a slack_id make the
    people (it was refused, though `settings show` points at `import people` for this)."""
    for name in list(os.environ):
        if name.startswith("SLACK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "people.csv"
    await asyncio.to_thread(path.write_text, "slack_id,handle,title\nU0ANA,ana,Lead\n")
    assert await asyncio.to_thread(main, ["import", "people", str(path)]) == 1
    assert "say which with --team T0123ABCD" in capsys.readouterr().err
    assert await asyncio.to_thread(main, ["import", "people", str(path), "--team", "nope"]) == 2
    assert "“nope” is not a Slack workspace id" in capsys.readouterr().err
    assert await asyncio.to_thread(main, ["import", "people", str(path), "--team", "T1"]) == 0
    assert "1 imported" in capsys.readouterr().out
    async with sessions() as s:
        people = await people_q.all_people(s, "T1")
    assert people["U0ANA"].title == "Lead"


def test_a_name_longer_than_is_kept_is_a_rejected_row() -> None:
    """A skill of 101 characters, a contact or a title of 201 is one row's problem, said as
    such: the tables keep 100 and 200 (PostgreSQL refused the whole import)."""
    row = RawRow(
        2,
        {
            "email": "ana@example.com",
            "title": "z" * 201,
            "skills": {"x" * 101: 3},
            "network": [{"contact": "y" * 201, "topics": ["helm"]}],
        },
    )
    with pytest.raises(RowError) as refused:
        validate_row(row)
    assert "a skill's name is 100 characters at most" in str(refused.value)
    assert "a contact's name is 200 characters at most" in str(refused.value)
    assert "title is 200 characters at most" in str(refused.value)


async def test_control_characters_in_a_file_are_dropped_as_in_slack(
    offline: Path,
    sessions: async_sessionmaker[AsyncSession],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A NUL or another control character in a cell (a spreadsheet's export, a YAML escape)
    is dropped as it is from what people type in Slack: PostgreSQL refused the whole import
    ('the database failed: invalid byte sequence'), SQLite kept 'C\\x00arl' as the name."""
    rows = "slack_id,handle,title,skills\nU0CARL,carl,Site\x00 reliability,terra\x01form:3\n"
    await asyncio.to_thread(offline.write_text, rows)
    assert await asyncio.to_thread(main, ["import", "people", str(offline)]) == 0
    yaml_file = offline.with_suffix(".yaml")
    people_yaml = 'people:\n  - slack_id: U0DEE\n    handle: dee\n    title: "Le\\0ad\\ud800"\n'
    await asyncio.to_thread(yaml_file.write_text, people_yaml)
    assert await asyncio.to_thread(main, ["import", "people", str(yaml_file)]) == 0
    assert "2 rejected" not in capsys.readouterr().out
    async with sessions() as s:
        people = await people_q.all_people(s, "T1")
        skills = await skills_q.skills_of(s, people["U0CARL"])
    assert people["U0CARL"].title == "Site reliability"
    assert people["U0DEE"].title == "Lead\ufffd"
    assert [s.key for s in skills] == ["terraform"]


async def test_none_in_a_roles_interests_or_manager_cell_clears_them(
    offline: Path,
    sessions: async_sessionmaker[AsyncSession],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An admin demoted takes a file: an empty cell leaves what is known, and `none` was
    refused as "unknown roles 'none'", so a CSV could not take the `admin` role (anyone's
    report, the whole network) away from anyone, nor make anyone the top of the org chart
    (and no YAML either: `manager: null` keeps the manager). `none` clears, as `/skills
    interests none` does; YAML's `roles: []` did already."""
    await asyncio.to_thread(
        offline.write_text, "slack_id,handle,roles,interests,manager\nU0CARL,carl,admin,rust,ana\n"
    )
    assert await asyncio.to_thread(main, ["import", "people", str(offline)]) == 0
    async with sessions() as s:
        assert (await people_q.all_people(s, "T1"))["U0CARL"].manager_user_id == "U0ANA"
    await asyncio.to_thread(
        offline.write_text, "slack_id,handle,roles,interests,manager\nU0CARL,carl,none,None,none\n"
    )
    assert await asyncio.to_thread(main, ["import", "people", str(offline)]) == 0, (
        capsys.readouterr().out
    )
    assert "1 updated" in capsys.readouterr().out
    async with sessions() as s:
        carl = (await people_q.all_people(s, "T1"))["U0CARL"]
    assert (carl.roles, carl.interests, carl.manager_user_id) == ([], [], None)


@pytest.mark.parametrize("separator", [";", "\t"], ids=["semicolons", "tabs"])
async def test_a_csv_separated_as_spreadsheets_save_it_in_many_countries_is_read(
    offline: Path,
    sessions: async_sessionmaker[AsyncSession],
    capsys: pytest.CaptureFixture[str],
    separator: str,
) -> None:
    """Excel saves "CSV" with semicolons where a comma is the decimal mark (Germany, France,
    Brazil…), and a sheet pasted into a text file has tabs: the file was refused whole, its
    header read as one unknown column `slack_id;email;…`. The header says how it is
    separated; the cells may still hold commas (`terraform:4, k8s`)."""
    rows = [
        ["slack_id", "email", "title", "skills"],
        ["", "ana@example.com", "Platform lead", "terraform:4, kubernetes:3"],
        ["U0NEW", "", "SRE", "postgres"],
    ]
    text = "".join(separator.join(row) + "\n" for row in rows)
    await asyncio.to_thread(offline.write_text, text)
    code = await asyncio.to_thread(main, ["import", "people", str(offline)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "1 imported, 1 updated, 0 unchanged, 0 rejected." in out
    async with sessions() as s:
        people = await people_q.all_people(s, "T1")
        skills = await skills_q.skills_of(s, people["U0ANA"])
    assert people["U0ANA"].title == "Platform lead" and people["U0NEW"].title == "SRE"
    assert {(row.key, row.level) for row in skills} == {("terraform", 4), ("kubernetes", 3)}


async def test_rejections_quote_what_was_typed_and_guess_a_misspelt_column(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rejected row quoted the values typed as Python does (`'bad-email'`, `manager 'U9'`)
    and a YAML field askaround does not know as a Python list (`unknown fields ['emial']`),
    guessing nothing; a misspelt CSV header was listed with every column. Now typed values
    are in “…”, as the CLI quotes them everywhere, and a near miss gets its column."""
    yaml_file = offline.parent / "people.yaml"
    yaml_file.write_text(
        "people:\n"
        "  - {slack_id: U0ONE, emial: one@example.com}\n"
        "  - {email: bad-email, manager: U9, shoe_size: 9}\n"
    )
    code = await asyncio.to_thread(main, ["import", "people", str(yaml_file), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 1
    assert "line 2: unknown field “emial” (did you mean email?)\n" in out, out
    assert "line 3: unknown field “shoe_size” (use slack_id, email, handle, name, " in out
    assert "network); “bad-email” is not an email address\n" in out
    assert "'" not in out, out
    (offline.parent / "managed.csv").write_text("slack_id,manager\nU0ONE,U9\n")
    code = await asyncio.to_thread(main, ["import", "people", "managed.csv", "--dry-run"])
    out = capsys.readouterr().out
    assert code == 1 and "line 2: manager “U9” is not in the file or the workspace" in out, out
    (offline.parent / "misspelt.csv").write_text("slack_id,Emial,skils\nU0ONE,a@example.com,go\n")
    code = await asyncio.to_thread(main, ["import", "people", "misspelt.csv"])
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 1
    assert err == (
        "askaround: misspelt.csv: unknown CSV columns “emial” (did you mean email?), “skils” "
        "(did you mean skills?)"
    ), err
