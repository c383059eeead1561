"""English triggers of issue 15: disguised fees, working conditions, isolation, programme signals (folded).

Amounts in words are digits by now (``ethics.rules.numbers``). The families ``no-hours-guarantee``,
``housing-charged`` and ``piece-rate-only`` are signals, not rules: the engine turns them into flags
only where a programme or a structured field makes them unfair (``ethics.rules.programmes``).
"""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.en_words import CURRENCY, GAP2, GAP3, GAP4, GAP5, GAP8, WAGE, WORKER

# An amount of money: a currency before or after the digits.
MONEY = rf"(?:{CURRENCY} ?\d[\d,.]*|\d[\d,.]* ?(?:{CURRENCY}|dollars?|pesos|euros?|reais|gourdes?)(?!\w))"
# A recurring charge or an everyday purchase is not a recruitment payment ("30 dollars a week for meals").
NOT_FEE = r"(?! ?(?:a|an|per|each|every|/) ?(?:week|month|day|night|hour|meal)|(?: \w+){0,3} (?:weekly|monthly|daily|" \
          r"per week|a week|per month|a month|per day|a day|for (?:meals|food|rent|housing|lodging|groceries|the bus|" \
          r"laundry|board)))"
PERCENT = r"\d[\d,.]* ?(?:%|percent|per cent)"
# A share of the wage that the employer pays the agency on top of the wage is the employer's cost.
FROM_EMPLOYER = r"(?![^.;]{0,80}(?:from|by|paid by|charged to|invoiced to) (?:the )?(?:employer|company|farm|grower))"
OF_WAGE = rf"(?:the |their |your |his |her |each |a |all )?(?:workers?'?s? )?(?:\w+ )?{WAGE}"
AGENT = r"(?:agency|agencies|recruiters?|agents?|brokers?|intermediar(?:y|ies)|middlem[ae]n|" \
        r"(?:labou?r )?contractors?|" \
        r"crew leaders?|coordinators?|partner(?: agency| office)?|representatives?|facilitators?|consultants?)"
