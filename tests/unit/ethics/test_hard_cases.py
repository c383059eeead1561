"""Issue 15's hard cases: each new pattern and structured rule with an unfair sentence and a fair look-alike,
in the five languages (none of these sentences is in the evaluation corpus)."""

import pytest

from ethics import engine
from ethics.rules import conditions
from ethics.rules.numbers import digits
from ethics.rules.text import scan
from ethics.rules.textnorm import fold
from tests.unit.ethics.documents import offer, rules, vacancy


def families(text: str) -> set[str]:
    return {finding.family for finding in scan(text)[0]}


# (family, unfair sentence, fair look-alike)
TEXT_CASES = [
    ("worker-fees", "Each worker contributes eight hundred dollars towards the recruitment process.",
     "Each worker receives eight hundred dollars towards the journey."),
    ("worker-fees", "Cada trabajador aporta ochocientos dólares para el proceso de selección.",
     "Cada trabajador recibe ochocientos dólares al llegar."),
    ("worker-fees", "Chaque travailleur verse huit cents dollars pour le processus de recrutement.",
     "Chaque travailleur reçoit huit cents dollars à l'arrivée."),
    ("worker-fees", "Cada trabalhador paga oitocentos dólares para o processo de recrutamento.",
     "Cada trabalhador recebe oitocentos dólares na chegada."),
    ("worker-fees", "Chak travayè peye uit san dola pou pwosesis rekritman an.",
     "Chak travayè resevwa uit san dola lè li rive."),
    ("worker-fees", "The agency receives 15% of the monthly wage.", "Overtime is paid at 150% of the regular wage."),
    ("worker-fees", "La agencia recibe el 15% del salario mensual.",
     "La agencia recibe del empleador el 15% del salario mensual."),
    ("worker-fees", "A agência recebe 15% do salário mensal.", "O adicional noturno é de 20% do salário."),
    ("worker-fees", "Ajans lan resevwa 15% nan salè chak mwa.", "Patwon an peye ajans lan, travayè a pa peye anyen."),
    ("worker-fees", "Candidates pay the registration at our partner agency.",
     "The employer pays the registration at our partner agency."),
    ("worker-fees", "Os candidatos pagam a inscrição na nossa agência parceira.",
     "A empresa paga a inscrição na agência parceira."),
    ("worker-fees", "Los trabajadores contribuyen a los gastos de gestión.",
     "La empresa cubre los gastos de gestión."),
    ("worker-fees", "Travayè yo kontribye nan frè jesyon yo.", "Patwon an peye frè jesyon yo."),
    ("worker-fees", "No hay cuota de reclutamiento, pero cada trabajador paga 200 dólares.",
     "No hay cuota de reclutamiento y cada trabajador paga 200 dólares al mes por la comida."),
    ("debt-bondage", "The company advances the visa money and deducts it from your wages.",
     "The company pays the visa; nothing is deducted from your wages."),
    ("debt-bondage", "Konpayi a avanse lajan viza a, epi l ap retire l sou salè ou.",
     "Konpayi a peye viza a, li pa retire anyen sou salè ou."),
    ("passport-retention", "Passports are never returned before the last day.",
     "Passports are returned the same day after copying."),
    ("passport-retention", "Les passeports ne sont jamais rendus avant le dernier jour.",
     "Les passeports sont rendus le jour même après vérification."),
    ("exit-penalty", "Early departure forfeits the deposit and all wages owed.",
     "Early departure never affects the wages owed."),
    ("union-ban", "Union membership ends the contract.", "Union membership never ends the contract."),
    ("union-ban", "A filiação a um sindicato encerra o contrato.", "A filiação a um sindicato é livre."),
    ("forced-overtime", "Overtime is mandatory and unlimited during the harvest.",
     "Overtime is voluntary and paid at time and a half."),
    ("forced-overtime", "Las horas extra son obligatorias y sin límite.", "Las horas extra son voluntarias."),
    ("no-rest-day", "Workers must work on their rest day or be dismissed.",
     "Workers must work on Sundays in harvest and get another day off in the week."),
    ("no-rest-day", "Pa gen jou repo pandan sezon an.", "Chak travayè gen yon jou repo chak semèn."),
    ("company-store", "Purchases at the farm store are deducted from wages.",
     "Purchases at the farm store are never deducted from wages."),
    ("company-store", "As compras na loja da fazenda são descontadas do salário.",
     "A loja da fazenda vende a preço de custo e nada é descontado do salário."),
    ("forced-transfer", "Workers may be transferred to other farms without their consent.",
     "Workers may be transferred to other farms only with their written consent."),
    ("forced-transfer", "Les ouvriers peuvent être envoyés dans d'autres fermes selon les besoins.",
     "Aucun ouvrier n'est envoyé dans d'autres fermes."),
    ("isolation", "No visitors are allowed in the worker housing.", "Workers may receive visitors in the housing."),
    ("isolation", "Les visites sont interdites dans le logement.",
     "Les visites sont interdites dans les serres pour des raisons de biosécurité."),
    ("isolation", "Vizit entèdi nan lojman an.", "Travayè yo ka resevwa vizit nan lojman an."),
]


