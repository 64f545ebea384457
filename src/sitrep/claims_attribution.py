"""Attribution: find reporting constructions in a parsed Doc.

Pure Doc logic (no actors, no events), so it runs on hand-built Docs. For each
construction it returns an ``Attribution``: the cue tokens, the verb, the stance the
cue alone implies, the token range of the reported content and the token that heads
the speaker phrase (or None when the report has no named source).

Constructions, each tried in turn:
- a reporting verb from data/reporting_verbs.tsv with its subject, passive agent or
  inherited subject ("X denied ... and said ...", "X told lawmakers, saying ...");
- inverted order ("..., X said"), quotes in the sentence, and a quote sentence before a
  bare "X said.";
- "according to X" and the other source phrases of data/claim_cues.tsv;
- unattributed reports: participles ("reported strikes"), "reportedly", "it was reported";
- a quote sentence with no attribution that continues the previous quoted speaker.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from .errors import Errors, SitrepError
from .lexicon import load_table, split
from .records import STANCES

QUOTES_OPEN = {"“", "‘", '"', "``", "«"}
QUOTES_CLOSE = {"”", "»"}
QUOTES = QUOTES_OPEN | {"”", "’", "''", "»"}
RELATIVE = {"who", "which", "that", "whom"}
CONTENT_DEPS = {"ccomp", "xcomp"}
TRIM_START = {"that", "whether", "if"}


@dataclass
class Attribution:
    verb: str                        # lemma or cue phrase: "say", "according to", "reportedly"
    stance: str                      # the stance the cue alone implies
    cue: Optional[tuple[int, int]]   # token range [start, end) of the cue
    content: tuple[int, int]         # token range [start, end) of the reported content
    speaker: Optional[int] = None    # token heading the speaker phrase; None: no named source
    how: str = "subject"             # subject | agent | inherited | relative | source | unattributed | continued
    antecedent: Optional[int] = None  # noun a reporting relative clause modifies ("a truce that X said ...")
    quoted: bool = False
    setting: Optional[str] = None    # "in a statement", "at a meeting ..."
    reason: str = ""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict           # lemma -> row
    cues: dict            # kind -> {cue: row}

    def kind(self, kind: str) -> dict:
        return self.cues.get(kind, {})


@lru_cache(maxsize=4)
def lexicon(verbs_path: str = "reporting_verbs.tsv", cues_path: str = "claim_cues.tsv") -> Lexicon:
    """The reporting verbs and claim cues (paths relative to sitrep/data unless absolute)."""
    verbs = {}
    table = load_table(verbs_path, required=["lemma", "stance", "content_preps", "requires",
                                             "object_is_content"])
    for row in table:
        if row["stance"] not in STANCES:
            raise SitrepError(Errors.E180, path=table.path, cue=row["lemma"], stance=row["stance"])
        verbs[row["lemma"]] = dict(row, content_preps=set(split(row["content_preps"])),
                                   requires=set(split(row["requires"])))
    cues: dict[str, dict] = {}
    table = load_table(cues_path, required=["cue", "kind", "stance"])
    for row in table:
        if row["kind"] == "content_stance" and row["stance"] not in STANCES:
            raise SitrepError(Errors.E180, path=table.path, cue=row["cue"], stance=row["stance"])
        cues.setdefault(row["kind"], {})[row["cue"]] = row
    return Lexicon(verbs=verbs, cues=cues)


# ---------------------------------------------------------------- helpers

def _trim(doc: Doc, start: int, end: int) -> Optional[tuple[int, int]]:
    """Drop punctuation, spaces and complementisers at the edges of a token range."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in TRIM_START
                           and doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end > start and _unclosed_quote(doc, start, end):
        close = next((i for i in range(end, min(end + 3, len(doc))) if doc[i].text in QUOTES_CLOSE), None)
        end = close + 1 if close is not None else end   # keep a quote whole: “... provocation.”
    return (start, end) if end > start else None


def _unclosed_quote(doc: Doc, start: int, end: int) -> bool:
    opened = sum(doc[i].text in ("“", "«") for i in range(start, end))
    closed = sum(doc[i].text in ("”", "»") for i in range(start, end))
    return opened > closed


def _range(tokens) -> Optional[tuple[int, int]]:
    idx = [t.i for t in tokens]
    return (min(idx), max(idx) + 1) if idx else None


def _is_quoted(doc: Doc, rng: tuple[int, int]) -> bool:
    lo, hi = max(rng[0] - 2, 0), min(rng[1] + 2, len(doc))
    return any(doc[i].text in QUOTES for i in range(lo, hi))