FEES = (
    # "each worker pays 200 dollars", "contributes 800 dollars towards the recruitment process"
    practice("worker-fees", rf"{WORKER} (?:(?:will|must|shall|has to|have to|is to|are to|needs? to|also|then|"
             rf"first|each|all) )*(?:pay|pays|contribute|contributes|hand over|hands over|remit|remits|transfer|"
             rf"transfers) {GAP3}{MONEY}{NOT_FEE}"),
    cost("worker-fees", rf"{MONEY}{NOT_FEE} (?:towards?|for|to cover|as (?:a |an )?(?:contribution|participation|"
         r"deposit|advance)|in (?:processing|registration|administrative|management|service) (?:costs?|fees?))",
         cues="payer"),
    # "the agency receives 15% of the monthly wage", "a commission of 10% of wages"
    practice("worker-fees", rf"{AGENT}{FROM_EMPLOYER} {GAP4}(?:receives?|keeps?|takes?|gets?|collects?|charges?|retain"
                            rf"s?|is paid|"
             rf"earns?|withholds?|deducts?|claims?) {GAP3}{PERCENT} (?:of|from) {OF_WAGE}"),
    practice("worker-fees", rf"{PERCENT} (?:of|from) {OF_WAGE} (?:goes|go|is paid|are paid|paid|is transferred|"
             rf"transferred|is sent|sent|is given|given|is kept|kept|retained|deducted|withheld|owed|due) (?:directly "
             rf")?"
             rf"(?:to|by|for) (?:the |our |a |its )?{AGENT}"),
    practice("worker-fees", rf"(?:commissions?|fees?|service charges?) (?:of |: ?|equal to )?{PERCENT} (?:of|on|from) "
             rf"{OF_WAGE}|{PERCENT} (?:commission|fee|service charge) (?:on|of|from) {OF_WAGE}"),
    # "pay the registration at our partner agency"
    cost("worker-fees", rf"(?:pay|pays|paying|settle|settles) {GAP4}(?:to|at|through|via|with|in|into the "
         rf"account of) (?:the |a |an |our |their |your )?(?:\w+ )?{AGENT}"),
    cost("worker-fees", r"(?:registration|enrol?ment|processing|paperwork)(?: fees?| costs?| expenses?| charges?)?|"
         r"(?:management|administration|administrative|coordination|logistics?|logistical|service|operating|"
         r"programme|program|handling|overhead|application|file|selection|sign up) (?:fees?|costs?|expenses?|"
         r"charges?)"),
    # "workers contribute to management costs"
    practice("worker-fees", rf"{WORKER} (?:(?:will|must|shall|has to|have to|are to|is to|also) )*(?:contribute|"
             rf"contributes|share|shares|participate in|participates in|chip in) {GAP4}(?:costs?|expenses?|fees?|"
             r"charges?|overheads?)"),
)
ADVANCE = (
    # "the company advances the visa money and deducts it from your wages"
    practice("debt-bondage", rf"(?:advances?|advanced|fronts?|fronted|lends?|lent|loans?|loaned|pre ?pays?|pre ?paid) "
             rf"{GAP8}(?:deduct\w*|recover\w*|recoup\w*|repa\w*|withh[oe]ld\w*|tak(?:e|es|en)|subtract\w*|discount\w*|"
             rf"pa(?:id|y) back) {GAP3}(?:from|out of|off|through|with|against) {GAP2}{WAGE}"),
)
RETENTION = (
    practice("passport-retention", rf"(?:passports?|documents|papers|ids|identity (?:cards?|documents?)) {GAP3}(?:are "
                                   rf"|is "
             r"|will be |shall be )?(?:not|never|only) (?:be )?(?:returned|given back|handed back|released) (?:\w+ ){0"
             r",3}"
             r"(?:before|until|prior to|on|at) (?:the )?(?:last|final|end|departure|completion|day of departure|"
             r"airport)"),
    practice("passport-retention", r"(?:not|never) (?:return|returns|give back|gives back|hand back|release) "
             r"(?:the |their |your )?(?:passports?|documents|papers|ids) (?:\w+ ){0,3}(?:before|until|prior to) "
             r"(?:the )?(?:last|final|end|departure|completion)"),
)
EXIT = (
    practice("exit-penalty", rf"(?:leav\w*|quit\w*|early (?:departure|exit|termination|return)|depart\w* early|"
             rf"resign\w*|abandon\w*|breach\w*|break\w* (?:the |their )?contract) {GAP8}(?:forfeits?|forfeiting|"
             rf"forfeited|voids?|cancels?|loses?|losing|lose|lost) {GAP3}(?:deposits?|bonds?|guarantees?|wages?|"
             rf"pay|salary|earnings|money|savings|holdbacks?)"),
)
UNION = (
    practice("union-ban", rf"(?:unions?|union membership|unioni[sz]\w*),? {GAP5}(?:the |their |your |his |her )?"
             r"(?:contract|employment|job) (?:ends|will end|is terminated|will be terminated|terminates|is void|is "
             r"cancell?ed|will be cancell?ed)|"
             rf"(?:unions?|union membership|unioni[sz]\w*|collective bargaining) {GAP5}(?:ends?|"
             rf"terminates?|voids?|cancels?|breaks?) (?:the |their |your |his |her )?(?:contract|employment|job)|"
             rf"(?:unions?|union membership) {GAP5}(?:is |are )?(?:grounds|cause|reason) for (?:\w+ )?(?:termination|"
             r"dismissal)|(?:unions?|union membership) {GAP5}(?:is |are )?incompatible with (?:the |this |your )?"
             r"(?:contract|employment|job)"),
)
OVERTIME = (
    practice("forced-overtime", rf"(?:mandatory|compulsory|obligatory|unlimited|forced|required) overtime|"
             rf"overtime {GAP3}(?:is |are |will be )?(?:mandatory|compulsory|obligatory|unlimited|without (?:any )?"
             rf"limits?|not optional)|no (?:limit|cap|maximum) (?:on|to) (?:the )?(?:number of )?(?:hours|overtime)|"
             rf"(?:must|have to|has to|required to|obliged to|expected to) work {GAP3}(?:overtime|extra hours|as many "
             rf"hours as|whatever hours|all the hours|any hours|unlimited hours|as long as (?:needed|required|"
             r"necessary|it takes))"),
    practice("forced-overtime", rf"(?:refus\w*|declin\w*|reject\w*|not (?:work|working|accept|accepting)) {GAP3}"
             rf"(?:overtime|extra hours|extra shifts?|longer hours) {GAP5}(?:dismiss\w*|fired|terminat\w*|sent home|"
             rf"deport\w*|penali[sz]\w*|sanction\w*|lose|loses|grounds for|cause for|warnings?|blacklist\w*)"),
)
REST = (
    practice("no-rest-day", r"no (?:weekly )?(?:rest days?|days? off|days? of rest|free days?)(?! (?:work|shifts?|"
             r"duty))|(?:work|works|working) (?:\w+ ){0,2}(?:7|seven) days (?:a|per|each|every) week|"
             r"(?:7|seven) days (?:a|per) week,? (?:\w+ ){0,3}(?:without|no) (?:rest|days? off|break)"),
    practice("no-rest-day", r"(?:must|required to|have to|has to|obliged to|expected to) work (?:on )?(?:their |your "
             r"|the |all |every )?(?:rest days?|days? off|sundays?|weekends?|public holidays?|holidays?)|"
             r"(?:rest days?|days? off|sundays? off) (?:\w+ ){0,2}(?:are |is )?(?:cancelled|canceled|suspended|"
             r"not (?:guaranteed|given|granted)|revoked)"),
    practice("no-rest-day", rf"(?:refus\w*|declin\w*|not (?:work|working|come|coming)) {GAP3}(?:on )?(?:the |their "
             rf"|a )?(?:sundays?|weekends?|rest days?|days? off|holidays?)(?: work)? {GAP5}(?:dismiss\w*|fired|"
             rf"terminat\w*|sent home|deport\w*|penali[sz]\w*|sanction\w*|lose|loses|grounds for|cause for)"),
)
STORE_NAME = r"(?:farm|company|camp|ranch|estate|employer'?s?|plantation|on ?site|grower'?s?|commissary|our) " \
             r"(?:store|shop|commissary|canteen|tuck shop)|commissary|company scrip"
