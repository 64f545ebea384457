"""The sitrep_places component: gazetteer place names in a place slot become GPE, whatever
NER made of them; elsewhere, and for names the knowledge files hold, NER's label stands."""
import pytest
import spacy
from spacy.tokens import Doc

from sitrep.nlp import common_word, place_names


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab   # with English lexical attributes (is_title)


def _doc(vocab, text, ents=()):
    words = text.split()
    doc = Doc(vocab, words=words)
    spans = []
    for label, phrase in ents:
        toks = phrase.split()
        start = next(i for i in range(len(words)) if words[i:i + len(toks)] == toks)
        spans.append(doc.char_span(doc[start].idx, doc[start + len(toks) - 1].idx + len(toks[-1]), label=label))
    doc.ents = spans
    return doc


CASES = [  # text, NER's entities, expected GPE names, why
    ("Clashes in Al Hudaydah left three dead", [("PERSON", "Al Hudaydah")], ["Al Hudaydah"],
     "after a locative preposition a governorate NER took for a person is a place"),
    ("an IED exploded in Dathinah area ( Mudiyah , Abyan ) on Monday", [], ["Mudiyah", "Abyan"],
     "the place parentheses of a note"),
    ("raiders attacked a village in Nyeri county", [("ORG", "Nyeri")], ["Nyeri"],
     "before an admin word"),
    ("fighting in Wajir and Mandera", [("GPE", "Wajir"), ("ORG", "Mandera")], ["Wajir", "Mandera"],
     "joined by 'and' to a place"),
    ("Turkana raiders stole cattle", [("NORP", "Turkana")], [],
     "a county name outside a place slot keeps NER's label (the ethnic group)"),
    ("protesters marched in Western on Monday", [], [], "a direction word alone is no place"),
]


@pytest.mark.parametrize("text,ents,expected,why", CASES, ids=[c[0][:30] for c in CASES])
def test_place_names(vocab, text, ents, expected, why):
    doc = place_names(_doc(vocab, text, ents))
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == expected, why


def test_actor_names_are_left_alone(vocab):
    doc = place_names(_doc(vocab, "talks in Georgia and with Hamas", [("GPE", "Georgia"), ("ORG", "Hamas")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Georgia", "GPE"), ("Hamas", "ORG")]


@pytest.mark.model
def test_in_the_pipeline(nlp):
    doc = nlp("On 7 May 2020, an IED detonated in Dathinah area (Mudiyah, Abyan), targeting a checkpoint.")
    assert {"Mudiyah", "Abyan"} <= {e.text for e in doc.ents if e.label_ == "GPE"}
    assert "sitrep_places" in nlp.pipe_names


def test_common_words_need_the_lemmatizers_list():
    """``common_word`` reads the English words the loaded pipeline's lemmatizer lists; a vocab without that
    list (a blank pipeline) knows no common words, so nothing is taken for one."""
    doc = spacy.blank("en")("Police officers protested")
    assert not common_word(doc[0])


@pytest.mark.model
def test_common_words_of_the_loaded_pipeline(nlp):
    """The model's lemmatizer lists "police" and "tea", not the Kenyan town of Lodwar."""
    doc = nlp("Police and Tea farmers met Lodwar residents")
    assert common_word(doc[0]) and common_word(doc[2]) and not common_word(doc[4])
