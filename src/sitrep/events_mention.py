"""Event mentions: the triggers a document holds, each with its arguments, actors and the cue
words around it (sitrep.stages.events builds on these).

Hits of data/event_triggers.tsv that are no event are dropped ("riot police", "assault
rifles", "March" the month); light verbs give way to their nouns ("signed a pact"); a weapon
found, cleared or tested is no attack ("landmines were cleared", "missile tests"). Each kept
hit becomes a Mention with its Args (events_args, corrected for headlines by events_headline),
resolved actors and recipients, cue Context for typing, years named in it and status.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from spacy.tokens import Doc, Token

from .events_args import TIME_ENTS, Args, arguments, resolve_np, speaker_of, status_of
from .events_headline import headed_target, headline_noun, headline_passive
from .events_lex import Hit, cue_set, frames, triggers
from .events_typing import Context, Typing
from .lexicon import word_class
from .records import Actor


SKIP_ENTS = {"ORG", "GPE", "PERSON", "NORP", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}
FAMILIES = [{"agreement", "ceasefire"}, {"consult", "visit", "phone"}, {"request", "appeal"},
            {"accuse", "disapprove"}, {"reject", "deny"}]
PRUNE_DEPS = {"conj", "ccomp", "parataxis", "advcl", "relcl"}
REMOTE_NOUN_FRAMES = {"shell", "ied", "explode", "grenade", "air", "drone"}


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


def _counted(tok: Token) -> Token:
    """What a bare number counts: a number the parser left with no noun of its own, before
    an acronym it took for a verb and a noun ('killed 4 IS fighters' read as '4' the object and
    'IS' a verb): the noun right after, past the acronym. Anything else is itself."""
    doc = tok.doc
    if tok.pos_ != "NUM" or any(c.pos_ in ("NOUN", "PROPN") for c in tok.children) or tok.i + 2 >= len(doc):
        return tok
    name, noun = doc[tok.i + 1], doc[tok.i + 2]
    if name.text.isupper() and len(name.text) > 1 and name.pos_ in ("AUX", "VERB", "PROPN") \
            and noun.pos_ == "NOUN" and noun.head.i != tok.i:
        return noun
    return tok


def _left_dead(tok: Token) -> list[Token]:
    """Who is dead where 'dead' is said of another word: the object of the verb it completes
    ('leaving three fighters dead', 'left 3 IS fighters dead' with the acronym read as a verb),
    or the people it describes ('with two militants dead'; not 'shot dead' with the verb
    tagged a noun)."""
    if tok.lower_ != "dead":
        return []
    if tok.dep_ == "amod":
        return [tok.head] if tok.head.pos_ in ("NOUN", "PROPN") and _names_people(tok.head) else []
    if tok.dep_ in ("oprd", "acomp", "xcomp"):
        return [c for c in tok.head.children if c.dep_ in ("dobj", "attr")][:1]
    return []


def _target_np(trigger: Token, tok: Token) -> set[int]:
    """The noun phrase of a target (_np); where the parser hung the trigger and its doer on the
    target ("X attack police officers" read as one phrase: events_headline.headed_target), only
    its words after the trigger."""
    out = _np(tok)
    return {i for i in out if i > trigger.i} if headed_target(trigger, tok) else out


PEOPLE_CUES = {"person_target", "civilian"}


def place_of_act(verb: Token, head: Token) -> bool:
    """'kill civilians at checkpoints', 'shot two men at a bar': where a verb has the people
    it acts on as its object, an 'at' phrase on it says where the act happened, not a second
    target. Without such an object ('fired at soldiers', 'opened fire at a patrol',
    'threw stones at police') the 'at' phrase is the target and stays one."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.text.lower() != "at" or prep.head.i != verb.i:
        return False
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and _names_people(c) for c in verb.children)


