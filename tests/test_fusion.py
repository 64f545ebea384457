"""Fusion: differently worded reports of one event become one fused event; distinct
events (another day, another town, another type, one document) never fuse.

All reports below were written for this test suite."""
import pytest

from sitrep.store import Store
from sitrep.store.fusion import fuse_fatalities
from sitrep.store.synthetic import report

ARM_MIL = ("Armenian forces", "state", "ARM", "MIL")
AZE_MIL = ("Azerbaijani forces", "state", "AZE", "MIL")
ARM_MOD = ("Defence Ministry of Armenia", "state", "ARM", "GOV")
AZE_MOD = ("Ministry of Defence of Azerbaijan", "state", "AZE", "GOV")
RUS_MFA = ("Russian Foreign Ministry", "state", "RUS", "GOV")
BATTLE = ("Political violence", "Battles", "Armed clash")
JERMUK = ("Jermuk", "ARM", 1, 39.84, 45.67)
VARDENIS = ("Vardenis", "ARM", 1, 40.18, 45.72)
ARMENIA = (None, "ARM", 4)
MOGADISHU = ("Mogadishu", "SOM", 1, 2.04, 45.34)
BOMB = ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED")
AIR = ("Political violence", "Explosions/Remote violence", "Air/drone strike")
NORTH_FORCES = ("Northern Army", "armed_group", "LBY")
SOUTH_FORCES = ("Southern Accord Forces", "armed_group", "LBY")
SIRTE = ("Sirte", "LBY", 1, 31.21, 16.59)


def clash(**kw):
    base = dict(trigger="clash", type=BATTLE, plover="ASSAULT", date="2022-09-13")
    base.update(kw)
    return base


ONE_EVENT = [  # (doc id, text, published, event) - four voices, one night of fighting
    ("arm-mod", "Armenia's Defence Ministry said Azerbaijani forces attacked Armenian positions near Jermuk "
                "overnight, and that at least 49 soldiers were killed in the clash.", "2022-09-13",
     clash(actors=[AZE_MIL], recipients=[ARM_MIL], place=JERMUK, fatalities=(49, "at_least", [ARM_MIL]),
           claim=(ARM_MOD, "said", "accuse"))),
    ("aze-mod", "Azerbaijan's Ministry of Defence said Armenian forces carried out large-scale provocations on "
                "the border on Tuesday and that its units responded in a clash.", "2022-09-13",
     clash(actors=[ARM_MIL], recipients=[AZE_MIL], place=(None, None, None),
           claim=(AZE_MOD, "said", "accuse"))),
    ("mediator", "The Russian Foreign Ministry said it was alarmed by the clash between Armenian and Azerbaijani "
                 "troops this week and called on both sides to hold fire; about 100 were reported dead.",
     "2022-09-14",
     clash(actors=[ARM_MIL, AZE_MIL], date="2022-09-12", date_end="2022-09-18", precision="week",
           place=ARMENIA, fatalities=(100, "about"), claim=(RUS_MFA, "said", "assert"))),
    ("wire", "Armenian and Azerbaijani forces fought a clash on Armenian territory on Tuesday in which 49 "
             "Armenian soldiers died, officials said.", "2022-09-13",
     clash(actors=[ARM_MIL], recipients=[AZE_MIL], place=ARMENIA, fatalities=(49, "exact", [ARM_MIL]))),
]


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


def add_all(store, specs):
    for doc_id, text, published, *events in specs:
        assert store.add(report(doc_id, text, published=published, events=events))


def test_four_voices_fuse_into_one_event(store):
    add_all(store, ONE_EVENT)
    assert store.count_events() == 1
    ev = store.events()[0]
    assert sorted(ev["sources"]) == sorted(d for d, *_ in ONE_EVENT)
    assert len(ev["mentions"]) == 4
    assert ev["date"]["start"] == "2022-09-13" and ev["date"]["precision"] == "day"
    assert ev["location"]["name"] == "Jermuk", "the most precise place wins"
    assert ev["fatalities"]["count"] == 49 and ev["fatalities"]["corroborated"]
    assert ev["fatalities"]["range"] == [49, 100]
    assert len(ev["claim_ids"]) == 3 and len(ev["reported_by"]) == 3
    assert {p["country"] for p in ev["parties"]} == {"ARM", "AZE"}


