"""Haitian Creole lexicon: negation, cues and context; the triggers live in ``ht_money`` and ``ht_freedom``."""

from ethics.rules.lexicon import ht_freedom, ht_money, ht_work
from ethics.rules.lexicon.base import Lexicon, cue
from ethics.rules.lexicon.ht_words import (
    DETS,
    EMPLOYER,
    EMPLOYER_NOUN,
    MODAL,
    NEG,
    PAY_VERB,
    RETAIN,
    RETURN_SOON,
    WAGE,
    WEAK_NEG,
    WORKER,
    WORKER_NOUN,
)

SUBJECT = r"(?:chak )?(?:travaye|ouvriye|anplwaye|patwon|konpayi|antrepriz|ajans|rekrite|nou|kandida)\b"
HOLDER = rf"(?:{WORKER_NOUN}{DETS}|ou|w|li|met (?:li|yo))"

PAY_CUES = (
    cue(rf"(?:retire|koupe|dedwi|dedui|wete|soustre) (?:\w+ ){{0,8}}(?:sou|nan|soti nan) (?:chak |premye "
        rf")?{WAGE}", False),
    cue(rf"{WORKER}\s+{MODAL}{PAY_VERB}", False),
    cue(rf"(?:sou|a) kont (?:{WORKER_NOUN}{DETS}|ou|w|yo|li)|nan poch (?:ou|w|yo|li|{WORKER_NOUN}{DETS})|ak (?:pwop )?"
        r"(?:kob|lajan) (?:ou|w|yo|li)|(?:peye|achte) (?:\w+ )?pwop", False),
    cue(rf"(?:retire|koupe|dedwi|dedui|wete|soustre|pran) (?:\w+ ){{0,3}}(?:sou|nan|soti nan) (?:premye "
        rf")?{WAGE}", False),
    cue(rf"(?:peye|kouvri) pa {WORKER_NOUN}", False),
    cue(rf"{EMPLOYER}\s+{MODAL}{PAY_VERB}", True),
    cue(rf"(?:peye|kouvri|finanse) pa {EMPLOYER_NOUN}|(?:sou|a) kont {EMPLOYER_NOUN}{DETS}", True),
    cue(r"gratis|gratuit|san (?:okenn )?fre|pa koute (?:\w+ ){0,2}anyen", True),
    cue(rf"ranbouse (?:{WORKER_NOUN}|ou|w|yo|li)|remet (?:ou|w|yo|li) lajan", True, 2),
    cue(r"(?:koute|pri a se|pri) (?:\w+ ){0,2}(?:\$|us\$)?\s*\d[\d,.]*", False, 0),
    cue(r"(?:dwe|fok|fo|oblije|gen pou) (?:\w+ )?peye", False, 0),
)
# Who pays, without the excuses a deposit or a penalty does not get ("refundable", "free").
PAYER_CUES = tuple(c for c in PAY_CUES if c.strength == 1)
HOLD_CUES = (
    cue(rf"{WORKER}\s+{MODAL}(?:kenbe|gade|sere|genyen|gen|pote|kontwole|rete ak)", True),
    cue(rf"(?:rete|ret|toujou) (?:\w+ ){{0,2}}(?:nan men|avek|ak|kote) {HOLDER}", True),
    cue(rf"(?:remet|renmet|retounen|voye tounen) (?:\w+ ){{0,3}}(?:bay |a )?{WORKER_NOUN}", True),
    # "ou kenbe telefon ou": the worker addressed keeps it when no actor is said.
    cue(r"(?:ou|nou) (?:ka |ap |kapab |toujou )?(?:kenbe|gade|sere|pote)", True, 0),
    cue(rf"{EMPLOYER}\s+{MODAL}{RETAIN}", False),
    cue(rf"(?:bay|nan men|kote|ak|avek|pa) (?:{EMPLOYER_NOUN}|sipevize){DETS}|nan (?:biwo|kofrefo|kof)", False),
)

