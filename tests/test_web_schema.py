"""A bounded schemathesis run against /openapi.json: no generated request (odd strings in
filters, extreme paging, unknown ids, junk article bodies for the ingest) makes the server
fail. The store is a real one, filled with the hand-built reports of test_web_fixtures (the
schema is loaded when the module is imported, before session fixtures exist)."""
from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from sitrep.store import Store
from sitrep.web import create_app
from test_web_fixtures import hand_built

TOKEN = "schema-test-token-0123456789abcdef"
DB = Path(tempfile.mkdtemp(prefix="sitrep-schema-")) / "schema.db"
with Store(DB) as _store:
    for _r in hand_built():
        _store.add(_r)

APP = create_app(str(DB), token=TOKEN, max_body=20_000)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_server_error(case):
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.method == "POST" else None
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
