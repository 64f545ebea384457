"""Events typing: rules added for crowds fighting police or soldiers (mob violence), for
ordnance dropped from the air, for weapons found and crimes stopped, and for places taken by
driving armed men out or freeing them, for displacements, for destruction done with remote
weapons, for remains found, for arrests told with beatings, for weapons tests, for
explosive attacks whose target fires back, for an air force's intelligence service, for
shots fired into the air and for heavy weapons fired at places where people live. Hand-made
contexts (no model) and sentences written for these tests, coded by the model."""
from __future__ import annotations

import pytest

from sitrep.events_typing import Context, type_mention


def ctx(scope=(), actor=(), recipient=(), sentence=(), verb=None):
    return Context(set(scope), set(actor), set(recipient), set(), sentence=set(sentence), verb=verb)


RULES = [
    # frame, context, event_type, sub_event_type, why
    ("attack", ctx(scope={"civilian", "state_force", "armed"}, actor={"civilian"}, recipient={"state_force", "armed"}),
     "Riots", "Mob violence", "citizens attacking police officers with no weapon told: rioters (codebook: civilians "
     "are unarmed; mob violence covers rioters against an armed group)"),
    ("attack", ctx(scope={"civilian", "state_force", "armed", "blade"}, actor={"civilian"},
                   recipient={"state_force", "armed"}),
     "Battles", "Armed clash", "a man attacking an officer with a knife is armed (codebook: rioters use no knives)"),
    ("attack", ctx(scope={"armed", "state_force"}, actor={"armed", "person_target"},
                   recipient={"state_force", "armed"}),
     "Battles", "Armed clash", "armed men attacking police are an organised armed side"),
    ("shoot", ctx(actor={"civilian"}, recipient={"state_force", "armed"}), "Battles", "Armed clash",
     "shooting at police is gunfire, never a mob's"),
    ("clash", ctx(scope={"mob", "civilian", "state_force", "armed"}, actor={"civilian", "mob"},
                  recipient={"state_force", "armed"}),
     "Riots", "Mob violence", "angry youths clashing with police, no weapon told"),
    ("clash", ctx(scope={"person_target", "civilian", "state_force", "armed"}, actor={"state_force", "armed"},
                  recipient={"person_target", "civilian"}),
     "Riots", "Mob violence", "police clashing with villagers: the same fight told the other way round"),
    ("clash", ctx(scope={"civilian", "state_force", "armed", "territory"}, actor={"state_force", "armed"},
                  recipient={"civilian", "territory"}),
     "Battles", "Armed clash", "soldiers clashing near a village: the village is a place, not a crowd"),
    ("clash", ctx(scope={"civilian", "state_force", "armed", "resist"}, actor={"civilian"},
                  recipient={"state_force", "armed"}),
     "Battles", "Armed clash", "an exchange of fire is no mob's fight"),
    ("clash", ctx(scope={"civilian", "state_force", "armed"}, actor={"civilian"}, recipient={"state_force", "armed"},
                  sentence={"communal"}),
     "Battles", "Armed clash", "a community's fighters are a communal militia, not a mob"),
    ("attack", ctx(scope={"sanctions", "person_target"}, recipient={"person_target"}, verb="target"),
     None, None, "sanctions that target officials are no attack"),
    ("attack", ctx(scope={"sanctions", "air"}, recipient={"armed"}, verb="target"),
     "Explosions/Remote violence", "Air/drone strike", "an air strike that targets a base stays an attack, "
     "sanctions or not"),
    ("aid", ctx(actor={"nonstate", "crime"}, recipient={"civilian"}), "Strategic developments",
     "Change to group/activity", "a cartel handing out food: a change in an armed group's activity"),
    ("aid", ctx(actor={"state_force", "armed"}, recipient={"civilian"}), None, None,
     "the state's aid is no ACLED event (PLOVER AID only)"),
    ("attack", Context({"civilian", "communal", "mob"}, {"civilian"}, {"civilian"}, set(),
                       actor_text={"mob", "communal"}), "Violence against civilians", "Attack",
     "youths of a clan attacking villagers: a communal militia, not a spontaneous mob"),
    ("drop", ctx(scope={"grenade", "drone"}), "Explosions/Remote violence", "Air/drone strike",
     "a grenade dropped from a drone is an air-to-ground attack (codebook)"),
    ("drop", ctx(scope={"chemical", "ordnance"}), "Explosions/Remote violence", "Chemical weapon",
     "chlorine munitions dropped on a town: a chemical weapon"),
]


