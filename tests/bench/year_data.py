"""A year of a programme's data, as the services' own model documents (for ``tests.bench.data_bench``).

At scale 1: 500 employers, 20,000 workers, 20,000 vacancies, 100,000 offers (and the workers' inbox
entries of those the ethics service let through), 50,000 grievances and 100,000 flags over the last
12 months. Every size moves with the scale. Made the way the event flow would make them: each flag
belongs to a vacancy, an offer or a grievance of its employer and is dated with it; a block flag blocks
its document; every grievance puts a ``grievance`` flag on its employer, as ``ethics.handlers`` does, so
half the flags are grievance flags; older flags are more often decided.

Employers differ in size (a cycle of weights; employer 0 is of the largest kind, about 4 times the
mean). The number of employers and workers grows with the scale, so employer 0 (about 770 flags, 150
vacancies and 770 offers) and worker 0 (a dozen offers) have as much data at every scale, which the
benchmark reads as: what grows is everyone else's data, which a page of theirs should not have to read.
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from bson import ObjectId

from employers.models import Employer, Offer, Vacancy
from ethics import engine
from ethics.grievance_flags import anonymised
from ethics.models import Decision, Flag
from ethics.rules.catalogue import make_flag
from services.coarse_time import day_object_id, day_stamp
from tests.documents import offer as offer_document
from tests.documents import vacancy as vacancy_document
from workers.models import Grievance, Worker
from workers.models import Offer as InboxOffer

YEAR = {"employers": 500, "workers": 20_000, "vacancies": 20_000, "offers": 100_000, "grievances": 50_000,
        "flags": 100_000}
DAYS = 365
EMPLOYER_WEIGHTS = (5, 2, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5)  # employer i weighs EMPLOYER_WEIGHTS[i % 10]
VACANCY_FLAG_SHARE = 0.4  # of the flags that are not grievance flags; the rest are on offers
# How often each rule fires, roughly as a programme would see them.
VACANCY_RULES = {"long-hours": 20, "contract-language": 10, "no-return-travel": 10, "unlicensed-recruiter": 8,
                 "excessive-deductions": 8, "age-requirement": 6, "suspicious-text": 5, "worker-fees": 5,
                 "worker-costs": 4, "below-minimum-wage": 4, "deductions-below-minimum": 3, "excessive-hours": 3,
                 "discrimination": 2, "withheld-wages": 1, "debt-bondage": 1, "exit-penalty": 1,
                 "movement-restriction": 1, "passport-retention": 1, "union-ban": 0.5, "underage": 0.3,
                 "manual-review": 0.3}
OFFER_RULES = {"offer-worse-terms": 20, "long-hours": 15, "contract-language": 10, "excessive-deductions": 8,
               "offer-lower-wage": 6, "offer-new-fees": 3, "suspicious-text": 3, "below-minimum-wage": 2,
               "deductions-below-minimum": 2, "excessive-hours": 2, "worker-fees": 2}
VACANCY_STATUSES = {"approved": 50, "filled": 25, "closed": 25}
OFFER_STATUSES = {"sent": 20, "accepted": 35, "declined": 15, "withdrawn": 5, "completed": 25}
CATEGORIES = ("fees", "passport", "wages", "housing", "safety", "harassment", "contract", "other")
GRIEVANCE_TEXTS = ("We were told to pay for the visa ourselves.", "Wages came two weeks late again.",
                   "The housing has no heating and twelve people share one room.",
                   "The supervisor keeps our passports in the office.", "No gloves or boots were given.",
                   "Hours are longer than the contract says.", "I want to know who to ask about my contract.")
TITLES = ("Apple harvest worker", "Greenhouse tomato picker", "Dairy farm hand", "Fish plant processor",
          "Strawberry picker", "Vineyard pruner", "Hotel room attendant", "Construction labourer")
DESTINATIONS = ({"country": "CA", "region": "Ontario", "city": "Simcoe"},
                {"country": "CA", "region": "British Columbia", "city": "Kelowna"},
                {"country": "ES", "region": "Andalucía", "city": "Huelva"},
                {"country": "US", "region": "Washington", "city": "Yakima"})
AUDITORS = tuple((str(ObjectId()), f"auditor{i}@bench.example.org") for i in range(3))


@dataclass(frozen=True)
class Sizes:
    """How many of each document one scale makes."""

    employers: int
    workers: int
    vacancies: int
    offers: int
    grievances: int
    flags: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        # Whole cycles of employer weights, so that employer 0's share is the same at every scale.
        employers = max(len(EMPLOYER_WEIGHTS), len(EMPLOYER_WEIGHTS) * round(YEAR["employers"] * scale / 10))
        sizes = {name: max(1, round(n * scale)) for name, n in YEAR.items() if name != "employers"}
        return cls(employers=employers, **sizes)

    def describe(self) -> str:
        return (f"{self.flags:,} flags, {self.vacancies:,} vacancies, {self.offers:,} offers, "
                f"{self.grievances:,} grievances, {self.employers:,} employers, {self.workers:,} workers")


def weighted(rng: random.Random, weights: dict):
    """One key of ``weights``, drawn in proportion to its weight."""
    return rng.choices(list(weights), list(weights.values()))[0]


def object_id_at(moment: datetime, rng: random.Random) -> ObjectId:
    """An ObjectId made at ``moment`` (ids order the lists, so they must agree with the times)."""
    return ObjectId(int(moment.timestamp()).to_bytes(4, "big") + rng.randbytes(8))


@dataclass
class Year:
    """The generator of one scale's documents; ``employer_ids[0]`` and ``worker_ids[0]`` are the ones read."""

    sizes: Sizes
    password_hash: str
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    seed: int = 13
    employer_ids: list = field(default_factory=list)
    worker_ids: list = field(default_factory=list)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        weights = [EMPLOYER_WEIGHTS[i % len(EMPLOYER_WEIGHTS)] for i in range(self.sizes.employers)]
        self._employer_cumulative = list(accumulate(weights))
        self._vacancies = {}  # employer index -> [(vacancy id, created_at, document)]
        self._offers = {}  # employer index -> [offer id]
        self._flag_ids = []

    def employer_index(self) -> int:
        return bisect(self._employer_cumulative, self.rng.random() * self._employer_cumulative[-1])

    def moment(self, after: datetime | None = None) -> datetime:
        """A time in the year (or after ``after``, within 60 days), never in the future."""
        if after is None:
            return self.now - timedelta(seconds=self.rng.uniform(120, DAYS * 86400))
        latest = self.now - timedelta(seconds=60)
        # Spread over what is left of the span, not clamped to ``latest``: clamping piled every late
        # event onto one minute (5,000 flags at scale 2), a burst no page of this data would meet.
        span = min(60 * 86400, max((latest - after).total_seconds(), 0))
        return after + timedelta(seconds=self.rng.uniform(min(3600, span), span))

    # -- documents, in the order they must be loaded

    def documents(self):
        """``(service, model document)`` pairs: accounts, then vacancies, offers and grievances with their flags."""
        yield from self.accounts()
        yield from self.vacancies()
        yield from self.offers()
        yield from self.grievances()

    def accounts(self):
        for i in range(self.sizes.employers):
            oid = object_id_at(self.now - timedelta(days=400), self.rng)
            self.employer_ids.append(str(oid))
            yield "employers", Employer(id=oid, name=f"Bench Farm {i:03}", email=self.employer_email(i),
                                        password_hash=self.password_hash, country="CA",
                                        created_at=oid.generation_time)
        for i in range(self.sizes.workers):
            oid = object_id_at(self.now - timedelta(days=400), self.rng)
            self.worker_ids.append(str(oid))
            yield "workers", Worker(
                id=oid, name=f"Worker {i}", email=self.worker_email(i), password_hash=self.password_hash,
                origin_country=self.rng.choice(("GT", "MX", "JM", "HT", "PH", "MA")), birth_year=1975 + i % 30,
                languages=["es"], skills=["fruit picking"], availability=[{"start": "2027-01-01", "end": "2027-12-31"}],
                preferred_countries=["CA"], pathways=["seasonal"], created_at=oid.generation_time)

    def newest_flag_ids(self, n: int) -> list[str]:
        """The ids of the ``n`` newest flags made, newest first (the lists order flags by id)."""
        return [str(oid) for oid in heapq.nlargest(n, self._flag_ids)]

    def newest_vacancy_id(self, employer: int = 0) -> str:
        return max(vacancy_id for vacancy_id, _, _ in self._vacancies[employer])

    @staticmethod
    def employer_email(i: int) -> str:
        return f"employer{i}@bench.example.org"

    @staticmethod
    def worker_email(i: int) -> str:
        return f"worker{i}@bench.example.org"

    def flag_counts(self, documents: int, flags: int) -> Counter:
        """How many flags each of ``documents`` documents carries, ``flags`` in all."""
        return Counter(self.rng.choices(range(documents), k=flags)) if documents else Counter()

    def document_flags(self) -> tuple[int, int]:
        """Flags on vacancies and on offers: what the grievances leave of the total."""
        rest = max(0, self.sizes.flags - self.sizes.grievances)
        on_vacancies = round(rest * VACANCY_FLAG_SHARE)
        return on_vacancies, rest - on_vacancies

    def vacancies(self):
        counts = self.flag_counts(self.sizes.vacancies, self.document_flags()[0])
        for i in range(self.sizes.vacancies):
            employer, created = self.employer_index(), self.moment()
            oid = object_id_at(created, self.rng)
            document = vacancy_document(title=self.rng.choice(TITLES), destination=self.rng.choice(DESTINATIONS),
                                        positions=self.rng.randint(1, 30))
            found = [self.rule_flag(weighted(self.rng, VACANCY_RULES)) for _ in range(counts[i])]
            status = "blocked" if any(f.severity == "block" for f in found) else self.status(created, VACANCY_STATUSES)
            self._vacancies.setdefault(employer, []).append((str(oid), created, document))
            yield "employers", Vacancy(
                id=oid, employer_id=self.employer_ids[employer], employer_name=f"Bench Farm {employer:03}",
                document=document, status=status, flags=[f.to_dict() for f in found], created_at=created,
                updated_at=created)
            for n, flag in enumerate(found):
                yield "ethics", self.flag(f"bench-vacancy-{oid}:{n}:{flag.rule}", flag, employer, "vacancy",
                                          str(oid), document, created)

    def offers(self):
        counts = self.flag_counts(self.sizes.offers, self.document_flags()[1])
        for i in range(self.sizes.offers):
            employer = self.employer_index()
            vacancy_id, vacancy_created, vacancy = self.rng.choice(self._vacancies.get(employer) or [("", None, {})])
            created = self.moment(vacancy_created)
            oid = object_id_at(created, self.rng)
            # Worker 0 gets a dozen offers over the year; the others' are spread evenly.
            worker = 0 if i % max(1, self.sizes.offers // 12) == 0 else self.rng.randrange(self.sizes.workers)
            document = offer_document(vacancy_id=vacancy_id, worker_id=self.worker_ids[worker],
                                      wage=vacancy.get("wage") or offer_document()["wage"])
            found = [self.rule_flag(weighted(self.rng, OFFER_RULES)) for _ in range(counts[i])]
            status = "blocked" if any(f.severity == "block" for f in found) else self.status(created, OFFER_STATUSES)
            self._offers.setdefault(employer, []).append(str(oid))
            common = {"employer_id": self.employer_ids[employer], "employer_name": f"Bench Farm {employer:03}",
                      "vacancy_id": vacancy_id, "worker_id": self.worker_ids[worker]}
            yield "employers", Offer(id=oid, document=document, status=status, flags=[f.to_dict() for f in found],
                                     employer_rating=self.rng.randint(1, 5) if status == "completed" else None,
                                     created_at=created, updated_at=created, **common)
            if status not in ("blocked", "pending_review"):
                yield "workers", InboxOffer(
                    id=object_id_at(created, self.rng), offer_id=str(oid), verdict="flag" if found else "pass",
                    revision=1, status=status, offer=document, vacancy=vacancy, received_at=created,
                    responded_at=None if status == "sent" else self.moment(created), **common)
            for n, flag in enumerate(found):
                yield "ethics", self.flag(f"bench-offer-{oid}:{n}:{flag.rule}", flag, employer, "offer", str(oid),
                                          document, created)

    def grievances(self):
        for _ in range(self.sizes.grievances):
            employer, created = self.employer_index(), self.moment()
            category, text = self.rng.choice(CATEGORIES), self.rng.choice(GRIEVANCE_TEXTS)
            anonymous = self.rng.random() < 0.6
            worker = "" if anonymous else self.worker_ids[self.rng.randrange(self.sizes.workers)]
            offer_id = "" if anonymous else self.rng.choice(self._offers.get(employer) or [""])
            oid = day_object_id(created) if anonymous else object_id_at(created, self.rng)
            yield "workers", Grievance(id=oid, category=category, text=text, anonymous=anonymous,
                                       employer_id=self.employer_ids[employer], worker_id=worker, offer_id=offer_id,
                                       created_at=oid.generation_time if anonymous else created)
            flag = engine.grievance_flag(category, text)
            document = {"category": category, "text": text, "anonymous": anonymous,
                        **({"offer_id": offer_id} if offer_id else {})}
            stored = {"_id": None, "document_id": str(oid), "document": document, "created_at": created}
            if anonymous:  # only the day, as ethics.handlers.on_grievance_filed stores it
                stored = anonymised(stored, day_stamp(created))
            yield "ethics", self.flag(f"grievance:bench-{oid}", flag, employer, "grievance", stored["document_id"],
                                      stored["document"], stored["created_at"], stored["_id"])

    # -- pieces

    def status(self, created: datetime, weights: dict) -> str:
        """Waiting for review in its first minutes, else one of ``weights``."""
        return "pending_review" if self.now - created < timedelta(minutes=10) else weighted(self.rng, weights)

    def rule_flag(self, rule: str):
        return make_flag(rule, f"The {rule} rule applies to this document.", f"bench evidence for {rule}")

    def flag(self, key: str, found, employer: int, kind: str, document_id: str, document: dict,
             created: datetime, oid: ObjectId | None = None) -> Flag:
        """The stored flag of ``found`` (an engine flag) on a document, decided more often the older it is."""
        age = (self.now - created).total_seconds() / (DAYS * 86400)
        decisions = []
        if self.rng.random() < 0.1 + 0.6 * age:
            auditor_id, auditor_email = self.rng.choice(AUDITORS)
            decisions.append(Decision(decision="confirmed" if self.rng.random() < 0.55 else "dismissed",
                                      note="Checked with the employer.", auditor_id=auditor_id,
                                      auditor_email=auditor_email, decided_at=self.moment(created)))
        oid = oid or object_id_at(created, self.rng)
        self._flag_ids.append(oid)
        return Flag(id=oid, key=key, employer_id=self.employer_ids[employer],
                    document_kind=kind, document_id=document_id, document=document, rule=found.rule,
                    severity=found.severity, principle=found.principle, message=found.message,
                    evidence=found.evidence, rules_version=engine.RULES_VERSION,
                    status=decisions[-1].decision if decisions else "open", decisions=decisions,
                    decision_count=len(decisions), created_at=created)
