"""langdetect's language profiles, held sparse.

langdetect keeps, for each of its 87,600 n-grams, a list of one probability per
language (55): 63 MB in every process that loads them, although an n-gram has
on average two languages with a probability above zero. Here each n-gram keeps
only those, as (language index, probability) pairs, and a detector makes an
n-gram's list when the text it reads draws it: the same answers, bit for bit,
for a fraction of the memory.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import orjson
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException

N_GRAM = 3   # the longest n-gram a profile gives a probability for


class SparseDetector(Detector):
    """langdetect's detector over sparse profiles (:class:`SparseFactory`): an n-gram's
    probabilities are made dense when the text first draws it, for this detector only."""

    def __init__(self, factory: DetectorFactory):
        super().__init__(factory)
        self._dense: dict[str, list[float]] = {}

    def _update_lang_prob(self, prob: list[float], word: str | None, alpha: float) -> bool:
        dense = self._dense.get(word)
        if dense is None:
            entries = self.word_lang_prob_map.get(word) if word is not None else None
            if entries is None:
                return False
            dense = self._dense[word] = [0.0] * len(prob)
            for i in range(0, len(entries), 2):
                dense[entries[i]] = entries[i + 1]
        weight = alpha / self.BASE_FREQ
        prob[:] = [p * (weight + q) for p, q in zip(prob, dense)]
        return True


class SparseFactory(DetectorFactory):
    """A factory whose map holds, for each n-gram, a flat tuple ``(index, probability, …)``
    of the languages it has a probability for, in the order langdetect would number them."""

    def load_profiles(self, profiles: Iterable[dict]) -> None:
        """Add parsed profiles (``{"name", "freq", "n_words"}``), numbered in the order given;
        read one at a time, so only one is held beside the map."""
        probs = self.word_lang_prob_map
        for index, profile in enumerate(profiles):
            name, n_words = profile["name"], profile["n_words"]
            if name in self.langlist:
                raise LangDetectException(ErrorCode.DuplicateLangError, "Duplicate the same language profile.")
            self.langlist.append(name)
            for word, count in profile["freq"].items():
                entries = probs.get(word, ())
                probs[word] = entries + (index, 1.0 * count / n_words[len(word) - 1]) \
                    if 1 <= len(word) <= N_GRAM else entries
        if len(self.langlist) < 2:
            raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need more than 2 profiles.")

    def _create_detector(self) -> Detector:
        if not self.langlist:
            raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need to load profiles.")
        return SparseDetector(self)


def profile_names() -> list[str]:
    """Every profile langdetect ships, in the order its own ``load_profile`` numbers them."""
    return [name for name in os.listdir(PROFILES_DIRECTORY)
            if not name.startswith(".") and Path(PROFILES_DIRECTORY, name).is_file()]


def sparse_factory(names: list[str]) -> SparseFactory:
    """A factory over the named profiles (langdetect's file names: ``en``, ``zh-cn``…), seeded
    to 0: a detector copies the seed and re-seeds its generator at every detection."""
    factory = SparseFactory()
    factory.load_profiles(orjson.loads(Path(PROFILES_DIRECTORY, name).read_bytes()) for name in names)
    factory.seed = 0
    return factory
