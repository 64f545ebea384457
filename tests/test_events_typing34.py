"""Events typing (session 34): contraband named as cigarettes or spelled 'marihuana', improvised
devices named by their acronyms (RCIED, PBIED), force used on a crowd said as 'used force';
prisoners rioting with no demand or grievance told (mob violence); riots told as background of a
demonstration. Sentences written for these tests, coded by the model."""
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
]


@pytest.mark.parametrize("text,event_type,sub,why", CASES, ids=[c[-1] for c in CASES])
def test_typing34(pipeline, text, event_type, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2020-06-05"))
    assert e is not None, why
    assert (e.acled.event_type, e.acled.sub_event_type) == (event_type, sub), why
