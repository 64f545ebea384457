"""ACLED, PLOVER and CAMEO typing of one event mention, by the codebooks' rules.

A mention comes with its frame (event_frames.tsv) and the cue words found in its scope
(event_cues.tsv): weapons, who acts, who is targeted. The rules below follow the ACLED
codebook's definitions and hierarchy:

- Explosions/Remote violence when the tool takes away the target's ability to respond
  (shelling, air/drone strikes, IEDs, grenades, suicide bombs, chemical weapons); any
  air-to-ground attack is an air/drone strike; RPGs count as shelling, and so does fire from
  heavy machine guns with no small arms named.
- Battles need two armed, organised sides; an attack on soldiers, police or militants
  is an armed clash, one on unarmed people is Violence against civilians; what the text
  calls the target ("herders", "a house") beats what its resolved actor implies. Explosive
  weapons fired together with small arms or in both directions are an exchange: a battle.
- Riots when demonstrators or mobs are violent without sophisticated weapons; mobs with
  guns are organised and no longer a mob. Crowds the text names (residents, traders,
  voters) clashing or attacking without guns, or clashes fought with sticks and stones,
  are mob violence; force used on rioters is coded as the riot.
- Arrests by non-state groups are abductions; captures of places are territorial
  battles, government or non-state by the capturing side.
- A report that opens with its category label ("Movement of forces:", "Defusal:"), as
  ACLED's notes do for strategic developments, is typed by the label (data/event_labels.tsv).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from .errors import Errors, SitrepError
from .events_lex import DISORDER, DYING, Frame, frames
from .lexicon import load_table

REMOTE = [  # most specific first
    ("suicide", "Suicide bomb", "suicide-attack"),
    ("chemical", "Chemical weapon", "unconventional"),
    ("drone", "Air/drone strike", "drone"),
    ("air", "Air/drone strike", "aerial"),
    ("grenade", "Grenade", "explosives"),
    ("ied", "Remote explosive/landmine/IED", "explosives"),
    ("artillery", "Shelling/artillery/missile attack", "heavy-weapons"),
    ("heavy_mg", "Shelling/artillery/missile attack", "heavy-weapons"),
]
REMOTE_FRAMES = {"shell": "artillery", "air": "air", "drone": "drone", "ied": "ied", "grenade": "grenade",
                 "suicide": "suicide", "chemical": "chemical"}
ARMS = {"small_arms", "artillery", "grenade", "ied"}  # named weapons: "assault rifles", "a grenade launcher"
WEAPONS = {"suicide", "chemical", "drone", "air", "grenade", "ied", "artillery", "firearm"}
CAMEO_ASSAULT = {"Battles": "19", "Explosions/Remote violence": "18", "Violence against civilians": "18",
                 "Riots": "14"}


@dataclass
class Typing:
    event_type: Optional[str]
    sub_event_type: Optional[str]
    plover_type: Optional[str]
    plover_mode: Optional[str]
    cameo: Optional[str]
    confidence: float
    reason: str
    keep: bool = True

    @property
    def disorder_type(self) -> Optional[str]:
        return DISORDER.get(self.event_type) if self.event_type else None


@dataclass
class Context:
    """What typing looks at: cues in the mention's scope, on its actor side and on its
    recipient side (each a set of cue names), and named-entity kinds of the recipients."""
    scope: set
    actor: set
    recipient: set
    recipient_ents: set
    mode: Optional[str] = None
    plural: bool = False  # the trigger is a plural noun ("explosions")
    sentence: set = field(default_factory=set)  # cue names anywhere in the sentence
    crowd_control: bool = False  # "smoke grenades", "stun grenades"
    # cue names from the words of the actor / recipient noun phrases only (None: same as
    # actor / recipient); what the text calls a target beats what its resolved actor implies
    actor_text: Optional[set] = None
    recipient_text: Optional[set] = None
    instrument: set = field(default_factory=set)  # cue names of "with/using X" on the trigger
    recipient_head: set = field(default_factory=set)  # cue names of the recipient nouns themselves ("border town")
    others: set = field(default_factory=set)  # cue names in the sentence outside the actor's noun phrases
    verb: Optional[str] = None  # the trigger's lemma when it is a verb ("bombed", "detonated")
    actor_named: bool = False  # the text names a doer of the act, whatever its words ("arsonists torched")

    def words_of(self, side: str) -> set:
        own = self.actor_text if side == "actor" else self.recipient_text
        return own if own is not None else (self.actor if side == "actor" else self.recipient)


def _default(frame: Frame, mode: Optional[str], confidence: float, reason: str) -> Typing:
    return Typing(frame.event_type, frame.sub_event_type, frame.plover_type, mode or frame.plover_mode,
                  frame.cameo, confidence, reason)


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Category labels a report may open with ('Movement of forces:') -> frame (data/event_labels.tsv)."""
    known, out = frames(), {}
    for r in load_table("event_labels.tsv", required=["label", "frame"]):
        if r["frame"] not in known:
            raise SitrepError(Errors.E650, label=r["label"], frame=r["frame"])
        out[r["label"].lower()] = r["frame"]
    return out


def labelled(label: str, t: Optional[Typing] = None) -> Typing:
    """The typing a report's category label gives: its frame's ACLED, PLOVER and CAMEO
    codes, whatever the cues of the lead mention (t) said."""
    frame = frames()[labels()[label]]
    why = f"the report opens with the category label '{label}:'" + (f" (over: {t.reason})" if t else "")
    return Typing(frame.event_type, frame.sub_event_type, frame.plover_type, frame.plover_mode, frame.cameo,
                  max(0.8, t.confidence if t else 0.0), why)


