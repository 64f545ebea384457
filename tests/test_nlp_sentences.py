"""The sentence guard before the parser (sitrep.nlp.no_midline_breaks): no break after a token
that cannot end a sentence on the same line; breaks after a full stop or a line break stay free."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.nlp import no_midline_breaks


def _starts(words, spaces):
    doc = no_midline_breaks(Doc(Vocab(), words=words, spaces=spaces))
    return [t.text for t in doc if t.is_sent_start is False]


def test_a_bracket_after_a_name_opens_no_sentence():
    words = ["Troops", "shelled", "Forces", "[", "BG", "]", "near", "Hulugho", ".", "Then", "quiet", "."]
    spaces = [True, True, True, False, False, True, True, False, True, True, False, False]
    barred = _starts(words, spaces)
    assert "[" in barred and "near" in barred  # mid-line, and a bracket that closes no sentence: no break
    assert "Then" not in barred  # after a full stop the parser decides


def test_a_quote_after_a_full_stop_may_close_the_sentence():
    words = ["He", "said", "\"", "enough", ".", "\"", "Troops", "left", "."]
    spaces = [True, True, False, False, False, True, True, False, False]
    assert "Troops" not in _starts(words, spaces)


def test_a_line_break_or_a_closing_mark_leaves_the_parser_free():
    words = ["Police", "clash", "with", "raiders", "\n", "Ten", "killed", ":", "all", "herders"]
    spaces = [True, True, True, False, False, True, False, True, True, False]
    barred = _starts(words, spaces)
    assert "\n" in barred and "Ten" not in barred and "all" not in barred


@pytest.mark.model
@pytest.mark.parametrize("text, place, why", [
    ("Nine raiders were shot dead by the Kenya Police Reserve [KPR] near the village of Kotile, Tana River. "
     "Their cattle were taken back to Garissa.", "Kotile",
     "the small parser ends a sentence before '[', leaving the place in a verbless fragment"),
])
def test_the_event_keeps_its_bracketed_place(nlp, text, place, why):
    doc = nlp(text)
    first = next(doc.sents)
    assert place in first.text, why


@pytest.mark.model
def test_a_place_name_the_ner_took_for_a_date_is_a_place_in_a_place_slot(nlp):
    """'Dahuk' after 'region of' comes out of the small NER as DATE; a DATE span with no word of time in
    it, which the gazetteer knows, is a place (sitrep.nlp._dateless)."""
    doc = nlp("Turkish jets bombed villages in the Zap region of Dahuk, Northern Iraq, on Sunday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Dahuk") == "GPE", labels
    assert labels.get("Sunday") == "DATE", labels


@pytest.mark.model
def test_a_feast_the_ner_took_for_a_date_stays_a_date_in_a_place_slot(nlp):
    """'in Christmas attack': the feast dates the event; the gazetteer's Christmas (a Florida town) is no
    place here (sitrep.nlp.HOLIDAYS count as words of time)."""
    doc = nlp("Raiders stormed a village and fought the police in Christmas attack.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Christmas") != "GPE", labels


@pytest.mark.model
def test_a_place_name_after_a_lower_case_arabic_article_is_a_place(nlp):
    """'in al-Hasakeh': the small NER calls it a person, and the lower-case article kept the
    gazetteer's name from being read; a known group written so ('al-Shabaab') stays a group."""
    doc = nlp("Turkish-backed rebels shelled Tell Tamr in al-Hasakeh using mortars. No one was hurt.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("al-Hasakeh") == "GPE", labels
    doc = nlp("Fighters of al-Shabaab raided a police post in Mandera on Monday.")
    assert "GPE" not in {e.label_ for e in doc.ents if "Shabaab" in e.text}, doc.ents
