"""The words and phrases the question detector weighs (`bot/questions/detect.py`).

Patterns run on normalised text: lower case, straight apostrophes, mentions as `@person`,
links as their label, code as `code`, emoji removed.
"""

from __future__ import annotations

import re

from bot.questions import detect_languages as languages


def phrases(*alternatives: str) -> re.Pattern[str]:
    # A hyphenated compound is one word: "third-party" is not a party. A phrase's edge that is
    # punctuation (", anyone?", "ideas?") needs no word boundary: `\b` after a final "?" can
    # never hold, and such phrases never matched.
    start, end = r"(?:(?<![\w-])(?=\w)|(?=\W))", r"(?:(?<=\w)(?![\w-])|(?<=\W))"
    return re.compile(start + "(?:" + "|".join(alternatives) + ")" + end)


# `does either of you know…` (two people mentioned) and `can any of you explain…` ask as
# `does anyone know…` does
SOMEONE = r"(?:(?:any|some)\s?(?:one|body)|(?:either|any) of (?:you|y'all|you guys|you all))"
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

# Someone asks for a person who knows, or for help, directly.
ASKS_FOR_HELP = phrases(
    # `lf` is chat's `looking for` (`lf someone who has rigged a hostess tray…`)
    rf"lf {SOMEONE} (?:who|that|with|familiar|experienced)\b",
    # a fault told, then a bare word asking for a way out at the end, with no `?` or `any`
    # (`…fails the xxhash verify on card A014 only that card ideas`, `…even w a full cup. fix?`,
    # `…line looks ok, troubleshooting tips?`); `the autoclave keeps failing, I have some ideas`
    # and `…we need a fix` say
    r"(?:keeps? \w+ing|failing|fails|crashing|crashes|won't|wont|doesn't|not working|throwing|"
    r"flagging)\b[^?]*?(?<![\w-])(?<!some )(?<!the )(?<!a )(?<!my )(?<!your )(?<!our )(?<!good )"
    r"(?<!great )(?<!of )(?<!for )(?:ideas|fix|tips|suggestions|advice)\s*\??$",
    # whether a reading is normal, with `is this` dropped (`procyte flagging clumped plt on every
    # cat today, normal or should I call idexx`), or whether a thing is at fault (`…drifting 2
    # frames by lunch, do i jam every hour or is something broken`); a stop asked as an
    # obligation too (`…hydraulic temp high after 2 hrs, normal or must park it?`)
    r"(?:^|(?<=[,.;:] ))normal or (?:should|do|is|am|are|does|can|must|need|needs|have to|has "
    r"to)\b",
    r"or is (?:something|anything|it|this|that) (?:wrong|broken|off|faulty|"
    r"misconfigured|bad)\b",
    # the cause the room thinks of, asked (`what do you all think is causing the leak?`, `what
    # does everyone think caused the outage`); `what do you all think of the mugs?` is a poll
    r"what (?:do|does|did) (?:you|you all|y'all|you guys|everyone|everybody|the team|we|people|"
    rf"folks) think {THOUGHT_CAUSE}",
    # a cause asked with no fault word around it (`…rejected hemolyzed on samples from the same
    # tech, what usually causes that`); `that's what causes it` says
    r"what (?:usually |typically |normally |commonly |would |could |might |can )?(?:causes|"
    r"cause|is causing|could be causing) (?:that|this|it|these|those)\b(?!['.,]? (?:is|was)\b)",
    CAUSE,
    # a fault's cause guessed at after the fault is told (`the clip won't download, says "video
    # not available" — is it because the truck was off?`); opening a message, `is it because of
    # me?` wonders aloud (the phrase looked for first: the lookbehind is costly at every position)
    r"(?=(?:so |or )?is (?:it|that|this) (?:just )?because\b)"
    r"(?:(?<=\w[,.;:!\"”)] )|(?<=[\w\"”)] [-—–] ))"
    r"(?:so |or )?is (?:it|that|this) (?:just )?because\b[^?]{1,80}\?",
    # the same asked of a system's message quoted, without a `?` (`why does relativity say
    # "insufficient permissions" when I try to mass tag`); what a person keeps saying is no fault
    r"why (?:does|do|did|would|will|is|won't|doesn't) (?!(?:he|she|they|you|everyone|everybody|"
    r"people|nobody|no one|someone|somebody)\b)[\w.-]+(?: [\w.-]+)? (?:say|says|saying|show|"
    r"shows|showing|throw|throws|throwing|give|gives|giving|return|returns|display|displays)\b"
    r"[^?.!\"“]{0,30}[\"“][^\"”]{2,80}[\"”][^?.!]{0,40}\b(?:when|after|if|every time|whenever)\b",
    rf"(?:does|do|did|has|have|would|could|can) {SOMEONE}(?: here| else)?(?: already| ever| "
    r"previously| recently| happen to| by any chance)? (?:know|knows|have|has|"
    r"had|used|use|tried|done|seen this|dealt|worked|set up|integrated|migrated|got|gotten|ever|"
    r"managed to|"
    r"understand|remember|recall|familiar)",
    # `someone had the wrong template selected`, `somebody got locked out` tell what happened;
    # `anyone had this?` asks
    # `someone has to do it` obliges, `anyone has the wiki link?` asks
    rf"{SOMEONE}(?: here)?(?: happens? to)? (?:know|knows|familiar|tried|used|have|has(?! to\b)|"
    r"(?<!someone )(?<!some one )(?<!somebody )(?<!some body )(?:had|got)|ever|able to|"
    r"with (?:experience|context)|seen this|dealt|done this|set up|recommend|understand|"
    r"(?:run|ran|come|came) (?:into|across)|encountered|faced|hit this)",
    # experience of doing a kind of thing (`has anyone run a Western on…`, `written a module
    # for…`); one particular thing (`has anyone tested the release?`) asks whether it is done
    rf"(?:has|have) {SOMEONE}(?: here)?(?: ever| already| actually| previously)? (?:run|built|"
    r"configured|debugged|written|installed|implemented|tested|negotiated|automated|benchmarked|"
    r"evaluated|compared|cracked|figured out|gone through|been through|connected|calibrated|"
    r"deployed|upgraded|switched|scripted) (?!the |my |our |your |his |her |their |this |that |"
    r"it |them )",
    # automating a chore asks for a way, even of one named thing (`has anyone automated the
    # broker commission recon?`); `…automated the export yet?` asks whether it is done
    rf"(?:has|have) {SOMEONE}(?: here)?(?: ever| already)? (?:automated|scripted) "
    r"(?![^?.!]*\byet\b)",
    # a fix for the problem just described (`Tried X, no luck. Has anyone solved this?`);
    # `has anyone fixed the printer yet?` asks whether it is done
    rf"(?:has|have) {SOMEONE}(?: here)?(?: ever| already| actually)? (?:solved|fixed|worked "
    r"around|got around|gotten around|found a (?:fix|way|workaround|solution) (?:for|to)) (?:this|"
    r"that|it)\b(?! yet)",
    # whether anyone found out the cause or the way (`same here, did anyone figure out why the
    # token expires?`) asks for it; `did anyone get the invite?` asks whether it is done
    rf"(?:did|has|have) {SOMEONE}(?: here| else)?(?: ever| already| actually)? (?:figure|figured|"
    r"work|worked|find|found) out (?:why|how|what|where|whether|if|which|a fix|a way|a "
    r"workaround|the cause)\b",
    # (also someone who has done it: `could someone who has handled a board complaint outline…`)
    # (and with a courtesy between: `could someone kindly point me to…`, `would anyone be able to
    # clarify whether…`)
    rf"(?:can|could|would|will) {SOMEONE}(?: who(?: has| have|'s| had| knows)\b[^?.!,]{{1,60}}?)?"
    rf"(?: (?:kindly|possibly|perhaps|please|quickly))?(?: be able to)? {HELP_VERBS}",
    rf"{SOMEONE} (?:can|could|would|might) {HELP_VERBS}",
    # the same with `can` left out, as chat does (`pls someone explain how flags get evaluated`,
    # `afaik we can't…, anyone confirm`); `explain it to the client` is a favour (`PERSONAL`)
    rf"(?:^|(?<=[.!?,:;] )|(?<=please )|(?<=kindly )|(?<=but )|(?<=so )){SOMEONE}(?: here)? "
    r"(?:please )?(?:explain|clarify|confirm)\b(?! (?:this |it )?to (?:the|our|a|my|them|him|"
    r"her)\b)",
    # the same asking to be told how or where (`pls someone tell me how to turn off snapping`)
    rf"(?:^|(?<=[.!?,:;] )|(?<=please )|(?<=kindly )){SOMEONE}(?: here)? (?:please )?tell "
    r"(?:me|us) (?:how|where|why|which|whether|what(?! you))\b",
    r"(?:please|kindly) explain (?:how|why|what|where|when|which|whether|the difference)\b",
    r"who(?:'s| is| are) (?:our|the) (?:main |right |best )?(?:point of contact|contact|poc|dri|"
    r"expert|experts|owner|owners|maintainer|maintainers|lead|specialist|person to ask)",
    r"(?:a |quick )?question (?:about|on|regarding|re)",
    # a question owned up to as basic before it is asked (`probably a dumb question but do we…`);
    # `there are no dumb questions` and `that was a dumb question lol` ask nothing
    r"(?<!no )(?:dumb|stupid|silly|basic|newbie|noob) question(?:,? but\b|:| here\b)",
    # the question said to be asked (`I want to ask if the timer API is thread safe…`); `I want to
    # ask everyone to update their passwords` asks a favour of all
    r"i(?: want| wanted|'d like| would like| wish) to ask (?:if|whether|how|why|what|where|which|"
    r"who|about)\b",
    r"(?:can|could|would|will) you (?:help|explain|tell me (?:how|where|what|who|why|if)|point|"
    r"walk|clarify|recommend|show me|advise|shed (?:some )?light)",
    r"who (?:would|might|else would|else might|will|'d) know",
    r"who(?: here| in (?:the|our) (?:company|team|org|office))? (?:has|have|has ever|'s) (?:set|"
    r"done|used|worked|dealt|tried|seen|built|run|got|"
    r"experience|written|configured|migrated|integrated)",
    rf"is (?:there )?{SOMEONE} (?:here )?(?:who|that|familiar|an expert|experienced)",
    # `who can float to 5E?` asks for a hand (`PERSONAL`), not for one who knows, and so does a
    # bare `who can?` after the task (`need somebody to cover the night desk friday, who can?`)
    # (`who knows, maybe the part turns up tonight` shrugs: a comma, a stop or nothing after)
    rf"who(?:'s| is)? (?:knows(?!\s*[,.!]|\s*$)|(?:can|could)(?! {STAND_IN})(?!\s*\?)|owns|"
    r"handles|manages|maintains|reviews|approves|"
    r"is the (?:right|best|go-to)|the (?:right|best|go-to)|should i|do i|would i|has admin|"
    r"has access|has context|has experience|is responsible|approved|negotiated|decided|"
    r"signed off|set up|configured|wrote|built|owned|looks after|runs|decides|signs off|"
    r"is in charge|understands)",
    r"(?:need|needs|needed|want|would love|'d love|could use|looking for|seeking|appreciate) "
    # (a shift or a desk to cover is asked of a taker: `need somebody to cover the night desk`)
    rf"(?:some |a |any )?(?:help|hand|advice|guidance|pointers?|input|expert|(?:someone|somebody)"
    rf"(?! to {STAND_IN})|whoever{CULPRIT}|a person|recommendations?|recs|suggestions|tips)"
    # a desk or a team that needs hands, and says no more of what (`front desk needs help, line is
    # out the door`); `the intern needs help with pivot tables` asks for what someone knows
    r"(?!(?<=needs help)\s*(?:[,.!]|$))(?!(?<=needs a hand)\s*(?:[,.!]|$))"
    r"(?!(?<=needs some help)\s*(?:[,.!]|$))",
    # the same search for a person who knows, said as a search (`trying to find whoever manages
    # the badge system`)
    r"(?:trying to find|searching for|hunting for|trying to track down|trying to reach) (?:whoever|"
    rf"{SOMEONE} (?:who|that|with|familiar|in charge)|the (?:right )?person (?:who|that|for|in "
    r"charge))",
    r"(?=help )(?<!the )(?<!your )(?<!for )help (?:needed|wanted|please)",
    # the same typed as chat types it, at a sentence's opening (`help pls, my revit crashes…`,
    # where `pls,` keeps its comma and so is not read as `please`); `thanks for the help pls
    # ignore my last msg` thanks
    r"(?=help (?:pls|plz)\b)(?:^|(?<=[.!?:;] ))help (?:pls|plz)\b",
    # what else could be the cause, once the writer has ruled things out (`nginx allows 10m.
    # What other limit could be in play?`); `what else could go wrong` sighs
    r"what (?:else|other (?:[\w-]+ ){0,2}?[\w-]+) (?:could|might|would|can) (?:be (?:causing|"
    r"in play|at play|the cause|the culprit|to blame|behind|responsible|interfering|blocking|"
    r"limiting|capping)|cause|explain|trigger|block|limit|affect)\b",
    # the same asked of the fault itself (`checked the lid and the tubing. what else could it
    # be?`)
    r"what else (?:could|might|can|would) (?:it|this|that) be\s*\?",
    # what more to try once the obvious is done (`changed the battery already, anything else I
    # can try?`)
    r"(?:anything|what) else (?:(?:i|we) (?:can|could|should|might)|(?:can|could|should|might) "
    r"(?:i|we)) (?:try|do|check)\b",
    # a message that opens with a cry for help before the problem (`HELP my gradebook says…`,
    # `help!! the projector…`); `help yourselves to cake` and `help desk is closed` offer and tell,
    # and `help, I'm drowning in emails` sighs
    r"^(?:help|halp)(?:\s*[!:]+|\s+(?=(?:my|our|pls|please|plz|anyone|someone)\b))",
    # who deals with a fault just described (`it says my account is disabled, who fixes that`)
    r"who (?:fixes|handles|deals with|looks after|sorts out|unlocks|resets|manages) (?:that|this|"
    r"it|those|these)\b",
    # a symptom, then whether it is harmful (`my laptop is making a buzzing noise, should I be
    # worried?`, `the light won't turn off, is that bad?`); `I ate four donuts, is that bad?` names
    # no symptom
    r"(?:won't|wont|doesn't|keeps|making|shows|showing|says|flashing|blinking|beeping|buzzing|"
    r"noise|smells?|hot|leaking|sparking)\b[^?.!]{0,60}[,.]?\s*(?:is (?:that|this|it) (?:bad|"
    r"normal|ok|okay|safe|dangerous|a problem)|should (?:i|we) be (?:worried|concerned))\b",
    # a pasted error and a bare `help` after it (`ModuleNotFoundError: No module named 'x' help`);
    # `…error, thanks for the help` thanks
    r"\w*(?:error|err|exception|fatal|failed|failure|denied|refused|panic)\b[^\n]{0,200}?"
    r"(?<!the )(?<!for )(?<!your )(?<!of )(?<!some )(?<!any )(?<!no )(?<!with )(?<!my )"
    r"(?<!great )(?<!\w)help\s*[!?.]*$",
    # being told the procedure, asked as a request (`kindly let me know the procedure to…`)
    r"(?:let me know|tell me|inform me|remind me(?: of)?|guide me(?: on| through| with)?|share|"
    r"explain|advise) "
    r"(?:the|what the|what's the|about the) (?:\w+ )?(?:procedure|process|steps|formalities)"
    r" (?:to|for|of)",
    # being told where or how, asked as a request (`please tell me where I should keep…`);
    # `please tell me what you think` asks for an opinion of one's own work
    # `pls advise how to handle a failed trade claim`, asked of anyone without `me`; `please
    # advise if you're coming` asks one person
    # (also as a heading before the case: `pls advise: reefer with dry ice inside, counts as DG?`;
    # `please advise the driver to use gate B` passes word on)
    r"(?:please|kindly) advise\s*:|"
    r"(?:please|kindly) advise (?:on )?(?:how|which|where|the (?:procedure|process|steps|"
    r"correct|right|best))\b",
    r"(?:please|kindly) (?:tell|advise|guide|show) (?:me|us) (?:where|how|which|who|whether|"
    r"what(?! you))",
    # being reminded how, or of a procedure (`could someone remind me of the procedure for…`);
    # `remind me to send…` asks for a reminder
    # what time a thing is (`can someone remind me what time the inspection is?`) is a schedule
    rf"(?:can|could|would|will) (?:{SOMEONE}|you) (?:please )?remind me (?:of )?(?:how|where|"
    r"what(?! time)|which|who|whether|the (?:\w+ )?(?:procedure|process|steps|rules?|policy|name))",
    # who holds a thing (`who has the key for the chemical cage`); `who has the bandwidth`
    # puts a request to the team, `who's got the best…` polls taste, `who has the pager` asks
    # who is on call
    r"who(?: has|'s got| has got) the (?!(?:best|most|bandwidth|capacity|time|cycles|pager|"
    r"on-call|on call|rota|rotation|shift|duty)\b)",
    # naming someone as who built or owns a thing, then asking them (`@sam you built the export
    # job right? why does it…`), asks for what they know
    r"you(?:'re| are)? (?:wrote|built|set up|setup|made|designed|own|maintain|implemented|"
    r"created|configured|did|took|ran|trained on|certified on|know|the [\w-]+ (?:person|expert|"
    r"guru|owner))\b[^?]{0,60}?,? right\s*\?\s*"
    r"(?:why|how|what|where|which|when|is|does|do)\b",
    # a contact or an introduction asks who knows whom (`looking for a contact at the port`)
    r"(?:looking for|need|needs|searching for|trying to find|hunting for|would love|'d love|"
    r"could use) (?:a |an |the |some )?(?:right |good |friendly )?(?:contact|contacts|intro|"
    r"introduction|point of contact|poc) (?:at|in|with|to|for|on|from)",
    # how others go about a thing asks for their experience (`how are you all handling…`, `how
    # do other schools…`); `how are you all holding up?` asks after them
    r"how (?:are|do) (?:you all|y'all|you guys|folks|people|everyone|others|other [\w-]+|any of "
    r"you)(?: here| usually| normally| typically)? (?!(?:holding|finding|liking|enjoying|settling|"
    r"feeling|doing|getting on|like|feel|enjoy|find|think)\b)[a-z]+",
    # what the group uses for a kind of work asks for its practice, as `how are you all
    # handling…` does; `what are you all having for lunch?` is small talk
    r"what(?:'s| is| are| do| does) (?:you all|y'all|you guys|folks|people|everyone|everybody|"
    r"others|other [\w-]+)(?: here)?(?: currently| usually| normally| typically)? (?:using|use|"
    r"running|run|recommending|recommend) (?:for|to|in|on|with)\b",
    # the same asked as what they are doing for it (`what are people doing for e-signing
    # affidavits now?`); `what are people doing for lunch?` is small talk
    r"what (?:are|is) (?:you all|y'all|you guys|folks|people|everyone|everybody|others|other "
    r"[\w-]+)(?: here)? (?:doing|using) (?:for|about|with|when) (?!(?:lunch|dinner|breakfast|"
    r"drinks|fun|new year|thanksgiving|christmas|halloween|the (?:weekend|holidays?|break)|"
    r"(?:[\w-]+ )?(?:birthday|party|vacation))\b)",
    r"(?:please|pls|plz) help",
    r"any (?:idea|ideas|clue|tips|tricks|pointers|advice|guidance|recs|recommendations|suggestions|"
    r"insight|experts?|"
    r"fix|fixes|workaround|workarounds|solution|solutions)",
    r"(?:i'm|i am|we're|we are|running) out of ideas|no idea (?:where|how|why|what) to",
    r"(?:do not|don't|can't|cannot) (?:really )?understand (?:how|why|what|whether|if|when)",
    r"(?:completely|totally|really|pretty|a bit|so) stuck|going (?:round|around) in circles",
    r"stuck trying to",
    # a question called a doubt, as English in India calls it (`I have one doubt regarding the
    # branching, …?`); `I have doubts about this design`, or `some doubt about Friday`, is
    # misgiving, and asks nothing
    r"(?:a|one|a small|small|a quick|quick|one small|a silly|a basic) doubt (?:regarding|about|on|"
    r"in|with|related to|for)\b|doubts? regarding\b",
    # why two things differ or do not match asks for the cause (`Why the coverage in SonarQube is
    # different from the local report?`, `why doesn't the Cpk match my excel?`)
    r"why\b[^?.!]{1,80}\b(?:different|differs?|differed) (?:from|than|between|to|in|with)\b|"
    r"why\b[^?.!]{0,60}\b(?:doesn't|does not|don't|do not|didn't|did not|won't|isn't|aren't)\b"
    r"[^?.!]{0,60}\b(?:match|matching|agree|line up|add up|tie out)\b",
    # a fault in spite of what the writer set (`why is my linked CAD showing in every view even
    # though i chose current view only`) asks for its cause; `why is my manager booking 7am
    # meetings even though i said no` vents
    r"why (?:is|are|does|do|did|won't|isn't|doesn't|does not|do not|would|will) (?:my|our|the|"
    r"this|it)\b[^?.!]{0,80}\b(?:even though|although|even tho|though) (?:i|we|i've|we've|i have|"
    r"we have)(?: already| definitely| clearly)? (?:set|chose|picked|selected|checked|unchecked|"
    r"ticked|unticked|turned|enabled|disabled|changed|configured|added|removed|deleted|cleared|"
    r"updated|installed|switched)\b",
    # a fault seen only under one condition asks for its cause (`why does the marker skip only on
    # aluminum parts?`, `anyone seen porosity in the welds only on night shift?`); `why is it
    # only me in the office on fridays` sighs
    r"why (?:does|do|did|would|is|are|was|were) (?:[\w'-]+ ){1,7}?only (?!(?:me|us|you|"
    r"them|him|her|i|we)\b)(?:[\w'-]+ ){0,3}?(?:on|in|with|for|when|after|at|during|from|under)\b",
    rf"{SOMEONE}(?: here| else)?(?: ever)? seen (?:[\w'-]+ ){{1,6}}?only (?:on|in|with|"
    r"when|after|during|at|for|under)\b",
    # a thing's fault named by its verb asks for the cause (`why does the conveyor jam before the
    # scale`, `why is the badge reader flickering?`), and so does a thing right in one place and
    # wrong in another (`why would the invoice look fine in preview but print cut off?`); a fault
    # always or again sighs (`why does the printer jam again`), and people are no thing
    rf"why (?:does|do|did|would) {FAULTY_THING}(?:keep |still |randomly |suddenly |sometimes )?"
    rf"{FAULT}s?\b",
    rf"why (?:is|are|was|were) {FAULTY_THING}(?:still |randomly |suddenly |sometimes )?"
    rf"{FAULT_ING}\b",
    rf"why (?:would|does|do|did|is|are|will) {FAULTY_THING}(?:fine|ok|okay|"
    r"correct|correctly|right|normal|normally|perfect|perfectly) [^?.!]{0,60}?\bbut\b",
    r"hoping (?:some|any)(?:one|body)(?: [\w-]+){0,3} (?:can|could|might|will|knows)",
    r"sanity[- ]check(?: my understanding| from| on|:)",
    r"(?:can't|cannot|can not|couldn't) (?:get|make) \w+(?: [\w.-]+){0,6} to \w+",
    r"(?:can't|cannot|can not|couldn't) (?:see|tell) (?:why|how|what|if|whether)",
    # a name someone remembers (`there was a channel for that, what was it called?`)
    r"what(?:'s| is| was| were) (?:it|that|this|they|the [\w-]+(?: [\w-]+)?) called|"
    r"what(?:'s| is| was) the name (?:of|for)",
    # the writer blocked (`blocked on the okta callback`, `we're blocked by…`); another person
    # or team blocked (`customer blocked on login`, `Marketing is blocked on…`) is a report
    r"(?:\A|[.!?,;:] |\b(?:i|i'm|im|we|we're|am|still|currently|totally|completely|"
    r"been|kinda|bit|so|really) )blocked (?:on|by)",
    r"(?:stuck on|stuck with|struggling with|can't figure out|"
    r"cannot figure out|can't work out|confused about|unsure (?:how|whether|what|which|if)|"
    r"not sure (?:how|whether|what|which|if|where|who))",
    # not knowing, said as `no idea what a graceful restart helper is`, as `not sure what`
    r"no idea (?:how|whether|what|which|if|where|who|why)",
    r"(?:wondering|curious|i wonder) (?:if|how|whether|what|why|who|where|which)",
    r"(?:trying|try|need|want) to (?:figure out|understand|work out|find out|know|learn)",
    r"quick q|quick one|question for|q for",
    # `q:` opening the message marks a question, as `quick q` does (a FAQ's `Q: …? A: …` answers
    # itself)
    r"^q\s*:",
    # the cause asked for as a reason (`what is the reason that NAV recon shows a diff`, `what
    # could be the reason for the timeout`); `the reason is…` tells
    r"what(?:'s| is| was| could be| can be| might be| would be) the (?:main |likely |possible )?"
    r"reasons? (?:that|for|of|behind|why)\b",
    # a question labelled with its topic (`certified payroll question: do apprentices get…`);
    # a quiz's or a riddle's question, or a key one answered after, asks nothing
    r"(?:^|(?<=[.!?] ))(?!(?:[\w-]+ )?(?:trivia|quiz|bonus|key|survey|poll|interview|riddle|"
    r"exam|test|fun|daily|weekly)\b)(?:[\w-]+ ){1,3}(?:question|q)\s*:\s*(?:do|does|is|are|can|"
    r"could|how|what|why|where|which|who|should|would|will|when)\b",
    r"(?:do|does) (?:you|y'all|you guys|you all|anyone|anybody|someone) know (?:how|what|where|who|"
    r"why|when|if|whether|which)",
    r"help me (?:understand|figure|find|with|get|set|debug|fix|out|make sense|decide|choose)",
    r"(?:would|'d) (?:love|like|appreciate) (?:a|an|some) (?:walkthrough|explanation|overview|"
    r"intro|pointers|help|hand|eyes|review|second opinion)",
    r", any(?:one|body)\s*\?",
    r"^ideas\s*\?|\bideas\s*\?$",
    # the same after the writer's own question, without its `?` (`…over the joint, electrical or
    # mechanical? ideas`); `lunch at 1 or 2? thoughts` polls, and `thoughts` is not read
    r"\?\s*(?:any )?(?:ideas|suggestions|tips|advice)\s*[.!]*$",
    # a doubt, as writers from India and from Spanish or Portuguese say a question (`I have one
    # doubt: tank container with residue, still IMDG…`), as `tengo una duda` is; `I have some doubts
    # this will ship` and `I have my doubts` are scepticism
    r"i have (?:a|one|a small|one small|a quick|small|quick) doubt(?:\s*[:,?]| (?:about|on|"
    r"regarding|in|related to|with)\b)",
    # whom to call or which line, asked (`leaking drum in block H, which number to call for spill
    # team at night`, `who do I call about a downed line`); `which number to call is on the
    # fridge` tells
    r"(?:which|what) (?:number|extension|line|hotline|desk|team|office|contact|email|address) "
    r"(?:to|do i|do we|should i|should we) (?:call|ring|phone|contact|email|notify|escalate to)\b"
    r"(?! (?:is|are|was)\b)",
    # the next step asked for after a fault is told (`…checked the float switch. whats next to look
    # at`); `what's next on the agenda` asks nothing
    r"what(?:'s| is|s)? (?:next|else) (?:to|should (?:i|we)|can (?:i|we)|do (?:i|we)) (?:check|try|"
    r"look at|look into|test|inspect|rule out)\b",
    # an answer asked for over the conflicting ones heard (`Is the last done date the sign date?
    # getting different answers`); `the survey got different answers from each office` reports
    r"\?\s*(?:(?:i'm|we're|i am|we are|been|keep) )?(?:getting|got|heard|hearing) (?:different|"
    r"conflicting|mixed|contradictory) (?:answers|info|information|advice)\b",
    r"(?:any )?thoughts on (?:what|why|how|where|who|whether)",
    # `any ideas why…` with its `any` dropped, as chat does (`ideas on why Xcode archive hangs`)
    # (also after the fault it asks about: `…ratios under 1 for my RNA preps, ideas what's…`)
    r"(?:^|(?<=[.!?:,] ))(?:ideas?|clues?) (?:on |about |as to )?(?:why|how come|how|what|where|"
    r"whether)\b",
    # advice invited after the problem (`…DriverError: unsupported driver. suggestions welcome`)
    r"(?:suggestions|ideas|pointers|advice|tips|help)(?: (?:are|is))?(?: (?:very|most|always))? "
    r"(?:welcome|appreciated|gratefully received)",
    # experience of doing a kind of thing before (`has anyone localised into Arabic before`);
    # `has anyone sent the deck before Friday?` asks whether it is done
    rf"(?:has|have) {SOMEONE}(?: here)? \w+(?: [\w/.-]+){{0,6}} before\s*(?:[?.!]|$)",
    # the fix for a problem asked for outright (`what's the fix when the display shows all 8s?`),
    # as `any fix?` does
    r"what(?:'s| is| was| would be) (?:the|a) (?:usual |known |right |best |quickest |easiest )?"
    r"(?:fix|workaround|solution|remedy|cure) (?:for|when|if|to)\b",
    r"what am i (?:missing|doing wrong|not getting|overlooking)",
    r"(?:seen|hit|run into|ran into|come across|dealt with) this before",
    r"any known (?:fix|fixes|issue|issues|workaround|workarounds|cause|solution)",
    r"am i missing (?:something|anything)",
    # who knows, in Tagalog as typed in Manila (`sino po may alam…`, `sino ang marunong…`), and
    # in Nigerian Pidgin what is causing it and who knows (`wetin dey cause this…?`, `who sabi
    # how to…`); `wetin dey happen` and `una sabi say na Friday?` tease
    r"sino (?:po |ba |po ba )?(?:ang |dito |dito ang )?(?:may alam|marunong|nakakaalam|"
    r"may idea)\b",
    r"wetin (?:dey |fit )?(?:cause|make)\b|(?:who|anybody|anyone|person) (?:sabi|sabe) (?:how|"
    r"why|where|wetin|which|the|about)\b",
    # whether the writer does a thing wrongly (`am i searching wrong`, `am I reading the query
    # wrong?`), as `what am I doing wrong` asks; `am i wrong or is it cold in here` and `am i
    # remembering that wrong` (a memory) do not
    r"am i (?:doing|reading|searching|using|looking at|configuring|setting|running|calling|"
    r"entering|typing|writing|querying|filtering|formatting|filling|interpreting|understanding|"
    r"installing|exporting|importing|mapping|parsing)\b(?: [\w'.-]+){0,4} (?:wrong|wrongly|"
    r"incorrectly)\b",
    r"what (?:would|could|might) (?:cause|explain)|what(?:'s| is) causing",
    # `there is a known issue with the M3 chips, upgrade to 34.1` tells of one
    r"(?:a )?known(?<!\bis known)(?<!'s known)(?<!\bis a known)(?<!'s a known) (?:thing|issue|bug|"
    r"problem|limitation) (?:with|in|on|or)",
    # the strongest of these in a few other languages (folded: no accents, ß as ss)
    rf"alguien (?:sabe|conoce|tiene experiencia|ha usado|ha configurado|ha trabajado|"
    rf"(?:me puede|podria)(?!(?: por favor)? (?:me |nos )?{FAVOUR_ES})|puede (?:ayudar|explicar))",
    r"quien (?:sabe|conoce|se encarga|es (?:el|la) responsable|lleva)",
    r"necesito ayuda",
    rf"quelqu'un (?:sait|saurait|connait|a deja|peut m'aider|pourrait(?!(?: me| nous)? "
    rf"{FAVOUR_FR})|s'y connait)",
    r"qui (?:s'occupe|connait|sait|est (?:le |la )?responsable)",
    r"(?:j'ai|on a) besoin d'aide",
    r"(?:petite|une) question|question rapide|des idees\s*\?|je galere|je (?:ne )?trouve rien",
    # `quick question` as the French `petite question`
    r"(?:una )?(?:pregunta|duda) rapida|tengo una (?:pregunta|duda)",
    r"(?:kurze|kleine) frage",
    r"(?:uma )?(?:pergunta|duvida) rapida|tenho uma (?:pergunta|duvida)",
    r"domanda (?:veloce|rapida)|ho una domanda",
    r"algun (?:consejo|truco|tip)|alguna (?:idea|recomendacion|sugerencia)|estoy atascad[oa]",
    r"gibt(?:'s| es) (?:(?:hier|irgendwo|eigentlich|dazu|bei uns|schon|denn) )*(?:(?:fur|bei|zu|am|"
    r"i'?m) [^?.!]{1,40}? )?(?:eine|einen|ein) (?:empfehlung|tool|weg|moglichkeit|anleitung|regel|"
    r"regelung|leitlinie|richtlinie|vorlage|formular|checkliste|logbuch|doku|dokumentation|faq|"
    r"trick|workaround|protokoll|ansprechpartner\w*)\b",
    r"hat (?:hier )?jemand (?:eine )?(?:idee|tipp|empfehlung)",
    r"ja alguem (?:passou|teve|viu|fez|resolveu)|alguma (?:ideia|dica|sugestao)",
    r"qualcuno ha (?:idea|idee|consigli)|qualche (?:consiglio|idea|dritta)",
    rf"(?:weiss|kennt) (?:hier )?jemand|(?:kann|konnte) (?:hier )?jemand(?!{DE_CLAUSE}{{0,60}}"
    rf"{FAVOUR_DE})",
    r"hat (?:hier )?jemand (?:erfahrung|schon|ahnung)",
    # the same with `schon mal` first (`Hat schon mal jemand die Software neu installiert?`)
    r"(?:hat|hatte) (?:hier )?(?:(?:schon|mal|einmal|je|jemals) )+jemand\b",
    r"kennt sich (?:hier )?jemand",
    rf"(?:kann|konnte) (?:mir|uns) (?:hier )?jemand(?!{DE_CLAUSE}{{0,60}}{FAVOUR_DE})",
    # `wer ist eigentlich zuständig…`: German's particles (eigentlich, denn, hier) are filler
    r"wer (?:(?:ist|sind) (?:(?:eigentlich|denn|hier|bei uns|gerade|jetzt) )*(?:fur|zustandig|"
    r"verantwortlich)|kennt sich|weiss|kummert sich)",
    # whom to turn to (`an wen wende ich mich, wenn…`), what it could be due to (`woran kann es
    # liegen, dass…`), a question put to the room (`Frage in die Runde:`)
    r"an wen (?:wende ich mich|wendet man sich|kann ich mich wenden|muss ich mich wenden|soll ich "
    r"mich wenden|kann man sich wenden)|woran (?:kann|konnte|liegt|lag) (?:es|das)\b|"
    r"frage (?:in die runde|an (?:alle|euch|die [\w-]+))\s*[:?]",
    # an idea, tips or a protocol asked for (`Jemand eine Idee?`, `Hat jemand Tipps, wie…`, `Hat
    # jemand ein Protokoll für ChIP-seq…?`), and what others have found (`Wie sind eure
    # Erfahrungen mit…?`)
    r"(?:hat |habt )?(?:hier )?(?:jemand|ihr) (?:eine |ne )?(?:idee|ideen|tipps?|empfehlung|"
    r"ahnung)\b|irgendwelche (?:ideen|tipps|erfahrungen)|"
    r"(?:hat|habt) (?:hier )?(?:jemand|ihr) (?:ein|eine|einen|ne) (?:protokoll|skript|script|"
    r"anleitung|vorlage|template|beispiel|tutorial|leitfaden|checkliste|workaround)\b|"
    r"eure erfahrungen (?:mit|zu|bei)\b|(?:hat|habt) (?:jemand|ihr) erfahrungen? mit\b",
    # naming someone as who set a thing up, then asking them why or how (`@… du hast doch die
    # Perfusion eingerichtet, oder? Warum sackt der Druck ab?`); `…oder? Kannst du…` asks a favour
    r"du hast (?:doch |ja )?[^?]{1,60}? (?:eingerichtet|gebaut|geschrieben|aufgesetzt|gemacht|"
    r"installiert|konfiguriert|betreut|entwickelt|programmiert)\s*,? (?:oder|nicht|ne|gell)\s*\?\s*"
    r"(?:warum|wieso|weshalb|wie|was|wo|welche\w*|woran|ist|gibt)\b",
    r"ich brauche hilfe",
    # an idea asked of anyone, as `alguien tiene idea` and `jemand eine Idee` ask (`quelqu'un a
    # une idée ? le scanner…`), and not understanding how or why, as `I don't understand why`
    # (`je comprends pas pourquoi la facture…`); a gift's or an outing's idea is life outside work
    r"quelqu'un (?:a|aurait) (?:une |des )?(?:idee|idees|piste|pistes)"
    r"(?! (?:de|pour) (?:un |le |la )?(?:cadeau|resto|restau|sortie|dejeuner|diner|pot)\b)",
    r"je (?:ne )?comprends pas (?:pourquoi|comment|ce qui|d'ou)\b",
    # French and Spanish, as a workplace writes them wholly in those languages: an explanation
    # asked of anyone (`quelqu'un peut m'expliquer…`, `¿alguien me explica…?`), someone who
    # masters a thing (`il y a quelqu'un qui maîtrise Power BI ?`, `¿hay alguien que controle
    # de…?`), what the room knows (`vous savez à qui…`, `¿sabéis si se pueden…?`), tips asked for
    # (`des conseils pour…`, `une astuce pour…`), whom a thing falls to (`qui est le référent
    # RGPD ?`, `¿quién es el delegado de…?`) and whom to turn to (`à qui dois-je m'adresser…`, `¿a
    # quién le pregunto por…?`)
    r"quelqu'un (?:peut|pourrait) (?:m'|nous )?(?:expliquer|eclairer|renseigner|orienter)\b|"
    r"alguien (?:me |nos )?(?:explica|aclara|orienta)\b|"
    r"quelqu'un qui (?:maitrise|s'y entend|gere bien)\b|"
    r"hay alguien que (?:sepa|controle|domine|entienda|conozca|haya)\b|"
    r"vous savez (?:a qui|comment|ou|quel|quelle|quels|quelles|si)\b|"
    r"sabeis (?:como|donde|a quien|cual|cuales|si)\b|"
    r"une idee (?:de )?pourquoi\b|(?:des|quelques) (?:conseils|astuces|tips|pistes) (?:pour|"
    r"sur)\b|(?:une|des) astuces? pour\b|"
    r"qui est (?:le |la )?(?:referent|referente|interlocuteur|interlocutrice)\b|"
    r"quien es (?:el|la) (?:delegad[oa]|encargad[oa]|referente)\b|"
    r"a qui (?:je dois|dois-je|faut-il|il faut|on doit|je peux|puis-je)? ?(?:m'|s'|me |nous )?"
    r"(?:adresser|demander)\b|"
    r"a quien (?:le |me |se le )?(?:pregunto|pregunta|preguntamos|me dirijo|acudo|hay que|tengo "
    r"que|debo|le pido|pido)\b",
    r"alguem (?:sabe|conhece|ja usou|ja configurou|pode (?:ajudar|explicar)|tem experiencia)",
    r"quem (?:sabe|e (?:o |a )?responsavel|cuida|conhece)",
    r"preciso de ajuda",
    r"qualcuno (?:sa|conosce|ha esperienza|ha gia|puo (?:aiutarmi|spiegare)|potrebbe)",
    r"chi (?:sa|si occupa|e (?:il |la )?responsabile|conosce)",
    r"ho bisogno di aiuto",
    # Dutch and Polish (folded: `ktoś` is `ktos`)
    r"(?:weet|kent) (?:er )?iemand|kan iemand (?:me |mij )?(?:helpen|uitleggen|vertellen)",
    r"(?:heeft|had) (?:er )?iemand (?:al )?(?:ervaring|verstand|een idee|ideeen|tips|een tip|"
    r"een template|een sjabloon|een voorbeeld)",
    r"wie (?:weet|kent|is (?:hier )?verantwoordelijk|gaat (?:hier )?over)|ik heb hulp nodig",
    r"(?:korte|snelle) vraag",
    r"ktos (?:wie|zna|orientuje sie|moze (?:pomoc|wyjasnic)|miał|mial)",
    # how the others do a thing, as `how are you all handling…` asks (`¿cómo hacéis para…?`,
    # `wie macht ihr das mit…?`, `nasıl yönetiyorsunuz?`), and someone who has done it or has
    # an idea, as teams abroad ask (`¿alguien tiene idea de por qué…?`, `busco a alguien que
    # sepa de…`, `qui s'y connaît en…?`, `chi ha esperienza con…?`, `macie pomysł, czemu…?`)
    r"como (?:lo )?(?:haceis|manejais|gestionais|resolveis|soleis|hacen ustedes|manejan ustedes|"
    r"gestionan ustedes|resuelven ustedes)|"
    r"alguien (?:tiene|tendra) (?:alguna )?(?:idea|experiencia)|"
    r"(?:busco|buscando|necesito) a alguien que (?:sepa|conozca|entienda|haya)",
    r"wie (?:macht|handhabt|lost|organisiert|regelt|loest) ihr",
    r"comment (?:vous faites|faites-vous|vous gerez|gerez-vous|vous vous y prenez)|"
    r"qui s'y connait|quelqu'un qui (?:s'y connait|connait|sait|a deja)",
    r"como (?:voces|vcs|a galera|o pessoal) (?:fazem|faz|lidam|lida|resolvem|gerenciam)",
    # `chi ha mai detto che…?` (who ever said that…?) disputes a claim
    r"come (?:fate|gestite|risolvete|lo fate|vi organizzate)\b|chi ha (?:esperienza|gia|idea)|"
    r"chi ha mai(?! (?:detto|pensato|creduto|deciso|sostenuto) che\b| visto una cosa)",
    r"hoe (?:doen|pakken|regelen|beheren) jullie",
    r"jak (?:to )?(?:robicie|rozwiazujecie|ogarniacie)|jak sobie radzicie|"
    r"(?:macie|masz) (?:jakis |jakies )?(?:pomys[lł]y?|doswiadczenie)",
    r"nas[iı]l (?:\w+ ){0,2}(?!gecir|hissed|bulu|begen|sevi)\w+yorsunuz\b|"
    r"(?:kullanan|deneyen|yapan|ugrasan|kuran|yasayan|karsilasan|cozen) (?:biri |kimse )?"
    r"(?:oldu mu|var m[iı])",
    r"kisi ne [^?]{1,60}\?|kisi ?ko koi (?:idea|pata)|"
    r"ada (?:yang|yg) bisa (?:bantu|bantuin|jelasin|jelaskan|ngajarin)",
    r"(?:해|써|사용해|경험해|설정해|구축해|겪어) ?보신 ?분|"
    r"어떻게 (?:\S+ ){0,2}(?:하세요|하시나요|하시는지|해결하세요|관리하세요)",
    r"(?:ma|miał|mial) ktos (?:doswiadczenie|pomysł|pomysl|szablon|wzor|przykład|przyklad)",
    r"czy ktos ma (?:doswiadczenie|pomysł|pomysl|szablon|wzor|przykład|przyklad)",
    # (`kto ogarnia konfigurację radiotelefonów?`, who handles the radios' set-up)
    r"kto (?:wie|zna sie|odpowiada za|sie zajmuje|ogarnia|obsluguje|zarzadza|opiekuje sie|"
    r"konfiguruje|jest odpowiedzialny)|potrzebuje pomocy|(?:szybkie|krotkie) pytanie",
    # Swedish, Turkish, Hindi and Indonesian as typed in Latin letters, Russian, Korean and
    # Arabic (folded: `någon` is `nagon`, `пойдёт` is `поидет`; Turkish keeps its dotless ı)
    r"vet (?:nagon|ni)|nagon som (?:vet|har koll|har erfarenhet|kan (?:hjalpa|forklara))|"
    r"(?:har|kan) nagon (?:erfarenhet|koll|tips|ett tips|hjalpa|forklara|tipsa)|"
    r"vem (?:vet|ansvarar|har koll)|snabb fraga|behover hjalp",
    r"bilen (?:var|biri|birisi|kimse)|(?:bilgisi|deneyimi|fikri|tecrubesi) olan|"
    r"yard[iı]m(?:c[iı] olabilecek| edebilecek| eder misiniz| edebilir misiniz| laz[iı]m)|"
    r"h[iı]zl[iı] bir soru|bir sorum var|kim (?:biliyor|ilgileniyor|sorumlu)",
    r"kisi ?ko (?:kuch )?(?:pata|idea|maloom|malum)|"
    r"(?:kya )?koi (?:jaanta|janta|jaanti|janti|bata|samjha|help kar|madad kar|guide kar)|"
    r"(?:madad|help) (?:chahiye|chaiye)",
    r"ada (?:yang|yg) (?:tahu|tau|pernah|bisa bantu|paham|ngerti|punya pengalaman)|"
    r"(?:mohon|butuh|perlu|minta) (?:bantuan|pencerahan|saran)|"
    r"siapa (?:yang|yg) (?:tahu|tau|pegang|bertanggung jawab)|numpang tanya|mau tanya|"
    r"(?:pertanyaan|tanya) (?:singkat|cepat)",
    r"кто-(?:нибудь|то) (?:знает|сталкивался|разбирается|подскажет|в курсе|может (?:помочь|"
    r"подсказать|объяснить))|кто (?:знает|в курсе),? (?:как|где|почему|что|кто|есть|можно|когда)|"
    r"кто (?:отвечает за|разбирается)|подскаж(?:ите|и)|помогите|нужна помощь|быстрыи вопрос|"
    r"(?:есть|у) (?:у )?кого(?:-нибудь|-то)? (?:есть )?(?:опыт|идеи)",
    r"아시는 ?분|아는 ?분|아는 사람|알려주실 ?분|도와주실 ?분|도움(?:이)? 필요|경험(?:이)? 있으신|"
    r"잘 아시는",
    r"(?:هل )?(?:يعرف|يعلم) (?:أحد|احد)|(?:هل )?(?:أحد|احد|حد) (?:يعرف|يعلم|عنده خبرة|لديه خبرة|"
    r"يقدر يساعد|يستطيع المساعدة)|من يعرف|(?:أحتاج|احتاج) (?:مساعدة|مساعده)|سؤال سريع",
    *languages.ASKS_FOR_HELP,
)