@pytest.mark.parametrize("frame,context,event_type,sub,why", RULES, ids=[r[-1] for r in RULES])
def test_typing_rules(frame, context, event_type, sub, why):
    t = type_mention(frame, context)
    if event_type is None:
        assert not t.keep or t.event_type is None, why
        return
    assert (t.event_type, t.sub_event_type) == (event_type, sub), why
    assert t.keep and 0 < t.confidence <= 1 and t.reason


def test_drop_without_ordnance_is_no_event():
    t = type_mention("drop", ctx(scope={"person_target"}))
    assert not t.keep, "'dropped the charges' names nothing explosive"


SENTENCES = [
    # text, event_type, sub_event_type of the main event, why
    ("On 2 May, members of a local drug cartel distributed food parcels to poor families in Orlu.",
     "Strategic developments", "Change to group/activity",
     "an armed group handing out food changes its activity (codebook: change to group/activity)"),
    ("On 2 May, about fifty traders gathered outside the town hall of Orlu, chanting against the new market "
     "fees.", "Protests", "Peaceful protest", "a gathering whose crowd chants is a demonstration"),
    ("On 3 March, six citizens of Orlu attacked two police officers enforcing the curfew.",
     "Riots", "Mob violence", "unarmed citizens attacking police are rioters, not an armed side"),
    ("On 3 March, dozens of men from the village clashed with soldiers guarding the Orlu bridge.",
     "Riots", "Mob violence", "men with no weapon told fighting soldiers: mob violence"),
    ("On 3 March, gunmen attacked two police officers at a checkpoint outside Orlu.",
     "Battles", "Armed clash", "gunmen are an organised armed side"),
    ("On 3 March, rebel forces dropped two grenades from a drone on army positions near Orlu.",
     "Explosions/Remote violence", "Air/drone strike", "grenades dropped from a drone: an air strike, not Grenade"),
    ("A military helicopter dropped containers of chlorine gas on a town in the north, a monitoring group said.",
     "Explosions/Remote violence", "Chemical weapon", "chemicals dropped from the air: a chemical weapon"),
    ("Soldiers thwarted an attempt to smuggle rifles and ammunition across the border near Orlu.",
     "Strategic developments", "Disrupted weapons use", "guard: smuggling of weapons stopped stays disrupted "
     "weapons use (events_typing.crime_stopped)"),
    ("Bomb found near Orlu primary school", "Strategic developments", "Disrupted weapons use",
     "a bomb found did not go off: the find is the event (events_incident.found_noun)"),
    ("Government troops took full control of Orlu and two nearby villages on Sunday.", "Battles",
     "Government regains territory", "'took full control' is a capture like 'took control' (event_triggers v20)"),
    ("Government troops drove the rebels out of Orlu and two nearby villages on Sunday.", "Battles",
     "Government regains territory", "armed men driven out of a place: the place is taken (event_triggers v21, "
     "events_typing._expelled)"),
    ("Soldiers pushed al-Shabab fighters out of three villages near Orlu on Sunday.", "Battles",
     "Government regains territory", "a hyphen inside a word does not end a phrase's object (events_lex._break)"),
    ("The army freed four villages near Orlu from the rebels on Sunday.", "Battles", "Government regains territory",
     "a place freed from armed men is liberated (events_incident.place_freed)"),
    ("Rebels and soldiers fought fierce clashes over controlling the bridge at Orlu on Sunday.", "Battles",
     "Armed clash", "a taking named as what a fight is over is no capture (events_incident.fought_over)"),
    ("On 9 May, in Orlu, gunmen driving a truck carried out a drive-by attack on a bakery worker, who died.",
     "Violence against civilians", "Attack", "a phrase's object holds no clause: 'driving a truck carried out' "
     "is no 'drive * out' (events_lex._object)"),
    ("A bomb went off at a bus station in Orlu on Monday, killing six people, as government troops fight the rebels "
     "nearby.", "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "a battle in a present-tense 'as' clause is the war going on around the blast, its setting "
     "(events_incident.ongoing, battle_setting)"),
    ("Two traders were killed in Orlu on Sunday as troops clashed with rebels.", "Battles", "Armed clash",
     "guard: a battle told in the past in an 'as' clause is the event that killed them (events_incident.ongoing)"),
    ("On 3 March, gunmen killed a boy and wounded his sister in an attack on a village near Orlu. The attack "
     "follows fighting between two rival clans in the area.", "Violence against civilians", "Attack",
     "what the attack follows came before it: background, like 'after' (events_incident.followed)"),
    ("On 3 March, heavy fighting between two rival clans followed an attack on a village near Orlu.", "Battles",
     "Armed clash", "guard: the event that follows is the one reported, not background (events_incident.followed)"),
    ("The Orlu Liberation Front claimed responsibility for an ambush on a minibus near Orlu, which killed nine "
     "passengers.", "Violence against civilians", "Attack",
     "guard: a claimed act told with its toll is the report's event (events_incident.attributed)"),
    ("Soldiers are accused of torturing two farmers in a village near Orlu.",
     "Violence against civilians", "Attack", "guard: an act someone is accused of is the report's event"),
    ("Rebels and government troops exchanged prisoners and the bodies of fallen fighters near Orlu on Tuesday.",
     "Strategic developments", "Agreement", "a prisoner exchange is an agreement between the sides (ACLED "
     "codebook; event_frames v4 'exchange'), not a clash over the dead fighters"),
    ("Rebels attacked the soldiers guarding Orlu airport using mortars on Sunday.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "an attack done using mortars is a shelling: the tool decides (codebook; "
     "events_typing.wielded)"),
    ("Gunmen attacked a police post near Orlu with rifles and grenades on Sunday.", "Battles", "Armed clash",
     "guard: grenades used with small arms on an armed post are an exchange, a battle"),
    ("A man set off a bomb at the bus station in Orlu, killing himself and four travellers.",
     "Explosions/Remote violence", "Suicide bomb", "a bomber who dies by his own blast: a suicide bombing "
     "(event_cues v16 self_killed, events_typing.bomber_died)"),
    ("A police officer shot two colleagues in Orlu before killing himself.", "Violence against civilians", "Attack",
     "guard: a gunman who kills himself is no bomber"),
    ("Residents closed the main road of Orlu by burning rubber tyres on Monday, denouncing water cuts.", "Riots",
     "Violent demonstration", "tyres burnt with their material named between ('burning rubber tyres') are "
     "burning tyres (codebook: road-blocking with burning tires; event_triggers v23)"),
    ("Fighting between the army and the rebels forced about 300 villagers near Orlu to flee their homes on Sunday.",
     "Strategic developments", "Other", "people forced to flee by fighting, no one hurt: a displacement (codebook: "
     "Other; events_incident.displacement_first)"),
    ("Around 200 farmers were displaced after a clash between soldiers and rebels near Orlu on Sunday.",
     "Strategic developments", "Other", "people displaced by a clash, no one hurt: the displacement is the event"),
    ("Clashes between the army and the rebels near Orlu forced 300 villagers to flee their homes on Sunday. Four "
     "soldiers were killed.", "Battles", "Armed clash", "guard: with deaths told, the fighting stays the event"),
    ("Government troops captured three villages near Orlu on Sunday, forcing hundreds of families to flee.",
     "Battles", "Government regains territory", "guard: a capture that makes people flee stays a capture"),
    ("Some 150 refugees returned to Orlu from camps across the border on Sunday.", "Strategic developments",
     "Other", "refugees coming back: a movement of displaced people (codebook: Other; event_frames v5 uprooted)"),
    ("Rebels destroyed an army truck near Orlu with an ATGM on Sunday.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "an ATGM is a guided missile (event_cues v17), and destruction done "
     "with a remote weapon is remote violence (events_typing.struck_from_afar)"),
    ("Militants destroyed a telephone mast outside Orlu with explosives on Sunday.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "property destroyed with explosives: the tool decides "
     "(events_typing.struck_from_afar)"),
    ("Soldiers found and destroyed a cache of explosives near Orlu on Sunday.", "Strategic developments",
     "Disrupted weapons use", "guard: explosives destroyed are what was destroyed, not the tool used"),
    ("A man's head was found in a sack near the market in Orlu on Monday.", "Violence against civilians", "Attack",
     "a head found is human remains, a killing like a body found (events_mention._human_head)"),
    ("Militants gained control of the army base at Orlu after days of heavy fighting.", "Battles",
     "Non-state actor overtakes territory", "'gain control' is a capture (event_triggers v24)"),
    ("Opposition fighters retook Orlu from government forces on Thursday.", "Battles",
     "Non-state actor overtakes territory", "'retook', a form the lemmatizer misses, is 'retake' (event_triggers v24)"),
    ("Three herders were detained and beaten by soldiers in a forest near Orlu on Sunday.",
     "Violence against civilians", "Attack", "people detained and beaten in one coordination suffered an attack "
     "(events_incident.arrest_harmed)"),
    ("Police arrested five suspects in Orlu on Sunday after a trader was beaten.", "Strategic developments",
     "Arrests", "guard: an arrest told apart from the beating it follows stays an arrest"),
    ("A missile hit a testing ground near Orlu on Monday, killing two guards.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "guard: a missile that strikes a test site is no weapons test"),
    ("Gunmen threw a grenade at a police checkpoint in Orlu on Sunday. The officers responded with gunfire.",
     "Battles", "Armed clash", "a grenade attack whose target fired back is an exchange, a battle "
     "(events_incident.remote_met)"),
    ("Militants threw a hand grenade at soldiers guarding the Orlu bridge on Sunday. The soldiers reacted with "
     "gunfire.", "Battles", "Armed clash", "soldiers reacting with gunfire fight back (event_cues v18 'react')"),
    ("Rebels fired mortars at army positions near Orlu on Sunday. Monitors counted thirty explosions in both "
     "directions along the front.", "Battles", "Armed clash",
     "fire in both directions told in the next sentence: the shelling is part of a battle"),
    ("A bomb planted under a car exploded near the Orlu market on Sunday. Police responded to the scene and "
     "arrested two men.", "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "guard: police responding to the scene arrive, they do not fight back"),
    ("Army artillery shelled rebel positions near Orlu on Sunday. The army said it had retaliated for a rocket "
     "attack.", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "guard: a retaliation is a strike of its own, not fire returned in the same engagement"),
    ("Unknown gunmen shot dead a member of Air Force Intelligence in Orlu on Sunday.", "Battles", "Armed clash",
     "an air force's intelligence service is a security agency, no aircraft (event_cues v19)"),
    ("Border guards fired dozens of shots into the air near Orlu on Sunday.", "Strategic developments", "Other",
     "shots fired into the air at no one are a strategic development (codebook; events_incident.aimless)"),
    ("Soldiers fired warning shots near the border village of Orlu on Sunday.", "Strategic developments", "Other",
     "warning shots at no one are a strategic development"),
    ("Gunmen fired into the air and then shot dead a trader in Orlu.", "Violence against civilians", "Attack",
     "guard: shots in the air told with a killing stay the attack"),
    ("Two gunmen on a motorbike shot dead a man in Orlu on Sunday. The victim had been charged with cocaine "
     "trafficking in 2019.", "Battles", "Armed clash", "a victim another sentence ties to drug trafficking belongs to "
     "organised crime, an armed side (events_incident.victims_in_crime)"),
    ("Two brothers were shot dead in a market in Orlu on Sunday. One of the victims was a member of a local gang.",
     "Battles", "Armed clash", "one of the victims a gang member: armed men fought an armed side"),
    ("A woman was shot dead by gunmen in Orlu on Sunday. The victim had told the police about gang activity in "
     "her street.", "Violence against civilians", "Attack", "guard: a victim who told of a gang is no member of it"),
    ("A man was shot dead by gunmen in Orlu on Sunday. The victim had a criminal record.",
     "Violence against civilians", "Attack", "guard: a criminal record ties no one to organised crime"),
    ("Soldiers shot dead a young footballer in Orlu on Sunday. The victim had no links to any gang.",
     "Violence against civilians", "Attack", "guard: a victim said to be in no gang is no member of one"),
    ("An officer was shot dead by gunmen in Orlu on Sunday.", "Battles", "Armed clash",
     "a bare 'officer' harmed is a police or security officer, an armed side (events_mention._weak_head)"),
    ("Gunmen attacked an officer at a roadblock in Orlu.", "Battles", "Armed clash",
     "an officer attacked at a roadblock is an armed side"),
    ("A health officer was shot dead by gunmen in Orlu on Sunday.", "Violence against civilians", "Attack",
     "guard: an officer whose kind is named is read by that word, and a health officer is no armed side"),
    ("Armed men killed a district officer in Orlu on Sunday.", "Violence against civilians", "Attack",
     "guard: a district officer is an administrator, not armed"),
    ("An off-duty officer was shot dead by gunmen in Orlu on Sunday.", "Violence against civilians", "Attack",
     "guard: an off-duty officer is harmed unable to act defensively (codebook)"),
    ("Gunmen shot dead two farmers at a checkpoint near Orlu on Sunday.", "Violence against civilians", "Attack",
     "with the people shot as the verb's object, 'at a checkpoint' says where, not whom: no armed target "
     "(events_mention.place_of_act)"),
    ("Gunmen fired at soldiers at a checkpoint near Orlu on Sunday.", "Battles", "Armed clash",
     "guard: a verb with no object keeps its 'at' phrase as the target"),
    ("Gunmen attacked a farm near Orlu on Monday night, killing a farmer and abducting two workers.",
     "Violence against civilians", "Attack", "guard: an abduction with a killing told stays the attack "
     "(events_incident._abduction_only)"),
    ("A gas tank at a bakery in Orlu exploded on Monday. The blast was caused by a roadside bomb planted by rebels.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "guard: a blast told again with a bomb "
     "named is no accident (events_incident.accident_retold)"),
    ("On 3 June 2021, rebel fighters fired mortar rounds, heavy machine guns and rifles at residential areas "
     "of Kalma town. No one was hurt.", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "mortars and heavy machine guns fired at a residential area: a shelling, the rifles beside them "
     "notwithstanding (events_incident.at_dwellings)"),
    ("On 3 June 2021, militia fighters fired RPG rounds and rifles at two farms close to the "
     "village of Dunga.", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "heavy weapons fired at farms: no armed side is targeted, none can answer"),
    ("On 3 June 2021, militia fighters fired RPG rounds and hunting rifles at two farms close to the village of "
     "Dunga.", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "what the fire was aimed at, wherever the parse hangs the 'at' (on the verb or on a weapon it fired)"),
    ("On 3 June 2021, rebel fighters fired mortar rounds, heavy machine guns and rifles at the positions of "
     "the army near Kalma town.", "Battles", "Armed clash",
     "guard: the same weapons fired at armed positions are an exchange, a battle"),
    ("On 3 June 2021, rebel fighters fired mortar rounds and rifles at farms and villages near Kalma. Army "
     "units responded with gunfire.", "Battles", "Armed clash",
     "guard: fire at farms the next sentence says was answered is an exchange of armed force"),
    ("On 3 June 2021, rebel fighters fired mortar rounds and rifles at soldiers guarding houses near Kalma.",
     "Battles", "Armed clash", "guard: soldiers named among the targets are an armed side"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,et,sub,why", SENTENCES, ids=[c[-1] for c in SENTENCES])
def test_sentence_main_event(pipeline, text, et, sub, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-03-05"))
    assert e is not None, why
    assert (e.acled.event_type, e.acled.sub_event_type) == (et, sub), why


@pytest.mark.model
def test_dropped_charges_are_no_attack(pipeline):
    r = pipeline.code("Prosecutors dropped the charges against the two journalists on Monday.", id="t",
                      published="2021-03-05")
    assert not [e for e in r.events if e.acled.event_type], "dropping charges is no violent event"


NOT_REPORTED = [
    # text, why: the main event of the text has no ACLED type
    ("The Valdoran government imposed new sanctions on Norland over its rocket attacks on border towns.",
     "the attacks are the reason given for sanctions: background of a diplomatic act"),
    ("Norland announced sanctions against Sudria on Monday, freezing their assets and banning all trade "
     "with its ministers.", "frozen assets and a trade ban spell out the sanctions: no security measure"),
    ("Coast guards thwarted an attempt to smuggle thirty migrants to the island on Sunday.",
     "people smuggling stopped is a crime, no disrupted weapons use (events_typing.crime_stopped)"),
    ("Border police intercepted twelve smugglers taking migrants across the lake on Sunday.",
     "smugglers intercepted with no weapon told: a crime stopped"),
    ("A gas leak at a fertiliser plant outside Orlu killed four workers on Monday.",
     "a factory plant is no bomb planted: the leak is an accident (event_cues v15: 'plant' is a cue as a verb)"),
    ("Soldiers freed twenty hostages from a rebel camp near Orlu on Sunday.",
     "guard: people freed from a camp are released, no place liberated (events_incident.place_freed)"),
    ("The Orlu Liberation Front has claimed responsibility for last week's mortar strike on a Norland dam.",
     "an act named only as what a claim of responsibility is for: an attribution (events_incident.attributed)"),
    ("A rebel spokesman took credit for the bombing of the railway bridge at Orlu.",
     "credit taken for a bombing: an attribution, the act itself not told"),
    ("The soldiers returned to their barracks in Orlu on Sunday.",
     "guard: soldiers coming back are no displaced people (events_typing: uprooted)"),
    ("Shoppers and tourists took to the streets of Orlu over the holiday weekend.",
     "guard: 'over' a time names no grievance, so the crowd is no demonstration (events_demo.gathered_over)"),
    ("The council condemned the missile tests carried out by the country on Monday.",
     "a weapons test targets no one: no attack (events_mention._tested)"),
    ("The head of the Orlu council was found guilty of fraud on Monday.",
     "guard: the head of a council is a leader, not remains (events_mention._human_head)"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,why", NOT_REPORTED, ids=[c[-1] for c in NOT_REPORTED])
def test_no_acled_event_reported(pipeline, text, why):
    from sitrep.evaluate.base import main_event

    e = main_event(pipeline.code(text, id="t", published="2021-03-05"))
    assert e is None, f"{why}: got {e.acled.sub_event_type if e else None}"


@pytest.mark.model
def test_attempted_capture_is_no_capture(pipeline):
    from sitrep.evaluate.base import main_event

    text = ("The rebels' large attack to capture the army's positions near the airport was fended off by the "
            "strong defence of the soldiers.")
    e = main_event(pipeline.code(text, id="t", published="2021-03-05"))
    assert e is not None and e.acled.sub_event_type == "Armed clash", \
        "an attack to capture positions that was fended off is a battle with no change of control"


@pytest.mark.model
def test_displacement_with_deaths_is_part_of_the_violence(pipeline):
    r = pipeline.code("Some 700 villagers were displaced by a raid on Orlu in which nine people were killed.", id="t",
                      published="2021-03-05")
    assert [e.acled.sub_event_type for e in r.events] == ["Attack"], \
        "people displaced by a raid that killed nine: the displacement is the raid's outcome, no event of its own " \
        "(events_incident.displacement_first)"


@pytest.mark.model
def test_shots_over_a_crowd_told_before_are_no_strategic_development(pipeline):
    """Guard (events_incident.aimless): shots into the air fired at a crowd the sentence
    before tells are intervention in its demonstration, not shots at no one."""
    text = ("A crowd of demonstrators marched to a minister's home in Orlu. When they tried to force the gate, "
            "guards fired shots into the air.")
    events = pipeline.code(text, id="t", published="2021-03-05").events
    assert events and all(e.acled.sub_event_type != "Other" for e in events)


PLACE_OF_ACT = [  # words, lemmas, heads, deps, pos, verb index, head index, expected, why
    (["Gunmen", "killed", "traders", "at", "checkpoints"], ["gunman", "kill", "trader", "at", "checkpoint"],
     [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pobj"], ["NOUN", "VERB", "NOUN", "ADP", "NOUN"], 1, 4,
     True, "people as the object: the 'at' phrase is the place"),
    (["Gunmen", "fired", "at", "soldiers"], ["gunman", "fire", "at", "soldier"], [1, 1, 1, 2],
     ["nsubj", "ROOT", "prep", "pobj"], ["NOUN", "VERB", "ADP", "NOUN"], 1, 3,
     False, "guard: no object, the 'at' phrase is the target"),
    (["Police", "fired", "shots", "at", "youths"], ["police", "fire", "shot", "at", "youth"], [1, 1, 1, 1, 3],
     ["nsubj", "ROOT", "dobj", "prep", "pobj"], ["NOUN", "VERB", "NOUN", "ADP", "NOUN"], 1, 4,
     False, "guard: an object that names no people (shots) leaves the 'at' phrase the target"),
]


@pytest.mark.parametrize("words,lemmas,heads,deps,pos,verb,head,expected,why", PLACE_OF_ACT,
                         ids=[c[-1] for c in PLACE_OF_ACT])
def test_place_of_act(words, lemmas, heads, deps, pos, verb, head, expected, why):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.events_mention import place_of_act

    doc = Doc(Vocab(), words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos)
    assert place_of_act(doc[verb], doc[head]) is expected, why