def _acled(t: Typing, event_type: str, sub: str, why: str, mode: Optional[str] = None,
           confidence: Optional[float] = None) -> Typing:
    return replace(t, event_type=event_type, sub_event_type=sub, plover_mode=mode or t.plover_mode,
                   cameo=CAMEO_ASSAULT.get(event_type, t.cameo) if t.plover_type == "ASSAULT" else t.cameo,
                   confidence=confidence if confidence is not None else t.confidence,
                   reason=f"{t.reason}; {why}")


def _remote(cues: set) -> Optional[tuple[str, str]]:
    for cue, sub, mode in REMOTE:
        if cue in cues:
            return sub, mode
    return None


def _armed_target(ctx: Context) -> bool:
    """The target is armed and organised: the text says so ("soldiers", "a police post"), or
    the text does not call it civilian ("herders", "a house") and its resolved actor is armed."""
    words = ctx.words_of("recipient")
    if "off_duty" in words | ctx.scope:  # codebook: harmed while unarmed, unable to act defensively
        return False
    if "armed" in words:
        return True
    if {"civilian", "mob"} & words:   # "fishermen", "residents", "traders": a crowd, not a force
        return False
    if _unarmed_words(ctx):
        return False
    return "armed" in ctx.recipient


def _unarmed_words(ctx: Context) -> bool:
    """The text names the target as a place ("attacked a border town") or as people of a
    community ("five pastoralists", "tribesmen") and calls no one on it armed: the people
    there, not the state the place resolves to nor a communal militia (codebook: civilians
    harmed while unable to act defensively). Not when the doers are a community too: two
    communities fighting are communal militias."""
    return bool({"territory", "communal"} & ctx.recipient_head) and "communal" not in ctx.words_of("actor")


def less_lethal(cues: set) -> bool:
    """Codebook (Protest with intervention): force short of lethal weapons. What was fired is
    tear gas, water cannon, rubber bullets or shots into the air, and no deaths or live
    rounds are told."""
    return "less_lethal" in cues and "lethal_force" not in cues


DOERS = {"armed", "nonstate", "mob", "protester", "rioter"}
CROWDS = {"mob", "protester", "rioter", "political_crowd", "civilian"}   # people dispersed: a gathering met with force


def _disaster(frame: Frame, ctx: Context) -> bool:
    """Deaths, injuries, explosions and damage or destruction the sentence tells with an
    accident or a natural disaster ("a storm damaged houses", "killed in a road accident",
    "homes destroyed in the floods"), where no armed group, crowd or weapon is named:
    no political violence. Destruction by a crowd or an armed group stays what they did."""
    around = ctx.scope | ctx.sentence
    cues = around
    if frame.name == "destroy" and not DOERS & ctx.actor:   # the disaster is the doer ("a storm damaged"),
        cues = ctx.words_of("actor") | (set() if ctx.actor_named else ctx.scope)   # or no doer is named
    elif not (frame.kind == "outcome" and not DOERS & ctx.actor or frame.name == "explode"):
        return False
    return bool({"accident", "natural"} & cues) and "armed" not in ctx.actor \
        and not {"nonstate", "firearm", "ied", "suicide", "grenade", "air", "artillery"} & (around | ctx.actor)


def bomber_died(ctx: Context) -> set:
    """Codebook (Suicide bomb): an explosion whose doers die by it ('blew up their charge,
    killing themselves', 'set off the bomb, killing himself and four others') is a suicide
    bombing; read only for an explosion, as a gunman who kills himself is no bomber."""
    return {"suicide"} if "self_killed" in ctx.scope | ctx.sentence else set()


