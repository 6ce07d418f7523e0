"""Asking how things stand, not how they work (`asks for status`, −0.5)."""

from __future__ import annotations

from bot.questions.detect_words import azerbaijani_georgian_armenian_nepali_welsh
from bot.questions.detect_words.fragments import phrases

# Asking how things stand, not how they work: `is prod down?`, `any update on my refund?`.
STATUS = phrases(
    # a step offered with a check that none is needed (`should I order another load or are we
    # good`): the team's call, not expertise
    r"\bor (?:are|r) we (?:good|ok|okay|fine|set|covered)\b",
    # (a thing blocked, occupied, jammed or stuck is a state too: `is the shunt neck still blocked
    # by the engineering train?`; the writer blocked, `I'm still blocked by the SSO callback`, asks)
    r"^(?:is|are) (?:the |our |my )?[\w.-]+(?: [\w.-]+){0,5} (?:still )?(?:down|broken|up|back|"
    r"working|fixed|done|finished|slow|deployed|live|merged|green|red|out|open|closed|ready|over|"
    r"running|building|deploying|loading|happening|going|booked|reserved|scheduled|confirmed|"
    r"cancelled|canceled|blocked|occupied|jammed|stuck)\b(?: (?:again|yet|now|today|already))?"
    r"(?: (?:for|by|on|at) (?:the |our |my )?[\w.-]+(?: [\w.-]+)?)?(?=\s*(?:\?|$))",
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
    # a thing of work asked as down, in French, Portuguese or Spanish, for the others too (`Le
    # VPN est en panne pour tout le monde ?`, `O cluster está fora do ar?`, `¿El SAP está caído?`),
    # the whole message, as `is prod down?` is
    r"^¿?\s?(?:le|la|les|l'|o|a|os|as|el|los|las)\s?[^?]{1,60} (?:est|sont|esta|estao|ta|estan) "
    r"(?:(?:encore|de nouveau|ainda|de novo|otra vez) )?(?:en panne|hs|down|plante|fora do ar|"
    r"caid[oa]s?|fuera de servicio|offline)(?: (?:pour|chez|para|pra) (?:tout le monde|vous|"
    r"todos|todo el mundo|voces|vcs|ustedes))?\s*\?\s*$",
    # whether a named thing is free (`Is anyone using the big scanner? I have 900 pages to run`,
    # `is anybody in the mocap room right now?`): who occupies it, not how it works
    r"^(?:is|are) (?:any|some)\s?(?:one|body) (?:using|in|on|at) the (?:[\w-]+ ){0,2}[\w-]+"
    r"(?: (?:right now|now|rn|today|at the moment|this (?:morning|afternoon|evening)))?\s*\?",
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
    # (an addressee tagged on at the end, `…on the Q3 narrative @oksana?`, is no part of the thing)
    r"what(?:'s| is) the eta (?:on|for|of) (?:the |my |our |your |this |that )?[\w.#'-]+"
    r"(?: [\w.#-]+){0,2}(?: @person)*\s*\?",
    # the same of a thing named at more length (`what's the ETA on the new ice machine for floor
    # 3?`), with no verb of a process after it (`…for new pricing to show up…` asks how)
    r"what(?:'s| is) the eta (?:on|for) (?:the |my |our |your |this |that )(?:(?!to\b)[\w.#'-]+ )"
    r"{2,6}?(?!to\b)[\w.#'-]+(?: @person)*\s*\?",
    # whether any of a stock is left (`do we have any rollaway beds left or are they all out?`)
    r"^(?:do|does) (?:we|you|anyone) (?:still )?have any (?:more )?(?:[\w-]+ ){1,4}left\b",
    r"\bor are (?:they|those|these|we) all (?:out|gone|used up|taken)\b",
    # whether an event happens or is skipped (`do we have a retro this sprint or skipping?`);
    # `…or skip it and backfill after?` asks a way
    r"\bor (?:are we |is it |we're |it's )?(?:skipping|skipped|cancelled|canceled|postponed)(?: "
    r"(?:it|this (?:week|sprint|time|one)))?\s*\?*$",
    # blocked on what another owes, already chased, with nothing asked after (`i'm blocked on the
    # api key from marketing, pinged them twice`): waiting for them, not for someone who knows
    r"\b(?:pinged|chased|nudged|emailed|messaged|called|followed up with) (?:them|him|her)(?: "
    r"(?:again|twice|already|\w+ times|yesterday|today|this morning|last week))+\b(?![^?]*\?)",
    # how things stand until now (`what's the customer impact so far?`), as `yet?` asks
    r"\bso far\s*\?",
    # whether a thing is done or still waiting (`Initech renewal signed? or still with legal?`)
    r"\bor (?:is it |are they |is that |are we )?still (?:with|sitting with|waiting on|waiting for|"
    r"pending|in review|in progress|open|blocked|stuck)\b",
    # whether a thing is down for everyone, in Welsh (`ydy'r VPN i lawr i bawb?`)
    *azerbaijani_georgian_armenian_nepali_welsh.STATUS,
)
