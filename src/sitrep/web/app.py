"""The web app: server-rendered pages over the store, each with a JSON twin.

``create_app(db)`` builds the FastAPI application; ``serve(db, host=..., port=...)`` runs it
with uvicorn (loopback by default). Pages are Jinja2 templates with autoescaping on; the
small scripts in ``static/`` read the JSON twins and write data with ``textContent`` only.
Nothing is loaded from outside the app: Leaflet, its cluster plugin, topojson-client and
Natural Earth outlines are vendored under ``static/vendor`` (scripts/vendor_web.sh).
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from .. import __version__
from . import views
from .filters import event_filters, paging, query_string

HERE = Path(__file__).resolve().parent
PAGES = (("/", "Overview"), ("/events", "Events"), ("/map", "Map"), ("/timeline", "Timeline"),
         ("/network", "Network"), ("/claims", "Claims"))
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class StoreHandle:
    """One store connection per worker thread (SQLite connections stay in their thread)."""

    def __init__(self, db: Optional[str] = None, store: Any = None):
        self.db, self.shared, self.local = db, store, threading.local()

    def get(self):
        if self.shared is not None:
            return self.shared
        store = getattr(self.local, "store", None)
        if store is None:
            from ..store import Store

            store = self.local.store = Store(self.db)
        return store


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pathq"] = lambda v: quote(str(v), safe="")
    env.filters["web_url"] = lambda v: v if isinstance(v, str) and v.lower().startswith(("http://", "https://")) else None
    env.globals.update(pages=PAGES, qs=query_string, evidence=views.evidence_url,
                       names=views.names, claim_url=views.claim_document, version=__version__)
    return env


def create_app(db: Optional[str] = None, *, store: Any = None, token: Optional[str] = None,
               max_body: int = 2_000_000, settings: Any = None) -> FastAPI:
    """The app over the store at ``db`` (or an open ``store`` object, for tests).

    ``token`` enables ``POST /api/documents``; without it the endpoint refuses every write.
    """
    from .api import router

    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  description="Structured, explainable conflict event data: pages, JSON twins and the JSON API.")
    app.state.stores = StoreHandle(db, store)
    app.state.token, app.state.max_body, app.state.settings = token, max_body, settings
    app.state.pipeline, app.state.pipeline_lock = None, threading.Lock()
    app.state.env = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    _pages(app)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        began = time.perf_counter()
        response = await call_next(request)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - began) * 1000:.1f}"
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    return app


def store_of(request: Request):
    return request.app.state.stores.get()


def render(request: Request, name: str, **context) -> HTMLResponse:
    env: Environment = request.app.state.env
    html = env.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html)


def found(value, what: str):
    if value is None:
        raise HTTPException(404, f"No such {what}.")
    return value


def _pages(app: FastAPI) -> None:  # noqa: C901 - one short route per page and twin
    tag = ["pages"]

    @app.get("/.json", tags=tag, summary="Overview (JSON twin of /)")
    def overview_json(request: Request) -> dict:
        return views.overview(store_of(request))

    @app.get("/", response_class=HTMLResponse, tags=tag, summary="Overview page")
    def overview_page(request: Request):
        return render(request, "index.html", filters={}, **views.overview(store_of(request)))

    @app.get("/events.json", tags=tag, summary="Events (JSON twin of /events)")
    def events_json(request: Request, f: dict = Depends(event_filters), p: dict = Depends(paging)) -> dict:
        return views.events(store_of(request), f, p)

    @app.get("/events", response_class=HTMLResponse, tags=tag, summary="Filterable, sortable events table")
    def events_page(request: Request, f: dict = Depends(event_filters), p: dict = Depends(paging)):
        return render(request, "events.html", **views.events(store_of(request), f, p))

    @app.get("/map.json", tags=tag, summary="Located events (JSON twin of /map)")
    def map_json(request: Request, f: dict = Depends(event_filters)) -> dict:
        return views.map_points(store_of(request), f)

    @app.get("/map", response_class=HTMLResponse, tags=tag, summary="Map of events")
    def map_page(request: Request, f: dict = Depends(event_filters)):
        return render(request, "map.html", filters=f)

    @app.get("/timeline.json", tags=tag, summary="Events per day by type (JSON twin of /timeline)")
    def timeline_json(request: Request, f: dict = Depends(event_filters)) -> dict:
        return views.timeline(store_of(request), f)

    @app.get("/timeline", response_class=HTMLResponse, tags=tag, summary="Timeline of events per day")
    def timeline_page(request: Request, f: dict = Depends(event_filters)):
        return render(request, "timeline.html", **views.timeline(store_of(request), f))

    @app.get("/network.json", tags=tag, summary="Actor network (JSON twin of /network)")
    def network_json(request: Request, f: dict = Depends(event_filters)) -> dict:
        return views.network(store_of(request), f)

    @app.get("/network", response_class=HTMLResponse, tags=tag, summary="Actor network")
    def network_page(request: Request, f: dict = Depends(event_filters)):
        return render(request, "network.html", filters=f)

    def claims_ctx(request, f, contested, limit, offset):
        return views.claims(store_of(request), f, contested, limit, offset)

    contested_q = Query(True, description="Only contested claims (false: only uncontested).")
    limit_q = Query(50, ge=1, le=500, description="Claims per page.")
    offset_q = Query(0, ge=0, le=10_000_000, description="Claims to skip.")

    @app.get("/claims.json", tags=tag, summary="Claims (JSON twin of /claims)")
    def claims_json(request: Request, f: dict = Depends(event_filters), contested: Optional[bool] = contested_q,
                    limit: int = limit_q, offset: int = offset_q) -> dict:
        return claims_ctx(request, f, contested, limit, offset)

    @app.get("/claims", response_class=HTMLResponse, tags=tag, summary="Contested claims side by side")
    def claims_page(request: Request, f: dict = Depends(event_filters), contested: Optional[bool] = contested_q,
                    limit: int = limit_q, offset: int = offset_q):
        return render(request, "claims.html", **claims_ctx(request, f, contested, limit, offset))

    @app.get("/documents/{doc_id}.json", tags=tag, summary="A document and its coding (JSON twin)")
    def document_json(request: Request, doc_id: str) -> dict:
        return found(store_of(request).document(doc_id), "document")

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, tags=tag,
             summary="The article with every coded span highlighted")
    def document_page(request: Request, doc_id: str):
        ctx = found(views.document(store_of(request), doc_id), "document")
        return render(request, "document.html", filters={}, **ctx)

    @app.get("/actors/{actor_id}.json", tags=tag, summary="An actor (JSON twin)")
    def actor_json(request: Request, actor_id: str) -> dict:
        return found(store_of(request).actor(actor_id), "actor")

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, tags=tag,
             summary="An actor: mentions, events as actor and recipient, relations")
    def actor_page(request: Request, actor_id: str):
        actor = found(store_of(request).actor(actor_id), "actor")
        return render(request, "actor.html", filters={}, actor=actor)


def serve(db: Optional[str] = None, *, host: str = "127.0.0.1", port: int = 8000,
          token: Optional[str] = None, max_body: int = 2_000_000, settings: Any = None,
          log_level: str = "info") -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db, token=token, max_body=max_body, settings=settings),
                host=host, port=port, log_level=log_level)
