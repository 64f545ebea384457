"""data/landmarks.tsv: named facilities (universities, airports, streets, prisons, squares...) that
place an event in their town."""
import pytest

from sitrep.evaluate.acled import same_admin1
from sitrep.evaluate.base import main_event
from sitrep.geo import fold
from sitrep.lexicon import load_table
from sitrep.places_tables import town_quarters

KINDS = {"university", "school", "airport", "stadium", "park", "prison", "street", "mall", "market", "hospital", "camp",
         "other"}


def rows() -> list[dict]:
    return load_table("landmarks.tsv", required=["country", "name", "town", "kind"])


def test_every_landmark_names_a_gazetteer_town():
    found = town_quarters()
    for row in rows():
        assert any(t.country == row["country"] and t.name == row["town"]
                   for t in found.get(fold(row["name"]), [])), row


def test_landmark_rows_are_unique_and_of_a_known_kind():
    seen = set()
    for row in rows():
        assert row["kind"] in KINDS, row
        key = (row["country"], fold(row["name"]), row["town"])
        assert key not in seen, row
        seen.add(key)


def test_no_landmark_is_named_like_a_town_or_region_elsewhere():
    """A landmark's name wins over the gazetteer's places of that name where the document names the
    landmark's country, or none: so no row may bear the name of a region, or of a town of 10,000 or more,
    of another country ('Kibuye' is a Rwandan town as well as a Kisumu market)."""
    from sitrep.geo import gazetteer

    gaz = gazetteer()
    for row in rows():
        clash = [p for p in gaz.lookup(row["name"]) if p.country != row["country"]
                 and (p.kind == "admin1" or p.kind == "town" and p.population >= 10_000)]
        assert not clash, (row, clash[:2])


def test_a_landmark_named_in_two_countries_is_read_in_the_document_s_country():
    """'Tahrir Square' is Baghdad's in Iraq and Cairo's in Egypt."""
    from sitrep.places_tables import quarter_of

    assert [t.name for t in quarter_of("Tahrir Square", ["IRQ"])] == ["Baghdad"]
    assert [t.name for t in quarter_of("Tahrir Square", ["EGY"])] == ["Cairo"]


@pytest.mark.model
@pytest.mark.parametrize("text, country, admin1, why", [
    ("Students of Dedan Kimathi University blocked the highway on Tuesday to protest a rise in fees.",
     "KEN", "Nyeri", "a university named after a person, whose campus is in Nyeri"),
    ("Hundreds of inmates rioted at Shimo La Tewa prison on Friday over poor food.",
     "KEN", "Mombasa", "a prison near Mombasa, whose name is no town"),
    ("Taxi drivers protesting a new levy blocked the road to Jomo Kenyatta International Airport.",
     "KEN", "Nairobi", "Nairobi's airport, not a town named Kenyatta"),
    ("Police fired tear gas at hawkers who were demonstrating along Haile Selassie Avenue.",
     "KEN", "Nairobi", "a Nairobi street named after a person"),
    ("Gunmen opened fire on a checkpoint near Aden Adde International Airport, killing two soldiers.",
     "SOM", "Banadir", "Mogadishu's airport, not the Yemeni port of Aden"),
    ("Thousands of protesters gathered at Plaza Italia to demand a new constitution.",
     "CHL", "Santiago Metropolitan", "a square of Santiago, the text naming no country"),
    ("Israeli police arrested three youths near Damascus Gate on Friday.",
     "PSE", "West Bank", "a gate of Jerusalem's Old City, not the Syrian capital"),
    ("Armed herders invaded Sosian Ranch and shot dead a ranch worker.",
     "KEN", "Laikipia", "a ranch, placed at a town near it in its county"),
])
def test_a_landmark_places_the_event_in_its_town(pipeline, text, country, admin1, why):
    result = pipeline.code(text, published="2020-05-09")
    loc = main_event(result).location
    assert (loc.country, loc.admin1) == (country, admin1), why


def village_rows() -> list[dict]:
    return load_table("villages.tsv", required=["country", "name", "town", "admin1"])


def test_every_village_lies_near_a_gazetteer_town_of_its_region_and_is_unknown_to_the_gazetteer():
    """data/villages.tsv lists only places the gazetteer lacks in their country (else the gazetteer's reading would
    be overridden; a namesake abroad, Tanzania's Namanga across the border, stays the reading of a story of its
    own country), and the town each is placed at lies in the region the row states."""
    from sitrep.geo import gazetteer

    gaz, found, seen = gazetteer(), town_quarters(), set()
    for row in village_rows():
        assert not [p for p in gaz.lookup(row["name"]) if p.country == row["country"]], row
        towns = [t for t in found.get(fold(row["name"]), []) if t.country == row["country"]]
        assert towns and towns[0].name == row["town"] and towns[0].admin1 == row["admin1"], (row, towns[:1])
        assert fold(row["name"]) not in seen, row
        seen.add(fold(row["name"]))


