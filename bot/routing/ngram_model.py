"""Intent probabilities from character 1-3 grams: a logistic regression over tf-idf, typo-tolerant, no embedder needed.

It is the half of the classifier that always works (the embedder can be down) and the half that reads surface
forms: typos, Chinese without spaces, mixed Chinese and English. Course codes and employee ids are replaced by a
placeholder, so the model learns "enroll <code>" rather than which codes the training lines happened to name."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence

import numpy as np

_REGULARISATION = 20.0  # inverse L2 strength (leave-one-set-out over the training sets; eval/routing/README.md)
_CODE = re.compile(r"(?<![a-z0-9])[a-z]{2,6}-?\d{2,4}(?![0-9])")
_EMPLOYEE = re.compile(r"(?<![a-z0-9])e\d{3,6}(?![0-9])")
_CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])")
_MEMO: dict[str, tuple[object, object]] = {}
_MEMO_LOCK = threading.Lock()


def surface(text: str) -> str:
    """Full-width to half-width, lower case, single spaces, a space where Chinese meets Latin, ids masked."""
    text = _CJK_LATIN.sub(" ", unicodedata.normalize("NFKC", text)).lower()
    text = _EMPLOYEE.sub(" 9person ", _CODE.sub(" 9code ", text))
    return re.sub(r"\s+", " ", text).strip()


class NgramModel:
    """Trained once per process per set of examples (about a second), then ~1 ms a message."""

    def __init__(self, pairs: Sequence[tuple[str, str]], digest: str, balanced: bool = False):
        """pairs: (intent, text); digest: their fingerprint, so equal training data is fitted once."""
        with _MEMO_LOCK:
            if digest not in _MEMO:
                _MEMO[digest] = _fit(pairs, balanced)
            self._vectoriser, self._model = _MEMO[digest]

    @property
    def classes(self) -> list[str]:
        """The intents, in the model's column order."""
        return [str(c) for c in self._model.classes_]

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability of each intent (summing to 1)."""
        row = self._model.predict_proba(self._vectoriser.transform([text]))[0]
        return dict(zip(self.classes, (float(p) for p in row), strict=True))


def _fit(pairs: Sequence[tuple[str, str]], balanced: bool = False):
    """tf-idf over character 1-3 grams within words, then multinomial logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, preprocessor=surface,
                                 dtype=np.float32)
    matrix = vectoriser.fit_transform([text for _, text in pairs])
    model = LogisticRegression(C=_REGULARISATION, max_iter=3000,
                               class_weight="balanced" if balanced else None).fit(matrix, [intent for intent, _ in pairs])
    return vectoriser, model
