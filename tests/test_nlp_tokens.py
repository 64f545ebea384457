"""The tokenizer of the loaded pipeline (sitrep.nlp._load): a slash written right after a word is a token
of its own, so the parse does not take "razed/" for one word; dates, URLs and "and/or" stay whole."""
import pytest


@pytest.mark.model
@pytest.mark.parametrize("text, token, why", [
    ("Three homes razed/ 2 were killed.", "/", "a trailing slash ends the word"),
    ("Attacks on 10/04/2019 near the camp.", "10/04/2019", "a date keeps its slashes"),
    ("Supporters and/or members marched.", "and/or", "a slash between words stays inside"),
    ("See http://example.org/news/ for more.", "http://example.org/news/", "a URL stays whole"),
])
def test_slashes(nlp, text, token, why):
    assert token in [t.text for t in nlp.tokenizer(text)], why
