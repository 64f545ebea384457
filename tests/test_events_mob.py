"""Events typing: mob violence (ACLED Riots) against an attack by an organised armed group
(Violence against civilians), a clash with an organised armed side (Battles) or a violent
demonstration (a crowd split in two, rioters attacking people, violence at a political rally); a
report that tags its crowd's size is a demonstration; heavy machine guns named with the adjective
after the noun, and explosive weapons with small arms fired at a place, are remote violence, no
exchange. Sentences written for these tests, coded by the model."""
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
    ("Two groups of worshippers clashed over who owns a church hall in Kisumu on Sunday.", "Riots", "Mob violence",
     "a clash whose sides are named only as people, nothing armed in the sentence: rioters "
     "(events_typing._crowds_fight)"),
    ("Refugees from two neighbouring countries clashed in the camp after a football game.", "Riots",
     "Mob violence", "refugees fighting each other are a crowd, not armed groups (events_typing._crowds_fight)"),
    ("Soldiers and rebels clashed near Beni on Monday.", "Battles", "Armed clash",
     "guard: a clash with armed sides named stays an armed clash"),
    ("Two rival gangs clashed in a Nairobi slum on Friday.", "Battles", "Armed clash",
     "guard: a gang is an organised armed side, so its clash stays an armed clash"),
    ("Clashes between the two sides left four civilians dead near Beni on Monday.", "Battles", "Armed clash",
     "guard: people named only as the harmed are no side of the clash (events_typing._crowds_fight)"),
    ("Two groups clashed over a disputed plot of land in a village near Kanpur, injuring seven people.",
     "Riots", "Mob violence", "sides named only as two groups, nothing armed told: one crowd split in two "
     "(events_typing._split_crowd)"),
    ("Two groups from the Abbasi community fought with sticks over a water channel near Sukkur, injuring four men.",
     "Riots", "Mob violence",
     "a community named with the two groups is where both come from, no communal militia"),
    ("Two groups of Pokot herders clashed over a water point near Baringo on Monday.", "Battles", "Armed clash",
     "guard: herders named with the groups are communal militias (events_typing._split_crowd)"),
    ("Two groups exchanged gunfire over a plot of land near Kanpur on Monday.", "Battles", "Armed clash",
     "guard: fire exchanged is no crowd's fight"),
    ("Rioters attacked two prison guards who had detained a man in Thika on Friday.", "Riots", "Mob violence",
     "rioters, no demonstrators, attack people (events_typing._rioters_on_people)"),
    ("Rioters attack and injure two reporters in Kisumu.", "Riots", "Mob violence",
     "rioters attack people; the target resolved when its words name none"),
    ("Rioters attacked shops and looted goods in Eldoret on Friday.", "Riots", "Violent demonstration",
     "guard: rioters on property, not people, stay a violent demonstration"),
    ("Supporters of two rival candidates clashed at a rally in Homa Bay. Youths hurled stones at each other.",
     "Riots", "Mob violence", "violence at a political rally, no demonstration (events_demo._rally)"),
    ("Youths stoned cars and injured a photographer after a rally in Siaya ended.", "Riots", "Mob violence",
     "violence told around a rally is rioting outside a demonstration"),
    ("Rowdy youths disrupted the governor's rally in Embu.", "Riots", "Violent demonstration",
     "guard: a crowd only called rowdy at a rally stays a violent demonstration"),
    ("Youths rioted at the campaign rally of the governor in Oyugis.", "Riots", "Violent demonstration",
     "guard: a crowd said to riot at a rally stays a violent demonstration"),
    ("Police and hawkers clashed over the removal of market stalls in Kisumu on Friday.", "Riots", "Mob violence",
     "police and people named together as the clash's subject, nothing armed told: rioters "
     "(events_typing._joint_sides)"),
    ("Evicted traders and security officers engaged in running battles in the centre of Kisumu on Friday.", "Riots",
     "Mob violence", "the forces of a joint subject known from the resolved actor (events_typing._joint_sides)"),
    ("Soldiers and police clashed with rebels near Beni on Monday.", "Battles", "Armed clash",
     "guard: forces on both sides of an armed group stay an armed clash (events_typing._joint_sides)"),
    ("Three members of the sect were killed in a shootout with police in Thika on Friday.", "Battles", "Armed clash",
     "a shootout is fought with guns: no crowd's fight (event_cues v23)"),
    ("Al-Shabab members clashed with police at a border town in Mandera on Friday.", "Battles", "Armed clash",
     "the group spelled 'Al-Shabab' is an armed, non-state group (event_cues v23)"),
    ("On 4 May 2021, foreign nationals clashed with border police officers near Hardiya.", "Riots",
     "Mob violence", "nationals of a country are people, no armed side: rioters fighting police (event_cues v23)"),
    ("On 29 April 2021, rebel militants kidnapped and killed two soldiers in Kohsan district.", "Battles",
     "Armed clash", "soldiers abducted and killed: an attack on an armed side is an armed clash "
     "(events_typing, abduct)"),
    ("On 29 April 2021, gunmen killed a policeman and abducted two traders in the village of Monge.", "Battles",
     "Armed clash", "a policeman killed in the abduction: an armed side attacked (events_typing, abduct)"),
    ("On 29 April 2021, rebel militants kidnapped and killed three farmers in Kohsan district.",
     "Violence against civilians", "Attack", "guard: farmers abducted and killed stay an attack on civilians"),
]

