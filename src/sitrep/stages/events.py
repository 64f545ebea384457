"""Stage: events. Every event a document reports, typed in ACLED, PLOVER and CAMEO.

    triggers (data/event_triggers.tsv) -> mentions with arguments (events_args)
      -> absorb outcomes into their causes ("killed in clashes"), light verbs into their
         nouns ("signed a pact"), arrests and shootings into the protest they end
      -> type each mention (events_typing) -> upgrade protests from what happens to them
      -> one event per incident, as ACLED codes it: explosions within a battle join the
         battle; a demonstration's protest, rioting, clashes and the force used on its crowd
         become one demonstration typed by the codebook's hierarchy (violent demonstration >
         excessive force > intervention > peaceful); what a protest is about is background
      -> merge coreferent mentions ("clashes" ... "the fighting")
      -> a category label the report opens with ("Movement of forces:") types its lead event
      -> Event records

Confidence ranks the events of a document (``evaluate.base.main_event`` takes the highest):
the typing's confidence, plus resolved actors/recipients, plus the lead of the report
(the first sentence's main verb); denied events and events named only as the setting of
another ("after two days of fighting") rank lower.

Writes ``result.events`` (status asserted/future/hypothetical/denied; the dates stage
marks background as historical and the claims stage marks claimed/denied).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from spacy.tokens import Doc, Token

from ..events_args import LIGHT_VERBS, Args, arguments, resolve_np, speaker_of, status_of
from ..events_lex import DISORDER, Hit, cue_set, frames, harm_frames, triggers
from ..events_typing import Context, Typing, labelled, labels, less_lethal, type_mention
from ..knowledge import currency_words
from ..records import AcledType, Actor, Event, PloverType, Span

SKIP_ENTS = {"ORG", "GPE", "PERSON", "NORP", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}
FAMILIES = [{"agreement", "ceasefire"}, {"consult", "visit", "phone"}, {"request", "appeal"},
            {"accuse", "disapprove"}, {"reject", "deny"}]
PRUNE_DEPS = {"conj", "ccomp", "parataxis", "advcl", "relcl"}
WEAPON_CUES = {"suicide", "chemical", "drone", "air", "grenade", "ied", "artillery"}
SPLIT_TYPES = {"CONSULT"}
REMOTE_NOUN_FRAMES = {"shell", "ied", "explode", "grenade", "air", "drone"}
REMOTE_FRAMES = REMOTE_NOUN_FRAMES | {"suicide", "chemical"}


@dataclass
class Mention:
    hit: Hit
    tok: Token
    frame: str
    args: Args
    actors: list[Actor]
    recipients: list[Actor]
    ctx: Context
    years: frozenset
    status: str = "asserted"
    status_reason: Optional[str] = None
    typing: Optional[Typing] = None
    host: Optional["Mention"] = None
    absorbed: list["Mention"] = field(default_factory=list)
    recipient_groups: list[list[Actor]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return frames()[self.frame].kind


def _family(frame: str) -> Optional[int]:
    kind = frames()[frame].kind
    if kind in ("violent", "outcome"):
        return -1
    return next((i for i, f in enumerate(FAMILIES) if frame in f), None)


def _scope(tok: Token, heads: dict[int, str]) -> set[int]:
    """Tokens whose cues describe this mention: its subtree without other events' clauses,
    plus, for a noun, the verb it is an argument of."""
    out: set[int] = set()

    def walk(t: Token):
        out.add(t.i)
        for c in t.children:
            if c.dep_ in PRUNE_DEPS and any(heads.get(x.i) not in (None, "outcome") for x in c.subtree):
                continue
            walk(c)

    walk(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        gov = tok
        for _ in range(3):
            if gov.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "compound", "conj") and gov.head is not gov:
                gov = gov.head
            else:
                break
            if gov.pos_ in ("VERB", "AUX"):
                break
        if gov.pos_ in ("VERB", "AUX") and gov.i != tok.i:
            out.add(gov.i)
            for c in gov.children:
                if c.dep_ in PRUNE_DEPS and any(heads.get(x.i) not in (None, "outcome") for x in c.subtree):
                    continue
                out.update(x.i for x in c.subtree)
    return out


def _np(tok: Token) -> set[int]:
    """The noun phrase of a head, without relative and participial clauses."""
    out = {tok.i}
    for c in tok.children:
        if c.dep_ not in ("relcl", "acl", "advcl"):
            out |= _np(c)
    return out


def _years(tok: Token, heads: set[int]) -> frozenset:
    ys = set()
    for t in tok.subtree:
        if t.i != tok.i and t.i in heads:
            continue
        if len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2100:
            if not any(a.i in heads and a.i != tok.i and a in tok.subtree for a in t.ancestors):
                ys.add(t.text)
    return frozenset(ys)


def _keep_hit(doc: Doc, hit: Hit) -> bool:
    tok = hit.head(doc)
    if tok.ent_type_ in SKIP_ENTS and hit.end - hit.start == 1 and not tok.text.islower():
        # (a lower-case word is no name, whatever the NER says: "ODM youths riot" with 'riot' a PERSON)
        alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")
        if not (alone and tok.is_sent_start):  # "Riot breaks out": a capitalised first word, not a name
            return False
    if tok.pos_ in ("VERB",) and tok.dep_ == "amod":
        return False  # "Turkish-backed militants"
    if tok.pos_ == "VERB" and tok.dep_ == "compound":
        return False
    if hit.value == "riot" and tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return False  # "riot police", "riot gear": the unit, not a riot
    if hit.value == "clash" and any(c.dep_ == "amod" and c.lower_ in ("verbal", "legal", "diplomatic")
                                    for c in tok.children):
        return False  # "verbal confrontations", "a legal battle"
    if hit.value == "clash" and tok.lemma_.lower() == "fight" and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() == "life" for g in c.children)
            for c in tok.children):
        return False  # "fighting for his life"
    if hit.value == "attack" and tok.lower_ == "assault" and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i + 1].lemma_.lower() in ("rifle", "weapon", "gun"):
        return False  # "assault rifles" seized: a weapon, not an assault
    if hit.value == "protest" and _month(tok):
        return False  # "28 March.", "killed in March": the month, not a march
    if hit.value == "clash" and tok.lemma_.lower() == "engage" and any(
            c.dep_ == "prep" and c.lower_ == "in" for c in tok.children) \
            and not any(c.dep_ == "dobj" for c in tok.children):
        return False  # "workers engaged in mining"; not "engaged police in running battles"
    if hit.value == "aid" and tok.lemma_.lower() == "provide" and not any(c.dep_ == "dobj" for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return False  # "the accord provides for the opening of transport links": it stipulates, gives nothing
    return True


INSTRUMENT = {"with", "using"}


def _instrument(tok: Token) -> list[int]:
    """Tokens of what the act is done with ("destroyed a depot with artillery fire",
    "using drones"), on the trigger or its object."""
    near = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    return [x.i for n in near for c in n.children if c.dep_ in ("prep", "advcl", "xcomp") and c.lower_ in INSTRUMENT
            for x in c.subtree]
ARMS_PATH = {"pobj", "prep", "dobj", "conj", "appos", "compound", "nsubjpass", "nmod", "npadvmod"}
LISTING = {"include", "contain", "comprise"}


def _handled_by(tok: Token, by_head: dict) -> Optional[Hit]:
    """The trigger that does something to a weapon noun: its governor up a chain of
    objects, lists and prepositions ("defused hundreds of landmines", "discovered arms
    which included TOW missiles, RPGs and mortars", "a stash of projectiles"), or a
    participle on it ("a bomb discovered in a bus")."""
    for c in tok.children:   # "unexploded bomb discovered inside a bus"
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i in by_head:
            return by_head[c.i]
    t = tok
    for _ in range(6):
        if t.head is t:
            return None
        if t.dep_ == "prep" and t.lower_ in INSTRUMENT:   # "destroyed a depot with artillery": the means
            return None
        if t.dep_ in ARMS_PATH or (t.dep_ == "relcl" and t.lemma_.lower() in LISTING) \
                or (t.dep_ == "nsubj" and t is tok):   # "Bomb discovered in a bus" parsed active
            t = t.head
        else:
            return None
        if t.i in by_head:
            return by_head[t.i]
    return None


MONTH_PREPS = {"in", "of", "since", "until", "till", "by", "from", "to", "early", "late", "mid", "last", "next",
               "this", "during", "before", "after"}


def _month(tok: Token) -> bool:
    """"March" the month: a capitalised date word with a day, a year or a preposition of
    time beside it ("28 March", "March 2018", "in March"), not "Students March on ..."."""
    if tok.text != "March" or tok.ent_type_ != "DATE":
        return False
    doc = tok.doc
    near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
    return any(t.like_num for t in near) or (tok.i > 0 and doc[tok.i - 1].lower_ in MONTH_PREPS)


FIRE_VERBS = {"fire", "launch", "lob", "hurl", "throw", "drop"}


def _fired(tok: Token) -> set[int]:
    """What a firing verb fires is its weapon: the objects of "fired mortars and rockets at",
    the noun of "shells fired by ..." (a participle on what was fired)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in FIRE_VERBS:
        return set()
    out = {x.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for x in c.subtree}
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out |= _np(tok.head)
    return out


PATIENT_SUBJECT = {"die", "dead"}  # who 'died' or is 'dead' is the victim
NO_PASSIVE = {"aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "attr"}


def _headline_passive(tok: Token, frame: str, args: Args) -> Args:
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


def _headline_noun(tok: Token, frame: str, args: Args) -> Args:
    """Headlines whose verb the tagger takes for a noun: "Mob attacks woman", "MRC attack
    police officers", "Youth attack meeting of a party". A harm word that is a noun with no
    doer found, no verb before it in its sentence and no article or possessive of its own
    ("the attack", "their raid"), right after a noun phrase naming a doer (a mob, an armed
    group, police): that phrase is the doer and the noun phrase right after it the target."""
    if frame not in harm_frames() or tok.pos_ != "NOUN" or (args.actor_heads and args.recipient_heads) \
            or tok.i == tok.sent.start:
        return args
    doc, sent = tok.doc, tok.sent
    if any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:tok.i]) or doc[tok.i - 1].pos_ not in ("NOUN", "PROPN"):
        return args
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
    # (a target that heads the whole line would bring in its doer's words)
    target = [last] if last is not None and tok not in last.subtree else []
    return Args(actor_heads=args.actor_heads or [doc[tok.i - 1]], recipient_heads=args.recipient_heads or target,
                governor=args.governor)