def test_each_side_blaming_the_other_is_contested_across_documents(store):
    add_all(store, ONE_EVENT)
    contested = store.claims(contested=True)
    assert {c["speaker"]["country"] for c in contested} == {"ARM", "AZE"}
    arm = next(c for c in contested if c["speaker"]["country"] == "ARM")
    assert [o["speaker"]["country"] for o in arm["opposing"]] == ["AZE"]
    assert arm["opposing"][0]["text"]["text"].startswith("Azerbaijan's Ministry")
    assert store.count_events(contested=True) == 1


def test_fusion_does_not_depend_on_arrival_order(tmp_path):
    a, b = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    add_all(a, ONE_EVENT)
    add_all(b, list(reversed(ONE_EVENT)))
    assert a.count_events() == b.count_events() == 1


TEXT = "Armenian and Azerbaijani forces clashed again, officials said; the fighting was heavy."
DISTINCT = [  # (why, first event, second event, same document?)
    ("same parties, the next day", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK),
     clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK, date="2022-09-14"), False),
    ("same parties, same day, towns 38 km apart", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK),
     clash(actors=[ARM_MIL, AZE_MIL], place=VARDENIS), False),
    ("same parties and day, different countries", clash(actors=[ARM_MIL, AZE_MIL], place=ARMENIA),
     clash(actors=[ARM_MIL, AZE_MIL], place=(None, "AZE", 4)), False),
    ("a clash and a ceasefire agreement", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK),
     clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK, type=("Strategic developments", "Strategic developments",
                                                        "Agreement"), plover="AGREE"), False),
    ("a shelling and a drone strike in the same town", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK,
                                                         type=("Political violence", "Explosions/Remote violence",
                                                               "Shelling/artillery/missile attack")),
     clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK, type=("Political violence", "Explosions/Remote violence",
                                                          "Air/drone strike")), False),
    ("one-country parties and no place on either side", clash(actors=[("Military Forces of Syria", "state", "SYR"),
                                                                     ("Civilians", "group", "SYR")]),
     clash(actors=[("Military Forces of Syria", "state", "SYR"), ("Civilians", "group", "SYR")]), False),
    ("different parties in the same town", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK),
     clash(actors=[("Russian forces", "state", "RUS", "MIL")], recipients=[("Ukrainian forces", "state", "UKR")],
           place=JERMUK), False),
    ("two events of one document", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK),
     clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK), True),
    ("background war in two reports", clash(actors=[ARM_MIL, AZE_MIL], date="2020-09-27", status="historical"),
     clash(actors=[ARM_MIL, AZE_MIL], date="2020-09-27", status="historical"), False),
    ("year-precise dates say too little", clash(actors=[ARM_MIL, AZE_MIL], date="2020-01-01",
                                                 date_end="2020-12-31", precision="year"),
     clash(actors=[ARM_MIL, AZE_MIL], date="2020-01-01", date_end="2020-12-31", precision="year"), False),
    ("two protests in one town, no named parties", clash(type=("Demonstrations", "Protests", "Peaceful protest"),
                                                         plover="PROTEST", actors=[("Protesters", "group", "KEN")],
                                                         place=("Nairobi", "KEN", 1, -1.28, 36.82)),
     clash(type=("Demonstrations", "Protests", "Peaceful protest"), plover="PROTEST",
           actors=[("Protesters", "group", "KEN")], place=("Nairobi", "KEN", 1, -1.29, 36.81)), False),
    ("protests in two cities, no named parties", clash(type=("Demonstrations", "Protests", "Peaceful protest"),
                                                       plover="PROTEST", place=("Nairobi", "KEN", 1, -1.28, 36.82)),
     clash(type=("Demonstrations", "Protests", "Peaceful protest"), plover="PROTEST",
           place=("Mombasa", "KEN", 1, -4.05, 39.67)), False),
    ("same parties and day, a town and a village 11 km away 'near' it",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Jermuk", "ARM", 2, 39.84, 45.67)),
     clash(actors=[ARM_MIL, AZE_MIL], place=("Kaghtsrashen", "ARM", 1, 39.93, 45.72)), False),
    ("two villages the gazetteer lacks, placed at one region's point",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Verin Tsaghkadzor", "ARM", 3, 39.51, 46.34, "Syunik")),
     clash(actors=[ARM_MIL, AZE_MIL], place=("Nerkin Aghbyur", "ARM", 3, 39.51, 46.34, "Syunik")), False),
    ("two villages the gazetteer lacks, placed at one town's point ('near X, Tartar')",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Verin Tsaghkadzor", "ARM", 2, 39.84, 45.67)),
     clash(actors=[ARM_MIL, AZE_MIL], place=("Nerkin Aghbyur", "ARM", 2, 39.84, 45.67)), False),
    ("a village in one region and a town with no admin1 in another",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Nerkin Aghbyur", "ARM", 3, 39.51, 46.34, "Syunik")),
     clash(actors=[ARM_MIL, AZE_MIL], place=("Vardenis", "ARM", 2, 40.18, 45.72)), False),
    ("two shared one-country parties, a town on one side and no place on the other",
     clash(actors=[("Military Forces of Yemen", "state", "YEM"), ("Houthis", "armed_group", "YEM")],
           place=("Marib", "YEM", 1, 15.46, 45.33)),
     clash(actors=[("Military Forces of Yemen", "state", "YEM"), ("Houthis", "armed_group", "YEM")]), False),
    ("two different actors of one country, same town and day",
     clash(actors=[("Police Forces of Somalia", "state", "SOM")], place=MOGADISHU),
     clash(actors=[("Al Shabaab", "armed_group", "SOM")], place=MOGADISHU), False),
    ("one shared actor, and another actor named on each side",
     clash(actors=[("Military Forces of Syria", "state", "SYR")], recipients=[("Hayat Tahrir al-Sham", "armed_group", "SYR")],
           place=("Idlib", "SYR", 1, 35.93, 36.63)),
     clash(actors=[("Military Forces of Syria", "state", "SYR")], recipients=[("Jaysh al-Izza", "armed_group", "SYR")],
           place=("Idlib", "SYR", 1, 35.93, 36.63)), False),
    ("one village name placed at two different towns' points (namesakes)",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Verin Tsaghkadzor", "ARM", 2, 39.84, 45.67)),
     clash(actors=[ARM_MIL, AZE_MIL], place=("Verin Tsaghkadzor", "ARM", 2, 40.18, 45.72)), False),
    ("one-country parties, place unknown on one side", clash(actors=[("Military Forces of Sudan", "state", "SDN")],
                                                             place=("Nyala", "SDN", 1, 12.05, 24.88)),
     clash(actors=[("Military Forces of Sudan", "state", "SDN"), ("Rebels", "armed_group", "SDN")],
           place=(None, "SDN", 4)), False),
    ("two gazetteer towns 4 km apart (suburbs of one city)",
     clash(actors=[("Rioters", "group", "TUN")], recipients=[("Police Forces of Tunisia", "state", "TUN")],
           type=("Demonstrations", "Riots", "Violent demonstration"), plover="PROTEST",
           place=("Oued Ellil", "TUN", 1, 36.834, 10.041, "Manouba", 2464041)),
     clash(actors=[("Rioters", "group", "TUN")], recipients=[("Police Forces of Tunisia", "state", "TUN")],
           type=("Demonstrations", "Riots", "Violent demonstration"), plover="PROTEST",
           place=("Douar Hicher", "TUN", 1, 36.830, 10.090, "Manouba", 2472479)), False),
    ("one-sided strikes with the roles swapped: two raids",
     clash(type=AIR, actors=[NORTH_FORCES], recipients=[SOUTH_FORCES], place=SIRTE),
     clash(type=AIR, actors=[SOUTH_FORCES], recipients=[NORTH_FORCES], place=SIRTE), False),
    ("two-country events at country level sharing only a country, no party",
     clash(type=BOMB, actors=[("Al Shabaab", "armed_group", "SOM")], recipients=[("Kenya", "state", "KEN")],
           place=(None, "KEN", 4)),
     clash(type=BOMB, actors=[("Police Forces of Kenya", "state", "KEN")],
           recipients=[("Civilians (Somalia)", "civilians", "SOM"), ("Somali traders", "group", "SOM")],
           place=(None, "KEN", 4)), False),
]


