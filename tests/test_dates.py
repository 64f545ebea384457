"""The dates stage: date phrases resolved against the publication day, attached to the
right event, and background events marked historical. Example sentences are our own."""
from datetime import date
from types import SimpleNamespace

import pytest
from spacy.tokens import Doc

from sitrep import dates_phrases
from sitrep.dates_phrases import resolve
from sitrep.records import Document, Event, Result, Span
from sitrep.stages import dates

TUE = date(2022, 9, 13)  # a Tuesday


def state_for(doc, triggers, published="2022-09-13"):
    """A pipeline state whose events are the tokens named in ``triggers`` (the events
    stage is not under test here)."""
    events = []
    for tok in doc:
        if tok.text in triggers:
            s = tok.sent
            events.append(Event(id=f"e{len(events) + 1}", trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
                                sentence=Span(s.text, s.start_char, s.end_char)))
    result = Result(document=Document(id="t", text=doc.text, published=published), events=events)
    return SimpleNamespace(doc=doc, result=result, settings=None, scratch={})


def event(state, trigger):
    return next(e for e in state.result.events if e.trigger.text == trigger)


# --- resolve(): phrase -> period --------------------------------------------------------
RESOLVE = [
    ("early Tuesday", TUE, "2022-09-13", "2022-09-13", "day", "a weekday in a story of that weekday is that day"),
    ("Sunday", TUE, "2022-09-11", "2022-09-11", "day", "the latest Sunday on or before publication"),
    ("Monday night", TUE, "2022-09-12", "2022-09-12", "day", "part of day words are dropped"),
    ("last year", TUE, "2021-01-01", "2021-12-31", "year", "last year is the previous calendar year"),
    ("November 2020", TUE, "2020-11-01", "2020-11-30", "month", "a month and year is month precision"),
    ("Aug. 31", TUE, "2022-08-31", "2022-08-31", "day", "a day without year: the latest one not after publication"),
    ("Dec. 28", date(2023, 1, 5), "2022-12-28", "2022-12-28", "day", "never a date after publication"),
    ("the early 1990s", TUE, "1990-01-01", "1993-12-31", "year", "early decade"),
    ("the 1990s", TUE, "1990-01-01", "1999-12-31", "year", "whole decade"),
    ("2020", TUE, "2020-01-01", "2020-12-31", "year", "a bare year"),
    ("9 May 2020", date(2020, 5, 9), "2020-05-09", "2020-05-09", "day", "ACLED-style full date"),
    ("yesterday", TUE, "2022-09-12", "2022-09-12", "day", "relative day"),
    ("two days ago", TUE, "2022-09-11", "2022-09-11", "day", "relative day in words"),
    ("last week", TUE, "2022-09-05", "2022-09-11", "week", "the previous Monday-Sunday week"),
    ("last month", TUE, "2022-08-01", "2022-08-31", "month", "the previous calendar month"),
    ("this year", TUE, "2022-01-01", "2022-12-31", "year", "the publication year"),
    ("last night", TUE, "2022-09-12", "2022-09-12", "day", "the night before publication"),
    ("1-3 May 2020", date(2020, 5, 9), "2020-05-01", "2020-05-03", "week", "a range of days"),
    ("mid-May", TUE, "2022-05-01", "2022-05-31", "month", "mid-month is month precision"),
    ("12/05/2017", date(2017, 5, 12), "2017-05-12", "2017-05-12", "day", "day/month: 5 December is after publication"),
    ("05/12/2017", date(2017, 5, 12), "2017-05-12", "2017-05-12", "day", "month/day when day/month is in the future"),
    ("12/25/2021", date(2022, 1, 3), "2021-12-25", "2021-12-25", "day", "only one reading is a valid date"),
    ("the 12th", date(2017, 8, 12), "2017-08-12", "2017-08-12", "day", "a day of the month alone: this month's"),
    ("the 25th", date(2017, 8, 12), "2017-08-25", "2017-08-25", "day", "this month's, ahead of publication too"),
]