def _names_people(tok: Token) -> bool:
    """The noun names people: a person word of the cue table or a person or people named."""
    return bool(PEOPLE_CUES & set(cue_set(tok.doc, {tok.i}))) or tok.ent_type_ in ("PERSON", "NORP")


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
    if tok.pos_ in ("VERB",) and tok.dep_ == "amod" and tok.lemma_.lower() not in ("protest", "demonstrate") \
            and tok.tag_ != "VBD":
        return False  # "Turkish-backed militants"; not a past tense the parser hung on its object (a misparse)
    if tok.pos_ == "VERB" and tok.dep_ == "compound":
        return False
    if hit.value == "riot" and tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") \
            and (tok.head.lemma_.lower() in RIOT_KIT
                 or tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lemma_.lower() in RIOT_KIT):
        return False  # "riot police", "riot gear": the unit, not a riot (not "Hawkers riot and force workers")
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
    if hit.value in ("war", "clash") and _not_fighting(tok):
        return False
    if tok.lemma_.lower() in CUTTING and not _cuts_people(tok):
        return False  # "slashed prices", "chopped wood"
    return True


CUTTING = {"slash", "spear", "chop"}   # verbs of cutting: an attack only on people (event_triggers.tsv)


def _cuts_people(verb: Token) -> bool:
    """What a verb of cutting is done to names people: its object or passive subject is a
    person word, a person or people named, or a personal pronoun ('slashed two traders', 'a
    herder was speared', 'chopped him'), not prices, a budget or wood."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (_names_people(c) or c.tag_ == "PRP") for c in verb.children)


WAR_WORDS = {"torn", "ravaged", "hit", "weary", "scarred", "stricken", "battered", "affected"}   # "war-torn"
WAR_OWNERS = {"prisoner", "crime", "criminal", "veteran", "memorial", "museum", "cemetery", "reparation", "widow"}
FIGHTERS = {"armed", "nonstate", "state_force", "firearm", "small_arms", "artillery", "air", "ied"}


def _not_fighting(tok: Token) -> bool:
    """A war or battle word that tells no fighting then and there: part of an adjective
    ("war-torn Libya"), a name for people or things of a war ("prisoners of war", "war
    crimes"), an attitude ("inherent hostility", singular), or a struggle with a disaster or
    a disease that the word governs, with no armed side in its sentence ("battle to contain
    wildfires", "the fight against the pandemic")."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in WAR_WORDS:
        return True
    owner = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
        else tok.head if tok.dep_ == "compound" else None
    if owner is not None and owner.lemma_.lower() in WAR_OWNERS:
        return True
    if tok.lemma_.lower() == "hostility" and tok.tag_ == "NN":
        return True
    against = {t.i for c in tok.children if c.dep_ in ("prep", "acl", "xcomp") for t in c.subtree}
    found = cue_set(doc, range(tok.sent.start, tok.sent.end))
    return "natural" in cue_set(doc, against) and not FIGHTERS & set(found)


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
        if t.dep_ in ARMS_PATH or (t.dep_ in ("relcl", "acl") and t.lemma_.lower() in LISTING) \
                or (t.dep_ == "nsubj" and t is tok):   # "Bomb discovered in a bus" parsed active
            t = t.head
        else:
            return None
        if t.i in by_head:
            return by_head[t.i]
    return None


TEST_WORDS = {"test", "testing", "program", "programme", "development"}
KIND_WORDS = {"pact", "treaty", "accord", "deal", "talks", "squad", "team", "expert", "inspector", "watchdog"}


def _tested(tok: Token) -> bool:
    """A weapon named as what is tested or developed ('ballistic missile tests', 'the test of a
    hydrogen bomb', 'missile development programmes'), or as what a pact or a body of people
    deals with ('a missile treaty', 'the bomb squad', 'weapons inspectors'): no weapon is
    fired at anyone, so it is no attack (codebook: shelling and explosions are violence done
    to someone)."""
    a = tok
    while a.dep_ in ("compound", "amod", "nmod", "conj") and a.head.i != a.i:
        a = a.head
    heads = [a, a.head.head] if a.dep_ == "pobj" and a.head.lower_ == "of" else [a]
    return any(h.i != tok.i and h.lemma_.lower() in TEST_WORDS | KIND_WORDS for h in heads)


def _used_by(tok: Token, by_head: dict, kinds: dict) -> bool:
    """A weapon the doers of another act use ("aircraft using guided missiles killed four",
    "gunmen armed with grenades attacked"): the means of that act, whose trigger in the same
    clause names the event (a violent act or its outcome)."""
    if not (tok.dep_ == "dobj" and tok.head.lemma_.lower() == "use" and tok.head.dep_ in ("acl", "advcl")):
        return False
    clause = tok.head.head if tok.head.dep_ == "advcl" else tok.head.head.head   # 'using' on the verb or its subject
    return clause.i in by_head and kinds.get(clause.i) in ("violent", "outcome")


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


VESSELS = {"tank", "container", "plant", "furnace", "boiler", "cylinder", "bunker", "pipeline", "reactor", "silo",
           "tanker", "transformer", "generator", "kiln", "refinery", "factory"}


def vessel_blast(tok: Token) -> bool:
    """What exploded is a storage tank, a plant, a furnace or a boiler ("a tank at the gas
    plant exploded", "a fertilizer plant explosion", "the explosion at the plant")."""
    near = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "compound")]
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN":   # "the explosion at the plant" handled by its prep
        near += [c for c in tok.children if c.dep_ == "prep" and c.text.lower() == "at" for c in c.children]
    return any(t.lemma_.lower() in VESSELS for n in near for t in n.subtree)


