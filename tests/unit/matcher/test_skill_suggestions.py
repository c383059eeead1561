"""The matcher's skill words for the employers' picker: its own vocabulary, found by a few letters."""

from __future__ import annotations

from matcher.app import create_app
from matcher.skills import phrase_key, read_vocabulary, suggest
from services.auth import issue_token
from services.config import Settings
from services.keys import service_token_key


def test_suggestions_are_vocabulary_phrases_best_first():
    vocabulary = {phrase_key(p) for _sector, phrases in read_vocabulary() for p in phrases}
    found = suggest("pick", 10)
    assert found and all(phrase_key(p) in vocabulary for p in found)
    assert found[0].startswith("pick") or found[0].split()[0] == "picking" or " pick" in f" {found[0]}"
    assert suggest("cosecha de fr") == ["cosecha de fruta"]


def test_accents_and_case_do_not_matter_and_one_letter_asks_nothing():
    assert "recolección de fruta" in suggest("RECOLECCION DE")
    assert suggest("r") == [] and suggest("  ") == []
    assert len(suggest("a", 5)) == 0 and len(suggest("an", 3)) <= 3


def test_the_read_api_serves_them_to_services_only():
    settings = Settings(service="matcher", secret_key="x", mongo_url="mongodb://127.0.0.1:1",
                        kafka_bootstrap="127.0.0.1:1")
    client = create_app({"TESTING": True, "MATCHER_INDEX": False}, settings).test_client()
    assert client.get("/api/v1/skills?q=cosecha").status_code == 401
    client.environ_base["HTTP_AUTHORIZATION"] = "Bearer " + issue_token(service_token_key("x"), "employers",
                                                                         "service", 600)[0]
    assert client.get("/api/v1/skills?q=cosecha+de+fr").get_json() == {"items": ["cosecha de fruta"]}
    assert client.get("/api/v1/skills?q=cosecha&limit=2").get_json()["items"] == suggest("cosecha", 2)
    assert client.get("/api/v1/skills").status_code == 422
