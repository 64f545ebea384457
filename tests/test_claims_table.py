"""Attribution over a table of reporting sentences (written for sitrep; constructions
modelled on wire copy and on the kinds of phrasing in ACLED notes, none copied).

Each row: text, expected speaker, expected stance(s), why.
- speaker: an ISO3 code (the speaker's country), a word of the speaker's name ("a|b": the
  actor may carry either name, e.g. residents are coded ACLED's "Civilians"), None for an
  unattributed report ("reportedly", "according to reports"), or "" when the text holds no
  claim at all (a false-positive check).
- stance: one stance, or "a|b" when either reading is defensible.

``score`` gives attribution precision and recall over the table; benchmarks/claims_eval.py
prints them. The per-row test runs every row; rows the rules do not get yet are marked
xfail(strict=True) with the reason, so fixing one turns it into a failure to clear.
"""
from __future__ import annotations

import pytest

PUBLISHED = "2024-03-05"

CASES = [
    # text, speaker, stance, why
    ("Armenia's Defense Ministry said Azerbaijani troops fired on positions near the border.",
     "ARM", "accuse", "X's ministry said + an opposing nationality fired"),
    ("The Russian Foreign Ministry urged both sides to respect the ceasefire.",
     "RUS", "demand", "urge X to Y is a demand"),
    ("Azerbaijan denied that its forces had shelled any villages.",
     "AZE", "deny", "deny that-clause"),
    ("Ukraine accused Russia of bombing a hospital in Kharkiv.",
     "UKR", "accuse", "accuse X of Y"),
    ("According to the Ukrainian military, Russian drones struck an energy facility overnight.",
     "UKR", "accuse", "according to X; the other side struck"),
    ("Russian troops shelled the town of Avdiivka on Monday, Ukraine's General Staff said.",
     "UKR", "accuse", "inverted order: content first, then X said"),
    ("“We will never accept this occupation,” President Volodymyr Zelensky told reporters.",
     "Zelensky", "reject", "quote then X told; 'never accept' rejects"),
    ("The army reportedly killed three civilians at a checkpoint.",
     None, "assert", "'reportedly': no named source"),
    ("Local residents reported heavy gunfire in the northern districts.",
     "residents|civilians", "assert", "a group as speaker, report + object"),
    ("It was reported that two soldiers were wounded in the attack.",
     None, "assert", "impersonal passive: no named source"),
    ("Police said a crowd of protesters threw stones at officers.",
     "police", "assert|accuse", "bare noun speaker"),
    ("The Kremlin rejected the accusations as baseless.",
     "RUS", "reject", "capital metonym as speaker; reject"),
    ("China called on all parties to exercise restraint.",
     "CHN", "demand", "'called on' needs its particle; demand"),
    ("Israel's military said it had struck a militant compound in Gaza.",
     "ISR", "assert", "the speaker's own side acted: no accusation"),
    ("Hamas claimed responsibility for the rocket attack.",
     "Hamas", "assert", "claim of responsibility is an assertion by the perpetrator"),
    ("The Taliban denied any involvement in the bombing.",
     "Taliban", "deny", "deny + object noun"),
    ("Turkey is firmly on the side of Azerbaijan, the Turkish president said.",
     "TUR", "support", "'on the side of' in the content: support"),
    ("A spokesman for the Ethiopian government said federal forces had taken control of the town.",
     "ETH", "assert", "spokesman for X stands for X"),
    ("In a statement, the United Nations condemned the attack on the convoy.",
     "United Nations", "accuse", "'in a statement' setting; condemn"),
    ("Pakistan warned India against any further violations of the Line of Control.",
     "PAK", "demand", "warn X against Y is a demand"),
    ("The separatists blamed Kyiv for the explosion at the market.",
     "separatist|rebel", "accuse", "blame X for Y"),
    ("The French president told journalists that France would send more aid.",
     "FRA", "assert", "tell X that Y: X is the addressee, not the content"),
    ("Witnesses said the gunmen arrived on motorcycles and opened fire.",
     "witnesses", "assert|accuse", "plural common noun speaker"),
    ("Sudan's army said it repelled an attack by the Rapid Support Forces.",
     "SDN", "accuse", "an attack by an armed group of the same country"),
    ("Moscow said Ukrainian saboteurs had attacked a border village in Belgorod.",
     "RUS", "accuse", "capital as speaker; the other side attacked"),
    ("Iran dismissed the report as fabricated.",
     "IRN", "reject|deny", "dismiss = reject"),
    ("Azerbaijan's Foreign Ministry accused Armenian forces of violating the truce.",
     "AZE", "accuse", "accuse X of Y with a possessive speaker"),
    ("U.S. Secretary of State Antony Blinken urged Israel to allow more aid into Gaza.",
     "Blinken", "demand", "titled person; urge"),
    ("The ministry's statement said 12 soldiers had been killed since Friday.",
     "ministry", "assert", "a statement stands for its owner"),
    ("Kenyan police denied using live ammunition against the demonstrators.",
     "KEN", "deny", "deny + gerund clause"),
    ("The governor said the situation in the city was calm.",
     "governor", "assert", "title as speaker"),
    ("“The enemy shelled our positions all night,” a Ukrainian commander said.",
     "UKR", "accuse", "quote first; 'the enemy' is the other side"),
    ("Russia said its air defences destroyed eight Ukrainian drones over the Kursk region.",
     "RUS", "accuse|assert", "drones of the other side"),
    ("Residents told the BBC that soldiers had looted shops.",
     "residents|civilians", "assert|accuse", "tell + addressee + that-clause"),
    ("The Palestinian health ministry in Gaza said 40 people were killed in Israeli strikes.",
     "PSE", "accuse", "ministry in a place; strikes by the other side"),
    ("Israel said the figures were false.",
     "ISR", "deny", "'false' in the content: deny"),
    ("No group has claimed responsibility for the attack.",
     "", "", "negated subject: no claim"),
    ("Soldiers shelled the village on Tuesday.",
     "", "", "no reporting construction"),
    ("The army denied the journalists access to the area.",
     "", "", "'deny access' is not a report"),
    ("The meeting was held in Geneva.",
     "", "", "no reporting construction"),
    ("NATO Secretary General Jens Stoltenberg said the alliance stands with Ukraine.",
     "Stoltenberg", "support", "'stands with': support"),
    ("Armenian Prime Minister Nikol Pashinyan warned that Azerbaijan was preparing a new offensive.",
     "Pashinyan", "assert|accuse", "warn that Y"),
    ("The White House said President Biden had spoken with the Israeli prime minister.",
     "USA", "assert", "metonym speaker"),
    ("A Defense Ministry statement from Baku said Armenian units had opened fire.",
     "AZE", "accuse", "statement from a capital"),
    ("Syria's state news agency SANA reported Israeli airstrikes near Damascus.",
     "SYR", "accuse", "agency of a country reports the other side's strikes"),
    ("The opposition said the election had been rigged.",
     "opposition", "assert|accuse", "group speaker"),
    ("The Indian army said Pakistani troops violated the ceasefire in Kashmir.",
     "IND", "accuse", "the other side violated the ceasefire"),
    ("Pakistan rejected India's claim and said its soldiers had only returned fire.",
     "PAK", "reject", "reject + conjoined said with an inherited subject"),
    ("“They attacked first,” the commander said, “and we responded.”",
     "commander", "accuse|assert", "quote split around the attribution"),
    ("Ethiopian officials said Tigrayan forces had ambushed a convoy.",
     "ETH", "accuse", "officials of a country; an armed group ambushed"),
    ("Ukraine's President Volodymyr Zelensky said Russia was trying to freeze the war.",
     "Zelensky", "assert|accuse", "possessive country + title + name"),
    ("Protesters claimed that police fired tear gas at them.",
     "protesters", "assert|accuse", "claim that-clause"),
    ("Russia's defence ministry claimed its forces had captured the village of Krynky.",
     "RUS", "assert", "claim about its own forces"),
    ("The village was shelled overnight, the regional governor said on Telegram.",
     "governor", "assert", "inverted; 'on Telegram' setting"),
    ("Mali's junta said French troops had violated its airspace.",
     "MLI", "accuse", "the other side violated"),
    ("The attack was condemned by the African Union.",
     "African Union", "accuse", "passive with agent"),
    ("Officials in Tehran said the blast was caused by a gas leak.",
     "IRN", "assert", "officials in a capital"),
    ("Reports said at least 12 people died in the clashes.",
     None, "assert", "'reports' as subject: no named source"),
    ("The minister did not say when the talks would resume.",
     "", "", "negated reporting verb: no claim"),
    ("Two villages were hit by artillery. “We saw the shells land,” a farmer said.",
     "farmer", "assert", "quote then speaker, after an unattributed sentence"),
    ("“The town is surrounded,” the mayor told reporters. “We have no water and no power.”",
     "mayor", "assert", "a quote sentence continues the previous speaker"),
    ("Georgia's foreign minister said in a televised address that Russia had moved troops to the border.",
     "GEO", "assert|accuse", "setting between verb and content"),
    ("The refugees, who said they had fled the shelling, arrived in the capital on Sunday.",
     "refugees|civilians", "assert", "relative clause: who said"),
    ("Security forces allegedly beat detainees in the prison, rights groups said.",
     "rights groups", "assert|accuse", "inverted order with 'allegedly' inside"),
    # --- rows written after the rules above were settled (a held-out check; see HELD_OUT)
    ("On 3 May, according to local sources, gunmen abducted four traders near Gao.",
     "sources", "assert", "'according to local sources': a named kind of source"),
    ("The insurgents, via their media outlet, claimed to have destroyed two army vehicles.",
     "insurgent|rebel", "assert|accuse", "claim + to-infinitive; 'via ...' between"),
    ("A man was reportedly shot dead by police, although the police formally denied this.",
     "police", "deny", "passive-free denial after an unattributed report"),
    ("The ruling party's secretary general denied the allegations and any role in the violence.",
     "secretary general|party", "deny", "deny + conjoined objects"),
    ("Nigeria's army said troops killed 20 Boko Haram fighters in Borno state.",
     "NGA", "accuse|assert", "army of a country; killed an armed group's fighters"),
    ("The rebels said government aircraft bombed a market in the town.",
     "rebel", "accuse", "rebels say the government bombed"),
    ("India's foreign ministry described the remarks as unacceptable.",
     "IND", "reject", "'describe X as unacceptable'"),
    ("The European Union called for an independent investigation into the killings.",
     "European Union", "demand", "'called for'"),
    ("“Our forces did not fire a single shot,” the Israeli army said in a statement.",
     "ISR", "deny", "quote with a negated own-side act"),
    ("Local officials told Reuters that at least 15 people died when the dam was shelled.",
     "officials", "assert", "tell + news agency addressee"),
    ("Lebanon's state news agency reported that Israeli jets struck two villages in the south.",
     "LBN", "accuse", "report that the other side struck"),
    ("Human rights groups accused the security forces of torturing detainees.",
     "rights groups|human rights", "accuse", "accuse X of Y-ing"),
    ("Yemen's Houthis said they had targeted a commercial ship in the Red Sea.",
     "Houthi|YEM", "assert", "an armed group tells of its own act"),
    ("Kyiv blamed Moscow for the missile strike on a residential building.",
     "UKR", "accuse", "capital metonyms on both sides"),
    ("Tanks entered the city centre on Thursday.",
     "", "", "no reporting construction"),
    ("The defence ministry in Moscow said air defences intercepted three missiles over Crimea.",
     "RUS", "assert|accuse", "ministry in a capital"),
    ("Sources close to the negotiations said a deal was unlikely before Friday.",
     "sources", "assert", "sources with a modifier"),
    ("Serbia's president warned Kosovo not to provoke further tension.",
     "SRB", "demand", "warn X not to Y"),
    ("Egypt welcomed the agreement and pledged to help monitor the truce.",
     "EGY", "support", "welcome = support"),
    ("He was denied entry at the border crossing.",
     "", "", "'denied entry' is not a report"),
    ("The prime minister's office said the talks had been productive.",
     "prime minister|office", "assert", "X's office said, no country named"),
    ("Burkina Faso's junta rejected claims that soldiers had killed civilians in the village.",
     "BFA", "reject", "reject claims that ..."),
    ("“We will respond with force,” Iran's foreign minister said. “Nobody should doubt it.”",
     "IRN", "assert", "quote, then a continued quote sentence"),
    ("The strike, which the army said targeted a weapons depot, killed six people.",
     "army|military forces", "assert", "reporting verb inside a relative clause on the event noun"),
    ("“The bridge is gone.” The mayor said so on Monday.",
     "mayor", "assert", "a quote sentence, then 'X said so' in the next"),
    ("“We will rebuild,” the governor said.\n\n“Nobody will be forced to leave this town.”",
     "governor", "assert", "a paragraph-initial quote continues the earlier speaker"),
    # --- a second held-out batch (see HELD_OUT_2)
    ("Speaking to reporters in Kyiv, the Ukrainian defence minister said the front line was stable.",
     "UKR", "assert", "participial setting before the subject"),
    ("Hezbollah's statement said its fighters had fired rockets at Israeli positions.",
     "Hezbollah", "assert", "statement of a group; its own act"),
    ("Ukraine says Russia has lost hundreds of tanks since the spring.",
     "UKR", "assert|accuse", "present tense 'says'"),
    ("Officials are saying that the death toll could rise.",
     "officials", "assert", "progressive 'are saying'"),
    ("“Enough is enough,” said Kenyan President William Ruto.",
     "Ruto", "assert", "quote, then 'said' before the subject"),
    ("The army's spokesman, Colonel Ahmed Nasser, told a briefing that militants had attacked a checkpoint.",
     "Nasser|army", "assert|accuse", "spokesman with a named apposition"),
    ("Colombia's president said in a post on X that the rebels had broken the truce.",
     "COL", "accuse|assert", "setting 'in a post on X' before the content"),
    ("The militia has repeatedly denied targeting civilians.",
     "militia|armed group", "deny", "deny + gerund with adverb (ACLED: Unidentified Armed Group)"),
    ("Moscow acknowledged that its troops had withdrawn from the island.",
     "RUS", "assert", "acknowledge that"),
    ("Officials gave no details about the operation.",
     "", "", "no reporting construction"),
    ("The ceasefire was agreed on Monday after talks in Doha.",
     "", "", "no reporting construction"),
    ("Israel's army dismissed reports of heavy losses among its troops.",
     "ISR", "reject", "dismiss reports of"),
    ("The agency, quoting a military source, said two drones were shot down over the capital.",
     "agency", "assert", "'quoting X' inside the subject phrase"),
    ("According to the United Nations, more than 300 civilians have died since January.",
     "United Nations", "assert", "according to an IGO"),
    ("Somalia's government said al-Shabaab fighters attacked a military base near Mogadishu.",
     "SOM", "accuse", "government of a country; an armed group attacked"),
    ("The two leaders discussed the crisis by phone, the Kremlin said.",
     "RUS", "assert", "inverted; metonym speaker"),
    ("Armenia insisted that its troops had only responded to Azerbaijani fire.",
     "ARM", "accuse|assert", "insist that; the other side fired"),
    ("A senior US official, speaking on condition of anonymity, said the strikes would continue.",
     "USA", "assert", "anonymous official of a country"),
    ("The rebels were accused of looting aid warehouses by the World Food Programme.",
     "World Food Programme", "accuse", "passive accuse with a late agent"),
    ("Azerbaijan's president warned that any further provocation would be met with force.",
     "AZE", "assert|demand|accuse", "warn that"),
]

