"""Asking for a person who knows, or for help, directly (`asks for help`, +0.6): in English here,
then in the languages of `help_languages` and of `bot/questions/detect_languages.py`."""

from __future__ import annotations

from bot.questions import detect_languages as languages
from bot.questions.detect_words import (
    azerbaijani_georgian_armenian_nepali_welsh,
    help_languages,
    icelandic_albanian_macedonian_basque,
    slavic_baltic_afrikaans_catalan_telugu,
    slovak_slovene_estonian_latvian,
    south_asia_east_africa,
    tagalog_hausa_amharic_tamil,
)
from bot.questions.detect_words.fragments import (
    CAUSE,
    CULPRIT,
    ERROR_RAISED,
    FAULT,
    FAULT_ING,
    FAULTY_THING,
    HELP_VERBS,
    SOMEONE,
    STAND_IN,
    THE_WAY_ASKED,
    THOUGHT_CAUSE,
    phrases,
)

# Someone new at the place or the job, saying so (`it's my first week`, `I'm new here`).
NEWCOMER = (
    r"(?:(?:(?:it's|its|it is|this is) (?:my|our) )?first (?:week|day|month|shift|rotation)(?: as|"
    r" on| in| at| here)\b|(?:i'm|im|i am) (?:still |pretty |brand |very )?new (?:here|to|in|"
    r"on|at)\b|soy nuev[oa]\b|(?:main|mai) naya (?:hu|hoon)\b)"
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
    # what makes a thing behave so, asked (`what makes a pump cavitate?`, `what usually makes the
    # scanner skip pages?`), as `what causes…` asks; what makes a person tick, or a thing good,
    # special or different, is taste
    r"what (?:usually |typically |normally |would |could |might )?makes? (?:a|an|the|our|my|this|"
    r"that|these|those) (?![^?.!]*\b(?:good|great|better|best|worse|special|unique|different|"
    r"tick|happy|so|such)\b)(?:[\w-]+ ){1,3}[\w-]+\b[^?.!]{0,40}\?",
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
    r"deployed|upgraded|switched|scripted|replaced|swapped|repaired|rebuilt|serviced|retrofitted|"
    r"commissioned|overhauled|rewired|refurbished|changed|"
    # a procedure gone through (`has anyone renewed a seafarer endorsement online?`)
    r"renewed|registered|applied for|extended|obtained|legalised|legalized|apostilled|"
    r"notarised|notarized) (?!the |my |our |your |his |her |"
    r"their |this |that |it |them )",
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
    # (`who decided to repaint the lobby?` blames a choice already made; `who decided on the
    # vendor?` asks whose it was)
    rf"who(?:'s| is)? (?:knows(?!\s*[,.!]|\s*$)|(?:can|could)(?! {STAND_IN})(?!\s*\?)|owns|"
    r"handles|manages|maintains|reviews|approves|"
    r"is the (?:right|best|go-to)|the (?:right|best|go-to)|should i|do i|would i|has admin|"
    r"has access|has context|has experience|is responsible|approved|negotiated|decided(?! to\b)|"
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
    # who holds a thing (`who has the login for the vendor portal`; a key to a door is a thing to
    # hand over, `SOCIAL`); `who has the bandwidth`
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
    # the same of a kind of thing behaving a way, told at length (`anyone seen a recloser lock out
    # after 2 shots when it's set for 3?`); a thing lost is named in a few words (`has anyone
    # seen a grey USB-C charger?`), or said to be left or lost
    # and of a named thing seen failing, its verb told (`anyone seen rccl all_reduce hang after…`);
    # a person dropping by is no fault
    rf"{SOMEONE}(?: here| else)?(?: ever)? seen {FAULTY_THING}{FAULT}s?\b(?! by\b| in\b| off\b)",
    # (or stuck in a state: `has anyone seen cert-manager stuck in Pending`)
    rf"{SOMEONE}(?: here| else)?(?: ever)? seen {FAULTY_THING}(?:get |getting )?stuck "
    r"(?:in|on|at)\b",
    # (or raising an error, pasted or named: `has anyone seen the importer throw `ERR 1042` on…`,
    # `anyone seen Jenkins return a 502 error`)
    rf"{SOMEONE}(?: here| else)?(?: ever)? seen {FAULTY_THING}{ERROR_RAISED}",
    rf"{SOMEONE}(?: here| else)?(?: ever)? seen (?:a|an) (?![^?]*\b(?:left|lost|misplaced|"
    r"dropped|forgot|forgotten|belongs?|lying|around|anywhere|somewhere)\b)(?:[\w'.-]+ ){5}",
    # a thing's fault named by its verb asks for the cause (`why does the conveyor jam before the
    # scale`, `why is the badge reader flickering?`), and so does a thing right in one place and
    # wrong in another (`why would the invoice look fine in preview but print cut off?`); a fault
    # always or again sighs (`why does the printer jam again`), and people are no thing
    rf"why (?:does|do|did|would) {FAULTY_THING}(?:keep |still |randomly |suddenly |sometimes )?"
    rf"{FAULT}s?\b",
    rf"why (?:is|are|was|were) {FAULTY_THING}(?:still |randomly |suddenly |sometimes )?"
    rf"{FAULT_ING}\b",
    # a reading asked about, as a fault is (`why is the HMI showing tank 2 at 105%?`, `why does
    # the scale read 0.3 with nothing on it`)
    rf"why (?:is|are|was|were|does|do|did|would) {FAULTY_THING}(?:still |suddenly )?(?:show|"
    r"shows|showing|read|reads|reading|display|displays|displaying|report|reports|reporting|"
    r"register|registers|registering) (?:[\w.'%-]+ ){0,3}?(?:at |as |of |about |around |over |"
    r"under |only |just )?[-+]?\d[\w.,%/°-]*",
    # (or right for a while and wrong after: `why would a PRV hold fine all day and then spike at
    # night?`)
    rf"why (?:would|does|do|did|is|are|will) {FAULTY_THING}(?:fine|ok|okay|"
    r"correct|correctly|right|normal|normally|perfect|perfectly) [^?.!]{0,60}?\b(?:but|and then|"
    r"then|until|till)\b",
    # someone with a skill (`anyone good with SQL?`, `anybody handy with Canva`), as `anyone
    # familiar with…` asks
    rf"{SOMEONE}(?: here)? (?:good|handy|decent|experienced|skilled|proficient|strong) (?:with|"
    r"at|in) (?!(?:the moment|all|everything|this point)\b)(?=\w)",
    # whether a thing works one way only, asked without its `?` (`does the inverter take setpoints
    # over modbus or only through the plant controller`)
    r"^(?:does|do|can|will|is|are) [^?.!]{3,100}? or only\b",
    r"hoping (?:some|any)(?:one|body)(?: [\w-]+){0,3} (?:can|could|might|will|knows)",
    r"sanity[- ]check(?: my understanding| from| on|:)",
    r"(?:can't|cannot|can not|couldn't) (?:get|make) \w+(?: [\w.-]+){0,6} to \w+",
    THE_WAY_ASKED,
    r"(?:can't|cannot|can not|couldn't) (?:see|tell) (?:why|how|what|if|whether)",
    # a name someone remembers (`there was a channel for that, what was it called?`)
    r"what(?:'s| is| was| were) (?:it|that|this|they|the [\w-]+(?: [\w-]+)?) called|"
    r"what(?:'s| is| was) the name (?:of|for)",
    # the writer blocked (`blocked on the okta callback`, `we're blocked by…`); another person
    # or team blocked (`customer blocked on login`, `Marketing is blocked on…`) is a report
    r"(?:\A|[.!?,;:] |\b(?:i|i'm|im|we|we're|am|still|currently|totally|completely|"
    r"been|kinda|bit|so|really) )blocked (?:on|by)",
    # two things the writer keeps confusing, said after asking which is which (`what triggers a
    # non-waiver agreement vs a ROR letter? I always mix them up`); `the kids mix them up` tells
    r"(?:i|i'm|im) (?:always |still |keep |constantly )?(?:(?:mix|mixing) (?:them|these|those|"
    r"the two|the 2|both) up|(?:get|getting) (?:them|these|those|the two|the 2|both) (?:mixed "
    r"up|confused)|(?:confuse|confusing) (?:them|these|those|the two|the 2))\b|"
    r"(?:i|i'm|im) (?:always |still |constantly )?(?:get|getting) confused (?:between|about|"
    r"with|by|on)\b",
    r"(?:stuck on|stuck with|struggling with|can't figure out|"
    r"cannot figure out|can't work out|confused about|unsure (?:how|whether|what|which|if)|"
    r"not sure (?:how|whether|what|which|if|where|who))"
    # (a mood is no question of how, `not sure how to feel about the new rota`, a small talk's
    # phrase; nor a doubt the writer answers with resolve, `not sure how we'll fit it all in, but
    # let's try`)
    r"(?! (?:to|i|we) feel\b)"
    r"(?![^?.!]{0,80}\bbut (?:let's|lets|we'll|i'll) (?:try|see|give it a (?:go|shot|try)|"
    r"manage|make it work)\b)",
    # not knowing, said as `no idea what a graceful restart helper is`, as `not sure what`
    r"no idea (?:how|whether|what|which|if|where|who|why)",
    r"(?:wondering|curious|i wonder) (?:if|how|whether|what|why|who|where|which)",
    r"(?:trying|try|need|want|'d like|would like) to (?:figure out|understand|work out|find out|"
    r"know|learn)",
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
    # the same with what it is on between (`pointers on sizing the connection pool appreciated`)
    r"(?:^|(?<=[.!?:] ))(?:any )?(?:pointers|tips|advice|suggestions|recommendations|recs|input) "
    r"(?:on|for|about|re|regarding|to)\b[^.!?]{1,100}\b(?:appreciated|welcome)",
    # what the writer would be told if the reader knows it (`lmk if you know who the claims
    # contact is`, `ping me if anyone knows how…`): asked as a statement; `lmk if you need
    # anything` offers, `lmk if you're in` invites and `lmk if you know when you're back` plans
    r"(?:lmk|let me know|ping me|dm me|tell me|shout) if (?:you|u|anyone|anybody|someone|any of "
    r"you|you guys|y'all) (?:happen to )?(?:know|knows|happens to know) (?:who|how|what|where|why|"
    r"which|whether)\b",
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
    # whether the writer missed, forgot or skipped a step or a setting (`…did i miss a migration
    # step or something`, `did we skip a step?`), as `am I missing something` asks; `did i miss
    # the standup?` asks of a meeting
    r"did (?:i|we) (?:miss|forget|skip) (?:a|an|some|any) (?:[\w-]+ )?(?:step|setting|"
    r"migration|config|flag|dependency|env var|variable|package|permission|prerequisite)s?\b",
    # a newcomer saying so beside their own question (`como se registra…? it's my first week`,
    # `soy nueva en el turno, a quién llamo…?`): asking colleagues who know the place; a
    # newcomer inside a question (`can you believe it's my first week and…?`) marvels
    rf"\?\s*(?:[\w']+ )?{NEWCOMER}",
    rf"(?:^|[.!,;:] ){NEWCOMER}[^?]{{0,60}}[.,;:!] [^?]{{3,}}\?",
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
    *help_languages.ASKS_FOR_HELP,
    *languages.ASKS_FOR_HELP,
    *south_asia_east_africa.ASKS_FOR_HELP,
    *tagalog_hausa_amharic_tamil.ASKS_FOR_HELP,
    *slavic_baltic_afrikaans_catalan_telugu.ASKS_FOR_HELP,
    *slovak_slovene_estonian_latvian.ASKS_FOR_HELP,
    *icelandic_albanian_macedonian_basque.ASKS_FOR_HELP,
    *azerbaijani_georgian_armenian_nepali_welsh.ASKS_FOR_HELP,
)