VESSELS = {"tank", "container", "plant", "furnace", "boiler", "cylinder", "bunker", "pipeline", "reactor", "silo",
           "tanker", "transformer", "generator", "kiln", "refinery", "factory"}


def _industrial(tok: Token, ctx: Context) -> None:
    """What exploded is a storage tank, a plant, a furnace or a boiler ("a tank at the gas
    plant exploded", "a fertilizer plant explosion"): an industrial accident. Its words are
    no weapon ('tank' the vehicle, 'plant' a bomb) and it is an accident unless the text
    names a bomb or an attacker (events_typing's accident rule decides)."""
    near = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "compound")]
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN":   # "the explosion at the plant" handled by its prep
        near += [c for c in tok.children if c.dep_ == "prep" and c.text.lower() == "at" for c in c.children]
    if not any(t.lemma_.lower() in VESSELS for n in near for t in n.subtree):
        return
    for cues in (ctx.scope, ctx.sentence, ctx.actor, ctx.words_of("actor")):
        cues -= {"artillery", "ied"}
    ctx.scope.add("accident")


POLICE_UNITS = {"police", "policeman", "officer", "unit", "squad", "gear", "personnel", "force", "van", "shield"}


def _riot_units(doc: Doc) -> set[int]:
    """'riot' naming a police unit or its kit ("riot police", "anti-riot officers", "riot
    gear"): no rioters; its words are left out of the cues."""
    return {t.i for t in doc if t.lemma_.lower() == "riot" and t.dep_ in ("compound", "amod", "nmod")
            and t.head.lemma_.lower() in POLICE_UNITS}


def _mentions(state) -> list[Mention]:
    doc = state.doc
    hits = [h for h in triggers().find(doc) if _keep_hit(doc, h)]
    by_head = {h.head(doc).i: h for h in hits}
    heads = set(by_head)
    kinds = {i: frames()[h.value].kind for i, h in by_head.items()}
    # light verbs: "signed a pact", "held talks" -> the noun carries the event
    drop = set()
    for i, h in by_head.items():
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        for c in tok.children:
            light = tok.lemma_.lower() in LIGHT_VERBS or h.value == by_head.get(c.i, h).value
            obj = [c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"] \
                if c.dep_ == "prep" and c.text.lower() == "in" and light else []
            for o in obj:
                other = by_head.get(o.i)
                if other and _family(other.value) is not None and _family(other.value) == _family(h.value):
                    if not (frames()[h.value].kind == "violent" and frames()[other.value].kind == "outcome"):
                        drop.add(i)
    for i, h in by_head.items():  # "released hostages": the captives are not a new abduction
        if h.value == "abduct" and doc[i].pos_ == "NOUN":
            gov = by_head.get(doc[i].head.i)
            if gov is not None and gov.value == "release":
                drop.add(i)
        if h.value in REMOTE_NOUN_FRAMES and doc[i].pos_ == "NOUN":  # "landmines were cleared"
            gov = _handled_by(doc[i], by_head)
            if gov is not None and (gov.value in ("find", "disrupt", "capture")
                                    or (gov.value == "destroy" and doc[i].dep_ != "nsubj")):
                drop.add(i)
    out = []
    units = _riot_units(doc)
    for i, h in sorted(by_head.items()):
        if i in drop:
            continue
        tok = doc[i]
        if h.value == "grenade" and (tok.head.lemma_.lower() == "launcher" or "propel" in tok.head.lemma_.lower()
                                     or any("propel" in c.lemma_.lower() for c in tok.children)):
            h = replace(h, value="shell")  # grenade launchers and RPGs are artillery (codebook)
        if h.value == "obstruct" and any(c.dep_ == "dobj" and c.lower_ in ("themselves", "himself", "herself")
                                         for c in tok.children):
            h = replace(h, value="protest")  # "barricaded themselves in an office": an occupation
        if h.value == "protest" and tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children):
            h = replace(h, value="disapprove")  # "a rights group protested that ...": a verbal protest
        args = _headline_noun(tok, h.value, _headline_passive(tok, h.value, arguments(tok, h.value)))
        if h.value == "accuse" and tok.pos_ == "NOUN":  # "Armenian provocation": the accused
            spk = speaker_of(tok)
            args = Args(actor_heads=[spk] if spk is not None else [], recipient_heads=args.actor_heads,
                        governor=args.governor)
        actors = [a for t in args.actor_heads for a in resolve_np(state, t)]
        groups = [resolve_np(state, t) for t in args.recipient_heads]
        if not any(groups) and h.value in ("request", "appeal") and args.recipient_heads:
            groups = [[a for t in args.recipient_heads for x in t.subtree for a in resolve_np(state, x)
                       if x.dep_ == "pobj"]]  # "urges a halt to hostilities between X and Y"
        own = {a.country for a in actors if a.country and a.kind == "state"}
        groups = [[a for a in g if a not in actors and not (a.kind == "state" and a.country in own)]
                  for g in groups]
        recipients = [a for g in groups for a in g]
        scope = _scope(tok, kinds) | _fired(tok)
        actor_text = set(cue_set(doc, set().union(*[_np(t) for t in args.actor_heads]) - units
                                 if args.actor_heads else ()))
        recipient_text = set(cue_set(doc, set().union(*[_np(t) - _weak_head(t) for t in args.recipient_heads]) - units
                                     if args.recipient_heads else ()))
        if any(_people_of(t) for t in args.recipient_heads):
            recipient_text.add("civilian")
        ctx = Context(
            scope=set(cue_set(doc, scope - units)),
            actor=actor_text | _actor_cues(actors),
            recipient=recipient_text | _actor_cues(recipients),
            recipient_ents={t.ent_type_ for r in args.recipient_heads for t in _np(r) for t in [doc[t]]
                            if t.ent_type_},
            sentence=set(cue_set(doc, set(range(tok.sent.start, tok.sent.end)) - units)),
            crowd_control=any(c.text.lower() in ("smoke", "stun", "tear", "flash") for c in tok.children),
            mode=h.mode, plural=tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() == "explosion",
            actor_text=actor_text, recipient_text=recipient_text,
            instrument=set(cue_set(doc, _instrument(tok))), verb=tok.lemma_.lower() if tok.pos_ == "VERB" else None,
            recipient_head=set(cue_set(doc, {x.i for t in args.recipient_heads
                                             for x in [t, *t.children] if x is t or x.dep_ == "compound"})),
        )
        if h.value == "explode":
            _industrial(tok, ctx)
        status, why = status_of(tok, args.governor)
        m = Mention(h, tok, h.value, args, _dedupe(actors), _dedupe(recipients), ctx, _years(tok, heads),
                    status, why)
        m.recipient_groups = [g for g in groups if g]
        out.append(m)
    return out


WEAK_HEADS = {"member", "suspect", "individual", "people", "person", "one", "man", "men", "officer", "official"}


def _weak_head(tok: Token) -> set[int]:
    """"members of the X militia", "two suspects", "suspected militants": words that say
    nothing about whether the target is armed; the rest and the resolved actor decide."""
    out = {tok.i} if tok.lemma_.lower() in WEAK_HEADS else set()
    return out | {c.i for c in tok.children if c.dep_ == "amod" and c.lower_ in ("suspected", "alleged", "presumed")}


def _people_of(tok: Token) -> bool:
    """"a Palestinian", "two Afghans", "kill Kenyan": people of a nationality, not its state or forces."""
    if tok.ent_type_ != "NORP" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and not list(tok.children):   # "raiders kill Kenyan": a bare nationality
        return True
    return any(c.dep_ in ("det", "nummod") and (c.like_num or c.lower_ in ("a", "an", "one")) for c in tok.children)