def type_mention(frame_name: str, ctx: Context) -> Typing:
    frame = frames()[frame_name]
    t = _default(frame, ctx.mode, 0.6, f"trigger frame '{frame_name}'")
    cues = ctx.scope
    if _disaster(frame, ctx):
        return replace(t, keep=False, reason=t.reason + "; accident or disaster, not political violence")
    if frame_name == "protest" and ctx.verb == "disperse" and (
            not CROWDS & (ctx.words_of("recipient") or ctx.sentence) or "armed" in ctx.words_of("recipient")
            or "nonstate" in ctx.actor):   # "bandits shooting in the air dispersed the residents": an attack
        return replace(t, keep=False, reason=t.reason + "; no crowd dispersed by the authorities")
    if frame_name == "uprooted" and "uprooted" not in ctx.words_of("actor"):
        return replace(t, keep=False, reason=t.reason + "; no refugees, migrants or displaced people return or arrive")
    if frame_name == "assemble" and "protest_ctx" not in cues | ctx.sentence:
        return replace(t, keep=False, reason=t.reason + "; people gathered, no protest said")
    if (frame_name in REMOTE_FRAMES or frame_name == "explode") and "dud" in cues | ctx.sentence:
        return _acled(replace(t, plover_type="COERCE", plover_mode="seize", cameo="17"), "Strategic developments",
                      "Disrupted weapons use", "the device went off in its makers' hands or did not go off "
                      "(codebook: ineffective detonations are disrupted weapons use)", confidence=0.75)
    if frame_name == "explode" and "state_force" in ctx.words_of("actor") and "lethal_force" not in ctx.sentence \
            and {"ied", "weapons_object"} & cues and not {"air", "drone", "artillery"} & cues \
            and ctx.verb in (None, "detonate", "explode"):   # "police detonated the bomb", not "bombed positions"
        return _acled(replace(t, plover_type="COERCE", plover_mode="seize", cameo="17"), "Strategic developments",
                      "Disrupted weapons use", "security forces set off a device safely (codebook: defusal)",
                      confidence=0.75)
    if frame_name == "drop":
        return dropped(t, ctx)
    if frame_name in REMOTE_FRAMES and frame_name in ("shell", "grenade") and _close_combat(ctx):
        return _acled(replace(t, cameo="19"), "Battles", "Armed clash", "explosive weapons fired with small arms "
                      "or in both directions: a battle (codebook merges explosions within a battle)", "firearms", 0.8)
    if frame_name in REMOTE_FRAMES and frame_name != "chemical" and "chemical" in cues | ctx.sentence \
            and not ctx.crowd_control:
        return _acled(t, "Explosions/Remote violence", "Chemical weapon",
                      "toxic agent delivered by the weapon (codebook: chemical weapons)", "unconventional", 0.8)
    if frame_name in REMOTE_FRAMES:
        found = _remote(cues - {"artillery"}) if frame_name == "shell" else None
        if found and found[0] == "Air/drone strike":  # rockets fired from the air
            return _acled(t, "Explosions/Remote violence", found[0], "air-to-ground weapon in scope", found[1], 0.8)
        if frame_name == "grenade" and ctx.crowd_control:
            return replace(t, keep=False, reason=t.reason + "; smoke/stun grenades are crowd control, not Grenade")
        if frame_name == "grenade" and "artillery" in cues and "rpg" in cues:
            return _acled(t, "Explosions/Remote violence", "Shelling/artillery/missile attack", "RPG", "heavy-weapons")
        return replace(t, confidence=0.8)
    if frame_name == "explode":
        found = _remote(cues | bomber_died(ctx))
        if ctx.plural and "two_sided" in cues | ctx.sentence and not ({"air", "drone", "suicide", "chemical"} & cues):
            return _acled(replace(t, cameo="19"), "Battles", "Armed clash",
                          "explosions in both directions / exchanged: an exchange of fire, a battle", "firearms", 0.7)
        if found:
            return _acled(t, "Explosions/Remote violence", found[0], "explosion with weapon cue", found[1], 0.8)
        if ctx.plural and {"firearm", "two_sided"} & (cues | ctx.sentence):
            return _acled(replace(t, cameo="19"), "Battles", "Armed clash",
                          "explosions with small-arms fire or in both directions: an exchange", "firearms", 0.6)
        if ctx.plural and "paired" in cues:
            return _acled(t, "Explosions/Remote violence", "Remote explosive/landmine/IED", "twin blasts, a pair "
                          "set off together: bombs planted or triggered, not a bombardment", "explosives", 0.65)
        if ctx.plural and "ied" not in cues:
            return _acled(t, "Explosions/Remote violence", "Shelling/artillery/missile attack",
                          "repeated explosions without a planted device: bombardment", "heavy-weapons", 0.6)
        return _acled(t, "Explosions/Remote violence", "Remote explosive/landmine/IED",
                      "explosion without a delivery system: remote explosive", "explosives", 0.65)
    if frame_name in ("clash", "war"):
        return _type_clash(t, ctx)
    if frame_name == "attack" and ctx.verb == "target" and "sanctions" in ctx.scope | ctx.sentence | ctx.instrument \
            and not (VIOLENCE | WEAPONS) & (ctx.scope | ctx.sentence):
        return replace(t, keep=False, reason=t.reason + "; sanctions that target people or a state: no attack")
    if frame_name in ("attack", "kill", "shoot", "beat", "torture", "injure"):
        return _type_attack(t, frame_name, ctx)
    if frame_name == "abduct":
        if "lethal_force" in cues and (_armed_target(ctx) or _armed_on_forces(ctx)):
            return _acled(t, "Battles", "Armed clash", "soldiers or police abducted and killed or hurt: an attack on "
                          "an armed, organised side is an armed clash (codebook: battle)")
        if "lethal_force" in cues:
            return _acled(t, "Violence against civilians", "Attack", "abduction with deaths/serious injury")
        return replace(t, confidence=0.75)
    if frame_name == "riot":
        targets = {"person_target", "civilian", "armed"} & ctx.recipient
        if targets and not {"state_force", "rioter", "protester"} & ctx.recipient:   # police or rioters hurt: the riot
            return _acled(t, "Riots", "Mob violence", "rioters turn on people outside a demonstration")
        return replace(t, confidence=0.7, reason=t.reason + "; rioting crowd: a violent demonstration")
    if frame_name == "mob":
        return replace(t, confidence=0.75)
    if frame_name == "arrest":
        if "lethal_force" in cues:
            return replace(_acled(t, "Violence against civilians", "Attack", "detainee killed or seriously hurt"),
                           plover_type="ASSAULT", plover_mode=None, cameo="18")
        if "nonstate" in ctx.actor and "state_force" not in ctx.actor:
            return replace(_acled(t, "Violence against civilians", "Abduction/forced disappearance",
                                  "non-state groups cannot arrest"), plover_type="ASSAULT", plover_mode="abduct",
                           cameo="18")
        return replace(t, confidence=0.75)
    if frame_name in ("capture", "regain"):
        return _type_capture(t, frame_name, _expelled(ctx))
    if frame_name == "retreat" and ctx.verb == "surrender" and not ({"lethal_force"} & cues):
        return _acled(t, "Strategic developments", "Agreement", "fighters surrendered (codebook: agreements "
                      "include surrenders)", confidence=0.7)
    if frame_name == "aid" and _armed_group(ctx.actor or ctx.scope):   # (no doer resolved: its clause's words)
        return _acled(t, "Strategic developments", "Change to group/activity", "an armed group hands out aid or "
                      "food: a change in its activity (codebook: change to group/activity)", confidence=0.6)
    if frame_name in ("retreat", "transfer"):
        if "territory" in ctx.recipient or ctx.recipient_ents & {"GPE", "LOC", "FAC"}:
            return _acled(replace(t, plover_type="RETREAT", plover_mode="withdraw", cameo="08"),
                          "Strategic developments", "Non-violent transfer of territory",
                          "withdrawal from/handover of a place", confidence=0.7)
        if "armed" in ctx.recipient or "armed" in ctx.actor:
            return _acled(t, "Strategic developments", "Change to group/activity", "movement of forces",
                          confidence=0.6)
        return t
    if frame_name == "destroy" and (("person_target" in ctx.recipient or "PERSON" in ctx.recipient_ents)
                                    and "property" not in ctx.recipient or struck_from_afar(ctx)):
        return _type_attack(replace(t, plover_type="ASSAULT", plover_mode="primitive", cameo="18"), "attack", ctx)
    if frame_name == "destroy" and "weapons_object" in ctx.words_of("recipient") \
            and not ({"property", "civilian"} & ctx.words_of("recipient")) \
            and not WEAPONS & ctx.instrument:   # not "destroyed a depot with artillery fire"
        return _acled(replace(t, plover_type="COERCE", plover_mode="seize", cameo="17"), "Strategic developments",
                      "Disrupted weapons use", "weapons or a cache destroyed (codebook: disrupted weapons use)",
                      confidence=0.7)
    if frame_name in ("destroy", "loot"):
        if "protester" in ctx.actor or "rioter" in ctx.actor:
            return _acled(t, "Riots", "Violent demonstration", "destruction by demonstrators")
        words = ctx.words_of("actor")
        if "mob" in words and not ({"armed", "nonstate"} & words) and not ({"firearm", "small_arms"} & cues):
            return _acled(replace(t, plover_type="ASSAULT", plover_mode="primitive", cameo="18"), "Riots",
                          "Mob violence", "destruction by a crowd (residents, a mob): rioting", confidence=0.7)
        if frame_name == "destroy" and not ({"property", "civilian"} & ctx.recipient):
            return replace(t, keep=False, reason=t.reason + "; no property destroyed")
        return t
    if frame_name == "strike" and (ctx.recipient or WEAPONS & cues or {"armed", "lethal_force"} & cues):
        return _type_attack(replace(t, plover_type="ASSAULT", plover_mode=None, cameo="18",
                                    reason=t.reason + "; 'strike' in its military sense"), "attack", ctx)
    if frame_name == "find" and ctx.verb in ("recover", "retake") and "territory" in ctx.words_of("recipient") \
            and not ({"corpse", "weapons_object", "contraband", "property"} & ctx.recipient) | (ARMS & ctx.recipient):
        return _type_capture(replace(t, plover_type="ASSAULT", plover_mode=None, cameo="19",
                                     reason=t.reason + "; control of a place recovered"), "regain", ctx)
    if frame_name == "find" and "corpse" in ctx.recipient:   # "three bodies were found": a killing
        return _acled(replace(t, plover_type="ASSAULT", plover_mode=None, cameo="18"), "Violence against civilians",
                      "Attack", "bodies found: people killed by someone the text does not name", confidence=0.6)
    if frame_name == "find" and not ({"weapons_object", "ied", "artillery", "grenade"} & (cues | ctx.recipient)):
        return replace(t, keep=False, reason=t.reason + "; nothing military found")
    if frame_name == "hq" and not ({"armed", "territory"} & ctx.recipient):
        return replace(t, keep=False, reason=t.reason + "; nothing military established")
    if frame_name == "disrupt" and crime_stopped(ctx):
        return replace(t, keep=False, reason=t.reason + "; a crime stopped, no weapon told: not disrupted weapons use")
    if frame_name == "disrupt" and "weapons_object" not in cues and "drone" not in cues and "artillery" not in cues:
        return replace(t, confidence=0.5)
    return t


