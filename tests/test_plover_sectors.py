"""PLOVER sectors of unnamed parties read from titles.tsv (media, religious, education, health;
a state's own media) - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

SECTORS = [  # (text, side, (country, sector) expected on that side, why)
    ("Ugandan newspapers criticised the army for the arrests.", "actors", ("UGA", "JRN"),
     "newspapers are the media (PLOVER JRN), as journalists are"),
    ("Pakistani television stations condemned the ban on the broadcast.", "actors", ("PAK", "JRN"),
     "television stations are the media too"),
    ("Armed men abducted Nigerian clerics on the road to Kaduna.", "recipients", ("NGA", "REL"),
     "clerics are a religious institution's people (REL)"),
    ("Police in Lagos arrested two Nigerian imams after the sermon.", "recipients", ("NGA", "REL"),
     "imams are religious (REL)"),
    ("Kenyan academics demanded higher pay from the government.", "actors", ("KEN", "EDU"),
     "academics are educators (EDU)"),
    ("Ghanaian paramedics demanded protective gear from the health ministry.", "actors", ("GHA", "MED"),
     "paramedics deal with health (MED)"),
    ("Zimbabwean landowners marched to parliament to protest the seizures.", "actors", ("ZWE", "CVL"),
     "landowners own the land, they are not agricultural labour (AGR): civilians (CVL)"),
    ("Peasants in Bihar protested against the land acquisition on Monday.", "actors", ("IND", "AGR"),
     "guard: peasants are agricultural labour (AGR)"),
    ("An official Sudanese newspaper accused Egypt of meddling in the dispute.", "actors", ("SDN", "GOV"),
     "a state's official newspaper speaks for its government: the state itself, not the media"),
    ("Ahmed Benali, a prominent Moroccan human rights activist, began a hunger strike in his cell.", "actors",
     ("MAR", "OPP"), "a human rights activist, apposed to a name, campaigns against a state's abuses: PLOVER's "
     "anti-government activists (OPP)"),
    ("Lebanese police seized rifles and ammunition from Lebanese armed groups near the port.", "recipients",
     ("LBN", "REB"), "armed groups a side names are an organised non-state armed group: PLOVER REB, as militants "
     "and extremists (UAF is kept for the unidentified)"),
    ("The elders urged a ceasefire with Christian forces in the north of Nigeria.", "recipients", ("NGA", "REB"),
     "forces named by a religion are no state's army (MIL) but a non-state armed group (REB)"),
]


@pytest.mark.parametrize("text,side,expected,why", SECTORS, ids=[c[0][:40] for c in SECTORS])
def test_a_title_gives_its_sector(pipeline, text, side, expected, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None, why
    got = [(a.country, a.sector) for a in getattr(ev, side)]
    assert expected in got, f"{why}: {got}"


def test_a_school_attacked_is_a_place_not_a_party(pipeline):
    """Guard: a school (or university, or church) is where an attack happens; it is no
    education party on the recipient side (titles.tsv has no row for the building)."""
    ev = main_event(pipeline.code("Gunmen attacked a school in Maiduguri on Monday.", published="2023-05-02"),
                    ontology="plover")
    assert ev is not None and "EDU" not in [a.sector for a in ev.recipients + ev.actors]


def test_another_activist_is_no_opposition(pipeline):
    """Guard: only a human rights activist is read as the opposition; an activist of another
    cause keeps no sector (the PLOVER manual counts activists among civilians)."""
    ev = main_event(pipeline.code("Ahmed Benali, a prominent Moroccan environmental activist, began a hunger strike in "
                                  "his cell.", published="2023-05-02"), ontology="plover")
    assert ev is not None and "OPP" not in [a.sector for a in ev.actors], ev and [a.name for a in ev.actors]


def test_unidentified_armed_groups_stay_unidentified(pipeline):
    """Guard: an armed group nobody identified is PLOVER's unidentified armed force (UAF),
    not the organised rebels a side's armed groups are."""
    ev = main_event(pipeline.code("An unidentified armed group attacked a village near Garissa.", published="2023-05-02"),
                    ontology="plover")
    assert ev is not None and [a.sector for a in ev.actors] == ["UAF"], ev and [(a.name, a.sector) for a in ev.actors]
