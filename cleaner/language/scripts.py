"""Letters outside the Latin script: which script, and which language it points to.

Counts a passage's letters by Unicode block and, when one non-Latin script
dominates, names the language from the script alone (Greek -> el, Hangul -> ko,
kana -> ja) or from tell-tale letters where a script is shared (Cyrillic і/ї
-> uk, ы/э/ё -> ru; Arabic-script پ/چ/گ -> fa), with a prior for how often the
script means that language. Change this file to teach a new script or letter.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from functools import lru_cache


CJK_WEIGHT = 2          # one Han/kana/Hangul character counts as two letters
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
# The patterns here are compiled when first used (:func:`compiled`): a class of letters
# beyond Latin-1 is a slow compile in ``re``, and most pages never need one.
_NON_LATIN = (
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


@lru_cache(maxsize=None)
def compiled(source: str) -> re.Pattern[str]:
    """``re.compile(source)``, once."""
    return re.compile(source)


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
    for ch, n in Counter(compiled(_NON_LATIN).findall(text)).items():
        script = _script_of(ch)
        if script:
            counts[script] += n
    return counts


def _dominant_script(scripts: Counter[str]) -> tuple[str | None, int]:
    """The largest non-Latin script, Han, kana and Hangul merged as 'CJK'."""
    if not scripts:
        return None, 0
    merged: Counter[str] = Counter()
    for script, n in scripts.items():
        merged["CJK" if script in _CJK else script] += n
    script, n = merged.most_common(1)[0]
    return script, n


_CYRILLIC_RULES: list[tuple[str, str, float]] = [
    ("[ђћЂЋ]", "sr", 0.95),
    ("[ѓќѕЃЌЅ]", "mk", 0.95),
    ("[ўЎ]", "be", 0.95),
    ("[әғқңұһӘҒҚҢҰҺ]", "kk", 0.90),
    ("[өүӨҮ]", "mn", 0.80),
    ("[љњџјЉЊЏЈ]", "sr", 0.85),
    ("[їєґЇЄҐіІ]", "uk", 0.97),
    ("[ыэёЫЭЁ]", "ru", 0.97),
    ("[ъЪ](?![еёюяЕЁЮЯ])", "bg", 0.90),
]
_ARABIC_RULES: list[tuple[str, str, float]] = [
    ("[ٹڈڑںےۓ]", "ur", 0.95),
    ("[پچژگیک]", "fa", 0.93),
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
            if compiled(pattern).search(text):
                return lang, prior, True
        return "ru", 0.93, False   # most Cyrillic text is Russian; uk nearly always shows і
    if script == "Arabic":
        for pattern, lang, prior in _ARABIC_RULES:
            if compiled(pattern).search(text):
                return lang, prior, True
        return "ar", 0.95, False
    if script == "Hebrew":
        return ("yi", 0.90, True) if re.search("[װױײ]", text) else ("he", 0.97, False)
    if script == "Devanagari":
        return "hi", 0.90, False
    return "und", 0.0, False
