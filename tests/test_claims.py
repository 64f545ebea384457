"""Claims: attribution on hand-built Docs, stances and event links on a hand-built State,
the contested rule on plain claim records, the side-by-side rendering, and the worked
example's claim facts (model test)."""
from __future__ import annotations

import pytest
import yaml
from spacy.tokens import Doc

from conftest import EXAMPLE, needs
from sitrep.claims_attribution import find, lexicon
from sitrep.claims_contest import mark
from sitrep.records import STANCES, Actor, Claim, Event, EventDate, PloverType, Result, Document, Span
from sitrep.render_claims import contested_table
from sitrep.stages import actors as actors_stage
from sitrep.stages import claims as claims_stage


@pytest.fixture
def vocab():
    """An English vocabulary (lexical attributes such as lower_ and is_punct), no model."""
    from spacy.lang.en import English

    return English().vocab


def build(vocab, rows, ents=None):
    """A Doc from (word, lemma, pos, tag, dep, head index) rows; a trailing '.' ends a sentence."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in (".", ",", "'s", "”") and r[0] not in ("“",)
              for i, r in enumerate(rows)]
    return Doc(vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[r[5] for r in rows],
               ents=ents)


MINISTRY_SAID = [  # Armenia 's ministry said Azerbaijani forces shelled towns .
    ("Armenia", "Armenia", "PROPN", "NNP", "poss", 2), ("'s", "'s", "PART", "POS", "case", 0),
    ("ministry", "ministry", "NOUN", "NN", "nsubj", 3), ("said", "say", "VERB", "VBD", "ROOT", 3),
    ("Azerbaijani", "Azerbaijani", "PROPN", "NNP", "compound", 5), ("forces", "force", "NOUN", "NNS", "nsubj", 6),
    ("shelled", "shell", "VERB", "VBD", "ccomp", 3), ("towns", "town", "NOUN", "NNS", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 3),
]

DENIED_AND_SAID = [  # Azerbaijan denied it started the war and said Armenian provocation did .
    ("Azerbaijan", "Azerbaijan", "PROPN", "NNP", "nsubj", 1), ("denied", "deny", "VERB", "VBD", "ROOT", 1),
    ("it", "it", "PRON", "PRP", "nsubj", 3), ("started", "start", "VERB", "VBD", "ccomp", 1),
    ("the", "the", "DET", "DT", "det", 5), ("war", "war", "NOUN", "NN", "dobj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 1), ("said", "say", "VERB", "VBD", "conj", 1),
    ("Armenian", "Armenian", "ADJ", "JJ", "amod", 9), ("provocation", "provocation", "NOUN", "NN", "nsubj", 10),
    ("did", "do", "VERB", "VBD", "ccomp", 7), (".", ".", "PUNCT", ".", "punct", 1),
]

INVERTED = [  # Troops shelled the town , the governor said .
    ("Troops", "troop", "NOUN", "NNS", "nsubj", 1), ("shelled", "shell", "VERB", "VBD", "ccomp", 7),
    ("the", "the", "DET", "DT", "det", 3), ("town", "town", "NOUN", "NN", "dobj", 1),
    (",", ",", "PUNCT", ",", "punct", 7), ("the", "the", "DET", "DT", "det", 6),
    ("governor", "governor", "NOUN", "NN", "nsubj", 7), ("said", "say", "VERB", "VBD", "ROOT", 7),
    (".", ".", "PUNCT", ".", "punct", 7),
]

ACCORDING = [  # According to witnesses , gunmen fired .
    ("According", "accord", "VERB", "VBG", "prep", 5), ("to", "to", "ADP", "IN", "prep", 0),
    ("witnesses", "witness", "NOUN", "NNS", "pobj", 1), (",", ",", "PUNCT", ",", "punct", 5),
    ("gunmen", "gunman", "NOUN", "NNS", "nsubj", 5), ("fired", "fire", "VERB", "VBD", "ROOT", 5),
    (".", ".", "PUNCT", ".", "punct", 5),
]

REPORTED_STRIKES = [  # Officials condemned reported strikes on homes .
    ("Officials", "official", "NOUN", "NNS", "nsubj", 1), ("condemned", "condemn", "VERB", "VBD", "ROOT", 1),
    ("reported", "report", "VERB", "VBN", "amod", 3), ("strikes", "strike", "NOUN", "NNS", "dobj", 1),
    ("on", "on", "ADP", "IN", "prep", 3), ("homes", "home", "NOUN", "NNS", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

DENIED_ACCESS = [  # Police denied journalists access .
    ("Police", "police", "NOUN", "NNS", "nsubj", 1), ("denied", "deny", "VERB", "VBD", "ROOT", 1),
    ("journalists", "journalist", "NOUN", "NNS", "dative", 1), ("access", "access", "NOUN", "NN", "dobj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]

QUOTE_THEN_CONTINUED = [  # “ We hold the line , ” the mayor said . “ We need water . ”
    ("“", '"', "PUNCT", "``", "punct", 2), ("We", "we", "PRON", "PRP", "nsubj", 2),
    ("hold", "hold", "VERB", "VBP", "ccomp", 9), ("the", "the", "DET", "DT", "det", 4),
    ("line", "line", "NOUN", "NN", "dobj", 2), (",", ",", "PUNCT", ",", "punct", 9),
    ("”", '"', "PUNCT", "''", "punct", 9), ("the", "the", "DET", "DT", "det", 8),
    ("mayor", "mayor", "NOUN", "NN", "nsubj", 9), ("said", "say", "VERB", "VBD", "ROOT", 9),
    (".", ".", "PUNCT", ".", "punct", 9),
    ("“", '"', "PUNCT", "``", "punct", 13), ("We", "we", "PRON", "PRP", "nsubj", 13),
    ("need", "need", "VERB", "VBP", "ROOT", 13), ("water", "water", "NOUN", "NN", "dobj", 13),
    (".", ".", "PUNCT", ".", "punct", 13), ("”", '"', "PUNCT", "''", "punct", 13),
]


def _text(doc, rng):
    return doc[rng[0]:rng[1]].text


@pytest.mark.parametrize("rows, speaker, verb, stance, content, why", [
    (MINISTRY_SAID, "ministry", "say", "assert", "Azerbaijani forces shelled towns", "X said Y (ccomp)"),
    (INVERTED, "governor", "say", "assert", "Troops shelled the town", "content before 'X said'"),
    (ACCORDING, "witnesses", "according to", "assert", "gunmen fired", "according to X, Y"),
    (DENIED_ACCESS, None, None, None, None, "'denied access' is not a report"),
])
def test_attribution_table(vocab, rows, speaker, verb, stance, content, why):
    doc = build(vocab, rows)
    found = find(doc)
    if verb is None:
        assert found == [], why
        return
    a = next(a for a in found if a.verb == verb)
    assert (doc[a.speaker].text if a.speaker is not None else None) == speaker, why
    assert a.stance == stance, why
    assert _text(doc, a.content) == content, why


def test_conjoined_verb_inherits_subject(vocab):
    doc = build(vocab, DENIED_AND_SAID)
    found = find(doc)
    assert [(a.verb, a.stance, doc[a.speaker].text, a.how) for a in found] == [
        ("deny", "deny", "Azerbaijan", "subject"), ("say", "assert", "Azerbaijan", "inherited")]
    assert _text(doc, found[0].content) == "it started the war"
    assert _text(doc, found[1].content) == "Armenian provocation did"


def test_participle_is_an_unattributed_report(vocab):
    doc = build(vocab, REPORTED_STRIKES)
    found = {a.verb: a for a in find(doc)}
    report = found["report"]
    assert report.speaker is None and report.how == "unattributed"
    assert _text(doc, report.content) == "strikes on homes"
    assert found["condemn"].stance == "accuse" and doc[found["condemn"].speaker].text == "Officials"


def test_quote_sentence_continues_the_previous_speaker(vocab):
    doc = build(vocab, QUOTE_THEN_CONTINUED)
    found = find(doc)
    assert len(found) == 2
    first, second = found
    assert doc[first.speaker].text == "mayor" and first.quoted
    assert second.how == "continued" and second.speaker == first.speaker
    assert _text(doc, second.content) == "We need water"


def test_lexicon_stances_are_valid():
    lex = lexicon()
    assert {r["stance"] for r in lex.verbs.values()} <= set(STANCES)
    assert {"say", "deny", "accuse", "urge", "claim", "report", "tell", "warn"} <= set(lex.verbs)
    assert "according to" in lex.kind("source_prep")


def test_unknown_stance_in_a_data_file_is_a_coded_error(tmp_path):
    from sitrep.errors import SitrepError

    bad = tmp_path / "verbs.tsv"
    bad.write_text("# source: test\nlemma\tstance\tcontent_preps\trequires\tobject_is_content\n"
                   "say\tassert\t\t\tyes\nmutter\tgrumble\t\t\tyes\n")
    with pytest.raises(SitrepError) as err:
        lexicon(str(bad))
    assert err.value.reason == "E180" and "grumble" in str(err.value)


# ---------------------------------------------------------------- the stage on a hand-built State

class _State:
    def __init__(self, doc, actors, token_actor, events=(), published="2024-03-05"):
        self.doc = doc
        self.result = Result(document=Document(id="t", text=doc.text, published=published),
                             actors=list(actors), events=list(events))
        self.scratch = {"token_actor": token_actor}
        self.settings = None


ARM = Actor(id="a1", name="Armenia", kind="state", country="ARM", sector="GOV")
AZE = Actor(id="a2", name="Azerbaijan", kind="state", country="AZE", sector="GOV")


def _event(doc, i, eid, actors=(), ptype="ASSAULT", status="asserted"):
    t = doc[i]
    sent = t.sent
    return Event(id=eid, trigger=Span(t.text, t.idx, t.idx + len(t.text)),
                 sentence=Span(sent.text, sent.start_char, sent.end_char), plover=PloverType(type=ptype),
                 actors=list(actors), date=EventDate(start="2024-03-05"), status=status)


@pytest.fixture
def no_resolver(monkeypatch):
    """Test this stage's own speaker fallback, whatever the actors stage offers."""
    monkeypatch.delattr(actors_stage, "resolve_phrase", raising=False)


