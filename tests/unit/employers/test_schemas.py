"""The employers API's own schemas: sign-up, ratings and paging."""

from __future__ import annotations

import pytest

from employers.schemas import AccountRequestSchema, CompleteSchema, OfferQuerySchema, VacancyQuerySchema

SIGN_UP = {"name": " Orchard Co ", "email": "Boss@Example.ORG", "password": "pruning ladders at dawn", "country": "CA"}


def test_sign_up_keeps_e_mails_lower_case_and_passwords_long():
    account = AccountRequestSchema().load(SIGN_UP)
    assert (account["email"], account["name"]) == ("boss@example.org", "Orchard Co")
    errors = AccountRequestSchema().validate({**SIGN_UP, "password": "eleven char", "country": "Canada", "x": 1})
    assert set(errors) == {"password", "country", "x"}


@pytest.mark.parametrize("password", ["123456789012", "passwordpassword", "boss@example.org", "Orchard Co 2027"])
def test_sign_up_refuses_passwords_easy_to_guess(password):
    assert AccountRequestSchema().validate({**SIGN_UP, "password": password}) == {
        "password": ["This password is too easy to guess: use a few uncommon words, or a longer phrase."]}


@pytest.mark.parametrize("rating", [0, 6, True, "3", 2.5, None])
def test_a_rating_is_a_whole_number_from_1_to_5(rating):
    assert "employer_rating" in CompleteSchema().validate({"employer_rating": rating})


def test_paging_takes_1_to_100_and_only_our_ids_as_cursors():
    assert VacancyQuerySchema().load({}) == {"limit": 20, "cursor": None}
    for bad in ({"limit": 0}, {"limit": 101}, {"cursor": "abc"}, {"status": "lost"}):
        assert VacancyQuerySchema().validate(bad), bad
    assert OfferQuerySchema().validate({"vacancy_id": "0" * 24, "status": "sent", "cursor": "f" * 24}) == {}
