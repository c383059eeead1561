"""Generalisation of the text-rule fixes of 2026.11.2: each fix with new unfair phrasings and a fair
look-alike, in the languages it concerns (none of these sentences is in the evaluation corpus)."""

import pytest

from ethics import engine
from ethics.rules import structured, wages
from ethics.rules.text import scan
from tests.unit.ethics.documents import rules, vacancy


def families(text: str) -> set[str]:
    return {finding.family for finding in scan(text)[0]}


def fires(family: str, text: str) -> bool:
    return family in families(text)


# A negation before a colon belongs to its own statement: it does not deny a freedom after it.
@pytest.mark.parametrize("text", [
    "There is no curfew: workers can leave the housing whenever they like.",
    "No hay toque de queda: los trabajadores pueden salir del alojamiento cuando quieran.",
    "Il n'y a aucun couvre-feu : chacun peut quitter le logement le soir.",
    "Não há toque de recolher: os trabalhadores podem sair do alojamento à noite.",
    "Pa gen okenn kouvrefe: travayè yo ka soti nan lojman an aswè.",
])
def test_a_negation_before_a_colon_does_not_deny_a_freedom(text):
    assert not fires("movement-restriction", text)


@pytest.mark.parametrize("text", [
    "Curfew rules: workers may not leave the housing after 9 pm.",
    "Reglas: los trabajadores no pueden salir del alojamiento de noche.",
    "Règles : les ouvriers ne peuvent pas sortir du logement après 22 h.",
    "Regras: os trabalhadores não podem sair do alojamento à noite.",
])
def test_a_freedom_denied_after_a_colon_still_fires(text):
    assert fires("movement-restriction", text)


# "... and keep their phones": the possessive names the worker when no one else is said to hold them.
@pytest.mark.parametrize("text", [
    "Workers may go to town on Sundays and keep their own phones.",
    "Les ouvriers vont en ville le dimanche et conservent leurs portables.",
    "Os trabalhadores vão à cidade aos domingos e ficam com os seus celulares.",
    "Los trabajadores van al pueblo el domingo y conservan sus celulares.",
])
def test_workers_keeping_their_own_phones_is_fair(text):
    assert not fires("movement-restriction", text)


@pytest.mark.parametrize("text", [
    "The supervisor will keep their phones during the week.",
    "Le contremaître garde leurs téléphones pendant la semaine.",
    "Nous gardons leurs portables pendant toute la saison.",
    "Os supervisores ficam com seus celulares durante a semana.",
])
def test_someone_else_keeping_their_phones_still_fires(text):
    assert fires("movement-restriction", text)


# "without requiring marital status, religion or a pregnancy test": the negation covers the list.
@pytest.mark.parametrize("text", [
    "Open to all applicants, without any requirement of marital status, religion or pregnancy test.",
    "Contratamos sin exigir estado civil, religión ni prueba de embarazo.",
    "Embauche sans exigence de situation familiale, de religion ou de test de grossesse.",
    "Contratação sem nenhuma exigência de religião, estado civil ou teste de gravidez.",
    "We hire regardless of sex, marital status, religion or pregnancy.",
])
def test_a_list_negated_by_without_requiring_is_fair(text):
    assert not fires("discrimination", text)


@pytest.mark.parametrize("text", [
    "Sin experiencia previa, las candidatas deben presentar una prueba de embarazo.",
    "Sem experiência exigida, mas é obrigatório o teste de gravidez.",
    "No experience required; applicants must take a pregnancy test.",
    "Sans exigence de diplôme; un test de grossesse est obligatoire.",
])
def test_a_requirement_after_an_unrelated_without_still_fires(text):
    assert fires("discrimination", text)


# "ne ... pas ... sans autorisation": the permission is required, so "sans autorisation" excuses nothing.
@pytest.mark.parametrize("text", [
    "Les ouvriers ne peuvent jamais sortir du camp sans l'autorisation du chef.",
    "Il est interdit de quitter l'exploitation sans permission du contremaître.",
    "Un couvre-feu est fixé à 22 h pour tous les saisonniers.",
])
def test_a_required_permission_is_a_restriction_in_french(text):
    assert fires("movement-restriction", text)


@pytest.mark.parametrize("text", [
    "Les travailleurs peuvent sortir de la ferme sans autorisation le soir et le week-end.",
    "Aucune autorisation n'est nécessaire : les ouvriers sortent sans permission quand ils veulent.",
])
def test_leaving_without_permission_is_a_freedom_in_french(text):
    assert not fires("movement-restriction", text)