def _industrial(tok: Token, ctx: Context) -> None:
    """A vessel's blast (vessel_blast) is an industrial accident. Its words are no weapon
    ('tank' the vehicle, 'plant' a bomb) and it is an accident unless the text names a bomb
    or an attacker (events_typing's accident rule decides)."""
    if not vessel_blast(tok):
        return
    for cues in (ctx.scope, ctx.sentence, ctx.actor, ctx.words_of("actor")):
        cues -= {"artillery", "ied"}
    ctx.scope.add("accident")


POLICE_UNITS = {"police", "policeman", "officer", "unit", "squad", "gear", "personnel", "force", "van", "shield"}
RIOT_KIT = POLICE_UNITS | {"control", "act", "gun", "helmet", "equipment", "policeman", "policemen", "truck"}


def riot_units(doc: Doc) -> set[int]:
    """'riot' naming a police unit or its kit ("riot police", "anti-riot officers", "riot
    gear"): no rioters; its words are left out of the cues."""
    return {t.i for t in doc if t.lemma_.lower() == "riot" and t.dep_ in ("compound", "amod", "nmod")
            and t.head.lemma_.lower() in POLICE_UNITS}


def mentions(state) -> list[Mention]:
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
            light = tok.lemma_.lower() in word_class("light_verb") or h.value == by_head.get(c.i, h).value
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
            elif _used_by(doc[i], by_head, kinds) or _tested(doc[i]):
                drop.add(i)
    out = []
    units = riot_units(doc)
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
        if h.value == "protest" and (tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children)
                                     or _lodged(tok)):
            h = replace(h, value="disapprove")  # "a rights group protested that ...": a verbal protest
        if h.value == "attack" and tok.lemma_.lower() == "violence" and _between_sides(tok):
            h = replace(h, value="clash")  # "inter-clan violence": fighting between sides
        reported = _reported_by_protest(tok) if h.value == "protest" else None
        if reported is not None:
            h = replace(h, value="disapprove")  # "X are failing to ..., a rights group protested": a verbal protest
        args = headline_noun(tok, h.value, headline_passive(tok, h.value, arguments(tok, h.value)))
        if reported is not None:
            args.recipient_heads = [reported]   # about the clause it closes: that clause's subject
        if h.value == "accuse" and tok.pos_ == "NOUN":  # "Armenian provocation": the accused
            spk = speaker_of(tok)
            args = Args(actor_heads=[spk] if spk is not None else [], recipient_heads=args.actor_heads,
                        governor=args.governor)
        args.recipient_heads = [_counted(t) for t in args.recipient_heads or _left_dead(tok)
                                if not place_of_act(tok, t)]
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
        actor_np = set().union(*[_np(t) for t in args.actor_heads]) if args.actor_heads else set()
        actor_text = set(cue_set(doc, actor_np - units - set().union(*[_named_members(t) for t in args.actor_heads])))
        recipient_text = set(cue_set(doc, set().union(*[_target_np(tok, t) - _weak_head(t)
                                                        for t in args.recipient_heads]) - units
                                     if args.recipient_heads else ()))
        if any(_people_of(t) for t in args.recipient_heads):
            recipient_text.add("civilian")
        if h.value == "find" and any(_human_head(t) for t in args.actor_heads + args.recipient_heads):
            recipient_text.add("corpse")
        ctx = Context(
            scope=set(cue_set(doc, scope - units)),
            actor=actor_text | _actor_cues(actors),
            recipient=recipient_text | _actor_cues(recipients),
            recipient_ents={t.ent_type_ for r in args.recipient_heads for t in _target_np(tok, r) for t in [doc[t]]
                            if t.ent_type_},
            sentence=set(cue_set(doc, set(range(tok.sent.start, tok.sent.end)) - units)),
            others=set(cue_set(doc, set(range(tok.sent.start, tok.sent.end)) - units - actor_np)),
            crowd_control=any(c.text.lower() in ("smoke", "stun", "tear", "flash") for c in tok.children),
            mode=h.mode, plural=tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() == "explosion",
            actor_text=actor_text, recipient_text=recipient_text,
            instrument=set(cue_set(doc, _instrument(tok))), verb=tok.lemma_.lower() if tok.pos_ == "VERB" else None,
            actor_named=bool(args.actor_heads),
            recipient_head=set(cue_set(doc, {x.i for t in args.recipient_heads
                                             for x in [t, *t.children] if x is t or x.dep_ == "compound"})),
        )
        if h.value == "explode":
            _industrial(tok, ctx)
        status, why = status_of(tok, args.governor)
        if status == "asserted" and _anticipated(tok):
            status, why = "future", f"anticipated ('{tok.head.head.text} of')"
        m = Mention(h, tok, h.value, args, dedupe(actors), dedupe(recipients), ctx, _years(tok, heads),
                    status, why)
        m.recipient_groups = [g for g in groups if g]
        out.append(m)
    return out


