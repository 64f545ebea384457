"""Events typing: mob violence (ACLED Riots) against an attack by an organised armed group
(Violence against civilians). Sentences written for these tests, coded by the model."""
from __future__ import annotations

import pytest

MOBS = [
    # text, event_type, sub_event_type of the main event, why
    ("A vigilante militia beat two men accused of theft in Orlu on Monday.", "Riots", "Mob violence",
     "a vigilante militia is a mob, not an armed group (codebook: vigilante mobs; event_cues v20)"),
    ("Vigilante militia killed three suspected robbers near Orlu market on Sunday night.", "Riots", "Mob violence",
     "a vigilante militia killing suspected robbers: mob justice (event_cues v20)"),
    ("A militia attacked the village of Orlu on Monday and killed four farmers.", "Violence against civilians",
     "Attack", "guard: a militia named alone stays an organised armed group"),
    ("Vigilante crowd attack two foreigners they believed were selling fake medicine", "Riots", "Mob violence",
     "no doer resolved, and the sentence calls people a disorderly crowd and names nothing armed: the crowd's violence "
     "(events_typing._crowd_only_doers)"),
    ("An irate crowd looked on as gunmen attacked a bus near Orlu on Monday.", "Violence against civilians",
     "Attack", "guard: with armed men in the sentence a mob there is not the doer (events_typing._crowd_only_doers)"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,etype,sub,why", MOBS, ids=[c[-1] for c in MOBS])
def test_mob_or_armed_group(pipeline, text, etype, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-06-05"))
    assert e is not None, why
    assert (e.acled.event_type, e.acled.sub_event_type) == (etype, sub), f"{why}: got {e.acled.sub_event_type}"
