"""Relations stage: standing relations from own sentences (not the worked example's)."""
import pytest

from sitrep.pipeline import State
from sitrep.records import Document, Result
from sitrep.settings import Settings
from sitrep.stages import actors, relations


@pytest.fixture(scope="module")
def rels(nlp):
    def run(text, published="2023-06-01"):
        doc = nlp(text)
        state = State(doc=doc, result=Result(document=Document(id="t", text=text, published=published)),
                      settings=Settings())
        return relations.run(actors.run(state)).result.relations
    return run


def _pairs(rs, kind):
    return {(r.source.country or r.source.name, r.target.country or r.target.name, r.since) for r in rs if r.type == kind}


CASES = [
    # text, type, (source, target, since) that must be found (either direction for symmetric types), why
    ("Egypt and Sudan signed a military cooperation pact in 2021.", "defense_treaty", ("EGY", "SDN", "2021"),
     "signers named as a conjoined subject, year from 'in 2021'"),
    ("South Korea and the United States fought together in 1950. The two allies signed a mutual defense treaty in 1953.",
     "defense_treaty", ("KOR", "USA", "1953"), "'the two allies' are the two states named before"),
    ("Kazakhstan, Kyrgyzstan and Tajikistan are members of the Collective Security Treaty Organization.",
     "member_of", ("TJK", "Collective Security Treaty Organization", None), "each conjunct is a member"),
    ("France has a military base in Djibouti.", "military_presence", ("FRA", "DJI", None), "a base in a country"),
    ("Turkey deployed 500 troops to Libya last year.", "military_presence", ("TUR", "LBY", None), "troops sent to a country"),
    ("Russia sent peacekeepers to Abkhazia in 2008.", "military_presence", ("RUS", "GEO", None),
     "a disputed territory resolves to its recognised country"),
    ("Qatar brokered a truce between Israel and Hamas.", "mediator", ("QAT", "ISR", None), "'brokered ... between A and B'"),
    ("A Russian-brokered ceasefire between Armenia and Azerbaijan collapsed.", "mediator", ("RUS", "AZE", None),
     "'X-brokered' modifier"),
    ("The truce between Israel and Hamas was mediated by Qatar and Egypt.", "mediator", ("EGY", "ISR", None),
     "passive 'mediated by'"),
    ("Talks between Sudan and South Sudan, mediated by the African Union, resumed.", "mediator",
     ("African Union", "SSD", None), "participle 'mediated by' an organisation"),
    ("Serbia still claims the disputed territory of Kosovo.", "territorial_dispute", ("SRB", "XKX", None),
     "claimant from actors_territories.tsv"),
    ("India and Pakistan both claim Kashmir.", "territorial_dispute", ("IND", "PAK", None), "two claimants of a territory"),
    ("Iran and Syria are close allies.", "alliance", ("IRN", "SYR", None), "'X and Y are allies'"),
    ("Belarus is Russia's closest ally.", "alliance", ("BLR", "RUS", None), "'X is Y's ally'"),
    ("Egyptian President Abdel Fattah al-Sisi, a close ally of Saudi Arabia, spoke on Monday.", "alliance",
     ("EGY", "SAU", None), "apposition 'an ally of X'"),
    ("Hundreds of U.S. troops are stationed in Syria.", "military_presence", ("USA", "SYR", None), "passive 'stationed in'"),
    ("Finland joined NATO in April 2023.", "member_of", ("FIN", "North Atlantic Treaty Organization", None), "'X joined G'"),
    ("Sweden, a member of the European Union, condemned the attack.", "member_of", ("SWE", "European Union", None),
     "apposition 'a member of'"),
]


@pytest.mark.parametrize("text,kind,expected,why", CASES)
def test_relation_found(rels, text, kind, expected, why):
    found = _pairs(rels(text), kind)
    src, tgt, since = expected
    symmetric = kind in ("defense_treaty", "alliance", "territorial_dispute")
    ok = (src, tgt, since) in found or (symmetric and (tgt, src, since) in found)
    assert ok, f"{why}: got {found}"


NEGATIVE = [
    ("Georgia appealed to NATO for help.", "member_of", "Georgia is not a NATO member (igos.tsv)"),
    ("The treaty on trade was signed by Chile and Peru in 2010.", "defense_treaty", "a trade treaty is no defence treaty"),
    ("Officials met in Brussels to discuss the base rate.", "military_presence", "no base in a place"),
]


@pytest.mark.parametrize("text,kind,why", NEGATIVE)
def test_relation_not_found(rels, text, kind, why):
    assert not _pairs(rels(text), kind), why


def test_relation_keeps_its_sentence(rels):
    text = "Officials spoke on Monday. France has a military base in Djibouti."
    r = next(r for r in rels(text) if r.type == "military_presence")
    assert text[r.text.start:r.text.end] == "France has a military base in Djibouti."
    assert r.reason
