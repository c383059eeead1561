"""The matcher's skill words for the employers' picker: its own vocabulary, found by a few letters."""

from __future__ import annotations

from matcher.skills import phrase_key, read_vocabulary, suggest


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
