"""Stage: places. Each event gets a location (ACLED geo_precision 1-4) from the place
names of the document, found in the offline gazetteer (sitrep.geo).

1. Every GPE/LOC/FAC entity, and every proper noun governed by a locative preposition,
   becomes a place *mention* with a syntactic role: ``locative`` ("in/at/near X", "the
   outskirts of X"), ``target`` (the object of a verb or of "attack on X"), ``speech``
   (where someone spoke: "said in Baku"), ``route`` (an end of "the Mpeketoni-Lamu road": it says where,
   but yields to a locative name, "near Voi"), ``goal`` (where someone went: "fled into Somalia") or
   ``other`` (subject, possessor: an actor).
   Countries in the ``other`` and ``goal`` roles are never locations ("Russia urged ...").
2. Names resolve against the gazetteer with the document's countries as context.
   "southern Armenia" is a region (3), a country alone is 4 at its centroid, "near X" is 2.
   A village the gazetteer lacks keeps its own name as a *site* placed at the point of the
   place the text puts it in ("near Khutir Vilny, Luhansk": 3 at the region's point; "near
   Nargiztapa, Tartar", "the village of X in Y": 2 at the town's point), so that two
   villages of one region stay two places.
3. An event takes the closest mention in the dependency tree of its sentence, else a
   mention from a neighbouring sentence or the document, but only in a country named in
   the event's own sentence: a story told in another sentence never lends its place.
   A document that names no place below a country may still say where by the peoples it names:
   the one region home to them all (data/homelands.tsv), at precision 3.

Steps 1 and 2 live in sitrep.places_syntax (roles), sitrep.places_names (candidate names),
sitrep.places_mentions (gazetteer resolution) and sitrep.places_tables (admin2, quarters,
landmarks, area cues); this module picks each event's place.
"""
from __future__ import annotations

from functools import partial
from typing import Optional

from ..geo import admin1_english, distance_km, fold, gazetteer
from ..places_mentions import ABROAD_ALIAS_POPULATION, LEARNED_TOWN_POPULATION, candidate_spans, mentions
from ..places_syntax import Mention, PLACING, STRONG, document_countries, has_term, sentence_countries
from ..places_tables import document_areas, home_region, people_named
from ..records import Location, Span


PHYSICAL_PLOVER = ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT")
STREET_WORDS = ("street", "avenue", "road")  # "Sanaa Street" in Hodeidah, "Mombasa Road" in Nairobi
NAMESAKE_POPULATION = 500_000  # a town abroad smaller than this yields to the places the text names at home
FAR_ABROAD_KM = 2_000  # a town abroad this far from every place the text names in its own countries is a stray namesake


def _physical(ev) -> bool:
    """Whether the event happens where its object country is ("invaded Ukraine"), unlike
    "urged Azerbaijan": typed ACLED events other than strategic developments, or
    physical PLOVER types."""
    et = ev.acled.event_type
    return bool(et and et != "Strategic developments") or ev.plover.type in PHYSICAL_PLOVER


def _tree_distance(a, b) -> int:
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return 99


def _usable(m: Mention, trigger, physical: bool) -> bool:
    if m.role in PLACING:
        return True
    if m.role == "target":  # "shelled Goris"; a country only for a physical event ("invaded Ukraine")
        if trigger.doc[m.head].pos_ in ("NOUN", "PROPN") and m.head != trigger.i:
            return False  # "attack on X", "members of X": X is the target of that noun only
        return m.place.kind != "country" or (m.head == trigger.i and physical)
    if m.role == "speech":
        return m.head == trigger.i
    return m.place.kind != "country"


def _topic(doc, m: Mention, trigger) -> bool:
    """Whether the mention lies in what the event is about, not where it is: a word of grievance or demand
    (``topic`` rows of data/geo_terms.tsv) stands between it and the trigger ("protested in Beirut against the
    killing of a man in Tripoli", "staged a protest in Viluppuram demanding entry to Puducherry")."""
    for t in doc[m.anchor].ancestors:
        if t.i == trigger.i:
            return False
        if has_term(t.lemma_, "topic") or has_term(t.text, "topic"):
            return True
    return False


