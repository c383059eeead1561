"""Stored vacancies and offers as the API shows them: the contract document plus id, status and flags."""

from __future__ import annotations

from flask import current_app, request

from employers.models import Offer, Vacancy
from services.documents import OfferSchema, VacancySchema
from services.flag_messages import best_language, localised_flags

# The languages employers read the ethics reasons in (the employers pages' languages).
FLAG_LANGUAGES = ("en", "es", "fr", "pt")


def flags_for_reader(flags) -> list[dict]:
    """Stored flags with ``message`` in the request's ``Accept-Language`` (en, es, fr or pt)."""
    return localised_flags(list(flags), best_language(request.accept_languages, FLAG_LANGUAGES))


def vacancy_dict(vacancy: Vacancy) -> dict:
    # Loaded again so that the response schema dumps real dates, not strings.
    return {**VacancySchema().load(vacancy.document), "id": str(vacancy.pk), "status": vacancy.status,
            "flags": flags_for_reader(vacancy.flags), "revision": vacancy.revision,
            "created_at": vacancy.created_at}


def offer_dict(offer: Offer) -> dict:
    return {**OfferSchema().load(offer.document), "id": str(offer.pk), "status": offer.status,
            "flags": flags_for_reader(offer.flags), "employer_rating": offer.employer_rating,
            "created_at": offer.created_at}


def matcher():
    """The matcher read-model client of this app (a fake in tests)."""
    return current_app.extensions["matcher_client"]


def ethics():
    """The client of the ethics service's dry-run check of this app (a fake in unit tests)."""
    return current_app.extensions["ethics_client"]
