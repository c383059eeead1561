"""French triggers about freedom: documents, movement, unions, discrimination, age (folded text)."""

from ethics.rules.lexicon.base import permission, practice
from ethics.rules.lexicon.fr_words import DOC, GAP2, GAP3, GAP4, GAP5, LEAVE_PLACE, RETAIN

EMPLOYER_SIDE = r"(?:de l'|du |de la )(?:employeur|recruteur|agence|entreprise|exploitant|patron)"
RETENTION = (
    practice("passport-retention", rf"{DOC} {GAP3}(?:reste|restent|restera|resteront|demeure|demeurent) (?:avec|chez|"
             r"aupres d[eu]) (?:le |la |l'|notre )?(?:superviseur|responsable|employeur|entreprise|recruteur|agence|"
             r"contremaitre|chef|patron|direction)"),
    practice("passport-retention", rf"{RETAIN} {GAP4}{DOC}|{DOC} {GAP3}(?:se |doivent |doit )?{RETAIN}", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:(?:est|sont|sera|seront|doit etre|doivent etre|reste|restent)\s+)?"
             r"(?:gardee?s?|conservee?s?|retenue?s?|confisquee?s?|saisie?s?|prise?s?|recuperee?s?|collectee?s?|"
             r"recueillie?s?|deposee?s?|remise?s?|detenue?s?|confiee?s?|enfermee?s?|sous clef?|entre les mains "
             rf"{EMPLOYER_SIDE}|en (?:la )?possession {EMPLOYER_SIDE})", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP3}(?:reste|restent|restera|resteront|demeure|demeurent) (?:dans|au|a|"
             r"sous) (?:notre |le |la |l')?(?:coffre|bureau|garde|possession de l'employeur)"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:rendue?s?|restituee?s?|retournee?s?|remise?s?) {GAP3}(?:seulement "
             r"|uniquement )?(?:qu')?(?:a la fin|au terme|a l'issue|au depart|lors du depart)"),
    practice("passport-retention", rf"(?:recuperer|recupere|recuperent|recuperera|recupereront|recevoir|recoit|"
             rf"recoivent) {GAP2}(?:leur |son |votre |vos |leurs |sa |ses )?{DOC} (?:seulement |uniquement )?(?:qu')?"
             r"(?:a la fin|au terme|a l'issue|au depart|lors du depart)"),
)
PHONE = r"(?:telephones?|portables?|cellulaires?|mobiles?)"
MOVEMENT = (
    practice("movement-restriction", r"ne (?:peuvent|peut|pourront) (?:sortir|quitter \w+ \w+) (?:\w+ ){0,4}que|"
             r"(?:sortir|sortent) (?:\w+ ){0,4}(?:seulement|uniquement) (?:avec|accompagnee?s? (?:de|par)) (?:un |le |"
             r"la )?"
             r"(?:superviseur|gardien|responsable|chef|contremaitre)"),
    practice("movement-restriction", r"(?:portail|porte|grille|entree)s? (?:\w+ ){0,2}(?:est |sont )?(?:fermee?s?|"
             r"verrouillee?s?) (?:a|des|apres) \d+\w*"),
    practice("movement-restriction", r"couvre feux?|heure (?:limite|de rentree) (?:obligatoire )?(?:a|de) \d+\w*"),
    practice("movement-restriction", rf"(?:confisque\w*|retient|retiennent|retenue?s?|garde\w*|conserve\w*|prend|"
             rf"prennent|pris|recupere\w*|collecte\w*|ramasse\w*|remettre|remise?s?|depose\w*|saisi\w*|gardons|garderons|"
             rf"conservons|conserverons|retenons|prenons|prendrons) {GAP3}(?:leur |"
             rf"leurs |les |le |son |ses |vos |votre )?{PHONE}|{PHONE} {GAP4}(?:sont |seront |est |sera )?(?:confisque|"
             r"retenu|garde|conserve|recupere|collecte|ramasse|remis|depose|saisi|interdit)\w*", cues="hold"),
    practice("movement-restriction", r"enfermee?s?|(?:fermee?s?|verrouillee?s?|cadenassee?s?) (?:\w+ ){0,2}(?:a clef?|"
                                     r"de "
             r"l'exterieur|la nuit|le soir)|sous surveillance (?:\w+ ){0,2}(?:permanente|constante|armee)|gardee?s? "
             r"(?:par des )?(?:vigiles|gardiens)"),
    practice("movement-restriction", rf"(?:doit|doivent|devra|devront|faut) (?:demander|obtenir|avoir|"
                                     rf"solliciter) {GAP2}"
             rf"(?:une |l')?(?:autorisation|permission|accord|laissez passer) {GAP3}(?:pour |avant de )?(?:sortir|"
             rf"quitter|partir|aller|voyager)|(?:autorisation|permission|accord|laissez passer) {GAP2}(?:est |sont )?"
             rf"(?:necessaire|obligatoire|requise?|exigee?) {GAP2}(?:pour |avant de )?(?:sortir|quitter|partir)|"
             rf"(?:sortir|"
             rf"quitter|sortie|sorties) {GAP4}(?:seulement |uniquement )?(?:qu')?(?:avec|sur|apres) (?:\w+ ){{0,2}}"
             r"(?:autorisation|permission|accord)|besoin (?:d'une |d')?(?:autorisation|permission) (?:pour|de) "
             r"(?:sortir|quitter|partir)"),
    practice("movement-restriction", rf"(?:sortir|sortie|sorties|quitter) {GAP4}(?:necessite|necessitent|exige|exigent|"
             rf"requiert|est soumise? a|sont soumises? a) {GAP2}(?:une |l')?(?:autorisation|permission|accord)"),
    practice("movement-restriction", r"(?:faut|doit|doivent|devez|devront) (?:demander|prevenir|informer) (?:au |a la "
             r"|a l'|le |la |l')?(?:chef|superviseur|responsable|patron|contremaitre|employeur|gerant) (?:\w+ ){0,2}"
             r"(?:avant de |avant d'|pour )(?:sortir|aller|partir|quitter)"),
    practice("movement-restriction", rf"(?:escortee?s?|surveillee?s?|suivie?s?) {GAP3}(?:en permanence|a tout moment|"
             rf"quand (?:ils|elles) sortent|lors des sorties|hors de la ferme|en ville)|(?:deplacements?|allees et "
             rf"venues|sorties) {GAP3}(?:sont |seront )?(?:restreint|limite|controle|surveille|enregistre)\w*|"
             rf"(?:restreint|restreignent|limite|limitent|controle|controlent|surveille|surveillent) {GAP3}(?:les |"
             rf"leurs )?"
             r"(?:deplacements|allees et venues|sorties)"),
    practice("movement-restriction", rf"(?:doit|doivent|devront|sont tenue?s de|est tenue? de|obligee?s? de) (?:rester|"
             rf"demeurer) {GAP3}(?:sur|dans|a l'interieur de|au sein de) (?:la |le |l'|les )?(?:ferme|exploitation|"
             rf"logement|propriete|site|camp|dortoir|domaine|enceinte) {GAP2}(?:en permanence|a tout moment|tout le "
             r"temps|apres le travail|en dehors des heures de travail|les jours de repos|pendant (?:leur|leurs) "
             r"(?:temps "
             r"libre|jours de repos)|le week end|la nuit|le soir)"),
    practice("movement-restriction", r"(?:sont|restent|maintenue?s?|tenue?s?|vivent) (?:\w+ )?(?:isolee?s|coupee?s du "
             r"monde)|sans contact avec (?:l'exterieur|leur famille|leurs familles|leurs proches|personne)|aucun "
             r"contact avec (?:l'exterieur|la famille|leurs familles|leurs proches)"),
    permission("movement-restriction", r"(?:(?:peut|peuvent|pourra|pourront|puisse|puissent|libres? de|liberte de|"
               r"autorisee?s? a|permis de|ont le droit de|a le droit de|droit de)\s+(?:pas |jamais )?(?:librement |"
               r"toujours |aussi )?)?" + LEAVE_PLACE + r"|liberte de (?:mouvement|circulation|deplacement)|libre "
               r"circulation"),
)
UNION_WORD = r"(?:un |une |le |la |les |l'|leur |leurs |son |au |aux |du |des )?(?:syndicats?|organisations? " \
             r"syndicales?|organisations? de travailleurs|associations? de travailleurs|comites? de travailleurs|" \
             r"negociation collective)"
