"""Haitian Creole triggers of issue 15: disguised fees, working conditions, isolation, programme signals (folded).

The same families as ``en_work``, written for Creole; see there for the signals.
"""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.ht_words import CURRENCY, DETS, GAP2, GAP3, GAP4, GAP5, GAP8, WAGE, WORKER

MONEY = rf"(?:{CURRENCY} ?\d[\d,.]*|\d[\d,.]* ?(?:{CURRENCY}|dola|goud|pesos|euro)(?!\w))"
NOT_FEE = r"(?! ?(?:pa|chak|/) ?(?:semen|mwa|jou|nwit|le|repa)|(?: \w+){0,3} (?:pa semen|chak semen|pa mwa|chak mwa|" \
          r"pa jou|chak jou|pou (?:manje|lwaye|lojman|lesiv)))"
PERCENT = r"\d[\d,.]* ?(?:%|pousan)"
FROM_EMPLOYER = r"(?![^.;]{0,80}(?:nan men|sou kont|peye pa) (?:patwon|konpayi))"
AGENT = r"(?:ajans|rekrite|ajan|entemedye|koutye|patne|reprezantan|kowodonate|biwo patne)"
OF_WAGE = rf"(?:nan|sou|de|pou) (?:\w+ )?{WAGE}"
FEES = (
    practice("worker-fees", rf"{WORKER} (?:(?:dwe|ap|pral|va|fok|oblije|tou|ka) )*(?:peye|bay|kontribye|depoze|remet|"
             rf"debouse) {GAP3}{MONEY}{NOT_FEE}"),
    cost("worker-fees", rf"{MONEY}{NOT_FEE} (?:pou (?:pwosesis|rekritman|dosye|enskripsyon|kouvri|fre)|kom "
         r"(?:kontribisyon|avans|depo))", cues="payer"),
    practice("worker-fees", rf"{AGENT}{FROM_EMPLOYER}{DETS} {GAP4}(?:resevwa|pran|kenbe|touche|retire|koupe|chaje) "
             rf"{GAP3}{PERCENT} {OF_WAGE}"),
    practice("worker-fees", rf"{PERCENT} {OF_WAGE}(?: (?:a|la|yo|chak mwa|chak semen))? (?:ale|al|peye|bay|tonbe) "
             rf"(?:direkteman )?(?:bay|pou|nan men|kote) {AGENT}"),
    practice("worker-fees", rf"(?:komisyon|fre) (?:de |: ?)?{PERCENT} {OF_WAGE}"),
    cost("worker-fees", rf"(?:peye|regle|bay lajan) {GAP4}(?:nan|bay|kote|lakay|nan men|atrave) (?:\w+ )?{AGENT}"),
    cost("worker-fees", r"enskripsyon|anrejistreman|(?:fre|kou|depans) (?:jesyon|administrasyon|administratif|"
         r"kowodinasyon|lojistik|sevis|pwogram|tretman|seleksyon|dosye)"),
    practice("worker-fees", rf"{WORKER} (?:(?:dwe|ap|pral|va|fok|oblije|tou) )*(?:kontribye|patisipe|separe|ede peye) "
             rf"{GAP4}(?:fre|depans|kou|chaj)"),
)
ADVANCE = (
    practice("debt-bondage", rf"(?:avanse|prete|prefinanse|fe avans|bay avans) {GAP8}(?:retire|koupe|dedwi|wete|"
             rf"rekipere|ranbouse|kenbe) {GAP3}(?:sou|nan|soti nan) {GAP2}{WAGE}"),
)
DOCS = r"(?:paspo|dokiman|papye|kat idantite)(?: (?:a|yo|la|ou|w|li))?"
LAST = r"(?:anvan|jiska|jouk) (?:\w+ )?(?:denye|fen|lafen|bout|depa|ayewopo)"
RETENTION = (
    practice("passport-retention", rf"{DOCS} {GAP3}(?:pa|p) (?:janm |ap |pral )*(?:remet|renmet|retounen|bay tounen) "
             rf"(?:\w+ ){{0,3}}{LAST}"),
    practice("passport-retention", rf"(?:pa|p) (?:janm |ap |pral )*(?:remet|renmet|retounen|bay tounen|bay) (?:\w+ )?"
             rf"{DOCS} (?:\w+ ){{0,3}}{LAST}"),
    practice("passport-retention", rf"{DOCS} {GAP3}(?:ap )?(?:remet|renmet|retounen) selman (?:\w+ ){{0,2}}(?:denye|fe"
                                   rf"n|"
             r"lafen|depa)"),
)
EXIT = (
    practice("exit-penalty", rf"(?:kite|abandone|demisyone|kraze kontra|ale anvan|tounen anvan)\w* {GAP8}(?:ap |pral )?"
             rf"pedi {GAP3}(?:depo|garanti|kosyon|sale|lajan|kob|peman|ekonomi)"),
)
UNION = (
    practice("union-ban", rf"sendika\w*,? {GAP5}(?:kontra|travay|djob|anplwa)(?: (?:a|la|an|ou|w|li|yo))? (?:ap |pral "
                          rf")?"
             rf"(?:fini|kraze|anile|kanpe|sispann|tonbe)|sendika\w*,? {GAP5}(?:fini|kraze|anile|mete fen (?:nan|a)) "
             rf"(?:\w+ )?(?:kontra|travay|djob)|sendika\w* {GAP5}(?:se )?(?:rezon|koz) (?:pou )?(?:revokasyon|ranvwaye|"
             r"kraze kontra)"),
)
OT = r"(?:le siplemante|ledtan siplemante|edtan siplemante|siplemante|overtime)"
THREAT = r"(?:revoke|ranvwaye|pini|voye tounen|depote|pedi|mete deyo)"
OVERTIME = (
    practice("forced-overtime", rf"{OT} {GAP3}(?:se )?(?:obligatwa|fose|san limit|pa opsyonel)|(?:pa gen|san) limit "
             rf"(?:pou|nan|sou) (?:le|edtan|ledtan|siplemante)|(?:dwe|fok|oblije|gen pou) travay {GAP3}(?:{OT}|tout le|"
             r"tout edtan|otan le (?:ki|yo) (?:bezwen|mande)|san limit|jiskaske travay la fini)"),
    practice("forced-overtime", rf"(?:refize|pa vle|pa fe|pa aksepte) {GAP3}(?:fe |travay )?{OT} {GAP5}{THREAT}"),
)
REST_WORD = r"(?:jou (?:de )?repo|jou konje|jou lib|repo chak semen)"
REST = (
    practice("no-rest-day", rf"(?:pa gen|san) {REST_WORD}|travay (?:\w+ ){{0,2}}(?:7|set) jou (?:pa semen|chak semen|s"
                            rf"ou "
             r"(?:7|set))"),
    practice("no-rest-day", rf"(?:dwe|fok|oblije|gen pou) travay (?:nan |pandan |le )?(?:{REST_WORD}|dimanch|wikenn|jo"
                            rf"u "
             rf"fet)|{REST_WORD}(?: (?:yo|a|la))? (?:\w+ ){{0,2}}(?:anile|sispann|pa garanti)"),
    practice("no-rest-day", rf"(?:refize|pa vini|pa travay) {GAP3}(?:travay )?(?:nan |le |jou )?(?:dimanch|wikenn|"
             rf"{REST_WORD}|jou fet) {GAP5}{THREAT}"),
)
STORE_NAME = r"(?:magazen|boutik|komise|kantin) (?:fem|konpayi|patwon|bitasyon)(?: (?:a|la|an|lan|nan))?"
STORE = (
    practice("company-store", rf"(?:{STORE_NAME}) {GAP8}(?:retire|koupe|dedwi|wete|rekipere|kenbe) {GAP3}(?:sou|nan|"
             rf"soti nan) {GAP2}{WAGE}|(?:retire|koupe|dedwi) {GAP5}(?:{STORE_NAME})|(?:dwe|fok|oblije|gen pou) (?:ach"
             rf"te|"
             rf"fe pwovizyon|pran) {GAP5}(?:nan|kote|lakay) (?:{STORE_NAME})"),
)
TRANSFER = (
    practice("forced-transfer", rf"(?:transfere|voye|deplase|prete|mete) {GAP4}(?:nan|bay|al|ale) (?:lot|nenpot|plizye"
                                rf") "
             r"(?:fem|patwon|konpayi|plantasyon|bitasyon|jaden|anplwaye)"),
)
VISITOR = r"(?:vizit|vizite|envite|moun deyo|moun ki pa travay|fanmi|zanmi|jounalis)"
HOUSING = r"(?:lojman|dotwa|chanm|kan|kay)"
ISOLATION = (
    practice("isolation", rf"{VISITOR}(?: (?:yo|a|la))? (?:entedi|pa (?:otorize|pemet|aksepte|gen dwa (?:antre|vini)))|"
             rf"(?:entedi|pa gen dwa|pa ka|p ap ka) (?:\w+ ){{0,2}}(?:resevwa|fe vini|envite|mennen) (?:\w+ )"
             rf"?{VISITOR}|"
             rf"(?:pa gen|okenn) (?:okenn )?{VISITOR}(?: pa (?:otorize|pemet|aksepte))?(?= *(?:[.;,!]|$| nan "
             rf"{HOUSING}))"),
)
SIGNALS = (
    practice("no-hours-guarantee", rf"(?:le|edtan|ledtan|travay|revni|sale)(?: (?:yo|a|la))? {GAP3}(?:pa garanti|san "
             r"garanti)|pa gen (?:okenn )?(?:garanti (?:le|edtan|ledtan|travay|revni)|minimom (?:le|edtan|ledtan)|"
             r"(?:le|edtan|ledtan) garanti)|san garanti (?:le|edtan|ledtan|travay)|garanti (?:twa ka|3/4|75 ?%) "
             r"(?:\w+ ){0,2}pa (?:aplike|valab)"),
    cost("housing-charged", r"lojman|lwaye|chanm|dotwa"),
    practice("piece-rate-only", r"(?:pa pyes|a pyes|pa (?:bokit|kes|kg|kilo|liv|kod|inite|bin|sak)|pa pwodiksyon) "
             r"(?:\w+ ){0,2}(?:selman|solman|senpleman)|(?:selman|solman) (?:\w+ ){0,2}(?:pa pyes|a pyes|pa pwodiksyon|"
             r"pa (?:bokit|kes|kilo|liv|sak|bin))|(?:pa gen|san) (?:sale|peman|to) (?:pa le|pa edtan|fiks|debaz|chak l"
             r"e)"),
)
TRIGGERS = FEES + ADVANCE + RETENTION + EXIT + UNION + OVERTIME + REST + STORE + TRANSFER + ISOLATION + SIGNALS

