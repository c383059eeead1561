"""Haitian Creole triggers about freedom: documents, movement, unions, discrimination, age (folded text)."""

from ethics.rules.lexicon.base import permission, practice
from ethics.rules.lexicon.ht_words import DETS, DOC, GAP2, GAP3, GAP4, GAP5, LEAVE_PLACE, PLACE, RETAIN

RETENTION = (
    practice("passport-retention", rf"{DOC}{DETS} {GAP3}(?:ap )?(?:rete|ret) (?:ak|avek|kote|nan men) (?:sipevize|"
             r"patwon|chef|konpayi|ajans|rekrite|bos|administrasyon|manadje)"),
    practice("passport-retention", rf"{DOC}{DETS} {GAP3}(?:ap )?(?:rete|ret) anba (?:kontwol|responsablite|men) (?:nou|"
             r"patwon|konpayi|ajans)"),
    practice("passport-retention", rf"{RETAIN} {GAP4}{DOC}", cues="hold"),
    practice("passport-retention", rf"{DOC}{DETS} {GAP4}(?:ap )?(?:rete|ret) (?:nan men|kote|nan biwo) (?:patwon|"
             r"konpayi|ajans|rekrite|bos|sipevize)"),
    practice("passport-retention", rf"{DOC}{DETS} {GAP3}(?:ap )?(?:rete|ret) nan (?:kof|kofrefo|biwo)"),
    practice("passport-retention", rf"{DOC}{DETS} {GAP4}(?:ap )?(?:remet|retounen|bay tounen) {GAP3}(?:selman )?(?:nan|"
                                   rf"a|"
             r"le|apre) (?:fen|lafen|bout|depa)"),
)
PHONE = r"(?:telefon|selile|potab)"
MOVEMENT = (
    practice("movement-restriction", r"(?:ka|kapab) soti (?:\w+ ){0,3}selman|soti (?:\w+ ){0,4}selman (?:ak|avek) "
             r"(?:yon |le )?(?:sipevize|gad|chef|responsab)"),
    practice("movement-restriction", r"(?:barye|pot|pòt|gadyen)(?: (?:a|la|yo))? (?:\w+ ){0,2}(?:femen|fèmen) (?:a|"
                                     r"apre) "
             r"\d+\w*"),
    practice("movement-restriction", r"kouvrefe|kouvre fe"),
    practice("movement-restriction", rf"(?:konfiske|pran|kenbe|sere|ranmase|retire|remet) {GAP3}{PHONE}|{PHONE}{DETS} "
             rf"{GAP4}(?:ap )?(?:konfiske|ranmase|kenbe|sere|entedi)", cues="hold"),
    practice("movement-restriction", r"femen (?:\w+ ){0,3}(?:ak kle|a kle|aswe|lannwit|pa deyo)|enfemen|anba kle|kadna|"
             r"veye (?:\w+ ){0,2}(?:pa gad|24 edtan|tout tan|jou kou nwit)"),
    practice("movement-restriction", rf"(?:bezwen|dwe mande|fok yo mande|fok ou mande|oblije mande|dwe jwenn) {GAP2}"
             rf"(?:yon )?(?:otorizasyon|pemisyon|lesepase|pas) {GAP3}(?:pou )?(?:soti|kite|ale|vwayaje)|"
             rf"soti {GAP4}selman "
             r"(?:ak|avek|apre) (?:\w+ ){0,2}(?:otorizasyon|pemisyon)"),
    practice("movement-restriction", rf"soti {GAP4}(?:mande|bezwen) {GAP2}(?:yon )?(?:otorizasyon|pemisyon)"),
    practice("movement-restriction", r"(?:fok|dwe|oblije) (?:ou |yo |w )?mande (?:chef|patwon|sipevize|bos|responsab)"
             r"\w*(?: (?:a|la|an|lan))? (?:\w+ ){0,2}(?:anvan|pou) (?:ou |yo |w )?(?:ale|soti|kite)"),
    practice("movement-restriction", rf"(?:eskote|veye|swiv|siveye)\w* {GAP3}(?:tout tan|chak fwa yo soti|le yo soti|"
             r"deyo|lavil)|(?:deplasman|mouvman) (?:\w+ ){0,2}(?:kontwole|limite|restrenn|siveye|veye)"),
    practice("movement-restriction", rf"(?:dwe|fok|oblije) (?:rete|ret) {GAP3}(?:nan|sou|anndan) {PLACE}{DETS} {GAP2}"
             r"(?:tout tan|apre travay|jou konje|wikenn|lannwit|aswe|toujou)"),
    practice("movement-restriction", r"izole|san kontak ak (?:fanmi|deyo|pesonn|moun)"),
    permission("movement-restriction", r"(?:(?:ka|kapab|gen dwa|lib pou|lib|otorize pou|pemet pou)\s+(?:pa |p )?"
               r"(?:toujou |tou )?)?" + LEAVE_PLACE + r"|libete pou (?:deplase|soti|ale vini)"),
)
UNION_WORD = r"(?:yon |nan |la |nenpot )?(?:sendika|asosyasyon travaye|oganizasyon travaye|negosyasyon kolektif)"
UNION = (
    permission("union-ban", rf"(?:antre nan|fe pati|fe pati de|manm|vin manm|fome|fonde|kreye|patisipe nan|kontakte|"
                            rf"pale "
               rf"ak|sipote|rekonet|respekte|aksepte|tolere|pemet|otorize) {GAP3}{UNION_WORD}"),
    permission("union-ban", r"sendika\w*|libete sendikal|libete asosyasyon|dwa (?:pou )?(?:fe greve|greve|oganize|"
               r"asosye|fe sendika)|negosyasyon kolektif|fe greve|greve|aktivite sendikal|reyinyon sendika|"
               r"reprezantan sendika"),
    practice("union-ban", r"anti ?sendika\w*|siyen (?:\w+ ){0,3}pou (?:yo |li |w )?pa antre nan (?:okenn |yon "
                          r")?sendika"),
)
NOT_OR = r"(?!\s*(?:ak|epi|oswa|/|,)\s*\w)"
NAT = r"(?:ayisyen|dominiken|meksiken|jamayiken|kiben|venezyelyen|etranje|blan|nwa|endijen|kolonbyen|" \
      r"gwatemalteyen|ondiryen|salvadoryen|brezilyen|chilyen|kanadyen|ameriken)"