def _street(doc, m: Mention) -> bool:
    """Whether the mention only names a street after a gazetteer town ("in Sanaa Street, in the east of Hodeidah
    city"), which lies elsewhere: not a route's end ("the Nakuru-Eldoret road"), nor a street the gazetteer does not
    know as a town ("Al Jabes street in Janzur (Tripoli)": the street itself, a finer place)."""
    return m.place.kind == "town" and m.end < len(doc) and doc[m.end].lower_ in STREET_WORDS and not (
        m.start > 0 and doc[m.start - 1].text == "-" or m.end + 1 < len(doc) and doc[m.end + 1].text == "-")


def _pick(ms: list[Mention], trigger, doc, physical: bool) -> Optional[Mention]:
    usable = [m for m in ms if _usable(m, trigger, physical)]
    if not usable:
        return None
    def key(m: Mention):
        return (_topic(doc, m, trigger) or _street(doc, m), m.role not in STRONG and m.head != trigger.i, not m.entity,
                _tree_distance(trigger, doc[m.anchor]), m.precision, m.start)

    best = min(usable, key=key)
    if best.place.kind in ("country", "region"):  # a place of that country the sentence also names says where in it
        # (a region wider than a first-level one, "the Rift Valley", holds any place of its country)
        finer = [m for m in usable if m.place.country == best.place.country
                 and m.place.kind not in ("country", "region")
                 and (m.role in PLACING or m.role == "target")]  # ("crossed into Kenya ... near Mandera")
        best = min(finer, key=key) if finer else best
    return best


def _region_of(p) -> tuple:
    """(country, first-level region) of a place: a region's own name, else the region it lies in."""
    return p.country, p.name if p.kind == "admin1" else p.admin1


def _route_end(doc, m: Mention, here: list[Mention], ms: list[Mention]) -> Mention:
    """Of the two ends of a route that lie in different regions ("the Garissa-Nairobi road"), the one whose
    region the document names again elsewhere ("... over taxes levied by Garissa County"), where only that
    one's is; else the end chosen."""
    other = next((o for o in here if o.role == "route" and o is not m and 0 < abs(o.anchor - m.anchor) <= 4
                  and any(t.text == "-" for t in doc[min(o.anchor, m.anchor):max(o.anchor, m.anchor)])), None)
    if other is None or _region_of(other.place) == _region_of(m.place):
        return m

    def echoed(end: Mention) -> bool:
        return any(x is not m and x is not other and _region_of(x.place) == _region_of(end.place) for x in ms)

    return other if echoed(other) and not echoed(m) else m


def _location(m: Mention, doc, reason: str) -> Location:
    span = doc[m.start:m.end]
    p = m.seat or m.place  # a region's name alone: at its seat town ("in Wajir")
    admin1 = _region_of(p)[1]
    admin1 = admin1_english().get((p.country or "", admin1 or ""), admin1)
    return Location(name=p.name, country=p.country, admin1=admin1, lat=p.lat, lon=p.lon,
                    geonameid=p.geonameid, precision=m.seat_precision or m.precision, text=span.text,
                    span=Span(span.text, span.start_char, span.end_char), reason=f"{reason}: {m.reason}")


