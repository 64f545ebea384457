"""Events (issue 4), session 32: reports that yielded no event. Sentences written for these
tests, coded by the model; each names the rule it checks."""
from __future__ import annotations

import pytest

from sitrep.evaluate.base import main_event
from sitrep.events_lex import cue_set, triggers

SLIPS = [
    # text, the misspelt trigger, (event_type, sub_event_type) of the main event, why
    ("On 4 June 2021, armed herders attakced three homesteads near the river.", "attakced",
     ("Violence against civilians", "Attack"), "a trigger verb with two letters swapped is still the trigger"),
    ("On 4 June 2021, nurses at the county hospital protestd over unpaid salaries.", "protestd",
     ("Protests", "Peaceful protest"), "a trigger verb with a letter dropped is still the trigger"),
    ("On 4 June 2021, hawkers demonstated against the closure of the old market.", "demonstated",
     ("Protests", "Peaceful protest"), "a slip inside an inflected form ('demonstrated') is read too"),
]


@pytest.mark.parametrize("text,word,types,why", SLIPS, ids=[c[-1] for c in SLIPS])
def test_misspelt_trigger(pipeline, text, word, types, why):
    e = main_event(pipeline.code(text, id="t", published="2021-06-05"))
    assert e is not None and e.trigger.text == word, why
    assert (e.acled.event_type, e.acled.sub_event_type) == types, why


@pytest.mark.parametrize("text,word", [
    ("Villagers were shouting at the chief.", "shouting"),     # a known word one letter from 'shooting'
    ("The Protestd party met on Monday.", "Protestd"),          # capitalised: may be a name
    ("Rebels shot two guards at the gate.", "shot"),            # short words are never corrected
])
def test_slips_only_for_unknown_lower_case_words(pipeline, text, word):
    doc = pipeline.nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert triggers().slip(tok) is None


def test_misspelt_cue_word(pipeline):
    """Cue words are found misspelt too: 'polie' is 'police', an armed state force."""
    doc = pipeline.nlp("Two polie officers were wounded at the checkpoint.")
    tok = next(t for t in doc if t.text == "polie")
    found = cue_set(doc, [tok.i])
    assert {"armed", "state_force"} <= set(found)


@pytest.mark.parametrize("text", [
    "On 5 May 2020, the monitoring team logged 30 explosions close to Zolota Mine.",
    "On 5 May 2020, the monitoring team logged nine explosions in the area of Mine 12, Donetsk.",
])
def test_named_mine_is_no_landmine(pipeline, text):
    """'Mine' in a mine's name is a place: explosions near it with no device named are a
    bombardment, not a landmine."""
    e = main_event(pipeline.code(text, id="t", published="2020-05-06"))
    assert e.acled.sub_event_type == "Shelling/artillery/missile attack"


def test_landmine_in_lower_case_still_read(pipeline):
    e = main_event(pipeline.code("On 5 May 2020, a mine exploded under a truck near Zolota, killing two soldiers.",
                                 id="t", published="2020-05-06"))
    assert e.acled.sub_event_type == "Remote explosive/landmine/IED"



def test_weapon_subject_of_attack_verb_is_one_blast(pipeline):
    """'A roadside bomb targeted a convoy': what the bomb did is the blast, one remote attack;
    the verb is no clash of its own."""
    r = pipeline.code("On 6 May 2021, a roadside bomb targeted an army convoy near the bridge, killing three soldiers.",
                      id="t", published="2021-05-07")
    assert main_event(r).acled.sub_event_type == "Remote explosive/landmine/IED"
    assert [e.acled.event_type for e in r.events if e.acled.event_type] == ["Explosions/Remote violence"]
