"""French triggers of issue 15: disguised fees, working conditions, isolation, programme signals (folded).

The same families as ``en_work``, written for French; see there for the signals.
"""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.fr_words import CURRENCY, GAP2, GAP3, GAP4, GAP5, GAP8, WAGE, WORKER

MONEY = rf"(?:{CURRENCY} ?\d[\d,.]*|\d[\d,.]* ?(?:{CURRENCY}|dollars?|euros?|gourdes?|pesos)(?!\w))"
NOT_FEE = r"(?! ?(?:par|chaque|/|la|le) ?(?:semaine|mois|jour|nuit|heure|repas)|(?: \w+){0,3} (?:hebdomadaires?|" \
          r"mensuels?|par semaine|par mois|par jour|pour (?:les |le |la )?(?:repas|nourriture|loyer|logement|" \
          r"blanchisserie|lessive)))"
PERCENT = r"\d[\d,.]* ?(?:%|pour ?cent)"
FROM_EMPLOYER = r"(?![^.;]{0,80}(?:de l'|par l'|a la charge de l'|facture a l')(?:employeur|entreprise|exploitant|" \
                r"exploitation))"
AGENT = r"(?:agences?|recruteu(?:r|rs|se)|agents?|intermediaires?|courtiers?|sous traitants?|prestataires?|" \
        r"coordinat(?:eur|rice)s?|partenaires?|representants?|bureau partenaire)"