def _actor_cues(actors: list[Actor]) -> set[str]:
    """Cue names implied by resolved actors: states and their forces are armed state forces."""
    out: set[str] = set()
    for a in actors:
        if a.kind == "state" or a.sector in ("MIL", "GOV", "POL", "SPY"):
            out |= {"armed", "state_force"} if a.kind != "person" else set()
        elif a.kind == "armed_group" or a.sector in ("REB", "INS", "UAF", "PRM"):
            out |= {"armed", "nonstate"}
        elif a.sector in ("CVL", "JRN", "LAB", "EDU", "MED", "REF"):
            out.add("civilian")
    return out


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out = []
    for a in actors:
        if a not in out:
            out.append(a)
    return out


def _sent_index(doc: Doc) -> dict[int, int]:
    return {s.start: n for n, s in enumerate(doc.sents)}


def _absorb(ms: list[Mention], doc: Doc) -> None:
    sidx = _sent_index(doc)
    sent_of = {id(m): sidx[m.tok.sent.start] for m in ms}
    hosts = [m for m in ms if m.kind == "violent"]
    for m in ms:
        if m.kind == "outcome" or m.frame in ("destroy", "loot"):
            if "protester" in m.ctx.recipient:
                hosts_m = hosts + [h for h in ms if h.kind == "protest"]
            else:
                hosts_m = hosts
            host = None
            # "killed in clashes": the event the outcome is a complement of
            for a in m.tok.ancestors:
                host = next((h for h in hosts_m if h.tok.i == a.i), None)
                if host:
                    break
            if host is None:
                for c in m.tok.children:
                    if c.dep_ == "prep":
                        host = next((h for h in hosts_m for g in c.children if h.tok.i == g.i), None)
                        if host:
                            break
            same = [h for h in hosts_m if sent_of[id(h)] == sent_of[id(m)] and h is not m]
            if host is None and same:
                host = min(same, key=lambda h: abs(h.tok.i - m.tok.i))
            if host is None and m.kind == "outcome" and not m.args.actor_heads:
                prev = [h for h in hosts if sent_of[id(h)] == sent_of[id(m)] - 1]
                host = prev[0] if prev else None
            if host is not None and host.frame in ("riot", "mob") and _told_before(m.tok, host.tok):
                host = None   # "riots after a local politician was killed": the riot's cause, not its toll
            if host is not None and host is not m:
                m.host = host
                host.absorbed.append(m)
    by_tok = {m.tok.i: m for m in ms}
    for m in ms:  # "the army attacked X, shelling their camps": the shelling is how
        if m.host is None and m.frame in ("attack", "clash"):
            for c in m.tok.children:
                r = by_tok.get(c.i)
                if r is not None and c.dep_ in ("advcl", "conj", "xcomp") and r.frame in REMOTE_FRAMES:
                    m.host = r
                    r.absorbed.append(m)
                    if not r.actors:
                        r.actors = list(m.actors)
                    break
    protests = [m for m in ms if m.kind == "protest"]
    for m in ms:
        if m.host is not None or m.frame not in ("arrest", "shoot", "attack", "beat", "kill", "injure"):
            continue
        if {"protester", "rioter", "mob"} & m.ctx.words_of("actor") or _grievance(m.tok):
            continue  # "protesters assaulted": the crowd's act; "protest the killing of": the grievance
        near = [p for p in protests if 0 <= sent_of[id(m)] - sent_of[id(p)] <= 2]
        if any(p.tok in m.tok.subtree for p in near):  # "detained during protests": done to the protesters
            m.ctx.recipient.add("protester")
        if near and ((m.frame == "arrest" and m.tok.pos_ == "VERB") or "protester" in m.ctx.recipient
                     or "protester" in m.ctx.scope):
            m.host = near[-1]
            near[-1].absorbed.append(m)


def _with_absorbed(m: Mention) -> Context:
    ctx = m.ctx
    rec, scope, ents = set(ctx.recipient), set(ctx.scope), set(ctx.recipient_ents)
    rec_text = set(ctx.words_of("recipient"))
    for a in m.absorbed:
        rec |= a.ctx.recipient
        rec_text |= a.ctx.words_of("recipient")
        ents |= a.ctx.recipient_ents
        scope |= a.ctx.scope & (WEAPON_CUES | {"lethal_force", "intervention", "riot_act", "civilian", "armed"})
    return replace(ctx, recipient=rec, scope=scope, recipient_ents=ents, recipient_text=rec_text)


HURT = {"injure", "beat", "assault", "wound"}
HURT_SIDE = {"protester", "civilian", "person_target", "they"}


def _hurt_or_denied(tok: Token, roles: tuple[set, set]) -> bool:
    """A rioting word that tells no rioting: the crowd is who was hurt ("several protesters
    were injured", "police beat a protester"), or the violence is denied ("a non-violent
    demonstration")."""
    if tok.lemma_.lower() in HURT and (roles[1] & HURT_SIDE or roles[0] & FORCES):
        return True
    before = tok.doc[max(tok.i - 2, 0):tok.i]
    return tok.lower_.startswith("violen") and any(t.lower_ in ("non", "non-") for t in before)


def _arrests_made(tok: Token) -> bool:
    """'Arrests reported', 'six arrests were made': arrests told as happening, not the
    arrest of someone a protest is against ('against the arrest of the editor', 'his arrest')."""
    return tok.lemma_.lower() == "arrest" and tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NNS" \
        and not any(c.dep_ in ("prep", "poss") for c in tok.children)


def _protest_window(m: Mention, doc: Doc) -> Typing:
    """Upgrade a peaceful protest from what happens to it in the next sentences."""
    t = m.typing
    sents = list(doc.sents)
    n = next(k for k, s in enumerate(sents) if s.start <= m.tok.i < s.end)
    toks = range(sents[max(0, n - 2)].start, sents[min(n + 2, len(sents) - 1)].end)
    found = cue_set(doc, toks)
    for c in ("riot_act", "lethal_force", "intervention"):  # "protest against the killing of": the grievance
        found[c] = [i for i in found.get(c, []) if not _grievance(doc[i]) and not _negated(doc[i])]
    found["riot_act"] = [i for i in found.get("riot_act", [])  # "a hail storm", "carrying torches"
                         if not (doc[i].pos_ in ("NOUN", "PROPN") and doc[i].lemma_.lower() in THING_NOT_ACT)
                         and not (doc[i].pos_ == "PROPN" and doc[i].ent_type_ in NAME_ENTS)   # "in Tyre" 
                         and not (doc[i].dep_ == "amod" and doc[i].tag_ == "VBN"
                                  and doc[i].head.lemma_.lower() not in BURNT_THINGS)]   # "looted funds" 
    roles = {i: _roles(doc[i]) for c in ("riot_act", "lethal_force", "intervention") for i in found.get(c, [])}
    found["riot_act"] = [i for i in found["riot_act"] if not _hurt_or_denied(doc[i], roles[i])]
    riot = [i for i in found.get("riot_act", []) if roles[i][0] & (CROWD | {"protest_ctx"})
            and not (roles[i][0] & FORCES and not roles[i][0] & {"protester", "mob"})   # "riot police beat ..." 
            or (doc[i].text.lower() in ("violently", "violent") and (doc[i].head.i == m.tok.i or not roles[i][0]))
            or (doc[i].pos_ in ("NOUN", "PROPN") and not roles[i][0] & FORCES and not roles[i][1] & CROWD)
            or (not roles[i][0] and "property" in roles[i][1])
            or (_linked(doc[i], m.tok) and not roles[i][0] & FORCES and not roles[i][1] & CROWD
                and i != m.tok.i)]
    lethal = [i for i in found.get("lethal_force", []) if not roles[i][0] & CROWD
              and (doc[i].pos_ in ("VERB", "AUX") or doc[i].text.lower() in STRONG_FORCE)
              and not _told_before(doc[i], m.tok)]
    lethal += [i for i in toks if doc[i].text.lower() in ("violently", "brutally") and roles.get(i, _roles(doc[i]))[0] & FORCES]
    interv = [i for i in found.get("intervention", [])
              if doc[i].pos_ in ("NOUN", "PROPN") and not roles[i][0] & CROWD
              and (doc[i].lemma_.lower() not in ("arrest", "detention", "bar", "seal", "cordon", "break")
                   or _arrests_made(doc[i]))
              or roles[i][0] & FORCES or (roles[i][1] & CROWD and not roles[i][0] & CROWD)]
    absorbed = {a.frame for a in m.absorbed if not _grievance(a.tok) and not _told_before(a.tok, m.tok)
                and not (a.frame == "shoot" and less_lethal(a.ctx.scope))}
    riot += _rioters_named(doc, found.get("rioter", []))
    if riot:
        return replace(t, event_type="Riots", sub_event_type="Violent demonstration", plover_mode="riot",
                       confidence=0.7, reason=t.reason + f"; demonstrators turned violent ('{doc[riot[0]].text}')")
    if lethal or absorbed & {"kill", "shoot"}:
        return replace(t, event_type="Protests", sub_event_type="Excessive force against protesters",
                       plover_type="ASSAULT", plover_mode="firearms", cameo="18",
                       confidence=0.7, reason=t.reason + "; lethal force used on protesters (PLOVER: the repression)")
    on_crowd = {a.frame for a in m.absorbed if {"protester", "mob"} & a.ctx.recipient}
    if interv or on_crowd & {"arrest", "beat", "attack", "injure"}:
        why = f"'{doc[interv[0]].text}'" if interv else "arrests"
        return replace(t, sub_event_type="Protest with intervention", confidence=0.7,
                       reason=t.reason + f"; protest met with intervention ({why})")
    return replace(t, confidence=0.75, reason=t.reason + "; no violence or intervention reported")


