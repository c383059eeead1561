"""The demo population ``make run`` creates through the public APIs (``deploy/seed.py``).

Employers in Canada, the United States and Mexico post seasonal and circular
vacancies (a few unfair, so auditors have flags to read); workers come from
Guatemala, Honduras, El Salvador, Mexico, Haiti and Jamaica. ``PAST_SEASONS``
are the 2026 seasons worked and rated, which circular matching builds on.
Names, places and firms are invented.
"""

from __future__ import annotations

import copy
from datetime import date

from ethics.rules.recruiters import Registry, RegistryEntry, licence_key

PAST = {"start": "2026-05-04", "end": "2026-10-16"}


def _vacancy(title, occupation, skills, destination, season, wage, hours, *, pathway="seasonal", positions=6,
             housing=(True, 30), deductions=(), languages=("es",), contract_languages=("en", "es"),
             recruiter=None, fees=0, pays=(True, True, True), description="", certifications=(), min_age=18,
             language="en"):
    return {
        "title": title, "description": description, "language": language, "occupation": occupation, "isco_code": "",
        "skills": list(skills), "destination": destination, "pathway": pathway, "season": season,
        "positions": positions, "wage": wage, "hours_per_week": hours, "worker_fees": fees, "recruiter": recruiter,
        "employer_pays": {"inbound_travel": pays[0], "return_travel": pays[1], "visa": pays[2]},
        "housing": {"provided": housing[0], "weekly_deduction": housing[1]},
        "deductions": [{"label": label, "amount": amount, "per": per} for label, amount, per in deductions],
        "contract_languages": list(contract_languages),
        "requirements": {"languages": list(languages), "min_age": min_age, "certifications": list(certifications),
                         "other": ""},
    }


ONTARIO = {"country": "CA", "region": "Ontario", "city": "Simcoe"}
OKANAGAN = {"country": "CA", "region": "British Columbia", "city": "Kelowna"}
QUEBEC = {"country": "CA", "region": "Quebec", "city": "Saint-Rémi"}
YAKIMA = {"country": "US", "region": "Washington", "city": "Yakima"}
IMMOKALEE = {"country": "US", "region": "Florida", "city": "Immokalee"}
CHIAPAS = {"country": "MX", "region": "Chiapas", "city": "Tapachula"}
CAD = lambda amount: {"amount": amount, "currency": "CAD", "per": "hour"}  # noqa: E731
USD = lambda amount: {"amount": amount, "currency": "USD", "per": "hour"}  # noqa: E731

EMPLOYERS = [
    {"key": "norfolk", "name": "Norfolk Orchards Ltd.", "email": "hiring@norfolk-orchards.demo", "country": "CA",
     "registration_number": "ON-1000231", "contact": "Anne Fraser, +1 519 555 0100"},
    {"key": "okanagan", "name": "Okanagan Cherry Co-operative", "email": "jobs@okanagan-cherry.demo",
     "country": "CA", "registration_number": "BC-0987654", "contact": "Raj Dhillon, +1 250 555 0142"},
    {"key": "remi", "name": "Serres Saint-Rémi inc.", "email": "emplois@serres-saint-remi.demo", "country": "CA",
     "registration_number": "NEQ 1170000123", "contact": "Julie Tremblay, +1 450 555 0177"},
    {"key": "yakima", "name": "Yakima Valley Fruit LLC", "email": "h2a@yakima-fruit.demo", "country": "US",
     "registration_number": "WA UBI 604-000-111", "contact": "Mark Olsen, +1 509 555 0123"},
    {"key": "gulf", "name": "Gulf Coast Growers Inc.", "email": "office@gulf-growers.demo", "country": "US",
     "registration_number": "FL P19000012345", "contact": "Dana Ruiz, +1 239 555 0190"},
    {"key": "soconusco", "name": "Finca Cafetalera Soconusco", "email": "contacto@finca-soconusco.demo",
     "country": "MX", "registration_number": "RFC FCS120101AB1", "contact": "Elena Pérez, +52 962 555 0110"},
]

