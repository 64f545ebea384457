"""PLOVER recoding of events (sitrep.events_plover): endings, stopped demonstrations and who
does them - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

DOERS = [  # (text, PLOVER type, (actor country, actor sector), why): an ended act, an expulsion, a withdrawal, a strike
    ("President Yoweri Museveni on Monday shortened by two hours the nightly curfew in Kampala.", "CONCEDE",
     ("UGA", "GOV"), "shortening a curfew eases it; the one who eases it is the source, not a stray 'by' phrase"),
    ("President Tito Okello on Friday shortened by two hours the night curfew declared in Uganda after a July coup "
     "ousted the elected government.", "CONCEDE", ("UGA", "GOV"),
     "the parser makes the shifted object the subject of a clause under 'shortened'; a verb of ending takes no "
     "clause, so that subject is what is eased"),
    ("Ugandan police prevented a rally staged by teachers in Kampala on Monday.", "COERCE", ("UGA", "COP"),
     "a demonstration stopped short of force is the stopper's restriction"),
    ("Kenyan police forced out hundreds of squatters from a forest in Nakuru on Monday.", "SANCTION",
     ("KEN", "COP"), "to force people out is to expel them (CAMEO 166/174), done by who forces them"),
    ("Khartoum forced the UN food agency out of Darfur last week.", "SANCTION", ("SDN", "GOV"),
     "an aid agency forced out of a country is expelled (CAMEO 1663)"),
    ("Two hundred Kenyan peacekeepers were shipped out of Mogadishu on Friday.", "SANCTION", ("KEN", "MIL"),
     "peacekeepers shipped out with no one named who sent them are withdrawn by their own side, not the town's"),
    ("Ugandan troops were pulled out of Bunia on Monday.", "RETREAT", ("UGA", "MIL"),
     "troops pulled out pull back (a passive withdrawal with no agent: the withdrawn are the source)"),
    ("Dock workers in Mombasa stopped work on Monday over unpaid wages.", "PROTEST", ("KEN", "LAB"),
     "workers who stop work are on strike (a work stoppage), as when they down tools"),
]


@pytest.mark.parametrize("text,plover,actor,why", DOERS, ids=[c[0][:40] for c in DOERS])
def test_a_recoded_act_is_done_by_who_does_it(pipeline, text, plover, actor, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == plover, f"{why}: {ev and ev.plover.type}"
    assert actor in [(a.country, a.sector) for a in ev.actors], f"{why}: {[a.name for a in ev.actors]}"


OBLIGATIONS = [  # (text, source countries, target countries, why)
    ("Ghana said on Monday that Togo must reopen its consulate in Kumasi.", ["GHA"], ["TGO"],
     "an obligation in reported speech with no event word is the speaker's demand (PLOVER REQUEST)"),
    ("The Malawian government declared that Zambia should stop importing maize from Tanzania.", ["MWI"], ["ZMB"],
     "'should' obliges as 'must' does"),
]


@pytest.mark.parametrize("text,source,target,why", OBLIGATIONS, ids=[c[0][:40] for c in OBLIGATIONS])
def test_a_reported_obligation_is_a_request(pipeline, text, source, target, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "REQUEST", f"{why}: {ev and ev.plover.type}"
    assert [a.country for a in ev.actors] == source and [a.country for a in ev.recipients] == target, \
        f"{why}: {[a.name for a in ev.actors]} -> {[a.name for a in ev.recipients]}"


def test_an_obligation_with_an_event_word_is_coded_once(pipeline):
    """'must withdraw' has its own trigger (a retreat asked for): no second REQUEST for the clause."""
    result = pipeline.code("Kenya said Uganda must withdraw its troops from the island.", published="2023-05-02")
    assert [e.trigger.text for e in result.events if e.plover.type == "REQUEST"] == ["withdraw"]


def test_a_weapon_used_is_the_means_not_the_event(pipeline):
    """'aircraft using missiles killed X in an attack': the attack, aimed at X, is the event."""
    ev = main_event(pipeline.code("Ugandan aircraft using guided missiles killed six Congolese in an attack on a camp "
                                  "near Beni.", published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.trigger.text != "missiles", ev and ev.trigger.text
    assert "COD" in [a.country for a in ev.recipients], [a.name for a in ev.recipients]


INTENTS = [  # (text, trigger, PLOVER type, why)
    ("Angola announced that it will withdraw its troops from Congo after the fighting in Kinshasa.", "withdraw",
     "AGREE", "a promise is made when it is told: it outranks the fighting it follows, told as background"),
    ("Botswana said that Namibia must withdraw its soldiers from the island, a day after a clash on the river.",
     "withdraw", "REQUEST", "'must withdraw' is a demand of today, not a withdrawal that has not happened"),
]


@pytest.mark.parametrize("text,trigger,plover,why", INTENTS, ids=[c[0][:40] for c in INTENTS])
def test_an_intent_is_the_plover_event_of_its_day(pipeline, text, trigger, plover, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and (ev.trigger.text, ev.plover.type) == (trigger, plover), \
        f"{why}: {ev and (ev.trigger.text, ev.plover.type, ev.status)}"


def test_an_intent_is_no_acled_event_of_its_day(pipeline):
    """ACLED codes what happened: the promised withdrawal is not the note's event."""
    ev = main_event(pipeline.code(INTENTS[0][0], published="2023-05-02"))
    assert ev is not None and ev.trigger.text == "fighting", ev and ev.trigger.text