@pytest.mark.parametrize("why,first,second,same_doc", DISTINCT, ids=[c[0] for c in DISTINCT])
def test_distinct_events_never_fuse(store, why, first, second, same_doc):
    if same_doc:
        store.add(report("d1", TEXT, published="2022-09-13", events=[first, second]))
    else:
        store.add(report("d1", TEXT, published="2022-09-13", events=[first]))
        store.add(report("d2", TEXT + " More later.", published="2022-09-13", events=[second]))
    assert store.count_events() == 2, why


SAME = [  # (why, first, second)
    ("a deadly bombing in one town, no named parties", clash(type=BOMB, place=MOGADISHU, fatalities=(12, "exact")),
     clash(type=BOMB, place=MOGADISHU, fatalities=(20, "at_least"))),
    ("a town and its country, interstate parties", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK),
     clash(actors=[AZE_MIL], recipients=[ARM_MIL], place=ARMENIA)),
    ("one side named by one report, both by the other", clash(actors=[ARM_MIL, AZE_MIL]),
     clash(recipients=[ARM_MIL], place=JERMUK)),
    ("one village the gazetteer lacks, named by both reports",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Verin Tsaghkadzor", "ARM", 3, 39.51, 46.34, "Syunik")),
     clash(actors=[AZE_MIL], recipients=[ARM_MIL], place=("Verin Tsaghkadzor", "ARM", 3, 39.51, 46.34, "Syunik"))),
    ("a village the gazetteer lacks and its region",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Verin Tsaghkadzor", "ARM", 3, 39.51, 46.34, "Syunik")),
     clash(actors=[AZE_MIL], recipients=[ARM_MIL], place=("Syunik", "ARM", 3, 39.51, 46.34, "Syunik"))),
    ("one village the gazetteer lacks, placed in its region, one shared actor",
     clash(type=BOMB, actors=[("Military Forces of Ukraine", "state", "UKR")],
           place=("Verkhnie Zhovte", "UKR", 3, 48.57, 39.31, "Luhansk")),
     clash(type=BOMB, actors=[("Military Forces of Ukraine", "state", "UKR")],
           place=("Verkhnie Zhovte", "UKR", 3, 48.57, 39.31, "Luhansk"))),
    ("a town 'near' and 'in' it", clash(actors=[ARM_MIL, AZE_MIL], place=("Jermuk", "ARM", 2, 39.84, 45.67)),
     clash(actors=[AZE_MIL], recipients=[ARM_MIL], place=JERMUK)),
    ("each side claiming the other struck it: one contested strike",
     clash(type=AIR, actors=[NORTH_FORCES], recipients=[SOUTH_FORCES], place=SIRTE, status="claimed"),
     clash(type=AIR, actors=[SOUTH_FORCES], recipients=[NORTH_FORCES], place=SIRTE, status="claimed")),
    ("a battle told from each side", clash(actors=[NORTH_FORCES], recipients=[SOUTH_FORCES], place=SIRTE),
     clash(actors=[SOUTH_FORCES], recipients=[NORTH_FORCES], place=SIRTE)),
    ("one town listed twice in the gazetteer, under two names at one point",
     clash(actors=[ARM_MIL, AZE_MIL], place=("Stepanakert", "AZE", 1, 39.8153, 46.7519, None, 1001)),
     clash(actors=[ARM_MIL, AZE_MIL], place=("Khankendi", "AZE", 1, 39.8160, 46.7520, None, 1002))),
    ("a day inside a month-precise date", clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK),
     clash(actors=[ARM_MIL, AZE_MIL], place=JERMUK, date="2022-09-01", date_end="2022-09-30", precision="month")),
]


