"""The weekly digest end to end: each manager's DM at their own local Monday 09:00, once,
with the contents of a hand-computed week and a real PNG chart in their DM."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from storage.models import Person
from tests.slack.digests.conftest import MONDAY_W48, give_directly
from tests.slack.digests.world import (
    blocks_text,
    charts,
    digest_week,
    digests,
    roundups,
    run_digests,
    sent_to,
    zoneless,
)
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure
from tests.slack.settings.world import settings_modal

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def test_digests_go_out_at_each_managers_local_time_once(company: SlackHarness) -> None:
    """Monday 09:00 is 00:00 UTC in Tokyo, 08:00 in Madrid and 09:00 in London: each manager
    gets the digest at theirs, not before, and running the job again sends nothing more."""
    clock = company.services.clock
    clock.freeze(MONDAY_W48 - timedelta(minutes=1))
    await run_digests(company)
    assert sent_to(company) == {}  # W46's went out, still due in W47: the next test's point
    clock.freeze(MONDAY_W48 + timedelta(hours=7, minutes=59))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1}
    clock.freeze(MONDAY_W48 + timedelta(hours=8))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1}
    clock.freeze(MONDAY_W48 + timedelta(hours=9, minutes=3))
    await run_digests(company)
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}
    assert "received 1 kudos in 2026-W47" in digests(company, "bob", "2026-W47")[0].text


async def test_a_missed_digest_is_sent_later_that_week_but_not_the_week_after(
    company: SlackHarness,
) -> None:
    """Down all Monday: the digests go out on Wednesday; the next Monday brings W48's, and
    W47's is never sent twice."""
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(days=2))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}
    clock.freeze(MONDAY_W48 + timedelta(days=7, hours=10))
    await run_digests(company)
    assert sent_to(company, None) == {"hana": 2, "maria": 2, "bob": 2}
    weeks = [digest_week(m) for m in digests(company, "maria")]
    assert weeks == ["2026-W47", "2026-W48"]


async def test_digest_contents_match_the_hand_computed_week(company: SlackHarness) -> None:
    """Maria's W47 digest: 3 shout-outs with who, from whom, for what and values; the
    private one only as a count; top givers, helpers, the unsung and quiet helper Erin, the
    values and the change against the 4 weeks before. The Sunday-night kudos is W48 in Madrid."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    [digest] = digests(company, "maria")
    text = blocks_text(digest.blocks)
    assert "received 4 kudos in 2026-W47" in text
    assert "0.5 a week on average." in text and "%" not in text  # too few for a percentage
    assert "Bob Chen, from Alice Martin: untangling the release #teamwork" in text
    assert "Carol Diaz, from Alice Martin: the on-call handover #ownership #teamwork" in text
    assert "Bob Chen, from Hana Okafor: the postgres upgrade #craft" in text
    assert "1 kudos given in private conversations (counted, not shown)" in text
    assert "secret" not in text and "rollback" not in text
    # Bob's only kudos was the private one: naming him as a giver would say who gave it.
    givers = text.split("Gave the most kudos")[1].split("*Helped")[0]
    assert "Alice Martin: 2 given in public" in givers and "Bob Chen" not in givers
    assert "Carol Diaz: 1 question\n• Erin Quist: 1 question" in text
    unsung = text.split("Unsung helpers")[1].split("*No kudos")[0]
    assert "Erin Quist" in unsung and "Carol" not in unsung
    quiet = text.split("No kudos in public from 28 Sep to 22 Nov 2026")[1].split("*Values")[0]
    assert "Erin Quist (none in public from 01 Sep 2026 to 22 Nov 2026)" in quiet
    assert "Alice" not in quiet
    assert "#teamwork 2\n• #courage 1\n• #craft 1\n• #ownership 1" in text
    assert "<@" not in text and len(digest.blocks) <= 50


async def test_the_chart_is_a_png_uploaded_to_the_managers_dm(company: SlackHarness) -> None:
    """files_upload_v2's two steps end with one valid PNG shared in Maria's DM."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    [chart] = charts(company, "maria")
    assert chart.completed and chart.name == "kudos-2026-W47.png"
    assert chart.content is not None and chart.content.startswith(PNG_SIGNATURE)
    assert chart.length == len(chart.content) > 1000
    assert company.emu.calls_to("files.completeUploadExternal")


async def test_the_public_roundup_is_posted_once_with_names_and_public_kudos_only(
    company: SlackHarness,
) -> None:
    """With the roundup on, the kudos channel gets one post for W47 (UTC): public kudos by
    name, no `<@U…>` mentions, nothing from the private channel; a second run adds nothing."""
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    await run_digests(company)
    posts = [
        m
        for m in company.emu.messages(company.channel("general"))
        if m.by_bot and "Kudos of week 2026-W47" in m.text
    ]
    assert len(posts) == 1
    text = blocks_text(posts[0].blocks)
    assert "Bob Chen, from Hana Okafor: the postgres upgrade #craft" in text
    assert "Alice Martin, from Carol Diaz: the late-night rollback #craft" in text  # UTC week
    assert "secret" not in text and "<@" not in text and "4 kudos" in text


