"""The ``service`` tokens the employers and workers services send to the matcher, over the real database.

They are signed with the service-to-matcher key (services.keys): the matcher
takes them, and refuses tokens signed with any other key.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest

from matcher.app import create_app
from services.auth import issue_token
from services.kafka import ensure_topics
from services.keys import session_key, token_key
from services.matcher_client import MatcherClient, MatcherUnavailable
from tests.integration.helpers import eventually, mint_token


class Answer:
    """What MatcherClient reads of a ``requests`` response."""

    def __init__(self, response):
        self.status_code, self._body = response.status_code, response.get_json()

    def json(self):
        return self._body


class ThroughTestClient:
    """A ``requests.Session`` stand-in that hands each call to the matcher app in this process."""

    def __init__(self, client):
        self.client = client

    def get(self, url, params=None, timeout=None, headers=None):
        return Answer(self.client.get(urlsplit(url).path, query_string=params, headers=headers))


@pytest.fixture
def matcher(settings, database):
    ensure_topics(settings)  # the index follows them (the services' workers create them)
    app = create_app({"TESTING": True}, settings=settings)
    index = app.extensions["matcher_index"]
    eventually(lambda: index.ready, "the matcher's ranking index built", timeout=120)
    yield ThroughTestClient(app.test_client())
    index.stop()


def test_the_matcher_accepts_the_tokens_the_other_services_mint(settings, matcher):
    for service in ("employers", "workers"):
        client = MatcherClient(replace(settings, service=service), session=matcher)
        assert client.matches("a-worker-the-matcher-does-not-know") is None  # a 404: the token was accepted


def test_the_matcher_refuses_tokens_signed_with_any_other_key(settings, matcher):
    elsewhere = MatcherClient(replace(settings, secret_key="another platform's secret key 0123"), session=matcher)
    with pytest.raises(MatcherUnavailable):
        elsewhere.matches("w1")
    # Signed with a service's own keys, or the master key itself: none is the matcher's service-token key.
    for key in (token_key(settings.secret_key, "workers"), session_key(settings.secret_key, "employers"),
                settings.secret_key):
        token, _ = issue_token(key, "workers", "service", 600)
        response = matcher.client.get("/api/v1/workers/w1/matches", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
    worker = mint_token(settings, "w1", "worker")
    assert matcher.client.get("/api/v1/workers/w1/matches", headers={"Authorization": f"Bearer {worker}"}).status_code \
        == 401
