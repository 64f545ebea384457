"""PLOVER types of the main event from the trigger lexicon (data/event_triggers.tsv,
event_frames.tsv) and the PLOVER manual's definitions - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

TYPES = [  # (text, PLOVER type of the main event, why)
    ("Ghana and Togo have upgraded their diplomatic ties to embassy level.", "SUPPORT",
     "upgrading diplomatic ties is SUPPORT, as establishing or restoring them is"),
    ("Gunmen gunned down a village chief outside his home on Sunday.", "ASSAULT",
     "'gun down' is shooting someone (a firearms assault)"),
    ("Rebels in the north have sworn to fight until the army leaves the region.", "THREATEN",
     "a vow to fight is the act coded, also when the parser makes 'to fight' an adverbial clause"),
    ("Soldiers demolished three houses in the village on Sunday.", "COERCE",
     "destroying property is COERCE (PLOVER 0.5 mode destroy), not an assault on people"),
    ("Malawi granted political asylum to the former Zambian minister on Tuesday.", "AID",
     "granting asylum is AID (PLOVER manual: asylum is material aid)"),
    ("Navy divers rescued twelve fishermen off the coast of Mombasa.", "AID",
     "a rescue is AID (PLOVER manual: hostage rescues)"),
    ("Togo and Benin restored diplomatic relations on Monday.", "SUPPORT",
     "initiating or restoring diplomatic ties is SUPPORT"),
    ("Chad severed diplomatic ties with Qatar on Thursday.", "SANCTION",
     "breaking off relations is SANCTION (CAMEO 161)"),
    ("The president pardoned forty political prisoners on Independence Day.", "CONCEDE",
     "a pardon is CONCEDE (PLOVER manual), the release itself RETREAT"),
    ("Norway is providing medical equipment to hospitals in Gaza.", "AID",
     "providing goods is material aid"),
    ("Norway will provide medical equipment to hospitals in Gaza.", "AGREE",
     "a future provision of aid is a promise, AGREE (PLOVER manual)"),
    ("Teachers in Nairobi called off their strike on Monday.", "CONCEDE",
     "ending a protest or strike eases dissent: CONCEDE (PLOVER manual: suspending protests)"),
    ("Zambia is committed to reopening its border with Malawi.", "AGREE",
     "a stated commitment to cooperate is AGREE"),
    ("The prime minister invited the Kenyan president to visit Kampala.", "AGREE",
     "an invitation to a visit is AGREE (PLOVER manual: invitations for state visits)"),
    ("Uganda turned down a request to extradite the suspect.", "REJECT",
     "turning down is REJECT, whatever it rejects"),
    ("Kenya extradited two suspects to Tanzania on Friday.", "COOPERATE",
     "extradition is judicial cooperation (PLOVER COOPERATE)"),
    ("The government plans to impose new restrictions on foreign journalists.", "THREATEN",
     "a planned restriction is a threat to coerce"),
    ("The Kenyan interior minister resigned on Friday after the scandal.", "RETREAT",
     "an official's resignation is RETREAT (PLOVER manual, mode resign)"),
    ("Ethiopia massed troops on its border with Eritrea.", "MOBILIZE",
     "massing troops increases military readiness: MOBILIZE"),
    ("A court in Nairobi charged the former minister with corruption.", "ACCUSE",
     "a legal charge is an accusation (CAMEO 112)"),
    ("Sudan allowed foreign journalists to travel to Darfur.", "CONCEDE",
     "permitting what was restricted is a concession (CAMEO 081, ease administrative sanctions)"),
    ("Tanzania will allow Burundian refugees to return home.", "AGREE",
     "a promised concession is AGREE, as the PLOVER gold codes future yields"),
]


def _check_type(pipeline, text, expected, why, ontology):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology=ontology)
    assert ev is not None, f"{why}: no typed event"
    got = ev.plover.type if ontology == "plover" else ev.acled.event_type
    assert got == expected, f"{why}: got {got} ({ev.reason})"


@pytest.mark.parametrize("text,expected,why", TYPES, ids=[c[0][:40] for c in TYPES])
def test_plover_type(pipeline, text, expected, why):
    _check_type(pipeline, text, expected, why, "plover")


def test_headline_shoot_tagged_noun(pipeline):
    """The tagger makes 'shoot' a noun after a long headline subject; it is still the act."""
    text = "Raiders from across the border shoot KDF soldier"
    doc = pipeline.nlp(text)
    assert [t.pos_ for t in doc if t.lower_ == "shoot"] == ["NOUN"], "the case needs the noun tagging"
    ev = main_event(pipeline.code(text, published="2023-05-02"))
    assert ev is not None and ev.trigger is not None and ev.trigger.text == "shoot", "no event from the noun 'shoot'"


@pytest.mark.parametrize("text,why", [
    ("The ceasefire deal provides for the exchange of all prisoners of war.", "a text that stipulates gives nothing"),
    ("Officials said the new law provides for a curfew in border districts.", "'provides for' names what a law sets"),
])
def test_provides_for_is_no_aid(pipeline, text, why):
    result = pipeline.code(text, published="2023-05-02")
    assert all(e.plover.type != "AID" for e in result.events), why


# --- the phrase index: slots for an object between a phrase's words (hand-built Docs) ---

from spacy.tokens import Doc  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from sitrep.errors import SitrepError  # noqa: E402
from sitrep.events_lex import PhraseIndex, _words  # noqa: E402

VOCAB = Vocab()
FIRE = PhraseIndex([(_words("set * on fire"), frozenset({"VERB"}), "destroy", None),
                    (_words("set on fire"), frozenset({"ANY"}), "destroy", None),
                    (_words("set * ablaze"), frozenset({"VERB"}), "destroy", None)])


def _doc(words, heads, deps, pos):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)


SLOT_CASES = [  # (words, heads, deps, pos, expected hit (start, end) or None, why)
    (["Youths", "set", "the", "office", "on", "fire", "."], [1, 1, 3, 1, 1, 4, 1],
     ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
     ["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"], (1, 6),
     "the object between 'set' and 'on fire' fills the slot"),
    (["Mobs", "set", "two", "buses", "and", "a", "car", "ablaze"], [1, 1, 3, 1, 3, 6, 3, 1],
     ["nsubj", "ROOT", "nummod", "dobj", "cc", "det", "conj", "oprd"],
     ["NOUN", "VERB", "NUM", "NOUN", "CCONJ", "DET", "NOUN", "ADJ"], (1, 8),
     "a coordinated object of five words fills the slot"),
    (["The", "hut", "was", "set", "on", "fire"], [1, 3, 3, 3, 3, 4],
     ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
     ["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN"], (3, 6),
     "with nothing between, the phrase without a slot matches"),
    (["They", "set", "off", ",", "and", "on", "fire"], [1, 1, 1, 1, 1, 1, 5],
     ["nsubj", "ROOT", "prt", "punct", "cc", "prep", "pobj"],
     ["PRON", "VERB", "ADP", "PUNCT", "CCONJ", "ADP", "NOUN"], None,
     "a slot holds no punctuation"),
    (["Police", "set", "roadblocks", "as", "homes", "were", "on", "fire"], [1, 1, 1, 5, 5, 1, 5, 6],
     ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl", "prep", "pobj"],
     ["NOUN", "VERB", "NOUN", "SCONJ", "NOUN", "AUX", "ADP", "NOUN"], None,
     "words that hang from another clause's verb are not 'set's object"),
    (["They", "set", "a", "b", "c", "d", "e", "f", "g", "on", "fire"], [1, 1, 8, 8, 8, 8, 8, 8, 1, 1, 9],
     ["nsubj", "ROOT", "det", "amod", "amod", "amod", "amod", "amod", "dobj", "prep", "pobj"],
     ["PRON", "VERB", "DET", "ADJ", "ADJ", "ADJ", "ADJ", "ADJ", "NOUN", "ADP", "NOUN"], None,
     "a slot holds at most six tokens"),
]


@pytest.mark.parametrize("words,heads,deps,pos,expected,why", SLOT_CASES, ids=[c[-1][:40] for c in SLOT_CASES])
def test_slot_phrase(words, heads, deps, pos, expected, why):
    doc = _doc(words, heads, deps, pos)
    hits = FIRE.find(doc)
    got = (hits[0].start, hits[0].end) if hits else None
    assert got == expected, why
    if hits:
        assert hits[0].head(doc).text == "set", "the act's head is the verb, not its object"


@pytest.mark.parametrize("phrase", ["* on fire", "set * on *", "set fire *"])
def test_slot_stands_once_between_words(phrase):
    with pytest.raises(SitrepError, match="E670"):
        _words(phrase)


def test_slot_phrases_in_the_lexicon_load():
    from sitrep.events_lex import SLOT, triggers

    slotted = [w for rows in triggers().by_first.values() for w, *_ in rows if SLOT in w]
    assert ("set", SLOT, "on", "fire") in slotted


# --- ACLED types from triggers added for notes that coded no typed event (sentences written for sitrep) ---

ACLED_TYPES = [  # (text, ACLED event_type of the main event, why)
    ("Youths hurled Molotov cocktails at a police patrol near the market on Friday.", "Riots",
     "throwing Molotov cocktails is rioting behaviour, like rock throwing (codebook: not an explosive)"),
    ("Pupils at a boarding school in Nyeri went on rampage over the transfer of their principal.", "Riots",
     "a rampage by students is a violent demonstration"),
    ("Monitors recorded 12 bursts of fire involving small arms near the village on Monday.", "Battles",
     "bursts of small-arms fire between forces are an armed clash"),
    ("A shopkeeper in Kisumu was treated in hospital for a gunshot wound to the arm.", "Violence against civilians",
     "a gunshot wound names a shooting"),
    ("Traders lynch pickpocket", "Riots",
     "a headline's present-tense 'lynch' (tagged NOUN by the parser) is mob violence"),
    ("Gang kidnaps county official", "Violence against civilians",
     "a headline's 'kidnaps' (tagged NOUN by the parser) is an abduction"),
    ("Armed raiders stole 400 cattle from herders near Baragoi on Saturday.", "Violence against civilians",
     "stealing livestock by armed raiders is an attack on civilians (ACLED codes cattle raids so)"),
    ("Two human heads were left in a cooler beside the highway in Guerrero on Tuesday.", "Violence against civilians",
     "found human remains are a killing of civilians by unknown perpetrators"),
    ("Two bodies were dumped in a ditch outside Thika, police said.", "Violence against civilians",
     "dumped bodies are a killing, though no killer is named"),
    ("Residents of Recife banged pots from their windows against the mayor on Friday.", "Protests",
     "banging pots (a cacerolazo) is a peaceful protest"),
    ("Teachers formed a human chain along the main road in Dhaka to demand unpaid wages.", "Protests",
     "a human chain is a demonstration"),
    ("Separatist fighters blew up a gas pipeline near the border on Friday.", "Explosions/Remote violence",
     "blowing something up is an explosion, as 'exploded' is"),
]


@pytest.mark.parametrize("text,expected,why", ACLED_TYPES, ids=[c[0][:40] for c in ACLED_TYPES])
def test_acled_type(pipeline, text, expected, why):
    _check_type(pipeline, text, expected, why, "acled")


SUB_TYPES = [  # (text, ACLED sub_event_type of the main event, why)
    ("Militia fighters dug in and established new fortifications north of the airport on Sunday.",
     "Change to group/activity", "building fortifications changes a group's posture; it sets up no headquarters"),
    ("Rebel units continued to fortify their positions along the river.", "Change to group/activity",
     "fortifying positions is a change to group/activity"),
    ("Five traders travelling to the market were hijacked by armed bandits on the highway.",
     "Abduction/forced disappearance", "hijacking people is an abduction"),
    ("Rebel fighters carried out an incursion against army positions near the border.", "Armed clash",
     "an incursion is an attack; on armed positions it is a battle"),
    ("Army dispatches hundreds of troops to the restive north.", "Change to group/activity",
     "dispatching troops is a deployment, as 'deploy' is"),
    ("Insurgents overtook the town after fierce fighting with the army.", "Non-state actor overtakes territory",
     "'overtake' a place is a capture"),
    ("Opposition supporters lit bonfires on the main road to demand the release of their leader.",
     "Violent demonstration", "lighting fires in a street, as burning tyres, is a violent demonstration"),
    ("Hundreds of traders were roughed up by a gang of youths at the market.", "Attack",
     "'rough up' is a beating"),
    ("Angry traders damaged vehicles in the town centre on Friday.", "Mob violence",
     "damage done by a crowd is rioting, as destruction is"),
    ("Masked gunmen shot dead a suspected drug dealer outside a bar on Friday night.", "Armed clash",
     "a drug dealer belongs to a criminal group, armed and organised in ACLED's sense"),
    ("Bandits attacked a food convoy and robbed the drivers.", "Attack",
     "a food convoy is civilian, not a military convoy"),
    ("Fights broke out between rival members of the teachers union.", "Mob violence",
     "members fighting each other with no armed side or weapon are rioters"),
    ("Political parties clashed in the town on Sunday and one person was injured.", "Mob violence",
     "political parties' supporters fighting are a mob, not armed groups"),
    ("Rebels fired 12.7 mm machine guns at farms east of the town on Tuesday.",
     "Shelling/artillery/missile attack", "12.7 mm is a heavy machine gun's calibre: remote violence (codebook)"),
    ("Government troops fired heavy and medium weapons at two villages near the river.",
     "Shelling/artillery/missile attack", "'heavy and medium weapons' names heavy weapons, as 'heavy weapons' does"),
    ("Two gunmen on a motorbike shot and killed a policewoman near the bus station.", "Armed clash",
     "a policewoman is police, an armed and organised side (as a policeman is)"),
]


@pytest.mark.parametrize("text,typed,why", [
    ("A powerful storm damaged hundreds of houses in the coastal town.", False,
     "a storm that damages is the doer: a disaster"),
    ("Dozens of homes were damaged in the floods on Monday.", False, "damage with no doer, told in a flood: a disaster"),
    ("The earthquake destroyed two schools and a clinic in the valley.", False, "an earthquake destroys: no one's act"),
    ("Unknown arsonists torched a telecom mast, amid claims that the network spreads the virus.", True,
     "arsonists are the doers; a disease named in the sentence is no disaster that did it"),
    ("Taxi riders burnt a vehicle after a road accident killed their colleague.", True,
     "the accident is what the crowd answered, not what burnt the vehicle"),
])
def test_damage_by_a_disaster_or_by_people(pipeline, text, typed, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"))
    assert (ev is not None and ev.acled.event_type is not None) == typed, f"{why}: got {ev and ev.acled.sub_event_type}"


@pytest.mark.parametrize("text,expected,why", SUB_TYPES, ids=[c[0][:40] for c in SUB_TYPES])
def test_acled_sub_type(pipeline, text, expected, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"))
    assert ev is not None and ev.acled.sub_event_type == expected, f"{why}: got {ev and ev.acled.sub_event_type}"


@pytest.mark.parametrize("ent,expected,why", [
    ("DATE", set(), "'on 2 March' is a date: no march, no protest context"),
    ("", {"protest_ctx"}, "'March' not tagged a date (a headline verb: 'Students March on parliament') is a march"),
])
def test_month_march_is_no_protest_word(ent, expected, why):
    from spacy.tokens import Span

    from sitrep.events_lex import cue_set

    doc = Doc(Vocab(), words=["On", "2", "March", "traders", "gathered"], pos=["ADP", "NUM", "PROPN", "NOUN", "VERB"],
              lemmas=["on", "2", "March", "trader", "gather"])
    if ent:
        doc.ents = [Span(doc, 1, 3, label=ent)]
    assert {"protest_ctx"} & set(cue_set(doc, range(len(doc)))) == expected, why