OF_WAGE = rf"(?:du|des|de son|de leur|de votre|de la|sur le|sur les|sur leur|sur son) (?:\w+ )?{WAGE}"
FEES = (
    practice("worker-fees", rf"{WORKER} (?:(?:doit|doivent|devra|devront|aussi|egalement|d'abord) )*(?:paie|paye|"
             rf"paient|payent|paiera|payera|paieront|payeront|verse|versent|versera|verseront|contribue|contribuent|"
             rf"remet|remettent|regle|reglent|acquitte|acquittent) {GAP3}{MONEY}{NOT_FEE}"),
    cost("worker-fees", rf"{MONEY}{NOT_FEE} (?:pour (?:le|la|les|l'|couvrir)|au titre (?:de|du|des)|a titre de|en guis"
                        rf"e "
         r"de|comme (?:contribution|participation|avance|acompte)|de (?:frais|participation|contribution))",
         cues="payer"),
    practice("worker-fees", rf"{AGENT}{FROM_EMPLOYER} {GAP4}(?:recoit|recoivent|percoit|percoivent|touche|touchent|"
             rf"garde|gardent|prend|prennent|preleve|prelevent|retient|retiennent|conserve|conservent|facture|"
             rf"facturent|encaisse|encaissent) {GAP3}{PERCENT} {OF_WAGE}"),
    practice("worker-fees", rf"{PERCENT} {OF_WAGE} (?:va|vont|est verse|sont verses|versee?s?|revient|reviennent|"
             rf"est paye|sont payes|est retenue?|sont retenus|retenue?s?|preleve\w*) (?:directement )?(?:a|au|aux|pour|"
             rf"par) (?:l'|la |le |les |notre )?{AGENT}"),
    practice("worker-fees", rf"(?:commissions?|frais|honoraires) (?:de |: ?)?{PERCENT} {OF_WAGE}"),
    cost("worker-fees", rf"(?:paie|paye|paient|payent|payer|regle|reglent|regler|verse|versent|verser|acquitte|"
         rf"acquittent) {GAP4}(?:a|au|aux|aupres de|chez|via|par|a travers) (?:l'|la |le |les |notre |nos |une |un |"
         rf"leur )?(?:\w+ )?{AGENT}"),
    cost("worker-fees", r"inscription|enregistrement|constitution du dossier|(?:frais|couts?|charges?|contributions?|"
         r"participation) (?:de |d'|aux )?(?:gestion|administration|administratifs?|coordination|logistique|services?|"
         r"fonctionnement|programme|traitement|selection|candidature)"),
    practice("worker-fees", rf"{WORKER} (?:(?:doit|doivent|devra|devront|aussi|egalement) )*(?:contribue|contribuent|"
             rf"participe|participent|partage|partagent|cotise|cotisent) {GAP4}(?:frais|couts?|depenses|charges)"),
)
ADVANCE = (
    practice("debt-bondage", rf"(?:avance|avancent|avancera|prete|pretent|pretera|finance|financent|prefinance\w*) "
             rf"{GAP8}(?:retient|retiennent|retenu\w*|retire\w*|deduit\w*|deduire|preleve\w*|recupere\w*|rembourse\w*|"
             rf"decompte\w*|soustrait\w*) {GAP3}(?:sur|de|du|des|a partir du|a partir de) {GAP2}{WAGE}"),
)
DOCS = r"(?:passeports?|documents|papiers|pieces d'identite|cartes d'identite)"
LAST = r"(?:la |l'|le )?(?:dernier|derniere|fin|depart|terme|aeroport|jour du depart)"
RETENTION = (
    practice("passport-retention", rf"{DOCS} (?:ne (?:sont|seront|sera|est) (?:jamais |pas )?(?:rendu|restitue|remis|"
             rf"redonne|retourne)(?:e|s|es)? (?:\w+ ){{0,3}}(?:avant|qu'a|qu'au|qu'au moment du|jusqu'a|jusqu'au) "
             rf"{LAST}|(?:sont|seront|est|sera) (?:uniquement |seulement )(?:rendu|restitue|remis)(?:e|s|es)? (?:\w+ )"
             rf"{{0,3}}(?:a|au|le|lors du|lors de) {LAST})"),
    practice("passport-retention", rf"ne (?:les |leur |vous )?(?:rendons|rendent|rend|restituons|restitue|restituent) "
             rf"(?:jamais |pas )?(?:les |leurs |vos |leur |votre )?(?:{DOCS} )?(?:\w+ ){{0,3}}(?:avant|qu'a|qu'au|"
             rf"jusqu'a|jusqu'au) {LAST}"),
)
EXIT = (
    practice("exit-penalty", rf"(?:depart anticipe|depart avant (?:la fin|le terme)|demission|abandon|rupture "
             rf"(?:anticipee )?du contrat|quitter|quitte|quittent|partir|partent|demissionne\w*|abandonne\w*) {GAP8}"
             rf"(?:entraine|entrainera|implique|impliquera|fait perdre|perd|perdent|perdra|perdront) {GAP3}(?:la |le |"
             r"les |leur |son |sa |ses |du |des |de la |de leur |de son |de sa )?(?:depot|caution|garantie|salaires?|"
             r"paie|gains|argent|epargne|retenues?)"),
)
UNION_WORD = r"(?:syndicats?|syndicale?s?|syndicalisation|se syndiquer)"
UNION = (
    practice("union-ban", rf"{UNION_WORD},? {GAP5}(?:le |leur |son |votre )?(?:contrat|emploi) (?:prend fin|est rompu|"
             rf"est resilie|est annule|sera rompu|sera resilie|prendra fin)|{UNION_WORD},? {GAP5}(?:(?:met|mettra|"
             rf"mettent) fin (?:au|a|a leur|a son)|rompt|rompra|annule|annulera|resilie|resiliera|termine|terminera) "
             rf"(?:le |leur |son |votre )?(?:contrat|emploi|travail)|{UNION_WORD} {GAP5}(?:est |sera |constitue )?"
             rf"(?:un )?(?:motif|cause) de (?:\w+ )?(?:licenciement|renvoi|rupture|resiliation)|{UNION_WORD} {GAP5}"
             r"(?:est |sera )?incompatible avec (?:le |ce |votre |leur )?(?:contrat|emploi)"),
)
OT = r"(?:heures supplementaires|heures sup|heures en plus)"
THREAT = r"(?:licencie\w*|renvoye\w*|sanctionne\w*|puni\w*|expulse\w*|rapatrie\w*|perd\w*|motif de)"
OVERTIME = (
    practice("forced-overtime", rf"{OT} {GAP3}(?:sont |seront |est )?(?:obligatoires?|imposees?|illimitees?|sans "
             rf"(?:aucune )?limite|non facultatives?)|(?:pas de|aucune|sans) limite (?:d'heures|aux heures|au nombre "
             rf"d'heures|de temps de travail)|(?:doit|doivent|devra|devront|sont tenus de|est tenu de|obligee?s? de) "
             rf"(?:travailler|faire|effectuer) {GAP3}(?:{OT}|autant d'heures que|toutes les heures|sans limite|aussi "
             r"longtemps que necessaire)"),
    practice("forced-overtime", rf"(?:refus\w*|ne (?:fait|font|veut|veulent) pas) {GAP3}(?:de faire |d'effectuer |les "
                                rf")?"
             rf"{OT} {GAP5}{THREAT}"),
)
REST_WORD = r"(?:jours? de repos|repos hebdomadaire|jours? de conge|jours? libres?)"
REST = (
    practice("no-rest-day", rf"(?:sans|aucun|pas de) {REST_WORD}|travaill\w+ (?:\w+ ){{0,2}}(?:7|sept) jours (?:sur "
             r"(?:7|sept)|par semaine)"),
    practice("no-rest-day", rf"(?:doit|doivent|devra|devront|sont tenus de|obligee?s? de|est exige de) travailler "
             rf"(?:le |les |leurs? |pendant (?:les |leurs )?)?(?:{REST_WORD}|dimanches?|week ends?|jours feries)|"
             rf"{REST_WORD} (?:\w+ ){{0,2}}(?:sont |seront )?(?:annules?|supprimes?|suspendus?|pas garantis|non "
             r"garantis)"),
    practice("no-rest-day", rf"(?:refus\w*|ne (?:vient|viennent|travaille|travaillent) pas) {GAP3}(?:de travailler )?"
             rf"(?:le |les )?(?:dimanches?|week ends?|{REST_WORD}|jours feries) {GAP5}{THREAT}"),
)
STORE_NAME = r"(?:magasin|boutique|epicerie|cantine|economat|comptoir) (?:de la ferme|de l'exploitation|de " \
             r"l'entreprise|de la compagnie|du domaine|de l'employeur|du patron)|economat"
