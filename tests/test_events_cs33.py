"""Events (issue 4), session 33: which event a report is about. Sentences written for these
tests, coded by the model; each names the rule it checks."""
from __future__ import annotations

import pytest

from sitrep.evaluate.base import main_event

PUB = "2021-06-05"


def _main(pipeline, text):
    return main_event(pipeline.code(text, id="t", published=PUB))


@pytest.mark.parametrize("text,trigger", [
    ("On 3 June 2021, federal police dismantled a heroin lab on a farm outside the town. Four men were arrested.",
     "dismantled a heroin lab"),
    ("On 3 June 2021, soldiers located and destroyed an illegal airstrip near the border.",
     "destroyed an illegal airstrip"),
    ("On 3 June 2021, gunmen destroyed a power pylon outside the town, cutting electricity to the district.",
     "destroyed a power pylon"),
])
def test_installation_dismantled_is_property_destruction(pipeline, text, trigger):
    """An installation taken apart or destroyed (a heroin lab, an illegal airstrip, a pylon)
    is property destruction (codebook: Looting/property destruction); the arrests told with it
    are its aftermath."""
    e = _main(pipeline, text)
    assert e is not None and e.trigger.text == trigger
    assert (e.acled.event_type, e.acled.sub_event_type) == ("Strategic developments", "Looting/property destruction")


def test_dismantle_alone_is_no_destruction(pipeline):
    """'dismantle' is also said of a gang or a network: without an installation named, no
    property destruction."""
    r = pipeline.code("On 3 June 2021, detectives dismantled a car theft ring in the capital.", id="t",
                      published=PUB)
    assert not any(e.acled.sub_event_type == "Looting/property destruction" for e in r.events)


def test_arrests_yield_to_a_seizure(pipeline):
    """Arrests told with property seized or destroyed in the same operation are its
    aftermath: the seizure is the event (as with violence, events_incident.arrests_follow)."""
    e = _main(pipeline, "On 3 June 2021, customs officers arrested two drivers at the port and seized 80 kilograms "
                        "of cocaine hidden in their truck.")
    assert e.acled.sub_event_type == "Looting/property destruction"


def test_grenade_answered_with_gunfire_is_a_clash(pipeline):
    """A grenade thrown at soldiers who opened fire in response (the next sentence): an exchange
    of armed force, an armed clash (codebook: an explosion within a battle is the battle)."""
    e = _main(pipeline, "On 3 June 2021, militants threw a hand grenade at army soldiers in the market. "
                        "The soldiers opened gunfire in response.")
    assert (e.acled.event_type, e.acled.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize("text", [
    "On 3 June 2021, gunmen threw a grenade into a bar and opened fire on the customers.",
    "On 3 June 2021, gunmen threw a grenade into a bar. The gunmen then opened gunfire on the customers.",
])
def test_bombers_own_gunfire_is_no_answer(pipeline, text):
    """Guard: gunfire by the grenade's own throwers is one attack, not a fight back."""
    e = _main(pipeline, text)
    assert e.acled.sub_event_type == "Grenade"
