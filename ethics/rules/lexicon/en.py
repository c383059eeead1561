"""English lexicon: negation, cues and context; the triggers live in ``en_money`` and ``en_freedom``."""

from ethics.rules.lexicon import en_freedom, en_money, en_work
from ethics.rules.lexicon.base import Lexicon, cue
from ethics.rules.lexicon.en_words import (
    EMPLOYER,
    MODAL,
    NEG,
    PAY_VERB,
    RETAIN,
    RETURN_SOON,
    WAGE,
    WEAK_NEG,
    WORKER,
)

SUBJECT = r"(?:the |all |each |every |our |their |your |its |any )?(?:workers?|employees?|employers?|company|" \
          r"companies|farm|we|they|you|he|she|candidates?|recruiters?|agency|agencies|growers?)\b"

PAY_CUES = (
    cue(r"(?:recovered|recouped|repaid|deducted|taken|paid) (?:\w+ ){0,2}(?:through|via|by|with|in) (?:\w+ )?"
        r"(?:payroll|wage|salary|paycheck|pay) deductions?|(?:payroll|wage|salary|paycheck) deductions?", False),
    cue(rf"{WORKER}\s+{MODAL}{PAY_VERB}", False),
    cue(rf"{WORKER}\s+{MODAL}(?:reimburse|reimburses|repay|repays|pay back|pays back|refund|refunds|responsible for|"
        r"liable for)", False),
    cue(rf"{WORKER}\s+{MODAL}(?:charged|billed|invoiced|asked to pay|required to pay|made to pay|liable for)", False),
    cue(rf"(?:paid|covered|borne|funded|financed|payable|met|assumed|shouldered|purchased|bought|paid for)\s+"
        rf"(?:\w+\s+)?(?:by|from)\s+{WORKER}", False),
    cue(rf"(?:charged|billed|invoiced|debited|passed on)\s+(?:\w+\s+)?to\s+{WORKER}", False),
    cue(rf"by {WORKER}", False),
    cue(r"at (?:the )?(?:workers?'?s?|employees?'?s?|candidates?'?s?|applicants?'?s?|their|his|her|your|one's|own) "
        r"(?:own )?(?:expense|cost|charge|account|risk)|out of (?:their|your|his|her|own) (?:own )?pockets?|"
        r"self (?:funded|financed|paid)|worker (?:paid|funded)|(?:pay|pays|paid|cover|covers|buy|buys|fund|"
        r"funds|purchase|purchases)\s+(?:for\s+)?(?:their|your|his|her)\s+own", False),
    cue(rf"(?:deducted|taken|withheld|recovered|discounted|subtracted|recouped|docked|clawed back|deductions?)\s+"
        rf"(?:\w+\s+){{0,2}}(?:from|out of|off|against)\s+(?:the |their |your |his |her |its |each |every |a )?"
        rf"(?:workers?'?s? |employees?'?s? )?(?:first |future |weekly |monthly )?{WAGE}", False),
    cue(rf"(?:the )?(?:workers?'?s?|employees?'?s?|candidates?'?s?|your|their) (?:own )?responsibility|"
        rf"responsibility of {WORKER}", False),
    cue(rf"(?:deduct|deducts|deducting|recover|recovers|subtract|subtracts|recoup|recoups|take|takes) (?:\w+ ){{0,8}}"
        rf"(?:from|out of|off) (?:the |their |your |his |her |each |every )?(?:workers?'?s? )?(?:first |future |weekly "
        rf"|"
        rf"monthly )?{WAGE}", False),
    cue(rf"(?:deduct|deducts|deducting|recover|recovers|subtract|subtracts|recoup|recoups|take|takes) (?:it|them|this|"
        rf"that|the (?:cost|costs|amount|price))? ?(?:\w+ ){{0,2}}(?:from|out of|off) (?:the |their |your |his |her )?"
        rf"(?:first |future |weekly |monthly )?{WAGE}", False),
    cue(rf"{EMPLOYER}\s+{MODAL}(?:{PAY_VERB}|responsible for|liable for)", True),
    cue(rf"(?:paid|covered|borne|funded|financed|prepaid|pre paid|reimbursed|refunded|assumed|absorbed|provided|met|"
        rf"arranged|booked|purchased|bought|handled|sponsored|supplied|taken care of|paid for)\s+(?:\w+\s+){{0,2}}"
        rf"(?:by|through)\s+{EMPLOYER}", True),
    cue(rf"by {EMPLOYER}", True),
    cue(r"at (?:the )?(?:employers?'?s?|company'?s?|companies'|farm'?s?|our|its) (?:own )?(?:expense|cost|charge)|"
        r"(?:employer|company|farm) (?:paid|funded|sponsored|covered)|free of charge|at no (?:cost|charge|expense)|"
        r"(?:is|are|:|-) free\b|for free|free (?:flights?|travel|transport\w*|visas?|medical|tickets?|airfare)|"
        r"no cost to|cost free|fully (?:paid|covered|funded)|(?:is|are) (?:included|covered)", True),
    cue(r"reimbursed|refunded|reimbursement|refund|(?:reimburs|refund)\w* (?:to )?(?:the |all |each )?(?:workers?|"
        r"employees?|you|them|candidates?)", True, 2),
    cue(r"non refundable|non reimbursable|(?:reimburs|refund)\w*\s+(?:\w+\s+){0,3}(?:only\s+)?(?:if|when|provided|on "
        r"condition|upon|after)\s+(?:\w+\s+){0,4}(?:complet|finish|stay|end|remain)\w*", False, 2),
    # One way only to read the spaces (no "\s+" next to an optional "\s*"): see test_redos.py.
    cue(r"(?:costs?|price|fees?|charges?)\s+(?:(?:is|are|of) \s*|:\s*)?(?:(?:about|approximately|around) )?"
        r"(?:(?:us\$|usd|cad|\$|mxn)\s*)?\d[\d,.]*", False, 0),
    cue(r"(?:must|have to|has to|need to|needs to|required to|will have to)\s+(?:\w+\s+)?(?:pay|cover|buy|purchase)",
        False, 0),
)
# Who pays, without the excuses a deposit or a penalty does not get ("refundable", "free").
PAYER_CUES = tuple(c for c in PAY_CUES if c.strength == 1)
HOLD_CUES = (
    cue(rf"{WORKER}\s+{MODAL}(?:keep|keeps|hold|holds|retain|retains|have|has|carry|carries|maintain|maintains|"
        r"remain in possession of|stay in possession of|look after|looks after|control|controls|"
        r"(?:are|is) in possession of|keep possession of|retain possession of|keep custody of)", True),
    cue(rf"(?:remain|remains|stay|stays|kept|held|retained|be|are|is|left|stored)\s+(?:\w+\s+){{0,2}}(?:with|by)\s+"
        rf"{WORKER}", True),
    cue(r"in (?:the |their |his |her |your )?(?:own )?(?:workers?'?s?|employees?'?s?|holders?'?s?|owners?'?s?|own|"
        r"their|your|his|her) (?:own )?(?:possession|custody|hands|care|control|keeping)|in the (?:possession|"
        r"custody|hands) of (?:the |each |their )?(?:workers?|employees?|holders?|owners?|bearers?)", True),
    # "... and keep their phones": the possessive names the worker when no actor is said.
    cue(r"(?:keep|keeps|retain|retains|hold on to|holds on to|carry|carries) (?:their|his|her|your)(?: own)?", True, 0),
    cue(rf"{EMPLOYER}\s+{MODAL}{RETAIN}", False),
    cue(rf"(?:by|with|to) {EMPLOYER}", False),
    cue(r"in (?:the )?(?:employers?'?s?|company'?s?|farm'?s?|recruiters?'?s?|agency'?s?|supervisors?'?s?|office'?s?|"
        r"our) (?:own )?(?:possession|custody|safe|hands|office|care|keeping|locker|vault)|in the (?:possession|"
        rf"custody|hands) of {EMPLOYER}|(?:in|at) (?:the |an? )?(?:office|safe|vault|strongbox|drawer)", False),
)

