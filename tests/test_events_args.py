"""Event arguments as actors: what the noun phrase of an event's actor or recipient
resolves to (events_args.resolve_np) - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

SIDES = [  # (text, side, (country, sector), why)
    ("Ethiopian troops burned Somali villages near the border.", "recipients", ("SOM", "CVL"),
     "a nationality on civilian places is that country's civilians, not its government"),
    ("Israeli helicopters fired missiles at a car in Gaza.", "actors", ("ISR", "MIL"),
     "a nationality on military craft is that country's military"),
    ("Egyptian guards beat Sudanese detainees at the border camp.", "recipients", ("SDN", "CVL"),
     "detainees are civilians (titles.tsv)"),
    ("Tanzanian police arrested three Kenyan army officers near Arusha.", "recipients", ("KEN", "MIL"),
     "army officers are military, not police officers (titles.tsv: the longest title wins)"),
    ("Senior Kenyan and Ugandan officials agreed to reopen the border.", "actors", ("UGA", "GOV"),
     "each coordinated nationality of a phrase has its own actor"),
    ("Ghanaian and Togolese soldiers patrolled the border on Friday.", "actors", ("TGO", "MIL"),
     "the second nationality's actor has the title's sector"),
    ("Kenyan intelligence officials shared information with Uganda.", "actors", ("KEN", "SPY"),
     "intelligence officials are the intelligence services (titles.tsv), not the government"),
    ("Opposition groups in Malawi are demanding that the president resign.", "actors", ("MWI", "OPP"),
     "opposition groups are the opposition (titles.tsv)"),
    ("A Kenyan businessman is suing the Ugandan government for damages.", "actors", ("KEN", "BUS"),
     "a businessman is business (titles.tsv), not his country's government"),
    ("Nairobi's police chief has warned that police will not tolerate rallies by the opposition.", "actors",
     ("KEN", "COP"), "a police or security chief is the police (titles.tsv)"),
    ("Israeli air strikes killed five militants in Gaza on Monday.", "actors", ("ISR", "MIL"),
     "a nationality on an act of war names the state's forces that do it (PLOVER MIL), not its government"),
    ("US drone attacks killed four militants in Shabwa on Monday.", "actors", ("USA", "MIL"),
     "the nationality on the means compounded with the act ('US drone') is whose act it is: its military"),
    ("Ugandan sanctions on Kenya took effect on Monday.", "actors", ("UGA", "GOV"),
     "guard: a nationality on an act that is no act of war stays the state"),
    ("Russian jets bombed targets in Idlib on Tuesday.", "recipients", ("SYR", "CVL"),
     "a town as the only target named: its people, not the state"),
    ("Four farmers were killed in an air strike near Kidal on Monday.", "recipients", ("MLI", "AGR"),
     "the passive subject of 'killed in a strike' is its victim, not its actor"),
    ("Four soldiers were killed in clashes with rebels near Kidal on Monday.", "actors", ("MLI", "MIL"),
     "in a clash the passive subject is a side"),
    ("Militias were engaged in ethnic cleansing against the Somali population.", "recipients", ("SOM", "CVL"),
     "'against X' on the verb of a nominal trigger names its target; a nationality's population is civilians"),
    ("Malian troops were ambushed by jihadist fighters near the border.", "recipients", ("MLI", "MIL"),
     "a state's forces attacked by an armed group of their own country are its target (only a state actor's "
     "own state is dropped from its recipients: 'X sent its troops')"),
    ("Ugandan students threw stones during a rally against the Ugandan police.", "recipients", ("UGA", "COP"),
     "an act during an occasion ('during a rally against X') is aimed at the occasion's target"),
    ("Raiders from Sudan attacked a Chadian village at dawn.", "recipients", ("TCD", "CVL"),
     "a nationality on one civilian place ('a Chadian village') is its people, as on several"),
    ("Separatists shelled Ukrainian positions near the river.", "recipients", ("UKR", "MIL"),
     "a nationality on military posts ('positions', 'a base', 'a checkpoint') is that country's military"),
    ("Four herders died in a drone strike near Gao.", "recipients", ("MLI", "CVL"),
     "who died in a one-sided act ('died in a strike', 'died as a result of torture') was harmed by it"),
    ("Iraqi Kurds demanded autonomy from Baghdad.", "actors", ("IRQ", "CVL"),
     "a nationality on a people ('Iraqi Kurds', 'Bosnian Serbs') is that country's civilians, not its state "
     "nor the people's namesake country"),
    ("Turkish army bulldozers destroyed Kurdish farms near the border.", "actors", ("TUR", "MIL"),
     "a forces title modifying a thing ('army bulldozers') with a nationality is that country's forces"),
    ("The pro-Syrian Hezbollah (Party of God) movement accepted a truce.", "actors", ("LBN", "REB"),
     "a stance ('pro-Iranian') is no nationality: the named group is the actor"),
    ("Tanzanian-led forces shelled rebel camps near the Ugandan border.", "actors", ("TZA", "MIL"),
     "'X-led forces' are X's forces, not forces of the document's main country"),
    ("Gunmen seized up to ten Italian civilian technicians from a hotel.", "recipients", ("ITA", "CVL"),
     "a title adjective between the nationality and the head ('civilian technicians') gives the sector"),
    ("Government troops bombarded Chadian rebel-held villages overnight.", "recipients", ("TCD", "REB"),
     "'X rebel-held places': the holders are the rebels of the nationality, not its state"),
    ("Kenyan police detained a Somali refugee near the camp on Monday.", "recipients", ("SOM", "REF"),
     "one of a group ('a refugee', titles.tsv lists 'refugees') has the group's sector, not the state's"),
    ("Gunmen shot dead an Ethiopian farmer near Moyale.", "recipients", ("ETH", "AGR"),
     "'an Ethiopian farmer' is one of that country's farmers (PLOVER AGR, titles.tsv)"),
    ("Chadian soldiers tortured scores of Sierra Leonean and Nigerien refugees, aid workers said.", "recipients",
     ("SLE", "REF"), "a bare nationality coordinated with a titled conjunct shares its title"),
    ("A Somali detainee died as a result of torture while in Kenyan police custody.", "actors", ("KEN", "COP"),
     "no actor named: whoever holds the victim in custody"),
    ("Half of the Ogaden rebels based in Somalia have been demobilized since the accord.", "actors", ("SOM", "REB"),
     "forces demobilized or withdrawn (no agent) pull back themselves: the passive subject is the actor"),
    ("Tanzanian Muslims protest peacefully outside the Kenyan embassy in Nairobi.", "actors", ("TZA", "CVL"),
     "a nationality the parser makes a compound of a people ('Tanzanian Muslims') is that country's civilians"),
    ("Kenyan police arrested a UK national at the airport in Mombasa.", "recipients", ("GBR", "CVL"),
     "a country's name on one member of a group ('a UK national') is that country's civilians, not its state"),
    ("The Arab League has sent fifteen observers to Yemen on Tuesday to investigate the state of the truce.",
     "recipients", ("YEM", "GOV"), "an act that is the purpose of a sending ('sent X to Y to investigate') is aimed "
     "where the sending goes"),
    ("Ugandan troops launched mortar, artillery and rocket fire against Congolese rebel camps near the lake on Monday.",
     "recipients", ("COD", "REB"), "a phrase of direction after coordinated event nouns ('mortar, artillery and "
     "rocket fire against X') is the target of each, though the parser hangs it on the last"),
    ("Ethiopian jets bombed positions of the Eritrean border guards and residential areas outside Assab.",
     "recipients", ("ERI", "CVL"), "a place coordinated after the owner of another ('positions of X guards and "
     "homes') is a target too, and with no nationality of its own it is that country's civilians"),
    ("Ethiopian jets bombed positions of the Eritrean border guards and Somali villages outside the town.",
     "recipients", ("SOM", "CVL"), "such a place with a nationality of its own is that country's civilians"),
    ("Kenya on Tuesday banned the biggest Islamist extremist organization in the country.", "recipients",
     ("KEN", "REB"), "a non-state armed title right before a word for a body names that armed group"),
    ("Ethiopian troops shelled rebel positions near the Sudanese border.", "recipients", ("ETH", "REB"),
     "a singular armed title on what a group holds ('rebel positions') names the group, the rebels"),
    ("The militant group Hamas said it had fired rockets at Ashkelon.", "actors", ("PSE", "REB"),
     "guard: a name in apposition to 'militant group' says who it is"),
    ("Burmese soldiers overran part of a Karen rebel camp near the frontier.", "recipients", ("MMR", "REB"),
     "an act on part of a thing is aimed at the thing, read whole: the rebels' camp, not a person in 'Karen'"),
    ("Thai police said Burmese soldiers shelled rebel positions on the Thai border.", "recipients", ("MMR", "REB"),
     "rebels that a state's forces act on are that state's, not of the document's main country"),
    ("Thai police said soldiers shelled rebel positions on the Thai border.", "recipients", ("THA", "REB"),
     "guard: forces of no named country leave the rebels the document's main country"),
    ("Ethnic Greeks have vowed to resist the new Albanian land law, officials in Tirana said.", "actors",
     ("ALB", "CVL"), "a people called ethnic is a minority of the country the text is about, not of its kin state"),
    ("Army units shelled the Serb population of the region in Croatia.", "recipients", ("HRV", "CVL"),
     "a nationality on 'population' names a minority: civilians of the country the text places it in"),
    ("Ethnic Albanians marched in Tirana against the new tax law.", "actors", ("ALB", "CVL"),
     "guard: a people at home in its kin state keeps that country"),
]


@pytest.mark.parametrize("text,side,expected,why", SIDES, ids=[c[0][:40] for c in SIDES])
def test_side_country_and_sector(pipeline, text, side, expected, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None, "the sentence codes an event"
    got = [(a.country, a.sector) for a in getattr(ev, side)]
    assert expected in got, f"{why}: got {got}"


def test_a_bare_conjunct_shares_the_first_conjuncts_actor(pipeline):
    """'Syrian helicopters and tanks': the tanks are the same Syrian military, one actor."""
    ev = main_event(pipeline.code("Syrian helicopters and tanks shelled bases of the Lebanese security forces "
                                  "and farms outside the village of Arsal.", published="2023-05-02"), ontology="plover")
    assert [(a.country, a.sector) for a in ev.actors] == [("SYR", "MIL")]
    assert ("LBN", "MIL") in [(a.country, a.sector) for a in ev.recipients]


def test_other_nationality_nouns_stay_the_state(pipeline):
    ev = main_event(pipeline.code("The Palestinians rejected the proposed Israeli changes to the deal.",
                                  published="2023-05-02"), ontology="plover")
    assert ("ISR", "CVL") not in [(a.country, a.sector) for a in ev.recipients], \
        "'Israeli changes' are no Israeli civilians"


ACTORS = [  # (text, trigger, actor names, why)
    ("Chad is willing to send troops to Mali.", "willing", ["Chad"],
     "an adjective trigger's actor is the subject of its copula"),
    ("Japan gave Laos a grant for new schools.", "grant", ["Japan"],
     "the subject of the verb a non-violent nominal trigger is the object of does the act"),
    ("Kenya welcomed the ceasefire between Sudan and South Sudan.", "ceasefire", [],
     "a verb of attitude does not make its subject the actor of its object"),
    ("The African Union gave Malawi two million dollars of aid on Monday.", "aid", ["African Union"],
     "a trigger in the 'of' complement of the object ('gave Y dollars of aid')"),
    ("Protesters defied the curfew in Nairobi on Monday.", "curfew", [],
     "defying a curfew is not imposing it"),
    ("Kenya's foreign minister telephoned his Ugandan counterpart on Monday to discuss the border.", "discuss",
     ["Kenya"], "a purpose infinitive ('to discuss') is done by the subject of the verb it modifies"),
    ("Vietnam is committed to opening up the economy.", "committed", ["Vietnam"],
     "'is committed to' states the subject's stance: it is the actor, not the recipient"),
    ("Kenyan negotiators returned to Arusha on Monday for talks on the border.", "talks", ["Kenya"],
     "'came for talks': the subject of the verb takes part in the talks"),
    ("The Ogaden National Liberation Front issued a statement demanding that Ethiopia free its detainees.",
     "demanding", ["Ogaden National Liberation Front"],
     "'X issued a statement demanding ...': the demand is the issuer's, not the statement's"),
]


@pytest.mark.parametrize("text,trigger,names,why", ACTORS, ids=[c[0][:40] for c in ACTORS])
def test_event_actors(pipeline, text, trigger, names, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next((e for e in result.events if e.trigger.text == trigger), None)
    assert ev is not None, f"no '{trigger}' event in {[e.trigger.text for e in result.events]}"
    assert [a.name for a in ev.actors] == names, why


def test_own_forces_are_no_target(pipeline):
    result = pipeline.code("Chad is willing to send troops to Mali.", published="2023-05-02")
    ev = next(e for e in result.events if e.trigger.text == "willing")
    assert [a.country for a in ev.recipients] == ["MLI"], "Chad's own troops are not what Chad acts on"


RECIPIENTS = [  # (text, recipient names of the main event, why)
    ("Greece urged its European Union partners to reject the plan.", ["European Union"],
     "'its partners' are not the possessor: the EU, not Greece"),
    ("Nigeria offered its support to Ghana's new President John Mahama.", ["John Mahama"],
     "'to X' parsed as a dative still names the recipient"),
    ("Opposition supporters rallied in Harare on Monday, demanding that Morgan Tsvangirai be released by the "
     "Zimbabwean government.", ["Zimbabwe"],
     "the subject of a passive that-clause is the one acted on; whom the demand is made of is its agent"),
]


@pytest.mark.parametrize("text,names,why", RECIPIENTS, ids=[c[0][:40] for c in RECIPIENTS])
def test_recipients(pipeline, text, names, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and [a.name for a in ev.recipients] == names, why


def test_new_president_keeps_his_country(pipeline):
    result = pipeline.code("Nigeria offered its support to Ghana's new President John Mahama.", published="2023-05-02")
    person = next(a for a in result.actors if a.name == "John Mahama")
    assert person.country == "GHA", "'new' does not cut the title and nationality off the name"


FIRST_PERSON = [  # (text, trigger, actor names, why)
    ("\u201cWe are ready for talks,\u201d Kenyan President William Ruto told reporters in Nairobi.", "ready", ["Kenya"],
     "a head of state's 'we' in his quote is his country"),
    ("\u201cThe border stays shut,\u201d Kenyan President William Ruto told lawmakers. "
     "\u201cWe are ready for talks and always have been.\u201d",
     "ready", ["Kenya"], "a quote that continues the speaker's earlier quote keeps his 'we'"),
    ("We are ready for talks, the newspaper wrote in an editorial.", "ready", [],
     "'we' outside quotation marks is not resolved"),
]


@pytest.mark.parametrize("text,trigger,names,why", FIRST_PERSON, ids=[c[0][:40] for c in FIRST_PERSON])
def test_first_person_plural_is_the_speakers_side(pipeline, text, trigger, names, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next((e for e in result.events if e.trigger.text == trigger), None)
    assert ev is not None, f"no '{trigger}' event in {[e.trigger.text for e in result.events]}"
    assert [a.name for a in ev.actors] == names, why


OBLIGED = [  # (text, source countries, target countries, why)
    ("Kenya's foreign minister sent a sharp reminder to Uganda that it must release the detained fishermen.",
     ["KEN"], ["UGA"], "'a reminder to Y that it must ...': the speaker asks, the one addressed is obliged"),
    ("The Ugandan president said Kenyan forces must keep order on the island to allow fishermen to return.",
     ["UGA"], ["KEN"], "an obligation on the verb the trigger is the purpose of ('must keep order ... to allow')"),
]


@pytest.mark.parametrize("text,source,target,why", OBLIGED, ids=[c[0][:40] for c in OBLIGED])
def test_obligation_is_the_speakers_request(pipeline, text, source, target, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next((e for e in result.events if e.plover.type == "REQUEST"), None)
    assert ev is not None, f"no REQUEST in {[(e.trigger.text, e.plover.type) for e in result.events]}"
    assert [a.country for a in ev.actors] == source and [a.country for a in ev.recipients] == target, \
        f"{why}: {[a.name for a in ev.actors]} -> {[a.name for a in ev.recipients]}"


ARGUMENT_CASES = [  # (text, trigger, side, countries, why)
    ("Kenya complained to the African Union on Monday over Somali air strikes near Mandera.", "complained",
     "recipients", ["SOM"], "a complaint is about what it is 'over', not to whom it is made"),
    ("Ethiopia is opposed to Kenyan mediation in the border dispute.", "opposed", "actors", ["ETH"],
     "'is opposed to' states the subject's stance, as 'is committed to' does"),
    ("Somali youths resorted to throwing stones at the police station in Mandera.", "throwing stones", "actors",
     ["SOM"], "'resorted to throwing': the subject of the governing verb throws"),
    ("Tanzania turned down an offer from Kenya to mediate.", "offer", "actors", ["KEN"],
     "'an offer from X': X makes the offer"),
    ("Both the Kenyan army and the Ugandan police are guilty of violating the truce.", "violating", "actors",
     ["KEN", "UGA"], "'X are guilty of violating': the copula's subject does what the adjective's complement says"),
    ("Kenyan lecturers suspended their strike after talks with the Kenyan government on Friday.", "strike",
     "recipients", ["KEN"], "an act that concludes talks with a party ('after talks with X') is aimed at it"),
]


@pytest.mark.parametrize("text,trigger,side,countries,why", ARGUMENT_CASES, ids=[c[0][:40] for c in ARGUMENT_CASES])
def test_argument_side(pipeline, text, trigger, side, countries, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next((e for e in result.events if e.trigger.text == trigger), None)
    assert ev is not None, f"no '{trigger}' event in {[e.trigger.text for e in result.events]}"
    assert [a.country for a in getattr(ev, side)] == countries, \
        f"{why}: {[a.name for a in getattr(ev, side)]}"


def test_a_where_clause_names_no_target(pipeline):
    """'... a raid on the town where 12 people were killed' is where the other side struck,
    even when the parser makes it a complement of the threat: the threatened towns are the target."""
    text = ("Chad threatened to bomb Sudanese villages on Monday in retaliation for a drone raid on the border town of "
            "Adre where, officials said, 9 people were killed.")
    result = pipeline.code(text, published="2023-05-02")
    ev = next(e for e in result.events if e.trigger.text == "threatened")
    assert "SDN" in [a.country for a in ev.recipients], [a.name for a in ev.recipients]


def _doc(words, heads, deps, pos, ents=None):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, ents=ents)


RECIPIENT_HEADS = [  # (words, heads, deps, pos, ents, expected recipient heads, why)
    (["Rebels", "attacked", "the", "town", "on", "Monday"], [1, 1, 3, 1, 1, 4],
     ["nsubj", "ROOT", "det", "dobj", "prep", "pobj"], ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN"],
     ["O", "O", "O", "O", "O", "B-DATE"], ["town"], "a date after 'on' is when, not whom"),
    (["Police", "fired", "at", "dawn", "on", "protesters"], [1, 1, 1, 2, 1, 4],
     ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj"], ["NOUN", "VERB", "ADP", "NOUN", "ADP", "NOUN"],
     ["O", "O", "O", "B-TIME", "O", "O"], ["protesters"], "a time after 'at' is when, not whom"),
    (["Troops", "fired", "on", "Sunday", "Ogaden", "members"], [1, 1, 1, 2, 5, 3],
     ["nsubj", "ROOT", "prep", "pobj", "compound", "appos"], ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "NOUN"],
     ["O", "O", "O", "B-DATE", "B-ORG", "O"], ["Sunday"], "a name the parser hung on the date keeps the date phrase"),
    (["Rebels", "kidnapped", "up", "to", "16", "advisers"], [1, 1, 1, 2, 5, 3],
     ["nsubj", "ROOT", "prt", "prep", "nummod", "pobj"], ["NOUN", "VERB", "ADP", "ADP", "NUM", "NOUN"],
     ["O", "O", "O", "O", "B-CARDINAL", "O"], ["advisers"], "'up to N X' misparsed as a particle: X is the object"),
]


@pytest.mark.parametrize("words,heads,deps,pos,ents,expected,why", RECIPIENT_HEADS, ids=[" ".join(c[0]) for c in RECIPIENT_HEADS])
def test_recipient_heads_of_a_parse(words, heads, deps, pos, ents, expected, why):
    from sitrep.events_args import arguments

    doc = _doc(words, heads, deps, pos, ents)
    args = arguments(doc[1], "attack")
    assert [t.text for t in args.recipient_heads] == expected, why


COUNTED = [  # (words, heads, deps, pos, expected, why)
    (["some", "of", "Liberian", "refugees"], [0, 0, 3, 1], ["ROOT", "prep", "amod", "pobj"],
     ["PRON", "ADP", "ADJ", "NOUN"], "refugees", "'some of X': X is resolved as a whole phrase"),
    (["12", "of", "the", "hostages"], [0, 0, 3, 1], ["ROOT", "prep", "det", "pobj"],
     ["NUM", "ADP", "DET", "NOUN"], "hostages", "a number of X: X"),
    (["members", "of", "the", "party"], [0, 0, 3, 1], ["ROOT", "prep", "det", "pobj"],
     ["NOUN", "ADP", "DET", "NOUN"], None, "members are no quantity: the phrase is read word by word"),
]


@pytest.mark.parametrize("words,heads,deps,pos,expected,why", COUNTED, ids=[" ".join(c[0]) for c in COUNTED])
def test_counted_phrase(words, heads, deps, pos, expected, why):
    from sitrep.events_args import _counted

    got = _counted(_doc(words, heads, deps, pos)[0])
    assert (got.text if got is not None else None) == expected, why


def test_the_dead_are_no_actors(pipeline):
    ev = main_event(pipeline.code("Four herders died in a drone strike near Gao.", published="2023-05-02"),
                    ontology="plover")
    assert ("MLI", "CVL") not in [(a.country, a.sector) for a in ev.actors], "the dead did not strike"


MEETINGS = [  # (text, actor countries, recipient countries, why)
    ("The Kenyan foreign minister telephoned his Ugandan counterpart on Monday.", {"KEN", "UGA"}, {"UGA"},
     "both parties to a call are actors (PLOVER manual, reciprocal actors); the one called stays the recipient"),
    ("Ghana's president held talks with Togolese leaders in Accra on Friday.", {"GHA", "TGO"}, {"TGO"},
     "both parties to talks are actors; the one talked with stays the recipient"),
    ("The Tanzanian president met Zambia's foreign minister in Dar es Salaam.", {"TZA", "ZMB"}, {"ZMB"},
     "both parties to a meeting are actors"),
]


@pytest.mark.parametrize("text,actors,recipients,why", MEETINGS)
def test_meeting_parties_are_all_actors(pipeline, text, actors, recipients, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "CONSULT", why
    assert {a.country for a in ev.actors} >= actors, why
    assert {a.country for a in ev.recipients} >= recipients, why


def test_mediated_parties_stay_recipients(pipeline):
    ev = main_event(pipeline.code("A Kenyan envoy began a mediation between Sudan and Chad on Monday.",
                                  published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "CONSULT"
    assert not {"SDN", "TCD"} & {a.country for a in ev.actors}, "a mediator's parties are the recipients"


def test_a_stopped_demonstration_has_its_stopper_on_the_actor_side(pipeline):
    """PLOVER COERCE: whoever stopped the demonstration is the source; ACLED keeps the crowd first."""
    ev = main_event(pipeline.code("Ugandan police prevented a rally staged by teachers in Kampala on Monday.",
                                  published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "COERCE", ev and ev.plover.type
    assert ("UGA", "COP") in [(a.country, a.sector) for a in ev.actors], [a.name for a in ev.actors]
    assert ev.actors[0].sector != "COP", "the demonstrators stay the demonstration's first actor"


def test_a_coordinated_verb_shares_its_objects_as_targets():
    """'Donors pledged and sent food to Malawi': 'pledged' has no object; the target is Malawi."""
    from sitrep.events_args import target_heads

    doc = _doc(["Donors", "pledged", "and", "sent", "food", "to", "Malawi"], [1, 1, 1, 1, 3, 3, 5],
               ["nsubj", "ROOT", "cc", "conj", "dobj", "prep", "pobj"],
               ["NOUN", "VERB", "CCONJ", "VERB", "NOUN", "ADP", "PROPN"])
    assert "Malawi" in [t.text for t in target_heads(doc[1])[0]]


def test_the_patron_of_an_ally_is_not_the_ally():
    """'the chief of Kenya's ally': the words read for the phrase's actor leave out Kenya."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.events_args import _np_tokens

    words = ["chief", "of", "Kenya", "'s", "ally"]
    doc = Doc(Vocab(), words=words, lemmas=words, heads=[0, 0, 4, 2, 1], deps=["ROOT", "prep", "poss", "case", "pobj"],
              pos=["NOUN", "ADP", "PROPN", "PART", "NOUN"])
    assert "Kenya" not in [t.text for t in _np_tokens(doc[0])]


