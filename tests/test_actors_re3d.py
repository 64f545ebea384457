"""re3d span scorer: pure metric on hand-made spans, and a smoke run on the gold data."""
from conftest import DATA, needs
from sitrep.evaluate import re3d


def test_score_pairs_strict_and_lenient():
    gold = {("Person", 0, 10), ("Location", 20, 25), ("Organisation", 30, 40)}
    pred = {("Person", 0, 10), ("Location", 20, 24), ("Nationality", 50, 57)}
    m = re3d.score_pairs([(gold, pred)])
    assert m["re3d.person_p"].value == 1.0 and m["re3d.person_r"].value == 1.0
    assert m["re3d.location_p"].value == 0.0, "an off-by-one span is wrong when strict"
    assert m["re3d.organisation_r"].value == 0.0 and m["re3d.organisation_p"].value is None
    assert m["re3d.micro_f1"].value < m["re3d.micro_f1_lenient"].value


def test_predicted_leaves_possessive_out(nlp):
    doc = nlp("Syria's President Bashar al-Assad spoke.")
    spans = {doc.text[b:e] for t, b, e in re3d.predicted(doc) if t == "Person"}
    assert "Bashar al-Assad" in spans


@needs(DATA / "re3d")
def test_score_on_gold_sample(pipeline):
    m = re3d.score(pipeline, DATA, limit=5)
    assert set(f"re3d.{t.lower()}_f1" for t in re3d.TYPES) <= set(m)
    assert m["re3d.micro_f1"].n > 0 and m["re3d.micro_f1"].value > 0.2
