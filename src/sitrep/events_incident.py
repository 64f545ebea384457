"""One event per incident, as ACLED codes it: outcomes absorbed into their causes ("killed in
clashes"), explosions within a battle joined to the battle, clashes in a capture coded by the
capture, attacks met with armed resistance made battles, heavy weapons fired at homes with no
armed target made shellings, coreferent mentions merged, victims another sentence ties to
organised crime read as an armed side.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Token

from .events_demo import demands_next, gathered_over, grievance, negated, said_missing, told_before
from .events_lex import cue_set
from .events_mention import Mention, REMOTE_NOUN_FRAMES, dedupe, sent_index, vessel_blast
from .events_typing import ARMED_MEN, Context, type_mention
from .fatalities_lead import SEPARATE


WEAPON_CUES = {"suicide", "chemical", "drone", "air", "grenade", "ied", "artillery"}
REMOTE_FRAMES = REMOTE_NOUN_FRAMES | {"suicide", "chemical"}


def absorb(ms: list[Mention], doc: Doc) -> None:
    sidx = sent_index(doc)
    sent_of = {id(m): sidx[m.tok.sent.start] for m in ms}
    hosts = [m for m in ms if m.kind == "violent"]
    protests = [m for m in ms if m.kind == "protest" and _gathering(m, doc)]
    for m in ms:
        if m.kind == "outcome" or m.frame in ("destroy", "loot"):
            if "protester" in m.ctx.recipient:
                hosts_m = hosts + protests
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
            if host is not None and host.frame in ("riot", "mob") and told_before(m.tok, host.tok):
                host = None   # "riots after a local politician was killed": the riot's cause, not its toll
            if host is not None and host is not m:
                m.host = host
                host.absorbed.append(m)
    by_tok = {m.tok.i: m for m in ms}
    for m in ms:  # "the army attacked X, shelling their camps": the shelling is how
        if m.host is None and m.frame in ("attack", "clash"):
            for c in m.tok.children:
                r = by_tok.get(c.i)
                if r is not None and c.dep_ in ("advcl", "conj", "xcomp") and (
                        r.frame in REMOTE_FRAMES or m.frame == "attack" and _abduction_only(r, ms, sent_of)):
                    m.host = r
                    r.absorbed.append(m)
                    if not r.actors:
                        r.actors = list(m.actors)
                    break
        r = by_tok.get(m.tok.head.i)
        if m.host is None and m.frame == "attack" and _participle_on(m.tok) and r is not None \
                and r.frame in REMOTE_FRAMES:   # "an IED detonated targeting a patrol": the blast's aim
            m.host = r
            r.absorbed.append(m)
        r = _weapon_subject(m, by_tok)
        if m.host is None and r is not None:   # "a roadside bomb targeted a convoy": the blast's aim
            m.host = r
            r.absorbed.append(m)
    for m in ms:
        if m.host is not None or m.frame not in ("arrest", "shoot", "attack", "beat", "kill", "injure"):
            continue
        if {"protester", "rioter", "mob"} & m.ctx.words_of("actor") or grievance(m.tok):
            continue  # "protesters assaulted": the crowd's act; "protest the killing of": the grievance
        near = [p for p in protests if 0 <= sent_of[id(m)] - sent_of[id(p)] <= 2]
        if any(p.tok in m.tok.subtree for p in near):  # "detained during protests": done to the protesters
            m.ctx.recipient.add("protester")
        if near and ((m.frame == "arrest" and m.tok.pos_ == "VERB") or "protester" in m.ctx.recipient
                     or "protester" in m.ctx.scope):
            m.host = near[-1]
            near[-1].absorbed.append(m)


def _gathering(m: Mention, doc: Doc) -> bool:
    """A protest word that types as a demonstration: people gathered with no protest said
    ("police opened fire on youths assembling for a meeting") are no demonstration, and what
    is done to them is no force used on one (the gathering's own typing decides, with the
    crowd's demands or grievance told around it, as the events stage reads them)."""
    return type_mention(m.frame, m.ctx).keep or demands_next(m, doc) or gathered_over(m)


def _abduction_only(r: Mention, ms: list[Mention], sent_of: dict[int, int]) -> bool:
    """'Gunmen attacked the village and abducted two teachers': an attack told by the abduction
    it made, with no one killed, hurt, shot or beaten in the sentence, is the abduction
    (codebook: abduction without reports of further violence)."""
    if r.frame != "abduct" or r.tok.dep_ != "conj" and r.tok.tag_ != "VBG":
        return False   # 'clashed with them after they kidnapped a herder': another act, told before
    return "lethal_force" not in r.ctx.sentence and not any(
        k.frame in ARREST_HARM and sent_of[id(k)] == sent_of[id(r)] for k in ms)


def _participle_on(tok: Token) -> bool:
    """A present participle that tells what another act aimed at ('a bomb went off targeting
    the convoy', 'a mine targeting a patrol'): it says how that act was done, no act of its own."""
    return tok.tag_ == "VBG" and tok.dep_ in ("acl", "advcl", "xcomp")


def _weapon_subject(m: Mention, by_tok: dict[int, Mention]) -> Optional[Mention]:
    """The explosive or shell that is the subject of an attack verb ("a roadside bomb targeted
    a convoy", "two explosions hit the market"): the attack is what the weapon did, one remote
    attack, not a second event."""
    if m.frame != "attack" or m.tok.pos_ != "VERB":
        return None
    return next((r for c in m.tok.children if c.dep_ == "nsubj"
                 for r in [by_tok.get(c.i)] if r is not None and r.frame in REMOTE_FRAMES), None)


def with_absorbed(m: Mention) -> Context:
    ctx = m.ctx
    rec, scope, ents = set(ctx.recipient), set(ctx.scope), set(ctx.recipient_ents)
    rec_text = set(ctx.words_of("recipient"))
    for a in m.absorbed:
        rec |= a.ctx.recipient
        rec_text |= a.ctx.words_of("recipient")
        ents |= a.ctx.recipient_ents
        scope |= a.ctx.scope & (WEAPON_CUES | {"lethal_force", "intervention", "riot_act", "civilian", "armed"})
    return replace(ctx, recipient=rec, scope=scope, recipient_ents=ents, recipient_text=rec_text)


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


def merge(ms: list[Mention]) -> list[Mention]:
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
        target.actors = dedupe(target.actors + [a for a in m.actors if a not in target.recipients])
        target.recipients = dedupe(target.recipients + [a for a in m.recipients if a not in target.actors])
        if m.typing.confidence > target.typing.confidence and m.typing.event_type == target.typing.event_type:
            target.typing = replace(m.typing, reason=m.typing.reason + " (best of merged mentions)")
    return kept


def followed(tok: Token) -> bool:
    """What another event follows ("the raid follows weeks of clashes over grazing land") came
    before it: its background, like an event named after 'after' or 'following'."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() == "follow"


def _setting(tok: Token) -> bool:
    """The event is named as the time or setting of another ("a grenade exploded amid
    clashes", "grenades were hurled during the clashes", "as fighting continues", "the
    attack follows violence"), not reported for itself."""
    if followed(tok):
        return True
    if tok.pos_ == "VERB":
        return ongoing(tok)
    for a in tok.ancestors:
        if a.dep_ == "prep" and a.lower_ in BACKGROUND_PREPS:
            return a.head.lemma_.lower() not in OUTCOME_VERBS
        if a.pos_ in ("VERB", "AUX"):
            return ongoing(a)
    return False


ONGOING_VERBS = {"continue", "rage", "enter", "persist", "drag"}


def ongoing(verb: Token) -> bool:
    """A clause of 'as' or 'while' told in the present or with a verb of going on ('as forces
    battle the group in Mosul', 'as fighting continues to rage', 'as clashes entered their
    seventh day') is the war going on around what the sentence reports: its setting, not a
    battle told there and then ('killed as troops clashed with rebels' is that battle)."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children) \
        and (verb.tag_ in ("VBZ", "VBP") or verb.lemma_.lower() in ONGOING_VERBS)


def war_setting(m: Mention) -> bool:
    """A war named in a phrase ("attacks with poisonous gas in the civil war", "killed in
    the war") is the setting of what the sentence reports, not a battle there and then."""
    return m.frame == "war" and m.tok.dep_ == "pobj"


def battle_setting(m: Mention) -> bool:
    """A war or a battle named as the setting of what the sentence reports ("in the civil
    war", "amid clashes", "as fighting continues") ranks below the events told in it."""
    return war_setting(m) or m.frame in ("clash", "war") and _setting(m.tok)


def battle_first(live: list[Mention], doc: Doc) -> list[Mention]:
    """Codebook: explosions/remote violence reported in the context of an ongoing battle
    are merged into one battle event. An explosion mention in the sentence of an asserted
    armed clash, or the next one, becomes part of it."""
    sidx = sent_index(doc)
    sent = {id(m): sidx[m.tok.sent.start] for m in live}
    battles = [m for m in live if m.status == "asserted" and m.typing.sub_event_type == "Armed clash"
               and m.frame in ("clash", "war") and m.tok.lemma_.lower() not in ("shot", "shots")
               and not _setting(m.tok) and not war_setting(m)]
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
ANSWER_VERBS = {"respond", "react"}   # also said of police answering protests: read only beside an attack
ARRIVED_AT = {"scene", "site", "area", "call", "incident", "spot", "location"}   # "responded to the scene": came
MET_REMOTE = {"Shelling/artillery/missile attack", "Grenade", "Remote explosive/landmine/IED"}


def _arrived(tok: Token) -> bool:
    """'Police responded to the scene': an answering verb whose 'to' names a place or a call
    tells people arriving, not fighting back."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in ARRIVED_AT for g in c.children)
               for c in tok.children)


def _answers(m: Mention, doc: Doc, names: tuple[str, ...], toks: list[int]) -> list[int]:
    """Tokens of ``toks`` (the mention's sentence and the next, ``_two_sentences``) that tell the
    other side fighting back (cue names `names`), not negated; an answering verb counts unless the
    mention is the answer itself ("responded by attacking villagers") or the verb comes before it
    and does not govern it."""
    own = {a.i for a in m.tok.ancestors}
    answer = "civilian" not in m.ctx.words_of("recipient")  # "responded, killing two", not "... by attacking villagers"
    found = cue_set(doc, toks)
    return [i for name in names for i in found.get(name, []) if not negated(doc[i])
            and not (doc[i].lemma_.lower() in ANSWER_VERBS
                     and (i in own and not answer or i < m.tok.i and i not in own))]


def _two_sentences(m: Mention, sents: list, sidx: dict[int, int]) -> list[int]:
    """The token indices of the mention's sentence and the next (``sents``: the document's
    sentences, ``sidx``: ``sent_index``, read once per document)."""
    n = sidx[m.tok.sent.start]
    return [i for s in sents[n:n + 2] for i in range(s.start, s.end)]


def remote_met(m: Mention, doc: Doc, toks: list[int]) -> list[int]:
    """Codebook (Explosions/Remote violence): the tool takes away the target's ability to
    respond, and an explosion within a battle is coded as the battle. A shelling, grenade
    or planted device whose target the same or the next sentence says fired back ("police
    responded with gunfire", "soldiers reacted with gunfire"), or after which fire in both
    directions is told, is no one-sided strike: an exchange of armed force, an armed clash.
    A retaliation is a strike of its own, not fighting back in the same engagement, and
    police who responded to the scene came after the blast. Air strikes and suicide
    bombings are left alone (an answer from the ground, or the bombers' own gunfire, does
    not make them a battle)."""
    t = m.typing
    if t.event_type != "Explosions/Remote violence" or t.sub_event_type not in MET_REMOTE:
        return []
    return [i for i in _answers(m, doc, ("resist",), toks) if not doc[i].lower_.startswith("retaliat")
            and not (doc[i].lemma_.lower() in ANSWER_VERBS and _arrived(doc[i]))]


def fired_back(m: Mention, live: list[Mention], sidx: dict[int, int]) -> Optional[Mention]:
    """Codebook: an explosion within a battle is coded as the battle. A grenade, shell or
    planted device followed, in its sentence or the next, by gunfire from another armed side
    ("militants threw a grenade at the checkpoint; soldiers opened fire in response"): the
    target fired back, an exchange of armed force. Both sides must be named and apart: the
    bombers' own gunfire ("threw a grenade and opened fire") is one attack."""
    t = m.typing
    if t.event_type != "Explosions/Remote violence" or t.sub_event_type not in MET_REMOTE or not m.actors:
        return None
    n = sidx[m.tok.sent.start]
    return next((k for k in live if k is not m and k.frame == "shoot" and k.status == "asserted"
                 and k.tok.i > m.tok.i and sidx[k.tok.sent.start] - n in (0, 1) and _other_side(k, m)), None)


def _other_side(k: Mention, m: Mention) -> bool:
    """The shooting k is done by armed men who are not m's doers: its resolved actors, or,
    for gunfire named as what a verb's subject opened ('soldiers opened gunfire'), that
    subject, armed and another word than m's doers."""
    if k.actors:
        return "armed" in k.ctx.words_of("actor") and not {a.name for a in m.actors} & {a.name for a in k.actors}
    subj = next((c for c in k.tok.head.children if c.dep_ == "nsubj"), None) if k.tok.dep_ == "dobj" else None
    if subj is None or subj.lemma_.lower() in {h.lemma_.lower() for h in m.args.actor_heads}:
        return False
    return "armed" in cue_set(k.tok.doc, range(subj.left_edge.i, subj.right_edge.i + 1))


def resisted(live: list[Mention], doc: Doc) -> None:
    """Codebook: a battle is "the exchange of armed force ... between armed groups". An
    attack the text says was repelled, fought back, answered or foiled ("thwarted an
    attack", "attacked the village ... repelled by local militiamen", "police responded")
    is such an exchange: an armed clash, not one-sided violence. The attack must not be
    the response itself ("responded by attacking villagers"), nor a crowd's."""
    if any(m.typing.sub_event_type in TERRITORY for m in live):   # a battle coded by its outcome
        return
    sents, sidx = list(doc.sents), sent_index(doc)
    fought = any(k.status == "asserted" and k.frame in ("clash", "war") and k.typing.event_type == "Battles"
                 for k in live)   # the fight told in its own words: that battle is the event (battle_prominence)
    for m in live:
        if m.status != "asserted":
            continue
        toks = _two_sentences(m, sents, sidx)
        met = remote_met(m, doc, toks)
        back = None if met else fired_back(m, live, sidx)
        if met or back is not None:
            word = doc[met[0]].text if met else back.tok.text
            why = f"; the other side fired back ('{word}'): an exchange of armed force, not one-sided " \
                "remote violence (codebook: battle)"
            m.typing = replace(m.typing, event_type="Battles", sub_event_type="Armed clash", plover_mode="firearms",
                               cameo="19", reason=m.typing.reason + why)
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
        hits = _answers(m, doc, ("resist",), toks) or (not fought and _answered_later(m, doc, sents, sidx))
        fight = None if hits else _fight_after(m, live, sidx)
        if hits or fight is not None:
            word = doc[hits[0]].text if hits else fight.tok.text
            m.typing = replace(t, event_type="Battles", sub_event_type="Armed clash", plover_mode="firearms",
                               cameo="19", reason=t.reason + f"; the attack met armed resistance ('{word}'):"
                               " an exchange of armed force (codebook: battle)")


def _fight_after(m: Mention, live: list[Mention], sidx: dict[int, int]) -> Optional[Mention]:
    """The fight an attack turned into: an armed clash told after the attack, in its sentence
    or the next, as a fight then and there (not its setting), between the attack's doers and
    someone ("Bandits raided the village, where they clashed with police", "Raiders attacked
    a farm. Reservists fought the raiders for an hour."): the attack met armed force, one battle
    (codebook: battle), not one-sided violence beside a battle. A fight of other parties is
    another event."""
    n = sidx[m.tok.sent.start]
    doers = {a.name for a in m.actors}
    for k in live:
        if k is m or k.status != "asserted" or k.frame not in ("clash", "war") or k.tok.i < m.tok.i \
                or k.typing.sub_event_type != "Armed clash" or sidx[k.tok.sent.start] - n not in (0, 1) \
                or k.tok.lemma_.lower() in SHOT_NOUNS or _setting(k.tok) or war_setting(k) or not _told_fight(k.tok):
            continue
        sides = {a.name for a in k.actors + k.recipients}
        if not doers or not sides or doers & sides:
            return k
    return None


def _told_fight(tok: Token) -> bool:
    """A fight told as what happened, in a clause of its own: a verb that is no gerund ('they
    clashed with police', 'and confronted a militia') or the subject of its clause ('the fighting
    took place', 'the clash was spurred by'); not a fight named inside a phrase ('in an ethnic
    clash', 'four days of clashes', 'linked to recent clashes', 'hostilities which began'), which
    is the setting or a kind of violence, nor one told as later or separate ('later clashed
    with police': another event; fatalities_lead.SEPARATE)."""
    if tok.pos_ == "VERB":
        return tok.tag_ != "VBG" and not any(c.dep_ == "advmod" and c.lower_ in SEPARATE for c in tok.children)
    return tok.dep_ in ("nsubj", "nsubjpass")


CHASE_VERBS = {"pursue"}   # a chase told later is the attack's aftermath ('tried to pursue them in vain')
LATER_SENTS = 2   # sentences past the one after the attack that may still tell its course


def _answered_later(m: Mention, doc: Doc, sents: list, sidx: dict[int, int]) -> list[int]:
    """An attack's targets or their defenders fighting back told a little further on, past the
    sentence after the attack ("Gunmen attacked the post at dawn. Two guards were hurt. The
    officers repelled the attackers."): the same exchange of armed force, told step by step
    (``_two_sentences`` reads the first two). A chase told that late is the attack's
    aftermath, not a fight. Read only where the text names no fight of its own (``fought``
    in ``resisted``): a battle it tells in its own words outranks the attack."""
    n = sidx[m.tok.sent.start] + 2
    later = [i for s in sents[n:n + LATER_SENTS] for i in range(s.start, s.end)]
    return [i for i in _answers(m, doc, ("resist",), later) if doc[i].lemma_.lower() not in CHASE_VERBS]


SHOT_NOUNS = {"shot", "shots", "gunshot"}
AIMLESS_BAR = {"lethal_force", "mob", "protester", "rioter", "political_crowd", "protest_ctx"}


def _into_air(tok: Token) -> bool:
    """'in the air' / 'into the air' on the shot or the verb firing it ('fired dozens of shots
    into the air'), or shots called warning shots."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None) if tok.pos_ != "VERB" else None
    for t in (tok, *tok.children, *([verb] if verb is not None else [])):
        if t.lemma_.lower() in SHOT_NOUNS and any(c.lower_ == "warning" for c in t.children):
            return True
        if any(c.dep_ == "prep" and c.lower_ in ("in", "into") and any(g.lower_ == "air" for g in c.children)
               for c in t.children):
            return True
    return False


def aimless(m: Mention) -> bool:
    """Codebook (Battles): one-sided shooting into the air, at no target, is a strategic
    development, not a battle. A shooting or shots told as fired into the air or as warning
    shots, with no one they were fired at, no death, serious harm or firing on anyone in the
    sentence, and no crowd or demonstration there or in the sentence before (shots over a
    crowd are intervention in its demonstration or riot)."""
    if m.frame != "shoot" and not (m.frame == "clash" and m.tok.lemma_.lower() in SHOT_NOUNS):
        return False
    if m.recipients or not _into_air(m.tok) or AIMLESS_BAR & (m.ctx.scope | m.ctx.sentence):
        return False
    doc = m.tok.doc
    before = doc[:m.tok.sent.start]
    prev = list(before.sents)[-1] if len(before) else None
    return prev is None or not AIMLESS_BAR & set(cue_set(doc, range(prev.start, prev.end)))


DWELLINGS = {"house", "home", "farm", "village", "neighbourhood", "neighborhood", "hamlet", "settlement"}
PEOPLED = {"residential", "populated", "inhabited", "civilian"}   # "residential areas", "populated villages"
HEAVY = {"artillery", "heavy_mg"}   # codebook: shelling, mortars, missiles and heavy machine-gun fire are remote
AIMED_PREPS = {"at", "on", "toward", "towards"}


def _firing_verb(tok: Token) -> Optional[Token]:
    """The verb that fires a trigger: the trigger itself when a verb, else the verb whose
    object it is, through a list or a compound ("launched rockets and mortar rounds at")."""
    while tok.dep_ in ("conj", "compound") and tok.pos_ != "VERB":
        tok = tok.head
    if tok.pos_ == "VERB":
        return tok
    return tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None


def _dwelling(tok: Token) -> bool:
    """A place where people live: a house, farm or village, or any place called residential,
    populated or civilian ("residential areas")."""
    return tok.lemma_.lower() in DWELLINGS or any(c.dep_ in ("amod", "compound") and c.lower_ in PEOPLED
                                                   for c in tok.children)


def _aimed_at(verb: Token) -> list[Token]:
    """What a firing verb was aimed at: the objects of its 'at' / 'on' / 'toward', or of those
    of what it fired ("fired rockets and rifles at", however the parse hangs the 'at'), with
    their list; not a date or a time ("on 3 June"), nor a name the parse lists beside them."""
    fired = [c for c in verb.children if c.dep_ == "dobj"]
    hosts = [verb, *fired, *(x for c in fired for x in c.conjuncts)]
    objs = [g for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    return [x for x in objs + [x for o in objs for x in o.conjuncts] if x.pos_ != "PROPN"]


def at_dwellings(m: Mention, doc: Doc) -> bool:
    """Codebook (Explosions/Remote violence): one-sided violence whose tool takes away the
    target's ability to respond, shelling and heavy machine-gun fire among them; a battle
    needs armed force exchanged between armed groups. Heavy weapons fired at places where
    people live ("fired mortars and rifles at residential areas", "at farms and villages"),
    with nothing armed named among the targets and neither fire in both directions nor fire
    back told in that sentence or the next, are a shelling, however many rifles are named
    beside them (not "at the positions of the militia")."""
    t = m.typing
    if (t.event_type, t.sub_event_type) != ("Battles", "Armed clash") or m.frame not in ("shoot", "shell") \
            or m.status != "asserted" or not HEAVY & (m.ctx.scope | m.ctx.instrument):
        return False
    verb = _firing_verb(m.tok)
    targets = _aimed_at(verb) if verb is not None else []
    if not targets or not all(_dwelling(x) for x in targets):
        return False
    named = set(cue_set(doc, [x.i for o in targets for x in o.subtree]))
    if {"armed", "state_force", "nonstate"} & named or "two_sided" in m.ctx.sentence:
        return False
    return not _answers(m, doc, ("resist",), _two_sentences(m, list(doc.sents), sent_index(doc)))


VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


# frames that hurt people: a raid whose sentence tells one of them is no arrest operation (raids_arresting)
HURT_FRAMES = {"kill", "injure", "shoot", "beat", "torture", "clash", "explode", "shell"}
SEX_JOINED = {"beat", "attack", "injure", "torture", "abduct"}


def sexual_first(live: list[Mention]) -> list[Mention]:
    """Codebook: attacks of a sexual nature are coded as sexual violence. Beating, assault
    or abduction told with rape as one act (verbs in one coordination: "raped, beat and
    assaulted civilians", "beat and raped two women") is one sexual violence event."""
    gone: set[int] = set()
    for sx in [m for m in live if m.typing.sub_event_type == "Sexual violence" and m.status == "asserted"]:
        for m in live:
            if m is sx or id(m) in gone or m.frame not in SEX_JOINED or m.status != "asserted" \
                    or m.typing.event_type != "Violence against civilians":
                continue
            if _coordinated(m.tok, sx.tok):
                _join(sx, m, "(codebook: attacks of a sexual nature are sexual violence)")
                gone.add(id(m))
    return [m for m in live if id(m) not in gone]


def _join(host: Mention, m: Mention, why: str) -> None:
    """m, told in one coordination with host, is the same act: host absorbs it, its doers and
    the people it was done to."""
    host.absorbed.append(m)
    host.actors = dedupe(host.actors + m.actors)
    host.recipients = dedupe(host.recipients + [a for a in m.recipients if a not in host.actors])
    host.typing = replace(host.typing, confidence=max(host.typing.confidence, m.typing.confidence),
                          reason=host.typing.reason + f"; '{m.tok.text}' told with it is the same act {why}")


ARREST_HARM = {"beat", "torture", "injure", "kill", "shoot"}   # not "attack": a raid that arrests is the arrest


def arrest_harmed(live: list[Mention]) -> list[Mention]:
    """Codebook: violence against civilians includes beating and torture, and an abduction that
    brings serious injury or death is coded as an attack; political violence comes before the
    strategic development it is told with. An arrest told in one coordination with a beating,
    torture, shooting or killing ("arrested and beat a journalist", "were detained and tortured")
    is one attack; the arrest is part of it. An arrest told apart ("arrested two men after a
    trader was beaten") stays an arrest."""
    gone: set[int] = set()
    for hurt in [m for m in live if m.frame in ARREST_HARM and m.status == "asserted"
                 and m.typing.event_type == "Violence against civilians"]:
        for m in live:
            if m.typing.sub_event_type == "Arrests" and m.status == "asserted" and id(m) not in gone \
                    and _coordinated(m.tok, hurt.tok):
                _join(hurt, m, "(codebook: harm done to people arrested is violence against civilians)")
                gone.add(id(m))
    return [m for m in live if id(m) not in gone]


KILLED_AFTER = {"kill", "find", "torture"}   # the abducted later killed, found dead or tortured


def abduction_ended(live: list[Mention]) -> None:
    """Codebook: an abduction or forced disappearance in which the abducted are killed or
    seriously hurt is an attack. An abduction the report follows with a killing, remains
    found or torture told after it, as one-sided violence or as the abduction's own outcome
    ("was kidnapped on Monday; his body was found two days later", "was abducted and later
    tortured to death"), is such an attack. A killing told before the abduction is another act."""
    harm = [k for k in live if k.frame in KILLED_AFTER and k.status == "asserted"
            and k.typing.event_type == "Violence against civilians"]
    for m in live:
        t = m.typing
        if t.sub_event_type != "Abduction/forced disappearance" or m.status != "asserted":
            continue
        after = next((k for k in harm + [a for a in m.absorbed if a.frame in KILLED_AFTER]
                      if k is not m and k.tok.i > m.tok.i), None)
        if after is not None:
            m.typing = replace(t, sub_event_type="Attack", reason=t.reason + f"; the abducted later killed or hurt "
                               f"('{after.tok.text}'): an attack (codebook: abduction ending in death or injury)")


def _coordinated(a: Token, b: Token) -> bool:
    """The two verbs are in one coordination ("raped, beat and assaulted")."""
    def top(t: Token) -> Token:
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        return t
    return a.pos_ == b.pos_ == "VERB" and top(a).i == top(b).i


def raids_arresting(live: list[Mention]) -> None:
    """Codebook: arrests by state forces are Arrests (strategic developments). A raid by
    police or soldiers whose sentence tells arrests and no one hurt ("arrested 100 people
    during raids", "conducting raids to detain activists", "raided a house and arrested
    three suspects") is the arrest operation, not violence against civilians."""
    for m in live:
        t = m.typing
        if m.tok.lemma_.lower() != "raid" or (t.event_type, t.sub_event_type) != ("Violence against civilians", "Attack") \
                or "state_force" not in m.ctx.actor or "lethal_force" in m.ctx.sentence:
            continue
        same = [k for k in live if k is not m and k.tok.sent.start == m.tok.sent.start]
        if any(k.frame == "arrest" for k in same) and not any(k.frame in HURT_FRAMES for k in same):
            m.typing = replace(t, event_type="Strategic developments", sub_event_type="Arrests", plover_type="COERCE",
                               plover_mode="arrest", cameo="17", reason=t.reason + "; a raid by state forces "
                               "that arrests people, no one hurt: the arrest operation (codebook: arrests)")


SEIZED = {"Looting/property destruction", "Disrupted weapons use"}   # what an arrest operation seized or destroyed
SEIZED_DROP = 0.45   # below any seizure, even when the arrests lead the report


def arrests_follow(live: list[Mention]) -> None:
    """Arrests reported with political violence are its aftermath ("41 were arrested after
    they pelted police with stones"): the violence is what the report is about. Arrests made
    in an operation that seized or destroyed property or weapons ("dismantled a heroin lab; four
    men were arrested", "seized cocaine and arrested the driver") are its outcome: ACLED codes
    the seizure (codebook: looting/property destruction covers seizures, disrupted weapons use
    weapon seizures), and it ranks above the arrests wherever they are told."""
    violent = any(m.status == "asserted" and m.typing.event_type in VIOLENT_TYPES for m in live)
    seized = any(m.status == "asserted" and m.typing.sub_event_type in SEIZED for m in live)
    if not (violent or seized):
        return
    why = "the seizure made with them is the event" if seized else "arrests after the violence reported with them"
    for m in live:
        if m.typing.sub_event_type == "Arrests":
            m.typing = replace(m.typing, confidence=m.typing.confidence - (SEIZED_DROP if seized else 0.2),
                               reason=m.typing.reason + "; " + why)


def battle_prominence(live: list[Mention]) -> None:
    """A reported exchange of fire between armed sides is what a report of a battle is
    about (ACLED: one battle event; harm to bystanders is its collateral damage): a
    fighting mention typed as a battle outranks one-sided violence mentioned with it."""
    fights = [m for m in live if m.status == "asserted" and m.frame in ("clash", "war")
              and m.typing.event_type == "Battles" and m.tok.lemma_.lower() not in ("shot", "shots")
              and not _setting(m.tok) and not war_setting(m)]
    if not fights or not any(m.typing.event_type == "Violence against civilians" for m in live):
        return
    for m in fights:
        m.typing = replace(m.typing, confidence=m.typing.confidence + 0.15,
                           reason=m.typing.reason + "; the fighting outranks one-sided violence around it")


TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


def territory_first(ms: list[Mention]) -> list[Mention]:
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


# a killing or an injury told: violence with victims is coded as the violence (displacement_first)
CASUALTY_FRAMES = {"kill", "injure"}
DISPLACING = {"displace", "force"}   # 'people were displaced', 'fighting forced people to flee'


def displacement_first(live: list[Mention], ms: list[Mention]) -> list[Mention]:
    """Codebook: displacements are a strategic development (Other). A report that tells
    people displaced or forced to flee by fighting or attacks in the same sentence, and
    tells no one killed or hurt anywhere, reports the displacement: the violence is its
    cause and is absorbed into it. Where the text tells deaths or injuries, the violence
    is the event and the displacement its outcome (a violent event with victims is coded
    as such), and so is a change of territorial control (codebook: a battle is coded by its
    outcome)."""
    harm = _harm_told(ms)
    gone: set[int] = set()
    for m in live:
        if m.typing.event_type not in VIOLENT_TYPES or id(m) in gone:
            continue
        for k in live:
            if id(k) in gone or not _displacement(k) or k.status != m.status or k.tok.sent.start != m.tok.sent.start:
                continue
            if harm or m.typing.sub_event_type in TERRITORY:
                m.absorbed.append(k)
                gone.add(id(k))
                continue
            k.absorbed.append(m)
            k.typing = replace(k.typing, reason=k.typing.reason + f"; '{m.tok.text}' is what people fled, no one "
                               "told killed or hurt: the displacement is the event")
            gone.add(id(m))
            break
    return [m for m in live if id(m) not in gone]


def _displacement(m: Mention) -> bool:
    """People displaced or forced to flee ('were displaced', 'forced villagers to flee')."""
    return m.frame == "sd_other" and m.tok.lemma_.lower() in DISPLACING and m.typing.sub_event_type == "Other"


def _harm_told(ms: list[Mention]) -> bool:
    """The text tells someone killed or hurt: a killing or injury not denied, or lethal force
    (deaths, shooting at people) in a sentence with an event."""
    return any(k.frame in CASUALTY_FRAMES and k.typing.keep and k.status != "denied" or "lethal_force" in k.ctx.sentence
               for k in ms)


def _anaphoric(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.text.lower() in ("the", "this", "these", "that", "those") for c in tok.children)


ARMS_CUES = WEAPON_CUES | {"armed", "nonstate", "firearm"}


def accident_retold(m: Mention, ms: list[Mention]) -> bool:
    """'A furnace at the plant exploded ... The explosion occurred at ...': an explosion told
    again with a definite article after a tank, a furnace or a plant blew up, read as an
    accident, is that accident (English: 'the explosion' refers back), unless it names a
    weapon or an armed doer."""
    if m.frame != "explode" or not _refers_back(m) or ARMS_CUES & (m.ctx.scope | m.ctx.actor):
        return False
    return any(k.frame == "explode" and k.tok.i < m.tok.i and not k.typing.keep and vessel_blast(k.tok)
               for k in ms)


OUTCOME_VERBS = {"kill", "die", "injure", "wound", "shoot", "dead", "displace", "flee", "arrest", "hurt", "leave"}
BACKGROUND_PREPS = {"after", "during", "amid", "following", "since", "before", "despite"}


DROPPED_NOUNS = {"grenade", "ied", "explode", "shell", "chemical"}
SANCTION_WORDS = {"sanction", "embargo"}
REASON_PREPS = {"over", "for", "after", "following"}
RESPONSE_WORDS = {"response", "retaliation", "reaction", "reprisal"}
ATTEMPT_WORDS = {"attack", "attempt", "try", "bid", "offensive", "push", "effort", "assault", "plan", "seek", "aim"}


def sanction_reason(m: Mention, sanctions: set[int]) -> bool:
    """The act is what sanctions are imposed over ("sanctions against X over its nuclear test
    and rocket launch", "announced sanctions in response to the chemical attack"): the reason
    of a diplomatic act, told as background, not an event the text reports."""
    crossed = False
    for a in m.tok.ancestors:
        if a.dep_ == "prep" and (a.lower_ in REASON_PREPS or a.lower_ == "to" and a.head.lemma_.lower() in RESPONSE_WORDS):
            crossed = True
        elif crossed and (a.i in sanctions or any(c.i in sanctions and c.dep_ in ("dobj", "nsubj", "nsubjpass")
                                                   for c in a.children)):
            return True
        elif a.pos_ in ("VERB", "AUX") and not crossed:
            return False
    return False


def sanction_act(m: Mention, sanctions: set[int]) -> bool:
    """A restriction that spells out sanctions ("sanctions freezing assets and banning
    transactions", "announced sanctions, banning ..."): the diplomatic act itself, no security
    measure on the ground."""
    t = m.tok
    while m.frame == "restrict" and t.dep_ in ("conj", "acl", "xcomp", "advcl") and t.head.i != t.i:
        t = t.head   # ("announced sanctions, freezing ...": on the verb whose object the sanctions are)
        if t.i in sanctions or any(c.dep_ == "dobj" and c.i in sanctions for c in t.children):
            return True
    return False


def attempted_capture(m: Mention) -> bool:
    """A capture told as the aim of an attack or an attempt ("an attack to capture the army's
    positions was fended off", "tried to seize the town"): not a change of control."""
    tok = m.tok
    return m.frame in ("capture", "regain") and tok.dep_ in ("acl", "xcomp", "advcl") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and tok.head.lemma_.lower() in ATTEMPT_WORDS


def dropped_noun(m: Mention) -> bool:
    """A bomb, grenade or shell named as what was dropped ("dropped a grenade from a drone",
    "bombs were dropped on the camp"): the weapon noun carries the event, and the drop says it
    came from the air."""
    tok = m.tok
    return m.frame in DROPPED_NOUNS and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") \
        and tok.head.lemma_.lower() == "drop"


FIND_VERBS = {"find", "discover", "uncover", "recover"}   # the find frame's verbs (event_triggers.tsv)


def found_noun(m: Mention) -> bool:
    """A bomb, grenade or shell named as what was found ("a bomb was found near the house",
    "police recovered two grenades", "the shells discovered on Monday", the headline "Bomb
    found near school"): a weapon found did not go off; the find is the event (codebook:
    disrupted weapons use, e.g. defusing of explosives and weapon seizures)."""
    tok = m.tok
    if m.frame not in DROPPED_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head
    if head.lemma_.lower() in FIND_VERBS and (tok.dep_ in ("dobj", "nsubjpass") or tok.dep_ == "nsubj" and not any(
            c.dep_ == "dobj" for c in head.children)):
        return True
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in FIND_VERBS for c in tok.children)


PEOPLE_MODS = ("amod", "compound", "nmod")


def ethnic_doers(m: Mention, kb) -> bool:
    """The doers are named by an ethnic group of our tables ('Kalenjin youths', 'a Pokot mob',
    'a group of Luo youths'): people of a community acting together, a communal militia as
    when the text says 'youths of the X community' (events_typing._communal_doers), not a
    spontaneous mob."""
    heads = list(m.args.actor_heads)
    heads += [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"   # "a group of
              for g in p.children if g.dep_ == "pobj"]                                          # Kikuyu youths"
    return any(c.dep_ in PEOPLE_MODS and kb.ethnic_for(c.text) for h in heads for c in h.children)


COMMUNITY_WORDS = {"community", "communities", "clan", "clansman", "clansmen", "tribe", "tribesman", "tribesmen"}


def ethnic_victims(m: Mention, kb) -> bool:
    """The victims are named by their ethnic group or community ('attacked six Kikuyu people',
    'three members of a neighbouring community', 'Pokot herders were attacked'): violence on
    people for the community they belong to is done by a communal (identity) militia acting
    for its own community, not by a spontaneous mob (codebook: mob violence is a disorderly
    crowd; identity militias act for a community)."""
    heads = list(m.args.recipient_heads)
    heads += [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"   # "members of
              for g in p.children if g.dep_ == "pobj"]                                          # the X community"
    return any(kb.ethnic_for(h.text) or h.lower_ in COMMUNITY_WORDS
               or any(c.dep_ in PEOPLE_MODS and kb.ethnic_for(c.text) for c in h.children) for h in heads)


KIT = {"vehicle", "sortie", "tank", "plane", "aircraft", "jet", "helicopter", "ship", "vessel", "unit", "troop",
       "engineer", "gear", "uniform", "boot", "readiness", "drill", "exercise"}


def clash_modifier(m: Mention) -> bool:
    """A fighting word that only says what kind of thing, unit or drill another noun is
    ('combat sorties', 'infantry fighting vehicles', 'battle tanks', 'combat readiness'):
    equipment or a force, not a fight told."""
    tok = m.tok
    return m.frame in ("clash", "war") and tok.dep_ in ("compound", "amod", "nmod") \
        and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i and tok.head.lemma_.lower() in KIT


def none_told(m: Mention) -> bool:
    """An event noun the text says did not happen: 'no clashes were reported', 'no arrests
    have been made', 'dispersed the crowd without clashes': nothing of the kind took place."""
    tok = m.tok
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    return said_missing(tok)  # ("without clashes", "free of clashes", "devoid of running battles")


PLACE_ENTS = {"GPE", "LOC", "FAC"}


def place_freed(m: Mention) -> bool:
    """'Freed several villages from the militants', 'freed Kumba from the rebels': a place, not
    people, freed from armed men is liberated, as 'liberate' is (codebook: government regains
    territory, by whoever frees it). The object must be the place itself: hostages freed from a
    camp are a release."""
    if m.frame != "release" or not ARMED_MEN & m.ctx.recipient:
        return False
    doc = m.tok.doc
    return any(c.dep_ == "dobj" and (c.ent_type_ in PLACE_ENTS or "territory" in cue_set(doc, [c.i]))
               for c in m.tok.children)


STAKE_PREPS = {"over", "for"}


def fought_over(m: Mention) -> bool:
    """'Fierce clashes over controlling the region', 'a battle for capturing the hill': a taking
    named as what a fight is over is its stake, not a capture told (the fight is the event)."""
    tok = m.tok
    return m.frame in ("capture", "regain") and tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in STAKE_PREPS


CLAIM_WORDS = {"responsibility", "responsible", "credit"}


def attributed(m: Mention) -> bool:
    """'Claimed responsibility for the attack', 'took credit for the bombing', 'denied it was
    responsible for the blast': the act is named only as what a claim lays at someone's door,
    with no outcome of its own told (not '... for an attack which killed 11'). The text reports
    who is said to have done it, an attribution, and tells the act itself, if at all, in its
    own words elsewhere. (An act someone is accused of is the report's event: ACLED codes
    'police are accused of beating X' as the beating.)"""
    tok = m.tok
    while tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        tok = tok.head   # ('the suicide bomb attack': the phrase's head is the object)
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or any(a.kind == "outcome" for a in m.absorbed):
        return False
    claim = prep.head   # 'responsibility for', or 'took credit for' with 'for' on the verb
    return claim.lemma_.lower() in CLAIM_WORDS or any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_WORDS
                                                      for c in claim.children)


ORGANISED_CRIME = {"trafficking", "trafficker", "gang", "cartel", "dealer"}
CRIME_TIES = {"charge", "convict", "involve", "member", "belong", "link"}
STRUCK_FRAMES = {"attack", "kill", "shoot", "injure"}


def _the_victims(tok: Token) -> bool:
    """'The victim', 'the victims', 'one of the victims': the people the report's violence struck."""
    if tok.lemma_.lower() == "victim":
        return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(_the_victims(g) for g in c.children)
               for c in tok.children)


def victims_in_crime(doc: Doc) -> bool:
    """The report says its victims belong to organised crime: a sentence whose subject is the
    victim(s) ties them by a charge, a conviction, a link, membership or involvement to drug
    trafficking, a gang or a cartel ('the victim faced trafficking charges', 'the victim was
    linked to a cartel', 'one of the victims is a gang member'). Not a criminal record alone,
    nor a gang only mentioned ('passing information about gang activity') or denied ('the
    victim had no links to any gang')."""
    for sent in doc.sents:
        if not any(t.lemma_.lower() in ORGANISED_CRIME and not negated(t) for t in sent):
            continue
        if CRIME_TIES & {t.lemma_.lower() for t in sent} and any(
                c.dep_ in ("nsubj", "nsubjpass") and _the_victims(c) for c in sent.root.children):
            return True
    return False


def crime_targets(ms: list[Mention], doc: Doc) -> None:
    """ACLED: members of criminal groups are armed and organised (event_cues.tsv: drug dealers
    and traffickers named as the target), so armed men killing or shooting them fight an armed
    clash. Where another sentence says the victims belong to organised crime (victims_in_crime),
    people struck in the report (named as persons or not named) are such members: their words
    count as armed."""
    if not victims_in_crime(doc):
        return
    for m in ms:
        words = m.ctx.words_of("recipient")
        if m.frame in STRUCK_FRAMES and not ({"territory", "state_force"} & words):
            m.ctx.recipient_text = words | {"armed", "crime"}
