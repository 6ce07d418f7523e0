"""Words of life outside work (`social words`, −0.5), and the questions of work policy that carry
them (a meal on expenses, parental leave), which take nothing away."""

from __future__ import annotations

from bot.questions import detect_languages as languages
from bot.questions.detect_words.fragments import phrases

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
    # (`korte chai`, Bengali's `want to do`, is no tea)
    r"fika|middag|yemek\w*|kahve|(?<!\wte )chai|khana|makan siang|ngopi|обед\w*|кофе|корпоратив|"
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
    # and a restaurant or a shop that is a business partner, paid or paying commission (`how do
    # we handle a restaurant asking to be paid weekly?`, `com es calcula la comissió quan el
    # restaurant…`, `new restaurant partner…`), is the platform's trade, not a meal out
    r"(?:restaurant|merchant|shop|store) partners?|partner (?:restaurants?|merchants?|shops?|"
    r"stores?)|commissions?|comissio|comision|payouts?|paid (?:daily|weekly|monthly|biweekly|"
    r"fortnightly)",
    # and a beer, a wine or a recipe brewed, labelled or taxed is the trade's product (`what ABV
    # counts as non-alcoholic for labelling?`, `scale a recipe in the brewing software`), not
    # drinks after work
    r"label(?:l)?ing|excise|abv|brew(?:ing|ery|eries|house|master|er|ers)|ferment\w*|"
    r"shelf life|yeast|hops|malt",
)