# The recruiter registry of the demo, one or more per demo country (workers' origins and destinations), as an
# auditor would have registered them from each country's public register; every status appears, and one active
# licence is past its valid-until day. ``ON-RA-1234`` is the licence of the contract's example vacancy.
RECRUITERS = [
    {"name": "Servicios Laborales Quetzal S.A.", "country": "GT", "licence": "GT-MINTRAB-0457", "status": "active",
     "valid_until": "2029-06-30", "source": "Guatemala MINTRAB register of private employment agencies (demo)"},
    {"name": "Reclutadora del Altiplano", "country": "GT", "licence": "GT-MINTRAB-0311", "status": "revoked",
     "valid_until": "2028-01-31", "source": "MINTRAB resolution revoking the authorisation (demo)"},
    {"name": "Agencia Hondureña de Empleo Temporal", "country": "HN", "licence": "HN-STSS-0102", "status": "active",
     "valid_until": "2028-12-31", "source": "Honduras STSS register (demo)"},
    {"name": "Empleos Cuscatlán", "country": "SV", "licence": "SV-MTPS-0088", "status": "suspended",
     "valid_until": "2028-03-31", "source": "El Salvador MTPS notice of suspension (demo)"},
    {"name": "Enlace Laboral del Soconusco", "country": "MX", "licence": "MX-STPS-RA-1520", "status": "active",
     "valid_until": "2029-12-31", "source": "Mexico STPS registry of placement agencies (demo)"},
    {"name": "Agencia Frontera Sur", "country": "MX", "licence": "MX-STPS-RA-0933", "status": "expired",
     "valid_until": "2025-12-31", "source": "Mexico STPS registry (demo)"},
    {"name": "Placement Solidarité Haïti", "country": "HT", "licence": "HT-MAST-0045", "status": "active",
     "valid_until": "2026-06-30", "source": "Haiti MAST list of authorised agencies (demo)"},
    {"name": "Jamaica Farm Work Liaison", "country": "JM", "licence": "JM-MLSS-0012", "status": "active",
     "valid_until": "2029-03-31", "source": "Jamaica MLSS overseas employment register (demo)"},
    {"name": "Agencia X (Ontario)", "country": "CA", "licence": "ON-RA-1234", "status": "active",
     "valid_until": "2029-12-31", "source": "Ontario EPFNA recruiter licence register (demo)"},
    {"name": "Valley Farm Labor Contractors", "country": "US", "licence": "US-FLC-0071", "status": "active",
     "valid_until": "2028-09-30", "source": "US DOL farm labor contractor registry (demo)"},
]


def demo_registry(today: date) -> Registry:
    """The demo registry as the rules see it on ``today``."""
    return Registry(today, {licence_key(r["licence"]): RegistryEntry(r["name"], r["licence"], r["status"],
                                                                     date.fromisoformat(r["valid_until"]))
                            for r in RECRUITERS})


def _by(licence: str) -> dict:
    """A vacancy's recruiter field for a registered demo recruiter (or any licence)."""
    name = next((r["name"] for r in RECRUITERS if r["licence"] == licence), "Agencia Nueva Esperanza")
    return {"name": name, "licence": licence}


