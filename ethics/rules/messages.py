"""Flag messages in the reader's language: one table of templates, read back from the English message.

The rules write their messages in English (the stored and published form, unchanged by this module).
A message is shown in another language by matching it against the English templates below, taking its
values (a field name, an amount, a sentence) and writing the template of the wanted language with them;
field names and units are translated through ``GLOSSARY``. Stored flags written before a translation
existed are translated too, as only their English text is needed. A message with no template here
stays in English: nothing is ever lost, only left untranslated.
"""

from __future__ import annotations

import re
from functools import cache

LANGUAGES = ("en", "es", "fr", "pt", "ht")

# English template -> its translations ({names} are the values carried over).
TEMPLATES: dict[str, dict[str, str]] = {
    "Workers must not pay recruitment fees: the {field} asks them to pay one.": {
        "es": "Los trabajadores no deben pagar cuotas de reclutamiento: {field} les pide pagar una.",
        "fr": "Les travailleurs ne doivent pas payer de frais de recrutement : {field} leur en demande.",
        "pt": "Os trabalhadores não devem pagar taxas de recrutamento: {field} pede que paguem uma.",
        "ht": "Travayè yo pa dwe peye frè rekritman: {field} mande yo peye youn.",
    },
    "Recruitment costs (visa, travel, medical exams, documents, tools) are the employer's: the {field} puts them on "
    "the worker.": {
        "es": "Los costos de reclutamiento (visa, viaje, exámenes médicos, documentos, herramientas) son del "
              "empleador: {field} los pone a cargo del trabajador.",
        "fr": "Les coûts du recrutement (visa, voyage, examens médicaux, documents, outils) sont à la charge de "
              "l'employeur : {field} les met à la charge du travailleur.",
        "pt": "Os custos de recrutamento (visto, viagem, exames médicos, documentos, ferramentas) são do empregador: "
              "{field} os passa ao trabalhador.",
        "ht": "Se patwon an ki peye depans rekritman (viza, vwayaj, egzamen medikal, dokiman, zouti): {field} mete "
              "yo sou travayè a.",
    },
    "Workers must keep their passports and identity documents: the {field} says someone else will hold them.": {
        "es": "Los trabajadores deben conservar su pasaporte y sus documentos: {field} dice que otra persona los "
              "guardará.",
        "fr": "Les travailleurs doivent garder leur passeport et leurs papiers : {field} dit que quelqu'un d'autre "
              "les gardera.",
        "pt": "Os trabalhadores devem ficar com seus passaportes e documentos: {field} diz que outra pessoa os "
              "guardará.",
        "ht": "Travayè yo dwe kenbe paspò ak papye yo: {field} di se yon lòt moun k ap kenbe yo.",
    },
    "Wages must be paid regularly and in full: the {field} holds them back or pays them only at the end.": {
        "es": "El salario debe pagarse con regularidad y completo: {field} lo retiene o lo paga solo al final.",
        "fr": "Le salaire doit être versé régulièrement et en entier : {field} le retient ou ne le verse qu'à la fin.",
        "pt": "O salário deve ser pago regularmente e por inteiro: {field} o retém ou só o paga no fim.",
        "ht": "Salè a dwe peye regilyèman e an antye: {field} kenbe l oswa peye l sèlman nan fen.",
    },
    "Workers must not be bound by debts or interest-bearing advances repaid from wages: the {field} describes one.": {
        "es": "Los trabajadores no deben quedar atados por deudas o adelantos con intereses pagados con su salario: "
              "{field} describe uno.",
        "fr": "Les travailleurs ne doivent pas être liés par des dettes ou des avances remboursées sur leur salaire : "
              "{field} en décrit une.",
        "pt": "Os trabalhadores não devem ficar presos a dívidas ou adiantamentos pagos com o salário: {field} "
              "descreve um.",
        "ht": "Travayè yo pa dwe mare ak dèt oswa avans y ap peye sou salè yo: {field} dekri youn.",
    },
    "Workers must be free to leave without deposits or penalties: the {field} imposes one.": {
        "es": "Los trabajadores deben poder irse sin depósitos ni penalidades: {field} impone uno.",
        "fr": "Les travailleurs doivent pouvoir partir sans caution ni pénalité : {field} en impose une.",
        "pt": "Os trabalhadores devem poder sair sem depósitos nem multas: {field} impõe um.",
        "ht": "Travayè yo dwe lib pou yo ale san depo ni penalite: {field} mete youn.",
    },
    "Workers must be free to move (no curfew, confiscated phones, locked housing or permission to leave): the "
    "{field} restricts them.": {
        "es": "Los trabajadores deben poder moverse libremente (sin toque de queda, sin quitarles el teléfono, sin "
              "encierro ni permisos para salir): {field} los restringe.",
        "fr": "Les travailleurs doivent pouvoir circuler librement (ni couvre-feu, ni téléphone confisqué, ni "
              "logement fermé, ni permission de sortir) : {field} les en empêche.",
        "pt": "Os trabalhadores devem poder circular livremente (sem toque de recolher, celulares recolhidos, "
              "alojamento trancado ou permissão para sair): {field} os restringe.",
        "ht": "Travayè yo dwe lib pou deplase (san kouvrefe, san yo pran telefòn yo, san fèmen yo, san pèmisyon "
              "pou soti): {field} limite yo.",
    },
    "Workers are free to join a union and act collectively: the {field} forbids or punishes it.": {
        "es": "Los trabajadores son libres de afiliarse a un sindicato: {field} lo prohíbe o lo castiga.",
        "fr": "Les travailleurs sont libres d'adhérer à un syndicat : {field} l'interdit ou le sanctionne.",
        "pt": "Os trabalhadores são livres para se filiar a um sindicato: {field} proíbe ou pune isso.",
        "ht": "Travayè yo lib pou antre nan sendika: {field} entèdi sa oswa pini sa.",
    },
    "Requirements must not discriminate by sex, pregnancy, marital status, religion, nationality or age: the {field} "
    "does.": {
        "es": "Los requisitos no deben discriminar por sexo, embarazo, estado civil, religión, nacionalidad o edad: "
              "{field} lo hace.",
        "fr": "Les exigences ne doivent pas discriminer selon le sexe, la grossesse, la situation familiale, la "
              "religion, la nationalité ou l'âge : {field} le fait.",
        "pt": "Os requisitos não devem discriminar por sexo, gravidez, estado civil, religião, nacionalidade ou "
              "idade: {field} discrimina.",
        "ht": "Kondisyon yo pa dwe fè diskriminasyon sou sèks, gwosès, eta sivil, relijyon, nasyonalite oswa laj: "
              "{field} fè sa.",
    },
    "Workers must be at least 18: the {field} accepts younger workers.": {
        "es": "Los trabajadores deben tener al menos 18 años: {field} acepta a menores.",
        "fr": "Les travailleurs doivent avoir au moins 18 ans : {field} accepte des mineurs.",
        "pt": "Os trabalhadores devem ter pelo menos 18 anos: {field} aceita menores.",
        "ht": "Travayè yo dwe gen omwen 18 an: {field} aksepte moun ki pi jèn.",
    },
    "Return travel should be paid by the employer: the {field} makes the worker pay it.": {
        "es": "El viaje de regreso debe pagarlo el empleador: {field} se lo cobra al trabajador.",
        "fr": "Le voyage de retour doit être payé par l'employeur : {field} le fait payer au travailleur.",
        "pt": "A viagem de volta deve ser paga pelo empregador: {field} faz o trabalhador pagá-la.",
        "ht": "Se patwon an ki dwe peye vwayaj retou a: {field} fè travayè a peye l.",
    },
    "An auditor should read this sentence of the {field}: it resembles unfair recruitment terms.": {
        "es": "Un auditor debe leer esta frase de {field}: se parece a condiciones de reclutamiento injustas.",
        "fr": "Un auditeur doit lire cette phrase de {field} : elle ressemble à des conditions de recrutement "
              "injustes.",
        "pt": "Um auditor deve ler esta frase de {field}: ela se parece com condições de recrutamento injustas.",
        "ht": "Yon oditè dwe li fraz sa a nan {field}: li sanble ak kondisyon rekritman ki pa jis.",
    },
    "Overtime must be voluntary and limited: the {field} makes it compulsory, unlimited or enforced by threats.": {
        "es": "Las horas extra deben ser voluntarias y limitadas: {field} las hace obligatorias, ilimitadas o "
              "impuestas con amenazas.",
        "fr": "Les heures supplémentaires doivent être volontaires et limitées : {field} les rend obligatoires, "
              "illimitées ou imposées par la menace.",
        "pt": "As horas extras devem ser voluntárias e limitadas: {field} as torna obrigatórias, ilimitadas ou "
              "impostas com ameaças.",
        "ht": "Lè siplemantè dwe volontè e limite: {field} fè yo obligatwa, san limit oswa ak menas.",
    },
    "Workers are entitled to a weekly rest day: the {field} takes it away or enforces rest-day work by threats.": {
        "es": "Los trabajadores tienen derecho a un día de descanso semanal: {field} lo quita o impone trabajarlo "
              "con amenazas.",
        "fr": "Les travailleurs ont droit à un jour de repos par semaine : {field} le supprime ou impose d'y "
              "travailler sous la menace.",
        "pt": "Os trabalhadores têm direito a uma folga semanal: {field} a elimina ou impõe trabalhar nela com "
              "ameaças.",
        "ht": "Travayè yo gen dwa a yon jou repo chak semèn: {field} retire l oswa fòse yo travay jou sa a ak menas.",
    },
    "Workers must not be tied to the employer's store: the {field} makes them buy there or deducts their purchases "
    "from wages.": {
        "es": "Los trabajadores no deben quedar atados a la tienda del empleador: {field} los obliga a comprar allí "
              "o descuenta sus compras del salario.",
        "fr": "Les travailleurs ne doivent pas être liés au magasin de l'employeur : {field} les oblige à y acheter "
              "ou retient leurs achats sur la paie.",
        "pt": "Os trabalhadores não devem ficar presos à loja do empregador: {field} os obriga a comprar lá ou "
              "desconta as compras do salário.",
        "ht": "Travayè yo pa dwe mare ak magazen patwon an: {field} fòse yo achte la oswa koupe sa yo achte sou "
              "salè yo.",
    },
    "Workers must not be moved to other farms or employers without their consent: the {field} allows it.": {
        "es": "Los trabajadores no deben ser trasladados a otras fincas o empleadores sin su consentimiento: {field} "
              "lo permite.",
        "fr": "Les travailleurs ne doivent pas être envoyés dans d'autres fermes ou chez d'autres employeurs sans "
              "leur accord : {field} le permet.",
        "pt": "Os trabalhadores não devem ser transferidos para outras fazendas ou empregadores sem consentimento: "
              "{field} permite isso.",
        "ht": "Yo pa dwe voye travayè yo nan lòt fèm oswa bay lòt patwon san yo pa dakò: {field} pèmèt sa.",
    },
    "Workers must be free to receive visitors and talk to outsiders: the {field} bans it.": {
        "es": "Los trabajadores deben poder recibir visitas y hablar con personas de fuera: {field} lo prohíbe.",
        "fr": "Les travailleurs doivent pouvoir recevoir des visites et parler à des personnes extérieures : "
              "{field} l'interdit.",
        "pt": "Os trabalhadores devem poder receber visitas e falar com pessoas de fora: {field} proíbe isso.",
        "ht": "Travayè yo dwe lib pou resevwa vizit e pale ak moun deyo: {field} entèdi sa.",
    },
    "Workers must not pay recruitment fees: the {noun} charges {amount}.": {
        "es": "Los trabajadores no deben pagar cuotas de reclutamiento: {noun} cobra {amount}.",
        "fr": "Les travailleurs ne doivent pas payer de frais de recrutement : {noun} facture {amount}.",
        "pt": "Os trabalhadores não devem pagar taxas de recrutamento: {noun} cobra {amount}.",
        "ht": "Travayè yo pa dwe peye frè rekritman: {noun} mande {amount}.",
    },
    "Work weeks must not exceed {limit} hours: the {noun} asks for {hours}.": {
        "es": "La semana de trabajo no debe pasar de {limit} horas: {noun} pide {hours}.",
        "fr": "La semaine de travail ne doit pas dépasser {limit} heures : {noun} en demande {hours}.",
        "pt": "A semana de trabalho não deve passar de {limit} horas: {noun} pede {hours}.",
        "ht": "Semèn travay la pa dwe depase {limit} è: {noun} mande {hours}.",
    },
    "Work weeks above {limit} hours need review: the {noun} asks for {hours}.": {
        "es": "Una semana de más de {limit} horas necesita revisión: {noun} pide {hours}.",
        "fr": "Une semaine de plus de {limit} heures doit être examinée : {noun} en demande {hours}.",
        "pt": "Uma semana de mais de {limit} horas precisa de revisão: {noun} pede {hours}.",
        "ht": "Yon semèn ki depase {limit} è bezwen revizyon: {noun} mande {hours}.",
    },
    "H-2A housing is free (20 CFR 655.122(d)): {how}.": {
        "es": "El alojamiento H-2A es gratuito (20 CFR 655.122(d)): {how}.",
        "fr": "Le logement H-2A est gratuit (20 CFR 655.122(d)) : {how}.",
        "pt": "O alojamento H-2A é gratuito (20 CFR 655.122(d)): {how}.",
        "ht": "Lojman H-2A gratis (20 CFR 655.122(d)): {how}.",
    },
    "H-2A employers guarantee work for three-fourths of the contract's workdays (20 CFR 655.122(i)): the {field} "
    "denies it.": {
        "es": "El empleador H-2A garantiza trabajo en tres cuartas partes de los días del contrato (20 CFR "
              "655.122(i)): {field} lo niega.",
        "fr": "L'employeur H-2A garantit du travail pendant les trois quarts des jours du contrat (20 CFR "
              "655.122(i)) : {field} le nie.",
        "pt": "O empregador H-2A garante trabalho em três quartos dos dias do contrato (20 CFR 655.122(i)): {field} "
              "nega isso.",
        "ht": "Patwon H-2A garanti travay pou twa ka jou kontra a (20 CFR 655.122(i)): {field} refize sa.",
    },
    "The text must not contradict the terms the worker is shown: the wage field promises a rate per {per}, the "
    "{field} pays by the piece only.": {
        "es": "El texto no debe contradecir las condiciones que ve el trabajador: el campo de salario promete un pago "
              "por {per}, {field} paga solo a destajo.",
        "fr": "Le texte ne doit pas contredire les conditions montrées au travailleur : le champ du salaire promet "
              "un taux par {per}, {field} paie uniquement à la pièce.",
        "pt": "O texto não deve contradizer as condições mostradas ao trabalhador: o campo do salário promete um "
              "valor por {per}, {field} paga só por produção.",
        "ht": "Tèks la pa dwe kontredi kondisyon travayè a wè: chan salè a pwomèt yon peman pa {per}, {field} peye "
              "pa pyès sèlman.",
    },
    "The offer must keep the season the worker was recruited for: it lasts {weeks} weeks instead of {promised} "
    "(less than half).": {
        "es": "La oferta debe mantener la temporada para la que se reclutó al trabajador: dura {weeks} semanas en "
              "vez de {promised} (menos de la mitad).",
        "fr": "L'offre doit garder la saison pour laquelle le travailleur a été recruté : elle dure {weeks} semaines "
              "au lieu de {promised} (moins de la moitié).",
        "pt": "A oferta deve manter a temporada para a qual o trabalhador foi recrutado: dura {weeks} semanas em vez "
              "de {promised} (menos da metade).",
        "ht": "Òf la dwe kenbe sezon yo te rekrite travayè a pou li: li dire {weeks} semèn olye {promised} (mwens "
              "pase mwatye).",
    },
}
# Values carried into a translation that are words of the English message themselves.
GLOSSARY: dict[str, dict[str, str]] = {
    "es": {"title": "el título", "description": "la descripción", "other requirements": "los otros requisitos",
           "deduction label": "el nombre de una deducción", "offer terms": "las condiciones de la oferta",
           "vacancy": "la vacante", "offer": "la oferta", "hour": "hora", "day": "día", "week": "semana",
           "month": "mes"},
    "fr": {"title": "le titre", "description": "la description", "other requirements": "les autres exigences",
           "deduction label": "le libellé d'une retenue", "offer terms": "les conditions de l'offre",
           "vacancy": "l'offre d'emploi", "offer": "l'offre", "hour": "heure", "day": "jour", "week": "semaine",
           "month": "mois"},
    "pt": {"title": "o título", "description": "a descrição", "other requirements": "os outros requisitos",
           "deduction label": "o nome de um desconto", "offer terms": "as condições da oferta",
           "vacancy": "a vaga", "offer": "a oferta", "hour": "hora", "day": "dia", "week": "semana", "month": "mês"},
    "ht": {"title": "tit la", "description": "deskripsyon an", "other requirements": "lòt kondisyon yo",
           "deduction label": "non yon retni", "offer terms": "kondisyon òf la", "vacancy": "pòs la",
           "offer": "òf la", "hour": "è", "day": "jou", "week": "semèn", "month": "mwa"},
}


