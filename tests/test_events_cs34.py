"""Events (issue 4), session 34: which event a report is about. Sentences written for these
tests, coded by the model; each names the rule it checks."""
from __future__ import annotations

from sitrep.evaluate.base import main_event

PUB = "2021-06-05"


def _main(pipeline, text):
    return main_event(pipeline.code(text, id="t", published=PUB))


def test_shooting_at_a_gathering_that_is_no_protest_stands_alone(pipeline):
    """Police firing on people gathered for a meeting, no protest said: the gathering is no
    demonstration (events_incident._gathering), so the shooting is not absorbed into it and
    lost with it; it is the report's event."""
    e = _main(pipeline, "On 3 June 2021, police opened fire on youths assembling for a party meeting in the town.")
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
