"""Places, step 3: candidate names resolved against the gazetteer into place mentions, with the
document's countries and regions as context; a place and its container ("Mambasa, Nord-Kivu",
"X village (Town, Region)"), lists and routes."""
from __future__ import annotations

import dataclasses
from functools import lru_cache, partial
from typing import Optional

from .geo import Place, distance_km, fold, gazetteer, is_variant, titled
from .places_names import (
    NAME_PARTICLES, after_locative, coder_noted, ethnic_name, name_and_kinds, name_candidates, named_after,
    names_a_people, region_named, rural_named, settled_in, settlement_named, unit_stem,
)
from .places_syntax import (
    Mention, PLACE_LABELS, PLACING, ROUTES, SETTLEMENT_WORDS, STRONG, chain_dep, country_named, directions_start,
    has_term, names_inhabitants, possessive_country, possessive_stem, role_of, term_roles,
)
from .places_tables import (
    admin2_regions, admin2_sites, area_villages, landmark_kinds, quarter_of, town_quarters, unit_countries,
)


AREA_VILLAGE_POPULATION = 10_000  # a namesake this small outside the report's regions is not the place
CHAINED_VILLAGE_POPULATION = 50_000  # ... nor one this small outside the one region the text's own chains name
LEARNED_TOWN_POPULATION = 50_000  # a town this large teaches the document its country
ABROAD_ALIAS_POPULATION = 100_000  # a town abroad smaller than this is not found by an alternate name
WORD_TOWN_POPULATION = 10_000  # a town this small, its name outside a place role, may be a word or a name
NEAR_TOWN_KM = 30.0  # "X (Town)": how far a known village may be from the town named as its area
OUTLYING_LANDMARKS = ("park", "camp", "village")  # landmark kinds that may lie outside their town: precision 2
# verbs whose object is a place struck or taken, which says where the event happened ("militia attacked Garba Tula")
RAID_VERBS = frozenset({"attack", "raid", "invade", "storm", "overrun", "besiege", "shell", "bomb", "loot", "torch",
                        "capture", "seize", "raze"})


def _size(place: Place, places: list[Place]) -> int:
    """A town's population; a first-level region's is that of its seat named as it is, among the places the name
    found ("Migori": the county and its town of 70,000), else 0."""
    if place.kind != "admin1":
        return place.population
    return max((p.population for p in places if p.kind == "town" and p.country == place.country
                and p.admin1 == place.name and fold(p.name) == fold(place.name)), default=0)


def _seat_named(doc, nstart: int, nend: int, region: Place, places: list[Place]) -> Optional[Place]:
    """The town a first-level region is named after, where the text names the name alone ("clashes in Wajir") or
    as a town ("in Kilifi town", "Embu Town residents"): ACLED codes the town, not the region's middle (45 km from
    Kilifi town). Not a name with its unit word ("Kilifi County"), nor the region closing a chain ("Mtwapa,
    Kilifi"), nor "Samburu village", nor a town of the name in another region. The mention stays the region's, for
    ranking and for the countries it teaches; only the event's point and precision are the town's."""
    after = doc[nend].lower_ if nend < len(doc) else ""
    if has_term(doc[nend - 1].lower_, "admin") or has_term(after, "admin") or after in ("village", "municipality") \
            or nstart > 0 and doc[nstart - 1].text in (",", "(") \
            or after == "," and nend + 1 < len(doc) and titled(doc[nend + 1].text):
        return None  # (nor the head of a chain, "in Ceiba, Fajardo", which the chain reads)
    return next((p for p in places if p.kind == "town" and p.country == region.country
                 and fold(p.admin1 or "") == fold(p.name) == fold(region.name)), None)