async def test_the_roundup_tells_apart_two_people_of_one_name(company: SlackHarness) -> None:
    """Erin is renamed Carol Diaz in Slack, as Carol is called: the roundup, which names
    people without pinging them, names Carol as a giver with her handle, where "from Carol
    Diaz" was either of them."""
    await company.emu.change_user(company.user("erin"), real_name="Carol Diaz")
    await company.settle()  # the rename stored before the job reads the names
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    [post] = roundups(company, "general")
    text = blocks_text(post.blocks)
    assert "Alice Martin, from Carol Diaz (@carol): the late-night rollback #craft" in text, text


async def roundup_switched_on(company: SlackHarness) -> bool:
    """Olga (a Slack admin) picks #general as the kudos channel and turns the public roundup
    on in the settings modal; whether Slack took the submission."""
    modal = await settings_modal(company, "olga")
    saved = await company.emu.submit_view(
        company.user("olga"),
        modal.id,
        {
            "kudos_channel": {"value": company.channel("general")},
            "digest_roundup": {"value": "yes"},
        },
    )
    return saved.ok


async def test_an_admin_switches_the_public_roundup_on_in_the_settings(
    company: SlackHarness,
) -> None:
    """The roundup is a setting: olga (a Slack admin) picks a kudos channel and turns the
    public roundup on in the settings modal; that Monday the channel gets the week's post."""
    assert await roundup_switched_on(company)
    reopened = company.emu.open_modal(company.user("olga"))
    assert reopened is not None and "Public roundup" in str(reopened.blocks)
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    posts = [
        m
        for m in company.emu.messages(company.channel("general"))
        if m.by_bot and "Kudos of week 2026-W47" in m.text
    ]
    assert len(posts) == 1


async def test_the_roundup_follows_the_time_zone_most_of_the_workspace_is_in(
    company: SlackHarness,
) -> None:
    """Most of the company moves to New York: the roundup is posted at Monday 09:00 there
    (14:00 UTC), not at 09:00 UTC, and kudos given on Sunday evening there (Monday 02:00
    UTC) are in that week's roundup."""
    for handle in ("alice", "bob", "erin", "olga", "maria"):
        await company.emu.change_user(company.user(handle), tz="America/New_York")
    await company.settle()
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(hours=2))
    await give_directly(company, "dev", "@erin for the sunday-evening hotfix #craft")

    def roundups() -> list[str]:
        return [
            blocks_text(m.blocks)
            for m in company.emu.messages(company.channel("general"))
            if m.by_bot and "Kudos of week 2026-W47" in m.text
        ]

    clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    assert roundups() == []
    clock.freeze(MONDAY_W48 + timedelta(hours=14))
    await run_digests(company)
    [text] = roundups()
    assert "the sunday-evening hotfix" in text


def _roundups(slack: SlackHarness) -> list[str]:
    return [
        m.text
        for m in slack.emu.messages(slack.channel("general"))
        if m.by_bot and "Kudos of week 2026-W47" in m.text
    ]


async def test_people_whose_profile_has_no_time_zone_do_not_choose_the_roundups(
    company: SlackHarness,
) -> None:
    """Four profiles have no zone, three people are in New York, one in London: the
    zoneless four are not four votes for UTC, so the roundup waits for Monday 09:00 in New
    York."""
    for handle in ("bob", "erin"):
        await company.emu.change_user(company.user(handle), tz="America/New_York")
    await company.settle()
    await zoneless(company, "hana", "maria", "alice", "dev")
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    assert _roundups(company) == []
    clock.freeze(MONDAY_W48 + timedelta(hours=14))
    await run_digests(company)
    assert len(_roundups(company)) == 1


async def test_with_nobody_in_a_known_time_zone_the_roundup_keeps_to_utc(
    company: SlackHarness,
) -> None:
    """Everyone moved to New York once; now nobody's profile has a zone: the roundup is at
    09:00 UTC, not New York's."""
    for handle in company.users:
        await company.emu.change_user(company.user(handle), tz="America/New_York")
    await company.settle()
    await zoneless(company, *company.users)
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    assert len(_roundups(company)) == 1


async def test_people_in_paris_berlin_madrid_and_amsterdam_are_one_time_zone_for_the_roundup(
    company: SlackHarness,
) -> None:
    """Three people live in London and four across Central Europe (Paris, Madrid, Berlin,
    and hana, who moved to Amsterdam): Slack names each city, but they are one time zone,
    most of the company's. The roundup comes at Monday 09:00 there (08:00 UTC), not at
    London's 09:00 because London is the name most often given."""
    await company.emu.change_user(company.user("hana"), tz="Europe/Amsterdam")
    await company.settle()
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    [post] = [
        blocks_text(m.blocks)
        for m in company.emu.messages(company.channel("general"))
        if m.by_bot and "Kudos of week 2026-W47" in m.text
    ]
    assert "the postgres upgrade" in post
    assert "the late-night rollback" not in post  # 00:30 on Monday in Central Europe


