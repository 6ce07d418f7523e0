"""Asking how things work, where they are or what the rule is (`asks how`, +0.45), and the best
way to do a thing, asked as an opinion."""

from __future__ import annotations

from bot.questions import detect_languages as languages
from bot.questions.detect_words import (
    azerbaijani_georgian_armenian_nepali_welsh,
    icelandic_albanian_macedonian_basque,
    slavic_baltic_afrikaans_catalan_telugu,
    slovak_slovene_estonian_latvian,
    south_asia_east_africa,
    tagalog_hausa_amharic_tamil,
)
from bot.questions.detect_words.fragments import DE_CLAUSE, SOMEONE, phrases

# A method someone knows, asked as an opinion (`wdyt is the best way to…`).
BEST_WAY = (
    r"(?:best|right|correct|recommended|proper|cleanest|easiest|fastest|safest|simplest) "
    r"(?:way|approach|pattern|practice|setup|tool|library)\b"
)

# Acts whose leave is the one who decides, not a rule (`can an intern leave early if it's
# quiet?`): a word of them, in a role asked about, is no rule asked.
_NOT_A_RULE = (
    r"(?:get|have|move|leave|go|take|come|bring|join|borrow|stay|grab|skip|swap|start|finish|"
    r"work from|wfh)\b"
)