def test_stage_links_events_and_accuses_the_other_side(vocab, no_resolver):
    doc = build(vocab, MINISTRY_SAID)
    shelling = _event(doc, 6, "e1", actors=[AZE])
    state = _State(doc, [ARM, AZE], {0: "a1", 4: "a2"}, [shelling])
    claims_stage.run(state)
    [claim] = state.result.claims
    assert claim.speaker.country == "ARM"                 # "Armenia's ministry": the country in the phrase
    assert claim.stance == "accuse"                       # an Azerbaijani act told by Armenia
    assert claim.event_ids == ["e1"] and claim.cue.text == "said"
    assert shelling.status == "claimed" and [a.id for a in shelling.reported_by] == ["a1"]
    assert shelling.claim_ids == [claim.id]


def test_historical_events_keep_their_status(vocab, no_resolver):
    doc = build(vocab, MINISTRY_SAID)
    old = _event(doc, 6, "e1", actors=[AZE], status="historical")
    state = _State(doc, [ARM, AZE], {0: "a1", 4: "a2"}, [old])
    claims_stage.run(state)
    assert old.status == "historical" and old.claim_ids == ["c1"]


def test_denial_of_an_event_marks_it_denied(vocab, no_resolver):
    doc = build(vocab, DENIED_AND_SAID)
    started = _event(doc, 3, "e1", actors=[])
    state = _State(doc, [ARM, AZE], {0: "a2", 8: "a1"}, [started])
    claims_stage.run(state)
    deny, say = state.result.claims
    assert deny.stance == "deny" and say.stance == "accuse"   # Armenian provocation: the other side
    assert started.status == "denied"