def _rioters_named(doc: Doc, found: list[int]) -> list[int]:
    """The text calls the demonstrators rioters ("a crowd of rioting youths", "Rioters took to
    the streets"): not a police unit ("riot police"), not what the protest is against, not negated."""
    units = _riot_units(doc)
    return [i for i in found if i not in units and not _grievance(doc[i]) and not _negated(doc[i])
            and not _about(doc[i], set()) and not _earlier(doc[i])
            and not (i + 1 < len(doc) and doc[i + 1].lemma_.lower() in POLICE_UNITS)]   # "Riot police chase ..."


def _earlier(tok: Token) -> bool:
    """The word is in a phrase of what came before ("since the prison riot in March")."""
    return any(a.dep_ == "prep" and a.lower_ in EARLIER_PREPS for a in tok.ancestors)


EARLIER_PREPS = {"since", "after", "following", "before"}


CROWD = {"protester", "rioter", "mob", "they"}
SAYING = {"say", "complain", "claim", "allege", "accuse", "argue", "chant", "demand", "insist", "warn", "state"}
CROWD_WORDS = {"protester", "protestor", "demonstrator", "crowd", "marcher", "they", "who", "rioter", "student"}
EARLIER_MARKS = {"after", "following", "because"}


def _told_before(tok: Token, protest: Token) -> bool:
    """A death told as background of the protest, not force used on it: in a relative
    clause or participle on someone other than the crowd ("relatives of a man who died in an
    accident", "the site of the attack which killed a woman", "coffins of those killed"), in
    what the crowd says ("complaining that ... kills") or in a clause of what came before or
    caused it ("after a rider was gunned down ..., his comrades protested")."""
    if protest in tok.subtree and protest.dep_ != "compound":   # "two people killed in the protests"
        return False
    for a in [tok, *tok.ancestors]:
        if a.i == protest.i:
            return False
        if a.dep_ in ("relcl", "acl") and a.head.lemma_.lower() not in CROWD_WORDS \
                and a.head.lower_ not in CROWD_WORDS:
            return True
        if a.dep_ == "ccomp" and a.head.lemma_.lower() in SAYING and a.head in _verb_of(protest).subtree:
            return True   # what the crowd says: "protested, complaining that the lockdown kills tourism"
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in EARLIER_MARKS for c in a.children):
            return True
    return False
LINK_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl", "amod", "prep", "pobj", "dobj"}


def _verb_of(tok: Token) -> Token:
    v = tok
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.head is v:
            break
        v = v.head
    return v


def _means(v: Token, heads: set[int]) -> bool:
    """The verb tells how the protest was made: "protest ... by setting fire to stalls",
    "protested by blocking a road and lighting fires" ('by' on the protest or its verb)."""
    means = v.head if v.dep_ == "conj" and v.head.dep_ == "pcomp" else v
    return means.dep_ == "pcomp" and means.head.lower_ == "by" and means.head.head.i in heads


def _linked(cue: Token, protest: Token) -> bool:
    """The cue is done by the demonstrators themselves: its verb is the protest verb, or
    the verb the protest clause hangs on ("burnt ballots, protesting ...", "blocked the
    road with burning tyres to demonstrate")."""
    v = _verb_of(cue)
    pv = _verb_of(protest)
    if v.i == pv.i:
        return True
    if pv.dep_ in ("advcl", "xcomp", "conj") and pv.head.i == v.i:
        return True
    if v.dep_ in ("conj",) and v.head.i == pv.i:
        return True
    if _means(v, {pv.i, protest.i}):
        return True
    # a participle inside the protest verb's own clause ("with burning tyres")
    return v.dep_ in ("amod", "acl") and any(a.i == pv.i or (pv.dep_ in ("advcl", "xcomp") and a.i == pv.head.i)
                                            for a in v.ancestors)
STRONG_FORCE = {"live", "gunshot", "gunshots", "excessive", "fatal", "fatally", "brutally"}
FORCES = {"armed", "state_force"}


THING_NOT_ACT = {"storm", "torch", "fire"}
NAME_ENTS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}
BURNT_THINGS = {"tyre", "tire", "barricade", "object", "debris", "fire", "bonfire", "firecracker", "window"}   # "burnt tyres" is rioting; "looted funds" is not


def _negated(tok: Token) -> bool:
    """"No reports of violence", "did not clash": the cue is negated."""
    for a in [tok, *tok.ancestors][:4]:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in a.children):
            return True
    return False


GRIEVANCE_VERBS = {"protest", "denounce", "condemn", "decry", "demonstrate"}
GRIEVANCE_PREPS = {"against", "over", "about", "following", "after", "for", "into"}


def _participle_clause(tok: Token) -> bool:
    """"..., burning tyres": a participle phrase after a comma that the parser hung as an
    apposition on the noun before it or as a second object of the verb; it tells what the
    crowd did, not more of what they protest."""
    doc = tok.doc
    return tok.dep_ in ("appos", "dobj") and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "," \
        and any(c.dep_ == "amod" and c.tag_ == "VBG" and c.i < tok.i for c in tok.children)


def _up(tok: Token) -> list[Token]:
    """The token and its ancestors, below a participle clause it belongs to (the clause's
    link to the rest of the sentence is the parser's, not the text's)."""
    out = []
    for a in [tok, *tok.ancestors]:
        if _participle_clause(a):
            break
        out.append(a)
    return out


def _grievance(tok: Token) -> bool:
    """A cue inside what a protest is about ("protest over the arrest of", "after the killing",
    "protested the attack")."""
    path = _up(tok)
    return any(a.dep_ == "prep" and a.text.lower() in GRIEVANCE_PREPS for a in path[1:]) \
        or any(a.dep_ == "dobj" and a.head.lemma_.lower() in GRIEVANCE_VERBS for a in path)


