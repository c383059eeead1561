"""English triggers about money: fees, costs, withheld wages, debts, exit penalties (folded text)."""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.en_words import (
    CURRENCY,
    GAP1,
    GAP2,
    GAP3,
    GAP4,
    GAP5,
    GAP8,
    GAP12,
    WAGE,
    WORKER,
)

FEE = r"(?:fees?|charges?|costs?|payments?|commissions?|levy|levies|contributions?)"
JOB = r"(?:a |the |this |your |their |his |her )?(?:job|place|position|spot|post|contract|slot|seat|vacancy|offer" \
      r"|placement|selection|work permit|visa slot|job offer)"
FEES = (
    practice("worker-fees", r"(?:fees?|charges?|payments?|costs?|price) (?:for|to get|to obtain) (?:the |a |this |your "
                            r")?"
             r"(?:job|position|place|contract|placement|recruitment|vacancy)", cues="pay"),
    practice("worker-fees", r"(?:recruit(?:ment|ing)|placement|agency|agent'?s?|broker(?:age)?|brokers'?|hiring|job|"
             r"selection|registration|application|processing|enrol?l?ment|intermediation|intermediary|sign up|"
             r"administrative|admin|booking|finder'?s?|head ?hunting|headhunter'?s?|contracting|interview|screening|"
             r"matching|membership|employment|introduction|labou?r hire|mediation|upfront|up front|advance)(?:'s|s')? "
             + FEE
             + r"|service fees?", cues="pay"),
    practice("worker-fees", rf"(?:fees?|commissions?) (?:of |for |:|=)?\s*(?:about |approximately "
                            rf")?{CURRENCY}?\s*\d[\d,.]*"
             r"|\d[\d,.]*\s*(?:usd|cad|dollars?|pesos|\$)?\s+(?:recruitment |placement |registration |processing "
             r"|agency |application |one time |one off )?fee", cues="pay"),
    practice("worker-fees", rf"pay(?:s|ing|ed)? {GAP3}(?:to|in order to) (?:get|secure|obtain|land|reserve|guarantee|"
             rf"keep|hold|be offered|be selected|be placed|be hired|be considered|be recruited|apply for|access) "
             rf"(?:for )?{JOB}", cues="pay"),
    practice("worker-fees", rf"(?:must|will|to|have to|has to|need to|needs to|required to|should|{WORKER})\s+"
             rf"pay(?:s)?\s+{GAP2}for\s+(?:a |the |this |your |their )?(?:job|position|place|post|contract|"
             r"placement|recruitment|hiring|selection|interview|spot|job offer)", cues="pay"),
    practice("worker-fees", rf"pay(?:s|ing)? {GAP4}(?:to )?(?:the |a |an |our |their |your )?(?:recruiters?|recruiting "
             r"agents?|agents?|agency|agencies|brokers?|middlem[ae]n|intermediar(?:y|ies)|coyotes?|headhunters?)",
             cues="pay"),
    practice("worker-fees", rf"charg(?:e|es|ing) {GAP2}(?:workers?|candidates?|applicants?|you|job ?seekers?|"
             r"employees?|recruits?)\b(?! (?:for )?(?:nothing|no))|charged (?:a |an |the )?(?:\w+ )?(?:fees?|"
             r"commissions?)|charges? (?:for|of) (?:the )?(?:recruitment|placement|hiring|selection|registration|"
             r"processing|the job|the position)", cues="pay"),
    practice("worker-fees", rf"(?:deposit|down payment|advance payment|upfront payment|up front payment|payment in "
             rf"advance) {GAP3}(?:to|for) (?:secure|reserve|guarantee|hold|get|obtain) {JOB}", cues="pay"),
    practice("worker-fees", rf"(?:send|sends|bring|brings|give|gives|hand|hands|handing|hand over|hands over|transfer|"
                            rf"transfers|wire|"
                            rf"wires) "
             rf"{GAP2}{CURRENCY}?\s*\d[\d,.]*\s*(?:dollars?|usd|cad|pesos|quetzales|lempiras|reais|gourdes|euros?)?"
             r"(?: in cash| cash)? (?:to|at|before|for|when)(?! (?:each |every |the |all |our )?(?:workers?|employees?|"
             r"you)\b)", cues="pay"),
    practice("worker-fees", rf"(?:agents?|agency|agencies|recruiters?|brokers?|intermediar(?:y|ies)|contractors?|crew "
             rf"leaders?) {GAP3}(?:takes?|keeps?|deducts?|collects?|receives?|gets?) {GAP3}(?:\d+ ?%|share|part|"
             rf"portion|"
             rf"percentage|cut|commission) (?:of|from) {GAP2}(?:paychecks?|wages?|salary|pay|earnings)"),
    cost("worker-fees", r"fees?|commissions?|levy|levies", generic=True),
)
COSTS = (
    cost("worker-costs", r"visas?(?: (?:fees?|costs?|charges?|applications?|processing|stamping|renewals?|"
         r"extensions?))?|(?:work|residence|entry) permits?(?: fees?)?|lmias?(?: fees?)?|immigration (?:fees?|costs?|"
         r"processing)|consular (?:fees?|costs?)|embassy (?:fees?|costs?)|biometrics?(?: fees?)?"),
    cost("worker-costs", r"(?<!return )(?<!homeward )(?:(?:trip|journey|travel)(?! home| back)|air ?fares?|air "
                         r"?tickets?|plane tickets?|flights?|flight "
         r"tickets?|travel (?:costs?|expenses?)|transport(?:ation)? (?:costs?|expenses?|to (?:canada|the (?:us|united "
         r"states|farm|destination)))|bus (?:fares?|tickets?)|inbound (?:travel|flights?)|travel to (?:canada|the "
         r"(?:us|farm|destination|job))|tickets?)"),
    cost("worker-costs", r"medical (?:exams?|examinations?|checks?|check ups?|tests?|screening|certificates?|costs?|"
         r"fees?|evaluations?)|health (?:exams?|checks?|certificates?|screening)|vaccinations?|vaccines?|x rays?|"
         r"blood tests?|drug tests?"),
    cost("worker-costs", r"passport (?:fees?|costs?|applications?|issuance|renewals?)|(?:police|criminal record|"
         r"background) (?:checks?|certificates?|clearances?|records?)|(?:document(?:ation)?|paperwork|translation|"
         r"notari[sz]ation|notary|apostille|certification|legali[sz]ation) (?:fees?|costs?|expenses?|charges?)|"
         r"(?:pre departure|predeparture|orientation|training|skills?|trade|language) (?:training|courses?|tests?|"
         r"fees?|costs?)|travel insurance|migration insurance"),
    cost("worker-costs", r"tools?|equipment|uniforms?|protective (?:gear|equipment|clothing)|ppe|safety (?:gear|boots|"
         r"equipment|shoes)|work boots|gloves"),
    cost("no-return-travel", r"return (?:flights?|tickets?|travel|air ?fares?|trips?|journey|transport(?:ation)?)|"
         r"(?:flights?|tickets?|travel|air ?fares?) (?:back )?home|homeward (?:travel|flights?)|repatriation "
         r"(?:costs?|flights?|travel)"),
)
WITHHELD = (
    # "no payments are made during the harvest": nothing is paid while the work lasts.
    practice("withheld-wages", r"no (?:wages?|pay|payments?|salary) (?:is |are |will be )?(?:paid |made |issued )?"
             r"during (?:the )?(?:whole |entire )?(?:harvest|season|contract)(?! break)|(?:not|never) (?:be )?paid "
             r"(?:anything )?during (?:the )?(?:whole |entire )?(?:harvest|season|contract)|during (?:the )?(?:whole "
             r"|entire )?(?:harvest|season|contract),? no (?:wages?|pay|payments?|salary) (?:is |are |will be )?"
             r"(?:paid|made|issued)"),
    practice("withheld-wages", rf"not (?:be paid|get paid|receive|get) {GAP3}until (?:the )?(?:end|harvest|season|"
             r"contract|completion|return)"),
    practice("withheld-wages", rf"(?:unpaid|without pay|not paid) (?:extra |overtime )?(?:hours|overtime|work)|"
                               rf"(?:extra "
             rf"hours|overtime) {GAP3}(?:without pay|unpaid|(?:is|are) not paid)"),
    practice("withheld-wages", rf"{WAGE} {GAP4}(?:(?:is|are|will be|shall be|be|being|get|gets|must be|to be|remain) "
             r")?(?:with ?held|held back|retained|deferred|kept back)|" + WAGE + rf" {GAP4}(?:is|are|will be|shall "
             r"be|be|being|get|gets|must be|to be|remain) (?:kept|held|frozen|delayed)"),
    practice("withheld-wages", rf"(?:with ?hold|with ?holds|with ?holding|hold back|holds back|holding back|retain|"
             rf"retains|retaining|keep|keeps|keeping|defer|defers|deferring|delay|delays) {GAP3}(?:\d+ ?%|\d+ "
             r"percent|(?:a |one |the )?(?:part|portion|share|half|third|quarter|fraction|percentage|balance|rest|"
             rf"remainder)(?: of)?|some of|all)? ?(?:the |their |your |his |her |its |workers'? |employees'? )?{WAGE}"),
    practice("withheld-wages", rf"(?:paid|pays|pay|payment|payments|settled|released|given|handed over|received|"
             rf"disbursed) {GAP3}(?:only |just |all |in full |in one lump sum |as a lump sum |in a lump sum |"
             r"in (?:a|one) "
             r"(?:single |lump sum )?(?:payment|transfer|cheque|check) )?(?:at|upon|on|after|by) (?:the )?(?:end|"
             r"completion|conclusion|close|finish|expiry|termination|(?:very )?(?:last|final) (?:day|week|month)) "
             r"(?:of )?(?:the "
             r"|their |your |his |her )?(?:season|contract|harvest|programme|program|employment|stay|placement|"
             r"campaign|work period|assignment|project)"),
    practice("withheld-wages", rf"(?:paid|pays|pay|payment|payments|receive|receives|released|given|sent|transferred) "
             rf"{GAP3}(?:only )?(?:upon|on|after|when|once|until|if) (?:their |your |the workers?'?s? )?(?:return|"
             rf"returning|arrival "
             r"back|going back|they return|you return|they go back|you go back)(?: home| to (?:their|your|the) "
             r"(?:home |origin )?country)?"),
    practice("withheld-wages", rf"(?:paid|payment|wages?|salary|pay|money|receive|receives|get|gets) {GAP3}(?:only )?"
             r"(?:when|once|after|if|until) (?:the )?(?:season|contract|harvest|work|job|project) (?:ends|is over|is "
             r"finished|finishes|is completed|has ended|is complete|is done)"),
    practice("withheld-wages", rf"(?:no|not receive any|not get any|not be paid any) {GAP1}(?:wages?|pay|payment|"
             r"salary|money) (?:\w+ ){0,2}until|(?:forced|compulsory|mandatory|obligatory) savings?|savings? "
             r"(?:scheme|plan|account|fund) (?:\w+ ){0,4}(?:held|managed|controlled|kept) by|(?:wages?|pay|salary|"
             r"salaries|earnings) (?:\w+ ){0,3}(?:paid|sent|transferred|given|deposited) (?:directly )?to (?:the )?"
             r"(?:recruiter|agency|agent|broker|intermediary|contractor|crew leader)"),
)
LOAN = r"(?:loans?|advances?|debts?|credit|cash advances?|salary advances?|advance payments?|borrowed money|money " \
       r"(?:lent|borrowed|advanced))"
