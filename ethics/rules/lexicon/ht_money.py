"""Haitian Creole triggers about money: fees, costs, withheld wages, debts, exit penalties (folded text)."""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.ht_words import CURRENCY, DETS, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12, WAGE

JOB = r"(?:travay|djob|plas|kontra|pozisyon)(?: (?:la|a|sa))?"
FEES = (
    practice("worker-fees", r"(?:lajan|kob|fre) pou (?:ka )?jwenn (?:travay|djob|plas|kontra)", cues="pay"),
    practice("worker-fees", r"fre (?:rekritman|enskripsyon|ajans|plasman|dosye|seleksyon|aplikasyon|sevis|pwosesis|"
             r"entevyou|anbochaj|rekrite|kontra)", cues="pay"),
    practice("worker-fees", rf"(?:peye|bay) {GAP3}(?:pou|pou w|pou ou) (?:ka )?(?:jwenn|genyen|gen|resevwa|rezeve|"
                            rf"kenbe) "
             rf"(?:yon )?{JOB}", cues="pay"),
    practice("worker-fees", rf"(?:peye|bay) {GAP2}(?:ajan|ajans|rekrite|rakete|koyot|entemedye|bouko){DETS}",
             cues="pay"),
    practice("worker-fees", rf"(?:fre|komisyon){DETS} (?:de |se |:)?\s*{CURRENCY}?\s*\d[\d,.]*", cues="pay"),
    practice("worker-fees", rf"(?:chaje|mande) {GAP2}(?:travaye|ouvriye|kandida|moun|ou|w){DETS} (?:\w+ ){{0,2}}(?:fre|"
             r"komisyon|lajan|kob|\d[\d,.]*)", cues="pay"),
    practice("worker-fees", rf"(?:depo|avans) {GAP3}pou (?:rezeve|kenbe|garanti|jwenn) {JOB}", cues="pay"),
    practice("worker-fees", rf"(?:bay|pote|voye|depoze|transfere) (?!(?:travaye|ouvriye|chak travaye)\b)(?:\w+ )"
             rf"{{0,3}}{CURRENCY}?\s*\d[\d,.]*\s*(?:dola|goud|usd)?(?: kach)? (?:bay|pou|anvan|nan)", cues="pay"),
    practice("worker-fees", rf"(?:\d+ ?%|yon pati) {GAP4}(?:chek|sale|peman|kob) {GAP2}(?:kom |tankou )?komisyon|"
             rf"komisyon {GAP3}(?:\d+ ?%|yon pati) {GAP3}(?:chek|sale|peman)", cues="pay"),
    practice("worker-fees", rf"(?:ajan|ajans|rekrite|koyot|entemedye)(?: (?:a|an|la|lan|yo))? {GAP3}(?:pran|kenbe|"
             rf"retire|koupe) {GAP3}(?:\d+ ?%|yon pati|pati) (?:sou|nan) {GAP2}(?:chek|sale|peman|kob)"),
    cost("worker-fees", r"fre|komisyon", generic=True),
)
COSTS = (
    cost("worker-costs", r"viza|pemi (?:travay|sejou)|otorizasyon travay|fre (?:viza|konsila|imigrasyon|anbasad|"
                         r"paspo)"),
    cost("worker-costs", r"(?:(?:tike|biye) (?:avyon|bis)|tike|biye|vol|vwayaj(?: ale)?|pasaj|fre (?:vwayaj|transpo|"
         r"tike)|transpo (?:pou )?ale)(?! (?:\w+ )?(?:retou|tounen))"),
    cost("worker-costs", r"egzamen (?:medikal|sante|san)|vaksen|vaksinasyon|setifika medikal|radyografi|tes dwog"),
    cost("worker-costs", r"fre (?:dokiman|tradiksyon|note|legalizasyon|setifikasyon)|dosye polis|setifika polis|kazye "
         r"jidisye|tradiksyon|fomasyon (?:anvan depa|obligatwa)|kou (?:lang|fomasyon)|asirans vwayaj"),
    cost("worker-costs", r"zouti|ekipman (?:pwoteksyon|sekirite)|inifom|bot(?: sekirite)?|gan"),
    cost("no-return-travel", r"(?:tike|biye|vol|vwayaj|pasaj|transpo) (?:\w+ )?(?:retou|pou retounen|tounen)|"
         r"repatriyasyon"),
)
END = r"(?:fen|lafen|bout) (?:sezon|kontra|rekot|travay|pwogram)(?: (?:an|a|la|lan))?"
WITHHELD = (
    # "pa gen peman pandan sezon an": nothing is paid while the work lasts.
    practice("withheld-wages", r"pa gen (?:okenn )?(?:peman|sale|lajan) (?:\w+ ){0,2}pandan (?:tout )?(?:sezon|"
             r"rekot|kontra)|pandan (?:tout )?(?:sezon|rekot|kontra)(?: an| la| a)?,? (?:\w+ ){0,2}pa (?:gen|resevwa|"
             r"touche) (?:okenn )?(?:peman|sale|lajan)"),
    practice("withheld-wages", r"(?:pa|p) (?:ap |pral |va )?(?:touche|resevwa|jwenn|peye) (?:\w+ ){0,3}(?:jiskaske|"
             r"jis|jouk) (?:\w+ ){0,3}(?:fini|bout|fen|lafen)"),
    practice("withheld-wages", r"(?:sale|peman|lajan)(?: (?:a|yo))? (?:\w+ ){0,2}(?:voye|transfere|peye|bay) (?:bay |"
                               r"nan men )?"
             r"(?:kontrakte|rekrite|ajans|ajan|bos)"),
    practice("withheld-wages", r"(?:siplemante|ledtan siplemante|le siplemante) (?:\w+ ){0,2}san (?:peye|peman)"),
    practice("withheld-wages", rf"{WAGE}{DETS} {GAP4}(?:ap )?(?:rete|kenbe|bloke|sere) (?:nan men|kote|lakay) "
                               rf"(?:patwon|"
             r"konpayi|ajans|bos)"),
    practice("withheld-wages", rf"(?:kenbe|retni|bloke|sere) {GAP3}(?:\d+ ?%|\d+ pousan|(?:yon )?(?:pati|mwatye|res|"
             rf"tout))?(?: nan| sou)? ?{WAGE}", cues="hold"),
    practice("withheld-wages", rf"(?:peye|touche|resevwa|jwenn) {GAP3}(?:selman |tout )?(?:nan|a|le|apre) {END}|"
                               rf"(?:peye|"
             rf"touche|resevwa|jwenn) {GAP3}(?:selman )?(?:le|apre) (?:sezon|kontra|rekot|travay)(?: (?:an|a|la|lan))? "
             r"(?:fini|bout|kaba)"),
    practice("withheld-wages", rf"(?:peye|touche|resevwa|jwenn) {GAP3}(?:selman )?(?:le|apre) (?:ou|w|yo|li|travaye a) "
             r"(?:retounen|tounen) (?:lakay|nan peyi|an ayiti)"),
    practice("withheld-wages", r"pa gen (?:okenn )?(?:sale|peman|lajan) (?:\w+ ){0,3}(?:jiskaske|jis|anvan)|ekonomi "
             r"fose|epay fose"),
)
LOAN = r"(?:pre|avans|det|kredi|lajan (?:yo )?prete)"
DEBT = (
    practice("debt-bondage", r"dwe (?:nou|patwon an|ajans lan|rekrite a|bos la) (?:pou|lajan|kob|\d[\d,.]*)"),
    practice("debt-bondage", rf"{LOAN}{DETS} {GAP8}(?:ap )?(?:retire|koupe|dedwi|wete|ranbouse|peye|rekipere) {GAP3}"
             rf"(?:sou|nan|ak|soti nan) {GAP2}(?:sale|lajan|peman|kob|travay|chek)"),
    practice("debt-bondage", rf"(?:ranbouse|peye|regle|koupe|retire|travay pou peye) {GAP3}(?:yon |la |a |lan )?{LOAN}",
             cues="pay"),
    practice("debt-bondage", rf"{LOAN}{DETS} {GAP5}(?:ak|avek|a|plis) {GAP2}(?:\d+ ?%|\d+ pousan|entere)|entere {GAP3}"
             rf"(?:sou|nan) {GAP2}{LOAN}|(?:\d+ ?%|chak mwa|chak semen) (?:d )?entere|ak entere|avek entere"),
    practice("debt-bondage", rf"dwe (?:lajan|kob|yon det|\d[\d,.]*) {GAP2}(?:bay |a |ak )?(?:patwon|ajans|rekrite|"
             r"konpayi|bos)|nan det (?:ak|anba) (?:patwon|ajans|rekrite|konpayi)|andete"),
    practice("debt-bondage", rf"(?:travay|rete) {GAP4}(?:jiskaske|jis|jouk) {GAP4}(?:det|pre|avans|kob)\w* (?:\w+ "
                             rf"){{0,2}}"
             r"(?:fin peye|peye|regle|ranbouse)|esklavaj pou det"),
)
PENALTY = r"(?:penalite|amann|sanksyon|pedi|ranbouse|peye|remet (?:tout )?lajan|koupe|retire)"
LEAVE = r"(?:kite|abandone|demisyone|kraze kontra|sove|chape|chanje patwon|ale anvan|tounen anvan|anvan (?:fen|lafen|" \
        r"bout)|kite travay)"