async def test_a_run_after_the_digests_went_out_still_sees_a_new_hour_and_a_new_manager(
    company: SlackHarness,
) -> None:
    """The job's runs first check cheaply whether anything is due and unsent; a digest hour
    changed between two runs, and someone who became a manager once every digest due had
    gone out, still get their digest at the next run."""
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(hours=6))  # 15:00 in Tokyo, 07:00 in Madrid
    await run_digests(company)
    assert sent_to(company) == {"hana": 1}
    await configure(company, digest_hour=7)
    clock.freeze(MONDAY_W48 + timedelta(hours=6, minutes=5))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1}  # 06:05 in London: not bob's yet
    clock.freeze(MONDAY_W48 + timedelta(hours=7, minutes=5))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}
    async with company.services.sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(Person.team_id == company.team_id, Person.user_id == company.user("erin"))
            .values(manager_user_id=company.user("olga"))
        )
    clock.freeze(MONDAY_W48 + timedelta(hours=7, minutes=10))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1, "olga": 1}


async def test_a_cut_roundup_says_where_the_rest_are(company: SlackHarness) -> None:
    """The kudos channel is #kudos; the week's 30 more kudos, given in #general, had their
    shout-outs posted in #kudos. The roundup, cut at 30 lines, says the rest are each in their
    own shout-out: not "where it was given", where none of them is."""
    ws = company.emu.workspace
    humans = [company.user(h) for h in company.users]
    company.channels["kudos"] = ws.add_channel("kudos", members=humans).id
    await configure(
        company, digest_roundup=True, kudos_channel_id=company.channel("kudos"), daily_allowance=50
    )
    friday = MONDAY_W48 - timedelta(days=3)
    for n in range(30):
        company.services.clock.freeze(friday + timedelta(minutes=n))
        await give_directly(company, "hana", f"@bob for the cleanup number {n} #craft")
    await company.drain()
    shoutouts = [m for m in company.emu.messages(company.channel("kudos")) if "cleanup" in m.text]
    assert len(shoutouts) == 30
    assert not [m for m in company.emu.messages(company.channel("general")) if "cleanup" in m.text]
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    [post] = roundups(company, "kudos")
    text = blocks_text(post.blocks)
    assert "34 kudos" in text
    assert "more that week, in their shout-outs." in text
    assert "where it was given" not in text


async def test_the_roundup_names_the_week_it_tells_of_not_this_week(
    company: SlackHarness,
) -> None:
    """The roundup goes out on Monday of W48 and tells of W47, a week over: it said "This
    week in kudos: 2026-W47" (and "None this week." when there were none), where this week
    was W48. It names the week, and its Monday, as the managers' digests do."""
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    [text] = _roundups(company)
    assert "this week" not in text.lower()
    assert text.startswith("Kudos of week 2026-W47 (16 Nov 2026): ")


async def test_the_roundup_counts_kudos_not_shout_outs(company: SlackHarness) -> None:
    """On Friday Alice thanks Bob and Erin at once: one shout-out in #general, two kudos. The
    roundup counts the week's 6 public kudos as such, where it read "6 shout-outs" of the 5
    shout-outs posted."""
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 - timedelta(days=3))
    await give_directly(company, "alice", "@bob @erin for the joint fix #teamwork")
    await company.drain()
    shoutouts = [
        m for m in company.emu.messages(company.channel("general")) if "joint fix" in m.text
    ]
    assert len(shoutouts) == 1
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    [text] = _roundups(company)
    assert text.startswith("Kudos of week 2026-W47 (16 Nov 2026): 6 kudos"), text
    assert "shout-outs" not in text, text


@pytest.mark.postgres_too  # the audit log's newest switch-on (`last_set_to`)
async def test_a_roundup_switched_on_midweek_waits_for_the_digest_s_day_and_hour(
    company: SlackHarness,
) -> None:
    """Olga turns the public roundup on on W48's Wednesday. The setting says "each week …
    on the digest's day and hour", but the job found W47's roundup due since Monday and
    posted it in #general at once, mid-week. Nothing now; the next Monday brings W48's."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=2, hours=10))
    await run_digests(company)  # the managers' W47 digests, due since Monday
    assert await roundup_switched_on(company)
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=2, hours=10, minutes=5))
    await run_digests(company)
    assert roundups(company, "general") == []
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=9))
    await run_digests(company)
    assert roundups(company, "general") == []
    assert len(roundups(company, "general", "2026-W48")) == 1