# A method someone knows, asked as an opinion (`wdyt is the best way to…`).
BEST_WAY = (
    r"(?:best|right|correct|recommended|proper|cleanest|easiest|fastest|safest|simplest) "
    r"(?:way|approach|pattern|practice|setup|tool|library)\b"
)

# A question about how things work, where they are, or what the rule is.
ASKS_HOW = phrases(
    # tips or guidance on doing a thing, with no `?` (`rigging the condor on a slope tmrw, any
    # guidance on outrigger pads`, `any tricks for cysto on an obese cat`); `any tips for lunch`
    # is small talk, and recommendations asked are a thing or a place, not a way
    r"any (?:advice|guidance|tips|tricks|pointers) (?:on|for|about|with) "
    r"(?!(?:a |the )?(?:lunch|dinner|breakfast|drinks|coffee|food|restaurants?|places to eat|"
    r"bars?|hotels?|the weekend|vacation|holiday)\b)",
    # a count asked against a unit or a need (`how many sandbags per c stand on a rooftop`, `how
    # many days of notice do we need`); `how many people are coming` asks for status
    # (and what is owed or required: `how many days' notice do we owe a tenant before…`, `how
    # many copies must we keep`)
    r"how many [\w-]+'?(?: [\w-]+){0,3} (?:per|for each|do (?:i|we|you) (?:need|owe|have to "
    r"give)|(?:must|should) (?:i|we)|are "
    r"(?:we |you )?allowed|can (?:i|we))\b",
    # help asked to understand a thing, not to lift one (`need a hand figuring out the turnaround
    # rules`, `need help understanding the deferred revenue`); `need a hand moving the dolly
    # track` is a favour
    r"(?:need|needs|could use|want) (?:a hand|some help|help) (?:figuring|understanding|working "
    r"out|making sense)\b",
    # what a tool allows, asked (`does cornerstone let you merge two client accts…`); `does your
    # manager let you work from home` is no tool's, nor `does anyone let you know…`
    r"does (?!(?:your|ur|his|her|their|any(?:one|body)|some(?:one|body)) )(?:[\w-]+ ){1,3}let "
    r"(?:you|me|us|one)\b",
    # the place a thing is best put (`wheres the best place to put the honeywagon…`); the best
    # place to eat or drink is small talk
    r"where(?:'s| is) the (?:best|right) (?:place|spot) to (?!(?:eat|grab|drink|get (?:food|lunch|"
    r"coffee|a drink|drinks|a bite)|hang out)\b)",
    # where a thing is put away (`where do petty cash envelopes go at wrap`); `where do we go for
    # lunch`, `where did everyone go` and `where does the time go` are not
    r"where do(?:es)? (?!(?:we|you|u|y'all|they|i|people|everyone|folks|you guys|all)\b)"
    r"(?!(?:the |all the )?(?:time|day|days|week|weeks|weekend|month|year|years|summer)\b)"
    r"(?:[\w-]+ ){1,3}go\b(?! (?:for|to) (?:lunch|dinner|coffee|drinks|breakfast)\b)",
    r"how (?:do|can|should|would|could|does|did|is|are|to|long|often|much) (?:i|we|you|one|our|"
    r"the|they|it|this|that|people|folks|teams|others|a|an|to|my|your|customers|"
    r"\w+ (?:get|work|calculated|handled|computed|prorated|decided))",
    r"how to",
    # the value a reading or a setting should have (`what should the hyd reservoir read on the
    # sight glass…`, `what temp should the cold room be at?`); `what should we do for lunch` and
    # `what should the team name be` ask no reading
    r"what (?:[\w-]+ )?should (?:the |a |an |my |our |this |that )?[\w-]+(?: [\w-]+){0,3} (?:read|"
    r"be at|be set to|be set at|show|measure)\b",
    # a way asked for with `is there` left out (`any way to bulk import from a CSV…`), at a
    # sentence's opening; `no way to tell` and `in any way to` say
    r"(?:^|(?<=[.!?:,] ))any (?:easy |quick |simple |good )?way (?:to|of)\b",
    # a walkthrough asked for (`can someone walk me through setting up the plate layout`)
    r"walk (?:me|us) through\b",
    # a fault described, then whether anyone has met it (`…only beeps and doesn't write, anyone
    # seen this before`); a bare `anyone seen this?` under a screenshot shares it
    r"(?<=\w[,.;-] )(?:has |have )?any(?:one|body)(?: else)? (?:seen|hit|run into|had) this"
    r"(?: (?:before|issue|error|problem))?\s*\??$",
    # the same with what the writer has tried after it (`label printer prints blank since the
    # update, anyone seen that one? already swapped the ribbon`); `…last night, anyone seen that
    # one?` shares a film
    r"(?<=\w[,.;-] )(?:has |have )?any(?:one|body)(?: else)? (?:seen|hit|run into|had) (?:this|"
    r"that)(?: one)?(?: (?:before|issue|error|problem))?\s*\?\s*(?=\w)",
    # which one of a kind stands first on a measure (`which server has the lowest ping from
    # Australia?`) asks for what others have found; `which of these do you like best` polls
    r"which (?!of\b)[\w-]+(?: [\w-]+)? (?:has|have|gives|give|is|are) the (?:lowest|highest|best|"
    r"fastest|cheapest|most|least|shortest|longest|smallest|biggest|fewest) [\w-]+[^?]{0,40}\?",
    r"how (?:long|often|much|many) (?:should|does|do|will|would|can|is|are|did)",
    # what value a thing should take (`what should the slump be for the pump mix`); `what should
    # I be for halloween` asks nothing of work
    r"what should (?:the|our|my|this|that|a|an) (?:[\w-]+ ){1,3}be\b",
    # why one account of a thing disagrees with another (`why would the portal show it as sent
    # but the vendor says they never got it`)
    r"why (?:would|does|do|did|is|are) [^?.!]{3,80}\bbut\b[^?.!]{0,60}\b(?:never|not|doesn't|"
    r"didn't|don't|isn't|wasn't|can't|says|said)\b",
    # what to do or say about a fault (`anyone else? what do I tell them`, `what should we do about
    # it`); `what should we do for lunch` is small talk
    r"what (?:(?:do|should) i|should we) (?:do|tell|say|try)\b(?! (?:for|about) (?:lunch|dinner|"
    r"the weekend|fun|(?:[\w-]+ )?(?:birthday|party))\b)",
    r"is it true",
    r"where (?:can|do|should|does|would|could) (?:\w+ ){0,2}(?:find|learn|get|see|check|look|"
    r"submit|report|request|read|ask|file|sign up|apply|register)",
    r"how (?:many|much) \w+(?: \w+)? (?:do|does|did|can|should|is|are|will) (?:we|i|our|the|"
    r"you|a|an|it|each|one|my)",
    r"where(?:'s| is| are| would| does| do) .{1,60} (?:documented|kept|stored|defined|written down|"
    r"tracked|listed|configured|set|managed|hosted)",
    r"how (?:does|do|did|is|are|would|should|can) .{1,50}\b(?:work|works|get|gets|be|done|"
    r"handled|calculated|computed|set up|configured|approved|tracked|measured|decided)\b",
    r"(?:what|which) \w+(?: \w+)? (?:do|does|should|would) (?:i|we) (?:need|use|pick|choose)",
    # the same with `do` left out, as writers not native in English do (`which grease we use for
    # the bearings?`), asked with a `?`; `which tool we use is up to you` tells
    r"(?:what|which) \w+(?: \w+)? (?:i|we) (?:need|use|pick|choose)\b[^.?!]*\?",
    r"(?:do|does|would) (?:i|we) need",
    # whether a thing or a case needs a permit, a licence or a stamp (`does a food truck need a
    # separate right-of-way permit to park…`, `does each cabinet need its own inspection`); `does
    # the team need a break` asks nothing of a rule
    r"(?:do|does) (?:a|an|the|each|every|my|our|this|that) [\w-]+(?: [\w-]+){0,3} (?:need|require|"
    r"have to (?:have|get)) (?:a |an |any |its own |their own |the )?(?:[\w-]+ ){0,3}(?:permits?|"
    r"licen[cs]es?|certificates?|inspections?|approvals?|stamps?|variances?|notary|sign-?offs?|"
    r"signatures?)\b",
    # the papers someone else needs for a task (`what paperwork does a driver need to move an
    # in-bond load`); `what time does the driver need to be there` asks for the plan
    r"(?:what|which) (?:paperwork|papers|documents?|docs|documentation|forms?|permits?|"
    r"certificates?|certs?|licen[cs]es?|endorsements?|clearances?|visas?) (?:does|do|would|will) "
    r"(?!you\b)[\w-]+(?: [\w-]+)? need\b",
    # whether a thing will do or must be another (`is a DOT physical from an urgent care ok or does
    # it have to be a registry doctor?`); `is 3pm ok or do you want to push` asks the one asked
    r"(?:^|[.?!:,] )(?:so |but )?is (?:a|an|the|it|this|that|my|our)\b.{1,70}\b(?:ok|okay|fine|"
    r"enough|valid|acceptable|sufficient) or (?:does|do|must|should|has|have|is|are|can) "
    r"(?!you\b)",
    # a limit asked with its article dropped, as writers not native in English do (`what is max
    # stack height for empties in block E`, `what is max wind for STS ops`); `what's max doing for
    # lunch` asks after a person
    r"what(?:'s| is) (?:max|maximum|min|minimum) (?!\w+ing\b)[\w/-]+(?: [\w/-]+){0,2} (?:for|on|in|"
    r"per|of|with|before|allowed)\b",
    # what is needed, its `is` dropped (`what PPE needed for entering a fumigated container`)
    r"(?:what|which) [\w-]+(?: [\w-]+)? (?:needed|required|necessary|mandatory) (?:for|to|when|"
    r"on|in)\b",
    # how the others do a thing, their `do` dropped (`how you guys calculate moves per hour`, `how
    # we handle IMDG class 1 in the yard`); `how we handle outages is in the runbook` and `how we do
    # the fuel sample changed` tell
    r"(?:^|(?<=[.!?:,] ))how (?:we|you|you guys|you all|y'all|people|folks|others|other teams) "
    r"(?:usually |normally |typically )?(?:handle|calculate|count|treat|record|report|manage|track|"
    r"deal with|process|plan|charge|bill|code|classify|do (?:the|a|an|your|our))\b"
    r"(?![^.!?]*\b(?:is|was|are|were|has|have|had|will|changed|changes|matters|depends)\b)",
    # the earliest or the most a rule allows (`what's the earliest a driver can go back on duty
    # after a 34 hr restart`); `what's the earliest you can get here?` asks the one asked
    r"what(?:'s| is) the (?:earliest|latest|soonest|most|max|maximum|least|minimum|fewest) "
    r"(?:(?!you\b)[\w-]+ ){1,3}(?:can|may|could|is allowed to|are allowed to)\b",
    r"(?:^|[.?!:,] )(?:so |but )?(?:do|does|should|can) (?:i|we|our|the|new|this|these|it|a|an|"
    r"my)\b.{1,70}"
    r"\bor (?:is|are|do|does|should|can|just|submit|use|will|would|something|not)\b",
    # the same put to anyone as `you` (`can you transfer items between servers or are inventories
    # separate?`); `do you want pizza or are you on a diet?` asks after the one asked
    r"(?:^|[.?!:,] )(?:so |but )?(?:do|does|can) you\b.{1,70}\bor (?:is|are|do|does) (?!you\b)",
    r"what(?:'s| is) (?:the|our) (?:\w+ )?(?:best|right|correct|recommended|usual|standard|process|"
    r"policy|difference|deadline|command|trick|fastest|easiest|approval|escalation|sla|rule|way|"
    r"turnaround|timeline|lead time|eta(?! (?:on|for|of) (?:the |my |our |your |this |that )?"
    r"[\w.#'-]+(?: [\w.#-]+){0,2}\s*\?)(?! (?:on|for) (?:the |my |our |your |this |that )"
    r"(?:(?!to\b)[\w.#'-]+ ){2,6}?(?!to\b)[\w.#'-]+\s*\?)|expected|typical|normal|usual|max|"
    r"maximum|minimum|"
    r"naming|convention|format|period|window|retention|"
    r"limit|cutoff|procedure|source|owner|plan|budget|rate|code|"
    # how a process stands (`what's the status of a PO once approved…`), not one named thing
    # (`what's the status of ticket OPS-4412?`), which asks for status, as its ETA does
    r"status of(?! (?:the |my |our |your |this |that )?[\w.#'-]+(?: [\w.#-]+){0,2}\s*\?))",
    r"what does .{1,60} (?:mean|include|cover|entail)",
    # the best way asked as an opinion (`wdyt is the best way to paginate…`): a method someone
    # knows, not a poll of taste (`vim or emacs, wdyt`)
    rf"(?:wdyt|what do you (?:all |guys |folks )?think)(?:'s| is) the {BEST_WAY}",
    r"what(?:'s| is) a (?:reasonable|good|sane|sensible|typical|normal|standard) ",
    r"looking for (?:the|our) (?:[\w-]+ ){0,3}(?:doc|docs|guidelines|guide|template|policy|page|"
    r"link|dashboard|spreadsheet|deck|form|repo|runbook|file)",
    # (`what are the actual rules on that`)
    r"what are (?:the|our) (?:actual |exact |current |official |new )?(?:rules|steps|options|"
    r"requirements|limits|guidelines|best practices|criteria|prerequisites|conventions|policies|"
    r"differences)",
    r"where (?:can|do|should|does|would|could) (?:i|we|you|one|people|contractors|employees)",
    r"is there (?:a |an |any |some )?(?:\w+ )?(?:way|doc|docs|documentation|template|standard|"
    r"process|guidance|rule|rules|"
    r"policy|owner|easy|easier|better|best|recommended|guide|runbook|tool|shared|limit|api|place|list|form|"
    r"shortcut|plugin|script|convention|library|setting|option|command|workaround|checklist|faq|"
    # a switch a program reads (`is there a console var to…`, `is there an env var that…`)
    r"var|vars|variable|cvar|parameter|param|"
    r"playbook|guideline|guidelines|report|reports|dashboard|channel|calendar|page|macro|alias|"
    r"trick|tricks|knack|hack)",
    r"is (?:it|this|that) (?:possible|ok|okay|allowed|legal|permitted|permissible|lawful|safe|"
    r"normal|expected|supported|required|mandatory|worth (?!it\b))",
    # what the law lets or makes someone do (`can we legally record calls…?`, `are we legally
    # required to keep…`); `I'm legally required to remind you…` tells
    r"(?:can|could|may) (?:we|i|they|you|a|an|the|our|my) (?:[\w-]+ )?legally\b",
    r"(?:are|is|am) (?:we|i|they|you|it|a|an|the|our) (?:[\w-]+ )?legally (?:required|allowed|"
    r"obliged|obligated|permitted|bound|responsible|liable|able)\b",
    # the same with `is it` left out, as chat does (`nobody is running anything. safe to
    # force-unlock?`)
    r"(?:^|(?<=[.!?:] ))(?:safe|possible) to [^.!?]{1,80}\?",
    # looking for something and not finding it, as `je ne trouve rien` (`I can't find the cut
    # sheet`); `can't find the words` is no search
    r"(?:can't|cannot|can not|couldn't|could not|unable to) (?:seem to )?find (?!the words)(?:it|"
    r"them|the|a|an|any|anything|our|where|how|what|which|who|this|that|those|these)\b",
    # a recommendation asked for at a sentence's opening (`best tool for screen recording?`)
    r"(?:^|(?<=[.!?:] ))(?:any )?(?:best|recommended|go-to|decent) [\w-]+(?: [\w-]+){0,2} "
    r"(?:for|to) [^?]{1,80}\?",
    # recommendations asked for with `any` dropped (`recs for a decent USB audio interface?`)
    # (and a way asked for, `tips to get a stuck twistlock off without…?`)
    r"(?:^|(?<=[.!?:] ))(?:recs|recommendations|suggestions|tips|pointers) (?:for|on) [^?]{1,80}\?|"
    r"(?:^|(?<=[.!?:] ))(?:any )?(?:tips|pointers|tricks) (?:to|on how to|for how to) "
    r"[^?]{1,80}\?",
    # something to read or learn from, asked for (`any good resources on writing ADRs?`, `are
    # there any decent tutorials for…?`); `any resources on the old drive get deleted Friday` tells
    r"any (?:good |decent |great |recommended |solid )?(?:resources|reading|reading material|books|"
    r"courses|tutorials|articles|write-?ups|talks) (?:on|for|about) [^?]{1,80}\?",
    # where a thing is kept, said as where it lives (`where do the GIS basemaps live`); `where
    # do you live?` asks after a person
    r"where(?:'s| is| are| does| do) (?:the|our|this|that|these|those|all the) .{1,40} "
    r"(?:live|lives|sit|sits)\b",
    # the same of a thing named just before (`lockbox codes for the vacants, where do those live
    # now?`); `where does she live?` asks after a person
    r"where (?:does|do) (?:it|this|that|these|those) (?:\w+ )?(?:live|sit)\b",
    # how to do a thing in Tagalog (`paano po mag-request ng VPN access?`, `pano i-restart…`), a
    # verb with its prefix after it; `paano na tayo` (what now for us) sighs
    r"(?:paano|pano|papaano) (?:po |ba |po ba |ba po |ko |natin |namin )?(?:mag|mang|makapag|"
    r"maka|i-|ma)[\w-]{2,}",
    # where the doc, runbook or guide for a thing is (`where's the doc for the new SSO setup`),
    # as `where can I find…` asks; `where's the zoom link`, `here's the doc for…` and `@sam
    # where's the doc for the QBR` (a favour put to one person) do not
    r"(?<!@person )where(?:'s| is| are) (?:the |our |a |an |any )?(?:[\w-]+ ){0,2}(?:doc|docs|"
    r"documentation|runbook|runbooks|playbook|guide|wiki page|wiki|sop|how-?to|instructions|"
    r"template|kb article|checklist) (?:for|on|about|to)\b",
    # where a thing is filed, asked as a choice (`do fringe benefits go under personnel or a
    # separate line`, `does the deposit go in capex or opex?`)
    r"(?:do|does|should) (?:the |a |an |our |my )?[\w-]+(?: [\w-]+){0,3} (?:go|belong|get booked|"
    r"get coded|get filed) (?:under|in|into|on|to|as) [^?.!]{1,40} or\b",
    r"is there a reason (?:we|why|that|for)|there (?:must|has to) be an? (?:smarter|better|easier|"
    r"faster|cleaner) way",
    # `what's the process / policy / procedure for …` in the five other languages
    r"qual (?:e|eh) (?:a|o) (?:politica|processo|procedimento|regra|melhor)|cual es (?:la|el) "
    r"(?:politica|proceso|procedimiento|mejor)",
    # the same in French and Spanish, more ways (`c'est quoi la règle pour…`, `quelle est la bonne
    # façon…`, `¿cuál es la norma…?`), and what one must do (`qu'est-ce qu'il faut faire quand…`,
    # `¿qué hay que hacer cuando…?`, `¿qué pasos hay que seguir…?`)
    r"(?:c'est quoi|quelle est|quelles sont) (?:la|le|les) (?:bonne (?:facon|maniere|methode)|"
    r"regles?|procedure|politique|process|processus|demarche)\b|"
    r"cual es (?:la|el) (?:norma|regla|forma correcta|manera correcta|protocolo)\b|"
    r"(?:qu'est-ce qu'(?:il faut|on doit)|que faut-il|que doit-on) faire\b|"
    r"que (?:hay que|tengo que|debo|debemos|tenemos que) hacer (?:cuando|si|para|con)\b|"
    r"que pasos (?:hay que|tengo que|debo) seguir\b",
    # how I do it, how to know, whether a thing is normal, which form one needs, whether there
    # is a way or a doc, whether one has the right, where a thing is kept, when a deadline is,
    # in French and Spanish (`comment je fais pour…`, `est-ce normal que…?`, `¿es normal que…?`,
    # `quel formulaire faut-il remplir…?`, `y a-t-il un moyen de…?`, `¿hay alguna forma de…?`,
    # `on a le droit de…?`, `¿se puede hacer…?`, `où sont rangés…?`, `¿dónde se guardan…?`,
    # `c'est quand la date limite…?`, `¿cuándo es la fecha límite…?`)
    r"comment (?:je fais|je peux|savoir|on peut|on sait|ca marche pour|se fait|se passe pour)\b",
    # (the phrase looked for first: the lookbehind is costly at every position)
    r"(?=¿?(?:est-ce|c'est|il est|es) )(?:^|(?<=[.!?:,] ))¿?(?:est-ce (?:que c'est )?|c'est |"
    r"il est |es )normal (?:que|qu'|de)"
    r"[^.!?]{0,120}\?",
    r"quel(?:le)?s? (?:formulaire|document|imprime|dossier|piece|pieces|justificatifs?) "
    r"(?:faut-il|dois-je|il faut|je dois|on doit|est-ce qu'il faut|remplir)\b|"
    r"que (?:formulario|documento|impreso|papeles|documentacion|justificante) (?:hay que|tengo "
    r"que|debo|se necesita|necesito|se rellena)\b",
    r"(?:y a-t-il|est-ce qu'il y a|il y a|existe-t-il) (?:un|une|des) (?:moyen|doc|documentation|"
    r"procedure|modele|guide|tuto|tutoriel|regle|faq|process|checklist)\b[^.!?]{0,120}\?|"
    r"hay (?:algun|alguna|un|una) (?:forma|manera|modo|documento|doc|documentacion|guia|manual|"
    r"procedimiento|plantilla|tutorial|norma)\b[^.!?]{0,120}\?",
    r"(?:on a|a-t-on|ai-je|j'ai|est-ce qu'on a|est-ce que j'ai) le droit de\b(?! rever\b)|"
    r"est-il possible de\b|"
    r"(?=¿?se pueden? )(?:^|(?<=[.!?:,] ))¿?se pueden? (?:hacer|pedir|cambiar|usar|guardar|"
    r"almacenar|coger|solicitar|reembolsar|facturar|devolver|cancelar|anular|pagar|cobrar|llevar|meter|juntar|"
    r"fusionar|exportar)\b[^.!?]{0,120}\?",
    r"ou (?:sont|est) (?:ranges?|rangees?|stockes?|stockees?|gardes?|gardees?|conserves?|"
    r"conservees?|archives?|archivees?) (?:les|le|la|l')|ou (?:est|sont|se trouve|se trouvent|"
    r"trouver) (?:le|la|les) (?:modele|modeles|formulaire|formulaires|doc|documentation|"
    r"procedure|guide|manuel|template)\b|"
    r"donde se (?:guarda|guardan|almacena|almacenan|archiva|archivan) (?:el|la|los|las)\b|"
    r"donde (?:esta|estan) (?:la|el|los|las) (?:plantilla|plantillas|documentacion|manual|"
    r"formulario|guia|procedimiento|politica|modelo)\b",
    # the wifi's password or code, asked (`quelqu'un a le mot de passe du wifi invités ?`), as
    # `anyone have the guest wifi password?` asks
    r"(?:quelqu'un a|vous avez|c'est quoi|quel est|alguien tiene|teneis|cual es|me passez|me "
    r"pasais) (?:le |la )?(?:mot de passe|mdp|code|contrasena|clave) (?:du |de la |del |de )?"
    r"(?:wifi|wi-fi)\b",
    r"(?:c'est quand|quelle est|quand est) la date limite\b|"
    r"(?:cuando|cual) es (?:la )?fecha limite\b|hasta cuando (?:hay plazo|se puede)\b",
    r"quel(?:le)? est (?:la|le) (?:procedure|politique|regle|processus|marche a suivre)",
    r"(?:wie|was) ist (?:(?:eigentlich|denn|hier|bei uns|nochmal) )*(?:der|die|das) (?:ablauf|"
    r"vorgehen|prozess|verfahren|regel|richtlinie)",
    # what the rules let or make one do (`Darf man Reisekosten aus dem Sachmittelbudget zahlen?`,
    # `Muss ich die Elternzeit beim Projektträger melden…?`), as `am I allowed / required`;
    # `muss ich wirklich schon wieder…?` sighs, and `soll ich…?` offers
    # (the verb looked for first: the lookbehind is costly at every position)
    r"(?=darf|durf|muss|brauch)(?:^|(?<=[.!?:,] ))(?:darf (?:man|wir)|durfen wir|muss (?:man|ich|"
    r"wir)|mussen (?:wir|ich)|brauche ich|brauchen wir|braucht man)\b"
    # `muss ich morgen kommen?` asks the one who plans the day
    r"(?![^?]*\b(?:wirklich|echt|schon wieder)\b)(?![^?]*\b(?:kommen|da sein|erscheinen|"
    r"vorbeikommen)\s*\?)[^.!?]{0,120}\?",
    r"(?=darf|durf|muss)(?:^|(?<=[.!?:,] ))(?:darf|durfen|muss|mussen) (?:fur |bei )?"
    r"[^.!?]{1,80}\boder\b[^.!?]{0,80}\?",
    # which form or part one needs or takes (`Welches Formular brauche ich…?`, `Welche
    # Bestellnummer nehmen wir…?`, `welches Tool nehmt ihr…?`)
    r"(?:welche[snmr]?|was fur (?:ein|eine|einen)?) [\w-]+(?: [\w-]+)? (?:brauche|brauchen|"
    r"braucht|benotige|benotigen|nehme|nehmen|nehmt|nutzt|verwendet|benutzt|empfehlt) (?:ich|wir|"
    r"man|ihr)\b",
    # whether a thing is normal or allowed (`Ist es normal, dass der Sorter alle 10 Minuten…?`)
    r"ist (?:es|das) (?:eigentlich |denn )?(?:normal|moglich|erlaubt|ublich|zulassig|"
    rf"sinnvoll|vorgesehen|richtig so)\b{DE_CLAUSE}{{0,120}}\?",
    # how long or how often one must (`Wie lange müssen wir die Rohdaten aufbewahren?`), how one
    # goes about it (`wie geht man vor, wenn…`), how the others do it (`Wie lagert ihr eure
    # Plasmide?`; not how they like it, `wie findet ihr…`, or are, `wie geht's euch`)
    r"wie (?:lange|oft|viel|viele) (?:muss|mussen|darf|durfen|kann|konnen|soll|sollen|sollte) "
    r"(?:ich|man|wir)\b|wie geht man (?:vor|damit um)\b|"
    r"wie (?!(?:findet|fandet|geht|gehts|wart|seid|habt|heisst|kommt|wollt|mochtet|feiert|fahrt)\b)"
    r"\w+t ihr\b[^.!?]{0,80}\?",
    # when a deadline is (`Wann ist eigentlich die Deadline für den Zwischenbericht?`)
    r"(?:wann ist|bis wann (?:ist|muss|mussen|sollte|sollen|kann|konnen)) (?:(?:eigentlich|denn|"
    r"nochmal) )*(?:die |der )?(?:deadline|frist|abgabefrist|einreichungsfrist|stichtag|abgabe)\b",
    r"qual e (?:la|il) (?:procedura|politica|processo|regola)",
    r"(?:am i|are we|are contractors|are employees) (?:allowed|supposed|required|expected|able)",
    rf"(?:can|may) (?:i|we) (?:use|get(?! {SOMEONE})|request|carry|expense|share|send|access|"
    r"change|add|submit|claim|book|have|give|install|bring|bill|charge|waive|accept|refund|invoice)\b",
    # whether we may publish a thing or say it of someone (`can we name a minor who…`, `can we
    # call the contractor "corrupt"…`): a legal or editorial rule someone knows
    r"(?:can|may|could) (?:i|we) (?:legally )?(?:name|publish|print|identify|quote|photograph|"
    r"film|air|call (?:[\w'-]+ ){1,3}[\"“'])",
    r"(?:do|does) (?:we|the company|our(?: [\w.-]+){0,2}) (?:have|support|offer|cover|allow|pay|"
    r"use|provide|include|integrate)",
    r"what (?:do|does|would) (?:people|folks|teams|everyone|you all|y'all|we) (?:usually |normally "
    r"|typically |here )?(?:use|recommend|do) (?:for|to|when|with|about)",
    r"what (?:tools?|tool|system|process|app|software|platform|vendor) (?:do|does|should)",
    r"is .{1,40} (?:supported|available|allowed|covered|deprecated|required|enforced|enabled|"
    r"mandatory|needed|included|possible|compatible)",
    # whether spending is covered, asked (`is a client dinner deductible…`); `the lunch is fully
    # reimbursable` tells
    r"(?:^|(?<=[.!?:] ))(?:so |but )?(?:is|are) .{1,40} (?:reimbursable|expensable|deductible|"
    r"billable|taxable|refundable|eligible)\b",
    r"how (?:are|is) .{1,40} (?:calculated|handled|computed|prorated|decided|measured|tracked|"
    r"counted|charged|billed|assessed|determined|applied|allocated|classified|defined|enforced|"
    r"interpreted)",
    # the same in a few other languages (folded)
    r"(?:como|donde) (?:puedo|se puede|hago|encuentro|configuro|pido|funciona)",
    r"comment (?:puis-je|faire|on fait|configurer|acceder|fonctionne)",
    r"ou (?:puis-je|trouver|trouve-t-on|est-ce qu'on trouve)",
    r"(?:wie|wo) (?:kann|konnen|finde|bekomme) (?:ich|man|wir)",
    r"wie funktioniert",
    # how I or one does a thing, the verb before its subject (`wie beantrage ich Sonderurlaub?`,
    # `wie bucht man eine Dienstreise?`); not how someone is (`wie geht es…`)
    r"wie (?!(?:geht|gehts|war|waren|ist|sind|bin|heisst|heisse)\b)\w+(?:e|t|en) (?:ich|man|wir)\b"
    r"[^.!?]{0,80}\?",
    r"(?:como|onde) (?:faco|posso|encontro|configuro|funciona)",
    r"(?:come|dove) (?:posso|faccio|trovo|si fa|funziona)",
    # how one does a thing, said impersonally and asked (`come si configura la firma?`, `¿cómo se
    # pide el reembolso?`, `como se faz a devolução?`); not how someone feels or how it went,
    # nor `como se fosse` (as if)
    r"(?:come|como) (?:si|se) (?!(?:sent|sient|sint|encuentr|trov|sta|esta|fue|foi|va|vai|"
    r"porta|comport|fosse|fossi|fuera|fuese|tratasse|tratara)\w*\b)\w+[^.!?]{0,80}\?",
    r"hoe (?:kan|moet|doe|krijg|vraag) (?:ik|je|we|men)|waar (?:vind|kan|moet) (?:ik|je|we)",
    # how one does a thing, the verb before its subject (`hoe zet je de reefer alarmen uit…?`, `hoe
    # voer ik een restow in?`), as German's `wie beantrage ich…?`; not how someone is or likes a
    # thing (`hoe was je weekend?`, `hoe vind je de nieuwe koffie?`)
    r"hoe (?!(?:is|was|ben|bent|zijn|waren|gaat|ging|voel|voelt|vind|vindt|vond|heet|heette|"
    r"kom|komt)\b)\w+ (?:je|ik|we|men)\b[^.!?]{0,80}\?",
    r"wat is (?:de|het) (?:procedure|beleid|proces|regel)",
    r"jak (?:moge|mam|mozna|zrobic|ustawic)|gdzie (?:znajde|moge|mozna)",
    r"jaka jest (?:procedura|polityka|zasada)",
    r"hur (?:gor|kan|ska|far|bor) (?:jag|man|vi)|var (?:hittar|kan|ska) (?:jag|man|vi)|"
    r"finns det (?:nagot satt|ett satt|en mall|en rutin|nagon rutin|en guide)",
    # Turkish `how / where … can I` (`-abilirim`, `-ebilirim`) or `is it done` (`yapılır`)
    r"(?:nas[iı]l|nerede|nereden) (?:\w+ ){0,3}\w*(?:abilirim|ebilirim|abiliriz|ebiliriz|"
    r"yap[iı]l[iı]r|yapar[iı]m|yapar[iı]z|eder[iı]m|ederiz|edilir|ayarlan[iı]r|bulunur)\b|"
    r"(?:prosedur[uü]|sureci|kural[iı]) nedir",
    r"kaise (?:kare|karein|karen|karte|karu|karun|kar sakte|kar sakta|kar sakti|milega|milta)|"
    r"kaha(?:n|an)? (?:milega|milegi|milta|milti|dekhe|dekhu|dekhein|check|verify|submit|apply)|"
    r"(?:process|tarika|procedure) kya hai|kya (?:process|tarika|procedure) hai",
    r"(?:bagaimana|gimana|gmn) (?:cara|caranya|prosesnya|prosedurnya)|cara(?:nya)? (?:\w+ ){0,3}"
    r"(?:gimana|bagaimana)|di ?mana (?:saya |kita )?bisa|apa (?:prosedur|proses|aturan)nya",
    r"как (?:мне|можно|правильно) |как (?:настроить|сделать|получить|оформить|продлить|найти|"
    r"подключить|поменять|изменить|добавить|запросить)|где (?:наити|можно|посмотреть|взять|лежит|"
    r"лежат|хранится|хранятся)|какая процедура|какои порядок|есть ли (?:способ|инструкция|шаблон)",
    r"어떻게 (?:\S+ ){0,2}(?:하나요|해야|하면|하죠|할|되나요|하는|설정|신청)|방법(?:이|을)? "
    r"(?:있나요|있을까요|알려)|어디(?:에)?서 (?:\S+ ){0,2}(?:확인|찾|신청|볼 수|하나요|해요|하죠|"
    r"하면 |할 수)",
    r"كيف (?:يمكنني|يمكن|أستطيع|استطيع|أقوم|اقوم|نقوم|أطلب|اطلب|أحصل|احصل)|"
    r"(?:أين|وين) (?:أجد|اجد|يمكنني|ألاقي|الاقي)|ما (?:هي )?(?:الإجراءات|الاجراءات|الطريقة)",
    # the best way to do a thing, asked in other languages (`¿cuál es la mejor forma…?`, `c'est
    # quoi la meilleure façon…?`, `jak najlepiej…?`, `en iyi yöntem ne?`); where a thing is, in
    # Indonesian (`dokumennya ada di mana ya?`)
    r"(?:(?:la )?(?:mejor|meilleure) (?:forma|manera|facon|maniere|methode|practica|pratique)|"
    r"melhor (?:forma|maneira|jeito|pratica)|(?:modo|metodo) migliore|miglior (?:modo|metodo)|"
    r"(?:der )?beste (?:weg|ansatz|manier|aanpak)|jak najlepiej|najlepszy sposob|"
    r"en iyi (?:yontem|yol|yaklas[iı]m)|(?:cara|praktik) terbaik|best practice|"
    r"(?:sabse )?(?:accha|achha|best) tarika|" + "|".join(languages.BEST_WAY) + r")"
    r"[^.!?]{0,80}\?",
    r"(?<!kamu )(?<!lagi )(?<!kalian )di ?mana (?:ya|sih|letaknya)\b|"
    r"(?:disimpan|ditaruh|taruh|simpan|nyimpen) di ?mana",
    *languages.ASKS_HOW,
)

