"""A small text classifier that raises review flags on suspicious sentences no pattern recognised.

Character n-grams (2 to 5, inside word boundaries) of the folded sentence, TF-IDF weighted, feed a
logistic regression with a fixed ``random_state``. It is trained once, at import, on
``ethics/data/text_training.jsonl`` (sentences in the five languages labelled 1 suspicious / 0
fair, written for this purpose and kept apart from the evaluation corpus). It never blocks: the
pattern rules decide blocks, the classifier only asks an auditor to look.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from ethics.rules.textnorm import fold

TRAINING_PATH = Path(__file__).resolve().parent.parent / "data" / "text_training.jsonl"
# High on purpose: a review flag on a fair employer's text costs them time; the rules catch most.
THRESHOLD = 0.8
MIN_WORDS = 4


def load_examples(path: Path = TRAINING_PATH) -> tuple[list[str], list[int]]:
    """The training sentences (folded) and their labels."""
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts.append(fold(row["text"]))
            labels.append(int(row["label"]))
    return texts, labels


def train(texts: list[str], labels: list[int]) -> Pipeline:
    """Fit the pipeline; the same data always gives the same model."""
    model = Pipeline([
        ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1)),
        ("logreg", LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear", random_state=0)),
    ])
    return model.fit(texts, labels)


MODEL = train(*load_examples())


class _Scorer:
    """The fitted pipeline's probability, computed from its learned parameters without scikit-learn's
    per-call input validation, which costs more than the sum itself (a check must stay fast).

    Same arithmetic as ``TfidfVectorizer(sublinear_tf=True, norm="l2")`` then the logistic function.
    """

    def __init__(self, model: Pipeline) -> None:
        tfidf, logreg = model.named_steps["tfidf"], model.named_steps["logreg"]
        self.analyze = tfidf.build_analyzer()
        self.weights = {term: (float(tfidf.idf_[i]), float(logreg.coef_[0][i]))
                        for term, i in tfidf.vocabulary_.items()}
        self.intercept = float(logreg.intercept_[0])

    def __call__(self, folded: str) -> float:
        tfidf = {term: (1.0 + math.log(n)) * self.weights[term][0]
                 for term, n in Counter(self.analyze(folded)).items() if term in self.weights}
        norm = math.sqrt(sum(w * w for w in tfidf.values())) or 1.0
        score = self.intercept + sum(w / norm * self.weights[term][1] for term, w in tfidf.items())
        return 1.0 / (1.0 + math.exp(-score))


SCORER = _Scorer(MODEL)


def probabilities(folded: list[str]) -> list[float]:
    """The probability that each folded sentence is suspicious."""
    return [SCORER(text) for text in folded]


def most_suspicious(folded: list[str]) -> int | None:
    """The index of the most suspicious sentence above the threshold, or None.

    Sentences under ``MIN_WORDS`` words ("Apple picker", "Wages: 17.60") carry too little to judge.
    """
    candidates = [(i, s) for i, s in enumerate(folded) if len(s.split()) >= MIN_WORDS]
    if not candidates:
        return None
    scores = probabilities([s for _, s in candidates])
    best = max(range(len(scores)), key=scores.__getitem__)
    return candidates[best][0] if scores[best] > THRESHOLD else None
