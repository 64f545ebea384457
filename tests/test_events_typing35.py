"""Events typing (session 35): demonstrators named by what befell them ('survivors of the clashes')
are no violent crowd; police stopping, blocking or ejecting the crowd or its demonstration is an
intervention; twin explosions are bombs, not a bombardment; 'members' of a named armed group
are that group, no mob. Sentences written for these tests,
coded by the model."""
from __future__ import annotations

import pytest

CASES = [
    # text, event_type, sub_event_type of the main event, why
    ("Survivors of last year's communal clashes held a protest outside the county offices in Oyugis on Monday.",
     "Protests", "Peaceful protest",
     "the clashes name who the crowd are, not what they did (events_demo._crowd_named_by)"),
    ("Widows of the men killed in the raid marched to the county offices in Oyugis on Monday.",
     "Protests", "Peaceful protest",
     "the raid names whose widows the marchers are (events_demo._crowd_named_by)"),
    ("Youths who took part in the clashes held a demonstration in Oyugis on Monday.",
     "Riots", "Violent demonstration",
     "guard: no bereaved word names the crowd, the clash stays the crowd's"),
    ("Police in Oyugis stopped a demonstration against the new county levy on Monday.",
     "Protests", "Protest with intervention",
     "police stopping a demonstration is an intervention (events_demo._halted)"),
    ("Teachers marched to the county offices in Oyugis. Officers blocked them from entering the building.",
     "Protests", "Protest with intervention",
     "officers blocking the marchers is an intervention (events_demo._halted)"),
    ("Traders blocked the main road in Oyugis on Monday to protest the new county levy.",
     "Protests", "Peaceful protest",
     "guard: the crowd blocking a road is its own act, no force on it"),
    ("Cane farmers protested against low sugar prices in Mumias on Monday.", "Protests", "Peaceful protest",
     "'cane' the crop is no caning: the cue is a verb only (event_cues v26)"),
    ("Traders protested in Mumias on Monday. Police caned the protesters.", "Protests", "Protest with intervention",
     "'caned', which the tagger lemmatises as 'can', is read as caning the crowd (event_cues v26)"),
    ("Traders protested in Oyugis on Monday after police stopped them from selling at the old market.",
     "Protests", "Peaceful protest",
     "guard: a halt told as what came before the protest is its cause (events_demo._halted, told_before)"),
    ("On Sunday there was a clash between soldiers and members of the ELN near a village in Narino.",
     "Battles", "Armed clash",
     "members of a named rebel group are that group, no mob (events_typing._group_members)"),
    ("On Sunday, residents clashed with police officers in Pasto.", "Riots", "Mob violence",
     "guard: residents fighting police with no armed group named stay a mob"),
    ("Nine soldiers were injured in twin explosions near the camp in Mandera on Monday.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "twin explosions are a pair of bombs, not a bombardment (event_cues v26 'paired')"),
    ("Nine soldiers were injured in explosions near the camp in Mandera on Monday.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "guard: repeated explosions with no device named stay a bombardment"),
]


@pytest.mark.parametrize("text,event_type,sub,why", CASES, ids=[c[-1] for c in CASES])
def test_typing35(pipeline, text, event_type, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2020-06-05"))
    assert e is not None, why
    assert (e.acled.event_type, e.acled.sub_event_type) == (event_type, sub), why
