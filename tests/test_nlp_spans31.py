"""Entity spans (issue 3): a name that opens with a written-out Arabic article."""
import pytest
import spacy
from spacy.tokens import Doc

from sitrep.nlp import place_names


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _gpes(vocab, text, ents=()):
    words = text.split()
    doc = Doc(vocab, words=words)
    doc.ents = [doc.char_span(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), label=label) for label, i, j in ents]
    return [e.text for e in place_names(doc).ents if e.label_ == "GPE"]


def test_article_alone_is_no_place(vocab):
    # the gazetteer lists a place called "Al"; before another titled word it is only the article
    assert "Al" not in _gpes(vocab, "two drones struck a depot near Al Qatiryah on Friday")


def test_unlisted_article_name_after_preposition_is_a_place(vocab):
    assert _gpes(vocab, "two drones struck a depot near Al Qatiryah on Friday") == ["Al Qatiryah"]
    assert _gpes(vocab, "Near Al Qatiryah , one strike hit a truck", [("PERSON", 0, 3)]) == ["Al Qatiryah"]


def test_article_name_elsewhere_keeps_ner(vocab):
    # not after a preposition of place ("to" introduces a listener, not a place)
    assert _gpes(vocab, "the minister spoke to Al Qatiryah radio", [("ORG", 4, 6)]) == []
    # a group the knowledge files hold stays the group
    assert _gpes(vocab, "the militants of Al Shabaab attacked a camp in Al Shabaab", [("ORG", 3, 5), ("ORG", 9, 11)]) == []
