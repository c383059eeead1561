"""Text rules: every family in every language, with a fair look-alike for each unfair sentence."""

import pytest

from ethics import engine
from ethics.rules.text import scan
from tests.unit.ethics.documents import rules, vacancy

# (family, language, unfair sentence, fair sentence that uses the same words)
CASES = [
    ("worker-fees", "en", "Workers must pay a recruitment fee of 500 USD.", "No recruitment fees are charged."),
    ("worker-fees", "es", "Se cobra una tarifa de inscripción de 200 dólares.", "No se cobra ninguna tarifa."),
    ("worker-fees", "fr", "L'agence facture des frais de dossier aux candidats.",
     "Aucun frais n'est demandé au travailleur."),
    ("worker-fees", "pt", "A agência cobra uma comissão dos trabalhadores.", "Nenhuma taxa é cobrada."),
    ("worker-fees", "ht", "Ou dwe peye 300 dola pou jwenn travay la.", "Travayè a pa peye okenn frè."),
    ("worker-costs", "en", "The cost of the flight will be deducted from the first paycheck.",
     "The employer pays the visa fee."),
    ("worker-costs", "es", "El examen médico corre por cuenta del trabajador.",
     "El empleador paga la visa, el pasaje aéreo y el examen médico."),
    ("worker-costs", "fr", "L'examen médical est à la charge du travailleur.",
     "Les frais de voyage sont à la charge de l'employeur."),
    ("worker-costs", "pt", "O custo da passagem aérea será descontado do primeiro salário.",
     "O visto e as passagens são pagos pela empresa."),
    ("worker-costs", "ht", "Egzamen medikal la se sou kont travayè a.", "Patwon an peye viza a ak tikè avyon an."),
    ("passport-retention", "en", "The employer keeps the workers' passports during the season.",
     "Workers keep their passports."),
    ("passport-retention", "es", "Los pasaportes serán retenidos por la empresa hasta el final del contrato.",
     "El pasaporte queda en poder del trabajador."),
    ("passport-retention", "fr", "Le recruteur confisque les pièces d'identité.",
     "Le passeport reste en possession du travailleur."),
    ("passport-retention", "pt", "A empresa retém a carteira de trabalho.",
     "Os trabalhadores guardam seus passaportes."),
    ("passport-retention", "ht", "Patwon an ap kenbe paspò travayè yo pandan tout sezon an.",
     "Paspò a rete nan men travayè a."),
    ("withheld-wages", "en", "Wages are paid at the end of the season.", "A completion bonus is paid at the end of the "
                                                                         "season."),
    ("withheld-wages", "es", "El salario se pagará al final de la temporada.", "Se retiene el ISR conforme a la ley."),
    ("withheld-wages", "fr", "Les salaires ne sont versés qu'à la fin du contrat.", "Le salaire n'est jamais retenu."),
    ("withheld-wages", "pt", "O empregador retém 20% do salário até o fim do contrato.", "O salário nunca é retido."),
    ("withheld-wages", "ht", "W ap touche salè ou nan fen sezon an.", "Yo bay bonis la nan fen sezon an."),
    ("debt-bondage", "en", "Workers must work until the debt is repaid.", "An interest-free advance is available."),
    ("debt-bondage", "es", "Se otorgan préstamos que se descuentan del salario con 10% de interés.",
     "Se ofrece un adelanto sin intereses."),
    ("debt-bondage", "fr", "Les avances sont remboursées sur le salaire avec 10 % d'intérêts.",
     "Une avance sans intérêt est possible."),
    ("debt-bondage", "pt", "O trabalhador deve trabalhar até quitar a dívida.", "Adiantamento sem juros disponível."),
    ("debt-bondage", "ht", "Avans yo ap retire sou salè a ak 10% enterè.", "Avans san enterè disponib."),
    ("exit-penalty", "en", "Workers who leave before the end of the contract must pay a penalty of 1000 dollars.",
     "Workers can leave at any time without penalty."),
    ("exit-penalty", "es", "Se exige un depósito de garantía de 300 dólares.", "No se exige ningún depósito."),
    ("exit-penalty", "fr", "Une caution de 300 dollars est exigée.", "Aucune caution n'est demandée."),
    ("exit-penalty", "pt", "Quem pedir demissão perde o depósito.", "O salário é pago por depósito bancário."),
    ("exit-penalty", "ht", "Ou dwe bay yon depo 300 dola.", "Pa gen depo."),
    ("movement-restriction", "en", "Workers are not allowed to leave the farm.", "No curfew."),
    ("movement-restriction", "es", "Los trabajadores no pueden salir de la finca.",
     "Los trabajadores pueden salir de la finca libremente."),
    ("movement-restriction", "fr", "Les téléphones portables sont confisqués à l'arrivée.",
     "Les travailleurs gardent leur téléphone."),
    ("movement-restriction", "pt", "Há toque de recolher às 21 horas.", "Não há toque de recolher."),
    ("movement-restriction", "ht", "Travayè yo pa gen dwa soti nan fèm nan.", "Travayè yo lib pou soti nan fèm nan."),
    ("union-ban", "en", "Workers may not join a union.", "Workers are free to join a union."),
    ("union-ban", "es", "Quien se afilie a un sindicato será despedido.",
     "Nadie será despedido por afiliarse a un sindicato."),
    ("union-ban", "fr", "Il est interdit d'adhérer à un syndicat.", "Les travailleurs sont libres d'adhérer à un "
                                                                     "syndicat."),
    ("union-ban", "pt", "Sindicatos não são permitidos.", "A liberdade sindical é respeitada."),
    ("union-ban", "ht", "Travayè yo pa ka antre nan yon sendika.", "Travayè yo lib pou antre nan yon sendika."),
    ("discrimination", "en", "Applicants aged 20-35.", "Men and women are welcome to apply."),
    ("discrimination", "es", "Menores de 40 años.", "No se contratan menores de 18 años."),
    ("discrimination", "fr", "Moins de 35 ans.", "Nous recherchons des hommes et des femmes."),
    ("discrimination", "pt", "Exige-se teste de gravidez.", "Não é exigido teste de gravidez."),
    ("discrimination", "ht", "Sèlman gason.", "Nou anboche gason ak fanm."),
]


