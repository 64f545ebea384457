"""data/word_classes.tsv: the word classes the argument rules read, and their loader."""
import re
from pathlib import Path

import pytest

import sitrep
from sitrep.errors import SitrepError
from sitrep.lexicon import load_table, word_class


def test_file_has_provenance_and_documents_its_classes():
    table = load_table("word_classes.tsv", required=["class", "word"])
    assert table.header.get("source") and "known problems" in table.header
    for name in {r["class"] for r in table}:
        assert f"- {name}:" in table.header["classes"], f"class {name} is not described in the header"


def test_every_class_named_in_code_exists():
    src = Path(sitrep.__file__).parent
    named = {m for f in src.rglob("*.py") for m in re.findall(r'word_class\(([^)]*)\)', f.read_text())}
    names = {n for args in named for n in re.findall(r'"([a-z_]+)"', args)}
    assert names, "no word_class(...) call found"
    for name in names:
        assert word_class(name), name


def test_classes_join():
    civilian, military = word_class("civilian_thing"), word_class("military_thing")
    assert "home" in civilian and "helicopter" in military
    assert word_class("civilian_thing", "military_thing") == civilian | military


def test_unknown_class_is_a_coded_error():
    with pytest.raises(SitrepError) as err:
        word_class("no_such_class")
    assert "E105" in str(err.value) and "light_verb" in str(err.value)