def _quote_segments(sent) -> list[tuple[int, int]]:
    """Token ranges between paired quote marks in a sentence."""
    out, open_at = [], None
    for t in sent:
        if t.text in QUOTES_OPEN and open_at is None:
            open_at = t.i
        elif t.text in QUOTES and open_at is not None and t.i > open_at + 1:
            out.append((open_at + 1, t.i))
            open_at = None
    return out


def _starts_with_quote(sent) -> bool:
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and first.text in QUOTES_OPEN


def _subject(verb: Token, depth: int = 0) -> tuple[Optional[Token], str]:
    """The token heading a verb's speaker phrase, and how it was found."""
    subjects = []
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ in ("’s", "'s"):   # "who's said": the clitic took the subject
            subjects += [g for g in c.children if g.dep_ == "nsubj"]
        elif c.dep_ == "nsubj" and not c.is_punct:
            subjects.append(c)
    for c in subjects[:1]:
        if c.lower_ in RELATIVE and c.tag_ in ("WP", "WDT", "IN"):
            return _antecedent(verb, c), "relative"
        named = next((g for g in c.children if g.dep_ == "appos" and g.pos_ == "PROPN"), None)
        if named is not None and c.pos_ != "PROPN":
            return named, "subject"       # "One of them, Mr X, said": the named apposition
        return c, "subject"
    for c in verb.children:
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, "agent"
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and verb.head is not verb:
        head = verb.head
        if head.pos_ == "ADP" and head.head is not head:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            tok, _ = _subject(head, depth + 1)
            if tok is None and depth == 0:
                tok = next((c for c in head.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
            return tok, "inherited" if tok is not None else "none"
    return None, "none"


def _antecedent(verb: Token, pron: Token) -> Optional[Token]:
    """The noun a relative pronoun stands for: the relative clause's head, or the nearest noun before it."""
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    for i in range(pron.i - 1, max(pron.sent.start, pron.i - 4) - 1, -1):
        t = pron.doc[i]
        if t.pos_ in ("PROPN", "NOUN"):
            return t
    return None


def _setting(verb: Token, lex: Lexicon) -> Optional[Token]:
    """A prep child like "in a statement" or "at a meeting with ..."."""
    for c in verb.children:
        if c.dep_ == "prep" and c.i > verb.i:
            text = " ".join(t.lower_ for t in list(c.subtree)[:4])
            if any(text.startswith(s) for s in lex.kind("setting")):
                return c
    return None


# ---------------------------------------------------------------- reporting verbs

def _content_tokens(verb: Token, row: dict, lex: Lexicon) -> list[Token]:
    toks: list[Token] = []
    deps = set(CONTENT_DEPS)
    # "accused X of Y", "urged X to Y": the object belongs to the content; "told X that Y": it does not
    has_clause = any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in row["content_preps"])
                     for c in verb.children)
    after = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    for c in verb.children:
        if c.dep_ == "ccomp" and after and c.i < verb.i:
            continue  # clauses on both sides: the one after the verb is what it reports
        take = c.dep_ in deps
        take |= c.dep_ == "prep" and c.lower_ in row["content_preps"] and c.lower_ not in row["requires"]
        take |= c.dep_ == "dobj" and (row["object_is_content"] == "yes" or has_clause)
        take |= c.dep_ == "prep" and c.lower_ in row["requires"]
        if c.dep_ == "prep" and c.lower_ in row["requires"]:
            toks += [t for t in c.subtree if t is not c]
            continue
        if take:
            toks += list(c.subtree)
    return toks


def _is_participle(verb: Token) -> bool:
    """'reported strikes', 'the alleged attack', 'including reported strikes on ...'."""
    if verb.tag_ not in ("VBN", "JJ") and verb.pos_ != "ADJ":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    return verb.dep_ in ("amod", "acl", "advcl", "prep", "compound")