def test_unknown_speaker_becomes_an_unknown_actor(vocab, no_resolver):
    doc = build(vocab, INVERTED)
    state = _State(doc, [], {})
    claims_stage.run(state)
    [claim] = state.result.claims
    assert claim.speaker.name == "governor" and claim.speaker.kind == "unknown"
    assert claim.speaker in state.result.actors


# ---------------------------------------------------------------- contested rule

def _info(cid, speaker, stance, blamed=(), events=(), fighting=True, tolls=None):
    claim = Claim(id=cid, speaker=speaker, verb="say", stance=stance, text=Span("x", 0, 1),
                  event_ids=list(events), reason="r")
    return claims_stage.ClaimInfo(claim=claim, content=(0, 1), blamed=set(blamed), fighting=fighting,
                                  days={"2024-03-05"}, tolls=tolls or {})


USA = Actor(id="a3", name="United States", kind="state", country="USA", sector="GOV")
ARM_MIL = Actor(id="a4", name="Military Forces of Armenia", kind="state", country="ARM", sector="MIL")


@pytest.mark.parametrize("a, b, contested, why", [
    (_info("c1", ARM, "accuse", {"AZE"}), _info("c2", AZE, "accuse", {"ARM"}), True, "each blames the other"),
    (_info("c1", ARM, "accuse", {"AZE"}), _info("c2", AZE, "deny"), True, "blamed side denies"),
    (_info("c1", ARM, "assert", events=["e1"]), _info("c2", AZE, "deny", events=["e1"]), False,
     "one says it happened, the other denies it, but no hostile event makes them parties"),
    (_info("c1", ARM, "assert", tolls={"ARM": 49}, events=["e1"]),
     _info("c2", AZE, "assert", tolls={"ARM": 10}, events=["e1"]), False,
     "different tolls, but nothing makes them opposing parties of a hostile event"),
    (_info("c1", USA, "assert"), _info("c2", AZE, "deny"), False, "a third party's statement is not contested"),
    (_info("c1", ARM, "accuse", {"AZE"}), _info("c2", ARM_MIL, "accuse", {"AZE"}), False, "same side"),
    (_info("c1", ARM, "accuse", {"AZE"}), _info("c2", AZE, "deny", fighting=False), False, "not the same fighting"),
    (_info("c1", None, "assert"), _info("c2", AZE, "deny"), False, "no speaker"),
])
def test_contested_rule(a, b, contested, why):
    mark([a, b], [])
    assert (b.claim.id in a.claim.contested_by) is contested, why
    assert (a.claim.id in b.claim.contested_by) is contested, why
    if contested:
        assert "contested by" in a.claim.reason


