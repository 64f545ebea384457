"""The JSON API under ``/api/`` (described at ``/openapi.json``), including ingest.

``POST /api/documents`` codes an article and stores it. It needs the bearer token the app
was started with; without one, writes are off (E401). Bodies over the limit are refused
(E405) before they are read in full.
"""
from __future__ import annotations

import json
from typing import Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from ..errors import Errors, SitrepError
from . import views
from .auth import authorized
from .filters import event_filters, paging

router = APIRouter(prefix="/api", tags=["api"])
LIMIT = Query(50, ge=1, le=500, description="Rows per page.")
OFFSET = Query(0, ge=0, le=10_000_000, description="Rows to skip.")
ARTICLE_FIELDS = ("id", "title", "published", "source", "url")
ARTICLE_SCHEMA = {
    "type": "object", "required": ["text"],
    "properties": {"text": {"type": "string", "description": "The article text."},
                   **{k: {"type": "string"} for k in ARTICLE_FIELDS}},
}


def store_of(request: Request):
    return request.app.state.stores.get()


def _found(value, what: str):
    if value is None:
        raise HTTPException(404, f"No such {what}.")
    return value


def refuse(status: int, err: SitrepError, **headers) -> HTTPException:
    return HTTPException(status, {"error": err.reason, "message": str(err)}, headers=headers or None)


@router.get("/events", summary="Fused events, filtered, sorted and paginated")
def api_events(request: Request, f: dict = Depends(event_filters), p: dict = Depends(paging)) -> dict:
    return views.events(store_of(request), f, p)


@router.get("/events/{event_id}", summary="One fused event")
def api_event(request: Request, event_id: str) -> dict:
    return _found(store_of(request).event(event_id), "event")


@router.get("/claims", summary="Claims, optionally only contested ones")
def api_claims(request: Request, contested: Optional[bool] = Query(None, description="Contested (true) or not (false)."),
               country: Optional[str] = Query(None, max_length=64, description="ISO3 country of the speaker or event."),
               actor: Optional[str] = Query(None, max_length=200, description="Actor id or name."),
               since: Optional[str] = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="First day."),
               until: Optional[str] = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Last day."),
               limit: int = LIMIT, offset: int = OFFSET) -> dict:
    rows = store_of(request).claims(contested=contested, country=country, actor=actor, since=since,
                                    until=until, limit=limit, offset=offset)
    return {"claims": rows, "limit": limit, "offset": offset}


@router.get("/actors", summary="Actors")
def api_actors(request: Request, country: Optional[str] = Query(None, max_length=64, description="ISO3 country."),
               kind: Optional[str] = Query(None, max_length=32, description="state, person, organization, ..."),
               q: Optional[str] = Query(None, max_length=200, description="Words in the actor's name."),
               limit: int = LIMIT, offset: int = OFFSET) -> dict:
    rows = store_of(request).actors(country=country, kind=kind, q=q, limit=limit, offset=offset)
    return {"actors": rows, "limit": limit, "offset": offset}


@router.get("/actors/{actor_id}", summary="One actor with mentions, events and relations")
def api_actor(request: Request, actor_id: str) -> dict:
    return _found(store_of(request).actor(actor_id), "actor")


@router.get("/relations", summary="Standing relations between actors")
def api_relations(request: Request, type: Optional[str] = Query(None, max_length=64, description="Relation type."),
                  actor: Optional[str] = Query(None, max_length=200, description="Actor id or name."),
                  country: Optional[str] = Query(None, max_length=64, description="ISO3 country."),
                  limit: int = LIMIT, offset: int = OFFSET) -> dict:
    rows = store_of(request).relations(type=type, actor=actor, country=country, limit=limit, offset=offset)
    return {"relations": rows, "limit": limit, "offset": offset}


@router.get("/documents", summary="Stored documents")
def api_documents(request: Request, limit: int = LIMIT, offset: int = OFFSET) -> dict:
    return {"documents": store_of(request).documents(limit=limit, offset=offset), "limit": limit, "offset": offset}


@router.get("/documents/{doc_id}", summary="One document with its text and coding")
def api_document(request: Request, doc_id: str) -> dict:
    return _found(store_of(request).document(doc_id), "document")


@router.get("/timeline", summary="Events per day by ACLED type, with fatalities")
def api_timeline(request: Request, f: dict = Depends(event_filters)) -> dict:
    return views.timeline(store_of(request), f)


@router.get("/network", summary="Actors as nodes; relations and event dyads as typed, weighted edges")
def api_network(request: Request, f: dict = Depends(event_filters)) -> dict:
    return views.network(store_of(request), f)


@router.get("/map", summary="Located events as map points")
def api_map(request: Request, f: dict = Depends(event_filters)) -> dict:
    return views.map_points(store_of(request), f)


@router.get("/stats", summary="Counts of what the store holds")
def api_stats(request: Request) -> dict:
    return store_of(request).stats()


async def _body(request: Request, limit: int) -> dict:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise refuse(413, SitrepError(Errors.E405, limit=limit))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise refuse(413, SitrepError(Errors.E405, limit=limit))
    try:
        article = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise refuse(422, SitrepError(Errors.E406, detail=str(err))) from None
    if not isinstance(article, dict) or not isinstance(article.get("text"), str):
        raise refuse(422, SitrepError(Errors.E406, detail="an object with a string 'text' field is needed"))
    bad = [k for k in ARTICLE_FIELDS if article.get(k) is not None and not isinstance(article[k], str)]
    if bad:
        raise refuse(422, SitrepError(Errors.E406, detail=f"{', '.join(bad)} must be strings"))
    return article


def _code_and_store(request: Request, article: dict) -> dict:
    state = request.app.state
    with state.pipeline_lock:
        if state.pipeline is None:
            from ..pipeline import Pipeline

            state.pipeline = Pipeline(state.settings)
        meta = {k: article[k] for k in ARTICLE_FIELDS if article.get(k) is not None}
        result = state.pipeline.code(article["text"], **meta)
    store = store_of(request)
    added = store.add(result)
    doc_id = _stored_id(store, result)
    return {"document_id": doc_id, "added": added, "events": len(result.events), "claims": len(result.claims),
            "url": None if doc_id is None else f"/documents/{quote(str(doc_id), safe='')}"}


def _stored_id(store, result) -> Optional[str]:
    """The id the store keeps the article under: its own id, or the store's ``id~hash``
    when another text already had that id; None if the same text is stored under another id."""
    digest = result.document.content_hash
    for candidate in (result.document.id, f"{result.document.id}~{(digest or '')[:8]}"):
        found = store.document(candidate)
        if found and (digest is None or found["document"].get("content_hash") == digest):
            return candidate
    return None


@router.post("/documents", status_code=201, summary="Code an article and store it (bearer token required)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": ARTICLE_SCHEMA}}}},
             responses={401: {"description": "Missing or wrong token"}, 403: {"description": "Writes are off"},
                        413: {"description": "Body too large"}, 422: {"description": "Not an article"}})
async def api_post_document(request: Request) -> dict:
    token = request.app.state.token
    if not token:
        raise refuse(403, SitrepError(Errors.E401))
    if not authorized(request.headers.get("authorization"), token):
        raise refuse(401, SitrepError(Errors.E404), **{"WWW-Authenticate": "Bearer"})
    article = await _body(request, request.app.state.max_body)
    try:
        return await run_in_threadpool(_code_and_store, request, article)
    except SitrepError as err:
        raise refuse(422, err) from None
