"""Language flags: which passages of a document are not in the expected language.

Why it is built this way: langdetect, the default backend, costs several
milliseconds a paragraph and guesses wildly on short text, while nearly every
passage of a scraped article is plainly in the article's language. So a
passage goes through cheap checks first and langdetect is asked only where its
answer can change the outcome:

1. **Quick check** (a few microseconds). Whitespace tokens; if at least
   ``QUICK_SHARE`` of them are function words found on the target's list and
   on no other (English: the, and, that, with, which ...) and they outnumber
   those found only on other lists ``QUICK_RATIO`` times, and no non-Latin
   script is present, the passage is target text. Most paragraphs stop here.
2. **Script.** Letters outside the Latin script are counted by Unicode block.
   When one non-Latin script dominates the passage (CJK counted double: one
   ideograph carries about as much as two Latin letters), the script decides
   the language by itself, at any length: Greek -> el, Hangul -> ko, any kana
   -> ja, Han alone -> zh, Hebrew -> he, Thai -> th, Georgian -> ka ...
   Scripts shared by several languages are settled by tell-tale letters
   (Cyrillic i/yi/ye -> uk, y/e/yo -> ru, a hard sign before a consonant -> bg,
   Arabic-script pe/che/gaf/keheh -> fa, Urdu retroflexes -> ur) and, from
   ``RESTRICTED_MIN`` letters on, by the backend restricted to that script's
   languages. A target that shares the script (ru for Cyrillic) is only told
   apart by such marks; unmarked text counts as the target's.
3. **Function words** (Latin script). ``cleaner/data/stopwords.txt`` lists the
   commonest function words of the 31 Latin-script languages langdetect knows.
   A word on k lists weighs 1/k for each: the weighted *share* (hits per token)
   ranks the languages; the unweighted hit rate over the rate that language's
   list reaches on running text (``RATE``) estimates its *presence*, the
   fraction of the passage written in it. A passage whose target share is at
   least ``FAST_SHARE`` and ``FAST_RATIO`` times any other's is target text.
4. **Evidence gate.** A Latin passage under ``MIN_LETTERS`` letters or
   ``MIN_WORDS`` words is never flagged. Nor is one where no other language
   has ``GATE_TYPES`` distinct function words (of two letters or more; single
   letters are as often initials) and a share at least the target's, or whose
   *ceiling* -- the confidence a backend answer of p = 1 would give -- is below
   ``min_confidence``. None of these reach the backend.

What remains goes to the backend. langdetect is made deterministic: our own
factory has ``seed = 0`` and langdetect re-seeds its RNG from it at every
detection, so an answer depends only on the text, not on call order or the
process. In a document whose own language (one backend call on a sample of the
main text) is not the target, a passage whose function words clearly say that
language needs no call of its own.

Confidence of a flag, the estimated chance that the passage is in ``lang``::

    confidence = p * evidence * target_penalty

* ``p``: the backend's probability for its top language; for a script guess a
  prior for how often the script means that language (0.99 Hangul -> ko, 0.95
  Han alone -> zh, 0.93 unmarked Cyrillic -> ru).
* ``evidence = 1 - 0.5 ** (n_eff / half)``, saturating in the amount of text.
  Latin: ``n_eff`` is the letter count times the agreement of ``lang``'s own
  function words -- x2 when they explain half the passage or more, x1 from a
  fifth, x0.5 below that (a list of names, a table: then the confidence is
  also capped at ``CONTRADICTED_CAP``, below the default threshold, at any
  length) -- and ``half`` is 20 letters: a 60-letter sentence whose function
  words agree reaches 0.98. Scripts: ``n_eff`` is the script's letters and
  ``half`` 2 letters (1 for CJK), so "Καλημέρα σας" (11 letters) gets
  0.99 x 0.98.
* ``target_penalty``: 1 while the target explains at most ``MIXED_LOW`` of the
  text next to ``lang`` (weighted presences), falling linearly to 0 at
  ``MIXED_HIGH``: a paragraph half in the target language is not flagged.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

from .document import Flag

MAIN = "main"

# ---- tunables (see module docstring) -------------------------------------------
QUICK_SHARE = 0.12      # share of words found only on the target's list that settles a passage at once ...
QUICK_RATIO = 2.0       # ... when they outnumber the words found only on other lists this many times
QUICK_SAMPLE = 64       # tokens looked at in a long passage (every k-th)
FAST_SHARE = 0.20       # target function-word share that makes a passage target text
FAST_RATIO = 2.0        # ... when it is this many times any other language's share
MIN_LETTERS = 40        # below this a Latin passage is never flagged
MIN_WORDS = 6
MIN_SCRIPT_DOC = 10     # weighted letters of a non-Latin script that can name a document's language
GATE_TYPES = 2          # another language needs this many distinct function words ...
GATE_HITS = 2           # ... and this many hits before langdetect is asked
CONTRADICTED_CAP = 0.85  # most a flag can get when its language's function words are missing
MIXED_LOW, MIXED_HIGH = 0.2, 0.5   # target presence (fraction) at which the penalty starts / is total
LATIN_HALF = 20.0       # letters of agreeing evidence that halve the doubt
SCRIPT_HALF = 2.0
CJK_HALF = 1.0
CJK_WEIGHT = 2          # one Han/kana/Hangul character counts as two letters
RESTRICTED_MIN = 30     # script letters from which langdetect settles a shared script
DOC_SAMPLE = 4000       # characters of main text sent to langdetect for the document language
PASSAGE_SAMPLE = 2000   # characters of one passage sent to langdetect

DATA = Path(__file__).with_name("data") / "stopwords.txt"

# Share of running text the language's list covers (unweighted). Measured on
# paragraphs of 200+ characters (WCXB for en, lang-dev for de fr es pt it pl fi
# hu: the medians); the rest are set by family (Slavic and agglutinative
# languages use fewer separate function words).
RATE: dict[str, float] = {
    "en": 0.45, "de": 0.42, "fr": 0.48, "es": 0.48, "pt": 0.45, "it": 0.43, "pl": 0.28,
    "fi": 0.19, "hu": 0.25, "ca": 0.45, "ro": 0.40, "nl": 0.42, "af": 0.42, "da": 0.40,
    "no": 0.40, "sv": 0.40, "cs": 0.28, "sk": 0.28, "sl": 0.30, "hr": 0.30, "et": 0.20,
    "tr": 0.22, "lt": 0.25, "lv": 0.25,
}
DEFAULT_RATE = 0.35


@dataclass(frozen=True)
class Passage:
    """A unit the caller wants judged: a paragraph, a comment, a quoted block."""

    start: int
    end: int
    text: str
    section: str  # "main" | "comments"


@dataclass(frozen=True)
class Guess:
    """What the detector concluded about one passage, flagged or not."""

    lang: str | None        # best guess; None when there was too little to go on
    confidence: float
    letters: int            # weighted letter count, the passage's say in the document language
    how: str                # "target" (quick or function words), "script", "backend", "words"
                            # (document language), "short", "none" (no case to ask), "pending"


# ---- scripts -------------------------------------------------------------------
_SCRIPT_RANGES: list[tuple[int, int, str]] = sorted([
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0xFB1D, 0xFB4F, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFC, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Oriya"), (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"), (0x1C90, 0x1CBF, "Georgian"), (0x2D00, 0x2D2F, "Georgian"),
    (0x1100, 0x11FF, "Hangul"), (0x3130, 0x318F, "Hangul"), (0xAC00, 0xD7AF, "Hangul"),
    (0xFFA0, 0xFFDC, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"), (0x1780, 0x17FF, "Khmer"),
    (0x3040, 0x30FF, "Kana"), (0x31F0, 0x31FF, "Kana"), (0xFF66, 0xFF9F, "Kana"),
    (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"), (0xF900, 0xFAFF, "Han"),
    (0x20000, 0x2FA1F, "Han"),
])
_RANGE_STARTS = [r[0] for r in _SCRIPT_RANGES]
_NON_LATIN = re.compile(
    "[\u0370-\u1cff\u1f00-\u1fff\u2d00-\u2dff\u3040-\u9fff\ua640-\ua69f\uac00-\ud7af"
    "\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufefc\uff66-\uffdc\U00020000-\U0002fa1f]")
_CJK = frozenset({"Han", "Kana", "Hangul"})

# Scripts written by (practically) one language: (language, prior).
_SCRIPT_LANG: dict[str, tuple[str, float]] = {
    "Greek": ("el", 0.99), "Armenian": ("hy", 0.99), "Georgian": ("ka", 0.99),
    "Thai": ("th", 0.99), "Lao": ("lo", 0.99), "Khmer": ("km", 0.99), "Myanmar": ("my", 0.97),
    "Sinhala": ("si", 0.99), "Tamil": ("ta", 0.99), "Telugu": ("te", 0.99),
    "Kannada": ("kn", 0.99), "Malayalam": ("ml", 0.99), "Gujarati": ("gu", 0.99),
    "Gurmukhi": ("pa", 0.99), "Oriya": ("or", 0.99), "Thaana": ("dv", 0.99),
    "Bengali": ("bn", 0.95), "Tibetan": ("bo", 0.95), "Ethiopic": ("am", 0.90),
}
# Scripts shared by several languages: those langdetect can tell apart, for long text.
_SCRIPT_FAMILY: dict[str, tuple[str, ...]] = {
    "Cyrillic": ("ru", "uk", "bg", "mk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
    "Hebrew": ("he",),
    "CJK": ("zh", "ja", "ko"),
}
# Every language a script may stand for, to know when the target shares the script.
_SCRIPT_MEMBERS: dict[str, frozenset[str]] = {
    "Cyrillic": frozenset({"ru", "uk", "bg", "mk", "sr", "be", "kk", "ky", "mn", "tg"}),
    "Arabic": frozenset({"ar", "fa", "ur", "ps", "ckb", "ug", "sd"}),
    "Devanagari": frozenset({"hi", "mr", "ne", "sa"}),
    "Hebrew": frozenset({"he", "yi"}),
    "CJK": frozenset({"zh", "ja", "ko"}),
}


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str | None:
    """The script of a letter or mark, None for digits, punctuation and unlisted blocks."""
    if unicodedata.category(ch)[0] not in "LM":
        return None
    code = ord(ch)
    i = bisect.bisect_right(_RANGE_STARTS, code) - 1
    if i >= 0 and _SCRIPT_RANGES[i][0] <= code <= _SCRIPT_RANGES[i][1]:
        return _SCRIPT_RANGES[i][2]
    return None


def script_counts(text: str) -> Counter[str]:
    """Letters per non-Latin script; empty for Latin-only text (checked in C first)."""
    counts: Counter[str] = Counter()
    if text.isascii():
        return counts
    for ch, n in Counter(_NON_LATIN.findall(text)).items():
        script = _script_of(ch)
        if script:
            counts[script] += n
    return counts


# ---- function words -------------------------------------------------------------
@lru_cache(maxsize=1)
def stopword_table() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((lang, weight), ...); a word on k lists weighs 1/k for each."""
    lists: dict[str, set[str]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, _, words = line.partition(":")
        lists.setdefault(lang.strip(), set()).update(unicodedata.normalize("NFC", words).split())
    owners: dict[str, list[str]] = {}
    for lang, words in lists.items():
        for word in words:
            owners.setdefault(word, []).append(lang)
    return {w: tuple((lang, 1.0 / len(langs)) for lang in sorted(langs)) for w, langs in owners.items()}


@lru_cache(maxsize=64)
def exclusive_words(lang: str) -> frozenset[str]:
    """The words on ``lang``'s list and on no other: seeing many of them is proof enough."""
    return frozenset(w for w, entry in stopword_table().items() if len(entry) == 1 and entry[0][0] == lang)


@lru_cache(maxsize=64)
def foreign_words(lang: str) -> frozenset[str]:
    """The words on some list but not on ``lang``'s."""
    return frozenset(w for w, entry in stopword_table().items() if all(l != lang for l, _ in entry))


@lru_cache(maxsize=1)
def stopword_languages() -> frozenset[str]:
    return frozenset(lang for entries in stopword_table().values() for lang, _ in entries)


_WORD = re.compile(r"[^\W\d_]+")
_NOISE = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|</?[A-Za-z][^<>]{0,200}>")


@dataclass(frozen=True)
class Words:
    """Function-word evidence of one text."""

    words: int
    letters: int                 # all letters, Latin or not
    hits: dict[str, float]       # weighted hits (a word on k lists counts 1/k): says *which* language
    raw: dict[str, int]          # unweighted hits: says *how much* of the text a language explains
    types: dict[str, int]        # distinct function words of two letters or more per language

    def share(self, lang: str) -> float:
        """Weighted hits per token."""
        return self.hits.get(lang, 0.0) / self.words if self.words else 0.0

    def presence(self, lang: str, weighted: bool = False) -> float:
        """Roughly the fraction of the text written in ``lang``: its hit rate over the
        rate that language's list reaches on running text (``RATE``). Unweighted it
        says how much ``lang`` could explain; weighted, shared words (in, an, de, a)
        no longer count fully for each of their languages, which is fairer when two
        languages are compared."""
        if not self.words:
            return 0.0
        hits = self.hits.get(lang, 0.0) if weighted else self.raw.get(lang, 0)
        return hits / (self.words * RATE.get(lang, DEFAULT_RATE))

    def ranked(self) -> list[tuple[str, float]]:
        """Languages by weighted share, best first."""
        return sorted(((lang, h / self.words) for lang, h in self.hits.items()),
                      key=lambda item: (-item[1], item[0])) if self.words else []


def clean_text(text: str) -> str:
    """NFC, without URLs, e-mail addresses and tag remnants (they are nobody's language)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "/" in text or "@" in text or "<" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    return text


def count_words(text: str) -> Words:
    """Tokens, letters and function-word hits; the per-token work stays in C
    (filter/Counter), the Python loop runs once per distinct function word."""
    table = stopword_table()
    tokens = _WORD.findall(text.lower())
    hits: dict[str, float] = {}
    raw: dict[str, int] = {}
    types: dict[str, int] = {}
    for word, n in Counter(filter(table.__contains__, tokens)).items():
        for lang, weight in table[word]:
            hits[lang] = hits.get(lang, 0.0) + weight * n
            raw[lang] = raw.get(lang, 0) + n
            if len(word) > 1:   # single letters are as often initials or list marks
                types[lang] = types.get(lang, 0) + 1
    return Words(len(tokens), sum(map(len, tokens)), hits, raw, types)


def evidence(n: float, half: float) -> float:
    """1 - 0.5 ** (n / half): 0 with no text, 0.5 at ``half``, -> 1 with more."""
    return 1.0 - 0.5 ** (n / half) if n > 0 else 0.0


# ---- backends -------------------------------------------------------------------
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
    """A private, seeded factory (the global one stays untouched), profiles loaded once."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    if langs is None:
        factory.load_profile(PROFILES_DIRECTORY)
    else:
        names = [n for lang in langs for n in ((lang,) if lang != "zh" else ("zh-cn", "zh-tw"))]
        profiles = [Path(PROFILES_DIRECTORY, n).read_text(encoding="utf-8") for n in names]
        # (langdetect wants at least two profiles; every family here has two or more)
        factory.load_json_profile(profiles)
    factory.seed = 0  # Detector copies this and re-seeds its RNG from it at every detection
    return factory


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


# ---- the detector -----------------------------------------------------------------
@dataclass(frozen=True)
class _Features:
    """Everything cheap about a passage, computed once."""

    text: str
    words: Words
    scripts: Counter[str]
    latin: int                   # Latin letters
    script: str | None           # dominant non-Latin script (CJK merged), if it dominates
    script_letters: int          # letters of that script (unweighted)


class LanguageDetector:
    """Flags passages that are not in ``target``; see the module docstring for how and why.

    Build one per process and option set: profiles and word tables load once
    (lazily, on the first passage that needs them) and are shared.
    """

    def __init__(self, target: str = "en", min_confidence: float = 0.90, backend: str = "langdetect"):
        self.target = target.lower().split("-")[0]
        self.min_confidence = min_confidence
        self.backend = make_backend(backend)
        self._exclusive = exclusive_words(self.target)
        self._foreign = foreign_words(self.target)
        self._last: tuple[tuple[Passage, ...], tuple[list[Flag], str | None]] | None = None

    # -- public API --------------------------------------------------------------
    def flags(self, passages: Sequence[Passage]) -> list[Flag]:
        """Flags for the passages not in the target language, in input order."""
        return self.analyse(passages)[0]

    def document_language(self, passages: Sequence[Passage]) -> str | None:
        """ISO 639-1 code of the main text, None when there is too little of it."""
        return self.analyse(passages)[1]

    def analyse(self, passages: Sequence[Passage]) -> tuple[list[Flag], str | None]:
        """Flags and document language from one pass; ``flags()`` then
        ``document_language()`` on the same passages also cost one pass (the last
        result is kept)."""
        key = tuple(passages)
        if self._last is not None and self._last[0] == key:
            flags, lang = self._last[1]
            return list(flags), lang
        features: list[_Features | None] = []
        guesses: list[Guess] = []
        for p in key:
            quick = self._quick(p.text)
            f = None if quick else self._features(p.text)
            features.append(f)
            guesses.append(quick or self._cheap(f))
        lang = self._document_language(key, features, guesses)
        guesses = [self._resolve(f, g, lang) if g.how == "pending" else g
                   for f, g in zip(features, guesses)]
        flags = [Flag(p.start, p.end, g.lang, round(g.confidence, 4), p.section)
                 for p, g in zip(key, guesses) if self._flagged(g)]
        self._last = (key, (flags, lang))
        return list(flags), lang

    def guess(self, text: str) -> Guess:
        """The verdict on one piece of text on its own (for tools, tests and the bench)."""
        quick = self._quick(text)
        if quick:
            return quick
        f = self._features(text)
        g = self._cheap(f)
        return self._resolve(f, g, None) if g.how == "pending" else g

    def is_flagged(self, guess: Guess) -> bool:
        return self._flagged(guess)

    # -- one passage -------------------------------------------------------------
    def _flagged(self, guess: Guess) -> bool:
        return (guess.lang is not None and guess.lang != self.target
                and guess.confidence >= self.min_confidence)

    def _quick(self, text: str) -> Guess | None:
        """Tier one, a few microseconds: whitespace tokens, and the share of them that
        only the target's list has (English: the, and, that, with, which, ...), against
        those only other lists have (der, und, les, que, ...). Most paragraphs of an
        article stop here; anything in doubt goes on to the full count."""
        if not self._exclusive:
            return None
        tokens = text.lower().split()
        if len(tokens) > 2 * QUICK_SAMPLE:
            tokens = tokens[:: len(tokens) // QUICK_SAMPLE]   # an even spread is as telling
        own = sum(map(self._exclusive.__contains__, tokens))
        if len(tokens) < 3 or own < QUICK_SHARE * len(tokens):
            return None
        if own < QUICK_RATIO * sum(map(self._foreign.__contains__, tokens)):
            return None
        if not text.isascii() and _NON_LATIN.search(text):
            return None   # let the script count decide
        return Guess(self.target, 1.0, sum(map(len, tokens)), "target")

    def _features(self, text: str) -> _Features:
        text = clean_text(text)
        words = count_words(text)
        scripts = script_counts(text)
        latin = max(0, words.letters - sum(scripts.values()))
        script, n = _dominant_script(scripts)
        weighted = n * (CJK_WEIGHT if script == "CJK" else 1)
        if script is None or weighted < latin:
            script, n = None, 0
        return _Features(text, words, scripts, latin, script, n)

    def _cheap(self, f: _Features) -> Guess:
        """Everything short of a full langdetect call; Latin text that needs one is 'pending'."""
        if f.script is not None:
            return self._script_guess(f)
        w = f.words
        target_share = w.share(self.target)
        other_lang, other_share = self._best_other(w)
        if target_share >= FAST_SHARE and target_share >= FAST_RATIO * other_share:
            return Guess(self.target, 1.0, f.latin, "target")
        if f.latin < MIN_LETTERS or w.words < MIN_WORDS:
            return Guess(None, 0.0, f.latin, "short")
        if (other_lang is None or w.types.get(other_lang, 0) < GATE_TYPES or w.raw[other_lang] < GATE_HITS
                or other_share < target_share):
            return Guess(None, 0.0, f.latin, "none")   # nothing but the target has a say
        if self._ceiling(f) < self.min_confidence:
            return Guess(None, 0.0, f.latin, "none")   # even p = 1 could not make a flag
        return Guess(None, 0.0, f.latin, "pending")

    def _best_other(self, w: Words) -> tuple[str | None, float]:
        """The non-target language with the most function-word support, and its share."""
        best, most = None, 0.0
        for lang, h in w.hits.items():
            if lang != self.target and (h > most or (h == most and best is not None and lang < best)):
                best, most = lang, h
        return best, (most / w.words if w.words else 0.0)

    def _script_guess(self, f: _Features) -> Guess:
        lang, prior, marked = _letters_guess(f.script, f.scripts, f.text)
        n = f.script_letters
        weighted = n * (CJK_WEIGHT if f.script == "CJK" else 1)
        family = _SCRIPT_FAMILY.get(f.script, ())
        if len(family) > 1 and f.script != "CJK" and n >= RESTRICTED_MIN and lang in family:
            ranked = self.backend.probabilities(f.text, family)
            if ranked:
                lang, prior, marked = ranked[0][0], ranked[0][1], True
        half = CJK_HALF if f.script == "CJK" else SCRIPT_HALF
        if lang != self.target and self.target in _SCRIPT_MEMBERS.get(f.script, ()) and not marked:
            # nothing tells this text from the target's own writing: take it as target text
            return Guess(self.target, prior, weighted, "script")
        return Guess(lang, prior * evidence(n, half), weighted, "script")

    def _resolve(self, f: _Features, g: Guess, doc_lang: str | None) -> Guess:
        """A pending Latin passage. In a document known to be in another language,
        a passage whose function words clearly say that language needs no langdetect
        call of its own (keeps non-target documents cheap); otherwise ask the backend."""
        if doc_lang and doc_lang != self.target and self._words_say(f.words, doc_lang):
            return Guess(doc_lang, self._latin_confidence(0.99, doc_lang, f), f.latin, "words")
        found = self.backend.probabilities(f.text)
        if not found:
            return Guess(None, 0.0, f.latin, "none")
        lang, p = found[0]
        if lang == self.target:
            return Guess(lang, p, f.latin, "backend")
        return Guess(lang, self._latin_confidence(p, lang, f), f.latin, "backend")

    @staticmethod
    def _words_say(w: Words, lang: str) -> bool:
        """Function words alone settle ``lang``: first by weight, twice the runner-up,
        and explaining at least half the text."""
        ranked = w.ranked()
        if not ranked or ranked[0][0] != lang:
            return False
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        return w.raw.get(lang, 0) >= 3 and w.presence(lang) >= 0.5 and ranked[0][1] >= 2 * second

    def _penalty(self, w: Words, lang: str) -> float:
        """1 while the target explains at most MIXED_LOW of the text (next to ``lang``),
        0 from MIXED_HIGH on: a passage partly in the target language is not flagged whole."""
        t, o = w.presence(self.target, weighted=True), w.presence(lang, weighted=True)
        if t <= 0:
            return 1.0
        part = t / (t + o) if t + o else 0.0
        return min(1.0, max(0.0, (MIXED_HIGH - part) / (MIXED_HIGH - MIXED_LOW)))

    @staticmethod
    def _agreement(w: Words, lang: str) -> float:
        """2 when ``lang``'s function words explain half the text or more, 1 for some
        support (or a language without a list), 0.5 when they are missing."""
        if lang not in stopword_languages():
            return 1.0
        presence = w.presence(lang)
        if presence >= 0.5 and w.raw.get(lang, 0) >= 2:
            return 2.0
        return 1.0 if presence >= 0.2 else 0.5   # 0.5 also caps the confidence

    def _ceiling(self, f: _Features) -> float:
        """The highest confidence any backend answer could give this passage (the
        penalty is least for the language whose function words explain the most)."""
        w = f.words
        best = max((lang for lang in w.hits if lang != self.target),
                   key=lambda lang: w.presence(lang, weighted=True), default=None)
        return evidence(f.latin * 2.0, LATIN_HALF) * (self._penalty(w, best) if best else 1.0)

    def _latin_confidence(self, p: float, lang: str, f: _Features) -> float:
        """p * evidence(letters * agreement) * target penalty (module docstring)."""
        agreement = self._agreement(f.words, lang)
        confidence = p * evidence(f.latin * agreement, LATIN_HALF) * self._penalty(f.words, lang)
        return min(confidence, CONTRADICTED_CAP) if agreement < 1 else confidence

    # -- the document ------------------------------------------------------------
    def _document_language(self, passages: Sequence[Passage], features: list[_Features | None],
                           guesses: list[Guess]) -> str | None:
        """Cheapest first: the target fast path's share of the letters, then the pooled
        function words, then one backend call on a sample of the main text."""
        main = [(p, f, g) for p, f, g in zip(passages, features, guesses) if p.section == MAIN]
        total = sum(g.letters for _, _, g in main)
        script_letters = sum(g.letters for _, f, g in main if f is not None and f.script is not None)
        if total < MIN_LETTERS and not (2 * script_letters >= total >= MIN_SCRIPT_DOC):
            return None
        if 2 * sum(g.letters for _, _, g in main if g.how == "target") >= total:
            return self.target
        full = [f or self._features(p.text) for p, f, _ in main]
        if 2 * script_letters < total:
            pooled = _pool(f.words for f in full)
            t_share = pooled.share(self.target)
            _, other = self._best_other(pooled)
            if t_share >= 0.75 * FAST_SHARE and t_share >= FAST_RATIO * other:
                return self.target
        sample = _sample([f.text for f in full], DOC_SAMPLE)
        whole = self._features(sample)
        if whole.script is not None:
            g = self._script_guess(whole)
            return g.lang if g.confidence >= 0.5 else None
        found = self.backend.probabilities(sample)
        if found and found[0][1] >= 0.5:
            return found[0][0]
        return None


def _pool(items) -> Words:
    """The evidence of several texts together."""
    hits: Counter[str] = Counter()
    raw: Counter[str] = Counter()
    types: Counter[str] = Counter()
    words = letters = 0
    for w in items:
        hits.update(w.hits)
        raw.update(w.raw)
        types.update(w.types)
        words += w.words
        letters += w.letters
    return Words(words, letters, dict(hits), dict(raw), dict(types))


def _dominant_script(scripts: Counter[str]) -> tuple[str | None, int]:
    """The largest non-Latin script, Han, kana and Hangul merged as 'CJK'."""
    if not scripts:
        return None, 0
    merged: Counter[str] = Counter()
    for script, n in scripts.items():
        merged["CJK" if script in _CJK else script] += n
    script, n = merged.most_common(1)[0]
    return script, n


_CYRILLIC_RULES: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile("[ђћЂЋ]"), "sr", 0.95),
    (re.compile("[ѓќѕЃЌЅ]"), "mk", 0.95),
    (re.compile("[ўЎ]"), "be", 0.95),
    (re.compile("[әғқңұһӘҒҚҢҰҺ]"), "kk", 0.90),
    (re.compile("[өүӨҮ]"), "mn", 0.80),
    (re.compile("[љњџјЉЊЏЈ]"), "sr", 0.85),
    (re.compile("[їєґЇЄҐіІ]"), "uk", 0.97),
    (re.compile("[ыэёЫЭЁ]"), "ru", 0.97),
    (re.compile("[ъЪ](?![еёюяЕЁЮЯ])"), "bg", 0.90),
]
_ARABIC_RULES: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile("[ٹڈڑںےۓ]"), "ur", 0.95),
    (re.compile("[پچژگیک]"), "fa", 0.93),
]