# (employer key, vacancy, expected verdict): the unfair ones are there on purpose, and the greenhouse
# job advertised in English with a contract in French and Spanish gets a review flag.
VACANCIES = [
    ("norfolk", _vacancy("Apple harvest worker", "Fruit picker", ["fruit picking", "ladder work"], ONTARIO,
                         {"start": "2027-08-02", "end": "2027-10-29"}, CAD(19.60), 45, positions=12,
                         deductions=[("meals", 40, "week")], recruiter=_by("GT-MINTRAB-0457"),
                         description="Pick and grade apples; training on ladder safety the first week."),
     "pass"),
    ("norfolk", _vacancy("Orchard pruning and thinning", "Farm hand", ["pruning", "fruit thinning"], ONTARIO,
                         {"start": "2027-04-05", "end": "2027-07-16"}, CAD(19.20), 44, pathway="circular",
                         description="Spring pruning and thinning; returning workers welcome every year."),
     "pass"),
    ("okanagan", _vacancy("Cherry picker", "Fruit picker", ["fruit picking", "cherry harvest"], OKANAGAN,
                          {"start": "2027-06-21", "end": "2027-08-27"}, CAD(19.75), 48, positions=20,
                          languages=(), contract_languages=("en", "es", "fr")),
     "pass"),
    ("remi", _vacancy("Ouvrier de serre (tomates)", "Greenhouse worker", ["greenhouse work", "harvesting"], QUEBEC,
                      {"start": "2027-03-15", "end": "2027-11-12"}, CAD(17.90), 40, pathway="circular",
                      languages=("fr",), contract_languages=("fr", "es"),
                      description="Récolte et entretien des plants de tomates en serre."),
     "flag"),
    ("remi", _vacancy("Vegetable packing", "Packer", ["packing", "grading"], QUEBEC,
                      {"start": "2027-07-05", "end": "2027-10-22"}, CAD(17.40), 40, languages=(),
                      contract_languages=("fr", "en", "ht")),
     "pass"),
    ("yakima", _vacancy("H-2A apple harvest", "Fruit picker", ["fruit picking", "ladder work", "tractor driving"],
                        YAKIMA, {"start": "2027-08-16", "end": "2027-11-05"}, USD(19.82), 40, positions=30,
                        housing=(True, 0), contract_languages=("en", "es")),
     "pass"),
    ("gulf", _vacancy("Tomato harvest", "Farm worker", ["harvesting", "packing"], IMMOKALEE,
                      {"start": "2027-01-11", "end": "2027-05-14"}, USD(16.50), 40, housing=(True, 0),
                      languages=(), contract_languages=("en", "es", "ht")),
     "pass"),
    ("soconusco", _vacancy("Cosecha de café", "Coffee picker", ["coffee harvest", "fruit picking"], CHIAPAS,
                           {"start": "2027-10-04", "end": "2028-01-28"},
                           {"amount": 2600, "currency": "MXN", "per": "week"}, 48, housing=(True, 0),
                           contract_languages=("es",), language="es"),
     "pass"),
    # Unfair on purpose: a recruitment fee charged to the worker.
    ("gulf", _vacancy("Strawberry harvest", "Fruit picker", ["fruit picking"], IMMOKALEE,
                      {"start": "2027-01-04", "end": "2027-04-30"}, USD(15.50), 45, fees=850,
                      recruiter={"name": "Rapid Labor Solutions", "licence": ""},
                      description="Placement fee of 850 USD deducted from the first pay checks."),
     "block"),
    # Unfair on purpose: passports kept by the employer.
    ("okanagan", _vacancy("Blueberry picker", "Fruit picker", ["fruit picking"], OKANAGAN,
                          {"start": "2027-07-12", "end": "2027-09-10"}, CAD(18.10), 45,
                          description="Workers hand over their passports to the supervisor on arrival "
                                      "for safekeeping until the end of the season."),
     "block"),
    # Recruiters checked against the registry: a revoked licence and one past its valid-until day block, a licence
    # not in the registry is flagged for review.
    ("yakima", _vacancy("H-2A cherry harvest", "Fruit picker", ["fruit picking", "cherry harvest"], YAKIMA,
                        {"start": "2027-06-07", "end": "2027-07-30"}, USD(19.82), 40, housing=(True, 0),
                        recruiter=_by("GT-MINTRAB-0311")),
     "block"),
    ("remi", _vacancy("Cueillette de fraises", "Fruit picker", ["fruit picking", "harvesting"], QUEBEC,
                      {"start": "2027-06-14", "end": "2027-09-24"}, CAD(17.90), 40, languages=("fr",),
                      contract_languages=("fr", "ht"), language="fr", recruiter=_by("HT-MAST-0045")),
     "block"),
    ("okanagan", _vacancy("Apple thinning crew", "Farm hand", ["fruit thinning", "pruning"], OKANAGAN,
                          {"start": "2027-05-17", "end": "2027-07-09"}, CAD(19.10), 44,
                          recruiter=_by("GT-MINTRAB-0999")),
     "flag"),
    # Unfair on purpose: deductions push pay under the minimum wage.
    ("yakima", _vacancy("Pear packing house", "Packer", ["packing"], YAKIMA,
                        {"start": "2027-08-23", "end": "2027-10-29"}, USD(17.13), 40, housing=(True, 120),
                        deductions=[("transport", 35, "week")], languages=(), pays=(False, False, True)),
     "block"),
]

PASSWORD_LENGTH = 16


def _worker(name, email, origin, birth_year, languages, skills, availability, preferred, pathways, gender=None,
            certifications=()):
    worker = {"name": name, "email": email, "origin_country": origin, "birth_year": birth_year,
              "languages": list(languages), "skills": list(skills), "certifications": list(certifications),
              "availability": availability, "preferred_countries": list(preferred), "pathways": list(pathways)}
    if gender:
        worker["gender"] = gender
    return worker


YEAR_2027 = [{"start": "2027-03-01", "end": "2027-11-30"}]
WITH_2026 = [{"start": "2026-04-01", "end": "2026-11-15"}] + YEAR_2027

