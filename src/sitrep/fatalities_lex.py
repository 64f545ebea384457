"""The fatalities stage's data and number reading: death words, vague-number values and
qualifiers (data/fatality_words.tsv, fatality_numbers.tsv, fatality_qualifiers.tsv), and
the number phrase of a toll ("forty - nine", "at least 12", "between 10 and 15", "dozens")
read conservatively (the lower end of a range, ACLED's values for vague words)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .dates_phrases import MONTH_WORD
from .errors import Errors, SitrepError
from .lexicon import load_table


# what marks a date besides a month's name (dates_phrases.MONTH_WORD): a year, a slash, a weekday, a unit of time
DATE_MARKS = re.compile(r"\b(1[89]|20)\d\d\b|/|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|"
                        r"\b(day|week|month|year)s?\b", re.I)
TOLL_HEADERS = ("fatalities", "fatality", "deaths", "dead", "killed")   # the words of a coder's toll field
NUMERAL = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
RANGE = re.compile(r"^(\d+)[-–](\d+)$")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    words = {}
    for row in load_table("fatality_words.tsv", required=["lemma", "pos", "kind", "role"]):
        words[(row["lemma"], row["pos"])] = row
    table = load_table("fatality_numbers.tsv", required=["word", "value", "kind"])
    for r in table:
        if not (r["value"] or "").isdigit():
            raise SitrepError(Errors.E150, path=table.path, word=r["word"], value=r["value"])
    numbers = {r["word"]: r for r in table}
    quals = {tuple(r["phrase"].split()): r["qualifier"]
             for r in load_table("fatality_qualifiers.tsv", required=["phrase", "qualifier"])}
    return {"words": words, "numbers": numbers, "qualifiers": quals}


@lru_cache(maxsize=None)
def kind_words(kind: str, pos: tuple = ()) -> frozenset:
    """Lemmas of fatality_words.tsv of one kind (and, if given, of those parts of speech); built once."""
    return frozenset(k[0] for k, r in lexicon()["words"].items() if r["kind"] == kind and (not pos or k[1] in pos))


def parse_number(words: list[str]) -> Optional[tuple[int, str]]:
    """Value and kind ('exact' or the vague word's qualifier) of a number phrase:
    ["forty", "-", "nine"] -> (49, "exact"), ["2,000"] -> (2000, "exact"), ["dozens"] -> (12, "at_least")."""
    nums = lexicon()["numbers"]
    words = [w.lower() for w in words if w not in ("-", "and", "of")]
    if not words:
        return None
    if len(words) == 1 and RANGE.match(words[0]):  # "10-15": the conservative end
        lo, hi = RANGE.match(words[0]).groups()
        return min(int(lo), int(hi)), "at_least"
    if len(words) <= 3 and nums.get(words[-1], {}).get("kind") == "vague" \
            and all(w in ("a", "an", "few", "some", "several") or w == words[-1] for w in words):
        row = nums[words[-1]]
        return int(row["value"]), row.get("qualifier") or "unknown"
    total, current, seen = 0.0, 0.0, False
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]   # "a couple" is 2, "a hundred" 100: the article counts nothing by itself
    for w in words:
        if NUMERAL.match(w):
            current, seen = float(w.replace(",", "")), True
            continue
        row = nums.get(w)
        if row is None or row["kind"] == "vague":
            return None
        value = float(row["value"])
        if row["kind"] == "scale" or w == "dozen":
            current = max(current, 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
        seen = True
    return (int(total + current), "exact") if seen else None


def is_numberish(tok) -> bool:
    nums = lexicon()["numbers"]
    return tok.like_num or tok.text.lower() in nums or bool(NUMERAL.match(tok.text) or RANGE.match(tok.text)) \
        or tok.text == "-"


def number_phrase(tok) -> list:
    """The contiguous number words around ``tok`` ("forty - nine", "a dozen", "2,000")."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > tok.sent.start and is_numberish(doc[lo - 1]) and doc[lo - 1].text.lower() not in ("no",):
        lo -= 1
    while hi + 1 < tok.sent.end and is_numberish(doc[hi + 1]) and doc[hi + 1].pos_ in ("NUM", "PUNCT"):
        hi += 1
    while lo < tok.i and doc[lo].text == "-":
        lo += 1
    return [doc[i] for i in range(lo, hi + 1)]


def range_low(phrase: list, value: int) -> Optional[int]:
    """The lower end when the number is one end of a range, else None."""
    m = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", "".join(t.text for t in phrase))
    if m:
        return min(int(m.group(1)), int(m.group(2)))
    doc, first, last = phrase[0].doc, phrase[0], phrase[-1]
    between = first.i > 0 and doc[first.i - 1].text.lower() == "between"
    joiners = ("to", "-", "–", "or") + (("and",) if between else ())
    if last.i + 2 < len(doc) and doc[last.i + 1].text.lower() in joiners and is_numberish(doc[last.i + 2]):
        other = parse_number([doc[last.i + 2].text])
        return min(value, other[0]) if other else None
    if first.i >= 2 and doc[first.i - 1].text.lower() in ("to", "-", "–", "and", "or") and is_numberish(doc[first.i - 2]):
        other = parse_number([doc[first.i - 2].text])
        return min(value, other[0]) if other else None
    return None


def qualifier_before(first) -> tuple[str, list]:
    """The qualifier phrase that ends right before token ``first``."""
    doc, quals = first.doc, lexicon()["qualifiers"]
    for n in (4, 3, 2, 1):
        lo = first.i - n
        if lo < first.sent.start:
            continue
        words = tuple(t.text.lower() for t in doc[lo:first.i])
        if words in quals:
            return quals[words], list(doc[lo:first.i])
    return "exact", []


def in_date(tok) -> bool:
    """True for a token of a real date ("27 February", "11/04"), not of a number the
    tagger took for one ("Between 10 and 15" militants)."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and tok.i == ent.end - 1 > ent.start + 1 and tok.like_num and ent[0].like_num \
            and ent.end < len(tok.doc) and (tok.doc[ent.end].tag_ == "NNS" or tok.doc[tok.i - 1].text.endswith(".")):
        return False  # "01 Oct. 7 people killed", "12 Sep. 4 killed": the tagger ran the date on into the count
    if ent is not None and tok.i == ent.end - 1 == ent.start + 1 and tok.like_num and ent[0].text.endswith(".") \
            and ent.start > 0 and tok.doc[ent.start - 1].like_num:
        return False  # "12 Sep. 4 killed" tagged '12' and 'Sep. 4': the day stands before the month, '4' is a count
    text = ent.text if ent is not None else tok.text
    return bool(MONTH_WORD.search(text) or DATE_MARKS.search(text))