REL = r"(?:katolik|pwotestan|kretyen|advantis|temwen jewova|mizilman|batis)"
DISCRIMINATION = (
    practice("discrimination", rf"(?:selman|solman|annik|eksklizivman) (?:\w+ )?(?:gason|fanm|fi|madanm|mesye){NOT_OR}|"
             r"(?:gason|fanm|fi)(?: yo)? (?:selman|solman|eksklizivman|an premye|pito)\b|seks\s*(?::|-|=)\s*(?:gason|"
             r"fanm|fi|maskilen|feminen)|(?:dwe|fok) (?:se |yo se )?(?:gason|fanm)\b|(?:bezwen|chache|ap chache|"
             r"anboche|ap anboche) (?:selman )?(?:\d+ )?(?:gason|fanm|fi)(?: (?:jen|fo|solid|selibate))?" + NOT_OR),
    practice("discrimination", r"pa (?:aksepte|anboche|pran) (?:\w+ )?(?:fanm|gason|fanm ansent|manman)|(?:fanm|gason|"
             r"fanm ansent|manman) (?:\w+ )?(?:pa (?:ka|dwe) (?:aplike|postile)|pa aksepte|pa admet)|pito (?:gason|"
             r"fanm|"
             r"jen|selibate)"),
    practice("discrimination", r"(?:gwoses|ansent) (?:\w+ ){0,2}negatif|negatif (?:\w+ ){0,2}(?:gwoses|ansent)"),
    practice("discrimination", rf"tes (?:gwoses|ansent)|setifika (?:pa )?ansent|prev (?:\w+ ){{0,2}}(?:pa )?ansent|pa "
             rf"(?:dwe )?(?:ansent|gwo vant)|ansent {GAP5}(?:revoke|ranvwaye|voye tounen|tounen lakay|pedi)\w*|"
             rf"kontrasepsyon"),
    practice("discrimination", r"(?:dwe|fok) (?:\w+ )?(?:selibate|marye|divose)|(?:selibate|marye|san pitit) (?:selman|"
             r"solman|pito)|(?:selman|solman) (?:moun )?(?:selibate|marye|san pitit)|eta sivil\s*(?::|-|=)\s*"
             r"(?:selibate|marye)|pa dwe gen pitit"),
    practice("discrimination", rf"(?:selman|solman) (?:moun )?{REL}|{REL} (?:selman|solman|pito)|(?:dwe|fok) (?:\w+ )?"
             rf"{REL}|relijyon\s*(?::|-|=)\s*(?!nenpot|tout|okenn)\w+|(?:dwe|fok|oblije) (?:ale|asiste) (?:legliz|"
             rf"lames|"
             r"mes|kilt)"),
    practice("discrimination", rf"(?:pito|rezeve pou) (?:\w+ )?(?:gason|fanm|jen|selibate|{NAT}|{REL})"),
    practice("discrimination", rf"(?:selman|solman) (?:moun |travaye )?{NAT}|{NAT} (?:selman|solman|pito)\b|pa "
                               rf"(?:aksepte|"
             rf"anboche|pran) (?:moun |travaye )?{NAT}|{NAT} (?:pa (?:ka|dwe) aplike|pa aksepte)|nasyonalite\s*(?::|-|"
             rf"=)"
             rf"\s*(?!nenpot|tout)\w+|(?:dwe|fok) (?:se |yo se )?{NAT}"),
)
AGE = (
    practice("discrimination", r"laj\s*(?::|-|=|ant|de)?\s*(?:ant |de )?\d{2}\s*(?:-|a|ak|e|rive|jiska)\s*"
             r"(?P<upper>\d{2})"),
    practice("discrimination", r"\d{2}\s*(?:-|a|ak|rive)\s*(?P<upper>\d{2})\s*an\b(?! eksperyans)"),
    practice("discrimination", r"(?:mwens pase|mwens ke|pa plis pase|pa pi plis pase|pa depase|jiska|maksimom|pa gen "
             r"plis pase|anba)\s*(?P<upper>\d{2})\s*an\b"),
    practice("discrimination", r"(?:laj maksimom|limit laj)\s*(?::|-|=)?\s*(?P<upper>\d{2})"),
    practice("discrimination", r"(?:plis pase|depase)\s*(?P<upper>\d{2})\s*an\s*(?:pa aksepte|pa ka aplike|pa bezwen "
             r"aplike)"),
    practice("discrimination", r"(?:chache|bezwen|pito|selman|solman|anboche) (?:\w+ )?jen (?:moun|gason|fanm|travaye)|"
             r"jen (?:moun|gason|fanm|travaye) (?:selman|pito)"),
    practice("underage", r"(?:laj minimom|apati|depi|omwen|plis pase)\s*(?::|-|=)?\s*1[0-7]\s*an\b|laj minimom\s*"
             r"(?::|-|=)?\s*1[0-7]\b"),
)
TRIGGERS = RETENTION + MOVEMENT + UNION + DISCRIMINATION + AGE