UNION = (
    permission("union-ban", rf"(?:adherer|adhere|adherent|adhesion|s'affilier|affilier|affiliation|rejoindre|"
               rf"rejoignent|joindre|se syndiquer|former|forment|creer|fonder|participer|participent|contacter|parler "
               rf"(?:avec|a)|rencontrer|appartenir|appartiennent|etre membres?|faire partie|reconnait|reconnaissons|"
               rf"reconnaitre|respecte|respectons|respecter|accepte|acceptons|tolere|tolerons|tolerer|autorise|"
               rf"autorisons|permet|permettons) {GAP3}{UNION_WORD}"),
    permission("union-ban", r"syndicats?|syndicalisation|se syndiquer|liberte syndicale|liberte d'association|droit "
               r"(?:syndical|de greve|d'association|de se syndiquer|a la negociation collective|de s'organiser)|"
               r"negociation collective|convention collective|accords? collectifs?|activites? syndicales?|greves?|"
               r"faire "
               r"(?:la )?greve|(?:reunions?|representants?|delegues?|militants?) syndica(?:l|ux|les?)|(?:adhesion|"
               r"affiliation|"
               r"appartenance) syndicale"),
    practice("union-ban", r"antisyndica\w*|anti syndica\w*|ne pas (?:adherer|s'affilier|se syndiquer) a (?:un|aucun) "
             r"syndicat"),
)
SEX = r"(?:hommes?|femmes?|masculin|feminin|filles?|garcons?|dames?|messieurs)"
NOT_OR = r"(?!\s*(?:et|ou|/|,)\s*\w)"
REL = r"(?:catholiques?|chretien(?:s|ne|nes)?|evangeliques?|protestants?|musulman(?:s|e|es)?|juif(?:s|ve|ves)?|" \
      r"adventistes?|mormons?|temoins de jehovah|pentecotistes?|croyants?|pratiquants?)"