def test_toll_contradiction_between_parties_of_the_event():
    ev = Event(id="e1", trigger=Span("clash", 0, 5), sentence=Span("clash", 0, 5),
               plover=PloverType(type="ASSAULT"), actors=[ARM], recipients=[AZE],
               date=EventDate(start="2024-03-05"))
    a = _info("c1", ARM, "assert", tolls={"ARM": 49}, events=["e1"])
    b = _info("c2", AZE, "assert", tolls={"ARM": 10}, events=["e1"])
    [(x, y, reason)] = mark([a, b], [ev])
    assert (x, y) == ("c1", "c2") and "tolls differ" in reason


def test_denial_of_an_event_both_parties_tell():
    ev = Event(id="e1", trigger=Span("clash", 0, 5), sentence=Span("clash", 0, 5),
               plover=PloverType(type="ASSAULT"), actors=[ARM], recipients=[AZE],
               date=EventDate(start="2024-03-05"))
    a = _info("c1", ARM, "assert", events=["e1"])
    b = _info("c2", AZE, "deny", events=["e1"])
    [(_, _, reason)] = mark([a, b], [ev])
    assert "ARM says it happened, AZE denies it" in reason


def test_contested_table_side_by_side():
    a = _info("c1", ARM, "accuse", {"AZE"})
    b = _info("c2", AZE, "deny")
    a.claim.text = Span("Azerbaijani forces shelled towns", 0, 10)
    b.claim.text = Span("it started the conflict", 20, 30)
    mark([a, b], [])
    out = contested_table([a.claim.to_dict(), b.claim.to_dict()])
    assert out.splitlines()[0] == "1 contested pair"
    row = next(line for line in out.splitlines() if line.startswith("c1"))
    assert "Armenia [ARM]" in row and "| c2  Azerbaijan [AZE]" in row
    assert "“Azerbaijani forces shelled towns”" in out and "why: ARM blames AZE" in out
    assert "accuse (say)  chars 0-10" in out and "deny (say)  chars 20-30" in out
    assert contested_table([]) == "no contested claims"


# ---------------------------------------------------------------- the worked example (model test)

