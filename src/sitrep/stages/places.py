"""Stage: places. Each event gets a location (ACLED geo_precision 1-4) from the place
names of the document, found in the offline gazetteer (sitrep.geo).

1. Every GPE/LOC/FAC entity, and every proper noun governed by a locative preposition,
   becomes a place *mention* with a syntactic role: ``locative`` ("in/at/near X", "the
   outskirts of X"), ``target`` (the object of a verb or of "attack on X"), ``speech``
   (where someone spoke: "said in Baku"), ``route`` (an end of "the Mpeketoni-Lamu road": it says where,
   but yields to a locative name, "near Voi") or ``other`` (subject, possessor: an actor).
   Countries in the ``other`` role are actors ("Russia urged ..."), never locations.
2. Names resolve against the gazetteer with the document's countries as context.
   "southern Armenia" is a region (3), a country alone is 4 at its centroid, "near X" is 2.
   A village the gazetteer lacks keeps its own name as a *site* placed at the point of the
   place the text puts it in ("near Khutir Vilny, Luhansk": 3 at the region's point; "near
   Nargiztapa, Tartar", "the village of X in Y": 2 at the town's point), so that two
   villages of one region stay two places.
3. An event takes the closest mention in the dependency tree of its sentence, else a
   mention from a neighbouring sentence or the document, but only in a country named in
   the event's own sentence: a story told in another sentence never lends its place.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Optional

from ..geo import Place, admin1_english, distance_km, fold, gazetteer, terms, titled
from ..lexicon import load_table
from ..records import Location, Span

PLACE_LABELS = ("GPE", "LOC", "FAC")
STRONG = ("locative", "target")
PLACING = ("locative", "route", "coded")  # roles that say where (a route's end, "the Mpeketoni-Lamu road", is weaker;
# a coder's note, "coordinates for Kapedo used", decides)
PHYSICAL_PLOVER = ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT")


def _physical(ev) -> bool:
    """Whether the event happens where its object country is ("invaded Ukraine"), unlike
    "urged Azerbaijan": typed ACLED events other than strategic developments, or
    physical PLOVER types."""
    et = ev.acled.event_type
    return bool(et and et != "Strategic developments") or ev.plover.type in PHYSICAL_PLOVER


@dataclass
class Mention:
    start: int          # token offsets of the whole phrase ("southern and central Armenia")
    end: int
    anchor: int         # the name's root token
    head: int           # the token the phrase attaches to (preposition's head or verb)
    place: Place
    precision: int
    role: str           # locative | target | speech | other
    reason: str
    entity: bool = True  # found by the NER as GPE/LOC/FAC (else a proper noun the gazetteer knows)
    alias: bool = False  # found by another name than the place's own ("Bala" for Basel)
    contained: bool = False  # followed by its region or country ("Ol Kalou in Nyandarua County"), which agrees


def _roles(word: str) -> dict:
    return terms().get(word.lower(), {})


def _has(word: str, role: str) -> bool:
    return role in _roles(word)


def _country_of(text: str) -> Optional[str]:
    from ..knowledge import knowledge

    return knowledge().country_for(text)


def document_countries(doc) -> list[str]:
    """ISO3 of the countries the document names, most mentioned first."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            iso3 = _country_of(ent.text)
            if iso3:
                counts[iso3] += 1
                first.setdefault(iso3, ent.start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


def sentence_countries(sent) -> set[str]:
    return {c for e in sent.ents if e.label_ in ("GPE", "NORP", "LOC") for c in [_country_of(e.text)] if c}


def _inhabitants(tok) -> bool:
    """Whether ``tok`` names people by where they live ("residents", "traders")."""
    return _has(tok.lemma_.lower(), "inhabitant")


def _people_modified(tok):
    """The person or group noun that place name ``tok`` modifies ("the Kitui mayor", "Isiolo
    militia", "Kisumu based journalists", "Nairobi-based police"), if any."""
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].head.i == tok.head.i and doc[tok.i + 1].dep_ == tok.dep_ \
            and _has(doc[tok.i + 1].lemma_.lower(), "people"):
        return doc[tok.i + 1]  # "Nairobi police arrest ...", parsed as two subjects
    if tok.dep_ not in ("compound", "amod", "npadvmod", "nmod"):
        return None
    head = tok.head
    if head.lower_ == "based":
        head = head.head
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "the Kitui county commissioner": the commissioner
    return head if head.pos_ in ("NOUN", "PROPN") and _has(head.lemma_.lower(), "people") else None