NAT = r"(?:haitien(?:s|ne|nes)?|mexicain(?:s|e|es)?|guatemalteques?|hondurien(?:s|ne|nes)?|salvadorien(?:s|ne|nes)?|" \
      r"nicaraguayen(?:s|ne|nes)?|jamaicain(?:s|e|es)?|dominicain(?:s|e|es)?|venezuelien(?:s|ne|nes)?|" \
      r"colombien(?:s|ne|nes)?|peruvien(?:s|ne|nes)?|equatorien(?:s|ne|nes)?|bolivien(?:s|ne|nes)?|cubain(?:s|e|es)?|" \
      r"etrangere?s?|africain(?:s|e|es)?|asiatiques?|latinos?|noire?s|blancs|blanches|autochtones?|indigenes?|" \
      r"canadien(?:s|ne|nes)?|americain(?:s|e|es)?|bresilien(?:s|ne|nes)?|chilien(?:s|ne|nes)?|argentin(?:s|e|es)?|" \
      r"costaricien(?:s|ne|nes)?|panameen(?:s|ne|nes)?|francais(?:e|es)?|quebecois(?:e|es)?)"
REFUSE = r"(?:n'acceptons|n'embauchons|ne recrutons|n'engageons|n'acceptent|n'embauchent) (?:pas|aucune?s?) " \
         r"(?:de |d')?(?:travailleurs |candidats |candidates )?"
