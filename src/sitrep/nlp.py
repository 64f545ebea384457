"""The NLP stage: load the configured spaCy pipeline once, with sitrep's entity ruler.

The ruler sits before ``ner`` and is built from sitrep's own data files (countries,
demonyms, capitals, international organisations). Entities it finds are fixed before
the statistical NER runs, which then fills the gaps around them. After ``ner`` a small
component propagates surnames: a bare "Pashinyan" after "Nikol Pashinyan" becomes PERSON,
and another makes gazetteer place names in a place slot GPE ("in Al Hudaydah", "(Mudiyah,
Abyan)", "Mandera county"), whatever NER labelled them; a last one gives a place's other mentions in
the text the same reading ("in Raqqah" ... "to isolate Raqqah"). Before the parser, a guard forbids
sentence breaks after a token that cannot end a sentence on the same line ("... Forces | [KDF]
near X").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .errors import Errors, SitrepError
from .geo import ARABIC_ARTICLES, admin_words, titled
from .settings import Settings


def ruler_patterns(user_actors: Optional[Path] = None) -> list[dict]:
    """Entity-ruler patterns from the actor data files (and the user's actor file)."""
    from .knowledge import knowledge

    return knowledge(user_actors).ruler_patterns()


SENTENCE_ENDS = frozenset(".!?;:\u2026")  # a token ending in one of these may close a sentence
CLOSING_MARKS = frozenset("\"')]\u201d\u2019")  # ... and a quote or bracket right after it


def _may_end(tok) -> bool:
    if tok.text.isspace() or "\n" in tok.whitespace_ or tok.text[-1] in SENTENCE_ENDS:
        return True
    return tok.text in CLOSING_MARKS and tok.i > 0 and _may_end(tok.doc[tok.i - 1])


@Language.component("sitrep_sentences", assigns=["token.is_sent_start"])
def no_midline_breaks(doc: Doc) -> Doc:
    """Forbid a sentence break after a token that cannot end a sentence, on the same line: the
    small parser splits "shelled by the border guards | [BG] outside the town of X" and "a
    soldier died | [coder's note: toll shared by three events]", cutting an event off from
    its place or toll. Sits before the parser, which keeps these marks; a line break, or a
    closing mark ("." "?" ":", and a quote or bracket after one), leaves the parser free to split."""
    for tok in doc[1:]:
        if not _may_end(doc[tok.i - 1]):
            tok.is_sent_start = False
    return doc


@Language.component("sitrep_surnames", requires=["doc.ents"], assigns=["doc.ents"])
def propagate_surnames(doc: Doc) -> Doc:
    """Label later bare surnames (and given+surname repeats) of a PERSON as PERSON."""
    surnames: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].is_title:
            surnames[ent[-1].text] = ent.text
    if not surnames:
        return doc
    ents = list(doc.ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    for tok in doc:
        if tok.text in surnames and tok.i not in taken:
            ents.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    # a surname that NER labelled as something else (e.g. ORG, GPE) is the person too
    fixed = []
    for e in ents:
        if len(e) == 1 and e.text in surnames and e.label_ not in ("PERSON",):
            fixed.append(Span(doc, e.start, e.end, label="PERSON"))
        else:
            fixed.append(e)
    doc.ents = filter_spans(fixed)
    return doc


PLACE_PREPS = {"in", "near", "at", "outside", "around", "from", "across", "toward", "towards", "between", "into",
               "of", "to", "inside"}
NEAR_PREPS = {"in", "near", "at", "outside", "around", "inside"}  # a name after these is where something happened
NOT_PLACES = {"western", "eastern", "northern", "southern", "central", "north", "south", "east", "west", "coast",
              "upper", "lower", "new", "city"}
KEEP_LABELS = {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
PLACE_NOUNS = frozenset({"town", "village", "city", "area", "sub-county", "camp", "neighbourhood", "neighborhood", "locality",
               "settlement", "municipality", "commune"})
NAME_JOINERS = {"-", "'", "’", "de", "do", "da", "del", "dos", "das", "a", "al", "el", "la", "y"}


def _primary_name(gaz, span: Span) -> bool:
    """Whether ``span`` is a primary gazetteer name, or one written without its Arabic article: "al" or
    "el" ("Hasakah" for "Al Hasakah"), or the article assimilated to the name's first letter ("Raqqah"
    for "Ar Raqqah"). A name without its article must end the name written: "Tall Refaat" is not "At
    Tall" and a word."""
    name = span.text
    if gaz.known(name, primary=True):
        return True
    if span.end < len(span.doc) and titled(span.doc[span.end].text):
        return False
    low = name.lower()
    articles = [a for a in ARABIC_ARTICLES if a in ("al", "el") or low.startswith(a[1:])]
    return any(gaz.known(f"{a} {name}", primary=True) for a in articles)


def _place_name_end(doc: Doc, i: int, gaz) -> Optional[int]:
    """End of the longest gazetteer place name starting at token i (up to 5 tokens); a name
    after a lower-case Arabic article and a hyphen ("al-Hasakeh") by any of its names."""
    if doc[i].lower_ in ARABIC_ARTICLES and i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ \
            and not doc[i + 1].whitespace_ and titled(doc[i + 2].text):
        end = i + 3
        return end if gaz.known(doc[i:end].text) else None
    if not titled(doc[i].text):
        return None
    # "Lower" alone is no place, "Lower Juba" is; nor is an Arabic article ("Al" before "Huwayjah")
    generic = doc[i].text.lower() in NOT_PLACES or doc[i].text.lower() in ARABIC_ARTICLES
    best = None
    for j in range(i + 1, min(i + 6, len(doc) + 1)):
        last = doc[j - 1]
        if j - 1 > i and not (titled(last.text) or last.text.lower() in NAME_JOINERS):
            break
        if titled(last.text) and _primary_name(gaz, doc[i:j]) and not (generic and j == i + 1):
            best = j
    return best or _article_name_end(doc, i)


def _article_name_end(doc: Doc, i: int) -> Optional[int]:
    """End of a name the gazetteer lacks that opens with a written-out Arabic article, right after a
    preposition of place ("near Al Huwayjah", "in El Wak"): the article and the titled words after it."""
    if not (doc[i].text in ("Al", "El") and i and doc[i - 1].lower_ in NEAR_PREPS):
        return None
    j = i + 1
    while j < min(i + 4, len(doc)) and titled(doc[j].text) and not common_word(doc[j]):
        j += 1
    return j if j > i + 1 else None


DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
LOOSE_LABELS = {"WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE"}  # "(Hidaybu, Suqutra)" as a title
HOLIDAYS = frozenset({"ramadan", "eid", "christmas", "easter"})  # feasts that date an event ("in Christmas attack")
DATE_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "today", "yesterday", "tomorrow",
              "morning", "evening", "night", "ago", "last", "next", "since", "weekend", "hours", "decade"}


def _dateless(ent) -> bool:
    """A DATE or TIME entity with no word of time in it ("the region of Dahuk" tagged DATE): a name."""
    return ent.label_ in ("DATE", "TIME") and not any(
        t.like_num or t.lower_ in DAY_WORDS or t.lower_ in DATE_WORDS or t.lower_ in HOLIDAYS for t in ent)


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset:
    """Words that say the name before them is a place: admin words ("county") and PLACE_NOUNS."""
    return admin_words() | PLACE_NOUNS


def _leading_prep(ent, start: int) -> bool:
    """An entity that holds, before a place name at ``start``, only a capitalised locative preposition
    opening a sentence ("Near Palmyra" tagged PERSON): the preposition is no part of the name."""
    return ent.start == start - 1 and ent[0].is_sent_start and ent[0].lower_ in PLACE_PREPS


def _place_context(doc: Doc, start: int, end: int, placed: set[int]) -> bool:
    """In a place slot: after a locative preposition, inside the place parentheses of a
    note ("(Mudiyah, Abyan)"), before an admin word ("Nyeri county"), after "district,", or
    joined by "," or "and" to a place just before."""
    prev = doc[start - 1] if start else None
    nxt = doc[end] if end < len(doc) else None
    if prev is not None and prev.text.lower() in PLACE_PREPS:
        return True
    nouns = _place_nouns()
    if nxt is not None and nxt.text.lower() in nouns:
        return True
    if prev is not None and prev.text in ("(", ",", "and") and start >= 2:
        before = doc[start - 2]
        if prev.text == "," and before.text.lower() in nouns and before.text.lower() not in PLACE_NOUNS:
            return True  # "in Puli Hisar district, Baghlan": the district's region follows
        if before.i in placed or before.ent_type_ in ("GPE", "LOC") or prev.text == "(":
            if prev.text != "(" or (before.ent_type_ in ("GPE", "LOC", "FAC") or before.i in placed
                                    or before.text.lower() in nouns or before.is_title):
                return True
    return False


@Language.component("sitrep_places", requires=["doc.ents"], assigns=["doc.ents"])
def place_names(doc: Doc) -> Doc:
    """Gazetteer place names in a place slot are GPE, whatever NER made of them ("in Al
    Hudaydah" tagged PERSON, "(Mudiyah, Abyan)" missed, "Mandera county" tagged ORG). Names
    of actors the knowledge files hold (countries, groups, office holders) are left alone."""
    from .geo import gazetteer
    from .knowledge import knowledge

    gaz, kb = gazetteer(), knowledge()
    ents = list(doc.ents)
    by_tok = {i: e for e in ents for i in range(e.start, e.end)}
    placed: set[int] = set()
    changed = False

    def covering(start: int, stop: int) -> dict:
        return {id(by_tok[k]): by_tok[k] for k in range(start, stop) if k in by_tok}

    i = 0
    while i < len(doc):
        end = _place_name_end(doc, i, gaz)
        if end is None:
            i += 1
            continue
        if end < len(doc) and doc[end].lower_ in admin_words() and end in by_tok and by_tok[end].end == end + 1 \
                and by_tok[end].label_ not in KEEP_LABELS:
            end += 1  # "Rakhine State" tagged PERSON: the region with its admin word
        span = doc[i:end]
        over = covering(i, end)
        # "Moyale Monday" tagged DATE: the town, then the day
        dated = [e for e in over.values() if e.label_ in ("DATE", "TIME") and e.start == i and e.end > end
                 and doc[end].lower_ in DAY_WORDS][:1]
        # "Rafah (Rafah, North Sinai" tagged WORK_OF_ART: no entity spans a note's parentheses
        broken = [e for e in over.values() if e.label_ not in KEEP_LABELS and
                  ("(" in e.text or e.label_ in LOOSE_LABELS and "," in e.text)]
        if dated or broken:
            gone = {id(e) for e in dated + broken}
            ents = [e for e in ents if id(e) not in gone] + [Span(doc, end, e.end, label=e.label_) for e in dated]
            by_tok = {k: e for k, e in by_tok.items() if id(e) not in gone}
            over = covering(i, end)
            changed = True
        fits = all((e.start >= i or _leading_prep(e, i)) and e.end <= end for e in over.values())
        places = [e for e in over.values() if e.label_ in ("GPE", "LOC")]
        # "Baja | California" split by NER, "Ivano" cut from "Ivano-Frankivsk": the longer known name
        merges = bool(places) and len(places) == len(over) and \
            (len(places) > 1 or (places[0].start, places[0].end) != (i, end))
        held = any(e.label_ in KEEP_LABELS and not _dateless(e) for e in over.values()) and not merges \
            or kb.group_for(span.text) or kb.igo_for(span.text) \
            or kb.country_for(span.text) or kb.role_for(span.text, "9999-12-31")
        if fits and not held and (merges or _place_context(doc, i, end, placed)):
            ents = [e for e in ents if id(e) not in over] + [Span(doc, i, end, label="GPE")]
            placed.update(range(i, end))
            changed = True
        elif over and any(e.label_ in ("GPE", "LOC") for e in over.values()):
            placed.update(range(i, end))
        i = end
    if changed:
        doc.ents = filter_spans(ents)
    return doc


REPEAT_LABELS = {"PERSON", "ORG"} | LOOSE_LABELS  # not NORP: a place's name is often its people's ("Turkana raiders")


def _repeat_spans(doc: Doc, names: set[str], taken: set[int]) -> list[Span]:
    """Mentions of ``names`` no entity covers, longest first: titled, and a lone word not a common one."""
    longest = max(len(n.split()) for n in names)
    out, i = [], 0
    while i < len(doc):
        for j in range(min(i + longest, len(doc)), i, -1):
            span = doc[i:j]
            if span.text in names and titled(span[0].text) and not taken & set(range(i, j)) \
                    and not (j == i + 1 and common_word(span[0])):
                out.append(Span(doc, i, j, label="GPE"))
                i = j - 1
                break
        i += 1
    return out


@Language.component("sitrep_place_repeats", requires=["doc.ents"], assigns=["doc.ents"])
def repeat_places(doc: Doc) -> Doc:
    """One sense per document: a gazetteer place name that stands as GPE or LOC somewhere in the text is
    the place at its other mentions too, where NER took it for a person or an organisation or missed it
    ("in Raqqah" ... "to isolate Raqqah"). A mention NER labelled NORP keeps its label, and so does a name
    borne by a person named in full ("Dayton" after "Spc. John Dayton" and "Dayton, Ohio")."""
    from .geo import gazetteer

    gaz = gazetteer()
    people = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    names = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC") and gaz.known(e.text)
             and not people & {t.text for t in e}}
    if not names:
        return doc
    ents = [Span(doc, e.start, e.end, label="GPE") if e.label_ in REPEAT_LABELS and e.text in names else e
            for e in doc.ents]
    taken = {i for e in ents for i in range(e.start, e.end)}
    doc.ents = filter_spans(ents + _repeat_spans(doc, names, taken))
    return doc


