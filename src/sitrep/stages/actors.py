"""Stage: actors. Every mention of a state, person, organisation, IGO or armed group
resolves to one canonical Actor (SPEC §2), with its country, PLOVER sector, title and
ACLED name and inter code.

Passes, in order (each token belongs to at most one actor):
1. PERSON entities, with the title and nationality written before them ("Armenian Prime
   Minister Nikol Pashinyan", "U.S. Secretary of State Antony Blinken") or in apposition,
   completed from the date-bounded office holders (data/office_holders.tsv) at the
   publication date; a bare surname joins the full name met before.
2. Named IGOs and groups (data/igos.tsv, data/actors_groups.tsv) and other ORG entities.
3. Noun phrases headed by a title or institution word (data/titles.tsv): "Azerbaijani
   forces", "Armenia's Defense Ministry", "the Defense Ministry in Baku", "his country's
   soldiers", "its forces", "the premier" -> a country's sub-actor (MIL, GOV, COP...) or the
   person the title refers back to.
4. Remaining country names, demonyms and capitals ("Baku said") -> the state (GOV).
5. Personal pronouns ("he", "his", "its") -> the nearest fitting actor before them.

Writes ``result.actors`` and ``state.scratch["actors"]`` (the resolver). Later stages ask
``actor_of(state, token)`` and ``resolve_phrase(state, token)``.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ..events_lex import cues, frames, triggers
from ..geo import terms
from ..knowledge import ARMED_SECTORS, Knowledge, Title, currency_words, identity_cues, knowledge
from ..records import Actor, Span

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "into", "within"}
TITLE_SYNONYMS = {"premier": ("prime minister", "premier"), "pm": ("prime minister",)}
HOLD_VERBS = {"hold", "stage", "organize", "organise", "launch", "join", "begin", "start", "perform"}
GROUP_WORDS = {"group", "number", "hundreds", "dozens", "thousands", "scores", "crowd", "band", "bunch"}
BODY_NAMES = {"LEG": "Legislature of {country}", "JUD": "Judiciary of {country}", "SPY": "Intelligence Services of {country}"}
FORMER = {"former", "ousted", "exiled", "deposed", "ex", "late"}
PLACE_WORDS = {"city", "town", "village", "district", "county", "province", "state", "region", "governorate",
               "municipality", "area", "subdivision", "lga", "division", "neighborhood", "neighbourhood", "(", ")"}
GOV_TEMPLATE = "Government of {country} ({since}-)"
STATE_FORCES = ("MIL", "COP")   # sectors of a state's armed forces
AGENT_ENDS = ("ers", "ors", "ists", "ants", "ents", "eers")   # agent nouns: people ("advisers", "contractors")
CROWD_SECTORS = ("CVL", "EDU", "JRN", "MED", "REF", "OPP", "LAB", "BUS", "AGR")  # unarmed people who may form a crowd
SCRATCH = "actors"


class Resolver:
    """Per-document actor registry: canonical actors, token -> actor, mention order."""

    def __init__(self, state):
        self.state = state
        self.doc = state.doc
        self.kb: Knowledge = knowledge(state.settings.user_actors)
        self.day = state.result.document.published
        self.actors: dict[str, Actor] = {}
        self.token_actor: dict[int, str] = {}
        self.by_id: dict[str, Actor] = {}
        self._places: Optional[Counter] = None   # countries of the place names, computed once
        self.untied: dict[str, Title] = {}   # actor id -> title, for sector actors of no known country
        self.guessed: dict[str, Title] = {}  # actor id -> title, for sector actors given the document's main country
        self.stateless: dict[str, Optional[str]] = {}   # person id -> ACLED template, titled people of no country yet
        self.unknown_orgs: set[str] = set()   # ids of organisations NER found that no knowledge file holds
        self.backed: dict[str, str] = {}   # actor id -> country of its backer ("Iranian-backed militias")

    # --- registry ---------------------------------------------------------------------
    def get(self, key: str, **fields) -> Actor:
        actor = self.actors.get(key)
        if actor is None:
            actor = Actor(id=f"a{len(self.actors) + 1}", **fields)
            self.actors[key] = actor
            self.by_id[actor.id] = actor
            self.state.result.actors.append(actor)
        else:
            if actor.id not in self.by_id:   # dropped by a later stage as unused, now used again
                self.by_id[actor.id] = actor
                self.state.result.actors.append(actor)
            for k, v in fields.items():   # fill gaps, never overwrite
                if getattr(actor, k) in (None, []) and v not in (None, []):
                    setattr(actor, k, v)
        return actor

    def mark(self, actor: Actor, start: int, end: int) -> Actor:
        """Tokens start..end-1 refer to actor; record the mention span once."""
        if any(i in self.token_actor for i in range(start, end)):
            start = next((i for i in range(start, end) if i not in self.token_actor), end)
        if start >= end:
            return actor
        for i in range(start, end):
            self.token_actor[i] = actor.id
        span = self.doc[start:end]
        actor.mentions.append(Span(span.text, span.start_char, span.end_char))
        return actor

    def of(self, i: int) -> Optional[Actor]:
        aid = self.token_actor.get(i)
        return self.by_id.get(aid) if aid else None

    # --- canonical actors ---------------------------------------------------------------
    def state_actor(self, iso: str, reason: str) -> Actor:
        c = self.kb.countries[iso]
        return self.get(f"{iso}:GOV", name=c.name, kind="state", country=iso, sector="GOV",
                        acled_name=self.kb.acled_name(GOV_TEMPLATE, iso, self.day), acled_inter=1, reason=reason)

    def sub_actor(self, iso: Optional[str], title: Title, reason: str, *, guessed: bool = False) -> Optional[Actor]:
        """A country's sector actor for a collective title ("forces" -> ARM MIL). ``guessed``:
        the country is the document's main country, which the event's own place may replace."""
        if title.sector == "GOV" and title.kind == "state":
            return self.state_actor(iso, reason) if iso else None
        name = self._sector_name(iso, title)
        key = f"{iso}:{title.sector}:{name}"
        new = key not in self.actors
        actor = self.get(key, name=name or title.phrase, kind=title.kind if title.kind != "person" else "group",
                         country=iso, sector=title.sector, acled_name=self.kb.acled_name(title.acled, iso, self.day) if iso else None,
                         acled_inter=title.inter, reason=reason)
        if iso is None:
            self.untied[actor.id] = title
        elif guessed and new:   # not met before with a country the text gave it
            self.guessed[actor.id] = title
        return actor

    def _sector_name(self, iso: Optional[str], title: Title) -> str:
        template = title.acled or ""
        cname = self.kb.countries[iso].name if iso else None
        if cname and title.sector in BODY_NAMES:   # the ACLED name is the government's; the name says which body
            return BODY_NAMES[title.sector].format(country=cname)
        if cname:
            return template.replace(" ({since}-)", "").replace("{country}", cname)
        # country unknown: "Police Forces", "Civilians" (acled_name and country stay null)
        return template.replace(" ({country})", "").replace(" of {country}", "").replace(" ({since}-)", "")

    def localise(self, actor: Actor, iso: str, why: str, *, guess: bool = False) -> bool:
        """Give an actor of no known country the country ``iso`` (where it acts): a
        sector actor ("police", "residents") takes that country's name; a transnational
        armed group of the knowledge files ("Islamic State") and an organisation they do not
        hold keep their name. A sector actor whose country was only the document's main
        country takes the country of the place where it acts instead. ``guess``: ``iso`` is
        itself the document's main country (the actor stays open to its event's place).
        False if the actor is not one of these."""
        if iso not in self.kb.countries or actor.country == iso:
            return False
        if actor.country is not None:
            title = self.guessed.get(actor.id)
            if title is None or guess or not self.placed_in(iso) or not self.named_in(iso):
                return False
            del self.guessed[actor.id]
            actor.name = self._sector_name(iso, title) or actor.name
            actor.acled_name = self.kb.acled_name(title.acled, iso, self.day)
            actor.reason = f"{actor.reason}; country {iso} (not {actor.country}): {why}"
            actor.country = iso
            return True
        title = self.untied.get(actor.id)
        if guess and title is not None:
            self.guessed[actor.id] = title
        if title is not None and title.acled:
            actor.name = self._sector_name(iso, title) or actor.name
            actor.acled_name = self.kb.acled_name(title.acled, iso, self.day)
        elif actor.kind == "armed_group" and (actor.reason or "").startswith("actors_groups.tsv"):
            # a transnational group (no country in the file) is named by where it acts: "Islamic State (Iraq)"
            actor.acled_name = f"{actor.acled_name or actor.name} ({self.kb.countries[iso].name})"
        elif actor.id not in self.unknown_orgs:
            return False
        actor.country = iso
        actor.reason = f"{actor.reason}; country {iso}: {why}"
        return True

    def place_country(self) -> Optional[str]:
        """The country the document's place names point to, if any."""
        if self._places is None:
            self._places = _place_countries(self.doc, self.kb)
        return self._places.most_common(1)[0][0] if self._places else None

    def placed_in(self, iso: str, share: float = 0.5) -> bool:
        """The document's place names point to ``iso`` more than ``share`` as much as to the
        country they point to most (a town the place stage read abroad does not count), or
        to no country at all (the place stage's reading stands uncontested)."""
        self.place_country()
        top = max(self._places.values(), default=0.0)
        return top == 0 or self._places.get(iso, 0.0) > share * top

    def named_in(self, iso: str) -> bool:
        """No state, person, party or people the text names has a country other than ``iso``
        (the country of a named party outweighs a place the place stage read abroad)."""
        named = {a.country for key, a in self.actors.items() if a.mentions and a.id not in self.guessed
                 and (a.kind in ("state", "person") or a.sector == "PTY" or key.startswith("ethnic:"))}
        named.discard(None)
        return not named or iso in named

    def _eponyms(self) -> list[str]:
        """Countries of the office holders that organisations no file holds are named after
        ("Moi University", "Kenyatta National Hospital" -> KEN)."""
        out = []
        for a in self.actors.values():
            if a.id in self.unknown_orgs and a.country is None and len(a.name.split()) > 1:
                roles = (self.kb.role_for(w, self.day) for w in a.name.split() if w[:1].isupper())
                out += [role.country for role in roles if role is not None and role.country] * len(a.mentions)
        return out

    def doc_country(self) -> Optional[str]:
        """The country the document names most (for unnamed civilians, protesters...)."""
        counts = Counter(a.country for a in self.actors.values() if a.kind == "state" for _ in a.mentions)
        counts.pop(None, None)
        if not counts:   # office holders ("Kenyatta"), parties ("ODM"), ethnic groups ("Pokot")
            counts = Counter(a.country for key, a in self.actors.items()
                             if a.kind == "person" or a.sector == "PTY" or key.startswith("ethnic:") for _ in a.mentions)
            counts.update(self._eponyms())
            counts.pop(None, None)
        if not counts:
            place = self.place_country()
            counts = Counter([place] if place else [])
        if not counts:   # last, armed groups' home countries (they may fight abroad)
            counts = Counter(a.country for a in self.actors.values() if a.kind == "armed_group" for _ in a.mentions)
            counts.pop(None, None)
        if not counts:
            return None
        top = max(counts.values())   # a tie goes to the country the text names first
        return min((c for c, n in counts.items() if n == top), key=self._first_mention)

    def _first_mention(self, iso: str) -> int:
        starts = [m.start for a in self.actors.values() if a.country == iso for m in a.mentions]
        last = self.doc[-1] if len(self.doc) else None   # past the text's end (len(doc.text), not rebuilt)
        return min(starts, default=last.idx + len(last.text_with_ws) if last is not None else 0)


