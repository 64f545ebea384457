"""Query parameters shared by every view: event filters, sorting and paging.

The same names filter the table, the map, the timeline and the network, so a range chosen
on the timeline (``since``/``until``) follows the analyst to the other views through the
query string. Values are validated here and handed to the store as bound parameters.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from ..records import STATUSES

SORTS = ("date", "fatalities", "type", "country", "sources", "mentions")  # the store's sort keys
Sort = Literal[SORTS]  # type: ignore[valid-type]
DATE = r"^(\d{4}-\d{2}-\d{2})?$"


def _day(value: Optional[str], name: str) -> Optional[str]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be an ISO date such as 2022-09-13") from None


def event_filters(
    country: Optional[str] = Query(None, max_length=64, description="ISO 3166-1 alpha-3 code of the event's country, e.g. ARM."),
    actor: Optional[str] = Query(None, max_length=200, description="Actor id (A12) or name taking part in the event."),
    type: Optional[str] = Query(None, max_length=100, description="ACLED event or sub-event type or PLOVER type, e.g. Battles."),
    status: Optional[str] = Query(None, pattern=f"^({'|'.join(STATUSES)})?$",
                                  description="Event status (asserted, claimed, denied, ...); empty for any."),
    since: Optional[str] = Query(None, pattern=DATE, description="First day (ISO date), inclusive."),
    until: Optional[str] = Query(None, pattern=DATE, description="Last day (ISO date), inclusive."),
    contested: Optional[str] = Query(None, pattern="^(true|false)?$",
                                     description="true: only events with contested claims; false: only without."),
    q: Optional[str] = Query(None, max_length=200, description="Words to find in actor names and sentences."),
) -> dict:
    """The filters of a request; empty form fields mean no filter."""
    values = dict(country=country, actor=actor, type=type, status=status, since=_day(since, "since"),
                  until=_day(until, "until"), contested={"true": True, "false": False}.get(contested or ""), q=q)
    return {k: v for k, v in values.items() if v not in (None, "")}


def paging(
    sort: Sort = Query("date", description="Column to sort by."),
    desc: bool = Query(True, description="Sort descending."),
    limit: int = Query(50, ge=1, le=500, description="Rows per page."),
    offset: int = Query(0, ge=0, le=10_000_000, description="Rows to skip."),
) -> dict:
    return dict(sort=sort, desc=desc, limit=limit, offset=offset)


def query_string(filters: dict, **extra) -> str:
    """``?a=b&...`` for links that keep the current filters (empty string if none)."""
    values = {**filters, **extra}
    pairs = [(k, str(v).lower() if isinstance(v, bool) else v) for k, v in values.items() if v not in (None, "")]
    return "?" + urlencode(pairs) if pairs else ""
