"""Stage: relations. Standing relations between actors (treaties, memberships, bases...)."""
from __future__ import annotations


def run(state):
    return state
