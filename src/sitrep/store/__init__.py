"""The store: an embedded SQLite database of coded documents, fused events, claims,
actors and relations, with the batch ingest that fills it and the exports that read it."""
from .store import ENV_VAR, Store

__all__ = ["Store", "ENV_VAR"]
