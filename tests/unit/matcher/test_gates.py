"""Hard gates: every exclusion of the contract and the issue, with its reason."""

import pytest

from matcher.reasons import EXCLUSIONS
from tests.unit.matcher.builders import excluded, order, rank, vacancy, worker


def test_an_eligible_vacancy_is_ranked_not_excluded():
    result = rank(worker(), [vacancy("ok")])
    assert order(result) == ["ok"]
    assert result["excluded"] == []


@pytest.mark.parametrize(("season", "eligible"), [
    ({"start": "2027-03-01", "end": "2027-11-30"}, True),   # exactly the window
    ({"start": "2027-02-28", "end": "2027-06-30"}, False),  # starts a day early
    ({"start": "2027-08-01", "end": "2027-12-01"}, False),  # ends a day late
    ({"start": "2028-04-01", "end": "2028-06-30"}, False),  # another year
])
def test_season_must_fit_inside_the_availability_window(season, eligible):
    result = rank(worker(), [vacancy("v", season=season)])
    if eligible:
        assert order(result) == ["v"]
    else:
        assert excluded(result) == {"v": "season_outside_availability"}
        assert result["excluded"][0]["reason"] == "season outside availability"


def test_season_spanning_two_back_to_back_windows_does_not_fit_inside_one():
    windows = [{"start": "2027-03-01", "end": "2027-06-30"}, {"start": "2027-07-01", "end": "2027-11-30"}]
    result = rank(worker(availability=windows),
                  [vacancy("across", season={"start": "2027-06-01", "end": "2027-08-31"}),
                   vacancy("inside", season={"start": "2027-07-15", "end": "2027-09-30"})])
    assert excluded(result) == {"across": "season_outside_availability"}
    assert order(result) == ["inside"]


def test_no_availability_means_nothing_fits():
    assert excluded(rank(worker(availability=[]), [vacancy("v")])) == {"v": "season_outside_availability"}


def test_every_required_language_must_be_spoken():
    vacancies = [vacancy("es", requirements={"languages": ["es"]}),
                 vacancy("es-en", requirements={"languages": ["es", "en"]}),
                 vacancy("none", requirements={"languages": []})]
    result = rank(worker(languages=["es"]), vacancies)
    assert excluded(result) == {"es-en": "missing_language"}
    assert sorted(order(result)) == ["es", "none"]


def test_destination_must_be_preferred_when_the_worker_named_countries():
    vacancies = [vacancy("ca"), vacancy("es", destination={"country": "ES"})]
    assert excluded(rank(worker(preferred_countries=["CA"]), vacancies)) == {"es": "country_not_preferred"}
    assert excluded(rank(worker(preferred_countries=[]), vacancies)) == {}


@pytest.mark.parametrize(("birth_year", "start", "eligible"), [
    (2008, "2027-08-01", True),    # 18 or 19 on 1 August 2027: surely 18
    (2009, "2027-08-01", False),   # 17 or 18: not surely 18
    (2009, "2027-12-31", True),    # everyone born in 2009 is 18 on 31 December 2027
    (1960, "2027-08-01", True),    # no upper age limit
])
def test_minimum_age_counts_the_age_surely_reached_on_the_first_day(birth_year, start, eligible):
    season = {"start": start, "end": "2027-12-31" if start != "2027-12-31" else start}
    result = rank(worker(birth_year=birth_year, availability=[{"start": "2027-01-01", "end": "2027-12-31"}]),
                  [vacancy("v", season=season)])
    assert (excluded(result) == {}) is eligible
    if not eligible:
        assert excluded(result) == {"v": "below_min_age"}


def test_required_certifications_must_be_held_ignoring_case_and_spacing():
    vacancies = [vacancy("forklift", requirements={"certifications": ["Forklift  Licence"]}),
                 vacancy("first-aid", requirements={"certifications": ["first aid", "forklift licence"]})]
    result = rank(worker(certifications=["forklift licence"]), vacancies)
    assert excluded(result) == {"first-aid": "missing_certification"}
    assert order(result) == ["forklift"]


@pytest.mark.parametrize("status", ["blocked", "filled", "closed", "pending_review"])
def test_vacancies_that_are_not_open_are_never_ranked(status):
    result = rank(worker(), [vacancy("v", status=status), vacancy("open", status="approved")])
    assert excluded(result) == {"v": "not_open"}
    assert order(result) == ["open"]


def test_the_first_failing_gate_gives_the_reason():
    v = vacancy("v", status="closed", destination={"country": "ES"}, requirements={"languages": ["fr"]})
    assert excluded(rank(worker(), [v])) == {"v": "not_open"}
    v = vacancy("v", destination={"country": "ES"}, requirements={"languages": ["fr"]})
    assert excluded(rank(worker(), [v])) == {"v": "missing_language"}


def test_every_reason_key_has_an_english_reason():
    vacancies = [vacancy("a", status="closed"), vacancy("b", destination={"country": "ES"})]
    for entry in rank(worker(), vacancies)["excluded"]:
        assert entry["reason"] == EXCLUSIONS[entry["reason_key"]]


def test_contract_exclusions_hold_on_a_mixed_set():
    vacancies = [vacancy(f"v{i}", season={"start": f"2027-{m:02d}-01", "end": f"2027-{m + 2:02d}-28"},
                         destination={"country": c}, requirements={"languages": langs})
                 for i, (m, c, langs) in enumerate([(m, c, langs) for m in (1, 4, 9, 10) for c in ("CA", "US", "MX")
                                                    for langs in ([], ["es"], ["en"])])]
    result = rank(worker(), vacancies)
    by_id = {v["id"]: v for v in vacancies}
    for match in result["matches"]:
        v = by_id[match["vacancy_id"]]
        assert "2027-03-01" <= v["season"]["start"] and v["season"]["end"] <= "2027-11-30"
        assert set(v["requirements"]["languages"]) <= {"es"}
        assert v["destination"]["country"] in ("CA", "US")
    assert len(result["matches"]) + len(result["excluded"]) == len(vacancies)


def test_a_large_tables_vacancy_side_is_derived_once_and_never_taken_for_another_tables():
    from scipy import sparse

    from matcher import gates

    need = sparse.csr_matrix(([1.0] * 70, ([*range(70)], [3] * 70)), shape=(70, 5))
    index = {"es": 3, "fr": 4}
    first = gates._vacancy_side(need, index)
    assert gates._vacancy_side(need, index) is first and first[0].tolist() == [3] and first[3] == {"es": 0}
    assert gates._vacancy_side(need.copy(), index) is not first  # another matrix: derived again
    spanish = [vacancy(f"es{i}", requirements={"languages": ["es"]}) for i in range(70)]
    english = [vacancy(f"en{i}", requirements={"languages": ["en"]}) for i in range(70)]
    for _ in range(2):  # tables of the same shape, one after the other, each twice
        assert excluded(rank(worker(languages=["es"]), spanish)) == {}
        assert set(excluded(rank(worker(languages=["es"]), english)).values()) == {"missing_language"}
