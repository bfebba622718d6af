"""langdetect over sparse profiles answers exactly as langdetect over its own."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from cleaner.language.backends import _langdetect_factory
from cleaner.language.profiles import SparseDetector, profile_names, sparse_factory

TEXTS = [
    "The council approved the budget for the new park on Tuesday evening.",
    "Der Gemeinderat hat am Dienstag den Haushalt für den neuen Park beschlossen.",
    "Le conseil municipal a approuvé mardi le budget du nouveau parc.",
    "El ayuntamiento aprobó el martes el presupuesto del nuevo parque.",
    "O conselho aprovou na terça-feira o orçamento do novo parque.",
    "Il consiglio comunale ha approvato martedì il bilancio del nuovo parco.",
    "Rada miasta przyjęła we wtorek budżet nowego parku.",
    "De gemeenteraad keurde dinsdag de begroting voor het nieuwe park goed.",
    "Городской совет во вторник утвердил бюджет нового парка.",
    "市议会周二批准了新公园的预算。",
    "市議会は火曜日に新しい公園の予算を承認した。",
    "Share", "ok", "Kommentare (71)", "12:30", "",
]
FAMILY = ("de", "nl", "en", "fr")


@lru_cache(maxsize=2)
def stock(names: tuple[str, ...] | None) -> DetectorFactory:
    factory = DetectorFactory()
    if names is None:
        factory.load_profile(PROFILES_DIRECTORY)
    else:
        factory.load_json_profile([Path(PROFILES_DIRECTORY, n).read_text(encoding="utf-8") for n in names])
    factory.seed = 0
    return factory


def answer(factory: DetectorFactory, text: str):
    detector = factory.create()
    detector.set_max_text_length(2000)
    detector.append(text)
    try:
        return [(found.lang, found.prob) for found in detector.get_probabilities()]
    except LangDetectException as exc:
        return str(exc)


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_probabilities_as_langdetect_bit_for_bit(text):
    """The backend's own factories (loaded once), all languages and one family."""
    assert answer(_langdetect_factory(None), text) == answer(stock(None), text)
    assert answer(_langdetect_factory(FAMILY), text) == answer(stock(FAMILY), text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeiou nrstlcdmhgbkwyzäöüéèçñßąłżшлмкр日本語中文。,."), max_size=80))
def test_any_text_gets_langdetect_s_own_answer(text):
    assert answer(_langdetect_factory(FAMILY), text) == answer(stock(FAMILY), text)


def test_the_languages_are_numbered_as_langdetect_numbers_them():
    assert sparse_factory(profile_names()).langlist == stock(None).langlist
    assert _langdetect_factory(FAMILY).langlist == list(FAMILY)


def test_an_n_gram_keeps_only_the_languages_it_has_a_probability_for():
    factory = _langdetect_factory(None)
    assert isinstance(factory.create(), SparseDetector)
    entries = factory.word_lang_prob_map["the"]
    languages = entries[0::2]
    assert len(languages) < len(factory.langlist) and all(p > 0 for p in entries[1::2])
    dense = stock(None).word_lang_prob_map["the"]
    assert [dense[i] for i in languages] == list(entries[1::2])
    assert sum(1 for p in dense if p) == len(languages)


def test_a_family_needs_two_profiles():
    with pytest.raises(LangDetectException):
        sparse_factory(["en"])
