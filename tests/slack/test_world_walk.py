"""Colleagues spread over the world and its languages: in Madrid, Kathmandu, Tokyo, Los
Angeles, the Chatham Islands, Tel Aviv and Delhi, writing in Japanese, Hindi, Arabic, Hebrew
and Spanish, with emoji and combining accents. What they type about time is read in their own
zone; what askaround shows of their words keeps every character whole and every name in its
place; what they ask is heard as a question."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import workspaces
from tests.e2e.harness import PersonSpec
from tests.slack.digests.world import blocks_text
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import ledger
from tests.slack.test_time_zones import kudos, skills

PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("maria", "María Núñez", "Europe/Madrid"),
    PersonSpec("sita", "सीता शर्मा", "Asia/Kathmandu"),
    PersonSpec("kenji", "佐藤 健二", "Asia/Tokyo"),
    PersonSpec("lee", "Lee Park", "America/Los_Angeles"),
    PersonSpec("tama", "Tama Tuuta", "Pacific/Chatham"),
    PersonSpec("priya", "प्रिया 👩🏽‍💻 Gupta", "Asia/Kolkata"),
    PersonSpec("noa", "נועה כהן", "Asia/Jerusalem"),
)
# Monday 7 December 2026, 07:30 UTC: 23:30 on Sunday in Los Angeles, 20:15 in the Chatham
# Islands, 08:30 in Madrid, 16:30 in Tokyo.
MONDAY = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        harness.services.clock.freeze(MONDAY)
        yield harness


@pytest.mark.parametrize("pad", range(4))
async def test_a_long_line_quoted_back_is_cut_between_characters(
    slack: SlackHarness, pad: int
) -> None:
    """Priya's mistyped `/skills …` is long, so the reply quotes its start and "…": the cut,
    wherever it falls, leaves each character whole. It fell inside them, showing 👩🏽 and a
    stray joiner, half a flag as a letter in a box, or a conjunct broken after its virama."""
    # characters as a reader sees them, most of several code points: conjuncts, a woman
    # technologist of a skin tone (four, joined), a flag (two letters), an accent typed as a mark
    word = ["क्ष", "त्रि", "य", " ", "👩🏽\u200d💻", "🇮🇳", " ", "e\u0301"]
    units = ["मदद", " ", *("a" * pad), *(word * 6)]
    said = await skills(slack, "priya", "".join(units))
    shown = re.search(r"“/skills (.*?)…”", said)
    assert shown is not None, said
    typed = shown[1]
    boundaries = {"".join(units[:k]).rstrip() for k in range(len(units) + 1)}
    assert typed in boundaries, [typed[-6:]]


def nudged(slack: SlackHarness, handle: str) -> int:
    """How many times `handle` was offered help finding an expert for what they posted."""
    return sum("Find an expert" in str(e.blocks) for e in slack.emu.ephemerals(slack.user(handle)))


@pytest.mark.parametrize(
    ("handle", "question"),
    [
        # does anyone know how to unlock the Terraform state? (the verb last)
        ("kenji", "誰かTerraformのstateのロックを解除する方法を知っていますか？"),
        # the deploy fails. Could someone help?
        ("kenji", "kubernetesのデプロイが失敗します。誰か助けてもらえますか？"),
        # the way to deploy to kubernetes? / where are the postgres backups?
        ("kenji", "kubernetesのデプロイ方法は？"),
        ("kenji", "postgresのバックアップはどこにありますか？"),
        # can anyone help me with the postgres migration (no question mark, as typed quickly)
        ("bob", "alguien puede ayudarme con la migración de postgres"),
    ],
)
async def test_a_question_in_japanese_or_spanish_in_a_watched_channel_is_heard(
    slack: SlackHarness, handle: str, question: str
) -> None:
    """In #general, which askaround watches, Kenji asks in Japanese whether anyone knows
    (`誰か…知っていますか`, `誰か助けて…`), the way to do a thing (`…方法は？`) or where it is
    (`どこにありますか`); Bob asks in Spanish `alguien puede ayudarme…`. Each is offered
    help finding an expert, as the same in English is; each was left alone."""
    slack.emu.workspace.user(slack.user("alice")).is_admin = True
    await slack.command("alice", "/ask", "watch")
    await slack.settle()
    await slack.post(handle, "general", question)
    await slack.settle()
    assert nudged(slack, handle) == 1


def isolated(name: str) -> str:
    """A right-to-left name as Unicode's first-strong isolate sets it apart."""
    return f"\u2068{name}\u2069"


