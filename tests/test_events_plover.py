"""PLOVER recoding of events (sitrep.events_plover): endings, stopped demonstrations and who
does them - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

ENDINGS = [  # (text, PLOVER type, (actor country, actor sector), why)
    ("President Yoweri Museveni on Monday shortened by two hours the nightly curfew in Kampala.", "CONCEDE",
     ("UGA", "GOV"), "shortening a curfew eases it; the one who eases it is the source, not a stray 'by' phrase"),
    ("Ugandan police prevented a rally staged by teachers in Kampala on Monday.", "COERCE", ("UGA", "COP"),
     "a demonstration stopped short of force is the stopper's restriction"),
]


@pytest.mark.parametrize("text,plover,actor,why", ENDINGS, ids=[c[0][:40] for c in ENDINGS])
def test_an_ended_event_is_done_by_who_ends_it(pipeline, text, plover, actor, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == plover, f"{why}: {ev and ev.plover.type}"
    assert actor in [(a.country, a.sector) for a in ev.actors], f"{why}: {[a.name for a in ev.actors]}"