def crime_stopped(ctx: Context) -> bool:
    """Codebook: disrupted weapons use is the defusing of explosives, ineffective detonations,
    interceptions (of missiles, drones) or weapon seizures. Smuggling or trafficking stopped ('foiled a bid to smuggle migrants', 'smugglers were
    intercepted') with no weapon or explosive in the sentence and no armed group stopped is a
    crime, no political violence (CASE 2021 codes it as organised crime)."""
    around = ctx.scope | ctx.sentence
    return bool({"crime", "contraband"} & (ctx.scope | ctx.recipient)) \
        and not (WEAPONS | {"weapons_object"}) & around and "armed" not in ctx.words_of("recipient")


DROPPED = {"ordnance", "grenade", "ied", "chemical", "artillery"}


def dropped(t: Typing, ctx: Context) -> Typing:
    """Codebook: any air-to-ground attack is an air/drone strike; chemical weapons are their
    own sub-event type. Bombs, grenades or chemicals dropped ("dropped a grenade from a drone",
    "chlorine munitions were dropped on the city") are such an attack; 'drop' with no
    ordnance in its scope ("dropped the charges", "a drop in income") is no event."""
    found = DROPPED & (ctx.scope | ctx.recipient)
    if not found:
        return replace(t, keep=False, reason=t.reason + "; nothing explosive dropped")
    if "chemical" in found and not ctx.crowd_control:
        return _acled(t, "Explosions/Remote violence", "Chemical weapon", "a toxic agent dropped (codebook: "
                      "chemical weapons)", "unconventional", 0.8)
    return _acled(t, "Explosions/Remote violence", "Air/drone strike", "explosives dropped from the air: an "
                  "air-to-ground attack (codebook: air/drone strike)", "aerial", 0.8)


def _communal_doers(ctx: Context) -> bool:
    """The doers are named as a community, clan or ethnic group ("members of the X clan
    attacked", "youths of the Y community"): a communal militia (an organised armed actor in
    ACLED), not a spontaneous mob, as in a clash between communities."""
    return "communal" in ctx.words_of("actor")