def _is_place(text: str) -> bool:
    from ..geo import lookup

    return bool(lookup(text))




def _big_place(text: str) -> Optional[str]:
    """Country of a name whose main reading is a region or a town of 100,000 or more, also
    with a compass word after it ("Embu East", a sub-county of Embu): a name NER took for a
    person that is more likely the place."""
    from ..geo import lookup

    words = text.split()
    if len(words) == 2 and "direction" in terms().get(words[1].lower(), {}):
        words = words[:1]
    if len(words) != 1:
        return None
    places = lookup(words[0])
    top = places[0] if places else None
    if top is None or not top.country or not (top.kind in ("admin1", "country") or (top.population or 0) >= 100_000):
        return None
    return top.country


def _place_countries(doc, kb: Knowledge) -> Counter:
    """Countries of the document's place names: a country that several names may lie in
    wins over the most populous reading of one name ("Valparaiso, Zacatecas" -> MEX).
    Names NER mislabels (a region taken for a PERSON) count when they sit in a place slot."""
    from ..geo import lookup

    names: list[tuple[str, float]] = []
    for ent in doc.ents:
        if _currency(ent) or kb.group_for(ent.text) or kb.igo_for(ent.text):
            continue   # a party, armed group or IGO the knowledge files hold is no place ("Jubilee")
        if ent.label_ == "ORG" and len(ent) > 1 and not _place_slot(ent.root):
            # "Kisumu Girls' School", "Kabul University": a big place in an institution's name
            names += [(t.text, -0.3) for t in ent if t.pos_ == "PROPN" and len(t.text) > 3]
            continue
        if ent.label_ in ("GPE", "LOC", "FAC") or (ent.label_ in ("PERSON", "NORP", "ORG") and _place_slot(ent.root)) \
                or (ent.label_ == "NORP" and ent.root.dep_ == "compound"):   # "a Mombasa neighbourhood"
            words = [t for t in ent if not t.is_punct]
            while words and words[-1].text.lower() in PLACE_WORDS:   # "Haifa city", "Kolofata subdivision"
                words.pop()
            names.append((" ".join(t.text for t in words), 1.0))
            names += [(t.text, 0.3) for t in words if t.pos_ == "PROPN" and len(t.text) > 3 and len(words) > 1]
    names += [(t.text, 0.7) for t in doc if t.ent_iob_ == "O" and t.pos_ == "PROPN" and _place_slot(t)]
    names += [(ent[0].text, 0.7) for ent in doc.ents if ent.label_ == "PERSON" and not _place_slot(ent.root)
              and _big_place(ent.text) and kb.role_for(ent.text, None) is None]   # "on Garissa", "Embu East"
    counts: Counter = Counter()
    for name, weight in names:
        places = lookup(name)[:8] if name else []
        if not places and name.endswith("s") and " " not in name:   # "Nairobis CBD": no apostrophe
            places = lookup(name[:-1])[:8]
        seen: set = set()
        for n, p in enumerate(places):
            if not p.country or p.country in seen:
                continue
            seen.add(p.country)
            big = p.kind in ("admin1", "country") or (p.population or 0) >= 100_000
            if weight < 0 and not (big and n == 0):
                continue   # a word of a name (weight -w): only its main reading as a big place counts
            counts[p.country] += abs(weight) * (1.0 if n == 0 else 0.6) * (1.0 if big else 0.5)
    return counts


def _country_name(kb: Knowledge, ent) -> Optional[str]:
    """The country an entity names, also as a one-word possessive written without its
    apostrophe ("at Kenyas border")."""
    text = ent.text
    return kb.country_for(text) or (kb.country_for(text[:-1]) if len(ent) == 1 and text.endswith("s") else None)


