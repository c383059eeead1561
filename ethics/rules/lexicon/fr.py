"""French lexicon: negation, cues and context; the triggers live in ``fr_money`` and ``fr_freedom``."""

from ethics.rules.lexicon import fr_freedom, fr_money, fr_work
from ethics.rules.lexicon.base import Lexicon, cue
from ethics.rules.lexicon.fr_words import (
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

# French negation closes after the verb ("ne paie pas"): the cue takes the closing word with it.
TAIL = r"(?: pas| jamais| plus| rien)?"
SUBJECT = r"(?:le |la |les |l'|chaque |nos |notre |leur )?(?:travailleu\w*|salarie\w*|employe\w*|employeu\w*|" \
          r"entreprise|societe|ferme|exploitation|nous|ils|elles|vous|candidat\w*|recruteu\w*|agence|patron\w*)\b"
BY = r"(?:le |la |les |l'|chaque |notre |nos )?"
TO = r"(?:au|aux|a la|a l'|a chaque)\s*"

PAY_CUES = (
    cue(rf"(?:deduite?s?|prelevee?s?|retenue?s?|retiree?s?|deduit|preleve|retient|retire) (?:\w+ ){{0,6}}(?:sur|de) "
        rf"(?:chaque |la |le |leur |votre |son )?{WAGE}", False),
    cue(rf"{WORKER}\s*{MODAL}{PAY_VERB}{TAIL}", False),
    cue(rf"{WORKER}\s*{MODAL}(?:rembourse|remboursent|rembourser|responsables? (?:de|du|des)){TAIL}", False),
    cue(rf"(?:a la charge|aux frais|a la charge exclusive|aux depens) (?:du|des|de la|de l')\s*(?:propre )?"
        rf"{WORKER_NOUN}|a (?:vos|leurs) (?:propres )?frais|a (?:votre|leur) charge|de (?:votre|leur|sa) poche|"
        rf"(?:payer|"
        r"acheter|financer|regler) (?:\w+ )?(?:votre|leur|sa|son|ses|leurs|vos) propres?", False),
    cue(rf"(?:payee?s?|pris(?:es?)? en charge|assumee?s?|financee?s?|supportee?s?|reglee?s?|acquittee?s?) (?:\w+ )?par "
        rf"{BY}{WORKER_NOUN}", False),
    cue(rf"(?:deduite?s?|prelevee?s?|retenue?s?|retiree?s?|soustraite?s?|decomptee?s?|retranchee?s?|deductions?|"
        rf"retenues?|prelevements?|deduit|preleve|retient|retire|decompte) (?:\w+ ){{0,3}}(?:sur|du|de|des|a)\s*(?:le |"
        rf"la "
        rf"|les |son |leur |votre |vos |ses |leurs |l')?(?:premiers? |premieres? )?{WAGE}", False),
    cue(rf"(?:demandee?s?|facturee?s?|reclamee?s?|exigee?s?|imputee?s?|chargee?s?|prelevee?s?|facture|demande|"
        rf"exige|impute|reclame) (?:\w+ )?{TO}{WORKER_NOUN}", False),
    # "par travailleur" without an article is "per worker", not "by the worker".
    cue(rf"par (?:le |la |les |l'|chaque |notre |nos ){WORKER_NOUN}", False),
    cue(rf"{EMPLOYER}\s*{MODAL}(?:{PAY_VERB}|responsables? (?:de|du|des)){TAIL}", True),
    cue(rf"(?:payee?s?|pris(?:es?)? en charge|assumee?s?|financee?s?|supportee?s?|remboursee?s?|couverte?s?|"
        rf"offerte?s?|fournie?s?|reglee?s?|acquittee?s?) (?:\w+ ){{0,2}}par {BY}{EMPLOYER_NOUN}", True),
    cue(rf"(?:a la charge|aux frais|aux depens) (?:de l'|du |de la |des |de notre )\s*{EMPLOYER_NOUN}|par {BY}"
        rf"{EMPLOYER_NOUN}", True),
    cue(r"gratuite?s?|gratuitement|sans frais|sans aucun frais|sans cout|sans aucun cout|offerte?s?|a titre gracieux|"
        r"inclus(?:e|es)?|pris(?:es?)? en charge", True),
    cue(rf"remboursee?s?|remboursement|rembours\w* (?:\w+ )?{TO}{WORKER_NOUN}|(?:lui|leur) (?:rembours|rend)\w*",
        True, 2),
    cue(r"non remboursable\w*|rembours\w* (?:\w+ ){0,3}(?:seulement |uniquement )?(?:si|lorsque|quand|a condition "
        r"que|apres) (?:\w+ ){0,4}(?:termin|achev|complet|fin|rest)\w*", False, 2),
    cue(r"(?:coute|coutent|cout de|prix de|montant de) (?:\w+ ){0,2}(?:\$|usd|eur|€|cad)?\s*\d[\d,.]*", False, 0),
    cue(r"(?:doit|doivent|devra|devront|faut|devez) (?:\w+ )?(?:payer|regler|financer|acheter|couvrir)", False, 0),
)
# Who pays, without the excuses a deposit or a penalty does not get ("refundable", "free").
PAYER_CUES = tuple(c for c in PAY_CUES if c.strength == 1)
HOLD_CUES = (
    cue(rf"{WORKER}\s*{MODAL}(?:garde|gardent|conserve|conservent|detient|detiennent|possede|possedent|a|ont|porte|"
        rf"portent|controle|controlent|reste en possession de|restent en possession de|garder|conserver|"
        rf"avoir){TAIL}", True),
    cue(rf"(?:reste|restent|demeure|demeurent|sont|est|gardee?s?|conservee?s?) (?:\w+ ){{0,2}}(?:en (?:la )?possession "
        rf"(?:du|des|de la|de l')|entre les mains (?:du|des|de la|de l')|avec|chez|par)\s*{BY}(?:propre )?"
        rf"(?:{WORKER_NOUN}|titulaires?|proprietaires?)", True),
    cue(r"en (?:sa|leur|votre) (?:propre )?possession|entre (?:ses|leurs|vos) mains|sur (?:lui|elle|eux|vous)", True),
    cue(rf"(?:remise?s?|rendue?s?|restituee?s?|retournee?s?) (?:\w+ ){{0,3}}{TO}(?:{WORKER_NOUN}|titulaires?)", True),
    # "... et gardent leur telephone": the possessive names the worker when no actor is said.
    cue(r"(?:gardent|conservent|detiennent|portent|garde|conserve|detient|porte) (?:leur|leurs|son|sa|ses|votre|vos)"
        r"(?: propres?)?", True, 0),
    cue(rf"{EMPLOYER}\s*{MODAL}{RETAIN}{TAIL}", False),
    cue(rf"(?:par|a|au|chez|aupres de)\s*{BY}{EMPLOYER_NOUN}", False),
    cue(r"(?:au|dans le|dans un) (?:bureau|coffre|coffre fort)", False),
)

LEXICON = Lexicon(
    lang="fr",
    negation=NEG,
    weak_negation=WEAK_NEG,
    after=r"aucune?|neant|nul|nulle|zero|gratuite?s?|offerte?s?|interdite?s?|prohibee?s?|illegal\w*|exoneree?s?|"
          r"(?<!pour )ne (?:sont|sera|seront|est|doit|doivent|peut|peuvent)? ?(?:pas|jamais)|n'(?:est|a|ont|ont) "
          r"(?:pas|jamais)|"
          r"jamais|(?<![\d.,])0+(?:[.,]0+)?(?![\d.,]*\d)",
    list_negation=r"sans (?:aucune? )?(?:exigence|exiger|condition|distinction|discrimination|demander|"
                  r"egard)\w*(?: de| d'| a| quant a)?|independamment de|"
                  r"quel(?:le)?s? que soi(?:t|ent)|aucune exigence (?:de|quant a|sur)",
    prohibition=r"interdite?s?|prohibee?s?|interdiction|illegal|nous interdisons|il est interdit",
    restrictor=r"(?:interdit\w*|empeche\w*|prive\w*|sanctionne\w*|puni\w*|licencie\w*|renvoye\w*|congedie\w*|"
               r"expulse\w*|menace\w*|penalise\w*) (?:de|pour|si|a|d(?='))|(?:interdit|interdisent|empeche|empechent|"
               r"sanctionne|sanctionnent|punit|punissent|licencie|licencient|renvoie|renvoient)|il est interdit|"
               r"interdiction",
    denial=r"(?:ne )?(?:sera|seront) pas (?:reembauchee?s?|rappelee?s?)|interdite?s?|prohibee?s?|(?:n'est|ne sont|ne "
           r"sera|ne seront) pas (?:autorise|permis|tolere|accepte)\w*|"
           r"(?:non|pas) (?:autorise|permis|tolere|accepte)\w*|sanctionne\w*|puni\w*|licencie\w*|renvoye\w*|"
           r"congedie\w*|expulse\w*|rapatrie\w*|motif de (?:licenciement|renvoi|rupture)|entraine(?:ra)? (?:le |un |"
           r"leur )?"
           r"(?:licenciement|renvoi|rapatriement)|restreinte?s?|limitee?s?|perdr(?:a|ont) (?:son|leur) (?:emploi|"
           r"travail|contrat|poste)"
           r"|met(?:tra)? fin (?:au|a leur|a son) (?:contrat|emploi)|(?:rompt|annule|resilie) (?:le |leur )?contrat",
    breakers=rf",(?=\s*(?:et\s+|mais\s+|tandis que\s+)?{SUBJECT})|\b(?:et|ou|tandis que|alors que)\b(?=\s+{SUBJECT})",
    conjunctions=r"et|ou|ni|ainsi que",
    triggers=fr_money.TRIGGERS + fr_freedom.TRIGGERS + fr_work.TRIGGERS,
    cues={"pay": PAY_CUES, "payer": PAYER_CUES, "hold": HOLD_CUES},
    context={
        **fr_work.CONTEXT,
        "passport-retention": rf"copies? (?:de|du|des)|photocopi\w*|numeris\w*|scann\w*|{RETURN_SOON}|pour (?:la |le )?"
                              r"(?:verification|controle|identification|enregistrement|copie|numerisation)|(?:acces|"
                              r"acceder|recuperer|reprendre) (?:\w+ ){0,2}(?:a tout moment|a tout instant|sur demande|"
                              r"quand (?:ils|elles|il|elle) (?:le )?(?:veulent|veut|souhaitent|souhaite|demandent))|"
                              r"volontair\w*|s'(?:ils|il) le (?:souhaitent|souhaite|demandent|demande)|a (?:leur|sa|"
                              r"votre) demande",
        "withheld-wages": r"impots?|impot sur le revenu|cotisations?|retenues? (?:a la source|legales|obligatoires)|"
                          r"securite sociale|la loi|legal\w*|primes?|bonus|conges payes|indemnite de (?:conges|fin)|"
                          r"solde de tout compte|dernier (?:salaire|paiement|versement)|paie finale|bulletins?|"
                          r"fiches? de paie|registres?|(?:billet|vol|voyage|trajet|transport) (?:de )?retour",
        "debt-bondage": r"sans interets?|sans aucun interet|a taux zero|taux (?:d'interet )?(?:de )?0 ?%|interet nul|"
                        r"pas d'interet",
        "exit-penalty": r"primes?|bonus|virement (?:bancaire|direct)|depot direct|deposee?s? (?:sur|dans) (?:le |leur |"
                        r"son )?"
                        r"compte",
        "movement-restriction": r"pendant (?:les |leurs )?(?:heures de travail|heures de service|horaires de travail|"
                                r"le "
                                r"travail|le service|le poste)|pour des raisons de securite|de l'interieur|(?:leur|"
                                r"leurs|"
                                r"sa|ses) propres? cles?|pas besoin (?:d'une |de |d')?(?:autorisation|permission)|"
                                r"sans (?:avoir besoin d'|besoin d')?autorisation",
        "union-ban": r"pas besoin (?:d'une |de |d')?(?:autorisation|permission)",
        "discrimination": r"accord bilateral|programme bilateral|ptat|pets|protocole d'entente",
    },
    next_context={"passport-retention": rf"^(?:ils|elles|ceux ci|les passeports|les documents|passeports|documents) "
                                        rf"(?:\w+ ){{0,3}}?{RETURN_SOON}"},
    aggravation={
        **fr_work.AGGRAVATION,
        # "ne peuvent pas quitter la ferme sans autorisation": the permission is required, not waived.
        "movement-restriction": r"(?:ne |n')(?:\w+ ){0,3}(?:pas|jamais|plus) (?:\w+ ){0,4}sans (?:une |l')?"
                                r"(?:autorisation|permission|accord)|interdit\w* (?:de |d')(?:\w+ ){0,4}sans "
                                r"(?:une |l')?(?:autorisation|permission|accord)|couvre feu (?:\w+ )?(?:est |sera )?"
                                r"(?:impose|obligatoire|en vigueur|applique|fixe)\w*",
        "passport-retention": r"jusqu'(?:a|au) (?:la fin|le terme|l'issue|leur depart|son depart|ce que)|pendant toute "
                              r"la "
                              r"(?:saison|duree|periode)|pendant tout le (?:contrat|sejour)|pour toute la saison|en "
                              r"garantie|comme garantie|a la fin de la saison|pour (?:plus de )?securite|en lieu sur",
    },
)
