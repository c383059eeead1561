"""The ethics client of the employers' dry run: the contract's request, and ``EthicsUnavailable`` for
every way the ethics service can fail to answer with a verdict (tested against a real local HTTP server)."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from services.config import Settings
from services.ethics_client import EthicsClient, EthicsUnavailable

VERDICT = {"verdict": "block", "rules_version": "2027.01.1",
           "flags": [{"rule": "worker-fees", "severity": "block", "principle": "ILO GP&OG principle 7",
                      "message": "Workers must not pay recruitment fees: the worker fees field asks them to pay one.",
                      "evidence": "450"}]}
DOCUMENT = {"title": "Apple harvest worker"}


class FakeEthics:
    """A local HTTP server standing in for ethics: ``answer`` is (status, body bytes, seconds to wait first)."""

    def __init__(self):
        self.answer = (200, json.dumps(VERDICT).encode(), 0.0)
        self.requests: list[tuple[str, str, dict, dict]] = []
        self.server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def wsgi(self, environ, start_response):
        request = Request(environ)
        self.requests.append((request.method, request.path, dict(request.headers), request.get_json(silent=True)))
        status, body, delay = self.answer
        time.sleep(delay)
        return Response(body, status=status, content_type="application/json")(environ, start_response)


@pytest.fixture
def ethics():
    fake = FakeEthics()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()
    thread.join(timeout=10)


def client_of(url: str, **kwargs) -> EthicsClient:
    return EthicsClient(Settings(service="employers", secret_key="unit-secret", ethics_url=url), **kwargs)


def test_a_vacancy_is_checked_by_the_contracts_request_and_its_verdict_returned(ethics):
    assert client_of(ethics.url + "/").check_vacancy(DOCUMENT) == VERDICT
    ((method, path, headers, body),) = ethics.requests
    assert (method, path, body) == ("POST", "/api/v1/checks", {"kind": "vacancy", "document": DOCUMENT})
    # English, as stored flags are: the employers' pages localise both the same way.
    assert headers["Accept-Language"] == "en" and "Authorization" not in headers


@pytest.mark.parametrize("status, body", [
    (500, b'{"error": {"code": "internal", "message": "x", "fields": {}}}'),
    (503, b'{"error": {"code": "unavailable", "message": "x", "fields": {}}}'),
    (422, b'{"error": {"code": "validation", "message": "x", "fields": {"document": ["?"]}}}'),
    (200, b"<html>a proxy's error page</html>"),
    (200, b'{"verdict": "maybe", "flags": []}'),
    (200, b'{"verdict": "flag", "flags": "none"}'),
    (200, b'["pass"]'),
])
def test_anything_but_a_verdict_is_unavailable(ethics, status, body):
    ethics.answer = (status, body, 0.0)
    with pytest.raises(EthicsUnavailable):
        client_of(ethics.url).check_vacancy(DOCUMENT)


def test_a_slow_ethics_is_unavailable(ethics):
    ethics.answer = (200, json.dumps(VERDICT).encode(), 1.0)
    with pytest.raises(EthicsUnavailable, match="ReadTimeout"):
        client_of(ethics.url, timeout=(2.0, 0.2)).check_vacancy(DOCUMENT)


def test_an_ethics_that_is_down_is_unavailable():
    with socket.socket() as held:  # bound, never listening: the connection is refused
        held.bind(("127.0.0.1", 0))
        with pytest.raises(EthicsUnavailable, match="ConnectionError"):
            client_of(f"http://127.0.0.1:{held.getsockname()[1]}").check_vacancy(DOCUMENT)


def test_the_read_timeout_leaves_room_for_the_checks_own_budget():
    client = EthicsClient(Settings(service="employers", secret_key="k", check_budget_seconds=7.0))
    assert client.timeout[1] > 7.0


def test_the_ethics_url_comes_from_the_environment():
    assert Settings.from_env("employers", {"LP_SECRET_KEY": "k"}).ethics_url == "http://127.0.0.1:8003"
    settings = Settings.from_env("employers", {"LP_SECRET_KEY": "k", "LP_ETHICS_URL": "http://ethics:8003"})
    assert EthicsClient(settings).url == "http://ethics:8003/api/v1/checks"


MINIMUM = {"country": "CA", "region": "Ontario", "amount": 17.6, "currency": "CAD", "per": "hour",
           "effective": "2025-10-01", "source": "Ontario ESA"}


def test_the_minimum_wage_is_asked_with_the_contracts_query_and_a_404_is_none(ethics):
    ethics.answer = (200, json.dumps(MINIMUM).encode(), 0.0)
    assert client_of(ethics.url).minimum_wage("CA", "Ontario", "2027-08-01") == MINIMUM
    assert client_of(ethics.url).minimum_wage("CA") == MINIMUM
    ethics.answer = (404, b'{"error": {"code": "not_found", "message": "x", "fields": {}}}', 0.0)
    assert client_of(ethics.url).minimum_wage("ZZ") is None
    paths = [path for _method, path, _headers, _body in ethics.requests]
    assert paths == ["/api/v1/minimum-wage"] * 3


@pytest.mark.parametrize("status, body", [(500, b"{}"), (200, b"<html></html>"), (200, b'{"amount": "17"}')])
def test_a_minimum_wage_that_is_not_one_is_unavailable(ethics, status, body):
    ethics.answer = (status, body, 0.0)
    with pytest.raises(EthicsUnavailable):
        client_of(ethics.url).minimum_wage("CA")


def test_the_regions_keep_only_well_formed_items(ethics):
    items = [{"country": "CA", "region": "Ontario"}, {"country": "CA"}, "Quebec"]
    ethics.answer = (200, json.dumps({"items": items}).encode(), 0.0)
    assert client_of(ethics.url).regions() == [{"country": "CA", "region": "Ontario"}]
    ethics.answer = (200, b'{"items": "none"}', 0.0)
    with pytest.raises(EthicsUnavailable):
        client_of(ethics.url).regions()