def _currency(span) -> bool:
    """A country name that only qualifies a currency ("the US dollar", "Kenyan shillings"),
    also in a chain of nouns the parse attached past the currency ("the US dollar exchange rate")."""
    words = currency_words()
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and not after.is_alpha and after.text in words:   # "US $50 million", "US$"
        return True
    return span.root.dep_ in ("compound", "amod", "nmod") and (
        span.root.head.lemma_.lower() in words or (after is not None and after.lemma_.lower() in words))


def _in_parens(span) -> bool:
    """Inside an open parenthesis of its sentence: "(Mudiyah, Abyan)"."""
    depth = 0
    for t in span.sent:
        if t.i >= span.start:
            break
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _place_slot(tok: Token) -> bool:
    """In a place position: "in/near X", "X, Y" after such a place, "(X, Y)"."""
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.text.lower() in LOCATIVE_PREPS | {"of", "from", "to"}:
            return True
        if tok.dep_ not in ("appos", "conj", "npadvmod", "compound") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# --- helpers on the parse -------------------------------------------------------------
def _lower(tokens) -> str:
    return " ".join(t.text.lower().replace("-", " ") for t in tokens if t.text.lower() not in ("'s", "’s"))


def _title_in(kb: Knowledge, tokens: list[Token], *, role: Optional[str] = None) -> Optional[tuple[Title, int]]:
    """Longest title phrase among tokens (contiguous), returned with its first token index."""
    best = None
    for i in range(len(tokens)):
        for j in range(len(tokens), i, -1):
            t = kb.title_for(_lower(tokens[i:j]))
            if t and (role is None or t.role == role) and (best is None or j - i > best[2]):
                best = (t, tokens[i].i, j - i)
                break
    return (best[0], best[1]) if best else None


def _ent_country(kb: Knowledge, tok: Token) -> Optional[str]:
    """Country named by a token (a country, demonym or capital entity, or a bare name)."""
    text = tok.text
    if tok.ent_type_ in ("GPE", "NORP", "LOC", "ORG") and tok.ent_iob_ != "O":   # the whole entity's text
        doc, start, end = tok.doc, tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        text = doc[start:end].text
    return kb.country_for(text) or kb.capital_for(text) or kb.country_for(tok.text)


def _written(tokens: list[Token], phrase: str) -> str:
    """A title as the text writes it ("Secretary of State"), else the lexicon's phrase."""
    n = len(phrase.split())
    for i in range(len(tokens) - n + 1):
        if _lower(tokens[i:i + n]) == phrase:
            return " ".join(t.text for t in tokens[i:i + n])
    return phrase