LIMIT = r"jiska \d+|maksimom \d+|pa plis pase \d+|pa depase \d+|limite a \d+"
CONSENT = r"volonte\w*|opsyonel|(?:avek|ak) (?:konsantman|dako|ako) (?:yo|li|ou|w|travaye a)|si (?:yo|li|ou|w|" \
          r"travaye a) (?:dako|vle|mande|aksepte)|sou demann (?:yo|li|ou|w)"
CONTEXT = {
    "forced-overtime": rf"{LIMIT}|{CONSENT}",
    "no-rest-day": rf"(?:yon|1|de|2|lot) jou (?:repo|konje|lib)|woulman|repo konpansatwa|{CONSENT}",
    "forced-transfer": CONSENT,
    "isolation": r"pou (?:rezon )?(?:sekirite|ijyen)|nan (?:jaden|chan|faktori|zon travay)|pandan (?:le|edtan) travay|"
                 r"apre \d+|lannwit|aswe",
}
AGGRAVATION = {
    "forced-overtime": rf"san limit|pa gen limit|nenpot le|{THREAT}",
    "no-rest-day": THREAT,
    "forced-transfer": r"san (?:\w+ ){0,2}(?:konsantman|dako|ako|mande yo|avi)|selon bezwen|nenpot le",
}
