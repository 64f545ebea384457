"""PLOVER targets read from the place of the act (stages.implied_actors._target) or from a
capital named as what is struck (events_args._city_struck): whom a town or capital stands
for - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

PLACES = [  # (text, PLOVER type, target (country, sector), why)
    ("Ghana established diplomatic ties and opened a mission in Havana on Friday.",
     "SUPPORT", ("CUB", "GOV"), "ties and an embassy in a capital are with its government, not its people"),
    ("Ugandan opposition groups staged a general strike that brought Gulu to a standstill on Monday.",
     "PROTEST", ("UGA", "GOV"), "a strike halting a town is aimed at its rulers (PLOVER: the protest is against "
                                "the recipient)"),
    ("President Keita threatened to impose a curfew in Gao after unrest in the town.", "THREATEN", ("MLI", "CVL"),
     "guard: a curfew threatened on a town bears on its people"),
    ("Kenyan truck drivers vowed to blockade Nairobi next week over fuel prices.", "THREATEN", ("KEN", "CVL"),
     "a capital named as what is blockaded is the city, its people, not the state its name stands for "
     "(events_args._city_struck)"),
    ("Rebels shelled Kampala on Sunday, killing four people.", "ASSAULT", ("UGA", "CVL"),
     "a capital shelled is its people, as a town shelled is"),
    ("Uganda held talks with Nairobi on Monday about the border.", "CONSULT", ("KEN", "GOV"),
     "guard: a capital one negotiates with is its government"),
]


@pytest.mark.parametrize("text,plover,target,why", PLACES, ids=[c[0][:40] for c in PLACES])
def test_a_place_as_target_is_its_people_or_its_rulers(pipeline, text, plover, target, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == plover, f"{why}: {ev and ev.plover.type}"
    assert [(a.country, a.sector) for a in ev.recipients] == [target], \
        f"{why}: {[a.name for a in ev.recipients]}"


def test_a_blockade_is_aimed_at_whom_its_doers_seek_to_topple(pipeline):
    """'... blocked roads into X as they pressed their campaign to topple the government': with no
    party named as what is blocked, the act is aimed at whom its doers' stated aim is against
    (events_args._own_aims), the government."""
    text = ("Rebels in Mali on Monday blocked roads into Bamako as they pressed their campaign to topple the "
            "government of President Keita.")
    ev = main_event(pipeline.code(text, published="2019-05-02"), ontology="plover")
    assert ev is not None and ("MLI", "GOV") in [(a.country, a.sector) for a in ev.recipients], \
        ev and [a.name for a in ev.recipients]


def test_an_inquiry_into_a_claim_is_aimed_at_whom_the_claim_is_about(pipeline):
    """'will investigate a complaint by X that Y burned ...': the inquiry is aimed at Y, the
    subject of the claim's that-clause (events_args._alleged), not at X who made it."""
    text = "Kenya will investigate a complaint by Somali elders that Al Shabaab burned a market in Mandera."
    ev = next((e for e in pipeline.code(text, published="2019-05-02").events if e.trigger.text == "investigate"), None)
    assert ev is not None and ev.plover.type == "ACCUSE", ev and ev.plover.type
    assert [a.name for a in ev.recipients] == ["Al Shabaab"], [a.name for a in ev.recipients]


def test_a_demand_to_take_a_thing_away_is_aimed_at_whom_it_is_taken_from(pipeline):
    """'demanded that X be taken away from Y': the parser hangs 'from Y' on the particle
    'away', not on the verb (events_args._particle_preps); Y, politicians, are PLOVER
    elites (ELI, titles.tsv v14), not the state that owns the ministry."""
    text = "Trade unions in Malawi demanded that control of the ministry be taken away from Chewa politicians."
    ev = main_event(pipeline.code(text, published="2019-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "REQUEST", ev and ev.plover.type
    assert ("MWI", "ELI") in [(a.country, a.sector) for a in ev.recipients], [a.name for a in ev.recipients]