LEXICON = Lexicon(
    lang="ht",
    negation=NEG,
    weak_negation=WEAK_NEG,
    after=r"okenn|anyen|gratis|gratuit|zewo|entedi|ilegal|pa (?:egziste|peye|mande|chaje|koute|retire|koupe|pran|"
          r"kenbe|egzije|nesese|obligatwa|pemet|otorize)|pa janm (?:peye|mande|retire|koupe|kenbe)|"
          r"(?<![\d.,])0+(?:[.,]0+)?(?![\d.,]*\d)",
    list_negation=r"san (?:okenn )?(?:kondisyon|egzijans|egzije|mande|diskriminasyon|distenksyon|gade)|"
                  r"kit (?:ou|li|yo) se",
    prohibition=r"entedi|li entedi|se entedi|ilegal|kont lalwa",
    restrictor=r"entedi|anpeche|pini|revoke|mete (?:\w+ )?deyo|ranvwaye|voye (?:\w+ )?tounen|depote|menase|"
               r"sanksyone|penalize",
    denial=r"(?:p|pa) (?:ap |pral )?(?:janm )?(?:travay isit ankò|travay isit anko|tounen travay)|entedi|pa (?:pemet|"
           r"otorize|aksepte|tolere)|revoke|ranvwaye|pini|voye (?:\w+ )?tounen|mete (?:\w+ )?deyo|"
           r"depote|restrenn|limite|lakoz revokasyon|pedi (?:travay|djob|kontra)"
           r"|(?:kontra|travay|djob)(?: (?:a|la|an|ou|w))? (?:fini|kraze|anile)|mete fen (?:nan|a) (?:kontra|travay)",
    breakers=rf",(?=\s*(?:epi\s+|men\s+|ak\s+)?{SUBJECT})|\b(?:epi|ak|oswa|men)\b(?=\s+{SUBJECT})",
    conjunctions=r"ak|epi|ni|oswa",
    triggers=ht_money.TRIGGERS + ht_freedom.TRIGGERS + ht_work.TRIGGERS,
    cues={"pay": PAY_CUES, "payer": PAYER_CUES, "hold": HOLD_CUES},
    context={
        **ht_work.CONTEXT,
        "passport-retention": rf"kopi|fotokopi|eskane|{RETURN_SOON}|pou (?:verifikasyon|verifye|idantifikasyon|fe kopi|"
                              r"anrejistreman)|(?:ka|kapab) (?:mande|pran|jwenn) (?:yo|li) (?:\w+ ){0,2}(?:nenpot le|"
                              r"nenpot ki le|le yo vle|le w vle)|volonte|si (?:travaye a |yo |ou )?(?:vle|mande)",
        "withheld-wages": r"enpo|taks|ona|lalwa|bonis|bonus|vakans|konje|denye peman|resi|fich peman|(?:tike|vol|"
                          r"vwayaj|"
                          r"transpo) (?:\w+ )?retou",
        "debt-bondage": r"san entere|pa gen entere|okenn entere|zewo entere",
        "exit-penalty": r"bonis|bonus|depo (?:labank|direk|nan kont)|depoze nan kont",
        "movement-restriction": r"pandan (?:ke |le )?(?:travay|ore travay|edtan travay)|pou rezon sekirite|pa anndan|"
                                r"pwop kle|kle pa yo|pa bezwen (?:mande )?(?:okenn )?(?:otorizasyon|pemisyon)",
        "union-ban": r"pa bezwen (?:mande )?(?:okenn )?(?:otorizasyon|pemisyon)",
        "discrimination": r"ako bilateral|pwogram bilateral",
    },
    next_context={"passport-retention": rf"^(?:yo|li|paspo|dokiman)(?: (?:a|yo|la))? (?:\w+ ){{0,3}}?{RETURN_SOON}"},
    aggravation={
        **ht_work.AGGRAVATION,
        "passport-retention": r"jiskaske|jis (?:nan |a )?(?:fen|lafen|bout)|jouk (?:nan )?(?:fen|lafen)|pandan tout "
                              r"(?:sezon|kontra|peryod)|kom garanti|an garanti|nan fen sezon|a lafen sezon|pou "
                              r"sekirite",
    },
)
