"""The implied-actors stage: ACLED's generic actors (Protesters/Rioters/Unidentified Armed
Group of the event's country) and the country of unplaced actors from the event's place."""
import pytest

from sitrep.actors_named import mark_org
from sitrep.actors_phrases import resolve_phrase
from sitrep.records import Actor, AcledType, Event, Location, Span
from sitrep.stages import implied_actors

CASES = [  # (text, sub_event_type, first actor, inter, why) - sentences written for sitrep
    ("Residents of Eldoret protested on Monday against the closure of the market.",
     "Peaceful protest", "Protesters (Kenya)", 6, "residents who protest are ACLED's generic protesters"),
    ("Police in Nairobi dispersed protesters with tear gas on Tuesday.",
     "Protest with intervention", "Protesters (Kenya)", 6, "the protest is the protesters' event, not the police's"),
    ("Gunmen killed three farmers in Makurdi on Sunday.",
     "Attack", "Unidentified Armed Group (Nigeria)", 3, "unnamed gunmen take the country of the place"),
    ("Unknown assailants abducted a teacher near Garissa on Friday.",
     "Abduction/forced disappearance", "Unidentified Armed Group (Kenya)", 3, "no actor named: ACLED's unidentified group"),
    ("Members of the Democratic Union held a protest in Lahore on Monday.",
     "Peaceful protest", "Protesters (Pakistan)", 6, "a named group protesting is associated with generic protesters"),
    ("Three opposition activists were arrested in Nakuru on Monday.",
     "Arrests", "Police Forces of Kenya", 1, "an arrest with no named actor is made by the police"),
    ("Weapons seizure: a cache of rifles and grenades was uncovered in Garissa on Monday.",
     "Disrupted weapons use", "Police Forces of Kenya", 1, "a seizure with no named actor is the police's"),
    ("Security measures: a dusk-to-dawn curfew was imposed in Mandera on Friday.",
     "Change to group/activity", "Police Forces of Kenya", 1, "a security measure with no named actor: the police"),
    ("On Monday, artillery shells fell on a market in Gao, wounding four traders.",
     "Shelling/artillery/missile attack", "Unidentified Armed Group (Mali)", 3,
     "shelling with no side named: an unidentified armed group of the place's country"),
    ("Youths protested outside the IEBC offices on Monday over the voter register.",
     "Peaceful protest", "Protesters (Kenya)", 6,
     "no place found: a state body of one country (actors_institutions.tsv) gives the text its country"),
    ("Three Nigerian soldiers were wounded when their truck struck a landmine near Damboa on Monday.",
     "Remote explosive/landmine/IED", "Unidentified Armed Group (Nigeria)", 3,
     "forces a device hit are its recipients: the device is its unknown planter's act"),
    ("Two bombs were found inside a bus in Kampala on Monday.",
     "Disrupted weapons use", "Unidentified Armed Group (Uganda)", 3,
     "a device merely found, no force named anywhere: ACLED codes its unknown planter"),
    ("Military police launched an operation in a favela of Campinas on Monday. A gunfight erupted and two suspects died at the scene.",
     "Armed clash", "Police Forces of Brazil", 1,
     "a clash whose only party is unidentified suspects: the named side of the sentence before is the actor"),
    ("On Tuesday, two policemen were wounded in Recife when three armed men exchanged fire with them.",
     "Armed clash", "Unidentified Armed Group (Brazil)", 3,
     "guard: a side told only as those hit (a passive subject) is not the named side the clash is told from"),
    ("Al Shabaab raided a village near Dhobley. The attackers kidnapped four teachers and fled.",
     "Abduction/forced disappearance", "Al Shabaab", 2,
     "'the attackers', no word of their own: the armed group the sentence before names"),
]


