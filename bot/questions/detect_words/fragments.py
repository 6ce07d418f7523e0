"""How the detector's patterns are built (`phrases`), and the pieces of phrase that several of
them share: who `someone` is, a `who` that asks, the favours asked in other languages, a service
or a stand-in asked for, a fault and its cause, the culprit sought for a deed."""

from __future__ import annotations

import re


def phrases(*alternatives: str) -> re.Pattern[str]:
    # A hyphenated compound is one word: "third-party" is not a party. A phrase's edge that is
    # punctuation (", anyone?", "ideas?") needs no word boundary: `\b` after a final "?" can
    # never hold, and such phrases never matched.
    start, end = r"(?:(?<![\w-])(?=\w)|(?=\W))", r"(?:(?<=\w)(?![\w-])|(?<=\W))"
    return re.compile(start + "(?:" + "|".join(alternatives) + ")" + end)


def opening_with(first: str, phrase: str) -> str:
    """The phrases, tried only where a word opens with one of `first`, the letters they open
    with: one test of a character skips them all elsewhere, as each message is searched at every
    position."""
    return f"(?=[{first}])(?:{phrase})"


# `does either of you know…` (two people mentioned) and `can any of you explain…` ask as
# `does anyone know…` does
SOMEONE = r"(?:(?:any|some)\s?(?:one|body)|(?:either|any) of (?:you|y'all|you guys|you all))"
# The way someone got a thing to work or fixed it, asked of them (`how did you get it to print on
# 3 lines?`, `how did you fix it in the end?`): what they know, not a favour or a chat
THE_WAY_ASKED = (
    r"how (?:did|do) (?:you|u|y'all|you guys|you all) (?:ever |finally |eventually )?(?:(?:get|"
    r"make) (?!(?:on|there|here|home|back|in|out|away)\b)[\w.'-]+(?: [\w.'-]+){0,6} to \w+|(?:fix|"
    r"solve|resolve|sort|get around|work around|get rid of) (?:it|this|that|them|the)\b|"
    # how they set a thing up (`how did you set up the offline sync…?`); not a meeting or a date
    r"(?:set up|setup|configure|automate|script) (?:it|this|that|the|your|those)\b"
    r"(?! (?:meeting|call|date|dinner|lunch|party|interview|1:1)\b))"
)
# A favour asked of anyone in another language, as `can someone approve / give me access…`
# (folded): `¿alguien me puede dar acceso…`, `kann jemand meinen PR approven` (the verb last).
FAVOUR_ES = (
    r"(?:dar|darme|pasar|pasarme|compartir|enviar|mandar|aprobar|revisar|mergear|resetear|"
    r"reiniciar|agregar|agregarme|anadir|anadirme|desbloquear)\b"
)
FAVOUR_DE = (
    r"\b(?:approven|reviewen|mergen|freigeben|genehmigen|zurucksetzen|resetten|neu starten|"
    r"neustarten|restarten|schicken|senden|geben|hinzufugen|freischalten|einladen|teilen|"
    # things fetched, lent, refilled, fed or read for the writer (`kann jemand meine Proben aus
    # dem -80 holen?`, `…mir eine Flasche FBS leihen`, `…über mein Abstract drüberlesen`)
    r"leihen|ausleihen|borgen|holen|abholen|bringen|mitbringen|wegbringen|nachfullen|auffullen|"
    r"futtern|giessen|druberlesen|gegenlesen|korrekturlesen|ubernehmen|vertreten|einspringen|"
    r"tauschen|betreuen|mitnehmen|auspacken|einraumen|aufraumen)\b"
)
# a German sentence's words before its verb, read past a decimal point or a date's (`Schlüssel für
# 3.14`, `erst am 3. kommt`, `am 15.1.`)
DE_CLAUSE = r"(?:[^?.!]|(?<=\d)\.(?=\d| \w))"
FAVOUR_PT = (
    r"(?:aprovar|revisar|dar|compartilhar|enviar|mandar|resetar|reiniciar|adicionar|liberar)\b"
)
FAVOUR_FR = (
    r"(?:approuver|valider|relire|merger|donner|filer|passer|partager|envoyer|reinitialiser|"
    r"redemarrer|ajouter)\b"
)
# a service done for the one asking (`…reset my MFA`, `…restart the worker`)
SERVICE = (
    r"(?:reset|restart|unlock|grant|give me|enable|disable|create|delete|remove|rerun|re-run|take|"
    r"kick off|bump|extend|renew|order|ship|cancel|send me|approve|merge|grab|pull|install|come|"
    r"whip up|book|sign|add me|update|review my|look at my|upload|print|deploy my|push)"
)
# standing in for the writer, or lending a hand on the floor (`float to 5E`, `take my 3pm`), or a
# task done for them (`test #712 on a real board`, `do the dupe inspection`); not `take a look`,
# which asks for help, nor `test whether…`, which asks how
STAND_IN = (
    r"(?:(?:float|cover|swap|trade|pick up|stay|come in|work(?! with)|"
    r"take (?!a (?:look|peek|stab|crack)\b)(?:my|over|the|an?|this|that)|"
    r"do (?:the|a|an|my)|run (?:the|a|my)|drive (?:the|a|an|my|us|me)|unload)\b|"
    r"test(?! (?:whether|if|how|what|why)\b)(?= ))"
)
HELP_VERBS = (
    r"(?:help|explain|tell|point|walk|clarify|recommend|suggest|show|advise|confirm|look into|"
    r"outline|describe|"
    r"take a look|have a look|shed (?:some )?light|interpret|review|debug|check|give me (?:the|a) "
    r"(?:\S+ )?(?:version|rundown|overview|summary|explainer|primer))"
)