def _roles(tok: Token) -> tuple[set, set]:
    """Cue names on the agent side and the patient side of the verb a cue word belongs to."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head is not v and v.dep_ not in ("ROOT",):
        v = v.head
    agent = [c for c in v.children if c.dep_ == "nsubj"] + [g for c in v.children if c.dep_ == "agent"
                                                           for g in c.children]
    patient = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
        (patient if v.tag_ == "VBN" else agent).append(v.head)
    if v.dep_ == "conj" and not agent:
        agent = [c for c in v.head.children if c.dep_ == "nsubj"]

    def cues(heads):
        toks = {t.i for h in heads for t in h.subtree}
        out = set(cue_set(tok.doc, toks))
        if any(h.text.lower() in ("they", "them", "demonstrators", "crowd") for h in heads):
            out.add("they")
        return out

    return cues(agent), cues(patient)


def _parties(m: Mention) -> set[str]:
    return {a.country or a.id for a in m.actors + m.recipients}


def _refers_back(m: Mention) -> bool:
    """"the clash", "this attack", "The device exploded": a definite mention (or a verb whose
    subject is one) that tells again of an event already told."""
    return _anaphoric(m.tok) or any(_anaphoric(c) for c in m.tok.children if c.dep_ in ("nsubj", "nsubjpass"))


def _blast(k: Mention, m: Mention) -> bool:
    """"a landmine planted by X detonated", "an IED exploded": the device and its blast in
    one sentence are one explosion; "shot and killed ... in a drive-by shooting" is one
    attack (a date may be attached to either word)."""
    tk, tm = k.typing, m.typing
    related = k.tok in m.tok.subtree or m.tok in k.tok.subtree   # the device is the blast's subject
    return (tk.event_type in ("Explosions/Remote violence", "Violence against civilians")
            and tk.sub_event_type == tm.sub_event_type
            and k.tok.sent.start == m.tok.sent.start and related and k.tok.pos_ != m.tok.pos_)


def _merge(ms: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in ms:
        target = None
        for k in kept:
            undated = not (k.years and m.years)   # a date attached to one mention only
            if k.status != m.status or (k.years != m.years and not (undated and (_blast(k, m) or _refers_back(m)))):
                continue
            pk, pm = _parties(k), _parties(m)
            if pk and pm and not (pk <= pm or pm <= pk):
                continue
            tk, tm = k.typing, m.typing
            same = (tk.event_type and (tk.event_type, tk.sub_event_type) == (tm.event_type, tm.sub_event_type)
                    and (tk.event_type in ("Battles", "Riots", "Protests")
                         or (_refers_back(m) and tk.event_type in ("Explosions/Remote violence",
                                                                   "Violence against civilians"))))
            generic = (tm.event_type in ("Battles", "Violence against civilians") and tm.confidence <= 0.55
                       and tk.event_type == "Battles" and m.frame in ("attack", "clash", "war", "shoot"))
            plain = (not tk.event_type and not tm.event_type and k.frame == m.frame
                     and set(map(id, k.actors)) == set(map(id, m.actors))
                     and set(map(id, k.recipients)) == set(map(id, m.recipients))
                     and (k.tok.sent.start == m.tok.sent.start or k.actors and _anaphoric(m.tok)))
            # (with no actors, only within one sentence: "We are ready ... and have always been ready")
            if same or generic or plain or _blast(k, m):
                target = k
                break
        if target is None:
            kept.append(m)
            continue
        target.absorbed.append(m)
        target.actors = _dedupe(target.actors + [a for a in m.actors if a not in target.recipients])
        target.recipients = _dedupe(target.recipients + [a for a in m.recipients if a not in target.actors])
        if m.typing.confidence > target.typing.confidence and m.typing.event_type == target.typing.event_type:
            target.typing = replace(m.typing, reason=m.typing.reason + " (best of merged mentions)")
    return kept


def _setting(tok: Token) -> bool:
    """The event is named as the time or setting of another ("a grenade exploded amid
    clashes", "grenades were hurled during the clashes"), not reported for itself."""
    for a in tok.ancestors:
        if a.dep_ == "prep" and a.lower_ in BACKGROUND_PREPS:
            return a.head.lemma_.lower() not in OUTCOME_VERBS
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _war_setting(m: Mention) -> bool:
    """A war named in a phrase ("attacks with poisonous gas in the civil war", "killed in
    the war") is the setting of what the sentence reports, not a battle there and then."""
    return m.frame == "war" and m.tok.dep_ == "pobj"


def _battle_first(live: list[Mention], doc: Doc) -> list[Mention]:
    """Codebook: explosions/remote violence reported in the context of an ongoing battle
    are merged into one battle event. An explosion mention in the sentence of an asserted
    armed clash, or the next one, becomes part of it."""
    sidx = _sent_index(doc)
    sent = {id(m): sidx[m.tok.sent.start] for m in live}
    battles = [m for m in live if m.status == "asserted" and m.typing.sub_event_type == "Armed clash"
               and m.frame in ("clash", "war") and m.tok.lemma_.lower() not in ("shot", "shots")
               and not _setting(m.tok) and not _war_setting(m)]
    if not battles:
        return live
    gone = set()
    for m in live:
        if m.typing.event_type != "Explosions/Remote violence" or m.status != "asserted":
            continue
        host = next((b for b in battles if 0 <= sent[id(m)] - sent[id(b)] <= 1 or sent[id(m)] == sent[id(b)] - 1), None)
        if host is None:
            continue
        host.absorbed.append(m)
        host.typing = replace(host.typing, confidence=max(host.typing.confidence, m.typing.confidence),
                              reason=host.typing.reason + f"; '{m.tok.text}' is part of the battle (merged)")
        gone.add(id(m))
    return [m for m in live if id(m) not in gone]


ATTACK_WORDS = {"attack", "incursion", "offensive", "assault", "advance", "infiltration", "raid", "ambush"}
RESISTED_FRAMES = {"attack", "kill", "shoot", "injure"}


def _resisted(live: list[Mention], doc: Doc) -> None:
    """Codebook: a battle is "the exchange of armed force ... between armed groups". An
    attack the text says was repelled, fought back, answered or foiled ("thwarted an
    attack", "attacked the village ... repelled by local militiamen", "police responded")
    is such an exchange: an armed clash, not one-sided violence. The attack must not be
    the response itself ("responded by attacking villagers"), nor a crowd's."""
    if any(m.typing.sub_event_type in TERRITORY for m in live):   # a battle coded by its outcome
        return
    sents = list(doc.sents)
    sidx = _sent_index(doc)
    for m in live:
        if m.status != "asserted":
            continue
        if m.frame == "disrupt" and m.tok.lemma_.lower() in ("thwart", "foil") \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in ATTACK_WORDS for c in m.tok.children) \
                and not ({"ied", "grenade", "weapons_object"} & m.ctx.scope):
            m.typing = replace(m.typing, event_type="Battles", sub_event_type="Armed clash", plover_type="ASSAULT",
                               plover_mode="firearms", cameo="19", confidence=max(m.typing.confidence, 0.8),
                               reason=m.typing.reason + "; an attack foiled by the defenders: an exchange of armed "
                               "force (codebook: battle)")
            continue
        t = m.typing
        if m.frame not in RESISTED_FRAMES or (t.event_type, t.sub_event_type) != ("Violence against civilians", "Attack") \
                or {"mob", "protester", "rioter"} & m.ctx.words_of("actor"):
            continue
        n = sidx[m.tok.sent.start]
        toks = [i for s in sents[n:n + 2] for i in range(s.start, s.end)]
        own = {a.i for a in m.tok.ancestors}
        answer = "civilian" not in m.ctx.words_of("recipient")  # "responded, killing two", not "... by attacking villagers"
        hits = [i for i in cue_set(doc, toks).get("resist", []) if not _negated(doc[i])
                and not (doc[i].lemma_.lower() == "respond" and (i in own and not answer
                                                                  or i < m.tok.i and i not in own))]
        if hits:
            m.typing = replace(t, event_type="Battles", sub_event_type="Armed clash", plover_mode="firearms",
                               cameo="19", reason=t.reason + f"; the attack met armed resistance ('{doc[hits[0]].text}'):"
                               " an exchange of armed force (codebook: battle)")


VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def _arrests_follow(live: list[Mention]) -> None:
    """Arrests reported with political violence are its aftermath ("41 were arrested after
    they pelted police with stones"): the violence is what the report is about."""
    if not any(m.status == "asserted" and m.typing.event_type in VIOLENT_TYPES for m in live):
        return
    for m in live:
        if m.typing.sub_event_type == "Arrests":
            m.typing = replace(m.typing, confidence=m.typing.confidence - 0.2,
                               reason=m.typing.reason + "; arrests after the violence reported with them")


def _battle_prominence(live: list[Mention]) -> None:
    """A reported exchange of fire between armed sides is what a report of a battle is
    about (ACLED: one battle event; harm to bystanders is its collateral damage): a
    fighting mention typed as a battle outranks one-sided violence mentioned with it."""
    fights = [m for m in live if m.status == "asserted" and m.frame in ("clash", "war")
              and m.typing.event_type == "Battles" and m.tok.lemma_.lower() not in ("shot", "shots")
              and not _setting(m.tok) and not _war_setting(m)]
    if not fights or not any(m.typing.event_type == "Violence against civilians" for m in live):
        return
    for m in fights:
        m.typing = replace(m.typing, confidence=m.typing.confidence + 0.15,
                           reason=m.typing.reason + "; the fighting outranks one-sided violence around it")


DEMO_TYPES = {"Protests", "Riots"}
CROWD_ACTS = {"clash", "attack", "shoot", "kill", "beat", "injure", "arrest", "destroy", "loot", "mob", "riot",
              "abduct", "restrict", "disrupt"}
REPRESSION = {"shoot", "kill", "beat", "injure", "attack"}
DEMO_RANK = {"Violent demonstration": 3, "Mob violence": 3, "Excessive force against protesters": 2,
             "Protest with intervention": 1, "Peaceful protest": 0}


def _crowd_side(m: Mention, host: Mention) -> bool:
    """The violent act is the crowd's: done by demonstrators, rioters, a mob, "they", the
    demonstration's own participants, or (a clash at a demonstration) by no one armed."""
    words = m.ctx.words_of("actor")
    if {"protester", "rioter", "mob"} & words:
        return True
    if any(t.lower_ in ("they", "demonstrators", "protesters", "crowd") for t in m.args.actor_heads):
        return True
    if m.actors and any(a in host.actors for a in m.actors):
        return True
    sides = words | m.ctx.words_of("recipient")
    return m.frame == "clash" and not ({"armed", "nonstate"} & words) and (
        bool({"armed", "state_force", "mob", "protester", "rioter", "civilian"} & sides)
        or not (m.args.actor_heads or m.args.recipient_heads))  # not "the fight against poverty"


def _about(tok: Token, demo_heads: set[int]) -> bool:
    """The word is inside what a demonstration is about: under a grievance preposition
    attached to a demonstration trigger ("protest over the arrest", "rioting after being
    blocked") or the object of "protest"/"denounce" ("protested the killing")."""
    for a in _up(tok):
        if a.dep_ == "prep" and a.lower_ in GRIEVANCE_PREPS and a.head.i in demo_heads and a.head.i != tok.i:
            return True
        if a.dep_ == "dobj" and a.head.lemma_.lower() in GRIEVANCE_VERBS:
            return True
    return False