# A plain wh-question: weak on its own ("why is the office so quiet today?").
WH_QUESTION = phrases(
    r"(?:what|where|which|why|when|who) (?:do|does|did|can|should|would|is|are|was) (?:i|we|you|"
    r"our|the|my|they|it|this|that|a|an)",
    r"where(?:'s| is| are| do| does) ",
    r"(?:what|which|whose) \w+(?: \w+)? (?:do|does|did|is|are|was|were|can|should|will) (?:we|i|"
    r"you|our|the|they|it|this|that|a|an)",
    r"(?:when|what time) (?:is|are|does|do|will) (?:the|our|my|we)",
)

# `who wants pizza?` asks who is in; `a customer who wants 20% off` is a clause: a "who" that
# opens a sentence (after a greeting or a name at most) asks.
ASKING_WHO = (
    r"(?:(?<![a-z] )|(?<=hey )|(?<=hi )|(?<=so )|(?<=ok )|(?<=all )|(?<=team )|(?<=folks )|"
    r"(?<=everyone )|(?<=guys )|(?<=btw )|(?<=also )|(?<=@here )|(?<=@person ))"
)

# `how are you all` asks after people; `how are you all handling X` asks how work is done.
NOT_DOING_WORK = (
    r"(?! (?:all |guys |folks )?(?!finding|liking|enjoying|settling|holding|feeling|doing)\w+ing\b)"
)