def _armed_group(words: set) -> bool:
    """The doers are a non-state armed group (a cartel, a gang, a militia), not the state."""
    return "nonstate" in words and "state_force" not in words


def _type_clash(t: Typing, ctx: Context) -> Typing:
    parties = ctx.actor | ctx.recipient | ctx.scope
    if {"protester", "rioter"} & (ctx.actor | ctx.recipient) or ("protester" in ctx.scope and "armed" not in ctx.actor):
        return _acled(replace(t, plover_type="PROTEST", plover_mode="riot", cameo="14"), "Riots",
                      "Violent demonstration", "demonstrators in a violent clash", confidence=0.75)
    sides = ctx.actor | ctx.recipient
    words = ctx.words_of("actor") | ctx.words_of("recipient")
    guns = {"firearm", "small_arms", "blade"} & ctx.scope  # codebook: rioters use no guns, knives or swords
    if _split_crowd(ctx, guns):
        return _acled(t, "Riots", "Mob violence", "sides named only as two groups, nothing armed, no weapon or fire "
                      "told: one crowd split in two, rioters fighting rioters (codebook: mob violence)",
                      "primitive", 0.7)
    if "mob" in sides and not guns and not ({"nonstate", "communal"} & words) and not _group_members(ctx) \
            and not ("mob" in ctx.words_of("actor") and "armed" in ctx.words_of("actor")):
        return _acled(t, "Riots", "Mob violence", "unarmed or crudely armed crowd in a clash", "primitive", 0.75)
    if _crowds_fight(ctx, guns):
        return _acled(t, "Riots", "Mob violence", "a fight between sides named only as people, members, supporters "
                      "or crowds, with no armed side or weapon: rioters (codebook: mob violence)", "primitive", 0.7)
    if _people_on_forces(ctx, guns, either=True):
        return _acled(t, "Riots", "Mob violence", PEOPLE_ON_FORCES, "primitive", 0.7)
    if "primitive" in ctx.scope and not guns and not ({"armed", "nonstate", "communal"} & words):
        return _acled(t, "Riots", "Mob violence", "a clash fought with sticks or stones: no organised "
                      "armed side", "primitive", 0.7)
    if _heavy_fire(ctx):
        return _acled(t, "Explosions/Remote violence", "Shelling/artillery/missile attack", "fire from heavy machine "
                      "guns with no small arms or return fire told: remote violence (codebook)", "heavy-weapons", 0.75)
    return replace(t, confidence=0.8 if ctx.actor or ctx.recipient else 0.7,
                   reason=t.reason + "; two-sided fighting")


PEOPLE_ON_FORCES = ("people named with no arms (residents, youths, a mob) fight police or soldiers, with no gun or "
                    "blade told: rioters, not an organised armed side (codebook: mob violence)")
NOT_PEOPLE = {"armed", "state_force", "nonstate", "communal", "protester", "rioter"}
NO_MOB = {"firearm", "small_arms", "blade", "heavy_mg", "artillery", "grenade", "ied", "air", "drone", "suicide",
          "two_sided", "resist", "nonstate", "communal", "protester", "rioter"}


def _people(words: set) -> bool:
    """The words name people or a crowd (residents, youths, a mob) and nothing armed, state,
    non-state, communal or demonstrating: no organised side."""
    return bool({"civilian", "mob"} & words) and not NOT_PEOPLE & words


def _people_on_forces(ctx: Context, guns: set, *, either: bool = False) -> bool:
    """Codebook (Mob violence): rioters interacting with an armed group, outside demonstrations
    and without guns, knives or swords; civilians are unarmed and cannot engage in political
    violence. The doers are named only as people or a crowd ("five citizens attacked police
    officers", "dozens of men clashed with police"; with ``either``, for a clash, the sides
    may be named the other way round: "police clashed with villagers"), the other side is police
    or soldiers, and no weapon, exchange of fire, armed group, community or demonstration is
    named in the sentence."""
    if guns or NO_MOB & (ctx.scope | ctx.sentence):
        return False
    actor, rec = ctx.words_of("actor"), ctx.words_of("recipient")
    return _people(actor) and "state_force" in rec \
        or either and "state_force" in actor and "nonstate" not in actor and _people(rec) \
        and bool({"person_target", "mob"} & rec) \
        or either and _joint_sides(ctx)   # (people, not the village they fought in)


def _joint_sides(ctx: Context) -> bool:
    """Both sides of a clash named together as its subject ("police and hawkers clashed",
    "traders and security officers fought running battles"): police or soldiers and people
    or a crowd, nothing else named as a side (the caller has checked that no weapon, armed
    group or community is named in the sentence); the forces may be known only from the
    resolved actor ("security officers")."""
    words = ctx.words_of("actor")
    return not ctx.words_of("recipient") and "state_force" in words | ctx.actor \
        and _people(words - {"state_force", "armed"})


def _crowd_only_doers(ctx: Context, guns: set) -> bool:
    """Codebook (Attack: civilians targeted by an organised armed actor; Mob violence: rioters
    attacking civilians): an attack whose doer the parse did not resolve ("Mob lynches thief",
    "vigilante crowd attack two men"), in a sentence that calls people a disorderly crowd (a mob,
    vigilantes, irate or rowdy people: event_cues unruly_crowd, not residents or traders, who
    may be the victims or the speakers) and names neither an armed actor, state forces nor a
    weapon, was done by that crowd."""
    if ctx.actor or ctx.words_of("actor") or ctx.actor_named or guns:
        return False
    around = ctx.scope | ctx.sentence
    return "unruly_crowd" in around and not (NO_MOB | {"armed", "state_force"}) & around \
        and "mob" not in ctx.words_of("recipient") | ctx.recipient_head


