"""Every error sitrep raises, coded and kept in one place.

Library code raises ``SitrepError(Errors.E0xx, **values)``; only the CLI prints them.
"""
from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    # input (E0xx)
    E001 = "Empty input: the article has no text."
    E002 = "Binary input: {what} looks like binary data, not text."
    E003 = "Input is not valid UTF-8 text: {what} ({detail})."
    E004 = "Input too large: {what} is {size:,} bytes; the limit is {limit:,} bytes (set max_bytes to raise it)."
    E005 = "Not English: {what} looks like '{language}'; sitrep codes English text only."
    E006 = "Unparseable date {value!r} for {what}: give an ISO date such as 2022-09-13."
    E007 = "Malformed JSON on line {line} of {what}: {detail}."
    E008 = "No article text in {what}: a JSON article needs a 'text' field."
    E009 = "Unsupported input {what}: expected .txt, .html, .htm, .jsonl, .json, .csv, .xml, .rss, .atom or '-'."
    E010 = "No such file: {what}."
    E011 = "HTML input {what} holds no article text after extraction."
    # models and data (E1xx)
    E101 = "spaCy pipeline {name!r} is not installed: install it with pip (sitrep never downloads models)."
    E102 = "Data file {path} is malformed: {detail}."
    E103 = "Data file {path} has no provenance header ('# source:' line)."
    E104 = "The compiled gazetteer {path} is missing: run scripts/build_gazetteer.py."
    E105 = "Unknown word class {name!r}: data/word_classes.tsv has {known}."
    # actors (E130-E149)
    E130 = "User actor file {path} does not exist (set by Settings.user_actors or SITREP_ACTORS)."
    E131 = "User actor file {path}, row {row}: unknown country code {value!r} (use ISO 3166-1 alpha-3, e.g. ARM)."
    E132 = "User actor file {path}, row {row}: unknown kind {value!r} (person, state, igo, armed_group, organization, group)."
    # dates and fatalities (E150-E159)
    E150 = "Fatality lexicon {path}, word {word!r}: value {value!r} is not a whole number."
    E151 = "Date cue file {path}: cue {cue!r} has unknown kind {kind!r} (one of {known})."
    # events (E160-E179)
    E160 = "Event trigger {phrase!r} names an unknown frame {frame!r} (see data/event_frames.tsv)."
    # claims (E180-E199)
    E180 = "Claims data file {path}: cue {cue!r} names an unknown stance {stance!r} (assert, deny, accuse, support, demand, reject)."
    # store (E2xx)
    E201 = "Store {path} is not a sitrep database: {detail}."
    E202 = "Store {path} was written by a newer sitrep (schema {found}, this sitrep knows {known})."
    E203 = "Unknown sort key {key!r}: choose one of {choices}."
    E204 = "Cannot read {what}: {detail}."
    E205 = "CSV file {what} has no text column {column!r} (columns: {columns})."
    E206 = "Feed {what} is not readable RSS/Atom: {detail}."
    E207 = "Unknown export format {fmt!r}: choose one of {choices}."
    E208 = "Cannot reach the Dask scheduler at {address}: {detail}."
    E209 = "Export to {fmt} needs a file path (--output), not standard output."
    E210 = "Coding {what} failed inside the pipeline: {detail}."
    # evaluation (E3xx)
    E301 = "Gold data not found at {path}: set SITREP_DATA or pass --data."
    E302 = "Evaluation floor broken: {detail}."
    E303 = "Gold data changed: {name} checksum {found} differs from the baseline's {expected}; re-pin with --update-baseline."
    E304 = "Refusing to lower evaluation floors ({detail}): pass --allow-lower to accept a regression."
    E305 = "Unknown evaluation {name!r}: choose from {choices}."
    E306 = "Evaluation baseline {path} is malformed: {detail}."
    # web (E4xx)
    E401 = "Writes are disabled: no API token is configured."
    E402 = "Token file {path} is readable by other users (mode {mode}): run chmod 600 on it."
    E403 = "Token file {path} holds no usable token (16 characters or more): delete it to generate a new one."
    E404 = "Missing or wrong API token: send the header 'Authorization: Bearer <token>'."
    E405 = "Request body too large: the limit is {limit:,} bytes."
    E406 = "Request body is not a JSON article: {detail}."
    # event typing (E650-E669)
    E650 = "Event label {label!r} names an unknown frame {frame!r} (see data/event_frames.tsv)."
    # event trigger phrases (E670-E689)
    E670 = "Event trigger {phrase!r}: a slot '*' may stand once, between the words ('set * on fire')."


class SitrepError(Exception):
    """An expected failure with a coded, one-line message."""

    def __init__(self, code: Errors, **values):
        self.code = code
        self.values = values
        super().__init__(f"[{code.name}] {code.value.format(**values)}")

    @property
    def reason(self) -> str:
        """Short machine-readable reason, e.g. 'E001'."""
        return self.code.name
