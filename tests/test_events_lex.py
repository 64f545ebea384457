"""PLOVER types of the main event from the trigger lexicon (data/event_triggers.tsv,
event_frames.tsv) and the PLOVER manual's definitions - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

TYPES = [  # (text, PLOVER type of the main event, why)
    ("Rebels in the north have sworn to fight until the army leaves the region.", "THREATEN",
     "a vow to fight is the act coded, also when the parser makes 'to fight' an adverbial clause"),
    ("Soldiers demolished three houses in the village on Sunday.", "COERCE",
     "destroying property is COERCE (PLOVER 0.5 mode destroy), not an assault on people"),
]


@pytest.mark.parametrize("text,expected,why", TYPES, ids=[c[0][:40] for c in TYPES])
def test_plover_type(pipeline, text, expected, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None, "the sentence codes an event"
    assert ev.plover.type == expected, f"{why}: got {ev.plover.type} ({ev.reason})"