# --- pass 1: people ---------------------------------------------------------------------
def _person(r: Resolver, ent) -> None:
    doc, kb = r.doc, r.kb
    name = ent.text
    if ent[-1].text.lower() in ("'s", "’s"):
        name = doc[ent.start:ent.end - 1].text
    # title and nationality written before the name, within the same noun phrase
    left: list[Token] = []
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 8:
        t = doc[i]
        ok = (t.ent_type_ in ("GPE", "NORP") or t.text.lower() in ("of", "'s", "’s", "-") or
              (t.ent_type_ == "ORG" and kb.igo_for(t.text) is not None) or
              (t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ")) or kb.title_for(t.text.lower()) is not None
              or t.text.lower() in ("foreign", "defense", "defence", "interior", "deputy", "prime", "state", "junior",
                                    "senior", "acting", "chief", "assistant", "new", "interim", "incoming", "outgoing")
              or t.text.lower() in FORMER)
        if not ok or t.is_sent_start and t.text.lower() in ("of",):
            break
        left.insert(0, t)
        i -= 1
    found = _title_in(kb, left, role="person")
    text_title = found[0] if found else None
    country = None
    for t in left:
        c = _ent_country(kb, t) if t.ent_type_ in ("GPE", "NORP") else None
        if c:
            country = c
            break
    # apposition after: "Sergei Lavrov, Russia's foreign minister"
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            sub = list(child.subtree)
            hit = _title_in(kb, sub, role="person")
            if hit and text_title is None:
                text_title = hit[0]
            for t in sub:
                c = _ent_country(kb, t) if t.ent_type_ in ("GPE", "NORP") else None
                if c and country is None:
                    country = c
    role = kb.role_for(name, r.day)
    if role is None and name.endswith("s") and kb.role_for(name[:-1], r.day):   # "Kibakis win": no apostrophe
        name, role = name[:-1], kb.role_for(name[:-1], r.day)
    if role is None and text_title is None and (_place_slot(ent.root) or _in_parens(ent)) and _is_place(name):
        return   # a place NER took for a person: "in Adh Dhalah area (As Said, Shabwah)"
    if role is None and text_title is None and not left and _big_place(name):
        return   # "killed by gunmen on Garissa", "(neighbourhood), Embu East": a big place, no title
    existing = None
    if role is None and len(name.split()) == 1:
        existing = next((a for a in r.actors.values() if a.kind == "person" and a.name.split()[-1] == name), None)
    canonical = role.name if role else (existing.name if existing else name)
    if text_title and text_title.phrase == "counterpart":
        text_title = None
    title = (role.title if role and role.title and text_title.phrase in role.title.lower().replace("-", " ") else
             _written(left, text_title.phrase)) if text_title else (role.title if role else None)
    sector = "IGO" if role and role.sector == "IGO" else (text_title.sector if text_title else (role.sector if role else None))
    country = country or (role.country if role else None)
    reasons = []
    if any(t.text.lower() in FORMER for t in left) and (role is None or not role.holds_on(r.day)):
        sector, reasons = "ELI", ["a former office holder (PLOVER ELI)"]
    igo = next((kb.igo_for(e.text) for e in doc.ents if e.label_ == "ORG" and left[0].i <= e.start
                and e.end <= ent.start and kb.igo_for(e.text)), None) \
        if left and country is None and text_title is not None and role is None else None   # "Arab League Secretary-General X"
    if igo is not None:
        sector, reasons = "IGO", [f"an official of {igo.name} ('{doc[left[0].i:ent.start].text}')"]
    if country is None and text_title is not None and role is None and sector != "IGO":
        country = r.doc_country()
        if country:
            reasons.append(f"title without a nationality: the document's main country {country}")
    if left and (text_title or country):
        reasons.append(f"written with '{doc[left[0].i:ent.start].text}'")
    if role:
        reasons.append(f"office holder: {role.title} ({role.country or 'IGO'}) from {role.start} (office_holders.tsv)")
    template = (text_title.acled if text_title else None) or (GOV_TEMPLATE if sector in ("GOV", "LEG", "MIL") else None)
    actor = r.get(f"person:{canonical.lower()}", name=canonical, kind="person", country=country, sector=sector,
                  title=title, acled_name=kb.acled_name(template, country, r.day) if country else None,
                  acled_inter=(text_title.inter if text_title else (1 if sector in ("GOV", "MIL", "LEG") and country else None)),
                  reason="; ".join(reasons) or "named person")
    if actor.country is None and text_title is not None and role is None and sector != "IGO":
        r.stateless[actor.id] = template   # "President X" before the text named a country: tied at the end
    start = ent.start
    if found:
        start = min(found[1], start)
    if country:
        start = min([t.i for t in left if t.ent_type_ in ("GPE", "NORP")] + [start])
    r.mark(actor, start, ent.end)


def _office_holder(kb: Knowledge, ent, day: Optional[str]) -> bool:
    """A one-word entity NER labelled a place or organisation that is a known office holder's
    name, possibly with a possessive 's' written without its apostrophe ("Kenyattas victory")."""
    text = ent.text
    if len(ent) != 1 or kb.country_for(text) or kb.group_for(text) or kb.igo_for(text) or kb.capital_for(text):
        return False
    return kb.role_for(text, day) is not None or (text.endswith("s") and kb.role_for(text[:-1], day) is not None)


def _propagate_names(r: Resolver) -> None:
    """A later bare surname or known alias ("Abiy", "Pashinyan") of a person already named
    is that person, whatever NER made of it."""
    names: dict[str, Actor] = {}
    for a in r.actors.values():
        if a.kind != "person":
            continue
        role = r.kb.role_for(a.name, r.day)
        for n in [a.name.split()[-1], *(role.aliases if role and role.name == a.name else ())]:
            if len(n.split()) == 1:
                names.setdefault(n, a)
    for tok in r.doc:
        a = names.get(tok.text)
        if a is not None and r.of(tok.i) is None and tok.pos_ in ("PROPN", "NOUN", "X", ""):
            r.mark(a, tok.i, tok.i + 1)


# --- pass 2: named organisations ----------------------------------------------------------
def _org(r: Resolver, ent) -> None:
    kb = r.kb
    igo = kb.igo_for(ent.text)
    if igo:
        actor = r.get(f"igo:{igo.id}", name=igo.name, kind=igo.kind, sector=igo.sector, members=list(igo.members),
                      acled_name=igo.acled_name, acled_inter=8 if igo.kind == "igo" else None,
                      reason="igos.tsv")
        r.mark(actor, ent.start, ent.end)
        return
    group = kb.group_for(ent.text)
    if group:
        acled = group.acled_name   # a state force's name is a template (actors_forces.tsv)
        acled = kb.acled_name(acled, group.country, r.day) if acled and "{" in acled else acled
        actor = r.get(f"group:{group.name.lower()}", name=group.name, kind=group.kind, country=group.country,
                      sector=group.sector, acled_name=acled, acled_inter=group.acled_inter,
                      reason="actors_forces.tsv" if group.kind == "state" else "actors_groups.tsv")
        r.mark(actor, ent.start, ent.end)
        return
    if ent.label_ != "ORG":
        return
    if ent.text.endswith("-") or len(ent.text.strip("-")) < 2:
        return   # "anti-" of "anti-Houthi" cut off by NER
    if kb.title_for(_lower(ent)) or _title_in(kb, list(ent), role="body"):
        return   # an institution ("the Defense Ministry"): resolved as a phrase in pass 3
    if _country_name(kb, ent) or kb.territory_for(ent.text):
        return   # a country NER took for an organisation: pass 4
    if _is_place(ent.text):
        return   # a town NER took for an organisation ("in Kolofata")
    if kb.ethnic_for(ent.text):
        return   # an ethnic group NER took for an organisation ("the Ogiek and Kipsigi groups"): pass 4
    actor = r.get(f"org:{ent.text.lower()}", name=ent.text, kind="organization", reason="named organisation (NER)")
    r.unknown_orgs.add(actor.id)
    r.mark(actor, ent.start, ent.end)


# --- pass 3: title / institution phrases ---------------------------------------------------
def _modifier_country(r: Resolver, tok: Token, seen: set) -> tuple[Optional[str], list[int], str]:
    """Country of a phrase from its modifiers: demonym/name (amod, compound, nmod), possessor
    ("Armenia's", "its", "his country's"), or "in/of <place>". Returns (iso, tokens, reason)."""
    kb = r.kb
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod", "npadvmod") and child.i < tok.i and not _stance_prefixed(child):
            iso = _ent_country(kb, child) if child.ent_type_ in ("GPE", "NORP", "ORG") or child.pos_ == "PROPN" else None
            if iso:
                return iso, [child.i], f"modifier '{child.text}'"
            person = r.of(child.i)   # "the Bush administration", "the Erdogan government"
            if person is not None and person.kind == "person" and person.country and child.dep_ == "compound":
                return person.country, [child.i], f"modifier '{child.text}' ({person.name})"
    for child in tok.children:   # a nationality beats a possessor: "his Iranian counterpart"
        if child.dep_ == "poss":
            if child.i in seen:
                continue
            seen.add(child.i)
            if child.text.lower() in ("country", "nation") or child.lemma_ in ("country", "nation"):
                iso, toks, why = _modifier_country(r, child, seen)
                if iso:
                    return iso, toks + [child.i], why
            actor = r.of(child.i) or resolve_phrase(r.state, child, _seen=seen)
            if actor is not None and actor.country:
                return actor.country, [child.i], f"possessor '{child.text}' -> {actor.name}"
            iso = _ent_country(kb, child)
            if iso:
                return iso, [child.i], f"possessor '{child.text}'"
    for child in tok.children:
        if child.dep_ == "prep" and child.text.lower() in ("in", "of", "from") and child.i > tok.i:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    iso = kb.country_for(pobj.text) or kb.capital_for(pobj.text) or _ent_country(kb, pobj) \
                        or (_place_nationality(kb, pobj) if child.lower_ != "from" else None)
                    if iso:
                        return iso, [child.i, pobj.i], f"'{child.text} {pobj.text}'"
    return None, [], ""


def _place_nationality(kb: Knowledge, place: Token) -> Optional[str]:
    """'residents of the Sudanese border town', 'villagers of the Kenyan coast': the country
    of the nationality that modifies a place a phrase is 'of' or 'in' (not 'from': "gunmen
    from Somalia attack Kenyan village", parsed with the village as the object of 'from')."""
    return next((iso for c in place.children if c.dep_ in ("amod", "compound") and c.i < place.i
                 and c.ent_type_ == "NORP" for iso in [_ent_country(kb, c)] if iso), None)


def _residence(r: Resolver, tok: Token) -> tuple[Optional[str], str]:
    """'Albanians in southern Serbia', 'Palestinians of the West Bank': the country a
    people named by nationality or ethnicity lives in, when the phrase says (PLOVER codes
    them there)."""
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "of"):
            continue
        for pobj in (g for g in child.children if g.dep_ == "pobj"):
            name = pobj.doc[pobj.left_edge.i:pobj.i + 1]
            iso = r.kb.country_for(pobj.text) or r.kb.place_country(name.text) or r.kb.place_country(pobj.text)
            if iso:
                return iso, name.text
    return None, ""


def _ethnic_marked(tok: Token) -> bool:
    """'ethnic Uzbeks', 'ethnic Somali militants': people named by an ethnonym, who may live
    in any country (a nationality alone, 'Uzbeks', is read as that country's people)."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    return any(c.lower_ == "ethnic" for m in mods for c in [m, *m.children])


def _placed_in(r: Resolver, tok: Token) -> tuple[Optional[str], str]:
    """The country the clause places a people in: "ethnic Somalis marched in Ethiopia", "shot
    two ethnic Uzbeks in a raid in southern Kyrgyzstan", "ethnic Azerbaijani militants
    operating in Georgia" (its own verb's or its relative clause's 'in')."""
    verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ == "VERB":
        verbs.append(tok.head)
    for verb in verbs:
        for pobj in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                     for g in c.children if g.dep_ == "pobj"):
            inner = [g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "in"
                     for g in c.children if g.dep_ == "pobj"]   # "in a raid in southern Kyrgyzstan"
            for p in [pobj, *inner]:
                name = p.doc[p.left_edge.i:p.i + 1]
                iso = r.kb.country_for(p.text) or r.kb.place_country(name.text) or r.kb.place_country(p.text)
                if iso:
                    return iso, name.text
    return None, ""


