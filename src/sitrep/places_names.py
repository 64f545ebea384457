"""Places, step 2: finding place names: candidate spans (entities, proper nouns after a locative
preposition, names continued by particles or hyphens), the name inside a phrase ("the town of X",
"X County") and the places an unknown name is named after ("Lamu East", "Lake Naivasha")."""
from __future__ import annotations

from functools import lru_cache

from .dates_phrases import MONTH_NAMES, WEEKDAYS
from .geo import Place, fold, gazetteer, titled
from .nlp import HOLIDAYS, common_word
from .places_syntax import (
    PLACE_LABELS, SETTLEMENT_WORDS, country_named, has_term, names_inhabitants, possessive_country, possessive_stem,
    term_roles,
)
from .places_tables import admin2_units, town_quarters


NAME_PARTICLES = ("al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "de", "del", "da", "do", "dos", "la", "los", "las")
CALENDAR_WORDS = frozenset(MONTH_NAMES | set(WEEKDAYS) | HOLIDAYS)
ENGLISH_PARTICLES = ("as", "an", "at", "do")  # also English words: particles only where the parser reads no English
NAMED = ("ORG", "PERSON", "GPE", "LOC", "FAC")
NOT_PLACES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def name_candidates(doc):
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
            if len(ent) > 1 and possessive_country(ent[0]):
                start += 1  # "Kenyas Tana River County": a country's possessive without its apostrophe, then the place
            if start > 0 and titled(doc[start - 1].text) and not doc[start - 1].ent_type_ \
                    and not term_roles(doc[start - 1].text) and known_name(unit_stem(doc[start - 1:ent.end].text)):
                start -= 1  # "Rural Damascus", "Imenti South", "Homa Bay county", where the NER took only
                # "Damascus", "South", "Bay county"
                taken.add(start)
            cuts = [t.i for t in ent if t.text in (",", "(", ")") or t.text == "-" and _two_towns(doc, ent, t.i)]
            for k in cuts + [ent.end]:  # ("the Malaba-Eldoret" road: two towns; "Gabes (Gabes": a town, its region)
                if k > start:
                    end = _known_extension(doc, start, k) if k == ent.end else k
                    end = _trailing_words_cut(doc, start, end)
                    spans.append((start, end, True))
                    taken.update(range(k, end))
                start = k + 1
            taken.update(range(ent.start, ent.end))
    blocked = taken | {i for e in doc.ents if e.label_ in NOT_PLACES and not _no_date(e)
                       or e.label_ == "NORP" and country_named(e.text) for i in range(e.start, e.end)}
    gaz = gazetteer()
    i = 0
    while i < len(doc):
        if i not in blocked and _abbreviated_region(doc, i):
            spans.append((i, i + 1, False))  # "(Sangareddy, TS)": a region by its abbreviation, closing a chain
            i += 1
            continue
        if i in blocked or not _name_word(doc[i]) or not (titled(doc[i].text) or _capitals_lead(doc, i)) \
                or doc[i].is_sent_start \
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
                and known_name(doc[i - 1:j].text):
            i -= 1  # "(An Nuqat Al Khams)": the name starts with an article the tagger took for a determiner
        # a known prefix of the run ("Kisumu" in "Kisumu Girls School"), never a later part
        # ("University" in "Moi University"), nor the tail of a hyphenated name ("Mayo-Sava")
        joined = i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
        whole = _before_container(doc, j) and not gaz.known(doc[i:j].text)
        for n in range(min(4, j - i), 0, -1):
            if n < j - i and whole or doc[i + n - 1].text == "-" or n < j - i and _hyphen_title(doc, i + n):
                continue  # "Bila Kamianka, Donetsk": a village the gazetteer lacks, not the town of Bila; "Vice" of
                # "Vice-Chancellor" (but "Mayo" of "Mayo-Sava": two names)
            if not joined and len(doc[i:i + n].text) > 2 and not term_roles(doc[i:i + n].text) \
                    and known_name(doc[i:i + n].text, primary=n < j - i):  # ("City" of "City of Cape Town")
                spans.append((i, i + n, False))
                break
        else:
            end = j + 1 if j < len(doc) and doc[j].lower_ in SETTLEMENT_WORDS else j  # "Perumpadappu village"
            if not joined and (settlement_named(doc, i) or rural_named(doc, end) or _before_container(doc, end)
                               and (doc[end].lower_ != "in" or after_locative(doc, i))):
                spans.append((i, end, False))  # "near Khutir Vilny, Luhansk": a village the gazetteer lacks
        i = j
    return spans + _listed_phrases(doc, {i for s, e, _ in spans for i in range(s, e)})


def _abbreviated_region(doc, i: int) -> bool:
    """Whether token i is a region's abbreviation (admin1_aliases.tsv: "TS", "KP") closing a bracketed chain
    ("(Sangareddy, TS)") or alone in brackets after a name or a unit word ("Deoband (UP)", "Jalaun district
    (UP)"): the only places where a word in capitals is taken for a region (and only as the container of the
    place before it)."""
    t = doc[i]
    after = i > 1 and doc[i - 1].text == "(" and (titled(doc[i - 2].text) or has_term(doc[i - 2].lower_, "admin")) \
        and not _initials_of(t.text, doc[max(0, i - 1 - len(t)):i - 1])  # ("Administration Police (AP)")
    return len(t) >= 2 and t.text.isupper() and t.is_alpha and 0 < i < len(doc) - 1 \
        and (doc[i - 1].text == "," or after) and doc[i + 1].text == ")" \
        and bool(gazetteer().lookup(t.text, kinds=("admin1",)))


def _initials_of(word: str, span) -> bool:
    """Whether ``word`` is the initials of the words of ``span`` (an acronym of the name before it)."""
    return "".join(t.text[0] for t in span if t.is_alpha).upper() == word


def _listed_phrases(doc, taken: set[int]) -> list[tuple[int, int, bool]]:
    """Spans naming a quarter or landmark of our own tables with a lower-case word inside, which the
    runs of proper nouns above miss ("the al Nour square", "the Dam and Farez area"); only tried where
    a listed name can start."""
    listed, starts, out, i = town_quarters(), _listed_starts(), [], 0
    while i < len(doc):
        first = fold(doc[i:i + 3].text).split()  # (fold drops a leading "the" and punctuation, as the lookup does)
        for n in range(min(5, len(doc) - i) if first and first[0] in starts else 0, 1, -1):
            span = doc[i:i + n]
            if not taken.intersection(range(i, i + n)) and any(t.is_lower for t in span) \
                    and any(titled(t.text) for t in span) and fold(span.text) in listed:
                out.append((i, i + n, False))
                i += n - 1
                break
        i += 1
    return out


@lru_cache(maxsize=1)
def _listed_starts() -> frozenset[str]:
    """The first words of the listed names."""
    return frozenset(name.split()[0] for name in town_quarters() if name)


def _no_date(ent) -> bool:
    """Whether the NER's DATE or TIME entity holds no date: proper nouns with no number and no calendar word
    ("blocked the main road in Taalabaya", a Lebanese town tagged DATE; not "Ramadan", "May", "Monday")."""
    return ent.label_ in ("DATE", "TIME") and all(
        t.pos_ == "PROPN" and titled(t.text) and not t.like_num and t.lower_ not in CALENDAR_WORDS for t in ent)


def _name_word(tok) -> bool:
    """A proper noun, a people's name the tagger made an adjective ("Angry Meru residents": the NER's
    NORP, which may also be a region), the tagger's noun inside the NER's name ("Mandera residents": an
    ORG), or a quarter or village our tables list, whatever the tagger made it ("Githurai residents")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ == "NORP" or tok.pos_ == "NOUN" and tok.ent_type_ in NAMED \
        and titled(tok.text) or titled(tok.text) and fold(tok.text) in town_quarters() \
        or tok.pos_ == "ADJ" and titled(tok.text) and not term_roles(tok.text) and region_named(tok.text) \
        or _unknown_word_before_people(tok)


def _unknown_word_before_people(tok) -> bool:
    """A capitalised word the tagger made a common noun, modifying a noun of inhabitants or people, that is no
    English word the lemmatizer lists ("Eldoret residents", "Migori drivers" opening a note: a name; but
    "Police officers", "Tea farmers" are words)."""
    return tok.pos_ == "NOUN" and titled(tok.text) and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" \
        and (has_term(tok.head.lemma_.lower(), "inhabitant") or has_term(tok.head.lemma_.lower(), "people")) \
        and not common_word(tok)


def _hyphen_title(doc, k: int) -> bool:
    """Whether the token at k is an unspaced hyphen before an office ("Vice-Chancellor", "Attorney-General"):
    the name before it is part of a title, not a place."""
    from .knowledge import knowledge

    return doc[k].text == "-" and not doc[k - 1].whitespace_ and k + 1 < len(doc) \
        and knowledge().title_for(doc[k + 1].lower_) is not None


def _capitals_lead(doc, i: int) -> bool:
    """Whether a word in capitals leads a known title-case name ("MAASAI Mara University"; not the party
    of "ODM Kisii Central ward")."""
    return len(doc[i]) > 1 and doc[i].text.isupper() and i + 1 < len(doc) and titled(doc[i + 1].text) \
        and any(known_name(doc[i:k].text) for k in range(i + 2, min(i + 5, len(doc)) + 1))


def _two_towns(doc, ent, i: int) -> bool:
    """Whether the hyphen at i joins two names the gazetteer knows ("the Malaba-Eldoret road"), not
    one name ("Ivano-Frankivsk") or a name and a generic word ("Tharaka-North county")."""
    gaz = gazetteer()
    left, right = doc[ent.start:i], doc[i + 1:ent.end]
    if gaz.known(ent.text) or not len(left) or not len(right):
        return False
    return all(not term_roles(part[0].text) and gaz.known(part.text) for part in (left, right))


def _particles_at(doc, j: int) -> int:
    """How many lower-case particles at j join a name ("Ras al Ain": 1, "Leon de los Aldama": 2), else 0;
    an English word the parser reads as such is none ("al Shabaab at Dadaab", "Kenya as a whole")."""
    k = 0
    while k < 2 and j + k < len(doc) and doc[j + k].lower_ in NAME_PARTICLES \
            and not (doc[j + k].lower_ in ENGLISH_PARTICLES and doc[j + k].pos_ in ("ADP", "DET", "SCONJ", "AUX")):
        k += 1
    return k if k and j + k < len(doc) and titled(doc[j + k].text) else 0


def _hyphen_joins(doc, j: int) -> bool:
    """A hyphen at j written without spaces between two parts of one name ("Mayo-Sava")."""
    return 0 < j < len(doc) - 1 and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
        and titled(doc[j + 1].text)


def _known_extension(doc, start: int, end: int) -> int:
    """The end of the longest known name (``known_name``) that the entity doc[start:end] begins, over
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
        if known_name(doc[start:j].text):
            best = j
    return best


PART_ROLES = {"feature", "admin", "area", "direction", "quarter", "vicinity"}  # geo_terms roles of a named part


def _trailing_words_cut(doc, start: int, end: int) -> int:
    """The end of a place entity less the common words the NER ran on with: "Kisumu beach", "Homa Bay Governor",
    "Nairobis CBD" are the town, then a word about it. Cut only where the whole is no known name, a known name
    (or a possessive without its apostrophe) begins it, and every word after that is in lower case, a number or
    mark, a short abbreviation ("CBD") or a noun of people ("Governor"); never where a word after it makes a part named
    after the place (``PART_ROLES``: "Donetsk Airport", "Tana North District"), kept whole for ``named_after``."""
    if end - start < 2 or known_name(doc[start:end].text):
        return end
    for j in range(end - 1, start, -1):
        tail = doc[j:end]
        if any(set(term_roles(t.lower_)) & PART_ROLES for t in tail):
            continue  # "Tana North District", "Dagahley Camp", "Donetsk Airport": parts named after the place,
            # which ``named_after`` and the chains read whole
        if not all(t.is_lower or t.is_punct or t.like_num or t.is_upper and len(t) <= 4
                   or has_term(t.lemma_.lower(), "people") or has_term(t.lemma_.lower(), "inhabitant") for t in tail):
            continue
        head = doc[start:j]
        stem = possessive_stem(head[0]) if len(head) == 1 else None
        named = len(head) > 1 and has_term(head[-1].lower_, "admin") and known_name(head[:-1].text)
        if known_name(head.text) or stem and known_name(stem) or named:  # ("Molo district - 30 houses")
            return j
    return end


def settlement_named(doc, i: int) -> bool:
    """Whether the name at token ``i`` follows "the village of", "the town of": the text
    itself says it is a settlement."""
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in SETTLEMENT_WORDS + ("villages", "towns")


def rural_named(doc, end: int) -> bool:
    """Whether the name ending at token ``end`` is followed, in its sentence, by "in rural X", "in the (western)
    countryside of X" or "in X countryside": the text itself says it is a village of that rural area."""
    if end >= len(doc) or doc[end].lower_ != "in":
        return False
    after = [t.lower_ for t in doc[end + 1:min(end + 7, doc[end].sent.end)]]
    return bool(after) and (after[0] == "rural" or "countryside" in after)


def settled_in(doc, end: int) -> bool:
    """Whether the name ending at token ``end`` is called a village or town and then placed "in" a wider place
    ("Salima village in Laisamis sub county"): the places that follow in its sentence say where it is."""
    if end < len(doc) and doc[end].lower_ in SETTLEMENT_WORDS:
        end += 1  # (the word after the name, or the name's own last word: "Perumpadappu village")
    return end < len(doc) and doc[end].lower_ == "in" and doc[end - 1].lower_ in SETTLEMENT_WORDS


def coder_noted(doc, i: int) -> bool:
    """Whether the name at token ``i`` is where a coder's note says the event was placed, a proxy for a place
    the gazetteer lacks ("(coordinates for Kapedo, Turkana, used)", "the location of Garsen has been used",
    "(location coded as Mau Narok)")."""
    before = [t.lower_ for t in doc[max(0, i - 2):i]]
    after = [t.lower_ for t in doc[i:i + 8]]
    return before in (["coordinates", "for"], ["coordinates", "of"], ["coded", "as"], ["coded", "at"]) \
        or before == ["location", "of"] and "used" in after and ("been" in after or "was" in after)


KIN_WORDS = ("people", "community", "youth", "tribe", "clan", "family", "farmer", "herder", "elder", "man", "woman")
# nouns after a people's name that make it the people ("Kikuyu youths"), unlike "Kikuyu residents"


def ethnic_name(name: str) -> bool:
    """Whether ``name`` is an ethnic group's own name in actors_ethnic.tsv ("Kikuyu", "Turkana")."""
    from .knowledge import knowledge

    hit = knowledge().ethnic_for(name)
    return hit is not None and fold(hit[0]) == fold(name)


def names_a_people(doc, start: int, end: int) -> bool:
    """Whether the name doc[start:end], an ethnic group's own name (actors_ethnic.tsv) that a place shares, stands
    for the people: "clashes between Kikuyu and Maasai", "Kikuyu youths", "dozens of Kisii people", not "in Kikuyu",
    "Kikuyu town", "the Kikuyu-Dagoretti road"."""
    if not ethnic_name(doc[start:end].text):
        return False
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and (has_term(nxt.lower_, "admin") or nxt.lower_ in SETTLEMENT_WORDS or nxt.text == "-"
                            or has_term(nxt.lower_, "feature")):
        return False
    people = nxt is not None and (has_term(nxt.lemma_.lower(), "people") or nxt.lemma_.lower() in KIN_WORDS)
    lived = start > 1 and doc[start - 1].lower_ == "of" and names_inhabitants(doc[start - 2])
    sides = start > 0 and doc[start - 1].lower_ == "between"  # ("clashes between Kikuyu and Maasai": the sides)
    return people or not (after_locative(doc, start) and not sides or lived)  # ("residents of Kisii" live there)


def after_locative(doc, i: int) -> bool:
    """Whether the name at token ``i`` follows "in", "near", "the area of" (not a verb:
    "arrested Kamau in Nairobi" names a person)."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    return has_term(prev, "locative") or has_term(prev, "vicinity") or prev == "of" and i > 1 \
        and has_term(doc[i - 2].lower_, "area")


def _before_container(doc, j: int) -> bool:
    """Whether token ``j`` starts ", Name", "(Name" or "in Name": where a place's region,
    town or country may follow (mentions() checks that it is one)."""
    return j + 1 < len(doc) and doc[j].lower_ in (",", "(", "in") and doc[j + 1].pos_ == "PROPN" \
        and doc[j + 1].text[:1].isalpha()


def name_and_kinds(doc, start: int, end: int) -> tuple[int, int, str]:
    """Strip a leading 'the' and direction words; take a following admin word
    ('Tavush Province', 'the Tavush region')."""
    gaz = gazetteer()

    def unit(i: int) -> bool:  # "East Pokot (District)": a second-level unit of admin2.tsv
        last = end - 1 if end - i > 2 and has_term(doc[end - 1].text.lower(), "admin") else end
        return fold(doc[i:last].text) in admin2_units()

    while start < end - 1 and (doc[start].text.lower() == "the" or has_term(doc[start].text.lower(), "direction")
                               and not region_named(doc[start:end].text) and not unit(start)
                               and (not gaz.known(doc[start:end].text) or region_named(doc[start + 1:end].text))):
        start += 1  # "North Horr" is a town, "West Darfur State" a region; "South Lebanon" is a part of Lebanon,
        # not the village in Ohio
    if end - start > 1 and doc[start].text in NAME_PARTICLES and not known_name(doc[start:end].text) \
            and known_name(doc[start + 1:end].text):
        start += 1  # "in el Aabde": a lower-case article the NER took into a name our tables hold without it
    if start > 0 and doc[start].text == "-" and start < end - 1 and has_term(doc[start - 1].text.lower(), "direction"):
        start += 1  # "North-eastern": the rest of a direction word, not a name ("eastern" is no Eastern region)
    if end < len(doc) and has_term(doc[end].text.lower(), "admin") and doc[end].text.lower() not in ("state",):
        end += 1
    if end - start > 1 and doc[end - 1].text.lower() in SETTLEMENT_WORDS and not gaz.known(doc[start:end].text):
        end -= 1  # "Haifa city", "Kisii Town", but "Cape Town", "Kuwait City" are names
    return start, end, doc[start:end].text


def unit_stem(name: str) -> str:
    """``name`` without the unit word it ends in: "Rajouri district" -> "Rajouri", "Msambweni Sub County" and
    "Kuria West sub-county" -> "Msambweni", "Kuria West" (a sub-county is named as its stem); a name that is
    the unit word alone is kept."""
    words = name.split()
    last = words[-1].lower().removeprefix("sub-")
    if len(words) < 2 or not has_term(last, "admin"):
        return name
    words = words[:-1]
    if len(words) > 1 and words[-1].lower() in ("sub", "sub-"):
        words = words[:-1]
    return " ".join(words)


def region_named(name: str) -> bool:
    """Whether ``name`` is a country's or a first-level region's name ("Lebanon", "North Kivu")."""
    return bool(gazetteer().lookup(name, kinds=("country", "admin1")))



def known_name(text: str, *, primary: bool = False) -> bool:
    """Whether the gazetteer, the admin2 table or the town quarters know ``text`` as a place name."""
    return gazetteer().known(text, primary=primary) or fold(text) in admin2_units() or fold(text) in town_quarters()


def named_after(words: list[str], countries: list[str], is_ent: bool) -> tuple[list[Place], str]:
    """The places a name the gazetteer lacks is named after, and how: "town" the place itself
    ("Witu Lamu County": a town, then its county, in one entity), "part" a part of it or a
    feature near it ("Lamu East", "Laikipia North district", "Lake Naivasha", "Donetsk
    Airport": precision 2 at a town), "district" a district named after its town
    ("Anantnag district")."""
    gaz = gazetteer()
    admin = len(words) > 1 and has_term(words[-1].lower(), "admin")

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
    tries = [(len(bare) > 1 and has_term(bare[-1].lower(), "direction"), bare[:-1], ("town", "admin1"), "part"),
             (len(words) > 1 and words[0].lower() in ("lake", "mount", "mt"), words[1:], ("town",), "part"),
             (len(words) > 1 and has_term(words[-1].lower(), "feature") and is_ent, words[:-1], ("town", "admin1"), "part"),
             (admin, words[:-1], ("town", "admin1", "region"), "district")]
    for applies, parts, kinds, how in tries:
        found = look(parts, kinds) if applies else []
        if found:
            return found, how
    return [], ""