# `anyone else…?` vents or asks whether a thing is down, unless the message asks for a fix or
# a cause too (`…any workaround?`, `trying to figure out if it's the probe`), or what to do
# (`anyone else? what do I tell them`).
NO_FIX_ASKED = (
    r"(?!.*(?:any (?:fix|fixes|workaround|workarounds|solution|solutions|ideas?)\b|what (?:do|"
    r"should|can) (?:i|we) (?:do|tell|say|try)\b|trying to "
    r"(?:figure|work) out\b|(?:figure|figured|find|found|work|worked) out (?:why|how|what|a fix|a "
    r"workaround|the cause)\b))"
)

# `someone else's base` is another person's thing, no echo of `anyone else?`
ECHO = phrases(
    rf"(?:any(?:one|body) else(?:'s)?|some(?:one|body) else(?!'s)){NO_FIX_ASKED}",
    rf"is (?:any|every)(?:one|body) else{NO_FIX_ASKED}",
)
CAUSE_ASKED = phrases(CAUSE)
# `anyone else` as one a thing is kept from (`emails not cc'd to anyone else`, `don't share it
# with anybody else`) echoes no one
NO_ONE_ELSE = phrases(
    r"(?:not|n't|never|without|nor)(?: [\w'-]+){0,2} (?:to|with|from|by|for) any(?:one|body) else"
)