async def test_right_to_left_names_keep_their_place_in_a_leaderboard_and_a_sentence(
    slack: SlackHarness,
) -> None:
    """Omar (Arabic) and Noa (Hebrew) are thanked. In `/kudos top`, "عمر الفاروق · 1" was laid
    out right to left as a whole, the count shown before the name; and "נועה כהן hasn't
    received…" opened with Hebrew, which made the English sentence right to left. Each name
    written right to left is set apart from the text around it; others are as they were."""
    slack.users["omar"] = slack.emu.workspace.add_user(
        "omar", real_name="عمر الفاروق", tz="Asia/Dubai"
    ).id
    await slack.settle()
    await slack.command("noa", "/kudos", f"<@{slack.user('omar')}> for the release notes")
    await slack.command("alice", "/kudos", f"<@{slack.user('priya')}> for the release notes")
    await slack.settle()
    await slack.command("bob", "/kudos", "top this week")
    await slack.settle()
    board = slack.emu.ephemerals(slack.user("bob"))[-1].text
    assert f"{isolated('عمر الفاروق')} · 1" in board, board
    assert "प्रिया 👩🏽\u200d💻 Gupta · 1" in board, board
    await slack.command("omar", "/kudos", f"<@{slack.user('noa')}>")
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("omar"))[-1].text
    assert said.startswith(f"{isolated('נועה כהן')} hasn't received"), said


async def test_a_reason_in_japanese_is_long_enough_in_fewer_characters(
    slack: SlackHarness,
) -> None:
    """Kenji thanks Priya `for リリースの手伝い` ("for help with the release"): 8 characters,
    each worth a short word, as much as "help with the release" says in 21. It was refused as
    shorter than 10 characters; a Chinese, Japanese or Korean character counts two, and a
    refusal that counts them says so."""
    priya = f"<@{slack.user('priya')}>"
    assert "Kudos sent" in await kudos(slack, "kenji", f"{priya} for リリースの手伝い")
    said = await kudos(slack, "kenji", f"{priya} for 手伝い")
    assert "at least 10 characters (yours has 6: a Chinese, Japanese" in said, said
    assert "Kudos sent" in await kudos(slack, "noa", f"{priya} for תודה רבה!!")
    said = await kudos(slack, "noa", f"{priya} for תודה")
    assert "at least 10 characters (yours has 4)." in said, said
    said = await kudos(slack, "noa", f"{priya} for 🙏🙏🙏🙏🙏")  # emoji are wide, but no words
    assert "at least 10 characters (yours has 5)." in said, said


async def test_a_value_with_accents_is_known_when_typed_without_them(
    slack: SlackHarness,
) -> None:
    """The workspace's values are Spanish: `ética` and `trabajo-en-equipo`. Noa, on a keyboard
    without accents, types `#etica`, and Kenji `#Ética`: each is the value `ética` (`#etica`
    was "not one of our values", though it is), in `/kudos top week #etica` too. A value not
    on the list is still refused."""
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, ["ética", "trabajo-en-equipo"])
    priya = f"<@{slack.user('priya')}>"
    said = await kudos(slack, "noa", f"{priya} for the careful audit #etica #trabajo-en-equipo")
    assert "Kudos sent" in said, said
    assert "Kudos sent" in await kudos(slack, "kenji", f"{priya} for the careful audit #Ética")
    said = await kudos(slack, "bob", f"{priya} for the careful audit #teamwork")
    assert "#teamwork is not one of our values" in said, said
    given = [entry.values for entry in await ledger(slack)]
    assert given == [["ética", "trabajo-en-equipo"], ["ética"]], given
    await slack.command("bob", "/kudos", "top week #etica")
    await slack.settle()
    board = slack.emu.ephemerals(slack.user("bob"))[-1].text
    assert "प्रिया 👩🏽\u200d💻 Gupta · 2" in board, board


@pytest.mark.parametrize("typed", ["away until 9am", "away till 14:30", "away for 2 hours"])
async def test_away_for_a_few_hours_is_told_away_counts_in_days(
    slack: SlackHarness, typed: str
) -> None:
    """Lee, at 23:30 on Sunday in Los Angeles, types `/skills away until 9am`: he was told
    "I can't tell until when" it is and offered `until tomorrow`, which would keep questions
    from him all Monday. The reply says away counts in whole days and that nobody is asked
    outside his working hours anyway; he is not set away."""
    said = await skills(slack, "lee", typed)
    assert "Away counts in whole days" in said, said
    assert "Nobody is asked outside your working hours" in said, said
    assert "can't tell" not in said, said
    assert "away" not in await skills(slack, "lee", "me")


async def test_a_skill_named_right_to_left_keeps_its_level_after_it(slack: SlackHarness) -> None:
    """Noa declares accounting in Hebrew, `חשבונאות`, at level 4. Her profile read
    "• *חשבונאות* — 4 · strong", which a reader's Slack lays out "4 — חשבונאות · strong", the
    level before the skill; the name is set apart, as right-to-left names are elsewhere."""
    assert "Saved" in await skills(slack, "noa", "add חשבונאות:4")
    await skills(slack, "alice", f"<@{slack.user('noa')}>")
    said = blocks_text(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert f"• *{isolated('חשבונאות')}* — 4 · strong" in said, said
    await skills(slack, "alice", "who חשבונאות")
    said = blocks_text(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert f"*Who knows {isolated('חשבונאות')}*" in said, said