def test_an_obliged_object_trigger_is_demanded_of_the_clause_subject():
    """'X said Y must reach an agreement': the trigger is the object of the obliged verb; X asks Y."""
    import spacy
    from spacy.tokens import Doc

    from sitrep.events_args import demanded_of

    doc = Doc(spacy.blank("en").vocab, words=["Ghana", "said", "Togo", "must", "reach", "an", "agreement"],
              heads=[1, 1, 4, 4, 1, 6, 4], deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj"],
              pos=["PROPN", "VERB", "PROPN", "AUX", "VERB", "DET", "NOUN"])   # a vocabulary that knows lower case
    found = demanded_of(doc[6])
    assert found is not None and found[0].text == "Ghana" and [t.text for t in found[1]] == ["Togo"], found


STATUS = [  # (words, heads, deps, pos, trigger index, status, why)
    (["Togo", "must", "be", "ready", "to", "mediate"], [2, 2, 2, 2, 5, 3],
     ["nsubj", "aux", "ROOT", "acomp", "aux", "xcomp"], ["PROPN", "AUX", "AUX", "ADJ", "PART", "VERB"], 3,
     "hypothetical", "an adjective's modal stands on its copula ('must be ready')"),
    (["Togo", "is", "not", "ready", "to", "mediate"], [1, 1, 1, 1, 5, 3],
     ["nsubj", "ROOT", "neg", "acomp", "aux", "xcomp"], ["PROPN", "AUX", "PART", "ADJ", "PART", "VERB"], 3,
     "denied", "and so does its negation ('is not ready')"),
    (["Togo", "is", "ready", "to", "mediate"], [1, 1, 1, 4, 2],
     ["nsubj", "ROOT", "acomp", "aux", "xcomp"], ["PROPN", "AUX", "ADJ", "PART", "VERB"], 2,
     "asserted", "a plain copula leaves the stance asserted"),
]


