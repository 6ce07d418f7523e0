"""Small talk, invitations and rhetorical questions (`small talk`, −1.0), and `anyone else…?`,
which echoes a complaint unless it asks for a fix or a cause."""

from __future__ import annotations

from bot.questions import detect_languages as languages
from bot.questions.detect_words.asks_how import BEST_WAY
from bot.questions.detect_words.fragments import (
    ASKING_WHO,
    CAUSE,
    ERROR_RAISED,
    FAULT_ING,
    SOMEONE,
    THOUGHT_CAUSE,
    phrases,
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
    # a mood about a thing, not a question of how (`not sure how to feel about the new rota`)
    r"(?:not sure|unsure|(?:don't|dont|do not) know|no idea) how (?:to|i|we|i'm|we're) "
    r"(?:(?:supposed|meant) to |should )?feel\b",
    r"can we all",
    # Rust's borrow checker is code, not a favour asked; `where are the spare encoders stored`
    # asks after a stock of parts, not a loan, and spare parts are bought, not lent (`how do I
    # raise a PO for spare parts?`)
    r"(?:(?<!the )(?<!our )(?<!their )spare(?! parts?\b)|borrow(?![- ]?check)|lend me|to lend\b)",
    # what is left of a stock (`should we order more swag or is the old stuff still around?`, `…or
    # is there some left in the cupboard?`) is a thing to hand over, as the spare is; `…or is the
    # old cluster enough` asks capacity
    r"\bor (?:is|are) (?:there (?:some|any|still some) (?:[\w-]+ )?left|(?:the|our) (?:old |"
    r"last |remaining )?[\w-]+(?: [\w-]+){0,4} still (?:around|left|there|in stock))\b",
    # the keys to a place or a vehicle (`i wonder if someone has the keys to the grip truck`) are
    # a thing to hand over, as a loan is; `does anyone have the key for the staging API` asks
    r"(?:has|have|got) (?:the |a |spare )?keys? to (?:the|my|our)\b",
    # and so are a piece of kit, a vehicle or a paper copy someone has (`who's got the thermal
    # camera`, `who has the 4x4 for tomorrow's inspections?`), a key to a door or a cage too
    # (`who has the key for the archive room`); `who has the admin password?` or the API key
    # asks what someone knows; and the spare, whatever it is (`who has the spare yubikey?`)
    r"who(?: has|'s got| has got) the (?:spare\b|(?:[\w'-]+ ){0,3}?(?:laptops?|cameras?|trucks?|"
    r"vans?|cars?|4x4|trailers?|carts?|forklifts?|tablets?|ipads?|radios?|detectors?|chargers?|"
    r"projectors?|drills?|ladders?|cones|hats|keys|headsets?|controllers?|devkits?|dev kits?|"
    r"gamepads?|tripods?|mics?|microphones?|adapters?|dongles?|"
    r"(?<!api )(?<!ssh )(?<!license )(?<!licence )(?<!product )key|templates?|binders?|folders?|"
    r"clipboards?|fobs?|remotes?|"
    r"vests?|harness(?:es)?|tape measures?|gloves|boots|"
    # a measuring instrument (`who's got the calibrated thermometer?`), as a tape measure is
    r"thermometers?|multimeters?|gauges?|torque wrench(?:es)?|data loggers?|testers?|"
    # a card, a badge or a pass that opens a door or a machine (`who's got the scanner card?`),
    # as a key does; a card's number or details are what someone knows
    r"cards?(?! (?:details|number|numbers|info)\b)|badges?|pass(?:es)?)\b)",
    # a thing gone missing (`anyone know where the long extension cord went`), as one left or lost
    # is
    r"where (?:the|my|our|his|her|their) (?:[\w'-]+ ){1,3}?(?:went|has gone|have gone|ended up|"
    r"disappeared|walked off|got to)\b",
    # a shop's or a restaurant's hours (`anyone know what time the bakery on 3rd closes?`), as
    # lunch is
    r"what time (?:does |do |is |will )?(?:the )?(?:[\w'&-]+ ){1,5}?(?:open|opens|close|closes|"
    r"shut|shuts)\b",
    # a wonder put as a question not to be answered (`Isn't it funny how the quick sync is never
    # quick`, `Is it not remarkable how quickly…?`); `is it normal that the pump…` asks
    r"(?:isn't it|is it not|isnt it) (?:\w+ )?(?:remarkable|amazing|funny|crazy|wild|wonderful|"
    r"incredible|interesting|strange|weird|ironic|sad|great|lovely) (?:how|that)\b",
    # the same opening a message, with no question after it (`amazing how the lift breaks only
    # when we have a code`); `funny how it fails on Mondays, any idea why?` asks
    r"^(?:it's |its |it is )?(?:amazing|funny|crazy|wild|incredible|hilarious|ironic) how\b"
    r"(?![^?]*\?)",
    # a taste between lettered or numbered options (`which logo do you like better, A or B?`)
    r"(?:like|prefer)\b[^?]{0,80}\b(?:a or b|a, b or c|1 or 2|option a or (?:option )?b)\s*\?\s*$",
    # a thing to be lent (`anyone have an extra HDMI cable?`), as a spare one is
    rf"{SOMEONE}(?: here)? (?:have|has|got) (?:an|a|any) extra\b",
    # the same when the writer's own one is out (`anyone has a charger for the scanners? ours is
    # dead`); `anyone have a fix? mine is broken too` asks for what they know, and so does a way
    # of working (`anyone have a good checklist for closing? ours is a mess`)
    rf"{SOMEONE}(?: here)? (?:have|has|got) (?:an?|any|some) (?!(?:[\w-]+ ){{0,3}}?(?:fix|fixes|"
    r"workaround|idea|ideas|solution|contact|template|guide|doc|docs|link|example|script|tips?|"
    r"recommendations?|spreadsheet|tracker|checklist|procedure|process|method|system)\b)"
    r"[^?]{1,60}\?[^?]*\b(?:mine|ours)(?: [\w-]+){0,3}? (?:is|are|was|were|"
    r"got|died|broke|went|ran|walked|disappeared|vanished|grew legs|cracked|snapped|quit|"
    r"stopped)\b",
    # goods asked to be given (`anyone got 64 oak logs I can have?`), as a loan is; `anyone have a
    # script I can use to…` asks for a tool
    rf"{SOMEONE}(?: here)? (?:have|has|got) [^?]{{1,40}}?\b(?:i|me) (?:can|could) (?:have|keep)\b",
    # thanks asked where to send (`who do I thank for the bagels?`)
    r"who (?:do|should|can) (?:i|we) thank\b",
    # the same asked of who did a thing, to thank them (`who signed off on the Dunmore return? just
    # want to say thanks`, `who fixed the wifi? want to give them a shout-out`)
    r"^(?:[\w'@-]+,? ){0,2}?who(?:'s| is)? [^?]{1,100}\?\s*(?:(?:i |we )?(?:just )?(?:want|wanted|"
    r"wanna|would like|need)|(?:i|we)'d (?:just )?like) to (?:say (?:a (?:big |huge )?)?)?(?:thank|"
    r"thanks|thank you|give (?:them|him|her|you|whoever) (?:a )?(?:big )?(?:shout-?out|shout out|"
    r"kudos|props))\b(?! in advance\b)",
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
    # (the thing seen stuck, failing or raising an error asks for the cause: `has anyone seen the
    # print queue stuck on Pending`, `…seen the driver throw `0x11b``)
    r"has (?:any|some)(?:one|body) seen the(?! (?:[\w.'-]+ ){1,4}?(?:stuck\b|"
    + FAULT_ING
    + r"\b|"
    + ERROR_RAISED
    + r"))",
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
    # vent? Asking for everyone.`, its `?` typed as a stop too), as `asking for a friend` teases;
    # `who approves overtime? asking for the team` asks who owns it
    r"who (?:\w+ed|put|chose|thought|made|let|set|wrote|took|left|built|drew)\b[^?]{0,120}?"
    r"[?.!]\s*"
    r"(?:just )?asking for (?:everyone|everybody|all of us|the rest of us|a friend|the whole "
    r"(?:team|floor|office|building)|(?:the|my|our|a) (?:[\w-]+ ){0,2}(?:machine|server|"
    r"computer|laptop|build|farm|printer|plants?|cat|dog|sanity|liver|wallet|back|eyes))\b"
    # or for whoever bears it, named last (`…? Asking for my ears.`, `…? asking for the night
    # shift`): the blame's tag, the message ending on it
    r"|who (?:\w+ed|put|chose|thought|made|let|set|wrote|took|left|built|drew)\b[^?]{0,120}?"
    r"[?.!]\s*(?:just )?asking for (?:the|my|our|your|all the) (?:[\w'-]+ ){0,2}[\w'-]+[.!]*$",
    # a thing scorned beside what replaces it (`Who needs documentation when you have tribal
    # knowledge, right?`, `who needs sleep when you have a 9am hearing?`): a jibe, not a question
    r"^who needs [^?]{1,60} when (?:you|we|u|you've|we've) (?:have|got|'ve got)\b",
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
    # (`does anyone ever actually read the newsletter`, two such words in a row), and anyone of a
    # team (`I wonder if anyone from finance actually reads…`)
    rf"(?:does|do|did|(?:i )?wonder (?:if|whether)) {SOMEONE}(?: (?:from|in|on) (?:the )?[\w-]+)? "
    r"(?:(?:actually|even|ever|really) )"
    r"{1,2}(?:reads?|cares?|listens?|notices?|pays? attention|looks? at|opens?|checks?)\b",
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
    # a post's or a video's teaser, its question answered by what it links to (`Ever wondered how
    # we roast our beans? Watch the video: <link>`), with no question after it; `ever wondered
    # why the build is slow? anyone know?` asks
    r"^(?:(?:have you|did you) )?ever wonder(?:ed)? (?:how|what|why|where|who|which|whether|if) "
    r"[^?]{1,120}\?+ (?:watch|read|see|find out|learn|discover|check out|listen|click|"
    r"here'?s|here is|our (?:new )?(?:video|post|blog|article|podcast))\b(?![^?]*\?)",
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