HELD_OUT = 64  # rows from this index on were added after the rules were settled
HELD_OUT_2 = 90  # a second batch, written after the fixes prompted by the first

XFAIL = {
    # row index -> why the rules do not get it yet
    64: "'sources' after 'according to' is coded as no named source, even with a modifier",
}
# rows whose outcome depends on another stage's naming, not on attribution: not strict

def _speaker_matches(claim, expected) -> bool:
    sp = claim.speaker
    if expected is None:
        return sp is None
    if sp is None:
        return False
    if len(expected) == 3 and expected.isupper():
        return sp.country == expected
    # the speaker's name, or how the text names it ("the commander", an unnamed member of the
    # Military Forces of no country yet)
    names = [sp.name or ""] + [m.text for m in sp.mentions]
    return any(e.lower() in n.lower() for e in expected.split("|") for n in names)


def score(results, start: int = 0) -> dict:
    """Attribution precision and recall (and stance accuracy) over CASES.

    A predicted claim is correct when its speaker matches the row's expected speaker; an
    expected claim is found when some claim of its row matches it."""
    predicted = correct = expected = found = stance_ok = 0
    rows = []
    for (text, speaker, stance, why), result in list(zip(CASES, results))[start:]:
        claims = result.claims
        predicted += len(claims)
        ok = [c for c in claims if speaker != "" and _speaker_matches(c, speaker)]
        correct += len(ok)
        hit = bool(ok)
        stance_hit = any(c.stance in stance.split("|") for c in ok)
        if speaker != "":
            expected += 1
            found += hit
            stance_ok += stance_hit
        rows.append((text, speaker, stance, why, claims, hit if speaker != "" else not claims, stance_hit))
    return {
        "predicted": predicted, "correct": correct, "expected": expected, "found": found,
        "precision": correct / predicted if predicted else 0.0,
        "recall": found / expected if expected else 0.0,
        "stance_accuracy": stance_ok / expected if expected else 0.0,
        "rows": rows,
    }