SIDES = {"clan", "communal", "community", "ethnic", "tribal", "religious", "factional", "militia", "gang"}


def _between_sides(tok: Token) -> bool:
    """Violence said to be between sides ("violence between the Kalenjin and the Maasai",
    "violence between rival gangs") or named by a prefix of mutual action ("inter-clan
    violence", "intercommunal violence") is fighting in both directions: a clash of the
    sides, not one-sided violence (codebook: a battle is a violent interaction between
    armed, organised groups, communal militias among them)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            if any(g.dep_ == "pobj" and (g.tag_ in ("NNS", "NNPS") or any(x.dep_ == "conj" for x in g.children))
                   for g in c.children):
                return True
        if c.dep_ == "amod" and c.i < tok.i:
            word = c.lower_
            if word == "inter" and c.i + 2 < len(tok.doc) and tok.doc[c.i + 1].text == "-":
                word += tok.doc[c.i + 2].lower_
            if word.startswith("inter") and word[5:].lstrip("-") in SIDES:
                return True
    return False


def _reported_by_protest(tok: Token) -> Optional[Token]:
    """A protest verb closing a sentence after a comma, with no object, clause or subject of its
    own, that reports the clause before it ('X are failing to uphold ..., a rights group
    protested'): a verbal protest about that clause, whose subject it returns ('residents who
    were protesting' is a demonstration)."""
    root = tok.sent.root
    if tok.pos_ != "VERB" or root is tok or root.i > tok.i or root.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj", "aux", "advcl") for c in tok.children) \
            or any(c.dep_ == "prep" and any(g.ent_type_ not in TIME_ENTS for g in c.children) for c in tok.children):
        return None   # (a date may follow: 'protested on Monday')
    start = min(tok.left_edge.i, tok.head.left_edge.i if tok.dep_ in ("acl", "relcl") else tok.left_edge.i)
    if start == 0 or tok.doc[start - 1].text != ",":
        return None
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < start]
    return subj[0] if subj else None


