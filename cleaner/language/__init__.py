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

Where to look: ``detector.py`` (the order of the checks, the confidence, the
document's language), ``scripts.py`` (non-Latin scripts), ``words.py``
(function words), ``backends.py`` (langdetect, py3langid). The pipeline stage
that hands passages to the detector is :mod:`cleaner.stages.language`.
"""
from __future__ import annotations

from .backends import BACKENDS, Backend, LangdetectBackend, Py3langidBackend, make_backend
from .detector import Guess, LanguageDetector, Passage, evidence
from .scripts import script_counts
from .words import Words, clean_text, count_words, stopword_table

__all__ = ["BACKENDS", "Backend", "Guess", "LangdetectBackend", "LanguageDetector", "Passage", "Py3langidBackend",
           "Words", "clean_text", "count_words", "evidence", "make_backend", "script_counts", "stopword_table"]