def _on_crowd(m: Mention, host: Mention) -> bool:
    """Force used on the demonstrators: the target is the crowd, or state forces act with
    no other target in the demonstration's sentence."""
    if {"protester", "rioter", "mob"} & m.ctx.words_of("recipient") \
            or any(t.lower_ in ("them", "they", "crowd") for t in m.args.recipient_heads):
        return True
    return not m.args.recipient_heads and "state_force" in m.ctx.actor and m.tok.sent.start == host.tok.sent.start


RALLY_WORDS = {"rally", "convention", "campaign", "celebration", "celebrate", "meeting"}
UNARMED_SIDES = {"armed", "state_force", "nonstate"}


def _crowd_fight(riot: list[Mention], host: Mention) -> bool:
    """Codebook (Mob violence): rioters fighting other rioters outside a demonstration. A
    political rally or celebration is no demonstration of a grievance; supporters fighting
    each other there, with no police or armed group on either side, are mob violence."""
    if host.tok.lemma_.lower() not in RALLY_WORDS:
        return False
    fights = [m for m in riot if m is not host]
    return bool(fights) and all(
        m.frame == "clash" and not (UNARMED_SIDES & (m.ctx.words_of("actor") | m.ctx.words_of("recipient")
                                                      | m.ctx.actor | m.ctx.recipient))
        for m in fights)


def _demonstration(live: list[Mention], doc: Doc) -> list[Mention]:
    """ACLED codes a demonstration once, by what happened at it: a protest whose crowd
    turns violent is a violent demonstration ("rioters may begin as peaceful protesters"),
    one met with force is a protest with intervention or excessive force. The protest
    mention, the rioting, the crowd's clash with police and the force used on the crowd
    (within two sentences, not part of the grievance) become one event; what the
    demonstration is about is background and ranks below it."""
    sidx = _sent_index(doc)
    sent = {id(m): sidx[m.tok.sent.start] for m in live}
    cand = [m for m in live if m.typing.event_type in DEMO_TYPES and m.status == "asserted"
            and (m.kind == "protest" or m.frame in ("riot", "obstruct", "mob"))]
    heads = {m.tok.i for m in cand}
    # "held a protest against ...", "protest was staged against ...", "demonstrators pelted stones over ..."
    heads |= {m.tok.head.i for m in cand if m.tok.dep_ in ("dobj", "nsubj", "nsubjpass")}
    demos = [m for m in cand if not _about(m.tok, heads)]
    if not demos:
        return live
    for m in live:
        if m not in demos and _about(m.tok, heads):
            m.typing = replace(m.typing, confidence=min(m.typing.confidence, 0.5),
                               reason=m.typing.reason + "; what a demonstration is about (background)")
    host = demos[0]
    members = [host]
    background = _grievance(host.tok)
    for m in live:
        if m is host or m.status != "asserted" or _about(m.tok, heads) \
                or (_grievance(m.tok) and not background) \
                or not any(abs(sent[id(m)] - sent[id(d)]) <= 2 for d in demos):
            continue
        if m.typing.event_type in DEMO_TYPES:
            members.append(m)
        elif m.frame in CROWD_ACTS and m.typing.event_type in (
                "Battles", "Violence against civilians", "Strategic developments") \
                and m.typing.sub_event_type in ("Armed clash", "Attack", "Arrests", "Looting/property destruction") \
                and not ({"nonstate"} & (m.ctx.words_of("actor") | m.ctx.words_of("recipient"))):
            members.append(m)
    riot = [m for m in members if m.typing.event_type == "Riots" or "rioter" in m.ctx.words_of("actor")
            or (m.frame in ("clash", "destroy", "loot", "attack", "beat") and _crowd_side(m, host))]
    if len(members) < 2 and not (riot and host.typing.event_type != "Riots"):
        return live
    force = [m for m in members if m.frame in REPRESSION and m not in riot and _on_crowd(m, host)]
    protest = any(m.kind == "protest" and m.frame != "obstruct" for m in members)
    conf = max(m.typing.confidence for m in members)
    t = host.typing
    if riot:
        fight = _crowd_fight(riot, host)
        sub = "Mob violence" if fight else "Violent demonstration" if protest else next(  # "riot"'s own typing
            (m.typing.sub_event_type for m in sorted(riot, key=lambda m: m.frame == "riot")  # is a default
             if m.typing.event_type == "Riots"), "Mob violence")
        if (t.event_type, t.sub_event_type) != ("Riots", sub):
            why = "supporters fighting each other at a rally, not a demonstration: mob violence" if fight \
                else f"the crowd turned violent ('{riot[0].tok.text}')"
            t = replace(t, event_type="Riots", sub_event_type=sub, plover_type="PROTEST", plover_mode="riot",
                        cameo="14", reason=t.reason + f"; {why}")
    else:
        best = max((m for m in members if m.typing.event_type == "Protests"),
                   key=lambda m: DEMO_RANK.get(m.typing.sub_event_type, 0), default=host)
        if best is not host:
            t = replace(best.typing, reason=best.typing.reason + " (from another mention of the demonstration)")
        if force and DEMO_RANK.get(t.sub_event_type, 0) < 2:
            lethal = any(m.frame == "kill" or (m.frame == "shoot" and not less_lethal(m.ctx.scope)) for m in force)
            sub = "Excessive force against protesters" if lethal else "Protest with intervention"
            t = replace(t, sub_event_type=sub, reason=t.reason + f"; force used on the crowd ('{force[0].tok.text}')")
    host.typing = replace(t, confidence=max(conf, t.confidence),
                          reason=t.reason + "; one demonstration (ACLED codes it once)")
    for m in members[1:]:
        host.absorbed.append(m)
    gone = {id(m) for m in members[1:]}
    return [m for m in live if id(m) not in gone]


TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
COOPERATIVE = {"AID", "RETREAT", "COOPERATE", "SUPPORT", "CONSULT", "CONCEDE", "AGREE"}
CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


def _territory_first(ms: list[Mention]) -> list[Mention]:
    """A battle that changes territorial control is coded by its outcome (ACLED): armed
    clashes in the same sentence as a capture are part of it."""
    out = []
    for m in ms:
        owner = next((k for k in ms if k is not m and k.typing.sub_event_type in TERRITORY
                      and k.tok.sent.start == m.tok.sent.start), None)
        if owner is not None and m.typing.sub_event_type == "Armed clash":
            owner.absorbed.append(m)
            continue
        out.append(m)
    return out


def _act_now(m: Mention) -> None:
    """A request, promise or threat is made when it is reported: "must help" is a REQUEST
    today, "will release the hostages" an AGREE. Only for events with no ACLED type, whose
    status nothing else reads."""
    t = m.typing
    if t.event_type or m.status not in ("future", "hypothetical") \
            or t.plover_type not in ("REQUEST", "AGREE", "THREATEN") or t.plover_type == frames()[m.frame].plover_type:
        return
    m.typing = replace(t, reason=t.reason + f"; the {t.plover_type.lower()} itself is made now ({m.status_reason})")
    m.status, m.status_reason = "asserted", None


END_VERBS = {"end", "halt", "stop", "suspend", "lift", "ease", "cease", "terminate", "abandon", "freeze", "cancel",
             "scrap", "relax"}
OFF_VERBS = {"break", "call", "cut"}  # "broke off talks", "called off the visit", "cut off aid"
# eased curbs with material effect are RETREAT (CAMEO 085, 0872); other restrictions CONCEDE (081), and so is
# lifting a curfew: the PLOVER manual treats it as a verbal concession (a promise not to arrest)
MATERIAL_CURBS = {"blockade", "siege", "embargo", "boycott", "closure"}


def _ender(tok: Token, verbs: set = END_VERBS, off: set = OFF_VERBS, prt: tuple = ("off",)) -> Optional[Token]:
    """The verb that ends the event named by tok ("ended mediation efforts", "lifted the
    blockade", "talks were broken off"), if any and not negated."""
    if tok.dep_ == "compound":  # "ended mediation efforts"
        tok = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass"):
        return None
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma in verbs or (lemma in off and any(c.dep_ == "prt" and c.lower_ in prt for c in head.children)):
        return None if _negated(head) else head
    return None


# PLOVER manual (ASSAULT crowd-control): "police pushed back protesters" is a restriction,
# COERCE; only force (weapons, tear gas, killings) on a crowd is ASSAULT
SUPPRESS_VERBS = {"prevent", "ban", "forbid", "bar", "disperse", "outlaw", "prohibit", "suppress", "block", "foil",
                  "thwart"}
FORCE_SUBS = {"Protest with intervention", "Excessive force against protesters"}  # tear gas etc.: force
SUPPRESS_UP = {"break", "put"}  # "broke up the rally", "put down the uprising" (organisers calling off a march
# is their own concession, not a restriction)


