"""Events typing, rules of sessions 34 and 35: contraband named as cigarettes or spelled 'marihuana',
improvised devices named by their acronyms (RCIED, PBIED), force used on a crowd said as 'used force';
prisoners rioting with no demand or grievance told (mob violence); riots told as background of a
demonstration; demonstrators named by what befell them ('survivors of the clashes') are no violent
crowd; police stopping, blocking or ejecting the crowd or its demonstration is an intervention; twin
explosions are bombs, not a bombardment; 'members' of a named armed group are that group, no mob.
Sentences written for these tests, coded by the model."""
from __future__ import annotations

import pytest

CASES = [
    # text, event_type, sub_event_type of the main event, why
    ("On 3 June, soldiers seized cigarettes hidden in a bus bound for Orlu.",
     "Strategic developments", "Looting/property destruction",
     "cigarettes seized are contraband: a seizure (event_cues v25)"),
    ("On 3 June, customs officers seized cigarettes worth 2 million naira at the border post near Orlu. The driver "
     "was arrested.", "Strategic developments", "Looting/property destruction",
     "cigarettes seized rank above the arrest made with them (event_cues v25)"),
    ("Police seized 300 kilograms of marihuana at a roadblock near Orlu on Monday. The driver was arrested.",
     "Strategic developments", "Looting/property destruction",
     "'marihuana' is another spelling of marijuana, contraband, not a place taken (event_cues v25)"),
    ("On 3 June, an RCIED targeted an army convoy near Afgooye. Two soldiers were killed.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "a radio-controlled IED is an improvised explosive device, as a VBIED is (event_cues v25)"),
    ("Police used force against traders protesting the new market fees in Orlu on Monday.",
     "Protests", "Protest with intervention", "force used on the crowd by the police: an intervention (event_cues v25)"),
    ("Traders protested the new market fees in Orlu on Monday.", "Protests", "Peaceful protest",
     "guard: a protest with no force told stays peaceful"),
    ("Prisoners rioted at Orlu central prison on Monday, setting fire to a kitchen.", "Riots", "Mob violence",
     "prisoners rioting with no demand told: rioting, not a demonstration (events_demo.prison_riot)"),
    ("On 3 June, a prison riot broke out in Orlu central prison and one inmate was stabbed.", "Riots",
     "Mob violence", "a prison riot with no demand told is mob violence (events_demo.prison_riot)"),
    ("Inmates rioted at Orlu prison on Monday, demanding better food.", "Riots", "Violent demonstration",
     "guard: prisoners who demand something are demonstrators"),
    ("Inmates rioted at Orlu prison on Monday over a ban on family visits.", "Riots", "Violent demonstration",
     "guard: prisoners rioting over a grievance are demonstrators (events_demo._cause_told)"),
    ("Teachers marched in Orlu on Monday against unpaid wages. They carried photos of a colleague who was hurt "
     "during riots last year.", "Protests", "Peaceful protest",
     "riots in a clause on someone else are background, not the marchers' rioting (events_demo._riot_before)"),
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
def test_typing(pipeline, text, event_type, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2020-06-05"))
    assert e is not None, why
    assert (e.acled.event_type, e.acled.sub_event_type) == (event_type, sub), why