RETYPED = [  # (text, PLOVER type, why)
    ("Kenya withdrew its peacekeepers from Somalia on Monday.", "SANCTION",
     "withdrawn peacekeepers end an international involvement (CAMEO 1661), no military retreat"),
    ("The African Union said it will pull out its election observers and aid workers from Chad.", "THREATEN",
     "a promised withdrawal of observers threatens to halt an involvement (CAMEO 136)"),
    ("Uganda withdrew its troops from Congo on Monday.", "RETREAT", "troops pulled back are a military retreat"),
    ("Two hundred Kenyan peacekeepers were shipped out of Mogadishu on Friday.", "SANCTION",
     "peacekeepers shipped out are withdrawn: an international involvement ended (CAMEO 1661)"),
    ("The last Ugandan soldiers shipped out of Bunia on Monday.", "RETREAT",
     "troops shipped out of a place are a military withdrawal"),
    ("The Zambian government accepted the demands of striking miners on Monday.", "CONCEDE",
     "accepting demands is yielding to them (CAMEO 08), not an agreement"),
    ("The Zambian government accepted a formula for ending the dispute with the miners.", "AGREE",
     "accepting a proposal is agreeing to it"),
    ("Norwegian doctors handed over two tonnes of medicine to a hospital in Gulu.", "AID",
     "relief goods handed over are aid (CAMEO 07), not a transfer of territory or a release"),
    ("The rebels handed over two towns to the army on Monday.", "RETREAT", "places handed over are a retreat"),
    ("Kenyan and Ugandan troops held joint war games near the border.", "COOPERATE",
     "war games are a military exercise (event_triggers.tsv), no war"),
]