# A question about how things work, where they are, or what the rule is.
ASKS_HOW = phrases(
    # the cause of a thing's behaviour, asked (`why would the titrator read higher in the
    # morning?`, `why would a relay trip with no gas?`), as `what would cause…` asks; `why would
    # anyone do that?` is rhetorical
    r"(?:^|(?<=[.!?,:] ))why would (?:the|a|an|my|our|this|that|these|those) ",
    # what the rule is in a case set out first (`if a load is cancelled after arrival, do we
    # still pay…?`, `when a client gets a grant, does it go in other income…?`, `…, can we still
    # refund it?`); the case is a thing's, not the reader's time (`if you're free, can we sync?`
    # asks one person), and `once the build is green, can we merge?` asks leave to go ahead
    r"(?:^|(?<=[.!?] ))(?:if|when|once|in case) (?!(?:you|u|ur|y'all|you guys)\b)[^?,]{5,120}, "
    r"(?:(?:do|does|should) (?:we|i|they|it|he|she)|(?:can|could|may) (?:we|i|they|he|she) "
    r"(?:still|also|ever|legally)) [^?]{1,120}\?",
    # where a thing is kept, asked inside another ask (`can someone tell me where the fleet log
    # is kept now`, `anyone know where the spare toner is stored`), as `where do we keep…` asks;
    # `this is where the binders are kept now` tells
    r"(?:know|tell (?:me|us)|remind (?:me|us)|show (?:me|us)|idea|wondering|sure|point me to) "
    r"where (?:the |our |all the |we |they )?(?:[\w.'-]+ ){1,4}(?:is|are|get|gets) "
    r"(?:kept|stored|filed|saved|archived)\b",
    # what size, type or class a rule requires (`what size fire extinguisher is required by the
    # charging station?`), as `which form do I need` asks
    r"(?:what|which) (?:size|type|kind|class|grade|rating|sort|spec|model) (?:of )?"
    r"(?:[\w.'-]+ ){1,3}(?:is|are) (?:required|needed|mandatory|allowed|approved|permitted)\b",
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
    r"how to(?! feel\b)",
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
    # advice invited on doing a thing (`pointers on running a retro across timezones appreciated`,
    # `tips for writing label copy welcome`): how to do it, as `how do I…` asks
    r"(?:pointers|tips|advice|suggestions|input) (?:on|for|about) (?:how to [\w-]+|(?!(?:nothing|"
    r"something|anything|everything)\b)[\w-]+ing)\b[^.!?]{1,100}\b(?:appreciated|welcome)",
    # when the cutoff for doing a thing is (`when's the cutoff for sending texts to the printer`,
    # `when is the deadline to submit receipts`): a rule of the process; `when's the deadline?`
    # alone asks the date of one named event
    r"when(?:'s| is) the (?:[\w-]+ )?(?:cutoff|cut-off|deadline|closing date|last day) (?:for "
    r"[\w-]+ing|to [\w-]+)\b",
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
    r"[\w.#'-]+(?: [\w.#-]+){0,2}(?: @person)*\s*\?)(?! (?:on|for) (?:the |my |our |your |this |"
    r"that )(?:(?!to\b)[\w.#'-]+ ){2,6}?(?!to\b)[\w.#'-]+(?: @person)*\s*\?)|"
    r"expected|typical|normal|usual|max|"
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
    # whether an act is allowed when a condition holds (`can we deny a mold claim outright if the
    # policy has the fungi exclusion…`, `can I sign a CRS for a task I didn't do if I supervised
    # it?`); `can we meet at 3 if the room is free?` or `can I leave early if it's quiet` asks the
    # one who decides; the same asked of anyone in a role (`can a staff accountant sign off as
    # preparer if they're not a CPA yet`, `can a trainee drive the shunter if…`): what the rules
    # let them do (one alternative for both, so the opening is looked for once)
    r"(?:^|(?<=[.!?:] ))(?:so |but |and )?(?:can|could|may) (?:(?:we|i) (?!(?:get|have|move|push|"
    r"reschedule|skip|cancel|meet|sync|chat|talk|leave|go|head|take|come|start|finish|grab|"
    r"borrow|join|swap|stay|work from|wfh|order|bring|call|hop|jump)\b)|(?:a|an) "
    rf"(?:(?!{_NOT_A_RULE})[\w'-]+ ){{1,3}}?(?!{_NOT_A_RULE}))(?:[\w'.$/-]+ ){{1,12}}?if "
    r"(?:the|a|an|it|it's|they|their|our|we|i|he|she|his|her|my|there|someone|no one|nobody)\b",
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
    # and where its latest version is (`where's the latest onboarding checklist?`, `where is the
    # current version of the fire plan`), as `where can I find…` asks
    r"(?<!@person )where(?:'s| is| are) (?:the |our )?(?:latest|current|newest|most recent|"
    r"up-to-date|updated) (?:version of (?:the |our )?)?(?:[\w-]+ ){0,3}(?:doc|docs|"
    r"documentation|runbook|playbook|guide|sop|procedure|policy|instructions|template|checklist|"
    r"spec|specs|drawings?|form|manual|handbook|version|copy)\b",
    # where a thing is filed, asked as a choice (`do fringe benefits go under personnel or a
    # separate line`, `does the deposit go in capex or opex?`)
    r"(?:do|does|should) (?:the |a |an |our |my )?[\w-]+(?: [\w-]+){0,3} (?:go|belong|get booked|"
    r"get coded|get filed) (?:under|in|into|on|to|as) [^?.!]{1,40} or\b",
    # how a thing is to be treated, asked as a choice (`should deferred revenue be split into
    # current and non-current…, or is it all current`, `should the refund be booked against the
    # original invoice or as a new credit`); `should the standup be moved to 10 or 11` is the
    # team's call
    r"^(?:so |but |and )?should (?:the |a |an |our |my |this |these |those |that )?[\w-]+"
    r"(?: [\w-]+){0,7} be (?:split|classified|recorded|booked|recogni[sz]ed|treated|"
    r"capitali[sz]ed|expensed|reported|disclosed|coded|filed|taxed|accrued|deferred|amorti[sz]ed|"
    r"depreciated|presented|shown|included|excluded|counted|logged|charged|billed|allocated|"
    r"tracked|stored|labell?ed|categori[sz]ed|invoiced|posted|netted|grossed up)\b[^?.!]{0,120}?"
    r"\bor\b",
    # a person sought for what they have done or know (`need someone who's done a traction motor
    # change on these`, `looking for somebody who knows the LSTA report`) is asked how it is done;
    # `need someone to cover Friday` asks a hand
    r"(?:need|needs|needed|looking for|seeking|searching for|could use) (?:some|any)(?:one|body) "
    r"(?:here )?(?:who(?:'s| has| have|'ve) (?:already |ever |previously )?(?:done|dealt|handled|"
    r"worked|used|set up|configured|replaced|changed|run|been through|filed|written|submitted|"
    r"fitted|installed|built|fixed|repaired|led|prepared|completed)|who (?:knows|understands|"
    r"is familiar|'s familiar|is experienced|has experience|knows their way))\b",
    r"is there a reason (?:we|why|that|for)|"
    r"there(?: must| has to| has got to|'s got to| should) be an? (?:smarter|better|easier|faster|"
    r"quicker|simpler|cleaner|less painful|more efficient) way",
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
    # (and `¿qué hacemos con los módulos rotos?`, as `what do we do with…` asks)
    r"¿\s*que (?:hacemos|hago|se hace) con\b|"
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
    # how the others deal with a thing (`Wie geht ihr mit E-Mails um, die zu mehreren Mandaten
    # gehören?`), as `wie macht ihr das mit…` asks
    r"wie (?:geht ihr|gehst du|gehen sie|geht man) (?:(?:denn|eigentlich|bei euch|so) )*mit "
    r"[^.!?]{1,80}\bum\b|"
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
    # how a rule or an arrangement works (`hoe zit het met de btw op diensten aan een Belgische
    # klant?`); how a thing stands is `hoe staat het met`
    r"hoe zit het (?:nou |nu |eigenlijk |precies )*met\b",
    r"jak (?:moge|mam|mozna|zrobic|ustawic)|gdzie (?:znajde|moge|mozna)",
    # where a thing is kept, asked in Polish, Portuguese and Italian (`gdzie trzymamy zapasowe
    # klocki?`, `onde fica o manual do pantógrafo?`, `dove teniamo i ricambi?`), as `where do we
    # keep…` asks; a thing lost (`gdzie jest mój telefon`) is not among them
    r"gdzie (?:trzymamy|trzymacie|przechowujemy|przechowujecie|sa trzymane|sa przechowywane|jest "
    r"trzymany|jest przechowywany|znajdziemy|znajdziecie)\b|"
    r"onde (?:(?:se )?guarda(?:m|mos)?|ficam? (?:guardad[oa]s? )?(?:o|a|os|as) (?:manual|manuais|"
    r"procedimento|procedimentos|modelo|modelos|formulario|formularios|planilha|documentacao|"
    r"instrucoes|politica|ficha|fichas|contrato|contratos|template|templates))\b|"
    r"dove (?:teniamo|tenete|si tengono|si tiene|sono (?:conservat|tenut)[ie]|si trova(?:no)? "
    r"(?:il|la|i|le|lo|gli) (?:manuale|procedura|modulo|moduli|modello|modelli|documentazione|"
    r"istruzioni))\b",
    r"jaka jest (?:procedura|polityka|zasada)",
    r"hur (?:gor|kan|ska|far|bor) (?:jag|man|vi)|var (?:hittar|kan|ska) (?:jag|man|vi)|"
    r"finns det (?:nagot satt|ett satt|en mall|en rutin|nagon rutin|en guide)",
    # Turkish `how / where … can I` (`-abilirim`, `-ebilirim`) or `is it done` (`yapılır`)
    r"(?:nas[iı]l|nerede|nereden) (?:\w+ ){0,3}\w*(?:abilirim|ebilirim|abiliriz|ebiliriz|"
    r"yap[iı]l[iı]r|yapar[iı]m|yapar[iı]z|eder[iı]m|ederiz|edilir|ayarlan[iı]r|bulunur)\b|"
    # how a thing is done, any verb in the passive (`nasıl düzeltiliyor?`, `nasıl
    # kullanılıyor`), as `yapılır` asks
    r"nas[iı]l (?:\w+ ){0,2}\w+(?:[iıu]l[iıu]yor|[iıu]n[iıu]yor|[iıu]l[iıu]r|[iıu]n[iıu]r)\b|"
    # what the procedure, the process or the rule is, or how it works (`prosedür ne?`, `süreci
    # nasıl işliyor?`)
    r"(?:prosedur|surec|kural|yontem)\w* (?:ne|nedir|nas[iı]l(?: \w+yor)?)\b|"
    # which form or paper one takes (`hangi formu kullanıyoruz?`, `hangi belge gerekiyor?`), as
    # German's `welches Formular brauche ich` asks; `hangi form daha güzel` asks a taste
    r"hangi (?:form|belge|evrak|dilekce|sablon|template)\w* (?:kullan[iı]yoruz|"
    r"kullan[iı]l[iı]yor|kullanmam gerek\w*|kullanmal[iı]y[iı][mz]|doldur\w*|gerek\w*|"
    r"laz[iı]m|isteniyor)",
    r"kaise (?:kare|karein|karen|karte|karu|karun|kar sakte|kar sakta|kar sakti|milega|milta|"
    # what one has done for one (`badge register kaise karwaun?`)
    r"karwaun|karwaen|karwayen|karwayein|karwana|karwate)|"
    # the same with its object between, asked (`kaise pata karein?`, `kaise add karte hain?`);
    # `kaise kaam karein 😩`, unasked, sighs
    r"kaise (?:\w+ ){1,2}(?:kare|karein|karen|karte|karna|karu|karun)\b[^.!?]{0,80}\?|"
    r"kaha(?:n|an)? (?:milega|milegi|milta|milti|dekhe|dekhu|dekhein|check|verify|submit|apply)|"
    r"(?:process|tarika|procedure|protocol|rule|policy|usool|niyam) kya hai|"
    r"kya (?:process|tarika|procedure|protocol|rule|policy|usool|niyam) hai",
    r"(?:bagaimana|gimana|gmn) (?:cara|caranya|prosesnya|prosedurnya)|cara(?:nya)? (?:\w+ ){0,3}"
    r"(?:gimana|bagaimana)|di ?mana (?:saya |kita )?bisa|apa (?:prosedur|proses|aturan)nya",
    r"как (?:мне|можно|правильно) |как (?:настроить|сделать|получить|оформить|продлить|найти|"
    r"подключить|поменять|изменить|добавить|запросить)|где (?:наити|можно|посмотреть|взять|лежит|"
    r"лежат|хранится|хранятся)|какая процедура|какои порядок|есть ли (?:способ|инструкция|шаблон)",
    # (the verb's stem before its ending too: `…로딩 순서는 어떻게 제어하나요?`)
    r"어떻게 (?:\S+ ){0,2}(?:하나요|해야|하면|하죠|할|되나요|하는|설정|신청)|"
    # typed without its `?` too, any verb (`…어떻게 확인하나요`, `캐시 어떻게 비우나요`, `어떻게
    # 해야 할까요`); not an opinion, how someone is or spends a day, or how a thing turned out
    # (`어떻게 생각하세요`, `어떻게 지내나요`, `어떻게 됐나요`)
    r"어떻게 (?:\S+ ){0,2}(?!생각|지내|지냈|보내|보냈|됐|되었)\S+"
    r"(?:나요|까요|해야 하나요|하면 되나요)(?=\s|$|[.,!?])|방법(?:이|을)? "
    # where one does a thing, the verb's ending joined to it (`어디서 확인하나요`)
    r"(?:있나요|있을까요|알려)|어디(?:에)?서 (?:\S+ ){0,2}(?:확인|찾|신청|볼 수|하나요|해요|하죠|"
    r"하면 |할 수)\S*",
    # which method or tool to use, in Polish (`Jaki test statystyczny zastosować przy trzech
    # grupach?`, `którego narzędzia użyć…?`), as `welches Tool nehmt ihr` asks
    r"(?:jaki|jaka|jakie|jakiego|jakiej|ktory|ktora|ktore|ktorego|ktorej) (?:[\w-]+ ){0,3}"
    r"(?:zastosowac|uzyc|wybrac|stosowac|uzywac|wziac)\b[^.!?]{0,80}\?",
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
    *south_asia_east_africa.ASKS_HOW,
    *tagalog_hausa_amharic_tamil.ASKS_HOW,
    *slavic_baltic_afrikaans_catalan_telugu.ASKS_HOW,
    *slovak_slovene_estonian_latvian.ASKS_HOW,
    *icelandic_albanian_macedonian_basque.ASKS_HOW,
    *azerbaijani_georgian_armenian_nepali_welsh.ASKS_HOW,
)
