"""A question put to one named person, or about a meeting, or a favour asked (`put to one
person`, −0.6): they already know whom to ask."""

from __future__ import annotations

from bot.questions.detect_words.fragments import (
    ASKING_WHO,
    DE_CLAUSE,
    FAVOUR_DE,
    FAVOUR_ES,
    FAVOUR_FR,
    FAVOUR_PT,
    SERVICE,
    SOMEONE,
    STAND_IN,
    THE_WAY_ASKED,
    phrases,
)

# A question put to one named person, or about a meeting: they already know whom to ask.
PERSONAL = phrases(
    r"(?:can|could|would|will) you (?:check|leave|add|fill|comment|proofread|print|book|schedule|"
    r"invite|open|close|sign|fix|merge|upload|resend|put)",
    r"(?:can|could|would|will|did|have|are|were) you (?:send|approve|review my|grab|share|join|"
    r"get a chance|free|joining|back|around|coming|forward|sign|update|ping|call|move|push)",
    # (`how did you fix it?` asks the way, `THE_WAY_ASKED`)
    r"(?<!how )(?:have|did) you (?:already )?(?:approved|sent|seen|had|finished|done|read|booked|"
    r"signed|submitted|fixed|merged|updated|replied|called|emailed|pinged|uploaded|shared|forwarded|"
    r"heard|checked|talked|spoken)",
    r"(?<!how )did you (?:already )?(?:finish|send|see|get|read|check|hear|sign|submit|book|fix|"
    r"merge|update|reply|call|email|ping|upload|share|forward|remember|manage|talk|speak)",
    r"can we (?:move|push|reschedule|skip|cancel|meet|sync|chat|talk)",
    # a copy of a thing asked for (`can i get a copy of the slides?`), as `can you send me…` is
    r"(?:can|could|may) (?:i|we) (?:please )?(?:get|have|grab|borrow) (?:a |an )?(?:copy|copies) "
    r"of\b",
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
    # someone's time asked for (`does anyone happen to have 10 min to pair on this?`, `anyone got
    # a few minutes for a call`): a favour; time to help with a thing or explain it asks what
    # they know (`does anyone have a moment to help me with the pivot table?`), but not a hand
    # lent to move or carry a thing (`anyone have 10 min to help me move the plinths`)
    rf"{SOMEONE}(?: (?:happen to|still))? (?:have|has|got) (?:\d+|a few|a couple(?: of)?|five|"
    r"ten|fifteen|twenty|thirty|half an|an|a) ?(?:min|mins|minutes?|secs?|seconds?|moments?|"
    r"hours?|hrs?)\b(?! (?:to|for) (?:help(?! (?:me|us) (?:move|carry|lift|shift|unload|load|pack|"
    r"unpack|set up|stack|haul|hang|put up|take down|clean up|clear out)\b)|explain|show|walk)\b)",
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
    rf"have|will|(?!{THE_WAY_ASKED})how did|how was|how's|what are|when are|where are) "
    r"(?:you|your)\b",
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