@needs(EXAMPLE)
def test_example_claim_facts(example_result):
    from sitrep.evaluate.facts import check

    expected = yaml.safe_load((EXAMPLE / "expected.yaml").read_text())
    results = [r for r in check(example_result.to_dict(), expected) if r.section.startswith("claims")]
    held = {r.why: r.held for r in results}
    print("\nclaim facts:", sum(held.values()), "of", len(held))
    for why, ok in held.items():
        print(f"  {'ok ' if ok else 'no '} {why}")
    assert held["each side blames the other for starting the fighting"]
    assert held["Armenia's Defense Ministry reports the shelling and drones"]
    assert held["Azerbaijan's Defense Ministry denies starting the conflict"]
    assert held["Baku's landmine account"]


@needs(EXAMPLE)
@pytest.mark.parametrize("surname, country, stances, word", [
    ("Pashinyan", "ARM", None, "49"),
    ("Blinken", "USA", None, "concerned"),
    ("Cavusoglu", "TUR", {"support", "assert"}, "side"),
])
def test_example_named_speakers(example_result, surname, country, stances, word):
    """The claims behind expected.yaml's speaker.name facts (which compare full names exactly)."""
    hits = [c for c in example_result.claims if c.speaker and surname in c.speaker.name
            and c.speaker.country == country and word in c.sentence.text
            and (stances is None or c.stance in stances)]
    assert hits, [(c.speaker and c.speaker.name, c.stance, c.text.text[:40]) for c in example_result.claims]


@needs(EXAMPLE)
def test_example_shelling_is_claimed_by_armenia(example_result):
    shelled = [e for e in example_result.events if e.trigger.text == "shelled"]
    assert shelled
    for e in shelled:
        assert e.status == "claimed"
        assert any(a.country == "ARM" for a in e.reported_by)
        assert e.claim_ids


# ---------------------------------------------------------------- contested accounts end to end (model test)

def _code(pipeline, text):
    from sitrep.records import Document

    return pipeline._finish(Document(id="t", text=text, published="2024-01-01", language="en"), pipeline.nlp(text))


def _contested_countries(result):
    by_id = {c.id: c for c in result.claims}
    return {frozenset((c.speaker.country, by_id[o].speaker.country)) for c in result.claims
            for o in c.contested_by}


@pytest.mark.parametrize("text, pairs, why", [
    ("India's army said Pakistani troops opened fire on its posts in Kashmir on Sunday. "
     "Pakistan's military denied the claim and said Indian forces had started the shelling.",
     {frozenset(("IND", "PAK"))}, "each side blames the other; 'denied the claim' answers India's claim"),
    ("The United Nations said the fighting in Kashmir killed five people on Sunday. "
     "Pakistan's military said Indian forces had started the shelling.",
     set(), "a mediator's account is not contested by a party"),
    ("Russia's defence ministry said its troops repelled a Ukrainian attack near Bakhmut. "
     "Ukraine's army said Russian forces had launched the assault and shelled the town.",
     {frozenset(("RUS", "UKR"))}, "who attacked whom"),
    ("Ethiopia's government said its forces captured the town. Kenya said it would send aid.",
     set(), "no hostile act blamed, different topics"),
])
def test_contested_end_to_end(pipeline, text, pairs, why):
    result = _code(pipeline, text)
    assert _contested_countries(result) == pairs, (why, [(c.id, c.speaker and c.speaker.country, c.stance,
                                                         c.contested_by) for c in result.claims])


def test_denial_answers_the_earlier_claim(pipeline):
    result = _code(pipeline, "Police reportedly shot a protester in the capital. The police denied this.")
    report, denial = result.claims
    assert report.speaker is None and denial.stance == "deny"
    assert "answers c1" in denial.reason


def test_contested_within_one_country(pipeline):
    """A civil war: the army and an armed group of the same country blame each other."""
    result = _code(pipeline, "Sudan's army said the Rapid Support Forces attacked its bases in Khartoum on "
                             "Saturday. The RSF denied the claim and said the army had started the fighting.")
    by_id = {c.id: c for c in result.claims}
    pairs = {frozenset((c.speaker.name, by_id[o].speaker.name)) for c in result.claims for o in c.contested_by}
    assert pairs and all(len(p) == 2 for p in pairs)
    assert any(c.stance == "deny" and c.contested_by for c in result.claims)
