"""The one parser for mentions in what people type.

Slack sends mentions escaped (`should_escape` in the manifest): people as `<@U123|ana>` or
`<@U123>`, user groups as `<!subteam^S123|@devs>`, channels as `<#C123|general>`, broadcasts
as `<!here>`. Text stays in Slack's format (it is re-posted as mrkdwn); these functions only
pick its mentions out, or take them away.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot import visibility

PERSON = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
GROUP = re.compile(r"<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>")
BROADCAST = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|([^>]*))?>")


def people(text: str) -> list[str]:
    """The user ids of the people mentioned, in order, repeats included."""
    return PERSON.findall(text)


def named(text: str, names: Mapping[str, str]) -> str:
    """The text with each person it mentions labelled with their name from `names`
    (`<@U123|Dev Patel>`): Slack sends a message's mentions without one, and what shows the
    text elsewhere (`safe_text`, `plain_text`) reads the label."""

    def label(mention: re.Match[str]) -> str:
        name = re.sub(r"[<>|]", "", names.get(mention.group(1), "")).strip()
        return f"<@{mention.group(1)}|{name}>" if name else mention.group(0)

    return PERSON.sub(label, text)


def unnamed_channels(text: str) -> str:
    """The text with each channel link's name taken away (`<#C123|secret>` → `<#C123>`): Slack
    shows a link to a private channel as "private channel" to anyone outside it, but text
    read elsewhere (a CSV file) has no client to hide the name."""
    return CHANNEL.sub(lambda link: f"<#{link.group(1)}>", text)


PRIVATE_CHANNEL = "a private channel"


def channels_as_may_be_named(text: str, privacy: Mapping[str, bool]) -> str:
    """The text with each channel link named only as `visibility.may_name_channel` allows,
    for text read outside Slack: a channel `privacy` knows as public keeps its link, a private
    one reads "a private channel" (as Slack shows it to anyone outside it), and one whose
    privacy is unknown keeps its id alone, as `unnamed_channels` writes every one."""

    def link(match: re.Match[str]) -> str:
        private = privacy.get(match.group(1))
        if private is None:
            return f"<#{match.group(1)}>"
        return match.group(0) if visibility.may_name_channel(private=private) else PRIVATE_CHANNEL

    return CHANNEL.sub(link, text)


def channels(text: str) -> list[str]:
    """The ids of the channels the text links, in order, repeats included."""
    return [link.group(1) for link in CHANNEL.finditer(text)]


def leading_person(text: str) -> tuple[str, str] | None:
    """(user id, the text after it) when the text starts with a person's mention."""
    match = PERSON.match(text)
    return (match.group(1), text[match.end() :]) if match else None


def only_mention(text: str) -> str | None:
    """The user id when the text is one person's mention and nothing else (`/kudos @ana`)."""
    match = PERSON.fullmatch(text.strip())
    return match.group(1) if match else None


def without_people(text: str, user_id: str | None = None) -> str:
    """The text with people's mentions (only `user_id`'s, when given) turned into spaces."""
    if user_id is None:
        return PERSON.sub(" ", text)
    return PERSON.sub(lambda m: " " if m.group(1) == user_id else m.group(0), text)


# The comma or colon that addresses someone by name, an input method's full-width ones too.
_ADDRESSING = "[,:;\uff0c\uff1a\uff1b\u3001]"


def without_addressee(text: str, user_id: str) -> str:
    """The text without `user_id`'s mentions, nor the comma or colon that addressed them:
    `<@U1>, how do we …?` and `how do we …, <@U1>?` are "how do we …?", `hey <@U1>: how do
    we …?` is "hey how do we …?", where `without_people` left ", how do we …?"."""
    mention = rf"<@{re.escape(user_id)}(?:\|[^>]*)?>"
    text = re.sub(rf"^\s*{mention}\s*{_ADDRESSING}?", " ", text)
    text = re.sub(rf"(?<=\S)\s*{mention}\s*{_ADDRESSING}", " ", text)
    text = re.sub(rf"\s*{_ADDRESSING}?\s*{mention}(?=\s*[?!.\uff1f\uff01\u3002]*\s*$)", "", text)
    return without_people(text, user_id)