STORE = (
    practice("company-store", rf"(?:{STORE_NAME}) {GAP8}(?:deduit\w*|retenu\w*|preleve\w*|retire\w*|decompte\w*|"
             rf"recupere\w*|soustrait\w*) {GAP3}(?:sur|de|du|des) {GAP2}{WAGE}|(?:deduit|deduisent|retient|retiennent|"
             rf"preleve|prelevent) {GAP5}(?:{STORE_NAME})|(?:(?:doit|doivent|devront) (?:acheter|s'approvisionner|"
             rf"faire leurs courses)|(?:tenue?s?|obligee?s?) d'(?:acheter|s'approvisionner)) {GAP5}(?:a|au|aupres de|"
             rf"dans) (?:la |le |l')?(?:{STORE_NAME})"),
)
TRANSFER = (
    practice("forced-transfer", rf"(?:transferee?s?|deplacee?s?|envoyee?s?|affectee?s?|reaffectee?s?|pretee?s?|"
             rf"mutee?s?|detachee?s?|mise?s a disposition) {GAP3}(?:vers |a |dans |chez |aupres d')?(?:d'autres|une "
             r"autre|un autre|n'importe quelle|toute autre|differentes|des) (?:fermes?|exploitations?|employeurs?|"
             r"producteurs?|entreprises?|sites?|domaines?)"),
)
VISITOR = r"(?:visites?|visiteurs?|invitee?s?|personnes (?:exterieures|etrangeres)|proches|familles?|amis|" \
          r"journalistes|delegues syndicaux)"