@pytest.mark.parametrize("text,sub,name,inter,why", CASES, ids=[c[0][:40] for c in CASES])
def test_first_actor(pipeline, text, sub, name, inter, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next((e for e in result.events if e.acled.sub_event_type == sub), None)
    assert ev is not None, f"{why}: no {sub} in {[e.acled.sub_event_type for e in result.events]}"
    first = ev.actors[0]
    assert (first.name, first.acled_inter) == (name, inter), f"{why}: got {first.name} ({first.acled_inter})"
    assert first.reason, "an implied actor says why"


def test_named_group_kept_as_associated(pipeline):
    result = pipeline.code("Members of the Democratic Union held a protest in Lahore on Monday.", published="2023-05-02")
    ev = next(e for e in result.events if e.acled.event_type == "Protests")
    assert [a.name for a in ev.actors][1:] == ["the Democratic Union"]
    assert ev.actors[1].country == "PAK", "an organisation no file holds takes the country where it protests"


def test_claims_see_no_implied_party(pipeline):
    """Claims are coded before implied actors: an armed group telling of its own attack asserts."""
    result = pipeline.code("Yemen's Houthis said they had targeted a commercial ship in the Red Sea.", published="2024-01-10")
    assert [c.stance for c in result.claims] == ["assert"]


class _State:
    def __init__(self, pipeline, text, events):
        from sitrep.pipeline import State
        from sitrep.records import Document, Result

        doc = pipeline.nlp(text)
        self.inner = State(doc=doc, result=Result(document=Document(id="t", text=text, published="2023-05-02")),
                           settings=pipeline.settings)
        self.inner.result.events = events
        from sitrep.stages.actors import SCRATCH, Resolver

        self.resolver = self.inner.scratch[SCRATCH] = Resolver(self.inner)


def _event(sub, etype, actors=(), recipients=(), country="KEN", precision=1):
    return Event(id="e1", trigger=Span("x", 0, 1), sentence=Span("x", 0, 1), acled=AcledType(disorder_type="Demonstrations", event_type=etype, sub_event_type=sub),
                 actors=list(actors), recipients=list(recipients),
                 location=Location(name="Eldoret", country=country, precision=precision) if country else None)


def test_protesters_relabelled_as_rioters(pipeline):
    crowd = Actor(id="a1", name="Protesters (Kenya)", kind="group", country="KEN", sector="CVL",
                  acled_name="Protesters (Kenya)", acled_inter=6, reason="'protesters' (CVL) with 'Kenyan'")
    s = _State(pipeline, "Protesters burned tyres.", [_event("Violent demonstration", "Riots", [crowd])]).inner
    implied_actors.run(s)
    ev = s.result.events[0]
    assert (ev.actors[0].name, ev.actors[0].acled_inter) == ("Rioters (Kenya)", 5)
    assert crowd not in ev.actors and "Protesters (Kenya)" in ev.actors[0].reason


def test_crowd_its_sentence_names_acts_at_the_event_place(pipeline):
    """A crowd found by the crowd rule (no actor tied to the trigger) whose country was only
    the document's main country takes the event's place, as the event's own actors do:
    'Rioters (Kenya)', not rioters of a country the place names' vote guessed."""
    text = "Students rioted over fees on Monday."
    st = _State(pipeline, text, [])
    r = st.resolver
    students = r.sub_actor("UGA", r.kb.title_for("students"), "guessed: the document's main country", guessed=True)
    r.mark(students, 0, 1)
    ev = _event("Violent demonstration", "Riots")
    ev.sentence = Span(text, 0, len(text))
    st.inner.result.events = [ev]
    implied_actors.run(st.inner)
    assert (ev.actors[0].acled_name, ev.actors[0].acled_inter) == ("Rioters (Kenya)", 5), ev.actors[0].reason


def test_forces_become_recipients_of_a_protest(pipeline):
    police = Actor(id="a1", name="Police Forces of Kenya", kind="state", country="KEN", sector="COP", acled_inter=1)
    crowd = Actor(id="a2", name="Protesters (Kenya)", kind="group", country="KEN", sector="CVL", acled_inter=6)
    s = _State(pipeline, "Police dispersed protesters.",
               [_event("Protest with intervention", "Protests", [police], [crowd])]).inner
    implied_actors.run(s)
    ev = s.result.events[0]
    assert ev.actors == [crowd] and ev.recipients == [police]


@pytest.mark.parametrize("precision,country", [(1, "KEN"), (2, "KEN"), (4, None)])
def test_unknown_organisation_takes_the_place_country(pipeline, precision, country):
    """A town (1) or near a town (2) says where an unknown organisation acts; a country
    alone (4) is too coarse."""
    org = Actor(id="a1", name="Union", kind="organization", reason="named organisation (NER)")
    st = _State(pipeline, "Union members attacked.", [_event("Attack", "Violence against civilians", [org],
                                                             precision=precision)])
    st.resolver.unknown_orgs.add("a1")
    implied_actors.run(st.inner)
    assert org.country == country


def test_known_group_keeps_its_country(pipeline):
    org = Actor(id="a1", name="Al Shabaab", kind="armed_group", country="SOM", acled_name="Al Shabaab",
                reason="actors_groups.tsv")
    st = _State(pipeline, "Al Shabaab attacked.", [_event("Attack", "Violence against civilians", [org])])
    implied_actors.run(st.inner)
    assert (org.country, org.acled_name) == ("SOM", "Al Shabaab"), "a group the knowledge files place keeps its country"


def test_transnational_group_named_by_where_it_acts(pipeline):
    """ACLED names a transnational group by the country of its branch: 'Islamic State (Iraq)'."""
    org = Actor(id="a1", name="Islamic State", kind="armed_group", acled_name="Islamic State", reason="actors_groups.tsv")
    st = _State(pipeline, "IS attacked.", [_event("Attack", "Violence against civilians", [org])])
    implied_actors.run(st.inner)
    assert (org.country, org.acled_name) == ("KEN", "Islamic State (Kenya)")


def test_known_party_keeps_no_country(pipeline):
    org = Actor(id="a1", name="Socialist International", kind="organization", reason="actors_groups.tsv")
    st = _State(pipeline, "They attacked.", [_event("Attack", "Violence against civilians", [org])])
    implied_actors.run(st.inner)
    assert org.country is None, "only armed groups are named by where they act"


def test_rules_file_names_known_titles():
    rules = implied_actors.rules()
    assert rules["Peaceful protest"][0].acled == "Protesters ({country})"
    assert rules["Mob violence"][0].inter == 5 and rules["Attack"][1] == "unnamed"
    assert "Air/drone strike" not in rules, "foreign air forces strike as often as the state's own"
    assert rules["Shelling/artillery/missile attack"][1] == "unnamed", "unattributed shelling: an unidentified group"


def test_no_generic_actor_for_events_that_did_not_happen(pipeline):
    result = pipeline.code("Armenia and Azerbaijan fought a war over Nagorno-Karabakh in 2020, the minister "
                           "recalled on Monday.", published="2023-02-01")
    assert [e.status for e in result.events] == ["historical"], "the background war is still coded"
    names = [a.name for e in result.events for a in e.actors]
    assert not any(n.startswith("Unidentified") for n in names), f"ACLED codes no actor for a background war: {names}"


@pytest.mark.parametrize("text,inter,why", [
    ("On 5 May 2020, Turkish warplanes carried out airstrikes on PKK hideouts near Amadiya, Dahuk, Northern Iraq.", 8,
     "a state's forces acting abroad are external forces"),
    ("Turkish soldiers clashed with PKK fighters in Hakkari province on Monday.", 1, "at home they are state forces"),
    ("Turkish soldiers attacked PKK fighters in Chora district and near Hakkari city, Hakkari province.", 1,
     "the event placed abroad (a Greek Chora) while the text's place names point home: at home"),
])
def test_external_forces(pipeline, text, inter, why):
    result = pipeline.code(text, published="2020-05-05")
    forces = [a for e in result.events for a in e.actors if a.name == "Military Forces of Turkey"]
    assert forces and forces[0].acled_inter == inter, why


def test_own_country_named_as_a_party_is_no_place(pipeline):
    """Guard: the forces' own country named as a party ('a US drone strike ... the United
    States said') does not vote them home; the towns and regions named abroad keep them
    external forces (ACLED inter 8)."""
    result = pipeline.code("A US drone strike killed two Taliban militants in Nahri Saraj district, Helmand, "
                           "the United States said.", published="2020-05-08")
    doers = [a for e in result.events for a in e.actors if a.country == "USA"]
    assert doers and doers[0].acled_inter == 8, [(a.name, a.acled_inter) for a in doers]


@pytest.mark.parametrize("text,first,why", [
    ("Turkana and Pokot herders clashed near Lodwar on Sunday.", "Turkana Ethnic Militia (Kenya)",
     "ethnic groups fighting each other are identity militias (inter 4)"),
    ("Members of a Moran ethnic militia attacked traders at a market in Isiolo on Monday.",
     "Moran Ethnic Militia (Kenya)", "'X ethnic militia' names a militia the ethnic file lacks"),
    ("Two died near Marigat as Tugen and Pokot herders fought.",
     "Tugen Ethnic Militia (Kenya)", "the one side the parse found in 'the X and Y communities' is the clash's actor"),
    ("Gunfire broke out between Al Zubaydi tribesmen and Houthi fighters near Marib on Friday.",
     "Al Zubaydi Tribal Militia (Yemen)", "'X tribesmen' are X's tribal militia, a name NER took for a person"),
])
def test_identity_militias(pipeline, text, first, why):
    result = pipeline.code(text, published="2020-05-05")
    ev = next(e for e in result.events if e.acled.event_type in ("Battles", "Violence against civilians"))
    assert (ev.actors[0].name, ev.actors[0].acled_inter) == (first, 4), why


def test_clash_sides_named_as_recipients(pipeline):
    result = pipeline.code("Two die in a fierce gun battle between al Shabaab and security forces near Mandera.",
                           published="2020-05-05")
    ev = next(e for e in result.events if e.acled.sub_event_type == "Armed clash")
    assert [a.name for a in ev.actors] == ["Al Shabaab"], "both sides named: neither is an unidentified group"
    assert [a.name for a in ev.recipients] == ["Military Forces of Kenya"]


@pytest.mark.parametrize("text", ["Jordan says it will close its border to refugees if war starts in Iraq.",
                                  "Syria warned on Monday that a war could break out in Iraq within weeks."])
def test_a_war_that_may_start_has_no_gunmen(pipeline, text):
    result = pipeline.code(text, published="2003-02-01")
    wars = [e for e in result.events if e.trigger.text == "war"]
    assert wars and wars[0].status == "hypothetical", "the onset verb's condition or modal is the war's"
    assert not wars[0].actors, "no implied actor for a war that has not started"


@pytest.mark.parametrize("text,published,host,why", [
    ("Saddam Hussein, the Iraqi president, flew to Amman on Tuesday for a two-day visit.", "1995-01-01",
     "Jordan", "a visit's recipient is its host: the country of the visited place"),
    ("Turkish Foreign Minister Hakan Fidan visited Baghdad on Monday.", "2024-01-01", "Iraq", "a capital visited"),
])
def test_visit_host(pipeline, text, published, host, why):
    result = pipeline.code(text, published=published)
    ev = next(e for e in result.events if e.plover.type == "CONSULT" and e.actors)
    assert [a.name for a in ev.recipients] == [host], why


TARGETS = [  # (text, PLOVER type, recipient countries, why) - sentences written for sitrep
    ("Norway threatened to cut off gas deliveries to Belarus over unpaid bills.", "THREATEN", ["BLR"],
     "the target of a complement clause: 'threatened to cut off ... to X'"),
    ("Chile demanded that Peru withdraw its ambassador.", "REQUEST", ["PER"],
     "the subject of the demanded clause is the one asked"),
    ("Ghana rejected an offer from Togo for joint patrols.", "REJECT", ["TGO"],
     "the complement of the rejected object: 'an offer from X'"),
    ("Mali called for sanctions against Niger after the coup.", "REQUEST", ["NER"],
     "a complement two prepositions down: 'for sanctions against X'"),
    ("Nurses began a hunger strike in Lusaka to protest against the Zambian government.", "PROTEST", ["ZMB"],
     "a protest's purpose clause names its target"),
    ("Kenyan police lifted a curfew in Kisumu on Monday.", "CONCEDE", ["KEN"],
     "no party named: the country of the place the act is aimed at (CAMEO)"),
    ("Russian jets bombed targets in Idlib on Tuesday.", "ASSAULT", ["SYR"],
     "a strike abroad is aimed at the country of its place"),
    ("A senior Kenyan minister said that Uganda must hand over the suspects.", "REQUEST", ["UGA"],
     "'X said Y must ...': the one obliged is the target"),
    ("The rebels insisted on their demand that the Burundian government free all prisoners.", "REQUEST", ["BDI"],
     "the clause of an argument noun: 'their demand that X ...'"),
    ("Kenya denounced as a crime Somalia's seizure of the cargo.", "ACCUSE", ["SOM"],
     "'denounced as a crime X's seizure': the apposition of an 'as' phrase"),
    ("Chad lifted the curfew in Abeche as troops in Sudan attacked rebels.", "CONCEDE", ["TCD"],
     "a clause of time ('as ...') names no target: the people of the town the act is aimed at"),
    ("The African Union agreed to open a liaison office in Bamako.", "AGREE", ["MLI"],
     "an organisation of no country acting in a place: the place's country is the target"),
    ("Thousands of people blocked roads in Harare in defiance of Zimbabwean police.", "PROTEST", ["ZWE"],
     "'in defiance of X', 'in protest against X': the stance phrase names the target"),
    ("Kenyan teachers marched in Nairobi on Monday.", "PROTEST", [],
     "a protest at home: the place is where it happened, not whom it was aimed at (ACLED codes no actor2)"),
]


@pytest.mark.parametrize("text,ptype,countries,why", TARGETS, ids=[c[0][:40] for c in TARGETS])
def test_plover_target(pipeline, text, ptype, countries, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next((e for e in result.events if e.plover.type == ptype), None)
    assert ev is not None, f"no {ptype} in {[e.plover.type for e in result.events]}"
    assert [a.country for a in ev.recipients] == countries, f"{why}: got {[a.name for a in ev.recipients]}"
    assert not countries or "target" in ev.reason, "an added target says why"


def test_no_target_from_the_own_side(pipeline):
    result = pipeline.code("The Kenyan government lifted the curfew in Kenya on Monday.", published="2023-05-02")
    ev = next(e for e in result.events if e.plover.type == "CONCEDE")
    assert ev.recipients == [], "the government acting in its own country is no target of itself"


@pytest.mark.parametrize("text,ptype,expected,why", [
    ("The Ethiopian army accused the Ethiopian government of abandoning the troops.", "ACCUSE", [("ETH", "GOV")],
     "another organ of the actor's own country, named in its own right, is a target"),
    ("Peru said it was ready to send its troops to the border with Ecuador.", "AGREE", [],
     "the actor's own troops ('its troops') are no target of it"),
    ("Ghana is ready to contribute 500 Ghanaian troops to a force in Mali.", "AGREE", [],
     "a state's own forces are its means, not its target"),
])
def test_same_country_targets(pipeline, text, ptype, expected, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next((e for e in result.events if e.plover.type == ptype), None)
    assert ev is not None, f"no {ptype} in {[e.plover.type for e in result.events]}"
    assert [(a.country, a.sector) for a in ev.recipients if a.country in ("ETH", "PER", "GHA")] == expected, why


def test_a_town_as_target_is_its_people(pipeline):
    result = pipeline.code("The Kenyan government lifted a curfew in Kisumu on Monday.", published="2023-05-02")
    ev = next(e for e in result.events if e.plover.type == "CONCEDE")
    assert [(a.country, a.sector) for a in ev.recipients] == [("KEN", "CVL")], \
        "a curfew in a town is aimed at the people who live there, even by their own government"


def test_crowd_keeps_its_plover_sector(pipeline):
    result = pipeline.code("Dock workers marched through Mombasa on Monday to demand higher pay.", published="2023-05-02")
    ev = next(e for e in result.events if e.acled.event_type == "Protests")
    first = ev.actors[0]
    assert (first.name, first.acled_inter) == ("Protesters (Kenya)", 6), "ACLED's generic protesters"
    assert first.sector == "LAB", "PLOVER codes who they are: workers are labour (LAB)"


def test_obligation_is_the_speakers_request(pipeline):
    result = pipeline.code("A senior Kenyan minister said that Uganda must hand over the suspects.", published="2023-05-02")
    ev = next(e for e in result.events if e.plover.type == "REQUEST")
    assert [a.country for a in ev.actors] == ["KEN"], "the speaker asks; the one obliged does not act"


def test_trigger_that_names_those_acted_on(pipeline):
    result = pipeline.code("Ugandan police opened fire to disperse opposition demonstrators on Monday night, killing one person.",
                           published="2023-05-02")
    ev = next(e for e in result.events if e.trigger.text == "demonstrators")
    assert [a.name for a in ev.recipients] == ["Protesters (Uganda)"], "'disperse demonstrators': the trigger is the target"


def _violent(sub, etype, text, actors=(), recipients=(), country="KEN"):
    return Event(id="e1", trigger=Span("x", 0, 1), sentence=Span(text, 0, len(text)),
                 acled=AcledType(disorder_type="Political violence", event_type=etype, sub_event_type=sub),
                 actors=list(actors), recipients=list(recipients),
                 location=Location(name="Moyale", country=country, precision=1) if country else None)


@pytest.mark.parametrize("text,inter,why", [
    ("Renewed ethnic clashes left two dead on Monday.", 4, "'ethnic' violence: an identity militia"),
    ("Inter-clan fighting over a water point killed three.", 4, "'inter-clan' fighting"),
    ("Two tribes fought over grazing land.", 4, "'tribes'"),
    ("Clashes between the two communities left five dead.", 4, "'communities' fighting each other"),
    ("Armed cattle rustlers shot a herdsman.", 4, "cattle rustling: a livelihood militia"),
    ("Two herders were shot dead during a raid on their homestead.", 4, "a raid: livelihood violence (identity_cues.tsv)"),
    ("Fighting between rival pastoralists left four dead.", 4, "pastoralists fighting each other"),
    ("Gunfire was traded between two related families over a plot of farmland.", 4,
     "two families as the sides: kin groups (_kin_sides)"),
    ("A night attack between two neighbouring villages left one man dead.", 4,
     "two villages as the sides: home communities (_kin_sides)"),
    ("Gunmen shot dead a man during a quarrel between a family and a local chief.", 3,
     "guard: one family against an official names no two kin groups"),
    ("Gunmen ambushed a bus on the road between Garsen and Witu.", 3,
     "guard: 'between' two places with no kin or home group"),
    ("Gunmen opened fire in the Rocinha community.", 3, "a 'community' (a neighbourhood) is no identity cue"),
    ("Gunmen clashed with a patrol on Monday.", 3, "no identity cue: the unidentified armed group stays"),
])
def test_identity_violence_is_identity_militia(pipeline, text, inter, why):
    gunmen = Actor(id="a1", name="Unidentified Armed Group (Kenya)", kind="armed_group", country="KEN", sector="UAF",
                   acled_name="Unidentified Armed Group (Kenya)", acled_inter=3, reason="'gunmen' (UAF)")
    st = _State(pipeline, text, [_violent("Armed clash", "Battles", text, [gunmen])])
    implied_actors.run(st.inner)
    first = st.inner.result.events[0].actors[0]
    assert (first.acled_inter, first.country) == (inter, "KEN"), why


def test_state_acting_abroad_is_external(pipeline):
    """A state named as the actor of political violence abroad is its forces there (ACLED inter 8);
    a state in its own country stays inter 1."""
    turkey = Actor(id="a1", name="Turkey", kind="state", country="TUR", sector="GOV", acled_inter=1)
    syria = Actor(id="a2", name="Syria", kind="state", country="SYR", sector="GOV", acled_inter=1)
    text = "Turkey shelled villages near Tell Abiad."
    st = _State(pipeline, text, [_violent("Shelling/artillery/missile attack", "Explosions/Remote violence", text,
                                          [turkey], country="SYR"),
                                 _violent("Shelling/artillery/missile attack", "Explosions/Remote violence", text,
                                          [syria], country="SYR")])
    implied_actors.run(st.inner)
    assert (turkey.acled_inter, syria.acled_inter) == (8, 1)


def test_civilians_are_no_perpetrators(pipeline):
    """ACLED's civilians are victims: a civilian first actor of an attack is a recipient and
    the generic armed actor takes its place; an ethnic people as the actor is its militia."""
    man = Actor(id="a1", name="Civilians (Kenya)", kind="group", country="KEN", sector="CVL",
                acled_name="Civilians (Kenya)", acled_inter=7, reason="'man' (CVL)")
    text = "A man was shot dead by unknown people."
    st = _State(pipeline, text, [_violent("Attack", "Violence against civilians", text, [man])])
    implied_actors.run(st.inner)
    ev = st.inner.result.events[0]
    assert man in ev.recipients and (ev.actors[0].acled_inter, ev.actors[0].country) == (3, "KEN")


def test_clash_with_police_has_police_as_actor(pipeline):
    """A clash whose parse found no actor and one named state force ('killed after exchanging
    fire with police'): the named side is the actor."""
    police = Actor(id="a1", name="Police Forces of Brazil", kind="state", country="BRA", sector="COP", acled_inter=1)
    text = "Two suspects were killed after exchanging fire with police."
    st = _State(pipeline, text, [_violent("Armed clash", "Battles", text, [], [police], country="BRA")])
    implied_actors.run(st.inner)
    assert st.inner.result.events[0].actors == [police]


@pytest.mark.parametrize("text,name,why", [
    ("Gunmen attacked a bus near Mandera. Al-Shabaab claimed responsibility.", "Al Shabaab",
     "the one armed group the note holds responsible"),
    ("Gunmen shot dead an al-Shabaab suspect near Mandera.", "Unidentified Armed Group (Kenya)",
     "a suspected member named as the victim is no attribution"),
])
def test_attributed_perpetrator(pipeline, text, name, why):
    result = pipeline.code(text, published="2019-05-02")
    ev = next(e for e in result.events if e.acled.disorder_type == "Political violence")
    assert ev.actors[0].name == name, f"{why}: {[a.name for a in ev.actors]}"


@pytest.mark.parametrize("text,found,why", [
    ("JNIM claimed responsibility for the ambush.", True, "'claimed' and 'responsibility' are attribution cues"),
    ("The attackers are suspected to be bandits.", True, "a stem matches any ending ('suspected')"),
    ("Police said the gunmen fled into the forest.", False, "a plain report lays the act at nobody's door"),
])
def test_attribution_cues_from_table(text, found, why):
    """The attribution cues are read from data/claim_cues.tsv (kind attribution)."""
    assert bool(implied_actors._attribution().search(text)) is found, why


@pytest.mark.parametrize("text,name,why", [
    ("On 3 June 2021, in San Antonio (Valparaiso), fishermen protested against the closure of the port.",
     "Protesters (Chile)", "the document's vote was a guess (USA); the event's place, which its place names "
                           "corroborate, gives the country"),
    ("President Uhuru Kenyatta visited the area. Later, rioters blocked the road in Over.",
     "Rioters (Kenya)", "a named person's country outweighs a place the place stage read abroad"),
    ("Garissa traders protest a recent al Shabaab attack on a bus in their town.",
     "Protesters (Kenya)", "no place name votes: the event's place stands against an armed group's home (Somalia)"),
    ("In Kayole, traders protested against the closure of the Villa market.",
     "Protesters (Kenya)", "the place names' vote ('Villa': Italy) loses to the place stage's reading of the event's place"),
    ("Youths in Embakasi East rioted after the count, burning tyres.",
     "Rioters (Kenya)", "a word of a place name ('East': a region of Cameroon) loses to the event's place"),
    ("A police officer shot two herders in Hulugho on Monday. Authorities said they suspected al Shabaab links.",
     "Police Forces of Kenya", "'authorities' given the guessed country (the armed group's home) name no country "
                               "against the event's place"),
])
def test_event_place_replaces_a_guessed_country(pipeline, text, name, why):
    result = pipeline.code(text, published="2021-06-04")
    ev = next(e for e in result.events if e.acled.event_type in ("Protests", "Riots", "Violence against civilians"))
    assert ev.actors[0].name == name, f"{why}: {[(a.name, a.reason) for a in ev.actors]}"


@pytest.mark.parametrize("text,name,sector,why", [
    ("Tens of thousands of university students across Indonesia staged mass rallies on Saturday to demand reforms.",
     "Protesters (Indonesia)", "EDU", "the crowd the sentence names, though the parse tied none to the trigger; "
                                     "students stay EDU (PLOVER) under ACLED's generic name"),
    ("Hundreds of opposition supporters marched in Kisumu on Monday, demanding electoral reforms.",
     "Protesters (Kenya)", "OPP", "supporters who march are protesters (ACLED), opposition (PLOVER)"),
])
def test_generic_crowd_keeps_the_crowds_sector(pipeline, text, name, sector, why):
    result = pipeline.code(text, published="2021-06-04")
    ev = next(e for e in result.events if e.acled.event_type == "Protests")
    assert (ev.actors[0].name, ev.actors[0].sector) == (name, sector), f"{why}: {[(a.name, a.sector) for a in ev.actors]}"


@pytest.mark.parametrize("text,inter,why", [
    ("Heavy machine-gun fire was heard in both directions of the frontline near the village.", 1,
     "a front line in the country: the state's military holds one side"),
    ("Heavy machine-gun fire was heard near the village.", 3, "no front line: the unidentified armed group stays"),
])
def test_front_line_has_the_state_on_one_side(pipeline, text, inter, why):
    st = _State(pipeline, text, [_violent("Armed clash", "Battles", text, country="UKR")])
    implied_actors.run(st.inner)
    first = st.inner.result.events[0].actors[0]
    assert (first.acled_inter, first.country) == (inter, "UKR"), f"{why}: {first.name}"


def test_sentence_actor_takes_the_event_place_country(pipeline):
    """An event with no actor takes the armed actor its sentence names; that actor's country,
    only guessed from the document (an armed group's home), gives way to the event's place
    like any actor's that the parse tied to the event."""
    text = "Soldiers set off the bomb."   # doers: soldiers the bomb hit are its targets (test_sentence_actor_is_no_one_acted_on)
    st = _State(pipeline, text, [_violent("Remote explosive/landmine/IED", "Explosions/Remote violence", text)])
    r = st.resolver
    soldiers = r.sub_actor("SOM", r.kb.title_for("soldiers"), "guessed: an armed group's home", guessed=True)
    r.mark(soldiers, 0, 1)
    implied_actors.run(st.inner)
    first = st.inner.result.events[0].actors[0]
    assert first is soldiers and (first.country, first.acled_inter) == ("KEN", 1), first.reason


@pytest.mark.parametrize("iso,guessed,name,why", [
    ("LBY", True, "Bani Harith Tribal Militia (Yemen)", "a militia given only the document's main country takes its "
                                                        "event's place's country and name"),
    (None, False, "Bani Harith Tribal Militia (Yemen)", "a militia of no country takes its event's place's"),
    ("LBY", False, "Bani Harith Tribal Militia (Libya)", "a militia whose country the text gave keeps it"),
])
def test_identity_militia_takes_the_event_place_country(pipeline, iso, guessed, name, why):
    text = "Tribesmen clashed with Houthi units."
    st = _State(pipeline, text, [])
    m = implied_actors.militia(st.resolver, "Bani Harith", iso, "test", "Tribal", guessed=guessed)
    st.inner.result.events = [_violent("Armed clash", "Battles", text, actors=[m], country="YEM")]
    implied_actors.run(st.inner)
    assert m.acled_name == name, f"{why}: {m.reason}"


@pytest.mark.parametrize("text,sub,name,why", [
    ("The SMM counted forty explosions overnight near a village it did not name.", "Shelling/artillery/missile attack",
     "Military Forces of Ukraine", "fire a ceasefire monitoring mission observes: the host state's line of contact"),
    ("OSCE monitors recorded bursts of gunfire near a checkpoint.", "Armed clash",
     "Military Forces of Ukraine", "the mission's other name"),
    ("Forty explosions were counted overnight near a village.", "Shelling/artillery/missile attack",
     "Unidentified Armed Group (Ukraine)", "no mission, no front line: the unidentified armed group stays"),
    ("UNMISS reported bursts of gunfire near a village.", "Armed clash",
     "Unidentified Armed Group (Ukraine)", "an armed peace mission may be a party itself: no front line"),
])
def test_fire_a_monitoring_mission_observes(pipeline, text, sub, name, why):
    first = _first_actor_of_fire(pipeline, text, sub, "Battles")
    assert (first.acled_name or first.name).startswith(name), f"{why}: {first.name} ({first.reason})"


def _first_actor_of_fire(pipeline, text, sub, etype, published=None):
    """The first actor of a violent event in Ukraine told by ``text``, the named missions
    marked as the actors stage marks them."""
    st = _State(pipeline, text, [])
    if published:
        st.resolver.day = published
    for ent in st.inner.doc.ents:
        mark_org(st.resolver, ent)
    st.inner.result.events = [_violent(sub, etype, text, country="UKR")]
    implied_actors.run(st.inner)
    return st.inner.result.events[0].actors[0]


def test_a_mission_names_the_country_it_works_in(pipeline):
    """A text that names a mission working in one country (igos.tsv host) and no country,
    person or known place is about that country."""
    result = pipeline.code("The SMM counted forty explosions overnight near Zxqvoye.", published="2020-05-02")
    first = next(e for e in result.events if e.acled.disorder_type == "Political violence").actors[0]
    assert (first.country, first.acled_inter) == ("UKR", 1), first.reason


@pytest.mark.parametrize("text,sub,name,why", [
    ("Two soldiers were wounded by gunmen who ambushed their truck.", "Attack", "Unidentified Armed Group (Kenya)",
     "the soldiers were acted on; the gunmen, named as agents, did it"),
    ("An off-duty policeman was killed when a grenade went off in a bar.", "Grenade", "Unidentified Armed Group (Kenya)",
     "the officer is the victim of the blast, not its thrower"),
    ("Police are accused of beating a hawker to death.", "Attack", "Police Forces of Kenya",
     "passive of a verb of saying: the police did the beating"),
    ("A police officer was shot dead in an exchange of fire with robbers.", "Armed clash", "Police Forces of Kenya",
     "in a clash both sides fight, the fallen too"),
])
def test_sentence_actor_is_no_one_acted_on(pipeline, text, sub, name, why):
    st = _State(pipeline, text, [])
    r = st.resolver
    for tok in st.inner.doc:   # the armed people the actors stage finds, as it marks them
        actor = resolve_phrase(st.inner, tok) if tok.pos_ in ("NOUN", "PROPN") else None
        if actor is not None and r.of(tok.i) is None:
            r.mark(actor, tok.i, tok.i + 1)
    st.inner.result.events = [_violent(sub, "Violence against civilians", text)]
    implied_actors.run(st.inner)
    first = st.inner.result.events[0].actors[0]
    assert (first.acled_name or first.name).startswith(name), f"{why}: {first.name} ({first.reason})"


@pytest.mark.parametrize("text,published,name,why", [
    ("The SMM recorded twelve explosions near Avdiivka.", "2019-06-01", "NAF: United Armed Forces of Novorossiya",
     "fire landing near a government-held town came from across the line"),
    ("The SMM recorded twelve explosions near Horlivka.", "2019-06-01", "Military Forces of Ukraine",
     "fire near a town the armed formations held came from the government's side"),
    ("The SMM recorded twelve explosions near Sartana.", "2019-06-01", "NAF: United Armed Forces of Novorossiya",
     "a government-held village by Mariupol (table v2): the fire came from across the line"),
    ("The SMM recorded twelve explosions near Avdiivka.", "2023-06-01", "Military Forces of Ukraine",
     "after the 2015-2022 line the table says nothing: the state's side"),
])
def test_side_of_a_monitored_line(pipeline, text, published, name, why):
    first = _first_actor_of_fire(pipeline, text, "Shelling/artillery/missile attack", "Explosions/Remote violence",
                                 published)
    assert (first.acled_name or first.name).startswith(name), f"{why}: {first.name} ({first.reason})"


@pytest.mark.parametrize("sub,etype,inter,why", [
    ("Attack", "Violence against civilians", 3, "a party's wing beating opponents acts as a political militia"),
    ("Peaceful protest", "Protests", None, "a party in a protest is an associated actor of the protesters: no inter"),
])
def test_party_as_doer_of_violence(pipeline, sub, etype, inter, why):
    text = "Members of the ruling party's youth wing beat an opposition activist."
    st = _State(pipeline, text, [])
    party = st.resolver.get("party:test", name="Testland Youth League", kind="organization", country="KEN",
                            sector="PTY", acled_name="TYL: Testland Youth League", reason="actors_parties.tsv")
    ev = _violent(sub, etype, text, actors=[party])
    if etype == "Protests":
        ev.acled.disorder_type = "Demonstrations"
    st.inner.result.events = [ev]
    implied_actors.run(st.inner)
    assert party.acled_inter == inter, f"{why}: {party.reason}"


@pytest.mark.parametrize("text,name,inter,why", [
    ("Police officers went to a market in Eldoret on Monday to look for stolen phones. "
     "A shoot-out broke out and one suspect died.", "Police Forces of Kenya", 1,
     "a clash told with no party: the armed actor of the sentence right before it is one side"),
    ("Police officers went to a market in Eldoret on Monday, an area controlled by a gang. "
     "A heavy shoot-out ensued; four suspects were shot.", "Police Forces of Kenya", 1,
     "a clash whose only side named is unidentified: the armed actor of the sentence before is the other side"),
    ("On Monday police officers went to a market in Eldoret to look for stolen phones. "
     "Traders closed their shops. A shoot-out broke out and one suspect died.", "Unidentified Armed Group (Kenya)", 3,
     "guard: an armed actor two sentences back is no side; the generic actor stays"),
])
def test_clash_side_from_the_sentence_before(pipeline, text, name, inter, why):
    result = pipeline.code(text, published="2023-05-02")
    ev = next(e for e in result.events if e.acled.sub_event_type == "Armed clash")
    assert (ev.actors[0].name, ev.actors[0].acled_inter) == (name, inter), f"{why}: {ev.actors[0].reason}"


def test_an_unknown_organisation_doing_political_violence_is_a_militia(pipeline):
    """A named organisation no knowledge file holds, as the doer of an attack, is ACLED's
    political militia (inter 3), as a party doing violence is."""
    result = pipeline.code("The Tiger Brigade attacked the village of Kamango on Monday, killing three farmers.",
                           published="2021-03-02")
    ev = next(e for e in result.events if e.acled.sub_event_type == "Attack")
    assert "Tiger Brigade" in ev.actors[0].name and ev.actors[0].acled_inter == 3, ev.actors


def test_a_watched_line_of_contact_is_the_host_s_own_soil(pipeline):
    """Fire a monitoring mission observes on the line of contact it watches lies in that
    line's country, even where the place stage took the village for a namesake abroad: the
    state's forces on that line are at home (inter 1), not external forces (inter 8)."""
    result = pipeline.code("The SMM recorded twelve explosions near Komsomolets.", published="2019-06-01")
    ev = next(e for e in result.events if e.acled.event_type == "Explosions/Remote violence")
    first = ev.actors[0]
    assert (first.name, first.country, first.acled_inter) == ("Military Forces of Ukraine", "UKR", 1), first.reason


@pytest.mark.parametrize("text,name,inter,why", [
    ("On 4 March 2021, the Ortuk and Belmin clans clashed over grazing land near Wajir, leaving four dead.",
     "Ortuk Clan Militia (Kenya)", 4, "a name a kin word heads ('the X and Y clans') is a kin group's militia"),
    ("On 3 March 2021, Ahmed Karimov beat a shepherd near Azaz.",
     "Ahmed Karimov", 3, "a name NER took for a private person's, with no office, title or kin word, doing an "
     "attack outside identity violence, is ACLED's armed perpetrator (inter 3): ACLED codes no individual"),
    ("Suspected MLDF raided homesteads near Cheptais and shot three people.",
     "Suspected MLDF", 3, "guard: an acronym names an organisation, not a kin group, in a raid"),
    ("Tanzanian soldiers crossed the border and attacked herders, stealing forty cattle.",
     "Military Forces of Tanzania", 8, "state forces that cross a border to act are external forces (inter 8)"),
    ("Ethiopian troops shot three herders inside the Kenyan border.",
     "Military Forces of Ethiopia", 8, "forces acting inside another country's border are external (inter 8)"),
    ("Kenyan police shot two traders who had crossed the border with stolen cattle.",
     "Police Forces of Kenya", 1, "guard: others crossing the border send no forces abroad"),
    ("On Monday a lorry hit a landmine near Gao, wounding two drivers. The mine had been planted by JNIM militants.",
     "Jama'at Nusrat al-Islam wal-Muslimin", 2, "the group the note says planted the device is its actor"),
    ("On Monday a bomb planted by an unknown group wounded three workers in Kabul. The Taliban denied any role.",
     "Unidentified Armed Group (Afghanistan)", 3, "guard: a device planted by an unknown group stays unidentified"),
])
def test_first_actor_of_political_violence(pipeline, text, name, inter, why):
    result = pipeline.code(text, published="2021-03-05")
    ev = next(e for e in result.events
              if e.acled.event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence"))
    assert (ev.actors[0].name, ev.actors[0].acled_inter) == (name, inter), f"{why}: {ev.actors[0].reason}"


def test_civilians_destroying_property_are_no_actor(pipeline):
    """Civilians are victims in ACLED, never perpetrators: people a civilian title names who
    carry out an arson attack (a strategic development, looting/property destruction) are
    not the event's actor; the armed actor its sentence names or the generic one is."""
    result = pipeline.code("Property destruction: On 3 June 2021, villagers carried out an arson attack on a bank "
                           "branch in Izmir.", published="2021-06-04")
    ev = next(e for e in result.events if e.acled.sub_event_type == "Looting/property destruction")
    assert (ev.actors[0].name, ev.actors[0].acled_inter) == ("Unidentified Armed Group (Turkey)", 3), ev.reason


def test_clash_of_the_unidentified_takes_the_named_side_of_its_sentence(pipeline):
    """A clash whose only party is unidentified gunmen, in a sentence that also names the
    police (the parse tied them to no role), has the police as its named side and first
    actor; the gunmen are the other side."""
    text = "Gunmen traded fire in Natal as police arrived."
    st = _State(pipeline, text, [])
    r = st.resolver
    gunmen = r.sub_actor("BRA", r.kb.title_for("gunmen"), "'gunmen' (UAF) with the document's main country")
    police = r.sub_actor("BRA", r.kb.title_for("police"), "'police' (COP) with the document's main country")
    r.mark(gunmen, 0, 1)
    r.mark(police, 6, 7)
    ev = _event("Armed clash", "Battles", [gunmen], country="BRA")
    ev.sentence = Span(text, 0, len(text))
    st.inner.result.events = [ev]
    implied_actors.run(st.inner)
    assert ev.actors == [police] and gunmen in ev.recipients, [a.name for a in ev.actors]