def _letters_guess(script: str, scripts: Counter[str], text: str) -> tuple[str, float, bool]:
    """(lang, prior, marked): the language a script's letters point to; ``marked`` says
    whether something in the text told it apart from the script's other languages."""
    if script == "CJK":
        kana, hangul, han = scripts["Kana"], scripts["Hangul"], scripts["Han"]
        if hangul >= kana and hangul:
            return "ko", 0.99, True
        if kana:
            return "ja", 0.99 if kana >= 2 else 0.93, True
        return "zh", 0.95, han >= 20   # 20 ideographs without a single kana is Chinese
    if script in _SCRIPT_LANG:
        lang, prior = _SCRIPT_LANG[script]
        return lang, prior, True
    if script == "Cyrillic":
        for pattern, lang, prior in _CYRILLIC_RULES:
            if pattern.search(text):
                return lang, prior, True
        return "ru", 0.93, False   # most Cyrillic text is Russian; uk nearly always shows і
    if script == "Arabic":
        for pattern, lang, prior in _ARABIC_RULES:
            if pattern.search(text):
                return lang, prior, True
        return "ar", 0.95, False
    if script == "Hebrew":
        return ("yi", 0.90, True) if re.search("[װױײ]", text) else ("he", 0.97, False)
    if script == "Devanagari":
        return "hi", 0.90, False
    return "und", 0.0, False


def _sample(texts: list[str], limit: int) -> str:
    """Up to ``limit`` characters spread over the texts, so one long passage cannot
    decide the document alone."""
    total = sum(len(t) for t in texts)
    if total <= limit:
        return "\n".join(texts)
    share = max(200, limit // max(1, len(texts)))
    out: list[str] = []
    used = 0
    for text in texts:
        piece = text[:share]
        out.append(piece)
        used += len(piece)
        if used >= limit:
            break
    return "\n".join(out)