@pytest.mark.parametrize("family, unfair, fair", TEXT_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(TEXT_CASES)])
def test_the_unfair_sentence_fires_and_its_look_alike_does_not(family, unfair, fair):
    assert family in families(unfair)
    assert families(fair) == set()


@pytest.mark.parametrize("text", [
    "Under 20 CFR 655.135(j), employers and agents may not receive payment of any kind from workers, including "
    "recruitment fees.",
    "Per Mexican law, retaining a worker's passport or identity documents is a crime (Ley Federal del Trabajo, "
    "art. 133).",
    "Según el artículo 5 de la ley, cobrar una cuota de reclutamiento al trabajador es ilegal.",
    "Dapre lwa a (atik 12), li entèdi pou ajans yo kenbe paspò travayè yo.",
])
def test_a_quoted_prohibition_is_not_a_demand(text):
    assert families(text) == set()


@pytest.mark.parametrize("text", [
    "The law (article 5) is clear, but each worker pays 300 dollars to the agent.",  # the demand is its own clause
    "Under company rule 5, leaving the farm is forbidden.",  # a denied freedom stays denied, whatever it cites
])
def test_a_citation_does_not_excuse_a_demand_beside_it(text):
    assert families(text)


@pytest.mark.parametrize("words, expected", [
    ("eight hundred dollars", "800 dollars"), ("ochocientos dólares", "800 dolares"),
    ("quatre-vingt-dix dollars", "90 dollars"), ("vinte e cinco reais", "25 reais"), ("de san dola", "200 dola"),
    ("quince por ciento", "15 por ciento"), ("one day", "one day"), ("a dollar", "a dollar"),
])
def test_amounts_in_words_become_digits_only_before_a_unit(words, expected):
    assert digits(fold(words)) == expected


US_FARM = {"destination": {"country": "US", "region": "Washington", "city": "Wenatchee"},
           "wage": {"amount": 19.8, "currency": "USD", "per": "hour"}, "housing": {"provided": True,
                                                                                  "weekly_deduction": 0},
           "deductions": []}


def test_an_american_farm_job_is_h2a_and_a_canadian_one_is_not():
    assert conditions.is_h2a(vacancy(**US_FARM))
    assert not conditions.is_h2a(vacancy())
    assert not conditions.is_h2a(vacancy(**{**US_FARM, "title": "H-2B hotel housekeeper", "occupation": "Cleaner",
                                             "isco_code": "9112", "description": "Hotel rooms."}))


def test_h2a_housing_must_be_free():
    charged = vacancy(**{**US_FARM, "housing": {"provided": True, "weekly_deduction": 40}})
    assert "h2a-housing" in rules(engine.check_vacancy(charged))
    assert "h2a-housing" in rules(engine.check_vacancy(vacancy(**{**US_FARM, "description": "Rent of 40 dollars a "
                                                                   "week is deducted from your pay."})))
    assert engine.check_vacancy(vacancy(**US_FARM)).verdict == "pass"
    assert "h2a-housing" not in rules(engine.check_vacancy(vacancy()))  # Ontario: a housing deduction is lawful


def test_h2a_three_fourths_guarantee():
    denied = vacancy(**{**US_FARM, "description": "Hours are not guaranteed."})
    assert "h2a-guarantee" in rules(engine.check_vacancy(denied))
    assert engine.check_vacancy(vacancy(description="Hours are not guaranteed.")).verdict == "pass"
    kept = vacancy(**{**US_FARM, "description": "Work is guaranteed for three-fourths of the contract days."})
    assert engine.check_vacancy(kept).verdict == "pass"


def test_piece_rate_only_contradicts_an_hourly_wage_field():
    assert "terms-contradiction" in rules(engine.check_vacancy(vacancy(description="Piece rate only.")))
    assert engine.check_vacancy(vacancy(description="Hourly wage plus a piece-rate bonus.")).verdict == "pass"


@pytest.mark.parametrize("text", ["During the trial weeks the wage is 9 dollars an hour.",
                                  "Durante el periodo de prueba el salario es de 9 dólares por hora."])
def test_a_wage_stated_in_the_text_must_reach_the_minimum(text):
    assert "below-minimum-wage" in rules(engine.check_vacancy(vacancy(description=text)))


@pytest.mark.parametrize("text", ["During the trial weeks the wage is 19.60 dollars an hour.",
                                  "Meals cost 9 dollars a day.", "A bonus of 2 dollars an hour is paid in August."])
def test_a_fair_amount_in_the_text_is_not_a_low_wage(text):
    assert engine.check_vacancy(vacancy(description=text)).verdict == "pass"


def test_hours_stated_in_the_text_count():
    assert "excessive-hours" in rules(engine.check_vacancy(vacancy(description="12 hours a day, 7 days a week.")))
    assert engine.check_vacancy(vacancy(description="8 hours a day, 5 days a week.")).verdict == "pass"


def test_an_offer_season_under_half_the_vacancy_is_a_substitution():
    short = offer(season={"start": "2027-08-01", "end": "2027-08-21"})
    assert "offer-shorter-season" in rules(engine.check_offer(short, vacancy()))
    inside = offer(season={"start": "2027-08-08", "end": "2027-10-24"})
    assert "offer-shorter-season" not in rules(engine.check_offer(inside, vacancy()))