def _trigger_token(doc, trigger: Span):
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def locate(doc, trigger_tok, ms: list[Mention], countries: list[str], *, physical: bool = True,
           window: int = 2) -> Optional[Location]:
    """The event's location: the closest usable mention in its sentence; else a country
    that another event of the sentence targets ("invasion of Ukraine"); else a locative
    mention within ``window`` sentences, else anywhere in the document, in a country that
    the event's sentence names."""
    sent = trigger_tok.sent
    coded = [m for m in ms if m.role == "coded"]
    if coded:  # the coder's own note of where the event was placed, in its sentence or the nearest one
        m = min(coded, key=lambda m: (not sent.start <= m.anchor < sent.end, abs(m.anchor - trigger_tok.i)))
        return _location(m, doc, "the coder's note of its place")
    here = [m for m in ms if sent.start <= m.anchor < sent.end]
    m = _pick(here, trigger_tok, doc, physical)
    if m is not None and m.role == "route":
        m = _route_end(doc, m, here, ms)
    about = None
    if m is not None and _topic(doc, m, trigger_tok):
        about, m = m, None  # only what the event is about ("protest against remarks by the Embakasi East MP"):
        # a place a neighbouring sentence gives says better where ("They burnt tyres in Kiambu")
    if m is not None and m.place.kind == "country" and physical:
        # a country alone, where a neighbouring sentence says where in it ("drive a car into Kenya from
        # Ethiopia. Mandera is situated at ..."): that place, the nearest sentence first
        finer = _finer_nearby(doc, ms, sent, window, m.place.country)
        if finer is not None:
            return _location(finer, doc, "in the event's country, from a neighbouring sentence")
    if m is not None:
        return _location(m, doc, "in the event's sentence")
    targets = [m for m in here if m.role == "target" and m.place.kind == "country" and physical]
    if len({m.place.country for m in targets}) == 1:
        return _location(targets[0], doc, "the country targeted in the event's sentence")
    own = sentence_countries(sent) or set(countries[:1])
    if not own:  # a document that names no country: any place near the event will do
        own = {m.place.country for m in ms}
    sents, index, order = _nearest_sentences(doc, sent)
    located = {m.place.country for m in ms if m.role in PLACING}
    # a document whose places all lie in one country lends an earlier sentence's place to an event whose sentence
    # names another country but no place in it ("after fighting by Somali factions", "while ferried to Somalia"; a
    # physical event only: "Azerbaijan denied the claim" is not at the Armenian town of the claim;
    # not a later, separate story: "Separately, Russian troops retreated in Ukraine")
    lend = physical and len(located) == 1 and not located & own \
        and not any(sent.start <= m.anchor < sent.end for m in ms)
    for owned, why, later in ((own, "in a country the event's sentence names", True),
                              (located if lend else set(), "the only country the document's places lie in", False)):
        for i in order[1:]:
            if i > index and not later:
                continue
            s = sents[i]
            near = [m for m in ms if s.start <= m.anchor < s.end and m.place.country in owned
                    and (m.role in PLACING or m.role == "target" and m.place.kind != "country")
                    and (abs(i - index) <= window or m.place.kind in ("country", "region"))]
            if near:
                best = min(near, key=lambda m: (m.precision, m.start))
                if best.place.kind in ("country", "region"):  # a place of that country the same sentence names says
                    # where in it, however far the sentence ("in San Juan (San Juan) ... isolation in Argentina")
                    finer = [m for m in ms if s.start <= m.anchor < s.end and m.place.country == best.place.country
                             and m.place.kind not in ("country", "region") and m.role in PLACING]
                    best = min(finer, key=lambda m: (m.precision, m.start)) if finer else best
                where = "an earlier" if i < index else "a later"
                return _location(best, doc, f"from {where} sentence, {why}")
    if about is not None:
        return _location(about, doc, "in the event's sentence, the place it is about")
    return None


