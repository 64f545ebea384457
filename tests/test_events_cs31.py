"""Events (issue 4), session 31: incident rules. Sentences written for these tests, coded by
the model; each names the rule it checks."""
from __future__ import annotations

import pytest

from sitrep.evaluate.base import main_event

CASES = [
    # text, event_type, sub_event_type, why
    ("On 4 June 2021, bandits invaded a homestead in the valley and shot a herder dead.",
     "Violence against civilians", "Attack",
     "gunmen invading a home attack the people in it: one-sided violence, no battle"),
    ("On 4 June 2021, government troops invaded the rebel stronghold after heavy fighting.",
     "Battles", "Armed clash", "invading a place armed men hold is still a battle"),
    ("On 4 June 2021, members of Los Zorros beat a shopkeeper in the market square.",
     "Violence against civilians", "Attack",
     "members of a group named by its proper name act as that group, no crowd: one-sided violence"),
    ("On 4 June 2021, members of Los Zorros clashed with police officers near the port.",
     "Battles", "Armed clash", "a named group's members fighting police are an armed side, not rioters"),
    ("On 4 June 2021, supporters of the Green Party beat a rival candidate in the town hall.",
     "Violence against civilians", "Attack", "a named party's supporters are its side (ACLED: a militia), no crowd"),
    ("On 4 June 2021, a local trader was kidnapped by unknown men in the market town. His body was found in a river "
     "three days later.", "Violence against civilians", "Attack",
     "an abduction whose victim is found dead later is an attack (codebook)"),
    ("On 4 June 2021, a school teacher was abducted by gunmen near the border. He was tortured to death days later.",
     "Violence against civilians", "Attack", "an abduction ending in torture and death is an attack (codebook)"),
    ("On 4 June 2021, gunmen abducted two engineers near the mine and demanded a ransom for their release.",
     "Violence against civilians", "Abduction/forced disappearance", "an abduction with no harm told stays one"),
]


@pytest.mark.parametrize("text,et,sub,why", CASES, ids=[c[-1] for c in CASES])
def test_incident_rules(pipeline, text, et, sub, why):
    e = main_event(pipeline.code(text, id="t", published="2021-06-05"))
    assert e is not None, why
    assert (e.acled.event_type, e.acled.sub_event_type) == (et, sub), why