def families(text: str) -> set[str]:
    return {finding.family for finding in scan(text)[0]}


def case_id(case) -> str:
    return f"{case[0]}-{case[1]}"


@pytest.mark.parametrize("family, lang, unfair, fair", CASES, ids=[case_id(c) for c in CASES])
def test_unfair_sentence_is_caught(family, lang, unfair, fair):
    assert family in families(unfair)


@pytest.mark.parametrize("family, lang, unfair, fair", CASES, ids=[case_id(c) for c in CASES])
def test_fair_look_alike_passes(family, lang, unfair, fair):
    assert families(fair) == set()


def test_every_family_is_covered_in_every_language():
    covered = {(family, lang) for family, lang, _, _ in CASES}
    text_families = {"worker-fees", "worker-costs", "passport-retention", "withheld-wages", "debt-bondage",
                     "exit-penalty", "movement-restriction", "union-ban", "discrimination"}
    assert covered == {(f, lang) for f in text_families for lang in ("en", "es", "fr", "pt", "ht")}


@pytest.mark.parametrize("fair", [
    "no recruitment fees are charged", "no se cobra ninguna tarifa", "aucun frais n'est demandé au travailleur",
    "nenhuma taxa é cobrada", "travayè a pa peye okenn frè", "le passeport reste en possession du travailleur",
    "workers keep their passports", "workers are free to join a union", "no curfew",
    "the employer pays the visa fee", "the employer covers the entrance fee to the fair",
    "documents are returned immediately after verification",
])
def test_the_fair_examples_of_the_brief(fair):
    assert engine.check_vacancy(vacancy(description=fair)).verdict == "pass"


@pytest.mark.parametrize("text, family", [
    ("The employer pays the airfare and the worker pays the visa.", "worker-costs"),  # nearest actor decides
    ("The employer does not pay for the work permit.", "worker-costs"),  # a negated employer
    ("No experience needed, recruitment fee 300 USD.", "worker-fees"),  # negation does not cross the comma
    ("Passports are kept by the employer. Other papers are returned immediately.", "passport-retention"),
    ("Workers are forbidden to leave the farm on weekends.", "movement-restriction"),  # a restrictor
    ("Workers who join a union will be dismissed.", "union-ban"),  # a sanction after the freedom
    ("Minimum age: 16.", "underage"),
    ("16-year-olds welcome.", "underage"),
    ("Edad mínima: 16 años.", "underage"),
    ("Workers pay for their own return ticket.", "no-return-travel"),
])
def test_context_decides(text, family):
    assert family in families(text)


@pytest.mark.parametrize("text", [
    "No recruitment, placement or visa fees are charged to workers.",  # negation across a list
    "The worker pays the visa fee and is fully reimbursed by the employer on arrival.",
    "Passports are collected on arrival for verification. They are returned the same day.",
    "Nothing prevents workers from joining a union.",
    "Workers will not be dismissed for joining a union.",
    "Workers under 18 are not hired.",
    "Wages are paid by direct deposit.",
    "Workers may keep their passports in a personal locker in their room.",
])
def test_fair_context_is_understood(text):
    assert families(text) == set()


def test_evidence_is_the_original_sentence():
    text = "Great orchard. Workers must pay a recruitment fee of 500 USD. Housing is free."
    verdict = engine.check_vacancy(vacancy(description=text))
    (flag,) = verdict.flags
    assert flag.evidence == "Workers must pay a recruitment fee of 500 USD."
    assert "description" in flag.message


def test_long_evidence_is_trimmed():
    text = "Workers must pay a recruitment fee of 500 USD " + "and more words " * 40 + "."
    (flag,) = engine.check_vacancy(vacancy(description=text)).flags
    assert len(flag.evidence) <= 200


def test_mixed_languages_in_one_text():
    text = "No recruitment fees are charged. Sin embargo, el trabajador paga su propia visa."
    assert families(text) == {"worker-costs"}


@pytest.mark.parametrize("field", ["title", "description"])
def test_every_free_text_field_of_a_vacancy_is_read(field):
    verdict = engine.check_vacancy(vacancy(**{field: "Only men. Apple pickers."}))
    assert rules(verdict) == {"discrimination"}


def test_the_other_requirements_field_is_read():
    doc = vacancy()
    doc["requirements"]["other"] = "Solo hombres solteros."
    assert "discrimination" in rules(engine.check_vacancy(doc))


def test_offer_terms_are_read():
    from tests.unit.ethics.documents import offer
    verdict = engine.check_offer(offer(terms="Le salaire sera payé à la fin de la saison."), vacancy())
    assert "withheld-wages" in rules(verdict)
