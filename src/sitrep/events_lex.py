"""The events stage's data: frames, triggers and cue words (data/event_*.tsv), and one
phrase index that finds them in a spaCy Doc by lemma or lower-cased word."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from .errors import Errors, SitrepError
from .lexicon import load_table, split

HEDGES = {"suspect", "suspected", "alleged", "presumed"}
DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}


@dataclass(frozen=True)
class Frame:
    name: str
    kind: str  # violent | outcome | protest | plain
    event_type: Optional[str]
    sub_event_type: Optional[str]
    plover_type: Optional[str]
    plover_mode: Optional[str]
    cameo: Optional[str]
    context: Optional[str] = None


@dataclass(frozen=True)
class Hit:
    """One lexicon phrase found in a Doc: tokens [start, end) and what it names."""
    start: int
    end: int
    value: str           # frame name (triggers) or cue name (cues)
    mode: Optional[str] = None

    def head(self, doc: Doc) -> Token:
        span = doc[self.start:self.end]
        return span.root


def _keys(tok: Token) -> tuple[str, ...]:
    low = tok.text.lower()
    if tok.tag_ == "NNPS" and low.endswith("s"):  # capitalised plurals keep their form as lemma
        return tok.lemma_.lower(), low, low[:-1]
    return tok.lemma_.lower(), low


class PhraseIndex:
    """Phrases of lemmas/words -> values; finds the longest match at each token."""

    def __init__(self, rows: Iterable[tuple[tuple[str, ...], frozenset, str, Optional[str]]]):
        self.by_first: dict[str, list] = {}
        for words, pos, value, mode in rows:
            self.by_first.setdefault(words[0], []).append((words, pos, value, mode))
        for v in self.by_first.values():
            v.sort(key=lambda r: -len(r[0]))

    def match_at(self, doc: Doc, i: int, stop: Optional[int] = None) -> list[Hit]:
        stop = len(doc) if stop is None else stop
        tok = doc[i]
        out: list[Hit] = []
        best = 0
        for key in dict.fromkeys(_keys(tok)):
            for words, pos, value, mode in self.by_first.get(key, ()):
                n = len(words)
                if n < best or i + n > stop:
                    continue
                tag = "NOUN" if tok.pos_ == "PROPN" else tok.pos_  # headlines capitalise nouns
                if pos and "ANY" not in pos and tag not in pos:
                    continue
                if all(words[k] in _keys(doc[i + k]) for k in range(1, n)):
                    if n > best:
                        out, best = [], n
                    out.append(Hit(i, i + n, value, mode))
        return out

    def find(self, doc: Doc, start: int = 0, end: Optional[int] = None) -> list[Hit]:
        end = len(doc) if end is None else end
        hits, i = [], start
        while i < end:
            found = self.match_at(doc, i, end)
            if found:
                hits.extend(found)
                i = found[0].end
            else:
                i += 1
        return hits


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in phrase.lower().split() if w)


@lru_cache(maxsize=1)
def frames() -> dict[str, Frame]:
    table = load_table("event_frames.tsv", required=["frame", "kind", "plover_type", "cameo"])
    return {r["frame"]: Frame(r["frame"], r["kind"], r.get("event_type"), r.get("sub_event_type"),
                              r.get("plover_type"), r.get("plover_mode"), r.get("cameo"), r.get("context"))
            for r in table}


@lru_cache(maxsize=1)
def triggers() -> PhraseIndex:
    known = frames()
    rows = []
    for r in load_table("event_triggers.tsv", required=["phrase", "pos", "frame"]):
        if r["frame"] not in known:
            raise SitrepError(Errors.E160, frame=r["frame"], phrase=r["phrase"])
        rows.append((_words(r["phrase"]), frozenset(split(r["pos"])), r["frame"], r.get("mode")))
    return PhraseIndex(rows)


@lru_cache(maxsize=1)
def cues() -> PhraseIndex:
    rows = [(_words(r["term"]), frozenset(), r["cue"], None)
            for r in load_table("event_cues.tsv", required=["term", "cue"])]
    return PhraseIndex(rows)


def cue_set(doc: Doc, tokens: Iterable[int]) -> dict[str, list[int]]:
    """Cue name -> token indices where it starts, over the given token indices."""
    idx = cues()
    allowed = set(tokens)
    out: dict[str, list[int]] = {}
    covered: set[int] = set()  # "water cannon" is not also a "cannon"
    for i in sorted(allowed):
        if i in covered:
            continue
        hits = idx.match_at(doc, i)
        if hits and hits[0].end - hits[0].start > 1:
            covered.update(range(hits[0].start + 1, hits[0].end))
        for hit in hits:
            if not all(j in allowed for j in range(hit.start, hit.end)):
                continue
            if doc[i].pos_ == "PRON":  # "mine" the pronoun
                continue
            if hit.end - hit.start == 1 and doc[i].dep_ == "amod" and doc[i].lemma_.lower() in HEDGES:
                continue  # "suspected militants": a hedge on the noun, not a suspect
            out.setdefault(hit.value, []).append(i)
    return out
