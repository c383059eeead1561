"""CSRF on every form of every service: each page route that changes state refuses a post without the
session's token, and each form in the templates carries the token.

Routes are read from the apps' URL maps and forms from the template files, so a form or route added
later is checked without anyone remembering to add it here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from employers.app import create_app as employers_app
from ethics.app import create_app as ethics_app
from services.config import Settings
from tests.unit.workers.test_app import FakeMatcher
from workers.app import create_app as workers_app

ROOT = Path(__file__).resolve().parents[2]
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
ROLES = {"employers": "employer", "workers": "worker", "ethics": "auditor"}


def build(service: str):
    settings = Settings(service=service, secret_key="unit-test-secret-key-0123456789",
                        mongo_url="mongodb://127.0.0.1:1", kafka_bootstrap="127.0.0.1:1")
    factory = {"employers": employers_app, "workers": workers_app, "ethics": ethics_app}[service]
    extra = {"MATCHER_CLIENT": FakeMatcher()} if service != "ethics" else {}
    return factory({"TESTING": True, **extra}, settings)


def page_posts(service: str) -> list[tuple[str, str]]:
    """Every (method, URL) of the service's pages that changes state, with placeholder arguments."""
    app = build(service)
    found = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or not (rule.methods & UNSAFE):
            continue
        url = rule.rule
        for argument in rule.arguments:
            # The first choice of an any(...) converter, else an id-like placeholder.
            url = re.sub(rf"<any\((\w+)[^)]*\):{argument}>", r"\1", url)
            url = re.sub(rf"<(?:[^:>]+:)?{argument}>", "x" * 24, url)
        found += [(method, url) for method in sorted(rule.methods & UNSAFE)]
    return found


ROUTES = [(service, method, url) for service in ROLES for method, url in page_posts(service)]


def test_each_service_has_page_forms_to_check():
    assert {service for service, _, _ in ROUTES} == set(ROLES)


@pytest.mark.parametrize(("service", "method", "url"), ROUTES)
def test_a_post_without_the_sessions_token_is_refused(service, method, url):
    client = build(service).test_client()
    with client.session_transaction() as session:
        session["sub"], session["role"], session["csrf"] = "0" * 24, ROLES[service], "the-real-token"
    for form in ({}, {"csrf_token": "a-forged-token"}):
        response = client.open(url, method=method, data=form)
        assert response.status_code == 400, (url, response.status_code)
        # The API's message, or the workers' page for it in the worker's language.
        body = response.get_data(as_text=True)
        assert "not sent from this site" in body or "This form is too old" in body, url


FORM = re.compile(r"<form\b[^>]*>(.*?)</form>", re.S | re.I)
TOKEN = re.compile(r'<input type="hidden" name="csrf_token" value="\{\{ csrf_token\(\) \}\}">')
MACRO = re.compile(r"\{\{ csrf\(\) \}\}")  # the workers' templates' macro for the same input


def template_forms() -> list[tuple[str, str, str]]:
    found = []
    for service in ROLES:
        for template in sorted((ROOT / service / "templates").rglob("*.html")):
            text = template.read_text()
            for match in FORM.finditer(text):
                opening = match.group(0)[:match.group(0).index(">") + 1]
                if re.search(r'method\s*=\s*"?post', opening, re.I):
                    found.append((service, template.name, match.group(1)))
    return found


def test_every_post_form_in_the_templates_carries_the_token():
    forms = template_forms()
    assert {service for service, _, _ in forms} == set(ROLES)
    missing = [(service, name) for service, name, body in forms if not (TOKEN.search(body) or MACRO.search(body))]
    assert not missing, missing


def test_the_workers_form_macro_renders_the_token():
    macros = (ROOT / "workers" / "templates" / "_form.html").read_text()
    [body] = re.findall(r"\{% macro csrf\(\) -%\}(.*?)\{%- endmacro %\}", macros, re.S)
    assert TOKEN.search(body)