DEBT = (
    practice("debt-bondage", r"lends? (?:\w+ ){0,2}money|(?:with|plus) interest"),
    practice("debt-bondage", rf"(?:work|works|working|stay|stays|remain|remains) {GAP4}until {GAP3}(?:repaid|paid|paid "
             rf"off|cleared|settled|worked off|repay|pay off|pay back) {GAP2}(?:debts?|loans?|advances?|costs?|fees?)|"
             r"debts? (?:owed )?to (?:the |our |their )?(?:employer|recruiter|agency|company|agent|broker|farm|"
             r"contractor|crew leader|boss)"),
    practice("debt-bondage", rf"{LOAN} {GAP8}(?:repaid|repay|repays|repayable|repayments?|paid back|pay back|paid off|"
             rf"pay off|deducted|recovered|discounted|subtracted|settled|worked off|work off|withheld|taken|recouped|"
             rf"collected) {GAP3}(?:from|out of|off|through|with|against|by|via) {GAP2}(?:wages?|salar(?:y|ies)|pay|"
             r"paychecks?|earnings|work|labou?r|payroll|deductions?)"),
    practice("debt-bondage", rf"(?:deduct|deducts|recover|recovers|subtract|discount|recoup|repay|repays|pay back|"
             rf"pays back|pay off|pays off|work off|works off|working off) {GAP3}(?:the |their |your |his |her |a |any "
             rf"|an )?{LOAN}"),
    practice("debt-bondage", rf"{LOAN} {GAP5}(?:with|at|bearing|carries|carrying|plus|charged at|subject to) {GAP2}"
             rf"(?:\d+ ?%|\d+ percent|interest)|interest {GAP3}(?:on|of|charged on|applies to|applied to|added to) "
             rf"{GAP2}{LOAN}|interest bearing|(?:\d+ ?%|monthly|weekly|annual) interest|"
             r"(?:bears?|bearing|carr(?:y|ies|ying)|accrues?|accruing) (?:an? )?interest"),
    practice("debt-bondage", rf"(?:owe|owes|owed|owing|indebted|in debt) {GAP3}(?:to )?(?:the |our |your |their )?"
             r"(?:employer|recruiter|agency|company|agent|broker|farm|contractor|us|crew leader|boss)"),
    practice("debt-bondage", rf"(?:must|has to|have to|required to|will|obliged to) (?:work|stay|remain) {GAP4}until "
             rf"{GAP4}(?:debts?|loans?|advances?|costs?|fees?|expenses?) {GAP2}(?:is |are |has been |have been )?"
             r"(?:repaid|paid|cleared|settled|covered|recovered|paid off|worked off)|debt bondage|bonded "
             r"(?:labou?r|workers?)"),
)
PENALTY = r"(?:penalty|penalties|penali[sz]ed|fine|fines|fined|forfeit|forfeits|forfeited|forfeiture|liquidated " \
          r"damages|lose|loses|lost|losing|repay|repays|pay back|reimburse|refund|owe|owes|pay (?:a |an )?(?:fee|" \
          r"penalty|fine|compensation)|must pay|has to pay|have to pay|will pay|will have to pay|shall pay|required " \
          r"to pay|be charged|deduct|deducted)"
