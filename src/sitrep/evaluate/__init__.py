"""Evaluation: acceptance facts and scores against gold data (see ``sitrep eval``)."""
