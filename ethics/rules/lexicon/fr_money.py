"""French triggers about money: fees, costs, withheld wages, debts, exit penalties (folded text)."""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.fr_words import CURRENCY, GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12, WAGE

PURPOSE = r"(?:recrutement|placement|agence|inscription|dossier|selection|candidature|intermediation|courtage|" \
          r"traitement|embauche|service|mise en relation|gestion|entretien|enregistrement|reservation|recruteur|" \
          r"agent|intermediaire|prospection)"
JOB = r"(?:le |un |son |votre |leur |ce |cette |une |la )?(?:poste|emploi|contrat|place|selection|offre)"
FEES = (
    practice("worker-fees", r"(?:frais|paiement|somme|prix) pour (?:obtenir |avoir |decrocher )?(?:le |un |ce |votre )?"
             r"(?:poste|emploi|contrat|travail)", cues="pay"),
    practice("worker-fees", rf"(?:frais|commissions?|honoraires|droits?|couts?|tarifs?|redevances?|"
                            rf"paiements?) {GAP3}(?:de |"
             rf"d'|du |des |pour (?:le |la |l')?)(?:la |l')?{PURPOSE}", cues="pay"),
    practice("worker-fees", rf"payer {GAP3}pour (?:obtenir |decrocher |avoir |garantir |reserver |etre selectionnee?s? "
             rf"pour |etre embauchee?s? pour )?{JOB}", cues="pay"),
    practice("worker-fees", rf"(?:payer|paie|paient|verser|verse|versent|donner|remettre) {GAP2}(?:au|a l'|a la|aux|a "
                            rf"un|"
             r"a une)\s*(?:recruteur\w*|agent\w*|agence\w*|intermediaire\w*|passeur\w*|courtier\w*|rabatteur\w*)",
             cues="pay"),
    practice("worker-fees", rf"(?:facture|facturent|facturer|facturons|facturera|preleve|prelevent|prelevons|exige|"
             rf"exigent|exigeons|exigera|demande|demandent|demandons|demandera|percoit|percoivent|percevons|reclame|"
             rf"reclament|reclamera) {GAP3}(?:des |un |une |les |le |la )?(?:frais|commissions?|somme|montant|paiement|"
             rf"honoraires|{CURRENCY}?\s*\d[\d,.]*)", cues="pay"),
    practice("worker-fees", rf"(?:frais|commissions?|honoraires|cotisations?) (?:de |:)?\s*(?:environ )?{CURRENCY}?\s*"
             r"\d[\d,.]*|(?:frais|commissions?|honoraires) (?:sont |seront |est |sera )?(?:facture|preleve|exige|"
             r"demande|percu|reclame|impute)e?s? (?:au|aux|a la|a l')\s*(?:travailleu|candidat|salarie|employe|"
             r"postulant)\w*", cues="pay"),
    practice("worker-fees", rf"(?:acompte|avance|depot|paiement anticipe|paiement d'avance|versement anticipe) {GAP3}"
             rf"pour (?:reserver|garantir|obtenir|securiser) {JOB}", cues="pay"),
    practice("worker-fees", rf"(?:donner|donnez|apporter|apportez|envoyer|envoyez|verser|versez|remettre|remettez|"
             rf"transferer|virer) {GAP2}{CURRENCY}?\s*\d[\d,.]*\s*(?:dollars|euros|gourdes|usd)?(?: en especes| en "
             r"liquide)? (?:au|a l'|a la|aux|a|pour|avant)(?!\s*(?:chaque |les |le |la |l')?(?:travailleu|salarie|"
             r"employe)"
             r"\w*)", cues="pay"),
    practice("worker-fees", rf"(?:\d+ ?%|pourcentage|partie|part) {GAP4}(?:paie|paye|salaire|cheque)s? {GAP2}(?:comme |"
                            rf"en |a "
             rf"titre de )?commission|commission {GAP3}(?:\d+ ?%|pourcentage|partie|part) {GAP3}(?:paie|paye|salaire)",
             cues="pay"),
    practice("worker-fees", rf"(?:paiement|montant|somme|versement|frais) {GAP5}(?:exige|demande|requis|reclame|"
                            rf"preleve|"
             rf"facture)e?s? pour (?:le |la |l'|les )?{PURPOSE}", cues="pay"),
    practice("worker-fees", rf"(?:agents?|agences?|recruteurs?|intermediaires?|passeurs?|courtiers?) {GAP3}(?:garde|"
             rf"gardent|preleve|prelevent|prend|prennent|retient|retiennent|touche|touchent) {GAP3}(?:\d+ ?%|part|"
             rf"partie|"
             rf"pourcentage) (?:de|sur|du|des) {GAP2}(?:paie|paye|salaire|remuneration)s?"),
    cost("worker-fees", r"frais|commissions?|honoraires", generic=True),
)
COSTS = (
    cost("worker-costs", r"(?:cout|couts|prix) du (?:voyage|billet|vol|transport|visa)"),
    cost("worker-costs", r"visas?|permis de (?:travail|sejour)|autorisations? de travail|frais (?:de visa|consulaires|"
         r"d'immigration|de passeport|d'ambassade)|biometri\w*|eimt"),
    cost("worker-costs", r"(?:billets? d'avion|billets?|vols?|titres? de transport|frais de (?:voyage|transport|"
         r"deplacement|billet)|transport (?:jusqu'au|vers le|vers la|au) (?:canada|lieu de travail|ferme|destination)|"
         r"voyage aller|trajet aller|billet aller)(?! (?:de |du )?retour)"),
    cost("worker-costs", r"examens? (?:medica(?:l|ux)|de sante)|visites? medicales?|certificats? medica(?:l|ux)|"
                         r"bilans? "
         r"de sante|frais medicaux|vaccins?|vaccinations?|radiographies?|analyses? (?:de sang|sanguines|medicales)|"
         r"tests? de depistage"),
    cost("worker-costs", r"frais de (?:documents|dossier|traduction|legalisation|notaire|certification|apostille)|"
         r"(?:extrait de )?casier judiciaire|certificat de police|traductions?|formations? (?:prealables?|pre depart|"
         r"obligatoires?)|cours de (?:langue|formation)|assurance voyage"),
    cost("worker-costs", r"outils?|equipements? de protection(?: individuelle)?|epi|uniformes?|bottes(?: de securite)?|"
         r"gants|tenue de travail"),
    cost("no-return-travel", r"(?:billets?|vols?|voyage|trajet|transport|frais de voyage) (?:de |du )?retour|"
         r"rapatriement"),
)
WITHHELD = (
    # "aucun paiement n'est fait pendant la recolte": nothing is paid while the work lasts.
    practice("withheld-wages", r"aucun (?:paiement|salaire|versement) (?:n'est |ne sera |n'a lieu |n'aura lieu )?"
             r"(?:fait |effectue |verse )?(?:pendant|durant|au cours de) (?:toute )?(?:la |le )?(?:recolte|saison|"
             r"contrat|campagne)|(?:pendant|durant) (?:toute )?(?:la |le )?(?:recolte|saison|contrat|campagne),? "
             r"(?:aucun (?:paiement|salaire|versement)|il n'y a (?:pas|aucun) (?:de )?(?:paiement|paie|versement))"),
    practice("withheld-wages", rf"(?:touch\w*|recevr\w*|percevr\w*) {GAP4}(?:seulement |uniquement )?(?:qu')?(?:une "
                               rf"fois|"
             r"quand|lorsque|apres) (?:que )?(?:le |la |l')?(?:saison|contrat|recolte|travail)\w* (?:se )?(?:termine|"
             r"terminee|finit|finie|acheve|achevee|est terminee?)"),
    practice("withheld-wages", r"heures supplementaires (?:\w+ ){0,2}(?:non payees|non remunerees|gratuites|sans "
             r"paiement)"),
    practice("withheld-wages", rf"{WAGE} {GAP4}(?:(?:est|sont|sera|seront|reste|restent)\s+)?(?:retenue?s?|differee?s?|"
             r"bloquee?s?|gardee?s?|conservee?s?|gelee?s?|mise?s? de cote|suspendue?s?|reportee?s?)"),
    practice("withheld-wages", rf"(?:retient|retiennent|retiendra|retenir|garde|gardent|conserve|conservent|bloque|"
             rf"gardons|garderons|retenons|retiendrons|conservons|"
             rf"bloquent|differe|different|met de cote|mettent de cote|garder|conserver) {GAP3}(?:\d+ ?%|\d+ pour cent|"
             r"(?:une |la )?(?:partie|portion|moitie|part|totalite|reste|solde))?(?: de| du| des| d')? ?(?:le |la |les "
             r"|"
             rf"leur |leurs |son |sa |ses |votre |vos |chaque )?{WAGE}"),
    practice("withheld-wages", rf"(?:payee?s?|versee?s?|recoit|recoivent|recevra|recevront|touchee?s?|percue?s?|"
                               rf"paiement) "
             rf"{GAP3}(?:seulement |uniquement )?(?:qu')?(?:quand|lorsque|une fois que?|apres que) (?:le |la |l')?"
             r"(?:saison|contrat|recolte|travail)\w* (?:se )?(?:termine|terminee|finit|finie|acheve|achevee|est "
             r"terminee?)"),
    practice("withheld-wages", rf"(?:payee?s?|versee?s?|reglee?s?|remise?s?|touchee?s?|percue?s?|recoit|recoivent|"
             rf"recevra|recevront|paie|paient|paiera|paieront|payera|payeront|versement|paiement) {GAP3}(?:seulement |"
             r"uniquement |integralement |en totalite |en une seule fois )?(?:qu')?(?:a la fin|au terme|a l'issue|a la "
             r"conclusion|a l'expiration|en fin) (?:de la |du |de l'|des |de )?(?:saison|contrat|recolte|programme|"
             r"emploi|sejour|campagne|mission|periode)"),
    practice("withheld-wages", rf"(?:payee?s?|versee?s?|recoit|recoivent|recevra|recevront|touchee?s?|percue?s?|"
             rf"paiement) {GAP3}(?:seulement |uniquement )?(?:qu')?(?:a|au|apres|lors de|des) (?:leur |son |votre )?"
             r"(?:retour|depart|rentree) (?:au pays|chez (?:eux|lui|vous)|dans (?:leur|son) pays)"),
    practice("withheld-wages", rf"(?:aucun|pas de) {GAP1}(?:salaire|paiement|paie) (?:\w+ ){{0,3}}(?:avant|jusqu'a)|"
             r"epargne (?:forcee|obligatoire)|(?:salaires?|paie)s? (?:\w+ ){0,3}(?:verse|paye|envoye|transfere)\w* "
             r"(?:directement )?(?:au|a l')\s*(?:recruteur|agence|agent|intermediaire)"),
)
LOAN = r"(?:prets?|avances?|dettes?|credits?|emprunts?|acomptes?|argent prete)"
DEBT = (
    practice("debt-bondage", r"(?:vous|ils|elles|il|elle|tu) nous (?:devez|devrez|doivent|devront|doit|devra|dois)"
             r"(?! \w+(?:er|ir|re)\b)"),
    practice("debt-bondage", rf"{LOAN} {GAP8}(?:rembourse\w*|deduit\w*|preleve\w*|retenu\w*|recupere\w*|retire\w*|"
             rf"paye\w*|regle\w*|soustrait\w*|decompte\w*) {GAP3}(?:sur|par|avec|a partir|au moyen|du|de|des|a) {GAP2}"
             r"(?:salaire|paie|paye|remuneration|travail|gains|retenues?)\w*"),
    practice("debt-bondage", rf"(?:rembourser|rembourse|remboursent|deduire|deduit|deduisent|prelever|preleve|"
                             rf"prelevent|"
             rf"recuperer|travailler pour rembourser|regler) {GAP3}(?:le |la |les |l'|un |une |son |sa |ses |leur |"
             rf"leurs )?{LOAN}"),
    practice("debt-bondage", rf"{LOAN} {GAP5}(?:avec|a|au taux de|plus|assortie?s? d'|assortie?s? de) {GAP2}(?:\d+ ?%|"
             rf"\d+ pour cent|interets?)|interets? {GAP3}(?:sur|du|de la|des|de l')\s*{GAP2}{LOAN}|(?:\d+ ?%|"
             r"mensuels?|hebdomadaires?|annuels?) d'interets?|interets? (?:mensuels?|hebdomadaires?|annuels?)|avec "
             r"interets?|port(?:ant|e|ent|era|eront) (?:des |un )?interets?|(?:produit|produisent|genere|generent) "
             r"(?:des )?interets?"),
    practice("debt-bondage", rf"(?:(?:doit|doivent|devra|devront) (?:de l'argent|une dette)|endettee?s?|redevables?|en "
             rf"dette) {GAP2}(?:envers|a|au|aupres) (?:le |la |l')?(?:employeur|recruteur|agence|entreprise|agent|"
             rf"patron|"
             r"intermediaire)"),
    practice("debt-bondage", rf"(?:travailler|rester|demeurer) {GAP4}jusqu'(?:a|au) (?:ce que )?(?:\w+ "
                             rf"){{0,3}}(?:dette|"
             r"pret|avance|frais)\w* (?:\w+ ){0,2}(?:soit |soient )?(?:rembourse|paye|regle|solde)\w*|jusqu'au "
             r"remboursement (?:de la |du |des )?(?:dette|pret|avance|frais)|servitude pour dettes"),
)
PENALTY = r"(?:penalites?|amendes?|sanctions?|perd|perdent|perdra|perdront|perdre|rembourser|rembourse|remboursent|" \
          r"remboursera|rembourseront|payer|paiera|paieront|payera|payeront|sera facturee?s?|seront facturee?s?|sera " \
          r"prelevee?s?|sera retenue?s?|indemnites?|dedommag\w*|dommages et interets)"
