"""Bad input gets a coded, one-line error (library) and a non-zero exit (CLI)."""
import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.errors import SitrepError
from sitrep.settings import Settings
from sitrep.stages import ingest

ENGLISH = "Armenian Prime Minister Nikol Pashinyan said at least 49 of his soldiers were killed in clashes."
CASES = [
    # (article, error code, why)
    ({"text": ""}, "E001", "empty text"),
    ({"text": "  \n\t "}, "E001", "white space only"),
    ({"text": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10}, "E002", "binary bytes"),
    ({"text": "caf\xe9 ".encode("latin-1") * 20}, "E003", "non-UTF-8 bytes"),
    ({"text": "a " * 3_000_000}, "E004", "over the size limit"),
    ({"text": "Die Regierung hat am Dienstag erklärt, dass die Kämpfe an der Grenze weitergehen und "
              "viele Soldaten getötet wurden."}, "E005", "German text"),
    ({"text": "Правительство заявило во вторник, что бои на границе продолжаются и многие солдаты погибли."},
     "E005", "Russian text"),
    ({"text": ENGLISH, "published": "the day after tomorrow-ish"}, "E006", "unparseable date"),
    ({"title": "no text"}, "E008", "no text field"),
]


@pytest.mark.parametrize("article,code,why", CASES, ids=[c[2] for c in CASES])
def test_bad_input_raises_coded_error(article, code, why):
    with pytest.raises(SitrepError) as info:
        ingest.run(article, Settings())
    assert info.value.reason == code, why
    assert "\n" not in str(info.value)


def test_good_input_is_normalised():
    doc = ingest.run({"text": "  Clashes  erupted\r\n\r\n\r\n\r\nat the border. " + ENGLISH,
                      "published": "13-Sep-22"}, Settings())
    assert doc.text.startswith("Clashes erupted\n\nat the border.")
    assert doc.published == "2022-09-13"
    assert doc.language == "en" and len(doc.content_hash) == 64


@pytest.mark.parametrize("value,expected", [
    ("2022-09-13", "2022-09-13"), ("2022-09-13T08:00:00Z", "2022-09-13"),
    ("Tue, 13 Sep 2022 08:00:00 GMT", "2022-09-13"), ("13-Sep-22", "2022-09-13"), ("13-09-22", "2022-09-13"),
])
def test_published_formats(value, expected):
    assert ingest.parse_published(value) == expected


CLI_CASES = [
    (b"", [], "E001"),
    (b"\x00\x01\x02binary\x00" * 50, [], "E002"),
    (b"\xff\xfe bad bytes \xc3\x28" * 30, [], "E003"),
    (ENGLISH.encode() + b" " + b"x" * 5_000_000, [], "E004"),
    ("Die Regierung hat am Dienstag erklärt, dass die Kämpfe an der Grenze weitergehen.".encode(), [], "E005"),
    (ENGLISH.encode(), ["--published", "not a date"], "E006"),
]


@pytest.mark.parametrize("data,args,code", CLI_CASES, ids=[c[2] for c in CLI_CASES])
def test_cli_bad_input_one_line_error(tmp_path, data, args, code):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    res = CliRunner().invoke(cli, ["code", str(path), *args])
    assert res.exit_code != 0
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert f"[{code}]" in res.output
    assert len(res.output.strip().splitlines()) == 1


@pytest.mark.model
def test_batch_keeps_going_with_reasons(pipeline):
    out = list(pipeline.pipe([{"id": "a", "text": ENGLISH, "published": "2022-09-13"},
                              {"id": "b", "text": ""},
                              {"id": "c", "text": b"\x00\x01" * 100},
                              {"id": "d", "text": ENGLISH, "published": "garbage date"}]))
    assert [r.document.id for r in out] == ["a", "b", "c", "d"]
    assert out[0].document.dropped is None and out[0].events
    for r, code in zip(out[1:], ["E001", "E002", "E006"]):
        assert r.document.dropped and f"[{code}]" in r.document.dropped and not r.events


@pytest.mark.parametrize("text,why", [
    ("Party youths riot after a rival is handed the nomination certificate.", "a terse English note"),
    ("Imbonerakure and CNL members clashed with machetes in Buhomba.", "names outnumber function words"),
    ("Fighting reported near Aş Şa‘īd town overnight, several homes damaged by shelling.", "a place with diacritics"),
])
def test_terse_english_is_english(text, why):
    assert ingest.run({"text": text}, Settings()).language == "en", why


@pytest.mark.parametrize("text,why", [
    ("Los manifestantes bloquearon la carretera para protestar por la falta de agua.", "short Spanish"),
    ("Les manifestants ont bloqué la route pour protester contre la hausse des prix.", "short French"),
])
def test_short_foreign_text_is_refused(text, why):
    with pytest.raises(SitrepError) as info:
        ingest.run({"text": text}, Settings())
    assert info.value.reason == "E005", why