WORKERS = [
    _worker("Ana López", "ana.lopez@demo.labourpathways.org", "GT", 1994, ["es"], ["fruit picking", "pruning",
            "ladder work"], WITH_2026, ["CA", "US"], ["seasonal", "circular"], "female"),
    _worker("Marvin Cux", "marvin.cux@demo.labourpathways.org", "GT", 1989, ["es"], ["coffee harvest",
            "fruit picking"], [{"start": "2027-06-01", "end": "2028-02-28"}], ["MX", "CA"], ["seasonal"], "male"),
    _worker("Keila Martínez", "keila.martinez@demo.labourpathways.org", "HN", 1998, ["es", "en"], ["packing",
            "grading", "harvesting"], WITH_2026, ["US", "CA"], ["seasonal", "circular"], "female"),
    _worker("José Ramírez", "jose.ramirez@demo.labourpathways.org", "SV", 1986, ["es"], ["tractor driving",
            "fruit picking", "irrigation"], YEAR_2027, ["US", "CA"], ["seasonal", "circular", "temporary"], "male",
            ["forklift licence"]),
    _worker("Guadalupe Hernández", "lupe.hernandez@demo.labourpathways.org", "MX", 1991, ["es"],
            ["greenhouse work", "harvesting", "pruning"], WITH_2026, ["CA"], ["circular", "seasonal"], "female"),
    _worker("Rodrigo Pérez", "rodrigo.perez@demo.labourpathways.org", "MX", 2001, ["es", "en"], ["fruit picking",
            "cherry harvest"], [{"start": "2027-05-01", "end": "2027-10-31"}], [], ["seasonal"], "male"),
    _worker("Jean-Baptiste Pierre", "jb.pierre@demo.labourpathways.org", "HT", 1990, ["ht", "fr"],
            ["greenhouse work", "packing"], YEAR_2027, ["CA", "US"], ["seasonal", "circular"], "male"),
    _worker("Nadège Joseph", "nadege.joseph@demo.labourpathways.org", "HT", 1996, ["ht", "fr", "en"],
            ["harvesting", "packing", "grading"], [{"start": "2027-01-01", "end": "2027-06-30"}], ["US", "CA"],
            ["seasonal"], "female"),
    _worker("Andre Campbell", "andre.campbell@demo.labourpathways.org", "JM", 1988, ["en"], ["fruit picking",
            "tractor driving", "ladder work"], WITH_2026, ["CA", "US"], ["seasonal", "circular"], "male"),
    _worker("Shanice Brown", "shanice.brown@demo.labourpathways.org", "JM", 1999, ["en"], ["packing",
            "fruit picking"], YEAR_2027, ["CA"], ["seasonal"]),
]

# The 2026 seasons: (employer key, vacancy, [(worker e-mail, employer's rating of the worker)]).
PAST_SEASONS = [
    ("norfolk", _vacancy("Apple harvest worker 2026", "Fruit picker", ["fruit picking", "ladder work"], ONTARIO,
                         {"start": "2026-08-03", "end": "2026-10-30"}, CAD(19.40), 45, positions=12,
                         deductions=[("meals", 40, "week")], languages=()),
     [("ana.lopez@demo.labourpathways.org", 5), ("andre.campbell@demo.labourpathways.org", 4)]),
    ("remi", _vacancy("Ouvrier de serre 2026", "Greenhouse worker", ["greenhouse work", "harvesting"], QUEBEC,
                      {"start": "2026-04-13", "end": "2026-10-30"}, CAD(17.60), 40, pathway="circular",
                      languages=(), contract_languages=("fr", "es"), language="fr"),
     [("lupe.hernandez@demo.labourpathways.org", 5)]),
    ("yakima", _vacancy("H-2A apple harvest 2026", "Fruit picker", ["fruit picking", "ladder work"], YAKIMA,
                        {"start": "2026-08-17", "end": "2026-11-06"}, USD(19.50), 40, housing=(True, 0),
                        languages=()),
     [("keila.martinez@demo.labourpathways.org", 4)]),
]


def all_vacancies() -> list[tuple[str, dict, str]]:
    """Every demo vacancy with its employer key and the verdict the ethics rules should give."""
    past = [(key, vacancy, "pass") for key, vacancy, _workers in PAST_SEASONS]
    return [(key, copy.deepcopy(vacancy), verdict) for key, vacancy, verdict in VACANCIES + past]
