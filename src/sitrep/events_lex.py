"""The events stage's data: frames, triggers and cue words (data/event_*.tsv), and one
phrase index that finds them in a spaCy Doc by lemma or lower-cased word."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from .errors import Errors, SitrepError
from .knowledge import slips
from .lexicon import load_table, split
from .nlp import COMMON_WORDS

DYING = {"die", "succumb", "perish"}   # verbs of dying: their subject is the dead

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


SLIP_MIN = 6    # letters of a lexicon word that a typing slip of it is read as it


def _inflections(word: str) -> set[str]:
    """The regular forms of an English verb or noun lemma: 'attack' -> attacks, attacked,
    attacking; 'demonstrate' -> demonstrated; 'rally' -> rallied; 'ambush' -> ambushes."""
    out = {word, word + "s", word + "ed", word + "ing", word + "es"}
    if word.endswith("e"):
        out |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        out |= {word[:-1] + "ied", word[:-1] + "ies"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}   # 'rebel' -> rebelled
    return out


def _unknown(tok: Token) -> bool:
    """A lower-case word that neither its form nor its lemma is in the lemmatizer's list of
    English words (nlp.COMMON_WORDS): a typing slip or a word the pipeline does not know.
    With no such list (another pipeline) no word is unknown."""
    lookups = tok.vocab.lookups
    if not lookups.has_table(COMMON_WORDS) or not tok.text.isalpha() or not tok.text.islower():
        return False
    known = lookups.get_table(COMMON_WORDS)
    return tok.lower_ not in known and tok.lemma_.lower() not in known


SLOT = "*"      # in a phrase: the act's object between its words ("set * on fire")
MAX_SLOT = 6    # tokens a slot may hold


class PhraseIndex:
    """Phrases of lemmas/words -> values; finds the longest match at each token. A phrase
    may hold one slot, ``*``: one to MAX_SLOT tokens, the object between the phrase's
    words ("set the market office on fire"; see ``_object``). A phrase's first word is also
    found misspelt by one typing slip (``slip``)."""

    def __init__(self, rows: Iterable[tuple[tuple[str, ...], frozenset, str, Optional[str]]]):
        self.by_first: dict[str, list] = {}
        for words, pos, value, mode in rows:
            self.by_first.setdefault(words[0], []).append((words, pos, value, mode))
        for v in self.by_first.values():
            v.sort(key=lambda r: -len(r[0]))
        self.forms: dict[str, set[str]] = {}   # regular forms of the phrases' long first words -> those words
        for word in self.by_first:
            if len(word) >= SLIP_MIN and word.isalpha():
                for form in _inflections(word):
                    self.forms.setdefault(form, set()).add(word)

    def slip(self, tok: Token) -> Optional[str]:
        """The lexicon word an unknown word (``_unknown``) is one typing slip away from
        (knowledge.slips: a letter dropped, added or swapped with its neighbour, the edges
        kept), in any of its regular forms ("attakced" -> attack, "protestd" -> protest,
        "violecne" -> violence), when exactly one lexicon word of SLIP_MIN letters or more is
        that near."""
        if len(tok.text) < SLIP_MIN - 1 or not _unknown(tok):
            return None
        near = {w for s in slips(tok.lower_) for w in self.forms.get(s, ())}
        return near.pop() if len(near) == 1 else None

    def keys(self, tok: Token) -> tuple[str, ...]:
        """The lexicon keys of a token: its lemma and lower-case form, or, where neither is a
        key, the word it is a slip of (``slip``)."""
        keys = _keys(tok)
        if not any(k in self.by_first for k in keys):
            fixed = self.slip(tok)
            return keys + (fixed,) if fixed else keys
        return keys

    def single(self, word: str) -> list[tuple[frozenset, str]]:
        """(POS, value) of the one-word phrases ``word`` (a lemma or lower-case word) is."""
        return [(pos, value) for words, pos, value, _ in self.by_first.get(word, ()) if len(words) == 1]

    def match_at(self, doc: Doc, i: int, stop: Optional[int] = None) -> list[Hit]:
        stop = len(doc) if stop is None else stop
        tok = doc[i]
        out: list[Hit] = []
        best = 0
        for key in dict.fromkeys(self.keys(tok)):
            for words, pos, value, mode in self.by_first.get(key, ()):
                if i + len(words) > stop:
                    continue
                tag = "NOUN" if tok.pos_ == "PROPN" else tok.pos_  # headlines capitalise nouns
                if pos and "ANY" not in pos and tag not in pos:
                    continue
                end = _rest(doc, tok, words[1:], i + 1, stop)
                if end is None or end - i < best:
                    continue
                if end - i > best:
                    out, best = [], end - i
                out.append(Hit(i, end, value, mode))
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


def _rest(doc: Doc, first: Token, words: tuple[str, ...], j: int, stop: int) -> Optional[int]:
    """End of the phrase's remaining words matched from token j, or None."""
    for k, word in enumerate(words):
        if word == SLOT:
            for n in range(1, MAX_SLOT + 1):
                if j + n > stop or _break(doc[j + n - 1]):
                    return None
                if not _object(doc, first, j, j + n, j + n + len(words) - k - 1):
                    continue
                end = _rest(doc, first, words[k + 1:], j + n, stop)
                if end is not None:
                    return end
            return None
        if j >= stop or word not in _keys(doc[j]):
            return None
        j += 1
    return j


