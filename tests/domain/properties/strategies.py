"""Generators shared by the property tests: Slack's escaped tokens and everyday words.

Built from `st.text` over small alphabets rather than `st.from_regex`, which is several times
slower to draw from and would blow the suite's time budget at thousands of examples a test.
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

UPPER_DIGITS = string.ascii_uppercase + string.digits
USER_IDS = st.builds(
    str.__add__, st.sampled_from("UW"), st.text(UPPER_DIGITS, min_size=1, max_size=11)
)
LABELS = st.text(st.characters(blacklist_characters="<>&\n\r", codec="utf-8"), max_size=20)
WORDS = st.text(string.ascii_lowercase, min_size=2, max_size=10)
# What Slack can put in a slash command's text: plain text around escaped tokens.
ANY_TEXT = st.text(max_size=200)


def _mention(user_id: str, label: str | None) -> str:
    return f"<@{user_id}>" if label is None else f"<@{user_id}|{label}>"


def mentions(user_ids: st.SearchStrategy[str] = USER_IDS) -> st.SearchStrategy[str]:
    """`<@U123>` or `<@U123|label>`, as Slack escapes a person."""
    return st.builds(_mention, user_ids, st.none() | LABELS)


_IDS = st.text(UPPER_DIGITS, min_size=1, max_size=8)
SLACK_TOKENS = st.one_of(
    mentions(),
    st.builds("<!subteam^S{}|@{}>".format, _IDS, WORDS),
    st.sampled_from(["<!here>", "<!channel>", "<!everyone|everyone>", "<!subteam^S1>"]),
    st.builds("<#C{}|{}>".format, _IDS, WORDS),
    st.builds("#{}".format, WORDS),
    st.sampled_from([",", "and", "&amp;", "&", "+", "for", ":", "-", "—", "@ana", "<", ">"]),
    WORDS,
    st.text(max_size=5),
)
SLACKISH_TEXT = st.lists(SLACK_TOKENS, max_size=8).map(" ".join)