# Small talk, invitations and rhetorical questions: not asking for expertise.
SOCIAL = phrases(
    r"is it (?:just )?me or",
    r"can we all",
    # Rust's borrow checker is code, not a favour asked; `where are the spare encoders stored`
    # asks after a stock of parts, not a loan
    r"(?:(?<!the )(?<!our )(?<!their )spare|borrow(?![- ]?check)|lend me|to lend\b)",
    # the keys to a place or a vehicle (`i wonder if someone has the keys to the grip truck`) are
    # a thing to hand over, as a loan is; `does anyone have the key for the staging API` asks
    r"(?:has|have|got) (?:the |a |spare )?keys? to (?:the|my|our)\b",
    # a wonder put as a question not to be answered (`Isn't it funny how the quick sync is never
    # quick`, `Is it not remarkable how quickly…?`); `is it normal that the pump…` asks
    r"(?:isn't it|is it not|isnt it) (?:\w+ )?(?:remarkable|amazing|funny|crazy|wild|wonderful|"
    r"incredible|interesting|strange|weird|ironic|sad|great|lovely) (?:how|that)\b",
    # a taste between lettered or numbered options (`which logo do you like better, A or B?`)
    r"(?:like|prefer)\b[^?]{0,80}\b(?:a or b|a, b or c|1 or 2|option a or (?:option )?b)\s*\?\s*$",
    # a thing to be lent (`anyone have an extra HDMI cable?`), as a spare one is
    rf"{SOMEONE}(?: here)? (?:have|has|got) (?:an|a|any) extra\b",
    # the same when the writer's own one is out (`anyone has a charger for the scanners? ours is
    # dead`); `anyone have a fix? mine is broken too` asks for what they know
    rf"{SOMEONE}(?: here)? (?:have|has|got) (?:an?|any|some) (?!(?:[\w-]+ ){{0,3}}?(?:fix|fixes|"
    r"workaround|idea|ideas|solution|contact|template|guide|doc|docs|link|example|script|tips?|"
    r"recommendations?)\b)[^?]{1,60}\?[^?]*\b(?:mine|ours)(?: [\w-]+){0,3}? (?:is|are|was|were|"
    r"got|died|broke|went|ran|walked|disappeared|vanished|grew legs|cracked|snapped|quit|"
    r"stopped)\b",
    # goods asked to be given (`anyone got 64 oak logs I can have?`), as a loan is; `anyone have a
    # script I can use to…` asks for a tool
    rf"{SOMEONE}(?: here)? (?:have|has|got) [^?]{{1,40}}?\b(?:i|me) (?:can|could) (?:have|keep)\b",
    # thanks asked where to send (`who do I thank for the bagels?`)
    r"who (?:do|should|can) (?:i|we) thank\b",
    # borrowing said as stealing (`does anyone have a stapler I can steal for 5 min`)
    r"(?:i|me) (?:can|could) (?:steal|nab|pinch|snag)\b|can i (?:steal|nab|snag|pinch) (?:your|a|"
    r"an|some|one)\b",
    r"how (?:is|are|was|were|did) (?:it|we|this) .{0,20}\b(?:already|still)\b",
    r"we all agree",
    r"(?:just|only) me or",
    # the same asked after the thing (`is CI broken right now or is it only me?`); `…do transport
    # need to gown too or just us?` asks who must
    r"or (?:is it |is that )?(?:just|only) me\s*\??$",
    r"am i the only one",
    r"can you believe",
    r"isn't (?:it|this|that)(?:\s*[?!.,]|\s*$| (?:great|nice|funny|crazy|weird|wild|amazing|"
    r"lovely|obvious|cool|ironic))",
    r"who else",
    r"(?:any|some)(?:one|body) free\s*\?",
    r"would (?:any|some)(?:one|body) be (?:interested|keen|up for)",
    r"knock knock",
    # `someone wants their 2011 story removed` reports a request; `anyone want tacos?` invites
    r"(?:any|some)(?:one|body) (?:(?:want|wants)(?! (?:their|his|her|us|to know)\b)|up for|keen|"
    r"going|coming|fancy|driving|hungry|"
    r"interested in joining|joining|free for)",
    r"is (?:any|every)(?:one|body) (?:going|coming|driving|joining|free|around|hungry|in)",
    rf"{ASKING_WHO}who(?:'s| is| are)? (?:going|coming|in for|joining|bringing|free|hungry|around|"
    r"up for|watching|on the|wants|want|ate|let|presenting|driving|excited|ready)",
    rf"{ASKING_WHO}who(?:'s| is| are) in\b",
    rf"{ASKING_WHO}who wants",
    r"(?:^|(?<=[.!?] ))(?:(?:do )?(?:you|y'all|you all|u) )?(?:want|wanna) (?:to )?(?:grab|"
    r"get(?! (?:it|this|that|things|everything) (?:right|correct|done|sorted)\b)|join|come)",
    # `what was it called?` asks for a name someone remembers; `what was it like?` asks after
    # a time, as `how was it?` does
    r"how (?:was|were) (?:your|the|everyone|everybody|you|it|japan|the trip)",
    r"what (?:was|were) (?:your|everyone|everybody|you)|what (?:was|were) (?:it|the [\w-]+) like",
    r"how(?:'s| is| are)(?: you)? (?:everyone|everybody|you|the new|the baby|it going|things|"
    rf"the family|your|life|all){NOT_DOING_WORK}",
    rf"how are you{NOT_DOING_WORK}",
    r"how do you like",
    # a group asked how it likes or feels about something is a poll of opinions, not a
    # question someone knows the answer to (`how are folks finding the new laptops?`)
    r"how (?:do|are|did) (?:you all|y'all|you guys|folks|people|everyone|everybody|the team|"
    r"others|we)(?: here)? (?:like|liking|feel|feeling|find|finding|enjoy|enjoying|think)\b",
    r"how (?:cool|great|awesome|amazing|nice|fun)",
    r"how many of (?:you|us)",
    # (a cause asked of them asks: `what do you all think is causing the leak?`, as the room's is)
    rf"what (?:do|did) you (?:all |guys |folks )?think(?! {THOUGHT_CAUSE})"
    rf"(?!(?:'s| is) the {BEST_WAY})",
    r"what are we doing for",
    r"where should we (?:go|eat|meet up|have)",
    # where a person lives or is from asks after them, not after a thing's place
    r"where (?:do|did) you (?:live|grow up|come from)\b",
    r"what did i miss",
    # a remark, with no question after it (`just wanted to say the new portal is great`)
    r"just wanted to (?:say|give (?:a )?shout ?out|thank)(?![^?]*\?)",
    r"are you (?:all|guys|folks) (?:coming|going|joining|in)",
    r"what are your plans",
    r"has (?:any|some)(?:one|body) seen the",
    r"how (?:did|is|was) (?:the|your|it|that|everything|things|our) .{0,30}\bgo(?:ing)?\b",
    r"where(?:'s| is| are) every(?:one|body)",
    r"why (?:is|are) (?:it|the \w+|everyone|everybody|we) so",
    r"(?:did|has|have) (?:everyone|everybody|you all|y'all|all of you) (?:get|got|seen|see|had|"
    r"received|read|signed|filled)",
    # an exclamation (`what a week`); after not knowing (`no idea what a BGP helper is`) it is
    # the question itself
    r"(?<!idea )(?<!know )(?<!sure )(?<!knows )(?<!wondering )(?<!explain )what a ",
    r"what(?:'s| is| are) (?:everyone|everybody|you all|y'all)(?! (?:using|running|recommending)"
    r" (?:for|to|in|on|with)\b)",
    r"what are you (?:all )?(?:doing|having|up to|listening|watching|reading)",
    r"what(?:'s| is) for (?:lunch|dinner|breakfast)",
    r"did (?:you|anyone|everyone|everybody|y'all|you all) (?:see|watch|catch|have a good|"
    r"survive|hear|get soaked|enjoy)",
    r"any plans",
    r"am i right",
    # rhetorical: `who could have predicted…?`, `I wonder if we'll ever…`
    r"who (?:could|would)(?: have|'ve| of) (?:predicted|guessed|known|imagined|thought|expected|"
    r"foreseen|seen (?:that|this|it) coming)",
    r"i wonder (?:if|whether) (?:we|they|i|it|you|he|she)(?:'ll| will| would|'d)? ever\b",
    # the same of any body that decides (`I wonder whether the Council will ever approve the fee
    # study in full`); `I wonder if anyone has ever seen this error` asks, and so does a question
    # after it (`…will ever support SSO? any workaround?`)
    r"i wonder (?:if|whether) (?:the |our |my |this |that )?(?:[\w'.-]+ ){1,3}(?:will|would|is "
    r"going to|are going to) (?:\w+ )?ever\b(?![^?]*\?)",
    # blame asked on behalf of the room (`Who approved putting the queue screen under the heating
    # vent? Asking for everyone.`), as `asking for a friend` teases; `who approves overtime?
    # asking for the team` asks who owns it
    r"who (?:\w+ed|put|chose|thought|made|let|set|wrote|took|left|built|drew)\b[^?]{0,120}\?\s*"
    r"(?:just )?asking for (?:everyone|everybody|all of us|the rest of us|a friend|the whole "
    r"(?:team|floor|office|building))\b",
    # `how is it only Tuesday` sighs at the time, as `how is it already 5pm` does; `how is it only
    # failing on prod?` asks
    r"how is it (?:only|not even) (?:\w+day|\d{1,2}(?::\d\d)?\s?(?:am|pm)?|[01]\d{3}|2[0-3]\d\d|"
    r"noon|lunch(?:time)?|morning|afternoon|evening|week \d+|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|q[1-4])\b",
    # `how many Jira boards does one company need` counts in despair; `how many replicas does
    # one shard need?` asks
    # and of whoever works there (`how many passwords does one nurse need??`)
    r"how many [^?]{1,40}? (?:does|do) (?:one|a single|any) (?:company|team|person|human|org|"
    r"organi[sz]ation|office|department|startup|project|meeting|process|nurse|doctor|teacher|"
    r"student|employee|worker|engineer|developer|dev|manager|clinician|physician|lawyer|"
    r"researcher|scientist|hospital|school|unit|ward|lab|clinic|firm|store|shop|site|family) "
    r"(?:really |even |actually )?need\b",
    # `who decided 8am meetings were a good idea?` objects; `who decided we use Redis?` asks
    r"who (?:decided|thought|approved|agreed|said|signed off on) (?:that )?[^?.!]{0,80}?"
    r"(?:was|were|is|are|would be|'d be) a (?:good|great|smart|brilliant|fine|sensible) idea",
    # whether anyone even reads or cares (`I wonder if anyone actually reads these`, `does
    # anybody even look at the dashboards?`) sighs; `has anyone actually used X` asks
    rf"(?:does|do|did|(?:i )?wonder (?:if|whether)) {SOMEONE} (?:actually|even|ever|really) "
    r"(?:reads?|cares?|listens?|notices?|pays? attention|looks? at|opens?|checks?)\b",
    # the same wondered without `even` (`I wonder if anybody reads the ops newsletter`); `does
    # anyone read Japanese?` asks
    rf"(?:i )?wonder (?:if|whether) {SOMEONE} (?:reads|cares|listens|notices|pays attention|looks "
    r"at|opens)\b",
    r"how (?:hard|difficult|bad) can it (?:be|get)|would it kill (?:the |our |their )?[\w-]+ to",
    r"are we there yet",
    # `is it too much to ask that people write tests?` is a complaint, whatever it complains of
    r"(?:is|was|would) (?:it|that|this) (?:really |honestly |seriously )?(?:be )?too much to ask\b",
    # someone blamed for doing it again, ended by an indignant `?!`, is an exclamation, not
    # a request (`who broke the build again?!`, `kisi ne phir se mera code tod diya?!`); a
    # plain `why does it keep failing?!` still asks (folded text: `nữa` is `nua`)
    r"^(?=[^?]*(?:\bagain\b|phir se|fir se|फिर से|\bweer\b|\bnua\b|\blai\b|znowu|wieder|"
    r"otra vez|de novo|encore|di nuovo|\byine\b|снова|опять))(?:[^?]*\?!)+[^?]*$",
    r"is it (?:friday|monday|the weekend)",
    r"why (?:do|does|is|are|am) .{0,40}\balways\b",
    r"why do mondays",
    # `why do we even have a 12-step approval?` objects; `why do we need X` may ask
    r"why (?:do|does|did|are|is|would|should|must) (?:we|they|you|i|people|it|this|that|"
    r"anyone)(?: still)? even\b",
    r"how many (?:more )?times do (?:i|we) (?:have|need) to",
    r"is it really (?:supposed|meant|necessary|going) to",
    r"how many \w+ does it take",
    r"what do you call",
    r"thoughts on the new",
    r"what did (?:everyone|you all|y'all|you guys) think",
    # a read shared for the group's opinion (`Interesting read on how Figma scaled Postgres:
    # <link>. Thoughts on whether we hit the same wall?`) opens a discussion; `good read, but does
    # anyone know how they sharded it?` still asks
    r"^(?:(?:really|very|super|pretty) )?(?:interesting|good|great|fun|fascinating|nice|cool|"
    r"worth a) (?:read|article|thread|post|paper|talk|write-?up|blog post)\b(?![^?]*\b(?:does|do|"
    r"did|has|have|can|could) (?:any|some)(?:one|body)\b)[^?]{0,200}?\b(?:thoughts|wdyt|opinions|"
    r"takeaways|what do (?:you|y'all|folks|people|we) (?:all )?think)\b",
    # the group's opinion, asked as a poll, as `what do you all think` is
    # (`what do we think about getting a clinic cat?`, the room asked as `we`)
    r"what (?:does|do) (?:everyone|everybody|the team|y'all|you guys|we|people|folks|ppl|u all) "
    rf"think(?! {THOUGHT_CAUSE})(?!(?:'s| is) the {BEST_WAY})",
    r"(?:^|(?<=[.!?] ))(?:please )?vote (?:with|using) (?:an? )?(?:emoji|emojis|reactions?|thumbs)",
    r"(?:^|(?<=[.!?:] ))(?:please )?vote (?:in (?:the )?thread|below|here|by)\b",
    r"are we (?:doing|having|getting) (?:cake|drinks|lunch|a party|dinner|pizza)",
    # whether a place to eat or unwind is open (`anyone know if the cafeteria is open on
    # Christmas?`) is life outside work; whether the office or the pharmacy is open is not
    r"(?:cafeteria|canteen|cafe|coffee shop|coffee cart|food court|gym|pub|restaurant|"
    r"kitchen|vending machines?)s? (?:is |are |will be |gonna be )?(?:still )?(?:open|closed|"
    r"opening|closing)\b",
    # the same in German (`weiß jemand, ob die Mensa heute offen hat?`)
    r"(?:mensa|kantine|cafeteria|cafe|kiosk)\b[^?.!]{0,30}\b(?:offen|geoffnet|auf|zu|geschlossen|"
    r"aufmacht|zumacht|offnet|schliesst)\b",
    # and in French and Spanish (`quelqu'un sait si la cantine est ouverte le 24 ?`, `¿alguien sabe
    # si el comedor abre…?`)
    r"(?:cantine|cafet|cafeteria|comedor|cantina)\b[^?.!]{0,30}\b(?:ouvert|ouverte|ouvre|ferme|"
    r"fermee|abre|abierto|abierta|cierra|cerrado|cerrada)\b",
    # where we eat or celebrate (`Jemand eine Idee, wo wir heute Mittag essen?`), as `where should
    # we go`
    r"wo (?:wir|gehen wir|sollen wir|wollen wir) (?:heute |morgen |nachher )?(?:zu )?(?:mittag |"
    r"abend )?(?:essen|hingehen|feiern|einkehren)\b",
    # a shirt's or a cake's colour or flavour chosen from options listed (`Which scrub color for
    # the unit shirts? A) navy B) ceil blue`) is a poll of taste; `which library should we use?
    # A) … B) …` asks
    r"which (?:[\w-]+ )?(?:colou?rs?|shades?|flavou?rs?|mascots?|shirts?|t-shirts?|hoodies?|mugs?|"
    r"swag|cakes?)\b[^?]{0,60}\?\s*(?:\(a\)|\ba[).:]|\b1[).:]) [^?]{1,80}?(?:\(b\)|\bb[).:]|"
    r"\b2[).:]) ",
    # a choice between two colours is taste (`blue or green header for the dashboard? i like
    # blue`); `why is the build red or green at random?` asks
    r"(?:^|(?<=[.!?:,] ))(?:(?:a|the) )?(?:black|white|grey|gray|red|blue|green|yellow|orange|"
    r"purple|pink|navy|teal|beige|brown|gold|silver|bronze|dark|light) or (?:black|white|grey|"
    r"gray|red|blue|green|yellow|orange|purple|pink|navy|teal|beige|brown|gold|silver|bronze|"
    r"dark|light)\b[^?.!]{0,60}\?",
    # a poll of taste: a poll announced as one, someone's favourite, what the room thinks
    r"^(?:quick |small |fun |little )?poll\b",
    # a choice asked on gut feel (`which looks better, the perforated or the fritted glass? just
    # gut feel`, `…? just going off vibes here`) polls taste; `is the TTL too low? my gut says
    # yes, but how do I check` asks
    r"\?\s*(?:just|purely|only) (?:(?:going|go) (?:off|on|with) )?(?:(?:your|a|my|the) )?"
    r"(?:gut|vibes)\b[^?]{0,30}$",
    # which of the options shown the room likes (`Which of these two headlines do we like better?
    # A: … B: …`); `which template do we use for…` asks
    r"which (?:of (?:these|the|those)|one|version|option)\b[^?]{0,60}? (?:do|does) (?:we|you|y'all|"
    r"you all|you guys|everyone|everybody|people|folks|the team) (?:all )?(?:like|prefer|love|vote "
    r"for)\b",
    # the same asked of any thing with the options lettered or numbered after it (`Which name do
    # you like better for the tier? A) Pro B) Plus`); `which linter do you prefer for Python?`,
    # with no options given, asks for a recommendation
    r"which [^?]{1,60}? (?:do|does) (?:we|you|y'all|you all|you guys|everyone|everybody|people|"
    r"folks|the team) (?:all )?(?:like|prefer|love|vote for)\b[^?]{0,40}\?\s*(?:\(a\)|\ba[).:]|"
    r"\b1[).:]) [^?]{1,80}?(?:\(b\)|\bb[).:]|\b2[).:]) ",
    # a quiz asks what the others know, not what its writer lacks (`Quiz for new joiners:
    # which service owns emails? a) … b) …`, `Friday trivia: …`)
    r"^(?:[\w'-]+ ){0,3}(?:pop )?(?:quiz|trivia|riddle|brain ?teaser)(?: time| question| of the "
    r"(?:day|week))?(?: for [\w' -]{1,30}?)?\s*(?:[:!]|(?= (?:what|which|who|how|where|when|why|"
    r"name|guess)\b))",
    r"first (?:correct|right) (?:answer|guess|reply)|answers? (?:revealed |posted )?(?:in (?:the )?"
    r"thread )?(?:tomorrow|later today|on (?:mon|tues|wednes|thurs|fri)day)\b",
    # questions put to a meeting are its agenda: they are answered together, not by one who
    # knows (`Agenda for Thursday: • do we keep the monolith?`, `Pre-read for planning: what
    # should our priorities be? Come with ideas`)
    r"^\W*(?:(?!my )[\w'-]+ ){0,2}(?:(?:agenda|pre-?read|discussion (?:topics|points|questions)|"
    r"talking points)(?: (?:for|of) [^:?]{1,60}?)?|(?:topics|prompts?) (?:for|of) [^:?]{1,60}?)"
    r"\s*[:\-–—]",
    r"(?:come|show up) (?:prepared )?with (?:your |some |a few )?(?:ideas|thoughts|answers|"
    r"suggestions|opinions)|bring (?:your |some )?(?:ideas|thoughts|answers|suggestions|opinions)"
    r" to (?:the|our|tomorrow's|\w+day's)\b",
    r"what(?:'s| is| are) (?:your|everyone's|everybody's|y'all's|people's) (?:all[- ]time )?"
    r"(?:favou?rites?|faves?)\b(?! (?:way|ways|approach|approaches|pattern|patterns|method|"
    r"methods|trick|tricks)\b)",
    r"curious (?:what|how) (?:the room|everyone|everybody|people|folks|you all|y'all|others) "
    r"(?:thinks?|feels?|prefers?)\b",
    # invitations in a few other languages (folded)
    r"alguien quiere",
    r"quien (?:viene|va|se apunta)",
    r"quelqu'un veut",
    r"qui (?:vient|veut)",
    r"wer (?:kommt|will|hat lust)",
    r"(?:hat )?jemand lust",
    r"alguem quer",
    r"quem (?:vem|vai|quer)",
    r"qualcuno vuole",
    r"chi (?:viene|vuole)",
    r"wil (?:er )?iemand|wie (?:gaat|komt|wil)|(?:heeft|had) (?:er )?iemand zin",
    r"ktos (?:chce|idzie)|kto (?:idzie|chce|bedzie)|ma ktos ochote",
    r"nagon som vill (?:ha|ga|aka|med|fika|luncha)|vill nagon (?:ha|ga|med|fika|luncha)|"
    r"vem (?:hanger|foljer|ska) med",
    r"kim (?:geliyor|gelir|gelmek ister|kat[iı]l[iı]yor)|gelen var m[iı]|gelmek isteyen",
    r"(?:chai|lunch|coffee|khana|khane)(?: pe| par| ke liye)? (?:chale|chalein|chalo|chalega|"
    r"chalna)|koi (?:chal|aa) raha",
    r"ada (?:yang|yg) mau (?:ikut|makan|ngopi|nonton|main)",
    r"кто (?:идет|поидет|со мнои|хочет|будет) |кто на (?:обед|кофе)|поидем|пошли на",
    r"(?:드실|가실|먹을|갈|오실|참석하실) ?분|같이 (?:가|먹|드)",
    r"من (?:سيأتي|سياتي|يريد|جاي|رايح)|مين (?:جاي|رايح)",
    *languages.SOCIAL,
)
SOCIAL_WORDS = phrases(
    # a few other languages' (folded)
    r"comida|almuerzo|comer|cafe|fiesta|cumpleanos|dejeuner|diner|fete|anniversaire|"
    r"mittagessen|kaffee|feier|geburtstag|almoco|almocar|festa|aniversario|pranzo|caffe|"
    r"compleanno",
    # German life outside work (`Kennt jemand einen guten Zahnarzt in der Nähe?`); not `Kita`, which
    # is Indonesian for `we`
    r"zahnarzt|kinderarzt|hausarzt|friseur|kindergarten|wohnung|vermieter|mensa|kantine|kuchen|"
    r"bier|feierabend|weihnachtsfeier|weihnachtsmarkt|wichteln|tischkicker|grillen",
    # French and Spanish (`un bon resto`, `la cagnotte pour le pot de départ`, `unas cañas`); not
    # `resto` alone, which is `the rest` in Spanish and Italian
    r"restau|un (?:bon |petit )?resto|apero|afterwork|cagnotte|pot de depart|galette|canas|tapas|"
    r"roscon|cena de navidad|despedida|futbol",
    r"fika|middag|yemek\w*|kahve|chai|khana|makan siang|ngopi|обед\w*|кофе|корпоратив|"
    r"점심\w*|회식\w*|커피\w*|غداء|قهوة|عشاء",
    *languages.SOCIAL_WORDS,
    # lunch as a time of day (`drifting 2 frames by lunch`, `before lunch`) is no invitation
    r"(?=lunch)(?<!by )(?<!before )(?<!after )(?<!until )(?<!till )(?<!til )(?<!since )lunch",
    r"coffee",
    r"drinks?",
    r"beers?",
    r"pizza",
    r"cake",
    r"snacks?",
    # a party to a contract or a trade (`the stepping-in party`, `the other party`) is no party
    # (the word looked for first: the lookbehinds are costly at every position)
    r"(?=party)(?<!stepping-in )(?<!stepping in )(?<!transferring )(?<!remaining )(?<!contracting )"
    r"(?<!other )(?<!third )(?<!paying )(?<!receiving )(?<!calculation )(?<!each )(?<!either )"
    r"(?<!affected )(?<!relevant )(?<!requesting )(?<!responsible )party",
    r"birthday",
    r"game",
    r"concert",
    r"finale",
    r"gym",
    r"ping pong",
    r"weather",
    r"raining",
    r"hungry",
    r"starving",
    r"tacos?",
    r"sushi",
    r"yogurt",
    # a fridge that keeps medicines, vaccines or samples, or its log, is equipment, not the office
    # kitchen's (`what temp range should the med fridge log be in?`)
    r"fridge(?<!med fridge)(?<!meds fridge)(?<!medication fridge)(?<!vaccine fridge)(?<!specimen "
    r"fridge)(?<!sample fridge)(?<!reagent fridge)(?<!drug fridge)(?<!pharmacy fridge)(?<!blood "
    r"fridge)(?<!lab fridge)(?! (?:log|logs|temp|temps|temperature|"
    r"alarm|logger|probe|thermometer)\b)",
    r"secret santa",
    r"fantasy football",
    r"football",
    r"running club",
    r"dog",
    r"baby",
    r"apartment",
    r"holidays",
    r"thanksgiving",
    r"christmas",
    # a keynote in a drawing set or a spec is a note on the sheet, not a conference's talk
    r"keynote(?! (?:file|files|legend|legends|tags?|schedule|numbers?|text|list|param\w*|"
    r"values?)\b)",
    r"offsite",
    r"meetup",
    r"hackathon",
    r"retro",
    r"standup",
    r"1:1",
    r"dinner",
    r"bbq",
    r"farewell",
    r"podcast",
    r"movie",
    r"cafeteria",
    r"canteen",
    r"kitchen",
    r"restaurant",
    r"ramen|pho|brunch|breakfast|burgers?|bagels?|bakery|food truck",
    r"pub",
    r"dentist",
    r"pediatrician|daycare|babysitter|nanny|landlord|plumber|electrician|recipe|potluck",
    r"my (?:kid|kids|daughter|son|wife|husband|partner)",
    r"spot",
)
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
    # the same blame typed without its `?` (`who approved this font :skull:`): who did a thing,
    # with a grimace, a clown or an angry face too (`who approved this budget 😬`); after a real
    # question a grimace is nerves (`anyone know why the export failed? 😬`), as 😅 is, and `who
    # owns the font licences 😬` asks
    + r"|^\W*(?:ok |so |ok so |um |ugh,? )?who (?:\w+ed|broke|put|left|took|thought|wrote|made|"
    r"let|set|chose|picked|drew|did)\b[^.?!\n]*?\s*"
    + _venting(
        _EYE_ROLLS + r"|grimacing|clown_face|rage|angry|triumph",
        r"🤦|🙄|🙃|💀|😒|😑|😬|🤡|😡|😠|😤",
    )
)

