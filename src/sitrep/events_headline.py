"""Headline grammar for event arguments: notes and headlines drop the 'was' ("Two police killed")
and the tagger takes their verb for a noun ("Mob attacks woman"); these read the doer and the
harmed of such lines for the harm frames (data/event_frames.tsv, column harm).
"""
from __future__ import annotations


from spacy.tokens import Token

from .events_args import Args
from .events_lex import cue_set, harm_frames


PATIENT_SUBJECT = {"die", "dead"}  # who 'died' or is 'dead' is the victim
NO_PASSIVE = {"aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "attr"}


def headline_passive(tok: Token, frame: str, args: Args) -> Args:
    """Headlines and notes drop the 'was': in "Two police killed while on duty" or "Police
    reservist shot dead by militia" the parser's subject is who was harmed and 'by' names the
    doer; the subject of "died" / "X dead" is the dead. A harm verb with a subject, no
    object and no auxiliary is read as a passive ("Police killed two raiders" keeps its object)."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or tok.pos_ not in ("VERB", "ADJ") or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return args   # (two subjects or an object: the parse is not one clause we can read)
    if tok.lemma_.lower() not in PATIENT_SUBJECT:
        if frame not in harm_frames() or tok.pos_ != "VERB" or tok.tag_ not in ("VBN", "VBD"):
            return args
        if any(c.dep_ in NO_PASSIVE for c in tok.children) \
                or frame == "shoot" and any(c.dep_ == "prep" and c.text.lower() in ("at", "into", "upon") for c in tok.children) \
                or any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children):
            return args   # "police shot at the crowd", "shot and killed a man"
    agents = [g for c in tok.children if c.dep_ in ("prep", "agent") and c.text.lower() == "by"
              for g in c.children if g.dep_ == "pobj"]
    return Args(actor_heads=agents, recipient_heads=subj + [r for r in args.recipient_heads if r not in subj],
                governor=args.governor)


DOERS = {"mob", "armed", "nonstate", "state_force", "communal", "protester", "rioter"}
NP_POS = {"NOUN", "PROPN", "ADJ", "NUM", "DET"}


def headline_noun(tok: Token, frame: str, args: Args) -> Args:
    """Headlines whose verb the tagger takes for a noun: "Mob attacks woman", "MRC attack
    police officers", "Youth attack meeting of a party". A harm word that is a noun with no
    doer found, no verb before it in its sentence and no article or possessive of its own
    ("the attack", "their raid"), right after a noun phrase naming a doer (a mob, an armed
    group, police): that phrase is the doer and the noun phrase right after it the target."""
    if frame not in harm_frames() or tok.pos_ != "NOUN" or (args.actor_heads and args.recipient_heads) \
            or tok.i == tok.sent.start:
        return args
    doc, sent = tok.doc, tok.sent
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in doc[sent.start:tok.i]) \
            or doc[tok.i - 1].pos_ not in ("NOUN", "PROPN"):
        return args   # (a participle on a noun is no verb: "Armed members of X attack ...")
    if any(c.dep_ == "poss" or c.text.lower() in ("the", "this", "that", "these", "its", "their") for c in tok.children):
        return args
    left = tok.i
    while left > sent.start and doc[left - 1].pos_ in NP_POS | {"ADP"} \
            and doc[left - 1].text.lower() not in ("in", "on", "at"):   # "members of MRC", not "in Lamu"
        left -= 1
    if not DOERS & set(cue_set(doc, range(left, tok.i))):
        return args
    right, last = tok.i + 1, None
    while right < sent.end and doc[right].pos_ in NP_POS:
        last = doc[right] if doc[right].pos_ in ("NOUN", "PROPN") else last
        right += 1
    # (the parser may hang the whole line on the target, the harm word a modifier of it: "X attack police
    # officers" read as one noun phrase; the target's words are then those after the harm word, headed_target)
    target = [last] if last is not None and (tok not in last.subtree or headed_target(tok, last)) else []
    return Args(actor_heads=args.actor_heads or [doc[tok.i - 1]],
                recipient_heads=target if target and tok in last.subtree else args.recipient_heads or target,
                governor=args.governor)


def headed_target(tok: Token, target: Token) -> bool:
    """The harm noun is a modifier of the noun phrase after it, which names what was harmed:
    the parser took a headline's "X attack police officers" for one noun phrase headed by
    'officers'. The target's own words are then only those after the harm word."""
    return target.i > tok.i and tok.dep_ in ("compound", "nmod", "amod") and tok in target.subtree

