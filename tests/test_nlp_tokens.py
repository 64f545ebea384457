"""The tokenizer of the loaded pipeline (sitrep.nlp._load): a slash written right after a word is a token
of its own, so the parse does not take "razed/" for one word; dates, URLs and "and/or" stay whole. A
numbered reference mark ("[1]") or a bracket glued to a word before a capitalised gloss is cut off the word."""
import pytest


@pytest.mark.model
@pytest.mark.parametrize("text, token, why", [
    ("Three homes razed/ 2 were killed.", "/", "a trailing slash ends the word"),
    ("Attacks on 10/04/2019 near the camp.", "10/04/2019", "a date keeps its slashes"),
    ("Supporters and/or members marched.", "and/or", "a slash between words stays inside"),
    ("See http://example.org/news/ for more.", "http://example.org/news/", "a URL stays whole"),
    ("He was followed by his brother Omar Haddad,[1] who ruled.", "Haddad", "a reference mark after a comma is cut off"),
    ("Its chief was a little-known officer.[3] He resigned.", "officer", "a reference mark after a full stop is cut off"),
    ("Rami Saleh(Arabic: a name) led the unit.", "Saleh", "a bracket glued before a capitalised gloss opens it"),
    ("Members of Don't Let Belgrade D(r)own marched.", "D(r)own", "guard: a bracket inside a word stays"),
    ("A list of links [1] follows.", "[", "guard: a free-standing mark is left to the default rules"),
])
def test_tokens(nlp, text, token, why):
    assert token in [t.text for t in nlp.tokenizer(text)], why
