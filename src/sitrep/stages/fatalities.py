"""Stage: fatalities. Deaths reported for each event, ACLED's conservative way."""
from __future__ import annotations


def run(state):
    return state
