"""Place names kept consistent across a document (the sitrep_place_repeats component), Arabic place names
written without their article and places after a sentence's capitalised preposition (sitrep_places). Docs
are built by hand; no model is loaded."""
import pytest
import spacy
from spacy.tokens import Doc, Span

from sitrep.nlp import place_names, repeat_places


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab   # with English lexical attributes (is_title)


def _doc(vocab, text, ents=()):
    """A Doc of space-separated words; ``ents`` are (label, first token, end token)."""
    doc = Doc(vocab, words=text.split())
    doc.ents = [Span(doc, start, end, label=label) for label, start, end in ents]
    return doc


REPEATS = [  # text, NER's entities, expected (text, label) of every entity, why
    ("shelling hit Aleppo ; later Aleppo was calm", [("GPE", 2, 3), ("PERSON", 5, 6)],
     [("Aleppo", "GPE"), ("Aleppo", "GPE")], "a place NER took for a person at its second mention"),
    ("troops entered Aleppo and residents of Aleppo fled", [("GPE", 2, 3)],
     [("Aleppo", "GPE"), ("Aleppo", "GPE")], "a second mention NER missed"),
    ("fighting in Homs ; Homs Province officials met", [("GPE", 2, 3), ("ORG", 4, 7)],
     [("Homs", "GPE"), ("Homs Province officials", "ORG")], "guard: a longer entity holding the name stands"),
    ("raiders struck in Turkana ; Turkana herders fled", [("GPE", 3, 4), ("NORP", 5, 6)],
     [("Turkana", "GPE"), ("Turkana", "NORP")], "guard: a people named like their land keep NORP"),
    ("John Dayton of Dayton , Ohio died ; Dayton served twice", [("PERSON", 0, 2), ("GPE", 3, 4), ("GPE", 5, 6),
                                                                  ("PERSON", 8, 9)],
     [("John Dayton", "PERSON"), ("Dayton", "GPE"), ("Ohio", "GPE"), ("Dayton", "PERSON")],
     "guard: a name a person of the text bears stays as NER read it"),
    ("Aleppo residents said Aleppo was calm", [("PERSON", 0, 1)], [("Aleppo", "PERSON")],
     "guard: with no place mention there is nothing to repeat"),
]


@pytest.mark.parametrize("text,ents,expected,why", REPEATS, ids=[c[0][:30] for c in REPEATS])
def test_place_repeats(vocab, text, ents, expected, why):
    doc = repeat_places(_doc(vocab, text, ents))
    assert [(e.text, e.label_) for e in doc.ents] == expected, why


ARTICLES = [  # text, NER's entities, expected GPE names, why
    ("an airstrike in Raqqah killed two", [("PERSON", 3, 4)], ["Raqqah"],
     "'Ar Raqqah' without its assimilated article is the place"),
    ("clashes near Hasakah on Monday", [], ["Hasakah"], "'Al Hasakah' without its article"),
]


@pytest.mark.parametrize("text,ents,expected,why", ARTICLES, ids=[c[0][:30] for c in ARTICLES])
def test_place_names_without_their_article(vocab, text, ents, expected, why):
    doc = place_names(_doc(vocab, text, ents))
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == expected, why


PREPS = [  # text, NER's entities, sentence starts, expected (text, label), why
    ("Near Palmyra , one strike hit a tank", [("PERSON", 0, 2)], None, [("Palmyra", "GPE")],
     "a capitalised preposition opening a sentence is no part of the place's name"),
    ("a shop called Near Palmyra opened", [("ORG", 3, 5)], [1, 0, 0, 0, 0, 0], [("Near Palmyra", "ORG")],
     "guard: inside a sentence the capitalised word belongs to the name"),
]


@pytest.mark.parametrize("text,ents,starts,expected,why", PREPS, ids=[c[0][:30] for c in PREPS])
def test_place_after_an_opening_preposition(vocab, text, ents, starts, expected, why):
    doc = Doc(vocab, words=text.split(), sent_starts=starts)
    doc.ents = [Span(doc, start, end, label=label) for label, start, end in ents]
    doc = place_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected, why