LEAVE = r"(?:leave|leaves|leaving|left|quit|quits|quitting|resign|resigns|resigning|resignation|break(?:s|ing)? " \
        r"(?:the |their |your |this )?(?:contract|agreement)|breach|breaches|breaching|terminate|terminates|" \
        r"terminating|termination|abandon|abandons|abandoning|depart|departs|departing|departure|run away|runs away|" \
        r"go home|goes home|return home|returns home|change employers?|changes employers?|switch employers?|walk off|" \
        r"walks off|not complete|not finish|fail to complete|fails to complete|early)"
EXIT = (
    practice("exit-penalty", r"sign\w* (?:\w+ ){0,3}(?:promise to pay|promissory notes?|ious?|debt acknowledge?ments?|"
             r"acknowledge?ments? of debt)|guarantee (?:payment|money|deposit|sum)"),
    practice("exit-penalty", rf"(?:security|cash|refundable|non refundable|good conduct|guarantee|completion|loyalty|"
             r"performance|retention|exit|departure|damage|breakage|contract|bond) (?:deposits?|bonds?)|(?<!direct )"
             rf"(?<!bank )deposits? (?:of|:)?\s*{CURRENCY}?\s*\d[\d,.]*|\$\s*\d[\d,.]*\s+(?:security )?deposit|bonds? "
             rf"(?:of|:)"
             r"\s*(?:us\$|usd|cad|\$)?\s*\d[\d,.]*|surety bonds?|promissory notes?|(?:post|posts|posted|sign|signs|"
             r"signed) "
             r"(?:a |an )?(?:bond|promissory note|surety)", cues="payer"),
    practice("exit-penalty", rf"(?:pay|pays|paid|leave|leaves|give|gives|provide|provides|make|makes|put|puts|submit|"
             rf"submits|lodge|lodges|require|requires|required|ask for|asks for) {GAP3}(?:a |an |the )?(?:\w+ )?"
             r"(?<!direct )(?<!bank )(?:deposits?|bonds?|guarantee money|collateral)(?! (?:of|into|to) (?:wages|the "
             r"bank|your|their|a bank))", cues="payer"),
    practice("exit-penalty", rf"{PENALTY} {GAP8}(?:if|when|whenever|should|in case|upon|for|on) {GAP4}{LEAVE}",
             cues="payer"),
    practice("exit-penalty", rf"(?:if|when|whenever|should|in case|who|whoever) {GAP5}{LEAVE},? {GAP12}{PENALTY}",
             cues="payer"),
    practice("exit-penalty", rf"(?:leaving|quitting|resigning|departing|departure|abandoning|breaking the contract|"
             rf"breach of contract|early termination|early departure) {GAP8}(?:results? in|leads? to|means|will cost|"
             rf"costs?|incurs?|(?:is|are) subject to|entails?) {GAP3}(?:a |an )?(?:penalt(?:y|ies)|fines?|charges?|"
             r"fees?|deductions?|loss of|forfeiture|payment|lose|losing|forfeit|forfeiting)"),
    practice("exit-penalty", r"(?:early (?:termination|departure|exit|leaving|resignation|release|return)|exit|release|"
             r"transfer|breach of contract|breaking (?:the )?contract|contract breach|cancellation|abandonment|"
             r"desertion) (?:fees?|penalt(?:y|ies)|charges?|fines?|costs?|compensation)"),
)

TRIGGERS = FEES + COSTS + WITHHELD + DEBT + EXIT
