"""Haitian Creole vocabulary shared by the Creole triggers and cues (folded: lowercase, no accents).

Folding turns "travayè" into "travaye", "paspò" into "paspo"; "anplwayè" (employer) is renamed
"patwon" before folding so that it is not confused with "anplwaye" (employee).
"""

from ethics.rules.lexicon.base import alt, gap

NEG = r"pa|p|okenn|janm|jame|anyen|pesonn|ni"
# "san" is "without" but also "hundred" ("twa san dola"): a number word after it is not a negation.
WEAK_NEG = r"san(?! (?:dola|goud|mil|\d))|olye"
GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12 = (gap(n, NEG + "|" + WEAK_NEG) for n in (1, 2, 3, 4, 5, 8, 12))

DETS = r"(?: (?:a|la|yo|an|lan|nan))?"
WORKER_NOUN = r"(?:travaye|ouvriye|anplwaye|kandida|moun k(?:i)? ap travay|moun ki travay)"
WORKER = rf"(?:chak )?(?:{WORKER_NOUN}{DETS}|ou|w)"
EMPLOYER_NOUN = r"(?:patwon|konpayi|antrepriz|biznis|fem|ajans|rekrite|bos|met travay|direksyon|sipevize|chef|" \
                r"administrasyon|manadje)"
EMPLOYER = rf"(?:{EMPLOYER_NOUN}{DETS}|nou)"
MODALS = r"dwe|ap|pral|va|ava|ka|kapab|gen pou|genyen pou|fok|fo|oblije|toujou|tou|menm|ki|k|se|te|deja|" \
         r"direkteman|konpletman|responsab pou"
MODAL = rf"(?:(?:{MODALS})\s+){{0,3}}(?:(?P<neg>pa|p)\s+(?:(?:{MODALS})\s+){{0,2}})?"
PAY_VERB = r"(?:peye|kouvri|finanse|pran (?:an )?chaj|pran swen|achte|bay kob|bay lajan|debouse)"
WAGE = r"(?:sale|lajan|peman|kob|chek|pewol)"
CURRENCY = r"(?:us\$|\$|dola|goud|htg|usd)"
PLACE = r"(?:fem|lojman|pwopriyete|kan|dotwa|lakou|peyi|kay|chanm)"
LEAVE_PLACE = alt(
    rf"soti(?: nan)? {PLACE}{DETS}", rf"kite {PLACE}{DETS}", r"soti(?=\s*(?:[.;,!]|$))",
    r"soti (?:le yo vle|nenpot le|lib|libreman|jou konje)", r"ale (?:lavil|nan vil|fe pwovizyon|achte)",
    r"deplase lib(?:man)?", r"(?:rele|kontakte) (?:fanmi|konsila)(?: (?:yo|li|ou|w))?",
    r"(?:sevi ak|kenbe) telefon (?:yo|li|ou|w)", r"ale vini",
    r"pale ak (?:moun (?:deyo|ki pa travay)|vizite|jounalis|pesonn)",
)
DOC = alt(
    r"paspo", r"(?:kat|pyes|dokiman) idantite", r"dokiman (?:yo|li|ou|w|pesonel|vwayaj)",
    r"papye (?:idantite|yo|li|ou|w|moun)", r"kat (?:rezidans|sejou)", r"ak nesans", r"batiste", r"kat bank",
)
RETAIN = r"(?:kenbe|konfiske|pran|sere|retni|gade|ranmase|kolekte|depoze|remet|mete nan (?:kof|biwo))"
RETURN_SOON = (
    r"(?:remet|renmet|retounen|bay tounen|voye tounen|bay (?:li|yo) tounen) (?:\w+ ){0,3}?(?:touswit|imedyatman|"
    r"menm kote a|menm jou a|nan menm jou|apre (?:verifikasyon|yo fin verifye|yo fin fe kopi|kopi))"
)
