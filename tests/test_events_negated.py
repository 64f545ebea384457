"""Events: words that tell no event: an event noun the text says did not happen ('no clashes
were reported', 'without clashes'), a fighting word naming equipment ('combat sorties'), a weapon
naming a unit or a pact ('bomb squad', 'missile pact'), an act folded into another ('an IED
exploded targeting a patrol', 'attacked the farm, abducting two workers').
Sentences written for these tests, coded by the model."""
from __future__ import annotations

import pytest

NOT_HAPPENED = [
    # text, trigger words that must not be an event, why
    ("No clashes were reported in Orlu on Sunday despite the tension between the two parties.", {"clashes"},
     "'no clashes were reported': no battle"),
    ("No arrests have been made after shops were looted in Orlu on Monday night.", {"arrests"},
     "'no arrests have been made': no arrest"),
    ("Soldiers retook the market of Orlu without clashes on Friday.", {"clashes"},
     "'without clashes': no battle"),
    ("The handover of the barracks in Orlu on Friday was free of clashes, a local official said.", {"clashes"},
     "'free of clashes': no battle (events_demo.said_missing, read by events_incident.none_told)"),
    ("Government forces deployed infantry fighting vehicles and battle tanks to the border town of Orlu on Monday.",
     {"fighting", "battle"}, "'fighting vehicles' and 'battle tanks' are equipment, not a fight"),
    ("Two warplanes flew combat sorties over rebel positions near Orlu, dropping bombs on a depot.",
     {"combat"}, "'combat sorties' are air strikes, not a battle"),
    ("The police bomb squad was called to a school in Orlu on Monday after a bag of grenades was discovered there.",
     {"bomb"}, "'bomb squad' is a unit: no bomb went off (events_mention._tested)"),
    ("Norland pulled out of its missile pact with Sudria on Monday.", {"missile"},
     "'missile pact' is an agreement: no missile fired (events_mention._tested)"),
    ("Soldiers found a cache containing grenades and mortar rounds in a house in Orlu on Monday.", {"grenades"},
     "grenades a found cache contains were found, not thrown (events_mention._handled_by)"),
    ("A boiler at a textile factory in Orlu exploded on Monday, injuring six workers. The explosion happened "
     "during the morning shift.", {"explosion"},
     "'the explosion' tells again the boiler's blast, an accident (events_incident.accident_retold)"),
    ("A roadside bomb exploded near Orlu on Monday, targeting a police patrol.", {"targeting"},
     "'targeting' says what the blast aimed at: no second act (events_incident._participle_on)"),
    ("Gunmen attacked a farm near Orlu on Monday night, abducting two workers.", {"attacked"},
     "an attack told by the abduction it made, no one hurt: the abduction (events_incident._abduction_only)"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,words,why", NOT_HAPPENED, ids=[c[-1] for c in NOT_HAPPENED])
def test_words_telling_no_event(pipeline, text, words, why):
    r = pipeline.code(text, id="t", published="2021-03-05")
    assert not [e for e in r.events if e.trigger.text in words and e.acled.event_type], why


@pytest.mark.model
def test_looting_kept_beside_no_arrests(pipeline):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(NOT_HAPPENED[1][0], id="t", published="2021-03-05"))
    assert e is not None and e.acled.sub_event_type == "Looting/property destruction", \
        "the looting told beside 'no arrests' is the event"


@pytest.mark.model
def test_observation_post_set_up_is_a_base(pipeline):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code("The army set up a new observation post near the border village of Orlu on Tuesday.",
                                 id="t", published="2021-03-05"))
    assert e is not None and e.acled.sub_event_type == "Headquarters or base established", \
        "an observation post is a military installation (event_cues v11)"
