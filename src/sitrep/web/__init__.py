"""``sitrep serve``: the analyst's web app over the store (SPEC §4 Web)."""
from .app import create_app, serve

__all__ = ["create_app", "serve"]
