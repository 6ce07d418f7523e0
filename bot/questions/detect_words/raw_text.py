"""What is read in the raw text, before it is normalised, because emoji and capitals show it: a
poll's options, a bot's reply keyword, a joke (`joking`, −0.5), and a question ended with an
eye-roll."""

from __future__ import annotations

import re

# Not 😅: a nervous smile after a real question (`…or is there a cliff? 😅`) is no joke.
# A question put to the room with options to react with (`which of these logos? :one: :two:`,
# `1️⃣ Tue 2️⃣ Wed`), and no question after them: a poll. Read in the raw text, as emoji are
# gone from the normalised one.
POLL_OPTIONS = re.compile(
    r"\?[^?]{0,60}?(?::one:|:a:|:regional_indicator_a:|1\ufe0f?\u20e3)[^?]*?"
    r"(?::two:|:b:|:regional_indicator_b:|2\ufe0f?\u20e3)[^?]*$"
)
# A bot's prompt to answer it with a keyword (`Is this machine needed on site? Reply RELEASE to
# off-rent.`, `Reply YES or NO`), as a poll's options are: read in the raw text, where the keyword
# keeps its capitals; `reply ASAP` is haste
REPLY_KEYWORD = re.compile(
    r"\b[Rr]eply (?:with )?[*\"']?(?!ASAP\b)[A-Z]{2,}\b[*\"']?(?: (?:or|to)\b|[.!]|\s*$)"
)
# `asking for a friend` and `what is this, a deploy for ants?` tease, as `lol` does
JOKING = re.compile(
    r"(\b(lol|lmao|haha\w*|jaja\w*|jeje\w*|ptdr|jk|rofl|asking for a friend)\b|\bwhat is this, "
    r"an? \w|😂|🤣|😆|:joy:|:laughing:)"
)


def _venting(names: str, glyphs: str) -> str:
    """A run of emoji the message ends on, by their names and as typed, with any skin tone."""
    return (
        rf"(?:(?::(?:{names}):|{glyphs})(?::skin-tone-\d:|[\U0001F3FB-\U0001F3FF\u200d\u2640"
        r"\u2642\ufe0f])*\s*)+$"
    )


# A question the message ends on with an eye-roll, an upside-down face, a facepalm or a skull
# (`who decided we'd go live during close? :face_palm:`) vents, a rhetorical question; after a
# sentence that follows the question (`…? it only grabs Heading 1 :face_palm:`) the emoji is at
# the problem, and the question asks. Read in the raw text, as emoji are gone from the normalised
# one.
_EYE_ROLLS = (
    r"face_?palm|(?:wo)?man-facepalming|roll_eyes|upside_down_face|skull|unamused|expressionless"
)
_VENTING = _venting(_EYE_ROLLS, r"🤦|🙄|🙃|💀|😒|😑")
EXASPERATED = re.compile(
    r"\?+\s*"
    + _VENTING
    # blame asked, then a few words of scorn before the eye-roll (`who decided the new parking
    # layout? it's a joke :skull:`): the remark is at the blame, not at a problem the question
    # asks about
    + r"|^\W*(?:ok |so |ok so |um |ugh,? )?who (?:\w+ed|broke|put|left|took|thought|wrote|made|"
    r"let|set|chose|picked|drew|did)\b[^.?!\n]*\?+\s*(?:it'?s |this is |that'?s |what )?(?:a |an |"
    r"absolute |total |actual |so |such a |pure )*(?:joke|madness|ridiculous|insane|nuts|crazy|"
    r"genius|brilliant|chaos|nonsense|unreal|embarrassing|a nightmare)[.!]*\s*"
    + _VENTING
    # the same blame typed without its `?` (`who approved this font :skull:`): who did a thing,
    # with a grimace, a clown, an angry or a tired face too (`who approved this budget 😬`, `who
    # put the review at 7am? :sleeping:`); after a real question a grimace is nerves (`anyone
    # know why the export failed? 😬`), as 😅 is, and `who owns the font licences 😬` asks
    # (its `?` typed too: `who took the keys to the van?? :angry:`)
    + r"|^\W*(?:ok |so |ok so |um |ugh,? )?who (?:\w+ed|broke|put|left|took|thought|wrote|made|"
    r"let|set|chose|picked|drew|did)\b[^.?!\n]*?[?!]*\s*"
    + _venting(
        _EYE_ROLLS + r"|grimacing|clown_face|rage|angry|triumph|sleeping|sleepy|tired_face|weary|"
        r"yawning_face",
        r"🤦|🙄|🙃|💀|😒|😑|😬|🤡|😡|😠|😤|😴|😪|😫|😩|🥱",
    )
)
