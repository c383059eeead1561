"""The web forms: flat inputs to contract documents and back, and errors put next to their input."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from employers.forms import (
    OFFER_FORM,
    VACANCY_FORM,
    document_from_form,
    validate_form,
    values_from_document,
    values_from_form,
)
from services.documents import OfferSchema, VacancySchema, normalised
from tests.documents import offer, vacancy


def as_posted(values: dict) -> dict:
    """What a browser posts: text as is, ticked boxes as "on", unticked ones absent."""
    return {k: v for k, v in values.items() if not isinstance(v, bool)} | {k: "on" for k, v in values.items()
                                                                          if v is True}


def test_a_document_survives_the_form_both_ways():
    for spec, document in ((VACANCY_FORM, vacancy()), (VACANCY_FORM, vacancy(recruiter=None, deductions=[])),
                           (OFFER_FORM, offer(deductions=[{"label": "tools", "amount": 5, "per": "month"}]))):
        valid, errors = validate_form(spec, as_posted(values_from_document(spec, document)))
        assert errors == {} and valid == normalised(spec.schema(), document)


def test_blank_rows_are_ignored_and_people_write_numbers_their_way():
    form = as_posted(values_from_document(VACANCY_FORM, vacancy())) | {
        "deductions-0-label": "", "deductions-0-amount": "", "deductions-1-label": "tools",
        "deductions-1-amount": "7,50", "deductions-1-per": "month", "wage-amount": "19,60",
        "destination-country": "ca", "language": "EN", "contract_languages": "EN, es,", "recruiter-name": "",
        "recruiter-licence": ""}
    document, _errors = validate_form(VACANCY_FORM, form)
    assert document["deductions"] == [{"label": "tools", "amount": 7.5, "per": "month"}]
    assert document["wage"]["amount"] == 19.6 and document["destination"]["country"] == "CA"
    assert document["language"] == "en" and document["contract_languages"] == ["en", "es"]
    assert document["recruiter"] is None


def test_unticked_boxes_are_false():
    form = as_posted(values_from_document(VACANCY_FORM, vacancy()))
    form.pop("employer_pays-visa")
    raw, _rows = document_from_form(VACANCY_FORM, form)
    assert raw["employer_pays"] == {"inbound_travel": True, "return_travel": True, "visa": False}


def test_errors_are_keyed_by_the_input_and_the_form_row():
    form = as_posted(values_from_document(VACANCY_FORM, vacancy(deductions=[]))) | {
        "title": "", "deductions-2-label": "tools", "deductions-2-amount": "-3", "deductions-2-per": "week",
        "skills": "ok, " + "x" * 101, "season-end": "2020-01-01", "recruiter-licence": "L-1", "recruiter-name": "",
        "positions": "2.5"}
    document, errors = validate_form(VACANCY_FORM, form)
    assert document is None
    assert errors["title"] == ["Missing data for required field."]
    assert list(errors["deductions-2-amount"]) and "deductions-0-amount" not in errors
    assert errors["skills"] == ["Length must be between 1 and 100."]
    assert errors["season-end"] == ["The season cannot end before it starts."]
    assert errors["recruiter-name"] == ["Missing data for required field."]
    assert errors["positions"] == ["Not a valid integer."]


def test_the_offer_form_validates_like_the_api():
    form = as_posted(values_from_document(OFFER_FORM, offer())) | {"contract_language": "Spanish", "worker_id": ""}
    _document, errors = validate_form(OFFER_FORM, form)
    assert set(errors) == {"contract_language", "worker_id"}
    assert set(OFFER_FORM.fields) >= {f"{k}" for k in OfferSchema().fields if k not in
                                      ("wage", "season", "housing", "deductions")}
    assert {name.split("-")[0] for name in VACANCY_FORM.fields} == set(VacancySchema().fields)


def test_an_empty_form_is_reported_input_by_input():
    for spec in (VACANCY_FORM, OFFER_FORM):
        _document, errors = validate_form(spec, {})
        assert errors and set(errors) <= set(spec.fields)
    _document, errors = validate_form(VACANCY_FORM, {})
    assert {"destination-country", "season-start", "season-end", "wage-amount", "wage-currency"} <= set(errors)


def test_numbers_are_read_as_people_write_them():
    for typed, amount in (("17,60", 17.6), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1,000", 1000),
                          ("12 345,50", 12345.5), ("19.6", 19.6)):
        form = as_posted(values_from_document(VACANCY_FORM, vacancy())) | {"wage-amount": typed}
        document, errors = validate_form(VACANCY_FORM, form)
        assert errors == {} and document["wage"]["amount"] == amount, typed


def test_a_list_sent_as_boxes_and_a_line_is_one_list():
    form = MultiDict(list(as_posted(values_from_document(VACANCY_FORM, vacancy())).items()))
    form.setlist("contract_languages", ["es", "en", " ht, "])
    form.setlist("requirements-languages", ["es", ""])
    document, errors = validate_form(VACANCY_FORM, form)
    assert errors == {} and document["contract_languages"] == ["es", "en", "ht"]
    assert document["requirements"]["languages"] == ["es"]
    assert values_from_form(VACANCY_FORM, form)["contract_languages"] == "es, en, ht,"