def _role(tok) -> tuple[str, object, Optional[int]]:
    """(role, the token the name attaches to, precision implied by a vicinity word)."""
    town = tok.head if tok.dep_ == "compound" and tok.head.lower_ in SETTLEMENT_WORDS else tok
    if town.dep_ == "compound" and _inhabitants(town.head):
        return "locative", town.head, None  # "Kibwezi residents", "Embu Town traders": where they live
    people = _people_modified(tok)
    if people is not None:  # "the Kitui mayor": a weaker tie, for a sentence that names no better place
        return "attributive", people, _roles(people.lemma_.lower()).get("people")
    if tok.i in _coder_fields(tok.doc):
        return "locative", tok, None  # a coder's "LOCATION: Kalaha, Saboti Constituency" field
    r = tok
    if tok.dep_ == "poss" and tok.head.dep_ == "pobj" and _has(tok.head.head.lower_, "locative"):
        r = tok.head  # "in Nairobi's Freedom Park": the possessor says where (not "Baku's forces")
    while r.dep_ in ("compound", "amod", "nmod", "appos", "conj", "flat", "nummod") and r.head is not r:
        r = r.head
    if r is not tok and r.lemma_.lower() in ROUTES and any(t.text == "-" for t in tok.doc[max(0, tok.i - 1):r.i]):
        return "route", r, 2  # "blocked the Mpeketoni-Lamu road", "the Isiolo-Meru border": near the town
    if r.dep_ == "pobj":
        prep = r.head
        word = prep.text.lower()
        vicinity = _roles(word).get("vicinity")
        if word in ("of", "from") and (_has(prep.head.text, "area") or _has(prep.head.text, "vicinity")):
            return "locative", prep.head, _roles(prep.head.text.lower()).get("vicinity")
        if word == "of" and _has(prep.head.text.lower(), "direction"):
            return "locative", prep.head, 2  # "south of Rafah", "10 km east of Garissa": near the town
        if word == "of" and (prep.head.pos_ == "PROPN" or r.text.lower() in SETTLEMENT_WORDS):
            # "Bat Galim Square of Haifa city", "University of Nairobi"
            return "locative", prep.head, _roles(prep.head.text.lower()).get("vicinity")
        if word == "of" and prep.head.pos_ in ("NOUN", "VERB"):
            return "of", prep.head, None  # "residents of Molo" (a place), "invasion of Ukraine" (a target)
        if word == "on" and (prep.head.pos_ == "NOUN" and _has(prep.head.lemma_.lower(), "feature")
                             or r is not tok and _has(r.lemma_.lower(), "feature")):
            return "locative", prep.head, 2 if r.lemma_.lower() in ("border", "frontier") else None
            # "the county offices on Hola", "villages on the Isiolo-Meru border" (near it)
        if word in ("on", "against") and prep.head.pos_ in ("NOUN", "VERB"):
            return "target", prep.head, None
        if _has(word, "locative") or word == "to" and prep.head.text.lower() in ("close", "next"):
            head = prep.head
            spoke = _has(head.lemma_, "speech") and any(c.dep_ == "nsubj" for c in head.children)
            if spoke or (head.dep_ == "nsubj" and _has(head.head.lemma_, "speech")):
                return "speech", head, None  # "said in Baku", "the ministry in Baku said"
            if word == "to":
                vicinity = 2
            return "locative", head, vicinity
        return "other", prep.head, None
    if r.dep_ in ("dobj", "nsubjpass"):
        return "target", r.head, None
    if r.dep_ == "npadvmod" and r.head.pos_ in ("VERB", "AUX") and r.head.dep_ in ("ROOT", "conj") \
            and not (r.i + 1 < len(r.doc) and r.doc[r.i + 1].text == "-"):
        return "locative", r.head, None
    return "other", r.head, None


def _coder_fields(doc) -> tuple:
    """The token indices of a coder's "LOCATION: ..." field (up to the next full stop, at most 20 tokens
    on), found once per document (kept in ``doc.user_data`` as a tuple, which Doc serialisation takes)."""
    key = "sitrep_places_coder_fields"
    if key not in doc.user_data:
        inside = []
        for t in doc:
            if t.lower_ == "location" and t.i + 1 < len(doc) and doc[t.i + 1].text == ":":
                for u in doc[t.i + 1:min(len(doc), t.i + 21)]:
                    if u.text == ".":
                        break
                    inside.append(u.i)
        doc.user_data[key] = tuple(sorted(set(inside)))
    return doc.user_data[key]


def _chain_dep(tok) -> str:
    """The dependency of a name through coordination ("Moscow and Baku said" -> nsubj);
    a name modifying a noun ("Kahawa residents") keeps its compound role."""
    while tok.dep_ in ("flat", "appos", "conj") and tok.head is not tok:
        tok = tok.head
    return tok.dep_


def _directions(doc, start: int) -> int:
    """The start of a run of direction words before token ``start`` ("southern and central")."""
    i = start
    while i > 0 and (_has(doc[i - 1].text, "direction") or
                     (doc[i - 1].text in ("and", ",", "-") and i > 1 and _has(doc[i - 2].text, "direction"))):
        i -= 1
    return i


