"""Employer verification in the employers service: the auditors' decision is recorded, and where
verification is required an unverified employer cannot reach workers (fakes of the store; no database)."""

from __future__ import annotations

import pytest
from bson import ObjectId

from employers.accounts import require_verified
from employers.handlers import on_employer_verified
from employers.models import Employer
from services import errors
from services.events import EMPLOYER_VERIFIED, new_event
from tests.unit.employers.fakes import FakeStore


def verified(employer_id, decision="verified"):
    return new_event(EMPLOYER_VERIFIED, "ethics", str(employer_id), {"employer_id": str(employer_id),
                                                                     "decision": decision})


@pytest.fixture
def store_and_employer():
    store = FakeStore()
    employer = store.add(Employer(name="Orchard Co", email="boss@example.org", password_hash="x", country="CA"))
    return store, employer


def test_the_auditors_last_decision_is_recorded(store_and_employer):
    store, employer = store_and_employer
    assert employer.verification == "unverified"
    on_employer_verified(verified(employer.pk), store)
    assert employer.verification == "verified"
    on_employer_verified(verified(employer.pk, "rejected"), store)
    assert employer.verification == "rejected"


def test_a_decision_on_an_unknown_employer_is_ignored_and_an_unknown_decision_refused(store_and_employer):
    store, employer = store_and_employer
    on_employer_verified(verified(ObjectId()), store)  # logged and ignored: nothing to change
    assert employer.verification == "unverified"
    with pytest.raises(ValueError):
        on_employer_verified(verified(employer.pk, "maybe"), store)


@pytest.mark.parametrize("state", ["unverified", "rejected"])
def test_only_a_verified_employer_reaches_workers_where_that_is_required(state):
    employer = Employer(name="Orchard Co", email="boss@example.org", password_hash="x", country="CA",
                        verification=state)
    with pytest.raises(errors.UnverifiedEmployer):
        require_verified(employer, verification_required=True)
    require_verified(employer, verification_required=False)  # the local demo: anyone may
    employer.verification = "verified"
    require_verified(employer, verification_required=True)
