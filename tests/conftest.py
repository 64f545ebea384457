import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "armenia-azerbaijan-2022-09-13"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def example_result(pipeline):
    from sitrep.demo import article

    a = article()
    return pipeline.code(a.pop("text"), **a)


@pytest.fixture
def vocab():
    from spacy.vocab import Vocab

    return Vocab()


def needs(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present (gold data is read from ../shared)")