@pytest.mark.parametrize("words,heads,deps,pos,i,status,why", STATUS, ids=[" ".join(c[0]) for c in STATUS])
def test_status_of_an_adjective_trigger(words, heads, deps, pos, i, status, why):
    from sitrep.events_args import status_of

    assert status_of(_doc(words, heads, deps, pos)[i])[0] == status, why


def test_must_be_ready_is_the_speakers_request(pipeline):
    """'X said Y must be ready to mediate': X's REQUEST of Y, not Y's promise."""
    ev = main_event(pipeline.code("The Kenyan president said on Monday that Tanzania must be ready to mediate between "
                                  "Uganda and Rwanda.", published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "REQUEST", ev and (ev.trigger.text, ev.plover.type)
    assert [a.country for a in ev.actors] == ["KEN"] and "TZA" in [a.country for a in ev.recipients], \
        f"{[a.name for a in ev.actors]} -> {[a.name for a in ev.recipients]}"


@pytest.mark.parametrize("noun,found,why", [
    ("pressure", True, "a refusal is aimed at whose pressure it withstands"),
    ("rain", False, "'despite the rain' names a circumstance, no party pressing for anything"),
])
def test_a_refusal_despite_pressure_is_aimed_at_who_presses(noun, found, why):
    """'The minister refused to resign despite pressure from the opposition': the target of the
    refusal (PLOVER REJECT) is the opposition."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.events_args import target_heads

    words = ["The", "minister", "refused", "to", "resign", "despite", noun, "from", "the", "opposition"]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 4, 2, 4, 5, 6, 9, 7],
              deps=["det", "nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "prep", "det", "pobj"],
              pos=["DET", "NOUN", "VERB", "PART", "VERB", "ADP", "NOUN", "ADP", "DET", "NOUN"],
              lemmas=["the", "minister", "refuse", "to", "resign", "despite", noun, "from", "the", "opposition"])
    heads = [t.text for level in target_heads(doc[4]) for t in level]
    assert ("opposition" in heads) == found, f"{why}: {heads}"


CLAUSE_SUBJECTS = [  # (words, heads, deps, pos, first head tried, why)
    (["Crowds", "marched", "demanding", "that", "Okello", "be", "freed", "by", "police"],
     [1, 1, 1, 6, 6, 6, 2, 6, 7],
     ["nsubj", "ROOT", "advcl", "mark", "nsubjpass", "auxpass", "ccomp", "agent", "pobj"],
     ["NOUN", "VERB", "VERB", "SCONJ", "PROPN", "AUX", "VERB", "ADP", "NOUN"], "police",
     "a passive that-clause's subject is the one acted on: its agent is tried first"),
    (["Crowds", "marched", "demanding", "that", "police", "free", "Okello"],
     [1, 1, 1, 5, 5, 2, 5],
     ["nsubj", "ROOT", "advcl", "mark", "nsubj", "ccomp", "dobj"],
     ["NOUN", "VERB", "VERB", "SCONJ", "NOUN", "VERB", "PROPN"], "police",
     "guard: an active that-clause's subject is the one asked, tried before its object"),
]


@pytest.mark.parametrize("words,heads,deps,pos,first,why", CLAUSE_SUBJECTS,
                         ids=[" ".join(c[0]) for c in CLAUSE_SUBJECTS])
def test_the_one_asked_in_a_that_clause(words, heads, deps, pos, first, why):
    """events_args.target_heads: the subject of an active that-clause ('demanding that X free
    Y') is whom a demand is made of; a passive one ('that Y be freed by X') is what is acted
    on, tried after the clause's agent and complements."""
    from sitrep.events_args import target_heads

    heads_tried = [t.text for level in target_heads(_doc(words, heads, deps, pos)[1]) for t in level]
    assert [h for h in heads_tried if h in ("police", "Okello")][:1] == [first], f"{why}: {heads_tried}"


STRAY_AGENTS = [  # (words, heads, deps, pos, expected actor heads, why)
    (["Kibaki", "has", "been", "accused", "of", "fraud", ",", "many", "believe", ",", "by", "officials"],
     [3, 3, 3, 8, 3, 4, 8, 8, 8, 8, 8, 10],
     ["nsubjpass", "aux", "auxpass", "ccomp", "prep", "pobj", "punct", "nsubj", "ROOT", "punct", "prep", "pobj"],
     ["PROPN", "AUX", "AUX", "VERB", "ADP", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "ADP", "NOUN"], ["officials"],
     "a 'by' phrase after a passive trigger, hung past an aside on an active verb above it, is the trigger's agent"),
    (["Kibaki", "has", "been", "accused", "of", "fraud", ",", "it", "was", "said", ",", "by", "officials"],
     [3, 3, 3, 9, 3, 4, 9, 9, 9, 9, 9, 9, 11],
     ["nsubjpass", "aux", "auxpass", "ccomp", "prep", "pobj", "punct", "nsubjpass", "auxpass", "ROOT", "punct", "agent",
      "pobj"],
     ["PROPN", "AUX", "AUX", "VERB", "ADP", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "ADP", "NOUN"], [],
     "a passive verb above owns its own 'by' phrase ('it was said by officials')"),
]


@pytest.mark.parametrize("words,heads,deps,pos,expected,why", STRAY_AGENTS, ids=[" ".join(c[0]) for c in STRAY_AGENTS])
def test_a_stray_agent_of_a_passive_trigger(words, heads, deps, pos, expected, why):
    from sitrep.events_args import arguments

    doc = _doc(words, heads, deps, pos)
    assert [t.text for t in arguments(doc[3], "accuse").actor_heads] == expected, why


STRAY_SUBJECTS = [  # (words, heads, deps, pos, expected subject heads, why)
    (["In", "Kisumu", ",", "Nyanza", ",", "traders", "and", "hawkers", "protested"], [8, 0, 1, 1, 3, 3, 5, 5, 8],
     ["prep", "pobj", "punct", "appos", "punct", "conj", "cc", "conj", "ROOT"],
     ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "CCONJ", "NOUN", "VERB"], ["traders"],
     "the phrase between a comma and a subjectless main verb, hung by the parser on the place before it, is its subject"),
    (["In", "Kisumu", ",", "Nyanza", ",", "a", "trader", "was", "shot"], [8, 0, 1, 1, 3, 6, 3, 8, 8],
     ["prep", "pobj", "punct", "appos", "punct", "det", "conj", "auxpass", "ROOT"],
     ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB"], [],
     "guard: before a passive verb the phrase is whom the act befalls, never its doer"),
]


@pytest.mark.parametrize("words,heads,deps,pos,expected,why", STRAY_SUBJECTS, ids=[" ".join(c[0]) for c in STRAY_SUBJECTS])
def test_a_stray_subject_of_a_main_verb(words, heads, deps, pos, expected, why):
    from sitrep.events_args import subject_of

    doc = _doc(words, heads, deps, pos)
    assert [t.text for t in subject_of(doc[8])] == expected, why


def test_a_later_conjunct_fans_out_forward_only():
    """A conjunct taken as an argument brings the conjuncts after it, not the place the
    parser chained before it; the head of a coordination still brings them all."""
    from sitrep.events_args import _later_conjuncts

    doc = _doc(["Kisumu", ",", "traders", "and", "hawkers"], [0, 0, 0, 2, 2], ["ROOT", "punct", "conj", "cc", "conj"],
               ["PROPN", "PUNCT", "NOUN", "CCONJ", "NOUN"])
    assert [t.text for t in _later_conjuncts(doc[2])] == ["hawkers"]
    assert [t.text for t in _later_conjuncts(doc[0])] == ["traders", "hawkers"]


def test_a_fronted_phrase_does_not_take_the_subject(pipeline):
    """'With the signature of X, A and B have agreed': the parser hangs A and B on X; they are
    the ones who agree (PLOVER source)."""
    r = pipeline.code("With the signature of a memorandum (MOU) on Border Security, the Kenyan government and the "
                      "Somali government have agreed to share intelligence.", published="2023-05-02")
    ev = main_event(r, ontology="plover")
    assert ev.plover.type == "AGREE"
    assert {(a.country, a.sector) for a in ev.actors} >= {("KEN", "GOV"), ("SOM", "GOV")}


OWN_AIMS = [  # (subject of the 'as' clause, object found, why)
    ("they", True, "the doers named again: what they press for while they act is whom the act is aimed at"),
    ("police", False, "guard: a clause about others is the act's setting, no aim of its doers"),
]


@pytest.mark.parametrize("subject,found,why", OWN_AIMS)
def test_an_aim_pressed_while_acting_is_the_target(subject, found, why):
    """'Rebels blocked the roads as they pressed their campaign to topple the government':
    events_args._own_aims adds the arguments of the clause and of the clauses below it as the
    last levels of target_heads, after the act's own objects."""
    import spacy
    from spacy.tokens import Doc

    from sitrep.events_args import target_heads

    words = ["Rebels", "blocked", "the", "roads", "as", subject, "pressed", "their", "campaign", "to", "topple",
             "the", "government"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 6, 6, 1, 8, 6, 10, 6, 12, 10],
              deps=["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "advcl", "poss", "dobj", "aux", "advcl",
                    "det", "dobj"],
              pos=["NOUN", "VERB", "DET", "NOUN", "SCONJ", "PRON" if subject == "they" else "NOUN", "VERB", "PRON",
                   "NOUN", "PART", "VERB", "DET", "NOUN"],
              lemmas=[w.lower() for w in words[:6]] + ["press", "their", "campaign", "to", "topple", "the",
                                                        "government"])
    levels = [[t.text for t in level] for level in target_heads(doc[1])]
    assert "roads" in levels[0], levels
    assert any("government" in level for level in levels) == found, f"{why}: {levels}"


def test_the_content_of_a_plan_names_its_target():
    """'The cabinet approved a plan that bars the party': a relative clause on the act's object
    tells what the approved thing does; its object is a candidate target (target_heads)."""
    import spacy
    from spacy.tokens import Doc

    from sitrep.events_args import target_heads

    words = ["The", "cabinet", "approved", "a", "plan", "that", "bars", "the", "party"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 4, 2, 6, 4, 8, 6],
              deps=["det", "nsubj", "ROOT", "det", "dobj", "nsubj", "relcl", "det", "dobj"],
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "PRON", "VERB", "DET", "NOUN"],
              lemmas=["the", "cabinet", "approve", "a", "plan", "that", "bar", "the", "party"])
    assert any("party" in [t.text for t in level] for level in target_heads(doc[2]))


GUARDS = [  # (text, ACLED name of the first actor, why)
    ("On 3 May 2020, a security guard shot and wounded a trader at a market in Lagos (Lagos).",
     "Private Security Forces (Nigeria)",
     "a security guard who shoots is private security, not an unidentified armed group"),
    ("On 3 May 2020, private security guards beat a vendor outside a mall in Nairobi (Nairobi).",
     "Private Security Forces (Kenya)",
     "security guards who beat someone are private security, not rioters"),
]


@pytest.mark.parametrize("text,name,why", GUARDS, ids=[c[0][15:55] for c in GUARDS])
def test_security_guards_are_private_security_forces(pipeline, text, name, why):
    """ACLED codes hired guards as 'Private Security Forces (X)', inter 8 (titles.tsv v13)."""
    ev = main_event(pipeline.code(text, published="2020-05-04"))
    assert ev is not None and ev.actors, why
    assert (ev.actors[0].acled_name, ev.actors[0].acled_inter) == (name, 8), \
        f"{why}: {ev.actors[0].acled_name} {ev.actors[0].acled_inter}"
