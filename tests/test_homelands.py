"""The home regions of peoples (data/homelands.tsv): the place of an event whose text names no place,
only who fought. Sentences written for sitrep."""
import pytest

from sitrep.geo import gazetteer
from sitrep.lexicon import load_table, split
from sitrep.places_tables import home_region


def test_rows_name_known_peoples_and_regions():
    peoples = {r["name"] for r in load_table("actors_ethnic.tsv")}
    gaz = gazetteer()
    for r in load_table("homelands.tsv", required=["people", "country", "admin1"]):
        assert r["people"] in peoples, f"{r['people']} is not in actors_ethnic.tsv"
        for region in split(r["admin1"]):
            assert gaz.admin1(region, country=r["country"]), f"{region} ({r['country']}) is not in the gazetteer"


@pytest.mark.parametrize("text,home", [
    ("Orma and Pokomo youths fought over a watering point.", ("KEN", "Tana River")),
    ("Gabbra herders lost forty camels to raiders.", ("KEN", "Marsabit")),   # an alias from actors_ethnic.tsv
    ("Garre and Degodia elders met after the fighting.", ("KEN", "Mandera")),   # Degodia: Wajir or Mandera
    ("Turkanas accused the raiders of taking their goats.", ("KEN", "Turkana")),   # a plural
    ("Pokot and Turkana raiders exchanged fire.", None),   # no home in common
    ("Kikuyu traders closed their shops.", None),   # several home regions
    ("Soldiers patrolled the market.", None),
])
def test_home_region(nlp, text, home):
    found = home_region(nlp(text))
    assert (found[:2] if found else None) == home


@pytest.mark.parametrize("text,admin1,precision,why", [
    ("Orma and Pokomo herders clashed over grazing land, leaving three dead.", "Tana River", 3,
     "no place named: the peoples' one common home region"),
    ("Orma and Pokomo herders clashed over grazing land in Garsen, leaving three dead.", "Tana River", 1,
     "a place named says where"),
    ("Pokomo farmers clashed with Maasai herders in Nakuru, leaving three dead.", "Nakuru", 1,
     "a place named says where, whatever the peoples' homes"),
    ("Pokot and Turkana raiders clashed over cattle, leaving three dead.", None, None,
     "homes in no common region: no place"),
])
def test_event_placed_at_home_region(pipeline, text, admin1, precision, why):
    ev = pipeline.code(text, published="2012-09-10").events[0]
    loc = ev.location
    assert (loc.admin1 if loc else None, loc.precision if loc else None) == (admin1, precision), why
    if precision == 3:
        assert loc.text in text and "home region" in loc.reason


def test_no_home_region_in_another_country(pipeline):
    result = pipeline.code("In Uganda, Turkana herders clashed with soldiers, leaving two dead.", published="2012-09-10")
    loc = result.events[0].location
    assert loc is None or loc.country == "UGA"