SETTLEMENT_WORDS = ("city", "town", "village", "municipality", "township")
NAME_PARTICLES = ("al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "de", "del", "da", "do", "dos", "la", "los", "las")
AREA_VILLAGE_POPULATION = 10_000  # a namesake this small outside the report's regions is not the place
LEARNED_TOWN_POPULATION = 50_000  # a town this large teaches the document its country
ABROAD_ALIAS_POPULATION = 100_000  # a town abroad smaller than this is not found by an alternate name
VARIANT_RATIO = 0.75  # how alike two names must be to be spellings of one name
NEAR_TOWN_KM = 30.0  # "X (Town)": how far a known village may be from the town named as its area
OUTLYING_LANDMARKS = ("park", "camp")  # landmarks.tsv kinds that may lie outside their town: precision 2
ROUTES = ("road", "highway", "route", "border", "boundary")  # "the X-Y road" runs from X (near it: precision 2)
NOT_PLACES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _candidates(doc):
    """(start, end, is_place_entity) token spans that may name places: GPE/LOC/FAC
    entities, and n-grams of other proper-noun runs ("Mombasa" in "Technical University
    of Mombasa", a village the NER missed) that the gazetteer knows."""
    spans, taken, gaz = [], set(), gazetteer()
    for ent in doc.ents:
        if len(ent) == 1 and ent[0].lower_ in NAME_PARTICLES and ent.end < len(doc) and titled(doc[ent.end].text) \
                and _known_extension(doc, ent.start, ent.end) == ent.end:
            taken.add(ent.start)  # "As" of "As Sirrah area" (the NER's GPE, Czech Aš): an article, not a name
            continue  # (but "Al" of "Al Qrayat" is extended to the known name)
        if ent.label_ in PLACE_LABELS:
            start = ent.start   # "Kisauni, Mombasa County" as one GPE: a place and its container
            if start > 0 and titled(doc[start - 1].text) and not doc[start - 1].ent_type_ \
                    and not _roles(doc[start - 1].text) and _known(doc[start - 1:ent.end].text):
                start -= 1  # "Rural Damascus", "Imenti South", where the NER took only "Damascus", "South"
                taken.add(start)
            cuts = [t.i for t in ent if t.text == "," or t.text == "-" and _two_towns(doc, ent, t.i)]
            for k in cuts + [ent.end]:  # ("the Malaba-Eldoret" road: two towns)
                if k > start:
                    end = _known_extension(doc, start, k) if k == ent.end else k
                    spans.append((start, end, True))
                    taken.update(range(k, end))
                start = k + 1
            taken.update(range(ent.start, ent.end))
    blocked = taken | {i for e in doc.ents if e.label_ in NOT_PLACES or e.label_ == "NORP" and _country_of(e.text)
                       for i in range(e.start, e.end)}
    gaz = gazetteer()
    i = 0
    while i < len(doc):
        if i in blocked or not _name_word(doc[i]) or not titled(doc[i].text) or doc[i].is_sent_start \
                and not doc[i].ent_type_ and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "B":
            i += 1  # ("Angry Meru residents": a sentence's first word, capitalised as such, before a name)
            continue
        j = i
        while j < len(doc) and j not in blocked and _name_word(doc[j]) \
                and (titled(doc[j].text) or doc[j].text.isupper()):
            j += 1
            particles = _particles_at(doc, j)
            if particles and j + particles not in blocked:
                j += particles  # "An Nuqat al Khams", "Leon de los Aldama": lower-case particles inside the name
            if _hyphen_joins(doc, j) and j + 1 not in blocked:
                j += 1  # "Mayo-Sava", "Ar-Raqqa": one hyphenated name
        if i > 0 and doc[i - 1].lower_ in NAME_PARTICLES and titled(doc[i - 1].text) and i - 1 not in blocked \
                and _known(doc[i - 1:j].text):
            i -= 1  # "(An Nuqat Al Khams)": the name starts with an article the tagger took for a determiner
        # a known prefix of the run ("Kisumu" in "Kisumu Girls School"), never a later part
        # ("University" in "Moi University"), nor the tail of a hyphenated name ("Mayo-Sava")
        joined = i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
        whole = _before_container(doc, j) and not gaz.known(doc[i:j].text)
        for n in range(min(4, j - i), 0, -1):
            if n < j - i and whole or doc[i + n - 1].text == "-":
                continue  # "Bila Kamianka, Donetsk": a village the gazetteer lacks, not the town of Bila
            if not joined and len(doc[i:i + n].text) > 2 and not _roles(doc[i:i + n].text) \
                    and _known(doc[i:i + n].text, primary=n < j - i):  # ("City" of "City of Cape Town")
                spans.append((i, i + n, False))
                break
        else:
            end = j + 1 if j < len(doc) and doc[j].lower_ in SETTLEMENT_WORDS else j  # "Perumpadappu village"
            if not joined and (_settlement_named(doc, i) or _before_container(doc, end)
                               and (doc[end].lower_ != "in" or _after_locative(doc, i))):
                spans.append((i, end, False))  # "near Khutir Vilny, Luhansk": a village the gazetteer lacks
        i = j
    return spans


def _name_word(tok) -> bool:
    """A proper noun, or a people's name the tagger made an adjective ("Angry Meru residents":
    the NER's NORP, which may also be a region)."""
    return tok.pos_ == "PROPN" or tok.ent_type_ == "NORP"


def _two_towns(doc, ent, i: int) -> bool:
    """Whether the hyphen at i joins two names the gazetteer knows ("the Malaba-Eldoret road"), not
    one name ("Ivano-Frankivsk") or a name and a generic word ("Tharaka-North county")."""
    gaz = gazetteer()
    left, right = doc[ent.start:i], doc[i + 1:ent.end]
    if gaz.known(ent.text) or not len(left) or not len(right):
        return False
    return all(not _roles(part[0].text) and gaz.known(part.text) for part in (left, right))


def _particles_at(doc, j: int) -> int:
    """How many lower-case particles at j join a name ("Ras al Ain": 1, "Leon de los Aldama": 2), else 0."""
    k = 0
    while k < 2 and j + k < len(doc) and doc[j + k].lower_ in NAME_PARTICLES:
        k += 1
    return k if k and j + k < len(doc) and titled(doc[j + k].text) else 0


def _hyphen_joins(doc, j: int) -> bool:
    """A hyphen at j written without spaces between two parts of one name ("Mayo-Sava")."""
    return 0 < j < len(doc) - 1 and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
        and titled(doc[j + 1].text)


def _known_extension(doc, start: int, end: int) -> int:
    """The end of the longest known name (``_known``) that the entity doc[start:end] begins, over
    the capitalised words, particles and joined hyphens after it: the NER's "Sud" of "Sud-Kivu", its
    "Al" of "Al Jabal Al Gharbi"."""
    best, j = end, end
    while j < len(doc) and j - end < 5:
        if _hyphen_joins(doc, j):
            j += 2
        elif doc[j].pos_ == "PROPN" and titled(doc[j].text) and doc[j - 1].text != "-" and doc[j - 1].whitespace_:
            j += 1
        elif particles := _particles_at(doc, j):
            j += particles + 1
        else:
            break
        if _known(doc[start:j].text):
            best = j
    return best


def _settlement_named(doc, i: int) -> bool:
    """Whether the name at token ``i`` follows "the village of", "the town of": the text
    itself says it is a settlement."""
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in SETTLEMENT_WORDS + ("villages", "towns")


def _coded(doc, i: int) -> bool:
    """Whether the name at token ``i`` is where a coder's note says the event was placed, a proxy for a place
    the gazetteer lacks ("(coordinates for Kapedo, Turkana, used)", "the location of Garsen has been used")."""
    before = [t.lower_ for t in doc[max(0, i - 2):i]]
    after = [t.lower_ for t in doc[i:i + 8]]
    return before in (["coordinates", "for"], ["coordinates", "of"]) \
        or before == ["location", "of"] and "used" in after and ("been" in after or "was" in after)


def _after_locative(doc, i: int) -> bool:
    """Whether the name at token ``i`` follows "in", "near", "the area of" (not a verb:
    "arrested Kamau in Nairobi" names a person)."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    return _has(prev, "locative") or _has(prev, "vicinity") or prev == "of" and i > 1 \
        and _has(doc[i - 2].lower_, "area")


def _before_container(doc, j: int) -> bool:
    """Whether token ``j`` starts ", Name", "(Name" or "in Name": where a place's region,
    town or country may follow (mentions() checks that it is one)."""
    return j + 1 < len(doc) and doc[j].lower_ in (",", "(", "in") and doc[j + 1].pos_ == "PROPN" \
        and doc[j + 1].text[:1].isalpha()


def _name_and_kinds(doc, start: int, end: int) -> tuple[int, int, str]:
    """Strip a leading 'the' and direction words; take a following admin word
    ('Tavush Province', 'the Tavush region')."""
    gaz = gazetteer()
    while start < end - 1 and (doc[start].text.lower() == "the" or _has(doc[start].text.lower(), "direction")
                               and not _region_named(doc[start:end].text)
                               and (not gaz.known(doc[start:end].text) or _region_named(doc[start + 1:end].text))):
        start += 1  # "North Horr" is a town, "West Darfur State" a region; "South Lebanon" is a part of Lebanon,
        # not the village in Ohio
    if end < len(doc) and _has(doc[end].text.lower(), "admin") and doc[end].text.lower() not in ("state",):
        end += 1
    if end - start > 1 and doc[end - 1].text.lower() in SETTLEMENT_WORDS and not gaz.known(doc[start:end].text):
        end -= 1  # "Haifa city", "Kisii Town", but "Cape Town", "Kuwait City" are names
    return start, end, doc[start:end].text


def _region_named(name: str) -> bool:
    """Whether ``name`` is a country's or a first-level region's name ("Lebanon", "North Kivu")."""
    return bool(gazetteer().lookup(name, kinds=("country", "admin1")))


def _variant(name: str, other: str) -> bool:
    """Whether two names are spellings of one ("Lokichogio", "Lokichokio"), not different names."""
    return difflib.SequenceMatcher(None, fold(name), fold(other)).ratio() >= VARIANT_RATIO


@lru_cache(maxsize=1)
def admin2_units() -> dict[str, list[tuple[str, str]]]:
    """data/admin2.tsv as folded unit name -> [(country, admin1)]; a unit named with a direction
    word is also known with the word at the other end ("South Imenti", "Imenti South")."""
    out: dict[str, list[tuple[str, str]]] = {}
    swapped: dict[str, list[tuple[str, str]]] = {}
    for r in load_table("admin2.tsv", required=["country", "name", "admin1", "kind"]):
        out.setdefault(fold(r["name"]), []).append((r["country"], r["admin1"]))
        words = r["name"].split()
        if len(words) == 2 and _has(words[0].lower(), "direction") != _has(words[1].lower(), "direction"):
            swapped.setdefault(fold(f"{words[1]} {words[0]}"), []).append((r["country"], r["admin1"]))
    return {**swapped, **out}


def _admin2(name: str, countries: list[str]) -> list[Place]:
    """Second-level units called ``name`` in the document's countries (any when it names
    none), as sites at their region's point."""
    gaz, out = gazetteer(), []
    for country, admin1 in admin2_units().get(fold(name), ()):
        region = gaz.admin1(admin1, country=country) if not countries or country in countries else []
        out += [Place(name=name, country=country, admin1=r.name, lat=r.lat, lon=r.lon, geonameid=None, kind="site")
                for r in region[:1]]
    return out


