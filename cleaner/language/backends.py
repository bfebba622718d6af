"""Statistical language identifiers asked when the cheap checks cannot decide.

``langdetect`` (default) with private factories seeded to 0, so an answer
depends only on the text; ``py3langid`` (optional extra) about ten times
faster. Both answer (language, probability) pairs, best first, optionally
restricted to a set of candidate languages (one script's family).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Protocol


PASSAGE_SAMPLE = 2000   # characters of one passage sent to langdetect
class Backend(Protocol):
    name: str

    def probabilities(self, text: str, langs: tuple[str, ...] | None = None) -> list[tuple[str, float]]:
        """(lang, probability) best first; ``langs`` restricts the candidates."""
        ...


def _iso(code: str) -> str:
    """langdetect says zh-cn / zh-tw; the contract is ISO 639-1."""
    return code.split("-")[0]


class LangdetectBackend:
    """langdetect with its own seeded factories, one per candidate set, loaded on first use."""

    name = "langdetect"

    def __init__(self, max_length: int = PASSAGE_SAMPLE):
        self.max_length = max_length

    def probabilities(self, text: str, langs: tuple[str, ...] | None = None) -> list[tuple[str, float]]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = _langdetect_factory(langs).create()
        detector.set_max_text_length(self.max_length)
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return []
        merged: dict[str, float] = {}
        for item in found:
            merged[_iso(item.lang)] = merged.get(_iso(item.lang), 0.0) + item.prob
        return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


@lru_cache(maxsize=16)
def _langdetect_factory(langs: tuple[str, ...] | None):
    """A private, seeded factory (the global one stays untouched), profiles loaded once and
    held sparse (:mod:`cleaner.language.profiles`)."""
    from .profiles import profile_names, sparse_factory

    if langs is None:
        return sparse_factory(profile_names())
    # (langdetect wants at least two profiles; every family here has two or more)
    return sparse_factory([n for lang in langs for n in ((lang,) if lang != "zh" else ("zh-cn", "zh-tw"))])


class Py3langidBackend:
    """py3langid (optional extra): a naive Bayes model shipped in the wheel, about ten
    times faster than langdetect and deterministic by construction. Its codes are
    mostly ISO 639-1; varieties are folded into their macrolanguage."""

    name = "py3langid"
    _FOLD = {"arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "hbo": "he",
             "grc": "el", "nn": "no", "zxx": "", "pcm": "en"}

    def __init__(self):
        _py3langid_identifier()   # fail at construction, not on the first odd passage

    def probabilities(self, text: str, langs: tuple[str, ...] | None = None) -> list[tuple[str, float]]:
        merged: dict[str, float] = {}
        for code, p in _py3langid_identifier().rank(text[:PASSAGE_SAMPLE]):
            code = self._FOLD.get(code, code)
            if code and (langs is None or code in langs):
                merged[code] = merged.get(code, 0.0) + p
        total = sum(merged.values())
        if total <= 0:
            return []
        return sorted(((c, p / total) for c, p in merged.items() if p / total > 0.01),
                      key=lambda kv: (-kv[1], kv[0]))


@lru_cache(maxsize=1)
def _py3langid_identifier():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ValueError("backend 'py3langid' needs the package: pip install 'cleaner[fast]'") from exc
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


BACKENDS = {"langdetect": LangdetectBackend, "py3langid": Py3langidBackend}


def make_backend(name: str) -> Backend:
    if name not in BACKENDS:
        raise ValueError(f"unknown language backend {name!r} (available: {', '.join(BACKENDS)})")
    return BACKENDS[name]()