def _verbal(verb: Token, row: dict, lex: Lexicon, doc: Doc) -> Optional[Attribution]:
    lemma = row["lemma"]
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return None
    cue_end = verb.i + 1
    if row["requires"]:
        part = next((c for c in children if c.dep_ in ("prep", "prt") and c.lower_ in row["requires"]), None)
        if part is None:
            return None
        cue_end = part.i + 1
    nonspeech = lex.kind("nonspeech_object")
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    objects = [c for c in children if c.dep_ in ("dobj", "dative", "npadvmod", "oprd")]
    if any(o.lower_ in nonspeech for o in objects) and not any(c.dep_ == "ccomp" for c in children):
        return None
    if any(c.dep_ == "nsubjpass" for c in children) and obj is not None:
        return None  # "were denied access": deny someone something
    if any(c.dep_ == "nsubjpass" and any(g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither")
                                         for g in c.children) for c in children):
        return None  # "No injuries were reported": nothing is reported
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not any(c.dep_ == "ccomp" for c in children):
        return None  # "journalists reporting the event": not a reported proposition
    stance = row["stance"]
    if lemma == "warn" and any(c.dep_ in ("prep", "xcomp") and c.lower_ in ("against", "to") for c in children):
        stance = "demand"
    if lemma == "warn" and any(c.dep_ == "xcomp" for c in children):
        stance = "demand"

    if _is_participle(verb) and lemma in ("report", "allege", "claim"):
        agent = next((c for c in children if c.dep_ == "agent"), None)
        speaker = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if verb.dep_ in ("amod", "compound"):
            content = [t for t in verb.head.subtree if t.i > verb.i]
        else:
            content = [t for c in children if c.dep_ in ("dobj", "ccomp") for t in c.subtree]
            if not content and verb.dep_ == "advcl":
                content = [t for t in verb.head.subtree if t not in set(verb.subtree)]
        rng = _range(content)
        rng = rng and _trim(doc, *rng)
        if rng is None:
            return None
        return Attribution(verb=lemma, stance="accuse" if lemma == "allege" and speaker is not None else "assert",
                           cue=(verb.i, verb.i + 1), content=rng, speaker=speaker.i if speaker is not None else None,
                           how="agent" if speaker is not None else "unattributed", quoted=_is_quoted(doc, rng),
                           reason=f"participle '{verb.text}' reports without a named source"
                           if speaker is None else f"'{verb.text} by' names the source")

    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
        return None
    speaker, how = _subject(verb)
    if speaker is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        speaker, how = verb.head, "subject"   # "a statement saying that ..."
    if speaker is not None and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in speaker.children):
        return None  # "No group has claimed ...": nobody speaks
    if speaker is not None and speaker.pos_ == "NOUN" and speaker.lower_ in lex.kind("unattributed") and not any(
            c.dep_ in ("amod", "compound", "poss", "prep") for c in speaker.children):
        speaker, how = None, "unattributed"   # "Reports said ..."
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    content = _content_tokens(verb, row, lex)
    if passive and how != "agent":
        pass_subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if pass_subj is not None and pass_subj.lower_ == "it":
            speaker, how = None, "unattributed"       # "it was reported that ..."
        elif pass_subj is not None and not content:
            content = list(pass_subj.subtree)
            speaker, how = None, "unattributed"
    if passive and speaker is None:
        late = [t for t in verb.subtree if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.i > verb.i]
        pobj = next((g for g in late[-1].children if g.dep_ == "pobj"), None) if late else None
        if pobj is not None and pobj.pos_ == "PROPN":
            speaker, how = pobj, "agent"     # "X were accused of looting ... by the WFP"
    elif passive and how == "agent":
        pass_subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if pass_subj is not None and not content:
            content = list(pass_subj.subtree)        # "That has been rejected by X"
    reason_bits = [f"reporting verb '{lemma}' ({row['stance']})"]
    rng = _range(content)
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    if rng is not None and clause is not None:
        seg = next((g for g in _quote_segments(verb.sent) if g[0] <= clause.i < g[1]), None)
        if seg is not None and rng[0] < seg[0] and not (seg[0] <= verb.i < seg[1]):
            rng = (seg[0], rng[1])   # "While ..., “quote,” X said": the quote is what X said
            reason_bits.append("content starts at the quote")
    if rng is None and verb.dep_ in ("ccomp", "parataxis", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        own = {t.i for t in verb.subtree}
        rng = _range([t for t in verb.head.subtree if t.i not in own])   # "..., X said" parsed the other way
        reason_bits.append("content is the clause it comments on")
    rng = rng and _trim(doc, *rng)
    if rng is None and obj is not None:
        # "told a briefing that militants attacked": the parser made the clause a relative clause
        rel = next((c for c in obj.children if c.dep_ == "relcl" and c.left_edge.lower_ == "that"
                    and c.left_edge.i == obj.i + 1), None)
        if rel is not None:
            rng = _trim(doc, rel.left_edge.i + 1, rel.right_edge.i + 1)
            reason_bits.append("content is the that-clause after the addressee")
    if rng is None:
        segs = [s for s in _quote_segments(verb.sent) if not (s[0] <= verb.i < s[1])]
        if segs:
            rng = (segs[0][0], segs[-1][1])
            reason_bits.append("content is the quote in the sentence")
    if rng is None and verb.sent.start > 0:
        prev = doc[verb.sent.start - 1].sent
        if _starts_with_quote(prev):
            rng = _trim(doc, prev.start, prev.end)
            reason_bits.append("content is the quote of the previous sentence")
    if rng is None:
        return None
    if speaker is None and how == "none":
        how = "unattributed"
    setting = _setting(verb, lex)
    cue = (verb.i, cue_end)
    if setting is not None:
        end = max(t.i for t in setting.subtree) + 1
        if not (rng[0] <= end and rng[1] > verb.i):
            cue = (verb.i, end)
        reason_bits.append(f"said '{doc[setting.i:end].text}'")
    antecedent = verb.head.i if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None
    return Attribution(verb=lemma, stance=stance, cue=cue, content=rng,
                       speaker=speaker.i if speaker is not None else None, how=how, antecedent=antecedent,
                       quoted=_is_quoted(doc, rng), setting=None if setting is None else doc[setting.i:end].text,
                       reason="; ".join(reason_bits))


# ---------------------------------------------------------------- source phrases and adverbs

def _source_phrases(doc: Doc, lex: Lexicon) -> list[Attribution]:
    out = []
    phrases = {tuple(p.split()): p for p in lex.kind("source_prep")}
    unattributed = lex.kind("unattributed")
    for tok in doc:
        for words, phrase in phrases.items():
            n = len(words)
            if tuple(t.lower_ for t in doc[tok.i:tok.i + n]) != words:
                continue
            last = doc[tok.i + n - 1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((t for t in doc[last.i + 1:last.sent.end] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if pobj is None:
                continue
            head = tok if tok.dep_ == "prep" else tok.head
            phrase_toks = {t.i for t in head.subtree} if head.dep_ == "prep" else set(range(tok.i, pobj.i + 1))
            phrase_toks |= {t.i for t in pobj.subtree} | set(range(tok.i, pobj.i + 1))
            sent = tok.sent
            rng = _range([t for t in sent if t.i not in phrase_toks])
            rng = rng and _trim(doc, *rng)
            if rng is None:
                continue
            named = pobj.lower_ not in unattributed
            out.append(Attribution(verb=phrase, stance="assert", cue=(tok.i, tok.i + n), content=rng,
                                   speaker=pobj.i if named else None, how="source" if named else "unattributed",
                                   quoted=_is_quoted(doc, rng),
                                   reason=f"'{phrase} {pobj.text}' names the source" if named
                                   else f"'{phrase} {pobj.text}': no named source"))
    return out


def _adverbs(doc: Doc, lex: Lexicon) -> list[Attribution]:
    out = []
    for tok in doc:
        if tok.lower_ in lex.kind("unattributed") and tok.pos_ == "ADV" and tok.head is not tok:
            head = tok.head
            rng = _range([t for t in head.subtree if t is not tok])
            rng = rng and _trim(doc, *rng)
            if rng:
                out.append(Attribution(verb=tok.lower_, stance="assert", cue=(tok.i, tok.i + 1), content=rng,
                                       how="unattributed", quoted=_is_quoted(doc, rng),
                                       reason=f"'{tok.text}': reported without a named source"))
    return out


def _continuations(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """A quote sentence with no attribution of its own continues the last quoted speaker."""
    out = []
    covered = set()
    for a in found:
        covered |= set(range(*a.content))
        if a.cue:
            covered |= set(range(*a.cue))
    by_cue = sorted((a for a in found if a.cue), key=lambda a: a.cue[0])
    for sent in doc.sents:
        if not _starts_with_quote(sent) or any(t.i in covered for t in sent if not t.is_punct and not t.is_space):
            continue
        prev = [a for a in by_cue + out if (a.cue or a.content)[0] < sent.start]
        if not prev:
            continue
        last = prev[-1]
        gap = sent.start - max(last.content[1], (last.cue or last.content)[1])
        if not last.quoted or gap > 3 or last.speaker is None:
            continue
        rng = _trim(doc, sent.start, sent.end)
        if rng is None:
            continue
        out.append(Attribution(verb=last.verb, stance="assert", cue=None, content=rng, speaker=last.speaker,
                               how="continued", quoted=True,
                               reason="a quote with no attribution continues the previous speaker's quote"))
    return out


def find(doc: Doc, lex: Optional[Lexicon] = None) -> list[Attribution]:
    """Every reporting construction in a Doc, in text order."""
    lex = lex or lexicon()
    found: list[Attribution] = []
    for tok in doc:
        row = lex.verbs.get(tok.lemma_.lower()) or lex.verbs.get(tok.lower_)
        if row is None or tok.pos_ in ("NOUN", "PROPN", "ADP"):
            continue
        a = _verbal(tok, row, lex, doc)
        if a is not None:
            found.append(a)
    taken = {a.cue[0] for a in found if a.cue}
    for a in _source_phrases(doc, lex):
        if a.cue and a.cue[0] not in taken:
            found.append(a)
    named = [b for b in found if b.speaker is not None]
    for a in _adverbs(doc, lex):
        if not any(b.content[0] <= a.cue[0] < b.content[1] for b in named):
            found.append(a)   # "allegedly" inside a named source's claim adds no source
    found += _continuations(doc, found)
    found.sort(key=lambda a: (a.cue or a.content)[0])
    return found
