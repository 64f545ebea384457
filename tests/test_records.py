"""Records round-trip through JSON."""
import json

from sitrep.records import (AcledType, Actor, Claim, Document, Event, EventDate, Fatalities, Location,
                            PloverType, Relation, Result, Span)


def make_result() -> Result:
    arm = Actor(id="a1", name="Armenia", kind="state", country="ARM", sector="GOV",
                mentions=[Span("Armenia", 0, 7)])
    aze = Actor(id="a2", name="Azerbaijan", kind="state", country="AZE", sector="GOV")
    ev = Event(id="e1", trigger=Span("clashes", 20, 27), sentence=Span("Armenia ... clashes", 0, 30),
               acled=AcledType("Political violence", "Battles", "Armed clash"),
               plover=PloverType("ASSAULT", None, ["military"]), cameo="19", actors=[aze], recipients=[arm],
               date=EventDate("2022-09-13", "2022-09-13", "day", "Tuesday", Span("Tuesday", 40, 47)),
               location=Location("Armenia", "ARM", None, 40.0, 45.0, 174982, 4, "Armenia"),
               fatalities=Fatalities(49, "at_least", [arm], "at least 49"), status="claimed",
               reported_by=[arm], claim_ids=["c1"], confidence=0.8)
    claim = Claim(id="c1", speaker=arm, verb="said", stance="accuse", text=Span("x", 0, 1), event_ids=["e1"])
    rel = Relation(id="r1", type="defense_treaty", source=arm, target=aze, text=Span("y", 2, 3), since="1997")
    return Result(Document(id="d1", text="Armenia ...", published="2022-09-13"), [arm, aze], [ev], [claim], [rel])


def test_result_round_trips_through_json():
    r = make_result()
    again = Result.from_json(r.to_json())
    assert json.loads(again.to_json()) == json.loads(r.to_json())
    assert again.actors == r.actors and again.document == r.document
    assert again.events[0].fatalities == Fatalities(49, "at_least", [Actor.from_dict(r.actors[0].ref())],
                                                    "at least 49")


def test_embedded_actors_carry_no_mentions():
    d = make_result().to_dict()
    assert "mentions" in d["actors"][0]
    assert "mentions" not in d["events"][0]["recipients"][0]
    assert d["events"][0]["cameo"] == "19"


def test_spec_keys_present():
    ev = make_result().to_dict()["events"][0]
    for key in ("id", "trigger", "sentence", "acled", "plover", "cameo", "actors", "recipients", "date",
                "location", "fatalities", "status", "reported_by", "claim_ids", "confidence"):
        assert key in ev