def _crowds_fight(ctx: Context, guns: set) -> bool:
    """Codebook (Armed clash: organised armed groups on both sides; Mob violence: unorganised
    crowds fighting each other). The clash's doers are named as people (worshippers, rival
    aspirants, refugees; not people named only on the other side, who are often the harmed:
    "clashes left civilians dead") or its own words name crowds, members or supporters
    ("political parties clashed"); no side carries an armed, state, non-state or communal word;
    and its sentence names nothing armed, communal or state (not "rival groups battle ... police
    intervened"): no organised armed side, so rioters fighting each other."""
    named = _people(ctx.words_of("actor")) or "mob" in ctx.scope
    return named and not NOT_PEOPLE & (ctx.actor | ctx.recipient) and not guns \
        and not ({"armed", "nonstate", "communal", "state_force", "primitive"} & (ctx.scope | ctx.sentence))


def _group_members(ctx: Context) -> bool:
    """Codebook (Mob violence: unorganised rioters; Armed clash: organised armed groups). A side
    the text calls only 'members' or people ("members of the cartel clashed with the National
    Guard", "a clash between soldiers and members of the rebel front") that resolves to a named
    non-state armed group (a rebel front, a cartel, a gang) is that group, organised and armed:
    no mob, whatever its words."""
    return "nonstate" in ctx.actor | ctx.recipient


def _split_crowd(ctx: Context, guns: set) -> bool:
    """Codebook, Mob violence (in our words: a crowd fighting another crowd with no firearms or
    blades). A clash whose sides are named only as two groups ("two groups clashed over
    a plot", "a fight between two groups of a village community"), no side carrying an armed,
    state or non-state word, and whose sentence names no weapon, fire, armed group or fighting
    back: one crowd split in two. A community named with the groups is where both come from,
    not a side, so it makes them no communal militias; herders, clans or tribes named do."""
    words = ctx.words_of("actor") | ctx.words_of("recipient")
    around = ctx.scope | ctx.sentence
    if "split_crowd" not in words or guns or {"armed", "nonstate", "state_force"} & words:
        return False
    if "communal" in words | around and "community_word" not in words:
        return False
    return not (NO_MOB - {"communal"}) & around and not ("armed" in around and "state_force" not in around)


def _heavy_fire(ctx: Context) -> bool:
    """Codebook: heavy machine-gun fire is remote violence. Bursts of fire from heavy
    machine guns (or anti-aircraft guns, fighting vehicles), with no small arms, no fire
    in both directions and no resistance told, are no exchange between two sides."""
    around = ctx.scope | ctx.sentence
    return "heavy_mg" in ctx.scope and not ({"small_arms", "two_sided", "resist"} & around)


def _close_combat(ctx: Context) -> bool:
    """Explosive weapons used in an exchange: fired together with small arms (not heavy
    machine guns, which are remote violence) at armed positions, or "in both directions" /
    "exchanged" (not air or suicide attacks). Fired at a target the text names as a place or
    as people of a community, with nothing armed on it ("fired mortars and rifles at residential
    neighbourhoods"), they meet no armed side: the armed words in scope are the shooters' own."""
    cues = ctx.scope
    if {"air", "drone", "suicide", "chemical"} & cues:
        return False
    if "two_sided" in cues | ctx.sentence:
        return True
    if "armed" not in ctx.words_of("recipient") and _unarmed_words(ctx):
        return False
    return "small_arms" in cues and ("armed" in cues or _armed_target(ctx))


def _mob_justice(ctx: Context) -> bool:
    """Codebook (Mob violence): unarmed or crudely armed vigilante mobs attacking civilians.
    The victims are suspected thieves or witches, and no police, armed group or gun is
    named on the acting side ("a suspected thief was burned to death", "residents lynched
    a man accused of stealing")."""
    words = ctx.words_of("actor")
    if "mob_justice" not in ctx.words_of("recipient") | ctx.scope:
        return False
    if {"armed", "nonstate", "state_force", "firearm"} & (words | ctx.actor):
        return False
    return not ({"firearm", "small_arms"} & ctx.scope)


def airborne(ctx: Context) -> set:
    """Codebook (Air/drone strike): any air-to-ground attack. The text names the doers as
    aircraft ('warplanes pounded the village, killing six', 'jets destroyed depots', 'the
    air force destroyed vehicles'): the act is theirs from the air, whatever weapon it names."""
    return {"air", "drone"} & ctx.words_of("actor")


def wielded(ctx: Context) -> set:
    """Codebook (Explosions/Remote violence): the tool decides. Remote weapons the attack is
    done with or using ('attacked government forces using mortars', 'hit the base with
    rockets'), however the parse hangs that phrase, are its weapons."""
    return {cue for cue, _, _ in REMOTE} & ctx.instrument


def struck_from_afar(ctx: Context) -> set:
    """Codebook (Explosions/Remote violence): destruction done from the air or with a remote
    weapon ('destroyed a truck using a guided missile', 'blew up a mast with explosives') is
    remote violence, whatever was destroyed: the tool decides, as for an attack (_type_attack)."""
    return airborne(ctx) | wielded(ctx)


def dead_subject(ctx: Context) -> bool:
    """The trigger is a verb of dying ('died', 'succumbed'): its subject is the dead, the victim,
    never a doer. Crowd words there ('villagers who say a herder died in a cell', 'a marcher
    died') tell no crowd violence, so they do not make the death a riot or mob violence
    (codebook: rioters are the ones who are violent)."""
    return ctx.verb in DYING


