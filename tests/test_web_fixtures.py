"""Shared by the web tests: a real store filled with real coded results (the example article
coded by the pipeline) plus hand-built reports with places, claims that contest each other,
relations, and HTML/JS payloads in titles, text, actor and place names. No tests here."""
from __future__ import annotations

import socket
import threading
import time

import pytest

PAYLOAD_ACTOR = '<img src=x onerror="window.__xss=1">Militia'
PAYLOAD_TITLE = '<script>window.__xss=2</script>Title'
PAYLOAD_PLACE = '<svg onload="window.__xss=3">Town'
PAYLOAD_TEXT = ('Reports said <b onmouseover="window.__xss=4">bold</b> and <script>window.__xss=5</script> '
                f'fighters of {PAYLOAD_ACTOR} attacked {PAYLOAD_PLACE} on Monday, killing 3 people.')

ARM = ("Armenia", "state", "ARM", "GOV")
AZE = ("Azerbaijan", "state", "AZE", "GOV")
RUS = ("Russia", "state", "RUS", "GOV")
CSTO = ("Collective Security Treaty Organization", "igo", None, "IGO")
ARM_MIL = ("Armenian forces", "state", "ARM", "MIL")
AZE_MIL = ("Azerbaijani forces", "state", "AZE", "MIL")


def spans(result, event_index: int, **needles) -> None:
    """Give an event's date, location and toll the spans of the words they were coded from."""
    from sitrep.records import Span

    ev, text = result.events[event_index], result.document.text
    for attr, needle in needles.items():
        i = text.index(needle)
        target = ev.date if attr == "date" else ev.location if attr == "place" else ev.fatalities
        target.span = Span(needle, i, i + len(needle))


def hand_built():
    """Reports written for these tests (no gold data), coded by hand with sitrep.store.synthetic."""
    from sitrep.store.synthetic import report

    contest_text = ("The Armenian defence ministry said Azerbaijani forces shelled Jermuk overnight, killing 5 soldiers. "
                    "Azerbaijan's defence ministry denied it and said Armenian forces shelled positions near Kalbajar.")
    contest = report("wire-contest", contest_text, published="2022-09-14", title="Both sides trade blame",
                     source="test wire", events=[
        dict(trigger="shelled", actors=[AZE_MIL], recipients=[ARM_MIL], date="2022-09-14",
             place=("Jermuk", "ARM", 1, 39.84, 45.67), type=("Political violence", "Explosions/Remote violence",
                                                            "Shelling/artillery/missile attack"),
             plover="ASSAULT", fatalities=(5, "exact"), sentence=contest_text.split(". ")[0],
             claim=(("Armenian defence ministry", "state", "ARM", "MIL"), "said", "accuse")),
        dict(trigger="denied", actors=[ARM_MIL], recipients=[AZE_MIL], date="2022-09-14",
             place=("Kalbajar", "AZE", 1, 40.10, 46.04), type=("Political violence", "Explosions/Remote violence",
                                                              "Shelling/artillery/missile attack"),
             plover="ASSAULT", sentence=contest_text.split(". ")[1],
             claim=(("Azerbaijan's defence ministry", "state", "AZE", "MIL"), "denied", "deny")),
    ])
    spans(contest, 0, date="overnight", place="Jermuk", toll="5 soldiers")
    spans(contest, 1, place="Kalbajar")
    c1, c2 = contest.claims
    c1.contested_by, c2.contested_by = [c2.id], [c1.id]

    treaty_text = ("Armenia is a member of the Collective Security Treaty Organization, and Russia keeps a "
                   "military base in Armenia. Protesters rallied in Yerevan on 20 September against the government.")
    treaty = report("wire-treaty", treaty_text, published="2022-09-20", title="Allies and protests", source="test wire",
                    relations=[("member_of", ARM, CSTO), ("military_presence", RUS, ARM)],
                    events=[dict(trigger="rallied", actors=[("Protesters", "group", "ARM", "CVL")], recipients=[ARM],
                                 date="2022-09-20", place=("Yerevan", "ARM", 1, 40.18, 44.51),
                                 type=("Demonstrations", "Protests", "Peaceful protest"), plover="PROTEST")])

    payload = report("wire-payload", PAYLOAD_TEXT, published="2022-09-12", title=PAYLOAD_TITLE, source="<i>src</i>",
                     relations=[("hostile", (PAYLOAD_ACTOR, "armed_group", "AZE", "REB"), ARM)],
                     events=[dict(trigger="attacked", actors=[(PAYLOAD_ACTOR, "armed_group", "AZE", "REB")],
                                  recipients=[("civilians", "group", "AZE", "CVL")], date="2022-09-12",
                                  place=(PAYLOAD_PLACE, "AZE", 1, 40.5, 47.5),
                                  type=("Political violence", "Violence against civilians", "Attack"),
                                  plover="ASSAULT", fatalities=(3, "exact"),
                                  claim=(("Reports", "group", None, None), "said", "assert"))])
    spans(treaty, 0, date="20 September", place="Yerevan")
    spans(payload, 0, date="Monday", place=PAYLOAD_PLACE, toll="3 people")
    return [contest, treaty, payload]


def fill(store, example_result) -> None:
    assert store.add(example_result)
    for r in hand_built():
        assert store.add(r)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, example_result):
    from sitrep.store import Store

    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store(path) as store:
        fill(store, example_result)
    return str(path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn on loopback in a thread, on a free port."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)