SIZED_AND_FIRED = [
    # text, event_type, sub_event_type of the main event, why
    ("On 4 May 2021, unidentified assailants attacked two shopkeepers near the market in Kanpur, injuring both. "
     "[size=no report]", "Riots", "Mob violence",
     "the crowd size is recorded for demonstrations only: violence typed as an attack is the crowd's "
     "(events_demo.crowd_sized)"),
    ("On 4 May 2021, unidentified assailants attacked two shopkeepers near the market in Kanpur, injuring both.",
     "Violence against civilians", "Attack", "guard: with no size tag the attack stays an attack"),
    ("On 2 May 2021, police arrested nine students who had assembled outside the university gate in Dodoma in "
     "defiance of the ban. [size=9]", "Protests", "Protest with intervention",
     "a strategic development in a report that tags its crowd's size is the demonstration, typed by what "
     "happened to it (events_demo.crowd_sized)"),
    ("On 3 May 2021, a roadside bomb struck a police vehicle near Kanpur, killing two officers. [size=no report]",
     "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "guard: explosions keep their typing whatever the size tag (events_demo.crowd_sized)"),
    ("On 2 May 2021, militiamen fired machine guns, presumably heavy, on farms outside Marib.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "'machine guns, presumably heavy' are heavy machine guns: remote violence (event_cues v24)"),
    ("On 2 May 2021, militiamen fired machine guns on farms outside Marib.",
     "Violence against civilians", "Attack", "guard: machine guns not called heavy stay small arms fire"),
    ("On 3 May 2021, the rebels shelled residential neighbourhoods of Taiz with mortars and rifles.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "mortars and rifles fired at a place with nothing armed named on it: no exchange with an armed side "
     "(events_typing._close_combat)"),
    ("On 3 May 2021, the rebels shelled army positions in Taiz with mortars and rifles.", "Battles", "Armed clash",
     "guard: fired at army positions, mortars with small arms are an exchange (events_typing._close_combat)"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,etype,sub,why", MOBS + SIZED_AND_FIRED, ids=[c[-1] for c in MOBS + SIZED_AND_FIRED])
def test_mob_or_armed_group(pipeline, text, etype, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-06-05"))
    assert e is not None, why
    assert (e.acled.event_type, e.acled.sub_event_type) == (etype, sub), f"{why}: got {e.acled.sub_event_type}"
