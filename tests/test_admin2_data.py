"""The second-level place table (data/admin2.tsv): its rows name real first-level regions of the
gazetteer (Kenya's counties, Burkina Faso's regions), once each, with an allowed kind."""

from collections import Counter

import pytest

from sitrep.lexicon import load_table

KINDS = {"constituency", "district", "sub-county", "province"}


@pytest.fixture(scope="module")
def table():
    return load_table("admin2.tsv", required=("country", "name", "admin1", "kind", "note"))


@pytest.fixture(scope="module")
def admin1():
    from sitrep.geo import gazetteer

    names: dict[str, set[str]] = {}
    for p in gazetteer().places:
        if p.kind == "admin1":
            names.setdefault(p.country, set()).add(p.name)
    return names


def test_header_has_provenance(table):
    assert table.header.get("source")
    assert table.header.get("licence")
    assert "known problems" in table.header


def test_every_admin1_is_in_the_gazetteer(table, admin1):
    bad = [(r["country"], r["name"], r["admin1"]) for r in table.rows if r["admin1"] not in admin1.get(r["country"], set())]
    assert not bad


def test_no_duplicate_names(table):
    counts = Counter((r["country"], r["name"].casefold()) for r in table.rows)
    assert [k for k, n in counts.items() if n > 1] == []


def test_kinds_are_allowed(table):
    assert {r["kind"] for r in table.rows} <= KINDS


def test_no_name_is_a_county_name(table, admin1):
    # a unit named like its county adds nothing and makes the county ambiguous
    clash = [r["name"] for r in table.rows if r["name"] in admin1.get(r["country"], set())]
    assert clash == []


@pytest.mark.parametrize(
    "name, county, why",
    [
        ("Koibatek", "Baringo", "district before 2013, now Eldama Ravine and Mogotio"),
        ("Trans Mara", "Narok", "district, now Kilgoris and Emurua Dikirr"),
        ("Meru South", "Tharaka", "the Chuka district went to Tharaka-Nithi, not to Meru"),
        ("Kitutu Chache South", "Kisii", "constituency of 2013"),
        ("Kwanza", "Trans Nzoia", "constituency"),
        ("Mbita", "Homa Bay", "constituency of 2013 renamed Suba North"),
    ],
)
def test_known_units(table, name, county, why):
    rows = {r["name"]: r["admin1"] for r in table.rows if r["country"] == "KEN"}
    assert rows.get(name) == county, why


@pytest.mark.parametrize("country, name, region, why", [
    ("PHL", "Cotabato", "Soccsksargen", "the province stayed in Soccsksargen; Cotabato City joined the Bangsamoro region"),
    ("PHL", "Maguindanao", "Autonomous Region in Muslim Mindanao", "a Bangsamoro province"),
    ("PHL", "Samar", "Eastern Visayas", "Samar (Western Samar) province"),
    ("LBN", "Chouf", "Mont-Liban", "a district of Mount Lebanon governorate"),
    ("LBN", "Rashaya", "Beqaa", "a district of Bekaa governorate"),
])
def test_known_units_abroad(table, country, name, region, why):
    rows = {r["name"]: r["admin1"] for r in table.rows if r["country"] == country}
    assert rows.get(name) == region, why