# Family words in a question about leave are the leave policy (`how many days of parental leave
# if the baby is adopted?`), and a meal or a party in a question about spending is the expense
# policy (`is a client dinner deductible?`, `can I expense the team lunch?`), not life outside work.
WORK_POLICY = phrases(
    # and a gift accepted from a vendor is the ethics policy (`may an inspector accept a gift card
    # from a contractor at the holidays?`)
    r"(?:accept|accepting|receive|receiving|take|taking) (?:a |an |any |the )?gifts?(?: cards?)?\b|"
    r"ethics (?:policy|rules|code|office|officer|board)",
    # and a party, a food truck or a bar in a question of permits or licences is what the rule
    # governs (`does a food truck need a right-of-way permit…`, `do we need a liquor licence for
    # the holiday party?`), not an invitation
    r"permits?|licen[cs]es?|licensing",
    # and in a question of law (`can the company legally make the summer party mandatory?`)
    r"(?:can|could|may|are|is|am) (?:we|i|they|you|it|a|an|the|our|my) (?:[\w-]+ )?legally\b",
    r"(?:parental|maternity|paternity|adoption|adoptive|family|bereavement|compassionate|carer's|"
    r"caregiver) leave",
    r"expens\w*|reimburs\w*|deductib\w*|per diem|receipts?|taxable|tax[- ]deductible|write[- ]off|"
    r"cost cent(?:er|re)|gl code|budget code|billable|(?:company|corporate) card|p-?card",
    # and a dog or a cat given a dose or fluids is a patient (`the CRI dose for fentanyl in cats`,
    # `the fluid deficit for a 7% dehydrated dog`), not a pet talked of
    r"dos(?:e|es|ing)|mg/kg|mcg/kg|ml/kg|mcg|fluid deficit|dehydrated|sedation|an(?:a)?esthesia|"
    r"(?:normal|reference) ranges?",
)

# A question put to one named person, or about a meeting: they already know whom to ask.
PERSONAL = phrases(
    r"(?:can|could|would|will) you (?:check|leave|add|fill|comment|proofread|print|book|schedule|"
    r"invite|open|close|sign|fix|merge|upload|resend|put)",
    r"(?:can|could|would|will|did|have|are|were) you (?:send|approve|review my|grab|share|join|"
    r"get a chance|free|joining|back|around|coming|forward|sign|update|ping|call|move|push)",
    r"(?:have|did) you (?:already )?(?:approved|sent|seen|had|finished|done|read|booked|signed|"
    r"submitted|fixed|merged|updated|replied|called|emailed|pinged|uploaded|shared|forwarded|"
    r"heard|checked|talked|spoken)",
    r"did you (?:already )?(?:finish|send|see|get|read|check|hear|sign|submit|book|fix|merge|"
    r"update|reply|call|email|ping|upload|share|forward|remember|manage|talk|speak)",
    r"can we (?:move|push|reschedule|skip|cancel|meet|sync|chat|talk)",
    # a review invited of anyone (`the PR is there, reviews welcome`), as `can someone review my
    # PR` is; `build fails on arm64, thoughts welcome` asks
    r"reviews? (?:are |is |very |always |much )?(?:welcome|appreciated)\b",
    # a task offered to whoever takes it (`any taker for tonight's maintenance window?`), as a
    # shift to cover is
    r"(?:^|(?<=[.!?,] ))any (?:takers?|volunteers?)\b(?: (?:for|to)\b|\s*\?)",
    # a check of the writer's own work asked of anyone (`need someone to double check my cash
    # count before i drop`), as `can someone review my…` is, or a shift or a desk to cover
    # (`need somebody to cover the night desk friday, who can?`), as `who can float to 5E?` is;
    # `need someone who knows…` asks
    r"(?:^|(?<=[.!?,] ))(?:i |we )?(?:need|looking for) (?:some|any)(?:one|body) to "
    rf"(?:(?:double[- ]?check|check|review|proofread|look over|read over|sign off|count) "
    rf"(?:my|our|this)\b|{STAND_IN})",
    # a message to pass on to someone else (`can somebody tell AWS that…`, `can someone let
    # finance know…`): a favour, or a joke; `can someone tell me how…` asks
    rf"(?:can|could|would|will) {SOMEONE} (?:please )?(?:tell|remind) (?!me\b|us\b)[\w@.-]+"
    r"(?: [\w.-]+){0,2} that\b",
    rf"(?:can|could|would|will) {SOMEONE} (?:please )?let (?!me\b|us\b)[\w@.-]+(?: [\w.-]+)"
    r"{0,2} know\b",
    # a definite thing asked approved or funded (`can we get the observability budget approved
    # this quarter?`) is a request to whoever decides; `can we get a PO approved without
    # quotes?` asks the rule
    r"(?:can|could) we get (?:the|this|that|our|my) [\w-]+(?: [\w-]+){0,3} (?:approved|signed "
    r"off|prioriti[sz]ed|funded|budgeted)\b",
    # a wish put to whoever plans (`can we get that on the roadmap?`), not a question of how
    r"(?:can|could) we (?:get|put|add|have) (?:this|that|it|these|those|the [\w-]+(?: [\w-]+)"
    r"{0,3}) (?:on|onto|into|in|to) the (?:roadmap|backlog|next sprint|sprint|next release)"
    r"(?=\s*(?:[?.!,]|$))",
    # a meeting asked for (`can we get a quick sync on the migration plan?`) is put to the people
    # meeting
    r"(?:can|could) (?:we|i) (?:get|grab|have|set up|book|schedule) (?:a |some )?(?:quick |short |"
    r"brief |\d+ ?(?:min|mins|minutes?|m|hr|hrs|h) )?(?:sync|call|chat|meeting|huddle|catch-?up|"
    r"1:1|time with)(?= (?:on|about|with|re|before|after|today|tomorrow|this|next|later|at|"
    r"sometime)\b|\s*[?.!]|$| for (?:\d+|a|an|one|two|five|ten|fifteen|half|a few|a couple|"
    r"some)\b)",
    # someone to stand in for the writer (`any chance someone can cover my on-call shift?`, `can
    # anyone join the customer call at 2?`)
    rf"{SOMEONE} (?:can|could|would|might) (?:please )?(?:cover|take|swap) (?:my|for me)\b",
    rf"(?:can|could|would|will) {SOMEONE} (?:please )?(?:cover (?:my|for me)|take my|swap|join "
    r"(?:the|a|my|our|this)|sit in on|hop on (?:the|a))\b",
    # the same asked as who is able or free to (`anyone able to swap 12/24 for 12/26?`, `who can
    # float to 5E for 4 hours?`); `anyone able to explain the swap rules?` asks
    rf"(?:is )?{SOMEONE} (?:able|free|willing|around|available|up) (?:to|for) {STAND_IN}|"
    # (`who` looked for first: the lookbehinds of `ASKING_WHO` are costly at every position)
    rf"(?=who\b){ASKING_WHO}who(?:'s| is)? (?:can|could|is able to|is free to|wants to) {STAND_IN}",
    # a shift of the writer's offered to swap at a sentence's opening (`swap my early shift tue
    # with late wed, anyone?`); `how do I swap my shift in the roster app?` and `can I swap my
    # shift with another team?` ask how
    r"(?:^|(?<=[.!?] ))(?:looking to |want to |wanna |need to )?(?:swap|trade|give "
    r"away) (?:my|our) (?:[\w:/-]+ ){0,3}(?:shifts?|on-call|call|weekend|nights?|slot|rotation)\b",
    r"(?:will|would|are) you be (?:at|in|joining|around|free|coming|there|available|back|online)",
    r"(?:is|are) (?:the|our|we) .{0,30}(?:still on|still doing|still happening|cancelled|open on)",
    # whether a meeting is still at its time or place (`anyone know if the shift meeting is still
    # at 2:30?`); `is the meeting room still on the 3rd floor?` asks where a room is
    r"(?:meeting|standup|stand-up|huddle|sync|call|training|briefing|class|session|town ?hall|"
    r"all[- ]hands|1:1|interview|inspection|audit|demo|retro|review|party|lunch) (?:is |are )?"
    r"still (?:at|on|for|scheduled|happening|planned|going ahead)\b",
    r"(?:can|could) (?:i|we) get (?:a|an|some|your) (?:\+1|thumbs up|approval|sign-?off|review|"
    r"lgtm|ok|okay|stamp)",
    # a reading of the writer's draft asked of whoever is free (`can I get a second read on my
    # headline?`), as a review is; `can we get a read on the market` asks for no draft
    r"(?:can|could) (?:i|we) get (?:a|an|some) (?:second|quick|fresh|another|final|cold|last) "
    r"(?:read|look|pair of eyes|set of eyes|edit|proofread|read-?through)\b",
    r"are we still",
    r"is it (?:ok|okay|fine|alright) if i",
    r"(?:what time|when|where)(?:'s| is| are| does| do) (?:the |our |today's )?(?:all[- ]hands|"
    r"meeting|standup|party|retro|demo|offsite|lunch|sync|call|event|town ?hall|dinner|"
    r"happy hour|celebration|drinks|code freeze|kickoff|kick-off|planning|workshop|training)",
    r"let me know when",
    # when the next or a numbered round of a thing starts, asked alone (`when does season 5
    # start?`, `when does the next sprint begin?`), is a schedule, as the meeting's time is; `when
    # does the fiscal year start?` asks a rule, and `when does the trial start counting, at signup
    # or at first login?` asks
    r"^(?:so |ok |hey |hi )?when (?:does|do|will|is|are) (?:the |our )?(?:next (?:[\w-]+ ){0,1}"
    r"[\w-]+|(?:[\w-]+ ){0,1}[\w-]+ \d+) (?:start|starts|starting|begin|begins|kick off|launch|"
    r"open|come out|drop|go live)\s*\?*$",
    # work asked to be done by a deadline (`can we get the board metrics locked by Wednesday?`)
    # is put to the ones doing it; `can we get access by filing a ticket?` asks how
    # (`can we get the Pyxis restocked before the 2100 med pass?`)
    r"(?:can|could) (?:we|you all|y'all|everyone|the team) (?:get|have) [^?]{1,60}? (?:done|locked|"
    r"finali[sz]ed|finished|wrapped up|signed off|submitted|merged|shipped|ready|reviewed|updated|"
    r"sent|in|[a-z]{3,}ed) (?:by|before) (?:eod|eow|cob|end of (?:day|week)|tomorrow|tonight|noon|"
    r"\w+day|the \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?::\d\d)?\s?(?:am|pm)|(?:the |our |my |"
    r"tomorrow's |today's |tonight's )?(?:[\w:-]+ ){0,2}(?:pass|rounds?|shift change|shift|meeting|"
    r"huddle|handoff|handover|deadline|cutoff|demo|launch|audit|inspection|visit|rush))\b"
    r"(?![^?]*\bor\b)",
    # an offer to the one asked (`do you want me to loop in legal or wait?`): they decide
    r"(?:do|would) (?:you|y'all|you all|you guys) (?:want|like|need) me to\b|"
    r"(?:^|(?<=[.!?,] ))want me to\b",
    # a time offered for a meeting (`does Tuesday or Wednesday work better for the orientation?`,
    # `does tues or wed work better…`, `does 3pm work for everyone?`, `does <!date^…|Nov 14> work…`,
    # `does 0700 or 0730 work better…`, `does 14:00 or 16:00 UTC work…`)
    r"(?:does|do|would|will) (?:the )?(?:\w+day|mon|tues?|weds?|thur?s?|fri|sat|sun|"
    r"\d{1,2}(?::\d\d)?\s?(?:am|pm)?|[012]\d[0-5]\d|noon|tomorrow|"
    r"today|tonight|next week|this week|\d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?)(?: (?:morning|afternoon|evening|at [\w:]+))?"
    r"(?: or (?:the )?[\w:]+(?: (?:morning|afternoon|evening))?)?(?: (?:utc|gmt|cet|cest|local))?"
    r" works?(?: (?:better|best|ok|"
    r"okay))?(?: for\b|\s*\?|$)",
    # asking the one who just spoke what they meant (`what do you mean?`, `wdym by sharded?`);
    # `what does this error mean?` asks
    r"what (?:do|did) you (?:mean|meant)\b|wdym\b",
    r"who has (?:the )?(?:bandwidth|capacity|time|cycles)",
    r"(?:have|has|with) (?:the |some )?(?:bandwidth|capacity|cycles)(?: for| to|\s*\?)",
    r"(?:can|could) (?:some|any)(?:one|body) (?:explain|describe) (?:this |it )?to "
    r"(?:the|our|a|my) ",
    r"(?:can|could) (?:some|any)(?:one|body) (?:please )?set up (?:a|an|the) ",
    r"(?:need|get|looking for) (?:a |some |\d+ |two |three )?volunteers?",
    # someone found to do a thing for the writer (`can I get someone to sign for a package?`)
    rf"(?:can|could) (?:i|we) get {SOMEONE}(?: (?:from|in|on) [\w-]+(?: [\w-]+)?)? to\b",
    # a call for referrals (`We're hiring! Know someone? Send them our way`) asks a favour of
    # everyone, as a call for volunteers does; `know anyone who has run a Yardi migration?` asks
    r"know (?:of )?(?:any|some)(?:one|body)\b[^?]{0,80}\?\s*(?:please )?(?:send|refer|point|"
    r"forward|tag|introduce|connect) (?:them|him|her|us|me)\b",
    r"(?:can|could|would|will) (?:the )?[\w-]+ team (?:please )?(?:confirm|sign|check|look|review|"
    r"update|send|share|approve|provide|add|fix)",
    r"(?:when|what time) (?:do|will|are) you (?:plan|expect|think|going)",
    # opening on one person's name: they already chose whom to ask; asking them to explain or
    # to tell how something is done asks for what they know (`@ana can you explain how…`)
    r"^@person,? (?:(?:hey|hi|quick one|sorry)[,!]? )?(?:can|could|would|will) you(?! (?:please )?"
    r"(?:explain|clarify|help me understand|walk me through|shed (?:some )?light|point me|"
    r"(?:tell|remind) me (?:of |about )?(?:how|where|why|what|which|who)\b))",
    r"^(?:question for |q for )?@person[,:]? (?:(?:hey|hi|quick one|sorry)[,!]? )?(?:are|were|did|"
    r"have|will|how did|how was|how's|what are|when are|where are) (?:you|your)\b",
    r"(?:can|could|would|will) (?:you|any(?:one|body)|some(?:one|body)|one of you|(?:the )?[\w-]+ "
    rf"team)(?: (?:from|in|on|with) [\w-]+(?: [\w-]+){{0,2}})? (?:please |just |quickly )?"
    rf"{SERVICE}",
    # the same asked of whoever holds a role (`can an admin restart EU-1?`); what a role may do
    # (`can an admin delete a channel or only the owner?`) asks
    r"(?:can|could|would|will) (?:a|an|any|some) (?:admin|mod|moderator|manager|lead|dev|developer|"
    r"engineer|staff member|helper|owner|sysadmin|supervisor|officer)s? "
    rf"(?:please |just |quickly )?{SERVICE}(?! (?:a|an|any)\b)(?![^?]*\bor\b)",
    # (`please how can I get access to…?` asks how it is done, as writers in Lagos ask)
    r"(?<!how )(?:can|could|may) (?:i|we) (?:please )?(?:get|have) (?:access|added|admin|edit|"
    r"write|read|permission)",
    # a review of one change asked of anyone (`can someone review <…/pull/981|web#981>?`, `…review
    # this PR`), as `review my PR` is; `can someone review how we size the pool?` asks
    rf"(?:can|could|would|will) {SOMEONE} (?:please |quickly )?(?:review|approve|stamp|look at) "
    r"(?:this |my |our |the )?(?:[\w.-]*#\d+|prs?|mrs?|pull requests?|diff|link)\b",
    # the same of the writer's draft (`can somebody review the new WI draft before I publish
    # it?`); `can someone review how we size the pool?` asks
    rf"(?:can|could|would|will) {SOMEONE} (?:please |quickly )?(?:review|proofread|look over|"
    r"read over|read through|check) (?:this|my|our|the)(?: [\w-]+){0,4}? (?:draft|drafts|redline|"
    r"redlines|write-?up)\b|(?:can|could|would|will) "
    rf"{SOMEONE} (?:please |quickly )?(?:review|proofread|look over|read over|check) [^?]{{1,60}}"
    r"before (?:i|we) (?:publish|send|post|submit|share|merge|release|print|roll)\b",
    # the same favours in a few other languages (folded)
    rf"alguien (?:me |nos )?(?:puede|podria)(?: por favor)? (?:me |nos )?{FAVOUR_ES}",
    rf"(?:kann|konnte) (?:mir |uns )?(?:hier )?jemand\b{DE_CLAUSE}{{0,60}}{FAVOUR_DE}",
    rf"alguem (?:me |nos )?(?:pode|poderia)(?: por favor)? (?:me |nos )?{FAVOUR_PT}",
    rf"quelqu'un (?:peut|pourrait)(?: me| nous)? {FAVOUR_FR}",
)