LEXICON = Lexicon(
    lang="en",
    negation=NEG,
    weak_negation=WEAK_NEG,
    after=r"none|nil|nothing|zero|n/?a|not applicable|free of charge|(?:is|are|:|-)\s*free|waived|prohibited|"
          r"forbidden|banned|illegal|unlawful|not (?:be )?(?:charged|required|requested|asked|allowed|permitted|"
          r"accepted|payable|applicable|collected|deducted|tolerated|taken|kept|held|retained|withheld|applied|"
          r"imposed|used|needed)|never (?:be )?(?:charged|required|requested|asked|collected|deducted|taken|kept|"
          r"held|retained|withheld|applied|imposed|used|allowed|permitted)|(?<![\d.,])0+(?:[.,]0+)?(?![\d.,]*\d)",
    list_negation=r"without (?:any )?(?:requirements? (?:of|on|as to|about|regarding)|requiring|regard to|"
                  r"distinction (?:of|by|as to)|"
                  r"discrimination (?:of|by|on|based on)|asking (?:for|about))|regardless of|irrespective of|no "
                  r"requirements? (?:of|on|as to|about|regarding)",
    prohibition=r"(?:is|are) (?:strictly )?(?:prohibited|forbidden|illegal|unlawful|banned) to|(?:prohibited|"
                r"forbidden|illegal|unlawful) to|(?:prohibits?|forbids?|bans?|prohibition (?:of|on)|ban on)",
    restrictor=r"(?:prohibited|forbidden|banned|barred|prevented|stopped|discouraged|punished|penali[sz]ed|"
               r"sanctioned|fired|dismissed|sacked|terminated|disciplined|deported|sent home|blacklisted|"
               r"retaliated against|threatened|warned|restricted)\s+(?:\w+\s+)?(?:from|for|to|if|against|when)|"
               r"(?:prohibit|forbid|ban|bar|prevent|stop|discourage|punish|penali[sz]e|fire|dismiss|sanction)s?\s+"
               r"(?:\w+\s+){0,2}(?:from|for)|(?:prohibition|ban) on",
    denial=r"not (?:be )?(?:invited back|rehired|re hired|hired again|called back|asked back)|prohibited|forbidden|"
           r"banned|barred|not allowed|not permitted|never allowed|never permitted|not tolerated|"
           r"not accepted|not authori[sz]ed|not possible|punished|penali[sz]ed|sanctioned|grounds for (?:immediate )?"
           r"(?:dismissal|termination|removal|repatriation|deportation)|dismissed|fired|sacked|terminated|sent home|"
           r"deported|repatriated|blacklisted|restricted|limited|(?:lead|leads|result|results) (?:to|in) (?:\w+ )?"
           r"(?:dismissal|termination|repatriation)|cause for (?:dismissal|termination)|lose (?:their|your|his|her) "
           r"(?:job|jobs|contract|place)|(?:ends?|terminates?|voids?|cancels?) (?:the |their |your |his |her )?"
           r"(?:contract|employment|job)",
    breakers=rf",(?=\s*(?:and\s+|but\s+|while\s+)?{SUBJECT})|\b(?:and|or|while|whereas|so|then|plus)\b(?=\s+{SUBJECT})",
    conjunctions=r"and|or|nor|as well as|plus|&",
    triggers=en_money.TRIGGERS + en_freedom.TRIGGERS + en_work.TRIGGERS,
    cues={"pay": PAY_CUES, "payer": PAYER_CUES, "hold": HOLD_CUES},
    context={
        "passport-retention": rf"cop(?:y|ies) of|photocop\w*|scan(?:s|ned|ning)?|{RETURN_SOON}|(?:for|during) "
                              r"(?:verification|checking|identification|inspection|registration|copying|scanning)|"
                              r"(?:access|retrieve|get) (?:them |it |their \w+ |your \w+ )?(?:back )?(?:at any time|"
                              r"whenever|on request|on demand|any time)|voluntar\w*|if (?:they|you|the worker) "
                              r"(?:so )?(?:wish|wishes|want|wants|request|requests|ask|asks)|at (?:their|your|the "
                              r"workers?'?s?) (?:own )?request",
        "withheld-wages": r"tax(?:es)?|statutory|social security|pension|cpp|employment insurance|(?:required|"
                          r"permitted) by law|legally required|bonus(?:es)?|vacation pay|holiday pay|final (?:pay|"
                          r"payment|paycheck|pay ?cheque|wages?|settlement)|last (?:pay|payment|paycheck)|records?|"
                          r"payslips?|pay stubs?|statements?|return (?:travel|flights?|tickets?|trip|airfare)|"
                          r"(?:flights?|travel) home",
        "debt-bondage": r"interest free|no interest|without interest|zero interest|0 ?% interest|free of interest|"
                        r"not indebted",
        "exit-penalty": r"bonus(?:es)?|direct deposit|bank deposit",
        "movement-restriction": r"during (?:work|working) hours|during (?:the |their |a )?shifts?|while (?:working|"
                                r"operating|driving|on duty|on shift)|for (?:food |health and )?safety reasons|"
                                r"from the inside|by the (?:workers?|occupants?|residents?)|own (?:key|keys|lock)|"
                                r"lockable|(?:do|does) not (?:need|require) (?:any |a )?(?:permission|authori[sz]ation"
                                r"|approval|pass)|no (?:permission|pass|authori[sz]ation) (?:is )?(?:needed|required)",
        "union-ban": r"(?:do|does) not (?:need|require) (?:any |a )?(?:permission|authori[sz]ation|approval)",
        "discrimination": r"bilateral (?:agreement|programme|program)|sawp|seasonal agricultural worker program(?:me)?|"
                          r"memorandum of understanding",
        **en_work.CONTEXT,
    },
    # The next sentence excuses only when it speaks of the same documents ("They are returned ...").
    next_context={"passport-retention": rf"^(?:they|it|these|those|the (?:passports?|documents|papers|ids?)|passports?|"
                                        rf"documents|papers) (?:\w+ ){{0,3}}?{RETURN_SOON}"},
    aggravation={
        **en_work.AGGRAVATION,
        "passport-retention": r"until (?:the )?(?:end|completion|expiry|conclusion|departure|debt|loan|costs?)|for the "
                              r"(?:whole|entire|full) (?:season|contract|stay|duration|period)|for the duration|"
                              r"throughout (?:the )?(?:season|contract|stay|employment)|for safe ?keeping|"
                              r"(?:at|upon|after) the end of (?:the )?(?:season|contract|harvest|employment)|"
                              r"as (?:a )?(?:guarantee|security|collateral)",
    },
)