class _SlashSuffix:
    """The tokenizer's suffix search, which also splits a slash written right after a word ("houses were
    razed/ 1 was killed") and a numbered reference mark copied with a web page's text ("Assad,[1]"); a
    token with other slashes or dots (a date, a URL) is left to the default."""

    SLASH = re.compile(r"/$")
    REFERENCE = re.compile(r"(?<=\S\[)\d{1,3}$|(?<=\S)\[$")   # "Assad,[1" once "]" is split off

    def __init__(self, default):
        self.default = default

    def __call__(self, text: str):
        if len(text) > 2 and text.endswith("/") and text[:-1].isalpha():
            return self.SLASH.search(text)
        return self.REFERENCE.search(text) or self.default(text)


class _BracketInfix:
    """The tokenizer's infix search, which also splits an opening bracket written between a word and a
    capitalised word ("Qanbar(Arabic: ...)", "the border(Batken ..."): a gloss or an aside, not part of
    the word before it. Brackets inside a name or an abbreviation ("CPI(M)", "D(r)own") stay."""

    OPEN = re.compile(r"(?<=[a-z])\((?=[A-Z][a-z])")

    def __init__(self, default):
        self.default = default

    def __call__(self, text: str):
        return sorted([*self.default(text), *self.OPEN.finditer(text)], key=lambda m: m.start())


