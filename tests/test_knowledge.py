"""Actor knowledge files: completeness, validity, date-bounded roles, the user's file."""
import pycountry
import pytest

from sitrep.errors import SitrepError
from sitrep.knowledge import knowledge
from sitrep.lexicon import load_table

SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
           "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"}
KINDS = {"state", "person", "organization", "igo", "armed_group", "group", "unknown"}


def test_every_iso_country_present():
    kb = knowledge()
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in kb.countries]
    assert not missing


@pytest.mark.parametrize("text,iso", [
    ("U.S.", "USA"), ("the United States", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("Azeri", "AZE"),
    ("Turkish", "TUR"), ("Kenyan", "KEN"), ("Somali", "SOM"), ("Israeli", "ISR"), ("Palestinian", "PSE"),
    ("Armenian", "ARM"), ("DRC", "COD"), ("Ivory Coast", "CIV"),
    ("Kampuchea", "KHM"), ("Kampuchean", "KHM"),   # Cambodia's name 1975-1989, still in older wire copy
])
def test_names_and_demonyms(text, iso):
    assert knowledge().country_for(text) == iso


@pytest.mark.parametrize("text,iso,why", [
    ("CAR", "CAF", "the acronym in capitals names the Central African Republic"),
    ("car", None, "the same letters in lower case are the common word"),
    ("Car", None, "capitalised at a sentence's start it is still the word"),
    ("us", None, "the pronoun is no United States"),
    ("US", "USA", "guard: the acronym in capitals"),
    ("U.S.", "USA", "guard: the acronym with dots"),
    ("Chad", "TCD", "guard: a country's own name is matched in any case"),
])
def test_acronym_aliases_only_in_capitals(text, iso, why):
    """An alias countries.tsv writes in capitals is an acronym: it names its country only
    when the text writes it in capitals too. The guard rows must keep their country."""
    assert knowledge().country_for(text) == iso, why


@pytest.mark.parametrize("text,iso", [("Baku", "AZE"), ("Kremlin", "RUS"), ("Washington", "USA"), ("Tehran", "IRN")])
def test_capitals(text, iso):
    assert knowledge().capital_for(text) == iso


@pytest.mark.parametrize("text,iso,why", [
    ("Afganistan", "AFG", "one letter dropped"),
    ("Ethopia", "ETH", "one letter dropped"),
    ("Ugnada", "UGA", "two neighbouring letters swapped"),
    ("Canadda", "CAN", "one letter added"),
    ("Ieland", None, "guard: one slip from both Ireland and Iceland, so neither"),
    ("Kenia", None, "guard: the country name (Kenya) is under six letters, too short to trust one slip"),
    ("Malawi", None, "guard: a name written right is no slip"),
    ("Inland", None, "guard: a slip must keep the first letter (Finland)"),
    ("Americas", None, "guard: a slip must keep the last letter (America)"),
])
def test_misspelt_country(text, iso, why):
    """A country name of six letters or more with one slip inside it; the guard rows must stay None."""
    assert knowledge().misspelt_country(text) == iso, why


def test_data_files_valid():
    kb = knowledge()
    for t in kb.titles.values():
        assert t.sector in SECTORS and t.kind in KINDS and t.role in ("person", "body"), t
        assert t.inter is None or 1 <= t.inter <= 8, t
    for g in kb.groups.values():
        assert g.sector in SECTORS and g.kind in KINDS, g
        assert g.country is None or g.country in kb.countries, g
    for g in kb.igos.values():
        assert all(m in kb.countries for m in g.members), g
        assert g.host is None or g.host in kb.countries, g
    for r in kb.roles:
        assert r.country is None or r.country in kb.countries, r
        assert r.start and (r.end is None or r.start < r.end), r
    for t in kb.territories.values():
        assert t.country in kb.countries, t


@pytest.mark.parametrize("alias,iso,sector,acled", [
    ("KDF", "KEN", "MIL", "Military Forces of Kenya (2022-)"),
    ("Liyu Police", "ETH", "COP", "Police Forces of Ethiopia (2018-) Liyu Police"),
    ("FARDC", "COD", "MIL", "Military Forces of Democratic Republic of the Congo (2019-)"),
    ("IEBC", "KEN", "GOV", "Government of Kenya (2022-)"),   # state bodies of actors_institutions.tsv
    ("Kenya Prison Service", "KEN", "COP", "Police Forces of Kenya (2022-) Prison Guards"),
])
def test_state_forces_by_name(alias, iso, sector, acled):
    """Named national forces (actors_forces.tsv) are their country's state forces, their ACLED
    name a template resolved at the publication date."""
    kb = knowledge()
    g = kb.group_for(alias)
    assert g is not None and (g.kind, g.country, g.sector, g.acled_inter) == ("state", iso, sector, 1), g
    assert kb.acled_name(g.acled_name, g.country, "2023-06-01") == acled


def test_data_files_have_provenance():
    for name in ("countries.tsv", "igos.tsv", "actors_groups.tsv", "actors_forces.tsv", "actors_institutions.tsv", "actors_parties.tsv", "actors_territories.tsv", "titles.tsv",
                 "office_holders.tsv", "relation_cues.tsv", "actors_front_sides.tsv", "actors_private_people.tsv"):
        table = load_table(name)
        assert table.header.get("source") and "known problems" in table.header, name


@pytest.mark.parametrize("name,day,title", [
    ("Putin", "2010-01-01", "Prime Minister"), ("Putin", "2022-09-13", "President"),
    ("Blinken", "2022-09-13", "Secretary of State"), ("Blinken", "2026-01-01", "Secretary of State"),
])
def test_roles_at_date(name, day, title):
    assert knowledge().role_for(name, day).title == title


@pytest.mark.parametrize("name,day,who,why", [
    ("Clinton", "1995-06-01", "Bill Clinton", "a surname two office holders share: the one in office that day"),
    ("Clinton", "2011-06-01", "Hillary Clinton", "the same surname, another office and date"),
    ("Aristide", "1995-03-01", "Jean-Bertrand Aristide", "a person with three separate terms"),
    ("Mitterand", "1990-05-01", "Francois Mitterrand", "a common misspelling is an alias"),
    ("Bouteflika", "2005-06-01", "Abdelaziz Bouteflika", "Algeria's president of 1999-2019"),
])
def test_office_holders_of_past_decades(name, day, who, why):
    role = knowledge().role_for(name, day)
    assert role is not None and role.name == who and role.holds_on(day), why


def test_regime_start_for_acled_names():
    kb = knowledge()
    assert kb.acled_name("Military Forces of {country} ({since}-)", "AZE", "2022-09-13") == "Military Forces of Azerbaijan (2003-)"
    assert kb.acled_name("Protesters ({country})", "ARM", "2022-09-13") == "Protesters (Armenia)"


def test_igos_with_members():
    kb = knowledge()
    for name in ("UN", "EU", "NATO", "AU", "CSTO", "OSCE", "Minsk Group", "ECOWAS", "IGAD", "AMISOM",
                 "Arab League", "GCC", "ASEAN", "SCO"):
        assert kb.igo_for(name) is not None, name
    assert "ARM" in kb.igo_for("CSTO").members


def test_user_file_errors(tmp_path):
    with pytest.raises(SitrepError) as err:
        knowledge(tmp_path / "nope.tsv")
    assert err.value.code.name == "E130"
    bad = tmp_path / "bad.tsv"
    bad.write_text("# source: me\nname\tkind\tcountry\nX\tplanet\tKEN\n", encoding="utf-8")
    with pytest.raises(SitrepError) as err:
        knowledge(bad)
    assert err.value.code.name == "E132"
    bad2 = tmp_path / "bad2.tsv"
    bad2.write_text("# source: me\nname\tkind\tcountry\nX\tperson\tXYZ\n", encoding="utf-8")
    with pytest.raises(SitrepError) as err:
        knowledge(bad2)
    assert err.value.code.name == "E131"


def test_user_file_adds_and_overrides(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("# source: me\nname\taliases\tkind\tcountry\tsector\ttitle\tfrom\tto\n"
                 "Vladimir Putin\tPutin\tperson\tRUS\tGOV\tSupreme Commander\t2000-01-01\t\n"
                 "Ambazonia\tAmbazonian\tstate\tCMR\t\t\t\t\n", encoding="utf-8")
    kb = knowledge(f)
    assert kb.role_for("Putin", "2022-09-13").title == "Supreme Commander", "user rows win"
    assert kb.country_for("Ambazonia") == "CMR"
    assert knowledge().role_for("Putin", "2022-09-13").title == "President", "bundled knowledge unchanged"


def test_countries_file_matches_its_build_script():
    """countries.tsv is generated by scripts/build_countries.py and then edited through it:
    rerunning the script must reproduce the file (no drift from pycountry, no lost edits)."""
    import importlib.util
    from pathlib import Path

    from sitrep.lexicon import DATA_DIR

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_countries.py"
    spec = importlib.util.spec_from_file_location("build_countries", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.build() == (DATA_DIR / "countries.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize("text,country,why", [
    ("ODM", "KEN", "a distinctive acronym"),
    ("Orange Democratic Movement", "KEN", "the full name"),
    ("Pakistan Tehreek-e-Insaf", "PAK", "the full name of a party whose acronym is left out"),
])
def test_parties(text, country, why):
    group = knowledge().group_for(text)
    assert group is not None and (group.country, group.sector) == (country, "PTY"), why


@pytest.mark.parametrize("text,why", [("PTI", "also the Press Trust of India"), ("RPG", "a grenade"),
                                      ("NASA", "the space agency")])
def test_ambiguous_acronyms_are_no_party(text, why):
    assert knowledge().group_for(text) is None, why


@pytest.mark.parametrize("text,day,name,why", [
    ("NASA", "2018-01-01", "National Super Alliance", "Kenya's coalition while it existed"),
    ("NASA", "2012-01-01", None, "before its founding"),
    ("NASA", "2023-01-01", None, "after its successor was launched"),
    ("ANC", "2019-01-01", "Amani National Congress", "a local alias another row holds plainly"),
    ("NASA", None, None, "no day, no reading"),
])
def test_local_aliases_are_date_bounded(text, day, name, why):
    group = knowledge().local_group_for(text, day)
    assert (group.name if group else None) == name, why


@pytest.mark.parametrize("word,known,why", [
    ("shilling", True, "a national currency"),
    ("yen", True, "a national currency (events' MONEY had it, actors' list lacked it)"),
    ("currency", True, "the generic word: 'the Kenyan currency'"),
    ("army", False, "a force a country name qualifies is a party"),
])
def test_currency_words(word, known, why):
    from sitrep.knowledge import currency_words

    assert (word in currency_words()) is known, why


def test_nato_is_a_military_alliance():
    """PLOVER GSR codes NATO IGO + MIL, its troops and its political decisions alike."""
    assert knowledge().igo_for("NATO").sector == "MIL"


@pytest.mark.parametrize("alias,country,inter", [
    ("FPRC", "CAF", 2), ("Maute Group", "PHL", 2), ("TNLA", "MMR", 2), ("Mai-Mai", "COD", 3),
    ("NPFL", "LBR", 2), ("MASSOB", "NGA", 3), ("IPOB", "NGA", 3),
    ("Ahrar al Sham", "SYR", 2), ("JaS", "SYR", 2), ("Faylaq al-Sham", "SYR", 2), ("Hamza Division", "SYR", 2),
    ("Sultan Murad Division", "SYR", 2), ("Ahrar al-Sharqiya", "SYR", 3), ("JWS", "SYR", 2),
    ("Southern Resistance", "YEM", 3), ("CODECO", "COD", 3),
])
def test_armed_groups_added(alias, country, inter):
    g = knowledge().group_for(alias)
    assert g is not None and (g.country, g.acled_inter) == (country, inter)


def test_ambiguous_acronym_left_out():
    """'UPC' is also the Uganda People's Congress: the CAR group is found by its full name only."""
    assert knowledge().group_for("UPC") is None
    assert knowledge().group_for("Union for Peace in the Central African Republic") is not None


def test_regime_start_reads_a_user_head_of_government(tmp_path):
    f = tmp_path / "heads.tsv"
    f.write_text("# source: me\nname\taliases\tkind\tcountry\tsector\ttitle\tfrom\tto\n"
                 "Ana Example\t\tperson\tTUV\tGOV\tPrime Minister\t2019-09-19\t\n", encoding="utf-8")
    assert knowledge().regime_start("TUV", "2020-01-01") is None, "no bundled head of Tuvalu"
    assert knowledge(f).regime_start("TUV", "2020-01-01") == "2019", "a head of the executive from the user's file"
    assert knowledge(f).regime_start("TUV", "2018-01-01") is None, "not yet in office"


def test_title_ends_hold_the_last_word_of_each_title():
    kb = knowledge()
    assert all(phrase.split()[-1] in kb.title_ends for phrase in kb.titles), "actors skips nouns no title ends with"
    assert {"forces", "minister", "protesters"} <= kb.title_ends and "village" not in kb.title_ends


def test_front_sides_table():
    """data/actors_front_sides.tsv: known countries, a side per row, a span of dates, and no
    name on both sides of one line."""
    from sitrep.knowledge import front_sides

    kb = knowledge()
    sides = front_sides()
    assert sides["avdiivka"].held_by == "state" and sides["horlivka"].held_by == "party"
    assert sides["zolote-5"].held_by == "party" and sides["zolote-4"].held_by == "state", "the longer name is its own row"
    for name, side in sides.items():
        assert side.country in kb.countries and side.held_by in ("state", "party"), side
        assert side.start < side.end and 1 <= side.party_inter <= 8, side
