"""The NLP stage: load the configured spaCy pipeline once, with sitrep's entity ruler.

The ruler sits before ``ner`` and is built from sitrep's own data files (countries,
demonyms, capitals, international organisations). Entities it finds are fixed before
the statistical NER runs, which then fills the gaps around them. After ``ner`` a small
component propagates surnames: a bare "Pashinyan" after "Nikol Pashinyan" becomes PERSON.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .errors import Errors, SitrepError
from .settings import Settings


def ruler_patterns(user_actors: Optional[Path] = None) -> list[dict]:
    """Entity-ruler patterns from the actor data files (and the user's actor file)."""
    from .knowledge import knowledge

    return knowledge(user_actors).ruler_patterns()


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


@lru_cache(maxsize=4)
def _load(model: str, user_actors: Optional[Path] = None) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError:
        raise SitrepError(Errors.E101, name=model) from None
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="sitrep_ruler", before="ner",
                             config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(ruler_patterns(user_actors))
        nlp.add_pipe("sitrep_surnames", after="ner")
    return nlp


def load(settings: Settings) -> Language:
    """The spaCy pipeline named in settings, loaded once per process."""
    return _load(settings.model, settings.user_actors)