def _nearest_sentences(doc, sent) -> tuple[list, int, list[int]]:
    """The document's sentences, the index of ``sent`` among them, and their indices nearest first
    (``sent`` itself, then the one before, the one after, ...)."""
    sents = list(doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    return sents, index, sorted(range(len(sents)), key=lambda i: (abs(i - index), i > index))


def _finer_nearby(doc, ms: list[Mention], sent, window: int, country: str) -> Optional[Mention]:
    """The place inside ``country`` that the nearest sentence within ``window`` of ``sent`` naming a place
    below a country names, when it names just that one."""
    sents, index, order = _nearest_sentences(doc, sent)
    for i in (i for i in order[1:] if abs(i - index) <= window):
        s = sents[i]
        theirs = [m for m in ms if s.start <= m.anchor < s.end and m.place.kind != "country"]
        if theirs:
            one = len({(m.place.name, m.place.country) for m in theirs}) == 1
            return theirs[0] if one and theirs[0].place.country == country else None
    return None


def _actor_countries(actors) -> list[str]:
    """The countries of the named groups of the knowledge files among the actors ("NPA":
    the Philippines), first mentioned first; not of actors given the document's country by a
    place vote, which may rest on the very place in doubt."""
    from ..knowledge import knowledge

    kb, found = knowledge(), []
    for a in sorted((a for a in actors if a.mentions), key=lambda a: min(m.start for m in a.mentions)):
        group = kb.group_for(a.name)
        if group is not None and group.country:
            found.append(group.country)
    return list(dict.fromkeys(found))


def _namesakes(text: str) -> set[str]:
    """The countries of the gazetteer places called ``text`` by their own name, not another (Beirut, not
    Bierutow)."""
    return {p.country for p in gazetteer().lookup(text) if fold(p.name) == fold(text)}


def _learned_order(doc, ms: list[Mention], learned: list[str]) -> list[str]:
    """The countries the document's places taught it, the one with most places that can be read in no other
    country first; a country is left out when each of its places has a reading in such a country kept before
    it ("Luanda Town ... the Kisumu-Luanda-Busia highway ... Vihiga County": Kenya, which has a Luanda too,
    not Angola; but "San Lorenzo ... San Fernando company" keeps Paraguay: San Fernando is no sure sign)."""
    # (a place its container confirmed, "Ol Kalou, Nyandarua", reads only as that)
    readings = [{m.place.country} | (set() if m.contained else _namesakes(doc[m.start:m.end].text)) for m in ms]
    sure = [next(iter(r)) for r in readings if len(r) == 1]
    order = sorted(set(learned), key=lambda c: (-sure.count(c), learned.index(c)))
    kept: list[str] = []
    for c in order:
        theirs = [r for m, r in zip(ms, readings) if m.place.country == c]
        if not theirs or not all(r & set(kept) & set(sure) for r in theirs):
            kept.append(c)
    return kept


def _chained_regions(ms: list[Mention], areas: frozenset) -> tuple[frozenset, dict]:
    """The region a country's places are put in by the text's own chains ("in Simojovel, Chiapas"), where all its
    chains name one region and no cue already names that country's regions: the region the report is about; and
    the town those chains name there, where they name one town only (its unknown quarters are placed at it)."""
    cued = {c for c, _ in areas}
    seen: dict[str, set] = {}
    towns: dict[str, set] = {}
    for m in ms:
        if m.contained and m.place.country and m.place.admin1 and m.place.country not in cued:
            seen.setdefault(m.place.country, set()).add(m.place.admin1)
            towns.setdefault(m.place.country, set()).add(m.place if m.place.kind == "town" else None)
    regions = frozenset((c, next(iter(a))) for c, a in seen.items() if len(a) == 1)
    hubs = {(c, a): next(iter(towns[c])) for c, a in regions if len(towns[c]) == 1 and None not in towns[c]}
    return regions, hubs


def _strays(ms: list[Mention], countries: list[str]) -> list[Mention]:
    """The mentions less their towns abroad (under NAMESAKE_POPULATION) that lie far from every place the text names
    in its own countries: namesakes of a village the gazetteer lacks there ("near Karama in eastern Ar-Raqqa": no
    Australian town; "looted shops in Handa ..., Lamu police said": no Japanese city of 100,000). A country named
    only by an actor's nationality ("French forces") names no place, so a town of the country where they act
    stays."""
    home = [m.place for m in ms
            if m.place.country in countries and m.place.kind != "country" and m.place.lat is not None]

    def stray(m: Mention) -> bool:
        p = m.place
        return p.kind == "town" and not m.contained and p.country not in countries and p.lat is not None \
            and p.population < NAMESAKE_POPULATION and bool(home) \
            and all(distance_km(p.lat, p.lon, h.lat, h.lon) > FAR_ABROAD_KM for h in home)

    return [m for m in ms if not stray(m)]


def _region_seat(p) -> bool:
    """Whether the place is a town named as its region is ("Mandera" in Mandera county): the region's seat."""
    return fold(p.name) == fold(p.admin1 or "")


def _surest(ms: list[Mention], learned: list[str]) -> list[str]:
    """The countries the places teach, less those that only a town's size teaches (a town under
    NAMESAKE_POPULATION, with no container, not its region's namesake seat) when a region, or a town its
    container confirms, teaches another: "a shop in Pala market near Kendu Bay in Homa Bay County" is Kenya's
    story, and Pala a village the gazetteer lacks there, not Chad's town of 70,000."""
    sure = {m.place.country for m in ms if m.place.country in learned and (m.contained or m.place.kind == "admin1")}

    def by_size(country: str) -> bool:
        return all(m.place.kind == "town" and not m.contained and m.place.population < NAMESAKE_POPULATION
                   and not _region_seat(m.place) for m in ms if m.place.country == country)

    return [c for c in learned if not sure or not by_size(c)]


def run(state):
    doc = state.doc
    if not state.result.events:
        return state
    countries = document_countries(doc)
    areas = document_areas(doc.text, state.result.document.published)
    # a cue's country counts when the text names no country of its own ("OSCE SMM": Ukraine)
    countries = countries or list(dict.fromkeys(c for c, _ in areas))
    areas = frozenset(areas)
    read = partial(mentions, doc, candidates=candidate_spans(doc))  # the spans once, whatever the countries
    ms = read(countries, areas)
    groups = [] if countries else _actor_countries(state.result.actors)
    if groups:
        # else the countries of the named groups among the actors ("NPA militants": the Philippines), when
        # reading the places in them finds one there and loses none ("Al Shabaab" in Kenya's Ijara: acting abroad)
        theirs = read(groups, areas)
        if len(theirs) >= len(ms) and any(m.place.country in groups for m in theirs):
            countries, ms = groups, theirs
    # a town abroad teaches its country when it is large and the text places something in it, or it is its region's
    # namesake seat ("Mandera"), unless only a short other name found it ("Bala": Basel); a large town's name in no
    # place role is none ("land taken a few years after Independence": no Missouri town)
    learned = [m.place.country for m in ms if m.place.country and m.place.country not in countries
               and (m.place.kind != "town" or m.place.population >= LEARNED_TOWN_POPULATION and m.role != "other"
                    or m.contained or not m.alias and _region_seat(m.place))
               and not (m.alias and (m.place.population < ABROAD_ALIAS_POPULATION or m.end - m.start == 1
                                     and len(doc[m.anchor].text) <= 4))]
    learned = _surest(ms, learned)
    strict = False
    if learned:
        strict = not countries  # the text named no country: its places did
        countries = countries + _learned_order(doc, ms, learned)
        ms = read(countries, areas, strict=strict)
    chained, hubs = _chained_regions(ms, areas)
    if chained:
        ms = read(countries, areas | chained, strict=strict, hubs=hubs, chained=chained)
    ms = _strays(ms, countries)
    state.scratch["place_mentions"] = ms
    home = _homeland(doc, ms, countries)
    for ev in state.result.events:
        tok = _trigger_token(doc, ev.trigger)
        if tok is None:
            continue
        physical = _physical(ev)
        loc = locate(doc, tok, ms, countries, physical=physical) or (_sole_region(doc, ms) or home if physical else None)
        if loc is not None:
            ev.location = loc
    return state


def _sole_region(doc, ms: list[Mention]) -> Optional[Location]:
    """Where no mention ties to a physical event, the one first-level region the document's sure mentions all lie
    in, as ACLED codes an event its report places no better (never blank): the mention that says most of where,
    first in the text, at precision 2 or coarser ("A reporter in Eldoret said he had been abducted": where he
    spoke). Sure mentions are those the NER or our tables call places, or in a place role (not "Green" of "Green
    Peace Africa activists", a town in Ohio). No guess where they lie in two regions or more, nor for a statement,
    which its speaker makes elsewhere ("Azerbaijan rejected the accusation" is not at the shelled Armenian town)."""
    places = [m for m in ms if m.place.kind != "country" and (m.entity or m.role in (*PLACING, "target"))]
    if not places or len({_region_of(m.place) for m in places}) != 1:
        return None
    m = min(places, key=lambda m: (m.role not in (*PLACING, "target", "attributive"), m.start))
    loc = _location(m, doc, "the one region the document's places lie in, none tied to the event")
    loc.precision = max(loc.precision or 2, 2)
    return loc


def _homeland(doc, ms: list[Mention], countries: list[str]) -> Optional[Location]:
    """For a document that names no place below a country, the one region that is home to every people it
    names (data/homelands.tsv), at precision 3, as a coder places an event told only by who fought: "Orma and
    Pokomo clash over grazing land" is in Tana River. Not when the document names a country the region is not in,
    nor where the peoples' homes share no region or several ("Pokot and Turkana raiders")."""
    if any(m.place.kind != "country" and people_named(doc[m.start:m.end].text) is None for m in ms):
        return None
    home = home_region(doc)
    if home is None or countries and home[0] not in countries:
        return None
    country, admin1, named = home
    region = gazetteer().admin1(admin1, country=country)[0]
    name = admin1_english().get((country, admin1), admin1)
    return Location(name=name, country=country, admin1=name, lat=region.lat, lon=region.lon,
                    geonameid=region.geonameid, precision=3, text=named.text,
                    span=Span(named.text, named.start_char, named.end_char),
                    reason=f"no place named: the home region of the people named ({people_named(named.text)})")
