"""The actors stage's per-document registry (stages/actors.py): canonical actors, which
tokens refer to which actor, and the document's main country that unnamed actors take.

``resolver(state)`` gives the registry later stages share; ``actor_of(state, token)`` the
actor a token refers to.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Token

from .actors_places import country_name, place_countries
from .knowledge import Igo, Knowledge, Title, knowledge
from .records import Actor, Span

SCRATCH = "actors"
GOV_TEMPLATE = "Government of {country} ({since}-)"
COMPANY_WORDS = frozenset({"company", "firm", "corporation", "contractor", "enterprise", "conglomerate",
                           "multinational", "consortium"})   # a business: its nationality is where it is owned
BODY_NAMES = {"LEG": "Legislature of {country}", "JUD": "Judiciary of {country}", "SPY": "Intelligence Services of {country}"}


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
        self.guessed_people: set[str] = set()   # ids of titled people given the document's main country (a guess)
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
        country takes the country of the place where it acts instead (the place stage's
        reading of the event's own place beats the vote of all place names that may have
        made that main country), unless a state, person, party or people the text names
        has another country. ``guess``: ``iso`` is
        itself the document's main country (the actor stays open to its event's place).
        False if the actor is not one of these."""
        if iso not in self.kb.countries or actor.country == iso:
            return False
        if actor.country is not None:
            title = self.guessed.get(actor.id)
            if title is None or guess or not self.named_in(iso):
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
            self._places = place_countries(self.doc, self.kb)
        return self._places.most_common(1)[0][0] if self._places else None

    def town_votes(self) -> Counter:
        """How much the towns and regions the document names (not its country names) point
        to each country (``place_countries``)."""
        return place_countries(self.doc, self.kb, country_names=False)

    def named_in(self, iso: str) -> bool:
        """No state, person, party or people the text names has a country other than ``iso``
        (the country of a named party outweighs a place the place stage read abroad). A person
        whose country is itself the document's main country ("Governor X" with no nationality)
        names none."""
        named = {a.country for key, a in self.actors.items() if a.mentions and a.id not in self.guessed
                 and a.id not in self.guessed_people
                 and (a.kind == "person" or a.sector == "PTY" or key.startswith("ethnic:")
                      or (a.kind == "state" and self._names_country(a)))}
        named.discard(None)
        return not named or iso in named

    def _names_country(self, actor: Actor) -> bool:
        """A mention of a state actor names its country ("Kenyan police", "Nairobi said"), not
        only a title the document's main country was given to ("the authorities")."""
        for span in self.party_spans(actor):
            if span is not None and any(actor.country in (country_name(self.kb, e), self.kb.capital_for(e.text))
                                        for e in span.ents):   # (also "Kenyas border")
                return True
        return False

    def party_spans(self, actor: Actor) -> list:
        """The document spans of the mentions that name an actor as a party (None where a mention
        has no span), not as a company's home ("a Chinese firm", "the China Roads and Bridges
        Company": where the business is owned, which tells nothing of where the people of the
        text live or act)."""
        spans = (self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions)
        return [span for span in spans if span is None or not company_home(span.root)]

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
        counts = Counter(a.country for a in self.actors.values() if a.kind == "state"
                         for _ in self.party_spans(a))
        counts.pop(None, None)
        if not counts:   # office holders ("Kenyatta"), parties ("ODM"), ethnic groups ("Pokot"), nationals ("a Sudanese girl")
            counts = Counter(a.country for key, a in self.actors.items()
                             if a.kind == "person" or a.sector == "PTY" or key.startswith("ethnic:")
                             or key.split(":")[1:2] == ["people"] for _ in a.mentions)
            counts.update(self._eponyms())
            counts.pop(None, None)
        if not counts:
            place = self.place_country()
            counts = Counter([place] if place else [])
        if not counts:   # a mission named for the country it works in ("the OSCE SMM", "UNMISS": igos.tsv host)
            counts = Counter(igo.host for igo, a in self.missions() for _ in a.mentions)
        if not counts:   # last, armed groups' home countries (they may fight abroad)
            counts = Counter(a.country for a in self.actors.values() if a.kind == "armed_group" for _ in a.mentions)
            counts.pop(None, None)
        if not counts:
            return None
        top = max(counts.values())   # a tie goes to the country the text names first
        return min((c for c, n in counts.items() if n == top), key=self._first_mention)

    def missions(self) -> list[tuple[Igo, Actor]]:
        """The missions the text names that work in one country (igos.tsv host), with their actors."""
        found = ((self.kb.igos.get(key[4:]), a) for key, a in self.actors.items() if key.startswith("igo:"))
        return [(igo, a) for igo, a in found if igo is not None and igo.host]

    def _first_mention(self, iso: str) -> int:
        starts = [m.start for a in self.actors.values() if a.country == iso for m in a.mentions]
        last = self.doc[-1] if len(self.doc) else None   # past the text's end (len(doc.text), not rebuilt)
        return min(starts, default=last.idx + len(last.text_with_ws) if last is not None else 0)


def company_home(tok: Token) -> bool:
    """A country name or nationality that qualifies a business ("a Chinese company", "a
    Chinese water company", "the China Roads and Bridges Company"), over the words of the
    business's name or description."""
    head = tok
    for _ in range(3):
        if head.dep_ not in ("amod", "compound", "nmod") or head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in COMPANY_WORDS or head.lower_ in COMPANY_WORDS:
            return True
    return False


def resolver(state) -> Resolver:
    """The document's actor registry, shared by the stages that resolve or add actors."""
    r: Optional[Resolver] = state.scratch.get(SCRATCH)
    if r is None:
        r = state.scratch[SCRATCH] = Resolver(state)
    return r


def actor_of(state, token: Token) -> Optional[Actor]:
    """The actor a token refers to, if any."""
    r: Optional[Resolver] = state.scratch.get(SCRATCH)
    if r is not None:
        return r.of(token.i)
    aid = state.scratch.get("token_actor", {}).get(token.i)
    return next((a for a in state.result.actors if a.id == aid), None) if aid else None