STORE = (
    practice("company-store", rf"(?:{STORE_NAME}) {GAP8}(?:deducted|discounted|taken|recovered|withheld|subtracted|"
             rf"charged|recouped) {GAP3}(?:from|off|against|out of|to) {GAP2}{WAGE}|(?:deduct\w*|recover\w*|"
             rf"subtract\w*) {GAP5}(?:{STORE_NAME})|(?:must|required to|have to|has to|obliged to|only) (?:buy|shop|"
             rf"purchase|get)\w* {GAP5}(?:at|from|in) (?:the )?(?:{STORE_NAME})|(?:{STORE_NAME}) (?:credit|tab|"
             r"accounts?|debts?|bills?) (?:\w+ ){0,3}(?:deducted|recovered|taken|repaid|paid back)"),
)
TRANSFER = (
    practice("forced-transfer", rf"(?:transferred|moved|sent|assigned|reassigned|loaned|lent|relocated|rotated|hired "
             rf"out|placed|contracted out|rented out) {GAP3}(?:to )?(?:other|another|different|any|third party|"
             r"neighbou?ring|partner) (?:farms?|employers?|growers?|sites?|companies|worksites?|ranches|orchards|"
             r"contractors?|producers?|locations|regions|states|provinces)|(?:transfer|move|send|assign|lend|loan|"
             r"rent) (?:workers|them|you|crews?) (?:\w+ ){0,2}to (?:other|another|any) (?:farms?|employers?|growers?|"
             r"sites?|companies|worksites?)"),
)
VISITOR = r"(?:visitors?|visits|guests?|outsiders?|family members|relatives|friends|union (?:representatives?|" \
          r"organi[sz]ers?)|journalists|outside (?:people|persons|visitors))"