def _break(tok: Token) -> bool:
    """Punctuation ends a slot's object, but not a hyphen inside a word ('al-Shabab', which
    the tokenizer splits in three)."""
    inside = tok.text == "-" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_
    return (tok.is_punct or tok.pos_ == "PUNCT") and not inside


CLAUSE_POS = {"VERB", "AUX", "SCONJ"}


def _object(doc: Doc, first: Token, start: int, end: int, phrase_end: int) -> bool:
    """Whether tokens [start, end) are the object between a phrase's words: each hangs from
    the phrase's first word, from another token of the stretch, or from the phrase's words
    after it (the parser makes 'thief' in 'set a thief alight' a compound of 'alight'), and
    none is a verb or a subordinator heading a clause, wherever it hangs ('gunmen driving a truck
    carried out an attack' holds no 'drive * out'); a participle describing a noun ('the burning
    car') is no clause."""
    for t in doc[start:end]:
        if t.pos_ in CLAUSE_POS and t.dep_ not in ("amod", "compound"):
            return False
        if start <= t.head.i < end:
            continue
        if not (t.head.i == first.i and t.pos_ not in CLAUSE_POS or end <= t.head.i < phrase_end):
            return False
    return True


def _words(phrase: str) -> tuple[str, ...]:
    words = tuple(w for w in phrase.lower().split() if w)
    if words.count(SLOT) > 1 or (words and SLOT in (words[0], words[-1])):
        raise SitrepError(Errors.E670, phrase=phrase)
    return words


@lru_cache(maxsize=1)
def frames() -> dict[str, Frame]:
    table = load_table("event_frames.tsv", required=["frame", "kind", "plover_type", "cameo"])
    return {r["frame"]: Frame(r["frame"], r["kind"], r.get("event_type"), r.get("sub_event_type"),
                              r.get("plover_type"), r.get("plover_mode"), r.get("cameo"), r.get("context"))
            for r in table}


@lru_cache(maxsize=1)
def harm_frames() -> frozenset[str]:
    """Frames that harm or seize a person (event_frames.tsv column ``harm``)."""
    return frozenset(r["frame"] for r in load_table("event_frames.tsv", required=["frame", "harm"]) if r.get("harm"))


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
    rows = [(_words(r["term"]), frozenset(split(r.get("pos"))), r["cue"], None)
            for r in load_table("event_cues.tsv", required=["term", "cue"])]
    return PhraseIndex(rows)


def _month_name(tok: Token) -> bool:
    """'March' the month: capitalised and tagged a date by the NER."""
    return tok.text == "March" and tok.ent_type_ == "DATE"


def _named_mine(tok: Token) -> bool:
    """'Mine' in the name of a mine, a place ('near Karbonit Mine', 'the area of Mine 4/5'):
    capitalised inside a sentence, in a name the NER tags, after another proper noun or before
    a number. A landmine is written in lower case."""
    doc = tok.doc
    if tok.text != "Mine" or tok.pos_ != "PROPN" or tok.is_sent_start:
        return False
    return bool(tok.ent_type_) or doc[tok.i - 1].pos_ == "PROPN" \
        or tok.i + 1 < len(doc) and doc[tok.i + 1].like_num


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
            if _month_name(doc[i]):   # "on 2 March": a date, no march
                continue
            if _named_mine(doc[i]):   # "near Karbonit Mine": a place, no landmine
                continue
            if hit.end - hit.start == 1 and doc[i].dep_ == "amod" and doc[i].lemma_.lower() in HEDGES:
                continue  # "suspected militants": a hedge on the noun, not a suspect
            out.setdefault(hit.value, []).append(i)
    return out