def _ended(live: list[Mention]) -> list[Mention]:
    """PLOVER codes ending an exchange as SANCTION ("ended mediation", "suspended aid":
    CAMEO 16, reduce relations) and ending a restriction or sanction as RETREAT ("lifted
    the blockade", "eased sanctions": CAMEO 085/0872). The ending verb's own mention
    ("lifted" as a concession, "halt" as a sanction) is the same act and is absorbed.
    ACLED typing is unchanged."""
    gone: set[int] = set()
    for m in live:
        ender = _ender(m.tok)
        t = m.typing
        stopper = _ender(m.tok, SUPPRESS_VERBS, SUPPRESS_UP, ("up", "down")) if t.plover_type == "PROTEST" else None
        if stopper is not None and t.plover_mode != "riot" and t.sub_event_type not in FORCE_SUBS:
            m.typing = replace(t, plover_type="COERCE", plover_mode="restrict", cameo="17",
                               reason=t.reason + f"; PLOVER COERCE: the demonstration was stopped ('{stopper.text}'), "
                                                 f"a restriction short of force")
            ender = stopper
        elif ender is None or not t.plover_type:
            continue
        elif t.plover_type == "PROTEST" and t.plover_mode != "riot":   # "called off the strike": CAMEO 082
            m.typing = replace(t, plover_type="CONCEDE", plover_mode=None, cameo="08",
                               reason=t.reason + f"; PLOVER CONCEDE: '{ender.text}' ends a protest (eases dissent)")
        elif t.plover_type in COOPERATIVE - {"RETREAT", "CONCEDE"}:
            m.typing = replace(t, plover_type="SANCTION", plover_mode="discontinue", cameo="16",
                               reason=t.reason + f"; PLOVER SANCTION: '{ender.text}' ends a {t.plover_type.lower()}")
        elif t.plover_type == "SANCTION" or (t.plover_type == "COERCE" and m.tok.lemma_.lower() in MATERIAL_CURBS):
            m.typing = replace(t, plover_type="RETREAT", plover_mode=None, cameo="08",
                               reason=t.reason + f"; PLOVER RETREAT: '{ender.text}' eases a {m.tok.lemma_.lower()}")
        elif t.plover_type == "COERCE" and m.frame == "restrict":   # a state of emergency, a ban (CAMEO 081)
            m.typing = replace(t, plover_type="CONCEDE", plover_mode=None, cameo="08",
                               reason=t.reason + f"; PLOVER CONCEDE: '{ender.text}' eases an administrative "
                                                 f"restriction")
        else:
            continue
        for k in live:
            if k is not m and k.tok.i == ender.i and not k.typing.event_type:
                m.absorbed.append(k)   # the event is now the ending, with its status ("may halt")
                m.status, m.status_reason = k.status, k.status_reason
                gone.add(id(k))
    return [m for m in live if id(m) not in gone]


GOODS = {"loan", "credit", "fund", "funding", "money", "million", "billion", "grant", "aid", "assistance", "food",
         "equipment", "weapon", "arms"}  # what may be given in an AID event, besides a currency (currencies.tsv)


