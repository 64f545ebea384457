"""Events (issue 4), session 34: which event a report is about. Sentences written for these
tests, coded by the model; each names the rule it checks."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep.evaluate.base import main_event
from sitrep.events_lex import Hit
from sitrep.events_mention import _keep_hit

PUB = "2021-06-05"


def _main(pipeline, text):
    return main_event(pipeline.code(text, id="t", published=PUB))


def test_shooting_at_a_gathering_that_is_no_protest_stands_alone(pipeline):
    """Police firing on people gathered for a meeting, no protest said: the gathering is no
    demonstration (events_incident._gathering), so the shooting is not absorbed into it and
    lost with it; it is the report's event."""
    e = _main(pipeline, "On 3 June 2021, police opened fire on farmers gathering for a cooperative meeting at the "
                        "depot.")
    assert e is not None and e.trigger.text == "opened fire"
    assert e.acled.event_type == "Violence against civilians"


def test_attack_answered_further_on_is_a_clash(pipeline):
    """The targets' side fighting back told two sentences after the one following the attack
    (events_incident._answered_later): an exchange of armed force, an armed clash."""
    e = _main(pipeline, "On 3 June 2021, bandits shot a shopkeeper in the market. He later died in hospital. "
                        "The bandits escaped. The villagers retaliated.")
    assert (e.acled.event_type, e.acled.sub_event_type) == ("Battles", "Armed clash")


def test_chase_told_further_on_is_no_fight(pipeline):
    """Guard: a chase told that late is the attack's aftermath ('pursued ... did not catch')."""
    e = _main(pipeline, "On 3 June 2021, gunmen attacked a village. A woman was killed. "
                        "Police pursued the gunmen but did not catch them.")
    assert (e.acled.event_type, e.acled.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text,trigger", [
    ("On 3 June 2021, militia members slashed two traders with machetes in the market.", "slashed"),
    ("On 3 June 2021, a herder was speared by raiders near the river.", "speared"),
    ("On 3 June 2021, attackers poured acid on a teacher outside the school.", "poured acid"),
])
def test_cutting_people_is_an_attack(pipeline, text, trigger):
    """Verbs of cutting or piercing done to people, and acid poured on them, are violence
    against them (event_triggers v32)."""
    e = _main(pipeline, text)
    assert e is not None and e.trigger.text == trigger
    assert (e.acled.event_type, e.acled.sub_event_type) == ("Violence against civilians", "Attack")


def test_cutting_things_is_no_attack(pipeline):
    """Guard: what is slashed names no people ('slashed prices'): no event
    (events_mention._cuts_people)."""
    r = pipeline.code("On 3 June 2021, the shop slashed prices by half for the holiday.", id="t", published=PUB)
    assert not any(e.acled.event_type for e in r.events)


def _parsed(vocab, tag):
    """'Crowds near lynched one burglar' parsed as the parser sometimes reads such a line: the
    past-tense verb hung as an adjective on its object."""
    words = ["Crowds", "near", "lynched", "one", "burglar"]
    return Doc(vocab, words=words, tags=["NNS", "IN", tag, "CD", "NN"],
               pos=["NOUN", "ADP", "VERB", "NUM", "NOUN"], lemmas=["crowd", "near", "lynch", "one", "burglar"],
               heads=[0, 0, 4, 4, 1], deps=["ROOT", "prep", "amod", "nummod", "pobj"])


def test_past_tense_misparsed_as_adjective_is_kept(vocab):
    """A finite past tense (VBD) the parser hung on a noun as its adjective is still the verb
    of the sentence: its trigger is kept (a participle, 'Turkish-backed militants', is not)."""
    assert _keep_hit(_parsed(vocab, "VBD"), Hit(2, 3, "mob"))
    assert not _keep_hit(_parsed(vocab, "VBN"), Hit(2, 3, "mob"))
