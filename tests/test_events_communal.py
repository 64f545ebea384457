"""Events typing: doers named by an ethnic group of our tables ('Turkana youths'), or a crowd
whose victims are named by their community ('attacked Samburu herders'), are a communal
militia, not a spontaneous mob; violence told as being between sides ('violence between A and
B', 'inter-clan violence') is fighting in both directions, a clash, not one-sided violence.
Sentences written for these tests, coded by the model."""
from __future__ import annotations

import pytest

CASES = [
    # text, sub_event_type of the main event, why
    ("On 3 March, Turkana youths clashed with police officers in Lokichar.", "Armed clash",
     "youths of an ethnic group fighting police: a communal militia's battle, not mob violence"),
    ("On 3 March, a group of Kikuyu youths clashed with Luo youths in Naivasha.", "Armed clash",
     "a group of an ethnic group's youths fighting another's: communal militias"),
    ("On 3 March, a crowd of youths clashed with police officers in Lokichar.", "Mob violence",
     "youths with no community named and no weapon told: a mob"),
    ("On 3 March, a crowd of youths attacked four Samburu herders near Maralal.", "Attack",
     "a crowd attacking people named by their ethnic group: a communal militia's attack, not a mob's"),
    ("On 3 March, youths attacked two members of a neighbouring community near Maralal.", "Attack",
     "victims named as members of a community: identity violence, not mob violence"),
    ("On 3 March, a crowd of youths attacked four traders near Maralal.", "Mob violence",
     "victims with no community named: the crowd stays a mob"),
    ("On 3 March, a herdsboy was beaten by five Pokot youths at a watering point in Tiaty.", "Attack",
     "doers of a passive named by an ethnic group: a communal militia, though the actor resolves to a crowd"),
    ("On 3 March, an elderly trader was assaulted by a group of Turkana youths at Lokichar market.", "Attack",
     "a group of an ethnic group's youths as the agent: a communal militia, not a mob"),
    ("On 3 March, inter-clan violence broke out near Garbahaarey, leaving four people dead.", "Armed clash",
     "a prefix of mutual action: violence between clans is a clash"),
    ("On 3 March, two herders were killed in violence between Turkana and Pokot herders near Kapedo.",
     "Armed clash", "violence between two named sides: a clash of the sides"),
    ("On 3 March, intercommunal violence in the valley left three people dead.", "Armed clash",
     "the prefix written as one word"),
    ("On 3 March, gunmen killed four villagers in an outbreak of violence near Kapedo.", "Attack",
     "guard: violence with no sides told stays one-sided"),
    ("On 3 March, four traders died in international violence near Kapedo.", "Attack",
     "guard: 'international' is no prefix of mutual action between clans or communities"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,sub,why", CASES, ids=[c[-1] for c in CASES])
def test_ethnic_doers(pipeline, text, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-03-05"))
    assert e is not None and e.acled.sub_event_type == sub, f"{why}: got {e.acled.sub_event_type if e else None}"