HOUSING = r"(?:logement|hebergement|dortoirs?|chambres?|camp|residence|baraquement)"
ISOLATION = (
    practice("isolation", rf"{VISITOR} (?:sont |seront |est |restent )?(?:interdite?s?|prohibee?s?|(?:ne sont |ne "
             rf"seront )?(?:pas|non) (?:autorisee?s?|admise?s?|permise?s?|acceptee?s?|bienvenue?s?))|(?:interdiction|"
             rf"defense) (?:de recevoir|d'inviter|des visites|de visite)|(?:aucune?|pas de) {VISITOR}(?: (?:n'est|ne "
             rf"sont) (?:admise?s?|autorisee?s?|acceptee?s?))?(?= *(?:[.;,!]|$| (?:dans|au|a|sur) (?:le |la |les |l')?"
             rf"{HOUSING}))|(?:ne (?:peut|peuvent|pourront|pourra) (?:pas |jamais )?|interdit de |pas le droit de )"
             rf"(?:recevoir|inviter|accueillir) (?:de |des |aucun |aucune )?{VISITOR}"),
)
SIGNALS = (
    practice("no-hours-guarantee", rf"(?:heures|travail|emploi|revenus?) {GAP3}(?:ne (?:sont|est) pas|non) "
             r"garantie?s?|aucune? (?:garantie (?:d'heures|de travail|de revenus?)|nombre (?:minimum )?d'heures "
             r"garanti|heures? garanties?|minimum d'heures)|pas de (?:garantie d'heures|minimum d'heures|heures "
             r"garanties)|sans (?:garantie|minimum) d'heures|garantie des (?:trois quarts|3/4|75 ?%) (?:\w+ ){0,2}ne "
             r"s'applique pas"),
    cost("housing-charged", r"logement|hebergement|loyer|chambre|dortoir"),
    practice("piece-rate-only", r"(?:a la piece|au rendement|a la tache|au bac|au panier|au kilo|a la caisse|au seau) "
             r"(?:\w+ ){0,2}(?:uniquement|seulement|exclusivement)|(?:uniquement|seulement|exclusivement) (?:\w+ ){0,2}"
             r"(?:a la piece|au rendement|a la tache|au bac|au kilo|a la caisse)|(?:pas de|aucun|sans) (?:salaire|taux"
             r") "
             r"(?:horaire|fixe|de base)"),
)
TRIGGERS = FEES + ADVANCE + RETENTION + EXIT + UNION + OVERTIME + REST + STORE + TRANSFER + ISOLATION + SIGNALS

LIMIT = r"jusqu'a \d+|maximum (?:de )?\d+|pas plus de \d+|sans depasser \d+|ne (?:doit|peut) pas depasser \d+|" \
        r"limitee?s? a \d+|au plus \d+"
CONSENT = r"volontaire\w*|facultati\w*|avec (?:leur |son |votre |l')?(?:accord|consentement)|s'ils (?:le )?" \
          r"(?:souhaitent|veulent|acceptent|demandent)|si (?:le travailleur|la travailleuse|vous) (?:le )?" \
          r"(?:souhaite|" \
          r"veut|accepte|demande)|a (?:leur|sa|votre) demande"
CONTEXT = {
    "forced-overtime": rf"{LIMIT}|{CONSENT}",
    "no-rest-day": rf"(?:un|1|deux|2|autre) (?:jours? de repos|jours? de conge|jours? libres?)|rotation|par roulement|"
                   rf"repos compensateur|{CONSENT}",
    "forced-transfer": rf"{CONSENT}|seulement avec|uniquement avec",
    "isolation": r"(?:pour des raisons de|par mesure de) (?:securite|hygiene|biosecurite)|dans (?:les |le |la )?"
                 r"(?:champs?|serres?|atelier|zone de production|station d'emballage|vergers?)|pendant (?:les |le )?"
                 r"(?:heures de travail|service|quarts?)|apres \d+|la nuit|nocturnes?",
}
AGGRAVATION = {
    "forced-overtime": rf"illimitee?s?|sans (?:aucune )?limite|aussi longtemps que|a tout moment|{THREAT}",
    "no-rest-day": THREAT,
    "forced-transfer": r"sans (?:\w+ ){0,2}(?:accord|consentement|avis|preavis|les consulter|leur demander)|selon les "
                       r"besoins|a (?:la |sa )?discretion|a tout moment",
}
