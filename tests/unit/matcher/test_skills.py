"""The concept space: multilingual skill matching and the coverage measure."""

import numpy as np
import pytest

from matcher.skills import ConceptSpace, coverage, default_space, read_vocabulary


def similarity(worker_skills, vacancy_phrases):
    space = default_space()
    return float(coverage(space.embed_documents([worker_skills]), space.embed_documents([vacancy_phrases]))[0, 0])


def test_vocabulary_has_concepts_in_four_languages_per_sector():
    concepts = read_vocabulary()
    assert len(concepts) >= 80
    sectors = {sector for sector, _ in concepts}
    assert {"agriculture", "food processing", "construction", "hospitality", "care"} <= sectors
    assert all(len(phrases) >= 4 for _, phrases in concepts)


@pytest.mark.parametrize(("skill", "related", "unrelated"), [
    ("fruit picking", ["Apple harvest worker", "Fruit picker"], ["Welder", "welding"]),
    ("cosecha de fruta", ["Apple harvest worker", "Fruit picker"], ["Cook", "cooking"]),
    ("cueilleur de fruits", ["Fruit picker", "fruit picking"], ["Care worker", "elderly care"]),
    ("soldador", ["Welder", "welding"], ["Fruit picker", "fruit picking"]),
    ("cuidadora de idosos", ["Care assistant", "elderly care"], ["Cook", "cooking"]),
    ("camarera de pisos", ["Room attendant", "housekeeping"], ["Bricklayer", "bricklaying"]),
])
def test_related_skills_match_better_than_unrelated_across_languages(skill, related, unrelated):
    assert similarity([skill], related) > similarity([skill], unrelated) + 0.3


def test_same_sector_earns_partial_credit():
    assert 0 < similarity(["pruning"], ["Fruit picker", "fruit picking"]) < similarity(["fruit picking"],
                                                                                      ["Fruit picker"])


def test_extra_worker_skills_do_not_dilute_a_match():
    few = similarity(["fruit picking"], ["Fruit picker"])
    many = similarity(["fruit picking", "welding", "cooking", "elderly care"], ["Fruit picker"])
    assert many == pytest.approx(few)


def test_coverage_is_zero_without_skills_and_bounded():
    space = default_space()
    empty = space.embed_documents([[]])
    vacancy = space.embed_documents([["Fruit picker"]])
    assert coverage(empty, vacancy)[0, 0] == 0.0
    assert coverage(vacancy, empty)[0, 0] == 0.0
    assert 0.0 <= coverage(vacancy, vacancy)[0, 0] <= 1.0


def test_embeddings_are_deterministic_and_cached():
    space = ConceptSpace().fit(read_vocabulary())
    first = space.embed_documents([["Fruit picker", "ladder work"]])
    np.testing.assert_array_equal(first, space.embed_documents([["Fruit picker", "ladder work"]]))
    np.testing.assert_array_equal(first, default_space().embed_documents([["Fruit picker", "ladder work"]]))


def test_a_full_cache_is_cleared_without_changing_results():
    small = ConceptSpace(cache_size=2).fit(read_vocabulary())
    documents = [["Fruit picker"], ["Cook"], ["Welder", "welding"]]
    np.testing.assert_array_equal(small.embed_documents(documents), default_space().embed_documents(documents))
    assert len(small._cache) <= 3