@pytest.mark.model
@pytest.mark.parametrize("text, admin1", [
    ("Monitors recorded 14 explosions near Lopaskyne on Tuesday.", "Luhansk"),
    ("Shelling damaged two houses in Hnutove, the village council said.", "Donetsk"),
    ("Monitors recorded 6 explosions near Novolaspa on Friday.", "Donetsk"),
])
def test_a_listed_village_places_its_event_near_its_town(pipeline, text, admin1):
    events = pipeline.code(text, published="2019-06-04").events
    loc = events[0].location
    assert (loc.country, loc.admin1, loc.precision) == ("UKR", admin1, 2), loc


@pytest.mark.model
@pytest.mark.parametrize("text, admin1", [
    ("Angry residents blocked the main road in Chtaura with burning tyres on Monday.", "Beqaa"),
    ("Gunmen clashed inside the Ain el Hilweh camp, wounding three.", "Liban-Sud"),
])
def test_a_listed_lebanese_locality_places_its_event_in_its_governorate(pipeline, text, admin1):
    loc = pipeline.code(text, published="2020-05-04").events[0].location
    assert loc.country == "LBN" and same_admin1("LBN", admin1, loc.admin1), loc


def test_every_town_alias_finds_its_town_and_no_other_place():
    """data/town_aliases.tsv: each spelling finds the town of its row, in its country and region, and nothing else."""
    from sitrep.geo import gazetteer

    gaz = gazetteer()
    rows = load_table("town_aliases.tsv", required=["country", "town", "admin1", "alias"])
    assert rows
    for row in rows:
        found = gaz.lookup(row["alias"])
        assert [(p.name, p.country, p.admin1, p.kind) for p in found] == \
            [(row["town"], row["country"], row["admin1"], "town")], row


@pytest.mark.model
@pytest.mark.parametrize("text, admin1, why", [
    ("Gunmen ambushed a bus near Elwak on Monday, killing two passengers.", "Mandera",
     "a reported spelling of El Wak (town_aliases.tsv)"),
    ("Raiders stole 200 cattle in Loruk on Sunday night.", "Baringo",
     "a Kenyan village GeoNames cities500 lacks (villages.tsv)"),
    ("Militants attacked a police post at Yumbis overnight, killing two officers.", "Garissa", "the same"),
    ("A grenade thrown into a bar in Diani wounded ten people.", "Kwale", "the same, on the south coast"),
    ("Residents of Githurai marched to demand the arrest of a police officer.", "Kiambu",
     "a suburb across Nairobi's boundary, filed where its larger part lies (Ruiru)"),
    ("Traders at Namanga blocked the border road to protest at delays.", "Kajiado",
     "a Kenyan border town whose only gazetteer namesake lies across the border, in a story naming no country"),
])
def test_kenyan_spellings_and_villages_place_the_event(pipeline, text, admin1, why):
    loc = pipeline.code(text, published="2019-06-04").events[0].location
    assert (loc.country, loc.admin1) == ("KEN", admin1), why


def test_every_area_village_has_namesakes_only_outside_its_region():
    """data/area_villages.tsv lists line villages whose names the gazetteer holds elsewhere in the country (else they
    belong in villages.tsv), none of them in the row's region (else the gazetteer's reading would do)."""
    from sitrep.geo import gazetteer

    gaz = gazetteer()
    rows = load_table("area_villages.tsv", required=["country", "name", "admin1"])
    assert rows
    for row in rows:
        same = [p for p in gaz.lookup(row["name"]) if p.country == row["country"] and p.kind == "town"]
        assert same and gaz.admin1(row["admin1"], country=row["country"]), row
        assert all(p.admin1 != row["admin1"] for p in same), row


@pytest.mark.model
@pytest.mark.parametrize("text, admin1, why", [
    ("The OSCE SMM recorded 30 explosions near Serhiivka on Tuesday.", "Donetsk",
     "a line village whose namesakes lie in other oblasts, in a report the mission's cue places in two regions"),
    ("The OSCE SMM recorded 12 bursts of fire near Sokilnyky on Tuesday.", "Luhansk", "the same, in Luhansk"),
    ("The OSCE SMM recorded 4 explosions near Pisky on Monday.", "Donetsk",
     "the line's Pisky by Donetsk airport, not the Poltava village the gazetteer holds"),
    ("The OSCE SMM heard 9 explosions near Molodizhne on Friday.", "Luhansk",
     "a listed line village outranks a large namesake town elsewhere (Poltava's Molodizhne, 44,000 people)"),
    ("Farmers blocked a road in Serhiivka on Tuesday over land prices.", "Poltava",
     "guard: with no cue, the gazetteer's own village stands"),
])
def test_a_line_village_is_read_in_its_region_under_an_area_cue(pipeline, text, admin1, why):
    loc = pipeline.code(text, published="2020-05-05").events[0].location
    assert (loc.country, loc.admin1) == ("UKR", admin1), why


@pytest.mark.model
def test_a_village_namesake_abroad_stays_in_a_story_of_its_country(pipeline):
    """Guard: villages.tsv's Kenyan Namanga does not move the Tanzanian town of a story that names Tanzania."""
    loc = pipeline.code("Tanzanian police arrested twelve traders in Namanga, Tanzania, on Monday.",
                        published="2019-06-04").events[0].location
    assert (loc.country, loc.admin1) == ("TZA", "Arusha"), loc