@pytest.mark.parametrize("text,pub,start,end,precision,why", RESOLVE)
def test_resolve(text, pub, start, end, precision, why):
    r = resolve(text, pub)
    assert r is not None, why
    assert (r.start.isoformat(), r.end.isoformat(), r.precision) == (start, end, precision), why


@pytest.mark.parametrize("text,label,why", [
    ("44-day", "DATE", "a duration is not a date"),
    ("decades", "DATE", "a duration is not a date"),
    ("for three days", "DATE", "a duration is not a date"),
    ("9 a.m.", "TIME", "a clock time alone does not move the day"),
    ("33", "DATE", "a form number is no year"),
    ("41,", "DATE", "an age is no year"),
    ("1513", "DATE", "a count of shots is no year (outside 1600-2099)"),
    ("+ 5", "DATE", "a count added to a toll is no month"),
    ("the 31st", "DATE", "a day the publication month (September) does not have"),
])
def test_not_a_date(text, label, why):
    assert resolve(text, TUE, label=label) is None, why


def test_relative_dates_need_a_publication_date():
    assert resolve("Tuesday", None) is None
    assert resolve("last year", None) is None
    assert resolve("9 May 2020", None).start == date(2020, 5, 9)


# --- hand-built parses --------------------------------------------------------------------
def test_weekday_attached_to_trigger(vocab):
    doc = Doc(vocab, words=["Militants", "attacked", "the", "village", "early", "Tuesday", "."],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADJ", "PROPN", "PUNCT"],
              tags=["NNS", "VBD", "DT", "NN", "JJ", "NNP", "."],
              deps=["nsubj", "ROOT", "det", "dobj", "amod", "npadvmod", "punct"],
              heads=[1, 1, 3, 1, 5, 1, 1], ents=["O", "O", "O", "O", "B-DATE", "I-DATE", "O"])
    st = dates.run(state_for(doc, {"attacked"}))
    ev = event(st, "attacked")
    assert (ev.date.start, ev.date.precision, ev.date.text, ev.status) == ("2022-09-13", "day", "early Tuesday", "asserted")
    assert ev.date.span == Span("early Tuesday", doc[4].idx, doc[5].idx + len("Tuesday"))


def test_since_a_dated_war(vocab):
    words = ["The", "fighting", "is", "the", "worst", "since", "the", "2020", "war", "."]
    doc = Doc(vocab, words=words,
              pos=["DET", "NOUN", "AUX", "DET", "ADJ", "ADP", "DET", "NUM", "NOUN", "PUNCT"],
              tags=["DT", "NN", "VBZ", "DT", "JJS", "IN", "DT", "CD", "NN", "."],
              deps=["det", "nsubj", "ROOT", "det", "attr", "prep", "det", "nummod", "pobj", "punct"],
              heads=[1, 2, 2, 4, 2, 4, 8, 8, 5, 2], ents=["O"] * 7 + ["B-DATE", "O", "O"])
    st = dates.run(state_for(doc, {"fighting", "war"}))
    war, fighting = event(st, "war"), event(st, "fighting")
    assert (war.date.start, war.date.precision, war.status) == ("2020-01-01", "year", "historical")
    assert (fighting.date.start, fighting.status) == ("2022-09-13", "asserted"), "today's fighting keeps today"


def test_past_perfect_is_background_but_not_in_reported_speech(vocab):
    words = ["Troops", "had", "occupied", "the", "town", ".", "Moscow", "said", "it", "had", "negotiated", "a", "truce", "."]
    doc = Doc(vocab, words=words,
              pos=["NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
              tags=["NNS", "VBD", "VBN", "DT", "NN", ".", "NNP", "VBD", "PRP", "VBD", "VBN", "DT", "NN", "."],
              deps=["nsubj", "aux", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj", "punct"],
              heads=[2, 2, 2, 4, 2, 2, 7, 7, 10, 10, 7, 12, 10, 7])
    st = dates.run(state_for(doc, {"occupied", "negotiated"}))
    occ, neg = event(st, "occupied"), event(st, "negotiated")
    assert occ.status == "historical" and occ.date.start is None, "background without a date keeps no date"
    assert neg.status == "asserted" and neg.date.start == "2022-09-13", "'said it had negotiated' is today's news"


def test_future_date_is_not_a_past_deed(vocab):
    """A date after publication does not date a deed told in the past tense: 'next year'
    here is the places', and the blocking is today's news."""
    words = ["Students", "blocked", "the", "road", "over", "places", "for", "next", "year", "."]
    doc = Doc(vocab, words=words,
              pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "ADP", "ADJ", "NOUN", "PUNCT"],
              tags=["NNS", "VBD", "DT", "NN", "IN", "NNS", "IN", "JJ", "NN", "."],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "amod", "pobj", "punct"],
              heads=[1, 1, 3, 1, 1, 4, 5, 8, 6, 1], ents=["O"] * 7 + ["B-DATE", "I-DATE", "O"])
    ev = event(dates.run(state_for(doc, {"blocked"})), "blocked")
    assert (ev.date.start, ev.date.text, ev.status) == ("2022-09-13", None, "asserted")