# A long condition clause ("who leave ... before ...") and a comma before the penalty of the main clause.
@pytest.mark.parametrize("text", [
    "Anyone who quits the farm before the final day of the picking season will pay a fine of 800 dollars.",
    "If a worker leaves before the end of the contract, he must pay a penalty of 500 USD.",
    "En cas de démission avant la fin de la saison, l'ouvrier devra payer une amende de 900 $.",
    "Si el trabajador renuncia antes de terminar la temporada de cosecha en la finca, deberá pagar una multa.",
    "Se o trabalhador abandonar a fazenda antes do fim da colheita de café, pagará uma multa de 1 500 reais.",
    "Si travayè a kite fèm nan anvan sezon an fini, l ap peye yon amann 2 000 dola.",
])
def test_a_conditional_exit_penalty_fires(text):
    assert fires("exit-penalty", text)


@pytest.mark.parametrize("text", [
    "Workers who leave before the end of the season pay no penalty and keep all wages earned.",
    "En cas de départ anticipé, aucune pénalité n'est exigée du travailleur.",
    "Si w kite travay la anvan kontra a fini, ou pa peye okenn penalite.",
])
def test_leaving_early_without_a_penalty_is_fair(text):
    assert not fires("exit-penalty", text)


# "1 000 dola": a space between digit groups is a thousands separator, not a zero that clears the trigger.
@pytest.mark.parametrize("text", [
    "Le travailleur qui quitte son poste avant la fin versera une pénalité de 1 500 $.",
    "Quem sair antes do fim do contrato paga uma multa de 2 000 reais.",
])
def test_an_amount_with_a_thousands_space_is_not_zero(text):
    assert fires("exit-penalty", text)


def test_a_real_zero_still_clears():
    assert not fires("worker-fees", "Frais de recrutement : 0 $.")


# Interest borne by an advance or a loan, said with a verb ("elle porte intérêt", "it bears interest").
@pytest.mark.parametrize("text", [
    "The recruiter lends 400 dollars; the loan bears interest of 4% a month.",
    "Le patron avance le billet; cette avance porte intérêt à 3 % par mois.",
    "El anticipo devenga intereses del 5 % mensual.",
    "O adiantamento rende juros de 4% ao mês.",
])
def test_an_interest_bearing_advance_is_debt_bondage(text):
    assert fires("debt-bondage", text)


@pytest.mark.parametrize("text", [
    "Une avance sur salaire est possible; elle ne porte aucun intérêt.",
    "The advance bears no interest and is never deducted from wages.",
])
def test_an_advance_without_interest_is_fair(text):
    assert not fires("debt-bondage", text)


# Nothing paid while the work lasts, or everything handed over only at the end.
@pytest.mark.parametrize("text", [
    "No wages are paid during the season.",
    "Durante toda la zafra no se hacen pagos.",
    "Pendant toute la saison, aucun versement n'est effectué.",
    "Nenhum pagamento é feito durante a colheita.",
    "Pa gen okenn peman pandan tout sezon an.",
    "El sueldo se abona completo al final del contrato.",
    "Wages will be paid in one payment on the last day of the contract.",
])
def test_pay_only_at_the_end_is_withheld_wages(text):
    assert fires("withheld-wages", text)


@pytest.mark.parametrize("text", [
    "Wages are paid every Friday during the season.",
    "Durante la cosecha se realizan pagos cada semana.",
    "Pendant la saison, le salaire est versé toutes les deux semaines.",
    "A completion bonus is paid in one payment on the last day of the season.",
])
def test_regular_pay_during_the_season_is_fair(text):
    assert not fires("withheld-wages", text)


# Structured: recruitment costs deducted from wages are worker-costs (RULE_IDS.md).
@pytest.mark.parametrize("label", ["recruitment fee", "frais de recrutement", "cuota de reclutamiento",
                                   "taxa de recrutamento", "placement agency"])
def test_a_recruitment_deduction_is_worker_costs(label):
    assert structured.label_rule(label) == "worker-costs"
    doc = vacancy(deductions=[{"label": label, "amount": 20, "per": "week"}])
    assert "worker-costs" in rules(engine.check_vacancy(doc))


def test_an_ordinary_deduction_is_not_worker_costs():
    assert structured.label_rule("repas") is None


def test_colombia_2026_minimum_is_used_from_2026():
    assert wages.minimum_for("CO", "", wages.day("2026-03-01")).amount == 1750905
    assert wages.minimum_for("CO", "", wages.day("2025-06-01")).amount == 1423500
