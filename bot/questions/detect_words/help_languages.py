"""Asking for a person who knows, or for help, in Spanish, French, German, Portuguese, Italian,
Dutch, Polish, Swedish, Turkish, Hindi and Indonesian as typed in Latin letters, Russian, Korean
and Arabic: joined into `asks_for_help.ASKS_FOR_HELP` after the English phrases, which give them
their word boundaries."""

from __future__ import annotations

from bot.questions.detect_words.fragments import DE_CLAUSE, FAVOUR_DE, FAVOUR_ES, FAVOUR_FR

ASKS_FOR_HELP = (
    # the strongest of the English phrases, in a few other languages (folded: no accents, ß as ss)
    rf"alguien (?:sabe|conoce|tiene experiencia|ha usado|ha configurado|ha trabajado|"
    rf"(?:me puede|podria)(?!(?: por favor)? (?:me |nos )?{FAVOUR_ES})|puede (?:ayudar(?:me|nos)?|"
    r"explicar(?:me|nos)?|decir|decirme|confirmar|indicar|aclarar)|entiende)",
    # someone who has done a kind of thing, asked (`¿alguien ha cambiado un rodamiento…?`), as
    # `has anyone replaced a…` asks; a thing seen, left or lost is no expertise
    r"¿\s*alguien (?:aqui )?(?:ya )?ha (?!(?:visto|dejado|perdido|olvidado|cogido|tomado|"
    r"llamado|traido|llevado|movido|pedido|reservado)\b)\w+(?:ado|ido)\b",
    r"quien (?:sabe|conoce|se encarga|es (?:el|la) responsable|lleva)",
    r"necesito ayuda",
    rf"quelqu'un (?:sait|saurait|connait|a deja|peut m'aider|pourrait(?!(?: me| nous)? "
    rf"{FAVOUR_FR})|s'y connait)",
    r"qui (?:s'occupe|connait|sait|est (?:le |la )?responsable)",
    r"(?:j'ai|on a) besoin d'aide",
    r"(?:petite|une) question|question rapide|des idees\s*\?|je galere|je (?:ne )?trouve rien",
    # `quick question` as the French `petite question`
    r"(?:una )?(?:pregunta|duda) rapida|tengo una (?:pregunta|duda)",
    # `una pregunta: ¿…?` opening the message, as `q:` does
    r"^(?:una )?(?:pregunta|duda)\s*:",
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
    # whether anyone has managed to (`Alguém já conseguiu fazer o Perforce ignorar…?`); `alguém
    # conseguiu o link?` (got the link) asks for a thing
    r"alguem (?:ja )?conseguiu (?:\w+[aei]r)\b",
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
    # someone who knows a field, sought (`iemand die verstand heeft van de innovatiebox?`, `is er
    # iemand die ervaring heeft met…`), as `anyone familiar with…` asks
    r"iemand (?:hier )?die (?:(?:er |hier )?(?:verstand|kaas gegeten|ervaring) (?:heeft|van|"
    r"met)|bekend is met|thuis is in|weet (?:hoe|waar|wat|waarom|of))\b",
    # what the room knows, asked of all (`sapete se serve il permesso…?`, `weten jullie of…`,
    # `wisst ihr, ob…`, `vocês sabem se…`, `wiecie może, czy…`), as `sabéis si…` asks
    r"sapete (?:se|come|dove|chi|quando|perche|qual|quale|quali|cosa|a chi)\b|"
    r"weten jullie (?:of|hoe|waar|wie|wat|welke|waarom|wanneer)\b|"
    r"wisst ihr,? (?:ob|wie|wo|wer|was|welche\w*|warum|wann|an wen)\b|"
    r"(?:voces|vcs) sabem (?:se|como|onde|quem|qual|quais|quando|por que|porque|o que)\b|"
    r"wiecie(?: moze)?,? (?:czy|jak|gdzie|kto|co|dlaczego|kiedy|ktory|ktora|ktore)\b",
    # (`czy ktoś umie skonfigurować…?`, whether anyone knows how to)
    r"ktos (?:wie|zna|orientuje sie|moze (?:pomoc|wyjasnic)|miał|mial|umie|potrafi)",
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
    r"어떻게 (?:\S+ ){0,2}(?:하세요|하시나요|하시는지|해결하세요|관리하세요)|"
    # the same with the verb's stem before its ending (`보통 어떻게 처리하세요?`), typed without
    # its `?` too; `어떻게 생각하세요` asks an opinion
    r"어떻게 (?:\S+ ){0,2}(?!생각)\S+(?:하세요|하시나요)(?=\s|$|[.,!?])",
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
    r"h[iı]zl[iı] bir soru|bir sorum var|kim (?:biliyor|ilgileniyor|sorumlu)|"
    # whom or where to turn to (`nereye başvurmak gerekiyor?`, `kime sormalıyım?`), and what a
    # fault could be due to (`sebebi ne olabilir?`), as `an wen wende ich mich` and `woran kann
    # es liegen` ask; `kime verdin?` (whom did you give it to) and `sebebi ne olursa olsun`
    # (whatever the reason) do not
    r"(?:nereye|kime|kiminle) (?:basvur|sor|dan[iı]s|bildir|ulas|yaz|haber ver|bilgi ver|"
    r"gonder|ilet)(?:m[ae]l[iı]y[iı][mz]|"
    r"m[ae](?:[mk]|m[iı]z|n[iı]z) (?:gerek\w*|laz[iı]m)|[ae]bilir(?:im|iz)|[iı]l[iı]r|ulur|ilir)\b|"
    r"(?:sebebi|nedeni) (?:ne olabilir|nedir|ne acaba|ne\s*\?)|"
    r"ne(?:den|reden|dan) kaynaklan[iı]yor",
    r"kisi ?ko (?:kuch )?(?:pata|idea|maloom|malum)|"
    r"(?:kya )?koi (?:jaanta|janta|jaanti|janti|bata|samjha|help kar|madad kar|guide kar)|"
    # whether anyone knows a fix, a way or a thing named between (`koi solution jaanta hai?`, `koi
    # workaround pata hai for…?`), as `anyone know a fix?` asks; `koi nahi jaanta…` laments
    r"koi (?!(?:nahi|nahin|bhi|na)\b)(?:\w+ ){1,2}(?:jaanta|janta|jaanti|janti|jante|pata) "
    r"hai\b[^?]{0,40}\?|"
    r"(?:madad|help) (?:chahiye|chaiye)",
    r"ada (?:yang|yg) (?:tahu|tau|pernah|bisa bantu|paham|ngerti|punya pengalaman)|"
    r"(?:mohon|butuh|perlu|minta) (?:bantuan|pencerahan|saran)|"
    r"siapa (?:yang|yg) (?:tahu|tau|pegang|bertanggung jawab)|numpang tanya|mau tanya|"
    r"(?:pertanyaan|tanya) (?:singkat|cepat)|"
    # whom one must report to or ask (`harus lapor ke siapa?`, `ke siapa sebaiknya tanya?`);
    # `tadi kamu lapor ke siapa?` asks what someone did
    r"(?:harus|mesti|perlu|bisa|sebaiknya|baiknya) (?:me|meng|ber)?(?:lapor|hubungi|tanya|"
    r"kontak|minta) (?:ke )?siapa|ke siapa (?:ya )?(?:harus|mesti|sebaiknya|bisa|perlu) "
    r"(?:me|meng|ber)?(?:lapor|tanya|hubungi|kontak|minta)",
    r"кто-(?:нибудь|то) (?:знает|сталкивался|разбирается|подскажет|в курсе|может (?:помочь|"
    r"подсказать|объяснить))|кто (?:знает|в курсе),? (?:как|где|почему|что|кто|есть|можно|когда)|"
    r"кто (?:отвечает за|разбирается)|подскаж(?:ите|и)|помогите|нужна помощь|быстрыи вопрос|"
    r"(?:есть|у) (?:у )?кого(?:-нибудь|-то)? (?:есть )?(?:опыт|идеи)",
    r"아시는 ?분|아는 ?분|아는 사람|알려주실 ?분|도와주실 ?분|도움(?:이)? 필요|경험(?:이)? 있으신|"
    r"잘 아시는",
    r"(?:هل )?(?:يعرف|يعلم) (?:أحد|احد)|(?:هل )?(?:أحد|احد|حد) (?:يعرف|يعلم|عنده خبرة|لديه خبرة|"
    r"يقدر يساعد|يستطيع المساعدة)|من يعرف|(?:أحتاج|احتاج) (?:مساعدة|مساعده)|سؤال سريع",
)
