"""Events typing: doers named by an ethnic group of our tables ('Turkana youths') are a
communal militia, not a spontaneous mob. Sentences written for these tests, coded by the model."""
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
]


@pytest.mark.model
@pytest.mark.parametrize("text,sub,why", CASES, ids=[c[-1] for c in CASES])
def test_ethnic_doers(pipeline, text, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-03-05"))
    assert e is not None and e.acled.sub_event_type == sub, f"{why}: got {e.acled.sub_event_type if e else None}"