def _type_attack(t: Typing, frame_name: str, ctx: Context) -> Typing:
    cues = ctx.scope | struck_from_afar(ctx)
    if "chemical" in ctx.sentence - cues and not ctx.crowd_control and "accident" not in ctx.sentence:
        cues = cues | {"chemical"}   # "attacked with suspected poisonous gas", however the parse hangs the gas
    found = _remote(cues)
    if found and found[0] in ("Grenade", "Shelling/artillery/missile attack") and _close_combat(ctx):
        return _acled(replace(t, cameo="19"), "Battles", "Armed clash",
                      "explosive weapons fired with small arms or in both directions: a battle", "firearms", 0.8)
    if found:
        return _acled(t, "Explosions/Remote violence", found[0], "remote weapon in scope", found[1], 0.75)
    crowd = not dead_subject(ctx)
    if _rioters_on_people(ctx) and crowd:
        return _acled(t, "Riots", "Mob violence", "rioters, no demonstrators, attack people: rioters against "
                      "civilians or an armed group (codebook: mob violence)", "primitive", 0.7)
    if {"protester", "rioter"} & ctx.actor and crowd:
        return _acled(replace(t, plover_type="PROTEST", plover_mode="riot", cameo="14"), "Riots",
                      "Violent demonstration", "violence by demonstrators", confidence=0.7)
    words = ctx.words_of("actor")
    guns = {"firearm", "small_arms", "blade"} & cues
    if "mob" in words and not ({"firearm", "armed", "nonstate"} & words) and "nonstate" not in ctx.actor and not guns \
            and not _communal_doers(ctx) and crowd:
        return _acled(t, "Riots", "Mob violence", "attack by a mob or crowd (unorganised, no guns)", "primitive", 0.75)
    if "mob" in ctx.actor and not ({"firearm", "armed"} & ctx.actor) and not guns and crowd \
            and "identity" not in ctx.words_of("actor"):   # people of a named community: a communal militia
        return _acled(t, "Riots", "Mob violence", "attack by a mob", "primitive", 0.7)
    if "rioter" in ctx.words_of("recipient") and "protester" not in ctx.words_of("recipient"):
        return _acled(replace(t, plover_type="PROTEST", plover_mode="riot", cameo="14"), "Riots",
                      "Violent demonstration", "force used on rioters is coded as the riot", confidence=0.7)
    if "protester" in ctx.recipient:
        if frame_name == "shoot" and less_lethal(cues):
            return _acled(t, "Protests", "Protest with intervention", "tear gas, water cannon or shots into the "
                          "air fired at protesters: intervention without lethal weapons", confidence=0.7)
        return _acled(t, "Protests", "Excessive force against protesters", "lethal force on protesters",
                      confidence=0.7)
    if _mob_justice(ctx):
        return _acled(t, "Riots", "Mob violence", "people suspected of theft or witchcraft harmed by residents "
                      "or unnamed people without guns: mob justice", "primitive", 0.75)
    if _crowd_only_doers(ctx, guns) and crowd:
        return _acled(t, "Riots", "Mob violence", "no doer resolved; the sentence calls people a mob and names "
                      "nothing armed: the crowd's violence (codebook: mob violence)", "primitive", 0.7)
    if "political_crowd" in cues and not ({"armed", "nonstate"} & ctx.words_of("actor")) \
            and not ({"firearm", "small_arms"} & cues) and frame_name == "attack" and not ctx.actor \
            and "mob" in ctx.sentence and not ({"armed", "nonstate"} & ctx.sentence):
        return _acled(t, "Riots", "Mob violence", "unattributed violence around an election: rioting",
                      "primitive", 0.65)
    if "political_crowd" in cues | ctx.sentence and frame_name == "attack" and ctx.verb is None and not ctx.actor \
            and not ({"armed", "nonstate", "firearm", "small_arms", "civilian", "lethal_force"} & (cues | ctx.sentence)):
        return _acled(replace(t, plover_type="PROTEST", plover_mode="riot", cameo="14"), "Riots",
                      "Violent demonstration", "'post-election violence' with no one named: unrest around a vote, "
                      "rioting", confidence=0.6)
    mode = t.plover_mode or ("firearms" if "firearm" in cues else "primitive" if "primitive" in cues else None)
    if frame_name != "shoot" and _people_on_forces(ctx, guns):
        return _acled(replace(t, plover_mode=mode), "Riots", "Mob violence", PEOPLE_ON_FORCES, confidence=0.7)
    if _armed_target(ctx):
        return _acled(replace(t, plover_mode=mode), "Battles", "Armed clash", "target is armed and organised",
                      confidence=0.7)
    if "civilian" in ctx.recipient or "PERSON" in ctx.recipient_ents:
        return _acled(replace(t, plover_mode=mode), "Violence against civilians", "Attack",
                      "one-sided violence against unarmed people", confidence=0.75)
    if "property" in ctx.recipient:
        return _acled(replace(t, plover_mode=mode), "Violence against civilians", "Attack",
                      "attack on civilian property", confidence=0.6)
    if _forces_on_armed(ctx):
        return _acled(replace(t, plover_mode=mode), "Battles", "Armed clash", "state forces act where the sentence "
                      "names armed men and no civilians: organised armed sides (codebook: battle)", confidence=0.6)
    if _armed_on_forces(ctx):
        return _acled(replace(t, plover_mode=mode), "Battles", "Armed clash", "no target resolved; the sentence "
                      "names police or soldiers besides the doers and no civilians: organised armed sides "
                      "(codebook: battle)", confidence=0.55)
    return replace(t, plover_mode=mode, confidence=0.55, reason=t.reason + "; default one-sided violence")