COMMON_WORDS = "sitrep_common_words"  # a table of the vocab's lookups: the English words the lemmatizer lists


def _list_common_words(nlp: Language) -> None:
    """Put the words the pipeline's lemmatizer lists (its lemma index: the common nouns, verbs, adjectives and
    adverbs of English) into a table of the vocab's lookups, for ``common_word``. A pipeline with no such
    lemmatizer gets no table."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index") or nlp.vocab.lookups.has_table(COMMON_WORDS):
        return
    words = {w for listed in lookups.get_table("lemma_index").values() for w in listed}
    nlp.vocab.lookups.add_table(COMMON_WORDS, dict.fromkeys(words, True))


def common_word(tok) -> bool:
    """Whether the lemmatizer's index lists ``tok`` in lower case as an English word ("Police", "Tea" written
    at a sentence's start); False where the pipeline has no such list."""
    lookups = tok.vocab.lookups
    return lookups.has_table(COMMON_WORDS) and tok.lower_ in lookups.get_table(COMMON_WORDS)


@lru_cache(maxsize=4)
def _load(model: str, user_actors: Optional[Path] = None) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError:
        raise SitrepError(Errors.E101, name=model) from None
    nlp.tokenizer.suffix_search = _SlashSuffix(nlp.tokenizer.suffix_search)
    nlp.tokenizer.infix_finditer = _BracketInfix(nlp.tokenizer.infix_finditer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_sentences", before="parser")
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="sitrep_ruler", before="ner",
                             config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(ruler_patterns(user_actors))
        nlp.add_pipe("sitrep_surnames", after="ner")
        nlp.add_pipe("sitrep_places", after="sitrep_surnames")
        nlp.add_pipe("sitrep_place_repeats", after="sitrep_places")
    _list_common_words(nlp)
    return nlp


def load(settings: Settings) -> Language:
    """The spaCy pipeline named in settings, loaded once per process."""
    return _load(settings.model, settings.user_actors)