LEAVE = r"(?:quitte|quittent|quitter|demissionne|demissionnent|demissionner|demission|rompt|rompent|rompre|rupture|" \
        r"abandonne|abandonnent|abandonner|abandon|part|partent|partir|rentre|rentrent|s'en va|s'en vont|change " \
        r"d'employeur|changent d'employeur|changer d'employeur|avant (?:la fin|le terme|l'echeance)|anticipee?s?|" \
        r"prematuree?s?|s'enfuit|s'enfuient)"
EXIT = (
    practice("exit-penalty", r"sign\w* (?:\w+ ){0,2}(?:reconnaissance de dette|billet a ordre)|(?:paiement|somme|"
             r"montant|depot) (?:de|en|a titre de) garantie"),
    practice("exit-penalty", rf"(?:quitter|partir|demissionner|rompre le contrat) {GAP8}(?:signifie|implique|veut "
                             rf"dire) "
             r"(?:\w+ ){0,2}perdre"),
    practice("exit-penalty", rf"(?:quitter|partir|demissionner|rompre le contrat|le depart anticipe|la rupture|"
             rf"l'abandon) {GAP8}(?:entraine|entrainera|implique|signifie|coute|coutera|donne lieu a|est sanctionnee? "
             rf"par) {GAP3}(?:une |un |des )?(?:penalites?|amendes?|retenues?|frais|pertes?)"),
    practice("exit-penalty", rf"(?:depot|caution|garantie|cautionnement|billet a ordre)s?(?: de garantie| remboursable|"
                             rf" "
             rf"non remboursable)? (?:de |d'un montant de |:)?\s*{CURRENCY}?\s*\d[\d,.]*", cues="payer"),
    practice("exit-penalty", rf"(?:payer|paie|paient|verser|verse|versent|deposer|depose|deposent|laisser|laisse|"
                             rf"laissent|"
             rf"fournir|fournit|signer|signe|signent|exige|exigent|demande|demandent|requis) {GAP3}(?:un |une |la |le "
             rf")?"
             r"(?:depot|caution|garantie financiere|cautionnement|depot de garantie|billet a ordre)(?! (?:du|de) "
             r"salaire|"
             r" bancaire| direct| sur (?:le|leur|son) compte)", cues="payer"),
    practice("exit-penalty", rf"{PENALTY} {GAP8}(?:si|s'il|s'ils|en cas de|en cas d'|lorsque|quand|pour|au cas ou) "
             rf"{GAP4}{LEAVE}", cues="payer"),
    practice("exit-penalty", rf"(?:si|s'il|s'ils|en cas de|en cas d'|lorsque|quand|qui|quiconque) {GAP5}{LEAVE},? "
             rf"{GAP12}{PENALTY}", cues="payer"),
    practice("exit-penalty", r"(?:penalites?|amendes?|frais|indemnites?|couts?) (?:de|pour|en cas de) (?:rupture|"
             r"resiliation|demission|abandon)|(?:penalites?|amendes?|frais|indemnites?) (?:de|pour|en cas de) "
             r"(?:depart|"
             r"sortie|fin) (?:anticipe|premature|du contrat|de contrat)"),
)
TRIGGERS = FEES + COSTS + WITHHELD + DEBT + EXIT