ONLY = r"(?:seulement|uniquement|exclusivement|reservee?s? aux|reservee?s? a des|que des|qu'a des|qu'aux)"
DISCRIMINATION = (
    practice("discrimination", rf"enceintes? {GAP5}(?:repartent|rentrent|renvoyee?s|sans salaire|licenciee?s)"),
    practice("discrimination", rf"{ONLY} (?:\w+ )?{SEX}{NOT_OR}|{SEX}(?: travailleu\w+| candidat\w*| ouvrie\w+)? "
             r"(?:seulement|uniquement|exclusivement|de preference|preferablement)\b|(?:sexe|genre)\s*(?::|-|=)\s*"
             r"(?:masculin|feminin|homme|femme|m|f)\b|(?:doit|doivent) etre (?:un homme|une femme|des hommes|des "
             rf"femmes|de sexe (?:masculin|feminin))|(?:recherch\w*|embauch\w*|recrut\w*|cherch\w*|besoin de) "
             rf"(?:seulement |uniquement )?(?:\d+ )?(?:des )?(?:hommes|femmes|jeunes hommes|jeunes femmes|filles|"
             rf"garcons)(?: (?:jeunes|forts|robustes|celibataires))?{NOT_OR}"),
    practice("discrimination", rf"(?:candidat(?:e|s|es)?|travailleu\w+|ouvrie\w+|personnel) (?:de sexe )?(?:masculins?|"
             rf"feminins?|feminines?|hommes|femmes){NOT_OR}|seule?s? (?:les )?(?:\w+ )?(?:hommes|femmes|masculins|"
             r"feminines)"),
    practice("discrimination", r"(?:preference|priorite) (?:\w+ ){0,2}(?:aux|a des|pour les) (?:hommes|femmes|"
                               r"candidats "
             r"masculins|celibataires|jeunes|catholiques|chretiens)|(?:les )?(?:femmes|hommes|femmes enceintes|meres) "
             r"(?:\w+ )?(?:ne (?:sont|seront) pas (?:acceptee?s?|admise?s?|embauchee?s?|eligibles?)|s'abstenir|"
             rf"exclue?s)|{REFUSE}(?:femmes|hommes|femmes enceintes|meres)"),
    practice("discrimination", r"negati(?:f|ve|fs|ves) (?:\w+ ){0,3}grossesse|grossesse (?:\w+ ){0,2}negati\w*"),
    practice("discrimination", rf"tests? de grossesse|certificats? de non grossesse|(?:prouver|preuve|attestation) "
             rf"(?:\w+ ){{0,2}}(?:de )?(?:non )?grossesse|pas (?:etre )?enceintes?|non enceintes?|(?:tombe\w*|"
             rf"devien\w*|"
             rf"est|sont) enceintes? {GAP5}(?:licencie|renvoye|rapatrie|congedie|perd|perdent|perdra)\w*|grossesse "
             r"(?:sera |est |entraine |entrainera )?(?:un )?(?:motif|cause) de (?:licenciement|renvoi|rupture)|"
             r"grossesse "
             r"(?:entraine|entrainera) (?:le |un )?(?:licenciement|renvoi|rapatriement)|contracept\w*"),
    practice("discrimination", r"(?:doit|doivent) etre (?:celibataires?|mariee?s?|veu(?:f|ve|fs|ves)|divorcee?s?)|"
             r"(?:celibataires?|mariee?s?|sans enfants?) (?:seulement|uniquement|de preference|exclusivement)|"
             r"situation "
             r"(?:familiale|matrimoniale)\s*(?::|-|=)\s*(?:celibataire|marie)\w*|(?:seulement|uniquement) (?:des )?"
             r"(?:personnes |hommes |femmes )?(?:celibataires|maries|sans enfants)|(?:hommes|femmes|personnes|"
             r"travailleurs|travailleuses|candidats|candidates) celibataires"),
    practice("discrimination", rf"{ONLY} {REL}|{REL} (?:seulement|uniquement|de preference)|(?:doit|doivent) etre "
             rf"{REL}|religion\s*(?::|-|=)\s*(?!indifferente|toutes?|peu importe|aucune|libre)\w+|(?:doit|doivent) "
             r"(?:assister|aller|participer) (?:a la |a l'|au |aux )?(?:messe|eglise|culte|office|prieres?)"),
    practice("discrimination", rf"(?:nous preferons|preference (?:aux|pour les)|de preference des) (?:\w+ ){{0,2}}"
             rf"(?:{NAT}|{REL})"),
    practice("discrimination", rf"{ONLY} (?:travailleurs |personnes |candidats )?{NAT}|{NAT} (?:seulement|uniquement|"
                               rf"de "
             rf"preference|exclusivement)\b|{REFUSE}{NAT}|(?:les )?{NAT} (?:ne (?:sont|seront) pas (?:acceptes|admis|"
             r"eligibles)|s'abstenir|exclus)|(?:nationalite|race|ethnie|origine ethnique|couleur de peau)\s*(?::|-|"
             r"=)\s*"
             rf"(?!indifferente|toutes?|peu importe|aucune|libre)\w+|(?:doit|doivent) etre (?:de nationalite )?{NAT}"),
)
AGE = (
    practice("discrimination", r"ages?\s*(?::|-|=|de|entre)?\s*(?:de |entre )?\d{2}\s*(?:-|a|et)\s*(?P<upper>\d{2})"),
    practice("discrimination", r"\d{2}\s*(?:-|a|et)\s*(?P<upper>\d{2})\s*ans(?! d'experience)"),
    practice("discrimination", r"(?:moins de|de moins de|pas plus de|au plus|au maximum|maximum|jusqu'a|n'ayant pas "
             r"plus de|ne depassant pas)\s*(?P<upper>\d{2})\s*ans(?! d'experience)"),
    practice("discrimination", r"(?:age (?:maximum|maximal|limite)|limite d'age)\s*(?::|-|=|de)?\s*(?P<upper>\d{2})"),
    practice("discrimination", r"plus de\s*(?P<upper>\d{2})\s*ans\s*(?:s'abstenir|ne (?:sont|seront) pas (?:acceptes|"
             r"admis)|exclus)"),
    practice("discrimination", r"(?:recherch\w*|cherch\w*|embauch\w*|recrut\w*|de preference|uniquement|seulement) "
             r"(?:des )?jeunes\b(?! de moins)|jeunes (?:\w+ )?(?:seulement|uniquement|de preference)"),
    practice("underage", r"(?:age minimum|age minimal|a partir de|des l'age de|des|ages? d'au moins|au moins|plus de)"
             r"\s*(?::|-|=|de)?\s*1[0-7]\s*ans|age minim(?:um|al)\s*(?::|-|=|de)?\s*1[0-7]\b"),
)
TRIGGERS = RETENTION + MOVEMENT + UNION + DISCRIMINATION + AGE
