"""A series of vacancies cannot sort candidates by birth year unless ethics flagged them (issue 12, finding 6).

The matcher leaves out workers below a vacancy's ``min_age``, so vacancies that differ only in
``min_age`` would tell an employer which candidates were born before which year. The answer chosen:
below 18 is blocked (never approved, never matched), above 18 without a stated legal reason is an
``age-requirement`` review flag that auditors see, and vacancy creation and edits are rate-limited.
So every approved vacancy that no flag marks has ``min_age`` 18, and all of them see the same adults.
"""

from ethics import engine
from tests.documents import vacancy as ethics_vacancy
from tests.unit.matcher.builders import excluded, rank, vacancy, worker

AGES = list(range(0, 19)) + [19, 20, 21, 25, 30, 35, 40, 45, 50, 55, 60, 65]
# Adults born every year from 1955 to 2009 (the season starts in 2027).
WORKERS = [worker(birth_year=year) for year in range(1955, 2010)]


def _verdict(min_age: int, other: str = ""):
    document = ethics_vacancy()
    document["requirements"]["min_age"] = min_age
    document["requirements"]["other"] = other
    return engine.check_vacancy(document)


def _candidates(min_age: int) -> frozenset[int]:
    """Birth years of the workers the matcher does not leave out for age."""
    doc = vacancy(f"v{min_age}", requirements={"min_age": min_age})
    return frozenset(w["birth_year"] for w in WORKERS if excluded(rank(w, [doc])).get(doc["id"]) != "below_min_age")


def test_only_flagged_or_blocked_vacancies_separate_candidates_by_age():
    verdicts = {age: _verdict(age) for age in AGES}
    unmarked = [age for age, v in verdicts.items()
                if v.verdict != "block" and "age-requirement" not in {f.rule for f in v.flags}]
    assert unmarked == [18]
    # What an employer can learn from unmarked vacancies: one candidate list, whatever min_age it tries.
    assert len({_candidates(age) for age in unmarked}) == 1
    adults = _candidates(18)
    for age in AGES:
        if _candidates(age) != adults:
            rules = {f.rule for f in verdicts[age].flags}
            assert verdicts[age].verdict == "block" or "age-requirement" in rules, age


def test_the_series_of_flagged_vacancies_is_what_would_reveal_birth_years():
    # Why the flag is needed: without it six vacancies would narrow a birth year to a few years.
    lists = {_candidates(age) for age in (18, 25, 30, 40, 50, 60)}
    assert len(lists) == 6
    assert all(_verdict(age).verdict == "flag" for age in (25, 30, 40, 50, 60))


def test_a_legal_reason_anyone_can_write_opens_no_birth_year_beyond_21():
    # "Required by law" excuses 19 to 21 (driving, alcohol); every older minimum is flagged whatever the text,
    # so unflagged vacancies with the phrase sort candidates into at most four groups by age, all under 22.
    claim = "Driving licence required by law."
    unmarked = [age for age in AGES if age >= 18 and "age-requirement" not in
                {f.rule for f in _verdict(age, claim).flags} and _verdict(age, claim).verdict != "block"]
    assert unmarked == [18, 19, 20, 21]
    assert len({_candidates(age) for age in unmarked}) <= 4
