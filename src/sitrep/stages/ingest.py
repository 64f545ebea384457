"""Stage 1, ingest: turn an article dict into a validated, normalised Document.

Checks, each a coded error: empty text (E001), binary data (E002), undecodable bytes
(E003), oversize input (E004), non-English text (E005), an unparseable published date
(E006). HTML is reduced to its article text with trafilatura (offline).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Optional

from ..errors import Errors, SitrepError
from ..lexicon import load_table
from ..records import Document
from ..settings import Settings

_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by at from it his her said were be are "
    "has have had not but an this which after its their they he she who will would been".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def decode(data: bytes, what: str) -> str:
    """Bytes -> text, refusing binary data and invalid UTF-8 with coded errors."""
    head = data[:8192]
    if b"\x00" in head or (head and sum(b < 9 or 13 < b < 32 for b in head) / len(head) > 0.05):
        raise SitrepError(Errors.E002, what=what)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SitrepError(Errors.E003, what=what, detail=f"bad byte at offset {err.start}") from None
    return text


def html_to_text(html: str, what: str = "HTML input") -> tuple[str, dict]:
    """Article text and metadata (title, date, url) from an HTML page."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            with_metadata=True)
    if extracted is None:
        raise SitrepError(Errors.E011, what=what)
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    if not text.strip():
        raise SitrepError(Errors.E011, what=what)
    meta = {k: data.get(k) for k in ("title", "date", "url") if data.get(k)}
    if "date" in meta:
        meta["published"] = meta.pop("date")
    return text, meta


def normalise(text: str) -> str:
    """NFC, unified line ends, collapsed runs of spaces; quotes are kept as written."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_published(value, what: str = "published") -> Optional[str]:
    """An ISO date string (YYYY-MM-DD) from a date, datetime or string; E006 if unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%d-%b-%y", "%d-%m-%y", "%d %B %Y", "%B %d, %Y", "%d/%m/%Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    raise SitrepError(Errors.E006, value=s, what=what)


def english_ratio(text: str) -> float:
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0
    return sum(w in _ENGLISH for w in words) / len(words)


@lru_cache(maxsize=1)
def _foreign() -> frozenset:
    return frozenset(row["word"] for row in load_table("language_cues.tsv", required=["word", "language"]))


SHORT = 40  # words: a headline or a one-line note is judged by evidence of another language


def check_language(text: str, settings: Settings, what: str) -> str:
    words = _WORD.findall(text[:20000])
    if len(words) < 8:  # too short to judge: a headline or a one-line note
        return "en"
    ratio = english_ratio(text)
    if ratio * 4 < settings.min_english_ratio:  # English prose runs at ~0.35-0.5
        lower = [w.lower() for w in words]
        foreign = sum(w in _foreign() for w in lower) / len(lower)
        # a terse English note ("ODM supporters riot after rival candidate receives nomination
        # certificate") has few function words; it fails only beside another language's
        if len(words) >= SHORT or foreign > ratio or guess_language(text) != "non-English":
            raise SitrepError(Errors.E005, what=what, language=guess_language(text))
    return "en"


def guess_language(text: str) -> str:
    """A rough name for non-English text, for the error message."""
    sample = text[:2000]
    scripts = {"Cyrillic": "ru", "Arabic": "ar", "CJK": "zh", "Hangul": "ko", "Hebrew": "he",
               "Greek": "el", "Armenian": "hy", "Georgian": "ka", "Devanagari": "hi", "Thai": "th"}
    for ch in sample:
        if ch.isalpha() and ord(ch) > 0x24F:
            name = unicodedata.name(ch, "")
            for script, code in scripts.items():
                if script.upper() in name:
                    return code
    return "non-English"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run(article: dict, settings: Settings) -> Document:
    """Validate and normalise one article dict (keys: text or html, id, published, ...)."""
    what = str(article.get("id") or article.get("path") or "the article")
    text = article.get("text")
    meta: dict = {}
    if isinstance(text, (bytes, bytearray)):
        if len(text) > settings.max_bytes:
            raise SitrepError(Errors.E004, what=what, size=len(text), limit=settings.max_bytes)
        text = decode(bytes(text), what)
    if text is None and article.get("html") is not None:
        html = article["html"]
        if isinstance(html, (bytes, bytearray)):
            html = decode(bytes(html), what)
        text, meta = html_to_text(html, what)
    if text is None:
        raise SitrepError(Errors.E008, what=what)
    if not isinstance(text, str):
        raise SitrepError(Errors.E008, what=what)
    size = len(text.encode("utf-8"))
    if size > settings.max_bytes:
        raise SitrepError(Errors.E004, what=what, size=size, limit=settings.max_bytes)
    if "\x00" in text[:8192]:
        raise SitrepError(Errors.E002, what=what)
    text = normalise(text)
    if not text:
        raise SitrepError(Errors.E001)
    language = check_language(text, settings, what)
    published = parse_published(article.get("published") or meta.get("published"), what=f"{what} published")
    digest = content_hash(text)
    return Document(
        id=str(article.get("id") or digest[:16]), text=text, title=article.get("title") or meta.get("title"),
        published=published, source=article.get("source"), url=article.get("url") or meta.get("url"),
        language=language, content_hash=digest)


def dropped(article: dict, err: SitrepError) -> Document:
    """The empty document a batch yields for an article it could not code."""
    raw = article.get("text")
    return Document(id=str(article.get("id") or article.get("path") or "unknown"), text="",
                    title=article.get("title"), source=article.get("source"), url=article.get("url"),
                    dropped=str(err), content_hash=None if not isinstance(raw, str) else content_hash(raw))