def _stance_prefixed(tok: Token) -> bool:
    """'anti-Syria journalist', 'pro-Iranian militia': a stance towards a country, not a nationality."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "pro")


def _phrase_title(r: Resolver, tok: Token) -> Optional[tuple[Title, int]]:
    """The title phrase ending at tok: its compound/amod/nmod words and tok itself."""
    text, lemma = tok.text.lower(), tok.lemma_.lower()
    ends = r.kb.title_ends
    if text not in ("'s", "’s") and _last_word(text) not in ends and _last_word(lemma) not in ends \
            and _last_word(text) and _last_word(lemma):
        return None   # no title ends with this word: no phrase to look up
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and not
            (c.ent_type_ in ("GPE", "NORP") and r.kb.country_for(c.text))]
    words = mods + [tok]   # tok.lefts come in text order, all before tok
    gaps = [b.i - a.i <= 2 for a, b in zip(words, words[1:])]
    for k in range(len(words)):
        if all(gaps[k:]):
            seq = words[k:]
            t = r.kb.title_for(_lower(seq))
            if t is None and lemma != text:   # "ministers" -> "minister"
                t = r.kb.title_for((_lower(seq[:-1]) + " " + tok.lemma_).strip())
            if t:
                return t, seq[0].i
    return None


def _last_word(text: str) -> str:
    """The last word of a title key made of ``text`` ("" when it has none)."""
    words = text.replace("-", " ").split()
    return words[-1] if words else ""


def _recent(r: Resolver, before: int, test, *, sentences: int = 3) -> Optional[Actor]:
    """The actor of the nearest token before ``before`` satisfying test, within a few sentences."""
    doc = r.doc
    first_sent = doc[before].sent
    limit = first_sent.start
    sent = first_sent
    for _ in range(sentences - 1):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        limit = sent.start
    for i in range(before - 1, limit - 1, -1):
        a = r.of(i)
        if a is not None and test(a):
            return a
    return None


def _pronoun(r: Resolver, tok: Token) -> Optional[Actor]:
    low = tok.text.lower()
    if low in PERSON_PRONOUNS:
        return _recent(r, tok.i, lambda a: a.kind == "person")
    if low in PLURAL_PRONOUNS:
        # "Students blocked the road. They burnt tyres": the nearest plural noun that is an actor
        first = tok.doc[max(0, tok.sent.start - 1)].sent.start
        for i in range(tok.i - 1, first - 1, -1):
            t = tok.doc[i]
            a = r.of(i)
            if a is not None and a.kind != "person" and t.tag_ in ("NNS", "NNPS") and i != tok.i:
                return a
        return None
    if low in THING_PRONOUNS:
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss", "dobj", "pobj"):
            return None
        thing = lambda a: a.kind in ("state", "igo", "organization", "armed_group")  # noqa: E731
        sent = tok.sent
        subj = [r.of(t.i) for t in sent if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass")
                and r.of(t.i) is not None and thing(r.of(t.i))]
        if subj:
            return subj[-1]
        return _recent(r, tok.i, thing, sentences=2)
    return None


def _resolve(r: Resolver, tok: Token, seen: set) -> Optional[Actor]:
    if tok.pos_ == "PRON" or tok.text.lower() in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        return _pronoun(r, tok)
    if tok.lemma_.lower() in GROUP_WORDS or tok.text.lower() in GROUP_WORDS:   # "a group of farmers protested"
        for member in (p for c in tok.children if c.dep_ == "prep" and c.text.lower() == "of"
                       for p in c.children if p.dep_ == "pobj"):
            hit = _phrase_title(r, member)
            if hit is not None and hit[0].kind == "armed_group":   # "a group of Pokot militia": the militia
                return _resolve(r, member, seen)
            if hit is not None and hit[0].role == "body":
                attackers = _ethnic_attackers(r, member, hit[0], tok)
                if attackers is not None:
                    return attackers
                iso, _, why = _modifier_country(r, member, seen)
                guessed = iso is None
                if guessed:
                    iso, why = r.doc_country(), "the document's main country"
                return r.sub_actor(iso, _in_context(hit[0], tok), f"'{tok.text} of {member.text}' with {why}",
                                   guessed=guessed)
    hit = _phrase_title(r, tok) or _modifier_title(r, tok)
    if hit is None:
        return None
    title, first = hit
    # a title in apposition to a named person is that person ("his counterpart Sergei Lavrov")
    for child in tok.children:
        if child.dep_ == "appos" and r.of(child.i) is not None and r.of(child.i).kind == "person":
            return r.of(child.i)
    if title.kind == "armed_group" or title.phrase in ("community", "ethnic group"):
        ident = _ethnic_militia(r, tok, title)
        if ident is not None:
            return ident
    group = _group_modifier(r, tok, seen, title)
    if group is not None and title.sector in ARMED_SECTORS and (title.sector != "COP" or group.kind == "state"):
        return group   # "its fighters" (the RSF's), "Hamas militants", "KDF soldiers": the group itself
    if title.sector in ("REB", "PRM", "UAF", "MIL") and title.role != "person":
        named = _named_force(r, tok, title)
        if named is not None:
            return named
    org = _org_modifier(r, tok, title, seen)
    if org is not None:   # "Red Cross officials", "Hamas officials", "the militia's spokesman"
        return org
    igo = _igo_modifier(r, tok)
    if igo is not None:   # "UN peacekeepers", "NATO troops", "AU forces"
        if title.sector == igo.sector or title.role == "person":
            return igo
        return r.get(f"{igo.id}:{title.sector}", name=f"{igo.name} ({title.phrase})", kind="igo", sector=title.sector,
                     members=list(igo.members), acled_name=igo.acled_name, acled_inter=8,
                     reason=f"'{title.phrase}' of {igo.name}")
    iso, _, why = _modifier_country(r, tok, seen)
    if iso is not None and _ethnic_marked(tok):
        home, where = _residence(r, tok)
        if home is None:
            home, where = _placed_in(r, tok)
        if home is not None and home != iso:
            iso, why = home, f"{why}, an ethnic group living in {where} ({home})"
    backer = _backer(r, tok) if iso is None else None   # "Iranian-backed militias": not of Iran
    guessed = iso is None
    if title.role == "person":
        if iso is None:
            words = TITLE_SYNONYMS.get(title.phrase, (title.phrase,))
            prev = _recent(r, tok.i, lambda a: a.kind == "person" and (a.title or "").lower() in words, sentences=6)
            if prev is not None or title.sector not in CROWD_SECTORS + STATE_FORCES or tok.tag_ != "NN":
                return prev
            # "a journalist was killed", "a police officer was shot": an unnamed civilian or
            # member of the state forces of the document's country; with none named yet, of
            # no country until the text or the event's place gives one ("Police Forces")
            iso = r.doc_country()
            why = "the document's main country" if iso else "no country named"
        return None if title.phrase in ("counterpart", "official", "leader") and iso is None else \
            r.sub_actor(iso, Title(title.phrase, "body", title.sector, "state" if title.sector in ("GOV",) + STATE_FORCES
                                   else "group",
                                   title.acled, title.inter), f"title '{title.phrase}' with {why}", guessed=guessed)
    if iso is None:
        prev = _recent(r, tok.i, lambda a: a.sector == title.sector and a.kind != "person"
                       and (a.reason or "").find(f"'{title.phrase}'") >= 0, sentences=6)
        if prev is not None:
            return prev
        attackers = _ethnic_attackers(r, tok, title)
        if attackers is not None:
            return attackers
        iso, why = _ethnic_country(r, tok)
    if iso is None and backer is None:
        iso = r.doc_country()
        why = "the document's main country" if iso else "no country named"
    elif iso is None:
        why = f"no country named but its backer's ({backer}): the country where it acts"
    actor = r.sub_actor(iso, _in_context(title, tok), f"'{title.phrase}' ({title.sector}) with {why}", guessed=guessed)
    if actor is not None and backer is not None and actor.country is None:
        r.backed[actor.id] = backer
    return actor


def _unnamed_force_coding(title: Optional[Title]) -> tuple[str, int]:
    """PLOVER sector and ACLED inter of a named group no file holds: rebels (inter 2) when
    the text calls its men rebels or insurgents, else a political militia (inter 3)."""
    rebels = title is not None and any(w in title.phrase for w in ("rebel", "insurgent"))
    return ("REB", 2) if rebels else ("UAF", 3)


def _group_modifier(r: Resolver, tok: Token, seen: set, title: Optional[Title] = None) -> Optional[Actor]:
    """A named armed group modifying or possessing the phrase ("Hamas fighters", "its fighters")."""
    for child in tok.lefts:
        if child.dep_ in ("compound", "nmod", "poss") and child.i not in seen:
            a = r.of(child.i)
            if a is None and child.dep_ == "poss" and child.pos_ == "PRON":
                a = _pronoun(r, child)
            if a is not None and a.kind == "armed_group" and a.name and not a.name.startswith(("Unidentified", "Rebel")):
                return a
            if a is not None and a.kind == "state" and a.sector in ("MIL", "COP") and child.dep_ == "compound" \
                    and a.mentions and r.kb.group_for(a.mentions[0].text) is not None:   # "KDF soldiers"
                return a
            if a is not None and a.id in r.unknown_orgs and child.dep_ == "compound" \
                    and (title is None or title.sector in ARMED_SECTORS):   # "Nasa supporters" are no force
                # "Southern Resistance forces": a named group no file holds is an armed group,
                # by default a political militia (ACLED inter 3); "NAF rebel forces": rebels (2)
                a.kind = "armed_group"
                a.sector, a.acled_inter = _unnamed_force_coding(title)
                a.acled_name = a.acled_name or a.name
                a.reason = f"{a.reason}; armed: '{child.text} {tok.text}'"
                return a
    prev = tok.doc[tok.i - 1] if tok.i else None   # "IS militants": the tagger took "IS" for the verb
    if prev is not None and prev.dep_ in ("aux", "auxpass") and prev.ent_type_ == "ORG" and prev.i not in seen:
        a = r.of(prev.i)
        if a is not None and a.kind == "armed_group":
            return a
    return None


def _named_force(r: Resolver, tok: Token, title: Optional[Title] = None) -> Optional[Actor]:
    """"National Resistance forces", "Southern Transitional Council fighters": capitalised
    words before an armed title that name no country, people or place are a group's name;
    a group no file holds is by default a political militia (ACLED inter 3)."""
    for c in tok.lefts:   # "pro-Houthi forces": the Houthis' forces
        if c.text.lower() == "pro" and c.i + 2 < tok.i and c.nbor(1).text == "-":
            a = r.of(c.i + 2)
            if a is not None and a.kind == "armed_group":
                return a
    comp = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1]
    if not comp:
        return None
    words = [t for t in comp[0].subtree if t.i <= comp[0].i]
    run = []   # "anti-Houthi National Resistance forces": the capitalised run after a stance prefix
    for t in reversed(words):
        if not (t.is_title and t.pos_ in ("PROPN", "ADJ")) or _stance_prefixed(t) or (run and t.i != run[0].i - 1):
            break
        run.insert(0, t)
    if len(run) < len(words) and any(_stance_prefixed(t) for t in words):
        words = run
    if not all(t.is_title and t.pos_ in ("PROPN", "ADJ") for t in words) or len(words) < 2:
        return None   # one capitalised word alone ("Army forces") is too weak a name
    name = " ".join(t.text for t in words)
    if any(r.of(t.i) for t in words) or r.kb.country_for(name) or any(r.kb.country_for(t.text) for t in words) \
            or _is_place(name):
        return None
    sec, inter = _unnamed_force_coding(title)
    actor = r.get(f"org:{name.lower()}", name=name, kind="armed_group", sector=sec, acled_name=name, acled_inter=inter,
                  reason=f"named armed group '{name} {tok.text}' (no knowledge file holds it; ACLED inter {inter})")
    r.unknown_orgs.add(actor.id)
    return actor


def _ethnic_country(r: Resolver, tok: Token) -> tuple[Optional[str], str]:
    """The country of an ethnic group modifying the phrase ("Luhya farmers", "Turkana
    herders"): the country actors_ethnic.tsv gives the group. A guess like the document's
    country: the event's place may replace it."""
    for child in tok.lefts:
        hit = r.kb.ethnic_for(child.text) if child.dep_ in ("amod", "compound", "nmod") else None
        if hit and hit[1] and r.kb.country_for(child.text) is None:
            return hit[1], f"ethnic group '{child.text}' (actors_ethnic.tsv)"
    return None, ""


def _modifier_title(r: Resolver, tok: Token) -> Optional[tuple[Title, int]]:
    """"Russian civilian advisers", "civilian contractors": people named by a noun that is no
    title (an agent noun: -er, -or, -ist, -ant, -ent, -eer) with a civilian person title as
    modifier are civilians (CVL), not the state their nationality names."""
    if tok.tag_ != "NNS" or not tok.lower_.endswith(AGENT_ENDS):
        return None
    for child in tok.lefts:
        title = r.kb.title_for(child.lower_) if child.dep_ in ("amod", "compound") else None
        if title is not None and title.role == "person" and title.sector == "CVL":
            return r.kb.title_for(f"{child.lower_}s") or title, child.i
    return None


def _org_modifier(r: Resolver, tok: Token, title: Title, seen: set) -> Optional[Actor]:
    """An official of a named organisation, party or armed group ("Red Cross officials",
    "Hamas officials", "the militia's spokesman"): a government title (GOV) modified by a
    non-state actor is that actor, not the government of the document's country."""
    if title.sector != "GOV":
        return None
    for child in tok.lefts:
        if child.dep_ not in ("compound", "nmod", "poss") or child.i in seen:
            continue
        a = r.of(child.i)
        if a is None and child.dep_ == "poss" and child.pos_ != "PRON":
            a = resolve_phrase(r.state, child, _seen=seen | {child.i})
        if a is not None and a.kind in ("organization", "armed_group") or (a is not None and a.sector == "PTY"):
            return a
    return None


BACKING_VERBS = ("back", "support", "sponsor", "fund", "arm", "align", "ally", "finance", "train")


def _backer(r: Resolver, tok: Token) -> Optional[str]:
    """The country of a phrase's backer ("Iranian-backed militias", "militias backed by
    Iran", "Turkish-supported rebels"), which is not the phrase's own country."""
    for verb in tok.children:
        if verb.dep_ not in ("amod", "acl") or verb.lemma_.lower() not in BACKING_VERBS or verb.tag_ != "VBN":
            continue
        for c in verb.children:
            names = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "agent" else [c]
            for n in names:
                iso = _ent_country(r.kb, n) if n.ent_type_ in ("GPE", "NORP") else None
                if iso:
                    return iso
    return None


def _igo_modifier(r: Resolver, tok: Token) -> Optional[Actor]:
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            a = r.of(child.i)
            if a is not None and a.kind == "igo":
                return a
    return None


def _identity_kind(title: Optional[Title]) -> Optional[str]:
    """"Tribal" for a title naming an identity militia's men ("tribesmen": titles.tsv's
    "Unidentified Tribal Militia ({country})"), else None."""
    words = (title.acled or "").split() if title is not None else []
    return words[1] if len(words) == 4 and words[0] == "Unidentified" and words[2] == "Militia" else None


def _people_name(r: Resolver, ent) -> bool:
    """A name NER took for a person that names a tribe or clan: written before "tribesmen",
    "clansmen" or an identity word and a militia ("Al Tilan and Al Dahshal tribal militias"),
    possibly through the other names of a pair; no office holder of that name is known."""
    if r.kb.role_for(ent.text, r.day) is not None:
        return False
    cues = identity_cues()
    for t in r.doc[ent.end:min(ent.end + 8, ent.sent.end)]:
        if t.text.lower() in ("and", "al", "ba", "bin", "el") or (t.is_title and t.pos_ == "PROPN"):
            continue
        if cues.get(t.lower_, ("", False))[1]:
            return True
        return _identity_kind(r.kb.title_for(t.lower_)) is not None
    return False


def _ethnic_militia(r: Resolver, tok: Token, title: Optional[Title] = None) -> Optional[Actor]:
    """"Turkana raiders", "Orma ethnic group", "a Pokot militia" -> an identity militia
    (inter 4); "Moran ethnic militia", "Al Tilan tribal militias": a group the ethnic file
    lacks, named by the capitalised words before "ethnic", "tribal", "clan", "communal"."""
    for child in tok.lefts:
        hit = r.kb.ethnic_for(child.text) if child.dep_ in ("amod", "compound", "nmod", "npadvmod") else None
        if hit:
            return militia(r, *hit, f"ethnic group '{child.text}' with '{tok.text}' (actors_ethnic.tsv)")
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "from"):   # "bandits from Pokot",
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):   # "armed men from Marakwet village"
            for word in [pobj] + [c for c in pobj.lefts if c.dep_ == "compound"]:
                hit = r.kb.ethnic_for(word.text)
                if hit:
                    return militia(r, *hit, f"'{tok.text} from {word.text}': an ethnic group (actors_ethnic.tsv)")
    cues = identity_cues()
    marker = next((c for c in tok.lefts if cues.get(c.text.lower(), ("", False))[1] and c.i == tok.i - 1), None)
    kind = _identity_kind(title)
    if marker is None and kind in ("Tribal", "Clan"):   # "Al Hayash tribesmen": the men's word is the marker
        marker = tok
    if marker is None:
        return None
    words = []
    for t in reversed(tok.doc[max(tok.sent.start, marker.i - 5):marker.i]):
        if not (t.is_title or (words and t.text.lower() in ("al", "ba", "bin", "el"))) or r.of(t.i) is not None \
                and r.of(t.i).kind not in ("group", "organization"):
            break
        words.insert(0, t)
    if not words or r.kb.country_for(words[-1].text):
        return None
    name = " ".join(t.text for t in words)
    known = r.kb.ethnic_for(name)
    if known is not None:   # "Pokot tribesmen"
        return militia(r, *known, f"ethnic group '{name}' with '{tok.text}' (actors_ethnic.tsv)")
    iso = r.doc_country()
    said = f"{marker.text} {tok.text}" if marker is not tok else tok.text
    return militia(r, name, iso, f"'{name} {said}': an identity militia no file holds"
                   + (f"; country {iso}: the document's main country" if iso else ""),
                   cues[marker.text.lower()][0] if marker is not tok else kind)