@pytest.mark.parametrize("why,first,second", SAME, ids=[c[0] for c in SAME])
def test_agreeing_mentions_fuse(store, why, first, second):
    store.add(report("d1", TEXT, published="2022-09-13", events=[first]))
    store.add(report("d2", TEXT + " More later.", published="2022-09-13", events=[second]))
    assert store.count_events() == 1, why


def test_two_one_sided_reports_join_through_a_full_one(store):
    """Each of two reports names only the Armenian side; a third names both: one event."""
    store.add(report("d1", TEXT, published="2022-09-13", events=[clash(actors=[AZE_MIL], recipients=[ARM_MIL])]))
    store.add(report("d2", TEXT + " 2.", published="2022-09-13", events=[clash(recipients=[ARM_MIL])]))
    store.add(report("d3", TEXT + " 3.", published="2022-09-13", events=[clash(actors=[ARM_MIL], place=JERMUK)]))
    assert store.count_events() == 1


@pytest.mark.parametrize("counts,expected,corroborated", [
    ([(49, "d1"), (49, "d2"), (10, "d3")], 49, True),   # the lowest figure two sources give
    ([(49, "d1"), (60, "d2")], 49, False),              # none corroborated: the lowest reported
    ([(5, "d1"), (5, "d1"), (7, "d2")], 5, False),      # one source twice is not corroboration
])
def test_fatalities_lowest_corroborated(counts, expected, corroborated):
    fused = fuse_fatalities({"document_id": d, "count": c, "qualifier": "exact"} for c, d in counts)
    assert (fused["count"], fused["corroborated"]) == (expected, corroborated)
    assert fused["range"] == [min(c for c, _ in counts), max(c for c, _ in counts)]
