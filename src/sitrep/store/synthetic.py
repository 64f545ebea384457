"""Build Result records by hand from compact descriptions, for tests and benchmarks that
exercise the store without running the model.

    report("wire-1", "Armenian and Azerbaijani forces clashed near Jermuk ...",
           published="2022-09-13",
           events=[dict(trigger="clashed", actors=[("Armenian forces", "state", "ARM", "MIL")],
                        recipients=[...], date="2022-09-13", place=("Jermuk", "ARM", 1, 39.84, 45.67),
                        type=("Political violence", "Battles", "Armed clash"), plover="ASSAULT",
                        fatalities=(49, "at_least"), status="asserted",
                        claim=(("Defense Ministry of Armenia", "state", "ARM", "GOV"), "said", "accuse"))])
"""
from __future__ import annotations

from typing import Optional

from ..records import (AcledType, Actor, Claim, Document, Event, EventDate, Fatalities, Location, PloverType,
                       Result, Span)


def _span(text: str, needle: Optional[str]) -> Span:
    if needle and needle in text:
        i = text.index(needle)
        return Span(needle, i, i + len(needle))
    return Span(text[:20], 0, min(20, len(text)))


def report(doc_id: str, text: str, *, published: Optional[str] = None, events: list[dict] = (),
           relations: list[tuple] = (), source: Optional[str] = None, title: Optional[str] = None) -> Result:
    """A Result whose actors, events, claims and relations are given compactly."""
    actors: dict[tuple, Actor] = {}

    def actor(spec) -> Actor:
        name, kind, country, sector = (tuple(spec) + (None, None, None))[:4]
        key = (name, kind, country)
        if key not in actors:
            actors[key] = Actor(id=f"a{len(actors) + 1}", name=name, kind=kind or "unknown", country=country,
                                sector=sector, mentions=[_span(text, name)] if name in text else [])
        return actors[key]

    result = Result(document=Document(id=doc_id, text=text, published=published, source=source, title=title,
                                      language="en"))
    for n, spec in enumerate(events, 1):
        disorder, etype, sub = (tuple(spec.get("type") or ()) + (None, None, None))[:3]
        place = tuple(spec.get("place") or ()) + (None,) * 7  # name, country, precision, lat, lon, admin1, geonameid
        date = spec.get("date", published)
        fat = spec.get("fatalities")
        sentence = spec.get("sentence") or text
        ev = Event(
            id=f"e{n}", trigger=_span(text, spec.get("trigger")), sentence=_span(text, sentence),
            acled=AcledType(disorder, etype, sub), plover=PloverType(spec.get("plover"), spec.get("mode")),
            cameo=spec.get("cameo"),
            actors=[actor(a) for a in spec.get("actors") or []],
            recipients=[actor(a) for a in spec.get("recipients") or []],
            date=EventDate(start=date, end=spec.get("date_end", date), precision=spec.get("precision", "day") if date
                           else None, text=date),
            location=Location(name=place[0], country=place[1], precision=place[2], lat=place[3], lon=place[4],
                              admin1=place[5], geonameid=place[6], text=place[0]) if place[0] or place[1] else Location(),
            fatalities=None if fat is None else Fatalities(count=fat[0], qualifier=fat[1] if len(fat) > 1 else "exact",
                                                           of=[actor(a) for a in (fat[2] if len(fat) > 2 else [])],
                                                           text=str(fat[0])),
            status=spec.get("status", "asserted"), confidence=spec.get("confidence", 0.8))
        claim_spec = spec.get("claim")
        if claim_spec:
            speaker, verb, stance = claim_spec
            who = actor(speaker)
            ev.reported_by = [who]
            if ev.status == "asserted":
                ev.status = "claimed" if stance != "deny" else "denied"
            cid = f"c{len(result.claims) + 1}"
            ev.claim_ids = [cid]
            result.claims.append(Claim(id=cid, speaker=who, verb=verb, stance=stance, text=_span(text, sentence),
                                       event_ids=[ev.id], cue=_span(text, verb)))
        result.events.append(ev)
    from ..records import Relation

    for n, (rtype, src, dst) in enumerate(relations, 1):
        result.relations.append(Relation(id=f"r{n}", type=rtype, source=actor(src), target=actor(dst),
                                         text=_span(text, None)))
    result.actors = list(actors.values())
    return result


_KEYWORDS = (("clash", ("Political violence", "Battles", "Armed clash"), "ASSAULT"),
             ("shell", ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
              "ASSAULT"),
             ("protest", ("Demonstrations", "Protests", "Peaceful protest"), "PROTEST"),
             ("ceasefire", ("Strategic developments", "Strategic developments", "Agreement"), "AGREE"))
_DEMONYMS = {"Armenian": "ARM", "Azerbaijani": "AZE", "Russian": "RUS", "Ukrainian": "UKR", "Sudanese": "SDN",
             "Kenyan": "KEN", "Syrian": "SYR", "Malian": "MLI"}
_TOWNS = {"Jermuk": ("ARM", 39.84, 45.67), "Goris": ("ARM", 39.51, 46.34), "Nairobi": ("KEN", -1.28, 36.82),
          "Mombasa": ("KEN", -4.05, 39.67), "Aleppo": ("SYR", 36.2, 37.16), "Gao": ("MLI", 16.27, -0.04)}


def keyword_coder(articles):
    """A deterministic stand-in for the model, for tests and benchmarks of the store and the
    batch path: each sentence with a keyword (clash, shell, protest, ceasefire) is an event,
    demonyms are the parties, a known town is the place, 'N ... killed' the toll."""
    import re

    from ..stages.ingest import content_hash

    for a in articles:
        text = a["text"]
        events = []
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            low = sentence.lower()
            for word, etype, plover in _KEYWORDS:
                if word in low:
                    parties = [(f"{d} forces", "state", iso, "MIL") for d, iso in _DEMONYMS.items() if d in sentence]
                    town = next((t for t in _TOWNS if t in sentence), None)
                    killed = re.search(r"(\d+) (?:\w+ ){0,2}(?:were )?killed", sentence)
                    events.append(dict(trigger=word, sentence=sentence, type=etype, plover=plover,
                                       actors=parties[:1], recipients=parties[1:],
                                       place=(town, *_TOWNS[town][:1], 1, *_TOWNS[town][1:]) if town else None,
                                       fatalities=(int(killed.group(1)), "exact") if killed else None))
                    break
        r = report(str(a.get("id")), text, published=a.get("published"), events=events, source=a.get("source"),
                   title=a.get("title"))
        r.document.url = a.get("url")
        r.document.content_hash = content_hash(text)
        yield r
