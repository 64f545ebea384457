"""Reading ingest inputs: directories, CSV with configurable columns, JSONL, RSS, Atom;
unreadable files become Bad items, never exceptions."""
from sitrep.ingest_files import Bad, CsvColumns, articles, estimate

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Clash</title><link>https://example.org/1</link><guid>w1</guid>
<pubDate>Tue, 13 Sep 2022 08:00:00 GMT</pubDate>
<description>Armenian and Azerbaijani forces clashed overnight, officials said.</description></item>
<item><title>Talks</title><link>https://example.org/2</link><guid>w2</guid>
<description>Envoys met in Moscow to discuss a ceasefire.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><id>urn:a1</id><title>Shelling</title><updated>2022-09-14T10:00:00Z</updated>
<link href="https://example.org/a1"/><content type="html">&lt;p&gt;Shelling hit Jermuk on Wednesday, the
ministry said.&lt;/p&gt;</content></entry></feed>"""


def test_directory_walk_reads_every_kind_in_a_stable_order(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("Forces clashed near the border on Monday, officials said.")
    (tmp_path / "sub" / "feed.rss").write_text(RSS)
    (tmp_path / "sub" / "deeper" / "desk.atom").write_text(ATOM)
    (tmp_path / "sub" / "b.jsonl").write_text('{"id": "j1", "text": "Troops withdrew."}\n\n{"id": "j2", "text": "x"}\n')
    (tmp_path / ".hidden.txt").write_text("skipped")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(articles([tmp_path]))
    ids = [a["id"] for a in items]
    assert ids == ["a", "j1", "j2", "urn:a1", "w1", "w2"], ids
    w1 = next(a for a in items if a["id"] == "w1")
    assert w1["source"] == "Wire" and w1["url"] == "https://example.org/1" and "clashed" in w1["text"]
    a1 = next(a for a in items if a["id"] == "urn:a1")
    assert "Jermuk" in a1["html"] and a1["published"].startswith("2022-09-14")
    assert estimate([tmp_path]) == 6


def test_csv_columns_are_configurable(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text('key,body,day,headline\nk1,"Police fired tear gas at protesters, witnesses said.",2023-03-20,Unrest\n')
    (a,) = articles([f], columns=CsvColumns(text="body", id="key", published="day", title="headline"))
    assert (a["id"], a["published"], a["title"]) == ("k1", "2023-03-20", "Unrest")
    assert a["text"].startswith("Police fired")


def test_unreadable_inputs_are_reported_not_raised(tmp_path):
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n")
    (tmp_path / "broken.rss").write_text("<rss><channel><item>")
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "fine"}\nnot json\n')
    out = list(articles([tmp_path, tmp_path / "absent.txt"]))
    bad = {b.path.rsplit("/", 1)[-1]: b.reason for b in out if isinstance(b, Bad)}
    assert bad["bad.csv"].startswith("[E205]")
    assert bad["bad.jsonl"].startswith("[E007]")
    assert bad["absent.txt"].startswith("[E010]")
    assert "broken.rss" in bad