# The asker says the question is settled (`…? never mind, found it`): it needs no one now.
# `never mind the logo, …` sets a thing aside, and `has anyone found it?` still asks.
# found it, judged: how someone found a tool or a task, not where
EVALUATION = (
    r"(?:too|really|very|pretty|quite|so|super|a bit|a little|kind of|kinda|rather|way|more|less|"
    r"most|hard|harder|difficult|easy|easier|useful|helpful|useless|confusing|clunky|slow|fast|"
    r"buggy|painful|annoying|awkward|frustrating|interesting|overkill|fine|ok|okay|great|good|bad|"
    r"unreliable|reliable|simple|complex|complicated|cumbersome|heavy|limiting|tedious|worth|"
    r"impossible|unusable|unintuitive|intuitive)\b"
)

ANSWERED_ITSELF = phrases(
    # `nvm it's pinned`, `nvm its in the wiki`, `nvm solved`: the answer follows; `installed nvm
    # but…` is Node's version manager
    # `…? nm found the okta tile`: chat's `nm` only right after the question, as `7 nm` is a size
    # (`…? nm 16:00, it's on the wiki`: the answer a figure)
    r"(?:never ?mind|nvm|(?<=\? )nm)(?=\s*(?:[,.!:;-]|$| \d| (?:found|figured|got|i |it |it's |"
    r"its |it is |it was |that's |there's |they're |turns out|solved|sorted|fixed|all good|"
    r"ignore|power[- ]?cycled|restarted|rebooted|reinstalled|reseated|replugged|unplugged|"
    r"re-?enrolled|cleaned|cleared)))",
    # `the team found it clunky` judges a tool, as `found it hard` or `found it too slow` do
    rf"(?<!one )(?<!body )(?<!you )(?<!who )(?:found it(?! {EVALUATION})|figured it out|sorted it)",
    r"ignore (?:me|my (?:last )?(?:message|question))|scratch that",
    # a how-to headed by its question and pinned (`How to handle a full disk? 1. check df 2.…
    # pinned in the channel`), ending the message
    r"\?[^?]*\bpinned (?:it |this )?(?:in|to) (?:the |this )?(?:channel|thread)\s*[.!]*\s*$",
    # the answer seen at once after `ah ok` (`how to check the helm history? ah ok, helm history
    # <release>. sorry`), with no question after it; `…? ah ok, but it still fails` and `…? ah
    # ok so do we restart it first` leave it open
    r"\? (?:oh|ah|ahh) (?:ok|okay|right|i see)\b[,!.]? (?=\S)(?![^?]*\b(?:not|isn't|aren't|"
    r"but|still|no|doesn't|didn't|can't|won't|so (?:do|does|is|are|should|can|how|what))\b)"
    r"(?![^?]*\?)",
    # the writer answering their own question (`…? answering my own q: yes, from admin > trash`),
    # with no question after it
    r"(?:answering|answered|to answer|answer to) my own (?:q|question)\b(?![^?]*\?)",
    # an answer put to whoever wondered (`For anyone wondering how to rotate the cert: it's in
    # the runbook`, `FYI for anyone wondering…`), with no question after it
    r"(?:^|(?<=[.!?,] )|(?<=^fyi )|(?<=^psa )|(?<=^tip )|(?<=^pro tip )|(?<=^heads up )|"
    r"(?<=^reminder ))(?:for|to) (?:anyone|anybody|those|whoever|everyone)(?: else)?(?: who "
    r"(?:was|were|is|are|has been))? (?:wondering|curious)\b(?![^?]*\?)",
    # someone else's question, relayed with the answer the writer gave (`Customer asked "when
    # will dark mode ship?" - told them Q2`), with no question after it; `told them I'd find
    # out` gave none
    # (`Customer email: "do you ship to PO boxes?" - replied yes`, the asking left unsaid)
    r"(?:(?:asked|asks|asking|wanted to know|wants to know|wondered)[:,]? )?[\"“'][^\"“”]{1,200}\?"
    r"[\"”'][^?]{0,40}?\b(?:i |we )?(?:told|answered|replied|said|explained|pointed|sent|gave|"
    r"confirmed)\b(?![^?]*\b(?:find out|check|get back|follow up|look into|ask around|not sure|"
    r"don't know|no idea|idk)\b)[^?]*$",
    # the same reported without quotes (`Customer wants to know if we price match. I told her no,
    # per policy`); `…asked if we price match, told her I'd check` gave no answer
    r"(?:wants? to know|wanted to know|asked|asks|was asking|were asking) (?:if|whether|how|what|"
    r"when|why|where) [^?]{1,120}?[.!,;:] (?:i |we )?(?:told|answered|replied|said|explained|"
    r"confirmed)\b(?![^?]*\b(?:find out|check|get back|follow up|look into|ask around|not sure|"
    r"don't know|no idea|idk)\b)[^?]*$",
    # how to do a thing, announced as written up (`FYI: how to submit expenses is now documented
    # here`), with no question after it; `how to rotate the keys is documented where?` asks
    r"(?:^|(?<=[.!?:,] )|(?<=^fyi )|(?<=^psa ))how to [^?]{1,60}? (?:is|are) (?:now )?"
    r"(?:documented|explained|written up|described|covered|pinned|in the (?:wiki|runbook|"
    r"handbook|faq|docs)|(?:up )?here)\b(?![^?]*\?)",
    # how the writer's team did a thing, asked to tell it (`Shrink is down to 1.2%. How did we do
    # it? Cycle counts every week.`), with no question after it; `how did we do it last year?` asks
    r"how did (?:we|i|they|the team|you all) (?:do|pull off|manage|pull) (?:it|that|this)"
    r"(?: off)?\? (?=[^?]*\w)(?![^?]*\?)",
    # the same naming what was done, the answer then praised (`How did we get CAUTIs to zero?
    # Nurse-driven foley removal. Great job, team!`); `how did we get the cert last year? I can't
    # find the invoice` asks
    r"how did (?:we|the team|you all|our [\w-]+) (?:get|bring|cut|drive|reach|hit|keep|halve|"
    r"double|reduce|grow|beat) [^?]{1,60}\? [^?]{1,120}\b(?:great (?:job|work)|good (?:job|work)|"
    r"nice (?:job|work)|well done|kudos|congrats|congratulations|proud of|shout ?out)\b"
    r"(?![^?]*\?)",
    # a question written out with its answer, as a FAQ is (`Q: how do I…? A: go to…`)
    r"(?:^|(?<=[.!?] ))q: [^?]{1,200}\? ?a: ",
    # the answer to a question asked earlier, given (`FYI the answer to yesterday's question
    # about the eviction policy: it's allkeys-lru`), with no question after it
    r"(?:^|(?<=[.!?,:] )|(?<=^fyi )|(?<=^psa )|(?<=^update )|(?<=^so ))(?:the )?answer to "
    r"(?:the |your |my |our |this |that |[\w-]+'s? |last \w+'s |the earlier )*questions?\b"
    r"(?![^?]*\?)",
    # the same with its answer labelled in full (`Key question: why did the job skip it? Answer:
    # the mount path changed`), and a FAQ, whose questions its writer answers under a heading
    # (`Key question for the meet and confer: will they agree to search terms? Our position:
    # yes`, the writer's side given as its answer)
    r"\? ?(?:(?:the )?(?:short |quick |our )?answers?|(?:our|my) (?:position|stance|view|take|"
    r"response|proposal|suggestion|recommendation))"
    r"(?: is)?: ",
    # a question that heads an announcement, answered by where to read or join (`What is a
    # feature flag? Read our new blog post`, `Why the change? See the blog post`); `See the
    # error below` after a question shows the problem, and `read the guide but it skips SCIM`
    # says what the asker tried
    r"\? (?:(?:so |then )?(?:read|see|check out|watch|join|register for|sign up for|attend|"
    r"learn more in|find out in|more in|details in|all in) (?:our|the|this|my|today's|this "
    r"week's|next week's|thursday's|friday's)(?: [\w-]+){0,2}? (?:blog|blog post|article|"
    r"guide|write-?up|announcement|newsletter|release notes|changelog|workshop|webinar|talk|"
    r"course|training|survey|launch post|lunch and learn|brown bag|info session|ama)\b"
    r"(?![^.?!]*\b(?:but|though|although|yet|still|and it|doesn't|does not|didn't|did not)\b))",
    # the same answered by the writer's own post, named by what it holds (`Wondering how to speed
    # up CI? Our new post has 5 tricks`); `the guide covers Okta but not Ping` says what's missing
    r"\? (?:our|my|this|today's|this week's|a|the) (?:new |latest )?(?:blog post|blog|post|article|"
    r"guide|write-?up|deep dive|video|talk|newsletter|explainer|tutorial) (?:has|covers|explains|"
    r"answers|walks (?:you )?through|shows|breaks (?:it )?down|lays out|shares)\b"
    r"(?![^.?!]*\b(?:but|though|although|yet|doesn't|does not|nothing|not)\b)(?![^?]*\?)",
    r"^\W*(?:faq|faqs|frequently asked questions)(?:\s*[:|\-–—]|\s+(?:for|on|about|re)\b)",
    # a FAQ on a subject, headed in any language (`FAQ retours : …`, `FAQ devoluciones: …`)
    r"^\W*faqs? [\w-]+(?: [\w-]+)?\s*:",
    # the same `…? never mind, found it` in other languages: after the question, found, solved or
    # noted here for next time (`…? -> make restart, je le note ici pour la prochaine fois`,
    # `…? oh ternyata tinggal restart, udah beres`), with no question after it
    r"\?[^?]*\b(?:je (?:le )?(?:note|laisse) (?:ca |ça )?ici|lo dejo aqui|dejo esto aqui|"
    r"deixo aqui|lo lascio qui|ich lass(?:e)? (?:das|es) hier|laat ik (?:het )?hier|"
    r"ternyata (?:tinggal|cuma|hanya))\b[^?]*$",
    r"\?[^?]*\b(?:(?:udah|sudah) (?:beres|ketemu|solved|kelar)|ya lo (?:encontre|solucione|"
    r"resolvi)|(?:ja )?(?:achei|encontrei|resolvi)|deixa pra la|laissez tomber|"
    r"hat sich erledigt|schon gefunden|"
    r"lascia(?:te)? (?:perdere|stare)|laat maar|niewa[zż]ne|ju[zż] (?:znalaz[lł]em|znalaz[lł]am))"
    r"(?=\s*(?:[,.!:;)-]|$))[^?]*$",
    r"\?[^?]*\b(?:" + "|".join(languages.ANSWERED_ITSELF) + r")\b[^?]*$",
    # which of two it is, answered by the writer naming one right after (`Is the number from the
    # SoS or our own count? Our own count, sourced to…`), or by what they checked (`…which is
    # it? checked, 47.6`), with no question after it
    r" or ((?:[\w'%.-]+ ){0,3}[\w'%.-]+)\? \1\b(?![^?]*\?)",
    # (`…? checked the label, 600 lbs`)
    r"\? (?:(?:i |we )?(?:just )?(?:checked|confirmed|double-checked|looked it up))(?: (?:the|our|"
    r"my) [\w-]+(?: [\w-]+)?)?[,:.] "
    r"(?![^?]*\b(?:but|still|not|no luck|nothing|doesn't|didn't|can't)\b)(?![^?]*\?)",
    # the answer seen at once (`anyone know where the scanner went? oh it's in 420, sorry`), with
    # no question after; `…? oh it's not in the closet either` leaves it open
    # (`…? oh wait its in the pinned doc, 8h`, `…? wait, it's under billing`)
    r"\? (?:(?:oh|ah|ahh|ahah|oops)[,!.]? (?:wait[,!.]? )?|wait[,!.]? )(?:it's|its|it is|they're|"
    r"theyre|they are|here it "
    r"is|there it is|found it|got it)\b(?![^?]*\b(?:not|isn't|aren't|but|still|no)\b)(?![^?]*\?)",
    # the same in German (`weiß jemand, wo die Eismaschine hin ist? ah, steht im Flur`)
    r"\? (?:ah|oh|achso|ach so)[,!.]? (?:steht|stehen|liegt|liegen|hangt|hangen|ist|sind|hab(?:e)? "
    r"(?:es|ihn|sie|das) gefunden|gefunden)\b(?![^?]*\b(?:nicht|kein|keine|leider)\b)(?![^?]*\?)",
    # the same in French and Spanish (`…où est la douchette ? ah c'est bon, elle était dans le
    # bureau`, `…? ah vale, estaba en la oficina`, `…? Nada, ya lo he encontrado`); `ah, elle
    # n'est pas là non plus` leaves it open
    r"\? (?:ah|oh|ah bon|bon|vale|nada)[,!.]? ?(?:c'est bon|vale|ya)?[,!.]? ?(?:(?:il|elle|"
    r"ils|elles) (?:etait|etaient|est|sont)|c'etait|estaba|estaban|esta en|estan en|je l'ai|"
    r"j'ai trouve|trouve|ya lo he (?:encontrado|solucionado|resuelto)|lo he encontrado|"
    r"encontrado)\b"
    r"(?![^?]*\b(?:pas|plus|no|tampoco|sigue)\b)(?![^?]*\?)",
    # questions invited to the writer, closing an announcement (`Des questions ? Venez me voir.`,
    # `¿Dudas? Escribidme`), and a question heading a webinar to sign up for (`¿Quieres reducir
    # tus costes? Apúntate al webinar…`)
    r"(?:questions|dudas|preguntas)\s*\?\s*(?:venez|n'hesitez|ecrivez|contactez|passez|"
    r"escribidme|escribeme|preguntadme|avisadme|contactad|decidme)\b(?![^?]*\?)",
    r"\?[^?]*\b(?:apuntate|apuntaos|inscribete|inscribeos|inscrivez-vous|inscris-toi|decouvrez|"
    r"descubre)\b[^?]*\b(?:webinar|webinaire|taller|formation|formacion|seminario|curso|atelier|"
    r"workshop)\b[^?]*$",
    # a question heading a workshop or a training to sign up for, in German (`Wie schreibt man
    # einen guten DFG-Antrag? Workshop am 15.1., Anmeldung beim Graduiertenzentrum`)
    r"\?[^?]*\b(?:workshop|schulung|seminar|webinar|kurs|infoveranstaltung|vortrag)\b[^?]*\b"
    r"(?:anmeldung|anmelden|meldet euch|melden sie sich)\b[^?]*$",
    # how the team did it, told and thanked, in German (`Wie haben wir die Kontamination
    # weggekriegt? Neue Medien. Danke an alle!`)
    r"wie haben (?:wir|die|das team) [^?]{1,60}\? [^?]{1,160}\b(?:danke an (?:alle|euch)|gut "
    r"gemacht|super (?:arbeit|job)|toll gemacht|gluckwunsch|stolz auf)\b(?![^?]*\?)",
    # a question put to readers, asked to answer where they read it (`Should the city pay for a
    # stadium? Tell us in the comments`), or answered by what the writer wrote up (`How do we
    # verify photos? We wrote it up for readers:`)
    r"\?[^?]*\b(?:tell us|let us know|share your (?:thoughts|views|take|story)|weigh in|sound "
    r"off) (?:in the comments|below|in our poll|in the poll)\b(?![^?]*\?)",
    r"\? (?:we|i) (?:wrote|have written|'ve written) (?:it|this|that) up\b(?![^?]*\?)",
    # a question that heads a call to sign up, answered by the training or event (`How do we cut
    # changeover time in half? SMED. Training starts next month, sign up on the board`); `how do
    # I sign up for the training?`, or `I need to register by Friday` after it, still ask
    r"\?(?: [^?]*[.!,:;])? (?:please )?(?:sign up|signup|register|enroll|enrol|rsvp|save your "
    r"(?:seat|spot)|book your (?:seat|spot)|(?:submit|apply|enter|vote) (?:in|at|via|here|now|"
    r"on|through|by)\b)(?![^.?!]*\b(?:but|though|doesn't|does not|didn't|did not|won't|isn't|"
    r"not|can't|fails?|failed|broken)\b)(?![^?]*\?)",
    # a yes-or-no question the writer answers at once (`is x-ray allowed? no. obviously.`), with no
    # question after; `is it allowed? no idea, anyone?` and `…? yes I tried but…` leave it open
    # (`Braucht man dafür eine Gefährdungsbeurteilung? Nein, ist schon drin`)
    r"\? (?:no|nope|yes|yep|yup|nein|ja|jep|jo)(?:[.!]|,(?! (?:but|though|wait|aber|doch)\b)| *$)"
    r"(?![^?]*\b(?:but|though|not sure|i think|maybe|aber|glaube|vielleicht|keine ahnung)\b)"
    r"(?![^?]*\?)",
    # a question filed as a ticket and handed on by the tracker's bot (`*QA-1422 Why is scrap high
    # on nights?* was moved to In Progress`, `New ticket: "How do I…?" - assigned to HR`): someone
    # has it, the tracker's words right after the question's closing quote or star; `…? nobody
    # assigned to it yet`, or `jira q: how do I move a ticket? when moved to the board it
    # vanishes`, leaves it open
    # a ServiceNow-style number (`INC0091123`, `RITM0012345`) is a ticket's key as `QA-1422` is
    r"(?:\bticket|\bjira|\bissue|\b[a-z](?:[a-z0-9]{1,9}-\d+|[a-z]{1,4}+\d{5,})\b|#\d+)[^?]{0,200}"
    r"\?[\W_]{0,6}"
    r"(?:was |has been |been |is now )?"
    r"(?:assigned to|moved to|transitioned to|created by|opened by|reopened by|closed by|"
    r"resolved by|escalated to|status changed|changed status|claimed by|picked up by|taken by|"
    r"handled by|accepted by|linked to|merged into|closed as|marked as|"
    r"(?:priority|status|assignee)(?=:)|zugewiesen an|zugeordnet|verschoben nach|erstellt von|"
    r"eroffnet von|"
    r"geschlossen von|gelost von|ubernommen von|eskaliert an|status geandert)\b[^?]*$",
    # the same named by the tracker before the ticket's title (`@ana created BE-812: How to handle
    # expired tokens?`), the title ending the message; `I created BE-900 for this but how do I…?`
    # asks
    r"\b(?:created|opened|filed|raised|logged|updated|closed|resolved|reopened|moved|assigned|"
    r"commented on) (?:ticket |issue |bug |story |task )?(?:[a-z][a-z0-9]{1,9}-\d+|#\d+)(?:: | ?"
    r"[\"“])[^?]{1,200}\?[\"”]?\s*$",
    # a new ticket or conversation announced by the help desk's bot with the customer's question
    # quoted (`New conversation from Bob (Globex): "is there an API for time entries?"`), the
    # quote ending the message: it is in the queue; `new ticket: "how do I…?" anyone know?` asks
    r"^(?:[\w -]{1,20}: )?new (?:ticket|conversation|chat|request|case|inquiry|enquiry|message|"
    r"submission)\b[^?\"“]{0,120}[\"“][^\"”?]{1,300}\?[\"”]\s*$",
    # a help article, post or guide announced under its question's title (`new KB article: "Why is
    # my calendar not syncing?" <link>`), with no question after it
    r"(?:^|(?<=[.!:] ))(?:new|updated|fresh|published)(?: [\w-]+){0,2} (?:article|post|guide|doc|"
    r"page|write-?up|video|faq)\b[^?\"“]{0,40}[\"“][^\"”?]{1,160}\?[\"”](?![^?]*\?)",
    # the same in English: the answer noted here for whoever asks next (`how do I reset the
    # terminal? -> hold power 10s, noting it here for next time`), with no question after it;
    # `…? posting here for visibility` still asks
    r"\?[^?]*\b(?:noting|noted|leaving|posting|putting|writing|jotting|dropping|pinning|saving) "
    r"(?:it |this |that |the (?:answer|steps|fix) )?(?:down )?here (?:for (?:next time|the next "
    r"(?:time|person)|future reference|posterity|(?:anyone|anybody|whoever|others|everyone)"
    r"(?: else)?)|in case)\b[^?]*$",
)

