"""Skills and occupation similarity in a small multilingual concept space.

Each line of ``data/vocabulary.txt`` is a concept (fruit picking, pruning,
elderly care...) named by phrases in en/es/fr/pt. A phrase is mapped to its
similarity with every concept: TF-IDF over words and character n-grams,
cosine with the concept's closest phrase. Character n-grams catch
inflections and compounds ("cosechador" ~ "cosecha"); the concept lines
bridge languages ("fruit picking" ~ "cueillette de fruits"). Workers and
vacancies become short dense vectors, so a batch of them compares with one
matrix product.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_union
from sklearn.preprocessing import normalize

VOCABULARY = Path(__file__).with_name("data") / "vocabulary.txt"


def read_vocabulary(path: Path = VOCABULARY) -> list[tuple[str, list[str]]]:
    """The concepts of a vocabulary file: ``[(sector, [phrase, ...]), ...]``."""
    concepts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        sector, _, phrases = line.partition("|")
        concepts.append((sector.strip(), [p.strip() for p in phrases.split(";") if p.strip()]))
    return concepts


def _folded(text: str) -> str:
    """Lower case without accents: "recolección" is found by "recoleccion"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, str], ...]:
    """Every phrase of the built-in vocabulary once, with its folded form."""
    unique = dict.fromkeys(p for _, phrases in read_vocabulary() for p in phrases)
    return tuple((p, _folded(p)) for p in unique)


def suggest(query: str, limit: int = 10) -> list[str]:
    """Vocabulary phrases for a typed ``query``: those starting with it, then those with a word starting with
    it, then those containing it; shorter first within each (the employers' skills picker)."""
    wanted = " ".join(_folded(query).split())
    if len(wanted) < 2:
        return []
    ranked = []
    for phrase, folded in _phrases():
        if wanted not in folded:
            continue
        rank = 0 if folded.startswith(wanted) else 1 if f" {wanted}" in f" {folded}" else 2
        ranked.append((rank, len(phrase), phrase))
    return [phrase for *_, phrase in sorted(ranked)[:limit]]


def phrase_key(phrase: str) -> str:
    """The form under which a phrase is compared and cached."""
    return " ".join(phrase.casefold().split())


class ConceptSpace:
    """Maps skill phrases to activations over vocabulary concepts and their sectors.

    ``min_similarity``: a phrase activates a concept only from this cosine
    on (below it, shared n-grams are noise); ``relative``: and only within
    this fraction of its best concept; ``top_k``: at most this many concepts
    per phrase; ``sector_weight``: activation of a concept's sector relative
    to the concept, so "pruning" partly matches "fruit picking".
    """

    def __init__(self, min_similarity: float = 0.3, relative: float = 0.75, top_k: int = 3,
                 sector_weight: float = 0.4, cache_size: int = 200_000):
        self.min_similarity = min_similarity
        self.relative = relative
        self.top_k = top_k
        self.sector_weight = sector_weight
        self.cache_size = cache_size

    def fit(self, concepts: list[tuple[str, list[str]]]) -> ConceptSpace:
        """Fit the vectorisers on the concepts' phrases."""
        phrases, owners = [], []
        for index, (_sector, names) in enumerate(concepts):
            phrases += [phrase_key(p) for p in names]
            owners += [index] * len(names)
        self.vectorizer_ = make_union(
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), strip_accents="unicode", sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), strip_accents="unicode", sublinear_tf=True),
        )
        self.phrase_matrix_ = normalize(self.vectorizer_.fit_transform(phrases)).T.tocsr()
        self.concept_starts_ = np.flatnonzero(np.r_[True, np.diff(owners) != 0])
        self.concepts_ = [names[0] for _sector, names in concepts]
        self.sectors_ = sorted({sector for sector, _names in concepts})
        self.sector_of_ = np.array([self.sectors_.index(sector) for sector, _names in concepts])
        self.n_dims_ = len(self.concepts_) + len(self.sectors_)
        self._cache: dict[tuple[str, ...], np.ndarray] = {}
        return self

    def embed_phrases(self, phrases: list[str]) -> np.ndarray:
        """One row of concept and sector activations per phrase (float32)."""
        n_concepts = len(self.concepts_)
        out = np.zeros((len(phrases), self.n_dims_), dtype=np.float32)
        if not phrases:
            return out
        texts = normalize(self.vectorizer_.transform([phrase_key(p) for p in phrases]))
        similarity = (texts @ self.phrase_matrix_).toarray()
        concept = np.maximum.reduceat(similarity, self.concept_starts_, axis=1)
        if self.top_k < n_concepts:
            # Keep each phrase's top_k concepts: one skill is one or two concepts, not a blur.
            kth = -np.partition(-concept, self.top_k - 1, axis=1)[:, self.top_k - 1:self.top_k]
            concept[concept < kth] = 0.0
        concept[concept < np.maximum(self.min_similarity, self.relative * concept.max(axis=1, keepdims=True))] = 0.0
        out[:, :n_concepts] = concept
        sectors = np.zeros((len(phrases), len(self.sectors_)))
        np.maximum.at(sectors.T, self.sector_of_, concept.T)
        out[:, n_concepts:] = self.sector_weight * sectors
        return out

    def embed_documents(self, documents: list) -> np.ndarray:
        """One row per document (a sequence of phrases): the element-wise max of its phrases' rows.

        Rows are cached by the document's phrases, since the same vacancies
        come back in request after request.
        """
        keys = [tuple(doc) for doc in documents]
        rows = [self._cache.get(k) for k in keys]
        missing = list(dict.fromkeys(k for k, row in zip(keys, rows, strict=True) if row is None))
        if missing:
            # Another thread may clear the cache meanwhile: use what was computed here.
            fresh = self._embed(missing)
            rows = [fresh[k] if row is None else row for k, row in zip(keys, rows, strict=True)]
        return np.stack(rows) if rows else np.zeros((0, self.n_dims_), dtype=np.float32)

    def _embed(self, keys: list[tuple[str, ...]]) -> dict:
        phrases = list(dict.fromkeys(phrase_key(p) for k in keys for p in k))
        rows = self.embed_phrases(phrases)
        position = {p: i for i, p in enumerate(phrases)}
        empty = np.zeros(self.n_dims_, dtype=np.float32)
        fresh = {key: rows[[position[phrase_key(p)] for p in key]].max(axis=0) if key else empty for key in keys}
        if len(self._cache) + len(fresh) > self.cache_size:
            self._cache.clear()  # simple bound; refills cost one transform of the phrases in use
        self._cache.update(fresh)
        return fresh


@functools.cache
def default_space() -> ConceptSpace:
    """The concept space of the built-in vocabulary, fitted once per process."""
    return ConceptSpace().fit(read_vocabulary())


def coverage(workers: np.ndarray, vacancies: np.ndarray) -> np.ndarray:
    """How much of each vacancy's skill profile each worker covers, in [0, 1] (workers x vacancies).

    ``w . v / v . v``: asymmetric on purpose, since a worker's extra skills
    should not dilute the match of the ones a vacancy asks for.
    """
    need = np.einsum("ij,ij->i", vacancies, vacancies)
    dot = workers @ vacancies.T
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(need > 0, dot / need, 0.0)
    return np.clip(share, 0.0, 1.0, out=share).astype(np.float32, copy=False)