def test_future_date_of_a_future_deed(vocab):
    """Guard: a deed told in the future keeps a date after publication."""
    doc = Doc(vocab, words=["Officials", "will", "meet", "next", "week", "."],
              pos=["NOUN", "AUX", "VERB", "ADJ", "NOUN", "PUNCT"], tags=["NNS", "MD", "VB", "JJ", "NN", "."],
              deps=["nsubj", "aux", "ROOT", "amod", "npadvmod", "punct"], heads=[2, 2, 2, 4, 2, 2],
              ents=["O", "O", "O", "B-DATE", "I-DATE", "O"])
    ev = event(dates.run(state_for(doc, {"meet"})), "meet")
    assert (ev.date.start, ev.date.precision) == ("2022-09-19", "week")


def test_year_in_the_name_of_a_past_event(vocab):
    """The year of 'the 2017 election' is the election's: an attack told in a clause under
    that noun is not dated by it (the noun is no event of the text)."""
    words = ["Two", "died", "among", "voters", "of", "the", "2017", "election", "whom", "gunmen", "attacked", "."]
    doc = Doc(vocab, words=words,
              pos=["NUM", "VERB", "ADP", "NOUN", "ADP", "DET", "NUM", "NOUN", "PRON", "NOUN", "VERB", "PUNCT"],
              tags=["CD", "VBD", "IN", "NNS", "IN", "DT", "CD", "NN", "WP", "NNS", "VBD", "."],
              deps=["nsubj", "ROOT", "prep", "pobj", "prep", "det", "nummod", "pobj", "dobj", "nsubj", "relcl", "punct"],
              heads=[1, 1, 1, 2, 3, 7, 7, 4, 10, 10, 7, 1], ents=["O"] * 6 + ["B-DATE"] + ["O"] * 5)
    ev = event(dates.run(state_for(doc, {"attacked"})), "attacked")
    assert (ev.date.start, ev.status) == ("2022-09-13", "asserted")


def test_year_of_an_event_noun_dates_its_clause(vocab):
    """Guard: a year on a noun that is an event ('the 2008 violence') still dates the
    deaths told in its relative clause."""
    words = ["Survivors", "recalled", "the", "2008", "violence", "in", "which", "hundreds", "died", "."]
    doc = Doc(vocab, words=words,
              pos=["NOUN", "VERB", "DET", "NUM", "NOUN", "ADP", "PRON", "NOUN", "VERB", "PUNCT"],
              tags=["NNS", "VBD", "DT", "CD", "NN", "IN", "WDT", "NNS", "VBD", "."],
              deps=["nsubj", "ROOT", "det", "nummod", "dobj", "prep", "pobj", "nsubj", "relcl", "punct"],
              heads=[1, 1, 4, 4, 1, 8, 5, 8, 4, 1], ents=["O"] * 3 + ["B-DATE"] + ["O"] * 6)
    ev = event(dates.run(state_for(doc, {"violence", "died"})), "died")
    assert (ev.date.start, ev.status) == ("2008-01-01", "historical")


