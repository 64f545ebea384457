"""Stage: claims. Who says what: reporting constructions, stances, contested accounts."""
from __future__ import annotations


def run(state):
    return state
