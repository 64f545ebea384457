"""The worked example: code article.txt and check expected.yaml's facts."""
import yaml

from conftest import EXAMPLE, needs
from sitrep.evaluate.facts import check

MIN_FACTS = 12  # the foundation's floor; later issues raise it


@needs(EXAMPLE)
def test_example_facts(example_result):
    expected = yaml.safe_load((EXAMPLE / "expected.yaml").read_text())
    results = check(example_result.to_dict(), expected)
    held = [r for r in results if r.held]
    print(f"\nexpected.yaml: {len(held)} of {len(results)} facts hold")
    for r in results:
        print(f"  {'ok  ' if r.held else 'not yet'} {r.section:22} {r.why or r.fact}")
    broken = [r.why for r in results if r.section.endswith("must_not") and not r.held]
    assert not broken, f"must_not facts broken: {broken}"
    assert len(held) >= MIN_FACTS


def test_fact_matcher_rules():
    from sitrep.evaluate.facts import fact_holds

    claim = {"speaker": {"name": "Nikol Pashinyan", "country": "ARM"}, "text": {"text": "at least 49 killed"}}
    ev = {"date": {"start": "2022-09-13"}, "actors": [{"country": "AZE"}], "recipients": [{"country": "ARM"}],
          "fatalities": {"count": 49}}
    assert fact_holds([claim], {"speaker.name": "Pashinyan", "text_has": "49"})
    assert fact_holds([claim], {"speaker.name": "nikol pashinyan"})
    assert not fact_holds([claim], {"speaker.name": "Nikol"})           # a given name is not a surname
    assert not fact_holds([claim], {"speaker.name": "Aliyev"})
    assert fact_holds([ev], {"date.start": "2022", "parties": ["ARM", "AZE"]})
    assert not fact_holds([ev], {"parties": ["ARM", "RUS"]})
    assert fact_holds([ev], {"fatalities.count_at_least": 40}) and not fact_holds([ev], {"fatalities.count_at_least": 50})
    assert fact_holds([ev], {"actors.country": ["RUS", "AZE"]})