@cache
def _compiled() -> tuple[tuple[re.Pattern, dict[str, str]], ...]:
    compiled = []
    for english, translations in TEMPLATES.items():
        pattern = re.sub(r"\\\{(\w+)\\\}", lambda m: rf"(?P<{m.group(1)}>.+?)", re.escape(english))
        compiled.append((re.compile(rf"^{pattern}$", re.DOTALL), translations))
    return tuple(compiled)


def localise(message: str, lang: str) -> str:
    """``message`` (as a rule wrote it, in English) in ``lang``; in English when no template matches."""
    if lang == "en" or lang not in LANGUAGES or not isinstance(message, str):
        return message
    for pattern, translations in _compiled():
        found = pattern.match(message)
        if found and lang in translations:
            words = GLOSSARY.get(lang, {})
            return translations[lang].format(**{k: words.get(v, v) for k, v in found.groupdict().items()})
    return message


def localised_flags(flags, lang: str) -> list[dict]:
    """Flag dicts with their ``message`` in ``lang``; every other key as it was."""
    return [{**flag, "message": localise(flag.get("message", ""), lang)} if isinstance(flag, dict) else flag
            for flag in flags or []]


def best_language(accept_languages, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The request's best language among ``languages`` (a Werkzeug ``accept_languages``), else English."""
    try:
        # In order of preference; "fr-CA" asks for French when no exact tag is offered.
        for value, _quality in accept_languages:
            tag = value.lower().replace("_", "-")
            for candidate in (tag, tag.split("-")[0]):
                if candidate in languages:
                    return candidate
    except (TypeError, ValueError):
        pass
    return "en"