def militia(r: Resolver, name: str, iso: Optional[str], reason: str, kind: str = "Ethnic") -> Actor:
    """An identity militia (ACLED inter 4): "Turkana Ethnic Militia (Kenya)", "Al Tilan Tribal Militia"."""
    cname = r.kb.countries[iso].name if iso in r.kb.countries else None
    label = f"{name} {kind} Militia ({cname})" if cname else f"{name} {kind} Militia"
    return r.get(f"ethnic:{name}:militia", name=label, kind="armed_group", country=iso, sector="PRM",
                 acled_name=label, acled_inter=4, reason=reason)


def _in_context(title: Title, tok: Token) -> Title:
    """Unarmed people who protest are protesters, who riot are rioters (ACLED inter 6, 5);
    violence wins ("demonstrated and pelted stones"). Their PLOVER sector stays who they
    are (students EDU, workers LAB, supporters OPP)."""
    if title.sector not in CROWD_SECTORS:
        return title
    acts = {_crowd_act(w) for w in _act_lemmas(tok)}
    if "riot" in acts:
        return Title(title.phrase, title.role, title.sector, "group", "Rioters ({country})", 5)
    if "protest" in acts:
        return Title(title.phrase, title.role, title.sector, "group", "Protesters ({country})", 6)
    return title


