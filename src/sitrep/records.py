"""The one vocabulary of records (SPEC §2): Span, Document, Actor, Event, Claim,
Relation and the Result that holds them.

Records are plain dataclasses so that pipeline stages can fill them in turn; every
record converts to and from the JSON shape of the SPEC with ``to_dict``/``from_dict``,
and the conversion round-trips.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Optional

ACTOR_KINDS = ("state", "person", "organization", "igo", "armed_group", "group", "unknown")
STATUSES = ("asserted", "claimed", "denied", "historical", "future", "hypothetical")
NOT_TODAY = ("historical", "future", "hypothetical")  # statuses of events that did not happen on the reported day
STANCES = ("assert", "deny", "accuse", "support", "demand", "reject")
PRECISIONS = ("day", "week", "month", "year")
IMPLIED = "no actor named for a "  # how an Actor.reason opens when the text never names it: implied by the event's type
QUALIFIERS = ("exact", "at_least", "at_most", "about", "unknown")


@dataclass
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Span"]:
        return None if d is None else cls(d["text"], d["start"], d["end"])


@dataclass
class Document:
    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date, YYYY-MM-DD
    source: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None
    content_hash: Optional[str] = None
    dropped: Optional[str] = None  # coded reason when the document could not be coded

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Actor:
    id: str
    name: str
    kind: str = "unknown"
    country: Optional[str] = None
    sector: Optional[str] = None
    title: Optional[str] = None
    acled_name: Optional[str] = None
    acled_inter: Optional[int] = None
    members: list[str] = field(default_factory=list)  # ISO3 codes, for IGOs and alliances
    mentions: list[Span] = field(default_factory=list)
    reason: Optional[str] = None

    def ref(self) -> dict:
        """The actor as embedded in events, claims and relations (no mentions)."""
        d = self.to_dict()
        d.pop("mentions")
        return d

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
            "sector": self.sector, "title": self.title, "acled_name": self.acled_name,
            "acled_inter": self.acled_inter, "members": list(self.members),
            "mentions": [m.to_dict() for m in self.mentions], "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        return cls(
            id=d["id"], name=d["name"], kind=d.get("kind", "unknown"),
            country=d.get("country"), sector=d.get("sector"), title=d.get("title"),
            acled_name=d.get("acled_name"), acled_inter=d.get("acled_inter"),
            members=list(d.get("members") or []),
            mentions=[Span.from_dict(m) for m in d.get("mentions") or []],
            reason=d.get("reason"),
        )


@dataclass
class AcledType:
    disorder_type: Optional[str] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None


@dataclass
class PloverType:
    type: Optional[str] = None
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)


@dataclass
class EventDate:
    start: Optional[str] = None
    end: Optional[str] = None
    precision: Optional[str] = None
    text: Optional[str] = None
    span: Optional[Span] = None
    reason: Optional[str] = None


@dataclass
class Location:
    name: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    precision: Optional[int] = None
    text: Optional[str] = None
    span: Optional[Span] = None
    reason: Optional[str] = None


@dataclass
class Fatalities:
    count: int
    qualifier: str = "exact"
    of: list[Actor] = field(default_factory=list)
    text: Optional[str] = None
    span: Optional[Span] = None
    reason: Optional[str] = None


def _plain(obj: Any) -> Any:
    """Dataclass -> JSON-ready value, with embedded actors as references."""
    if isinstance(obj, Actor):
        return obj.ref()
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    return obj


@dataclass
class Event:
    id: str
    trigger: Span
    sentence: Span
    acled: AcledType = field(default_factory=AcledType)
    plover: PloverType = field(default_factory=PloverType)
    cameo: Optional[str] = None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    date: EventDate = field(default_factory=EventDate)
    location: Location = field(default_factory=Location)
    fatalities: Optional[Fatalities] = None
    status: str = "asserted"
    reported_by: list[Actor] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    confidence: float = 0.5
    reason: Optional[str] = None

    def to_dict(self) -> dict:
        return _plain(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        actors = lambda xs: [Actor.from_dict(a) for a in xs or []]  # noqa: E731
        fat = d.get("fatalities")
        loc = dict(d.get("location") or {})
        loc["span"] = Span.from_dict(loc.get("span"))
        date = dict(d.get("date") or {})
        date["span"] = Span.from_dict(date.get("span"))
        return cls(
            id=d["id"], trigger=Span.from_dict(d["trigger"]), sentence=Span.from_dict(d["sentence"]),
            acled=AcledType(**(d.get("acled") or {})), plover=PloverType(**(d.get("plover") or {})),
            cameo=d.get("cameo"), actors=actors(d.get("actors")), recipients=actors(d.get("recipients")),
            date=EventDate(**date), location=Location(**loc),
            fatalities=None if fat is None else Fatalities(
                count=fat["count"], qualifier=fat.get("qualifier", "exact"), of=actors(fat.get("of")),
                text=fat.get("text"), span=Span.from_dict(fat.get("span")), reason=fat.get("reason")),
            status=d.get("status", "asserted"), reported_by=actors(d.get("reported_by")),
            claim_ids=list(d.get("claim_ids") or []), confidence=d.get("confidence", 0.5),
            reason=d.get("reason"),
        )


@dataclass
class Claim:
    id: str
    speaker: Optional[Actor]
    verb: str
    stance: str
    text: Span
    event_ids: list[str] = field(default_factory=list)
    contested_by: list[str] = field(default_factory=list)
    cue: Optional[Span] = None
    sentence: Optional[Span] = None  # the sentence holding the reporting construction
    reason: Optional[str] = None

    def to_dict(self) -> dict:
        return _plain(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Claim":
        sp = d.get("speaker")
        return cls(
            id=d["id"], speaker=None if sp is None else Actor.from_dict(sp), verb=d["verb"],
            stance=d["stance"], text=Span.from_dict(d["text"]), event_ids=list(d.get("event_ids") or []),
            contested_by=list(d.get("contested_by") or []), cue=Span.from_dict(d.get("cue")),
            sentence=Span.from_dict(d.get("sentence")), reason=d.get("reason"),
        )


@dataclass
class Relation:
    id: str
    type: str
    source: Actor
    target: Actor
    text: Span
    since: Optional[str] = None
    until: Optional[str] = None
    reason: Optional[str] = None

    def to_dict(self) -> dict:
        return _plain(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Relation":
        return cls(
            id=d["id"], type=d["type"], source=Actor.from_dict(d["source"]),
            target=Actor.from_dict(d["target"]), text=Span.from_dict(d["text"]),
            since=d.get("since"), until=d.get("until"), reason=d.get("reason"),
        )


@dataclass
class Result:
    document: Document
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "document": self.document.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "relations": [r.to_dict() for r in self.relations],
        }

    def to_json(self, indent: Optional[int] = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict) -> "Result":
        return cls(
            document=Document.from_dict(d["document"]),
            actors=[Actor.from_dict(a) for a in d.get("actors") or []],
            events=[Event.from_dict(e) for e in d.get("events") or []],
            claims=[Claim.from_dict(c) for c in d.get("claims") or []],
            relations=[Relation.from_dict(r) for r in d.get("relations") or []],
        )

    @classmethod
    def from_json(cls, s: str) -> "Result":
        return cls.from_dict(json.loads(s))
