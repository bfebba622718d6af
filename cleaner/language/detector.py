"""The language detector: cheap checks first, the backend only where it can change the outcome.

Runs a passage through the quick check, the script test (:mod:`.scripts`),
function words (:mod:`.words`) and the evidence gate, asks the backend
(:mod:`.backends`) for what remains, and turns the answer into a flag with a
confidence (``p * evidence * target_penalty``). Also names the document's own
language. The package docstring of :mod:`cleaner.language` explains every
tunable below and why the checks come in this order.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .._core import WordLists
from ..document import Flag
from .backends import make_backend
from .scripts import (_NON_LATIN, _SCRIPT_FAMILY, _SCRIPT_MEMBERS, CJK_WEIGHT, _dominant_script, _letters_guess,
                      compiled, script_counts)
from .words import Words, _pool, clean_text, count_words, exclusive_words, foreign_words, stopword_languages


MAIN = "main"

# Tunables: the package docstring of cleaner.language says how each one is used.
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
RESTRICTED_MIN = 30     # script letters from which langdetect settles a shared script
DOC_SAMPLE = 4000       # characters of main text sent to langdetect for the document language


@dataclass(frozen=True, slots=True)
class Passage:
    """A unit the caller wants judged: a paragraph, a comment, a quoted block."""

    start: int
    end: int
    text: str
    section: str  # "main" | "comments"


@dataclass(frozen=True, slots=True)
class Guess:
    """What the detector concluded about one passage, flagged or not."""

    lang: str | None        # best guess; None when there was too little to go on
    confidence: float
    letters: int            # weighted letter count, the passage's say in the document language
    how: str                # "target" (quick or function words), "script", "backend", "words"


def evidence(n: float, half: float) -> float:
    """1 - 0.5 ** (n / half): 0 with no text, 0.5 at ``half``, -> 1 with more."""
    return 1.0 - 0.5 ** (n / half) if n > 0 else 0.0


@dataclass(frozen=True, slots=True)
class _Features:
    """Everything cheap about a passage, computed once."""

    text: str
    words: Words
    scripts: Counter[str]
    latin: int                   # Latin letters
    script: str | None           # dominant non-Latin script (CJK merged), if it dominates
    script_letters: int          # letters of that script (unweighted)


class LanguageDetector:
    """Flags passages that are not in ``target``; see :mod:`cleaner.language` for how and why.

    Build one per process and option set: profiles and word tables load once
    (lazily, on the first passage that needs them) and are shared.
    """

    def __init__(self, target: str = "en", min_confidence: float = 0.90, backend: str = "langdetect"):
        self.target = target.lower().split("-")[0]
        self.min_confidence = min_confidence
        self.backend = make_backend(backend)
        self._exclusive = exclusive_words(self.target)
        self._lists = WordLists(sorted(self._exclusive), sorted(foreign_words(self.target)))
        self._last: tuple[tuple[Passage, ...], tuple[list[Flag], str | None]] | None = None

    # -- public API --------------------------------------------------------------
    def forget(self) -> None:
        """Drop the last passages kept for a repeated question: a detector lives as long
        as the process, and they would stay until the next document."""
        self._last = None

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
        samples = self._samples([p.text for p in key])
        for p, sample in zip(key, samples):
            quick = self._quick(p.text, sample)
            f = None if quick else self._features(p.text)
            guess = quick or self._cheap(f)
            # kept only where a later step reads them (a passage still pending, a non-Latin
            # script's letters); the document language counts the others again if it needs
            # them: on a page of many short paragraphs they were the largest holder
            features.append(f if f is not None and (guess.how == "pending" or f.script is not None) else None)
            guesses.append(guess)
        lang = self._document_language(key, features, guesses)
        guesses = [self._resolve(f, g, lang) if g.how == "pending" else g
                   for f, g in zip(features, guesses)]
        flags = [Flag(p.start, p.end, g.lang, round(g.confidence, 4), p.section)
                 for p, g in zip(key, guesses) if self._flagged(g)]
        self._last = (key, (flags, lang))
        return list(flags), lang

    def guess(self, text: str) -> Guess:
        """The verdict on one piece of text on its own (for tools, tests and the bench)."""
        quick = self._quick(text, self._samples([text])[0])
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

    def _samples(self, texts: list[str]) -> list[tuple[int, int, int, int]]:
        """What :meth:`_quick` reads of each text, counted in the engine in one call: the
        lower-case whitespace tokens looked at (every k-th of a long passage: an even
        spread is as telling), those only the target's list has, those only other lists
        have, and their characters."""
        return self._lists.samples(texts, QUICK_SAMPLE) if self._exclusive else [(0, 0, 0, 0)] * len(texts)

    def _quick(self, text: str, sample: tuple[int, int, int, int]) -> Guess | None:
        """Tier one, a few microseconds: the share of a passage's tokens that only the
        target's list has (English: the, and, that, with, which, ...), against those only
        other lists have (der, und, les, que, ...), from :meth:`_samples`. Most paragraphs
        of an article stop here; anything in doubt goes on to the full count."""
        tokens, own, foreign, chars = sample
        if tokens < 3 or own < QUICK_SHARE * tokens:
            return None
        if own < QUICK_RATIO * foreign:
            return None
        if not text.isascii() and compiled(_NON_LATIN).search(text):
            return None   # let the script count decide
        return Guess(self.target, 1.0, chars, "target")

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
        """p * evidence(letters * agreement) * target penalty (see :mod:`cleaner.language`)."""
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
        if 2 * script_letters < total:
            pooled = _pool((f or self._features(p.text)).words for p, f, _ in main)
            t_share = pooled.share(self.target)
            _, other = self._best_other(pooled)
            if t_share >= 0.75 * FAST_SHARE and t_share >= FAST_RATIO * other:
                return self.target
        sample = _sample([f.text if f is not None else clean_text(p.text) for p, f, _ in main], DOC_SAMPLE)
        whole = self._features(sample)
        if whole.script is not None:
            g = self._script_guess(whole)
            return g.lang if g.confidence >= 0.5 else None
        found = self.backend.probabilities(sample)
        if found and found[0][1] >= 0.5:
            return found[0][0]
        return None


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