def _act_lemmas(tok: Token) -> set[str]:
    """Lemmas of what the people a phrase names do: the verbs it is the subject of or that
    qualify it, and the objects of 'hold', 'stage' ('staged a protest')."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):   # "journalists and media workers"
        tok = tok.head
    verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if tok.dep_ == "nsubj":
        verbs.append(tok.head)
    verbs += [c for v in verbs for c in v.conjuncts]
    lemmas = {v.lemma_.lower() for v in verbs}
    return lemmas | {c.lemma_.lower() for v in verbs if v.lemma_.lower() in HOLD_VERBS for c in v.children
                     if c.dep_ == "dobj"}


def _attack(word: str) -> bool:
    """``word`` is a one-word trigger of an attack or a fight (event_triggers.tsv: a violent
    frame of ACLED's Violence against civilians or Battles), not of a riot."""
    known = frames()
    return any(known[value].kind in ("violent", "outcome")
               and known[value].event_type in ("Violence against civilians", "Battles")
               for _, value in triggers().single(word))


def _ethnic_attackers(r: Resolver, tok: Token, title: Title, actor_tok: Optional[Token] = None) -> Optional[Actor]:
    """"Kalenjin youths killed two men", "a group of armed Maasai youths attacked a village"
    (``actor_tok``: the group word that acts): people of an ethnic group (actors_ethnic.tsv)
    who attack or fight are its identity militia (ACLED inter 4), not rioters."""
    if title.sector not in CROWD_SECTORS or not any(_attack(w) for w in _act_lemmas(actor_tok or tok)):
        return None
    for child in tok.lefts:
        hit = r.kb.ethnic_for(child.text) if child.dep_ in ("amod", "compound", "nmod") else None
        if hit and r.kb.country_for(child.text) is None:
            return militia(r, *hit, f"'{child.text} {tok.text}' attacking: an ethnic group (actors_ethnic.tsv)")
    return None


@lru_cache(maxsize=4096)
def _crowd_act(word: str) -> Optional[str]:
    """What a crowd does that is ``word``, read from the event lexicon's one-word triggers
    (event_triggers.tsv) and their frames (event_frames.tsv): "riot" for rioting behaviour
    (a riot, mob violence or a violent demonstration, looting or destruction, and violence
    without weapons: a fight, an attack, a beating, whose PLOVER mode names no weapon),
    "protest" for a protest, a strike or a boycott (PLOVER PROTEST) and a word of the events
    stage's protest context ("demand", "petition": event_cues.tsv), else None."""
    known = frames()
    found = [known[value] for _, value in triggers().single(word)]
    if any(f.event_type == "Riots" or f.sub_event_type == "Looting/property destruction"
           or (f.kind == "violent" and f.plover_mode in (None, "beat")) for f in found):
        return "riot"
    if any(f.event_type == "Protests" or f.plover_type == "PROTEST" for f in found) \
            or any(value == "protest_ctx" for _, value in cues().single(word)):
        return "protest"
    return None


def resolver(state) -> Resolver:
    """The document's actor registry, shared by the stages that resolve or add actors."""
    r: Optional[Resolver] = state.scratch.get(SCRATCH)
    if r is None:
        r = state.scratch[SCRATCH] = Resolver(state)
    return r


def resolve_phrase(state, token: Token, _seen: Optional[set] = None) -> Optional[Actor]:
    """The actor the noun phrase headed by ``token`` refers to ("Azerbaijani forces", "his
    country's soldiers", "Armenia's Defense Ministry", "the premier", "its"), creating a
    country's sector actor when needed (one per country, sector and name in a document)."""
    r = resolver(state)
    known = r.of(token.i)
    if known is not None:
        return known
    return _resolve(r, token, _seen if _seen is not None else {token.i})


def _phrase_span(tok: Token, r: Resolver) -> tuple[int, int]:
    start = tok.i
    for t in tok.lefts:
        if t.dep_ in ("amod", "compound", "nmod", "poss", "det", "case") and r.of(t.i) is None:
            start = min(start, t.left_edge.i)
    end = tok.i + 1
    for t in tok.rights:
        if t.dep_ == "prep" and t.text.lower() == "in" and any(c.dep_ == "pobj" and r.kb.capital_for(c.text) for c in t.children):
            end = t.right_edge.i + 1
    return start, end


def _headline_subject(tok: Token) -> bool:
    """The subject of a headline the tagger read as a noun compound: "Mob attacks woman",
    "Gunmen raids village" ("attacks" taken for a plural noun)."""
    head = tok.head
    word = head.text.lower()
    return head.i == tok.i + 1 and head.tag_ == "NNS" and any(
        word.endswith(end) and _verb_trigger(word[:-len(end)]) for end in ("s", "es")) \
        and any(c.dep_ in ("dobj", "conj") for c in head.children)


def _verb_trigger(word: str) -> bool:
    """Whether ``word`` is a one-word trigger of the event lexicon that may be a verb (event_triggers.tsv)."""
    return any("VERB" in pos for pos, _ in triggers().single(word))


def _acting(tok: Token) -> bool:
    """A capital stands for its government when it acts or is addressed ("Baku said",
    "Moscow's offer", "talks with Washington"), not as a place ("met in Brussels") or part
    of a longer name ("Lake Victoria", "the Washington Post")."""
    if tok.dep_ == "conj":
        return _acting(tok.head)
    if tok.dep_ == "pobj":
        return tok.head.text.lower() not in LOCATIVE_PREPS | {"of", "near", "to", "toward", "towards"} \
            or (tok.head.text.lower() == "to" and tok.head.head.pos_ == "VERB" and tok.head.head.lemma_ in
                ("appeal", "write", "turn", "speak", "talk", "send"))
    return tok.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "dative", "appos", "npadvmod")


