"""Stage: places. Each event gets a location from its sentence's place names."""
from __future__ import annotations


def run(state):
    return state
