"""Language flags (cleaner.language): what gets flagged, what must not, and that it is cheap."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.document import Flag
from cleaner.language import LanguageDetector, Passage

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

ENGLISH = [
    "The joint exercises between the Belarusian and Russian Air Forces, which are currently being held "
    "in Belarus, are of a defensive nature and are a response to the collective threat the two countries face.",
    "From Monday, Russian military aviation personnel will participate in drills with their ally, Belarus. "
    "Until Feb. 1, the drills will encompass practice in aerial surveillance and blocking air raids.",
    # a German name and a quoted German phrase inside English text
    "Chancellor Olaf Scholz told reporters in Berlin that the phrase „Wir schaffen das“ no longer describes "
    "how the government sees the situation, and that new rules would follow in the spring.",
    "There is a word for it in German, Schadenfreude, which means the pleasure you take in someone else's "
    "misfortune; English has simply borrowed it, as it has borrowed kindergarten and angst.",
    "Preheat the oven to 200°C. Mix the flour, the butter and a pinch of salt until the dough is smooth, "
    "then let it rest in the fridge for at least an hour before you roll it out.",
]

FOREIGN = {
    "de": "Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln ab dem kommenden Jahr "
          "gelten sollen. Kritiker werfen ihr vor, die Betroffenen nicht ausreichend angehört zu haben.",
    "fr": "Le gouvernement a annoncé mercredi une série de mesures pour soutenir les ménages les plus "
          "modestes, mais les syndicats estiment que ces annonces ne suffiront pas à compenser la hausse des prix.",
    "sk": "Tak dúfa, hm … stačí aby Banderovské fašistické svine vystrelil ešte aspoň dva krát, ako to už raz "
          "urobili na Bieloruské územie a môžu sa dožiť, že Bielorusko vstúpi do ŠVO ktorú vedie Rusko!!!",
    "es": "El Gobierno aprobó el martes una reforma que permitirá a los ayuntamientos limitar el precio del "
          "alquiler en las zonas más tensionadas, una medida que los propietarios consideran injusta.",
    "it": "Il consiglio comunale ha approvato ieri sera il nuovo piano per il traffico, che prevede la chiusura "
          "del centro storico alle auto private durante i fine settimana e più corse degli autobus.",
    "nl": "De gemeente heeft besloten dat er vanaf volgend jaar geen auto's meer in het centrum mogen rijden, "
          "omdat de luchtkwaliteit in de binnenstad al jaren onder de norm ligt.",
    "pl": "Rząd przyjął we wtorek projekt ustawy, który ma ograniczyć ceny energii dla gospodarstw domowych, "
          "ale według ekspertów nie wystarczy to, aby zatrzymać wzrost kosztów życia.",
}

SCRIPTS = {
    "ru": "Привет, как дела?",
    "el": "Καλημέρα σας, φίλοι μου",
    "ja": "今日は良い天気ですね",
    "zh": "我们今天去公园散步。",
    "ar": "مرحبا بكم في موقعنا",
    "ko": "안녕하세요 반갑습니다",
    "uk": "Привіт, як справи?",
    "he": "שלום לכולם",
    "th": "สวัสดีครับ",
}

SHORT_OR_AMBIGUOUS = [
    "It will end like Afghanistan.",           # langdetect says af
    "Chris Gr",
    "Danke schön!",
    "Ja, genau so.",
    "Warsaw should be nuked first.",
    "Suplentes: Kevin Chamorro, Carlos Villegas.",
    "Best Overall | Best Plus Size Denim | Best Plus Size Activewear",
    "Smith J, Jones K, Brown L. Journal of Applied Physics. 2019;12:34-56.",
]


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


class Counting:
    """A backend stand-in that records calls and delegates."""

    def __init__(self, inner):
        self.inner, self.name, self.calls = inner, inner.name, 0

    def probabilities(self, text, langs=None):
        self.calls += 1
        return self.inner.probabilities(text, langs)


def passages(texts: list[str], section: str = "main") -> list[Passage]:
    out, pos = [], 0
    for text in texts:
        out.append(Passage(pos, pos + len(text), text, section))
        pos += len(text) + 2
    return out


def seed_passages(name: str) -> list[Passage]:
    """The seed split into paragraphs by blank lines, offsets into the file."""
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        stripped = chunk.strip()
        if stripped:
            start = text.index(stripped, pos)
            out.append(Passage(start, start + len(stripped), stripped, "main"))
        pos += len(chunk) + 2
    return out


# ---- what is flagged ---------------------------------------------------------------
def test_english_paragraphs_are_not_flagged(detector):
    assert detector.flags(passages(ENGLISH)) == []


@pytest.mark.parametrize("text", SHORT_OR_AMBIGUOUS)
def test_short_or_ambiguous_text_is_not_flagged(detector, text):
    assert detector.flags(passages([text])) == []


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_clear_foreign_paragraphs_are_flagged_with_their_language(detector, lang):
    flags = detector.flags(passages(ENGLISH[:2] + [FOREIGN[lang]] + ENGLISH[2:]))
    assert [(f.lang, f.start) for f in flags] == [(lang, len(ENGLISH[0]) + len(ENGLISH[1]) + 4)]
    assert flags[0].confidence >= 0.9


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
def test_scripts_are_flagged_even_when_short(detector, lang):
    flags = detector.flags(passages([SCRIPTS[lang]]))
    assert [f.lang for f in flags] == [lang]


def test_english_paragraph_with_a_short_foreign_script_quote_is_not_flagged(detector):
    text = ("The sign over the door said 欢迎 (welcome), and the owner, who had lived in Leeds for "
            "twenty years, insisted that every guest learn to say it before they sat down.")
    assert detector.flags(passages([text])) == []


def test_target_language_flips_the_logic():
    german = LanguageDetector(target="de")
    flags = german.flags(passages([FOREIGN["de"], ENGLISH[0], ENGLISH[4]]))
    assert [f.lang for f in flags] == ["en", "en"]
    assert german.document_language(passages([FOREIGN["de"], FOREIGN["de"]])) == "de"


def test_target_sharing_a_script_needs_a_marked_difference():
    russian = LanguageDetector(target="ru")
    assert russian.flags(passages(["Привет, как дела?"])) == []
    assert [f.lang for f in russian.flags(passages(["Привіт, як справи?"]))] == ["uk"]


def test_sections_pass_through(detector):
    flags = detector.flags(passages([FOREIGN["fr"]], section="comments"))
    assert [(f.lang, f.section) for f in flags] == [("fr", "comments")]


def test_flags_are_flag_objects_with_passage_offsets(detector):
    p = Passage(100, 100 + len(FOREIGN["de"]), FOREIGN["de"], "main")
    [flag] = detector.flags([p])
    assert isinstance(flag, Flag) and (flag.start, flag.end) == (p.start, p.end)


# ---- confidence ---------------------------------------------------------------------
def test_min_confidence_is_respected():
    texts = ENGLISH + list(FOREIGN.values()) + list(SCRIPTS.values())
    loose = LanguageDetector(min_confidence=0.5).flags(passages(texts))
    strict = LanguageDetector(min_confidence=0.97).flags(passages(texts))
    assert all(f.confidence >= 0.97 for f in strict)
    assert {(f.start, f.lang) for f in strict} < {(f.start, f.lang) for f in loose}
    assert LanguageDetector(min_confidence=1.01).flags(passages(texts)) == []


def test_confidence_grows_with_evidence(detector):
    short = detector.guess("Die Regierung hat heute neue Regeln beschlossen, sagt der Minister.")
    long = detector.guess(FOREIGN["de"])
    assert short.lang == long.lang == "de"
    assert short.confidence < long.confidence


def test_half_english_paragraph_is_not_flagged(detector):
    text = ("The minister said the plan was fair and would be explained to every household next week. "
            "Die Opposition hält den Plan für ungerecht und will dagegen klagen.")
    assert detector.flags(passages([text])) == []


# ---- determinism ------------------------------------------------------------------------
def test_results_do_not_depend_on_call_order_or_instance():
    texts = list(FOREIGN.values()) + ["Il a dit oui, puis il est parti sans un mot de plus."]
    one = LanguageDetector(min_confidence=0.0)
    first = [one.guess(t) for t in texts]
    other = LanguageDetector(min_confidence=0.0)
    reverse = [other.guess(t) for t in reversed(texts)][::-1]
    again = [one.guess(t) for t in texts]
    assert first == reverse == again


def test_results_are_the_same_in_another_process(detector):
    text = "Il a dit oui, puis il est parti sans un mot de plus, comme toujours."
    code = ("from cleaner.language import LanguageDetector;"
            f"print(LanguageDetector(min_confidence=0.0).guess({text!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT, env={"PYTHONHASHSEED": "123", "PATH": ""}).stdout.strip()
    assert out == repr(LanguageDetector(min_confidence=0.0).guess(text))


# ---- the seeds -------------------------------------------------------------------------
def test_seed_003_flags_only_the_slovak_comment(detector):
    flags = detector.flags(seed_passages("003"))
    assert len(flags) == 1
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    assert flags[0].lang == "sk"
    assert text[flags[0].start:flags[0].end].startswith("Tak dúfa, hm")


@pytest.mark.parametrize("seed", ["000", "004"])
def test_seeds_000_and_004_have_no_flags(detector, seed):
    assert detector.flags(seed_passages(seed)) == []


def test_document_language(detector):
    assert detector.document_language(seed_passages("000")) == "en"
    assert detector.document_language(passages([FOREIGN["fr"], FOREIGN["fr"]])) == "fr"
    assert detector.document_language(passages(["Chris Gr"])) is None
    assert detector.document_language(passages(["Привет, как дела? Всё хорошо, спасибо."])) == "ru"
    # comments do not decide the document's language
    mixed = passages([ENGLISH[0]]) + passages([FOREIGN["de"]] * 3, section="comments")
    assert detector.document_language(mixed) == "en"


def test_analyse_returns_flags_and_language_together(detector):
    ps = seed_passages("003")
    assert detector.analyse(ps) == (detector.flags(ps), detector.document_language(ps))


# ---- cost ----------------------------------------------------------------------------------
def test_english_text_never_reaches_the_backend():
    det = LanguageDetector()
    det.backend = counting = Counting(det.backend)
    det.analyse(seed_passages("000") + seed_passages("004") + passages(ENGLISH + SHORT_OR_AMBIGUOUS))
    assert counting.calls == 0


def test_non_target_document_needs_few_backend_calls():
    det = LanguageDetector()
    det.backend = counting = Counting(det.backend)
    flags, lang = det.analyse(passages([FOREIGN["de"]] * 10))
    assert lang == "de" and len(flags) == 10
    assert counting.calls == 1   # the document sample; the paragraphs' own words then suffice


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError):
        LanguageDetector(backend="nonesuch")


# ---- optional backend ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def fast_detector() -> LanguageDetector:
    pytest.importorskip("py3langid")
    return LanguageDetector(backend="py3langid")


def test_py3langid_backend_gives_the_same_verdicts(fast_detector):
    for lang, text in FOREIGN.items():
        assert [f.lang for f in fast_detector.flags(passages([text]))] == [lang]
    assert fast_detector.flags(passages(ENGLISH + SHORT_OR_AMBIGUOUS)) == []
    [flag] = fast_detector.flags(seed_passages("003"))
    assert flag.lang == "sk"