@pytest.mark.parametrize("text,plover,why", RETYPED, ids=[c[0][:50] for c in RETYPED])
def test_plover_retyping(pipeline, text, plover, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == plover, f"{why}: {ev and (ev.trigger.text, ev.plover.type)}"


def test_a_lodged_protest_is_a_complaint_not_a_demonstration(pipeline):
    """'lodged a protest with Y': a diplomatic complaint (PLOVER ACCUSE), no ACLED protest."""
    result = pipeline.code("Kenya lodged a protest with Uganda over the arrest of its fishermen.", published="2023-05-02")
    ev = main_event(result, ontology="plover")
    assert ev is not None and (ev.trigger.text, ev.plover.type) == ("protest", "ACCUSE"), ev and ev.plover.type
    assert [a.country for a in ev.recipients] == ["UGA"], [a.name for a in ev.recipients]
    assert all(e.acled.event_type != "Protests" for e in result.events), [e.acled.event_type for e in result.events]


PROTEST_AIMS = [  # (text, target (country, sector) or None, why)
    ("Student leaders began a hunger strike to demand the removal of President Daniel arap Moi of Kenya.",
     ("KEN", "GOV"), "a protest held to demand a leader's resignation is against that leader (PLOVER recipient), "
     "though the protesters are no coded actor"),
    ("Ugandan demonstrators rioted after a peaceful march calling for the removal of President Yoweri Museveni "
     "from office.", ("UGA", "GOV"),
     "'a march calling for X's removal': the demand the protest is held for names its target"),
    ("Nurses protested in Kisumu to demand the payment of their salaries.", None,
     "the protesters' own wants are no party the protest is aimed at"),
]


@pytest.mark.parametrize("text,target,why", PROTEST_AIMS, ids=[c[0][:40] for c in PROTEST_AIMS])
def test_a_protest_is_against_whom_its_demand_is_made_of(pipeline, text, target, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "PROTEST", f"{why}: {ev and ev.plover.type}"
    got = [(a.country, a.sector) for a in ev.recipients]
    assert (target in got) if target else not any(s in ("GOV", "EDU", "CVL", "MED") for _, s in got), \
        f"{why}: {[a.name for a in ev.recipients]}"


CONTENT_TARGETS = [  # (text, PLOVER type, target (country, sector), why)
    ("Luo community leaders announced last week that they are willing to pardon President Mwai Kibaki of Kenya.",
     "AGREE", ("KEN", "GOV"), "an intent with no parsed actor or recipient is aimed at whom its content is"),
    ("Several church leaders announced that they are ready to forgive Kenyan President Mwai Kibaki.", "AGREE",
     ("KEN", "GOV"), "'ready to' as 'willing to'"),
    ("A radio station in Kampala has defied a ban by General Yoweri Museveni and aired the debate.", "REJECT",
     ("UGA", "MIL"), "defying a ban is refusing the order of whoever issued it: its issuer is the recipient"),
]


@pytest.mark.parametrize("text,plover,target,why", CONTENT_TARGETS, ids=[c[0][:40] for c in CONTENT_TARGETS])
def test_an_act_is_aimed_where_its_content_is(pipeline, text, plover, target, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == plover, f"{why}: {ev and (ev.trigger.text, ev.plover.type)}"
    assert target in [(a.country, a.sector) for a in ev.recipients], f"{why}: {[a.name for a in ev.recipients]}"


REFUSALS = [  # (text, source country, target country or None, why)
    ("Kenyan officials said on Friday that lifting the embargo on Eritrea was out of the question.", "KEN", "ERI",
     "a thing said to be out of the question is refused by who says so, and aimed where the refused act is"),
    ("The Ugandan government ruled out talks with the rebels on Monday.", "UGA", None,
     "to rule something out is to refuse it (CAMEO 12)"),
]


@pytest.mark.parametrize("text,source,target,why", REFUSALS, ids=[c[0][:40] for c in REFUSALS])
def test_a_thing_ruled_out_is_refused(pipeline, text, source, target, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "REJECT", f"{why}: {ev and (ev.trigger.text, ev.plover.type)}"
    assert [a.country for a in ev.actors] == [source], f"{why}: {[a.name for a in ev.actors]}"
    assert target is None or target in [a.country for a in ev.recipients], f"{why}: {[a.name for a in ev.recipients]}"


def test_the_red_cross_is_an_international_body(pipeline):
    """CAMEO's known IGOs include the International Red Cross (PLOVER GSR: IGO, sector MED): a
    Red Cross demand has an IGO source, not an actor of no country."""
    ev = main_event(pipeline.code("The Red Cross said Ugandan forces must let food convoys reach the camps.",
                                  published="2023-05-02"), ontology="plover")
    assert ev is not None and any(a.kind == "igo" and a.sector == "MED" for a in ev.actors), \
        ev and [(a.name, a.kind, a.sector) for a in ev.actors]


ORDERS = [  # (text, trigger, actor countries, why)
    ("The Kenyan government ordered the Standard newspaper to suspend its printing for a week.", "suspend", ["KEN"],
     "the order is the government's act upon the paper (PLOVER codes the order), not the paper's own suspension"),
    ("President Museveni ordered Ugandan troops to attack the rebels near Gulu.", "attack", ["UGA"],
     "an ordered attack stays the troops' (an ACLED event keeps its doers)"),
]


@pytest.mark.parametrize("text,trigger,actors,why", ORDERS, ids=[c[0][:40] for c in ORDERS])
def test_an_order_is_the_act_of_who_gives_it(pipeline, text, trigger, actors, why):
    ev = next(e for e in pipeline.code(text, published="2023-05-02").events if e.trigger.text == trigger)
    assert [a.country for a in ev.actors] == actors, f"{why}: {[a.name for a in ev.actors]}"
    if trigger == "suspend":
        assert ("KEN", "GOV") not in [(a.country, a.sector) for a in ev.recipients], \
            f"{why}: {[a.name for a in ev.recipients]}"
    else:
        assert [a.sector for a in ev.actors] == ["MIL"], f"{why}: {[a.name for a in ev.actors]}"


def test_who_orders_an_act_is_among_its_actors(pipeline):
    """'X ordered patrols by police': the act ordered is X's too (PLOVER: the actor initiated
    the event); the doers the sentence names stay first, ACLED's actor1."""
    ev = main_event(pipeline.code("The Balochistan provincial government on Friday ordered patrols by police and "
                                  "soldiers across Quetta.", published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == "MOBILIZE", ev and ev.plover.type
    assert ("PAK", "GOV") in [(a.country, a.sector) for a in ev.actors], [a.name for a in ev.actors]
    assert ev.actors[0].sector == "COP", [a.name for a in ev.actors]


def test_an_order_to_do_what_is_no_event_is_a_request(pipeline):
    """PLOVER REQUEST covers orders: 'X ordered Y to appear' is X's demand of Y."""
    ev = main_event(pipeline.code("A Ugandan court ordered opposition leader Kizza Besigye to appear for questioning.",
                                  published="2023-05-02"), ontology="plover")
    assert ev is not None and (ev.trigger.text, ev.plover.type) == ("ordered", "REQUEST"), ev and ev.plover.type
    assert [(a.country, a.sector) for a in ev.actors] == [("UGA", "JUD")], [a.name for a in ev.actors]
    assert [(a.country, a.sector) for a in ev.recipients] == [("UGA", "OPP")], [a.name for a in ev.recipients]


NO_REQUEST = [  # (text, why)
    ("Police forced the residents to leave their homes in Kisumu.",
     "'forced Y to leave' is coercion, not an order PLOVER reads as a request"),
    ("The High Court in Nairobi ordered the Kenyan government to pay the farmers compensation.",
     "an ordered payment is a sanction (PLOVER manual), not a request"),
]


@pytest.mark.parametrize("text,why", NO_REQUEST, ids=[c[0][:40] for c in NO_REQUEST])
def test_no_request_from_force_or_an_ordered_payment(pipeline, text, why):
    """Guard: these verbs of ordering code no REQUEST."""
    result = pipeline.code(text, published="2023-05-02")
    assert not [e for e in result.events if e.plover.type == "REQUEST"], f"{why}: {[e.trigger.text for e in result.events]}"


def test_a_protest_closing_a_reported_clause_is_a_complaint_about_it(pipeline):
    """'X are failing to ..., a rights group protested': the group complains about X (PLOVER
    ACCUSE aimed at X), no demonstration; 'residents who were protesting' still demonstrate."""
    result = pipeline.code("Kenyan authorities are failing to protect the land rights of Somali refugees, a human "
                           "rights group protested here on Monday.", published="2023-05-02")
    ev = main_event(result, ontology="plover")
    assert ev is not None and (ev.trigger.text, ev.plover.type) == ("protested", "ACCUSE"), ev and ev.plover.type
    assert ("KEN", "GOV") in [(a.country, a.sector) for a in ev.recipients], [a.name for a in ev.recipients]
    crowd = pipeline.code("Police fired tear gas to disperse residents of Kisumu, Nyando who were protesting.",
                          published="2023-05-02")
    assert any(e.acled.event_type == "Protests" or e.acled.event_type == "Riots" for e in crowd.events), \
        [(e.trigger.text, e.acled.event_type) for e in crowd.events]


def test_an_act_outranks_the_events_of_its_setting(pipeline):
    """'X is prepared to impose a curfew while fighting raged': PLOVER codes X's threat, the
    fighting is told as its setting (a clause of time on the act's clause); the note's ACLED
    event is still the fighting."""
    result = pipeline.code("Kenya's government said it is prepared to impose a curfew while fierce fighting raged in "
                           "Mombasa between militants and police.", published="2023-05-02")
    ev = main_event(result, ontology="plover")
    assert ev is not None and (ev.trigger.text, ev.plover.type) == ("curfew", "THREATEN"), ev and ev.plover.type
    assert [(a.country, a.sector) for a in ev.actors] == [("KEN", "GOV")], [a.name for a in ev.actors]
    acled = main_event(result)
    assert acled is not None and acled.acled.event_type == "Battles", acled and acled.acled.event_type


HOSTED = [  # (text, PLOVER type of the main event, (actor country, actor sector) or None, why)
    ("The Kenyan president received a delegation of Somali elders at State House on Tuesday.", "CONSULT",
     ("KEN", "GOV"), "a delegation received is a visit hosted (CAMEO 043)"),
    ("The Ugandan foreign minister received a team of observers from the African Union.", "RETREAT",
     ("UGA", "GOV"), "observers received are admitted: access (CAMEO 086), by the host"),
    ("The Malian president gave a warm welcome on Friday to the visiting Senegalese leader.", "CONSULT",
     ("MLI", "GOV"), "a welcome given to a leader is a visit hosted"),
    ("The Sudanese premier welcomed the Egyptian foreign minister in Khartoum.", "CONSULT", ("SDN", "GOV"),
     "a minister welcomed is a visitor, not a policy approved"),
    ("Chad received food aid from the World Food Programme last month.", "AID", None,
     "guard: aid received stays aid; no visit"),
    ("Nigeria welcomed the decision of the court to free the activists.", "SUPPORT", None,
     "guard: a decision welcomed is approval"),
]


@pytest.mark.parametrize("text,plover,actor,why", HOSTED, ids=[c[0][:50] for c in HOSTED])
def test_a_visitor_received_is_a_visit_hosted(pipeline, text, plover, actor, why):
    """Receiving or welcoming a person or a party is hosting a visit (events_plover.hosted);
    the two guards (a thing received, a thing welcomed) must not change."""
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and ev.plover.type == plover, f"{why}: {ev and (ev.trigger.text, ev.plover.type)}"
    if actor is not None:
        assert actor in [(a.country, a.sector) for a in ev.actors], f"{why}: {[a.name for a in ev.actors]}"


def test_a_thing_received_is_no_event(pipeline):
    """Guard: a letter received is no visit: the 'receive' trigger is dropped, no CONSULT."""
    result = pipeline.code("The mayor of Gulu received a letter from the town council on Monday.",
                           published="2023-05-02")
    assert not any(e.plover.type == "CONSULT" for e in result.events), [(e.trigger.text, e.plover.type)
                                                                      for e in result.events]


MET_ALONE = [  # (text, trigger of the main PLOVER event, PLOVER type, why)
    ("The Ugandan cabinet met on Tuesday and approved a new budget.", "approved", "SUPPORT",
     "a body meeting by itself holds no consultation: what it goes on to do is the act"),
    ("The Ugandan cabinet met on Tuesday.", "met", "CONSULT", "guard: a meeting told alone stays the event"),
    ("Museveni met Kenyatta on Tuesday and signed a trade deal.", "met", "CONSULT",
     "guard: a meeting with another party named is a consultation"),
]


@pytest.mark.parametrize("text,trigger,plover,why", MET_ALONE, ids=[c[0][:50] for c in MET_ALONE])
def test_a_body_meeting_alone_before_it_acts_is_no_consultation(pipeline, text, trigger, plover, why):
    """events_plover._met_alone (in hosted): PLOVER CONSULT is between actors."""
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None and (ev.trigger.text, ev.plover.type) == (trigger, plover), \
        f"{why}: {ev and (ev.trigger.text, ev.plover.type)}"
