"""The page language chooses which languages' words the rules look for: it must
name the page's language, and say nothing rather than guess on little text."""
from cleaner.document import Document
from cleaner.language.page import detect_page_language, page_language

GERMAN = ("Die Stadt hat am Montag beschlossen, dass der neue Bahnhof nicht vor dem Jahr 2030 "
          "fertig wird. Nach Angaben der Verwaltung sind die Kosten um ein Drittel gestiegen, "
          "und auch die Anwohner haben sich über den Lärm beschwert. ") * 2 + "Rezept drucken\nTeilen"
ENGLISH = ("The council said on Monday that the new station will not be finished before 2030. "
           "According to the administration the costs have risen by a third, and the residents "
           "have complained about the noise as well. ") * 2
FRENCH = ("La ville a décidé lundi que la nouvelle gare ne sera pas terminée avant 2030. Selon "
          "l'administration, les coûts ont augmenté d'un tiers et les riverains se sont plaints "
          "du bruit. ") * 2


def test_names_the_language_of_the_page():
    assert detect_page_language(GERMAN) == "de"
    assert detect_page_language(ENGLISH) == "en"
    assert detect_page_language(FRENCH) == "fr"


def test_says_nothing_on_little_text():
    assert detect_page_language("Teilen\nDrucken\nStartseite") is None
    assert detect_page_language("") is None


def test_a_hint_is_taken_and_a_count_is_kept():
    doc = Document(ENGLISH, hints={"page_language": "de"})
    assert page_language(doc) == "de"
    doc = Document(GERMAN)
    assert page_language(doc) == "de"
    assert doc.hints["page_language"] == "de"


def test_a_long_page_whose_middle_is_plainly_english_is_settled_there():
    from cleaner.language.page import _plainly_english
    assert _plainly_english(ENGLISH * 5)
    assert not _plainly_english(GERMAN * 5) and not _plainly_english(FRENCH * 5)
    menu = "Home\nNews\nSport\n" * 300
    assert detect_page_language(menu + ENGLISH * 30 + menu) == "en"
    assert detect_page_language(menu + GERMAN * 30 + menu) == "de"