def _rioters_on_people(ctx: Context) -> bool:
    """Codebook, Mob violence (in our words: a rioting crowd that turns on other crowds, armed men
    or civilians with no demonstration under way). The text calls the doers rioters ("rioters attacked two
    guards", "a driver was injured by rioting youths"), not demonstrators, names people as the
    target (not property; the target resolved when its words name none), and its sentence tells no
    demonstration: rioters against people, not a violent demonstration (a demonstration told
    nearby still makes it one: events_demo)."""
    words = ctx.words_of("actor")
    return "rioter" in words and "protester" not in words | ctx.sentence and "protest_ctx" not in ctx.sentence \
        and bool({"person_target", "civilian", "state_force", "armed"} & (ctx.words_of("recipient") or ctx.recipient)) \
        and "property" not in ctx.words_of("recipient")


def _armed_on_forces(ctx: Context) -> bool:
    """No target is resolved, the doers are not state forces, and the sentence names police or
    soldiers outside the doers' words and no civilians or crowds ("gunmen shoots police
    officer" parsed as one noun phrase, "militia guns down two police officers"): the
    forces are the other side, an armed clash."""
    return not ctx.recipient and "state_force" in ctx.others and "state_force" not in ctx.actor \
        and not ({"civilian", "mob", "protester", "rioter", "off_duty", "corpse"} & ctx.others)


def _forces_on_armed(ctx: Context) -> bool:
    """No target is named, state forces act, and the sentence names an armed group besides
    them (militants, raiders, bandits; not an officer or a guard, who may be a colleague or an
    official) and no civilians or crowds ("Police pursue raiders and kill many", "five militants
    were killed by the army during a raid"): police or soldiers against an armed group, a battle."""
    return "state_force" in ctx.actor and "armed" in ctx.others \
        and ("nonstate" in ctx.others or "person_target" not in ctx.others) \
        and not ({"civilian", "mob", "protester", "rioter"} & ctx.others)


VIOLENCE = {"lethal_force", "firearm", "small_arms", "artillery", "air", "drone", "two_sided", "ied", "grenade",
            "suicide", "resist"}


def _uncontested(ctx: Context) -> bool:
    """The text says the place changed hands without a fight ("seized the area following the
    withdrawal of government forces", "entered the town without resistance", "a deserted
    site") and names no weapons, deaths or fighting back in the sentence."""
    return "uncontested" in ctx.scope | ctx.sentence and not (VIOLENCE & (ctx.scope | ctx.sentence))


def _seizure(t: Typing) -> Typing:
    return _acled(replace(t, plover_type="COERCE", plover_mode="seize", cameo="17"), "Strategic developments",
                  "Looting/property destruction", "drugs or contraband seized (codebook: seizures are "
                  "looting/property destruction)", confidence=0.7)


EXPEL_VERBS = {"drive", "push"}   # the capture triggers 'drive/push (X) out'
ARMED_MEN = {"armed", "nonstate"}


def _expelled(ctx: Context) -> Context:
    """'Drove the rebels out of the town', 'pushed militants out of areas': whoever drives
    armed men out of a place takes it. The trigger's object is the men driven out, so the place
    is in its 'out of' phrase, its scope, not its recipient; the place joins the recipient."""
    if ctx.verb in EXPEL_VERBS and ARMED_MEN & ctx.recipient and "territory" in ctx.scope:
        return replace(ctx, recipient=ctx.recipient | {"territory"})
    return ctx


def _type_capture(t: Typing, frame_name: str, ctx: Context) -> Typing:
    rec = ctx.recipient
    if ("weapons_object" in rec or ARMS & rec and "territory" not in rec) and "control" not in rec:
        return _acled(replace(t, plover_type="COERCE", plover_mode="seize", cameo="17"), "Strategic developments",
                      "Disrupted weapons use", "weapons seized")
    if "contraband" in rec and "territory" not in rec:   # "tons of cocaine", whatever NER makes of it
        return _seizure(t)
    if ("person_target" in rec or "PERSON" in ctx.recipient_ents) and "territory" not in rec:
        if "nonstate" in ctx.actor and "state_force" not in ctx.actor:
            return _acled(replace(t, plover_type="ASSAULT", plover_mode="abduct", cameo="18"),
                          "Violence against civilians", "Abduction/forced disappearance", "people captured")
        return _acled(replace(t, plover_type="COERCE", plover_mode="arrest", cameo="17"), "Strategic developments",
                      "Arrests", "people captured by state forces")
    if "property" in rec and "territory" not in rec:
        return _acled(t, "Strategic developments", "Looting/property destruction", "property seized")
    if "contraband" in ctx.scope and "territory" not in rec and "person_target" not in rec:
        return _seizure(t)
    if not ("territory" in rec or rec & {"control"} or ctx.recipient_ents & {"GPE", "LOC", "FAC"}):
        return replace(t, keep=frame_name == "regain", confidence=0.45, reason=t.reason + "; no place taken")
    if _uncontested(ctx):
        return _acled(t, "Strategic developments", "Non-violent transfer of territory", "a place taken with no "
                      "fight told (the other side withdrew, the site was deserted): a non-violent transfer",
                      confidence=0.75)
    if "state_force" in ctx.actor:  # government forces "or their affiliates" (codebook)
        return _acled(t, "Battles", "Government regains territory", "government forces take a place", confidence=0.75)
    if "nonstate" in ctx.actor:
        return _acled(t, "Battles", "Non-state actor overtakes territory", "non-state group takes a place",
                      confidence=0.75)
    if "state_force" in ctx.sentence and "nonstate" not in ctx.sentence:
        return _acled(t, "Battles", "Government regains territory", "the taker is not resolved; the sentence "
                      "names only state forces", confidence=0.6)
    return replace(t, confidence=0.55)
