"""French vocabulary shared by the French triggers and cues (folded: lowercase, no accents, "oe" for "œ").

French negation is read from its second word (pas, jamais, aucun, rien): "ne" alone also opens
"ne ... que" (only), which restricts instead of negating.
"""

from ethics.rules.lexicon.base import alt, gap

NEG = r"pas|jamais|aucun|aucune|aucuns|aucunes|rien|ni|nul|nulle|nullement|personne(?= ne| n')"
WEAK_NEG = r"sans|exempt de|exempts de|exemptee? de|au lieu de|plutot que"
GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12 = (gap(n, NEG + "|" + WEAK_NEG) for n in (1, 2, 3, 4, 5, 8, 12))

DET = r"(?:le |la |les |l'|chaque |tout |toute |tous |toutes |du |des |au |aux |de la |de l'|nos |vos |ses |" \
      r"leurs |son |sa |un |une )?"
WORKER_NOUN = alt(
    r"travailleu(?:r|rs|se|ses)", r"salarie(?:e|s|es)?", r"employe(?:e|s|es)?", r"candidat(?:e|s|es)?",
    r"ouvrie(?:r|rs|re|res)", r"postulant(?:e|s|es)?", r"saisonnie(?:r|rs|re|res)", r"migrant(?:e|s|es)?",
    r"recrues?", r"main d'oeuvre", r"cueilleu(?:r|rs|se|ses)",
)
WORKER = DET + alt(WORKER_NOUN, r"vous")
EMPLOYER_NOUN = alt(
    r"employeu(?:r|rs|se|ses)", r"entreprises?", r"societe", r"compagnie", r"ferme", r"exploitation", r"exploitant",
    r"producteurs?", r"patron(?:s|ne)?", r"nous", r"agence", r"recruteurs?", r"hotel", r"direction", r"proprietaire",
    r"superviseu(?:r|rs|se)", r"contremaitre", r"chef", r"gerant(?:e)?", r"responsable", r"administration",
)
EMPLOYER = DET + EMPLOYER_NOUN
MODALS = (
    r"doit|doivent|devra|devront|devez|va|vont|a|ont|aura a|auront a|est tenue? de|sont tenue?s de|est obligee? de|"
    r"sont obligee?s de|s'engage a|s'engagent a|se|s'|en|y|les|le|la|l'|lui|leur|toujours|aussi|egalement|"
    r"directement|entierement|integralement|lui meme|eux memes|elle meme|elles memes|est|sont|sera|seront|devrez|"
    r"devrons|devons|devriez|allez|aurez a|peut|peuvent|pourra|pourront"
)
MODAL = rf"(?:(?:{MODALS})\s*){{0,3}}(?:(?P<neg>ne|n')\s*(?:(?:{MODALS})\s*){{0,2}})?"
PAY_VERB = alt(
    r"paie|paye|paient|payent|paiera|payera|paieront|payeront|payer|prend en charge|prennent en charge",
    r"prendra en charge|prendront en charge|assume|assument|assumera|couvre|couvrent|couvrira|couvriront",
    r"finance|financent|financera|supporte|supportent|supportera|acquitte|acquittent|regle|reglent|reglera",
    r"debourse|deboursent|offre|offrent|fournit|fournissent|fournira|achete|achetent|achetera",
)
WAGE = alt(r"salaires?", r"paie", r"payes?", r"remunerations?", r"gains", r"revenus", r"paiements?", r"versements?",
           r"cheques?")
CURRENCY = r"(?:us\$|usd|cad|\$|eur|€|htg|gourdes|dollars)"
PLACE = r"(?:ferme|exploitation|logement|hebergement|dortoirs?|site|propriete|lieu de travail|camp|village|ville|" \
        r"hotel|pays|residence|chambres?|enceinte|serre|domaine|usine)"
LEAVE_PLACE = alt(
    rf"(?:quitter|quitte|quittent|sortir|sort|sortent|partir|partent) (?:de |du |de la |des |de l'|la |le |les |l')?"
    rf"{PLACE}",
    r"sortir (?:librement|quand (?:ils|elles) (?:le )?veulent|a tout moment|pendant (?:leur|leurs) (?:temps libre|"
    r"jours de repos|jours de conge))",
    r"sortir(?=\s*(?:[.;,!]|$))", r"aller en ville", r"aller au village", r"faire (?:leurs|des) courses",
    r"circuler librement", r"se deplacer librement", r"aller et venir",
    r"(?:communiquer|parler|discuter) (?:avec |a |aux )?(?:des |les )?(?:personnes (?:exterieures|etrangeres)|"
    r"visiteurs|inconnus|la presse|journalistes|personne)",
    r"(?:communiquer|parler|contacter|appeler|telephoner) (?:avec |a )?(?:leur |leurs |sa |ses )?(?:famille|"
    r"familles|proches|amis|consulat|ambassade)",
    r"(?:utiliser|garder|conserver) (?:leur|leurs|son|votre|vos) (?:propres? )?(?:telephones?|portables?|"
    r"cellulaires?|mobiles?)",
)
DOC = alt(
    r"passeports?", r"(?:pieces?|papiers?|cartes?|documents?) d'identite", r"documents? de voyage",
    r"(?:titres?|cartes?|permis) de sejour", r"papiers", r"(?:ses|leurs|vos|les) documents(?: personnels| officiels)?",
    r"documents personnels", r"actes? de naissance", r"carte nationale d'identite",
    r"cartes? (?:bancaires?|de banque|de credit|de debit)",
)
RETAIN = alt(
    r"garde|gardent|gardera|garderont|garder|gardee?s?|conserve|conservent|conservera|conserver|conservee?s?",
    r"retient|retiennent|retiendra|retenir|retenue?s?|confisque(?:r|nt|ra|e|s|es)?|saisi(?:t|ssent|r|e|s|es)?",
    r"(?:prend|prennent|prendra|prendre|pris|prise|prises)(?! en charge)|recupere(?:r|nt|ra)?|collecte(?:r|nt)?",
    r"recueill\w*|ramasse\w*|depose(?:r|nt|ra)?|remet(?:tre|tent|tra)?|remise?s?|detient|detiennent|detenir",
    r"detenue?s?|confie(?:r|nt)?|enferme\w*|garderons|gardons|conserverons|conservons|retiendrons|retenons|prendrons",
    r"prenons|recupererons|recuperons|collecterons",
)
RETURN_SOON = (
    r"(?:rendue?s?|restitue\w*|retourne\w*|remise?s?|rend|rendent|rendra|rendront) (?:\w+ ){0,3}?(?:immediatement|"
    r"aussitot|tout de suite|sur le champ|le jour meme|dans la journee|dans les (?:\d+|24|48) heures|apres (?:la |le )?"
    r"(?:verification|controle|copie|numerisation|enregistrement)|des (?:la |le )?(?:verification|controle))"
)