ISOLATION = (
    practice("isolation", rf"{VISITOR} (?:are |is |will be )?(?:not (?:allowed|permitted|welcome|admitted|accepted)|"
             rf"never allowed|prohibited|forbidden|banned|barred|refused)|no {VISITOR}(?: (?:are |is )?(?:allowed|"
             rf"permitted|admitted|accepted))?(?= *(?:[.;,!]|$| (?:in|at|on|inside|to) (?:(?:the|worker|workers'?|thei"
             rf"r|our|farm|staff) )*"
             rf"(?:housing|accommodation|dormitor|bunkhouse|camp|rooms?|quarters|premises|farm)))|(?:prohibit\w*|"
             rf"forbid\w*|ban|bans|banned|bar|bars) {GAP2}{VISITOR}"),
    practice("isolation", r"(?:not (?:allowed|permitted)|forbidden|prohibited|banned) to (?:receive|have|invite|bring) "
             r"(?:any )?(?:visitors?|guests?|visits)|(?:may|can|must) not (?:receive|have|invite|bring) (?:any )?"
             r"(?:visitors?|guests?|visits)|(?:not (?:allowed|permitted)|forbidden|prohibited|banned) to (?:talk|"
             r"speak) (?:to|with) (?:outsiders|strangers|locals|journalists|anyone outside)"),
)
SIGNALS = (
    practice("no-hours-guarantee", rf"(?:hours|work|employment|income|pay) {GAP3}(?:is |are )?not guaranteed|"
             r"no (?:guaranteed|minimum|guarantee of|guaranteed minimum) (?:number of )?(?:hours|work|income|"
             r"employment)|no (?:hours|work|income|employment) guarantee|without (?:any )?(?:guarantee of|"
             r"guaranteed|minimum) (?:hours|work|income)|(?:three fourths?|3/4|three quarters?|75 ?%) (?:hours |work "
             r")?guarantee (?:\w+ ){0,2}(?:does not apply|not apply|is waived|waived|excluded|not offered|"
             r"not provided)|(?:only|solely) (?:paid )?for (?:the )?(?:hours|days) (?:actually )?worked,? (?:with )?no "
             r"(?:minimum|guarantee)"),
    cost("housing-charged", r"(?:housing|rent|lodging|accommodation|room|bunkhouse|dormitory|bed)(?: costs?| fees?| "
         r"charges?)?"),
    practice("piece-rate-only", r"(?:piece ?rate|piece ?work|by the (?:piece|bin|box|bucket|crate|pound|kilo|tree|"
             r"row|unit)|per (?:bin|box|bucket|crate|pound|kilo|tree|row|unit|piece)) (?:\w+ ){0,2}only|only (?:\w+ "
             r"){0,2}(?:piece ?rates?|piece ?work|by the (?:piece|bin|box|bucket|crate|pound|kilo))|no (?:hourly|"
             r"daily|fixed|base) (?:wage|pay|rate|salary)|paid (?:solely|exclusively|only|entirely) (?:by|per|on|at) "
             r"(?:the )?(?:piece|bin|box|bucket|crate|pound|kilo|tree|row|unit|production|piece ?rate)"),
)
TRIGGERS = FEES + ADVANCE + RETENTION + EXIT + UNION + OVERTIME + REST + STORE + TRANSFER + ISOLATION + SIGNALS

# What excuses a working-condition trigger in its clause, unless an aggravation is there too.
LIMIT = r"up to \d+|maximum (?:of )?\d+|max\.? \d+|no more than \d+|not (?:to )?exceed \d+|limited to \d+|" \
        r"at most \d+|" \
        r"capped at \d+"
CONSENT = r"voluntar\w*|optional|with (?:the |their |your |his |her )?(?:worker'?s? |written |prior |free |express )*" \
          r"(?:consent|agreement|approval)|if (?:the workers?|they|you|he|she) (?:so )?(?:agrees?|wish(?:es)?|wants?|" \
          r"chooses?|requests?|asks?|accepts?)|at (?:their|your|the workers?'?s?) (?:own )?request"
THREAT = r"dismiss\w*|fired|terminat\w*|sent home|deport\w*|penali[sz]\w*|or be\b|sanction\w*|blacklist\w*"
CONTEXT = {
    "forced-overtime": rf"{LIMIT}|{CONSENT}",
    "no-rest-day": rf"(?:one|a|1|two|2|another|other) (?:weekly )?(?:rest )?days? (?:off|of rest)|rotat\w*|"
                   rf"compensatory (?:rest|days?)|in lieu|{CONSENT}",
    "forced-transfer": rf"{CONSENT}|only with",
    "isolation": r"(?:for|due to) (?:food |bio ?|health and |the )?(?:safety|security|hygiene|biosecurity)|(?:in|into|"
                 r"on) the (?:fields?|packing \w+|greenhouses?|barns?|plant|work areas?|production \w+|processing \w+|"
                 r"orchards?|worksite)|during (?:work|working) hours|during (?:the |their )?shifts?|after \d+|overnigh"
                 r"t|"
                 r"quiet hours",
}
AGGRAVATION = {
    "forced-overtime": rf"unlimited|without (?:any )?limits?|no limit|as (?:long|many hours) as|whenever|at any time|"
                       rf"{THREAT}",
    "no-rest-day": THREAT,
    "forced-transfer": r"without (?:\w+ ){0,2}(?:consent|agreement|approval|asking|notice)|as needed|discretion|"
                       r"whenever|at any time",
}