EXIT = (
    practice("exit-penalty", r"siyen (?:\w+ ){0,5}(?:pou (?:yo |li )?peye|garanti)|(?:lajan|kob) garanti"),
    practice("exit-penalty", rf"(?:kite travay la|kite|abandone|kraze kontra) {GAP8}(?:ap koute|koute|vle di|lakoz) "
             rf"{GAP3}(?:yon )?(?:penalite|amann|fre)"),
    practice("exit-penalty", rf"(?:depo|garanti|kosyon){DETS} (?:de |se |:)?\s*{CURRENCY}?\s*\d[\d,.]*", cues="payer"),
    practice("exit-penalty", rf"(?:peye|bay|kite|depoze|siyen|mande|egzije) {GAP3}(?:yon |la |a )?(?:depo|kosyon|"
             r"garanti)(?! (?:labank|direk|nan kont))", cues="payer"),
    practice("exit-penalty", rf"{PENALTY} {GAP8}(?:si|le|lo|an ka) {GAP4}{LEAVE}", cues="payer"),
    practice("exit-penalty", rf"(?:si|le|lo|an ka|moun ki|travaye ki|nenpot moun ki|sila ki) {GAP5}{LEAVE},? {GAP12}"
             rf"{PENALTY}", cues="payer"),
    practice("exit-penalty", r"(?:penalite|amann|fre) (?:pou|si) (?:\w+ ){0,2}(?:kite|kraze kontra|abandone|"
                             r"demisyone)"),
)
TRIGGERS = FEES + COSTS + WITHHELD + DEBT + EXIT
