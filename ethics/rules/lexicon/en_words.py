"""English vocabulary shared by the English triggers and cues (folded: lowercase, no accents)."""

from ethics.rules.lexicon.base import alt, gap

NEG = r"no|not|never|none|nobody|no one|noone|neither|nor|nothing|zero"
WEAK_NEG = r"without|free of|free from|exempt from|exempt of|instead of|rather than"
GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12 = (gap(n, NEG + "|" + WEAK_NEG) for n in (1, 2, 3, 4, 5, 8, 12))

DET = r"(?:the |all |each |every |our |its |their |any |new |foreign |migrant |seasonal |temporary )?"
WORKER = DET + alt(
    r"workers?", r"employees?", r"candidates?", r"applicants?", r"job ?seekers?", r"recruits?",
    r"labou?rers?", r"pickers?", r"harvesters?", r"farm ?workers?", r"migrants?", r"participants?",
    r"new hires?", r"hires", r"you", r"yourself", r"themselves",
)
EMPLOYER = r"(?:the |our |your |this |each |every |a |its )?" + alt(
    r"employers?", r"company", r"companies", r"firm", r"farms?", r"growers?", r"producers?", r"business",
    r"management", r"owners?", r"orchard", r"ranch", r"greenhouse", r"hotel", r"plant", r"we", r"us",
    r"recruiters?", r"agency", r"agencies", r"host employer", r"contractor", r"sponsor", r"supervisors?",
    r"managers?", r"foreman", r"crew leaders?", r"boss", r"office", r"administration",
)
MODALS = (
    r"will|shall|must|may|can|should|would|could|always|also|still|then|directly|fully|entirely|personally|"
    r"themselves|itself|do|does|did|to|be|is|are|has|have|had|need|needs|agree|agrees|agreed|required|"
    r"expected|obliged|responsible for|in charge of|usually|normally|generally|in full|all|each|both|choose to|"
    r"chooses to|decide to|prefer to|wish to|want to|allowed to|free to|able to|right to"
)
MODAL = rf"(?:(?:{MODALS})\s+){{0,3}}(?:(?P<neg>not|never)\s+(?:(?:{MODALS})\s+){{0,2}})?"
PAY_VERB = alt(
    r"pay|pays|paying|pay for|pays for|cover|covers|covering|bear|bears|fund|funds|finance|finances",
    r"shoulder|shoulders|buy|buys|purchase|purchases|absorb|absorbs|assume|assumes|provide|provides",
    r"take care of|takes care of|cover the costs? of|covers the costs? of|book and pay|books and pays",
    r"arrange and pay|arranges and pays|sponsor|sponsors|prepay|prepays",
)
WAGE = alt(r"wages?", r"salar(?:y|ies)", r"pay", r"payments?", r"earnings", r"remuneration", r"income",
           r"pay ?checks?", r"pay ?cheques?", r"payroll")
CURRENCY = r"(?:us\$|usd|cad|\$|eur|€|mxn|gtq|hnl|dop|jmd|rd\$|r\$|brl|cop|pen|clp|crc|q|l)"
LEAVE_PLACE = alt(
    r"(?:leave|leaving) (?:the |their |your )?(?:farm|premises|property|site|compound|camp|housing|"
    r"accommodation|dormitor(?:y|ies)|grounds|worksite|workplace|town|area|residence|hotel|ranch|orchard|"
    r"greenhouse|plant|factory|country|barracks|bunkhouse|quarters)",
    r"(?:leave|leaving) (?:at any time|freely|whenever|on (?:their|your) (?:days? off|free time|own))",
    r"leave(?=\s*(?:[.;,!]|$))", r"(?:go|going) out(?:side)?", r"come and go", r"(?:go|going) (?:in)?to town",
    r"move (?:around )?freely", r"travel (?:freely|around|to town)", r"(?:go|going) shopping",
    r"visit (?:town|the city|friends|family|relatives)",
    r"contact (?:their |your )?(?:families|family|relatives|consulate|embassy)",
    r"(?:call|phone|communicate with|talk to|speak to|speak with|receive visits from|see) (?:their |your )?"
    r"(?:families|family|relatives|friends|outsiders|visitors|anyone|people from outside|locals|the press|journalists)",
    r"(?:use|keep) (?:their |your )?(?:own )?(?:mobile |cell )?phones?",
)
DOC = alt(
    r"passports?", r"passport books?", r"identity (?:documents?|cards?|papers?)", r"id (?:documents?|cards?|papers?)",
    r"ids", r"(?:your|their|his|her|workers?'?|employees?'?|photo|national) ids?", r"identification(?: documents?| "
                                                                                   r"papers?| cards?)?", r"travel docum"
                                                                                                         r"ents?",
    r"residence (?:cards?|permits?)", r"immigration (?:documents?|papers?)", r"papers",
    r"(?:their|your|his|her|workers?'?s?|employees?'?s?|personal|original|identity|travel) documents",
    r"birth certificates?", r"national id(?: cards?)?", r"green cards?", r"permanent resident cards?",
    r"(?:bank|debit|atm|payroll) cards?", r"bank ?books?", r"passbooks?",
)
RETAIN = alt(
    r"keep|keeps|kept|keeping|hold|holds|held|holding|retain|retains|retained|retaining|retention of",
    r"confiscat\w+|withh[oe]ld\w*|seiz(?:e|es|ed|ing)|take|takes|taken|took|taking",
    r"collect|collects|collected|collecting|collection of|store|stores|stored|storing|safe ?keep\w*",
    r"custody of|lock|locks|locked|locking|surrender\w*|hand(?:ed|s|ing)? (?:over|in)",
    r"turn(?:ed|s|ing)? (?:over|in)|give up|gives up|deposit\w*|remove|removes|removed|removal of",
    r"guard|guards|guarded|look after|looks after|looked after|safeguard|safeguards|safeguarded|secure|secures",
) + r"(?! care)"
RETURN_SOON = (
    r"(?:returned|given back|handed back|return(?:s|ed)? (?:them|it)|give(?:s)? (?:them|it) back|"
    r"hand(?:s)? (?:them|it) back|get (?:them|it) back) (?:\w+ ){0,3}?(?:immediately|right away|at once|"
    r"promptly|the same day|same day|within (?:\d+|one|two|a few) (?:hours?|minutes?|days?)|"
    r"after (?:verification|checking|copying|scanning|inspection|registration|processing|review))"
)
