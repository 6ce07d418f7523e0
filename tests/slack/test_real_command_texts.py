"""Slash commands' `text` as Slack's clients send it, signed and sent through the real front
door as a command's form (`kudos_about_someone` in `tests/data/slack/real_payloads.json`, its
text replaced): typographic quotes, which a phone's keyboard and a Mac's smart punctuation put
in place of the ones typed, and the separators people type around escaped mentions (a
no-break space, a tab, a newline, a comma and a colon, a channel link whose name Slack left
empty). One bot a test."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from bot import visibility
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import real, said, send

pytestmark = pytest.mark.database_independent


async def typed(slack: SlackHarness, command: str, text: str) -> str:
    """Alice's `command` with `text`, in #general, as Slack posts it; what she is answered."""
    form = real(slack, "kudos_about_someone")["form"] | {"command": command, "text": text}
    assert await send(slack, "application/x-www-form-urlencoded", urlencode(form)) == (200, "")
    await slack.drain()
    return said(slack)[-1]


async def test_skills_in_typographic_quotes_are_the_skills_named(slack: SlackHarness) -> None:
    """`/skills add “google cloud”:4, ‘terraform’:3`, as iOS types it with its default Smart
    Punctuation: both saved, as the same with straight quotes is. Then `/skills remove
    “terraform”` removes Terraform, and `/skills network add “CNCF Slack” about kubernetes`
    keeps the community's name without its quotes. Before, the quotes were kept as part of
    the name: the add answered "Did you mean Google Cloud?" and saved nothing, the removal
    answered "You had no “terraform”", and the network entry was “CNCF Slack”."""
    alice = slack.user("alice")
    saved = await typed(slack, "/skills", "add \u201cgoogle cloud\u201d:4, \u2018terraform\u2019:3")
    assert saved == ":white_check_mark: Saved: Google Cloud (4), Terraform (3)."
    assert await typed(slack, "/skills", "remove \u201cterraform\u201d") == "Removed: Terraform."
    await typed(slack, "/skills", "network add \u201cCNCF Slack\u201d about kubernetes")
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert [(s.key, s.level) for s in view.skills] == [("gcp", 4)]
    network = await slack.services.directory.network_text(slack.team_id, alice)
    assert network.startswith("CNCF Slack about kubernetes"), network


async def test_a_japanese_input_methods_punctuation_is_read_as_typed_in_ascii(
    slack: SlackHarness,
) -> None:
    """A Japanese (or Chinese) input method in full-width mode types `：` for a level's
    colon, `、` between items and `＃` before a value: `/skills add terraform：4、kubernetes：3`
    saves Terraform at 4 and Kubernetes at 3 (before: one skill named "terraform：4、
    kubernetes：3", at level 3, answered as saved), `/skills remove kubernetes、terraform`
    removes both, and `/kudos @bob、@carol：リリースノートをありがとう ＃teamwork` thanks both
    with the value (before: Bob alone, for "、@carol：リリースノートをありがとう ＃teamwork",
    no value)."""
    alice, bob, carol = (slack.user(handle) for handle in ("alice", "bob", "carol"))
    saved = await typed(slack, "/skills", "add terraform\uff1a4\u3001kubernetes\uff1a\uff13")
    assert saved == ":white_check_mark: Saved: Terraform (4), Kubernetes (3)."
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert sorted((s.key, s.level) for s in view.skills) == [("kubernetes", 3), ("terraform", 4)]
    removed = await typed(slack, "/skills", "remove kubernetes\u3001terraform")
    assert removed == "Removed: Kubernetes, Terraform."
    thanks = "\u30ea\u30ea\u30fc\u30b9\u30ce\u30fc\u30c8\u3092\u3042\u308a\u304c\u3068\u3046"
    await typed(
        slack, "/kudos", f"<@{bob}|bob>\u3001<@{carol}|carol>\uff1a{thanks}\u3000\uff03teamwork"
    )
    given = [(k.receiver_user_id, k.message, k.values) for k in await ledger(slack)]
    assert given == [(bob, thanks, ["teamwork"]), (carol, thanks, ["teamwork"])]


async def test_kudos_texts_with_separators_slack_keeps_give_each_kudos(
    slack: SlackHarness,
) -> None:
    """Held already, kept: a no-break space after the mention, a channel link whose name
    Slack left empty (`<#C…|>`) in the reason, and a trailing newline; two mentions parted by
    a comma and ended by a colon; a tab after the mention; values parted by a comma alone.
    Each gives its kudos to whom it names, with its reason and values, and the channel link
    stays a link in the shout-out."""
    bob, carol, general = slack.user("bob"), slack.user("carol"), slack.channel("general")
    texts = [
        f"<@{bob}|bob>\u00a0for the release <#{general}|> notes #teamwork\n",
        f"<@{bob}|bob>, <@{carol}|carol>: for untangling the build",
        f"<@{carol}|carol>\tfor the on-call handover notes",
        f"<@{bob}|bob> for reviewing the runbook #Teamwork,#craft",
    ]
    for text in texts:
        assert (await typed(slack, "/kudos", text)).startswith("Kudos sent to")
    given = [(k.receiver_user_id, k.message, k.values) for k in await ledger(slack)]
    assert given == [
        (bob, f"the release <#{general}|> notes", ["teamwork"]),
        (bob, "untangling the build", []),
        (carol, "untangling the build", []),
        (carol, "the on-call handover notes", []),
        (bob, "reviewing the runbook", ["teamwork", "craft"]),
    ]
    shout_out = next(m.text for m in slack.emu.messages(general) if m.by_bot)
    assert f"the release <#{general}> notes" in shout_out
