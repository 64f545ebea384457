"""Events (issue 4), session 35: who an attack was done to, and the fight it turned into.
Sentences written for these tests, coded by the model; each names the rule it checks."""
from __future__ import annotations

from sitrep.evaluate.base import main_event

PUB = "2021-06-05"


def _main(pipeline, text):
    return main_event(pipeline.code(text, id="t", published=PUB))


def _type(e):
    return (e.acled.event_type, e.acled.sub_event_type) if e is not None else None


def test_attack_that_turns_into_a_fight_is_a_clash(pipeline):
    """An attack whose doers fight someone in the next sentence (events_incident._fight_after):
    the attack met armed force, one armed clash, not one-sided violence beside a battle."""
    e = _main(pipeline, "On 3 June 2021, bandits attacked a hill village to steal goats. "
                        "The bandits clashed with police reservists near the river.")
    assert _type(e) == ("Battles", "Armed clash")


def test_fight_of_other_parties_leaves_the_attack(pipeline):
    """Guard: a fight told of other sides than the attack's doers is another event."""
    e = _main(pipeline, "On 3 June 2021, Al Shabaab militants attacked a hill village, killing two farmers. "
                        "Separately, Ethiopian troops clashed with Kenyan police near the border.")
    assert e is not None and e.trigger.text == "attacked"
    assert _type(e) == ("Violence against civilians", "Attack")


def test_headline_attack_on_police_names_its_target(pipeline):
    """A headline read as one noun phrase ('X attack police officers', the harm word a modifier
    of 'officers'; events_headline.headed_target): the officers are the target, an armed one."""
    e = _main(pipeline, "Armed members of the Mungiki sect attack police officers at a bus stage in Thika")
    assert e is not None and e.trigger.text == "attack"
    assert _type(e) == ("Battles", "Armed clash")


def test_acronym_read_as_a_verb_keeps_the_counted_fighters(pipeline):
    """'killed 6 IS fighters' parsed with '6' the object and 'IS' a verb: the fighters are what
    was counted, an armed target (events_mention._counted)."""
    e = _main(pipeline, "On 3 June 2021, a tribal militia killed 6 IS fighters in a village near the dam.")
    assert _type(e) == ("Battles", "Armed clash")


def test_left_dead_names_the_dead(pipeline):
    """'leaving two gunmen dead': the object of the verb 'dead' completes is who died
    (events_mention._left_dead), armed here."""
    e = _main(pipeline, "On 3 June 2021, a militia operation in the hills east of the lake left two IS gunmen dead.")
    assert _type(e) == ("Battles", "Armed clash")