# a fault's cause asked, under the condition it shows in (`why do my hours show 0 when I clocked
# in from the app?`); `why do people reply-all when…` is a sigh about people, and a question in
# quotes (`customer: "why is my invoice in USD when…?" fixed`) is someone else's
CAUSE = (
    r"(?<![\"“])why (?:do|does|did|is|are|was|were|won't|wont|doesn't|isn't|can't) "
    r"(?:my|our|the|this|it|these|those)\b[^?.!]{3,80}\b(?:when|after|since|even though|"
    r"although|if)\b[^?.!]{2,80}\?"
)

# a fault a thing shows, by its verb (`jam`, `flicker`, `crop`), and the thing: one to seven words
# that are no person and no sigh (`always`, `again`, `why does every release slip…`)
FAULT = (
    r"(?:break|crash|fail|freeze|hang|stall|jam|leak|drip|flicker|stutter|lag|skip|drop|pop|crop|"
    r"clip|truncate|overheat|overflow|warp|crack|curdle|sag|drift|glitch|misfire|trip|spike|"
    r"smear|bleed|blink|reboot|disconnect|desync|shimmer|jitter|time out|error out|blur|distort)"
)
FAULT_ING = (
    r"(?:breaking|crashing|failing|freezing|hanging|stalling|jamming|leaking|dripping|flickering|"
    r"stuttering|lagging|skipping|dropping|popping|cropping|clipping|truncating|overheating|"
    r"overflowing|warping|cracking|curdling|sagging|drifting|glitching|misfiring|tripping|"
    r"spiking|smearing|bleeding|blinking|rebooting|disconnecting|desyncing|shimmering|jittering|"
    r"timing out|erroring out|blurring|distorting)"
)
# an error a thing raises, pasted (as `code`) or named (`throw `ERR 1042``, `return a 500 error`)
ERROR_RAISED = (
    r"(?:throw|throwing|give|giving|return|returning|raise|raising|spit out|spitting out|log|"
    r"logging) (?:an? |the |this |that |the same )?(?:code|(?:[\w-]+ )?(?:error|exception|"
    r"warning)s?)\b"
)
FAULTY_THING = (
    r"(?![^?.!]*\b(?:always|again|constantly|every single time)\b)(?!(?:he|she|they|you|we|i|"
    r"people|everyone|everybody|every|everything|nobody|no one|someone|somebody|anyone|"
    r"my (?:manager|boss|team|kids?|wife|husband|partner))\b)(?:[\w.'-]+ ){1,7}?"
)

# what is thought to cause a fault, asked of the room (`what does everyone think caused the outage`)
THOUGHT_CAUSE = r"(?:causes|caused|is causing|would cause|happened|went wrong|is going on)\b"

# whoever did a thing to a car, a lunch or a tool (`looking for whoever parked in the red zone`)
# is sought to answer for it, not for what they know; `whoever set up the VPN` knows it
CULPRIT = (
    r"(?! (?:parked|left|took|ate|borrowed|moved|spilled|stole|grabbed|finished|keeps "
    r"(?:parking|leaving|taking))\b)"
)

# `who wants pizza?` asks who is in; `a customer who wants 20% off` is a clause: a "who" that
# opens a sentence (after a greeting or a name at most) asks.
ASKING_WHO = (
    r"(?:(?<![a-z] )|(?<=hey )|(?<=hi )|(?<=so )|(?<=ok )|(?<=all )|(?<=team )|(?<=folks )|"
    r"(?<=everyone )|(?<=guys )|(?<=btw )|(?<=also )|(?<=@here )|(?<=@person ))"
)