def _given(live: list[Mention]) -> list[Mention]:
    """'Grant' is a concession when what is granted is an amnesty, a pardon or a demand,
    and AID (CAMEO 07, provide aid) when it is money, goods or an aid event ("granted five
    million dollars in aid", "granted a loan"); the aid event then is the act."""
    gone: set[int] = set()
    for h in live:
        if h.frame != "concede" or h.tok.lemma_.lower() not in ("grant", "give", "offer"):
            continue
        objs = [c for c in h.tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        aid = next((m for m in live if m.typing.plover_type == "AID" and _content_of(m, h)), None)
        if aid is not None:
            aid.absorbed.append(h)
            gone.add(id(h))
            aid.actors = aid.actors or h.actors
            aid.recipients = aid.recipients or h.recipients
            aid.typing = replace(aid.typing, confidence=max(aid.typing.confidence, h.typing.confidence),
                                 reason=aid.typing.reason + f"; granted ('{h.tok.text}')")
        elif any(o.lemma_.lower() in GOODS or o.lemma_.lower() in currency_words() for o in objs):
            h.typing = replace(h.typing, plover_type="AID", plover_mode=None, cameo="07",
                               reason=h.typing.reason + "; money or goods granted: PLOVER AID")
    return [m for m in live if id(m) not in gone]


PEOPLE_MOVED = {"wounded", "injured", "sick", "civilian", "refugee", "resident", "people", "child", "children",
                "family", "citizen", "national", "villager", "survivor", "patient", "foreigner"}


def _evacuated(m: Mention) -> None:
    """Evacuating people (the wounded, civilians, foreign nationals) is humanitarian help:
    PLOVER AID, like a rescue (PLOVER manual); troops evacuating a place stay RETREAT."""
    if m.tok.lemma_.lower() not in ("evacuate", "evacuation") or m.typing.plover_type != "RETREAT":
        return
    objs = [c for c in m.tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in m.tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in PEOPLE_MOVED or o.lower_ in PEOPLE_MOVED for o in objs):
        m.typing = replace(m.typing, plover_type="AID", plover_mode=None, cameo="07",
                           reason=m.typing.reason + "; people evacuated: PLOVER AID (humanitarian)")


MONITORS = {"peacekeeper", "peacekeeping", "observer", "monitor", "inspector", "blue helmet"}


def _admitted(m: Mention) -> None:
    """Peacekeepers, observers or inspectors arriving or hosted are the host allowing
    international involvement: PLOVER RETREAT, access (CAMEO 0861-0862), not a visit."""
    if m.frame not in ("visit", "consult") or m.typing.plover_type != "CONSULT":
        return
    near = [c for c in m.tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    words = {t.lemma_.lower() for c in near for t in c.subtree} | {t.lower_ for c in near for t in c.subtree}
    if words & MONITORS:
        m.typing = replace(m.typing, plover_type="RETREAT", plover_mode="access", cameo="08",
                           reason=m.typing.reason + "; peacekeepers or observers admitted: PLOVER RETREAT (access)")


def _infinitive(tok: Token) -> bool:
    """'to fight' under a verb (the parser makes it xcomp, or advcl after 'sworn')."""
    return tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _intent_content(live: list[Mention]) -> None:
    """A promise or vow is AGREE only for cooperation: "vowed to fight on" is a THREATEN
    (PLOVER: AGREE is willingness to cooperate; THREATEN intent to use force or coerce).
    Only the verb the vow governs directly ("vowed to attack") is its content."""
    for h in live:
        if h.frame != "intent" or h.typing.plover_type != "AGREE":
            continue
        inner = [m for k in live if k is not h for m in [k] + k.absorbed
                 if m.tok.head.i == h.tok.i and m.typing is not None and _infinitive(m.tok)
                 and (m.typing.plover_type in CONFLICTUAL or m.typing.plover_type == "THREATEN")]
        if inner:
            h.typing = replace(h.typing, plover_type="THREATEN", plover_mode=None, cameo="13",
                               reason=h.typing.reason + f"; PLOVER THREATEN: a vow to {inner[0].tok.text}")


def _readying(m: Mention) -> Optional[Token]:
    """The verb 'prepare' under which forces get ready for an attack ("the army prepared to
    resume shelling", "is preparing an offensive"); 'is prepared to' (an adjective, willing)
    is not it."""
    tok = m.tok
    for _ in range(2):    # "prepared to resume shelling", "prepared to launch an offensive"
        if tok.dep_ in ("dobj", "xcomp") and tok.head.dep_ == "xcomp" and tok.head.lemma_.lower() != "prepare":
            tok = tok.head
    head = tok.head
    if head.lemma_.lower() == "prepare" and head.pos_ == "VERB" and (_infinitive(tok) or tok.dep_ == "dobj"):
        return head
    return None


def _plover_modality(m: Mention) -> Typing:
    """PLOVER codes intent as a type: a future cooperative act is AGREE, a future or
    conditional conflictual one THREATEN, a refused or failed cooperative one REJECT.
    Forces getting ready to attack are MOBILIZE (increase readiness; PLOVER manual)."""
    t, why = m.typing, m.status_reason or ""
    ready = _readying(m) if t.plover_type == "ASSAULT" else None
    if ready is not None:
        return replace(t, plover_type="MOBILIZE", plover_mode=None, cameo="15",
                       reason=t.reason + f"; PLOVER MOBILIZE: forces readied ('{ready.text}')")
    if why in ("modal 'must'", "modal 'should'") and t.plover_type and t.plover_type != "REQUEST":
        return replace(t, plover_type="REQUEST", plover_mode=None, cameo="10",
                       reason=t.reason + f"; PLOVER REQUEST: '{why[7:-1]}' on another's {t.plover_type.lower()}")
    # "said it would tighten the blockade": in reported speech 'would' is the speaker's intent
    intent = m.status == "future" or (m.status == "hypothetical" and why.startswith("modal"))
    if intent and t.plover_type in COOPERATIVE and t.plover_type != "AGREE":
        return replace(t, plover_type="AGREE", plover_mode=None, cameo="03",
                       reason=t.reason + f"; PLOVER AGREE: intent to {t.plover_type.lower()}")
    if intent and t.plover_type in CONFLICTUAL:
        return replace(t, plover_type="THREATEN", plover_mode=None, cameo="13",
                       reason=t.reason + f"; PLOVER THREATEN: intent to {t.plover_type.lower()}")
    if m.status == "denied" and t.plover_type in COOPERATIVE:
        return replace(t, plover_type="REJECT", plover_mode=None, cameo="12",
                       reason=t.reason + f"; PLOVER REJECT: refused {t.plover_type.lower()}")
    return t


def _anaphoric(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.text.lower() in ("the", "this", "these", "that", "those") for c in tok.children)


def _contexts(m: Mention) -> list[str]:
    """PLOVER contexts: the frame's (CAMEO2PLOVER) plus what the cues say the event is about."""
    out = [c for c in [frames()[m.frame].context] if c]
    cues = m.ctx.scope | m.ctx.sentence
    for cue, context in (("natural", "environment"), ("crime", "crime"), ("chemical", "cbrn")):
        if cue in cues and context not in out:
            out.append(context)
    return out


PROMINENCE = 0.15


REPORTING = {"say", "report", "announce", "tell", "confirm", "claim", "state", "add", "disclose", "reveal"}
OUTCOME_VERBS = {"kill", "die", "injure", "wound", "shoot", "dead", "displace", "flee", "arrest", "hurt", "leave"}
BACKGROUND_PREPS = {"after", "during", "amid", "following", "since", "before", "despite"}


def _described(tok: Token) -> bool:
    """The event is told in a relative clause that describes a participant of the sentence's
    main event ("families who claim their children were kidnapped continued their sit-in",
    "relatives of a man who was shot protested"): background, not what is reported."""
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "relcl" and a.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return True
    return False


def _prominence(tok: Token) -> float:
    """A report leads with its event: the main verb of the first sentence (or a noun it
    governs directly; past a reporting verb, the reported clause's verb) ranks a little
    above events in subordinate clauses; an event named only as the time or setting of
    another ("after two days of fighting", "during the war") a little below."""
    for a in tok.ancestors:
        if a.dep_ == "prep" and a.lower_ in BACKGROUND_PREPS:
            # "killed after clashes": the clashes are what killed them, not background
            return 0.0 if a.head.lemma_.lower() in OUTCOME_VERBS else -PROMINENCE
        if a.pos_ in ("VERB", "AUX"):
            break
    if _described(tok):
        return -PROMINENCE
    if tok.sent.start != 0:
        return 0.0
    gov = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if not (gov is tok or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")):
        return 0.0
    if gov.dep_ == "ROOT" and gov.lemma_.lower() not in REPORTING:
        return PROMINENCE
    if gov.dep_ == "ccomp" and gov.head.dep_ == "ROOT" and gov.head.lemma_.lower() in REPORTING:
        return PROMINENCE
    return 0.0


def _rank(m: Mention, recipients: list[Actor]) -> float:
    """An event's confidence, which ranks the events of a document: its typing's, plus
    resolved actors and recipients, plus the lead of the report."""
    t = m.typing
    conf = t.confidence + (0.1 if m.actors else 0) + (0.05 if recipients else 0)
    if m.status == "denied" and t.plover_type != "REJECT":  # "police did not engage the protesters"
        conf = min(conf, 0.4)  # (a refusal PLOVER codes as REJECT is what happened)
    return conf + _prominence(m.tok)


def _label(doc: Doc) -> Optional[tuple[str, int]]:
    """The category label a report opens with ('Movement of forces:', 'Property
    destruction:') and the token index of its colon, if the text has one
    (data/event_labels.tsv)."""
    colon = next((t for t in doc[:8] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    label = " ".join(doc[:colon.i].text.lower().split())
    return (label, colon.i) if label in labels() else None


def _labelled(live: list[Mention], state) -> list[Mention]:
    """ACLED's notes open a strategic development with its category ('Movement of forces:
    a military column entered ...', 'Defusal: ...'): the label types the report's lead
    event (the asserted mention ranked first), which keeps its actors; when the triggers
    found nothing asserted, the label itself is the event."""
    found = _label(state.doc)
    if found is None:
        return live
    label, colon = found
    asserted = [m for m in live if m.status == "asserted"]
    if asserted:
        lead = max(asserted, key=lambda m: (_rank(m, m.recipients), -m.tok.i))
        lead.typing = labelled(label, lead.typing)
        return live
    doc = state.doc
    hit = Hit(0, colon, labels()[label])
    m = Mention(hit, hit.head(doc), hit.value, Args(), [], [], Context(set(), set(), set(), set()), frozenset())
    m.typing = labelled(label)
    return [m] + live


def _event(n: int, m: Mention, recipients: list[Actor]) -> Event:
    t, tok = m.typing, m.tok
    h = m.hit
    span = tok.doc[h.start:h.end]
    sent = tok.sent
    merged = len([a for a in m.absorbed if a.host is None])
    reason = t.reason + (f"; status {m.status}: {m.status_reason}" if m.status_reason else "")
    if merged:
        reason += f"; merged {merged} coreferent mention(s)"
    conf = _rank(m, recipients)
    return Event(
        id=f"e{n}", trigger=Span(span.text, span.start_char, span.end_char),
        sentence=Span(sent.text, sent.start_char, sent.end_char),
        acled=AcledType(disorder_type=DISORDER.get(t.event_type) if t.event_type else None,
                        event_type=t.event_type, sub_event_type=t.sub_event_type),
        plover=PloverType(type=t.plover_type, mode=t.plover_mode, context=_contexts(m)),
        cameo=t.cameo, actors=list(m.actors), recipients=list(recipients), status=m.status,
        confidence=round(min(conf, 0.95), 2), reason=reason)


ACT_MARGIN = 0.05  # above what later stages add to an event for its named actors
CONTENT_SKIP = {"nsubj", "nsubjpass", "csubj", "csubjpass", "advcl", "punct", "appos", "mark"}


def _content_of(m: Mention, h: Mention) -> bool:
    """m is what h says, asks for, threatens, rejects or discusses: m's trigger lies below
    h's in the parse, reached through an object, complement or argument of h, not through
    its subject, an adverbial clause or a background phrase ("after two days of fighting")."""
    tok = m.tok
    if tok.i == h.tok.i or tok.sent.start != h.tok.sent.start:
        return False
    while tok.head.i != tok.i and tok.head.i != h.tok.i:
        tok = tok.head
    if tok.head.i != h.tok.i or tok.i == h.tok.i:
        return False
    return (tok.dep_ not in CONTENT_SKIP or _infinitive(tok)) and not (tok.dep_ == "prep" and tok.lower_ in BACKGROUND_PREPS)


def _speech_acts_first(pairs: list[tuple[Mention, Event]]) -> None:
    """PLOVER codes the act, not its content: "threatened to launch an offensive" is
    THREATEN, "dismissed an appeal" REJECT, "indicted for atrocities in the war" ACCUSE.
    A verbal or diplomatic event (a PLOVER type with no ACLED type) ranks at least level
    a little above the events it governs (at 0.95, the earlier trigger, the act, wins). ACLED
    typing and ranking among ACLED-typed events are unchanged."""
    for h, he in pairs:
        if he.acled.event_type or not he.plover.type:
            continue
        inner = [e.confidence for m, e in pairs if e is not he and e.plover.type and _content_of(m, h)]
        if inner and max(inner) + ACT_MARGIN > he.confidence:
            he.confidence = round(min(max(inner) + ACT_MARGIN, 0.95), 2)
            he.reason += "; the act that governs another event in its sentence (PLOVER codes the act)"


def run(state):
    doc = state.doc
    ms = _mentions(state)
    _absorb(ms, doc)
    for m in ms:
        m.typing = type_mention(m.frame, _with_absorbed(m))
    for m in ms:
        if m.kind == "protest" and m.typing.event_type == "Protests" and m.host is None:
            m.typing = _protest_window(m, doc)
    live = [m for m in ms if m.host is None and m.typing.keep]
    live = _territory_first(live)
    live = _battle_first(live, doc)
    live = _demonstration(live, doc)
    _resisted(live, doc)
    _battle_prominence(live)
    for m in live:
        if _war_setting(m):
            m.typing = replace(m.typing, confidence=m.typing.confidence - PROMINENCE,
                               reason=m.typing.reason + "; a war named as the setting ranks below the events in it")
    _arrests_follow(live)
    live = _ended(live)
    live = _given(live)
    for m in live:
        _admitted(m)
        _evacuated(m)
        m.typing = _plover_modality(m)
        _act_now(m)
    _intent_content(live)
    live = _labelled(_merge(live), state)
    events: list[Event] = []
    pairs: list[tuple[Mention, Event]] = []
    for m in live:
        groups = m.recipient_groups if m.typing.plover_type in SPLIT_TYPES and len(m.recipients) > 1 else []
        if groups and len(groups) == 1 and len(groups[0]) > 1:
            groups = [[a] for a in groups[0]]
        if len(groups) > 1:
            for g in groups:
                events.append(_event(len(events) + 1, m, [a for a in g if a not in m.actors]))
                pairs.append((m, events[-1]))
        else:
            events.append(_event(len(events) + 1, m, m.recipients))
            pairs.append((m, events[-1]))
    _speech_acts_first(pairs)
    state.result.events = events
    return state