def _resolve(doc, cstart, cend, is_ent, countries, within=None, areas: frozenset = frozenset(), strict: bool = False,
             hubs: Optional[dict] = None, chained: frozenset = frozenset()):
    gaz = gazetteer()
    nstart, nend, name = name_and_kinds(doc, cstart, cend)
    if within is None and directions_start(doc, nstart) == nstart - 1 and _part_named(doc[nstart - 1:nend].text, name):
        nstart, name = nstart - 1, doc[nstart - 1:nend].text
    root = doc[nstart:min(nend, cend)].root
    role, head, vicinity = role_of(root)
    if coder_noted(doc, nstart):
        role, head, vicinity = "coded", doc[nstart - 1], 2  # the coder placed the event at a proxy near it
    prep = doc[cstart - 1] if cstart > 0 else None
    if prep is not None and prep.lower_ in ("in", "at", "near") and prep.dep_ == "prep" and (
            role != "locative" and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children)
            or role not in ("locative", "coded") and doc[cstart].head.i == prep.i and root.i != cstart):
        role, head = "locative", prep.head  # "in Port-au-Prince, ..." where the parser left "in" without its object
        # (or gave it only the name's first word: "burned two ATMs in Furn el Chebbak", its last word the verb's)
        vicinity = term_roles(prep.lower_).get("vicinity")
    if role == "other" and prep is not None and prep.pos_ == "VERB" and prep.lemma_.lower() in RAID_VERBS:
        role, head = "target", prep  # "Al Shabaab invaded Mandera, looted ...", the parser making the verb a modifier
    head_word = root.head.text if root.dep_ == "pobj" else head.text
    if nend < len(doc) and doc[nend].text == "-" and not doc[nend - 1].whitespace_ and role == "other":
        return None  # "Moscow-led", "Kenya-based" (not "from Molo - included ...")
    words = name.split()
    looked = unit_stem(name)
    # a town's quarter, also named with an admin word ("the Eastleigh district": Nairobi's, not a namesake town abroad)
    quarter = [] if within is not None else \
        quarter_of(name, countries) or (quarter_of(looked, countries) if looked != name else [])
    places = quarter or gaz.lookup(name, countries=countries)
    if not places and within is None:
        places = _possessive(doc, nstart, nend, countries)  # "Nairobis central business district"
    if places and places[0].kind == "country" and within is None \
            and fold(name) != fold(gaz.country(places[0].country).name):
        # a country's other name that is one of its regions' ("Gaza Strip", "West Bank", "northern Gaza"): the region;
        # followed by a settlement word, its town ("Gaza city")
        town = nend < len(doc) and doc[nend].lower_ in SETTLEMENT_WORDS
        first = [p for p in places if p.kind == "town"] if town else gaz.admin1(name, country=places[0].country)
        places = first + [p for p in places if p not in first]
    derived = "quarter" if quarter else ""
    if not places and within is None:
        places, derived = named_after(words, countries, is_ent)
        units = admin2_sites(looked, countries)  # "Teso North", "Kipkelion East constituency": a unit inside a region
        if units and (not places or (places[0].country, places[0].admin1) != (units[0].country, units[0].admin1)):
            places, derived = units, "admin2"  # (a unit of our table, not a town in another region it may be
            # named after: "Tana North District" is Tana River's, not a part of Antananarivo)
    if not places and within is None and countries:
        places, derived = gaz.variant_towns(looked, countries), "variant"  # "Quamishli": Al Qamishli
    feature, district = derived == "part", derived == "district"
    if district and countries and within is None:
        places = [p for p in places if p.country in countries] or places
        # "Hays district" in a story of Yemen: after Yemen's Hays, not Hays, Kansas
    known = (fold(name), fold(looked))   # the names looked up; a place found by another name is an alias
    if role == "of":
        role = "target" if places and places[0].kind == "country" else "locative"
    if term_roles(name):
        return None  # "East", "Central": a generic word, not a place name
    if within is not None:
        places = [p for p in places if p.country == within.country and
                  (within.kind != "admin1" or p.admin1 == within.name) and p.kind != "admin1"]
        words = name.split()
        if not places and len(words) > 1 and has_term(words[-1].lower(), "admin") \
                and fold(" ".join(words[:-1])) == fold(within.name):
            places = [within]  # "Tartar Region, Tartar": the town's region, no other place
        if not places and has_term(words[-1].lower(), "feature"):
            if within.kind == "town" or not is_ent:
                return None  # "Kenyatta University, Nairobi": a facility in the town, which says where
            places = [within]
        if not places and role not in PLACING and any(doc[i].ent_type_ == "PERSON" for i in range(cstart, cend)) \
                and not (cstart > 0 and doc[cstart - 1].text == "("):
            return None  # "arrested Kamau in Nairobi": a person, not a village (but "(Radman al Awadh, Al Bayda)"
            # opens a bracket that says where the place before it is)
        if not places and within.kind == "admin1":  # "Bossaso, Bari": another spelling of a town of that region
            places = [p for p in gaz.variant_towns(looked, (within.country,)) if p.admin1 == within.name]
        if not places and country_named(name):
            return None  # a country's name before a chain is no village of the region: "bandits from Somalia in
            # Wargadud, Mandera County" (the village is Wargadud)
        if not places:  # "near Orikhove, Luhansk" with no such town in the gazetteer: a named site
            site = doc[directions_start(doc, nstart):nend].text.strip(" ,")  # "West Rand", not "Rand"
            places = [Place(name=site, country=within.country,  # placed at its region's point
                            admin1=within.name if within.kind == "admin1" else within.admin1, lat=within.lat,
                            lon=within.lon, geonameid=None, kind="site")]
            name = f"{site}, {within.name}"
    if not places or within is None and not quarter and all(p.kind == "town" for p in places) \
            and names_a_people(doc, nstart, nend):
        return None  # an ethnic group's name shared by a town: "Kikuyu youths attacked ..." (but a county named
        # after its people, "Turkana community", "Meru residents", is where they live)
    place, area = places[0], None
    if role == "locative" and (place.kind == "country" or ethnic_name(name)) and _between(root):
        return None  # the two sides, not where: countries ("talks between Armenia and Azerbaijan") and peoples
        # ("clashes between Pokot and Turkana": not the region named after one)
    if strict and within is None and place.country not in countries:
        # the text names no country and its places taught it these: their namesake, not a city abroad ("Luanda")
        place = next((p for p in places if p.country in countries), place)
    if areas and place.kind == "town" and (place.country, place.admin1) not in areas:
        # namesake villages ("Serhiivka" in eight oblasts): the one in the region the report is about;
        # a village elsewhere in that country is taken for one the gazetteer lacks in that region
        place = next((p for p in places if p.kind == "town" and p.country == place.country
                      and (p.country, p.admin1) in areas), place)
        regions = [a for c, a in sorted(areas) if c == place.country]
        listed = area_villages().get((place.country, fold(name)))  # "near Serhiivka": the line's, in Donetsk
        small = CHAINED_VILLAGE_POPULATION if any((place.country, r) in chained for r in regions) \
            else AREA_VILLAGE_POPULATION
        if (place.country, place.admin1) not in areas and regions and (
                place.population < small or fold(place.name) not in known or listed in regions):
            # (a town elsewhere is kept unless it is small, found by another name or a line village the table lists:
            # "near Molodizhne" in a mission's report is the Luhansk village, not the Poltava town of 44,000; where
            # the text's own chains put the country's places in one region, a town elsewhere must be larger to
            # stand: "Lalpur village ... (East Midnapore district, West Bengal)" is no town of Gujarat)
            one = regions[0] if len(regions) == 1 else listed if listed in regions else None
            box = gaz.admin1(one, country=place.country)[0] if one else gaz.country(place.country)
            hub = hubs.get((place.country, one)) if hubs else None
            if hub is not None:  # the one town the text's own chains name in the region: a neighbourhood of it
                box = hub  # ("in Belford Roxo, Rio de Janeiro, ... in Roseiral neighborhood"), at the town's point
            place = Place(name=name, country=place.country,
                          admin1=box.name if box.kind == "admin1" else box.admin1 or None,
                          lat=box.lat, lon=box.lon, geonameid=None, kind="site")
            within, area = box, " or ".join(regions) if one is None or len(regions) == 1 else \
                f"{one} (the line's village, area_villages.tsv)"
            if hub is not None:
                area = f"{hub.name}, the one town the text's own chains name in {one}"
    if place.kind == "town" and within is None and fold(place.name) not in known and not derived \
            and (place.population < ABROAD_ALIAS_POPULATION or len(fold(looked)) <= 4) \
            and (countries and place.country not in countries or not countries and not is_variant(looked, place.name)):
        return None  # only another name of a small town abroad ("Bala": Basel), or, when no country is known,
        # a name that is no spelling of the town's ("Eastleigh" for Orkney, South Africa; "Lokichogio" is one)
    if strict and place.kind == "town" and within is None and place.country not in countries \
            and place.population < LEARNED_TOWN_POPULATION:
        return None  # a town abroad too small to teach the story its country, where the story's places all lie in
        # others: a word or a name, not it (a "Raya village" of a story placed in Garissa county is no Indian town)
    facility = nend < len(doc) and has_term(doc[nend].lower_, "feature") or feature
    route = nend < len(doc) and doc[nend].lower_ in ROUTES and cstart > 0 and doc[cstart - 1].text == "-"
    if facility and not route and place.kind == "town" and countries and place.country not in countries \
            and within is None:  # (but "the Tripoli-Beirut highway" runs to Beirut)
        return None  # "clashed at Moi stadium" in a Kenyan story: a facility named after someone, not a town abroad
    if not is_ent:
        size = _size(place, places)
        seat_region = place.kind == "admin1" and size >= WORD_TOWN_POPULATION  # ("Migori": county and town)
        person = any(doc[i].ent_type_ in ("PERSON", "NORP") for i in range(cstart, cend)) and not (
            all(doc[i].ent_type_ == "NORP" for i in range(cstart, cend)) and place.kind == "town"
            and place.population >= ABROAD_ALIAS_POPULATION and not ethnic_name(name) and not country_named(name))
        # (a city the NER took for a people is none: "Mombasa Deputy Governor")
        # a region's name the NER took for a person or organisation or passed over, where the text names no country
        # (``strict``: its places taught it one) or names the region's own: one named with its admin word, a target
        # ("gunmen on Garissa") or the last name of a bracketed chain ("(Kotulo ward, Wajir)", "(Baramulla
        # district, J&K)" in a story of India and Pakistan) is that region
        region = (not countries or strict or place.country in countries) and within is None and (
            role == "target" or nend > cend  # (named with its admin word: "the Narok County Government")
            or cstart > 0 and doc[cstart - 1].text == "," and (cend == len(doc) or doc[cend].text in (")", ".", ";"))
            and _after_chain(doc, cstart, cend)) \
            and region_named(name)
        thing = root.head
        while thing.dep_ == "compound" and thing.head is not thing:
            thing = thing.head  # "Tulkarm refugee camp": the camp
        sited = root.dep_ == "compound" and root.head.pos_ == "NOUN" and term_roles(root.head.lower_) \
            and not country_named(name) and not ethnic_name(name)  # (a people before "camp": "Somali refugee camp")
        raided = role == "target" and head.lemma_.lower() in RAID_VERBS and head.pos_ == "VERB" \
            and (cend - cstart > 1 or doc[cstart].ent_type_ != "PERSON")
        # (a name struck or taken says where, whatever the NER made of it: "militia attacked Garba Tula"; but one
        # word the NER calls a person may be one: "the mob attacked Hassan")
        if person and role not in (*PLACING, "attributive") and within is None and not region and not sited \
                and not raided and not seat_region:
            return None  # the NER's PERSON or NORP may be a village where the syntax says place ("the Kitui mayor",
            # "Kakuma refugee camp"), and a region named as its seat town is one ("Homa Bay MCAs")
        # a quarter or village of our own tables is a place name whatever the parse made of it ("protesters from
        # Mathare", "Residents of Nyalenda lynch ...", the tagger's noun "lynch" taking the name as its compound)
        listed = bool(quarter) and landmark_kinds().get(fold(name)) in (None, "village")
        if role == "other" and within is None and not region and not listed \
                and not (root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN")):
            return None  # but "Kisumu Girls' School", "Mombasa port" are places; so is "(Mukayras, Al Bayda)"
        if root.dep_ == "compound" and root.head.pos_ == thing.pos_ == "NOUN" and role not in (*PLACING, "attributive") \
                and within is None and not term_roles(thing.lower_) and not names_inhabitants(thing) \
                and not listed and not seat_region:
            return None  # "hurled Molotov cocktails": a word naming a thing, not a place (Perm's old name); but a
            # region named as its seat town is ("a Wajir shop", "Migori MCAs")
        if place.kind == "country":
            return None
        camp = sited and thing.lemma_.lower() not in SETTLEMENT_WORDS  # (not "Rum villages": a village, not Austria's)
        if countries and place.country not in countries and not quarter and within is None and not camp and not (
                root.dep_ == "compound" and names_inhabitants(root.head)) and not (
                role in ("attributive", "locative") and place.kind == "admin1"
                or role == "attributive" and place.population >= LEARNED_TOWN_POPULATION):
            return None  # a word the NER did not call a place, abroad: "Tanga Tanga group" (but "Kibwezi residents",
            # a name before a place noun, "Kakuma refugee camp" in a story of Sudanese refugees,
            # "Mombasa police" in a story of French tourists, and a region after "in": "shelled Debs village in
            # Ar-Raqqa countryside" in a story that names only Turkey)
        if not countries and role not in PLACING and size < WORD_TOWN_POPULATION and not region and not raided \
                and not (role == "attributive" and place.kind == "admin1"):
            return None  # (but "the Kitui mayor" names a region)
        if not countries and place.kind == "town" and place.population < WORD_TOWN_POPULATION \
                and doc[cstart].is_sent_start and not quarter and within is None:
            return None  # a sentence's first word, capitalised as such, that no tagger called a name: a word
            # ("Tea farmers protest ...", "Boda boda riders ..."), not a village abroad
        named = {doc[i].ent_type_ for i in range(cstart, cend)} - {""} - set(PLACE_LABELS)
        inside = any(doc[i].ent_type_ in named and doc[i].ent_iob_ == "I" for i in (cstart, cend) if i < len(doc))
        given = inside and cend < len(doc) and doc[cend].ent_type_ == "PERSON" and doc[cend].ent_iob_ == "I"
        if not countries and named and place.kind == "town" and (place.population < AREA_VILLAGE_POPULATION or given) \
                and not quarter and not (after_locative(doc, cstart) and not inside) and not any(
                    has_term(t.lower_, "feature") for t in doc[cend:cend + 3] if t.ent_type_ in named):
            return None  # a word of an organisation's or person's name, with no country to place it:
            # "the Jubilee primaries", "their Bishop", "at a Red Cross ambulance" (but "in Kware, ...", a name the
            # NER took whole, and "Maseno University": a facility named after its village); a person's given
            # name is none, however large its namesake ("the beheading of Virginia Nyaiko")
    if place.kind == "country" and role not in (*STRONG, "coded"):
        return None  # a country as subject or possessor is an actor, not a place
    if place.kind == "country" and root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN" \
            and not term_roles(root.head.lower_):
        return None  # "the US dollar exchange rate", "Turkish lira": a country modifying a thing
    if role == "other" and within is None and chain_dep(root) in ("nsubj", "poss"):
        return None  # "Moscow said", "Baku's forces": a capital standing for a government
    dstart = directions_start(doc, nstart)
    directions = doc[dstart:nstart].text.strip(" ,")
    reason = f"'{name}' {role} ({head.text}); gazetteer {place.kind}"
    if place.kind == "country":
        precision = 4
        if directions:
            place = Place(name=f"{directions} {place.name}", country=place.country, admin1=None,
                          lat=place.lat, lon=place.lon, geonameid=None, kind="region")
            precision = 3
            reason += f", '{directions}' makes it a region"
    elif place.kind in ("admin1", "region"):
        precision = 3
    elif place.kind == "site" and derived == "admin2":
        precision = 2  # a small part of its region, placed at the region's point
        reason += f", a unit of {place.admin1} (admin2.tsv)"
    elif place.kind == "site":  # known by its region (3), its town ("Nargiztapa, Tartar": near it, 2), its country
        precision = {"admin1": 3, "town": 2}.get(within.kind, 4)
    else:
        precision = 1 if vicinity is None else max(1, vicinity)
        if vicinity:
            reason += f", vicinity word '{head_word}' gives precision {precision}"
    if feature and place.kind == "town":
        precision = max(precision, 2)
        reason += f", '{name}' is named after the town (precision 2)"
    if district and place.kind == "town":
        precision = max(precision, 2)
        reason += f", the {words[-1]} named after the town (precision 2)"
    if derived == "variant":
        reason += f", read as a spelling of {place.name}"
        if looked != name:  # "Rajouri district": named after the town (precision 2)
            precision = max(precision, 2)
    if quarter:
        kind = landmark_kinds().get(fold(name))
        if kind in OUTLYING_LANDMARKS:
            precision = max(precision, 2)  # a forest, ranch or base near its town
        table = "villages" if kind == "village" else "landmarks" if kind else "town_quarters"
        what = "landmark" if kind == "other" else kind or "quarter"
        reason += f", a {what} {'near' if kind == 'village' else 'of'} {place.name} ({table}.tsv)"
        # named as written, at its city's point: two quarters of one city are two places, not the city twice
        place = dataclasses.replace(place, name=name, geonameid=None)
    if area is not None:
        reason += f", a village in {area}, where the report's cues place it (its namesakes lie elsewhere)"
    elif within is not None:
        reason += f", in {within.name} as the text says"
    alias = place.kind == "town" and fold(place.name) not in known and not quarter
    joined = nend < len(doc) and doc[nend].text == "-" or cstart > 0 and doc[cstart - 1].text == "-"
    if alias and joined and within is None:
        return None  # half of "X-Y" found only by another name: "Webuye-Malaba road" is no road to Malabo
    seat = _seat_named(doc, nstart, nend, place, places) if place.kind == "admin1" and not directions else None
    if seat is not None:
        reason += f", put at its seat town, {seat.name}, as the name stands alone"
    return Mention(start=min(dstart, nstart), end=nend, anchor=root.i, head=head.i, place=place, alias=alias,
                   seat=seat, seat_precision=None if seat is None else 1 if vicinity is None else max(1, vicinity),
                   precision=precision, role=role, reason=reason, variant=derived == "variant",
                   entity=is_ent or bool(quarter) and landmark_kinds().get(fold(name)) in (None, "village"))
    # (a quarter or village our own tables list is as sure a place as the NER's: "the Isawiyah neighbourhood of
    # Jerusalem"; not a facility, whose campuses and namesakes lie elsewhere: "Moi University's campus in Mombasa")


def mentions(doc, countries: list[str], areas: frozenset = frozenset(), strict: bool = False,
             hubs: Optional[dict] = None, candidates: Optional[list] = None,
             chained: frozenset = frozenset()) -> list[Mention]:
    """The place mentions of ``doc``; ``strict`` when the countries were learned from its places
    (the text names none): a village abroad is then a misreading ("Ward Administrators office");
    ``hubs``: (country, region) -> the town the text's chains name there, where a region's unknown
    village is placed (see ``stages.places._chained_regions``); ``chained``: those of ``areas`` that the
    text's own chains name (not a cue's); ``candidates``: the document's
    ``candidate_spans``, when a caller reads its mentions under several sets of countries."""
    resolve = partial(_resolve, areas=areas, strict=strict, hubs=hubs, chained=chained)
    cands = candidates if candidates is not None else candidate_spans(doc)
    found = [resolve(doc, s, e, ent, countries) for s, e, ent in cands]
    # "Valparaiso, Zacatecas", "Hays city (Al Hudaydah)": a place followed by its admin1 or country
    gaz = gazetteer()
    contained: set[int] = set()  # candidates that name where the one before them is
    for n in range(len(cands)):
        if n in contained:
            continue
        last = cands[n][1]
        for k in range(n + 1, min(n + 4, len(cands))):
            if cands[k][0] < cands[n][1]:
                continue  # an overlapping reading of the same words ("Turkana South" and "South District")
            gap = _gap(doc, last, cands[k][0])
            if any(t.text in (".", "!", "?", ";") for t in doc[last:cands[k][0]]):
                break   # "the collapse of the Soviet Union. Armenia's council ...": no container across sentences
                # (but the parser's sentence breaks inside "Salim [Naqil Hajar] village (Qaatabah, Ad Dali)" are none)
            if len(gap) > 3 or any(t.is_alpha and t.text.lower() != "in" and not has_term(t.text, "area")
                                   and not has_term(t.text, "admin") for t in gap):
                break
            last = cands[k][1]
            text = doc[cands[k][0]:cands[k][1]].text
            containers = _regions_named(text, countries)
            containers = _in_unit_country(doc[cands[n][0]:cands[k][0]].text, containers)
            if containers and [t.text for t in gap] == [","]:  # "(Banfora, Comoe)": Burkina Faso's province
                # (admin2.tsv), whose region holds a Banfora, not Cote d'Ivoire's Comoe region, which holds none
                containers += [r for r in admin2_regions(text, countries) if r not in containers]
            last_name = k + 1 >= len(cands) or doc[cands[k][1]:cands[k + 1][0]].text.strip() != ","
            if not containers and [t.text for t in gap] == [","] and not _listed(doc, cands[k][1]) \
                    and not term_roles(text) and last_name:  # "(Abala, Tillabery)": a region named by its seat
                # (in "Macarthur, Monreal, Masbate" the widest name decides, by the name just before it)
                containers = [r for r in [_seat_region(text, doc[cands[k - 1][0]:cands[k - 1][1]].text)] if r is not None]
                # "(Diguel, Soum)": a second-level unit (admin2.tsv) names its region, whatever town shares its name
                containers = containers or admin2_regions(text, countries)
            # ("Yangon (East) district": 'East' is a direction, not Cameroon's East region)
            if not containers and (found[n] is None or found[n].variant) and k == n + 1 and gap \
                    and not _listed(doc, cands[k][1]):
                # "near Nargiztapa, Tartar": a place the gazetteer lacks (or knows only under another spelling of a
                # town's name), then a town, not a list of towns
                # (nor two words of one name: "a Kenya Forest Service officer" is not in Forest, Belgium)
                words = text.split()  # "(Tartar Region)" when the gazetteer has no such admin1: the town
                town = " ".join(words[:-1]) if len(words) > 1 and has_term(words[-1].lower(), "admin") else text
                towns = [p for p in gaz.lookup(town, countries=countries, kinds=("town",))
                         if p.country in countries or not countries]
                wider = _wider(doc, cands, k, countries)
                if wider is not None:  # "Samboko village (Mambasa, Nord-Kivu)": the region decides which town
                    towns = [p for p in gaz.lookup(town, countries=[wider.country], kinds=("town",))
                             if p.country == wider.country and (wider.kind != "admin1" or p.admin1 == wider.name)]
                box = towns[0] if towns else wider
                refined = resolve(doc, *cands[n], countries, within=box) if box is not None else None
                if refined is not None:  # the town (or the region after it) says where the place is
                    found[n], found[k] = dataclasses.replace(refined, entity=refined.entity or wider is not None), None
                    contained.add(k)
                    if wider is not None:  # ("Badah town (Larkana, Sindh)": at Larkana, not the region)
                        found[k + 1] = None
                        contained.add(k + 1)
                break
            if not containers and k == n + 1 and _town_in_town(found[n], found[k]) \
                    and not _listed(doc, cands[k][1]):
                # "in Sheikh Zuweiyid (Rafah, North Sinai)": a known village, then the town it is near
                found[n], found[k] = dataclasses.replace(found[n], entity=True), None
                contained.add(k)
                break
            if containers and k + 1 < len(cands) and doc[cands[k + 1][0]].sent.start == doc[cands[n][0]].sent.start \
                    and not any(t.is_alpha and not has_term(t.text, "admin") for t in doc[cands[k][1]:cands[k + 1][0]]):
                # "San Joaquin, Valencia, Carabobo state": the widest name that follows decides
                # the country; a middle name of another country's region is a town of the chain
                after = doc[cands[k + 1][0]:cands[k + 1][1]].text
                wider = _regions_named(after, countries)
                # ("Mukothima in Tharaka South": 'South' is a direction, not Cameroon's South region)
                if wider and not {b.country for b in containers} & {w.country for w in wider}:
                    found[k] = None
                    continue
            if not containers:
                continue
            box, m, outer = _box(containers, *(doc[cands[j][0]:cands[j][1]].text for j in range(n, k))), found[n], None
            hyphen = [t.text for t in gap] == ["-"] or not gap and doc[cands[n][1] - 1].text.endswith("-")
            # (the NER's "Garissa -", the tokenizer's "Nyahururu-")
            if (hyphen or _listed(doc, cands[k][1])) and m is not None \
                    and m.place.kind == "town" and not _box_holds(box, doc[cands[n][0]:cands[n][1]].text):
                break  # a route or a list, not a town and its region: "the Mandera-Nairobi route", "Nakuru, Nyeri and
                # Eldoret towns" (but "between Sousa and Uirauna, Paraiba": Paraiba holds a Sousa)
            if hyphen and m is None:
                break  # "the Nyahururu- Nakuru road": a route's end the gazetteer lacks, not a village in Nakuru
            if m is not None and m.place.kind == "town" and countries and m.place.country in countries \
                    and box.country not in countries and not _box_holds(box, doc[cands[n][0]:cands[n][1]].text):
                break  # "rallies in Sidon, Tripoli, Kesrouan and Zahle" in a Lebanese story: a list, not Libya's Tripoli
            if m is None or m.place.kind in ("town", "site") and (m.place.country != box.country or
                                                       box.kind == "admin1" and m.place.admin1 != box.name) \
                    or m.place.kind == "admin1" and box.kind == "admin1" and m.place.country != box.country:
                # (a region abroad followed by a region is a place the gazetteer lacks: "Gambela, Wajir")
                refined = resolve(doc, *cands[n], [box.country] + countries, within=box)
                middle = _middle_town(doc, cands, found, n, k, box, countries, resolve) \
                    if refined is not None and refined.place.kind == "site" else None
                if middle is not None:  # ("Buk (Damboa LGA, Borno)": at Damboa, not Borno's point)
                    refined, j = middle
                    found[j] = None
                    contained.add(j)
                outer = n - 1 if n and found[n - 1] is None and doc[cands[n - 1][1]:cands[n][0]].text == "(" else None
                if refined is not None and refined.place.kind == "site" and outer is not None:
                    # "in El Menzah (Cite El Khadra, Tunis)": the parentheses say where the place before them is
                    refined = resolve(doc, *cands[outer], [box.country] + countries, within=box) or refined
                    found[outer], refined = (refined, None) if refined.start == cands[outer][0] else (None, refined)
                if refined is not None:
                    found[n] = refined
            elif m.place.kind in ("country", "region") and box.kind == "admin1" and box.country == m.place.country:
                # "in western Yemen (Al Hudaydah)": the region in parentheses (not its namesake city) is the place
                found[n] = dataclasses.replace(m, place=box, precision=3, alias=False, reason=(
                    f"'{doc[cands[k][0]:cands[k][1]].text}' in parentheses after {m.place.name}; gazetteer admin1"))
            if found[n] is not None and found[n].place.country == box.country:
                found[n] = dataclasses.replace(found[n], contained=True)
            if found[n] is not None or outer is not None and found[outer] is not None:
                found[k] = None  # the container names where the place is, not a second place
                contained.add(k)
            break
    for n, (start, end, _) in enumerate(cands):
        if not (settlement_named(doc, start) or rural_named(doc, end) or settled_in(doc, end)):
            continue
        # "shelled the village of X in the countryside of Town in Region": the places
        # that follow in the sentence say where the village is; the last (widest) is its container
        # (also where the gazetteer knows X only abroad: "the town of Mansura in the countryside of Ar-Raqqa")
        sent_end = doc[start].sent.end
        chain = [k for k in range(n + 1, len(cands)) if found[k] is not None
                 and cands[k][0] < sent_end and cands[k][0] - end <= 12]
        chain = chain[:next((i for i, k in enumerate(chain) if found[k].place.kind not in ("town", "admin1")),
                            len(chain))]
        if not chain:
            continue
        box, m = found[chain[-1]].place, found[n]
        if m is not None and (m.contained or m.place.country == box.country and (
                box.kind != "admin1" or m.place.admin1 == box.name)):
            continue  # the gazetteer's reading lies where the text says, or its own container said so already
        refined = resolve(doc, start, end, False, countries, within=box)
        if refined is not None:
            found[n] = dataclasses.replace(refined, entity=True)
            for k in chain:
                found[k] = None
    for n, (start, end, ent) in enumerate(cands):
        # "the Tangi area of Laikipia", "a village of Nyeri County", "the Kotal area of Jalrez district, Wardak":
        # the region after "of" (or after the unit it names) holds the place, whatever namesake the gazetteer
        # knows abroad
        box, holder = _region_of_part(doc, cands, n, countries)
        m = found[n]
        if box is None or m is None and _town_of(box, holder) or m is not None and (
                m.contained or m.place.country == box.country and m.place.admin1 == box.name
                or _by_town_named(m.place, holder)):
            continue  # (the gazetteer's reading lies there, or by the town so named: "the Tabbaneh area of Tripoli";
            # a part the gazetteer lacks of a town that is its region's namesake is placed by the town: "the Bourj
            # Hammoud district of Beirut")
        refined = resolve(doc, start, end, ent, [box.country] + countries, within=box)
        if refined is not None:
            found[n] = dataclasses.replace(refined, entity=True, contained=True)
    for n, (start, end, _) in enumerate(cands):
        # "in Teresina, Piaui, a man was shot in Sao Joaquim neighborhood": a part of a town, which says where
        if found[n] is None or found[n].place.kind not in ("town", "country") or not (
                end < len(doc) and has_term(doc[end].lower_, "quarter") or has_term(doc[start].lower_, "quarter")):
            continue  # ("Colonia Libertad", "Barrio Obrero": the word may lead the name; a site is already placed
            # in the town its container names: "at Caltex area in Voi")
        sent, country = doc[start].sent, found[n].place.kind == "country"
        towns = [m for k, m in enumerate(found) if m is not None and k != n and m.place.kind == "town"
                 and sent.start <= m.start < sent.end
                 and (m.place.country == found[n].place.country or m.place.country in countries)
                 and not (country and m.place.country == found[n].place.country)]
        # (a country's name as a quarter of a town abroad: "the Kosovo area of Naivasha")
        listed = {fold(t.name) for t in town_quarters().get(fold(doc[start:end].text), ())}
        if any(fold(doc[m.start:m.end].text) in listed for m in towns):
            continue  # a quarter our tables list in the town the sentence names ("the Tabbaneh area of Tripoli",
            # whichever Tripoli the sentence was read as)
        if towns and not any(_town_by_town(found[n], m) for m in towns):
            found[n] = None  # (but "the Isawiyah neighbourhood of Jerusalem" is that quarter, which lies by the city;
            # and a town abroad does not make one of the document's towns a quarter: "the Nairobi area of Moi")
    kept: list[Mention] = []
    for m in sorted((m for m in found if m is not None), key=lambda m: (m.start, -m.end)):
        if kept and kept[-1].start <= m.anchor < kept[-1].end:
            continue  # the tail of a longer name read on its own ("South District" of "Turkana South District";
            # not "Tana River" after "Tana North and", whose phrase the direction words run into)
        kept.append(m)
    kept = sorted(kept + _capitals(doc, countries, kept), key=lambda m: (m.start, -m.end))
    return _same_name_same_place(doc, kept, countries)


CAPITAL_NOUNS = ("nation", "country")  # "the nation's capital": the document's country


def _capitals(doc, countries: list[str], ms: list[Mention]) -> list[Mention]:
    """A national capital the text names only as such: "in the capital", "in Kenya's capital", "in the Somali
    capital", "on the outskirts of the capital": that country's capital city (countries.tsv), the document's first
    country where the phrase names none. Not where the text names the city ("the capital, Nairobi", "the capital city
    of Mogadishu": the name is found itself), nor another kind of capital ("the district capital", "the provincial
    capital", "its capital", "the capital of Lamu County"), nor a capital in no place role ("the capital's
    governor")."""
    out: list[Mention] = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.pos_ != "NOUN" or any(m.start <= tok.i < m.end for m in ms):
            continue
        after = doc[tok.i + 1:tok.i + 3]
        if after and after[0].lower_ == "city":
            after = doc[tok.i + 2:tok.i + 4]
        if after and (after[0].pos_ == "PROPN" or after[0].text in (",", "(") and len(after) > 1
                      and after[1].pos_ == "PROPN"):
            continue  # "the capital Nairobi", "the capital, Mogadishu": the city's own name says it
        iso, other = None, False
        city = tok.head if tok.dep_ == "compound" and tok.head.lower_ == "city" else None
        for c in [*tok.children, *(c for c in (city.children if city is not None else ()) if c.i != tok.i)]:
            if c.dep_ in ("det", "punct") or c.dep_ == "amod" and c.lower_ == "national":
                continue
            if c.dep_ == "prep" and c.lower_ == "of":
                named = [country_named(o.text) for o in c.children if o.dep_ == "pobj"]
                iso, other = (named[0], False) if named and named[0] else (iso, True)
            elif c.dep_ in ("poss", "amod", "compound", "nmod"):
                named = country_named(c.text) or possessive_country(c)
                if named:
                    iso = named
                elif not (c.dep_ == "poss" and c.lower_ in CAPITAL_NOUNS):
                    other = True  # "the district capital", "its capital"
        iso = iso or (countries[0] if countries else None)
        if other or iso is None:
            continue
        role, head, vicinity = role_of(city if city is not None else tok)
        if role != "locative":
            continue
        place = _capital_town(iso)
        if place is None:
            continue
        start, end = min([c.i for c in (city or tok).lefts] + [tok.i]), (city or tok).i + 1
        out.append(Mention(start=start, end=end, anchor=tok.i, head=head.i, place=place,
                           precision=vicinity or 1, role=role, entity=False,
                           reason=f"'{doc[start:end].text}': the capital of {iso} (countries.tsv)"))
    return out


@lru_cache(maxsize=None)
def _capital_town(iso: str) -> Optional[Place]:
    """The gazetteer town that is ``iso``'s capital: the first name of its countries.tsv capitals found
    as a town of that country (the others are metonyms: "Kremlin")."""
    from .knowledge import knowledge

    country = knowledge().countries.get(iso)
    for name in country.capitals if country is not None else ():
        towns = [p for p in gazetteer().lookup(name, countries=[iso], kinds=("town",)) if p.country == iso]
        if towns:
            return towns[0]
    return None


def _possessive(doc, start: int, end: int, countries: list[str]) -> list[Place]:
    """The places of a name written as a possessive without its apostrophe ("Manderas cattle market"): a first word
    whose stem (``possessive_stem``) is the name of a country, a region or a town large enough to teach a story its
    country (never a village: "Armas street" is no Arma). Where the possessive opens a longer name ("Nairobis
    Korogocho"), the rest is the owner's place the gazetteer knows, else a part of the owner, placed at it."""
    stem = possessive_stem(doc[start])
    if stem is None:
        return []
    owner = [p for p in gazetteer().lookup(stem, countries=countries)
             if fold(p.name) == fold(stem) and (p.kind != "town" or p.population >= LEARNED_TOWN_POPULATION)]
    if end - start == 1 or not owner:
        return owner
    # the possessive opens a longer name ("Nairobis Korogocho slum"): the rest is a place of the owner's, when the
    # gazetteer knows it there, else a part of the owner, placed at it
    rest = doc[start + 1:end].text
    inner = [p for p in gazetteer().lookup(rest, countries=[owner[0].country]) if p.country == owner[0].country
             and p.kind != "country" and (owner[0].kind == "country" or p.admin1 in (owner[0].name, owner[0].admin1))]
    return inner or owner


def candidate_spans(doc) -> list[tuple[int, int, bool]]:
    """The spans that may name places (``places_names.name_candidates``), in text order; they do not depend on
    the countries a document's mentions are read under."""
    return sorted(name_candidates(doc))


def _same_name_same_place(doc, ms: list[Mention], countries: list[str]) -> list[Mention]:
    """A name the text gives once with its region ("near Vodyane, Donetsk") is that place wherever the text
    repeats it alone ("... fire near Vodyane"), not the namesake the gazetteer or the report's cues would pick."""
    told: dict[str, Mention] = {}
    for m in ms:
        if m.contained and (not countries or m.place.country in countries):
            told.setdefault(fold(doc[m.start:m.end].text), m)
    if not told:
        return ms
    out = []
    for m in ms:
        t = told.get(fold(doc[m.start:m.end].text))
        if t is not None and not m.contained and m.place != t.place:
            m = dataclasses.replace(m, place=t.place, precision=max(m.precision, t.precision), contained=True, seat=None,
                                    reason=f"{m.reason}; read as {doc[t.start:t.end].text} where the text names "
                                           f"its region ({t.place.name}, {t.place.admin1 or t.place.country})")
        out.append(m)
    return out


def _part_named(whole: str, name: str) -> bool:
    """Whether ``whole``, a direction word and a town's name ("east Jerusalem"), is the gazetteer's own name of a
    town that lies by the town so named: a part of the city listed as a place of its own (East Jerusalem, in the
    West Bank), not a namesake far off ("east London" is no East London, South Africa)."""
    gaz = gazetteer()
    if gaz.lookup(name, kinds=("country",)):
        return False  # "South Lebanon" is a part of the country, not the village in Ohio
    towns = [p for p in gaz.lookup(name, kinds=("town",)) if fold(p.name) == fold(name)]
    return any(p.kind == "town" and fold(p.name) == fold(whole) and any(
        None not in (p.lat, q.lat) and distance_km(p.lat, p.lon, q.lat, q.lon) <= NEAR_TOWN_KM for q in towns)
        for p in gaz.lookup(whole, kinds=("town",)))


def _gap(doc, start: int, end: int) -> list:
    """The tokens between a place and a container that may follow it, leaving out another name in
    brackets, a settlement word ("Salim [Naqil Hajar] village (Qaatabah, Ad Dali)"), a district the
    bracket names before the region ("X sector (Y district, J&K)") and the article of the name that
    follows, which the NER left out of it ("western Yemen (At Tuhayat, Al Hudaydah)")."""
    out, depth, skip = [], 0, -1
    for t in doc[start:end]:
        if t.i <= skip:
            continue
        comma = next((u for u in doc[t.i + 1:min(end, t.i + 6)] if u.text == ","), None) if t.text == "(" else None
        if comma is not None and all(u.is_alpha for u in doc[t.i + 1:comma.i]) and (
                has_term(doc[comma.i - 1].lower_, "admin") or all(u.pos_ == "PROPN" for u in doc[t.i + 1:comma.i])):
            skip = comma.i  # "(Y district, J&K)", "(eThekwini, KwaZulu-Natal)": the region after the district (a
            # unit the gazetteer lacks) is the container
            continue
        if t.text == "[":
            depth += 1
        elif t.text == "]":
            depth = max(0, depth - 1)
        elif t.i == end - 1 and t.lower_ in NAME_PARTICLES and titled(t.text):
            continue
        elif not depth and t.lower_ not in SETTLEMENT_WORDS and not _facility_word(t):
            out.append(t)
    return out


def _regions_named(text: str, countries: list[str], kinds: tuple = ("admin1", "country")) -> list[Place]:
    """The regions (and countries) a container's name may be; none for a generic word ("East", "Central")."""
    return [] if term_roles(text) else gazetteer().lookup(text, countries=countries, kinds=kinds)


def _region_of_part(doc, cands, n: int, countries: list[str]) -> tuple[Optional[Place], str]:
    """The region or country holding candidate n when an area, settlement or admin word and "of" join it to the
    next candidate ("X area of Laikipia", "X village of Kirinyaga County"), or to a unit the gazetteer lacks and
    the region after its comma ("X area of Y district, Logar"); and the name after "of"."""
    if n + 1 >= len(cands):
        return None, ""
    gap = doc[cands[n][1]:cands[n + 1][0]]
    link = [t.lower_ for t in gap]
    if len(link) >= 5 and (has_term(link[0], "area") or link[0] in SETTLEMENT_WORDS) and link[1] == "of" \
            and link[-1] == "," and has_term(link[-2], "admin") and _name_run(gap[2:-2]):
        # "X area of Nad Ali district, Helmand": a unit no candidate names (the NER's person), then its region
        # (also "Pul-e Khumri", "Dara i Sufi": lower-case particles inside the unit's name)
        return _region_after(doc, cands, n, n + 1, countries), gap[2:-2].text
    if not (len(link) in (2, 3) and (has_term(link[0], "area") or link[0] in SETTLEMENT_WORDS) and link[1] == "of"
            and link[2:] in ([], ["the"])):
        return None, ""
    hstart, hend = cands[n + 1][:2]
    holder = doc[hstart:hend].text
    if hend < len(doc) and doc[hend].lower_ in SETTLEMENT_WORDS:
        return None, holder  # "the Shujaayah neighbourhood of Gaza city": a part of the town, not of a region
    containers = _regions_named(holder, countries, kinds=("admin1",))
    after = [t for t in doc[hend:cands[n + 2][0]] if not has_term(t.lower_, "admin")] if n + 2 < len(cands) else []
    if not containers and after and after[-1].text == "," and (len(after) == 1 or _name_run(after[:-1], first=False)):
        # ("Y district, Logar": the region after the unit; "Pul-e Khumri district, Baghlan": the rest of its name)
        return _region_after(doc, cands, n, n + 2, countries), holder
    return (_box(containers, doc[cands[n][0]:cands[n][1]].text), holder) if containers else (None, holder)


ENGLISH_LINKS = ("and", "or", "of", "the", "in", "on", "at", "to", "by", "for", "via")  # not particles of a name


def _name_run(tokens, first: bool = True) -> bool:
    """Whether ``tokens`` read as (the rest of) a place's name: title-case words, hyphens and short lower-case
    particles ("Nad Ali", "-e Khumri", "Dara i Sufi Bala"), starting (when ``first``) and ending with a word."""
    return bool(tokens) and titled(tokens[-1].text) and (not first or titled(tokens[0].text)) \
        and all(titled(t.text) or t.text == "-" or t.is_lower and t.is_alpha and len(t) <= 3
                and t.lower_ not in ENGLISH_LINKS for t in tokens)


def _after_chain(doc, cstart: int, cend: int) -> bool:
    """Whether the name at ``cstart:cend`` (after a comma) closes a chain: a bracket's last name ("(Kotulo ward,
    Wajir)"), or the sentence's last name after a name or a unit or settlement word ("Chaghcharan city, Ghor.")."""
    if cend < len(doc) and doc[cend].text == ")":
        return True
    before = doc[cstart - 2] if cstart > 1 else doc[0]
    return titled(before.text) or has_term(before.lower_, "admin") or before.lower_ in SETTLEMENT_WORDS


def _region_after(doc, cands, n: int, k: int, countries: list[str]) -> Optional[Place]:
    """The first-level region candidate k names, as the container of candidate n (None when it names none)."""
    containers = _regions_named(doc[cands[k][0]:cands[k][1]].text, countries, kinds=("admin1",))
    return _box(containers, doc[cands[n][0]:cands[n][1]].text) if containers else None


def _town_of(region: Place, name: str) -> bool:
    """Whether ``region`` holds a gazetteer town called ``name``."""
    return any(t.country == region.country and t.admin1 == region.name for t in gazetteer().lookup(name, kinds=("town",)))


def _by_town_named(place: Place, name: str) -> bool:
    """Whether ``place`` lies by a gazetteer town called ``name``."""
    return place.lat is not None and any(
        t.lat is not None and distance_km(place.lat, place.lon, t.lat, t.lon) <= NEAR_TOWN_KM
        for t in gazetteer().lookup(name, kinds=("town",)))


def _facility_word(tok) -> bool:
    """A feature noun ending a named facility, or a modifier of one ("Al Alam military camp (Marib)"):
    the region after it says where the facility is."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return has_term(tok.lower_, "feature") or tok.pos_ == "ADJ" and tok.dep_ == "amod" and nxt is not None \
        and (has_term(nxt.lower_, "feature") or has_term(nxt.lower_, "area"))  # (not "bandits from X attack village in Y")


def _wider(doc, cands, k: int, countries: list[str]):
    """The region or country named right after candidate k ("Mambasa, Nord-Kivu"), or the region of the
    second-level unit named there (admin2.tsv), if any; of several it may be, the one that holds a place the chain
    names before it (``_box``: "Kagara (Rafi LGA, Niger)" is in Nigeria's Niger state, not the country Niger)."""
    if k + 1 >= len(cands) or doc[cands[k][1]:cands[k + 1][0]].text.strip() != ",":
        return None
    text = doc[cands[k + 1][0]:cands[k + 1][1]].text
    found = gazetteer().lookup(text, countries=countries, kinds=("admin1", "country")) \
        or admin2_regions(text, countries)  # ("Barangay Lawa, Calamba, Laguna": a province names its region)
    found = _in_unit_country(doc[cands[max(0, k - 1)][0]:cands[k + 1][0]].text, found)
    if found:
        return _box(found, *(doc[cands[j][0]:cands[j][1]].text for j in range(max(0, k - 1), k + 1)))
    return _seat_region(text, doc[cands[k][0]:cands[k][1]].text)


def _in_unit_country(chain: str, regions: list[Place]) -> list[Place]:
    """Of the regions a container's name may be, those of the country whose own unit word the chain uses before
    it (unit_cues.tsv: "(Rafi LGA, Niger)" is Nigeria's Niger state, not the country); all when none is."""
    unit = unit_countries(chain)
    return [r for r in regions if r.country == unit[0]] or regions if unit else regions


def _seat_region(seat: str, name: str):
    """The region of a town called ``seat`` that holds a town called ``name``, when ``seat`` reads as no region:
    "(Abala, Tillabery)" names the region by its seat's spelling, and Niger's Abala, not Ethiopia's, is meant."""
    gaz = gazetteer()
    if gaz.lookup(seat, kinds=("admin1", "country")):
        return None
    for town in gaz.lookup(seat, kinds=("town",)):
        region = gaz.admin1(town.admin1, country=town.country) if town.admin1 else []
        if region and _box_holds(region[0], name):
            return region[0]
    return None


def _middle_town(doc, cands, found, n, k, box, countries, resolve) -> Optional[tuple[Mention, int]]:
    """For candidate n, a place the gazetteer lacks in region ``box``, where the chain names a town of the region
    between it and the region ("Buk (Damboa LGA, Borno)"): the place read at that town, and the town's index,
    which names where the place is rather than a place of its own; None where the chain names no such town."""
    for j in range(n + 1, k):
        town = found[j].place if found[j] is not None else None
        if town is not None and town.kind == "town" and town.country == box.country \
                and (box.kind != "admin1" or town.admin1 == box.name):
            there = resolve(doc, *cands[n], [box.country] + countries, within=town)
            if there is not None and there.place.admin1 == town.admin1:  # (not a namesake elsewhere in the country)
                return there, j
    return None


def _box(containers: list, *names: str):
    """The container a place is in: of the regions or countries the container's name may be
    ("Punjab" in India and in Pakistan, "Central" in Ghana and in Botswana), the first that
    holds a gazetteer place of one of ``names``, the chain's names before it, each also without a
    settlement word ("Faisalabad, Punjab" -> Pakistan; "Douala city (Wouri, Littoral)" -> Cameroon),
    else the first."""
    gaz = gazetteer()
    words = [n.rsplit(" ", 1)[0] if " " in n and n.rsplit(" ", 1)[1].lower() in SETTLEMENT_WORDS else n
             for n in names]
    known = [p for n in dict.fromkeys((*names, *words)) for p in gaz.lookup(n)]
    return next((box for box in containers if _holds(box, known)), containers[0])


def _box_holds(box: Place, name: str) -> bool:
    """Whether region or country ``box`` holds a gazetteer place called ``name``."""
    return _holds(box, gazetteer().lookup(name))


def _holds(box: Place, places: list[Place]) -> bool:
    """Whether ``box`` holds one of ``places``, other than itself ("Colon (Colon)": Panama's province, which holds
    a town of that name, not Honduras's department, which is only named so)."""
    return any(p is not box and p.country == box.country and (box.kind != "admin1" or p.admin1 == box.name)
               for p in places)


def _between(tok) -> bool:
    """Whether the name at ``tok`` is an object of "between" ("between Garsen and Witu", "between X, Y and Z")."""
    while tok.dep_ in ("compound", "conj", "appos", "flat") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "between"


def _town_in_town(m: Optional[Mention], box: Optional[Mention]) -> bool:
    """Whether gazetteer town ``m`` may lie in the area of town ``box`` named after it."""
    return m is not None and box is not None and m.place.country == box.place.country and _town_by_town(m, box)


def _town_by_town(m: Optional[Mention], other: Optional[Mention]) -> bool:
    """Whether gazetteer towns ``m`` and ``other`` are two places within NEAR_TOWN_KM of each other, in
    whichever country ("the Shufat neighbourhood of Jerusalem": Shufat in the West Bank, by Jerusalem)."""
    if m is None or other is None or m.place.kind != "town" or other.place.kind != "town":
        return False
    p, q = m.place, other.place
    return p.geonameid != q.geonameid and None not in (p.lat, p.lon, q.lat, q.lon) \
        and distance_km(p.lat, p.lon, q.lat, q.lon) <= NEAR_TOWN_KM


def _listed(doc, end: int) -> bool:
    """Whether the name ending at token ``end`` continues a list of towns ("X, Y and Z"),
    not a town followed by its region ("X, Malappuram, Kerala")."""
    nxt = [t for t in doc[end:end + 3] if t.lower_ not in (",", "and", "or", "&")]
    if not (end < len(doc) and doc[end].lower_ in (",", "and", "or", "&") and nxt and nxt[0].i <= end + 2
            and nxt[0].pos_ == "PROPN"):
        return False
    run = nxt[0].i
    while run + 1 < min(len(doc), nxt[0].i + 3) and doc[run + 1].pos_ == "PROPN":
        run += 1
    name = doc[nxt[0].i:run + 1].text  # "North Sinai", not "North"
    if run + 1 < len(doc) and doc[run + 1].tag_ == "NNS" and has_term(doc[run + 1].lemma_.lower(), "admin"):
        return True  # "across Kisumu, Migori and Homa Bay counties": a list of regions, not Kisumu inside Migori
    gaz = gazetteer()
    return bool(gaz.lookup(name, kinds=("town",))) and not gaz.lookup(name, kinds=("admin1", "country")) \
        and not (doc[end].text == "," and admin2_regions(name, []))  # ("X, Calamba, Laguna": a province closes it)
