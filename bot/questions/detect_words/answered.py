"""A question the message settles itself (`answered itself`, −2.0): `never mind, found it`, a
FAQ's `Q: …? A: …`, the answer posted for next time."""

from __future__ import annotations

from bot.questions import detect_languages as languages
from bot.questions.detect_words import (
    azerbaijani_georgian_armenian_nepali_welsh,
    icelandic_albanian_macedonian_basque,
    slavic_baltic_afrikaans_catalan_telugu,
    slovak_slovene_estonian_latvian,
    tagalog_hausa_amharic_tamil,
)
from bot.questions.detect_words.fragments import phrases

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
    # a cause not known but the cure told (`no idea why it does that but it cleared after the
    # second reset`): a tip shared, no one asked
    r"(?:no idea|(?:don't|dont|do not) know|dunno|not sure) why\b[^?]{0,80}\bbut (?:it|that|this|"
    r"\w+ing|power ?cycling|a (?:restart|reboot|reset))\b"
    r"[^?]{0,60}\b(?:fix|fixes|fixed|cleared|clears|works|worked|solves|solved|sorts|sorted)\b"
    r"(?=[^?]*\Z)",
    # `nvm it's pinned`, `nvm its in the wiki`, `nvm solved`: the answer follows; `installed nvm
    # but…` is Node's version manager
    # `…? nm found the okta tile`: chat's `nm` only right after the question, as `7 nm` is a size
    # (`…? nm 16:00, it's on the wiki`: the answer a figure), or after an ellipsis that trails
    # from the question (`…claim file? ... nm, Kara showed me`)
    r"(?:never ?mind|nvm|(?<=\? )nm|(?<=\? \.\.\. )nm|(?<=\? \.\.\.)nm|(?<=\?\.\.\. )nm)"
    r"(?=\s*(?:[,.!:;-]|$| \d| (?:found|figured|got|i |it |it's |"
    r"its |it is |it was |that's |there's |they're |turns out|solved|sorted|fixed|all good|"
    r"ignore|power[- ]?cycled|restarted|rebooted|reinstalled|reseated|replugged|unplugged|"
    r"re-?enrolled|cleaned|cleared)))",
    # the same with who found the answer first (`…? nvm maintenance says hydraulic leak, fixed
    # now`), the question settled later in the sentence; `nvm the logo, is the font right?` asks
    r"(?:never ?mind|nvm)\b(?=[^?]{1,80}\b(?:fixed|sorted|solved|resolved|works now|working now|"
    r"all good|back up)\b)(?![^?]*\?)",
    # `the team found it clunky` judges a tool, as `found it hard` or `found it too slow` do
    rf"(?<!one )(?<!body )(?<!you )(?<!who )(?:found (?:it|them)(?! {EVALUATION})|figured it out|"
    r"sorted it)",
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
    # (`Jae asked me how to fix the seams. Told him to bump the resolution`, the asker named)
    # the writer's own question, asked of a colleague who answered it (`I asked Ngozi how to close
    # a ticket and she showed me the pending status`); `…and she didn't know either` stays open
    # (the `I` dropped as chat drops it: `Asked Priya how to clear the jam and she showed me…`)
    r"(?:\bi |^)asked (?:@person|[\w-]+)(?: [\w-]+)? (?:how|where|why|what|which|whether|if) "
    r"[^?]{1,120}? "
    r"(?:and|,) (?:she|he|they) (?:showed|told|explained|pointed|walked|sent|said|gave)\b"
    r"(?![^?]*\b(?:find out|check|get back|not sure|doesn't know|didn't know|don't know|"
    r"no idea|idk)\b)[^?]*$",
    r"(?:wants? to know|wanted to know|asked|asks|was asking|were asking)(?: me| us| him| her| "
    r"them)? (?:if|whether|how|what|"
    # (joined by `and` when the writer says who answered: `Marta asked me how to reset the gate
    # and I showed her`)
    r"when|why|where) [^?]{1,120}?(?:[.!,;:] (?:i |we )?| and (?:i|we) )(?:told|answered|"
    r"replied|said|explained|"
    # (or shown the way: `showed her the reprint menu`, `walked him through it`)
    r"confirmed|showed|walked (?:him|her|them) through|pointed (?:him|her|them) to)\b"
    r"(?![^?]*\b(?:find out|check|get back|follow up|look into|ask around|not sure|"
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
    # a question written out with its answer, as a FAQ is (`Q: how do I…? A: go to…`), also
    # under a heading (`Badge FAQ: Q: …? A: …`)
    r"(?:^|(?<=[.!?:] ))q: [^?]{1,200}\? ?a: ",
    # the answer to a question asked earlier, given (`FYI the answer to yesterday's question
    # about the eviction policy: it's allkeys-lru`), with no question after it
    r"(?:^|(?<=[.!?,:] )|(?<=^fyi )|(?<=^psa )|(?<=^update )|(?<=^so ))(?:the )?answer to "
    r"(?:the |your |my |our |this |that |[\w-]+'s? |last \w+'s |the earlier )*questions?\b"
    r"(?![^?]*\?)",
    # the same with its answer labelled in full (`Key question: why did the job skip it? Answer:
    # the mount path changed`), and a FAQ, whose questions its writer answers under a heading
    # (`Key question for the meet and confer: will they agree to search terms? Our position:
    # yes`, the writer's side given as its answer)
    # (or with who gave it: `…? Answer from the vendor: raise the page size`)
    r"\? ?(?:(?:the )?(?:short |quick |our )?answers?(?: (?:from|by) (?:the |our |a )?[\w-]+"
    r"(?: [\w-]+)?)?|(?:our|my) (?:position|stance|view|take|"
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
    # and a post's title, headed as one and followed only by where to read it (`New blog post:
    # Why do audits fail? Read it here`, `New on the blog: how do we…? read more`); `New blog
    # post: why do audits fail? any thoughts before I publish?` asks
    r"^(?:new|latest|today's|this week's)(?: on the)? (?:blog post|blog|post|article|episode|"
    r"video|podcast|newsletter|write-?up)s?\s*[:\-–—] [^?]{1,160}\?(?:\s*(?:read|watch|listen)"
    r"(?: (?:it|more|now|here|the (?:full )?(?:post|article|story)))*)?\s*$",
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
    r"resolvi)|(?<!nao )(?<!nao o )(?<!nao a )(?:ja )?(?:achei|encontrei|resolvi)|deixa pra la|"
    r"laissez tomber|"
    r"hat sich erledigt|schon gefunden|"
    r"lascia(?:te)? (?:perdere|stare)|laat maar|niewa[zż]ne|ju[zż] (?:znalaz[lł]em|znalaz[lł]am))"
    r"(?=\s*(?:[,.!:;)-]|$))[^?]*$",
    r"\?[^?]*\b(?:" + "|".join(languages.ANSWERED_ITSELF) + r")\b[^?]*$",
    # the same in Tagalog, Hausa, Amharic and Tamil, with no word edge (a Tamil word may end in
    # a mark, which `\b` does not see as part of it)
    r"\?[^?]*(?:" + "|".join(tagalog_hausa_amharic_tamil.ANSWERED_ITSELF) + r")[^?]*$",
    # and in Serbian, Bulgarian, Afrikaans, Catalan, Lithuanian and Telugu, the same way
    r"\?[^?]*(?:" + "|".join(slavic_baltic_afrikaans_catalan_telugu.ANSWERED_ITSELF) + r")[^?]*$",
    # and in Slovak, Slovene, Estonian and Latvian, within word edges
    r"\?[^?]*\b(?:" + "|".join(slovak_slovene_estonian_latvian.ANSWERED_ITSELF) + r")\b[^?]*$",
    # and in Icelandic, Albanian, Macedonian and Basque, the same way
    r"\?[^?]*\b(?:" + "|".join(icelandic_albanian_macedonian_basque.ANSWERED_ITSELF) + r")\b[^?]*$",
    # and in Azerbaijani, Georgian, Armenian, Nepali and Welsh, with no word edge (a Devanagari
    # word may end in a mark)
    r"\?[^?]*(?:"
    + "|".join(azerbaijani_georgian_armenian_nepali_welsh.ANSWERED_ITSELF)
    + r")[^?]*$",
    # which of two it is, answered by the writer naming one right after (`Is the number from the
    # SoS or our own count? Our own count, sourced to…`), or by what they checked (`…which is
    # it? checked, 47.6`), with no question after it
    r" or ((?:[\w'%.-]+ ){0,3}[\w'%.-]+)\? \1\b(?![^?]*\?)",
    # the cause found after the question, or the fix in an edit (`why was the VPN failing? turns
    # out my password expired`, `…? edit: typo in the partition name, all good`), with no
    # question after; `…? turns out it's not the cable, still dropping` leaves it open, and so
    # does an edit that adds to the question (`…? edit: it happens on staging too`)
    r"\?[^?]*\b(?:turns out|turned out|(?:edit|update|upd)\s?[:-][^?]*\b(?:all good|fixed|solved|"
    r"sorted|resolved|works now|working now|found it|figured it out|my bad|typo))\b"
    r"(?![^?]*\b(?:not|isn't|aren't|but|still|no luck|nothing|doesn't|didn't|can't|won't)\b)"
    r"(?![^?]*\?)",
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