def test_no_publication_date_leaves_relative_dates_empty(vocab):
    doc = Doc(vocab, words=["Rebels", "attacked", "on", "Tuesday"], pos=["NOUN", "VERB", "ADP", "PROPN"],
              deps=["nsubj", "ROOT", "prep", "pobj"], heads=[1, 1, 1, 2], ents=["O", "O", "O", "B-DATE"])
    st = dates.run(state_for(doc, {"attacked"}, published=None))
    assert event(st, "attacked").date.start is None


# --- model-parsed sentences ---------------------------------------------------------------
MODEL_CASES = [
    # text, published, trigger, date.start, precision, status, why
    ("On Aug 8th 2019, drivers blocked the main road in the town.", "2019-08-10", "blocked", "2019-08-08", "day",
     "asserted", "a month the tagger left out of the DATE entity ('Aug | 8th 2019')"),
    ("Rebels attacked a police post early Tuesday.", "2022-09-13", "attacked", "2022-09-13", "day", "asserted",
     "a weekday in a story of that weekday is that day"),
    ("Rebels attacked a police post on Sunday.", "2022-09-13", "attacked", "2022-09-11", "day", "asserted",
     "the latest Sunday before publication"),
    ("Gunmen killed two farmers on Monday night.", "2022-09-13", "killed", "2022-09-12", "day", "asserted",
     "'night' does not change the day"),
    ("The two countries signed a defense pact last year.", "2022-09-13", "signed", "2021", "year", "historical",
     "signed last year: background with its own year"),
    ("Pashinyan and Aliyev met Aug. 31 in Brussels.", "2022-09-13", "met", "2022-08-31", "day", "asserted",
     "a meeting 13 days back is dated, not background"),
    ("The war ended in November 2020.", "2022-09-13", "war", "2020-11", "month", "historical",
     "the war takes the date of its clause"),
    ("Armenian troops had occupied the districts since the early 1990s.", "2022-09-13", "occupied", "1990", "year",
     "historical", "past perfect with a since-date"),
    ("It was the deadliest fighting since a 2020 war.", "2022-09-13", "war", "2020", "year", "historical",
     "the 2020 war is background"),
    ("It was the deadliest fighting since a 2020 war.", "2022-09-13", "fighting", "2022-09-13", "day", "asserted",
     "the year of the war is not the date of the fighting"),
    ("Police arrested five protesters yesterday.", "2022-09-13", "arrested", "2022-09-12", "day", "asserted",
     "yesterday"),
    ("Militants shelled the town two days ago.", "2022-09-13", "shelled", "2022-09-11", "day", "asserted",
     "n days ago"),
    ("Clashes erupted last week near the border.", "2022-09-13", "Clashes", "2022-09-05", "week", "asserted",
     "the subject takes its clause's date; a week back is not background"),
    ("Protesters rallied in the capital last month.", "2022-09-13", "rallied", "2022-08", "month", "historical",
     "an earlier month is background"),
    ("The army launched an offensive on 9 May 2020.", "2020-05-09", "launched", "2020-05-09", "day", "asserted",
     "a full date on the publication day"),
    ("On December 31 2019, a man was killed in Watamu.", "2019-12-31", "killed", "2019-12-31", "day", "asserted",
     "a fronted date belongs to the main clause"),
    ("Soldiers fired on protesters in the city.", "2022-09-13", "fired", "2022-09-13", "day", "asserted",
     "no date text: current news takes the publication day"),
    ("Gunmen attacked a bus on Dec. 28.", "2023-01-05", "attacked", "2022-12-28", "day", "asserted",
     "a date without year is never after publication"),
    ("A mutual-defence treaty was signed in 1997.", "2022-09-13", "signed", "1997", "year", "historical",
     "a bare year long before publication"),
    ("Rebels attacked the base this morning.", "2022-09-13", "attacked", "2022-09-13", "day", "asserted",
     "this morning is the publication day"),
    ("Gunmen attacked a village last night.", "2022-09-13", "attacked", "2022-09-12", "day", "asserted",
     "last night is the day before publication"),
    ("The rebels have fought the army for decades.", "2022-09-13", "fought", "2022-09-13", "day", "asserted",
     "a duration is not a date"),
    ("Thousands died in a war that ended in 1994.", "2022-09-13", "died|war", "1994", "year", "historical",
     "deaths in a dated war take the war's date"),
    ("Rebels ambushed a convoy on Friday, killing three soldiers.", "2022-09-13", "killing", "2022-09-09", "day",
     "asserted", "a participle takes the date of the event that governs it"),
    ("The former president was arrested in March.", "2022-09-13", "arrested", "2022-03", "month", "historical",
     "a month earlier in the year is background"),
    ("Officials said on Monday that militants had attacked the post.", "2022-09-13", "attacked", "2022-09-12", "day",
     "asserted", "reported speech in the past perfect takes the report's day and is not background"),
    ("Soldiers killed 12 rebels in mid-May.", "2022-09-13", "killed", "2022-05", "month", "historical",
     "mid-May is month precision"),
    ("Protests have continued since Friday.", "2022-09-13", "Protests", "2022-09-13", "day", "asserted",
     "'since Friday' says when it began, not that it is background"),
    ("The two leaders first met in the early 2000s.", "2022-09-13", "met", "2000", "year", "historical",
     "a decade"),
    ("On 9 May 2020, clashes broke out between the army and rebels.", "2020-05-10", "clashes", "2020-05-09", "day",
     "asserted", "the clashes take the date of the clause they are subject of"),
    ("Officials will meet on Sept. 20 in Geneva.", "2022-09-13", "meet", "2022-09-20", "day", "asserted",
     "a day a week ahead is that day, not the same day a year back"),
    ("Armenia appealed to Russia under a 1997 defence treaty.", "2022-09-13", "appealed|treaty", "2022-09-13", "day",
     "asserted", "an event is not dated by a treaty it invokes"),
    ("Armenia appealed to Russia under a 1997 defence treaty.", "2022-09-13", "treaty|appealed", "1997", "year",
     "historical", "...the treaty keeps its year"),
    ("Thousands of teachers who retired in 2007 held a protest over pensions.", "2010-03-09", "protest", "2010-03-09",
     "day", "asserted", "a date in a clause about the protesters does not date the protest"),
    ("Fighting resumed on Sept. 12 after a lull.", "2022-09-13", "Fighting", "2022-09-12", "day", "asserted",
     "abbreviated month with day"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,published,trigger,start,precision,status,why", MODEL_CASES)
def test_model_dates(nlp, text, published, trigger, start, precision, status, why):
    words = trigger.split("|")  # the event under test, then other events in the sentence
    st = dates.run(state_for(nlp(text), set(words), published=published))
    ev = event(st, words[0])
    assert (ev.date.start or "").startswith(start), f"{why}: got {ev.date}"
    assert ev.date.precision == precision, why
    assert ev.status == status, f"{why}: {ev.reason}"


@pytest.mark.model
def test_model_no_publication_date(nlp):
    st = dates.run(state_for(nlp("Rebels attacked the town on Tuesday."), {"attacked"}, published=None))
    ev = event(st, "attacked")
    assert ev.date.start is None and ev.status == "asserted"


def test_bad_cue_kind_is_a_coded_error(vocab, tmp_path, monkeypatch):
    """The cue table is loaded in sitrep.dates_phrases, where the stage reads it too: a bad kind
    is a coded error there and when the stage dates an event."""
    from sitrep.errors import SitrepError
    from sitrep.lexicon import load_table

    bad = tmp_path / "date_cues.tsv"
    bad.write_text("# source: test\ncue\tkind\tnote\nsince\thistorical_preposition\t\n", encoding="utf-8")
    monkeypatch.setattr(dates_phrases, "load_table", lambda name, **kw: load_table(bad, **kw))
    dates_phrases.cues.cache_clear()
    try:
        with pytest.raises(SitrepError, match="E151"):
            dates_phrases.cues()
        doc = Doc(vocab, words=["Rebels", "attacked", "on", "Tuesday"], pos=["NOUN", "VERB", "ADP", "PROPN"],
                  deps=["nsubj", "ROOT", "prep", "pobj"], heads=[1, 1, 1, 2], ents=["O", "O", "O", "B-DATE"])
        with pytest.raises(SitrepError, match="E151"):
            dates.run(state_for(doc, {"attacked"}))
    finally:
        dates_phrases.cues.cache_clear()