def _known(text: str, *, primary: bool = False) -> bool:
    """Whether the gazetteer, the admin2 table or the town quarters know ``text`` as a place name."""
    return gazetteer().known(text, primary=primary) or fold(text) in admin2_units() or fold(text) in town_quarters()


def _named_after(words: list[str], countries: list[str], is_ent: bool) -> tuple[list[Place], str]:
    """The places a name the gazetteer lacks is named after, and how: "town" the place itself
    ("Witu Lamu County": a town, then its county, in one entity), "part" a part of it or a
    feature near it ("Lamu East", "Laikipia North district", "Lake Naivasha", "Donetsk
    Airport": precision 2 at a town), "district" a district named after its town
    ("Anantnag district")."""
    gaz = gazetteer()
    admin = len(words) > 1 and _has(words[-1].lower(), "admin")

    def look(parts: list[str], kinds: tuple) -> list[Place]:
        return [p for p in gaz.lookup(" ".join(parts), countries=countries) if p.kind in kinds]

    if admin and len(words) > 2:
        for k in range(1, len(words) - 1):
            region = gaz.admin1(" ".join(words[k:]))
            towns = [p for p in look(words[:k], ("town",))
                     if region and p.country == region[0].country and p.admin1 == region[0].name]
            if towns:
                return towns, "town"
    bare = words[:-1] if admin and len(words) > 2 else words
    tries = [(len(bare) > 1 and _has(bare[-1].lower(), "direction"), bare[:-1], ("town", "admin1"), "part"),
             (len(words) > 1 and words[0].lower() in ("lake", "mount", "mt"), words[1:], ("town",), "part"),
             (len(words) > 1 and _has(words[-1].lower(), "feature") and is_ent, words[:-1], ("town", "admin1"), "part"),
             (admin, words[:-1], ("town", "admin1", "region"), "district")]
    for applies, parts, kinds, how in tries:
        found = look(parts, kinds) if applies else []
        if found:
            return found, how
    return [], ""