def code_all(pipeline):
    """Every row through the full stage list (ingest's language check is skipped: a single
    short sentence can have too few function words for it)."""
    from sitrep.records import Document

    texts = [t for t, *_rest in CASES]
    return [pipeline._finish(Document(id=f"case{i}", text=t, published=PUBLISHED, language="en"), doc)
            for i, (t, doc) in enumerate(zip(texts, pipeline.nlp.pipe(texts)))]


@pytest.fixture(scope="module")
def table_results(pipeline):
    return code_all(pipeline)


def test_table_is_large_and_varied():
    assert len(CASES) >= 50
    assert sum(1 for c in CASES if c[1] == "") >= 5          # false-positive checks
    assert sum(1 for c in CASES if c[1] is None) >= 3        # unattributed reports


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_row(i, table_results, request):
    if i in XFAIL:
        request.applymarker(pytest.mark.xfail(reason=XFAIL[i], strict=True))
    text, speaker, stance, why = CASES[i]
    claims = table_results[i].claims
    got = [(c.speaker.name if c.speaker else None, c.stance) for c in claims]
    if speaker == "":
        assert not claims, f"{why}: expected no claim, got {got}"
        return
    ok = [c for c in claims if _speaker_matches(c, speaker)]
    assert ok, f"{why}: expected speaker {speaker!r}, got {got}"
    assert any(c.stance in stance.split("|") for c in ok), f"{why}: expected stance {stance}, got {got}"


PRECISION_FLOOR = 0.80
RECALL_FLOOR = 0.80


def test_attribution_floors(table_results):
    s = score(table_results)
    assert s["precision"] >= PRECISION_FLOOR, s["precision"]
    assert s["recall"] >= RECALL_FLOOR, s["recall"]
