"""Events typing: protests told without a protest word (a crowd's public demand, a gathering
whose demands follow, 'protesting students', a crowd dispersed), force used on a crowd, and
statements that must stay statements. Sentences written for these tests, coded by the model."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep.events_demo import _roles

PROTESTS = [
    # text, sub_event_type of the main event, why
    ("On 4 June, a group of bus drivers in Orlu demanded the payment of three months of wages owed to them.",
     "Peaceful protest", "a crowd's public demand is a demonstration (codebook: protests)"),
    ("On 4 June, dozens of market vendors of Orlu demanded that the council reopen the old bus station.",
     "Peaceful protest", "vendors demanding of the council: a demonstration"),
    ("On 4 June, nurses of the district hospital gathered at the gate of the county offices in Orlu. They "
     "demanded protective equipment and unpaid allowances.", "Peaceful protest",
     "a gathering whose crowd makes demands in the next sentence is a demonstration"),
    ("Protesting pupils of Orlu Secondary School locked the principal out of his office on Monday.",
     "Peaceful protest", "'protesting pupils' tell that the pupils protest"),
    ("Police fired tear gas to disperse hundreds of opposition supporters outside the county offices in Orlu "
     "on Monday.", "Protest with intervention", "a crowd dispersed with tear gas: a gathering met with force"),
    ("Police dispersed about a hundred residents who were burning rubbish across the main road of Orlu.",
     "Violent demonstration", "a crowd dispersed while burning rubbish on a road: a violent demonstration"),
    ("Hundreds of traders marched in Orlu on Monday against the new market fees. The march later degenerated "
     "into violent clashes between the traders and the guards of the council.", "Violent demonstration",
     "what a protest degenerated into is what happened, not what it was about"),
    ("Students of Orlu College protested the expulsion of their leaders. The protest turned into a violent "
     "confrontation with the police.", "Violent demonstration", "a protest that turned into a violent fight"),
    ("Dozens of teachers gathered in the main square of Orlu and denounced the closure of their school.",
     "Peaceful protest", "a gathering that denounces something voices a grievance in public (event_cues v14)"),
    ("Residents assembled outside the town hall of Orlu to condemn the rise in water prices.",
     "Peaceful protest", "people assembled to condemn something: a demonstration (event_cues v14)"),
    ("Teachers held a sit-in outside the ministry in Orlu on Monday. The dispersal of the sit-in by police came "
     "at dusk.", "Protest with intervention", "a dispersal is an intervention like 'disperse' (event_cues v15)"),
    ("The authorities violently suppressed a peaceful march of teachers in Orlu on Monday.",
     "Excessive force against protesters",
     "a march violently suppressed: force that could cause serious injury (codebook: excessive force)"),
    ("Hundreds of teachers joined a march in Orlu on Monday that was broken up with live ammunition by the police.",
     "Excessive force against protesters",
     "live rounds in a clause on the march itself are force used on it, not a cause told before it"),
    ("Relatives of a man who was killed by soldiers in March held a march in Orlu on Monday.", "Peaceful protest",
     "guard: a death in a clause on someone else stays the background of the march"),
    ("Police beat marching nurses with sticks and clubs at a rally outside the health ministry in Orlu on Monday.",
     "Excessive force against protesters",
     "a beating with sticks and clubs could cause serious injury (codebook: excessive force)"),
    ("Police beat a nurse at a rally outside the health ministry in Orlu on Monday.",
     "Protest with intervention", "guard: a beating told with no weapon stays an intervention"),
    ("On 2 June, inmates of Orlu prison demonstrated against a search of their cells. Benches were burnt and "
     "property destroyed.", "Violent demonstration",
     "things wrecked with no doer beside a demonstration: vandalism (events_demo._things_wrecked)"),
    ("Dozens of nurses were hurt after soldiers broke up a demonstration in Orlu using live bullets.",
     "Excessive force against protesters", "an 'after' clause that breaks up the demonstration itself is its end, "
     "and a demonstration uses no bullets: the soldiers did (events_demo._on_demonstration, _means_of_verb)"),
    ("Market traders took to the streets of Orlu over the new stall fees on Monday.", "Peaceful protest",
     "a crowd taking to the streets over something voices a grievance (events_demo.gathered_over)"),
    ("Two farmers were shot dead by cattle raiders near Orlu on Sunday. On Monday, villagers marched to the "
     "district office to demand more police patrols.", "Peaceful protest",
     "a killing told in a sentence before the march is what the march answers, not force used on it "
     "(events_demo._cause_told_first)"),
    ("Police shot dead two men in Orlu on Sunday. The men had joined a march against the new market fees.",
     "Excessive force against protesters",
     "guard: a shooting by the police told first, its victims then named as marchers, is force used on the march"),
    ("Hundreds of traders stormed the county offices in Orlu on Monday to protest against the new market fees.",
     "Peaceful protest", "a crowd storming offices forces its way in but tells no violence (events_demo._storming)"),
    ("Hundreds of traders stormed the county offices in Orlu on Monday and smashed the windows to protest against "
     "the new market fees.", "Violent demonstration", "guard: windows smashed after the storming are vandalism"),
    ("Nurses protesting unpaid wages barricaded themselves inside the health ministry in Jacmel on Monday.",
     "Peaceful protest", "people barricading themselves inside an office occupy it, block no road "
     "(events_demo._self_barricaded)"),
    ("Nurses protesting unpaid wages barricaded the main road of Jacmel on Monday.", "Violent demonstration",
     "guard: a road barricaded is road-blocking with barricades (codebook: violent demonstration)"),
    ("Market hawkers rioted in Orlu on Monday and clashed with the police.", "Violent demonstration",
     "a riot's fight with the police is no mob violence against others (events_demo._riot_default)"),
    ("Youths rioted in Orlu on Monday and beat two passers-by with sticks.", "Mob violence",
     "guard: rioters beating passers-by are a mob's violence against civilians"),
    ("Teachers protested against the closure of their school in Orlu on Monday. Police used tear gas to break up "
     "the rowdy crowd.", "Violent demonstration",
     "a word of disorder said of the crowd the police act on tells how the crowd behaved (_crowd_disorderly)"),
    ("Police fired tear gas at unruly students who were marching to the county offices in Orlu on Monday.",
     "Violent demonstration", "unruly marchers tear-gassed: the crowd's disorder, whoever acts on it"),
    ("Teachers protested against the closure of their school in Orlu on Monday. Police used tear gas to break up "
     "the crowd.", "Protest with intervention",
     "guard: a crowd dispersed, told with no disorder, stays met with force"),
    ("On 3 March, a group of nurses demonstrated throwing rotten eggs into the offices of the health ministry "
     "in Orlu.", "Violent demonstration", "a participle of the protest verb tells how the crowd protested (_manner)"),
    ("On 8 May, hawkers protested against Mayor John Eze, burning banners and lighting bonfires.",
     "Violent demonstration", "a participle after a comma is what the crowd did, not what it protests"),
    ("On 3 March, a group of nurses demonstrated carrying placards into the offices of the health ministry "
     "in Orlu.", "Peaceful protest",
     "guard: a participle of the protest verb with no violence in it leaves the protest peaceful"),
    ("A group of nurses protesting against unpaid wages cornered two hospital managers and attacked them in Orlu "
     "on Monday.", "Violent demonstration",
     "the attackers are the people the protest word describes: the crowd's own violence (_crowd_side)"),
    ("Traders protesting against new market fees were attacked by council guards in Orlu on Monday.",
     "Protest with intervention", "guard: protesters named as the ones attacked stay the crowd force is used on"),
    ("Nurses marched through Orlu on Monday to demand unpaid wages. The march was free of any stone throwing "
     "or clashes with the guards.", "Peaceful protest",
     "violence told as missing ('free of', 'devoid of', 'without') is negated, and its clash is no part "
     "of the march (events_demo.said_missing, demonstration)"),
    ("Hundreds of teachers marched to the county offices in Orlu on Monday and ended the march without violence.",
     "Peaceful protest", "a march ended 'without violence' tells no violence (events_demo.said_missing)"),
    ("Market traders marched on the council offices in Orlu on Monday over new stall fees. At the march, three "
     "police officers on duty were injured.", "Violent demonstration",
     "police told hurt at a demonstration by no one were hurt by the crowd (events_demo._forces_hurt)"),
    ("Market traders marched on the council offices in Orlu on Monday over new stall fees. At the march, three "
     "traders on their way home were injured.", "Protest with intervention",
     "guard: the crowd told hurt is force it met, not rioting (events_demo._hurt_or_denied)"),
    ("Protesting pupils of a boarding school in Orlu are suspected of burning down three classrooms on Monday.",
     "Violent demonstration", "the doers of 'suspected of burning' are the subject of 'suspected' "
     "(events_demo._controller)"),
    ("Police were accused of beating marchers who protested against new fees in Orlu on Monday.",
     "Protest with intervention", "guard: forces who are the subject of 'accused of beating' are no rioters "
     "(events_demo._controller)"),
    ("Traders protested in Eldoret after a constable had killed a hawker in the market the previous evening.",
     "Peaceful protest", "a killing told in the past perfect came before the demonstration: its grievance, not "
     "force used on it (events_demo._pluperfect)"),
    ("Traders protested in Eldoret and police shot dead a hawker during the march.",
     "Excessive force against protesters", "guard: a shooting told as part of the march is force used on it"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,sub,why", PROTESTS, ids=[c[-1] for c in PROTESTS])
def test_protest_without_protest_word(pipeline, text, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-06-05"))
    assert e is not None, why
    assert e.acled.event_type in ("Protests", "Riots") and e.acled.sub_event_type == sub, \
        f"{why}: got {e.acled.sub_event_type}"


STATEMENTS = [
    # text, why: no protest is reported
    ("The opposition party demanded the resignation of the health minister on Tuesday.",
     "a party's demand is a statement, not a demonstration"),
    ("The governor demanded an inquiry into the collapse of the bridge.", "one official's demand is a statement"),
    ("Norland demanded that Valdora withdraw its ambassador.", "a state's demand is diplomacy"),
    ("Hundreds of fans gathered at the stadium to watch the final.", "a crowd gathered with no demand"),
    ("Relatives gathered at the mortuary in Orlu on Monday. They identified the bodies of the victims.",
     "a gathering followed by no demand"),
    ("The teachers' union condemned the closure of the school in a statement on Tuesday.",
     "guard: condemning with no gathering is a statement (event_cues v14 reads it only on a gathering)"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,why", STATEMENTS, ids=[c[-1] for c in STATEMENTS])
def test_statement_is_no_protest(pipeline, text, why):
    r = pipeline.code(text, id="t", published="2021-06-05")
    assert not [e for e in r.events if e.acled.event_type == "Protests"], why


NO_DISPERSAL = [
    # text, why: no demonstration is reported
    ("Police dispersed the wedding guests in Orlu, citing the curfew.", "guests are no crowd of the street"),
    ("Gunmen fired in the air to disperse the villagers and then stole forty goats in Orlu.",
     "armed raiders scattering villagers: their raid, not force used on a gathering"),
    ("The fog dispersed by noon and flights resumed at Orlu airport.", "nothing was dispersed by anyone"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,why", NO_DISPERSAL, ids=[c[-1] for c in NO_DISPERSAL])
def test_dispersal_without_demonstration(pipeline, text, why):
    r = pipeline.code(text, id="t", published="2021-06-05")
    assert not [e for e in r.events if e.acled.event_type in ("Protests", "Riots")], why


def test_dispersal_needs_a_crowd():
    from sitrep.events_typing import Context, type_mention

    def ctx(recipient, actor=()):
        return Context(set(), set(actor), set(recipient), set(), verb="disperse", recipient_text=set(recipient))

    assert type_mention("protest", ctx({"mob"})).keep, "supporters dispersed: a crowd"
    assert not type_mention("protest", ctx({"mob"}, actor={"armed", "nonstate"})).keep, \
        "dispersed by bandits: no force of the authorities on a gathering"
    assert not type_mention("protest", ctx({"civilian", "armed"})).keep, "armed men dispersed: no crowd"
    assert not type_mention("protest", ctx(set())).keep, "nothing the text calls a crowd"


def test_roles_of_a_clause_on_a_noun(vocab):
    """'police used other measures to disperse crowds', 'disperse' a relative clause on
    'measures': the crowds are what is dispersed (patient), not on the doers' side."""
    doc = Doc(vocab, words=["police", "used", "other", "measures", "to", "disperse", "crowds", "."],
              heads=[1, 1, 3, 1, 5, 3, 5, 1], deps=["nsubj", "ROOT", "amod", "dobj", "aux", "relcl", "dobj", "punct"],
              pos=["NOUN", "VERB", "ADJ", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
              lemmas=["police", "use", "other", "measure", "to", "disperse", "crowd", "."],
              tags=["NNS", "VBD", "JJ", "NNS", "TO", "VB", "NNS", "."])
    agent, patient = _roles(doc[5])
    assert "mob" in patient and "mob" not in agent


def test_roles_keep_the_doers_own_clause(vocab):
    """Guard: 'police dispersed people who were burning debris to demand fuel': the doers of
    'burning' are the people with their own clause, whose demand makes them protesters; only the
    verb's object ('debris') is left out of their side."""
    doc = Doc(vocab, words=["police", "dispersed", "people", "who", "were", "burning", "debris", "to", "demand",
                            "fuel", "."],
              heads=[1, 1, 1, 5, 5, 2, 5, 8, 5, 8, 1],
              deps=["nsubj", "ROOT", "dobj", "nsubj", "aux", "relcl", "dobj", "aux", "advcl", "dobj", "punct"],
              pos=["NOUN", "VERB", "NOUN", "PRON", "AUX", "VERB", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
              lemmas=["police", "disperse", "people", "who", "be", "burn", "debris", "to", "demand", "fuel", "."],
              tags=["NNS", "VBD", "NNS", "WP", "VBD", "VBG", "NN", "TO", "VB", "NN", "."])
    agent, _ = _roles(doc[5])
    assert "protest_ctx" in agent


@pytest.mark.model
@pytest.mark.parametrize("text, mode", [
    ("Police beat marching nurses with sticks and clubs at a rally outside the health ministry in Orlu on Monday.",
     "beat"),
    ("Hundreds of teachers joined a march in Orlu on Monday that was broken up with live ammunition by the police.",
     "firearms"),
])
def test_the_repressions_plover_mode_follows_its_weapon(pipeline, text, mode):
    """PLOVER manual: a beating with blunt instruments is ASSAULT 'beat'; live fire is 'firearms'."""
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-06-05"))
    assert (e.acled.sub_event_type, e.plover.type, e.plover.mode) == ("Excessive force against protesters", "ASSAULT",
                                                                      mode)