def _resolve(doc, cstart, cend, is_ent, countries, within=None, areas: frozenset = frozenset(), strict: bool = False):
    gaz = gazetteer()
    nstart, nend, name = _name_and_kinds(doc, cstart, cend)
    root = doc[nstart:min(nend, cend)].root
    role, head, vicinity = _role(root)
    if _coded(doc, nstart):
        role, head, vicinity = "coded", doc[nstart - 1], 2  # the coder placed the event at a proxy near it
    prep = doc[cstart - 1] if cstart > 0 else None
    if role != "locative" and prep is not None and prep.lower_ in ("in", "at", "near") and prep.dep_ == "prep" \
            and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        role, head = "locative", prep.head  # "in Port-au-Prince, ..." where the parser left "in" without its object
        vicinity = _roles(prep.lower_).get("vicinity")
    head_word = root.head.text if root.dep_ == "pobj" else head.text
    if nend < len(doc) and doc[nend].text == "-" and not doc[nend - 1].whitespace_ and role == "other":
        return None  # "Moscow-led", "Kenya-based" (not "from Molo - included ...")
    quarter = _quarter_of(name, countries) if within is None else []
    places = quarter or gaz.lookup(name, countries=countries)
    words = name.split()
    looked = " ".join(words[:-1]) if len(words) > 1 and _has(words[-1].lower(), "admin") else name
    derived = "quarter" if quarter else ""
    if not places and within is None:
        places, derived = _named_after(words, countries, is_ent)
    if not places and within is None:
        places = _admin2(looked, countries)  # "Teso North", "Kipkelion East constituency": a unit inside a region
        derived = "admin2" if places else derived
    feature, district = derived == "part", derived == "district"
    if district and countries and within is None:
        places = [p for p in places if p.country in countries] or places
        # "Hays district" in a story of Yemen: after Yemen's Hays, not Hays, Kansas
    known = (fold(name), fold(looked))   # the names looked up; a place found by another name is an alias
    if role == "of":
        role = "target" if places and places[0].kind == "country" else "locative"
    if _roles(name):
        return None  # "East", "Central": a generic word, not a place name
    if within is not None:
        places = [p for p in places if p.country == within.country and
                  (within.kind != "admin1" or p.admin1 == within.name) and p.kind != "admin1"]
        words = name.split()
        if not places and len(words) > 1 and _has(words[-1].lower(), "admin") \
                and fold(" ".join(words[:-1])) == fold(within.name):
            places = [within]  # "Tartar Region, Tartar": the town's region, no other place
        if not places and _has(words[-1].lower(), "feature"):
            if within.kind == "town" or not is_ent:
                return None  # "Kenyatta University, Nairobi": a facility in the town, which says where
            places = [within]
        if not places and role not in PLACING and any(doc[i].ent_type_ == "PERSON" for i in range(cstart, cend)):
            return None  # "arrested Kamau in Nairobi": a person, not a village
        if not places:  # "near Orikhove, Luhansk" with no such town in the gazetteer: a named site
            site = doc[_directions(doc, nstart):nend].text.strip(" ,")  # "West Rand", not "Rand"
            places = [Place(name=site, country=within.country,  # placed at its region's point
                            admin1=within.name if within.kind == "admin1" else within.admin1, lat=within.lat,
                            lon=within.lon, geonameid=None, kind="site")]
            name = f"{site}, {within.name}"
    if not places:
        return None
    place, area = places[0], None
    if strict and within is None and place.country not in countries:
        # the text names no country and its places taught it these: their namesake, not a city abroad ("Luanda")
        place = next((p for p in places if p.country in countries), place)
    if areas and place.kind == "town" and (place.country, place.admin1) not in areas:
        # namesake villages ("Serhiivka" in eight oblasts): the one in the region the report is about;
        # a village elsewhere in that country is taken for one the gazetteer lacks in that region
        place = next((p for p in places if p.kind == "town" and p.country == place.country
                      and (p.country, p.admin1) in areas), place)
        regions = [a for c, a in sorted(areas) if c == place.country]
        if (place.country, place.admin1) not in areas and regions and (
                place.population < AREA_VILLAGE_POPULATION or fold(place.name) not in known):
            box = gaz.admin1(regions[0], country=place.country)[0] if len(regions) == 1 else \
                gaz.country(place.country)
            place = Place(name=name, country=place.country, admin1=box.name if box.kind == "admin1" else None,
                          lat=box.lat, lon=box.lon, geonameid=None, kind="site")
            within, area = box, " or ".join(regions)
    if place.kind == "town" and within is None and fold(place.name) not in known and not derived \
            and (place.population < ABROAD_ALIAS_POPULATION or len(fold(looked)) <= 4) \
            and (countries and place.country not in countries or not countries and not _variant(looked, place.name)):
        return None  # only another name of a small town abroad ("Bala": Basel), or, when no country is known,
        # a name that is no spelling of the town's ("Eastleigh" for Orkney, South Africa; "Lokichogio" is one)
    if strict and place.kind == "town" and within is None and place.country not in countries \
            and place.population < AREA_VILLAGE_POPULATION:
        return None  # a village abroad in a story whose places all lie in one country: a word or a name, not it
    facility = nend < len(doc) and _has(doc[nend].lower_, "feature") or feature
    route = nend < len(doc) and doc[nend].lower_ in ROUTES and cstart > 0 and doc[cstart - 1].text == "-"
    if facility and not route and place.kind == "town" and countries and place.country not in countries \
            and within is None:  # (but "the Tripoli-Beirut highway" runs to Beirut)
        return None  # "clashed at Moi stadium" in a Kenyan story: a facility named after someone, not a town abroad
    if not is_ent:
        person = any(doc[i].ent_type_ in ("PERSON", "NORP") for i in range(cstart, cend))
        # a region's name the NER took for a person or organisation or passed over, where the text names no country
        # (``strict``: its places taught it one): one named with its admin word, a target ("gunmen
        # on Garissa") or the last name of a bracketed chain ("(Kotulo ward, Wajir)") is that region
        region = (not countries or strict) and within is None and (
            role == "target" or nend > cend  # (named with its admin word: "the Narok County Government")
            or cstart > 0 and doc[cstart - 1].text == "," and cend < len(doc) and doc[cend].text == ")") \
            and _region_named(name)
        if person and role not in (*PLACING, "attributive") and within is None and not region:
            return None  # the NER's PERSON or NORP may be a village where the syntax says place ("the Kitui mayor")
        if role == "other" and within is None and not region \
                and not (root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN")):
            return None  # but "Kisumu Girls' School", "Mombasa port" are places; so is "(Mukayras, Al Bayda)"
        thing = root.head
        while thing.dep_ == "compound" and thing.head is not thing:
            thing = thing.head  # "Tulkarm refugee camp": the camp
        if root.dep_ == "compound" and root.head.pos_ == thing.pos_ == "NOUN" and role not in (*PLACING, "attributive") \
                and within is None and not _roles(thing.lower_) and not _inhabitants(thing):
            return None  # "hurled Molotov cocktails": a word naming a thing, not a place (Perm's old name)
        if place.kind == "country":
            return None
        if countries and place.country not in countries and not (
                root.dep_ == "compound" and _inhabitants(root.head)) and not (
                role == "attributive" and (place.kind == "admin1" or place.population >= LEARNED_TOWN_POPULATION)):
            return None  # a word the NER did not call a place, abroad: "Tanga Tanga group" (but "Kibwezi residents",
            # and "Mombasa police" in a story of French tourists)
        if not countries and role not in PLACING and place.population < 10_000 and not region \
                and not (role == "attributive" and place.kind == "admin1"):
            return None  # (but "the Kitui mayor" names a region)
        named = {doc[i].ent_type_ for i in range(cstart, cend)} - {""} - set(PLACE_LABELS)
        inside = any(doc[i].ent_type_ in named and doc[i].ent_iob_ == "I" for i in (cstart, cend) if i < len(doc))
        given = inside and cend < len(doc) and doc[cend].ent_type_ == "PERSON" and doc[cend].ent_iob_ == "I"
        if not countries and named and place.kind == "town" and (place.population < AREA_VILLAGE_POPULATION or given) \
                and not quarter and not (_after_locative(doc, cstart) and not inside) and not any(
                    _has(t.lower_, "feature") for t in doc[cend:cend + 3] if t.ent_type_ in named):
            return None  # a word of an organisation's or person's name, with no country to place it:
            # "the Jubilee primaries", "their Bishop", "at a Red Cross ambulance" (but "in Kware, ...", a name the
            # NER took whole, and "Maseno University": a facility named after its village); a person's given
            # name is none, however large its namesake ("the beheading of Virginia Nyaiko")
    if place.kind == "country" and role not in STRONG:
        return None  # a country as subject or possessor is an actor, not a place
    if place.kind == "country" and root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN" \
            and not _roles(root.head.lower_):
        return None  # "the US dollar exchange rate", "Turkish lira": a country modifying a thing
    if role == "other" and within is None and _chain_dep(root) in ("nsubj", "poss"):
        return None  # "Moscow said", "Baku's forces": a capital standing for a government
    dstart = _directions(doc, nstart)
    directions = doc[dstart:nstart].text.strip(" ,")
    reason = f"'{name}' {role} ({head.text}); gazetteer {place.kind}"
    if place.kind == "country":
        precision = 4
        if directions:
            place = Place(name=f"{directions} {place.name}", country=place.country, admin1=None,
                          lat=place.lat, lon=place.lon, geonameid=None, kind="region")
            precision = 3
            reason += f", '{directions}' makes it a region"
    elif place.kind == "admin1":
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
    if quarter:
        kind = landmark_kinds().get(fold(name))
        if kind in OUTLYING_LANDMARKS:
            precision = max(precision, 2)  # a forest, ranch or base near its town
        reason += f", a {kind or 'quarter'} of {place.name} ({'landmarks' if kind else 'town_quarters'}.tsv)"
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
    return Mention(start=min(dstart, nstart), end=nend, anchor=root.i, head=head.i, place=place, alias=alias,
                   precision=precision, role=role, reason=reason, entity=is_ent)


def mentions(doc, countries: list[str], areas: frozenset = frozenset(), strict: bool = False) -> list[Mention]:
    """The place mentions of ``doc``; ``strict`` when the countries were learned from its places
    (the text names none): a village abroad is then a misreading ("Ward Administrators office")."""
    resolve = partial(_resolve, areas=areas, strict=strict)
    cands = sorted(_candidates(doc))
    found = [resolve(doc, s, e, ent, countries) for s, e, ent in cands]
    # "Valparaiso, Zacatecas", "Hays city (Al Hudaydah)": a place followed by its admin1 or country
    gaz = gazetteer()
    contained: set[int] = set()  # candidates that name where the one before them is
    for n in range(len(cands)):
        if n in contained:
            continue
        last = cands[n][1]
        for k in range(n + 1, min(n + 4, len(cands))):
            gap = _gap(doc, last, cands[k][0])
            if any(t.text in (".", "!", "?", ";") for t in doc[last:cands[k][0]]):
                break   # "the collapse of the Soviet Union. Armenia's council ...": no container across sentences
                # (but the parser's sentence breaks inside "Salim [Naqil Hajar] village (Qaatabah, Ad Dali)" are none)
            if len(gap) > 3 or any(t.is_alpha and t.text.lower() != "in" and not _has(t.text, "area")
                                   and not _has(t.text, "admin") for t in gap):
                break
            last = cands[k][1]
            text = doc[cands[k][0]:cands[k][1]].text
            containers = [] if _roles(text) else gaz.lookup(text, countries=countries, kinds=("admin1", "country"))
            # ("Yangon (East) district": 'East' is a direction, not Cameroon's East region)
            if not containers and found[n] is None and k == n + 1 and not _listed(doc, cands[k][1]):
                # "near Nargiztapa, Tartar": a place the gazetteer lacks, then a town, not a list of towns
                words = text.split()  # "(Tartar Region)" when the gazetteer has no such admin1: the town
                town = " ".join(words[:-1]) if len(words) > 1 and _has(words[-1].lower(), "admin") else text
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
                    and not any(t.is_alpha and not _has(t.text, "admin") for t in doc[cands[k][1]:cands[k + 1][0]]):
                # "San Joaquin, Valencia, Carabobo state": the widest name that follows decides
                # the country; a middle name of another country's region is a town of the chain
                after = doc[cands[k + 1][0]:cands[k + 1][1]].text
                wider = [] if _roles(after) else gaz.lookup(after, countries=countries, kinds=("admin1", "country"))
                # ("Mukothima in Tharaka South": 'South' is a direction, not Cameroon's South region)
                if wider and not {b.country for b in containers} & {w.country for w in wider}:
                    found[k] = None
                    continue
            if not containers:
                continue
            box, m, outer = _box(containers, doc[cands[n][0]:cands[n][1]].text), found[n], None
            hyphen = [t.text for t in gap] == ["-"] or not gap and doc[cands[n][1] - 1].text == "-"  # (NER's "Garissa-")
            if (hyphen or _listed(doc, cands[k][1])) and m is not None \
                    and m.place.kind == "town" and not _box_holds(box, doc[cands[n][0]:cands[n][1]].text):
                break  # a route or a list, not a town and its region: "the Mandera-Nairobi route", "Nakuru, Nyeri and
                # Eldoret towns" (but "between Sousa and Uirauna, Paraiba": Paraiba holds a Sousa)
            if m is None or m.place.kind in ("town", "site") and (m.place.country != box.country or
                                                       box.kind == "admin1" and m.place.admin1 != box.name) \
                    or m.place.kind == "admin1" and box.kind == "admin1" and m.place.country != box.country:
                # (a region abroad followed by a region is a place the gazetteer lacks: "Gambela, Wajir")
                refined = resolve(doc, *cands[n], [box.country] + countries, within=box)
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
        if found[n] is not None or not _settlement_named(doc, start):
            continue
        # "shelled the village of X in the countryside of Town in Region": the places
        # that follow in the sentence say where the village is; the last (widest) is its container
        sent_end = doc[start].sent.end
        chain = [k for k in range(n + 1, len(cands)) if found[k] is not None
                 and cands[k][0] < sent_end and cands[k][0] - end <= 12]
        chain = chain[:next((i for i, k in enumerate(chain) if found[k].place.kind not in ("town", "admin1")),
                            len(chain))]
        if not chain:
            continue
        refined = resolve(doc, start, end, False, countries, within=found[chain[-1]].place)
        if refined is not None:
            found[n] = dataclasses.replace(refined, entity=True)
            for k in chain:
                found[k] = None
    for n, (start, end, _) in enumerate(cands):
        # "in Teresina, Piaui, a man was shot in Sao Joaquim neighborhood": a part of a town, which says where
        if found[n] is None or found[n].place.kind not in ("town", "site") or not (
                end < len(doc) and _has(doc[end].lower_, "quarter") or _has(doc[start].lower_, "quarter")):
            continue  # ("Colonia Libertad", "Barrio Obrero": the word may lead the name)
        sent = doc[start].sent
        if any(m is not None and k != n and m.place.kind == "town" and sent.start <= m.start < sent.end
               for k, m in enumerate(found)):
            found[n] = None
    return [m for m in found if m is not None]


def _gap(doc, start: int, end: int) -> list:
    """The tokens between a place and a container that may follow it, leaving out another name in
    brackets and a settlement word ("Salim [Naqil Hajar] village (Qaatabah, Ad Dali)")."""
    out, depth = [], 0
    for t in doc[start:end]:
        if t.text == "[":
            depth += 1
        elif t.text == "]":
            depth = max(0, depth - 1)
        elif not depth and t.lower_ not in SETTLEMENT_WORDS and not _facility_word(t):
            out.append(t)
    return out


def _facility_word(tok) -> bool:
    """A feature noun ending a named facility, or a modifier of one ("Al Alam military camp (Marib)"):
    the region after it says where the facility is."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return _has(tok.lower_, "feature") or tok.pos_ == "ADJ" and tok.dep_ == "amod" and nxt is not None \
        and (_has(nxt.lower_, "feature") or _has(nxt.lower_, "area"))  # (not "bandits from X attack village in Y")


def _wider(doc, cands, k: int, countries: list[str]):
    """The region or country named right after candidate k ("Mambasa, Nord-Kivu"), if any."""
    if k + 1 >= len(cands) or doc[cands[k][1]:cands[k + 1][0]].text.strip() != ",":
        return None
    found = gazetteer().lookup(doc[cands[k + 1][0]:cands[k + 1][1]].text, countries=countries,
                               kinds=("admin1", "country"))
    return found[0] if found else None


def _box(containers: list, name: str):
    """The container a place is in: of the regions or countries the container's name may be
    ("Punjab" in India and in Pakistan, "Central" in Ghana and in Botswana), the first that
    holds a gazetteer place of that name ("Faisalabad, Punjab" -> Pakistan), else the first."""
    known = gazetteer().lookup(name)
    return next((box for box in containers if _holds(box, known)), containers[0])


def _box_holds(box: Place, name: str) -> bool:
    """Whether region or country ``box`` holds a gazetteer place called ``name``."""
    return _holds(box, gazetteer().lookup(name))


def _holds(box: Place, places: list[Place]) -> bool:
    return any(p.country == box.country and (box.kind != "admin1" or p.admin1 == box.name) for p in places)


def _town_in_town(m: Optional[Mention], box: Optional[Mention]) -> bool:
    """Whether gazetteer town ``m`` may lie in the area of town ``box`` named after it."""
    if m is None or box is None or m.place.kind != "town" or box.place.kind != "town":
        return False
    p, q = m.place, box.place
    return p.country == q.country and p.geonameid != q.geonameid and None not in (p.lat, p.lon, q.lat, q.lon) \
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
    gaz = gazetteer()
    return bool(gaz.lookup(name, kinds=("town",))) and not gaz.lookup(name, kinds=("admin1", "country"))


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


def _pick(ms: list[Mention], trigger, doc, physical: bool) -> Optional[Mention]:
    usable = [m for m in ms if _usable(m, trigger, physical)]
    if not usable:
        return None
    def key(m: Mention):
        return (m.role not in STRONG and m.head != trigger.i, not m.entity, _tree_distance(trigger, doc[m.anchor]),
                m.precision, m.start)

    best = min(usable, key=key)
    if best.place.kind == "country":  # a place of that country the sentence also names says where in it
        finer = [m for m in usable if m.place.country == best.place.country and m.place.kind != "country"
                 and (m.role in PLACING or m.role == "target")]  # ("crossed into Kenya ... near Mandera")
        best = min(finer, key=key) if finer else best
    return best


@lru_cache(maxsize=1)
def town_quarters() -> dict[str, list[Place]]:
    """data/town_quarters.tsv and data/landmarks.tsv as folded name -> the towns it is a part of
    ("Eastleigh", "Moi University": their towns)."""
    gaz, out = gazetteer(), {}
    rows = [*load_table("town_quarters.tsv", required=["country", "quarter", "town"]),
            *({**r, "quarter": r["name"]} for r in _landmarks())]
    for r in rows:
        towns = [p for p in gaz.lookup(r["town"], countries=[r["country"]])
                 if p.kind == "town" and p.country == r["country"]]
        if towns:
            out.setdefault(fold(r["quarter"]), []).append(towns[0])
    return out


@lru_cache(maxsize=1)
def _landmarks() -> tuple[dict, ...]:
    """The rows of data/landmarks.tsv, read once per process."""
    return tuple(load_table("landmarks.tsv", required=["country", "name", "town", "kind"]))


@lru_cache(maxsize=1)
def landmark_kinds() -> dict[str, str]:
    """data/landmarks.tsv as folded name -> kind (university, airport, park, camp, ...)."""
    return {fold(r["name"]): r["kind"] for r in _landmarks()}


def _quarter_of(name: str, countries: list[str]) -> list[Place]:
    """The city a named quarter is a part of, in the document's countries (or any when it names
    none, or when no place of the document's countries bears the name itself: "Eastleigh" in a
    story that names only the suspects' countries)."""
    towns = town_quarters().get(fold(name), [])
    here = [t for t in towns if not countries or t.country in countries]
    if here or not towns:
        return here
    own = any(p.country in countries and fold(p.name) == fold(name) for p in gazetteer().lookup(name, countries=countries))
    return [] if own else towns


@lru_cache(maxsize=1)
def area_cues() -> list[tuple[re.Pattern, str, tuple, Optional[int], Optional[int]]]:
    """data/area_cues.tsv as (pattern, country, {(country, gazetteer admin1 name)}, from, to)."""
    gaz, out = gazetteer(), []
    for r in load_table("area_cues.tsv", required=["cue", "country", "admin1", "from", "to"]):
        regions = tuple((r["country"], p.name) for n in r["admin1"].split("|")
                        for p in gaz.admin1(n, country=r["country"])[:1])
        out.append((re.compile(r"(?<!\w)" + re.escape(r["cue"]) + r"(?!\w)"), r["country"], regions,
                    int(r["from"]) if r["from"] else None, int(r["to"]) if r["to"] else None))
    return out


def document_areas(text: str, published: Optional[str]) -> list[tuple[str, str]]:
    """(country, admin1) regions that the text's cues point to ("OSCE SMM" in 2020: Donetsk
    and Luhansk), in the file's order, for cues valid in the publication year (all cues
    when it is unknown)."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    found = (a for pattern, _, regions, start, end in area_cues()
             if (year is None or (start is None or start <= year) and (end is None or year <= end))
             and pattern.search(text) for a in regions)
    return list(dict.fromkeys(found))


def _location(m: Mention, doc, reason: str) -> Location:
    span = doc[m.start:m.end]
    p = m.place
    admin1 = p.name if p.kind == "admin1" else p.admin1
    admin1 = admin1_english().get((p.country or "", admin1 or ""), admin1)
    return Location(name=p.name, country=p.country, admin1=admin1, lat=p.lat, lon=p.lon,
                    geonameid=p.geonameid, precision=m.precision, text=span.text,
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
    if m is not None:
        return _location(m, doc, "in the event's sentence")
    targets = [m for m in here if m.role == "target" and m.place.kind == "country" and physical]
    if len({m.place.country for m in targets}) == 1:
        return _location(targets[0], doc, "the country targeted in the event's sentence")
    own = sentence_countries(sent) or set(countries[:1])
    if not own:  # a document that names no country: any place near the event will do
        own = {m.place.country for m in ms}
    sents = list(doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    order = sorted(range(len(sents)), key=lambda i: (abs(i - index), i > index))
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
                where = "an earlier" if i < index else "a later"
                return _location(best, doc, f"from {where} sentence, {why}")
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
    gaz = gazetteer()
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


def run(state):
    doc = state.doc
    if not state.result.events:
        return state
    countries = document_countries(doc)
    areas = document_areas(doc.text, state.result.document.published)
    # a cue's country counts when the text names no country of its own ("OSCE SMM": Ukraine)
    countries = countries or list(dict.fromkeys(c for c, _ in areas))
    areas = frozenset(areas)
    ms = mentions(doc, countries, areas)
    groups = [] if countries else _actor_countries(state.result.actors)
    if groups:
        # else the countries of the named groups among the actors ("NPA militants": the Philippines), when
        # reading the places in them finds one there and loses none ("Al Shabaab" in Kenya's Ijara: acting abroad)
        theirs = mentions(doc, groups, areas)
        if len(theirs) >= len(ms) and any(m.place.country in groups for m in theirs):
            countries, ms = groups, theirs
    # a town abroad teaches its country when it is large or its region's namesake seat ("Mandera"), unless only
    # a short other name found it ("Bala": Basel)
    learned = [m.place.country for m in ms if m.place.country and m.place.country not in countries
               and (m.place.kind != "town" or m.place.population >= LEARNED_TOWN_POPULATION or m.contained
                    or not m.alias and fold(m.place.name) == fold(m.place.admin1 or ""))
               and not (m.alias and (m.place.population < ABROAD_ALIAS_POPULATION or m.end - m.start == 1
                                     and len(doc[m.anchor].text) <= 4))]
    if learned:
        strict = not countries  # the text named no country: its places did
        countries = countries + _learned_order(doc, ms, learned)
        ms = mentions(doc, countries, areas, strict=strict)
    state.scratch["place_mentions"] = ms
    for ev in state.result.events:
        tok = _trigger_token(doc, ev.trigger)
        if tok is None:
            continue
        loc = locate(doc, tok, ms, countries, physical=_physical(ev))
        if loc is not None:
            ev.location = loc
    return state