LODGING = {"lodge", "file", "register", "deliver", "submit"}


def _lodged(tok: Token) -> bool:
    """A protest lodged, filed or delivered ("lodged an official protest with Albania") is a
    complaint made to someone (PLOVER ACCUSE, CAMEO 11), not a demonstration."""
    return tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in LODGING


AWAITING = {"anticipation", "expectation", "ahead", "prospect", "eve"}


def _anticipated(tok: Token) -> bool:
    """The event is awaited, not reported: "forces deployed in anticipation of more
    demonstrations", "ahead of planned protests", "on the eve of the vote"."""
    return tok.dep_ == "pobj" and tok.head.text.lower() == "of" and tok.head.head.lemma_.lower() in AWAITING


WEAK_HEADS = {"member", "suspect", "individual", "people", "person", "one", "man", "men", "official"}
HEDGED = ("suspected", "alleged", "presumed")


def _weak_head(tok: Token) -> set[int]:
    """"members of the X militia", "two suspects", "suspected militants": words that say
    nothing about whether the target is armed; the rest and the resolved actor decide. An
    officer is weak only where a word before it says what kind ("a health officer", "police
    officers"): a bare "officer" in a report of violence is a police or security officer."""
    out = {tok.i} if tok.lemma_.lower() in WEAK_HEADS or _qualified_officer(tok) else set()
    return out | {c.i for c in tok.children if c.dep_ == "amod" and c.lower_ in HEDGED}


def _named_members(tok: Token) -> set[int]:
    """"members of Los Zorros", "supporters of the Green Party": people told
    as members, supporters, cadres or activists of a group or person named by a proper name
    act as that group's side, whatever it is (the resolved actor says; ACLED codes partisans
    as a militia); the word is no crowd there. Members of a group named by a common noun
    ("members of the fishing community") keep the word."""
    if tok.lemma_.lower() not in ("member", "supporter", "cadre", "activist"):
        return set()
    named = any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in tok.children)
    return {tok.i} if named else set()


def _qualified_officer(tok: Token) -> bool:
    """'officer' with a compound or adjective before it naming its kind or service."""
    return tok.lemma_.lower() == "officer" \
        and any(c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and c.lower_ not in HEDGED
                for c in tok.children)


def _people_of(tok: Token) -> bool:
    """"a Palestinian", "two Afghans", "kill Kenyan": people of a nationality, not its state or forces."""
    if tok.ent_type_ != "NORP" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and not list(tok.children):   # "raiders kill Kenyan": a bare nationality
        return True
    return any(c.dep_ in ("det", "nummod") and (c.like_num or c.lower_ in ("a", "an", "one")) for c in tok.children)


def _human_head(tok: Token) -> bool:
    """A head found ('a man's head was found in a bag', the headline 'Severed head found') is
    human remains, which ACLED codes as a killing like a body found; a head of something or
    someone ('the head of the council', 'a school head') is a leader, not remains."""
    return tok.lemma_.lower() == "head" and tok.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ == "compound" or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


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


def dedupe(actors: list[Actor]) -> list[Actor]:
    out = []
    for a in actors:
        if a not in out:
            out.append(a)
    return out


def sent_index(doc: Doc) -> dict[int, int]:
    return {s.start: n for n, s in enumerate(doc.sents)}