# Asking how things stand, not how they work: `is prod down?`, `any update on my refund?`.
STATUS = phrases(
    # a step offered with a check that none is needed (`should I order another load or are we
    # good`): the team's call, not expertise
    r"\bor (?:are|r) we (?:good|ok|okay|fine|set|covered)\b",
    r"^(?:is|are) (?:the |our |my )?[\w.-]+(?: [\w.-]+){0,5} (?:still )?(?:down|broken|up|back|"
    r"working|fixed|done|finished|slow|deployed|live|merged|green|red|out|open|closed|ready|over|"
    r"running|building|deploying|loading|happening|going|booked|reserved|scheduled|confirmed|"
    r"cancelled|canceled)\b(?: (?:again|yet|now|today|already))?(?: (?:for|by|on|at) (?:the |our |"
    r"my )?[\w.-]+(?: [\w.-]+)?)?(?=\s*(?:\?|$))",
    r"(?:has|have|did) (?:the |our |my )?[\w.-]+(?: [\w.-]+){0,3} (?:finished|landed|gone out|"
    r"gone through|shipped|"
    r"been (?:deployed|merged|fixed|released|approved|sent|paid)|go out|get (?:merged|deployed|"
    r"fixed|approved|sent|paid))",
    r"^(?:has|have|did|is|are) (?!(?:any|some|every|no)\s?(?:one|body)\b)\w.{0,70}\byet\s*(?:\?|$)",
    r"^(?:do|does) (?:we|you|they|i) (?:have|know|get) .{0,60}\byet\s*(?:\?|$)",
    r"^did (?!(?:any|some|every|no)\s?(?:one|body)\b)\w+",
    r"^(?:is|are|will) (?:the|our|my) .{1,40} (?:today|tomorrow|tonight|this (?:week|morning|"
    r"afternoon|evening)|next week)(?: or (?:today|tomorrow|tonight|next week))?\s*\?*$",
    r"any (?:update|updates|news|progress|word|eta)s? (?:on|about|for|from|with)",
    r"where are we (?:with|on|at)\b",
    # when one named event is (`when is the EHS inspection?`, `when's the next all hands?`): a
    # date on the calendar; `when is the deadline to enrol?` asks a rule, so no verb may follow
    r"^when(?:'s| is| are) (?:the|our|my|this|that) (?:[\w&-]+ ){0,3}[\w&-]+\s*\?*$",
    # what time a delivery comes or a place opens (`what time does the courier come?`, `what time
    # do the trucks get here tomorrow?`): the day's timetable; `what time zone does…` asks a setting
    r"^(?:so |ok |hey |hi )?what time (?:does|do|will|is|are) (?:the|our|my|today's|tonight's) "
    r"(?:[\w&-]+ ){0,3}(?:come|comes|coming|arrive|arrives|arriving|get here|gets here|open|opens|"
    r"close|closes|show up|shows up|come in|comes in|land|lands|pick up|picks up|deliver|delivers|"
    r"leave|leaves)\b",
    # whether someone is in (`anyone know if Sarah is in today?`), not how a thing works
    r"(?:(?:is|are) (?!there\b)[\w@]+(?: [\w@]+)?|(?:if|whether) [\w@]+(?: [\w@]+)? (?:is|are)) "
    r"(?:in|around|off|out|online|back|in the office|"
    r"wfh|working|on shift) (?:today|tomorrow|tonight|this (?:morning|afternoon|week))(?!')\b",
    # the same still somewhere (`anyone know if Dr. Patel is still in the building?`); `is the
    # printer still in room 4?` asks where a thing is
    r"(?:if|whether) [\w@.]+(?: [\w@.]+)? (?:is|are) still (?:in|around|here|on site|onsite|"
    r"in (?:the )?(?:building|office|hospital|house|lab|clinic|store)|on (?:the )?(?:unit|floor|"
    r"ward|site|premises|call|shift))(?: today| tonight| now)?\s*\?*$",
    # the same in German (`Weiß jemand, ob Prof. Weber heute im Haus ist?`)
    # (`im` reads as the chat spelling of `i'm`)
    r"\bob [\w.]+(?: [\w.]+){0,2} (?:heute|morgen|gerade|noch|jetzt|diese woche) (?:i'?m (?:haus|"
    r"buro|labor|institut|homeoffice|urlaub)|da|hier|erreichbar|krank|unterwegs) "
    r"(?:ist|sind)\b",
    # and in French and Spanish (`vous savez si Marc est au bureau aujourd'hui ?`, `¿sabéis si
    # Lucía viene hoy a la oficina?`)
    r"\bsi [\w.]+(?: [\w.]+){0,2} (?:est|sont|viene|vienen|esta|estan) (?:(?:aujourd'hui|demain|"
    r"encore|deja|hoy|manana|todavia|ya) )?(?:au bureau|sur site|la|en conges|en teletravail|en "
    r"la oficina|a la oficina|de vacaciones|teletrabajando)\b",
    # the same doing a thing today (`anyone know if Ben is streaming tonight?`)
    r"(?:if|whether) [\w@]+(?: [\w@]+)? (?:is|are) [a-z]+ing(?: [\w-]+){0,2} (?:today|tonight|"
    r"tomorrow|this (?:morning|afternoon|evening|week|weekend))\b",
    r"still waiting (?:on|for)",
    # whether a day is one of school or work (`do we have school on Veterans Day`, `do we have work
    # the friday after thanksgiving`); `do we have a policy on…` asks a rule
    r"^(?:do|will) (?:we|i|they|the kids|students) (?:have|get) (?:school|work|class|classes|"
    r"the day off|a day off|off)(?: on| this| next| the| tomorrow| today|$)",
    # whether the office or a site is open on a day (`anyone know if the office is open on the
    # 26th`) asks how things stand, as whether someone is in does; `is the office open to
    # visitors?` asks a rule
    r"(?:office|offices|building|site|branch|warehouse|reception|front desk|campus|hq) (?:is |are "
    r"|will be |gonna be )?(?:still )?(?:open|closed) (?:on|this|today|tomorrow|over|during|"
    r"next|for the)\b(?! (?:visitors|guests|contractors|customers|vendors|the public)\b)",
    # whether a given person or group knows a thing (`does the new hire know where to park?`,
    # `does the client know about the delay?`) asks how things stand with them, not for the
    # thing; `does anyone know where to park?` asks
    r"^(?:does|do|did) (?:the |our |my |your |this |that )?(?:new )?(?:hire|hires|starter|"
    r"starters|client|clients|customer|customers|team|family|patient|patients|driver|drivers|"
    r"vendor|candidate|resident|residents|tenant|tenants|guest|guests|parent|parents|contractor|"
    r"temp|intern|interns|sub|substitute|owner|board|@person|everyone|everybody)(?: [\w-]+)? know "
    r"(?:where|how|when|what|which|who|about|that|if|whether)\b",
    # the same said of anyone named by a role (`does the night supervisor know about the coil
    # delay?`): whether they have been told; `does anyone know about the overtime rule?` asks
    r"^(?:does|do|did) (?:the|our|my|your|this|that|his|her|their) (?:[\w-]+ ){0,2}[\w-]+ know "
    r"(?:about|that)\b",
    r"(?:know|tell me|confirm) (?:if|whether) .{1,60}\byet\s*(?:\?|$)",
    # the same asking whether it is mended or working again (`anyone know if the garage gate is
    # fixed?`); `…if the gate is covered by the lease?` asks a rule
    r"(?:know|tell me|confirm) (?:if|whether) (?:the |our |my )?[\w.-]+(?: [\w.-]+){0,4} (?:is|are|"
    r"was|were|has been|have been|got) (?:still |finally |already )?(?:fixed|repaired|mended|"
    r"resolved|sorted|back up|back online|up again|working again|running again|back)(?: yet| now)?"
    r"\s*\?*$",
    r"(?:has|have) [\w-]+(?: [\w-]+)? (?:come back|gotten back|got back|replied|responded) "
    r"(?:on|to|about)",
    # how a thing is going (`¿cómo va tu PR?`, `¿cómo van las pruebas?`)
    r"como (?:va|van) (?:tu|tus|el|la|los|las|lo de|con)\b|"
    r"como vamos con|ya tenemos|ou en est(?:-on)?|a che punto siamo|wie (?:ist|steht) (?:der|es "
    r"mit dem) stand|ja temos|haben wir schon",
    r"(?:can|could) (?:we|i) get an? (?:update|status|eta)",
    # whether a thing works for the others (`działa wam VPN?`, `¿os funciona…?`): a status
    r"dzia[lł]a (?:wam|u was|komus)|(?:os|les|te) funciona|funciona pra voces|funziona a voi|"
    r"(?:marche|fonctionne) (?:chez|pour) vous|"
    # a French thing of work asked as done or come (`Le deploy de ce matin est passé ?`)
    r"^(?:le|la|les|l')[^?]{1,60} (?:est|sont) (?:bien |deja )?(?:passe|termine|fini|parti|arrive|"
    r"sorti|merge|deploye|livre)e?s?\s*\?|(?:geht|funktioniert)(?: [\w.-]+){0,2} bei euch|"
    r"werkt(?: [\w.-]+){0,2} bij jullie|"
    # and in English (`does the wiki work for you?`, `is the VPN working for you all?`)
    r"^(?:does|do|is|are) (?:the |our |my )?[\w.-]+(?: [\w.-]+){0,2} (?:work|working|load|loading)"
    r" for (?:you|u|y'all|you all|you guys|everyone|everybody)\s*\?",
    r"(?:has|have) (?:any|some)(?:one|body)(?: (?:from|in|on) [\w-]+(?: [\w-]+)?)? (?:had|got|"
    r"gotten) a chance",
    r"^(?:is|are) .{1,40} being \w+ (?:right now|now|today|at the moment)",
    r"did (?:any|some)(?:one|body) (?:get|receive|see|send|reply|hear back)",
    r"(?:has|have|did) (?:any|some)(?:one|body)(?: else)? (?:heard back|hear back|heard from)",
    r"what(?:'s| is) the status (?:of|on)",
    # when one named thing lands (`what's the ETA on the fix?`, no longer asking how above); how
    # long a process takes (`what's the ETA for new pricing to show up in the CPQ?`) asks how
    # (`…on 412's ride home?`)
    r"what(?:'s| is) the eta (?:on|for|of) (?:the |my |our |your |this |that )?[\w.#'-]+"
    r"(?: [\w.#-]+){0,2}\s*\?",
    # the same of a thing named at more length (`what's the ETA on the new ice machine for floor
    # 3?`), with no verb of a process after it (`…for new pricing to show up…` asks how)
    r"what(?:'s| is) the eta (?:on|for) (?:the |my |our |your |this |that )(?:(?!to\b)[\w.#'-]+ )"
    r"{2,6}?(?!to\b)[\w.#'-]+\s*\?",
    # whether any of a stock is left (`do we have any rollaway beds left or are they all out?`)
    r"^(?:do|does) (?:we|you|anyone) (?:still )?have any (?:more )?(?:[\w-]+ ){1,4}left\b",
    r"\bor are (?:they|those|these|we) all (?:out|gone|used up|taken)\b",
    # how things stand until now (`what's the customer impact so far?`), as `yet?` asks
    r"\bso far\s*\?",
    # whether a thing is done or still waiting (`Initech renewal signed? or still with legal?`)
    r"\bor (?:is it |are they |is that |are we )?still (?:with|sitting with|waiting on|waiting for|"
    r"pending|in review|in progress|open|blocked|stuck)\b",
)

# Words of work: a question carrying one is about the job, not the weekend.
_WORK = (
    # engineering
    r"api|apis|sdk|endpoint|deploy\w*|build|builds|ci|cd|pipeline|pipelines|repo|repos|"
    r"branch\w*|merge|rebase|commit|commits|pr|prs|test|tests|testing|docker|kubernetes|k8s|"
    r"kubectl|helm|terraform|aws|gcp|azure|lambda|cloudfront|s3|database|databases|db|postgres|"
    r"mysql|sql|query|queries|schema|migration|migrations|table|column|index|cache|caching|queue|"
    r"kafka|redis|service|services|server|cluster|pod|pods|logs|logging|error|errors|exception|"
    r"bug|bugs|crash|timeout|times out|latency|config|configure|env|staging|prod|production|"
    r"release|version|library|package|npm|pip|python|java|golang|react|webpack|vite|git|github|"
    r"gitlab|jira|confluence|notion|runner|runners|cron|script|code|ssl|certificate|dns|domain|"
    r"sso|saml|okta|oauth|2fa|mfa|vpn|password|credentials|token|secret|secrets|key|keys|"
    r"encryption|graphql|websockets?|flag|flags|header|headers|payload|webhook|integration|"
    r"sandbox|grafana|datadog|alerting|alerts?|on-call|incident|runbook|slo|slos|sla|"
    r"load test\w*|dev env|local dev\w*|laptop|printer|monitor|wiki|",
    # the devices of an office or a classroom
    r"computer|computers|desktop|chromebook|chromebooks|ipad|ipads|tablet|tablets|projector|"
    r"smartboard|doc cam|document cam|document camera|hdmi|copier|scanner|keyboard|"
    r"webcam|headset|",
    # data and design
    r"data|dashboard|dashboards|looker|tableau|snowflake|dbt|redshift|warehouse|metric|metrics|"
    r"analytics|event|events|notebook|pandas|pivot|spreadsheet|sheets|excel|airtable|model|"
    r"figma|storybook|component|components|design system|tokens|font|icons?|prototype|"
    r"accessibility|ux|ui|brand|logo|style guide|mockups?|wireframes?|"
    # sales and customers
    r"salesforce|crm|hubspot|gainsight|opportunity|opp|deal|deals|quota|territory|territories|"
    r"commission|spifs?|discount|pricing|price|quote|proposal|renewal|contract|contracts|"
    r"prospect|prospects|customer|customers|client|clients|lead|leads|rfp|nda|dpa|msa|partner|"
    r"reseller|churn|arr|mrr|nps|cac|ltv|csm|trial|onboard\w*|zendesk|ticket|tickets|escalat\w*|"
    r"support|sla|",
    # finance
    r"invoice|invoices|expense|expenses|expens\w+|reimburs\w*|budget|cost center|gl code|po|"
    r"purchase|requisition|netsuite|xero|quickbooks|payroll|tax|taxes|withholding|revenue|"
    r"forecast|accrual|audit|exchange rate|corporate card|mileage|receipt|refund|refunds|billing|"
    r"payment|payments|subscription|subscriptions|spend|vendor|vendors|procurement|w-9|"
    r"cost|costs|quarter close|month end|per diem|",
    # people and policy
    r"pto|leave|parental|benefits|insurance|401k|pension|bonus|bonuses|equity|stock options|"
    r"salary|pay|promo packet|promotion|performance|pip|offer letter|offboard\w*|"
    r"background check|visa|sponsorship|hiring|candidate|candidates|interview|greenhouse|workday|"
    r"bamboohr|policy|policies|handbook|referral|contractor|contractors|headcount|okrs?|"
    r"vacation days|learning budget|training|relocation|remote|",
    # operations and tools
    r"process|procedure|sops?|compliance|gdpr|soc ?2|iso|security|questionnaire|retention|"
    r"approval|approve|approved|access|permission|permissions|admin|account|accounts|"
    r"template|templates|doc|docs|documentation|deck|slides|roadmap|zoom|1password|"
    r"calendar|shared drive|inbox|email|allowlist|status page|inventory|shipping|returns|"
    r"audit log|quota|osha|regulation|regulations|permit|permits|inspection|inspections|",
    # legal, marketing and planning
    r"legal|lawyer|counsel|trademark|trademarks|patent|license|licence|licensing|licensed|"
    r"subprocessors?|sow|rate card|kpi|kpis|press|journalist|media|campaign|campaigns|webinar|"
    r"seo|utm|attribution|newsletter|ads|payday|paycheck|payslip|stipend|calibration|"
    r"review cycle|forecast\w*|plan|planning|roadmap|"
    # a trading desk's and its middle office's: trades, their settlement and the fund's books
    r"trade|trades|trading|settlement|settlements|custodian|broker|brokers|recon|recons|"
    r"reconciliation|nav|margin call|collateral|isin|cusip|ssi|ssis|fx|repo|swift|bloomberg|"
    r"bbg|oms|blotter|counterparty|isda|csa|corporate action|coupon|accrued|"
    # a design practice's: its models, drawings, and the codes and permits they answer to
    r"revit|autocad|cad|bim|rhino|grasshopper|sketchup|drawings?|elevations?|floor plans?|"
    r"permit|permits|permitting|building code|egress|occupancy|zoning|setbacks?|fire rating|"
    r"sprinklered|rfi|rfis|submittals?|as-builts?|"
    # a newsroom's: what it prints and what the law lets it print
    r"headline|headlines|byline|bylines|lede|dateline|obit|obituary|libel|"
    r"defamation|defamatory|embargo|embargoed|court filing|court filings|affidavit|foia|juror|"
    r"jurors|copyright|"
    # a port's, a warehouse's and a carrier's: boxes, the machines that move them, what they carry
    # and the rules for dangerous goods
    r"container|containers|crane|cranes|vessel|vessels|cargo|freight|shipment|shipments|pallet|"
    r"pallets|reefer|reefers|customs|hazmat|imdg|dangerous goods|lashing|"
    r"berth|stowage|bill of lading|manifest|segregation",
)
# a reading in a unit of engineering (`discharge at 210 psi`, `runs at 1200 rpm`, `9°C`): a
# machine's or a process's; not an amount of stock (`15 ml tubes`) or a distance run
_READING = (
    r"\d+(?:[.,]\d+)? ?(?:psi|kpa|mpa|rpm|hz|khz|mhz|ghz|kw|kwh|kva|vac|vdc|volts?|amps?|ohms?|"
    r"ppm|ms|fps|°f|°c|degf|degc|cfm|gpm)"
)
WORK_WORDS = phrases(*(word for word in "|".join(_WORK).split("|") if word), _READING)
INTERROGATIVE_OPENERS = frozenset(
    "how what where who which why when whats is are can could does do did should would will "
    "has have any anyone anybody am may".split()
)

# Chat spellings read as the words they stand for.
CHAT_SPELLINGS = {
    "hw": "how",
    "wat": "what",
    "wht": "what",
    "whats": "what's",
    "wheres": "where's",
    "whos": "who's",
    "whom": "who",
    "r": "are",
    "u": "you",
    "ur": "your",
    "im": "i'm",
    "dont": "don't",
    "cant": "can't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "some1": "someone",
    "ppl": "people",
    "any1": "anyone",
    "ne1": "anyone",
    "kno": "know",
    "knw": "know",
    "halp": "help",
    "wut": "what",
    "whr": "where",
    "wher": "where",
    "abt": "about",
    # question words and asking words typed with two letters swapped
    "hwo": "how",
    "waht": "what",
    "whta": "what",
    "wehre": "where",
    "whcih": "which",
    "wich": "which",
    "anyoen": "anyone",
    "anyobdy": "anybody",
    "soemone": "someone",
    "someoen": "someone",
    "knwo": "know",
    "thru": "through",
}

# Words before the real opening of a sentence: `hey all, btw, quick one: how do we …`.
LEAD_INS = frozenset(
    "hey hi hello hiya so btw ok okay also and but quick one q question hmm folks team all "
    "everyone guys y'all ps fyi sorry random dumb silly stupid".split()
)

# Messages that are nothing but a greeting, thanks or an acknowledgement.
GREETING_WORDS = frozenset(
    "hi hey hello hiya heya hey-hey yo howdy hola hallo bonjour hej gm morning afternoon evening "
    "good night greetings sup bye goodbye cya ttyl later see soon tomorrow have a great nice day "
    "weekend happy monday tuesday wednesday thursday friday".split()
    # the same in a few other languages a workspace may write in
    + "olá ola ciao salut servus привет здравствуйте こんにちは おはよう おはようございます "
    "你好 안녕하세요".split()
)
THANKS_WORDS = frozenset(
    "thanks thank thx ty tysm thnx cheers appreciate appreciated kudos".split()
    + "gracias merci danke obrigado obrigada grazie спасибо ありがとう "
    "ありがとうございます 谢谢 감사합니다 고맙습니다".split()
)
ACK_WORDS = frozenset(
    "ok okay k kk cool great nice got it sounds good sure yes yep yeah yup no nope np worries "
    "perfect awesome agreed noted will do lgtm done merged same here interesting on my way "
    "ack roger makes sense".split()
)
# Acknowledgements of more than one word: their words acknowledge only together, so a message
# opening on one of them alone (`my VPN drops…`, `will the deploy…`, `same error here…`) is not
# an acknowledgement.
ACK_PHRASES = (
    "got it", "sounds good", "no worries", "will do", "makes sense", "on my way", "same here"
)  # fmt: skip
ACK_ONLY_IN_PHRASES = frozenset(word for phrase in ACK_PHRASES for word in phrase.split()) - {
    "no", "good"
}  # fmt: skip
FILLER_WORDS = frozenset(
    "everyone everybody all y'all yall team folks there guys people @person @here askaround "
    "bot friend friends mate again so much a lot ton tons heaps many very and you you're your "
    "hope well for the help again to too :) !".split()
)
