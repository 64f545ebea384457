"""PLOVER types of the main event from the trigger lexicon (data/event_triggers.tsv,
event_frames.tsv) and the PLOVER manual's definitions - sentences written for sitrep."""
import pytest

from sitrep.evaluate.base import main_event

TYPES = [  # (text, PLOVER type of the main event, why)
    ("Gunmen gunned down a village chief outside his home on Sunday.", "ASSAULT",
     "'gun down' is shooting someone (a firearms assault)"),
    ("Rebels in the north have sworn to fight until the army leaves the region.", "THREATEN",
     "a vow to fight is the act coded, also when the parser makes 'to fight' an adverbial clause"),
    ("Soldiers demolished three houses in the village on Sunday.", "COERCE",
     "destroying property is COERCE (PLOVER 0.5 mode destroy), not an assault on people"),
    ("Malawi granted political asylum to the former Zambian minister on Tuesday.", "AID",
     "granting asylum is AID (PLOVER manual: asylum is material aid)"),
    ("Navy divers rescued twelve fishermen off the coast of Mombasa.", "AID",
     "a rescue is AID (PLOVER manual: hostage rescues)"),
    ("Togo and Benin restored diplomatic relations on Monday.", "SUPPORT",
     "initiating or restoring diplomatic ties is SUPPORT"),
    ("Chad severed diplomatic ties with Qatar on Thursday.", "SANCTION",
     "breaking off relations is SANCTION (CAMEO 161)"),
    ("The president pardoned forty political prisoners on Independence Day.", "CONCEDE",
     "a pardon is CONCEDE (PLOVER manual), the release itself RETREAT"),
    ("Norway is providing medical equipment to hospitals in Gaza.", "AID",
     "providing goods is material aid"),
    ("Norway will provide medical equipment to hospitals in Gaza.", "AGREE",
     "a future provision of aid is a promise, AGREE (PLOVER manual)"),
    ("Teachers in Nairobi called off their strike on Monday.", "CONCEDE",
     "ending a protest or strike eases dissent: CONCEDE (PLOVER manual: suspending protests)"),
    ("Zambia is committed to reopening its border with Malawi.", "AGREE",
     "a stated commitment to cooperate is AGREE"),
    ("The prime minister invited the Kenyan president to visit Kampala.", "AGREE",
     "an invitation to a visit is AGREE (PLOVER manual: invitations for state visits)"),
    ("Uganda turned down a request to extradite the suspect.", "REJECT",
     "turning down is REJECT, whatever it rejects"),
    ("Kenya extradited two suspects to Tanzania on Friday.", "COOPERATE",
     "extradition is judicial cooperation (PLOVER COOPERATE)"),
    ("The government plans to impose new restrictions on foreign journalists.", "THREATEN",
     "a planned restriction is a threat to coerce"),
    ("The Kenyan interior minister resigned on Friday after the scandal.", "RETREAT",
     "an official's resignation is RETREAT (PLOVER manual, mode resign)"),
    ("Ethiopia massed troops on its border with Eritrea.", "MOBILIZE",
     "massing troops increases military readiness: MOBILIZE"),
    ("A court in Nairobi charged the former minister with corruption.", "ACCUSE",
     "a legal charge is an accusation (CAMEO 112)"),
    ("Sudan allowed foreign journalists to travel to Darfur.", "CONCEDE",
     "permitting what was restricted is a concession (CAMEO 081, ease administrative sanctions)"),
    ("Tanzania will allow Burundian refugees to return home.", "AGREE",
     "a promised concession is AGREE, as the PLOVER gold codes future yields"),
]


@pytest.mark.parametrize("text,expected,why", TYPES, ids=[c[0][:40] for c in TYPES])
def test_plover_type(pipeline, text, expected, why):
    ev = main_event(pipeline.code(text, published="2023-05-02"), ontology="plover")
    assert ev is not None, "the sentence codes an event"
    assert ev.plover.type == expected, f"{why}: got {ev.plover.type} ({ev.reason})"


@pytest.mark.parametrize("text,why", [
    ("The ceasefire deal provides for the exchange of all prisoners of war.", "a text that stipulates gives nothing"),
    ("Officials said the new law provides for a curfew in border districts.", "'provides for' names what a law sets"),
])
def test_provides_for_is_no_aid(pipeline, text, why):
    result = pipeline.code(text, published="2023-05-02")
    assert all(e.plover.type != "AID" for e in result.events), why
