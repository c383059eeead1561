"""Employers read the ethics reasons in their language: the API by Accept-Language, the pages by the page's."""

from __future__ import annotations

import pytest
from flask import render_template_string

from employers.app import create_app
from employers.present import flags_for_reader
from services.config import Settings

FLAG = {"rule": "isolation", "severity": "block", "principle": "ILO forced labour indicator: isolation",
        "message": "Workers must be free to receive visitors and talk to outsiders: the description bans it.",
        "evidence": "No visitors are allowed in the housing."}


@pytest.fixture
def app():
    settings = Settings(service="employers", secret_key="unit-secret", mongo_url="mongodb://127.0.0.1:1",
                        kafka_bootstrap="127.0.0.1:1")
    return create_app({"TESTING": True, "MATCHER_CLIENT": object()}, settings)


@pytest.mark.parametrize("header, start", [
    ("es", "Los trabajadores deben poder recibir visitas"), ("fr-CA,fr;q=0.9", "Les travailleurs doivent pouvoir"),
    ("pt-BR", "Os trabalhadores devem poder receber visitas"), ("en", "Workers must be free to receive visitors"),
    ("ht", "Workers must be free to receive visitors"),  # employers' pages have no Creole: English
])
def test_the_api_flags_follow_accept_language(app, header, start):
    with app.test_request_context("/api/v1/vacancies/x", headers={"Accept-Language": header}):
        (flag,) = flags_for_reader([FLAG])
    assert flag["message"].startswith(start)
    assert {k: v for k, v in flag.items() if k != "message"} == {k: v for k, v in FLAG.items() if k != "message"}


def test_the_pages_show_the_reasons_in_the_page_language(app):
    with app.test_request_context("/vacancies?lang=pt"):
        shown = render_template_string("{% from 'macros.html' import flag_list with context %}{{ flag_list(flags) }}",
                                       flags=[FLAG])
    assert "Os trabalhadores devem poder receber visitas" in shown