def run(state):
    r = Resolver(state)
    state.scratch[SCRATCH] = r
    doc, kb = r.doc, r.kb
    ents = doc.ents   # built on each access: read once (this stage sets none)
    for ent in ents:
        if ent.label_ == "PERSON" and _people_name(r, ent):
            continue   # "Al Hayash tribesmen", "Bani Ali and Al Badi tribesmen": a tribe's name, no person
        if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "GPE", "NORP") and _office_holder(kb, ent, r.day)):
            _person(r, ent)
    _propagate_names(r)
    for ent in ents:
        if ent.label_ in ("ORG", "NORP", "GPE") and not any(r.of(i) for i in range(ent.start, ent.end)):
            _org(r, ent)
    for tok in doc:
        if r.of(tok.i) is None and tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ != "compound" or _headline_subject(tok)):
            actor = _resolve(r, tok, {tok.i})
            if actor is not None:
                start, end = _phrase_span(tok, r)
                r.mark(actor, start, end)
    for ent in ents:
        if ent.label_ not in ("GPE", "NORP", "LOC", "ORG") or any(r.of(i) for i in range(ent.start, ent.end)):
            continue
        text = ent.text
        ethnic = kb.ethnic_for(text) if ent.label_ == "NORP" or (   # "clashes between Kikuyu and Maasai"
            ent.label_ in ("GPE", "LOC", "ORG") and not _place_slot(ent.root) and not _in_parens(ent)
            and not (ent.root.dep_ == "compound" and ent.root.head.lower_ in PLACE_WORDS)) else None   # "Turkana village"
        if ethnic and kb.country_for(text) is None:
            name, e_iso = ethnic
            if ent.root.dep_ in ("nsubj", "compound") and ent.root.head.pos_ == "VERB":
                actor = militia(r, name, e_iso, f"ethnic group '{text}' acting (actors_ethnic.tsv)")
            else:
                actor = r.get(f"ethnic:{name}:people", name=name, kind="group", country=e_iso, sector="CVL",
                              acled_name=r.kb.acled_name("Civilians ({country})", e_iso, r.day), acled_inter=7,
                              reason=f"ethnic group '{text}' (actors_ethnic.tsv)")
            r.mark(actor, ent.start, ent.end)
            continue
        if _currency(ent):
            continue   # "the US dollar exchange rate", "Kenyan shillings": a currency, no party
        iso = _country_name(kb, ent)
        why = f"'{text}' names the country"
        if iso is None and kb.capital_for(text) and _acting(ent.root) and not _in_parens(ent):
            iso, why = kb.capital_for(text), f"capital metonymy: '{text}' for its government"
        if iso is None:
            continue
        if ent.label_ == "NORP" and ent.root.tag_ in ("NNPS", "NNS") and ent.root.dep_ not in ("amod", "compound"):
            home, where = _residence(r, ent.root)
            if home is None and _ethnic_marked(ent.root):
                home, where = _placed_in(r, ent.root)
            why = f"'{text}': people of {iso}" + (f" living in {where} ({home})" if home else "")
            iso = home or iso
            actor = r.get(f"{iso}:people:{ent.text.lower()}" if home else f"{iso}:people", name=ent.text.rstrip("’'"),
                          kind="group", country=iso, sector="CVL",
                          acled_name=f"Civilians ({kb.countries[iso].name})", acled_inter=7, reason=why)
        else:
            actor = r.state_actor(iso, why)
        end = ent.end - 1 if ent[-1].text.lower() in ("'s", "’s") and len(ent) > 1 else ent.end
        r.mark(actor, ent.start, end)
    for tok in doc:
        if r.of(tok.i) is None and tok.text.lower() in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS \
                and tok.pos_ == "PRON":
            actor = _pronoun(r, tok)
            if actor is not None:
                r.mark(actor, tok.i, tok.i + 1)
    _tie_to_document(r)
    state.scratch["token_actor"] = r.token_actor
    return state


def _tie_to_document(r: Resolver) -> None:
    """Sector actors of no named country ("police", "residents", "gunmen") resolved before
    the text's countries, people and parties were all read take the document's main country
    as it stands at the end; the event's own place may still replace it (implied_actors)."""
    loose = [a for a in r.actors.values() if a.id in r.untied and a.country is None and a.mentions]
    people = [a for a in r.actors.values() if a.id in r.stateless and a.country is None]
    if not loose and not people:
        return
    iso = r.doc_country()
    if iso is None:
        return
    for a in loose:
        if a.id in r.backed:   # a backed group is of the country where the text places it, not its backer's
            home = next((c for c in _slot_countries(r) if c != r.backed[a.id]), None)
            if home is not None:
                r.localise(a, home, "the country the text places it in (not its backer's)", guess=True)
            continue
        r.localise(a, iso, "the document's main country", guess=True)
    for a in people:   # "President X said ... in Haiti": a title with no nationality, the text's country
        a.country, a.acled_name = iso, r.kb.acled_name(r.stateless[a.id], iso, r.day)
        a.reason = f"{a.reason}; title without a nationality: the document's main country {iso} (the whole text)"


def _slot_countries(r: Resolver) -> list[str]:
    """Countries the text names as places ("in eastern Syria", "near Afrin"), in text order."""
    out = []
    for ent in r.doc.ents:   # not a modifier ("at a US base": whose base, not where)
        if ent.label_ not in ("GPE", "LOC") or ent.root.dep_ in ("compound", "amod") or not _place_slot(ent.root):
            continue
        iso = r.kb.place_country(ent.text) or _big_place(ent.text)
        if iso and iso not in out:
            out.append(iso)
    return out


def actor_of(state, token: Token) -> Optional[Actor]:
    """The actor a token refers to, if any."""
    r: Optional[Resolver] = state.scratch.get(SCRATCH)
    if r is not None:
        return r.of(token.i)
    aid = state.scratch.get("token_actor", {}).get(token.i)
    return next((a for a in state.result.actors if a.id == aid), None) if aid else None
