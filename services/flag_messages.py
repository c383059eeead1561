"""Flag messages in the reader's language: one table of templates, read back from the English message.

Kernel, not ethics: the ethics API localises its verdicts with it and the employers service its stored
flags and dry-run verdicts, so both read one catalogue and neither imports the other. The ethics rules
write their messages in English (the stored and published form, unchanged by this module).
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
    "H-2A housing is free (20 CFR 655.122(d)): the {field} charges for it.": {
        "es": "El alojamiento H-2A es gratuito (20 CFR 655.122(d)): {field} lo cobra.",
        "fr": "Le logement H-2A est gratuit (20 CFR 655.122(d)) : {field} le fait payer.",
        "pt": "O alojamento H-2A é gratuito (20 CFR 655.122(d)): {field} cobra por ele.",
        "ht": "Lojman H-2A gratis (20 CFR 655.122(d)): {field} fè travayè yo peye l.",
    },
    "H-2A housing is free (20 CFR 655.122(d)): it deducts {amount} a week.": {
        "es": "El alojamiento H-2A es gratuito (20 CFR 655.122(d)): se descuentan {amount} por semana.",
        "fr": "Le logement H-2A est gratuit (20 CFR 655.122(d)) : il est retenu {amount} par semaine.",
        "pt": "O alojamento H-2A é gratuito (20 CFR 655.122(d)): são descontados {amount} por semana.",
        "ht": "Lojman H-2A gratis (20 CFR 655.122(d)): yo koupe {amount} chak semèn.",
    },
    "H-2A housing is free (20 CFR 655.122(d)): it deducts {amount} for \"{label}\".": {
        "es": "El alojamiento H-2A es gratuito (20 CFR 655.122(d)): se descuentan {amount} por \"{label}\".",
        "fr": "Le logement H-2A est gratuit (20 CFR 655.122(d)) : il est retenu {amount} pour \"{label}\".",
        "pt": "O alojamento H-2A é gratuito (20 CFR 655.122(d)): são descontados {amount} por \"{label}\".",
        "ht": "Lojman H-2A gratis (20 CFR 655.122(d)): yo koupe {amount} pou \"{label}\".",
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
    # Deduction labels naming a cost the worker must not bear (structured.deduction_label_flags).
    "Workers must not pay recruitment fees: the {noun} deducts {amount} per {per} for \"{label}\".": {
        "es": "Los trabajadores no deben pagar cuotas de reclutamiento: {noun} descuenta {amount} por {per} en "
              "concepto de \"{label}\".",
        "fr": "Les travailleurs ne doivent pas payer de frais de recrutement : {noun} retient {amount} par {per} au "
              "titre de \"{label}\".",
        "pt": "Os trabalhadores não devem pagar taxas de recrutamento: {noun} desconta {amount} por {per} a título "
              "de \"{label}\".",
        "ht": "Travayè yo pa dwe peye frè rekritman: {noun} koupe {amount} pa {per} pou \"{label}\".",
    },
    "Recruitment costs are the employer's: the {noun} deducts {amount} per {per} for \"{label}\".": {
        "es": "Los costos de reclutamiento son del empleador: {noun} descuenta {amount} por {per} en concepto de "
              "\"{label}\".",
        "fr": "Les coûts du recrutement sont à la charge de l'employeur : {noun} retient {amount} par {per} au titre "
              "de \"{label}\".",
        "pt": "Os custos de recrutamento são do empregador: {noun} desconta {amount} por {per} a título de "
              "\"{label}\".",
        "ht": "Se patwon an ki peye depans rekritman: {noun} koupe {amount} pa {per} pou \"{label}\".",
    },
    "Debts must not be repaid from wages: the {noun} deducts {amount} per {per} for \"{label}\".": {
        "es": "Las deudas no deben pagarse con el salario: {noun} descuenta {amount} por {per} en concepto de "
              "\"{label}\".",
        "fr": "Les dettes ne doivent pas être remboursées sur le salaire : {noun} retient {amount} par {per} au titre "
              "de \"{label}\".",
        "pt": "Dívidas não devem ser pagas com o salário: {noun} desconta {amount} por {per} a título de \"{label}\".",
        "ht": "Yo pa dwe peye dèt sou salè travayè yo: {noun} koupe {amount} pa {per} pou \"{label}\".",
    },
    "Workers must not pay deposits or penalties: the {noun} deducts {amount} per {per} for \"{label}\".": {
        "es": "Los trabajadores no deben pagar depósitos ni penalidades: {noun} descuenta {amount} por {per} en "
              "concepto de \"{label}\".",
        "fr": "Les travailleurs ne doivent payer ni caution ni pénalité : {noun} retient {amount} par {per} au titre "
              "de \"{label}\".",
        "pt": "Os trabalhadores não devem pagar depósitos nem multas: {noun} desconta {amount} por {per} a título de "
              "\"{label}\".",
        "ht": "Travayè yo pa dwe peye depo ni penalite: {noun} koupe {amount} pa {per} pou \"{label}\".",
    },
    "Return travel should be paid by the employer: the {noun} deducts {amount} per {per} for \"{label}\".": {
        "es": "El viaje de regreso debe pagarlo el empleador: {noun} descuenta {amount} por {per} en concepto de "
              "\"{label}\".",
        "fr": "Le voyage de retour doit être payé par l'employeur : {noun} retient {amount} par {per} au titre de "
              "\"{label}\".",
        "pt": "A viagem de volta deve ser paga pelo empregador: {noun} desconta {amount} por {per} a título de "
              "\"{label}\".",
        "ht": "Se patwon an ki dwe peye vwayaj retou a: {noun} koupe {amount} pa {per} pou \"{label}\".",
    },
    # What the employer pays (structured._employer_pays_flags).
    "The employer must pay the visa: the vacancy leaves it to the worker.": {
        "es": "El empleador debe pagar la visa: la vacante la deja a cargo del trabajador.",
        "fr": "L'employeur doit payer le visa : l'offre d'emploi le laisse à la charge du travailleur.",
        "pt": "O empregador deve pagar o visto: a vaga o deixa por conta do trabalhador.",
        "ht": "Se patwon an ki dwe peye viza a: pòs la kite l sou kont travayè a.",
    },
    "The employer must pay the travel to the job: the vacancy leaves it to the worker.": {
        "es": "El empleador debe pagar el viaje hasta el trabajo: la vacante lo deja a cargo del trabajador.",
        "fr": "L'employeur doit payer le voyage jusqu'au lieu de travail : l'offre d'emploi le laisse à la charge du "
              "travailleur.",
        "pt": "O empregador deve pagar a viagem até o trabalho: a vaga a deixa por conta do trabalhador.",
        "ht": "Se patwon an ki dwe peye vwayaj pou rive nan travay la: pòs la kite l sou kont travayè a.",
    },
    "Return travel should be paid by the employer for {pathway} work: the vacancy does not pay it.": {
        "es": "En el trabajo {pathway}, el viaje de regreso debe pagarlo el empleador: la vacante no lo paga.",
        "fr": "Pour un travail {pathway}, le voyage de retour doit être payé par l'employeur : l'offre d'emploi ne le "
              "paie pas.",
        "pt": "No trabalho {pathway}, a viagem de volta deve ser paga pelo empregador: a vaga não a paga.",
        "ht": "Pou travay {pathway}, se patwon an ki dwe peye vwayaj retou a: pòs la pa peye l.",
    },
    "Recruiters should be licensed: {name} gives no licence number.": {
        "es": "Los reclutadores deben tener licencia: {name} no da ningún número de licencia.",
        "fr": "Les recruteurs doivent avoir une licence : {name} ne donne aucun numéro de licence.",
        "pt": "Os recrutadores devem ter licença: {name} não informa nenhum número de licença.",
        "ht": "Rekritè yo dwe gen lisans: {name} pa bay okenn nimewo lisans.",
    },
    # Contract language (structured._language_flags and offers.language_flags).
    "The contract must be in a language the worker reads: no contract language is given.": {
        "es": "El contrato debe estar en un idioma que el trabajador lea: no se indica el idioma del contrato.",
        "fr": "Le contrat doit être dans une langue que le travailleur lit : aucune langue de contrat n'est indiquée.",
        "pt": "O contrato deve estar em um idioma que o trabalhador leia: o idioma do contrato não é informado.",
        "ht": "Kontra a dwe nan yon lang travayè a li: pa gen okenn lang kontra ki endike.",
    },
    "The contract must be in a language the worker reads: the vacancy is written in {written} but the contract is "
    "in {contract}.": {
        "es": "El contrato debe estar en un idioma que el trabajador lea: la vacante está escrita en {written} pero "
              "el contrato está en {contract}.",
        "fr": "Le contrat doit être dans une langue que le travailleur lit : l'offre d'emploi est rédigée en "
              "{written} mais le contrat est en {contract}.",
        "pt": "O contrato deve estar em um idioma que o trabalhador leia: a vaga está escrita em {written}, mas o "
              "contrato está em {contract}.",
        "ht": "Kontra a dwe nan yon lang travayè a li: pòs la ekri an {written} men kontra a an {contract}.",
    },
    "The contract must be in a language the worker reads: the vacancy requires {required} but the contract is in "
    "{contract}.": {
        "es": "El contrato debe estar en un idioma que el trabajador lea: la vacante exige {required} pero el "
              "contrato está en {contract}.",
        "fr": "Le contrat doit être dans une langue que le travailleur lit : l'offre d'emploi exige {required} mais "
              "le contrat est en {contract}.",
        "pt": "O contrato deve estar em um idioma que o trabalhador leia: a vaga exige {required}, mas o contrato "
              "está em {contract}.",
        "ht": "Kontra a dwe nan yon lang travayè a li: pòs la mande {required} men kontra a an {contract}.",
    },
    "The contract must be in a language the worker reads: the offer gives no contract language.": {
        "es": "El contrato debe estar en un idioma que el trabajador lea: la oferta no indica el idioma del contrato.",
        "fr": "Le contrat doit être dans une langue que le travailleur lit : l'offre n'indique pas la langue du "
              "contrat.",
        "pt": "O contrato deve estar em um idioma que o trabalhador leia: a oferta não informa o idioma do contrato.",
        "ht": "Kontra a dwe nan yon lang travayè a li: òf la pa bay lang kontra a.",
    },
    "The contract must be in a language the worker reads: the offer's contract is in {language}, not in the "
    "vacancy's {allowed}.": {
        "es": "El contrato debe estar en un idioma que el trabajador lea: el contrato de la oferta está en "
              "{language}, no en los idiomas de la vacante ({allowed}).",
        "fr": "Le contrat doit être dans une langue que le travailleur lit : le contrat de l'offre est en "
              "{language}, pas dans les langues de l'offre d'emploi ({allowed}).",
        "pt": "O contrato deve estar em um idioma que o trabalhador leia: o contrato da oferta está em {language}, "
              "não nos idiomas da vaga ({allowed}).",
        "ht": "Kontra a dwe nan yon lang travayè a li: kontra òf la an {language}, pa nan lang pòs la ({allowed}).",
    },
    # Age (age.age_flags).
    "Workers must be at least {adult}: the vacancy accepts workers from {age}.": {
        "es": "Los trabajadores deben tener al menos {adult} años: la vacante acepta trabajadores desde los {age} "
              "años.",
        "fr": "Les travailleurs doivent avoir au moins {adult} ans : l'offre d'emploi accepte des travailleurs dès "
              "{age} ans.",
        "pt": "Os trabalhadores devem ter pelo menos {adult} anos: a vaga aceita trabalhadores a partir de {age} "
              "anos.",
        "ht": "Travayè yo dwe gen omwen {adult} an: pòs la aksepte travayè depi {age} an.",
    },
    "A minimum age above {adult} needs a legal reason: the vacancy asks for {age} without naming the law, regulation "
    "or licence that requires it.": {
        "es": "Una edad mínima de más de {adult} años necesita un motivo legal: la vacante pide {age} años sin "
              "nombrar la ley, el reglamento o la licencia que lo exige.",
        "fr": "Un âge minimum supérieur à {adult} ans doit avoir une raison légale : l'offre d'emploi demande {age} "
              "ans sans citer la loi, le règlement ou la licence qui l'impose.",
        "pt": "Uma idade mínima acima de {adult} anos precisa de um motivo legal: a vaga pede {age} anos sem citar "
              "a lei, o regulamento ou a licença que a exige.",
        "ht": "Yon laj minimòm ki pi wo pase {adult} an bezwen yon rezon legal: pòs la mande {age} an san li pa "
              "nonmen lwa, règleman oswa lisans ki egzije sa.",
    },
    # Wages and deductions (wages.wage_flags, conditions._text_wage_flags).
    "The wage must reach the legal minimum: the {field} of the {noun} states {amount} per {per}, below the "
    "{required} per {per} required in {place}.": {
        "es": "El salario debe alcanzar el mínimo legal: {field} {of_noun} indica {amount} por {per}, menos que los "
              "{required} por {per} exigidos en {place}.",
        "fr": "Le salaire doit atteindre le minimum légal : {field} {of_noun} indique {amount} par {per}, moins que "
              "les {required} par {per} exigés en {place}.",
        "pt": "O salário deve atingir o mínimo legal: {field} {of_noun} indica {amount} por {per}, abaixo dos "
              "{required} por {per} exigidos em {place}.",
        "ht": "Salè a dwe rive nan minimòm legal la: {field} {of_noun} di {amount} pa {per}, pi ba pase {required} "
              "pa {per} yo egzije nan {place}.",
    },
    "The wage must reach the legal minimum: the {noun} pays {amount} per {per}, below the {required} per {per} "
    "required in {place}.": {
        "es": "El salario debe alcanzar el mínimo legal: {noun} paga {amount} por {per}, menos que los {required} "
              "por {per} exigidos en {place}.",
        "fr": "Le salaire doit atteindre le minimum légal : {noun} paie {amount} par {per}, moins que les "
              "{required} par {per} exigés en {place}.",
        "pt": "O salário deve atingir o mínimo legal: {noun} paga {amount} por {per}, abaixo dos {required} por "
              "{per} exigidos em {place}.",
        "ht": "Salè a dwe rive nan minimòm legal la: {noun} peye {amount} pa {per}, pi ba pase {required} pa {per} "
              "yo egzije nan {place}.",
    },
    "Deductions should not take more than a quarter of pay: the {noun} deducts {deducted} of {gross} gross a week "
    "({share}).": {
        "es": "Los descuentos no deben superar la cuarta parte del salario: {noun} descuenta {deducted} de {gross} "
              "brutos por semana ({share}).",
        "fr": "Les retenues ne doivent pas dépasser le quart de la paie : {noun} retient {deducted} sur {gross} "
              "brut par semaine ({share}).",
        "pt": "Os descontos não devem passar de um quarto do salário: {noun} desconta {deducted} de {gross} brutos "
              "por semana ({share}).",
        "ht": "Retni yo pa dwe pran plis pase yon ka salè a: {noun} koupe {deducted} sou {gross} brit chak semèn "
              "({share}).",
    },
    "Deductions must not push pay below the legal minimum: the {noun} leaves {left} a week, below the {floor} weekly "
    "minimum of {place}.": {
        "es": "Los descuentos no deben dejar el salario por debajo del mínimo legal: {noun} deja {left} por semana, "
              "menos que el mínimo semanal de {floor} en {place}.",
        "fr": "Les retenues ne doivent pas faire passer la paie sous le minimum légal : {noun} laisse {left} par "
              "semaine, moins que le minimum hebdomadaire de {floor} en {place}.",
        "pt": "Os descontos não devem deixar o salário abaixo do mínimo legal: {noun} deixa {left} por semana, "
              "abaixo do mínimo semanal de {floor} em {place}.",
        "ht": "Retni yo pa dwe fè salè a desann anba minimòm legal la: {noun} kite {left} pa semèn, pi ba pase "
              "minimòm {floor} pa semèn nan {place}.",
    },
    # Weekly hours the text states (conditions._text_hours_flags).
    "Work weeks must not exceed {limit} hours: the {field} of the {noun} states {week} hours a week, more than its "
    "hours field ({stated}).": {
        "es": "La semana de trabajo no debe pasar de {limit} horas: {field} {of_noun} indica {week} horas por "
              "semana, más que su campo de horas ({stated}).",
        "fr": "La semaine de travail ne doit pas dépasser {limit} heures : {field} {of_noun} indique {week} heures "
              "par semaine, plus que son champ des heures ({stated}).",
        "pt": "A semana de trabalho não deve passar de {limit} horas: {field} {of_noun} indica {week} horas por "
              "semana, mais que o campo de horas ({stated}).",
        "ht": "Semèn travay la pa dwe depase {limit} è: {field} {of_noun} di {week} è pa semèn, plis pase chan è "
              "yo ({stated}).",
    },
    "Work weeks above {limit} hours need review: the {field} of the {noun} states {week} hours a week, more than its "
    "hours field ({stated}).": {
        "es": "Una semana de más de {limit} horas necesita revisión: {field} {of_noun} indica {week} horas por "
              "semana, más que su campo de horas ({stated}).",
        "fr": "Une semaine de plus de {limit} heures doit être examinée : {field} {of_noun} indique {week} heures "
              "par semaine, plus que son champ des heures ({stated}).",
        "pt": "Uma semana de mais de {limit} horas precisa de revisão: {field} {of_noun} indica {week} horas por "
              "semana, mais que o campo de horas ({stated}).",
        "ht": "Yon semèn ki depase {limit} è bezwen revizyon: {field} {of_noun} di {week} è pa semèn, plis pase "
              "chan è yo ({stated}).",
    },
    # An offer against its vacancy (offers.substitution_flags).
    "The offer must not pay less than the vacancy: {offered} per hour instead of {promised}.": {
        "es": "La oferta no debe pagar menos que la vacante: {offered} por hora en vez de {promised}.",
        "fr": "L'offre ne doit pas payer moins que l'offre d'emploi : {offered} de l'heure au lieu de {promised}.",
        "pt": "A oferta não deve pagar menos que a vaga: {offered} por hora em vez de {promised}.",
        "ht": "Òf la pa dwe peye mwens pase pòs la: {offered} pa è olye {promised}.",
    },
    "The offer must not add worker fees: it charges {offered} where the vacancy charged {promised}.": {
        "es": "La oferta no debe añadir cuotas al trabajador: cobra {offered} cuando la vacante cobraba {promised}.",
        "fr": "L'offre ne doit pas ajouter de frais pour le travailleur : elle facture {offered} là où l'offre "
              "d'emploi facturait {promised}.",
        "pt": "A oferta não deve acrescentar taxas ao trabalhador: cobra {offered} onde a vaga cobrava {promised}.",
        "ht": "Òf la pa dwe ajoute frè pou travayè a: li mande {offered} kote pòs la te mande {promised}.",
    },
    "The offer must keep the vacancy's terms: it has {hours} hours a week instead of {promised}.": {
        "es": "La oferta debe mantener las condiciones de la vacante: tiene {hours} horas por semana en vez de "
              "{promised}.",
        "fr": "L'offre doit garder les conditions de l'offre d'emploi : elle prévoit {hours} heures par semaine au "
              "lieu de {promised}.",
        "pt": "A oferta deve manter as condições da vaga: ela tem {hours} horas por semana em vez de {promised}.",
        "ht": "Òf la dwe kenbe kondisyon pòs la: li gen {hours} è pa semèn olye {promised}.",
    },
    "The offer must keep the vacancy's terms: it has a new deduction for \"{label}\".": {
        "es": "La oferta debe mantener las condiciones de la vacante: tiene un descuento nuevo por \"{label}\".",
        "fr": "L'offre doit garder les conditions de l'offre d'emploi : elle prévoit une nouvelle retenue pour "
              "\"{label}\".",
        "pt": "A oferta deve manter as condições da vaga: ela tem um novo desconto por \"{label}\".",
        "ht": "Òf la dwe kenbe kondisyon pòs la: li gen yon nouvo retni pou \"{label}\".",
    },
    "The offer must keep the vacancy's terms: it has a higher deduction for \"{label}\".": {
        "es": "La oferta debe mantener las condiciones de la vacante: tiene un descuento mayor por \"{label}\".",
        "fr": "L'offre doit garder les conditions de l'offre d'emploi : elle prévoit une retenue plus élevée pour "
              "\"{label}\".",
        "pt": "A oferta deve manter as condições da vaga: ela tem um desconto maior por \"{label}\".",
        "ht": "Òf la dwe kenbe kondisyon pòs la: li gen yon retni pi wo pou \"{label}\".",
    },
    "The offer must keep the vacancy's terms: it has no housing although the vacancy provided it.": {
        "es": "La oferta debe mantener las condiciones de la vacante: no incluye alojamiento aunque la vacante lo "
              "ofrecía.",
        "fr": "L'offre doit garder les conditions de l'offre d'emploi : elle ne fournit pas de logement alors que "
              "l'offre d'emploi en fournissait un.",
        "pt": "A oferta deve manter as condições da vaga: ela não inclui alojamento, embora a vaga o oferecesse.",
        "ht": "Òf la dwe kenbe kondisyon pòs la: li pa bay lojman alòske pòs la te bay li.",
    },
    "The offer must keep the vacancy's terms: it has a housing deduction of {charge} a week instead of {promised}.": {
        "es": "La oferta debe mantener las condiciones de la vacante: tiene un descuento de alojamiento de {charge} "
              "por semana en vez de {promised}.",
        "fr": "L'offre doit garder les conditions de l'offre d'emploi : elle prévoit une retenue de logement de "
              "{charge} par semaine au lieu de {promised}.",
        "pt": "A oferta deve manter as condições da vaga: ela tem um desconto de alojamento de {charge} por semana "
              "em vez de {promised}.",
        "ht": "Òf la dwe kenbe kondisyon pòs la: li gen yon retni lojman {charge} pa semèn olye {promised}.",
    },
    "The offer must keep the vacancy's terms: it has a season ({start} to {end}) outside the vacancy's ({was_start} "
    "to {was_end}).": {
        "es": "La oferta debe mantener las condiciones de la vacante: tiene una temporada ({start} a {end}) fuera de "
              "la de la vacante ({was_start} a {was_end}).",
        "fr": "L'offre doit garder les conditions de l'offre d'emploi : elle prévoit une saison (du {start} au "
              "{end}) hors de celle de l'offre d'emploi (du {was_start} au {was_end}).",
        "pt": "A oferta deve manter as condições da vaga: ela tem uma temporada ({start} a {end}) fora da temporada "
              "da vaga ({was_start} a {was_end}).",
        "ht": "Òf la dwe kenbe kondisyon pòs la: li gen yon sezon ({start} rive {end}) deyò sezon pòs la "
              "({was_start} rive {was_end}).",
    },
    # Review flags (budget.manual_review_flag, engine.grievance_flag).
    "The {field} could not be checked automatically: shorten or simplify it and submit again, or an auditor will "
    "review it.": {
        "es": "No se pudo comprobar automáticamente {field}: acorte o simplifique el texto y vuelva a enviarlo, o lo "
              "revisará un auditor.",
        "fr": "Impossible de vérifier automatiquement {field} : raccourcissez ou simplifiez le texte puis soumettez-le "
              "à nouveau, sinon un auditeur l'examinera.",
        "pt": "Não foi possível verificar automaticamente {field}: encurte ou simplifique o texto e envie de novo, ou "
              "um auditor fará a revisão.",
        "ht": "Nou pa t ka verifye {field} otomatikman: fè tèks la pi kout oswa pi senp epi voye l ankò, sinon yon "
              "oditè ap revize l.",
    },
    "A worker filed a grievance ({category}) about this employer: an auditor should look into it.": {
        "es": "Un trabajador presentó una queja ({category}) sobre este empleador: un auditor debe revisarla.",
        "fr": "Un travailleur a déposé une plainte ({category}) contre cet employeur : un auditeur doit l'examiner.",
        "pt": "Um trabalhador registrou uma queixa ({category}) sobre este empregador: um auditor deve analisá-la.",
        "ht": "Yon travayè pote plent ({category}) sou patwon sa a: yon oditè dwe gade sa.",
    },
    "A worker filed a grievance about this employer: an auditor should look into it.": {
        "es": "Un trabajador presentó una queja sobre este empleador: un auditor debe revisarla.",
        "fr": "Un travailleur a déposé une plainte contre cet employeur : un auditeur doit l'examiner.",
        "pt": "Um trabalhador registrou uma queixa sobre este empregador: um auditor deve analisá-la.",
        "ht": "Yon travayè pote plent sou patwon sa a: yon oditè dwe gade sa.",
    },
    # Review flags of workers' ratings (engine.rating_flags).
    "A worker who rated a completed season says fees were charged for the job: an auditor should look into it.": {
        "es": "Un trabajador que calificó una temporada terminada dice que le cobraron cuotas por el trabajo: un "
              "auditor debe revisarlo.",
        "fr": "Un travailleur qui a noté une saison terminée dit que des frais lui ont été demandés pour l'emploi : "
              "un auditeur doit l'examiner.",
        "pt": "Um trabalhador que avaliou uma temporada concluída diz que cobraram taxas pelo trabalho: um auditor "
              "deve analisar.",
        "ht": "Yon travayè ki bay yon sezon fini nòt di yo te fè l peye frè pou travay la: yon oditè dwe gade sa.",
    },
    "A worker who rated a completed season says they were not paid on time: an auditor should look into it.": {
        "es": "Un trabajador que calificó una temporada terminada dice que no le pagaron a tiempo: un auditor debe "
              "revisarlo.",
        "fr": "Un travailleur qui a noté une saison terminée dit qu'il n'a pas été payé à temps : un auditeur doit "
              "l'examiner.",
        "pt": "Um trabalhador que avaliou uma temporada concluída diz que não foi pago em dia: um auditor deve "
              "analisar.",
        "ht": "Yon travayè ki bay yon sezon fini nòt di yo pa t peye l alè: yon oditè dwe gade sa.",
    },
    # The fairness audit's review flag (engine.fairness_flag).
    "This employer's offers went to women far less often than women were among its candidates: an auditor "
    "should look into it.": {
        "es": "Las ofertas de este empleador fueron a mujeres con mucha menos frecuencia de la que las mujeres "
              "tenían entre sus candidatos: un auditor debe revisarlo.",
        "fr": "Les offres de cet employeur sont allées à des femmes bien moins souvent que la part des femmes "
              "parmi ses candidats : un auditeur doit l'examiner.",
        "pt": "As ofertas deste empregador foram para mulheres com muito menos frequência do que a parcela de "
              "mulheres entre os seus candidatos: um auditor deve analisar.",
        "ht": "Òf patwon sa a te ale bay fanm pi ra anpil pase kantite fanm ki te nan kandida li yo: yon oditè "
              "dwe gade sa.",
    },
}
# Flags of the recruiter registry (ethics.rules.recruiters), written for the recruiter of a vacancy and for
# the vacancy's recruiter of an offer: {whose} is filled in below for both.
_RECRUITER_TEMPLATES = {
    "{whose} {name} (licence {licence}) is not in the recruiter registry: an auditor should verify the licence.": {
        "es": "{whose} {name} (licencia {licence}) no está en el registro de reclutadores: un auditor debe verificar "
              "la licencia.",
        "fr": "{whose} {name} (licence {licence}) ne figure pas au registre des recruteurs : un auditeur doit "
              "vérifier la licence.",
        "pt": "{whose} {name} (licença {licence}) não está no registro de recrutadores: um auditor deve verificar a "
              "licença.",
        "ht": "{whose} {name} (lisans {licence}) pa nan rejis rekritè yo: yon oditè dwe verifye lisans lan.",
    },
    "{whose} {name} (licence {licence}) may not recruit: the registry lists the licence as {status}.": {
        "es": "{whose} {name} (licencia {licence}) no puede reclutar: el registro indica que la licencia está "
              "{status}.",
        "fr": "{whose} {name} (licence {licence}) ne peut pas recruter : le registre indique que la licence est "
              "{status}.",
        "pt": "{whose} {name} (licença {licence}) não pode recrutar: o registro indica que a licença está {status}.",
        "ht": "{whose} {name} (lisans {licence}) pa ka rekrite: rejis la di lisans lan {status}.",
    },
    "{whose} {name} (licence {licence}) may not recruit: the licence expired on {day}.": {
        "es": "{whose} {name} (licencia {licence}) no puede reclutar: la licencia venció el {day}.",
        "fr": "{whose} {name} (licence {licence}) ne peut pas recruter : la licence a expiré le {day}.",
        "pt": "{whose} {name} (licença {licence}) não pode recrutar: a licença venceu em {day}.",
        "ht": "{whose} {name} (lisans {licence}) pa ka rekrite: lisans lan ekspire {day}.",
    },
}
_WHOSE = {
    "The recruiter": {"es": "El reclutador", "fr": "Le recruteur", "pt": "O recrutador", "ht": "Rekritè"},
    "The vacancy's recruiter": {"es": "El reclutador de la vacante", "fr": "Le recruteur de l'offre d'emploi",
                                "pt": "O recrutador da vaga", "ht": "Rekritè pòs la"},
}
for _english, _translations in _RECRUITER_TEMPLATES.items():
    for _whose, _words in _WHOSE.items():
        TEMPLATES[_english.replace("{whose}", _whose)] = {
            lang: text.replace("{whose}", _words[lang]) for lang, text in _translations.items()}
# A licence's status in the registry, as the messages above carry it.
_LICENCE_STATUSES = {
    "es": {"suspended": "suspendida", "revoked": "revocada", "expired": "vencida"},
    "fr": {"suspended": "suspendue", "revoked": "révoquée", "expired": "expirée"},
    "pt": {"suspended": "suspensa", "revoked": "revogada", "expired": "vencida"},
    "ht": {"suspended": "sispann", "revoked": "revoke", "expired": "ekspire"},
}
# Values carried into a translation that are words of the English message themselves; "of X" is the
# value of an ``{of_name}`` placeholder ("the description of the vacancy": "a descrição da vaga").
_UNITS = {
    "es": {"hour": "hora", "day": "día", "week": "semana", "month": "mes", "year": "año", "season": "temporada",
           "period": "periodo", "piece": "pieza"},
    "fr": {"hour": "heure", "day": "jour", "week": "semaine", "month": "mois", "year": "an", "season": "saison",
           "period": "période", "piece": "pièce"},
    "pt": {"hour": "hora", "day": "dia", "week": "semana", "month": "mês", "year": "ano", "season": "temporada",
           "period": "período", "piece": "peça"},
    "ht": {"hour": "è", "day": "jou", "week": "semèn", "month": "mwa", "year": "ane", "season": "sezon",
           "period": "peryòd", "piece": "pyès"},
}
# Grievance categories (workers.schemas.GRIEVANCE_CATEGORIES) and programme pathways.
_CATEGORIES = {
    "es": {"fees": "cuotas", "passport": "pasaporte", "wages": "salarios", "housing": "alojamiento",
           "safety": "seguridad", "harassment": "acoso", "contract": "contrato", "other": "otro motivo",
           "seasonal": "de temporada", "circular": "circular", "none": "ninguno"},
    "fr": {"fees": "frais", "passport": "passeport", "wages": "salaires", "housing": "logement",
           "safety": "sécurité", "harassment": "harcèlement", "contract": "contrat", "other": "autre motif",
           "seasonal": "saisonnier", "circular": "circulaire", "none": "aucune"},
    "pt": {"fees": "taxas", "passport": "passaporte", "wages": "salários", "housing": "alojamento",
           "safety": "segurança", "harassment": "assédio", "contract": "contrato", "other": "outro motivo",
           "seasonal": "sazonal", "circular": "circular", "none": "nenhum"},
    "ht": {"fees": "frè", "passport": "paspò", "wages": "salè", "housing": "lojman", "safety": "sekirite",
           "harassment": "arasman", "contract": "kontra", "other": "lòt rezon", "seasonal": "sezonye",
           "circular": "sikilè", "none": "okenn"},
}
GLOSSARY: dict[str, dict[str, str]] = {
    "es": {"title": "el título", "description": "la descripción", "other requirements": "los otros requisitos",
           "deduction label": "el nombre de una deducción", "offer terms": "las condiciones de la oferta",
           "vacancy": "la vacante", "offer": "la oferta", "of vacancy": "de la vacante", "of offer": "de la oferta",
           **_UNITS["es"], **_CATEGORIES["es"]},
    "fr": {"title": "le titre", "description": "la description", "other requirements": "les autres exigences",
           "deduction label": "le libellé d'une retenue", "offer terms": "les conditions de l'offre",
           "vacancy": "l'offre d'emploi", "offer": "l'offre", "of vacancy": "de l'offre d'emploi",
           "of offer": "de l'offre", **_UNITS["fr"], **_CATEGORIES["fr"]},
    "pt": {"title": "o título", "description": "a descrição", "other requirements": "os outros requisitos",
           "deduction label": "o nome de um desconto", "offer terms": "as condições da oferta",
           "vacancy": "a vaga", "offer": "a oferta", "of vacancy": "da vaga", "of offer": "da oferta",
           **_UNITS["pt"], **_CATEGORIES["pt"]},
    "ht": {"title": "tit la", "description": "deskripsyon an", "other requirements": "lòt kondisyon yo",
           "deduction label": "non yon retni", "offer terms": "kondisyon òf la", "vacancy": "pòs la",
           "offer": "òf la", "of vacancy": "nan pòs la", "of offer": "nan òf la", **_UNITS["ht"],
           **_CATEGORIES["ht"]},
}

for _lang, _statuses in _LICENCE_STATUSES.items():
    GLOSSARY[_lang].update(_statuses)


def _pattern(english: str) -> re.Pattern:
    """The regular expression that reads an English template's values back from a message."""
    seen: set[str] = set()

    def placeholder(match: re.Match) -> str:
        # A value named twice ("per {per} ... per {per}") must be the same both times.
        name = match.group(1)
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return rf"(?P<{name}>.+?)"

    return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", placeholder, re.escape(english)) + "$", re.DOTALL)


@cache
def _compiled() -> tuple[tuple[re.Pattern, dict[str, str]], ...]:
    return tuple((_pattern(english), translations) for english, translations in TEMPLATES.items())


def localise(message: str, lang: str) -> str:
    """``message`` (as a rule wrote it, in English) in ``lang``; in English when no template matches."""
    if lang == "en" or lang not in LANGUAGES or not isinstance(message, str):
        return message
    for pattern, translations in _compiled():
        found = pattern.match(message)
        if found and lang in translations:
            words = GLOSSARY.get(lang, {})
            values = {k: words.get(v, v) for k, v in found.groupdict().items()}
            values |= {f"of_{k}": words.get(f"of {v}", v) for k, v in found.groupdict().items()}
            return translations[lang].format(**values)
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
