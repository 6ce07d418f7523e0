"""Slips in `/skills` get a useful answer (issue 12, item 12): a name that is nobody's, and
the away date in words people use, counted in their own time zone."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from bot.safe_text import AT
from tests.slack.dates import day_back
from tests.slack.harness import SlackHarness

# Wednesday 23:30 in London is already Thursday 26 November in Paris, where Alice lives.
PARIS = "Europe/Paris"
WEDNESDAY_LATE_UTC = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)


async def skills(slack: SlackHarness, handle: str, text: str) -> str:
    await slack.command(handle, "/skills", text)
    await slack.settle()
    return slack.emu.ephemerals(slack.user(handle))[-1].text


async def test_a_name_that_is_nobodys_is_said_to_be_nobody(slack: SlackHarness) -> None:
    said = await skills(slack, "alice", "@nobody")
    assert "There is nobody called “@nobody” in this workspace" in said
    # echoed in “…”: a typed backtick ended a code span and showed the rest with its marks
    said = await skills(slack, "alice", "@no`body")
    assert "There is nobody called “@no`body” in this workspace" in said, said
    assert "/skills @ana" in said


async def test_a_mention_of_someone_slack_does_not_know_is_nobody(slack: SlackHarness) -> None:
    """A mention Slack cannot find (a user id from elsewhere) is not shown as an empty profile."""
    await slack.here.slash_command(
        slack.user("alice"), "/skills", "<@U0NOSUCH|nobody>", channel_id=slack.channel("general")
    )
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert "I can't find <@U0NOSUCH> in this workspace" in said and "no skills" not in said
    assert "Bob Chen" in await skills(slack, "alice", "@bob")


async def test_away_until_words_count_from_the_persons_own_day(slack: SlackHarness) -> None:
    """`tomorrow`, `friday`, `next friday`, `for 2 weeks` and `24 dec`, from Alice's Thursday
    (UTC is still on Wednesday)."""
    slack.services.clock.freeze(WEDNESDAY_LATE_UTC)
    cases = {
        "away until tomorrow": "2026-11-27 (Friday)",
        "away until friday": "2026-11-27 (Friday)",
        "away until next friday": "2026-12-04 (Friday)",
        "away until Mon": "2026-11-30 (Monday)",
        "away for 2 weeks": "2026-12-10 (Thursday)",
        "away until 24 dec": "2026-12-24 (Thursday)",
        "away until jan 5th": "2027-01-05 (Tuesday)",
        # Everyday words, once "I can't tell until when":
        "away till friday": "2026-11-27 (Friday)",
        "away til next monday": "2026-11-30 (Monday)",
        "away for a week": "2026-12-03 (Thursday)",
        "away for two weeks": "2026-12-10 (Thursday)",
        "away for ten days": "2026-12-06 (Sunday)",
        # A date without its leading zeros, once "I can't tell until when":
        "away until 2026-12-4": "2026-12-04 (Friday)",
        "away until 2027-1-05": "2027-01-05 (Tuesday)",
    }
    for text, until in cases.items():
        back = day_back(until.split()[0], PARIS)
        assert f"You are away, back {back}" in await skills(slack, "alice", text), text
    # `until` names the day one is back: said, since "away until Thursday" reads either way
    said = await skills(slack, "alice", "away until friday")
    assert f"You are away, back {day_back('2026-11-27', PARIS)}" in said, said
    assert said.endswith(": nobody will be asked to reach you before then."), said


async def test_away_is_a_year_at_most_from_the_persons_own_day(slack: SlackHarness) -> None:
    """`away for 900 weeks` was taken: a date nobody would remember setting, hiding them from
    every question for 17 years. A year from Alice's own Thursday (UTC is still on Wednesday)
    is the most: a day later is refused with the limit, and her status stays as it was;
    `/skills optout` is the way to be away with no end. The furthest day is written as the
    reply setting it writes it, in Slack's words in her own zone (until 7 December
    "2027-11-26 (Friday)", where a day within the year was Slack's "Friday, November 26th")."""
    slack.services.clock.freeze(WEDNESDAY_LATE_UTC)
    latest = day_back("2027-11-26", PARIS)
    for text in (
        "for 900 weeks",
        "for 53 weeks",
        "until 2027-11-27",
        "until 2999-01-01",
        "2999-1-1",
    ):
        said = await skills(slack, "alice", f"away {text}")
        assert said.startswith(f"You can be away for a year at most: until {latest}"), (text, said)
        assert "(Friday) at the latest." not in said
        assert "/skills optout" in said
    await skills(slack, "alice", "")
    profile = str(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert "available" in profile and "away" not in profile, profile
    said = await skills(slack, "alice", "away until 2027-11-26")
    assert f"You are away, back {day_back('2027-11-26', PARIS)}" in said, said
    assert f"You are away, back {day_back('2027-11-25', PARIS)}" in await skills(
        slack, "alice", "away for 52 weeks"
    )


async def test_away_until_a_weekend_day_says_questions_come_on_the_next_working_day(
    slack: SlackHarness,
) -> None:
    """`away for ten days` from Alice's Thursday is until Sunday 6 December. Her away ends at
    her Sunday's midnight, but nobody is sent a request outside their working days (Monday to
    Friday here): the answer said "questions come to you again on Sunday", a day none can
    come, and names her Monday, the first day one can."""
    slack.services.clock.freeze(WEDNESDAY_LATE_UTC)
    said = await skills(slack, "alice", "away for ten days")
    sunday, monday = day_back("2026-12-06", PARIS), day_back("2026-12-07", PARIS)
    assert f"You are away, back {sunday}" in said, said
    assert f"nobody will be asked to reach you before {monday}" in said, said
    assert said.endswith(", your next working day."), said


async def test_away_until_today_or_yesterday_says_until_names_the_day_back(
    slack: SlackHarness,
) -> None:
    """`away until today` and `until yesterday` were "I can't tell until when"; `until` names
    the day one is back, so both are past, and the answer says how to be away today."""
    slack.services.clock.freeze(WEDNESDAY_LATE_UTC)  # Thursday 26 November for Alice
    for text, day in (("today", "2026-11-26"), ("yesterday", "2026-11-25")):
        said = await skills(slack, "alice", f"away until {text}")
        assert said.startswith(f"{day} is not in the future"), said
        assert "`until tomorrow` to be away today" in said, said


async def test_away_a_day_without_until_asks_which_day_is_meant(slack: SlackHarness) -> None:
    """`/skills help` lists `tomorrow`, `friday` and `24 dec` among what away takes, but
    `away tomorrow` was told "I can't tell until when `tomorrow` is". Typed without `until`,
    the day could be the one back or the one away: the answer gives the command for each,
    with its date, and changes nothing."""
    slack.services.clock.freeze(WEDNESDAY_LATE_UTC)  # Thursday 26 November for Alice
    cases = {
        "tomorrow": ("2026-11-27", "Friday", "2026-11-28"),
        "friday": ("2026-11-27", "Friday", "2026-11-28"),
        "24 dec": ("2026-12-24", "Thursday", "2026-12-25"),
        "2026-12-24": ("2026-12-24", "Thursday", "2026-12-25"),
        "next monday": ("2026-11-30", "Monday", "2026-12-01"),
    }
    for text, (back, weekday, after) in cases.items():
        said = await skills(slack, "alice", f"away {text}")
        assert "I can't tell" not in said and "You are away" not in said, said
        assert f"`/skills away until {back}` if you are back on {weekday}" in said, said
        assert f"`/skills away until {after}` if you are away all {weekday}" in said, said
    said = await skills(slack, "alice", "away today")
    assert "`/skills away until 2026-11-27` to be away today" in said, said
    await skills(slack, "alice", "")
    profile = str(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert "available" in profile and "away" not in profile, profile


async def test_away_words_it_does_not_know_show_the_accepted_forms(slack: SlackHarness) -> None:
    said = await skills(slack, "alice", "away until the heat death of the universe")
    assert "I can't tell until when “until the heat death of the universe” is" in said, said
    assert "`until friday`" in said and "`for 2 weeks`" in said and "`until 24 dec`" in said


async def test_about_with_no_topics_asks_for_them(slack: SlackHarness) -> None:
    """`CNCF Slack about as functional` forgot the topics: it was saved with the topic "as
    functional" ("CNCF Slack about as functional as functional"); now the topics are asked
    for, and nothing is saved."""
    for text in ("CNCF Slack about as functional", "CNCF Slack about"):
        said = await skills(slack, "alice", f"network add {text}")
        assert "Say which topics after `about`" in said and "In your network" not in said
    assert "CNCF" not in await skills(slack, "alice", "")


async def test_an_emoji_as_a_skill_keeps_its_colons(slack: SlackHarness) -> None:
    """`/skills add :snake:` is the emoji Slack shows as one (its colons are not a level's):
    it was saved as `:snake`, a name Slack shows as typed; a level after it is still one."""
    assert "Saved: :snake: (3)" in await skills(slack, "alice", "add :snake:")
    assert "Saved: :sparkles: (4)" in await skills(slack, "alice", "add :sparkles::4")
    # a level as people write it keeps the emoji's colons too (it was read as `:snake`)
    assert "Saved: :snake: (2)" in await skills(slack, "alice", "add :snake: level 2")
    assert (await skills(slack, "alice", "")).endswith(": :sparkles:, :snake:")


@pytest.mark.postgres_too  # PostgreSQL refuses what its column cannot keep
async def test_a_name_longer_than_is_kept_is_refused(slack: SlackHarness) -> None:
    """A skill's name is kept in 100 characters and an outside contact's in 200: a longer one
    is refused with why (PostgreSQL refused to store it, and the person read that something
    went wrong); a name that fits, accents and all, is saved."""
    said = await skills(slack, "alice", "add " + "x" * 101)
    assert "is 101 characters: a skill is 100 at most" in said, said
    said = await skills(slack, "alice", "network add " + "y" * 201 + " about helm")
    assert "is 201 characters: a contact is 200 at most" in said, said
    assert "Saved: " + "é" * 100 in await skills(slack, "alice", "add " + "é" * 100)


async def test_who_followed_by_a_colleague_shows_them(slack: SlackHarness) -> None:
    """`/skills who @bob` asks who Bob is: his profile, as `/skills @bob` shows it; it said
    nobody had declared a skill called @bob."""
    await skills(slack, "bob", "add postgres:4")
    said = await skills(slack, "alice", f"who <@{slack.user('bob')}|bob>")
    assert "PostgreSQL" in said and "Nobody has declared" not in said, said


async def test_an_emoji_skill_is_removed_as_it_was_added(slack: SlackHarness) -> None:
    """`/skills remove :snake:` named the skill `` (everything before the first colon), so
    an emoji skill added by `/skills add :snake:` could not be removed by the command."""
    await skills(slack, "alice", "add :snake:, :sparkles::4, terraform")
    assert await skills(slack, "alice", "remove :snake:, :sparkles::4") == (
        "Removed: :snake:, :sparkles:."
    )
    assert (await skills(slack, "alice", "")).endswith(": Terraform")


async def test_a_link_as_a_skill_is_refused_whole(slack: SlackHarness) -> None:
    """A link or an email address is split at its colon no more: the refusal quoted half of
    it (`<mailto`), a bare `<` Slack reads as a cut token; `remove` said "You had no
    `<mailto`". The refusal shows the link's address, as any text of a person's shows one."""
    for verb in ("add", "remove"):
        for link in ("mailto:ana@example.com", "https://example.com|docs"):
            said = await skills(slack, "alice", f"{verb} {slack.escape(f'<{link}>')}")
            address = link.split("|")[0]
            assert said == f"“{address}”: a skill is words, not a mention, @channel or a link."


async def test_invisible_characters_in_a_skill_are_dropped(slack: SlackHarness) -> None:
    """A zero-width space pasted in (`terra\\u200bform`) made a skill apart from Terraform
    that looks the same, which `/skills who terraform` never finds; a right-to-left override
    turned the rest of the line around wherever the skill was listed. Both are dropped; a
    zero-width joiner, which some scripts and emoji need, stays."""
    said = await skills(slack, "alice", "add terra\u200bform:4, \u202ekubernetes\u202c, \ufeffgo")
    assert said.startswith(":white_check_mark: Saved: Terraform (4), Kubernetes (3), Go (3)")
    assert await skills(slack, "bob", "who terraform") == "Who knows Terraform: 1 person"
    assert await skills(slack, "bob", "who te\u2060rraform") == "Who knows Terraform: 1 person"
    assert "\u200d" in await skills(slack, "alice", "add ka\u200dfka-streams!")


async def test_a_skill_named_twice_is_saved_and_said_once_at_its_last_level(
    slack: SlackHarness,
) -> None:
    """`/skills add terraform:4, terraform:2` saved level 2 (the last one written) and said
    "Saved: Terraform (4), Terraform (2)", a level that was not kept; an alias (`k8s`) and its
    skill's name are one skill too."""
    assert await skills(slack, "alice", "add terraform:4, terraform:2") == (
        ":white_check_mark: Saved: Terraform (2)."
    )
    assert await skills(slack, "alice", "add k8s, go:4, kubernetes:5") == (
        ":white_check_mark: Saved: Kubernetes (5), Go (4)."
    )
    profile = await skills(slack, "alice", "")
    assert profile.count("Terraform") == 1 and profile.count("Kubernetes") == 1, profile


async def test_a_skill_removed_twice_is_said_removed_once(slack: SlackHarness) -> None:
    """`/skills remove terraform, terraform` said "Removed: Terraform. You had no
    `terraform`.", both of one skill; `k8s` and `kubernetes` are one skill too."""
    await skills(slack, "alice", "add terraform, kubernetes, go")
    said = await skills(slack, "alice", "remove terraform, terraform, k8s, kubernetes, rust")
    assert said == "Removed: Terraform, Kubernetes. You had no *rust*."


async def test_interests_are_said_as_they_are_kept(slack: SlackHarness) -> None:
    """`/skills interests rust, Rust, rust` keeps one `rust` and said "Interests: rust,
    Rust, rust."."""
    assert await skills(slack, "alice", "interests rust, Rust, data viz, rust") == (
        "Interests: rust, data viz."
    )
    assert (await skills(slack, "alice", "interests")).startswith("Your interests: rust, data viz.")


async def test_a_relationship_that_is_none_of_the_three_is_said_to_be_one(
    slack: SlackHarness,
) -> None:
    """`@bob as best friend` was told "a contact is words, not a mention", untrue of the
    mention it was; `@bob as` too, and `CNCF Slack about helm as` was saved with the topic
    `helm as`. Each now says what a relationship is, and nothing is saved; a topic may still
    hold an `as` (`platform as a service`)."""
    cases = {
        "@bob as best friend": "“best friend” is not a relationship",
        "@bob as friend": "“friend” is not a relationship",
        "@bob as": "Say which relationship after `as`",
        "CNCF Slack about helm as": "Say which relationship after `as`",
    }
    for text, meant in cases.items():
        said = await skills(slack, "alice", f"network add {text}")
        assert meant in said and "personal, functional or strategic" in said, (text, said)
        assert "not a mention" not in said and "In your network" not in said, (text, said)
    profile = await skills(slack, "alice", "")
    assert "Bob" not in profile.split("Your network")[-1] and "CNCF" not in profile
    said = await skills(slack, "alice", "network add AWS community about platform as a service")
    assert "In your network" in said and "platform as a service" in said, said


async def test_a_network_entry_naming_nobody_is_echoed_in_quotes(slack: SlackHarness) -> None:
    """An entry that names nobody was echoed in a code span, which a typed backtick ended,
    showing the rest with its marks; it is quoted in “…” as /skills' other refusals are."""
    said = await skills(slack, "alice", "network add @ about k`8s")
    assert "“@ about k`8s” names nobody." in said, said


async def test_a_long_topic_nobody_declared_is_quoted_by_its_start(slack: SlackHarness) -> None:
    """`/skills who` with 300 characters pasted echoed them all back ("Nobody has declared
    *xxx…300…* yet"), as the other unknown words no longer are: its first 60 now."""
    said = await skills(slack, "alice", "who " + "x" * 300)
    assert said.startswith("Nobody has declared *" + "x" * 59 + "…* yet."), said


async def test_the_away_example_slack_shows_while_typing_works_any_day(
    slack: SlackHarness,
) -> None:
    """The manifest's usage hint, which Slack shows under `/skills` as it is typed, offered
    `away until 2026-12-01`: typed after that day it was refused as not in the future."""
    manifest = yaml.safe_load((Path(__file__).parents[2] / "manifest.yml").read_text())
    (skills_command,) = (
        c for c in manifest["features"]["slash_commands"] if c["command"] == "/skills"
    )
    (away,) = (
        part.strip(" []")
        for part in skills_command["usage_hint"].split("|")
        if part.strip(" []").startswith("away")
    )
    slack.services.clock.freeze(datetime(2027, 3, 3, 10, 0, tzinfo=UTC))
    said = await skills(slack, "alice", away)
    assert said.startswith("You are away, back <!date^"), (away, said)


async def test_the_date_a_refusal_offers_as_an_example_is_taken(slack: SlackHarness) -> None:
    """Words `/skills away` cannot read are answered with the forms it can; the date's example
    was `until 2026-12-24`, refused as past when copied after that day."""
    slack.services.clock.freeze(datetime(2027, 3, 3, 10, 0, tzinfo=UTC))
    said = await skills(slack, "alice", "away until the heat death of the universe")
    match = re.search(r"`(until \d{4}-\d{2}-\d{2})`", said)
    assert match is not None, said
    said = await skills(slack, "alice", f"away {match[1]}")
    assert f"You are away, back {day_back('2027-03-17', PARIS)}" in said, said


async def test_away_for_no_time_is_answered_in_the_words_typed(slack: SlackHarness) -> None:
    """`away for 0 days` was told "2027-03-03 is not in the future: `until` names the day you
    are back", of an `until` nobody typed."""
    slack.services.clock.freeze(datetime(2027, 3, 3, 10, 0, tzinfo=UTC))
    said = await skills(slack, "alice", "away for 0 days")
    assert "`until`" not in said, said
    assert "“for 0 days” is no time away: `for 1 day` is away today, back tomorrow." in said
    said = await skills(slack, "alice", "away for 1 day")
    assert f"You are away, back {day_back('2027-03-04', PARIS)}" in said, said


async def test_skills_added_past_what_one_section_holds_are_counted(slack: SlackHarness) -> None:
    """120 skills added at once made an answer of 5,500 characters in one section, cut with
    "…" partway through the list. It names the first ones and says how many more were saved
    and where they all are."""
    names = [f"skill-{i:03d}-{'x' * 30}" for i in range(120)]
    await slack.command("alice", "/skills", "add " + ", ".join(names))
    await slack.settle()
    [answer] = slack.emu.ephemerals(slack.user("alice"))[-1:]
    said = "\n".join(b["text"]["text"] for b in answer.blocks if "text" in b)
    more = re.search(r"…and ([\d,]+) more \(\*Edit profile\* on my Home tab shows them all\)", said)
    assert more is not None, said[-300:]
    assert said.count(" (3)") + int(more[1]) == 120, said


async def test_skills_removed_past_what_one_section_holds_are_counted(
    slack: SlackHarness,
) -> None:
    """120 skills removed at once, and 120 names the person did not have: each list was cut
    with "…" where the one section ended. Each says how many more it had."""
    names = [f"skill-{i:03d}-{'x' * 30}" for i in range(120)]
    await slack.command("alice", "/skills", "add " + ", ".join(names))
    await slack.settle()  # added before they are removed, and answered before
    unknown = [f"other-{i:03d}-{'y' * 30}" for i in range(120)]
    await slack.command("alice", "/skills", "remove " + ", ".join(names + unknown))
    await slack.settle()
    [answer] = slack.emu.ephemerals(slack.user("alice"))[-1:]
    said = "\n".join(b["text"]["text"] for b in answer.blocks if "text" in b)
    counts = [int(n.replace(",", "")) for n in re.findall(r"…and ([\d,]+) more", said)]
    assert len(counts) == 2, said[-300:]
    assert said.count("skill-") + counts[0] == 120 and said.count("*other-") + counts[1] == 120


def sections(slack: SlackHarness, handle: str) -> str:
    """The text of the sections of the last answer `handle` saw."""
    blocks = slack.emu.ephemerals(slack.user(handle))[-1].blocks
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section")


async def test_a_name_with_a_mark_of_mrkdwn_is_shown_as_typed(slack: SlackHarness) -> None:
    """`/skills who *nix` answered "Nobody has declared **nix* yet.": the typed `*` ended the
    bold early and Slack showed the marks. A name holding `*`, `_`, `~` or a backtick is now
    quoted “…” instead of put in bold, in every answer that names it; others stay in bold."""
    said = await skills(slack, "alice", "who *frob")
    assert said.startswith("Nobody has declared “*frob” yet."), said
    said = await skills(slack, "alice", "who *nix")  # a name of Unix's, which says it so
    assert said.startswith("Nobody has declared *Unix* yet."), said
    await skills(slack, "bob", "add *nix!:4, ~tilde_")
    await skills(slack, "alice", "who *nix")
    assert sections(slack, "alice").startswith("*Who knows* “*nix”\n"), sections(slack, "alice")
    await skills(slack, "bob", "")
    profile = sections(slack, "bob")
    assert "• “*nix” — 4" in profile and "• “~tilde_” — " in profile, profile
    # A skill askaround knows is named as a list of its experts names it (until 7 December
    # in the key typed: "Nobody has declared *kubernetes*", where experts were "Kubernetes").
    assert "Nobody has declared *Rust* yet." in await skills(slack, "alice", "who rust")
    assert "Nobody has declared *Kubernetes* yet." in await skills(slack, "alice", "who k8s")


async def test_a_typed_angle_bracket_is_refused_for_what_it_is(slack: SlackHarness) -> None:
    """A typed `<` or `>` (Slack sends `&lt;` `&gt;`: `&lt;friends&gt;`, `&gt; quote`) was
    refused as "is words, not a mention, @channel or a link", untrue of what was typed; it is
    now refused for the sign it holds, and markup still for being markup."""
    said = await skills(slack, "alice", "add &lt;friends&gt;")
    assert said == "“&lt;friends&gt;”: a skill can't hold `&lt;` or `&gt;`; name it in words."
    said = await skills(slack, "alice", "network add &gt; quote about helm")
    assert said == "“&gt; quote”: a contact can't hold `&lt;` or `&gt;`; name it in words.", said
    said = await skills(slack, "alice", "add <!channel>")
    assert said == f"“{AT}channel”: a skill is words, not a mention, @channel or a link.", said
    assert (await skills(slack, "alice", "")).endswith("no skills yet")


def shown(slack: SlackHarness, handle: str) -> str:
    """The last answer `handle` saw, its text and its blocks'."""
    answer = slack.emu.ephemerals(slack.user(handle))[-1]
    return f"{answer.text}\n{json.dumps(answer.blocks, ensure_ascii=False)}"


async def test_a_refused_name_is_echoed_as_words_that_act_as_nothing(
    slack: SlackHarness,
) -> None:
    """`/skills add @channel` (Slack sends `<!channel>`) was refused as "`<!channel>`: a
    skill is words…": the broadcast itself in backticks, which Slack's formatting rules read
    as markup wherever it stands. The refusal reads @channel and pings nobody; a typed
    backtick no longer ends a code span either."""
    echoes = {
        "<!channel>": f"“{AT}channel”",
        "a`b <!here>": f"“a`b {AT}here”",
        "<@U0NOSUCH|ana> `x`": f"“{AT}ana `x`”",
    }
    for typed, echo in echoes.items():
        said = await skills(slack, "alice", f"add {typed}")
        assert said == f"{echo}: a skill is words, not a mention, @channel or a link.", said
        assert "<!" not in shown(slack, "alice") and "<@" not in shown(slack, "alice")
    assert (await skills(slack, "alice", "")).endswith("no skills yet")


async def test_a_refusal_quoting_a_whole_item_pings_nobody(slack: SlackHarness) -> None:
    """Refused for running two skills together or for a bad level, the item was quoted as
    Slack sent it, `<!channel>` and all, which Slack reads as a broadcast inside a code span
    too. It reads @channel."""
    said = await skills(slack, "alice", "add go:4 <!channel>:3")
    assert said == (
        f"“go:4 {AT}channel:3” looks like several skills; put a comma between them: "
        f"`go:4, {AT}channel:3`."
    ), said
    assert "<!" not in shown(slack, "alice")
    said = await skills(slack, "alice", "add terraform:9x <!here>")
    assert said.startswith(f"“terraform:9x {AT}here”: a level is a number"), said
    assert "<!" not in shown(slack, "alice")


async def test_names_the_person_did_not_have_are_shown_as_typed(slack: SlackHarness) -> None:
    """`/skills remove` said "You had no `a`b`", the typed backtick ending the code span the
    name was put in, so Slack showed the rest's backticks as typed. A name without a mark of
    mrkdwn's is in bold, one with a mark in “…”, as every other answer names a skill."""
    await skills(slack, "alice", "add terraform")
    said = await skills(slack, "alice", "remove terraform, a`b, *nix, rust")
    assert said == "Removed: Terraform. You had no “a`b”, “*nix”, *rust*.", said
